"""The package layout: the layers contract in pyproject.toml holds, can fail, and no import circle is left.

`lint-imports` (import-linter) reads the contract from pyproject.toml; these tests run it on
the package and on a copy with one deliberately wrong import, so a wrong import fails CI.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

REPO = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(cwd: Path) -> subprocess.CompletedProcess:
    """Run lint-imports in `cwd` (its pyproject.toml, its polyglot_news) with no cache."""
    exe = str(LINT) if LINT.exists() else shutil.which("lint-imports")
    if exe is None:
        pytest.fail("lint-imports is not installed: pip install -e '.[test]'")
    return subprocess.run([exe, "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"})


def test_layers_contract_is_kept():
    result = lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "module, wrong_import",
    [
        ("ingest/read.py", "from ..render import render"),  # a stage importing a renderer
        ("detect/language.py", "from ..translate import to_english"),  # a stage importing a later stage
        ("text/sentences.py", "from ..curated import Glossary"),  # the shared core importing upwards
        ("render/text.py", "from ..glossary import terms_for"),  # a renderer reaching into a stage
    ],
)
def test_a_wrong_import_breaks_the_contract(tmp_path, module, wrong_import):
    shutil.copytree(REPO / "polyglot_news", tmp_path / "polyglot_news", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "polyglot_news" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{wrong_import}  # deliberately wrong\n", encoding="utf-8")
    result = lint(tmp_path)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout


def test_no_import_circle_in_the_package():
    """No module reaches itself through imports (late imports inside functions count too).

    The root `polyglot_news/__init__.py` is left out: it is the lazy public facade
    (`from polyglot_news import digest`), importing nothing when it is imported.
    """
    graph = grimp.build_graph("polyglot_news", cache_dir=None)
    modules = sorted(m for m in graph.modules if m != "polyglot_news")
    circles = []
    for importer in modules:
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported == "polyglot_news" or imported == importer:
                continue
            chain = graph.find_shortest_chain(importer=imported, imported=importer)
            if chain and "polyglot_news" not in chain:
                circles.append(" -> ".join((importer, *chain)))
    assert circles == []
