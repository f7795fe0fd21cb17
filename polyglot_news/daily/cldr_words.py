"""English names of months, weekdays and languages written in another language, from CLDR (babel's data).

A message and its translation rarely share words, but "у вівторок" is "on Tuesday",
"12 квітня" is "April 12" and "російською" is "in Russian" (a language's name is also its
people's adjective: "російські війська", "Russian troops"). Inflected forms are met by their
stem: a CLDR form less its last letter, followed by at most three more letters ("квітн"
meets квітня, квітні, квітень).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})
MAX_ENDING = 3  # letters an inflection may add after a stem


@lru_cache(maxsize=64)
def _stems(lang: str) -> dict[str, list[tuple[str, str]]]:
    """{first three letters: [(stem, English name)]} for the months, weekdays and languages of `lang`; empty if CLDR lacks it.

    Kept precompiled between runs (`text.precompiled`), keyed by babel's files for the two
    locales and by this module: reading CLDR's locale data costs a day's grouping about 0.2 s.
    """
    try:
        import babel
    except ImportError:  # babel is a dependency; a broken install only loses this clue
        return {}
    from ..text.precompiled import cached

    data = Path(babel.__file__).parent / "locale-data"
    sources = [Path(__file__), *(data / f"{name}.dat" for name in ("root", "en", lang) if (data / f"{name}.dat").exists())]
    return cached(f"cldr-{lang}", sources, lambda: _built_stems(lang))


def _built_stems(lang: str) -> dict[str, list[tuple[str, str]]]:
    """`_stems` read from babel's CLDR data (`_stems` has checked that babel imports)."""
    from babel import Locale, UnknownLocaleError

    try:
        here, english = Locale.parse(lang), Locale("en")
    except (UnknownLocaleError, ValueError):
        return {}
    pairs = []
    for names, en_names in ((here.months, english.months), (here.days, english.days)):
        for context in ("format", "stand-alone"):
            pairs += [(form, en_names["format"]["wide"][key]) for key, form in names[context]["wide"].items()]
    # one-word language names of five letters or more ("чеська", Czech), not "ю" or "мова ..."
    pairs += [(form, english.languages[code]) for code, form in here.languages.items()
              if code in english.languages and " " not in form and len(form) >= 5 and " " not in english.languages[code]]
    out: dict[str, list[tuple[str, str]]] = {}
    for form, english_name in pairs:
        form = form.casefold().translate(_APOSTROPHES)
        stem = form[:-1] if len(form) > 4 else form
        bucket = out.setdefault(stem[:3], [])
        if (stem, english_name) not in bucket:
            bucket.append((stem, english_name))
    return out


@lru_cache(maxsize=64)
def cldr_prefixes(lang: str) -> frozenset[str]:
    """The first three letters (casefolded) of every month, weekday and language `lang` names: no other word names one."""
    return frozenset(_stems(lang))


@lru_cache(maxsize=100_000)
def english_cldr_word(word: str, lang: str) -> str | None:
    """The English month, weekday or language `word` names in `lang` ("вівторок", "uk" -> "Tuesday"), else None."""
    if lang == "en" or len(word) < 3:
        return None
    w = word.casefold().translate(_APOSTROPHES)
    for stem, english in _stems(lang).get(w[:3], ()):
        if w.startswith(stem) and len(w) - len(stem) <= MAX_ENDING:
            return english
    return None
