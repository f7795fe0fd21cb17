"""Stage 1, ingest: a source (path, stdin, text or bytes) becomes an `Article` of segments.

- `read.py`: the entry point, `read_source`, and splitting text into segments;
- `decode.py`: bytes to text (UTF-8, Windows-1251, KOI8-R...), Unicode clean-up;
- `html.py`: HTML pages to text blocks with their structural hints;
- `pagetitle.py`: page titles and site names ("Headline | Site");
- `folders.py`: walking a folder tree for `batch` and `daily`.
"""

from .read import Text, read_source, sources_in, text_segments

__all__ = ["Text", "read_source", "sources_in", "text_segments"]
