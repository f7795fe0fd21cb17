"""Precompiled tables: read back equal, rebuilt when a source changes, skipped when turned off."""

from __future__ import annotations

import math
import os

from polyglot_news.text import precompiled, wordfreqs


def test_cached_table_is_built_once_and_rebuilt_when_its_source_changes(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("POLYGLOT_NEWS_TABLES", str(tmp_path / "tables"))
    src = tmp_path / "source.txt"
    src.write_text("one")
    builds = []

    def build():
        builds.append(1)
        return {"x": 0.1 + 0.2, "floor": [-math.pi, 1e-300]}

    first = precompiled.cached("demo", [src], build)
    again = precompiled.cached("demo", [src], build)
    assert first == again == build() and len(builds) == 2  # the second call read the file
    src.write_text("changed")
    os.utime(src, ns=(1, 1))
    precompiled.cached("demo", [src], build)
    assert len(builds) == 3


def test_turned_off_builds_every_time_and_writes_nothing(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("POLYGLOT_NEWS_TABLES", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    src = tmp_path / "source.txt"
    src.write_text("one")
    assert precompiled.cached("demo", [src], lambda: [1, 2]) == [1, 2]
    assert precompiled.cached_file("demo", [src], ".bin", lambda p: p.write_bytes(b"x")) is None
    assert not any(tmp_path.rglob("*.marshal"))


def test_word_list_store_answers_as_the_lists_in_memory() -> None:
    store = wordfreqs._store()
    assert store is not None  # the default cache folder is writable here
    words = ["the", "subscribe", "qxzvv", "године", "godine", "und", "дом", "haus"]
    langs = ("en", "de", "ru", "uk", "sr", "be", "ro")
    for word in words:
        expected = []
        for lang in langs:
            table = wordfreqs.log_frequencies(lang)
            key = wordfreqs.serbian_latin(word) if lang == "sr" else word
            expected.append(None if table is None else table.get(key, -math.inf))
        assert wordfreqs.frequencies(word, langs) == tuple(expected), word


def test_a_long_run_answers_from_memory_with_the_same_figures(monkeypatch) -> None:
    words = ["the", "subscribe", "qxzvv", "године", "дом", "haus"]
    langs = ("en", "de", "ru", "uk", "sr", "be", "ro")
    from_store = [wordfreqs.frequencies(w, langs) for w in words]
    monkeypatch.setattr(wordfreqs, "_in_memory", [False])
    wordfreqs.answer_from_memory()
    assert wordfreqs._from_store() is None
    assert [wordfreqs.frequencies(w, langs) for w in words] == from_store
    assert wordfreqs.has_list("ru") and not wordfreqs.has_list("be")


def test_regex_programs_read_back_give_the_patterns_re_compile_builds(tmp_path) -> None:
    import re
    import subprocess
    import sys

    from polyglot_news.clean import linepatterns

    # every pattern of the clean stage, as a fresh interpreter gets it from the stored table
    patterns = [(v.pattern, v.flags) for v in vars(linepatterns).values() if isinstance(v, re.Pattern)]
    assert len(patterns) > 30
    script = (
        "import re, sys\n"
        "from polyglot_news.text import regexes\n"
        "pats = eval(sys.stdin.read())\n"
        "got = [regexes.compile(p, f) for p, f in pats]\n"
        "assert all(type(g) is re.Pattern for g in got)\n"
        "print(sum(g == re.compile(p, f) for g, (p, f) in zip(got, pats)), len(regexes._added))\n"
    )
    env = dict(os.environ, POLYGLOT_NEWS_TABLES=str(tmp_path / "tables"))
    runs = [subprocess.run([sys.executable, "-c", script], input=repr(patterns), capture_output=True, text=True,
                           env=env, timeout=120) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    # the first run compiles and stores every pattern, the second reads all of them back
    assert [r.stdout.split() for r in runs] == [[str(len(patterns)), str(len(patterns))], [str(len(patterns)), "0"]]
    assert list((tmp_path / "tables").glob("regexes-*.marshal"))
    # read back, a pattern matches as the standard one does
    from polyglot_news.text import regexes

    credit = regexes.compile(r"(?P<who>photo|foto)\s*:\s*(\w+)", re.I)
    m = credit.search("Text. FOTO: Reuters")
    assert m.group("who") == "FOTO" and m.group(2) == "Reuters" and credit.groupindex == {"who": 1}


def test_a_changed_source_replaces_its_table_and_other_tables_stay(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "tables"
    monkeypatch.setenv("POLYGLOT_NEWS_TABLES", str(folder))
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text("a")
    two.write_text("b")
    precompiled.cached("glossary-auto", [one], lambda: [1])
    precompiled.cached("glossary-auto", [two], lambda: [2])
    precompiled.cached_file("words", [one], ".bin", lambda p: p.write_bytes(b"x"))
    for n in range(3):  # the user edits a glossary three times
        one.write_text("a" * (n + 2))
        assert precompiled.cached("glossary-auto", [one], lambda: [n]) == [n]
        precompiled.cached_file("words", [one], ".bin", lambda p: p.write_bytes(b"y"))
    names = sorted(p.name.split("-")[0] + p.suffix for p in folder.iterdir())
    assert names == ["glossary.marshal", "glossary.marshal", "words.bin"]  # one file per table
    assert precompiled.cached("glossary-auto", [two], lambda: [0]) == [2]  # the other glossary's, read back
