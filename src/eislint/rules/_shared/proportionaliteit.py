"""Functions that weigh demands against the tender context: SLA, turnover, references, assurance.

Helpers shared by more than one rule module."""

from __future__ import annotations

import re


def parse_num(text: str) -> float:
    return (
        float(text.replace(".", "").replace(",", "."))
        if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text)
        else float(text.replace(",", "."))
    )
