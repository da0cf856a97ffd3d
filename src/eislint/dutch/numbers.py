"""Numbers the Dutch way: reading them from tender text and writing them for readers.

Tenders write '1.500.000', '99,5' and 'drie'; reports write '4,2 keer' and '€ 1.500.000'. Every
module reads and writes numbers through these functions.
"""

from __future__ import annotations

import re

from eislint.dutch.vocabulary import NUMBER_WORDS

_SWAP = str.maketrans(",.", ".,")  # English grouping to Dutch
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def parse_number(raw: str) -> float:
    """A Dutch number as written in tenders: '1.500.000', '99,5', '2,5', 'drie'.

    A period is a thousands separator only in the grouped form ('1.500', '12.000.000'); '2.5'
    is read as two and a half, as tenders written in English notation mean it.
    """
    text = raw.strip().lower()
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    text = text.replace(" ", "")
    if _THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def getal(value: float, decimals: int | None = None) -> str:
    """A number the Dutch way: thousands with a dot, decimals with a comma ('1.500.000', '4,2').

    Without `decimals`, whole numbers have none and others get one.
    """
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"  # 1,500,000.5 (English grouping)
    return text.translate(_SWAP)


def kort_getal(value: float) -> str:
    """A number in its shortest form with a decimal comma ('12,5', '40', '33,3333'), as a sum of
    weights is written ('40 + 30 + 30')."""
    return f"{value:g}".replace(".", ",")


def bedrag(value: float) -> str:
    """An amount in euros as tenders write it: '€ 1.500.000' (cents only when there are any: '€ 12,50')."""
    return f"€ {getal(value, 0 if float(value).is_integer() else 2)}"
