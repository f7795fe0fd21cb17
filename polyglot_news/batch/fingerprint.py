"""What decides whether an input is done: the settings' fingerprint and the content hash.

A change of version, settings, formats, installed models or glossary files changes the
fingerprint, and every input is redone; a change of bytes changes the content hash.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Iterable

from .. import __version__
from ..config import Settings


def _argos_packages_dir(settings: Settings) -> Path:
    if settings.packages_dir:
        return Path(settings.packages_dir)
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env)
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "argos-translate" / "packages"


def _glossary_files(settings: Settings) -> list[Path]:
    from ..curated.store import shipped_dir

    dirs = ([shipped_dir()] if settings.use_shipped_glossaries else []) + [Path(d) for d in settings.glossary_dirs]
    files: list[Path] = []
    for d in dirs:
        if Path(d).is_dir():
            files += sorted(p for p in Path(d).rglob("*") if p.is_file())
    return files


def settings_fingerprint(settings: Settings, formats: Iterable[str]) -> str:
    """A short hash of everything besides the input that decides the outputs.

    Covers the settings that change a digest (not the cache's location), the formats,
    the program version, the contents of every glossary file read, and which translation
    packages are installed. Any change makes the next batch run redo every input.
    """
    h = hashlib.sha256()
    s = asdict(settings)
    for key in ("cache_path", "use_cache", "packages_dir", "glossary_dirs"):
        s.pop(key, None)
    h.update(json.dumps({"settings": s, "formats": sorted(formats), "version": __version__}, sort_keys=True, default=str).encode())
    for p in _glossary_files(settings):
        h.update(p.name.encode() + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    try:
        for p in sorted(_argos_packages_dir(settings).iterdir()):
            h.update(f"{p.name}:{p.stat().st_mtime_ns}\0".encode())
    except OSError:  # no packages folder (or not ours to read): no models
        h.update(b"<no models>")
    return h.hexdigest()[:16]


def content_hash(data: bytes) -> str:
    """SHA-256 of an input's bytes, as hex."""
    return hashlib.sha256(data).hexdigest()
