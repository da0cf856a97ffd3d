"""Strict validation of rule files: what used to load and then fail silently is an error naming
the file and line (a `when:` kind that never matches, a placeholder that renders as nothing, a
tender field that never holds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eislint.yamlio import ConfigError

RULE = """id: proef.regel
check: {check}
category: vaagheid
level: warning
scope: requirement
message: "{message}"
{extra}
docs:
  wat: "Proef."
  waarom: "Proef."
  fout: "E1. Het LMS is snel."
  goed: "E1. Het LMS reageert binnen 2 seconden."
  bron: "Proef."
  fix_veiligheid: "Onveilig: proef."
"""


def _load(
    tmp_path: Path,
    check: str = "regex",
    message: str = "'{match}' is vaag.",
    extra: str = "patterns: ['\\\\b(?P<match>snel)\\\\b']",
):
    from eislint.loader import load_pack

    pack = tmp_path / "proef"
    pack.mkdir(exist_ok=True)
    (pack / "pack.yaml").write_text("name: proef\nbeschrijving: Proefregels.\n", encoding="utf-8")
    (pack / "regel.yaml").write_text(RULE.format(check=check, message=message, extra=extra), encoding="utf-8")
    return load_pack(pack)


def test_a_valid_rule_loads(tmp_path):
    assert _load(tmp_path).rules[0].id == "proef.regel"


@pytest.mark.parametrize(
    ("extra", "line", "words"),
    [
        (
            "patterns: ['snel']\nwhen:\n  sections: [eisen, gunnig]",
            9,
            ("soort onderdeel 'gunnig'", "Bedoelt u 'gunning'?"),
        ),
        (
            "patterns: ['snel']\nwhen:\n  requirements: [eis, knockout]",
            9,
            ("soort eis 'knockout'", "Bedoelt u 'knock-out'?"),
        ),
        ("patterns: ['snel']\nwhen:\n  not_sections: [wens]", 9, ("'wens'", "Bedoelt u 'wensen'?")),
    ],
)
def test_when_values_must_be_known_kinds(tmp_path, extra, line, words):
    with pytest.raises(ConfigError) as info:
        _load(tmp_path, extra=extra)
    assert info.value.line == line and info.value.path.endswith("regel.yaml")
    for word in words:
        assert word in info.value.message


@pytest.mark.parametrize(
    ("check", "message", "extra", "words"),
    [
        ("regex", "'{mtach}' is vaag.", "patterns: ['snel']", ("{mtach}", "Bedoelt u 'match'?")),
        ("regex", "'{woord}' is vaag.", "patterns: ['(?P<match>snel)']", ("{woord}", "kan deze regel niet invullen")),
        ("lexicon", "'{match}': {sugestie}", "terms: [snel]", ("{sugestie}", "Bedoelt u 'suggestie'?")),
        ("required", "Ontbreekt: {onbreekt}", "patterns: ['exit']", ("{onbreekt}", "Bedoelt u 'ontbreekt'?")),
        ("regex", "'{match.upper}' is vaag.", "patterns: ['snel']", ("{match.upper}", "{naam}")),
        ("regex", "'{match' is vaag.", "patterns: ['snel']", ("message",)),
    ],
)
def test_placeholders_the_rule_cannot_fill(tmp_path, check, message, extra, words):
    with pytest.raises(ConfigError) as info:
        _load(tmp_path, check=check, message=message, extra=extra)
    assert info.value.line == 6, info.value
    for word in words:
        assert word in info.value.message, info.value.message


def test_placeholders_in_suggestion_and_fix_title(tmp_path):
    extra = (
        "patterns: ['snel']\nreplacement: 'vlot'\nfix: {applicability: unsafe, title: 'vervang {wat}'}\n"
        "suggestion: 'Schrijf {match}.'"
    )
    with pytest.raises(ConfigError, match=r"'fix.title': plaatshouder \{wat\}"):
        _load(tmp_path, extra=extra)


def test_named_groups_of_a_regex_are_placeholders(tmp_path):
    rule = _load(tmp_path, message="'{match}' na {voor}.", extra="patterns: ['(?P<voor>zeer) (?P<match>snel)']")
    assert rule.rules[0].message == "'{match}' na {voor}."


def test_only_if_tender_names_a_tender_field(tmp_path):
    with pytest.raises(ConfigError, match="tendercontextveld 'persoonsgegevens'"):
        _load(
            tmp_path,
            check="required",
            message="Ontbreekt.",
            extra="patterns: ['exit']\nonly_if: ['x']\nonly_if_tender: [persoonsgegevens]",
        )


def test_every_shipped_placeholder_is_filled_at_run_time(monkeypatch, corpora_all):
    """The static set of placeholders must not claim more than the checks provide: over corpora/
    and every rule's docs.fout no placeholder of a finding stays empty for want of a value."""
    import eislint.engine as engine
    import eislint.stamp as stamp
    from eislint.loader import all_rules
    from eislint.placeholders import fields

    # corpora/ with every rule: the shared run (conftest) records what it filled
    assert len(corpora_all.report.findings) > 100
    assert len(corpora_all.templates) > 100  # the templates were seen
    missing = set(corpora_all.missing)
    real = stamp.render

    def render(template, values):
        for name in fields(template or ""):
            if name not in values:
                missing.add((name, template))
        return real(template, values)

    # stamp.make_finding fills the templates (engine only re-exports render)
    monkeypatch.setattr(stamp, "render", render)
    for rule in all_rules():
        engine.lint_paths(
            ["-"], engine.RunOptions(select=[rule.id], stdin_name="fout.md"), stdin=rule.docs["fout"].encode("utf-8")
        )
    assert not missing, missing
