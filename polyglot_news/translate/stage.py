"""The translate stage: English for every segment of a run, batched across articles, cached, guarded.

Order of business: English segments keep their text; UI strings found in the curated glossary
take its English; title, body and remaining UI segments are split into sentences, deduplicated
across all articles, looked up in the persistent cache, and the rest go through the installed
Argos package (pivoting through a third language when there is no direct pair) in one batch per
language. Outputs that look like known NMT failures are retried with greedy decoding one by one
and flagged if still suspect. Curated glossary terms are then written in their curated English,
whatever the model said (`terms.py`). What could not be translated, and why, goes into Article.notes.

Summary-first translation (`chosen=`): for the articles named there, a body segment goes to the
model only for the sentences the summary chose from it (the English of each lands in
`english_of`); the other body segments, and UI strings in the page's own language that no note
quotes, are left untranslated on purpose and carry the flag OUTSIDE_SUMMARY.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..config import Settings
from ..curated import Glossary
from ..curated.match import Match, find_terms
from ..errors import ModelError
from ..model import BODY, ENGLISH, TITLE, UI, UNDETERMINED, Article, Segment
from ..text.languages import language_name
from ..text.sentences import split_sentences
from .base import Decoding, Translator
if TYPE_CHECKING:
    from .cache import TranslationCache
    from .models import InstalledPackage

# The model store and routes are imported where a segment needs a model, and the cache, the output
# guards and the term rewriting where a model runs: a run with no model installed (or translation
# off, or English pages only) never needs them.

TRANSLATED_KINDS = (TITLE, BODY, UI)  # captions, teasers and boilerplate never reach the digest
SUSPECT = "suspect-translation"
OUTSIDE_SUMMARY = "untranslated-outside-summary"  # not sent to the model on purpose (--translate summary)
RETRY_BEAM, RETRY_REPETITION_PENALTY = 1, 1.3  # the retry is greedy and discouraged from repeating itself
_UNSEEN = object()


@dataclass
class Pending:
    """A segment waiting for a model, with its sentences in order."""

    article: Article
    segment: Segment
    asked: list[str] | None = None  # the sentences asked for (summary-first); None: every sentence of the segment
    partial: bool = False  # only some of its sentences were asked for (summary-first translation)

    @property
    def sentences(self) -> list[str]:
        """The sentences that go to the model, in order. The segment is split on first use: a language
        with no model installed, or translation turned off, never needs its sentences."""
        if self.asked is None:
            self.asked = _sentences_of(self.segment)
        return self.asked

    @property
    def text(self) -> str:
        """The source text that goes to the model: the segment's, or the chosen sentences'."""
        return " ".join(self.sentences) if self.partial else self.segment.text


@dataclass
class Result:
    """The English for one source sentence, where it came from, and why it is suspect if it is."""

    english: str
    origin: str  # "argos" or "cache"
    suspect: str | None = None


@dataclass
class Untranslated:
    """Segments of one language that stayed without English, with the reason and the fix."""

    reason: str
    fix: str = ""
    lines: dict[int, list[int]] = field(default_factory=dict)  # id(article) -> lines


def _lines(numbers: list[int]) -> str:
    numbers = sorted(set(numbers))
    return ("line " if len(numbers) == 1 else "lines ") + ", ".join(str(n) for n in numbers)


def _sentences_of(segment: Segment) -> list[str]:
    return split_sentences(segment.text, segment.lang) or [" ".join(segment.text.split())]


def _decoding(settings: Settings) -> Decoding:
    return Decoding(beam_size=settings.beam_size, max_output_tokens=settings.max_output_tokens)


def _run_chain(
    chain: list[Translator], sentences: list[str], decoding: Decoding, guard: bool = True
) -> list[tuple[str, str | None]]:
    """Translate through every package of the chain; (output, suspect reason) per sentence."""
    from .guards import suspect_reason

    texts = list(sentences)
    reasons: list[str | None] = [None] * len(texts)
    for translator in chain:
        outputs = translator.translate(texts, decoding)
        for i, (src, out) in enumerate(zip(texts, outputs)):
            if guard and reasons[i] is None:
                reasons[i] = suspect_reason(src, out.text, out.tokens, decoding.max_output_tokens)
        texts = [o.text for o in outputs]
    return list(zip(texts, reasons))


def translate_sentences(
    chain: list[Translator],
    sentences: list[str],
    decoding: Decoding,
    cache: TranslationCache | None,
    guard: bool = True,
    retry: bool = True,
) -> dict[str, Result]:
    """English for each distinct sentence: cached ones from the cache, the rest in one batch.

    With `guard`, suspect outputs are retried one by one with greedy decoding (unless not
    `retry`: then they stay suspect); clean results are cached (under the first pass's
    settings, so a rerun finds them), suspect ones never are.
    """
    # unguarded output may be junk: keep it apart from what guarded runs trust
    key = "|".join(t.identity for t in chain) + "|" + decoding.key() + ("" if guard else "|unguarded")
    greedy = replace(decoding, beam_size=RETRY_BEAM, repetition_penalty=RETRY_REPETITION_PENALTY)
    unique = list(dict.fromkeys(sentences))
    results: dict[str, Result] = {}
    if cache is not None:
        for src, english in cache.get_many(key, unique).items():
            results[src] = Result(english, "cache")
    todo = [s for s in unique if s not in results]
    fresh: list[tuple[str, str]] = []
    if todo:
        for src, (english, reason) in zip(todo, _run_chain(chain, todo, decoding, guard)):
            if reason is not None and retry:
                english, reason = _run_chain(chain, [src], greedy)[0]
            results[src] = Result(english, "argos", reason)
            if reason is None:
                fresh.append((src, english))
    if cache is not None and fresh:
        cache.put_many(key, fresh)
    return results


def _load_chain(route: list[InstalledPackage]) -> list[Translator]:
    from . import argos

    return [argos.load(pkg) for pkg in route]


def _page_language(article: Article) -> str | None:
    return next(iter(article.languages()), None)


def to_english(
    articles: list[Article],
    settings: Settings,
    glossary: Glossary,
    chosen: dict[int, dict[int, list[str]]] | None = None,
    english_of: dict[tuple[int, str], str] | None = None,
) -> list[Article]:
    """Fill Segment.english/translated_by/flags for every article and note what stayed untranslated.

    `chosen` maps id(article) to {id(segment): the sentences of that segment the summary shows}
    for the articles translated summary-first: of their body segments only those sentences are
    sent, and the English of each goes into `english_of[(id(segment), sentence)]`.
    Mutates the articles' segments and notes in place and returns the same list. Imports
    argostranslate only when some segment has a language with an installed package.
    """
    chosen = chosen or {}
    english_of = english_of if english_of is not None else {}
    pending: dict[str, list[Pending]] = {}
    skipped: dict[str, list[Pending]] = {}  # left out on purpose (summary-first), by language
    # each article's notes by language, given in the order its languages have when it is digested alone,
    # so a digest does not depend on which other articles shared its run (batch chunks)
    said: dict[int, dict[str, list[str]]] = {}
    ui_of: dict = {}  # a UI string's curated entry (or None), looked up once a run: menus repeat across pages
    for article in articles:
        wanted = chosen.get(id(article))
        page_lang = _page_language(article) if wanted is not None else None
        for seg in article.segments:
            if seg.lang == ENGLISH:
                seg.english, seg.translated_by = seg.text, "source"
                continue
            if seg.lang == UNDETERMINED or not seg.text.strip() or seg.kind not in TRANSLATED_KINDS:
                continue
            if seg.kind == UI:
                entry = ui_of.get(seg.text, _UNSEEN)
                if entry is _UNSEEN:
                    entry = ui_of[seg.text] = glossary.ui_entry(seg.text)
                if entry is not None:
                    seg.english, seg.translated_by = entry.english, "glossary"
                    continue
            sentences, partial = None, False
            if wanted is not None and (seg.kind == BODY or (seg.kind == UI and seg.lang == page_lang)):
                # summary-first: a body segment only for its summary sentences; a UI string in the
                # page's own language is quoted by no note, so it is not worth the model's time
                asked = wanted.get(id(seg), []) if seg.kind == BODY else []
                if not asked:
                    seg.flags.append(OUTSIDE_SUMMARY)
                    skipped.setdefault(seg.lang, []).append(Pending(article, seg))
                    said.setdefault(id(article), {}).setdefault(f"~{seg.lang}", [])  # after the languages sent
                    continue
                partial = asked != _sentences_of(seg)
                sentences = list(asked)
            pending.setdefault(seg.lang, []).append(Pending(article, seg, sentences, partial))
            said.setdefault(id(article), {}).setdefault(seg.lang, [])

    for lang in skipped:
        pending.setdefault(lang, [])  # a language with nothing to send still needs its model checked
    untranslated: dict[str, Untranslated] = {}
    cache: TranslationCache | None = None
    cache_opened = False
    if pending and settings.translate:
        from .models import installed_packages
        from .route import route_to

        packages = installed_packages(settings.packages_dir)
    for lang, items in pending.items():
        name = language_name(lang)
        if not settings.translate:
            untranslated[lang] = Untranslated("translation is turned off (--no-translate)")
            continue
        route = route_to(lang, ENGLISH, packages)
        if route is None:
            untranslated[lang] = Untranslated(
                f"no {lang}->en translation model is installed",
                f"install one with: polyglot-news models install {lang}",
            )
            continue
        if not items:
            continue
        chain = _load_chain(route)
        if settings.use_cache and not cache_opened:
            cache_opened = True
            from .cache import open_cache

            cache, problem = open_cache(settings.cache_path)
            if problem:
                for article in articles:
                    article.notes.append(problem)
        sentences = [s for p in items for s in p.sentences]
        try:
            results = translate_sentences(chain, sentences, _decoding(settings), cache, settings.guard_translations)
        except ModelError as e:  # a broken model must not stop the digest
            untranslated[lang] = Untranslated(
                str(e),
                f"reinstall it with: polyglot-news models install {lang}",
            )
            continue
        via = " via " + language_name(route[0].to_code) if len(route) > 1 else ""
        # the curated terms of each segment, found once for both the lookup of renderings and the rewrite
        terms = {id(p): find_terms(p.text, lang, glossary) for p in items}
        model_says = _terms_alone(chain, items, terms, results, lang, settings, cache, glossary, chosen)
        from .terms import keep_terms

        for p in items:
            parts = [results[s] for s in p.sentences]
            bad = [r for r in parts if r.suspect]
            if id(p.article) in chosen:
                _sentence_english(p, results, lang, glossary, model_says, english_of)
            if p.partial:
                # the summary's sentences have their English in english_of; the segment as a whole has none
                p.segment.flags.append(OUTSIDE_SUMMARY)
                if bad:
                    p.segment.flags.append(SUSPECT)
                    said[id(p.article)][lang].append(
                        f"line {p.segment.line}: {name} translation{via} of a summary sentence flagged as suspect "
                        f"({bad[0].suspect}); the summary stays in {name}"
                    )
                continue
            if bad:
                p.segment.flags.append(SUSPECT)
                shown = " ".join(r.english for r in parts)
                shown = shown if len(shown) <= 80 else shown[:77] + "..."
                said[id(p.article)][lang].append(
                    f"line {p.segment.line}: {name} translation{via} flagged as suspect ({bad[0].suspect}) "
                    f"and left out: {shown!r}"
                )
                continue
            kept = keep_terms(p.text, " ".join(r.english for r in parts), lang, glossary, model_says, terms[id(p)])
            p.segment.english = kept.english
            p.segment.translated_by = "cache" if all(r.origin == "cache" for r in parts) else "argos"
            for form in dict.fromkeys(kept.missing):
                said[id(p.article)][lang].append(
                    f"line {p.segment.line}: glossary term {form!r} not found in the translation; the model's wording was kept"
                )

    for article in articles:
        for notes in said.get(id(article), {}).values():
            article.notes += notes
    if cache is not None:
        for note in cache.notes:  # a damaged cache was set aside and rebuilt: tell every reader
            for article in articles:
                article.notes.append(note)
        cache.close()
    for lang, why in untranslated.items():
        # nothing of this language could be translated anyway: the reason is the model, not the mode
        for p in skipped.get(lang, []):
            p.segment.flags.remove(OUTSIDE_SUMMARY)
        pending[lang] = sorted(pending[lang] + skipped.get(lang, []), key=lambda p: p.segment.line)
    # the lines left untranslated, by article and language (one pass, not one per article)
    left: dict[tuple[int, str], list[int]] = {}
    for lang in untranslated:
        for p in pending[lang]:
            left.setdefault((id(p.article), lang), []).append(p.segment.line)
    for article in articles:
        _note_article(article, left, untranslated, said.get(id(article), {}))
    return articles


def _sentence_english(p: Pending, results: dict[str, Result], lang: str, glossary: Glossary,
                      model_says: dict[str, str], english_of: dict[tuple[int, str], str]) -> None:
    """The English of each clean sentence of a summary-first segment, curated terms kept, into english_of."""
    from .terms import keep_terms

    for sentence in p.sentences:
        r = results[sentence]
        if r.suspect is None:
            kept = keep_terms(sentence, r.english, lang, glossary, model_says, find_terms(sentence, lang, glossary))
            english_of[(id(p.segment), sentence)] = kept.english


def _terms_alone(chain: list[Translator], items: list[Pending], terms: dict[int, list[Match]], results: dict[str, Result],
                 lang: str, settings: Settings, cache: TranslationCache | None, glossary: Glossary,
                 chosen: dict[int, dict[int, list[str]]]) -> dict[str, str]:
    """The model's English for each curated term alone, for the terms no known spelling finds in a translation
    that has a place the answer could stand (`terms.unresolved_terms`).

    Only translations the digest will show are searched: a suspect sentence is not (a segment with one
    is left out, a summary sentence stays in its language). Decoding is greedy (`ALONE_BEAM`) and stops
    at `ALONE_MAX_TOKENS` (a longer answer is no name), and an answer that looks like a failure is dropped rather than
    retried: the spellings the glossary knows still apply.
    """
    from .terms import ALONE_BEAM, ALONE_MAX_TOKENS, unresolved_terms

    wanted: list[str] = []
    for p in items:
        clean = [s for s in p.sentences if results[s].suspect is None]
        matches = terms[id(p)]
        if len(clean) < len(p.sentences):
            if not clean or not (id(p.article) in chosen and p.segment.kind == BODY):
                continue  # nothing of it is shown
            matches = find_terms(" ".join(clean), lang, glossary)
        english = " ".join(results[s].english for s in clean)
        wanted += unresolved_terms(matches, english, lang)
    if not wanted:
        return {}
    try:
        decoding = replace(_decoding(settings), beam_size=min(settings.beam_size, ALONE_BEAM),
                           max_output_tokens=min(settings.max_output_tokens, ALONE_MAX_TOKENS))
        alone = translate_sentences(chain, list(dict.fromkeys(wanted)), decoding, cache, settings.guard_translations,
                                    retry=False)
    except ModelError:
        return {}  # the spellings the glossary knows still apply
    return {src: r.english for src, r in alone.items() if r.suspect is None}


def _note_article(article: Article, left: dict[tuple[int, str], list[int]], untranslated: dict[str, Untranslated],
                  order: dict[str, list[str]]) -> None:
    """Add the notes for one article: untranslated segments by language (in `order`, the order of the
    article's own languages; `left` holds their lines by (id(article), language)), and each UI string
    in another language than the article's, with its English."""
    sent = [lang for lang in order if not lang.startswith("~")]
    langs = dict.fromkeys(sent + [lang[1:] for lang in order if lang.startswith("~")])
    for lang in langs:
        why = untranslated.get(lang)
        if why is None:
            continue
        lines = left.get((id(article), lang))
        if lines:
            fix = f"; {why.fix}" if why.fix else ""
            article.notes.append(
                f"{language_name(lang)} text on {_lines(lines)} left untranslated: {why.reason}{fix}"
            )
    # the page's own menus ("Главная" on a Russian page) are chrome in the reader's expected language;
    # only UI strings in another language than the article's are worth a note (a Russian label on an English page)
    page_lang = next(iter(article.languages()), None)
    for seg in article.segments:
        if seg.kind != UI or seg.lang in (ENGLISH, UNDETERMINED, page_lang):
            continue
        name = language_name(seg.lang)
        if seg.english:
            source = " (from the glossary)" if seg.translated_by == "glossary" else ""
            article.notes.append(f'line {seg.line}: {name} UI string "{seg.text}" means "{seg.english}"{source}')
        else:
            article.notes.append(f'line {seg.line}: {name} UI string "{seg.text}" (no English available)')
