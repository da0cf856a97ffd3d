"""metric: a measured quantity against a threshold (length, sentences, award weights)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from eislint.checks.base import CheckType, Context, Hit, Option, Unit
from eislint.dutch.numbers import kort_getal, parse_number

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def _words(unit: Unit) -> Iterator[tuple[float, int, int, dict]]:
    yield float(len(_WORD.findall(unit.text))), unit.start, unit.end, {}


def _characters(unit: Unit) -> Iterator[tuple[float, int, int, dict]]:
    yield float(len(unit.text.strip())), unit.start, unit.end, {}


def _sentences(unit: Unit) -> Iterator[tuple[float, int, int, dict]]:
    yield float(len(unit.sentences())), unit.start, unit.end, {}


def _sentence_words(unit: Unit) -> Iterator[tuple[float, int, int, dict]]:
    # In a requirement the pieces of its demand analysis: sentences, split further at ';' and at an
    # inline enumeration ("waarbij: 1. ...; 2. ..."), which is a list, not one long sentence.
    demand = unit.demand()
    spans = [p for p in demand.pieces] if demand is not None else unit.sentences()
    for span in spans:
        yield float(len(_WORD.findall(unit.slice(span.start, span.end)))), span.start, span.end, {}


def _award_weights(unit: Unit) -> Iterator[tuple[float, int, int, dict]]:
    from eislint.structures.award import award_scheme

    for group in award_scheme(unit).weight_groups:
        yield group.total, group.start, group.end, {"doel": kort_getal(group.target), "onderdelen": group.describe()}


MEASURES: dict[str, Callable[[Unit], Iterator[tuple[float, int, int, dict]]]] = {
    "words": _words,
    "characters": _characters,
    "sentences": _sentences,
    "sentence_words": _sentence_words,
    "award_weights": _award_weights,
}


class Metric(CheckType):
    name = "metric"
    options = {
        "measure": Option(str, required=True, choices=tuple(MEASURES)),
        "max": Option((int, float), default=None),
        "min": Option((int, float), default=None),
        "equals": Option((int, float, str), default=None, doc="een getal, of 'doel' (de maat bepaalt het doel)"),
        "tolerance": Option((int, float), default=0.01),
    }

    def validate(self, options: dict[str, Any]) -> list[tuple[Any, str]]:
        if all(options.get(k) is None for k in ("max", "min", "equals")):
            return [("measure", "geef 'max', 'min' of 'equals'")]
        if isinstance(options.get("equals"), str) and options["equals"] != "doel":
            return [("equals", "'equals' is een getal of 'doel'")]
        return []

    def run(self, p: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        for value, start, end, data in MEASURES[p["measure"]](unit):
            target = p["equals"]
            if target == "doel":
                target = parse_number(data["doel"]) if "doel" in data else None
            bad = (
                (p["max"] is not None and value > p["max"])
                or (p["min"] is not None and value < p["min"])
                or (target is not None and abs(value - float(target)) > p["tolerance"])
            )
            if bad:
                data = {"waarde": kort_getal(value), "max": p["max"], "min": p["min"], **data}
                yield Hit(start, end, data=data)
