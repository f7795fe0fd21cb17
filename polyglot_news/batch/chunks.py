"""The unit of work of a batch: a chunk of inputs in, each input's rendered outputs out.

    outcomes = digest_chunk([Item("a/page.html", data=b"..."), ...], settings, ("text", "json"))

A chunk goes through `pipeline.digest_many` in one call, so the translator sees the segments of
all its articles together and its batches stay full; what comes back is still one `Outcome` per
input, so the client records (and a rerun skips) input by input. `digest_chunk` is a pure function
of the items, the settings and the installed models: it never writes anything, so it can run in
this process, in a local worker, or on a Dask worker on another machine. An item carries its
bytes, or, when the workers see the same files (`--shared-fs`), its path, which the worker reads
and hashes itself.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..config import Settings
from ..errors import PolyglotError
from .work import Outcome, _glossary_for, _usage, digest_input

DEFAULT_CHUNK_FILES = 8  # about 200 segments of a foreign article: several full translation batches
DEFAULT_CHUNK_BYTES = 512 * 1024  # a chunk stops growing here, so shipping it stays cheap


@dataclass
class Item:
    """One input of a chunk: its relative path, and its bytes or (shared file system) its path."""

    rel: str
    data: bytes | None = None
    path: str | None = None
    known_sha256: str | None = None  # with a path: the manifest's hash, so an unchanged file is not redone
    max_bytes: int = 0  # with a path: the size limit the worker applies when it reads


_FIRST_CHUNK_CPU: list[float] = []  # this process's CPU seconds when it took its first chunk (its warm-up)


def warmup_cpu() -> float:
    """CPU seconds this process had used when it took its first chunk: what starting it cost."""
    return _FIRST_CHUNK_CPU[0] if _FIRST_CHUNK_CPU else _usage()[1]


def _read(item: Item) -> tuple[bytes | None, Outcome | None]:
    """A shared-file-system item's bytes, or the Outcome that settles it (unreadable, too large, unchanged)."""
    from ..ingest.folders import os_reason

    try:
        with open(item.path, "rb") as fh:
            data = fh.read(item.max_bytes + 1) if item.max_bytes else fh.read()
    except OSError as e:
        return None, Outcome(rel=item.rel, error=os_reason(e))
    if item.max_bytes and len(data) > item.max_bytes:
        return None, Outcome(rel=item.rel, error=f"too large: over the limit of {item.max_bytes / 1e6:.1f} MB (raise it with --max-size)")
    sha = hashlib.sha256(data).hexdigest()
    if item.known_sha256 is not None and sha == item.known_sha256:
        return None, Outcome(rel=item.rel, sha256=sha, unchanged=True)
    return data, None


def digest_chunk(items: Sequence[Item], settings: Settings, formats: Iterable[str]) -> list[Outcome]:
    """Digest a chunk of inputs together; one Outcome per item, in the items' order.

    Never raises for a bad input: an input that cannot be read or digested gets its reason in
    its Outcome and the others go on. When a later stage fails for the chunk as a whole, each
    input is digested again on its own, so the failure lands on the input that caused it.
    """
    from .. import pipeline
    from ..render import render

    formats = tuple(formats)
    if not _FIRST_CHUNK_CPU:
        _FIRST_CHUNK_CPU.append(_usage()[1])
    t = time.perf_counter()
    settled: dict[str, Outcome] = {}
    todo: list[tuple[str, bytes, str | None]] = []
    for item in items:
        if item.data is not None:
            todo.append((item.rel, item.data, None))
            continue
        data, outcome = _read(item)
        if outcome is not None:
            settled[item.rel] = outcome
        else:
            todo.append((item.rel, data, hashlib.sha256(data).hexdigest()))
    hashes = {rel: sha for rel, _, sha in todo}
    if todo:
        errors: list[PolyglotError] = []
        try:
            digests = pipeline.digest_many([d for _, d, _ in todo], settings, _glossary_for(settings),
                                           on_error=lambda source, e: errors.append(e), names=[r for r, _, _ in todo])
            by_name = {d.article.source: d for d in digests}
            # digest_many reads its sources in order and calls on_error for each it cannot read, so the
            # inputs with no digest meet the errors in the same order
            missing = [rel for rel, _, _ in todo if rel not in by_name]
            if len(missing) != len(errors):
                raise RuntimeError("digest_many lost track of an input")
            for rel, e in zip(missing, errors):
                settled[rel] = Outcome(rel=rel, error=str(e))
            for rel, d in by_name.items():
                settled[rel] = Outcome(rel=rel, outputs={fmt: render(d, fmt) for fmt in formats},
                                       timings={k: round(v, 4) for k, v in d.timings.items()})
        except Exception:  # a stage failed for the chunk as a whole: one by one, so the reason lands on its input
            for rel, data, _ in todo:
                settled[rel] = digest_input(data, rel, settings, formats)
    share = round((time.perf_counter() - t) / max(1, len(items)), 4)
    peak, cpu = _usage()
    out = []
    for item in items:
        o = settled[item.rel]
        o.worker, o.peak_rss, o.cpu, o.warmup_cpu = os.getpid(), peak, cpu, warmup_cpu()
        o.sha256 = o.sha256 or hashes.get(item.rel)
        o.timings.setdefault("total", share)
        out.append(o)
    return out


def chunks_of(sizes: Sequence[int], files: int = DEFAULT_CHUNK_FILES, limit: int = DEFAULT_CHUNK_BYTES) -> list[int]:
    """How many consecutive inputs each chunk takes, given their sizes: at most `files`, and at most
    `limit` bytes unless a single input is larger."""
    counts, n, total = [], 0, 0
    for size in sizes:
        if n and (n >= files or total + size > limit):
            counts.append(n)
            n, total = 0, 0
        n, total = n + 1, total + size
    if n:
        counts.append(n)
    return counts
