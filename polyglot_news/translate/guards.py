"""Spotting the known failures of neural MT so they are retried or flagged, never shown as fact.

What real Argos/LibreTranslate users report: a syllable or word repeated up to the length
limit ("pre-pre-pre-..."), output far longer or shorter than the source, and junk such as
"♪" for a Cyrillic sentence. `suspect_reason` names the failure or returns None.
"""

from __future__ import annotations

import re

_REPEATED_CHUNK = re.compile(r"(.{2,30}?)\1{3,}", re.DOTALL)  # a chunk four or more times in a row
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w+")


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def runaway_repetition(source: str, output: str) -> bool:
    """True when the output repeats a chunk or a word far more than the source does."""
    for m in _REPEATED_CHUNK.finditer(output):
        chunk = m.group(1)
        if chunk.strip() and _letters(chunk) and chunk * 4 not in source:
            return True
    words = [w.casefold() for w in _WORD.findall(output)]
    if len(words) >= 8:
        top = max(words.count(w) for w in set(words))
        src_words = [w.casefold() for w in _WORD.findall(source)]
        src_top = max((src_words.count(w) for w in set(src_words)), default=0)
        if top / len(words) > 0.4 and top > 2 * max(1, src_top):
            return True
    return False


def suspect_reason(source: str, output: str, tokens: int = 0, max_tokens: int = 0) -> str | None:
    """Why `output` does not look like a translation of `source`, or None when it looks sane.

    `tokens` is how many tokens the engine produced, `max_tokens` its limit: an output that
    ran into the limit did not end by itself.
    """
    out = output.strip()
    if not out:
        return "empty output" if source.strip() else None
    if max_tokens and tokens >= max_tokens:
        return "output ran to the length limit"
    if runaway_repetition(source, out):
        return "runaway repetition"
    src_letters, out_letters = _letters(source), _letters(out)
    if src_letters >= 3 and out_letters == 0:
        return "no words in output"
    if len(source) >= 12:
        ratio = len(out) / len(source)
        if ratio > 3.0 or ratio < 0.2:
            return f"length ratio {ratio:.1f}"
    return None
