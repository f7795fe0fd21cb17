"""Extractive summarisers by name: each ranks the candidate sentences of a `SummaryDocument`.

A summariser is any object with `rank(document) -> list[int]` (candidate indices,
best first). `summariser_for(name)` builds one; `ALGORITHMS` lists the names. sumy is
imported only when one of its algorithms runs.
"""

from __future__ import annotations

from typing import Callable, Protocol

from ..errors import ConfigError
from .document import Candidate, SummaryDocument
from .lead import LeadSummariser
from .news import NewsSummariser

# sumy's algorithms by name: their backend (`sumy_backend.py`) is imported when one is chosen
SUMY_ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction", "random")


class Summariser(Protocol):
    """Ranks the candidate sentences of a document, best first."""

    def rank(self, document: SummaryDocument) -> list[int]: ...


def _sumy(name: str) -> Callable[[], Summariser]:
    def build() -> Summariser:
        from .sumy_backend import SumySummariser

        return SumySummariser(name)

    return build


_FACTORIES: dict[str, Callable[[], Summariser]] = {
    "news": NewsSummariser,
    "lead": LeadSummariser,
    **{name: _sumy(name) for name in SUMY_ALGORITHMS},
}
ALGORITHMS: tuple[str, ...] = tuple(_FACTORIES)


def summariser_for(name: str) -> Summariser:
    """The summariser registered as `name` (case-insensitive); ConfigError naming the choices otherwise."""
    factory = _FACTORIES.get((name or "").strip().lower())
    if factory is None:
        raise ConfigError(f"unknown summary algorithm {name!r}: choose one of {', '.join(ALGORITHMS)}")
    return factory()


__all__ = ["ALGORITHMS", "Candidate", "Summariser", "SummaryDocument", "summariser_for"]
