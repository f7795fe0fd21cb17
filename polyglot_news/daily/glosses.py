"""English glosses of frequent Russian and Ukrainian words, to match a story with its translation.

Names, numbers and cognates carry a news report across languages, but a short message
("Дякую, завтра буду о 10") has few of them: what it shares with its translation is
ordinary words. `gloss_lists/` holds about a thousand frequent words of each language
(chosen from wordfreq's general lists, glossed by us) as dictionary forms, each with the
frequent inflected forms its stem would miss (було for бути, хочу for хотіти), written
`бути|було|був`. An inflected
word meets its dictionary form by stem: the form less its ending (`stem_of`), followed by
at most `MAX_ENDING` letters (two after a stem of three letters), the longest stem winning.
English words are folded by `english_key` (plural, -ed, -ing, final e), the same fold the
glosses get, so "cleaning", "cleaned" and "clean" meet.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

GLOSS_LANGS = ("uk", "ru")
MAX_ENDING = 4  # letters an inflection may add after a stem
SHORT_STEM, SHORT_ENDING = 3, 2  # a stem this short may take only this many
_LISTS = Path(__file__).with_name("gloss_lists")

# endings of dictionary forms, longest first within each part of speech: what inflection replaces
_VERB_ENDINGS = ("увати", "ювати", "овать", "евать", "ити", "іти", "ати", "яти", "ути", "ити", "ить", "ать", "ять",
                 "еть", "уть", "оть", "ти", "чь")
_ENDINGS = ("ий", "ій", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ія", "ия", "ья", "ня", "а", "я", "о", "е", "ь",
            "й", "и", "і", "ы", "у", "ю", "є")


def stem_of(lemma: str) -> str:
    """The part of a dictionary form that inflection keeps (дякувати -> дяку, людина -> людин), at least three letters."""
    w = lemma.casefold().replace("ё", "е").replace("’", "'")
    for reflexive in ("ся", "сь"):
        if w.endswith(reflexive) and len(w) > 5:
            w = w[:-2]
            break
    for ending in (*_VERB_ENDINGS, *_ENDINGS):
        if w.endswith(ending) and len(w) - len(ending) >= SHORT_STEM:
            ending_kept = "у" if ending in ("увати", "овать") else "ю" if ending in ("ювати", "евать") else ""
            return w[: len(w) - len(ending)] + ending_kept
    return w


def english_key(word: str) -> str:
    """An English word folded so its inflections meet: lower case, no plural, -ed, -ing or final e."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    n = len(w)
    if n > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif n > 5 and w.endswith("ing"):
        w = w[:-3]
    elif n > 4 and w.endswith("ed"):
        w = w[:-2]
    elif n > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # stopped, running
    return w


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, tuple[str, ...]]:
    """{stem: English keys} for one language's list; empty when the language has none."""
    path = _LISTS / f"{lang}.tsv"
    if lang not in GLOSS_LANGS or not path.exists():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        words, _, glosses = line.partition("\t")
        keys = tuple(dict.fromkeys(english_key(g) for g in glosses.split()))
        for word in words.split("|"):
            for stem in _stems(word, lang):
                out[stem] = tuple(dict.fromkeys(out.get(stem, ()) + keys))
    return out


def _stems(word: str, lang: str) -> list[str]:
    """A dictionary form's stem, and for Ukrainian the stem with its last і as о and е (гість, гостей; рік, року)."""
    stem = stem_of(word)
    out = [stem]
    at = stem.rfind("і")
    if lang == "uk" and at > 0:
        out += [stem[:at] + v + stem[at + 1:] for v in ("о", "е")]
    return out


@lru_cache(maxsize=1)
def english_keys() -> frozenset[str]:
    """Every English key some listed word glosses to: only these are clues on the English side."""
    return frozenset(k for lang in GLOSS_LANGS for keys in _table(lang).values() for k in keys)


@lru_cache(maxsize=4)
def _lookup(lang: str) -> dict[str, tuple[str, ...]]:
    """{stem: English keys} for a word of `lang`: its own list's stems over the other list's."""
    own = lang if lang in GLOSS_LANGS else GLOSS_LANGS[0]
    out: dict[str, tuple[str, ...]] = {}
    for table_lang in (*(x for x in GLOSS_LANGS if x != own), own):  # the own list last, so it wins
        out.update(_table(table_lang))
    return out


@lru_cache(maxsize=200_000)
def glosses(word: str, lang: str) -> tuple[str, ...]:
    """The English keys of a Russian or Ukrainian word (дякую -> ("thank",)), else ().

    The word's own list wins, but the other one is looked in too: a short message is easily
    taken for its neighbour language. The longest stem the word starts with wins.
    """
    w = word.casefold().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    table = _lookup(lang)
    n = len(w)
    for cut in range(0, MAX_ENDING + 1):
        size = n - cut
        if size < SHORT_STEM or (size == SHORT_STEM and cut > SHORT_ENDING):
            break
        keys = table.get(w[:size])
        if keys:
            return keys
    return ()
