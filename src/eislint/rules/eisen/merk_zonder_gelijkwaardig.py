"""eisen.merk-zonder-gelijkwaardig: A brand or product name in a requirement without 'of gelijkwaardig'.

An error when what is bought is named by its brand ('De oplossing is gebaseerd op Moodle',
'licenties voor Microsoft 365'); nothing when the brand is the buyer's own system to integrate
with or run inside ('koppeling met ons HR-systeem Youforce', 'vanuit Brightspace'), an example
('bijvoorbeeld Azure of AWS') or a tool in a procedure of an SLA or DAP; otherwise a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit

OPTIONS = {
    "terms": Option(
        list,
        required=True,
        doc="merk- en productnamen, met hoofdletters zoals ze geschreven worden",
    ),
}


_EQUIVALENT = re.compile(
    r"\b(?:of|dan\s+wel)\s+(?:een\s+)?gelijkwaardig\w*\b|\bgelijkwaardige?\s+(?:alternatief|oplossing|product|standaard)\b",
    re.I,
)


_EXAMPLE_BEFORE = re.compile(
    r"\b(?:bijvoorbeeld|bijv\.|bv\.|b\.v\.|zoals|o\.a\.|onder\s+andere|denk\s+aan|te\s+denken\s+aan)\b"
    r"[^.;:()]{0,60}$|\(\s*(?:bijv\.|bijvoorbeeld|bv\.|zoals)?[^()]{0,40}$",
    re.I,
)


# The buyer's own systems: to integrate with, to run inside, to log in to.
_OWN_BEFORE = re.compile(
    r"\b(?:ons|onze|huidige?|bestaande?|eigen|gemeentelijke?|in\s+gebruik\s+zijnde|gebruikte|vanuit|binnen|"
    r"koppel\w*|gekoppeld|integr\w*|geïntegreerd|aansl\w*|aangesloten|synchroni\w*|uitwissel\w*|import\w*|export\w*"
    r"|inlog\w*|aanmeld\w*|authentic\w*|logt\s+in|loggen\s+in|meldt\s+(?:zich\s+)?aan|melden\s+(?:zich\s+)?aan)\b[^.;]{0,60}$",
    re.I,
)


_OWN_AFTER = re.compile(
    r"^[\s,]{0,3}(?:[\w-]+\s+){0,2}(?:van\s+(?:de|het)\s+(?:gemeente|waterschap|provincie|organisatie|opdrachtgever|omgevingsdienst|hogeschool)"
    r"|(?:die|dat)\s+(?:de|het|wij|we)\s+\w*\s*(?:gebruik\w*|in\s+gebruik)|dat\s+al\s+in\s+gebruik|(?:-|\s)?omgeving\s+van\s+de)\b"
    # an apposition: "Microsoft Teams, de bestaande videoconferentiedienst van de gemeente"
    r"|^\s*,\s*(?:de|het|onze|ons)\s+(?:bestaande|huidige|eigen|gebruikte)\b",
    re.I,
)


# What is bought named by its brand: the solution is, runs on, is built on or licensed as the brand.
_BOUGHT = re.compile(
    r"(?:\b(?:levering|licenties?|abonnement|aanschaf|inkoop|implementatie|uitrol)\s+(?:van|voor|op)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:oplossing|systeem|applicatie|dienst|platform|software|tool|lms|omgeving|module|database|hosting)\s+"
    r"(?:is|wordt|betreft|moet\s+zijn|dient\s+te\s+zijn|bestaat\s+uit|(?:is|wordt|moet\s+(?:worden|zijn))\s+(?:gebaseerd|gebouwd|ontwikkeld|gehost)\s+(?:op|in|met|bij))\s+(?:\w+\s+){0,3}$"
    r"|\b(?:gebaseerd|gebouwd|ontwikkeld|gehost|draait|draaien)\s+(?:op|in|met|bij)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:een|de)\s+(?:module|versie|uitbreiding|licentie)\s+(?:van|op)\s+$)",
    re.I,
)


_BRAND_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _brand_regex(terms: tuple[str, ...]) -> re.Pattern[str]:
    if terms not in _BRAND_CACHE:
        alternation = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
        _BRAND_CACHE[terms] = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
    return _BRAND_CACHE[terms]


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    pattern = _brand_regex(tuple(options["terms"]))
    for m in pattern.finditer(unit.text):
        start, end = unit.start + m.start(), unit.start + m.end()
        if not unit.in_demand(start, end):
            continue
        sent = unit.sentence_at(start)
        sentence = unit.slice(max(sent.start, unit.start), min(sent.end, unit.end))
        if _EQUIVALENT.search(sentence):
            continue
        before = unit.slice(max(sent.start, unit.start), start)
        after = unit.slice(end, min(sent.end, unit.end))
        if (
            _EXAMPLE_BEFORE.search(before)
            or unit.document.role in ("sla", "dap", "overeenkomst")
            or _OWN_BEFORE.search(before)
            or _OWN_AFTER.search(after)
        ):
            # an example, a tool in a procedure, or the buyer's own system to integrate with or run
            # inside: no brand demand (koppelmethode- and standaarden rules ask for the open standard)
            continue
        if _BOUGHT.search(before):
            level, why = (
                "error",
                "Wat u koopt wordt met een merk of fabrikaat aangeduid; dat is in de regel niet toegestaan.",
            )
        else:
            level, why = (
                "warning",
                "Een verwijzing naar een merk of fabrikaat is in de regel niet toegestaan.",
            )
        yield Hit(start, end, data={"toelichting": why}, level=level)
