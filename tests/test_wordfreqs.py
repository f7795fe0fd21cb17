"""Word frequencies per language from wordfreq's small lists."""

from __future__ import annotations

import math

from polyglot_news.text.wordfreqs import has_list, log_frequency


def test_known_unknown_and_unlisted() -> None:
    assert -7 < log_frequency("subscribe", "en") < -3
    assert log_frequency("the", "en") > log_frequency("subscribe", "en")
    assert log_frequency("Subscribe", "en") == log_frequency("subscribe", "en")  # any case
    assert log_frequency("subscribe", "ro") is None  # no list for Romanian: unknown, not absent
    assert log_frequency("qxzvv", "en") == -math.inf
    assert has_list("ru") and not has_list("be")


def test_serbian_cyrillic_is_looked_up_in_the_latin_list() -> None:
    assert log_frequency("године", "sr") == log_frequency("godine", "sr") > -4


def test_lists_read_directly_give_wordfreqs_own_figures() -> None:
    from wordfreq import get_frequency_dict

    for lang in ("en", "uk", "de"):
        theirs = get_frequency_dict(lang, "small")
        for word in sorted(w for w in theirs if w.casefold() == w)[:: max(1, len(theirs) // 2000)]:
            assert log_frequency(word, lang) == math.log10(theirs[word]), word
    sh = get_frequency_dict("sh", "small")
    assert log_frequency("godine", "sr") == math.log10(sh["godine"])


def test_a_long_run_keeps_two_generations_of_looked_up_words_and_the_same_figures(monkeypatch) -> None:
    from polyglot_news.text import wordfreqs

    langs = ("en", "de", "sr")
    words = ["the", "haus", "године", "subscribe", "qxzvv", "minister", "zeitung", "the", "haus"]
    expected = [wordfreqs.frequencies(w, langs) for w in words]
    monkeypatch.setattr(wordfreqs, "FOUND_KEPT", 3)
    monkeypatch.setattr(wordfreqs, "_found", {})
    monkeypatch.setattr(wordfreqs, "_found_before", {})
    got = []
    for w in words:
        got.append(wordfreqs.frequencies(w, langs))
        # one look-up adds at most a word and its Serbian spelling to the newer generation
        assert len(wordfreqs._found) <= 3 + 2 and len(wordfreqs._found_before) <= 3 + 2
    assert got == expected


def test_frequency_rows_are_frequencies_without_the_unlisted_languages() -> None:
    from polyglot_news.text import wordfreqs

    langs = ("en", "be", "de", "sr", "kk", "ru")
    words = ["the", "haus", "године", "subscribe", "qxzvv", "минister", "zeitung", "новости"]
    listed = wordfreqs.listed_of(langs)
    assert listed == tuple(lang for lang in langs if wordfreqs.has_list(lang))
    rows = wordfreqs.frequency_rows(words, langs)
    for word, row in zip(words, rows):
        assert tuple(row) == tuple(f for f in wordfreqs.frequencies(word, langs) if f is not None), word
