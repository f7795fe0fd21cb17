"""ROUGE of our summaries against BBC reference summaries, beside Lead and sumy, in one run.

    python bench/summary.py [--quick] [--data DIR] [--algorithms news,lead,lexrank,...]

Data: DIR/dev/summ/bbc_dev.jsonl (`{"id","category","article","summary_spaced"}`; the
article's first line is its title). Each article becomes an `Article` (title segment,
then one body segment per non-empty line, `english` = the text) and goes through the
real `summarise.summarise()` path with each algorithm. "Lead" is the baseline: the
first N body sentences as split by our splitter, taken directly, without any filter.

Scores: ROUGE-1, ROUGE-2 and ROUGE-L F1 (rouge-score, Porter stemming on), averaged
over articles, at 3 sentences and at the reference's own sentence count. The
articles are split in two halves by id (even/odd CRC32): "tune" is the half the news
scorer's weights were fitted on, "held-out" the other; both are reported.
Last line: `RESULT {json}` with the headline figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from polyglot_news.config import Settings  # noqa: E402
from polyglot_news.model import BODY, TITLE, Article, Segment  # noqa: E402
from polyglot_news.summarise.algorithms import ALGORITHMS  # noqa: E402
from polyglot_news.summarise.stage import summarise  # noqa: E402
from polyglot_news.text.sentences import split_sentences  # noqa: E402

METRICS = ("rouge1", "rouge2", "rougeL")
DEFAULT_ALGORITHMS = ("news", "lead", "lexrank", "textrank", "lsa", "luhn")
LENGTHS = ("3", "ref")


def default_data_dir() -> Path:
    return REPO.parent / "shared" / "data"


def article_from(text: str, source: str) -> Article:
    """An Article as the pipeline would hand it to summarise: title, then body lines, all English."""
    lines = [line.strip() for line in text.split("\n")]
    segments = []
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        kind = TITLE if not segments else BODY
        segments.append(Segment(line=number, text=line, kind=kind, lang="en", confidence=1.0, english=line))
    return Article(source=source, segments=segments, title=segments[0].text if segments else None)


def lead_sentences(text: str, count: int) -> list[str]:
    """The baseline: the first `count` sentences of the body (the title line excluded)."""
    body = [line for line in text.split("\n")[1:] if line.strip()]
    return [s for line in body for s in split_sentences(line, "en")][:count]


def half_of(record_id: str) -> str:
    return "tune" if zlib.crc32(record_id.encode()) % 2 == 0 else "held-out"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--quick", action="store_true", help="40 articles, for a run under a minute")
    parser.add_argument("--algorithms", default=",".join(DEFAULT_ALGORITHMS))
    args = parser.parse_args(argv)
    algorithms = [a.strip().lower() for a in args.algorithms.split(",") if a.strip()]
    unknown = [a for a in algorithms if a not in ALGORITHMS]
    if unknown:
        parser.error(f"unknown algorithm(s) {', '.join(unknown)}: choose from {', '.join(ALGORITHMS)}")

    path = args.data / "dev" / "summ" / "bbc_dev.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        print("RESULT " + json.dumps({"skipped": f"{path} not found"}))
        return 0
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("skipped: rouge-score is not installed (pip install -e '.[bench]')")
        print("RESULT " + json.dumps({"skipped": "rouge-score not installed"}))
        return 0

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.quick:
        records = records[::max(1, len(records) // 40)][:40]
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    # totals[algorithm][length][group][metric] = sum of F1; counts[group] = articles
    totals: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: defaultdict(float))))
    counts: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)
    for record in records:
        reference = record["summary_spaced"]
        ref_count = max(1, len(split_sentences(reference, "en")))
        groups = ("all", record["category"], half_of(record["id"]))
        for group in groups:
            counts[group] += 1
        article = article_from(record["article"], record["id"])
        for algorithm in algorithms:
            for length in LENGTHS:
                n = 3 if length == "3" else ref_count
                t = time.perf_counter()
                if algorithm == "lead":
                    sentences = lead_sentences(record["article"], n)
                else:
                    settings = replace(Settings(), algorithm=algorithm, sentences=n)
                    sentences = [s.text for s in summarise(article, settings)]
                seconds[algorithm] += time.perf_counter() - t
                scores = scorer.score(reference, "\n".join(sentences))
                for group in groups:
                    for metric in METRICS:
                        totals[algorithm][length][group][metric] += scores[metric].fmeasure

    def mean(algorithm: str, length: str, group: str, metric: str) -> float:
        return totals[algorithm][length][group][metric] / max(1, counts[group])

    print(f"BBC dev summaries: {len(records)} articles; ROUGE F1 x100 (stemmed); baseline = lead")
    header = f"{'algorithm':<10} {'len':>4} " + " ".join(f"{m:>8}" for m in METRICS) + "   vs lead (R1/R2/RL)   art/s"
    for group in ("all", "tune", "held-out"):
        print(f"\n[{group}: {counts[group]} articles]")
        print(header)
        for length in LENGTHS:
            for algorithm in algorithms:
                figures = [mean(algorithm, length, group, m) for m in METRICS]
                base = [mean("lead", length, group, m) for m in METRICS] if "lead" in algorithms else None
                ratio = "  ".join(f"{f / b:5.3f}" for f, b in zip(figures, base)) if base else ""
                speed = 2 * len(records) / seconds[algorithm] if seconds[algorithm] else float("inf")
                print(
                    f"{algorithm:<10} {length:>4} " + " ".join(f"{100 * f:8.2f}" for f in figures)
                    + f"   {ratio:<19} {speed:7.1f}"
                )
    categories = sorted(g for g in counts if g not in ("all", "tune", "held-out"))
    print("\nPer category, ROUGE-1/2/L F1 x100 at 3 sentences | at the reference's length")
    print(f"{'category':<14} {'n':>3} " + " ".join(f"{a:>20}" for a in algorithms))
    for category in categories:
        cells = []
        for algorithm in algorithms:
            cell = "/".join(f"{100 * mean(algorithm, '3', category, m):.0f}" for m in METRICS)
            cell += "|" + "/".join(f"{100 * mean(algorithm, 'ref', category, m):.0f}" for m in METRICS)
            cells.append(f"{cell:>20}")
        print(f"{category:<14} {counts[category]:>3} " + " ".join(cells))

    result: dict = {"articles": len(records), "quick": args.quick}
    for algorithm in algorithms:
        result[algorithm] = {
            length: {m: round(100 * mean(algorithm, length, "all", m), 2) for m in METRICS} for length in LENGTHS
        }
        result[algorithm]["articles_per_sec"] = round(2 * len(records) / seconds[algorithm], 1) if seconds[algorithm] else None
    if "news" in algorithms:
        rivals = [a for a in algorithms if a != "news"]
        result["news_beats_all"] = all(
            mean("news", length, "all", m) > mean(rival, length, "all", m)
            for rival in rivals
            for length in LENGTHS
            for m in METRICS
        )
        result["news_beats_all_held_out"] = all(
            mean("news", length, "held-out", m) > mean(rival, length, "held-out", m)
            for rival in rivals
            for length in LENGTHS
            for m in METRICS
        )
    print("RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
