"""The shared demand analysis of a requirement (eislint.demand)."""

from __future__ import annotations

import pytest

from eislint import nlp
from eislint.analysis import analyse
from eislint.readers import read_bytes
from eislint.segment import segment


@pytest.fixture(scope="module")
def pipeline():
    return nlp.load(None)


def _demand(text: str, pipeline):
    doc = segment(read_bytes("pve.md", f"## Eisen\n\n- E1. {text}\n".encode()))
    analysis = analyse([doc], pipeline)[0]
    req = doc.requirements[0]
    return doc, analysis.demand(req)


def _texts(doc, spans):
    return [" ".join(doc.text[s.start : s.end].split()) for s in spans]


def test_zodat_clause_is_motivation(pipeline):
    doc, d = _demand("Het systeem bewaart elke versie, zodat we snel kunnen terugzien wat veranderde.", pipeline)
    assert _texts(doc, d.motivation) == [", zodat we snel kunnen terugzien wat veranderde."]
    snel = doc.text.index("snel")
    assert not d.in_demand(snel, snel + 4)
    assert d.in_demand(doc.text.index("bewaart"), doc.text.index("bewaart") + 7)


def test_user_story_demand_is_what_follows_wil_ik(pipeline):
    doc, d = _demand("Als behandelaar wil ik zaken doorzetten, zodat het werk eerlijk verdeeld wordt.", pipeline)
    assert d.user_story
    assert _texts(doc, d.demand_spans()) == ["Als behandelaar wil ik zaken doorzetten"]


def test_purpose_om_after_comma_but_not_the_om_of_a_capability(pipeline):
    doc, d = _demand("Het systeem registreert elke inschrijving, om fraude snel te ontdekken.", pipeline)
    assert _texts(doc, d.motivation) == [", om fraude snel te ontdekken."]
    doc, d = _demand("Het systeem biedt de mogelijkheid om zaken snel te verdelen.", pipeline)
    assert d.motivation == []


def test_piece_roles(pipeline):
    doc, d = _demand(
        "Het LMS toont de voortgang per team. Hierdoor kan de leidinggevende bijsturen. "
        "Denk hierbij aan verlopen certificaten.",
        pipeline,
    )
    assert [p.role for p in d.pieces] == ["demand", "motivation", "example"]
    assert len(d.demands) == 1


def test_counts_separate_demands(pipeline):
    _, d = _demand(
        "Medewerkers moeten contactmomenten kunnen vastleggen en opvolgen, klachten registreren "
        "en terugbelverzoeken inplannen.",
        pipeline,
    )
    assert len(d.demands) >= 2  # three with a good parse; the POS tags decide the groups


def test_list_of_objects_is_one_demand(pipeline):
    _, d = _demand("Het systeem moet cursussen, leerpaden en certificaten kunnen archiveren.", pipeline)
    assert len(d.demands) == 1
