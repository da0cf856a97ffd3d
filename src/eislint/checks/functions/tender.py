"""Functions that judge the tender as a whole: SMART goals, award mechanism, contract terms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Context, Hit, Option, Unit
from eislint.checks.functions import register

# ---------------------------------------------------------------- SMART goals

_AIM = re.compile(
    r"^(?:(?:onze|de)\s+)?(?:(?:het|ons)\s+doel\s+(?:is|van\s+\w+(?:\s+\w+)?\s+is)\s+(?:om\s+|dat\s+)?|doelstelling\s+is\s+(?:om\s+|dat\s+)?"
    r"|(?:wij|we|de\s+gemeente|de\s+organisatie)\s+(?:willen|wil|streven\s+(?:er)?naar|beogen|beoogt)\s+(?:om\s+|dat\s+)?"
    r"|(?:dit|de\s+aanbesteding|het\s+nieuwe\s+\w+)\s+(?:moet|moeten)\s+leiden\s+tot\s+|het\s+doel\s+is\s+)",
    re.I,
)
_AIM_ANYWHERE = re.compile(r"\b(doel\s+is|doelstelling|wij\s+willen|we\s+willen|streven\s+naar|streeft\s+naar|beogen|beoogt|moet\s+leiden\s+tot|heeft\s+als\s+doel)\b", re.I)
_NUMBER_WORD = r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|helft|kwart|driekwart|derde|verdubbel\w*|halver\w*)"
_MEASURE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|procent|punten|keer|x\b|medewerkers|gebruikers|deelnemers|uur|uren|minuten|cursussen|trainingen|e-learnings|certificaten|euro|€)"
    r"|€\s*\d|\b(?:score|cijfer|rapportcijfer|NPS|SUS)\b[^.]{0,20}\d|\b\d+(?:[.,]\d+)?\b(?!\s*(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december))(?<!\b(?:19|20)\d\d)"
    rf"|\b{_NUMBER_WORD}\s+(?:procent|keer|van\s+de|op\s+de|medewerkers|kwart)\b|\b(?:verdubbel\w*|halver\w*)\b|\b(?:de\s+)?(?:helft|driekwart)\b|\bkwart\b|\b(?:alle|iedere|elke)\s+(?:medewerkers?|leidinggevenden?|nieuwe\s+medewerkers?)\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TIME = re.compile(
    r"\b(?:\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?:\s+(?:19|20)\d\d)?"
    r"|\d{1,2}-\d{1,2}-(?:19|20)\d\d|Q[1-4]\s*(?:19|20)\d\d|(?:eerste|tweede|derde|vierde)\s+kwartaal|(?:eind|begin|medio|uiterlijk|voor|vóór|in|per)\s+(?:19|20)\d\d"
    rf"|binnen\s+(?:\d+|{_NUMBER_WORD})\s+(?:dagen|weken|maanden|maand|jaar|jaren)|(?:na|binnen\s+\w+\s+na)\s+(?:de\s+)?(?:livegang|ingebruikname|implementatie|start)"
    r"|per\s+(?:jaar|kwartaal|maand)|jaarlijks|elk\s+(?:jaar|kwartaal)|ieder\s+(?:jaar|kwartaal)|in\s+(?:het\s+)?(?:eerste|tweede)\s+(?:contract)?jaar|(?:19|20)\d\d)\b",
    re.I,
)
_VAGUE_VERB = re.compile(r"\b(verbeter\w*|optimali\w*|stimuler\w*|bevorder\w*|versterk\w*|vergro\w*|verhog\w*|verbred\w*|verbeter|professionaliser\w*|moderniser\w*|faciliter\w*|ondersteun\w*)\b", re.I)
_VERB_RESULT = (
    (re.compile(r"verbeter|optimali|professionaliser|moderniser", re.I), "verbetert"),
    (re.compile(r"verhog|vergro|versterk|stimuler|bevorder|verbred", re.I), "stijgt"),
    (re.compile(r"verlag|verminder|verkort|beperk", re.I), "daalt"),
)


@register("smart_doel")
def smart_goal(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A goal statement without a measurable target, a time bound or a concrete subject."""
    section = unit.section.kind if unit.section is not None else None
    if section in ("eisen", "wensen", "gunning", "prijs", "contract", "randvoorwaarden"):
        return
    text = unit.text.strip()
    in_goal_section = section == "doelstelling" or (unit.requirement is not None and unit.requirement.kind == "doel")
    if not in_goal_section and not _AIM_ANYWHERE.search(text):
        return
    if len(text.split()) < 4:
        return  # a heading-like fragment or a label, not a goal
    measurable = bool(_MEASURE.search(_TIME.sub(" ", text)))
    timed = bool(_TIME.search(text))
    vague = _VAGUE_VERB.search(text)
    missing = []
    if not measurable:
        missing.append("meetbaar (een doelwaarde met eenheid)")
    if not timed:
        missing.append("tijdgebonden (een datum of termijn)")
    if vague and not measurable:
        missing.append(f"concreet (wat verandert er precies door '{vague.group(0)}'?)")
    if not missing:
        return
    start = unit.start + (len(unit.text) - len(unit.text.lstrip()))
    yield Hit(start, start + len(text), data={"ontbreekt": ", ".join(missing), "sjabloon": _template(text, timed, measurable)})


def _template(goal: str, timed: bool, measurable: bool) -> str:
    core = _AIM.sub("", goal.strip().rstrip(".")).strip()
    if core:
        core = core[0].upper() + core[1:]
    verb = _VAGUE_VERB.search(core)
    tail_time = "" if timed else " vóór [datum, bijv. 31 december 2027]"
    if verb and verb.end() >= len(core) - 1:
        subject = core[:verb.start()].strip()
        result = next((word for pattern, word in _VERB_RESULT if pattern.search(verb.group(0))), "verandert")
        subject = subject[0].upper() + subject[1:] if subject else "[Wat u meet]"
        return (f"{subject} {result} van [nulmeting] naar [doelwaarde met eenheid]{tail_time}, "
                "gemeten met [meetmethode, bijv. de jaarlijkse medewerkerspeiling].")
    parts = []
    if not measurable:
        parts.append("[doelwaarde met eenheid, bijv. 80% van de medewerkers]")
    if not timed:
        parts.append("[datum of termijn, bijv. binnen 12 maanden na livegang]")
    return f"{core}: {', '.join(parts)}, gemeten met [meetmethode]."


# ---------------------------------------------------------------- award


_PCT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%")
_PRICE_WEIGHT = re.compile(r"\bprijs\w*\b[^.;|]{0,40}?(\d{1,3})\s*%|(\d{1,3})\s*%\s*(?:voor\s+(?:de\s+)?)?prijs|(\d{1,3})\s*/\s*(\d{1,3})\s*(?:\(?\s*prijs\s*/\s*kwaliteit)", re.I)


@register("prijsweging", maximum=Option((int, float), default=50, doc="prijsweging boven dit percentage geeft een melding"))
def price_weight(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Price weighing more than quality (advice for SaaS: quality decides usability for years)."""
    for m in _PRICE_WEIGHT.finditer(unit.text):
        value = m.group(1) or m.group(2) or m.group(3)
        if value is not None and float(value) > options["maximum"] and float(value) <= 100:
            yield Hit(unit.start + m.start(), unit.start + m.end(), data={"prijsweging": value})
            return


_DURATION = re.compile(
    r"(?P<match>(?:initiële|oorspronkelijke|eerste)?\s*(?:loop|contract)(?:tijd|duur|periode)[^.;]{0,40}?(?P<n>\d{1,2}|een|één|twee|drie|vier|vijf|zes)\s+jaar)"
    r"|(?P<match2>(?:overeenkomst|contract)\s+(?:wordt\s+)?(?:aangegaan|gesloten)\s+voor\s+(?:een\s+periode\s+van\s+)?(?P<n2>\d{1,2}|een|één|twee|drie|vier|vijf|zes)\s+jaar)",
    re.I,
)
_EXTENSION = re.compile(r"(?P<k>\d{1,2}|een|één|twee|drie|vier|vijf)\s*(?:x|keer|maal)\s+(?:met\s+)?(?:een\s+periode\s+van\s+)?(?P<m>\d{1,2}|een|één|twee|drie)\s+jaar|verleng\w*[^.;]{0,50}?(?:met|tot)\s+(?:maximaal\s+)?(?P<m2>\d{1,2}|een|één|twee|drie|vier)\s+(?:keer|maal)?\s*(?:een\s+)?jaar", re.I)
_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6}


def _n(raw: str | None) -> int:
    if raw is None:
        return 0
    return int(raw) if raw.isdigit() else _WORDS.get(raw.lower(), 0)


def contract_term(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    """Initial term shorter than advised; a framework agreement longer than four years with options."""
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        m = _DURATION.search(text)
        if m is None:
            continue
        years = _n(m.group("n") or m.group("n2"))
        g = "match" if m.group("match") else "match2"
        start, end = span.start + m.start(g), span.start + m.end(g)
        while start < end and unit.text[start - unit.start].isspace():
            start += 1
        ext = _EXTENSION.search(text)
        extra = 0
        if ext is not None:
            extra = _n(ext.group("k")) * _n(ext.group("m")) if ext.group("k") else _n(ext.group("m2"))
        framework = re.search(r"raamovereenkomst", unit.document.text, re.I)
        motivated = re.search(r"motiv|uitzonderings?geval|rechtvaardig|vanwege|omdat", text, re.I)
        if framework and years + extra > options["raamovereenkomst_max"] and not motivated:
            yield Hit(start, end, data={"soort": "raamovereenkomst", "totaal": str(years + extra)}, level="error")
        elif 0 < years < options["minimum_jaren"]:
            yield Hit(start, end, data={"soort": "kort", "jaren": str(years)})


@register("looptijd_kort", minimum_jaren=Option(int, default=3))
def short_term(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """An initial contract term shorter than `minimum_jaren` (advice for SaaS)."""
    opts = {"minimum_jaren": options["minimum_jaren"], "raamovereenkomst_max": 10**6}
    yield from (h for h in contract_term(unit, opts) if h.data["soort"] == "kort")


@register("raamovereenkomst_duur", maximum_jaren=Option(int, default=4))
def framework_term(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A framework agreement whose term plus options exceeds four years without motivation."""
    opts = {"minimum_jaren": 0, "raamovereenkomst_max": options["maximum_jaren"]}
    yield from (h for h in contract_term(unit, opts) if h.data["soort"] == "raamovereenkomst")
