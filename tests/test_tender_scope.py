"""Whole tender or annex: rules that expect an element of the whole tender stay silent on an annex."""

from __future__ import annotations

import pytest

from eislint.loader import all_rules
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


# ---------------------------------------------------------------- a lone annex (skip_lone_annex)


def test_which_documents_say_they_are_an_annex():
    from eislint.tender_scope import is_annex

    assert is_annex(_doc("bijlage-a-programma-van-eisen.md", PVE))  # by its name
    assert is_annex(_doc("pve.md", "# Bijlage 3 Programma van Eisen\n\n## Eisen\n\nE1. SCORM.\n"))  # by its title
    assert is_annex(_doc("sla.md", SLA))  # by its role
    assert not is_annex(_doc("pve.md", PVE))  # a PvE that does not say so may be the whole tender
    assert not is_annex(_doc("beschrijvend-document.md", LEIDRAAD))
    sheet = segment(read_bytes("eisen.csv", b"Nr;Eis\nE1;Het LMS ondersteunt SCORM.\n", ".csv"))
    assert is_annex(sheet)  # a requirements list is never the tender's own description


SKIPPING = [r for r in all_rules(None) if r.options.get("skip_lone_annex")]


def test_the_rules_on_the_tenders_parts_skip_a_lone_annex():
    assert {r.id for r in SKIPPING} >= {
        "volledigheid.gunning-ontbreekt",
        "volledigheid.prijsblad-ontbreekt",
        "volledigheid.exit-ontbreekt",
        "volledigheid.verwerkersovereenkomst-ontbreekt",
        "toegankelijkheid.ontbreekt",
    }
    # a rule placed at the statement that triggers it judges that statement, annex or not
    assert "ai.ai-zonder-voorwaarden" not in {r.id for r in SKIPPING}


@pytest.mark.parametrize("rule", SKIPPING, ids=[r.id for r in SKIPPING])
def test_a_lone_annex_is_not_judged_for_the_tenders_parts_but_its_bundle_is(rule, tmp_path):
    """The rule's own bad example fires as a document of its own, stays silent (with a notice) as
    'Bijlage A' checked alone, and fires again once the bundle has a leidraad without the part."""
    from eislint.engine import RunOptions, lint_paths

    options = RunOptions(select=[rule.id])
    text = rule.docs["fout"].encode("utf-8")
    alone = lint_paths(["-"], RunOptions(select=[rule.id], stdin_name="pve.md"), stdin=text)
    assert [f.rule for f in alone.findings] == [rule.id]
    annex = lint_paths(["-"], RunOptions(select=[rule.id], stdin_name="bijlage-a-programma-van-eisen.md"), stdin=text)
    assert annex.findings == []
    assert any("een losse bijlage" in n and "niet beoordeeld" in n for n in annex.notices)
    (tmp_path / "bijlage-a-programma-van-eisen.md").write_bytes(text)
    (tmp_path / "aanbestedingsleidraad.md").write_text("# Aanbestedingsleidraad\n\nDe procedure.\n", encoding="utf-8")
    bundle = lint_paths([str(tmp_path)], options)
    assert [f.rule for f in bundle.findings] == [rule.id]
    assert not any("losse bijlage" in n or "alleen bijlagen" in n for n in bundle.notices)


def test_the_readiness_of_a_lone_annex_says_not_judged_instead_of_present_or_missing(tmp_path):
    from eislint.engine import RunOptions, lint_paths
    from eislint.readiness import readiness

    text = "# Bijlage A Programma van Eisen\n\n## Eisen\n\n" + "".join(
        f"E{i}. Het LMS ondersteunt standaard {name}.\n\n" for i, name in enumerate(("SCORM", "xAPI", "LTI"), 1)
    )
    (tmp_path / "bijlage-a-programma-van-eisen.md").write_text(text, encoding="utf-8")
    alone = lint_paths([str(tmp_path / "bijlage-a-programma-van-eisen.md")], RunOptions())
    assert alone.documents[0].lone_annex
    status = {p.key: p.status for p in readiness(alone)[0].parts}
    assert status["gunning"] == status["contract"] == "onbekend" and status["eisen"] != "onbekend"
    (tmp_path / "aanbestedingsleidraad.md").write_text("# Aanbestedingsleidraad\n\nDe procedure.\n", encoding="utf-8")
    bundle = lint_paths([str(tmp_path)], RunOptions())
    assert not any(d.lone_annex for d in bundle.documents)
    status = {p.key: p.status for p in readiness(bundle)[0].parts}
    assert status["gunning"] == "ontbreekt" and "onbekend" not in status.values()
