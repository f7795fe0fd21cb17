"""The news scorer for a summary chosen in the article's own language.

`news.features` reads attribution ("..., he said") with an English word list; on Russian or
Ukrainian text that signal would never fire, and the sentences chosen from the source would
drift from those the English summariser picks from a translation. `SourceNewsSummariser`
keeps every other signal and weight of `NewsSummariser` and recomputes the attribution and
bare-quote signals with the verbs of reported speech of the document's language.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from .document import SummaryDocument
from .news import NewsSummariser, features

_QUOTE = re.compile(r"[\"“”«»„]")
# Verbs and phrases of reported speech, by language (stems, so that every inflection matches).
# Kept to what the English list says (said, says, told, added, according to, announced, explained,
# stated, warned, argued, claimed, insisted), so that a sentence reports speech in both languages or
# in neither: "отметил" (noted) and "подчеркнул" (emphasised) are not on the English list, so not here;
# "сообщил" (reported) and "рассказал" (told, related) are, since English renders them "said" or "told".
_ATTRIBUTION = {
    "ru": r"(?:сказал\w*|говорит|заявил\w*|заявля\w*|добавил\w*|по (?:его |ее |её |их )?словам|согласно|"
          r"по (?:его |ее |её |их )?(?:данным|мнению|утверждению|сообщению|информации)|как утвержда\w*|"
          r"как заявля\w*|объявил\w*|объявлено|пояснил\w*|объяснил\w*|предупредил\w*|предупрежда\w*|"
          r"утвержда\w*|настаива\w*|настоял\w*|указал\w*|сообщил\w*|сообща\w*|рассказал\w*|рассказыва\w*|высказал\w*)",
    "uk": r"(?:сказав\w*|сказал\w*|каже|говорить|заявив\w*|заявил\w*|заявля\w*|додав\w*|додал\w*|"
          r"за (?:його |її |їх )?словами|згідно|за (?:його |її |їх )?(?:даними|повідомленням|інформацією)|"
          r"на (?:його |її |їх )?думку|як стверджу\w*|як заявля\w*|оголосив\w*|оголосил\w*|оголошено|"
          r"пояснив\w*|пояснил\w*|попередив\w*|попередил\w*|попереджа\w*|стверджу\w*|наполяга\w*|наполіг\w*|вказав\w*|"
          r"розповів\w*|розповіл\w*|розповіда\w*|розказ\w*|повідомив\w*|повідомил\w*|повідомля\w*|казал\w*|казав|"
          r"кажуть|кажемо|говорять|говоримо)",
    "bg": r"(?:каза\w*|заяви\w*|добави\w*|според|обяви\w*|обясни\w*|предупреди\w*|твърд\w*|настоя\w*)",
    "sr": r"(?:рекао|рекла|изјавио|изјавила|додао|додала|према|каже|најавио|објаснио|упозорио|тврди\w*|инсистира\w*)",
    "de": r"(?:sagte|sagt|erklärte|fügte hinzu|kündigte an|warnte|laut|zufolge|behauptete|bestand darauf)",
    "fr": r"(?:a déclaré|a dit|a affirmé|a annoncé|a expliqué|a ajouté|a averti|selon|d'après|a insisté)",
    "es": r"(?:dijo|afirmó|declaró|anunció|explicó|añadió|advirtió|aseguró|según|insistió)",
    "it": r"(?:ha detto|ha dichiarato|ha affermato|ha annunciato|ha spiegato|ha aggiunto|secondo|ha avvertito)",
    "pt": r"(?:disse|afirmou|declarou|anunciou|explicou|acrescentou|segundo|de acordo com|alertou)",
    "pl": r"(?:powiedział\w*|oświadczył\w*|dodał\w*|według|zdaniem|ogłosił\w*|wyjaśnił\w*|ostrzegł\w*)",
}
_COMPILED = {lang: re.compile(r"(?<!\w)" + pattern + r"(?!\w)", re.IGNORECASE) for lang, pattern in _ATTRIBUTION.items()}


def attribution_in(text: str, lang: str) -> bool:
    """True when the sentence reports speech in its language (None known for the language: False)."""
    pattern = _COMPILED.get(lang)
    return bool(pattern and pattern.search(text))


class SourceNewsSummariser(NewsSummariser):
    """`NewsSummariser` with reported speech recognised in the document's language."""

    def scores(self, document: SummaryDocument) -> list[float]:
        w = asdict(self.weights)
        out = []
        for c, f in zip(document.candidates, features(document)):
            attributed = attribution_in(c.text, document.lang)
            f["attribution"] = float(attributed)
            f["bare_quote"] = -float(bool(_QUOTE.search(c.text)) and not attributed)
            out.append(sum(w[k] * v for k, v in f.items()))
        return out
