"""Words, lemmas and name tags: pymorphy3 for Russian and Ukrainian, simple rules elsewhere.

pymorphy3 ships its dictionaries as packages (pymorphy3-dicts-ru, -uk), so nothing is
downloaded; an analyser is built once per language on first use (about 0.3 s).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

MORPH_LANGS = ("ru", "uk")
# pymorphy3 grammemes that mark proper names
PERSON_TAGS = {"Name", "Surn", "Patr"}
PLACE_TAGS = {"Geox"}
ORG_TAGS = {"Orgn", "Trad"}
NAME_TAGS = PERSON_TAGS | PLACE_TAGS | ORG_TAGS
# what the caches below keep: a few pages' texts (a page's steps read its segments while they are
# fresh), and the distinct words of a long run's recent pages; bounded, so a long run's memory is
TEXTS_KEPT = 1024
WORDS_KEPT = 65_536

# a word: letters, with inner hyphens or apostrophes (аль-Мишри, O'Brien, Знам'янка);
# or a dotted abbreviation (U.S., U.K.)
WORD = re.compile(
    r"(?:[A-Z]\.){2,}"  # a dotted abbreviation: U.S.
    r"|[^\W\d_][^\W_]*(?:[-'’ʼ][^\W_]+)*"  # a word, maybe with digits (S7) or inner hyphens (аль-Мишри)
    r"(?:\.(?i:ru|com|org|net|ua|by|kz|de|info|io)\b)?",  # ... or a site name: Lenta.ru, URA.RU
    re.UNICODE,
)


class Token(NamedTuple):
    """One word of a text with its character span.

    `capitalised`: True when the word starts with a capital (after a lowercase particle: al-Assad).
    A named tuple, built straight from its fields (`tokens_of`): the glossary pass makes a hundred
    thousand tokens a folder, and a tuple costs half what an instance with a `__dict__` does.
    """

    text: str
    start: int
    end: int
    capitalised: bool

    @property
    def mixed_acronym(self) -> bool:
        """True for words with two or more capitals after the first letter (УрФО, БАДов, iPhone aside)."""
        return sum(map(str.isupper, self.text[1:])) >= 1 and self.text[:1].isupper() and not self.acronym \
            and sum(map(str.isupper, self.text)) >= 2 and "-" not in self.text

    @property
    def acronym(self) -> bool:
        """True for all-capital words of two to six letters (SSNP, НАТО) and dotted ones (U.S.)."""
        letters = self.text.replace(".", "")
        return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def _script(part: str) -> str:
    return "cyrl" if any("\u0400" <= c <= "\u04ff" for c in part) else "latn"


def tokens(text: str) -> list[Token]:
    """The words of `text` with their spans.

    A hyphenated word that changes script is two words ("Telegram-канала": a name and a noun).
    """
    return list(tokens_of(text))


@lru_cache(maxsize=TEXTS_KEPT)
def tokens_of(text: str) -> tuple[Token, ...]:
    """`tokens(text)` as the tuple kept for the text, not a copy of it, for callers that only read it.

    Kept: the glossary pass reads each segment of a page several times (Token is immutable)."""
    out = []
    append, new, find = out.append, tuple.__new__, text.find  # tuple.__new__: the named tuple's own is a Python call
    end = 0
    # findall and find, not finditer's match objects: every letter can start a WORD and every WORD
    # starts with one, so no letter lies between a word and the one before it, and `find` from the
    # previous word's end lands where the pattern matched
    for word in WORD.findall(text):
        start = find(word, end)
        end = start + len(word)
        if "-" in word:
            parts = word.split("-")
            if len({_script(p) for p in parts}) > 1:
                pos = start
                for p in parts:
                    append(new(Token, (p, pos, pos + len(p), p[:1].isupper())))
                    pos += len(p) + 1
                continue
            # a lowercase particle before a capitalised name: al-Assad
            first = parts[-1] if word[:1].islower() else word
        else:
            first = word
        append(new(Token, (word, start, end, first[:1].isupper())))
    return tuple(out)


# what sits between two words when the second starts a sentence or a quotation
_BOUNDARY = re.compile(
    r"[.!?…:;][\"'»”’)\]]*\s*[\"'«„“‘(\[—–-]*\s*$"  # end of sentence, maybe a quote or dash opening
    r"|[«„“‘]\s*$"  # an opening quotation mark
    r"|\s[\"'(]$"  # a straight quote or bracket opening after a space
    r"|\s[—–-]\s+$"  # a dash before direct speech
)


def starts_sentence(text: str, tok: Token, prev_end: int) -> bool:
    """True when `tok` starts a sentence or quotation, judging by the text after the previous word."""
    if prev_end <= 0 and not text[:tok.start].strip(" \t\"'«„“(—–-"):
        return True
    return bool(_BOUNDARY.search(text[prev_end: tok.start]))


@lru_cache(maxsize=WORDS_KEPT)  # the glossary pass compares the same words many times a page
def normal(word: str) -> str:
    """Casefolded word with ё as е and typographic apostrophes made plain, for comparisons."""
    return word.casefold().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


@lru_cache(maxsize=None)
def analyser(lang: str):
    """The pymorphy3 analyser for `lang` (ru or uk), built once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(path=_dictionary_path(lang), lang=lang)


def _dictionary_path(lang: str) -> str | None:
    """Where the dictionary package of `lang` (pymorphy3-dicts-ru, -uk) keeps its data, or None to let
    pymorphy3 look (as it does when $PYMORPHY3_DICT_PATH names one). pymorphy3's own search reads the
    entry points of every installed distribution (importing importlib.metadata and the email package
    for it) each time an analyser is built; the package's module gives the same path at once."""
    import os

    import pymorphy3

    if pymorphy3.MorphAnalyzer.DICT_PATH_ENV_VARIABLE in os.environ:
        return None
    try:
        from importlib import import_module

        return import_module(f"pymorphy3_dicts_{lang}").get_path()
    except (ImportError, AttributeError):
        return None


@lru_cache(maxsize=WORDS_KEPT)
def parses(word: str, lang: str) -> tuple:
    """pymorphy3 parses of `word` (empty for languages without a morphology dictionary)."""
    if lang not in MORPH_LANGS:
        return ()
    try:
        return tuple(analyser(lang).parse(word))
    except ValueError:  # pymorphy3 looks up characters by Unicode name, and some have none (Tangut)
        return ()


def lemma_rules(lang: str) -> str:
    """Which rules `lemmas` applies in `lang`: languages with the same answer lemmatise alike."""
    return lang if lang in MORPH_LANGS or lang == "de" else "plain"


@lru_cache(maxsize=WORDS_KEPT)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """Every dictionary form `word` may be an inflection of, normalised, plus the word itself.

    English and German also drop a possessive or genitive "s" (Putin's, Putins).
    """
    base = normal(word)
    out = {base}
    if lang in MORPH_LANGS:
        for part_lemmas in _hyphen_lemmas(word, lang):
            out.add(part_lemmas)
    else:
        for suffix in ("'s", "s'", "’s"):
            if base.endswith(suffix):
                out.add(base[: -len(suffix)] + ("s" if suffix == "s'" else ""))
        if lang == "de" and base.endswith("s") and len(base) > 3:
            out.add(base[:-1])
    return frozenset(out)


def sole_lemma(word: str, lang: str) -> str | None:
    """`normal(word)` when it is the only lemma `lemmas(word, lang)` gives, else None: outside Russian
    and Ukrainian, a word that ends in neither "s" nor an apostrophe has no possessive or genitive to
    drop. A cheap first test for the glossary's matcher, which asks about every word of every page."""
    if lang in MORPH_LANGS:
        return None
    base = normal(word)
    return None if base.endswith(("s", "'")) else base


# case endings a foreign name may take in Russian or Ukrainian (Шольца, Шольцу, Шольцем)
_ENDINGS = ("ами", "ями", "ому", "ему", "ого", "его", "ой", "ей", "ом", "ем", "ым", "им", "ім", "ові", "еві",
            "ою", "ею", "ої", "ах", "ях", "ам", "ям", "ов", "ев", "а", "я", "у", "ю", "е", "є", "і", "и", "ы")


def stems(word: str) -> set[str]:
    """Possible dictionary forms of a word the dictionary does not know: the word less a case
    ending, with and without a final -а (Шольца -> шольц; Куфре -> куфр, куфра)."""
    low = normal(word)
    out = set()
    for end in _ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3:
            stem = low[: -len(end)]
            out |= {stem, stem + "а", stem + "я"}
    return out


def _hyphen_lemmas(word: str, lang: str) -> set[str]:
    """Lemmas of a word; hyphenated names decline in their last part only (аль-Мишри, Ростов-на-Дону)."""
    out = {normal(p.normal_form) for p in parses(word, lang)}
    if not in_dictionary(word, lang):
        out |= stems(word)
    if "-" in word:
        head, _, tail = word.rpartition("-")
        out |= {normal(head) + "-" + normal(p.normal_form) for p in parses(tail, lang)}
    return out


def name_tags(word: str, lang: str, share: float = 0.3) -> set[str]:
    """The proper-name grammemes (Name, Surn, Patr, Geox, Orgn, Trad) among the word's parses
    scoring at least `share` of the best one (0 for any parse)."""
    ps = parses(word, lang)
    if not ps:
        return set()
    top = ps[0].score
    out: set[str] = set()
    for p in ps:
        if p.score >= top * share:
            out |= set(p.tag.grammemes) & NAME_TAGS
    return out


@lru_cache(maxsize=WORDS_KEPT)
def in_dictionary(word: str, lang: str) -> bool:
    """True when the pymorphy3 dictionary for `lang` holds `word` (any case)."""
    return lang in MORPH_LANGS and analyser(lang).word_is_known(word.lower())


# parts of speech that never start a name: pronouns, prepositions, conjunctions, particles, verbs, adverbs
# (and pronominal adjectives, "Apro": того, этот)
FUNCTION_POS = {"NPRO", "PREP", "CONJ", "PRCL", "INTJ", "VERB", "INFN", "ADVB", "PRED", "GRND", "PRTS", "NUMR"}


@lru_cache(maxsize=WORDS_KEPT)
def function_word(word: str, lang: str) -> bool:
    """True when any dictionary reading of `word` is a pronoun, preposition, verb and the like."""
    if not in_dictionary(word, lang):
        return False
    return any(p.tag.POS in FUNCTION_POS or "Apro" in p.tag.grammemes for p in parses(word, lang))
