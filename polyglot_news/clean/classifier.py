"""A learned second opinion on the rules: a logistic line classifier that can overrule `mark_kinds`.

The rules of `article.py` decide each segment's kind; this model reads the line, its
neighbours and the rules' verdicts (body or not, inside the max-sum article run or not, which
pattern fired) and gives the probability that the line is article text. Only a confident
disagreement changes a kind: a body line the model is sure is chrome becomes chrome, a chrome
line it is sure is body becomes body. Titles, teasers and captions are left to the rules.

A second, simpler model (`SEARCH_FEATURES`: the line and its neighbours, no rule verdicts; its
weights fitted once for dumps and once for HTML) is scored before the article run is chosen: `search_weights` mixes its chance into the max-sum
search's weights and sets it on each line (`LineFacts.p`), which the overrule model and the
search's reach over further sections (`search_reach`) read too. A chance is worked out when it is
first read, from the page as it stood when the search weights were set (`SearchPage`): the
committed mix gives the model no say in the weights, and only the rules' list test reads a few.

The weights are trained by `bench/train_cleaner.py` on the "tune" half of the dev pages
(`../shared/data/dev/pages`) and committed as `weights.json`; inference is plain Python.
"""

from __future__ import annotations

import json
import math
import operator
from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)
from functools import lru_cache, partial
from pathlib import Path

from ..model import BODY, BOILERPLATE, CAPTION, TEASER, UI
from .linepatterns import LineFacts, norm_text
from .regions import BOX_FEATURES, NO_BOX

WEIGHTS = Path(__file__).with_name("weights.json")
_PUNCT_OR_DIGIT = re.compile(r"(\d)|[^\w\s]")  # the two never overlap: a digit is a word character
_FIRST = operator.itemgetter(0)  # a word's first letter (words from str.split are never empty)
_CHROME_ROLE_NAMES = ("nav", "link", "share", "ad", "form", "comment", "related", "footer", "aside", "header", "outside", "byline")

FEATURES = (
    "bias", "rule_body", "rule_ui", "rule_boiler", "rule_teaser", "rule_caption", "inside_run", "forced", "prose", "ends", "log_units",
    "units_le3", "punct", "digits", "short_words", "title_case", "repeated", "position", "foreign",
    "prev_body", "next_body", "prev2_body", "next2_body", "prev_prose", "next_prose",
    "html", "role_article", "role_chrome", "role_link", "tag_p", "tag_li", "tag_h", "weight_pos", "weight_neg", *BOX_FEATURES, "search_p",
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
        *_shape(f),
        float(seen.get(f.norm(), 0) > 1),
        i / max(1, n - 1),
        float(bool(main_script and f.script and f.script != main_script)),
        float(i > 0 and kinds[i - 1] == BODY),
        float(i + 1 < n and kinds[i + 1] == BODY),
        float(i > 1 and kinds[i - 2] == BODY),
        float(i + 2 < n and kinds[i + 2] == BODY),
        float(i > 0 and facts[i - 1].prose),
        float(i + 1 < n and facts[i + 1].prose),
        *_markup(f, roles, html, f.weight),
        f.p if f.p >= 0 else 0.5,
    ]



def _markup(f: LineFacts, roles, html: float, w: float) -> tuple[float, ...]:
    """The markup features both line models read: input kind, roles, tag, the rules' weight `w`, and the block's containers."""
    if not html:  # a dump's line: no roles, tag or containers
        return (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, math.log1p(w) if w > 0 else 0.0, math.log1p(-w) if w < 0 else 0.0, *NO_BOX)
    return (
        html,
        float("article" in roles),
        float(any(r in roles for r in _CHROME_ROLE_NAMES)),
        float("link" in roles),
        float(f.tag == "p"),
        float(f.tag == "li"),
        float(len(f.tag) == 2 and f.tag[0] == "h" and f.tag[1].isdigit()),
        math.log1p(max(0.0, w)),
        math.log1p(max(0.0, -w)),
        *(f.box or NO_BOX),
    )

def _shape(f: LineFacts) -> tuple[float, ...]:
    """Punctuation and digit density, short-word and capitalised-word shares of a line (computed once)."""
    if f.shape is None:
        text = f.seg.text
        words = text.split()
        nw = max(1, len(words))
        chars = max(1, len(text))
        lengths = list(map(len, words))
        marks = _PUNCT_OR_DIGIT.findall(text)  # a digit for each digit, "" for each other mark
        punct = marks.count("")
        f.shape = (punct / chars * 10, (len(marks) - punct) / chars * 10,
                   (len(lengths) - sum(map((3).__lt__, lengths))) / nw, sum(map(str.isupper, map(_FIRST, words))) / nw)
    return f.shape


@lru_cache(maxsize=1)
def load_model(path: str = str(WEIGHTS)) -> dict | None:
    """The committed model (weights, feature scaling, thresholds), or None when no weights file ships."""
    p = Path(path)
    if not p.is_file():
        return None
    model = json.loads(p.read_text(encoding="utf-8"))
    if list(model.get("features", [])) != list(FEATURES):
        return None  # weights trained for another feature set: the rules alone decide
    if model.get("search") and list(model["search"].get("features", [])) != list(SEARCH_FEATURES):
        del model["search"]  # a search model for another feature set: the rule weights alone
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
    z = sum(map(operator.mul, model["wf"], row)) + model["bf"]
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _thresholds(model: dict, kind: str) -> tuple[float, float]:
    """(drop a body line below, keep a chrome line above) for `kind` of input ("html" or "dump")."""
    if "thresholds" in model:
        t = model["thresholds"].get(kind) or {"drop_below": -1.0, "keep_above": 2.0}
        return t["drop_below"], t["keep_above"]
    if kind not in model.get("inputs", ("html", "dump")):
        return -1.0, 2.0
    return model["drop_below"], model["keep_above"]


def overrule(facts: list[LineFacts], start: int, end: int, seen: dict[str, int], main_script: str | None, model: dict | None = None) -> None:
    """Change the kinds the model confidently disagrees with (body <-> ui/boilerplate), in place.

    Only the lines whose kind could change are scored: the model costs little on a clean page.
    """
    model = model if model is not None else load_model()
    if model is None:
        return
    html = float(any(f.tag for f in facts))
    low, high = _thresholds(model, "html" if html else "dump")
    if low <= 0 and high >= 1:
        return  # on this kind of input the model does not overrule the rules
    kinds = [f.seg.kind for f in facts]
    for i, (f, k) in enumerate(zip(facts, kinds)):
        if k == BODY and low > 0:
            if _probability(model, _row(facts, kinds, i, start, end, seen, main_script, html)) < low:
                f.seg.kind = UI if f.units <= 5 else BOILERPLATE
        elif k in (UI, BOILERPLATE) and high < 1 and f.forced is None:
            row = _row(facts, kinds, i, start, end, seen, main_script, html)
            # a line in another script than the article's stays out: the rules know stray UI strings best
            if not row[_FOREIGN] and _probability(model, row) > high:
                f.seg.kind = BODY


# The article search's line model: the chance that a line is article text from what the line and its
# neighbours show before any run is chosen (no rule verdicts), so the max-sum search can use it.
SEARCH_FEATURES = (
    "bias", "forced_ui", "forced_boiler", "forced_teaser", "forced_caption", "prose", "ends", "log_units", "units_le3",
    "punct", "digits", "short_words", "title_case", "repeated", "listed", "cell", "starts_digit", "ends_colon", "position",
    "foreign", "html", "role_article", "role_chrome", "role_link", "tag_p", "tag_li", "tag_h",
    "weight_pos", "weight_neg", *BOX_FEATURES, "prev_prose", "next_prose", "prev_forced", "next_forced", "near_prose", "near_weight",
    "prev_weight", "next_weight", "same_shape_run", "wide_prose", "gap_before", "gap_after", "between_prose",
)
_WIDE = 10  # lines either side of the wider window
_GAP = 12  # lines to the nearest paragraph beyond which a line counts as far from any
_STARTS_DIGIT = re.compile(r"^\W{0,2}(\d|[½¼¾⅓⅔])")


def search_rows(facts: list[LineFacts], seen: dict[str, int]) -> list[list[float]]:
    """One `SEARCH_FEATURES` row per segment; reads the rule weights already set on `facts`."""
    page = SearchPage(facts, seen)
    return [page.row(i) for i in range(len(facts))]


class SearchPage:
    """What the search model reads of a whole page, taken when the rule weights are set; `row(i)` is one line's features.

    The rule weights are read when the page is made (the search's own weights replace them later);
    the page-wide measures (prose around each line, gaps to the nearest paragraphs, runs of short
    lines) when the first row is asked for, in one pass; a line's own measures when its row is.
    """

    def __init__(self, facts: list[LineFacts], seen: dict[str, int]) -> None:
        self.facts, self.seen = facts, seen
        self.weights = [f.weight for f in facts]
        self.measured = False

    def _measure(self) -> None:
        """Work out the page-wide measures the rows read."""
        self.measured = True
        facts = self.facts
        n = self.n = len(facts)
        self.html = float(any(f.tag for f in facts))
        chars: dict[str, int] = {}
        for f in facts:
            if f.prose and f.script:
                chars[f.script] = chars.get(f.script, 0) + len(f.seg.text)
        self.page_script = max(chars.items(), key=lambda kv: kv[1])[0] if chars else None
        self.signed = [math.copysign(math.log1p(abs(w)), w) for w in self.weights]
        prose = self.prose = [f.prose for f in facts]
        short = [not f.prose and not f.forced and f.units <= 12 for f in facts]
        # a running count of prose lines, so each line's window (three lines either side) costs two look-ups
        prose_sum = self.prose_sum = [0]
        for is_prose in prose:
            prose_sum.append(prose_sum[-1] + is_prose)
        # lines since the last paragraph above and until the next one below (contiguity: a stretch between
        # two parts of an article reads differently from the chrome at the page's ends)
        before, after = self.before, self.after = [_GAP] * n, [_GAP] * n
        last = None
        for i in range(n):
            before[i] = _GAP if last is None else min(_GAP, i - last)
            if prose[i]:
                last = i
        last = None
        for i in range(n - 1, -1, -1):
            after[i] = _GAP if last is None else min(_GAP, last - i)
            if prose[i]:
                last = i
        # how many short lines stand right above and right below each line
        short_before, short_after = self.short_before, self.short_after = [0] * n, [0] * n
        for i in range(1, n):
            short_before[i] = short_before[i - 1] + 1 if short[i - 1] else 0
        for i in range(n - 2, -1, -1):
            short_after[i] = short_after[i + 1] + 1 if short[i + 1] else 0
        self.shapes: dict[str, tuple[float, ...]] = {}  # a page repeats its menus: a text's shape is measured once

    def row(self, i: int) -> list[float]:
        """The `SEARCH_FEATURES` row of line `i`."""
        if not self.measured:
            self._measure()
        facts, n, prose, prose_sum, signed = self.facts, self.n, self.prose, self.prose_sum, self.signed
        before, after = self.before, self.after
        f = facts[i]
        text = f.seg.text
        forced = f.forced
        if f.shape is None:
            f.shape = self.shapes.get(text)
        shape = self.shapes[text] = _shape(f)
        lo, hi = max(0, i - 3), min(n, i + 4)
        # a run of short unforced lines around this one: a list (ingredients, steps, items)
        run = min(6, self.short_before[i] + self.short_after[i])
        page_script = self.page_script
        return [
            1.0,
            1.0 if forced == UI else 0.0,
            1.0 if forced == BOILERPLATE else 0.0,
            1.0 if forced == TEASER else 0.0,
            1.0 if forced == CAPTION else 0.0,
            1.0 if f.prose else 0.0,
            1.0 if f.ends else 0.0,
            math.log1p(f.units),
            1.0 if f.units <= 3 else 0.0,
            *shape,
            1.0 if self.seen.get(f.norm(), 0) > 1 else 0.0,
            1.0 if f.listed else 0.0,
            1.0 if f.cell else 0.0,
            1.0 if _STARTS_DIGIT.match(text) else 0.0,
            1.0 if text.rstrip().endswith(":") else 0.0,
            i / max(1, n - 1),
            1.0 if page_script and f.script and f.script != page_script else 0.0,
            *_markup(f, f.roles, self.html, self.weights[i]),
            1.0 if i > 0 and prose[i - 1] else 0.0,
            1.0 if i + 1 < n and prose[i + 1] else 0.0,
            1.0 if i > 0 and facts[i - 1].forced is not None else 0.0,
            1.0 if i + 1 < n and facts[i + 1].forced is not None else 0.0,
            (prose_sum[hi] - prose_sum[lo]) / (hi - lo),
            sum(signed[lo:hi]) / (hi - lo),
            signed[i - 1] if i > 0 else 0.0,
            signed[i + 1] if i + 1 < n else 0.0,
            run / 6,
            (prose_sum[min(n, i + _WIDE + 1)] - prose_sum[max(0, i - _WIDE)]) / (min(n, i + _WIDE + 1) - max(0, i - _WIDE)),
            before[i] / _GAP,
            after[i] / _GAP,
            1.0 if before[i] < _GAP and after[i] < _GAP else 0.0,
        ]


def search_weights(model: dict, facts: list[LineFacts], seen: dict[str, int]) -> list[float] | None:
    """The article search's line weights with the line model's verdict mixed in, or None without a model.

    weight = alpha * rule weight + beta * (p - tau) * (units + 2): a line the model thinks is article
    text pulls the run over it in proportion to its length; one it thinks is chrome pushes the run away
    (`mixed_weight`). Each line's chance `f.p` is set pending: it is worked out from the page as it
    stands now when something first reads it (with beta 0 only the list test of `inside.py` does,
    for a few lines of a few pages).
    """
    search = model.get("search")
    if not search:
        return None
    kind = "html" if any(f.tag for f in facts) else "dump"
    mix = search["mix"].get(kind)
    lines = search.get("inputs", {}).get(kind, search)  # one line model per input (older files: one for both)
    if not mix or "w" not in lines:
        return None  # the overrule classifier reads the chances too: the search model runs whenever it mixes in
    alpha, beta, tau = mix["alpha"], mix["beta"], mix["tau"]
    page = SearchPage(facts, seen)
    for i, f in enumerate(facts):
        f.pending = partial(_chance, lines, page, i)
    if not beta:  # the chances count for nothing: the rule weights, scaled (as `mixed_weight` gives them)
        return [alpha * f.weight for f in facts]
    return [mixed_weight(f, alpha, beta, tau) for f in facts]


def _chance(lines: dict, page: SearchPage, i: int) -> float:
    """The line model's chance that line `i` of `page` is article text."""
    return _probability(lines, page.row(i))


def mixed_weight(f: LineFacts, alpha: float, beta: float, tau: float) -> float:
    """One line's search weight once the line model's chance `f.p` is mixed in (see `search_weights`).

    A line that ends an article (a "More from" heading, a comment widget) is the rules' call: the
    model's chance does not soften it, so its penalty grows with the model's pull on the lines around.
    """
    p = 0.0 if f.ends_article or not beta else f.p  # (with beta 0 the chance counts for nothing: it is not asked for)
    return alpha * f.weight + beta * (p - tau) * (f.units + 2)


def search_keep(model: dict, facts: list[LineFacts]) -> float | None:
    """The line model's chance above which an unmarked line inside the article run is body on this input, or None.

    Needs the line model's chances on `facts` (set by `search_weights`).
    """
    mix = (model.get("search") or {}).get("mix", {}).get("html" if any(f.tag for f in facts) else "dump")
    if not mix or mix.get("keep", 2.0) >= 1 or any(f.p < 0 for f in facts):
        return None
    return mix["keep"]


def keep_sure_lines(facts: list[LineFacts], start: int, end: int, main_script: str | None, keep: float) -> None:
    """Give back to the body the lines inside the article run [start, end) that the rules made ui or boilerplate
    without a pattern and whose line-model chance `f.p` is above `keep`; never a line in another script."""
    for f in facts[start:end]:
        if f.seg.kind in (UI, BOILERPLATE) and f.forced is None and f.p > keep and not (main_script and f.script and f.script != main_script):
            f.seg.kind = BODY


def search_reach(model: dict, facts: list[LineFacts]) -> tuple[float, float, float] | None:
    """(cost, size, sure) with which the article run may take in further sections on this input, or None.

    Needs the line model's chances on `facts` (set by `search_weights`).
    """
    mix = (model.get("search") or {}).get("mix", {}).get("html" if any(f.tag for f in facts) else "dump")
    if not mix or not mix.get("size") or any(f.p < 0 for f in facts):
        return None
    return mix["cost"], mix["size"], mix["sure"]
