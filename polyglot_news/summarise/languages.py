"""The news scorer for a summary chosen in the article's own language.

`news.features` reads attribution ("..., he said") with an English word list; on Russian or
Ukrainian text that signal would never fire, and the sentences chosen from the source would
drift from those the English summariser picks from a translation. `SourceNewsSummariser`
recomputes the attribution and bare-quote signals with the verbs of reported speech of the
document's language (`attribution_in`, graded: a verb English renders as often "reported" as
"said" counts half), adds three signals that a translation keeps as they are
(`source_features`: length in characters, numbers, capitalised names), and weighs them all with
`source_weights_for(lang)`: weights fitted so that its score of each source sentence comes as close as it
can to the English scorer's score of the aligned English sentence (ridge regression over the
sentences of the tune half of bench/summary_source.py, `--fit` refits and prints them). Position
in a text without paragraphs (`opening`, `opening_early`) keeps the English weights: a
translation keeps the order of the sentences, and the dev documents have paragraphs, so nothing
could be fitted there.
"""

from __future__ import annotations

from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)
from dataclasses import asdict

from .document import SummaryDocument
from .news import NewsSummariser, NewsWeights, features, weighed

_QUOTE = re.compile(r"[\"“”«»„]")
_NUMBER = re.compile(r"\d+")

# Fitted by `python bench/summary_source.py --fit` (tune half only), by language, "*" for every language
# without weights of its own. Its 5-fold cross-validation by document, measured at 1 to 5 sentences,
# compares no fit, ridge pooled over ru and uk or per language, shrunk toward zero or toward the English
# weights, at five strengths: all within 0.01 (0.743 to 0.752 over the tune documents); it chose pooled,
# toward zero, lambda 30. A fit per language, or one kept near the English weights, did no better on uk.
FITTED_WEIGHTS: dict[str, dict[str, float]] = {
    "*": {
        "salience": 1.13, "salience_per_word": 0.76, "centrality": 0.75, "title": 0.26, "names": 0.11,
        "early": 0.15, "attribution": 0.4, "bare_quote": -0.04, "length": 0.55, "short": 0.13,
        "length_chars": 0.53, "numbers": 0.03, "caps": 0.11,
    },
}
# what the fit could not see keeps the English weight (position in a text without paragraphs, MMR)
_ENGLISH = asdict(NewsWeights())


def source_weights_for(lang: str) -> dict[str, float]:
    """The source scorer's weight of every signal for a language: its fitted ones, else those fitted for
    any language ("*"), and the English weight for the signals no fit sees."""
    fitted = FITTED_WEIGHTS.get(lang, FITTED_WEIGHTS["*"])
    return {**{k: v for k, v in _ENGLISH.items() if k not in fitted}, **fitted}


SOURCE_WEIGHTS = source_weights_for("*")
# Verbs and phrases of reported speech, by language (stems, so that every inflection matches).
# Kept to what the English list says (said, says, told, added, according to, announced, explained,
# stated, warned, argued, claimed, insisted), so that a sentence reports speech in both languages or
# in neither: "отметил" (noted) and "подчеркнул" (emphasised) are not on the English list, so not here;
# "сообщил" (reported) and "рассказал" (told, related) are, since English renders them "said" or "told".
_ATTRIBUTION = {
    "ru": r"(?:сказал\w*|говорит|заявил\w*|заявля\w*|добавил\w*|по (?:его |ее |её |их )?словам|согласно|"
          r"по (?:его |ее |её |их |\w+ )?(?:данным|мнению|утверждению|сообщению|информации)|как утвержда\w*|"
          r"как заявля\w*|объявил\w*|объявлено|пояснил\w*|объяснил\w*|предупредил\w*|предупрежда\w*|"
          r"утвержда\w*|настаива\w*|настоял\w*|рассказал\w*|рассказыва\w*|высказал\w*)",
    "uk": r"(?:сказав\w*|сказал\w*|каже|заявив\w*|заявил\w*|заявля\w*|додав\w*|додал\w*|"
          r"за (?:його |її |їх )?словами|згідно|за (?:його |її |їх |\w+ )?(?:даними|повідомленням|інформацією)|"
          r"на (?:його |її |їх )?думку|як стверджу\w*|як заявля\w*|оголосив\w*|оголосил\w*|оголошено|"
          r"пояснив\w*|пояснил\w*|попередив\w*|попередил\w*|попереджа\w*|стверджу\w*|наполяга\w*|наполіг\w*|"
          r"розповів\w*|розповіл\w*|розповіда\w*|розказ\w*|казал\w*|казав|кажуть|кажемо)",
    "bg": r"(?:каза\w*|заяви\w*|добави\w*|според|обяви\w*|обясни\w*|предупреди\w*|твърд\w*|настоя\w*)",
    "sr": r"(?:рекао|рекла|изјавио|изјавила|додао|додала|према|каже|најавио|објаснио|упозорио|тврди\w*|инсистира\w*)",
    "de": r"(?:sagte|sagt|erklärte|fügte hinzu|kündigte an|warnte|laut|zufolge|behauptete|bestand darauf)",
    "fr": r"(?:a déclaré|a dit|a affirmé|a annoncé|a expliqué|a ajouté|a averti|selon|d'après|a insisté)",
    "es": r"(?:dijo|afirmó|declaró|anunció|explicó|añadió|advirtió|aseguró|según|insistió)",
    "it": r"(?:ha detto|ha dichiarato|ha affermato|ha annunciato|ha spiegato|ha aggiunto|secondo|ha avvertito)",
    "pt": r"(?:disse|afirmou|declarou|anunciou|explicou|acrescentou|segundo|de acordo com|alertou)",
    "pl": r"(?:powiedział\w*|oświadczył\w*|dodał\w*|według|zdaniem|ogłosił\w*|wyjaśnił\w*|ostrzegł\w*)",
}
# Verbs of reporting that English renders as often "reported" (not on its list) as "said" (on it):
# "сообщил", "повідомив". They count half (`REPORTED_AS_OFTEN_AS_SAID`), so the signal is what the
# English one is expected to be (on the tune half of bench/summary_source.py: 6 of 17 Russian
# sentences with them were attributed in English; the within-document correlation of the signal with
# the English one went from 0.79 to 0.84 for Russian, 0.89 to 0.94 for Ukrainian). "указал" (pointed
# out) and Ukrainian "говорить" (speaks, talks) left the lists: English says neither with a listed verb.
_HALF_ATTRIBUTION = {
    "ru": r"(?:сообщил\w*|сообща\w*)",
    "uk": r"(?:повідомив\w*|повідомил\w*|повідомля\w*)",
}
REPORTED_AS_OFTEN_AS_SAID = 0.5
_COMPILED = {lang: re.compile(r"(?<!\w)" + pattern + r"(?!\w)", re.IGNORECASE) for lang, pattern in _ATTRIBUTION.items()}
_COMPILED_HALF = {lang: re.compile(r"(?<!\w)" + pattern + r"(?!\w)", re.IGNORECASE) for lang, pattern in _HALF_ATTRIBUTION.items()}


def attribution_in(text: str, lang: str) -> float:
    """How surely the sentence reports speech as its English would say it: 1.0 for a verb English
    renders with one on its list (said, told, according to...), `REPORTED_AS_OFTEN_AS_SAID` for a
    verb of reporting it renders either way, else 0.0 (also for a language with no list)."""
    pattern = _COMPILED.get(lang)
    if pattern and pattern.search(text):
        return 1.0
    half = _COMPILED_HALF.get(lang)
    return REPORTED_AS_OFTEN_AS_SAID if half and half.search(text) else 0.0


def source_features(document: SummaryDocument) -> list[dict[str, float]]:
    """`news.features` with reported speech read in the document's language, plus the signals a
    translation keeps: `length_chars` (characters over the longest candidate's), `numbers` (digit
    groups, three and more count as 1) and `caps` (capitalised words after the first, four and more
    count as 1)."""
    out = features(document)
    longest = max((len(c.text) for c in document.candidates), default=1) or 1
    for c, f in zip(document.candidates, out):
        attributed = attribution_in(c.text, document.lang)
        f["attribution"] = attributed
        f["bare_quote"] = -float(bool(_QUOTE.search(c.text)) and not attributed)
        f["length_chars"] = len(c.text) / longest
        f["numbers"] = min(1.0, len(_NUMBER.findall(c.text)) / 3)
        f["caps"] = min(1.0, sum(1 for w in c.words[1:] if w[:1].isupper()) / 4)
    return out


class SourceNewsSummariser(NewsSummariser):
    """`NewsSummariser` for the source language: `source_features` weighed by `SOURCE_WEIGHTS`."""

    def __init__(self, weights: NewsWeights | None = None, source_weights: dict[str, float] | None = None) -> None:
        super().__init__(weights)
        # None: the weights fitted for the document's language (`source_weights_for`)
        self.source_weights = None if source_weights is None else dict(source_weights)

    def scores(self, document: SummaryDocument) -> list[float]:
        w = self.source_weights if self.source_weights is not None else source_weights_for(document.lang)
        return weighed(source_features(document), lambda k: w.get(k, 0.0))
