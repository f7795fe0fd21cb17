"""Translation to English: the `Translator` protocol, the Argos backend, the cache and the stage.

`to_english(articles, settings, glossary)` is the pipeline stage. Nothing here imports
argostranslate or ctranslate2 at module level: `argos.py` loads them when a segment needs a model.
"""

from __future__ import annotations

from .base import Decoding, Output, Translator
from .stage import to_english

__all__ = ["to_english", "Translator", "Decoding", "Output"]
