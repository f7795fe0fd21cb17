"""Command line: a thin shell over the library. Each `cli/<area>.py` registers its commands.

Command modules must not import heavy engines (argostranslate, torch) at top level.
"""

from __future__ import annotations

import importlib

from .app import app

# each module registers its commands on `app` when imported; keep this list in help order
COMMAND_MODULES = ["digest", "clean", "batch", "daily", "detect", "glossary", "translate", "models", "cache"]

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")


def main() -> None:
    """Entry point of the `polyglot-news` console script."""
    app(prog_name="polyglot-news")


__all__ = ["app", "main"]
