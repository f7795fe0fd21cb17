"""Argos Translate packages: where they live, which are installed, installing and removing them.

Discovery reads each package's metadata.json itself (no argostranslate import), skips folders
that are not packages, and reports broken ones instead of failing, so one bad folder never hides
the others. Installing validates the archive (a zip, one top folder with metadata.json and a
model, no path escaping the target, no member compressed beyond 50:1), checks the metadata
(known codes, a translation into English or a pivot, a string version), loads the model and
translates one word with it, extracts it beside the packages folder and renames it in,
so a failed or interrupted install leaves nothing half-written where Argos looks.

This is the only module that uses the network, and only in `index_packages` and
`install_from_index` (`polyglot-news models list --available` and `models install LANG`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

from ..errors import ModelError
from ..text.languages import ARGOS_CODES

INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
MAX_UNPACKED = 4 * 1024**3  # refuse archives that would unpack to more than this (zip bombs)
# model weights barely compress (about 1.1:1), tokenizers and vocabularies 2-4:1; a member that
# shrank more than this in the archive is a bomb, however small the archive
MAX_RATIO = 50
_RATIO_FLOOR = 1024 * 1024  # small members (metadata, READMEs) may compress as well as they like

def check_language(code: str) -> str:
    """Return `code` normalised, or raise ModelError naming the unknown code."""
    norm = code.strip().lower()
    if norm not in ARGOS_CODES:
        raise ModelError(f"unknown language code {code!r}: use an ISO 639-1 code such as ru, uk, de")
    return norm


def packages_dir(explicit: Path | None = None) -> Path:
    """Where packages are installed: `explicit`, else $ARGOS_PACKAGES_DIR, else Argos's own folder."""
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env)
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "argos-translate" / "packages"


@dataclass(frozen=True)
class InstalledPackage:
    """An installed package folder and what its metadata.json says (`problem` if it is broken)."""

    path: Path
    from_code: str = ""
    to_code: str = ""
    version: str = ""
    problem: str | None = None

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"


def read_package(path: Path) -> InstalledPackage:
    """Read one package folder; a broken one comes back with `problem` set, never raises."""
    meta = path / "metadata.json"
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return InstalledPackage(path, problem="no metadata.json")
    except (OSError, ValueError) as e:
        return InstalledPackage(path, problem=f"unreadable metadata.json ({e})")
    if not isinstance(data, dict):
        return InstalledPackage(path, problem="metadata.json is not an object")
    if data.get("type", "translate") != "translate":
        return InstalledPackage(path, problem=f"not a translation package (type {data.get('type')!r})")
    src, dst = data.get("from_code"), data.get("to_code")
    if not isinstance(src, str) or not isinstance(dst, str):
        return InstalledPackage(path, problem="metadata.json lacks from_code/to_code")
    problem = None
    if not (path / "model" / "model.bin").is_file():
        problem = "no model/model.bin"
    elif not ((path / "sentencepiece.model").is_file() or (path / "bpe.model").is_file()):
        problem = "no sentencepiece.model or bpe.model"
    return InstalledPackage(path, src, dst, str(data.get("package_version", "")), problem)


def installed_packages(folder: Path | None = None, *, include_broken: bool = False) -> list[InstalledPackage]:
    """The packages in `folder` (default: `packages_dir()`), sorted by language pair."""
    root = packages_dir(folder)
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.iterdir()):
        if not path.is_dir() or path.name.startswith("."):
            continue
        pkg = read_package(path)
        if pkg.problem is None or include_broken:
            found.append(pkg)
    return sorted(found, key=lambda p: (p.from_code, p.to_code, p.path.name))


def _top_folder(zf: zipfile.ZipFile, file: Path) -> str:
    """The archive's single top-level folder, after checking that no member escapes it."""
    tops = set()
    total = 0
    for info in zf.infolist():
        name = info.filename
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "\\")) or ".." in parts or "\\" in name or (parts and ":" in parts[0]):
            raise ModelError(f"{file}: unsafe path {name!r} in archive (would escape the packages folder)")
        if (info.external_attr >> 16) & 0o170000 == 0o120000:
            raise ModelError(f"{file}: archive contains a symbolic link {name!r}")
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise ModelError(f"{file}: member {name!r} unpacks {info.file_size // max(1, info.compress_size)} times "
                             f"larger than it is stored (more than {MAX_RATIO}:1 is a zip bomb, not a model)")
        if parts:
            tops.add(parts[0] if len(parts) > 1 or info.is_dir() else "")
    if total > MAX_UNPACKED:
        raise ModelError(f"{file}: archive unpacks to {total // 1024**2} MB, more than allowed")
    if len(tops) != 1 or "" in tops:
        raise ModelError(f"{file}: an .argosmodel holds exactly one top-level folder (found {len(tops)})")
    top = tops.pop()
    if f"{top}/metadata.json" not in zf.namelist():
        raise ModelError(f"{file}: no metadata.json in the package folder {top!r}")
    return top


def check_metadata(staging: Path, file: Path, root: Path) -> None:
    """Refuse a package whose metadata is not a translation into English (or into a pivot).

    Codes must be known ISO 639-1 codes and differ; `to_code` must be `en`, or a language
    that an installed package already translates into English (a pivot: X->Y then Y->en);
    `package_version`, when present, must be a string.
    """
    try:
        data = json.loads((staging / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(f"{file}: unreadable metadata.json ({e})") from None
    src, dst, version = data.get("from_code"), data.get("to_code"), data.get("package_version", "")
    for field, value in (("from_code", src), ("to_code", dst)):
        if not isinstance(value, str) or value.strip().lower() not in ARGOS_CODES or value != value.strip().lower():
            raise ModelError(f"{file}: metadata.json {field} {value!r} is not a language code we know")
    if src == dst or src == "en":
        raise ModelError(f"{file}: a {src}->{dst} package does not translate into English")
    if not isinstance(version, str):
        raise ModelError(f"{file}: metadata.json package_version {version!r} is not a string")
    if dst != "en":
        hubs = {p.from_code for p in installed_packages(root) if p.to_code == "en"}
        if dst not in hubs:
            raise ModelError(f"{file}: a {src}->{dst} package translates into {dst}, not English, and no {dst}->en "
                             f"package is installed to pivot through; install {dst}->en first")


def try_model(path: Path, file: Path) -> None:
    """Load the package's tokenizer and model and decode a few tokens with it, or raise ModelError.

    Run on the unpacked copy before it replaces anything, so a package that would fail on
    the first digest never displaces one that works. (CTranslate2 and SentencePiece are
    used directly: the translator module imports this one.)
    """
    try:
        import ctranslate2

        pieces = ["\u2581test"]
        if (path / "sentencepiece.model").is_file():
            import sentencepiece

            sp = sentencepiece.SentencePieceProcessor(model_file=str(path / "sentencepiece.model"))
            pieces = sp.encode("test", out_type=str) or pieces
        model = ctranslate2.Translator(str(path / "model"), device="cpu", inter_threads=1, intra_threads=1)
        model.translate_batch([pieces], beam_size=1, max_decoding_length=4)
        del model
    except Exception as e:  # damaged weights or tokenizer show up as RuntimeError, IndexError, OSError...
        raise ModelError(f"{file}: not a working model ({type(e).__name__}: {e})") from None


def install_file(file: Path, folder: Path | None = None) -> InstalledPackage:
    """Install a local .argosmodel file into `folder` (default: `packages_dir()`); offline.

    Raises ModelError for anything that is not a valid package; nothing is left behind then.
    Reinstalling the same package folder replaces it.
    """
    file = Path(file)
    if not file.is_file():
        raise ModelError(f"{file}: no such file")
    if not zipfile.is_zipfile(file):
        raise ModelError(f"{file}: not a zip archive (an .argosmodel package is a zip file)")
    root = packages_dir(folder)
    root.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(file) as zf:
            top = _top_folder(zf, file)
            # unpack beside the packages folder, never inside it, so a crash leaves nothing Argos reads
            staging = Path(tempfile.mkdtemp(prefix=".polyglot-news-install-", dir=root.parent))
            try:
                zf.extractall(staging)
                pkg = read_package(staging / top)
                if pkg.problem:
                    raise ModelError(f"{file}: not a usable translation package: {pkg.problem}")
                check_metadata(staging / top, file, root)
                try_model(staging / top, file)
                target = root / top
                old = None
                if target.exists():
                    old = staging / ".replaced"
                    target.rename(old)
                try:
                    (staging / top).rename(target)
                except OSError:
                    if old is not None:
                        old.rename(target)
                    raise
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except zipfile.BadZipFile as e:
        raise ModelError(f"{file}: damaged zip archive ({e})") from None
    except OSError as e:
        raise ModelError(f"{file}: cannot install into {root}: {e.strerror or e}") from None
    return read_package(target)


def remove(lang: str, folder: Path | None = None) -> list[InstalledPackage]:
    """Remove the installed packages that translate from `lang`; returns what was removed."""
    code = check_language(lang)
    victims = [p for p in installed_packages(folder, include_broken=True) if p.from_code == code]
    if not victims:
        raise ModelError(f"no installed package translates from {code} (in {packages_dir(folder)})")
    for pkg in victims:
        shutil.rmtree(pkg.path)
    return victims


def index_packages(timeout: float = 5.0) -> list[dict]:
    """The Argos package index (network). Raises ModelError quickly when offline."""
    import urllib.request

    try:
        with urllib.request.urlopen(INDEX_URL, timeout=timeout) as response:
            data = json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(f"cannot read the Argos package index ({e}); offline, use: polyglot-news models install --file X.argosmodel") from None
    return [p for p in data if isinstance(p, dict) and p.get("type", "translate") == "translate"]


def install_from_index(
    lang: str,
    folder: Path | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    timeout: float = 30.0,
) -> InstalledPackage:
    """Download and install the `lang`->en package (network); `progress(done, total)` per chunk."""
    import urllib.request

    code = check_language(lang)
    entries = index_packages(timeout=min(timeout, 10.0))
    entry = next((p for p in entries if p.get("from_code") == code and p.get("to_code") == "en"), None)
    if entry is None:
        raise ModelError(f"the Argos index has no {code}->en package")
    links = entry.get("links") or []
    if not links:
        raise ModelError(f"the Argos index lists no download link for {code}->en")
    root = packages_dir(folder)
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=".argosmodel", dir=root.parent, prefix=".polyglot-news-download-") as tmp:
        try:
            with urllib.request.urlopen(links[0], timeout=timeout) as response:
                total = response.length
                done = 0
                while chunk := response.read(1 << 16):
                    tmp.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
        except OSError as e:
            raise ModelError(f"download of {code}->en failed ({e}); nothing was installed") from None
        tmp.flush()
        return install_file(Path(tmp.name), folder)
