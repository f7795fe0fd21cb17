"""Unicode script analysis: which writing systems a string's letters belong to.

`script_of(ch)` names the script of one letter ("latin", "cyrillic", "arabic", "han",
"kana", "hangul", ...; None for anything that is not a letter). `letter_scripts(text)`
counts letters per script. Scripts that belong to one language, or to a small family,
are mapped to ISO 639-1 codes by `SCRIPT_LANGUAGES`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

# (first code point, last code point, script) for the blocks we tell apart; checked in order
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x1C80, 0x1C8F, "cyrillic"),
    (0xA640, 0xA69F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"),
    (0x0C80, 0x0CFF, "kannada"),
    (0x0D00, 0x0D7F, "malayalam"),
    (0x0E00, 0x0E7F, "thai"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0x3130, 0x318F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"),
    (0x3040, 0x309F, "kana"),
    (0x30A0, 0x30FF, "kana"),
    (0x31F0, 0x31FF, "kana"),
    (0xFF66, 0xFF9F, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xF900, 0xFAFF, "han"),
    (0x20000, 0x2FA1F, "han"),
)

# scripts that name one language (or whose other languages we do not route separately)
SCRIPT_LANGUAGES: dict[str, str] = {
    "greek": "el",
    "armenian": "hy",
    "hebrew": "he",
    "georgian": "ka",
    "bengali": "bn",
    "gurmukhi": "pa",
    "gujarati": "gu",
    "tamil": "ta",
    "telugu": "te",
    "kannada": "kn",
    "malayalam": "ml",
    "thai": "th",
    "hangul": "ko",
    "kana": "ja",
    "han": "zh",
}


# every character's script, filled as characters are first seen (a page repeats a few hundred)
_SCRIPT_CACHE: dict[str, str | None] = {}


def script_of(ch: str) -> str | None:
    """The script of one character if it is a letter (or CJK ideograph), else None."""
    try:
        return _SCRIPT_CACHE[ch]
    except KeyError:
        name = _SCRIPT_CACHE[ch] = _script_of(ch)
        return name


def _script_of(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    cp = ord(ch)
    if cp < 0x41:
        return None
    for lo, hi, name in _RANGES:
        if lo <= cp <= hi:
            return name
    return "other"


@lru_cache(maxsize=None)
def not_of_script(script: str) -> re.Pattern:
    """A pattern matching any character but an apostrophe and the letters `script_of` puts in `script`.

    Words (which open with a letter) joined match nothing exactly when every word's letters are
    all of `script`: one search instead of a count per word.
    """
    return re.compile(f"[^'{_letters_of(script)}]")


@lru_cache(maxsize=None)
def of_script(script: str) -> re.Pattern:
    """A pattern matching any one letter `script_of` puts in `script` (a search: does a text hold one?)."""
    return re.compile(f"[{_letters_of(script)}]")


def _letters_of(script: str) -> str:
    """The letters `script_of` puts in `script`, as the inside of a regex character class."""
    spans: list[list[int]] = []
    for at, (lo, hi, name) in enumerate(_RANGES):
        if name != script:
            continue
        earlier = [(a, b) for a, b, _ in _RANGES[:at] if a <= hi and lo <= b]  # blocks checked first
        for cp in range(max(lo, 0x41), hi + 1):
            # what `_script_of` says, without its walk over the blocks for each code point
            if chr(cp).isalpha() and not any(a <= cp <= b for a, b in earlier):
                if spans and spans[-1][1] == cp - 1:
                    spans[-1][1] = cp
                else:
                    spans.append([cp, cp])
    return "".join(re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "") for lo, hi in spans)


def letter_scripts(text: str) -> Counter[str]:
    """Count the letters of `text` per script (digits, punctuation and symbols are not counted)."""
    counts: Counter[str] = Counter()
    # each distinct character once, in order of first appearance (so the counts' order is unchanged)
    for ch, n in Counter(unicodedata.normalize("NFC", text)).items():
        name = script_of(ch)
        if name:
            counts[name] += n
    return counts


def dominant_script(text: str) -> str | None:
    """The script with the most letters in `text`, None when it has no letters.

    Japanese mixes kana with Han: any kana makes a Han-heavy string "kana", and Hangul
    likewise wins over Han, since both are what tells those languages from Chinese.
    """
    return dominant_of_counts(letter_scripts(text))


def dominant_of_counts(counts: Counter[str]) -> str | None:
    """`dominant_script` of a text whose `letter_scripts` are `counts`."""
    if not counts:
        return None
    if counts.get("han") and counts.get("kana"):
        return "kana"
    if counts.get("han") and counts.get("hangul"):
        return "hangul"
    return max(sorted(counts), key=lambda s: counts[s])


# Cyrillic letters that look like Latin ones, both ways; scraped pages and spam mix them
_CYRILLIC_LOOKALIKES = "аАвВеЕіІјЈкКмМнНоОрРсСтТуухХѕЅ"
_LATIN_LOOKALIKES = "aAbBeEiIjJkKmMhHoOpPcCtTyyxXsS"
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_TO_CYRILLIC = str.maketrans(
    {lat: cyr for lat, cyr in zip(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES) if lat not in "bhy"}
)


def unconfuse(word: str) -> str:
    """Rewrite look-alike letters of a word that mixes Latin and Cyrillic into its majority script.

    "Сolumn" with a Cyrillic С is the English word "Column"; a word in one script is
    returned unchanged.
    """
    if word.isascii():
        return word  # the usual case: nothing to rewrite
    return _unconfuse(word)


@lru_cache(maxsize=65536)
def _unconfuse(word: str) -> str:
    latin = cyrillic = 0
    for ch in word:
        name = script_of(ch)
        latin += name == "latin"
        cyrillic += name == "cyrillic"
    if not latin or not cyrillic:
        return word
    return word.translate(_TO_LATIN if latin >= cyrillic else _TO_CYRILLIC)
