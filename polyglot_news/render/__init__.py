"""Renderers: what a Digest looks like in the terminal, as text, Markdown, JSON, or an e-mail.

    render(digest, "text")       # plain, 72 columns, email-ready
    render(digest, "markdown")
    render(digest, "json")       # the JSON contract
    write_terminal(digest)       # rich; plain when not a terminal or NO_COLOR is set

Only `terminal` imports rich; the string renderers are stdlib only.
"""

from __future__ import annotations

from ..errors import ConfigError
from ..model import Digest

FORMATS = ("text", "markdown", "json")
EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json"}


def render(digest: Digest, fmt: str) -> str:
    """One digest as a string in `fmt` (text, markdown or json), ending in a newline."""
    if fmt == "text":
        from .text import text_digest

        return text_digest(digest)
    if fmt == "markdown":
        from .markdown import markdown_digest

        return markdown_digest(digest)
    if fmt == "json":
        from .json import json_digest

        return json_digest(digest)
    raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def write_terminal(digest: Digest, console=None) -> None:
    """Print one digest with rich on `console` (default stdout); see `render.terminal`."""
    from .terminal import write_terminal as _write

    _write(digest, console)


__all__ = ["render", "write_terminal", "FORMATS", "EXTENSIONS"]
