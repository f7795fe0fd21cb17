"""Foreign names written in Cyrillic, back to the spelling of their own language.

Russian spells Craig "Крейг" and Truss "Трасс"; romanising letter by letter gives "Kreyg" and
"Trass", which no English text uses. For a name that does not read as Russian or Ukrainian,
`respell` looks for the Latin word it was transcribed from in wordfreq's English word list
(English web text names people from everywhere, so their names are words there too):
1. candidates share the name's consonant skeleton (`_latin_key`, `_cyrillic_keys`), in which
   the sounds Cyrillic transcription mixes up are merged (s/z/sh/ch, d/t, f/v, w dropped...);
2. each candidate is aligned with the Cyrillic letter by letter (`alignment_cost`), with a
   table of how Russian and Ukrainian render Latin spellings ("ck" as "к", "ou" as "у",
   "j" as "дж"); what the table does not explain costs a full letter;
3. the cheapest candidate wins, its frequency breaking near-ties ("Craig" over "Kreig"),
   when its cost per letter is low enough; otherwise the name keeps its romanisation.
Names with Russian or Ukrainian endings (-ов, -ский, -енко, -ук...) are left to romanisation,
which is their English form. The skeleton index takes a few seconds to build from the word
list; it is built the first time a name needs it and kept in SQLite beside the translation cache.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MIN_ZIPF = 1.0  # English web text names people from everywhere: its word list down to rare words is the lexicon
MAX_COST = 0.11  # alignment cost per Cyrillic letter above which no candidate is taken
MAX_GIVEN_COST = 0.05  # a given name must be a near-exact transcription: Юрий is not "Uri"
MAX_CANDIDATES = 400  # candidates aligned per name, most frequent first
CASE_ENDING_COST = 0.5  # a Russian case ending left on a foreign name
FREQ_WEIGHT = 0.01  # a zipf point of frequency against alignment cost per letter: a tie-breaker
SURE_ZIPF = 1.5  # a best candidate rarer than this (about 3 in 100 million words) is not sure
LEXICON_VERSION = "1"  # bump when the skeleton rules change: a stored index is rebuilt

# endings that make a surname or place Russian or Ukrainian: romanisation is their English form
_NATIVE = re.compile(
    r"(ін|їн|ів|їв|ій|ян|янц|дзе|швили|ов|ев|ёв|ин|ын|ский|цкий|ской|ская|цкая|ова|ева|ёва|ина|ына|енко|ко|ук|юк|чук|ич|вич|ович|евич|ный|ная|ой|ый|ий|ая|ська|цька|ськ|ськой|ово|ево|ино|град|бург|поль)$"
)

# --- consonant skeletons ----------------------------------------------------------------------

_LATIN_TOKENS = re.compile(r"x|gh|chr|tsch|sch|tch|sh|ch|cz|sz|zh|rz|ph|th|ck|tz|ts|.")
_LATIN_SOUND = {
    "x": "KS", "gh": "", "chr": "KR", "tsch": "S", "sch": "S", "tch": "S", "sh": "S", "ch": "S", "cz": "S", "sz": "S",
    "zh": "S", "rz": "S", "ph": "V", "th": "T", "ck": "K", "q": "K", "k": "K", "c": "K", "tz": "S", "ts": "S", "z": "S",
    "s": "S", "j": "S", "f": "V", "v": "V", "d": "T", "t": "T", "b": "B", "p": "P", "g": "G", "l": "L", "m": "M",
    "n": "N", "r": "R",
}
_LATIN_FIRST = {"x": "S", "gh": "G"}  # Xavier, Ghebreyesus
_REPEATS = re.compile(r"(.)\1+")


def _plain(word: str) -> str:
    """Lowercase, without accents."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def _latin_key(word: str) -> str:
    """The consonant skeleton of a Latin-script word ("craig" -> "KRG", "zuckerberg" -> "SKRBRG")."""
    word = _plain(word)
    out = []
    for m in _LATIN_TOKENS.finditer(word):
        t = m.group()
        if m.start() == 0 and t in _LATIN_FIRST:
            out.append(_LATIN_FIRST[t])
        elif t == "c" and word[m.end():m.end() + 1] in ("e", "i", "y"):
            out.append("S")  # Valencia, Cecil
        else:
            out.append(_LATIN_SOUND.get(t, ""))
    return _REPEATS.sub(r"\1", "".join(out))


_CYR_KEY = {
    "б": ("B",), "п": ("P",), "в": ("V", ""), "ф": ("V",), "г": ("G", ""), "ґ": ("G",), "к": ("K",),
    "х": ("", "S", "K"), "д": ("T",), "т": ("T",), "ж": ("S", "G"), "з": ("S",), "с": ("S",), "ц": ("S",),
    "ч": ("S",), "ш": ("S",), "щ": ("S",), "л": ("L",), "м": ("M",), "н": ("N",), "р": ("R",),
}
_CYR_PAIRS = {"дж": ("S", "G"), "тч": ("S",), "кс": ("KS",), "тс": ("S", "TS")}


def _cyrillic_keys(word: str, cap: int = 48) -> set[str]:
    """The consonant skeletons a Cyrillic spelling can come from ("Крейг" -> {"KRG", "KR"})."""
    w = word.lower()
    keys = {""}
    i = 0
    while i < len(w):
        pair = w[i:i + 2]
        if pair in _CYR_PAIRS:
            alts, i = _CYR_PAIRS[pair], i + 2
        else:
            ch = w[i]
            alts = _CYR_KEY.get(ch, ("",))
            if i == 0 and ch in "йюяеё":
                alts = ("", "S")  # Jürgen is Юрген, Jaroslav Ярослав
            i += 1
        keys = {k + a for k in keys for a in alts}
        if len(keys) > cap:
            keys = set(sorted(keys)[:cap])
    return {_REPEATS.sub(r"\1", k) for k in keys}


# --- alignment --------------------------------------------------------------------------------

# Latin spelling -> the Cyrillic it is written as, with a cost (0 when unmarked)
_RULES_TEXT = """
a: а э=.1 ей=.2 о=.3 ай=.3 е=.3 я=.3
ai: ей ай э=.1 е=.2
ay: ей ай эй
au: о ау
aw: о
ae: е э
b: б
c: к с=.1 ц=.2
cc: к кк ч=.3
ck: к
ch: ч х к=.1 ш=.1
chr: кр
cz: ч
d: д т=.3
dt: д т
dg: дж
dj: дж
e: е э и=.3 =.3 ё=.3 а=.4 і=.3
ea: и е=.1 і
ee: и і
ei: ей ай и=.3 і=.3
ey: ей и эй і
eu: ой е=.2 ю=.3
f: ф
g: г ж=.3 дж=.3 х=.4
gh: г =.1
h: х г=.2 =.2
i: и ай=.2 ы=.3 е=.3 й=.2 і
ie: и ье=.2 е=.2 і
j: дж ж й=.2 х=.4
k: к
kh: х
l: л
ll: л лл
m: м
n: н
o: о а=.2 оу=.3 у=.4
oo: у
ou: у ау=.1 о=.2
ow: оу ау о=.2
oy: ой
p: п
ph: ф
q: к
qu: кв к
r: р
s: с з=.2 ш=.3
sch: ш
sh: ш
ss: с сс
sz: ш
t: т д=.3
tch: тч ч
th: т с=.2 з=.3
ts: ц тс
tz: ц
u: у а=.2 ю=.2 =.4
v: в ф=.1
w: у в ф=.3
wh: у
x: кс
y: и й ы=.2 =.2 ай=.3 і
z: з ц=.2 с=.3
zh: ж
ß: сс с
"""


def _rules() -> dict[str, list[tuple[str, str, float]]]:
    out: dict[str, list[tuple[str, str, float]]] = {}
    for line in _RULES_TEXT.strip().splitlines():
        latin, rest = line.split(":", 1)
        for alt in rest.split():
            cyr, _, cost = alt.partition("=")  # "=.3": the letters may go unwritten, at that cost
            out.setdefault(latin[0], []).append((latin, cyr, float(cost) if cost else 0.0))
    return out


_RULES = _rules()
# the Cyrillic letters a word can start with, by the Latin letter it starts with: a cheap first filter
_STARTS = {first: {cyr[0] for _, cyr, _ in rules if cyr} for first, rules in _RULES.items()}
_SOFT = set("ьъй")
_CYR_VOWELS = set("аеёиоуыэюяіїє")


def alignment_cost(latin: str, cyrillic: str, limit: float = float("inf")) -> float:
    """How badly `cyrillic` transcribes `latin`: 0 when the rule table explains every letter.

    Letters the table does not explain cost 1; inside the word, a Cyrillic soft sign or й no
    rule produced costs 0.2 and a vowel either side 0.6, since transcriptions add and drop those
    freely, and a doubled Latin consonant written once costs nothing.
    No step costs less than nothing, so a partial alignment dearer than `limit` is not carried on:
    a cost up to `limit` is exact, and a dearer one comes back above `limit` (maybe inf).
    """
    lat, cyr = _plain(latin), cyrillic.lower().replace("ё", "е")
    n, m = len(lat), len(cyr)
    # what each Latin position can be written as, and what leaving a letter unexplained costs
    moves = [[(len(chunk), alt, c) for chunk, alt, c in _RULES.get(lat[i], ()) if lat.startswith(chunk, i)] for i in range(n)]
    lat_skip = [
        0.0 if i and lat[i] == lat[i - 1] and lat[i] not in "aeiouy" else 0.6 if 0 < i < n - 1 and lat[i] in "aeiouy" else 1.0
        for i in range(n)
    ]
    cyr_skip = [0.2 if ch in _SOFT else 0.6 if ch in _CYR_VOWELS and 0 < j < m - 1 else 1.0 for j, ch in enumerate(cyr)]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        row, below = cost[i], cost[i + 1] if i < n else None
        for j in range(m + 1):
            here = row[j]
            if here == inf or here > limit:
                continue
            if below is not None:
                for length, alt, c in moves[i]:
                    if cyr.startswith(alt, j):
                        target = cost[i + length]
                        k = j + len(alt)
                        if here + c < target[k]:
                            target[k] = here + c
                if here + lat_skip[i] < below[j]:
                    below[j] = here + lat_skip[i]
                if j < m and here + 1.0 < below[j + 1]:
                    below[j + 1] = here + 1.0
            if j < m and here + cyr_skip[j] < row[j + 1]:
                row[j + 1] = here + cyr_skip[j]
    # a case ending after the name ("Хартвелла", "Альцгеймера"): the lemmatiser may not know a foreign name
    ending = min((cost[n][m - k] + CASE_ENDING_COST for k, end in ((1, "а"), (1, "у"), (1, "е"), (2, "ом"), (2, "ой"))
                  if m > k + 2 and cyr.endswith(end)), default=inf)
    return min(cost[n][m], ending)


# --- the lexicon ------------------------------------------------------------------------------

def _lexicon_rows() -> list[tuple[str, str, float]]:
    """(skeleton, word, zipf) for every word of wordfreq's English list down to MIN_ZIPF."""
    from wordfreq import get_frequency_dict

    floor = 10 ** (MIN_ZIPF - 9)
    rows = []
    for word, freq in get_frequency_dict("en").items():
        if freq < floor or len(word) < 3 or not word.isalpha() or not word.isascii():
            continue
        rows.append((_latin_key(word), word, round(9 + math.log10(freq), 2)))
    return rows


def _wordfreq_version() -> str:
    """wordfreq's `__version__` as the index has always recorded it ("?" where the package sets none),
    read from its source: importing wordfreq costs 0.2 s (ftfy, langcodes, regex) and is only
    needed to build the index."""
    import re
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    try:
        source = Path(spec.origin).read_text(encoding="utf-8") if spec and spec.origin else ""
    except OSError:
        source = ""
    m = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", source, re.M)
    return m.group(1) if m else "?"


def lexicon_path() -> Path:
    """Where the skeleton index is kept: beside the translation cache."""
    from ..config import default_cache_path

    return default_cache_path().with_name("name-lexicon.sqlite3")


class Lexicon:
    """The skeleton index in SQLite: built from wordfreq on first use (a few seconds), then opened.

    Built into a temporary file and moved into place, so a run that stops half way or a second
    process building at the same time never leaves a broken index. Where the cache folder
    cannot be written, the index lives in memory for the run.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.version = f"{LEXICON_VERSION}/{_wordfreq_version()}/{MIN_ZIPF}"
        path = path or lexicon_path()
        self.db = self._open(path) if path.exists() else None
        if self.db is None:
            self.db = self._build(path)

    def _open(self, path: Path) -> sqlite3.Connection | None:
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)  # read only: threads may share it
            row = db.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
        except sqlite3.Error:
            return None
        if not row or row[0] != self.version:
            db.close()
            return None
        return db

    def _build(self, path: Path) -> sqlite3.Connection:
        rows = _lexicon_rows()
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(tmp)
        except (OSError, sqlite3.Error):
            db = sqlite3.connect(":memory:", check_same_thread=False)
            tmp = None
        db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE words (key TEXT, word TEXT, zipf REAL)")
        db.executemany("INSERT INTO words VALUES (?, ?, ?)", rows)
        db.execute("CREATE INDEX words_key ON words (key)")
        db.execute("INSERT INTO meta VALUES ('version', ?)", (self.version,))
        db.commit()
        if tmp is None:
            return db
        db.close()
        try:
            os.replace(tmp, path)
        except OSError:
            pass
        opened = self._open(path) if path.exists() else None
        return opened or sqlite3.connect(tmp, check_same_thread=False)

    def candidates(self, keys: set[str]) -> list[tuple[str, float]]:
        """(word, zipf) for every word with one of these skeletons."""
        keys_list = sorted(keys)
        marks = ",".join("?" * len(keys_list))
        return self.db.execute(f"SELECT word, zipf FROM words WHERE key IN ({marks})", keys_list).fetchall()


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    return Lexicon()


def native(word: str) -> bool:
    """True when a Cyrillic word ends the way Russian and Ukrainian names do (-ов, -ский, -енко...)
    after a stem of three letters or more (Путин, but not Джина)."""
    m = _NATIVE.search(word.lower())
    return m is not None and m.start() >= 3


@lru_cache(maxsize=4096)
def native_compound(word: str) -> bool:
    """True for a Russian stump compound (Росбанк, Гидрометцентр, Балтфлот): a word that ends in an
    ordinary Russian noun of four letters or more, after a stem that starts an ordinary Russian word.

    Such institution names are Russian, so romanisation is their English form; respelling them
    finds English look-alikes ("Rosebank"). Only words the dictionary reads without a name tag
    count on either side, so a foreign name that happens to contain a Russian word stays foreign.
    """
    from ..text.morph import NAME_TAGS, PERSON_TAGS, PLACE_TAGS, analyser, parses

    low = word.lower().replace("ё", "е")
    if not low.isalpha() or len(low) < 7:
        return False
    if any(set(p.tag.grammemes) & (PERSON_TAGS | PLACE_TAGS) for p in parses(low, "ru")) and analyser("ru").word_is_known(low):
        return False  # a name the dictionary knows as one (Кембридж, Ливерпуль) is no compound of ordinary words

    def common(w: str) -> bool:
        """An ordinary noun in its dictionary form (банк, центр, качество): how a stump compound ends."""
        ps = parses(w, "ru")
        return analyser("ru").word_is_known(w) and any(
            p.tag.POS == "NOUN" and not set(p.tag.grammemes) & NAME_TAGS and {"nomn", "sing"} <= set(p.tag.grammemes)
            for p in ps)

    words = analyser("ru").dictionary.words
    for k in range(3, len(low) - 3):
        head, tail = low[:k], low[k:]
        if not common(tail):
            continue
        completions = [w for w, _ in zip(words.keys(head), range(30)) if len(w) > k + 1 and not w.startswith(low)]
        if any(common(w) or any(p.tag.POS in ("ADJF", "NOUN") and not set(p.tag.grammemes) & NAME_TAGS
                                for p in parses(w, "ru")) for w in completions):
            return True
    return False


@dataclass(frozen=True)
class Placement:
    """What the respeller made of one Cyrillic word.

    `status` is "native" (a Russian or Ukrainian ending: romanisation is its English form),
    "word" (the romanisation is itself a lexicon word: Gref), "none" (no word transcribes to it
    closely enough), "not sure" (a candidate, but too weak to write: see `SURE_ZIPF`) or
    "sure". `spelling` is the candidate (for "sure" and "not sure").
    """

    status: str
    spelling: str | None = None
    cost: float = 0.0  # alignment cost per letter of the best candidate
    zipf: float = 0.0  # its frequency in the word list


@lru_cache(maxsize=4096)
def place(word: str, romanised: str, given: bool = False) -> Placement:
    """Where the foreign name `word` (written in Cyrillic) comes from, with how sure that is.

    The best candidate is the one whose alignment cost per letter, less a frequency bonus, is
    lowest. It is "not sure" when it is rare as a word (under SURE_ZIPF: a name found only far
    down the word list, Orsk for Арск, Chanka for Чонка, is as likely a chance match as the name
    itself): then the name keeps its romanisation rather than a guess, and the glossary says so.
    (A rival spelling close in score, Jina or Jeana, Carl or Karl, was tried as a second sign of
    doubt; on the tune half it changed no wrong form into a right one and lost right ones.)
    """
    if len(word) < 3 or native(word) or not any("\u0400" <= c <= "\u04ff" for c in word):
        return Placement("native")
    if native_compound(word):
        return Placement("native")
    keys = {k for k in _cyrillic_keys(word) if len(k) >= 2}
    if not keys:
        return Placement("none")
    found = _lexicon().candidates(keys | {_latin_key(romanised)})
    if not given and any(w == romanised.lower() for w, _ in found):
        return Placement("word")
    letters = len(word)
    first = word[0].lower()
    plausible = [(c, z) for c, z in found if 0.5 <= len(c) / letters <= 2.0 and first in _STARTS.get(c[0], ())]
    # the most frequent ones: alignment is the slow part, and a name found only far down is a guess anyway
    plausible.sort(key=lambda cz: -cz[1])
    scored: list[tuple[float, float, float, str]] = []
    most = MAX_GIVEN_COST if given else MAX_COST
    # a candidate dearer than this is never taken: its alignment stops there (the slack covers the
    # rounding of cost / letters, so the same candidates pass, with the same costs)
    limit = most * letters * (1 + 1e-9)
    for cand, zipf in plausible[:MAX_CANDIDATES]:
        per_letter = alignment_cost(cand, word, limit) / letters
        if per_letter > most:
            continue
        scored.append((per_letter - FREQ_WEIGHT * zipf, per_letter, zipf, cand))
    if not scored:
        return Placement("none")
    scored.sort()
    _, per_letter, zipf, best = scored[0]
    spelling = best[:1].upper() + best[1:]
    if zipf < SURE_ZIPF:
        return Placement("not sure", spelling, per_letter, zipf)
    return Placement("sure", spelling, per_letter, zipf)


def respell(word: str, romanised: str, given: bool = False) -> str | None:
    """The Latin spelling a foreign name written in Cyrillic came from ("Крейг" -> "Craig"), or None.

    None for names that read as Russian or Ukrainian, when the romanisation `romanised` is
    itself a word of the lexicon (Gref), when no word transcribes to `word` closely enough, and
    when the best candidate is not sure (`place`).
    `given` marks the given name of a person whose surname is foreign: there the romanisation
    does not stand in the way ("Maks" is a word, but Макс Ферстаппен is Max).
    """
    p = place(word, romanised, given)
    return p.spelling if p.status == "sure" else None
