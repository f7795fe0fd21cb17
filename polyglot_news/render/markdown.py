"""Markdown (CommonMark with pipe tables): headings, a summary list, a key-terms table, notes.

Text from the article is escaped so that a title or term cannot turn into markup or links.
"""

from __future__ import annotations

import re

from ..model import Digest, Term
from .labels import display_title, languages_line, one_line, summary_heading

# enough to stop emphasis, code, links, images, HTML, headings and table cells; not every ASCII mark
_SPECIAL = re.compile(r"([\\`*_\[\]<#|~])")
_SPECIAL_BUT_CODE = re.compile(r"([\\*_\[\]<#|~])")


def md_escape(text: str | None) -> str:
    """`text` on one line with Markdown's punctuation backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def md_note(text: str) -> str:
    """A note of ours on one line, escaped like `md_escape` but keeping `code` spans (commands to run)."""
    return _SPECIAL_BUT_CODE.sub(r"\\\1", one_line(text))


def terms_table(terms: list[Term]) -> list[str]:
    """The glossary as a pipe table: term, original (when any term has one), kind, mentions."""
    with_original = any(t.original and t.original != t.term for t in terms)
    if not with_original:
        return ["| Term | Kind | Mentions |", "| --- | --- | ---: |"] + [
            f"| {md_escape(t.term)} | {md_escape(t.kind)} | {t.mentions} |" for t in terms]
    out = ["| Term | Original | Kind | Mentions |", "| --- | --- | --- | ---: |"]
    for t in terms:
        original = md_escape(t.original) if t.original and t.original != t.term else ""
        out.append(f"| {md_escape(t.term)} | {original} | {md_escape(t.kind)} | {t.mentions} |")
    return out


def summary_list(digest: Digest) -> list[str]:
    """The summary sentences as a bulleted list."""
    if not digest.summary:
        return ["*No summary: the article has no English text to summarise.*"]
    return [f"- {md_escape(s.text)}" for s in digest.summary]


def markdown_digest(digest: Digest, level: int = 1) -> str:
    """One digest as Markdown; `level` is the heading level of the title (sections go one deeper)."""
    a = digest.article
    h, sub = "#" * level, "#" * (level + 1)
    out = [f"{h} {md_escape(display_title(digest))}", ""]
    out.append(f"- **Source:** {md_escape(a.source)}")
    if a.site:
        out.append(f"- **Site:** {md_escape(a.site)}")
    out.append(f"- **Languages:** {md_escape(languages_line(digest))}")
    out += ["", f"{sub} {summary_heading(digest)}", "", *summary_list(digest)]
    if digest.glossary:
        out += ["", f"{sub} Key terms", "", *terms_table(digest.glossary)]
    if digest.notes:
        out += ["", f"{sub} Notes", ""] + [f"- {md_note(n)}" for n in digest.notes]
    return "\n".join(out) + "\n"
