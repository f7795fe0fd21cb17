"""The language of every segment, robust on one-word UI strings.

`detect_language(text, prior=None)` weighs, per candidate language:
  - the script (Cyrillic text is one of ru uk be bg sr mk kk; Hangul is Korean, ...);
  - each alphabet's own letters (ў is Belarusian, ї Ukrainian, ђ Serbian, ß German...);
  - our own lists of function words, inflectional endings and letter clusters;
  - how common each word is in the language (wordfreq's lists);
  - character 1-3-gram statistics (langdetect's profiles, scored deterministically);
  - a prior: the languages news pages mostly come in, plus `prior` (the page's language)
    for strings too short to settle it alone.
Numbers, symbols and strings too short to call are `und` and never translated.

`mark_languages(article, glossary)` tags every segment, using the page's dominant
language (from its long title and body segments), the neighbouring segments and the
curated UI-string glossaries, so one-word chrome follows the page unless its own
evidence is strong.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from dataclasses import dataclass, fields
from functools import lru_cache, reduce
from itertools import chain, islice, repeat
from operator import add, neg, sub, truediv
from pathlib import Path
from typing import Protocol

from ..curated import UI_KIND, Glossary, ui_key
from ..model import ENGLISH, UNDETERMINED, Article, Segment
from ..text import scripts, wordfreqs
from ..text.scripts import (SCRIPT_LANGUAGES, dominant_of_counts, letter_scripts, not_of_script, of_script, script_of,
                            unconfuse)
from . import known_words, langfeatures, ngrams
from .langfeatures import ALPHABETS, CLUSTERS, ENDINGS, FUNCTION_WORDS, RARE_LETTERS, VOWEL_HARMONY, breaks_harmony

CYRILLIC_LANGS = ("ru", "uk", "be", "bg", "sr", "mk", "kk")
# the Latin-script languages we see most; others need more evidence to win
CORE_LATIN = ("en", "de", "fr", "es", "it", "pt", "pl")
OTHER_LATIN = (
    "nl", "sv", "da", "no", "fi", "et", "ro", "hu", "cs", "sk", "sl", "hr", "tr", "sq",
    "ca", "lt", "lv", "af", "cy", "id", "tl", "sw", "so", "vi",
)
SCRIPT_FAMILIES: dict[str, tuple[str, ...]] = {
    "latin": CORE_LATIN + OTHER_LATIN,
    "cyrillic": CYRILLIC_LANGS,
    "arabic": ("ar", "fa", "ur"),
    "devanagari": ("hi", "mr", "ne"),
}


@dataclass(frozen=True)
class Detection:
    """A language decision: ISO 639-1 code (or "und") and a confidence in 0..1.

    For "und", confidence is 1.0 when the text has no letters at all (digits, symbols)
    and 0.0 when it has some but too few to call (one letter, an acronym).
    """

    lang: str
    confidence: float
    scores: tuple[tuple[str, float], ...] = ()  # the best candidates with their probabilities

    @property
    def undetermined(self) -> bool:
        return self.lang == UNDETERMINED


class Detector(Protocol):
    """Anything that names the language of a string (the page-level pass takes one)."""

    def __call__(self, text: str, prior: str | None = None) -> Detection: ...


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts, in natural-log units per word."""

    char: float = 0.125  # per n-gram log relative frequency
    missing_char: float = 0.10  # languages scored by a relative's profile (be, kk): minus this per n-gram
    known_word: float = 5.2  # a word in the language's frequency list, plus its log10 frequency
    frequency: float = 0.78  # per log10 of frequency
    unknown_word: float = -2.6  # a word missing from the list of a language that has one
    no_list: float = 0.0  # languages without a word list
    function_word: float = 3.0
    ending: float = 1.3
    cluster: float = 0.75
    foreign_letter: float = -8.0  # per letter outside the language's alphabet
    rare_letter: float = -1.3  # per letter the language writes almost only in loanwords
    disharmony: float = -1.5  # a word breaking the language's vowel harmony
    listed_frequency: float = -2.5  # log10 frequency assumed for our function words where wordfreq has no list
    minor_language: float = -7.8  # prior against languages we rarely see
    page_prior: float = 3.0  # bonus for the page's language
    name: float = 0.5  # share of the evidence a capitalised word inside a sentence gives
    temperature: float = 2.0  # for turning scores into probabilities

    def __post_init__(self) -> None:
        # hashed once: every cached per-word and per-text look-up is keyed by the weights
        object.__setattr__(self, "_hash", hash(tuple(getattr(self, f.name) for f in fields(self))))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined]


WEIGHTS = Weights()
MAX_WORDS = 300  # words of a long text that are scored
MAX_CHARS = 6000  # characters of a long text that are read
# distinct texts whose readings each cache below keeps: the steps of a page ask about its segments
# again while they are fresh, so a few pages' worth is enough, and a long run's memory stays bounded
TEXTS_KEPT = 2048
# distinct words (or names) whose evidence is kept, per generation (see `_score_words`)
WORDS_KEPT = 16_384

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def words_of(text: str) -> list[str]:
    """The lower-case words of `text` (letters, apostrophes inside words kept); URLs dropped."""
    return [w for w, _ in tokens_of(text)]


_SENTENCE_START = set(".!?:;\"'«»„“”()[]-–—|/•·")


def tokens_of(text: str) -> list[tuple[str, bool]]:
    """Each lower-case word of `text` with whether it looks like a name.

    A name is a capitalised word that does not open the text or a sentence ("Cirque du
    Soleil" in an English line): it says little about the language around it.
    """
    return list(_tokens(text))


# each word with the mark just before it (past any spaces) when that mark opens a sentence; the
# text is read with a "." in front, so a word opening the text has one too
_OPENED_WORD = re.compile(r"([" + re.escape("".join(sorted(_SENTENCE_START))) + r"]?)\s*(" + _WORD.pattern + ")")


@lru_cache(maxsize=TEXTS_KEPT)  # a page's segments are read by several of the steps below
def _tokens(text: str) -> tuple[tuple[str, bool], ...]:
    if "@" in text or "://" in text or "www." in text:  # what any URL or address the pattern drops holds
        text = _URL.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    if "’" in text or "ʼ" in text or "`" in text:  # `translate` looks up every letter: only when needed
        text = text.translate(_APOSTROPHES)
    found = _OPENED_WORD.findall("." + text)
    if not found:
        return ()
    words = [w for _, w in found]
    # only a word with both Latin and Cyrillic letters is rewritten: most texts hold no such word
    if not text.isascii() and of_script("cyrillic").search(text) and of_script("latin").search(text):
        words = [unconfuse(w) for w in words]
    # a capital: a name unless it opens the text or a sentence (a mark found before it)
    names = [not mark and w[0].isupper() for (mark, _), w in zip(found, words)]
    # casefolding maps each letter alone, so the words joined by a NUL (no letter) fold as one string
    return tuple(zip("\0".join(words).casefold().split("\0"), names))


def _is_acronym(text: str, words: list[str]) -> bool:
    """One short all-capitals Latin token (BBC, AFP): a name, not a language."""
    found = _WORD.finditer(text)  # two matches are enough to know it is not one token
    raw = [m.group() for m in islice(found, 2)]
    return (
        len(raw) == 1
        and raw[0].isupper()
        and len(raw[0]) <= 3
        and all(script_of(c) == "latin" for c in raw[0])
        and not any(words[0] in fw for fw in FUNCTION_WORDS.values())
    )


_ALPHABET_SETS = {lang: frozenset(letters) for lang, letters in ALPHABETS.items()}
_ENDING_SETS = {
    lang: [frozenset(e for e in ends if len(e) == n) for n in range(max(map(len, ends)) + 1)]
    for lang, ends in ENDINGS.items()
}


@lru_cache(maxsize=None)
def _family_lists(family: str, w: Weights) -> tuple[list[tuple], list[tuple[int, frozenset[str]]], frozenset[str],
                                                  tuple[str, ...], tuple[dict[str, frozenset[int]], ...]]:
    """What `word_scores` looks up per language of `family`, built once per family.

    Returns the languages with evidence beyond n-grams and alphabet (a word list, function
    words, endings, clusters, rare letters, vowel harmony, a borrowed profile), each with its
    position and look-ups; the other ("plain") languages with their alphabets; and the letters
    every listed alphabet of the family shares, for which no alphabet check is needed; the
    featured languages' codes, in order (whose word frequencies are looked up); and per ending
    length n, each ending of that length with the featured languages (their index in the
    first list) that list it.
    """
    featured, plain, alphabets = [], [], []
    suffixes: list[dict[str, set[int]]] = [{} for _ in range(1 + max(map(len, (e for ends in ENDINGS.values()
                                                                             for e in ends))))]
    for k, lang in enumerate(SCRIPT_FAMILIES[family]):
        listed = wordfreqs.has_list(lang)
        function = FUNCTION_WORDS.get(lang, frozenset())
        endings = _ENDING_SETS.get(lang)
        clusters = CLUSTERS.get(lang, ())
        alphabet = _ALPHABET_SETS.get(lang)
        rare = frozenset(RARE_LETTERS.get(lang, ""))
        harmony = lang in VOWEL_HARMONY
        missing = -w.missing_char if lang in ngrams.BORROWED else 0.0
        if alphabet is not None:
            alphabets.append(alphabet)
        if not listed and w.no_list == 0.0 and not (function or endings or clusters or rare or harmony or missing):
            plain.append((k, alphabet))
        else:
            for ending in ENDINGS.get(lang, ()):
                suffixes[len(ending)].setdefault(ending, set()).add(len(featured))
            featured.append((k, lang, listed, function, clusters, alphabet, rare, harmony, missing))
    shared = frozenset.intersection(*alphabets) if alphabets else frozenset()
    return (featured, plain, shared, tuple(f[1] for f in featured),
            tuple({e: frozenset(js) for e, js in by_end.items()} for by_end in suffixes))


# the words scored lately: weights -> family -> word -> its scores, in two generations of about
# WORDS_KEPT words each; when the newer fills it becomes the older and the older is dropped, so a long
# run's memory is bounded and a word still in use is carried over instead of scored again
_SCORED: dict[Weights, dict[str, dict[str, tuple[float, ...]]]] = {}
_SCORED_BEFORE: dict[Weights, dict[str, dict[str, tuple[float, ...]]]] = {}


def word_scores(word: str, family: str, w: Weights = WEIGHTS) -> tuple[float, ...]:
    """The evidence one lower-case word gives each language of `family`, in family order.

    Latin words with apostrophes (l'homme, don't) are scored as their parts. Kept while in
    use: a page repeats its words, and a day's pages repeat each other's; a common word's
    scores are read from a table worked out once per install (`known_words`).
    """
    try:
        return _SCORED[w][family][word]
    except KeyError:
        return _score_words([word], family, w)[word]


def _score_words(words, family: str, w: Weights = WEIGHTS) -> dict[str, tuple[float, ...]]:
    """Score every word of `words` not scored yet, in one batch; the family's scores by word
    (the newer generation, which then holds every word of `words`).

    The n-grams of the whole batch are scored together (`FamilyTable.scores_many`), which
    over arrays costs a fraction of scoring word by word, and gives the same floats.
    """
    by_family = _SCORED.setdefault(w, {})
    done = by_family.setdefault(family, {})
    new = [x for x in dict.fromkeys(words) if x not in done]
    if not new:
        return done
    if len(done) + len(new) > WORDS_KEPT and done:
        _SCORED_BEFORE.setdefault(w, {})[family] = done
        done = by_family[family] = {}
        new = list(dict.fromkeys(words))
    before = _SCORED_BEFORE.get(w, {}).get(family)
    if before:
        for x in new:
            if x in before:
                done[x] = before[x]
    plain_words, joined = [], []
    for word in new:
        if word in done:
            continue
        if "'" in word and family == "latin":
            joined.append(word)
        else:
            plain_words.append(word.replace("'", "") if "'" in word else word)
    # a Latin word with apostrophes is the sum of its parts' scores: score the parts first
    parts = [p for word in joined for p in word.split("'") if p and p not in done]
    if before:
        for p in parts:
            if p in before:
                done[p] = before[p]
    fresh = list(dict.fromkeys(p for p in plain_words + parts if p not in done))
    if fresh and (w is WEIGHTS or w == WEIGHTS):
        stored = _table(family, len(fresh))
        if stored is not None:  # a common word's scores, worked out once per install
            found = stored.found(fresh)
            if found:
                done.update(found)
                fresh = [x for x in fresh if x not in found]
    if fresh:
        # the words' frequencies in one look-up (`frequencies` then answers from memory)
        wordfreqs.prefetch(fresh, SCRIPT_FAMILIES[family])
        table = ngrams.family_table(SCRIPT_FAMILIES[family])
        matrix = table.scores_array(fresh)
        if matrix is None:  # a short batch: word by word
            for word in fresh:
                done[word] = _with_features(word, table.scores(word), family, w)
        else:
            done.update(zip(fresh, _with_features_many(fresh, matrix, family, w)))
    for word in new:
        if word in done:
            continue
        if family == "latin":
            scored = [done[p] for p in word.split("'") if p]
            done[word] = tuple(map(sum, zip(*scored))) if scored else tuple(0.0 for _ in SCRIPT_FAMILIES[family])
        else:
            done[word] = done[word.replace("'", "")]
    return done


# a family's missing table is built by a process once it has scored this many of the family's words
# itself, a folder's worth: the build takes a few CPU-seconds (once per install), which a digest of a
# page or two (a few hundred words) would not earn back
BUILD_AFTER = 2000
_TABLES: dict[str, known_words.StoredScores | None] = {}  # family -> its table (None: it has none)
_UNBUILT: dict[str, int] = {}  # family -> words scored since its table was found missing


def _table(family: str, words: int = 0) -> known_words.StoredScores | None:
    """The family's stored table, for `words` new words to score: one already built, read on first use;
    else built once this process's new words of the family (these included) reach BUILD_AFTER."""
    try:
        return _TABLES[family]
    except KeyError:
        pass
    scored = _UNBUILT.get(family, 0) + words
    build = scored >= BUILD_AFTER
    # the first look reads a table already built; one found missing is looked for again only to build it
    table = _stored_scores(family, build=build) if build or family not in _UNBUILT else None
    if table is None and not build and family in known_words.KEPT:
        _UNBUILT[family] = scored
        return None
    _UNBUILT.pop(family, None)
    _TABLES[family] = table
    return table


def expect_long_run() -> None:
    """Load now what scoring many pages' words reads (a batch's warm-up, so forked workers share it):
    the n-gram arrays of every family (`ngrams.expect_long_run`) and the stored word tables already
    built (none is built here: that waits for BUILD_AFTER words, as in any run)."""
    ngrams.expect_long_run(SCRIPT_FAMILIES.values())
    for family in known_words.KEPT:
        _table(family)


def _forget_tables() -> None:
    """Forget the tables read and the words counted towards building them (for tests)."""
    _TABLES.clear()
    _UNBUILT.clear()


def _stored_scores(family: str, build: bool = True) -> known_words.StoredScores | None:
    """The family's common words with their scores for the default weights, kept precompiled
    (`known_words`; built now if missing and `build`); None without the precompiled folder, for a
    family without a table, or when it is missing and not to be built."""
    if family not in known_words.KEPT:
        return None
    langs = SCRIPT_FAMILIES[family]
    # what a word's scores are worked out from: this code, the profiles and the word lists
    sources = [Path(__file__), Path(langfeatures.__file__), Path(ngrams.__file__), Path(known_words.__file__),
               Path(wordfreqs.__file__), Path(scripts.__file__), *ngrams.profile_sources(langs),
               *wordfreqs.list_sources()]
    return known_words.stored(f"word-scores-{family}", sources, lambda: _common_words(family),
                              lambda words: _scores_over_arrays(words, family), len(langs), build=build)


def _common_words(family: str) -> list[str]:
    """The words the family's stored table keeps: its lists' most frequent words in its script."""
    if ngrams._numpy() is None:  # they are scored over arrays: fail before the query, at no cost
        raise ModuleNotFoundError("numpy")
    outside = not_of_script(family).search
    kept = known_words.KEPT[family]
    # a quarter more than kept: the few that are not whole words of the script are skipped
    candidates = wordfreqs.most_frequent(SCRIPT_FAMILIES[family], kept + kept // 4)
    return known_words.common_words(family, candidates, lambda word: outside(word) is None)


def _scores_over_arrays(words: list[str], family: str) -> list[tuple[float, ...]]:
    """`word_scores(word, family)` of each of `words` (plain words: no apostrophes) for the default
    weights, over arrays, the run's caches of scored words untouched (for the stored table)."""
    np = ngrams._numpy()
    if np is None:
        raise ModuleNotFoundError("numpy")
    table = ngrams.family_table(SCRIPT_FAMILIES[family])
    return _with_features_many(words, table.arrays_of(np, words), family, WEIGHTS, keep=False)


@lru_cache(maxsize=None)
def _feature_passes(family: str, w: Weights) -> tuple[dict[str, frozenset[int]], tuple, tuple, tuple, tuple, float]:
    """`_family_lists`'s featured languages split by the evidence each has, for `_with_features`.

    Returns which featured languages (their index) list each function word; each featured
    language's position, borrowed-profile charge and frequency list; those with letter clusters,
    rare letters and vowel harmony; and the score a listed function word stands in for.
    """
    featured = _family_lists(family, w)[0]
    function_of: dict[str, set[int]] = {}
    for j, f in enumerate(featured):
        for word in f[3]:
            function_of.setdefault(word, set()).add(j)
    main = tuple((j, f[0], f[8]) for j, f in enumerate(featured))
    clusters = tuple((f[0], f[4]) for f in featured if f[4])
    rare = tuple((f[0], f[6]) for f in featured if f[6])
    harmony = tuple((f[0], f[1]) for f in featured if f[7])
    return ({k: frozenset(v) for k, v in function_of.items()}, main, clusters, rare, harmony,
            w.known_word + w.frequency * w.listed_frequency)


def _with_features(word: str, chars: list[float], family: str, w: Weights) -> tuple[float, ...]:
    """A word's n-gram scores (per language of `family`) plus the rest of its evidence."""
    featured, plain, shared, featured_langs, suffixes = _family_lists(family, w)
    function_of, main, with_clusters, with_rare, with_harmony, listed_function = _feature_passes(family, w)
    letters = set(word)
    common = letters <= shared  # no alphabet lacks a letter of the word
    out = [w.char * c for c in chars]
    # each language's terms are added in the same order as ever (n-grams, borrowed profile, frequency,
    # function word, ending, clusters, letters outside its alphabet, rare letters, harmony), skipping
    # those that add 0.0, so the sums are the same floats; the passes below go one kind of evidence at
    # a time over the languages that have it. A plain language has n-grams and its alphabet only.
    foreign: dict[int, tuple[str, ...]] = {}
    if not common:
        # the word's letters outside some alphabet, and which of them each language lacks (kept per set)
        plain_lacks, foreign = _lacking(family, frozenset(letters - shared), w)
        counts = {c: word.count(c) for c in letters - shared if c.isalpha()}
        for k, lacks in plain_lacks:
            out[k] += w.foreign_letter * sum([counts.get(c, 0) for c in lacks])
    n_grams = 3 * len(word) + 1  # ngrams.gram_count
    # the featured languages with one of their endings on the word (checked on words of at
    # least len(ending) + 3 letters)
    ending_of: frozenset[int] | set[int] = frozenset()
    for n in range(1, min(len(suffixes) - 1, len(word) - 3) + 1):
        hit = suffixes[n].get(word[-n:])
        if hit:
            ending_of = ending_of | hit
    function = function_of.get(word, frozenset())
    # every listed language's frequency of the word in one look-up (None: the language has no list)
    frequencies = wordfreqs.frequencies(word.casefold(), featured_langs)
    inf = -math.inf
    for j, k, missing in main:
        s = out[k]
        if missing:
            s += missing * n_grams
        lf = frequencies[j]
        if lf is None:
            # no frequency list: our function words stand in for one
            s += listed_function if j in function else w.no_list
        elif lf == inf:
            s += w.unknown_word
        else:
            s += w.known_word + w.frequency * lf
        if j in function:
            s += w.function_word
        if j in ending_of:
            s += w.ending
        out[k] = s
    for k, clusters in with_clusters:
        out[k] += w.cluster * min(3, sum([word.count(c) for c in clusters]))
    if foreign:
        for j, lacks in foreign.items():
            k = featured[j][0]
            out[k] += w.foreign_letter * sum([counts.get(c, 0) for c in lacks])
    for k, rare in with_rare:
        if not rare.isdisjoint(letters):
            out[k] += w.rare_letter * sum([word.count(c) for c in rare & letters])
    for k, lang in with_harmony:
        if breaks_harmony(word, lang):
            out[k] += w.disharmony
    return tuple(out)


@lru_cache(maxsize=None)
def _array_passes(family: str, w: Weights):
    """What `_with_features_many` reads per family: the featured languages' positions, their
    borrowed-profile charges, which of them have a frequency list (and in which column of
    `wordfreqs.frequency_rows` each is), as arrays."""
    np = ngrams._numpy()
    featured, _, _, featured_langs, _ = _family_lists(family, w)
    listed = wordfreqs.listed_of(featured_langs)
    positions = np.array([f[0] for f in featured], dtype=np.intp)
    missing = np.array([f[8] for f in featured], dtype=np.float64)
    has_list = np.array([lang in listed for lang in featured_langs], dtype=bool)
    return positions, missing, bool(missing.any()), has_list, listed


def _with_features_many(words: list[str], chars, family: str, w: Weights,
                        keep: bool = True) -> list[tuple[float, ...]]:
    """`_with_features` of each of `words` over arrays, given their n-gram scores as a (words,
    languages) array: the same floats. `keep`: whether the words' frequencies are kept in memory for
    the run (`wordfreqs.frequency_rows`).

    Each language's terms are added in `_with_features`'s order, one kind of evidence at a time for
    every word at once; a term a word lacks adds 0.0 here where it is skipped there, which changes
    no sum (no score is ever -0.0). The lists the terms come from are read word by word as before.
    """
    np = ngrams._numpy()
    featured, plain, shared, featured_langs, suffixes = _family_lists(family, w)
    function_of, _, with_clusters, with_rare, with_harmony, listed_function = _feature_passes(family, w)
    positions, missing, any_missing, has_list, listed = _array_passes(family, w)
    n_words, n_featured = len(words), len(featured)
    out = chars * w.char
    functions = np.zeros((n_words, n_featured), dtype=bool)
    endings = np.zeros((n_words, n_featured), dtype=bool)
    foreign_plain = foreign_featured = None
    rare_counts = {k: [0] * n_words for k, _ in with_rare}
    rare_letters = frozenset().union(*(rare for _, rare in with_rare))
    top = len(suffixes) - 1
    # each kind of evidence read for the words that have it, found by one pass in C-level set tests
    uncommon = [i for i, x in enumerate(words) if not shared.issuperset(x)]
    if uncommon:
        # per word, how many of its letters each alphabet lacks: its letters outside the shared
        # alphabet counted, times which alphabets lack each (whole numbers, so exact in any order)
        counts = [{c: words[i].count(c) for c in set(words[i]) - shared if c.isalpha()} for i in uncommon]
        letters = sorted(set().union(*counts))
        if letters:
            lack_plain, lack_featured = _lacks_of(family, tuple(letters), w)
            at = {c: n for n, c in enumerate(letters)}
            per_letter = np.zeros((len(uncommon), len(letters)), dtype=np.int64)
            for row, found in enumerate(counts):
                for c, n in found.items():
                    per_letter[row, at[c]] = n
            foreign_plain = np.zeros(out.shape)
            foreign_plain[uncommon] = w.foreign_letter * (per_letter @ lack_plain)
            foreign_featured = np.zeros(out.shape)
            foreign_featured[uncommon] = w.foreign_letter * (per_letter @ lack_featured)
    for i, hit in [(i, function_of[x]) for i, x in enumerate(words) if x in function_of]:
        functions[i, list(hit)] = True
    for i in [i for i, x in enumerate(words) if not rare_letters.isdisjoint(x)]:
        word = words[i]
        letters = set(word)
        for k, rare in with_rare:
            if not rare.isdisjoint(letters):
                rare_counts[k][i] = sum([word.count(c) for c in rare & letters])
    # an ending of n letters counts on words of at least n + 3; each length's hits found in one pass
    for n in range(1, top + 1):
        ends = suffixes[n]
        if ends:
            for i, hit in [(i, ends[x[-n:]]) for i, x in enumerate(words) if len(x) >= n + 3 and x[-n:] in ends]:
                endings[i, list(hit)] = True
    if foreign_plain is not None:
        out += foreign_plain
    scores = out[:, positions]
    if any_missing:
        n_grams = np.array([3 * len(word) + 1 for word in words], dtype=np.float64)  # ngrams.gram_count
        scores += missing * n_grams[:, None]
    terms = np.where(functions, listed_function, w.no_list)
    if listed:
        lf = np.array(wordfreqs.frequency_rows([x.casefold() for x in words], featured_langs, keep),
                      dtype=np.float64).reshape(n_words, len(listed))
        terms[:, has_list] = np.where(lf == -math.inf, w.unknown_word, w.known_word + w.frequency * lf)
    scores += terms
    scores += np.where(functions, w.function_word, 0.0)
    scores += np.where(endings, w.ending, 0.0)
    out[:, positions] = scores
    for k, clusters in with_clusters:
        out[:, k] += w.cluster * np.array([min(3, sum([word.count(c) for c in clusters])) for word in words],
                                          dtype=np.float64)
    if foreign_featured is not None:
        out += foreign_featured
    for k, counts in rare_counts.items():
        out[:, k] += w.rare_letter * np.array(counts, dtype=np.float64)
    for k, lang in with_harmony:
        out[:, k] += np.array([w.disharmony if breaks_harmony(word, lang) else 0.0 for word in words])
    return list(map(tuple, out.tolist()))


def _lacks_of(family: str, letters: tuple[str, ...], w: Weights):
    """For `_with_features_many`: per letter of `letters` (outside the family's shared alphabet), a
    row with 1 for each plain language whose alphabet lacks it, and one for the featured languages
    (by position in the family); languages without an alphabet lack nothing."""
    np = ngrams._numpy()
    rows = [_letter_lacks(family, c, w) for c in letters]
    return (np.array([r[0] for r in rows], dtype=np.int64).reshape(len(letters), -1),
            np.array([r[1] for r in rows], dtype=np.int64).reshape(len(letters), -1))


@lru_cache(maxsize=4096)
def _letter_lacks(family: str, letter: str, w: Weights) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """`_lacks_of`'s two rows for one letter."""
    featured, plain, _, _, _ = _family_lists(family, w)
    lack_plain = [0] * len(SCRIPT_FAMILIES[family])
    lack_featured = list(lack_plain)
    for k, alphabet in plain:
        if alphabet is not None and letter not in alphabet:
            lack_plain[k] = 1
    for f in featured:
        if f[5] is not None and letter not in f[5]:
            lack_featured[f[0]] = 1
    return tuple(lack_plain), tuple(lack_featured)


@lru_cache(maxsize=4096)
def _lacking(family: str, unusual: frozenset[str], w: Weights) -> tuple[list[tuple[int, tuple[str, ...]]],
                                                                      dict[int, tuple[str, ...]]]:
    """For a word whose letters outside the family's shared alphabet are `unusual`: each plain
    language (its position) whose alphabet lacks some of them, with those; and the same for the
    featured languages, by their index in `_family_lists`'s first list."""
    featured, plain, _, _, _ = _family_lists(family, w)
    plain_lacks = [(k, tuple(sorted(unusual - alphabet))) for k, alphabet in plain
                   if alphabet is not None and not unusual <= alphabet]
    featured_lacks = {j: tuple(sorted(unusual - f[5])) for j, f in enumerate(featured)
                      if f[5] is not None and not unusual <= f[5]}
    return plain_lacks, featured_lacks


@lru_cache(maxsize=65536)
def _word_letters(word: str) -> tuple[tuple[tuple[str, int], ...], str | None, str | None]:
    """A word's letters counted per script, its dominant script (`dominant_script`), and its one
    script when all its letters are of one; once per word."""
    if word.isascii():  # a word of the tokeniser is letters and apostrophes: its ASCII letters are all Latin
        pairs = (("latin", len(word) - word.count("'")),)
        return pairs, "latin", "latin"
    counts = letter_scripts(word)
    pairs = tuple(counts.items())
    return pairs, dominant_of_counts(counts), pairs[0][0] if len(pairs) == 1 else None


def _word_script(word: str) -> str | None:
    """`dominant_script` of one word, once per distinct word."""
    return _word_letters(word)[1]


_SCRIPT_WEIGHT = {"latin": 1, "han": 4, "kana": 4, "hangul": 4}


def _family_of(text: str) -> str | None:
    """The script of the text's letters, counting non-Latin letters double and CJK ones fourfold.

    A Russian line naming "Apple" is still Russian, and "中文 (Chinese)" is Chinese: one
    ideograph carries about as much as a Latin word.
    """
    return _family_of_counts(letter_scripts(text))


def _family_of_words(words) -> str | None:
    """`_family_of(" ".join(words))`, from each word's cached letter counts.

    A space composes with nothing, so the words' letters are counted alike either way.
    """
    counts: dict[str, int] = {}
    for word in words:
        for script, n in _word_letters(word)[0]:
            counts[script] = counts.get(script, 0) + n
    return _family_of_counts(counts)


def _family_of_counts(counts) -> str | None:
    if not counts:
        return None
    if len(counts) == 1:
        return next(iter(counts))  # one script: it wins, whatever its weight
    weighted = {s: n * _SCRIPT_WEIGHT.get(s, 2) for s, n in counts.items()}
    # ideographs go to whichever of kana and hangul is present (kana first): once only
    if counts.get("han") and counts.get("kana"):
        weighted["kana"] = weighted.get("kana", 0) + weighted.pop("han")
    elif counts.get("han") and counts.get("hangul"):
        weighted["hangul"] = weighted.get("hangul", 0) + weighted.pop("han")
    return max(sorted(weighted), key=lambda s: weighted[s])


def _ranked(langs: tuple[str, ...], values: tuple[float, ...] | list[float], temperature: float,
            keep: int | None = None) -> list[tuple[str, float]]:
    """Languages with their softmax probabilities, most likely first (ties by code); the first `keep`."""
    # (-p, code) pairs sort in C as the (-p, code) key did; negating a float is exact
    order = sorted(zip(map(neg, _shares(values, temperature)), langs))
    return [(k, -q) for q, k in (order if keep is None else order[:keep])]


def _shares(values, temperature: float) -> list[float]:
    """The softmax of `values` at `temperature`, each step mapped in C: the floats of
    `exp((v - top) / temperature) / total`, the exponentials summed in order."""
    top = max(values)
    exp = list(map(math.exp, map(truediv, map(sub, values, repeat(top)), repeat(temperature))))
    return list(map(truediv, exp, repeat(sum(exp))))


@lru_cache(maxsize=TEXTS_KEPT)
def _reading(text: str) -> tuple[str | None, tuple[tuple[str, bool], ...], list[str]]:
    """What the detector reads of a text: its script family, its words in that script
    (with whether each looks like a name), and all its words; long texts cut to MAX_CHARS."""
    # the first 300 words are plenty for long texts, and keep the cost bounded
    tokens = _tokens(text[:MAX_CHARS])
    words = [w for w, _ in tokens]
    if words and text[:MAX_CHARS].isascii():
        return "latin", tokens, words  # ASCII words are Latin letters (and apostrophes) only
    if words:
        first = _word_letters(words[0])[2]
        if first in SCRIPT_FAMILIES and not_of_script(first).search("".join(words)) is None:
            return first, tokens, words  # every word in the first one's script: the usual case
    scripts = {info[2] for info in map(_word_letters, words)}
    if len(scripts) == 1 and None not in scripts:
        return scripts.pop(), tokens, words
    family = _family_of_words(words)
    in_script = tuple((w, name) for w, name in tokens if _word_script(w) == family) if family else ()
    return family, in_script, words


def _decision(text: str) -> Detection | None:
    """The Detection of a string decided before any scoring, else None: no letters, a script of one
    language, too few letters to call, or an acronym."""
    family, in_script, words = _reading(text)
    if family is None:
        return Detection(UNDETERMINED, 1.0)  # digits, symbols, punctuation: surely no language
    if family in SCRIPT_LANGUAGES:
        return Detection(SCRIPT_LANGUAGES[family], 0.99)
    # two words hold at least two letters: only a one-word text needs its letters counted
    letters = 2 if len(in_script) >= 2 else sum(len(w.replace("'", "")) for w, _ in in_script)
    # an acronym is one Latin token as written, so one word read too (NFC never splits a Latin letter)
    if family not in SCRIPT_FAMILIES or letters < 2 or (len(words) == 1 and _is_acronym(text, words)):
        return Detection(UNDETERMINED, 0.0)
    return None


@lru_cache(maxsize=TEXTS_KEPT)
def _evidence(text: str, weights: Weights) -> Detection | tuple[str, tuple[float, ...]]:
    """A final Detection for strings decided before scoring, else (family, score per language).

    Cached, so the page-level pass can ask again with a prior at no cost.
    """
    decided = _decision(text)
    if decided is not None:
        return decided
    family, in_script, _ = _reading(text)
    rows_of, sums = _TOTALS.get(weights, {}).get(family, ({}, None))
    if text in rows_of:
        return family, tuple(sums[rows_of[text]].tolist())
    read = in_script[:MAX_WORDS]
    scored = _scored_words([w for w, _ in read], family, weights)
    rows = [_prior_row(family, weights)]
    rows += [_name_scores(word, family, weights) if name else scored[word] for word, name in read]
    # each column summed in word order: the same running total the per-word loop kept
    # (1.0 * s is s, so only names need scaling)
    return family, tuple(map(_running_sum, zip(*rows)))


def _scored_words(words: list[str], family: str, weights: Weights) -> dict[str, tuple[float, ...]]:
    """The family's scored words, with `words` among them (scored now if new)."""
    try:
        done = _SCORED[weights][family]
    except KeyError:
        return _score_words(words, family, weights)
    for word in words:
        if word not in done:
            return _score_words(words, family, weights)
    return done


def score_texts(texts, weights: Weights = WEIGHTS) -> None:
    """Score the words of many texts in one batch per script family, ahead of `detect_language`.

    Only a speed-up: a page's words scored together cost far less than one text at a time, and
    (over arrays, for a batch large enough) so do the texts' totals (`_evidence`), kept for the
    texts of the latest batch; a text `_decision` settles without scoring is left out.
    """
    batch: dict[str, list[str]] = {}
    readings: dict[str, list[tuple[str, tuple[tuple[str, bool], ...]]]] = {}
    for text in dict.fromkeys(texts):  # a page repeats its chrome: each text read once
        family, in_script, _ = _reading(text)
        if family in SCRIPT_FAMILIES and in_script and _decision(text) is None:
            read = in_script[:MAX_WORDS]
            batch.setdefault(family, []).extend([w for w, _ in read])
            readings.setdefault(family, []).append((text, read))
    totals: dict[str, tuple[dict[str, int], object]] = {}
    firsts: dict[str, Detection] = {}
    for family, words in batch.items():
        scored = _score_words(words, family, weights)
        if ngrams.arrays_pay(len(words)) and ngrams._numpy():
            rows_of, sums, texts_firsts = _totals_many(readings[family], scored, family, weights)
            totals[family] = (rows_of, sums)
            firsts.update(texts_firsts)
    _TOTALS.clear()
    _TOTALS[weights] = totals
    _FIRSTS.clear()
    _FIRSTS[weights] = firsts


# by weights, the totals `score_texts` worked out for the texts of its latest batch (per family, each
# text's row in one (texts, languages) array), and the texts' first readings (`_unprimed`)
_TOTALS: dict[Weights, dict[str, tuple[dict[str, int], object]]] = {}
_FIRSTS: dict[Weights, dict[str, Detection]] = {}


def _totals_many(readings, scored: dict[str, tuple[float, ...]], family: str,
                 weights: Weights) -> tuple[dict[str, int], object, dict[str, Detection]]:
    """`_evidence`'s totals for each (text, words read) of one family over arrays, the same floats:
    each (distinct) text's row, and the (texts, languages) array of totals; and each text's
    `_unprimed` Detection, worked out from them (`_first_many`).

    Each text's rows (its prior row, then its words' rows, a name's scaled) are added in order
    by a cumulative sum along the text (sequential, unlike numpy's pairwise `sum`); texts of like
    length go together, a shorter text's rows past its last being zeros, which change no sum.
    """
    np = ngrams._numpy()
    ids: dict[tuple[str, bool], int] = {}
    key = ids.setdefault
    indexed = [(text, [key(t, len(ids)) for t in read]) for text, read in readings]
    width = len(SCRIPT_FAMILIES[family])
    # fromiter over the rows chained reads the floats without np.array's walk to find the shape
    rows = np.fromiter(chain.from_iterable([scored[w] for w, _ in ids]), dtype=np.float64,
                       count=len(ids) * width).reshape(len(ids), width)
    names = np.fromiter((name for _, name in ids), dtype=bool, count=len(ids))
    if names.any():
        rows[names] *= weights.name  # as `_name_scores` scales each
    prior, zero = len(ids), len(ids) + 1
    rows = np.vstack([rows, np.array([_prior_row(family, weights)]), np.zeros((1, width))])
    by_size: dict[int, list[tuple[str, list[int]]]] = {}
    for text, row_ids in indexed:
        by_size.setdefault(len(row_ids).bit_length(), []).append((text, row_ids))
    texts: list[str] = []
    parts = []
    for group in by_size.values():
        longest = max(len(r) for _, r in group)
        at = np.fromiter(chain.from_iterable([[prior, *r] + [zero] * (longest - len(r)) for _, r in group]),
                         dtype=np.intp, count=len(group) * (longest + 1)).reshape(len(group), longest + 1)
        parts.append(np.cumsum(rows[at], axis=1)[:, -1])
        texts += [text for text, _ in group]
    sums = np.concatenate(parts)
    return dict(zip(texts, range(len(texts)))), sums, dict(zip(texts, _first_many(sums, family, weights)))


def _shares_many(sums, temperature: float):
    """`_shares` of each row of `sums` (texts, languages), the same floats: its steps over the
    arrays, the exponentials by `math.exp`, each row's exponentials summed in order."""
    np = ngrams._numpy()
    scaled = (sums - sums.max(axis=1, keepdims=True)) / temperature
    exp = np.fromiter(map(math.exp, scaled.ravel().tolist()), dtype=np.float64, count=scaled.size).reshape(scaled.shape)
    return exp / np.cumsum(exp, axis=1)[:, -1:]  # a running sum, as `sum` adds them


def _first_many(sums, family: str, weights: Weights) -> list[Detection]:
    """`_unprimed`'s Detection for each row of totals `sums` (texts, languages), the same floats."""
    shares = _shares_many(sums, weights.temperature)
    best = shares.max(axis=1)
    ties = (shares == best[:, None]).sum(axis=1)
    langs = SCRIPT_FAMILIES[family]
    out = []
    for row, (b, n, k) in enumerate(zip(best.tolist(), ties.tolist(), shares.argmax(axis=1).tolist())):
        lang = langs[k] if n == 1 else min(c for c, p in zip(langs, shares[row].tolist()) if p == b)
        out.append(Detection(lang, round(b, 4)))
    return out


def _detect_many(asked, weights: Weights) -> dict[tuple[str, str | None], Detection]:
    """`_detect(text, prior)` for each (text, prior) of `asked` whose totals the latest `score_texts`
    batch holds as an array, the same Detections; the others are left out.

    What the page-level pass asks once it knows each segment's prior, answered over arrays: the prior's
    bonus added, `_shares_many`, and the languages ranked by a stable sort of the shares over the
    columns in code order, which orders them as `_ranked`'s sort by (-share, code) does.
    """
    arrays = _TOTALS.get(weights, {})
    if not arrays:  # a short run scores word by word, and never imports numpy
        return {}
    np = ngrams._numpy()
    by_family: dict[str, list[tuple[str, str | None]]] = {}
    for text, prior in dict.fromkeys(asked):
        family = _reading(text)[0]
        if family in arrays and text in arrays[family][0]:  # a text `_decision` settles is in no batch
            by_family.setdefault(family, []).append((text, prior))
    out: dict[tuple[str, str | None], Detection] = {}
    for family, pairs in by_family.items():
        rows, sums = arrays[family]
        langs = SCRIPT_FAMILIES[family]
        totals = sums[[rows[text] for text, _ in pairs]]
        primed = [(i, langs.index(prior)) for i, (_, prior) in enumerate(pairs) if prior in langs]
        if primed:
            at, columns = zip(*primed)
            totals[list(at), list(columns)] += weights.page_prior  # each (text, column) once
        by_code = sorted(range(len(langs)), key=langs.__getitem__)
        shares = _shares_many(totals, weights.temperature)[:, by_code]
        top = np.argsort(-shares, axis=1, kind="stable")[:, :3]
        codes = [langs[k] for k in by_code]
        for pair, order, best in zip(pairs, top.tolist(), np.take_along_axis(shares, top, axis=1).tolist()):
            ranked = tuple((codes[k], round(p, 4)) for k, p in zip(order, best))
            out[pair] = Detection(ranked[0][0], ranked[0][1], ranked)
    return out


@lru_cache(maxsize=WORDS_KEPT)
def _name_scores(word: str, family: str, weights: Weights) -> tuple[float, ...]:
    """`word_scores` scaled by the share a name's evidence counts for, once per distinct name."""
    return tuple(weights.name * s for s in word_scores(word, family, weights))


def _plain_sum(values: tuple[float, ...]) -> float:
    return reduce(add, values)


# sum() adds floats one by one up to Python 3.11; from 3.12 it compensates rounding, which
# would change the last bits of the scores, so there the plain running sum is spelt out
_running_sum = sum if sys.version_info < (3, 12) else _plain_sum


@lru_cache(maxsize=None)
def _prior_row(family: str, weights: Weights) -> tuple[float, ...]:
    """Each language's standing before any word is read: the prior against minor languages."""
    return tuple(weights.minor_language if lang in OTHER_LATIN else 0.0 for lang in SCRIPT_FAMILIES[family])


def detect_language(text: str, prior: str | None = None, weights: Weights = WEIGHTS) -> Detection:
    """The language of `text` (ISO 639-1, or "und") with a confidence in 0..1.

    `prior` is the language the string is most likely in absent other evidence (the
    page's dominant language); it settles short ambiguous strings and nothing else.
    Deterministic: no sampling, so the same text always gives the same answer.
    """
    return _detect(text, prior, weights)


@lru_cache(maxsize=TEXTS_KEPT)
def _detect(text: str, prior: str | None, weights: Weights) -> Detection:
    # cached: a page's chrome repeats ("Share", "Menu"), and mark_languages asks twice per segment
    evidence = _evidence(text, weights)
    if isinstance(evidence, Detection):
        return evidence
    family, totals = evidence
    langs = SCRIPT_FAMILIES[family]
    if prior is not None and prior not in langs:
        return _detect(text, None, weights)  # a prior outside the text's script changes nothing
    if prior in langs:
        i = langs.index(prior)
        totals = (*totals[:i], totals[i] + weights.page_prior, *totals[i + 1:])
    ranked = _ranked(langs, totals, weights.temperature, 3)
    lang, confidence = ranked[0]
    return Detection(lang, round(confidence, 4), tuple((k, round(p, 4)) for k, p in ranked[:3]))


@lru_cache(maxsize=TEXTS_KEPT)  # a page repeats its chrome ("Share", "Menu")
def _unprimed(text: str, weights: Weights = WEIGHTS) -> Detection:
    """`detect_language(text)`'s language and confidence, without its ranked candidates (`scores`).

    What the page-level pass reads of a segment before it knows the page: the best language is the
    one with the largest probability (ties by code), as `_ranked` orders them, computed with the
    same floats but without sorting every language of the family.
    """
    evidence = _evidence(text, weights)
    if isinstance(evidence, Detection):
        return evidence
    batched = _FIRSTS.get(weights)
    if batched is not None and text in batched:
        return batched[text]
    family, totals = evidence
    shares = _shares(totals, weights.temperature)
    best = max(shares)
    langs = SCRIPT_FAMILIES[family]
    lang = langs[shares.index(best)] if shares.count(best) == 1 else min(
        k for k, p in zip(langs, shares) if p == best)
    return Detection(lang, round(best, 4))


# a title/body segment with at least this many words speaks for the page's language
PAGE_EVIDENCE_WORDS = 6
# on a page in a Latin-script language, a Latin segment of another language needs this
STRONG_CONFIDENCE = 0.99
STRONG_WORDS = 3  # not counting names
# a neighbouring segment sets the prior only when it is this sure of its language
NEIGHBOUR_CONFIDENCE = 0.9


def family_of(text: str) -> str | None:
    """The script family that decides a text's candidate languages ("latin", "cyrillic", "han"...)."""
    return _text_family(text)


@lru_cache(maxsize=TEXTS_KEPT)
def _text_family(text: str) -> str | None:
    if len(text) <= MAX_CHARS:
        return _reading(text)[0]
    return _family_of_words([w for w, _ in _tokens(text)])


def dominant_language(detections: list[tuple[Segment, Detection]]) -> str | None:
    """The page's language: the most characters among its long title/body segments.

    Falls back to every segment of at least PAGE_EVIDENCE_WORDS words, then to None.
    """
    def tally(pairs: list[tuple[Segment, Detection]]) -> str | None:
        counts: dict[str, int] = {}
        for seg, det in pairs:
            if not det.undetermined and det.confidence >= 0.5:
                counts[det.lang] = counts.get(det.lang, 0) + len(seg.text)
        return max(sorted(counts), key=lambda k: counts[k]) if counts else None

    long = [(s, d) for s, d in detections if len(_tokens(s.text)) >= PAGE_EVIDENCE_WORDS]  # words_of's count
    return tally([(s, d) for s, d in long if s.in_article]) or tally(long)


def _priors(families: list[str | None], page: str | None, first: list[Detection]) -> list[str | None]:
    """The prior for each segment: its neighbours' language if they agree and share its script, else the page's.

    Only a neighbour sure of its own language counts ("Europe" alone may read as French): each
    segment's neighbour either way is the nearest one with a language, found in one pass each way.
    """
    def nearest(order) -> list[str | None]:
        found: list[str | None] = [None] * len(first)
        last = None
        for i in order:
            found[i] = last
            if not first[i].undetermined:
                last = first[i].lang if first[i].confidence >= NEIGHBOUR_CONFIDENCE else None
        return found

    before, after = nearest(range(len(first))), nearest(range(len(first) - 1, -1, -1))
    out = []
    for i, family in enumerate(families):
        family_langs = SCRIPT_FAMILIES.get(family or "", ())
        if before[i] and before[i] == after[i] and before[i] in family_langs:
            out.append(before[i])
        elif page in family_langs:
            out.append(page)
        else:  # Latin names and labels on a page in another script are mostly English
            out.append(ENGLISH if family == "latin" else page)
    return out


def _is_strong(det: Detection, text: str) -> bool:
    return det.confidence >= STRONG_CONFIDENCE and sum(not name for _, name in _tokens(text)) >= STRONG_WORDS


def ui_languages(glossary: Glossary) -> dict[str, tuple[str, ...]]:
    """Every curated UI string (normalised) with all the languages the glossaries list it in.

    "меню" is a Russian and a Ukrainian button alike; the page decides which.
    """
    out: dict[str, list[str]] = {}
    for entry in glossary.entries:
        if entry.kind == UI_KIND:
            for form in (entry.term, *entry.aliases):
                langs = out.setdefault(ui_key(form), [])
                if entry.lang not in langs:
                    langs.append(entry.lang)
    return {k: tuple(v) for k, v in out.items()}


def _ui_languages(glossary: Glossary) -> dict[str, tuple[str, ...]]:
    """`ui_languages(glossary)`, built once per glossary (it is read-only while pages are marked)."""
    key = "detect:ui-languages"
    cached = glossary._cache.get(key)
    if cached is None:
        cached = glossary._cache[key] = ui_languages(glossary)
    return cached  # type: ignore[return-value]


def _curated_language(text: str, langs: tuple[str, ...], prior: str | None, detector: Detector) -> str:
    """The language of a curated UI string listed under `langs`, given its segment's prior.

    Several languages may list the same string ("меню"): the prior picks among them.
    A string that reads as the page's own language stays in it ("International" is
    listed as a French menu label, but on an English page it is English; "Sport" on a
    German page is German): translating it would gain nothing.
    """
    if prior in langs:
        return prior
    guess = detector(text, prior).lang
    if guess == prior:
        return guess
    return guess if guess in langs else langs[0]


def mark_languages(article: Article, glossary: Glossary | None = None, detector: Detector = detect_language) -> Article:
    """Set `lang` and `confidence` on every segment of `article` (mutated and returned).

    Curated UI strings take the glossary's language. Other segments are detected with
    a prior: their neighbours' language when both agree, else the page's dominant
    language. On an English page, a Latin segment stays English unless its own evidence
    is strong (several words, high confidence), so a name or a one-word button is never
    sent to translation by mistake; a segment in another script (a Cyrillic label on an
    English page) is always judged on its own.
    """
    segments = article.segments
    curated = _ui_languages(glossary) if glossary is not None else {}
    # before the page is known, only each segment's language and confidence are read
    if detector is detect_language:
        score_texts([s.text for s in segments])
        firsts = _FIRSTS.get(WEIGHTS, {})  # the batch's, where it used arrays
        first = [firsts.get(s.text) or _unprimed(s.text) for s in segments]
    else:
        first = [detector(s.text) for s in segments]
    page = dominant_language(list(zip(segments, first)))
    families = [family_of(s.text) for s in segments]
    priors = _priors(families, page, first)
    keys = [ui_key(s.text) for s in segments]
    # what is asked below with a prior, answered together where the batch's arrays hold the text
    batched = _detect_many([(s.text, p) for s, p, k, f in zip(segments, priors, keys, first)
                            if not curated.get(k) and not f.undetermined], WEIGHTS) if detector is detect_language else {}
    for i, (seg, family, prior) in enumerate(zip(segments, families, priors)):
        langs = curated.get(keys[i])
        if langs:
            seg.lang, seg.confidence = _curated_language(seg.text, langs, prior, detector), 0.99
            continue
        if first[i].undetermined:
            seg.lang, seg.confidence = first[i].lang, first[i].confidence
            continue
        det = batched.get((seg.text, prior))
        if det is None:
            det = detector(seg.text, prior)
        if page == ENGLISH and family == "latin" and det.lang != ENGLISH and not _is_strong(det, seg.text):
            english = next((p for lang, p in det.scores if lang == ENGLISH), 0.0)
            det = Detection(ENGLISH, max(english, 0.5), det.scores)
        seg.lang, seg.confidence = det.lang, det.confidence
    return article
