"""One line per finding: path:line:col: severity rule-id message (for grep, editors, CI logs)."""

from __future__ import annotations

from typing import TextIO

from eislint.engine import Report


def render(report: Report, out: TextIO, color: bool) -> None:
    for f in report.findings:
        where = f" [{f.where}]" if f.where else ""
        out.write(f"{f.path}:{f.line}:{f.column}: {f.severity.label} {f.rule} {f.message}{where}\n")
    s = report.summary()
    sev = s["by_severity"]
    out.write(
        f"{s['findings']} meldingen ({sev['error']} fouten, {sev['warning']} waarschuwingen, {sev['info']} adviezen)"
        f" in {s['documents']} documenten\n"
    )
