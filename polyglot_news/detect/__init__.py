"""Stage 3, detect: the language of every segment, robust on one-word UI strings.

`mark_languages(article, glossary)` is the stage and `detect_language(text)` the detector for one
string (`language.py`); the statistical evidence is langdetect's n-gram profiles (`ngrams.py`)
and per-language letters, endings and function words (`langfeatures.py`).
"""

from .language import Detection, Detector, detect_language, mark_languages

__all__ = ["Detection", "Detector", "detect_language", "mark_languages"]
