"""volledigheid.prijsblad-zonder-tco: A price sheet that does not ask for all costs over the term: one-off, recurring, extra
services, and the total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit, per_bundle
from eislint.document import Block, Document
from eislint.dutch.output import opsomming
from eislint.rules._shared.elementen import unit_lines, whole_tender

_COSTS = (
    (
        "eenmalige kosten (implementatie, inrichting, migratie, training)",
        re.compile(
            r"eenmalig\w*|implementatie\w*|inrichting\w*|migratie\w*|installatie\w*|opstart\w*|set-?up|invoering\w*|aanschaf\w*",
            re.I,
        ),
    ),
    (
        "terugkerende kosten (licenties of abonnement, onderhoud en ondersteuning)",
        re.compile(
            r"licentie\w*|abonnement\w*|gebruiksrecht\w*|per\s+(?:actieve\s+)?(?:gebruiker|medewerker|jaar|maand)|jaarlijks\w*|periodiek\w*"
            r"|onderhoud\w*|\bsupport\b|ondersteuning\w*|hosting\w*|\bSaaS\w*",
            re.I,
        ),
    ),
    (
        "bijkomende kosten (extra diensten, meerwerk, uurtarieven)",
        re.compile(
            r"meerwerk|uurtarie\w*|tarie\w*\s+per\s+uur|\bper\s+uur\b|dagtarie\w*|extra\s+(?:diensten|modules|werkzaamheden|kosten)"
            r"|aanvullende\s+(?:diensten|modules|werkzaamheden|kosten)|bijkomende\s+kosten|optionele?\s+(?:diensten|modules|onderdelen)"
            r"|overige\s+kosten|\bopties\b|consultan\w*|maatwerk|\buur\b|\buren\b|dagdeel|sessie\w*",
            re.I,
        ),
    ),
    (
        "de totale kosten over de looptijd (inclusief opties)",
        re.compile(
            r"\bTCO\b|total\s+cost\s+of\s+ownership|totale\s+kosten|totaal\w*\s+(?:\w+\s+){0,3}?(?:over|voor)\s+(?:de\s+)?(?:hele\s+|gehele\s+|volledige\s+)?(?:looptijd|contractperiode|periode)"
            r"|(?:over|voor)\s+de\s+(?:hele\s+|gehele\s+|volledige\s+|totale\s+)?(?:looptijd|contractperiode|contractduur)"
            r"|inschrijfsom|totaalprijs|beoordelingsprijs|totale\s+(?:prijs|inschrijvingsprijs|beoordelingsprijs|contractwaarde|som)|(?:vier|vijf|drie|\d)\s*(?:jaar|jaren)\s+(?:inclusief|incl\.)",
            re.I,
        ),
    ),
)


_PRICE_TITLE = re.compile(r"prij[sz]|tarie|kosten|inschrijfsom|financ", re.I)


_SHEET_IN_ANNEX = re.compile(
    r"(?:prij[sz]\w*|tarieven)(?:blad|formulier|lijst|opgave)\w*[^.]{0,40}\bbijlage|\bbijlage\s+\w+[^.]{0,30}(?:prij[sz]\w*|tarieven)(?:blad|formulier|lijst)",
    re.I,
)


def _price_parts(bundle: list[Document]) -> list[str]:
    """The price sheets of the bundle and the sections about prices."""
    out = [d.clean(0, len(d.text)) for d in bundle if d.role == "prijzenblad"]
    out += [
        d.clean(s.start, s.end)
        for d in bundle
        if d.role != "prijzenblad"
        for s in d.sections
        if s.heading is not None and (s.kind == "prijs" or s.kind == "gunning" and _PRICE_TITLE.search(s.title))
    ]
    return out


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    bundle = unit.bundle or [doc]
    if not whole_tender(unit):
        return
    parts = per_bundle(unit, "price-parts", lambda: _price_parts(bundle))
    if not parts:
        return  # no price sheet at all: volledigheid.prijsblad-ontbreekt
    if not any(d.role == "prijzenblad" for d in bundle) and any(_SHEET_IN_ANNEX.search(p) for p in parts):
        return  # the sheet itself is an annex that was not passed: it cannot be judged
    # a price sentence elsewhere counts too ("De inschrijver prijst de totale kosten over vier jaar")
    sentences = [x for x in unit_lines(unit) if re.search(r"prij[sz]|kosten|tarie", x, re.I)]
    text = "\n".join(parts + sentences)
    missing = [name for name, pattern in _COSTS if not pattern.search(text)]
    if not missing:
        return
    anchor = _anchor(doc, bundle)
    if anchor is not None:
        yield Hit(anchor.content.start, anchor.content.end, data={"ontbreekt": opsomming(missing)})


def _anchor(doc: Document, bundle: list[Document]) -> Block | None:
    """Where the finding goes, if in `doc`: the first heading of the price sheet, else the heading
    of the first price section of the bundle."""
    where = next((d for d in bundle if d.role == "prijzenblad"), None)
    if where is not None:
        if where is not doc:
            return None
        return next((b for b in doc.blocks if b.kind == "heading"), doc.blocks[0])
    section = next(
        (s for d in bundle for s in d.sections if s.heading is not None and s.kind == "prijs"),
        None,
    )
    if section is not None and section.heading is not None and any(s is section for s in doc.sections):
        return section.heading
    return None
