"""TBX (ISO 30042, TermBase eXchange) import and export for curated glossaries.

Export writes TBX-Basic in the 2019 DCA style (`<tbx>`, `<conceptEntry>`, `<langSec>`,
`<termSec>`), which CAT tools read. One concept per entry: a `langSec` for the source
language (the term first, then each alias as a variant) and one for English. Our
`kind` travels as `<descrip type="subjectField">`, the note as `<note>`.
Import reads that layout and the older TBX 2008 one (`<martif>`, `<termEntry>`,
`<langSet>`, `<tig>`/`<ntig>`); a concept with several non-English languages gives
one entry per language.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import GlossaryError
from .entries import NAME_KINDS, UI_KIND, Entry, Glossary, entry_from_record

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: ET.Element, *names: str) -> list[ET.Element]:
    return [c for c in el if _local(c.tag) in names]


def _text(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _terms(lang_el: ET.Element) -> list[str]:
    """The terms of one langSec/langSet in document order (termSec, tig, ntig/termGrp)."""
    return [_text(t) for t in lang_el.iter() if _local(t.tag) == "term" and _text(t)]


def read_tbx(path: Path, into: Glossary) -> None:
    """Read a TBX file into `into`; a concept without a usable English term is a problem, not an error.

    Raises GlossaryError when the file is not well-formed XML (with its line) or not TBX.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        line = e.position[0] if e.position else 1
        raise GlossaryError(f"{path}:{line}: not well-formed TBX: {e}") from None
    except OSError as e:
        raise GlossaryError(f"{path}: cannot read: {e.strerror}") from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise GlossaryError(f"{path}:1: not a TBX file (root element <{_local(root.tag)}>)")
    into.files.append(path)
    concepts = [el for el in root.iter() if _local(el.tag) in ("conceptEntry", "termEntry")]
    for n, concept in enumerate(concepts, start=1):
        where = f"{path}:concept {concept.get('id') or n}"
        # our kind travels as a subject field; other tools' subject fields (Politics, Law) mean "other"
        kind = "other"
        for d in _children(concept, "descrip") + [c for g in _children(concept, "descripGrp")
                                                  for c in _children(g, "descrip")]:
            if d.get("type") == "subjectField" and _text(d) in NAME_KINDS + (UI_KIND,):
                kind = _text(d)
        note = "; ".join(_text(x) for x in concept.iter() if _local(x.tag) == "note" and _text(x))
        langs: dict[str, list[str]] = {}
        for sec in concept.iter():
            if _local(sec.tag) in ("langSec", "langSet"):
                lang = (sec.get(XML_LANG) or sec.get("lang") or "").split("-")[0].lower()
                langs.setdefault(lang, []).extend(_terms(sec))
        english = langs.get("en", [])
        sources = {lang: terms for lang, terms in langs.items() if lang != "en" and terms}
        if not english:
            into.problems.append(f"{where}: no English term")
            continue
        if not sources:
            sources = {"en": english}
        for lang, terms in sources.items():
            aliases = terms[1:] + (english[1:] if lang != "en" else [])
            rec = {"term": terms[0], "lang": lang, "english": english[0], "kind": kind, "note": note,
                   "aliases": "|".join(dict.fromkeys(aliases))}
            try:
                into.add(entry_from_record(rec, where))
            except GlossaryError as e:
                into.problems.append(str(e))


def tbx_document(entries: list[Entry]) -> str:
    """The TBX-Basic XML text for `entries` (UTF-8 declaration, indented)."""
    ET.register_namespace("", TBX_NS)
    root = ET.Element(f"{{{TBX_NS}}}tbx", {"style": "dca", "type": "TBX-Basic", XML_LANG: "en"})
    header = ET.SubElement(root, f"{{{TBX_NS}}}tbxHeader")
    desc = ET.SubElement(ET.SubElement(header, f"{{{TBX_NS}}}fileDesc"), f"{{{TBX_NS}}}sourceDesc")
    ET.SubElement(desc, f"{{{TBX_NS}}}p").text = "polyglot-news curated glossary"
    body = ET.SubElement(ET.SubElement(root, f"{{{TBX_NS}}}text"), f"{{{TBX_NS}}}body")
    for n, e in enumerate(entries, start=1):
        concept = ET.SubElement(body, f"{{{TBX_NS}}}conceptEntry", {"id": f"c{n}"})
        ET.SubElement(concept, f"{{{TBX_NS}}}descrip", {"type": "subjectField"}).text = e.kind
        if e.note:
            ET.SubElement(concept, f"{{{TBX_NS}}}note").text = e.note
        if e.lang == "en":
            sides = [("en", tuple(dict.fromkeys((e.english, *e.forms()))))]
        else:
            sides = [(e.lang, e.forms()), ("en", (e.english,))]
        for lang, forms in sides:
            sec = ET.SubElement(concept, f"{{{TBX_NS}}}langSec", {XML_LANG: lang})
            for i, form in enumerate(forms):
                ts = ET.SubElement(sec, f"{{{TBX_NS}}}termSec")
                ET.SubElement(ts, f"{{{TBX_NS}}}term").text = form
                if i:
                    ET.SubElement(ts, f"{{{TBX_NS}}}termNote", {"type": "termType"}).text = "variant"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_tbx(entries: list[Entry], path: Path) -> None:
    """Write `entries` as TBX to `path` atomically (temp file, then rename)."""
    from ..atomic import write_atomic

    write_atomic(path, tbx_document(entries))
