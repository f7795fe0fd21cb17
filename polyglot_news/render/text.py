"""Plain text, email-ready: UTF-8, wrapped at 72 columns, no terminal codes.

Every line this module produces is at most `width` characters long (words longer than
the width, such as long paths, are broken rather than let through).
"""

from __future__ import annotations

import textwrap

from ..model import Digest, Term
from .labels import display_title, languages_line, mentions_label, one_line, summary_heading, term_label

WIDTH = 72


def wrapped(text: str, width: int = WIDTH, first: str = "", rest: str | None = None) -> list[str]:
    """`text` on one logical line wrapped to `width`, the first line prefixed `first`, the others `rest`."""
    rest = " " * len(first) if rest is None else rest
    return textwrap.wrap(
        one_line(text),
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def heading(text: str, underline: str = "-", width: int = WIDTH) -> list[str]:
    """A heading wrapped to `width` and underlined to the length of its longest line."""
    lines = wrapped(text, width)
    return lines + [underline * max(len(line) for line in lines)]


def field_lines(label: str, value: str, width: int = WIDTH, pad: int = 11) -> list[str]:
    """`Label:    value`, the value wrapped under itself; an empty label continues the field above."""
    return wrapped(value, width, first=f"{label + ':' if label else '':<{pad}}", rest=" " * pad)


def terms_table(terms: list[Term], width: int = WIDTH, indent: str = "") -> list[str]:
    """The glossary as aligned columns (term, original, kind, mentions), or a list when columns do not fit.

    The original-script column is left out when no term has one (an English article).
    """
    if not terms:
        return []
    rows = [(one_line(t.term), one_line(t.original) if t.original and t.original != t.term else "", t.kind, str(t.mentions)) for t in terms]
    head = ("Term", "Original", "Kind", "Mentions")
    cols = [0, 1, 2, 3] if any(r[1] for r in rows) else [0, 2, 3]
    widths = {i: max(len(r[i]) for r in [head, *rows]) for i in cols}
    if len(indent) + sum(widths.values()) + 2 * (len(cols) - 1) <= width:
        def line(r: tuple[str, ...]) -> str:
            cells = [r[i].rjust(widths[i]) if i == 3 else r[i].ljust(widths[i]) for i in cols]
            return (indent + "  ".join(cells)).rstrip()

        return [line(head), indent + "  ".join("-" * widths[i] for i in cols)] + [line(r) for r in rows]
    out = []
    for t in terms:
        out += wrapped(f"{term_label(t)}, {t.kind}, {mentions_label(t.mentions)}", width, first=indent + "- ", rest=indent + "  ")
    return out


def summary_lines(digest: Digest, width: int = WIDTH, indent: str = "") -> list[str]:
    """The summary sentences as a wrapped list, one item per sentence."""
    if not digest.summary:
        return wrapped("(no summary: the article has no English text to summarise)", width, first=indent)
    out = []
    for s in digest.summary:
        out += wrapped(s.text, width, first=indent + "- ", rest=indent + "  ")
    return out


def text_digest(digest: Digest, width: int = WIDTH) -> str:
    """One digest as plain text: title, source, site, languages, summary, key terms, notes."""
    a = digest.article
    out = heading(display_title(digest), "=", width)
    out.append("")
    out += field_lines("Source", one_line(a.source), width)
    if a.site:
        out += field_lines("Site", one_line(a.site), width)
    out += field_lines("Languages", languages_line(digest), width)
    out += ["", *heading(summary_heading(digest), "-", width), *summary_lines(digest, width)]
    if digest.glossary:
        out += ["", *heading("Key terms", "-", width), *terms_table(digest.glossary, width)]
    if digest.notes:
        out += ["", *heading("Notes", "-", width)]
        for note in digest.notes:
            out += wrapped(note, width, first="- ", rest="  ")
    return "\n".join(out) + "\n"
