"""The SQLite manifest (`OUT_DIR/.batch-manifest.sqlite3`): what is done, with which bytes and settings.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Iterable

from ..errors import ConfigError
from .report import BatchReport


class Manifest:
    """The SQLite record of every input's last run: hash, status, error, outputs, timings."""

    def __init__(self, path: Path):
        self.path = path
        self.note: str | None = None
        try:
            self._open()
        except sqlite3.DatabaseError as e:
            from ..translate.cache import is_corruption

            if not is_corruption(e):
                raise ConfigError(f"{path}: the batch manifest cannot be used ({e})") from None
            # a damaged manifest only costs redoing the folder: set it aside and start a new one
            self.db.close()
            aside = Path(f"{path}.corrupt-{int(time.time())}")
            os.replace(path, aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            self._open()
            self.note = f"the batch manifest was damaged ({e}): set aside as {aside.name}; every input is redone"

    def _open(self) -> None:
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.row_factory = sqlite3.Row
        check = self.db.execute("PRAGMA quick_check").fetchone()[0]  # a manifest is small: a full page check is cheap
        if check != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed ({check})")
        self._create()

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
