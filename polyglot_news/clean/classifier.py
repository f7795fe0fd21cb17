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
_SHORT_WORD = re.compile(r"\b\w{1,3}\b")
_WORD = re.compile(r"\w+")
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
    n = len(facts)
    html = float(any(f.tag for f in facts))
    body = [k == BODY for k in kinds]
    out = []
    for i, f in enumerate(facts):
        text = f.seg.text
        words = _WORD.findall(text)
        nw = max(1, len(words))
        chars = max(1, len(text))
        roles = f.roles
        out.append([
            1.0,
            float(body[i]),
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
            len(_SHORT_WORD.findall(text)) / nw,
            sum(w[:1].isupper() for w in words) / nw,
            float(seen.get(norm_text(text), 0) > 1),
            i / max(1, n - 1),
            float(bool(main_script and f.script and f.script != main_script)),
            float(i > 0 and body[i - 1]),
            float(i + 1 < n and body[i + 1]),
            float(i > 1 and body[i - 2]),
            float(i + 2 < n and body[i + 2]),
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
        ])
    return out


@lru_cache(maxsize=1)
def load_model(path: str = str(WEIGHTS)) -> dict | None:
    """The committed model (weights, feature scaling, thresholds), or None when no weights file ships."""
    p = Path(path)
    if not p.is_file():
        return None
    model = json.loads(p.read_text(encoding="utf-8"))
    if list(model.get("features", [])) != list(FEATURES):
        return None  # weights trained for another feature set: the rules alone decide
    return model


def probabilities(model: dict, rows: list[list[float]]) -> list[float]:
    """P(article text) for each feature row."""
    w, mu, sd = model["w"], model["mean"], model["sd"]
    out = []
    for row in rows:
        z = sum(wi * (x - m) / s for wi, x, m, s in zip(w, row, mu, sd)) + model["b"]
        out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return out


def overrule(facts: list[LineFacts], start: int, end: int, seen: dict[str, int], main_script: str | None, model: dict | None = None) -> None:
    """Change the kinds the model confidently disagrees with (body <-> ui/boilerplate), in place."""
    model = model if model is not None else load_model()
    if model is None:
        return
    kinds = [f.seg.kind for f in facts]
    rows = line_features(facts, kinds, start, end, seen, main_script)
    probs = probabilities(model, rows)
    low, high = model["drop_below"], model["keep_above"]
    for f, k, p, row in zip(facts, kinds, probs, rows):
        if k == BODY and p < low:
            f.seg.kind = UI if f.units <= 5 else BOILERPLATE
        elif k in (UI, BOILERPLATE) and p > high and f.forced is None and not row[_FOREIGN]:
            # a line in another script than the article's stays out: the rules know stray UI strings best
            f.seg.kind = BODY
