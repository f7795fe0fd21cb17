"""The Argos Translate backend: an installed package's tokenizer and CTranslate2 model, batched.

It follows argostranslate's own path (`argostranslate.translate.apply_packaged_translation`):
the package's tokenizer encodes, `ctranslate2.Translator.translate_batch` decodes with Argos's
settings (replace_unknowns, length_penalty 0.2, the package's target prefix), the tokenizer
decodes and the prefix and leading space are stripped. What differs is on purpose: sentences come
split by our own offline splitter (Argos's MiniSBD would download a model on first use), every
pending sentence of a run goes through one `translate_batch` call instead of one per paragraph,
and only `argostranslate.package` is imported (not `argostranslate.translate`, which pulls in
stanza, spaCy and onnxruntime for sentence splitting).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..errors import ModelError
from .base import Decoding, Output
from .models import InstalledPackage

_LOADED: dict[str, "ArgosTranslator"] = {}  # one loaded model per package per process
BATCH_SIZE = 32  # most sentences per CTranslate2 batch; it sorts them by length inside a call


def thread_layout(env: dict[str, str], cores: int) -> tuple[int, int]:
    """(inter_threads, intra_threads) for CTranslate2 from Argos's variables and the core count.

    An explicit ARGOS_INTER_THREADS keeps Argos's meaning of both variables. Otherwise
    ARGOS_INTRA_THREADS (0: every core) is the thread budget and goes to parallel batches, one
    core each: the matrices of a base-sized int8 model are too small to split well across cores,
    so independent batches side by side decode more sentences per second (about 1.2x on 2 cores).
    """
    intra = int(env.get("ARGOS_INTRA_THREADS") or 0)
    if env.get("ARGOS_INTER_THREADS"):
        return max(1, int(env["ARGOS_INTER_THREADS"])), intra
    return max(1, intra or cores), 1


def batch_size(count: int, workers: int) -> int:
    """Sentences per batch: BATCH_SIZE shared by the workers, and small enough that each gets one.

    Sharing keeps the sentences in flight (and so peak memory) what one worker would hold.
    """
    return max(1, min(BATCH_SIZE // workers, -(-count // workers)))


def package_identity(path: Path) -> str:
    """A short hash naming the package exactly: its metadata plus size and mtime of every file."""
    h = hashlib.sha256()
    h.update((path / "metadata.json").read_bytes())
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        st = f.stat()
        h.update(f"{f.relative_to(path).as_posix()}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:20]


class ArgosTranslator:
    """One installed Argos package; satisfies the `Translator` protocol.

    The identity comes from the files alone, so a run served entirely from the cache never
    loads the model (nor imports argostranslate): that happens on the first `translate` call.
    """

    def __init__(self, installed: InstalledPackage):
        self.path = installed.path
        self.from_code = installed.from_code
        self.to_code = installed.to_code
        self.identity = f"argos:{installed.pair}:{package_identity(installed.path)}"
        meta = json.loads((installed.path / "metadata.json").read_text(encoding="utf-8"))
        self.target_prefix = meta.get("target_prefix", "") or ""
        self.package = None
        self.model = None
        self.workers = 1

    def _load(self) -> None:
        import ctranslate2
        from argostranslate.package import Package

        env = os.environ  # the same knobs as argostranslate.settings; threads see thread_layout
        self.workers, intra = thread_layout(dict(env), os.cpu_count() or 1)
        try:
            self.package = Package(self.path)
            self.model = ctranslate2.Translator(
                str(self.path / "model"),
                device=env.get("ARGOS_DEVICE_TYPE", "cpu"),
                inter_threads=self.workers,
                intra_threads=intra,
                compute_type=env.get("ARGOS_COMPUTE_TYPE", "auto"),
            )
        except Exception as e:  # CTranslate2 reports damaged files as RuntimeError, IndexError, ...
            raise ModelError(f"{self.path}: the model failed to load ({type(e).__name__}: {e})") from None

    def translate(self, sentences: list[str], decoding: Decoding) -> list[Output]:
        """Translate sentences in batches with Argos's decoding settings; order is kept."""
        if not sentences:
            return []
        if self.model is None:
            self._load()
        tokenizer = self.package.tokenizer
        tokens = [tokenizer.encode(s) for s in sentences]
        prefix = [[self.target_prefix]] * len(tokens) if self.target_prefix else None
        results = self.model.translate_batch(
            tokens,
            target_prefix=prefix,
            replace_unknowns=True,
            max_batch_size=batch_size(len(tokens), self.workers),
            batch_type="examples",
            beam_size=decoding.beam_size,
            num_hypotheses=1,
            length_penalty=0.2,
            max_decoding_length=decoding.max_output_tokens,
            repetition_penalty=decoding.repetition_penalty,
        )
        outputs = []
        for result in results:
            hyp = result.hypotheses[0]
            text = tokenizer.decode(hyp)
            if self.target_prefix and text.startswith(self.target_prefix):
                text = text[len(self.target_prefix) :]
            if text.startswith(" "):
                text = text[1:]
            outputs.append(Output(text, len(hyp) - (1 if self.target_prefix else 0)))
        return outputs


def load(installed: InstalledPackage) -> ArgosTranslator:
    """The loaded translator for a package, reused across calls in this process."""
    key = str(installed.path.resolve())
    translator = _LOADED.get(key)
    if translator is None or translator.identity.split(":")[-1] != package_identity(installed.path):
        translator = _LOADED[key] = ArgosTranslator(installed)
    return translator
