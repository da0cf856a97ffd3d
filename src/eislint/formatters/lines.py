"""The text every human format shares: a finding on one line, where it stands, the summary.

`path:line:col:` parsers (editors, pre-commit, CI logs) read one finding per line, so a message
or path may never contain a line break."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eislint.dutch.output import aantal, ernst_telling

if TYPE_CHECKING:
    from eislint.engine import Report
    from eislint.findings import Finding

# Everything str.splitlines() breaks on, plus other C0 controls that terminals act on.
_BREAKS = re.compile(r"\s*[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]\s*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with every line break (and the spaces around it) turned into one space."""
    return _CONTROL.sub(" ", _BREAKS.sub(" ", text))


def safe_path(path: str) -> str:
    """A path as it can be printed on one line: control characters escaped ('a\\nb.md')."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), path)


def where_suffix(f: Finding) -> str:
    """' [tabel 2, rij 3, kolom 1]': where a finding stands in a Word, Excel or PDF file, after
    its message in every line-based format ('' for text formats, where line:column says it)."""
    return f" [{one_line(f.where)}]" if f.where else ""


def finding_line(f: Finding, path: str | None = None) -> str:
    """The concise line of a finding: path:line:col: severity rule message [where]."""
    shown = safe_path(f.path if path is None else path)
    return f"{shown}:{f.line}:{f.column}: {f.severity.dutch} {f.rule} {one_line(f.message)}{where_suffix(f)}"


def summary_counts(report: Report) -> tuple[str, str, str]:
    """('62 meldingen', '7 fouten, 39 waarschuwingen en 16 adviezen', '1 document')."""
    s = report.summary()
    return aantal(s["findings"], "melding"), ernst_telling(s["by_severity"]), aantal(s["documents"], "document")


def summary(report: Report) -> str:
    """'62 meldingen (7 fouten, 39 waarschuwingen en 16 adviezen) in 1 document'."""
    findings, severities, documents = summary_counts(report)
    return f"{findings} ({severities}) in {documents}"
