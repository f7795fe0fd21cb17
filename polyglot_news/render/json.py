"""JSON: the digest's JSON contract (`Digest.to_json`), pretty-printed with non-ASCII kept as is."""

from __future__ import annotations

import json

from ..model import Digest


def json_digest(digest: Digest) -> str:
    """The JSON contract of one digest, indented by 2, ending in a newline."""
    return json.dumps(digest.to_json(), ensure_ascii=False, indent=2) + "\n"
