"""Finding curated glossary terms in a text, in any inflected form.

Russian and Ukrainian words are compared by lemma (pymorphy3), so "Путина", "Путину"
and "в Хмеймиме" match the entries "Путин" and "Хмеймим", and a multi-word term
matches word by word ("Сирийской социальной националистической партии"). Other
languages compare casefolded words, with a possessive or genitive "s" dropped.
A capitalised glossary word only matches a capitalised word in the text, and an
acronym only the same acronym, so "Bush" is not found in "bush".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..text.morph import (
    MORPH_LANGS,
    Token,
    function_word,
    lemma_rules,
    lemmas,
    normal,
    sole_lemma,
    starts_sentence,
    tokens_of,
)
from ..text.romanise import is_cyrillic
from .entries import NAME_KINDS, Entry, Glossary


@dataclass(frozen=True)
class Match:
    """One occurrence of a curated term: its span in the text, the words found, and the entry."""

    start: int
    end: int
    text: str
    entry: Entry
    form: str  # the glossary form (term, alias or English) that matched


@dataclass(frozen=True)
class _Pattern:
    words: tuple[frozenset[str], ...]  # lemma sets, one per word
    caps: tuple[bool, ...]  # word must be capitalised in the text
    acronyms: tuple[str | None, ...]  # word must be exactly this acronym
    entry: Entry
    form: str


def _forms_for(entry: Entry, lang: str) -> list[tuple[str, str]]:
    """The (form, language to analyse it in) of an entry that can appear in text of `lang`."""
    out: list[tuple[str, str]] = []
    latin_text = _latin_text(lang)
    for form in entry.forms():
        if entry.lang == lang:
            out.append((form, lang))
        elif not is_cyrillic(form) and (latin_text or form.isupper()):
            out.append((form, lang))  # Latin aliases (SSNP) can appear in any text
    if latin_text and entry.lang != lang and _name_like(entry.english):
        out.append((entry.english, lang))
    return out


def _latin_text(lang: str) -> bool:
    """True for a language whose text may hold Latin-script names as they are (all but the Cyrillic ones)."""
    return lang not in MORPH_LANGS and lang not in ("be", "bg", "sr", "mk", "kk")


def _name_like(form: str) -> bool:
    """True when every word of an English form is capitalised, bar connectors ("Bank of England"):
    "Russian government" names no one thing in English text and is not looked for there."""
    return all(w[:1].isupper() or w.lower() in ("of", "the", "and", "for", "de", "al", "on") for w in form.split())


def _pattern(form: str, lang: str, entry: Entry) -> _Pattern | None:
    toks = tokens_of(form)
    if not toks:
        return None
    return _Pattern(
        words=tuple(lemmas(t.text, lang) for t in toks),
        caps=tuple(t.capitalised for t in toks),
        acronyms=tuple(normal(t.text) if t.acronym else None for t in toks),
        entry=entry,
        form=form,
    )


def _index(glossary: Glossary, lang: str) -> dict[str, list[_Pattern]]:
    """Patterns of every named entry usable in `lang`, keyed by each lemma of their first word.

    Built once per glossary and language, and kept in the precompiled folder between runs
    (`_stored_index`): lemmatising every glossary form costs a one-page run more than its matching.
    """
    key = f"match-index:{lang}"
    cached = glossary._cache.get(key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    # most languages have the index of others (all Latin-text languages without entries of their own)
    alike = f"match-index:{_alike(glossary, lang)}"
    index = glossary._cache.get(alike)
    if index is None:
        index = _stored_index(glossary, lang)
        if index is None:
            index = _built_index(glossary, lang)
        glossary._cache[alike] = index
    glossary._cache[key] = index
    return index  # type: ignore[return-value]


def _alike(glossary: Glossary, lang: str) -> str:
    """A name for the languages whose index is that of `lang`. Of a language, `_forms_for` reads only
    whether entries are written in it and whether its text is Latin, and `lemmas` only its rules
    (`lemma_rules`); so a language with entries or rules of its own (en, de, ru, uk) has its own index,
    and the others share one per kind of text ("*latin" for fr, es, pl, ja..., "*cyrillic" for bg, sr...)."""
    langs = glossary._cache.get("match-entry-langs")
    if langs is None:
        langs = glossary._cache["match-entry-langs"] = {e.lang for e in glossary.entries if e.kind in NAME_KINDS}
    if lemma_rules(lang) != "plain" or lang in langs:  # type: ignore[operator]
        return lang
    return "*latin" if _latin_text(lang) else "*cyrillic"


def _built_index(glossary: Glossary, lang: str) -> dict[str, list[_Pattern]]:
    index: dict[str, list[_Pattern]] = {}
    seen: set[tuple[str, str, str]] = set()
    # patterns already built for another language that lemmatises alike (most Latin-script ones)
    shared = glossary._cache.setdefault("match-patterns", {})
    for entry in glossary.entries:
        if entry.kind not in NAME_KINDS:
            continue
        for form, form_lang in _forms_for(entry, lang):
            if (form, entry.english, entry.lang) in seen:
                continue
            seen.add((form, entry.english, entry.lang))
            made = (form, lemma_rules(form_lang), id(entry))
            if made not in shared:
                shared[made] = _pattern(form, form_lang, entry)
            pat = shared[made]
            if pat is None:
                continue
            for lemma in pat.words[0]:
                index.setdefault(lemma, []).append(pat)
    for pats in index.values():
        pats.sort(key=lambda p: -len(p.words))
    return index


_INDEX_FORMAT = 1


def _index_sources(lang: str) -> list[Path]:
    """The files an index's answers follow from: the code that matches and lemmatises, and the
    morphology dictionary of `lang` if it has one."""
    from importlib.util import find_spec

    from ..text import morph, romanise
    from . import entries

    files = [Path(__file__), Path(morph.__file__), Path(romanise.__file__), Path(entries.__file__)]
    if lang in MORPH_LANGS:
        spec = find_spec(f"pymorphy3_dicts_{lang}")
        if spec is None or not spec.submodule_search_locations:
            raise OSError(f"no morphology dictionary for {lang}")
        data = Path(list(spec.submodule_search_locations)[0]) / "data"
        files += sorted(p for p in data.iterdir() if p.is_file())
    return files


def _stored_index(glossary: Glossary, lang: str) -> dict[str, list[_Pattern]] | None:
    """`_built_index(glossary, lang)` read back from the precompiled folder (stored there on first
    build), or None when there is no folder. The key holds a checksum of every entry's forms,
    language, English and kind, so any other glossary (a user's folder, an added entry) has its own."""
    from ..text.precompiled import cached, checksum, table_dir

    if table_dir() is None:
        return None
    # the entries' part of the key is the same for every language: spelled out once per glossary
    names = glossary._cache.get("match-index-names")
    if names is None:
        names = glossary._cache["match-index-names"] = repr(
            [(e.kind, e.lang, e.english, e.forms()) for e in glossary.entries])
    digest = repr((_INDEX_FORMAT, lemma_rules(lang), lang)).encode("utf-8") + names.encode("utf-8")
    tag = checksum(digest)

    def build() -> list:
        position = {id(e): i for i, e in enumerate(glossary.entries)}
        index = _built_index(glossary, lang)
        pats: dict[int, int] = {}
        rows: list = []
        for pats_of in index.values():
            for p in pats_of:
                if id(p) not in pats:
                    pats[id(p)] = len(rows)
                    rows.append((position[id(p.entry)], p.form, [sorted(w) for w in p.words], list(p.caps),
                                 list(p.acronyms)))
        return [rows, {lemma: [pats[id(p)] for p in pats_of] for lemma, pats_of in index.items()}]

    try:
        rows, keyed = cached(f"match-index-{lang}-{tag}", _index_sources(lang), build)
        entries = glossary.entries
        # a form of an entry lemmatised by the same rules is the same pattern in every language: the
        # Latin-script languages share nearly all their rows, so each is made once (as `_built_index` does)
        shared = glossary._cache.setdefault("match-patterns", {})
        rules = lemma_rules(lang)
        made = []
        for at, form, words, caps, acronyms in rows:
            entry = entries[at]
            key = (form, rules, id(entry))
            pat = shared.get(key)
            if pat is None:
                pat = shared[key] = _Pattern(words=tuple(frozenset(w) for w in words), caps=tuple(caps),
                                             acronyms=tuple(acronyms), entry=entry, form=form)
            made.append(pat)
        return {lemma: [made[i] for i in ids] for lemma, ids in keyed.items()}
    except (OSError, ValueError, TypeError, IndexError, KeyError):
        return None


def _fits(pat: _Pattern, toks: Sequence[Token], i: int, text_lemmas: dict[int, frozenset[str]], lang: str) -> bool:
    if i + len(pat.words) > len(toks):
        return False
    for k, want in enumerate(pat.words):
        tok = toks[i + k]
        if pat.acronyms[k] is not None:
            if normal(tok.text.replace(".", "")) != pat.acronyms[k].replace(".", "") or not tok.acronym:
                return False
            continue
        if pat.caps[k] and not tok.capitalised:
            return False
        got = text_lemmas.get(i + k)
        if got is None:
            got = text_lemmas[i + k] = lemmas(tok.text, lang)
        if not (want & got):
            return False
    return True


# words kept by `_starts`, per glossary and language, before the table starts afresh (a long run's)
_STARTS_KEPT = 65_536


def _starts(glossary: Glossary, lang: str, index: dict[str, list[_Pattern]], words: list[str]) -> dict[str, frozenset[str]]:
    """The words among `words` (and those seen before) that some term of `index` may start with, each
    with its lemmas. Kept with the glossary's index: most words start no term, and a page's words
    recur across its segments and pages."""
    key = f"match-starts:{lang}"
    seen, found = glossary._cache.get(key) or (None, None)
    if seen is None or len(seen) > _STARTS_KEPT:
        seen, found = set(), {}
        glossary._cache[key] = (seen, found)
    keys = index.keys()
    for word in set(words).difference(seen):
        seen.add(word)
        sole = sole_lemma(word, lang)  # most words: one lemma, no set to build
        if sole is not None:
            if sole in keys:
                found[word] = lemmas(word, lang)
            continue
        got = lemmas(word, lang)
        if not keys.isdisjoint(got):
            found[word] = got
    return found


def find_terms(text: str, lang: str, glossary: Glossary) -> list[Match]:
    """Every occurrence of a curated named term in `text` (written in `lang`), left to right.

    Longest match wins where terms overlap ("Bashar Assad" over "Assad"); spans never overlap.
    `lang` is an ISO 639-1 code; ru and uk match by lemma, others by casefolded word.
    """
    index = _index(glossary, lang)
    if not index:
        return []
    toks = tokens_of(text)
    words = [t.text for t in toks]
    starts = _starts(glossary, lang, index, words)
    if starts.keys().isdisjoint(words):
        return []  # most segments: no word that starts a term
    # where a term may start: the lemmas of those words, and of the words after them as asked
    text_lemmas = {i: starts[w] for i, w in enumerate(words) if w in starts}
    out: list[Match] = []
    i = 0
    for at in sorted(text_lemmas):
        if at < i:
            continue  # inside the match before
        i = at
        best: _Pattern | None = None
        candidates = {id(p): p for lemma in text_lemmas[i] for p in index.get(lemma, ())}
        for pat in sorted(candidates.values(), key=lambda p: -len(p.words)):
            if _fits(pat, toks, i, text_lemmas, lang):
                best = pat
                break
        if best is None:
            continue
        if len(best.words) == 1 and lang in MORPH_LANGS and function_word(toks[i].text, lang) and (
                i == 0 or starts_sentence(text, toks[i], toks[i - 1].end)):
            continue  # "Того, ..." starts a sentence with a pronoun, not with the country Togo
        j = i + len(best.words) - 1
        start, end = toks[i].start, toks[j].end
        out.append(Match(start, end, text[start:end], best.entry, best.form))
        i = j + 1
    return out
