"""`polyglot-news cache info|clear`: the persistent translation cache."""

from __future__ import annotations

import sys
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


def _query(cache, run):
    """A cache query as the CLI runs it: SQLite failures become one line."""
    import sqlite3

    try:
        return run()
    except (sqlite3.Error, OSError) as e:
        raise ConfigError(f"translation cache {cache.path}: {e}") from None


@cache_app.command("info")
@reports_errors
def info_command(path: Optional[Path] = typer.Option(None, "--path", help=PATH_HELP)) -> None:
    """Show where the cache is and how many sentence translations it holds.

    Example: polyglot-news cache info
    """
    cache = _open(path)
    count, models = _query(cache, cache.count), _query(cache, cache.models)
    size = cache.path.stat().st_size if cache.path.exists() else 0
    for note in cache.notes:
        print(f"note: {note}", file=sys.stderr)
    typer.echo(f"{cache.path}: {count} sentences from {models} model setting(s), {size // 1024} KB")
    cache.close()


@cache_app.command("clear")
@reports_errors
def clear_command(path: Optional[Path] = typer.Option(None, "--path", help=PATH_HELP)) -> None:
    """Delete every cached translation (the next digest translates again).

    Example: polyglot-news cache clear
    """
    cache = _open(path)
    n = _query(cache, cache.clear)
    cache.close()
    if cache.notes:  # it was damaged: what was readable is gone with the rest
        typer.echo(f"the cache {cache.path} was damaged; replaced it with an empty one")
        return
    typer.echo(f"cleared {n} cached translations from {cache.path}")
