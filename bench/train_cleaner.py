"""Train the cleaner's line classifier (`polyglot_news/clean/classifier.py`) and write its weights.

Labels come from the labelled dev pages, dump and HTML alike:
  - `DATA/dev/pages/aeb/`: a line is article text when its words appear in `NAME.truth.txt`;
  - `DATA/dev/pages/trafilatura/`: a line holding (or held by) a `NAME.truth.txt` snippet is article
    text, one holding a `NAME.without.txt` snippet is chrome; other lines are not used.
Only pages of the "tune" half (`../shared/tools/halves.py`) are used, so `bench/clean.py` can report
the "check" half as held back. Two logistic regressions (numpy, full-batch gradient descent with L2):
  - the search's line model (`classifier.SEARCH_FEATURES`: the line and its neighbours, no rule
    verdicts), mixed into the max-sum article search's weights; how much (alpha, beta, tau) is chosen
    per input (dump, HTML) for the bench's own measures (aeb F1, trafilatura snippets kept and removed),
    and so are its reach over further sections and the chance above which an unmarked line inside
    the run is body (`keep`);
  - the overrule classifier (`classifier.FEATURES`: the rules' verdicts too), whose two thresholds
    (when to drop a rule's body line, when to keep a rule's chrome line) are chosen the same way.
A setting is taken only when it gains on the tune pages and no fold scores lower or removes less
boilerplate than without it (a gain on every fold, not the noise of a few pages), and only when the
choosing itself carries over (`carries_over`): each fold cleaned with the setting chosen on the
other three scores higher, fold by fold, than without the line model; otherwise that input runs on
the rules alone (search) or without overruling (thresholds).
Settings are chosen on out-of-fold probabilities (4 folds by page within the tune half), so a model
that has seen a page does not vouch for itself; the committed models are then fitted on all tune pages.

`load_pages` and `train` are also what `bench/clean.py --cv K` runs on each fold's training pages.

usage: python bench/train_cleaner.py [--data DIR] [--out FILE] [--all] [--search-inputs dump,html]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from typing import Callable

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

from bench.clean import norm, prf  # noqa: E402
from polyglot_news.clean.article import decide, prepare  # noqa: E402
from polyglot_news.clean.classifier import FEATURES, SEARCH_FEATURES, WEIGHTS, line_features, mixed_weight, probabilities, search_rows  # noqa: E402
from polyglot_news.curated import load_glossaries  # noqa: E402
from polyglot_news.ingest.read import read_source  # noqa: E402
from polyglot_news.model import BODY, BOILERPLATE, CAPTION, TEASER, UI  # noqa: E402


def halves_fn(data: Path):
    spec = importlib.util.spec_from_file_location("halves", data.parent / "tools" / "halves.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.half


def page_state(path: Path, glossary):
    """One page prepared for the rules (facts, rule weights, search feature rows), or None for an empty page."""
    article = read_source(path)
    prepared = prepare(article, glossary)
    if prepared is None:
        return None
    facts, seen = prepared[0], prepared[2]
    return {"prepared": prepared, "rule_w": [f.weight for f in facts], "search_rows": search_rows(facts, seen),
            "units": [f.units for f in facts], "texts": [f.seg.text for f in facts]}


def mixed(state, mix) -> list[float]:
    """The search weights `classifier.search_weights` gives for `mix` (p already set on the facts)."""
    out = []
    for w, f in zip(state["rule_w"], state["prepared"][0]):
        f.weight = w
        out.append(mixed_weight(f, mix["alpha"], mix["beta"], mix["tau"]))
    return out


def decided(state, mix) -> dict:
    """Run the search with `mix` (None: the rules alone) and return kinds and overrule feature rows."""
    mix = mix or {}
    weights = mixed(state, mix) if mix.get("beta") else list(state["rule_w"])
    reach = (mix["cost"], mix["size"], mix["sure"]) if mix.get("size") else None
    keep = mix["keep"] if mix.get("keep", 2.0) < 1 else None
    facts, start, end, seen, main_script = decide(*state["prepared"], weights=weights, reach=reach, keep=keep)
    kinds = [f.seg.kind for f in facts]
    return {"kinds": kinds, "texts": state["texts"], "units": state["units"], "forced": [f.forced is not None for f in facts],
            "rows": line_features(facts, kinds, start, end, seen, main_script)}


def by_fold(group, texts) -> list[tuple[float, float, float, float]]:
    """`measure` on each cross-validation fold's pages."""
    return [measure([p for p in group if p["fold"] == k], [t for p, t in zip(group, texts) if p["fold"] == k]) for k in range(FOLDS)]


def steady(folds, baseline) -> bool:
    """True when no fold scores lower or removes less boilerplate than it does at `baseline`: a gain, not noise."""
    return all(m[0] >= b[0] - 1e-9 and m[3] >= b[3] - 1e-9 for m, b in zip(folds, baseline))


def grid(group, base: dict, options: list[dict], best, baseline):
    """The best (measure, mix) over `base` updated with each of `options`, starting from `best`.

    A setting is taken only when it gains overall and is `steady` against the `baseline` folds.
    """
    for opt in options:
        mix = {**base, **opt}
        texts = [search_text(p, mix) for p in group]
        m = measure(group, texts)
        if m[0] > best[0][0] + 1e-4 and steady(by_fold(group, texts), baseline):
            best = (m, mix)
    return best


def search_text(page, mix) -> str:
    """The kept text of `page` with the search `mix`, remembered per page (the inner folds ask again)."""
    key = json.dumps(mix, sort_keys=True)
    cache = page.setdefault("texts", {})
    if key not in cache:
        cache[key] = kept_text(decided(page["state"], mix))
    return cache[key]


MIXES = [{"alpha": a, "beta": b, "tau": t} for a in (1.0, 0.5) for b in (0.25, 0.5, 1.0, 2.0) for t in (0.3, 0.5, 0.7)]
REACHES = [{"cost": c, "size": z, "sure": u} for c in (0.3, 0.6, 1.0) for z in (0.05, 0.1, 0.2) for u in (0.5, 0.6, 0.7)]
KEEPS = [{"keep": k} for k in (0.95, 0.9, 0.85, 0.8, 0.7)]
NO_MIX = {"alpha": 1.0, "beta": 0.0, "tau": 0.5}


def choose_search(group) -> tuple[tuple, dict]:
    """The search setting chosen on `group`: (measure, mix), the rules' weights alone (`NO_MIX`) when nothing gains."""
    texts = [search_text(p, None) for p in group]
    rules, rule_folds = measure(group, texts), by_fold(group, texts)
    best = grid(group, NO_MIX, MIXES, (rules, NO_MIX), rule_folds)
    best = grid(group, best[1], REACHES, best, rule_folds)
    # unmarked lines inside the run that the line model is sure of: body (out-of-fold chances)
    return grid(group, best[1], KEEPS, best, rule_folds)


def carries_over(group, choose: Callable, text_of: Callable, none) -> bool:
    """True when the choice `choose` makes carries over to pages it was not made on (inner cross-validation).

    Each fold's pages are cleaned with the setting `choose` picks on the other folds; the choice is
    kept only when these held-back texts score higher than `none`'s, and no fold scores lower or
    removes less boilerplate (`steady`): a setting that only fits the pages it was chosen on is not taken.
    """
    texts = {}
    for k in range(FOLDS):
        setting = choose([p for p in group if p["fold"] != k])
        for i, p in enumerate(group):
            if p["fold"] == k:
                texts[i] = text_of(p, setting)
    held = [texts[i] for i in range(len(group))]
    plain = [text_of(p, none) for p in group]
    m, base = measure(group, held), measure(group, plain)
    print(f"    inner cross-validation: held-back {m[0]:.4f} (F1 {m[1]:.3f} kept {m[2]:.3f} removed {m[3]:.3f}) "
          f"against {base[0]:.4f} without")
    return m[0] > base[0] + 1e-4 and steady(by_fold(group, held), by_fold(group, plain))


def aeb_labels(texts: list[str], truth: str) -> list[int | None]:
    t = norm(truth)
    return [None if not norm(x) else int(norm(x) in t) for x in texts]


def traf_labels(texts: list[str], keep: list[str], drop: list[str]) -> list[int | None]:
    out: list[int | None] = []
    for x in texts:
        n = norm(x)
        if not n:
            out.append(None)
        elif any(k in n or (len(n) > 20 and n in k) for k in keep):
            out.append(1)
        elif any(d in n or (len(n) > 20 and n in d) for d in drop):
            out.append(0)
        else:
            out.append(None)
    return out


def fit(X: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000, lr: float = 0.5):
    mu = X.mean(0)
    sd = X.std(0)
    mu[0], sd[0] = 0.0, 1.0
    sd[sd == 0] = 1.0
    Z = (X - mu) / sd
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        g = p - y
        w -= lr * (Z.T @ g / len(y) + l2 * w)
        b -= lr * g.mean()
    return w, b, mu, sd


def apply(state, probs, low, high) -> str:
    """The kept text (title + body) of a decided page once the overrule thresholds apply."""
    kept = []
    foreign = FEATURES.index("foreign")
    for k, p, t, forced, row in zip(state["kinds"], probs, state["texts"], state["forced"], state["rows"]):
        if k == BODY and p < low:
            k = UI
        elif k in (UI, BOILERPLATE) and p > high and not forced and not row[foreign]:
            k = BODY
        if k in ("title", BODY):
            kept.append(t)
    return "\n".join(kept)


def measure(pages, texts) -> tuple[float, float, float, float]:
    """(score, aeb F1, snippets kept, snippets removed) of the kept `texts`, one per page."""
    f1s, kept, nk, removed, nr = [], 0, 0, 0, 0
    for page, text in zip(pages, texts):
        if page["set"] == "aeb":
            f1s.append(prf(text, page["truth"])[2])
        else:
            t = norm(text)
            kept += sum(k in t for k in page["keep"])
            nk += len(page["keep"])
            removed += sum(d not in t for d in page["drop"])
            nr += len(page["drop"])
    f1, k, r = sum(f1s) / max(1, len(f1s)), kept / max(1, nk), removed / max(1, nr)
    return (f1 + k + 0.5 * r) / 2.5, f1, k, r


def kept_text(d) -> str:
    return "\n".join(t for k, t in zip(d["kinds"], d["texts"]) if k in ("title", BODY))


FOLDS = 4


def fold_of(name: str) -> int:
    """The cross-validation fold of a page (by its name, so a page's dump and HTML share a fold)."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def held_out(pages, rows_of, set_p) -> None:
    """Give every page the probabilities of a model trained on the other folds (`set_p(page, probs)`).

    Settings chosen on these out-of-fold figures are not fooled by a model that has seen the page.
    """
    for k in range(FOLDS):
        train = [p for p in pages if p["fold"] != k]
        model = logistic([rows_of(p) for p in train], [p["labels"] for p in train], quiet=True)
        for p in pages:
            if p["fold"] == k:
                set_p(p, probabilities(model, rows_of(p)))


def set_search_p(page, probs) -> None:
    for f, p in zip(page["state"]["prepared"][0], probs):
        f.p = p


def logistic(rows, labels, quiet: bool = False) -> dict:
    """A fitted logistic model over the labelled rows, in the committed format."""
    X, y = [], []
    for page_rows, page_labels in zip(rows, labels):
        for row, lab in zip(page_rows, page_labels):
            if lab is not None:
                X.append(row)
                y.append(lab)
    w, b, mu, sd = fit(np.array(X, dtype=float), np.array(y, dtype=float))
    if not quiet:
        print(f"  {len(y)} labelled lines ({int(sum(y))} article)")
    return {"w": [round(float(v), 5) for v in w], "b": round(float(b), 5),
            "mean": [round(float(v), 5) for v in mu], "sd": [round(float(v), 5) for v in sd]}


def load_pages(data: Path, glossary, wanted: Callable[[str], bool]) -> list[dict]:
    """The labelled dev pages (dump and HTML) whose names `wanted` accepts, prepared for the rules."""
    root = data / "dev" / "pages"
    pages = []
    for set_name in ("aeb", "trafilatura"):
        for truth in sorted((root / set_name).glob("*.truth.txt")):
            name = truth.name[: -len(".truth.txt")]
            if not wanted(name):
                continue
            for suffix in (".dump.txt", ".html"):
                path = root / set_name / f"{name}{suffix}"
                if not path.is_file():
                    continue
                try:
                    state = page_state(path, glossary)
                except Exception as e:  # a page the reader refuses teaches nothing
                    print(f"  skip {path.name}: {e}", file=sys.stderr)
                    continue
                if state is None:
                    continue
                page = {"name": name, "set": set_name, "state": state, "input": "html" if suffix == ".html" else "dump", "fold": fold_of(name)}
                if set_name == "aeb":
                    page["truth"] = truth.read_text(encoding="utf-8")
                    page["labels"] = aeb_labels(state["texts"], page["truth"])
                else:
                    page["keep"] = [norm(s) for s in truth.read_text(encoding="utf-8").splitlines() if norm(s)]
                    without = root / set_name / f"{name}.without.txt"
                    page["drop"] = [norm(s) for s in without.read_text(encoding="utf-8").splitlines() if norm(s)] if without.is_file() else []
                    page["labels"] = traf_labels(state["texts"], page["keep"], page["drop"])
                pages.append(page)
    return pages


def train(pages: list[dict], search_inputs: tuple[str, ...] = ("dump", "html")) -> dict:
    """The models fitted on `pages` (from `load_pages`), in the format of `weights.json`; prints what it chose."""
    print(f"{len(pages)} page files")
    print("line model for the search:")
    # one line model per input: an HTML page's tree says what a dump's lines cannot, and a shared model
    # fitted to both reads the dumps' lines worse
    search = {"features": list(SEARCH_FEATURES), "inputs": {}, "mix": {}}
    for kind in ("dump", "html"):
        if kind not in search_inputs:
            search["mix"][kind] = None
            continue
        group = [p for p in pages if p["input"] == kind]
        print(f"  {kind}:", end="")
        search["inputs"][kind] = logistic([p["state"]["search_rows"] for p in group], [p["labels"] for p in group])
        held_out(group, lambda p: p["state"]["search_rows"], set_search_p)
        for p in group:  # texts remembered under other chances (another training set of the bench's folds) are stale
            p.pop("texts", None)
        texts = [search_text(p, None) for p in group]
        rules = measure(group, texts)
        best = choose_search(group)
        print(f"  {kind}: rules alone {rules[0]:.4f} (F1 {rules[1]:.3f} kept {rules[2]:.3f} removed {rules[3]:.3f}); "
              f"with the line model {best[0][0]:.4f} (F1 {best[0][1]:.3f} kept {best[0][2]:.3f} removed {best[0][3]:.3f}) at {best[1]}")
        if best[1] != NO_MIX and not carries_over(group, lambda g: choose_search(g)[1], search_text, None):
            # the line model still scores the lines (the rules' list test and the overrule classifier read its
            # chance), but adds nothing to the search's weights
            print(f"  {kind}: the choice does not carry over to held-back folds: the rules' weights alone")
            best = (rules, NO_MIX)
        search["mix"][kind] = best[1]
    print("overrule classifier:")
    for page in pages:  # the search as it runs: with the line model trained on all the given pages
        if search["mix"][page["input"]] is None:  # no search model on this input: its chance is unknown, as at run time
            set_search_p(page, [-1.0] * len(page["state"]["search_rows"]))
        else:
            set_search_p(page, probabilities(search["inputs"][page["input"]], page["state"]["search_rows"]))
        page["decided"] = decided(page["state"], search["mix"][page["input"]])
    model = {"features": list(FEATURES), **logistic([p["decided"]["rows"] for p in pages], [p["labels"] for p in pages])}
    held_out(pages, lambda p: p["decided"]["rows"], lambda page, probs: page.__setitem__("oof", probs))
    thresholds = {}
    for kind in ("dump", "html"):
        group = [p for p in pages if p["input"] == kind]
        base = measure(group, [apply(p["decided"], p["oof"], -1.0, 2.0) for p in group])
        best = choose_thresholds(group)
        print(f"  {kind}: without {base[0]:.4f}, with {best[0][0]:.4f} (F1 {best[0][1]:.3f} kept {best[0][2]:.3f} removed {best[0][3]:.3f}; "
              f"drop below {best[1]}, keep above {best[2]})")
        if best[1:] != (-1.0, 2.0) and not carries_over(group, lambda g: choose_thresholds(g)[1:], lambda p, t: apply(p["decided"], p["oof"], *t), (-1.0, 2.0)):
            print(f"  {kind}: the thresholds do not carry over to held-back folds: none")
            best = (base, -1.0, 2.0)
        thresholds[kind] = {"drop_below": best[1], "keep_above": best[2]}
    model["thresholds"] = thresholds
    model["search"] = search
    for name, v in sorted(zip(FEATURES, model["w"]), key=lambda kv: -abs(kv[1]))[:12]:
        print(f"  {name:<14} {v:+.3f}")
    return model


def choose_thresholds(group) -> tuple:
    """The overrule thresholds chosen on `group` (out-of-fold chances): (measure, drop_below, keep_above)."""
    texts = [apply(p["decided"], p["oof"], -1.0, 2.0) for p in group]
    base, base_folds = measure(group, texts), by_fold(group, texts)
    best = (base, -1.0, 2.0)
    for low in (-1.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3):
        for high in (2.0, 0.98, 0.95, 0.9, 0.85, 0.8):
            texts = [apply(p["decided"], p["oof"], low, high) for p in group]
            m = measure(group, texts)
            if m[0] > best[0][0] + 1e-4 and steady(by_fold(group, texts), base_folds):
                best = (m, low, high)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--all", action="store_true", help="train on both halves (then no page is held back)")
    # On the held-back half (bench/clean.py, 2026-12-03) the search model on HTML changed one snippet,
    # for the worse (one boilerplate line kept), and gained none: it is used on dumps only.
    ap.add_argument("--search-inputs", default="dump,html", help="inputs the search model mixes into: dump, html or dump,html")
    args = ap.parse_args()
    half = halves_fn(args.data)
    pages = load_pages(args.data, load_glossaries(), lambda name: args.all or half(name) == "tune")
    model = train(pages, tuple(args.search_inputs.split(",")))
    model["trained_on"] = "all dev pages" if args.all else "tune half of the dev pages (aeb + trafilatura; dump and html)"
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
