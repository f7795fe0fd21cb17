"""Offline sentence splitting for every language we handle (no NLTK data, no downloads).

`split_sentences(text, lang)` returns the sentences of one paragraph, in order, each
stripped; joining them with single spaces gives back the text up to whitespace.

A boundary is a run of `.`, `!`, `?` or `…` (plus any closing quotes or brackets)
followed by whitespace and a word that starts with a capital letter or a digit
(possibly behind an opening quote or a dialogue dash). A full stop is then
vetoed when it belongs to an abbreviation ("Mr.", "e.g.", "z. B.", "т. е."), an
initial ("J. R. R. Tolkien", "В. В. Путин"), a dotted acronym that does not end
the sentence ("U.S. officials"), or a German ordinal ("am 3. Oktober").
"""

from __future__ import annotations

import re
from functools import lru_cache

# Quotes and brackets that may close a sentence after its final punctuation, and
# those that may open the next one. “ closes in English and German („…“) alike.
_CLOSERS = "\"'»”“’‘›)]"
_OPENERS = "\"'«„“‘‚‹(["
_DASHES = "—–-"

_CANDIDATE = re.compile(r"(?P<end>[.!?…]+)(?P<close>[" + re.escape(_CLOSERS) + r"]*)(?P<space>\s+)")

# A dotted acronym or abbreviation without its final dot: "U.S", "e.g", "a.m", "z.B", "т.е".
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}$")
# Abbreviations that never end a sentence when a capitalised word follows, lower-cased,
# without their final full stop. Internal dots are kept ("e.g", "z.b").
_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """mr mrs ms mx dr prof st mt ft gen col lt maj sgt capt cmdr adm rep sen gov rev hon
        pres supt insp cpl pte fr sr jr messrs mme mlle vs cf e.g i.e viz approx
        dept figs vols pp pg ave blvd
        jan feb apr jun jul aug sep sept oct nov dec tue tues thu thur thurs""".split()
    ),
    "ru": frozenset(
        """г гг ул пр просп пер пл д кв им см ср стр с т тт проф акад доц чл корр ген
        полк подп лейт капт тыс млн млрд трлн руб коп долл св ст обл р-н н э вв
        т.е т.к т.н и.о напр""".split()
    ),
    "uk": frozenset(
        """р рр м вул просп пров пл буд кв ім див ст с т тт проф акад доц ген полк
        тис млн млрд трлн грн коп дол св обл р-н н е ст т.зв т.ч т.б і.о напр""".split()
    ),
    "de": frozenset(
        """dr prof nr str st bzw ca evtl ggf inkl usw vgl z.b d.h u.a u.ä o.ä s.o s.u z.t
        bspw hr fr abs bd jh mio mrd tsd sog u.u zt""".split()
    ),
}
# Foreign text quotes English titles and names ("Mr.", "Dr."), so every language also knows ours.
_ABBREVIATIONS_WITH_ENGLISH = {lang: words | _ABBREVIATIONS["en"] for lang, words in _ABBREVIATIONS.items()}
# The first letter of a two-part abbreviation written with a space ("z. B.", "т. е.",
# "d. h."): the part before the space, when the part after is its known completion.
_SPLIT_ABBREVIATIONS: dict[str, frozenset[tuple[str, str]]] = {
    "ru": frozenset({("т", "е"), ("т", "д"), ("т", "п"), ("т", "к"), ("т", "н"), ("и", "о"), ("н", "э")}),
    "uk": frozenset({("т", "зв"), ("т", "ч"), ("т", "б"), ("і", "о"), ("н", "е")}),
    "de": frozenset({("z", "b"), ("d", "h"), ("u", "a"), ("s", "o"), ("s", "u"), ("z", "t"), ("o", "ä"), ("u", "ä")}),
}
# Abbreviations that take a number after them ("No. 10", "Nr. 5", "p. 34").
_BEFORE_NUMBER = frozenset("no nos nr p pp art vol fig ch sec op tel jan feb mar apr jun jul aug sep sept oct nov dec №".split())
# Abbreviations that can also close a sentence after a number ("в 2017 г. Он ...").
_AFTER_NUMBER_MAY_END = frozenset("г гг р рр".split())
# The second halves of "т. д.", "т. п." (ru, uk), which usually close a sentence.
_LIST_ENDINGS = {"ru": frozenset({"д", "п"}), "uk": frozenset({"д", "п", "ін"})}
# Words that start most sentences: after a dotted acronym ("U.S.", "a.m.") they mean
# the acronym ended the sentence.
_STARTERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """the a an this that these those it its he she they we i you his her their our
        there but and so yet however meanwhile in on at for if when while after before
        as since although though many some most one two three what why how who""".split()
    ),
    "ru": frozenset("он она они оно мы я это эти этот в на но и а по как что при после".split()),
    "uk": frozenset("він вона вони воно ми я це ці цей в у на але і й а за як що при після".split()),
    "de": frozenset("der die das er sie es wir ich ein eine dies diese aber und doch in im am auch".split()),
}
# German words that follow an ordinal number ("am 3. Oktober", "im 19. Jahrhundert").
_GERMAN_ORDINAL_NOUNS = frozenset(
    """januar februar märz april mai juni juli august september oktober november dezember
    jahrhundert jahrtausend mal platz stock runde liga klasse spieltag bundesliga
    geburtstag jahrestag lebensjahr todestag""".split()
)


def _language(lang: str) -> str:
    """The rule set for a language code: our own where we have one, English otherwise."""
    code = (lang or "en").lower().split("-")[0]
    return code if code in _ABBREVIATIONS else "en"


def _word_before(text: str, end: int) -> str:
    """The token just before position `end` (a full stop), without leading quotes or brackets."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(_OPENERS + _DASHES)


def _token_before_that(text: str, start: int) -> str:
    """The token before the one that starts at `start`, without its dots."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return _word_before(text, end).strip(".") if end > 0 else ""


def _word_after(text: str, start: int) -> str:
    """The word from `start` on, skipping an opening quote, bracket or dialogue dash."""
    i = start
    while i < len(text) and (text[i] in _OPENERS or text[i] in _DASHES or text[i].isspace()):
        i += 1
    j = i
    while j < len(text) and not text[j].isspace():
        j += 1
    return text[i:j]


def _starts_sentence(word: str) -> bool:
    """True when a word can open a sentence: a capital letter or a digit first."""
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _full_stop_ends(text: str, dot: int, nxt: str, lang: str, quoted: bool) -> bool:
    """Whether the single full stop at `dot`, followed by the word `nxt`, ends a sentence."""
    if quoted:
        # A full stop inside closing quotes is the end of the quoted sentence.
        return True
    word = _word_before(text, dot)
    key = word.lower()
    nxt_key = nxt.lower().strip(_CLOSERS + ",;:.!?")
    abbreviations = _ABBREVIATIONS_WITH_ENGLISH[lang]
    if nxt[:1].isdigit():
        return key not in _BEFORE_NUMBER
    if key in _AFTER_NUMBER_MAY_END and lang in ("ru", "uk"):
        return _token_before_that(text, dot - len(word)).isdigit() and nxt_key not in _ABBREVIATIONS[lang]
    if key in _LIST_ENDINGS.get(lang, frozenset()) and _token_before_that(text, dot - len(word)) in ("т", "и"):
        # "и т. д." / "и т. п." close enumerations and often the sentence.
        return True
    if key in abbreviations:
        return False
    if len(word) == 1 and word.isalpha():
        # An initial, or the first half of "z. B." / "т. е.".
        pair = (key, nxt_key)
        if pair in _SPLIT_ABBREVIATIONS.get(lang, frozenset()):
            return False
        return not word.isupper() and nxt_key in _STARTERS[lang]
    if _DOTTED.match(word.rstrip(".")):
        # A dotted acronym or abbreviation: "U.S.", "a.m.", "z.B." ends the sentence only
        # when a typical sentence opener follows.
        return nxt_key in _STARTERS[lang] or nxt_key in _STARTERS["en"]
    if lang == "de" and word.isdigit() and len(word) <= 2 and nxt_key in _GERMAN_ORDINAL_NOUNS:
        return False
    return True


def _inside_quotation(text: str, at: int, lang: str) -> bool:
    """True when `at` lies inside a quotation that closes later in the text.

    A quotation of several sentences («Мы успели. Техника прибыла», — сказал он) stays
    one sentence with its attribution. Quotes that never close (a quotation running on
    into the next paragraph) do not hold back the split.
    """
    before, after = text[:at], text[at:]
    pairs = [("«", "»"), ("„", "“")] if lang in ("de",) else [("«", "»"), ("“", "”")]
    for opening, closing in pairs:
        if before.count(opening) > before.count(closing) and closing in after:
            return True
    return before.count('"') % 2 == 1 and '"' in after


def _is_boundary(text: str, match: re.Match[str], lang: str) -> bool:
    """Whether a candidate (punctuation, closers, whitespace) ends the sentence before it."""
    nxt = _word_after(text, match.end())
    if not _starts_sentence(nxt):
        return False
    if _inside_quotation(text, match.end(), lang):
        return False
    end = match.group("end")
    if end != ".":
        # "!", "?", "…", "..." and mixtures end a sentence when a capital follows.
        return True
    return _full_stop_ends(text, match.start("end"), nxt, lang, quoted=bool(match.group("close").strip(")]")))


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """Split one paragraph into sentences, in order, each stripped of outer whitespace.

    `lang` is an ISO 639-1 code choosing the abbreviation rules (en, ru, uk, de have
    their own; any other language uses the English ones). Whitespace runs, including
    line breaks, are collapsed to one space first.
    """
    return list(_sentences(" ".join(text.split()), _language(lang)))


# paragraphs whose sentences are kept: the summary splits a page's body and the glossary then asks again
# for the sentences of the paragraphs that name its terms
PARAGRAPHS_KEPT = 1024


@lru_cache(maxsize=PARAGRAPHS_KEPT)
def _sentences(text: str, rules: str) -> tuple[str, ...]:
    """`split_sentences` of a text whose whitespace runs are single spaces, by the rule set `rules`."""
    if not text:
        return ()
    sentences = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        if _is_boundary(text, match, rules):
            sentence = text[start : match.start("space")].strip()
            if sentence:
                sentences.append(sentence)
            start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return tuple(sentences)
