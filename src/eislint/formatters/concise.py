"""One line per finding: path:line:col: severity rule-id message (for grep, editors, CI logs)."""

from __future__ import annotations

from typing import TextIO

from eislint.engine import Report
from eislint.formatters.lines import finding_line


def write_findings(report: Report, out: TextIO) -> None:
    for f in report.findings:
        out.write(finding_line(f) + "\n")


def render(report: Report, out: TextIO, color: bool) -> None:
    write_findings(report, out)
    s = report.summary()
    sev = s["by_severity"]
    out.write(
        f"{s['findings']} meldingen ({sev['error']} fouten, {sev['warning']} waarschuwingen, {sev['info']} adviezen)"
        f" in {s['documents']} documenten\n"
    )
