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
# Outside a doelstelling section only explicit aims count; "wij willen" there is usually a wish.
_AIM_ANYWHERE = re.compile(r"\b(doel\s+(?:van\s+[\w\s]{1,40}\s+)?is|doelstelling\s+is|streven\s+naar|streeft\s+naar|beogen|beoogt|moet\s+leiden\s+tot|heeft\s+als\s+doel)\b", re.I)
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
# Points: "Prijs: 600 punten. Kwaliteit: 400 punten." or a stated total ("totaal 1000 punten").
_PRICE_POINTS = re.compile(rf"{_PRICE}(?<![\d,.])(\d{{1,4}})\s*punten", re.I)
_QUALITY_POINTS = re.compile(r"\bkwaliteit\w*\b(?:(?!prijs)[^.;%\n]){0,40}?(?<![\d,.])(\d{1,4})\s*punten", re.I)
_TOTAL_POINTS = re.compile(r"\b(?:totaal|in\s+totaal|totale\s+score|maximaal\s+te\s+behalen)\b[^.;\d\n]{0,30}(\d{1,4})\s*punten", re.I)


@register("prijsweging", maximum=Option((int, float), default=50, doc="prijsweging boven dit percentage geeft een melding"))
def price_weight(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Price weighing more than quality (advice for SaaS: quality decides usability for years)."""
    found = False
    for m in _PRICE_WEIGHT.finditer(unit.text):
        value = next((g for g in m.groups() if g is not None), None)
        found = found or value is not None
        if value is not None and options["maximum"] < float(value) <= 100:
            yield Hit(unit.start + m.start(), unit.start + m.end(), data={"prijsweging": value})
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
        yield Hit(unit.start + price.start(), unit.start + price.end(), data={"prijsweging": str(share)})


_NUM = r"\d{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|tien|twaalf"
_UNIT = r"jaar|maanden"
_DURATION = re.compile(
    rf"(?P<match>(?:(?:initiële|oorspronkelijke|eerste)\s+)?(?:loop|contract)(?:tijd|duur|periode)[^.;]{{0,40}}?(?P<n>{_NUM})\s+(?P<u>{_UNIT}))"
    rf"|(?P<match2>(?:raam)?(?:overeenkomst|contract)\s+(?:wordt\s+)?(?:aangegaan|gesloten)\s+voor\s+(?:een\s+(?:\w+\s+)?periode\s+van\s+)?"
    rf"(?P<n2>{_NUM})\s+(?P<u2>{_UNIT}))",
    re.I,
)
# Extension options: "2 keer met 1 jaar", "twee keer een optie tot verlenging van één jaar", "tweemaal met 2 jaar",
# "2 x 1 jaar", "3 verlengingsopties van 1 jaar", "verlengd met maximaal 2 jaar", "verlenging van 12 maanden".
_EXTENSION = re.compile(
    rf"\b(?P<k>{_NUM})\s*(?:x\b|×|keer\b|maal\b)\s*(?:\w+\s+){{0,6}}?(?P<m>{_NUM})\s+(?P<mu>{_UNIT})"
    rf"|\b(?P<k2>{_NUM})\s+(?:verlengings)?opties?\s+(?:tot\s+verlenging\s+)?(?:van|met)\s+(?:(?:telkens|elk|steeds|maximaal)\s+)?"
    rf"(?P<m2>{_NUM})\s+(?P<mu2>{_UNIT})"
    rf"|verleng\w*[^.;]{{0,50}}?(?:met|tot|van)\s+(?:(?:in\s+totaal|maximaal|telkens|nog)\s+)*(?P<m3>{_NUM})\s+(?:keer\s+)?(?:een\s+)?(?P<mu3>{_UNIT})",
    re.I,
)
_INCLUDING_OPTIONS = re.compile(r"inclusief\s+(?:\w+\s+){0,2}(?:verlengings)?opties|inclusief\s+(?:de\s+)?verlenging", re.I)
_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "tien": 10,
          "twaalf": 12}


def _n(raw: str | None) -> int:
    if raw is None:
        return 0
    return int(raw) if raw.isdigit() else _WORDS.get(raw.lower(), 0)


def _years(raw: str | None, unit: str | None) -> float:
    n = _n(raw)
    return n / 12 if unit and unit.lower() == "maanden" else n


def _fmt(years: float) -> str:
    return str(int(years)) if years == int(years) else f"{years:.1f}".replace(".", ",")


def contract_term(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    """Initial term shorter than advised; a framework agreement longer than four years with options."""
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        m = _DURATION.search(text)
        if m is None:
            continue
        if m.group("match"):
            g, years = "match", _years(m.group("n"), m.group("u"))
        else:
            g, years = "match2", _years(m.group("n2"), m.group("u2"))
        start, end = span.start + m.start(g), span.start + m.end(g)
        while start < end and unit.text[start - unit.start].isspace():
            start += 1
        ext = _EXTENSION.search(text, m.end(g)) or _EXTENSION.search(text)
        extra = 0.0
        if ext is not None and not _INCLUDING_OPTIONS.search(text):
            if ext.group("k"):
                extra = _n(ext.group("k")) * _years(ext.group("m"), ext.group("mu"))
            elif ext.group("k2"):
                extra = _n(ext.group("k2")) * _years(ext.group("m2"), ext.group("mu2"))
            else:
                extra = _years(ext.group("m3"), ext.group("mu3"))
        framework = re.search(r"raamovereenkomst", unit.document.text, re.I)
        motivated = re.search(r"motiv|uitzonderings?geval|rechtvaardig|vanwege|omdat", text, re.I)
        if framework and years + extra > options["raamovereenkomst_max"] and not motivated:
            yield Hit(start, end, data={"soort": "raamovereenkomst", "totaal": _fmt(years + extra)}, level="error")
        elif 0 < years < options["minimum_jaren"]:
            yield Hit(start, end, data={"soort": "kort", "jaren": _fmt(years)})


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
