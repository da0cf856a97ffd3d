"""One line per finding: path:line:col: severity rule-id message (for grep, editors, CI logs).

The severity is one of the fixed Dutch words fout, waarschuwing, advies, so a line is read by
people and parsed by tools alike: ^(.+?):(\\d+):(\\d+): (fout|waarschuwing|advies) (\\S+) (.*)$
(docs/ci.md). Machine formats (json, sarif, gitlab, junit) keep their schema's English values.
"""

from __future__ import annotations

from typing import TextIO

from eislint.engine import Report
from eislint.formatters.lines import finding_line, summary


def write_findings(report: Report, out: TextIO) -> None:
    for f in report.findings:
        out.write(finding_line(f) + "\n")


__all__ = ["render", "summary", "write_findings"]


def render(report: Report, out: TextIO, color: bool) -> None:
    write_findings(report, out)
    out.write(summary(report) + "\n")
