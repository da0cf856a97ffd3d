"""Find a Document's sections (classified by their title) and its requirements."""

from __future__ import annotations

import re
from pathlib import PurePath

from eislint.document import REQUIREMENT_ID, Block, Document, Requirement, Section

# Checked in order: the first kind whose pattern matches the title wins, so "gunningscriteria
# kwaliteit" is gunning and "prijs-kwaliteitverhouding" is not prijs.
_SECTION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        # "Subcriteria kwaliteit" and "Kwaliteitscriteria" are award criteria, not quality assurance
        ("gunning", r"gunning|beoordeling|scorings?|beste\s+prijs|prijs[-\s]?kwaliteit|\bbpkv\b|\bemvi\b|wegings?|award|"
                    r"subcriteri|kwaliteitscriteri|\bcriteri(um|a)\b"),
        # "Selectie-eisen" are suitability demands on the tenderer, not the Programma van Eisen
        ("randvoorwaarden", r"(selectie|geschiktheids|kwalificatie|uitsluitings)[-\s]?(eisen|criteria|gronden)"),
        ("wensen", r"^(?!.*\beisen\b).*\bwens(en)?\b"),
        ("eisen", r"\beis(en)?\b|programma\s+van\s+eisen|pakket\s+van\s+eisen|\bpve\b|requirements|knock[-\s]?out|functionele|technische\s+specificatie|specificaties"),
        ("doelstelling", r"\bdoel(en|stelling|stellingen)?\b|ambitie|beoogd(e)?\s+resultaat|resultaten"),
        ("aanleiding", r"aanleiding|achtergrond|inleiding|huidige\s+situatie|context|introductie|over\s+de\s+(gemeente|organisatie)"),
        ("randvoorwaarden", r"randvoorwaarde|selectie|geschiktheid|uitsluitingsgrond|kerncompetentie|referentie"),
        ("implementatie", r"implementatie|invoering|migratie|planning|ingebruikname|uitrol"),
        ("kwaliteit", r"kwaliteit|service\s*level|\bsla\b|dienstverlening|beschikbaarheid|ondersteuning"),
        ("contract", r"contract|overeenkomst|looptijd|inkoopvoorwaarden|gibit|verlenging|voorwaarden"),
        ("prijs", r"\bprijs|prijzen|prijsblad|tarie(f|ven)|kosten|begroting|budget|licentiemodel"),
    )
)

_HEADING_NUMBER = re.compile(
    r"^(?:(?:hoofdstuk|bijlage|paragraaf|deel)\s+)?(?P<num>[0-9IVX]+[a-z]?(?:\.\d+)*)\.?\s+", re.I
)

_REQ_ID = REQUIREMENT_ID
_KIND_BY_PREFIX = {
    "ko": "knock-out", "k.o.": "knock-out", "knock-out": "knock-out", "knockout": "knock-out",
    "e": "eis", "r": "eis", "fe": "eis", "nfe": "eis", "te": "eis", "req": "eis", "eis": "eis",
    "w": "wens", "wens": "wens", "d": "doel", "doel": "doel", "to": "te-ontwikkelen",
}
_KIND_MARKERS = (
    ("knock-out", re.compile(r"\(\s*(knock[-\s]?out|KO)\s*\)|\[\s*(knock[-\s]?out|KO)\s*\]|^knock[-\s]?out\b", re.I)),
    ("te-ontwikkelen", re.compile(r"\bte\s+ontwikkelen\b", re.I)),
    ("wens", re.compile(r"^\s*\(?wens\)?\s*[:\-–]", re.I)),
)
_MODAL = re.compile(
    r"\b(moet|moeten|dient|dienen|zal|zullen|wordt\s+verwacht|is\s+verplicht|beschikt\s+over|biedt|ondersteunt)\b",
    re.I,
)

# Column names of requirement tables, Dutch and English.
_COL_ID = re.compile(r"^(nr\.?|no\.?|nummer|id|code|ref(erentie)?\.?|#|(eis|wens|req(uirement)?)[-\s]?(nummer|nr\.?|id|code))$", re.I)
_COL_KIND = re.compile(r"^(type|soort|(soort|type)\s+eis|eis\s*/\s*wens|e\s*/\s*w|eis\s+of\s+wens|prioriteit|priority|moscow|knock[-\s]?out|k\.?o\.?)$", re.I)
_COL_TEXT = re.compile(r"^(omschrijving|beschrijving|eis|wens|eisen|requirement|description|user\s*story|tekst|specificatie|"
                       r"(eis|wens|eis\s*/\s*wens)\s*(omschrijving|beschrijving|tekst)|(omschrijving|beschrijving)\s+(eis|wens|eis\s*/\s*wens))$", re.I)
_COL_EXPLANATION = re.compile(r"^(toelichting|opmerking(en)?|uitleg|explanation|notes?|remarks?)$", re.I)
_COL_WEIGHT = re.compile(r"^(weging|wegingsfactor|gewicht|weight|punten|points|max(\.|imaal)?\s*(punten|score)|score|percentage)$", re.I)


def classify(title: str) -> str:
    text = _HEADING_NUMBER.sub("", title.strip())
    for kind, pattern in _SECTION_PATTERNS:
        if pattern.search(text):
            return kind
    return "overig"


def segment(doc: Document) -> Document:
    """Fill doc.sections and doc.requirements from its blocks (idempotent)."""
    doc.sections = _sections(doc)
    doc.requirements = _requirements(doc)
    if not doc.requirements and not any(b.kind == "heading" for b in doc.blocks):
        # A loose snippet (one requirement pasted in, `eislint suggest`): every paragraph is one.
        doc.requirements = [r for b in doc.blocks if b.kind in ("paragraph", "list_item")
                            if (r := _item_requirement(doc, b, doc.sections[0], {"eisen"}, loose=True)) is not None]
    return doc


def _sections(doc: Document) -> list[Section]:
    # A CSV file has no headings; its name ("eisen-en-wensen.csv") says what it holds.
    root_kind = classify(re.sub(r"[-_]+", " ", PurePath(doc.path).stem)) if doc.format == "csv" else "overig"
    root = Section(title=doc.path, kind=root_kind, level=0, number="", start=0, end=len(doc.text), heading=None)
    sections = [root]
    stack = [root]
    for block in doc.blocks:
        if block.kind != "heading":
            continue
        title = doc.text[block.content.start:block.content.end].strip()
        clean_title = re.sub(r"[*_`]", "", title)
        m = _HEADING_NUMBER.match(clean_title)
        number = m.group("num") if m else ""
        level = block.level
        if doc.format in ("text", "pdf") and number and "." in number:
            level = number.count(".") + 1
        elif doc.format in ("xlsx", "ods", "csv") and level > 1 and number:
            level = number.count(".") + 2  # numbered group rows nest under the sheet's title
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop().end = block.start
        kind = classify(clean_title)
        parent = stack[-1]
        if kind == "overig" and (parent.heading is not None or parent.kind != "overig"):
            kind = parent.kind
        section = Section(
            title=clean_title, kind=kind, level=level, number=number, start=block.start,
            end=len(doc.text), heading=block, parent=parent,
        )
        sections.append(section)
        stack.append(section)
    return sections


def _requirements(doc: Document) -> list[Requirement]:
    reqs: list[Requirement] = []
    table_columns: dict[str, int] | None = None
    for block in doc.blocks:
        if block.kind == "table_header":
            table_columns = _table_columns(doc, block)
            continue
        if block.kind in ("paragraph", "list_item"):
            table_columns = None  # a heading (a group row in a sheet) keeps the table going
        section = doc.section_at(block.start)
        if section is None:
            continue
        kinds = section.kinds()
        if block.kind == "table_row":
            req = _table_requirement(doc, block, section, table_columns)
            if req is not None:
                reqs.append(req)
            continue
        if block.kind not in ("paragraph", "list_item"):
            continue
        req = _item_requirement(doc, block, section, kinds)
        if req is not None:
            reqs.append(req)
    return reqs


def _item_requirement(doc: Document, block: Block, section: Section, kinds: set[str],
                      loose: bool = False) -> Requirement | None:
    start, end = block.content.start, block.content.end
    text = doc.clean(start, end)
    m = _REQ_ID.match(text)
    req_id = None
    kind = None
    if m:
        req_id = m.group("id").strip()
        kind = _KIND_BY_PREFIX.get(m.group("prefix").lower(), "eis")
        start += m.end()
    elif block.kind == "list_item" and kinds & {"eisen", "wensen", "doelstelling"}:
        if block.marker[:-1].isdigit():
            req_id = block.marker[:-1]
    elif not loose and not (kinds & {"eisen", "wensen"} and _MODAL.search(text)):
        return None
    if req_id is None and block.kind == "list_item" and not kinds & {"eisen", "wensen", "doelstelling"}:
        return None
    if kind is None:
        if "wensen" in kinds and "eisen" not in kinds:
            kind = "wens"
        elif "doelstelling" in kinds and not kinds & {"eisen", "wensen"}:
            kind = "doel"
        else:
            kind = "eis"
    kind = _kind_from_text(doc.clean(start, end), kind)
    while start < end and doc.text[start].isspace():
        start += 1
    if start >= end:
        return None
    return Requirement(id=req_id, kind=kind, start=start, end=end, block=block, section=section)


def _kind_from_text(text: str, default: str) -> str:
    for kind, pattern in _KIND_MARKERS:
        if pattern.search(text):
            return kind
    return default


def _cell_text(doc: Document, block: Block, index: int) -> str:
    if index >= len(block.cells):
        return ""
    cell = block.cells[index]
    return doc.clean(cell.start, cell.end).strip()


def _table_columns(doc: Document, header: Block) -> dict[str, int] | None:
    return column_roles([doc.clean(cell.start, cell.end) for cell in header.cells])


def column_roles(names: list[str]) -> dict[str, int] | None:
    """Which cell of a header row holds the id, kind, text, weight and explanation; None
    when no cell names the requirement text (then it is no requirement table)."""
    cols: dict[str, int] = {}
    for i, raw in enumerate(names):
        name = re.sub(r"\s+", " ", raw).strip().rstrip(":").strip()
        for role, pattern in (("id", _COL_ID), ("kind", _COL_KIND), ("text", _COL_TEXT), ("weight", _COL_WEIGHT),
                              ("explanation", _COL_EXPLANATION)):
            if role not in cols and pattern.match(name):
                cols[role] = i
                break
    return cols if "text" in cols else None


def _table_requirement(doc: Document, block: Block, section: Section, cols: dict[str, int] | None) -> Requirement | None:
    kinds = section.kinds()
    if cols is None or not (kinds & {"eisen", "wensen"} or "id" in cols):
        return None
    if cols["text"] >= len(block.cells):
        return None
    cell = block.cells[cols["text"]]
    if cell.end <= cell.start:
        return None
    req_id = _cell_text(doc, block, cols["id"]) if "id" in cols else None
    kind = "wens" if "wensen" in kinds and "eisen" not in kinds else "eis"
    if "kind" in cols:
        kind = _kind_from_label(_cell_text(doc, block, cols["kind"]), kind)
    kind = _kind_from_text(doc.clean(cell.start, cell.end), kind)
    weight = _cell_text(doc, block, cols["weight"]) if "weight" in cols else None
    explanation = _cell_text(doc, block, cols["explanation"]) if "explanation" in cols else None
    return Requirement(
        id=req_id or None, kind=kind, start=cell.start, end=cell.end, block=block, section=section,
        weight=weight or None, explanation=explanation or None,
    )


def _kind_from_label(label: str, default: str) -> str:
    value = label.lower().strip()
    if not value:
        return default
    if re.match(r"^(ko|knock[-\s]?out|ja)$", value):
        return "knock-out" if value != "ja" else "knock-out"
    if value.startswith(("wens", "should", "could", "w")) or value in ("s", "c"):  # MoSCoW letters
        return "wens"
    if value.startswith(("te ontwikkelen", "to")):
        return "te-ontwikkelen"
    if value.startswith(("eis", "must", "e", "minimum")):
        return "eis"
    if value in ("nee", "-"):
        return default
    return default
