"""The cache of whole check results (eislint.resultcache): a re-check of an unchanged tender comes
from the cache and equals a cold check in every part of the report; any change to what a result
depends on is a miss; a damaged entry is a miss, never an error."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from eislint import cache, engine
from eislint.engine import RunOptions, Stdin, lint_paths
from eislint.loader import rules_dir

CORPORA = ROOT / "corpora"
BUNDLES = sorted(p for p in CORPORA.iterdir() if p.is_dir())


@pytest.fixture
def store(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("EISLINT_CACHE_DIR", str(root))
    return root


def _entries(root: Path) -> list[Path]:
    return sorted((root / cache.RESULTS_FORMAT).glob("*/*.json.z"))


def _no_check(monkeypatch):
    """From here on a run that checks anything fails: what it reports came from the cache."""

    def fail(*args, **kwargs):
        raise AssertionError("checked again although the result was cached")

    monkeypatch.setattr(engine, "lint_documents", fail)


def _parts(report) -> dict:
    return {
        "findings": report.findings,
        "errors": report.errors,
        "documents": report.documents,
        "notices": report.notices,
        "tenders": report.tenders,
        "rules": report.rules,  # with the levels and options the config gave them
    }


@pytest.mark.parametrize("bundle", BUNDLES, ids=[b.name for b in BUNDLES])
def test_a_recheck_of_every_corpus_bundle_comes_from_the_cache_and_equals_a_cold_check(store, monkeypatch, bundle):
    options = RunOptions(select=["ALL"], cache=True)
    cold = lint_paths([str(bundle)], options)
    assert cold.findings and len(_entries(store)) == 1
    _no_check(monkeypatch)
    warm = lint_paths([str(bundle)], options)
    # every field of every finding (offsets, context, typed location, fix), not only the JSON report's
    assert _parts(warm) == _parts(cold)


def test_every_output_format_is_the_same_from_the_cache(store, monkeypatch, run_cli):
    bundle = str(CORPORA / "lms-gemeente-zeedorp-office")
    formats = ("json", "sarif", "junit", "gitlab", "concise", "github", "html")
    cold = {fmt: run_cli("check", bundle, "--format", fmt, "--fail-on", "never") for fmt in formats}
    assert len(_entries(store)) == 1
    _no_check(monkeypatch)
    for fmt in formats:
        assert run_cli("check", bundle, "--format", fmt, "--fail-on", "never") == cold[fmt], fmt


def _pve(path: Path, extra: str = "") -> Path:
    path.write_text(
        "# Programma van Eisen\n\n## Eisen\n\nE1. Het systeem moet gebruiksvriendelijk zijn en/of snel.\n" + extra,
        encoding="utf-8",
    )
    return path


def test_a_change_to_the_text_the_config_or_the_rules_is_a_miss(store, tmp_path):
    doc = _pve(tmp_path / "pve.md")
    options = RunOptions(cache=True)
    first = lint_paths([str(doc)], options)
    assert {f.rule for f in first.findings} >= {"eisen.en-of"}
    _pve(doc, "E2. De leverancier levert zo snel mogelijk een koppeling.\n")  # one requirement more
    assert len(lint_paths([str(doc)], options).findings) > len(first.findings)
    assert len(_entries(store)) == 2

    narrowed = lint_paths([str(doc)], RunOptions(cache=True, select=["eisen.en-of"]))  # the command line
    assert {f.rule for f in narrowed.findings} == {"eisen.en-of"}

    (tmp_path / "eislint.yaml").write_text("ignore: [eisen.en-of]\n", encoding="utf-8")  # a config file
    assert "eisen.en-of" not in {f.rule for f in lint_paths([str(doc)], options).findings}

    (tmp_path / "eislint.yaml").unlink()
    rules = tmp_path / "rules"  # a rule file: its message changes
    shutil.copytree(rules_dir(), rules)
    rule_file = next(rules.rglob("en-of.yaml"))
    data = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
    data["message"] = "GEWIJZIGD " + data["message"]
    rule_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    changed = lint_paths([str(doc)], RunOptions(cache=True, rules_dir=rules, select=["eisen.en-of"]))
    assert [f.message.split()[0] for f in changed.findings] == ["GEWIJZIGD"]


def test_text_on_stdin_is_cached_by_its_bytes(store):
    options = RunOptions(cache=True, stdin_name="pve.md")
    texts = [b"# PvE\n\n## Eisen\n\nE1. Het systeem moet snel zijn en/of veilig.\n", b"# PvE\n\nGeen eisen.\n"]
    first = [lint_paths(["-"], options, Stdin(io.BytesIO(t))) for t in texts]
    again = [lint_paths(["-"], options, Stdin(io.BytesIO(t))) for t in texts]
    assert [len(r.findings) for r in again] == [len(r.findings) for r in first] and first[0].findings
    assert not first[1].findings or len(first[1].findings) != len(first[0].findings)
    assert len(_entries(store)) == 2


@pytest.mark.parametrize("damage", [b"", b"EISLINT1", "flip", "valid checksum, wrong content"])
def test_a_damaged_entry_is_checked_again_and_written_again(store, tmp_path, damage):
    doc = _pve(tmp_path / "pve.md")
    options = RunOptions(cache=True)
    cold = lint_paths([str(doc)], options)
    (entry,) = _entries(store)
    if damage == "flip":
        data = bytearray(entry.read_bytes())
        data[-1] ^= 0xFF
        entry.write_bytes(bytes(data))
    elif damage == "valid checksum, wrong content":
        entry.unlink()
        cache.write_entry(entry, b"not zlib")
    else:
        entry.write_bytes(damage)
    again = lint_paths([str(doc)], options)
    assert _parts(again) == _parts(cold)
    assert cache.read_entry(entry) not in (None, b"not zlib")  # stored again, whole


def test_nothing_is_cached_without_the_cache_in_debug_runs_or_for_a_file_that_cannot_be_read(store, tmp_path):
    doc = _pve(tmp_path / "pve.md")
    lint_paths([str(doc)], RunOptions(cache=False))
    lint_paths([str(doc)], RunOptions(cache=True, debug=True))
    assert _entries(store) == []
    (tmp_path / "weg.md").symlink_to(tmp_path / "bestaat-niet.md")  # cannot be hashed: the reader says why
    for _ in range(2):
        report = lint_paths([str(doc), str(tmp_path / "weg.md")], RunOptions(cache=True))
        assert [e.path for e in report.errors] == [str(tmp_path / "weg.md")] and report.findings
    assert _entries(store) == []


def test_the_key_is_stable_across_processes_for_the_same_input(store, tmp_path):
    """The key holds no address or order of a set: two processes find the same entry."""
    import subprocess
    import sys

    doc = _pve(tmp_path / "pve.md")
    code = (
        "import sys; from pathlib import Path; from eislint import engine, resultcache; "
        "from eislint.config import find_config, load_config; from eislint.loader import all_rules; "
        "o = engine.RunOptions(cache=True); r = all_rules(None); p = Path(sys.argv[1]); "
        "c = engine._with_cli(load_config(find_config(p), r), o, r); "
        "print(resultcache.group_key([(p, str(p), '')], c, o, None))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", code, str(doc)], capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    }
    assert len(keys) == 1 and len(keys.pop()) == 64
