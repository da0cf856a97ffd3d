"""One line per finding: path:line:col: severity rule-id message (for grep, editors, CI logs).

The severity is one of the fixed Dutch words fout, waarschuwing, advies, so a line is read by
people and parsed by tools alike: ^(.+?):(\\d+):(\\d+): (fout|waarschuwing|advies) (\\S+) (.*)$
(docs/ci.md). Machine formats (json, sarif, gitlab, junit) keep their schema's English values.
"""

from __future__ import annotations

from typing import TextIO

from eislint.dutch.output import aantal, ernst_telling
from eislint.engine import Report
from eislint.formatters.lines import finding_line


def write_findings(report: Report, out: TextIO) -> None:
    for f in report.findings:
        out.write(finding_line(f) + "\n")


def summary(report: Report) -> str:
    """'62 meldingen (7 fouten, 39 waarschuwingen en 16 adviezen) in 1 document'."""
    s = report.summary()
    return f"{aantal(s['findings'], 'melding')} ({ernst_telling(s['by_severity'])}) in {aantal(s['documents'], 'document')}"


def render(report: Report, out: TextIO, color: bool) -> None:
    write_findings(report, out)
    out.write(summary(report) + "\n")
