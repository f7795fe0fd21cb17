"""End-to-end tests over `samples/`: the real CLI, the real stages, our own example inputs.

Each sample is digested once per test session through `typer.testing.CliRunner` (in process);
a few checks run `python -m polyglot_news` in a real subprocess, where stderr, exit codes and
imports are exactly what a user sees. The translation environment (ARGOS_PACKAGES_DIR,
POLYGLOT_NEWS_CACHE) comes from tests/conftest.py; the no-model check makes its own empty folder.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polyglot_news.cli import app

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix in (".txt", ".html"))
CONTRACT = ("source", "title", "site", "languages", "summary", "summary_lang", "translate_mode", "glossary", "segments", "notes")
SEGMENT_FIELDS = ("line", "text", "kind", "lang", "confidence", "english")
TERM_FIELDS = ("term", "original", "kind", "lang", "mentions", "note")
ARTICLE_KINDS = ("title", "body")
CHROME_KINDS = ("caption", "teaser", "ui", "boilerplate")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")

# Lines of each sample that are page chrome, with the kind(s) the cleaner may give them.
# None of them may be title/body, and none may reach the summary.
CHROME = {
    "en-page-dump.txt": {
        "Northline Daily": CHROME_KINDS,
        "Europe": CHROME_KINDS,
        "14:20 14.03.2026": CHROME_KINDS,
        "Subscribe": ("ui",),
        "We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.": ("ui", "boilerplate"),
        "Accept": ("ui",),
        "Share": ("ui",),
        "Tweet": ("ui",),
        "© Photo : Pieter van Dam / Northline Daily": ("caption",),
        "Antwerp port reports record container volumes for February": ("teaser",),
        "Comments": ("ui",),
        "0": ("ui", "boilerplate"),
        "To join the discussion": ("ui",),
        "log in or register": ("ui",),
        "loader": ("ui", "boilerplate"),
        "Privacy policy": ("ui", "boilerplate"),
        "© 2026 Northline Daily. All rights reserved.": ("ui", "boilerplate", "caption"),
        "Читать далее": ("ui",),
    },
    "ru-article.txt": {
        "Общество": ("ui", "boilerplate"),
        "Фото: Иван Соколов / пресс-служба правительства области": ("caption",),
        "Поделиться": ("ui",),
    },
    "uk-article.txt": {
        "Суспільство": ("ui", "boilerplate"),
        "Фото: Олена Гнатюк / Львівська міська рада": ("caption",),
        "Поділитися": ("ui",),
        "Коментарі": ("ui",),
        "Читати далі": ("ui",),
    },
    "de-article.txt": {
        "Abonnieren": ("ui",),
        "Foto: Jens Köhler / dpa": ("caption",),
        "Bildunterschrift: Eine Hafenfähre fährt an den Landungsbrücken vorbei.": ("caption",),
        "Lesen Sie auch: Neue Radwege für Harburg": ("teaser",),
        "Teilen": ("ui",),
        "Kommentare": ("ui",),
        "Impressum": ("ui", "boilerplate"),
    },
    "mixed-en-ru.txt": {
        "Subscribe": ("ui",),
        "Related: Trains between Omsk and Novosibirsk delayed by ice": ("teaser",),
        "Comments": ("ui",),
        "Войти": ("ui",),
    },
    "html-page.html": {
        "Subscribe": ("ui", "boilerplate"),
        "Ice caves in Iceland close to tourists after warm spring": ("teaser", "boilerplate"),
        "Snow cover in the Pyrenees hits a forty-year low": ("teaser", "boilerplate"),
        "Показать ещё": ("ui",),
    },
}
CHROME["ru-article-cp1251.txt"] = CHROME["ru-article.txt"]

# Substrings that must never appear in any summary sentence of that sample.
NOT_IN_SUMMARY = {
    "en-page-dump.txt": ["Subscribe", "cookies", "© Photo", "Antwerp port reports record", "log in or register",
                         "To join the discussion", "loader", "All rights reserved", "Читать"],
    "html-page.html": ["Subscribe", "cookies", "Photo:", "Ice caves", "Pyrenees", "log in", "loader", "All rights reserved"],
    "de-article.txt": ["Abonnieren", "Foto:", "Radwege", "Kommentare", "Impressum"],
    "mixed-en-ru.txt": ["Subscribe", "Related:", "Omsk", "Comments"],
}


def invoke(*args: str):
    """Run the CLI in process and return click's Result (stdout and stderr kept apart)."""
    return CliRunner().invoke(app, list(args))


_digests: dict[str, dict] = {}


def digest_json(name: str) -> dict:
    """The JSON digest of one sample, computed once per session."""
    if name not in _digests:
        result = invoke("digest", str(SAMPLES / name), "--format", "json")
        assert result.exit_code == 0, f"{name}: exit {result.exit_code}\n{result.stderr}\n{result.exception!r}"
        _digests[name] = json.loads(result.stdout)
    return _digests[name]


def segment(doc: dict, text: str) -> dict:
    """The segment whose text is `text` (the last one when it repeats)."""
    found = [s for s in doc["segments"] if s["text"].strip() == text]
    assert found, f"no segment {text!r} in {doc['source']}: {[s['text'] for s in doc['segments']]}"
    return found[-1]


def note_lines(notes: list[str]) -> set[int]:
    """Every line number the notes mention, expanding ranges such as 3-7."""
    lines: set[int] = set()
    for note in notes:
        for a, b in re.findall(r"(\d+)\s*[-–]\s*(\d+)", note):
            lines.update(range(int(a), int(b) + 1))
        lines.update(int(n) for n in re.findall(r"\d+", note))
    return lines


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a subprocess: this one (with conftest's folders) plus `extra`."""
    env = dict(os.environ)
    env.update(extra)
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("COLUMNS", None)
    return env


def test_there_are_at_least_six_samples_of_our_own():
    names = {p.name for p in SAMPLE_FILES}
    for need in ("en-page-dump.txt", "ru-article.txt", "uk-article.txt", "de-article.txt", "mixed-en-ru.txt", "html-page.html"):
        assert need in names


def test_ui_glossaries_load_without_problems():
    from polyglot_news.curated import load_glossaries

    g = load_glossaries()
    assert g.problems == []
    ui = [e for e in g.entries if e.kind == "ui"]
    per_lang = {lang: sum(e.lang == lang for e in ui) for lang in ("ru", "uk", "en", "de")}
    assert per_lang["ru"] >= 60 and per_lang["uk"] >= 60 and per_lang["en"] >= 60 and per_lang["de"] >= 30, per_lang
    assert g.ui_entry("Подписаться").english == "Subscribe"
    assert g.ui_entry("LOG IN OR REGISTER!").lang == "en"
    assert g.ui_entry("Читати далі").lang == "uk"
    # a string that is UI in two languages is found in both, so the page's language can decide
    assert {e.lang for e in g.ui_entries("Спорт")} == {"ru", "uk"}


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_digests_to_the_json_contract(path: Path):
    doc = digest_json(path.name)
    for key in CONTRACT:
        assert key in doc, f"{path.name}: no {key!r}"
    assert doc["title"], f"{path.name}: no title"
    assert isinstance(doc["languages"], dict) and doc["languages"]
    assert abs(sum(doc["languages"].values()) - 1.0) < 0.01
    assert isinstance(doc["summary"], list) and all(isinstance(s, str) and s.strip() for s in doc["summary"])
    # with no model for its language the summary is given in that language, and says so
    has_english = any(s["english"] for s in doc["segments"] if s["kind"] == "body")
    assert doc["summary"], doc["notes"]
    assert (doc["summary_lang"] == "en") == has_english, (doc["summary_lang"], doc["notes"])
    assert isinstance(doc["notes"], list)
    for seg in doc["segments"]:
        for key in SEGMENT_FIELDS:
            assert key in seg
    for term in doc["glossary"]:
        for key in TERM_FIELDS:
            assert key in term
    assert [s["line"] for s in doc["segments"]] == sorted(s["line"] for s in doc["segments"])


@pytest.mark.parametrize("name", sorted(CHROME), ids=str)
def test_page_chrome_is_classified_as_chrome(name: str):
    doc = digest_json(name)
    wrong = {}
    for text, kinds in CHROME[name].items():
        # an HTML page may join inline links into one line ("Subscribe Log in"): then every line holding it counts
        found = [s for s in doc["segments"] if s["text"].strip() == text] or [
            s for s in doc["segments"] if text in s["text"]
        ]
        assert found, f"{name}: no segment holds {text!r}"
        for s in found:
            if s["kind"] not in kinds:
                wrong[s["text"]] = s["kind"]
    assert not wrong, f"{name}: chrome with the wrong kind: {wrong}"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_summaries_come_only_from_title_and_body(path: Path):
    doc = digest_json(path.name)
    kinds = {s["line"]: s["kind"] for s in doc["segments"]}
    if "summary_lines" in doc:
        assert len(doc["summary_lines"]) == len(doc["summary"])
        assert all(kinds.get(line) in ARTICLE_KINDS for line in doc["summary_lines"]), doc["summary_lines"]
    chrome = [text for text in CHROME.get(path.name, {}) if len(text) > 3]
    for sentence in doc["summary"]:
        for text in chrome:
            assert text not in sentence, f"{path.name}: chrome {text!r} in summary {sentence!r}"
        for bit in NOT_IN_SUMMARY.get(path.name, []):
            assert bit not in sentence, f"{path.name}: {bit!r} in summary {sentence!r}"


def test_english_page_last_line_is_a_russian_ui_string_explained_in_the_notes():
    doc = digest_json("en-page-dump.txt")
    last = doc["segments"][-1]
    assert last["text"] == "Читать далее"
    assert (last["lang"], last["kind"]) == ("ru", "ui")
    assert last["english"] == "Read more"
    notes = "\n".join(doc["notes"])
    assert "Читать далее" in notes and "Read more" in notes, doc["notes"]


def test_english_page_routes_no_english_line_to_translation():
    doc = digest_json("en-page-dump.txt")
    routed = [s for s in doc["segments"] if s["kind"] in ("title", "body", "ui")]
    latin = [s for s in routed if not CYRILLIC.search(s["text"]) and re.search(r"[A-Za-z]{3}", s["text"])]
    wrong = [(s["text"], s["lang"]) for s in latin if s["lang"] not in ("en", "und")]
    assert not wrong, wrong
    assert doc["languages"].get("en", 0) > 0.95
    body = [s for s in doc["segments"] if s["kind"] == "body"]
    assert len(body) >= 6
    assert all(s["english"] == s["text"] for s in body)


def test_english_page_glossary_names_the_people_places_and_organisations():
    doc = digest_json("en-page-dump.txt")
    terms = {t["term"] for t in doc["glossary"]}
    for name in ("Rotterdam", "Marco Visser", "Karin Hofstede", "Antwerp", "Hamburg", "European Commission", "FNV", "Maersk"):
        assert any(name in t for t in terms), f"{name!r} not in {sorted(terms)}"
    # names only in chrome (site name, photo credit) are not the article's
    assert not any("Northline" in t or "Pieter" in t for t in terms), terms
    common = {"The", "Saturday", "Friday", "Some", "Port", "Union", "Dock", "Comments", "Subscribe", "Share", "Home"}
    assert not terms & common, terms & common
    assert all(t["mentions"] >= 1 for t in doc["glossary"])
    assert len(terms) == len(doc["glossary"]), "a term is listed twice"


@pytest.mark.parametrize(
    ("name", "wanted", "chrome_only"),
    [
        ("mixed-en-ru.txt", ("Novosibirsk", "Sergei Lavrentyev", "Rosaviatsia", "Aeroflot", "S7 Airlines"), ("Omsk", "Daniel Ortiz")),
        ("html-page.html", ("Rhone Glacier", "Anna Keller", "ETH", "Valais", "World Glacier Monitoring Service"), ("Iceland", "Pyrenees", "Stefan Amrein", "Summit Science")),
        ("de-article.txt", ("Hamburg", "Elbe", "Katrin Böhmer", "Finkenwerder", "Hamburger Hochbahn"), ("Harburg", "Jens Köhler", "Morgenblatt")),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_glossary_holds_the_article_names_and_none_from_chrome(name: str, wanted: tuple, chrome_only: tuple):
    doc = digest_json(name)
    terms = [t["term"] for t in doc["glossary"]]
    missing = [w for w in wanted if not any(w in t for t in terms)]
    assert not missing, f"{name}: {missing} not in {terms}"
    leaked = [c for c in chrome_only if any(c in t for t in terms)]
    assert not leaked, f"{name}: names found only in page chrome reached the glossary: {leaked}"


def test_html_page_keeps_title_and_site_and_spots_the_cyrillic_label():
    doc = digest_json("html-page.html")
    assert doc["title"] == "Alpine glacier lost a fifth of its ice in a decade, survey finds"
    assert doc["site"] == "Summit Science Review"
    label = segment(doc, "Показать ещё")
    assert (label["lang"], label["kind"]) == ("ru", "ui")
    assert not any("dataLayer" in s["text"] or ".menu {" in s["text"] for s in doc["segments"])
    terms = {t["term"] for t in doc["glossary"]}
    assert any("Rhone" in t for t in terms) and any("Keller" in t for t in terms), terms


def test_cp1251_sample_decodes_to_the_same_text_as_utf8():
    utf8 = digest_json("ru-article.txt")
    cp1251 = digest_json("ru-article-cp1251.txt")
    assert [s["text"] for s in cp1251["segments"]] == [s["text"] for s in utf8["segments"]]
    assert cp1251["title"] == utf8["title"]


@pytest.mark.parametrize(("name", "lang"), [("ru-article.txt", "ru"), ("uk-article.txt", "uk"), ("de-article.txt", "de")])
def test_single_language_articles_are_detected(name: str, lang: str):
    doc = digest_json(name)
    assert max(doc["languages"], key=doc["languages"].get) == lang, doc["languages"]
    body = [s for s in doc["segments"] if s["kind"] == "body"]
    assert len(body) >= 5
    assert all(s["lang"] == lang for s in body), [(s["text"][:40], s["lang"]) for s in body if s["lang"] != lang]


def test_mixed_page_tells_english_from_russian_paragraphs():
    doc = digest_json("mixed-en-ru.txt")
    assert set(doc["languages"]) >= {"en", "ru"}
    assert doc["languages"]["en"] > doc["languages"]["ru"]
    for s in doc["segments"]:
        if s["kind"] in ARTICLE_KINDS:
            want = "ru" if CYRILLIC.search(s["text"]) else "en"
            assert s["lang"] == want, (s["text"][:50], s["lang"])
    assert segment(doc, "Войти")["lang"] == "ru"


@pytest.mark.parametrize("name", ["ru-article.txt", "uk-article.txt"])
def test_slavic_glossary_terms_are_in_english_with_their_original(name: str):
    doc = digest_json(name)
    assert doc["glossary"], f"{name}: empty glossary"
    for t in doc["glossary"]:
        assert not CYRILLIC.search(t["term"]), f"{name}: term not in English: {t}"
    originals = [t["original"] for t in doc["glossary"] if t["original"]]
    assert originals and all(CYRILLIC.search(o) for o in originals)
    terms = " | ".join(t["term"] for t in doc["glossary"])
    expected = ("Cherepovets", "Vetrov") if name.startswith("ru") else ("Lviv",)
    for name_part in expected:
        assert name_part in terms, f"{name_part!r} not in {terms}"


def test_russian_sample_without_a_model_lists_untranslated_segments_and_the_install_command(tmp_path: Path):
    empty = tmp_path / "argos-packages"
    empty.mkdir()
    env = child_env(ARGOS_PACKAGES_DIR=str(empty), POLYGLOT_NEWS_CACHE=str(tmp_path / "cache.sqlite3"))
    proc = subprocess.run(
        [sys.executable, "-m", "polyglot_news", "digest", str(SAMPLES / "ru-article.txt"), "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    doc = json.loads(proc.stdout)
    notes = "\n".join(doc["notes"])
    assert "polyglot-news models install ru" in notes, doc["notes"]
    assert "untranslated" in notes.lower(), doc["notes"]
    russian = [s for s in doc["segments"] if s["lang"] == "ru" and s["kind"] in ARTICLE_KINDS]
    assert len(russian) >= 8
    mentioned = note_lines(doc["notes"])
    for s in russian:
        assert s["english"] is None, s
        assert s["line"] in mentioned, f"line {s['line']} not listed as untranslated in {doc['notes']}"
    # UI strings still come out in English, from the glossary
    share = segment(doc, "Поделиться")
    assert share["english"] == "Share"
    # glossary terms are still given in English
    assert doc["glossary"] and not any(CYRILLIC.search(t["term"]) for t in doc["glossary"])


def test_the_samples_folder_digests_as_one_json_list_matching_the_single_runs():
    result = invoke("digest", str(SAMPLES), "--format", "json")
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert sorted(Path(d["source"]).name for d in docs) == [p.name for p in SAMPLE_FILES]
    for doc in docs:
        single = digest_json(Path(doc["source"]).name)
        assert doc["segments"] == single["segments"] and doc["summary"] == single["summary"], doc["source"]
        assert doc["glossary"] == single["glossary"] and doc["notes"] == single["notes"], doc["source"]


def test_stdin_bytes_in_windows_1251_read_like_the_utf8_file():
    raw = (SAMPLES / "ru-article-cp1251.txt").read_bytes()
    result = CliRunner().invoke(app, ["digest", "-", "--format", "json"], input=raw)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"] == "<stdin>"
    assert [s["text"] for s in doc["segments"]] == [s["text"] for s in digest_json("ru-article.txt")["segments"]]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_renders_as_text_markdown_and_terminal(path: Path):
    doc = digest_json(path.name)
    text = invoke("digest", str(path), "--format", "text")
    assert text.exit_code == 0, text.stderr
    too_wide = [line for line in text.stdout.splitlines() if len(line) > 72]
    assert not too_wide, too_wide
    assert doc["title"].split()[0] in text.stdout
    markdown = invoke("digest", str(path), "--format", "markdown")
    assert markdown.exit_code == 0, markdown.stderr
    assert markdown.stdout.lstrip().startswith("#")
    terminal = invoke("digest", str(path))
    assert terminal.exit_code == 0, terminal.stderr
    assert doc["title"].split()[0] in terminal.stdout


# --- bad input: one line on stderr naming the file and the problem, non-zero exit, no traceback ---


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8 + b"\x00\x00\xff\xd8\xff\xe0" * 50)
    nothing = tmp_path / "nothing-readable"
    nothing.mkdir()
    (nothing / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (nothing / "notes.bin").write_bytes(b"\x00\x01\x02\x03" * 32)
    return {
        "missing": tmp_path / "no-such-file.txt",
        "empty": empty,
        "binary": binary,
        "directory": nothing,
    }


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "directory"])
def test_bad_input_is_one_stderr_line_naming_the_file(tmp_path: Path, case: str):
    path = _bad_inputs(tmp_path)[case]
    result = invoke("digest", str(path), "--format", "json")
    assert result.exit_code != 0
    assert result.stdout.strip() == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert path.name in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert isinstance(result.exception, SystemExit), f"uncaught {result.exception!r}"


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path: Path):
    path = _bad_inputs(tmp_path)["binary"]
    proc = subprocess.run(
        [sys.executable, "-m", "polyglot_news", "digest", str(path), "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", env=child_env(), timeout=120,
    )
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and path.name in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


# --- a real process on the English page: JSON on stdout, and no translation engine imported ---


@pytest.fixture(scope="module")
def english_run() -> subprocess.CompletedProcess:
    """`python -X importtime -m polyglot_news digest samples/en-page-dump.txt --format json`."""
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "polyglot_news", "digest",
         str(SAMPLES / "en-page-dump.txt"), "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", env=child_env(), cwd=REPO, timeout=300,
    )


def test_real_process_digest_of_the_english_page(english_run: subprocess.CompletedProcess):
    assert english_run.returncode == 0, english_run.stderr[-2000:]
    doc = json.loads(english_run.stdout)
    assert doc == digest_json("en-page-dump.txt") | {"source": doc["source"]}
    assert doc["source"].endswith("en-page-dump.txt")


def test_english_only_digest_never_imports_the_translation_engine(english_run: subprocess.CompletedProcess):
    assert english_run.returncode == 0, english_run.stderr[-2000:]
    imports = [line for line in english_run.stderr.splitlines() if line.startswith("import time:")]
    assert len(imports) > 50, "importtime printed nothing: is -X importtime honoured?"
    heavy = [line for line in imports if re.search(r"argostranslate|ctranslate2|\btorch\b|stanza", line)]
    assert not heavy, heavy[:5]


def test_russian_sample_with_the_tiny_model_goes_through_argos(tiny_models_dir: Path, tmp_path: Path):
    """The Russian page translated by the tiny test package in a real process, compared with our own translation."""
    env = child_env(ARGOS_PACKAGES_DIR=str(tiny_models_dir), POLYGLOT_NEWS_CACHE=str(tmp_path / "cache.sqlite3"))
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "polyglot_news", "digest",
         str(SAMPLES / "ru-article.txt"), "--format", "json", "--translate", "all"],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    # the counterpart of the English-only check: translating does load the engine
    assert any("argostranslate" in line for line in proc.stderr.splitlines() if line.startswith("import time:"))
    doc = json.loads(proc.stdout)
    assert "models install" not in "\n".join(doc["notes"]), doc["notes"]
    reference = (SAMPLES / "ru-article.en.txt").read_text(encoding="utf-8").splitlines()
    russian = [s for s in doc["segments"] if s["lang"] == "ru" and s["kind"] in ARTICLE_KINDS]
    assert len(russian) >= 8
    overlaps = []
    for s in russian:
        assert s["translated_by"] == "argos", s
        assert s["english"] and not CYRILLIC.search(s["english"]), s
        want = set(re.findall(r"\w+", reference[s["line"] - 1].lower()))
        got = set(re.findall(r"\w+", s["english"].lower()))
        overlaps.append(len(want & got) / len(want))
    # the tiny model is trained on these very sentences: most of each line's words come back
    assert sum(overlaps) / len(overlaps) > 0.7, overlaps
    assert doc["title"].startswith("Vologda Region governor")
    assert doc["summary"] and not any(CYRILLIC.search(s) for s in doc["summary"])
    assert doc["languages"] == {"ru": 1.0}
