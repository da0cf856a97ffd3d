"""Find a Document's sections (classified by their title) and its requirements."""

from __future__ import annotations

import re
from pathlib import PurePath

from eislint import roles
from eislint.document import REQUIREMENT_ID, Block, Document, Requirement, Section
from eislint.dutch import BUYER_SUBJECT, SERVICE_NORM, is_statement
from eislint.readers import format_of

# Checked in order: the first kind whose pattern matches the title wins, so "gunningscriteria
# kwaliteit" is gunning and "prijs-kwaliteitverhouding" is not prijs.
_SECTION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        # "Subcriteria kwaliteit" and "Kwaliteitscriteria" are award criteria, not quality assurance
        (
            "gunning",
            r"gunning|beoordel(?:ing|en\b)|scorings?|beste\s+prijs|prijs[-\s]?kwaliteit|\bbpkv\b|\bemvi\b|wegings?|award|"
            r"subcriteri|kwaliteitscriteri|\bcriteri(um|a)\b",
        ),
        # "Selectie-eisen" are suitability demands on the tenderer, not the Programma van Eisen
        ("randvoorwaarden", r"(selectie|geschiktheids|kwalificatie|uitsluitings)[-\s]?(eisen|criteria|gronden)"),
        ("wensen", r"^(?!.*\beisen\b).*\bwens(en)?\b"),
        (
            "eisen",
            r"\beis(en)?\b|programma\s+van\s+eisen|pakket\s+van\s+eisen|\bpve\b|requirements|knock[-\s]?out|functionele|technische\s+specificatie|specificaties",
        ),
        ("doelstelling", r"\bdoel(en|stelling|stellingen)?\b|ambitie|beoogd(e)?\s+resultaat|resultaten"),
        (
            "aanleiding",
            r"aanleiding|achtergrond|inleiding|huidige\s+situatie|context|introductie|over\s+de\s+(gemeente|organisatie)",
        ),
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
    "ko": "knock-out",
    "k.o.": "knock-out",
    "knock-out": "knock-out",
    "knockout": "knock-out",
    "e": "eis",
    "r": "eis",
    "fe": "eis",
    "nfe": "eis",
    "te": "eis",
    "req": "eis",
    "eis": "eis",
    "w": "wens",
    "wens": "wens",
    "d": "doel",
    "doel": "doel",
    "to": "te-ontwikkelen",
}
_KIND_MARKERS = (
    ("knock-out", re.compile(r"\(\s*(knock[-\s]?out|KO)\s*\)|\[\s*(knock[-\s]?out|KO)\s*\]|^knock[-\s]?out\b", re.I)),
    ("te-ontwikkelen", re.compile(r"\bte\s+ontwikkelen\b", re.I)),
    ("wens", re.compile(r"^\s*\(?wens\)?\s*[:\-–]", re.I)),
)
# Parts of a PvE or SLA that explain rather than demand.
_INTRO_TITLE = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:inleiding|leeswijzer|introductie|toelichting|instructies?|doel\w*(?:\s+en\s+\w+)?|doel\w*\s+van\b.*"
    r"|definities|begrippen(?:lijst)?|afkortingen|achtergrond|context|versiebeheer|documentbeheer|wijzigingen|ondertekening"
    r"|scope|reikwijdte|opbouw(?:\s+van\s+\w+(?:\s+\w+)?)?|over\s+dit\s+document)\W*$",
    re.I,
)
# The purpose of the document itself, not of the tender: "Doel van dit document", "Doel van deze SLA".
_DOCUMENT_PURPOSE = re.compile(
    r"\bdoel(?:en|stelling)?\s+(?:en\s+\w+\s+)?van\s+(?:dit|deze|de|het)\s+(?:document|bijlage|leidraad|sla|dap|dvo"
    r"|overeenkomst|hoofdstuk|paragraaf|procedure\b(?!\s+\w)|nota|formulier|programma\s+van\s+eisen|beschrijvend\s+document"
    r"|service\s*level\s+agreement|verwerkersovereenkomst|dossier)\b",
    re.I,
)

# Column names of requirement tables, Dutch and English.
_COL_ID = re.compile(
    r"^(nr\.?|no\.?|nummer|id|code|ref(erentie)?\.?|#|(eis|wens|req(uirement)?)[-\s]?(nummer|nr\.?|id|code))$", re.I
)
_COL_KIND = re.compile(
    r"^(type|soort|(soort|type)\s+eis|eis\s*/\s*wens|e\s*/\s*w|eis\s+of\s+wens|prioriteit|priority|moscow|knock[-\s]?out|k\.?o\.?)$",
    re.I,
)
_COL_TEXT = re.compile(
    r"^(omschrijving|beschrijving|eis|wens|eisen|requirement|description|user\s*story|tekst|specificatie|"
    r"(?:knock[-\s]?out|ko|minimum)[-\s]?(?:eis|eisen|criterium|criteria)|"
    r"(eis|wens|eis\s*/\s*wens)\s*(omschrijving|beschrijving|tekst)|(omschrijving|beschrijving)\s+(eis|wens|eis\s*/\s*wens))$",
    re.I,
)
_COL_EXPLANATION = re.compile(r"^(toelichting|opmerking(en)?|uitleg|explanation|notes?|remarks?)$", re.I)
_COL_WEIGHT = re.compile(
    r"^(weging|wegingsfactor|gewicht|weight|punten|points|max(\.|imaal)?\s*(punten|score)|score|percentage)$", re.I
)


def classify(title: str) -> str:
    text = _HEADING_NUMBER.sub("", title.strip())
    for kind, pattern in _SECTION_PATTERNS:
        if pattern.search(text):
            return kind
    return "overig"


def segment(doc: Document) -> Document:
    """Fill doc.role, doc.sections and doc.requirements from its blocks (idempotent)."""
    roles.assign(doc)
    doc.sections = _sections(doc)
    doc.requirements = _requirements(doc)
    if not doc.requirements and not any(b.kind == "heading" for b in doc.blocks) and doc.role in ("overig", "pve"):
        # A loose snippet (one requirement pasted in, `eislint suggest`): every paragraph is one.
        doc.requirements = [
            r
            for b in doc.blocks
            if b.kind in ("paragraph", "list_item")
            if (r := _item_requirement(doc, b, doc.sections[0], {"eisen"}, loose=True)) is not None
        ]
    return doc


def _sections(doc: Document) -> list[Section]:
    fmt = format_of(doc)
    # A file without a title row (CSV): its name ("eisen-en-wensen.csv") says what it holds.
    root_kind = classify(re.sub(r"[-_]+", " ", PurePath(doc.path).stem)) if fmt.kind_from_name else "overig"
    root = Section(title=doc.path, kind=root_kind, level=0, number="", start=0, end=len(doc.text), heading=None)
    sections = [root]
    stack = [root]
    for block in doc.blocks:
        if block.kind != "heading":
            continue
        title = doc.text[block.content.start : block.content.end].strip()
        clean_title = re.sub(r"[*_`]", "", title)
        m = _HEADING_NUMBER.match(clean_title)
        number = m.group("num") if m else ""
        level = block.level
        if fmt.numbered_headings == "depth" and number and "." in number:
            level = number.count(".") + 1
        elif fmt.numbered_headings == "under-sheet" and level > 1 and number:
            level = number.count(".") + 2  # numbered group rows nest under the sheet's title
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop().end = block.start
        kind = classify(clean_title)
        if kind == "doelstelling" and (doc.role in roles.ANNEX_ROLES or _DOCUMENT_PURPOSE.search(clean_title)):
            kind = "overig"  # the aims of an SLA or of the document itself are not the tender's goals
        parent = stack[-1]
        if kind == "overig" and (parent.heading is not None or parent.kind != "overig"):
            kind = parent.kind
        section = Section(
            title=clean_title,
            kind=kind,
            level=level,
            number=number,
            start=block.start,
            end=len(doc.text),
            heading=block,
            parent=parent,
        )
        sections.append(section)
        stack.append(section)
    return sections


# Documents that hold no requirements of the buyer: model agreements, forms, price sheets.
_NO_REQUIREMENTS = frozenset(
    {"verwerkersovereenkomst", "prijzenblad", "formulier", "nota-van-inlichtingen", "planning"}
)
# In a PvE every part that is not an introduction bears requirements; in an SLA or DAP the
# obligations are requirements too (service levels, procedures).
_STATEMENT_ROLES = frozenset({"pve", "sla", "dap"})
_NOT_BEARING = frozenset({"aanleiding", "doelstelling", "gunning", "prijs", "contract", "randvoorwaarden"})


# "Artikel 15 Aanvullende afspraken", "Afwijkingen van het model": what the buyer adds to a model text.
_ADDITIONS = re.compile(
    r"\b(?:aanvull\w*|afwijking\w*|aanvullende\s+(?:afspraken|bepalingen|eisen)|specifieke\s+(?:afspraken|bepalingen))\b",
    re.I,
)


def _mode(doc: Document, section: Section) -> str | None:
    """How requirements are found in a section: 'eisen' (an eisen or wensen part), 'statements'
    (any obligation statement counts), or None (no requirements here)."""
    if doc.role in ("overeenkomst", "verwerkersovereenkomst") and _ADDITIONS.search(section.title):
        return "statements"  # the buyer's own additions to a model agreement: its demands on the supplier
    if doc.role in _NO_REQUIREMENTS or (doc.role == "overeenkomst" and doc.model_text):
        return None
    kinds = section.kinds()
    if doc.role == "overeenkomst":
        # the supplier's obligations in a contract the buyer wrote
        return "statements" if not _intro(section) and not kinds & {"aanleiding", "doelstelling"} else None
    if kinds & {"eisen", "wensen"}:
        return "eisen"
    if (
        kinds & {"randvoorwaarden", "contract", "prijs"}
        and doc.role in ("leidraad", "pve", "overig")
        and not _intro(section)
        and not re.search(r"uitsluiting", section.title, re.I)
    ):  # exclusion grounds are the law's, not the buyer's
        return (
            "statements"  # geschiktheidseisen: what the bidder must show; contract and price terms the supplier accepts
        )
    if doc.role in _STATEMENT_ROLES and not kinds & _NOT_BEARING and not _intro(section):
        return "statements"
    return None


def _intro(section: Section) -> bool:
    node: Section | None = section
    while node is not None and node.heading is not None:
        if _INTRO_TITLE.match(node.title) or _DOCUMENT_PURPOSE.search(node.title):
            return True
        node = node.parent
    return False


def _requirements(doc: Document) -> list[Requirement]:
    scan = _RequirementScan(doc)
    for i, block in enumerate(doc.blocks):
        scan.block(i, block)
    return scan.reqs


class _RequirementScan:
    """The requirements of a document, block by block: table rows under their header, lead-ins
    with the list items that complete them, statements in prose."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.reqs: list[Requirement] = []
        self.table_columns: dict[str, int] | None = None
        self.stem: tuple[str, int, bool] | None = None  # (lead-in text, indent, is a list item)
        self.covered = -1  # items up to this offset belong to a lead-in that is one requirement with them

    def block(self, i: int, block: Block) -> None:
        doc = self.doc
        if block.start < self.covered:
            return
        if block.kind == "table_header":
            self.table_columns = _table_columns(doc, block)
            return
        if block.kind in ("paragraph", "list_item"):
            self.table_columns = None  # a heading (a group row in a sheet) keeps the table going
        if block.kind == "heading":
            self.stem = None
        section = doc.section_at(block.start)
        if section is None:
            return
        mode = _mode(doc, section)
        if block.kind == "table_row":
            req = _table_requirement(doc, block, section, self.table_columns, mode)
            if req is not None:
                self.reqs.append(req)
            return
        if block.kind not in ("paragraph", "list_item"):
            return
        stem = self.stem
        if stem is not None and (block.kind != "list_item" or (stem[2] and block.indent <= stem[1])):
            self.stem = None
        text = doc.clean(block.content.start, block.content.end).strip()
        if not self._lead_in(i, block, section, mode, text):
            self._statement(block, section, mode, text)

    def _lead_in(self, i: int, block: Block, section: Section, mode: str | None, text: str) -> bool:
        """A paragraph ending in ':' with list items below: one demand with its list, or a lead-in
        the items complete. False: no lead-in."""
        blocks = self.doc.blocks
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if not (
            text.endswith(":")
            and nxt is not None
            and nxt.kind == "list_item"
            and (block.kind == "paragraph" or nxt.indent > block.indent)
        ):
            return False
        items = _items_after(blocks, i)
        if all(_verbless(self.doc, b) for b in items):
            # "... levert jaarlijks: - het beveiligingsbeleid; - het verslag ...": one demand with its list
            req = _item_requirement(self.doc, block, section, section.kinds(), mode=mode)
            if req is not None:
                req.end = items[-1].content.end
                self.reqs.append(req)
                self.covered = items[-1].end
                return True
        # a lead-in: the items below complete it and are the requirements
        self.stem = (text, block.indent, block.kind == "list_item")
        return True

    def _statement(self, block: Block, section: Section, mode: str | None, text: str) -> None:
        doc, stem = self.doc, self.stem
        if mode == "statements" and doc.role == "pve" and block.kind == "paragraph" and _plain_statement(text):
            mode = "pve-prose"
        if doc.role == "formulier" and stem is not None and block.kind == "list_item" and _DECLARATION.search(stem[0]):
            # "Door ondertekening verklaart inschrijver dat: - hij beschikt over ...": what the bidder
            # declares are selection demands, whatever form they come in
            req = _item_requirement(doc, block, section, {"randvoorwaarden"}, mode="eisen")
            if req is not None:
                req.kind, req.lead = "selectie", stem[0]
                self.reqs.append(req)
            return
        req = _item_requirement(doc, block, section, section.kinds(), mode=mode)
        if req is not None:
            if stem is not None and block.kind == "list_item":
                req.lead = stem[0]
            self.reqs.append(req)


_DECLARATION = re.compile(r"\bverkla(?:a|r)r\w*|\bverklaring\b", re.I)


def _items_after(blocks: list[Block], i: int) -> list[Block]:
    """The list items that complete the lead-in at blocks[i] (deeper items included)."""
    lead = blocks[i]
    out = []
    for block in blocks[i + 1 :]:
        if block.kind != "list_item" or (lead.kind == "list_item" and block.indent <= lead.indent):
            break
        out.append(block)
    return out


_VERB = re.compile(r"\b(?:is|zijn|wordt|worden|kan|kunnen|heeft|hebben|te\s+\w+en)\b", re.I)


def _verbless(doc: Document, block: Block) -> bool:
    """An item that names a thing ('het verslag van de uitwijktest', 'de diensten die zij leveren'):
    no verb before a relative clause."""
    text = doc.clean(block.content.start, block.content.end)
    head = re.split(r"\b(?:die|dat|welke|waarin|waarmee|waarop|waarvan|waarbij|met)\b", text, maxsplit=1)[0]
    return len(text.split()) <= 15 and not is_statement(head) and not _VERB.search(head)


# In a PvE the prose of a requirement part states requirements, also in the present tense ("Alle
# verbindingen zijn versleuteld", "Kwetsbaarheden worden binnen 72 uur verholpen"); sentences about
# the document itself, questions and permissions ("Opdrachtnemer mag ...") do not.
_NOT_A_DEMAND = re.compile(
    r"^\s*(?:(?:in\s+)?(?:dit|deze)\s+(?:hoofdstuk|paragraaf|bijlage|document)|hieronder|hierna|onderstaande|de\s+volgende\s+eisen"
    r"|(?:deze|de\s+volgende|onderstaande|alle)\s+(?:eisen|wensen|requirements|user\s+stories)\s+(?:beschrijven|bevatten|gaan|staan|zijn\s+(?:ingedeeld|verdeeld|genummerd))"
    r"|zie\s|let\s+op|toelichting|n\.?b\.?)\b|\?\s*$|^\s*(?:de\s+)?(?:opdrachtnemer|inschrijver|leverancier)\s+(?:mag|mogen)\b",
    re.I,
)


_GOAL_META = re.compile(
    r"^\s*(?:(?:in\s+)?(?:dit|deze)\s+(?:hoofdstuk|paragraaf|document|bijlage)|hieronder|hierna|onderstaande"
    r"|(?:de|onze)\s+(?:doelen|doelstellingen)\s+(?:zijn|luiden))\b|:\s*$",
    re.I,
)


_ABOUT_THE_DOCUMENT = re.compile(
    r"^\s*(?:(?:in\s+)?(?:dit|deze)\s+(?:hoofdstuk|paragraaf|bijlage|document)\s+(?:beschrijft|bevat|staan|geeft|vindt)"
    r"|(?:deze|de\s+volgende|onderstaande|alle)\s+(?:eisen|wensen|requirements|user\s+stories)\s+(?:beschrijven|bevatten|gaan\s+over"
    r"|zijn\s+(?:ingedeeld|verdeeld|genummerd|gegroepeerd)))\b"
    # how to write the answer, not what to be or deliver: "beschrijft één referentie in maximaal twee pagina's"
    r"|^.{0,120}?\bin\s+(?:maximaal|ten\s+hoogste|hooguit|niet\s+meer\s+dan)\s+\S+\s+(?:pagina|A4|woorden|kantje)",
    re.I,
)


def _goal_paragraph(text: str) -> bool:
    """A paragraph in the goal part that states a goal, not a lead-in or a sentence about the document."""
    return len(text.split()) >= 4 and not _GOAL_META.search(text)


def _plain_statement(text: str) -> bool:
    return len(text.split()) >= 4 and text.rstrip().endswith((".", ";")) and not _NOT_A_DEMAND.search(text)


def _item_requirement(
    doc: Document, block: Block, section: Section, kinds: set[str], loose: bool = False, mode: str | None = "eisen"
) -> Requirement | None:
    start, end = block.content.start, block.content.end
    text = doc.clean(start, end)
    m = _REQ_ID.match(text)
    req_id = None
    kind = None
    if m and doc.role not in _NO_REQUIREMENTS and not doc.model_text:
        req_id = m.group("id").strip()
        kind = _KIND_BY_PREFIX.get(m.group("prefix").lower(), "eis")
        start += m.end()
    else:
        found, req_id = _item_without_id(doc, block, kinds, text, loose, mode)
        if not found:
            return None
    if kind is None:
        kind = _kind_of_part(doc, kinds)
    body = doc.clean(start, end)
    kind = _kind_from_text(body, kind)
    while start < end and doc.text[start].isspace():
        start += 1
    if start >= end:
        return None
    return Requirement(
        id=req_id,
        kind=kind,
        start=start,
        end=end,
        block=block,
        section=section,
        priority=_priority(body) or _priority(section.title),
    )


def _item_without_id(
    doc: Document, block: Block, kinds: set[str], text: str, loose: bool, mode: str | None
) -> tuple[bool, str | None]:
    """Whether an item without a requirement id is a requirement, and the id its list number gives."""
    number = block.marker[:-1] if block.marker[:-1].isdigit() else None
    if (
        kinds & {"doelstelling"}
        and mode is None
        and doc.role not in _NO_REQUIREMENTS
        and (block.kind == "list_item" or _goal_paragraph(text))
    ):
        return True, number
    if block.kind == "list_item" and mode == "eisen":
        return True, number
    if (block.kind == "list_item" and mode == "statements" and doc.role == "pve") or mode == "pve-prose":
        return True, None  # a bullet or a statement in a requirement part of a PvE
    if not loose and not (mode is not None and (is_statement(text) or _service_norm(doc, mode, text))):
        return False, None
    if _ABOUT_THE_DOCUMENT.match(text):
        return False, None  # "Deze requirements beschrijven wat de oplossing moet ondersteunen": about the list
    return True, None


def _kind_of_part(doc: Document, kinds: set[str]) -> str:
    """The kind of a requirement without a marked kind, from the part it stands in."""
    if doc.role == "overeenkomst":
        return "bepaling"
    if "wensen" in kinds and "eisen" not in kinds:
        return "wens"
    if "doelstelling" in kinds and not kinds & {"eisen", "wensen"}:
        return "doel"
    if "randvoorwaarden" in kinds and not kinds & {"eisen", "wensen"}:
        return "selectie"
    if kinds & {"contract", "prijs"} and not kinds & {"eisen", "wensen"}:
        return "bepaling"
    return "eis"


def _service_norm(doc: Document, mode: str | None, text: str) -> bool:
    return (
        mode == "statements"
        and doc.role in ("sla", "dap")
        and _plain_statement(text)
        and bool(SERVICE_NORM.search(text))
        and not BUYER_SUBJECT.match(text)
    )


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


_COL_NORM = re.compile(
    r"^(?:(?:service)?norm(?:waarde)?|waarde|reactietijd|oplostijd|hersteltijd|responstijd|doorlooptijd"
    r"|beschikbaarheid)$",
    re.I,
)


_COL_DEMAND = re.compile(r"^(?:eis|eisen|wens|wensen|requirement|user\s*story|specificatie)$", re.I)


def _table_columns(doc: Document, header: Block) -> dict[str, int] | None:
    names = [doc.clean(cell.start, cell.end) for cell in header.cells]
    cols = column_roles(names)
    if doc.role in ("sla", "dap") and (cols is None or not _COL_DEMAND.match(names[cols["text"]].strip(" :"))):
        # A table of service levels ('Norm | Waarde', 'Prioriteit | Omschrijving | Reactietijd | Oplostijd'):
        # each row is one requirement, and what is demanded are its norms; the description of a
        # priority or service ('Hinder voor enkele gebruikers') defines, it does not demand.
        norms = [i for i, n in enumerate(names) if _COL_NORM.match(re.sub(r"\s+", " ", n).strip(" :"))]
        if norms:
            return {"norm": norms[0], "norm_last": norms[-1]}
    return cols


def column_roles(names: list[str]) -> dict[str, int] | None:
    """Which cell of a header row holds the id, kind, text, weight and explanation; None
    when no cell names the requirement text (then it is no requirement table)."""
    cols: dict[str, int] = {}
    for i, raw in enumerate(names):
        name = re.sub(r"\s+", " ", raw).strip().rstrip(":").strip()
        for role, pattern in (
            ("id", _COL_ID),
            ("kind", _COL_KIND),
            ("text", _COL_TEXT),
            ("weight", _COL_WEIGHT),
            ("explanation", _COL_EXPLANATION),
        ):
            if role not in cols and pattern.match(name):
                cols[role] = i
                break
    return cols if "text" in cols else None


def _table_requirement(
    doc: Document, block: Block, section: Section, cols: dict[str, int] | None, mode: str | None = "eisen"
) -> Requirement | None:
    kinds = section.kinds()
    if cols is None or doc.role in _NO_REQUIREMENTS or doc.model_text or not (mode is not None or "id" in cols):
        return None
    if "norm" in cols:  # a service-level row: its norm cells are the demand
        cells = block.cells[cols["norm"] : cols["norm_last"] + 1]
        if not any(c.end > c.start for c in cells):
            return None
        return Requirement(
            id=None, kind="eis", start=cells[0].start, end=cells[-1].end, block=block, section=section, norm=True
        )
    if cols["text"] >= len(block.cells):
        return None
    cell = block.cells[cols["text"]]
    if cell.end <= cell.start:
        return None
    req_id = _cell_text(doc, block, cols["id"]) if "id" in cols else None
    kind, priority = _row_kind(doc, block, cols, kinds, req_id)
    kind = _kind_from_text(doc.clean(cell.start, cell.end), kind)
    weight = _cell_text(doc, block, cols["weight"]) if "weight" in cols else None
    explanation = _cell_text(doc, block, cols["explanation"]) if "explanation" in cols else None
    return Requirement(
        id=req_id or None,
        kind=kind,
        start=cell.start,
        end=cell.end,
        block=block,
        section=section,
        weight=weight or None,
        explanation=explanation or None,
        priority=priority or _priority(doc.clean(cell.start, cell.end)) or _priority(section.title),
    )


def _row_kind(
    doc: Document, block: Block, cols: dict[str, int], kinds: set[str], req_id: str | None
) -> tuple[str, str | None]:
    """A table row's kind from its part, its id ("KO3", "W12") and its kind column, and the
    priority that column gives."""
    kind = "wens" if "wensen" in kinds and "eisen" not in kinds else "eis"
    if req_id and (m := _REQ_ID.match(req_id + " ")) is not None:
        kind = _KIND_BY_PREFIX.get(m.group("prefix").lower(), kind)  # "KO3", "W12" in an id column
    priority = None
    if "kind" in cols:
        label = _cell_text(doc, block, cols["kind"])
        kind = _kind_from_label(label, kind)
        priority = _priority(label, bare=True)
    return kind, priority


_MOSCOW = {
    "must": "must",
    "m": "must",
    "should": "should",
    "s": "should",
    "could": "could",
    "c": "could",
    "won't": "wont",
    "wont": "wont",
    "won’t": "wont",
    "w": "wont",
}
_PRIORITY_MARK = re.compile(
    r"(?:\(|\[|\b(?:moscow|prioriteit|priority)\s*[:=]?\s*)\s*(must|should|could|won[’']?t)(?:\s+have)?\b", re.I
)


def _priority(text: str, bare: bool = False) -> str | None:
    """MoSCoW priority written in a kind column ('Should', 'C') or marked in a text ('(Could)',
    'MoSCoW: Won't')."""
    if bare:
        value = re.sub(r"\s+have$", "", text.strip().lower())
        return _MOSCOW.get(value)
    m = _PRIORITY_MARK.search(text)
    return _MOSCOW.get(m.group(1).lower().replace("’", "'")) if m else None


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
