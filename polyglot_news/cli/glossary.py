"""`polyglot-news glossary list|check|export|import`: the curated glossaries users ship and share."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import GlossaryError, InputError
from .app import group, reports_errors

glossary_app = group("glossary", "Curated term lists: list, check, export and import (CSV and TBX).")

EXPORT_FORMATS = ("csv", "tbx")
LIST_FORMATS = ("table", "csv", "json")


def _load(folders: list[Path], shipped: bool):
    from ..curated import load_glossaries

    return load_glossaries(folders, shipped=shipped)


def _select(entries, kind: Optional[str], lang: Optional[str], names_only: bool):
    from ..curated import NAME_KINDS

    out = []
    for e in entries:
        if kind and e.kind != kind:
            continue
        if lang and e.lang != lang:
            continue
        if names_only and e.kind not in NAME_KINDS:
            continue
        out.append(e)
    return out


@glossary_app.command("list")
@reports_errors
def list_command(
    glossary: list[Path] = typer.Option([], "--glossary", help="Extra glossary folder or file (repeatable)."),
    shipped: bool = typer.Option(True, "--shipped/--no-shipped", help="Include the glossaries shipped with polyglot-news."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Only this kind: person, place, organisation, other, ui."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Only this source language (ISO 639-1, e.g. ru)."),
    format: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
) -> None:
    """List the curated entries: term, language, English form, kind, note, aliases.

    Example: polyglot-news glossary list --lang ru --kind person
    """
    from ..curated.store import csv_text

    if format not in LIST_FORMATS:
        raise InputError(f"unknown format {format!r}: choose one of {', '.join(LIST_FORMATS)}")
    g = _load(glossary, shipped)
    entries = _select(g.entries, kind, lang, False)
    for problem in g.problems:
        print(f"polyglot-news: warning: {problem}", file=sys.stderr)
    if format == "csv":
        typer.echo(csv_text(entries), nl=False)
    elif format == "json":
        rows = [{"term": e.term, "lang": e.lang, "english": e.english, "kind": e.kind, "note": e.note,
                 "aliases": list(e.aliases), "source": e.source} for e in entries]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(entries)} entries", title_justify="left")
        for name in ("term", "lang", "english", "kind", "note", "aliases"):
            table.add_column(name, overflow="fold")
        for e in entries:
            table.add_row(e.term, e.lang, e.english, e.kind, e.note, " | ".join(e.aliases))
        Console().print(table)


@glossary_app.command("check")
@reports_errors
def check_command(
    glossary: list[Path] = typer.Option([], "--glossary", help="Extra glossary folder or file (repeatable)."),
    shipped: bool = typer.Option(True, "--shipped/--no-shipped", help="Include the glossaries shipped with polyglot-news."),
) -> None:
    """Find malformed rows and duplicate or conflicting entries, each with its file and line.

    Exits 1 when anything is found, so it can guard a commit or CI.

    Example: polyglot-news glossary check --glossary ~/my-glossaries --no-shipped
    """
    from ..curated.store import conflicts

    g = _load(glossary, shipped)
    findings = list(g.problems) + conflicts(g)
    for line in findings:
        typer.echo(line)
    files = len(g.files)
    if findings:
        typer.echo(f"{len(findings)} problem(s) in {files} file(s), {len(g.entries)} entries loaded", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {len(g.entries)} entries in {files} file(s)", err=True)


@glossary_app.command("export")
@reports_errors
def export_command(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="File to write (default: standard output)."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="csv or tbx (default: from --out's suffix, else csv)."),
    glossary: list[Path] = typer.Option([], "--glossary", help="Extra glossary folder or file (repeatable)."),
    shipped: bool = typer.Option(True, "--shipped/--no-shipped", help="Include the glossaries shipped with polyglot-news."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Only this kind: person, place, organisation, other, ui."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Only this source language (ISO 639-1, e.g. ru)."),
    names: bool = typer.Option(False, "--names", help="Only named terms (no UI strings)."),
) -> None:
    """Export curated entries as one CSV file or as TBX (ISO 30042) for translation tools.

    Example: polyglot-news glossary export --names --out names.tbx
    """
    from ..curated.store import csv_text
    from ..curated.tbx import tbx_document

    fmt = format or (out.suffix.lower().lstrip(".") if out and out.suffix.lower() in (".csv", ".tbx") else "csv")
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    g = _load(glossary, shipped)
    entries = _select(g.entries, kind, lang, names)
    text = tbx_document(entries) if fmt == "tbx" else csv_text(entries)
    if out is None:
        typer.echo(text, nl=False)
        return
    from ..atomic import write_atomic

    write_atomic(out, text)
    typer.echo(f"wrote {len(entries)} entries to {out}", err=True)


@glossary_app.command("import")
@reports_errors
def import_command(
    source: Path = typer.Argument(..., help="A .tbx (or .csv/.tsv) glossary to import."),
    out: Path = typer.Option(..., "--out", "-o", help="CSV file to write, or a folder (the file is named after the source)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Convert a TBX glossary from a translation tool into our CSV, ready for a glossary folder.

    Rows that cannot be used are reported with their place in the file and skipped.

    Example: polyglot-news glossary import team-terms.tbx --out ~/.config/polyglot-news/glossaries/
    """
    from ..curated import Glossary
    from ..curated.store import csv_text, read_file

    if not source.is_file():
        raise InputError(f"{source}: no such file")
    g = Glossary()
    read_file(source, g)
    for problem in g.problems:
        print(f"polyglot-news: warning: {problem}", file=sys.stderr)
    if not g.entries:
        raise GlossaryError(f"{source}: no usable entries")
    target = out / (source.stem + ".csv") if out.is_dir() else out
    if target.exists() and not force:
        raise InputError(f"{target}: already exists (use --force to overwrite)")
    from ..atomic import write_atomic

    write_atomic(target, csv_text(g.entries))
    typer.echo(f"imported {len(g.entries)} entries into {target}", err=True)
