"""contract.verlenging-niet-jaarlijks: An initial term of at least `minimum_jaren` without yearly extension options, or with one long extension only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eislint.checks.base import Hit, Option, Unit, per_bundle
from eislint.structures.contract import (
    DURATION,
    INCLUDING_OPTIONS,
    NUM,
    duration_match,
    format_years,
    to_years,
)

OPTIONS = {
    "minimum_jaren": Option(int, default=3, doc="kortere looptijden meldt contract.looptijd-kort"),
}


_MAX_TERM = re.compile(
    r"(?:maximale|totale|maximaal|in\s+totaal|inclusief)\s+(?:\w+\s+){0,2}?(?:loop|contract)(?:tijd|duur|periode)",
    re.I,
)


_NO_EXTENSION = re.compile(
    r"zonder\s+(?:\w+\s+){0,2}?(?:verlenging\w*|verlengingsoptie\w*|optie\w*\s+tot\s+verlenging)|niet\s+(?:(?!stilzwijgend)\w+\s+){0,3}?verlengd"
    r"|geen\s+(?:\w+\s+){0,2}?(?:verlenging\w*|opties?\s+tot\s+verlenging)|(?:eindigt|loopt\s+af)\s+van\s+rechtswege"
    r"|verlenging\w*\s+(?:is|zijn)\s+(?:\w+\s+)?(?:niet\s+mogelijk|uitgesloten)|kan\s+niet\s+(?:(?!stilzwijgend)\w+\s+){0,2}?(?:worden\s+)?verlengd",
    re.I,
)


_ANY_EXTENSION = re.compile(
    r"verleng\w*|optiejaar\w*|optieperiode\w*|\boptie\w*\s+(?:tot|op|voor)\s+(?:\w+\s+){0,2}?verlenging",
    re.I,
)


_OTHER_EXTENSION = re.compile(
    r"hostingpartij|huidige\s+(?:contract|overeenkomst|leverancier|systeem|licentie)|certifica|garantie|gestanddoening|geldigheid"
    r"|(?:inschrijf|inschrijvings|reactie|indienings|sluitings|beantwoordings|betalings)\w*termijn|termijn\s+(?:voor|van)\s+(?:de\s+)?(?:inschrijving|het\s+indienen|vragen)"
    r"|nota\s+van\s+inlichtingen|stilzwijgend",
    re.I,
)


_YEARLY = re.compile(
    r"\d\s*\+\s*1\s*\+\s*1|\(\s*1\s*\+\s*1\s*\)|telkens|steeds|per\s+keer|jaarlijks\w*|per\s+jaar|elk\s+jaar|ieder\s+jaar|(?:perioden|periodes|termijnen)\s+van\s+(?:(?:telkens|maximaal|ten\s+hoogste)\s+)?(?:één|een|1|twaalf|12)\s+(?:jaar|maanden)"
    rf"|\b(?:{NUM})\s*(?:x\b|×|keer\b|maal\b)|(?:twee|drie|vier|vijf|\d)\s+(?:verlengings)?opties|\bmet\s+(?:één|een|1)\s+jaar\b|\bvan\s+(?:één|een|1)\s+jaar\b|\b(?:12|twaalf)\s+maanden",
    re.I,
)


_SINGLE_LONG = re.compile(
    rf"(?:eenmalig|éénmalig|eenmaal|één\s+keer|een\s+keer|1\s*(?:x|keer|maal)\b|(?:een|één)\s+(?:verlengings)?optie\b|(?:een|één)\s+verlenging\b)[^.;]{{0,60}}?(?P<m>{NUM})\s+(?P<u>jaar|maanden)"
    rf"|verleng\w*\s+(?:\w+\s+){{0,4}}?met\s+(?P<m2>{NUM})\s+(?P<u2>jaar|maanden)",
    re.I,
)


_NOT_THIS_TERM = re.compile(
    r"\b(?:huidige?|bestaande|vorige|oude|lopende)\s+(?:\w+\s+)?(?:contract|overeenkomst)|\bbewaar\w*"
    r"|\d+\s+(?:jaar|maanden)\s+(?:daarna|na\s+(?:afloop|het\s+einde))",
    re.I,
)


_TACIT = re.compile(r"(?<!niet\s)stilzwijgend\w*\s+(?:\w+\s+){0,5}?verleng", re.I)


_CAP = re.compile(r"maximaal|ten\s+hoogste|in\s+totaal|tot\s+(?:een\s+)?maximum|totaal", re.I)


@dataclass(frozen=True, slots=True)
class _Extensions:
    """What the whole tender says about extension, read once per bundle (it was read again for
    every sentence that states a term: quadratic in the length of the tender)."""

    tacit: bool  # renewed tacitly somewhere ("stilzwijgend met een jaar verlengd")
    sentences: tuple[str, ...]  # sentences about extension options (not about something else, not "no extension")
    yearly: bool  # one of them gives yearly options
    single: re.Match[str] | None  # the first single long extension ("eenmalig met 2 jaar") without a cap


def _extensions(texts: list[str]) -> _Extensions:
    sentences = [
        s
        for t in texts
        for s in re.split(r"(?<=[.;])\s+|\n", t)
        if _ANY_EXTENSION.search(s) and not _OTHER_EXTENSION.search(s)
    ]
    sentences = [s for s in sentences if not _NO_EXTENSION.search(s)]
    return _Extensions(
        tacit=any(_TACIT.search(t) for t in texts),
        sentences=tuple(sentences),
        yearly=any(_YEARLY.search(s) for s in sentences),
        single=next((x for s in sentences if (x := _SINGLE_LONG.search(s)) and not _CAP.search(s)), None),
    )


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    bundle = unit.bundle or [doc]
    texts = per_bundle(unit, "texts", lambda: [d.clean(0, len(d.text)) for d in bundle])
    framework = per_bundle(
        unit,
        "raamovereenkomst",
        lambda: any(re.search(r"raamovereenkomst", t, re.I) for t in texts),
    )
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        m = DURATION.search(text)
        if m is None:
            continue
        g, years = duration_match(m)
        if years < options["minimum_jaren"] or _not_a_fixed_term(text, years, framework):
            continue
        start, end = span.start + m.start(g), span.start + m.end(g)
        while start < end and unit.text[start - unit.start].isspace():
            start += 1
        ext = per_bundle(unit, "verlenging-niet-jaarlijks", lambda: _extensions(texts))
        if ext.tacit:
            continue  # renewed tacitly ("stilzwijgend met een jaar verlengd"): no option to judge
        soort = _what_is_wrong(text, ext)
        if soort is not None:
            yield Hit(start, end, data={"jaren": format_years(years), "soort": soort})


def _not_a_fixed_term(text: str, years: float, framework: bool) -> bool:
    """A term this rule does not judge (a short one is contract.looptijd-kort's)."""
    if (
        _MAX_TERM.search(text)
        or INCLUDING_OPTIONS.search(text)
        or re.search(r"\bopties\b|\bonbepaalde\s+tijd", text, re.I)
    ):
        return True  # a total including options, or an open-ended contract
    if _NOT_THIS_TERM.search(text) or _YEARLY.search(text) and re.search(r"\d\s*\+\s*1", text):
        return True  # the current contract, a retention period, or "5 jaar (3+1+1)"
    # a framework agreement has no room for options (contract.raamovereenkomst-te-lang)
    return framework and years + 1 > 4


def _what_is_wrong(text: str, ext: _Extensions) -> str | None:
    """'zonder verlengingsopties', 'met alleen één verlenging van 2 jaar', or None: nothing to say.
    The extension options are looked for in the whole tender (often the next sentence or another file)."""
    if _NO_EXTENSION.search(text):
        if re.search(r"\b(?:wordt|indien|als|wanneer)\b[^.]{0,80}niet\s+verlengd\s*,", text, re.I):
            return None  # a condition ("Wordt de overeenkomst niet verlengd, dan ..."), not a term
        # "niet verlengd" about something else when the options are stated elsewhere
        return None if ext.yearly else "zonder verlengingsopties"
    if ext.yearly:
        return None
    single = ext.single
    if single is not None:
        extension = to_years(single.group("m") or single.group("m2"), single.group("u") or single.group("u2"))
        return None if extension <= 1 else f"met alleen één verlenging van {format_years(extension)} jaar"
    if ext.sentences:
        return None  # an extension we cannot read with certainty: leave it alone
    return "zonder verlengingsopties"
