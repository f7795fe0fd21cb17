"""`polyglot-news clean FILE`: the article text the digest is built from, or every line with its kind."""

from __future__ import annotations

from pathlib import Path

import typer

from .app import cli_source, command


@command("clean")
def clean_command(
    path: str = typer.Argument(..., help="A .txt/.html file, or - for stdin."),
    show_all: bool = typer.Option(False, "--show-all", "-a", help="Print every line as LINE KIND TEXT."),
    glossary: list[Path] = typer.Option([], "--glossary", help="Extra glossary folder (repeatable)."),
) -> None:
    """Print the kept article text (title and body) of a scraped page.

    Example: polyglot-news clean samples/en-page-dump.txt --show-all
    """
    from ..clean import mark_kinds
    from ..curated import load_glossaries
    from ..ingest import read_source

    article = mark_kinds(read_source(cli_source(path)), load_glossaries(glossary))
    if show_all:
        width = max(len(str(s.line)) for s in article.segments)
        for s in article.segments:
            typer.echo(f"{s.line:>{width}} {s.kind:<11} {s.text}")
        return
    for s in article.article_segments():
        typer.echo(s.text)
