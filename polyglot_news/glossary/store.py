"""Loading curated glossaries: `glossaries/*.csv` shipped with the product plus user folders.

CSV header: `term,lang,english,kind,note` with an optional `aliases` column (`|`-separated).
`kind` is person, place, organisation, other, or `ui` for website UI strings (buttons,
labels, menus) that the cleaner, the detector and the translator look up.
`.tsv` files (same columns, tab-separated) and `.tbx` files (ISO 30042, see `tbx.py`)
load the same way. A file that cannot be used, or a bad row, is recorded in
`Glossary.problems` as "file:line: message" and everything else still loads.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GlossaryError

HEADER = ("term", "lang", "english", "kind", "note")
OPTIONAL_COLUMNS = ("aliases",)
NAME_KINDS = ("person", "place", "organisation", "other")
UI_KIND = "ui"
SUFFIXES = (".csv", ".tsv", ".tbx")
_LANG = re.compile(r"^[a-z]{2,3}$")


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


def shipped_dir() -> Path:
    """The glossaries folder shipped with the product (repo checkout or installed package)."""
    repo = Path(__file__).resolve().parents[2] / "glossaries"
    if repo.is_dir():
        return repo
    from importlib.resources import files

    return Path(str(files("polyglot_news") / "shipped_glossaries"))


def _decode(path: Path) -> str:
    """The text of a glossary file: UTF-8 (BOM optional) or BOM-marked UTF-16, else GlossaryError."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise GlossaryError(f"{path}: cannot read: {e.strerror}") from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise GlossaryError(f"{path}:1: broken UTF-16; save the glossary as UTF-8") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise GlossaryError(f"{path}:{line}: not UTF-8 (byte {e.start}); save the glossary as UTF-8") from None


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


def read_csv(path: Path, into: Glossary, delimiter: str | None = None) -> None:
    """Read one CSV (or TSV) glossary into `into`; bad rows are recorded in `into.problems`, not raised.

    Raises GlossaryError for a file that cannot be used at all (wrong header, wrong encoding).
    """
    text = _decode(path)
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(rows, None)
    if header is None or tuple(h.strip() for h in header[:5]) != HEADER:
        raise GlossaryError(f"{path}:1: header must start with {','.join(HEADER)} (got {','.join(header or [])!r})")
    names = [h.strip() for h in header]
    unknown = [n for n in names[5:] if n not in OPTIONAL_COLUMNS]
    if unknown:
        raise GlossaryError(f"{path}:1: unknown column {unknown[0]!r}: optional columns are {', '.join(OPTIONAL_COLUMNS)}")
    into.files.append(path)
    last = rows.line_num
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as e:
            into.problems.append(f"{path}:{last + 1}: {e}")
            break
        lineno, last = last + 1, rows.line_num
        if not row or not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 5 or len(row) > len(names):
            into.problems.append(f"{path}:{lineno}: expected {len(names)} fields, got {len(row)}")
            continue
        rec = dict(zip(names, (c.strip() for c in row)))
        try:
            into.add(entry_from_record(rec, f"{path}:{lineno}"))
        except GlossaryError as e:
            into.problems.append(str(e))


def read_file(path: Path, into: Glossary) -> None:
    """Read one glossary file of any supported format (by suffix) into `into`."""
    if path.suffix.lower() == ".tbx":
        from .tbx import read_tbx

        read_tbx(path, into)
    else:
        read_csv(path, into)


def glossary_files(folder: Path) -> list[Path]:
    """The glossary files in a folder (csv, tsv, tbx), sorted by name."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)


def load_glossaries(
    extra_dirs: list[Path] | tuple[Path, ...] = (), shipped: bool = True, user: bool | None = None
) -> Glossary:
    """Load the shipped glossaries (unless `shipped=False`) and every glossary file in `extra_dirs`.

    `user` adds the folders the user configured (`config.user_glossary_dirs`: the
    POLYGLOT_NEWS_GLOSSARIES variable and ~/.config/polyglot-news/glossaries); by default
    they come with the shipped ones. An entry of `extra_dirs` may also be a single file.
    A missing folder raises GlossaryError; a file that cannot be used is reported in
    `Glossary.problems` and the rest still load.
    """
    from ..config import user_glossary_dirs

    g = Glossary()
    configured = user_glossary_dirs() if (shipped if user is None else user) else []
    paths = ([shipped_dir()] if shipped else []) + configured + [Path(d) for d in extra_dirs]
    for d in paths:
        if d.is_file():
            files = [d]
        elif d.is_dir():
            files = glossary_files(d)
        else:
            raise GlossaryError(f"{d}: glossary folder not found")
        for path in files:
            try:
                read_file(path, g)
            except GlossaryError as e:
                g.problems.append(str(e))
    return g


def conflicts(glossary: Glossary) -> list[str]:
    """Duplicate and conflicting entries, as "file:line: message" lines.

    Duplicate: the same term (or alias) in the same language and kind twice with the
    same English. Conflict: the same form with a different English or kind, so a
    reader cannot tell which one the digest will use.
    """
    seen: dict[tuple[str, str, bool], tuple[str, Entry]] = {}
    out: list[str] = []
    for e in glossary.entries:
        ui = e.kind == UI_KIND
        for form in dict.fromkeys(e.forms()):
            k = (e.lang, ui_key(form), ui)
            if not k[1]:
                continue
            if k not in seen:
                seen[k] = (form, e)
                continue
            first_form, first = seen[k]
            if first is e:
                continue
            if first.english == e.english and first.kind == e.kind:
                # the same thing listed twice; an alias repeating another row's term is harmless
                if form == e.term and first_form == first.term:
                    out.append(f"{e.source}: duplicate of {first.source} ({e.lang} {form!r})")
                continue
            what = "term" if form == e.term else "alias"
            out.append(
                f"{e.source}: {what} {form!r} ({e.lang}) conflicts with {first.source}: "
                f"{e.english!r} ({e.kind}) vs {first.english!r} ({first.kind})"
            )
    return out


def csv_text(entries: list[Entry]) -> str:
    """The entries as a glossary CSV (header `term,lang,english,kind,note,aliases`), UTF-8 ready."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER + OPTIONAL_COLUMNS)
    for e in entries:
        w.writerow([e.term, e.lang, e.english, e.kind, e.note, "|".join(e.aliases)])
    return buf.getvalue()
