"""Bytes to clean Unicode text: encoding detection and the clean-up every source gets.

`decode_bytes(data)` returns `(text, encoding)` or raises `UndecodableError`. The order:
a BOM; strict UTF-8; UTF-16 without a BOM (one byte of each pair nearly constant); then, for
bytes whose high half forms runs of letters, a Cyrillic check that tells Windows-1251
from KOI8-R by letter case and letter frequency (charset-normalizer is weak on short
Cyrillic); then charset-normalizer for everything else. Nothing falls back to Latin-1
silently: bytes no detector accepts raise. The decoded text then has earlier wrong-code-page
damage undone, word by word, where one mapping clearly explains it (`mojibake.py`).

`clean_text(text)` is the Unicode clean-up: NFC, no-break and other odd spaces become a
plain space, zero-width characters and soft hyphens go, control characters go, line ends
become `\\n`.
"""

from __future__ import annotations

from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)
import unicodedata

from .mojibake import repair_mojibake

BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# the most frequent Russian/Ukrainian lowercase letters; real text is full of them
_COMMON_CYRILLIC = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфёъіїє")


class UndecodableError(ValueError):
    """Bytes that are binary or in no encoding we can identify."""


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when one byte of each pair stays in a few values, as in BOM-less UTF-16.

    The high byte of UTF-16 text in one or two scripts takes one or two values (0x00 for
    ASCII, 0x04 for Cyrillic...), while the low byte varies like text.
    """
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None

    def concentration(half: bytes) -> float:
        counts = sorted((half.count(b) for b in set(half)), reverse=True)
        return sum(counts[:2]) / len(half)

    even, odd = concentration(sample[0::2]), concentration(sample[1::2])
    if odd >= 0.85 and even < 0.6:
        return "utf-16-le"
    if even >= 0.85 and odd < 0.6:
        return "utf-16-be"
    return None


def _cyrillic_score(text: str) -> float:
    """How much `text` looks like real Cyrillic prose: lowercase, frequent letters, few capitals."""
    lower = upper = common = 0
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            if ch.islower():
                lower += 1
                if ch in _COMMON_CYRILLIC:
                    common += 1
            else:
                upper += 1
    letters = lower + upper
    if not letters:
        return 0.0
    # prose is mostly lowercase; the wrong code page swaps case, so capitals dominate
    return (lower + common) / letters


def _high_bytes_in_runs(data: bytes) -> float:
    """Share of bytes >= 0x80 that have a high neighbour: words in a single-byte non-Latin script."""
    high = in_run = 0
    n = len(data)
    for i, b in enumerate(data):
        if b >= 0x80:
            high += 1
            if (i > 0 and data[i - 1] >= 0x80) or (i + 1 < n and data[i + 1] >= 0x80):
                in_run += 1
    return in_run / high if high else 0.0


def _cyrillic_codepage(data: bytes) -> str | None:
    """'cp1251' or 'koi8-r' when the bytes read as Cyrillic prose in one of them, else None."""
    if _high_bytes_in_runs(data[:20000]) < 0.5:
        return None
    best, best_score = None, 0.0
    for enc in ("cp1251", "koi8-r"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        letters = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
        high = sum(1 for b in data if b >= 0x80)
        if not high or letters / high < 0.7:
            continue
        score = _cyrillic_score(text)
        if score > best_score:
            best, best_score = enc, score
    return best if best_score >= 1.0 else None


_BINARY = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def _looks_binary(text: str) -> bool:
    """True when decoded text has more than 1% control characters or replacement marks."""
    sample = text[:200000]
    return bool(sample) and len(_BINARY.findall(sample)) / len(sample) > 0.01


# C0 controls that never belong in text (tab, line ends, form feed and ESC are left to clean_text)
_STRAY = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B)) + b"\x7f"
_STRAY_SHARE = 0.05  # more than this and the file is binary (random bytes hold 12%), not text with stray bytes
_BAD_UTF8_SHARE = 0.01  # invalid bytes a page may hold and still count as UTF-8


_SURROGATE = re.compile("[\udc80-\udcff]")


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """Text and a note for bytes that are UTF-8 but for a few invalid bytes; else None.

    A page in a single-byte code page has almost no valid multi-byte UTF-8 sequences, so
    the valid ones must clearly outnumber the bad bytes: that tells a UTF-8 page with a
    damaged byte or two from a Windows-1252 page.
    """
    text = data.decode("utf-8", "surrogateescape")  # each invalid byte becomes one lone surrogate
    bad = [m.start() for m in _SURROGATE.finditer(text)]
    if not bad or len(bad) > _BAD_UTF8_SHARE * len(data):
        return None
    # characters above ASCII (what the ASCII encoder drops), counted without a Python loop over the page
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - len(bad)
    if multibyte < 3 * len(bad):
        return None
    shown = [len(text[:i].encode("utf-8", "surrogateescape")) for i in bad[:8]]
    where = ", ".join(map(str, shown)) + (f" and {len(bad) - 8} more" if len(bad) > 8 else "")
    note = f"{len(bad)} invalid UTF-8 byte(s) replaced with \ufffd (byte offset {where})"
    return _SURROGATE.sub("\ufffd", text), note


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode `data` to text and name the encoding used; `declared` is an HTML/XML charset to try.

    Raises UndecodableError for binary data or bytes no detector can identify.
    """
    text, encoding, _ = decode_noted(data, declared)
    return text, encoding


def decode_noted(data: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """`decode_bytes`, with notes on what was repaired: stray control bytes, invalid UTF-8, mojibake.

    A few NUL or control bytes inside good text are dropped (a note says how many); more
    than 5% of them is binary and raises. A UTF-8 page with a few invalid bytes decodes
    as UTF-8 with U+FFFD in their place and a note giving their offsets, instead of
    being guessed as some code page where every other character is wrong. Words that were
    mis-decoded before they reached us ("fьr", "siД™") are repaired (see `mojibake.py`),
    with a note per mapping.
    """
    notes: list[str] = []
    stripped = data.translate(None, _STRAY)
    removed = len(data) - len(stripped)
    # the NUL bytes of UTF-16 are its text, not stray bytes (asked only when some would go)
    if removed and not data.startswith(tuple(b for b, _ in BOMS)) and _utf16_without_bom(data) is None:
        if removed > _STRAY_SHARE * len(data):
            raise UndecodableError("binary data (NUL or control bytes)")
        notes.append(f"removed {removed} stray NUL or control byte(s) from the input")
        data = stripped
    text, encoding, note = _decode(data, declared)
    if note:
        notes.append(note)
    text, repaired = repair_mojibake(text)
    return text, encoding, notes + repaired


def _decode(data: bytes, declared: str | None) -> tuple[str, str, str | None]:
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc.replace("-sig", "")), enc, None
            except UnicodeDecodeError as e:
                raise UndecodableError(f"starts with a {enc} byte-order mark but byte {e.start} is invalid") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text and not _looks_binary(text):
        return text, "utf-8", None
    # UTF-16 without a BOM is valid UTF-8 when it is all ASCII and Cyrillic, so it is checked second
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text16 = data.decode(utf16)
            letters = sum(1 for ch in text16 if ch.isalpha() or ch.isspace())
            if not _looks_binary(text16) and letters / max(1, len(text16)) > 0.7:
                return text16, utf16, None
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192] or text is not None:
        raise UndecodableError("binary data (NUL or control bytes)")
    mostly = _mostly_utf8(data)
    if mostly is not None and not _looks_binary(mostly[0].replace("\ufffd", "")):
        return mostly[0], "utf-8", mostly[1]
    if declared:
        try:
            text = data.decode(declared)
            if not _looks_binary(text):
                return text, declared.lower(), None
        except (UnicodeDecodeError, LookupError):
            pass
    cyrillic = _cyrillic_codepage(data)
    if cyrillic:
        return data.decode(cyrillic), cyrillic, None
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None or match.encoding is None:
        raise UndecodableError("not text in any encoding we recognise")
    text = str(match)
    if _looks_binary(text):
        raise UndecodableError("binary data")
    return text, match.encoding.replace("_", "-"), None


_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# zero-width space/joiners, word joiner, BOM, soft hyphen, invisible operators
_INVISIBLE = re.compile(r"[\u200b\u200e\u200f\u2060-\u2064\ufeff\u00ad\u180e]")
_JOINERS = re.compile(r"[\u200c\u200d]")
# a joiner is meaningful between letters of scripts that use it (Persian, Indic) and in emoji
_JOINER_KEEP = re.compile(r"(?<=[\u0600-\u06ff\u0900-\u0dff\U0001F000-\U0001FAFF])[\u200c\u200d](?=[\u0600-\u06ff\u0900-\u0dff\U0001F000-\U0001FAFF])")


# control (Cc) and format (Cf) characters, except the line feed and the joiners handled above
_CONTROLS = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u0600-\u0605\u061c\u06dd\u070f\u202a-\u202e\u2066-\u206f\ufff9-\ufffb\U000e0001-\U000e007f]"
)


def clean_text(text: str) -> str:
    """Normalise `text`: NFC, one kind of space, no invisible characters, `\\n` line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    if "\u200c" in text or "\u200d" in text:  # most texts have no joiner: no scan for one (a lookbehind at every place)
        text = _JOINER_KEEP.sub(lambda m: "\x00" if m.group() == "\u200c" else "\x01", text)
        text = _JOINERS.sub("", text)
    text = text.replace("\x00", "\u200c").replace("\x01", "\u200d")
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)
