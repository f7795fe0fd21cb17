"""Benchmark the page pass: today's code against a baseline ref, pages per CPU-second, same answers.

The baseline ref (`--baseline-ref`, default the commit this branch started from: `git merge-base
HEAD main`) is checked out into a temporary git worktree, and both trees run the same inputs in
the same run, alternately, so machine load affects both alike:
- `polyglot-news digest DIR --format json --no-cache` over the aeb and trafilatura page dumps
  (`--data`/dev/pages/*/*.dump.txt) and the repository's samples/, one fresh process per folder;
  CPU time (user + system) and peak RSS come from `os.wait4` on that process, so start-up,
  imports and model loading count;
- a one-page English digest (samples/en-page-dump.txt), best of three, for start-up cost;
- `batch --jobs 1` and `--jobs 2` of the current tree on 200 dumps (`--quick`: 40), wall time,
  with the load average beside it (the ratio means little on a busy machine).
`identical` is true when every digest's JSON equals the baseline's, timings aside.

    python bench/pagepass.py [--quick] [--data DIR] [--baseline-ref REF] [--batch-pages N]

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
FALLBACK_REF = "0b13851"  # the layout commit this bench's branch started from
QUICK_PAGES = 20  # dumps per set with --quick


def run(tree: Path, args: list[str]) -> dict:
    """Run `python -m polyglot_news ARGS` from `tree`; its stdout, CPU seconds, peak RSS and wall time."""
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "polyglot_news", *args], cwd=tree, env=env,
                                stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8"), err.read().decode("utf-8", "replace")
    return {"stdout": stdout, "stderr": stderr, "rc": proc.returncode, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": usage.ru_maxrss / 1024, "wall": wall}


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


def baseline_ref(arg: str | None) -> str:
    if arg:
        return arg
    try:
        return subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=REPO, check=True,
                              capture_output=True, text=True).stdout.strip()
    except subprocess.CalledProcessError:
        return FALLBACK_REF


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


def batch_rates(tree: Path, data: Path, work: Path, pages: int) -> dict:
    """Wall and CPU time of `batch --jobs 1` and `--jobs 2` on the same `pages` dumps."""
    dumps = sorted((data / "dev" / "pages").glob("*/*.dump.txt"))[:pages]
    src = work / "batch-in"
    src.mkdir()
    for f in dumps:
        shutil.copy(f, src / f"{f.parent.name}-{f.name}")
    out: dict = {"pages": len(dumps), "load_average": round(os.getloadavg()[0], 2)}
    for jobs in (1, 2):
        r = run(tree, ["batch", str(src), "--out", str(work / f"batch-out-{jobs}"), "--jobs", str(jobs),
                       "--no-progress", "--no-cache", "--format", "json"])
        out[f"j{jobs}"] = {"wall": round(r["wall"], 2), "cpu": round(r["cpu"], 2), "rc": r["rc"]}
    out["load_average_after"] = round(os.getloadavg()[0], 2)
    out["j2_over_j1"] = round(out["j1"]["wall"] / out["j2"]["wall"], 3) if out["j2"]["wall"] else None
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_PAGES} dumps per set, 40 batch pages")
    ap.add_argument("--baseline-ref", help="git ref to compare with (default: git merge-base HEAD main)")
    ap.add_argument("--batch-pages", type=int, help="pages for batch -j1/-j2 (default 200, --quick 40)")
    ap.add_argument("--no-batch", action="store_true", help="skip the batch -j1/-j2 runs")
    args = ap.parse_args()
    if not (args.data / "dev" / "pages").is_dir():
        print("RESULT " + json.dumps({"skipped": f"{args.data / 'dev' / 'pages'} not found"}))
        return
    ref = baseline_ref(args.baseline_ref)
    work = Path(tempfile.mkdtemp(prefix="pagepass-"))
    base = work / "baseline"
    try:
        subprocess.run(["git", "worktree", "add", "--detach", str(base), ref], cwd=REPO, check=True,
                       capture_output=True, text=True)
        trees = {"baseline": base, "current": REPO}
        sets = folders(args.data, work, args.quick)
        rows, identical, pages = [], True, 0
        cpu = {"baseline": 0.0, "current": 0.0}
        rss = {"baseline": 0.0, "current": 0.0}
        for name, folder in sets.items():
            got = {}
            for label, tree in trees.items():
                r = run(tree, ["digest", str(folder), "--format", "json", "--no-cache"])
                if r["rc"] != 0:
                    raise SystemExit(f"{label} digest of {name} failed: {r['stderr'].strip()[-500:]}")
                got[label] = r
                cpu[label] += r["cpu"]
                rss[label] = max(rss[label], r["rss_mb"])
            same = digests_of(got["baseline"]) == digests_of(got["current"])
            identical &= same
            n = len(digests_of(got["current"]))
            pages += n
            rows.append((name, n, got["baseline"]["cpu"], got["current"]["cpu"], got["baseline"]["rss_mb"],
                         got["current"]["rss_mb"], same))
        one = REPO / "samples" / "en-page-dump.txt"
        startup = {label: min(run(tree, ["digest", str(one), "--format", "json", "--no-cache"])["cpu"] for _ in range(3))
                   for label, tree in trees.items()}
        startup_rss = {label: run(tree, ["digest", str(one), "--format", "json", "--no-cache"])["rss_mb"]
                       for label, tree in trees.items()}
        batch = None if args.no_batch else batch_rates(
            REPO, args.data, work, args.batch_pages or (40 if args.quick else 200))
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPO, capture_output=True,
                       check=False)  # cleaning up: a leftover worktree is pruned by git later
        shutil.rmtree(work, ignore_errors=True)

    print(f"baseline ref {ref}; CPU seconds (user+system) of one `digest DIR --format json --no-cache` process per set")
    print(f"{'set':<12} {'pages':>5} {'base CPU-s':>10} {'new CPU-s':>10} {'base MB':>8} {'new MB':>8}  identical")
    for name, n, b, c, bm, cm, same in rows:
        print(f"{name:<12} {n:>5} {b:>10.2f} {c:>10.2f} {bm:>8.0f} {cm:>8.0f}  {same}")
    rate = {k: pages / v if v else 0.0 for k, v in cpu.items()}
    print(f"{'all':<12} {pages:>5} {cpu['baseline']:>10.2f} {cpu['current']:>10.2f} {rss['baseline']:>8.0f} "
          f"{rss['current']:>8.0f}  {identical}")
    print(f"pages per CPU-second: baseline {rate['baseline']:.2f}, current {rate['current']:.2f}")
    print(f"one-page English digest: CPU {startup['baseline']:.3f} s -> {startup['current']:.3f} s (best of 3), "
          f"peak {startup_rss['baseline']:.0f} MB -> {startup_rss['current']:.0f} MB")
    if batch:
        print(f"batch on {batch['pages']} dumps: -j1 {batch['j1']['wall']:.1f} s wall ({batch['j1']['cpu']:.1f} CPU-s), "
              f"-j2 {batch['j2']['wall']:.1f} s wall ({batch['j2']['cpu']:.1f} CPU-s); j2/j1 {batch['j2_over_j1']}; "
              f"load average {batch['load_average']} before, {batch['load_average_after']} after")
    print("RESULT " + json.dumps({
        "baseline_ref": ref,
        "pages": pages,
        "pages_per_cpu_s": {k: round(v, 3) for k, v in rate.items()},
        "pagepass_speedup": round(rate["current"] / rate["baseline"], 3) if rate["baseline"] else None,
        "identical": identical,
        "startup_s": round(startup["current"], 3),
        "startup_baseline_s": round(startup["baseline"], 3),
        "peak_mb": {k: round(v, 1) for k, v in rss.items()},
        "startup_peak_mb": {k: round(v, 1) for k, v in startup_rss.items()},
        "j2_over_j1": batch["j2_over_j1"] if batch else None,
        "load_average": batch["load_average"] if batch else round(os.getloadavg()[0], 2),
        "quick": args.quick,
    }))


if __name__ == "__main__":
    main()
