"""Words the renderers share: language names, the languages line, term labels.

Everything here is plain text; each renderer adds its own markup around it.
"""

from __future__ import annotations

from ..model import ENGLISH, UNDETERMINED, Digest, Term
from ..text.languages import language_name


_OUTSIDE_SUMMARY = "untranslated-outside-summary"  # the translate stage's flag (render reads no stage)


def translation_state(digest: Digest, lang: str) -> str:
    """What was done with one language's title and body text: "", "translated", "partly translated", "not translated"."""
    if lang in (ENGLISH, UNDETERMINED):
        return ""
    segs = [s for s in (digest.article.article_segments() or digest.article.segments) if s.lang == lang]
    done = sum(1 for s in segs if s.english)
    # summary-first: the body outside the summary was left untranslated on purpose
    if any(_OUTSIDE_SUMMARY in s.flags for s in segs):
        return "summary translated" if digest.summary_lang == ENGLISH else ("partly translated" if done else "not translated")
    if not segs or done == len(segs):
        return "translated"
    return "partly translated" if done else "not translated"


def languages_line(digest: Digest) -> str:
    """E.g. "Russian 88% (translated), English 12%": share of the article's characters per language."""
    parts = []
    for code, share in digest.article.languages().items():
        pct = max(1, round(share * 100)) if share > 0 else 0
        state = translation_state(digest, code)
        parts.append(f"{language_name(code)} {pct}%" + (f" ({state})" if state else ""))
    return ", ".join(parts) or "none detected"


def summary_heading(digest: Digest) -> str:
    """"Summary", or e.g. "Summary (in Russian, untranslated)" when the summary is in the source language."""
    if digest.summary and digest.summary_lang not in (ENGLISH, UNDETERMINED):
        return f"Summary (in {language_name(digest.summary_lang)}, untranslated)"
    return "Summary"


def term_label(term: Term) -> str:
    """E.g. "Vladimir Putin (Владимир Путин)": the English form, with the original script form if it differs."""
    if term.original and term.original != term.term:
        return f"{term.term} ({term.original})"
    return term.term


def mentions_label(n: int) -> str:
    """E.g. "1 mention", "3 mentions"."""
    return f"{n} mention" + ("" if n == 1 else "s")


def one_line(text: str | None) -> str:
    """`text` with every run of whitespace (newlines, tabs) and control characters made one space."""
    if not text:
        return ""
    cleaned = "".join(" " if (ch.isspace() or ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) else ch for ch in text)
    return " ".join(cleaned.split())


def display_title(digest: Digest) -> str:
    """The digest's title on one line, or a stand-in naming the source when the article has none."""
    return one_line(digest.title) or f"Untitled ({one_line(digest.article.source)})"
