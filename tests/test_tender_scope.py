"""Whole tender or annex: rules that expect an element of the whole tender stay silent on an annex."""

from __future__ import annotations

import pytest

from eislint.readers import read_bytes
from eislint.segment import segment
from eislint.tender_scope import is_whole_tender, parts_present
from eislint.yamlio import ConfigError


def _doc(name: str, text: str):
    return segment(read_bytes(name, text.encode("utf-8"), ".md"))


SLA = "# Service level agreement\n\n## Beschikbaarheid\n\n99,5% per maand.\n\n## Ondersteuning\n\nOp werkdagen.\n"
PVE = "# Programma van Eisen\n\n## Eisen\n\nE1. Het LMS ondersteunt SCORM 1.2.\n"
PVE_AS_TENDER = (
    "# Programma van Eisen\n\n## Aanleiding\n\nTekst.\n\n## Doelstelling\n\nTekst.\n\n## Geschiktheid\n\nTekst.\n\n"
    "## Eisen\n\nE1. Het LMS ondersteunt SCORM 1.2.\n\n## Gunning\n\nTekst.\n\n## Implementatie\n\nTekst.\n"
)
LEIDRAAD = "# Beschrijvend document\n\n## Eisen\n\nE1. Het LMS ondersteunt SCORM 1.2.\n"


def test_an_annex_alone_is_no_whole_tender():
    assert not is_whole_tender([_doc("sla.md", SLA)])
    assert not is_whole_tender([_doc("pve.md", PVE)])
    assert parts_present([_doc("sla.md", SLA)]) == {"kwaliteit"}


def test_a_leidraad_or_most_parts_make_a_whole_tender():
    assert is_whole_tender([_doc("leidraad.md", LEIDRAAD)])
    assert is_whole_tender([_doc("pve.md", PVE_AS_TENDER)])
    # the leidraad makes the bundle whole, whatever annexes come with it
    assert is_whole_tender([_doc("sla.md", SLA), _doc("pve.md", PVE), _doc("leidraad.md", LEIDRAAD)])


def test_whole_tender_option_silences_a_required_rule_on_an_annex(lint):
    rule = "volledigheid.kansendossier-ontbreekt"
    annex = "# Programma van Eisen leerplatform\n\n## Eisen\n\nE1. Het LMS ondersteunt SCORM.\n\nE2. Het LMS ondersteunt xAPI.\n\nE3. Het LMS ondersteunt LTI.\n"
    assert not [f for f in lint(annex, select=[rule]).findings]
    whole = annex.replace("# Programma van Eisen leerplatform", "# Beschrijvend document leerplatform")
    assert [f.rule for f in lint(whole, select=[rule]).findings] == [rule]


@pytest.mark.parametrize(
    "option, error",
    [
        ("ignore_sentences: ['(ongeldig']", "ongeldige reguliere expressie"),
        ("whole_tender: ja", "'whole_tender' moet true/false zijn"),
    ],
)
def test_required_options_are_validated(tmp_path, option, error):
    from eislint.loader import load_packs

    pack = tmp_path / "proef"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: proef\n", encoding="utf-8")
    (pack / "regel.yaml").write_text(
        "id: proef.regel\ncheck: required\ncategory: volledigheid\nlevel: info\nscope: document\n"
        f"message: x\nsections: [aanleiding]\n{option}\n"
        "docs: {wat: x, waarom: x, fout: x, goed: x, bron: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=error):
        load_packs(tmp_path)
