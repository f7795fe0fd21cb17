"""Batch: discovery, incremental reruns, bad members, atomic outputs, safe names, Ctrl-C, the CLI."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polyglot_news import atomic
from polyglot_news.batch import MANIFEST_NAME, REPORT_NAME, output_paths, run_batch
from polyglot_news.batch.fingerprint import settings_fingerprint
from polyglot_news.cli import app
from polyglot_news.config import Settings
from polyglot_news.errors import ConfigError, PolyglotError
from polyglot_news.ingest.folders import discover

from forked import exit_code_as_nobody

# Our own sentences; each article has a title line and a few paragraphs.
ENGLISH = """Riverside library reopens with a new reading room

The riverside library in the old quarter reopened on Tuesday after eight months of repairs to its roof and heating.

Librarians said the new reading room on the first floor has twice as many desks as before and stays open until ten at night.

The city council paid for most of the work, and a local bakery donated the furniture for the children's corner.

Visitors queued before the doors opened, and several said they had missed the quiet place to study during the winter.
"""
RUSSIAN = """Городская библиотека снова открыта после ремонта

Библиотека у реки открылась во вторник после восьми месяцев ремонта крыши и отопления.

Новый читальный зал на втором этаже работает до десяти часов вечера.

Большую часть работ оплатил городской совет.
"""
HTML = """<!DOCTYPE html><html><head><title>Tram line extended to the stadium</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Tram line extended to the stadium</h1>
<p>The number four tram now runs all the way to the football stadium, the transport office said on Monday.</p>
<p>Trams will run every six minutes on match days and every twelve minutes on other days.</p>
<p>The extension took two years to build and added three new stops along the canal.</p>
</article></body></html>
"""


SNAPSHOT: list[Path] = []


@pytest.fixture(autouse=True, scope="module")
def glossary_snapshot(tmp_path_factory) -> None:
    """A copy of the shipped glossaries: an edit to them mid-test would (rightly) make a rerun redo everything."""
    copy = tmp_path_factory.mktemp("glossaries") / "g"
    shutil.copytree(Path(__file__).resolve().parents[1] / "glossaries", copy)
    SNAPSHOT[:] = [copy]


def settings(**kw) -> Settings:
    """Settings for tests: no translation cache in the user's home, the glossary snapshot."""
    return Settings(use_cache=False, use_shipped_glossaries=False, glossary_dirs=list(SNAPSHOT), **kw)


def make_tree(root: Path) -> Path:
    """A small tree of good inputs: English text, Russian in Windows-1251 in a subfolder, an HTML page."""
    (root / "sub").mkdir(parents=True)
    (root / "library.txt").write_text(ENGLISH, encoding="utf-8")
    (root / "sub" / "library-ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (root / "tram.html").write_text(HTML, encoding="utf-8")
    return root


GOOD = ["library.txt", "sub/library-ru.txt", "tram.html"]


def add_bad_members(root: Path) -> dict[str, str]:
    """Bad members beside the good ones; returns rel path -> a word its failure reason must hold."""
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 64)
    with open(root / "huge.txt", "wb") as f:  # 50 MB, sparse: the size limit must refuse it unread
        f.truncate(50 * 1024 * 1024)
    os.symlink("loop.txt", root / "loop.txt")
    os.symlink("..", root / "sub" / "back")
    (root / "zz-vanishes.txt").write_text(ENGLISH, encoding="utf-8")
    return {"empty.txt": "empty", "binary.txt": "binary", "huge.txt": "too large", "loop.txt": "symlink loop",
            "sub/back": "symlink loop", "zz-vanishes.txt": "vanished"}


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith(atomic.TEMP_PREFIX)]


def test_discover_finds_inputs_recursively_and_filters(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    (root / "notes.doc").write_text("x")
    (root / ".hidden.txt").write_text("x")
    (root / "sub" / "draft.md").write_text("# Draft\n\ntext\n")
    found, problems = discover(root)
    assert [f.rel for f in found] == ["library.txt", "sub/draft.md", "sub/library-ru.txt", "tram.html"]
    assert problems == []
    assert [f.rel for f in discover(root, exclude=["sub"])[0]] == ["library.txt", "tram.html"]
    assert [f.rel for f in discover(root, exclude=["*.md"])[0]] == ["library.txt", "sub/library-ru.txt", "tram.html"]
    assert [f.rel for f in discover(root, include=["*.doc"])[0]] == ["notes.doc"]


def test_discover_reports_a_folder_symlink_loop_once(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    os.symlink("..", root / "sub" / "back")
    found, problems = discover(root)
    assert [f.rel for f in found] == GOOD
    assert [(p.rel, "symlink loop" in p.reason) for p in problems] == [("sub/back", True)]


def test_output_paths_mirror_the_input_and_stay_inside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    paths = output_paths(out, "a/b/page.html", ["text", "json", "markdown"])
    assert paths == {"text": out / "a/b/page.html.txt", "json": out / "a/b/page.html.json", "markdown": out / "a/b/page.html.md"}
    for bad in ("../escape.txt", "a/../../escape.txt", "/etc/passwd", "a//b.txt"):
        with pytest.raises(ConfigError):
            output_paths(out, bad, ["text"])


def test_atomic_write_leaves_old_file_or_new_never_half(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "d" / "x.txt"
    atomic.write_atomic(target, "old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic.write_atomic(target, "new" * 1000)
    assert target.read_text() == "old"
    assert temp_files(tmp_path) == []


def test_ctrl_c_at_the_worst_moment_of_a_write_is_delivered_after_it(tmp_path: Path, monkeypatch) -> None:
    # Ctrl-C right after the temporary file exists, before the writer has it in hand: the write
    # finishes, then the interrupt arrives, and nothing temporary is left
    real_temp = atomic._temp_beside

    def temp_then_ctrl_c(*args, **kwargs):
        made = real_temp(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)
        return made

    monkeypatch.setattr(atomic, "_temp_beside", temp_then_ctrl_c)
    targets = {tmp_path / "a.txt": "A", tmp_path / "b" / "b.json": "B"}
    with pytest.raises(KeyboardInterrupt):
        atomic.write_all_atomic(targets)
    assert temp_files(tmp_path) == []
    assert [p.read_text() for p in targets] == ["A", "B"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_settings_fingerprint_changes_with_what_changes_outputs() -> None:
    base = settings_fingerprint(Settings(), ["text"])
    assert base == settings_fingerprint(Settings(use_cache=False), ["text"])  # the cache does not change outputs
    assert base != settings_fingerprint(Settings(sentences=2), ["text"])
    assert base != settings_fingerprint(Settings(), ["text", "json"])


def test_batch_digests_good_inputs_and_reruns_incrementally(tmp_path: Path) -> None:
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    first = run_batch(root, out, settings(), formats=["text", "json", "markdown"])
    assert first.ok and sorted(first.digested) == GOOD
    data = json.loads((out / "sub" / "library-ru.txt.json").read_text(encoding="utf-8"))
    assert data["source"] == "sub/library-ru.txt"
    assert data["languages"].get("ru", 0) > 0.5  # Windows-1251 decoded, not mojibake
    assert "Tram line extended" in (out / "tram.html.txt").read_text(encoding="utf-8")
    assert (out / "library.txt.md").read_text(encoding="utf-8").startswith("# Riverside library")

    again = run_batch(root, out, settings(), formats=["text", "json", "markdown"])
    assert again.digested == [] and again.unchanged == 3 and again.ok

    os.utime(root / "tram.html")  # touched, not changed: the hash decides
    (root / "library.txt").write_text(ENGLISH.replace("Tuesday", "Wednesday"), encoding="utf-8")
    (root / "sub" / "library-ru.txt").unlink()
    third = run_batch(root, out, settings(), formats=["text", "json", "markdown"])
    assert third.digested == ["library.txt"] and third.unchanged == 1 and third.removed == ["sub/library-ru.txt"]
    assert "Wednesday" in (out / "library.txt.json").read_text(encoding="utf-8")

    (out / "tram.html.json").unlink()  # a lost output is redone
    assert run_batch(root, out, settings(), formats=["text", "json", "markdown"]).digested == ["tram.html"]
    assert sorted(run_batch(root, out, settings(sentences=1), formats=["text", "json", "markdown"]).digested) == ["library.txt", "tram.html"]


def test_bad_members_are_reported_and_good_ones_digested(tmp_path: Path) -> None:
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    expected = add_bad_members(root)

    def vanish(rel: str, status: str) -> None:  # delete a listed file before its turn comes
        (root / "zz-vanishes.txt").unlink(missing_ok=True)

    report = run_batch(root, out, settings(), formats=["text", "json"], on_done=vanish)
    assert sorted(report.digested) == GOOD
    failed = dict(report.failed)
    assert sorted(failed) == sorted(expected)
    for rel, word in expected.items():
        assert word in failed[rel].lower(), (rel, failed[rel])
    assert not report.ok
    text = (out / REPORT_NAME).read_text(encoding="utf-8")
    for rel in expected:
        assert rel in text
    assert temp_files(out) == []
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == [g + ".json" for g in sorted(GOOD)]
    for p in out.rglob("*.json"):
        json.loads(p.read_text(encoding="utf-8"))  # every output whole

    rerun = run_batch(root, out, settings(), formats=["text", "json"])
    assert rerun.digested == [] and rerun.unchanged == 3


def test_title_with_dotdot_cannot_write_outside(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    (root / "story.txt").write_text("../../../escaped\n\n" + ENGLISH.split("\n", 2)[2], encoding="utf-8")
    report = run_batch(root, out, settings(), formats=["text"])
    assert report.digested == ["story.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if not p.name.startswith(".")) == [REPORT_NAME, "story.txt.txt"]
    assert (out / MANIFEST_NAME).is_file()


def test_output_folder_inside_input_is_not_read_back(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    run_batch(root, root / "digests", settings(), formats=["text"])
    again = run_batch(root, root / "digests", settings(), formats=["text"])
    assert again.found == 3 and again.unchanged == 3


def test_two_workers_give_the_same_outputs(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    one = run_batch(root, tmp_path / "one", settings(), formats=["json"], jobs=1)
    two = run_batch(root, tmp_path / "two", settings(), formats=["json"], jobs=2)
    assert one.ok and two.ok and sorted(two.digested) == GOOD
    for rel in GOOD:
        assert (tmp_path / "one" / f"{rel}.json").read_bytes() == (tmp_path / "two" / f"{rel}.json").read_bytes()
    assert two.worker_peak_rss and all(v > 10_000_000 for v in two.worker_peak_rss.values())


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    """chmod 000; as root (who reads anything) the batch runs in a forked child that drops to `nobody`."""
    base = Path(tempfile.mkdtemp(prefix="pn-perm-"))  # pytest's tmp_path is 0700, closed to nobody
    try:
        root, out = base / "in", base / "out"
        root.mkdir()
        (root / "library.txt").write_text(ENGLISH, encoding="utf-8")
        (root / "secret.txt").write_text(ENGLISH, encoding="utf-8")
        os.chmod(root / "secret.txt", 0)
        for p in (base, root):
            os.chmod(p, 0o777)
        os.chmod(root / "library.txt", 0o644)
        # the shipped glossaries (the snapshot sits in a folder nobody cannot enter); import everything before dropping rights
        run_batch(root, tmp_path / "warm", Settings(use_cache=False), formats=["text"])
        assert exit_code_as_nobody(lambda: 0 if run_batch(root, out, Settings(use_cache=False), formats=["text"]).ok else 1) == 1
        report = (out / REPORT_NAME).read_text(encoding="utf-8")
        assert "secret.txt: cannot read: permission denied" in report
        assert (out / "library.txt.txt").is_file() and not (out / "secret.txt.txt").exists()
    finally:
        subprocess.run(["rm", "-rf", str(base)], check=False)


def test_an_unreadable_glossary_folder_is_one_clear_error_before_any_work(tmp_path: Path) -> None:
    """A user glossary folder ($POLYGLOT_NEWS_GLOSSARIES) the user may not list is a setting to fix: batch says so
    once (not an "internal error" per file), before OUT is created; digest and batch print that one line and exit
    non-zero. As root (who reads anything), in a forked child that drops to `nobody`."""
    base = Path(tempfile.mkdtemp(prefix="pn-gloss-"))  # pytest's tmp_path is 0700, closed to nobody
    try:
        root, words, result = base / "in", base / "words", base / "result.json"
        root.mkdir()
        (root / "library.txt").write_text(ENGLISH, encoding="utf-8")
        words.mkdir()
        (words / "names.csv").write_text("term,lang,english,kind,note\nHarbour,en,Harbour,place,\n", encoding="utf-8")
        for p in (base, root):
            os.chmod(p, 0o777)
        os.chmod(root / "library.txt", 0o644)
        os.chmod(words, 0)
        run_batch(root, tmp_path / "warm", Settings(use_cache=False), formats=["text"])  # imports all a run needs
        assert CliRunner().invoke(app, ["digest", str(root / "library.txt"), "--no-cache"]).exit_code == 0  # and a digest
        warm_cli = CliRunner().invoke(app, ["batch", str(root), "--out", str(tmp_path / "warm-cli"), "--no-progress", "--no-cache"])
        assert warm_cli.exit_code == 0, warm_cli.output  # and the batch command's own imports
        def as_user() -> int:
            # the user's own folder, named by the variable (the suite's config folder is closed to nobody)
            os.environ.update(XDG_CONFIG_HOME=str(base), HOME=str(base), POLYGLOT_NEWS_GLOSSARIES=str(words))
            try:
                run_batch(root, base / "out", Settings(use_cache=False), formats=["text"])
                raised = None
            except PolyglotError as e:
                raised = str(e)
            got = {"raised": raised}
            for name, args in (("digest", [str(root / "library.txt")]), ("batch", [str(root), "--out", str(base / "out"), "--no-progress"])):
                cli = CliRunner().invoke(app, [name, *args, "--no-cache"])
                got[name] = {"code": cli.exit_code, "output": cli.output, "exc": repr(cli.exception)}
            result.write_text(json.dumps(got))
            return 0

        assert exit_code_as_nobody(as_user) == 0
        got = json.loads(result.read_text())
        assert got["raised"] == f"{words}: cannot read the glossary folder: Permission denied"
        assert not (base / "out").exists()  # said before anything was touched
        for name in ("digest", "batch"):
            assert got[name]["code"] not in (0, None) and got[name]["output"].strip() == f"polyglot-news: error: {got['raised']}", got
    finally:
        subprocess.run(["rm", "-rf", str(base)], check=False)


def test_cli_batch_exit_codes_and_summary(tmp_path: Path) -> None:
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    runner = CliRunner()
    ok = runner.invoke(app, ["batch", str(root), "--out", str(out), "-f", "text,json", "--no-progress", "--no-cache"])
    assert ok.exit_code == 0, ok.output
    assert (out / "tram.html.json").is_file() and (out / "tram.html.txt").is_file()
    (root / "empty.txt").write_bytes(b"")
    bad = runner.invoke(app, ["batch", str(root), "--out", str(out), "--no-progress", "--no-cache"])
    assert bad.exit_code == 1
    assert "empty.txt" in bad.output


def test_ctrl_c_stops_cleanly_and_the_rerun_resumes(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    for i in range(24):
        (root / f"a{i:02d}.txt").write_text(ENGLISH.replace("Tuesday", f"day {i}"), encoding="utf-8")
    env = dict(os.environ, POLYGLOT_NEWS_CACHE=str(tmp_path / "cache.sqlite3"))
    proc = subprocess.Popen([sys.executable, "-m", "polyglot_news", "batch", str(root), "--out", str(out), "-f", "json",
                             "--jobs", "2", "--no-progress"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and not list(out.glob("*.json")):
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    done = {p.name for p in out.glob("*.json")}
    # 130 when the interrupt stopped the run; -SIGINT when it came after the run had finished, while exiting
    assert proc.returncode in (130, 0, -signal.SIGINT), (proc.returncode, err.decode()[-1500:])
    assert "Traceback" not in err.decode()
    assert temp_files(out) == []
    for p in out.glob("*.json"):
        json.loads(p.read_text(encoding="utf-8"))
    rerun = run_batch(root, out, Settings(cache_path=tmp_path / "cache.sqlite3"), formats=["json"])
    assert rerun.ok and rerun.unchanged >= len(done) - 1 and len(rerun.digested) + rerun.unchanged == 24


def test_a_damaged_manifest_is_set_aside_and_rebuilt(tmp_path: Path) -> None:
    """Issue 18: a garbage manifest costs a redo of the folder, never the run."""
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_NAME).write_bytes(b"this is not a database" * 100)
    report = run_batch(root, out, settings(), formats=["text"])
    assert report.digested and list(out.glob(MANIFEST_NAME + ".corrupt-*"))
    assert len(report.notes) == 1 and "set aside as" in report.notes[0]  # the user is told, in the report file too
    assert f"note: {report.notes[0]}" in (out / REPORT_NAME).read_text(encoding="utf-8")
    again = run_batch(root, out, settings(), formats=["text"])
    assert again.notes == [] and again.unchanged == len(report.digested)


def test_workers_translate_with_an_installed_model(tmp_path: Path, tiny_models_dir: Path) -> None:
    """With the tiny ru->en package, two workers each load it and the Russian comes out in English."""
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    shutil.copy(Path(__file__).resolve().parents[1] / "samples" / "ru-article.txt", root / "ru-1.txt")
    (root / "ru-2.txt").write_bytes((root / "ru-1.txt").read_text(encoding="utf-8").encode("cp1251"))
    report = run_batch(root, out, settings(packages_dir=tiny_models_dir), formats=["json"], jobs=2)
    assert report.ok and sorted(report.digested) == ["ru-1.txt", "ru-2.txt"]
    for rel in ("ru-1.txt", "ru-2.txt"):
        data = json.loads((out / f"{rel}.json").read_text(encoding="utf-8"))
        assert data["title"] == "Vologda Region governor promises to open the bridge in Cherepovets before winter"
        assert any(s["translated_by"] == "argos" for s in data["segments"])


def test_installing_a_model_changes_the_fingerprint(tmp_path: Path, tiny_models_dir: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert settings_fingerprint(Settings(packages_dir=tmp_path / "empty"), ["json"]) != \
        settings_fingerprint(Settings(packages_dir=tiny_models_dir), ["json"])


def test_a_bug_on_one_page_is_reported_not_fatal(tmp_path: Path, monkeypatch) -> None:
    """Fault injection: the summariser crashes on one page; the batch reports it and goes on."""
    from polyglot_news import pipeline

    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    real = pipeline.summarise.summarise

    def crashes_on_tram(article, settings):
        if article.source == "tram.html":
            raise RuntimeError("injected fault")
        return real(article, settings)

    monkeypatch.setattr(pipeline.summarise, "summarise", crashes_on_tram)
    report = run_batch(root, out, settings(), formats=["json"])
    assert sorted(report.digested) == ["library.txt", "sub/library-ru.txt"]
    assert report.failed == [("tram.html", "internal error: RuntimeError: injected fault")]
    assert not (out / "tram.html.json").exists()


def test_output_folder_must_not_hold_the_input(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "out" / "in")
    for out in (root, tmp_path / "out"):
        with pytest.raises(ConfigError, match="must not be the input folder"):
            run_batch(root, out, settings(), formats=["text"])


def test_unit_of_work_is_a_pure_function_of_its_input(tmp_path: Path, monkeypatch) -> None:
    """Same bytes, name and settings give the same outputs, and nothing is written anywhere."""
    from polyglot_news.batch import digest_input

    monkeypatch.chdir(tmp_path)
    data = ENGLISH.encode("utf-8")
    one = digest_input(data, "a/library.txt", settings(), ["text", "json"])
    two = digest_input(data, "a/library.txt", settings(), ["text", "json"])
    assert one.error is None and one.outputs == two.outputs
    assert json.loads(one.outputs["json"])["source"] == "a/library.txt"
    assert list(tmp_path.iterdir()) == []
    bad = digest_input(b"", "empty.txt", settings(), ["json"])
    assert bad.outputs == {} and "empty" in bad.error


def test_an_input_that_kills_its_local_worker_blames_only_itself(tmp_path: Path, monkeypatch) -> None:
    """A dying local worker breaks the pool and takes every chunk in it: they are retried, then tried one input
    at a time, alone, so only the input that kills its worker is reported, and nothing is lost or doubled."""
    from polyglot_news import pipeline

    root = tmp_path / "in"
    root.mkdir()
    names = [f"a{i:02d}.txt" for i in range(10)]
    for i, name in enumerate(names):
        (root / name).write_text(ENGLISH.replace("Tuesday", f"day {i}"), encoding="utf-8")
    (root / "a03-poison.txt").write_text(ENGLISH, encoding="utf-8")
    real = pipeline.digest_many

    def dies_on_poison(sources, *args, names=None, **kwargs):
        if names and "a03-poison.txt" in names:
            os._exit(1)  # the workers are forked from this process, so they inherit this; no exception, no result
        return real(sources, *args, names=names, **kwargs)

    monkeypatch.setattr(pipeline, "digest_many", dies_on_poison)
    # the pool forks only from a single-threaded process; a Dask test run before this one may leave idle threads
    # behind, and the fault must reach the workers all the same
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    seen: list[str] = []
    report = run_batch(root, tmp_path / "out", settings(), formats=["json"], jobs=2, chunk_files=2,
                       on_done=lambda rel, status: seen.append(rel))
    assert report.failed == [("a03-poison.txt", "a worker process died while digesting it (killed or out of memory?)")]
    assert sorted(report.digested) == names and sorted(seen) == sorted(names + ["a03-poison.txt"])
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [n + ".json" for n in names]


def test_a_pool_broken_before_the_next_submit_gives_the_chunk_back_as_died(monkeypatch) -> None:
    """A worker can die between two waits; the chunk submitted next must come back as died (and be retried),
    not raise out of the run (this was a flaky BrokenProcessPool in the worker-kill test)."""
    from concurrent.futures import wait

    from polyglot_news import pipeline
    from polyglot_news.batch import pools
    from polyglot_news.batch.chunks import Item

    real = pipeline.digest_many

    def dies_on_poison(sources, *args, names=None, **kwargs):
        if names and "poison.txt" in names:
            os._exit(1)
        return real(sources, *args, names=names, **kwargs)

    monkeypatch.setattr(pipeline, "digest_many", dies_on_poison)
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 1)  # fork, so the workers inherit the fault
    pool = pools.LocalPool(settings(), ["json"], jobs=1)
    try:
        dying = pool.submit([Item("poison.txt", data=ENGLISH.encode())])
        wait([dying])  # the pool is broken now, and nobody has told it yet
        after = pool.submit([Item("after.txt", data=ENGLISH.encode())])
        results = dict(pool.wait([dying, after]))
        assert isinstance(results[dying], pools.Died) and isinstance(results[after], pools.Died)
        again = pool.submit([Item("after.txt", data=ENGLISH.encode())])
        [(_, outcomes)] = pool.wait([again])
        assert [o.rel for o in outcomes] == ["after.txt"]
    finally:
        pool.close()


def test_the_run_and_its_workers_collect_as_seldom_as_digest_dir(tmp_path: Path, monkeypatch) -> None:
    """Forked inside the run, each worker keeps `fewer_collections`' thresholds; the caller's come back after."""
    import gc

    from polyglot_news import pipeline

    real, seen = pipeline.digest_many, tmp_path / "thresholds"
    seen.mkdir()

    def recording(sources, *args, **kwargs):
        (seen / str(os.getpid())).write_text(repr(gc.get_threshold()))
        return real(sources, *args, **kwargs)

    monkeypatch.setattr(pipeline, "digest_many", recording)
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 1)  # fork, as a command-line run does
    before = gc.get_threshold()
    report = run_batch(make_tree(tmp_path / "in"), tmp_path / "out", settings(), formats=["json"], jobs=2)
    assert report.ok and gc.get_threshold() == before
    workers = {int(f.name): eval(f.read_text()) for f in seen.iterdir()}
    assert set(report.worker_peak_rss) <= set(workers) and os.getpid() in workers  # the parent's warm-up, too
    assert all(t[0] >= pipeline.COLLECT_EVERY[0] for t in workers.values())
