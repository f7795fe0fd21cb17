"""User-facing errors. The CLI turns these into one line on stderr and a non-zero exit.

Raise a subclass with a message the user can act on; tracebacks are for bugs only.
"""

from __future__ import annotations


class PolyglotError(Exception):
    """Base of every error that is the user's input or environment, not our bug."""

    exit_code = 1


class InputError(PolyglotError):
    """A source that cannot be read: missing, empty, binary, undecodable, a dir with nothing in it."""


class GlossaryError(PolyglotError):
    """A glossary file that is malformed; carries the file and line in its message."""


class ModelError(PolyglotError):
    """A translation package that is missing, broken, or cannot be installed."""


class ConfigError(PolyglotError):
    """A bad option value or setting."""
