"""The parts of `eislint corpus` without a cluster: manifest, fingerprints, results store, the
worker task called directly, and the command's errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

HUNZEDAL = ROOT / "corpora" / "leerplatform-waterschap-hunzedal"


# ------------------------------------------------------------------ manifest


def test_csv_manifest_with_semicolons_metadata_and_relative_paths(tmp_path):
    from eislint.corpus.manifest import load

    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "lijst.csv").write_text(
        "\ufeffid;path;koper;datum;cpv\nA-1;../a;Gemeente Zeedorp;2024-03-01;48000000-8\n"
        ';/abs/b;"Waterschap ""Hunzedal""";;\n\n',
        encoding="utf-8",
    )
    a, b = load(tmp_path / "m" / "lijst.csv")
    assert (a.id, a.path, a.metadata) == (
        "A-1",
        str(tmp_path / "m" / ".." / "a"),
        {"koper": "Gemeente Zeedorp", "datum": "2024-03-01", "cpv": "48000000-8"},
    )
    assert (b.id, b.path, b.metadata["koper"], b.metadata["datum"]) == (
        "/abs/b",
        "/abs/b",
        'Waterschap "Hunzedal"',
        None,
    )


def test_jsonl_manifest_keeps_metadata_as_text(tmp_path):
    from eislint.corpus.manifest import load

    path = tmp_path / "m.jsonl"
    path.write_text('{"path": "x", "buyer": "G", "value": 150000, "eu": true, "lots": [1, 2]}\n\n', encoding="utf-8")
    (bundle,) = load(path)
    assert bundle.id == "x" and bundle.metadata == {"buyer": "G", "value": "150000", "eu": "true", "lots": "[1, 2]"}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("m.csv", "id,buyer\nA,G\n", "m.csv:2: kolom 'path' ontbreekt"),
        ("m.csv", "path,id\na,X\nb,X\n", "m.csv:3: bundel 'X' staat ook op regel 2"),
        ("m.csv", "path,rule\na,x\n", "m.csv:2: kolomnaam 'rule' is gereserveerd"),
        ("m.csv", "path,buyer\n,G\n", "m.csv:2: leeg pad"),
        ("m.jsonl", '{"path": "a"}\n{"path": \n', "m.jsonl:2: geen geldige JSON"),
        ("m.jsonl", '["a"]\n', "m.jsonl:1: verwacht een JSON-object per regel"),
        ("m.xlsx", "x", "geen map en geen manifest"),
    ],
)
def test_bad_manifest_is_one_dutch_line_with_file_and_line(tmp_path, name, text, message):
    from eislint.corpus.manifest import ManifestError, load

    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        load(tmp_path / name)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_folder_of_bundle_folders(tmp_path, monkeypatch):
    from eislint.corpus.manifest import ManifestError, load

    for name in ("b", "a", ".git"):
        (tmp_path / name).mkdir()
    (tmp_path / "los.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "notities.yaml").write_text("x: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = load(".")
    assert [(b.id, Path(b.path).name) for b in found] == [("a", "a"), ("b", "b"), ("los.md", "los.md")]
    assert all(b.path == str(tmp_path.resolve() / b.id) for b in found)  # absolute: for workers elsewhere
    single = tmp_path / "a"
    (single / "pve.md").write_text("# x\n", encoding="utf-8")
    assert [b.id for b in load(single)] == ["a"]  # documents at the top: one tender, as for `eislint check`
    (tmp_path / "leeg").mkdir()
    with pytest.raises(ManifestError, match="geen bundels gevonden"):
        load(tmp_path / "leeg")


# ------------------------------------------------------------------ fingerprints


def test_content_hash_follows_files_and_the_applicable_config(tmp_path):
    from eislint.corpus.fingerprint import content_hash

    bundle = tmp_path / "t" / "bundle"
    bundle.mkdir(parents=True)
    (bundle / "pve.md").write_text("E1. Het systeem is snel.\n", encoding="utf-8")
    first = content_hash(bundle)
    assert content_hash(bundle) == first
    (bundle / ".cache").mkdir()
    (bundle / ".cache" / "x").write_text("ignored", encoding="utf-8")
    assert content_hash(bundle) == first
    (bundle / "pve.md").write_text("E1. Het systeem is traag.\n", encoding="utf-8")
    second = content_hash(bundle)
    assert second != first
    (bundle / "pve.md").rename(bundle / "eisen.md")
    assert content_hash(bundle) != second
    third = content_hash(bundle)
    (tmp_path / "t" / "eislint.yaml").write_text("ignore: [eisen.vage-term]\n", encoding="utf-8")  # above the bundle
    assert content_hash(bundle) != third
    with pytest.raises(FileNotFoundError):
        content_hash(tmp_path / "weg")


def test_ruleset_key_follows_options_and_rule_files(tmp_path):
    from eislint.corpus.fingerprint import ruleset_key
    from eislint.engine import RunOptions
    from eislint.loader import rules_dir

    base = ruleset_key(RunOptions())
    assert ruleset_key(RunOptions()) == base
    assert ruleset_key(RunOptions(ignore=["eisen.vage-term"])) != base
    assert ruleset_key(RunOptions(nlp_model="blank")) != base
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    assert ruleset_key(RunOptions(rules_dir=copy)) == base  # the same rules, elsewhere
    edited = tmp_path / "rules2"
    shutil.copytree(rules_dir(), edited)
    rule = sorted(edited.rglob("vage-term.yaml"))[0]
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# een regel erbij\n", encoding="utf-8")
    assert ruleset_key(RunOptions(rules_dir=edited)) != base


# ------------------------------------------------------------------ store


def _result(bundle: str, findings: list[str], run: str = "r1", status: str = "ok") -> dict:
    records = [
        {
            "document": "pve.md",
            "path": f"/x/{bundle}/pve.md",
            "rule": rule,
            "category": "vaagheid",
            "severity": "warning",
            "message": "m",
            "line": 1,
            "column": 1,
            "end_line": 1,
            "end_column": 2,
            "start": 0,
            "end": 1,
            "match": "x",
            "section": None,
            "requirement": None,
            "where": None,
            "location": None,
            "citation": None,
            "suggestion": None,
            "rewrite": None,
            "fix_title": None,
            "fix_applicability": None,
            "confidence": "high",
        }
        for rule in findings
    ]
    return {
        "bundle": bundle,
        "bundle_path": f"/x/{bundle}",
        "status": status,
        "error": None,
        "detail": None,
        "documents": 1,
        "requirements": 1,
        "findings": len(records),
        "records": records,
        "content_hash": f"h-{bundle}-{len(records)}",
        "ruleset": "k",
        "seconds": 0.1,
        "cpu_seconds": 0.1,
        "linted_at": "t",
        "worker": "w",
        "run": run,
    }


def test_store_keeps_the_latest_result_per_bundle_and_current_metadata(tmp_path):
    pd = pytest.importorskip("pandas")
    from eislint.corpus.manifest import BundleSpec
    from eislint.corpus.store import Store

    store = Store(tmp_path)
    store.prepare()
    store.write_batch([_result("a", ["r.een", "r.twee"]), _result("b", ["r.een"])])
    store.write_batch([_result("a", ["r.drie"], run="r2")])  # 'a' again, after its content changed
    states = store.states()
    assert (states["a"]["run"], states["a"]["findings"], states["b"]["run"]) == ("r2", 1, "r1")
    specs = [
        BundleSpec("a", "/x/a", {"koper": "G1", "datum": "1 maart 2023"}),
        BundleSpec("b", "/x/b", {"koper": "G2", "datum": None}),
        BundleSpec("c", "/x/c", {"koper": "G2"}),
    ]
    info = store.consolidate(specs, {"source": "m.csv"})
    findings = pd.read_parquet(tmp_path / "findings.parquet").sort_values("rule")
    assert findings[["bundle", "rule", "koper", "year"]].fillna("-").values.tolist() == [
        ["a", "r.drie", "G1", "2023"],
        ["b", "r.een", "G2", "-"],
    ]
    bundles = pd.read_parquet(tmp_path / "bundles.parquet").set_index("bundle")
    assert bundles["status"].to_dict() == {"a": "ok", "b": "ok", "c": "niet gedaan"}
    assert info["status"] == {"ok": 2, "niet gedaan": 1} and info["buyer_column"] == "koper"
    by_buyer = pd.read_parquet(tmp_path / "summary_buyer.parquet").set_index("buyer")
    assert by_buyer[["bundles", "findings"]].to_dict("index") == {
        "G1": {"bundles": 1, "findings": 1},
        "G2": {"bundles": 2, "findings": 1},
    }
    # a corrected buyer in the manifest needs no new lint, only a new consolidation
    store.consolidate([BundleSpec("a", "/x/a", {"koper": "Gemeente Eén"})], {})
    assert pd.read_parquet(tmp_path / "findings.parquet")["koper"].tolist() == ["Gemeente Eén"]
    assert not (tmp_path / "summary_year.parquet").exists()  # no date column any more: no stale summary


def test_store_ignores_what_an_interrupted_write_left_behind(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from eislint.corpus.store import FINDINGS_SCHEMA, Store

    store = Store(tmp_path)
    store.prepare()
    store.write_batch([_result("a", ["r.een"])])
    # a run killed between the findings part and its bundles part, and during a rename
    orphan = tmp_path / "parts" / "99999999999999999999-dead.findings.parquet"
    pq.write_table(_table(FINDINGS_SCHEMA, "a"), orphan)
    (tmp_path / "parts" / ".x.bundles.parquet.1234.tmp").write_bytes(b"half")
    (tmp_path / ".findings.parquet.5678.tmp").write_bytes(b"half")
    Store(tmp_path).prepare()
    assert not orphan.exists() and not list(tmp_path.rglob("*.tmp"))
    assert [s["findings"] for s in Store(tmp_path).states().values()] == [1]


def _table(schema, bundle):
    import pyarrow as pa

    row = {name: None for name in schema.names}
    row.update(bundle=bundle, rule="r.spook", line=1)
    return pa.Table.from_pylist([row], schema=schema)


# ------------------------------------------------------------------ the task, called directly


def test_task_skips_a_current_result_and_records_a_broken_config(tmp_path):
    pytest.importorskip("distributed")
    from eislint.corpus.task import lint_bundle_task
    from eislint.engine import RunOptions

    options = RunOptions(select=["eisen.vage-term"])
    done = lint_bundle_task("h", str(HUNZEDAL), options, None, False, "r1")
    assert done["status"] == "ok" and done["documents"] == 1 and done["content_hash"] and done["ruleset"]
    previous = (done["content_hash"], done["ruleset"], "ok")
    assert lint_bundle_task("h", str(HUNZEDAL), options, previous, False, "r2")["status"] == "overgeslagen"
    other = RunOptions(select=["eisen.en-of"])  # another rule set: done again
    assert lint_bundle_task("h", str(HUNZEDAL), other, previous, False, "r2")["status"] == "ok"
    bundle = tmp_path / "b"
    bundle.mkdir()
    (bundle / "pve.md").write_text("E1. Het systeem is snel.\n", encoding="utf-8")
    (bundle / "eislint.yaml").write_text("select: [geen-regel]\n", encoding="utf-8")
    broken = lint_bundle_task("b", str(bundle), options, None, False, "r1")
    assert broken["status"] == "fout" and "geen-regel" in broken["error"] and broken["records"] == []


# ------------------------------------------------------------------ the command's errors


def test_missing_extra_is_a_dutch_error(run_cli, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    (tmp_path / "b").mkdir()
    code, out, err = run_cli("corpus", "b", "-o", "uit")
    assert code == 2
    assert err.strip() == (
        "eislint: fout: 'eislint corpus' heeft extra pakketten nodig die niet geïnstalleerd zijn "
        "(distributed, pyarrow); installeer ze met: pip install 'eislint[corpus]'"
    )
    code, out, err = run_cli("corpus", "report", "uit")
    assert code == 2 and "pip install 'eislint[corpus]'" in err


def test_bad_manifest_or_options_exit_2_before_any_cluster_starts(run_cli, tmp_path):
    pytest.importorskip("distributed")
    (tmp_path / "m.csv").write_text("id,koper\nA,G\n", encoding="utf-8")
    code, out, err = run_cli("corpus", "m.csv", "-o", "uit")
    assert (code, err.strip()) == (2, "eislint: fout: m.csv:2: kolom 'path' ontbreekt (het pad van de bundel)")
    code, out, err = run_cli("corpus", "m.csv", "-o", "uit", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2")
    assert code == 2 and "--workers geldt alleen voor het lokale cluster" in err
    (tmp_path / "m.csv").write_text("path\nb\n", encoding="utf-8")
    code, out, err = run_cli("corpus", "m.csv", "-o", "uit", "--select", "geen-regel")  # would fail every bundle
    assert (code, err.strip()) == (
        2,
        "eislint: fout: --select/--ignore: onbekende regel, pakket of categorie 'geen-regel'",
    )
    (tmp_path / "kapot.yaml").write_text("onbekend: 1\n", encoding="utf-8")
    code, out, err = run_cli("corpus", "m.csv", "-o", "uit", "--config", "kapot.yaml")
    assert code == 2 and err.startswith("eislint: fout: ") and "onbekende sleutel 'onbekend'" in err
    assert not (tmp_path / "uit").exists()  # stopped before anything started


def test_report_without_results_is_a_dutch_error(run_cli, tmp_path):
    pytest.importorskip("matplotlib")
    (tmp_path / "leeg").mkdir()
    code, out, err = run_cli("corpus", "report", "leeg")
    assert (code, err.strip()) == (
        2,
        "eislint: fout: leeg: geen resultaten van een volledige run gevonden (eerst: eislint corpus PAD -o leeg)",
    )


def test_help_loads_no_dask():
    code = (
        "import sys\nfrom eislint.cli import main\n"
        "for args in (['--help'], ['corpus', '--help'], ['corpus', 'report', '--help']):\n"
        "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
        "print(json.dumps(sorted(m for m in ('dask', 'distributed', 'pyarrow', 'pandas', 'matplotlib') "
        "if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", "import json\n" + code], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout.decode().strip().splitlines()[-1]) == []


def test_workers_with_another_rule_set_stop_the_run(tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    from eislint.corpus import task
    from eislint.corpus.run import CorpusError, run_corpus

    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "pve.md").write_text("E1. Het systeem is snel.\n", encoding="utf-8")
    # an in-process worker sees this patch, the client's own key does not: as a worker machine
    # with another eislint version would
    monkeypatch.setattr(task, "ruleset_key", lambda options: "andere-versie")
    with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        with pytest.raises(CorpusError, match="andere eislint-versie, andere regels"):
            run_corpus(tmp_path, tmp_path / "uit", scheduler=cluster.scheduler_address)
    assert not (tmp_path / "uit" / "findings.parquet").exists()
