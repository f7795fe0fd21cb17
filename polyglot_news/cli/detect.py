"""`polyglot-news detect FILE`: every segment with its kind, language and confidence."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import InputError
from .app import cli_source, command

FORMATS = ("table", "json")


@command("detect")
def detect_command(
    path: str = typer.Argument(..., help="A .txt/.html file, or - for stdin."),
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
    glossary: list[Path] = typer.Option([], "--glossary", help="Extra glossary folder (repeatable)."),
) -> None:
    """Show the language the router gives every segment of a page, with its kind and confidence.

    `und` marks numbers, symbols and strings too short to call: they are never translated.

    Example: polyglot-news detect samples/en-page-dump.txt --format json
    """
    from ..clean import mark_kinds
    from ..curated import load_glossaries
    from ..detect import mark_languages
    from ..ingest import read_source

    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}")
    glossaries = load_glossaries(glossary)
    article = mark_languages(mark_kinds(read_source(cli_source(path)), glossaries), glossaries)
    rows = [
        {"line": s.line, "kind": s.kind, "lang": s.lang, "confidence": round(s.confidence, 3), "text": s.text}
        for s in article.segments
    ]
    if format == "json":
        typer.echo(json.dumps({"source": article.source, "languages": article.languages(), "segments": rows},
                              ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..render.labels import one_line

    # article text and file names are data, never markup or terminal escapes: plain Text, one line each
    table = Table(title=Text(one_line(article.source)), title_justify="left")
    for name, justify in (("line", "right"), ("kind", "left"), ("lang", "left"), ("confidence", "right"), ("text", "left")):
        table.add_column(name, justify=justify, overflow="fold" if name == "text" else "ellipsis")
    for r in rows:
        style = "dim" if r["lang"] == "und" else ("bold yellow" if r["lang"] != "en" else None)
        table.add_row(str(r["line"]), Text(r["kind"]), Text(r["lang"]), f"{r['confidence']:.2f}", Text(one_line(r["text"])),
                      style=style)
    Console(highlight=False).print(table)
