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


# words of several scripts and shapes: short, long, unseen letters, apostrophes dropped
FAMILY_WORDS = ("the", "schlüssel", "żółw", "ça", "x", "qwzxv", "international", "ñandú", "ølgård")
CYRILLIC_WORDS = ("и", "інформація", "беларусь", "ўсё", "қазақстан", "његов", "щастя")


def test_family_table_gives_each_models_own_score_to_the_bit() -> None:
    from polyglot_news.detect.language import SCRIPT_FAMILIES

    for family, words in (("latin", FAMILY_WORDS), ("cyrillic", CYRILLIC_WORDS)):
        langs = SCRIPT_FAMILIES[family]
        table = ngrams.family_table(langs)
        for word in words:
            # exact equality on purpose: the table must add the same floats in the same order
            assert table.scores(word) == [ngrams.model(lang).score_word(word) for lang in langs], word


def test_family_table_fills_rows_only_for_ngrams_it_meets() -> None:
    table = ngrams.FamilyTable(("en", "de"))
    table.scores("cat")
    assert set(table.rows) == {"c", "a", "t", " c", "ca", "at", "t ", " ca", "cat", "at "}


def test_scoring_many_words_at_once_gives_the_same_floats() -> None:
    import pytest

    pytest.importorskip("numpy")
    from polyglot_news.detect.language import SCRIPT_FAMILIES

    for family, words in (("latin", FAMILY_WORDS), ("cyrillic", CYRILLIC_WORDS)):
        # enough words for the array path, of several lengths, some repeated
        batch = [w[:n] for w in words for n in range(1, len(w) + 1)] * 3
        assert len(batch) >= ngrams.ARRAY_BATCH
        table = ngrams.FamilyTable(SCRIPT_FAMILIES[family])
        ngrams._scored[0] = ngrams.ARRAY_AFTER  # as in a long run
        many = table.scores_many(batch)
        # exact equality on purpose: the arrays must add the same floats in the same order
        assert many == [table.scores(w) for w in batch]
        assert many == [[ngrams.model(lang).score_word(w) for lang in SCRIPT_FAMILIES[family]] for w in batch]


def test_keyed_rows_turn_words_into_the_stored_rows_and_floors(tmp_path, monkeypatch) -> None:
    import pytest

    np = pytest.importorskip("numpy")
    from polyglot_news.detect.language import SCRIPT_FAMILIES

    monkeypatch.setenv("POLYGLOT_NEWS_TABLES", str(tmp_path / "tables"))
    for family, words in (("latin", FAMILY_WORDS), ("cyrillic", CYRILLIC_WORDS)):
        table = ngrams.FamilyTable(SCRIPT_FAMILIES[family])
        assert table._keyed(np) is not None  # the precompiled rows are there: the keyed path runs
        # letters no profile holds (ǂ, ʘ, ヰ) give floors; one-letter words have one of each size but bigrams
        batch = [w[:n] for w in words for n in range(1, len(w) + 1)] + ["ǂ", "aǂb", "ʘʘ", "xヰ", "q"]
        batch *= max(1, ngrams.ARRAY_BATCH // len(batch) + 1)
        ngrams._scored[0] = ngrams.ARRAY_AFTER
        assert table.scores_many(batch) == [table.scores(w) for w in batch]


def test_a_run_declared_long_scores_over_arrays_from_its_first_batch(monkeypatch) -> None:
    import pytest

    np = pytest.importorskip("numpy")
    from polyglot_news.detect import language
    from polyglot_news.detect.language import SCRIPT_FAMILIES

    monkeypatch.setattr(ngrams, "_long_run", [False])
    monkeypatch.setattr(ngrams, "_scored", [0])
    batch = [w[:n] for w in FAMILY_WORDS for n in range(1, len(w) + 1)] * 2
    assert len(batch) >= ngrams.ARRAY_BATCH
    table = ngrams.family_table(SCRIPT_FAMILIES["latin"])
    assert table.scores_array(batch) is None  # a run that has scored few words: one by one
    language.expect_long_run()  # as a batch's warm-up does before its workers fork
    assert table._keys is not None or table._keyed(np) is None  # the keyed rows are loaded already
    got = table.scores_array(batch)
    assert got is not None  # arrays from the first batch
    assert got.tolist() == [table.scores(w) for w in batch]  # and the same floats
    assert table.scores_array(batch[:ngrams.ARRAY_BATCH - 1]) is None  # a short batch is still scored one by one


def test_keyed_rows_read_back_from_the_cache_are_the_arrays_made_from_the_grams(tmp_path, monkeypatch) -> None:
    import pytest

    np = pytest.importorskip("numpy")
    from polyglot_news.detect.language import SCRIPT_FAMILIES

    monkeypatch.setenv("POLYGLOT_NEWS_TABLES", str(tmp_path / "tables"))
    for family in ("latin", "cyrillic", "arabic"):
        langs = SCRIPT_FAMILIES[family]
        made = [ngrams.FamilyTable(langs)._keyed(np) for _ in range(2)]  # the first stores, the second reads
        assert list((tmp_path / "tables").glob("keys-*"))
        fresh = ngrams._KeyedRows.arrays_of(np, list(ngrams.FamilyTable(langs)._stored._ids))
        for keyed in made:
            for size in (1, 2, 3):
                assert np.array_equal(keyed.keys[size - 1], fresh[f"keys{size}"])
                assert np.array_equal(keyed.rows[size - 1], fresh[f"rows{size}"])
            for size in (1, 2):
                assert np.array_equal(keyed.dense[size - 1], fresh[f"dense{size}"])
            assert np.array_equal(keyed.letters, fresh["letters"]) and np.array_equal(keyed.number_of, fresh["number_of"])
        words = ["каша", "news", "خبر", "x"] * ngrams.ARRAY_BATCH
        assert made[0].scores(np, words).tolist() == made[1].scores(np, words).tolist()
