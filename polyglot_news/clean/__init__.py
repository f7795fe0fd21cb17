"""Stage 2, clean: mark each segment's kind (title, body, caption, teaser, ui, boilerplate).

`mark_kinds(article, glossary)` is the stage; what one line shows on its own (measures and
chrome patterns) lives in `linepatterns.py`, and finding the article among the chrome in the rest.
"""

from .article import mark_kinds

__all__ = ["mark_kinds"]
