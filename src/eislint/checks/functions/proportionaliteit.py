"""Functions that weigh demands against the tender context: SLA, turnover, references, assurance."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Context, Hit, Option, Unit, per_bundle
from eislint.checks.functions import register
from eislint.taal import bedrag, getal


def _num(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".")) if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text) \
        else float(text.replace(",", "."))


_AVAILABILITY = re.compile(r"(?P<match>(?P<pct>\d{2,3}(?:[.,]\d{1,3})?)\s*(?:%|procent\b))", re.I)
_AVAIL_WORD = re.compile(r"beschikba|uptime|availability|SLA", re.I)
_SUPPORT_247 = re.compile(r"(?P<match>24\s*[/x×]\s*7|7\s*[/x×]\s*24|24\s+uur\s+per\s+dag[^.]{0,30}(?:7|zeven)\s+dagen|dag\s+en\s+nacht)", re.I)
_SUPPORT_WORD = re.compile(r"support|ondersteuning|service\s*desk|servicedesk|helpdesk|bereikbaar|storingsdienst", re.I)
_FAST_FIX = re.compile(
    r"(?P<match>(?:binnen|uiterlijk\s+na|maximaal|max\.?|<)\s*(?:(?P<n>\d{1,3})\s*(?P<unit>minuten|minuut|min\b\.?|kwartier)"
    r"|(?P<words>een\s+kwartier|een\s+half\s*uur|een\s+halfuur|een\s+halve\s+uur|een\s+minuut)))", re.I)
_WORD_MINUTES = {"kwartier": 15, "half": 30, "halfuur": 30, "halve": 30, "minuut": 1}
_RECOVERY_WORD = re.compile(r"herstel|opgelost|oplostijd|hersteltijd|RTO|RPO|verhelp|verholpen|storing|incident", re.I)
# A clause ends at a semicolon or a comma: "het LMS is 24/7 beschikbaar, ondersteuning op werkdagen"
# is no demand for 24/7 support. Boundaries inside the match itself ("24 uur per dag, 7 dagen") do not count.
# A line break ends a clause too: a table in a PDF comes as one cell per line.
_CLAUSE_END = re.compile(r"[;,:\n]|\s(?:maar|terwijl|waarbij)\s", re.I)


def _clause(text: str, start: int, end: int) -> str:
    """The part of `text` around [start, end) up to the nearest clause boundaries outside it."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
    return text[left:right]


@register(
    "sla_niet_kritisch",
    beschikbaarheid=Option((int, float), default=99.9, doc="vanaf dit percentage is beschikbaarheid zwaar"),
    hersteltijd_minuten=Option(int, default=60, doc="herstel- of oplostijden korter dan dit zijn zwaar"),
)
def sla_for_non_critical(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Availability, support and recovery demands that fit a business-critical service only."""
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        raw = unit.document.text[span.start:span.end]  # same offsets, line breaks kept
        if _AVAIL_WORD.search(text):
            for m in _AVAILABILITY.finditer(text):
                if _num(m.group("pct")) >= options["beschikbaarheid"] and _num(m.group("pct")) <= 100:
                    yield Hit(span.start + m.start("match"), span.start + m.end("match"),
                              data={"soort": "beschikbaarheid", "waarde": m.group("match")})
        if _SUPPORT_WORD.search(text):
            for m in _SUPPORT_247.finditer(text):
                if not _SUPPORT_WORD.search(_clause(raw, m.start(), m.end())):
                    continue
                yield Hit(span.start + m.start("match"), span.start + m.end("match"),
                          data={"soort": "ondersteuning", "waarde": m.group("match")})
        if _RECOVERY_WORD.search(text):
            for m in _FAST_FIX.finditer(text):
                if not _RECOVERY_WORD.search(_clause(raw, m.start(), m.end())):
                    continue
                if m.group("words"):
                    minutes = next(v for k, v in _WORD_MINUTES.items() if k in m.group("words").lower())
                else:
                    minutes = 15 if m.group("unit").lower().startswith("kwartier") else int(m.group("n"))
                if minutes < options["hersteltijd_minuten"]:
                    yield Hit(span.start + m.start("match"), span.start + m.end("match"),
                              data={"soort": "hersteltijd", "waarde": m.group("match")})


_TURNOVER = re.compile(r"omzet", re.I)
_AMOUNT = re.compile(r"(?:€|EUR|euro)\s*(?P<n>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?:\s*(?P<mult>miljoen|mln\.?|mio|k\b|duizend))?|(?P<n2>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(?P<mult2>miljoen|mln\.?)?\s*(?:euro|EUR)", re.I)


# "er geldt geen (minimale) omzeteis", "een omzeteis wordt niet gesteld"
_NO_TURNOVER_DEMAND = re.compile(
    r"\bgeen\s+(?:\w+\s+){0,2}(?:omzet(?:eis|drempel|criterium|vereiste)\w*|eisen?\s+aan\s+de\s+omzet)"
    r"|\bomzet(?:eis|drempel|criterium|vereiste)\w*\s+(?:\w+\s+){0,3}?(?:niet\s+(?:gesteld|gevraagd|vereist)|vervalt)", re.I)


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
        if _NO_TURNOVER_DEMAND.search(text):
            continue
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
            data["verhouding"] = getal(ratio, 1)  # '4,2': formatted apart from the amount, in Dutch
            data["oordeel"] = (f"Dat is {data['verhouding']} keer de geraamde waarde van {bedrag(value)}"
                               + ("; meer dan drie keer is niet toegestaan." if ratio > 3 else "; ook dan alleen met zwaarwegende redenen."))
            level = "error" if ratio > 3 else None
        else:
            data["oordeel"] = ("De geraamde waarde is niet bekend (stel tender.contract_value in); de eis mag in geen "
                               "geval hoger zijn dan drie keer die waarde.")
        yield Hit(span.start + m.start(), span.start + m.end(), data=data, level=level)


_NUMBER_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
                 "negen": 9, "tien": 10}
_PERIOD = re.compile(
    r"(?P<match>(?:afgelopen|laatste|voorgaande|recente)\s+(?P<n>\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+(?:kalender)?ja(?:ar|ren)\b)"
    r"|(?P<match2>(?:niet\s+ouder\s+(?:zijn\s+|is\s+)?dan|niet\s+langer\s+(?:geleden\s+)?dan|maximaal|ten\s+hoogste)\s+(?P<n2>\d{1,2}|vier|vijf|zes|zeven|acht|negen|tien)\s+(?:kalender)?ja(?:ar|ren)\b(?:\s+oud)?)",
    re.I)
_REFERENCE = re.compile(r"referentie|opdracht(en)?\s+uitgevoerd|ervaring|uitgevoerde\s+(opdrachten|projecten|diensten|leveringen)", re.I)
_WORKS = re.compile(r"\bwerken\b|bouw|aanleg|infrastructu", re.I)


_TERM = re.compile(r"looptijd|contractduur|overeenkomst\s+(?:heeft|duurt|loopt)|verleng", re.I)


def _part(text: str, offset: int) -> str:
    """The part of a sentence between semicolons around `offset`."""
    left = text.rfind(";", 0, offset) + 1
    right = text.find(";", offset)
    return text[left:right if right >= 0 else len(text)]


@register("referentieperiode", maximum_jaren=Option(int, default=3))
def reference_period(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """References for services or supplies from longer ago than the law allows (three years)."""
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        if not _REFERENCE.search(text) or _WORKS.search(text):
            continue
        for m in _PERIOD.finditer(text):
            # "looptijd van maximaal vier jaar; referenties niet ouder dan drie jaar": the period
            # must belong to the part of the sentence about references
            part = _part(text, m.start())
            if not _REFERENCE.search(part) or _TERM.search(part):
                continue
            raw = (m.group("n") or m.group("n2")).lower()
            years = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
            if years > options["maximum_jaren"]:
                g = "match" if m.group("match") else "match2"
                yield Hit(span.start + m.start(g), span.start + m.end(g), data={"jaren": str(years)})


_CERTS = (
    ("ISO 27001", re.compile(r"ISO(?:/IEC)?[\s-]?27001", re.I)),
    # "ISO/IEC 27001, 27017 en 27018": the cloud extensions are often named by number only
    ("ISO 27017", re.compile(r"(?:ISO(?:/IEC)?[\s-]?|\b)27017\b", re.I)),
    ("ISO 27018", re.compile(r"(?:ISO(?:/IEC)?[\s-]?|\b)27018\b", re.I)),
    ("ISO 9001", re.compile(r"ISO[\s-]?9001", re.I)),
    ("ISAE 3402", re.compile(r"ISAE[\s-]?3402", re.I)),
    ("ISAE 3000", re.compile(r"ISAE[\s-]?3000", re.I)),
    ("SOC 2", re.compile(r"\bSOC[\s-]?2\b", re.I)),
    ("NEN 7510", re.compile(r"NEN[\s-]?7510", re.I)),
    ("eigen audit", re.compile(r"(eigen|zelf\s+uit\s+te\s+voeren|door\s+de\s+(gemeente|opdrachtgever)\s+uit\s+te\s+voeren)\s+audit|auditrecht", re.I)),
)


_OR_EQUIVALENT = re.compile(r"\bof\s+(?:een\s+|een\s+ander\s+)?gelijkwaardig\w*(?:\s+(?:certificaat|norm|verklaring|rapport|bewijs))?", re.I)
_OR = re.compile(r"\b(?:of|ofwel|dan\s+wel|c\.q\.)\b", re.I)
_AND = re.compile(r"\b(?:en|alsmede|evenals|plus|naast|daarnaast|ook)\b|;", re.I)


def _evidence_groups(text: str) -> list[tuple[list[str], int, int]]:
    """The certificates in one sentence as groups of alternatives: 'ISO 27001, ISAE 3402 of SOC 2'
    is one demand (any of them), 'ISO 27001 en ISO 9001' two. Each group: names, start, end."""
    found = []
    for name, pattern in _CERTS:
        m = pattern.search(text)
        if m:
            found.append((m.start(), m.end(), name))
    found.sort()
    seps = []
    for (_, a_end, _), (b_start, _, _) in zip(found, found[1:]):
        between = _OR_EQUIVALENT.sub(" ", text[a_end:b_start])
        if _AND.search(between) or len(between) > 80:
            seps.append("and")
        elif _OR.search(between):
            seps.append("or")
        else:
            seps.append("comma")
    # a comma takes the meaning of the conjunction that closes the list: "A, B of C" / "A, B en C"
    for i in range(len(seps) - 1, -1, -1):
        if seps[i] == "comma":
            seps[i] = seps[i + 1] if i + 1 < len(seps) else "and"
    groups: list[tuple[list[str], int, int]] = []
    for i, (start, end, name) in enumerate(found):
        if i and seps[i - 1] == "or":
            names, g_start, _ = groups[-1]
            groups[-1] = (names + [name], g_start, end)
        else:
            groups.append(([name], start, end))
    return groups


@register("gestapelde_zekerheid", minimum=Option(int, default=3, doc="vanaf zoveel verschillende bewijsstukken"))
def stacked_assurance(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Several certificates and audit reports demanded for the same service; reported once.

    Certificates offered as alternatives ('ISO 27001 of een ISAE 3402-verklaring') count as one."""
    single: dict[str, tuple[int, int]] = {}
    alternatives: dict[frozenset[str], tuple[int, int]] = {}
    for pu in unit.analysis.units:
        for sent in pu.sents or [None]:
            a, b = (sent.start - pu.start, sent.end - pu.start) if sent is not None else (0, len(pu.text))
            for names, start, end in _evidence_groups(pu.text[a:b]):
                where = (pu.start + a + start, pu.start + a + start + len(_first_name_match(pu.text[a + start:a + end])))
                if len(names) == 1:
                    single.setdefault(names[0], where)
                else:
                    alternatives.setdefault(frozenset(names), where)
    demanded = dict(single)
    for names, where in alternatives.items():
        if not names & single.keys():
            demanded[" of ".join(sorted(names))] = where
    if len(demanded) >= options["minimum"]:
        first = min(demanded.values())
        yield Hit(first[0], first[1], data={"stapel": ", ".join(demanded), "aantal": str(len(demanded))})


def _first_name_match(text: str) -> str:
    """The text of the first certificate name at the start of `text`."""
    for _, pattern in _CERTS:
        m = pattern.match(text)
        if m:
            return m.group(0)
    return text


_DIGID_USE = re.compile(
    r"(inlog\w*|aanmeld\w*|authenticat\w*|log\w*\s+in)\b[^.]{0,60}?\b(met|via)\s+DigiD|DigiD[-\s]?(koppeling|aansluiting|login)"
    r"|\bDigiD\b[^.]{0,40}\b(inlog\w*|login)|\b(burgers?|inwoners?|cliënten|ondernemers)\b[^.]{0,80}\bDigiD",
    re.I,
)
_DIGID_AUDIT = re.compile(r"DigiD[-\s]?(assessment|audit|norm\w*|beveiligingsassessment)|ENSIA[^.]{0,40}DigiD", re.I)


# "geen DigiD-koppeling", "niet met DigiD", "zonder DigiD": a use that is ruled out
_DIGID_DENIED = re.compile(r"\b(?:geen|niet|zonder|nooit)\s+(?:\w+\s+){0,3}?(?:met\s+|via\s+)?DigiD|DigiD[^.;]{0,40}\b(?:niet\s+(?:nodig|van\s+toepassing|mogelijk)|is\s+niet)\b", re.I)


def _uses_digid(text: str) -> bool:
    """True when the text says somebody logs in with DigiD (and does not deny it in the same clause)."""
    for m in _DIGID_USE.finditer(text):
        left = max(text.rfind(c, 0, m.start()) for c in ".;:") + 1
        ends = [i for i in (text.find(c, m.end()) for c in ".;:") if i >= 0]
        clause = text[left:min(ends) if ends else len(text)]
        if not _DIGID_DENIED.search(clause):
            return True
    return False


@register("digid_zonder_digid")
def digid_without_digid(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A DigiD assessment demanded for a service nobody logs in to with DigiD."""
    texts = per_bundle(unit, "texts", lambda: [d.clean(0, len(d.text)) for d in (unit.bundle or [unit.document])])
    if per_bundle(unit, "uses-digid", lambda: any(_uses_digid(t) for t in texts)):
        return
    for pu in unit.analysis.units:
        m = _DIGID_AUDIT.search(pu.text)
        if m:
            yield Hit(pu.start + m.start(), pu.start + m.end())


@register("nen7510_zonder_zorg")
def nen7510_without_health(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """NEN 7510 (information security in healthcare) demanded where no health data is processed."""
    from eislint.context import has_health_data

    if unit.tender is not None:  # judged once per bundle by eislint.context
        if unit.tender.health_data:
            return
    elif any(has_health_data(d.clean(0, len(d.text))) for d in (unit.bundle or [unit.document])):
        return
    for pu in unit.analysis.units:
        m = re.search(r"NEN[-\s]?(?:EN[-\s]?)?7510(?:[-:]\d+)*", pu.text)
        if m:
            yield Hit(pu.start + m.start(), pu.start + m.end())
