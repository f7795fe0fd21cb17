"""JSON: the digest's JSON contract (`Digest.to_json`), pretty-printed with non-ASCII kept as is."""

from __future__ import annotations

from ..model import Digest
from .indented_json import dumps


def json_digest(digest: Digest) -> str:
    """The JSON contract of one digest, indented by 2, ending in a newline (`json.dumps`'s text)."""
    return dumps(digest.to_json()) + "\n"
