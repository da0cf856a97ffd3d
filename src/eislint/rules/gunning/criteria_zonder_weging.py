"""gunning.criteria-zonder-weging: Award criteria without a weight (points or percentage), and quality criteria without a scoring scale."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit

_WEIGHT = re.compile(
    r"\d{1,4}(?:[.,]\d{1,2})?\s*(?:%|procent\b|punten\b|punt\b|pnt\b|ptn\b)|\bweging\s*:?\s*\d|\bx\s*\d(?:[.,]\d)?\b"
    r"|factor\s*:?\s*\d|(?:€|EUR)\s*\d|\d\s*euro\b",
    re.I,
)  # "(wegingsfactor 3)", "fictieve korting € 60.000"


# "de criteria wegen even zwaar", "in afnemende volgorde van belang" (no weighting possible, order given instead)
_WEIGHT_RULE = re.compile(
    r"(?:wegen|weegt|tellen|telt)\s+(?:\w+\s+){0,3}?(?:even\s+zwaar|gelijk)|gelijke\s+weging|(?:elk|ieder)\s+(?:\w+\s+){0,2}?\d{1,3}\s*(?:%|punten)"
    r"|volgorde\s+van\s+(?:afnemend\s+)?belang|weging\s+(?:staat|is\s+opgenomen|vindt\s+u|volgt)\s+(?:\w+\s+){0,3}?(?:in|uit)\s+(?:bijlage|paragraaf|tabel|§)"
    r"|wegingen?\s+(?:\w+\s+){0,4}?(?:bijlage|paragraaf|§)\s*\d",
    re.I,
)


_CRITERIA_INTRO = re.compile(
    r"(?:sub|gunnings|kwaliteits|beoordelings)criteri\w*|\bcriteri(?:a|um)\b|beoordeeld\s+(?:op|aan\s+de\s+hand\s+van|naar)|beoordel(?:en|t)\s+(?:\w+\s+){0,3}?(?:op|aan\s+de\s+hand\s+van)\b"
    r"|gescoord|\bscoort\b|scoren\s+op|gewaardeerd|beoordelingsaspect\w*|\bwaarop\s+(?:wij|we|de\s+\w+)\s+beoordel\w*",
    re.I,
)


_LOWEST_PRICE = re.compile(r"(?:laagste|lage)\s+(?:prijs|kosten|inschrijfsom)", re.I)


_QUALITY = re.compile(
    r"kwaliteit|plan\s+van\s+aanpak|gebruikerstest|subcriteri|kwaliteitscriteri|beste\s+prijs[-\s]?kwaliteit|\bBPKV\b|\bEMVI\b",
    re.I,
)


_NOT_A_CRITERION = re.compile(r"^\s*(?:\*\*)?\s*(?:totaal|total|som|prijs\b|de\s+prijs\b)", re.I)


# a named method (then gunning.geen-beoordelingsmethode is silent and the scale is ours to ask for)
_METHOD = re.compile(
    r"gewogen\s+factor\w*|gunnen\s+op\s+waarde|fictieve\s+(?:korting|aftrek)|waarde\s+voor\s+geld|value\s+for\s+money"
    r"|beoordelingsmethode|scoringsmethodiek|puntensysteem|omrekenformule|relatieve\s+methode|absolute\s+methode",
    re.I,
)


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


_NO_WEIGHT = {
    "onderwerp": "Dit gunningscriterium heeft",
    "ontbreekt": "geen weging (percentage of punten)",
    "gevolg": "hoe zwaar het meetelt",
}


_NO_WEIGHTS = {
    "onderwerp": "Deze gunningscriteria hebben",
    "ontbreekt": "geen weging (percentage of punten)",
    "gevolg": "hoe zwaar elk criterium meetelt",
}


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


def _criteria_groups(unit: Unit, section) -> Iterator[tuple[str, list, str]]:
    """Groups of award criteria in a gunning section: ('lijst', items) or ('tabel', [header, rows...])."""
    doc = unit.document
    blocks = [b for b in doc.blocks if section.start <= b.start < section.end]
    i = 0
    previous = None
    while i < len(blocks):
        block = blocks[i]
        if block.kind not in ("list_item", "table_header"):
            previous = block
            i += 1
            continue
        group, j = _list_group(doc, blocks, i, previous) if block.kind == "list_item" else _table_group(doc, blocks, i)
        if group is not None:
            yield group
        previous = blocks[j - 1]
        i = j


def _list_group(doc, blocks: list, i: int, previous) -> tuple[tuple[str, list, str] | None, int]:
    """The items of the list at blocks[i] (same indent) when an intro or the section title says
    they are criteria; and the index after the list."""
    block = blocks[i]
    run = [block]
    j = i + 1
    while j < len(blocks) and blocks[j].kind == "list_item":
        if blocks[j].indent == block.indent:
            run.append(blocks[j])
        j += 1
    sub = doc.section_at(block.start)
    intro = doc.clean(previous.content.start, previous.content.end) if previous is not None else ""
    intro_ok = previous is not None and previous.kind != "heading" and _CRITERIA_INTRO.search(intro)
    title_ok = (
        sub is not None and re.search(r"criteri", sub.title, re.I) and (previous is None or previous.kind == "heading")
    )
    if len(run) >= 2 and (intro_ok or title_ok):
        return ("lijst", run, intro), j
    return None, j


def _table_group(doc, blocks: list, i: int) -> tuple[tuple[str, list, str] | None, int]:
    """The table at blocks[i] when its first column names criteria; and the index after it."""
    block = blocks[i]
    rows = []
    j = i + 1
    while j < len(blocks) and blocks[j].kind == "table_row":
        rows.append(blocks[j])
        j += 1
    head = [doc.clean(c.start, c.end).strip() for c in block.cells]
    if (
        head
        and re.fullmatch(r"(?:sub)?(?:gunnings|kwaliteits)?criteri(?:um|a)|onderdeel|aspect", head[0], re.I)
        and len(rows) >= 2
    ):
        return ("tabel", [block] + rows, ""), j
    return None, j


def _weighted_elsewhere(label: str, others: list[str]) -> bool:
    """True when the criterion `label` appears with a weight in another block of the gunning part."""
    if not label:
        return False
    return any(label in " ".join(re.findall(r"[\w-]+", t.lower())) and _WEIGHT.search(t) for t in others)


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
    lines = [
        doc.clean(b.content.start, b.content.end)
        for s in sections
        for b in doc.blocks
        if s.start <= b.start < s.end and b.kind != "heading"
    ]
    lines = [x for line in lines for x in re.split(r"(?<=[.;])\s+", line)]
    weights = [
        line
        for line in lines
        if _WEIGHT.search(line)
        and not re.search(
            r"\bprijs|totaal|maximaal|maximum|\bschaal|oordeel|uitstekend|voldoende",
            line,
            re.I,
        )
    ]
    if len(weights) >= 2:
        return
    for section in sections:
        text = doc.clean(section.start, section.end)
        for m in _PROSE_CRITERIA.finditer(text):
            g = "list" if m.group("list") else "list2"
            sentence_end = text.find(".", m.end())
            if _WEIGHT.search(text[m.start() : sentence_end if sentence_end >= 0 else len(text)]):
                continue
            nxt = text[sentence_end + 1 :].split(".", 1)[0] if sentence_end >= 0 else ""
            if len(_WEIGHT.findall(nxt)) >= 2:
                continue  # "... beoordeeld op prijs, kwaliteit en duurzaamheid. De weging is: prijs 40%, ..."
            start, end = section.start + m.start(g), section.start + m.end(g)
            yield Hit(start, end, data=dict(_NO_WEIGHTS))


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
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
            if weight_rule or _not_criteria(doc, blocks, intro):
                continue
            if kind == "tabel":
                hit = _table_without_weights(doc, blocks)
                if hit is not None:
                    listed = True
                    yield hit
                continue
            listed = True
            yield from _list_without_weights(doc, sections, blocks)
    if not listed and not weight_rule:
        yield from _prose_criteria(unit, sections, gunning)
    scale = _no_scale(sections, gunning, texts, bundle)
    if scale is not None:
        yield scale


def _not_criteria(doc, blocks: list, intro: str) -> bool:
    """Aspects of a weighted sub-criterion, or the steps of the evaluation: nothing to weigh."""
    sub = doc.section_at(blocks[0].start)
    if sub is not None and sub.heading is not None and _WEIGHT.search(sub.title):
        return True  # aspects of a weighted sub-criterion ("Subcriterium 1: Plan van aanpak (40%)")
    return bool(re.search(r"stappen|procedure|volgorde|fasen|achtereenvolgens", intro, re.I))


def _table_without_weights(doc, blocks: list) -> Hit | None:
    """A criteria table with neither a weight column nor a weight in a row: one hit on its first cell."""
    header, rows = blocks[0], blocks[1:]
    if re.search(
        r"weging|wegings|gewicht|punt|percentage|score|%|factor|maximaal|max\.",
        doc.clean(header.content.start, header.content.end),
        re.I,
    ):
        return None  # a weight column, even with bare numbers
    if any(_WEIGHT.search(doc.clean(r.content.start, r.content.end)) for r in rows):
        return None
    first = rows[0].cells[0] if rows[0].cells else rows[0].content
    return Hit(first.start, first.end, data=dict(_NO_WEIGHTS))


def _list_without_weights(doc, sections: list, blocks: list) -> Iterator[Hit]:
    """The items of a criteria list without a weight, unless the list has no weights and the item
    is weighted elsewhere in the gunning part, or only one item has a number."""
    texts_items = [(b, doc.clean(b.content.start, b.content.end)) for b in blocks]
    weighted = [bool(_WEIGHT.search(t)) for _, t in texts_items]
    unweighted = [(b, t) for (b, t), w in zip(texts_items, weighted) if not w and not _NOT_A_CRITERION.match(t)]
    if not unweighted:
        return
    if sum(weighted) == 0:
        own = {id(b) for b in blocks}
        others = [
            doc.clean(b.content.start, b.content.end)
            for s in sections
            for b in doc.blocks
            if s.start <= b.start < s.end and id(b) not in own and b.kind != "heading"
        ]
        unweighted = [(b, t) for b, t in unweighted if not _weighted_elsewhere(_item_label(t), others)]
    elif sum(weighted) < 2:
        return  # one number in a list is no weighting scheme; leave it alone
    for b, t in unweighted:
        label = re.split(r"[:(]", t.strip(), maxsplit=1)[0].strip().rstrip(".;,")
        start = b.content.start + (len(t) - len(t.lstrip()))
        yield Hit(start, start + len(label), data=dict(_NO_WEIGHT))


def _no_scale(sections: list, gunning: str, texts: list[str], bundle: list) -> Hit | None:
    """Quality is scored with a named method but no scale says which score goes with which judgement."""
    # only where a method is named (else gunning.geen-beoordelingsmethode reports) and quality is scored
    if not _QUALITY.search(gunning) or not any(_METHOD.search(t) for t in texts):
        return None
    if any(_SCALE.search(t) for t in texts + [d.text for d in bundle]) or re.search(
        r"bijlage[^.\n]{0,60}(?:schaal|beoordelingssystematiek|scoringssystematiek)",
        "\n".join(texts),
        re.I,
    ):
        return None
    head = sections[0].heading
    return Hit(
        head.content.start,
        head.content.end,
        data={
            "onderwerp": "De kwaliteitscriteria hebben",
            "ontbreekt": "geen beoordelingsschaal",
            "gevolg": "welke score bij welk oordeel hoort",
        },
        level="warning",
    )
