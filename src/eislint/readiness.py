"""How ready a tender is, part by part, and what to fix first.

The parts are the seven of a good tender (aanleiding, doelstelling, randvoorwaarden, pakket van
eisen, gunning, kwaliteitsborging, implementatieplan; 'Een LMS kopen in 7 stappen') plus the
contract. A part is judged from what the report already holds, per bundle (one tender):

- present when a document of the bundle has a section of that kind (segment.py classifies the
  headings), or when the part's `volledigheid.*-ontbreekt` rule ran and stayed silent (it also
  accepts a passage that names the part without a chapter of its own);
- missing when that rule fired, or when there is no section and no rule vouched for it;
- incomplete when it is there but a rule about its elements fired (an aanleiding without the
  current situation, an implementation without training, a contract without exit).

The findings in a part are counted by severity; 'first to fix' ranks the rules with findings:
errors before warnings before advice, a missing part before a flawed sentence, then by how often
the rule fired.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eislint.findings import Finding, Severity

if TYPE_CHECKING:
    from eislint.engine import Report


@dataclass(frozen=True, slots=True)
class Part:
    key: str
    label: str
    kinds: frozenset[str]  # section kinds that hold this part
    missing: tuple[str, ...] = ()  # rules that fire when the part is absent
    incomplete: tuple[str, ...] = ()  # rules that fire when an element of the part is absent
    categories: tuple[str, ...] = ()  # categories whose findings belong here wherever they are


PARTS: tuple[Part, ...] = (
    Part(
        "aanleiding",
        "Aanleiding",
        frozenset({"aanleiding"}),
        ("volledigheid.aanleiding-ontbreekt",),
        ("volledigheid.aanleiding-zonder-situatie", "volledigheid.omvang-ontbreekt"),
    ),
    Part(
        "doelstelling",
        "Doelstelling",
        frozenset({"doelstelling"}),
        ("volledigheid.doelstelling-ontbreekt",),
        categories=("smart",),
    ),
    Part(
        "randvoorwaarden",
        "Randvoorwaarden en selectie",
        frozenset({"randvoorwaarden"}),
        ("volledigheid.randvoorwaarden-ontbreekt",),
        categories=("selectie",),
    ),
    Part("eisen", "Eisen en wensen", frozenset({"eisen", "wensen"}), (), ("volledigheid.koppeling-zonder-doel",)),
    Part(
        "gunning",
        "Gunning",
        frozenset({"gunning"}),
        ("volledigheid.gunning-ontbreekt",),
        ("volledigheid.gebruikerstest-ontbreekt",),
        categories=("gunning",),
    ),
    Part(
        "kwaliteit",
        "Kwaliteit",
        frozenset({"kwaliteit"}),
        ("volledigheid.kwaliteit-ontbreekt",),
        ("volledigheid.sla-ontbreekt",),
    ),
    Part(
        "implementatie",
        "Implementatie",
        frozenset({"implementatie"}),
        ("volledigheid.implementatie-ontbreekt",),
        ("volledigheid.implementatie-onvolledig", "gibit-saas.gibit-implementatieplan"),
    ),
    Part(
        "contract",
        "Contract",
        frozenset({"contract", "prijs"}),
        (),
        (
            "volledigheid.looptijd-ontbreekt",
            "volledigheid.exit-ontbreekt",
            "volledigheid.verwerkersovereenkomst-ontbreekt",
            "volledigheid.prijsblad-ontbreekt",
            "contract.facturatie-licentiemodel-ontbreekt",
        ),
        categories=("contract", "gibit-saas"),
    ),
)
_BY_KIND = {kind: part for part in PARTS for kind in part.kinds}
_BY_RULE = {rule: part for part in PARTS for rule in (*part.missing, *part.incomplete)}
_BY_CATEGORY = {category: part for part in PARTS for category in part.categories}

STATUS_LABELS = {"aanwezig": "aanwezig", "onvolledig": "onvolledig", "ontbreekt": "ontbreekt", "onbekend": "onbekend"}
from eislint.dutch.output import KIND_WORDS as _KIND_WORDS  # noqa: E402


@dataclass(slots=True)
class PartStatus:
    key: str
    label: str
    status: str  # aanwezig | onvolledig | ontbreekt | onbekend (a lone annex: not judged)
    found: list[tuple[str, str]] = field(default_factory=list)  # (path, heading) where the part is
    counts: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    problems: list[Finding] = field(default_factory=list)  # the missing/incomplete findings
    note: str = ""  # e.g. '23 eisen, 4 wensen' or 'genoemd in de tekst, zonder eigen hoofdstuk'

    def notes(self, limit: int = 2) -> list[str]:
        """What to say about the part: its problems' messages, each once (two documents of a bundle
        can give the same one), or else its note."""
        return list(dict.fromkeys(f.message for f in self.problems))[:limit] or ([self.note] if self.note else [])

    @property
    def ready(self) -> bool:
        return self.status == "aanwezig"


@dataclass(slots=True)
class TopItem:
    rule: str
    severity: Severity
    message: str
    count: int
    first: Finding
    part: str | None
    suggestion: str | None


@dataclass(slots=True)
class Readiness:
    bundle: str
    documents: list[str]
    parts: list[PartStatus]
    top: list[TopItem]

    @property
    def ready_count(self) -> int:
        return sum(1 for p in self.parts if p.ready)


def part_of(f: Finding) -> Part | None:
    """The part a finding belongs to (None: about the tender as a whole)."""
    if f.rule in _BY_RULE:
        return _BY_RULE[f.rule]
    if f.category in ("smart", "selectie", "gunning"):
        return _BY_CATEGORY[f.category]
    if f.section_kind in _BY_KIND:
        return _BY_KIND[f.section_kind]
    if f.category in _BY_CATEGORY:
        return _BY_CATEGORY[f.category]
    if f.requirement is not None:
        return _BY_KIND["eisen"]
    return None


def _rank(findings: list[Finding]) -> tuple:
    worst = max(f.severity for f in findings)
    missing_part = any(f.rule in _BY_RULE and f.rule.endswith("-ontbreekt") for f in findings)
    return (-int(worst), not missing_part, -len(findings), findings[0].rule)


def top_findings(findings: list[Finding], limit: int = 3) -> list[TopItem]:
    """The rules to fix first, one item per rule (with how often it fired)."""
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        if f.category == "meta":  # a suppression comment is housekeeping, not the tender
            continue
        by_rule.setdefault(f.rule, []).append(f)
    ranked = sorted(by_rule.values(), key=_rank)[:limit]
    out = []
    for group in ranked:
        first = max(group, key=lambda f: f.severity)
        part = part_of(first)
        out.append(
            TopItem(
                rule=first.rule,
                severity=first.severity,
                message=first.message,
                count=len(group),
                first=first,
                part=part.label if part else None,
                suggestion=first.suggestion,
            )
        )
    return out


def readiness(report: Report, limit: int = 5) -> list[Readiness]:
    """Readiness per bundle, in the order the documents were read."""
    bundles: dict[str, list] = {}
    for d in report.documents:
        bundles.setdefault(d.bundle, []).append(d)
    ran = {r.id for r in report.rules}
    out = []
    for bundle, docs in bundles.items():
        paths = {d.path for d in docs}
        findings = [f for f in report.findings if f.path in paths]
        fired = Counter(f.rule for f in findings)
        requirements: Counter[str] = Counter()
        for d in docs:
            requirements.update(d.requirements)
        # a bundle of annexes only: the parts no heading shows may be in the leidraad not passed
        lone = all(d.lone_annex for d in docs)
        parts = [_part_status(part, docs, findings, fired, requirements, ran, lone) for part in PARTS]
        out.append(
            Readiness(bundle=bundle, documents=[d.path for d in docs], parts=parts, top=top_findings(findings, limit))
        )
    return out


def _part_status(
    part: Part,
    docs: list,
    findings: list[Finding],
    fired: Counter[str],
    requirements: Counter[str],
    ran: set[str],
    lone: bool,
) -> PartStatus:
    """How one part of the tender stands in a bundle: present, missing or incomplete, with its
    headings, its findings and a note."""
    status = PartStatus(part.key, part.label, "aanwezig")
    for d in docs:
        for kind in sorted(part.kinds):
            status.found += [(d.path, title) for title in d.headings.get(kind, [])]
    status.problems = [f for f in findings if f.rule in part.missing or f.rule in part.incomplete]
    for f in findings:
        if part_of(f) is part:
            status.counts[f.severity.label] += 1
    _judge_part(status, part, fired, requirements, ran, lone)
    return status


def _judge_part(
    status: PartStatus, part: Part, fired: Counter[str], requirements: Counter[str], ran: set[str], lone: bool
) -> None:
    """Set the status and note: missing when its rule fired or no heading was found (unless a rule
    that would have said so ran on enough requirements), incomplete when an incompleteness rule fired;
    unknown in a bundle of annexes only (`lone`), where those rules stay silent."""
    if part.key == "eisen":
        total = sum(requirements.values())
        status.note = ", ".join(
            f"{n} {_KIND_WORDS.get(k, k) if n == 1 else _plural(k)}" for k, n in sorted(requirements.items())
        )
        if not total and not status.found:
            status.status = "ontbreekt"
    if any(fired[r] for r in part.missing):
        status.status = "ontbreekt"
    elif not status.found and part.key != "eisen":
        vouched = not lone and any(r in ran for r in part.missing) and sum(requirements.values()) >= 3
        if vouched:
            status.note = "genoemd in de tekst, zonder eigen hoofdstuk"
        elif lone:
            status.status = "onbekend"
            status.note = "niet beoordeeld: een losse bijlage; het onderdeel kan in de leidraad staan"
        else:
            status.status = "ontbreekt"
            status.note = "geen hoofdstuk gevonden"
    if status.status == "aanwezig" and any(fired[r] for r in part.incomplete):
        status.status = "onvolledig"


def _plural(kind: str) -> str:
    from eislint.dutch.output import meervoud

    return meervoud(_KIND_WORDS.get(kind, kind), 2)


def as_dict(items: list[Readiness]) -> list[dict]:
    """For the JSON report: the same judgement, machine-readable."""
    return [
        {
            "bundle": r.bundle,
            "documents": r.documents,
            "parts": [
                {
                    "part": p.key,
                    "label": p.label,
                    "status": p.status,
                    "found": [{"path": path, "heading": title} for path, title in p.found],
                    "note": p.note or None,
                    "findings": p.counts,
                    "problems": [f.rule for f in p.problems],
                }
                for p in r.parts
            ],
            "first_to_fix": [
                {
                    "rule": t.rule,
                    "severity": t.severity.label,
                    "message": t.message,
                    "count": t.count,
                    "path": t.first.path,
                    "line": t.first.line,
                    "where": t.first.where or None,
                    "part": t.part,
                }
                for t in r.top
            ],
        }
        for r in items
    ]
