"""Functions that judge the tender as a whole: SMART goals, award mechanism, contract terms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Context, Hit, Option, Unit, per_bundle
from eislint.checks.functions import register
from eislint.taal import opsomming

# ---------------------------------------------------------------- SMART goals

_AIM = re.compile(
    r"^(?:(?:onze|de)\s+)?(?:(?:het|ons)\s+doel\s+(?:is|van\s+\w+(?:\s+\w+)?\s+is)\s+(?:om\s+|dat\s+)?|doelstelling\s+is\s+(?:om\s+|dat\s+)?"
    r"|(?:wij|we|de\s+gemeente|de\s+organisatie)\s+(?:willen|wil|streven\s+(?:er)?naar|beogen|beoogt)\s+(?:om\s+|dat\s+)?"
    r"|(?:dit|de\s+aanbesteding|het\s+nieuwe\s+\w+)\s+(?:moet|moeten)\s+leiden\s+tot\s+|het\s+doel\s+is\s+)",
    re.I,
)
# Outside a doelstelling section only explicit aims count; "wij willen" there is usually a wish.
_AIM_ANYWHERE = re.compile(r"\b(doel\s+(?!van\s+(?:dit|deze)\s+(?:document|sla|dap|dvo|bijlage|overeenkomst|hoofdstuk|paragraaf|leidraad|nota|notitie)\b)(?:van\s+[\w\s]{1,40}\s+)?is|doelstelling\s+is|streven\s+naar|streeft\s+naar|beogen|beoogt|moet\s+leiden\s+tot|heeft\s+als\s+doel)\b", re.I)
_NUMBER_WORD = r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|helft|kwart|driekwart|derde|verdubbel\w*|halver\w*)"
_MEASURE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|procent|punten|keer|x\b|medewerkers|gebruikers|deelnemers|uur|uren|minuten|cursussen|trainingen|e-learnings|certificaten|euro|€)"
    r"|€\s*\d|\b(?:score|cijfer|rapportcijfer|NPS|SUS)\b[^.]{0,20}\d|\b\d+(?:[.,]\d+)?\b(?!\s*(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december))(?<!\b(?:19|20)\d\d)"
    rf"|\b{_NUMBER_WORD}\s+(?:procent|keer|van\s+de|op\s+de|medewerkers|kwart)\b|\b(?:verdubbel\w*|halver\w*)\b|\b(?:de\s+)?(?:helft|driekwart)\b|\bkwart\b|\b(?:alle|iedere|elke)\s+(?!keer\b)\w{{3,}}"
    rf"|\b{_NUMBER_WORD}\s+(?:werkdag\w*|dag\w*|uur|uren|weken|maanden|minuten|seconden)\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TIME = re.compile(
    r"\b(?:\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?:\s+(?:19|20)\d\d)?"
    r"|\d{1,2}-\d{1,2}-(?:19|20)\d\d|Q[1-4]\s*(?:19|20)\d\d|(?:eerste|tweede|derde|vierde)\s+kwartaal|(?:eind|begin|medio|uiterlijk|voor|vóór|in|per)\s+(?:19|20)\d\d"
    rf"|binnen\s+(?:\d+|{_NUMBER_WORD})\s+(?:werkdagen|werkdag|dagen|dag|weken|week|maanden|maand|jaar|jaren)|(?:na|binnen\s+\w+\s+na)\s+(?:de\s+)?(?:livegang|ingebruikname|implementatie|start)"
    r"|per\s+(?:jaar|kwartaal|maand)|jaarlijks|elk\s+(?:jaar|kwartaal)|ieder\s+(?:jaar|kwartaal)|in\s+(?:het\s+)?(?:eerste|tweede)\s+(?:contract)?jaar|(?:19|20)\d\d)\b",
    re.I,
)
_VAGUE_VERB = re.compile(r"\b(verbeter\w*|optimali\w*|stimuler\w*|bevorder\w*|versterk\w*|vergro\w*|verhog\w*|verbred\w*|verbeter|professionaliser\w*|moderniser\w*|faciliter\w*|ondersteun\w*)\b", re.I)
_VERB_RESULT = (
    (re.compile(r"verbeter|optimali|professionaliser|moderniser", re.I), "verbetert"),
    (re.compile(r"verhog|vergro|versterk|stimuler|bevorder|verbred", re.I), "stijgt"),
    (re.compile(r"verlag|verminder|verkort|beperk", re.I), "daalt"),
)


# What makes a goal vague rather than merely unquantified: a direction without a target, an
# evaluative word, an open subject, or no verb at all ("Monitoring kwaliteit mogelijk").
# A direction without a target ("meer", "daalt", "efficiëntere") makes a goal vague when no
# measure is given; an evaluative word ("goed gebruikt", "optimaal", "modern") or an open
# subject ("andere applicaties die van belang zijn") makes it vague even next to a number.
_GOAL_DIRECTION = re.compile(
    r"\b(?<!niet\s)(?<!geen\s)(?:meer|minder|(?:bet|snell|hog|lag|grot|klein|sterk|kort|lang|bred|vak|hecht|actiev|zichtba)ere?"
    r"|efficiënter\w*|effectiever\w*|betrouwbaarder\w*|duurzamer\w*"
    r"|daalt|dalen|stijgt|stijgen|toeneemt|toenemen|afneemt|afnemen|(?:neemt|nemen)\s+(?:toe|af)|verkort\w*|verminder\w*"
    r"|verlaag\w*|eenvoudiger|makkelijker|facilitering|ondersteuning|verbetering|optimalisatie|professionalisering"
    r"|modernisering|stimulering)\b",
    re.I,
)
_GOAL_VAGUE = re.compile(
    r"\b(?:prima|optimaal|optimale|goed|goede|breed|brede|integraal|integrale|flexibel|flexibele|modern|moderne"
    r"|toekomstbestendig\w*|gebruiksvriendelijk\w*|zo\s*veel\s+mogelijk|zo\s+goed\s+mogelijk|echt\w*"
    r"|andere\s+\w+\s+die\s+van\s+belang|van\s+belang\s+zijn|relevante|diverse|verschillende|etc\.?|e\.d\.)\b",
    re.I,
)
_GOAL_META = re.compile(
    r"^\s*(?:in\s+(?:dit|deze)\s+(?:hoofdstuk|paragraaf|document|bijlage)|hieronder|hierna|de\s+(?:doelen|doelstellingen)\s+zijn"
    r"|onze\s+(?:doelen|doelstellingen)\s+zijn|de\s+doelstelling(?:en)?\s+(?:is|zijn)\s+(?:als\s+)?volgt)\b",
    re.I,
)


def _verbless(unit: Unit) -> bool:
    """No verb outside attributive use: "Facilitering integraal werken ...", "Monitoring kwaliteit mogelijk"."""
    tokens = unit.tokens()
    if not tokens or not tokens[0].doc.has_annotation("POS"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in tokens)


@register("smart_doel")
def smart_goal(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A goal statement without a measurable target, a time bound or a concrete subject.

    A vague goal (a direction without a target, an evaluative word, an open subject, no verb) is a
    warning; a target without a date is advice; a concrete goal without a number is left alone."""
    section = unit.section.kind if unit.section is not None else None
    if section in ("eisen", "wensen", "gunning", "prijs", "contract", "randvoorwaarden"):
        return
    text = unit.text.strip()
    in_goal_section = section == "doelstelling" or (unit.requirement is not None and unit.requirement.kind == "doel")
    if not in_goal_section and not _AIM_ANYWHERE.search(text):
        return
    if len(text.split()) < 4 or text.endswith(":") or _GOAL_META.match(text):
        return  # a label, a lead-in to a list of goals, or a sentence about the document
    measurable = bool(_MEASURE.search(_TIME.sub(" ", text)))
    timed = bool(_TIME.search(text))
    vague = _VAGUE_VERB.search(text)
    if vague and vague.group(0).lower().startswith("ondersteun"):
        vague = None  # "ondersteunt het proces van X" names a capability, not a direction
    evaluative = _GOAL_VAGUE.search(text)
    unclear = evaluative or (None if measurable else (vague or _GOAL_DIRECTION.search(text)))
    missing = []
    # nouns, so the message reads 'het mist een doelwaarde ...', never 'het mist meetbaar'
    if not measurable:
        missing.append("een doelwaarde met eenheid (meetbaar)")
    if not timed:
        missing.append("een datum of termijn (tijdgebonden)")
    if unclear:
        missing.append(f"een concreet resultaat (wat verandert er precies door '{unclear.group(0)}'?)")
    if not missing:
        return
    if unclear or (not measurable and _verbless(unit)):
        level = "warning"
    elif measurable and not timed:
        level = "info"  # a target without a date
    else:
        return  # a concrete goal ("Inwoners zien hun dossier in", "vanaf 1 januari ...") without a number
    start = unit.start + (len(unit.text) - len(unit.text.lstrip()))
    yield Hit(start, start + len(text), data={"ontbreekt": opsomming(missing), "sjabloon": _template(text, timed, measurable)},
              level=level)


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
_TOTAL_POINTS = re.compile(r"\b(?:totaal|in\s+totaal|totale\s+score|maximaal\s+te\s+behalen)\b[^.;\d\n]{0,30}(\d{1,4})\s*punten", re.I)


@register("prijsweging", maximum=Option((int, float), default=50, doc="prijsweging boven dit percentage geeft een melding"))
def price_weight(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Price weighing more than quality (advice for SaaS: quality decides usability for years)."""
    found = False
    for m in _RATIO.finditer(unit.text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a + b != 100:
            continue
        found = True
        price = a if m.group("first").lower() == "prijs" else b
        if options["maximum"] < price:
            yield Hit(unit.start + m.start(), unit.start + m.end(), data={"prijsweging": str(price)})
            return
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
    rf"|(?P<match2>(?:raam)?(?:overeenkomst|contract)\s+(?:wordt\s+|is\s+)?(?:aangegaan|gesloten|afgesloten)\s+voor\s+"
    rf"(?:(?:de\s+duur|een\s+(?:\w+\s+)?(?:periode|duur|termijn))\s+van\s+)?(?P<n2>{_NUM})\s+(?P<u2>{_UNIT}))"
    # "wordt voor de duur van twee jaar aangegaan", "heeft een duur van 24 maanden", "loopt twee jaar"
    rf"|(?P<match3>(?:raam)?(?:overeenkomst|contract)\s+(?:(?:wordt|is)\s+voor|(?:heeft|kent)\s+een|loopt|geldt)\s+"
    rf"(?:(?:de\s+duur|een\s+(?:\w+\s+)?(?:periode|termijn)|(?:\w+\s+)?(?:duur|termijn|periode))\s+van\s+|gedurende\s+|voor\s+)?(?P<n3>{_NUM})\s+(?P<u3>{_UNIT})"
    rf"(?:\s+(?:aangegaan|gesloten|afgesloten))?)",
    re.I,
)


def _duration_match(m: re.Match[str]) -> tuple[str, float]:
    """The group that matched and the duration in years."""
    for g, n, u in (("match", "n", "u"), ("match2", "n2", "u2"), ("match3", "n3", "u3")):
        if m.group(g):
            return g, _years(m.group(n), m.group(u))
    return "match", 0.0
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
        g, years = _duration_match(m)
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


# ---------------------------------------------------------------- award criteria: weights and scale

_GUNNING_TITLE = re.compile(r"gunning|beoordeling|scorings?|beste\s+prijs|prijs[-\s]?kwaliteit|\bbpkv\b|\bemvi\b|wegings?|criteri", re.I)
_WEIGHT = re.compile(r"\d{1,4}(?:[.,]\d{1,2})?\s*(?:%|procent\b|punten\b|punt\b|pnt\b|ptn\b)|\bweging\s*:?\s*\d|\bx\s*\d(?:[.,]\d)?\b"
                     r"|factor\s*:?\s*\d|(?:€|EUR)\s*\d|\d\s*euro\b", re.I)  # "(wegingsfactor 3)", "fictieve korting € 60.000"
# "de criteria wegen even zwaar", "in afnemende volgorde van belang" (no weighting possible, order given instead)
_WEIGHT_RULE = re.compile(
    r"(?:wegen|weegt|tellen|telt)\s+(?:\w+\s+){0,3}?(?:even\s+zwaar|gelijk)|gelijke\s+weging|(?:elk|ieder)\s+(?:\w+\s+){0,2}?\d{1,3}\s*(?:%|punten)"
    r"|volgorde\s+van\s+(?:afnemend\s+)?belang|weging\s+(?:staat|is\s+opgenomen|vindt\s+u|volgt)\s+(?:\w+\s+){0,3}?(?:in|uit)\s+(?:bijlage|paragraaf|tabel|§)"
    r"|wegingen?\s+(?:\w+\s+){0,4}?(?:bijlage|paragraaf|§)\s*\d", re.I)
_CRITERIA_INTRO = re.compile(
    r"(?:sub|gunnings|kwaliteits|beoordelings)criteri\w*|\bcriteri(?:a|um)\b|beoordeeld\s+(?:op|aan\s+de\s+hand\s+van|naar)|beoordel(?:en|t)\s+(?:\w+\s+){0,3}?(?:op|aan\s+de\s+hand\s+van)\b"
    r"|gescoord|\bscoort\b|scoren\s+op|gewaardeerd|beoordelingsaspect\w*|\bwaarop\s+(?:wij|we|de\s+\w+)\s+beoordel\w*", re.I)
_LOWEST_PRICE = re.compile(r"(?:laagste|lage)\s+(?:prijs|kosten|inschrijfsom)", re.I)
_QUALITY = re.compile(r"kwaliteit|plan\s+van\s+aanpak|gebruikerstest|subcriteri|kwaliteitscriteri|beste\s+prijs[-\s]?kwaliteit|\bBPKV\b|\bEMVI\b", re.I)
_NOT_A_CRITERION = re.compile(r"^\s*(?:\*\*)?\s*(?:totaal|total|som|prijs\b|de\s+prijs\b)", re.I)
# a named method (then gunning.geen-beoordelingsmethode is silent and the scale is ours to ask for)
_METHOD = re.compile(r"gewogen\s+factor\w*|gunnen\s+op\s+waarde|fictieve\s+(?:korting|aftrek)|waarde\s+voor\s+geld|value\s+for\s+money"
                     r"|beoordelingsmethode|scoringsmethodiek|puntensysteem|omrekenformule|relatieve\s+methode|absolute\s+methode", re.I)
_JUDGEMENTS = r"(?:onvoldoende|ruim\s+onvoldoende|matig|voldoende|ruim\s+voldoende|redelijk|goed|zeer\s+goed|uitstekend|slecht|neutraal|excellent)"
_SCALE = re.compile(
    r"beoordelingsschaal|scoringsschaal|puntenschaal|waarderingsschaal|\bschaal\b|scoretabel|scoringstabel"
    r"|\b0\s*[-–,/]\s*(?:1|2|25|3)\s*[-–,/]\s*\d|\b\d+(?:\s*,\s*\d+){2,}\s*(?:of|en)\s+\d+\s*(?:punten)?"
    r"|\b\d+\s*(?:tot(?:\s+en\s+met)?|-|–)\s*\d+\s+punten|score\w*\s+(?:van\s+)?\d+\s*(?:tot|-|–)\s*\d+|rapportcijfer"
    r"|\bcijfer\s+(?:van\s+|tussen\s+)?\d+\s*(?:tot|-|–|en)\s*\d+|\d+\s*%\s+van\s+de\s+(?:punten|maximale\s+score|te\s+behalen)"
    rf"|{_JUDGEMENTS}\b[^.\n]{{0,80}}\b{_JUDGEMENTS}\b[^.\n]{{0,80}}\b{_JUDGEMENTS}\b"
    rf"|(?:^|\|)\s*{_JUDGEMENTS}\s*\|\s*\d",
    re.I | re.M,
)


_NO_WEIGHT = {"onderwerp": "Dit gunningscriterium heeft", "ontbreekt": "geen weging (percentage of punten)",
              "gevolg": "hoe zwaar het meetelt"}
_NO_WEIGHTS = {"onderwerp": "Deze gunningscriteria hebben", "ontbreekt": "geen weging (percentage of punten)",
               "gevolg": "hoe zwaar elk criterium meetelt"}


def _gunning_sections(unit: Unit) -> list:
    doc = unit.document
    out = []
    for section in doc.sections:
        if section.heading is None or section.kind != "gunning":
            continue
        parent = section.parent
        if parent is not None and parent.heading is not None and parent.kind == "gunning":
            continue
        out.append(section)
    return out


def _item_label(text: str) -> str:
    label = re.split(r"[:(–]|\s-\s", text, maxsplit=1)[0]
    return " ".join(re.findall(r"[\w-]+", label.lower())[:3])


def _criteria_groups(unit: Unit, section) -> Iterator[tuple[str, list]]:
    """Groups of award criteria in a gunning section: ('lijst', items) or ('tabel', [header, rows...])."""
    doc = unit.document
    blocks = [b for b in doc.blocks if section.start <= b.start < section.end]
    i = 0
    previous = None
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "list_item":
            run = [block]
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "list_item":
                if blocks[j].indent == block.indent:
                    run.append(blocks[j])
                j += 1
            sub = doc.section_at(block.start)
            intro = doc.clean(previous.content.start, previous.content.end) if previous is not None else ""
            intro_ok = previous is not None and previous.kind != "heading" and _CRITERIA_INTRO.search(intro)
            title_ok = sub is not None and re.search(r"criteri", sub.title, re.I) and (previous is None or previous.kind == "heading")
            if len(run) >= 2 and (intro_ok or title_ok):
                yield "lijst", run, intro
            previous = blocks[j - 1]
            i = j
            continue
        if block.kind == "table_header":
            rows = []
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "table_row":
                rows.append(blocks[j])
                j += 1
            head = [doc.clean(c.start, c.end).strip() for c in block.cells]
            if head and re.fullmatch(r"(?:sub)?(?:gunnings|kwaliteits)?criteri(?:um|a)|onderdeel|aspect", head[0], re.I) and len(rows) >= 2:
                yield "tabel", [block] + rows, ""
            previous = blocks[j - 1]
            i = j
            continue
        previous = block
        i += 1


def _weighted_elsewhere(label: str, others: list[str]) -> bool:
    """True when the criterion `label` appears with a weight in another block of the gunning part."""
    if not label:
        return False
    return any(label in " ".join(re.findall(r"[\w-]+", t.lower())) and _WEIGHT.search(t) for t in others)


@register("gunningscriteria_zonder_weging")
def criteria_without_weight(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Award criteria without a weight (points or percentage), and quality criteria without a scoring scale."""
    doc = unit.document
    sections = _gunning_sections(unit)
    if not sections:
        return
    gunning = "\n".join(doc.clean(s.start, s.end) for s in sections)
    if _LOWEST_PRICE.search(gunning) and not re.search(r"kwaliteit|subcriteri|kwaliteitscriteri", gunning, re.I):
        return  # lowest price: no criteria to weigh (gunning.laagste-prijs-zonder-motivering judges that)
    bundle = unit.bundle or [doc]
    texts = [d.clean(0, len(d.text)) for d in bundle]
    weight_rule = bool(_WEIGHT_RULE.search(gunning))
    listed = False
    for section in sections:
        for kind, blocks, intro in _criteria_groups(unit, section):
            if weight_rule:
                continue
            sub = doc.section_at(blocks[0].start)
            if sub is not None and sub.heading is not None and _WEIGHT.search(sub.title):
                continue  # aspects of a weighted sub-criterion ("Subcriterium 1: Plan van aanpak (40%)")
            if re.search(r"stappen|procedure|volgorde|fasen|achtereenvolgens", intro, re.I):
                continue  # the steps of the evaluation, not criteria
            if kind == "tabel":
                header, rows = blocks[0], blocks[1:]
                if re.search(r"weging|wegings|gewicht|punt|percentage|score|%|factor|maximaal|max\.", doc.clean(header.content.start, header.content.end), re.I):
                    continue  # a weight column, even with bare numbers
                if any(_WEIGHT.search(doc.clean(r.content.start, r.content.end)) for r in rows):
                    continue
                first = rows[0].cells[0] if rows[0].cells else rows[0].content
                listed = True
                yield Hit(first.start, first.end, data=dict(_NO_WEIGHTS))
                continue
            texts_items = [(b, doc.clean(b.content.start, b.content.end)) for b in blocks]
            weighted = [bool(_WEIGHT.search(t)) for _, t in texts_items]
            unweighted = [(b, t) for (b, t), w in zip(texts_items, weighted) if not w and not _NOT_A_CRITERION.match(t)]
            listed = True
            if not unweighted:
                continue
            if sum(weighted) == 0:
                own = {id(b) for b in blocks}
                others = [doc.clean(b.content.start, b.content.end) for s in sections for b in doc.blocks
                          if s.start <= b.start < s.end and id(b) not in own and b.kind != "heading"]
                unweighted = [(b, t) for b, t in unweighted if not _weighted_elsewhere(_item_label(t), others)]
            elif sum(weighted) < 2:
                continue  # one number in a list is no weighting scheme; leave it alone
            for b, t in unweighted:
                label = re.split(r"[:(]", t.strip(), maxsplit=1)[0].strip().rstrip(".;,")
                start = b.content.start + (len(t) - len(t.lstrip()))
                yield Hit(start, start + len(label), data=dict(_NO_WEIGHT))
    if not listed and not weight_rule:
        yield from _prose_criteria(unit, sections, gunning)
    # the scale: only where a method is named (else gunning.geen-beoordelingsmethode reports) and quality is scored
    if not _QUALITY.search(gunning) or not any(_METHOD.search(t) for t in texts):
        return
    if any(_SCALE.search(t) for t in texts + [d.text for d in bundle]) or re.search(r"bijlage[^.\n]{0,60}(?:schaal|beoordelingssystematiek|scoringssystematiek)", "\n".join(texts), re.I):
        return
    head = sections[0].heading
    yield Hit(head.content.start, head.content.end,
              data={"onderwerp": "De kwaliteitscriteria hebben", "ontbreekt": "geen beoordelingsschaal",
                    "gevolg": "welke score bij welk oordeel hoort"}, level="warning")


_PROSE_CRITERIA = re.compile(
    r"(?:(?:beoordeeld|gescoord|gewaardeerd|getoetst)\s+(?:op|aan\s+de\s+hand\s+van|naar)|(?:beoordelen|scoren)\s+(?:\w+\s+)?(?:op|aan\s+de\s+hand\s+van))"
    r"\s+(?:(?:de|het)\s+)?(?:volgende\s+)?(?:(?:sub|kwaliteits|gunnings)?criteri(?:a|um)\s*:?\s*)?(?P<list>[^.\n;]*,[^.\n;]*\b(?:en|of)\b[^.\n;]+)"
    r"|(?:sub|kwaliteits|gunnings)criteria\s+(?:zijn|luiden|betreffen)\s*:?\s*(?P<list2>[^.\n;]*,[^.\n;]*\b(?:en|of)\b[^.\n;]+)",
    re.I,
)


def _prose_criteria(unit: Unit, sections: list, gunning: str) -> Iterator[Hit]:
    """Criteria named in a sentence ('beoordeeld op plan van aanpak, gebruikerstest en dienstverlening')
    while the gunning part weighs nothing but price against quality."""
    doc = unit.document
    lines = [doc.clean(b.content.start, b.content.end) for s in sections for b in doc.blocks
             if s.start <= b.start < s.end and b.kind != "heading"]
    lines = [x for line in lines for x in re.split(r"(?<=[.;])\s+", line)]
    weights = [line for line in lines if _WEIGHT.search(line)
               and not re.search(r"\bprijs|totaal|maximaal|maximum|\bschaal|oordeel|uitstekend|voldoende", line, re.I)]
    if len(weights) >= 2:
        return
    for section in sections:
        text = doc.clean(section.start, section.end)
        for m in _PROSE_CRITERIA.finditer(text):
            g = "list" if m.group("list") else "list2"
            sentence_end = text.find(".", m.end())
            if _WEIGHT.search(text[m.start():sentence_end if sentence_end >= 0 else len(text)]):
                continue
            nxt = text[sentence_end + 1:].split(".", 1)[0] if sentence_end >= 0 else ""
            if len(_WEIGHT.findall(nxt)) >= 2:
                continue  # "... beoordeeld op prijs, kwaliteit en duurzaamheid. De weging is: prijs 40%, ..."
            start, end = section.start + m.start(g), section.start + m.end(g)
            yield Hit(start, end, data=dict(_NO_WEIGHTS))


# ---------------------------------------------------------------- contract: yearly extension options

_MAX_TERM = re.compile(r"(?:maximale|totale|maximaal|in\s+totaal|inclusief)\s+(?:\w+\s+){0,2}?(?:loop|contract)(?:tijd|duur|periode)", re.I)
_NO_EXTENSION = re.compile(
    r"zonder\s+(?:\w+\s+){0,2}?(?:verlenging\w*|verlengingsoptie\w*|optie\w*\s+tot\s+verlenging)|niet\s+(?:(?!stilzwijgend)\w+\s+){0,3}?verlengd"
    r"|geen\s+(?:\w+\s+){0,2}?(?:verlenging\w*|opties?\s+tot\s+verlenging)|(?:eindigt|loopt\s+af)\s+van\s+rechtswege"
    r"|verlenging\w*\s+(?:is|zijn)\s+(?:\w+\s+)?(?:niet\s+mogelijk|uitgesloten)|kan\s+niet\s+(?:(?!stilzwijgend)\w+\s+){0,2}?(?:worden\s+)?verlengd",
    re.I)
_ANY_EXTENSION = re.compile(r"verleng\w*|optiejaar\w*|optieperiode\w*|\boptie\w*\s+(?:tot|op|voor)\s+(?:\w+\s+){0,2}?verlenging", re.I)
_OTHER_EXTENSION = re.compile(
    r"hostingpartij|huidige\s+(?:contract|overeenkomst|leverancier|systeem|licentie)|certifica|garantie|gestanddoening|geldigheid"
    r"|(?:inschrijf|inschrijvings|reactie|indienings|sluitings|beantwoordings|betalings)\w*termijn|termijn\s+(?:voor|van)\s+(?:de\s+)?(?:inschrijving|het\s+indienen|vragen)"
    r"|nota\s+van\s+inlichtingen|stilzwijgend", re.I)
_YEARLY = re.compile(r"\d\s*\+\s*1\s*\+\s*1|\(\s*1\s*\+\s*1\s*\)|telkens|steeds|per\s+keer|jaarlijks\w*|per\s+jaar|elk\s+jaar|ieder\s+jaar|(?:perioden|periodes|termijnen)\s+van\s+(?:(?:telkens|maximaal|ten\s+hoogste)\s+)?(?:één|een|1|twaalf|12)\s+(?:jaar|maanden)"
                     rf"|\b(?:{_NUM})\s*(?:x\b|×|keer\b|maal\b)|(?:twee|drie|vier|vijf|\d)\s+(?:verlengings)?opties|\bmet\s+(?:één|een|1)\s+jaar\b|\bvan\s+(?:één|een|1)\s+jaar\b|\b(?:12|twaalf)\s+maanden", re.I)
_SINGLE_LONG = re.compile(rf"(?:eenmalig|éénmalig|eenmaal|één\s+keer|een\s+keer|1\s*(?:x|keer|maal)\b|(?:een|één)\s+(?:verlengings)?optie\b|(?:een|één)\s+verlenging\b)[^.;]{{0,60}}?(?P<m>{_NUM})\s+(?P<u>jaar|maanden)"
                          rf"|verleng\w*\s+(?:\w+\s+){{0,4}}?met\s+(?P<m2>{_NUM})\s+(?P<u2>jaar|maanden)", re.I)
_NOT_THIS_TERM = re.compile(r"\b(?:huidige?|bestaande|vorige|oude|lopende)\s+(?:\w+\s+)?(?:contract|overeenkomst)|\bbewaar\w*"
                            r"|\d+\s+(?:jaar|maanden)\s+(?:daarna|na\s+(?:afloop|het\s+einde))", re.I)
_TACIT = re.compile(r"(?<!niet\s)stilzwijgend\w*\s+(?:\w+\s+){0,5}?verleng", re.I)
_CAP = re.compile(r"maximaal|ten\s+hoogste|in\s+totaal|tot\s+(?:een\s+)?maximum|totaal", re.I)


@register("verlenging_niet_jaarlijks", minimum_jaren=Option(int, default=3, doc="kortere looptijden meldt contract.looptijd-kort"))
def no_yearly_extension(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """An initial term of at least `minimum_jaren` without yearly extension options, or with one long extension only."""
    doc = unit.document
    bundle = unit.bundle or [doc]
    texts = per_bundle(unit, "texts", lambda: [d.clean(0, len(d.text)) for d in bundle])
    framework = per_bundle(unit, "raamovereenkomst", lambda: any(re.search(r"raamovereenkomst", t, re.I) for t in texts))
    for span in unit.sentences():
        text = unit.slice(span.start, span.end)
        m = _DURATION.search(text)
        if m is None:
            continue
        g, years = _duration_match(m)
        if years < options["minimum_jaren"]:
            continue  # contract.looptijd-kort
        if _MAX_TERM.search(text) or _INCLUDING_OPTIONS.search(text) or re.search(r"\bopties\b|\bonbepaalde\s+tijd", text, re.I):
            continue  # a total including options, or an open-ended contract
        if _NOT_THIS_TERM.search(text) or _YEARLY.search(text) and re.search(r"\d\s*\+\s*1", text):
            continue  # the current contract, a retention period, or "5 jaar (3+1+1)"
        if framework and years + 1 > 4:
            continue  # a framework agreement has no room for options (contract.raamovereenkomst-te-lang)
        start, end = span.start + m.start(g), span.start + m.end(g)
        while start < end and unit.text[start - unit.start].isspace():
            start += 1
        if any(_TACIT.search(t) for t in texts):
            continue  # renewed tacitly ("stilzwijgend met een jaar verlengd"): no option to judge
        # extension options anywhere in the tender (often in the next sentence or another file)
        sentences = [s for t in texts for s in re.split(r"(?<=[.;])\s+|\n", t) if _ANY_EXTENSION.search(s)
                     and not _OTHER_EXTENSION.search(s)]
        sentences = [s for s in sentences if not _NO_EXTENSION.search(s)]
        if _NO_EXTENSION.search(text) and not re.search(r"\b(?:wordt|indien|als|wanneer)\b[^.]{0,80}niet\s+verlengd\s*,", text, re.I):
            if any(_YEARLY.search(x) for x in sentences):
                continue  # "niet verlengd" about something else; the options are stated elsewhere
            soort = "zonder verlengingsopties"
        elif _NO_EXTENSION.search(text):
            continue  # a condition ("Wordt de overeenkomst niet verlengd, dan ..."), not a term
        else:
            if any(_YEARLY.search(s) for s in sentences):
                continue
            single = next((x for s in sentences if (x := _SINGLE_LONG.search(s)) and not _CAP.search(s)), None)
            if single is not None:
                ext = _years(single.group("m") or single.group("m2"), single.group("u") or single.group("u2"))
                if ext <= 1:
                    continue
                soort = f"met alleen één verlenging van {_fmt(ext)} jaar"
            elif sentences:
                continue  # an extension we cannot read with certainty: leave it alone
            else:
                soort = "zonder verlengingsopties"
        yield Hit(start, end, data={"jaren": _fmt(years), "soort": soort})
