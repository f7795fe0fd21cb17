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
bars leave them out. So do *stem clues*, a word's skeleton less its inflection
(документами and documents: dkmnt), which its full skeleton misses. Hours of the day and
number words are clues as the digits they stand for (`quantities.py`: "о 17:00" and "at
5 pm", "двох" and "two" and "2"). Lines the cleaner set aside (UI strings, boilerplate, and
teasers on a page of nothing else) count at `OFF_ARTICLE` of their weight: in a short chat
message they are often the message itself.

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
(neither linked nor held by a much stronger pair of their own: `best_matches`, competitive
linking as in bitext mining, gloss clues counted). Groups grow
from the strongest pairs, two groups joining only when most of their cross pairs are
same-story pairs (`LINKAGE`), so one loose pair cannot chain stories.

Words count from a text's lead (`LEAD_WORDS`): a report tells its story first, and its later
words meet other reports by chance more than by story; names and numbers count from all of it.
Pairs are met only through the clues they share (an inverted index, clues held by a tenth
of the day left out and bounded exactly), summed over numpy arrays on a large day; each
word's clues are computed once a day, so 500 articles group in a tenth of their digest time.

The weights and thresholds were measured, not guessed: `bench/stories.py` tunes them on
the "tune" half of the WMT22 ru-en and uk-en documents (each source beside its human
English reference) and reports the "check" half. With a model, translated segments carry
English text, so the translated title and summary join the clues as English words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import chain, count
from operator import itemgetter
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import ENGLISH, TEASER, Digest
from ..text.wordfreqs import answer_from_memory, log_frequency
from .cldr_words import cldr_prefixes, english_cldr_word
from .glosses import GLOSS_LANGS, english_key, english_keys, glosses
from .quantities import clock_hours, number_word

# kinds of clue, and how much one unit of rarity of each counts (tuned on the bench's tune half)
NAME, NUMBER, WORD, EMOJI, GLOSS, STEM = "name", "number", "word", "emoji", "gloss", "stem"
_RANK = {GLOSS: 0, STEM: 0, EMOJI: 0, WORD: 0, NUMBER: 1, NAME: 2}
WEIGHTS = {NAME: 1.0, NUMBER: 1.0, WORD: 1.0, EMOJI: 1.0, GLOSS: 1.0, STEM: 1.0}
GLOSS_PREFIX = "g:"  # gloss clues (an English word and a listed word glossing to it) count across languages only
STEM_PREFIX = GLOSS_PREFIX + "~"  # ... as do stem clues: a word's skeleton less its inflection (документами, documents)
STEM_LEN, STEM_LEAST = 5, 3  # a stem clue is the first STEM_LEN letters of that skeleton, at least STEM_LEAST
COMMON_SHARE = 0.1  # clues held by more than this share of the day (and MIN_DAY digests) are left out of the pair index
MIN_DAY = 50  # a day of a few articles is treated as this many for rarity, so shared clues are not all rare
# least weight of shared clues for a merge, and least share (shared weight over the geometric mean of the
# two digests' totals): two articles in one language share far more words by chance (two mattress adverts,
# two weather reports) than an article and its translation do, so a pair in one language needs more
THRESHOLDS = {"across": (5.0, 0.25), "within": (15.0, 0.8)}
REPOST_SHARE = 0.8  # a pair in one language this alike is a repost even with no name or number to share
MUTUAL_MARGIN = 1.5  # a pair across languages, each the other's best free match, this far ahead of the alternatives is one story
MUTUAL_TAKEN = 1.0  # ... an alternative held in the tentative matching by a pair this many times stronger is no rival
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

# the words (of three letters or more) of a text's lead only: a report tells its story first, and its later
# words are shared by chance more than by story; names and numbers count from all of it (tuned on the
# bench's tune half: 60, 80, 100, 150 words gave recall 0.825, 0.827, 0.822, 0.818 at precision 0.981-0.993)
LEAD_WORDS = 80
OFF_ARTICLE = 0.5  # a clue from a line outside title and body counts this share of its rarity
CAPITAL_RARITY = 1.5  # a capitalised word outside English is often a name (Дмитрий: common in Russian, telling across languages)
CLDR_RARITY = 1.0  # a month, weekday or language named across languages counts at least this
GLOSS_RARITY = 8.0  # the most a gloss clue counts: above any day's IDF, so the day alone says how telling a word is
DIGIT_RARITY = 0.5  # a single digit ("5 years", "at 6") as a clue
CLOCK_RARITY = 2.0  # an hour of the day, however written ("17:00", "17 години", "5 pm")
EMOJI_RARITY = 2.0  # an emoji is a clue of its own: a message and its translation keep them
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")
_DIGIT = re.compile(r"\d")
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


# digests in a day from which the word lists answer from memory (`wordfreqs.answer_from_memory`): a look-up
# is then a dict get, not a query; a small day asks the store word by word, which costs less than reading them
LISTS_IN_MEMORY_FROM = 100


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


def _texts(digest: Digest) -> dict[tuple[str, float], str]:
    """A digest's lines but teasers, one text per (language, weight): each word is then met once per digest.

    A page of teasers only is its teasers, counted as the lines set aside are: a chat message
    ending in "..." reads to the cleaner as a related-story teaser, and is all the page says.
    """
    texts: dict[tuple[str, float], list[str]] = {}
    segments = [s for s in digest.article.segments if s.kind != TEASER] or digest.article.segments
    for s in segments:
        texts.setdefault((s.lang, 1.0 if s.in_article else OFF_ARTICLE), []).append(s.text)
    for s in segments:  # with a model, the English of translated segments joins in
        if s.english and s.english != s.text:
            texts.setdefault((ENGLISH, 1.0 if s.in_article else OFF_ARTICLE), []).append(s.english)
    return {key: "\n".join(lines) for key, lines in texts.items()}


LEAD_CHARS = 2000  # where a text's lead is looked for first: 80 words rarely take more


def _lead_words(text: str) -> list[str]:
    """The distinct words of `text` up to its `LEAD_WORDS`-th of three letters or more, in order.

    Words of two letters come along (не, we: only a gloss list gives them a clue) but do not
    count toward the lead. Read from the text's first `LEAD_CHARS` characters when they hold
    more than that many (the word cut at the end is then past the lead), else from all of it.
    """
    for part in (text[:LEAD_CHARS], text) if len(text) > LEAD_CHARS else (text,):
        words, long = [], 0
        for w in dict.fromkeys(_WORD.findall(part)):
            size = len(w)
            if size >= 3:
                if long == LEAD_WORDS:
                    return words
                long += 1
                words.append(w)
            elif size == 2:
                words.append(w)
        if part is text:
            return words
    return []


def clues(digest: Digest, main: str | None = None, memo: dict | None = None,
          texts: dict[tuple[str, float], str] | None = None) -> Clues:
    """The clues of one digest: glossary names, numbers, emoji, and the romanised words of its text.

    Of each text, the words of its lead count (`LEAD_WORDS`), names and numbers from all of it.
    Title and body count in full; the page's other lines but teasers (the cleaner's UI strings,
    boilerplate and captions, which in a short chat message are often the message itself)
    count at `OFF_ARTICLE` of their rarity. `main` is the page's main language (found when None);
    `memo`, shared by a day's digests, holds each word's clues by language (a dict look-up, not a
    cached call); `texts` are the digest's `_texts` when already gathered.
    """
    c = Clues()
    for t in digest.glossary:
        for w in _WORD.findall(t.term):
            if len(w) >= 3:
                sk = skeleton(w)
                # a skeleton of two letters is too loose for a name (Kyiv and CoV): the name itself is the clue
                c.add("w:" + (sk if len(sk) >= 3 else "=" + w.casefold()), NAME, t.term, _language_rarity(w, ENGLISH))
    if texts is None:
        texts = _texts(digest)
    # gloss clues only from the page's own language: an English "Share" on a German page is chrome, not a gloss
    if main is None:
        main = next(iter(digest.article.languages()), "und")
    found = c.found
    for (lang, factor), text in texts.items():
        own = lang == main
        digits = _DIGIT.search(text) is not None
        for m in _NUMBER.finditer(text) if digits else ():
            key = _number_key(m.group(0))
            if key:
                c.add("d:" + key, NUMBER, m.group(0), factor * _number_rarity(key))
            elif m.group(0).isdigit():  # "5 гостей", "5 guests": a single digit, a weak clue, not a fact
                c.add("d:" + m.group(0), WORD, m.group(0), factor * DIGIT_RARITY)
        for hour, written in clock_hours(text) if digits else ():  # "о 17:00" and "at 5 pm": one hour
            c.add("h:" + hour, NUMBER, written, factor * CLOCK_RARITY)
        for ch in _EMOJI.findall(text):
            c.add("e:" + ch, EMOJI, ch, factor * EMOJI_RARITY)
        known = memo.setdefault((lang, own), {}) if memo is not None else {}
        get = found.get
        # each word once, in order (the first spelling labels a clue), of the text's lead only
        for w in _lead_words(text):
            word_clues = known.get(w)
            if word_clues is None:
                word_clues = known[w] = _word_clues(w, lang, own)
            for key, kind, rarity in word_clues:
                rarity *= factor
                old = get(key)  # `Clues.add`, inline: this loop runs for every word of the day
                if old is None or (_RANK[kind], rarity) > (_RANK[old[0]], old[2]):
                    found[key] = (kind, w, rarity)
    return c


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
    english = lang == ENGLISH
    latin_of = _LATIN["uk" if lang == "uk" else "ru"]
    spellings = [folded.translate(latin_of)]
    if lang == "uk" and "г" in folded:
        spellings.append(folded.replace("г", "ґ").translate(latin_of))
    # the uncached forms: this function's own cache already holds each word once
    rarity = _language_rarity.__wrapped__(word, lang)
    if not english and rarity < CAPITAL_RARITY and word[0].isupper():
        rarity = CAPITAL_RARITY
    out = []
    if not english and folded[:3].translate(_APOSTROPHES) in cldr_prefixes(lang):
        named = english_cldr_word(word, lang)
        if named:  # "вівторок" is a clue Tuesday shares, "російською" one Russian shares
            out.append(("w:" + skeleton(named), WORD, max(rarity, _language_rarity(named, ENGLISH), CLDR_RARITY)))
    number = number_word(folded)
    if number:  # "двох" and "two" are the digit 2; "десять" is 10
        out.append(("d:" + number, NUMBER, _number_rarity(number)) if len(number) >= 2 else ("d:" + number, WORD, DIGIT_RARITY))
    english_fold = english_key(folded) if english and glossed else ""
    if rarity > 0:  # a word too common to weigh anything is no clue: not kept at all
        keyed = {}
        for latin in spellings:
            sk = keyed[latin] = skeleton.__wrapped__(latin)
            if len(sk) >= 3 and len(folded) >= 4:
                out.append(("w:" + sk, WORD, rarity))
            else:
                key = loose.__wrapped__(latin)
                if len(key) >= 3:
                    out.append(("l:" + key, WORD, rarity))
        if glossed:
            # the stem clue: the word less its inflection, so стімерів and steamers meet (stmr) where their skeletons do not
            if english:
                bares = [english_fold]
            else:
                bare = _uninflected(folded)
                if bare != folded and _VOWEL_ENDING.fullmatch(folded, len(bare)):
                    bare = folded  # a vowel ending drops from the skeleton anyway: the word's own skeleton is the stem's
                bares = [spellings[0]] if bare == folded else [bare.translate(latin_of)]
                if len(spellings) > 1:
                    bares.append(spellings[1] if bare == folded else bare.replace("г", "ґ").translate(latin_of))
            for bare in bares:
                stem = (keyed[bare] if bare in keyed else skeleton.__wrapped__(bare))[:STEM_LEN]
                if len(stem) >= STEM_LEAST:
                    out.append((STEM_PREFIX + stem, STEM, rarity))
    if glossed:  # an English word's own fold when a listed word glosses to it, a listed word's glosses
        if english:
            if english_fold in english_keys():
                out.append((GLOSS_PREFIX + english_fold, GLOSS, GLOSS_RARITY))
        elif lang in GLOSS_LANGS or lang in _CYRILLIC_LANGS:
            out += [(GLOSS_PREFIX + k, GLOSS, GLOSS_RARITY) for k in glosses(word, lang)]
    return tuple(out)


# case and number endings of Russian and Ukrainian nouns and adjectives, longest first
_INFLECTIONS = ("ами", "ями", "ові", "еві", "ого", "ому", "ими", "іми", "ою", "ею", "ів", "ах", "ях", "ам", "ям", "ом",
                "ем", "им", "ім", "ої", "ий", "ій", "их", "іх", "ых", "ым", "ый", "ой", "ая", "ое", "ые", "ие", "ья",
                "а", "я", "у", "ю", "і", "и", "ы", "е", "о", "ь", "й", "є", "ї")


_VOWEL_ENDING = re.compile("[аяуюіиыеоьйєї]+")  # endings the skeleton drops letter by letter (й is y, ь nothing)
_INFLECTIONS_BY_SIZE = tuple((size, frozenset(e for e in _INFLECTIONS if len(e) == size)) for size in (3, 2, 1))


def _uninflected(word: str) -> str:
    """A Cyrillic word less its case or number ending, keeping at least four letters (стімерів -> стімер)."""
    n = len(word)
    for size, endings in _INFLECTIONS_BY_SIZE:  # the longest ending first
        if n - size >= 4 and word[-size:] in endings:
            return word[:-size]
    return word


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
    margin: float = 0.0  # when the two are each other's best match across languages: how far ahead of the best rival left free
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
        return (f"; each the other's best match across languages, glossed words counted: weight "
                f"{self.glossed_weight:.1f}, share {self.glossed_share:.2f}, {_ahead(self.margin)} (needs {MUTUAL_MARGIN:g}, or "
                f"{MUTUAL_STRONG_MARGIN:g} with a score of {MUTUAL_STRONG:g}; weight {MUTUAL_FLOOR:g}, share {MUTUAL_SHARE:g})")


# Cyrillic languages share much of their vocabulary (вакцина, вакцини): a Russian and a Ukrainian report
# are compared as two in one language, not as an article and its translation into English
_CYRILLIC_LANGS = frozenset({"ru", "uk", "be", "bg", "mk", "sr", "kk"})


def _family(lang: str) -> str:
    return "cyrillic" if lang in _CYRILLIC_LANGS else lang


class _Weights:
    """Each digest's {clue: weight}, made when first asked for from a large day's flat list of weights."""

    def __init__(self, founds: list[dict], flat: list[float]):
        self._founds, self._flat, self._made = founds, flat, {}
        self._start = [0]
        for f in founds:
            self._start.append(self._start[-1] + len(f))

    def __len__(self) -> int:
        return len(self._founds)

    def __getitem__(self, i: int) -> dict[str, float]:
        made = self._made.get(i)
        if made is None:
            made = self._made[i] = dict(zip(self._founds[i], self._flat[self._start[i]:self._start[i + 1]]))
        return made


_third = itemgetter(2)
ARRAYS_FROM_DAY = 100  # a day of this many digests is weighed and paired over numpy arrays


class _Day:
    """The clues of a day's digests and the rarity of each clue among them."""

    def __init__(self, digests: list[Digest]):
        mains = [next(iter(d.article.languages()), "und") for d in digests]
        if len(digests) >= LISTS_IN_MEMORY_FROM:
            answer_from_memory()
        texts = [_texts(d) for d in digests]
        memo: dict = {}
        self.clues = [clues(d, main, memo, t) for d, main, t in zip(digests, mains, texts)]
        self.index = None  # a large day's clue index as arrays (`_weigh_arrays`); a small day's is `members`
        self.members: dict[str, list[tuple[int, float]]] = {}
        if len(digests) >= ARRAYS_FROM_DAY:
            self._weigh_arrays()
        else:
            self._weigh()
        self.langs = [_family(main) for main in mains]

    def _weigh(self) -> None:
        """Each clue's weight in each digest (its kind's weight times the lesser of idf and rarity), once.

        The pair loops only look them up. Also each digest's totals, and each clue two digests or
        more hold, with its members and their weights (`_shared_weights` pairs them).
        """
        df = Counter(chain.from_iterable(c.found for c in self.clues))
        n = max(len(self.clues), MIN_DAY)
        idf = {key: math.log((n + 1) / (k + 0.5)) for key, k in df.items()}
        alone = math.log((n + 1) / 1.5)  # the idf of a clue one digest holds: it pairs nothing, so is not indexed
        self.weights, self.plain_totals, self.totals = [], [], []
        members = self.members
        for i, c in enumerate(self.clues):
            weights: dict[str, float] = {}
            plain = 0.0
            by_word: dict[str, float] = {}  # gloss clues, each word once: "можна" glosses to can and possible, says one thing
            for key, (kind, label, rarity) in c.found.items():
                k = idf[key]
                w = weights[key] = WEIGHTS[kind] * (k if k < rarity else rarity)
                if w > 0 and k != alone:  # a common word weighs nothing in any pair
                    if key in members:
                        members[key].append((i, w))
                    else:
                        members[key] = [(i, w)]
                if key[0] == "g":  # GLOSS_PREFIX
                    if w > by_word.get(label, 0.0):
                        by_word[label] = w
                else:
                    plain += w
            self.weights.append(weights)
            # totals across languages count gloss clues; totals within one language do not
            self.plain_totals.append(plain)
            self.totals.append(plain + sum(by_word.values()))

    def _weigh_arrays(self) -> None:
        """`_weigh` over numpy arrays, every (digest, clue) a row: the same weights and totals, a day at once.

        Sets `index` to the rows of clues two digests or more hold with weight, sorted by clue
        (digests in order within one): digest, weight, clue id, and whether the clue is a gloss.
        """
        import numpy as np

        founds = [c.found for c in self.clues]
        size = sum(map(len, founds))
        key_id: dict[str, int] = {}
        keys = np.fromiter(map(key_id.setdefault, chain.from_iterable(founds), count()), np.int64, size)
        readings = list(chain.from_iterable(f.values() for f in founds))
        rarity = np.fromiter(map(_third, readings), float, size)
        kind_weight = np.fromiter(map(WEIGHTS.__getitem__, map(_first, readings)), float, size)
        digest = np.repeat(np.arange(len(founds)), np.fromiter(map(len, founds), np.int64, len(founds)))
        df = np.bincount(keys, minlength=size)
        n = max(len(founds), MIN_DAY)
        idf = np.log((n + 1) / (df[keys] + 0.5))
        w = kind_weight * np.minimum(idf, rarity)
        is_gloss_key = np.zeros(size, bool)
        is_gloss_key[[k for key, k in key_id.items() if key[0] == "g"]] = True  # GLOSS_PREFIX
        gloss = is_gloss_key[keys]
        plain = np.bincount(digest, weights=np.where(gloss, 0.0, w), minlength=len(founds))
        # gloss clues, each word once: its heaviest gloss
        rows = np.flatnonzero(gloss)
        label_id: dict[str, int] = {}
        labels = np.fromiter(map(label_id.setdefault, (readings[r][1] for r in rows.tolist()), count()), np.int64, len(rows))
        code = digest[rows] * (len(rows) + 1) + labels
        order = np.lexsort((-w[rows], code))
        first = np.ones(len(order), bool)
        first[1:] = code[order][1:] != code[order][:-1]
        heaviest = order[first]
        glossed = np.bincount(digest[rows][heaviest], weights=w[rows][heaviest], minlength=len(founds))
        self.plain_totals = plain.tolist()
        self.totals = (plain + glossed).tolist()
        self.weights = _Weights(founds, w.tolist())
        held = np.flatnonzero((w > 0) & (df[keys] >= 2))  # a common word weighs nothing in any pair
        held = held[np.argsort(keys[held], kind="stable")]
        self.index = (digest[held], w[held], keys[held], gloss[held])

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


@dataclass
class _Pairs:
    """The pairs (i < j) of a day's digests that share an indexed clue: lists, or numpy arrays on a large day.

    `plain` is the weight they share in names, numbers, words and emoji (what the bars
    weigh; 0 for a pair sharing gloss clues only, `has_plain` False), `total` with gloss
    clues too (what best matches rank), and `common` each digest's weight in the clues too
    common to index. Pairs are in order of (i, j), so ties are broken the same either way.
    """

    i: list[int]
    j: list[int]
    plain: list[float]
    total: list[float]
    has_plain: list[bool]
    common: list[float]
    arrays: bool = False

    def ranked_across(self, day: _Day, linkable: bool = False) -> list[tuple[float, int, int, float, float]]:
        """(score, i, j, weight, share) of the pairs across languages sharing at least `MUTUAL_LEAST`, best first.

        With `linkable`, only those weighty enough to be linked (`MUTUAL_FLOOR`, `MUTUAL_SHARE`);
        `partner_runs` still ranks every one.
        """
        totals, langs = day.totals, day.langs
        if self.arrays:
            import numpy as np

            family = {lang: k for k, lang in enumerate(dict.fromkeys(langs))}
            fam = np.array([family[lang] for lang in langs])
            keep = (self.total >= MUTUAL_LEAST) & (fam[self.i] != fam[self.j])
            i, j, w = self.i[keep], self.j[keep], self.total[keep]
            tot = np.array(totals)
            share = w / np.sqrt(tot[i] * tot[j])
            score = w * np.sqrt(share)
            order = np.argsort(-score, kind="stable")
            self._ranked = (score[order], i[order], j[order])
            if linkable:
                order = order[(w[order] >= MUTUAL_FLOOR) & (share[order] >= MUTUAL_SHARE)]
            return list(zip(score[order].tolist(), i[order].tolist(), j[order].tolist(), w[order].tolist(), share[order].tolist()))
        found = []
        sqrt = math.sqrt
        for i, j, w in zip(self.i, self.j, self.total):
            if w >= MUTUAL_LEAST and langs[i] != langs[j]:
                share = w / sqrt(totals[i] * totals[j])
                found.append((w * sqrt(share), i, j, w, share))
        found.sort(key=_first, reverse=True)  # stable: ties in (i, j) order
        self._found = found
        return [f for f in found if f[3] >= MUTUAL_FLOOR and f[4] >= MUTUAL_SHARE] if linkable else found

    def partner_runs(self, n: int) -> tuple[list[int], list[int], list[float]]:
        """Each digest's partners as `ranked_across` ranked them, best first, as one flat list cut into runs.

        Returns (start, partner, score): digest x's partners are partner[start[x]:start[x + 1]].
        """
        if self.arrays:
            import numpy as np

            score, i, j = self._ranked
            ends = np.concatenate([i, j])
            rank = np.concatenate([np.arange(len(i)), np.arange(len(i))])
            order = np.lexsort((rank, ends))  # by digest, then in score order
            start = np.searchsorted(ends[order], np.arange(n + 1)).tolist()
            return start, np.concatenate([j, i])[order].tolist(), np.concatenate([score, score])[order].tolist()
        found = self._found
        count = [0] * (n + 1)
        for _, i, j, _, _ in found:
            count[i + 1] += 1
            count[j + 1] += 1
        for x in range(n):
            count[x + 1] += count[x]
        start, fill = count, count[:-1]
        partner, partner_score = [0] * start[n], [0.0] * start[n]
        for score, i, j, _, _ in found:  # in score order, so each run is sorted
            for x, y in ((i, j), (j, i)):
                at = fill[x]
                partner[at], partner_score[at] = y, score
                fill[x] = at + 1
        return start, partner, partner_score

    def within_reach(self, day: _Day, floor: float, least_share: float) -> list[tuple[int, int]]:
        """The pairs whose names, numbers and words may reach `floor` and `least_share`, common clues counted at most."""
        common, totals = self.common, day.plain_totals
        if self.arrays:
            import numpy as np

            c, t = np.array(common), np.array(totals)
            most = self.plain + np.minimum(c[self.i], c[self.j])
            keep = self.has_plain & (most >= floor) & (most >= least_share * np.sqrt(t[self.i] * t[self.j]))
            return list(zip(self.i[keep].tolist(), self.j[keep].tolist()))
        sqrt = math.sqrt
        out = []
        for i, j, w, has_plain in zip(self.i, self.j, self.plain, self.has_plain):
            # the common clues left out of the index weigh at most the smaller side's share of them
            ci, cj = common[i], common[j]
            most = w + (ci if ci < cj else cj)
            if has_plain and most >= floor and most >= least_share * sqrt(totals[i] * totals[j]):
                out.append((i, j))
        return out


ARRAYS_FROM = 20_000  # a day whose index meets this many (pair, clue) incidences sums them over numpy arrays


def _shared_weights(day: _Day) -> _Pairs:
    """The weight each pair (i < j) of the day's digests shares, leaving out clues a tenth of the day has.

    Only pairs sharing at least one clue are met, through an index of clues, so a day of
    hundreds of articles is not a comparison of every pair. A gloss clue counts across
    languages only. A large day is summed over numpy arrays (the same sums, fifty times
    faster); a small one in plain Python, which costs less than importing numpy.
    """
    n = len(day.clues)
    most = max(COMMON_SHARE * n, MIN_DAY)
    if day.index is not None:
        return _summed_index(day, most)
    common = [0.0] * n  # the weight each digest holds in the clues left out, so pairs can be pruned exactly
    indexed: list[tuple[str, list[tuple[int, float]]]] = []
    incidences = 0
    for key, held in day.members.items():
        m = len(held)
        if m > most:
            for i, w in held:
                common[i] += w
        elif m >= 2:
            indexed.append((key, held))
            incidences += m * (m - 1) // 2
    if incidences >= ARRAYS_FROM:
        return _Pairs(*_summed_arrays(day, indexed), common=common, arrays=True)
    return _Pairs(*_summed_python(day, indexed), common=common)


def _summed_python(day: _Day, indexed: list[tuple[str, list[tuple[int, float]]]]):
    """`_shared_weights`' sums in plain Python: (i, j, plain, total, has_plain) lists."""
    n = len(day.clues)
    flat: dict[int, float] = {}  # pair (i, j) as i * n + j: an int hashes faster than a tuple in this, the inner loop
    glossed: dict[int, float] = {}
    langs = day.langs
    for key, held in indexed:
        gloss = key.startswith(GLOSS_PREFIX)
        into = glossed if gloss else flat
        get = into.get
        for x, (i, wi) in enumerate(held):
            base = i * n
            for j, wj in held[x + 1:]:
                if not gloss or langs[i] != langs[j]:
                    into[base + j] = get(base + j, 0.0) + (wi if wi < wj else wj)
    codes = sorted(flat.keys() | glossed.keys())
    plain = [flat.get(c, 0.0) for c in codes]
    total = [p + glossed.get(c, 0.0) for p, c in zip(plain, codes)]
    return [c // n for c in codes], [c % n for c in codes], plain, total, [c in flat for c in codes]


def _summed_arrays(day: _Day, indexed: list[tuple[str, list[tuple[int, float]]]]):
    """`_shared_weights`' sums over numpy arrays, clues grouped by how many digests hold them."""
    import numpy as np

    n = len(day.clues)
    family = {lang: k for k, lang in enumerate(dict.fromkeys(day.langs))}
    langs = np.array([family[lang] for lang in day.langs], dtype=np.int64)
    by_size: dict[tuple[int, bool], list[list[tuple[int, float]]]] = {}
    for key, held in indexed:
        by_size.setdefault((len(held), key.startswith(GLOSS_PREFIX)), []).append(held)
    codes: dict[bool, list] = {False: [], True: []}
    values: dict[bool, list] = {False: [], True: []}
    for (m, gloss), rows in by_size.items():
        held = np.array(rows)  # (clues, members, 2): each member's digest and weight
        _add_pairs(held[:, :, 0].astype(np.int64), held[:, :, 1], gloss, langs, n, codes, values)
    return _reduced(codes, values, n)


def _add_pairs(ids, ws, gloss: bool, langs, n: int, codes: dict[bool, list], values: dict[bool, list]) -> None:
    """Every pair of members of each clue (rows of `ids`, digests in order, with weights `ws`) as a pair code
    and the lesser weight, into codes[gloss] and values[gloss]; a gloss clue only joins different languages."""
    import numpy as np

    left, right = np.triu_indices(ids.shape[1], 1)
    a, b = ids[:, left].ravel(), ids[:, right].ravel()  # a < b: each clue's members are in digest order
    v = np.minimum(ws[:, left], ws[:, right]).ravel()
    if gloss:
        cross = langs[a] != langs[b]
        a, b, v = a[cross], b[cross], v[cross]
    codes[gloss].append(a * n + b)
    values[gloss].append(v)


def _summed_index(day: _Day, most: float) -> _Pairs:
    """`_shared_weights` from a large day's index arrays: clues grouped by how many digests hold them."""
    import numpy as np

    n = len(day.clues)
    digest, weight, key, gloss = day.index
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, len(key)])
    too_common = np.repeat(sizes > most, sizes)  # held by more than a tenth of the day: left out of the pairs
    common = np.bincount(digest[too_common], weights=weight[too_common], minlength=n)
    family = {lang: k for k, lang in enumerate(dict.fromkeys(day.langs))}
    langs = np.array([family[lang] for lang in day.langs], dtype=np.int64)
    codes: dict[bool, list] = {False: [], True: []}
    values: dict[bool, list] = {False: [], True: []}
    for m in np.unique(sizes[(sizes >= 2) & (sizes <= most)]).tolist():
        for is_gloss in (False, True):
            first = starts[(sizes == m) & (gloss[starts] == is_gloss)]
            if not len(first):
                continue
            at = first[:, None] + np.arange(m)  # (clues, members): each member's row
            _add_pairs(digest[at], weight[at], is_gloss, langs, n, codes, values)
    return _Pairs(*_reduced(codes, values, n), common=common.tolist(), arrays=True)


def _reduced(codes: dict[bool, list], values: dict[bool, list], n: int):
    """Per-pair sums of (pair code, weight) arrays, plain clues and gloss clues apart: (i, j, plain, total, has_plain)."""
    import numpy as np

    plain_codes = np.concatenate(codes[False]) if codes[False] else np.zeros(0, np.int64)
    gloss_codes = np.concatenate(codes[True]) if codes[True] else np.zeros(0, np.int64)
    pairs, where = np.unique(np.concatenate([plain_codes, gloss_codes]), return_inverse=True)
    k = len(plain_codes)
    size = len(pairs)
    plain = np.bincount(where[:k], weights=np.concatenate(values[False]) if values[False] else None, minlength=size)
    glossed = np.bincount(where[k:], weights=np.concatenate(values[True]) if values[True] else None, minlength=size)
    has_plain = np.bincount(where[:k], minlength=size) > 0
    return pairs // n, pairs % n, plain, plain + glossed, has_plain


def candidate_pairs(digests: list[Digest], floor: float | None = None) -> list[tuple[int, int, Evidence]]:
    """Every pair (i < j) of `digests` that may be the same story, with its evidence.

    Those whose shared clues weigh at least `floor` and `least share` of what each says, and
    those linked as each other's clear best match across languages (`best_matches`).
    """
    day = _Day(digests)
    return day_candidates(day, _shared_weights(day), floor)


def day_candidates(day: _Day, pairs: _Pairs, floor: float | None = None) -> list[tuple[int, int, Evidence]]:
    """`candidate_pairs` from a day's clues and shared weights already gathered (`_Day`, `_shared_weights`)."""
    if floor is None:
        floor = min(w for w, _ in THRESHOLDS.values())
    least_share = min(share for _, share in THRESHOLDS.values())
    plain_totals = day.plain_totals
    mutual = best_matches(day, pairs)
    out = [(i, j, ev) for (i, j), ev in mutual.items()]
    for i, j in pairs.within_reach(day, floor, least_share):
        if (i, j) in mutual:
            continue
        wa, wb = day.weights[i], day.weights[j]
        weight = sum(min(wa[k], wb[k]) for k in wa.keys() & wb.keys() if not k.startswith(GLOSS_PREFIX))
        if weight < floor or weight < least_share * math.sqrt(plain_totals[i] * plain_totals[j]):
            continue  # the full evidence (labels, kinds) only for pairs that may pass
        out.append((i, j, day.evidence(i, j)))
    return out


def best_matches(day: _Day, pairs: _Pairs) -> dict[tuple[int, int], Evidence]:
    """Pairs across languages linked as each other's clear best match, with their evidence (its margin set).

    A short message and its translation share a few ordinary words and little else, too
    little for a threshold that must keep apart unrelated reports; but among a day's
    articles in the other language, each is the other's best match, ahead of the runners-up.
    This is competitive linking, as in bitext mining: pairs are taken strongest first, each
    article linked once across languages, and a pair is linked when it passes
    `clear_match` against the best alternatives still free on either side (its margin is
    its score over theirs) and rests on `enough_clues`; the pass is made again while it
    links anything, since a late link frees a pair passed over. An alternative is not free when it
    is linked, or when the tentative one-to-one matching (strongest pairs first, each
    article once, no margin asked) gives it a partner of its own `MUTUAL_TAKEN` times
    stronger: a source whose best partner is another's translation may still be told from
    its own by the partners left. Scores are shared weight times the square root of the share (a
    long article sharing many clues with everything ranks below a short one sharing its
    only name). Pairs sharing less than `MUTUAL_LEAST` are not ranked at all.
    """
    n = len(day.totals)
    found = pairs.ranked_across(day, linkable=True)
    # each digest's partners, best first, as one flat list cut into runs: `start[x]` to `start[x + 1]`
    start, partner, partner_score = pairs.partner_runs(n)
    first_free = start[:-1]  # where each run's first partner not yet linked or taken may be: neither is undone
    linked = [False] * n
    # the tentative one-to-one matching, strongest pairs first, each digest once, no margin asked: an
    # alternative partner already held by a pair `MUTUAL_TAKEN` times stronger is no rival
    mate, mate_score = [-1] * n, [0.0] * n
    for score, i, j, _, _ in found:
        if mate[i] < 0 and mate[j] < 0:
            mate[i], mate[j], mate_score[i], mate_score[j] = j, i, score, score

    def gone(x: int, at: int) -> bool:
        """True when x's partner at `at` is linked, or taken by another of its own `MUTUAL_TAKEN` times stronger."""
        y = partner[at]
        return linked[y] or (mate[y] >= 0 and mate[y] != x and mate_score[y] >= MUTUAL_TAKEN * partner_score[at])

    def alternative(x: int, other: int) -> float:
        at, end = first_free[x], start[x + 1]
        while at < end and gone(x, at):
            at += 1
        first_free[x] = at
        while at < end:
            if partner[at] != other and not gone(x, at):
                return partner_score[at]
            at += 1
        return 0.0

    out: dict[tuple[int, int], Evidence] = {}
    before = -1
    while len(out) > before:  # passes until one links nothing: a link made late can clear a pair passed over
        before = len(out)
        for score, i, j, w, share in found:
            if linked[i] or linked[j]:
                continue
            runner_up = max(alternative(i, j), alternative(j, i))
            margin = score / runner_up if runner_up else math.inf
            if clear_match(w, share, margin):
                ev = day.evidence(i, j)
                if enough_clues(ev.shared):
                    ev.margin = margin
                    linked[i] = linked[j] = True
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


def _ahead(margin: float) -> str:
    """How far a best match across languages is ahead of its best rival left free, in words."""
    return "no rival left free" if math.isinf(margin) else f"{margin:.1f} times the best rival left free"


def reason(ev: Evidence, limit: int = 6) -> str:
    """The shared clues of a merge in a few words: "names Kazan, Ilsur Metshin; cognates мост~most (weight 23.4, ...)"."""
    parts = []
    words = "words" if ev.within else "cognates"  # across languages a shared word is one romanised: parlament~parliament
    for kind, title in ((NAME, "names"), (NUMBER, "numbers"), (WORD, words), (STEM, "stems"), (GLOSS, "glossed words"),
                        (EMOJI, "emoji")):
        labels = []
        for k, label, _ in ev.shared:
            if k == WORD and _DIGIT.search(label):  # a single digit, or a number word and its digit: a number
                k = NUMBER
            if k == kind and label not in labels:
                labels.append(label)
        if labels:
            parts.append(f"{title} " + ", ".join(labels[:limit]) + (" …" if len(labels) > limit else ""))
    least_weight, least_share = THRESHOLDS["within" if ev.within else "across"]
    if ev.by_best_match and not ev.by_threshold:  # what decided: the best match, not the bars
        return (f"{'; '.join(parts) or 'nothing shared'} (each the other's best match across languages: weight "
                f"{ev.glossed_weight:.1f}, share {ev.glossed_share:.2f}, {_ahead(ev.margin)}; needs {MUTUAL_MARGIN:g} times)")
    return (f"{'; '.join(parts) or 'nothing shared'} (weight {ev.weight:.1f} of {least_weight:g} needed, "
            f"share {ev.share:.2f} of {least_share:g} {'in one language' if ev.within else 'across languages'})")
