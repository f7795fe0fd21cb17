"""Digesting a folder tree: discovery, a manifest of what is done, parallel workers, a report.

    report = run_batch("scraped/", "digests/", formats=("text", "json"), jobs=2)
    report.failed        # [(relative path, reason), ...]

The unit of work, `chunks.digest_chunk(items, settings, formats)`, is a pure function of a
chunk of inputs (their bytes, or paths with `shared_fs`), the settings and the installed
models: it returns each input's rendered outputs and never touches the output folder, so it
runs here, in local workers forked warm (`pools.py`), or on a Dask cluster (`cluster.py`). Everything with side
effects stays in the parent: reading inputs, writing outputs atomically, and the SQLite
manifest (`OUT_DIR/.batch-manifest.sqlite3`) that makes reruns incremental:

- an input whose size and mtime match its manifest row (and the settings fingerprint) is
  skipped without being read; if only the stat changed, its SHA-256 decides;
- a changed input, or one whose outputs are missing, is redone; a removed one is reported;
- a failed input is retried on every run (its reason may have gone away).

Outputs mirror the input tree: `IN/a/b/page.html` gives `OUT/a/b/page.html.txt`,
`.md`, `.json`. Names come from input paths, never from article titles.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat as statmod
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..atomic import leftover_temp_files, write_all_atomic, write_atomic
from ..config import Settings
from ..curated.store import glossary_sources
from ..errors import ConfigError
from ..ingest.folders import Found, discover, os_reason
from .fingerprint import content_hash, settings_fingerprint
from .lock import OutLock, OutputError, output_problem, sqlite_problem
from .manifest import Manifest
from .report import BatchReport, output_paths
from .chunks import DEFAULT_CHUNK_BYTES, DEFAULT_CHUNK_FILES, Item
from .pools import Died, InProcess, LocalPool
from .work import Outcome

MANIFEST_NAME = ".batch-manifest.sqlite3"
REPORT_NAME = "batch-report.txt"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_FORMATS = ("text", "json")


@dataclass
class _Job:
    found: Found
    size: int
    mtime_ns: int
    sha256: str | None = None


class _Progress:
    """A rich progress bar with counts and ETA on stderr, or nothing."""

    def __init__(self, enabled: bool, console=None):
        self.bar = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[ok]} digested, {task.fields[same]} unchanged, {task.fields[bad]} failed"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=False,
            auto_refresh=False,  # no refresh thread: local workers are forked from this process
        )
        self.task = None

    def start(self, total: int) -> None:
        if self.bar:
            self.bar.start()
            self.task = self.bar.add_task("digesting", total=total, ok=0, same=0, bad=0)

    def update(self, report: BatchReport) -> None:
        if self.bar and self.task is not None:
            self.bar.update(self.task, completed=len(report.digested) + report.unchanged + len(report.failed),
                            ok=len(report.digested), same=report.unchanged, bad=len(report.failed))
            self.bar.refresh()

    def stop(self) -> None:
        if self.bar:
            self.bar.stop()


def run_batch(
    in_dir: str | Path,
    out_dir: str | Path,
    settings: Settings | None = None,
    formats: Iterable[str] = DEFAULT_FORMATS,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool = False,
    console=None,
    on_done: Callable[[str, str], None] | None = None,
    wait: bool = False,
    on_wait: Callable[[str], None] | None = None,
    cluster: str | None = None,
    shared_fs: bool = False,
    chunk_files: int = DEFAULT_CHUNK_FILES,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
) -> BatchReport:
    """Digest every input under `in_dir` into `out_dir`, incrementally; see the module docstring.

    `jobs` > 1 runs that many worker processes, each loading the models once. Ctrl-C
    stops the run after the work in hand (the report says `interrupted`); the next run
    picks up where it stopped. The report is also written to `OUT_DIR/batch-report.txt`.
    `on_done(rel, status)` is called as each input settles: "digested", "unchanged" or "failed".
    One run at a time holds OUT (see `lock.py`): another run raises ConfigError naming it, or
    with `wait` blocks until it ends (`on_wait(holder)` first). A full or read-only OUT stops
    the run with one OutputError; what was written is whole and recorded, so a rerun finishes.
    Inputs go to the workers in chunks of up to `chunk_files` inputs (and `chunk_bytes` bytes),
    so translation batches fill across articles; each input is still recorded on its own.
    `cluster` runs the chunks on Dask instead: a scheduler address (tcp://host:8786) or
    `local:N` for a LocalCluster of N worker processes started for the run (needs the
    `cluster` extra). `shared_fs` sends paths instead of bytes, for workers that see the same files.
    """
    from ..render import FORMATS

    settings = settings or Settings()
    formats = tuple(dict.fromkeys(formats))
    for fmt in formats:
        if fmt not in FORMATS:
            raise ConfigError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    if cluster:  # before anything is touched: a bad address or a missing extra is a one-line error
        from .cluster import check_address

        check_address(cluster)
    # a glossary folder that is missing or unreadable is a setting to fix: said once, before OUT is touched
    glossary_sources(settings.glossary_dirs, shipped=settings.use_shipped_glossaries)
    in_path, out_path = Path(in_dir), Path(out_dir)
    if not in_path.is_dir():
        raise ConfigError(f"{in_dir}: not a folder")
    real_in, real_out = os.path.realpath(in_path), os.path.realpath(out_path)
    if os.path.commonpath([real_in, real_out]) == real_out:  # outputs would land among the inputs
        raise ConfigError(f"--out {out_dir}: must not be the input folder or hold it; choose a folder beside it or inside it")
    try:
        out_path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise output_problem(out_path, e) or ConfigError(f"--out {out_dir}: cannot create it ({e.strerror})") from None
    from ..pipeline import fewer_collections

    lock = OutLock(out_path)
    lock.acquire(wait, on_wait)
    # the collector runs as seldom as in `digest DIR`: here and, since they fork inside it, in the workers
    try:
        with fewer_collections():
            return _locked_run(in_path, out_path, settings, formats, include, exclude, jobs, max_bytes, progress, console,
                               on_done, cluster, shared_fs, chunk_files, chunk_bytes)
    finally:
        lock.release()


def _locked_run(in_path, out_path, settings, formats, include, exclude, jobs, max_bytes, progress, console, on_done,
                cluster, shared_fs, chunk_files, chunk_bytes):
    """The run proper, under the lock; a full or read-only OUT becomes one OutputError at the end."""
    stopped: OutputError | None = None
    try:
        for tmp in leftover_temp_files(out_path):  # from a run that was killed mid-write
            tmp.unlink(missing_ok=True)
    except OSError as e:
        raise output_problem(out_path, e) or ConfigError(f"--out {out_path}: {e.strerror}") from None
    run = _Run(in_path, out_path, settings, formats, max_bytes, BatchReport(str(in_path), str(out_path), jobs=max(1, jobs)),
               _Progress(progress, console), on_done)
    run.shared_fs, run.chunk_files, run.chunk_bytes = shared_fs, max(1, chunk_files), max(1, chunk_bytes)
    try:
        run.plan(include, exclude)
        try:
            run.work(jobs, cluster)
        except KeyboardInterrupt:
            run.report.interrupted = True
    except OutputError as e:
        stopped = e
    except sqlite3.OperationalError as e:
        stopped = sqlite_problem(out_path, e)
        if stopped is None:
            raise
    finally:
        try:
            run.close()
        except (OSError, sqlite3.Error) as e:
            problem = output_problem(out_path, e) if isinstance(e, OSError) else sqlite_problem(out_path, e)
            if problem is None:
                raise
            stopped = stopped or problem
    if stopped is not None:
        done = len(run.report.digested)
        raise OutputError(f"{stopped} ({done} input(s) digested and recorded before it stopped)")
    return run.report


class _Run:
    """The state of one batch run: the manifest, the report, and the steps every input goes through."""

    def __init__(self, in_dir: Path, out_dir: Path, settings: Settings, formats: tuple[str, ...], max_bytes: int,
                 report: BatchReport, bar: _Progress, on_done: Callable[[str, str], None] | None):
        self.in_dir, self.out_dir, self.settings, self.formats = in_dir, out_dir, settings, formats
        self.max_bytes, self.report, self.bar, self.on_done = max_bytes, report, bar, on_done
        self.fingerprint = settings_fingerprint(settings, formats)
        self.manifest = Manifest(out_dir / MANIFEST_NAME)
        if self.manifest.note:
            report.notes.append(self.manifest.note)
        self.known: dict[str, sqlite3.Row] = {}
        self.candidates: list[_Job] = []
        self.shared_fs, self.chunk_files, self.chunk_bytes = False, DEFAULT_CHUNK_FILES, DEFAULT_CHUNK_BYTES

    # -- bookkeeping

    def settled(self, rel: str, status: str) -> None:
        self.bar.update(self.report)
        if self.on_done:
            self.on_done(rel, status)

    def unchanged(self, rel: str) -> None:
        self.report.unchanged += 1
        self.settled(rel, "unchanged")

    def fail(self, rel: str, reason: str, size: int | None = None, mtime_ns: int | None = None, sha256: str | None = None) -> None:
        """Record a failed input; outputs from an earlier good run no longer match it, so they go."""
        self.report.failed.append((rel, reason))
        row = self.known.get(rel)
        if row is not None:
            for old in json.loads(row["outputs"] or "[]"):
                (self.out_dir / old).unlink(missing_ok=True)
        self.manifest.record(rel, size=size, mtime_ns=mtime_ns, sha256=sha256, settings=self.fingerprint, status="failed", error=reason)
        self.settled(rel, "failed")

    def up_to_date(self, rel: str) -> bool:
        """True when the manifest says `rel` was digested with these settings and its outputs are all there."""
        row = self.known.get(rel)
        if row is None or row["status"] != "ok" or row["settings"] != self.fingerprint:
            return False
        recorded = set(json.loads(row["outputs"] or "[]"))
        wanted = {str(p.relative_to(self.out_dir)) for p in output_paths(self.out_dir, rel, self.formats).values()}
        return wanted <= recorded and all((self.out_dir / w).is_file() for w in wanted)

    # -- the steps

    def plan(self, include: Iterable[str], exclude: Iterable[str]) -> None:
        """Discover inputs, report removed ones, and settle everything the stat alone decides."""
        found, problems = discover(self.in_dir, include, exclude, skip=[self.out_dir])
        self.report.found = len(found) + len(problems)
        self.known = self.manifest.rows()
        present = {f.rel for f in found} | {p.rel for p in problems}
        self.report.removed = sorted(rel for rel, row in self.known.items() if row["status"] != "removed" and rel not in present)
        self.manifest.mark_removed(self.report.removed)
        self.bar.start(self.report.found)
        for p in problems:
            self.fail(p.rel, p.reason)
        for f in found:
            job = self.stat_job(f)
            if job is not None:
                self.candidates.append(job)

    def stat_job(self, f: Found) -> _Job | None:
        """Decide from the file's stat alone: skip it (unchanged), fail it, or hand back a job."""
        try:
            st = os.stat(f.path)
        except OSError as e:
            self.fail(f.rel, os_reason(e))
            return None
        if not statmod.S_ISREG(st.st_mode):
            self.fail(f.rel, "not a regular file (a device, pipe or socket)")
            return None
        if st.st_size > self.max_bytes:
            reason = f"too large: {st.st_size / 1e6:.1f} MB, the limit is {self.max_bytes / 1e6:.1f} MB (raise it with --max-size)"
            self.fail(f.rel, reason, st.st_size, st.st_mtime_ns)
            return None
        row = self.known.get(f.rel)
        if self.up_to_date(f.rel) and row["size"] == st.st_size and row["mtime_ns"] == st.st_mtime_ns:
            self.unchanged(f.rel)
            return None
        return _Job(f, st.st_size, st.st_mtime_ns)

    def read(self, job: _Job) -> bytes | None:
        """Read and hash one input; None when it failed or its content has not changed."""
        rel = job.found.rel
        try:
            with open(job.found.path, "rb") as fh:
                data = fh.read(self.max_bytes + 1)
        except OSError as e:
            self.fail(rel, os_reason(e))
            return None
        if len(data) > self.max_bytes:  # it grew since it was listed
            self.fail(rel, f"too large: over the limit of {self.max_bytes / 1e6:.1f} MB (raise it with --max-size)")
            return None
        job.sha256 = content_hash(data)
        row = self.known.get(rel)
        if self.up_to_date(rel) and row["sha256"] == job.sha256:
            self.manifest.touch(rel, job.size, job.mtime_ns)  # touched, not changed
            self.unchanged(rel)
            return None
        return data

    def finish(self, outcome: Outcome, job: _Job) -> None:
        """Write one outcome's outputs atomically, then record it in the manifest (in that order)."""
        rel, report = job.found.rel, self.report
        report.worker_peak_rss[outcome.worker] = max(report.worker_peak_rss.get(outcome.worker, 0), outcome.peak_rss)
        report.worker_cpu[outcome.worker] = max(report.worker_cpu.get(outcome.worker, 0.0), outcome.cpu)
        if outcome.error is not None:
            self.fail(rel, outcome.error, job.size, job.mtime_ns, job.sha256)
            return
        paths = output_paths(self.out_dir, rel, outcome.outputs)
        try:  # all of an input's formats or none of them
            write_all_atomic({path: outcome.outputs[fmt] for fmt, path in paths.items()})
        except OSError as e:
            problem = output_problem(self.out_dir, e)
            if problem is not None:  # OUT takes no more writes: stop, this input stays to do
                raise problem from None
            self.fail(rel, f"cannot write output: {e}", job.size, job.mtime_ns, job.sha256)
            return
        written = [str(path.relative_to(self.out_dir)) for path in paths.values()]
        self.manifest.record(rel, size=job.size, mtime_ns=job.mtime_ns, sha256=job.sha256, settings=self.fingerprint,
                             status="ok", outputs=written, timings=outcome.timings)
        report.digested.append(rel)
        self.settled(rel, "digested")

    def ready(self) -> Iterator[tuple[_Job, bytes]]:
        """The candidates whose content needs digesting, read one by one as they are asked for."""
        for job in self.candidates:
            data = self.read(job)
            if data is not None:
                yield job, data

    def items(self) -> Iterator[tuple[_Job, Item]]:
        """The candidates to digest as chunk items: read here, or (shared file system) read by the worker."""
        if not self.shared_fs:
            for job, data in self.ready():
                yield job, Item(job.found.rel, data=data)
            return
        for job in self.candidates:
            rel = job.found.rel
            known = self.known[rel]["sha256"] if self.up_to_date(rel) else None
            yield job, Item(rel, path=os.path.abspath(job.found.path), known_sha256=known, max_bytes=self.max_bytes)

    def chunks(self, workers: int) -> Iterator[list[tuple[_Job, Item]]]:
        """The items in chunks of at most `chunk_files` inputs and `chunk_bytes` bytes; smaller when there
        are few inputs, so every worker gets some, and shrinking towards the end of the run.

        With several workers a chunk takes at most half of one worker's share of what is left
        ("guided" scheduling), down to one input: the last chunks are short, so no worker sits idle
        for long while another finishes a full chunk.
        """
        per = max(1, min(self.chunk_files, -(-len(self.candidates) // (4 * workers)))) if workers > 1 else self.chunk_files
        left = len(self.candidates)  # inputs not yet in a chunk (a few may turn out unreadable)
        chunk, size, limit = [], 0, per
        for job, item in self.items():
            if chunk and (len(chunk) >= limit or size + job.size > self.chunk_bytes):
                yield chunk
                left -= len(chunk)
                chunk, size = [], 0
            if not chunk and workers > 1:
                limit = max(1, min(per, -(-left // (2 * workers))))
            chunk.append((job, item))
            size += job.size
        if chunk:
            yield chunk

    def settle(self, chunk: list[tuple[_Job, Item]], result: list[Outcome] | str) -> None:
        """Write and record what one chunk gave back; a reason (str) fails every input in it."""
        if isinstance(result, str):
            for job, _ in chunk:
                self.finish(Outcome(rel=job.found.rel, error=result), job)
            return
        self.report.chunks += 1
        for (job, _), outcome in zip(chunk, result):
            self.report.worker_warmup_cpu.setdefault(outcome.worker, outcome.warmup_cpu)
            self.report.chunk_seconds += outcome.timings.get("total", 0.0)
            if outcome.sha256:
                job.sha256 = outcome.sha256
            if outcome.unchanged:  # the worker read the file and found the bytes the manifest has
                self.manifest.touch(job.found.rel, job.size, job.mtime_ns)
                self.unchanged(job.found.rel)
                continue
            self.finish(outcome, job)

    def work(self, jobs: int, cluster: str | None = None) -> None:
        """Digest every candidate in chunks: in this process, in `jobs` local workers, or on a Dask cluster."""
        if not self.candidates:
            return
        if cluster:
            from .cluster import ClusterPool

            pool = ClusterPool(self.settings, self.formats, cluster)
            self.report.jobs = pool.workers
        elif jobs > 1:
            pool = LocalPool(self.settings, self.formats, jobs)
        else:
            pool = InProcess(self.settings, self.formats)
        t = time.perf_counter()
        try:
            suspects = self.drain(pool, self.chunks(pool.workers), pool.window)
            # the inputs of chunks whose worker died: one at a time, alone, so a death blames only its input
            self.drain(pool, ([pair] for pair in suspects), 1, alone=True)
        finally:
            self.report.work_seconds = time.perf_counter() - t
            pool.close()

    def drain(self, pool, source: Iterator[list[tuple[_Job, Item]]], window: int, alone: bool = False) -> list[tuple[_Job, Item]]:
        """Send the chunks of `source` to `pool`, at most `window` at a time, and settle what comes back.

        A chunk whose worker died (`Died`) is sent again up to `pool.retries` times; then, unless it
        ran `alone`, its inputs are handed back to be tried one by one: a dying worker takes every
        chunk it holds, so the chunk may only have been beside the input that killed it.
        """
        pending: dict = {}  # handle -> (chunk, tries so far)
        suspects: list[tuple[_Job, Item]] = []
        exhausted = False

        def top_up() -> None:
            nonlocal exhausted
            while not exhausted and len(pending) < window:  # a bounded window: inputs are read as needed
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                pending[pool.submit([item for _, item in chunk], alone=alone)] = (chunk, 0)

        while True:
            top_up()
            if not pending:
                return suspects
            back = []
            for handle, result in pool.wait(list(pending)):
                chunk, tries = pending.pop(handle)
                if isinstance(result, Died) and tries < pool.retries:  # once more, as it was
                    pending[pool.submit([item for _, item in chunk], alone=alone)] = (chunk, tries + 1)
                elif isinstance(result, Died) and not alone:
                    suspects.extend(chunk)
                else:
                    back.append((chunk, result))
            if pool.elsewhere:
                # the workers get their next chunks before this process spends its time writing (fsync
                # waits on the disk): otherwise a worker can run dry while the outputs of the last go down
                top_up()
            for chunk, result in back:
                self.settle(chunk, result)

    def close(self) -> None:
        """Stop the progress bar, record the run, and write the report (atomically)."""
        self.bar.stop()
        self.report.seconds = time.time() - self.report.started
        try:
            self.manifest.add_run(self.report, self.fingerprint)
        finally:
            self.manifest.close()
        write_atomic(self.out_dir / REPORT_NAME, self.report.text())
