"""Benchmark the daily digest's story grouping across languages: pair recall and precision, no model.

Every dev document of `dev/parallel/ru-en.jsonl` and `uk-en.jsonl` becomes two pages in one folder:
its source (one line per source sentence, as a page dump) and its human English reference (the
same). The pair (source, reference) is the one true merge; any other merge is a false one.
A repost is added too: one document's source again under another name, which must join its pair.

Measured with no translation model (a user's first run). Figures per half of
`../shared/tools/halves.py` (key `doc`; the weights were tuned on "tune", "check" is the report),
per language and per domain (news against the rest). Also: the CPU time of `story_groups` on
500 articles (also with pymorphy3's caches cold) beside the CPU time of digesting them, the same
grouping as a day's run meets it (a fresh process that has just digested the 500: every table
and list is read for the first time), and how many pages whose first line reads as a headline
came out without a title.

A merge counts against every group either of its pages belongs to (a check page wrongly merged
with a tune page is a check error). Documents whose source or reference is word for word another's
are one story. A second grouping leaves out the references of every other document: a source
left alone then merged with anything is a false merge, as on a real day where most articles have
no translation beside them. `--tune` searches the thresholds on the tune half. Upper bounds on
the check half say how far these clues could go: the share of (source, reference) pairs sharing
any clue at all, and the share whose reference is the source's best match across languages.

Digests are cached (pickle in the temp dir, keyed by the content of every page and the code of
the stages before grouping), so iterating on the grouping costs seconds, not the digest time.

    python bench/stories.py [--quick] [--data DIR] [--no-cache] [--tune] [--show N]

The last line is `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

from polyglot_news import pipeline  # noqa: E402
from polyglot_news.config import Settings  # noqa: E402
from polyglot_news.daily.cldr_words import english_cldr_word  # noqa: E402
from polyglot_news.daily.glosses import _parts_of_speech, _reached, english_key, glosses  # noqa: E402
from polyglot_news.text import morph  # noqa: E402
from polyglot_news.daily.stories import _language_rarity, _word_clues, explain, loose, skeleton, story_groups  # noqa: E402


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def load_pages(data: Path, quick: bool) -> list[dict]:
    """One entry per page: name, text, doc, lang, domain, half, side (src/ref)."""
    sys.path.insert(0, str(data.parent / "tools"))
    from halves import half  # the one shared split

    pages = []
    for lang in ("ru", "uk"):
        rows = [json.loads(line) for line in (data / "dev" / "parallel" / f"{lang}-en.jsonl").open(encoding="utf-8")]
        if quick:  # every news document, and a slice of the rest, so both groups are measured
            rows = [r for r in rows if r["domain"] == "news"][:30] + [r for r in rows if r["domain"] != "news"][:60]
        for r in rows:
            common = {"doc": r["doc"], "lang": lang, "domain": "news" if r["domain"] == "news" else "other", "half": half(r["doc"])}
            pages.append({**common, "name": f"{r['doc']}.src.txt", "text": "\n".join(r["source"]) + "\n", "side": "src"})
            pages.append({**common, "name": f"{r['doc']}.ref.txt", "text": "\n".join(r["english"]) + "\n", "side": "ref"})
    # documents whose source (or reference) is word for word another's are one story told twice
    parent: dict[str, str] = {}

    def root(doc: str) -> str:
        while parent.get(doc, doc) != doc:
            doc = parent[doc]
        return doc

    seen: dict[tuple[str, str], str] = {}
    for p in pages:
        key = (p["side"], " ".join(p["text"].split()).casefold())
        other = seen.setdefault(key, p["doc"])
        a, b = root(other), root(p["doc"])
        if a != b:
            parent[b] = a
    for p in pages:
        p["story"] = root(p["doc"])
    # the repost: a news document's source again, under a name of its own
    first_news = next(p for p in pages if p["domain"] == "news" and p["side"] == "src")
    pages.append({**first_news, "name": "reposted/" + first_news["name"].replace(".src", "-copy"), "side": "repost"})
    return pages


def _code_key() -> str:
    """A hash of the code that makes a digest, so a stage change invalidates the cache."""
    h = hashlib.sha1()
    for p in sorted((REPO / "polyglot_news").rglob("*.py")):
        if "daily" not in p.parts and "render" not in p.parts and "cli" not in p.parts and p.name != "model.py":
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def digests_for(pages: list[dict], use_cache: bool) -> tuple[list, float, bool]:
    """The digests of every page (cached), the CPU seconds digesting took, and whether the cache served."""
    h = hashlib.sha1(_code_key().encode())
    for p in pages:
        h.update(p["name"].encode() + b"\0" + p["text"].encode() + b"\0")
    cache = Path(tempfile.gettempdir()) / f"polyglot-bench-stories-{h.hexdigest()[:16]}.pickle"
    if use_cache and cache.exists():
        with cache.open("rb") as fh:
            digests, cpu = pickle.load(fh)
        return digests, cpu, True
    settings = Settings(translate=False, use_cache=False)
    glossary = pipeline.load_context(settings)
    t = _cpu()
    digests = pipeline.digest_many([p["text"].encode("utf-8") for p in pages], settings, glossary, names=[p["name"] for p in pages])
    cpu = _cpu() - t
    with cache.open("wb") as fh:
        pickle.dump((digests, cpu), fh)
    return digests, cpu, False


def pair_scores(pages: list[dict], groups: list[list[int]], select) -> dict:
    """Pair precision and recall over the pages `select` keeps (a predicted pair counts when either end is kept)."""
    true, pred = set(), set()
    by_doc: dict[str, list[int]] = {}
    for i, p in enumerate(pages):
        if select(p):
            by_doc.setdefault(p["story"], []).append(i)
    for members in by_doc.values():
        true.update(combinations(sorted(members), 2))
    keep = {i for i, p in enumerate(pages) if select(p)}
    for g in groups:
        # a merge counts where either end is kept: a check page wrongly merged with a tune page is a check error
        pred.update(pair for pair in combinations(sorted(g), 2) if pair[0] in keep or pair[1] in keep)
    hit = len(true & pred)
    return {"pairs": len(true), "merged": len(pred), "right": hit,
            "recall": round(hit / len(true), 3) if true else None,
            "precision": round(hit / len(pred), 3) if pred else None}


def lone_sources(pages: list[dict]) -> tuple[list[int], set[int]]:
    """The folder less the references of every other document, and the sources so left with no partner.

    Most articles of a real day have no translation beside them: any merge of a source left
    alone is a false one, which the pair scores of the full folder cannot show.
    """
    dropped = {p["doc"] for k, p in enumerate(pages) if p["side"] == "src" and k % 4 == 0}
    kept = [k for k, p in enumerate(pages) if not (p["side"] == "ref" and p["doc"] in dropped)]
    told = Counter(pages[k]["story"] for k in kept)
    return kept, {k for k in kept if pages[k]["doc"] in dropped and told[pages[k]["story"]] == 1}


def lone_merged(groups: list[list[int]], kept: list[int], alone: set[int]) -> int:
    """How many of the lone sources `alone` a grouping of the pages `kept` merged with something."""
    return sum(1 for g in groups if len(g) > 1 for x in g if kept[x] in alone)


# the objective a threshold change must meet, declared before the search: the highest tune recall with tune
# precision at least this and no more of the tune half's lone sources merged than main merged (3 of 284)
OBJECTIVE_PRECISION, OBJECTIVE_LONE = 0.985, 3


def _setting_line(result: tuple) -> str:
    """One line of `--tune`'s tables: a setting's tune figures and its thresholds."""
    precision, recall, lone, thresholds, margin, mutual, current = result
    return (f"  {'current: ' if current else ''}recall {recall} precision {precision} lone merged {lone}: THRESHOLDS={thresholds} "
            f"MUTUAL_MARGIN={margin} MUTUAL_STRONG, _STRONG_MARGIN, _ONE_WORD, _TAKEN={mutual}")


def tune(pages: list[dict], digests: list) -> None:
    """Search the decision's thresholds on the tune half: the highest recall with precision at least 0.98,
    and the best under the declared objective (`OBJECTIVE_PRECISION`, `OBJECTIVE_LONE`).

    The day's clues and shared weights are gathered once; each setting then links and decides
    again through the real rules (`best_matches`, `Evidence.same_story`) and groups them. Beside
    each, the tune half's lone sources merged (`lone_sources`), which pair precision misses.
    """
    from itertools import product

    from polyglot_news.daily import stories as S

    names = ("THRESHOLDS", "MUTUAL_MARGIN", "MUTUAL_STRONG", "MUTUAL_STRONG_MARGIN", "MUTUAL_ONE_WORD", "MUTUAL_TAKEN")
    saved = {k: getattr(S, k) for k in names}
    day = S._Day(digests)
    pairs = S._shared_weights(day)
    kept, alone = lone_sources(pages)
    alone = {k for k in alone if pages[k]["half"] == "tune"}
    lone_day = S._Day([digests[k] for k in kept])
    lone_pairs = S._shared_weights(lone_day)
    in_tune = lambda p: p["half"] == "tune"  # noqa: E731
    results = []
    try:
        for aw, ashare, margin, (strong, strong_margin), one_word, taken in product(
                (5.0, 10.0), (0.25, 0.3), (1.2, 1.3, 1.4, 1.5, 1.6), ((8.0, 1.05), (math.inf, 1.0)), (3.5, math.inf), (1.0, 1.1, math.inf)):
            S.THRESHOLDS = {"across": (aw, ashare), "within": saved["THRESHOLDS"]["within"]}
            S.MUTUAL_MARGIN, S.MUTUAL_STRONG, S.MUTUAL_STRONG_MARGIN = margin, strong, strong_margin
            S.MUTUAL_ONE_WORD, S.MUTUAL_TAKEN = one_word, taken
            links = [link for link in S.day_candidates(day, pairs) if link[2].same_story]
            sc = pair_scores(pages, S.group_links(len(digests), links), in_tune)
            lone_links = [link for link in S.day_candidates(lone_day, lone_pairs) if link[2].same_story]
            lone = lone_merged(S.group_links(len(kept), lone_links), kept, alone)
            current = all(getattr(S, k) == v for k, v in saved.items())
            results.append((sc["precision"] or 0.0, sc["recall"] or 0.0, lone, dict(S.THRESHOLDS), margin,
                            (strong, strong_margin, one_word, taken), current))
    finally:
        for k, v in saved.items():
            setattr(S, k, v)
    ok = sorted((r for r in results if r[0] >= 0.98), key=lambda r: (-r[1], -r[0], r[2]))
    print(f"tune half, {len(results)} settings; best with precision >= 0.98, and the current one "
          f"(lone sources merged: of the tune half's {len(alone)} whose reference was left out):")
    for r in ok[:5] + [r for r in results if r[-1]]:
        print(_setting_line(r))
    if not ok:
        print("  none")
    goal = sorted((r for r in results if r[0] >= OBJECTIVE_PRECISION and r[2] <= OBJECTIVE_LONE),
                  key=lambda r: (-r[1], -r[0], r[2], not r[-1]))
    print(f"best under the declared objective (precision >= {OBJECTIVE_PRECISION}, lone merged <= {OBJECTIVE_LONE}):")
    for r in goal[:3]:
        print(_setting_line(r))
    if not goal:
        print("  none")


def upper_bounds(pages: list[dict], digests: list) -> list[dict]:
    """For each language and domain of the check half: the share of (source, reference) pairs with any signal.

    "any clue": the pair shares at least one clue of positive weight (name, number, word, stem,
    gloss, emoji): without one no offline rule can merge it. "best match": the reference is the
    source's best-scoring partner across languages among the whole folder (the score best
    matches rank by), the most that competitive linking on these clues could reach.
    """
    from polyglot_news.daily import stories as S

    day = S._Day(digests)
    pairs = S._shared_weights(day)
    best: dict[int, tuple[float, int]] = {}
    for score, i, j, _, _ in pairs.ranked_across(day):
        for a, b in ((i, j), (j, i)):
            if a not in best:  # ranked best first: the first seen is the best
                best[a] = (score, b)
    ref_of = {p["doc"]: k for k, p in enumerate(pages) if p["side"] == "ref"}
    counts: dict[tuple[str, str], Counter] = {}
    for k, p in enumerate(pages):
        if p["side"] != "src" or p["half"] != "check":
            continue
        r = ref_of[p["doc"]]
        ev = day.evidence(min(k, r), max(k, r))
        for key in ((p["lang"], p["domain"]), (p["lang"], "all"), ("all", "all")):
            c = counts.setdefault(key, Counter())
            c["pairs"] += 1
            c["any"] += ev.glossed_weight > 0
            c["best"] += best.get(k, (0, None))[1] == r
    return [{"lang": lang, "domain": domain, "pairs": c["pairs"], "any_clue": round(c["any"] / c["pairs"], 3),
             "best_match": round(c["best"] / c["pairs"], 3)} for (lang, domain), c in sorted(counts.items())]


def _has_headline(page: dict) -> bool:
    """WMT news documents open with their headline; the other domains (chats, adverts) have none."""
    return page["domain"] == "news" and page["side"] != "repost"


def first_grouping(data: Path, quick: bool, n: int) -> tuple[float, float]:
    """CPU seconds of digesting the first `n` pages in a fresh process, then of `story_groups` on them, as `daily` runs."""
    code = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import bench.stories as B
from polyglot_news.daily.stories import story_groups
from polyglot_news.pipeline import fewer_collections
pages = B.load_pages(Path(sys.argv[2]), sys.argv[4] == "quick")[: int(sys.argv[3])]
with fewer_collections():  # as the daily command runs both
    digests, cpu, _ = B.digests_for(pages, False)
    t = B._cpu()
    story_groups(digests)
    print(json.dumps([cpu, B._cpu() - t]))
"""
    done = subprocess.run([sys.executable, "-c", code, str(REPO), str(data), str(n), "quick" if quick else "all"], capture_output=True, text=True, check=True)
    digest_cpu, group_cpu = json.loads(done.stdout.strip().splitlines()[-1])
    return digest_cpu, group_cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a subset (every news doc up to 30 per language, 60 others): under a minute")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    ap.add_argument("--no-cache", action="store_true", help="digest again even when cached digests exist")
    ap.add_argument("--tune", action="store_true", help="search the thresholds on the tune half (a minute or two) and print the best")
    ap.add_argument("--show", type=int, default=0, help="print up to N wrong and N missed merges with their explanation")
    args = ap.parse_args()

    pages = load_pages(args.data, args.quick)
    digests, _, cached = digests_for(pages, not args.no_cache)
    if args.tune:
        tune(pages, digests)
    t = _cpu()
    groups = story_groups(digests)
    group_cpu = _cpu() - t

    rows = []
    for half_name in ("tune", "check", "all"):
        for lang in ("ru", "uk", "all"):
            for domain in ("news", "other", "all"):
                def select(p, h=half_name, lg=lang, d=domain):
                    return (h == "all" or p["half"] == h) and (lg == "all" or p["lang"] == lg) and (d == "all" or p["domain"] == d)
                s = pair_scores(pages, groups, select)
                if s["pairs"]:
                    rows.append({"half": half_name, "lang": lang, "domain": domain, **s})
    print(f"{len(pages)} pages, {len(groups)} stories; digests {'from cache' if cached else 'made now'}")
    print(f"{'half':6} {'lang':4} {'domain':6} {'pairs':>6} {'merged':>7} {'right':>6} {'recall':>7} {'precision':>9}")
    for r in rows:
        print(f"{r['half']:6} {r['lang']:4} {r['domain']:6} {r['pairs']:6} {r['merged']:7} {r['right']:6} {str(r['recall']):>7} {str(r['precision']):>9}")

    repost = next(i for i, p in enumerate(pages) if p["side"] == "repost")
    original = next(i for i, p in enumerate(pages) if p["doc"] == pages[repost]["doc"] and p["side"] == "src")
    repost_merged = any(repost in g and original in g for g in groups)

    # grouping time on 500 articles (the first 500 pages), beside what digesting 500 costs
    n = min(500, len(digests))
    reps = 3
    daily_caches = (skeleton, loose, _language_rarity, _word_clues, english_cldr_word, glosses, _reached, _parts_of_speech, english_key)
    times, times_cold = [], []
    for cold, out in ((False, times), (True, times_cold)):
        for _ in range(reps):
            # cold caches: a day's run starts with none; pymorphy3's readings are warm from digesting (in the same
            # process on a real day) unless `cold`, where every word's readings are looked up again
            for cached_fn in daily_caches + ((morph.parses, morph.in_dictionary) if cold else ()):
                cached_fn.cache_clear()
            t = _cpu()
            story_groups(digests[:n])
            out.append(_cpu() - t)
    group500 = sum(times) / reps
    group500_least = min(times)  # the least of the runs: the one other processes on the machine slowed least
    group500_cold = sum(times_cold) / reps
    digest500, group500_first = first_grouping(args.data, args.quick, n)  # the digest time of these 500, not a share of the folder's

    # sources whose reference is not in the folder, as most articles of a real day have no translation beside them:
    # the references of every other document are left out, and any merge of a source left alone is a false one
    kept, alone = lone_sources(pages)
    orphans_merged = lone_merged(story_groups([digests[k] for k in kept]), kept, alone)

    untitled = [p["name"] for p, d in zip(pages, digests) if not d.title and _has_headline(p)]
    headline_pages = sum(1 for p in pages if _has_headline(p))
    from_first_line = sum(1 for p, d in zip(pages, digests) if _has_headline(p) and not any(s.kind == "title" for s in d.article.segments) and d.title)
    print(f"repost merged with its original: {repost_merged}")
    print(f"sources whose reference was left out, merged with something all the same: {orphans_merged} of {len(alone)}")
    print(f"grouping {n} articles: {group500:.3f} s CPU (mean of {reps}, least {group500_least:.3f}, load average "
          f"{os.getloadavg()[0]:.1f}); {group500_cold:.3f} s with pymorphy3's readings looked up again; "
          f"{group500_first:.3f} s as a day's first grouping (a fresh process, just after digesting them); "
          f"digesting them: {digest500:.1f} s CPU")
    print(f"news pages (first line a headline) without a title: {len(untitled)} of {headline_pages}; titled by the first-line fallback: {from_first_line}"
          + (f"; e.g. {untitled[:3]}" if untitled else ""))

    bounds = upper_bounds(pages, digests)
    print("upper bounds, check half (source, reference) pairs: share sharing any clue / reference the source's best match")
    for b in bounds:
        print(f"  {b['lang']:4} {b['domain']:6} {b['pairs']:5} pairs: any clue {b['any_clue']}, best match {b['best_match']}")

    if args.show:
        from polyglot_news.daily.stories import _Day

        day = _Day(digests)  # once: the rarity of every clue in the whole folder
        where = {i: k for k, g in enumerate(groups) for i in g}
        wrong = [(i, j) for g in groups for i, j in combinations(g, 2) if pages[i]["story"] != pages[j]["story"]]
        by_doc: dict[str, list[int]] = {}
        for i, p in enumerate(pages):
            by_doc.setdefault(p["story"], []).append(i)
        missed = [(i, j) for members in by_doc.values() for i, j in combinations(members, 2) if where[i] != where[j]]
        for label, pairs in (("WRONG", wrong), ("MISSED", missed)):
            for i, j in pairs[: args.show]:
                print(f"{label} {pages[i]['name']} ~ {pages[j]['name']}: {day.evidence(i, j)}")

    check = next(r for r in rows if r["half"] == "check" and r["lang"] == "all" and r["domain"] == "all")
    result = {"pages": len(pages), "stories": len(groups), "quick": args.quick,
              "check_recall": check["recall"], "check_precision": check["precision"],
              "rows": rows, "repost_merged": repost_merged, "orphans_merged": orphans_merged, "orphans": len(alone), "group_500_cpu_s": round(group500, 4), "group_500_least_cpu_s": round(group500_least, 4),
              "group_500_morph_cold_cpu_s": round(group500_cold, 4), "group_500_first_cpu_s": round(group500_first, 4),
              "digest_500_cpu_s": round(digest500, 1), "untitled_headline_pages": len(untitled), "headline_pages": headline_pages, "titled_by_first_line": from_first_line,
              "upper_bounds": bounds}
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
