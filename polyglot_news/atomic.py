"""Writing files so that a reader sees the old file or the whole new one, never half of one.

The data goes to a hidden temporary file in the same folder (same file system, so the
rename is atomic), is flushed to disk, and is renamed over the target. Ctrl-C is held while
a write runs and delivered when it ends: otherwise it could land between the temporary file's
creation and the code that would remove it, and leave the file behind.
"""

from __future__ import annotations

import os
import secrets
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

TEMP_PREFIX = ".pn-tmp-"


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold SIGINT until the block ends, then deliver it to whatever handler was there before.

    Only the main thread can set handlers, and Python runs them only there, so elsewhere this
    holds nothing (a signal never interrupts another thread's code).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.getsignal(signal.SIGINT)
    if before is None:  # a handler not set from Python: leave it alone
        yield
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
        if caught:
            signal.raise_signal(signal.SIGINT)


def write_atomic(path: str | Path, data: str | bytes, *, durable: bool = True) -> Path:
    """Write `data` (str is encoded as UTF-8) to `path` atomically; creates parent folders.

    `durable` fsyncs the file before the rename, so a power cut cannot leave an empty file.
    """
    path = Path(path)
    write_all_atomic({path: data}, durable=durable)
    return path


def leftover_temp_files(folder: str | Path) -> list[Path]:
    """Temporary files under `folder` that a killed writer left behind (safe to delete)."""
    return [p for p in Path(folder).rglob(TEMP_PREFIX + "*.tmp") if p.is_file()]


def write_all_atomic(files: dict[Path, str | bytes], *, durable: bool = True) -> list[Path]:
    """Write several files so that either all of them are replaced or none is.

    Every file is first written in full to a temporary file beside its target (the step
    that can run out of space); only when all are on disk are they renamed into place. A
    failure before the renames leaves the old files as they were and no temporary file.
    """
    with _interrupts_held():
        return _write_all(files, durable)


def _temp_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in `path`'s folder, open for writing, made with the mode a plain
    `open(path, "w")` gives (0o666 less the umask), so no chmod follows; the folder is made if missing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    made = False
    for _ in range(100):
        tmp = os.path.join(path.parent, f"{TEMP_PREFIX}{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            if made:
                raise
            path.parent.mkdir(parents=True, exist_ok=True)  # a folder not there yet, made once
            made = True
    raise FileExistsError(f"no free temporary name beside {path}")


def _write_all(files: dict[Path, str | bytes], durable: bool) -> list[Path]:
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path = Path(path)
            raw = data.encode("utf-8") if isinstance(data, str) else data
            fd, tmp = _temp_beside(path)
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as f:
                f.write(raw)
                f.flush()
                if durable:
                    os.fsync(f.fileno())
        for tmp, path in temps:
            os.replace(tmp, path)
    except BaseException:  # a failed write leaves no temporary file behind
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        raise
    return [path for _, path in temps]
