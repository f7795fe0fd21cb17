"""The daily digest: one email-ready file for a day's articles, one entry per story.

    day = daily_digest("scraped/", date(2026, 11, 27))
    Path("today.txt").write_text(render_day(day, "text"))

An article belongs to the day written in its path (`2026-11-27`, `2026_11_27`,
`20261127` or `2026/11/27` anywhere in the path relative to the input folder; the last
one wins), else to the local date of its file's modification time. Scrapers name
files or folders by date more reliably than they keep mtimes (a copy or a checkout
resets them), so the path wins when it has one.

The same story from several sources is told once, with every source listed: two
digests are near-duplicates when their English title and summary share enough word
pairs (shingles) or content words, or when they name the same people, places and
organisations and also share some content words (a translated report rarely shares
word pairs with the original), or when they share four or more names and most of
their names (an untranslated report has no English words to compare). Near-duplicates
are grouped transitively.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from .config import Settings
from .errors import ConfigError, PolyglotError
from .model import ENGLISH, Digest, Term

_DATE_IN_PATH = re.compile(r"(?<!\d)(20\d\d|19\d\d)([-_./]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_path(rel: str) -> date | None:
    """The last date written in a relative path (e.g. `2026-11-27/bbc.txt`, `ria_20261127.html`), or None."""
    found = None
    for m in _DATE_IN_PATH.finditer(rel):
        try:
            found = date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
    return found


def article_date(path: Path, rel: str) -> date:
    """The day an input belongs to: the date in its path, else its mtime's local date."""
    return date_in_path(rel) or datetime.fromtimestamp(os.stat(path).st_mtime).date()


# ---------------------------------------------------------------- near-duplicates

_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just me more most my no nor
    not now of off on once only or other our out over own same she should so some such than that the
    their them then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your said says say told new one two year
    years last first after week day people""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _stem(word: str) -> str:
    """A crude English stem: enough for "districts"/"district" and "opened"/"opens" to meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:8]


def story_words(digest: Digest) -> list[str]:
    """The content words of a digest's English title and summary, stemmed, in order."""
    text = " ".join([digest.title or "", *(s.text for s in digest.summary)])
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    return [_stem(w) for w in words if len(w) > 2 and w not in _STOPWORDS]


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass
class Similarity:
    """How alike two digests are: shingle, content-word and named-term overlap (Jaccard, 0..1)."""

    shingles: float
    words: float
    terms: float
    shared_terms: int
    shared_words: int = 0

    @property
    def same_story(self) -> bool:
        """The decision rule; thresholds picked on hand-made pairs (see tests/test_daily.py)."""
        return (
            self.shingles >= 0.3
            or self.words >= 0.45
            or (self.shared_terms >= 2 and self.terms >= 0.4 and self.words >= 0.15 and self.shared_words >= 3)
            # an untranslated report shares no English words, only its names
            or (self.shared_terms >= 4 and self.terms >= 0.5)
        )


def _features(digest: Digest) -> tuple[set, set, set]:
    words = story_words(digest)
    shingles = {(a, b) for a, b in zip(words, words[1:])}
    terms = {t.term.casefold() for t in digest.glossary}
    return shingles, set(words), terms


def similarity(a: Digest, b: Digest) -> Similarity:
    """How alike two digests are as stories (see `Similarity`)."""
    return _similar(_features(a), _features(b))


def _similar(fa: tuple[set, set, set], fb: tuple[set, set, set]) -> Similarity:
    return Similarity(_jaccard(fa[0], fb[0]), _jaccard(fa[1], fb[1]), _jaccard(fa[2], fb[2]), len(fa[2] & fb[2]), len(fa[1] & fb[1]))


def story_groups(digests: list[Digest]) -> list[list[int]]:
    """Indexes of `digests` grouped by story (near-duplicates together), each group in input order."""
    feats = [_features(d) for d in digests]
    parent = list(range(len(digests)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(digests)):
        for j in range(i + 1, len(digests)):
            if _similar(feats[i], feats[j]).same_story:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(digests)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


# ---------------------------------------------------------------- the day


@dataclass
class Story:
    """One story: the digest told in full (`lead`) and every digest that reported it."""

    digests: list[Digest]

    @property
    def lead(self) -> Digest:
        """The digest to tell: the one with the longest summary, English originals first on a tie."""
        return max(self.digests, key=lambda d: (len(d.summary), d.article.languages().get(ENGLISH, 0.0)))

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

    def subject(self, max_len: int = 63) -> str:
        """The e-mail subject on one line of at most `max_len` characters: date, story count, lead title.

        The default leaves `Subject: ` plus the subject within 72 columns; the lead title
        is cut (with an ellipsis) to fit, and dropped when not even a word of it fits.
        """
        from .render.labels import display_title

        n = len(self.stories)
        head = f"News {self.date.isoformat()}, {n} {'story' if n == 1 else 'stories'}"
        room = max_len - len(head) - 2
        if not self.stories or room < 12:
            return head
        lead = display_title(self.stories[0].lead)
        if len(lead) > room:
            lead = lead[: room - 1].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"
        return f"{head}: {lead}"


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


def day_glossary(stories: list[Story]) -> list[DayTerm]:
    """One glossary for the day: every story's terms merged, sorted by kind then term, with story numbers."""
    per_story = [story.terms() for story in stories]
    numbers: dict[str, list[int]] = {}
    for number, terms in enumerate(per_story, 1):
        for t in terms:
            numbers.setdefault(t.term.casefold(), []).append(number)
    kind_order = {"person": 0, "organisation": 1, "place": 2}
    entries = [DayTerm(t, numbers[t.term.casefold()]) for t in merge_terms(per_story)]
    return sorted(entries, key=lambda e: (kind_order.get(e.term.kind, 3), e.term.term.casefold()))


def day_from_digests(digests: list[Digest], day: date, in_dir: str = "", failed: list[tuple[str, str]] | None = None) -> Day:
    """Group digests into stories (most-reported first, then in input order) and build the day's glossary."""
    stories = [Story([digests[i] for i in g]) for g in story_groups(digests)]
    stories.sort(key=lambda s: -len(s.digests))  # stable: ties keep input order
    return Day(date=day, in_dir=in_dir, stories=stories, glossary=day_glossary(stories), failed=list(failed or []))


def daily_digest(
    in_dir: str | Path,
    day: date | None = None,
    settings: Settings | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> Day:
    """Digest every input under `in_dir` that belongs to `day` (default today) into a Day.

    Sources are named by their path relative to `in_dir`. Inputs that cannot be read
    are listed in `Day.failed` with their reason; the others go on.
    """
    from . import pipeline
    from .batch import discover, os_reason

    day = day or date.today()
    settings = settings or Settings()
    found, problems = discover(in_dir, include, exclude)
    failed = [(p.rel, p.reason) for p in problems]
    todays, names = [], []
    for f in found:
        try:
            if article_date(f.path, f.rel) != day:
                continue
            with open(f.path, "rb") as fh:
                todays.append(fh.read())
        except OSError as e:
            failed.append((f.rel, os_reason(e)))
            continue
        names.append(f.rel)

    def note_failure(source, error: PolyglotError) -> None:
        # errors name their source (`rel: problem`); bytes have no identity to match on
        message = str(error)
        rel = next((n for n in names if message.startswith(n + ":")), "")
        failed.append((rel, message[len(rel) + 1 :].strip() if rel else message))

    if not todays:
        return day_from_digests([], day, str(in_dir), failed)
    glossary = pipeline.load_context(settings)
    before = len(failed)
    try:
        digests = pipeline.digest_many(todays, settings, glossary, on_error=note_failure, names=names)
    except PolyglotError:
        raise
    except Exception:  # a bug on one page must not cost the day: digest one by one, report that page
        del failed[before:]
        digests = []
        for data, name in zip(todays, names):
            try:
                digests += pipeline.digest_many([data], settings, glossary, on_error=note_failure, names=[name])
            except PolyglotError:
                raise
            except Exception as e:
                failed.append((name, f"internal error: {type(e).__name__}: {e}"))
    return day_from_digests(digests, day, str(in_dir), failed)


def parse_day(text: str | None) -> date:
    """A `--date` value (YYYY-MM-DD) as a date; today when None."""
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"--date {text!r}: expected YYYY-MM-DD") from None


def render_day(day: Day, fmt: str = "text") -> str:
    """The day as `text` (email-ready, 72 columns, starts with a Subject: line) or `markdown`."""
    from .render import day as day_render

    if fmt == "text":
        return day_render.day_text(day)
    if fmt == "markdown":
        return day_render.day_markdown(day)
    raise ConfigError(f"unknown daily format {fmt!r}: choose text or markdown")


def day_eml(day: Day, sender: str | None = None, to: str | None = None, when: datetime | None = None) -> bytes:
    """The day as an RFC 5322 message: the text (without its Subject/Date lines) and HTML alternatives."""
    from .render.day import day_html, day_text
    from .render.eml import DEFAULT_SENDER, eml_message

    return eml_message(day.subject(), day_text(day, headers=False), day_html(day), sender=sender or DEFAULT_SENDER, to=to, when=when)
