"""Stage 4, summarise: choose the article's summary sentences.

`summarise(article, settings)` is the stage (`stage.py`): it builds the candidate sentences
(`document.py`) and asks a summariser by name (`algorithms.py`: our news scorer, the lead,
sumy's algorithms) to rank them. `summarise(article, settings, lang)` chooses the summary in
the article's own language (`summary_language`), from the source text: per-language stems and
stop words (`words.py`), reported speech by language (`languages.py`).
"""

from .stage import summarise, summarise_in, summary_language

__all__ = ["summarise", "summarise_in", "summary_language"]
