"""The daily digest: one email-ready file for a day's articles, one entry per story.

    day = daily_digest("scraped/", date(2026, 11, 27))
    Path("today.txt").write_text(render_day(day, "text"))

An article belongs to the day written in its path, else to its file's mtime (`dates.py`).
The same story from several sources is told once, with every source listed (`stories.py`).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from .. import pipeline
from ..config import Settings
from ..errors import ConfigError, PolyglotError
from ..ingest.folders import NotTaken, discover, os_reason, read_regular
from ..ingest.read import MAX_BYTES
from ..model import Day, DayTerm, Digest, Story, merge_terms
from ..render import day as day_render
from ..render.eml import DEFAULT_SENDER, eml_message
from .dates import article_date
from .stories import explained_groups, reason


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
    stories = [Story([digests[i] for i in g], [(digests[j].article.source, digests[i].article.source, reason(ev)) for i, j, ev in why])
               for g, why in explained_groups(digests)]
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
    day = day or date.today()
    settings = settings or Settings()
    found, problems = discover(in_dir, include, exclude)
    failed = [(p.rel, p.reason) for p in problems]
    todays, names = [], []
    for f in found:
        try:
            if article_date(f.path, f.rel) != day:
                continue
            todays.append(read_regular(f.path, MAX_BYTES))  # never a FIFO or device; bounded
        except NotTaken as e:
            failed.append((f.rel, str(e)))
            continue
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


def render_day(day: Day, fmt: str = "text", explain: bool = False) -> str:
    """The day as `text` (email-ready, 72 columns, starts with a Subject: line) or `markdown`.

    `explain` adds under each story's sources why they were merged (the clues they share).
    """
    if fmt == "text":
        return day_render.day_text(day, explain=explain)
    if fmt == "markdown":
        return day_render.day_markdown(day, explain=explain)
    raise ConfigError(f"unknown daily format {fmt!r}: choose text or markdown")


def day_eml(day: Day, sender: str | None = None, to: str | None = None, when: datetime | None = None) -> bytes:
    """The day as an RFC 5322 message: the text (without its Subject/Date lines) and HTML alternatives."""
    return eml_message(day_render.day_subject(day), day_render.day_text(day, headers=False), day_render.day_html(day), sender=sender or DEFAULT_SENDER, to=to, when=when)
