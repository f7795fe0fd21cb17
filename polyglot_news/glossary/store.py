"""Loading curated glossaries: `glossaries/*.csv` shipped with the product plus user folders.

CSV header: `term,lang,english,kind,note` with an optional `aliases` column (`|`-separated).
`kind` is person, place, organisation, other, or `ui` for website UI strings (buttons,
labels, menus) that the cleaner, the detector and the translator look up.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GlossaryError

HEADER = ("term", "lang", "english", "kind", "note")
NAME_KINDS = ("person", "place", "organisation", "other")
UI_KIND = "ui"


@dataclass(frozen=True)
class Entry:
    """One curated row: a term in its source language and its English form."""

    term: str
    lang: str
    english: str
    kind: str
    note: str = ""
    aliases: tuple[str, ...] = ()
    source: str = ""  # "file:line", for messages


def ui_key(text: str) -> str:
    """Normalise a UI string for lookup: NFKC, casefold, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


@dataclass
class Glossary:
    """All curated entries, with an index of UI strings by normalised text."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "file:line: message" for rows skipped
    _ui: dict[str, Entry] = field(default_factory=dict, repr=False)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        if entry.kind == UI_KIND:
            for form in (entry.term, *entry.aliases):
                self._ui.setdefault(ui_key(form), entry)

    def ui_entry(self, text: str) -> Entry | None:
        """The UI-string entry whose term (or alias) matches `text`, ignoring case and punctuation."""
        return self._ui.get(ui_key(text))

    def names(self) -> list[Entry]:
        """Entries for named terms (people, places, organisations, other)."""
        return [e for e in self.entries if e.kind in NAME_KINDS]


def shipped_dir() -> Path:
    """The glossaries folder shipped with the product (repo checkout or installed package)."""
    repo = Path(__file__).resolve().parents[2] / "glossaries"
    if repo.is_dir():
        return repo
    from importlib.resources import files

    return Path(str(files("polyglot_news") / "shipped_glossaries"))


def read_csv(path: Path, into: Glossary) -> None:
    """Read one CSV glossary into `into`; bad rows are recorded in `into.problems`, not raised.

    Raises GlossaryError for a file that cannot be used at all (wrong header, wrong encoding).
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise GlossaryError(f"{path}: not UTF-8 (byte {e.start}); save the glossary as UTF-8") from None
    except OSError as e:
        raise GlossaryError(f"{path}: cannot read: {e.strerror}") from None
    rows = csv.reader(text.splitlines())
    header = next(rows, None)
    if header is None or tuple(h.strip() for h in header[:5]) != HEADER:
        raise GlossaryError(f"{path}:1: header must start with {','.join(HEADER)}")
    names = [h.strip() for h in header]
    for lineno, row in enumerate(rows, start=2):
        if not row or not any(c.strip() for c in row):
            continue
        if row[0].lstrip().startswith("#"):
            continue
        if len(row) < 5 or len(row) > len(names):
            into.problems.append(f"{path}:{lineno}: expected {len(names)} fields, got {len(row)}")
            continue
        rec = dict(zip(names, (c.strip() for c in row)))
        if not rec["term"] or not rec["english"] or not rec["lang"]:
            into.problems.append(f"{path}:{lineno}: term, lang and english are required")
            continue
        if rec["kind"] not in NAME_KINDS + (UI_KIND,):
            into.problems.append(f"{path}:{lineno}: unknown kind {rec['kind']!r}")
            continue
        aliases = tuple(a.strip() for a in rec.get("aliases", "").split("|") if a.strip())
        into.add(Entry(rec["term"], rec["lang"], rec["english"], rec["kind"], rec["note"], aliases, f"{path}:{lineno}"))


def load_glossaries(extra_dirs: list[Path] | tuple[Path, ...] = (), shipped: bool = True) -> Glossary:
    """Load the shipped glossaries (unless `shipped=False`) and every `*.csv` in `extra_dirs`.

    A file that cannot be used is reported in `Glossary.problems` and the rest still load.
    """
    g = Glossary()
    dirs = ([shipped_dir()] if shipped else []) + [Path(d) for d in extra_dirs]
    for d in dirs:
        if not d.is_dir():
            raise GlossaryError(f"{d}: glossary folder not found")
        for path in sorted(d.glob("*.csv")):
            try:
                read_csv(path, g)
            except GlossaryError as e:
                g.problems.append(str(e))
    return g
