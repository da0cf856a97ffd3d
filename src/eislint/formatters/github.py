"""GitHub Actions workflow commands: an annotation per finding on the changed file.

GitHub shows at most 10 annotations of each level (error, warning, notice) per step; more are
dropped silently. So at most 10 per level are emitted (9 notices when a summary is needed, as
the summary is a notice itself), then one `::notice::` saying how many were left out, and the
full list follows as plain log lines in a collapsed group.
"""

from __future__ import annotations

from typing import TextIO

from eislint.baseline import report_path
from eislint.engine import Report
from eislint.findings import Finding, Severity
from eislint.formatters.lines import finding_line, summary, where_suffix

MAX_PER_LEVEL = 10
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    props = {
        "file": report_path(f.path),
        "line": f.line,
        "col": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "title": f"eislint {f.rule}",
    }
    if f.end_line != f.line:  # columns only make sense on one line for GitHub
        props.pop("col")
        props.pop("endColumn")
    message = f.message + where_suffix(f)
    if f.suggestion:
        message += f"\nSuggestie: {f.suggestion}"
    if f.citation:
        message += f"\nBron: {f.citation}"
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(message)}"


def render(report: Report, out: TextIO, color: bool) -> None:
    by_level = {sev: [f for f in report.findings if f.severity == sev] for sev in COMMANDS}
    overflow = any(len(items) > MAX_PER_LEVEL for items in by_level.values())
    shown = 0
    for sev, items in by_level.items():
        limit = MAX_PER_LEVEL - 1 if (overflow and sev == Severity.INFO) else MAX_PER_LEVEL
        for f in items[:limit]:
            out.write(command(f) + "\n")
            shown += 1
    for error in report.errors:
        out.write(
            f"::error file={escape_property(report_path(error.path))},title=eislint::{escape_data(error.message)}\n"
        )
    hidden = len(report.findings) - shown
    if hidden > 0:
        message = (
            f"{hidden} van de {len(report.findings)} meldingen niet als annotatie getoond (GitHub toont er "
            "maximaal 10 per niveau). Het volledige rapport staat in de loggroep 'eislint: alle meldingen' "
            "hieronder en, met de eislint-action, als SARIF onder Security > Code scanning."
        )
        out.write(f"::notice title=eislint::{escape_data(message)}\n")
    out.write("::group::eislint: alle meldingen\n")
    for f in report.findings:
        out.write(finding_line(f, path=report_path(f.path)) + "\n")
    out.write("::endgroup::\n")
    out.write(summary(report) + "\n")
