"""Daily digest: article dates, near-duplicate stories, the email-ready text, the .eml, the golden day.

The golden day (tests/golden/daily-samples.txt) runs every stage on samples/ with no
translation models, so a deliberate change to any stage shows up here: rewrite it with
`UPDATE_GOLDEN=1 python -m pytest tests/test_daily.py` and review the diff like code.
"""

from __future__ import annotations

import math
import os
import re
import shutil
from datetime import date, datetime
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polyglot_news.daily import (
    article_date,
    date_in_path,
    day_eml,
    day_from_digests,
    parse_day,
    render_day,
    similarity,
    story_groups,
)
from polyglot_news.errors import ConfigError
from polyglot_news.model import BODY, TITLE, Article, Digest, Segment, SummarySentence, Term, merge_terms

GOLDEN = Path(__file__).parent / "golden"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DAY = date(2026, 11, 27)


def digest(source: str, title: str, summary: list[str], terms: list[tuple[str, str | None, str]], lang: str = "en",
           notes: list[str] | None = None, site: str | None = None) -> Digest:
    """A digest as the pipeline would build it; `terms` are (english, original, kind)."""
    segs = [Segment(1, title, TITLE, lang, 0.99, title, "source" if lang == "en" else "argos")]
    segs += [Segment(i + 3, s, BODY, lang, 0.99, s, "source" if lang == "en" else "argos") for i, s in enumerate(summary)]
    return Digest(Article(source, segs, title=title, site=site), [SummarySentence(s, i + 3) for i, s in enumerate(summary)],
                  [Term(e, o, k, lang, 1) for e, o, k in terms], list(notes or []))


BRIDGE_EN = digest("bbc/kazan-bridge.txt", "Kazan opens new bridge over the Kazanka river",
                   ["The bridge links two districts of the city, mayor Ilsur Metshin said.", "Construction took three years."],
                   [("Kazan", None, "place"), ("Kazanka", None, "place"), ("Ilsur Metshin", None, "person"),
                    ("Tatarstan", None, "place")], site="bbc.example")
BRIDGE_RU = digest("ria/most.txt", "In Kazan a new bridge across the Kazanka was opened",
                   ["Mayor Ilsur Metshin said the bridge connected two districts of the city.",
                    "The works lasted three years and cost two billion roubles."],
                   [("Kazan", "Казань", "place"), ("Kazanka", "Казанка", "place"), ("Ilsur Metshin", "Ильсур Метшин", "person")],
                   lang="ru", notes=["2 Russian segments translated by argos."])
BRIDGE_COPY = digest("agg/kazan-bridge-copy.txt", "Kazan opens new bridge over the Kazanka river",
                     ["The bridge links two districts of the city, mayor Ilsur Metshin told reporters.",
                      "Construction took three years and was finished early."],
                     [("Kazan", None, "place"), ("Ilsur Metshin", None, "person")])
BRIDGE_UNTRANSLATED = digest("tass/most.txt", "В Казани открыли мост через Казанку", [],
                             [("Kazan", "Казань", "place"), ("Kazanka", "Казанка", "place"),
                              ("Ilsur Metshin", "Ильсур Метшин", "person"), ("Tatarstan", "Татарстан", "place")], lang="ru")
PUTIN_SOCHI = digest("a/sochi.txt", "Putin meets Erdogan in Sochi to discuss gas supplies",
                     ["Vladimir Putin and Recep Erdogan talked for three hours about gas prices and a new pipeline."],
                     [("Vladimir Putin", "Владимир Путин", "person"), ("Recep Erdogan", None, "person"), ("Sochi", "Сочи", "place")])
PUTIN_LAW = digest("b/law.txt", "Putin signs law on internet regulation",
                   ["Vladimir Putin signed a law that lets regulators block messaging services in Russia."],
                   [("Vladimir Putin", "Владимир Путин", "person"), ("Russia", "Россия", "place")])
LIBRARY = digest("c/library.txt", "Kazan library reopens after repairs",
                 ["The national library in Kazan reopened after a year of repairs to its reading rooms."],
                 [("Kazan", "Казань", "place")])


def test_date_in_path_forms() -> None:
    assert date_in_path("2026-11-27/bbc.txt") == DAY
    assert date_in_path("ria/2026_11_27_most.html") == DAY
    assert date_in_path("feeds/20261127-story.txt") == DAY
    assert date_in_path("2026/11/27/story.txt") == DAY
    assert date_in_path("2025-01-02/moved/2026-11-27.txt") == DAY  # the last one wins
    assert date_in_path("story-12345678.txt") is None
    assert date_in_path("2026-13-40/x.txt") is None


def test_article_date_falls_back_to_mtime(tmp_path: Path) -> None:
    p = tmp_path / "story.txt"
    p.write_text("x")
    when = datetime(2026, 11, 27, 12, 0).timestamp()
    os.utime(p, (when, when))
    assert article_date(p, "story.txt") == DAY
    assert article_date(p, "2026-11-20/story.txt") == date(2026, 11, 20)


def test_same_story_from_two_sources_is_grouped() -> None:
    assert similarity(BRIDGE_EN, BRIDGE_RU).same_story
    assert similarity(BRIDGE_EN, BRIDGE_COPY).same_story
    assert similarity(BRIDGE_EN, BRIDGE_UNTRANSLATED).same_story  # no English words to compare, four names shared


def test_three_shared_names_alone_do_not_make_a_story() -> None:
    a = digest("x/a.txt", "Вчера в Москве", [], [("Moscow", "Москва", "place"), ("Vladimir Putin", None, "person"),
                                                   ("Russia", None, "place")], lang="ru")
    b = digest("y/b.txt", "Сегодня в Москве", [], [("Moscow", "Москва", "place"), ("Vladimir Putin", None, "person"),
                                                     ("Russia", None, "place")], lang="ru")
    assert not similarity(a, b).same_story


@pytest.mark.parametrize("a,b", [(PUTIN_SOCHI, PUTIN_LAW), (BRIDGE_EN, LIBRARY), (BRIDGE_RU, LIBRARY), (PUTIN_LAW, LIBRARY)])
def test_different_stories_sharing_names_stay_apart(a: Digest, b: Digest) -> None:
    assert not similarity(a, b).same_story, similarity(a, b)


def test_story_groups_are_transitive_and_keep_order() -> None:
    groups = story_groups([PUTIN_SOCHI, BRIDGE_EN, LIBRARY, BRIDGE_RU, PUTIN_LAW, BRIDGE_COPY])
    assert groups == [[0], [1, 3, 5], [2], [4]]


def test_merge_terms_sums_mentions_and_keeps_every_original() -> None:
    merged = merge_terms([[Term("Kyiv", "Киев", "place", "ru", 2)], [Term("Kyiv", "Київ", "place", "uk", 3)],
                          [Term("kyiv", None, "place", "en", 1)]])
    assert [(t.term, t.original, t.mentions) for t in merged] == [("Kyiv", "Киев / Київ", 6)]


def constructed_day():
    return day_from_digests([PUTIN_SOCHI, BRIDGE_EN, LIBRARY, BRIDGE_RU, PUTIN_LAW], DAY, "scraped",
                            failed=[("broken/empty.txt", "empty file")])


def test_day_orders_stories_and_lists_all_sources() -> None:
    day = constructed_day()
    assert [len(s.digests) for s in day.stories] == [2, 1, 1, 1]
    assert day.stories[0].lead is BRIDGE_EN  # summaries as long: the English original is told
    assert day.articles == 5
    kazan = next(e for e in day.glossary if e.term.term == "Kazan")
    assert kazan.stories == [1, 3] and kazan.term.original == "Казань"


def test_day_text_is_email_ready_and_matches_golden() -> None:
    text = render_day(constructed_day(), "text")
    lines = text.splitlines()
    assert lines[0].startswith("Subject: News 2026-11-27, 4 stories: ")
    assert lines[1] == "Date: 2026-11-27"
    assert all(len(line) <= 72 for line in lines)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", text)
    assert "\n1. Kazan opens new bridge over the Kazanka river (2 sources)\n" in text
    assert "bbc/kazan-bridge.txt" in text and "ria/most.txt" in text
    assert "broken/empty.txt: empty file" in text
    path = GOLDEN / "daily-constructed.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_day_markdown_has_contents_links_and_glossary() -> None:
    md = render_day(constructed_day(), "markdown")
    assert md.startswith("# News digest, Friday 27 November 2026")
    assert "1. [Kazan opens new bridge over the Kazanka river](#story-1) (2 sources)" in md
    assert "| Kazan | Казань | place | 1, 3 |" in md
    with pytest.raises(ConfigError):
        render_day(constructed_day(), "pdf")


def test_eml_title_with_newline_and_bcc_cannot_add_a_header() -> None:
    evil = digest("x/evil.txt", "Markets calm\nBcc: everyone@example.com\r\nX-Evil: 1",
                  ["Markets were calm on Friday as traders waited for the bank's decision on rates."], [])
    day = day_from_digests([evil], DAY, "in")
    raw = day_eml(day, to="desk@example.com", when=datetime(2026, 11, 27, 18, 0))
    msg = message_from_bytes(raw, policy=default_policy)
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert sorted(k.lower() for k in msg.keys()) == sorted(
        ["from", "to", "subject", "date", "message-id", "mime-version", "content-type"])
    assert "\n" not in msg["Subject"] and msg["Subject"].startswith("News 2026-11-27, 1 story: Markets calm")
    plain = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert not plain.startswith("Subject:") and "Markets calm Bcc: everyone@example.com X-Evil: 1" in plain
    assert "<h2 id=\"story-1\">1. Markets calm Bcc: everyone@example.com X-Evil: 1</h2>" in html
    text = render_day(day, "text")
    assert sum(line.startswith("Bcc:") for line in text.splitlines()) == 0


def test_html_part_escapes_article_text() -> None:
    day = day_from_digests([digest("x.txt", "<script>alert(1)</script> & more", ["A sentence of the body here."], [])], DAY)
    raw = day_eml(day)
    html = message_from_bytes(raw, policy=default_policy).get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_parse_day() -> None:
    assert parse_day("2026-11-27") == DAY
    assert parse_day(None) == date.today()
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        parse_day("27/11/2026")


# ---------------------------------------------------------------- with the whole pipeline


def samples_day(tmp_path: Path) -> Path:
    """Our samples copied into a folder named for the golden day (the date in the path decides)."""
    if not SAMPLES.is_dir() or not any(SAMPLES.iterdir()):
        pytest.skip("samples/ not written yet")
    root = tmp_path / "in"
    shutil.copytree(SAMPLES, root / "2026-11-27")
    (root / "2026-11-26").mkdir()
    (root / "2026-11-26" / "yesterday.txt").write_text("Yesterday's story\n\nThis one belongs to another day.\n")
    return root


def test_daily_for_a_day_of_samples_matches_golden(tmp_path: Path) -> None:
    from polyglot_news.config import Settings
    from polyglot_news.daily import daily_digest

    root = samples_day(tmp_path)
    (tmp_path / "no-models").mkdir()
    day = daily_digest(root, DAY, Settings(use_cache=False, packages_dir=tmp_path / "no-models"))
    text = render_day(day, "text")
    assert "yesterday.txt" not in text
    assert all(len(line) <= 72 for line in text.splitlines())
    path = GOLDEN / "daily-samples.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_cli_daily_writes_text_and_eml(tmp_path: Path) -> None:
    from polyglot_news.cli import app

    root = samples_day(tmp_path)
    runner = CliRunner()
    out = tmp_path / "today.txt"
    res = runner.invoke(app, ["daily", str(root), "--date", "2026-11-27", "--out", str(out), "--no-cache"])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").startswith("Subject: News 2026-11-27")
    eml = tmp_path / "today.eml"
    res = runner.invoke(app, ["daily", str(root), "--date", "2026-11-27", "--out", str(eml), "--eml", "--to", "desk@example.com", "--no-cache"])
    assert res.exit_code == 0, res.output
    msg = message_from_bytes(eml.read_bytes(), policy=default_policy)
    assert msg["To"] == "desk@example.com" and msg.get_body(("html",)) is not None
    bad = runner.invoke(app, ["daily", str(root), "--date", "tomorrow", "--out", str(out)])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output


def test_a_bug_on_one_page_does_not_cost_the_day(tmp_path: Path, monkeypatch) -> None:
    """Fault injection: the summariser crashes on one page; the others are still told."""
    from polyglot_news import pipeline
    from polyglot_news.config import Settings
    from polyglot_news.daily import daily_digest

    root = tmp_path / "2026-11-27"
    root.mkdir()
    body = "\n\n".join(f"The harbour ferry sailed again on day {i} after repairs to its engine and hull." for i in range(4))
    (root / "good.txt").write_text("Ferry sails again\n\n" + body + "\n", encoding="utf-8")
    (root / "bad.txt").write_text("Ferry breaks down\n\n" + body.replace("sailed", "stopped") + "\n", encoding="utf-8")
    real = pipeline.summarise.summarise

    def crashes_on_bad(article, settings):
        if article.source.endswith("bad.txt"):
            raise RuntimeError("injected fault")
        return real(article, settings)

    monkeypatch.setattr(pipeline.summarise, "summarise", crashes_on_bad)
    day = daily_digest(tmp_path, DAY, Settings(use_cache=False))
    assert [d.article.source for s in day.stories for d in s.digests] == ["2026-11-27/good.txt"]
    assert day.failed == [("2026-11-27/bad.txt", "internal error: RuntimeError: injected fault")]


# ---------------------------------------------------------------- stories across languages, with no model

def real_digest(text: str, name: str) -> Digest:
    """A page dump through every stage, with no translation model (as on a first run)."""
    from polyglot_news import pipeline
    from polyglot_news.config import Settings

    return pipeline.digest_many([text.encode("utf-8")], Settings(translate=False, use_cache=False), names=[name])[0]


FERRY_RU = """Паром «Ладога» вернулся на линию Петрозаводск — Кижи после ремонта за 14,5 млн рублей.
Судно простояло на верфи в Сортавале с 3 марта, сообщил капитан Аркадий Мельниченко.
По его словам, за лето паром перевезёт около 86 000 пассажиров.
Новый двигатель заказали на заводе «Звезда» ещё в 2023 году.
"""
FERRY_EN = """Ladoga ferry returns to the Petrozavodsk to Kizhi route after a 14.5 million rouble repair.
The vessel had been at the Sortavala shipyard since 3 March, captain Arkady Melnichenko said.
He expects the ferry to carry about 86,000 passengers over the summer.
The new engine was ordered from the Zvezda plant back in 2023.
"""
WEATHER_RU_A = """В Твери ожидаются снегопады и сильный ветер.
Синоптики предупреждают, что в выходные температура опустится до минус пятнадцати градусов.
Жителей просят не оставлять машины под деревьями и следить за сообщениями о погоде.
"""
WEATHER_RU_B = """В Рязани ожидаются дожди и сильный ветер.
Синоптики предупреждают, что в выходные температура поднимется до плюс пяти градусов.
Жителей просят не оставлять машины под деревьями и следить за сообщениями о погоде.
"""


def test_a_translation_is_the_same_story_with_no_model() -> None:
    from polyglot_news.daily.stories import explain

    ru, en = real_digest(FERRY_RU, "karelia/parom.txt"), real_digest(FERRY_EN, "news/ferry.txt")
    ev = similarity(ru, en)
    assert ev.same_story and not ev.within, ev
    # the reason names what the two share: the captain, the numbers
    why = explain(ru, en)
    assert why.startswith("same story") and "Melnichenko" in why and "86" in why


def test_a_repost_is_the_same_story() -> None:
    a, b = real_digest(FERRY_RU, "a/parom.txt"), real_digest(FERRY_RU, "b/parom-copy.txt")
    ev = similarity(a, b)
    assert ev.same_story and ev.within and ev.share > 0.99


def test_two_reports_in_one_language_sharing_their_wording_but_not_their_facts_stay_apart() -> None:
    a, b = real_digest(WEATHER_RU_A, "a/tver.txt"), real_digest(WEATHER_RU_B, "b/ryazan.txt")
    ev = similarity(a, b)
    assert ev.within and not ev.same_story, ev


def test_skeleton_meets_across_romanisations_and_inflections() -> None:
    from polyglot_news.daily.stories import _latin, skeleton

    assert skeleton("Weigeldt") == skeleton(_latin("Вайгельдт", "ru"))
    assert skeleton("Kazanka") == skeleton(_latin("Казанку", "ru"))
    assert skeleton("Kharkiv") == skeleton(_latin("Харків", "uk"))
    assert skeleton("Moscow") != skeleton("Minsk")


def test_groups_do_not_chain_through_one_loose_link() -> None:
    from polyglot_news.daily.stories import Evidence, group_links

    strong = Evidence([], 30.0, 0.9)
    # 0-1 and 1-2 are links, 0-2 is not: 2 may join 1 only if most of the pairs with {0, 1} are links
    assert group_links(3, [(0, 1, strong), (1, 2, Evidence([], 7.0, 0.2))]) == [[0, 1, 2]]  # 1 of 2 pairs: joins
    links = [(0, 1, strong), (2, 3, strong), (1, 2, Evidence([], 7.0, 0.2))]
    assert group_links(4, links) == [[0, 1], [2, 3]]  # 1 of 4 cross pairs: two stories stay two


def test_daily_explain_says_why_sources_were_merged(tmp_path: Path) -> None:
    from polyglot_news.cli import app

    root = tmp_path / "2026-11-27"
    root.mkdir()
    (root / "parom.txt").write_text(FERRY_RU, encoding="utf-8")
    (root / "ferry.txt").write_text(FERRY_EN, encoding="utf-8")
    out = tmp_path / "today.txt"
    res = CliRunner().invoke(app, ["daily", str(tmp_path), "--date", "2026-11-27", "--out", str(out), "--no-cache", "--explain"])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "1 story from 2 articles" in text or "1 stories" not in text
    merged = text[text.index("Merged:"):].split("\n\n")[0]
    assert "2026-11-27/" in merged and "Melnichenko" in merged and "across languages" in merged
    plain = tmp_path / "plain.txt"
    CliRunner().invoke(app, ["daily", str(tmp_path), "--date", "2026-11-27", "--out", str(plain), "--no-cache"])
    assert "Merged:" not in plain.read_text(encoding="utf-8")


# ---------------------------------------------------------------- a headline written as a sentence

def test_a_headline_sentence_is_the_title_when_nothing_better_names_the_page() -> None:
    from polyglot_news.model import CAPTION, headline_line

    body = [Segment(2, "The club is said to be ready to pay more than any rival for him.", BODY, "en", 0.99, "x"),
            Segment(3, "His agent would not comment on the offers or on his salary.", BODY, "en", 0.99, "x")]
    head = Segment(1, "Clubs vying for the midfielder have come to light, as has his salary in Italy.", BODY, "en", 0.99, "h")
    assert Digest(Article("a.txt", [head, *body])).title == "h"  # the English of the headline line
    assert Digest(Article("a.txt", [body[0]])).title is None  # one line: nothing to call it
    lead = Segment(1, "The club is ready. It will pay more than any rival. His agent agrees.", BODY, "en", 0.99, "p")
    assert Digest(Article("a.txt", [lead, *body])).title is None  # a paragraph of sentences is not a headline
    # a headline the cleaner set aside (it opens like a credit) still names the page, but not a short label
    credit = Segment(1, "Reuters: minister cut off from the summit at the host's request", CAPTION, "en", 0.99, "r")
    assert headline_line(Article("a.txt", [credit, *body])) is credit
    part = Segment(1, "Part 4", CAPTION, "en", 0.99, "Part 4")
    assert headline_line(Article("a.txt", [part, *body])) is body[0]
    # a title segment or the page's own title wins
    assert Digest(Article("a.txt", [head, *body], title="Page title")).title == "Page title"


# ---------------------------------------------------------------- short messages across languages

def test_short_names_and_loanwords_meet_across_scripts() -> None:
    from polyglot_news.daily.stories import _latin, _word_clues, loose, skeleton

    assert loose("Katya") == loose(_latin("Катя", "uk"))  # a skeleton of two letters: the loose spelling instead
    assert loose("Kolya") == loose(_latin("Колею", "uk"))  # and inflected
    assert loose("Katya") != loose("Kyiv")
    assert skeleton("consultation") == skeleton(_latin("консультація", "uk"))  # -tion and -ція
    # Ukrainian г is h in names and g in loanwords: both keys
    assert {k for k, _, _ in _word_clues("геометрія", "uk")} >= {k for k, _, _ in _word_clues("geometry", "en")}
    assert {k for k, _, _ in _word_clues("Григорій", "uk")} & {k for k, _, _ in _word_clues("Hryhoriy", "en")}


def test_curly_apostrophes_are_common_words_not_rare_ones() -> None:
    from polyglot_news.daily.stories import _language_rarity

    assert _language_rarity("I’ll", "en") == _language_rarity("I'll", "en") == 0.0


def message(source: str, text: str, lang: str, terms: list[tuple[str, str | None, str]] = ()) -> Digest:
    """A one-line chat message as the pipeline would digest it with no model: the line is its body."""
    seg = Segment(1, text, BODY, lang, 0.99, text if lang == "en" else None)
    return Digest(Article(source, [seg]), [SummarySentence(text, 1)], [Term(e, o, k, lang, 1) for e, o, k in terms])


DAY_OF_MESSAGES = [
    message("chat/uk-1.txt", "Агата прийде до школи о 5", "uk"),
    message("chat/en-1.txt", "Agatha will come to the school at 5", "en"),
    message("chat/uk-2.txt", "Ми живемо біля вокзалу, приходьте о шостій", "uk"),
    message("chat/en-2.txt", "The bridge over the river will open next spring, the mayor said", "en"),
    message("chat/en-3.txt", "Thank you for the photos of the garden, they are lovely", "en"),
    message("chat/uk-3.txt", "Дякую, завтра напишу пані Марті про квартиру", "uk"),
]


def test_a_message_and_its_translation_are_each_others_best_match() -> None:
    from polyglot_news.daily.stories import candidate_pairs

    groups = story_groups(DAY_OF_MESSAGES)
    assert [0, 1] in groups  # a name and a digit: too little for the bar, but each is the other's clear best
    assert all(len(g) == 1 for g in groups if g != [0, 1])  # the messages with no translation beside them stay alone
    ev = next(ev for i, j, ev in candidate_pairs(DAY_OF_MESSAGES) if (i, j) == (0, 1))
    assert not ev.by_threshold and ev.by_best_match and "best match across languages" in str(ev), ev


def test_two_pages_alone_in_a_day_sharing_their_chrome_stay_apart() -> None:
    from polyglot_news.daily.stories import MUTUAL_SHARE

    de = real_digest((SAMPLES / "de-article.txt").read_text(encoding="utf-8"), "de-article.txt")
    en = real_digest((SAMPLES / "en-page-dump.txt").read_text(encoding="utf-8"), "en-page-dump.txt")
    # each is the other's only match, but what they share is Hamburg and the page chrome ("Subscribe", "Privacy")
    ev = similarity(de, en)
    assert ev.share < MUTUAL_SHARE and not ev.same_story, ev
    assert story_groups([de, en]) == [[0], [1]]


def test_months_weekdays_and_languages_are_named_in_english_from_cldr() -> None:
    from polyglot_news.daily.cldr_words import english_cldr_word

    assert english_cldr_word("квітня", "uk") == "April"  # inflected: the stem of квітень/квітня
    assert english_cldr_word("вівторок", "uk") == "Tuesday"
    assert english_cldr_word("понедельник", "ru") == "Monday"
    assert english_cldr_word("мартышка", "ru") is None  # more than an ending after the stem
    assert english_cldr_word("April", "en") is None
    assert english_cldr_word("вівторок", "xx-nonsense") is None  # no CLDR locale: no clue, no error
    assert english_cldr_word("російською", "uk") == "Russian"  # a language, inflected
    assert english_cldr_word("чеські", "uk") == "Czech"  # its people's adjective


# ---------------------------------------------------------------- ordinary words across languages

def test_listed_words_gloss_to_english_in_their_inflected_forms() -> None:
    from polyglot_news.daily.glosses import english_key, glosses

    assert glosses("Дякую", "uk") == (english_key("thank"),)  # a form of дякувати
    assert english_key("guests") in glosses("гостей", "uk")  # гість: the stem with і as о
    assert english_key("years") in glosses("року", "uk")
    assert english_key("thanks") in glosses("спасибо", "ru")
    assert english_key("tomorrow") in glosses("завтра", "ru")
    assert glosses("Дякую", "be") == glosses("Дякую", "uk")  # a short message taken for its neighbour language
    assert glosses("зюзюкання", "uk") == ()  # not listed: no gloss
    assert english_key("cleaning") == english_key("cleaned") == english_key("clean")
    assert english_key("studies") == english_key("study")


def test_function_words_gloss_as_themselves_not_as_a_longer_word_they_begin() -> None:
    from polyglot_news.daily.glosses import english_key, glosses

    assert glosses("після", "uk") == (english_key("after"),)  # not пісня (song), whose stem it begins with
    assert glosses("около", "ru") == tuple(english_key(w) for w in ("about", "near", "nearly"))  # not око (eye)
    assert english_key("other") in glosses("другой", "ru") and english_key("friend") not in glosses("другой", "ru")
    assert glosses("якщо", "uk") == glosses("если", "ru") == (english_key("if"),)
    assert english_key("not") in glosses("не", "uk") and glosses("до", "uk") == ()  # two letters: listed, or nothing


MESSAGES_WITHOUT_NAMES = [
    message("chat/uk-a.txt", "Вибачте, я сьогодні не можу прийти на роботу, бо моя дитина хвора", "uk"),
    message("chat/en-b.txt", "Can I pick up the apartment key tomorrow evening?", "en"),
    message("chat/en-c.txt", "The weather in the mountains was wonderful all week", "en"),
    message("chat/en-a.txt", "Sorry, I can't come to work today because my child is sick", "en"),
    message("chat/uk-b.txt", "Чи можна завтра ввечері забрати ключ від квартири?", "uk"),
    message("chat/uk-d.txt", "Мій брат купив нову машину минулого тижня", "uk"),
]


def test_messages_sharing_only_ordinary_words_meet_through_their_glosses() -> None:
    from polyglot_news.daily.stories import candidate_pairs, reason

    groups = story_groups(MESSAGES_WITHOUT_NAMES)
    assert [0, 3] in groups and [1, 4] in groups, groups
    assert [2] in groups and [5] in groups  # no translation beside them: alone
    ev = next(ev for i, j, ev in candidate_pairs(MESSAGES_WITHOUT_NAMES) if (i, j) == (0, 3))
    assert ev.by_best_match and not ev.by_threshold, ev
    assert "glossed words" in reason(ev) and "Вибачте~Sorry" in reason(ev), reason(ev)


# uk-2 shares nearly as much with en-1 as with its own en-2, but en-1 is held by a stronger pair of its own (uk-1)
TAKEN_PARTNER = [
    message("chat/uk-1.txt", "Дякую, завтра приїду прибирати квартиру, ключ у мене", "uk"),
    message("chat/en-1.txt", "Thank you, I will come to clean Marta's apartment, I have the key", "en"),
    message("chat/uk-2.txt", "Вибачте, завтра не зможу приїхати по ключ від квартири пані Марти, дуже шкода", "uk"),
    message("chat/en-2.txt", "Sorry, I cannot come tomorrow, it is a great pity", "en"),
    message("chat/en-3.txt", "The weather in the mountains was wonderful all week", "en"),
]


def test_a_partner_held_by_a_stronger_pair_is_no_rival(monkeypatch) -> None:
    from polyglot_news.daily import stories as S

    day = S._Day(TAKEN_PARTNER)
    pairs = S._shared_weights(day)
    score = {(i, j): s for s, i, j, _, _ in pairs.ranked_across(day)}
    assert score[(2, 3)] < S.MUTUAL_MARGIN * score[(1, 2)] and score[(0, 1)] >= S.MUTUAL_TAKEN * score[(1, 2)], score
    assert S.story_groups(TAKEN_PARTNER) == [[0, 1], [2, 3], [4]]
    # the glosses give uk-1 and en-1 enough to be clear on their own; ask more, so only the tentative matching frees them
    monkeypatch.setattr(S, "MUTUAL_STRONG", math.inf)
    monkeypatch.setattr(S, "MUTUAL_MARGIN", 1.2 * score[(0, 1)] / score[(1, 2)])
    assert S.story_groups(TAKEN_PARTNER) == [[0, 1], [2, 3], [4]]
    monkeypatch.setattr(S, "MUTUAL_TAKEN", math.inf)  # every alternative a rival: no pair is clear
    assert S.story_groups(TAKEN_PARTNER) == [[0], [1], [2], [3], [4]]


def test_a_message_the_cleaner_took_for_a_teaser_is_still_what_its_page_says() -> None:
    from polyglot_news.model import TEASER

    uk = real_digest("Добре, завтра ввечері напишу тобі, коли повернуся з роботи...\n", "chat/uk.txt")
    en = real_digest("Okay, I will write to you tomorrow evening when I get back from work...\n", "chat/en.txt")
    assert all(s.kind == TEASER for d in (uk, en) for s in d.article.segments)  # its "..." reads as a teaser's
    ev = similarity(uk, en)
    assert ev.glossed_weight > 0 and any(label == "завтра~tomorrow" for _, label, _ in ev.shared), ev


def test_glossed_words_do_not_count_within_one_language() -> None:
    a = message("a.txt", "Thank you very much, see you tomorrow evening at the station", "en")
    b = message("b.txt", "Thank you very much for the lovely evening at the theatre", "en")
    ev = similarity(a, b)
    assert ev.within and not any(kind == "gloss" for kind, _, _ in ev.shared), ev


# ---------------------------------------------------------------- clues that carry across languages (session 5)

def test_clock_hours_meet_however_they_are_written() -> None:
    from polyglot_news.daily.quantities import clock_hours

    assert [h for h, _ in clock_hours("Можемо о 17:00")] == [h for h, _ in clock_hours("We can at 5 pm")] == ["5"]
    assert [h for h, _ in clock_hours("після 17 години")] == ["5"]
    assert [h for h, _ in clock_hours("в 5 часов утра")] == ["5"]
    assert clock_hours("ціна 9.50 грн") == []  # a price, not a time
    assert clock_hours("у 2019 році, 10 amazing days") == []  # a year and a count are no hours


def test_number_words_are_the_digits_they_stand_for() -> None:
    from polyglot_news.daily.stories import _word_clues

    def keys(word: str, lang: str) -> set[str]:
        return {k for k, _, _ in _word_clues(word, lang)}

    assert "d:2" in keys("двох", "uk") & keys("two", "en")
    assert "d:10" in keys("десять", "uk") & keys("ten", "en")
    assert "d:5" not in keys("п'ятниця", "uk")  # Friday is not five


def test_english_irregular_forms_meet_their_glossed_base() -> None:
    from polyglot_news.daily.glosses import english_key, glosses

    assert english_key("understood") == english_key("understand") in glosses("зрозуміли", "uk")
    assert english_key("children") == english_key("child")
    assert english_key("went") == english_key("go")
    assert english_key("stopped") == english_key("stop")  # the suffix rules still apply


def test_a_listed_word_glosses_itself_whatever_its_stem() -> None:
    from polyglot_news.daily.glosses import glosses, stem_of

    assert len(stem_of("думати")) == 3  # a stem too short to reach the infinitive's ending
    assert "think" in glosses("думати", "uk")
    assert "wait" in glosses("чекати", "uk")


def test_stem_clues_meet_across_inflections_and_languages_only() -> None:
    from polyglot_news.daily.stories import STEM_PREFIX, _uninflected, _word_clues, similarity

    def stems(word: str, lang: str) -> set[str]:
        return {k for k, kind, _ in _word_clues(word, lang) if kind == "stem"}

    assert _uninflected("документами") == "документ"
    assert stems("документами", "uk") & stems("documents", "en")
    assert all(k.startswith(STEM_PREFIX) for k in stems("documents", "en"))
    # two Cyrillic reports sharing a stem share nothing for the bars: stems count across languages only
    a = message("a.txt", "Документами займеться юрист", "uk")
    b = message("b.txt", "Документи підписав юрист", "uk")
    assert not any(kind == "stem" for kind, _, _ in similarity(a, b).shared)


def test_pairs_summed_over_arrays_are_the_pairs_summed_in_python() -> None:
    from polyglot_news.daily import stories as S

    day = S._Day(DAY_OF_MESSAGES * 8)  # the same messages again: many clues held by several digests
    small = S._shared_weights(day)
    assert not small.arrays
    saved = S.ARRAYS_FROM
    try:
        S.ARRAYS_FROM = 0
        large = S._shared_weights(day)
    finally:
        S.ARRAYS_FROM = saved
    assert large.arrays
    assert (large.i.tolist(), large.j.tolist(), large.has_plain.tolist()) == (small.i, small.j, small.has_plain)
    assert large.plain.tolist() == pytest.approx(small.plain) and large.total.tolist() == pytest.approx(small.total)
    assert S.best_matches(day, large).keys() == S.best_matches(day, small).keys()
    assert [(i, j) for i, j, _ in S.day_candidates(day, large)] == [(i, j) for i, j, _ in S.day_candidates(day, small)]


def test_explain_names_hours_and_stems_it_merged_on() -> None:
    from polyglot_news.daily.stories import Evidence, reason

    ev = Evidence([("number", "17:00~5 pm", 2.0), ("stem", "документами~documents", 3.0), ("word", "двох~2", 0.5)], 5.0, 0.4)
    text = reason(ev)
    assert "numbers 17:00~5 pm, двох~2" in text and "stems документами~documents" in text
    assert "cognates" not in text  # a number word and its digit are a number, not a cognate


def test_a_large_day_weighed_over_arrays_weighs_as_plain_python() -> None:
    from polyglot_news.daily import stories as S

    digests = DAY_OF_MESSAGES * 20  # 120 digests: a day large enough for arrays
    large = S._Day(digests)
    assert large.index is not None
    saved = S.ARRAYS_FROM_DAY
    try:
        S.ARRAYS_FROM_DAY = 10**9
        small = S._Day(digests)
    finally:
        S.ARRAYS_FROM_DAY = saved
    assert small.index is None
    assert large.totals == pytest.approx(small.totals) and large.plain_totals == pytest.approx(small.plain_totals)
    for i in (0, 5, 119):
        assert large.weights[i] == pytest.approx(small.weights[i])
    assert S.group_links(len(digests), [x for x in S.day_candidates(large, S._shared_weights(large)) if x[2].same_story]) == \
        S.group_links(len(digests), [x for x in S.day_candidates(small, S._shared_weights(small)) if x[2].same_story])


def test_words_count_from_a_texts_lead_names_and_numbers_from_all_of_it() -> None:
    from polyglot_news.daily.stories import LEAD_WORDS, _lead_words, clues

    words = [f"слово{chr(0x430 + i % 32)}{chr(0x430 + i // 32)}" for i in range(400)]
    text = " ".join(words)
    assert _lead_words(text) == words[:LEAD_WORDS]  # read from the first characters, the same as from all
    assert _lead_words(" ".join(words[:10])) == words[:10]
    short = " ".join(w for word in words for w in ("не", word))  # a word of two letters before each
    assert _lead_words(short) == ["не", *words[:LEAD_WORDS]]  # it comes along (once) and does not count
    long = message("a.txt", text + " Мельниченко 2019 12345", "uk")
    found = clues(long).found
    assert any(label == "12345" for _, label, _ in found.values())  # a number past the lead still counts
    assert not any(label == words[-1] for _, label, _ in found.values())  # a word past it does not


def test_weekdays_meet_their_english_names_whatever_the_apostrophe() -> None:
    from polyglot_news.daily.stories import _word_clues

    friday = {k for k, _, _ in _word_clues("Friday", "en")}
    assert friday & {k for k, _, _ in _word_clues("п’ятницю", "uk")}
    assert friday & {k for k, _, _ in _word_clues("п'ятницю", "uk")}
