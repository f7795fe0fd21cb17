"""Sentence splitting on the hard cases: abbreviations, initials, decimals, quotes, ru/uk/de."""

from __future__ import annotations

import pytest

from polyglot_news.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The U.S. economy grew last year. Mr. Patel said so on Monday.",
            "en",
            ["The U.S. economy grew last year.", "Mr. Patel said so on Monday."],
        ),
        (
            "Some fruit, e.g. Apples, keeps well. Dr. Lowe agreed.",
            "en",
            ["Some fruit, e.g. Apples, keeps well.", "Dr. Lowe agreed."],
        ),
        (
            "She quoted J. R. R. Tolkien at length. Then she sat down.",
            "en",
            ["She quoted J. R. R. Tolkien at length.", "Then she sat down."],
        ),
        (
            "Sales rose 3.5% to $1.2bn. Profits fell by 0.8 points.",
            "en",
            ["Sales rose 3.5% to $1.2bn.", "Profits fell by 0.8 points."],
        ),
        (
            'The mayor said: "We are ready." Crews began work at dawn.',
            "en",
            ['The mayor said: "We are ready."', "Crews began work at dawn."],
        ),
        (
            '"Is it safe?" she asked. "Yes!" The engineer nodded.',
            "en",
            ['"Is it safe?" she asked.', '"Yes!"', "The engineer nodded."],
        ),
        (
            "New rules were announced by the U.S. The move surprised traders.",
            "en",
            ["New rules were announced by the U.S.", "The move surprised traders."],
        ),
        (
            "The talks ended at 5 p.m. Friday without a deal.",
            "en",
            ["The talks ended at 5 p.m. Friday without a deal."],
        ),
        (
            "He walked to No. 10 with the letter. Nobody answered.",
            "en",
            ["He walked to No. 10 with the letter.", "Nobody answered."],
        ),
        (
            "They waited... and waited. Then the bus came… Finally!",
            "en",
            ["They waited... and waited.", "Then the bus came…", "Finally!"],
        ),
        (
            "He moved to St. Albans in 2019. (The house dates from 1901.) It was cold.",
            "en",
            ["He moved to St. Albans in 2019.", "(The house dates from 1901.)", "It was cold."],
        ),
        (
            "Встречу провёл В. В. Путин в г. Сочи. Журналистов не пустили.",
            "ru",
            ["Встречу провёл В. В. Путин в г. Сочи.", "Журналистов не пустили."],
        ),
        (
            "«Мы готовы к переговорам», — сказал министр. «Решение за вами.» Зал молчал.",
            "ru",
            ["«Мы готовы к переговорам», — сказал министр.", "«Решение за вами.»", "Зал молчал."],
        ),
        (
            "Завод открыли в 2015 г. Сейчас там работают 300 человек, т. е. весь посёлок.",
            "ru",
            ["Завод открыли в 2015 г.", "Сейчас там работают 300 человек, т. е. весь посёлок."],
        ),
        (
            "Купили хлеб, молоко и т. д. Потом пошли домой.",
            "ru",
            ["Купили хлеб, молоко и т. д.", "Потом пошли домой."],
        ),
        (
            "— Начнём завтра, — сказал он. — Согласны?",
            "ru",
            ["— Начнём завтра, — сказал он.", "— Согласны?"],
        ),
        (
            "Мер м. Львів А. Садовий відкрив міст. Це сталося у 2021 р. Рух відновили.",
            "uk",
            ["Мер м. Львів А. Садовий відкрив міст.", "Це сталося у 2021 р.", "Рух відновили."],
        ),
        (
            "Er kam am 3. Oktober an. Alle waren da.",
            "de",
            ["Er kam am 3. Oktober an.", "Alle waren da."],
        ),
        (
            "Die Firma, z. B. Die Filiale in Bonn, wächst. „Wir sind zufrieden.“ Sagte Dr. Weber.",
            "de",
            ["Die Firma, z. B. Die Filiale in Bonn, wächst.", "„Wir sind zufrieden.“", "Sagte Dr. Weber."],
        ),
        (
            "Im 19. Jahrhundert wuchs die Stadt. Heute ist sie klein.",
            "de",
            ["Im 19. Jahrhundert wuchs die Stadt.", "Heute ist sie klein."],
        ),
        (
            "Was nun? Niemand wusste es! Alle gingen nach Hause.",
            "de",
            ["Was nun?", "Niemand wusste es!", "Alle gingen nach Hause."],
        ),
    ],
)
def test_hard_cases(text: str, lang: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def test_joining_gives_back_the_text_up_to_whitespace() -> None:
    text = 'First one.  Second "quoted." Third?\nFourth line… Fifth by Mr. Ames.'
    assert " ".join(split_sentences(text)) == " ".join(text.split())


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []


def test_text_without_final_punctuation_is_one_sentence() -> None:
    assert split_sentences("Breaking news from the harbour") == ["Breaking news from the harbour"]


def test_lowercase_after_a_full_stop_does_not_split() -> None:
    assert split_sentences("The file was 2 MB. in size, roughly.") == ["The file was 2 MB. in size, roughly."]


def test_unknown_language_uses_english_rules() -> None:
    assert split_sentences("Le Dr. Martin est arrivé. Il pleuvait.", "fr") == ["Le Dr. Martin est arrivé.", "Il pleuvait."]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "«Мы успели провести митинг. Сейчас туда прибыла техника», — рассказал участник. Потом все ушли.",
            "ru",
            ["«Мы успели провести митинг. Сейчас туда прибыла техника», — рассказал участник.", "Потом все ушли."],
        ),
        (
            '"The deal is good. It will help us," the minister said. Talks end today.',
            "en",
            ['"The deal is good. It will help us," the minister said.', "Talks end today."],
        ),
        (
            "„Das Wetter war schlecht. Wir blieben zu Hause“, sagte sie. Dann regnete es.",
            "de",
            ["„Das Wetter war schlecht. Wir blieben zu Hause“, sagte sie.", "Dann regnete es."],
        ),
    ],
)
def test_a_quotation_of_several_sentences_stays_with_its_attribution(text: str, lang: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def test_a_quotation_that_never_closes_does_not_stop_splitting() -> None:
    text = '"The port will reopen soon. Workers are ready. Ships are waiting.'
    assert split_sentences(text) == ['"The port will reopen soon.', "Workers are ready.", "Ships are waiting."]


def test_each_call_gives_a_list_of_its_own() -> None:
    """The sentences of a paragraph are kept between calls: a caller changing its list changes no other."""
    first = split_sentences("One sentence here. Another one there.", "en")
    first.append("changed")
    assert split_sentences("One  sentence here.\nAnother one there.", "en") == ["One sentence here.", "Another one there."]
