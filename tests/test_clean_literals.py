"""The prefilter of clean/literals.py: a pattern it rules out has no match, on any text; and the cleaner's other shortcuts give the full answers."""

from __future__ import annotations

import re

import pytest

from polyglot_news.clean import linepatterns
from polyglot_news.clean.literals import Prefilter, covering_parts, required_literals

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PREFILTER = linepatterns._PREFILTER


def test_required_literals_of_simple_patterns():
    assert required_literals(re.compile(r"\bnews(letter|paper)s?\b")) == {"newsletter", "newsletters", "newspaper", "newspapers"}
    assert required_literals(re.compile(r"^(\d+ )?(says|said):$")) == {"says:", "said:"}
    assert required_literals(re.compile(r"[ab]c")) == {"ac", "bc"}
    assert required_literals(re.compile(r"x?\w+")) is None  # nothing every match must hold
    assert required_literals(re.compile(r"ABC", re.I)) == {"abc"}  # case-insensitive: read lowercased
    assert required_literals(re.compile(r"Says", re.I)) == {"ay"}  # "s" also matches "ſ", which lowers to itself
    assert required_literals(re.compile(r"(?i:abc)d")) == {"d"}  # the inline flag's part is not read


def test_the_prefilter_keeps_every_pattern_that_matches_a_chrome_line():
    lines = ["3 comments", "Jane Roe says:", "photo: jane roe/afp", "sign up for our newsletter",
             "© 2024 all rights reserved", "read more »", "we use cookies", "listen to this article"]
    for line in lines:
        assert any(_matches(p, line) for p in PREFILTER.patterns), line
        for text in (line, "So, " * 30 + line):  # a short line is scanned, a long one asked for parts
            assert all(PREFILTER.may_match(p, text.lower()) for p in PREFILTER.patterns if _matches(p, text)), text


def _matches(p, text):
    """Whether `p` matches `text` as `pattern_kind` tries it: a case-insensitive pattern on the text, the others lowercased."""
    return bool(p.search(text if p.flags & re.I else text.lower()))


def test_a_plain_sentence_is_ruled_out_for_most_patterns():
    for low in ("the council met on tuesday to discuss the budget.", "the council met on tuesday to discuss the budget " * 3):
        assert sum(PREFILTER.may_match(p, low) for p in PREFILTER.patterns) <= 2


def test_covering_parts_hold_a_part_of_every_literal():
    literals = {"comment", "comments", "kommentar", "newsletter", "©"}
    parts = covering_parts(literals)
    assert all(any(p in lit for p in parts) for lit in literals)
    assert len(parts) <= 3  # "omment" covers three of them
    assert Prefilter([re.compile("abc")]).may_match(re.compile("x"), "zzz")  # a pattern it was not given: always tried


_ALPHABET = "aceimnoprstuAFPS ()©:/.»>-'" + "фотоФ" + "0123" + "İſΣıK"
_WORDS = ["Follow her on Mastodon @janeroe.", "She has been reporting on farming since 2015", "contributed reporting",
          ". Photograph: Agency", ", Associated Press", "FOLLOW HİM ON X", "ſign up", "comment", "comments", "photo", "foto", "credit", "newsletter", "subscribe", "cookie", "read more", "says:",
          "sign up", "all rights reserved", "©", "(c)", "afp", "epa", "reuters", "related", "...", "»", "follow us on",
          "opinions expressed are their own", "community guidelines", "listen to this article", "5 min read"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(_ALPHABET, max_size=6)), max_size=16))
def test_no_pattern_left_out_matches(parts):
    text = " ".join(parts)
    for p in PREFILTER.patterns:
        if not PREFILTER.may_match(p, text.lower()):
            applied = text if p.flags & re.I else text.lower()
            assert p.search(applied) is None and p.match(applied) is None, (p.pattern[:60], text)


def test_letter_runs_of_a_pattern():
    from polyglot_news.clean.literals import letter_runs

    assert letter_runs(re.compile(r"\b(\d{1,2}(st|nd)?|jan(uary)?|a\.m\.|il y a)\b")) == {"st", "nd", "jan", "january", "a", "m", "il", "y"}
    assert letter_runs(re.compile(r"\b\w+\b")) is None  # any word at all


_STAMP_WORDS = ["12", "3:45", "2024", "May", "mai", "updated", "am", "p.m.", "GMT", "ago", "il y a", "hace", "Jane", "Roe",
                "80", "g", "kcal", "12th", "Montag", "вчера", "о", "в", "|", "-", "·", "x2", "at", "jan2020"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_STAMP_WORDS), min_size=1, max_size=9))
def test_the_quick_answer_of_is_date_line_is_its_full_answer(words):
    text = " ".join(words)
    quick = linepatterns.is_date_line(text)
    kept, linepatterns._DATE_WORDS = linepatterns._DATE_WORDS, None
    try:
        assert linepatterns.is_date_line(text) == quick, text
    finally:
        linepatterns._DATE_WORDS = kept


@settings(max_examples=500, deadline=None)
@given(st.text(".!?…。！？؟'\"”’»)]a \n", max_size=8))
def test_a_sentence_end_read_from_the_end_is_the_patterns(text):
    assert linepatterns._ends_sentence(text) == bool(linepatterns.SENTENCE_END.search(text))


def test_first_chars_of_anchored_patterns():
    from polyglot_news.clean.literals import first_chars

    assert first_chars(re.compile(r"^(by|von)\s")) == (["b", "v"], [])
    assert first_chars(re.compile(r"^[A-C]x")) == (["a", "b", "c"], [])  # case-sensitive on the text: its first character lowered
    assert first_chars(re.compile(r"^\d+ ?h$")) == ([], ["digit"])
    assert first_chars(re.compile(r"^(?i:s)x")) == (["s", "ſ"], [])  # "s" also matches "ſ"
    assert first_chars(re.compile(r"^x?")) is None  # may match ""
    assert first_chars(re.compile(r"^\w")) is None


def test_first_chars_keep_every_anchored_pattern_that_matches():
    starts = linepatterns._STARTS
    lines = ["By Jane Roe", "— Jane Roe (@janeroe) May 3, 2026", "12:30", " 3 / 4", "Share on Facebook", "Related stories",
             "About Jane Roe", "Read also: Headline", "Photo 3 of 12", "Join our forums to talk about it " * 2,
             "Jane Roe is a freelance writer based in Paris", "Tags: news", "ſhare", "ÜBER DEN AUTOR", "Σχετικά", ""]
    for line in lines:
        low = line.lower()
        for p in starts.patterns:
            if p.match(line) or p.match(low):
                assert id(p) in starts.possible(low), (p.pattern[:40], line)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAbByYſSsİIıΣσς—-–12 :/ÜüОоᲂ"), max_size=12))
def test_first_chars_never_rule_out_a_match(text):
    starts = linepatterns._STARTS
    low = text.lower()
    for p in starts.patterns:
        if p.match(text) or p.match(low):
            assert id(p) in starts.possible(low)


def _counted_script(text):
    """`script_of` as the count of every letter gives it, without its shortcuts."""
    counts = {}
    for ch in dict.fromkeys(text):  # in order of first appearance, as ties go
        s = linepatterns._char_script(ch)
        if s:
            counts[s] = counts.get(s, 0) + text.count(ch)
    return max(counts.items(), key=lambda kv: kv[1])[0] if counts else ""


_SCRIPT_CHARS = "aZé²½ɏɐʯḀỹἀ ,.—“”€0١" + "яЁѣԯ҂҃" + "μΩ" + "אع" + "東の한" + "Ⅻ①ǅ_\u0301"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_SCRIPT_CHARS), max_size=10) | st.text(max_size=10))
def test_the_one_script_shortcut_of_script_of_is_the_count(text):
    assert linepatterns.script_of(text) == _counted_script(text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["One paragraph that reads as prose, long enough, and it ends here.",
                                 "Another paragraph that reads as prose, long enough, and it ends too.", "Menu", "Share"]),
                max_size=40))
def test_repeated_nearby_in_one_pass_is_the_look_around_each_line(texts):
    from polyglot_news.clean.inside import mark_repeated_nearby
    from polyglot_news.model import Segment

    facts = [linepatterns.facts_of(Segment(text=t, line=k + 1)) for k, t in enumerate(texts)]
    mark_repeated_nearby(facts)
    for i, f in enumerate(facts):
        around = facts[max(0, i - 10):i] + facts[i + 1:i + 11]
        assert f.repeated_nearby == (f.prose and any(g.seg.text == f.seg.text for g in around)), (i, texts)


@settings(max_examples=500, deadline=None)
@given(st.text("19 20 0827)\n.a٣", max_size=12))
def test_a_year_ending_a_line_is_looked_for_as_the_pattern_finds_it(text):
    from polyglot_news.clean import structures

    assert structures._ends_with_year(text) == bool(structures._ENDS_WITH_YEAR.search(text)), text


def _table_cells_looking_at_every_line(shapes, min_rows=2, max_period=8):
    """The cells `mark_table_cells` flags, found by trying every period at every line (as it did before it skipped lines)."""
    n, cells, i = len(shapes), set(), 0
    while i < n:
        found = 0
        for period in range(2, max_period + 1):
            row = shapes[i:i + period]
            if len(row) < period or "N" not in row or "w" not in row:
                continue
            length = period
            while i + length < n and shapes[i + length] == shapes[i + length - period]:
                length += 1
            if length // period >= (3 if period == 2 else min_rows) and length > found:
                found = length
        if not found:
            i += 1
            continue
        head = i
        while head > 0 and i - head < max_period and shapes[head - 1] == "w":
            head -= 1
        cells.update(range(head, i + found))
        i += found
    return cells


# a page's shapes: stretches of lines, and rows (up to nine cells) repeated a few times, a cell changed here and there
_SHAPES = st.lists(st.one_of(st.text("Nwx", max_size=6), st.tuples(st.text("Nwx", min_size=1, max_size=9), st.integers(1, 4)).map(lambda r: r[0] * r[1])),
                   max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(_SHAPES)
@example("xxxxxxwN" * 2)  # the longest row, its label and number at its end
@example("wNx" * 3 + "NwNwNw")
def test_table_cells_found_skipping_lines_are_those_found_at_every_line(shapes):
    from polyglot_news.clean.structures import mark_table_cells
    from polyglot_news.model import Segment

    texts = {"N": "12", "w": "Label", "x": "A line of text too long to be a label"}
    facts = [linepatterns.facts_of(Segment(text=texts[s], line=k + 1)) for k, s in enumerate(shapes)]
    mark_table_cells(facts)
    assert {k for k, f in enumerate(facts) if f.cell} == _table_cells_looking_at_every_line(shapes), "".join(shapes)


@settings(max_examples=500, deadline=None)
@given(st.text(":;-)(D \n\t\uFE0F☺🙂a.", max_size=8))
def test_a_smiley_end_read_from_the_end_is_the_patterns(text):
    assert linepatterns._ends_with_smiley(text) == bool(linepatterns.EMOJI_END.search(text)), text


_PLAIN_COMMENTS = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", linepatterns.COMMENTS.pattern), re.I)  # without the first-letter look


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["next time i comment", "AKISMET", "Leave a reply", "ſign in to comment", "KOMMENTAR SCHREIBEN",
                                 "чтобы оставить", "3 comments", "Jane says:", "x", " ", "K", "ſ"]) | st.text(max_size=4), max_size=4).map("".join))
def test_the_comment_phrases_behind_a_first_letter_look_match_where_they_did(text):
    assert bool(linepatterns.COMMENTS.search(text)) == bool(_PLAIN_COMMENTS.search(text)), text
    assert bool(linepatterns.COMMENTS_LOW.search(text.lower())) == bool(linepatterns.lowered(_PLAIN_COMMENTS).search(text.lower())), text


def _without_word_look(pattern):
    """`pattern` as it was written before `\\b(?=\\w)` stood in front of its alternations of stamp words."""
    return re.compile(pattern.pattern.replace(r"\b(?=\w)", r"\b"), pattern.flags)


def _group_after(source, at):
    """The parenthesised group of a pattern's `source` that opens at index `at` (escapes and classes skipped)."""
    depth, k, in_class = 0, at, False
    while True:
        c = source[k]
        if c == "\\":
            k += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return source[at:k + 1]
        k += 1


def test_every_stamp_word_starts_with_a_word_character():
    from polyglot_news.clean.literals import first_chars

    for p in (linepatterns.DATE_TOKEN_LOW, linepatterns._CLOCK_OR_MONTH_LOW, linepatterns._STAMP_LOW):
        at = p.pattern.index(r"\b(?=\w)(") + len(r"\b(?=\w)")
        chars, categories = first_chars(re.compile(_group_after(p.pattern, at)))
        assert chars and all(re.match(r"\w", c) for c in chars) and set(categories) <= {"digit"}, p.pattern[:30]


_STAMP_PARTS = ["12", "3:45", "2024", "may", "Mai", "updated", "am", "p.m.", "GMT", "ago", "il y a", "à", "Jane", "—", "|", " ", ",", "-", "x2", "monday"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_STAMP_PARTS) | st.text(max_size=3), max_size=10).map(" ".join))
def test_the_word_look_leaves_the_stamp_patterns_answers_as_they_were(text):
    low = text.lower()
    assert linepatterns.DATE_TOKEN_LOW.sub(" ", low) == _without_word_look(linepatterns.DATE_TOKEN_LOW).sub(" ", low), text
    for p in (linepatterns._CLOCK_OR_MONTH_LOW, linepatterns._STAMP_LOW, linepatterns._CLOCK_OR_MONTH, linepatterns._STAMP):
        assert bool(p.search(low)) == bool(_without_word_look(p).search(low)), (p.pattern[:20], text)
