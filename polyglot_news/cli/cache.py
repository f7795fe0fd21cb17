"""`polyglot-news cache info|clear`: the persistent translation cache."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import ConfigError
from .app import group, reports_errors

cache_app = group("cache", "Inspect or clear the persistent translation cache.")

PATH_HELP = "Cache file (default: $POLYGLOT_NEWS_CACHE, else ~/.cache/polyglot-news/translations.sqlite3)."


def _open(path: Optional[Path]):
    from ..config import default_cache_path
    from ..translate.cache import open_cache

    cache, problem = open_cache(path or default_cache_path())
    if cache is None:
        raise ConfigError(problem)
    return cache


@cache_app.command("info")
@reports_errors
def info_command(path: Optional[Path] = typer.Option(None, "--path", help=PATH_HELP)) -> None:
    """Show where the cache is and how many sentence translations it holds.

    Example: polyglot-news cache info
    """
    cache = _open(path)
    size = cache.path.stat().st_size if cache.path.exists() else 0
    typer.echo(f"{cache.path}: {cache.count()} sentences from {cache.models()} model setting(s), {size // 1024} KB")
    cache.close()


@cache_app.command("clear")
@reports_errors
def clear_command(path: Optional[Path] = typer.Option(None, "--path", help=PATH_HELP)) -> None:
    """Delete every cached translation (the next digest translates again).

    Example: polyglot-news cache clear
    """
    cache = _open(path)
    n = cache.clear()
    cache.close()
    typer.echo(f"cleared {n} cached translations from {cache.path}")
