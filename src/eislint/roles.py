"""The role of each document in a tender bundle: leidraad, Programma van Eisen, SLA, model contract, ...

A bundle holds more than the buyer's own tender text: annexes with service levels, procedures,
a model agreement, forms. Rules declare the roles they judge (`when: roles / not_roles`), so the
"Doelen" of an SLA are never taken for the tender's goals and a standard model agreement is not
read sentence by sentence. The role comes from the file name and title first (what the buyer
called the document), then from the content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from eislint import dutch
from eislint.document import REQUIREMENT_ID, Document

ROLES = (
    "leidraad",
    "pve",
    "sla",
    "dap",
    "overeenkomst",
    "verwerkersovereenkomst",
    "prijzenblad",
    "formulier",
    "nota-van-inlichtingen",
    "planning",
    "overig",
)

# Dutch names for reports.
ROLE_LABELS = {
    "leidraad": "aanbestedingsleidraad / beschrijvend document",
    "pve": "programma van eisen",
    "sla": "service level agreement",
    "dap": "DAP / dienstverleningsovereenkomst",
    "overeenkomst": "overeenkomst / modelcontract",
    "verwerkersovereenkomst": "verwerkersovereenkomst",
    "prijzenblad": "prijzenblad",
    "formulier": "formulier / verklaring",
    "nota-van-inlichtingen": "nota van inlichtingen",
    "planning": "planning",
    "overig": "overig",
}

# Annexes whose sentences are not the tender's own goals or requirement prose.
ANNEX_ROLES = frozenset(
    {
        "sla",
        "dap",
        "overeenkomst",
        "verwerkersovereenkomst",
        "prijzenblad",
        "formulier",
        "nota-van-inlichtingen",
        "planning",
    }
)

# Checked in order: the more specific name wins ("Verwerkersovereenkomst" before "overeenkomst",
# "SLA (bijlage bij de overeenkomst)" is an SLA, "Beschrijvend document incl. PvE" a leidraad).
_NAME_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.I))
    for role, pattern in (
        ("nota-van-inlichtingen", r"\bnota\s+van\s+inlichtingen\b|\bnvi\b"),
        ("verwerkersovereenkomst", r"verwerk(ers|ings)overeenkomst|\bdata\s*processing\s+agreement\b|\bdpa\b"),
        ("sla", r"service\s*level|\bsla\b|dienstverleningsniveau"),
        ("dap", r"\bdap\b|\bdvo\b|dossier\s+afspraken\s+en\s+procedures|dienstverleningsovereenkomst"),
        (
            "prijzenblad",
            r"prij[sz](en)?(blad|formulier|lijst|opgave|overzicht)|inschrijvingsbiljet|tarievenblad|kostenoverzicht"
            r"|\bprice\s*sheet\b",
        ),
        (
            "formulier",
            r"formulier|\bverklaring\b|\buea\b|uniform\s+europees\s+aanbestedingsdocument|vragenlijst\s+inschrijver"
            r"|\bbiedingsformulier\b",
        ),
        (
            "leidraad",
            r"aanbestedingsleidraad|\bleidraad\b|beschrijvend\s+document|offerteaanvraag|uitnodiging\s+tot\s+inschrijving"
            r"|selectieleidraad|inschrijvingsleidraad|aanbestedingsdocument",
        ),
        (
            "overeenkomst",
            r"overeenkomst|\bcontract\b|\bgibit\b|\barbit\b|\barvodi\b|algemene\s+(inkoop)?voorwaarden"
            r"|inkoopvoorwaarden|\bconvenant\b",
        ),
        (
            "pve",
            r"programma\s+van\s+eisen|\bpve\b|pakket\s+van\s+eisen|\beis(en|enset|enlijst|enpakket)\b|\w+eisen\b"
            r"|requirements?|specificaties|user\s*stor(y|ies)",
        ),
        ("planning", r"\bplanning\b|\btijdschema\b|\btijdlijn\b"),
    )
)

# Standard model texts that the buyer declares applicable rather than writes: judged for how they
# are declared applicable, not sentence by sentence. A "modelovereenkomst" or "conceptovereenkomst"
# of this tender is the buyer's own draft (often GIBIT with its deviations): its clauses are judged.
_MODEL_TEXT = re.compile(
    r"\bgibit\b|\barbit\b|\barvodi\b|\bvng\b|model[-\s]verwerkersovereenkomst|modelverwerkersovereenkomst"
    r"|algemene\s+(inkoop)?voorwaarden|standaard\s*(verwerkers)?overeenkomst|gemeentelijke\s+inkoopvoorwaarden",
    re.I,
)
_ARTICLE = re.compile(r"^\s*(artikel|art\.)\s+\d+", re.I)
_PROCESSOR = re.compile(r"\bverwerker\b", re.I)
_REQUIREMENT_ID = re.compile(r"(?m)^\s*[-*]?\s*\[?(?:E|W|KO|R|FE|NFE|REQ)[-\s]?\d")


@dataclass(slots=True)
class RoleGuess:
    role: str
    reason: str  # Dutch: "titel", "bestandsnaam", "inhoud"
    model_text: bool = False


def _title(doc: Document) -> str:
    """The document's own title: its first heading, or its first line (a PDF has no headings)."""
    for block in doc.blocks[:40]:
        if block.kind == "heading":
            return doc.clean(block.content.start, block.content.end).strip()
    for block in doc.blocks[:5]:
        if block.kind in ("paragraph", "list_item"):
            # the first line: a PDF runs its title into the next lines of the same block
            text = doc.text[block.content.start : block.content.end].strip().split("\n")[0].strip()
            # a title is short and is no sentence or requirement
            if (
                text
                and len(text.split()) <= 12
                and not text.endswith((".", ";", ":"))
                and not REQUIREMENT_ID.match(text)
            ):
                return text
            if text:
                break
    return ""


def _match(text: str) -> str | None:
    for role, pattern in _NAME_PATTERNS:
        if pattern.search(text):
            return role
    return None


def classify(doc: Document) -> RoleGuess:
    stem = re.sub(r"[-_.]+", " ", PurePath(doc.path).stem)
    title = _title(doc)
    role, reason = None, ""
    for text, where in ((title, "titel"), (stem, "bestandsnaam")):
        role = _match(text)
        if role is not None:
            reason = where
            break
    if role is None:
        role, reason = _from_content(doc), "inhoud"
    model = role in ("overeenkomst", "verwerkersovereenkomst") and bool(
        _MODEL_TEXT.search(title) or _MODEL_TEXT.search(stem)
    )
    return RoleGuess(role, reason, model)


def _from_content(doc: Document) -> str:
    headings = [doc.clean(b.content.start, b.content.end) for b in doc.blocks if b.kind == "heading"]
    articles = sum(1 for h in headings if _ARTICLE.match(h))
    text = doc.clean(0, min(len(doc.text), 200_000))
    if articles >= 3:
        return "verwerkersovereenkomst" if len(_PROCESSOR.findall(text)) >= 8 else "overeenkomst"
    if (
        len(_REQUIREMENT_ID.findall(doc.text[:200_000])) >= 5
        or any(b.kind == "table_header" for b in doc.blocks)
        and re.search(
            r"\b(eis|wens|requirement|moscow)\b",
            " ".join(doc.clean(b.content.start, b.content.end) for b in doc.blocks if b.kind == "table_header"),
            re.I,
        )
    ):
        return "pve"
    # a document that is mostly obligations ("Opdrachtnemer garandeert ...", "... moet ...") is a set of requirements
    prose = [
        doc.clean(b.content.start, b.content.end) for b in doc.blocks[:400] if b.kind in ("paragraph", "list_item")
    ]
    demands = sum(1 for t in prose if dutch.is_statement(t))
    if demands >= 5 and demands >= 0.4 * len(prose):
        return "pve"
    return "overig"


def assign(doc: Document) -> Document:
    guess = classify(doc)
    doc.role, doc.role_reason, doc.model_text = guess.role, guess.reason, guess.model_text
    return doc
