"""Benchmark the cleaner: how much of the article it keeps and how much chrome it drops, on real pages.

In one run, on `DATA/dev/pages/aeb/` (full article truth):
  - token precision, recall and F1 of the kept text (title + body) against `NAME.truth.txt`,
    averaged over pages, for: ours on the `.dump.txt`, ours on the `.html`, keep-everything on
    the dump (the trivial baseline), trafilatura on the `.html`; and ours keeping the body only,
    which is what trafilatura outputs (its text has no title) and what the truth files hold;
  - stray scripts: on the pages whose INDEX marks non-Latin strings outside the article, the
    dump lines in that script that are not in the truth and that we keep as body (goal: none);
and on `DATA/dev/pages/trafilatura/`: the share of `NAME.truth.txt` snippets kept and of
`NAME.without.txt` snippets removed, for the same four. Pages per CPU second for each.

With `--cv K`, also cross-validation by page: the pages are cut into K folds, and each fold is
cleaned with line models that `bench/train_cleaner.py` trains on the other folds' pages, so every
page of both halves is measured by a model that has not seen it (about a minute of training per fold).

The named baseline `today` is the cleaner as it stood when issue 17 was filed (commit
`BASELINE_COMMIT`, before any line model): its package is taken from git into a temporary
folder and run in a child process on the same pages, so its figures and its pages per CPU
second are measured in the same run as ours (the issue asks for neither below it).

usage: python bench/clean.py [--quick] [--data DIR] [--baseline COMMIT|none] [--cv K]
The last line printed is `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path
from statistics import mean
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
_WORD = re.compile(r"\w+")
_SCRIPTS = {
    "cjk": re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"),
    "cyr": re.compile(r"[\u0400-\u04ff]"),
    "ara": re.compile(r"[\u0600-\u06ff]"),
}


def tokens(text: str) -> Counter:
    """Lowercased word tokens; CJK characters count one token each (no spaces to split on)."""
    out: Counter = Counter()
    for w in _WORD.findall(text.lower()):
        if _SCRIPTS["cjk"].search(w):
            out.update(w)
        else:
            out[w] += 1
    return out


def prf(kept: str, truth: str) -> tuple[float, float, float]:
    """Token precision, recall and F1 of `kept` against `truth` (multiset overlap)."""
    k, t = tokens(kept), tokens(truth)
    overlap = sum((k & t).values())
    p = overlap / sum(k.values()) if k else 0.0
    r = overlap / sum(t.values()) if t else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class Ours:
    """Our ingest + clean, on a dump or an HTML file; keeps title and body (or the body only)."""

    def __init__(self, kinds: tuple[str, ...] = ("title", "body"), glossary=None, learned: bool = True, model: dict | None = None) -> None:
        from polyglot_news.curated import load_glossaries

        self.kinds = kinds
        self.learned = learned
        self.model = model  # line models in place of the committed weights (cross-validation)
        self.glossary = glossary if glossary is not None else load_glossaries()

    def article(self, path: Path):
        from polyglot_news.clean.article import mark_kinds
        from polyglot_news.ingest.read import read_source

        return mark_kinds(read_source(path), self.glossary, learned=self.learned, model=self.model)

    def __call__(self, path: Path) -> str:
        return "\n".join(s.text for s in self.article(path).segments if s.kind in self.kinds)


def keep_everything(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def trafilatura_html(path: Path) -> str:
    import trafilatura

    html = path.read_bytes()
    return trafilatura.extract(html, include_comments=False) or ""


def run_system(fn: Callable[[Path], str], paths: list[Path]) -> tuple[list[str], float]:
    """The outputs of `fn` on `paths` and the pages per CPU second (this process; the machine is shared)."""
    t = time.process_time()
    out = []
    for p in paths:
        try:
            out.append(fn(p))
        except Exception as e:  # a crash on one page counts as keeping nothing
            print(f"  ! {fn.__class__.__name__ if not hasattr(fn, '__name__') else fn.__name__} failed on {p.name}: {e}", file=sys.stderr)
            out.append("")
    return out, len(paths) / max(1e-9, time.process_time() - t)


# the cleaner when issue 17 was filed (2026-12-02, rules only): the baseline for speed and boilerplate removed
BASELINE_COMMIT = "0b13851f282986390ed4d790afbe3387f8ce0746"

# run in the child: clean each path (one per stdin line) `ROUNDS` times; print the kept texts and the least CPU seconds of a round
_CHILD = """
import json, sys, time
from polyglot_news.clean.article import mark_kinds
from polyglot_news.curated import load_glossaries
from polyglot_news.ingest.read import read_source
rounds = int(sys.argv[1])
paths = sys.stdin.read().splitlines()
glossary = load_glossaries()
def kept(p):
    try:
        return "\\n".join(s.text for s in mark_kinds(read_source(p), glossary).segments if s.kind in ("title", "body"))
    except Exception:
        return ""
kept(paths[0])  # imports and first-call caches outside the timing
cpu = []
for _ in range(rounds):
    t = time.process_time()
    out = [kept(p) for p in paths]
    cpu.append(time.process_time() - t)
print(json.dumps({"texts": out, "cpu": min(cpu)}))
"""


class Baseline:
    """The cleaner of an earlier commit (None: this checkout), taken out of git into a temporary folder, run in a child process."""

    def __init__(self, commit: str | None) -> None:
        self.commit = commit
        self.root = str(REPO)
        if commit is not None:
            self.dir = tempfile.TemporaryDirectory(prefix="clean-baseline-")
            archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit, "polyglot_news", "glossaries"],
                                     capture_output=True, check=True).stdout
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(self.dir.name, filter="data")
            self.root = self.dir.name

    def run(self, paths: list[Path], rounds: int = 1) -> tuple[list[str], float]:
        """Its kept texts (title + body) on `paths` and its pages per CPU second (the child's own CPU time, best of `rounds`)."""
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env["PYTHONPATH"] = self.root
        # run from its own folder: `python -c` puts the working directory first on the import path
        done = subprocess.run([sys.executable, "-c", _CHILD, str(rounds)], input="\n".join(str(p.resolve()) for p in paths), env=env, cwd=self.root,
                              capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.splitlines()[-1])
        return result["texts"], len(paths) / max(1e-9, result["cpu"])


def stray_lines(dump: Path, truth: str, script: str) -> list[str]:
    """Dump lines written in `script` that are not part of the article truth."""
    pattern = _SCRIPTS[script]
    # compared without spaces: a truth file may set spaces around Latin words in CJK text ("Kindle for PC に")
    truth_n = norm(truth).replace(" ", "")
    out = []
    for line in dump.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line and pattern.search(line) and norm(line) and norm(line).replace(" ", "") not in truth_n:
            out.append(line)
    return out


def baseline_systems(commit: str) -> dict:
    """The `today` systems (the baseline commit's cleaner on dumps and HTML), or none when git cannot give it."""
    if commit.lower() == "none":
        return {}
    try:
        base = Baseline(commit)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"  ! no baseline {commit[:10]}: {e}", file=sys.stderr)
        return {}
    return {"today-dump": (base, ".dump.txt"), "today-html": (base, ".html")}


def speed_race(today: Baseline, paths: list[Path], rounds: int = 3, chunks: int = 3) -> tuple[float, float]:
    """(ours, today) pages per CPU second on `paths`, each cleaner in fresh child processes, taken in turn.

    The machine is shared, so one timed pass swings by a fifth: the pages are cut into `chunks`,
    each chunk is cleaned `rounds` times by each cleaner in turn, and each cleaner's least CPU
    time per chunk is summed, so both meet the same load at nearly the same moments.
    """
    ours = Baseline(None)
    size = -(-len(paths) // chunks)
    cpu_ours = cpu_today = 0.0
    for k in range(0, len(paths), size):
        part = paths[k:k + size]
        best_ours = best_today = 0.0
        for _ in range(rounds):
            best_ours = max(best_ours, ours.run(part)[1])
            best_today = max(best_today, today.run(part)[1])
        cpu_ours += len(part) / best_ours
        cpu_today += len(part) / best_today
    return len(paths) / cpu_ours, len(paths) / cpu_today


def measured(fn, paths: list[Path]) -> tuple[list[str], float]:
    """`run_system` for our systems; the baseline runs in its own process."""
    return fn.run(paths) if isinstance(fn, Baseline) else run_system(fn, paths)


def _halves(data: Path):
    """The shared tune/check split (`tools/halves.py`); with no tools folder every page counts as held back."""
    import importlib.util

    path = data.parent / "tools" / "halves.py"
    if not path.is_file():
        return lambda key: "check"
    spec = importlib.util.spec_from_file_location("halves", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.half


def _languages(aeb: Path) -> dict[str, str]:
    """Page name -> its language, from the aeb INDEX.tsv."""
    out = {}
    for row in (aeb / "INDEX.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) >= 4:
            out[cols[0]] = cols[3].strip()
    return out


def cv_fold(name: str, folds: int) -> int:
    """A page's cross-validation fold (by name, so its dump and HTML share it; other hash bits than
    the halves and the trainer's own folds)."""
    return int(hashlib.sha1(f"cv:{name}".encode("utf-8")).hexdigest()[8:16], 16) % folds


def traf_counts(text: str, page: Path) -> tuple[int, int, int, int]:
    """(snippets kept, snippets, boilerplate snippets removed, boilerplate snippets) of `text` on a trafilatura-set page."""
    text = norm(text)
    keep = [norm(x) for x in page.with_suffix(".truth.txt").read_text(encoding="utf-8").splitlines() if norm(x)]
    drop = [norm(x) for x in page.with_suffix(".without.txt").read_text(encoding="utf-8").splitlines() if norm(x)]
    return sum(k in text for k in keep), len(keep), sum(d not in text for d in drop), len(drop)


def cross_validation(data: Path, names: list[str], tnames: list[str], folds: int, groups: dict[str, Callable[[str], bool]]) -> dict:
    """Our cleaner's figures with every page held back: for each of `folds` folds by page, the line models are
    trained (`bench/train_cleaner.py`) on the pages of the other folds and clean this fold's pages.

    Pooled over the pages of each of `groups` (name -> page names it holds): all pages gives twice
    the pages of the held-back half alone; the check half's own figures, set beside the committed
    weights' (trained on the tune half), tell whether more training pages help. The rules themselves
    were written looking at the dev pages, which no fold can hold back.
    """
    import contextlib

    from bench.train_cleaner import load_pages, train
    from polyglot_news.curated import load_glossaries

    aeb, traf = data / "dev" / "pages" / "aeb", data / "dev" / "pages" / "trafilatura"
    glossary = load_glossaries()
    pages = load_pages(data, glossary, lambda name: True)
    texts: dict[tuple[str, str, str], str] = {}  # (system, set, name) -> kept text
    for k in range(folds):
        with contextlib.redirect_stdout(io.StringIO()):
            model = train([p for p in pages if cv_fold(p["name"], folds) != k])
        systems = {"ours": Ours(glossary=glossary, model=model), "ours-body-only": Ours(("body",), glossary, model=model)}
        for set_name, folder, set_names in (("aeb", aeb, names), ("trafilatura", traf, tnames)):
            for n in set_names:
                if cv_fold(n, folds) != k:
                    continue
                for suffix in (".dump.txt", ".html"):
                    for label, fn in systems.items():
                        texts[(f"{label}-{suffix.split('.')[1]}", set_name, n)] = run_system(fn, [folder / f"{n}{suffix}"])[0][0]
    langs = _languages(aeb)
    out: dict[str, dict[str, dict]] = {}
    for group, member in groups.items():
        out[group] = {}
        for label in ("ours-dump", "ours-html", "ours-body-only-dump", "ours-body-only-html"):
            f1 = {n: prf(texts[(label, "aeb", n)], (aeb / f"{n}.truth.txt").read_text(encoding="utf-8")) for n in names if member(n)}
            counts = [traf_counts(texts[(label, "trafilatura", n)], traf / f"{n}.html") for n in tnames if member(n)]
            by_lang: dict[str, list[float]] = {}
            for n, sc in f1.items():
                by_lang.setdefault(langs.get(n, "?"), []).append(sc[2])
            out[group][label] = {"P": round(mean(sc[0] for sc in f1.values()), 3), "R": round(mean(sc[1] for sc in f1.values()), 3),
                                 "F1": round(mean(sc[2] for sc in f1.values()), 3),
                                 "snippets_kept": round(sum(c[0] for c in counts) / max(1, sum(c[1] for c in counts)), 3),
                                 "snippets_removed": round(sum(c[2] for c in counts) / max(1, sum(c[3] for c in counts)), 3),
                                 "languages": {g: round(mean(v), 3) for g, v in sorted(by_lang.items())}}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small subset, in under a minute")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    ap.add_argument("--pages", action="store_true", help="print per-page F1 for the aeb set")
    ap.add_argument("--baseline", default=BASELINE_COMMIT, help="the commit whose cleaner is the `today` baseline, or none")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="also cross-validate by page: K folds over all pages, the line models trained on the others (minutes)")
    args = ap.parse_args()
    aeb = args.data / "dev" / "pages" / "aeb"
    traf = args.data / "dev" / "pages" / "trafilatura"
    if not aeb.is_dir():
        print(f"no data at {aeb}: skipped")
        print("RESULT " + json.dumps({"skipped": True, "reason": f"no data at {aeb}"}))
        return
    sys.path.insert(0, str(REPO))
    import trafilatura

    import polyglot_news

    names = sorted(p.name[: -len(".truth.txt")] for p in aeb.glob("*.truth.txt"))
    tnames = sorted(p.name[: -len(".truth.txt")] for p in traf.glob("*.truth.txt")) if traf.is_dir() else []
    if args.quick:
        names, tnames = names[::4], tnames[::6]
    ours = Ours()
    body_only = Ours(("body",), ours.glossary)  # trafilatura's output has no title: the like-for-like comparison
    ours.article(next(aeb.glob("*.dump.txt")))  # warm up imports outside the timing
    trafilatura_html(next(aeb.glob("*.html")))
    systems: dict[str, tuple[Callable[[Path], str], str]] = {
        "ours-dump": (ours, ".dump.txt"),
        "ours-html": (ours, ".html"),
        "ours-dump-body-only": (body_only, ".dump.txt"),
        "ours-html-body-only": (body_only, ".html"),
        "rules-only-dump": (Ours(learned=False, glossary=ours.glossary), ".dump.txt"),  # without the line classifier
        "rules-only-html": (Ours(learned=False, glossary=ours.glossary), ".html"),
        "keep-everything-dump": (keep_everything, ".dump.txt"),
        **baseline_systems(args.baseline),
        "trafilatura-html": (trafilatura_html, ".html"),
    }
    truths = [(aeb / f"{n}.truth.txt").read_text(encoding="utf-8") for n in names]
    half = _halves(args.data)
    groups = {"check": lambda n: half(n) == "check", "tune": lambda n: half(n) == "tune", "all": lambda n: True}
    results: dict[str, dict] = {}  # the held-back ("check") half: the headline
    by_half: dict[str, dict[str, dict]] = {g: {} for g in groups}
    per_page: dict[str, list[float]] = {}
    for label, (fn, suffix) in systems.items():
        outs, pps = measured(fn, [aeb / f"{n}{suffix}" for n in names])
        scores = [prf(o, t) for o, t in zip(outs, truths)]
        per_page[label] = [s[2] for s in scores]
        tcounts = []
        tpps = 0.0
        if tnames:
            touts, tpps = measured(fn, [traf / f"{n}{suffix}" for n in tnames])
            tcounts = [traf_counts(o, traf / f"{n}.html") for n, o in zip(tnames, touts)]
        for g, member in groups.items():
            sc = [s for n, s in zip(names, scores) if member(n)] or [(0.0, 0.0, 0.0)]
            r = {"P": round(mean(s[0] for s in sc), 3), "R": round(mean(s[1] for s in sc), 3),
                 "F1": round(mean(s[2] for s in sc), 3), "pages_per_s": round(pps, 1)}
            if tnames:
                tc = [c for n, c in zip(tnames, tcounts) if member(n)]
                r["snippets_kept"] = round(sum(c[0] for c in tc) / max(1, sum(c[1] for c in tc)), 3)
                r["snippets_removed"] = round(sum(c[2] for c in tc) / max(1, sum(c[3] for c in tc)), 3)
                r["traf_pages_per_s"] = round(tpps, 1)
            by_half[g][label] = r
        results[label] = by_half["check"][label]
    langs = _languages(aeb)
    lang_f1: dict[str, dict[str, float]] = {}
    for label in ("ours-dump", "ours-html", "trafilatura-html"):
        groups_l: dict[str, list[float]] = {}
        for n, f1 in zip(names, per_page[label]):
            if half(n) == "check":
                groups_l.setdefault(langs.get(n, "?"), []).append(f1)
        lang_f1[label] = {k: round(mean(v), 3) for k, v in sorted(groups_l.items())}

    # stray scripts: non-Latin lines outside the article that we keep as body
    index = {}
    for row in (aeb / "INDEX.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) >= 5 and cols[4].strip():
            index[cols[0]] = (cols[4].split(":")[0], cols[3].strip())
    # "foreign" pages: the stray strings are in another script than the article's (Cyrillic UI on an English page)
    stray = {"pages": 0, "lines": 0, "kept_as_body_dump": 0, "kept_as_body_html": 0,
             "foreign_pages": 0, "foreign_lines": 0, "foreign_kept_dump": 0, "foreign_kept_html": 0}
    stray_examples = []
    for n in names:
        if n not in index:
            continue
        script, truth_lang = index[n]
        foreign = truth_lang not in ("ru", "uk", "cjk", "ar")
        truth = (aeb / f"{n}.truth.txt").read_text(encoding="utf-8")
        lines = stray_lines(aeb / f"{n}.dump.txt", truth, script)
        stray["pages"] += 1
        stray["lines"] += len(lines)
        if foreign:
            stray["foreign_pages"] += 1
            stray["foreign_lines"] += len(lines)
        wanted = {norm(line) for line in lines}
        for key, suffix in (("kept_as_body_dump", ".dump.txt"), ("kept_as_body_html", ".html")):
            body = {norm(s.text) for s in ours.article(aeb / f"{n}{suffix}").segments if s.kind == "body"}
            hits = wanted & body
            stray[key] += len(hits)
            if foreign:
                stray[key.replace("kept_as_body", "foreign_kept")] += len(hits)
            stray_examples += [f"{suffix} {n[:8]}: {h[:60]}" for h in sorted(hits)[:3]]

    print(f"polyglot-news {getattr(polyglot_news, '__version__', '?')}, trafilatura {trafilatura.__version__}; "
          f"{len(names)} aeb pages, {len(tnames)} trafilatura pages{' (quick)' if args.quick else ''}")
    for g, title in (("check", "held-back half (check): the headline"), ("tune", "tune half (the cleaner's weights and rules were fitted here)")):
        print(f"-- {title}: {sum(half(n) == g for n in names)} aeb pages, {sum(half(n) == g for n in tnames)} trafilatura pages")
        print(f"{'system':<22} {'P':>6} {'R':>6} {'F1':>6} {'kept':>6} {'removed':>8} {'pages/s':>8}")
        for label, r in by_half[g].items():
            print(f"{label:<22} {r['P']:>6.3f} {r['R']:>6.3f} {r['F1']:>6.3f} {r.get('snippets_kept', 0):>6.3f} "
                  f"{r.get('snippets_removed', 0):>8.3f} {r['pages_per_s']:>8.1f}")
    print("aeb F1 by page language, held-back half: " + "; ".join(
        f"{label} " + " ".join(f"{k}={v:.2f}" for k, v in d.items()) for label, d in lang_f1.items()))
    speed: dict[str, float] = {}
    base = results["trafilatura-html"]
    print(f"held-back F1 gap to trafilatura: dump {results['ours-dump']['F1'] - base['F1']:+.3f}, html {results['ours-html']['F1'] - base['F1']:+.3f} "
          f"(body only: dump {results['ours-dump-body-only']['F1'] - base['F1']:+.3f}, html {results['ours-html-body-only']['F1'] - base['F1']:+.3f}); "
          f"speed ratio ours-dump/trafilatura {results['ours-dump']['pages_per_s'] / max(1e-9, base['pages_per_s']):.1f}x")
    if "today-dump" in results:
        today = results["today-dump"]
        print(f"against today ({args.baseline[:7]}, the cleaner when issue 17 was filed), held-back half: dump F1 "
              f"{results['ours-dump']['F1']:.3f} vs {today['F1']:.3f}, boilerplate removed dump "
              f"{results['ours-dump'].get('snippets_removed', 0):.3f} vs {today.get('snippets_removed', 0):.3f}, html "
              f"{results['ours-html'].get('snippets_removed', 0):.3f} vs {results['today-html'].get('snippets_removed', 0):.3f}; "
              f"speed on dumps (CPU, one pass in the table): ours {results['ours-dump']['pages_per_s']:.1f} vs today {today['pages_per_s']:.1f} pages/s")
        race = speed_race(systems["today-dump"][0], [aeb / f"{n}.dump.txt" for n in names] + [traf / f"{n}.dump.txt" for n in tnames])
        speed = {"ours_dump_pages_per_s": round(race[0], 1), "today_dump_pages_per_s": round(race[1], 1)}
        print(f"speed race on the {len(names) + len(tnames)} dumps (3 chunks, best of 3 passes each, the two cleaners in turn in child processes, CPU): "
              f"ours {race[0]:.1f} pages/s, today {race[1]:.1f} pages/s ({race[0] / max(1e-9, race[1]):.2f}x)")
    print(f"stray scripts: {stray['lines']} non-Latin lines outside the article on {stray['pages']} pages; "
          f"kept as body: dump {stray['kept_as_body_dump']}, html {stray['kept_as_body_html']}; of which on the "
          f"{stray['foreign_pages']} pages whose article is in another script ({stray['foreign_lines']} lines): "
          f"dump {stray['foreign_kept_dump']}, html {stray['foreign_kept_html']}")
    for e in stray_examples[:10]:
        print("  stray kept:", e)
    if args.pages:
        for i, n in enumerate(names):
            print(f"  {n[:10]} " + " ".join(f"{k}={per_page[k][i]:.2f}" for k in per_page))
    cv = cross_validation(args.data, names, tnames, args.cv, {"all": groups["all"], "check": groups["check"]}) if args.cv > 1 else {}
    for g, title in (("all", f"all {len(names)} aeb and {len(tnames)} trafilatura pages"), ("check", "the check half's pages only")):
        if not cv:
            break
        print(f"-- cross-validation by page, {args.cv} folds; {title} (each page cleaned by line models trained on the other "
              "folds' pages of both halves; the other systems on the same pages)")
        print(f"{'system':<26} {'P':>6} {'R':>6} {'F1':>6} {'kept':>6} {'removed':>8}  aeb F1 by language")
        # the committed weights were trained on the tune half: beside the cross-validation on the check half only
        others = (("ours-dump", "ours-html") if g == "check" else ()) + ("rules-only-dump", "rules-only-html", "trafilatura-html")
        rows = [*((f"{k} (cv)", r) for k, r in cv[g].items()), *((k + (" (committed)" if k.startswith("ours") else ""), by_half[g][k]) for k in others)]
        for name, r in rows:
            print(f"{name:<26} {r['P']:>6.3f} {r['R']:>6.3f} {r['F1']:>6.3f} {r.get('snippets_kept', 0):>6.3f} "
                  f"{r.get('snippets_removed', 0):>8.3f}  " + " ".join(f"{k}={v:.2f}" for k, v in r.get("languages", {}).items()))
    print("RESULT " + json.dumps({"systems": results, "tune": by_half["tune"], "languages_check": lang_f1, "stray": stray, "speed": speed,
                                  "cv": cv, "aeb_pages": len(names), "trafilatura_pages": len(tnames), "quick": args.quick}))


if __name__ == "__main__":
    main()
