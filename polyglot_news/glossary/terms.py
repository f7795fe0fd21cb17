"""The named-term glossary of an article: every person, place and organisation once.

Where terms come from, per segment:
- curated glossary entries found in the text in any inflected form (`match.find_terms`);
- names no glossary holds (`names.py`): in the source script for Russian/Ukrainian
  (Latin-script names there are kept as written), in the English text for English
  sources and for translated segments of other languages, and "Given Surname" pairs in
  untranslated German.
Each term gets one English form: the curated one, else the one the translation used
(paired with the source name by spelling), else, for a foreign name written in Cyrillic, the
spelling of its own language found in a lexicon (`respell.py`: Крейг is Craig), else a
newsroom romanisation (`romanise.py`).
A curated person the article names by surname only ("Путина") gets the surname, as a
translator would write it; the note then gives the full curated name.
Mentions merge across inflections (by lemma), surnames ("Putin" joins "Vladimir Putin"),
titles ("President Putin") and acronyms ("SSNP" joins "Syrian Social Nationalist Party").
Each term also keeps its first line and the sentence of its first mention.

Segments read: title and body, and photo captions that read as a sentence (a caption
often names the people pictured, such as ministers meeting, who the body never names);
a caption's credit ("- Agency Name", "© Photo: ...") is cut off first. Captions add
names and mentions but never reach the summary, which reads only title and body.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..curated import Entry, Glossary
from ..curated.match import Match, find_terms
from ..model import BODY, CAPTION, ENGLISH, TITLE, UNDETERMINED, Article, Segment, Term
from ..text.morph import MORPH_LANGS, in_dictionary, normal
from ..text.palladius import chinese as chinese_name
from ..text.romanise import GIVEN_NAMES, is_cyrillic, romanise
from ..text.sentences import split_sentences
from . import wordlists as W
from .names import (
    ORG,
    OTHER,
    PERSON,
    PLACE,
    Name,
    capitalised_forms,
    capitalised_lemmas,
    capitalised_words,
    cyrillic_names,
    english_names,
    german_names,
    headline_case,
)

if TYPE_CHECKING:
    from .respell import Placement

# the note of a name the respeller could not place confidently: it keeps the plain romanisation
NOT_SURE_NOTE = "romanised; not sure of the spelling in the name's own language"
_KIND_RANK = {"title": 3, "tag": 3, "keyword": 2, "context": 1, "given": 0, "": 0}
_CREDIT = re.compile(r"^\s*(©|\(c\)|photo\s*:|фото\s*:|credit\s*:|source\s*:|getty|reuters/|afp/|ap photo)", re.I)
_CREDIT_TAIL = re.compile(r"\s+[-–—|/]\s+(?:[A-Z][\w.&'’-]*\s*){1,4}$")


@dataclass
class _Group:
    """Mentions of one named thing while the article is read."""

    english: str
    original: str | None
    kind: str
    lang: str
    first: tuple[int, int]  # (segment order, offset) of the first mention
    first_line: int
    sentence: str = ""  # the sentence of the first mention
    entry: Entry | None = None
    mentions: int = 0
    kind_evidence: str = ""
    english_from: str = ""  # "curated", "translation", "respelled", "romanised", "source"
    acronym: str | None = None
    words: set[str] = field(default_factory=set)  # casefolded English words, for merging
    spelled: list[str] = field(default_factory=list)  # the same in order
    full_name_seen: bool = False  # a curated person was named in full at least once (not by surname alone)


def caption_text(segment: Segment, site: str | None = None) -> str | None:
    """The part of a caption that can name people and places, or None for a bare photo credit.

    Cuts a trailing credit (" - Agency Name"); a caption shorter than six words after
    that (a gallery label, a credit) gives None.
    """
    text = segment.text.strip()
    if _CREDIT.match(text):
        return None
    text = _CREDIT_TAIL.sub("", text)
    if site and text.endswith(site):
        text = text[: -len(site)].rstrip(" -–—|")
    if len(text.split()) < 6:
        return None
    return text


def _segments(article: Article) -> list[tuple[Segment, str]]:
    """(segment, text to read) for the title, body and sentence-like caption segments, in order."""
    out = []
    for s in article.segments:
        if s.kind in (TITLE, BODY):
            out.append((s, s.text))
        elif s.kind == CAPTION:
            text = caption_text(s, article.site)
            if text:
                out.append((s, text))
    return out


def _lang_of(segment: Segment, text: str) -> str:
    if segment.lang and segment.lang != UNDETERMINED:
        return segment.lang
    return "ru" if is_cyrillic(text) else ENGLISH


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in W.ENGLISH_CONNECTORS and w[0].isalpha()).upper()


def _skeleton(text: str) -> str:
    """A rough sound skeleton of a Latin name for pairing spellings (Vaygeldt ~ Weigeldt)."""
    t = normal(text)
    for a, b in (("kh", "h"), ("w", "v"), ("y", "i"), ("j", "i"), ("ck", "k"), ("c", "k"), ("ph", "f"),
                 ("ou", "u"), ("ee", "i"), ("oo", "u"), ("dt", "t"), ("tz", "ts"), ("x", "ks")):
        t = t.replace(a, b)
    t = re.sub(r"[^a-z ]", "", t)
    return re.sub(r"(.)\1+", r"\1", t)


def _pair(romanised: str, candidates: list[Name]) -> Name | None:
    """The English name in a translation that renders a source name (given as its romanisation),
    judged by spelling, if any."""
    best, score = None, 0.0
    target = _skeleton(romanised)
    for c in candidates:
        s = difflib.SequenceMatcher(None, target, _skeleton(c.lemma)).ratio()
        if len(c.lemma.split()) != len(romanised.split()):
            s -= 0.1
        if s > score:
            best, score = c, s
    return best if score >= 0.6 else None


def _inflection_of(short: str | None, full: str | None) -> bool:
    """True when `short` is the end of `full` with a case ending on its last word
    (Дячишина of Ігор Дячишин; Фэн Яосяна of Фэн Яосян)."""
    if not short or not full or not is_cyrillic(short):
        return False
    sw, fw = [normal(w) for w in short.split()], [normal(w) for w in full.split()]
    if len(sw) > len(fw) or sw[:-1] != fw[len(fw) - len(sw):-1]:
        return False
    last, word = fw[-1], sw[-1]
    return word.startswith(last) and word[len(last):] in W.CYRILLIC_CASE_ENDINGS


class _Collector:
    """Groups mentions by English form as the article is read, then merges aliases."""

    def __init__(self) -> None:
        self.groups: dict[str, _Group] = {}
        self.texts: dict[int, tuple[str, str]] = {}  # segment order -> (text read, lang)
        self.split: dict[int, list[str]] = {}  # segment order -> its sentences, once several terms ask

    def sentence_at(self, where: tuple[int, int]) -> str:
        """The sentence of the text read for segment `where[0]` that holds offset `where[1]`."""
        text, lang = self.texts.get(where[0], ("", ""))
        sentences = self.split.get(where[0])
        if sentences is None:
            sentences = self.split[where[0]] = split_sentences(text, lang)
        pos = 0
        for sentence in sentences:
            start = text.find(sentence[:20], pos)
            if start < 0:
                continue
            if start <= where[1] < start + len(sentence) + 1:
                return sentence
            pos = start + 1
        return " ".join(text.split())

    def add(self, english: str, original: str | None, kind: str, evidence: str, lang: str,
            where: tuple[int, int], line: int, entry: Entry | None, english_from: str,
            acronym: str | None = None, full_name: bool = True) -> None:
        key = normal(english)
        g = self.groups.get(key)
        if g is None:
            g = _Group(english, original, kind, lang, where, line, entry, english_from=english_from)
            g.kind_evidence = evidence
            self.groups[key] = g
        g.mentions += 1
        g.full_name_seen = g.full_name_seen or full_name
        if original and not g.original:
            g.original = original
        if entry is not None and g.entry is None:
            g.entry, g.kind, g.english_from = entry, entry.kind, "curated"
        if acronym and not g.acronym:
            g.acronym = acronym
        if _KIND_RANK.get(evidence, 0) > _KIND_RANK.get(g.kind_evidence, 0) and g.entry is None:
            g.kind, g.kind_evidence = kind, evidence
        if where < g.first:
            g.first, g.first_line = where, line

    def merged(self) -> list[_Group]:
        """The groups with surnames, acronyms and short forms folded into their full names."""
        groups = list(self.groups.values())
        for g in groups:
            g.spelled = [normal(w) for w in g.english.split()]
            g.words = set(g.spelled)
        absorbed: set[int] = set()
        for i, short in enumerate(groups):
            target = self._home(short, groups)
            if target is not None:
                target.mentions += short.mentions
                target.full_name_seen = target.full_name_seen or len(short.english.split()) > 1
                if short.first < target.first:
                    target.first, target.first_line = short.first, short.first_line
                if short.original and not target.original:
                    target.original = short.original
                if len(short.english) <= 6 and short.english.isupper() and normal(short.english) not in target.words:
                    target.acronym = target.acronym or short.english
                absorbed.add(i)
        # a lone given name that joined no full name ("Оскар", "Венера") is more likely something else
        return [g for i, g in enumerate(groups) if i not in absorbed and g.kind_evidence != "given"]

    @staticmethod
    def _home(short: _Group, groups: list[_Group]) -> _Group | None:
        """The fuller group `short` is another way of naming, or None."""
        words = short.english.split()
        if short.entry is not None and len(words) > 1:
            return None
        n = len(words)
        sw = short.spelled
        acronym = n == 1 and short.english.isupper() and 2 <= len(short.english) <= 6
        # only a Cyrillic original can be an inflection of another (`_inflection_of`)
        may_inflect = bool(short.original) and is_cyrillic(short.original)
        homes = []
        for g in groups:
            if g is short:
                continue
            inflected = may_inflect and _inflection_of(short.original, g.original)
            if len(g.english) <= len(short.english) and not inflected:
                continue
            if acronym:
                long_words = g.english.split()
                if _initials(long_words) == short.english.upper() or (
                    g.original and _initials(g.original.split()) == (short.original or "").upper()
                ):
                    homes.append(g)
                continue
            gw = g.spelled
            if (g.kind in (PERSON, OTHER) and short.kind in (PERSON, OTHER) and len(gw) > n and gw[-n:] == sw) or (
                    inflected and g.kind in (PERSON, OTHER) and short.entry is None):
                # an inflected surname joins its person whatever kind its ending suggested (Фургала, "of Furgal")
                homes.append(g)  # "Putin" -> "Vladimir Putin"; "Дячишина" -> "Ігор Дячишин"
            elif short.kind_evidence == "given" and g.kind == PERSON and len(gw) > n and gw[:n] == sw:
                homes.append(g)  # "Justin" -> "Justin Cowley"
            elif short.entry is None and len(gw) > n and gw[:n] == sw and g.kind == ORG == short.kind:
                homes.append(g)
        return homes[0] if len(homes) == 1 else None


def terms_for(article: Article, glossary: Glossary) -> list[Term]:
    """The named terms of `article`: each once, in English, with its original-script form.

    Reads title, body and sentence-like caption segments (see the module docstring).
    Terms come in order of first mention. Does not modify the article.
    """
    segs = _segments(article)
    # each segment's language, and whether capitals there say nothing of names (both read twice below)
    langs = [_lang_of(seg, text) for seg, text in segs]
    headlines = [seg.kind == TITLE or headline_case(text) for seg, text in segs]
    known: set[str] = set()  # English words the article capitalises mid-sentence
    known_lemmas: set[str] = set()  # the same for Cyrillic text, by lemma
    forms: dict[str, int] = {}  # capitalised Cyrillic words as written, for lemmas the article attests
    for (seg, text), lang, headline in zip(segs, langs, headlines):
        if lang == ENGLISH and not headline:
            known |= capitalised_words(text)
        elif lang in MORPH_LANGS:
            known_lemmas |= capitalised_lemmas(text, lang)
            capitalised_forms(text, forms)
        if seg.english and lang != ENGLISH:
            known |= capitalised_words(seg.english)
    col = _Collector()
    for order, ((seg, text), lang, headline) in enumerate(zip(segs, langs, headlines)):
        col.texts[order] = (text, lang)
        matches = find_terms(text, lang, glossary)
        for m in matches:
            _add_curated(col, m, lang, (order, m.start), seg.line)
        spans = [(m.start, m.end) for m in matches]
        if lang == ENGLISH:
            for n in english_names(text, spans, known, headline):
                col.add(n.lemma, None, n.kind, n.evidence, lang, (order, n.start), seg.line, None, "source",
                        n.lemma if n.lemma.isupper() else None)
        elif lang in MORPH_LANGS or is_cyrillic(text):
            _add_cyrillic(col, seg, text, lang, spans, known, known_lemmas, glossary, (order, seg.line), forms)
        elif lang == "de" and not seg.english:
            for n in german_names(text, spans):
                col.add(n.lemma, None, n.kind, n.evidence, lang, (order, n.start), seg.line, None, "source")
        elif seg.english:
            en_matches = find_terms(seg.english, ENGLISH, glossary)
            en_spans = [(m.start, m.end) for m in en_matches]
            curated_words = {normal(w) for m in matches for w in m.entry.english.split()}
            for n in english_names(seg.english, en_spans, known, headline):
                if normal(n.lemma.split()[-1]) in curated_words:
                    continue  # the translation of a curated term already counted from the source
                at = n.start * len(text) // max(1, len(seg.english))  # roughly where the source says it
                col.add(n.lemma, None, n.kind, n.evidence, lang, (order, at), seg.line, None, "translation")
    return [_term(g, col.sentence_at(g.first)) for g in sorted(col.merged(), key=lambda g: g.first)]


def _add_curated(col: _Collector, m: Match, lang: str, where: tuple[int, int], line: int) -> None:
    """Count a curated match; its original is the entry's term when the text is in the entry's language."""
    e = m.entry
    in_source_script = e.lang == lang and normal(e.term) != normal(e.english)
    original = e.term if in_source_script else None
    short = m.text.replace(".", "")
    # a Latin acronym the article used for it ("SSNP"), shown beside the full name
    acronym = None
    if short.isupper() and len(short) <= 6 and not is_cyrillic(short) and normal(short) not in {
            normal(w) for w in e.english.split()}:
        acronym = m.text
    # "Путина" for the row "Владимир Путин": a translator writes "Putin" unless the article gives the full name
    full_name = e.kind != PERSON or len(m.text.split()) >= len(e.term.split())
    col.add(e.english, original, e.kind, "title", lang, where, line, e, "curated", acronym, full_name)


def _add_cyrillic(col: _Collector, seg: Segment, text: str, lang: str, spans: list[tuple[int, int]],
                  known: set[str], known_lemmas: set[str], glossary: Glossary, where: tuple[int, int],
                  forms: dict[str, int] | None = None) -> None:
    """Count the uncurated names of a Cyrillic segment, in English: the translation's form, else romanised."""
    order, line = where
    names = cyrillic_names(text, lang if lang in MORPH_LANGS else "ru", spans, known_lemmas, forms)
    english_side: list[Name] = []
    if seg.english:
        en_spans = [(m.start, m.end) for m in find_terms(seg.english, ENGLISH, glossary)]
        english_side = english_names(seg.english, en_spans, known, False)
    for n in names:
        if not is_cyrillic(n.lemma):
            # written in Latin in the source (Die Welt, Pfizer): English writes it the same way
            col.add(n.lemma, None, n.kind, n.evidence, lang, (order, n.start), line, None, "source")
            continue
        roman = romanise(n.lemma, lang)
        paired = _pair(roman, english_side) if english_side else None
        place = None if paired is not None else _gazetteer_place(n, lang)
        if paired is not None:
            english, source, kind = paired.lemma, "translation", n.kind if n.evidence else paired.kind
        elif place is not None and (place[1] == "country" or n.kind == PLACE):
            english, source, kind = place[0], f"gazetteer {place[1]}", PLACE
        else:
            english, doubt = _respelled(n.lemma, roman, lang)
            source, kind = ("romanised, unsure" if doubt else "romanised"), n.kind
            if english != roman:
                source = "respelled, unsure" if doubt else "respelled"
            elif place is not None:
                # a city for a name of no known kind, which the respeller could not place: the city's
                # English name, but not its kind ("Дункан" may be Isadora Duncan's surname)
                english, source = place[0], f"gazetteer {place[1]}"
        col.add(english, n.lemma, kind, n.evidence, lang, (order, n.start), line, None, source)


def _gazetteer_place(n: Name, lang: str) -> tuple[str, str] | None:
    """(English, "country" or "city") from the packaged gazetteers for a name that may be a place.

    A person is never looked up (Пушкин, Королёв are cities too). Countries are looked up for
    any other name; cities only for a name read as a place, or for a foreign word the
    dictionary does not know, whose case ending may then be taken off (Сиэтле).
    """
    if n.kind == PERSON:
        return None
    from . import gazetteer  # only Cyrillic names are looked up: an English page never needs it

    words = n.lemma.split()
    foreign = not in_dictionary(words[-1], lang) if lang in MORPH_LANGS else True
    cities_too = n.kind == PLACE or (n.kind == OTHER and foreign)
    return gazetteer.place_name(n.lemma, tuple(W.CYRILLIC_CASE_ENDINGS) if foreign else (), cities_too)


def _respelled(lemma: str, roman: str, lang: str) -> tuple[str, bool]:
    """`roman` with each foreign word of a name in the spelling of its own language
    ("Daniel Kreyg" -> "Daniel Craig", "Maks Ferstappen" -> "Max Verstappen"; see respell.py),
    and whether the respeller was unsure of some foreign-looking word, which then keeps its
    romanisation.

    The name is judged whole: words in lower case (бен, де) and given names with an established
    spelling (GIVEN_NAMES: Jean, Lewis) stay as romanised; beside a surname with a Russian ending, a
    given name is respelled only when it transcribes closely (Джоэл Остин is Joel, Зухра Павлова is Zukhra); a given name whose
    romanisation is itself a word ("Maks") is respelled only when the surname was: then the
    person is foreign. "Unsure" means a candidate too weak to write, or none at all for a word
    the dictionary does not know and that has no native ending (Вайгельдт).
    """
    words, romans = lemma.split(), roman.split()
    if lang not in MORPH_LANGS or chinese_name(words) or len(words) != len(romans):
        return roman, False
    # the respeller (and its SQLite lexicon) only for Cyrillic names: an English page never needs it
    from .respell import MAX_GIVEN_COST, place

    known = GIVEN_NAMES.get(lang, {})

    def placed(word: str, romanised: str, given: bool = False) -> Placement | None:
        if not word[:1].isupper() or word.lower() in known:
            return None
        return place(word, romanised, given)

    def unsure(p: Placement | None, word: str) -> bool:
        return p is not None and (p.status == "not sure" or (p.status == "none" and not in_dictionary(word, lang)))

    found = [placed(w, r) for w, r in zip(words, romans)]
    out = [p.spelling if p is not None and p.status == "sure" else None for p in found]
    last = found[-1]
    if len(words) > 1 and out[-1] is None and lang == "uk":
        # Ukrainian given names romanise to forms no English word list holds (Hennadii, Serhii):
        # with a native surname they are native too
        out[:-1] = [None] * (len(words) - 1)
        found[:-1] = [None] * (len(words) - 1)
    if len(words) > 1 and last is not None and last.status == "native" and in_dictionary(words[-1], lang):
        # a surname with a Russian ending: the given name beside it must transcribe a foreign one as
        # closely as a foreign surname's given name must (Джоэл Остин is Joel), else it is romanised
        # (Зухра Павлова is Zukhra, not Zohra)
        for k in range(len(words) - 1):
            p = found[k]
            if p is not None and p.status == "sure" and p.cost > MAX_GIVEN_COST:
                out[k], found[k] = None, None
    if len(words) > 1 and out[-1] is not None:
        again = [placed(w, r, given=True) if o is None else None for o, w, r in zip(out[:-1], words[:-1], romans[:-1])]
        out[:-1] = [o or (p.spelling if p is not None and p.status == "sure" else None) for o, p in zip(out[:-1], again)]
        found[:-1] = [p if p is not None else f for p, f in zip(again, found[:-1])]
    doubt = any(unsure(p, w) for p, w, o in zip(found, words, out) if o is None)
    return " ".join(o or r for o, r in zip(out, romans)), doubt


def _term(g: _Group, sentence: str) -> Term:
    """The Term for a merged group; the note says where an uncurated English form came from."""
    english = g.english
    if g.acronym and g.acronym not in english and g.kind == ORG:
        english = f"{english} ({g.acronym})"
    if g.entry is not None:
        note = g.entry.note
        words = english.split()
        if g.kind == PERSON and not g.full_name_seen and len(words) > 1:
            # named by surname only: the surname, as the article and its translator write it; the note has the full name
            english, note = words[-1], english + (f", {note}" if note else "")
    elif g.english_from == "romanised":
        note = "romanised"
    elif g.english_from == "romanised, unsure":
        note = NOT_SURE_NOTE
    elif g.english_from == "respelled":
        note = "spelling of the name's own language"
    elif g.english_from == "respelled, unsure":
        note = "spelling of the name's own language, in part; " + NOT_SURE_NOTE
    elif g.english_from.startswith("gazetteer"):
        note = "country name (CLDR)" if g.english_from.endswith("country") else "city name (GeoNames)"
    else:
        note = ""
    return Term(
        term=english,
        original=g.original,
        kind=g.kind,
        lang=g.lang,
        mentions=g.mentions,
        note=note,
        curated=g.entry is not None,
        first_line=g.first_line,
        sentence=sentence,
    )
