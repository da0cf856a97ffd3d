"""'Bedoelt u ...?' for a misspelt key, rule id, option or value (as ruff and sqlfluff do)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def hint(value: object, known: Iterable[str]) -> str:
    """' Bedoelt u 'x'?' for the closest known name, or ''."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, sorted(set(known)), n=1, cutoff=0.55)
    if not close:
        close = difflib.get_close_matches(value.lower(), sorted(set(known)), n=1, cutoff=0.55)
    return f" Bedoelt u '{close[0]}'?" if close else ""


_NEUTER = frozenset({"uitvoerformaat", "formaat", "pakket", "bestand", "document", "veld"})


def unknown(kind: str, value: object, known: Iterable[str], where: str = "", show: bool = True) -> str:
    """ "onbekende sleutel 'x' in 'nlp'. Bedoelt u 'model'? (bekend: model)"."""
    known = sorted(set(known))
    adjective = "onbekend" if kind in _NEUTER else "onbekende"  # het uitvoerformaat, de sleutel
    text = f"{adjective} {kind} '{value}'" + (f" in '{where}'" if where else "") + "."
    text += hint(value, known)
    if show and known and len(known) <= 20:
        text += f" (bekend: {', '.join(known)})"
    return text
