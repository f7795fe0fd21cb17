"""Lead: the article's first sentences, the baseline every news summariser is judged against."""

from __future__ import annotations

from .document import SummaryDocument


class LeadSummariser:
    """Ranks candidates by position: the first sentence first."""

    name = "lead"

    def rank(self, document: SummaryDocument) -> list[int]:
        """Candidate indices in article order."""
        return [c.index for c in document.candidates]
