"""`json.dumps(value, ensure_ascii=False, indent=2)`, the same text, written faster.

The standard library's C encoder runs only when no `indent` is given (CPython 3.11); with one,
every value goes through its pure-Python generator encoder, which costs a folder of 150 digests
(8 MB of JSON) about 0.2 CPU-s. Here the containers are walked by one recursive function that
appends to a list, and each string still goes through the library's own (C) escaping, so the
text is the same. A value of a type this module does not walk (a tuple, a non-string key, a
subclass, NaN) is handed to `json.dumps` whole. `write_list` writes a list item by item.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C escaper when the accelerator is built, as json uses

_INDENT = "  "


class _Unplain(Exception):
    """A value outside what `_write` walks: the caller falls back to `json.dumps`."""


def dumps(value) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`."""
    return _text_at(value, "\n")


def write_list(values, write) -> None:
    """Write `dumps(list(values))` piece by piece with `write` (a function taking a str), one value
    at a time: a folder's digests need not all be turned into dicts, nor their text held, at once."""
    inner = "\n" + _INDENT
    first = True
    for value in values:
        write(("[" if first else ",") + inner + _text_at(value, inner))
        first = False
    write("[]" if first else "\n]")


def _text_at(value, newline: str) -> str:
    """`value`'s text at the level whose line breaks are `newline` (a line break and its indentation)."""
    out: list[str] = []
    try:
        _write(value, out.append, newline)
    except _Unplain:
        # JSON text has no line break inside a string, so each of its breaks is a level's
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)
    return "".join(out)


def _write(value, out, newline: str) -> None:
    # `out` appends a piece of the text; `newline` is a line break and the indentation of `value`'s level
    kind = type(value)
    if kind is str:
        out(encode_basestring(value))
    elif value is None:
        out("null")
    elif value is True:
        out("true")
    elif value is False:
        out("false")
    elif kind is int:
        out(int.__repr__(value))
    elif kind is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise _Unplain  # NaN and the infinities: json's own spelling
        out(float.__repr__(value))
    elif kind is list:
        if not value:
            out("[]")
            return
        inner = newline + _INDENT
        out("[")
        for i, item in enumerate(value):
            out(inner if i == 0 else "," + inner)
            _write(item, out, inner)
        out(newline + "]")
    elif kind is dict:
        if not value:
            out("{}")
            return
        inner = newline + _INDENT
        out("{")
        first = True
        for key, item in value.items():
            if type(key) is not str:
                raise _Unplain  # json turns such keys into strings its own way
            out(inner if first else "," + inner)
            first = False
            out(encode_basestring(key))
            out(": ")
            _write(item, out, inner)
        out(newline + "}")
    else:
        raise _Unplain
