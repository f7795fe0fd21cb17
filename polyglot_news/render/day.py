"""The daily digest as email-ready plain text, Markdown, and HTML (for the .eml's second part).

The text starts with a `Subject:` line and a date, then a numbered table of contents,
each story (title, sources with their languages, summary, key terms, notes), the day's
merged glossary, and the inputs that could not be read. Every line fits in 72 columns.
"""

from __future__ import annotations

import html

from ..model import ENGLISH, TITLE, UNDETERMINED, Day, DayTerm, Digest, Story, Term
from ..text.languages import language_name
from .labels import display_title, languages_line, one_line, summary_heading, term_label
from .markdown import md_escape, md_note
from .text import WIDTH, field_lines, heading, summary_lines, wrapped


def long_date(day: Day) -> str:
    """E.g. "Friday 27 November 2026" (English names whatever the locale)."""
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    d = day.date
    return f"{days[d.weekday()]} {d.day} {months[d.month - 1]} {d.year}"


def day_subject(day: Day, max_len: int = 63) -> str:
    """The e-mail subject on one line of at most `max_len` characters: date, story count, lead title.

    The default leaves `Subject: ` plus the subject within 72 columns; the lead title
    is cut (with an ellipsis) to fit, and dropped when not even a word of it fits.
    """
    n = len(day.stories)
    head = f"News {day.date.isoformat()}, {n} {'story' if n == 1 else 'stories'}"
    room = max_len - len(head) - 2
    if not day.stories or room < 12:
        return head
    lead = display_title(day.stories[0].lead)
    if len(lead) > room:
        lead = lead[: room - 1].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"
    return f"{head}: {lead}"


def source_label(digest: Digest) -> str:
    """E.g. "ru/bridge.txt (kazan-news.example); Russian 100% (translated)"."""
    site = f" ({one_line(digest.article.site)})" if digest.article.site else ""
    return f"{one_line(digest.article.source)}{site}; {languages_line(digest)}"


def toc_extra(story: Story) -> str:
    """What a contents line adds after the title (or ""): the number of sources, and an untranslated title's language."""
    parts = []
    title = next((s for s in story.lead.article.segments if s.kind == TITLE), None)
    if title is not None and title.lang not in (ENGLISH, UNDETERMINED) and not title.english:
        parts.append(f"in {language_name(title.lang)}, untranslated")
    if len(story.digests) > 1:
        parts.append(f"{len(story.digests)} sources")
    return f"({'; '.join(parts)})" if parts else ""


def count_line(day: Day) -> str:
    """E.g. "5 stories from 6 articles; 1 input could not be read."."""
    n, a = len(day.stories), day.articles
    line = f"{n} {'story' if n == 1 else 'stories'} from {a} {'article' if a == 1 else 'articles'}"
    if day.failed:
        line += f"; {len(day.failed)} {'input' if len(day.failed) == 1 else 'inputs'} could not be read"
    return line + "."


def untranslated_note(digest: Digest) -> str | None:
    """E.g. "8 Russian paragraphs not translated (polyglot-news models install ru)", or None.

    Counts title and body segments in a language other than English that have no
    English. The daily shows this instead of the digest's own notes, most of which
    (UI strings looked up, page chrome dropped) are about the page, not the story.
    """
    counts: dict[str, int] = {}
    for s in digest.article.article_segments():
        if s.lang not in (ENGLISH, UNDETERMINED) and not s.english:
            counts[s.lang] = counts.get(s.lang, 0) + 1
    if not counts:
        return None
    parts = [f"{n} {language_name(lang)} {'paragraph' if n == 1 else 'paragraphs'}" for lang, n in counts.items()]
    fix = "; ".join(f"polyglot-news models install {lang}" for lang in counts)
    return f"{' and '.join(parts)} not translated ({fix})"


def story_notes(story: Story) -> list[str]:
    """What the reader of a story should know: text left untranslated, per source when there are several."""
    out: list[str] = []
    for d in story.digests:
        note = untranslated_note(d)
        if note:
            out.append(f"{one_line(d.article.source)}: {note}" if len(story.digests) > 1 else note[0].upper() + note[1:])
    return out


KEY_TERMS = 8  # per story; the day's glossary lists them all


def _terms_inline(terms: list[Term], limit: int | None = None) -> str:
    """Terms as "A (А), B, C", the `limit` most mentioned (in their order), with a count of the rest."""
    shown = terms
    if limit is not None and len(terms) > limit:
        keep = {id(t) for t in sorted(terms, key=lambda t: -t.mentions)[:limit]}
        shown = [t for t in terms if id(t) in keep]
    text = ", ".join(one_line(term_label(t)) for t in shown)
    if len(shown) < len(terms):
        text += f"; {len(terms) - len(shown)} more in the glossary"
    return text


def _stories_label(entry: DayTerm) -> str:
    return ", ".join(str(n) for n in entry.stories)


def glossary_lines(entries: list[DayTerm], width: int = WIDTH) -> list[str]:
    """The day's glossary as aligned columns (term, original, kind, stories), or a list when too wide."""
    rows = [(one_line(e.term.term), one_line(e.term.original), e.term.kind, _stories_label(e)) for e in entries]
    head = ("Term", "Original", "Kind", "Stories")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    if sum(widths) + 6 <= width:
        def line(r: tuple[str, ...]) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()

        return [line(head), "  ".join("-" * w for w in widths)] + [line(r) for r in rows]
    out = []
    for e in entries:
        out += wrapped(f"{term_label(e.term)}, {e.term.kind}, story {_stories_label(e)}", width, first="- ", rest="  ")
    return out


def day_text(day: Day, width: int = WIDTH, headers: bool = True, explain: bool = False) -> str:
    """The day as one email-ready plain-text file (UTF-8, `width` columns, no terminal codes).

    `headers` puts the `Subject:` and `Date:` lines first (off for the body of an .eml);
    `explain` adds a "Merged" line per joined source saying which clues made it the same story.
    """
    out = [f"Subject: {day_subject(day, width - len('Subject: '))}", f"Date: {day.date.isoformat()}", ""] if headers else []
    out += heading(f"News digest, {long_date(day)}", "=", width)
    out += ["", *wrapped(count_line(day), width)]
    if day.stories:
        out += ["", *heading("Contents", "-", width)]
        num_w = len(str(len(day.stories)))
        for i, story in enumerate(day.stories, 1):
            out += wrapped(f"{display_title(story.lead)} {toc_extra(story)}", width, first=f"{i:>{num_w}}. ", rest=" " * (num_w + 2))
    for i, story in enumerate(day.stories, 1):
        out += ["", "=" * width if i == 1 else "-" * width, ""]
        out += wrapped(display_title(story.lead), width, first=f"{i}. ", rest=" " * (len(str(i)) + 2))
        out.append("")
        label = "Sources" if len(story.digests) > 1 else "Source"
        for j, d in enumerate(story.digests):
            out += field_lines(label if j == 0 else "", source_label(d), width)
        if explain and story.why:
            out.append("")
            for k, (joined, matched, why) in enumerate(story.why):
                out += field_lines("Merged" if k == 0 else "", f"{joined} with {matched}: {why}", width)
        out.append("")
        if summary_heading(story.lead) != "Summary":
            out += wrapped(summary_heading(story.lead) + ":", width)
        out += summary_lines(story.lead, width)
        terms = story.terms()
        if terms:
            out.append("")
            out += field_lines("Key terms", _terms_inline(terms, KEY_TERMS), width)
        notes = story_notes(story)
        if notes:
            out.append("")
            out.append("Notes:")
            for note in notes:
                out += wrapped(note, width, first="- ", rest="  ")
    if day.glossary:
        out += ["", "=" * width, "", *heading("Glossary for the day", "-", width), *glossary_lines(day.glossary, width)]
    if day.failed:
        out += ["", *heading(f"Could not be read ({len(day.failed)})", "-", width)]
        for rel, reason in day.failed:
            out += wrapped(f"{rel}: {reason}", width, first="- ", rest="  ")
    return "\n".join(line.rstrip() for line in out) + "\n"


def day_markdown(day: Day, explain: bool = False) -> str:
    """The day as Markdown: a front line with the subject, contents, stories, glossary table.

    `explain` adds a "Merged" item per joined source saying which clues made it the same story.
    """
    out = [f"# News digest, {long_date(day)}", "", md_escape(count_line(day))]
    if day.stories:
        out += ["", "## Contents", ""]
        for i, story in enumerate(day.stories, 1):
            out.append(f"{i}. [{md_escape(display_title(story.lead))}](#story-{i}) {md_escape(toc_extra(story))}".rstrip())
    for i, story in enumerate(day.stories, 1):
        out += ["", f'<a id="story-{i}"></a>', "", f"## {i}. {md_escape(display_title(story.lead))}", ""]
        out += [f"- **Source:** {md_escape(source_label(d))}" for d in story.digests]
        if explain:
            out += [f"- **Merged:** {md_escape(f'{joined} with {matched}: {why}')}" for joined, matched, why in story.why]
        out.append("")
        if summary_heading(story.lead) != "Summary":
            out += [f"*{md_escape(summary_heading(story.lead))}:*", ""]
        out += [f"- {md_escape(s.text)}" for s in story.lead.summary] or ["*No summary: no English text to summarise.*"]
        terms = story.terms()
        if terms:
            out += ["", f"**Key terms:** {md_escape(_terms_inline(terms, KEY_TERMS))}"]
        notes = story_notes(story)
        if notes:
            out += ["", "**Notes:**", ""] + [f"- {md_note(n)}" for n in notes]
    if day.glossary:
        out += ["", "## Glossary for the day", "", "| Term | Original | Kind | Stories |", "| --- | --- | --- | --- |"]
        for e in day.glossary:
            out.append(f"| {md_escape(e.term.term)} | {md_escape(e.term.original)} | {md_escape(e.term.kind)} | {_stories_label(e)} |")
    if day.failed:
        out += ["", f"## Could not be read ({len(day.failed)})", ""] + [f"- {md_escape(r)}: {md_escape(why)}" for r, why in day.failed]
    return "\n".join(out) + "\n"


def day_html(day: Day) -> str:
    """The day as a small self-contained HTML document (the text/html part of the e-mail)."""
    e = lambda s: html.escape(one_line(s))  # noqa: E731 - every article string goes through here
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(day_subject(day))}</title>",
        "<style>body{font-family:sans-serif;max-width:42em;margin:auto;line-height:1.4}"
        "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left;border-bottom:1px solid #ddd}"
        ".src{color:#555;font-size:90%}</style>",
        "</head><body>",
        f"<h1>News digest, {e(long_date(day))}</h1>",
        f"<p>{e(count_line(day))}</p>",
    ]
    if day.stories:
        out.append("<h2>Contents</h2><ol>")
        for i, story in enumerate(day.stories, 1):
            extra = toc_extra(story)
            out.append(f'<li><a href="#story-{i}">{e(display_title(story.lead))}</a>{" " + e(extra) if extra else ""}</li>')
        out.append("</ol>")
    for i, story in enumerate(day.stories, 1):
        out.append(f'<h2 id="story-{i}">{i}. {e(display_title(story.lead))}</h2>')
        out.append('<p class="src">' + "<br>".join(e(source_label(d)) for d in story.digests) + "</p>")
        if summary_heading(story.lead) != "Summary":
            out.append(f"<p><em>{e(summary_heading(story.lead))}:</em></p>")
        if story.lead.summary:
            out.append("<ul>" + "".join(f"<li>{e(s.text)}</li>" for s in story.lead.summary) + "</ul>")
        else:
            out.append("<p><em>No summary: no English text to summarise.</em></p>")
        terms = story.terms()
        if terms:
            out.append(f"<p><strong>Key terms:</strong> {e(_terms_inline(terms, KEY_TERMS))}</p>")
        notes = story_notes(story)
        if notes:
            out.append('<ul class="src">' + "".join(f"<li>{e(n)}</li>" for n in notes) + "</ul>")
    if day.glossary:
        out.append("<h2>Glossary for the day</h2><table><tr><th>Term</th><th>Original</th><th>Kind</th><th>Stories</th></tr>")
        for entry in day.glossary:
            t = entry.term
            out.append(f"<tr><td>{e(t.term)}</td><td>{e(t.original)}</td><td>{e(t.kind)}</td><td>{e(_stories_label(entry))}</td></tr>")
        out.append("</table>")
    if day.failed:
        out.append(f"<h2>Could not be read ({len(day.failed)})</h2><ul>")
        out += [f"<li>{e(rel)}: {e(reason)}</li>" for rel, reason in day.failed]
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
