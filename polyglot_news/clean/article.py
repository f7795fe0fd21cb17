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
   maximum-sum subarray) is the article; a paragraph shown twice within a few lines (a caption and
   its alt text) scores nothing, as it is kept as a caption. For HTML the structure counts too (see
   `ingest/html.py`): blocks in an article-body container score more, and when that container
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
   paragraphs stay in the article (a long one, far from any paragraph, when the line model
   reads it as article text: a recipe's ingredients, not a "Most read" box). Outside it, short lines are `ui` (menus, buttons) and the
   rest `boilerplate`. Short lines in another script than the article's are `ui` anywhere. A short
   line repeated on the page is a menu's when a copy stands outside the article; repeated only inside
   it, it is the article's own (a recipe's list shown twice).
   A picture's description just above its bare credit, or closed by its sources in
   parentheses, is a `caption`. The standfirst (an HTML subheading right under the headline,
   the paragraph between the headline and the byline or date, perhaps with share buttons
   between, or an HTML block under the headline whose markup and a widget set it apart from
   the paragraphs) is a `teaser`: a summary of the article written for it, not its text; so
   are the points under a "Key points" heading above the text and the short lines above a
   dateline ("CITY (Agency) — ..."), where the article starts. Headlines under a "Related"
   heading are teasers; in an article cut into sections by several lone lines, those lines
   are its subheadings.

5. Two line models trained on the labelled dev pages (`classifier.py`, `weights.json`, trained
   by `bench/train_cleaner.py`) weigh in. The first reads each line and its neighbours before any
   run is chosen; its chance that the line is article text is mixed into the search's weights,
   and lets the run take in further sections of the article beyond a stretch of short lines or a
   box (a recipe's steps after its ingredients), never past a "Related" heading, a comment widget
   or a time stamp after prose. The second reads the rules' verdicts too and gives back to the
   body the chrome lines no pattern made that it is sure are article text; never a line in
   another script. Inside the run, a line the rules made ui or boilerplate without a pattern
   is body when the first model is sure enough of it (a list item, a short subheading). How
   much each counts is set per input (dump, HTML) in the weights file; `bench/train_cleaner.py` sets
   none of it unless the choice carries over to held-back folds, and in the committed file it did not
   (the search runs on the rules' weights; the first model's chance still feeds the list test above).
   On HTML both read where a block stands in the page's tree too (`regions.py`).
6. On HTML the run then takes in the rest of its region, the innermost element holding nearly
   all of its prose: the paragraphs of an article's later sections sit in the same element as
   its first ones, the chrome in others (never above the title, past an article-ending line, or
   when the region would more than double the run's prose).

The weights were tuned on the dev pages of `../shared/data/dev/pages/aeb` (see
`bench/clean.py`); every rule is a general one, none names a site.
"""

from __future__ import annotations

from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)

from ..curated import Glossary
from ..ingest.pagetitle import headline_forms
from ..model import BODY, BOILERPLATE, CAPTION, TEASER, TITLE, UI, Article
from .classifier import keep_sure_lines, load_model, overrule, search_keep, search_reach, search_weights
from .inside import (
    CONTENT_TAGS,
    DESCRIBES_IMAGE,
    credit_follows,
    demote_before_dateline,
    dek_index,
    demote_summary_box,
    mark_repeated_nearby,
    short_in_article,
)
from .linepatterns import (
    ABOUT_NAME,
    COMMENTS,
    SECTION_END,
    LineFacts,
    facts_of,
    is_date_line,
    norm_text,
    pattern_kind,
)
from .regions import measure_boxes
from .structures import mark_blurb_runs, mark_colon_lists, mark_reference_lists, mark_replied_comments, mark_table_cells

# roles a block can carry without being chrome for sure, and roles that may cover most of a page
_WRAPPER_ROLES = {"aside", "header", "footer", "byline"}
_NEVER_IGNORED = {"comment", "related", "link", "outside"}
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
REGION_SHARE = 0.9  # for HTML: the smallest element holding this share of the run's prose is the article's region
CAPTION_MAX_WORDS = 60  # a paragraph shown twice within a few lines and no longer than this is a picture's caption and alt text
REGION_GROWTH = 1.0  # the region may add at most this many times the run's prose


def _ignored_roles(facts: list[LineFacts]) -> set[str]:
    """Chrome roles that cover most of the page's prose: they name a page wrapper, not a widget."""
    total = 0
    covered: dict[str, int] = {}  # characters of prose under each role, in one pass
    for f in facts:
        if f.prose:
            chars = len(f.seg.text)
            total += chars
            for role in f.roles:
                covered[role] = covered.get(role, 0) + chars
    total = total or 1
    return {role for role in _CHROME_ROLES.keys() - _NEVER_IGNORED if covered.get(role, 0) / total > 0.5}


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
    if not f.roles:
        return None  # a dump's line
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
    for i, f in enumerate(facts):
        chrome = _chrome_role(f, ignored)
        if f.forced in (UI, BOILERPLATE) and f.units <= 25 and after_prose and COMMENTS.search(f.seg.text):
            # a comment link before any prose sits in the byline; after prose the article is over
            f.weight = COMMENT_WIDGET_PENALTY
            f.ends_article = True
        elif f.forced == UI and after_prose and (SECTION_END.match(f.seg.text) or ABOUT_NAME.match(f.seg.text)):
            # "Most read", "About the author", "Sources": the article is over, unless much more follows
            # (sidebars and "Related" boxes also stand between an article's paragraphs in a dump)
            f.weight = SECTION_PENALTY
            f.ends_article = True
        elif f.forced == BOILERPLATE and after_prose and is_date_line(f.seg.text):
            f.weight = DATE_AFTER_PROSE_PENALTY
            f.ends_article = True
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
        if f.tag in CONTENT_TAGS and not chrome and not f.forced and f.weight < 0:
            f.weight = CONTENT_TAG_PENALTY  # list items, subheadings and code that are not links: content more often than chrome
        if has_article and "article" in f.roles and not chrome:
            f.weight = f.weight * 1.5 if f.weight > 0 else f.weight / 3
        if f.weight > 0 and f.prose and f.units <= CAPTION_MAX_WORDS and f.repeated_nearby:
            # shown twice close by, it is kept as a caption (see `decide`): it does not make an article either
            f.weight = 0.0
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


def _more_sections(facts: list[LineFacts], start: int, end: int, title: int | None, cost: float, size: float, sure: float) -> tuple[int, int]:
    """Widen the article run over further sections of the same article beyond a stretch of chrome or short lines.

    An article cut by a list (ingredients, items) or a box between its parts has more than one
    dense run, and the best run holds one of them. A run beyond its end (or before its start,
    not above the title) is taken in when it totals at least `size` times the best run, the
    stretch between costs less than `cost` times it, and the line model gives its lines (by
    length) a mean chance of at least `sure` of being article text: comments and other stories
    are dense runs too. A heading such as "Related stories", a comment widget or a time stamp
    after prose (`ends_article`) in the stretch or the run stops it.
    """
    weights = [f.weight for f in facts]
    best = sum(weights[start:end])
    if best <= 0:
        return start, end

    def takes(lo: int, hi: int, span: range, gap: float) -> bool:
        """True when the run [lo, hi) may join, `span` being it and the stretch between."""
        if any(facts[k].ends_article for k in span):
            return False
        part = facts[lo:hi]
        units = sum(f.units for f in part) or 1.0
        gain = sum(weights[lo:hi])
        return gain >= size * best and -gap <= cost * best and sum(f.p * f.units for f in part) / units >= sure

    while end < len(facts):
        s, e = _best_run(weights[end:])
        if e == 0 or not takes(end + s, end + e, range(end, end + e), sum(weights[end:end + s])):
            break
        end += e
    floor = 0 if title is None else title + 1
    while start > floor:
        s, e = _best_run(weights[floor:start][::-1])
        if e == 0 or not takes(start - e, start - s, range(start - e, start), sum(weights[start - s:start])):
            break
        start -= e
    return start, end


def _region_sections(facts: list[LineFacts], start: int, end: int, title: int | None, ignored: set[str],
                     share: float = REGION_SHARE, growth: float = REGION_GROWTH) -> tuple[int, int]:
    """For HTML: widen the run over the rest of the element that holds its prose, the article's region.

    The region is the innermost element holding `share` of the run's prose (by characters); its
    other paragraphs are more sections of the same article (a recipe's steps below its
    ingredients), as long as they add at most `growth` times the run's prose. The run grows to
    the region's first and last paragraphs that no chrome role marks, never above the title nor
    past a line that ends an article (a "Related" heading, a comment widget).
    """
    run = [f for f in facts[start:end] if f.prose and f.boxes]
    if not run:
        return start, end
    total = sum(len(f.seg.text) for f in run)
    held: dict[int, int] = {}
    depth: dict[int, int] = {}
    for f in run:
        for d, b in enumerate(f.boxes):
            held[b] = held.get(b, 0) + len(f.seg.text)
            depth[b] = d
    region = max((b for b, c in held.items() if c >= share * total), key=depth.__getitem__, default=None)
    if region is None:
        return start, end

    def joins(f: LineFacts) -> bool:
        return f.prose and region in f.boxes and _chrome_role(f, ignored) is None and f.forced is None

    # the element the run's paragraphs sit in: a "Related" box nested deeper in the region does not end the
    # article, a heading among the paragraphs themselves does
    parents: dict[int, int] = {}
    for f in run:
        if len(f.boxes) > 1:
            parents[f.boxes[-2]] = parents.get(f.boxes[-2], 0) + 1
    home = max(parents.items(), key=lambda kv: kv[1])[0] if parents else None
    added = 0
    new_end = end
    for k in range(end, len(facts)):
        f = facts[k]
        if f.boxes and region not in f.boxes:
            break
        if f.ends_article and not (home is not None and _nested_below(f, home)):
            break
        if joins(f):
            added += len(f.seg.text)
            new_end = k + 1
    floor = 0 if title is None else title + 1
    new_start = start
    for k in range(start - 1, floor - 1, -1):
        f = facts[k]
        if f.ends_article or (f.boxes and region not in f.boxes):
            break
        if joins(f):
            added += len(f.seg.text)
            new_start = k
    if added > growth * total:
        return start, end
    return new_start, new_end


def _nested_below(f: LineFacts, home: int) -> bool:
    """True when block `f` sits in an element nested inside `home` (not directly in it): a widget among the paragraphs."""
    return home in f.boxes[:-2]


def _page_titles(facts: list[LineFacts], article: Article) -> set[str]:
    """The headline as the page's metadata gives it: the <title> tag or a dump's "Headline - Site" first line."""
    titles = set()
    first = norm_text(facts[0].seg.text)
    if facts[0].seg.line == 1 and any(f.norm() == first for f in facts[1:200]):
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


_NOTHING: frozenset[str] = frozenset()


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
        norm = f.norm()
        if norm and norm == longest:
            score += 7
        elif norm and norm in page_titles:
            score += 5
        elif len(norm) > 10 and any(norm in p or p in norm for p in page_titles if p):
            score += 3
        distance = start - i
        if 0 < distance <= 12:
            score += 3 - distance * 0.2
        elif -2 <= distance <= 0:
            score += 1.5
        if f.ends and not text.endswith(("?", "!")):
            score -= 1.5
        if f.roles and _chrome_role(f, _NOTHING) in ("nav", "link", "related", "footer", "aside") and f.tag != "h1":
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


def mark_kinds(article: Article, glossary: Glossary, *, learned: bool = True, model: dict | None = None) -> Article:
    """Set `kind` on every segment of `article` (mutated and returned); see the module docstring.

    With `learned`, the line model of `classifier.py` weighs in on the article search, and the
    line classifier then overrules the kinds it is sure are wrong. `model` replaces the committed
    weights (the bench's cross-validation cleans each page with models trained without it).
    """
    if model is None:
        model = load_model() if learned else None
    state = rule_pass(article, glossary, model=model)
    if model is not None and state is not None:
        overrule(*state, model=model)
        for f in state[0]:
            f.pending = None  # the chances nothing read: dropped, so no cycle (line, page, lines) waits for the collector
    return article


def rule_pass(article: Article, glossary: Glossary, model: dict | None = None):
    """Set every segment's kind (the rules, with `model`'s line weights in the search when given).

    Returns (facts, start, end, seen, main_script), or None for an empty page.
    """
    prepared = prepare(article, glossary)
    if prepared is None:
        return None
    if model is None:
        return decide(*prepared)
    weights = search_weights(model, prepared[0], prepared[2])  # sets each line's chance, which `search_keep` reads
    return decide(*prepared, weights=weights, reach=search_reach(model, prepared[0]), keep=search_keep(model, prepared[0]))


def prepare(article: Article, glossary: Glossary):
    """Measure the lines, run the patterns and the multi-line structures, and set the rule weights.

    Returns (facts, page_titles, seen, ignored, article) for `decide`, or None for an empty page.
    """
    measured: dict = {}
    facts = [facts_of(s, measured) for s in article.segments]
    if not facts:
        return None
    measure_boxes(facts)
    mark_repeated_nearby(facts)
    page_titles = _page_titles(facts, article)
    # a page repeats its menus and labels: each distinct line meets the patterns once (they read only its
    # text, whether it is the <title> and whether it is the first line)
    answers: dict[tuple[str, bool, bool], str | None] = {}
    for f in facts:
        key = (f.seg.text, f.seg.hint == "title", f.seg.line > 1)
        if key not in answers:
            answers[key] = pattern_kind(f, glossary, article.site, page_titles)
        f.forced = answers[key]
        if f.tag == "title" and f.forced is None:
            f.forced = BOILERPLATE  # the <title> repeats the headline; the page's own copy is kept
    # a short line repeated on the page is chrome (menus, repeated labels)
    seen: dict[str, int] = {}
    norms: dict[str, str] = {}  # each text's `norm_text`, worked out once on the page
    for f in facts:
        if f.key is None:
            f.key = norms.get(f.seg.text)
        key = norms[f.seg.text] = f.norm()
        seen[key] = seen.get(key, 0) + 1
    _mark_outside_article(facts)
    mark_reference_lists(facts)
    mark_blurb_runs(facts)
    mark_replied_comments(facts)
    mark_colon_lists(facts)
    mark_table_cells(facts)
    ignored = _ignored_roles(facts)
    _weights(facts, ignored)
    return facts, page_titles, seen, ignored, article


def decide(facts: list[LineFacts], page_titles: set[str], seen: dict[str, int], ignored: set[str], article: Article,
           weights: list[float] | None = None, reach: tuple[float, float, float] | None = None, keep: float | None = None):
    """Find the article run (on `weights` when given, else the rule weights) and set every kind.

    Returns (facts, start, end, seen, main_script). `weights`, when given, replace `f.weight`;
    `reach` = (cost, size, sure) lets the run take in further sections (see `_more_sections`);
    `keep` gives back to the body the unmarked lines of the run the line model is this sure of
    (`classifier.keep_sure_lines`).
    """
    if weights is not None:
        for f, w in zip(facts, weights):
            f.weight = w
    start, end = _best_run([f.weight for f in facts])
    title, strong = _title_index(facts, start, page_titles)
    if title is not None:
        start, end = _run_after_title(facts, title, strong, start, end)
    if reach:
        start, end = _more_sections(facts, start, end, title, *reach)
    if REGION_SHARE:
        start, end = _region_sections(facts, start, end, title, ignored)
    end = _container_end(facts, end, ignored)
    # the article's script, and how many paragraphs each script has in it
    prose_chars: dict[str, int] = {}
    prose_by_script: dict[str, int] = {}
    for f in facts[start:end]:
        if f.prose and f.script:
            prose_chars[f.script] = prose_chars.get(f.script, 0) + len(f.seg.text)
            prose_by_script[f.script] = prose_by_script.get(f.script, 0) + 1
    main_script = max(prose_chars.items(), key=lambda kv: kv[1])[0] if prose_chars else None
    # how often each line stands outside the run: a short line repeated there is a menu's, one repeated only
    # inside it is the article's (a recipe's list printed twice)
    outside: dict[str, int] = {}
    for k, f in enumerate(facts):
        if not start <= k < end:
            key = f.norm()
            outside[key] = outside.get(key, 0) + 1

    dek = dek_index(facts, title)
    for i, f in enumerate(facts):
        seg = f.seg
        chrome = _chrome_role(f, ignored)
        inside = start <= i < end
        foreign = bool(main_script and f.script and f.script != main_script)
        # another script is part of the article (a mixed page, quotes) only when it has more than one paragraph
        stray = foreign and (f.units <= 8 or prose_by_script.get(f.script, 0) < 2)
        repeated = f.units <= 12 and not f.ends and seen[f.norm()] > 1 and (not inside or outside.get(f.norm(), 0) > 0)
        if i == title:
            seg.kind = TITLE
        elif i == dek:
            seg.kind = TEASER  # the standfirst under the headline sums the article up; it is not its text
        elif f.forced:
            seg.kind = f.forced
        elif stray:
            seg.kind = UI if f.units <= 8 else BOILERPLATE
        elif f.prose and f.units <= CAPTION_MAX_WORDS and f.repeated_nearby:
            seg.kind = CAPTION  # an image's caption and its alt text, or a gallery's captions, shown twice
        elif (f.prose or f.ends and f.units >= 5) and f.units <= 60 and credit_follows(facts, i) and DESCRIBES_IMAGE.search(seg.text):
            seg.kind = CAPTION  # a line describing a picture just above its bare photo credit is the photo's caption
        elif inside and f.prose and (not _strong_chrome(f, chrome) or chrome == "byline"):
            seg.kind = BODY
        elif inside and chrome is None and (not repeated or f.cell):
            seg.kind = short_in_article(facts, i, start, end, title)
        elif chrome:
            seg.kind = _CHROME_ROLES[chrome]
        elif f.units <= 5:
            seg.kind = UI
        else:
            seg.kind = BOILERPLATE
    if keep is not None:
        keep_sure_lines(facts, start, end, main_script, keep)
    demote_before_dateline(facts, start, end, title)
    demote_summary_box(facts, title)
    if title is None:
        # a page dump whose first line is "Headline - Site" still names its article
        first = facts[0]
        if first.seg.kind == BOILERPLATE and first.tag == "title" and not any(f.seg.kind == TITLE for f in facts):
            first.seg.kind = TITLE
    return facts, start, end, seen, main_script


# "BUFFALO, N.Y. — ...", "WASHINGTON (Reuters) - ...": the dateline that opens an agency-style article
