"""Summaries chosen in the article's own language: stems, stop words, fitness rules, reported speech."""

from __future__ import annotations

from polyglot_news.config import Settings
from polyglot_news.model import BODY, TITLE, Article, Segment
from polyglot_news.summarise import summarise_in, summary_language
from polyglot_news.summarise.languages import attribution_in
from polyglot_news.summarise.stage import fit_for_summary
from polyglot_news.summarise.words import content_stems, stem, stop_words, words_in


def test_russian_inflections_share_a_stem_and_english_is_unchanged():
    assert stem("мостом", "ru") == stem("мосты", "ru") == stem("мост", "ru")
    assert stem("bridges") == stem("bridge") == "bridg"  # Porter2, as before
    assert "и" in stop_words("ru") and "the" in stop_words() and "и" not in stop_words()


def test_ukrainian_words_are_reduced_to_lemmas():
    assert stem("містами", "uk") == stem("місто", "uk") == "місто"
    assert content_stems(words_in("Мер міста відкрив нову станцію"), "uk")[:2] == ("мер", "місто")


def test_fitness_rules_follow_the_script():
    assert fit_for_summary("Губернатор посетил город в среду утром.", "ru")
    assert not fit_for_summary("губернатор посетил город в среду утром.", "ru")  # a fragment: no capital
    assert not fit_for_summary("Губернатор посетил город в среду утром", "ru")  # no full stop
    assert not fit_for_summary("Фото: пресс-служба губернатора области.", "ru")  # a credit
    # English keeps its own rules: a Cyrillic lowercase opening passed them, and still does
    assert fit_for_summary("губернатор посетил город в среду утром.")


def test_reported_speech_is_recognised_in_russian_and_ukrainian():
    assert attribution_in("По словам мэра, мост откроют в мае.", "ru")
    assert attribution_in("Мер заявив, що міст відкриють у травні.", "uk")
    assert not attribution_in("Мост откроют в мае.", "ru")


def test_summary_is_chosen_from_the_russian_text():
    lines = [
        "Мэр открыл новый мост через реку.",
        "Мэр города открыл новый мост через реку в четверг утром.",
        "Строительство моста заняло три года и стоило больше плана.",
        "Погода в четверг была солнечной и тёплой весь день.",
        "По словам мэра, новый мост соединит два района города.",
    ]
    segs = [Segment(1, lines[0], TITLE, "ru", 0.99)] + [Segment(i + 1, t, BODY, "ru", 0.99) for i, t in enumerate(lines) if i]
    article = Article("<text>", segs)
    assert summary_language(article) == "ru"
    chosen = summarise_in(article, Settings(sentences=2), "ru")
    assert len(chosen) == 2
    assert all(c.text in lines for c in chosen)
    assert 4 not in [c.line for c in chosen]  # the weather shares no word with the story


def test_source_words_shared_as_their_english_would_be():
    # "вакцина" and "вакцинация" share one stem, as "vaccine" and "vaccination" do in English
    assert content_stems(words_in("Вакцина"), "ru") == content_stems(words_in("вакцинация"), "ru")
    # "в 2021 году" is "in 2021": the year word after a number is no content word; elsewhere it is
    assert content_stems(words_in("В 2021 году вакцина"), "ru") == content_stems(words_in("вакцина"), "ru")
    assert len(content_stems(words_in("Прошлый год был трудным"), "ru")) == 3
    assert content_stems(words_in("У 2021 році мер"), "uk") == ("мер",)
    # "по словам" is "according to"
    assert content_stems(words_in("По словам министра"), "ru") == content_stems(words_in("министра"), "ru")
    # English is untouched: Snowball's English stems, whole
    assert content_stems(words_in("In 2021 year vaccination"), "en") == ("year", "vaccin")


def test_reported_speech_that_english_renders_said_or_told():
    from polyglot_news.summarise.languages import attribution_in

    assert attribution_in("Брокер рассказал газете, что верфи принимают заказы.", "ru") == 1.0
    assert attribution_in("Люди розповідали, що росіяни стріляють.", "uk") == 1.0
    assert attribution_in("По предварительным данным, мост откроют в мае.", "ru") == 1.0  # "according to"
    assert not attribution_in("Он отметил рост цен.", "ru")  # "noted": not on the English list
    assert not attribution_in("Он указал на рост цен.", "ru")  # "pointed out": not on it either
    assert not attribution_in("Він говорить з виборцями.", "uk")  # "speaks"


def test_reporting_verbs_english_renders_either_way_count_half():
    from polyglot_news.summarise.languages import REPORTED_AS_OFTEN_AS_SAID, attribution_in

    # "сообщил" is "said" or "reported" in English, and "reported" is not on the English list
    assert attribution_in("Об этом 11 декабря сообщил советник главы офиса.", "ru") == REPORTED_AS_OFTEN_AS_SAID
    assert attribution_in("Про це повідомив радник голови офісу.", "uk") == REPORTED_AS_OFTEN_AS_SAID
    assert attribution_in("Он сообщил, что мост откроют, и добавил, что в мае.", "ru") == 1.0
    assert 0 < REPORTED_AS_OFTEN_AS_SAID < 1


def test_source_scorer_weighs_signals_a_translation_keeps():
    from polyglot_news.summarise.document import Candidate, SummaryDocument
    from polyglot_news.summarise.languages import SOURCE_WEIGHTS, SourceNewsSummariser, source_features
    from polyglot_news.summarise.news import NewsWeights

    texts = ["Мэр открыл новую станцию метро в Казани в 2021 году.", "Станция работает.",
             "Мэр Казани Иван Петров сказал, что вторая станция откроется 12 мая 2023 года в 10 часов."]
    doc = SummaryDocument("Мэр открыл станцию", [Candidate.of(t, i + 2, i, i, 0, "ru") for i, t in enumerate(texts)], "ru")
    f = source_features(doc)
    assert f[2]["length_chars"] == 1.0 and f[1]["length_chars"] < 0.5
    assert f[2]["numbers"] == 1.0 and f[1]["numbers"] == 0.0
    assert f[2]["caps"] > f[1]["caps"] and f[2]["attribution"] == 1.0
    # position in an unbroken text keeps the English weight: nothing fitted could see it
    assert SOURCE_WEIGHTS["opening"] == NewsWeights().opening
    assert SourceNewsSummariser().rank(doc)[-1] == 1  # the short one last


def test_inflected_stop_words_are_found_by_lemma_not_by_a_colliding_stem():
    # Snowball cuts "поэтому" (so) and "поэта" (poet) to one stem; the lemma tells them apart
    assert content_stems(words_in("Поэтому поэта"), "ru") == content_stems(words_in("поэт"), "ru") != ()
    assert content_stems(words_in("семья"), "ru") != ()  # "семь" (seven) is a stop word, "семья" (family) not
    # inflected forms of stop words are still stop words
    assert content_stems(words_in("новых которыми"), "ru") == ()
    assert content_stems(words_in("новий", ), "uk") == content_stems(words_in("нових"), "uk") == ()


def test_ukrainian_word_families_share_a_cut_lemma():
    # a noun and its adjective, one stem in English ("volunt")
    assert content_stems(words_in("волонтерів"), "uk") == content_stems(words_in("волонтерський"), "uk")
    assert content_stems(words_in("місту"), "uk") == ("місто",)  # short lemmas stay whole
