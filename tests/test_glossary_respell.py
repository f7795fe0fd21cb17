"""Tests for glossary/respell.py: foreign names written in Cyrillic back to their own spelling."""

from __future__ import annotations

import sqlite3

from polyglot_news.curated import Glossary
from polyglot_news.glossary.respell import MAX_COST, Lexicon, alignment_cost, lexicon_path, native, respell
from polyglot_news.glossary.terms import terms_for
from polyglot_news.model import BODY, Article, Segment
from polyglot_news.text.romanise import romanise


def spelled(word: str) -> str | None:
    return respell(word, romanise(word, "ru"))


def test_foreign_names_come_back_in_their_own_spelling():
    assert spelled("Крейг") == "Craig"
    assert spelled("Трасс") == "Truss"
    assert spelled("Цукерберг") == "Zuckerberg"
    assert spelled("Хэмилтон") == "Hamilton"


def test_native_names_and_names_the_lexicon_has_as_romanised_are_left_alone():
    assert native("Мизулина") and native("Резников") and not native("Джина")
    assert spelled("Мизулина") is None
    assert spelled("Путин") is None  # "putin" is a word of the lexicon as romanised


def test_alignment_explains_transcriptions_and_not_lookalikes():
    assert alignment_cost("Craig", "Крейг") == 0
    assert alignment_cost("Bennett", "Беннет") == 0  # a doubled consonant written once
    # an unexplained first letter costs a whole letter: "Smila" is not what "Ясмила" transcribes
    assert alignment_cost("Smila", "Ясмила") / len("Ясмила") > MAX_COST


def test_the_lexicon_is_kept_in_sqlite_and_rebuilt_when_stale(tmp_path):
    spelled("Крейг")  # builds the session's lexicon if no test did yet
    path = lexicon_path()
    assert path.exists()
    copy = tmp_path / "lexicon.sqlite3"
    copy.write_bytes(path.read_bytes())
    db = sqlite3.connect(copy)
    db.execute("UPDATE meta SET value = 'stale' WHERE name = 'version'")
    db.commit()
    db.close()
    rebuilt = Lexicon(copy)
    assert rebuilt.db.execute("SELECT value FROM meta").fetchone()[0] == rebuilt.version
    assert ("craig",) in [(w,) for w, _ in rebuilt.candidates({"KRG"})]


def test_the_glossary_writes_a_foreign_name_as_its_own_language_does():
    text = "Бывший премьер-министр Элизабет Трасс выступила в парламенте во вторник."
    article = Article(source="<test>", segments=[Segment(line=1, text=text, kind=BODY, lang="ru", confidence=1.0)])
    terms = {t.term: t for t in terms_for(article, Glossary())}
    assert "Elizabeth Truss" in terms, sorted(terms)
    assert terms["Elizabeth Truss"].original == "Элизабет Трасс"
    assert terms["Elizabeth Truss"].note == "spelling of the name's own language"


def test_an_alignment_with_a_limit_is_exact_up_to_it_and_above_it_past_it():
    pairs = [("Craig", "Крейг"), ("Bennett", "Беннет"), ("Smila", "Ясмила"), ("Hartwell", "Хартвелла"),
             ("Verstappen", "Ферстаппен"), ("Duncan", "Дункан"), ("Joel", "Джоэл"), ("Zohra", "Зухра")]
    for latin, cyrillic in pairs:
        exact = alignment_cost(latin, cyrillic)
        for limit in (0.0, 0.3, 0.5, 1.0, 2.5, exact):
            got = alignment_cost(latin, cyrillic, limit)
            assert got == exact if exact <= limit else got > limit, (latin, cyrillic, limit)
