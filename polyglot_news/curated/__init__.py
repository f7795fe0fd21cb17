"""The curated term lists (`glossaries/` files and the user's): named terms and UI strings.

The cleaner, the detector, the translator and the glossary stage all read them, so they sit
below the stages. `entries.py` holds the data (`Entry`, `Glossary`), `store.py` loads CSV/TSV
files, `tbx.py` reads and writes TBX, `match.py` finds terms in text in any inflected form.
"""

from .entries import NAME_KINDS, UI_KIND, Entry, Glossary, ui_key
from .store import load_glossaries

__all__ = ["Entry", "Glossary", "load_glossaries", "ui_key", "NAME_KINDS", "UI_KIND"]
