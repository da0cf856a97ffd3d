"""selectie.omzeteis: A minimum-turnover demand; an error above three times the estimated contract value."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit
from eislint.dutch.numbers import parse_number
from eislint.dutch.output import bedrag, getal

_TURNOVER = re.compile(r"omzet", re.I)


_AMOUNT = re.compile(
    r"(?:€|EUR|euro)\s*(?P<n>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?:\s*(?P<mult>miljoen|mln\.?|mio|k\b|duizend))?|(?P<n2>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(?P<mult2>miljoen|mln\.?)?\s*(?:euro|EUR)",
    re.I,
)


# "er geldt geen (minimale) omzeteis", "een omzeteis wordt niet gesteld"
_NO_TURNOVER_DEMAND = re.compile(
    r"\bgeen\s+(?:\w+\s+){0,2}(?:omzet(?:eis|drempel|criterium|vereiste)\w*|eisen?\s+aan\s+de\s+omzet)"
    r"|\bomzet(?:eis|drempel|criterium|vereiste)\w*\s+(?:\w+\s+){0,3}?(?:niet\s+(?:gesteld|gevraagd|vereist)|vervalt)",
    re.I,
)


def _amount(m: re.Match) -> float:
    n = m.group("n") or m.group("n2")
    mult = (m.group("mult") or m.group("mult2") or "").lower()
    value = parse_number(n)
    if mult.startswith(("miljoen", "mln", "mio")):
        value *= 1_000_000
    elif mult in ("k", "duizend"):
        value *= 1_000
    return value


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        if _NO_TURNOVER_DEMAND.search(text):
            continue
        if not _TURNOVER.search(text) or not re.search(
            r"minim|ten\s+minste|tenminste|minstens|bedraagt|van\s+meer\s+dan|hoger\s+dan",
            text,
            re.I,
        ):
            continue
        m = _AMOUNT.search(text)
        if m is None:
            continue
        demanded = _amount(m)
        value = unit.tender.context.contract_value if unit.tender is not None else None
        data = {"omzet": m.group(0).strip()}
        level = None
        if value:
            ratio = demanded / value
            data["verhouding"] = getal(ratio, 1)  # '4,2': formatted apart from the amount, in Dutch
            data["oordeel"] = f"Dat is {data['verhouding']} keer de geraamde waarde van {bedrag(value)}" + (
                "; meer dan drie keer is niet toegestaan."
                if ratio > 3
                else "; ook dan alleen met zwaarwegende redenen."
            )
            level = "error" if ratio > 3 else None
        else:
            data["oordeel"] = (
                "De geraamde waarde is niet bekend (stel tender.contract_value in); de eis mag in geen "
                "geval hoger zijn dan drie keer die waarde."
            )
        yield Hit(span.start + m.start(), span.start + m.end(), data=data, level=level)
