"""Extractive summary of an article: its own sentences, in article order, in English or its own language.

`summarise(article, settings)` reads the English of the title and body segments
(untranslated segments, `english is None`, are skipped); `summarise(article, settings, lang)`
reads instead the source text of the segments in language `lang` (summary-first translation:
the summary is chosen in the article's language, then only it is translated). Either way it
splits the body into
sentences, keeps those fit to stand alone in a digest, ranks them with the
summariser named by `settings.algorithm` (see `algorithms.ALGORITHMS`), and takes
the best ones up to the length asked for, dropping near-duplicates. The title
guides the ranking but is never itself a summary sentence.

Length: `settings.words` (a word budget) wins over `settings.ratio` (a share, rounded
up, of the body sentences fit for a summary), which wins over `settings.sentences`.
"""

from __future__ import annotations

import math
from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)

from ..config import Settings
from ..errors import ConfigError
from ..model import BODY, TITLE, Article, SummarySentence
from ..text.sentences import split_sentences
from .algorithms import SummaryDocument, summariser_for
from .document import Candidate
from .news import NewsSummariser
from .phrases import Phrases

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
# Page furniture that can slip into body text: photo credits, calls to action, widgets. The words are
# kept apart from the pattern so that most sentences are ruled out with plain substring tests
# (`phrases.Phrases`; scanned at every position of every sentence, the pattern cost the summary a
# fifth of its time).
_CHROME_OPENINGS = ("subscribe", "sign up", "sign in", "log in", "register", "click", "tap", "read more", "share",
                    "follow us", "download our")
_CHROME_PHRASES = ("click here", "read more", "share this", "follow us on", "our newsletter", "newsletter sign",
                   "all rights reserved", "use of cookies", "cookie policy", "accept cookies", "advertisement",
                   "getty images", "image copyright", "photo credit", "related articles", "related stories",
                   "log in or register", "comment")  # "comment" as in "Comments (12)"
_CHROME_LABELS = ("photo", "image", "picture", "video", "credit")  # before a colon: "Photo: ..."
_CHROME = re.compile(
    r"^(?:" + "|".join(_CHROME_OPENINGS) + r")\b|"
    r"\b(?:" + "|".join(p for p in _CHROME_PHRASES if p != "comment") + r"|comments?\s*\(\d+\))\b|©|"
    r"\b(?:" + "|".join(_CHROME_LABELS) + r")s?\s*:",
    re.IGNORECASE,
)
# The same rules for other languages and scripts: a capital in any cased script (or any letter
# in a script without case), the sentence ends of CJK text, a dateline in Cyrillic capitals
# ("МОСКВА, 3 марта — РИА Новости. "), page furniture in the languages we route.
_OPENING = "\"'«„“‘‚‹(["
_ENDS_WELL_ANY = re.compile(r"[.!?…。！？؟][\"'»”“’‘›)\]」』）]*$")
_DATELINE_CYRILLIC = re.compile(
    r"^[А-ЯЁІЇЄҐЎЈЉЊЋЏ][А-ЯЁІЇЄҐЎЈЉЊЋЏ'’\ -]{2,40},?\s*(?:\d{1,2}\s+[а-яёіїєґ]+\.?)?\s*(?:—|–|--|-)\s*"
    r"(?:[^.\s]+(?:\s+[^.\s]+){0,3})\.\s+"
)
_CHROME_ANY_OPENINGS = ("подпис", "читайте также", "смотрите также", "реклама", "фото", "видео", "читайте також",
                        "дивіться також", "фото:")
_CHROME_ANY_LABELS = ("фото", "видео", "відео", "источник", "джерело")  # before a colon
_CHROME_ANY_PHRASES = ("все права защищены", "усі права захищені")
_CHROME_ANY = re.compile(
    r"^(?:" + "|".join(_CHROME_ANY_OPENINGS) + r")|"
    r"©|(?:" + "|".join(_CHROME_ANY_LABELS) + r")\s*:|\b(?:" + "|".join(_CHROME_ANY_PHRASES) + r")\b",
    re.IGNORECASE,
)
# the furniture patterns with the words they are made of, so most sentences are ruled out unscanned
_FURNITURE = Phrases(_CHROME, _CHROME_PHRASES, _CHROME_OPENINGS, _CHROME_LABELS, ("©",))
_FURNITURE_ANY = Phrases(_CHROME_ANY, _CHROME_ANY_PHRASES, _CHROME_ANY_OPENINGS, _CHROME_ANY_LABELS, ("©",))
_UNSPACED = ("zh", "ja", "th")  # scripts without spaces between words: length in characters
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


def _without_dateline_in(sentence: str, lang: str) -> str:
    """The sentence with a leading dateline removed, by the rules of its language."""
    if lang == "en":
        return _without_dateline(sentence)
    sentence = _without_dateline(sentence)
    match = _DATELINE_CYRILLIC.match(sentence)
    if match and _starts_well(sentence[match.end() :]):
        return sentence[match.end() :]
    return sentence


def _starts_well(sentence: str) -> bool:
    """Opens like a sentence in any script: a capital or digit (any letter where the script has no case)."""
    body = sentence.lstrip(_OPENING)
    if len(sentence) - len(body) > 2 or not body:
        return False
    first = body[0]
    return first.isdigit() or first.isupper() or (first.isalpha() and first.lower() == first.upper())


def _word_count(sentence: str, lang: str) -> int:
    if lang in _UNSPACED:
        # about two characters a word in Chinese and Japanese news
        return sum(map(str.isalnum, sentence)) // 2
    return len(sentence.split())


def fit_for_summary(sentence: str, lang: str = "en") -> bool:
    """True for a whole sentence that can stand alone: no fragment, dateline, caption or UI text.

    A sentence qualifies when it starts like one (capital, digit or opening quote),
    ends with terminal punctuation, has 5 to 90 words, and holds no page furniture
    ("Subscribe", "©", "Getty Images", ...). For another language `lang` the same rules
    hold by its script: a capital in any cased script, the full stops of CJK text, words
    counted as characters where a script puts no spaces between them, and page furniture
    in the languages we route too.
    """
    if lang != "en":
        return (
            _MIN_WORDS <= _word_count(sentence, lang) <= _MAX_WORDS
            and _starts_well(sentence)
            and bool(_ENDS_WELL_ANY.search(sentence))
            and not _FURNITURE.found_in(sentence)
            and not _FURNITURE_ANY.found_in(sentence)
            and sum(map(str.isalpha, sentence)) >= len(sentence) / 2
        )
    words = sentence.split()
    return (
        _MIN_WORDS <= len(words) <= _MAX_WORDS
        and bool(_STARTS_WELL.match(sentence))
        and bool(_ENDS_WELL.search(sentence))
        and not _FURNITURE.found_in(sentence)
        and sum(map(str.isalpha, sentence)) >= len(sentence) / 2
    )


def _plain(text: str) -> str:
    """Lower-case words only, to compare a sentence with the title.

    Every letter gives at least one character here (its lower case holds a letter or digit:
    tests/test_summarise.py checks all of Unicode), and a sentence fit for a summary is at least
    half letters; so one more than twice as long as the title's plain words is never the title."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def summary_language(article: Article) -> str:
    """The language a summary-first digest chooses its summary in: the article's main language
    ("en" when that is English or nothing could be told)."""
    for code in article.languages():
        return code
    return "en"


def summary_document(article: Article, lang: str = "en") -> SummaryDocument:
    """The title and the body sentences fit for a summary, as a SummaryDocument.

    For "en": the English of every title and body segment that has English. For another
    language: the source text of the title and body segments written in it.
    """
    title = None
    plain_title = _plain("")  # the title's words, worked out once (a title seen later replaces it)
    candidates: list[Candidate] = []
    paragraph = 0
    for segment in article.article_segments():
        text = _text_in(segment, lang)
        if not text:
            continue
        if segment.kind == TITLE:
            if title is None:
                title = text
                plain_title = _plain(title)
            continue
        if segment.kind != BODY:
            continue
        position = 0
        for sentence in split_sentences(text, lang):
            sentence = _without_dateline_in(sentence, lang)
            if fit_for_summary(sentence, lang) and (len(sentence) > 2 * len(plain_title)
                                                    or _plain(sentence) != plain_title):
                candidates.append(Candidate.of(sentence, segment.line, len(candidates), paragraph, position, lang))
            position += 1
        paragraph += 1
    return SummaryDocument(title, candidates, lang)


def _text_in(segment, lang: str) -> str:
    """What a segment gives the summary in `lang`: its English for "en", else its own text when written in `lang`."""
    if lang == "en":
        return (segment.english or "").strip()
    return segment.text.strip() if segment.lang == lang else ""


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


def summarise_in(article: Article, settings: Settings, lang: str) -> list[SummarySentence]:
    """The summary chosen from the source text of the segments in `lang` (summary-first translation)."""
    return summarise(article, settings, lang)


def summarise(article: Article, settings: Settings, lang: str = "en") -> list[SummarySentence]:
    """The summary of an article: its best body sentences, in article order.

    In English by default (from the segments' English); with another `lang`, chosen from the
    source text of the segments in that language (their `text`, not yet translated).
    Raises ConfigError for an unknown `settings.algorithm` or a bad length setting.
    """
    summariser = summariser_for(settings.algorithm)
    if lang != "en" and isinstance(summariser, NewsSummariser):
        from .languages import SourceNewsSummariser  # reported speech by language: not for English pages

        summariser = SourceNewsSummariser(summariser.weights)
    document = summary_document(article, lang)
    if not document.candidates:
        _target_count(settings, 0)
        return []
    ranking = summariser.rank(document)
    return [SummarySentence(c.text, c.line) for c in select(document, ranking, settings)]
