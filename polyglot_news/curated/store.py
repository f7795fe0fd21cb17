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
from pathlib import Path

from ..errors import GlossaryError
from .entries import UI_KIND, Entry, Glossary, entry_from_record, ui_key

HEADER = ("term", "lang", "english", "kind", "note")
OPTIONAL_COLUMNS = ("aliases",)
SUFFIXES = (".csv", ".tsv", ".tbx")


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


def read_csv(path: Path, into: Glossary, delimiter: str | None = None) -> None:
    """Read one CSV (or TSV) glossary into `into`; bad rows are recorded in `into.problems`, not raised.

    Raises GlossaryError for a file that cannot be used at all (wrong header, wrong encoding).
    The rows of a file read before are read back from the precompiled folder while the file
    (its size and modification time) and the code reading it are unchanged.
    """
    from ..text.precompiled import cached, table_dir

    if table_dir() is None:
        _read_csv(path, into, delimiter)
        return
    from . import entries

    def parse() -> list:
        alone = Glossary()
        _read_csv(path, alone, delimiter)
        return [[[e.term, e.lang, e.english, e.kind, e.note, list(e.aliases), e.source] for e in alone.entries],
                alone.problems]

    try:
        rows, problems = cached(f"glossary-{'tab' if delimiter == chr(9) else delimiter or 'auto'}",
                                [Path(path), Path(__file__), Path(entries.__file__)], parse)
    except OSError:  # the file cannot be looked at: reading it says why
        _read_csv(path, into, delimiter)
        return
    into.files.append(path)
    for term, lang, english, kind, note, aliases, source in rows:
        into.add(Entry(term, lang, english, kind, note, tuple(aliases), source))
    into.problems.extend(problems)


def _read_csv(path: Path, into: Glossary, delimiter: str | None) -> None:
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
        from .tbx import read_tbx  # XML parsing only for TBX files (the shipped lists are CSV)

        read_tbx(path, into)
    else:
        read_csv(path, into)


def glossary_files(folder: Path) -> list[Path]:
    """The glossary files in a folder (csv, tsv, tbx), sorted by name; GlossaryError if it cannot be listed."""
    try:
        return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    except OSError as e:
        raise GlossaryError(f"{folder}: cannot read the glossary folder: {e.strerror}") from None


def glossary_sources(
    extra_dirs: list[Path] | tuple[Path, ...] = (), shipped: bool = True, user: bool | None = None
) -> list[list[Path]]:
    """The glossary files `load_glossaries` reads, folder by folder (arguments as there).

    Raises GlossaryError for a folder that is missing or cannot be listed: a setting to fix,
    so a batch says it once, before any work, rather than once per input.
    """
    from ..config import user_glossary_dirs

    configured = user_glossary_dirs() if (shipped if user is None else user) else []
    paths = ([shipped_dir()] if shipped else []) + configured + [Path(d) for d in extra_dirs]
    out = []
    for d in paths:
        if d.is_file():
            out.append([d])
        elif d.is_dir():
            out.append(glossary_files(d))
        else:
            raise GlossaryError(f"{d}: glossary folder not found")
    return out


def load_glossaries(
    extra_dirs: list[Path] | tuple[Path, ...] = (), shipped: bool = True, user: bool | None = None
) -> Glossary:
    """Load the shipped glossaries (unless `shipped=False`) and every glossary file in `extra_dirs`.

    `user` adds the folders the user configured (`config.user_glossary_dirs`: the
    POLYGLOT_NEWS_GLOSSARIES variable and ~/.config/polyglot-news/glossaries); by default
    they come with the shipped ones. An entry of `extra_dirs` may also be a single file.
    A missing or unreadable folder raises GlossaryError; a file that cannot be used is
    reported in `Glossary.problems` and the rest still load.
    """
    g = Glossary()
    for files in glossary_sources(extra_dirs, shipped, user):
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
