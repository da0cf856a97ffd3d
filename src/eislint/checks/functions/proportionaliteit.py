"""Functions that weigh demands against the tender context: SLA, turnover, references, assurance."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Context, Hit, Option, Unit
from eislint.checks.functions import register


def _num(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".")) if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text) \
        else float(text.replace(",", "."))


_AVAILABILITY = re.compile(r"(?P<match>(?P<pct>\d{2,3}(?:[.,]\d{1,3})?)\s*%)", re.I)
_AVAIL_WORD = re.compile(r"beschikba|uptime|availability|SLA", re.I)
_SUPPORT_247 = re.compile(r"(?P<match>24\s*[/x×]\s*7|7\s*[/x×]\s*24|24\s+uur\s+per\s+dag[^.]{0,30}7\s+dagen|dag\s+en\s+nacht)", re.I)
_SUPPORT_WORD = re.compile(r"support|ondersteuning|service\s*desk|servicedesk|helpdesk|bereikbaar|storingsdienst", re.I)
_FAST_FIX = re.compile(r"(?P<match>(?:binnen|uiterlijk\s+na|maximaal|max\.?|<)\s*(?P<n>\d{1,3})\s*(?P<unit>minuten|minuut|min\.?|kwartier))", re.I)
_RECOVERY_WORD = re.compile(r"herstel|opgelost|oplostijd|hersteltijd|RTO|RPO|verhelp|storing|incident", re.I)


@register(
    "sla_niet_kritisch",
    beschikbaarheid=Option((int, float), default=99.9, doc="vanaf dit percentage is beschikbaarheid zwaar"),
    hersteltijd_minuten=Option(int, default=60, doc="herstel- of oplostijden korter dan dit zijn zwaar"),
)
def sla_for_non_critical(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Availability, support and recovery demands that fit a business-critical service only."""
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        if _AVAIL_WORD.search(text):
            for m in _AVAILABILITY.finditer(text):
                if _num(m.group("pct")) >= options["beschikbaarheid"] and _num(m.group("pct")) <= 100:
                    yield Hit(span.start + m.start("match"), span.start + m.end("match"),
                              data={"soort": "beschikbaarheid", "waarde": m.group("match")})
        if _SUPPORT_WORD.search(text):
            for m in _SUPPORT_247.finditer(text):
                yield Hit(span.start + m.start("match"), span.start + m.end("match"),
                          data={"soort": "ondersteuning", "waarde": m.group("match")})
        if _RECOVERY_WORD.search(text):
            for m in _FAST_FIX.finditer(text):
                minutes = 15 if m.group("unit").lower().startswith("kwartier") else int(m.group("n"))
                if minutes < options["hersteltijd_minuten"]:
                    yield Hit(span.start + m.start("match"), span.start + m.end("match"),
                              data={"soort": "hersteltijd", "waarde": m.group("match")})


_TURNOVER = re.compile(r"omzet", re.I)
_AMOUNT = re.compile(r"(?:€|EUR|euro)\s*(?P<n>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(?P<mult>miljoen|mln\.?|mio|k\b|duizend)?|(?P<n2>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(?P<mult2>miljoen|mln\.?)?\s*(?:euro|EUR)", re.I)


def _amount(m: re.Match) -> float:
    n = m.group("n") or m.group("n2")
    mult = (m.group("mult") or m.group("mult2") or "").lower()
    value = _num(n)
    if mult.startswith(("miljoen", "mln", "mio")):
        value *= 1_000_000
    elif mult in ("k", "duizend"):
        value *= 1_000
    return value


@register("omzeteis")
def turnover_demand(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A minimum-turnover demand; an error above three times the estimated contract value."""
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        if not _TURNOVER.search(text) or not re.search(r"minim|ten\s+minste|tenminste|minstens|bedraagt|van\s+meer\s+dan|hoger\s+dan", text, re.I):
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
            data["verhouding"] = f"{ratio:.1f}".replace(".", ",")
            data["oordeel"] = (f"Dat is {data['verhouding']} keer de geraamde waarde van € {value:,.0f}".replace(",", ".")
                               + ("; meer dan drie keer is niet toegestaan." if ratio > 3 else "; ook dan alleen met zwaarwegende redenen."))
            level = "error" if ratio > 3 else None
        else:
            data["oordeel"] = ("De geraamde waarde is niet bekend (stel tender.contract_value in); de eis mag in geen "
                               "geval hoger zijn dan drie keer die waarde.")
        yield Hit(span.start + m.start(), span.start + m.end(), data=data, level=level)


_NUMBER_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
                 "negen": 9, "tien": 10}
_PERIOD = re.compile(r"(?P<match>(?:afgelopen|laatste|voorgaande|recente)\s+(?P<n>\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+jaar)|(?P<match2>(?:niet\s+ouder\s+dan|maximaal|ten\s+hoogste)\s+(?P<n2>\d{1,2}|vier|vijf|zes|zeven|acht|negen|tien)\s+jaar(?:\s+oud)?)", re.I)
_REFERENCE = re.compile(r"referentie|opdracht(en)?\s+uitgevoerd|ervaring|uitgevoerde\s+(opdrachten|projecten|diensten|leveringen)", re.I)
_WORKS = re.compile(r"\bwerken\b|bouw|aanleg|infrastructu", re.I)


@register("referentieperiode", maximum_jaren=Option(int, default=3))
def reference_period(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """References for services or supplies from longer ago than the law allows (three years)."""
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        if not _REFERENCE.search(text) or _WORKS.search(text):
            continue
        for m in _PERIOD.finditer(text):
            raw = (m.group("n") or m.group("n2")).lower()
            years = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
            if years > options["maximum_jaren"]:
                g = "match" if m.group("match") else "match2"
                yield Hit(span.start + m.start(g), span.start + m.end(g), data={"jaren": str(years)})


_CERTS = (
    ("ISO 27001", re.compile(r"ISO(?:/IEC)?\s?27001", re.I)),
    ("ISO 27017", re.compile(r"ISO(?:/IEC)?\s?27017", re.I)),
    ("ISO 27018", re.compile(r"ISO(?:/IEC)?\s?27018", re.I)),
    ("ISO 9001", re.compile(r"ISO\s?9001", re.I)),
    ("ISAE 3402", re.compile(r"ISAE\s?3402", re.I)),
    ("ISAE 3000", re.compile(r"ISAE\s?3000", re.I)),
    ("SOC 2", re.compile(r"SOC\s?2", re.I)),
    ("NEN 7510", re.compile(r"NEN\s?7510", re.I)),
    ("eigen audit", re.compile(r"(eigen|zelf\s+uit\s+te\s+voeren|door\s+de\s+(gemeente|opdrachtgever)\s+uit\s+te\s+voeren)\s+audit|auditrecht", re.I)),
)


@register("gestapelde_zekerheid", minimum=Option(int, default=3, doc="vanaf zoveel verschillende bewijsstukken"))
def stacked_assurance(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Several certificates and audit reports demanded for the same service; reported once."""
    found: dict[str, tuple[int, int]] = {}
    for pu in unit.analysis.units:
        for name, pattern in _CERTS:
            if name in found:
                continue
            m = pattern.search(pu.text)
            if m:
                found[name] = (pu.start + m.start(), pu.start + m.end())
    if len(found) >= options["minimum"]:
        first = min(found.values())
        yield Hit(first[0], first[1], data={"stapel": ", ".join(found), "aantal": str(len(found))})


_DIGID_USE = re.compile(
    r"(inlog\w*|aanmeld\w*|authenticat\w*|log\w*\s+in)\b[^.]{0,60}?\b(met|via)\s+DigiD|DigiD[-\s]?(koppeling|aansluiting|login)"
    r"|\bDigiD\b[^.]{0,40}\b(inlog\w*|login)|\b(burgers?|inwoners?|cliënten|ondernemers)\b[^.]{0,80}\bDigiD",
    re.I,
)
_DIGID_AUDIT = re.compile(r"DigiD[-\s]?(assessment|audit|norm\w*|beveiligingsassessment)|ENSIA[^.]{0,40}DigiD", re.I)


@register("digid_zonder_digid")
def digid_without_digid(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A DigiD assessment demanded for a service nobody logs in to with DigiD."""
    texts = [d.clean(0, len(d.text)) for d in (unit.bundle or [unit.document])]
    if any(_DIGID_USE.search(t) for t in texts):
        return
    for pu in unit.analysis.units:
        m = _DIGID_AUDIT.search(pu.text)
        if m:
            yield Hit(pu.start + m.start(), pu.start + m.end())


@register("nen7510_zonder_zorg")
def nen7510_without_health(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """NEN 7510 (information security in healthcare) demanded where no health data is processed."""
    if unit.tender is not None and unit.tender.health_data:
        return
    for pu in unit.analysis.units:
        m = re.search(r"NEN[-\s]?(?:EN[-\s]?)?7510(?:[-:]\d+)*", pu.text)
        if m:
            yield Hit(pu.start + m.start(), pu.start + m.end())
