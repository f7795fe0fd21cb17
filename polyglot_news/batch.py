"""Digesting a folder tree: discovery, a manifest of what is done, parallel workers, a report.

    report = run_batch("scraped/", "digests/", formats=("text", "json"), jobs=2)
    report.failed        # [(relative path, reason), ...]

The unit of work, `digest_input(data, name, settings, formats)`, is a pure function of
the input's bytes, the settings and the installed models: it returns the rendered outputs
and never touches the output folder, so it could run anywhere. Everything with side
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

import errno
import fnmatch
import hashlib
import json
import os
import sqlite3
import stat as statmod
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .atomic import leftover_temp_files, write_atomic
from .config import Settings
from .errors import ConfigError, PolyglotError

SUFFIXES = (".txt", ".html", ".htm", ".md")
MANIFEST_NAME = ".batch-manifest.sqlite3"
REPORT_NAME = "batch-report.txt"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_FORMATS = ("text", "json")


# ---------------------------------------------------------------- discovery


@dataclass
class Found:
    """One candidate input: its path and its path relative to the input folder (POSIX form)."""

    path: Path
    rel: str


@dataclass
class Problem:
    """An input (or folder) that could not be taken, and why."""

    rel: str
    reason: str


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def discover(
    in_dir: str | Path,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    skip: Iterable[str | Path] = (),
) -> tuple[list[Found], list[Problem]]:
    """Every input file under `in_dir`, sorted, and the problems met on the way.

    Takes files ending in .txt/.html/.htm/.md, or, when `include` globs are given, files
    matching one of them (a glob matches the relative path or the file name); drops
    those matching an `exclude` glob, hidden files and folders, and anything under a
    `skip` folder (the output folder, when it sits inside the input). Symlinked folders
    are followed once; a link back to a folder already visited is a symlink loop.
    """
    root = Path(in_dir)
    if not root.is_dir():
        raise ConfigError(f"{in_dir}: not a folder")
    include, exclude = list(include), list(exclude)
    skip_real = {os.path.realpath(s) for s in skip}
    found: list[Found] = []
    problems: list[Problem] = []
    seen_dirs: set[tuple[int, int]] = set()

    def walk(folder: Path, rel: str, ancestors: tuple[str, ...]) -> None:
        real = os.path.realpath(folder)
        try:
            st = os.stat(folder)
        except OSError as e:
            problems.append(Problem(rel or ".", os_reason(e)))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            if real in ancestors:
                problems.append(Problem(rel, f"symlink loop: points back to {os.path.relpath(real, ancestors[0]) if ancestors else real}"))
            return
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            problems.append(Problem(rel or ".", os_reason(e)))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child_rel = f"{rel}/{entry.name}" if rel else entry.name
            child = folder / entry.name
            if os.path.realpath(child) in skip_real:
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                if not _matches(child_rel, exclude):
                    walk(child, child_rel, ancestors + (real,))
                continue
            wanted = _matches(child_rel, include) if include else entry.name.lower().endswith(SUFFIXES)
            if wanted and not _matches(child_rel, exclude):
                found.append(Found(child, child_rel))

    walk(root, "", ())
    return found, problems


def os_reason(e: OSError) -> str:
    """A one-line reason for an OS error met while reading an input."""
    if e.errno == errno.ELOOP:
        return "symlink loop: the link points (through other links) back to itself"
    if e.errno == errno.ENOENT:
        return "vanished before it could be read (deleted or moved during the run)"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    if e.errno == errno.EISDIR:
        return "is a folder"
    return f"cannot read: {e.strerror or e}"


# ---------------------------------------------------------------- fingerprints


def _argos_packages_dir(settings: Settings) -> Path:
    if settings.packages_dir:
        return Path(settings.packages_dir)
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env)
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "argos-translate" / "packages"


def _glossary_files(settings: Settings) -> list[Path]:
    from .glossary.store import shipped_dir

    dirs = ([shipped_dir()] if settings.use_shipped_glossaries else []) + [Path(d) for d in settings.glossary_dirs]
    files: list[Path] = []
    for d in dirs:
        if Path(d).is_dir():
            files += sorted(p for p in Path(d).rglob("*") if p.is_file())
    return files


def settings_fingerprint(settings: Settings, formats: Iterable[str]) -> str:
    """A short hash of everything besides the input that decides the outputs.

    Covers the settings that change a digest (not the cache's location), the formats,
    the program version, the contents of every glossary file read, and which translation
    packages are installed. Any change makes the next batch run redo every input.
    """
    h = hashlib.sha256()
    s = asdict(settings)
    for key in ("cache_path", "use_cache", "packages_dir", "glossary_dirs"):
        s.pop(key, None)
    h.update(json.dumps({"settings": s, "formats": sorted(formats), "version": __version__}, sort_keys=True, default=str).encode())
    for p in _glossary_files(settings):
        h.update(p.name.encode() + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    try:
        for p in sorted(_argos_packages_dir(settings).iterdir()):
            h.update(f"{p.name}:{p.stat().st_mtime_ns}\0".encode())
    except OSError:  # no packages folder (or not ours to read): no models
        h.update(b"<no models>")
    return h.hexdigest()[:16]


def content_hash(data: bytes) -> str:
    """SHA-256 of an input's bytes, as hex."""
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- the unit of work


@dataclass
class Outcome:
    """What one unit of work returns: rendered outputs by format, or the reason it failed."""

    rel: str
    outputs: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    worker: int = 0  # process id, so the parent can report memory per worker
    peak_rss: int = 0  # bytes, the worker's high-water mark so far
    cpu: float = 0.0  # seconds of CPU the worker has used so far (user + system)


_CONTEXT: dict[str, object] = {}


def _glossary_for(settings: Settings):
    """The curated glossary, loaded once per process and settings."""
    from . import pipeline

    key = json.dumps(asdict(settings), sort_keys=True, default=str)
    if key not in _CONTEXT:
        _CONTEXT.clear()
        _CONTEXT[key] = pipeline.load_context(settings)
    return _CONTEXT[key]


def _usage() -> tuple[int, float]:
    """This process's peak RSS in bytes and its CPU seconds so far."""
    import resource

    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_maxrss * 1024, u.ru_utime + u.ru_stime  # Linux reports KiB


def digest_input(data: bytes, name: str, settings: Settings, formats: Iterable[str]) -> Outcome:
    """Digest one input's bytes (`name` is its relative path, kept as the source) into rendered outputs.

    Never raises for a bad input: the reason goes into `Outcome.error`. Bugs are caught
    too, so one odd page cannot stop a folder; their reason names the exception.
    """
    from . import pipeline
    from .render import render

    t = time.perf_counter()
    outcome = Outcome(rel=name, worker=os.getpid())
    try:
        digest = pipeline.digest_many([data], settings, _glossary_for(settings), names=[name])[0]
        outcome.outputs = {fmt: render(digest, fmt) for fmt in formats}
        outcome.timings = {k: round(v, 4) for k, v in digest.timings.items()}
    except PolyglotError as e:
        outcome.error = str(e)
    except Exception as e:  # a bug: report it against this input and go on with the others
        outcome.error = f"internal error: {type(e).__name__}: {e}"
    outcome.timings["total"] = round(time.perf_counter() - t, 4)
    outcome.peak_rss, outcome.cpu = _usage()
    return outcome


def _init_worker(settings: Settings) -> None:
    """Worker start-up: leave Ctrl-C to the parent, and load the models once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _glossary_for(settings)


# ---------------------------------------------------------------- the manifest


class Manifest:
    """The SQLite record of every input's last run: hash, status, error, outputs, timings."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.db = sqlite3.connect(path, timeout=30)
            self.db.row_factory = sqlite3.Row
            self._create()
        except sqlite3.DatabaseError as e:
            raise ConfigError(f"{path}: the batch manifest cannot be used ({e}); delete it to redo the whole folder") from None

    def _create(self) -> None:
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            """CREATE TABLE IF NOT EXISTS inputs (
                path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha256 TEXT,
                settings TEXT, status TEXT, error TEXT, outputs TEXT, timings TEXT, updated REAL)"""
        )
        self.db.execute(
            """CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY, started REAL, finished REAL, settings TEXT, found INTEGER,
                digested INTEGER, unchanged INTEGER, failed INTEGER, removed INTEGER, interrupted INTEGER)"""
        )
        self.db.commit()

    def rows(self) -> dict[str, sqlite3.Row]:
        """Every input's last record, by relative path."""
        return {r["path"]: r for r in self.db.execute("SELECT * FROM inputs")}

    def record(self, rel: str, *, size: int | None, mtime_ns: int | None, sha256: str | None, settings: str,
               status: str, error: str | None = None, outputs: list[str] | None = None,
               timings: dict | None = None) -> None:
        """Replace the record of one input (committed at once, so an interrupted run keeps it)."""
        self.db.execute(
            "INSERT OR REPLACE INTO inputs VALUES (?,?,?,?,?,?,?,?,?,?)",
            (rel, size, mtime_ns, sha256, settings, status, error, json.dumps(outputs or []), json.dumps(timings or {}), time.time()),
        )
        self.db.commit()

    def touch(self, rel: str, size: int, mtime_ns: int) -> None:
        """Remember a new stat for an input whose content hash did not change."""
        self.db.execute("UPDATE inputs SET size=?, mtime_ns=? WHERE path=?", (size, mtime_ns, rel))
        self.db.commit()

    def mark_removed(self, rels: Iterable[str]) -> None:
        """Mark inputs that are gone, so they are reported once."""
        self.db.executemany("UPDATE inputs SET status='removed', updated=? WHERE path=?", [(time.time(), r) for r in rels])
        self.db.commit()

    def add_run(self, report: "BatchReport", settings: str) -> None:
        """Keep a line per run: when, with which settings, and its counts."""
        self.db.execute(
            "INSERT INTO runs (started, finished, settings, found, digested, unchanged, failed, removed, interrupted) VALUES (?,?,?,?,?,?,?,?,?)",
            (report.started, report.started + report.seconds, settings, report.found, len(report.digested),
             report.unchanged, len(report.failed), len(report.removed), int(report.interrupted)),
        )
        self.db.commit()

    def close(self) -> None:
        self.db.close()


# ---------------------------------------------------------------- the run


@dataclass
class BatchReport:
    """What one batch run did; `ok` is False when any input failed or the run was interrupted."""

    in_dir: str
    out_dir: str
    started: float = field(default_factory=time.time)
    seconds: float = 0.0
    found: int = 0
    digested: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    interrupted: bool = False
    jobs: int = 1
    worker_peak_rss: dict[int, int] = field(default_factory=dict)  # pid -> bytes
    worker_cpu: dict[int, float] = field(default_factory=dict)  # pid -> CPU seconds used by the end

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted

    def text(self) -> str:
        """The run report as plain text: counts, then every failed input with its reason."""
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.started))
        lines = [
            f"polyglot-news batch report, {when}",
            f"input:     {self.in_dir}",
            f"output:    {self.out_dir}",
            f"found {self.found}, digested {len(self.digested)}, unchanged {self.unchanged}, "
            f"failed {len(self.failed)}, removed {len(self.removed)}; {self.seconds:.1f} s, {self.jobs} job(s)"
            + (" - INTERRUPTED, rerun to finish" if self.interrupted else ""),
        ]
        from .render.labels import one_line  # a file name or message with a newline must not fake a line

        if self.failed:
            lines += ["", f"Failed ({len(self.failed)}):"] + [f"  {one_line(rel)}: {one_line(reason)}" for rel, reason in sorted(self.failed)]
        if self.removed:
            lines += ["", f"Removed since the last run ({len(self.removed)}; their old outputs are kept):"]
            lines += [f"  {one_line(rel)}" for rel in sorted(self.removed)]
        return "\n".join(lines) + "\n"


def output_paths(out_dir: Path, rel: str, formats: Iterable[str]) -> dict[str, Path]:
    """Where one input's outputs go: its relative path under `out_dir`, plus the format's extension.

    Raises ConfigError if the path would leave `out_dir` (it cannot, for paths from
    `discover`; this guards callers that pass their own names).
    """
    from .render import EXTENSIONS

    parts = rel.split("/")
    if rel.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ConfigError(f"{rel}: not a safe relative path for an output")
    base = out_dir.joinpath(*parts)
    paths = {fmt: base.with_name(f"{base.name}.{EXTENSIONS[fmt]}") for fmt in formats}
    root = os.path.realpath(out_dir)
    for p in paths.values():
        if os.path.commonpath([root, os.path.realpath(p)]) != root:
            raise ConfigError(f"{rel}: output would be written outside {out_dir}")
    return paths


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
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

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
) -> BatchReport:
    """Digest every input under `in_dir` into `out_dir`, incrementally; see the module docstring.

    `jobs` > 1 runs that many worker processes, each loading the models once. Ctrl-C
    stops the run after the work in hand (the report says `interrupted`); the next run
    picks up where it stopped. The report is also written to `OUT_DIR/batch-report.txt`.
    `on_done(rel, status)` is called as each input settles: "digested", "unchanged" or "failed".
    """
    from .render import FORMATS

    settings = settings or Settings()
    formats = tuple(dict.fromkeys(formats))
    for fmt in formats:
        if fmt not in FORMATS:
            raise ConfigError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    in_path, out_path = Path(in_dir), Path(out_dir)
    if not in_path.is_dir():
        raise ConfigError(f"{in_dir}: not a folder")
    real_in, real_out = os.path.realpath(in_path), os.path.realpath(out_path)
    if os.path.commonpath([real_in, real_out]) == real_out:  # outputs would land among the inputs
        raise ConfigError(f"--out {out_dir}: must not be the input folder or hold it; choose a folder beside it or inside it")
    out_path.mkdir(parents=True, exist_ok=True)
    for tmp in leftover_temp_files(out_path):  # from a run that was killed mid-write
        tmp.unlink(missing_ok=True)
    run = _Run(in_path, out_path, settings, formats, max_bytes, BatchReport(str(in_dir), str(out_dir), jobs=max(1, jobs)),
               _Progress(progress, console), on_done)
    try:
        run.plan(include, exclude)
        try:
            run.work(jobs)
        except KeyboardInterrupt:
            run.report.interrupted = True
    finally:
        run.close()
    return run.report


class _Run:
    """The state of one batch run: the manifest, the report, and the steps every input goes through."""

    def __init__(self, in_dir: Path, out_dir: Path, settings: Settings, formats: tuple[str, ...], max_bytes: int,
                 report: BatchReport, bar: _Progress, on_done: Callable[[str, str], None] | None):
        self.in_dir, self.out_dir, self.settings, self.formats = in_dir, out_dir, settings, formats
        self.max_bytes, self.report, self.bar, self.on_done = max_bytes, report, bar, on_done
        self.fingerprint = settings_fingerprint(settings, formats)
        self.manifest = Manifest(out_dir / MANIFEST_NAME)
        self.known: dict[str, sqlite3.Row] = {}
        self.candidates: list[_Job] = []

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
        written = []
        try:
            for fmt, path in output_paths(self.out_dir, rel, outcome.outputs).items():
                write_atomic(path, outcome.outputs[fmt])
                written.append(str(path.relative_to(self.out_dir)))
        except (OSError, PolyglotError) as e:
            self.fail(rel, f"cannot write output: {e}", job.size, job.mtime_ns, job.sha256)
            return
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

    def work(self, jobs: int) -> None:
        """Digest every candidate, in this process or in `jobs` worker processes."""
        if jobs <= 1:
            for job, data in self.ready():
                self.finish(digest_input(data, job.found.rel, self.settings, self.formats), job)
            return

        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        from concurrent.futures.process import BrokenProcessPool

        # forkserver: workers start from a clean single-threaded server, never from this process's
        # threads (the progress bar's); the server imports the pipeline once for all of them
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(["polyglot_news.pipeline", "polyglot_news.render"])

        def new_pool() -> ProcessPoolExecutor:
            return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(self.settings,))

        pool = new_pool()
        pending: dict = {}
        source = self.ready()
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < 2 * jobs:  # a bounded window: inputs are read as needed
                    nxt = next(source, None)
                    if nxt is None:
                        exhausted = True
                        break
                    job, data = nxt
                    pending[pool.submit(digest_input, data, job.found.rel, self.settings, self.formats)] = job
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                broken = False
                for fut in done:
                    job = pending.pop(fut)
                    try:
                        outcome = fut.result()
                    except BrokenProcessPool:  # a worker died (killed, out of memory): its inputs fail, the rest go on
                        broken = True
                        outcome = Outcome(rel=job.found.rel, error="a worker process died while digesting it (killed or out of memory?)")
                    self.finish(outcome, job)
                if broken:
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = new_pool()
        finally:
            for fut in pending:
                fut.cancel()
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        """Stop the progress bar, record the run, and write the report (atomically)."""
        self.bar.stop()
        self.report.seconds = time.time() - self.report.started
        try:
            self.manifest.add_run(self.report, self.fingerprint)
        finally:
            self.manifest.close()
        write_atomic(self.out_dir / REPORT_NAME, self.report.text())
