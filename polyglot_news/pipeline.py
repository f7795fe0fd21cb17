"""Wiring the stages for one source or many: the only place that knows their order.

Summary-first (`translate_mode="summary"`, the default) for an article in another language:

    source ─ingest→ Article ─clean→ kinds ─detect→ languages ─summarise (its own language)→ chosen
           ─translate (title, chosen sentences, quoted UI strings, curated terms)→ English
           ─glossary→ terms → Digest

`all` (and every English article): translate every title, body and UI segment, then summarise
the English. `none`, and any article whose summary found no English (no model installed): the
summary is chosen and shown in the article's own language, and `Digest.summary_lang` says which.

Each stage is a package named for its step. A stage imports only what lies below it: the
stages before it, the curated term lists (`curated`), what is known about text (`text`), and
`model`, `config`, `errors`; never a later stage, a renderer or the CLI. The layers are an
import-linter contract in pyproject.toml (see docs/architecture.md).
"""

from __future__ import annotations

import gc
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Callable

from . import clean, detect, ingest, summarise
from .config import TRANSLATE_MODES, Settings
from .curated import Glossary, load_glossaries
from .errors import ConfigError, PolyglotError
from .glossary import terms_for
from .model import BODY, ENGLISH, UNDETERMINED, Article, Digest, SummarySentence
from .translate import to_english


def load_context(settings: Settings) -> Glossary:
    """The curated glossaries for a run (shipped + user folders)."""
    return load_glossaries(settings.glossary_dirs, shipped=settings.use_shipped_glossaries)


def prepare(source: str | Path | bytes, glossary: Glossary, *, name: str | None = None) -> Article:
    """Read, clean and language-tag one source: everything before translation."""
    article = ingest.read_source(source, name=name)
    article = clean.mark_kinds(article, glossary)
    return detect.mark_languages(article, glossary)


def translate_mode(settings: Settings) -> str:
    """The mode that runs ("summary", "all", "none"); ConfigError for an unknown one."""
    if settings.mode not in TRANSLATE_MODES:
        raise ConfigError(f"unknown translation mode {settings.translate_mode!r}: choose one of {', '.join(TRANSLATE_MODES)}")
    return settings.mode


def source_summary(article: Article, settings: Settings) -> tuple[str, list[SummarySentence]] | None:
    """The summary chosen in the article's own language, with that language; None for an English article."""
    lang = summarise.summary_language(article)
    if lang in (ENGLISH, UNDETERMINED):
        return None
    return lang, summarise.summarise_in(article, settings, lang)


def _chosen_sentences(article: Article, summary: list[SummarySentence]) -> dict[int, list[str]]:
    """id(segment) -> the summary sentences taken from it, in order: what the model is sent of the body."""
    by_line = {s.line: s for s in article.segments if s.kind == BODY}
    chosen: dict[int, list[str]] = {}
    for sentence in summary:
        seg = by_line.get(sentence.line)
        if seg is not None:
            chosen.setdefault(id(seg), []).append(sentence.text)
    return chosen


def _translated(article: Article, summary: list[SummarySentence], english_of: dict[tuple[int, str], str]) -> list[SummarySentence] | None:
    """The chosen sentences in English, or None when any of them has no clean English."""
    by_line = {s.line: s for s in article.segments if s.kind == BODY}
    out = []
    for sentence in summary:
        seg = by_line.get(sentence.line)
        english = english_of.get((id(seg), sentence.text)) if seg is not None else None
        if not english:
            return None
        out.append(SummarySentence(english, sentence.line, source=sentence.text))
    return out


def finish(
    article: Article,
    settings: Settings,
    glossary: Glossary,
    timings: dict[str, float],
    chosen: tuple[str, list[SummarySentence]] | None = None,
    english_of: dict[tuple[int, str], str] | None = None,
) -> Digest:
    """Summarise a translated article and build its glossary into a Digest.

    `chosen` is the summary already chosen in the article's language (summary-first), whose
    English is in `english_of`. An article whose summary cannot be English (no model, mode
    "none", a suspect translation) gets the summary in its own language, and says so.
    """
    t = time.perf_counter()
    summary_lang = ENGLISH
    if chosen is not None:
        lang, source = chosen
        summary = _translated(article, source, english_of or {})
        if summary is None:
            summary, summary_lang = source, lang
    else:
        summary = summarise.summarise(article, settings)
        if not summary:
            fallback = source_summary(article, settings)
            if fallback is not None and fallback[1]:
                summary_lang, summary = fallback
    timings["summarise"] = timings.get("summarise", 0.0) + time.perf_counter() - t
    t = time.perf_counter()
    terms = terms_for(article, glossary)
    timings["glossary"] = time.perf_counter() - t
    # a glossary row we could not use is worth telling the reader, since a curated name may be missing
    notes = [f"glossary skipped: {p}" for p in glossary.problems] + list(article.notes)
    return Digest(article=article, summary=summary, glossary=terms, notes=notes, timings=timings,
                  summary_lang=summary_lang, translate_mode=settings.mode)


# while pages are digested: the cyclic collector's first threshold, and how many first-generation
# (then second-generation) collections come before one of the next
COLLECT_EVERY = (500_000, 20, 20)
_collecting = threading.Lock()
_digesting = [0, None]  # digest_many calls running, and the thresholds they found


@contextmanager
def fewer_collections(last: bool = False):
    """Run the cyclic garbage collector less often while pages are digested (thresholds restored after).

    The page pass fills large caches that live for the run (scored words, lemmas, tokens) and
    makes few reference cycles: at Python's default thresholds the collector rescans the caches
    every few hundred allocations, which cost a folder of pages about a tenth of its CPU time.
    What is collected is unchanged. `digest_many` runs in it; a caller that goes on to render
    many digests may wrap both.

    `last`: the process ends after the block (the command line's one command). What the run
    made is then frozen out of the collector's sight (`gc.freeze`) before the thresholds come
    back, instead of scanned by a collection on the way out whose garbage exiting frees anyway.
    """
    with _collecting:
        if _digesting[0] == 0:
            _digesting[1] = gc.get_threshold()
            if _digesting[1][0]:  # a collector turned off stays off
                gc.set_threshold(*(max(a, b) for a, b in zip(COLLECT_EVERY, _digesting[1])))
        _digesting[0] += 1
    try:
        yield
    finally:
        with _collecting:
            if last:
                gc.freeze()
            _digesting[0] -= 1
            if _digesting[0] == 0 and _digesting[1][0]:
                gc.set_threshold(*_digesting[1])


def digest_many(
    sources: list[str | Path | bytes],
    settings: Settings | None = None,
    glossary: Glossary | None = None,
    on_error: Callable[[str | Path | bytes, PolyglotError], None] | None = None,
    names: list[str | None] | None = None,
) -> list[Digest]:
    """Digest several sources, translating what they need together in batches.

    What reaches the model follows `settings.mode` (see the module docstring): summary-first
    by default, every segment with "all", nothing with "none".

    A source that cannot be read raises its PolyglotError, unless `on_error` is given:
    then it is called with the source and the error, and the other sources go on.
    `names` gives each source the name it is known by (for bytes: its path, so the
    digest's `source` and the HTML-or-text decision follow it).
    """
    with fewer_collections():
        return _digest_many(sources, settings or Settings(), glossary, on_error, names)


def _digest_many(sources, settings: Settings, glossary: Glossary | None, on_error, names) -> list[Digest]:
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
    mode = translate_mode(settings)
    t = time.perf_counter()
    chosen: dict[int, tuple[str, list[SummarySentence]]] = {}
    if mode == "summary":
        for a in articles:
            picked = source_summary(a, settings)
            if picked is not None:
                chosen[id(a)] = picked
    summ = (time.perf_counter() - t) / max(1, len(articles))
    t = time.perf_counter()
    english_of: dict[tuple[int, str], str] = {}
    # "none": nothing reaches a model, whatever `translate` says
    to_settings = settings if mode != "none" else replace(settings, translate=False)
    articles = to_english(
        articles, to_settings, glossary,
        chosen={key: _chosen_sentences(a, chosen[key][1]) for a in articles if (key := id(a)) in chosen},
        english_of=english_of,
    )
    trans = (time.perf_counter() - t) / max(1, len(articles))
    return [
        finish(a, settings, glossary, {"prepare": prep, "translate": trans, "summarise": summ} if id(a) in chosen
               else {"prepare": prep, "translate": trans}, chosen.get(id(a)), english_of)
        for a in articles
    ]


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
        settings = replace(settings, **options)
    return digest_many([source], settings, glossary)[0]
