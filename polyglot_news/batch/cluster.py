"""Running a batch's chunks on a Dask cluster (`--cluster tcp://host:8786` or `--cluster local:N`).

The client (this process) keeps what only it should own: the manifest, the writes into OUT,
the progress bar and the report. The workers get chunks (`chunks.digest_chunk`, a pure
function) and send back rendered outputs. Dask is imported only here, and only when
`--cluster` is given; it comes with the `cluster` extra.

Faults: when a worker dies mid-chunk, the scheduler gives the chunk to another worker; when a
chunk has failed twice (for `local:N`; a scheduler of your own applies its
`distributed.scheduler.allowed-failures`), every input in it is reported failed with the reason,
and the run goes on.
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

    def __init__(self, settings: Settings, formats: Sequence[str], address: str, connect_timeout: float = 15.0):
        check_address(address)
        distributed = _distributed()
        import logging

        import dask

        self.settings, self.formats = settings, tuple(formats)
        self.cluster = None
        m = _LOCAL.match(address)
        try:
            if m:
                # a chunk that was on a dying worker twice is given up (KilledWorker), as the issue asks
                with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
                    # no dashboard, and the scheduler's HTTP port is any free one, so two runs never collide
                    self.cluster = distributed.LocalCluster(n_workers=int(m.group(1)), threads_per_worker=1, processes=True,
                                                            dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                                                            silence_logs=logging.CRITICAL)
                self.client = distributed.Client(self.cluster)
            else:
                self.client = distributed.Client(address, timeout=connect_timeout)
                self.client.wait_for_workers(1, timeout=connect_timeout)
        except (OSError, TimeoutError) as e:
            self.close()
            raise ConfigError(f"--cluster {address}: cannot reach the Dask scheduler or it has no workers ({e})") from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.window = 2 * self.workers
        self._sent: dict[str, float] = {}

    def submit(self, items: list[Item]):
        key = f"polyglot-news-chunk-{uuid.uuid4().hex}"
        self._sent[key] = time.perf_counter()
        # pure=False: two chunks with the same inputs are two pieces of work; retries=1: a chunk whose
        # task raised (say, a worker missing a package) gets one more try before it is reported
        return self.client.submit(digest_chunk, items, self.settings, self.formats, key=key, pure=False, retries=1)

    def wait(self, handles: Iterable) -> list[tuple[object, list[Outcome] | str]]:
        distributed = _distributed()
        done, _ = distributed.wait(list(handles), return_when="FIRST_COMPLETED")
        results = []
        for fut in done:
            self._sent.pop(fut.key, None)
            if fut.status == "finished":
                results.append((fut, fut.result()))
                continue
            if fut.status == "cancelled":
                results.append((fut, "the Dask scheduler cancelled the chunk holding it"))
                continue
            exc = fut.exception()
            if type(exc).__name__ == "KilledWorker":
                reason = "a cluster worker died twice while digesting the chunk holding it (killed or out of memory?)"
            else:
                reason = f"the cluster failed twice on the chunk holding it: {type(exc).__name__}: {exc}"
            results.append((fut, reason))
        return results

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()
