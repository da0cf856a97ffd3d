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
from eislint import cache, engine, resultcache
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
        "print(resultcache.group_key([(p, str(p), '')], c, r, o, None))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", code, str(doc)], capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    }
    assert len(keys) == 1 and len(keys.pop()) == 64


# ---------------------------------------------------------------- found by an independent review


def test_per_path_ignores_follow_where_the_file_is_not_its_name(store, tmp_path, monkeypatch):
    """The same 'pve.md', named from two folders: one is ignored by a per-path pattern."""
    (tmp_path / "eislint.yaml").write_text("per-path-ignores:\n  'concept/*': [ALL]\n", encoding="utf-8")
    for folder in ("concept", "definitief"):
        (tmp_path / folder).mkdir()
        _pve(tmp_path / folder / "pve.md")
    options = RunOptions(cache=True, config_path=tmp_path / "eislint.yaml")
    monkeypatch.chdir(tmp_path / "concept")
    assert lint_paths(["pve.md"], options).findings == []
    monkeypatch.chdir(tmp_path / "definitief")
    assert (
        lint_paths(["pve.md"], options).findings
        == lint_paths(["pve.md"], RunOptions(config_path=options.config_path)).findings
        != []
    )


def test_two_config_groups_with_loose_files_keep_their_own_tender(store, tmp_path, monkeypatch):
    """Loose files of two folders share the bundle key '': each group's tender context is its own."""
    for folder, critical in (("x", "true"), ("y", "false")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "eislint.yaml").write_text(f"tender:\n  business_critical: {critical}\n", encoding="utf-8")
        _pve(tmp_path / folder / f"{folder}.md")
    paths = [str(tmp_path / "x" / "x.md"), str(tmp_path / "y" / "y.md")]
    cold = lint_paths(paths, RunOptions(cache=True))
    _no_check(monkeypatch)
    warm = lint_paths(paths, RunOptions(cache=True))
    assert warm.tenders == cold.tenders and cold.tenders[""].context.business_critical is False
    only_y = lint_paths(paths[1:], RunOptions(cache=True))
    assert only_y.tenders[""].context.business_critical is False


def test_a_lone_surrogate_survives_the_round_trip(store):
    """pypdf can give text with a lone surrogate; the JSON entry keeps it exactly."""
    from eislint.engine import Report
    from eislint.findings import Finding, Severity
    from eislint.locations import PdfLine

    report = Report()
    mark = resultcache.Mark.of(report)
    report.findings.append(
        Finding(
            "eisen.vage-term",
            "vaagheid",
            Severity.WARNING,
            "'\ud800' x",
            "a.pdf",
            1,
            2,
            1,
            1,
            1,
            2,
            "\ud800",
            location=PdfLine(pagina=2, regel=7),
        )
    )
    resultcache.store("ab" * 32, report, mark, None)
    again = Report()
    assert resultcache.load("ab" * 32, again, *_config_and_rules())
    assert again.findings == report.findings


def _config_and_rules():
    from eislint.config import Config
    from eislint.loader import all_rules

    return Config(), all_rules(None)


def test_a_file_saved_during_the_check_stores_nothing(store, tmp_path, monkeypatch):
    doc = _pve(tmp_path / "pve.md")
    real = engine.lint_documents

    def saved_meanwhile(*args, **kwargs):
        real(*args, **kwargs)
        _pve(doc, "E2. Het systeem is snel.\n")  # an editor saves while the rules run

    monkeypatch.setattr(engine, "lint_documents", saved_meanwhile)
    lint_paths([str(doc)], RunOptions(cache=True))
    assert _entries(store) == []


def test_the_pipeline_is_known_by_its_contents_not_its_file_times(tmp_path):
    """pip writes an installed package with the time of installation: a fresh CI environment
    must find the cache of the previous one."""
    from eislint.nlp_model import PIPELINE_PATH

    copy = tmp_path / "pipeline"
    shutil.copytree(PIPELINE_PATH, copy, copy_function=shutil.copyfile)  # new modification times
    assert cache._files_hash(copy) == cache._files_hash(PIPELINE_PATH)
    (copy / "meta.json").write_text("{}", encoding="utf-8")
    cache._files_hash.cache_clear()
    assert cache._files_hash(copy) != cache._files_hash(PIPELINE_PATH)


def test_the_base_revision_of_changed_only_is_not_stored(store, tmp_path, run_cli):
    import subprocess

    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "PATH": __import__("os").environ["PATH"],
    }
    _pve(tmp_path / "pve.md")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "v1"]):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)
    _pve(tmp_path / "pve.md", "E2. De leverancier levert zo snel mogelijk een koppeling.\n")
    for _ in range(2):
        code, _out, _err = run_cli("check", "pve.md", "--changed-only", "HEAD", "--fail-on", "never", cwd=tmp_path)
        assert code == 0
    assert len(_entries(store)) == 1  # the working tree's result, found again the second time


def test_a_result_too_large_for_the_cache_is_not_stored_and_evicts_nothing(store, monkeypatch):
    from eislint.engine import Report
    from eislint.findings import Finding, Severity

    old = store / cache.RESULTS_FORMAT / "cd" / ("cd" * 31 + ".json.z")
    assert cache.write_entry(old, b"x" * 100)
    report = Report()
    mark = resultcache.Mark.of(report)
    for i in range(3000):  # distinct messages: the entry does not compress to nothing
        report.findings.append(
            Finding(
                "eisen.vage-term",
                "vaagheid",
                Severity.WARNING,
                f"melding {i * 7919 % 100003}",
                "a.md",
                i,
                i + 1,
                i,
                1,
                i,
                2,
                str(i),
            )
        )
    monkeypatch.setenv("EISLINT_CACHE_MAX_MB", "0.05")  # the entry is larger than a quarter of this
    resultcache.store("ab" * 32, report, mark, None)
    assert _entries(store) == [old]


# ---------------------------------------------------------------- found by a second review


def test_the_tenders_come_back_in_the_order_the_group_inferred_them(store, tmp_path, monkeypatch):
    """The HTML report shows the first tender: a warm run must not change which one that is,
    whatever other groups an earlier run checked alongside."""
    for folder in ("A", "B"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "eislint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    (tmp_path / "A" / "dir").mkdir()
    _pve(tmp_path / "A" / "dir" / "pve.md", "E2. Het LMS verwerkt persoonsgegevens van cursisten.\n")
    _pve(tmp_path / "A" / "los.md")
    _pve(tmp_path / "B" / "z.md")
    a_only = [str(tmp_path / "A" / "dir"), str(tmp_path / "A" / "los.md")]
    lint_paths([str(tmp_path / "B" / "z.md"), *a_only], RunOptions(cache=True))  # stores group A
    cold = lint_paths(a_only, RunOptions())
    _no_check(monkeypatch)
    warm = lint_paths(a_only, RunOptions(cache=True))
    assert list(warm.tenders.items()) == list(cold.tenders.items())


def test_a_reader_out_of_memory_is_not_kept_as_the_files_fault(store, tmp_path, monkeypatch):
    from eislint import readers

    doc = _pve(tmp_path / "pve.md")
    real = readers.READERS[".md"]

    def out_of_memory(path, data):
        raise MemoryError

    monkeypatch.setitem(readers.READERS, ".md", out_of_memory)
    report = lint_paths([str(doc)], RunOptions(cache=True))
    assert [(e.message, e.internal) for e in report.errors] == [("te groot om in het geheugen te lezen", True)]
    assert _entries(store) == []
    monkeypatch.setitem(readers.READERS, ".md", real)  # the next run, with memory to spare
    assert lint_paths([str(doc)], RunOptions(cache=True)).findings
