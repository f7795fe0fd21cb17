"""Finding curated terms in any inflected form (`curated.match.find_terms`)."""

from __future__ import annotations

import pytest

from polyglot_news.curated import Entry, Glossary
from polyglot_news.curated.match import find_terms


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    g = Glossary()
    for e in (
        Entry("Владимир Путин", "ru", "Vladimir Putin", "person", "", ("Путин",)),
        Entry("Хмеймим", "ru", "Hmeimim", "place", ""),
        Entry("Сирийская социальная националистическая партия", "ru", "Syrian Social Nationalist Party",
              "organisation", "", ("ССНП", "SSNP")),
        Entry("Того", "ru", "Togo", "place", "country"),
        Entry("Київ", "uk", "Kyiv", "place", ""),
        Entry("Bush", "en", "George W. Bush", "person", ""),
        Entry("Bashar Assad", "en", "Bashar Assad", "person", "", ("Assad",)),
        Entry("Подписаться", "ru", "Subscribe", "ui", ""),
    ):
        g.add(e)
    return g


def found(text: str, lang: str, glossary: Glossary) -> list[tuple[str, str]]:
    return [(m.text, m.entry.english) for m in find_terms(text, lang, glossary)]


def test_russian_inflections_match_by_lemma(glossary):
    text = "Путину доложили о Хмеймиме; Владимира Путина ждут в Хмеймим."
    assert found(text, "ru", glossary) == [
        ("Путину", "Vladimir Putin"), ("Хмеймиме", "Hmeimim"), ("Владимира Путина", "Vladimir Putin"),
        ("Хмеймим", "Hmeimim")]


def test_multiword_terms_and_acronyms(glossary):
    text = "Глава Сирийской социальной националистической партии (ССНП) и партнёры SSNP."
    assert found(text, "ru", glossary) == [
        ("Сирийской социальной националистической партии", "Syrian Social Nationalist Party"),
        ("ССНП", "Syrian Social Nationalist Party"), ("SSNP", "Syrian Social Nationalist Party")]


def test_spans_point_into_the_text(glossary):
    text = "Вчера в Хмеймиме."
    m = find_terms(text, "ru", glossary)[0]
    assert text[m.start:m.end] == "Хмеймиме" and m.form == "Хмеймим"


def test_ukrainian_uses_its_own_dictionary(glossary):
    assert found("Делегація прибула до Києва, а потім у Києві відбулася зустріч.", "uk", glossary) == [
        ("Києва", "Kyiv"), ("Києві", "Kyiv")]


def test_capitalisation_and_case_matter_in_english(glossary):
    assert found("They cut the bush back. Bush's aides disagreed.", "en", glossary) == [("Bush's", "George W. Bush")]


def test_longest_match_wins(glossary):
    assert found("Bashar Assad and then Assad alone.", "en", glossary) == [
        ("Bashar Assad", "Bashar Assad"), ("Assad", "Bashar Assad")]


def test_english_forms_of_other_languages_entries_match_in_english(glossary):
    assert found("The Hmeimim air base, says the SSNP.", "en", glossary) == [
        ("Hmeimim", "Hmeimim"), ("SSNP", "Syrian Social Nationalist Party")]


def test_a_sentence_starting_pronoun_is_not_a_country(glossary):
    assert found("Того, кто приехал, ждали. Делегация из Того прибыла.", "ru", glossary) == [("Того", "Togo")]


def test_ui_strings_are_not_named_terms(glossary):
    assert found("Подписаться", "ru", glossary) == []


def test_match_index_read_back_from_the_precompiled_folder_equals_the_one_built(tmp_path, monkeypatch) -> None:
    from polyglot_news.curated import Entry, load_glossaries, match

    monkeypatch.setenv("POLYGLOT_NEWS_TABLES", str(tmp_path / "tables"))

    def fields(index):
        return {lemma: [(p.words, p.caps, p.acronyms, p.form, p.entry.term, p.entry.english) for p in pats]
                for lemma, pats in index.items()}

    for lang in ("en", "ru"):
        g = load_glossaries()
        built = match._built_index(g, lang)
        stored = match._stored_index(g, lang)  # builds and stores it
        again = match._stored_index(load_glossaries(), lang)  # reads it back
        assert fields(built) == fields(stored) == fields(again) and built
    # another glossary (one entry more) has its own index, with the new entry in it
    g = load_glossaries()
    g.add(Entry(term="Zorblax Quintessa", lang="en", english="Zorblax Quintessa", kind="person"))
    assert "zorblax" in match._stored_index(g, "en")
    assert len(list((tmp_path / "tables").glob("match-index-en-*"))) == 2


def test_languages_that_match_alike_share_one_index() -> None:
    """Latin-text languages without entries or lemma rules of their own (fr, es, pl, ja...) get the same
    index, as do the Cyrillic ones other than Russian and Ukrainian; it is the one each would build."""
    from polyglot_news.curated import load_glossaries, match

    def fields(index):
        return {lemma: [(p.words, p.caps, p.acronyms, p.form, p.entry.term, p.entry.english) for p in pats]
                for lemma, pats in index.items()}

    g = load_glossaries()
    assert match._index(g, "fr") is match._index(g, "es") is match._index(g, "ja")
    assert match._index(g, "bg") is match._index(g, "sr")
    assert len({id(match._index(g, lang)) for lang in ("en", "de", "ru", "uk", "fr", "bg")}) == 6
    for lang in ("es", "ja", "pl", "sr", "mk"):
        assert fields(match._index(g, lang)) == fields(match._built_index(load_glossaries(), lang)), lang
