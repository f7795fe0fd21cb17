"""English glosses of Russian and Ukrainian words: a word meets a listed line by its lemma, not by its letters."""

from __future__ import annotations

import pytest

from polyglot_news.daily.glosses import _LISTS, english_key, glosses
from polyglot_news.text.morph import normal, parses

FUNCTION_POS = {"PREP", "CONJ", "PRCL"}


def test_a_word_the_dictionary_holds_glosses_by_its_lemma_not_by_the_letters_it_begins_with() -> None:
    assert english_key("change") not in glosses("мін", "uk")  # міна (a mine), not міняти (change)
    assert glosses("после", "uk") == (english_key("after"),)  # the Russian preposition, no form of посол
    assert english_key("want") not in glosses("хотя", "ru")  # although, not хотеть
    assert glosses("щодо", "uk") == ()  # concerning: not listed, and no form of щодня (daily)
    assert glosses("коли", "uk") == ()  # when: not listed, and no form of колись (once)
    assert english_key("Wednesday") not in glosses("серед", "uk")  # the preposition reading wins over середа's


def test_a_lemma_whose_stem_reaches_a_line_of_its_part_of_speech_takes_its_glosses() -> None:
    assert english_key("begin") in glosses("начался", "ru")  # начаться reaches начать
    assert english_key("report") in glosses("повідомляє", "uk")  # повідомляти reaches повідомити
    assert glosses("столы", "ru") == (english_key("table"),)  # стол, inflected
    assert english_key("guests") in glosses("гостей", "uk")  # гість, listed, as pymorphy3's lemma
    assert english_key("thank") in glosses("дякую", "ru")  # a Ukrainian word in a text taken for Russian


def test_a_word_the_dictionary_does_not_hold_meets_a_line_by_its_stem() -> None:
    assert not parses("дякуюю", "uk")[0].is_known
    assert glosses("дякуюю", "uk") == (english_key("thank"),)  # a typo: its letters are all there is


def _listed_forms(lang: str) -> set[str]:
    lines = (_LISTS / f"{lang}.tsv").read_text(encoding="utf-8").splitlines()
    return {normal(w) for line in lines if line and not line.startswith("#") for w in line.split("\t")[0].split("|")}


def _function_line_keys(lang: str) -> set[str]:
    """The English keys of every line whose dictionary form may be a preposition, conjunction or particle."""
    out: set[str] = set()
    for line in (_LISTS / f"{lang}.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words, _, english = line.partition("\t")
            if any(p.tag.POS in FUNCTION_POS for p in parses(words.split("|")[0], lang) if p.is_known):
                out |= {english_key(g) for g in english.split()}
    return out


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_audit_no_frequent_function_word_glosses_as_a_content_word_it_begins_like(lang: str) -> None:
    """Of wordfreq's 3,000 most frequent words, one pymorphy3 reads only as a preposition, conjunction or
    particle glosses as a line that lists it, as a function word's line, or not at all."""
    from wordfreq import top_n_list

    listed = _listed_forms("ru") | _listed_forms("uk")  # a word is looked up in both lists
    allowed = _function_line_keys(lang) | _function_line_keys("uk" if lang == "ru" else "ru")
    wrong = {}
    for word in top_n_list(lang, 3000):
        known = [p for p in parses(word, lang) if p.is_known]
        if known and all(p.tag.POS in FUNCTION_POS for p in known) and normal(word) not in listed:
            extra = set(glosses(word, lang)) - allowed
            if extra:
                wrong[word] = sorted(extra)
    assert not wrong, wrong


def test_rows_of_the_frequency_band_added_in_session_6_gloss_as_written() -> None:
    """A few of the rows the band rule added (content lemmas of wordfreq's 7,000 most frequent words)."""
    assert english_key("April") in glosses("квітня", "uk")  # квітень, inflected
    assert english_key("ban") in glosses("заборону", "uk")  # заборона
    assert english_key("buy") in glosses("купує", "uk")  # купувати
    assert english_key("support") in glosses("поддержку", "ru")  # поддержка
    assert english_key("eye") in glosses("глаза", "ru")  # глаз
    assert english_key("hate") in glosses("ненавижу", "ru")  # ненавидеть
