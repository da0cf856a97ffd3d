"""Functions that judge whether the tender as a whole asks for an element the e-book advises: a
timeline for selection and implementation, the total cost of ownership in the price sheet, the
quality criteria of the award, the contents of quality assurance, and fixed scenarios for a
demonstration that is scored.

Each judges the bundle (an element may be in any of its documents) and reports once; the ones that
expect an element of a whole tender do nothing on an annex checked alone (tender_scope).
Evidence is looked for generously: precision first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Context, Hit, Unit, per_bundle
from eislint.checks.functions import register
from eislint.document import Document, Section
from eislint.taal import opsomming
from eislint.tender_scope import is_whole_tender

_MONTH = r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
_DATE = rf"(?:\d{{1,2}}\s+{_MONTH}(?:\s+(?:19|20)\d\d)?|\d{{1,2}}[-/]\d{{1,2}}[-/](?:19|20)?\d\d|week\s+\d{{1,2}}|Q[1-4]\s*(?:19|20)\d\d|{_MONTH}\s+(?:19|20)\d\d)"


# Every document of a bundle runs these functions: what they read of the whole bundle is computed
# once per bundle (per_bundle), or a folder of n documents costs n².

def _texts(unit: Unit) -> list[str]:
    bundle = unit.bundle or [unit.document]
    return per_bundle(unit, "clean-texts", lambda: [d.clean(0, len(d.text)) for d in bundle])


def _lines(unit: Unit) -> list[str]:
    """The sentences of the bundle, block by block (a table row is one line)."""
    bundle = unit.bundle or [unit.document]
    return per_bundle(unit, "sentence-lines", lambda: [
        x for d in bundle for b in d.blocks if b.kind != "comment"
        for x in re.split(r"(?<=[.;!?])\s+", d.clean(b.content.start, b.content.end)) if x.strip()])


def _whole(unit: Unit) -> bool:
    bundle = unit.bundle or [unit.document]
    return per_bundle(unit, "whole-tender", lambda: is_whole_tender(bundle))


def _report_here(unit: Unit) -> Hit | None:
    """The first heading of the document with the most requirements (where tender-level findings
    stand), when that document is this unit's; else None."""
    doc = unit.document
    bundle = unit.bundle or [doc]
    if doc is not per_bundle(unit, "most-requirements", lambda: max(bundle, key=lambda d: len(d.requirements))) \
            or not doc.blocks:
        return None
    anchor = next((b for b in doc.blocks if b.kind == "heading"), doc.blocks[0])
    return Hit(anchor.content.start, anchor.content.end)


# ---------------------------------------------------------------- a timeline for selection and implementation

_PROCEDURE = re.compile(
    r"publicatie|aankondiging|nota\s+van\s+inlichtingen|vragen\w*|inschrijving\w*|inschrijf\w*|indienen|indiening|sluiting\w*"
    r"|gunning\w*|voornemen|presentatie\w*|demonstratie\w*|gebruikerstest\w*|selectie\w*|ondertekening|alcatel\w*|opschort\w*",
    re.I)
_SELECTION_TIMELINE = re.compile(
    r"sluitingsdatum|uiterste\s+(?:datum|termijn)|inschrijftermijn|termijn\s+(?:voor|van)\s+(?:de\s+)?inschrijving"
    r"|planning\s+(?:van\s+)?(?:de\s+)?(?:aanbesteding|procedure|selectie)|(?:procedure|aanbestedings)(?:planning|kalender|tijdschema)"
    r"|tijdschema|tijdpad|tijdlijn|(?:voorlopige\s+)?planning\s+(?:is|ziet)",
    re.I)
_IMPLEMENTATION_TIMELINE = re.compile(
    r"implementatie(?:periode|termijn|planning|datum|fase\w*)|implementatie\s+(?:start|begint|duurt|is\s+afgerond|moet\s+(?:uiterlijk|vóór|voor))"
    r"|start\s+(?:van\s+de\s+)?implementatie|(?:in\s+gebruik|live|operationeel|in\s+productie)\b[^.]{0,60}?(?:uiterlijk|vóór|voor|per|op|vanaf|in)\s+(?:\d|" + _MONTH + r"|Q[1-4]|het\s+(?:eerste|tweede|derde|vierde)\s+kwartaal)"
    r"|(?:uiterlijk|vóór|per|op|vanaf)\s+" + _DATE + r"[^.]{0,60}?(?:in\s+gebruik|live|operationeel|in\s+productie|geïmplementeerd|ingevoerd)"
    r"|livegang|go-live|ingebruikname\s+(?:op|per|vóór|voor|in|uiterlijk)|(?:implementatie|invoering|uitrol)\w*\s+(?:\w+\s+){0,6}?binnen\s+(?:\d+|twee|drie|vier|zes|acht|twaalf)\s+(?:weken|maanden)",
    re.I)


@register("planning_ontbreekt")
def timeline_missing(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A whole tender without a timeline for the selection (dates of the procedure) and/or the
    implementation (when the system must be in use)."""
    bundle = unit.bundle or [unit.document]
    hit = _report_here(unit)
    if hit is None or not _whole(unit) or sum(len(d.requirements) for d in bundle) < 3:
        return
    lines = _lines(unit)
    dated_procedure = any(_PROCEDURE.search(x) and re.search(_DATE, x, re.I) for x in lines)
    missing = []
    if not dated_procedure and not any(_SELECTION_TIMELINE.search(x) for x in lines):
        missing.append("de selectie (data van de procedure tot en met de gunning)")
    if not any(_IMPLEMENTATION_TIMELINE.search(x) for x in lines):
        missing.append("de implementatie (wanneer het systeem in gebruik moet zijn)")
    if missing:
        hit.data = {"ontbreekt": " en ".join(missing)}
        yield hit


# ---------------------------------------------------------------- the total cost of ownership in the price sheet

_COSTS = (
    ("eenmalige kosten (implementatie, inrichting, migratie, training)", re.compile(
        r"eenmalig\w*|implementatie\w*|inrichting\w*|migratie\w*|installatie\w*|opstart\w*|set-?up|invoering\w*|aanschaf\w*", re.I)),
    ("terugkerende kosten (licenties of abonnement, onderhoud en ondersteuning)", re.compile(
        r"licentie\w*|abonnement\w*|gebruiksrecht\w*|per\s+(?:actieve\s+)?(?:gebruiker|medewerker|jaar|maand)|jaarlijks\w*|periodiek\w*"
        r"|onderhoud\w*|\bsupport\b|ondersteuning\w*|hosting\w*|\bSaaS\w*", re.I)),
    ("bijkomende kosten (extra diensten, meerwerk, uurtarieven)", re.compile(
        r"meerwerk|uurtarie\w*|tarie\w*\s+per\s+uur|\bper\s+uur\b|dagtarie\w*|extra\s+(?:diensten|modules|werkzaamheden|kosten)"
        r"|aanvullende\s+(?:diensten|modules|werkzaamheden|kosten)|bijkomende\s+kosten|optionele?\s+(?:diensten|modules|onderdelen)"
        r"|overige\s+kosten|\bopties\b|consultan\w*|maatwerk|\buur\b|\buren\b|dagdeel|sessie\w*", re.I)),
    ("de totale kosten over de looptijd (inclusief opties)", re.compile(
        r"\bTCO\b|total\s+cost\s+of\s+ownership|totale\s+kosten|totaal\w*\s+(?:\w+\s+){0,3}?(?:over|voor)\s+(?:de\s+)?(?:hele\s+|gehele\s+|volledige\s+)?(?:looptijd|contractperiode|periode)"
        r"|(?:over|voor)\s+de\s+(?:hele\s+|gehele\s+|volledige\s+|totale\s+)?(?:looptijd|contractperiode|contractduur)"
        r"|inschrijfsom|totaalprijs|beoordelingsprijs|totale\s+(?:prijs|inschrijvingsprijs|beoordelingsprijs|contractwaarde|som)|(?:vier|vijf|drie|\d)\s*(?:jaar|jaren)\s+(?:inclusief|incl\.)", re.I)),
)
_PRICE_TITLE = re.compile(r"prij[sz]|tarie|kosten|inschrijfsom|financ", re.I)
_SHEET_IN_ANNEX = re.compile(r"(?:prij[sz]\w*|tarieven)(?:blad|formulier|lijst|opgave)\w*[^.]{0,40}\bbijlage|\bbijlage\s+\w+[^.]{0,30}(?:prij[sz]\w*|tarieven)(?:blad|formulier|lijst)", re.I)


def _price_parts(bundle: list[Document]) -> list[str]:
    """The price sheets of the bundle and the sections about prices."""
    out = [d.clean(0, len(d.text)) for d in bundle if d.role == "prijzenblad"]
    out += [d.clean(s.start, s.end) for d in bundle if d.role != "prijzenblad" for s in d.sections
            if s.heading is not None and (s.kind == "prijs" or s.kind == "gunning" and _PRICE_TITLE.search(s.title))]
    return out


@register("prijsblad_tco")
def price_sheet_tco(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A price sheet that does not ask for all costs over the term: one-off, recurring, extra
    services, and the total."""
    doc = unit.document
    bundle = unit.bundle or [doc]
    if not _whole(unit):
        return
    parts = per_bundle(unit, "price-parts", lambda: _price_parts(bundle))
    if not parts:
        return  # no price sheet at all: volledigheid.prijsblad-ontbreekt
    if not any(d.role == "prijzenblad" for d in bundle) and any(_SHEET_IN_ANNEX.search(p) for p in parts):
        return  # the sheet itself is an annex that was not passed: it cannot be judged
    # a price sentence elsewhere counts too ("De inschrijver prijst de totale kosten over vier jaar")
    sentences = [x for x in _lines(unit) if re.search(r"prij[sz]|kosten|tarie", x, re.I)]
    text = "\n".join(parts + sentences)
    missing = [name for name, pattern in _COSTS if not pattern.search(text)]
    if not missing:
        return
    where = next((d for d in bundle if d.role == "prijzenblad"), None)
    if where is not None:
        if where is not doc:
            return
        anchor = next((b for b in doc.blocks if b.kind == "heading"), doc.blocks[0])
        yield Hit(anchor.content.start, anchor.content.end, data={"ontbreekt": opsomming(missing)})
        return
    section = next((s for d in bundle for s in d.sections if s.heading is not None and s.kind == "prijs"), None)
    if section is not None and any(s is section for s in doc.sections):
        yield Hit(section.heading.content.start, section.heading.content.end, data={"ontbreekt": opsomming(missing)})


# ---------------------------------------------------------------- which quality criteria

_CRITERIA = (
    ("gebruiksgemak getest door eigen gebruikers", re.compile(
        r"gebruik(?:er)?s(?:gemak|vriendelijk\w*|ervaring|test\w*)|usability|praktijktest|proof\s+of\s+concept|\bPoC\b|demonstratie\w*|\bdemo\b", re.I)),
    ("integraties", re.compile(r"koppeling\w*|integratie\w*|interoperab\w*|\bAPI'?s?\b|standaarden|aansluiting\s+op", re.I)),
    ("ondersteuning", re.compile(
        r"ondersteuning|\bsupport\b|dienstverlening|service\w*|helpdesk|\bSLA\b|klantenservice|account\w*|partner\w*|samenwerking", re.I)),
    ("het implementatieplan", re.compile(r"implementatie\w*|invoering\w*|uitrol\w*|plan\s+van\s+aanpak|migratie\w*", re.I)),
)
_QUALITY = re.compile(r"kwaliteit|subcriteri|kwaliteitscriteri|gunningscriteri|beoordelingscriteri", re.I)


def _gunning_parts(bundle: list[Document]) -> list[tuple[Document, Section]]:
    return [(d, s) for d in bundle for s in d.sections
            if s.heading is not None and s.kind == "gunning" and (s.parent is None or s.parent.kind != "gunning")
            and d.role not in ("prijzenblad", "formulier")]


@register("kwaliteitscriteria")
def quality_criteria(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Award criteria that judge quality without two or more of the e-book's four: usability tested
    by users, integrations, support, the implementation plan."""
    doc = unit.document
    bundle = unit.bundle or [doc]
    parts = per_bundle(unit, "gunning-parts", lambda: _gunning_parts(bundle))
    if not parts or parts[0][0] is not doc:
        return
    text = "\n".join(d.clean(s.start, s.end) for d, s in parts)
    if not _QUALITY.search(text) or re.search(r"laagste\s+(?:prijs|kosten)", text, re.I) and not re.search(r"kwaliteit", text, re.I):
        return
    missing = [name for name, pattern in _CRITERIA if not pattern.search(text)]
    if len(missing) >= 2:
        head = parts[0][1].heading
        yield Hit(head.content.start, head.content.end, data={"ontbreekt": opsomming(missing)})


# ---------------------------------------------------------------- what quality assurance holds

_QA_PRESENT = re.compile(r"\b(?:kwaliteitsborging|kwaliteitsbeheersing|service\s*level|SLA|dienstverleningsniveau|kwaliteitseisen)\b", re.I)
_QA_ELEMENTS = (
    ("rapportage over de dienstverlening", re.compile(
        r"rapport\w*\s+(?:\w+\s+){0,4}?(?:over|van|op)\s+(?:de\s+)?(?:dienstverlening|servicenorm\w*|service\s*levels?|SLA|prestaties|beschikbaarheid|kpi\w*|afspraken)"
        r"|(?:service|sla|maand|kwartaal|management|prestatie)rapportage\w*|(?:service|sla|maand|kwartaal)rapport\w*"
        r"|rapporteert|rapporteren|verantwoord\w*\s+(?:\w+\s+){0,3}?over|\bKPI'?s?\b|prestatie-?indicator\w*", re.I)),
    ("periodiek overleg en evaluatie", re.compile(
        r"overleg\w*|evaluatie(?:gesprek|moment|overleg)\w*|(?:periodiek|jaarlijks\w*|halfjaarlijks\w*)\s+(?:\w+\s+){0,2}?evalu\w*"
        r"|\bevalueren\b|contractmanag\w*|service\s*review|(?:voortgangs|regie|contract|kwartaal|service)gesprek\w*|bijeenkomst\w*", re.I)),
)


@register("kwaliteitsborging_inhoud")
def quality_assurance_contents(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A tender with a quality part (a heading, an SLA or DAP) that does not arrange reporting on the
    service or periodic consultation."""
    doc = unit.document
    bundle = unit.bundle or [doc]
    if not _whole(unit):
        return
    texts = _texts(unit)
    headed = [(d, s) for d in bundle for s in d.sections if s.heading is not None and s.kind == "kwaliteit"]
    present = headed or any(d.role in ("sla", "dap") for d in bundle) or any(_QA_PRESENT.search(t) for t in texts)
    if not present:
        return  # no quality part at all: volledigheid.kwaliteit-ontbreekt
    missing = [name for name, pattern in _QA_ELEMENTS if not any(pattern.search(t) for t in texts)]
    if not missing:
        return
    if headed:
        d, s = headed[0]
        if d is doc:
            yield Hit(s.heading.content.start, s.heading.content.end, data={"ontbreekt": opsomming(missing)})
        return
    hit = _report_here(unit)
    if hit is not None:
        hit.data = {"ontbreekt": opsomming(missing)}
        yield hit


# ---------------------------------------------------------------- a scored demonstration without scenarios

_DEMO = re.compile(r"\b(?P<match>demonstratie|demo|presentatie)(?:scenario\S*|script\S*)?\b(?![-\s]?(?:omgeving|account|versie|licentie|video))", re.I)
_SCORED = re.compile(r"\b(?:beoordeel\w*|beoordeling|scoort|score\w*|punten|gewaardeerd|weegt|weging|gewicht|wegingsfactor)\b|\d\s*%", re.I)
_FIXED = re.compile(
    r"scenario\w*|script\w*|draaiboek\w*|casus\w*|vooraf\s+(?:vastgesteld\w*|bekend\w*|beschreven|opgesteld\w*|toegestuurd)"
    r"|vastgestelde\s+(?:opdrachten|taken|onderdelen)|schaal|gebruikerstest", re.I)
_NOT_SCORED = re.compile(
    r"telt\s+niet\s+mee|niet\s+(?:mee\s+)?(?:in|voor|bij)\s+de\s+(?:beoordeling|score)|wordt\s+niet\s+(?:beoordeeld|gescoord|gewaardeerd)"
    r"|levert\s+geen\s+punten|geen\s+punten\s+op", re.I)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


@register("demo_zonder_scenario")
def demo_without_scenarios(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A demonstration that is scored or weighted (in a sentence, a list item or a criteria table)
    while the tender nowhere fixes its scenarios, script or scale."""
    doc = unit.document
    if doc.model_text:
        return
    bundle = unit.bundle or [doc]
    # scenarios announced anywhere for the demonstration ("De scenario's staan in bijlage 4")
    announced = per_bundle(unit, "demo-scenarios", lambda: any(
        _DEMO.search(x) and (_FIXED.search(x) or re.search(r"bijlage", x, re.I)) for x in _lines(unit)))
    if announced:
        return
    hits: list[tuple[bool, Hit]] = []
    for block in doc.blocks:
        if block.kind not in ("paragraph", "list_item", "table_row"):
            continue
        section = doc.section_at(block.start)
        if section is None or section.kind not in ("gunning", "kwaliteit", "implementatie"):
            continue
        text = doc.clean(block.content.start, block.content.end)
        # a row of a criteria table is one statement: "Demonstratie | 30%"
        pieces = [(0, text)] if block.kind == "table_row" else [(m.start(), m.group(0)) for m in _SENTENCE.finditer(text)]
        for offset, piece in pieces:
            m = _DEMO.search(piece)
            if m is None or not _SCORED.search(piece) or _NOT_SCORED.search(piece):
                continue
            start = block.content.start + offset + m.start("match")
            hits.append((block.kind == "table_row", Hit(start, start + len(m.group("match")))))
            break
    # one finding per document: where the demonstration is described rather than its table row
    if hits:
        yield min(hits, key=lambda h: h[0])[1]
