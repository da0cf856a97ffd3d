"""`eislint new-rule`: the files it writes make a rule that loads and runs as written, with a
fixture in the format tests/test_rules.py reads; and a python rule is found by its id alone."""

from __future__ import annotations

import pytest
import yaml

import eislint.rules
from eislint.engine import RunOptions, lint_paths
from eislint.loader import load_pack
from eislint.scaffold import new_rule


@pytest.fixture
def scaffold_root(tmp_path, monkeypatch):
    """A checkout-like folder whose src/eislint/rules is searched for rule modules too."""
    monkeypatch.setattr(
        eislint.rules, "__path__", [*eislint.rules.__path__, str(tmp_path / "src" / "eislint" / "rules")]
    )
    eislint.rules.module_for.cache_clear()
    eislint.rules._discovered.cache_clear()
    yield tmp_path
    eislint.rules.module_for.cache_clear()
    eislint.rules._discovered.cache_clear()
    for name in [m for m in list(__import__("sys").modules) if m.startswith("eislint.rules.proef")]:
        del __import__("sys").modules[name]


def _lint(root, rule_id, text):
    options = RunOptions(select=[rule_id], stdin_name="tekst.md", rules_dir=root / "rules")
    report = lint_paths(["-"], options, stdin=text.encode("utf-8"))
    assert not report.errors, report.errors
    return [f for f in report.findings if f.rule == rule_id]


@pytest.mark.parametrize("kind", ["lexicon", "regex", "python"])
def test_scaffold_loads_and_runs(scaffold_root, kind):
    made = new_rule(scaffold_root, "proef", f"nieuwe-{kind}", kind)
    rule_id = f"proef.nieuwe-{kind}"
    assert made.rule_id == rule_id
    names = {p.relative_to(scaffold_root).as_posix() for p in made.written}
    expected = {
        "rules/proef/pack.yaml",
        f"rules/proef/nieuwe-{kind}.yaml",
        f"tests/fixtures/rules/proef/nieuwe-{kind}.yaml",
    }
    if kind == "python":
        expected |= {"src/eislint/rules/proef/__init__.py", f"src/eislint/rules/proef/nieuwe_{kind}.py"}
    assert names == expected

    (rule,) = load_pack(scaffold_root / "rules" / "proef").rules
    assert rule.id == rule_id and rule.check == kind
    assert _lint(scaffold_root, rule_id, rule.docs["fout"]), "docs.fout fires"
    assert not _lint(scaffold_root, rule_id, rule.docs["goed"]), "docs.goed is silent"
    fixture = yaml.safe_load((scaffold_root / "tests/fixtures/rules/proef" / f"nieuwe-{kind}.yaml").read_text("utf-8"))
    assert fixture["rule"] == rule_id
    for case in fixture["cases"].values():
        got = [
            {"line": f.line, "column": f.column, "match": f.match, "severity": f.severity.label}
            for f in _lint(scaffold_root, rule_id, case["text"])
        ]
        assert got == case["expect"]
    if kind == "python":
        assert rule_id in eislint.rules.registry()


def test_scaffold_never_overwrites(scaffold_root):
    new_rule(scaffold_root, "proef", "regel", "regex")
    before = (scaffold_root / "rules/proef/regel.yaml").read_text("utf-8")
    with pytest.raises(ValueError, match="bestaat al"):
        new_rule(scaffold_root, "proef", "regel", "python")
    assert (scaffold_root / "rules/proef/regel.yaml").read_text("utf-8") == before
    assert not (scaffold_root / "src/eislint/rules/proef/regel.py").exists()


@pytest.mark.parametrize(
    ("pack", "name", "kind", "words"),
    [
        ("Proef", "regel", "regex", "pakket 'Proef'"),
        ("proef", "regel_1", "regex", "regel 'regel_1'"),
        ("proef", "regel", "pattern", "onbekend type 'pattern'"),
    ],
)
def test_scaffold_refuses_bad_names(tmp_path, pack, name, kind, words):
    with pytest.raises(ValueError, match=words):
        new_rule(tmp_path, pack, name, kind)
    assert not any(tmp_path.iterdir())


def test_new_rule_command(run_cli, tmp_path):
    code, out, _ = run_cli("new-rule", "proef", "woord", "--type", "lexicon", "--root", str(tmp_path))
    assert code == 0, out
    assert "Regel proef.woord staat klaar" in out
    assert (tmp_path / "rules/proef/woord.yaml").is_file()
    code, _, err = run_cli("new-rule", "proef", "woord", "--type", "lexicon", "--root", str(tmp_path))
    assert code == 2 and "bestaat al" in err


def test_every_shipped_python_rule_has_its_module():
    from eislint.loader import all_rules

    python_rules = {r.id for r in all_rules() if r.check == "python"}
    assert python_rules == set(eislint.rules.registry())
    for found in eislint.rules.registry().values():
        assert (found.module.__doc__ or "").startswith(f"{found.rule_id}:"), f"{found.module.__name__}: docstring"
