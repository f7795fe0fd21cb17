"""Stored word scores: the detector's evidence for the common words of a script family, worked out once.

A word's scores (`language.word_scores(word, family)`) are a pure function of the word, its script
family and the weights, and most of a run's detection goes into scoring words it has not met before
in that run, most of them common words of the family's languages. So, for the default weights, the
most frequent words of each family's word lists are scored once per install and their scores kept
as float64 in a file of the precompiled-tables folder (`text/precompiled.py`, rebuilt when the
profiles, the lists or the scoring code change); a run reads a word's floats there instead of
working them out, the same floats.

Layout of a table file (numbers in the machine's byte order, as the folder is the machine's own):
8 bytes (little-endian) giving the length of a marshal header `[count, width, blob]`, the header,
then `count` uint32 keys (the CRC-32 of each word's UTF-8, ascending), `count + 1` uint32 offsets
of the words' UTF-8 in the blob that follows, the blob (padded to 8 bytes), and `count` rows of
`width` doubles. A word is found by bisecting the keys and confirmed by its stored spelling, so a
key two words share never answers for the wrong word (words whose keys collide are left out when
the table is written). A table of 120,000 Latin words takes 30 MB on disk; a run reads its keys
and spellings (2 MB) and, from the file, the row of each word it finds.
"""

from __future__ import annotations

import marshal
import os
import re
import struct
import threading
import zlib
from array import array
from bisect import bisect_left
from itertools import chain
from pathlib import Path
from typing import Callable

# words of a family's lists kept, most frequent first; each Latin row is 31 doubles (248 bytes)
KEPT = {"latin": 120_000, "cyrillic": 40_000, "arabic": 60_000}
BUILD_BATCH = 2048  # words scored at once when a table is built
# a word the tokeniser gives whole: letters only (a Latin word with apostrophes is scored as its parts)
_LETTERS = re.compile(r"[^\W\d_]+")
_PREAD = getattr(os, "pread", None)
_building = threading.Lock()


class StoredScores:
    """One family's stored scores, from the file `write_table` wrote: the keys and spellings read into
    memory (a few MB), each row read from the file when its word is looked up.

    Not mapped: the kernel maps a file's pages in large runs, so a few look-ups in a mapped table
    would count most of its 30 MB in the process's memory.
    """

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            size = int.from_bytes(f.read(8), "little")
            count, width, blob = marshal.loads(f.read(size))
            self._keys = array("I")
            self._keys.frombytes(f.read(4 * count))
            self._offsets = array("I")
            self._offsets.frombytes(f.read(4 * (count + 1)))
            self._blob = f.read(blob)
            end = f.seek(0, os.SEEK_END)
        self._rows = 8 + size + 8 * count + 4 + blob + (-blob % 8)
        self._row = struct.Struct(f"{width}d")
        self.count = count
        if len(self._keys) != count or len(self._offsets) != count + 1 or end != self._rows + self._row.size * count:
            raise ValueError(f"{path}: truncated")
        # a descriptor, not a file object, kept open for the run (read at an offset, so threads and
        # forked workers may share it)
        self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        self._lock = threading.Lock()

    def _read_at(self, size: int, offset: int) -> bytes:
        if _PREAD is not None:
            return _PREAD(self._fd, size, offset)
        with self._lock:  # no pread (Windows): seek, then read
            os.lseek(self._fd, offset, os.SEEK_SET)
            return os.read(self._fd, size)

    def found(self, words: list[str]) -> dict[str, tuple[float, ...]]:
        """The stored scores of those of `words` the table holds."""
        keys, offsets, count, blob = self._keys, self._offsets, self.count, self._blob
        unpack, size, rows, fd = self._row.unpack, self._row.size, self._rows, self._fd
        pread = _PREAD or (lambda _, n, at: self._read_at(n, at))
        out = {}
        for word in words:
            spelt = word.encode("utf-8", "surrogatepass")
            i = bisect_left(keys, zlib.crc32(spelt))
            if i < count and blob[offsets[i]:offsets[i + 1]] == spelt:
                out[word] = unpack(pread(fd, size, rows + size * i))
        return out


def write_table(path: Path, words: list[str], score: Callable[[list[str]], list[tuple[float, ...]]],
                width: int) -> None:
    """Write `words` with their score rows (`score(some words)`, `width` floats each) to `path` in
    `StoredScores`' layout; the words are scored a few thousand at a time, in the file's order, so
    the rows of only one batch are held at once."""
    words = list(dict.fromkeys(words))
    # (key, word) pairs by key; a key two words share answers for neither, so both are left out
    pairs = sorted(zip(map(zlib.crc32, (w.encode("utf-8", "surrogatepass") for w in words)), words))
    shared = {a for (a, _), (b, _) in zip(pairs, pairs[1:]) if a == b}
    kept = [(key, word) for key, word in pairs if key not in shared]
    del pairs
    offsets, blob = array("I", [0]), bytearray()
    for _, word in kept:
        blob += word.encode("utf-8", "surrogatepass")
        offsets.append(len(blob))
    header = marshal.dumps([len(kept), width, len(blob)])
    with open(path, "wb") as f:
        f.write(len(header).to_bytes(8, "little"))
        f.write(header)
        f.write(array("I", [key for key, _ in kept]).tobytes())
        f.write(offsets.tobytes())
        f.write(bytes(blob) + bytes(-len(blob) % 8))
        for at in range(0, len(kept), BUILD_BATCH):
            rows = score([word for _, word in kept[at:at + BUILD_BATCH]])
            f.write(array("d", chain.from_iterable(rows)).tobytes())


def common_words(family: str, candidates: list[str], in_script: Callable[[str], bool]) -> list[str]:
    """The first `KEPT[family]` of `candidates` (most frequent first) that a text of the family's script
    yields as whole words: letters of that script only, lower case as the tokeniser folds them, NFC."""
    import unicodedata

    out = []
    limit = KEPT.get(family, 0)
    for w in candidates:
        if len(out) >= limit:
            break
        if _LETTERS.fullmatch(w) and w.casefold() == w and in_script(w) and unicodedata.is_normalized("NFC", w):
            out.append(w)
    return out


def stored(name: str, sources: list[Path], words: Callable[[], list[str]],
           score: Callable[[list[str]], list[tuple[float, ...]]], width: int, build: bool = True) -> StoredScores | None:
    """The stored table `name`, built from `sources` if missing and `build` (`score(words())` gives its
    rows); None without a precompiled-tables folder, when it is missing and not to be built, or when
    it cannot be built or read."""
    from ..text.precompiled import cached_file

    def write(tmp: Path) -> None:
        write_table(tmp, words(), score, width)

    with _building:  # threads of one process would write the same temporary file
        path = cached_file(name, sources, ".scores", write if build else None)
    if path is None:
        return None
    try:
        return StoredScores(path)
    except (OSError, ValueError, EOFError, TypeError):
        return None
