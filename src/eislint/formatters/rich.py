"""The report for people: grouped by file, section and requirement, the flagged words marked.

A requirement is quoted once with every finding on it below. Advice and source are shown the
first time a rule speaks; later findings of that rule with the same advice point back to it
instead of repeating it. The summary ends with how ready the tender is, part by part, and the
three things to fix first (readiness.py).
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import TextIO

from eislint.dutch.output import KIND_WORDS, aantal
from eislint.engine import Report
from eislint.findings import Finding, Severity
from eislint.formatters.lines import summary_counts

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_STATUS_STYLE = {"aanwezig": "green", "onvolledig": "yellow", "ontbreekt": "bold red", "onbekend": "dim"}
_STATUS_MARK = {"aanwezig": "✓", "onvolledig": "!", "ontbreekt": "✗", "onbekend": "?"}
_KIND_LABEL = KIND_WORDS


def render(report: Report, out: TextIO, color: bool) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
        width=None if color else 100,
    )
    docs = {d.path: d for d in report.documents}
    shown: dict[tuple[str, str], str] = {}  # (rule, advice) -> where it was first shown
    cited: set[str] = set()
    for path, grouped in groupby(report.findings, key=lambda f: f.path):
        file_findings = list(grouped)
        console.print(Text(path, style="bold underline"))
        summary = docs.get(path)
        if summary is not None:
            console.print(Text(f"  {_role_line(summary)}", style="dim"))
        for section, items in groupby(file_findings, key=lambda f: f.section or ""):
            if section:
                console.print(Text(f"  § {section}", style="bold"))
            for _, group in groupby(items, key=_context_key):
                _requirement(console, list(group), shown, cited)
        console.print()
    _summary(console, report)


def _role_line(summary) -> str:
    from eislint.roles import ROLE_LABELS

    role = ROLE_LABELS.get(summary.role, summary.role)
    if summary.model_text:
        role += " (standaardmodel: alleen beoordeeld op hoe het van toepassing wordt verklaard)"
    found = _kinds(summary.requirements)
    return f"soort document: {role}" + (f"; gevonden: {found}" if found else "; geen eisen gevonden")


def _context_key(f: Finding) -> tuple:
    return (f.context_start, f.context) if f.context else (f.start, f.rule)


def _kinds(counts: dict[str, int]) -> str:
    return ", ".join(aantal(n, _KIND_LABEL.get(k, k)) for k, n in sorted(counts.items()))


def _requirement(console, group: list[Finding], shown: dict, cited: set[str]) -> None:
    """One quoted requirement (or passage) and every finding on it, each with its advice."""
    from rich.text import Text

    first = group[0]
    head = Text("    ")
    head.append(first.where or f"{first.line}:{first.column}", style="dim")
    if first.requirement:
        head.append(f"  [{first.requirement}]", style="dim")
    console.print(head)
    heading = (first.section or "").split(" > ")[-1].strip()
    if first.context.strip() != heading:  # a finding on a heading is about the part, not these words
        quote = _quote(first.context, first.context_start, [(f.start, f.end) for f in group])
        if quote is not None:
            console.print(quote)
    for f in group:
        line = Text("      ")
        line.append(f.severity.dutch, style=_STYLE[f.severity])
        line.append(f"  {f.message}  ")
        line.append(f.rule, style="dim")
        console.print(line)
        where = f.requirement or f.where or f"regel {f.line}"
        if f.suggestion:
            key = (f.rule, f.suggestion)
            if key in shown:
                console.print(Text(f"        → zelfde advies als bij {shown[key]}", style="dim green"))
            else:
                shown[key] = where
                console.print(Text("        → ", style="green").append(f.suggestion))
        if f.citation and f.rule not in cited:
            cited.add(f.rule)
            console.print(Text(f"        bron: {f.citation}", style="dim"))


def _quote(context: str, context_start: int, spans: list[tuple[int, int]]):
    """The requirement with every flagged span underlined; None when there is nothing to show."""
    from rich.text import Text

    if not context:
        return None
    marks = sorted(
        (a - context_start, b - context_start)
        for a, b in spans
        if 0 <= a - context_start < b - context_start <= len(context)
    )
    if not marks:
        return None
    quote = Text("      │ ", style="dim")
    pos = 0
    pieces: list[tuple[str, str | None]] = []
    for a, b in marks:
        if a < pos:  # overlapping spans: extend the current mark
            a = pos
        if a >= b:
            continue
        pieces.append((context[pos:a], None))
        pieces.append((context[a:b], "bold underline"))
        pos = b
    pieces.append((context[pos:], None))
    last = len(pieces) - 1
    for i, (piece, style) in enumerate(pieces):
        piece = _squash(piece)
        piece = piece.lstrip() if i == 0 else piece
        piece = piece.rstrip() if i == last else piece
        quote.append(piece, style=style)
    return quote


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _summary(console, report: Report) -> None:
    from rich.table import Table
    from rich.text import Text

    from eislint.readiness import readiness

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
    findings, severities, documents = summary_counts(report)
    line = Text()
    line.append(f"{findings}: ")
    line.append(severities)
    line.append(f" in {documents}")
    totals: dict[str, int] = {}
    for d in report.documents:
        for k, n in d.requirements.items():
            totals[k] = totals.get(k, 0) + n
    if totals:
        line.append(f"; {_kinds(totals)} gevonden")
    console.print(line)
    for item in readiness(report, limit=3):
        console.print()
        title = "Gereedheid per onderdeel" + (f" ({item.bundle})" if item.bundle else "")
        table = Table(title=title, show_edge=False, title_justify="left", title_style="bold")
        table.add_column("onderdeel")
        table.add_column("status")
        table.add_column("meldingen", justify="right")
        table.add_column("toelichting", overflow="fold")
        for part in item.parts:
            counts = part.counts
            total = sum(counts.values())
            notes = part.notes()
            table.add_row(
                part.label,
                Text(f"{_STATUS_MARK[part.status]} {part.status}", style=_STATUS_STYLE[part.status]),
                str(total) if total else "–",
                " ".join(notes),
            )
        console.print(table)
        console.print(Text(f"{item.ready_count} van de {len(item.parts)} onderdelen zijn op orde.", style="bold"))
        if item.top:
            console.print()
            console.print(Text("Eerst oplossen", style="bold"))
            for i, top in enumerate(item.top, 1):
                row = Text(f"  {i}. ")
                row.append(top.severity.dutch, style=_STYLE[top.severity])
                row.append(f"  {top.message}")
                where = top.first.requirement or top.first.where or f"regel {top.first.line}"
                more = f", en nog {aantal(top.count - 1, 'plek')}" if top.count > 1 else ""
                row.append(f"  ({top.first.path}, {where}{more}; {top.rule})", style="dim")
                console.print(row)
