"""Benchmark: are the glossary's English name forms the ones a human translator wrote?

Data: `dev/parallel/{ru,uk}-en.jsonl` (WMT22 general test documents: source sentences and a
human English reference). Each document becomes an Article of untranslated segments
(no translation model: English forms come from curated entries, names and romanisation).

For each system and document:
- precision P: share of the system's glossary entries whose English form occurs in the
  reference translation of that document (whole words; case-insensitive except for
  acronyms; dots ignored, so "St Petersburg" matches "St. Petersburg"; an appended
  acronym, "Party (SSNP)", is not part of the form);
- lenient precision P+: as P, but an entry also counts when a Latin spelling its curated
  glossary row lists is there ("US" for "United States") or, for a person, the surname;
- coverage C: share of the reference's capitalised names that occur as a word of some
  entry (or of its curated Latin spellings). A capitalised name is a capitalised word
  that does not start a sentence and is not "I", a month, a weekday, a nationality word
  (Russian, Syrian) or a title before a name (President, Minister), per
  `polyglot_news.glossary.wordlists`; the same set is used for both systems.
Systems, in the same run:
- ours: `terms_for` with the shipped glossaries;
- baseline: every run of capitalised source words, as written (no lemmatisation),
  romanised with the `transliterate` package (its reversed ru/uk tables).
Leave-out protocol (issue 16): every document belongs to the "tune" or the "check" half
(`shared/tools/halves.py`, key `doc`). Rules are tuned reading the tune half's misses only
(`--show` lists tune-half misses unless `--show-half check`); the figure that counts is the check
half's. Beside the full system ("ours") the bench runs "machinery only": the same code with the
curated glossary files as they stood at ROUND_START (git), so no curated row added this round
helps it. Goal: check-half machinery-only precision >= 85% on ru news, coverage >= 57.5% and
>= 2x the baseline's; uk reported the same way (uk documents carry no domain label).

    python bench/glossary.py [--quick] [--data DIR] [--show N] [--show-half tune|check]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from polyglot_news.curated import Glossary, load_glossaries  # noqa: E402
from polyglot_news.glossary import wordlists  # noqa: E402
from polyglot_news.glossary.terms import terms_for  # noqa: E402
from polyglot_news.model import BODY, TITLE, Article, Segment  # noqa: E402
from polyglot_news.text.morph import tokens  # noqa: E402
from polyglot_news.text.sentences import split_sentences  # noqa: E402

# capitalised in English but not names: "I", months, weekdays, nationality words, titles before a name
NOT_NAMES = {"i"} | wordlists.MONTHS_DAYS | wordlists.DEMONYMS | wordlists.TITLES
# the commit this round of glossary work started from: "machinery only" uses its curated files
ROUND_START = "0b13851"


def half(key: str) -> str:
    """The shared tune/check split (../shared/tools/halves.py), computed the same way."""
    import hashlib

    return "check" if hashlib.sha1(key.encode("utf-8")).digest()[-1] & 1 else "tune"


def round_start_glossary() -> Glossary | None:
    """The curated glossaries as they stood at ROUND_START, or None when git cannot show them."""
    try:
        names = subprocess.run(["git", "-C", str(REPO), "ls-tree", "--name-only", ROUND_START, "glossaries/"],
                               capture_output=True, text=True, check=True).stdout.split()
        folder = Path(tempfile.mkdtemp(prefix="glossary-round-start-"))
        for name in names:
            text = subprocess.run(["git", "-C", str(REPO), "show", f"{ROUND_START}:{name}"],
                                  capture_output=True, check=True).stdout
            (folder / Path(name).name).write_bytes(text)
    except (OSError, subprocess.CalledProcessError):
        return None
    return load_glossaries([folder], shipped=False, user=False)


def load_docs(data: Path, lang: str) -> list[dict]:
    path = data / "dev" / "parallel" / f"{lang}-en.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def article_of(doc: dict) -> Article:
    """The document as an untranslated Article: one segment per source sentence, the first a title in news."""
    segs = []
    for i, text in enumerate(doc["source"], start=1):
        kind = TITLE if i == 1 and doc.get("domain") == "news" and len(doc["source"]) > 1 else BODY
        segs.append(Segment(line=i, text=text, kind=kind, lang=doc["lang"], confidence=1.0))
    return Article(source=doc["doc"], segments=segs)


def core_form(term: str) -> str:
    """The English form without an appended acronym: "Syrian Social Nationalist Party (SSNP)" -> the party."""
    return re.sub(r"\s*\([^)]*\)$", "", term).strip()


def in_reference(form: str, reference: str) -> bool:
    """Whole-word occurrence, ignoring case (except for acronyms: WHO is not "who") and dots (St. = St)."""
    form = form.replace(".", "").strip()
    if not form:
        return False
    flags = 0 if form.isupper() else re.I
    return re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", reference.replace(".", ""), flags) is not None


def reference_names(doc: dict) -> set[str]:
    """Casefolded capitalised words of the reference that do not start a sentence."""
    out: set[str] = set()
    for para in doc["english"]:
        for sentence in split_sentences(para, "en"):
            toks = tokens(sentence)
            for k, t in enumerate(toks):
                lead = sentence[: t.start].strip(" \"'“‘«(-–—")
                if k == 0 or not lead or lead[-1] in ".!?:":
                    continue
                w = re.sub(r"['’]s$", "", t.text)
                if w[:1].isupper() and w.casefold() not in NOT_NAMES and len(w) > 1:
                    out.add(w.casefold())
    return out


def baseline_forms(doc: dict) -> list[str]:
    """Naive baseline: each distinct run of capitalised source words, transliterated as written."""
    from transliterate import translit

    forms: list[str] = []
    for sentence in doc["source"]:
        toks = tokens(sentence)
        run: list[str] = []
        for k, t in enumerate(toks + [None]):
            joined = t is not None and run and sentence[toks[k - 1].end: t.start].strip() == ""
            if t is not None and t.capitalised and (joined or not run):
                run.append(t.text)
                continue
            if run:
                forms.append(" ".join(run))
            run = [t.text] if t is not None and t.capitalised else []
    lang = "uk" if doc["lang"] == "uk" else "ru"
    out = []
    for f in dict.fromkeys(forms):
        try:
            out.append(translit(f, lang, reversed=True))
        except Exception:
            out.append(f)
    return out


def spellings(glossary) -> dict[str, set[str]]:
    """English form -> its other Latin-script spellings in the curated glossaries (US, U.S., USA)."""
    out: dict[str, set[str]] = {}
    for e in glossary.names():
        latin = {a for a in (e.term, *e.aliases) if not any("\u0400" <= c <= "\u04ff" for c in a)}
        out.setdefault(e.english.casefold(), set()).update(latin - {e.english})
    return out


def accepted(entry: str, kind: str, reference: str, other: dict[str, set[str]]) -> bool:
    """Lenient check: the form, a curated spelling of it, or (for a person) the surname is in the reference."""
    if in_reference(entry, reference):
        return True
    if any(in_reference(a, reference) for a in other.get(entry.casefold(), ())):
        return True
    return kind == "person" and len(entry.split()) > 1 and in_reference(entry.split()[-1], reference)


def score(entries: list[tuple[str, str]], doc: dict, names: set[str], other: dict[str, set[str]]) -> tuple:
    """(entries whose form is in the reference, entries, reference names covered, lenient hits)."""
    reference = " ".join(doc["english"])
    hits = sum(in_reference(e, reference) for e, _ in entries)
    lenient = sum(accepted(e, k, reference, other) for e, k in entries)
    forms = [e for e, _ in entries] + [a for e, _ in entries for a in other.get(e.casefold(), ())]
    words = {w.casefold() for e in forms for w in re.findall(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?", e)}
    words |= {w.rstrip(".") for w in words}
    covered = sum(1 for n in names if n in words)
    return hits, len(entries), covered, lenient


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--quick", action="store_true", help="40 documents per language")
    ap.add_argument("--show", type=int, default=0, help="print N of our entries missing from the reference")
    ap.add_argument("--show-half", choices=("tune", "check"), default="tune",
                    help="which half --show lists (tune: the half rules may be fitted to)")
    args = ap.parse_args()
    if not (args.data / "dev" / "parallel" / "ru-en.jsonl").exists():
        print(f"no parallel data under {args.data}; skipping")
        print("RESULT " + json.dumps({"skipped": True}))
        return 0
    try:
        import transliterate  # noqa: F401
    except ImportError:
        print("the baseline needs the `transliterate` package (pip install -e .[bench]); skipping")
        print("RESULT " + json.dumps({"skipped": True}))
        return 0

    glossary = load_glossaries(user=False)
    systems = {"ours": glossary}
    machinery = round_start_glossary()
    if machinery is not None:
        systems["machinery"] = machinery
    else:
        print(f"git cannot show {ROUND_START}: no machinery-only figure")
    other = spellings(glossary)
    groups: dict[tuple[str, str], list[int]] = {}  # (set, system) -> counts
    misses: list[str] = []
    cpu = {name: 0.0 for name in (*systems, "baseline")}
    ndocs = 0
    for lang in ("ru", "uk"):
        docs = load_docs(args.data, lang)
        if args.quick:
            news = [d for d in docs if d.get("domain") == "news"][:25]
            docs = news + [d for d in docs if d.get("domain") != "news"][: 40 - len(news)]
        for doc in docs:
            ndocs += 1
            part = half(str(doc["doc"]))
            names = reference_names(doc)
            reference = " ".join(doc["english"])
            results = {}
            for name, g in systems.items():
                t = time.process_time()
                results[name] = [(core_form(term.term), term.kind) for term in terms_for(article_of(doc), g)]
                cpu[name] += time.process_time() - t
            t = time.process_time()
            results["baseline"] = [(f, "other") for f in baseline_forms(doc)]
            cpu["baseline"] += time.process_time() - t
            if part == args.show_half:
                misses.extend(f"{doc['doc']}: {e}" for e, k in results["ours"]
                              if not accepted(e, k, reference, other))
            for name, entries in results.items():
                o = score(entries, doc, names, other if name != "baseline" else {})
                for key in (f"{lang} {doc.get('domain', '?')}", f"{lang} all", "all"):
                    for sub in (key, f"{key} {part}"):
                        acc = groups.setdefault((sub, name), [0] * 5)
                        for k, v in enumerate((*o, len(names))):
                            acc[k] += v

    def pct(a: int, b: int) -> float:
        return round(100.0 * a / b, 1) if b else 0.0

    print(f"glossary benchmark: {ndocs} documents, English forms checked against human references")
    print("P = entry's English form in the reference (P+ also accepts a curated spelling or a person's surname);")
    print("C = share of the reference's capitalised names that some entry covers; C x = C / baseline C;")
    print(f"machinery = same code, curated files as at {ROUND_START}; halves per shared/tools/halves.py")
    print(f"{'set':<21}{'system':<10}{'names':>6}{'n':>6}{'P%':>6}{'P+%':>6}{'C%':>6}{'C x':>6}")
    rows: dict[str, dict[str, dict]] = {}
    order = ("ours", "machinery", "baseline")
    for key in sorted({k for k, _ in groups}, key=lambda k: (k.startswith("all"), k)):
        if key.startswith("uk unlabelled"):
            continue  # uk documents carry no domain label: the same rows as "uk all"
        base_c = groups[(key, "baseline")][2]
        for name in order:
            if (key, name) not in groups:
                continue
            oh, on, oc, ol, nn = groups[(key, name)]
            ratio = round(oc / base_c, 2) if base_c else None
            rows.setdefault(key, {})[name] = {
                "precision": pct(oh, on), "precision_lenient": pct(ol, on), "entries": on,
                "coverage": pct(oc, nn), "coverage_ratio": ratio, "reference_names": nn}
            print(f"{key:<21}{name:<10}{nn:>6}{on:>6}{pct(oh, on):>6}{pct(ol, on):>6}{pct(oc, nn):>6}"
                  f"{(ratio if ratio is not None else '-'):>6}")
    per_doc = {name: round(1000 * v / max(ndocs, 1), 2) for name, v in cpu.items()}
    print("CPU time per document (ms): " + ", ".join(f"{k} {v}" for k, v in per_doc.items()))
    if args.show:
        print(f"some of our entries not in the reference ({args.show_half} half):")
        for m in misses[: args.show]:
            print("  " + m)

    def fig(key: str, name: str, field: str):
        return rows.get(key, {}).get(name, {}).get(field)

    news = rows.get("ru news", {})
    result = {
        "documents": ndocs,
        "check_news_machinery_precision": fig("ru news check", "machinery", "precision"),
        "check_news_machinery_coverage": fig("ru news check", "machinery", "coverage"),
        "check_news_machinery_coverage_ratio": fig("ru news check", "machinery", "coverage_ratio"),
        "check_news_precision": fig("ru news check", "ours", "precision"),
        "check_news_coverage": fig("ru news check", "ours", "coverage"),
        "check_uk_machinery_precision": fig("uk all check", "machinery", "precision"),
        "check_uk_precision": fig("uk all check", "ours", "precision"),
        "check_uk_coverage": fig("uk all check", "ours", "coverage"),
        "news_precision": news.get("ours", {}).get("precision"),
        "news_precision_lenient": news.get("ours", {}).get("precision_lenient"),
        "news_baseline_precision": news.get("baseline", {}).get("precision"),
        "news_coverage": news.get("ours", {}).get("coverage"),
        "news_baseline_coverage": news.get("baseline", {}).get("coverage"),
        "news_coverage_ratio": news.get("ours", {}).get("coverage_ratio"),
        "uk_precision": fig("uk all", "ours", "precision"),
        "all_precision": fig("all", "ours", "precision"),
        "all_precision_lenient": fig("all", "ours", "precision_lenient"),
        "all_baseline_precision": fig("all", "baseline", "precision"),
        "all_coverage_ratio": fig("all", "ours", "coverage_ratio"),
        "ms_per_document": per_doc,
        "quick": args.quick,
    }
    print("RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
