"""Stored word scores: the detector's evidence for the common words of a script family, worked out once.

A word's scores (`language.word_scores(word, family)`) are a pure function of the word, its script
family and the weights, and most of a run's detection goes into scoring words it has not met before
in that run, most of them common words of the family's languages. So, for the default weights, the
most frequent words of each family's word lists are scored once per install and their scores kept
as float64 in a file of the precompiled-tables folder (`text/precompiled.py`, rebuilt when the
profiles, the lists or the scoring code change); a run reads a word's floats there instead of
working them out, the same floats.

Layout of a table file (native byte order, as the folder is the machine's own): 8 bytes (little-endian) giving the length of a marshal header
`[count, width, blob]`, the header, then `count` uint32 keys (the CRC-32 of each word's UTF-8,
ascending), `count + 1` uint32 offsets of the words' UTF-8 in the blob that follows, the blob
(padded to 8 bytes), and `count` rows of `width` doubles. A word is found by bisecting the keys
and confirmed by its stored spelling, so a key two words share never answers for the wrong word
(words whose keys collide are left out when the table is written). The file is mapped, not read:
a run touches the pages of the words it looks up and no more.
"""

from __future__ import annotations

import marshal
import mmap
import re
import struct
import zlib
from array import array
from bisect import bisect_left
from pathlib import Path
from typing import Callable

# words of a family's lists kept, most frequent first; each Latin row is 31 doubles (248 bytes)
KEPT = {"latin": 120_000, "cyrillic": 40_000, "arabic": 60_000}
# a word the tokeniser gives whole: letters only (a Latin word with apostrophes is scored as its parts)
_LETTERS = re.compile(r"[^\W\d_]+")


class StoredScores:
    """One family's stored scores, mapped from the file `write_table` wrote."""

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        size = int.from_bytes(self._map[:8], "little")
        count, width, blob = marshal.loads(self._map[8:8 + size])
        view = memoryview(self._map)
        at = 8 + size
        self._keys = view[at:at + 4 * count].cast("I")
        at += 4 * count
        self._offsets = view[at:at + 4 * (count + 1)].cast("I")
        self._blob = at = at + 4 * (count + 1)
        self._rows = at + blob + (-blob % 8)
        self._row = struct.Struct(f"{width}d")
        self.count = count
        if len(self._map) != self._rows + self._row.size * count:
            raise ValueError(f"{path}: truncated")

    def found(self, words: list[str]) -> dict[str, tuple[float, ...]]:
        """The stored scores of those of `words` the table holds."""
        keys, offsets, count, blob, data = self._keys, self._offsets, self.count, self._blob, self._map
        unpack, size, rows = self._row.unpack_from, self._row.size, self._rows
        out = {}
        for word in words:
            spelt = word.encode("utf-8", "surrogatepass")
            i = bisect_left(keys, zlib.crc32(spelt))
            if i < count and data[blob + offsets[i]:blob + offsets[i + 1]] == spelt:
                out[word] = unpack(data, rows + size * i)
        return out


def write_table(path: Path, words: list[str], rows: list[tuple[float, ...]], width: int) -> None:
    """Write `words` with their score rows (each `width` floats) to `path` in `StoredScores`' layout."""
    by_key: dict[int, int | None] = {}
    spelt = [w.encode("utf-8", "surrogatepass") for w in words]
    for i, b in enumerate(spelt):
        key = zlib.crc32(b)
        by_key[key] = None if key in by_key else i  # a key two words share answers for neither
    kept = [(key, i) for key, i in sorted(by_key.items()) if i is not None]
    offsets, blob = array("I", [0]), bytearray()
    for _, i in kept:
        blob += spelt[i]
        offsets.append(len(blob))
    header = marshal.dumps([len(kept), width, len(blob)])
    values = array("d", [x for _, i in kept for x in rows[i]])
    keys = array("I", [key for key, _ in kept])
    with open(path, "wb") as f:
        f.write(len(header).to_bytes(8, "little"))
        f.write(header)
        f.write(keys.tobytes())
        f.write(offsets.tobytes())
        f.write(bytes(blob) + bytes(-len(blob) % 8))
        f.write(values.tobytes())


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
           score: Callable[[list[str]], list[tuple[float, ...]]], width: int) -> StoredScores | None:
    """The stored table `name`, built from `sources` if missing (`score(words())` gives its rows);
    None without a precompiled-tables folder or when the table cannot be built or read."""
    from ..text.precompiled import cached_file

    def build(tmp: Path) -> None:
        chosen = words()
        write_table(tmp, chosen, score(chosen), width)

    path = cached_file(name, sources, ".scores", build)
    if path is None:
        return None
    try:
        return StoredScores(path)
    except (OSError, ValueError, EOFError, TypeError):
        return None
