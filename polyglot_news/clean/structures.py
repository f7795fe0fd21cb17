"""Structures that span several lines of a page and tell chrome from article by their shape.

Source lists (citation lines ending in a year), readers' comments (the paragraph above a
"Reply" button), a dump's tables (one cell a line, repeating shapes), lists carried on from a
line ending in a colon, and runs of headline + blurb pairs (lists of other stories).
Each `mark_*` sets facts on the lines it recognises; `article.py` weighs them.
"""

from __future__ import annotations

from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)

from ..model import BOILERPLATE, CAPTION, TEASER, UI
from .linepatterns import (
    COUNTER,
    LineFacts,
    is_title_case,
    norm_text,
)

# roles a block can carry without being chrome for sure, and roles that may cover most of a page


def _headline_shaped(f: LineFacts) -> bool:
    """A line that could be a headline: three to 25 words, no sentence end, no pattern matched."""
    return not f.forced and not f.prose and not f.ends and 3 <= f.units <= 25


_ENDS_WITH_YEAR = re.compile(r"\b(1[89]|20)\d{2}\)?$")


def _ends_with_year(text: str) -> bool:
    """`_ENDS_WITH_YEAR.search(text)`, tried only on a line that ends as a match must: a digit or ")" (perhaps before one newline)."""
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    return (last == ")" or last.isdecimal()) and _ENDS_WITH_YEAR.search(text) is not None


def mark_reference_lists(facts: list[LineFacts], min_run: int = 3) -> None:
    """Mark runs of citation lines (no sentence end, ending with a year) as boilerplate: a source list.

    Article sentences end with punctuation; entries of a "Sources" list name a document
    and end with its date, one after another.
    """
    run: list[LineFacts] = []
    for f in facts + [None]:  # type: ignore[list-item]
        if f is not None and not f.ends and f.units >= 5 and _ends_with_year(f.seg.text) and f.forced in (None, TEASER):
            run.append(f)
            continue
        if f is not None and f.forced in (UI, BOILERPLATE, CAPTION) and run:
            continue  # a label between entries does not end the list
        if len(run) >= min_run:
            for g in run:
                g.forced = BOILERPLATE
        run = []


# the button under each comment of a thread
_REPLY = re.compile(r"^(reply|antworten|ответить|відповісти|répondre|responder|rispondi|odpowiedz|beantwoorden|svara)\s*[↓↵]?$", re.I)


def mark_replied_comments(facts: list[LineFacts], reach: int = 3) -> None:
    """Mark the paragraph just above a "Reply" button as boilerplate: it is a reader's comment.

    A comment can be as long and as well written as the article, but each one ends with its
    own reply button; only pattern lines or a short line stand between.
    """
    for r, f in enumerate(facts):
        if not _REPLY.match(f.seg.text.strip()):
            continue
        for g in reversed(facts[max(0, r - reach):r]):
            if g.prose and not g.forced:
                g.forced = BOILERPLATE
                break
            if not g.forced and g.units > 3:
                break


# "Topic – what happened", "[Section] Headline": the two-part shapes of a link to another story
_HEADLINE_PARTS = re.compile(r"\s[–—]\s|^\[[^\]]{1,30}\]")


def mark_table_cells(facts: list[LineFacts], min_rows: int = 2, max_period: int = 8) -> None:
    """Flag the cells of tables that a dump spells out one cell a line, and unmark their numbers.

    A row's cells come in the same order of shapes (a name, two numbers, a note), so the
    shapes repeat with the row's length as their period; a period mixing numbers and short
    labels repeated over at least `min_rows` rows (three for rows of two cells) is a table, which
    the article's text goes through. The short header cells just above it belong to it.
    """
    # each cell's shape: N for a number, w for a short label, x for anything longer
    shapes = ["N" if COUNTER.match(f.seg.text.strip()) else "w" if f.units <= 3 and not f.ends else "x" for f in facts]
    if "N" not in shapes or "w" not in shapes:
        return  # a row holds a number and a label: no table on this page
    n = len(facts)
    # where the next number and the next short label stand from each line on: a row holds both, so the
    # periods shorter than the span to the later of them cannot make a table there (most lines: none can)
    next_number, next_label = [n] * (n + 1), [n] * (n + 1)
    for k in range(n - 1, -1, -1):
        next_number[k] = k if shapes[k] == "N" else next_number[k + 1]
        next_label[k] = k if shapes[k] == "w" else next_label[k + 1]
    i = 0
    for start in [k for k in range(n) if next_number[k] - k < max_period and next_label[k] - k < max_period]:
        if start < i:
            continue  # a cell of the table found above
        i = start
        found = 0
        for period in range(max(2, max(next_number[i], next_label[i]) - i + 1), max_period + 1):
            row = shapes[i:i + period]
            if len(row) < period or "N" not in row or "w" not in row:
                continue
            length = period
            while i + length < n and shapes[i + length] == shapes[i + length - period]:
                length += 1
            rows = length // period
            if rows >= (3 if period == 2 else min_rows) and length > found:
                found = length
        if not found:
            continue
        head = i
        while head > 0 and i - head < max_period and shapes[head - 1] == "w" and not facts[head - 1].forced:
            head -= 1
        for f in facts[head:i + found]:
            f.cell = not f.prose  # a paragraph in a row (a numbered step, a long note) scores as one
            if f.forced == UI and COUNTER.match(f.seg.text.strip()):
                f.forced = None
        i += found


def mark_colon_lists(facts: list[LineFacts], min_items: int = 2) -> None:
    """Flag a line ending with a colon and the list items right after it: the article goes on in a list.

    Items are lines no pattern marked, of two to 30 words; a pattern line or a paragraph ends
    the list. Lists of links are not the article's: items shaped like headlines (title case,
    "Topic – what happened", "[Section] Headline") are other stories, and items that repeat
    the label ("Share:", "Share on X") are a menu.
    """
    for i, f in enumerate(facts):
        label = f.seg.text.rstrip()
        if f.forced or not label.endswith(":") or f.units > 30:
            continue
        label = norm_text(label)
        items = []
        for g in facts[i + 1:]:
            text = g.seg.text.strip()
            if (g.forced or g.prose or not 2 <= g.units <= 30 or text.endswith(":") or is_title_case(text)
                    or _HEADLINE_PARTS.search(text) or label in norm_text(text)):
                break
            items.append(g)
        if len(items) >= min_items:
            for g in [f, *items]:
                g.listed = True


def mark_blurb_runs(facts: list[LineFacts], min_pairs: int = 3) -> None:
    """Mark runs of (headline, one paragraph) pairs as teasers: lists of other stories with their blurbs.

    An article's subheadings are followed by several paragraphs, or come irregularly; a
    list of related stories repeats headline-blurb, headline-blurb. Pattern lines (bylines,
    dates) between them do not break a run.
    """
    pairs: list[tuple[int, int]] = []
    i, n = 0, len(facts)

    # a list of other stories follows an article: two paragraphs in a row before the run
    follows_article = [False] * n
    seen_two = False
    for idx in range(1, n):
        seen_two = seen_two or (facts[idx].prose and facts[idx - 1].prose)
        follows_article[idx] = seen_two

    def flush() -> None:
        if len(pairs) >= min_pairs and follows_article[pairs[0][0]]:
            for h, p in pairs:
                facts[h].forced = TEASER
                facts[p].forced = TEASER
        pairs.clear()

    while i < n:
        f = facts[i]
        subheading = f.tag[:1] == "h" and f.tag[1:].isdigit() and "article" in f.roles and "link" not in f.roles
        if (_headline_shaped(f) or f.forced == TEASER) and not subheading:
            j = i + 1
            while j < n and facts[j].forced in (BOILERPLATE, UI, CAPTION):
                j += 1
            k = j + 1
            while k < n and facts[k].forced in (BOILERPLATE, UI, CAPTION):
                k += 1
            if j < n and facts[j].prose and not facts[j].forced and (k >= n or not facts[k].prose):
                pairs.append((i, j))
                i = j + 1
                continue
        elif f.forced in (BOILERPLATE, UI, CAPTION):
            i += 1
            continue
        flush()
        i += 1
    flush()
