"""Read-only tables derived from installed package data, kept precompiled between runs.

Converting langdetect's JSON n-gram profiles and wordfreq's msgpack word lists into the
dicts the detector looks up costs about 0.3 CPU-seconds a run, more than the rest of a
one-page digest's detection. The converted tables are written once to a cache folder in
marshal format (the interpreter's own serialisation: exact floats, fast to load) and read
from there afterwards.

Each file's name carries two keys: which table it is (its name and its sources' paths), and
which version of it (the format version, the Python version, since marshal's format may change
with it, and the size and modification time of every source file), so an upgraded package or an
edited glossary is converted anew, and the version it replaces is deleted then: the folder holds
one file per table, not one per edit. The folder is $POLYGLOT_NEWS_TABLES, else
polyglot-news/tables under the XDG cache folder; POLYGLOT_NEWS_TABLES=off turns it off.
Any failure to read or write the cache falls back to converting: it only saves time.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
FORMAT = 1  # bump when what a builder returns changes shape or meaning


def table_dir() -> Path | None:
    """The cache folder for precompiled tables, or None when turned off."""
    env = os.environ.get("POLYGLOT_NEWS_TABLES")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "no") else Path(env)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "polyglot-news" / "tables"


def checksum(data: bytes) -> str:
    """16 hex digits that tell `data` apart, for a table's file name: two checksums, not a
    cryptographic hash, since hashlib's OpenSSL start-up costs a one-page run more than its
    detection of a short page (a stale key only rebuilds a table)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _key(name: str, sources: list[Path]) -> str:
    """Which state of `sources` a table was built from (see the module docstring)."""
    stamp = [FORMAT, name, sys.version_info[:2], marshal.version]
    for path in sources:
        st = path.stat()
        stamp.append((str(path), st.st_size, st.st_mtime_ns))
    return checksum(repr(stamp).encode("utf-8"))


def _file_name(name: str, sources: list[Path], suffix: str) -> str:
    """`name-TABLE-VERSION{suffix}`: TABLE says which table (its name and its sources' paths),
    VERSION which state of those sources (`_key`). A table whose name holds a checksum of its
    in-memory input (a glossary's match index) is a new table when that input changes."""
    table = repr([name, [str(path) for path in sources]]).encode("utf-8")
    return f"{name}-{zlib.crc32(table):08x}-{_key(name, sources)}{suffix}"


def _drop_older(path: Path, suffix: str) -> None:
    """Delete the other versions of the table `path` holds (its sources have changed since), and
    files of this table's name kept before tables had two keys."""
    name, table, _ = path.name.rsplit("-", 2)
    stale = list(path.parent.glob(f"{name}-{table}-*{suffix}"))
    stale += path.parent.glob(f"{name}-{'?' * 16}{suffix}")  # the one-key names of earlier versions
    for old in stale:
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass  # another process's doing, or a read-only folder: a stale file costs only disk


def cached(name: str, sources: list[Path], build: Callable[[], T]) -> T:
    """`build()`, read from the cache when `sources` are unchanged since it was stored.

    `build` must return plain data marshal can store (dicts, lists, tuples, str, float, int,
    None). `name` is a file-name-safe label for the table.
    """
    folder = table_dir()
    if folder is None:
        return build()
    try:
        path = folder / _file_name(name, sources, ".marshal")
    except OSError:
        return build()
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    if value is None:
        return value  # nothing to keep (a missing reader): the next run tries again
    try:
        from ..atomic import write_atomic

        write_atomic(path, marshal.dumps(value), durable=False)
        _drop_older(path, ".marshal")
    except (OSError, ValueError):
        pass  # a read-only or full disk: this run converted the tables itself, as the next will
    return value


def cached_file(name: str, sources: list[Path], suffix: str, build: Callable[[Path], None] | None) -> Path | None:
    """The path of a cached file `build(path)` wrote from `sources`, built now if missing; None
    when there is no cache folder or it cannot be written (the caller then reads `sources` itself),
    or when it is missing and `build` is None.
    """
    folder = table_dir()
    if folder is None:
        return None
    try:
        path = folder / _file_name(name, sources, suffix)
        if path.exists():
            return path
        if build is None:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{path.name}.{os.getpid()}.tmp"
        try:
            build(tmp)
            os.replace(tmp, path)  # another process building the same file at once is harmless
        finally:
            if tmp.exists():
                tmp.unlink()
        _drop_older(path, suffix)
        return path
    except Exception:  # noqa: BLE001 - an unwritable disk or a failed build: the caller reads the sources
        return None
