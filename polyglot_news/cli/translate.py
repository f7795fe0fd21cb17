"""`polyglot-news translate FILE|- --to en`: raw translation of a text, line by line, with language detection."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import ConfigError
from .app import cli_source, command


@command("translate")
def translate_command(
    path: str = typer.Argument(..., help="A .txt/.html file, or - for stdin."),
    to: str = typer.Option("en", "--to", help="Target language (only en is supported)."),
    cache: bool = typer.Option(True, "--cache/--no-cache", help="Use the persistent translation cache."),
    dir: Optional[Path] = typer.Option(None, "--dir", help="Packages folder (default: $ARGOS_PACKAGES_DIR or Argos's own)."),
    beam: int = typer.Option(4, "--beam", min=1, max=16, help="Beam size of the decoder."),
) -> None:
    """Translate every paragraph of a text to English, detecting each paragraph's language.

    English paragraphs pass through unchanged; paragraphs with no installed model are printed
    as they are, and the notes on stderr say which and how to install the model.

    Example: polyglot-news translate samples/ru-article.txt --to en
    """
    from ..config import Settings
    from ..curated import load_glossaries
    from ..detect import mark_languages
    from ..ingest import read_source
    from ..model import BODY
    from ..translate import to_english

    if to != "en":
        raise ConfigError(f"--to {to}: only English (en) is supported as the target language")
    settings = Settings(use_cache=cache, packages_dir=dir, beam_size=beam)
    glossary = load_glossaries()
    article = mark_languages(read_source(cli_source(path)), glossary)
    for seg in article.segments:
        seg.kind = BODY  # raw translation: every paragraph counts, page chrome included
    to_english([article], settings, glossary)
    for seg in article.segments:
        typer.echo(seg.english if seg.english is not None else seg.text)
    for note in article.notes:
        print(f"note: {note}", file=sys.stderr)
