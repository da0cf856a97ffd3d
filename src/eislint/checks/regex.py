"""regex: regular expressions over the analysis text of a unit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eislint.checks.base import (
    CheckType,
    Context,
    Hit,
    Option,
    Unit,
    compile_regexes,
    inside_exception,
    regex_errors,
    unless_blocks,
)


class Regex(CheckType):
    name = "regex"
    options = {
        "patterns": Option(list, required=True, doc="reguliere expressies; groep 'match' bepaalt wat gemarkeerd wordt"),
        "ignorecase": Option(bool, default=True),
        "unless": Option(list, default=[]),
        "unless_scope": Option(str, default="sentence", choices=("sentence", "unit", "paragraph")),
        "exceptions": Option(list, default=[]),
        "replacement": Option(
            str, default=None, doc="vervanging voor de treffer (voor suggestie en fix); {match} staat voor de treffer"
        ),
        "first_only": Option(bool, default=False),
        "in_demand": Option(
            bool, default=False, doc="alleen in de eis zelf, niet in motivering, voorbeeld of toelichting"
        ),
    }

    def validate(self, options: dict[str, Any]) -> list[tuple[Any, str]]:
        return (
            regex_errors("patterns", options.get("patterns"))
            + regex_errors("unless", options.get("unless"))
            + regex_errors("exceptions", options.get("exceptions"))
        )

    def prepare(self, options: dict[str, Any], ctx: Context) -> Any:
        return {
            "patterns": compile_regexes(options["patterns"], options["ignorecase"]),
            "unless": compile_regexes(options["unless"]),
            "unless_scope": options["unless_scope"],
            "exceptions": compile_regexes(options["exceptions"]),
            "replacement": options["replacement"],
            "first_only": options["first_only"],
            "in_demand": options["in_demand"],
        }

    def may_match(self, p: Any, text: str) -> bool:
        return any(pattern.search(text) for pattern in p["patterns"])

    def run(self, p: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        seen: set[tuple[int, int]] = set()
        for pattern in p["patterns"]:
            group = "match" if "match" in pattern.groupindex else 0
            for m in pattern.finditer(unit.text):
                if m.start(group) < 0:
                    continue
                start, end = unit.start + m.start(group), unit.start + m.end(group)
                # two patterns on the same words are one finding
                if any(a < end and start < b for a, b in seen) or inside_exception(unit, start, end, p["exceptions"]):
                    continue
                if p["in_demand"] and not unit.in_demand(start, end):
                    continue
                if unless_blocks(unit, start, end, p["unless"], p["unless_scope"]):
                    continue
                seen.add((start, end))
                data = {k: v for k, v in m.groupdict().items() if v is not None}
                replacement = p["replacement"]
                if replacement is not None:  # "{match} of gelijkwaardig"
                    replacement = replacement.replace("{match}", unit.slice(start, end))
                yield Hit(start, end, data=data, replacement=replacement)
                if p["first_only"]:
                    return
