"""Stage 4, summarise: choose the article's summary sentences.

`summarise(article, settings)` is the stage (`stage.py`): it builds the candidate sentences
(`document.py`) and asks a summariser by name (`algorithms.py`: our news scorer, the lead,
sumy's algorithms) to rank them.
"""

from .stage import summarise

__all__ = ["summarise"]
