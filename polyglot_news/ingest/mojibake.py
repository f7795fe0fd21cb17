"""Undo text that was decoded with the wrong code page before it reached us (mojibake).

Scraped dumps arrive as valid UTF-8 that already holds the damage: a Latin-1 page read as
Windows-1251 turns "für" into "fьr"; a UTF-8 page read as Windows-1251 turns "się" into
"siД™"; a UTF-8 page read as Windows-1252 turns "prüfen" into "prÃ¼fen". `repair_mojibake`
finds words no language writes (ASCII letters next to Cyrillic letters or to the
Windows-125x images of UTF-8 continuation bytes), replays the round trip backwards, and
keeps a repair only when:

- the repaired word is Latin letters only (no Cyrillic left, no punctuation inside);
- the word kept at least as many ASCII letters as it had foreign characters, so a Russian
  word with one Latin homoglyph in it is never turned into accented Latin;
- the same mapping explains the page: it repairs at least as many suspicious words as it
  fails on, and a page of genuine Cyrillic words does not get the Latin-1 mapping at all.

A word whose Cyrillic letters all look like Latin ones ("Сolumn" with a Cyrillic С) is a
homoglyph, not mojibake, unless the page holds two or more clear repairs of the same kind.
Text without Cyrillic letters or Latin-1 lead characters is returned as it is, untouched.
"""

from __future__ import annotations

from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)

# the Windows-1251 and Windows-1252/Latin-1 images of each byte 0x80-0xFF
_CP1251 = {bytes([b]).decode("cp1251", "ignore"): b for b in range(0x80, 0x100)}
_CP1251.pop("", None)
_CP1252 = {}
for _b in range(0x80, 0x100):
    _ch = bytes([_b]).decode("cp1252", "ignore") or chr(_b)  # the 5 holes of cp1252 read as Latin-1 controls
    _CP1252[_ch] = _b
    _CP1252.setdefault(chr(_b), _b)  # Latin-1 reading of 0x80-0x9f (C1 controls)


def _class(table: dict[str, int], lo: int, hi: int) -> str:
    return "".join(re.escape(ch) for ch, b in table.items() if lo <= b <= hi)


def _utf8_pattern(table: dict[str, int]) -> re.Pattern[str]:
    """Well-formed UTF-8 sequences of 2-4 bytes, written in the characters `table` reads them as."""
    cont = f"[{_class(table, 0x80, 0xBF)}]"
    two, three, four = (f"[{_class(table, lo, hi)}]" for lo, hi in ((0xC2, 0xDF), (0xE0, 0xEF), (0xF0, 0xF4)))
    return re.compile(f"{two}{cont}|{three}{cont}{{2}}|{four}{cont}{{3}}")


_UTF8_AS_1251 = _utf8_pattern(_CP1251)
_UTF8_AS_1252 = _utf8_pattern(_CP1252)
# a lead byte then a continuation byte as Windows-1252 shows them: what every match of `_UTF8_AS_1252`
# starts with, found by one two-class search (several times faster over a whole page than the alternation)
_UTF8_PAIR_1252 = re.compile(f"[{_class(_CP1252, 0xC2, 0xF4)}][{_class(_CP1252, 0x80, 0xBF)}]")

# a word: letters and everything the three code pages put in 0x80-0xFF, split at spaces, ASCII
# punctuation and digits (so "SMS-ки" is two words); NBSP and soft hyphen stay in (they are bytes A0, AD)
_WORD_CHARS = "".join(re.escape(ch) for ch in sorted(set(_CP1251) | set(_CP1252)) if ch not in "\xa0\xad")
_LEADS2 = _class(_CP1251, 0xC2, 0xDF) + _class(_CP1252, 0xC2, 0xDF)
_WORD = re.compile(f"(?:[^\\W\\d_]|[{_WORD_CHARS}]|(?<=[{_LEADS2}])[\xa0\xad])+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_ASCII_LETTER = re.compile("[A-Za-z]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CYRILLIC_LETTER = re.compile("[\u0410-\u044f]")  # А..я, bytes C0-FF of cp1251: Latin-1 letters
# Cyrillic letters that look like Latin ones: a word made only of these beside ASCII is a homoglyph
_LOOKALIKE = set("АВСЕНКМОРТХаеорсух")
# anything that can start a repair; text without one is returned untouched
_TRIGGER = re.compile("[\u0400-\u04ff\u00c2-\u00f4]")
_PLAIN_CYRILLIC = re.compile("[\u0400-\u04ff]{3,}")  # a word of Cyrillic letters only: real Russian, Ukrainian...

MAPPINGS = {
    "utf8-as-cp1251": "UTF-8 read as Windows-1251",
    "utf8-as-cp1252": "UTF-8 read as Windows-1252",
    "latin1-as-cp1251": "Latin-1 read as Windows-1251",
}


def _is_latin_word(word: str, apostrophe: bool = False) -> bool:
    """True when `word`, outer punctuation aside, is Latin letters (and, if allowed, ’ inside)."""
    core = _EDGE.sub("", word)
    return bool(core) and all(
        (ch.isalpha() and (ch < "\u0250" or "\u1e00" <= ch <= "\u1eff")) or (apostrophe and ch == "\u2019") for ch in core
    )


def _sequences(pattern: re.Pattern[str], table: dict[str, int], word: str) -> str | None:
    """`word` with every UTF-8 sequence `pattern` finds decoded back, or None when none decodes."""
    changed = False

    def fix(m: re.Match[str]) -> str:
        nonlocal changed
        try:
            out = bytes(table[ch] for ch in m.group()).decode("utf-8")
        except UnicodeDecodeError:
            return m.group()
        if not (out.isalpha() or "\u2010" <= out <= "\u2026"):
            return m.group()  # "Â©" may well be meant; only letters, dashes and quotes are repaired
        changed = True
        return out

    out = pattern.sub(fix, word)
    return out if changed else None


def _latin1(word: str) -> str:
    return _CYRILLIC_LETTER.sub(lambda m: bytes([_CP1251[m.group()]]).decode("latin-1"), word)


def _candidate(word: str) -> tuple[str, str, bool] | None:
    """(mapping, repair or '', strong) for a suspicious word; repair '' when the mapping fails on it."""
    if not _ASCII_LETTER.search(word):
        return None
    core = _EDGE.sub("", word)
    foreign = sum(1 for ch in core if ord(ch) > 0x7F)
    if _UTF8_AS_1251.search(word) and _CYRILLIC.search(word):
        fixed = _sequences(_UTF8_AS_1251, _CP1251, word)
        ok = fixed is not None and _is_latin_word(fixed, True) and not _CYRILLIC.search(fixed)
        return "utf8-as-cp1251", fixed if ok else "", True
    if _CYRILLIC_LETTER.search(word):
        ascii_letters = len(_ASCII_LETTER.findall(core))
        fixed = _latin1(word)
        ok = ascii_letters >= foreign and _is_latin_word(fixed) and not _CYRILLIC.search(fixed)
        strong = any(ch not in _LOOKALIKE for ch in _CYRILLIC_LETTER.findall(word))
        return "latin1-as-cp1251", fixed if ok else "", strong
    if _UTF8_AS_1252.search(word) and not _CYRILLIC.search(word):
        fixed = _sequences(_UTF8_AS_1252, _CP1252, word)
        if fixed is None:
            return None  # a Latin-1 letter before a symbol that is no UTF-8: ordinary text
        ok = _is_latin_word(fixed, True)
        return "utf8-as-cp1252", fixed if ok else "", True
    return None


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    """`text` with mis-decoded Latin words repaired, and one note per mapping used."""
    if not _TRIGGER.search(text):
        return text, []
    # every repair needs a Cyrillic letter or a UTF-8 sequence in Windows-1252 letters somewhere in the
    # text (a word's match is the text's): pages of plain accented Latin skip the walk over their words
    if not _CYRILLIC.search(text) and not (_UTF8_PAIR_1252.search(text) and _UTF8_AS_1252.search(text)):
        return text, []
    found: dict[tuple[int, int], tuple[str, str, bool]] = {}
    genuine = 0  # words of three or more Cyrillic letters and nothing else
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        if _PLAIN_CYRILLIC.fullmatch(word):
            genuine += 1
            continue
        if not _TRIGGER.search(word):
            continue
        cand = _candidate(word)
        if cand is not None:
            found[m.span()] = cand
    if not found:
        return text, []
    accepted: dict[str, int] = {}
    for name in MAPPINGS:
        mine = [c for c in found.values() if c[0] == name]
        good_strong = sum(1 for c in mine if c[1] and c[2])
        bad = sum(1 for c in mine if not c[1])
        if not good_strong or good_strong + sum(1 for c in mine if c[1] and not c[2]) < bad:
            continue
        # a page of real Cyrillic words explains its mixed words better than a Latin-1 page does
        if name == "latin1-as-cp1251" and genuine >= good_strong:
            continue
        accepted[name] = good_strong
    # a page read as Windows-1251 was either Latin-1 or UTF-8 underneath, not both: the mapping
    # with fewer repairs is the one that misreads (a cut-off "Г" at the end of a title, say)
    both = ("latin1-as-cp1251", "utf8-as-cp1251")
    if all(n in accepted for n in both):
        del accepted[min(both, key=lambda n: accepted[n])]
    out, last, counts = [], 0, {}
    for (start, end), (name, fixed, strong) in sorted(found.items()):
        if name not in accepted or not fixed or (not strong and accepted[name] < 2):
            continue
        out.append(text[last:start])
        out.append(fixed)
        last = end
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return text, []
    out.append(text[last:])
    notes = [f"repaired {n} mis-decoded word(s) ({MAPPINGS[name]})" for name, n in counts.items()]
    return "".join(out), notes
