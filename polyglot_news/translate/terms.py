"""Curated terms kept in translation: the digest writes the glossary's English, whatever the model said.

After a segment is translated, every curated term found in its source text (in any inflected
form, by `curated.match.find_terms`) must stand in the English as the glossary writes it.
Where it does not, the model's rendering of the term is looked for in the English and replaced
by the curated form. Renderings are tried longest first:
1. the Latin spellings the glossary row lists ("Saint Petersburg" for "St Petersburg",
   "Ministry of Foreign Affairs" for "Foreign Ministry");
2. romanisations of the term as written and of its glossary forms ("Sankt-Peterburga", "Putin");
3. what the model makes of the term alone: one short extra translation per distinct glossary
   form (`alone_form`: "Дубай" for both "Дубае" and "Дубая", since English does not inflect
   the name), batched and cached like any sentence, its output capped at what could still be a
   name (`ALONE_MAX_TOKENS`) and decoded greedily (`ALONE_BEAM`); the stage passes them in as `model_says`. A term written in Latin
   letters in a text of another script ("Bloomberg" in Russian) is copied by the model, so its
   own spelling is a rendering and it is never sent alone. Nor is a term whose translation has
   no place such an answer could stand (`_room_for_answer`): the answer only counts where it
   stands as written, capitalised, in the English, so an English with no capitalised word that
   sounds like the term and no run of capitalised words cannot use it (a model that dropped
   the name, lower-cased it or wrote junk).
A person named by surname only ("Путина" for the row "Владимир Путин") counts as kept when the
surname of the English form is there: a translator does not repeat the full name each time.
A term whose rendering cannot be found stays as the model wrote it and is reported back, so the
stage can say so in the article's notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..curated import Entry, Glossary
from ..curated.match import Match, find_terms
from ..text.romanise import is_cyrillic, romanise

# What the model says for a term alone only counts as a rendering up to six words (`_plausible`);
# a longer answer is wasted decoding, so the term-alone translation stops here.
ALONE_MAX_TOKENS = 20
# A term alone is a name of a few tokens, looked for in the English rather than shown: greedy
# decoding serves, and costs a quarter of beam 4 (bench/translate.py's model: 1.9 against 6.5 CPU-s
# for 120 names).
ALONE_BEAM = 1


@dataclass
class Kept:
    """What enforcing the glossary did to one segment's English."""

    english: str
    replaced: list[tuple[str, str]]  # (model's rendering, curated form)
    missing: list[str]  # curated forms whose rendering was not found


def _word_pattern(form: str, flags: re.RegexFlag = re.I) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", flags)


def _present(form: str, english: str) -> bool:
    return bool(form) and _word_pattern(form).search(english) is not None


def _expected(m: Match) -> list[str]:
    """Forms of the entry that count as the curated English for this occurrence."""
    entry = m.entry
    forms = [entry.english]
    if entry.kind == "person" and len(m.text.split()) < len(entry.term.split()) and len(entry.english.split()) > 1:
        forms.append(entry.english.split()[-1])  # "Путина" alone: "Putin" is the curated surname
    return forms


def _renderings(m: Match, lang: str) -> list[str]:
    """Latin spellings of the term the model may have written, longest first, without the curated one."""
    entry: Entry = m.entry
    found = [a for a in entry.forms() if not is_cyrillic(a)]
    if _copied(m, lang):
        found.append(m.text)
    found += [romanise(f, lang) for f in (m.text, *entry.forms()) if is_cyrillic(f)]
    out = {f.strip() for f in found if f.strip() and f.strip().casefold() != entry.english.casefold()}
    return sorted(out, key=len, reverse=True)


def _copied(m: Match, lang: str) -> bool:
    """True when the term is written in Latin letters in a text of another script: a model copies it."""
    return lang not in _LATIN_SCRIPT_SOURCE and bool(m.text.strip()) and not is_cyrillic(m.text) and m.text.isascii()


# languages whose text is written in Latin letters: a Latin term there is not copied as it stands
_LATIN_SCRIPT_SOURCE = frozenset(
    "en de fr es it pt pl nl sv da nb no fi hu ro tr cs sk sl hr bs lt lv et id ms ga ca eu gl is sq vi tl sw az uz eo".split()
)


def alone_form(m: Match) -> str:
    """The text of a term translated alone: its glossary form (uninflected) when that names it as fully
    as the words found, else the words as found ("Путина" for the row "Владимир Путин")."""
    form = m.form
    if form and is_cyrillic(form) == is_cyrillic(m.text) and len(form.split()) == len(m.text.split()):
        return form
    return m.text


_CONNECTOR_WORDS = ("of", "the", "and", "for", "de", "al")
_ANSWER_WORD = re.compile(r"[\w-]+")  # one word of a single-word answer: letters, digits, hyphens
SOUNDS_LIKE = 0.6  # SequenceMatcher ratio from which a one-word answer sounds like the romanised term


def _sounds_like(m: Match, word: str, lang: str) -> bool:
    spelled = romanise(alone_form(m), lang).casefold()
    return SequenceMatcher(None, spelled, word.casefold()).ratio() >= SOUNDS_LIKE


def _plausible(alone: str, m: Match, lang: str) -> bool:
    """True when what the model said for a term alone can be its rendering: a short run of
    capitalised words, connectors allowed inside ("Ministry of Transport"), and for one word,
    one that sounds like the term ("Tcherepovets" for "Череповец"), since a model may answer a
    lone word with any word it knows."""
    words = alone.split()
    if not (0 < len(words) <= 6 and all(w[:1].isupper() or w in _CONNECTOR_WORDS for w in words)):
        return False
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    if alone.casefold() == m.entry.english.casefold():
        return False
    if len(words) > 1:
        return True
    return _ANSWER_WORD.fullmatch(alone) is not None and _sounds_like(m, alone, lang)


def _room_for_answer(m: Match, english: str, lang: str) -> bool:
    """True when `english` has a place where a plausible answer for the term alone could stand as
    written: a capitalised word that sounds like the term (a one-word answer), or a run of two to
    six words, capitalised at both ends, with only capitalised words or connectors between (a
    longer one). False means translating the term alone cannot change the digest."""
    if any(w[:1].isupper() and _sounds_like(m, w, lang) for w in _ANSWER_WORD.findall(english)):
        return True
    words = english.split()
    for i, first in enumerate(words):
        # the answer's first word may follow an opening quote or bracket inside this word
        if not any(ch.isupper() and (k == 0 or not (first[k - 1].isalnum() or first[k - 1] in "_-"))
                   for k, ch in enumerate(first)):
            continue
        for word in words[i + 1 : i + 6]:
            if word[:1].isupper():
                return True
            if word not in _CONNECTOR_WORDS:
                break
    return False


_ARTICLES = {"The", "A", "An"}
_CONNECTORS = {"of", "de", "del", "da"}
_LONGER_NAME_AFTER = re.compile(r"\s+(of|de|del|da)\s+[A-Z]\w")


def _inside_longer_name(english: str, start: int, end: int) -> bool:
    """True when the words at [start, end) are part of a longer capitalised name:
    "America" in "South America" or "United States of America", "United States" in the latter."""
    words = english[:start].split()
    if english[start - 1:start] == " " and words:
        prev = words[-1]
        if prev[:1].isupper() and prev not in _ARTICLES and not prev.endswith((".", ":", ";", "!", "?", ",")):
            return True
        if prev in _CONNECTORS and len(words) > 1 and words[-2][:1].isupper() and not words[-2].endswith((".", ",")):
            return True
    return _LONGER_NAME_AFTER.match(english, end) is not None


def _replace(english: str, rendering: str, curated: str, flags: re.RegexFlag = re.I) -> str | None:
    """`english` with `rendering` replaced by `curated` (whole words, any case unless `flags` say
    otherwise), or None when it is not there on its own (only inside a longer name)."""
    spans = [m.span() for m in _word_pattern(rendering, flags).finditer(english)
             if not _inside_longer_name(english, *m.span())]
    if not spans:
        return None
    for start, end in reversed(spans):
        english = english[:start] + curated + english[end:]
    return english


def keep_terms(source: str, english: str, lang: str, glossary: Glossary, model_says: dict[str, str] | None = None,
               matches: list[Match] | None = None) -> Kept:
    """`english` with every curated term of `source` written in its curated English form.

    `model_says` maps a term's source text to the model's English for it alone (step 3 of the
    module docstring); terms missing from it are only looked for by their spellings. `matches`
    are the curated terms of `source` when the caller has found them already.
    """
    kept = Kept(english, [], [])
    for m in find_terms(source, lang, glossary) if matches is None else matches:
        if any(_present(f, kept.english) for f in _expected(m)):
            continue
        candidates = [(r, re.I) for r in _renderings(m, lang)]
        alone = (model_says or {}).get(alone_form(m), "").strip(" .,;:!?\"'«»")
        if alone and _plausible(alone, m, lang):
            candidates.append((alone, re.RegexFlag(0)))  # the answer as written: a name keeps its capitals
        for rendering, flags in candidates:
            replaced = _replace(kept.english, rendering, m.entry.english, flags)
            if replaced is not None:
                kept.english = replaced
                kept.replaced.append((rendering, m.entry.english))
                break
        else:
            kept.missing.append(m.entry.english)
    return kept


def unresolved_terms(matches: list[Match], english: str, lang: str) -> list[str]:
    """What to translate alone (`alone_form`) for the curated terms `matches` that spellings cannot
    find in `english`; a term the model copies as written (`_copied`) never needs it, nor one
    whose English has no place for the answer (`_room_for_answer`)."""
    out = []
    for m in matches:
        if _copied(m, lang) or any(_present(f, english) for f in _expected(m)):
            continue
        if not any(_present(r, english) for r in _renderings(m, lang)) and _room_for_answer(m, english, lang):
            out.append(alone_form(m))
    return list(dict.fromkeys(out))
