"""summarise(): only article sentences, in order, within length, no duplicates, every algorithm offline."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from polyglot_news.config import Settings
from polyglot_news.errors import ConfigError
from polyglot_news.model import BODY, BOILERPLATE, CAPTION, TEASER, TITLE, UI, Article, Segment
from polyglot_news.summarise.algorithms import ALGORITHMS
from polyglot_news.summarise.stage import fit_for_summary, summarise

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

TITLE_TEXT = "Harbour city approves new flood barrier after storm damage"
BODY_TEXTS = [
    "MARSHPORT (Coastal Wire) — The city council of Marshport approved a new flood barrier on Tuesday after last "
    "month's storm damaged hundreds of homes near the harbour.",
    "The barrier will cost 40 million euros and should be finished within three years, officials said.",
    "Council leader Anna Reyes said the flood barrier would protect the harbour district for fifty years.",
    "Residents had asked for stronger flood defences since the storm flooded the harbour market.",
    "Some shop owners worry that the building work will keep tourists away from the harbour during summer.",
    "Engineers from the regional water board will start surveying the seabed in the spring.",
    "Background",
    "The city last rebuilt its sea wall in 1962, after a similar storm destroyed the old pier.",
]
# Page furniture loaded with the title's words: a scorer that looked at it would love it.
CHROME = [
    (CAPTION, "Flood barrier harbour storm council: the harbour flood barrier site. Photo: Harbour Council."),
    (TEASER, "Harbour city storm flood barrier approved as council meets on flood barrier plans."),
    (UI, "Subscribe to our harbour flood barrier newsletter today for storm news."),
    (BOILERPLATE, "Harbour flood barrier storm council news is copyright of the Marshport Gazette."),
]


def make_article(body: list[str] = BODY_TEXTS, chrome: bool = True) -> Article:
    segments = [Segment(line=1, text=TITLE_TEXT, kind=TITLE, lang="en", english=TITLE_TEXT)]
    line = 2
    for i, text in enumerate(body):
        segments.append(Segment(line=line, text=text, kind=BODY, lang="en", english=text))
        line += 1
        if chrome and i < len(CHROME):
            kind, chrome_text = CHROME[i]
            segments.append(Segment(line=line, text=chrome_text, kind=kind, lang="en", english=chrome_text))
            line += 1
    return Article(source="<test>", segments=segments, title=TITLE_TEXT)


def body_english(article: Article) -> dict[int, str]:
    return {s.line: s.english for s in article.segments if s.kind == BODY and s.english}


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_picks_only_body_sentences_in_article_order(algorithm: str) -> None:
    article = make_article()
    summary = summarise(article, Settings(algorithm=algorithm, sentences=3))
    assert len(summary) == 3
    bodies = body_english(article)
    for sentence in summary:
        assert sentence.line in bodies
        assert sentence.text in bodies[sentence.line]
    positions = [(s.line, bodies[s.line].index(s.text)) for s in summary]
    assert positions == sorted(positions)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_is_deterministic(algorithm: str) -> None:
    settings = Settings(algorithm=algorithm, sentences=4)
    first = summarise(make_article(), settings)
    assert first == summarise(make_article(), settings)


def test_title_is_not_a_summary_sentence_even_when_repeated_in_the_body() -> None:
    article = make_article(body=[TITLE_TEXT + "."] + BODY_TEXTS)
    texts = [s.text for s in summarise(article, Settings(algorithm="news", sentences=5))]
    assert TITLE_TEXT + "." not in texts
    assert all(s.text != TITLE_TEXT for s in summarise(article, Settings(algorithm="lead", sentences=5)))


def test_no_fragment_heading_or_dateline_is_picked() -> None:
    summary = summarise(make_article(), Settings(algorithm="lead", sentences=len(BODY_TEXTS)))
    texts = [s.text for s in summary]
    assert "Background" not in texts
    assert texts[0].startswith("The city council of Marshport approved")
    for text in texts:
        assert text[-1] in ".!?\"”»"
        assert text[0].isupper()


def test_sentence_count_words_and_ratio_are_respected() -> None:
    article = make_article()
    assert len(summarise(article, Settings(algorithm="news", sentences=2))) == 2
    by_words = summarise(article, Settings(algorithm="news", words=40))
    assert by_words and sum(len(s.text.split()) for s in by_words) <= 40
    # 7 whole sentences in the body ("Background" is a heading): 0.5 of them is 4.
    assert len(summarise(article, Settings(algorithm="news", ratio=0.5))) == 4
    # Words win over ratio and sentences.
    both = summarise(article, Settings(algorithm="news", sentences=6, ratio=0.9, words=20))
    assert len(both) == 1


def test_a_word_budget_smaller_than_any_sentence_still_gives_one_sentence() -> None:
    assert len(summarise(make_article(), Settings(algorithm="news", words=3))) == 1


def test_near_duplicates_are_dropped() -> None:
    repeated = "Council leader Anna Reyes said on Tuesday the flood barrier would protect the harbour district for fifty years."
    body = BODY_TEXTS[:3] + [repeated] + BODY_TEXTS[3:]
    for algorithm in ("news", "lead", "lexrank", "luhn"):
        texts = [s.text for s in summarise(make_article(body), Settings(algorithm=algorithm, sentences=5))]
        assert not (BODY_TEXTS[2] in texts and repeated in texts), algorithm


def test_untranslated_segments_are_skipped_and_lines_kept() -> None:
    article = make_article(chrome=False)
    russian = "Городской совет утвердил строительство новой дамбы после сильного шторма в гавани."
    article.segments.insert(1, Segment(line=99, text=russian, kind=BODY, lang="ru", english=None))
    translated = Segment(
        line=50,
        text="Мэр Анна Рейес сказала, что дамба защитит гавань.",
        kind=BODY,
        lang="ru",
        english="Mayor Anna Reyes said the flood barrier would protect the harbour from every storm.",
        translated_by="argos",
    )
    article.segments.insert(2, translated)
    summary = summarise(article, Settings(algorithm="news", sentences=len(BODY_TEXTS) + 2))
    assert all(s.line != 99 for s in summary)
    assert all(russian not in s.text for s in summary)
    assert any(s.line == 50 and s.text == translated.english for s in summary)


def test_an_article_with_nothing_in_english_has_an_empty_summary() -> None:
    segments = [
        Segment(line=1, text="Заголовок новости о дамбе", kind=TITLE, lang="ru"),
        Segment(line=2, text="Совет утвердил строительство новой дамбы в гавани города.", kind=BODY, lang="ru"),
    ]
    assert summarise(Article(source="<test>", segments=segments), Settings()) == []


def test_unknown_algorithm_is_a_config_error_listing_the_choices() -> None:
    with pytest.raises(ConfigError) as error:
        summarise(make_article(), Settings(algorithm="magic"))
    assert "magic" in str(error.value)
    for name in ("news", "lead", "lexrank", "textrank", "lsa", "luhn"):
        assert name in str(error.value)


@pytest.mark.parametrize("bad", [{"sentences": 0}, {"ratio": 1.5}, {"words": 0}])
def test_bad_lengths_are_config_errors(bad: dict) -> None:
    with pytest.raises(ConfigError):
        summarise(make_article(), replace(Settings(), **bad))


@pytest.mark.parametrize(
    "text",
    [
        "Subscribe",
        "log in or register",
        "Read more about the harbour flood barrier and the storm here.",
        "© Photo : Harbour Council Flood barrier works in pictures",
        "the council approved the plan on Tuesday after a long debate.",
        "Flood barrier works in pictures - Marshport Gazette",
        "14:20 14.03.2026",
    ],
)
def test_chrome_and_fragments_are_unfit(text: str) -> None:
    assert not fit_for_summary(text)


def test_reference_page_summary_holds_no_chrome_even_without_cleaning() -> None:
    page = SHARED_DATA / "reference" / "scraped-news-page.txt"
    if not page.exists():
        pytest.skip("shared data not available")
    lines = page.read_text(encoding="utf-8").splitlines()
    # Worst case: every line of the page marked as body; our own filters must still hold.
    segments = [
        Segment(line=n, text=t, kind=BODY, lang="en", english=t) for n, t in enumerate(lines, start=1) if t.strip()
    ]
    article = Article(source=str(page), segments=segments)
    for algorithm in ("news", "lexrank", "lead"):
        summary = summarise(article, Settings(algorithm=algorithm, sentences=6))
        assert len(summary) == 6
        for sentence in summary:
            assert "Subscribe" not in sentence.text and "loader" not in sentence.text
            assert "Sputnik International" not in sentence.text
            assert "log in" not in sentence.text and "©" not in sentence.text
            assert sentence.text[-1] in ".!?\"”»"


def test_news_redundancy_weight_sends_a_repeat_to_the_bottom_of_the_ranking() -> None:
    from polyglot_news.summarise.news import NewsSummariser, NewsWeights
    from polyglot_news.summarise.stage import summary_document

    repeated = "Council leader Anna Reyes said on Tuesday the flood barrier would protect the harbour district for fifty years."
    document = summary_document(make_article(BODY_TEXTS[:3] + [repeated] + BODY_TEXTS[3:], chrome=False))
    pair = {c.index for c in document.candidates if "Anna Reyes" in c.text}
    assert len(pair) == 2
    plain = NewsSummariser(NewsWeights(redundancy=0.0)).rank(document)
    mmr = NewsSummariser(NewsWeights(redundancy=10.0)).rank(document)
    assert sorted(plain) == sorted(mmr) == list(range(len(document.candidates)))
    assert mmr[-1] in pair and plain[-1] not in pair


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("LONDON, March 3 (Wire) - Shares in harbour firms fell sharply on Monday.", "Shares in harbour firms fell sharply on Monday."),
        ("(Coastal Wire) -- The storm reached the harbour overnight.", "The storm reached the harbour overnight."),
        ("KYIV — Officials said the harbour bridge reopened at noon.", "Officials said the harbour bridge reopened at noon."),
        ("US - China harbour talks resumed on Monday morning.", "US - China harbour talks resumed on Monday morning."),
    ],
)
def test_datelines_are_cut_from_the_sentence_they_open(sentence: str, kept: str) -> None:
    article = make_article(body=[sentence], chrome=False)
    assert [s.text for s in summarise(article, Settings(algorithm="lead", sentences=1))] == [kept]


def _one_block_article(body: list[str]) -> Article:
    """The article as some feeds and data sets give it: a title, then the whole body as one paragraph."""
    block = " ".join(body)
    segments = [
        Segment(line=1, text=TITLE_TEXT, kind=TITLE, lang="en", english=TITLE_TEXT),
        Segment(line=2, text=block, kind=BODY, lang="en", english=block),
    ]
    return Article(source="<test>", segments=segments, title=TITLE_TEXT)


def _top(document, weights, n: int = 3) -> list[int]:
    from polyglot_news.summarise.news import NewsSummariser

    return sorted(document.candidates[i].index for i in NewsSummariser(weights).rank(document)[:n])


def test_news_takes_the_opening_of_a_text_without_paragraphs() -> None:
    from polyglot_news.summarise.news import NewsWeights
    from polyglot_news.summarise.stage import summary_document

    body = [t for t in BODY_TEXTS if t != "Background"]
    document = summary_document(_one_block_article(body))
    assert _top(document, NewsWeights()) == [0, 1, 2]
    # Without the opening signals the salience of the council leader's quote wins over the third sentence.
    assert _top(document, NewsWeights(opening=0.0, opening_early=0.0)) != [0, 1, 2]
    texts = [s.text for s in summarise(_one_block_article(body), Settings(sentences=3))]
    assert texts == [body[0].split("— ", 1)[1], body[1], body[2]]


def test_the_opening_of_a_text_counts_its_sentences_fit_or_not() -> None:
    from polyglot_news.summarise.news import features
    from polyglot_news.summarise.stage import summary_document

    body = [BODY_TEXTS[0], "Very costly.", BODY_TEXTS[1], BODY_TEXTS[5], BODY_TEXTS[2]]
    signals = features(summary_document(_one_block_article(body)))
    # "Very costly." is unfit but still the second sentence: the opening holds two candidates, not three.
    assert [f["opening"] for f in signals] == [1.0, 1.0, 0.0, 0.0]
    early = [f["opening_early"] for f in signals]
    assert early == sorted(early, reverse=True) and early[2] == 1.0 / 4
    assert all(f["lead"] == 0.0 for f in signals)


def test_the_opening_signals_leave_an_article_with_paragraphs_alone() -> None:
    from polyglot_news.summarise.news import NewsSummariser, NewsWeights
    from polyglot_news.summarise.stage import summary_document

    document = summary_document(make_article(chrome=False))
    assert any(c.paragraph > 0 for c in document.candidates)
    plain = NewsSummariser(NewsWeights(opening=0.0, opening_early=0.0)).rank(document)
    assert NewsSummariser(NewsWeights()).rank(document) == plain


def test_reference_page_summary_is_three_article_sentences() -> None:
    page = SHARED_DATA / "reference" / "scraped-news-page.txt"
    if not page.exists():
        pytest.skip("shared data not available")
    lines = page.read_text(encoding="utf-8").splitlines()
    segments = [
        Segment(line=n, text=t, kind=BODY, lang="en", english=t) for n, t in enumerate(lines, start=1) if t.strip()
    ]
    summary = summarise(Article(source=str(page), segments=segments), Settings(sentences=3))
    assert len(summary) == 3
    for sentence in summary:
        source_line = lines[sentence.line - 1]
        # An article paragraph: a long line of prose, not a caption, teaser or widget.
        assert len(source_line.split()) >= 20 and " ".join(sentence.text.split()) in " ".join(source_line.split())
        assert "Sputnik International" not in sentence.text and "©" not in sentence.text
        assert "Subscribe" not in sentence.text and "log in" not in sentence.text



def _word_lists():
    from polyglot_news.summarise import news, stage

    return [stage._FURNITURE, stage._FURNITURE_ANY, news._ATTRIBUTED]


def test_phrase_check_agrees_with_its_patterns():
    """The substring pre-check never rules out a sentence its pattern would find, also with letters
    whose lower case is another letter (İ, ſ, the Kelvin sign, old Cyrillic о)."""
    cases = [
        "Subscribe to our newsletter today for more news.", "The minister said the plan would work.",
        "İmage copyright Reuters shows the scene.", "Readers can ſhare this story with friends now.",
        "Comments (12) are closed on this article.", "Photos : the \u212aremlin at night, as seen.",
        "Ф\u1c82то: пресс-служба правительства области.", "Все права защищены, пишет издание сегодня.",
        "The related stories were not shown at all.", "© 2024 The Paper, with every right kept.",
        "Click here to read the rest of the story.", "He described the video: a long and quiet one.",
        "The plan, she ſaid, was never tried.", "According to the mayor, nothing changed.", "A quiet day.",
    ]
    found = 0
    for sentence in cases:
        for phrases in _word_lists():
            expected = bool(phrases.pattern.search(sentence))
            assert phrases.found_in(sentence) == expected, sentence
            found += expected
    assert found >= 10  # the cases do reach the patterns


def test_phrase_letters_lower_case_to_what_the_patterns_take_them_for():
    """Every character IGNORECASE takes for a letter of the words lower-cases to that letter, bar the
    few `phrases.ODD_CASE` sends to the pattern: what makes the lower-case pre-check exact."""
    import re
    import sys

    from polyglot_news.summarise.phrases import ODD_CASE

    letters = {ch for p in _word_lists() for w in (*p.words, *p.openings, *p.labels) for ch in w if ch.isalpha()}
    every = "".join(map(chr, range(sys.maxunicode + 1))).encode("utf-16", "surrogatepass").decode("utf-16", "ignore")
    candidates = set(re.findall("[" + re.escape("".join(sorted(letters))) + "]", every, re.IGNORECASE))
    for c in candidates - set(ODD_CASE.findall(every)):
        taken_for = {ch for ch in letters if re.fullmatch(re.escape(ch), c, re.IGNORECASE)}
        assert taken_for <= {c.lower()}, (hex(ord(c)), taken_for)


def test_every_letter_keeps_a_word_character_when_lower_cased():
    """Each letter lower-cases to text holding a letter or digit, so a sentence's plain words (`_plain`)
    are at least as long as its letters: what lets summary_document skip comparing a long sentence
    with the title."""
    import re
    import sys

    word = re.compile(r"[^\W_]")
    letters = (chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    assert [hex(ord(c)) for c in letters if c.isalpha() and not word.search(c.lower())] == []


def test_a_body_sentence_repeating_the_title_is_left_out():
    title = "The Harbour Council Approves The New Flood Barrier After The Storm Damage Last Month."
    body = [title, "The barrier will cost 40 million euros and should be finished within three years, officials said."]
    segments = [Segment(line=1, text=title, kind=TITLE, lang="en", english=title)]
    segments += [Segment(line=i + 2, text=t, kind=BODY, lang="en", english=t) for i, t in enumerate(body)]
    sentences = [s.text for s in summarise(Article(source="<test>", segments=segments, title=title), Settings(sentences=2))]
    assert sentences == [body[1]]
