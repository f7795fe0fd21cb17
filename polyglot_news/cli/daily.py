"""`polyglot-news daily IN_DIR --out FILE`: one email-ready file for a day's articles."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import ConfigError
from . import options, process_ends_with_command
from .app import command
from .digest import settings_from_options


@command("daily")
def daily_command(
    in_dir: Path = typer.Argument(..., help="Folder of scraped pages, searched recursively."),
    out: Path = typer.Option(..., "--out", "-o", help="File to write (UTF-8); '-' for stdout."),
    date: Optional[str] = typer.Option(None, "--date", help="The day, YYYY-MM-DD (default today). An article's day is a date in its path, else its file's mtime."),
    eml: bool = typer.Option(False, "--eml", help="Write an RFC 5322 .eml message (text and HTML parts) instead of plain text."),
    format: str = typer.Option("text", "--format", "-f", help="text (email-ready, 72 columns) or markdown."),
    sender: Optional[str] = typer.Option(None, "--from", help="From address of the .eml (default polyglot-news@localhost)."),
    to: Optional[str] = typer.Option(None, "--to", help="To address of the .eml."),
    explain: bool = typer.Option(False, "--explain", help="Under each story's sources, say why they were merged (the names, numbers and words they share)."),
    glob: list[str] = options.GLOB,
    exclude: list[str] = options.EXCLUDE,
    sentences: int = options.SENTENCES,
    translate: str = options.TRANSLATE,
    no_translate: bool = options.NO_TRANSLATE,
    cache: bool = options.CACHE,
    glossary: list[Path] = options.GLOSSARY,
) -> None:
    """Write one email-ready digest of a day's articles: contents, stories, one glossary.

    The same story from several sources appears once, with every source listed.
    Inputs that cannot be read are listed at the end; the exit code is then 1.

    Example: polyglot-news daily scraped/ --date 2026-11-27 --out today.txt
    """
    import sys

    from ..atomic import write_atomic
    from ..daily import daily_digest, day_eml, parse_day, render_day
    from ..pipeline import fewer_collections
    from ..render.labels import one_line

    if format not in ("text", "markdown"):
        raise ConfigError(f"unknown format {format!r}: choose text or markdown")
    settings = settings_from_options(sentences, None, None, "news", translate, cache, glossary, no_translate)
    # grouping and rendering a day make many objects, as the page pass does; then the process exits
    with fewer_collections(last=process_ends_with_command()):
        day = daily_digest(in_dir, parse_day(date), settings, glob, exclude)
        data: bytes = day_eml(day, sender, to) if eml else render_day(day, format, explain).encode("utf-8")
    if str(out) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(out, data)
        print(f"{out}: {len(day.stories)} stories from {day.articles} articles for {day.date.isoformat()}", file=sys.stderr)
    for rel, reason in day.failed:
        print(f"polyglot-news: error: {one_line(rel)}: {one_line(reason)}", file=sys.stderr)
    if day.failed:
        raise typer.Exit(1)
