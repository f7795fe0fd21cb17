"""`batch`: digest a whole folder tree, incrementally and resumably, with parallel workers.

    report = run_batch("scraped/", "digests/", formats=("text", "json"), jobs=2)
    report.failed        # [(relative path, reason), ...]

- `run.py`: the run (discovery, the work queue, progress, atomic writes, the report file);
- `chunks.py`: the unit of work, `digest_chunk`, a pure function over a chunk of inputs;
  `work.py`: `digest_input`, the same for one input;
- `pools.py`: where chunks run: here, or local workers forked warm; `cluster.py`: on Dask (`--cluster`);
- `manifest.py`: the SQLite manifest of what is done; `fingerprint.py`: what "done" depends on;
- `report.py`: what a run did, and where outputs go.
"""

from .report import BatchReport, output_paths
from .run import DEFAULT_FORMATS, MANIFEST_NAME, REPORT_NAME, run_batch
from .work import Outcome, digest_input

__all__ = ["run_batch", "BatchReport", "digest_input", "Outcome", "output_paths", "REPORT_NAME", "MANIFEST_NAME",
           "DEFAULT_FORMATS"]
