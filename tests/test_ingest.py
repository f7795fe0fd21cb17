"""Tests for ingest (and the decode and HTML helpers it uses): encodings, clean-up, HTML, segments, bad input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from polyglot_news.errors import InputError
from polyglot_news.ingest import read as ingest
from polyglot_news.ingest.decode import clean_text, decode_bytes, decode_noted
from polyglot_news.ingest.mojibake import repair_mojibake

RUSSIAN = "Губернатор пообещал открыть новый мост через реку до начала зимы.\nЖители города ждут этого давно.\n"
SHORT_RUSSIAN = "Мост откроют зимой.\n"


# --- encodings -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
        ("utf-16-le", "utf-16-le"),  # no BOM
        ("utf-16-be", "utf-16-be"),  # no BOM
        ("cp1251", "cp1251"),
        ("koi8-r", "koi8-r"),
    ],
)
def test_cyrillic_text_is_decoded_in_every_encoding(encoding, expected):
    article = ingest.read_source(RUSSIAN.encode(encoding))
    assert [s.text for s in article.segments] == RUSSIAN.split("\n")[:2]
    assert article.encoding == expected


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_short_cyrillic_lines_get_the_right_code_page(encoding):
    text, found = decode_bytes(SHORT_RUSSIAN.encode(encoding))
    assert text == SHORT_RUSSIAN
    assert found == encoding


def test_ukrainian_in_windows_1251_is_decoded():
    text = "Уряд ухвалив рішення про будівництво нової їдальні в школі.\n"
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")


def test_western_single_byte_text_is_not_read_as_cyrillic():
    data = "Die Bürgerinnen und Bürger in Köln begrüßen die neue Fähre über den Fluss.\n".encode("cp1252")
    text, encoding = decode_bytes(data)
    assert "Bürgerinnen" in text and "begrüßen" in text
    assert encoding not in ("cp1251", "koi8-r")


def test_html_declared_charset_is_honoured():
    html = '<html><head><meta charset="windows-1251"><title>Новости</title></head><body><p>Мост откроют зимой.</p></body></html>'
    article = ingest.read_source(html.encode("cp1251"), name="page.html")
    assert article.title == "Новости"
    assert article.segments[-1].text == "Мост откроют зимой."


# --- unicode clean-up ----------------------------------------------------------------------------

def test_clean_text_normalises_spaces_invisibles_and_controls():
    raw = "Pre\u00adsident\u00a0Putin\u200b said\u202fthat\x07 cafe\u0301\r\nnext\u2060line"
    assert clean_text(raw) == "President Putin said that caf\u00e9\nnextline"


def test_persian_zero_width_non_joiner_between_letters_is_kept():
    assert clean_text("می\u200cخواهم") == "می\u200cخواهم"


def test_read_source_applies_the_clean_up():
    article = ingest.read_source("Moscow\u00a0(Sputnik)\u00a0— Putin\u00ad said.\nSecond\u200b line\n")
    assert [s.text for s in article.segments] == ["Moscow (Sputnik) — Putin said.", "Second line"]


# --- plain text ----------------------------------------------------------------------------------

def test_one_segment_per_non_empty_line_with_line_numbers(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Home\n\nThe headline of the day\n\n\nFirst paragraph of the story.\n", encoding="utf-8")
    article = ingest.read_source(page)
    assert [(s.line, s.text) for s in article.segments] == [
        (1, "Home"),
        (3, "The headline of the day"),
        (6, "First paragraph of the story."),
    ]
    assert article.source == str(page)


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "A short headline\n\n"
        "The city council voted on Tuesday to close the old bridge for repairs,\n"
        "a decision that will send thousands of drivers on a long detour every\n"
        "morning until the work is finished next spring.\n\n"
        "Residents said they had not been told about the plan in advance and\n"
        "asked the council to add buses while the bridge is closed to traffic.\n"
    )
    article = ingest.read_source(text)
    assert [s.line for s in article.segments] == [1, 3, 7]
    assert article.segments[1].text.startswith("The city council voted")
    assert article.segments[1].text.endswith("finished next spring.")
    assert "repairs, a decision" in article.segments[1].text


def test_page_dump_lines_are_not_joined():
    text = "Home\nWorld\nBusiness\nSport\nOpinion\nSubscribe\nLog in\nRegister\n"
    assert len(ingest.read_source(text).segments) == 8


def test_site_name_comes_from_a_confirmed_page_title_line():
    text = "Bridge closes for repairs | Riverside Gazette\nHome\nBridge closes for repairs\nThe council said so.\n"
    assert ingest.read_source(text).site == "Riverside Gazette"


def test_stdin_is_read_as_bytes(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RUSSIAN.encode("koi8-r"))))
    article = ingest.read_source("-")
    assert article.source == "<stdin>"
    assert article.segments[0].text.startswith("Губернатор")


def test_markdown_headings_give_hints(tmp_path):
    page = tmp_path / "note.md"
    page.write_text("# Big news\n\nSome text here.\n\n- a list item\n", encoding="utf-8")
    segs = ingest.read_source(page).segments
    assert [(s.text, s.hint) for s in segs] == [("Big news", "h1"), ("Some text here.", None), ("a list item", "li")]


# --- HTML ----------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head>
<title>Bridge reopens early - Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
<style>p { color: red }</style><script>var x = "not text";</script>
</head><body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
<article>
<h1>Bridge reopens early</h1>
<figure><img src="a.jpg"><figcaption>The bridge on Monday. Photo: Jane Roe</figcaption></figure>
<p>The old bridge <b>reopened</b> on Monday, two weeks ahead of plan.</p>
<p>Drivers welcomed&nbsp;the news.<br>Buses return on Tuesday.</p>
<div class="share-bar"><a href="#">Share</a></div>
<p hidden>Secret text</p>
</article>
<footer><p>&copy; 2026 Riverside Gazette</p></footer>
</body></html>
"""


def test_html_is_reduced_to_blocks_with_title_site_and_hints(tmp_path):
    """Each block's hint ends with the numbers of its enclosing elements: two lines of one <p> share them."""
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    article = ingest.read_source(page)
    assert article.title == "Bridge reopens early - Riverside Gazette"
    assert article.site == "Riverside Gazette"
    got = [(s.line, s.text, s.hint) for s in article.segments]
    assert got == [
        (1, "Bridge reopens early - Riverside Gazette", "title"),
        (2, "Home", "li link nav @1.2.3.4"),
        (3, "World", "li link nav @1.2.3.5"),
        (4, "Bridge reopens early", "h1 article @1.6.7"),
        (5, "The bridge on Monday. Photo: Jane Roe", "figcaption article caption @1.6.8.9"),
        (6, "The old bridge reopened on Monday, two weeks ahead of plan.", "p article @1.6.10"),
        (7, "Drivers welcomed the news.", "p article @1.6.11"),
        (8, "Buses return on Tuesday.", "p article @1.6.11"),
        (9, "Share", "div article link share @1.6.13"),
        (10, "© 2026 Riverside Gazette", "p footer @1.14.15"),
    ]


def test_text_that_is_clearly_html_is_parsed_as_html():
    article = ingest.read_source(HTML.encode("utf-8"))
    assert article.site == "Riverside Gazette"
    assert all("<" not in s.text for s in article.segments)


# --- sources and bad input -----------------------------------------------------------------------

def test_sources_in(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("x\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("x\n", encoding="utf-8")
    assert ingest.sources_in(str(tmp_path)) == [tmp_path / "a.txt", tmp_path / "b" / "z.html", tmp_path / "c.md"]
    assert ingest.sources_in(str(tmp_path / "a.txt")) == [tmp_path / "a.txt"]
    assert ingest.sources_in("-") == ["-"]


def _one_line_error(call, *needles):
    with pytest.raises(InputError) as info:
        call()
    message = str(info.value)
    assert "\n" not in message
    for needle in needles:
        assert needle in message
    return message


def test_bad_input_raises_one_line_errors_naming_the_file(tmp_path, monkeypatch):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\t\n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    (nothing / "data.bin").write_bytes(b"\x00")
    big = tmp_path / "big.txt"
    big.write_text("word " * 100, encoding="utf-8")

    _one_line_error(lambda: ingest.read_source(tmp_path / "missing.txt"), "missing.txt", "no such file")
    _one_line_error(lambda: ingest.sources_in(str(tmp_path / "missing")), "missing", "no such file")
    _one_line_error(lambda: ingest.read_source(empty), "empty.txt", "empty")
    _one_line_error(lambda: ingest.read_source(blank), "blank.txt", "empty")
    _one_line_error(lambda: ingest.read_source(binary), "photo.txt", "binary")
    _one_line_error(lambda: ingest.sources_in(str(nothing)), "nothing", "no readable files")
    _one_line_error(lambda: ingest.read_source(nothing), "nothing", "folder")
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    _one_line_error(lambda: ingest.read_source(big), "big.txt", "too large")


def test_html_without_visible_text_is_an_error():
    _one_line_error(lambda: ingest.read_source(b"<html><body><script>x()</script></body></html>", name="blank.html"), "blank.html")


def test_real_page_dump_reads(tmp_path):
    page = Path(__file__).resolve().parents[2] / "shared" / "data" / "reference" / "scraped-news-page.txt"
    if not page.exists():
        pytest.skip("shared data not present")
    article = ingest.read_source(page)
    assert article.encoding == "utf-8"
    assert article.site == "Sputnik International"
    assert all("\u00a0" not in s.text for s in article.segments)
    assert article.segments[-1].text == "Заголовок открываемого материала"


# --- mojibake: text mis-decoded before it reached us -------------------------------------------------

GERMAN = "Über die Brücke fährt morgen früh ein großer Bus nach Köln. Die Ärzte müssen warten."
POLISH = "Wczoraj w mieście odbyło się spotkanie. Źródło podaje, że ludzie chcą zmian."
FRENCH = "L’été dernier, la rivière a débordé près de l’école. Voilà pourquoi."


def test_latin1_read_as_windows_1251_is_repaired():
    broken = GERMAN.encode("latin-1").decode("cp1251")
    assert "fьr" not in broken and "fдhrt" in broken
    fixed, notes = repair_mojibake(broken)
    assert fixed == GERMAN
    assert notes == ["repaired 8 mis-decoded word(s) (Latin-1 read as Windows-1251)"]


def test_utf8_read_as_windows_1251_is_repaired():
    broken = POLISH.encode("utf-8").decode("cp1251")
    assert "siД™" in broken
    fixed, notes = repair_mojibake(broken)
    assert fixed == POLISH
    assert notes and "UTF-8 read as Windows-1251" in notes[0]


def test_utf8_read_as_windows_1252_is_repaired_with_apostrophes_and_no_break_bytes():
    broken = FRENCH.encode("utf-8").decode("cp1252")
    assert "Ã©tÃ©" in broken and "VoilÃ\xa0" in broken
    fixed, notes = repair_mojibake(broken)
    assert fixed == FRENCH
    assert notes == ["repaired 6 mis-decoded word(s) (UTF-8 read as Windows-1252)"]


def test_genuine_cyrillic_and_clean_text_are_left_alone():
    samples = [
        RUSSIAN,
        "Компания Apple показала новый iPhone, а Samsung-у пришлось снизить цены на Galaxy.",
        "Її дім стоїть біля річки; «Дія» працює, і ЄС про це знає.",  # Ukrainian: і, ї, є are cp1251 A0-BF bytes
        "Её ответ был коротким: «Да».",
        "Опечатка с латинской буквой: пpивет и мoст остаются как есть.",
        "The Сolumn uses a Cyrillic letter that looks Latin; one homoglyph is not mojibake.",
        "Plain English with a café, a naïve résumé, ©2024 and NESTLÉ® stays exactly as written.",
        "São Paulo, Málaga, Łódź, Ærøskøbing, Œuvres and Straße are real words.",
    ]
    for text in samples:
        assert repair_mojibake(text) == (text, []), text


def test_a_cut_off_sequence_is_not_read_as_another_code_page():
    # a title cut in the middle of a two-byte letter leaves a lone lead ("Г"); the page reads as
    # UTF-8-in-Windows-1251, so the Latin-1 mapping must not turn that "Г" into "Ã"
    broken = (POLISH + "\nNowe zakazy dla papierów").encode("utf-8").decode("cp1251")
    broken = broken[: broken.rindex("і")]
    fixed, _ = repair_mojibake(broken)
    assert fixed.startswith(POLISH) and fixed.endswith("papierГ")


def test_one_lookalike_word_alone_is_not_repaired_but_the_same_on_a_broken_page_is():
    assert repair_mojibake("Cafe Сolumbus")[0] == "Cafe Сolumbus"
    assert repair_mojibake(GERMAN + " Cafe Сolumbus")[0] == GERMAN + " Cafe Сolumbus"
    # on a page the Latin-1 mapping clearly explains, the С is byte D1 read as Windows-1251: "Ñ"
    broken = GERMAN.encode("latin-1").decode("cp1251") + " Cafe Сolumbus"
    assert repair_mojibake(broken)[0] == GERMAN + " Cafe Ñolumbus"


def test_read_source_repairs_mojibake_and_notes_it():
    english = "The bridge opens in spring.\n"
    data = (GERMAN.encode("latin-1").decode("cp1251") + "\n" + english).encode("utf-8")
    text, encoding, notes = decode_noted(data)
    assert (text, encoding) == (GERMAN + "\n" + english, "utf-8")
    article = ingest.read_source(data, name="dump.txt")
    assert [s.text for s in article.segments] == [GERMAN, english.strip()]
    assert article.notes == ["dump.txt: repaired 8 mis-decoded word(s) (Latin-1 read as Windows-1251)"]


def test_a_page_of_real_cyrillic_keeps_its_mixed_words():
    # more genuine Cyrillic words than Latin-1 repairs: the mixed words are more likely Cyrillic too
    page = GERMAN.encode("latin-1").decode("cp1251") + "\n" + RUSSIAN
    assert repair_mojibake(page) == (page, [])
