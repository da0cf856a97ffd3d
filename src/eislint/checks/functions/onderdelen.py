"""Functions that judge what a part of the tender holds: the aanleiding and the implementatie part.

Both fire only when the part itself exists (a heading of that kind); a missing part is the
business of the `volledigheid.*-ontbreekt` rules. Evidence is looked for generously (precision
first): any wording of the element in the part, or under a heading of its own elsewhere in the
tender, silences the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Context, Hit, Unit
from eislint.checks.functions import register
from eislint.document import Document, Section


def _top_sections(doc: Document, title: re.Pattern[str]) -> list[Section]:
    """Sections whose heading matches `title` and whose ancestors do not (the part itself, once)."""
    found = []
    for section in doc.sections:
        if section.heading is None or not title.search(section.title):
            continue
        node, nested = section.parent, False
        while node is not None:
            if node.heading is not None and title.search(node.title):
                nested = True
                break
            node = node.parent
        if not nested:
            found.append(section)
    return found


def _section_text(doc: Document, section: Section) -> str:
    return doc.clean(section.start, section.end)


def _headed_texts(bundle: list[Document], title: re.Pattern[str]) -> list[str]:
    """The text of every section in the bundle whose own heading matches `title`."""
    return [_section_text(d, s) for d in bundle for s in d.sections if s.heading is not None and title.search(s.title)]


# ---------------------------------------------------------------- aanleiding

# "Achtergrond" alone is an aanleiding; "Achtergrond van de organisatie" is an organisation profile
_AANLEIDING_TITLE = re.compile(r"\baanleiding|^\W*(?:[\dIVX]+(?:\.\d+)*\.?\s+)?achtergrond\s*$", re.I)
_NOW_TITLE = re.compile(r"huidige\s+situatie|uitgangssituatie|stand\s+van\s+zaken|knelpunten|probleemstelling|nulsituatie|huidige\s+\w+", re.I)
_WANT_TITLE = re.compile(r"gewenste\s+situatie|toekomstige\s+situatie|nieuwe\s+situatie|ambitie|visie|toekomstbeeld|wat\s+(?:willen|wil)\s+", re.I)

_VERB_NOW = (r"(?:gebruik|werk|heb|heeft|hebben|draai|word|staa|staat|zoek|vind|beschik|bestaa|maak|maken|registre|houd|houden|"
             r"loop|lopen|verlop|gaa|gaat|gebeur|ontbre|kost|kosten|besteed|zijn|is)\w*")
_NOW = re.compile(
    r"huidige?\b|\bhuidig\w*|momenteel|op\s+dit\s+moment|op\s+dit\s+ogenblik|\bthans\b|tot\s+nu\s+toe|tot\s+op\s+heden"
    r"|vandaag\s+de\s+dag|tegenwoordig|\bsinds\s+(?:(?:19|20)\d\d|jaren|enkele\s+jaren|\w+\s+jaar)|\bal\s+(?:\w+\s+)?jaren\b"
    r"|\bbestaande?\b|verouderd\w*|knelpunt\w*|nog\s+steeds|\bnog\s+(?:op\s+papier|handmatig|in\s+Excel|met\s+de\s+hand)"
    rf"|\bnu\s+(?:nog\s+|al\s+)?{_VERB_NOW}|\b{_VERB_NOW}\s+(?:\w+\s+){{0,5}}?nu\b"
    r"|\b(?:wij|we)\s+(?:gebruiken|werken\s+met|hebben|beschikken)|(?:maakt|maken)\s+(?:[\w-]+\s+){0,9}?gebruik\s+van"
    # how the work is done now, in the present tense of the aanleiding itself
    r"|\b(?:wordt|worden)\s+(?:nu\s+)?gewerkt\s+met|\bwerk(?:t|en)\s+(?:nu\s+)?met\b|\bregistre(?:ert|ren)\b|\bbeheert\b"
    r"|\bin\s+(?:19|20)\d\d\b[^.]{0,80}?(?:in\s+gebruik\s+genomen|aangeschaft|ingevoerd|geïmplementeerd)"
    r"|\bklag\w*|\bklacht\w*|ontevreden|\bproblemen\b|\b(?:stopt|stoppen)\s+(?:\w+\s+){0,3}?met\b|\bloopt\s+(?:[\w-]+\s+){0,5}?af\b|\beindigt\b"
    r"|\bgebruikt\s+(?:de\s+\w+\s+|zij\s+|het\s+\w+\s+)?(?:een|het|de|sinds)\b",
    re.I,
)
_WANT = re.compile(
    r"gewenste\s+situatie|\btoekomstige?\b|in\s+de\s+toekomst|\bstraks\b|\bvoortaan\b|\bwil(?:len)?\b(?!\s+zeggen)"
    r"|\bge?wenst\w*|\bwens\b|ambitie\w*|\bstreven\b|\bstreeft\b|\bbeoog\w*"
    r"|\bnieuwe?\s+(?:[\w-]+\s+){0,2}?(?:moet|moeten|zal|zullen|gaat|gaan|biedt|bieden|maakt|maken|ondersteunt|zorgt|geeft|helpt|kunnen|kan)\b"
    r"|nieuwe\s+situatie|\bna\s+(?:de\s+)?aanbesteding\b"
    r"|\bzoek(?:t|en)\s+(?:naar\s+)?(?:een|het)\s+(?:[\w-]+\s+){1,4}?(?:dat|die|waarmee|waarin|waarbij|om|zodat)\b"
    r"|\bna\s+(?:de\s+)?(?:invoering|implementatie|overstap|livegang|ingebruikname|vervanging)"
    r"|\bzodat\b|\bmoet\s+(?:\w+\s+){0,3}?(?:mogelijk|makkelijker|eenvoudiger|beter|sneller)\b",
    re.I,
)


@register("aanleiding_situatie")
def aanleiding_situation(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """An aanleiding that describes no current and/or no desired situation."""
    doc = unit.document
    bundle = unit.bundle or [doc]
    for section in _top_sections(doc, _AANLEIDING_TITLE):
        text = _section_text(doc, section)
        # a heading "Huidige situatie" / "Toekomstbeeld" with text under it is the description itself
        now = bool(_NOW.search(text)) or any(t.strip() for t in _headed_texts(bundle, _NOW_TITLE))
        # the tender's goals describe where it wants to be: a doelstelling part with content counts
        goals = any(s.kind == "doelstelling" and s.heading is not None and d.clean(s.heading.end, s.end).strip()
                    for d in bundle for s in d.sections)
        want = bool(_WANT.search(text)) or goals or any(t.strip() for t in _headed_texts(bundle, _WANT_TITLE))
        missing = []
        if not now:
            missing.append("de huidige situatie (hoe gaat het nu, wat loopt er niet goed)")
        if not want:
            missing.append("de gewenste situatie (hoe moet het straks gaan, met welk resultaat)")
        if missing:
            head = section.heading
            yield Hit(head.content.start, head.content.end, data={"ontbreekt": " en ".join(missing)})


# ---------------------------------------------------------------- implementatie

# the part itself ("7. Implementatie", "Invoering en uitrol"), not a heading that mentions it
# ("Aanleiding: invoering van de Woo", "Exit en transitie", "Subcriterium 1: Plan van aanpak implementatie")
_IMPL_TITLE = re.compile(r"^\W*(?:(?:hoofdstuk|paragraaf|bijlage)\s+)?(?:[\dIVX]+(?:\.\d+)*\.?\s+)?(?:het\s+)?"
                         r"(?:implementatie\w*|invoering\w*|ingebruikname|uitrol\w*)\b", re.I)
_IMPL_SENTENCE = re.compile(r"implementatie\w*|invoering\w*|ingebruikname|plan\s+van\s+aanpak", re.I)
_ELEMENTS = (
    ("doelen of resultaten van de implementatie", re.compile(
        r"\bdoel(?:en|stelling\w*)?\b|\bresultaat\w*|\bresultaten\b|\bbeoogd\w*|succescriteri\w*|succesfactor\w*|\bKPI'?s?\b"
        r"|prestatie-?indicator\w*|\bopleverings?criteri\w*"
        r"|(?:in\s+gebruik|live\w*|in\s+productie|operationeel)\b[^.]{0,60}?(?:uiterlijk|vóór|voor|per|op)\s+\d"
        r"|(?:uiterlijk|vóór|per|op)\s+\d{1,2}\s+\w+\s+(?:19|20)\d\d[^.]{0,60}?(?:in\s+gebruik|live\w*|in\s+productie|operationeel)"
        # a deadline for the whole implementation is a result too: "afgerond op 1 juni 2027", "binnen 4 maanden"
        r"|(?:afgerond|gereed|voltooid|opgeleverd)\b[^.]{0,40}?(?:uiterlijk|vóór|voor|per|op)\s+\d"
        r"|implement\w*[^.]{0,60}?\bbinnen\s+(?:\d+|twee|drie|vier|zes|acht|twaalf)\s+(?:weken|maanden|werkdagen)", re.I)),
    ("training (opleiding, train-de-trainer)", re.compile(
        r"\btrain\w*|\bgetraind\w*|opleid\w*|opgeleid\w*|geïnstrueerd|\bcursus\w*|scholing|instructie\w*|kennisoverdracht|overdracht\s+van\s+kennis"
        r"|workshop\w*|\bgeschoold|\bschol(?:en|ing)\b|e-learning\w*|kennissessie\w*|\binwerk\w*", re.I)),
    ("fasering (planning, mijlpalen)", re.compile(
        r"\bfase\w*|fasering|gefaseerd\w*|planning\w*|mijlpa\w*|tijdpad|tijdlijn|tijdschema|stappenplan|\bpilot\w*"
        r"|\beerst\b[^.]{0,80}\b(?:daarna|vervolgens)\b|\bper\s+(?:afdeling|locatie|team|school|vestiging)\b"
        r"|in\s+(?:\w+\s+)?stappen\b|(?:eerste|tweede|derde)\s+(?:fase|stap|golf|tranche)|uitrol(?:schema|plan)|releaseplan|\bsprints?\b"
        # a plan the supplier must deliver sets out the steps
        r"|\b(?:implementatie|migratie|invoerings|uitrol)plan\b|plan\s+van\s+aanpak", re.I)),
    ("adoptie (gebruikersacceptatie, verandermanagement)", re.compile(
        # an acceptance test is no adoption, nor is communication between the project leaders
        r"adoptie\w*|gebruikersacceptatie(?!test)|acceptatie\s+(?:door|bij|onder)\s+(?:de\s+)?(?:eind)?(?:gebruikers|medewerkers)"
        r"|verander(?:management|aanpak|strategie)|change[-\s]?management|draagvlak|ambassadeur\w*|\bchampions?\b"
        r"|communicatie(?:plan|strategie|aanpak)\w*|interne\s+communicatie"
        r"|\bcommunicatie\b(?!\s+(?:tussen|verloopt|met\s+de\s+(?:opdrachtgever|opdrachtnemer|leverancier|projectleid\w*)))"
        r"|communicatie\s+(?:naar|met|richting|voor|aan)\s+(?:de\s+|alle\s+)?(?:medewerkers|gebruikers|eindgebruikers|organisatie|inwoners)"
        r"|gebruik\w*\s+(?:te\s+)?(?:stimuleren|bevorderen|vergroten)|(?:stimuleren|bevorderen|vergroten)\s+van\s+het\s+gebruik"
        r"|\bhypercare\b|\bnazorg\b|aantal\s+actieve\s+gebruikers|\bactivati\w*|\binbedding\b|\bborging\s+in\s+de\s+organisatie"
        # support for the users in the first weeks or months after go-live
        r"|ondersteun\w*\s+(?:[\w-]+\s+){0,6}?(?:na|vanaf|rond)\s+(?:de\s+)?(?:livegang|ingebruikname|go-live|overgang)", re.I)),
)


@register("implementatie_elementen")
def implementation_elements(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """An implementatie part that does not ask for goals, training, phasing or adoption."""
    doc = unit.document
    sections = _top_sections(doc, _IMPL_TITLE)
    if not sections:
        return
    bundle = unit.bundle or [doc]
    evidence = [_section_text(doc, s) for s in sections]
    # the implementation may also be asked for elsewhere ("Plan van aanpak implementatie en adoptie: 40%")
    for d in bundle:
        text, raw = d.clean(0, len(d.text)), d.text  # same length; raw keeps the line breaks
        for m in _IMPL_SENTENCE.finditer(text):
            left = max(raw.rfind(".", 0, m.start()), raw.rfind("\n", 0, m.start())) + 1
            right = min((i for i in (raw.find(".", m.end()), raw.find("\n", m.end())) if i >= 0), default=len(raw))
            evidence.append(text[left:right])
    joined = "\n".join(evidence)
    missing = [name for name, pattern in _ELEMENTS if not pattern.search(joined)]
    if not missing:
        return
    head = sections[0].heading
    yield Hit(head.content.start, head.content.end, data={"ontbreekt": ", ".join(missing), "aantal": str(len(missing))})


# ---------------------------------------------------------------- template text left in

_PLACEHOLDER = re.compile(
    r"(?P<match><\s*(?![!/])(?!(?:script|style|br|p|div|span|b|i|u|em|strong|a|img|table|tr|td|th|ul|ol|li|h\d|sup|sub|code)\b)"
    r"[^<>\n]{1,40}?\s*>"
    r"|\[\s*(?!\d+\s*\])(?![A-Z]{1,4}-?\d)[^\[\]\n]{1,40}?\s*\]"
    r"|\b(?:nader|later|nog)\s+(?:te\s+bepalen|in\s+te\s+vullen|uit\s+te\s+werken|aan\s+te\s+vullen|vast\s+te\s+stellen)\b"
    r"|\bn\.t\.b\.?|\bntb\b|(?-i:\bTBD\b|\bTBC\b|\bPM\b|\bXXX+\b)|\bvolgt\s+(?:nog|later)\b"
    r"|\bin\s+een\s+nader\s+(?:op\s+te\s+stellen|vast\s+te\s+stellen|te\s+bepalen)\s+\w+)",
    re.I,
)
# Filled in by the bidder or the winner, or when signing: legitimately open in a tender.
_FOR_THE_BIDDER = re.compile(
    r"opdrachtnemer|inschrijver|leverancier|gegadigde|aanbieder|verwerker\b|ondertek|handtekening|paraaf"
    r"|naam\s+(?:en\s+)?(?:functie|bedrijf|onderneming|contactpersoon)|uw\s+|in\s+te\s+vullen\s+door\s+(?:de\s+)?inschrijver",
    re.I,
)
_BUYERS_TERM = re.compile(r"^(?:x+|\.\.\.|…)$|invullen|aan\s*te\s*vullen|\bnog\b|uit\s+te\s+werken|aantal|termijn|bedrag|periode"
                         r"|percentage|jaar|maand|dagen|uur|tarief|prijs|looptijd|waarde", re.I)
# What a one-word blank stands for: a kind of value the buyer fills in ("[datum]", "<gemeente>").
_VALUE_WORD = re.compile(r"x+|n|pm|datum|naam|gemeente|organisatie|opdrachtgever|plaats|adres|versie|kenmerk|nummer"
                         r"|omschrijving|contactpersoon|e-?mail|telefoon(?:nummer)?|website|url|\w*datum|\w*naam", re.I)
# A blank after a label of the procedure's own dates ("Uiterste inschrijvingsdatum: [datum]"), known before publication.
_BUYERS_LABEL = re.compile(r"\b(?:uiterste|inschrijvings|sluitings|publicatie)\w*\s*:?\s*$", re.I)
_SIGNING_LINE = re.compile(r"\b(?:plaats|datum|naam|functie|handtekening|namens|ondertekend)\s*:?\s*$", re.I)
_NOT_PLACEHOLDER = re.compile(r"^[<\[]\s*(?:https?:\S*|www\.\S*|mailto:\S*|\S+@\S+|\d+(?:[.,]\d+)*|…|\.\.\.)\s*[>\]]$", re.I)


@register("sjabloontekst")
def template_text(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Placeholders and deferred terms the buyer left in a tender about to be published: '<invullen>',
    '[datum]', '[X] jaar', 'nader te bepalen', 'TBD'. Fields the bidder or the winner fills in
    ('[naam Opdrachtnemer]', 'Handtekening: ____') and standard model texts are left alone; so are
    the blanks of a form or price sheet."""
    doc = unit.document
    # in an agreement or a form the blanks for the parties' details are filled in when signing; only
    # the buyer's own terms left open count there ("[X] jaar", "<invullen>", "[aantal]")
    signing_document = doc.model_text or doc.role in ("overeenkomst", "verwerkersovereenkomst", "formulier")
    for m in _PLACEHOLDER.finditer(unit.text):
        text = m.group("match")
        if _NOT_PLACEHOLDER.match(text.strip()):
            continue
        if text.startswith(("<", "[")):
            inner = text.strip("<>[] ")
            if not re.search(r"[A-Za-zÀ-ÿ]", inner) and not re.fullmatch(r"x+|\.\.\.|…", inner, re.I):
                continue
            line_before = unit.text[:m.start()].rsplit("\n", 1)[-1]
            if _FOR_THE_BIDDER.search(inner) or _SIGNING_LINE.search(line_before):
                continue
            if signing_document and not _BUYERS_TERM.search(inner) and not _BUYERS_LABEL.search(line_before):
                continue
            if inner[:1].isupper() and " " not in inner and inner.lower() not in ("datum", "naam", "bedrag", "aantal", "pm", "x", "xx"):
                continue  # "[Beklaagde]", "<Opdrachtgever>": a name written in brackets, not a blank to fill
            if " " not in inner and not _BUYERS_TERM.search(inner) and not _VALUE_WORD.fullmatch(inner):
                continue  # one word that names no kind of value ("[doubtful]", "[backdoors]"): a tag or a note
        start = unit.start + m.start("match")
        yield Hit(start, start + len(text))


# ---------------------------------------------------------------- aanleiding: the strategic context

# External developments that make learning necessary (the e-book's "externe factoren").
_EXTERNAL = re.compile(
    r"wet-?\s*en\s+regelgeving|\bwet(?:geving)?\b|\bwetten\b|regelgeving|\bwettelijk\w*|\b(?!aanbestedings)\w+wet\b|\bcao\b|arbeidsmarkt\w*|krapte"
    r"|vergrijzing|uitstroom|personeelstekort\w*|demografi\w*|technologi\w*|digitalisering|\bAI\b|kunstmatige\s+intelligentie"
    r"|maatschappelijk\w*|economisch\w*|bezuiniging\w*|ontwikkelingen\s+(?:in|op|rond|binnen)\b|externe\s+\w+|veranderende"
    r"|(?:steeds|snel)\s+(?:\w+\s+)?verander\w*|nieuwe\s+(?:taken|wetten|eisen|regels)|decentralisatie\w*|inwoners\s+verwachten",
    re.I)
# The organisation's own vision on learning and how it fits its HR policy (the "interne factoren").
_VISION = re.compile(
    r"\bvisie\b|\bvisie\s+op|\bbeleid\w*|\w+beleid\b|\bHR[-\s]?(?:strategie|agenda|visie)|strategisch\s+personeelsplan\w*|\bSPP\b"
    r"|opleidingsplan\w*|opleidingsbeleid|ontwikkelplan\w*|leerbeleid|\bstrategie\w*|\bkoers\w*|organisatiedoel\w*|missie"
    r"|leren\s+(?:en|&)\s+ontwikkelen|\bL\s*&\s*O\b|\bL&D\b|leercultuur|lerende\s+organisatie|duurzame\s+inzetbaarheid"
    r"|goed\s+werkgeverschap|werkgeverschap|ambitie\w*|meerjaren\w*|coalitieakkoord|bestuursakkoord|organisatieontwikkeling",
    re.I)
_CONTEXT_TITLE = re.compile(r"\bvisie\b|\bbeleid\w*|\bstrategi\w*|ontwikkelingen|\bcontext\b|\bkoers\b", re.I)


@register("aanleiding_context")
def aanleiding_context(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """An aanleiding that names no external developments and/or no vision on learning or HR policy."""
    doc = unit.document
    bundle = unit.bundle or [doc]
    for section in _top_sections(doc, _AANLEIDING_TITLE):
        # the goals and a heading of their own ("Visie op leren", "Ontwikkelingen") count as well
        evidence = [_section_text(doc, section)] + _headed_texts(bundle, _CONTEXT_TITLE) + [
            _section_text(d, s) for d in bundle for s in d.sections if s.kind == "doelstelling" and s.heading is not None]
        text = "\n".join(evidence)
        missing = []
        if not _EXTERNAL.search(text):
            missing.append("externe ontwikkelingen (wet- en regelgeving, arbeidsmarkt, technologie)")
        if not _VISION.search(text):
            missing.append("de visie op leren en ontwikkelen en hoe die past in het HR-beleid of opleidingsplan")
        if missing:
            head = section.heading
            yield Hit(head.content.start, head.content.end, data={"ontbreekt": " en ".join(missing)})


# ---------------------------------------------------------------- implementatie: roll-out and upkeep

_TRAINING = re.compile(r"\btrain\w*|opleid\w*|opgeleid\w*|\bcursus\w*|scholing|\bgeschoold|instructie\w*|workshop\w*|e-learning\w*", re.I)
_ROLE_GROUPS = (
    ("beheerders", re.compile(r"beheerder\w*|\w+beheer\b|key[-\s]?users?|super[-\s]?users?|administrators?|\bbeheer\b", re.I)),
    ("medewerkers, leidinggevenden en trainers", re.compile(
        r"medewerkers|eindgebruikers|\bgebruikers\b|cursisten|deelnemers|leidinggevenden|managers?|teamleiders|trainers|docenten"
        r"|opleiders|auteurs|alle\s+rollen|per\s+rol|alle\s+gebruikers|train[-\s]de[-\s]trainer", re.I)),
)
_UPKEEP = (
    ("een communicatieplan voor de uitrol en daarna (updates, trainingen)", re.compile(
        r"communicatie(?:plan|strategie|aanpak|campagne|middelen)\w*|interne\s+communicatie"
        r"|communicatie\s+(?:naar|met|richting|voor|aan|over)\s+(?:de\s+|alle\s+)?(?:medewerkers|gebruikers|eindgebruikers|organisatie|updates)"
        r"|(?:activatie|lancerings|uitrol)campagne|marketing\w*|ambassadeur\w*|nieuwsbrie\w*", re.I)),
    ("gegevensbeheer (back-ups, beveiliging van de gegevens)", re.compile(
        r"back-?up\w*|gegevensbeheer|databeheer|gegevensbeveiliging|informatiebeveiliging|beveiliging\s+van\s+(?:de\s+)?(?:gegevens|data)"
        r"|\bBIO2?\b|27001|datakwaliteit|gegevenskwaliteit|datamigratie|migratie\s+van\s+(?:de\s+)?(?:gegevens|data|leerhistorie)"
        r"|bewaartermijn\w*|archiver\w*|verwerkersovereenkomst", re.I)),
    ("feedback van gebruikers in het systeem", re.compile(
        r"feedback\w*|terugkoppeling\w*|evaluatie\w*\s+(?:door|van|onder)\s+(?:de\s+)?(?:deelnemers|cursisten|medewerkers|gebruikers)"
        r"|enquête\w*|vragenlijst\w*|tevredenheid\w*|reviews?\b|suggesties|waardering\w*|beoordel\w*\s+(?:van\s+)?(?:de\s+)?(?:training|cursus|opleiding|leeraanbod)\w*", re.I)),
    ("rapportage over voortgang en resultaten", re.compile(
        r"rapport\w*|dashboard\w*|voortgang\w*|managementinformatie|stuurinformatie|overzicht\w*\s+van\s+(?:de\s+)?(?:resultaten|certificat\w*|deelname)"
        r"|inzicht\s+in\s+(?:de\s+)?(?:voortgang|resultaten|deelname|certificat\w*)"
        r"|\b(?:ziet|zien|inzien|toont|tonen)\b[^.]{0,60}\b(?:trainingen|opleidingen|resultaten|certificat\w*|deelname|verlopen|gevolgd)", re.I)),
)


@register("implementatie_beheer")
def implementation_upkeep(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """An implementatie part whose tender does not train every role, plan the communication, or
    cover data management, user feedback and reporting (anywhere in the bundle)."""
    doc = unit.document
    sections = _top_sections(doc, _IMPL_TITLE)
    if not sections:
        return
    bundle = unit.bundle or [doc]
    # the upkeep is often asked for in the PvE or the SLA rather than in the implementation chapter
    everywhere = "\n".join(d.clean(0, len(d.text)) for d in bundle)
    missing = []
    # training at all is volledigheid.implementatie-onvolledig's business; here: for whom, in the
    # implementation part or a sentence about the implementation (not "feedback na elke training")
    part = [_section_text(doc, s) for s in sections] + [
        x for x in re.split(r"(?<=[.;:])\s+|\n", everywhere) if _IMPL_SENTENCE.search(x)]
    trained = [m for t in part for m in re.split(r"(?<=[.;:])\s+|\n", t) if _TRAINING.search(m)]
    if trained:
        groups = [name for name, pattern in _ROLE_GROUPS if not any(pattern.search(t) for t in trained)]
        if groups:
            missing.append(f"training voor alle rollen (niet genoemd: {' en '.join(groups)})")
    for name, pattern in _UPKEEP:
        if not pattern.search(everywhere):
            missing.append(name)
    if missing:
        head = sections[0].heading
        yield Hit(head.content.start, head.content.end, data={"ontbreekt": "; ".join(missing)})
