"""Issue 18: on any text or bytes at all, `digest()` and `detect_language()` either work or raise PolyglotError.

Hypothesis draws 2,000 inputs for each property with a fixed seed (`derandomize`), so a
failure is reproducible and the suite stays deterministic. The strategies lean towards
what breaks text code: mixed scripts, control and format characters, lone surrogates'
neighbours, NUL bytes, invalid UTF-8, markup fragments and very long runs.
"""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from polyglot_news import pipeline  # noqa: E402
from polyglot_news.config import Settings  # noqa: E402
from polyglot_news.detect import detect_language  # noqa: E402
from polyglot_news.errors import PolyglotError  # noqa: E402

EXAMPLES = 2000
SETTINGS = Settings(translate=False, use_cache=False, use_shipped_glossaries=True)
_GLOSSARY = None


def glossary():
    global _GLOSSARY
    if _GLOSSARY is None:
        _GLOSSARY = pipeline.load_context(SETTINGS)
    return _GLOSSARY


# pieces that have broken text code before: scripts together, markup, controls, odd spaces
_PIECES = [
    "東京", "かな", "한국", "漢字", "Москва", "Київ", "العربية", "עברית", "ελληνικά", "हिन्दी", "𗀀", "0и0в",
    "<div>", "</p>", "<p class='x'>", "&nbsp;", "[/]", "[link=x]", "\x00", "\x1b[2J", "\u200d", "\u00ad", "\ufeff",
    "\r\n", "\n", "\t", "  ", ".", "!", "?", "«", "»", "—", "1", "2026", "Mr.", "U.S.", "e.g.", "http://x.y/z",
]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(_PIECES) | st.text(min_size=1, max_size=8), max_size=60).map("".join),
    st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=30), max_size=12).map("\n".join),
)
raw = st.one_of(
    st.binary(max_size=600),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(texts, st.binary(max_size=6), texts).map(lambda p: p[0].encode("utf-8", "surrogatepass") + p[1]
                                                      + p[2].encode("utf-8", "surrogatepass")),
    texts.map(lambda t: t.encode("utf-16-le", "surrogatepass")),
)

_COMMON = dict(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(**_COMMON)
@given(st.one_of(texts.map(lambda t: ("text", t)), raw.map(lambda b: ("bytes", b))))
def test_digest_raises_only_polyglot_errors(source):
    kind, value = source
    try:
        if kind == "text":
            d = pipeline.digest(text=value, settings=SETTINGS, glossary=glossary())
        else:
            d = pipeline.digest(value, SETTINGS, glossary())
    except PolyglotError as e:
        assert str(e) and "\n" not in str(e).strip()
        return
    assert d.article.segments


@settings(**_COMMON)
@given(texts)
def test_detect_language_raises_only_polyglot_errors(text):
    try:
        result = detect_language(text)
    except PolyglotError:
        return
    assert 0.0 <= result.confidence <= 1.0
