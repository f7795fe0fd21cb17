"""Reading sources: files, folders, stdin, text or bytes, into an Article of segments.

`read_source` decodes bytes (see `decode.py`), cleans up the Unicode, reduces HTML to
text blocks (see `html.py`) and splits everything into segments with 1-based line
numbers. `sources_in` lists the readable files of a path.

Plain text: one segment per non-empty line, `line` being its line number in the decoded
text; page dumps put one block per line, and that is what users feed us. The exception
is hard-wrapped prose (a text whose long lines all stop short of a fixed width, as e-mail
and `fold` produce): there, the lines of one paragraph are joined into one segment whose
`line` is the paragraph's first line, so a sentence is never cut in two. Markdown
headings and list items give a `hint` (`h1`..`h6`, `li`) and lose their markers. A page
dump's site name comes from its first line ("Headline - Site") when the page confirms it.

HTML: one segment per visible block; `line` is the block's line in the extracted text
(one block per line, the page `<title>` first), `hint` is `Block.hint` (the tag, then the
roles the markup gives the block, e.g. `li nav`, `p article`, `figcaption caption`).
"""

from __future__ import annotations

from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)
import sys
from pathlib import Path

from ..errors import InputError
from ..model import Article, Segment
from .decode import UndecodableError, clean_text, decode_noted
from .pagetitle import site_from_dump

MAX_BYTES = 20 * 1024 * 1024  # larger sources are refused: no news page is this big
# the text one article may hold. The later stages grow faster than linearly (200k characters of
# prose: 9 s of CPU, 400k: 29 s, 900k: 154 s; a 15 MB text took minutes and detect 1.6 GB), and the
# longest dev page holds 57k, so a source past this is refused before they start
MAX_TEXT_CHARS = 250_000
SUFFIXES = (".txt", ".html", ".htm", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

_HTML_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
_HTML_TAGS = re.compile(r"</(p|div|span|a|li|td|h[1-6]|body|html)>", re.I)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_SENTENCE_END = re.compile(r"[.!?…:;»”\"')\]。！？]$")


def sources_in(path: str) -> list[Path | str]:
    """The sources a path names: `-` for stdin, a file, or every .txt/.html/.htm/.md under a folder.

    Files in a folder are listed recursively and sorted; hidden files and folders are skipped.
    Raises InputError for a missing path or a folder with nothing readable.
    """
    if path == "-":
        return ["-"]
    p = Path(path)
    try:
        p.stat()
    except OSError as e:
        raise _os_problem(str(path), e) if e.errno != 2 else InputError(f"{path}: no such file or folder") from None
    if p.is_dir():
        found = sorted(
            f
            for f in p.rglob("*")
            if f.is_file() and f.suffix.lower() in SUFFIXES and not any(part.startswith(".") for part in f.relative_to(p).parts)
        )
        if not found:
            raise InputError(f"{path}: no readable files (.txt, .html, .htm, .md) in this folder")
        return list(found)
    if not p.exists():
        raise InputError(f"{path}: no such file or folder")
    return [p]


def looks_like_html(text: str) -> bool:
    """True for text that is clearly an HTML document (a doctype/html/body start, or many closing tags)."""
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= 5


class Text(str):
    """Article text passed explicitly: `read_source(Text(s))` never treats `s` as a path.

    A plain str is read as text only when it holds a newline; `Text` says so outright,
    for one-line texts and for code that must never guess.
    """


_CHUNK = 1 << 20


def read_limited(stream, limit: int, label: str) -> bytes:
    """At most `limit` bytes from a binary stream (a file, pipe, FIFO, device or stdin).

    Reads in chunks and stops at `limit + 1` bytes, so /dev/zero or an endless pipe costs
    one chunk of memory over the limit, never all of it. Raises InputError("too large").
    """
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise InputError(f"{label}: too large (more than {limit / 1048576:.1f} MB, the limit)")
    return b"".join(chunks)


def _os_problem(label: str, e: OSError) -> InputError:
    """The one-line InputError for an OS error met opening or reading `label`."""
    import errno

    reasons = {
        errno.ENOENT: "no such file",
        errno.ENOTDIR: "no such file (a part of the path is not a folder)",
        errno.EISDIR: "is a folder; give a file, or use a command that reads folders",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENAMETOOLONG: "file name too long (a path component is over 255 bytes)",
        errno.ELOOP: "too many levels of symbolic links",
    }
    return InputError(f"{label}: {reasons.get(e.errno) or 'cannot read: ' + (e.strerror or str(e))}")


def _read_path(path: Path, label: str) -> bytes:
    """The bytes of a file, FIFO or device, bounded by MAX_BYTES whatever the file claims its size is."""
    try:
        with open(path, "rb") as fh:
            return read_limited(fh, MAX_BYTES, label)
    except OSError as e:
        raise _os_problem(label, e) from None


def _read_stdin(label: str) -> bytes:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None) if stream is not None else None
    if buffer is None:
        raise InputError(f"{label}: standard input is closed")
    try:
        return read_limited(buffer, MAX_BYTES, label)
    except (OSError, ValueError) as e:  # ValueError: a closed file object
        raise InputError(f"{label}: cannot read standard input: {getattr(e, 'strerror', None) or e}") from None


def read_source(source: str | Path | bytes, *, name: str | None = None) -> Article:
    """Read one source into an Article: a path, `-` for stdin, a text, or bytes.

    A text is a `Text`, or a plain str holding a newline; a `Path` is always a path.
    `name` overrides the label used in `Article.source` and in error messages. Raises
    InputError for a missing, empty, binary, undecodable or oversized source. Repairs
    (stray control bytes dropped, invalid UTF-8 replaced) are listed in `Article.notes`.
    """
    is_html = False
    notes: list[str] = []
    if isinstance(source, bytes):
        label, data = name or "<bytes>", source
    elif isinstance(source, Text) or (isinstance(source, str) and "\n" in source):
        label, data = name or "<text>", None
    elif str(source) == "-":
        label = name or "<stdin>"
        data = _read_stdin(label)
    else:
        path = Path(source)
        label = name or str(source)
        data = _read_path(path, label)
        is_html = path.suffix.lower() in HTML_SUFFIXES
    if data is not None:
        if len(data) > MAX_BYTES:
            raise InputError(f"{label}: too large ({len(data) / 1048576:.1f} MB; the limit is {MAX_BYTES // 1048576} MB)")
        if not data.strip():
            raise InputError(f"{label}: empty file" if label not in ("<stdin>", "<bytes>") else f"{label}: empty input")
        declared = None
        if is_html or looks_like_html(data[:5000].decode("latin-1")):
            from .html import declared_charset

            declared = declared_charset(data)
        try:
            raw, encoding, notes = decode_noted(data, declared)
        except UndecodableError as e:
            raise InputError(f"{label}: cannot read as text: {e}") from None
    else:
        assert isinstance(source, str)
        raw, encoding = str(source), "unicode"
    if not raw.strip():
        raise InputError(f"{label}: empty (only whitespace)")
    if is_html or looks_like_html(raw):
        article = _html_article(raw, label, encoding)
        article.notes.extend(f"{label}: {n}" for n in notes)
        return article
    text = clean_text(raw)
    if not text.strip():
        raise InputError(f"{label}: empty (only whitespace)")
    _check_length(len(text), label)
    markdown = isinstance(source, (str, Path)) and not isinstance(source, Text) and str(source).lower().endswith(".md")
    segments = text_segments(text, markdown=markdown)
    site = site_from_dump([s.text for s in segments])
    return Article(source=label, segments=segments, site=site, encoding=encoding,
                   notes=[f"{label}: {n}" for n in notes])


def _check_length(chars: int, label: str) -> None:
    if chars > MAX_TEXT_CHARS:
        raise InputError(f"{label}: too long to digest as one article ({chars:,} characters of text; "
                         f"the limit is {MAX_TEXT_CHARS:,})")


def _html_article(text: str, label: str, encoding: str) -> Article:
    from .html import TooComplex, page_blocks

    try:
        page = page_blocks(text)
    except TooComplex as e:
        raise InputError(f"{label}: {e}") from None
    segments = []
    # the clean-up runs on the extracted text, not the markup: entities such as &nbsp; are decoded by then
    for b in page.blocks:
        block = " ".join(clean_text(b.text).split())
        if block:
            segments.append(Segment(line=len(segments) + 1, text=block, hint=b.hint))
    if not segments:
        raise InputError(f"{label}: an HTML page with no visible text")
    _check_length(sum(len(s.text) + 1 for s in segments), label)
    title = " ".join(clean_text(page.title).split()) if page.title else None
    site = " ".join(clean_text(page.site).split()) if page.site else None
    return Article(source=label, segments=segments, title=title or None, site=site or None, encoding=encoding)


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was folded at, or None when lines are not hard-wrapped.

    Wrapped prose has many consecutive long lines whose lengths stop just short of one width.
    """
    lengths = [len(s) for s in lines if s.strip()]
    if len(lengths) < 4:
        return None
    longest = max(lengths)
    if not 50 <= longest <= 100:
        return None
    near = [n for n in lengths if n >= 0.75 * longest]
    continued = sum(
        1
        for a, b in zip(lines, lines[1:])
        if len(a) >= 0.75 * longest and b.strip() and not _SENTENCE_END.search(a.rstrip())
    )
    if len(near) >= 0.4 * len(lengths) and continued >= max(2, 0.25 * len(lengths)):
        return longest
    return None


def text_segments(text: str, *, markdown: bool = False) -> list[Segment]:
    """Split decoded plain text into segments: one per non-empty line, or per paragraph when hard-wrapped."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    segments: list[Segment] = []
    previous_full = False
    for number, raw in enumerate(lines, start=1):
        line = " ".join(raw.split())
        if not line:
            previous_full = False
            continue
        hint = None
        if markdown:
            heading, item = _MD_HEADING.match(line), _MD_ITEM.match(line)
            if heading:
                line, hint = heading.group(2), f"h{len(heading.group(1))}"
            elif item:
                line, hint = item.group(1), "li"
            if not line:
                continue
        if width and previous_full and hint is None and segments:
            last = segments[-1]
            joiner = "" if re.search(r"\w-$", last.text) and line[:1].islower() else " "
            last.text = last.text + joiner + line
        else:
            segments.append(Segment(line=number, text=line, hint=hint))
        # a line that reaches the wrap width continues on the next one
        previous_full = bool(width) and len(raw.rstrip()) >= 0.75 * width and hint is None
    return segments
