"""Finding names no glossary holds (`glossary.names`): Cyrillic source text and English text."""

from __future__ import annotations

from polyglot_news.glossary.names import capitalised_words, cyrillic_names, english_names, headline_case


def ru(text: str) -> list[tuple[str, str]]:
    return [(n.lemma, n.kind) for n in cyrillic_names(text, "ru")]


def en(text: str, headline: bool = False) -> list[tuple[str, str]]:
    return [(n.lemma, n.kind) for n in english_names(text, known=capitalised_words(text), headline=headline)]


def test_russian_names_come_back_to_the_nominative():
    assert ru("Мэр встретился с Натальей Ковалёвой и Павлом Ветровым.") == [
        ("Наталья Ковалёва", "person"), ("Павел Ветров", "person")]


def test_foreign_surname_takes_the_case_of_its_given_name():
    assert ru("По словам Ульриха Вайгельдта, вакцин хватит.") == [("Ульрих Вайгельдт", "person")]


def test_particles_stay_lowercase():
    assert ru("Об этом заявил Халед аль-Мишри.") == [("Халед аль-Мишри", "person")]


def test_sentence_initial_ordinary_words_are_not_names():
    assert ru("Быки вроде как дальтоники. Сковорода стоит на плите.") == []


def test_a_capitalised_quotation_start_is_not_a_name():
    assert ru("Он выступил на «Прямой линии» в четверг.") == []


def test_latin_words_in_russian_text_are_kept_as_written():
    assert ru("Об этом пишет Die Welt, а Telegram-канал повторил новость. Наступил XXI век.") == [
        ("Die Welt", "other"), ("Telegram", "other")]


def test_a_lone_letter_is_not_a_name():
    assert ru("В моркови много витамина С.") == []


def test_place_after_a_preposition():
    assert ru("Колонна прошла через Сирт в Куфру.")[-1][1] == "place"


def test_english_titles_and_nationalities_are_stripped():
    assert en("Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State Rex Tillerson.") == [
        ("Sergey Lavrov", "person"), ("Rex Tillerson", "person")]


def test_english_sentence_starts_months_and_weekdays_are_not_names():
    text = "Despite the rain, workers returned on Saturday. In March the Harbour Board met in Leith."
    assert en(text) == [("Harbour Board", "organisation"), ("Leith", "place")]


def test_a_sentence_initial_name_counts_when_the_article_capitalises_it_elsewhere():
    assert en("Tartus is a port. Ships reach Tartus daily.") == [("Tartus", "other"), ("Tartus", "other")]


def test_dateline_is_title_cased():
    assert en("MOSCOW (Sputnik) — The session began.")[0] == ("Moscow", "place")


def test_headline_keeps_only_words_the_article_capitalises():
    assert headline_case("This is Why Syria Still Needs Russian Troops' Help")
    known = {"syria"}
    names = english_names("This is Why Syria Still Needs Russian Troops' Help", known=known, headline=True)
    assert [n.lemma for n in names] == ["Syria"]


def test_demonym_compounds_are_not_names():
    assert en("The deal covers Russian-Syrian cooperation.") == []


def test_place_after_a_noun_that_names_a_kind_of_place():
    text = "Летом туристы чаще всего едут на курорт Фальмонте, а зимой — в горы."
    names = {n.lemma: n.kind for n in cyrillic_names(text, "ru")}
    assert names.get("Фальмонте") == "place", names
