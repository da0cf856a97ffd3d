"""volledigheid.sjabloontekst: Placeholders and deferred terms the buyer left in a tender about to be published: '<invullen>',
'[datum]', '[X] jaar', 'nader te bepalen', 'TBD'. Fields the bidder or the winner fills in
('[naam Opdrachtnemer]', 'Handtekening: ____') and standard model texts are left alone; so are
the blanks of a form or price sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Unit

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


_BUYERS_TERM = re.compile(
    r"^(?:x+|\.\.\.|…)$|invullen|aan\s*te\s*vullen|\bnog\b|uit\s+te\s+werken|aantal|termijn|bedrag|periode"
    r"|percentage|jaar|maand|dagen|uur|tarief|prijs|looptijd|waarde",
    re.I,
)


# What a one-word blank stands for: a kind of value the buyer fills in ("[datum]", "<gemeente>").
_VALUE_WORD = re.compile(
    r"x+|n|pm|datum|naam|gemeente|organisatie|opdrachtgever|plaats|adres|versie|kenmerk|nummer"
    r"|omschrijving|contactpersoon|e-?mail|telefoon(?:nummer)?|website|url|\w*datum|\w*naam",
    re.I,
)


# A blank after a label of the procedure's own dates ("Uiterste inschrijvingsdatum: [datum]"), known before publication.
_BUYERS_LABEL = re.compile(r"\b(?:uiterste|inschrijvings|sluitings|publicatie)\w*\s*:?\s*$", re.I)


_SIGNING_LINE = re.compile(r"\b(?:plaats|datum|naam|functie|handtekening|namens|ondertekend)\s*:?\s*$", re.I)


_NOT_PLACEHOLDER = re.compile(
    r"^[<\[]\s*(?:https?:\S*|www\.\S*|mailto:\S*|\S+@\S+|\d+(?:[.,]\d+)*|…|\.\.\.)\s*[>\]]$",
    re.I,
)


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    # in an agreement or a form the blanks for the parties' details are filled in when signing; only
    # the buyer's own terms left open count there ("[X] jaar", "<invullen>", "[aantal]")
    signing_document = doc.model_text or doc.role in (
        "overeenkomst",
        "verwerkersovereenkomst",
        "formulier",
    )
    for m in _PLACEHOLDER.finditer(unit.text):
        text = m.group("match")
        if _NOT_PLACEHOLDER.match(text.strip()):
            continue
        if text.startswith(("<", "[")):
            inner = text.strip("<>[] ")
            if not re.search(r"[A-Za-zÀ-ÿ]", inner) and not re.fullmatch(r"x+|\.\.\.|…", inner, re.I):
                continue
            line_before = unit.text[: m.start()].rsplit("\n", 1)[-1]
            if _FOR_THE_BIDDER.search(inner) or _SIGNING_LINE.search(line_before):
                continue
            if signing_document and not _BUYERS_TERM.search(inner) and not _BUYERS_LABEL.search(line_before):
                continue
            if (
                inner[:1].isupper()
                and " " not in inner
                and inner.lower() not in ("datum", "naam", "bedrag", "aantal", "pm", "x", "xx")
            ):
                continue  # "[Beklaagde]", "<Opdrachtgever>": a name written in brackets, not a blank to fill
            if " " not in inner and not _BUYERS_TERM.search(inner) and not _VALUE_WORD.fullmatch(inner):
                continue  # one word that names no kind of value ("[doubtful]", "[backdoors]"): a tag or a note
        start = unit.start + m.start("match")
        yield Hit(start, start + len(text))
