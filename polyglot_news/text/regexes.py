"""`re` with compiled patterns kept between runs: a drop-in for modules with many large patterns.

    from ..text import regexes as re   # re.compile, re.I, re.sub... as in the standard module

Compiling a regular expression runs the standard library's parser and code generator in
Python: the clean stage's line patterns cost a one-page digest about 0.09 CPU-seconds a run,
more than its language detection. `compile` here keeps what the code generator produced (the
program the C matcher runs, with the group names) in the precompiled-tables folder
(`precompiled.py`) and hands it straight to the matcher in later runs, so the pattern object is
the one `re.compile` would build (equal to it: same pattern, flags and program).

The table's key holds the Python version and the files of the `re` compiler, so another Python
rebuilds it. Anything unusual (bytes patterns, the DEBUG flag, an interpreter whose internals
differ, no cache folder) falls back to `re.compile`. Patterns compiled in a run and missing
from the table are added when the process exits. Only `compile` goes through the table: the
module-level functions (`re.sub`, `re.findall`...) are the standard ones.
"""

from __future__ import annotations

import atexit
import re as _re
import sys
from pathlib import Path
from re import *  # noqa: F401,F403 - the drop-in: flags, sub, escape, error, Pattern...

__all__ = list(_re.__all__)

_FORMAT = 1
_MOST = 4096  # patterns a table holds: a module that compiles patterns made from its input adds no more
_table: dict | None = None  # (pattern, flags) -> (flags, code, groups, groupindex, indexgroup)
_added: list[int] = []  # patterns compiled this run that the stored table lacks


def _internals():
    """The standard library's regex compiler and the C matcher's constructor, or None if absent."""
    try:
        import _sre
        from re import _compiler, _parser

        return _sre, _compiler, _parser
    except ImportError:
        return None


def _path() -> Path | None:
    from .precompiled import _key, table_dir

    parts = _internals()
    folder = table_dir()
    if parts is None or folder is None:
        return None
    _sre, compiler, parser = parts
    sources = [Path(compiler.__file__), Path(parser.__file__)]
    return folder / f"regexes-{_sre.MAGIC}-{_key(f'regexes-{_FORMAT}-{sys.version}', sources)}.marshal"


def _load() -> dict:
    global _table
    if _table is None:
        import marshal

        _table = {}
        try:
            path = _path()
            if path is not None:
                stored = marshal.loads(path.read_bytes())
                if isinstance(stored, dict):
                    _table = stored
        except (OSError, EOFError, ValueError, TypeError):
            pass
    return _table


def _program(pattern: str, flags: int) -> tuple:
    """What the code generator makes of `pattern` (as `re._compiler.compile` computes it)."""
    _sre, compiler, parser = _internals()
    p = parser.parse(pattern, flags)
    code = compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    # the opcodes are int subclasses (named constants): plain ints are what the matcher reads
    return (int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1, groupindex, tuple(indexgroup))


def compile(pattern, flags=0):  # noqa: A001 - the drop-in's name
    """`re.compile(pattern, flags)`, from the stored program when this pattern was compiled before."""
    flags = int(flags)
    if not isinstance(pattern, str) or flags & _re.DEBUG or _internals() is None:
        return _re.compile(pattern, flags)
    table = _load()
    key = (pattern, flags)
    stored = table.get(key)
    try:
        if stored is None:
            if len(table) >= _MOST:
                return _re.compile(pattern, flags)
            stored = table[key] = _program(pattern, flags)
            if not _added:
                atexit.register(_save)
            _added.append(1)
        _sre = _internals()[0]
        final, code, groups, groupindex, indexgroup = stored
        return _sre.compile(pattern, final, code, groups, groupindex, indexgroup)
    except Exception:  # noqa: BLE001 - internals that differ from what we expect: the standard way
        table.pop(key, None)
        return _re.compile(pattern, flags)


def _save() -> None:
    """Store the table with this run's new patterns (atomically; a failure only costs time)."""
    import marshal

    try:
        path = _path()
        if path is None or _table is None:
            return
        from ..atomic import write_atomic

        write_atomic(path, marshal.dumps(_table), durable=False)
    except (OSError, ValueError):
        pass
