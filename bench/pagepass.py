"""Benchmark the page pass: today's code against a baseline ref, pages per CPU-second, same answers.

The baseline ref (`--baseline-ref`, default 0b13851, the layout commit the issue measured) is
checked out into a temporary git worktree, and both trees run the same inputs in the same run,
alternately, so machine load affects both alike:
- `polyglot-news digest DIR --format json --no-cache` over the aeb and trafilatura page dumps
  (`--data`/dev/pages/*/*.dump.txt) and the repository's samples/, one fresh process per folder;
  CPU time (user + system) and peak RSS come from `os.wait4` on that process, so start-up,
  imports and model loading count;
- a one-page English digest (samples/en-page-dump.txt), best of three, for start-up cost;
- every tree digests each set once, untimed, before the timed runs, as a machine that has run the
  tool before: a fresh worktree's precompiled tables (text/precompiled.py; some are per language)
  are built then, and so is its bytecode. The runs keep bytecode (in a folder of the bench's own, PYTHONPYCACHEPREFIX)
  even where PYTHONDONTWRITEBYTECODE is set, as an installed tool has it: without, every process
  compiles each module it imports again (about 0.06 CPU-s of the current tree's start-up);
  `--no-bytecode` measures that case;
- `batch --jobs 1` and `--jobs 2` of the current tree on 200 dumps (`--quick`: 40), wall and CPU
  time, each worker's warm-up (CPU seconds it had used before its first chunk), with the load
  average beside it (the ratio means little on a busy machine); `--batch-pairs` (default 5)
  alternating -j1/-j2 pairs, `j2_over_j1` the median of the pairs' ratios.
`identical` is true when every digest's JSON equals that of `--identity-ref` (default: `git
merge-base HEAD main`, the code this branch started from), timings aside; other branches merged
since the baseline may rightly have changed answers, so speed and sameness have their own refs.
When the two refs are the same commit, one tree serves both.

    python bench/pagepass.py [--quick] [--data DIR] [--baseline-ref REF] [--identity-ref REF]
                             [--batch-pages N] [--batch-pairs N] [--only digests,startup,jobs]
                             [--no-bytecode]

`--only jobs` runs the batch -j1/-j2 step alone (for a measurement on an idle machine).
The last line is `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
BASELINE_REF = "0b13851"  # the layout commit the figures were measured on
QUICK_PAGES = 20  # dumps per set with --quick
STEPS = ("digests", "startup", "jobs")

# `batch` through the library, so each worker's warm-up (from the run report) can be printed
BATCH_DRIVER = """
import json, sys, time
from polyglot_news.batch import run_batch
from polyglot_news.config import Settings
from polyglot_news.pipeline import fewer_collections
t = time.perf_counter()
with fewer_collections(last=True):  # as `polyglot-news batch` runs it (see cli/batch.py)
    report = run_batch(sys.argv[1], sys.argv[2], Settings(use_cache=False), ("json",), jobs=int(sys.argv[3]))
print(json.dumps({"wall": time.perf_counter() - t, "digested": len(report.digested), "failed": len(report.failed),
                  "warmup": sorted(report.worker_warmup_cpu.values()), "worker_cpu": sorted(report.worker_cpu.values())}))
"""


# `python -m polyglot_news ARGS` that reports its own peak memory on exit: the high-water mark of
# its own address space (VmHWM), since ru_maxrss after fork+exec also counts the forking parent's
# pages (this bench holds every digest's JSON, so it would report its own size)
CLI_DRIVER = """
import atexit, os, runpy, sys
def peak():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    os.write(2, ("\\nPAGEPASS_PEAK_KB " + line.split()[1] + "\\n").encode())
    except OSError:
        pass
atexit.register(peak)
sys.argv = ["polyglot_news", *sys.argv[1:]]
runpy.run_module("polyglot_news", run_name="__main__", alter_sys=True)
"""


BYTECODE: dict[str, str] = {}  # PYTHONPYCACHEPREFIX for the runs (set in main), unless --no-bytecode


def run(tree: Path, args: list[str]) -> dict:
    """Run `python ARGS` (default `-m polyglot_news ARGS`) from `tree`; stdout, CPU seconds, peak RSS, wall time."""
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    if BYTECODE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(BYTECODE)
    command = [sys.executable, *args] if args[:1] == ["-c"] else [sys.executable, "-c", CLI_DRIVER, *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(command, cwd=tree, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8"), err.read().decode("utf-8", "replace")
    peak = [line.split()[1] for line in stderr.splitlines() if line.startswith("PAGEPASS_PEAK_KB ")]
    # RUSAGE of the process counts its waited-for children too (the batch workers)
    return {"stdout": stdout, "stderr": stderr, "rc": proc.returncode, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": int(peak[-1]) / 1024 if peak else usage.ru_maxrss / 1024, "wall": wall}


def strip_timings(value):
    """A digest's JSON without anything that measures time (so two runs can be compared)."""
    if isinstance(value, dict):
        return {k: strip_timings(v) for k, v in value.items() if k not in ("timings", "seconds")}
    if isinstance(value, list):
        return [strip_timings(v) for v in value]
    return value


def digests_of(result: dict) -> list:
    data = json.loads(result["stdout"])
    return [strip_timings(d) for d in (data if isinstance(data, list) else [data])]


def identity_ref(arg: str | None) -> str:
    """The commit whose answers today's must equal: `arg`, else where this branch left main."""
    if arg:
        return arg
    try:
        return subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=REPO, check=True,
                              capture_output=True, text=True).stdout.strip()
    except subprocess.CalledProcessError:
        return "HEAD"


def commit_of(ref: str) -> str:
    return subprocess.run(["git", "rev-parse", ref + "^{commit}"], cwd=REPO, check=True, capture_output=True,
                          text=True).stdout.strip()


def folders(data: Path, work: Path, quick: bool) -> dict[str, Path]:
    """Copy each input set into its own folder (digest DIR takes every page file in it)."""
    sets = {}
    for name in ("aeb", "trafilatura"):
        dumps = sorted((data / "dev" / "pages" / name).glob("*.dump.txt"))
        if not dumps:
            continue
        dest = work / name
        dest.mkdir()
        for f in dumps[:QUICK_PAGES] if quick else dumps:
            shutil.copy(f, dest / f.name)
        sets[name] = dest
    sets["samples"] = REPO / "samples"
    return sets


def batch_rates(tree: Path, data: Path, work: Path, pages: int, pairs: int) -> dict:
    """Wall and CPU time of `batch --jobs 1` and `--jobs 2` on the same `pages` dumps, and each worker's warm-up.

    The two run `pairs` times, alternately (-j1, -j2, -j1, ...), each into a new folder (none is deleted
    before the end: files just deleted make ext4 slower to create new ones); the ratio is
    taken within each pair, so a slow spell of a shared machine falls on both runs of a pair, and
    `j2_over_j1` is the median of the pairs' ratios.
    """
    dumps = sorted((data / "dev" / "pages").glob("*/*.dump.txt"))[:pages]
    src = work / "batch-in"
    src.mkdir()
    for f in dumps:
        shutil.copy(f, src / f"{f.parent.name}-{f.name}")
    # untimed first: any table these pages need and the sets did not (a language only they hold) is built
    run(tree, ["digest", str(src), "--format", "json", "--no-cache"])
    out: dict = {"pages": len(dumps), "load_average": round(os.getloadavg()[0], 2), "runs": []}
    for k in range(pairs):
        pair = {}
        for jobs in (1, 2):
            dest = work / f"batch-out-{jobs}-{k}"
            r = run(tree, ["-c", BATCH_DRIVER, str(src), str(dest), str(jobs)])
            if r["rc"] != 0:
                raise SystemExit(f"batch --jobs {jobs} failed: {r['stderr'].strip()[-500:]}")
            got = json.loads(r["stdout"].strip().splitlines()[-1])
            pair[f"j{jobs}"] = {"wall": round(got["wall"], 3), "cpu": round(r["cpu"], 2), "digested": got["digested"],
                                "failed": got["failed"], "worker_warmup_cpu": [round(v, 3) for v in got["warmup"]]}
        pair["ratio"] = round(pair["j1"]["wall"] / pair["j2"]["wall"], 3) if pair["j2"]["wall"] else None
        out["runs"].append(pair)
    out["load_average_after"] = round(os.getloadavg()[0], 2)
    ratios = sorted(p["ratio"] for p in out["runs"] if p["ratio"] is not None)
    out["j2_over_j1"] = statistics.median(ratios) if ratios else None
    out["j2_over_j1_range"] = [ratios[0], ratios[-1]] if ratios else None
    warm = [v for p in out["runs"] for v in p["j2"]["worker_warmup_cpu"]]
    out["worker_warmup_cpu_max"] = max(warm) if warm else None
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_PAGES} dumps per set, 40 batch pages")
    ap.add_argument("--baseline-ref", default=BASELINE_REF, help=f"git ref to time against (default {BASELINE_REF})")
    ap.add_argument("--identity-ref", help="git ref whose digests must be equal (default: git merge-base HEAD main)")
    ap.add_argument("--batch-pages", type=int, help="pages for batch -j1/-j2 (default 200, --quick 40)")
    ap.add_argument("--batch-pairs", type=int, help="alternating -j1/-j2 pairs; the ratio is their median (default 5, --quick 1)")
    ap.add_argument("--no-batch", action="store_true", help="skip the batch -j1/-j2 runs (as --only digests,startup)")
    ap.add_argument("--only", help=f"comma-separated steps to run, of {', '.join(STEPS)} (default all)")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="honour PYTHONDONTWRITEBYTECODE: every process compiles what it imports")
    args = ap.parse_args()
    steps = set(STEPS) if not args.only else {s.strip() for s in args.only.split(",") if s.strip()}
    if steps - set(STEPS):
        raise SystemExit(f"--only: unknown step(s) {', '.join(sorted(steps - set(STEPS)))}; choose from {', '.join(STEPS)}")
    if args.no_batch:
        steps.discard("jobs")
    if not (args.data / "dev" / "pages").is_dir():
        print("RESULT " + json.dumps({"skipped": f"{args.data / 'dev' / 'pages'} not found"}))
        return
    ref, same_ref = args.baseline_ref, identity_ref(args.identity_ref)
    work = Path(tempfile.mkdtemp(prefix="pagepass-"))
    if not args.no_bytecode:
        BYTECODE["PYTHONPYCACHEPREFIX"] = str(work / "bytecode")
    trees = {"current": REPO}
    rows, identical, pages = [], True, 0
    cpu = {"baseline": 0.0, "identity": 0.0, "current": 0.0}
    rss = {"baseline": 0.0, "identity": 0.0, "current": 0.0}
    startup = startup_rss = batch = None
    try:
        if steps & {"digests", "startup"}:
            trees["baseline"] = work / "baseline"
            subprocess.run(["git", "worktree", "add", "--detach", str(trees["baseline"]), ref], cwd=REPO, check=True,
                           capture_output=True, text=True)
        if "digests" in steps and commit_of(same_ref) != commit_of(ref):
            trees["identity"] = work / "identity"
            subprocess.run(["git", "worktree", "add", "--detach", str(trees["identity"]), same_ref], cwd=REPO,
                           check=True, capture_output=True, text=True)
        # one untimed digest of every set per tree first, so each tree's precompiled tables (for every
        # language the sets hold) and bytecode exist, as on a machine that has run the tool before; a fresh
        # worktree has other paths, so other table files
        sets = folders(args.data, work, args.quick) if "digests" in steps else {"samples": REPO / "samples"}
        for tree in trees.values():
            for folder in sets.values():
                run(tree, ["digest", str(folder), "--format", "json", "--no-cache"])
        if "digests" in steps:
            for name, folder in sets.items():
                got = {}
                for label in ("baseline", "identity", "current"):
                    if label not in trees:
                        continue
                    r = run(trees[label], ["digest", str(folder), "--format", "json", "--no-cache"])
                    if r["rc"] != 0:
                        raise SystemExit(f"{label} digest of {name} failed: {r['stderr'].strip()[-500:]}")
                    got[label] = r
                    if label in cpu:
                        cpu[label] += r["cpu"]
                        rss[label] = max(rss[label], r["rss_mb"])
                same = digests_of(got.get("identity", got["baseline"])) == digests_of(got["current"])
                identical &= same
                n = len(digests_of(got["current"]))
                pages += n
                rows.append((name, n, got["baseline"]["cpu"], got.get("identity", got["baseline"])["cpu"],
                             got["current"]["cpu"], got["baseline"]["rss_mb"], got["current"]["rss_mb"], same))
        if "startup" in steps:
            one = REPO / "samples" / "en-page-dump.txt"
            timed = {label: trees[label] for label in ("baseline", "current")}
            startup = {label: min(run(tree, ["digest", str(one), "--format", "json", "--no-cache"])["cpu"]
                                  for _ in range(3)) for label, tree in timed.items()}
            startup_rss = {label: run(tree, ["digest", str(one), "--format", "json", "--no-cache"])["rss_mb"]
                           for label, tree in timed.items()}
        if "jobs" in steps:
            batch = batch_rates(REPO, args.data, work, args.batch_pages or (40 if args.quick else 200),
                                max(1, args.batch_pairs or (1 if args.quick else 5)))
    finally:
        for label in ("baseline", "identity"):
            if label in trees:  # cleaning up: a leftover worktree is pruned by git later
                subprocess.run(["git", "worktree", "remove", "--force", str(trees[label])], cwd=REPO,
                               capture_output=True, check=False)
        shutil.rmtree(work, ignore_errors=True)

    if "identity" not in trees:
        cpu["identity"], rss["identity"] = cpu["baseline"], rss["baseline"]
    rate = {k: pages / v if v else 0.0 for k, v in cpu.items()}
    if rows:
        print(f"baseline ref {ref} (timing), identity ref {same_ref} (answers); CPU seconds (user+system) "
              "of one `digest DIR --format json --no-cache` process per set")
        print(f"{'set':<12} {'pages':>5} {'base CPU-s':>10} {'ident CPU-s':>11} {'new CPU-s':>10} {'base MB':>8} "
              f"{'new MB':>8}  identical")
        for name, n, b, i, c, bm, cm, same in rows:
            print(f"{name:<12} {n:>5} {b:>10.2f} {i:>11.2f} {c:>10.2f} {bm:>8.0f} {cm:>8.0f}  {same}")
        print(f"{'all':<12} {pages:>5} {cpu['baseline']:>10.2f} {cpu['identity']:>11.2f} {cpu['current']:>10.2f} "
              f"{rss['baseline']:>8.0f} {rss['current']:>8.0f}  {identical}")
        print(f"pages per CPU-second: baseline {rate['baseline']:.2f}, identity ref {rate['identity']:.2f}, "
              f"current {rate['current']:.2f}")
    if startup:
        print(f"one-page English digest: CPU {startup['baseline']:.3f} s -> {startup['current']:.3f} s (best of 3), "
              f"peak {startup_rss['baseline']:.0f} MB -> {startup_rss['current']:.0f} MB")
    if batch:
        print(f"batch on {batch['pages']} dumps, {len(batch['runs'])} alternating pair(s); load average "
              f"{batch['load_average']} before, {batch['load_average_after']} after")
        print(f"{'pair':>4} {'-j1 wall':>9} {'-j1 CPU':>8} {'-j2 wall':>9} {'-j2 CPU':>8} {'j2/j1':>6}  worker warm-up CPU-s")
        for k, p in enumerate(batch["runs"], 1):
            print(f"{k:>4} {p['j1']['wall']:>9.2f} {p['j1']['cpu']:>8.2f} {p['j2']['wall']:>9.2f} {p['j2']['cpu']:>8.2f} "
                  f"{p['ratio']:>6.3f}  {p['j2']['worker_warmup_cpu']}")
        print(f"j2/j1 median {batch['j2_over_j1']} (range {batch['j2_over_j1_range']})")
    result = {"baseline_ref": ref, "identity_ref": same_ref, "steps": sorted(steps), "bytecode": not args.no_bytecode}
    if rows:
        result.update({
            "pages": pages,
            "pages_per_cpu_s": {k: round(v, 3) for k, v in rate.items()},
            "pagepass_speedup": round(rate["current"] / rate["baseline"], 3) if rate["baseline"] else None,
            "speedup_over_identity_ref": round(rate["current"] / rate["identity"], 3) if rate["identity"] else None,
            "identical": identical,
            "peak_mb": {k: round(v, 1) for k, v in rss.items()},
        })
    if startup:
        result.update({"startup_s": round(startup["current"], 3), "startup_baseline_s": round(startup["baseline"], 3),
                       "startup_peak_mb": {k: round(v, 1) for k, v in startup_rss.items()}})
    result.update({
        "j2_over_j1": batch["j2_over_j1"] if batch else None,
        "j2_over_j1_range": batch["j2_over_j1_range"] if batch else None,
        "worker_warmup_cpu_s": batch["worker_warmup_cpu_max"] if batch else None,
        "load_average": batch["load_average"] if batch else round(os.getloadavg()[0], 2),
        "quick": args.quick,
    })
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
