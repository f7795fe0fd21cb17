"""Where a batch's chunks run: in this process, or in local worker processes that start warm.

A pool takes chunks (`submit`) and hands back, as they finish (`wait`), each chunk's outcomes,
or a reason that applies to every input of the chunk (its worker died). `cluster.py` adds the
same interface over a Dask cluster.

The local workers are forked from this process after it has loaded everything a digest reads
but never changes (the glossaries, the detector's profiles, word lists, morphology), so a second
worker costs no second warm-up: the pages are shared copy-on-write.
"""

from __future__ import annotations

import gc
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Iterable, Sequence

from ..config import Settings
from ..detect.language import expect_long_run
from .chunks import _FIRST_CHUNK_CPU, Item, digest_chunk
from .work import Outcome, _glossary_for

# Two short texts of our own, in the shapes most inputs have, to load every lazy table before the fork
_WARM_TEXTS = [
    ("warm-up/en.txt", "Harbour ferry timetable changes next month\n\nThe ferry between the two harbours will sail "
     "every twenty minutes from Monday, the operator said. Passengers asked for later boats on Fridays.\n\n"
     "Subscribe\n\nShare this article\n"),
    ("warm-up/ru.txt", "Новый мост откроют весной\n\nСтроители закончили опоры моста через реку, сообщили в "
     "администрации города. Движение по мосту начнётся в апреле.\n\nПодписаться\n\nПоделиться\n"),
]


def warm_up(settings: Settings) -> None:
    """Load, in this process, the read-only state every digest needs, by digesting two short texts,
    and what scoring many pages' words needs (numpy, the n-gram arrays, the stored word tables:
    `expect_long_run`), which a short text would not load.

    Translation is off for it, so no model is loaded and no cache or database is opened; forked
    workers then start with it all in place.
    """
    _glossary_for(settings)
    expect_long_run()
    quiet = replace(settings, translate=False, use_cache=False)
    digest_chunk([Item(rel, data=text.encode("utf-8")) for rel, text in _WARM_TEXTS], quiet, ("text", "json"))
    _FIRST_CHUNK_CPU.clear()  # the warm-up is the parent's, not a chunk's


class Died(str):
    """The reason a chunk came back without outcomes because a worker process died while it was there.

    Unlike any other reason, it may not be the chunk's fault: a dying worker takes with it every
    chunk it held, so the run gives these inputs another try, one at a time (see `run.py`).
    """


class _Done:
    """A chunk digested at once: its outcomes (a handle, so it can be a key like a future)."""

    def __init__(self, outcomes: list[Outcome]):
        self.outcomes = outcomes


class InProcess:
    """Runs each chunk at once, here: `--jobs 1`."""

    workers = window = 1
    retries = 0
    elsewhere = False  # a chunk runs when it is submitted, in this process

    def __init__(self, settings: Settings, formats: Sequence[str]):
        self.settings, self.formats = settings, tuple(formats)

    def submit(self, items: list[Item], alone: bool = False) -> "_Done":
        return _Done(digest_chunk(items, self.settings, self.formats))

    def wait(self, handles: Iterable["_Done"]) -> list[tuple["_Done", list[Outcome] | str]]:
        return [(h, h.outcomes) for h in handles]

    def close(self) -> None:
        pass


def _init_worker() -> None:
    """Local worker start-up: leave Ctrl-C to the parent."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _FIRST_CHUNK_CPU.clear()  # a forked worker's CPU count starts at zero; its warm-up is what it uses before a chunk


_WORKER_LIFE: list = []  # a cold worker's fewer_collections, entered for its life


def _init_cold_worker(settings: Settings) -> None:
    """Start-up of a worker that could not be forked warm: it warms up itself, once.

    It also collects as seldom as a forked worker, which inherits that from the run: for its whole life.
    """
    from ..pipeline import fewer_collections

    _init_worker()
    _WORKER_LIFE.append(fewer_collections())  # held, so it is left only when the worker ends
    _WORKER_LIFE[-1].__enter__()
    warm_up(settings)


class LocalPool:
    """`jobs` worker processes forked from a warm parent; a chunk whose worker died is retried once."""

    retries = 1  # the pool itself does not retry; the run resubmits a failed chunk this many times
    elsewhere = True  # chunks run in the workers while this process goes on

    def __init__(self, settings: Settings, formats: Sequence[str], jobs: int):
        # chunks in flight: enough that no worker runs dry while this process writes what came back
        self.settings, self.formats, self.workers, self.window = settings, tuple(formats), jobs, 4 * jobs
        self.pool: ProcessPoolExecutor | None = None
        self.warm = False

    def _pool(self) -> ProcessPoolExecutor:
        import multiprocessing
        import threading

        if self.pool is None:
            methods = multiprocessing.get_all_start_methods()
            # fork shares the warm state, but only a single-threaded process forks safely (a thread may hold
            # a lock the child would wait on forever); otherwise each worker starts from a forkserver and
            # warms up on its own
            if "fork" in methods and threading.active_count() == 1:
                if not self.warm:
                    warm_up(self.settings)
                    self.warm = True
                context, init, args = multiprocessing.get_context("fork"), _init_worker, ()
            else:
                method = "forkserver" if "forkserver" in methods else "spawn"
                context, init, args = multiprocessing.get_context(method), _init_cold_worker, (self.settings,)
                if method == "forkserver":
                    context.set_forkserver_preload(["polyglot_news.pipeline", "polyglot_news.render"])
            gc.freeze()  # keep the collector from touching (and so copying) the shared pages in the workers
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=init, initargs=args)
        return self.pool

    def submit(self, items: list[Item], alone: bool = False) -> Future:
        try:
            fut = self._pool().submit(digest_chunk, items, self.settings, self.formats)
        except BrokenProcessPool as e:
            # a worker died since the last wait and the pool refuses new work: the chunk comes back from
            # `wait` as died (not blamed), and the pool is started again there
            fut = Future()
            fut.set_exception(e)
        gc.unfreeze()  # the workers are forked (all at once, at the first submit); this process collects again
        return fut

    def wait(self, handles: Iterable[Future]) -> list[tuple[Future, list[Outcome] | str]]:
        handles = list(handles)
        done, _ = wait(handles, return_when=FIRST_COMPLETED)
        if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
            # a worker died (killed, out of memory): the pool is broken, and every chunk in it comes back
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
            done = [f for f in handles if f.done()]
        results = []
        for fut in done:
            if fut.cancelled() or isinstance(fut.exception(), BrokenProcessPool):
                results.append((fut, Died("a worker process died while digesting it (killed or out of memory?)")))
            elif fut.exception() is not None:  # a bug outside digest_chunk's own guard (e.g. pickling)
                results.append((fut, f"internal error: {type(fut.exception()).__name__}: {fut.exception()}"))
            else:
                results.append((fut, fut.result()))
        return results

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
