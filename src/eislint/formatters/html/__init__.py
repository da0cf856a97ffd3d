"""The report to share: one self-contained HTML file (`--format html -o rapport.html`).

Everything is inline (CSS, a small script, no fonts, no images from elsewhere) and a Content
Security Policy in the page forbids any request, so the file works offline and as an e-mail
attachment, and prints to PDF from the browser (print CSS). Without JavaScript it shows every
finding and filters with CSS (`:has`); with it, filtering also hides empty groups and says how
many findings are shown.

Order: readiness per part and tender context, the findings to fix first, then per document,
section and requirement the requirement text with the flagged words marked and each finding
(what, the better requirement when the rule made one), then 'Advies per regel': per rule its
findings grouped, with why, how and source shown once.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from itertools import groupby
from pathlib import PurePath
from typing import TYPE_CHECKING, TextIO

from eislint import __version__
from eislint.dutch.output import KIND_WORDS, aantal, bedrag, ernst, getal
from eislint.dutch.vocabulary import MONTHS
from eislint.findings import Finding, Severity

if TYPE_CHECKING:
    from eislint.engine import Report

SEVERITY_ORDER = ("error", "warning", "info")
_KIND_LABEL = KIND_WORDS


@dataclass(slots=True)
class Piece:
    text: str
    mark: bool = False
    severity: str = ""
    refs: tuple[str, ...] = ()  # ids of the findings this mark belongs to


@dataclass(slots=True)
class Item:
    """One finding as the report shows it."""

    id: str
    finding: Finding
    rule_anchor: str
    advice: str | None  # shown with the finding (specific to it)
    shared_advice: bool  # the rule's advice is shown once, under 'Advies per regel'


@dataclass(slots=True)
class Group:
    """A requirement (or passage) with its findings."""

    where: str
    requirement: str | None
    quote: list[Piece]
    items: list[Item]
    severities: list[str]
    categories: list[str]


@dataclass(slots=True)
class SectionView:
    title: str
    groups: list[Group]


@dataclass(slots=True)
class DocumentView:
    path: str
    anchor: str
    found: str
    sections: list[SectionView]


@dataclass(slots=True)
class RuleView:
    id: str
    anchor: str
    title: str
    severity: str
    category: str
    why: str
    advice: list[str]
    source: str
    items: list[Item] = field(default_factory=list)


def _anchor(prefix: str, text: str) -> str:
    return prefix + "-" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _where(f: Finding) -> str:
    return f.where or f"regel {f.line}"


def _pieces(f: Finding, group: list[tuple[Finding, str]]) -> list[Piece]:
    """The requirement text cut into plain and marked pieces (overlapping marks merged)."""
    context, base = f.context, f.context_start
    spans = sorted(
        (g.start - base, g.end - base, g.severity.label, fid)
        for g, fid in group
        if 0 <= g.start - base < g.end - base <= len(context)
    )
    merged: list[list] = []
    for a, b, sev, fid in spans:
        if merged and a < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], b)
            last[3] = (*last[3], fid)
            if SEVERITY_ORDER.index(sev) < SEVERITY_ORDER.index(last[2]):
                last[2] = sev
        else:
            merged.append([a, b, sev, (fid,)])
    pieces, pos = [], 0
    for a, b, sev, refs in merged:
        pieces.append(Piece(_squash(context[pos:a])))
        pieces.append(Piece(_squash(context[a:b]), mark=True, severity=sev, refs=refs))
        pos = b
    pieces.append(Piece(_squash(context[pos:])))
    if pieces:
        pieces[0].text = pieces[0].text.lstrip()
        pieces[-1].text = pieces[-1].text.rstrip()
    return [p for p in pieces if p.text]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _title(report: Report) -> str:
    bundles = [d.bundle for d in report.documents if d.bundle]
    if bundles:
        return PurePath(bundles[0]).name or bundles[0]
    if len(report.documents) == 1:
        return PurePath(report.documents[0].path).name
    return aantal(len(report.documents), "document")


def _context_rows(report: Report) -> list[tuple[str, str, str]]:
    """(what, value, source) for the tender context of the first bundle."""
    if not report.tenders:
        return []
    tender = next(iter(report.tenders.values()))
    ctx, source = tender.context, tender.source

    def said(name: str) -> str:
        where = source.get(name)
        if where == "configuratie":
            return "opgegeven"
        if where == "document":
            return "afgeleid uit het document"
        return "niet bekend"

    def yes_no(value) -> str:
        return "onbekend" if value is None else ("ja" if value else "nee")

    return [
        ("Geraamde waarde", bedrag(ctx.contract_value) if ctx.contract_value else "onbekend", said("contract_value")),
        ("Bedrijfskritisch", yes_no(ctx.business_critical), said("business_critical")),
        ("Persoonsgegevens", yes_no(ctx.personal_data), said("personal_data")),
        ("Domein", "LMS" if (ctx.domain or "").lower() == "lms" else (ctx.domain or "onbekend"), said("domain")),
    ]


def _rule_views(report: Report, advice_count: Counter[tuple[str, str | None]]) -> dict[str, RuleView]:
    """One view per rule that fired, in the order of its first finding; advice shared by more
    than one finding is shown once, with the rule."""
    rules = {r.id: r for r in report.rules}
    rule_views: dict[str, RuleView] = {}
    for f in report.findings:
        if f.rule in rule_views:
            continue
        rule = rules.get(f.rule)
        docs = rule.docs if rule is not None else {}
        shared = [s for (r, s), n in advice_count.items() if r == f.rule and n > 1 and s]
        rule_views[f.rule] = RuleView(
            id=f.rule,
            anchor=_anchor("regel", f.rule),
            title=(docs.get("wat", f.message).split(". ")[0]).rstrip(".") + ".",
            severity=f.severity.label,
            category=f.category,
            why=docs.get("waarom", ""),
            advice=shared,
            source=f.citation or "",
        )
    return rule_views


def _document_views(report: Report, ids: dict[int, str], item: Callable[[Finding], Item]) -> list[DocumentView]:
    """The findings per document and section, grouped by the passage they quote; documents
    without findings last."""
    documents = []
    docs_by_path = {d.path: d for d in report.documents}
    for path, file_findings in groupby(report.findings, key=lambda f: f.path):
        summary = docs_by_path.get(path)
        found = ""
        if summary is not None and summary.requirements:
            found = ", ".join(aantal(n, _KIND_LABEL.get(k, k)) for k, n in sorted(summary.requirements.items()))
        sections = []
        for section, in_section in groupby(file_findings, key=lambda f: f.section or ""):
            groups = [
                _group(list(members), ids, item)
                for _, members in groupby(
                    in_section, key=lambda f: (f.context_start, f.context) if f.context else (f.start, f.rule)
                )
            ]
            sections.append(SectionView(title=section or "Zonder hoofdstuk", groups=groups))
        documents.append(DocumentView(path=path, anchor=_anchor("document", path), found=found, sections=sections))
    for path in (d.path for d in report.documents if d.path not in {v.path for v in documents}):
        documents.append(DocumentView(path=path, anchor=_anchor("document", path), found="", sections=[]))
    return documents


def _group(members: list[Finding], ids: dict[int, str], item: Callable[[Finding], Item]) -> Group:
    """The findings on one passage, with the passage quoted unless it is the section's heading."""
    first = members[0]
    heading = (first.section or "").split(" > ")[-1].strip()
    on_heading = first.context.strip() == heading
    items = [item(f) for f in members]
    quote = [] if on_heading or not first.context else _pieces(first, [(f, ids[id(f)]) for f in members])
    return Group(
        where=_where(first),
        requirement=first.requirement,
        quote=quote,
        items=items,
        severities=sorted({f.severity.label for f in members}, key=SEVERITY_ORDER.index),
        categories=sorted({f.category for f in members}),
    )


def build(report: Report) -> dict:
    """Everything the template shows, computed once."""
    from eislint.readiness import readiness

    ids = {id(f): f"f{i + 1}" for i, f in enumerate(report.findings)}
    advice_count: Counter[tuple[str, str | None]] = Counter(
        (f.rule, f.suggestion) for f in report.findings if f.suggestion
    )
    rule_views = _rule_views(report, advice_count)

    def item(f: Finding) -> Item:
        shared = bool(f.suggestion) and advice_count[(f.rule, f.suggestion)] > 1
        it = Item(
            id=ids[id(f)],
            finding=f,
            rule_anchor=rule_views[f.rule].anchor,
            advice=None if shared else f.suggestion,
            shared_advice=shared,
        )
        rule_views[f.rule].items.append(it)
        return it

    documents = _document_views(report, ids, item)
    s = report.summary()
    readiness_items = readiness(report, limit=5)
    categories = sorted(s["by_category"])
    severity_rules = sorted(rule_views.values(), key=lambda v: (SEVERITY_ORDER.index(v.severity), v.id))
    return {
        "title": _title(report),
        "today": _dutch_date(date.today()),
        "version": __version__,
        "summary": s,
        "counts_line": f"{aantal(s['findings'], 'melding')} in {aantal(s['documents'], 'document')}",
        "severity_counts": [(k, ernst(k, s["by_severity"][k]), s["by_severity"][k]) for k in SEVERITY_ORDER],
        "readiness": readiness_items,
        "context": _context_rows(report),
        "documents": documents,
        "rules": severity_rules,
        "categories": [(c, s["by_category"][c]) for c in categories],
        "errors": [str(e) for e in report.errors],
        "notices": list(dict.fromkeys(report.notices)),
        "severity_word": {k: ernst(k) for k in SEVERITY_ORDER},
        "severity_plural": {k: ernst(k, 2) for k in SEVERITY_ORDER},
        "aantal": aantal,
        "getal": getal,
        "basename": lambda p: PurePath(p).name,
        "fid": lambda f: ids.get(id(f), ""),
        "status_mark": {"aanwezig": "✓", "onvolledig": "!", "ontbreekt": "✗", "onbekend": "?"},
    }


def _dutch_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script and nothing else."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass(slots=True)
class Download:
    label: str  # 'Word-bestand met opmerkingen'
    filename: str
    href: str  # a data: URI (nothing is stored on a server)
    size: str = ""


def render_html(
    report: Report, downloads: list[Download] | None = None, intro: str | None = None, back: bool = False
) -> str:
    """The report as one HTML document; `downloads`, `intro` and `back` are for the `serve` page."""
    from jinja2 import Environment, select_autoescape

    env = Environment(
        autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True, lstrip_blocks=True
    )
    template = env.from_string(_asset("report.html.j2"))
    script = _asset("report.js")
    data = build(report)
    return template.render(
        **data,
        css=_asset("report.css"),
        script=script,
        script_hash=script_hash(script),
        downloads=downloads or [],
        intro=intro,
        back=back,
        Severity=Severity,
    )


def render(report: Report, out: TextIO, color: bool) -> None:
    out.write(render_html(report))
