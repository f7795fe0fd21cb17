"""The `Translator` protocol: what the translate stage needs from any machine-translation engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Decoding:
    """Decoding settings for one batch; part of the cache key, since they change the output."""

    beam_size: int = 4
    max_output_tokens: int = 256
    repetition_penalty: float = 1.0

    def key(self) -> str:
        return f"beam{self.beam_size}-max{self.max_output_tokens}-rep{self.repetition_penalty:g}"


@dataclass
class Output:
    """One translated sentence and how many tokens the engine produced for it."""

    text: str
    tokens: int


class Translator(Protocol):
    """Translates sentences from one language to another, in one batched call.

    `identity` names the model exactly (it keys the persistent cache): two translators with
    the same identity must give the same output for the same input and decoding settings.
    """

    from_code: str
    to_code: str
    identity: str

    def translate(self, sentences: list[str], decoding: Decoding) -> list[Output]:
        """Translate every sentence; the result is in input order, one Output per sentence."""
        ...
