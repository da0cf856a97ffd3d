"""JSON report; the schema is versioned and documented in docs/json-schema.md."""

from __future__ import annotations

import json
from typing import TextIO

from eislint import __version__
from eislint.engine import Report
from eislint.readiness import as_dict as readiness_dict
from eislint.readiness import readiness

SCHEMA = "eislint/1"


def as_dict(report: Report) -> dict:
    return {
        "schema": SCHEMA,
        "version": __version__,
        "findings": [f.to_dict() for f in report.findings],
        "documents": [
            {
                "path": d.path,
                "format": d.format,
                "role": d.role,
                "role_source": d.role_reason,
                "model_text": d.model_text,
                "sections": d.sections,
                "requirements": d.requirements,
                "findings": d.findings,
                "bundle": d.bundle,
                "headings": d.headings,
            }
            for d in report.documents
        ],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "notices": report.notices,
        "summary": report.summary(),
        "readiness": readiness_dict(readiness(report)),
    }


def render(report: Report, out: TextIO, color: bool) -> None:
    json.dump(as_dict(report), out, ensure_ascii=False, indent=2)
    out.write("\n")
