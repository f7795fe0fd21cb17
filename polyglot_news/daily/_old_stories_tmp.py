"""The same story from several sources, found among a day's digests, in any language.

A translated or retold report shares little wording with its original, but it keeps the
things a story is about: who (the glossary's English forms of names, computed for every
article), how many and when (numbers, years, months and weekdays named in English from
CLDR, as are languages and their peoples: "російською", Russian), and where (places, which
the glossary names too); and the words it has in common
after romanisation (names the glossary missed, cognates such as "коронавирус"/"coronavirus",
"консультація"/"consultation"), and its emoji. Each of these is a *clue*, compared on a
consonant skeleton (`skeleton`) so that spellings of one name across romanisation systems
and inflections meet ("Вайгельдта" -> Vaygeldta -> vgldt <- Weigeldt); a short word or
name, whose skeleton would meet too many words, on its spelling with vowels folded
(`loose`: Катя and Katya). Ordinary Russian and Ukrainian words are clues too, by their
English glosses (`glosses.py`: "вибачте" and "sorry" share the clue "sorry"); these *gloss
clues* count across languages only, and only where best matches are ranked (below): the
bars leave them out. Lines the cleaner set aside (UI strings, boilerplate) count at
`OFF_ARTICLE` of their weight: in a short chat message they are often the message itself.

A clue counts by how rare it is: the smaller of its rarity in the day's articles (an
IDF, the day counted as at least `MIN_DAY` articles so a small day does not make every
clue rare) and its rarity in its language (wordfreq's lists: "Moscow" and "Russia" are
common English words, "Miranchuk" is not). Two digests tell the same story when the
weight of their shared clues is large and is a large share of what each says (the shared
weight over the geometric mean of the two totals): `THRESHOLDS`, one bar across languages
and a higher one for two reports in one language (or two Cyrillic languages), which share
far more words by chance; those must also share a name or number unless one reposts the
other. Across languages there is a second way, for short texts that share a name or a few
ordinary words and little else: two digests linked as each other's best match among the
day's articles in the other language, by a clear margin over the alternatives still free
(`best_matches`, competitive linking as in bitext mining, gloss clues counted). Groups grow
from the strongest pairs, two groups joining only when most of their cross pairs are
same-story pairs (`LINKAGE`), so one loose pair cannot chain stories.

The weights and thresholds were measured, not guessed: `bench/stories.py` tunes them on
the "tune" half of the WMT22 ru-en and uk-en documents (each source beside its human
English reference) and reports the "check" half. With a model, translated segments carry
English text, so the translated title and summary join the clues as English words.
"""

from __future__ import annotations

import math
import re
from operator import itemgetter
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import ENGLISH, TEASER, Digest
from ..text.wordfreqs import log_frequency
from .cldr_words import english_cldr_word
from .glosses import GLOSS_LANGS, english_key, english_keys, glosses

# kinds of clue, and how much one unit of rarity of each counts (tuned on the bench's tune half)
NAME, NUMBER, WORD, EMOJI, GLOSS = "name", "number", "word", "emoji", "gloss"
_RANK = {GLOSS: 0, EMOJI: 0, WORD: 0, NUMBER: 1, NAME: 2}
WEIGHTS = {NAME: 1.0, NUMBER: 1.0, WORD: 1.0, EMOJI: 1.0, GLOSS: 1.0}
GLOSS_PREFIX = "g:"  # gloss clues (an English word and a listed word glossing to it) count across languages only
COMMON_SHARE = 0.1  # clues held by more than this share of the day (and MIN_DAY digests) are left out of the pair index
MIN_DAY = 50  # a day of a few articles is treated as this many for rarity, so shared clues are not all rare
# least weight of shared clues for a merge, and least share (shared weight over the geometric mean of the
# two digests' totals): two articles in one language share far more words by chance (two mattress adverts,
# two weather reports) than an article and its translation do, so a pair in one language needs more
THRESHOLDS = {"across": (5.0, 0.25), "within": (15.0, 0.8)}
REPOST_SHARE = 0.8  # a pair in one language this alike is a repost even with no name or number to share
MUTUAL_MARGIN = 1.2  # a pair across languages, each the other's best free match, this far ahead of the alternatives is one story
MUTUAL_STRONG, MUTUAL_STRONG_MARGIN = 8.0, 1.05  # ... or with a score this high, this far ahead
MUTUAL_FLOOR = 2.0  # ... when it shares at least this weight
MUTUAL_LEAST = 2.0  # pairs sharing less are not ranked as best matches or alternatives (as many linked at 1.0 on the bench)
MUTUAL_SHARE = 0.08  # ... and this share (two pages alone in a day share their chrome: "Subscribe", "Privacy")
MUTUAL_CLUES, MUTUAL_CLUE = 2, 0.3  # ... in at least two clues weighing more than this (one word can meet by chance)
MUTUAL_ONE_CLUE = 3.0  # ... or in one name or number weighing this much
MUTUAL_ONE_WORD = 3.5  # ... or in one word this rare in the day (a day of fewer than 80 articles makes no word this rare)
LINKAGE = 0.5  # two groups join only when this share of their cross pairs are same-story pairs
LANG_RARITY_CAP = math.log(1e6)  # a word no list holds is as rare as one in a million words
LANG_RARITY_FLOOR = math.log(1e4)  # words more common than 1 in 10,000 carry nothing

OFF_ARTICLE = 0.5  # a clue from a line outside title and body counts this share of its rarity
CAPITAL_RARITY = 1.5  # a capitalised word outside English is often a name (Дмитрий: common in Russian, telling across languages)
CLDR_RARITY = 1.0  # a month, weekday or language named across languages counts at least this
GLOSS_RARITY = 8.0  # the most a gloss clue counts: above any day's IDF, so the day alone says how telling a word is
DIGIT_RARITY = 0.5  # a single digit ("5 years", "at 6") as a clue
EMOJI_RARITY = 2.0  # an emoji is a clue of its own: a message and its translation keep them
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")
_VOWELS = str.maketrans("", "", "aeiouy'’j")
_ONE_VOWEL = str.maketrans({"e": "a", "i": "a", "o": "a", "u": "a", "y": None, "j": None})


# the spellings of one sound made one: digraphs first (chained: "ch" -> "c" -> "k"), then single letters
_DIGRAPHS = (("shch", "s"), ("tion", "kion"), ("ph", "f"), ("kh", "k"), ("ch", "k"), ("sh", "s"), ("zh", "s"),
             ("ts", "k"), ("ck", "k"))
_LETTERS = str.maketrans({"c": "k", "q": "k", "x": "ks", "w": "v", "z": "s", "h": ""})


def skeleton_folds(w: str) -> str:
    """A lower-case Latin word with the spellings of one sound made one ("kh" and "h", "ts" and "c", "tion" and "cion")."""
    for a, b in _DIGRAPHS:
        if a in w:
            w = w.replace(a, b)
    return w.translate(_LETTERS)


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """A spelling-tolerant key for a Latin word: its first letter and first consonants.

    Romanisation systems and inflections differ mostly in vowels and in how they write
    sounds with digraphs (kh/h, ts/c, w/v), so those are folded: Weigeldt and Vaygeldt
    both give "vgldt", Kazanku and Kazanka "kznk".
    """
    w = skeleton_folds(word.casefold())
    if not w:
        return ""
    out = [w[0]]
    for ch in w[1:].translate(_VOWELS):
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)[:6]


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


@lru_cache(maxsize=200_000)
def _language_rarity(word: str, lang: str) -> float:
    """How rare `word` is in `lang`, as ln(1/frequency) above LANG_RARITY_FLOOR (0 for common words).

    The word lists write apostrophes straight: "I’ll" is looked up as "i'll", not missed as a rare word.
    """
    f = log_frequency(word.translate(_APOSTROPHES), lang) if lang != "und" else None
    if f is None or f == -math.inf:
        return LANG_RARITY_CAP - LANG_RARITY_FLOOR
    return max(0.0, min(LANG_RARITY_CAP, -f * math.log(10)) - LANG_RARITY_FLOOR)


# Cyrillic letters as newsroom romanisation writes them, for the skeleton only: it drops vowels and "h" and
# folds digraphs, so the finer rules of text/romanise.py (ye/e, -sky, established spellings) change no
# skeleton, and a table is twenty times faster than romanise() on a day of articles
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w", "ј": "j",
}
_LATIN = {lang: str.maketrans({**_CYRILLIC, **extra}) for lang, extra in (("ru", {}), ("uk", {"г": "h", "и": "y"}))}


def _latin(word: str, lang: str) -> str:
    """A lower-case Latin spelling of a word, good enough for its skeleton (Ukrainian г is h, и is y)."""
    return word.casefold().translate(_LATIN["uk" if lang == "uk" else "ru"])


def _number_key(text: str) -> str | None:
    """A number as one key ("7 000" and "7,000" alike, "3,5" and "3.5" alike); None for single digits."""
    digits = re.sub(r"[ \u00a0\u202f]", "", text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        digits = digits.replace(",", "")
    digits = digits.replace(",", ".")
    return digits if len(digits.replace(".", "")) >= 2 else None


def _number_rarity(key: str) -> float:
    """Years and two-digit numbers are common in any news; longer and decimal numbers are telling."""
    if re.fullmatch(r"(19|20)\d\d", key) or len(key) == 2:
        return 1.5
    return LANG_RARITY_CAP - LANG_RARITY_FLOOR


@dataclass
class Clues:
    """What one digest says, as clue -> (kind, how it was written, rarity in its language)."""

    found: dict[str, tuple[str, str, float]] = field(default_factory=dict)

    def add(self, key: str, kind: str, label: str, rarity: float) -> None:
        old = self.found.get(key)
        # the strongest reading of a clue wins: a glossary name over a plain word
        if old is None or (_RANK[kind], rarity) > (_RANK[old[0]], old[2]):
            self.found[key] = (kind, label, rarity)


def clues(digest: Digest) -> Clues:
    """The clues of one digest: glossary names, numbers, emoji, and the romanised words of its text.

    Title and body count in full; the page's other lines but teasers (the cleaner's UI strings,
    boilerplate and captions, which in a short chat message are often the message itself)
    count at `OFF_ARTICLE` of their rarity.
    """
    c = Clues()
    for t in digest.glossary:
        for w in _WORD.findall(t.term):
            if len(w) >= 3:
                sk = skeleton(w)
                # a skeleton of two letters is too loose for a name (Kyiv and CoV): the name itself is the clue
                c.add("w:" + (sk if len(sk) >= 3 else "=" + w.casefold()), NAME, t.term, _language_rarity(w, ENGLISH))
    segments = digest.article.segments
    texts = [(s.text, s.lang, 1.0 if s.in_article else OFF_ARTICLE) for s in segments if s.kind != TEASER]
    # with a model, the English of translated segments joins in
    texts += [(s.english, ENGLISH, 1.0 if s.in_article else OFF_ARTICLE) for s in segments
              if s.kind != TEASER and s.english and s.english != s.text]
    # gloss clues only from the page's own language: an English "Share" on a German page is chrome, not a gloss
    main = next(iter(digest.article.languages()), "und")
    for text, lang, factor in texts:
        own = lang == main
        for m in _NUMBER.finditer(text):
            key = _number_key(m.group(0))
            if key:
                c.add("d:" + key, NUMBER, m.group(0), factor * _number_rarity(key))
            elif m.group(0).isdigit():  # "5 гостей", "5 guests": a single digit, a weak clue, not a fact
                c.add("d:" + m.group(0), WORD, m.group(0), factor * DIGIT_RARITY)
        for ch in _EMOJI.findall(text):
            c.add("e:" + ch, EMOJI, ch, factor * EMOJI_RARITY)
        found = c.found
        for w in dict.fromkeys(_WORD.findall(text)):  # each word once, in order (the first spelling labels a clue)
            if len(w) >= 3:
                for key, kind, rarity in _word_clues(w, lang, own):
                    rarity *= factor
                    old = found.get(key)  # `Clues.add`, inline: this loop runs for every word of the day
                    if old is None or (_RANK[kind], rarity) > (_RANK[old[0]], old[2]):
                        found[key] = (kind, w, rarity)
    return c


def _gloss_keys(word: str, lang: str) -> tuple[str, ...]:
    """A word's gloss keys: an English word's own fold when a listed word glosses to it, a listed word's glosses."""
    if lang == ENGLISH:
        key = english_key(word)
        return (GLOSS_PREFIX + key,) if key in english_keys() else ()
    if lang in GLOSS_LANGS or lang in _CYRILLIC_LANGS:
        return tuple(GLOSS_PREFIX + k for k in glosses(word, lang))
    return ()


@lru_cache(maxsize=200_000)
def _word_clues(word: str, lang: str, glossed: bool = True) -> tuple[tuple[str, str, float], ...]:
    """A word's clues as (key, kind, rarity): its skeleton (or loose spelling), and its glosses when `glossed`.

    No skeleton when it is too short to tell words apart.

    Ukrainian г is English h in names (Григорій, Hryhoriy) but g in loanwords (геометрія,
    geometry), so a word with г gives both keys. A word of three letters, or one whose
    skeleton is under three letters (Катя, Katya), is keyed by its loose spelling
    (`loose`) instead, since its skeleton would meet too many words.
    """
    folded = word.casefold()
    spellings = [_latin(folded, lang)]
    if lang == "uk" and "г" in folded:
        spellings.append(_latin(folded.replace("г", "ґ"), lang))
    # the uncached forms: this function's own cache already holds each word once
    rarity = _language_rarity.__wrapped__(word, lang)
    if word[0].isupper() and lang != ENGLISH:
        rarity = max(rarity, CAPITAL_RARITY)
    out = []
    named = english_cldr_word(word, lang) if lang != ENGLISH else None
    if named:  # "вівторок" is a clue Tuesday shares, "російською" one Russian shares
        out.append(("w:" + skeleton(named), WORD, max(rarity, _language_rarity(named, ENGLISH), CLDR_RARITY)))
    for latin in spellings if rarity > 0 else ():  # a word too common to weigh anything is no clue: not kept at all
        sk = skeleton.__wrapped__(latin)
        if len(sk) >= 3 and len(folded) >= 4:
            out.append(("w:" + sk, WORD, rarity))
        else:
            key = loose.__wrapped__(latin)
            if len(key) >= 3:
                out.append(("l:" + key, WORD, rarity))
    if glossed:
        out += [(key, GLOSS, GLOSS_RARITY) for key in _gloss_keys(word, lang)]
    return tuple(out)


@lru_cache(maxsize=200_000)
def loose(word: str) -> str:
    """A short word's spelling with its vowels folded to one letter ("Katya" and "Катя" both "kata")."""
    out = [""]
    for ch in skeleton_folds(word.casefold()).translate(_ONE_VOWEL):
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


@dataclass
class Evidence:
    """Why two digests were (or were not) merged: the shared clues, their weights, and the decision."""

    shared: list[tuple[str, str, float]]  # (kind, label, weight), heaviest first
    weight: float  # names, numbers, words and emoji: what the bars of THRESHOLDS weigh
    share: float
    within: bool = False  # both digests in the same main language (or two Cyrillic languages)
    margin: float = 0.0  # when the two are each other's best match across languages: how far ahead of the runner-up
    glossed_weight: float = 0.0  # with the gloss clues too (across languages): what best matches weigh
    glossed_share: float = 0.0

    @property
    def by_best_match(self) -> bool:
        """True when the two were linked as each other's clear best match across languages (`best_matches`)."""
        return (self.margin > 0 and clear_match(self.glossed_weight, self.glossed_share, self.margin)
                and enough_clues(self.shared))

    @property
    def by_threshold(self) -> bool:
        """True when the shared clues pass the bars of `THRESHOLDS` on their own."""
        least_weight, least_share = THRESHOLDS["within" if self.within else "across"]
        if self.within and self.share < REPOST_SHARE and not any(kind in (NAME, NUMBER) for kind, _, _ in self.shared):
            return False  # two reports in one language sharing wording but no name or number: a template, two stories
        return self.weight >= least_weight and self.share >= least_share

    @property
    def same_story(self) -> bool:
        """The decision rule (thresholds measured by bench/stories.py): the bars, or a clear best match across languages."""
        return self.by_threshold or self.by_best_match

    def __str__(self) -> str:
        least_weight, least_share = THRESHOLDS["within" if self.within else "across"]
        top = ", ".join(f"{kind} {label!r} {w:.1f}" for kind, label, w in self.shared[:8])
        verdict = "same story" if self.same_story else "different stories"
        return (f"{verdict}: shared weight {self.weight:.1f} (needs {least_weight:g}), share {self.share:.2f} "
                f"(needs {least_share:g}{' in one language' if self.within else ' across languages'})"
                f"{self._mutual_note()}; {top or 'nothing shared'}")

    def _mutual_note(self) -> str:
        if not self.margin or self.by_threshold:
            return ""  # the bars alone decide: the best-match step adds nothing a reader needs
        ahead = "no runner-up near it" if math.isinf(self.margin) else f"{self.margin:.1f} times the runner-up"
        return (f"; each the other's best match across languages, glossed words counted: weight "
                f"{self.glossed_weight:.1f}, share {self.glossed_share:.2f}, {ahead} (needs {MUTUAL_MARGIN:g}, or "
                f"{MUTUAL_STRONG_MARGIN:g} with a score of {MUTUAL_STRONG:g}; weight {MUTUAL_FLOOR:g}, share {MUTUAL_SHARE:g})")


# Cyrillic languages share much of their vocabulary (вакцина, вакцини): a Russian and a Ukrainian report
# are compared as two in one language, not as an article and its translation into English
_CYRILLIC_LANGS = frozenset({"ru", "uk", "be", "bg", "mk", "sr", "kk"})


def _family(lang: str) -> str:
    return "cyrillic" if lang in _CYRILLIC_LANGS else lang


class _Day:
    """The clues of a day's digests and the rarity of each clue among them."""

    def __init__(self, digests: list[Digest]):
        self.clues = [clues(d) for d in digests]
        df: dict[str, int] = {}
        for c in self.clues:
            for key in c.found:
                df[key] = df.get(key, 0) + 1
        n = max(len(digests), MIN_DAY)
        self.idf = {key: math.log((n + 1) / (k + 0.5)) for key, k in df.items()}
        # each clue's weight in each digest (its kind's weight times the lesser of idf and rarity), once:
        # the pair loops below only look them up
        idf = self.idf
        self.weights, self.plain_totals, self.totals = [], [], []
        for c in self.clues:
            weights: dict[str, float] = {}
            plain = 0.0
            by_word: dict[str, float] = {}  # gloss clues, each word once: "можна" glosses to can and possible, says one thing
            for key, (kind, label, rarity) in c.found.items():
                k = idf[key]
                w = weights[key] = WEIGHTS[kind] * (k if k < rarity else rarity)
                if key.startswith(GLOSS_PREFIX):
                    if w > by_word.get(label, 0.0):
                        by_word[label] = w
                else:
                    plain += w
            self.weights.append(weights)
            # totals across languages count gloss clues; totals within one language do not
            self.plain_totals.append(plain)
            self.totals.append(plain + sum(by_word.values()))
        self.langs = [_family(next(iter(d.article.languages()), "und")) for d in digests]
        self.common = [0.0] * len(digests)  # set by `_shared_weights`: each digest's weight in clues too common to index
        self.plain_partial: dict[tuple[int, int], float] = {}  # set by `_shared_weights`: pairs' weight without gloss clues

    def evidence(self, i: int, j: int) -> Evidence:
        a, b = self.clues[i].found, self.clues[j].found
        wa, wb = self.weights[i], self.weights[j]
        within = self.langs[i] == self.langs[j]
        shared = []
        glossed = 0.0
        for key in a.keys() & b.keys():
            glosses = key.startswith(GLOSS_PREFIX)
            if within and glosses:
                continue
            # the pair's weaker reading counts: a glossary name on one side only is still a word on the other
            va, vb = a[key], b[key]
            w = min(wa[key], wb[key])
            if w > 0:
                kind = va[0] if _RANK[va[0]] <= _RANK[vb[0]] else vb[0]
                shared.append((kind, va[1] if va[1] == vb[1] else f"{va[1]}~{vb[1]}", w))
                if glosses:
                    glossed += w
        shared.sort(key=lambda s: (-s[2], -_RANK[s[0]], s[1]))  # at one weight, names and numbers first, then by label
        total = sum(s[2] for s in shared)
        weight = total - glossed
        norm = math.sqrt(self.plain_totals[i] * self.plain_totals[j])
        glossed_norm = math.sqrt(self.totals[i] * self.totals[j])
        return Evidence(shared, weight, weight / norm if norm else 0.0, within,
                        glossed_weight=total, glossed_share=total / glossed_norm if glossed_norm else 0.0)


def similarity(a: Digest, b: Digest, day: list[Digest] | None = None) -> Evidence:
    """How alike two digests are as stories, among the day's digests `day` (default just the two)."""
    digests = list(day) if day else [a, b]
    if not any(d is a for d in digests):
        digests.append(a)
    if not any(d is b for d in digests):
        digests.append(b)
    d = _Day(digests)
    return d.evidence(next(k for k, x in enumerate(digests) if x is a), next(k for k, x in enumerate(digests) if x is b))


def explain(a: Digest, b: Digest, day: list[Digest] | None = None) -> str:
    """One line saying whether and why two digests are the same story (the clues they share)."""
    return str(similarity(a, b, day))


def _shared_weights(day: _Day) -> dict[tuple[int, int], float]:
    """The weight each pair (i < j) of the day's digests shares, leaving out clues a tenth of the day has.

    Only pairs sharing at least one clue are met, through an index of clues, so a day of
    hundreds of articles is not a comparison of every pair.
    """
    n = len(day.clues)
    index: dict[str, list[int]] = {}
    for i, weights in enumerate(day.weights):
        for key, w in weights.items():
            if w > 0:  # a common word weighs nothing in any pair
                index.setdefault(key, []).append(i)
    flat: dict[int, float] = {}  # pair (i, j) as i * n + j: an int hashes faster than a tuple in this, the inner loop
    glossed: dict[int, float] = {}  # the same for gloss clues, kept apart: the bars leave them out
    common = [0.0] * n  # the weight each digest holds in the clues left out, so pairs can be pruned exactly
    most = max(COMMON_SHARE * n, MIN_DAY)
    get, gget = flat.get, glossed.get
    for key, members in index.items():
        if len(members) > most:
            for i in members:
                common[i] += day.weights[i][key]
            continue  # a clue a tenth of the day shares weighs little and would make every pair a candidate
        if len(members) < 2:
            continue
        weights = [(i, day.weights[i][key]) for i in members]
        if key.startswith(GLOSS_PREFIX):  # pairs across languages only: each language's members against the others'
            by_lang: dict[str, list[tuple[int, float]]] = {}
            for iw in weights:
                by_lang.setdefault(day.langs[iw[0]], []).append(iw)
            groups = list(by_lang.values())
            for g, left in enumerate(groups):
                for right in groups[g + 1:]:
                    for i, wi in left:
                        for j, wj in right:
                            pair = i * n + j if i < j else j * n + i
                            glossed[pair] = gget(pair, 0.0) + (wi if wi < wj else wj)
            continue
        for x, (i, wi) in enumerate(weights):
            base = i * n
            for j, wj in weights[x + 1:]:
                flat[base + j] = get(base + j, 0.0) + (wi if wi < wj else wj)
    day.plain_partial = {divmod(pair, n): w for pair, w in flat.items()}
    for pair, w in glossed.items():
        flat[pair] = get(pair, 0.0) + w
    partial = {divmod(pair, n): w for pair, w in flat.items()}
    day.common = common
    return partial


def candidate_pairs(digests: list[Digest], floor: float | None = None) -> list[tuple[int, int, Evidence]]:
    """Every pair (i < j) of `digests` that may be the same story, with its evidence.

    Those whose shared clues weigh at least `floor` and `least share` of what each says, and
    those linked as each other's clear best match across languages (`best_matches`).
    """
    day = _Day(digests)
    return day_candidates(day, _shared_weights(day), floor)


def day_candidates(day: _Day, partial: dict[tuple[int, int], float], floor: float | None = None) -> list[tuple[int, int, Evidence]]:
    """`candidate_pairs` from a day's clues and shared weights already gathered (`_Day`, `_shared_weights`)."""
    if floor is None:
        floor = min(w for w, _ in THRESHOLDS.values())
    least_share = min(share for _, share in THRESHOLDS.values())
    out = []
    common, plain = day.common, day.plain_totals
    mutual = best_matches(day, partial)
    out += [(i, j, ev) for (i, j), ev in mutual.items()]
    for (i, j), w in day.plain_partial.items():
        if (i, j) in mutual:
            continue
        # the common clues left out of `partial` weigh at most the smaller side's share of them
        most = w + min(common[i], common[j])
        least = least_share * math.sqrt(plain[i] * plain[j])
        if most < floor or most < least:
            continue
        wa, wb = day.weights[i], day.weights[j]
        weight = sum(min(wa[k], wb[k]) for k in wa.keys() & wb.keys() if not k.startswith(GLOSS_PREFIX))
        if weight < floor or weight < least:
            continue  # the full evidence (labels, kinds) only for pairs that may pass
        out.append((i, j, day.evidence(i, j)))
    return out


def best_matches(day: _Day, partial: dict[tuple[int, int], float]) -> dict[tuple[int, int], Evidence]:
    """Pairs across languages linked as each other's clear best match, with their evidence (its margin set).

    A short message and its translation share a few ordinary words and little else, too
    little for a threshold that must keep apart unrelated reports; but among a day's
    articles in the other language, each is the other's best match, ahead of the runners-up.
    This is competitive linking, as in bitext mining: pairs are taken strongest first, each
    article linked once across languages, and a pair is linked when it passes
    `clear_match` against the best alternatives still free on either side (its margin is
    its score over theirs) and rests on `enough_clues`. Scores are shared weight times the square root of the share (a
    long article sharing many clues with everything ranks below a short one sharing its
    only name). Pairs sharing less than `MUTUAL_LEAST` are not ranked at all.
    """
    totals, langs = day.totals, day.langs
    ranked: dict[int, list[tuple[float, int]]] = {}
    found = []
    for (i, j), w in partial.items():
        if w < MUTUAL_LEAST or langs[i] == langs[j]:
            continue
        share = w / math.sqrt(totals[i] * totals[j])
        score = w * math.sqrt(share)
        found.append((score, i, j, w, share))
        ranked.setdefault(i, []).append((score, j))
        ranked.setdefault(j, []).append((score, i))
    for top in ranked.values():
        top.sort(key=_first, reverse=True)
    found.sort(key=_first, reverse=True)
    linked: set[int] = set()

    def alternative(x: int, other: int) -> float:
        for score, y in ranked[x]:
            if y != other and y not in linked:
                return score
        return 0.0

    out = {}
    for score, i, j, w, share in found:
        if i in linked or j in linked:
            continue
        runner_up = max(alternative(i, j), alternative(j, i))
        margin = score / runner_up if runner_up else math.inf
        if clear_match(w, share, margin):
            ev = day.evidence(i, j)
            if enough_clues(ev.shared):
                ev.margin = margin
                linked.update((i, j))
                out[(i, j)] = ev
    return out


_first = itemgetter(0)


def enough_clues(shared: list[tuple[str, str, float]]) -> bool:
    """True when a best match rests on two clues or more, or on one rare one: a common word meets by chance."""
    return (sum(1 for _, _, w in shared if w > MUTUAL_CLUE) >= MUTUAL_CLUES
            or any(w >= (MUTUAL_ONE_CLUE if kind in (NAME, NUMBER) else MUTUAL_ONE_WORD) for kind, _, w in shared))


def clear_match(weight: float, share: float, margin: float) -> bool:
    """The rule of `best_matches` (measured by bench/stories.py): a clear margin, or a strong pair and some margin."""
    if weight < MUTUAL_FLOOR or share < MUTUAL_SHARE:
        return False
    return margin >= MUTUAL_MARGIN or (weight * math.sqrt(share) >= MUTUAL_STRONG and margin >= MUTUAL_STRONG_MARGIN)


def group_links(n: int, links: list[tuple[int, int, Evidence]]) -> list[list[int]]:
    """Group n items by same-story links: strongest first, two groups joining only when most of their pairs are links.

    Plain transitive closure lets one loose link chain unrelated stories into one (a run of
    similar adverts); asking for `LINKAGE` of the cross pairs keeps a story together
    without that chain.
    """
    linked = {(i, j) for i, j, _ in links}
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for i, j, _ in sorted(links, key=lambda link: -link[2].share):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        hits = sum(1 for x in a for y in b if (min(x, y), max(x, y)) in linked)
        if hits < LINKAGE * len(a) * len(b):
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        for x in members[gone]:
            group_of[x] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))
    return sorted(members.values(), key=lambda g: g[0])


def story_links(digests: list[Digest]) -> list[tuple[int, int, Evidence]]:
    """Every same-story pair (i < j) among `digests`, with the evidence for it."""
    return [link for link in candidate_pairs(digests) if link[2].same_story]


def story_groups(digests: list[Digest]) -> list[list[int]]:
    """Indexes of `digests` grouped by story, each group in input order, groups in order of their first member."""
    return group_links(len(digests), story_links(digests))


def explained_groups(digests: list[Digest]) -> list[tuple[list[int], list[tuple[int, int, Evidence]]]]:
    """`story_groups` with, for each group, why each member after the first joined it.

    For every later member j, the strongest link (i, j, evidence) to a member i before it,
    so a reader sees one reason per merged source.
    """
    links = story_links(digests)
    best: dict[tuple[int, int], Evidence] = {(i, j): ev for i, j, ev in links}
    out = []
    for group in group_links(len(digests), links):
        why = []
        for x, j in enumerate(group[1:], 1):
            cands = [(i, best[(i, j)]) for i in group[:x] if (i, j) in best]
            if cands:
                i, ev = max(cands, key=lambda c: c[1].share)
                why.append((i, j, ev))
        out.append((group, why))
    return out


def reason(ev: Evidence, limit: int = 6) -> str:
    """The shared clues of a merge in a few words: "names Kazan, Ilsur Metshin; cognates мост~most (weight 23.4, ...)"."""
    parts = []
    words = "words" if ev.within else "cognates"  # across languages a shared word is one romanised: parlament~parliament
    for kind, title in ((NAME, "names"), (NUMBER, "numbers"), (WORD, words), (GLOSS, "glossed words"), (EMOJI, "emoji")):
        labels = []
        for k, label, _ in ev.shared:
            if k == kind and label not in labels:
                labels.append(label)
        if labels:
            parts.append(f"{title} " + ", ".join(labels[:limit]) + (" …" if len(labels) > limit else ""))
    least_weight, least_share = THRESHOLDS["within" if ev.within else "across"]
    if ev.by_best_match and not ev.by_threshold:  # what decided: the best match, not the bars
        ahead = "no runner-up near it" if math.isinf(ev.margin) else f"{ev.margin:.1f} times the runner-up"
        return (f"{'; '.join(parts) or 'nothing shared'} (each the other's best match across languages: weight "
                f"{ev.glossed_weight:.1f}, share {ev.glossed_share:.2f}, {ahead}; needs {MUTUAL_MARGIN:g} times)")
    return (f"{'; '.join(parts) or 'nothing shared'} (weight {ev.weight:.1f} of {least_weight:g} needed, "
            f"share {ev.share:.2f} of {least_share:g} {'in one language' if ev.within else 'across languages'})")
