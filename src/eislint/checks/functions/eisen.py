"""Functions about the requirement itself: abbreviations, compound demands, passives, modal verbs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint import dutch
from eislint.checks.base import Context, Hit, Option, Unit
from eislint.checks.functions import register


def _defined_abbreviations(doc) -> set[str]:
    """The abbreviations one document writes out, computed once per document."""
    if "abbreviations" in doc.derived:
        return doc.derived["abbreviations"]
    text = doc.text
    defined = set(re.findall(r"\(\s*([A-Z][A-Z&]{1,6})(?:'?s)?\s*\)", text))
    defined |= set(re.findall(r"\b([A-Z][A-Z&]{1,6})\s*\(\s*[a-zà-ý]", text, re.I)) & set(re.findall(r"\b[A-Z][A-Z&]{1,6}\b", text))
    for block in doc.blocks:
        head = doc.clean(block.content.start, min(block.content.end, block.content.start + 12)).strip()
        m = re.match(r"([A-Z][A-Z&]{1,6})\s*[:=–-]", head)
        if m:
            defined.add(m.group(1))
        if block.cells:
            first = doc.clean(block.cells[0].start, block.cells[0].end).strip()
            if re.fullmatch(r"[A-Z][A-Z&]{1,6}", first):
                defined.add(first)
    doc.derived["abbreviations"] = defined
    return defined


# "OTAP-werkwijze", "BOB-model": an abbreviation before a hyphenated lower-case word is one too;
# "KO-3", "E-1" (ids) and "ISO/IEC" are not.
_ACRONYM = re.compile(r"(?<![\w/.-])([A-Z][A-Z&]{1,6})(?:'?s)?(?![\w/]|-(?![a-zà-ý]))")
_ROMAN = re.compile(r"^[IVXLC]+$")
_FUNCTION_WORDS = {"de", "het", "een", "dit", "deze", "die", "dat", "van", "in", "op", "voor", "met", "door", "bij",
                   "als", "en", "of", "aan", "naar", "zie", "elk", "elke", "ieder", "iedere", "alle", "ons", "onze"}


@register(
    "afkortingen",
    bekend=Option(list, default=[], doc="afkortingen die geen uitleg nodig hebben"),
)
def undefined_abbreviations(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Abbreviations written out nowhere in the tender (any document of the bundle).

    Defined means: "voluit (AFK)", "AFK (voluit)", "AFK: ..." / "AFK - ..." at the start of a
    block (a begrippenlijst), or the first cell of a table row; headings count. Abbreviations
    every public-sector or ICT reader knows (dutch.COMMON_ABBREVIATIONS) need no definition.
    """
    doc = unit.document
    known = {k.upper() for k in options["bekend"]} | dutch.COMMON_ABBREVIATIONS
    defined: set[str] = set()
    for member in unit.bundle or [doc]:
        defined |= _defined_abbreviations(member)
    seen: set[str] = set()
    for pu in unit.analysis.units:
        letters = [c for c in pu.text if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) > 0.5:
            continue  # a line in capitals is emphasis, not a row of abbreviations
        for m in _ACRONYM.finditer(pu.text):
            word = m.group(1)
            if word in seen or word in defined or word in known or _ROMAN.match(word):
                continue
            before = pu.text[:m.start(1)].split()[-1:] or [""]
            if before[0][:1].isupper() and before[0].lower() not in _FUNCTION_WORDS and not before[0].endswith("."):
                continue  # "Azure AD", "Microsoft SQL": part of a product name, not an abbreviation
            seen.add(word)
            start = pu.start + m.start(1)
            yield Hit(start, start + len(word), data={"afkorting": word})


# ---------------------------------------------------------------- compound requirements


@register(
    "samengesteld",
    min_eisen=Option(int, default=2, doc="vanaf hoeveel zelfstandige eisen een melding volgt"),
)
def compound_requirement(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """More than one independently verifiable demand in one requirement (see eislint.demand)."""
    demand = unit.demand()
    if demand is None or len(demand.demands) < options["min_eisen"]:
        return
    doc = unit.document
    pieces = [" ".join(doc.clean(s.start, s.end).split()).strip(" ,;") for s in demand.demands]
    first = pieces[0]
    out = []
    for i, piece in enumerate(pieces):
        if i and piece[:1].islower():
            piece = _with_stem(first, piece)
        piece = re.sub(r"^(?:en|maar|terwijl|alsook|daarnaast|bovendien|tevens)\s+", "", piece, flags=re.I)
        piece = re.sub(r"[,;]?\s+(?:en|maar|terwijl|alsook|tevens|bovendien|daarnaast)$", "", piece, flags=re.I)
        if not piece.endswith((".", "!", "?")):
            piece = piece.rstrip(" .,;:") + "."
        out.append(piece[0].upper() + piece[1:])
    req_id = unit.requirement.id if unit.requirement is not None and unit.requirement.id else "E"
    listing = " ".join(f"{req_id}{chr(ord('a') + i)}. {p}" for i, p in enumerate(out))
    yield Hit(unit.start, unit.end, data={"aantal": str(len(pieces)), "splitsing": listing})


def _with_stem(first: str, piece: str) -> str:
    """'om Y te bieden' after 'Het LMS biedt de mogelijkheid om X te tonen' becomes a full sentence."""
    word = piece.split()[0].lower()
    if word in ("en", "maar", "alsook"):
        piece = piece.split(None, 1)[1] if len(piece.split()) > 1 else piece
        word = piece.split()[0].lower()
    m = re.search(rf"\b{re.escape(word)}\b", first, re.I) if word in ("om", "het", "te") else None
    if m is None:
        m = dutch.ANY_MODAL.search(first) if dutch.ANY_MODAL.match(piece) else None
    if m is not None and m.start() > 0:
        return f"{first[:m.start()].strip()} {piece}"
    return piece


# ---------------------------------------------------------------- passive without actor


_MAIN_PASSIVE = re.compile(
    rf"\b(?P<modal>{'|'.join(dutch.OBLIGATION_MODALS)})\b(?P<mid>(?:(?!\b(?:kan|kunnen|mag|mogen)\b)[^,;:.])*?)"
    r"\b(?P<aux>(?:te\s+)?(?:worden|wordt))\b(?P<tail>[^,;:.]*)",
    re.I,
)
# "Er wordt jaarlijks een uitwijktest uitgevoerd": an impersonal passive names no one at all
_IMPERSONAL = re.compile(r"^\s*(?P<modal>er)\s+(?P<aux>wordt|worden)\b(?P<mid>)(?P<tail>[^,;:.]*)", re.I)
_NOTHING = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:niets|niks|geen|nooit)\b", re.I)
_PRODUCT_SUBJECT = re.compile(
    r"^\s*(?:de|het)\s+(?:\w+\s+)?(?:oplossing|applicatie|systeem|tool|software|dienst|platform|pakket|portaal|lms)\b", re.I)
_PARTICIPLE = re.compile(r"\b(?:\w*ge\w{2,}(?:d|t|en)|(?:ver|be|ont|her|er)\w{2,}(?:d|t|en))\b", re.I)
_AGENT = re.compile(r"\bdoor\s+(?!middel\b|tussenkomst\b)(?:de|het|een|ons|onze|hen|haar|hem|\w+)\b", re.I)


@register("passief_zonder_actor")
def passive_without_actor(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """An obligation in the main clause in the passive ('moet ... worden vastgelegd') without an
    agent ('door ...'): who must act? A capability ('moet kunnen worden bewerkt'), a subordinate
    clause ('..., die worden bewaard'), a stative 'is vastgelegd' and the motivation are not judged."""
    demand = unit.demand()
    spans = demand.demand_spans() if demand is not None else [unit]
    for span in spans:
        text = unit.document.clean(span.start, span.end)
        for m in [*_MAIN_PASSIVE.finditer(text), *_IMPERSONAL.finditer(text)]:
            if not _main_clause(text[:m.start()]) or _PRODUCT_SUBJECT.match(text[:m.start()]):
                continue  # "De oplossing dient te worden gehost": the supplier acts on its own product
            clause = m.group(0)
            if _AGENT.search(clause) or not (_PARTICIPLE.search(m.group("tail")) or _PARTICIPLE.search(m.group("mid"))):
                continue
            if m.group("modal").lower() == "er" and _NOTHING.match(m.group("tail")):
                continue  # "er wordt niets geïnstalleerd": what does not happen needs no one to do it
            start = span.start + m.start()
            yield Hit(start, span.start + m.end("aux"), data={"werkwoord": m.group("aux")})
            break


def _main_clause(before: str) -> bool:
    """The modal after `before` is in the main clause: no subordinator opens a clause that is still
    open ('Als X, moet ...' is main again after the comma)."""
    last = None
    for m in dutch.SUBORDINATOR.finditer(before):
        last = m
    return last is None or "," in before[last.end():]


# ---------------------------------------------------------------- modal verb style

_STYLES = (
    ("moet", re.compile(r"\b(moet|moeten)\b", re.I)),
    ("dient", re.compile(r"\b(dient|dienen)\b", re.I)),
    ("zal", re.compile(r"\b(zal|zullen)\b", re.I)),
    ("wordt verwacht", re.compile(r"\bwordt\s+verwacht\b", re.I)),
)


@register(
    "modale_stijl",
    min_totaal=Option(int, default=6, doc="pas vanaf zoveel eisen met een modaal werkwoord"),
)
def inconsistent_modals(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """Requirements that mix moet / dient / zal / wordt verwacht: report once, at the first minority use."""
    doc = unit.document
    uses: dict[str, list[tuple[int, int]]] = {}
    for req in doc.requirements:
        if req.kind not in ("eis", "knock-out", "te-ontwikkelen"):
            continue
        text = doc.clean(req.start, req.end)
        for style, pattern in _STYLES:
            m = pattern.search(text)
            if m:
                uses.setdefault(style, []).append((req.start + m.start(), req.start + m.end()))
                break
    total = sum(len(v) for v in uses.values())
    if len(uses) < 2 or total < options["min_totaal"]:
        return
    ranked = sorted(uses.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0]))
    main, minority = ranked[0], ranked[1:]
    first = min((span for _, spans in minority for span in spans), key=lambda s: s[0])
    counts = ", ".join(f"'{style}' {len(spans)}x" for style, spans in ranked)
    yield Hit(first[0], first[1], data={"hoofdvorm": main[0], "telling": counts})


# ---------------------------------------------------------------- a subject, no demand

_CODE_LABEL = re.compile(r"^\s*(?-i:[A-Z]{2,}[-\s]?\d+)\b")
_PREDICATE_WORD = re.compile(
    rf"\b(?:{'|'.join(dutch.MODALS)}|is|zijn|wordt|worden|heeft|hebben|biedt|bieden|kan|mogelijk\s+(?:om|dat)|te\s+\w+en)\b",
    re.I,
)


@register("geen_toetsbare_eis", max_woorden=Option(int, default=5, doc="alleen korte fragmenten"))
def no_demand(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A requirement that only names a subject ('Termijnbewaking.', 'Historie klachten en
    oplossingen'): no verb, so nothing is demanded that a bidder can answer or an assessor test.
    Not for items that complete a lead-in ('De oplossing biedt: - rapportages'), table rows whose
    other cells say what is meant, the norms of a service-level row ('2 werkdagen'), or a
    labelled line ('SGC 1 Zaakafhandeling')."""
    req = unit.requirement
    if req is None or req.lead is not None or req.explanation or req.norm:
        return
    text = unit.text.strip()
    words = text.rstrip(".").split()
    if not words or len(words) > options["max_woorden"] or text.endswith(":") or _CODE_LABEL.match(text):
        return
    if _PREDICATE_WORD.search(text):
        return
    block = req.block
    if block.kind == "table_row":
        others = [unit.document.clean(c.start, c.end).strip() for c in block.cells
                  if not (c.start <= req.start < max(c.end, c.start + 1))]
        if any(len(o.split()) >= 4 for o in others):
            return
    tokens = unit.tokens()
    if not tokens or not tokens[0].doc.has_annotation("POS"):
        return
    for tok in tokens:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound", "nmod"):
            continue
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.lower_.endswith("e") and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
            continue  # "verwachte doorlooptijd": a participle used as an adjective
        return
    start = unit.start + (len(unit.text) - len(unit.text.lstrip()))
    yield Hit(start, start + len(text))


# ---------------------------------------------------------------- brand names

_EQUIVALENT = re.compile(r"\b(?:of|dan\s+wel)\s+(?:een\s+)?gelijkwaardig\w*\b|\bgelijkwaardige?\s+(?:alternatief|oplossing|product|standaard)\b", re.I)
_EXAMPLE_BEFORE = re.compile(r"\b(?:bijvoorbeeld|bijv\.|bv\.|b\.v\.|zoals|o\.a\.|onder\s+andere|denk\s+aan|te\s+denken\s+aan)\b"
                             r"[^.;:()]{0,60}$|\(\s*(?:bijv\.|bijvoorbeeld|bv\.|zoals)?[^()]{0,40}$", re.I)
# The buyer's own systems: to integrate with, to run inside, to log in to.
_OWN_BEFORE = re.compile(
    r"\b(?:ons|onze|huidige?|bestaande?|eigen|gemeentelijke?|in\s+gebruik\s+zijnde|gebruikte|vanuit|binnen|"
    r"koppel\w*|gekoppeld|integr\w*|geïntegreerd|aansl\w*|aangesloten|synchroni\w*|uitwissel\w*|import\w*|export\w*"
    r"|inlog\w*|aanmeld\w*|authentic\w*|logt\s+in|loggen\s+in|meldt\s+(?:zich\s+)?aan|melden\s+(?:zich\s+)?aan)\b[^.;]{0,60}$",
    re.I)
_OWN_AFTER = re.compile(
    r"^[\s,]{0,3}(?:[\w-]+\s+){0,2}(?:van\s+(?:de|het)\s+(?:gemeente|waterschap|provincie|organisatie|opdrachtgever|omgevingsdienst|hogeschool)"
    r"|(?:die|dat)\s+(?:de|het|wij|we)\s+\w*\s*(?:gebruik\w*|in\s+gebruik)|dat\s+al\s+in\s+gebruik|(?:-|\s)?omgeving\s+van\s+de)\b"
    # an apposition: "Microsoft Teams, de bestaande videoconferentiedienst van de gemeente"
    r"|^\s*,\s*(?:de|het|onze|ons)\s+(?:bestaande|huidige|eigen|gebruikte)\b", re.I)
# What is bought named by its brand: the solution is, runs on, is built on or licensed as the brand.
_BOUGHT = re.compile(
    r"(?:\b(?:levering|licenties?|abonnement|aanschaf|inkoop|implementatie|uitrol)\s+(?:van|voor|op)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:oplossing|systeem|applicatie|dienst|platform|software|tool|lms|omgeving|module|database|hosting)\s+"
    r"(?:is|wordt|betreft|moet\s+zijn|dient\s+te\s+zijn|bestaat\s+uit|(?:is|wordt|moet\s+(?:worden|zijn))\s+(?:gebaseerd|gebouwd|ontwikkeld|gehost)\s+(?:op|in|met|bij))\s+(?:\w+\s+){0,3}$"
    r"|\b(?:gebaseerd|gebouwd|ontwikkeld|gehost|draait|draaien)\s+(?:op|in|met|bij)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:een|de)\s+(?:module|versie|uitbreiding|licentie)\s+(?:van|op)\s+$)", re.I)


@register(
    "merknaam",
    terms=Option(list, required=True, doc="merk- en productnamen, met hoofdletters zoals ze geschreven worden"),
)
def brand_names(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A brand or product name in a requirement without 'of gelijkwaardig'.

    An error when what is bought is named by its brand ('De oplossing is gebaseerd op Moodle',
    'licenties voor Microsoft 365'); nothing when the brand is the buyer's own system to integrate
    with or run inside ('koppeling met ons HR-systeem Youforce', 'vanuit Brightspace'), an example
    ('bijvoorbeeld Azure of AWS') or a tool in a procedure of an SLA or DAP; otherwise a warning.
    """
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
        if _EXAMPLE_BEFORE.search(before) or unit.document.role in ("sla", "dap", "overeenkomst") \
                or _OWN_BEFORE.search(before) or _OWN_AFTER.search(after):
            # an example, a tool in a procedure, or the buyer's own system to integrate with or run
            # inside: no brand demand (koppelmethode- and standaarden rules ask for the open standard)
            continue
        if _BOUGHT.search(before):
            level, why = "error", "Wat u koopt wordt met een merk of fabrikaat aangeduid; dat is in de regel niet toegestaan."
        else:
            level, why = "warning", "Een verwijzing naar een merk of fabrikaat is in de regel niet toegestaan."
        yield Hit(start, end, data={"toelichting": why}, level=level)


_BRAND_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _brand_regex(terms: tuple[str, ...]) -> re.Pattern[str]:
    if terms not in _BRAND_CACHE:
        alternation = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
        _BRAND_CACHE[terms] = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
    return _BRAND_CACHE[terms]


# ---------------------------------------------------------------- a reference without its content

_REFERENCE = re.compile(
    r"\b(?P<match>(?:voldoe\w*\s+(?:\w+\s+){0,2}?aan|conform|volgens|overeenkomstig|in\s+lijn\s+met|(?:past|passen)\s+binnen"
    r"|aansl\w+\s+(?:op|bij))\s+(?:de|het|alle|onze)\s+(?:geldende\s+|toepasselijke\s+|huidige\s+|interne\s+|eigen\s+|relevante\s+"
    r"|gemeentelijke\s+|van\s+toepassing\s+zijnde\s+)?[\w-]*(?:eisen|vereisten|beleid|richtlijnen|normen|afspraken"
    r"|standaarden|kaders?|procedures?|regels|voorschriften|architectuur|werkwijzen?)\b"
    r"(?:\s+(?:van|die|binnen|voor|op)\b[^.;]{0,70})?)",
    re.I,
)
# the reference names what it means: an annex, a document, a version, a public norm or the law
_NAMED = re.compile(
    r"bijlage|\bzie\b|versie|\d|(?-i:\b(?:BIO2?|ISO|NEN|EN|WCAG|AVG|GIBIT|NORA|GEMMA|NCSC)\b)|Common\s+Ground|Baseline|\bwet\b|wet-\s+en"
    r"|wetgeving|wettelijk\w*|regelgeving|\(|\bdit\b|\bdeze\s+(?:aanbesteding|leidraad|bijlage|overeenkomst|eisen)|"
    r"hieronder|hierboven|hierna|(?:dit|het)\s+(?:programma\s+van\s+eisen|document|bestek)|\b(?:de|het)\s+(?-i:[A-Z][a-zà-ÿ])\w*", re.I)


@register("verwijzing_zonder_inhoud")
def reference_without_content(unit: Unit, ctx: Context, options: dict[str, Any]) -> Iterator[Hit]:
    """A demand to comply with requirements, a policy or guidelines that the tender does not name or
    attach ('voldoet aan de vereisten voor logging die van toepassing zijn op onze systemen', 'past
    binnen de architectuur van de gemeente'): a bidder cannot answer what it cannot read."""
    for m in _REFERENCE.finditer(unit.text):
        reference = m.group("match")
        tail = re.split(r"[.;]", unit.text[m.end():m.end() + 80])[0]
        if _NAMED.search(reference[len(reference.split()[0]):]) or _NAMED.search(tail):
            continue
        start = unit.start + m.start("match")
        if not unit.in_demand(start, start + len(reference)):
            continue
        yield Hit(start, start + len(reference.rstrip(" ,")))
