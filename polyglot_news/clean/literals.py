"""Which of many patterns a line may match, from the literals their matches must contain.

Most lines of a page match none of the chrome patterns, yet each pattern's search walks the
whole line. `required_literals(pattern)` reads a pattern's parse tree and returns strings of
which every match holds at least one ("newsletter", "says:", "©"...), or None when it cannot
tell. `Prefilter(patterns).may_match(pattern, text)` is False only when `text` holds none of
them: the pattern then surely has no match (by `search` or `match`), and its test can be
skipped with the same answer. A short text is read once for the literals of every pattern (one
scan: at each place the literals are tried by shared first letters); a long one is asked for a
few parts of each pattern's literals in turn, as its tests come (plain substring tests: a scan
of a long line costs more than the few patterns a long line meets).

The text asked about is lowercased (`str.lower()`): a case-sensitive pattern is one that meets
that text itself (the lowered twins of `linepatterns.py`), whose literals match only themselves;
a case-insensitive one meets the text before it was lowercased, and its literals are read
lowercased, leaving out the few characters whose matches `str.lower()` does not turn into them
(see `_lowered`). A verbose or locale pattern, or an interpreter without the `re` parser this
reads, leaves the patterns always tested.
"""

from __future__ import annotations

import re
from itertools import product
from pathlib import Path

from ..text import regexes  # patterns kept compiled between runs
from ..text.precompiled import cached, checksum

try:
    import _sre
    from re import _casefix, _constants as _c, _parser
except ImportError:  # another interpreter's internals: no scan, every pattern is always tested
    _c = _parser = None

_MOST = 64  # strings a set may hold before it is given up (a cross product of alternations grows fast)
_CLASS_MOST = 6  # characters a class may hold to count as a set of one-character strings


def _walk(items, fold) -> tuple[set[str] | None, set[str] | None]:
    """(exact, required) of a sequence of parse items, each character as `fold` gives it.

    exact: every string the sequence can match (None when unknown or too many); required:
    strings of which any match holds one as a substring (None when unknown; never holds "").
    """
    exact: set[str] | None = {""}
    candidates: list[set[str]] = []
    run: set[str] | None = {""}  # the cross product of the exact items since the last inexact one
    for op, av in items:
        e, r = _item(op, av, fold)
        if r:
            candidates.append(r)
        if e is None:
            if run and "" not in run:
                candidates.append(run)
            run = {""}
            exact = None
            continue
        grown = _join(run, e)
        if grown is None:  # too many: keep what the run had, and start a new one here
            if run and "" not in run:
                candidates.append(run)
            grown = set(e)
        run = grown
        exact = _join(exact, e) if exact is not None else None
    if run and "" not in run:
        candidates.append(run)
    if exact is not None and "" not in exact:
        candidates.append(exact)
    return exact, _best(candidates)


def _join(left: set[str] | None, right: set[str]) -> set[str] | None:
    """Every string of `left` followed by one of `right`, or None when there would be too many."""
    if left is None or len(left) * len(right) > _MOST:
        return None
    return {a + b for a, b in product(left, right)}


def _best(candidates: list[set[str]]) -> set[str] | None:
    """The most telling of several required sets: the longest shortest string, then the fewest strings."""
    usable = [c for c in candidates if c and "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _item(op, av, fold) -> tuple[set[str] | None, set[str] | None]:
    """(exact, required) of one parse item (see `_walk`)."""
    if op is _c.LITERAL:
        ch = fold(av)
        if ch is None:
            return None, None
        return {ch}, {ch}
    if op is _c.AT:
        return {""}, None  # an anchor or word boundary matches no characters
    if op is _c.IN:
        chars = _class_chars(av, fold)
        return chars, chars
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None, None  # (?i:...) and the like: a literal no longer matches only itself
        return _walk(sub, fold)
    if op is _c.ATOMIC_GROUP:
        return _walk(av, fold)
    if op is _c.BRANCH:
        exacts, requireds = [], []
        for alt in av[1]:
            e, r = _walk(alt, fold)
            exacts.append(e)
            requireds.append(r)
        exact: set[str] | None = None
        if all(e is not None for e in exacts) and sum(map(len, exacts)) <= _MOST:
            exact = set().union(*exacts)
        required = set().union(*requireds) if all(requireds) else None
        return exact, required
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        e, r = _walk(sub, fold)
        if hi == 0:
            return {""}, None
        if lo == 0:
            return ({""} | e if hi == 1 and e is not None else None), None
        if lo == hi == 1:
            return e, r
        return None, r
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return {""}, None  # a look-around matches no characters of its own
    return None, None  # any character, a category, a back-reference...: nothing known


def _class_chars(items, fold) -> set[str] | None:
    """The characters a class `[...]` matches (as `fold` gives them) when it lists a few of them; None otherwise."""
    codes: list[int] = []
    for op, av in items:
        if op is _c.LITERAL:
            codes.append(av)
        elif op is _c.RANGE and av[1] - av[0] < _CLASS_MOST:
            codes.extend(range(av[0], av[1] + 1))
        else:
            return None  # a negated class, a category (\w, \d) or a wide range
    chars = set(map(fold, codes))
    return chars if None not in chars and len(chars) <= _CLASS_MOST else None


def _same(code: int) -> str:
    """A case-sensitive pattern's character: it matches only itself."""
    return chr(code)


def _lowered(code: int) -> str | None:
    """A case-insensitive pattern's character as `str.lower()` shows every character it matches, or None.

    Such a character matches each one whose simple lowercase (the matcher's) is its own, and
    `str.lower()` gives that same one character, save for a few: those with other equivalents
    (_casefix: "s" also matches "ſ", "i" also "ı"), and "İ" and "Σ", lowered to two characters
    or by their place. A literal holding one of them is not read.
    """
    if not _sre.unicode_iscased(code):
        return chr(code)  # no case: it matches only itself, which lowers to itself
    low = _sre.unicode_tolower(code)
    return None if low in _casefix._EXTRA_CASES or low in (0x69, 0x3C3) else chr(low)


def required_literals(pattern: re.Pattern[str]) -> set[str] | None:
    """Strings of which every match of `pattern` holds one, or None when they cannot be told.

    For a case-insensitive pattern the strings are lowercased, and the matched text lowercased
    (`str.lower()`) holds one of them. None for a bytes, verbose or locale pattern.
    """
    if _parser is None or not isinstance(pattern.pattern, str) or pattern.flags & (re.X | re.L):
        return None
    try:
        return _walk(_parser.parse(pattern.pattern, pattern.flags), _lowered if pattern.flags & re.I else _same)[1]
    except Exception:  # noqa: BLE001 - a parser that differs from the one this reads: test the pattern always
        return None


def covering_parts(literals: set[str], shortest: int = 4, longest: int = 8) -> list[str]:
    """A few strings of which each of `literals` holds one: greedily, the part that most of those left hold.

    Parts are `shortest` to `longest` characters long (or a whole literal shorter than that); of
    two parts held as widely the longer is taken (it is found in fewer lines).
    """
    holders: dict[str, set[int]] = {}
    for i, lit in enumerate(sorted(literals)):
        for size in range(min(shortest, len(lit)), min(longest, len(lit)) + 1):
            for at in range(len(lit) - size + 1):
                holders.setdefault(lit[at:at + size], set()).add(i)
    left = set(range(len(literals)))
    parts = []
    while left:
        part = max(sorted(holders), key=lambda c: (len(holders[c] & left), len(c)))
        parts.append(part)
        left -= holders[part]
    return parts


def prefilter_table(patterns) -> tuple[list[list[str] | None], dict[str, list[int]], str, str]:
    """What `Prefilter` reads, by pattern index: each pattern's parts (`covering_parts`, None when unknown);
    each literal to scan for -> the patterns it may start; the scan's own pattern ("" when none); and
    the scan of an ASCII text, for the ASCII literals only (the others cannot stand in it; the fewer
    first letters each place is tried with, the quicker).

    No literal scanned for starts with another: the shorter one is found wherever the longer one
    is, and stands for both, so at any place of a line at most one of them begins.
    """
    parts: list[list[str] | None] = []
    owners: dict[str, set[int]] = {}
    for i, p in enumerate(patterns):
        literals = required_literals(p)
        parts.append(covering_parts(literals) if literals else None)
        for lit in literals or ():
            # a part of a required string is required too: a space at its ends would stop the scan at every space
            owners.setdefault(lit.strip() or lit, set()).add(i)
    kept: dict[str, set[int]] = {}
    for lit in sorted(owners, key=len):
        shorter = next((lit[:k] for k in range(1, len(lit)) if lit[:k] in kept), None)
        if shorter is None:
            kept[lit] = set(owners[lit])
        else:
            kept[shorter] |= owners[lit]
    scan = f"(?=({_trie(sorted(kept))}))" if kept else ""
    ascii_kept = sorted(lit for lit in kept if lit.isascii())
    ascii_scan = f"(?=({_trie(ascii_kept)}))" if ascii_kept else "(?!)"  # (?!) finds nothing
    return parts, {lit: sorted(ps) for lit, ps in kept.items()}, scan, ascii_scan


def _trie(words: list[str]) -> str:
    """An alternation of `words` (none empty, none the start of another) nested by shared first letters.

    The matcher then tries one branch per first letter at each place, not one per word.
    """
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[0], []).append(w[1:])
    alts = []
    for head, tails in heads.items():
        tails = [t for t in tails if t]
        alts.append(re.escape(head) + (_trie(tails) if tails else ""))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


SCAN_MOST = 80  # characters of the longest text read in one scan (a longer one is asked for parts)


class Prefilter:
    """Cheap tests that a line may match one of several patterns (see the module docstring).

    Patterns are known by their id: hashing a compiled pattern hashes its whole program, on every
    look-up. What `prefilter_table` works out is kept with the precompiled tables between runs:
    reading the patterns' parse trees costs a one-page run about 10 ms.
    """

    def __init__(self, patterns) -> None:
        self.patterns = list(patterns)  # kept, so that their ids stay theirs
        sources = repr([(p.pattern, p.flags) for p in self.patterns]).encode("utf-8")
        name = f"clean-prefilter-{checksum(sources)}"
        parts, owners, scan, ascii_scan = cached(name, [Path(__file__)], lambda: prefilter_table(self.patterns))
        ids = [id(p) for p in self.patterns]
        self._parts = {i: tuple(ps) if ps else None for i, ps in zip(ids, parts)}
        self._always = frozenset(i for i, ps in zip(ids, parts) if not ps)
        self._owners = {lit: frozenset(ids[k] for k in ks) for lit, ks in owners.items()}
        self._find = regexes.compile(scan).findall if scan else None
        self._find_ascii = regexes.compile(ascii_scan).findall if scan else None
        self._found: dict[tuple[str, ...], frozenset[int]] = {(): self._always}  # literals found -> patterns kept
        self._last: tuple[str | None, frozenset[int]] = (None, self._always)  # the last short text scanned, and its patterns

    def possible(self, text: str):
        """The ids of the patterns given that may match `text`, as a container for `in`: the others
        surely have no match (by `search` or `match`). Ask it only of the patterns given.
        """
        if len(text) > SCAN_MOST or self._find is None:
            return _Parts(text, self._parts)
        last, kept = self._last
        if text is not last:
            kept = self._scan(text)
            self._last = (text, kept)
        return kept

    def may_match(self, pattern: re.Pattern[str], text: str) -> bool:
        """False when `pattern` surely has no match in `text` (by `search` or `match`); True otherwise."""
        return id(pattern) not in self._parts or id(pattern) in self.possible(text)

    def _scan(self, text: str) -> frozenset[int]:
        """The ids of the patterns that may match `text`, from one scan for all their literals."""
        found = tuple((self._find_ascii if text.isascii() else self._find)(text))
        kept = self._found.get(found)
        if kept is None:
            union = set(self._always)
            for lit in found:
                union |= self._owners[lit]
            kept = frozenset(union)
            if len(self._found) < 4096:  # the sets of literals a page shows are few; a hostile input's are not kept
                self._found[found] = kept
        return kept


class _Parts:
    """The patterns that may match a long text: each is asked for its parts when it is looked up."""

    __slots__ = ("text", "parts")

    def __init__(self, text: str, parts: dict[int, tuple[str, ...] | None]) -> None:
        self.text, self.parts = text, parts

    def __contains__(self, key: int) -> bool:
        parts = self.parts.get(key)
        return parts is None or any(map(self.text.__contains__, parts))


_GAP = "\x00"  # stands for any run of characters that are not letters
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_SPELL_MOST = 4096


def letter_runs(pattern: re.Pattern[str]) -> set[str] | None:
    """Every run of letters (as `[^\\W\\d_]+` finds them) that a match of `pattern` can hold, or None when
    they cannot be told (too many, a category that matches letters, a case-insensitive pattern...).

    For a pattern whose matches stand between word boundaries (`\\b...\\b`), a run of letters of a
    text that is not among these is never touched when the pattern's matches are replaced.
    """
    if _parser is None or not isinstance(pattern.pattern, str) or pattern.flags & (re.I | re.X | re.L):
        return None
    try:
        spellings = _spell(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a parser that differs from the one this reads
        return None
    if spellings is None:
        return None
    return {run for s in spellings for run in _LETTER_RUNS.findall(s)}


def _spell(items) -> set[str] | None:
    """The strings a sequence of parse items can match, each run of non-letters written as one _GAP; None when too many or unknown."""
    out = {""}
    for op, av in items:
        part = _spell_item(op, av)
        if part is None or len(out) * len(part) > _SPELL_MOST:
            return None
        out = {_closed(a + b) for a in out for b in part}
    return out


def _closed(s: str) -> str:
    """`s` with each run of _GAP written once."""
    while _GAP * 2 in s:
        s = s.replace(_GAP * 2, _GAP)
    return s


def _spell_char(code: int) -> str:
    ch = chr(code)
    return ch if _LETTER_RUNS.fullmatch(ch) else _GAP


def _spell_item(op, av) -> set[str] | None:
    """(see `_spell`) for one parse item."""
    if op is _c.LITERAL:
        return {_spell_char(av)}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(_spell_char(value))
            elif kind is _c.CATEGORY and value in (_c.CATEGORY_DIGIT, _c.CATEGORY_SPACE):
                chars.add(_GAP)  # digits and spaces are not letters
            elif kind is _c.RANGE and value[1] - value[0] < 64:
                chars.update(map(_spell_char, range(value[0], value[1] + 1)))
            else:
                return None
        return chars
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _spell(sub)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            part = _spell(alt)
            if part is None:
                return None
            out |= part
        return out if len(out) <= _SPELL_MOST else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        part = _spell(sub)
        if part is None:
            return None
        if part <= {"", _GAP}:  # non-letters only: how many of them does not matter
            return {_GAP} if lo >= 1 and part == {_GAP} else part | {_GAP, ""} if lo == 0 else part | {_GAP}
        if hi == 0:
            return {""}
        if hi == 1:
            return part | {""} if lo == 0 else part
        return None
    return None


def stored_letter_runs(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """`letter_runs(pattern)`, kept with the precompiled tables between runs (reading a long pattern costs a few ms)."""
    source = repr((pattern.pattern, pattern.flags)).encode("utf-8")
    name = f"clean-letter-runs-{checksum(source)}"
    runs = cached(name, [Path(__file__)], lambda: sorted(letter_runs(pattern) or ()) or None)
    return None if runs is None else frozenset(runs)


# ---- the first character of an anchored match


def first_chars(pattern: re.Pattern[str]) -> tuple[list[str], list[str]] | None:
    """(characters, categories) the lowercased text's first character must be, for `pattern.match` to
    match the text (or its lowercased copy); None when they cannot be told (the pattern may match "",
    or starts with any character, a negated class, a word character...).

    The characters are as `str.lower()` shows them: a case-sensitive pattern's own, lowercased (the
    first character of a lowercased text is its first character lowercased), a case-insensitive one's
    simple lowercase and the characters matched with it (`_casefix`). The categories are "digit" and
    "space", which have no case.
    """
    if _parser is None or not isinstance(pattern.pattern, str) or pattern.flags & (re.X | re.L):
        return None
    try:
        got = _first(_parser.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.I))
    except Exception:  # noqa: BLE001 - a parser that differs from the one this reads: test the pattern always
        return None
    if got is None or got[2]:
        return None
    return sorted(got[0]), sorted(got[1])


def _first_folds(code: int, ignore: bool) -> set[str]:
    """The first characters of a lowercased text that start with a character literal `code` matches."""
    if not ignore:
        return {chr(code).lower()[:1]}
    low = _sre.unicode_tolower(code)
    return {chr(low), *map(chr, _casefix._EXTRA_CASES.get(low, ()))}


_FIRST_CATEGORIES = {"CATEGORY_DIGIT": "digit", "CATEGORY_SPACE": "space"} if _c else {}
_FIRST_RANGE_MOST = 2048  # characters a class's range may span to be listed


def _first(items, ignore: bool) -> tuple[set[str], set[str], bool] | None:
    """(characters, categories, may be empty) of a sequence of parse items (see `first_chars`); None when unknown."""
    chars: set[str] = set()
    cats: set[str] = set()
    for op, av in items:
        got = _first_item(op, av, ignore)
        if got is None:
            return None
        chars |= got[0]
        cats |= got[1]
        if not got[2]:
            return chars, cats, False
    return chars, cats, True


def _first_item(op, av, ignore: bool) -> tuple[set[str], set[str], bool] | None:
    """(see `_first`) for one parse item."""
    if op is _c.LITERAL:
        return _first_folds(av, ignore), set(), False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), set(), True  # matches no characters (a look-around only narrows what follows)
    if op is _c.IN:
        chars: set[str] = set()
        cats: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars |= _first_folds(value, ignore)
            elif kind is _c.RANGE and value[1] - value[0] < _FIRST_RANGE_MOST:
                for code in range(value[0], value[1] + 1):
                    chars |= _first_folds(code, ignore)
            elif kind is _c.CATEGORY and str(value) in _FIRST_CATEGORIES:
                cats.add(_FIRST_CATEGORIES[str(value)])
            else:
                return None  # a negated class, a word category, a wide range
        return chars, cats, False
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if del_flags or add_flags & ~re.I:
            return None
        return _first(sub, ignore or bool(add_flags & re.I))
    if op is _c.ATOMIC_GROUP:
        return _first(av, ignore)
    if op is _c.BRANCH:
        chars, cats, empty = set(), set(), False
        for alt in av[1]:
            got = _first(alt, ignore)
            if got is None:
                return None
            chars |= got[0]
            cats |= got[1]
            empty = empty or got[2]
        return chars, cats, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        if hi == 0:
            return set(), set(), True
        got = _first(sub, ignore)
        return None if got is None else (got[0], got[1], got[2] or lo == 0)
    return None  # any character, a back-reference...: nothing known


_CATEGORY_TESTS = {"digit": str.isdecimal, "space": str.isspace}  # what \d and \s match in a str pattern


class FirstChars:
    """Which of several anchored patterns (tried with `match`) may match a text, from its first character.

    A line starts with a letter most of the time, and most of the patterns tried at a line's start
    can start with only a few: one look-up of the line's first character rules the others out.
    Patterns are known by their id, as in `Prefilter`; the table is kept between runs.
    """

    def __init__(self, patterns) -> None:
        self.patterns = list(patterns)  # kept, so that their ids stay theirs
        sources = repr([(p.pattern, p.flags) for p in self.patterns]).encode("utf-8")
        name = f"clean-first-chars-{checksum(sources)}"
        sets = cached(name, [Path(__file__)], lambda: [first_chars(p) for p in self.patterns])
        self._sets = [(id(p), s and frozenset(s[0]), s and tuple(_CATEGORY_TESTS[c] for c in s[1])) for p, s in zip(self.patterns, sets)]
        self._by_head: dict[str, frozenset[int]] = {"": frozenset(id(p) for p in self.patterns)}

    def possible(self, low: str) -> frozenset[int]:
        """The ids of the patterns given whose `match` may match a text lowercased to `low` (or `low`
        itself): the others surely do not. Ask it only of the patterns given.
        """
        head = low[:1]
        kept = self._by_head.get(head)
        if kept is None:
            kept = frozenset(i for i, chars, tests in self._sets
                             if chars is None or head in chars or any(t(head) for t in tests))
            if len(self._by_head) < 4096:  # a page's first characters are few; a hostile input's are not kept
                self._by_head[head] = kept
        return kept
