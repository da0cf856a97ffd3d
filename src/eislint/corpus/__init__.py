"""`eislint corpus`: lint many tender bundles on Dask and write Parquet findings plus summaries.

Modules, in the order data flows through them:

    manifest.py     the input: a folder of bundle folders, or a CSV/JSONL manifest with metadata
    fingerprint.py  content hash of a bundle, hash of the rule set (what makes a result current)
    task.py         what runs on a Dask worker: the pipeline plugin and the per-bundle lint task
    run.py          the driver: a Dask client (LocalCluster or --scheduler), submit, collect
    store.py        the results folder: atomic per-batch Parquet parts, resume state, consolidation
    report.py       `eislint corpus report`: a self-contained HTML page
    cli.py          the Click commands

Only cli.py is imported by `eislint --help`; it imports nothing from the optional extra.
See docs/corpus.md.
"""

from __future__ import annotations

# The optional extra 'corpus' (pyproject.toml): module to import -> distribution name.
EXTRA_MODULES = {
    "dask": "dask",
    "distributed": "distributed",
    "pyarrow": "pyarrow",
    "pandas": "pandas",
    "matplotlib": "matplotlib",
}


class MissingExtra(RuntimeError):
    """The optional dependencies of `eislint corpus` are not installed."""


def require_extra(*modules: str) -> None:
    """Import the given extra modules (all by default); a Dutch error naming what is missing."""
    missing = []
    for name in modules or tuple(EXTRA_MODULES):
        try:
            __import__(name)
        except ImportError:
            missing.append(EXTRA_MODULES.get(name, name))
    if missing:
        raise MissingExtra(
            f"'eislint corpus' heeft extra pakketten nodig die niet geïnstalleerd zijn ({', '.join(missing)}); "
            "installeer ze met: pip install 'eislint[corpus]'"
        )
