"""Newsroom romanisation (`text.romanise`): BGN/PCGN simplified for Russian, the national system for Ukrainian."""

from __future__ import annotations

import pytest

from polyglot_news.text.romanise import is_cyrillic, romanise


@pytest.mark.parametrize("source, english", [
    ("Волконский", "Volkonsky"),
    ("Данилевский", "Danilevsky"),
    ("Сергей Лавров", "Sergei Lavrov"),
    ("Николай Патрушев", "Nikolai Patrushev"),
    ("Евгений Ильин", "Yevgeny Ilyin"),
    ("Ельцин", "Yeltsin"),
    ("Фёдор Хрущёв", "Fyodor Khrushchev"),
    ("Мария Захарова", "Maria Zakharova"),
    ("Латакия", "Latakia"),
    ("Щукин", "Shchukin"),
    ("Олег Ланской", "Oleg Lanskoy"),
    ("Наталья Ковалёва", "Natalya Kovalyova"),
    ("Александр Юдин", "Alexander Yudin"),
    ("Халед аль-Мишри", "Khaled al-Mishri"),
    ("НАТО", "NATO"),
])
def test_russian(source, english):
    assert romanise(source, "ru") == english


@pytest.mark.parametrize("source, english", [
    ("Харків", "Kharkiv"),
    ("Одеса", "Odesa"),
    ("Олена Зеленська", "Olena Zelenska"),
    ("Юлія Тимошенко", "Yuliia Tymoshenko"),
    ("Згурівка", "Zghurivka"),
    ("Їжакевич", "Yizhakevych"),
    ("Знам'янка", "Znamianka"),
    ("Яготин", "Yahotyn"),
    ("Ігор Дячишин", "Ihor Diachyshyn"),
])
def test_ukrainian_national_system(source, english):
    assert romanise(source, "uk") == english


def test_latin_text_and_punctuation_pass_through():
    assert romanise("Die Welt, «Вагнер» (ЧВК)", "ru") == "Die Welt, «Vagner» (CHVK)"


def test_is_cyrillic():
    assert is_cyrillic("Москва") and not is_cyrillic("Moscow") and not is_cyrillic("123")


@pytest.mark.parametrize("source, english", [
    ("Си Цзиньпин", "Xi Jinping"),
    ("Фэн Яосян", "Feng Yaoxiang"),
    ("Чжанцзякоу", "Zhangjiakou"),
    ("Хуэйчжоу", "Huizhou"),
    ("Шэньчжэнь", "Shenzhen"),
    ("Иван Петров", "Ivan Petrov"),  # Russian, though it splits into syllables: no Chinese mark
])
def test_chinese_names_in_palladius_come_back_in_pinyin(source, english):
    assert romanise(source, "ru") == english
