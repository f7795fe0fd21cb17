"""Words of a sentence for the summarisers: tokens, stems, stop words, in any routed language, all offline.

English: the stop words are the list sumy ships in its package data and the stemmer is the
Snowball English stemmer from `snowballstemmer` (pure Python, loads in a tenth of a second,
where importing NLTK's copy of it takes seconds). This is exactly what the English summary
has always used.

Other languages: the Snowball stemmer of the language where snowballstemmer has one (ru, de,
fr, es, it, pt, pl, sr, ...). Ukrainian and Bulgarian have none; Ukrainian words are reduced to
pymorphy3's lemmas (its uk dictionary is already a dependency of the glossary), which scored
higher on the faithfulness bench than the Russian stemmer run on Ukrainian (see
bench/summary_source.py); Bulgarian, Macedonian and Belarusian fall back to the Russian stemmer,
whose endings they largely share. Stop words: sumy's list where it ships one, else our own short
lists of function words (ru, uk, bg, sr), else none. Everything loads on first use.

What the sentences share is meant to be what their English translations would share, since the
summary chosen in the source should be the one the English digest would choose. Three rules
bring the source's recurring words closer to the English ones (measured on the tune half of
bench/summary_source.py; English is untouched):
- Russian stems are cut to their first six letters (`_TRUNCATED`), a light stemming long used for
  Slavic retrieval: it joins a word family that English spells with one stem and Snowball's
  Russian endings keep apart ("вакцина"/"вакцинация", both "vaccin" in English). Ukrainian lemmas
  are cut to eight ("волонтер", "волонтерський": "volunt" in English; on the tune half at 1 to 5
  sentences cut to 6, 7, 8 letters 0.712, 0.710, 0.715, whole lemmas 0.703);
- the word "year" after a year number ("в 2021 году", "у 2021 році") is dropped: English writes
  "in 2021", so the word recurs in the source only;
- set phrases English says with function words ("по словам", "в том числе", "в случае") give
  no content words (`_PHRASE_WORDS`, Russian only: on Ukrainian they cost).
Measured on the same bench and not kept, since none moved the tune half, the 5-fold cross-validation
on it and the check half the same way (all within a document or two of today): pymorphy3 lemmas for
Russian (cut or not, stemmed or not); function words dropped by pymorphy3's part of speech; Russian
and Ukrainian equivalents of the verbs and adjectives on sumy's English list (come, take, new...);
an acronym counted as the words it stands for; Ukrainian noun-first lemmas or Snowball's Russian
stems; Russian stems cut to five or seven letters; a near-duplicate threshold of 0.3 to 0.8 for the
source (0.5 as in English); a minimum of four or six words for a source sentence. Oracles on ru news
(tune/check): every word-based signal (salience, per word, centrality, title) taken from the aligned
English sentence gives 0.917/0.875 against 0.833/0.800, salience alone 0.875/0.842; the English page's
segment kinds given to the Russian page leave news as it is (social check 0.813 to 0.867: kinds are
clean's). The source's recurring words already follow the English ones closely (within-document
correlation of salience about 0.84 for Russian); what is left is mostly translation itself (a
synonym where English repeats a word, one word where English writes two).
Measured later the same way (tune half; 5-fold cross-validation by document with the weights refitted,
at 1 to 5 sentences, 0.752 over ru and uk today), none kept, all within 0.005 of today or below it:
Russian stems merged within a document where one is a prefix of another (4 or 5 letters and up);
pymorphy3 lemmas then Snowball stems cut to six; words above a wordfreq frequency taken as stop
words (-2.5 to -4.0, log10); a curated term's words replaced by its English rendering's stems (0.755),
or by one token; salience averaged over stems, lemmas cut to five and Snowball stems cut to five
(within-document correlation of salience with the English one 0.843 to 0.853, agreement 0.751);
salience of character 5-grams, of stems seen three times and more, of the document's five commonest
stems, or of squared counts, as signals beside the others; products of signals; a ranking loss
(pairwise logistic) or a ridge weighted toward the English top five instead of plain ridge (0.720 to
0.748). `bench/summary_source.py --misses` counts why the source misses what the English chose: on
Russian news, never because cleaning gave the line another kind; mostly a near miss.
"""

from __future__ import annotations

import pkgutil
import re
from functools import lru_cache, partial
from typing import Callable

from ..text.sentences import split_sentences

# A word: letters or digits, with inner apostrophes, hyphens or dots ("don't", "e-mail", "U.S").
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")

# Snowball algorithm per language code; languages absent here have no Snowball stemmer.
_SNOWBALL = {
    "en": "english", "ru": "russian", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "pl": "polish", "sr": "serbian", "nl": "dutch", "sv": "swedish", "da": "danish",
    "nb": "norwegian", "no": "norwegian", "fi": "finnish", "hu": "hungarian", "ro": "romanian",
    "tr": "turkish", "cs": "czech", "el": "greek", "ar": "arabic", "ca": "catalan", "eu": "basque",
    "lt": "lithuanian", "et": "estonian", "id": "indonesian", "ga": "irish", "hi": "hindi",
    "fa": "persian", "hy": "armenian", "ne": "nepali", "ta": "tamil", "eo": "esperanto",
    # close relatives without a stemmer of their own: the Russian endings serve them best
    "bg": "russian", "mk": "russian", "be": "russian",
}
_LEMMATISED = ("uk",)  # pymorphy3 lemmas instead of a stemmer
_TRUNCATED = {"ru": 6, "uk": 8}  # stems cut to this many letters (see the module docstring)
_MORPH_STOPS = ("ru", "uk")  # inflected stop words found by their pymorphy3 lemma, not their stem
# "year" after a year number: "в 2021 году" is "in 2021"
_YEAR_WORDS = {
    "ru": frozenset("год году года годах годы гг г".split()),
    "uk": frozenset("рік році року роки роках рр р".split()),
}
# words of set phrases that English says with function words ("according to", "including", "in case")
_PHRASE_WORDS = {"ru": frozenset("ранее словам слова случае числе целом итоге частности данным".split())}

_SUMY_STOPS = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian", "pt": "portuguese",
    "pl": "polish", "cs": "czech", "sk": "slovak", "sv": "swedish", "el": "greek", "uk": "ukrainian",
    "ar": "arabic", "he": "hebrew",
}
# Our own lists of function words for languages sumy has no list for (and Ukrainian additions).
_OWN_STOPS = {
    "ru": """а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до
        его ее её ей ему если есть еще ещё же за здесь и из или им их к как как-то когда который которая которое
        которые которых котором которой кто ли либо мне может мы на над надо наш не него нее неё нет ни них но
        ну о об однако он она они оно от очень по под при про с со так также такой там те тем то того тоже той
        только том ты у уже хотя чего чей чем что чтобы чье чья эта эти это этого этой этом этот я
        свой своя свои своих своей своим себя себе был будет будут может могут лишь ведь вдруг пока сам сама
        сами после перед между через около почти
        ему ним нем нём нею ней нам нами вами ими меня мной тебя тебе тот та ту тех тому теми тою этих этим
        этими эту всё вся всю всем всеми всей свою своего своему своими своем своём наша наши нашего ваш ваша
        каждый каждая любой другой другая другие иной сам самый весьма более менее больше меньше много мало
        несколько всегда иногда никогда часто уже теперь сейчас тогда потом затем снова опять ещё вновь
        здесь туда сюда оттуда везде нигде где-то куда откуда почему зачем поэтому потому ибо поскольку
        пусть хоть будто словно именно лишь только просто вполне действительно конечно наверное возможно
        видимо очевидно например кроме вместо среди вокруг вдоль против ради благодаря согласно вследствие
        является являются являлся была были стал стала стали стать становится бывает будь можно нельзя нужно
        надо должен должна должны может могут мог могла могли хочет хотят хотел знать знает думать думает
        сказал сказала сказали говорит говорят сказать заявил заявила заявили сообщил сообщила сообщили
        новый новая новое новые старый первый первая второй третий один одна одно одни два две три четыре
        пять шесть семь восемь девять десять однако впрочем итак также тоже притом причем причём зато
        либо нибудь какой какая какое какие такая такое такие таков сколько столько весь целый""",
    "uk": """а але без би був була були було бути в вам вас весь ви від вона вони воно все всі він де для до
        є його її з за зі і із й їх коли котрий лише між мене ми на над не нас ні но ну о об однак він по
        під після при про та так також там те тим то тобто того тому ті у уже хоча це цей ці цих цього чи
        що щоб як який яка яке які яких якій якщо я свій своя свої своїх себе собі буде будуть може можуть
        йому ним ньому нею ній нам нами вами ними мене мною тебе той та ту тих тому тими цих цим цими цю
        все вся всю всім всіма всієї свою свого своєму своїми наша наші нашого ваш ваша кожен кожна будь-який
        інший інша інші сам самий більш менш більше менше багато мало кілька завжди іноді ніколи часто
        тепер зараз тоді потім згодом знову ще тут туди сюди звідти скрізь ніде чому навіщо тому бо оскільки
        хай нехай хоч ніби саме лише тільки просто цілком справді звичайно мабуть можливо очевидно
        наприклад крім замість серед навколо вздовж проти завдяки згідно внаслідок є являє була були став
        стала стали стати стає можна не можна треба потрібно має мають повинен повинна повинні міг могла
        могли хоче хочуть хотів знати знає думати думає сказав сказала сказали каже кажуть говорить заявив
        заявила заявили повідомив повідомила повідомили новий нова нове нові старий перший перша другий
        третій один одна одне одні два дві три чотири п'ять шість сім вісім дев'ять десять однак втім отже
        теж притому причому зате або який-небудь така таке такі скільки стільки весь цілий""",
    "bg": """а без би бил била били било в във вие все всички да до его е ако за и из или им как като които
        който която което към ли на над не него нея ни но о от по под при с са се си след сме със също
        та така там те то тя той тук у че ще що я""",
    "sr": """а ако би био била били било бити в где да до ево за и из или их ја је као кад када који која
        које на над не него ни но о од по под при са се су та тако то у уз чак што""",
}


def words_in(text: str) -> tuple[str, ...]:
    """The word tokens of a text, in order, punctuation dropped, case kept."""
    return tuple(_WORD.findall(text))


def _base(lang: str) -> str:
    return (lang or "en").split("-")[0].lower()


@lru_cache(maxsize=64)
def stop_words(lang: str = "en") -> frozenset[str]:
    """The stop words of a language, lower-cased (sumy's list, else ours, else none)."""
    lang = _base(lang)
    words: set[str] = set()
    if lang in _SUMY_STOPS:
        data = pkgutil.get_data("sumy", f"data/stopwords/{_SUMY_STOPS[lang]}.txt") or b""
        words |= {w.strip().lower() for w in data.decode("utf-8").splitlines() if w.strip()}
    if lang != "en":  # English stays exactly sumy's list
        words |= set(_OWN_STOPS.get(lang, "").split())
    return frozenset(words)


@lru_cache(maxsize=64)
def _snowball(algorithm: str):
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=131072)
def stem(word: str, lang: str = "en") -> str:
    """The stem of a word in its language, lower-cased: Snowball's, pymorphy3's lemma for Ukrainian,
    else the lower-cased word itself."""
    return _stemmer(_base(lang))(word.lower())


@lru_cache(maxsize=64)
def _stemmer(lang: str) -> Callable[[str], str]:
    """What `stem` does to a lower-cased word of language `lang` (a base code, as `_base` gives)."""
    if lang in _LEMMATISED:
        return partial(_lemma, lang=lang)
    algorithm = _SNOWBALL.get(lang)
    return _snowball(algorithm).stemWord if algorithm else str  # str: the word itself


@lru_cache(maxsize=64)
def _stop_stems(lang: str) -> frozenset[str]:
    """The stems of a language's stop words: an inflected form (новая, новых) is a stop word too."""
    return frozenset(stem(w, lang) for w in stop_words(lang))


def _lemma(word: str, lang: str) -> str:
    """pymorphy3's first lemma of a lower-cased word (ru, uk), from the parses the glossary pass
    keeps too (`morph.parses`); a word pymorphy3 cannot parse is its own lemma."""
    from ..text.morph import parses

    found = parses(word, lang)
    return found[0].normal_form if found else word


@lru_cache(maxsize=8)
def _stop_lemmas(lang: str) -> frozenset[str]:
    """The lemmas of a language's stop words (ru, uk): "новых" is a stop word as a form of "новый"."""
    return frozenset(_lemma(w, lang) for w in stop_words(lang))


def _stop_by_form(word: str, lang: str) -> bool:
    """True for an inflected form of a stop word (outside English). Where pymorphy3 has the language
    the word's lemma decides, since stems collide: Snowball's Russian "поэт" is the stem of both
    "поэтому" (so, a stop word) and "поэта" (poet), "сем" of "семь" and "семья", "цел" of "целый" and
    "цель". Elsewhere the stem decides."""
    if lang in _MORPH_STOPS:
        return _lemma(word.lower(), lang) in _stop_lemmas(lang)
    return stem(word, lang) in _stop_stems(lang)


# the content stem of each word seen, by language (None: no content word), for `content_stems`: a
# page's words recur across its sentences and a word's answer never changes; bounded like `stem`'s cache
_CONTENT: dict[str, dict[str, str | None]] = {}
_CONTENT_KEPT = 131072
_UNSEEN = object()


def _content_stem(word: str, base: str) -> str | None:
    """The stem `content_stems` keeps for one word of language `base`, or None for a stop word, a number
    or a set-phrase word (the year word after a number depends on its neighbour: `content_stems` drops it)."""
    low = word.lower()
    if low in stop_words(base) or word.replace(".", "").isdigit() or low in _PHRASE_WORDS.get(base, ()):
        return None
    # the stem made here, not by `stem`: most words a page's sentences give are new to the run, and the
    # stemmer is a call in C where `stem` would add a Python call and a cache entry of its own
    stemmed = _stemmer(base)
    if base == "en":
        return stemmed(low)
    if base in _MORPH_STOPS:
        if _stop_by_form(word, base):
            return None
        found = stemmed(low)
    else:
        found = stemmed(low)
        if found in _stop_stems(base):  # `_stop_by_form` outside Russian and Ukrainian, with the stem made once
            return None
    cut = _TRUNCATED.get(base)
    return found[:cut] if cut else found


def content_stems(words: tuple[str, ...], lang: str = "en") -> tuple[str, ...]:
    """The stems of the words that are not stop words and not pure numbers, in order.

    Outside English an inflected form of a stop word is a stop word too (`_stop_by_form`: by its
    lemma in Russian and Ukrainian, by its stem elsewhere), since a list cannot spell out every
    inflection; English keeps the plain list lookup."""
    base = _base(lang)
    table = _CONTENT.get(base)
    if table is None or len(table) > _CONTENT_KEPT:
        table = _CONTENT[base] = {}
    # the year word is a source-language rule: English has no list
    years = _YEAR_WORDS.get(base)
    out = []
    for i, w in enumerate(words):
        found = table.get(w, _UNSEEN)
        if found is _UNSEEN:
            found = table[w] = _content_stem(w, base)
        if found is not None and not (years and _year_after_number(words, i, years)):
            out.append(found)
    return tuple(out)


def _year_after_number(words: tuple[str, ...], i: int, years: frozenset[str]) -> bool:
    return i > 0 and words[i].lower() in years and words[i - 1][:1].isdigit()


class WordTokenizer:
    """The tokenizer object sumy expects (`to_sentences`, `to_words`), with our offline splitter."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph, "en"))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return words_in(sentence)
