"""The article as the summarisers see it: a title and candidate sentences, in one language.

The language is English unless the summary is chosen in the article's own language
(summary-first translation); the stems then come from that language's stemmer.

Every summariser ranks the same `SummaryDocument`, so their results are comparable
and the selection rules (length, duplicates, article order) live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .words import content_stems, words_in


@dataclass(frozen=True)
class Candidate:
    """One body sentence that may go into the summary (English, or the document's language).

    `index` is its position among the candidates, `paragraph` the index of its
    segment among the body segments with English, `in_paragraph` its position in
    that segment, `line` the segment's source line.
    """

    text: str
    line: int
    index: int
    paragraph: int
    in_paragraph: int
    words: tuple[str, ...] = field(repr=False)
    stems: tuple[str, ...] = field(repr=False)

    @classmethod
    def of(cls, text: str, line: int, index: int, paragraph: int, in_paragraph: int, lang: str = "en") -> "Candidate":
        words = words_in(text)
        return cls(text, line, index, paragraph, in_paragraph, words, content_stems(words, lang))


@dataclass
class SummaryDocument:
    """A title (or None) and the candidate sentences in article order, in language `lang`."""

    title: str | None
    candidates: list[Candidate]
    lang: str = "en"

    @property
    def title_words(self) -> tuple[str, ...]:
        return words_in(self.title or "")

    @property
    def title_stems(self) -> tuple[str, ...]:
        return content_stems(self.title_words, self.lang)
