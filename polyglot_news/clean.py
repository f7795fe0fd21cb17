"""Marking page chrome: every segment gets a kind, so only the article reaches the summary.

`mark_kinds(article, glossary)` sets `Segment.kind` to one of `model.KINDS`. It runs before
language detection, so its rules look at what any language shows:

1. Each segment is measured and checked against the patterns of chrome that hold across
   languages (`linepatterns.py`: credits, copyright lines, counters, dates and bylines,
   comment widgets, newsletter boxes, link texts, "Related stories" headings, the curated
   UI strings...). Runs of headline + one-paragraph pairs after an article are lists of
   other stories (teasers with their blurbs); runs of citation
   lines ending with a year are a source list; author biographies, "X contributed reporting"
   notes, calls to join or follow, disclaimers, comment rules, spelled-out share buttons and
   lines that are mostly spelled-out links are chrome. The paragraph just above a "Reply"
   button is a reader's comment. A line ending with a colon followed by plain list items
   carries the article on in a list (unless the items look like headlines or repeat the
   label: a menu); a dump's table, one cell a line, is found by its cells' repeating shapes
   (label, numbers, note) and neither makes nor breaks the article.
2. The article is the densest run of prose: each segment scores its length when it reads
   as prose and a penalty when it is short or chrome, and the run with the highest total (a
   maximum-sum subarray) is the article. For HTML the structure counts too (see
   `htmltext.py`): blocks in an article-body container score more, and when that container
   holds most of the prose, blocks outside it are chrome; navigation, footers, share bars,
   comment and related-story widgets score as chrome. List items and short paragraphs left
   in the article container after its last paragraph stay in the article.
3. The title is the `h1`, or the headline-shaped line that repeats the page title or stands
   just before the article; exactly one segment gets it when the page has one. The article
   then runs from the title to where its prose ends (a comment widget, a "Related" heading
   or a time stamp after a paragraph are strong breaks).
4. Inside the article, prose is `body`, credits are `caption`, a single headline-shaped line
   between paragraphs is a `teaser` when it reads like a headline (title case, or six words
   or more in a plain-text dump) and a subheading (`body`) otherwise; lists followed by more
   paragraphs stay in the article. Outside it, short lines are `ui` (menus, buttons) and the
   rest `boilerplate`. Short lines in another script than the article's are `ui` anywhere.
   A picture's description just above its bare credit, or closed by its sources in
   parentheses, is a `caption`. The standfirst (an HTML subheading right under the headline,
   the paragraph between the headline and the byline or date, perhaps with share buttons
   between, or an HTML block under the headline whose markup and a widget set it apart from
   the paragraphs) is a `teaser`: a summary of the article written for it, not its text; so
   are the points under a "Key points" heading above the text and the short lines above a
   dateline ("CITY (Agency) — ..."), where the article starts. Headlines under a "Related"
   heading are teasers; in an article cut into sections by several lone lines, those lines
   are its subheadings.

The weights were tuned on the dev pages of `../shared/data/dev/pages/aeb` (see
`bench/clean.py`); every rule is a general one, none names a site.
"""

from __future__ import annotations

import re

from .glossary import Glossary
from .linepatterns import (
    ABOUT_NAME,
    BYLINE_WORD,
    COMMENTS,
    COUNTER,
    EMBED_ATTRIBUTION,
    LineFacts,
    SECTION_END,
    facts_of,
    is_byline,
    is_date_line,
    is_title_case,
    norm_text,
    pattern_kind,
)
from .model import BODY, BOILERPLATE, CAPTION, TEASER, TITLE, UI, Article
from .pagetitle import headline_forms

# roles a block can carry without being chrome for sure, and roles that may cover most of a page
_WRAPPER_ROLES = {"aside", "header", "footer", "byline"}
_NEVER_IGNORED = {"comment", "related", "link", "outside"}
_CONTENT_TAGS = {"li", "h2", "h3", "h4", "h5", "h6", "pre", "dd", "dt", "td", "blockquote"}
# roles that make an HTML block chrome, and the kind they give it
_CHROME_ROLES = {"outside": BOILERPLATE, "nav": UI, "link": UI, "form": UI, "share": UI, "ad": UI, "comment": BOILERPLATE, "related": TEASER, "footer": BOILERPLATE, "aside": BOILERPLATE, "header": BOILERPLATE, "byline": BOILERPLATE, "caption": CAPTION}


# Weights of the article search (tuned on the aeb dev pages with bench/clean.py). Prose scores its length in words.
ARTICLE_SHARE = 0.5  # an article container holding this share of the prose is the article
FORCED_PENALTY = -6.0  # a line a pattern marked as chrome (captions and ads sit inside articles too)
SHORT_PENALTY = -5.0  # a short line no pattern explains
CONTENT_TAG_PENALTY = -1.0  # a short HTML list item, subheading or code block that is not a link
SECTION_PENALTY = -25.0  # a heading such as "Most read" or "Related stories" after a paragraph
DATE_AFTER_PROSE_PENALTY = -15.0  # a time stamp after a paragraph starts a comment, not more article
COMMENT_WIDGET_PENALTY = -40.0  # "Leave a comment", "12 comments": the article is over
DEK_MAX_WORDS = 60  # a standfirst is a sentence or two
DEK_BYLINE_DISTANCE = 8  # pattern lines (share buttons, labels) that may stand between a standfirst and its byline


def _ignored_roles(facts: list[LineFacts]) -> set[str]:
    """Chrome roles that cover most of the page's prose: they name a page wrapper, not a widget."""
    total = sum(len(f.seg.text) for f in facts if f.prose) or 1
    ignored = set()
    for role in _CHROME_ROLES.keys() - _NEVER_IGNORED:
        covered = sum(len(f.seg.text) for f in facts if f.prose and role in f.roles)
        if covered / total > 0.5:
            ignored.add(role)
    return ignored


def _strong_chrome(f: LineFacts, role: str | None) -> bool:
    """True when a chrome role surely marks chrome: a widget, or anything inside the article container.

    Wrapper names (aside, header, footer) above the article are weak evidence: pages without
    an article container often wrap the article itself in them.
    """
    return role is not None and (role not in _WRAPPER_ROLES or "article" in f.roles)


def _is_heading_tag(tag: str) -> bool:
    """True for h1 to h6."""
    return len(tag) == 2 and tag[0] == "h" and tag[1].isdigit()


def _chrome_role(f: LineFacts, ignored: set[str]) -> str | None:
    """The chrome role of an HTML block that counts, or None."""
    roles = f.roles - ignored
    for role in ("comment", "outside", "nav", "share", "ad", "form", "related", "footer", "aside", "header", "caption", "byline", "link"):
        if role in roles:
            if role == "link" and f.prose and "article" in roles and f.tag != "li" and not _is_heading_tag(f.tag):
                continue  # a linked paragraph is the article's; linked list items and headings lead to other pages
            return role
    return None


def _weights(facts: list[LineFacts], ignored: set[str]) -> None:
    """Score each segment: prose scores its length, chrome and short lines a penalty."""
    has_article = any("article" in f.roles for f in facts if f.prose)
    after_prose = False
    for f in facts:
        chrome = _chrome_role(f, ignored)
        if f.forced in (UI, BOILERPLATE) and f.units <= 25 and after_prose and COMMENTS.search(f.seg.text):
            # a comment link before any prose sits in the byline; after prose the article is over
            f.weight = COMMENT_WIDGET_PENALTY
        elif f.forced == UI and after_prose and (SECTION_END.match(f.seg.text) or ABOUT_NAME.match(f.seg.text)):
            # "Most read", "About the author", "Sources": the article is over, unless much more follows
            # (sidebars and "Related" boxes also stand between an article's paragraphs in a dump)
            f.weight = SECTION_PENALTY
        elif f.forced == BOILERPLATE and after_prose and is_date_line(f.seg.text):
            f.weight = DATE_AFTER_PROSE_PENALTY
        elif f.cell:
            f.weight = 0.0  # a table neither makes nor breaks an article
        elif f.forced:
            f.weight = FORCED_PENALTY
        elif chrome and _strong_chrome(f, chrome):
            f.weight = -8.0 if not f.prose else -f.units / 2
        elif chrome and f.prose:
            f.weight = f.units / 2
        elif f.prose:
            f.weight = f.units
        elif (f.units >= 5 and f.ends) or f.listed:
            f.weight = f.units / 2
        else:
            f.weight = SHORT_PENALTY
        if f.tag in _CONTENT_TAGS and not chrome and not f.forced and f.weight < 0:
            f.weight = CONTENT_TAG_PENALTY  # list items, subheadings and code that are not links: content more often than chrome
        if has_article and "article" in f.roles and not chrome:
            f.weight = f.weight * 1.5 if f.weight > 0 else f.weight / 3
        if f.prose:
            after_prose = True


# "Source: ...", "Tagged:", "Image : ...": a label, which starts the notes under an article
_LABEL = re.compile(r"^[^\W\d_][\w' -]{0,30}\s?:(\s|$)")


def _container_end(facts: list[LineFacts], end: int, ignored: set[str]) -> int:
    """Move the article's end to the end of its HTML container when only short blocks and pattern lines are left in it.

    The run of prose stops at the last paragraph, but list items and notes after it are the
    article's as long as the markup keeps them in its container; chrome widgets stop it.
    """
    if end == 0 or "article" not in facts[end - 1].roles:
        return end
    while end < len(facts) and "article" in facts[end].roles and _chrome_role(facts[end], ignored) is None and not facts[end].prose and (
            facts[end].forced or facts[end].tag in ("li", "p") and not _LABEL.match(facts[end].seg.text) and not facts[end].seg.text.isupper()):
        end += 1
    return end


def _mark_outside_article(facts: list[LineFacts], share: float = ARTICLE_SHARE) -> None:
    """When an article container holds most of the page's prose, give the blocks outside it the role `outside`."""
    total = sum(len(f.seg.text) for f in facts if f.prose)
    inside = sum(len(f.seg.text) for f in facts if f.prose and "article" in f.roles)
    if total and inside / total >= share:
        lead = _lead_paragraphs(facts)
        for i, f in enumerate(facts):
            if "article" not in f.roles and f.tag not in ("title", "h1") and i not in lead:
                f.roles = f.roles | {"outside"}


def _lead_paragraphs(facts: list[LineFacts]) -> set[int]:
    """Indexes of the plain paragraphs just above the article container: its lead, set apart by the layout."""
    first = next((i for i, f in enumerate(facts) if "article" in f.roles and f.prose), None)
    lead: set[int] = set()
    if first is None:
        return lead
    i = first - 1
    while i >= 0 and facts[i].prose and facts[i].tag == "p" and not (facts[i].roles & _CHROME_ROLES.keys()) and not facts[i].forced:
        lead.add(i)
        i -= 1
    return lead


def _headline_shaped(f: LineFacts) -> bool:
    """A line that could be a headline: three to 25 words, no sentence end, no pattern matched."""
    return not f.forced and not f.prose and not f.ends and 3 <= f.units <= 25


_ENDS_WITH_YEAR = re.compile(r"\b(1[89]|20)\d{2}\)?$")


def _mark_reference_lists(facts: list[LineFacts], min_run: int = 3) -> None:
    """Mark runs of citation lines (no sentence end, ending with a year) as boilerplate: a source list.

    Article sentences end with punctuation; entries of a "Sources" list name a document
    and end with its date, one after another.
    """
    run: list[LineFacts] = []
    for f in facts + [None]:  # type: ignore[list-item]
        if f is not None and not f.ends and f.units >= 5 and _ENDS_WITH_YEAR.search(f.seg.text) and f.forced in (None, TEASER):
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


def _mark_replied_comments(facts: list[LineFacts], reach: int = 3) -> None:
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


def _cell_shape(f: LineFacts) -> str:
    """A table cell's shape: N for a number, w for a short label, x for anything longer."""
    if COUNTER.match(f.seg.text.strip()):
        return "N"
    return "w" if f.units <= 3 and not f.ends else "x"


def _mark_table_cells(facts: list[LineFacts], min_rows: int = 2, max_period: int = 8) -> None:
    """Flag the cells of tables that a dump spells out one cell a line, and unmark their numbers.

    A row's cells come in the same order of shapes (a name, two numbers, a note), so the
    shapes repeat with the row's length as their period; a period mixing numbers and short
    labels repeated over at least `min_rows` rows (three for rows of two cells) is a table, which
    the article's text goes through. The short header cells just above it belong to it.
    """
    shapes = [_cell_shape(f) for f in facts]
    n = len(facts)
    i = 0
    while i < n:
        found = 0
        for period in range(2, max_period + 1):
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
            i += 1
            continue
        head = i
        while head > 0 and i - head < max_period and shapes[head - 1] == "w" and not facts[head - 1].forced:
            head -= 1
        for f in facts[head:i + found]:
            f.cell = not f.prose  # a paragraph in a row (a numbered step, a long note) scores as one
            if f.forced == UI and COUNTER.match(f.seg.text.strip()):
                f.forced = None
        i += found


def _mark_colon_lists(facts: list[LineFacts], min_items: int = 2) -> None:
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


def _mark_blurb_runs(facts: list[LineFacts], min_pairs: int = 3) -> None:
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


def _best_run(weights: list[float]) -> tuple[int, int]:
    """The [start, end) run with the highest total weight (Kadane's algorithm); (0, 0) if none is positive."""
    best, best_run = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_run = total, (start, i + 1)
    return best_run


def _page_titles(facts: list[LineFacts], article: Article) -> set[str]:
    """The headline as the page's metadata gives it: the <title> tag or a dump's "Headline - Site" first line."""
    titles = set()
    first = norm_text(facts[0].seg.text)
    if facts[0].seg.line == 1 and any(norm_text(f.seg.text) == first for f in facts[1:200]):
        titles.add(first)  # a dump's first line is the <title>, repeated by the page's own headline
    for f in facts[:3]:
        forms = headline_forms(f.seg.text)
        if f.tag == "title":
            titles.add(norm_text(f.seg.text))
        if f.tag == "title" or (f.seg.line == 1 and forms):
            titles.update(norm_text(h) for h in forms)
    if article.title:
        titles.add(norm_text(article.title))
        titles.update(norm_text(h) for h in headline_forms(article.title))
    titles.discard("")
    return titles


def _title_index(facts: list[LineFacts], start: int, page_titles: set[str]) -> tuple[int | None, bool]:
    """Index of the title segment (None when the page shows no headline), and whether the evidence is strong."""
    best, best_score = None, 0.0
    h1s = [i for i, f in enumerate(facts) if f.tag == "h1"]
    longest = max(page_titles, key=len) if page_titles else None
    for i, f in enumerate(facts):
        if f.forced or f.tag == "title" or (i == 0 and (headline_forms(f.seg.text) or norm_text(f.seg.text) in page_titles)):
            continue
        text = f.seg.text
        if not (2 <= f.units <= 30) or (f.ends and not text.endswith(("?", "!"))) and f.units > 12:
            continue
        score = 0.0
        if f.tag == "h1":
            score += 6 if len(h1s) == 1 else 3
        elif f.tag.startswith("h") and f.tag[1:].isdigit():
            score += 1
        norm = norm_text(text)
        if norm and norm == longest:
            score += 7
        elif norm and norm in page_titles:
            score += 5
        elif any(norm and len(norm) > 10 and (norm in p or p in norm) for p in page_titles if p):
            score += 3
        distance = start - i
        if 0 < distance <= 12:
            score += 3 - distance * 0.2
        elif -2 <= distance <= 0:
            score += 1.5
        if f.ends and not text.endswith(("?", "!")):
            score -= 1.5
        if _chrome_role(f, set()) in ("nav", "link", "related", "footer", "aside") and f.tag != "h1":
            score -= 3
        if 4 <= f.units <= 20:
            score += 1
        if score > best_score:
            best, best_score = i, score
    return (best, best_score >= 6) if best_score >= 2.5 else (None, False)


def _run_after_title(facts: list[LineFacts], title: int, strong: bool, start: int, end: int) -> tuple[int, int]:
    """The article run once the title is known: it starts at the title and ends where its prose does.

    Keeps the best run found without the title when the title's evidence is weak (no page
    title or h1 confirms it) and the run after it is much weaker (a headline far from its article).
    """
    best_total = sum(f.weight for f in facts[start:end])
    total, best, best_end = 0.0, 0.0, title + 1
    for k in range(title + 1, len(facts)):
        total += facts[k].weight
        if total > best:
            best, best_end = total, k + 1
    if best > 0 and (strong or best >= 0.5 * best_total):
        return title + 1, best_end
    if start <= title < end and sum(f.prose for f in facts[start:title]) <= 2:
        return title + 1, end
    return start, end


def mark_kinds(article: Article, glossary: Glossary) -> Article:
    """Set `kind` on every segment of `article` (mutated and returned); see the module docstring."""
    facts = [facts_of(s) for s in article.segments]
    if not facts:
        return article
    page_titles = _page_titles(facts, article)
    for f in facts:
        f.forced = pattern_kind(f, glossary, article.site, page_titles)
        if f.tag == "title" and f.forced is None:
            f.forced = BOILERPLATE  # the <title> repeats the headline; the page's own copy is kept
    # a short line repeated on the page is chrome (menus, repeated labels)
    seen: dict[str, int] = {}
    for f in facts:
        key = norm_text(f.seg.text)
        seen[key] = seen.get(key, 0) + 1
    _mark_outside_article(facts)
    _mark_reference_lists(facts)
    _mark_blurb_runs(facts)
    _mark_replied_comments(facts)
    _mark_colon_lists(facts)
    _mark_table_cells(facts)
    ignored = _ignored_roles(facts)
    _weights(facts, ignored)
    start, end = _best_run([f.weight for f in facts])
    title, strong = _title_index(facts, start, page_titles)
    if title is not None:
        start, end = _run_after_title(facts, title, strong, start, end)
    end = _container_end(facts, end, ignored)
    # the article's script, and how many paragraphs each script has in it
    prose_chars: dict[str, int] = {}
    prose_by_script: dict[str, int] = {}
    for f in facts[start:end]:
        if f.prose and f.script:
            prose_chars[f.script] = prose_chars.get(f.script, 0) + len(f.seg.text)
            prose_by_script[f.script] = prose_by_script.get(f.script, 0) + 1
    main_script = max(prose_chars.items(), key=lambda kv: kv[1])[0] if prose_chars else None

    for i, f in enumerate(facts):
        seg = f.seg
        chrome = _chrome_role(f, ignored)
        inside = start <= i < end
        foreign = bool(main_script and f.script and f.script != main_script)
        # another script is part of the article (a mixed page, quotes) only when it has more than one paragraph
        stray = foreign and (f.units <= 8 or prose_by_script.get(f.script, 0) < 2)
        repeated = seen[norm_text(seg.text)] > 1 and f.units <= 12 and not f.ends
        if i == title:
            seg.kind = TITLE
        elif title is not None and _is_dek(facts, i, title):
            seg.kind = TEASER  # the standfirst under the headline sums the article up; it is not its text
        elif f.forced:
            seg.kind = f.forced
        elif stray:
            seg.kind = UI if f.units <= 8 else BOILERPLATE
        elif f.prose and f.units <= 60 and _repeated_nearby(facts, i):
            seg.kind = CAPTION  # an image's caption and its alt text, or a gallery's captions, shown twice
        elif (f.prose or f.ends and f.units >= 5) and f.units <= 60 and _DESCRIBES_IMAGE.search(seg.text) and _credit_follows(facts, i):
            seg.kind = CAPTION  # a line describing a picture just above its bare photo credit is the photo's caption
        elif inside and f.prose and (not _strong_chrome(f, chrome) or chrome == "byline"):
            seg.kind = BODY
        elif inside and chrome is None and (not repeated or f.cell):
            seg.kind = _short_in_article(facts, i, start, end, title)
        elif chrome:
            seg.kind = _CHROME_ROLES[chrome]
        elif f.units <= 5:
            seg.kind = UI
        else:
            seg.kind = BOILERPLATE
    _demote_before_dateline(facts, start, end, title)
    _demote_summary_box(facts, title)
    if title is None:
        # a page dump whose first line is "Headline - Site" still names its article
        first = facts[0]
        if first.seg.kind == BOILERPLATE and first.tag == "title" and not any(f.seg.kind == TITLE for f in facts):
            first.seg.kind = TITLE
    return article


# "BUFFALO, N.Y. — ...", "WASHINGTON (Reuters) - ...": the dateline that opens an agency-style article
_DATELINE = re.compile(r"^[A-ZÀ-ÞА-ЯЁІЇЄ][A-ZÀ-ÞА-ЯЁІЇЄ .'-]{2,30}(,\s+[A-Z][\w.]*( [A-Z][\w.]*)?)?\s*(\([^()]{2,30}\))?\s*[—–-]\s+\S")


def _demote_before_dateline(facts: list[LineFacts], start: int, end: int, title: int | None, short: int = 20) -> None:
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


def _demote_summary_box(facts: list[LineFacts], title: int | None, most: int = 5) -> None:
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
_DESCRIBES_IMAGE = re.compile(
    r"\b(left|right|center|centre|pictured|illustration|photograph|concept|rendering|seen here|is shown|are shown"
    r"|links|rechts|mitte|im bild|слева|справа|в центре|на фото|зліва|справа|на фото|à gauche|à droite|au centre"
    r"|a la izquierda|a la derecha|en la imagen|a sinistra|a destra|z lewej|z prawej|na zdjęciu)\b",
    re.I,
)


def _is_dek(facts: list[LineFacts], i: int, title: int) -> bool:
    """True when segment `i` is a subheading set right under the headline (only pattern lines between)."""
    f = facts[i]
    if i <= title or f.forced or not all(g.forced for g in facts[title + 1:i]):
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


def _credit_follows(facts: list[LineFacts], i: int) -> bool:
    """True when the segment after `i` is a bare photo credit ("Photo: Jane Roe, Agency"), which follows its caption.

    A credit that leads with "Image copyright" or "©" stands above its image instead, so the
    paragraph before it is the article's.
    """
    if i + 1 >= len(facts):
        return False
    credit = facts[i + 1]
    words = len(re.findall(r"\w+", credit.seg.text))  # "Jane Roe | Agency | Getty Images": separators are not words
    return credit.forced == CAPTION and words <= 8 and not re.match(r"\W*(image )?(copyright|©)", credit.seg.text, re.I)


def _repeated_nearby(facts: list[LineFacts], i: int, distance: int = 10) -> bool:
    """True when the same text stands again within `distance` segments of segment `i`."""
    key = facts[i].seg.text
    return any(g.seg.text == key for g in facts[max(0, i - distance):i] + facts[i + 1:i + 1 + distance])


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
    return not any(g.prose and not g.forced and not _is_dek(facts, j, title) for j, g in enumerate(facts[title + 1:i], title + 1))


def _short_in_article(facts: list[LineFacts], i: int, start: int, end: int, title: int | None) -> str:
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
    if f.tag in _CONTENT_TAGS and f.units >= 2:
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
    if f.ends and f.units >= 4:
        return BODY
    return TEASER if f.units >= 5 else UI
