"""Case-blind patterns made of fixed words, answered without a scan for a text that holds none of them.

A pattern such as `\\b(?:said|told|according to)\\b` compiled with IGNORECASE is tried at every
position of a text, and the summary tries several on every candidate sentence. `Phrases` keeps the
pattern with the words it is made of: a text whose lower case opens with none of `openings`, holds
none of `words`, no colon after one of `labels` and none of the `marks` cannot match, and nearly
every sentence is such a text, so only the others are scanned.

IGNORECASE also takes a few letters for ones whose lower case is another letter (Turkish İ and ı for
i, the long ſ for s, old forms of Cyrillic в, д, о, с, т: `ODD_CASE`); a text with one of them is
always scanned. Every other letter the words use is one whose case-blind matches all lower-case to it
(tests/test_summarise.py checks this over the whole of Unicode).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ODD_CASE = re.compile("[\u0130\u0131\u017f\u1c80-\u1c88]")


@dataclass(frozen=True)
class Phrases:
    """A case-blind `pattern` and the words it needs: every match opens the text with one of
    `openings`, holds one of `words` or `marks`, or one of `labels` and a colon (lower-cased)."""

    pattern: re.Pattern
    words: tuple[str, ...] = ()
    openings: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()  # matched as written ("©")

    def found_in(self, text: str) -> bool:
        """`bool(self.pattern.search(text))`, without the scan where the words rule a match out."""
        # the substring tests mapped in C (`any` over a generator costs a Python step a word)
        if not any(map(text.__contains__, self.marks)) and not ODD_CASE.search(text):
            low = text.lower()
            if not (low.startswith(self.openings) or any(map(low.__contains__, self.words))
                    or (":" in low and any(map(low.__contains__, self.labels)))):
                return False
        return bool(self.pattern.search(text))
