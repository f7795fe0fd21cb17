"""`batch --cluster`: a real Dask LocalCluster of 2 worker processes; same outputs as the local batch, faults.

The cluster is started once for the module (it costs a few seconds); tests that kill a worker
leave it to the nanny to restart.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polyglot_news import atomic
from polyglot_news.batch import MANIFEST_NAME, REPORT_NAME, run_batch
from polyglot_news.cli import app
from polyglot_news.config import Settings
from polyglot_news.errors import ConfigError

from forked import exit_code_as_nobody

if os.environ.get("CI"):  # CI installs the extra: a missing distributed must fail there, not skip
    import distributed
else:
    distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def batch_as_nobody(root: Path, out: Path, cluster: str | None, home: Path) -> dict:
    """One batch over `root` (local, or on `cluster`), in a forked child that drops to `nobody` when we are
    root (who reads anything, so chmod 000 would not stop it); the first input to settle deletes a listed file."""
    result = home / "result.json"

    def as_user() -> int:
        os.environ.update(HOME=str(home), POLYGLOT_NEWS_CACHE=str(home / "translations.sqlite3"), XDG_CONFIG_HOME=str(home),
                          XDG_CACHE_HOME=str(home), XDG_DATA_HOME=str(home), ARGOS_PACKAGES_DIR=str(home / "argos"))

        def vanish(rel: str, status: str) -> None:
            (root / "zz-vanishes.txt").unlink(missing_ok=True)

        r = run_batch(root, out, Settings(use_cache=False), formats=["text", "json", "markdown"], cluster=cluster,
                      on_done=vanish, chunk_files=2)
        result.write_text(json.dumps({"digested": sorted(r.digested), "failed": sorted(r.failed), "chunks": r.chunks}))
        return 0

    assert exit_code_as_nobody(as_user) == 0
    return json.loads(result.read_text())


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of 2 worker processes (one thread each) and a client to look at it."""
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        lc = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                      scheduler_kwargs={"dashboard_address": ":0"},
                                      silence_logs=logging.CRITICAL)
    client = distributed.Client(lc)
    yield lc, client
    client.close()
    lc.close()


def articles(folder: Path, n: int) -> list[str]:
    """`n` short English articles of our own, each different."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        name = f"story-{i:02d}.txt"
        (folder / name).write_text(
            f"Harbour ferry number {i} changes its timetable\n\n"
            f"The ferry on route {i} will sail every {10 + i} minutes from Monday, the operator said on Friday.\n\n"
            f"Passengers on route {i} had asked for later boats, and the council agreed to pay for {i + 2} more crossings.\n\n"
            "The new timetable will be posted at both piers and on the operator's notice boards.\n", encoding="utf-8")
        names.append(name)
    return names


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".") and p.name != REPORT_NAME}


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith(atomic.TEMP_PREFIX)]


def manifest_ok(out: Path) -> set[str]:
    db = sqlite3.connect(out / MANIFEST_NAME)
    try:
        return {r[0] for r in db.execute("SELECT path FROM inputs WHERE status = 'ok'")}
    finally:
        db.close()


def test_cluster_gives_the_local_outputs_and_the_same_error_report(cluster) -> None:
    """Samples plus bad members (empty, binary, unreadable, too large, vanishing): byte-equal outputs, same failures."""
    lc, _ = cluster
    base = Path(tempfile.mkdtemp(prefix="pn-cluster-"))  # pytest's tmp_path is 0700, closed to nobody
    try:
        root = base / "in"
        shutil.copytree(SAMPLES, root)
        bad = root / "bad"
        bad.mkdir()
        (bad / "empty.txt").write_bytes(b"")
        (bad / "binary.txt").write_bytes(bytes(range(256)) * 64)
        (bad / "secret.txt").write_text("A page nobody may read\n\nIt has words in it.\n", encoding="utf-8")
        with open(bad / "huge.txt", "wb") as f:  # sparse 50 MB: refused unread, in planning
            f.truncate(50 * 1024 * 1024)
        (root / "zz-vanishes.txt").write_text("Gone before its turn\n\nThis file is deleted mid-run.\n", encoding="utf-8")
        os.chmod(bad / "secret.txt", 0)
        for dirpath, dirs, files in os.walk(base):
            os.chmod(dirpath, 0o777)
            for f in files:
                if f != "secret.txt":
                    os.chmod(os.path.join(dirpath, f), 0o644)
        home = base / "home"  # the batch's cache folder, open to nobody
        (home / "argos").mkdir(parents=True)
        for d in (home, home / "argos"):
            os.chmod(d, 0o777)
        os.chmod(base, 0o777)
        # the interpreter's own files may sit where nobody cannot read: import all a batch needs first
        run_batch(root, base / "warm", Settings(use_cache=False), formats=["text", "json", "markdown"])
        results = {}
        for name, where in (("local", None), ("cluster", lc.scheduler_address)):
            (root / "zz-vanishes.txt").write_text("Gone before its turn\n\nThis file is deleted mid-run.\n", encoding="utf-8")
            os.chmod(root / "zz-vanishes.txt", 0o666)
            results[name] = batch_as_nobody(root, base / name, where, home)
        local, remote = results["local"], results["cluster"]
        assert local["digested"] == sorted(p.name for p in SAMPLES.iterdir()), local["failed"]
        assert remote["digested"] == local["digested"] and remote["chunks"] >= 2
        assert remote["failed"] == local["failed"]
        failed = dict(map(tuple, local["failed"]))
        assert sorted(failed) == ["bad/binary.txt", "bad/empty.txt", "bad/huge.txt", "bad/secret.txt", "zz-vanishes.txt"]
        assert "permission denied" in failed["bad/secret.txt"] and "vanished" in failed["zz-vanishes.txt"]
        assert outputs(base / "cluster") == outputs(base / "local")
        assert len(outputs(base / "local")) == 3 * len(local["digested"])
        # the report files: the same failures, line for line (the counts line holds the time and the job count)
        reports = [(base / n / REPORT_NAME).read_text(encoding="utf-8").splitlines() for n in ("local", "cluster")]
        assert reports[0][4:] == reports[1][4:] and "Failed (5):" in reports[0]
        assert reports[0][3].split(";")[0] == reports[1][3].split(";")[0]
    finally:
        subprocess.run(["rm", "-rf", str(base)], check=False)


def test_a_worker_killed_mid_run_loses_nothing_and_doubles_nothing(cluster, tmp_path: Path) -> None:
    lc, client = cluster
    client.wait_for_workers(2, timeout=120)
    names = articles(tmp_path / "in", 12)
    pids = client.run(os.getpid)  # worker address -> its process id
    killed: list[int] = []
    begun, over = threading.Event(), threading.Event()

    def kill_a_busy_worker() -> None:
        """Once an input has settled (mid-run), SIGKILL the first worker seen with a chunk in hand."""
        begun.wait(timeout=300)
        while not over.is_set() and not killed:
            for address, keys in client.processing().items():
                if keys and address in pids:
                    os.kill(pids[address], signal.SIGKILL)
                    killed.append(pids[address])
                    return
            time.sleep(0.005)

    killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
    killer.start()
    seen: list[str] = []
    try:
        report = run_batch(tmp_path / "in", tmp_path / "out", Settings(use_cache=False), formats=["json"],
                           cluster=lc.scheduler_address, chunk_files=1, on_done=lambda rel, st: (seen.append(rel), begun.set()))
    finally:
        over.set()
        begun.set()
        killer.join(timeout=60)
    assert killed, "no worker had a chunk in hand to kill"
    assert report.ok and sorted(report.digested) == names
    assert sorted(seen) == names  # each input settled exactly once
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [n + ".json" for n in names]
    assert manifest_ok(tmp_path / "out") == set(names)
    for p in (tmp_path / "out").glob("*.json"):
        assert json.loads(p.read_text(encoding="utf-8"))["source"] == p.name[: -len(".json")]
    client.wait_for_workers(2, timeout=120)  # the nanny brings the killed worker back for the next test


def test_a_client_killed_mid_run_reruns_only_what_is_missing(cluster, tmp_path: Path) -> None:
    lc, client = cluster
    client.wait_for_workers(2, timeout=120)
    names = articles(tmp_path / "in", 16)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "polyglot_news", "batch", str(tmp_path / "in"), "--out", str(out), "-f", "json",
                             "--cluster", lc.scheduler_address, "--chunk", "1", "--no-progress", "--no-cache"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    deadline = time.time() + 300
    while time.time() < deadline and len(list(out.glob("*.json"))) < 2 and proc.poll() is None:
        time.sleep(0.05)
    proc.kill()  # SIGKILL: no clean-up of any kind
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()[-2000:]
    for p in out.glob("*.json"):
        json.loads(p.read_text(encoding="utf-8"))  # every output there is whole
    done = manifest_ok(out)
    assert 1 <= len(done) < len(names)
    rerun = run_batch(tmp_path / "in", out, Settings(use_cache=False), formats=["json"], cluster=lc.scheduler_address)
    assert rerun.ok and rerun.unchanged == len(done)
    assert sorted(rerun.digested) == sorted(set(names) - done)
    assert temp_files(out) == [] and manifest_ok(out) == set(names)


def test_shared_fs_sends_paths_and_the_workers_hash_what_they_read(cluster, tmp_path: Path) -> None:
    lc, _ = cluster
    names = articles(tmp_path / "in", 4)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    first = run_batch(tmp_path / "in", tmp_path / "out", Settings(use_cache=False), formats=["json"], cluster=lc.scheduler_address,
                      shared_fs=True)
    local = run_batch(tmp_path / "in", tmp_path / "local", Settings(use_cache=False), formats=["json"])
    assert sorted(first.digested) == names and [rel for rel, _ in first.failed] == ["empty.txt"]
    assert outputs(tmp_path / "out") == outputs(tmp_path / "local") and local.failed == first.failed
    os.utime(tmp_path / "in" / names[0])  # touched, not changed: the worker's hash says so
    (tmp_path / "in" / names[1]).write_text("Changed story\n\nThe ferry now sails every hour, the operator said.\n", encoding="utf-8")
    again = run_batch(tmp_path / "in", tmp_path / "out", Settings(use_cache=False), formats=["json"], cluster=lc.scheduler_address,
                      shared_fs=True)
    assert again.digested == [names[1]] and again.unchanged == 3


def test_cli_batch_on_local_cluster_and_the_address_is_checked(tmp_path: Path) -> None:
    names = articles(tmp_path / "in", 3)
    runner = CliRunner()
    ok = runner.invoke(app, ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-f", "json", "--cluster", "local:1",
                             "--no-progress", "--no-cache"])
    assert ok.exit_code == 0, ok.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [n + ".json" for n in names]
    bad = runner.invoke(app, ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o2"), "--cluster", "my-laptop", "--no-progress"])
    assert bad.exit_code != 0 and "tcp://host:8786" in bad.output
    assert not (tmp_path / "o2").exists()  # nothing touched before the address is known good


def test_a_missing_extra_gives_the_install_command(tmp_path: Path, monkeypatch) -> None:
    articles(tmp_path / "in", 1)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    with pytest.raises(ConfigError, match=r"pip install 'polyglot-news\[cluster\]'"):
        run_batch(tmp_path / "in", tmp_path / "out", Settings(use_cache=False), cluster="local:2")
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--cluster", "local:2"])
    assert result.exit_code != 0
    assert "pip install 'polyglot-news[cluster]'" in result.output and "Traceback" not in result.output


def test_without_cluster_dask_is_not_imported(tmp_path: Path) -> None:
    articles(tmp_path / "in", 2)
    code = ("import sys; from polyglot_news.cli import main; sys.argv = ['polyglot-news', 'batch', sys.argv[1], '--out', sys.argv[2], "
            "'-f', 'json', '-j', '2', '--no-progress', '--no-cache']\ntry:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "in"), str(tmp_path / "out")], capture_output=True, text=True,
                          timeout=300, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "[]"
    assert len(list((tmp_path / "out").glob("*.json"))) == 2


POISONED_RUN = """
import json, os, sys, time
from pathlib import Path
from polyglot_news import pipeline
from polyglot_news.batch import run_batch
from polyglot_news.config import Settings
real = pipeline.digest_many
def dies_on_poison(sources, *args, names=None, **kwargs):
    if names and "poison.txt" in names:
        time.sleep(1.0)  # a moment after the work began, as memory would run out
        os._exit(1)
    return real(sources, *args, names=names, **kwargs)
pipeline.digest_many = dies_on_poison
r = run_batch(sys.argv[1], sys.argv[2], Settings(use_cache=False), formats=["json"], cluster="local:2", chunk_files=2)
print(json.dumps({"failed": r.failed, "digested": r.digested}))
"""


def test_a_chunk_that_kills_its_worker_twice_is_reported_per_file(tmp_path: Path) -> None:
    """An input whose worker process dies outright (as an out-of-memory kill would: no exception, no result).

    In a fresh process on `local:2`, whose workers are forked from it once it is warm, so they inherit the
    fault injected there, and so does every worker a nanny starts again after a death.
    """
    names = articles(tmp_path / "in", 16)
    shutil.copy(tmp_path / "in" / names[0], tmp_path / "in" / "poison.txt")  # sorts first: chunk [poison, story-00]
    proc = subprocess.run([sys.executable, "-c", POISONED_RUN, str(tmp_path / "in"), str(tmp_path / "out")], capture_output=True,
                          text=True, timeout=300, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    # a dying worker takes every chunk it holds, so the chunks that died are tried again one input at a time,
    # alone: only the input that kills its worker is reported, its chunk's partner and the neighbours are digested
    assert report["failed"] == [["poison.txt", "a cluster worker died twice while digesting it (killed or out of memory?)"]]
    assert sorted(report["digested"]) == names  # nothing lost, nothing doubled
    assert manifest_ok(tmp_path / "out") == set(names)
    assert "poison.txt: a cluster worker died twice" in (tmp_path / "out" / REPORT_NAME).read_text(encoding="utf-8")
