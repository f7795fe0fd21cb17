"""Wiring the stages for one source or many: the only place that knows their order.

    source ─ingest→ Article ─clean→ kinds ─detect→ languages ─translate→ English
           ─summarise→ summary ─glossary→ terms → Digest

Each stage is a package named for its step. A stage imports only what lies below it: the
stages before it, the curated term lists (`curated`), what is known about text (`text`), and
`model`, `config`, `errors`; never a later stage, a renderer or the CLI. The layers are an
import-linter contract in pyproject.toml (see docs/architecture.md).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from . import clean, detect, ingest, summarise
from .config import Settings
from .curated import Glossary, load_glossaries
from .errors import PolyglotError
from .glossary import terms_for
from .model import Article, Digest
from .translate import to_english


def load_context(settings: Settings) -> Glossary:
    """The curated glossaries for a run (shipped + user folders)."""
    return load_glossaries(settings.glossary_dirs, shipped=settings.use_shipped_glossaries)


def prepare(source: str | Path | bytes, glossary: Glossary, *, name: str | None = None) -> Article:
    """Read, clean and language-tag one source: everything before translation."""
    article = ingest.read_source(source, name=name)
    article = clean.mark_kinds(article, glossary)
    return detect.mark_languages(article, glossary)


def finish(article: Article, settings: Settings, glossary: Glossary, timings: dict[str, float]) -> Digest:
    """Summarise a translated article and build its glossary into a Digest."""
    t = time.perf_counter()
    summary = summarise.summarise(article, settings)
    timings["summarise"] = time.perf_counter() - t
    t = time.perf_counter()
    terms = terms_for(article, glossary)
    timings["glossary"] = time.perf_counter() - t
    # a glossary row we could not use is worth telling the reader, since a curated name may be missing
    notes = [f"glossary skipped: {p}" for p in glossary.problems] + list(article.notes)
    return Digest(article=article, summary=summary, glossary=terms, notes=notes, timings=timings)


def digest_many(
    sources: list[str | Path | bytes],
    settings: Settings | None = None,
    glossary: Glossary | None = None,
    on_error: Callable[[str | Path | bytes, PolyglotError], None] | None = None,
    names: list[str | None] | None = None,
) -> list[Digest]:
    """Digest several sources, translating all their segments together in batches.

    A source that cannot be read raises its PolyglotError, unless `on_error` is given:
    then it is called with the source and the error, and the other sources go on.
    `names` gives each source the name it is known by (for bytes: its path, so the
    digest's `source` and the HTML-or-text decision follow it).
    """
    settings = settings or Settings()
    glossary = glossary if glossary is not None else load_context(settings)
    t = time.perf_counter()
    articles = []
    for i, source in enumerate(sources):
        try:
            articles.append(prepare(source, glossary, name=names[i] if names else None))
        except PolyglotError as e:
            if on_error is None:
                raise
            on_error(source, e)
    prep = (time.perf_counter() - t) / max(1, len(articles))
    t = time.perf_counter()
    articles = to_english(articles, settings, glossary)
    trans = (time.perf_counter() - t) / max(1, len(articles))
    return [finish(a, settings, glossary, {"prepare": prep, "translate": trans}) for a in articles]


def digest(source: str | Path | bytes | None = None, settings: Settings | None = None, glossary: Glossary | None = None,
           *, text: str | None = None, **options) -> Digest:
    """Digest one source: a path, `-` for stdin, a text (str with a newline), or raw bytes.

    `digest(text=s)` digests `s` as article text whatever it holds, never as a path (as
    does passing `ingest.Text(s)`). Keyword options override fields of `settings`
    (e.g. `digest(path, sentences=5)`).
    """
    from .errors import ConfigError

    if (source is None) == (text is None):
        raise ConfigError("digest(): give a source or text=, not both or neither")
    if text is not None:
        source = ingest.Text(text)
    settings = settings or Settings()
    if options:
        from dataclasses import replace

        settings = replace(settings, **options)
    return digest_many([source], settings, glossary)[0]
