"""polyglot-news: offline English digests of scraped news in any language.

    from polyglot_news import digest, detect_language
    d = digest("samples/ru-article.txt")
    print(d.to_json()["summary"])
    detect_language("Подписаться").lang   # 'ru'

Imports are lazy so that `import polyglot_news` stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["digest", "digest_many", "detect_language", "Settings", "PolyglotError"]


def __getattr__(name: str):
    if name in ("digest", "digest_many"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "detect_language":
        from .detect import detect_language

        return detect_language
    if name == "Settings":
        from .config import Settings

        return Settings
    if name == "PolyglotError":
        from .errors import PolyglotError

        return PolyglotError
    raise AttributeError(name)
