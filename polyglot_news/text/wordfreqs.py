"""How frequent a word is in each language, from the `wordfreq` package's small lists.

A single word is too short for character statistics to be sure of, but whether it is
a known word of a language, and how common, is strong evidence: "subscribe" is a
frequent English word and not a Romanian one. We read wordfreq's "small" lists (words
used at least once per million) for the languages we route.

Held in memory, the 16 lists cost about 0.25 CPU-s to load and 60 MB, more than the rest
of a one-page digest's detection. So they are kept, once converted, in one SQLite file in
the precompiled-tables folder (`precompiled.py`), and each distinct word is looked up there
(all languages in one query, a whole text at a time), a few microseconds a word; the file is
rebuilt when wordfreq's lists change. A long run stays on the file too: over a folder of 150 pages
the lists in memory cost 60 MB more at the peak and more CPU (their load, and the collector's
rescans of 600,000 more objects) than the queries for its 40,000 distinct words. A caller that
looks up the whole vocabulary (a large day's story grouping) asks for the lists in memory
(`answer_from_memory`). Without that folder (POLYGLOT_NEWS_TABLES=off, an unwritable disk) the
lists are read into memory, lazily, as before. Both give the same figures.

Serbian's list ("sh") is in Latin script, so Cyrillic words are transliterated first.
Languages without a list (Belarusian, Kazakh) get None from `log_frequency`.
"""

from __future__ import annotations

import math
import os
import threading
from functools import lru_cache
from itertools import repeat

# languages we look up, with wordfreq's code for each
LISTS: dict[str, str] = {
    "en": "en", "de": "de", "fr": "fr", "es": "es", "it": "it", "pt": "pt", "pl": "pl",
    "nl": "nl", "ru": "ru", "uk": "uk", "bg": "bg", "mk": "mk", "sr": "sh",
    "ar": "ar", "fa": "fa", "ur": "ur",
}

_SERBIAN_TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "č", "џ": "dž", "ш": "š",
})

_lock = threading.Lock()


def _read_list(code: str) -> dict[str, float] | None:
    """wordfreq's "small" list for `code` as {word: log10 frequency}, read straight from its file.

    The same numbers `math.log10(wordfreq.get_frequency_dict(code, "small")[word])` gives, without
    importing wordfreq itself (its tokeniser pulls in ftfy, langcodes and regex: 0.2 s of start-up).
    """
    folder = _data_folder()
    try:
        import gzip

        import msgpack

        if folder is None:
            return None  # the detector still works on character statistics alone
        with gzip.open(folder / f"small_{code}.msgpack.gz", "rb") as infile:
            pack = msgpack.load(infile, raw=False)
    except (ImportError, OSError):
        return None
    header = pack[0] if pack else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    table: dict[str, float] = {}
    for index, bucket in enumerate(pack[1:]):
        # wordfreq's own conversion (cB_to_freq), then its log, so every figure is unchanged
        # (a later bucket overwrites an earlier one, as wordfreq's own loop does)
        table.update(dict.fromkeys(bucket, math.log10(10 ** (-index / 100))))
    return table


@lru_cache(maxsize=None)
def _data_folder():
    """wordfreq's data folder, found without importing the package (find_spec only locates it)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data"


@lru_cache(maxsize=None)
def _frequencies(lang: str) -> dict[str, float] | None:
    code = LISTS.get(lang)
    if code is None:
        return None
    with _lock:
        return _read_list(code)


class _Store:
    """The lists in one read-only SQLite file: (word, lang) -> log10 frequency, and which languages have one.

    A connection is opened per process (one inherited across a fork is never used) and shared by
    threads under a lock.
    """

    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._pid = -1
        self._con = None
        self.listed = frozenset(lang for (lang,) in self._query("SELECT lang FROM lists", ()))

    def _connected(self):
        """This process's connection (opened on first use); the caller holds the lock."""
        import sqlite3

        if self._pid != os.getpid():
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            return self._connected().execute(sql, args).fetchall()

    def column(self, sql: str, args: tuple) -> list:
        """The first column of the rows `sql` selects, read a batch of rows at a time."""
        with self._lock:
            cursor = self._connected().execute(sql, args)
            out = []
            while rows := cursor.fetchmany(4096):
                out += [row[0] for row in rows]
            return out

    def found(self, keys: list[str]) -> dict[str, dict[str, float]]:
        """Each of `keys` with {lang: log10 frequency} for the lists that hold it ({} for none)."""
        out: dict[str, dict[str, float]] = {k: {} for k in keys}
        for i in range(0, len(keys), 500):  # SQLite takes a bounded number of parameters
            chunk = keys[i:i + 500]
            sql = f"SELECT word, lang, lf FROM freq WHERE word IN ({','.join('?' * len(chunk))})"
            for w, lang, lf in self._query(sql, tuple(chunk)):
                out[w][lang] = lf
        return out


def _build_store(path) -> None:
    """Write every list we route into a new SQLite file at `path`."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        con.execute("CREATE TABLE lists (lang TEXT PRIMARY KEY)")
        con.execute("CREATE TABLE freq (word TEXT NOT NULL, lang TEXT NOT NULL, lf REAL NOT NULL, "
                    "PRIMARY KEY (word, lang)) WITHOUT ROWID")
        for lang, code in LISTS.items():
            table = _read_list(code)
            if table is None:
                continue
            con.execute("INSERT INTO lists VALUES (?)", (lang,))
            con.executemany("INSERT INTO freq VALUES (?, ?, ?)", ((w, lang, f) for w, f in table.items()))
        con.commit()
    finally:
        con.close()


@lru_cache(maxsize=None)
def _store() -> _Store | None:
    """The SQLite store of the lists, built on first use; None without the precompiled folder."""
    folder = _data_folder()
    if folder is None:
        return None
    from .precompiled import cached_file

    path = cached_file("wordfreq-small", list_sources(), ".sqlite3", _build_store)
    if path is None:
        return None
    try:
        return _Store(path)
    except Exception:  # sqlite3.Error: a damaged file; the lists in memory still answer
        return None


def list_sources() -> list:
    """The files of wordfreq's lists that we route (those installed), for a derived table's sources."""
    folder = _data_folder()
    if folder is None:
        return []
    sources = sorted(folder / f"small_{code}.msgpack.gz" for code in LISTS.values())
    return [p for p in sources if p.exists()]


def has_list(lang: str) -> bool:
    """True when `lang` has a word list (so a miss there is evidence against it)."""
    store = _from_store()
    if store is not None:
        return lang in store.listed
    return _frequencies(lang) is not None


def log_frequency(word: str, lang: str) -> float | None:
    """log10 of how often `word` (any case) occurs in `lang` (e.g. -2.0 for 1 in 100).

    Returns None when `lang` has no list, and -inf for a word its list does not hold.
    """
    return frequencies(word.casefold(), (lang,))[0]


# the keys looked up in the store lately, with what the lists hold for each: two generations of at
# most FOUND_KEPT keys (when the newer fills, the older is dropped), so a long run's memory is bounded
FOUND_KEPT = 50_000
_found: dict[str, dict[str, float]] = {}
_found_before: dict[str, dict[str, float]] = {}
_in_memory = [False]


def answer_from_memory() -> None:
    """From now on answer from the lists in memory (read once, 0.25 s and 60 MB): for a caller that
    will look up most of the lists' words (a large day's story grouping), where that beats a query."""
    _in_memory[0] = True


def _from_store() -> _Store | None:
    """The store, unless the lists answer from memory (or there is no store)."""
    return None if _in_memory[0] else _store()


def prefetch(words, langs: tuple[str, ...] = ()) -> None:
    """Look up many casefolded words at once (one query for a whole text instead of one a word).

    `frequencies` then answers them from memory. Pass the languages that will be asked about,
    so Serbian's transliterated keys come along. A no-op without the store.
    """
    global _found, _found_before
    store = _from_store()
    if store is None:
        return
    new = {w for w in words if w not in _found}  # a Serbian key missed here is fetched by `frequencies`
    if not new:
        return
    if "sr" in langs:
        new |= {serbian_latin(w) for w in new}
    missing = [k for k in new if k not in _found]
    if len(_found) + len(missing) > FOUND_KEPT:
        _found_before, _found = _found, {}
    # a key of the older generation is carried over; only keys of neither are queried
    carried = [k for k in missing if k in _found_before]
    _found.update((k, _found_before[k]) for k in carried)
    if len(carried) < len(missing):
        _found.update(store.found(sorted(k for k in missing if k not in _found_before)))


@lru_cache(maxsize=64)
def _tables(langs: tuple[str, ...]) -> tuple[tuple[dict[str, float] | None, bool], ...]:
    """Each language's list in memory (None without one), and whether it is Serbian's."""
    return tuple((_frequencies(lang), lang == "sr") for lang in langs)


@lru_cache(maxsize=64)
def _listed(langs: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    store = _store()
    return tuple((lang, lang in store.listed) for lang in langs)


def frequencies(word: str, langs: tuple[str, ...]) -> tuple[float | None, ...]:
    """`log_frequency` of a casefolded `word` in each of `langs`, in one look-up (see `prefetch`)."""
    serbian = serbian_latin(word) if "sr" in langs else word
    if _from_store() is None:
        return tuple([None if table is None else table.get(serbian if sr else word, -math.inf)
                      for table, sr in _tables(langs)])
    if word not in _found or serbian not in _found:
        prefetch((word, serbian), langs)  # both keys: either may have gone with an older generation
    here, there = _found.get(word, {}), _found.get(serbian, {})
    if not here and not there:
        return tuple(-math.inf if listed else None for _, listed in _listed(langs))
    return tuple((there if lang == "sr" else here).get(lang, -math.inf) if listed else None
                 for lang, listed in _listed(langs))


def most_frequent(langs: tuple[str, ...], limit: int) -> list[str]:
    """The `limit` most frequent words of `langs`' lists (by each word's highest log10 frequency in any
    of them; ties in code-point order), for a builder of derived tables; [] without the store.
    Serbian's words are in Latin script, as its list is."""
    store = _store()
    if store is None:
        return []
    listed = [lang for lang in langs if lang in store.listed]
    sql = (f"SELECT word FROM freq WHERE lang IN ({','.join('?' * len(listed))}) "
           "GROUP BY word ORDER BY MAX(lf) DESC, word LIMIT ?")
    return store.column(sql, (*listed, limit)) if listed else []


def listed_of(langs: tuple[str, ...]) -> tuple[str, ...]:
    """The languages of `langs` that have a word list, in order (those `frequency_rows` answers for)."""
    if _from_store() is None:
        return tuple(lang for lang, (table, _) in zip(langs, _tables(langs)) if table is not None)
    return tuple(lang for lang, listed in _listed(langs) if listed)


def frequency_rows(words: list[str], langs: tuple[str, ...], keep: bool = True) -> list[list[float]]:
    """`frequencies(word, langs)` for each casefolded word of `words`, the languages without a list
    (`None` there, for every word alike) left out: one row per word over `listed_of(langs)`.

    The same figures, with the Python of a call per word saved: the words are looked up together.
    With `keep` False they are not kept in memory for `frequencies` (for a builder of a derived
    table, whose many words the run will not ask about again).
    """
    inf = -math.inf
    listed = listed_of(langs)
    sr = "sr" in listed
    if _from_store() is None:
        tables = _tables(listed)
        return [[table.get(serbian_latin(w) if s else w, inf) for table, s in tables] for w in words]
    if keep:
        prefetch(words, langs)
        found = _found
    else:  # every key found: those no list holds with {}
        found = _store().found(sorted(set(words) | ({serbian_latin(w) for w in words} if sr else set())))
    out = []
    empty: dict[str, float] = {}
    for word in words:
        here = found.get(word)
        there = found.get(serbian_latin(word)) if sr else here
        if here is None or there is None:  # dropped with an older generation: looked up again
            frequencies(word, langs)
            found = _found
            here, there = found[word], found[serbian_latin(word)] if sr else found[word]
        if sr:
            out.append([(there if lang == "sr" else here).get(lang, inf) for lang in listed])
        else:
            out.append(list(map((here or empty).get, listed, repeat(inf))))
    return out


def log_frequencies(lang: str) -> dict[str, float] | None:
    """The whole list of `lang` as {casefolded word: log10 frequency} (None without a list), read
    into memory; `frequencies` answers word by word without loading it. Serbian keys are in Latin
    script (see `serbian_latin`)."""
    return _frequencies(lang)


def serbian_latin(word: str) -> str:
    """A Serbian Cyrillic word in the Latin script its word list is keyed in."""
    return word.translate(_SERBIAN_TO_LATIN)
