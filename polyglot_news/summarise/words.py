"""Words of an English sentence for the summarisers: tokens, stems, stop words, all offline.

The stop words are the English list sumy ships in its package data; the stemmer is
the Snowball English stemmer from `snowballstemmer` (pure Python, loads in a tenth of a
second, where importing NLTK's copy of it takes seconds). Both load on first use.
"""

from __future__ import annotations

import pkgutil
import re
from functools import lru_cache

from ..text.sentences import split_sentences

# A word: letters or digits, with inner apostrophes, hyphens or dots ("don't", "e-mail", "U.S").
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


def words_in(text: str) -> tuple[str, ...]:
    """The word tokens of a text, in order, punctuation dropped, case kept."""
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words from sumy's package data, lower-cased."""
    data = pkgutil.get_data("sumy", "data/stopwords/english.txt") or b""
    return frozenset(w.strip().lower() for w in data.decode("utf-8").splitlines() if w.strip())


@lru_cache(maxsize=1)
def _snowball():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter2) stem of a word, lower-cased."""
    return _snowball().stemWord(word.lower())


def content_stems(words: tuple[str, ...]) -> tuple[str, ...]:
    """The stems of the words that are not stop words and not pure numbers, in order."""
    stops = stop_words()
    return tuple(stem(w) for w in words if w.lower() not in stops and not w.replace(".", "").isdigit())


class WordTokenizer:
    """The tokenizer object sumy expects (`to_sentences`, `to_words`), with our offline splitter."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph, "en"))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return words_in(sentence)
