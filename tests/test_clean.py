"""Tests for clean: kinds on labelled pages of our own in English, Russian and German, on HTML, and on the real page."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from polyglot_news.clean.article import mark_kinds
from polyglot_news.clean.linepatterns import script_of, units_of
from polyglot_news.curated import Entry, Glossary
from polyglot_news.ingest.read import read_source
from polyglot_news.model import KINDS

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "reference" / "scraped-news-page.txt"

# Labelled pages: "kind | text" per line. Our own invented text.
ENGLISH_PAGE = """\
boilerplate | Harbour ferry fares to fall next month - The Bayside Courier
ui | Home
ui | News
ui | Sport
ui | Business
ui | Culture
ui | Subscribe
boilerplate | We use cookies to give you the best experience. By using this site you accept our cookie policy.
ui | Accept
title | Harbour ferry fares to fall next month
boilerplate | By Laura Pennant
boilerplate | 12 March 2026, 09:41
caption | Photo: Tom Iverson / Getty Images
body | Ferry fares across the harbour will fall by a fifth from the start of next month, the city transport board said on Wednesday, after a year of complaints from commuters.
body | The board's chair, Martin Hale, told reporters that a new contract with the operator had cut running costs, and that the savings would be passed on to passengers in full.
caption | A ferry leaves the north pier at dawn - The Bayside Courier
teaser | Council Approves New Cycle Lanes Along The Seafront
body | Commuter groups welcomed the change but said the service still ran too rarely in the evenings. "A cheaper ferry is good news, but it has to come more than once an hour," said one campaigner.
body | The board expects passenger numbers to rise by about ten percent over the summer and will review the timetable in September.
ui | Comments
ui | 0
ui | To join the discussion
ui | log in or register
ui | Показать ещё
boilerplate | © 2026 The Bayside Courier. All rights reserved.
"""

RUSSIAN_PAGE = """\
ui | Главная
ui | Новости
ui | Политика
ui | Экономика
ui | Спорт
title | В Перми откроют новую линию трамвая
boilerplate | 14 марта 2026, 11:20
caption | Фото: Ольга Семёнова
body | Городские власти Перми сообщили, что новая трамвайная линия соединит центр города с микрорайоном на правом берегу Камы.
body | По словам вице-мэра Андрея Круглова, строительство займёт около двух лет, а стоимость работ составит почти шесть миллиардов рублей.
teaser | Читайте также: В Екатеринбурге подорожает проезд в метро
body | Жители микрорайона давно жаловались на переполненные автобусы. Теперь дорога до центра займёт не больше двадцати минут, обещают в мэрии.
body | Первые вагоны для новой линии закупят у уральского завода, который уже поставлял трамваи в несколько российских городов.
ui | Поделиться
ui | Комментарии
ui | 3
ui | Войдите или зарегистрируйтесь, чтобы оставить комментарий
boilerplate | © 2026 Пермский вестник. Все права защищены.
"""

GERMAN_PAGE = """\
ui | Startseite
ui | Politik
ui | Wirtschaft
ui | Kultur
ui | Abonnieren
title | Bremen plant autofreie Innenstadt bis 2030
boilerplate | Von Katrin Albers
boilerplate | 03.02.2026 | 16:05 Uhr
caption | Foto: Heiko Brandt / dpa
body | Der Bremer Senat will die Innenstadt bis zum Jahr 2030 weitgehend vom Autoverkehr befreien. Das kündigte die Verkehrssenatorin am Dienstag im Rathaus an.
body | Geplant sind breitere Radwege, mehr Grünflächen und ein dichterer Takt bei Bussen und Straßenbahnen. Lieferverkehr soll nur noch morgens erlaubt sein.
teaser | Lesen Sie auch: Hamburg verlängert die U-Bahn nach Osten
body | Der Einzelhandel reagierte zurückhaltend. Ein Sprecher der Handelskammer sagte, viele Geschäfte seien auf Kundschaft aus dem Umland angewiesen, die mit dem Auto komme.
body | Eine Bürgerbefragung im Herbst soll zeigen, wie die Bremerinnen und Bremer zu den Plänen stehen.
ui | Teilen
ui | Kommentare
ui | Anmelden
boilerplate | © 2026 Weser-Anzeiger
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Lake levels recover after wet winter | Northern Water News</title>
<meta property="og:site_name" content="Northern Water News"></head>
<body>
<header class="site-header"><a href="/">Northern Water News</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/lakes">Lakes</a></li><li><a href="/rivers">Rivers</a></li></ul></nav></header>
<main><article>
<h1>Lake levels recover after wet winter</h1>
<div class="byline">By Sam Ortega</div>
<figure><img src="lake.jpg"><figcaption>The lake at its winter high. Photo: Ana Lind</figcaption></figure>
<div class="article-body">
<p>Water levels in the region's largest lake have returned to their long-term average after the wettest winter in a decade, the water authority said.</p>
<p>The authority had warned last summer that the lake could fall to a record low, forcing towns along its shore to limit how much water households could use.</p>
<h2>Farmers relieved</h2>
<p>Farmers who draw water from the lake said the news came just in time for the spring planting season, though some fields are still too wet to sow.</p>
<aside class="related"><h3>Related</h3><ul><li><a href="/x">River Ferry Service Resumes After Floods</a></li></ul></aside>
<p>Scientists cautioned that one wet winter does not end the longer trend of falling levels, which they link to warmer summers and heavier use.</p>
</div>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
</article></main>
<section class="comments"><h3>Comments</h3><p>Great news for the lake, finally some good news after all these dry years in the valley.</p></section>
<footer><p>About us</p><p>&copy; 2026 Northern Water News</p></footer>
</body></html>
"""

HTML_EXPECTED = {
    "Lake levels recover after wet winter": "title",
    "Home": "ui",
    "By Sam Ortega": "boilerplate",
    "The lake at its winter high. Photo: Ana Lind": "caption",
    "Farmers relieved": "body",
    "River Ferry Service Resumes After Floods": "teaser",
    "Share Tweet": "ui",
    "Great news for the lake, finally some good news after all these dry years in the valley.": "boilerplate",
    "© 2026 Northern Water News": "boilerplate",
}


def labelled(page: str) -> tuple[str, list[str]]:
    """The page text and the expected kind of each line."""
    kinds, lines = [], []
    for row in page.splitlines():
        kind, text = row.split(" | ", 1)
        assert kind in KINDS
        kinds.append(kind)
        lines.append(text)
    return "\n".join(lines) + "\n", kinds


@pytest.fixture
def glossary() -> Glossary:
    """A small curated glossary with UI strings, like the shipped ui-*.csv files."""
    g = Glossary()
    g.add(Entry("Показать ещё", "ru", "Show more", "ui"))
    g.add(Entry("Поделиться", "ru", "Share", "ui"))
    return g


@pytest.mark.parametrize("page", [ENGLISH_PAGE, RUSSIAN_PAGE, GERMAN_PAGE], ids=["en", "ru", "de"])
def test_labelled_pages_get_their_kinds(page, glossary):
    text, expected = labelled(page)
    article = mark_kinds(read_source(text), glossary)
    got = [s.kind for s in article.segments]
    wrong = [(s.text[:50], want, s.kind) for s, want in zip(article.segments, expected) if want != s.kind]
    assert not wrong, wrong
    assert got.count("title") == 1


@pytest.mark.parametrize("page", [ENGLISH_PAGE, RUSSIAN_PAGE, GERMAN_PAGE], ids=["en", "ru", "de"])
def test_only_article_text_is_kept(page):
    text, expected = labelled(page)
    article = mark_kinds(read_source(text), Glossary())
    kept = [s.text for s in article.article_segments()]
    assert kept == [line for line, k in zip(text.splitlines(), expected) if k in ("title", "body")]


def test_html_structure_is_used(tmp_path):
    page = tmp_path / "lake.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    article = mark_kinds(read_source(page), Glossary())
    kinds = {s.text: s.kind for s in article.segments}
    for text, kind in HTML_EXPECTED.items():
        assert kinds[text] == kind, (text, kinds[text])
    body = [s.text for s in article.segments if s.kind == "body"]
    assert len(body) == 5 and body[0].startswith("Water levels") and body[-1].startswith("Scientists")
    assert [s.kind for s in article.segments].count("title") == 1


PARAGRAPHS = [
    "The regional council agreed on Thursday to fund a new school in the northern district, after two years of debate about where it should stand.",
    "Parents had complained that children travel more than an hour each way, and several classes currently meet in temporary buildings without heating.",
    "Construction is due to start in the spring, and the council expects the first pupils to move in before the end of next year.",
]
RELATED_WITH_BLURBS = [
    "Flood defences along the river to be raised",
    "Engineers say the existing walls are too low for the storms now forecast, and the work will take three summers to finish.",
    "Bus drivers vote to accept new pay offer",
    "The union said most members backed the deal, which raises wages by six percent over two years and adds a day of leave.",
    "Library opening hours extended for exams",
    "Students will be able to use the reading rooms until midnight during the exam weeks, the university announced on its website.",
]


def test_story_lists_after_the_article_are_teasers():
    text = "\n".join(["School plan approved after long debate", *PARAGRAPHS, "More from the region", *RELATED_WITH_BLURBS]) + "\n"
    kinds = [s.kind for s in mark_kinds(read_source(text), Glossary()).segments]
    assert kinds[:4] == ["title", "body", "body", "body"]
    assert "body" not in kinds[4:]


def test_comment_threads_after_the_article_are_not_body():
    comments = []
    for name, stamp, words in (
        ("Ann Example", "March 3, 2026 at 9:14 am", "I think the council should have decided this much earlier, the children have waited long enough."),
        ("Bob Sample", "March 3, 2026 at 9:40 am", "Where will the money come from? Nobody at the meeting could answer that simple question."),
        ("Cy Person", "March 3, 2026 at 10:02 am", "Good news for the district, and about time too, my own kids had to travel for ages every day."),
    ):
        comments += [name, stamp, words]
    text = "\n".join(["School plan approved after long debate", *PARAGRAPHS, "3 Comments", *comments]) + "\n"
    kinds = [s.kind for s in mark_kinds(read_source(text), Glossary()).segments]
    assert kinds[:4] == ["title", "body", "body", "body"]
    assert "body" not in kinds[4:]


def test_html_prose_outside_the_article_container_is_not_body(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    promo = "<div class='promo-box'><p>Our partner shop offers a wide range of garden furniture at low prices, with free delivery to most towns this month.</p></div>"
    page = tmp_path / "school.html"
    page.write_text(f"<html><body><h1>School plan approved after long debate</h1><article>{body}</article>{promo}</body></html>", encoding="utf-8")
    kinds = {s.text[:20]: s.kind for s in mark_kinds(read_source(page), Glossary()).segments}
    assert kinds["School plan approved"] == "title"
    assert [kinds[p[:20]] for p in PARAGRAPHS] == ["body"] * 3
    assert kinds["Our partner shop off"] != "body"


def _kinds(lines: list[str]) -> dict[str, str]:
    article = mark_kinds(read_source("\n".join(lines) + "\n"), Glossary())
    return {s.text: s.kind for s in article.segments}


def test_source_lists_author_bios_and_reporting_notes_are_not_body():
    sources = [
        'City Transport Board, "Annual ferry report," March 2, 2026',
        'Email interview with Dana Marsh, harbour historian, March 4, 2026',
        'Bayside Courier, "Ferry timetable changes explained," Feb. 20, 2026',
    ]
    bio = "Laura Pennant is a freelance reporter based in the north of the county. Her work has appeared in several regional papers."
    note = "Tom Iverson contributed reporting from the harbour."
    kinds = _kinds(["School plan approved after long debate", *PARAGRAPHS, note, "Sources:", *sources, bio])
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3
    assert all(kinds[line] not in ("title", "body") for line in [note, *sources, bio])


def test_a_picture_description_above_its_credit_is_a_caption_and_spelled_out_links_are_not_body():
    caption = "The mayor, left, talks to parents outside the old school building in the northern district."
    links = "https://example.org/img/school-1.jpg 640 480 https://example.org/img/school-2.jpg"
    kinds = _kinds(["School plan approved after long debate", PARAGRAPHS[0], caption, "Photo: Jo Lens, Example Agency",
                    PARAGRAPHS[1], links, PARAGRAPHS[2]])
    assert kinds[caption] == "caption"
    assert kinds[links] not in ("title", "body")
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def test_a_two_word_subheading_between_paragraphs_is_body_and_a_smiley_ends_a_sentence():
    smiley = "We will keep readers posted as soon as the builders arrive on site next spring 🙂"
    kinds = _kinds(["School plan approved after long debate", PARAGRAPHS[0], "Building plans:", PARAGRAPHS[1], smiley, PARAGRAPHS[2]])
    assert kinds["Building plans:"] == "body"
    assert kinds[smiley] == "body"


def test_the_standfirst_under_an_html_headline_is_not_body(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    dek = "Two years of debate end with a vote for the northern district site and a start date in spring"
    page = tmp_path / "school.html"
    page.write_text(f"<html><body><article><h1>School plan approved after long debate</h1><h2>{dek}</h2>{body}</article></body></html>",
                    encoding="utf-8")
    kinds = {s.text: s.kind for s in mark_kinds(read_source(page), Glossary()).segments}
    assert kinds[dek] == "teaser"
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def test_the_standfirst_between_headline_and_byline_in_a_dump_is_not_body():
    dek = "Два года споров закончились: школа будет в северном районе, а стройка начнётся весной."
    text = "\n".join(["Новая школа: решение принято", dek, "Текст: Анна Петрова · 12 марта 2026",
                      *RUSSIAN_PARAGRAPHS, RUSSIAN_PARAGRAPHS[0].replace("весной", "летом")]) + "\n"
    kinds = [s.kind for s in mark_kinds(read_source(text), Glossary()).segments]
    assert kinds == ["title", "teaser", "boilerplate", "body", "body", "body"]


def test_a_lead_paragraph_right_under_the_headline_stays_body():
    # no byline or date after it: the first paragraph is the article's own lead, not a standfirst
    kinds = _kinds(["School plan approved after long debate", PARAGRAPHS[0], "Advertisement", PARAGRAPHS[1], PARAGRAPHS[2]])
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def test_a_caption_closed_by_its_sources_in_parentheses_is_a_caption():
    caption = "The new school as the architects drew it for the council. (City Council/North Studio)"
    kinds = _kinds(["School plan approved after long debate", PARAGRAPHS[0], caption, PARAGRAPHS[1], PARAGRAPHS[2]])
    assert kinds[caption] == "caption"
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


RUSSIAN_PARAGRAPHS = [
    "«Мы начнём строительство весной и закончим его до конца следующего года», — сказал глава районного совета на встрече с жителями.",
    "«Дети больше не будут ездить в школу по часу в одну сторону», — добавил он, отвечая на вопросы родителей в зале.",
]


def test_paragraphs_in_another_script_stay_when_the_article_mixes_scripts():
    text = "\n".join(["School plan approved after long debate", PARAGRAPHS[0], RUSSIAN_PARAGRAPHS[0], PARAGRAPHS[1],
                      RUSSIAN_PARAGRAPHS[1], PARAGRAPHS[2]]) + "\n"
    kinds = [s.kind for s in mark_kinds(read_source(text), Glossary()).segments]
    assert kinds == ["title"] + ["body"] * 5


def test_a_lone_line_in_another_script_is_not_body():
    text = "\n".join(["School plan approved after long debate", PARAGRAPHS[0], PARAGRAPHS[1], RUSSIAN_PARAGRAPHS[0], PARAGRAPHS[2]]) + "\n"
    kinds = [s.kind for s in mark_kinds(read_source(text), Glossary()).segments]
    assert kinds[3] not in ("title", "body")
    assert kinds.count("body") == 3


def test_glossary_ui_strings_are_ui_in_any_language():
    g = Glossary()
    g.add(Entry("Neuigkeiten abonnieren", "de", "Subscribe to news", "ui"))
    text = (
        "A long enough first paragraph that reads like the article body, with commas, clauses and a full stop.\n"
        "Neuigkeiten abonnieren!\n"
        "A second paragraph follows the label and it is also written as prose, so it counts as body text.\n"
    )
    kinds = [s.kind for s in mark_kinds(read_source(text), g).segments]
    assert kinds == ["body", "ui", "body"]


def test_every_segment_gets_a_known_kind_and_short_pages_survive():
    article = mark_kinds(read_source("Just one line\n"), Glossary())
    assert [s.kind for s in article.segments][0] in KINDS
    empty = mark_kinds(read_source("0\n1\n"), Glossary())
    assert [s.kind for s in empty.segments] == ["ui", "ui"]


def test_measures():
    assert script_of("Москва 2026") == "cyrillic"
    assert script_of("東京の天気") == "cjk"
    assert script_of("123") == ""
    assert units_of("one two three") == 3
    assert units_of("東京の天気予報") == 3.5


def test_reference_page():
    if not REFERENCE.exists():
        pytest.skip("shared data not present")
    from polyglot_news.curated import load_glossaries

    article = mark_kinds(read_source(REFERENCE), load_glossaries())
    by_text = {s.text: s for s in article.segments}

    def kind(prefix: str) -> str:
        matches = [s for t, s in by_text.items() if t.startswith(prefix)]
        assert len(matches) == 1, prefix
        return matches[0].kind

    assert kind("This is Why Syria Still Needs Russian Troops' Help") == "title"
    assert [s.kind for s in article.segments].count("title") == 1
    for chrome in ("- Sputnik International", "World", "Get the latest news", "Subscribe", "© Photo : Russian Defense Ministry",
                   "Russian Army in pictures - Sputnik", "U.S. Secretary of State Rex Tillerson", "Assyrian Party Believes Russia",
                   "Newsfeed", "0", "To participate in the discussion", "log in or register", "loader", "Chats"):
        assert kind(chrome) not in ("title", "body"), chrome
    assert kind("Assyrian Party Believes Russia") == "teaser"
    assert kind("© Photo : Russian Defense Ministry") == "caption"
    for paragraph in ("Despite recent improvements", "MOSCOW (Sputnik)", "\"Even though the outlook", "The Syrian politician",
                      "\"The Americans are still", "Syria has been engulfed", "Tartus became home"):
        assert kind(paragraph) == "body", paragraph
    assert article.segments[-1].kind == "ui"


def test_cli_clean_prints_the_article_and_show_all_prints_kinds(tmp_path):
    from polyglot_news.cli import app

    text, expected = labelled(ENGLISH_PAGE)
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    runner = CliRunner()
    kept = runner.invoke(app, ["clean", str(page)])
    assert kept.exit_code == 0, kept.output
    assert kept.output.splitlines()[0] == "Harbour ferry fares to fall next month"
    assert "Subscribe" not in kept.output and "log in or register" not in kept.output
    every = runner.invoke(app, ["clean", "--show-all", str(page)])
    rows = every.output.splitlines()
    assert len(rows) == len(expected)
    assert rows[0].split()[:2] == ["1", "boilerplate"]
    missing = runner.invoke(app, ["clean", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0 and "nope.txt" in missing.output


DEK = "A vote after two years of debate puts the new school in the northern district, with work due to start in spring."


def test_a_standfirst_above_share_buttons_and_the_byline_is_a_teaser():
    kinds = _kinds(["School plan approved after long debate", DEK, "Share", "Tweet", "By Laura Pennant", *PARAGRAPHS])
    assert kinds[DEK] == "teaser"
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def test_a_standfirst_above_a_bare_by_and_the_authors_name_is_a_teaser():
    kinds = _kinds(["School plan approved after long debate", DEK, "By", "Laura Pennant", "12 March 2026", *PARAGRAPHS])
    assert kinds[DEK] == "teaser"
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def test_a_long_standfirst_above_the_date_is_a_teaser():
    dek = ("The council has settled one of the longest planning rows the district has seen: after two years of meetings, "
           "petitions and a public inquiry, the new school will stand on the old depot site, and builders are due to "
           "move in before the spring term begins.")
    assert 40 < len(dek.split()) <= 60
    kinds = _kinds(["School plan approved after long debate", dek, "12 March 2026, 09:41", *PARAGRAPHS])
    assert kinds[dek] == "teaser"
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def _page_kinds(tmp_path, body_html: str) -> dict[str, str]:
    """Kinds of the segments of an HTML page with this <body> content, by text."""
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{body_html}</body></html>", encoding="utf-8")
    return {s.text: s.kind for s in mark_kinds(read_source(page), Glossary()).segments}


def test_an_html_standfirst_in_a_div_set_apart_by_share_buttons_is_a_teaser(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    kinds = _page_kinds(tmp_path, f"<article><h1>School plan approved after long debate</h1><div class='standfirst'>{DEK}</div>"
                        f"<ul class='share-tools'><li><a href='#'>Share on Facebook</a></li><li><a href='#'>Share by email</a></li></ul>"
                        f"{body}</article>")
    assert kinds[DEK] == "teaser"
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def test_an_html_lead_in_a_div_right_above_the_paragraphs_stays_body(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:] + PARAGRAPHS[:1])
    page = tmp_path / "school.html"
    page.write_text(f"<html><body><article><h1>School plan approved after long debate</h1><div class='lead'>{DEK}</div>"
                    f"{body}</article></body></html>", encoding="utf-8")
    kinds = {s.text: s.kind for s in mark_kinds(read_source(page), Glossary()).segments}
    assert kinds[DEK] == "body"


COMMENTS_WITH_REPLY = [
    "Ann Example March 3, 2026 at 9:14 am",
    "I went to the meeting myself and I have to say the council listened to parents far better than it usually does. "
    "The northern site is the right choice, the children who live there have waited for years, and the old depot has "
    "been standing empty for far too long. I only hope the builders keep to the timetable this time round.",
    "Reply",
    "Bob Sample March 3, 2026 at 9:40 am",
    "Where will the money come from? Nobody at the meeting could answer that question, and the budget for next year "
    "already looks tight. I would like to see the full costs published before anyone starts digging, so that we can all "
    "judge whether this is really the best use of the district's money, and what else will have to wait because of it.",
    "Reply",
]


def test_paragraphs_above_a_reply_button_are_comments():
    kinds = _kinds(["School plan approved after long debate", *PARAGRAPHS, *COMMENTS_WITH_REPLY])
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3
    assert kinds[COMMENTS_WITH_REPLY[1]] not in ("title", "body")
    assert kinds[COMMENTS_WITH_REPLY[4]] not in ("title", "body")


SCHOOL_OFFERS = [
    "Science labs for every year group with space for forty pupils",
    "A sports hall that local clubs can book in the evenings",
    "Places for six hundred children from the age of eleven",
]


def test_a_list_introduced_by_a_colon_after_the_last_paragraph_is_body():
    kinds = _kinds(["School plan approved after long debate", *PARAGRAPHS, "The new school will offer:", *SCHOOL_OFFERS,
                    "Share", "Tweet"])
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3
    assert kinds["The new school will offer:"] == "body"
    assert [kinds[item] for item in SCHOOL_OFFERS] == ["body"] * 3


def test_a_list_of_headlines_after_a_colon_is_not_body():
    headlines = [
        "Harbour ferries – fares fall by a fifth from next month",
        "Seafront cycle lanes – council approves the final route",
        "Library hours – reading rooms open until midnight in May",
    ]
    kinds = _kinds(["School plan approved after long debate", *PARAGRAPHS, "From our archive:", *headlines,
                    "A newsletter for parents arrives in your inbox every Friday, with all the school news from the district."])
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3
    assert all(kinds[h] not in ("title", "body") for h in headlines)


def test_a_menu_or_a_section_list_after_a_colon_is_not_body():
    menu = ["Send this story by email", "Send this story to a friend", "Send this story to your printer"]
    sections = ["[Schools] Parents asked to choose a name for the new building",
                "[Transport] Extra buses planned for the first week of term",
                "[Council] Budget meeting moved to the town hall"]
    for label, items in (("Send this story:", menu), ("Elsewhere in the district today:", sections)):
        kinds = _kinds(["School plan approved after long debate", *PARAGRAPHS, label, *items])
        assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3
        assert all(kinds[line] not in ("title", "body") for line in items), label


def test_short_paragraphs_in_the_html_article_container_are_body(tmp_path):
    details = ["Open day for parents on Saturday", "Doors open from ten in the morning", "Bring your questions for the head teacher"]
    closing = "The council will publish the final drawings on its website next week, together with the full building timetable."
    body = "".join(f"<p>{p}</p>" for p in [*PARAGRAPHS, *details, closing])
    page = tmp_path / "school.html"
    page.write_text(f"<html><body><h1>School plan approved after long debate</h1><div class='article-body'>{body}</div>"
                    f"<footer><p>About us</p></footer></body></html>", encoding="utf-8")
    kinds = {s.text: s.kind for s in mark_kinds(read_source(page), Glossary()).segments}
    assert [kinds[p] for p in [*PARAGRAPHS, *details, closing]] == ["body"] * 7


@pytest.mark.parametrize("markup", ["<ul><li><a href='/buses'>{}</a></li></ul>", "<h4><a href='/buses'>{}</a></h4>"], ids=["li", "h4"])
def test_a_linked_list_item_or_heading_inside_the_html_article_container_is_not_body(tmp_path, markup):
    story = "Bus drivers vote to accept new pay offer, which raises wages by six percent and adds a day of leave."
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    kinds = _page_kinds(tmp_path, f"<h1>School plan approved after long debate</h1><div class='article-body'>{body}"
                                  f"<div class='next-up'><h2>Next up</h2>{markup.format(story)}</div></div>")
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3
    assert kinds[story] not in ("title", "body")


@pytest.mark.parametrize("bio", [
    "Dana Marsh is the Courier's schools curator and visits every new classroom she writes about.",
    "Dana came to the Courier in spring 2021. She has been reporting on schools and families since 2012.",
], ids=["possessive-outlet", "reporting-since"])
def test_author_bios_after_the_article_are_not_body(bio):
    kinds = _kinds(["School plan approved after long debate", *PARAGRAPHS, bio])
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3
    assert kinds[bio] not in ("title", "body")


@pytest.mark.parametrize("note", ["Source: City Council press office", "TELL US WHAT YOU THINK"])
def test_list_items_after_the_last_paragraph_of_an_html_container_are_body(tmp_path, note):
    items = ["A sports hall for local clubs", "Science labs for every year group", "A library open in the evenings"]
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    page = tmp_path / "school.html"
    page.write_text(f"<html><body><h1>School plan approved after long debate</h1><div class='article-body'>{body}"
                    f"<p>{note}</p></div><footer><p>About us</p></footer></body></html>", encoding="utf-8")
    kinds = {s.text: s.kind for s in mark_kinds(read_source(page), Glossary()).segments}
    assert [kinds[p] for p in [*PARAGRAPHS, *items]] == ["body"] * 6
    assert kinds[note] != "body"  # a label or a shouted call to act closes the article


def _article_body_kinds(tmp_path, inner: str) -> dict[str, str]:
    """Kinds of an HTML page whose article container holds the school headline, then `inner`."""
    return _page_kinds(tmp_path, f"<div class='article-body'><h1>School plan approved after long debate</h1>{inner}</div>")


def test_a_label_above_a_date_is_not_body(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    kinds = _article_body_kinds(tmp_path, f"<dl><dt>Posted on:</dt><dd>12 March 2026</dd></dl>{body}")
    assert kinds["Posted on:"] not in ("title", "body")
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def test_a_short_html_block_between_the_headline_and_the_first_paragraph_is_not_body(tmp_path):
    video = "Watch how the new school will look from the air"
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    kinds = _article_body_kinds(tmp_path, f"<div class='player'><div>{video}</div></div>{body}")
    assert kinds[video] not in ("title", "body")
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def test_a_subtitle_in_the_same_markup_as_the_paragraphs_stays_body(tmp_path):
    subtitle = "Parents, teachers and builders all had their say"
    body = "".join(f"<div>{p}</div>" for p in PARAGRAPHS)
    kinds = _article_body_kinds(tmp_path, f"<div>{subtitle}</div>{body}")
    assert kinds[subtitle] == "body"


@pytest.mark.parametrize("line", [
    "Share to mastodon",
    "Share this on Bluesky",
    "Click to share on Mastodon (Opens in new window)",
    "Share all sharing options for: School plan approved after long debate",
    "Opinions expressed by our guest contributors are their own.",
    "By signing up, you agree to receive our weekly letter and our terms of use.",
    "Material on this page may not be reproduced without written permission from the publisher.",
    "Community rules apply to everything you post on this site.",
    "Tell us what you think of our new pages by taking this survey.",
    "Laura Pennant's book about the harbour towns of the county and the families who kept their ferries running for a "
    "century, with drawings by a local artist, is out this month from a small press in the city. Follow her on Mastodon.",
    "When you comment, keep to the topic and be kind to other readers: our goal with comments is a calm and useful "
    "conversation, and posts that attack other people or advertise products will be removed by the moderators.",
    "We welcome reader comments on the stories of the day, although comments are moderated before they appear.",
    "4 min read",
    "Lesezeit: 3 Minuten",
    "Ten tekst przeczytasz w 2 minuty",
    "Listen to this article",
    "Escucha esta nota aquí",
])
def test_spelled_out_share_buttons_disclaimers_and_comment_rules_are_not_body(line):
    kinds = _kinds(["School plan approved after long debate", PARAGRAPHS[0], line, PARAGRAPHS[1], PARAGRAPHS[2]])
    assert kinds[line] not in ("title", "body")
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def test_headlines_under_a_related_heading_inside_the_article_are_teasers():
    headlines = ["Flood defences along the river to be raised", "Bus drivers vote to accept new pay offer"]
    more = ["The district's families will be able to visit the site on open days once the walls are up, the council said.",
            "A name for the school will be chosen by a vote among the pupils who will be the first to study there."]
    kinds = _kinds(["School plan approved after long debate", PARAGRAPHS[0], PARAGRAPHS[1], "Related articles", *headlines,
                    PARAGRAPHS[2], *more])
    assert kinds["School plan approved after long debate"] == "title"
    assert [kinds[h] for h in headlines] == ["teaser"] * 2
    assert [kinds[p] for p in PARAGRAPHS + more] == ["body"] * 5


def test_short_lines_between_the_headline_and_the_dateline_are_teasers():
    others = ["Ferry fares to fall by a fifth next month, transport board says.",
              "Seafront cycle lanes approved, but the route is still in dispute."]
    lead = "HARBOURTON, N.S. — " + PARAGRAPHS[0]
    kinds = _kinds(["School plan approved after long debate", *others, lead, PARAGRAPHS[1], PARAGRAPHS[2]])
    assert [kinds[o] for o in others] == ["teaser"] * 2
    assert [kinds[p] for p in (lead, PARAGRAPHS[1], PARAGRAPHS[2])] == ["body"] * 3


def test_paragraphs_under_key_points_above_the_text_are_teasers():
    points = ["The council voted to build the new school on the old depot site in the northern district.",
              "Work starts in spring, and the first pupils should move in before the end of next year."]
    kinds = _kinds(["School plan approved after long debate", "Key points", *points, "Photo: Jo Lens, Example Agency", *PARAGRAPHS])
    assert [kinds[p] for p in points] == ["teaser"] * 2
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3
    # with no visible end of the box, the heading may open the article itself: nothing is dropped
    more = PARAGRAPHS + [p + " More details will follow." for p in PARAGRAPHS]
    kinds = _kinds(["School plan approved after long debate", "Key points", *points, *more])
    assert [kinds[p] for p in points + more] == ["body"] * 8


@pytest.mark.parametrize("caption, credit", [
    ("Image caption The mayor opens the school's new science wing on Friday", None),
    ("An architect's rendering of the new school building seen from the park", "[Drawing via North Studio]"),
    ("An artist's concept of the new school hall.", "(Image credit: North Studio Architects and Partners, Inc.)"),
    ("The old depot, where the school will stand, seen from the river in 2019 [File: AFP]", None),
    ("Pupils will cross the park to reach the new hall. ( JO LENS/NORTH STUDIO ARCHIVE)", None),
    ("‘We have waited long enough for this school,’ one parent said at the meeting. Photograph: Jo Lens via Example", None),
], ids=["image-caption-prefix", "via-in-brackets", "short-caption-long-credit", "file-credit-in-brackets",
        "three-word-sources", "photograph-after-the-sentence"])
def test_picture_captions_in_a_dump_are_captions(caption, credit):
    line = caption if credit is None or credit.startswith("(") else f"{caption} {credit}"
    lines = [line] if credit is None or not credit.startswith("(") else [line, credit]
    kinds = _kinds(["School plan approved after long debate", PARAGRAPHS[0], *lines, PARAGRAPHS[1], PARAGRAPHS[2]])
    assert kinds[line] == "caption"
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


TABLE = ["Team", "Played", "Points",
         "North Harbour", "12", "30",
         "Bayside Rovers", "12", "27",
         "Old Depot United", "11", "21",
         "Seafront Albion", "12", "18"]


def test_a_table_spelled_out_one_cell_a_line_inside_the_article_is_body():
    before = ["The league table after the weekend shows how close the race for the title has become this season.",
              "Only three points separate the top two clubs, and both still have to visit the harbour ground."]
    after = ["North Harbour play their next match on Saturday, when a win would take them six points clear at the top.",
             "Bayside Rovers have a game in hand, which they will play against Seafront Albion on Wednesday night.",
             "The last round of matches is due in May, and the league has already sold out the final weekend."]
    kinds = _kinds(["North Harbour stay top after weekend win", *before, *TABLE, *after])
    assert [kinds[p] for p in before + after] == ["body"] * 5
    assert [kinds[c] for c in TABLE] == ["body"] * len(TABLE)


def test_a_more_from_heading_naming_a_long_site_ends_the_article():
    others = ["Ferry fares to fall by a fifth next month, and the board says more cuts may follow in the autumn."]
    kinds = _kinds(["School plan approved after long debate", *PARAGRAPHS, "More From The Bayside Courier", *others])
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3
    assert all(kinds[line] not in ("title", "body") for line in ["More From The Bayside Courier", *others])


def test_a_paragraph_above_a_sign_up_line_starting_with_by_stays_body():
    promo = "By signing up, you agree to receive our weekly letter and our terms of use."
    kinds = _kinds(["School plan approved after long debate", PARAGRAPHS[0], promo, PARAGRAPHS[1], PARAGRAPHS[2]])
    assert [kinds[p] for p in PARAGRAPHS] == ["body"] * 3


def test_subheadings_of_an_article_cut_into_sections_are_body():
    headings = ["Science labs for every year group", "A sports hall open to local clubs", "Evening classes for adults from the district"]
    more = "The evening classes will start in the second year, once the main building has been handed over to the school."
    lines = ["School plan approved after long debate", PARAGRAPHS[0], headings[0], PARAGRAPHS[1], headings[1], PARAGRAPHS[2],
             headings[2], more]
    kinds = _kinds(lines)
    assert [kinds[h] for h in headings] == ["body"] * 3
    assert [kinds[p] for p in [*PARAGRAPHS, more]] == ["body"] * 4


def test_a_lone_headline_between_paragraphs_of_a_dump_is_still_a_teaser():
    other = "Bus drivers vote to accept the new pay offer"
    kinds = _kinds(["School plan approved after long debate", PARAGRAPHS[0], PARAGRAPHS[1], other, PARAGRAPHS[2]])
    assert kinds[other] == "teaser"


def test_the_committed_line_classifier_loads_for_the_current_features():
    from polyglot_news.clean.classifier import FEATURES, SEARCH_FEATURES, load_model

    model = load_model()
    assert model is not None, "clean/weights.json is missing or was trained for another feature set"
    assert len(model["w"]) == len(FEATURES)
    assert all(0 <= t["keep_above"] <= 2 and t["drop_below"] <= 1 for t in model["thresholds"].values())
    search = model["search"]
    assert search["features"] == list(SEARCH_FEATURES)
    assert all(len(lines["w"]) == len(SEARCH_FEATURES) for lines in search["inputs"].values())


def _model_trusting(feature: str, bias: float) -> dict:
    """A hand-set model whose verdict follows one feature: to check what `overrule` may change."""
    from polyglot_news.clean.classifier import FEATURES

    w = [0.0] * len(FEATURES)
    w[FEATURES.index(feature)] = 20.0
    return {"features": list(FEATURES), "w": w, "b": bias, "mean": [0.0] * len(FEATURES), "sd": [1.0] * len(FEATURES),
            "drop_below": -1.0, "keep_above": 0.9, "inputs": ["html", "dump"]}


def test_the_classifier_keeps_a_line_it_is_sure_of_but_never_a_line_in_another_script():
    from polyglot_news.clean.article import rule_pass
    from polyglot_news.clean.classifier import overrule

    lines = ["School plan approved after long debate", PARAGRAPHS[0], PARAGRAPHS[1], "Read more", RUSSIAN_PARAGRAPHS[0], PARAGRAPHS[2],
             "Weather and traffic updates for the region"]
    article = read_source("\n".join(lines) + "\n")
    state = rule_pass(article, Glossary())
    before = [s.kind for s in article.segments]
    assert before[4] not in ("body", "title")
    overrule(*state, model=_model_trusting("bias", 10.0))  # a model sure that every line is article text
    after = [s.kind for s in article.segments]
    assert after[4] == before[4]  # the stray Russian line stays out whatever the model says
    assert after[6] == "body" and before[6] != "body"  # an unforced chrome line the sure model calls article text
    facts = state[0]
    for i, (b, a) in enumerate(zip(before, after)):
        if b in ("ui", "boilerplate") and facts[i].forced is None and facts[i].script == "latin":
            assert a == "body"  # unforced chrome in the article's script: the sure model wins
        elif b != a:
            raise AssertionError(f"line {i} ({b}) changed to {a}")  # pattern-made chrome and titles are the rules'


def _two_section_page():
    """A headline, three paragraphs, a long run of short unexplained lines, then one more paragraph."""
    tail = ("The new building will also hold a public library and a sports hall, which local clubs may use in the evenings "
            "and at weekends, the council said in a statement after the vote.")
    lines = ["School plan approved after long debate", *PARAGRAPHS, *[f"Item number {w}" for w in "abcdefghijkl"], tail]
    article = read_source("\n".join(lines) + "\n")
    return article, len(lines) - 1


def test_the_article_run_takes_in_a_later_section_only_when_the_line_model_calls_it_article_text():
    from polyglot_news.clean.article import decide, prepare

    for chance, wanted in ((0.9, True), (0.1, False)):
        article, tail = _two_section_page()
        prepared = prepare(article, Glossary())
        for f in prepared[0]:
            f.p = chance
        decide(*prepared)
        plain = [s.kind for s in article.segments]
        assert plain[tail] != "body"  # the best run alone stops before the list: the list costs more than the paragraph gains
        prepared = prepare(article, Glossary())
        for f in prepared[0]:
            f.p = chance
        decide(*prepared, reach=(1.0, 0.05, 0.5))
        assert (article.segments[tail].kind == "body") is wanted, chance


def test_the_line_model_rows_match_its_features_and_the_committed_model_mixes_into_the_search():
    from polyglot_news.clean.article import prepare
    from polyglot_news.clean.classifier import SEARCH_FEATURES, load_model, search_rows, search_weights

    article, _ = _two_section_page()
    facts, _, seen, _, _ = prepare(article, Glossary())
    rows = search_rows(facts, seen)
    assert len(rows) == len(facts) and all(len(r) == len(SEARCH_FEATURES) for r in rows)
    weights = search_weights(load_model(), facts, seen)
    assert weights is not None and len(weights) == len(facts)
    assert all(0.0 <= f.p <= 1.0 for f in facts)
    paragraph = next(i for i, f in enumerate(facts) if f.prose)
    assert facts[paragraph].p > facts[paragraph + 4].p  # a paragraph reads more like article text than a short item


def _sectioned_html(tmp_path, between: str) -> tuple[list, str]:
    """An HTML article: headline, three paragraphs, a long box of short lines, `between`, one more paragraph, all in one div."""
    tail = ("The new building will also hold a public library and a sports hall, which local clubs may use in the evenings "
            "and at weekends, the council said in a statement after the vote.")
    items = "".join(f"<div>Item number {w}</div>" for w in "abcdefghijkl")
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = tmp_path / "sections.html"
    page.write_text(f"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='wrap'>"
                    f"<h1>School plan approved after long debate</h1>{body}<div>{items}</div>{between}<p>{tail}</p></div>"
                    f"<footer><p>Contact the newsroom by phone or by post, and read our terms of use before you write to us.</p></footer>"
                    f"</body></html>", encoding="utf-8")
    return read_source(page).segments, tail


def test_html_blocks_name_the_elements_that_enclose_them(tmp_path):
    from polyglot_news.clean.linepatterns import facts_of

    segments, tail = _sectioned_html(tmp_path, "")
    facts = {s.text: facts_of(s) for s in segments}
    first, last = facts[PARAGRAPHS[0]], facts[tail]
    assert first.boxes and first.boxes[:-1] == last.boxes[:-1]  # siblings in one div
    assert first.boxes[-1] != last.boxes[-1]  # each paragraph is its own element
    assert "@" not in " ".join(first.roles)  # the element numbers are not roles
    assert facts_of(read_source("One line of a dump.\n").segments[0]).boxes == ()


def test_the_main_box_holds_the_article_paragraphs_not_the_menu(tmp_path):
    from polyglot_news.clean.linepatterns import facts_of
    from polyglot_news.clean.regions import BOX_FEATURES, measure_boxes

    segments, tail = _sectioned_html(tmp_path, "")
    facts = [facts_of(s) for s in segments]
    measure_boxes(facts)
    by_text = {f.seg.text: dict(zip(BOX_FEATURES, f.box)) for f in facts}
    assert by_text[PARAGRAPHS[0]]["in_main"] == 1.0 and by_text[tail]["in_main"] == 1.0
    assert by_text["Home News"]["in_main"] == 0.0 and by_text["Home News"]["main_distance"] > 0
    assert by_text[PARAGRAPHS[1]]["parent_share"] > 0.8  # the div holds nearly all of the page's prose
    dump = [facts_of(s) for s in read_source("\n".join(PARAGRAPHS) + "\n").segments]
    measure_boxes(dump)
    assert all(f.box == (0.0,) * len(BOX_FEATURES) for f in dump)


def test_an_html_article_run_takes_in_the_rest_of_its_element_but_not_past_a_related_heading(tmp_path, monkeypatch):
    import polyglot_news.clean.article as article

    segments, tail = _sectioned_html(tmp_path, "")
    monkeypatch.setattr(article, "REGION_SHARE", None)
    plain = {s.text: s.kind for s in article.mark_kinds(read_source(tmp_path / "sections.html"), Glossary(), learned=False).segments}
    assert plain[tail] != "body"  # the best run alone stops at the list
    monkeypatch.undo()
    kinds = {s.text: s.kind for s in article.mark_kinds(read_source(tmp_path / "sections.html"), Glossary(), learned=False).segments}
    assert kinds[tail] == "body" and kinds[PARAGRAPHS[0]] == "body"
    footer = next(t for t in kinds if t.startswith("Contact the newsroom"))
    assert kinds[footer] != "body"  # outside the element
    _sectioned_html(tmp_path, "<h2>Related stories</h2>")
    kinds = {s.text: s.kind for s in article.mark_kinds(read_source(tmp_path / "sections.html"), Glossary(), learned=False).segments}
    assert kinds[tail] != "body"


def test_the_line_model_never_softens_a_line_that_ends_an_article():
    from polyglot_news.clean.article import prepare
    from polyglot_news.clean.classifier import mixed_weight

    article = read_source("\n".join(["School plan approved after long debate", *PARAGRAPHS, "More From The Bayside Courier"]) + "\n")
    facts = prepare(article, Glossary())[0]
    heading, paragraph = facts[-1], facts[1]
    assert heading.ends_article and not paragraph.ends_article
    for f in (heading, paragraph):
        f.p = 0.1
        low = mixed_weight(f, 1.0, 1.0, 0.5)
        f.p = 0.9
        high = mixed_weight(f, 1.0, 1.0, 0.5)
        assert (high == low) is f.ends_article
    assert mixed_weight(heading, 1.0, 1.0, 0.5) < heading.weight  # the model's pull around it makes the stop dearer


def test_paragraphs_shown_twice_do_not_pull_the_article_run():
    # a script's warnings (or a gallery's captions with their alt text) printed twice each: captions, which
    # must not draw the article run down over the comment form between them and the article
    twice = ["Warning: the timetable service could not be reached (error 503); the times shown on this page may be out of date, please try again later today.",
             "Warning: the fare service could not be reached (error 503); the prices shown on this page may be out of date, please try again later today or call us."]
    form = ["No responses so far", "Name (required)", "E-mail (required, hidden to public)", "Website address (optional)"]
    lines = ["Home", "About", "A short walk by the harbour", "3 August 2015 · Filed under diary", PARAGRAPHS[0], PARAGRAPHS[1], *form,
             "Search", "Latest comments", twice[0], twice[0], twice[1], twice[1], "Categories", "Contact"]
    kinds = _kinds(lines)
    assert [kinds[p] for p in PARAGRAPHS[:2]] == ["body", "body"]
    assert [kinds[c] for c in twice] == ["caption", "caption"]
    assert [kinds[f] for f in form] == ["ui"] * 4


def test_short_lines_repeated_only_inside_the_article_are_its_own_but_a_repeated_menu_is_not():
    # the list of what the new school will hold, shown again under the last paragraph (a print view); the menu
    # stands at the top and again at the bottom, outside the article
    items = ["Twelve classrooms", "Two science labs", "A sports hall", "A library"]
    menu = ["News", "Sport", "Weather"]
    lines = [*menu, "School plan approved after long debate", PARAGRAPHS[0], "The new school will have:", *items, PARAGRAPHS[1],
             PARAGRAPHS[2], "What the school will have:", *items, *menu, "Contact"]
    kinds = [s.kind for s in mark_kinds(read_source("\n".join(lines) + "\n"), Glossary()).segments]
    by_line = list(zip(lines, kinds))
    assert [k for t, k in by_line if t in items] == ["body"] * 8
    assert all(k not in ("title", "body") for t, k in by_line if t in menu)


@pytest.mark.parametrize("line, stamp", [
    ("Feb 18, 2020", True), ("Updated 5 hours ago", True), ("12:30 GMT", True), ("18.02.2020", True), ("vor 3 Stunden", True),
    ("5h", True), ("15 min", True), ("Montag, 3. Mai", True), ("27 Desember", True), ("12 maggio 2020", True), ("3 de março", True),
    ("80 g", False), ("390 kcal", False), ("13 g Fett", False), ("3 EL", False), ("120 Minuten ( + 300 Minuten Wartezeit )", False),
])
def test_a_quantity_is_not_a_time_stamp(line, stamp):
    from polyglot_news.clean.linepatterns import is_date_line

    assert is_date_line(line) is stamp


def test_a_recipe_list_of_quantities_does_not_end_the_article():
    # "80 g" after a paragraph read as a time stamp, which ends the article: no later section could join the run
    from polyglot_news.clean.article import prepare

    steps = ["Put the oats and the milk in a pot, bring them to the boil and let them simmer for five minutes while you stir.",
             "Toast the nuts in a dry pan, then cut the apples into small pieces and put them on top of the porridge."]
    lines = ["Porridge with apples and nuts", PARAGRAPHS[0], "80 g", "oats", "250 ml", "milk", "2 EL", "nuts", *steps]
    facts = prepare(read_source("\n".join(lines) + "\n"), Glossary())[0]
    assert not any(f.ends_article for f in facts)
    kinds = dict(zip(lines, (s.kind for s in mark_kinds(read_source("\n".join(lines) + "\n"), Glossary()).segments)))
    assert [kinds[s] for s in steps] == ["body", "body"]


def test_a_long_list_between_the_articles_paragraphs_is_body_only_when_the_line_model_reads_it_as_article_text():
    from polyglot_news.clean.article import decide, prepare

    items = [f"{n} spoons of {w}" for n, w in zip(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
                                                    ("oats", "milk", "honey", "nuts", "raisins", "butter", "sugar", "salt", "cream", "flour"))]
    steps = ["Put the oats and the milk in a pot, bring them to the boil and let them simmer for five minutes while you stir.",
             "Toast the nuts in a dry pan, then cut the apples into small pieces and put them on top of the porridge."]
    lines = ["Porridge with apples and nuts", *PARAGRAPHS, *items, *steps, *PARAGRAPHS]
    for chance, wanted in ((0.6, True), (0.1, False)):
        article = read_source("\n".join(lines) + "\n")
        prepared = prepare(article, Glossary())
        for f in prepared[0]:
            f.p = chance
        _, start, end, _, _ = decide(*prepared)
        assert start <= 4 and end == len(lines)  # the list stands inside the article run either way
        kinds = [s.kind for s in article.segments[4:4 + len(items)]]
        # the items far from any paragraph (more than a few lines) are the article's only when the model says so
        assert (kinds[:3] == ["body"] * 3) is wanted, (chance, kinds)


def test_a_related_box_nested_among_the_html_paragraphs_does_not_end_the_article(tmp_path):
    # a "Related stories" box set inside the article's element, between its paragraphs: the paragraph after it is
    # still the article's; the same heading set among the paragraphs themselves ends it (see the test above)
    box = ("<div class='box'><h3>Related stories</h3><ul><li><a href='/a'>Ferry fares to fall next month</a></li>"
           "<li><a href='/b'>New cycle lanes along the seafront</a></li></ul></div>")
    _, tail = _sectioned_html(tmp_path, box)
    kinds = {s.text: s.kind for s in mark_kinds(read_source(tmp_path / "sections.html"), Glossary(), learned=False).segments}
    assert kinds[tail] == "body"
    assert kinds["Related stories"] != "body" and kinds["Ferry fares to fall next month"] != "body"


def test_an_unmarked_line_inside_the_run_is_body_when_the_line_model_is_sure_of_it_but_never_one_in_another_script():
    from polyglot_news.clean.article import decide, prepare

    lines = ["School plan approved after long debate", PARAGRAPHS[0], "Classrooms", PARAGRAPHS[1], "Главная", PARAGRAPHS[2]]
    for chance, keep, wanted in ((0.95, 0.85, "body"), (0.5, 0.85, "ui"), (0.95, None, "ui")):
        article = read_source("\n".join(lines) + "\n")
        prepared = prepare(article, Glossary())
        for f in prepared[0]:
            f.p = chance
        decide(*prepared, keep=keep)
        kinds = [s.kind for s in article.segments]
        assert kinds[2] == wanted, (chance, keep, kinds)
        assert kinds[4] != "body"  # a Cyrillic menu word on an English page stays out


def test_a_sentence_naming_an_agency_is_body_and_a_bare_credit_is_a_caption():
    # "... reports TASS." names its source as a sentence; "Jane Roe / TASS" and "Фото: ТАСС" credit a picture
    paragraphs = [
        "Мэр города в понедельник открыл новую станцию метро на юго-западе столицы, которая стала двухсотой по счёту.",
        "По словам мэра, строительство станции заняло почти четыре года, и в нём участвовали более двух тысяч рабочих.",
        "Новая станция будет принимать до сорока тысяч пассажиров в сутки, что заметно разгрузит соседние линии.",
    ]
    told = ["Об этом сообщает ТАСС со ссылкой на пресс-службу мэрии.", "Об этом сообщила пресс-служба метрополитена."]
    credits = ["Фото: ТАСС", "Михаил Петров / ТАСС"]
    kinds = _kinds(["В Москве открыли новую станцию метро", paragraphs[0], credits[1], told[0], paragraphs[1], told[1],
                    paragraphs[2], credits[0]])
    assert [kinds[line] for line in paragraphs + told] == ["body"] * 5
    assert [kinds[line] for line in credits] == ["caption"] * 2
    # a long sentence that starts with an agency's name is not a credit either; "dpa/Jan Roe" is
    reported = "Reuters reported on Monday that the board had agreed to sell its harbour offices to the city for a token sum."
    kinds = _kinds(["School plan approved after long debate", PARAGRAPHS[0], "dpa/Jan Roe", PARAGRAPHS[1], reported, PARAGRAPHS[2]])
    assert kinds[reported] == "body"
    assert kinds["dpa/Jan Roe"] == "caption"


def _trainer():
    """bench/train_cleaner.py as a module (it needs numpy, a bench dependency)."""
    pytest.importorskip("numpy")
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "bench" / "train_cleaner.py"
    spec = importlib.util.spec_from_file_location("train_cleaner_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_trainer_takes_a_setting_only_when_its_choosing_carries_over_to_held_back_folds():
    trainer = _trainer()
    group = [{"name": f"page{i}", "set": "trafilatura", "fold": i % trainer.FOLDS, "keep": ["the article sentence"], "drop": ["a menu line"]}
             for i in range(8)]
    plain = "a menu line"  # without the setting: the snippet lost, the menu kept

    def everywhere(page, setting):
        return plain if setting is None else "the article sentence"

    # a setting that keeps the snippet on every page carries over, whichever folds chose it
    assert trainer.carries_over(group, lambda pages: "keep it", everywhere, None)

    def fitted(page, setting):
        # a "setting" that names the pages it was chosen on: perfect there, no better than nothing elsewhere
        return plain if setting is None or page["name"] not in setting else "the article sentence"

    assert not trainer.carries_over(group, lambda pages: {p["name"] for p in pages}, fitted, None)
    # yet on the pages it was chosen on it gains, which is what the one-pass grid alone would see
    chosen = {p["name"] for p in group}
    assert trainer.measure(group, [fitted(p, chosen) for p in group])[0] > trainer.measure(group, [plain] * len(group))[0]
