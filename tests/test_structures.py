"""Shared structures (eislint.structures): built once per unit, the same for every rule that
asks, and kept apart for units that only share their span."""

from __future__ import annotations

from test_check_types import _units

from eislint.structures.award import award_scheme
from eislint.structures.contract import contract_terms


def test_a_structure_is_built_once_per_unit():
    (unit, *_) = _units("## Contract\n\nDe looptijd bedraagt 2 jaar.\n", "sentence")
    calls = []

    def build(u):
        calls.append(u)
        return object()

    first = unit.shared("proef", build)
    assert unit.shared("proef", build) is first and len(calls) == 1
    assert unit.shared("ander", build) is not first and len(calls) == 2


def test_units_with_the_same_span_do_not_share():
    # the root section and the first section cover the same text; only the gunning one has weights
    units = _units("## Gunning\n\n- Kwaliteit: 60%\n- Prijs: 30%\n", "section")
    spans = {(u.start, u.end) for u in units}
    assert len(units) == 2 and len(spans) == 1
    groups = {u.section.kind: award_scheme(u).weight_groups for u in units}
    assert groups["overig"] == [] and [g.total for g in groups["gunning"]] == [90.0]


def test_contract_terms():
    text = (
        "## Contract\n\nDe raamovereenkomst wordt aangegaan voor 4 jaar, met 2 keer een optie tot verlenging "
        "van 1 jaar.\n\nDe looptijd is 18 maanden, inclusief verlengingsopties van 1 jaar.\n"
    )
    terms = [t for u in _units(text, "sentence") for t in contract_terms(u)]
    assert [(t.years, t.extension, t.framework, t.motivated) for t in terms] == [
        (4, 2, True, False),
        (1.5, 0, True, False),
    ]
