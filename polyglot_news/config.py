"""Settings for one run: what the CLI builds from options and the library accepts as `settings=`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_cache_path() -> Path:
    """Where the persistent translation cache lives: $POLYGLOT_NEWS_CACHE or the XDG cache dir."""
    env = os.environ.get("POLYGLOT_NEWS_CACHE")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "polyglot-news" / "translations.sqlite3"


def user_glossary_dirs() -> list[Path]:
    """Glossary folders the user configured: $POLYGLOT_NEWS_GLOSSARIES (os.pathsep-separated), then
    ~/.config/polyglot-news/glossaries (or under $XDG_CONFIG_HOME) when that folder exists."""
    dirs = [Path(p) for p in os.environ.get("POLYGLOT_NEWS_GLOSSARIES", "").split(os.pathsep) if p.strip()]
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    own = base / "polyglot-news" / "glossaries"
    try:
        if own.is_dir():
            dirs.append(own)
    except OSError:  # a config folder this user may not even look into is not one they set up
        pass
    return dirs


TRANSLATE_MODES = ("summary", "all", "none")


@dataclass
class Settings:
    """Options of a digest run. Every field has a default a user would want."""

    # summary length: exactly one of sentences / words / ratio is used (words and ratio win if set)
    sentences: int = 3
    words: int | None = None
    ratio: float | None = None
    algorithm: str = "news"  # ours; beats Lead and sumy on bench/summary.py
    # translation
    translate: bool = True  # False: nothing goes to a model, whatever translate_mode says
    # what goes to the model: "summary" (the title, the summary chosen in the article's own
    # language, the UI strings the notes quote, the curated terms alone), "all" (every title,
    # body and UI segment, then the summary is chosen in English), "none" (nothing)
    translate_mode: str = "summary"
    use_cache: bool = True
    cache_path: Path = field(default_factory=default_cache_path)
    packages_dir: Path | None = None  # else ARGOS_PACKAGES_DIR / Argos's own default
    beam_size: int = 4
    max_output_tokens: int = 256  # per sentence; Argos's (CTranslate2's) default limit
    guard_translations: bool = True  # retry, then flag, outputs that look like NMT failures
    # glossaries: the shipped folder is always read; these are added
    glossary_dirs: list[Path] = field(default_factory=list)
    use_shipped_glossaries: bool = True

    @property
    def mode(self) -> str:
        """The translation mode that runs: translate_mode (lower-cased), or "none" when translation is off.

        An unknown mode is returned as it is; `pipeline` refuses it with a ConfigError."""
        mode = (self.translate_mode or "").strip().lower()
        return mode if self.translate else "none"
