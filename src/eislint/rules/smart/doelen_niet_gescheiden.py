"""smart.doelen-niet-gescheiden: A doelstelling part with several goals, concrete ones and long-term aims mixed, that does not
tell strategic from operational goals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import Hit, Option, Unit, per_bundle
from eislint.rules._shared.doelen import GOAL_ROLES, MEASURE, TIME, goal_statements

OPTIONS = {
    "minimum": Option(int, default=3, doc="vanaf zoveel doelen geeft de regel een melding"),
}


_LEVELS = re.compile(
    r"strateg\w*|operatione\w*|tactisch\w*|hoofddoel\w*|subdoel\w*|deeldoel\w*|(?:lange|korte|middellange)[-\s]+termijn\w*"
    r"|langetermijn\w*|kortetermijn\w*|organisatiedoel\w*|beleidsdoel\w*|projectdoel\w*|(?:afgeleide|concrete)\s+doel\w*"
    r"|doelenboom|(?:missie|visie)\s+(?:en|&)\s+(?:doelen|ambitie)",
    re.I,
)


def _goal_parts(bundle: list[Any]) -> list[tuple[Any, Any]]:
    """The top goal sections (with a heading) of the documents that state the tender's goals."""
    return [
        (d, s)
        for d in bundle
        if d.role in GOAL_ROLES
        for s in d.sections
        if s.kind == "doelstelling" and s.heading is not None and (s.parent is None or s.parent.kind != "doelstelling")
    ]


def check(unit: Unit, options: dict[str, Any]) -> Iterator[Hit]:
    doc = unit.document
    bundle = unit.bundle or [doc]
    parts = _goal_parts(bundle)
    if not parts or parts[0][0] is not doc:
        return
    goals = [
        g
        for g in per_bundle(unit, "goal-statements", lambda: goal_statements(bundle))
        if any(g[0] is d and s.start <= g[1] < s.end for d, s in parts)
    ]
    if len(goals) < options["minimum"]:
        return
    if any(_LEVELS.search(d.clean(s.start, s.end)) for d, s in parts):
        return
    # mixed: concrete goals (a number or a date) next to long-term aims without either; a list of
    # only concrete or only vague goals mixes nothing (vague goals: smart.doel-niet-smart)
    concrete = [bool(MEASURE.search(text) or TIME.search(text)) for _, _, _, text in goals]
    if all(concrete) or not any(concrete):
        return
    head = parts[0][1].heading
    assert head is not None  # the parts are headed sections
    yield Hit(head.content.start, head.content.end, data={"aantal": str(len(goals))})
