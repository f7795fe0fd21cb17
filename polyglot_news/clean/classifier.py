"""A learned second opinion on the rules: a logistic line classifier that can overrule `mark_kinds`.

The rules of `article.py` decide each segment's kind; this model reads the line, its
neighbours and the rules' verdicts (body or not, inside the max-sum article run or not, which
pattern fired) and gives the probability that the line is article text. Only a confident
disagreement changes a kind: a body line the model is sure is chrome becomes chrome, a chrome
line it is sure is body becomes body. Titles, teasers and captions are left to the rules.

The weights are trained by `bench/train_cleaner.py` on the "tune" half of the dev pages
(`../shared/data/dev/pages`) and committed as `weights.json`; inference is plain Python.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from ..model import BODY, BOILERPLATE, CAPTION, TEASER, UI
from .linepatterns import LineFacts, norm_text

WEIGHTS = Path(__file__).with_name("weights.json")
_PUNCT = re.compile(r"[^\w\s]")
_DIGIT = re.compile(r"\d")
_CHROME_ROLE_NAMES = ("nav", "link", "share", "ad", "form", "comment", "related", "footer", "aside", "header", "outside", "byline")

FEATURES = (
    "bias", "rule_body", "rule_ui", "rule_boiler", "rule_teaser", "rule_caption", "inside_run", "forced", "prose", "ends", "log_units",
    "units_le3", "punct", "digits", "short_words", "title_case", "repeated", "position", "foreign",
    "prev_body", "next_body", "prev2_body", "next2_body", "prev_prose", "next_prose",
    "html", "role_article", "role_chrome", "role_link", "tag_p", "tag_li", "tag_h", "weight_pos", "weight_neg",
)
_FOREIGN = FEATURES.index("foreign")


def line_features(facts: list[LineFacts], kinds: list[str], start: int, end: int, seen: dict[str, int], main_script: str | None) -> list[list[float]]:
    """One feature vector per segment (in the order of `FEATURES`)."""
    html = float(any(f.tag for f in facts))
    return [_row(facts, kinds, i, start, end, seen, main_script, html) for i in range(len(facts))]


def _row(facts: list[LineFacts], kinds: list[str], i: int, start: int, end: int, seen: dict[str, int], main_script: str | None, html: float) -> list[float]:
    """The feature vector of segment `i`."""
    n = len(facts)
    f = facts[i]
    text = f.seg.text
    words = text.split()
    nw = max(1, len(words))
    chars = max(1, len(text))
    roles = f.roles
    return [
        1.0,
        float(kinds[i] == BODY),
        float(kinds[i] == UI),
        float(kinds[i] == BOILERPLATE),
        float(kinds[i] == TEASER),
        float(kinds[i] == CAPTION),
        float(start <= i < end),
        float(f.forced is not None),
        float(f.prose),
        float(f.ends),
        math.log1p(f.units),
        float(f.units <= 3),
        len(_PUNCT.findall(text)) / chars * 10,
        len(_DIGIT.findall(text)) / chars * 10,
        sum(len(w) <= 3 for w in words) / nw,
        sum(w[:1].isupper() for w in words) / nw,
        float(seen.get(norm_text(text), 0) > 1),
        i / max(1, n - 1),
        float(bool(main_script and f.script and f.script != main_script)),
        float(i > 0 and kinds[i - 1] == BODY),
        float(i + 1 < n and kinds[i + 1] == BODY),
        float(i > 1 and kinds[i - 2] == BODY),
        float(i + 2 < n and kinds[i + 2] == BODY),
        float(i > 0 and facts[i - 1].prose),
        float(i + 1 < n and facts[i + 1].prose),
        html,
        float("article" in roles),
        float(any(r in roles for r in _CHROME_ROLE_NAMES)),
        float("link" in roles),
        float(f.tag == "p"),
        float(f.tag == "li"),
        float(len(f.tag) == 2 and f.tag[0] == "h" and f.tag[1].isdigit()),
        math.log1p(max(0.0, f.weight)),
        math.log1p(max(0.0, -f.weight)),
    ]


@lru_cache(maxsize=1)
def load_model(path: str = str(WEIGHTS)) -> dict | None:
    """The committed model (weights, feature scaling, thresholds), or None when no weights file ships."""
    p = Path(path)
    if not p.is_file():
        return None
    model = json.loads(p.read_text(encoding="utf-8"))
    if list(model.get("features", [])) != list(FEATURES):
        return None  # weights trained for another feature set: the rules alone decide
    _fold(model)
    return model


def _fold(model: dict) -> None:
    """Fold the feature scaling into the weights once, so a line costs one dot product."""
    model["wf"] = [w / s for w, s in zip(model["w"], model["sd"])]
    model["bf"] = model["b"] - sum(w * m / s for w, m, s in zip(model["w"], model["mean"], model["sd"]))


def probabilities(model: dict, rows: list[list[float]]) -> list[float]:
    """P(article text) for each feature row."""
    return [_probability(model, row) for row in rows]


def _probability(model: dict, row: list[float]) -> float:
    if "wf" not in model:
        _fold(model)
    z = sum(w * x for w, x in zip(model["wf"], row)) + model["bf"]
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def overrule(facts: list[LineFacts], start: int, end: int, seen: dict[str, int], main_script: str | None, model: dict | None = None) -> None:
    """Change the kinds the model confidently disagrees with (body <-> ui/boilerplate), in place.

    Only the lines whose kind could change are scored: the model costs little on a clean page.
    """
    model = model if model is not None else load_model()
    if model is None:
        return
    html = float(any(f.tag for f in facts))
    if ("html" if html else "dump") not in model.get("inputs", ("html", "dump")):
        return  # on this kind of input the model did not measure better on the held-back pages
    kinds = [f.seg.kind for f in facts]
    low, high = model["drop_below"], model["keep_above"]
    for i, (f, k) in enumerate(zip(facts, kinds)):
        if k == BODY and low > 0:
            if _probability(model, _row(facts, kinds, i, start, end, seen, main_script, html)) < low:
                f.seg.kind = UI if f.units <= 5 else BOILERPLATE
        elif k in (UI, BOILERPLATE) and high < 1 and f.forced is None:
            row = _row(facts, kinds, i, start, end, seen, main_script, html)
            # a line in another script than the article's stays out: the rules know stray UI strings best
            if not row[_FOREIGN] and _probability(model, row) > high:
                f.seg.kind = BODY
