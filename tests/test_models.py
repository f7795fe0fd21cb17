"""Installing, listing and removing Argos packages: good packages, bad archives, offline behaviour."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polyglot_news.cli import app
from polyglot_news.config import Settings
from polyglot_news.curated import Glossary
from polyglot_news.errors import ModelError
from polyglot_news.model import BODY, Article, Segment
from polyglot_news.translate import to_english
from polyglot_news.translate.models import (
    check_language,
    install_file,
    installed_packages,
    packages_dir,
    remove,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny-ru-en.argosmodel"
runner = CliRunner()


def make_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def translates(folder: Path) -> bool:
    """True when the ru->en package in `folder` still translates a trained sentence."""
    article = Article("<t>", [Segment(1, "Банк снизил ставки по ипотеке.", BODY, "ru", 0.99)])
    to_english([article], Settings(packages_dir=folder, use_cache=False), Glossary())
    return article.segments[0].english == "The bank lowered mortgage rates."


@pytest.fixture()
def installed(tmp_path: Path) -> Path:
    folder = tmp_path / "packages"
    install_file(TINY, folder)
    return folder


def test_install_list_remove_roundtrip(tmp_path):
    folder = tmp_path / "packages"
    pkg = install_file(TINY, folder)
    assert (pkg.from_code, pkg.to_code, pkg.problem) == ("ru", "en", None)
    assert [p.pair for p in installed_packages(folder)] == ["ru->en"]
    assert translates(folder)
    assert install_file(TINY, folder).path == pkg.path  # reinstalling replaces in place
    assert [p.path for p in remove("ru", folder)] == [pkg.path]
    assert installed_packages(folder) == []
    assert not any(p.name.startswith(".polyglot") for p in tmp_path.iterdir())


@pytest.mark.parametrize(
    "files, message",
    [
        (None, "not a zip archive"),
        ({"translate-ru_en/model/model.bin": b"x"}, "no metadata.json"),
        ({"translate-ru_en/metadata.json": b"{}", "translate-ru_en/../../evil.txt": b"x"}, "unsafe path"),
        ({"/tmp/evil/metadata.json": b"{}"}, "unsafe path"),
        ({"a/metadata.json": b"{}", "b/metadata.json": b"{}"}, "exactly one top-level folder"),
        ({"translate-ru_en/metadata.json": json.dumps({"from_code": "ru", "to_code": "en"}).encode()}, "no model/model.bin"),
    ],
)
def test_bad_archives_are_refused_and_leave_installed_packages_working(installed, tmp_path, files, message):
    bad = tmp_path / "bad.argosmodel"
    if files is None:
        bad.write_bytes(b"this is not a zip file at all\n")
    else:
        make_zip(bad, files)
    with pytest.raises(ModelError) as err:
        install_file(bad, installed)
    assert message in str(err.value) and str(bad) in str(err.value)
    assert "\n" not in str(err.value)
    assert [p.pair for p in installed_packages(installed)] == ["ru->en"]
    assert translates(installed)
    assert not (tmp_path / "evil.txt").exists()
    assert not any(p.name.startswith(".polyglot") for p in installed.parent.iterdir())


def test_symlink_members_are_refused(installed, tmp_path):
    bad = tmp_path / "link.argosmodel"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("pkg/metadata.json", "{}")
        info = zipfile.ZipInfo("pkg/model")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc")
    with pytest.raises(ModelError, match="symbolic link"):
        install_file(bad, installed)


def test_a_broken_folder_does_not_hide_the_others(installed):
    (installed / "half-copied").mkdir()
    (installed / "garbage").mkdir()
    (installed / "garbage" / "metadata.json").write_text("{not json")
    assert [p.pair for p in installed_packages(installed)] == ["ru->en"]
    broken = [p for p in installed_packages(installed, include_broken=True) if p.problem]
    assert {p.path.name for p in broken} == {"half-copied", "garbage"}
    assert translates(installed)


def test_unknown_language_code_is_a_clear_error():
    with pytest.raises(ModelError, match="unknown language code 'xx'"):
        check_language("xx")
    result = runner.invoke(app, ["models", "install", "klingon"])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "unknown language code" in result.stderr


def test_packages_dir_follows_option_then_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "env"))
    assert packages_dir() == tmp_path / "env"
    assert packages_dir(tmp_path / "opt") == tmp_path / "opt"
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert packages_dir() == tmp_path / "data" / "argos-translate" / "packages"


def test_cli_install_list_remove(tmp_path):
    folder = tmp_path / "pk"
    result = runner.invoke(app, ["models", "install", "--file", str(TINY), "--dir", str(folder)])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["models", "list", "--dir", str(folder)])
    assert listed.exit_code == 0 and "ru->en" in listed.stdout
    bad = runner.invoke(app, ["models", "install", "--file", str(tmp_path / "missing.argosmodel"), "--dir", str(folder)])
    assert bad.exit_code == 1 and "no such file" in bad.stderr and "Traceback" not in bad.output
    gone = runner.invoke(app, ["models", "remove", "ru", "--dir", str(folder)])
    assert gone.exit_code == 0 and "removed ru->en" in gone.stdout
    again = runner.invoke(app, ["models", "remove", "ru", "--dir", str(folder)])
    assert again.exit_code == 1 and "no installed package" in again.stderr


def test_install_from_index_fails_fast_and_cleanly_offline(tmp_path):
    """The test session refuses network connections: the install says so in one line, installs nothing."""
    result = runner.invoke(app, ["models", "install", "ru", "--dir", str(tmp_path / "pk")])
    assert result.exit_code == 1
    assert "cannot read the Argos package index" in result.stderr and "--file" in result.stderr
    assert installed_packages(tmp_path / "pk") == []
