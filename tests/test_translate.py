"""The translate stage with real engines: the tiny Argos package the tests ship, the real cache.

The tiny ru->en model (tests/fixtures/build_tiny_argos.py) was trained on the sentence pairs in
tests/fixtures/tiny_pairs.tsv, which include every sentence of samples/ru-article.txt; its
translations are checked against samples/ru-article.en.txt, our own parallel English of it.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polyglot_news.cli import app
from polyglot_news.config import Settings
from polyglot_news.curated import Entry, Glossary, load_glossaries
from polyglot_news.model import BODY, CAPTION, TITLE, UI, Article, Segment
from polyglot_news.translate import Decoding, to_english
from polyglot_news.translate.cache import TranslationCache
from polyglot_news.translate.guards import suspect_reason
from polyglot_news.translate.models import InstalledPackage, installed_packages
from polyglot_news.translate.route import route_to
from polyglot_news.translate.stage import translate_sentences

REPO = Path(__file__).resolve().parents[1]
RU_SAMPLE = REPO / "samples" / "ru-article.txt"
RU_ENGLISH = (REPO / "samples" / "ru-article.en.txt").read_text(encoding="utf-8").splitlines()
PAIRS = dict(
    line.split("\t") for line in (REPO / "tests" / "fixtures" / "tiny_pairs.tsv").read_text(encoding="utf-8").splitlines()
)
runner = CliRunner()


def digest_json(*args: str) -> dict:
    result = runner.invoke(app, ["digest", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def russian_article(texts: list[tuple[str, str]], source: str = "<test>") -> Article:
    """An article of Russian segments (kind, text), as ingest+clean+detect would leave it."""
    segs = [Segment(line=i + 1, text=t, kind=k, lang="ru", confidence=0.99) for i, (k, t) in enumerate(texts)]
    return Article(source=source, segments=segs)


# --- no model installed -------------------------------------------------------------------------

def test_russian_digest_without_model_completes_and_says_how_to_fix(fresh_cache):
    d = digest_json(str(RU_SAMPLE))
    article = [s for s in d["segments"] if s["kind"] in ("title", "body") and s["lang"] == "ru"]
    assert article, "the sample's Russian title and body should be detected"
    assert all(s["english"] is None for s in article)
    note = next(n for n in d["notes"] if "untranslated" in n)
    assert "polyglot-news models install ru" in note
    for s in article:
        assert str(s["line"]) in note


def test_no_translate_setting_leaves_text_and_explains(tiny_models, fresh_cache):
    article = russian_article([(BODY, "Банк снизил ставки по ипотеке.")])
    to_english([article], Settings(translate=False), Glossary())
    assert article.segments[0].english is None
    assert any("turned off" in n and "line 1" in n for n in article.notes)


# --- the tiny model: argostranslate's path, batching, boundaries -----------------------------

def test_russian_sample_is_translated_by_the_tiny_model(tiny_models, fresh_cache):
    d = digest_json(str(RU_SAMPLE), "--translate", "all")
    translated = [s for s in d["segments"] if s["kind"] in ("title", "body") and s["lang"] == "ru"]
    assert len(translated) >= 8
    for s in translated:
        assert s["translated_by"] == "argos"
        assert s["english"] == RU_ENGLISH[s["line"] - 1], f"line {s['line']}"
    assert not any("untranslated" in n for n in d["notes"])
    assert d["summary"] and all(sentence in " ".join(RU_ENGLISH) for sentence in d["summary"])


def test_output_matches_argostranslates_own_translation(tiny_models_dir):
    """Our batched backend gives what argostranslate's PackageTranslation gives, sentence by sentence."""
    import argostranslate.package
    from argostranslate.translate import Language, PackageTranslation

    from polyglot_news.text.sentences import split_sentences
    from polyglot_news.translate import argos

    (pkg_info,) = installed_packages(tiny_models_dir)
    pkg = argostranslate.package.Package(pkg_info.path)
    theirs = PackageTranslation(Language("ru", "Russian"), Language("en", "English"), pkg)

    class OurSplitter:  # Argos's own MiniSBD would download a model: give it our splitter instead
        def split_sentences(self, text: str) -> list[str]:
            return split_sentences(text, "ru")

    theirs.sentencizer = OurSplitter()
    sentences = list(PAIRS)[:12]
    ours = argos.load(pkg_info).translate(sentences, Decoding(beam_size=4))
    assert [o.text for o in ours] == [theirs.translate(s) for s in sentences]


def test_thread_layout_spends_the_budget_on_parallel_batches():
    from polyglot_news.translate.argos import batch_size, thread_layout

    assert thread_layout({}, 2) == (2, 1)
    assert thread_layout({"ARGOS_INTRA_THREADS": "3"}, 2) == (3, 1)
    assert thread_layout({"ARGOS_INTER_THREADS": "1", "ARGOS_INTRA_THREADS": "2"}, 4) == (1, 2)
    assert [batch_size(n, 2) for n in (1, 5, 64, 600)] == [1, 3, 16, 16]
    assert batch_size(600, 1) == 32


def test_parallel_small_batches_keep_the_input_order(tiny_models_dir, monkeypatch):
    """Several batches on two workers, each sorted by length inside CTranslate2, come back in order."""
    from polyglot_news.translate import argos

    monkeypatch.setenv("ARGOS_INTER_THREADS", "2")
    monkeypatch.setattr(argos, "BATCH_SIZE", 6)  # 3 per worker
    (pkg_info,) = installed_packages(tiny_models_dir)
    engine = argos.ArgosTranslator(pkg_info)  # not argos.load: a fresh model with these threads
    ru = sorted(list(PAIRS)[:14], key=lambda s: (len(s) * 7919) % 13)  # lengths mixed up
    outputs = engine.translate(ru, Decoding(beam_size=4))
    assert engine.workers == 2
    assert [o.text for o in outputs] == [PAIRS[s] for s in ru]


def test_batch_keeps_segment_boundaries_and_dedupes(tiny_models, fresh_cache):
    ru = list(PAIRS)
    a = russian_article([(TITLE, ru[23]), (BODY, f"{ru[24]} {ru[25]}"), (CAPTION, ru[26]), (BODY, ru[24])], "a")
    b = russian_article([(BODY, ru[27]), (BODY, f"{ru[25]} {ru[24]} {ru[28]}")], "b")
    to_english([a, b], Settings(), Glossary())
    assert a.segments[0].english == PAIRS[ru[23]]
    assert a.segments[1].english == f"{PAIRS[ru[24]]} {PAIRS[ru[25]]}"
    assert a.segments[2].english is None  # captions are not translated
    assert a.segments[3].english == PAIRS[ru[24]]
    assert b.segments[0].english == PAIRS[ru[27]]
    assert b.segments[1].english == f"{PAIRS[ru[25]]} {PAIRS[ru[24]]} {PAIRS[ru[28]]}"
    assert [s.line for s in b.segments] == [1, 2]


def test_each_distinct_sentence_goes_through_the_model_once(tiny_models_dir):
    from polyglot_news.translate import argos

    (pkg_info,) = installed_packages(tiny_models_dir)
    engine = argos.load(pkg_info)
    seen: list[list[str]] = []

    class Recording:  # the real engine, recording what it is asked
        from_code, to_code, identity = engine.from_code, engine.to_code, engine.identity + "-recorded"

        def translate(self, sentences, decoding):
            seen.append(list(sentences))
            return engine.translate(sentences, decoding)

    ru = list(PAIRS)[34:38]
    results = translate_sentences([Recording()], ru + ru[:2] + ru, Decoding(), None)
    assert seen == [ru]
    assert {s: r.english for s, r in results.items()} == {s: PAIRS[s] for s in ru}


def test_ui_strings_come_from_the_glossary_or_the_model_with_a_note(tiny_models, fresh_cache):
    glossary = load_glossaries()
    ui_text = next(t for t in ("Новости региона", "Читайте также", "Подписаться на новости") if glossary.ui_entry(t) is None)
    english_body = "The bridge was closed to lorries in September after an inspection by engineers."
    article = russian_article([(UI, "Поделиться"), (UI, ui_text), (BODY, english_body)])
    article.segments[2].lang = "en"  # an English page with two Russian UI strings
    to_english([article], Settings(), glossary)
    first, second, _ = article.segments
    assert glossary.ui_entry("Поделиться") is not None
    assert first.translated_by == "glossary"
    assert second.english == PAIRS[ui_text]
    assert any("line 2" in n and ui_text in n and PAIRS[ui_text] in n for n in article.notes)
    assert any("line 1" in n and "Поделиться" in n and "(from the glossary)" in n for n in article.notes)


def test_ui_strings_in_the_pages_own_language_get_english_but_no_note(tiny_models, fresh_cache):
    article = russian_article([(UI, "Поделиться"), (BODY, "Мост закрыли для грузовиков в сентябре после проверки инженеров.")])
    to_english([article], Settings(), load_glossaries())
    assert article.segments[0].english == "Share"
    assert not any("UI string" in n for n in article.notes)


# --- cache --------------------------------------------------------------------------------------

def test_rerun_is_served_from_the_cache(tiny_models, fresh_cache):
    first = digest_json(str(RU_SAMPLE), "--translate", "all")
    second = digest_json(str(RU_SAMPLE), "--translate", "all")
    by_line = {s["line"]: s for s in first["segments"]}
    translated = [s for s in second["segments"] if s["lang"] == "ru" and s["kind"] in ("title", "body")]
    assert translated and all(s["translated_by"] == "cache" for s in translated)
    assert all(s["english"] == by_line[s["line"]]["english"] for s in translated)
    third = digest_json(str(RU_SAMPLE), "--no-cache", "--translate", "all")
    assert {s["translated_by"] for s in third["segments"] if s["lang"] == "ru" and s["kind"] == "body"} == {"argos"}


def test_cache_clear_command_empties_the_cache(tiny_models, fresh_cache):
    digest_json(str(RU_SAMPLE))
    assert TranslationCache(fresh_cache).count() > 0
    result = runner.invoke(app, ["cache", "clear"])
    assert result.exit_code == 0 and "cleared" in result.stdout
    assert TranslationCache(fresh_cache).count() == 0


def _write_entries(path: str, worker: int) -> None:
    cache = TranslationCache(Path(path))
    for batch in range(20):
        cache.put_many("model", [(f"{worker}-{batch}-{i}", f"english {i}") for i in range(50)])
    cache.close()


def test_two_processes_can_write_the_cache_at_once(tmp_path):
    path = str(tmp_path / "shared.sqlite3")
    TranslationCache(Path(path)).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_write_entries, args=(path, w)) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    assert TranslationCache(Path(path)).count() == 2 * 20 * 50


# --- guards -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "source, output",
    [
        ("Президент подписал закон.", "pre-pre-pre-pre-pre-pre-pre-pre-pre-"),
        ("Цены на бензин выросли в третий раз за месяц.", "♪"),
        ("Цены на бензин выросли.", "the the the the the the the the the the"),
        ("Банк снизил ставки.", "The bank lowered mortgage rates " * 6),
        ("Спрос на новые квартиры вырос в этом году.", "Demand"),
    ],
)
def test_guards_catch_known_nmt_failures(source, output):
    assert suspect_reason(source, output) is not None


@pytest.mark.parametrize("source", list(PAIRS)[:40])
def test_guards_pass_real_translations(source):
    assert suspect_reason(source, PAIRS[source]) is None


def test_looping_model_is_flagged_not_printed(looping_models_dir, fresh_cache, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(looping_models_dir))
    d = digest_json(str(RU_SAMPLE), "--translate", "all")
    body = [s for s in d["segments"] if s["kind"] == "body" and s["lang"] == "ru"]
    assert body and all("suspect-translation" in s["flags"] and s["english"] is None for s in body)
    assert not any("pre-pre" in s for s in d["summary"])
    assert any("suspect" in n and f"line {body[0]['line']}" in n and "pre-pre-pre" in n for n in d["notes"])
    assert TranslationCache(fresh_cache).count() == 0  # suspect output is never cached


# --- routing ------------------------------------------------------------------------------------

def test_route_prefers_direct_pair_then_pivots():
    p = lambda a, b: InstalledPackage(Path(f"/x/{a}_{b}"), a, b)  # noqa: E731
    assert route_to("ru", "en", [p("ru", "en"), p("ru", "de"), p("de", "en")]) == [p("ru", "en")]
    assert route_to("be", "en", [p("be", "ru"), p("ru", "en")]) == [p("be", "ru"), p("ru", "en")]
    assert route_to("kk", "en", [p("ru", "en")]) is None


def test_pivot_chains_two_real_packages(tiny_models_dir, tmp_path, fresh_cache):
    """be->ru->en: a package claiming be->ru (the tiny model relabelled) feeds the ru->en one."""
    (pkg_info,) = installed_packages(tiny_models_dir)
    folder = tmp_path / "packages"
    shutil.copytree(pkg_info.path, folder / "translate-ru_en-tiny")
    relabelled = folder / "translate-xx_ru"
    shutil.copytree(pkg_info.path, relabelled)
    meta = json.loads((relabelled / "metadata.json").read_text())
    meta.update(from_code="be", to_code="ru")
    (relabelled / "metadata.json").write_text(json.dumps(meta))
    article = Article("<be>", [Segment(1, list(PAIRS)[40], BODY, "be", 0.9)])
    to_english([article], Settings(packages_dir=folder), Glossary())
    seg = article.segments[0]
    # the be->ru hop turns Russian into English, which the ru->en hop then sees as input
    assert seg.translated_by == "argos" or "suspect-translation" in seg.flags
    assert not any("untranslated" in n for n in article.notes)


# --- laziness and offline safety ------------------------------------------------------------------

def test_english_only_digest_never_imports_the_engines():
    code = (
        "import sys; from polyglot_news import digest; "
        "digest('samples/en-page-dump.txt'); "
        "print(sorted(m for m in ('argostranslate', 'ctranslate2', 'torch', 'stanza') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


OFFLINE_RUNNER = """
import socket, sys
def refuse(event, args):
    if event in ("socket.connect", "socket.getaddrinfo"):
        sys.stderr.write(f"NETWORK ATTEMPT {event} {args[1] if event == 'socket.connect' else args[0]!r}\\n")
        sys.stderr.flush()
        import os; os._exit(99)
sys.addaudithook(refuse)
from polyglot_news.cli import main
sys.argv = ["polyglot-news", "digest", sys.argv[1], "--format", "json", "--translate", "all"]
main()
"""


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    try:
        return subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def test_russian_digest_runs_with_the_network_refused(tiny_models, fresh_cache):
    """A first translation with a fresh Argos data folder: any network attempt aborts the process."""
    cmd = [sys.executable, "-c", OFFLINE_RUNNER, str(RU_SAMPLE)]
    if _unshare_works():
        cmd = ["unshare", "-n", *cmd]  # and no network interface at all where we may make a namespace
    out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    d = json.loads(out.stdout)
    body = [s for s in d["segments"] if s["kind"] == "body" and s["lang"] == "ru"]
    assert body and all(s["english"] == RU_ENGLISH[s["line"] - 1] for s in body)


def test_translate_command_prints_english_line_by_line(tiny_models, fresh_cache, tmp_path):
    ru = list(PAIRS)
    src = tmp_path / "text.txt"
    src.write_text(f"{ru[60]}\n\nThis line is English already.\n\n{ru[61]} {ru[62]}\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(src), "--to", "en"])
    assert result.exit_code == 0, result.output
    lines = [l for l in result.stdout.splitlines() if l.strip()]
    assert lines == [PAIRS[ru[60]], "This line is English already.", f"{PAIRS[ru[61]]} {PAIRS[ru[62]]}"]


def test_translate_command_rejects_other_targets(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("Привет\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(src), "--to", "de"])
    assert result.exit_code == 1
    assert "only English" in result.stderr


def test_a_corrupt_model_leaves_the_text_untranslated_with_a_note(tiny_models_dir, tmp_path, fresh_cache):
    (pkg_info,) = installed_packages(tiny_models_dir)
    folder = tmp_path / "packages"
    shutil.copytree(pkg_info.path, folder / pkg_info.path.name)
    (folder / pkg_info.path.name / "model" / "model.bin").write_bytes(b"\0" * 64)
    article = russian_article([(BODY, list(PAIRS)[50])])
    to_english([article], Settings(packages_dir=folder), Glossary())
    assert article.segments[0].english is None
    assert any("failed to load" in n and "models install ru" in n for n in article.notes)


# --- curated terms in translation ---------------------------------------------------------------

def test_curated_terms_replace_the_models_wording(tiny_models, fresh_cache):
    # the model says "Saint Petersburg"; the shipped glossary writes "St Petersburg"
    ru = next(s for s in PAIRS if "Санкт-Петербурга" in s)
    assert "Saint Petersburg" in PAIRS[ru]
    article = russian_article([(BODY, ru)])
    to_english([article], Settings(), load_glossaries())
    english = article.segments[0].english
    assert "St Petersburg" in english and "Saint Petersburg" not in english
    assert english == PAIRS[ru].replace("Saint Petersburg", "St Petersburg")
    assert not any("not found in the translation" in n for n in article.notes)


def test_a_curated_term_the_translation_lacks_is_noted(tiny_models, fresh_cache):
    ru = next(s for s in PAIRS if "Северсталь" in s)
    glossary = Glossary([Entry("Северсталь", "ru", "Northern Steel Works", "organisation"),
                         Entry("Череповец", "ru", "Tcherepovets", "place", aliases=("Cherepovets",))])
    article = russian_article([(BODY, ru), (BODY, next(s for s in PAIRS if s.startswith("Мэр Череповца")))])
    to_english([article], Settings(), glossary)
    # "Severstal" is the romanised term: found and replaced; a listed Latin spelling is replaced too
    assert article.segments[0].english == PAIRS[ru].replace("Severstal", "Northern Steel Works")
    assert "Tcherepovets Mayor" in article.segments[1].english


def test_keep_terms_uses_the_models_rendering_of_the_term_alone_only_when_it_can_be_one():
    from polyglot_news.translate.terms import keep_terms

    glossary = Glossary([Entry("Минтранс", "ru", "Transport Ministry", "organisation")])
    source = "Минтранс выделит деньги на ремонт."
    english = "The Ministry of Transport will provide money for the repairs."
    kept = keep_terms(source, english, "ru", glossary, {"Минтранс": "Ministry of Transport"})
    assert kept.english == "The Transport Ministry will provide money for the repairs."
    # a sentence the model made up for the term alone is not a rendering to look for
    kept = keep_terms(source, english, "ru", glossary, {"Минтранс": "The money will be free."})
    assert kept.english == english and kept.missing == ["Transport Ministry"]


def test_a_surname_alone_keeps_the_curated_surname():
    from polyglot_news.translate.terms import keep_terms

    glossary = Glossary([Entry("Павел Ветров", "ru", "Pavel Vetrov", "person")])
    kept = keep_terms("По словам Ветрова, ремонт начнётся в октябре.", "According to Vetrov, the repairs will begin in October.",
                      "ru", glossary)
    assert kept.english == "According to Vetrov, the repairs will begin in October." and not kept.missing


def test_a_rendering_inside_a_longer_name_is_left_alone():
    from polyglot_news.translate.terms import keep_terms

    glossary = Glossary([Entry("США", "ru", "US", "place", aliases=("America", "United States"))])
    kept = keep_terms("США и страны Южной Америки подписали договор.",
                      "The United States and the countries of South America signed a treaty.", "ru", glossary)
    assert kept.english == "The US and the countries of South America signed a treaty."
    kept = keep_terms("США подписали договор.", "The United States of America signed a treaty.", "ru", glossary)
    assert kept.english == "The United States of America signed a treaty." and kept.missing == ["US"]


def test_terms_alone_are_sent_once_per_glossary_form_and_never_for_latin_names():
    from polyglot_news.curated.match import find_terms
    from polyglot_news.translate.terms import unresolved_terms

    glossary = Glossary([Entry("Дубай", "ru", "Dubai", "place"), Entry("Bloomberg", "ru", "Bloomberg News", "organisation")])
    source = "Выставка в Дубае открылась, из Дубая пишет Bloomberg."
    matches = find_terms(source, "ru", glossary)
    assert {m.text for m in matches} >= {"Дубае", "Дубая", "Bloomberg"}
    # the model's English lacks every curated form: the inflected place goes alone once, uninflected
    assert unresolved_terms(matches, "The fair opened in Dubaya, writes the agency.", "ru") == ["Дубай"]
    # the Latin name stands in the translation as written: the curated form replaces it
    from polyglot_news.translate.terms import keep_terms

    kept = keep_terms(source, "The fair in Dubai opened, Bloomberg writes from Dubai.", "ru", glossary)
    assert kept.english == "The fair in Dubai opened, Bloomberg News writes from Dubai." and not kept.missing


def test_a_term_alone_is_decoded_no_longer_than_a_name(tiny_models, fresh_cache):
    from polyglot_news.translate import stage
    from polyglot_news.translate.terms import ALONE_BEAM, ALONE_MAX_TOKENS

    seen: list[int] = []
    beams: list[int] = []
    real = stage.translate_sentences

    def counting(chain, sentences, decoding, cache, guard=True, retry=True):
        seen.append(decoding.max_output_tokens)
        beams.append(decoding.beam_size)
        return real(chain, sentences, decoding, cache, guard, retry)

    # "Россия" is "Russian" in the model's English: no spelling finds it, so it goes alone
    ru = next(s for s in PAIRS if s.endswith("Министерство транспорта России."))
    article = russian_article([(BODY, ru)])
    stage.translate_sentences = counting
    try:
        to_english([article], Settings(), Glossary([Entry("Россия", "ru", "the Russian Federation", "place")]))
    finally:
        stage.translate_sentences = real
    assert len(seen) == 2, seen
    assert seen[0] == Settings().max_output_tokens
    assert seen[1] == min(Settings().max_output_tokens, ALONE_MAX_TOKENS)
    assert beams == [Settings().beam_size, ALONE_BEAM]  # the sentences with the beam asked for, the term greedily


def test_no_term_is_sent_alone_for_a_translation_the_digest_will_not_show(looping_models_dir, fresh_cache, monkeypatch):
    from polyglot_news.translate import stage

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(looping_models_dir))
    calls: list[list[str]] = []
    real = stage.translate_sentences

    def counting(chain, sentences, decoding, cache, guard=True, retry=True):
        calls.append(list(sentences))
        return real(chain, sentences, decoding, cache, guard, retry)

    monkeypatch.setattr(stage, "translate_sentences", counting)
    ru = next(s for s in PAIRS if s.endswith("Министерство транспорта России."))
    article = russian_article([(BODY, ru)])
    to_english([article], Settings(packages_dir=looping_models_dir),
               Glossary([Entry("Россия", "ru", "the Russian Federation", "place")]))
    assert "suspect-translation" in article.segments[0].flags
    assert calls == [[ru]]  # the sentence, and no term alone


def test_no_term_goes_alone_when_the_translation_has_no_place_for_its_answer():
    from polyglot_news.curated.match import find_terms
    from polyglot_news.translate.terms import keep_terms, unresolved_terms

    glossary = Glossary([Entry("Дубай", "ru", "Dubai", "place"), Entry("Минтранс", "ru", "Transport Ministry", "organisation")])
    source = "Минтранс открыл выставку в Дубае."
    matches = find_terms(source, "ru", glossary)
    # a capitalised word that sounds like the place, and a run of capitalised words: both go alone
    assert unresolved_terms(matches, "The Ministry of Transport opened a fair in Dubaya.", "ru") == ["Минтранс", "Дубай"]
    # the model dropped both names and wrote no other name: an answer alone could stand nowhere
    assert unresolved_terms(matches, "The ministry opened an exhibition there.", "ru") == []
    # a capitalised word that sounds like neither is room for no one-word answer, and a run needs two words
    assert unresolved_terms(matches, "Officials opened an exhibition there.", "ru") == []
    # the answer counts only where it stands as written: a lower-cased run is not the name
    kept = keep_terms(source, "The ministry of transport opened a fair in Dubai.", "ru", glossary,
                      {"Минтранс": "Ministry of Transport"})
    assert kept.english == "The ministry of transport opened a fair in Dubai." and kept.missing == ["Transport Ministry"]
    kept = keep_terms(source, "The Ministry of Transport opened a fair in Dubai.", "ru", glossary,
                      {"Минтранс": "Ministry of Transport"})
    assert kept.english == "The Transport Ministry opened a fair in Dubai." and not kept.missing
