"""Issue 18: nothing a file can do stops the run. One test (or a few) per numbered item of the issue.

Endless sources run the CLI in a child process under a memory limit and a timeout, so a
regression fails the test instead of taking the machine down. Disk-full tests mount a
small tmpfs when the test may (root); otherwise they are skipped with the reason.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polyglot_news import ingest, pipeline
from polyglot_news.cli import app
from polyglot_news.config import Settings
from polyglot_news.detect import detect_language
from polyglot_news.errors import ConfigError, InputError, ModelError, PolyglotError

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
runner = CliRunner()

MEMORY_LIMIT = 3 * 1024**3  # bytes of address space for a child: the models fit, /dev/zero read whole does not
TIMEOUT = 120  # seconds: a child still running after this is reading an endless source

ENGLISH = (
    "The river council met on Tuesday to discuss the new bridge.\n"
    "Members agreed that the old crossing must close before the winter floods arrive.\n"
    "Work on the new bridge is to start in the spring, the council said in a statement.\n"
)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def cli(*args: str, stdin=None, shell_stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `polyglot-news ARGS` in a child under the memory limit and timeout; `shell_stdin` is a redirection."""
    env = dict(os.environ, PYTHONPATH=str(REPO), COLUMNS="200")
    command = [sys.executable, "-m", "polyglot_news", *args]
    if shell_stdin is not None:  # e.g. "<&-" (closed) or "</dev/zero"
        command = ["sh", "-c", 'exec "$@" ' + shell_stdin, "sh", *command]
    return subprocess.run(command, stdin=stdin, capture_output=True, timeout=TIMEOUT, env=env, preexec_fn=_limits,
                          cwd=cwd)


def one_line_error(result, *needles: str) -> str:
    """The stderr of a failed run, checked to be one error line (no traceback) naming each needle."""
    err = result.stderr.decode("utf-8", "replace") if isinstance(result.stderr, bytes) else result.stderr
    assert result.returncode == 1, (result.returncode, err[-2000:])
    assert "Traceback" not in err, err[-2000:]
    lines = [line for line in err.splitlines() if line.startswith("polyglot-news: error:")]
    assert lines, err[-2000:]
    for needle in needles:
        assert needle in err, (needle, err[-2000:])
    return err


# -- 1. endless sources are read to a bound, never to exhaustion


@pytest.mark.parametrize("command", ["digest", "detect"])
def test_an_endless_device_is_too_large_not_read_to_exhaustion(command):
    one_line_error(cli(command, "/dev/zero"), "/dev/zero", "too large")


def test_endless_stdin_is_too_large():
    one_line_error(cli("digest", "-", shell_stdin="</dev/zero"), "<stdin>", "too large")


def test_daily_refuses_a_fifo_and_a_device_in_its_folder(tmp_path):
    day = tmp_path / "in" / "2026-11-27"
    day.mkdir(parents=True)
    (day / "good.txt").write_text(ENGLISH, encoding="utf-8")
    os.symlink("/dev/zero", day / "zero.txt")
    os.mkfifo(day / "pipe.txt")  # nobody ever writes to it: reading it would wait forever
    result = cli("daily", str(tmp_path / "in"), "--date", "2026-11-27", "--out", str(tmp_path / "day.txt"), "--no-translate")
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err, err[-2000:]
    assert "pipe.txt: not a regular file" in err and "zero.txt: not a regular file" in err
    assert "river council" in (tmp_path / "day.txt").read_text(encoding="utf-8").lower()


def test_the_bounded_reader_stops_one_byte_past_the_limit():
    class Endless:
        served = 0

        def read(self, n):
            self.served += n
            return b"x" * n

    stream = Endless()
    with pytest.raises(InputError, match="too large"):
        ingest.read.read_limited(stream, 5_000_000, "endless")
    assert stream.served == 5_000_001


# -- 2. pathological HTML does not stall a worker


def _many_attributes(n: int) -> str:
    attrs = " ".join(f"data-a{i}=v" for i in range(n))
    return f"<html><head><title>Odd page</title></head><body><div {attrs}><p>{ENGLISH}</p></div></body></html>"


def test_an_element_with_a_million_attributes_is_refused_quickly(tmp_path):
    page = tmp_path / "attrs.html"
    page.write_text(_many_attributes(1_000_000), encoding="utf-8")
    one_line_error(cli("digest", str(page), "--no-translate"), "attrs.html", "too complex")


@pytest.mark.parametrize("html", [
    "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>",
    # quoted ">" must not hide the attributes that follow it from the count
    "<html><body><div " + " ".join(f'a{i}=">"' for i in range(70_000)) + "><p>text</p></div></body></html>",
])
def test_deep_or_wide_markup_is_refused_before_the_parser(html):
    with pytest.raises(InputError, match="too complex"):
        ingest.read_source(html.encode(), name="odd.html")


def test_a_text_too_long_for_one_article_is_refused_before_the_slow_stages(tmp_path):
    from polyglot_news.ingest.read import MAX_TEXT_CHARS

    line = "The council said the river plan would need a new budget before the vote next week.\n"
    page = tmp_path / "long.txt"
    page.write_text(line * (15 * 1024 * 1024 // len(line)), encoding="utf-8")  # 15 MB, under the size limit
    one_line_error(cli("detect", str(page)), "long.txt", "too long to digest as one article")
    with pytest.raises(InputError, match="too long"):
        ingest.read_source(ingest.Text(line * (MAX_TEXT_CHARS // len(line) + 1)))
    assert ingest.read_source(ingest.Text(line * (MAX_TEXT_CHARS // len(line) - 1))).segments


def test_ordinary_pages_are_not_too_complex():
    pages = sorted((REPO.parent / "shared" / "data").rglob("*.html"))[:60] + sorted((REPO / "samples").glob("*.html"))
    if not pages:
        pytest.skip("no shared pages on this machine")
    from polyglot_news.ingest.html import check_complexity

    for page in pages:
        check_complexity(page.read_text(encoding="utf-8", errors="replace"))


def test_batch_reports_the_too_complex_page_and_digests_the_rest(tmp_path):
    from polyglot_news.batch import run_batch

    root = tmp_path / "in"
    root.mkdir()
    for i in range(12):
        (root / f"page-{i:02}.txt").write_text(ENGLISH.replace("Tuesday", f"day {i}"), encoding="utf-8")
    (root / "odd.html").write_text(_many_attributes(1_000_000), encoding="utf-8")
    report = run_batch(root, tmp_path / "out", Settings(use_cache=False, translate=False), formats=["json"], jobs=1,
                       max_bytes=20 * 1024 * 1024)
    assert len(report.digested) == 12
    assert [rel for rel, _ in report.failed] == ["odd.html"] and "too complex" in report.failed[0][1]


# -- 3. one line instead of a traceback


def test_closed_stdin_is_one_line():
    one_line_error(cli("digest", "-", shell_stdin="<&-"), "standard input is closed")


def test_a_path_component_over_255_bytes_is_one_line(tmp_path):
    long_name = str(tmp_path / ("n" * 300 + ".txt"))
    with pytest.raises(InputError, match="file name too long"):
        pipeline.digest(Path(long_name), Settings(translate=False, use_cache=False))
    result = runner.invoke(app, ["digest", long_name])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert "file name too long" in result.output


def test_stdout_on_a_full_disk_is_one_line(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(ENGLISH, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "polyglot_news", "digest", str(page), "-f", "text", "--no-translate"],
                                stdout=full, stderr=subprocess.PIPE, timeout=TIMEOUT, env=dict(os.environ, PYTHONPATH=str(REPO)))
    one_line_error(result, "No space left")


def test_han_with_kana_and_hangul_together():
    assert detect_language("漢字かな한글").lang in ("ja", "ko")
    d = pipeline.digest(text="東京で会見 かな 한국 대통령 発表\n", settings=Settings(translate=False, use_cache=False))
    assert d.article.segments


def test_a_word_pymorphy_cannot_name_does_not_stop_the_digest(tiny_models_dir):
    # a Tangut letter has no Unicode name, which pymorphy3 looks up; the glossary meets it after translation
    d = pipeline.digest(b"\xf0\x97\x80\x800\xd0\xb80\xd0\xb2\n", Settings(packages_dir=tiny_models_dir, use_cache=False))
    assert d.article.segments


# -- 4. a newline in a file name: a path the CLI was given is a path


@pytest.mark.parametrize("command", ["clean", "detect", "translate"])
def test_a_file_name_with_a_newline_is_read_as_a_file(tmp_path, command, monkeypatch):
    monkeypatch.setenv("POLYGLOT_NEWS_CACHE", str(tmp_path / "cache.sqlite3"))
    page = tmp_path / "odd\nname.txt"
    page.write_text(ENGLISH, encoding="utf-8")
    result = runner.invoke(app, [command, str(page)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "river council" in result.output
    shown_name = " ".join(str(page).split())  # detect's table title names the file, on one line
    assert "odd" not in result.output.replace(shown_name, "").replace(str(tmp_path), "")  # the name is not the text
    missing = runner.invoke(app, [command, str(tmp_path / "no\nsuch.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_the_library_takes_text_explicitly():
    one_line = "The council met on Tuesday to discuss the bridge."
    d = pipeline.digest(text=one_line, settings=Settings(translate=False, use_cache=False))
    assert d.article.segments[0].text == one_line
    assert ingest.read_source(ingest.Text(one_line)).segments[0].text == one_line
    with pytest.raises(InputError, match="no such file"):
        ingest.read_source(Path("line one\nline two"))


# -- 5. a few invalid bytes in a UTF-8 page: UTF-8 with a note, never mojibake


def test_two_invalid_bytes_keep_the_page_utf8_with_a_note():
    page = ("© Photo: river council\nГлавная страница\n" + ENGLISH * 3).encode("utf-8")
    at = len("© Photo: river council\n".encode("utf-8"))  # between two lines, not inside a letter
    damaged = page[:at] + b"\xff\xfe" + page[at:]
    article = ingest.read_source(damaged)
    text = "\n".join(s.text for s in article.segments)
    assert article.encoding == "utf-8"
    assert "© Photo" in text and "Главная страница" in text
    assert any("2 invalid UTF-8 byte(s)" in n and f"{at}, {at + 1}" in n for n in article.notes), article.notes


def test_a_windows_1252_page_is_still_windows_1252():
    text = "Café owners in Zürich said the façade would be restored before the crème festival.\n" * 3
    article = ingest.read_source(text.encode("cp1252"))
    assert "Café" in article.segments[0].text and not article.notes


# -- issue 17's last bullet: stray control bytes are dropped, binary is still refused


def test_stray_nul_bytes_are_removed_with_a_note():
    page = ("Noticias del día: el ayuntamiento aprobó el presupuesto.\n" + "El alcalde habló con los vecinos del barrio.\n" * 20)
    data = bytearray(page.encode("utf-8"))
    for i in range(22):
        data.insert(30 + 40 * i, 0)
    article = ingest.read_source(bytes(data))
    assert "\x00" not in "".join(s.text for s in article.segments)
    assert "ayuntamiento aprobó" in article.segments[0].text
    assert any("removed 22 stray" in n for n in article.notes)


def test_a_mostly_binary_file_is_still_refused():
    rng = random.Random(18)
    data = bytes(rng.randrange(256) for _ in range(5000))
    with pytest.raises(InputError, match="binary|cannot read"):
        ingest.read_source(data, name="photo.txt")


# -- 6. detect shows article text and file names as text, never markup or escapes


def test_detect_escapes_markup_and_terminal_controls(tmp_path):
    page = tmp_path / "evil\x1b]0;evil\x07\x1b[2J.txt"
    page.write_text("Closing tags [/] and links [link=file:///etc/passwd]x[/link] are only text here.\n" + ENGLISH,
                    encoding="utf-8")
    result = runner.invoke(app, ["detect", str(page)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "[/]" in result.output and "[link=file:///etc/passwd]x[/link]" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


# -- 7. a corrupt translation cache is set aside and rebuilt


def _filled_cache(path: Path) -> None:
    from polyglot_news.translate.cache import TranslationCache

    cache = TranslationCache(path)
    cache.put_many("some-model", [(f"source sentence number {i} " * 3, f"english {i}") for i in range(3000)])
    cache.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with open(path, "r+b") as f:
        f.seek(4096)
        f.write(bytes(random.Random(7).randrange(256) for _ in range(8192)))


def test_a_corrupt_cache_is_set_aside_and_the_digest_carries_on(tmp_path, tiny_models):
    cache = tmp_path / "cache.sqlite3"
    _filled_cache(cache)
    d = pipeline.digest(REPO / "samples" / "ru-article.txt", Settings(cache_path=cache, use_cache=True))
    assert any(s.english for s in d.article.segments)
    assert any("was damaged" in n for n in d.notes), d.notes
    assert list(tmp_path.glob("cache.sqlite3.corrupt-*"))
    again = pipeline.digest(REPO / "samples" / "ru-article.txt", Settings(cache_path=cache, use_cache=True))
    assert not any("damaged" in n for n in again.notes)
    assert any(s.translated_by == "cache" for s in again.article.segments)


def test_cache_clear_resets_a_garbage_file(tmp_path):
    cache = tmp_path / "cache.sqlite3"
    cache.write_bytes(bytes(random.Random(3).randrange(256) for _ in range(20000)))
    result = runner.invoke(app, ["cache", "clear", "--path", str(cache)])
    assert result.exit_code == 0, result.output
    info = runner.invoke(app, ["cache", "info", "--path", str(cache)])
    assert info.exit_code == 0 and "0 sentences" in info.output


# -- 8. a full or read-only OUT: all formats or none, one line, and the rerun finishes


def _tmpfs(path: Path, size: str, *options: str) -> None:
    path.mkdir(parents=True, exist_ok=True)
    opts = ",".join((f"size={size}",) + options)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip() or 'mount failed'}; needs root)")


def _umount(path: Path) -> None:
    import gc

    gc.collect()  # a SQLite connection nobody closed yet would keep the mount busy
    if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)  # detach it all the same


def _inputs(root: Path, n: int) -> Path:
    root.mkdir(parents=True)
    rng = random.Random(8)
    words = "the council said budget plan city river school new road park mayor vote week people report water".split()
    for i in range(n):
        lines = [" ".join(rng.choice(words) for _ in range(20)).capitalize() + "." for _ in range(50)]
        (root / f"p{i:02}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_a_full_out_stops_with_one_line_and_the_rerun_finishes(tmp_path):
    root, out = _inputs(tmp_path / "in", 30), tmp_path / "out"
    _tmpfs(out, "300k")
    try:
        args = ["batch", str(root), "--out", str(out), "--no-progress", "--no-translate", "--no-cache"]
        first = runner.invoke(app, args)
        assert first.exit_code == 1 and "no space left on" in first.output, first.output
        assert not isinstance(first.exception, Exception) or isinstance(first.exception, SystemExit)
        db = sqlite3.connect(out / ".batch-manifest.sqlite3")
        rows = dict(db.execute("SELECT path, outputs FROM inputs"))
        db.close()
        for rel, outputs in rows.items():  # every recorded input has all its formats
            assert all((out / o).is_file() for o in json.loads(outputs)) and len(json.loads(outputs)) == 2
        txt = {p.name[: -len(".txt")] for p in out.glob("*.txt.txt")}
        js = {p.name[: -len(".json")] for p in out.glob("*.txt.json")}
        assert txt == js  # all formats or none
        subprocess.run(["mount", "-o", "remount,size=4m", str(out)], check=True)
        second = runner.invoke(app, args)
        assert second.exit_code == 0, second.output
        assert len(list(out.glob("*.txt.json"))) == 30 and (out / "batch-report.txt").is_file()
    finally:
        _umount(out)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a read-only tmpfs needs root")
@pytest.mark.parametrize("earlier_run", [True, False])
def test_a_read_only_out_is_one_line(tmp_path, earlier_run):
    root, out = _inputs(tmp_path / "in", 3), tmp_path / "out"
    _tmpfs(out, "4m")
    try:
        args = ["batch", str(root), "--out", str(out), "--no-progress", "--no-translate", "--no-cache"]
        if earlier_run:
            assert runner.invoke(app, args).exit_code == 0
            (root / "p00.txt").write_text(ENGLISH, encoding="utf-8")
        subprocess.run(["mount", "-o", "remount,ro", str(out)], check=True)
        result = runner.invoke(app, args)
        assert result.exit_code == 1 and "is not writable" in result.output, result.output
        assert "delete it" not in result.output
    finally:
        _umount(out)


def test_a_failing_write_leaves_no_format_half_done(tmp_path):
    from polyglot_news.atomic import leftover_temp_files, write_all_atomic

    (tmp_path / "a.txt").write_text("old a")
    blocker = tmp_path / "sub"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(OSError):
        write_all_atomic({tmp_path / "a.txt": "new a", blocker / "b.json": "new b"})
    assert (tmp_path / "a.txt").read_text() == "old a" and not leftover_temp_files(tmp_path)


# -- 9. models install --file checks what it installs


def _package(tmp_path: Path, name: str, *, metadata: dict | None = None, model_bin: bytes | None = None,
             extra: dict[str, bytes] | None = None) -> Path:
    """A copy of the tiny ru->en package with some of its members replaced."""
    out = tmp_path / name
    with zipfile.ZipFile(FIXTURES / "tiny-ru-en.argosmodel") as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("/metadata.json") and metadata is not None:
                data = json.dumps({**json.loads(data), **metadata}).encode()
            if info.filename.endswith("model/model.bin") and model_bin is not None:
                data = model_bin
            dst.writestr(info.filename, data)
        top = src.namelist()[0].split("/")[0]
        for member, data in (extra or {}).items():
            dst.writestr(f"{top}/{member}", data)
    return out


@pytest.fixture()
def working(tmp_path) -> Path:
    from polyglot_news.translate.models import install_file

    folder = tmp_path / "packages"
    install_file(FIXTURES / "tiny-ru-en.argosmodel", folder)
    return folder


def _still_translates(folder: Path) -> None:
    d = pipeline.digest(REPO / "samples" / "ru-article.txt", Settings(packages_dir=folder, use_cache=False))
    assert any(s.translated_by == "argos" for s in d.article.segments)


def test_random_model_bytes_do_not_replace_a_working_package(tmp_path, working, monkeypatch):
    from polyglot_news.translate.models import install_file

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(working))
    bad = _package(tmp_path, "random.argosmodel", model_bin=random.Random(1).randbytes(1000))
    with pytest.raises(ModelError, match="not a working model"):
        install_file(bad, working)
    _still_translates(working)


@pytest.mark.parametrize("metadata, message", [
    ({"to_code": "de"}, "not English"),
    ({"from_code": "zz"}, "from_code"),
    ({"from_code": ""}, "from_code"),
    ({"to_code": ""}, "to_code"),
    ({"package_version": 19}, "not a string"),
])
def test_metadata_that_is_not_a_translation_into_english_is_refused(tmp_path, working, metadata, message):
    from polyglot_news.translate.models import install_file

    with pytest.raises(ModelError, match=message):
        install_file(_package(tmp_path, "meta.argosmodel", metadata=metadata), working)


def test_a_compression_bomb_is_refused(tmp_path, working):
    from polyglot_news.translate.models import install_file

    bomb = _package(tmp_path, "bomb.argosmodel", extra={"padding.bin": bytes(64 * 1024 * 1024)})
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ModelError, match="zip bomb"):
        install_file(bomb, working)


# -- 10. one batch at a time on an OUT folder


def test_a_second_batch_on_the_same_out_names_the_holder_and_stops(tmp_path):
    from polyglot_news.batch import run_batch

    root, out = _inputs(tmp_path / "in", 2), tmp_path / "out"
    out.mkdir()
    holder = os.open(out / ".batch-lock", os.O_RDWR | os.O_CREAT)
    os.write(holder, b"pid 4242 on elsewhere, started 2026-12-02 10:00:00\n")
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        with pytest.raises(ConfigError, match="in use by another batch.*pid 4242.*--wait"):
            run_batch(root, out, Settings(use_cache=False, translate=False), formats=["text"])
        assert not list(out.glob("*.txt.txt"))
        waited: list[str] = []
        release = threading.Timer(0.5, lambda: fcntl.flock(holder, fcntl.LOCK_UN))
        release.start()
        report = run_batch(root, out, Settings(use_cache=False, translate=False), formats=["text"], wait=True,
                           on_wait=waited.append)
        release.join()
        assert waited and "pid 4242" in waited[0] and len(report.digested) == 2
    finally:
        os.close(holder)


def test_only_product_errors_escape_for_os_errors():
    """The errno table behind one-line OS errors covers the cases the issue met."""
    from polyglot_news.ingest.read import _os_problem

    for code in (errno.ENAMETOOLONG, errno.ENOENT, errno.EISDIR, errno.EACCES, errno.ELOOP, errno.EIO):
        err = _os_problem("x", OSError(code, os.strerror(code)))
        assert isinstance(err, PolyglotError) and str(err).startswith("x: ")
