"""Character n-gram language models read from langdetect's shipped profiles.

langdetect ships, per language, the counts of its most frequent 1-, 2- and 3-grams of
letters (word boundaries as spaces). We score a string deterministically with all its
n-grams (naive Bayes over relative frequencies) instead of langdetect's random sampling,
which is what makes langdetect unstable on short strings.

Serbian has no profile; it is Croatian written in Cyrillic, so its model is the Croatian
profile transliterated letter by letter (lj → љ, nj → њ, dž → џ, ...). Belarusian and
Kazakh have none either: a Belarusian word is respelt as Russian, Ukrainian and Polish
would write it and scored by the best of those profiles; a Kazakh word as Russian and
Turkish (a Turkic relative with the same vowel harmony and suffixes). The detector
charges these borrowed scores a small per-n-gram cost.

Each profile loads once, lazily, when a string in its script first needs it, from its
precompiled copy when one is kept (`text/precompiled.py`).
"""

from __future__ import annotations

import json
import marshal
import math
import mmap
import struct
import threading
import zlib
from array import array
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from itertools import repeat
from operator import add
from typing import Callable, Iterable

# Croatian/Serbian Latin → Serbian Cyrillic; digraphs first
_LATIN_TO_SERBIAN = (
    ("lj", "љ"), ("nj", "њ"), ("dž", "џ"), ("đ", "ђ"), ("ć", "ћ"), ("č", "ч"), ("š", "ш"),
    ("ž", "ж"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"),
    ("z", "з"), ("i", "и"), ("j", "ј"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
    ("h", "х"), ("c", "ц"),
)


def latin_to_serbian(text: str) -> str:
    """Transliterate Serbo-Croatian Latin letters to Serbian Cyrillic (lower case input)."""
    for latin, cyrillic in _LATIN_TO_SERBIAN:
        text = text.replace(latin, cyrillic)
    return text


def log_table(freq: dict[str, int], n_words: list[int]) -> tuple[dict[str, float], list[float]]:
    """A profile's log relative frequency per n-gram, and the floor per n-gram size for unseen ones."""
    logp: dict[str, float] = {}
    smallest = [0, 0, 0]
    for gram, count in freq.items():
        n = len(gram)
        logp[gram] = math.log(count / n_words[n - 1])
        smallest[n - 1] = count if not smallest[n - 1] else min(smallest[n - 1], count)
    # unseen n-grams count as half the rarest one kept: profiles were pruned below that
    return logp, [math.log(0.5 * max(1, smallest[n]) / n_words[n]) for n in range(3)]


class CharModel:
    """Log relative frequencies of one language's 1-3-grams, with a floor for unseen ones."""

    def __init__(self, lang: str, freq: dict[str, int], n_words: list[int]):
        self.lang = lang
        self.logp, self.floor = log_table(freq, n_words)

    @classmethod
    def from_table(cls, lang: str, logp: dict[str, float], floor: list[float]) -> "CharModel":
        """A model from what `log_table` returned (e.g. read back precompiled)."""
        m = cls.__new__(cls)
        m.lang, m.logp, m.floor = lang, logp, list(floor)
        return m

    def score(self, grams: tuple[list[str], list[str], list[str]]) -> float:
        """Sum of log relative frequencies of a word's 1-, 2- and 3-grams (see `grams_of`)."""
        get, floor = self.logp.get, self.floor
        return sum(sum(map(get, grams[n], repeat(floor[n], len(grams[n])))) for n in range(3))

    def score_word(self, word: str) -> float:
        """The score of one lower-case word's n-grams."""
        return self.score(grams_of(word))


class BorrowedModel:
    """A language without a profile, scored by a related language's model after respelling.

    Each word is respelt into the related language's orthography and scored there, per
    n-gram, so a word counts as likely if it looks like a word of the relative.
    """

    def __init__(self, lang: str, base: CharModel, respell: Callable[[str], str]):
        self.lang, self.base, self.respell = lang, base, respell

    def score_word(self, word: str) -> float:
        spelt = self.respell(word)
        # normalise to the original word's n-gram count so respelling cannot shorten the sum
        return self.base.score_word(spelt) * gram_count(word) / max(1, gram_count(spelt))


@lru_cache(maxsize=None)
def _profile_folder() -> Path:
    """langdetect's profile folder, found without importing langdetect (we only read its files)."""
    spec = find_spec("langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("langdetect is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "profiles"


def _read_profile(name: str) -> tuple[dict[str, int], list[int]]:
    data = json.loads((_profile_folder() / name).read_text(encoding="utf-8"))
    freq: dict[str, int] = {}
    for gram, count in data["freq"].items():
        low = gram.lower()
        # case folding that changes length (e.g. "İ") would break the 1-3 gram bookkeeping
        if len(low) == len(gram):
            freq[low] = freq.get(low, 0) + count
    return freq, data["n_words"]


def _serbian_profile() -> tuple[dict[str, int], list[int]]:
    croatian, n_words = _read_profile("hr")
    freq: dict[str, int] = {}
    for gram, count in croatian.items():
        # lj, nj, dž become one letter, so "nje" is the bigram "ње": count it as one
        cyr = latin_to_serbian(gram)
        freq[cyr] = freq.get(cyr, 0) + count
    return freq, n_words


_SOFT = "еёюяіь"


def _soften(word: str, table: dict[str, str]) -> str:
    """Respell Cyrillic letter by letter with `table`, marking consonants before a soft vowel.

    Keys like "ц+" apply to a consonant followed by е ё ю я і ь.
    """
    out = []
    for i, ch in enumerate(word):
        soft = i + 1 < len(word) and word[i + 1] in _SOFT
        out.append(table.get(ch + "+", table.get(ch, ch)) if soft else table.get(ch, ch))
    return "".join(out)


_BE_AS_RU = {"і": "и", "ў": "в", "э": "е", "'": "ъ", "ц+": "т", "дз": "д"}
_BE_AS_UK = {"ы": "и", "і": "і", "э": "е", "е": "є", "ў": "в", "ё": "ьо", "'": "'", "ц+": "т"}
_BE_AS_PL = {
    "а": "a", "б": "b", "в": "w", "г": "h", "д": "d", "е": "ie", "ё": "io", "ж": "ż", "з": "z",
    "з+": "ź", "і": "i", "й": "j", "к": "k", "л": "ł", "л+": "l", "м": "m", "н": "n", "н+": "ń",
    "о": "o", "п": "p", "р": "r", "с": "s", "с+": "ś", "т": "t", "у": "u", "ў": "ł", "ф": "f",
    "х": "ch", "ц": "c", "ц+": "ć", "ч": "cz", "ш": "sz", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "'": "j",
}
_KK_AS_RU = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}
_KK_AS_TR = {
    "а": "a", "ә": "e", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "yo",
    "ж": "c", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şç", "ъ": "",
    "ы": "ı", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def _respeller(table: dict[str, str]) -> Callable[[str], str]:
    plain = str.maketrans({k: v for k, v in table.items() if len(k) == 1})
    softened = frozenset(k[0] for k in table if k.endswith("+"))

    def respell(word: str) -> str:
        if "дз" in table:
            word = word.replace("дз", table["дз"])
        if softened.isdisjoint(word):
            return word.translate(plain)  # no consonant with a soft spelling: letter by letter, in C
        return _soften(word, table)

    return respell


# languages without a langdetect profile, modelled by relatives: (base language, respelling)
BORROWED: dict[str, tuple[tuple[str, Callable[[str], str]], ...]] = {
    "be": (("ru", _respeller(_BE_AS_RU)), ("uk", _respeller(_BE_AS_UK)), ("pl", _respeller(_BE_AS_PL))),
    "kk": (("ru", _respeller(_KK_AS_RU)), ("tr", _respeller(_KK_AS_TR))),
}


class BestOf:
    """The best score a word gets from several borrowed models (one language, several relatives)."""

    def __init__(self, lang: str, models: list[BorrowedModel]):
        self.lang, self.models = lang, models

    def score_word(self, word: str) -> float:
        return max(m.score_word(word) for m in self.models)


def _borrowed_scores(m: BestOf, words: list[str]) -> list[float]:
    """`m.score_word(word)` for each of `words`, each relative's respellings scored in one batch."""
    per_model = []
    for b in m.models:
        spelt = [b.respell(w) for w in words]
        base = family_table((b.base.lang,)).scores_many(spelt)
        per_model.append([s[0] * gram_count(w) / max(1, gram_count(sp)) for s, w, sp in zip(base, words, spelt)])
    return [max(scores) for scores in zip(*per_model)]


_lock = threading.RLock()
# profile file names that we report under another code
_PROFILE_NAMES = {"zh": "zh-cn"}


@lru_cache(maxsize=None)
def model(lang: str) -> CharModel | BestOf:
    """The character model of one language, loaded on first use (a few ms per profile)."""
    from ..text.precompiled import cached

    with _lock:
        if lang in BORROWED:
            return BestOf(lang, [BorrowedModel(lang, model(base), respell) for base, respell in BORROWED[lang]])
        if lang == "sr":
            name, build = "hr", lambda: log_table(*_serbian_profile())
        else:
            name = _PROFILE_NAMES.get(lang, lang)
            build = lambda: log_table(*_read_profile(name))  # noqa: E731
        # kept precompiled between runs (the JSON and the logs cost more than the rest of a short page)
        return CharModel.from_table(lang, *cached(f"ngrams-{lang}", [_profile_folder() / name], build))


def grams_of(word: str) -> tuple[list[str], list[str], list[str]]:
    """The 1-, 2- and 3-grams of one lower-case word padded with a space on each side."""
    padded = f" {word} "
    tail = padded[1:]
    # pairs and triples of neighbouring letters, joined in C (map stops at the shortest string)
    return list(word), list(map(add, padded, tail)), list(map(add, map(add, padded, tail), padded[2:]))


def gram_count(word: str) -> int:
    """How many n-grams `grams_of(word)` yields: 3 per letter, plus 1."""
    return 3 * len(word) + 1


class _Rows(dict):
    """n-gram -> row of log frequencies, each row made by `make` the first time it is asked for."""

    def __init__(self, make: Callable[[str], tuple[float, ...]]):
        super().__init__()
        self._make = make

    def __missing__(self, gram: str) -> tuple[float, ...]:
        row = self[gram] = self._make(gram)
        return row


class FamilyTable:
    """Every profiled language of a script family side by side: per n-gram, a tuple of log
    frequencies, one per language.

    Scoring a word then costs one look-up per n-gram instead of one per n-gram per language,
    and the per-language sums run in C (`sum` over a column). Each column is summed in the
    word's n-gram order, one n-gram size at a time, exactly as `CharModel.score` adds them, so
    the scores are the same floats. Rows are filled as n-grams are first met (a page meets a
    few thousand), so a one-page run pays for no more than it reads.
    """

    def __init__(self, langs: tuple[str, ...]):
        self.langs = langs
        self.columns = [i for i, lang in enumerate(langs) if lang not in BORROWED]
        profiled = tuple(langs[i] for i in self.columns)
        stored = _stored_rows(profiled)
        if stored is None:  # no precompiled folder: rows are read from the models' own tables
            models = [model(lang) for lang in profiled]
            self._stored, self._logps = None, [m.logp for m in models]
            self._floors = [[m.floor[n] for m in models] for n in range(3)]
        else:
            self._stored, self._floors = stored, stored.floors
            self._logps = None
        self._floor_rows = [tuple(floors) for floors in self._floors]
        self.rows: dict[str, tuple[float, ...]] = _Rows(self._row)
        self.others = [(i, model(langs[i])) for i in range(len(langs)) if i not in self.columns]
        self._plain = not self.others and self.columns == list(range(len(langs)))
        # for `scores_many`: each n-gram's row number in `_matrix`, and n-grams still to add to it
        self._ids: dict[str, int] = {}
        self._pending: list[str] = []
        self._matrix = None
        self._keys: _KeyedRows | None = None

    def _row(self, gram: str) -> tuple[float, ...]:
        if self._stored is not None:
            row = self._stored.get(gram)
            # an n-gram no profile holds has each language's floor
            return self._floor_rows[len(gram) - 1] if row is None else row
        n = len(gram) - 1
        return tuple(map(dict.get, self._logps, repeat(gram, len(self._logps)), self._floors[n]))

    def scores(self, word: str) -> list[float]:
        """`model(lang).score_word(word)` for every language of the family, in family order."""
        row = self.rows.__getitem__
        parts = [map(sum, zip(*map(row, grams))) for grams in grams_of(word)]
        profiled = list(map(sum, zip(*parts)))  # sum, as CharModel.score sums the three sizes
        return self._placed(word, profiled)

    def _placed(self, word: str, profiled: list[float]) -> list[float]:
        """The profiled languages' scores in family order, with the borrowed models' scores filled in."""
        if self._plain:
            return profiled
        out = [0.0] * len(self.langs)
        for j, i in enumerate(self.columns):
            out[i] = profiled[j]
        for i, m in self.others:
            out[i] = m.score_word(word)
        return out

    def scores_many(self, words: list[str]) -> list[list[float]]:
        """`scores(word)` for each of `words`, the same floats; over arrays when numpy is at hand.

        The array path sums each word's n-gram rows with a running (sequential) sum in the
        word's n-gram order, one n-gram size at a time, then the three sizes in order: the
        same float additions `scores` makes, so the same results.
        """
        matrix = self.scores_array(words)
        return [self.scores(w) for w in words] if matrix is None else matrix.tolist()

    def scores_array(self, words: list[str]):
        """`scores_many(words)` as a (words, languages) float64 array, or None when the batch is better
        scored word by word (a short batch, or a short run, which would pay more for numpy than arrays
        save); the caller then scores each word with `scores`."""
        _scored[0] += len(words)
        np = _numpy() if arrays_pay(len(words)) else None
        return None if np is None else self.arrays_of(np, words)

    def arrays_of(self, np, words: list[str]):
        """`scores_array(words)` over arrays whatever the batch's size (numpy given): for a caller that
        scores many words at once, uncounted in the run's tally of scored words."""
        profiled = np.empty((len(words), len(self.columns)), dtype=np.float64)
        keyed = self._keyed(np)
        by_length: dict[int, list[int]] = {}
        if keyed is not None:
            for i, w in enumerate(words):
                # words of like length together: a shorter word's n-gram rows past its last are zeros
                by_length.setdefault(min(len(w), 24) // 6, []).append(i)
            try:
                for group in by_length.values():
                    profiled[group] = keyed.scores(np, [words[i] for i in group])
            except UnicodeEncodeError:  # a lone surrogate has no code point array: n-gram by n-gram then
                keyed, by_length = None, {}
        if keyed is None:
            for i, w in enumerate(words):
                # words of like length together (a shorter word's missing n-grams add 0.0, row 0)
                by_length.setdefault(min(len(w), 24) // 4, []).append(i)
            for group in by_length.values():
                profiled[group] = self._profiled_arrays(np, [words[i] for i in group])
        if self._plain:
            return profiled
        out = np.zeros((len(words), len(self.langs)), dtype=np.float64)
        out[:, self.columns] = profiled
        for i, m in self.others:
            out[:, i] = _borrowed_scores(m, words)
        return out

    def _keyed(self, np) -> "_KeyedRows | None":
        """The stored rows as one matrix with integer keys for the n-grams (built on first use), or None
        without stored rows."""
        if self._stored is None:
            return None
        if self._keys is None:
            self._keys = _KeyedRows(np, self._stored)
        return self._keys

    def _profiled_arrays(self, np, words: list[str]):
        """The profiled languages' scores of words of one length, over arrays: (words, languages)."""
        ids = self._ids
        sizes: list[list[list[int]]] = [[], [], []]
        for word in words:
            for n, grams in enumerate(grams_of(word)):
                row = list(map(ids.get, grams))
                if None in row:
                    row = [self._id_of(g) for g in grams]
                sizes[n].append(row)
        matrix = self._grown(np)
        total = None
        for rows in sizes:
            # position-major: positions[k] holds every word's k-th n-gram (row 0, all zeros, past a
            # word's last); added one position at a time, each word's sum runs in its n-gram order
            width = max(map(len, rows))
            positions = np.array([row + [0] * (width - len(row)) for row in rows], dtype=np.intp).T
            part = _in_position_order(matrix[positions])
            total = part if total is None else total + part
        return total

    def _id_of(self, gram: str) -> int:
        k = self._ids.get(gram)
        if k is None:
            k = self._ids[gram] = len(self._ids) + 1  # row 0 is the zero row
            self._pending.append(gram)
        return k

    def _grown(self, np):
        """The row matrix: row `_ids[gram]` holds the n-gram's log frequencies, one column per profiled
        language; row 0 is all zeros."""
        pending = self._pending
        if self._matrix is None or pending:
            used = 1 + len(self._ids) - len(pending)  # rows filled so far, the zero row first
            if self._matrix is None or 1 + len(self._ids) > len(self._matrix):
                # room for twice as many rows, so growing costs little over a run
                grown = np.zeros((max(4096, 2 * (1 + len(self._ids))), len(self.columns)), dtype=np.float64)
                if self._matrix is not None:
                    grown[:used] = self._matrix[:used]
                self._matrix = grown
            if pending:
                rows = self.rows
                self._matrix[used:1 + len(self._ids)] = [rows[g] for g in pending]
                pending.clear()
        return self._matrix


# a batch of at least this many words is scored over arrays (when numpy is installed), once the run
# has scored ARRAY_AFTER words (a one-page run never imports numpy); the words the stored table
# answers (`known_words`) are not scored, so this is about as many pages as 3000 words were before it
ARRAY_BATCH = 16
ARRAY_AFTER = 1500
_scored = [0]
_long_run = [False]  # set by `expect_long_run`: arrays from the first batch on


def arrays_pay(words: int) -> bool:
    """Whether a batch of `words` words is scored over arrays: a batch long enough, in a run that has
    scored ARRAY_AFTER words or was declared long. Either way the scores are the same floats."""
    return words >= ARRAY_BATCH and (_long_run[0] or _scored[0] > ARRAY_AFTER)


def expect_long_run(families: Iterable[tuple[str, ...]]) -> None:
    """Ready this process for many pages (a batch's warm-up, before its workers fork): numpy and the
    keyed rows of `families` loaded now, and arrays used from the first batch, so each forked worker
    shares them instead of loading its own and scoring its first ARRAY_AFTER words one by one."""
    np = _numpy()
    if np is None:
        return
    _long_run[0] = True
    for langs in families:
        family_table(langs)._keyed(np)


@lru_cache(maxsize=None)
def _numpy():
    """numpy, or None when it is not installed (every score is then computed word by word)."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def _profile_source(lang: str) -> Path:
    """The langdetect profile a profiled language's model is read from."""
    return _profile_folder() / ("hr" if lang == "sr" else _PROFILE_NAMES.get(lang, lang))


def profile_sources(langs: tuple[str, ...]) -> list[Path]:
    """The langdetect profiles the models of `langs` are read from (a borrowed model's relatives')."""
    out: list[Path] = []
    for lang in langs:
        for base in [b for b, _ in BORROWED[lang]] if lang in BORROWED else [lang]:
            if _profile_source(base) not in out:
                out.append(_profile_source(base))
    return out


def _write_family_rows(langs: tuple[str, ...], path: Path) -> None:
    """Write the family's models side by side to `path`: every n-gram any of `langs` holds, with
    its row of log frequencies (each language's, else its floor) as doubles.

    Layout: 8 bytes (little-endian) giving the length of a marshal header `[grams, floors]`, the
    header, then one row of `len(langs)` native doubles per gram, in the header's order.
    """
    models = [model(lang) for lang in langs]
    floors = [[m.floor[n] for m in models] for n in range(3)]
    grams = sorted(set().union(*(m.logp for m in models)))
    header = marshal.dumps([grams, floors])
    logps = [m.logp for m in models]
    with open(path, "wb") as f:
        f.write(len(header).to_bytes(8, "little"))
        f.write(header)
        for g in grams:
            f.write(array("d", map(dict.get, logps, repeat(g, len(logps)), floors[len(g) - 1])).tobytes())


class _StoredRows:
    """A family's rows read from the precompiled file: the gram index in memory, the doubles
    mapped, so a run reads the pages of the rows it meets and no more."""

    def __init__(self, path: Path, langs: tuple[str, ...]):
        self.langs, width = langs, len(langs)  # the languages of the rows' columns, in order
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        size = int.from_bytes(self._map[:8], "little")
        grams, floors = marshal.loads(self._map[8:8 + size])
        self.floors = [list(f) for f in floors]
        self._start = 8 + size
        self._ids = dict(zip(grams, range(len(grams))))
        self._unpack = struct.Struct(f"{width}d").unpack_from
        self._size = 8 * width
        if len(self._map) != self._start + self._size * len(grams):
            raise ValueError(f"{path}: truncated")

    def get(self, gram: str) -> tuple[float, ...] | None:
        k = self._ids.get(gram)
        return None if k is None else self._unpack(self._map, self._start + self._size * k)


def _in_position_order(gathered):
    """The sum over the first axis of gathered rows (position, word, language), added one position at a
    time: elementwise, so each word's sum runs in its n-gram order (numpy's sum would add pairwise)."""
    part = gathered[0]
    for k in range(1, len(gathered)):
        part += gathered[k]
    return part


class _KeyedRows:
    """A family's stored rows as one matrix, each n-gram named by an integer key, so the words of a
    batch are turned into rows by array look-ups instead of a dict look-up per n-gram.

    Each letter of the profiles has a number 1..K (0: a letter no profile holds); an n-gram's key
    is its letters' numbers as digits in base K + 1, one sorted key array per n-gram size. A key
    with a 0 digit is no stored n-gram's, and gets that size's floor row, as in `FamilyTable._row`.
    """

    def __init__(self, np, stored: _StoredRows):
        n, width = len(stored._ids), len(stored.floors[0])
        rows = np.frombuffer(stored._map, dtype=np.float64, count=n * width, offset=stored._start).reshape(n, width)
        # the stored rows, then each size's floor row, then a row of zeros
        self.matrix = np.vstack([rows, np.array(stored.floors, dtype=np.float64), np.zeros((1, width))])
        self.floor = [n, n + 1, n + 2]
        self.zero = n + 3
        arrays = _stored_key_arrays(np, stored)
        self.letters, self.number_of = arrays["letters"], arrays["number_of"]
        self.base = len(self.letters) + 1
        self.keys = [arrays[f"keys{size}"] for size in (1, 2, 3)]
        self.rows = [arrays[f"rows{size}"] for size in (1, 2, 3)]
        self.dense = [arrays[f"dense{size}"] for size in (1, 2)]

    @staticmethod
    def arrays_of(np, grams: list[str]) -> dict:
        """The key arrays of a family whose stored rows hold `grams` (in row order): its letters, their
        numbers by code point, and per n-gram size the sorted keys with their row numbers; for sizes 1
        and 2 also a dense table from key to row (the size's floor row for a key no gram has)."""
        n = len(grams)
        floor = [n, n + 1, n + 2]
        lengths = np.fromiter(map(len, grams), dtype=np.int64, count=n)
        points = np.frombuffer("".join(grams).encode("utf-32-le"), dtype=np.uint32)
        letters = np.union1d(points, np.array([32], dtype=np.uint32))  # the padding space too
        base = len(letters) + 1
        numbers = np.searchsorted(letters, points).astype(np.int64) + 1
        starts = np.cumsum(lengths) - lengths
        out = {"letters": letters}
        for size in (1, 2, 3):
            at = np.nonzero(lengths == size)[0]
            key = np.zeros(len(at), dtype=np.int64)
            for j in range(size):
                key = key * base + numbers[starts[at] + j]
            order = np.argsort(key, kind="stable")
            out[f"keys{size}"], out[f"rows{size}"] = key[order], at[order]
        # letters and 1- and 2-grams are few enough to look up in dense tables (3-grams are searched):
        # a code point's letter number (0 past the last letter), a 1- or 2-gram key's row (else the floor)
        number_of = np.zeros(int(letters.max()) + 2, dtype=np.int64)
        number_of[letters] = np.arange(1, len(letters) + 1)
        out["number_of"] = number_of
        for size in (1, 2):
            table = np.full(base ** size, floor[size - 1], dtype=np.intp)
            table[out[f"keys{size}"]] = out[f"rows{size}"]
            out[f"dense{size}"] = table
        return out

    def _numbers(self, np, words: list[str], length: int):
        """Each word's letters as their numbers (0 for a letter no profile holds), padded with a space
        on each side and then, past that, with 0 up to `length` letters: shape (words, length + 2)."""
        # NUL is no letter of a word, so no profile holds it: it becomes 0 like any unknown letter
        padded = "".join(f" {w} ".ljust(length + 2, "\0") for w in words)
        points = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).reshape(len(words), length + 2)
        return self.number_of[np.minimum(points, len(self.number_of) - 1)]

    def _row_ids(self, np, size: int, key):
        if size < 3:
            return self.dense[size - 1][key]
        keys = self.keys[size - 1]
        if not len(keys):
            return np.full(key.shape, self.floor[size - 1])
        at = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
        return np.where(keys[at] == key, self.rows[size - 1][at], self.floor[size - 1])

    def scores(self, np, words: list[str]):
        """The profiled languages' scores of words, a (words, languages) array: per size, each word's n-gram rows added in its
        n-gram order (position by position; past a shorter word's last n-gram its rows are zeros, and
        adding 0.0 changes no sum), then the three sizes in order, as `FamilyTable.scores` adds them."""
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        length = int(lengths.max())
        p = self._numbers(np, words, length)
        b = self.base
        keys = (p[:, 1:length + 1], p[:, :-1] * b + p[:, 1:], (p[:, :-2] * b + p[:, 1:-1]) * b + p[:, 2:])
        total = None
        for size, key in enumerate(keys, 1):
            ids = self._row_ids(np, size, key)
            # a word of n letters has n 1-grams, n + 1 2-grams and n 3-grams (`grams_of`)
            past = np.arange(key.shape[1])[None, :] >= (lengths + (1 if size == 2 else 0))[:, None]
            ids[past] = self.zero
            part = _in_position_order(self.matrix[ids.T])  # (position, word, language)
            total = part if total is None else total + part
        return total


def _family_key(langs: tuple[str, ...]) -> tuple[str, list[Path]]:
    """A family's tag for table names, and the sources its precompiled tables are made from."""
    tag = "-".join(langs) if len(langs) <= 4 else f"{langs[0]}-{len(langs)}-{zlib.crc32(' '.join(langs).encode()):08x}"
    # this file is a source too: how a profile becomes log frequencies is written here
    return tag, [Path(__file__), *(_profile_source(lang) for lang in langs)]


def _stored_rows(langs: tuple[str, ...]) -> _StoredRows | None:
    """The family's rows kept precompiled (`_write_family_rows`), or None without a precompiled folder.

    One file a family instead of one table a language: a one-page run then maps the rows
    instead of building every language's dict of floats (a third of its detection).
    """
    from ..text.precompiled import cached_file

    tag, sources = _family_key(langs)
    path = cached_file(f"family-{tag}", sources, ".rows", lambda tmp: _write_family_rows(langs, tmp))
    if path is None:
        return None
    try:
        return _StoredRows(path, langs)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _stored_key_arrays(np, stored: _StoredRows) -> dict:
    """`_KeyedRows.arrays_of` the family's stored grams, kept precompiled beside its rows (a batch's
    warm-up would otherwise sort them again in every run); each array read back as it was written."""
    from ..text.precompiled import cached

    tag, sources = _family_key(stored.langs)
    made = cached(f"keys-{tag}", sources, lambda: {name: (a.dtype.str, a.shape, a.tobytes()) for name, a in
                                                   _KeyedRows.arrays_of(np, list(stored._ids)).items()})
    return {name: np.frombuffer(raw, dtype=np.dtype(dtype)).reshape(shape) for name, (dtype, shape, raw) in made.items()}


@lru_cache(maxsize=None)
def family_table(langs: tuple[str, ...]) -> FamilyTable:
    """The n-gram table of a family's languages, built once per run on first use."""
    with _lock:
        return FamilyTable(langs)
