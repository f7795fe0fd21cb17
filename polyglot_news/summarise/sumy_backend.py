"""sumy's algorithms behind our `Summariser` protocol, fully offline.

sumy's own tokenizer needs NLTK's punkt data, which we never download: we hand it
our splitter and word tokenizer (`words.WordTokenizer`), the Snowball stemmer and the
English stop words sumy ships. sumy is imported only when one of these runs.
"""

from __future__ import annotations

import random
import zlib
from typing import Any

from .document import SummaryDocument
from .words import WordTokenizer, stem, stop_words, words_in

# Words that mark page furniture rather than news: Edmundson's "stigma" cue words.
_STIGMA_WORDS = ("click", "subscribe", "newsletter", "cookies", "advertisement", "copyright", "login", "register")



def _sumy_document(document: SummaryDocument) -> Any:
    """The sumy object model: the title as a heading, one paragraph per source segment."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = WordTokenizer()
    paragraphs = []
    if document.title:
        paragraphs.append(Paragraph([Sentence(document.title, tokenizer, is_heading=True)]))
    current: list = []
    paragraph = None
    for c in document.candidates:
        if c.paragraph != paragraph and current:
            paragraphs.append(Paragraph(current))
            current = []
        paragraph = c.paragraph
        current.append(Sentence(c.text, tokenizer))
    if current:
        paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs)


def _seeded_random_summarizer(seed: int) -> Any:
    """sumy's RandomSummarizer with its own seeded generator, so a run is repeatable."""
    from sumy.summarizers.random import RandomSummarizer

    class SeededRandomSummarizer(RandomSummarizer):
        def _get_random_ratings(self, sentences):
            ratings = list(range(len(sentences)))
            random.Random(seed).shuffle(ratings)
            return dict(zip(sentences, ratings))

    return SeededRandomSummarizer(stem)


def _summarizer(name: str, document: SummaryDocument) -> Any:
    """A configured sumy summarizer for `name` (one of `algorithms.SUMY_ALGORITHMS`)."""
    if name == "random":
        return _seeded_random_summarizer(zlib.crc32(" ".join(c.text for c in document.candidates).encode()))
    if name == "edmundson":
        from sumy.summarizers.edmundson import EdmundsonSummarizer

        summarizer = EdmundsonSummarizer(stem, cue_weight=1.0, key_weight=1.0, title_weight=1.0, location_weight=1.0)
        stops = stop_words()
        bonus = [w for w in words_in(document.title or "") if w.lower() not in stops]
        if not bonus:
            # Without a title, the article's most frequent content words stand in for it.
            counts: dict[str, int] = {}
            for c in document.candidates:
                for w in c.words:
                    if w.lower() not in stops:
                        counts[w.lower()] = counts.get(w.lower(), 0) + 1
            bonus = sorted(counts, key=lambda w: (-counts[w], w))[:10] or ["news"]
        summarizer.bonus_words = bonus
        summarizer.stigma_words = _STIGMA_WORDS
        summarizer.null_words = stops
        return summarizer
    module_class = {
        "lexrank": ("lex_rank", "LexRankSummarizer"),
        "textrank": ("text_rank", "TextRankSummarizer"),
        "lsa": ("lsa", "LsaSummarizer"),
        "luhn": ("luhn", "LuhnSummarizer"),
        "kl": ("kl", "KLSummarizer"),
        "sumbasic": ("sum_basic", "SumBasicSummarizer"),
        "reduction": ("reduction", "ReductionSummarizer"),
    }[name]
    import importlib

    module = importlib.import_module(f"sumy.summarizers.{module_class[0]}")
    summarizer = getattr(module, module_class[1])(stem)
    summarizer.stop_words = stop_words()
    return summarizer


class SumySummariser:
    """Ranks candidates with one of sumy's algorithms, named as in `algorithms.SUMY_ALGORITHMS`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def rank(self, document: SummaryDocument) -> list[int]:
        """Candidate indices, best first, in the order sumy's ratings put them."""
        if not document.candidates:
            return []
        model = _sumy_document(document)
        ranked: list[int] = []

        def keep_all(infos):
            # sumy passes the sentences sorted by rating; we keep its whole ranking.
            ranked.extend(info.order for info in infos)
            return infos

        _summarizer(self.name, document)(model, keep_all)
        return ranked
