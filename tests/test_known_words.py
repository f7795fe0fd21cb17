"""Stored word scores: the same floats as scoring the words, found only for the words stored."""

from __future__ import annotations

import zlib

import pytest

from polyglot_news.detect import known_words, language, ngrams

WORDS = {
    "latin": ["the", "minister", "économie", "schlüssel", "fußmatte", "niños", "ação", "zażółć", "und", "nations",
              "quixotic", "jövőben", "harbour", "wird", "qu", "ǂx"],
    "cyrillic": ["міністр", "заявив", "ўсё", "будзе", "қазақстан", "және", "беларусь", "подписаться", "новости",
                 "године", "љубав", "ѓорѓи", "мәселе", "на", "и"],
    "arabic": ["في", "من", "على", "اشترك", "المزيد", "است", "کے"],
}


def _one_by_one(word: str, family: str) -> tuple[float, ...]:
    """The word's scores worked out word by word, with no stored table."""
    table = ngrams.family_table(language.SCRIPT_FAMILIES[family])
    return language._with_features(word, table.scores(word), family, language.WEIGHTS)


def test_stored_scores_are_the_floats_of_scoring_each_word(tmp_path, monkeypatch) -> None:
    pytest.importorskip("numpy")
    monkeypatch.setenv("POLYGLOT_NEWS_TABLES", str(tmp_path / "tables"))
    monkeypatch.setattr(known_words, "KEPT", {"latin": 3000, "cyrillic": 3000, "arabic": 3000})
    language._forget_tables()
    try:
        for family, words in WORDS.items():
            stored = language._stored_scores(family)
            assert stored is not None and 2500 <= stored.count <= 3000
            found = stored.found(words)
            assert {"the", "und", "на", "и", "في", "من"} & set(found)  # common words are stored
            # exact equality on purpose: the stored float64 values are the scores as worked out
            assert found == {w: _one_by_one(w, family) for w in found}
            assert set(words) - set(found)  # rare ones are not: they are scored as before
            common = known_words.common_words(family, [w for w in words], lambda w: True)
            sample = stored.found(common + ["zzqx", ""])
            assert all(sample[w] == _one_by_one(w, family) for w in sample)
    finally:
        language._forget_tables()


def test_detection_reads_the_same_floats_with_and_without_the_table(tmp_path, monkeypatch) -> None:
    pytest.importorskip("numpy")
    texts = ["The minister said on Tuesday that the harbour will open", "Der Hafen bleibt bis Montag geschlossen",
             "Міністр заявив, що ўсё будзе добра", "Подписаться на новости", "اشترك في النشرة", "Share", "Menu"]
    words = [(w, language.family_of(t)) for t in texts for w, _ in language.tokens_of(t)]

    def scores_with(tables: str) -> dict:
        monkeypatch.setenv("POLYGLOT_NEWS_TABLES", tables)
        monkeypatch.setattr(language, "_SCORED", {})
        monkeypatch.setattr(language, "_SCORED_BEFORE", {})
        language._forget_tables()
        language.score_texts(texts)
        return {(w, f): language.word_scores(w, f) for w, f in words}

    monkeypatch.setattr(known_words, "KEPT", {"latin": 2000, "cyrillic": 2000, "arabic": 2000})
    monkeypatch.setattr(language, "BUILD_AFTER", 0)  # built at the first words (a run's folder's worth)
    try:
        with_table = scores_with(str(tmp_path / "tables"))
        assert language._table("latin").found(["the", "will"])  # the table answered
        assert with_table == scores_with("off")
    finally:
        language._forget_tables()


def test_a_checksum_two_words_share_answers_for_neither(tmp_path) -> None:
    pair = ["plumless", "buckeroo"]  # a known CRC-32 collision
    assert zlib.crc32(pair[0].encode()) == zlib.crc32(pair[1].encode())
    words = pair + ["alpha", "beta"]
    rows = {w: (float(n), -0.5 * n) for n, w in enumerate(words)}
    path = tmp_path / "t.scores"
    known_words.write_table(path, words, lambda batch: [rows[w] for w in batch], 2)
    stored = known_words.StoredScores(path)
    assert stored.count == 2
    assert stored.found(words + ["gamma"]) == {"alpha": (2.0, -1.0), "beta": (3.0, -1.5)}


def test_rows_read_without_pread_are_the_same(tmp_path, monkeypatch) -> None:
    words = ["alpha", "beta", "gamma"]
    path = tmp_path / "t.scores"
    known_words.write_table(path, words, lambda batch: [(len(w) / 3, -float(len(w))) for w in batch], 2)
    stored = known_words.StoredScores(path)
    expected = stored.found(words)
    monkeypatch.setattr(known_words, "_PREAD", None)  # as on Windows
    assert stored.found(words) == expected == {w: (len(w) / 3, -float(len(w))) for w in words}
    with pytest.raises(ValueError):
        path.write_bytes(path.read_bytes()[:-8])
        known_words.StoredScores(path)


def test_common_words_are_whole_lower_case_words_of_the_script() -> None:
    from polyglot_news.text.scripts import not_of_script

    pattern = not_of_script("latin")
    candidates = ["the", "don't", "Paris", "co²", "naïve", "nai\u0308ve", "мир", "x1", "straße", "und"]
    assert known_words.common_words("latin", candidates, lambda w: not pattern.search(w)) == ["the", "naïve", "und"]


def test_a_missing_table_is_built_only_by_a_run_that_scores_a_folders_worth_of_words(tmp_path, monkeypatch) -> None:
    pytest.importorskip("numpy")
    tables = tmp_path / "tables"
    monkeypatch.setenv("POLYGLOT_NEWS_TABLES", str(tables))
    monkeypatch.setattr(language, "_SCORED", {})
    monkeypatch.setattr(language, "_SCORED_BEFORE", {})
    monkeypatch.setattr(known_words, "KEPT", {"latin": 500, "cyrillic": 500, "arabic": 500})
    monkeypatch.setattr(language, "BUILD_AFTER", 40)
    language._forget_tables()
    try:
        language.score_texts(["The harbour will open on Monday"])  # a short digest's words
        assert language._table("latin") is None and not list(tables.glob("word-scores-latin*"))
        words = [f"{a}{b}{c}" for a in "bdfg" for b in "aeiou" for c in "klmnr"]  # 100 new words
        language.score_texts([" ".join(words)])
        assert list(tables.glob("word-scores-latin*"))  # built once the run had scored 40 words itself
        assert language._table("latin").found(["the"])
    finally:
        language._forget_tables()
