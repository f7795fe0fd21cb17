"""A persistent SQLite cache of sentence translations, keyed by model identity and source sentence.

WAL journal and a busy timeout let two processes (two digests, or batch workers) share one file;
writes are one short transaction per batch. A cache that cannot be opened is reported by
`open_cache` returning None with a reason, so a digest still completes without it.
"""

from __future__ import annotations

import sqlite3
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


class TranslationCache:
    """Sentence translations on disk; `get_many` and `put_many` work on whole batches."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout = 30000")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute(_SCHEMA)

    def get_many(self, model: str, sources: list[str]) -> dict[str, str]:
        """The cached English for those of `sources` that `model` has translated before."""
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
        if not pairs:
            return
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (model, source, english) VALUES (?, ?, ?)",
                [(model, s, e) for s, e in pairs],
            )

    def count(self) -> int:
        """How many sentence translations are stored."""
        return self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]

    def models(self) -> int:
        """How many distinct models (with decoding settings) have entries."""
        return self._db.execute("SELECT COUNT(DISTINCT model) FROM translations").fetchone()[0]

    def clear(self) -> int:
        """Delete every entry; returns how many there were."""
        n = self.count()
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM translations")
        self._db.execute("VACUUM")
        return n

    def close(self) -> None:
        self._db.close()


def open_cache(path: Path) -> tuple[TranslationCache | None, str | None]:
    """Open the cache at `path`; on failure (unwritable, corrupt) returns (None, reason)."""
    try:
        return TranslationCache(path), None
    except (OSError, sqlite3.Error) as e:
        return None, f"translation cache {path} unusable ({e}); translating without it"
