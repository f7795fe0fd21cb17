"""The curated data itself: one row (`Entry`) and the set of them with its UI-string index (`Glossary`).

Loading (`store.py`, `tbx.py`) and matching (`match.py`) build on these; nothing here reads files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import GlossaryError

NAME_KINDS = ("person", "place", "organisation", "other")
UI_KIND = "ui"
_LANG = re.compile(r"^[a-z]{2,3}$")
_NOT_WORD = re.compile(r"[^\w\s]")  # compiled once: `re.sub` looks its pattern up in a cache on every call


@dataclass(frozen=True)
class Entry:
    """One curated row: a term in its source language and its English form.

    `aliases` are other ways the same thing is written: short forms, abbreviations in
    the source script or in Latin ("ССНП", "SSNP"), older spellings.
    """

    term: str
    lang: str
    english: str
    kind: str
    note: str = ""
    aliases: tuple[str, ...] = ()
    source: str = ""  # "file:line", for messages

    def forms(self) -> tuple[str, ...]:
        """The term and its aliases, in file order."""
        return (self.term, *self.aliases)


_ASCII_WORDS = re.compile(r"[a-z0-9_]+")  # the runs of \w in lower-case ASCII text


@lru_cache(maxsize=4096)  # cleaning and detection both look up every segment of a page
def ui_key(text: str) -> str:
    """Normalise a UI string for lookup: NFKC, casefold, no punctuation, single spaces."""
    if text.isascii():
        # NFKC leaves ASCII as it is and casefolds it as lower() does: the same key, its words found
        # by an ASCII class (most segments are ASCII, and detection asks this of every one)
        return " ".join(_ASCII_WORDS.findall(text.lower()))
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    text = _NOT_WORD.sub(" ", text)
    return " ".join(text.split())


@dataclass
class Glossary:
    """All curated entries, with an index of UI strings by normalised text."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "file:line: message" for rows skipped
    files: list[Path] = field(default_factory=list)  # every file read, in order
    _ui: dict[str, Entry] = field(default_factory=dict, repr=False)
    _ui_all: dict[str, list[Entry]] = field(default_factory=dict, repr=False)  # every language's entry per key
    _cache: dict[str, object] = field(default_factory=dict, repr=False)  # matchers built from entries

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        self._cache.clear()
        if entry.kind == UI_KIND:
            for form in entry.forms():
                self._ui.setdefault(ui_key(form), entry)
                self._ui_all.setdefault(ui_key(form), []).append(entry)

    def ui_entry(self, text: str) -> Entry | None:
        """The UI-string entry whose term (or alias) matches `text`, ignoring case and punctuation."""
        return self._ui.get(ui_key(text))

    def ui_entries(self, text: str) -> list[Entry]:
        """Every UI-string entry matching `text`: a string such as "Спорт" is UI in several languages."""
        return list(self._ui_all.get(ui_key(text), ()))

    def names(self) -> list[Entry]:
        """Entries for named terms (people, places, organisations, other)."""
        return [e for e in self.entries if e.kind in NAME_KINDS]


def entry_from_record(rec: dict[str, str], where: str) -> Entry:
    """Validate one row (column name -> stripped value) and build its Entry; GlossaryError if bad."""
    if not rec.get("term") or not rec.get("english") or not rec.get("lang"):
        raise GlossaryError(f"{where}: term, lang and english are required")
    if not _LANG.match(rec["lang"]):
        raise GlossaryError(f"{where}: lang {rec['lang']!r} is not an ISO 639 code such as ru, uk, en")
    if rec.get("kind") not in NAME_KINDS + (UI_KIND,):
        raise GlossaryError(f"{where}: unknown kind {rec.get('kind')!r}: use {', '.join(NAME_KINDS + (UI_KIND,))}")
    aliases = tuple(a.strip() for a in rec.get("aliases", "").split("|") if a.strip())
    return Entry(rec["term"], rec["lang"], rec["english"], rec["kind"], rec.get("note", ""), aliases, where)
