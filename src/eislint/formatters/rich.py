"""The report for people: grouped by file and section, the requirement with the match marked."""

from __future__ import annotations

import re
from itertools import groupby
from typing import TextIO

from eislint.engine import Report
from eislint.findings import Finding, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_KIND_LABEL = {"eis": "eisen", "knock-out": "knock-outeisen", "wens": "wensen", "doel": "doelen",
               "te-ontwikkelen": "te ontwikkelen eisen"}


def render(report: Report, out: TextIO, color: bool) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=color, no_color=not color, highlight=False, soft_wrap=False,
                      width=None if color else 100)
    docs = {d.path: d for d in report.documents}
    for path, file_findings in groupby(report.findings, key=lambda f: f.path):
        file_findings = list(file_findings)
        console.print(Text(path, style="bold underline"))
        summary = docs.get(path)
        if summary is not None:
            console.print(Text(f"  {_role_line(summary)}", style="dim"))
        for section, items in groupby(file_findings, key=lambda f: f.section or ""):
            if section:
                console.print(Text(f"  § {section}", style="bold"))
            for f in items:
                _finding(console, f)
        console.print()
    _summary(console, report)


def _role_line(summary) -> str:
    from eislint.roles import ROLE_LABELS

    role = ROLE_LABELS.get(summary.role, summary.role)
    if summary.model_text:
        role += " (standaardmodel: alleen beoordeeld op hoe het van toepassing wordt verklaard)"
    found = ", ".join(f"{n} {_KIND_LABEL.get(k, k)}" for k, n in sorted(summary.requirements.items()))
    return f"soort document: {role}" + (f"; gevonden: {found}" if found else "; geen eisen gevonden")


def _finding(console, f: Finding) -> None:
    from rich.text import Text

    head = Text("    ")
    head.append(f.where or f"{f.line}:{f.column}", style="dim")
    head.append("  ")
    head.append(f.severity.dutch, style=_STYLE[f.severity])
    head.append(f"  {f.message}  ")
    head.append(f.rule, style="dim")
    if f.requirement:
        head.append(f"  [{f.requirement}]", style="dim")
    console.print(head)
    if f.context and f.end > f.start:
        a, b = f.start - f.context_start, f.end - f.context_start
        if 0 <= a < b <= len(f.context):
            quote = Text("      │ ", style="dim")
            quote.append(_squash(f.context[:a]).lstrip())
            quote.append(_squash(f.context[a:b]).strip(), style="bold underline")
            quote.append(_squash(f.context[b:]).rstrip())
            console.print(quote)
    if f.suggestion:
        console.print(Text("      → ", style="green").append(f.suggestion))
    if f.citation:
        console.print(Text(f"      bron: {f.citation}", style="dim"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _summary(console, report: Report) -> None:
    from rich.table import Table
    from rich.text import Text

    s = report.summary()
    if len(report.documents) > 1:
        from eislint.roles import ROLE_LABELS

        docs = Table(title="Documenten", show_edge=False, title_justify="left")
        docs.add_column("document")
        docs.add_column("soort")
        docs.add_column("eisen", justify="right")
        for d in report.documents:
            role = ROLE_LABELS.get(d.role, d.role) + (" (standaardmodel)" if d.model_text else "")
            docs.add_row(d.path, role, str(sum(d.requirements.values())))
        console.print(docs)
    if s["by_category"]:
        table = Table(title="Meldingen per categorie", show_edge=False, title_justify="left")
        table.add_column("categorie")
        table.add_column("aantal", justify="right")
        for category, count in s["by_category"].items():
            table.add_row(category, str(count))
        console.print(table)
    totals = {}
    for d in report.documents:
        for k, n in d.requirements.items():
            totals[k] = totals.get(k, 0) + n
    sev = s["by_severity"]
    line = Text()
    line.append(f"{s['findings']} meldingen: ")
    line.append(f"{sev['error']} fouten", style=_STYLE[Severity.ERROR])
    line.append(", ")
    line.append(f"{sev['warning']} waarschuwingen", style=_STYLE[Severity.WARNING])
    line.append(f", {sev['info']} adviezen in {s['documents']} documenten")
    if totals:
        line.append("; " + ", ".join(f"{n} {_KIND_LABEL.get(k, k)}" for k, n in sorted(totals.items())) + " gevonden")
    console.print(line)
