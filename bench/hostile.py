"""Benchmark: `batch` on real pages with one pathological page among them (issue 18).

Copies N real pages (HTML and page dumps from the shared data; 200 by default, `--quick` 40)
into a temporary folder, adds one HTML page whose single element carries a million
attributes (about 12 MB, under the size limit), and runs `polyglot-news batch` on it in a
fresh process (`--no-translate --no-cache`, so only the hostile page's cost is measured).
Before the HTML caps, that page kept the parser busy for more than 300 s with no result.

Prints a table (pages, digested, failed, the odd page's reason, CPU seconds of the child)
and ends with `RESULT {json}`.

    python bench/hostile.py [--quick] [--data DIR] [--n N] [--jobs J]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
ODD = "zz-million-attributes.html"


def pages(data: Path, n: int) -> list[Path]:
    """N real pages: HTML and page dumps, alternating, in a fixed order."""
    html = sorted((data / "dev" / "pages").rglob("*.html"))
    dumps = sorted(p for p in (data / "dev" / "pages").rglob("*.txt"))
    picked: list[Path] = []
    for a, b in zip(html, dumps):
        picked += [a, b]
    picked += html[len(picked) // 2 :] + dumps[len(picked) // 2 :]
    return picked[:n]


def odd_page() -> str:
    attrs = " ".join(f"data-a{i}=v" for i in range(1_000_000))
    return f"<html><head><title>Odd</title></head><body><div {attrs}><p>The council met on Tuesday.</p></div></body></html>"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="40 pages instead of 200")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=None)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    n = args.n or (40 if args.quick else 200)
    work = Path(tempfile.mkdtemp(prefix="pn-hostile-"))
    try:
        inp, out = work / "in", work / "out"
        inp.mkdir()
        chosen = pages(args.data, n)
        for i, p in enumerate(chosen):
            shutil.copy(p, inp / f"{i:03}-{p.name}")
        (inp / ODD).write_text(odd_page(), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(REPO))
        cmd = [sys.executable, "-m", "polyglot_news", "batch", str(inp), "--out", str(out), "--no-progress",
               "--no-translate", "--no-cache", "--max-size", "20", "-j", str(args.jobs), "-f", "json"]
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, stderr = child.communicate()
        report = (out / "batch-report.txt").read_text(encoding="utf-8") if (out / "batch-report.txt").exists() else ""
        odd_reason = next((line.strip() for line in report.splitlines() if ODD in line), "not reported")
        digested = len(list(out.rglob("*.json"))) if out.exists() else 0
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN)  # the one child, reaped by communicate()
        cpu_s = cpu.ru_utime + cpu.ru_stime
        print(f"{'pages':>6} {'digested':>9} {'odd page':<60} {'child CPU s':>11} {'rc':>3}")
        print(f"{n + 1:>6} {digested:>9} {odd_reason[:60]:<60} {cpu_s:>11.1f} {child.returncode:>3}")
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        for line in tail:
            print("  " + line)
        print("RESULT " + json.dumps({"pages": n + 1, "digested": digested, "odd_page": odd_reason,
                                      "child_cpu_s": round(cpu_s, 1), "rc": child.returncode}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
