"""`polyglot-news digest PATH|-`: one article (or a folder of them) as an English digest."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..config import TRANSLATE_MODES, Settings
from ..errors import ConfigError, InputError
from . import options, process_ends_with_command
from .app import command

FORMATS = ("terminal", "text", "markdown", "json")


def settings_from_options(
    sentences: int,
    words: Optional[int],
    ratio: Optional[float],
    algorithm: str,
    translate: bool | str,
    cache: bool,
    glossary: list[Path],
    no_translate: bool = False,
) -> Settings:
    """Build Settings from the options shared by digest, batch and daily.

    `translate` is the --translate mode (summary, all, none) or, as before, a bool (False: none).
    Raises ConfigError for an unknown mode.
    """
    if isinstance(translate, bool):
        mode = "summary" if translate else "none"
    else:
        mode = translate.strip().lower()
    if no_translate:
        mode = "none"
    settings = Settings(
        sentences=sentences,
        words=words,
        ratio=ratio,
        algorithm=algorithm,
        translate=mode != "none",
        translate_mode=mode,
        use_cache=cache,
        glossary_dirs=list(glossary or []),
    )
    if settings.mode not in TRANSLATE_MODES:  # a one-line error before any work
        raise ConfigError(f"unknown --translate mode {translate!r}: choose one of {', '.join(TRANSLATE_MODES)}")
    return settings


@command("digest")
def digest_command(
    path: str = typer.Argument(..., help="A .txt/.html file, a folder of them, or - for stdin."),
    format: str = typer.Option("terminal", "--format", "-f", help="terminal, text, markdown or json."),
    sentences: int = options.SENTENCES,
    words: Optional[int] = options.WORDS,
    ratio: Optional[float] = options.RATIO,
    algorithm: str = options.ALGORITHM,
    translate: str = options.TRANSLATE,
    no_translate: bool = options.NO_TRANSLATE,
    cache: bool = options.CACHE,
    glossary: list[Path] = options.GLOSSARY,
) -> None:
    """Turn a scraped page into a short English digest.

    Example: polyglot-news digest samples/ru-article.txt --format text
    """
    from .. import pipeline
    from ..ingest import sources_in
    from ..render import render, write_terminal

    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}")
    settings = settings_from_options(sentences, words, ratio, algorithm, translate, cache, glossary, no_translate)
    sources = sources_in(path)
    failed = []

    def report(source, error) -> None:
        failed.append(source)
        print(f"polyglot-news: error: {error}", file=sys.stderr)

    # rendering a folder's digests, too, makes many objects; at the end the process exits
    with pipeline.fewer_collections(last=process_ends_with_command()):
        digests = pipeline.digest_many(sources, settings, on_error=report if len(sources) > 1 else None)
        if format == "terminal":
            for d in digests:
                write_terminal(d)
        elif format == "json" and len(digests) > 1:
            from ..render.indented_json import write_list

            # what json.dumps(..., indent=2) writes, a digest at a time
            write_list((d.to_json() for d in digests), lambda piece: typer.echo(piece, nl=False))
            typer.echo("")
        else:
            typer.echo("\n".join(render(d, format) for d in digests), nl=False)
    if failed:
        raise typer.Exit(1)
