"""The data that flows through the pipeline: Article, Segment, Term, Digest, and a Day of them.

Plain dataclasses, no behaviour beyond small derived views. Every stage takes an
`Article` and returns it richer (it may mutate the segments it owns a field of);
`pipeline.py` packs the result into a `Digest` that the renderers read.

Field ownership (who writes what):
    ingest     Article.source/title/site/encoding, Segment.line/text (+ html hints)
    clean      Segment.kind
    detect     Segment.lang/confidence
    translate  Segment.english/translated_by/flags, Article.notes
    summarise  Digest.summary
    glossary   Digest.glossary
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Iterable

# Segment kinds. Only TITLE and BODY reach the summary and the glossary.
TITLE = "title"
BODY = "body"
CAPTION = "caption"  # photo credits and captions
TEASER = "teaser"  # related-story headlines dropped into the article
UI = "ui"  # buttons, labels, menus, counters, comment widgets, in any language
BOILERPLATE = "boilerplate"  # the rest of the page chrome
KINDS = (TITLE, BODY, CAPTION, TEASER, UI, BOILERPLATE)
ARTICLE_KINDS = (TITLE, BODY)

UNDETERMINED = "und"  # language code for numbers, symbols, strings too short to call
ENGLISH = "en"


@dataclass
class Segment:
    """One line or paragraph of the source, with its provenance and what stages learnt of it.

    `line` is 1-based in the decoded source text (for HTML: in the extracted text).
    `english` is the English text: the text itself for English segments, the translation
    for translated ones, None where no English is available (untranslated, `und`).
    `translated_by` says where `english` came from: "source" (already English),
    "argos", "cache", "glossary", or None.
    `flags` carries warnings such as "suspect-translation".
    `hint` is an optional structural hint from ingest (for HTML: the tag or role the
    text came from, e.g. "h1", "p", "figcaption", "nav"); clean may use it.
    """

    line: int
    text: str
    kind: str = BODY
    lang: str = UNDETERMINED
    confidence: float = 0.0
    english: str | None = None
    translated_by: str | None = None
    flags: list[str] = field(default_factory=list)
    hint: str | None = None

    @property
    def in_article(self) -> bool:
        """True for the kinds that reach the summary and glossary (title and body)."""
        return self.kind in ARTICLE_KINDS


@dataclass
class Article:
    """A source document split into segments, enriched stage by stage."""

    source: str  # a path, or "<stdin>" / "<text>"
    segments: list[Segment]
    title: str | None = None
    site: str | None = None
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)

    def article_segments(self) -> list[Segment]:
        """The title and body segments, in source order."""
        return [s for s in self.segments if s.in_article]

    def languages(self) -> dict[str, float]:
        """Share of the article's (title+body) characters per language code, rounded to 3 places.

        Falls back to all segments when nothing is marked title/body.
        """
        segs = self.article_segments() or self.segments
        counts: dict[str, int] = {}
        for s in segs:
            if s.lang == UNDETERMINED:
                continue
            counts[s.lang] = counts.get(s.lang, 0) + len(s.text)
        total = sum(counts.values())
        if not total:
            return {}
        shares = {k: round(v / total, 3) for k, v in counts.items()}
        return dict(sorted(shares.items(), key=lambda kv: -kv[1]))


@dataclass
class Term:
    """A named term in the glossary.

    `term` is the English form; `original` the source-script form (None when the source
    wrote it in Latin script the same way). `kind` is person, place, organisation or other.
    """

    term: str
    original: str | None
    kind: str
    lang: str
    mentions: int = 1
    note: str = ""
    curated: bool = False
    first_line: int | None = None
    sentence: str = ""  # the first sentence it appears in, as the source wrote it

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SummarySentence:
    """One summary sentence and the source line of the segment it came from.

    `text` is English, unless the digest's `summary_lang` says otherwise (no model: the
    sentence as the source wrote it). `source` is the sentence in the article's language
    when the summary was chosen there and then translated (summary-first translation).
    """

    text: str
    line: int
    source: str | None = None


@dataclass
class Digest:
    """Everything the renderers need: the article, its summary, glossary and notes."""

    article: Article
    summary: list[SummarySentence] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    summary_lang: str = ENGLISH  # the language the summary sentences are written in
    translate_mode: str = "summary"  # what was sent to the model: "summary", "all" or "none"

    @property
    def title(self) -> str | None:
        """The English title: the title segment's English, else the article's title, else its headline line.

        A page dump whose headline is written as a sentence ("Clubs vying for X have come to
        light, as has his salary.") may reach us with no segment marked title; its first
        article line still names it when it reads as a headline (`headline_line`).
        """
        for s in self.article.segments:
            if s.kind == TITLE:
                return s.english or s.text
        if self.article.title:
            return self.article.title
        line = headline_line(self.article)
        return (line.english or line.text) if line else None

    def to_json(self) -> dict[str, Any]:
        """The JSON contract (see README): later versions add fields, never remove them."""
        a = self.article
        return {
            "source": a.source,
            "title": self.title,
            "site": a.site,
            "languages": a.languages(),
            "summary": [s.text for s in self.summary],
            "summary_lines": [s.line for s in self.summary],
            "summary_lang": self.summary_lang,
            "translate_mode": self.translate_mode,
            "glossary": [
                {
                    "term": t.term,
                    "original": t.original,
                    "kind": t.kind,
                    "lang": t.lang,
                    "mentions": t.mentions,
                    "note": t.note,
                }
                for t in self.glossary
            ],
            "segments": [
                {
                    "line": s.line,
                    "text": s.text,
                    "kind": s.kind,
                    "lang": s.lang,
                    "confidence": round(s.confidence, 3),
                    "english": s.english,
                    "translated_by": s.translated_by,
                    "flags": list(s.flags),
                }
                for s in a.segments
            ],
            "notes": list(self.notes),
        }


HEADLINE_MAX_WORDS = 25  # longer first lines are lead paragraphs, not headlines
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+[\"«“(]?[A-ZА-ЯЁІЇЄҐ]")


def _reads_as_headline(text: str, least_words: int = 1) -> bool:
    text = text.strip()
    words = len(text.split())
    # "Here is what we know:" opens a list, it does not name the story
    return bool(text) and "\n" not in text and least_words <= words <= HEADLINE_MAX_WORDS and not _SENTENCE_BREAK.search(text) and not text.endswith(":")


def headline_line(article: Article) -> Segment | None:
    """The article's first line when it reads as a headline, for a page with no better title.

    A headline line is one short standalone line: at most HEADLINE_MAX_WORDS words, one
    sentence, no line break, with the body going on after it. Tried in order:
    the page's very first line when the body starts right after it and the cleaner set it
    aside as a caption or boilerplate (a headline opening "Reuters: ..." looks like a
    credit; four words at least, so "Part 4" or a site name is not taken); then the first
    title-or-body line. A one-line text, or one whose first line is already a paragraph of
    several sentences, has nothing to call it, so it stays untitled.
    """
    segs = article.article_segments()
    if not segs:
        return None
    first_page = article.segments[0]
    if (len(article.segments) > 1 and not first_page.in_article and first_page.kind != UI and article.segments[1].in_article
            and _reads_as_headline(first_page.text, least_words=4)):
        return first_page
    if len(segs) >= 2 and _reads_as_headline(segs[0].text):
        return segs[0]
    return None


# ---------------------------------------------------------------- a day of digests (daily)


@dataclass
class Story:
    """One story: the digest told in full (`lead`) and every digest that reported it.

    `why` says, for each source after the first, why it was merged: (its source, the source
    it matched, the shared clues in words), for `daily --explain`.
    """

    digests: list[Digest]
    why: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def lead(self) -> Digest:
        """The digest to tell: one whose summary is in English, the longest, English originals first on a tie."""
        return max(self.digests, key=lambda d: (d.summary_lang == ENGLISH, len(d.summary), d.article.languages().get(ENGLISH, 0.0)))

    def terms(self) -> list[Term]:
        """The named terms of every digest of the story, merged (see `merge_terms`)."""
        return merge_terms([d.glossary for d in self.digests])


@dataclass
class DayTerm:
    """A term of the day's glossary: its merged Term and the numbers of the stories naming it."""

    term: Term
    stories: list[int]


@dataclass
class Day:
    """A day's digest: its stories in order, the merged glossary, and what could not be read."""

    date: date
    in_dir: str
    stories: list[Story] = field(default_factory=list)
    glossary: list[DayTerm] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return sum(len(s.digests) for s in self.stories)


def merge_terms(lists: Iterable[list[Term]]) -> list[Term]:
    """Terms from several glossaries merged by English form: mentions summed, original forms joined with " / "."""
    merged: dict[str, Term] = {}
    originals: dict[str, list[str]] = {}
    for terms in lists:
        for t in terms:
            key = t.term.casefold()
            if key not in merged:
                merged[key] = Term(t.term, None, t.kind, t.lang, 0, t.note, t.curated, t.first_line)
                originals[key] = []
            m = merged[key]
            m.mentions += t.mentions
            m.curated = m.curated or t.curated
            for original in (t.original or "").split(" / "):  # already-merged terms carry several
                if original and original != t.term and original not in originals[key]:
                    originals[key].append(original)
    for key, m in merged.items():
        m.original = " / ".join(originals[key]) or None
    return list(merged.values())
