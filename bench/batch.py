"""Benchmark `polyglot-news batch`: articles per second with 1 and 2 workers, and a rerun with nothing changed.

Inputs (300 by default, `--quick` 40) are written into a temporary folder from the shared
development data: real page dumps and HTML pages, BBC articles (first line the title),
and Russian and Ukrainian WMT documents (some Russian ones in Windows-1251).

Every run is a fresh Python process, so import and model-loading costs count. Runs:
- `naive loop`: the baseline a user would write: one process, `pipeline.digest_many` on one
  file at a time, outputs written with `Path.write_text`, no manifest, no hashing;
- `batch -j1`, `batch -j2`: `run_batch` into empty output folders;
- `rerun -j2`: `run_batch` again on the `-j2` output with nothing changed (goal: under 5%
  of the first `-j2` run's time);
- `--cluster local:2`: the same inputs on a Dask LocalCluster of 2 worker processes started by
  the run (goal: at least 0.9x the `-j2` throughput), with each worker's warm-up, the worker
  time per chunk spent outside the chunk, and the scheduler's own cost per no-op task.
Peak memory is each worker's high-water RSS (for `-j1` and the baseline, the one process).
The translation cache is off so no run profits from an earlier one's translations, and
the glossaries are a snapshot taken at the start, so edits to them cannot redo a rerun.

    python bench/batch.py [--quick] [--data DIR] [--n N] [--packages DIR]

The last line is `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"

RUN_BATCH = """
import json, sys, time
from pathlib import Path
from polyglot_news.batch import run_batch
from polyglot_news.config import Settings
t = time.perf_counter()
settings = Settings(use_cache=False, use_shipped_glossaries=False, glossary_dirs=[Path(sys.argv[4])],
                    packages_dir=Path(sys.argv[5]) if sys.argv[5] else None)
cluster = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] else None
r = run_batch(sys.argv[1], sys.argv[2], settings, formats=["text", "json"], jobs=int(sys.argv[3]), cluster=cluster)
import resource, sqlite3
self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
db = sqlite3.connect(Path(sys.argv[2]) / ".batch-manifest.sqlite3")
work = sum(json.loads(row[0]).get("total", 0) for row in db.execute("SELECT timings FROM inputs WHERE path IN (%s)" % ",".join("?" * len(r.digested)), r.digested)) if r.digested else 0.0
import os
me = resource.getrusage(resource.RUSAGE_SELF)
# workers are the forkserver's children, not ours: they report their own CPU time
cpu = me.ru_utime + me.ru_stime + sum(v for pid, v in r.worker_cpu.items() if pid != os.getpid())
print(json.dumps({"seconds": time.perf_counter() - t, "digested": len(r.digested), "unchanged": r.unchanged, "work": work, "cpu": cpu,
                  "failed": r.failed, "workers": {str(k): v for k, v in r.worker_peak_rss.items()}, "self_rss": self_rss,
                  "warmup": {str(k): v for k, v in r.worker_warmup_cpu.items()}, "chunks": r.chunks, "chunk_seconds": r.chunk_seconds,
                  "work_seconds": r.work_seconds, "n_workers": r.jobs}))
"""

NOOP = """
import json, logging, sys, time
import distributed
with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                              scheduler_kwargs={"dashboard_address": ":0"},
                              silence_logs=logging.CRITICAL) as lc, distributed.Client(lc) as client:
    n = int(sys.argv[1])
    client.gather(client.map(len, [[i] for i in range(20)], pure=False))  # connections made
    t = time.perf_counter()
    client.gather(client.map(len, [[i] for i in range(n)], pure=False))
    both = time.perf_counter() - t
    t = time.perf_counter()
    for i in range(n // 4):
        client.submit(len, [i], pure=False).result()
    one = time.perf_counter() - t
print(json.dumps({"throughput": both / n, "round_trip": one / (n // 4)}))
"""

NAIVE = """
import json, sys, time, resource
from pathlib import Path
t = time.perf_counter()
from polyglot_news import pipeline
from polyglot_news.config import Settings
from polyglot_news.render import render
settings = Settings(use_cache=False, use_shipped_glossaries=False, glossary_dirs=[Path(sys.argv[3])],
                    packages_dir=Path(sys.argv[4]) if sys.argv[4] else None)
glossary = pipeline.load_context(settings)
src, out = Path(sys.argv[1]), Path(sys.argv[2])
n = failed = 0
for p in sorted(src.rglob("*")):
    if not p.is_file() or p.suffix not in (".txt", ".html", ".htm", ".md"):
        continue
    try:
        d = pipeline.digest_many([p], settings, glossary)[0]
    except Exception:
        failed += 1
        continue
    target = out / p.relative_to(src)
    target.parent.mkdir(parents=True, exist_ok=True)
    Path(str(target) + ".txt").write_text(render(d, "text"), encoding="utf-8")
    Path(str(target) + ".json").write_text(render(d, "json"), encoding="utf-8")
    n += 1
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - t, "digested": n, "unchanged": 0, "failed": failed, "cpu": usage.ru_utime + usage.ru_stime,
                  "workers": {"0": rss}, "self_rss": rss, "work": 0.0}))
"""


def write_inputs(data: Path, folder: Path, n: int) -> dict[str, int]:
    """Write about `n` inputs into `folder` from the shared data; returns counts per kind."""
    counts = {"page dump": 0, "html page": 0, "bbc article": 0, "ru document": 0, "uk document": 0}
    share = {"pages": n * 30 // 100, "bbc": n * 40 // 100, "ru": n * 15 // 100}
    share["uk"] = n - sum(share.values())
    pages = sorted((data / "dev" / "pages").glob("*/*.dump.txt"))
    for i, dump in enumerate(pages[: share["pages"]]):
        if i % 3 == 2 and dump.with_name(dump.name.replace(".dump.txt", ".html")).is_file():
            html = dump.with_name(dump.name.replace(".dump.txt", ".html"))
            target, kind = folder / "pages" / dump.parent.name / html.name, "html page"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(html, target)
        else:
            target, kind = folder / "pages" / dump.parent.name / dump.name, "page dump"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(dump, target)
        counts[kind] += 1
    bbc = (data / "dev" / "summ" / "bbc_dev.jsonl").read_text(encoding="utf-8").splitlines()
    for line in bbc[: share["bbc"]]:
        rec = json.loads(line)
        target = folder / "bbc" / rec["category"] / f"{rec['id']}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(rec["article"], encoding="utf-8")
        counts["bbc article"] += 1
    for lang in ("ru", "uk"):
        docs = (data / "dev" / "parallel" / f"{lang}-en.jsonl").read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(docs[: share[lang]]):
            rec = json.loads(line)
            text = "\n\n".join(rec["source"]) + "\n"
            target = folder / lang / f"{rec['doc']}-{i}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            raw = text.encode("cp1251", "replace") if lang == "ru" and i % 2 else text.encode("utf-8")
            target.write_bytes(raw)
            counts[f"{lang} document"] += 1
    return counts


def story_groups_in(out_dir: Path) -> list[list[str]]:
    """The daily's near-duplicate groups (more than one source) among a batch's JSON outputs.

    Rebuilds just what the grouping reads (title, summary, glossary) from each JSON.
    """
    from polyglot_news.daily import story_groups
    from polyglot_news.model import TITLE, Article, Digest, Segment, SummarySentence, Term

    digests = []
    for p in sorted(out_dir.rglob("*.json")):
        j = json.loads(p.read_text(encoding="utf-8"))
        title = j["title"] or ""
        digests.append(Digest(Article(j["source"], [Segment(1, title, TITLE, "en", 1.0, title)]),
                              [SummarySentence(t, 0) for t in j["summary"]],
                              [Term(g["term"], g["original"], g["kind"], g["lang"], g["mentions"]) for g in j["glossary"]]))
    return [[f"{digests[i].article.source}: {digests[i].title}" for i in g] for g in story_groups(digests) if len(g) > 1]


def idle_per_chunk(r: dict) -> float:
    """Worker time per chunk spent outside digest_chunk during the work phase: scheduling, shipping, waiting on the client."""
    return (r["n_workers"] * r["work_seconds"] - r["chunk_seconds"]) / max(1, r["chunks"])


def run(script: str, *args: str) -> dict:
    """Run a script in a fresh Python and return its JSON line plus the wall time."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=REPO, timeout=3600)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"run failed: {args}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="40 inputs instead of 300")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    ap.add_argument("--n", type=int, default=None, help="number of inputs")
    ap.add_argument("--packages", type=Path, default=None,
                    help="Argos packages folder to translate with (default: Argos's own, usually none installed)")
    args = ap.parse_args()
    n = args.n or (40 if args.quick else 300)
    if not (args.data / "dev").is_dir():
        print(f"no data at {args.data}: skipped")
        print("RESULT " + json.dumps({"skipped": f"no data at {args.data}"}))
        return

    work = Path(tempfile.mkdtemp(prefix="pn-bench-batch-"))
    try:
        inputs = work / "in"
        counts = write_inputs(args.data, inputs, n)
        total = sum(counts.values())
        print(f"{total} inputs: " + ", ".join(f"{v} {k}" for k, v in counts.items() if v))
        rows = []
        glossaries = work / "glossaries"  # a snapshot, so edits to the repo's glossaries mid-run change nothing
        shutil.copytree(REPO / "glossaries", glossaries)
        pk = str(args.packages or "")
        load_start = os.getloadavg()[0]
        print(f"load average at the start: {load_start:.1f} on {os.cpu_count()} CPUs")
        naive = run(NAIVE, str(inputs), str(work / "naive"), str(glossaries), pk)
        rows.append(("naive loop (baseline)", naive))
        j1 = run(RUN_BATCH, str(inputs), str(work / "out1"), "1", str(glossaries), pk)
        rows.append(("batch -j1", j1))
        j2 = run(RUN_BATCH, str(inputs), str(work / "out2"), "2", str(glossaries), pk)
        rows.append(("batch -j2", j2))
        again = run(RUN_BATCH, str(inputs), str(work / "out2"), "2", str(glossaries), pk)
        rows.append(("rerun -j2, nothing changed", again))
        try:
            import distributed  # noqa: F401
        except ImportError:
            dask = noop = None
            print("distributed is not installed (pip install -e '.[cluster]'): no --cluster run")
        else:
            dask = run(RUN_BATCH, str(inputs), str(work / "outc"), "1", str(glossaries), pk, "local:2")
            rows.append(("batch --cluster local:2", dask))
            noop = run(NOOP, "400")

        print()
        load = os.getloadavg()[0]
        print(f"load average at the end: {load:.1f} on {os.cpu_count()} CPUs (wall times depend on it; CPU seconds less so)")
        print(f"{'run':<28} {'wall s':>8} {'cpu s':>7} {'digested':>9} {'unchanged':>9} {'failed':>6} {'art/s':>7} {'vs naive':>8} {'peak MB/worker':>15}")
        for name, r in rows:
            done = r["digested"] + r["unchanged"]
            rate = done / r["wall"] if r["wall"] else 0.0
            peak = max(r["workers"].values()) if r["workers"] else r["self_rss"]
            failed = len(r["failed"]) if isinstance(r["failed"], list) else r["failed"]
            print(f"{name:<28} {r['wall']:>8.1f} {r['cpu']:>7.1f} {r['digested']:>9} {r['unchanged']:>9} {failed:>6} {rate:>7.2f} "
                  f"{naive['wall'] / r['wall']:>7.2f}x {peak / 1e6:>15.0f}")
        for name, r in rows:
            if isinstance(r["failed"], list) and r["failed"]:
                print(f"  {name} failures: " + "; ".join(f"{a}: {b}" for a, b in r["failed"][:5]))
        overhead = j1["seconds"] - j1["work"]
        print(f"\nbatch -j1: {j1['work']:.1f} s inside digest_input (the pipeline and rendering), "
              f"{overhead:.1f} s around it (discovery, hashing, manifest, atomic writes, worker set-up): "
              f"{overhead / j1['seconds']:.1%} of the run")
        print("\nper worker: warm-up CPU s before its first chunk (-j2 workers are forked from a warm parent); "
              "worker time per chunk outside the chunk (scheduling, shipping, waiting)")
        for name, r in (("batch -j2", j2), ("batch --cluster local:2", dask)):
            if r is None:
                continue
            warm = ", ".join(f"{v:.2f}" for v in r["warmup"].values())
            print(f"  {name:<26} warm-up [{warm}]  chunks {r['chunks']}  idle per chunk {idle_per_chunk(r) * 1000:.0f} ms"
                  f"  work phase {r['digested'] / r['work_seconds']:.2f} art/s")
        if dask is not None:
            print(f"  Dask scheduler, no-op tasks on local:2: {noop['throughput'] * 1000:.1f} ms a task when many are in flight, "
                  f"{noop['round_trip'] * 1000:.1f} ms a round trip one at a time")
            print(f"  --cluster local:2 / -j2 throughput: {j2['wall'] / dask['wall']:.2f}x (goal >= 0.9x)")
        ratio = again["wall"] / j2["wall"]
        print(f"\nrerun / first -j2 run: {ratio:.1%} (goal < 5%)")
        groups = story_groups_in(work / "out2")
        print(f"\nnear-duplicate stories the daily would merge among these {total} inputs: {len(groups)} groups")
        for g in groups:
            print("  " + " | ".join(g))
        result = {
            "inputs": total,
            "naive_articles_per_s": round(naive["digested"] / naive["wall"], 2),
            "jobs1_articles_per_s": round(j1["digested"] / j1["wall"], 2),
            "jobs2_articles_per_s": round(j2["digested"] / j2["wall"], 2),
            "jobs2_speedup_vs_jobs1": round(j1["wall"] / j2["wall"], 2),
            "rerun_seconds": round(again["wall"], 2),
            "rerun_ratio": round(ratio, 4),
            "jobs1_overhead_share": round(overhead / j1["seconds"], 4),
            "peak_rss_mb_per_worker_jobs2": round(max(j2["workers"].values()) / 1e6) if j2["workers"] else None,
            "peak_rss_mb_jobs1": round(max(j1["workers"].values()) / 1e6) if j1["workers"] else None,
            "cpu_seconds_per_article": {"naive": round(naive["cpu"] / naive["digested"], 3),
                                        "jobs1": round(j1["cpu"] / j1["digested"], 3),
                                        "jobs2": round(j2["cpu"] / j2["digested"], 3)},
            "load_average": round(load, 1),
            "load_average_start": round(load_start, 1),
            "jobs2_warmup_cpu_s": [round(v, 3) for v in j2["warmup"].values()],
            "cluster_articles_per_s": round(dask["digested"] / dask["wall"], 2) if dask else None,
            "cluster_over_jobs2": round(j2["wall"] / dask["wall"], 2) if dask else None,
            "cluster_peak_rss_mb_per_worker": round(max(dask["workers"].values()) / 1e6) if dask and dask["workers"] else None,
            "cluster_warmup_cpu_s": [round(v, 3) for v in dask["warmup"].values()] if dask else None,
            "cluster_idle_ms_per_chunk": round(idle_per_chunk(dask) * 1000, 1) if dask else None,
            "jobs2_idle_ms_per_chunk": round(idle_per_chunk(j2) * 1000, 1),
            "scheduler_ms_per_task": round(noop["throughput"] * 1000, 2) if noop else None,
            "scheduler_round_trip_ms": round(noop["round_trip"] * 1000, 2) if noop else None,
            "failed": len(j2["failed"]),
            "story_groups": len(groups),
            "cpus": os.cpu_count(),
            "packages": str(args.packages) if args.packages else None,
        }
        print("RESULT " + json.dumps(result))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
