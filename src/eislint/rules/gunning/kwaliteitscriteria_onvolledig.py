"""gunning.kwaliteitscriteria-onvolledig: Award criteria that judge quality without two or more of the e-book's four: usability tested
by users, integrations, support, the implementation plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit, per_bundle
from eislint.document import Document, Section
from eislint.dutch.output import opsomming

_CRITERIA = (
    (
        "gebruiksgemak getest door eigen gebruikers",
        re.compile(
            r"gebruik(?:er)?s(?:gemak|vriendelijk\w*|ervaring|test\w*)|usability|praktijktest|proof\s+of\s+concept|\bPoC\b|demonstratie\w*|\bdemo\b",
            re.I,
        ),
    ),
    (
        "integraties",
        re.compile(
            r"koppeling\w*|integratie\w*|interoperab\w*|\bAPI'?s?\b|standaarden|aansluiting\s+op",
            re.I,
        ),
    ),
    (
        "ondersteuning",
        re.compile(
            r"ondersteuning|\bsupport\b|dienstverlening|service\w*|helpdesk|\bSLA\b|klantenservice|account\w*|partner\w*|samenwerking",
            re.I,
        ),
    ),
    (
        "het implementatieplan",
        re.compile(
            r"implementatie\w*|invoering\w*|uitrol\w*|plan\s+van\s+aanpak|migratie\w*",
            re.I,
        ),
    ),
)


_QUALITY = re.compile(r"kwaliteit|subcriteri|kwaliteitscriteri|gunningscriteri|beoordelingscriteri", re.I)


def _gunning_parts(bundle: list[Document]) -> list[tuple[Document, Section]]:
    return [
        (d, s)
        for d in bundle
        for s in d.sections
        if s.heading is not None
        and s.kind == "gunning"
        and (s.parent is None or s.parent.kind != "gunning")
        and d.role not in ("prijzenblad", "formulier")
    ]


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    bundle = unit.bundle or [doc]
    parts = per_bundle(unit, "gunning-parts", lambda: _gunning_parts(bundle))
    if not parts or parts[0][0] is not doc:
        return
    text = "\n".join(d.clean(s.start, s.end) for d, s in parts)
    if (
        not _QUALITY.search(text)
        or re.search(r"laagste\s+(?:prijs|kosten)", text, re.I)
        and not re.search(r"kwaliteit", text, re.I)
    ):
        return
    missing = [name for name, pattern in _CRITERIA if not pattern.search(text)]
    if len(missing) >= 2:
        head = parts[0][1].heading
        yield Hit(head.content.start, head.content.end, data={"ontbreekt": opsomming(missing)})
