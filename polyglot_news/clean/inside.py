"""Kinds inside the article run: standfirsts, key-point boxes, lines above a dateline, captions,
teasers between paragraphs and subheadings of a sectioned article.
"""

from __future__ import annotations

from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)

from ..model import BODY, BOILERPLATE, CAPTION, TEASER, UI
from .linepatterns import (
    BYLINE_WORD,
    EMBED_ATTRIBUTION,
    SECTION_END,
    LineFacts,
    is_byline,
    is_date_line,
    is_title_case,
)

# roles a block can carry without being chrome for sure, and roles that may cover most of a page

CONTENT_TAGS = {"li", "h2", "h3", "h4", "h5", "h6", "pre", "dd", "dt", "td", "blockquote"}
DEK_MAX_WORDS = 60  # a standfirst is a sentence or two
DEK_BYLINE_DISTANCE = 8  # pattern lines (share buttons, labels) that may stand between a standfirst and its byline


_DATELINE = re.compile(r"^[A-ZÀ-ÞА-ЯЁІЇЄ][A-ZÀ-ÞА-ЯЁІЇЄ .'-]{2,30}(,\s+[A-Z][\w.]*( [A-Z][\w.]*)?)?\s*(\([^()]{2,30}\))?\s*[—–-]\s+\S")


def demote_before_dateline(facts: list[LineFacts], start: int, end: int, title: int | None, short: int = 20) -> None:
    """Turn short body lines between the title and a dateline paragraph into teasers: the article starts at its dateline.

    Lines above it are headlines of other stories or a summary; a long lead paragraph stays.
    """
    dateline = next((i for i in range(start, min(end, start + 40)) if facts[i].prose and _DATELINE.match(facts[i].seg.text)), None)
    if dateline is None:
        return
    for g in facts[max(start, -1 if title is None else title + 1):dateline]:
        if g.seg.kind == BODY and g.units <= short:
            g.seg.kind = TEASER


# the heading of a summary box set above an article
_SUMMARY_LABEL = re.compile(
    r"^(key (points|takeaways|facts)|highlights|in brief|at a glance|the big picture|tl;? ?dr|das wichtigste( in kürze)?|auf einen blick"
    r"|en bref|l'essentiel|en resumen|lo más importante|in sintesi|w skrócie|коротко|кратко|коротко про головне)\s*:?$",
    re.I,
)


def demote_summary_box(facts: list[LineFacts], title: int | None, most: int = 5) -> None:
    """Turn the paragraphs under a "Key points" heading between the headline and the text into teasers: a summary, not the text.

    The box must visibly end (a picture, a byline, a label) after a few points; with no
    break the heading may as well open the article itself, which is left as it is.
    """
    for i, f in enumerate(facts):
        if f.units > 6 or not _SUMMARY_LABEL.match(f.seg.text.strip()) or not _before_first_paragraph(facts, i, title):
            continue
        points = []
        for g in facts[i + 1:i + 2 + most]:
            if not g.prose or g.seg.kind != BODY:
                break
            points.append(g)
        if points and len(points) <= most and i + 1 + len(points) < len(facts):
            for g in points:
                g.seg.kind = TEASER


# words a caption uses to point at its picture ("left", "pictured", "an artist's illustration")
DESCRIBES_IMAGE = re.compile(
    r"\b(left|right|center|centre|pictured|illustration|photograph|concept|rendering|seen here|is shown|are shown"
    r"|links|rechts|mitte|im bild|слева|справа|в центре|на фото|зліва|справа|на фото|à gauche|à droite|au centre"
    r"|a la izquierda|a la derecha|en la imagen|a sinistra|a destra|z lewej|z prawej|na zdjęciu)\b",
    re.I,
)


def is_dek(facts: list[LineFacts], i: int, title: int) -> bool:
    """True when segment `i` is a subheading set right under the headline (only pattern lines between)."""
    f = facts[i]
    if i <= title or f.forced or not all(facts[k].forced for k in range(title + 1, i)):  # (no copy of the lines between)
        return False
    if f.tag in ("h2", "h3") and 8 <= f.units <= 30:
        return True
    # the paragraph between the headline and the byline or date ("Text: Jane Roe · 24 May 2026"); share
    # buttons may stand between it and the byline, which may be a bare "By" above the author's name
    if f.tag not in ("", "p", "div") or not 8 <= f.units <= DEK_MAX_WORDS:
        return False
    if f.tag == "div" and _set_apart(facts, i):
        return True
    for after in facts[i + 1:i + 1 + DEK_BYLINE_DISTANCE]:
        text = after.seg.text
        if BYLINE_WORD.match(text) or after.forced == BOILERPLATE and (is_byline(after) or is_date_line(text)):
            return True
        if not after.forced:
            return False
    return False


def dek_index(facts: list[LineFacts], title: int | None) -> int | None:
    """The index of the subheading set right under the headline at `title` (`is_dek`), or None.

    Only the first line after the title that no pattern marked can be it: one look per page.
    """
    if title is None:
        return None
    i = next((k for k in range(title + 1, len(facts)) if not facts[k].forced), None)
    return i if i is not None and is_dek(facts, i, title) else None


def _next_paragraphs(facts: list[LineFacts], i: int, look: int = 5) -> list[LineFacts]:
    """Up to `look` paragraphs after segment `i` (captions and pattern lines skipped)."""
    return [g for g in facts[i + 1:] if g.prose and not g.forced and "caption" not in g.roles][:look]


def _unlike_paragraphs(facts: list[LineFacts], i: int) -> bool:
    """True when the paragraphs after HTML block `i` are all `p` elements and `i` is not one: its markup sets it apart."""
    following = _next_paragraphs(facts, i)
    return facts[i].tag != "p" and len(following) >= 3 and all(g.tag == "p" for g in following)


def _set_apart(facts: list[LineFacts], i: int) -> bool:
    """True when HTML block `i` is set apart from the paragraphs after it, by its markup and by chrome between.

    A widget (share buttons, a picture) stands between them: a lead paragraph sits right
    above the next one.
    """
    return _unlike_paragraphs(facts, i) and facts[i + 1] is not _next_paragraphs(facts, i)[0]


def credit_follows(facts: list[LineFacts], i: int) -> bool:
    """True when the segment after `i` is a bare photo credit ("Photo: Jane Roe, Agency"), which follows its caption.

    A credit that leads with "Image copyright" or "©" stands above its image instead, so the
    paragraph before it is the article's.
    """
    if i + 1 >= len(facts):
        return False
    credit = facts[i + 1]
    if credit.forced != CAPTION:
        return False
    words = len(re.findall(r"\w+", credit.seg.text))  # "Jane Roe | Agency | Getty Images": separators are not words
    return words <= 8 and not re.match(r"\W*(image )?(copyright|©)", credit.seg.text, re.I)


def mark_repeated_nearby(facts: list[LineFacts], distance: int = 10) -> None:
    """Set `repeated_nearby` on each paragraph whose text stands again within `distance` segments of it.

    One pass over the paragraphs: a copy has the same text, so it reads as prose too, and each
    copy is paired with the one before it (the nearest: a pair within `distance` has no copy far between).
    """
    last: dict[str, int] = {}
    for i, f in enumerate(facts):
        if f.prose:
            text = f.seg.text
            j = last.get(text)
            if j is not None and i - j <= distance:
                f.repeated_nearby = facts[j].repeated_nearby = True
            last[text] = i


def _neighbour(facts: list[LineFacts], i: int, step: int) -> LineFacts | None:
    """The nearest segment before (step -1) or after (step 1) `i` that no pattern marked."""
    j = i + step
    while 0 <= j < len(facts) and facts[j].forced:
        j += step
    return facts[j] if 0 <= j < len(facts) else None


def _under_section_heading(facts: list[LineFacts], i: int) -> bool:
    """True when segment `i` is in the run of headline-shaped lines right under a "Related stories"-style heading."""
    j = i - 1
    while j >= 0 and not facts[j].prose and not facts[j].forced and facts[j].units >= 3 and not facts[j].ends:
        j -= 1
    return j >= 0 and facts[j].forced == UI and bool(SECTION_END.match(facts[j].seg.text))


def _sectioned(facts: list[LineFacts], start: int, end: int, min_sections: int = 3) -> bool:
    """True when the article alternates headings and paragraphs: at least `min_sections` lone lines between paragraphs.

    One headline between two paragraphs of a dump is a link to another story; an article
    cut into sections by several of them (a list of offers, a guide) has subheadings.
    """
    count = 0
    for k in range(max(start, 1), min(end, len(facts) - 1)):
        f = facts[k]
        if not f.prose and not f.forced and not f.ends and f.units >= 3 and facts[k - 1].prose and facts[k + 1].prose:
            count += 1
    return count >= min_sections


def _before_first_paragraph(facts: list[LineFacts], i: int, title: int | None) -> bool:
    """True when segment `i` stands after the title and before the article's first paragraph (a standfirst does not count)."""
    if title is None or i <= title:
        return False
    return not any(g.prose and not g.forced and not is_dek(facts, j, title) for j, g in enumerate(facts[title + 1:i], title + 1))


LIST_SURE = 0.35  # the line model's least mean chance (by length) that a long list inside the article run is its text


def _list_in_article(facts: list[LineFacts], i: int, start: int, end: int, title: int | None) -> bool:
    """True when line `i` stands in a long stretch of short lines between the article's paragraphs that reads as its list.

    The stretch (the lines without prose around `i`, inside the run) has paragraphs of the run
    on both sides, and the line model gives its unmarked lines a mean chance of at least
    `LIST_SURE` of being article text: ingredients read as the article's, a "Most read" box does not.
    """
    a = i
    while a > start and not facts[a - 1].prose:
        a -= 1
    b = i + 1
    while b < end and not facts[b].prose:
        b += 1
    if sum(g.prose for g in facts[b:min(end, b + 8)]) < 2:
        return False
    if not (any(g.prose for g in facts[max(start, a - 8):a]) or title is not None and 0 < a - title <= 8):
        return False
    lines = [g for g in facts[a:b] if not g.forced]
    if not lines or any(g.p < 0 for g in lines):
        return False  # without the line model's chances the rules do not reach this far
    return sum(g.p * g.units for g in lines) / (sum(g.units for g in lines) or 1.0) >= LIST_SURE


def short_in_article(facts: list[LineFacts], i: int, start: int, end: int, title: int | None) -> str:
    """The kind of a non-prose line inside the article: subheading, list item, teaser, or label.

    A single headline-shaped line between two paragraphs is a teaser when it reads like a
    headline (title case, or six words or more in a plain-text dump), else a subheading.
    A run of short lines is a list: part of the article when more paragraphs follow it,
    a list of other stories or a menu when the article ends there.
    """
    f = facts[i]
    text = f.seg.text
    if f.units <= 4 and text.rstrip().endswith(":") and i + 1 < len(facts) and facts[i + 1].forced in (BOILERPLATE, UI):
        return UI  # "Published:" above its date: the label of a pattern line
    if f.units >= 3 and not f.ends and _under_section_heading(facts, i):
        return TEASER  # "Related articles" inside the article: the headlines under it are other stories
    if f.tag[:1] == "h" and f.tag[1:].isdigit() and "article" in f.roles:
        return BODY
    if f.tag not in ("", "li") and _before_first_paragraph(facts, i, title) and _unlike_paragraphs(facts, i):
        return TEASER if f.units >= 5 else UI  # between the headline and the text: author boxes, a video's title
    if EMBED_ATTRIBUTION.match(text):
        return BODY
    if (f.tag == "li" or f.tag == "p" and f.units >= 3) and "article" in f.roles:
        return BODY  # the article container's own paragraphs and list items: the markup says they are its text
    if f.tag in CONTENT_TAGS and f.units >= 2:
        return BODY
    if f.listed or f.cell:
        return BODY
    before, after = _neighbour(facts, i, -1), _neighbour(facts, i, 1)
    isolated = before is not None and after is not None and before.prose and after.prose
    if f.units <= 2 and not f.ends:
        # two words alone between paragraphs head a section ("Private homes:"); one is a label
        return BODY if isolated and f.units == 2 and facts[i - 1] is before and facts[i + 1] is after else UI
    if isolated and not f.ends:
        if text.isupper():
            return BODY  # an all-capitals subheading
        if f.units >= 4 and is_title_case(text):
            return TEASER
        if f.units >= 6 and not f.tag and not _sectioned(facts, start, end):
            return TEASER
        return BODY
    if not f.ends and f.units >= 4 and is_title_case(text) and any(
        0 <= j < len(facts) and not facts[j].prose and not facts[j].ends and facts[j].units >= 4 and is_title_case(facts[j].seg.text)
        for j in (i - 1, i + 1)
    ):
        return TEASER  # a run of title-case headlines: other stories
    more_prose = sum(g.prose for g in facts[i + 1:min(end, i + 8)]) >= 2
    prose_before = any(g.prose for g in facts[max(0, i - 8):i]) or (title is not None and 0 < i - title <= 8)
    if more_prose and prose_before:
        return BODY
    if _list_in_article(facts, i, start, end, title):
        return BODY
    if f.ends and f.units >= 4:
        return BODY
    return TEASER if f.units >= 5 else UI
