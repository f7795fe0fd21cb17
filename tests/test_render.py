"""Renderers: golden files for text, Markdown and JSON; terminal without codes; e-mail headers.

Golden files live in tests/golden/; after a deliberate change, rewrite them with
`UPDATE_GOLDEN=1 python -m pytest tests/test_render.py` and review the diff like code.
"""

from __future__ import annotations

import io
import json
import os
import re
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from rich.console import Console

from polyglot_news.errors import ConfigError
from polyglot_news.model import BODY, CAPTION, TITLE, UI, Article, Digest, Segment, SummarySentence, Term
from polyglot_news.render import render, write_terminal
from polyglot_news.render.eml import eml_message
from polyglot_news.render.labels import languages_line

GOLDEN = Path(__file__).parent / "golden"


def russian_digest() -> Digest:
    """A Russian article with one body paragraph left untranslated (no model for it)."""
    segments = [
        Segment(1, "Мэрия Казани открыла новый мост через Казанку", TITLE, "ru", 0.99,
                "Kazan city hall opened a new bridge over the Kazanka", "argos"),
        Segment(2, "Подписаться", UI, "ru", 0.9, "Subscribe", "glossary"),
        Segment(3, "Новый мост соединил два района города. Строительство заняло три года.", BODY, "ru", 0.99,
                "The new bridge joined two districts of the city. Construction took three years.", "argos"),
        Segment(4, "Мэр Ильсур Метшин назвал мост главным проектом года.", BODY, "ru", 0.98),
    ]
    article = Article("ru/kazan-bridge.txt", segments, title=segments[0].text, site="kazan-news.example", encoding="utf-8")
    return Digest(
        article,
        [SummarySentence("The new bridge joined two districts of the city.", 3),
         SummarySentence("Construction took three years and cost far more than the city hall had planned "
                         "when the works started in the spring.", 3)],
        [Term("Kazan", "Казань", "place", "ru", 2, curated=True), Term("Ilsur Metshin", "Ильсур Метшин", "person", "ru", 1),
         Term("Kazanka", "Казанка", "place", "ru", 1)],
        ["1 Russian segment stayed untranslated (line 4): no ru->en model installed: run "
         "`polyglot-news models install ru`", "UI string on line 2 means \"Subscribe\"."],
    )


def english_digest() -> Digest:
    """An English page with a photo credit and a long organisation name that forces list-form terms."""
    segments = [
        Segment(1, "Harbour ferry returns after winter repairs", TITLE, "en", 0.97, "Harbour ferry returns after winter repairs", "source"),
        Segment(2, "Photo: Jane Doe / Example Agency", CAPTION, "en", 0.9, "Photo: Jane Doe / Example Agency", "source"),
        Segment(3, "The ferry between the old town and the island sails again from Monday.", BODY, "en", 0.99,
                "The ferry between the old town and the island sails again from Monday.", "source"),
    ]
    article = Article("harbour.html", segments, title=segments[0].text, site=None)
    return Digest(
        article,
        [SummarySentence("The ferry between the old town and the island sails again from Monday.", 3)],
        [Term("Northern Coastal Passenger Transport and Harbour Maintenance Authority", None, "organisation", "en", 2)],
        [],
    )


def hostile_digest() -> Digest:
    """Article text that looks like markup, headers and paths: it must come out as text."""
    title = "[bold red]Breaking[/] *news* <b>now</b> [link](http://evil.example)\nBcc: victim@example.com ../../etc"
    segments = [Segment(1, title, TITLE, "en", 0.9, title, "source"),
                Segment(2, "| pipe | table | # heading `code`", BODY, "en", 0.9, "| pipe | table | # heading `code`", "source")]
    return Digest(Article("x.txt", segments), [SummarySentence("| pipe | table | # heading `code` _under_", 2)],
                  [Term("A|B", "[x]", "other", "en", 1)], [])


def empty_digest() -> Digest:
    """No title segment, no summary, no glossary: every renderer still says something sensible."""
    return Digest(Article("<stdin>", [Segment(1, "12:45", UI, "und", 0.0)]))


DIGESTS = {"ru": russian_digest, "en": english_digest}
EXT = {"text": "txt", "markdown": "md", "json": "json"}


@pytest.mark.parametrize("name", sorted(DIGESTS))
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_matches_golden_file(name: str, fmt: str) -> None:
    got = render(DIGESTS[name](), fmt)
    path = GOLDEN / f"digest-{name}.{EXT[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("make", [russian_digest, english_digest, hostile_digest, empty_digest])
def test_text_is_email_ready(make) -> None:
    text = render(make(), "text")
    assert all(len(line) <= 72 for line in text.splitlines())
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", text)  # no escapes, tabs or carriage returns
    assert text.endswith("\n")


def test_json_is_the_contract() -> None:
    d = russian_digest()
    data = json.loads(render(d, "json"))
    assert data == d.to_json()
    assert {"source", "title", "site", "languages", "summary", "glossary", "segments", "notes"} <= set(data)
    assert "Казань" in render(d, "json")  # not \u-escaped


def test_languages_line_says_what_was_done() -> None:
    assert languages_line(russian_digest()) == "Russian 100% (partly translated)"
    assert languages_line(english_digest()) == "English 100%"
    assert languages_line(empty_digest()) == "none detected"


def test_hostile_title_stays_text_everywhere() -> None:
    d = hostile_digest()
    text = render(d, "text")
    assert "\nBcc:" not in text and "[bold red]Breaking[/]" in text
    md = render(d, "markdown")
    assert "[link](http" not in md and "\\[link\\](http" in md
    assert not re.search(r"(?<!\\)<b>", md) and "\\<b>" in md  # an escaped < cannot open HTML
    assert all(not line.startswith("Bcc") for line in md.splitlines())
    assert "| A\\|B | \\[x\\] | other | 1 |" in md  # a pipe cannot add a table cell


def test_empty_digest_renders_in_every_format() -> None:
    d = empty_digest()
    assert "Untitled (<stdin>)" in render(d, "text")
    assert "no English text" in render(d, "text")
    assert "No summary" in render(d, "markdown")
    assert json.loads(render(d, "json"))["summary"] == []


def test_unknown_format_is_a_user_error() -> None:
    with pytest.raises(ConfigError, match="unknown format 'pdf'"):
        render(russian_digest(), "pdf")


def terminal_output(digest: Digest, **console_options) -> str:
    buf = io.StringIO()
    write_terminal(digest, Console(file=buf, width=100, **console_options))
    return buf.getvalue()


def test_terminal_shows_every_part_without_codes_when_not_a_tty() -> None:
    out = terminal_output(russian_digest())
    assert "\x1b" not in out
    for part in ("Kazan city hall opened a new bridge", "kazan-news.example", "Russian 100% (partly translated)",
                 "The new bridge joined two districts", "Ильсур Метшин", "Notes", "models install ru"):
        assert part in out


def test_terminal_has_colour_on_a_tty_and_none_with_no_color(monkeypatch) -> None:
    colour = re.compile(r"\x1b\[[0-9;]*3[0-9](;|m)")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert colour.search(terminal_output(russian_digest(), force_terminal=True, color_system="standard"))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour.search(terminal_output(russian_digest(), force_terminal=True, color_system="standard"))


def test_terminal_prints_markup_in_article_text_literally() -> None:
    out = terminal_output(hostile_digest())
    assert "[bold red]Breaking[/]" in out


def test_eml_has_both_alternatives_and_no_injected_header() -> None:
    raw = eml_message("Digest\r\nBcc: victim@example.com", "plain body\nBcc: not-a-header@example.com\n",
                      "<p>html body</p>", to="desk@example.com")
    msg = message_from_bytes(raw, policy=default_policy)
    assert msg["Bcc"] is None
    assert msg["Subject"] == "Digest Bcc: victim@example.com"
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert "Bcc: not-a-header" in msg.get_body(("plain",)).get_content()
    assert msg["Date"] and msg["Message-ID"] and msg["From"]
    assert b"\r\n" in raw


def test_eml_refuses_a_bad_address() -> None:
    with pytest.raises(ConfigError, match="not an e-mail address"):
        eml_message("s", "t", "h", to="nobody")
