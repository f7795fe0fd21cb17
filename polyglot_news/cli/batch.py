"""`polyglot-news batch IN_DIR --out OUT_DIR`: a folder tree of inputs into a mirror tree of digests."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import options, process_ends_with_command
from .app import command
from .digest import settings_from_options


def split_formats(values: list[str]) -> list[str]:
    """`-f text -f json` and `-f text,json` both give ["text", "json"]."""
    return [f.strip() for v in values for f in v.split(",") if f.strip()]


@command("batch")
def batch_command(
    in_dir: Path = typer.Argument(..., help="Folder of scraped pages (.txt .html .htm .md), searched recursively."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the digests (mirrors IN_DIR); holds the manifest and report."),
    format: list[str] = typer.Option(["text,json"], "--format", "-f", help="Output formats: text, markdown, json (repeat or comma-separate)."),
    glob: list[str] = options.GLOB,
    exclude: list[str] = options.EXCLUDE,
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Local worker processes, started warm from this one."),
    cluster: Optional[str] = typer.Option(None, "--cluster", metavar="ADDRESS",
                                          help="Run on Dask: a scheduler (tcp://host:8786) or local:N for N local worker processes "
                                               "(needs pip install 'polyglot-news[cluster]')."),
    shared_fs: bool = typer.Option(False, "--shared-fs", help="With --cluster: workers see IN_DIR at the same path; send paths, not bytes."),
    chunk: int = typer.Option(8, "--chunk", min=1, help="Inputs per unit of work; translation batches fill across them."),
    max_size: float = typer.Option(10.0, "--max-size", min=0.001, help="Largest input to take, in MB."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on stderr."),
    wait: bool = typer.Option(False, "--wait", help="If another batch is writing to OUT_DIR, wait for it instead of stopping."),
    sentences: int = options.SENTENCES,
    words: Optional[int] = options.WORDS,
    ratio: Optional[float] = options.RATIO,
    algorithm: str = options.ALGORITHM,
    translate: str = options.TRANSLATE,
    no_translate: bool = options.NO_TRANSLATE,
    cache: bool = options.CACHE,
    glossary: list[Path] = options.GLOSSARY,
) -> None:
    """Digest every page under IN_DIR into OUT_DIR, redoing only what changed.

    Reruns skip unchanged inputs, redo changed ones and report removed ones; Ctrl-C
    stops cleanly and the next run resumes. Failed inputs are listed with their reason
    in OUT_DIR/batch-report.txt; the exit code is 1 if any input failed.

    Example: polyglot-news batch scraped/ --out digests/ --format text,json --jobs 2
    On a Dask cluster: polyglot-news batch scraped/ --out digests/ --cluster tcp://scheduler:8786
    """
    from rich.console import Console
    from rich.table import Table

    from ..batch import REPORT_NAME, run_batch
    from ..pipeline import fewer_collections
    from ..render.labels import one_line

    settings = settings_from_options(sentences, words, ratio, algorithm, translate, cache, glossary, no_translate)
    err = Console(stderr=True, highlight=False)
    # as in `digest`: the run's objects are frozen for the collector when it ends, since the process does
    with fewer_collections(last=process_ends_with_command()):
        report = run_batch(in_dir, out, settings, split_formats(format), glob, exclude, jobs,
                           int(max_size * 1_000_000), progress=progress, console=err, wait=wait,
                           on_wait=lambda holder: err.print(f"waiting for the batch holding {one_line(str(out))} "
                                                            f"({one_line(holder)})", markup=False, highlight=False),
                           cluster=cluster, shared_fs=shared_fs, chunk_files=chunk)
    table = Table(title="batch", title_justify="left", show_header=True)
    for col in ("found", "digested", "unchanged", "failed", "removed", "seconds", "digested/s"):
        table.add_column(col, justify="right")
    rate = len(report.digested) / report.seconds if report.seconds else 0.0
    table.add_row(str(report.found), str(len(report.digested)), str(report.unchanged), str(len(report.failed)),
                  str(len(report.removed)), f"{report.seconds:.1f}", f"{rate:.2f}")
    err.print(table)
    for note in report.notes:
        err.print(f"note: {one_line(note)}", markup=False, highlight=False)
    shown = 20  # the report file lists them all
    for rel, reason in sorted(report.failed)[:shown]:
        err.print(f"failed: {one_line(rel)}: {one_line(reason)}", markup=False, highlight=False)
    for rel in report.removed[:shown]:
        err.print(f"removed: {one_line(rel)}", markup=False, highlight=False)
    hidden = max(0, len(report.failed) - shown) + max(0, len(report.removed) - shown)
    if hidden:
        err.print(f"... and {hidden} more, listed in the report", markup=False, highlight=False)
    err.print(f"report: {Path(out) / REPORT_NAME}", markup=False, highlight=False)
    if report.interrupted:
        err.print("interrupted: rerun the same command to finish", markup=False)
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(1)
