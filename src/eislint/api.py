"""Library entry point for notebooks and scripts: lint a tender bundle, get flat findings.

Built on `eislint.lint_paths` (the engine the CLI uses); nothing here changes how findings are
made, it only turns a `Report` into flat records (one dict per finding, scalar values only) that
fit a pandas DataFrame or a Parquet file.

    from eislint import api

    result = api.lint_bundle("aanbestedingen/lms-gemeente-zeedorp")
    result.records()                      # [{'rule': 'eisen.vage-term', 'line': 12, ...}, ...]
    df = result.to_frame()                # pandas DataFrame (pip install 'eislint[corpus]')
    df.groupby("category").size()

    df = api.findings_frame([api.lint_bundle(p) for p in ["tender-a", "tender-b"]])

pandas is imported only by `to_frame`/`findings_frame`, so the records work without the extra.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from eislint.engine import Report, RunOptions
from eislint.findings import Finding

# The flat record of one finding: column name -> Python type. Fixed, so that every Parquet part a
# corpus run writes has the same schema (a column that is None in one bundle keeps its type).
FINDING_COLUMNS: dict[str, type] = {
    "document": str,  # path of the file relative to the bundle
    "path": str,  # path as the engine reports it
    "rule": str,
    "category": str,
    "severity": str,
    "message": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "start": int,
    "end": int,
    "match": str,
    "section": str,
    "section_kind": str,  # what part of the tender the section is (aanleiding, eisen, gunning, ...)
    "requirement": str,
    "where": str,
    "location": str,  # JSON of the format-specific location (paragraph, cell, page)
    "citation": str,
    "suggestion": str,
    "rewrite": str,
    "fix_title": str,
    "fix_applicability": str,
    "confidence": str,
}


def finding_record(finding: Finding, root: Path | None = None) -> dict[str, Any]:
    """One finding as a flat dict with the keys of FINDING_COLUMNS."""
    path = Path(finding.path)
    document = finding.path
    if root is not None:
        try:
            document = path.relative_to(root).as_posix() if root.is_dir() else path.name
        except ValueError:
            document = path.as_posix()
    fix = finding.fix
    location = finding.location.as_dict()
    return {
        "document": document,
        "path": finding.path,
        "rule": finding.rule,
        "category": finding.category,
        "severity": finding.severity.label,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "start": finding.start,
        "end": finding.end,
        "match": finding.match,
        "section": finding.section,
        "section_kind": finding.section_kind,
        "requirement": finding.requirement,
        "where": finding.where or None,
        "location": json.dumps(location, ensure_ascii=False, sort_keys=True) if location else None,
        "citation": finding.citation,
        "suggestion": finding.suggestion,
        "rewrite": finding.rewrite,
        "fix_title": fix.title if fix is not None else None,
        "fix_applicability": fix.applicability.value if fix is not None else None,
        "confidence": finding.confidence,
    }


@dataclass(slots=True)
class BundleResult:
    """The outcome of linting one bundle: the engine's Report plus the bundle's root."""

    path: Path
    report: Report

    @property
    def findings(self) -> list[Finding]:
        return self.report.findings

    @property
    def errors(self) -> list[str]:
        """Files that could not be read, one Dutch line each ('pad: probleem')."""
        return [str(e) for e in self.report.errors]

    def records(self, **extra: Any) -> list[dict[str, Any]]:
        """Findings as flat dicts; `extra` (bundle id, buyer, ...) is added to every record."""
        return [{**extra, **finding_record(f, self.path)} for f in self.report.findings]

    def to_frame(self, **extra: Any):
        """Findings as a pandas DataFrame with the columns of FINDING_COLUMNS (plus `extra`)."""
        return findings_frame(self.records(**extra), columns=[*extra, *FINDING_COLUMNS])


def run_options(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    config: str | Path | None = None,
    nlp_model: str | None = None,
    rules_dir: str | Path | None = None,
) -> RunOptions:
    """RunOptions from plain arguments (what the CLI flags --select, --config, ... set)."""
    return RunOptions(
        config_path=Path(config) if config is not None else None,
        select=list(select) if select is not None else None,
        extend_select=list(extend_select),
        ignore=list(ignore),
        nlp_model=nlp_model,
        rules_dir=Path(rules_dir) if rules_dir is not None else None,
    )


def lint_bundle(path: str | Path, options: RunOptions | None = None, **kwargs: Any) -> BundleResult:
    """Lint one tender bundle (a folder, or a single file) as `eislint check PATH` would.

    Pass either `options` (a RunOptions) or the keyword arguments of `run_options`
    (select, ignore, extend_select, config, nlp_model, rules_dir). Raises
    eislint.yamlio.ConfigError for a broken configuration or rule file, like the CLI.
    """
    from eislint import lint_paths

    if options is not None and kwargs:
        raise TypeError("geef options of losse argumenten, niet beide")
    options = options or run_options(**kwargs)
    root = Path(path)
    return BundleResult(root, lint_paths([str(root)], options))


def lint_text(text: str, name: str = "tekst.md", options: RunOptions | None = None, **kwargs: Any) -> BundleResult:
    """Lint a text (the extension of `name` picks the reader), e.g. one requirement in a notebook."""
    from eislint import lint_paths

    if options is not None and kwargs:
        raise TypeError("geef options of losse argumenten, niet beide")
    options = replace(options or run_options(**kwargs), stdin_name=name)
    return BundleResult(Path(name), lint_paths(["-"], options, stdin=text.encode("utf-8")))


def findings_frame(results: Iterable[BundleResult] | Iterable[Mapping[str, Any]], columns: list[str] | None = None):
    """A pandas DataFrame of findings, from BundleResults or from records."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(
            "eislint.api: een DataFrame vraagt pandas; installeer met pip install 'eislint[corpus]'"
        ) from None
    rows: list[Mapping[str, Any]] = []
    for item in results:
        if isinstance(item, BundleResult):
            rows.extend(item.records())
        else:
            rows.append(item)
    frame = pd.DataFrame.from_records(rows, columns=columns or (list(rows[0]) if rows else list(FINDING_COLUMNS)))
    for name in ("line", "column", "end_line", "end_column", "start", "end"):
        if name in frame.columns:
            frame[name] = frame[name].astype("Int64")  # stays integer in an empty frame too
    return frame
