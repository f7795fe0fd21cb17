"""The command line as a whole: every command documented, helpful, and safe on bad input."""

from __future__ import annotations

import re
from pathlib import Path

import tomllib
import typer
from typer.testing import CliRunner

from polyglot_news.cli import app

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _commands() -> dict:
    """Every leaf command by its full name, e.g. 'models install'."""
    root = typer.main.get_command(app)
    found: dict = {}

    def walk(cmd, prefix: str) -> None:
        if hasattr(cmd, "commands"):  # a group (typer may vendor its own click)
            for name, sub in cmd.commands.items():
                walk(sub, f"{prefix} {name}".strip())
        else:
            found[prefix] = cmd

    walk(root, "")
    return found


def test_every_command_has_help_text():
    for name, cmd in _commands().items():
        assert (cmd.help or "").strip(), f"`{name}` has no help"
        result = runner.invoke(app, [*name.split(), "--help"])
        assert result.exit_code == 0, name


def test_every_top_level_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    tops = {name.split()[0] for name in _commands()}
    missing = [t for t in sorted(tops) if not re.search(rf"polyglot-news {t}\b", readme)]
    assert not missing, f"README.md does not show: {missing}"


def test_pyproject_lists_every_subpackage_so_installs_are_complete():
    declared = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(REPO).parts)
        for p in (REPO / "polyglot_news").rglob("__init__.py")
    }
    assert on_disk <= declared, f"add to [tool.setuptools] packages: {sorted(on_disk - declared)}"
    assert "polyglot_news.shipped_glossaries" in declared


def test_unknown_format_is_one_line_and_nonzero(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("A headline\n\nSome body text that is long enough to be a paragraph of an article.\n")
    result = runner.invoke(app, ["digest", str(page), "--format", "pdf"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_plain_option_values_skip_pydantic_and_bad_ones_still_get_typers_message():
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from polyglot_news.cli import app\n"
        "try:\n"
        f"    app(['digest', {str(REPO / 'samples' / 'en-page-dump.txt')!r}, '--format', 'json', '--no-cache'])\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "print('pydantic' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert '"summary"' in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "False"  # typer's coercion (pydantic) was not needed
    # a value that needs converting or checking still goes through typer's own coercion
    result = runner.invoke(app, ["digest", str(REPO / "samples" / "en-page-dump.txt"), "-n", "0"])
    assert result.exit_code == 2 and "greater than or equal to 1" in result.output
    result = runner.invoke(app, ["digest", str(REPO / "samples" / "en-page-dump.txt"), "-n", "2", "--format", "json",
                                 "--no-cache"])
    assert result.exit_code == 0 and len(__import__("json").loads(result.output)["summary"]) == 2


def _digest_the_sample_as_the_console_script(then: str) -> list[str]:
    """Run `polyglot-news digest` on the English sample in a fresh interpreter, then `then`; its stderr lines."""
    import subprocess
    import sys

    script = (
        "import gc, sys\n"
        "from polyglot_news.cli import main\n"
        f"sys.argv = ['polyglot-news', 'digest', {str(REPO / 'samples' / 'en-page-dump.txt')!r}, '--format', 'json', '--no-cache']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        + then
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stderr.strip().splitlines()


def test_main_imports_only_the_command_it_runs_and_app_still_has_every_command():
    loaded, commands = _digest_the_sample_as_the_console_script(
        "loaded = sorted(m for m in sys.modules if m.startswith('polyglot_news.cli.') and m != 'polyglot_news.cli.options')\n"
        "print(loaded, file=sys.stderr)\n"
        "from polyglot_news.cli import app\n"
        "import typer.main\n"
        "print(sorted(typer.main.get_command(app).commands), file=sys.stderr)\n"
    )[-2:]
    assert loaded == str(["polyglot_news.cli.app", "polyglot_news.cli.coercion", "polyglot_news.cli.digest"])
    assert commands == str(sorted(["batch", "cache", "clean", "daily", "detect", "digest", "glossary", "models",
                                   "translate"]))


def test_main_leaves_the_run_s_objects_out_of_the_collection_at_exit():
    frozen, thresholds_restored = _digest_the_sample_as_the_console_script(
        "print(gc.get_freeze_count(), gc.get_threshold() == (700, 10, 10), file=sys.stderr)\n"
    )[-1].split()
    assert int(frozen) > 10_000 and thresholds_restored == "True"


def test_indented_json_is_the_text_json_dumps_writes():
    import json

    from polyglot_news.render.indented_json import dumps, write_list

    values = [
        [], {}, "", [[]], {"a": {}}, None, True, 0, -3, 2.5, 1e-300, 12345678901234567890, 0.1 + 0.2,
        {"term": "Зеленський", "note": "quote \" back\\slash \n tab\t \x00 \u2028 😀", "mentions": 2, "x": None},
        [{"summary": ["one", "two"], "languages": {"en": 0.97, "ru": 0.03}, "flags": [True, False]}, [1, [2, [3]]]],
        {"nan": float("nan")}, {"inf": [float("-inf")]}, {1: "int key"}, ("a", "tuple"), {"nested": ("t",)},
    ]
    for value in values:
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2), value
    for items in ([], [{}], values, [[values]]):
        pieces: list[str] = []
        write_list(iter(items), pieces.append)
        assert "".join(pieces) == json.dumps(items, ensure_ascii=False, indent=2)
