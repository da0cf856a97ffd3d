"""GitLab Code Quality report (a JSON array in the Code Climate issue format).

Severity: error -> major, warning -> minor, info -> info. The fingerprint is stable across line
shifts (rule, normalised matched text, requirement id, occurrence) and includes the path: GitLab
merges issues with the same fingerprint into one, across files too.
"""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from eislint.baseline import occurrence_fingerprints, report_path
from eislint.engine import Report
from eislint.findings import Severity

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def fingerprint(path: str, occurrence: str) -> str:
    return hashlib.sha256(f"{path}\x1f{occurrence}".encode()).hexdigest()[:32]


def as_list(report: Report) -> list[dict]:
    issues = []
    for f, fp in zip(report.findings, occurrence_fingerprints(report.findings)):
        path = report_path(f.path)
        description = f.message + (f" [{f.where}]" if f.where else "")
        issues.append(
            {
                "type": "issue",
                "description": description,
                "check_name": f.rule,
                "fingerprint": fingerprint(path, fp),
                "severity": SEVERITIES[f.severity],
                "categories": ["Clarity"],
                "location": {"path": path, "lines": {"begin": max(f.line, 1)}},
            }
        )
    return issues


def render(report: Report, out: TextIO, color: bool) -> None:
    json.dump(as_list(report), out, ensure_ascii=False, indent=2)
    out.write("\n")
