"""Faithfulness of summaries chosen in the source language: do they pick what the English digest picks?

Input: whole documents of DATA/dev/parallel/{ru,uk}-en.jsonl (sentence-aligned, each with a
human English reference). Each document is laid out as a page dump, one sentence a line (the
first line is the headline), once in the source language and once in its English reference,
so a line number names the same sentence in both. Both go through the digest's own stages
with no model installed: ingest, clean, detect, then the summary: the source from its own
text with the language's stemmer (summary-first translation), the English one as today.

Score per document: |lines chosen from the source ∩ lines chosen from the English| /
max(sizes), at 3 sentences (`summary_lines`); reported as the mean over documents (with its
standard error for ours), for the "tune" and "check" halves (../shared/tools/halves.py; tune
there, report check), per domain.
Baselines in the same table: the source summarised with the English stemmer and stop words
(what the digest did before), and Lead-3 (the first three candidates). A yardstick beside them,
`en-unstemmed`: the English digest's own choice when its words are counted unstemmed, against the
English digest as it is: how far the target moves under a small change of how words are counted
(a translation changes the words far more), so an agreement above it is not to be expected.

    python bench/summary_source.py [--quick] [--data DIR] [--lang ru|uk|all]
    python bench/summary_source.py --misses  # why the source summary misses the English choices
    python bench/summary_source.py --fit [--fit-on tune|all]  # refit summarise/languages.py's FITTED_WEIGHTS

`--misses`: every line the English digest chose that the source summary lacks, by cause: the place
the source ranking gave it (4th: a near miss; 5th-6th; 7th and later), or no source candidate at all:
a body line unfit for a summary, or a line cleaning gave another kind (caption, UI string, ...),
counted per kind.

`--fit`: on the tune half only, every source sentence that is a candidate in both languages gives
its source signals (`languages.source_features`) and the English scorer's score of its aligned
English sentence, each centred on its document's mean; ridge regression maps the one to the other.
5-fold cross-validation by document on the tune half (folds by document order) compares the ways
to set the weights: no fit (the English weights on the source signals), ridge pooled over ru and uk
or per language, shrunk toward zero or toward the English weights, at five strengths. Its measure
is the bench's own, the mean overlap of the out-of-fold documents' summaries, averaged over 1 to 5
sentences (one ranking read at five lengths, so a near miss at three counts less than at one).
The chosen way's weights, fitted on the whole tune half, are printed to paste into FITTED_WEIGHTS.
`--fit-on all` does the same over every document (both halves, twice the data, folds still by
document), for a fit with less variance; the check half is then no longer held out.

The last line is `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(DEFAULT_DATA.parent / "tools"))


def half_of(key: str) -> str:
    try:
        from halves import half
    except ImportError:  # the split's rule, if the tools folder is not beside the data
        import hashlib

        return "check" if hashlib.sha1(key.encode("utf-8")).digest()[-1] & 1 else "tune"
    return half(key)


def page(lines: list[str]) -> str:
    """A page dump: one sentence a line, no blank lines, so line i is sentence i in both languages."""
    return "\n".join(" ".join(s.split()) or "." for s in lines) + "\n"


def lines_of(text: str, lang: str | None, variant: str, glossary, settings) -> list[int]:
    """The summary lines a digest chooses from `text`: in the source language (lang) or in English."""
    from polyglot_news import pipeline
    from polyglot_news.summarise import stage
    from polyglot_news.translate import to_english

    article = pipeline.prepare(text, glossary)
    if lang is None:
        to_english([article], settings, glossary)  # English keeps its text; nothing else is sent
        return [s.line for s in stage.summarise(article, settings)]
    if variant == "lead":
        doc = stage.summary_document(article, lang)
        return sorted({c.line for c in doc.candidates[:3]})
    if variant == "english-stemmer":
        # the source text ranked as if it were English: what the digest did before per-language words
        for seg in article.segments:
            seg.english = seg.text if seg.lang == lang else None
        return [s.line for s in stage.summarise(article, settings)]
    return [s.line for s in stage.summarise(article, settings, lang)]


def unstemmed_lines(text: str, glossary, settings) -> list[int]:
    """The lines the English digest chooses when its words are not stemmed (stop words and numbers
    still dropped): how far the English choice itself moves under a small change of how words are
    counted, a yardstick for what agreement with it can mean."""
    from dataclasses import replace

    from polyglot_news import pipeline
    from polyglot_news.summarise import stage
    from polyglot_news.summarise.algorithms import summariser_for
    from polyglot_news.summarise.document import SummaryDocument
    from polyglot_news.summarise.words import stop_words
    from polyglot_news.translate import to_english

    stops = stop_words("en")

    def plain(words: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(w.lower() for w in words if w.lower() not in stops and not w.replace(".", "").isdigit())

    class Unstemmed(SummaryDocument):
        @property
        def title_stems(self) -> tuple[str, ...]:
            return plain(self.title_words)

    article = pipeline.prepare(text, glossary)
    to_english([article], settings, glossary)
    doc = stage.summary_document(article)
    doc = Unstemmed(doc.title, [replace(c, stems=plain(c.words)) for c in doc.candidates], "en")
    if not doc.candidates:
        return []
    return [c.line for c in stage.select(doc, summariser_for(settings.algorithm).rank(doc), settings)]


MISS_CAUSES = ("ranked 4th", "ranked 5-6th", "ranked 7th+", "unfit body", "other kind")


def miss_causes(text: str, lang: str, english: list[int], glossary, settings) -> list[tuple[str, str]]:
    """Why each line the English digest chose is missing from the source summary: where the source
    ranking put it (`ranked ...`), or that it is no source candidate: a body line unfit for a summary
    (`unfit body`), or a line cleaning gave another kind (`other kind`, with the kind)."""
    from polyglot_news import pipeline
    from polyglot_news.summarise import stage
    from polyglot_news.summarise.languages import SourceNewsSummariser

    article = pipeline.prepare(text, glossary)
    doc = stage.summary_document(article, lang)
    chosen = {s.line for s in stage.summarise(article, settings, lang)}
    ranked = [doc.candidates[i].line for i in SourceNewsSummariser().rank(doc)] if doc.candidates else []
    kinds = {seg.line: seg.kind for seg in article.segments}
    out = []
    for line in sorted(set(english) - chosen):
        if line in ranked:
            place = ranked.index(line) + 1
            out.append(("ranked 4th" if place <= 4 else "ranked 5-6th" if place <= 6 else "ranked 7th+", ""))
        elif kinds.get(line) == "body":
            out.append(("unfit body", ""))
        else:
            out.append(("other kind", kinds.get(line) or "no segment"))
    return out


FIT_LAMBDAS = (10.0, 30.0, 100.0, 300.0, 1000.0)  # ridge strengths the cross-validation chooses from
FOLDS = 5
FIT_SIZES = (1, 2, 3, 4, 5)  # summary lengths the cross-validation's measure averages over


def fit_rows(docs_by_lang: dict[str, list[dict]], glossary, settings, halves: tuple[str, ...] = ("tune",)) -> list[dict]:
    """Per document of `halves`: its language, source SummaryDocument, source signals, the English
    scorer's score of each aligned candidate (None where the English has no such candidate) and the
    lines the English digest chose at each length of FIT_SIZES."""
    from dataclasses import replace

    from polyglot_news import pipeline
    from polyglot_news.summarise import stage
    from polyglot_news.summarise.languages import source_features
    from polyglot_news.summarise.news import NewsSummariser
    from polyglot_news.translate import to_english

    rows = []
    for lang, docs in docs_by_lang.items():
        for doc in docs:
            src, ref = doc["source"], doc["english"]
            if len(src) != len(ref) or len(src) < 5 or half_of(str(doc["doc"])) not in halves:
                continue
            english = pipeline.prepare(page(ref), glossary)
            to_english([english], settings, glossary)
            edoc = stage.summary_document(english)
            escore = dict(zip((c.line for c in edoc.candidates), NewsSummariser().scores(edoc)))
            chosen = {k: [s.line for s in stage.summarise(english, replace(settings, sentences=k))] for k in FIT_SIZES}
            sdoc = stage.summary_document(pipeline.prepare(page(src), glossary), lang)
            rows.append({"lang": lang, "doc": sdoc, "features": source_features(sdoc) if sdoc.candidates else [],
                         "target": [escore.get(c.line) for c in sdoc.candidates], "english_lines": chosen})
    return rows


def ridge(rows: list[dict], keys: list[str], strength: float, prior: dict[str, float] | None = None) -> dict[str, float]:
    """Ridge weights from the source signals to the English score, each centred on its document's mean,
    shrunk toward `prior` (toward zero without one)."""
    import numpy as np

    xs, ys = [], []
    for row in rows:
        pairs = [(f, y) for f, y in zip(row["features"], row["target"]) if y is not None]
        if len(pairs) < 2:
            continue
        x = np.array([[f[k] for k in keys] for f, _ in pairs])
        y = np.array([y for _, y in pairs])
        xs.append(x - x.mean(0))
        ys.append(y - y.mean())
    x, y = np.vstack(xs), np.concatenate(ys)
    w0 = np.array([(prior or {}).get(k, 0.0) for k in keys])
    w = np.linalg.solve(x.T @ x + strength * np.eye(len(keys)), x.T @ y + strength * w0)
    return {k: float(v) for k, v in zip(keys, w)}


def agreement(row: dict, weights: dict[str, float], settings) -> float:
    """The bench's measure for one document when the source scorer uses `weights`, averaged over
    the summary lengths of FIT_SIZES (one ranking read at five lengths: less noise than three alone)."""
    from dataclasses import replace

    from polyglot_news.summarise import stage
    from polyglot_news.summarise.languages import SourceNewsSummariser

    doc = row["doc"]
    if not doc.candidates:
        return sum(overlap([], row["english_lines"][k]) for k in FIT_SIZES) / len(FIT_SIZES)
    ranking = SourceNewsSummariser(source_weights=weights).rank(doc)
    return sum(overlap([c.line for c in stage.select(doc, ranking, replace(settings, sentences=k))], row["english_lines"][k])
               for k in FIT_SIZES) / len(FIT_SIZES)


def english_prior(keys: list[str]) -> dict[str, float]:
    """The English scorer's weight of each fitted signal (0 for the signals only the source has)."""
    from dataclasses import asdict

    from polyglot_news.summarise.news import NewsWeights

    return {k: asdict(NewsWeights()).get(k, 0.0) for k in keys}


def fit_ways() -> dict[str, tuple | None]:
    """Every way to set the weights the cross-validation compares: no fit (the English weights), and
    ridge pooled over ru and uk or per language, shrunk toward zero or toward the English weights."""
    ways: dict[str, tuple | None] = {"no fit": None}
    for pool in ("pooled", "per language"):
        for toward in ("zero", "english"):
            for s in FIT_LAMBDAS:
                ways[f"{pool} {toward} {s:g}"] = (pool, toward, s)
    return ways


def cross_validated(rows: list[dict], keys: list[str], settings) -> dict[str, dict[str, float]]:
    """Mean out-of-fold agreement per language (and "all") of each way to set the weights."""
    from polyglot_news.summarise.languages import SOURCE_WEIGHTS

    prior = english_prior(keys)
    english = {**SOURCE_WEIGHTS, **prior}
    ways = fit_ways()
    scores: dict[str, dict[str, list[float]]] = {w: {} for w in ways}
    for fold in range(FOLDS):
        train = [r for i, r in enumerate(rows) if i % FOLDS != fold]
        test = [r for i, r in enumerate(rows) if i % FOLDS == fold]
        for name, way in ways.items():
            fitted: dict[str, dict[str, float]] = {}
            for row in test:
                if way is None:
                    weights = english
                else:
                    pool, toward, strength = way
                    key = "all" if pool == "pooled" else row["lang"]
                    if key not in fitted:
                        seen = train if pool == "pooled" else [r for r in train if r["lang"] == row["lang"]]
                        fitted[key] = {**SOURCE_WEIGHTS, **ridge(seen, keys, strength, prior if toward == "english" else None)}
                    weights = fitted[key]
                score = agreement(row, weights, settings)
                for group in (row["lang"], "all"):
                    scores[name].setdefault(group, []).append(score)
    return {name: {g: sum(v) / len(v) for g, v in groups.items()} for name, groups in scores.items()}


def fit(docs_by_lang: dict[str, list[dict]], glossary, settings,
        halves: tuple[str, ...] = ("tune",)) -> tuple[dict[str, dict[str, float]], str, dict]:
    """Weights for FITTED_WEIGHTS (by language; "*" when pooled), the way cross-validation chose, and its table,
    from the documents of `halves` (the tune half unless asked otherwise)."""
    from polyglot_news.summarise.languages import FITTED_WEIGHTS

    keys = list(next(iter(FITTED_WEIGHTS.values())))
    rows = fit_rows(docs_by_lang, glossary, settings, halves)
    table = cross_validated(rows, keys, settings)
    ways = fit_ways()
    order = list(ways)
    # the best mean over every tune document; ties go to the simpler way (listed first) and the stronger shrinkage
    chosen = max(order, key=lambda n: (round(table[n]["all"], 6), ways[n] is None, (ways[n] or (0, 0, 0))[2], -order.index(n)))
    way = ways[chosen]
    prior = english_prior(keys)
    if way is None:
        return {"*": prior}, chosen, table
    pool, toward, strength = way
    langs = ["*"] if pool == "pooled" else sorted({r["lang"] for r in rows})
    weights = {lang: {k: round(v, 2) for k, v in ridge(rows if lang == "*" else [r for r in rows if r["lang"] == lang],
                                                        keys, strength, prior if toward == "english" else None).items()}
               for lang in langs}
    # a language the fit never saw keeps the English weights
    return {"*": prior, **weights} if "*" not in weights else weights, chosen, table


def overlap(a: list[int], b: list[int]) -> float:
    if not a and not b:
        return 1.0
    return len(set(a) & set(b)) / max(len(set(a)), len(set(b)))


def print_misses(misses: dict[tuple[str, str, str], Counter]) -> None:
    """The table of `--misses`: lines the English digest chose that the source summary lacks, by cause."""
    kinds = sorted({k for tally in misses.values() for k in tally if k.startswith("kind ")})
    heads = ("misses",) + MISS_CAUSES + tuple(kinds)
    widths = [max(8, len(h) + 2) for h in heads]
    print(f"{'lang':<5}{'domain':<12}{'half':<7}{'docs':>5}" + "".join(f"{h:>{w}}" for h, w in zip(heads, widths)))
    for (lang, domain, h), tally in sorted(misses.items()):
        print(f"{lang:<5}{domain:<12}{h:<7}{tally['docs']:>5}" + "".join(f"{tally[c]:>{w}}" for c, w in zip(heads, widths)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 documents per language.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="The shared data folder.")
    parser.add_argument("--lang", default="all", help="ru, uk or all.")
    parser.add_argument("--limit", type=int, default=None, help="At most this many documents per language.")
    parser.add_argument("--fit", action="store_true", help="Refit the source scorer's weights on the tune half and print them.")
    parser.add_argument("--fit-on", choices=("tune", "all"), default="tune",
                        help="With --fit: cross-validate and fit on the tune half (default) or on every document"
                             " (both halves: more data, but the check half is then no longer held out).")
    parser.add_argument("--misses", action="store_true",
                        help="Count why the source summary misses lines the English digest chose, per half and domain.")
    args = parser.parse_args()
    from polyglot_news.config import Settings
    from polyglot_news.curated import load_glossaries

    glossary = load_glossaries([], shipped=True)
    settings = Settings(translate=False, use_cache=False)
    langs = ["ru", "uk"] if args.lang == "all" else [args.lang]
    limit = args.limit or (20 if args.quick else None)
    if args.fit:
        by_lang = {lang: [json.loads(line) for line in (args.data / "dev" / "parallel" / f"{lang}-en.jsonl").open(encoding="utf-8")]
                   for lang in langs if (args.data / "dev" / "parallel" / f"{lang}-en.jsonl").is_file()}
        halves = ("tune",) if args.fit_on == "tune" else ("tune", "check")
        weights, chosen, table = fit(by_lang, glossary, settings, halves)
        groups = [g for g in ("ru", "uk", "all") if g in next(iter(table.values()))]
        where = "the tune half" if args.fit_on == "tune" else "every document (both halves: check is not held out)"
        print(f"{FOLDS}-fold cross-validation by document on {where}: mean agreement of out-of-fold documents"
              f" (at {', '.join(map(str, FIT_SIZES))} sentences)")
        print(f"{'weights':<26}" + "".join(f"{g:>8}" for g in groups))
        for name, cells in table.items():
            print(f"{name:<26}" + "".join(f"{cells[g]:>8.3f}" for g in groups))
        print(f"chosen: {chosen}")
        print("FITTED_WEIGHTS = " + json.dumps(weights, ensure_ascii=False))
        cv = {name: {g: round(v, 3) for g, v in cells.items()} for name, cells in table.items()}
        print("RESULT " + json.dumps({"fitted_weights": weights, "chosen": chosen, "fit_on": args.fit_on,
                                      "cross_validation": cv}))
        return
    variants = ("ours", "english-stemmer", "lead")
    rows: dict[tuple[str, str, str, str], list[float]] = {}
    misses: dict[tuple[str, str, str], Counter] = {}
    t = time.process_time()
    for lang in langs:
        path = args.data / "dev" / "parallel" / f"{lang}-en.jsonl"
        if not path.is_file():
            print(f"no {path}: skipped")
            continue
        docs = [json.loads(line) for line in path.open(encoding="utf-8")]
        if lang == "ru":  # the news documents first: the ones the goal is about
            docs.sort(key=lambda d: d["domain"] != "news")
        for doc in docs[:limit]:
            src, ref = doc["source"], doc["english"]
            if len(src) != len(ref) or len(src) < 5:
                continue
            english = lines_of(page(ref), None, "", glossary, settings)
            h = half_of(str(doc["doc"]))
            if args.misses:
                causes = miss_causes(page(src), lang, english, glossary, settings)
                for domain in {doc.get("domain") or "all", "all"}:
                    tally = misses.setdefault((lang, domain, h), Counter())
                    tally["docs"] += 1
                    tally["misses"] += len(causes)
                    for cause, kind in causes:
                        tally[cause] += 1
                        if kind:
                            tally[f"kind {kind}"] += 1
                continue
            ours_en = unstemmed_lines(page(ref), glossary, settings)
            for domain in {doc.get("domain") or "all", "all"}:
                rows.setdefault((lang, domain, "en-unstemmed", h), []).append(overlap(ours_en, english))
            for variant in variants:
                score = overlap(lines_of(page(src), lang, variant, glossary, settings), english)
                for domain in {doc.get("domain") or "all", "all"}:
                    rows.setdefault((lang, domain, variant, h), []).append(score)
    seconds = time.process_time() - t
    if args.misses:
        print_misses(misses)
        print(f"({seconds:.1f} s CPU)")
        print("RESULT " + json.dumps({"_".join(k): dict(v) for k, v in sorted(misses.items())}))
        return
    columns = variants + ("en-unstemmed",)
    print(f"{'lang':<5}{'domain':<12}{'half':<7}{'docs':>5}{'ours':>10}{'± SE':>7}" + "".join(f"{v:>17}" for v in columns[1:]))
    result: dict[str, float] = {}
    keys = sorted({(lang, d, h) for lang, d, _, h in rows})
    for lang, domain, h in keys:
        n = len(rows[(lang, domain, "ours", h)])
        cells = []
        for v in columns:
            scores = rows[(lang, domain, v, h)]
            mean = sum(scores) / n
            cells.append(f"{mean:>10.3f}" if v == "ours" else f"{mean:>17.3f}")
            result[f"{lang}_{domain}_{h}_{v.replace('-', '_')}"] = round(mean, 3)
            if v == "ours":  # the standard error of the mean over documents: what a difference must beat
                se = (sum((x - mean) ** 2 for x in scores) / (n - 1) / n) ** 0.5 if n > 1 else 0.0
                cells.append(f"{se:>7.3f}")
                result[f"{lang}_{domain}_{h}_ours_se"] = round(se, 3)
        print(f"{lang:<5}{domain:<12}{h:<7}{n:>5}" + "".join(cells))
    print(f"({seconds:.1f} s CPU)")
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
