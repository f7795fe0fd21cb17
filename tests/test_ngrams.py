"""Character n-gram models from langdetect's profiles, Serbian and the borrowed ones."""

from __future__ import annotations

from polyglot_news.detect import ngrams


def test_grams_of_pads_word_boundaries() -> None:
    ones, twos, threes = ngrams.grams_of("cat")
    assert ones == ["c", "a", "t"]
    assert twos == [" c", "ca", "at", "t "]
    assert threes == [" ca", "cat", "at "]
    assert ngrams.gram_count("cat") == 10


def test_models_prefer_their_own_language() -> None:
    en, de = ngrams.model("en"), ngrams.model("de")
    assert en.score_word("the") > de.score_word("the")
    assert de.score_word("schlüssel") > en.score_word("schlüssel")


def test_serbian_is_croatian_respelt_in_cyrillic() -> None:
    assert ngrams.latin_to_serbian("ljubav i njega") == "љубав и њега"
    sr, ru = ngrams.model("sr"), ngrams.model("ru")
    assert sr.score_word("његов") > ru.score_word("његов")


def test_borrowed_models_score_belarusian_and_kazakh() -> None:
    be, kk, ru = ngrams.model("be"), ngrams.model("kk"), ngrams.model("ru")
    # Belarusian respelt as Russian/Ukrainian/Polish; Kazakh as Russian/Turkish
    assert be.score_word("дзень") > kk.score_word("дзень")
    assert kk.score_word("жолдары") > be.score_word("жолдары")
    assert ru.score_word("день") > be.score_word("день") - 5  # close relatives stay close
