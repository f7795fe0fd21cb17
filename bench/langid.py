"""Language identification: ours vs raw langdetect vs lingua, per language, per kind, and routing.

    python bench/langid.py [--quick] [--data DIR] [--no-lingua-all]

Reads `DIR/dev/langid/dev.tsv` (lang, kind, text; kinds sentence / wordpair / word) and
runs each detector in its own subprocess, so start-up time and peak memory (max RSS)
are its own. Detectors:
  ours         polyglot_news.detect.detect_language, no page prior
  langdetect   langdetect.detect with DetectorFactory.seed = 0 (its 55 profiles)
  lingua-16    lingua high-accuracy mode restricted to the 16 languages of the data
  lingua-all   lingua high-accuracy mode over all its 75 languages (skipped by --quick)
Routing: a string goes to translation when its language is neither "en" nor "und";
routing is right when exactly the non-English strings go.
Then, in context: the English pages of DIR/dev/pages/aeb marked as carrying stray
non-Latin strings, and DIR/reference/scraped-news-page.txt, tagged by
`mark_languages` (ours) and line by line by langdetect (baseline).
The last line printed is `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KINDS = ("sentence", "wordpair", "word")
LANGS = ("en", "ru", "uk", "bg", "be", "mk", "sr", "kk", "de", "fr", "es", "it", "pt", "pl", "ar", "zh")
SENTENCE_GOAL_LANGS = ("en", "ru", "uk", "de", "fr", "es")


# ---- workers: one detector per process ------------------------------------------------------

def _make_detector(name: str):
    if name == "ours":
        sys.path.insert(0, str(REPO))
        from polyglot_news.detect.language import detect_language

        detect_language("warm up")  # loads the profiles and word lists
        return lambda text: detect_language(text).lang
    if name == "langdetect":
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException

        DetectorFactory.seed = 0

        def run(text: str) -> str:
            try:
                code = detect(text)
            except LangDetectException:
                return "und"
            return "zh" if code.startswith("zh") else code

        run("warm up")
        return run
    if name.startswith("lingua"):
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        if name == "lingua-16":
            langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in LANGS]
            builder = LanguageDetectorBuilder.from_languages(*langs)
        else:
            builder = LanguageDetectorBuilder.from_all_languages()
        # high accuracy is the default mode; preloading puts model loading in start-up time
        detector = builder.with_preloaded_language_models().build()

        def run(text: str) -> str:
            lang = detector.detect_language_of(text)
            return lang.iso_code_639_1.name.lower() if lang else "und"

        return run
    raise SystemExit(f"unknown detector {name}")


def worker(name: str, texts_file: Path) -> None:
    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    detect = _make_detector(name)
    startup = time.perf_counter() - t0
    t0 = time.perf_counter()
    preds = [detect(t) for t in texts]
    elapsed = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"preds": preds, "startup_s": startup, "seconds": elapsed, "peak_mb": rss}))


def run_worker(name: str, texts_file: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", name, "--texts", str(texts_file)],
        capture_output=True, text=True, timeout=3600,
    )
    if out.returncode != 0:
        raise SystemExit(f"{name} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---- scoring --------------------------------------------------------------------------------

def score(rows: list[tuple[str, str, str]], preds: list[str]) -> dict:
    hit: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    route: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    en_to_translation: dict[str, int] = defaultdict(int)
    for (lang, kind, _), pred in zip(rows, preds):
        hit[(lang, kind)][0] += pred == lang
        hit[(lang, kind)][1] += 1
        translated = pred not in ("en", "und")
        route[kind][0] += translated == (lang != "en")
        route[kind][1] += 1
        en_to_translation[kind] += lang == "en" and translated
    acc = {f"{lang}/{kind}": h / n for (lang, kind), (h, n) in hit.items()}
    mean = {k: sum(acc[f"{lang}/{k}"] for lang in LANGS if f"{lang}/{k}" in acc) / len(LANGS) for k in KINDS}
    return {
        "acc": acc,
        "mean": mean,
        "routing": {k: h / n for k, (h, n) in route.items()},
        "en_to_translation": dict(en_to_translation),
        "en_count": {k: sum(1 for lang, kk, _ in rows if lang == "en" and kk == k) for k in KINDS},
    }


def print_tables(results: dict[str, dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=160)
    names = list(results)
    for kind in KINDS:
        table = Table(title=f"accuracy per language: {kind}", title_justify="left")
        table.add_column("lang")
        for name in names:
            table.add_column(name, justify="right")
        for lang in LANGS:
            table.add_row(lang, *(f"{results[n]['score']['acc'][f'{lang}/{kind}']:.3f}" for n in names))
        table.add_row("MEAN", *(f"{results[n]['score']['mean'][kind]:.4f}" for n in names), style="bold")
        console.print(table)
    table = Table(title="routing (en vs not en) and cost", title_justify="left")
    table.add_column("detector")
    for kind in KINDS:
        table.add_column(f"routing {kind}", justify="right")
    for col in ("en words → translation", "strings/s", "start-up s", "peak MB"):
        table.add_column(col, justify="right")
    for name in names:
        s, r = results[name]["score"], results[name]
        table.add_row(
            name,
            *(f"{s['routing'][k]:.4f}" for k in KINDS),
            f"{s['en_to_translation']['word']}/{s['en_count']['word']}",
            f"{r['strings'] / r['seconds']:.0f}",
            f"{r['startup_s']:.2f}",
            f"{r['peak_mb']:.0f}",
        )
    console.print(table)


# ---- pages in context -----------------------------------------------------------------------

def pages_check(data: Path) -> dict:
    """English body lines sent to translation and stray non-Latin lines missed, ours vs langdetect."""
    sys.path.insert(0, str(REPO))
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    from polyglot_news.clean.article import mark_kinds
    from polyglot_news.curated import load_glossaries
    from polyglot_news.detect.language import mark_languages
    from polyglot_news.ingest.read import read_source
    from polyglot_news.text.scripts import letter_scripts, unconfuse

    DetectorFactory.seed = 0

    def raw(text: str) -> str:
        try:
            return detect(text)
        except LangDetectException:
            return "und"

    aeb = data / "dev" / "pages" / "aeb"
    pages: list[tuple[Path, set[str] | None]] = []
    if (aeb / "INDEX.tsv").exists():
        with open(aeb / "INDEX.tsv", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["nonlatin_outside_truth"] and row["truth_lang_guess"] == "en":
                    truth = (aeb / f"{row['name']}.truth.txt").read_text(encoding="utf-8").splitlines()
                    pages.append((aeb / f"{row['name']}.dump.txt", {t.strip() for t in truth if t.strip()}))
    reference = data / "reference" / "scraped-news-page.txt"
    if reference.exists():
        pages.append((reference, None))
    glossary = load_glossaries()
    out = {"pages": len(pages), "ours": defaultdict(int), "langdetect": defaultdict(int), "misses": []}
    for path, truth in pages:
        article = mark_languages(mark_kinds(read_source(path), glossary), glossary)
        for seg in article.segments:
            text = seg.text.strip()
            non_latin = set(letter_scripts(unconfuse(text))) - {"latin"}
            # the reference page has no truth file: its English lines are all but the Russian one
            english_line = (text in truth) if truth is not None else not non_latin
            if english_line and not non_latin:
                out["ours"]["english_lines"] += 1
                out["langdetect"]["english_lines"] += 1
                out["ours"]["english_to_translation"] += seg.lang not in ("en", "und")
                out["langdetect"]["english_to_translation"] += raw(text) not in ("en", "und")
                if seg.lang not in ("en", "und"):
                    out["misses"].append(f"{path.name[:12]}:{seg.line} english→{seg.lang}: {text[:60]}")
            elif non_latin and (truth is None or text not in truth):
                out["ours"]["stray_lines"] += 1
                out["langdetect"]["stray_lines"] += 1
                out["ours"]["stray_missed"] += seg.lang in ("en", "und")
                out["langdetect"]["stray_missed"] += raw(text) in ("en", "und")
                if seg.lang in ("en", "und"):
                    out["misses"].append(f"{path.name[:12]}:{seg.line} stray→{seg.lang}: {text[:60]}")
    out["ours"], out["langdetect"] = dict(out["ours"]), dict(out["langdetect"])
    return out


# ---- main -----------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--quick", action="store_true", help="20 strings per language and kind; no lingua-all")
    ap.add_argument("--no-lingua-all", action="store_true", help="skip lingua over all languages (1 GB+)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.texts)
        return
    dev = args.data / "dev" / "langid" / "dev.tsv"
    if not dev.exists():
        print(f"skipped: {dev} not found")
        print("RESULT " + json.dumps({"skipped": f"{dev} not found"}))
        return
    with open(dev, encoding="utf-8") as f:
        rows = [tuple(line.rstrip("\n").split("\t", 2)) for line in f if line.strip()]
    if args.quick:
        seen: dict[tuple[str, str], int] = defaultdict(int)
        kept = []
        for r in rows:
            if seen[(r[0], r[1])] < 20:
                seen[(r[0], r[1])] += 1
                kept.append(r)
        rows = kept
    import tempfile

    detectors = ["ours", "langdetect", "lingua-16"]
    if not args.quick and not args.no_lingua_all:
        detectors.append("lingua-all")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps([r[2] for r in rows], ensure_ascii=False), encoding="utf-8")
        for name in detectors:
            print(f"running {name} on {len(rows)} strings ...", file=sys.stderr)
            r = run_worker(name, texts_file)
            r["strings"] = len(rows)
            r["score"] = score(rows, r.pop("preds"))
            results[name] = r
    print(f"langid: {dev} ({len(rows)} strings; {'quick subset' if args.quick else 'all'})")
    print_tables(results)

    ours, base = results["ours"]["score"], results["lingua-16"]["score"]
    goals = {
        "word_above_lingua16_mean": ours["mean"]["word"] > base["mean"]["word"],
        "wordpair_above_lingua16_mean": ours["mean"]["wordpair"] > base["mean"]["wordpair"],
        "sentence_mean_ge_0.99": ours["mean"]["sentence"] >= 0.99,
        "sentence_ge_lingua16_for_" + "_".join(SENTENCE_GOAL_LANGS): all(
            ours["acc"][f"{lang}/sentence"] >= base["acc"][f"{lang}/sentence"] for lang in SENTENCE_GOAL_LANGS
        ),
        "word_routing_ge_0.97": ours["routing"]["word"] >= 0.97,
        "fewer_en_words_to_translation_than_lingua16": ours["en_to_translation"]["word"] < base["en_to_translation"]["word"],
    }
    if "lingua-all" in results:
        every = results["lingua-all"]["score"]
        goals["word_above_lingua_all_mean"] = ours["mean"]["word"] > every["mean"]["word"]
        goals["wordpair_above_lingua_all_mean"] = ours["mean"]["wordpair"] > every["mean"]["wordpair"]
        goals["fewer_en_words_to_translation_than_lingua_all"] = (
            ours["en_to_translation"]["word"] < every["en_to_translation"]["word"]
        )
    print("goals of issue 4" + (" (quick subset of 20 per cell: indicative only; run without --quick)" if args.quick else ""))
    for goal, ok in goals.items():
        print(f"  {'MET ' if ok else 'MISS'} {goal}")

    pages = pages_check(args.data)
    print(f"in context: {pages['pages']} pages; ours {pages['ours']}; langdetect line by line {pages['langdetect']}")
    for miss in pages["misses"]:
        print(f"  {miss}")

    summary = {
        name: {
            "mean": {k: round(v, 4) for k, v in r["score"]["mean"].items()},
            "routing": {k: round(v, 4) for k, v in r["score"]["routing"].items()},
            "en_words_to_translation": r["score"]["en_to_translation"].get("word", 0),
            "strings_per_s": round(r["strings"] / r["seconds"], 1),
            "startup_s": round(r["startup_s"], 2),
            "peak_mb": round(r["peak_mb"]),
        }
        for name, r in results.items()
    }
    ratio = {k: round(ours["mean"][k] / base["mean"][k], 4) for k in KINDS}
    print("RESULT " + json.dumps({
        "strings": len(rows), "quick": args.quick, "detectors": summary,
        "ours_over_lingua16_mean_accuracy": ratio, "goals": goals,
        "pages": {k: pages[k] for k in ("pages", "ours", "langdetect")},
    }))


if __name__ == "__main__":
    main()
