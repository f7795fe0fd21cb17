"""Glossaries: loading and checking curated files, TBX, the `glossary` commands, and `terms_for`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polyglot_news.cli import app
from polyglot_news.curated import Entry, Glossary, load_glossaries
from polyglot_news.curated.store import conflicts, csv_text, read_file
from polyglot_news.curated.tbx import read_tbx, tbx_document
from polyglot_news.errors import GlossaryError
from polyglot_news.glossary.terms import caption_text, terms_for
from polyglot_news.model import BODY, CAPTION, TITLE, Article, Segment

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "reference" / "scraped-news-page.txt"
HEADER = "term,lang,english,kind,note,aliases\n"


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossaries(user=False)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def article(*segments: tuple[str, str, str] | tuple[str, str, str, str]) -> Article:
    """An Article from (kind, lang, text[, english]) tuples, one per line."""
    segs = []
    for n, seg in enumerate(segments, start=1):
        kind, lang, text = seg[:3]
        english = seg[3] if len(seg) > 3 else (text if lang == "en" else None)
        segs.append(Segment(line=n, text=text, kind=kind, lang=lang, confidence=1.0, english=english))
    return Article(source="<test>", segments=segs)


def by_term(terms) -> dict:
    return {t.term: t for t in terms}


# --- curated files -----------------------------------------------------------------------------

NAME_FILES = sorted((Path(__file__).resolve().parents[1] / "glossaries").glob("names-*.csv"))


def test_shipped_glossaries_load_cleanly_and_names_have_no_conflicts(shipped):
    assert shipped.problems == []
    names = load_glossaries(NAME_FILES, shipped=False, user=False)
    assert len(names.files) >= 4 and conflicts(names) == []
    english = {e.english for e in shipped.names()}
    for name in ("Vladimir Putin", "Hmeimim", "Tartus", "Latakia", "Syrian Social Nationalist Party", "Daesh",
                 "Kyiv", "Moscow", "Volodymyr Zelensky"):
        assert name in english


def test_bad_files_are_reported_with_file_and_line_and_the_rest_still_load(tmp_path):
    write(tmp_path, "a-good.csv", HEADER + "Мурманская гавань,ru,Murmansk harbour,place,,\n")
    write(tmp_path, "b-header.csv", "word,language,translation\nx,ru,y\n")
    write(tmp_path, "c-rows.csv", HEADER + "Тверь,ru,Tver,place,,\nТула,ru\nОрёл,ru,Oryol,city,,\n,ru,Nothing,place,,\n")
    write(tmp_path, "d-encoding.csv", (HEADER + "Псков,ru,Pskov,place,,\n").encode("cp1251"))
    g = load_glossaries([tmp_path], shipped=False)
    assert [e.english for e in g.entries] == ["Murmansk harbour", "Tver"]
    text = "\n".join(g.problems)
    assert f"{tmp_path / 'b-header.csv'}:1: header must start with term,lang,english,kind,note" in text
    assert f"{tmp_path / 'c-rows.csv'}:3: expected 6 fields, got 2" in text
    assert f"{tmp_path / 'c-rows.csv'}:4: unknown kind 'city'" in text
    assert f"{tmp_path / 'c-rows.csv'}:5: term, lang and english are required" in text
    assert f"{tmp_path / 'd-encoding.csv'}:2: not UTF-8" in text


def test_utf16_tsv_and_comments_load(tmp_path):
    write(tmp_path, "team.tsv", ("term\tlang\tenglish\tkind\tnote\n# ours\nКама\tru\tKama\tplace\triver\n").encode("utf-16"))
    g = load_glossaries([tmp_path], shipped=False)
    assert [(e.term, e.english, e.note) for e in g.entries] == [("Кама", "Kama", "river")]


def test_missing_folder_is_an_error():
    with pytest.raises(GlossaryError, match="glossary folder not found"):
        load_glossaries([Path("/nonexistent/glossaries")], shipped=False)


def test_user_folders_come_from_the_environment(tmp_path, monkeypatch):
    write(tmp_path, "mine.csv", HEADER + "Кижи,ru,Kizhi,place,island,\n")
    monkeypatch.setenv("POLYGLOT_NEWS_GLOSSARIES", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    assert "Kizhi" in {e.english for e in load_glossaries().entries}
    assert "Kizhi" not in {e.english for e in load_glossaries(user=False).entries}


def test_conflicts_name_both_places(tmp_path):
    write(tmp_path, "one.csv", HEADER + "Тверь,ru,Tver,place,,\nЛадога,ru,Lake Ladoga,place,,Ладожское озеро\n")
    write(tmp_path, "two.csv", HEADER + "Тверь,ru,Tver,place,,\nЛадожское озеро,ru,Ladoga,place,,\n")
    found = conflicts(load_glossaries([tmp_path], shipped=False))
    assert len(found) == 2
    assert found[0].startswith(f"{tmp_path / 'two.csv'}:2: duplicate of {tmp_path / 'one.csv'}:2")
    assert f"{tmp_path / 'two.csv'}:3: term 'Ладожское озеро' (ru) conflicts with {tmp_path / 'one.csv'}:3" in found[1]


def test_csv_round_trip(tmp_path):
    e = Entry("Сирийская социальная националистическая партия", "ru", "Syrian Social Nationalist Party",
              "organisation", "a note, with a comma", ("ССНП", "SSNP"))
    path = write(tmp_path, "x.csv", csv_text([e]))
    g = Glossary()
    read_file(path, g)
    assert g.entries[0].forms() == e.forms() and g.entries[0].note == e.note


# --- TBX ---------------------------------------------------------------------------------------

def test_tbx_round_trip(tmp_path):
    entries = [
        Entry("Хмеймим", "ru", "Hmeimim", "place", "air base", ("Khmeimim",)),
        Entry("Київ", "uk", "Kyiv", "place", ""),
        Entry("Daesh", "en", "Daesh", "organisation", "", ("ISIS",)),
    ]
    path = write(tmp_path, "t.tbx", tbx_document(entries))
    g = Glossary()
    read_tbx(path, g)
    assert g.problems == []
    assert [(e.term, e.lang, e.english, e.kind, e.note, e.aliases) for e in g.entries] == [
        ("Хмеймим", "ru", "Hmeimim", "place", "air base", ("Khmeimim",)),
        ("Київ", "uk", "Kyiv", "place", "", ()),
        ("Daesh", "en", "Daesh", "organisation", "", ("ISIS",)),
    ]


def test_tbx_2008_martif_imports_one_entry_per_language(tmp_path):
    path = write(tmp_path, "old.tbx", """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="e1">
    <langSet xml:lang="ru"><tig><term>Тартус</term></tig></langSet>
    <langSet xml:lang="uk"><ntig><termGrp><term>Тартус</term></termGrp></ntig></langSet>
    <langSet xml:lang="en-GB"><tig><term>Tartus</term></tig></langSet>
  </termEntry>
  <termEntry id="e2"><langSet xml:lang="ru"><tig><term>Без перевода</term></tig></langSet></termEntry>
</body></text></martif>""")
    g = Glossary()
    read_tbx(path, g)
    assert [(e.term, e.lang, e.english) for e in g.entries] == [("Тартус", "ru", "Tartus"), ("Тартус", "uk", "Tartus")]
    assert g.problems == [f"{path}:concept e2: no English term"]


def test_broken_tbx_names_the_line(tmp_path):
    path = write(tmp_path, "bad.tbx", "<?xml version='1.0'?>\n<tbx>\n<text><body>\n</tbx>\n")
    with pytest.raises(GlossaryError, match=r"bad\.tbx:4: not well-formed TBX"):
        read_tbx(path, Glossary())


# --- CLI ---------------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_check_reports_problems_and_exits_1(tmp_path):
    write(tmp_path, "mine.csv", HEADER + "Тверь,ru,Tver,place,,\nТверь,ru,Tverj,place,,\nОрёл,ru,Oryol,town,,\n")
    result = runner.invoke(app, ["glossary", "check", "--no-shipped", "--glossary", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'mine.csv'}:4: unknown kind 'town'" in result.output
    assert f"{tmp_path / 'mine.csv'}:3: term 'Тверь' (ru) conflicts with {tmp_path / 'mine.csv'}:2" in result.output


def test_cli_check_passes_on_the_shipped_name_glossaries():
    args = ["glossary", "check", "--no-shipped"] + [a for f in NAME_FILES for a in ("--glossary", str(f))]
    result = runner.invoke(app, args, env={"POLYGLOT_NEWS_GLOSSARIES": ""})
    assert result.exit_code == 0, result.output
    assert "entries in 4 file(s)" in result.output


def test_cli_export_tbx_then_import_gives_the_same_entries(tmp_path):
    tbx = tmp_path / "names.tbx"
    result = runner.invoke(app, ["glossary", "export", "--names", "--lang", "uk", "--out", str(tbx)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "imported"
    out.mkdir()
    result = runner.invoke(app, ["glossary", "import", str(tbx), "--out", str(out)])
    assert result.exit_code == 0, result.output
    again = load_glossaries([out], shipped=False)
    original = [e for e in load_glossaries(user=False).names() if e.lang == "uk"]
    assert [(e.term, e.english, e.kind, e.note, e.aliases) for e in again.entries] == [
        (e.term, e.english, e.kind, e.note, e.aliases) for e in original]
    result = runner.invoke(app, ["glossary", "import", str(tbx), "--out", str(out)])
    assert result.exit_code == 1 and "already exists" in result.output


def test_cli_list_json_filters(tmp_path):
    result = runner.invoke(app, ["glossary", "list", "--lang", "ru", "--kind", "person", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and all(r["lang"] == "ru" and r["kind"] == "person" for r in rows)
    assert any(r["english"] == "Vladimir Putin" and "Путин" in r["aliases"] for r in rows)


# --- terms_for ---------------------------------------------------------------------------------

def test_russian_article_without_translation_gets_english_forms(shipped):
    a = article(
        (TITLE, "ru", "Путин посетил авиабазу Хмеймим"),
        (BODY, "ru", "Президент России Владимир Путин прилетел в Хмеймим в понедельник."),
        (BODY, "ru", "На базе Путина встретил министр Игорь Карпенко, а из Тартуса приехал адмирал."),
        (BODY, "ru", "Представитель Сирийской социальной националистической партии (ССНП) Марина Белова поблагодарила Карпенко."),
    )
    terms = by_term(terms_for(a, shipped))
    putin = terms["Vladimir Putin"]
    assert (putin.original, putin.kind, putin.mentions, putin.curated, putin.first_line) == ("Владимир Путин", "person", 3, True, 1)
    assert putin.sentence == "Путин посетил авиабазу Хмеймим"
    assert terms["Hmeimim"].mentions == 2 and terms["Hmeimim"].original == "Хмеймим"
    assert terms["Tartus"].original == "Тартус"
    assert terms["Syrian Social Nationalist Party"].mentions == 2  # the party and its acronym: one entry
    karpenko = terms["Igor Karpenko"]
    assert (karpenko.original, karpenko.kind, karpenko.mentions, karpenko.curated) == ("Игорь Карпенко", "person", 2, False)
    assert terms["Marina Belova"].original == "Марина Белова"  # feminine surname back to the nominative
    assert "Russia" in terms
    assert all(t.term.isascii() for t in terms.values())


def test_english_names_merge_across_titles_surnames_and_acronyms():
    a = article(
        (TITLE, "en", "Dock Strike Ends In Rotterdam"),
        (BODY, "en", "Union leader Marco Visser said the Baltic Dockers Union (BDU) accepted the offer on Monday."),
        (BODY, "en", "Visser told reporters in Rotterdam that the BDU would vote again in March."),
        (BODY, "en", "Later, Dutch Economy Minister Karin Hofstede welcomed the deal, and Mr Visser thanked her."),
    )
    terms = by_term(terms_for(a, Glossary()))
    assert terms["Marco Visser"].mentions == 3 and terms["Marco Visser"].kind == "person"
    assert terms["Baltic Dockers Union (BDU)"].mentions == 3
    assert terms["Baltic Dockers Union (BDU)"].kind == "organisation"
    assert terms["Karin Hofstede"].kind == "person"
    assert terms["Karin Hofstede"].sentence.startswith("Later, Dutch Economy Minister Karin Hofstede welcomed")
    assert terms["Baltic Dockers Union (BDU)"].sentence.startswith("Union leader Marco Visser said")
    assert terms["Rotterdam"].mentions == 2 and terms["Rotterdam"].first_line == 1
    for word in ("Union", "Later", "Dutch", "Economy", "Minister", "Monday", "March", "Dock", "Strike", "Ends", "Mr"):
        assert word not in terms


def test_president_putin_and_putin_are_one_entry(shipped):
    a = article(
        (BODY, "en", "Russian President Vladimir Putin met the governor on Tuesday."),
        (BODY, "en", "Putin said the bridge would open, and President Putin later left for Moscow."),
    )
    terms = terms_for(a, shipped)
    putins = [t for t in terms if "Putin" in t.term]
    assert len(putins) == 1 and putins[0].mentions == 3 and putins[0].original is None


def test_a_curated_person_named_by_surname_only_gets_the_surname(shipped):
    a = article(
        (BODY, "ru", "Песков сказал, что Путин встретится с губернатором в среду."),
        (BODY, "ru", "По словам Путина, мост откроют до зимы."),
    )
    terms = by_term(terms_for(a, shipped))
    putin = terms["Putin"]
    assert putin.curated and putin.mentions == 2 and putin.note.startswith("Vladimir Putin")
    assert "Vladimir Putin" not in terms
    # named in full once: the full curated name
    a.segments.append(Segment(line=3, text="Владимир Путин прилетел в Вологду.", kind=BODY, lang="ru", confidence=1.0))
    assert "Vladimir Putin" in by_term(terms_for(a, shipped))


def test_translation_supplies_the_english_form_of_an_unknown_name():
    a = article(
        (BODY, "ru", "Об этом заявил эксперт Ульрих Вайгельдт.", "This was stated by the expert Ulrich Weigeldt."),
        (BODY, "ru", "Эксперт Ольга Смирнова не согласилась.", None),
    )
    terms = by_term(terms_for(a, Glossary()))
    assert terms["Ulrich Weigeldt"].original == "Ульрих Вайгельдт"
    assert terms["Ulrich Weigeldt"].note == ""
    assert terms["Olga Smirnova"].note == "romanised"


def test_captions_add_names_but_credits_do_not():
    a = article(
        (TITLE, "en", "Ministers meet over the port deal"),
        (CAPTION, "en", "© Photo : Harbour Authority Press Office"),
        (CAPTION, "en", "Transport Minister Lena Ostrova (L) talks with Mayor Piet Janssen at the Maasvlakte terminal - Northline Daily"),
        (BODY, "en", "The talks went on for several hours, officials said."),
        ("teaser", "en", "Antwerp Sees Record Traffic"),
    )
    terms = by_term(terms_for(a, Glossary()))
    assert set(terms) == {"Lena Ostrova", "Piet Janssen", "Maasvlakte"}
    assert terms["Lena Ostrova"].first_line == 3


def test_caption_credit_is_cut_off():
    seg = Segment(line=1, text="Mayor Piet Janssen opens the new ferry pier in Altona - Hamburger Morgenblatt", kind=CAPTION)
    assert caption_text(seg) == "Mayor Piet Janssen opens the new ferry pier in Altona"
    assert caption_text(Segment(line=2, text="Russian Army in pictures - Sputnik", kind=CAPTION)) is None


def test_only_title_body_and_caption_segments_are_read():
    a = article(
        ("ui", "ru", "Подписаться на Telegram"),
        ("boilerplate", "en", "Copyright Northline Media Group"),
        (BODY, "en", "Nothing else happened in Harwich."),
    )
    assert [t.term for t in terms_for(a, Glossary())] == ["Harwich"]


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference data not present")
def test_reference_page_glossary(shipped):
    from polyglot_news.clean.article import mark_kinds
    from polyglot_news.detect.language import mark_languages
    from polyglot_news.ingest.read import read_source

    a = mark_languages(mark_kinds(read_source(str(REFERENCE)), shipped), shipped)
    terms = terms_for(a, shipped)
    names = [t.term for t in terms]
    assert len(names) == len(set(names))
    for wanted in ("Hassan Sakr", "Syrian Social Nationalist Party (SSNP)", "Vladimir Putin", "Hmeimim", "Tartus",
                   "Latakia", "Bashar Assad", "Rex Tillerson", "Sergey Lavrov", "Daesh", "Russia", "Syria"):
        assert wanted in names, wanted
    chrome_or_common = {"Subscribe", "Newsfeed", "Chats", "Despite", "Even", "The", "This", "Why", "Still", "Needs",
                        "Help", "Thursday", "Russian", "Syrian", "Americans", "Israeli", "Kurdish", "Soviet", "Photo",
                        "President", "Foreign", "State", "World", "Assyrian Party", "Army"}
    assert not chrome_or_common & set(names)
    assert all(t.original is None for t in terms)  # an English page: names are written in Latin already


def test_digest_reads_a_user_tbx_glossary_folder(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    write(folder, "team.tbx", tbx_document([Entry("Кижи", "ru", "Kizhi", "place", "island museum on Lake Onega")]))
    page = write(tmp_path, "page.txt", "Boats to Kizhi resume\n\nThe first boats of the season left for Kizhi on Monday, "
                                      "the museum said, and more will follow in June.\n")
    result = runner.invoke(app, ["digest", str(page), "--format", "json", "--no-translate", "--no-cache",
                                 "--glossary", str(folder)])
    assert result.exit_code == 0, result.output
    terms = {t["term"]: t for t in json.loads(result.stdout)["glossary"]}
    assert terms["Kizhi"]["note"] == "island museum on Lake Onega" and terms["Kizhi"]["kind"] == "place"


def test_glossary_rows_read_back_from_the_precompiled_folder_follow_the_file(tmp_path, monkeypatch) -> None:
    import os

    from polyglot_news.curated import Glossary
    from polyglot_news.curated.store import read_csv

    monkeypatch.setenv("POLYGLOT_NEWS_TABLES", str(tmp_path / "tables"))
    path = tmp_path / "names.csv"
    path.write_text("term,lang,english,kind,note,aliases\nПутин,ru,Putin,person,,Путина\nbad,xx1,,person,\n",
                    encoding="utf-8")

    def read() -> Glossary:
        g = Glossary()
        read_csv(path, g)
        return g

    first, again = read(), read()  # parsed and stored, then read back
    assert list((tmp_path / "tables").glob("glossary-*"))
    assert first.entries == again.entries and first.problems == again.problems and len(first.problems) == 1
    assert again.entries[0].aliases == ("Путина",) and again.ui_entry("Путин") is None and again.files == [path]
    path.write_text("term,lang,english,kind,note\nКиев,ru,Kyiv,place,\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert [e.english for e in read().entries] == ["Kyiv"]


def test_ascii_ui_keys_are_the_unicode_ones():
    """ASCII text is keyed without NFKC (which leaves it as it is) and with lower() for casefold()."""
    import itertools
    import unicodedata

    from polyglot_news.curated.entries import _NOT_WORD, ui_key

    def unicode_key(text: str) -> str:
        text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
        return " ".join(_NOT_WORD.sub(" ", text).split())

    ascii_chars = [chr(i) for i in range(128)]
    for a, b in itertools.product(ascii_chars, ascii_chars):
        for text in (a + b, f"Ab{a}{b}Cd", f" {a}x{b} "):
            assert ui_key.__wrapped__(text) == unicode_key(text), repr(text)


def test_the_morphology_dictionary_is_the_one_pymorphy3_would_find():
    from pymorphy3.analyzer import lang_dict_path

    from polyglot_news.text.morph import analyser

    for lang in ("ru", "uk"):
        assert analyser(lang).dictionary.path == lang_dict_path(lang) and analyser(lang).lang == lang
