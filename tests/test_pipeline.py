"""The wiring: stages in order, several sources at once, and what the reader is told."""

from __future__ import annotations

from polyglot_news import digest_many
from polyglot_news.config import Settings
from polyglot_news.errors import InputError

PAGE = (
    "Harbour council approves new ferry pier\n\n"
    "The Kestrel Bay harbour council approved a new ferry pier on Tuesday after a two-year dispute "
    "with fishing crews over mooring space.\n\n"
    "Mayor Ilse Marrow said construction would start in the spring and take about eighteen months.\n"
)


def test_a_bad_glossary_row_is_in_the_notes_and_the_good_rows_still_work(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "names.csv").write_text(
        "term,lang,english,kind,note\n"
        "Kestrel Bay,en,Kestrel Bay,place,a test harbour\n"
        "Ilse Marrow,en,Ilse Marrow,flavour,bad kind\n",
        encoding="utf-8",
    )
    d = digest_many([PAGE], Settings(glossary_dirs=[folder], use_cache=False))[0]
    assert any("names.csv:3" in n and n.startswith("glossary skipped") for n in d.notes)
    assert any(t.term == "Kestrel Bay" and t.curated for t in d.glossary)


def test_one_bad_source_is_reported_and_the_others_go_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    seen = []
    digests = digest_many([str(empty), PAGE], Settings(use_cache=False), on_error=lambda s, e: seen.append((s, e)))
    assert len(digests) == 1 and digests[0].summary
    assert len(seen) == 1 and isinstance(seen[0][1], InputError) and "empty.txt" in str(seen[0][1])


def test_the_collector_runs_less_often_while_pages_are_digested_and_as_before_after():
    import gc

    from polyglot_news import pipeline

    before = gc.get_threshold()
    seen = []
    real = pipeline.prepare

    def watching(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    pipeline.prepare = watching
    try:
        digest_many([PAGE], Settings(use_cache=False))
    finally:
        pipeline.prepare = real
    assert seen and seen[0][0] >= pipeline.COLLECT_EVERY[0]
    assert gc.get_threshold() == before


def test_the_last_block_of_a_process_freezes_what_it_made_instead_of_collecting_it():
    """`fewer_collections(last=True)` (the console script's digest and batch) ends with gc.freeze, then the old
    thresholds; without `last` nothing is frozen. Run in a child, since a freeze outlives the block."""
    import json
    import subprocess
    import sys

    from polyglot_news import pipeline

    code = (
        "import gc, json\n"
        "from polyglot_news import pipeline\n"
        "before = gc.get_threshold()\n"
        "with pipeline.fewer_collections():\n"
        "    kept = [[i] for i in range(1000)]\n"
        "plain = gc.get_freeze_count()\n"
        "with pipeline.fewer_collections(last=True):\n"
        "    inside = gc.get_threshold()\n"
        "    kept += [[i] for i in range(1000)]\n"
        "print(json.dumps([plain, gc.get_freeze_count(), gc.get_threshold() == before, inside[0]]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    plain, frozen, restored, inside = json.loads(out)
    assert plain == 0 and frozen >= 2000 and restored and inside >= pipeline.COLLECT_EVERY[0]


def test_only_the_console_script_counts_as_a_process_that_ends_with_its_command():
    from polyglot_news.cli import process_ends_with_command

    assert not process_ends_with_command()  # the test runner goes on after a command: nothing is frozen
