"""Summary-first translation: what reaches the model in each --translate mode, through the real Argos path.

The tiny ru->en package (tests/fixtures) translates the Russian sample; what reached the model is
read back from the translation cache, which holds one row per distinct sentence the model
translated (a fresh cache per test, so its rows are exactly this run's model calls).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from polyglot_news import pipeline
from polyglot_news.cli import app
from polyglot_news.config import Settings
from polyglot_news.errors import ConfigError
from polyglot_news.render import render
from polyglot_news.text.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
RU_SAMPLE = REPO / "samples" / "ru-article.txt"
RU_LINES = RU_SAMPLE.read_text(encoding="utf-8").splitlines()
RU_ENGLISH = (REPO / "samples" / "ru-article.en.txt").read_text(encoding="utf-8").splitlines()
OUTSIDE = "untranslated-outside-summary"
runner = CliRunner()


def digest_json(*args: str) -> dict:
    result = runner.invoke(app, ["digest", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def sent_to_model(cache: Path) -> set[str]:
    """The source sentences the model translated into this cache."""
    if not cache.exists():
        return set()
    with sqlite3.connect(cache) as db:
        return {row[0] for row in db.execute("SELECT source FROM translations")}


def ru_sentences(d: dict, kinds: tuple[str, ...]) -> set[str]:
    return {s for seg in d["segments"] if seg["lang"] == "ru" and seg["kind"] in kinds
            for s in split_sentences(seg["text"], "ru")}


def test_summary_mode_sends_only_the_title_and_the_chosen_sentences(tiny_models, fresh_cache):
    d = digest_json(str(RU_SAMPLE))  # summary is the default
    assert d["translate_mode"] == "summary" and d["summary_lang"] == "en"
    assert len(d["summary"]) == 3
    sent = sent_to_model(fresh_cache)
    title = {seg["text"] for seg in d["segments"] if seg["kind"] == "title"}
    body = ru_sentences(d, ("body",))
    # of the body, the model saw exactly three sentences, from the lines the summary names
    assert len(sent & body) == 3, sent & body
    assert all(any(s in RU_LINES[line - 1] for line in d["summary_lines"]) for s in sent & body)
    assert title <= sent
    # anything else is a curated term on its own (a rendering the glossary rewrite needs)
    assert all(len(s.split()) <= 4 for s in sent - body - title), sent - body - title
    assert len(sent) < len(body)
    # the summary is the English of those sentences, as the tiny model learnt them
    english = set(RU_ENGLISH)
    for text in d["summary"]:
        assert any(text in e or e in text for e in english), text
    # the rest of the body is left untranslated on purpose, and says so
    outside = [s for s in d["segments"] if s["kind"] == "body" and s["lang"] == "ru" and OUTSIDE in s["flags"]]
    assert outside and all(s["english"] is None for s in outside)
    assert not any("left untranslated" in n for n in d["notes"])


def test_all_mode_sends_every_sentence(tiny_models, fresh_cache):
    d = digest_json(str(RU_SAMPLE), "--translate", "all")
    assert d["translate_mode"] == "all"
    sent = sent_to_model(fresh_cache)
    assert ru_sentences(d, ("title", "body")) <= sent
    assert not any(OUTSIDE in s["flags"] for s in d["segments"])


def test_summary_rerun_sends_nothing(tiny_models, fresh_cache):
    first = digest_json(str(RU_SAMPLE))
    rows = sent_to_model(fresh_cache)
    second = digest_json(str(RU_SAMPLE))
    assert sent_to_model(fresh_cache) == rows  # no new row: nothing reached the model
    assert second["summary"] == first["summary"]
    title = [s for s in second["segments"] if s["kind"] == "title"]
    assert title and title[0]["translated_by"] == "cache"


def test_none_mode_chooses_the_same_lines_in_russian_and_sends_nothing(tiny_models, fresh_cache):
    """--translate none chooses the summary in Russian: the lines summary mode then translates."""
    none = digest_json(str(RU_SAMPLE), "--translate", "none")
    assert none["translate_mode"] == "none" and none["summary_lang"] == "ru"
    assert not sent_to_model(fresh_cache)
    library = pipeline.digest(RU_SAMPLE, translate_mode="none")  # translate=True, mode none: still nothing
    assert library.summary_lang == "ru" and not sent_to_model(fresh_cache)
    assert all(s.english is None for s in library.article.segments if s.lang == "ru" and s.in_article)
    summary = digest_json(str(RU_SAMPLE))
    assert none["summary_lines"] == summary["summary_lines"]
    assert sent_to_model(fresh_cache)


def test_russian_sample_without_a_model_gives_a_russian_summary(fresh_cache):
    result = runner.invoke(app, ["digest", str(RU_SAMPLE), "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "Summary (in Russian, untranslated)" in result.stdout
    assert "polyglot-news models install ru" in result.stdout
    d = digest_json(str(RU_SAMPLE))
    assert d["summary_lang"] == "ru" and len(d["summary"]) == 3
    assert all(text in RU_SAMPLE.read_text(encoding="utf-8") for text in d["summary"])
    assert any("polyglot-news models install ru" in n for n in d["notes"])
    # the glossary stays English, with the Russian as the original
    assert d["glossary"] and all(not any("\u0400" <= ch <= "\u04ff" for ch in t["term"]) for t in d["glossary"])
    # no model: nothing was left out on purpose, the model is what is missing
    assert not any(OUTSIDE in s["flags"] for s in d["segments"])
    assert not sent_to_model(fresh_cache)


def test_untranslated_summary_is_marked_in_every_format(fresh_cache):
    digest = pipeline.digest(RU_SAMPLE)
    assert digest.summary_lang == "ru"
    assert "## Summary (in Russian, untranslated)" in render(digest, "markdown")
    assert "Summary (in Russian, untranslated)" in render(digest, "text")
    assert json.loads(render(digest, "json"))["summary_lang"] == "ru"


def test_english_digest_is_the_same_in_every_mode(fresh_cache):
    page = REPO / "samples" / "en-page-dump.txt"
    docs = {mode: pipeline.digest(page, translate_mode=mode).to_json() for mode in ("summary", "all", "none")}
    assert docs["summary"]["summary"] == docs["all"]["summary"] == docs["none"]["summary"]
    assert docs["summary"]["summary_lang"] == "en"


def test_unknown_mode_is_a_one_line_error():
    result = runner.invoke(app, ["digest", str(RU_SAMPLE), "--translate", "some"])
    assert result.exit_code != 0
    assert "unknown --translate mode 'some'" in result.output and "Traceback" not in result.output
    try:
        pipeline.digest(RU_SAMPLE, Settings(translate_mode="every"))
    except ConfigError as e:
        assert "every" in str(e)
    else:
        raise AssertionError("an unknown mode must raise ConfigError")


# a Russian and a Ukrainian paragraph of our own, to be put on one page in either order
RU_PARA = ("Городской совет утвердил новый план ремонта дорог на следующий год.\n"
           "Работы начнутся весной и продлятся до поздней осени, сообщили в мэрии.")
UK_PARA = ("Міська рада затвердила новий план ремонту доріг на наступний рік.\n"
           "Роботи почнуться навесні й триватимуть до пізньої осені, повідомили в мерії.")
RU_MORE = ("Жители смогут следить за ходом ремонта на сайте городского совета.\n"
           "Первыми отремонтируют улицы возле школ и больниц.")
UK_MORE = ("Мешканці зможуть стежити за ходом ремонту на сайті міської ради.\n"
           "Першими відремонтують вулиці біля шкіл і лікарень.")


def test_an_articles_notes_do_not_depend_on_the_others_in_its_run(fresh_cache):
    """batch puts several files in one chunk: each digest must read as if it had run alone."""
    from polyglot_news.ingest import Text

    # the summary is chosen in the page's language: Russian on the first page, Ukrainian on the second
    first_ru = Text(f"Roads\n\n{RU_PARA}\n\n{RU_MORE}\n\n{UK_PARA}\n")
    first_uk = Text(f"Roads\n\n{UK_PARA}\n\n{UK_MORE}\n\n{RU_PARA}\n")
    together = [d.notes for d in pipeline.digest_many([first_ru, first_uk])]
    alone = [pipeline.digest_many([t])[0].notes for t in (first_ru, first_uk)]
    assert together == alone
    assert [d.summary_lang for d in pipeline.digest_many([first_ru, first_uk])] == ["ru", "uk"]
    assert [n.split()[0] for n in alone[1] if "left untranslated" in n] == ["Ukrainian", "Russian"]
