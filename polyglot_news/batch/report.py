"""What a run did (`BatchReport`) and where each input's outputs go (`output_paths`).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import ConfigError


@dataclass
class BatchReport:
    """What one batch run did; `ok` is False when any input failed or the run was interrupted."""

    in_dir: str
    out_dir: str
    started: float = field(default_factory=time.time)
    seconds: float = 0.0
    found: int = 0
    digested: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    interrupted: bool = False
    notes: list[str] = field(default_factory=list)  # what the run had to do that the user should know (a healed manifest)
    jobs: int = 1
    worker_peak_rss: dict[int, int] = field(default_factory=dict)  # pid -> bytes
    worker_cpu: dict[int, float] = field(default_factory=dict)  # pid -> CPU seconds used by the end
    worker_warmup_cpu: dict[int, float] = field(default_factory=dict)  # pid -> CPU seconds before its first chunk
    chunks: int = 0  # chunks of inputs digested
    chunk_seconds: float = 0.0  # their time inside the workers, added up
    work_seconds: float = 0.0  # wall time from the first chunk sent to the last one back

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted

    def text(self) -> str:
        """The run report as plain text: counts, then every failed input with its reason."""
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.started))
        lines = [
            f"polyglot-news batch report, {when}",
            f"input:     {self.in_dir}",
            f"output:    {self.out_dir}",
            f"found {self.found}, digested {len(self.digested)}, unchanged {self.unchanged}, "
            f"failed {len(self.failed)}, removed {len(self.removed)}; {self.seconds:.1f} s, {self.jobs} job(s)"
            + (" - INTERRUPTED, rerun to finish" if self.interrupted else ""),
        ]
        from ..render.labels import one_line  # a file name or message with a newline must not fake a line

        lines += [f"note: {one_line(n)}" for n in self.notes]
        if self.failed:
            lines += ["", f"Failed ({len(self.failed)}):"] + [f"  {one_line(rel)}: {one_line(reason)}" for rel, reason in sorted(self.failed)]
        if self.removed:
            lines += ["", f"Removed since the last run ({len(self.removed)}; their old outputs are kept):"]
            lines += [f"  {one_line(rel)}" for rel in sorted(self.removed)]
        return "\n".join(lines) + "\n"


def output_paths(out_dir: Path, rel: str, formats: Iterable[str]) -> dict[str, Path]:
    """Where one input's outputs go: its relative path under `out_dir`, plus the format's extension.

    Raises ConfigError if the path would leave `out_dir` (it cannot, for paths from
    `discover`; this guards callers that pass their own names).
    """
    from ..render import EXTENSIONS

    parts = rel.split("/")
    if rel.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ConfigError(f"{rel}: not a safe relative path for an output")
    base = out_dir.joinpath(*parts)
    paths = {fmt: base.with_name(f"{base.name}.{EXTENSIONS[fmt]}") for fmt in formats}
    root = os.path.realpath(out_dir)
    for p in paths.values():
        if os.path.commonpath([root, os.path.realpath(p)]) != root:
            raise ConfigError(f"{rel}: output would be written outside {out_dir}")
    return paths
