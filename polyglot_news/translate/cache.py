"""A persistent SQLite cache of sentence translations, keyed by model identity and source sentence.

WAL journal and a busy timeout let two processes (two digests, or batch workers) share one file;
writes are one short transaction per batch. A cache that cannot be opened is reported by
`open_cache` returning None with a reason, so a digest still completes without it.

A damaged cache heals itself: when SQLite says the file is corrupt or not a database (at
open or on any query), the file is set aside as `NAME.corrupt-TIMESTAMP`, a new empty
cache takes its place, and `notes` says so; the digest carries on, translating afresh.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    english TEXT NOT NULL,
    PRIMARY KEY (model, source)
) WITHOUT ROWID
"""
_CHUNK = 500  # stays under SQLite's bound-parameter limit


_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_corruption(e: BaseException) -> bool:
    """True for a SQLite error that means the file is damaged or is not a database."""
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(e).lower()
    return isinstance(e, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text)


class TranslationCache:
    """Sentence translations on disk; `get_many` and `put_many` work on whole batches."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.notes: list[str] = []
        self.set_aside: Path | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._connect()
        except sqlite3.DatabaseError as e:
            if not is_corruption(e):
                raise
            self._heal(e)

    def _connect(self) -> None:
        self._db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        try:
            self._inode = os.stat(self.path).st_ino
            self._db.execute("PRAGMA busy_timeout = 30000")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute(_SCHEMA)
        except BaseException:
            self._db.close()
            raise

    def _heal(self, error: BaseException) -> None:
        """Set the damaged file aside and start an empty cache in its place (once per instance)."""
        try:
            self._db.close()
        except Exception:
            pass
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
        try:
            # another process may have set it aside already: then the file there is its fresh cache
            if os.stat(self.path).st_ino == getattr(self, "_inode", None):
                os.replace(self.path, aside)
                self.set_aside = aside
            for suffix in ("-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
        except FileNotFoundError:
            pass
        self._connect()
        where = f"; the damaged file is kept as {aside.name}" if self.set_aside else ""
        self.notes.append(f"translation cache {self.path} was damaged ({error}): started a new one{where}")

    def _guarded(self, run, *args, fallback=None, lookup: bool = False):
        """Run a query; on corruption heal once and run it again on the new, empty cache.

        For lookups and stores (`lookup`), any other SQLite failure (disk full, I/O error, a
        read-only file) is a note and `fallback`: a cache may only ever save work, never stop it.
        """
        try:
            try:
                return run(*args)
            except sqlite3.DatabaseError as e:
                if not is_corruption(e):
                    raise
                self._heal(e)
                return run(*args)
        except (sqlite3.Error, OSError) as e:
            if not lookup:
                raise
            note = f"translation cache {self.path} unusable ({e}); translating without it"
            if note not in self.notes:
                self.notes.append(note)
            return fallback

    def get_many(self, model: str, sources: list[str]) -> dict[str, str]:
        """The cached English for those of `sources` that `model` has translated before."""
        return self._guarded(self._get_many, model, sources, fallback={}, lookup=True)

    def _get_many(self, model: str, sources: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for i in range(0, len(sources), _CHUNK):
            chunk = sources[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT source, english FROM translations WHERE model = ? AND source IN ({marks})",
                [model, *chunk],
            )
            found.update(rows)
        return found

    def put_many(self, model: str, pairs: list[tuple[str, str]]) -> None:
        """Store (source, english) pairs for `model` in one transaction; later writes win."""
        if pairs:
            self._guarded(self._put_many, model, pairs, lookup=True)

    def _put_many(self, model: str, pairs: list[tuple[str, str]]) -> None:
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (model, source, english) VALUES (?, ?, ?)",
                [(model, s, e) for s, e in pairs],
            )

    def count(self) -> int:
        """How many sentence translations are stored."""
        return self._guarded(lambda: self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0])

    def models(self) -> int:
        """How many distinct models (with decoding settings) have entries."""
        return self._guarded(lambda: self._db.execute("SELECT COUNT(DISTINCT model) FROM translations").fetchone()[0])

    def clear(self) -> int:
        """Delete every entry; returns how many there were. A damaged cache is replaced by an empty one."""
        def run() -> int:
            n = self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute("DELETE FROM translations")
            self._db.execute("VACUUM")
            return n

        n = self._guarded(run)
        if self.set_aside is not None:  # clearing asked for nothing to be kept: the damaged copy goes too
            self.set_aside.unlink(missing_ok=True)
        return n

    def close(self) -> None:
        self._db.close()


def open_cache(path: Path) -> tuple[TranslationCache | None, str | None]:
    """Open the cache at `path`; on failure (unwritable, corrupt) returns (None, reason)."""
    try:
        return TranslationCache(path), None
    except (OSError, sqlite3.Error) as e:
        return None, f"translation cache {path} unusable ({e}); translating without it"
