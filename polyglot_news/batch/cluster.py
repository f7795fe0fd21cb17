"""Running a batch's chunks on a Dask cluster (`--cluster tcp://host:8786` or `--cluster local:N`).

The client (this process) keeps what only it should own: the manifest, the writes into OUT,
the progress bar and the report. The workers get chunks (`chunks.digest_chunk`, a pure
function) and send back rendered outputs. Dask is imported only here, and only when
`--cluster` is given; it comes with the `cluster` extra.

Faults: when a worker dies mid-chunk, the scheduler gives the chunk to another worker. A dying
worker takes every task it holds, running or queued, and the scheduler counts the death against
each; when a chunk has been there twice (for `local:N`; a scheduler of your own applies its
`distributed.scheduler.allowed-failures`) it comes back `Died`, and the run tries its inputs
again one at a time, alone (`run.py`), so only an input that kills its worker is reported.
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Iterable, Sequence

from ..config import Settings
from ..errors import ConfigError
from .chunks import Item, digest_chunk
from .work import Outcome

INSTALL = "pip install 'polyglot-news[cluster]'"
_LOCAL = re.compile(r"local:(\d+)$")


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ConfigError(f"--cluster needs Dask's distributed scheduler, which is not installed: {INSTALL}") from None
    return distributed


def check_address(address: str) -> None:
    """Raise ConfigError unless `address` is `local:N` (N >= 1) or a scheduler address such as
    tcp://host:8786, and Dask's distributed is installed."""
    m = _LOCAL.match(address)
    if m:
        if int(m.group(1)) < 1:
            raise ConfigError(f"--cluster {address}: local:N needs at least one worker")
    elif not re.match(r"^[a-z0-9+]+://[^\s/]+$", address):
        raise ConfigError(f"--cluster {address}: give a scheduler address such as tcp://host:8786, or local:N")
    _distributed()


class ClusterPool:
    """Chunks on a Dask cluster: a running scheduler's, or a LocalCluster started for the run."""

    retries = 0  # the scheduler retries a chunk whose worker died; the run does not retry again
    elsewhere = True  # chunks run on the cluster's workers while this process goes on
    poll = 2.0  # seconds between looks at the workers while nothing settles

    @property
    def restart_grace(self) -> float:
        """Seconds with no worker (or, before a lone input, fewer than at the start) the run waits: forked
        local workers are back within seconds, a user's may come from a queue or another machine."""
        return 20.0 if self.cluster is not None else 120.0

    # For the run's own LocalCluster: workers forked from this process once it is warm (as `--jobs` does), so a
    # worker, first or restarted, starts with the glossaries and tables loaded; and on a machine whose cores are
    # the workers', none spent on the statistical profiler (every 10 ms) or on frequent system and memory polls.
    LOCAL_CONFIG = {
        "distributed.worker.multiprocessing-method": "fork",
        "distributed.worker.profile.enabled": False,
        "distributed.worker.memory.monitor-interval": "1s",
        "distributed.admin.system-monitor.interval": "2s",
        "distributed.admin.system-monitor.gil.enabled": False,
        "distributed.admin.tick.interval": "1s",  # every server's event-loop health tick, 20 ms by default
        "distributed.scheduler.work-stealing": False,  # two tasks a worker at most: nothing to steal, a 100 ms poll less
    }

    def _start_local(self) -> None:
        """Start the run's own LocalCluster (workers forked warm) and a client on it."""
        import logging
        import threading

        import dask

        from .pools import warm_up

        distributed = _distributed()
        if self._config is None:  # the first start (a restart keeps the first start's settings)
            config = dict(self.LOCAL_CONFIG)
            if threading.active_count() == 1:
                warm_up(self.settings)  # warm up while no thread can hold a lock a forked child needs
            else:  # a caller's threads could hold a lock a forked child would wait on
                config["distributed.worker.multiprocessing-method"] = "spawn"
            # the nannies read the start method when they (re)start a worker, so it holds until close()
            self._config = dask.config.set(config)
        # a chunk that was on a dying worker twice is given up (KilledWorker), as the issue asks
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
            # no dashboard, and the scheduler's HTTP port is any free one, so two runs never collide
            self.cluster = distributed.LocalCluster(n_workers=self._local_workers, threads_per_worker=1, processes=True,
                                                    dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                                                    silence_logs=logging.CRITICAL)
        self.client = distributed.Client(self.cluster)

    def __init__(self, settings: Settings, formats: Sequence[str], address: str, connect_timeout: float = 15.0):
        check_address(address)
        distributed = _distributed()
        self.settings, self.formats, self.address = settings, tuple(formats), address
        self.cluster = None
        self._config = None  # the dask settings of the run's own LocalCluster, held until close()
        self._idle_since: float | None = None
        self._orphans: set = set()  # futures of a LocalCluster the run had to restart
        self._last_death = 0.0  # when a chunk last came back Died (time.monotonic)
        m = _LOCAL.match(address)
        try:
            if m:
                self._local_workers = int(m.group(1))
                self._start_local()
            else:
                self.client = distributed.Client(address, timeout=connect_timeout)
                self.client.wait_for_workers(1, timeout=connect_timeout)
        except (OSError, TimeoutError) as e:
            self.close()
            raise ConfigError(f"--cluster {address}: cannot reach the Dask scheduler or it has no workers ({e})") from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.window = 2 * self.workers

    def submit(self, items: list[Item], alone: bool = False):
        if alone:  # after deaths: let the restarted workers come up first, so one input is not blamed for their start
            self._await_workers()
        key = f"polyglot-news-chunk-{uuid.uuid4().hex}"
        # pure=False: two chunks with the same inputs are two pieces of work; retries=1: a chunk whose
        # task raised (say, a worker missing a package) gets one more try before it is reported
        return self.client.submit(digest_chunk, items, self.settings, self.formats, key=key, pure=False, retries=1)

    def _live_workers(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1).get("workers", {}))

    def _await_workers(self) -> None:
        """Wait (bounded) until the cluster has as many workers as at the start, and they have settled."""
        deadline = time.monotonic() + self.restart_grace
        waited = False
        while self._live_workers() < self.workers and time.monotonic() < deadline:
            time.sleep(0.2)
            waited = True
        if waited or time.monotonic() - self._last_death < 5.0:
            time.sleep(1.0)  # a worker takes tasks as soon as it registers, a moment before its nanny counts it started

    def wait(self, handles: Iterable) -> list[tuple[object, list[Outcome] | str]]:
        """The chunks among `handles` that have settled (at least one; blocks until then).

        A finished chunk whose result was on a worker that died is "lost": the scheduler computes it
        again, so it is still pending here, not done. A chunk the scheduler gave up on because its
        workers kept dying comes back `Died`: it may only have been beside the input that killed them.
        """
        from .pools import Died

        distributed = _distributed()
        handles = list(handles)
        orphans = [(fut, Died("the run restarted its LocalCluster, which had lost all its workers, while the chunk holding it was there"))
                   for fut in handles if fut in self._orphans]
        if orphans:
            self._orphans.difference_update(fut for fut, _ in orphans)
            return orphans
        while True:
            try:
                distributed.wait(handles, timeout=self.poll, return_when="FIRST_COMPLETED")
            except TimeoutError:
                pass
            except distributed.client.FuturesCancelledError:
                pass  # the statuses below say which
            results = [(fut, self._result(fut)) for fut in handles if fut.status in ("finished", "error", "cancelled")]
            results = [(fut, r) for fut, r in results if r is not None]
            if any(isinstance(r, Died) for _, r in results):
                self._last_death = time.monotonic()
            if results:
                return results
            self._watch(handles)
            if self._orphans:
                return self.wait(handles)

    def _result(self, fut) -> list[Outcome] | str | None:
        """One settled future's outcomes or reason; None when it turned out not to be settled after all."""
        from .pools import Died

        if fut.status == "cancelled":
            return Died("the Dask scheduler cancelled the chunk holding it (it lost its workers or was restarted)")
        try:
            if fut.status == "finished":
                return fut.result(timeout=30)
            exc = fut.exception(timeout=30)
        except TimeoutError:  # its data went with a dying worker between the status and the fetch
            return None
        except Exception as e:  # noqa: BLE001 - KilledWorker, cancellation... raised by the fetch itself
            exc = e
        if exc is None:
            return None
        if type(exc).__name__ == "KilledWorker":
            times = getattr(exc, "allowed_failures", 1) + 1
            return Died(f"a cluster worker died {'twice' if times == 2 else f'{times} times'} while digesting it (killed or out of memory?)")
        if type(exc).__name__ in ("CancelledError", "FutureCancelledError"):
            return Died(f"the Dask scheduler cancelled the chunk holding it ({exc})")
        return f"the cluster failed twice on the chunk holding it: {type(exc).__name__}: {exc}"

    def _watch(self, handles: list) -> None:
        """Nothing settled for a while: make sure there are workers to settle anything.

        Dask does not restart a worker that dies while its nanny is still starting it; with no worker
        left, a run would wait forever. A LocalCluster of the run's own is started again (its chunks
        come back `Died` and are tried again); a scheduler of the user's gets `restart_grace`
        seconds, then the run stops with a one-line error (a rerun does what is left).
        """
        if self._live_workers() > 0:
            self._idle_since = None
            return
        now = time.monotonic()
        self._idle_since = self._idle_since or now
        if now - self._idle_since < self.restart_grace:
            return
        self._idle_since = None
        if self.cluster is None:
            raise ConfigError(f"--cluster {self.address}: the Dask scheduler has had no workers for {self.restart_grace:.0f} s; "
                              "start workers and run the batch again to finish")
        self._restart_local(handles)

    def _restart_local(self, handles: list) -> None:
        """Close the run's LocalCluster and start a new one; the chunks that were on it come back `Died`."""
        self.client.close()
        self.cluster.close()
        self._start_local()
        self._orphans.update(handles)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()
        if getattr(self, "_config", None) is not None:
            self._config.__exit__(None, None, None)
            self._config = None
