"""gunning.prijs-weegt-zwaarder: Price weighing more than quality (advice for SaaS: quality decides usability for years)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit

OPTIONS = {
    "maximum": Option(
        (int, float),
        default=50,
        doc="prijsweging boven dit percentage geeft een melding",
    ),
}


# "prijs weegt 60%", "| Prijs | 60% |", "55% op prijs", "60/40 (prijs/kwaliteit)", "prijs/kwaliteit 60/40";
# never across the word kwaliteit ("prijs-kwaliteitverhouding: kwaliteit 70%").
_PRICE = r"\bprijs(?:weging|component|deel)?\b(?![-\s/]?kwaliteit)(?:(?!kwaliteit)[^.;%\n]){0,40}?"


_PRICE_WEIGHT = re.compile(
    rf"{_PRICE}(?<![\d,.])(\d{{1,3}})\s*%"
    r"|(?<![\d,.])(\d{1,3})\s*%\s*(?:(?:voor|op)\s+(?:de\s+)?)?prijs\b"
    r"|(\d{1,3})\s*/\s*\d{1,3}\s*\(?\s*prijs\s*/\s*kwaliteit"
    r"|prijs\s*/\s*kwaliteit[^.;\d\n]{0,30}(\d{1,3})\s*/\s*\d{1,3}",
    re.I,
)


# A ratio named as such: "prijs-kwaliteitverhouding 60/40", "weging prijs/kwaliteit 60-40",
# "kwaliteit/prijs 40:60"; the two numbers add up to 100, the word order says which is price.
_RATIO = re.compile(
    r"\b(?P<first>prijs|kwaliteit)\s*(?:[-/]|\s+en\s+)\s*(?:prijs|kwaliteit)\w*(?:[-\s]?(?:verhouding|ratio|weging))?"
    r"[^.;\d\n]{0,30}?(?<![\d,.])(?P<a>\d{1,3})\s*(?:/|:|-|–|\s+tegen(?:over)?\s+)\s*(?P<b>\d{1,3})(?!\s*%?\s*\d)(?![\d,]|\.\d)",
    re.I,
)


# Points: "Prijs: 600 punten. Kwaliteit: 400 punten." or a stated total ("totaal 1000 punten").
_PRICE_POINTS = re.compile(rf"{_PRICE}(?<![\d,.])(\d{{1,4}})\s*punten", re.I)


_QUALITY_POINTS = re.compile(r"\bkwaliteit\w*\b(?:(?!prijs)[^.;%\n]){0,40}?(?<![\d,.])(\d{1,4})\s*punten", re.I)


_TOTAL_POINTS = re.compile(
    r"\b(?:totaal|in\s+totaal|totale\s+score|maximaal\s+te\s+behalen)\b[^.;\d\n]{0,30}(\d{1,4})\s*punten",
    re.I,
)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    found = False
    for m in _RATIO.finditer(unit.text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a + b != 100:
            continue
        found = True
        price_share = a if m.group("first").lower() == "prijs" else b
        if options["maximum"] < price_share:
            yield Hit(
                unit.start + m.start(),
                unit.start + m.end(),
                data={"prijsweging": str(price_share)},
            )
            return
    for m in _PRICE_WEIGHT.finditer(unit.text):
        value = next((g for g in m.groups() if g is not None), None)
        found = found or value is not None
        if value is not None and options["maximum"] < float(value) <= 100:
            yield Hit(
                unit.start + m.start(),
                unit.start + m.end(),
                data={"prijsweging": value},
            )
            return
    price = None if found else _PRICE_POINTS.search(unit.text)
    if price is None:
        return
    total = _TOTAL_POINTS.search(unit.text)
    quality = _QUALITY_POINTS.search(unit.text)
    points = float(price.group(1))
    if total is not None:
        whole = float(total.group(1))
    elif quality is not None:
        whole = points + float(quality.group(1))
    else:
        return
    if whole >= points > 0 and points / whole * 100 > options["maximum"]:
        share = round(points / whole * 100)
        yield Hit(
            unit.start + price.start(),
            unit.start + price.end(),
            data={"prijsweging": str(share)},
        )
