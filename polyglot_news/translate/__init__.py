"""Stage 5, translate: the `Translator` protocol, the Argos backend, the cache, the model store and the stage.

`to_english(articles, settings, glossary)` is the pipeline stage. Nothing here imports
argostranslate or ctranslate2 at module level: `argos.py` loads them when a segment needs a model.
`models.py` lists, installs and removes the Argos packages (`polyglot-news models`).
"""

from __future__ import annotations

from .base import Decoding, Output, Translator
from .stage import to_english

__all__ = ["to_english", "Translator", "Decoding", "Output"]
