"""How frequent a word is in each language, from the `wordfreq` package's small lists.

A single word is too short for character statistics to be sure of, but whether it is
a known word of a language, and how common, is strong evidence: "subscribe" is a
frequent English word and not a Romanian one. We read wordfreq's "small" lists (words
used at least once per million) for the languages we route, once, lazily; that costs
about 0.3 s and 70 MB for the 16 lists.

Serbian's list ("sh") is in Latin script, so Cyrillic words are transliterated first.
Languages without a list (Belarusian, Kazakh) get None from `log_frequency`.
"""

from __future__ import annotations

import math
import threading
from functools import lru_cache

# languages we look up, with wordfreq's code for each
LISTS: dict[str, str] = {
    "en": "en", "de": "de", "fr": "fr", "es": "es", "it": "it", "pt": "pt", "pl": "pl",
    "nl": "nl", "ru": "ru", "uk": "uk", "bg": "bg", "mk": "mk", "sr": "sh",
    "ar": "ar", "fa": "fa", "ur": "ur",
}

_SERBIAN_TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "č", "џ": "dž", "ш": "š",
})

_lock = threading.Lock()


def _read_list(code: str) -> dict[str, float] | None:
    """wordfreq's "small" list for `code` as {word: log10 frequency}, read straight from its file.

    The same numbers `math.log10(wordfreq.get_frequency_dict(code, "small")[word])` gives, without
    importing wordfreq itself (its tokeniser pulls in ftfy, langcodes and regex: 0.2 s of start-up).
    """
    folder = _data_folder()
    try:
        import gzip

        import msgpack

        if folder is None:
            return None  # the detector still works on character statistics alone
        with gzip.open(folder / f"small_{code}.msgpack.gz", "rb") as infile:
            pack = msgpack.load(infile, raw=False)
    except (ImportError, OSError):
        return None
    header = pack[0] if pack else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    table: dict[str, float] = {}
    for index, bucket in enumerate(pack[1:]):
        # wordfreq's own conversion (cB_to_freq), then its log, so every figure is unchanged
        # (a later bucket overwrites an earlier one, as wordfreq's own loop does)
        table.update(dict.fromkeys(bucket, math.log10(10 ** (-index / 100))))
    return table


@lru_cache(maxsize=None)
def _data_folder():
    """wordfreq's data folder, found without importing the package (find_spec only locates it)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data"


@lru_cache(maxsize=None)
def _frequencies(lang: str) -> dict[str, float] | None:
    code = LISTS.get(lang)
    if code is None:
        return None
    with _lock:
        return _read_list(code)


def has_list(lang: str) -> bool:
    """True when `lang` has a word list (so a miss there is evidence against it)."""
    return _frequencies(lang) is not None


def log_frequency(word: str, lang: str) -> float | None:
    """log10 of how often `word` (any case) occurs in `lang` (e.g. -2.0 for 1 in 100).

    Returns None when `lang` has no list, and -inf for a word its list does not hold.
    """
    table = _frequencies(lang)
    if table is None:
        return None
    word = word.casefold()
    if lang == "sr":
        word = word.translate(_SERBIAN_TO_LATIN)
    return table.get(word, -math.inf)


def log_frequencies(lang: str) -> dict[str, float] | None:
    """The whole list of `lang` as {casefolded word: log10 frequency} (None without a list); for
    callers that look up many words. Serbian keys are in Latin script (see `serbian_latin`)."""
    return _frequencies(lang)


def serbian_latin(word: str) -> str:
    """A Serbian Cyrillic word in the Latin script its word list is keyed in."""
    return word.translate(_SERBIAN_TO_LATIN)
