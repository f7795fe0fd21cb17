"""The same story from several sources, found among a day's digests.

Two digests are near-duplicates when their English title and summary share enough word
pairs (shingles) or content words, or when they name the same people, places and
organisations and also share some content words (a translated report rarely shares word
pairs with the original), or when they share four or more names and most of their names
(an untranslated report has no English words to compare). Near-duplicates are grouped
transitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Digest

_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just me more most my no nor
    not now of off on once only or other our out over own same she should so some such than that the
    their them then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your said says say told new one two year
    years last first after week day people""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _stem(word: str) -> str:
    """A crude English stem: enough for "districts"/"district" and "opened"/"opens" to meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:8]


def story_words(digest: Digest) -> list[str]:
    """The content words of a digest's English title and summary, stemmed, in order."""
    text = " ".join([digest.title or "", *(s.text for s in digest.summary)])
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    return [_stem(w) for w in words if len(w) > 2 and w not in _STOPWORDS]


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass
class Similarity:
    """How alike two digests are: shingle, content-word and named-term overlap (Jaccard, 0..1)."""

    shingles: float
    words: float
    terms: float
    shared_terms: int
    shared_words: int = 0

    @property
    def same_story(self) -> bool:
        """The decision rule; thresholds picked on hand-made pairs (see tests/test_daily.py)."""
        return (
            self.shingles >= 0.3
            or self.words >= 0.45
            or (self.shared_terms >= 2 and self.terms >= 0.4 and self.words >= 0.15 and self.shared_words >= 3)
            # an untranslated report shares no English words, only its names
            or (self.shared_terms >= 4 and self.terms >= 0.5)
        )


def _features(digest: Digest) -> tuple[set, set, set]:
    words = story_words(digest)
    shingles = {(a, b) for a, b in zip(words, words[1:])}
    terms = {t.term.casefold() for t in digest.glossary}
    return shingles, set(words), terms


def similarity(a: Digest, b: Digest) -> Similarity:
    """How alike two digests are as stories (see `Similarity`)."""
    return _similar(_features(a), _features(b))


def _similar(fa: tuple[set, set, set], fb: tuple[set, set, set]) -> Similarity:
    return Similarity(_jaccard(fa[0], fb[0]), _jaccard(fa[1], fb[1]), _jaccard(fa[2], fb[2]), len(fa[2] & fb[2]), len(fa[1] & fb[1]))


def story_groups(digests: list[Digest]) -> list[list[int]]:
    """Indexes of `digests` grouped by story (near-duplicates together), each group in input order."""
    feats = [_features(d) for d in digests]
    parent = list(range(len(digests)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(digests)):
        for j in range(i + 1, len(digests)):
            if _similar(feats[i], feats[j]).same_story:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(digests)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())
