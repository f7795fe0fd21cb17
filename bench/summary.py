"""ROUGE of our summaries on two kinds of news, BBC and CNN/DailyMail, beside Lead and sumy, in one run.

    python bench/summary.py [--quick] [--data DIR] [--algorithms news,lead,textrank,lexrank,...]

Data, under DIR/dev/summ/:
- bbc_dev.jsonl (`{"id","category","article","summary_spaced"}`; the article's first line is
  its title, then one paragraph a line): long extractive reference summaries, no lead bias.
- cnndm_dev.jsonl (`{"id","article","summary"}`; one block of text, no headline, no paragraph
  breaks; the summary is the human-written highlights, a sentence a line): short abstractive
  references with a strong lead bias.
Each article becomes an `Article` (BBC: a title segment, then a body segment per non-empty line;
CNN/DM: a single body segment and no title, since the data has none) and goes through the real
`summarise.summarise()` path with each algorithm. "lead" is the baseline: the first N sentences
of the body as split by our splitter, taken directly, without any filter.

Scores: ROUGE F1 (rouge-score, Porter stemming on) averaged over articles. BBC: ROUGE-1, -2
and -L at 3 sentences and at the reference's own sentence count. CNN/DM: ROUGE-1, -2 and
-Lsum (the summary-level LCS over newline-separated sentences, the figure CNN/DM papers
quote) at 3 sentences. Each set is split into the shared halves (../shared/tools/halves.py,
key `id`): "tune" is what the news scorer's weights were fitted on, "check" the half held
back; all three groups are printed, the RESULT figures are those of "check".
Last line: `RESULT {json}` with the headline figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from polyglot_news.config import Settings  # noqa: E402
from polyglot_news.model import BODY, TITLE, Article, Segment  # noqa: E402
from polyglot_news.summarise.algorithms import ALGORITHMS  # noqa: E402
from polyglot_news.summarise.stage import summarise  # noqa: E402
from polyglot_news.text.sentences import split_sentences  # noqa: E402

DEFAULT_ALGORITHMS = ("news", "lead", "textrank", "lexrank")
GROUPS = ("all", "tune", "check")


@dataclass(frozen=True)
class SummarySet:
    """One dev set: where it lives, how to read a record, what to score."""

    name: str
    label: str
    file: str
    metrics: tuple[str, ...]
    lengths: tuple[str, ...]  # "3" or "ref" (the reference's own sentence count)


BBC = SummarySet("bbc", "BBC", "bbc_dev.jsonl", ("rouge1", "rouge2", "rougeL"), ("3", "ref"))
CNNDM = SummarySet("cnndm", "CNN/DailyMail", "cnndm_dev.jsonl", ("rouge1", "rouge2", "rougeLsum"), ("3",))
SETS = (BBC, CNNDM)


def default_data_dir() -> Path:
    return REPO.parent / "shared" / "data"


def half(key: str) -> str:
    """'check' or 'tune', the same rule as ../shared/tools/halves.py (odd last byte of the SHA-1: check)."""
    return "check" if hashlib.sha1(key.encode("utf-8")).digest()[-1] & 1 else "tune"


def article_from(text: str, source: str) -> Article:
    """A BBC record as the pipeline would hand it to summarise: title, then body lines, all English."""
    lines = [line.strip() for line in text.split("\n")]
    segments = []
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        kind = TITLE if not segments else BODY
        segments.append(Segment(line=number, text=line, kind=kind, lang="en", confidence=1.0, english=line))
    return Article(source=source, segments=segments, title=segments[0].text if segments else None)


def untitled_article_from(text: str, source: str) -> Article:
    """A CNN/DM record: one body segment, no title (the data has no headline)."""
    text = " ".join(text.split())
    return Article(source=source, segments=[Segment(line=1, text=text, kind=BODY, lang="en", confidence=1.0, english=text)])


def body_lines(summary_set: SummarySet, text: str) -> list[str]:
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[1:] if summary_set is BBC else [" ".join(text.split())]


def lead_sentences(summary_set: SummarySet, text: str, count: int) -> list[str]:
    """The baseline: the first `count` sentences of the body (a BBC title line excluded)."""
    return [s for line in body_lines(summary_set, text) for s in split_sentences(line, "en")][:count]


def reference_of(summary_set: SummarySet, record: dict) -> str:
    """The reference with one sentence a line (what ROUGE-Lsum splits on)."""
    if summary_set is BBC:
        return "\n".join(split_sentences(record["summary_spaced"], "en"))
    return "\n".join(line.strip() for line in record["summary"].split("\n") if line.strip())


class Tally:
    """Sums of F1 by algorithm, length, group and metric, with article counts by group."""

    def __init__(self) -> None:
        self.totals: dict = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)

    def mean(self, algorithm: str, length: str, group: str, metric: str) -> float:
        return self.totals[algorithm, length, group, metric] / max(1, self.counts[group])


def run_set(summary_set: SummarySet, records: list[dict], algorithms: list[str], scorer, seconds: dict) -> Tally:
    tally = Tally()
    for record in records:
        reference = reference_of(summary_set, record)
        ref_count = max(1, len(reference.split("\n")))
        groups = ["all", half(record["id"])]
        if "category" in record:
            groups.append(record["category"])
        for group in groups:
            tally.counts[group] += 1
        if summary_set is BBC:
            article = article_from(record["article"], record["id"])
        else:
            article = untitled_article_from(record["article"], record["id"])
        for algorithm in algorithms:
            for length in summary_set.lengths:
                n = 3 if length == "3" else ref_count
                started = time.process_time()
                if algorithm == "lead":
                    sentences = lead_sentences(summary_set, record["article"], n)
                else:
                    settings = replace(Settings(), algorithm=algorithm, sentences=n)
                    sentences = [s.text for s in summarise(article, settings)]
                seconds[algorithm] += time.process_time() - started
                scores = scorer.score(reference, "\n".join(sentences))
                for group in groups:
                    for metric in summary_set.metrics:
                        tally.totals[algorithm, length, group, metric] += scores[metric].fmeasure
    return tally


def print_set(summary_set: SummarySet, tally: Tally, algorithms: list[str]) -> None:
    metrics = summary_set.metrics
    print(f"\n== {summary_set.label}: {tally.counts['all']} articles; ROUGE F1 x100 (stemmed); baseline = lead ==")
    header = f"{'algorithm':<10} {'len':>4} " + " ".join(f"{m:>9}" for m in metrics) + "   vs lead (ratio)"
    for group in GROUPS:
        print(f"\n[{group}: {tally.counts[group]} articles]")
        print(header)
        for length in summary_set.lengths:
            for algorithm in algorithms:
                figures = [tally.mean(algorithm, length, group, m) for m in metrics]
                base = [tally.mean("lead", length, group, m) for m in metrics] if "lead" in algorithms else None
                ratio = "  ".join(f"{f / b:5.3f}" if b else "  -  " for f, b in zip(figures, base)) if base else ""
                print(f"{algorithm:<10} {length:>4} " + " ".join(f"{100 * f:9.2f}" for f in figures) + f"   {ratio}")
    categories = sorted(g for g in tally.counts if g not in GROUPS)
    if categories:
        print("\nPer category (all halves), ROUGE-1/2/L F1 x100 at 3 sentences | at the reference's length")
        print(f"{'category':<14} {'n':>3} " + " ".join(f"{a:>20}" for a in algorithms))
        for category in categories:
            cells = []
            for algorithm in algorithms:
                cell = "|".join(
                    "/".join(f"{100 * tally.mean(algorithm, length, category, m):.0f}" for m in metrics)
                    for length in summary_set.lengths
                )
                cells.append(f"{cell:>20}")
            print(f"{category:<14} {tally.counts[category]:>3} " + " ".join(cells))


def figures(summary_set: SummarySet, tally: Tally, algorithm: str, group: str) -> dict:
    return {
        length: {m: round(100 * tally.mean(algorithm, length, group, m), 2) for m in summary_set.metrics}
        for length in summary_set.lengths
    }


def beats(summary_set: SummarySet, tally: Tally, rival: str, group: str, strictly: bool) -> bool:
    """Whether news is above (or, not strictly, at least) `rival` on every metric and length in `group`."""
    pairs = [
        (tally.mean("news", length, group, m), tally.mean(rival, length, group, m))
        for length in summary_set.lengths
        for m in summary_set.metrics
    ]
    # Rounded to the 2 decimals we print, so "at least" means what the table shows.
    return all(round(a, 4) > round(b, 4) if strictly else round(a, 4) >= round(b, 4) for a, b in pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--quick", action="store_true", help="24 articles of each set, for a run under a minute")
    parser.add_argument("--algorithms", default=",".join(DEFAULT_ALGORITHMS))
    args = parser.parse_args(argv)
    algorithms = [a.strip().lower() for a in args.algorithms.split(",") if a.strip()]
    unknown = [a for a in algorithms if a not in ALGORITHMS]
    if unknown:
        parser.error(f"unknown algorithm(s) {', '.join(unknown)}: choose from {', '.join(ALGORITHMS)}")
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("skipped: rouge-score is not installed (pip install -e '.[bench]')")
        print("RESULT " + json.dumps({"skipped": "rouge-score not installed"}))
        return 0

    loaded = {}
    for summary_set in SETS:
        path = args.data / "dev" / "summ" / summary_set.file
        if not path.exists():
            print(f"skipped {summary_set.label}: {path} not found")
            continue
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if args.quick:
            records = records[:: max(1, len(records) // 24)][:24]
        loaded[summary_set] = records
    if not loaded:
        print("RESULT " + json.dumps({"skipped": "no summary data found"}))
        return 0

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)
    seconds: dict[str, float] = defaultdict(float)
    summaries = 0
    tallies = {}
    for summary_set, records in loaded.items():
        tallies[summary_set] = run_set(summary_set, records, algorithms, scorer, seconds)
        summaries += len(records) * len(summary_set.lengths)
        print_set(summary_set, tallies[summary_set], algorithms)

    print(f"\nCPU seconds per 100 summaries: " + "  ".join(f"{a} {100 * seconds[a] / summaries:.2f}" for a in algorithms))
    result: dict = {"quick": args.quick, "group": "check"}
    for summary_set, tally in tallies.items():
        entry: dict = {"articles": tally.counts["all"], "check_articles": tally.counts["check"]}
        for algorithm in algorithms:
            entry[algorithm] = figures(summary_set, tally, algorithm, "check")
        if "news" in algorithms:
            for rival in algorithms:
                if rival != "news":
                    entry[f"news_above_{rival}"] = beats(summary_set, tally, rival, "check", strictly=True)
                    entry[f"news_at_least_{rival}"] = beats(summary_set, tally, rival, "check", strictly=False)
        result[summary_set.name] = entry
    result["cpu_s_per_100_summaries"] = {a: round(100 * seconds[a] / summaries, 2) for a in algorithms}
    print("RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
