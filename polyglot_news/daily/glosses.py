"""English glosses of frequent Russian and Ukrainian words, to match a story with its translation.

Names, numbers and cognates carry a news report across languages, but a short message
("Дякую, завтра буду о 10") has few of them: what it shares with its translation is
ordinary words. `gloss_lists/` holds every noun, verb, adjective and adverb lemma of wordfreq's
20,000 most frequent words of each language (names left out; about 5,500 lines each, glossed by
us), with the function words a short message leans on, as dictionary forms, each with the
frequent inflected forms its stem would miss (було for бути, хочу for хотіти), written
`бути|було|був`. A word pymorphy3's dictionary holds meets a line by its lemma: a lemma the
line lists, or one whose stem (`stem_of`: the form less its ending, followed by at most
`MAX_ENDING` letters, two after a stem of three, the longest stem winning) reaches a line
whose dictionary form is the same part of speech. Letters alone mislead: "после" begins like
посла (посол, ambassador), "мін" (mines) like міняти (change). A word the dictionary does not
hold (a typo, slang) meets a line by its own stem.
English words are folded by `english_key` (plural, -ed, -ing, final e, and irregular forms
to their base: understood, understand), the same fold the glosses get, so "cleaning",
"cleaned" and "clean" meet. Every form a line lists also glosses as itself, whatever its stem;
a word of two letters (не, ми) only as itself, since as a stem it would begin too many words.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..text.morph import in_dictionary, normal, parses

GLOSS_LANGS = ("uk", "ru")
MAX_ENDING = 4  # letters an inflection may add after a stem
SHORT_STEM, SHORT_ENDING = 3, 2  # a stem this short may take only this many
LIKELY_SHARE = 0.1  # a reading of a word counts when it scores at least this share of its best one
_LISTS = Path(__file__).with_name("gloss_lists")
# parts of speech that never inflect: a word that may be one is that word (после, серед), no form of another
_UNINFLECTED_POS = {"PREP", "CONJ", "PRCL", "INTJ"}
# pymorphy3's parts of speech by family: a verb's infinitive, participles and gerund are the verb, and so on
_POS_FAMILY = {"INFN": "VERB", "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "ADJS": "ADJF", "COMP": "ADJF"}

# endings of dictionary forms, longest first within each part of speech: what inflection replaces
_VERB_ENDINGS = ("увати", "ювати", "овать", "евать", "ити", "іти", "ати", "яти", "ути", "ити", "ить", "ать", "ять",
                 "еть", "уть", "оть", "ти", "чь")
_ENDINGS = ("ий", "ій", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ія", "ия", "ья", "ня", "а", "я", "о", "е", "ь",
            "й", "и", "і", "ы", "у", "ю", "є")
# the same endings in the same order, by their last letter: a word is tried only against those it can end in
_ENDINGS_BY_LAST: dict[str, tuple[str, ...]] = {}
for _ending in (*_VERB_ENDINGS, *_ENDINGS):
    _ENDINGS_BY_LAST[_ending[-1]] = (*_ENDINGS_BY_LAST.get(_ending[-1], ()), _ending)


def stem_of(lemma: str) -> str:
    """The part of a dictionary form that inflection keeps (дякувати -> дяку, людина -> людин), at least three letters."""
    w = lemma.casefold().replace("ё", "е").replace("’", "'")
    for reflexive in ("ся", "сь"):
        if w.endswith(reflexive) and len(w) > 5:
            w = w[:-2]
            break
    for ending in _ENDINGS_BY_LAST.get(w[-1:], ()):
        if w.endswith(ending) and len(w) - len(ending) >= SHORT_STEM:
            ending_kept = "у" if ending in ("увати", "овать") else "ю" if ending in ("ювати", "евать") else ""
            return w[: len(w) - len(ending)] + ending_kept
    return w


# English forms no suffix rule reaches, each to its base: irregular verbs (past, participle, third person)
# and plurals; written by us from the grammar, so "we understood" meets "зрозуміли" (understand)
_IRREGULAR_FORMS = """
be: am is are was were been being | have: has had having | do: does did done doing | go: goes went gone
say: said says | make: made | get: got gotten | know: knew known | think: thought | take: took taken
see: saw seen | come: came | give: gave given | find: found | tell: told | become: became
leave: left | feel: felt | bring: brought | begin: began begun | keep: kept | hold: held
write: wrote written | stand: stood | hear: heard | let: lets | mean: meant | meet: met | run: ran
pay: paid | sit: sat | speak: spoke spoken | lie: lay lain | lead: led | grow: grew grown | lose: lost
fall: fell fallen | send: sent | build: built | understand: understood | draw: drew drawn | break: broke broken
spend: spent | cut: cuts | rise: rose risen | drive: drove driven | buy: bought | wear: wore worn
choose: chose chosen | seek: sought | throw: threw thrown | catch: caught | deal: dealt | win: won
forget: forgot forgotten | lend: lent | sell: sold | fight: fought | teach: taught | eat: ate eaten
sleep: slept | fly: flew flown flies | drink: drank drunk | sing: sang sung | swim: swam swum
ride: rode ridden | wake: woke woken | steal: stole stolen | hide: hid hidden | shake: shook shaken
forgive: forgave forgiven | freeze: froze frozen | bite: bit bitten | blow: blew blown | feed: fed
hang: hung | shoot: shot | shine: shone | light: lit | spread: spreads | strike: struck | swear: swore sworn
tear: tore torn | bear: bore born borne | beat: beaten | bend: bent | bind: bound | dig: dug
dream: dreamt dreamed | learn: learnt | burn: burnt | smell: smelt | spell: spelt | spill: spilt
stick: stuck | sting: stung | swing: swung | hang: hung | lay: laid | mistake: mistook mistaken
overcome: overcame | undertake: undertook undertaken | withdraw: withdrew withdrawn | arise: arose arisen
can: could | will: would | shall: should | may: might
child: children | person: people | man: men | woman: women | foot: feet | tooth: teeth | mouse: mice
goose: geese | life: lives | wife: wives | knife: knives | half: halves | leaf: leaves | shelf: shelves
wolf: wolves | thief: thieves | loaf: loaves | ox: oxen | good: better best | bad: worse worst | much: more most
many: more most | little: less least | far: further farther furthest
"""


def _irregular_forms() -> dict[str, str]:
    """{irregular form: base} from `_IRREGULAR_FORMS`, a form keeping its first base when two claim it."""
    out: dict[str, str] = {}
    for entry in _IRREGULAR_FORMS.replace("\n", "|").split("|"):
        base, _, forms = entry.partition(":")
        for form in forms.split():
            out.setdefault(form, base.strip())
    return out


_IRREGULAR = _irregular_forms()


@lru_cache(maxsize=100_000)
def english_key(word: str) -> str:
    """An English word folded so its inflections meet: lower case, no plural, -ed, -ing or final e.

    An irregular form is its base first (went -> go, children -> child, understood -> understand).
    """
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = _IRREGULAR.get(w, w)
    n = len(w)
    if n > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif n > 5 and w.endswith("ing"):
        w = w[:-3]
    elif n > 4 and w.endswith("ed"):
        w = w[:-2]
    elif n > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # stopped, running
    return w


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, tuple[_Line, ...]]:
    """{stem or listed form: the lines it comes from} for one language's list; empty when the language has none."""
    path = _LISTS / f"{lang}.tsv"
    if lang not in GLOSS_LANGS or not path.exists():
        return {}
    out: dict[str, tuple[_Line, ...]] = {}
    for text in path.read_text(encoding="utf-8").splitlines():
        if not text or text.startswith("#"):
            continue
        words, _, english = text.partition("\t")
        forms = tuple(dict.fromkeys(normal(w) for w in words.split("|")))
        line = _Line(frozenset(forms), forms[0], lang, tuple(dict.fromkeys(english_key(g) for g in english.split())))
        for form in forms:
            # the listed form itself too: a stem of three letters reaches no ending over two (думати, дум)
            for stem in dict.fromkeys((*_stems(form, lang), form)):
                if line not in out.get(stem, ()):
                    out[stem] = (*out.get(stem, ()), line)
    return out


class _Line(NamedTuple):
    """One line of a gloss list: its forms, its dictionary form and language, its English keys."""

    forms: frozenset[str]
    head: str
    lang: str
    keys: tuple[str, ...]


@lru_cache(maxsize=None)
def _parts_of_speech(line: _Line) -> frozenset[str]:
    """The parts of speech (by family) a line's dictionary form reads as.

    Asked only when a lemma reaches the line by its stem, so loading a list parses none of its
    thousands of words: the first day's grouping would otherwise pay for them all.
    """
    return frozenset(_family(p) for p in _likely(line.head, line.lang))


def _stems(word: str, lang: str) -> list[str]:
    """A dictionary form's stem, and for Ukrainian the stem with its last і as о and е (гість, гостей; рік, року)."""
    stem = stem_of(word)
    out = [stem]
    at = stem.rfind("і")
    if lang == "uk" and at > 0:
        out += [stem[:at] + v + stem[at + 1:] for v in ("о", "е")]
    return out


def _family(reading) -> str:
    """A pymorphy3 reading's part of speech, by family (`_POS_FAMILY`)."""
    return _POS_FAMILY.get(reading.tag.POS, reading.tag.POS)


def _likely(word: str, lang: str) -> tuple:
    """The readings pymorphy3's dictionary holds for `word`, of at least `LIKELY_SHARE` of the best one's score.

    () when the dictionary does not hold the word (a guess from its ending is no reading here).
    Russian readings are scored by frequency (после: the preposition, not посол's locative);
    Ukrainian ones all score alike.
    """
    if not in_dictionary(word, lang):  # cheap, and spares pymorphy3 guessing the readings of a word it lacks
        return ()
    known = [p for p in parses(word, lang) if p.is_known]
    if not known:
        return ()
    top = max(p.score for p in known)
    return tuple(p for p in known if p.score >= top * LIKELY_SHARE)


def _uninflected(reading) -> bool:
    """True for a reading as a preposition, conjunction (not a parenthetical verb: понимаешь), particle or interjection."""
    return reading.tag.POS in _UNINFLECTED_POS and "Prnt" not in reading.tag.grammemes


@lru_cache(maxsize=1)
def english_keys() -> frozenset[str]:
    """Every English key some listed word glosses to: only these are clues on the English side."""
    return frozenset(k for lang in GLOSS_LANGS for lines in _table(lang).values() for line in lines for k in line.keys)


@lru_cache(maxsize=4)
def _listed(lang: str) -> dict[str, tuple[_Line, ...]]:
    """{listed form: its lines} for one language's list."""
    out: dict[str, tuple[_Line, ...]] = {}
    for lines in _table(lang).values():
        for line in lines:
            for form in line.forms:
                if line not in out.get(form, ()):
                    out[form] = (*out.get(form, ()), line)
    return out


@lru_cache(maxsize=50_000)
def _reached(word: str, lang: str) -> tuple[_Line, ...]:
    """The lines of `lang`'s list whose stem `word` begins with, followed by at most `MAX_ENDING` letters, the longest stem."""
    table = _table(lang)
    n = len(word)
    for cut in range(0, MAX_ENDING + 1):
        size = n - cut
        if size < SHORT_STEM or (size == SHORT_STEM and cut > SHORT_ENDING):
            break
        if word[:size] in table:
            return table[word[:size]]
    return ()


def _lines_of(word: str, lang: str, readings: tuple) -> tuple[_Line, ...]:
    """The lines of `lang`'s list a word of `lang`'s dictionary, with these `_likely` readings, is a form of.

    A word pymorphy3's dictionary holds is glossed by its lemmas, not its letters: a lemma listed
    on a line, or one whose stem reaches a line whose dictionary form is the same part of speech
    (начался: начаться reaches начать; мін, of міна, is no verb and does not reach міняти). A word
    that may be a preposition, conjunction or particle is only that (серед is no form of середа).
    """
    if any(_uninflected(p) for p in readings):
        readings = tuple(p for p in readings if _uninflected(p))
    listed = _listed(lang)
    found: list[_Line] = []
    for p in readings:
        lemma = normal(p.normal_form)
        if lemma in listed:
            found += listed[lemma]
        else:
            found += [line for line in _reached(lemma, lang) if _family(p) in _parts_of_speech(line)]
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=200_000)
def glosses(word: str, lang: str) -> tuple[str, ...]:
    """The English keys of a Russian or Ukrainian word (дякую -> ("thank",)), else ().

    A listed form glosses as its line; any other word as the lines it is a form of (`_lines_of`).
    The word's own list wins, but the other one is looked in too: a short message is easily
    taken for its neighbour language. A word neither list lists is a word of the first language
    (its own first) whose dictionary holds it: "ради" in Russian is a preposition, not the
    Ukrainian рада's form; "хоча" (although) is Ukrainian, no form of the Russian хотеть.
    """
    w = normal(word)  # lower case, ё as е, one apostrophe
    own = lang if lang in GLOSS_LANGS else GLOSS_LANGS[0]
    langs = (own, *(x for x in GLOSS_LANGS if x != own))
    lines = next((_listed(x)[w] for x in langs if w in _listed(x)), ())
    if not lines and len(w) >= SHORT_STEM:  # a word of two letters glosses only as itself (не, ми)
        known = next(((x, found) for x in langs if (found := _likely(w, x))), None)
        # a word some dictionary holds is that language's word, and its lemmas say what it is; else its letters
        lines = _lines_of(w, *known) if known else _reached(w, own) or _reached(w, langs[1])
    return tuple(dict.fromkeys(k for line in lines for k in line.keys))
