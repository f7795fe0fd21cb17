"""The unit of work: one input's bytes in, its rendered outputs out, nothing touched on disk.

`digest_input` is a pure function of the bytes, the settings and the installed models, so it
can run in a worker process (or anywhere); the glossary is loaded once per process.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from typing import Iterable

from ..config import Settings
from ..errors import PolyglotError


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
    warmup_cpu: float = 0.0  # seconds of CPU the worker had used when it took its first chunk
    sha256: str | None = None  # the input's hash, when the worker read the input itself (--shared-fs)
    unchanged: bool = False  # the worker found the bytes the manifest already has (--shared-fs)


_CONTEXT: dict[str, object] = {}


def _glossary_for(settings: Settings):
    """The curated glossary, loaded once per process and settings."""
    from .. import pipeline

    # only the glossary folders decide what is loaded, so a run's warm-up with other settings shares it
    key = json.dumps([settings.use_shipped_glossaries, [str(d) for d in settings.glossary_dirs]])
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
    from .. import pipeline
    from ..render import render

    t = time.perf_counter()
    outcome = Outcome(rel=name, worker=os.getpid())
    try:
        digest = pipeline.digest_many([data], settings, _glossary_for(settings), names=[name])[0]
        outcome.outputs = {fmt: render(digest, fmt) for fmt in formats}
        outcome.timings = {k: round(v, 4) for k, v in digest.timings.items()}
    except PolyglotError as e:
        message = str(e)  # the report names the input already: "rel: rel: too large" says it twice
        outcome.error = message[len(name) + 2 :] if message.startswith(name + ": ") else message
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
