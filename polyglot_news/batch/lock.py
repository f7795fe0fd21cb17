"""One batch at a time on an output folder: an advisory lock on `OUT/.batch-lock`.

Two runs on one OUT would digest everything twice and race on the manifest. The first run
holds an exclusive `flock` on the lock file for its whole life and writes who it is (pid,
host, start time) into it; a second run reads that, says who holds the folder, and stops,
or with `wait` blocks until the first one ends. The kernel drops the lock when the holder
exits, however it exits (kill -9 included), so a stale lock file never blocks anyone.

Creating the lock file is also the first write into OUT, so a read-only or full OUT is
reported here, in one line, before any work is done.
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import time
from pathlib import Path

from ..errors import ConfigError, PolyglotError

LOCK_NAME = ".batch-lock"


class OutputError(PolyglotError):
    """OUT cannot take any more writes (full, read-only): the run stops; a rerun finishes the job."""


def output_problem(out_dir: Path, e: OSError) -> OutputError | None:
    """The one-line OutputError for an OS error that stops every write into OUT, else None."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"no space left on {out_dir} (the OUT folder): free some space and rerun to finish the job")
    if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return OutputError(f"{out_dir} (the OUT folder) is not writable ({e.strerror}): choose another --out or fix its permissions")
    return None


def sqlite_problem(out_dir: Path, e: Exception) -> OutputError | None:
    """The OutputError for a manifest write that failed because OUT is full or read-only, else None."""
    code = (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(e).lower()
    if code == 13 or "disk is full" in text:  # SQLITE_FULL
        return output_problem(out_dir, OSError(errno.ENOSPC, "No space left on device"))
    if code == 8 or "readonly" in text:  # SQLITE_READONLY
        return output_problem(out_dir, OSError(errno.EROFS, "Read-only file system"))
    return None


class OutLock:
    """The lock on one OUT folder; `acquire()` then `release()` (or use it as a context manager)."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self, wait: bool = False, on_wait=None) -> None:
        """Take the lock; raise ConfigError naming the holder, or with `wait` block until it is free.

        `on_wait(holder)` is called once before blocking, so the caller can say what it waits for.
        """
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as e:
            raise output_problem(self.out_dir, e) or ConfigError(f"{self.path}: cannot create the lock file ({e.strerror})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._holder(fd)
            if not wait:
                os.close(fd)
                raise ConfigError(f"{self.out_dir} is in use by another batch ({holder}); "
                                  "wait for it to finish, or rerun with --wait") from None
            if on_wait:
                on_wait(holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        self._fd = fd
        info = f"pid {os.getpid()} on {socket.gethostname()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}\n"
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, info.encode(), 0)
        except OSError as e:  # a full disk: the lock holds all the same, only the note of who holds it is lost
            problem = output_problem(self.out_dir, e)
            if problem is not None and e.errno not in (errno.ENOSPC, errno.EDQUOT):
                self.release()
                raise problem from None

    @staticmethod
    def _holder(fd: int) -> str:
        try:
            text = os.pread(fd, 300, 0).decode("utf-8", "replace").strip()
        except OSError:
            text = ""
        return " ".join(text.split()) or "holder unknown"

    def release(self) -> None:
        """Drop the lock (the file stays: removing it would race with a run that just opened it)."""
        if self._fd is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            finally:
                os.close(self._fd)
                self._fd = None

    def __enter__(self) -> "OutLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
