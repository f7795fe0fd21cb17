"""Session set-up shared by every test: a private Argos folder, a private cache, and no network.

Runs before any test module imports argostranslate (whose settings module creates folders
under ~/.local/share at import time), so nothing in the user's home is read or written:
ARGOS_PACKAGES_DIR and the XDG folders point into a temporary directory, as does the
translation cache. The default packages folder starts empty (the "no model" case); tests
that want the tiny ru->en model use the `tiny_models` fixture. An audit hook refuses every
network connection that is not to this machine, so a test that would reach out fails.
"""

from __future__ import annotations

import atexit
import ipaddress
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
TINY_PACKAGE = FIXTURES / "tiny-ru-en.argosmodel"
LOOPING_PACKAGE = FIXTURES / "tiny-ru-en-looping.argosmodel"

_SESSION_ROOT = Path(tempfile.mkdtemp(prefix="polyglot-news-tests-"))
atexit.register(shutil.rmtree, _SESSION_ROOT, True)
os.environ.update(
    {
        "ARGOS_PACKAGES_DIR": str(_SESSION_ROOT / "argos-packages"),
        "XDG_DATA_HOME": str(_SESSION_ROOT / "xdg-data"),
        "XDG_CONFIG_HOME": str(_SESSION_ROOT / "xdg-config"),
        "XDG_CACHE_HOME": str(_SESSION_ROOT / "xdg-cache"),
        "POLYGLOT_NEWS_CACHE": str(_SESSION_ROOT / "translations.sqlite3"),
        "ARGOS_DEVICE_TYPE": "cpu",
        "ARGOS_INTRA_THREADS": "1",  # the tiny model gains nothing from threads on a shared machine
        # Argos's default "auto" runs models as int8, whose rounding flips a few tokens of a model
        # this small; float32 keeps the tiny model's outputs exactly what it was trained on
        "ARGOS_COMPUTE_TYPE": "float32",
    }
)
(_SESSION_ROOT / "argos-packages").mkdir()


def _is_local(address) -> bool:
    """True for Unix sockets and loopback addresses (tests may talk to this machine only)."""
    if not isinstance(address, tuple) or not address:
        return True
    if address[0] is None:
        return True
    host = str(address[0])
    if host in ("localhost", "", "0.0.0.0"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse_network(event: str, args: tuple) -> None:
    if event == "socket.connect" and not _is_local(args[1]):
        raise ConnectionRefusedError(f"tests must not use the network (connect to {args[1]!r})")
    if event == "socket.getaddrinfo" and not _is_local((args[0],)):
        raise ConnectionRefusedError(f"tests must not use the network (lookup of {args[0]!r})")


sys.addaudithook(_refuse_network)


def install_into(package: Path, folder: Path) -> Path:
    """Install an .argosmodel into `folder` with our own installer; returns the folder."""
    from polyglot_news.translate.models import install_file

    install_file(package, folder)
    return folder


@pytest.fixture(scope="session")
def tiny_models_dir() -> Path:
    """A packages folder holding the tiny ru->en package (trained on tests/fixtures/tiny_pairs.tsv)."""
    return install_into(TINY_PACKAGE, _SESSION_ROOT / "tiny-packages")


@pytest.fixture(scope="session")
def looping_models_dir() -> Path:
    """A packages folder holding the deliberately broken ru->en package that loops."""
    return install_into(LOOPING_PACKAGE, _SESSION_ROOT / "looping-packages")


@pytest.fixture()
def tiny_models(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the tiny ru->en package the installed one (ARGOS_PACKAGES_DIR) for this test."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tiny_models_dir))
    return tiny_models_dir


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty translation cache file for this test (POLYGLOT_NEWS_CACHE)."""
    path = tmp_path / "cache.sqlite3"
    monkeypatch.setenv("POLYGLOT_NEWS_CACHE", str(path))
    return path
