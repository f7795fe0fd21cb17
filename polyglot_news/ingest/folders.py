"""Walking a folder tree for inputs (`batch`, `daily`): what to take, what to skip, and why not.

    found, problems = discover("scraped/", include=["*.html"], exclude=["drafts/*"])

Nothing is read here: a `Found` is a path to digest, a `Problem` a path that could not be taken.
"""

from __future__ import annotations

import errno
import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import ConfigError, PolyglotError
from .read import SUFFIXES


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


class NotTaken(Exception):
    """An input in a folder that is not read: not a regular file, or over the size limit."""


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file found in a folder, at most `limit` of them.

    Opened without blocking and checked after opening, so a FIFO (which would wait
    forever for a writer), a device such as /dev/zero (endless) or a file swapped for one
    between listing and reading is refused, never read. Raises NotTaken with the reason,
    OSError for the rest.
    """
    import stat

    from .read import read_limited

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotTaken("not a regular file (a device, pipe or socket)")
        try:
            return read_limited(fh, limit, "input")
        except PolyglotError:
            raise NotTaken(f"too large: over the limit of {limit / 1e6:.1f} MB") from None
