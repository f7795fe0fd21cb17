"""Extractive English summary of an article: its own sentences, in article order.

`summarise(article, settings)` reads the English of the title and body segments
(untranslated segments, `english is None`, are skipped), splits the body into
sentences, keeps those fit to stand alone in a digest, ranks them with the
summariser named by `settings.algorithm` (see `algorithms.ALGORITHMS`), and takes
the best ones up to the length asked for, dropping near-duplicates. The title
guides the ranking but is never itself a summary sentence.

Length: `settings.words` (a word budget) wins over `settings.ratio` (a share, rounded
up, of the body sentences fit for a summary), which wins over `settings.sentences`.
"""

from __future__ import annotations

import math
import re

from ..config import Settings
from ..errors import ConfigError
from ..model import BODY, TITLE, Article, SummarySentence
from ..text.sentences import split_sentences
from .algorithms import SummaryDocument, summariser_for
from .document import Candidate

# A sentence ends with terminal punctuation, possibly inside closing quotes or brackets.
_ENDS_WELL = re.compile(r"[.!?…][\"'»”“’)\]]*$")
# Opens like a sentence: a capital, a digit, or an opening quote or bracket before one.
_STARTS_WELL = re.compile(r"^[\"'«„“‘(\[]{0,2}[^\W_a-z]")
# "MOSCOW (Sputnik) — ", "LONDON, March 3 (Reuters) - ", "(CNN) -- ": a dateline before the news.
_DATELINE = re.compile(
    r"""^(?:
        [A-Z][A-Z.'’\ -]{2,40}?(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*\([^()]{1,40}\)  # CITY [, Month D] (Agency)
      | [A-Z][A-Z.'’\ -]{2,40}?,\s*[A-Z][a-z]+\.?\s+\d{1,2}                       # CITY, Month D
      | [A-Z]{3}[A-Z.'’\ -]{0,40}?\s*(?=—|--)                                        # CITY — (a long dash only)
      | \([^()]{1,40}\)                                                              # (Agency)
    )\s*(?:—|–|--|-)\s+""",
    re.VERBOSE,
)
# Page furniture that can slip into body text: photo credits, calls to action, widgets.
_CHROME = re.compile(
    r"^(?:subscribe|sign up|sign in|log in|register|click|tap|read more|share|follow us|download our)\b|"
    r"\b(?:click here|read more|share this|follow us on|our newsletter|newsletter sign|all rights reserved|"
    r"use of cookies|cookie policy|accept cookies|advertisement|getty images|image copyright|photo credit|"
    r"related (?:articles|stories)|log in or register|comments?\s*\(\d+\))\b|©|"
    r"\b(?:photo|image|picture|video|credit)s?\s*:",
    re.IGNORECASE,
)
_MIN_WORDS = 5
_MAX_WORDS = 90
# Jaccard overlap of content stems from which a sentence repeats one already chosen
# (on BBC news, pairs at 0.5 and above are restatements; below, merely related).
_DUPLICATE_OVERLAP = 0.5


def _without_dateline(sentence: str) -> str:
    """The sentence with a leading dateline ("MOSCOW (Sputnik) — ") removed."""
    match = _DATELINE.match(sentence)
    if match and _STARTS_WELL.match(sentence[match.end() :]):
        return sentence[match.end() :]
    return sentence


def fit_for_summary(sentence: str) -> bool:
    """True for a whole sentence that can stand alone: no fragment, dateline, caption or UI text.

    A sentence qualifies when it starts like one (capital, digit or opening quote),
    ends with terminal punctuation, has 5 to 90 words, and holds no page furniture
    ("Subscribe", "©", "Getty Images", ...).
    """
    words = sentence.split()
    return (
        _MIN_WORDS <= len(words) <= _MAX_WORDS
        and bool(_STARTS_WELL.match(sentence))
        and bool(_ENDS_WELL.search(sentence))
        and not _CHROME.search(sentence)
        and sum(ch.isalpha() for ch in sentence) >= len(sentence) / 2
    )


def _plain(text: str) -> str:
    """Lower-case words only, to compare a sentence with the title."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def summary_document(article: Article) -> SummaryDocument:
    """The English title and the body sentences fit for a summary, as a SummaryDocument."""
    title = None
    candidates: list[Candidate] = []
    paragraph = 0
    for segment in article.article_segments():
        english = (segment.english or "").strip()
        if not english:
            continue
        if segment.kind == TITLE:
            title = title or english
            continue
        if segment.kind != BODY:
            continue
        position = 0
        for sentence in split_sentences(english, "en"):
            sentence = _without_dateline(sentence)
            if fit_for_summary(sentence) and _plain(sentence) != _plain(title or ""):
                candidates.append(Candidate.of(sentence, segment.line, len(candidates), paragraph, position))
            position += 1
        paragraph += 1
    return SummaryDocument(title, candidates)


def _overlap(a: Candidate, b: Candidate) -> float:
    """Jaccard overlap of two sentences' content stems (1.0 for identical texts)."""
    sa, sb = set(a.stems), set(b.stems)
    if not sa or not sb:
        return float(_plain(a.text) == _plain(b.text))
    return len(sa & sb) / len(sa | sb)


def _target_count(settings: Settings, available: int) -> int | None:
    """How many sentences to take, or None when a word budget decides."""
    if settings.words is not None:
        if settings.words < 1:
            raise ConfigError(f"summary length in words must be at least 1, not {settings.words}")
        return None
    if settings.ratio is not None:
        if not 0 < settings.ratio <= 1:
            raise ConfigError(f"summary ratio must be in (0, 1], not {settings.ratio}")
        return max(1, math.ceil(settings.ratio * available - 1e-9))
    if settings.sentences < 1:
        raise ConfigError(f"summary length in sentences must be at least 1, not {settings.sentences}")
    return settings.sentences


def select(document: SummaryDocument, ranking: list[int], settings: Settings) -> list[Candidate]:
    """The best-ranked candidates within the length asked for, near-duplicates skipped, in article order."""
    count = _target_count(settings, len(document.candidates))
    chosen: list[Candidate] = []
    used_words = 0
    for index in ranking:
        candidate = document.candidates[index]
        if any(_overlap(candidate, other) >= _DUPLICATE_OVERLAP for other in chosen):
            continue
        if count is None:
            size = len(candidate.text.split())
            if used_words + size > settings.words:
                continue
            chosen.append(candidate)
            used_words += size
        else:
            chosen.append(candidate)
            if len(chosen) >= count:
                break
    if not chosen and ranking:
        # No sentence fits the word budget: the best one beats an empty summary.
        chosen.append(document.candidates[ranking[0]])
    return sorted(chosen, key=lambda c: c.index)


def summarise(article: Article, settings: Settings) -> list[SummarySentence]:
    """The English summary of an article: its best body sentences, in article order.

    Raises ConfigError for an unknown `settings.algorithm` or a bad length setting.
    """
    summariser = summariser_for(settings.algorithm)
    document = summary_document(article)
    if not document.candidates:
        _target_count(settings, 0)
        return []
    ranking = summariser.rank(document)
    return [SummarySentence(c.text, c.line) for c in select(document, ranking, settings)]
