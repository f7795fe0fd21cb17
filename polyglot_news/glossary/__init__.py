"""Glossaries: curated term lists (`store`) and the named-term glossary of an article."""

from .store import Entry, Glossary, load_glossaries, ui_key

__all__ = ["Entry", "Glossary", "load_glossaries", "ui_key"]
