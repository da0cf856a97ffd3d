"""Configuration discovery, inheritance, validation; inline suppressions."""

from __future__ import annotations

import pytest

from conftest import lint_text
from eislint.config import find_config, load_config
from eislint.engine import RunOptions, lint_paths
from eislint.loader import all_rules
from eislint.yamlio import ConfigError

RULES = all_rules()
DOC = "## Eisen\n\nE1. Het LMS is gebruiksvriendelijk en/of snel.\n"


def _rules_found(path, **kw):
    report = lint_paths([str(path)], RunOptions(**kw))
    assert not report.errors
    return sorted({f.rule for f in report.findings})


def test_nearest_config_wins_and_extends(tmp_path):
    (tmp_path / "basis.yaml").write_text("ignore: [eisen.en-of]\n", encoding="utf-8")
    (tmp_path / "eislint.yaml").write_text("extends: basis.yaml\n", encoding="utf-8")
    sub = tmp_path / "deel"
    sub.mkdir()
    (sub / "eislint.yaml").write_text("select: [eisen.en-of]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(DOC, encoding="utf-8")
    (sub / "b.md").write_text(DOC, encoding="utf-8")
    assert "eisen.en-of" not in _rules_found(tmp_path / "a.md")
    assert "eisen.vage-term" in _rules_found(tmp_path / "a.md")
    assert _rules_found(sub / "b.md") == ["eisen.en-of"]
    assert find_config(sub / "b.md") == sub / "eislint.yaml"


def test_pyproject_tool_section(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.eislint]\nselect = ["vaagheid"]\nignore = ["eisen.en-of"]\n', encoding="utf-8"
    )
    (tmp_path / "a.md").write_text(DOC, encoding="utf-8")
    assert _rules_found(tmp_path / "a.md") == ["eisen.vage-term"]


def test_rule_level_and_options_and_off(tmp_path):
    cfg = tmp_path / "eislint.yaml"
    cfg.write_text(
        "rules:\n  eisen.vage-term: {level: error}\n  eisen.en-of: uit\n  eisen.lange-eis: {max: 3}\n", encoding="utf-8"
    )
    (tmp_path / "a.md").write_text(DOC, encoding="utf-8")
    report = lint_paths([str(tmp_path / "a.md")])
    rules = {f.rule: f.severity.label for f in report.findings}
    assert rules["eisen.vage-term"] == "error" and "eisen.en-of" not in rules and "eisen.lange-eis" in rules


def test_per_path_ignores(tmp_path):
    (tmp_path / "eislint.yaml").write_text('per-path-ignores:\n  "bijlagen/*.md": [vaagheid]\n', encoding="utf-8")
    (tmp_path / "bijlagen").mkdir()
    (tmp_path / "bijlagen" / "a.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "b.md").write_text(DOC, encoding="utf-8")
    assert not {"eisen.vage-term", "eisen.en-of"} & set(_rules_found(tmp_path / "bijlagen" / "a.md"))
    assert "eisen.vage-term" in _rules_found(tmp_path / "b.md")


@pytest.mark.parametrize(
    "text, message",
    [
        ("selec: [eisen]\n", "onbekende sleutel 'selec'"),
        ("rules:\n  eisen.vage-term: {nivo: error}\n", "onbekende optie 'nivo'"),
        ("rules:\n  eisen.bestaat-niet: uit\n", "onbekende regel 'eisen.bestaat-niet'"),
        ("tender:\n  contract_value: veel\n", "'tender.contract_value' heeft het verkeerde type"),
        ("tender:\n  budget: 3\n", "onbekende sleutel 'budget'"),
        ("fail-on: soms\n", "'fail-on'"),
        ("extends: nergens.yaml\n", "nergens.yaml"),
        ("select: [\n", "ongeldige YAML"),
        ("rules:\n  eisen.lange-eis: {max: veel}\n", "'max'"),
    ],
)
def test_invalid_config_is_a_clear_error(tmp_path, text, message):
    cfg = tmp_path / "eislint.yaml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(cfg, RULES)
    assert message in str(exc.value) and str(cfg) in str(exc.value)


def test_tender_context_is_read(tmp_path):
    cfg = tmp_path / "eislint.yaml"
    cfg.write_text("tender:\n  contract_value: 150000\n  business_critical: false\n  domain: lms\n", encoding="utf-8")
    config = load_config(cfg, RULES)
    assert config.tender.contract_value == 150000 and config.tender.business_critical is False


# ---------------------------------------------------------------- suppression


def _found(text):
    return [(f.rule, f.line) for f in lint_text(text, select=["ALL"]).findings]


def test_suppression_next_block_with_reason():
    text = (
        "## Eisen\n\n<!-- eislint: negeer eisen.vage-term -- reden: gedefinieerd in bijlage 2 -->\n"
        "E1. Het LMS is gebruiksvriendelijk.\n\nE2. Het LMS is snel.\n"
    )
    found = _found(text)
    assert ("eisen.vage-term", 4) not in found and ("eisen.vage-term", 6) in found
    assert not [r for r, _ in found if r.startswith("meta.")]


def test_suppression_without_reason_does_not_apply():
    text = "## Eisen\n\n<!-- eislint: negeer eisen.vage-term -->\nE1. Het LMS is gebruiksvriendelijk.\n"
    found = _found(text)
    assert ("eisen.vage-term", 4) in found and ("meta.ongeldige-suppressie", 3) in found


def test_range_and_file_suppression_by_category_and_pack():
    text = (
        "## Eisen\n\n<!-- eislint: negeer-begin vaagheid -- reden: citaat -->\n\nE1. Het LMS is snel.\n\n"
        "<!-- eislint: negeer-einde -->\n\nE2. Het LMS is modern.\n"
    )
    found = _found(text)
    assert ("eisen.vage-term", 5) not in found and ("eisen.vage-term", 9) in found
    text = "<!-- eislint: negeer-bestand eisen -- reden: oud sjabloon -->\n## Eisen\n\nE1. Het LMS is snel.\n"
    assert not [r for r, _ in _found(text) if r.startswith("eisen.")]


def test_unused_suppression_is_reported_only_when_its_rule_ran():
    text = "## Eisen\n\n<!-- eislint: negeer eisen.vage-term -- reden: x -->\nE1. Het LMS ondersteunt SCORM.\n"
    assert ("meta.ongebruikte-suppressie", 3) in _found(text)
    report = lint_text(text, select=["eisen.en-of", "meta"])
    assert not [f for f in report.findings if f.rule == "meta.ongebruikte-suppressie"]


def test_a_directory_is_one_tender_bundle(tmp_path):
    """The doelstelling may be in the leidraad while the eisen are in the PvE."""
    tender = tmp_path / "aanbesteding"
    tender.mkdir()
    (tender / "pve.md").write_text("# PvE\n\n## Eisen\n\nE1. SCORM.\n\nE2. xAPI.\n\nE3. LTI 1.3.\n", encoding="utf-8")
    (tender / "leidraad.md").write_text("# Leidraad\n\n## Doelstelling\n\nMinder papier.\n", encoding="utf-8")
    report = lint_paths([str(tender)], RunOptions(select=["volledigheid.doelstelling-ontbreekt"]))
    assert not report.findings
    report = lint_paths([str(tender / "pve.md")], RunOptions(select=["volledigheid.doelstelling-ontbreekt"]))
    assert [f.rule for f in report.findings] == ["volledigheid.doelstelling-ontbreekt"]
    (tender / "leidraad.md").write_text("# Leidraad\n\n## Planning\n\nQ3.\n", encoding="utf-8")
    report = lint_paths([str(tender)], RunOptions(select=["volledigheid.doelstelling-ontbreekt"]))
    assert [(f.rule, f.path.rsplit("/", 1)[-1]) for f in report.findings] == [
        ("volledigheid.doelstelling-ontbreekt", "pve.md")
    ]
