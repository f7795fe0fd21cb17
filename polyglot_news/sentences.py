"""Offline sentence splitting for every language we handle (no NLTK data, no downloads).

`split_sentences(text, lang)` returns the sentences of one paragraph, in order, each
stripped; joining them with spaces gives back the text up to whitespace.
"""

from __future__ import annotations

import re

_END = re.compile(r"(?<=[.!?…])[\"»”')\]]*\s+(?=[\"«„“'(\[]?[A-ZА-ЯЁІЇЄҐ0-9])")


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """Split one paragraph into sentences (basic rule set; see summarise tests for hard cases)."""
    text = " ".join(text.split())
    if not text:
        return []
    return [s.strip() for s in _END.split(text) if s.strip()]
