"""Which day an article belongs to: the date written in its path, else its file's local mtime date.

Scrapers name files or folders by date more reliably than they keep mtimes (a copy or a
checkout resets them), so the path wins when it has one; the last date in the path wins.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path

from ..errors import ConfigError

_DATE_IN_PATH = re.compile(r"(?<!\d)(20\d\d|19\d\d)([-_./]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_path(rel: str) -> date | None:
    """The last date written in a relative path (e.g. `2026-11-27/bbc.txt`, `ria_20261127.html`), or None."""
    found = None
    for m in _DATE_IN_PATH.finditer(rel):
        try:
            found = date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
    return found


def article_date(path: Path, rel: str) -> date:
    """The day an input belongs to: the date in its path, else its mtime's local date."""
    return date_in_path(rel) or datetime.fromtimestamp(os.stat(path).st_mtime).date()


def parse_day(text: str | None) -> date:
    """A `--date` value (YYYY-MM-DD) as a date; today when None."""
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"--date {text!r}: expected YYYY-MM-DD") from None
