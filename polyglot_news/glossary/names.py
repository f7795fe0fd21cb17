"""Finding names that no glossary holds: in Russian/Ukrainian source text and in English text.

Cyrillic text: runs of capitalised words, kept when pymorphy3 reads them as a proper
name (Name, Surn, Patr, Geox, Orgn) or does not know them at all (foreign names), and
brought to their dictionary form in agreement (Марии Захаровой -> Мария Захарова,
Ульриха Вайгельдта -> Ульрих Вайгельдт). A capitalised word that starts a sentence or
a quotation needs a proper-name reading to count, so ordinary words are not taken.
English text: runs of capitalised words, less function words, months and weekdays,
nationality adjectives (Russian, Syrian) and titles (President, Foreign Minister),
which are stripped off the front so "Russian President Vladimir Putin" gives
"Vladimir Putin" as a person. A capitalised word at the start of a sentence counts
only when the article also capitalises it mid-sentence, or when it is rare as an
ordinary English word (wordfreq). Latin-script words inside Cyrillic text are names
as written (Die Welt, Pfizer). Untranslated German capitalises every noun, so there
only "Given Surname" pairs are taken (`german_names`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text.morph import (
    NAME_TAGS,
    ORG_TAGS,
    PERSON_TAGS,
    PLACE_TAGS,
    TEXTS_KEPT,
    Token,
    function_word,
    in_dictionary,
    lemmas,
    name_tags,
    normal,
    parses,
    starts_sentence,
    tokens_of,
)
from . import wordlists as W

PERSON, PLACE, ORG, OTHER = "person", "place", "organisation", "other"


@dataclass
class Name:
    """A name found in a text: the words as written, the dictionary form, and a kind guess."""

    text: str  # as written (inflected)
    start: int
    end: int
    lemma: str  # dictionary form in the text's own script, capitalised (Мария Захарова; Vladimir Putin)
    kind: str  # person, place, organisation, other
    lang: str
    evidence: str = ""  # why the kind was chosen: "title", "tag", "keyword", "context", "given" (a lone given name)


def _runs(text: str, toks: Sequence[Token], connectors: set[str]) -> list[list[int]]:
    """Index runs of capitalised tokens joined only by spaces (connectors allowed inside)."""
    def leads_to_name(i: int) -> bool:
        """True when connectors from token i on are followed, across spaces only, by a capitalised word."""
        j = i
        while j < len(toks) and toks[j].text.lower() in connectors | {"for", "and"} and not toks[j].capitalised:
            if j + 1 < len(toks) and text[toks[j].end: toks[j + 1].start].strip():
                return False
            j += 1
        return j > i and j < len(toks) and toks[j].capitalised

    runs: list[list[int]] = []
    cur: list[int] = []
    for i, t in enumerate(toks):
        # the gap before a word matters only inside a run (a run never holds the first word's predecessor)
        if t.capitalised:
            if cur and text[toks[i - 1].end: t.start].strip():
                runs.append(cur)
                cur = []
            cur.append(i)
        elif cur and not text[toks[i - 1].end: t.start].strip() and (
                (word := t.text.lower()) in connectors or word in ("for", "and")) and leads_to_name(i) and (
                word in connectors
                or (word in ("for", "and") and normal(toks[cur[-1]].text) in W.ORG_WORDS)):
            cur.append(i)  # "Bank of England", "Office for the Environment"
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


@lru_cache(maxsize=TEXTS_KEPT)
def _english_runs(text: str) -> tuple[tuple[int, ...], ...]:
    """`_runs` of `text` with the English connectors, kept: the glossary pass asks for the runs of an
    English segment twice (the words it capitalises, then its names)."""
    return tuple(tuple(run) for run in _runs(text, tokens_of(text), W.ENGLISH_CONNECTORS))


# --- Cyrillic -----------------------------------------------------------------------------------

def _best_parse(word: str, lang: str, prefer: str | None = None):
    """The parse to lemmatise with: a proper-name reading if there is one, else the likeliest;
    among proper-name readings, one with the grammeme `prefer` (femn for a woman's surname) first."""
    ps = parses(word, lang)
    if not ps:
        return None
    # a capitalised word inside a name: a proper-name reading wins even when rarer (Ветров, not ветер)
    named = [p for p in ps if set(p.tag.grammemes) & (PERSON_TAGS | PLACE_TAGS | ORG_TAGS)]
    if prefer:
        named = [p for p in named if prefer in p.tag.grammemes] + [p for p in named if prefer not in p.tag.grammemes]
    return named[0] if named else ps[0]


# how an unknown (foreign) name ends in a case, and its dictionary form: Моравецкого -> Моравецкий
_UNKNOWN_ENDINGS = (
    ("ского", "ский"), ("цкого", "цкий"), ("скому", "ский"), ("цкому", "цкий"), ("ским", "ский"), ("цким", "цкий"),
    ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"), ("ову", "ова"), ("еву", "ева"),
    # Ukrainian
    ("ського", "ський"), ("цького", "цький"), ("ському", "ський"), ("цькому", "цький"), ("ським", "ський"),
    ("цьким", "цький"), ("ської", "ська"), ("ській", "ська"), ("ською", "ська"), ("ову", "ова"), ("ової", "ова"),
    ("евої", "ева"), ("євої", "єва"), ("іної", "іна"),
)
# masculine consonant-stem endings by case, used when another word of the name shows the case
_CASE_ENDINGS = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем"), "loct": ("е",)}
# a man's surname in -ов/-ев/-ёв/-ин/-ын (-ів/-їв in Ukrainian) by case: Нурмагомедовым is Нурмагомедов
_SURNAME_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын", "ів", "їв")
_SURNAME_CASE_ENDINGS = {"gent": ("а",), "accs": ("а",), "datv": ("у",), "ablt": ("ым", "им"), "loct": ("е", "і")}


def _surname_lemma(word: str, case: str | None) -> str | None:
    """A man's -ов/-ин surname in `case` back in the nominative (Нурмагомедовым -> Нурмагомедов), a surname
    already in it as written (Нурмагомедов), or None when `word` has no such shape."""
    low = word.lower()
    for end in _SURNAME_CASE_ENDINGS.get(case or "", ()):
        stem = low[: len(low) - len(end)]
        if low.endswith(end) and stem.endswith(_SURNAME_SUFFIXES) and len(stem) >= 5:
            return word[: len(stem)]
    if low.endswith(_SURNAME_SUFFIXES) and len(low) >= 5:
        return word
    return None


def _unknown_lemma(word: str, case: str | None, masculine: bool) -> str:
    """A careful dictionary form for a word pymorphy does not know (a foreign name)."""
    low = word.lower()
    for end, base in _UNKNOWN_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 2:
            return word[: len(word) - len(end)] + base
    if low.endswith(("ом", "ем")) and len(low) > 5:
        return word[:-2]  # instrumental: Ферстаппеном
    if low.endswith("ы") and len(low) > 4 and low[-2] not in "аеёиоуыэюяіїє":
        return word[:-1] + ("а" if word[-1].islower() else "А")  # genitive of an -а name: Нарендры, Глобы
    if case and masculine:
        for end in _CASE_ENDINGS.get(case, ()):
            if low.endswith(end) and len(low) - len(end) >= 3 and low[-len(end) - 1] not in "аеёиоуыэюяіїє":
                return word[: -len(end)]
    return word


def _attested_lemma(word: str, guess: str, lang: str, forms: dict[str, int]) -> str:
    """The dictionary form of an unknown `word` that best explains how the article writes it, else `guess`.

    Candidates are `guess`, the word less a case ending (with the -а/-о/-я an ending may
    replace: Диспензу -> Диспенза, Лабутенку -> Лабутенко) and the analyser's predicted
    normal forms no longer than the word. Each is scored by how many of the article's
    capitalised words it explains (as itself or with a case ending); another candidate than
    `guess` wins only when it explains strictly more of them, so one mention says nothing.
    """
    low = word.lower()
    cands = {guess.lower()}
    for end in W.CYRILLIC_CASE_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3:
            stem = low[: len(low) - len(end)]
            cands |= {stem, stem + "а", stem + "о", stem + "я"}
    cands |= {p.normal_form for p in parses(word, lang)}
    # a dictionary form is no longer than its case forms here (the ending replaces or goes)
    cands = {c for c in cands if len(c) <= len(low)}
    if len(cands) < 2:
        return guess

    def explained(c: str) -> int:
        stem = c[:-1] if c[-1:] in "аоя" else c
        return sum(n for f, n in forms.items()
                   if f == c or (f.startswith(stem) and f[len(stem):] in W.CYRILLIC_CASE_ENDINGS))

    def rank(c: str) -> tuple:
        return explained(c), forms.get(c, 0), len(c)

    base = guess.lower()
    best = max(cands, key=rank)
    if best == base or explained(best) <= explained(base) or forms.get(best, 0) == 0:
        return guess  # the article's own writing must show the other form at least once
    return word[:1] + best[1:]


def _lemma_word(word: str, lang: str, parse, feminine: bool, head_gender: str | None, case: str | None,
                forms: dict[str, int] | None = None) -> str:
    """The dictionary form of one word of a name, in agreement with the name's gender.

    `case` is the grammatical case another word of the name shows (Лионеля -> gent), used
    to take the ending off a foreign surname the dictionary does not know; `forms` are the
    article's capitalised words (see `cyrillic_names`).
    """
    if parse is None:
        return word
    known = in_dictionary(word, lang)
    grams = set(parse.tag.grammemes)
    if not feminine and (not known or ("plur" in grams and "Surn" not in grams)) and case in _SURNAME_CASE_ENDINGS:
        # beside a man's given name in a known case, a word shaped like a surname is his surname, even when the
        # dictionary reads it only as the plural of a given name (Нурмагомедов: "of the Nurmagomeds")
        surname = _surname_lemma(word, case)
        if surname is not None:
            return surname
    if not known:
        guess = _unknown_lemma(word, case, not feminine)
        return _attested_lemma(word, guess, lang, forms) if forms else guess
    if not grams & (PERSON_TAGS | PLACE_TAGS | ORG_TAGS) and "ADJF" not in grams:
        return word  # an ordinary word used as a name (Трасс, Месси): its common-noun lemma would be wrong
    if feminine and "Surn" in grams:
        # Russian files a woman's surname under the man's (Захаровой -> захаров); Ukrainian has its own lexeme
        for want in ({"nomn", "sing", "femn"}, {"nomn", "femn"}, {"nomn"}):
            try:
                f = parse.inflect(want)
            except ValueError:
                f = None
            if f is not None and "femn" in f.tag.grammemes:
                return f.word
    if "ADJF" in grams:
        want = {"nomn", "sing"} | ({head_gender} if head_gender else set())
        f = parse.inflect(want)
        if f is not None:
            return f.word
    return parse.normal_form


def _display(lemma_words: list[str], surface: list[str]) -> str:
    """Capitalise lemma words like their surface forms (particles like аль stay lowercase)."""
    out = []
    for lw, sw in zip(lemma_words, surface):
        if sw.isupper() and len(sw) > 1:
            out.append(lw.upper())
        elif "-" in lw:
            parts = lw.split("-")
            sparts = sw.split("-")
            out.append("-".join(p if (len(sparts) > k and sparts[k][:1].islower()) else p[:1].upper() + p[1:]
                                for k, p in enumerate(parts)))
        elif sw[:1].islower():
            out.append(lw)
        else:
            out.append(lw[:1].upper() + lw[1:])
    return " ".join(out)


def cyrillic_names(
    text: str, lang: str, skip: list[tuple[int, int]] = (), known: set[str] | frozenset[str] = frozenset(),
    forms: dict[str, int] | None = None,
) -> list[Name]:
    """Names in Russian or Ukrainian `text` that are not inside the `skip` spans.

    `known` holds lemmas the article capitalises mid-sentence (`capitalised_lemmas`): a
    word starting a sentence counts if it is there or reads as a likely proper name.
    Mid-sentence, a capital is evidence enough unless the word is an ordinary dictionary
    word with no proper-name reading at all ("Прямая линия"). Each name comes with its dictionary form and a kind from the morphology tags
    (or a preposition of place before it). Acronyms are left to the curated glossaries:
    an unknown Cyrillic acronym has no reliable English form.
    `forms` counts the capitalised words of the whole article as written, lowercase
    (`capitalised_forms`): a word the dictionary does not know takes the dictionary form the
    article itself writes elsewhere (Фургала with Фургал in another sentence is Фургал).
    """
    forms = forms or {}
    toks = tokens_of(text)
    taken = [any(s <= t.start < e for s, e in skip) for t in toks] if skip else [False] * len(toks)
    out: list[Name] = latin_names(text, toks, taken, lang)
    for run in _runs(text, toks, W.CYRILLIC_CONNECTORS):
        keep: list[int] = []
        for i in run:
            t = toks[i]
            if taken[i] or t.acronym or t.mixed_acronym or not _is_cyrillic_word(t.text):
                if keep:
                    out.extend(_cyrillic_name(text, toks, keep, lang, forms))
                keep = []
                continue
            if t.text.lower() in W.CYRILLIC_CONNECTORS:
                keep.append(i)
                continue
            prev_end = toks[i - 1].end if i else 0
            initial = starts_sentence(text, t, prev_end) if i else True
            letters = sum(map(str.isalpha, t.text))
            if letters < 2:
                ok = False  # a lone letter: "витамин С"
            elif initial:
                # the likeliest reading must be a name ("Сковорода стоит..." is a frying pan), or the
                # article must capitalise the word mid-sentence elsewhere
                ps = parses(t.text, lang)
                if lang == "uk":
                    # the Ukrainian dictionary has no frequencies: a name reading and no common-noun one
                    top_is_name = any(set(p.tag.grammemes) & NAME_TAGS for p in ps) and not any(
                        p.tag.POS == "NOUN" and not set(p.tag.grammemes) & NAME_TAGS for p in ps)
                else:
                    top_is_name = bool(ps) and bool(set(ps[0].tag.grammemes) & NAME_TAGS) and not any(
                        p.score >= ps[0].score * 0.5 and not set(p.tag.grammemes) & NAME_TAGS for p in ps)
                ok = not function_word(t.text, lang) and (top_is_name or bool(lemmas(t.text, lang) & known))
            else:
                known_word = in_dictionary(t.text, lang)
                after_given_name = bool(keep) and "Name" in name_tags(toks[keep[-1]].text, lang)
                ok = bool(name_tags(t.text, lang, 0.2)) or after_given_name or (not known_word and letters > 2)
            nxt = toks[i + 1].text if i + 1 in run and i + 1 < len(toks) else None
            if ok and keep and ("Name" in name_tags(t.text, lang, 0.5) and (
                    name_tags(toks[keep[-1]].text, lang) & (ORG_TAGS | PLACE_TAGS)
                    or _case_break(toks[keep[-1]].text, t.text, lang))
                    or _unknown_given_break(toks[keep[-1]].text, t.text, nxt, lang)):
                out.extend(_cyrillic_name(text, toks, keep, lang, forms))  # "Роспотребнадзор Анна Попова": two names
                keep = [i]
            elif ok:
                keep.append(i)
            elif keep:
                out.extend(_cyrillic_name(text, toks, keep, lang, forms))
                keep = []
        if keep:
            out.extend(_cyrillic_name(text, toks, keep, lang, forms))
    return out


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "loc2")


def _cases(word: str, lang: str, only_names: bool = False) -> set[str]:
    """The grammatical cases `word` can be in (of its proper-name readings, with `only_names`)."""
    out: set[str] = set()
    for p in parses(word, lang):
        g = set(p.tag.grammemes)
        if only_names and not g & NAME_TAGS:
            continue
        if "Fixd" in g:
            return set(_CASES)  # an indeclinable word agrees with any case
        out |= g & set(_CASES)
    return out


def _case_break(before: str, given: str, lang: str) -> bool:
    """True when a given name cannot be in any case the word before it can: the two belong to different
    names ("в Индиане Ричард Уилк": a place in the locative, then a person in the nominative)."""
    if not in_dictionary(given, lang):
        return False  # a guessed reading of the given name says too little about its case
    a, b = _cases(before, lang), _cases(given, lang, only_names=True)
    return bool(a) and bool(b) and not a & b


def _unknown_given_break(before: str, word: str, after: str | None, lang: str) -> bool:
    """True when an unknown word starts a second person: after a given name the dictionary reads only in
    an oblique case, and before a surname written in the nominative ("отец Хабиба Абдулманап Нурмагомедов":
    Khabib's father, Abdulmanap Nurmagomedov)."""
    if after is None or in_dictionary(word, lang) or not in_dictionary(before, lang):
        return False
    if "Name" not in name_tags(before, lang, 0.5) or "nomn" in _cases(before, lang, only_names=True):
        return False
    low = after.lower()
    if not low.endswith(_SURNAME_SUFFIXES) or len(low) < 5:
        return False
    # the nominative, or a word the dictionary reads only as a plural (Нурмагомедов: "of the Nurmagomeds")
    singular = any("sing" in p.tag.grammemes for p in parses(after, lang))
    return "nomn" in _cases(after, lang) or not singular


_ROMAN = re.compile(r"^[IVXLCDM]+$")  # XXI век: a century, not a name


def latin_names(text: str, toks: Sequence[Token], taken: list[bool], lang: str) -> list[Name]:
    """Runs of capitalised Latin-script words inside Cyrillic text: brands, media, foreign names.

    In Russian or Ukrainian text a word in Latin letters is a name almost always (Die Welt,
    Pfizer, YouTube); it is kept as written, since that is how English writes it too.
    """
    out: list[Name] = []
    run: list[int] = []
    for i in range(len(toks) + 1):
        t = toks[i] if i < len(toks) else None
        latin = (t is not None and not taken[i] and not _is_cyrillic_word(t.text) and t.text[:1].isalpha()
                 and not _ROMAN.match(t.text))
        joined = latin and run and text[toks[run[-1]].end: t.start].strip() in ("", "&")
        if latin and (t.capitalised or (run and t.text.lower() in W.ENGLISH_CONNECTORS)) and (joined or not run):
            run.append(i)
            continue
        while run and toks[run[-1]].text.lower() in W.ENGLISH_CONNECTORS:
            run.pop()
        if run and (len(run) > 1 or len(toks[run[0]].text.replace(".", "")) > 1):
            start, end = toks[run[0]].start, toks[run[-1]].end
            words = text[start:end]
            kind = ORG if toks[run[0]].acronym and len(run) == 1 else OTHER
            out.append(Name(words, start, end, words, kind, lang, ""))
        run = [i] if latin and t.capitalised else []
    return out


def _is_cyrillic_word(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def _cyrillic_name(text: str, toks: Sequence[Token], idx: list[int], lang: str,
                   forms: dict[str, int] | None = None) -> list[Name]:
    """The Name for the Cyrillic tokens `idx` (one run), in its dictionary form, or [] if it is no name."""
    while idx and toks[idx[-1]].text.lower() in W.CYRILLIC_CONNECTORS:
        idx = idx[:-1]
    while idx and toks[idx[0]].text.lower() in W.CYRILLIC_CONNECTORS:
        idx = idx[1:]
    if not idx:
        return []
    words = [toks[i].text for i in idx]
    ps = [_best_parse(w, lang) for w in words]
    grams = [set(p.tag.grammemes) if p is not None else set() for p in ps]
    all_tags = set().union(*grams)
    feminine = any("Name" in g and "femn" in g for g in grams) or (
        any("Surn" in g and "femn" in g for g in grams) and not any("Name" in g and "masc" in g for g in grams)
        and all(p is None or "femn" in set(p.tag.grammemes) or "Surn" not in set(p.tag.grammemes) for p in ps)
    )
    if feminine:
        ps = [_best_parse(w, lang, "femn") for w in words]  # Венедиктова: her nominative, not his genitive
        grams = [set(p.tag.grammemes) if p is not None else set() for p in ps]
    head_gender = None
    for p, g in zip(reversed(ps), reversed(grams)):
        if p is not None and "NOUN" in g:
            head_gender = next((x for x in ("masc", "femn", "neut") if x in g), None)
            break
    case = next((c for p, g in zip(ps, grams) if p is not None and "Name" in g and in_dictionary(p.word, lang)
                 for c in ("gent", "accs", "datv", "ablt", "loct") if c in g), None)
    if case is None and idx[0]:
        # a preposition of one case says the case of the name after it: у Миранчука, с Нурмагомедовым
        case = W.PREPOSITION_CASES.get(lang, {}).get(toks[idx[0] - 1].text.lower())
    lemma_words = [
        w if w.lower() in W.CYRILLIC_CONNECTORS else _lemma_word(w, lang, p, feminine, head_gender, case, forms)
        for w, p in zip(words, ps)
    ]
    lemma = _display(lemma_words, words)
    if "Name" in all_tags or (all_tags & PERSON_TAGS and not all_tags & (PLACE_TAGS | ORG_TAGS)):
        kind, evidence = PERSON, "tag"  # a given name makes the run a person: Лионель Месси
    elif all_tags & PLACE_TAGS:
        kind, evidence = PLACE, "tag"
    elif all_tags & ORG_TAGS:
        kind, evidence = ORG, "tag"
    elif all_tags & PERSON_TAGS:
        kind, evidence = PERSON, "tag"
    else:
        kind, evidence = OTHER, ""
    first = idx[0]
    before = toks[first - 1].text.lower() if first else ""
    if before in W.PLACE_PREPOSITIONS.get(lang, ()) and (kind != PERSON or not ({"Name", "Patr"} & all_tags)):
        kind, evidence = PLACE, "context"
    elif first and lemmas(before, lang) & W.PLACE_NOUNS.get(lang, frozenset()) and not ({"Patr", "Surn"} & all_tags):
        kind, evidence = PLACE, "context"  # провинция Хунань, курорт Куршевель: the noun says what the name is
    if len(idx) == 1 and ps[0] is not None and any(p.tag.POS == "ADJF" for p in parses(words[0], lang)) and (
            "Name" not in grams[0] and not words[0].lower().endswith(("ов", "ев", "ин", "ів", "їв"))):
        return []  # a capitalised adjective opening a longer name (Минских соглашений, Українська правда)
    if len(idx) == 1 and grams[0] & NAME_TAGS == {"Name"}:
        evidence = "given"  # a lone given name: kept only if it joins a full name in the article
    start, end = toks[idx[0]].start, toks[idx[-1]].end
    return [Name(text[start:end], start, end, lemma, kind, lang, evidence)]


# --- English ------------------------------------------------------------------------------------

def _plain(word: str) -> str:
    """A word without a possessive ending, for lookups and display."""
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    return word


def capitalised_words(text: str) -> set[str]:
    """Casefolded words that end a capitalised run away from the start of a sentence or quotation.

    Only the last word of a run counts ("Putin" of "Vladimir Putin", not "Port" of
    "Port of Rotterdam Authority"), so a sentence-initial "Port" stays an ordinary word.
    """
    toks = tokens_of(text)
    out = set()
    for run in _english_runs(text):
        last = run[-1]
        if len(run) == 1 and (last == 0 or starts_sentence(text, toks[last], toks[last - 1].end)):
            continue
        out.add(normal(_plain(toks[last].text)))
    return out


def capitalised_forms(text: str, into: dict[str, int]) -> None:
    """Count into `into` the capitalised Cyrillic words of `text` as written, lowercase."""
    for t in tokens_of(text):
        if t.capitalised and not t.acronym and _is_cyrillic_word(t.text):
            w = t.text.lower()
            into[w] = into.get(w, 0) + 1


def capitalised_lemmas(text: str, lang: str) -> set[str]:
    """Lemmas of the Cyrillic words `text` capitalises away from the start of a sentence or quotation."""
    toks = tokens_of(text)
    out: set[str] = set()
    for i, t in enumerate(toks):
        if i and t.capitalised and not t.acronym and not starts_sentence(text, t, toks[i - 1].end):
            out |= lemmas(t.text, lang)
    return out


def headline_case(text: str) -> bool:
    """True for Title Case Headlines, where capitals say nothing about names."""
    words = [t for t in tokens_of(text) if len(t.text) > 3]
    return len(words) >= 3 and sum(t.capitalised for t in words) >= 0.75 * len(words)


def english_names(
    text: str,
    skip: list[tuple[int, int]] = (),
    known: set[str] | None = None,
    headline: bool = False,
    lang: str = "en",
) -> list[Name]:
    """Names in English `text` outside the `skip` spans.

    `known` holds words the whole article capitalises mid-sentence: a sentence-initial
    word counts only if it is there. In a `headline` (title case) every word is treated
    as sentence-initial.
    """
    known = known or set()
    toks = tokens_of(text)
    taken = [any(s <= t.start < e for s, e in skip) for t in toks] if skip else [False] * len(toks)
    dateline = _dateline(text, toks)
    out: list[Name] = []
    for run in _english_runs(text):
        parts: list[list[int]] = [[]]
        for i in run:
            if taken[i]:
                parts.append([])
            else:
                parts[-1].append(i)
        if len(parts) == 2 and parts[1] and run[0] not in parts[1] and any(
                normal(toks[i].text) in W.ORG_WORDS for i in parts[1]) and not parts[0]:
            parts = [run]  # a curated place heading an organisation's name: "Novosibirsk Airport Holding"
        for part in parts:
            out.extend(_english_name(text, toks, part, known, headline, dateline, lang))
    return out


def _dateline(text: str, toks: Sequence[Token]) -> int:
    """How many tokens at the start form an all-capitals dateline (MOSCOW (Agency) —)."""
    n = 0
    while n < len(toks) and toks[n].text.isupper() and len(toks[n].text) > 2:
        n += 1
    if n and re.match(r"\s*,?\s*(\(|[—–-])", text[toks[n - 1].end:]):
        return n
    return 0


def _english_name(text, toks, idx, known, headline, dateline, lang) -> list[Name]:
    if not idx:
        return []
    words = [_plain(toks[i].text) for i in idx]
    low = [normal(w) for w in words]
    # a word that starts a sentence needs the article's say-so: capitalised mid-sentence elsewhere
    first = idx[0]
    initial = first == 0 or starts_sentence(text, toks[first], toks[first - 1].end)
    keep_from = 0
    if initial and not headline and dateline >= 0 and first >= dateline and low[0] not in known:
        # "Despite ...", "The ...": an ordinary word; a lone word needs the article's say-so or to be
        # rare as an ordinary word ("Maersk and MSC said ...")
        if low[0] in W.ENGLISH_COMMON or (len(low) == 1 and not _rare(low[0], lang)):
            keep_from = 1
    elif low[0] in W.ENGLISH_COMMON:
        keep_from = 1
    if headline:
        # in a headline, keep only words the article itself capitalises mid-sentence
        groups: list[list[int]] = [[]]
        for k, i in enumerate(idx):
            if low[k] in known and low[k] not in W.ENGLISH_COMMON:
                groups[-1].append(i)
            elif groups[-1]:
                groups.append([])
        return [n for g in groups for n in _english_name(text, toks, g, known, False, -1, lang)]
    idx, words, low = idx[keep_from:], words[keep_from:], low[keep_from:]
    person_hint = False
    # strip nationality adjectives and titles off the front: "Russian Foreign Minister Sergey Lavrov"
    cut = _title_prefix(low)
    if cut >= len(low):
        return []  # only a title: "Foreign Minister", "Secretary of State"
    if cut:
        person_hint = any(w in W.TITLES for w in low[:cut])
        idx, words, low = idx[cut:], words[cut:], low[cut:]
    while low and (low[0] in W.ENGLISH_COMMON or low[0] in W.ENGLISH_CONNECTORS or low[0] in W.DEMONYMS
                   or low[0] in W.MONTHS_DAYS):
        if low[0] in W.DEMONYMS and any(w in W.ORG_WORDS for w in low[1:]):
            break  # "Russian Army", "Russian Defense Ministry", "Syrian Social Nationalist Party"
        idx, words, low = idx[1:], words[1:], low[1:]
    while low and (low[-1] in W.ENGLISH_CONNECTORS or low[-1] in W.MONTHS_DAYS or low[-1] in W.ENGLISH_COMMON
                   or (low[-1] in W.TITLES and len(low) > 1)):
        idx, words, low = idx[:-1], words[:-1], low[:-1]
    if not idx:
        return []
    if len(idx) == 1 and all(p in W.DEMONYMS for p in low[0].split("-")):
        return []  # "Russian-Syrian"
    if len(idx) == 1 and (low[0] in W.DEMONYMS or low[0] in W.TITLES or low[0] in W.MONTHS_DAYS
                          or low[0] in W.ENGLISH_COMMON or len(low[0].replace(".", "")) < 2):
        return []
    if all(w in W.TITLES or w in W.DEMONYMS or w in W.ENGLISH_CONNECTORS or w in W.ORG_WORDS for w in low):
        return []
    start, end = toks[idx[0]].start, toks[idx[-1]].end
    if 0 <= idx[0] < dateline:
        words = [w.title() if w.isupper() else w for w in words]
    display = " ".join(words)
    kind, evidence = _english_kind(text, toks, idx, low, person_hint, dateline)
    return [Name(text[start:end], start, end, display, kind, lang, evidence)]


def _rare(word: str, lang: str) -> bool:
    """True when `word` is rare as an ordinary word of `lang` (under about 3 per million), so a
    capitalised one at the start of a sentence is likely a name. Unknown without a word list."""
    from ..text.wordfreqs import log_frequency

    freq = log_frequency(word, lang)
    return freq is not None and freq < -5.5


def german_names(text: str, skip: list[tuple[int, int]] = ()) -> list[Name]:
    """People named in untranslated German: "Vorname Nachname" before a verb of saying, or with a known
    given name. German capitalises every noun, so capitals alone say nothing there."""
    toks = tokens_of(text)
    taken = [any(s <= t.start < e for s, e in skip) for t in toks] if skip else [False] * len(toks)
    out: list[Name] = []
    for run in _runs(text, toks, set()):
        run = [i for i in run if not taken[i]]
        for k in range(len(run) - 1):
            a, b = run[k], run[k + 1]
            if b != a + 1 or text[toks[a].end: toks[b].start].strip():
                continue
            before = normal(toks[a - 1].text) if a else ""
            after = normal(toks[b + 1].text) if b + 1 < len(toks) else ""
            given = normal(toks[a].text) in W.GIVEN_NAMES
            if before in W.GERMAN_DETERMINERS or not (given or after in W.SPEECH_VERBS):
                continue
            start, end = toks[a].start, toks[b].end
            out.append(Name(text[start:end], start, end, text[start:end], PERSON, "de", "context"))
            break
    return out


def _title_prefix(low: list[str]) -> int:
    """How many leading words are nationality adjectives and titles before a name (0 if none)."""
    last_title = -1
    k = 0
    while k < len(low):
        w = low[k]
        if w in W.TITLES:
            last_title = k
            # "Secretary of State", "Minister of Foreign Affairs"
            while k + 2 < len(low) and low[k + 1] == "of" and low[k + 2] in W.TITLE_OBJECTS:
                k += 2
                while k + 1 < len(low) and low[k + 1] in W.TITLE_OBJECTS:
                    k += 1
                last_title = k
        elif not (w in W.DEMONYMS or w in W.TITLE_MODIFIERS or w in ("the", "u.s.", "us", "uk")):
            break
        k += 1
    if last_title < 0:
        return 0
    return last_title + 1


def _english_kind(text, toks, idx, low, person_hint, dateline) -> tuple[str, str]:
    if person_hint:
        return PERSON, "title"
    if idx[0] < dateline:
        return PLACE, "context"
    if any(w in W.ORG_WORDS for w in low):
        return ORG, "keyword"
    if len(low) == 1 and toks[idx[0]].acronym:
        return ORG, ""
    before = normal(toks[idx[0] - 1].text) if idx[0] else ""
    after = normal(toks[idx[-1] + 1].text) if idx[-1] + 1 < len(toks) else ""
    if before in ("mr", "mrs", "ms", "dr", "sir", "mr.", "mrs.", "ms.", "dr."):
        return PERSON, "title"
    if len(low) >= 2 and (low[0] in W.GIVEN_NAMES or after in W.SPEECH_VERBS):
        return PERSON, "context"
    if before in W.PLACE_PREPOSITIONS["en"]:
        return PLACE, "context"
    return OTHER, ""
