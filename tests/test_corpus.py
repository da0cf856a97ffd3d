"""`eislint corpus` on real Dask clusters of two worker processes, against a serial run.

One corpus of generated bundles (tests/support/corpus.py) plus broken ones is linted:
- by the CLI on its own LocalCluster (`--workers 2`), compared finding for finding with a plain
  loop over `eislint.lint_paths` in this process;
- on a shared two-process LocalCluster through `--scheduler`, interrupted and resumed, with the
  work of each run counted.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

from support.corpus import make_bundles, write_manifest  # noqa: E402

GOOD = 22
COMPARED = (
    "bundle",
    "document",
    "rule",
    "severity",
    "line",
    "column",
    "end_line",
    "end_column",
    "match",
    "message",
    "section",
    "requirement",
)


def _cli(*args: str) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from eislint.cli import main

    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    except SystemExit as exc:  # our group exits itself
        raise AssertionError(f"unexpected exit {exc.code}") from None
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """22 good bundles, a partly readable one and three broken ones; a manifest of all."""
    root = tmp_path_factory.mktemp("corpus")
    rows = make_bundles(root, GOOD)
    good = write_manifest(root, rows)
    broken = root / "bundels"
    (broken / "kapot-docx").mkdir()
    (broken / "kapot-docx" / "pve.docx").write_bytes(b"dit is geen zip en dus geen Word-bestand")
    (broken / "deels").mkdir()
    (broken / "deels" / "pve.md").write_text(
        "# PvE\n\n## Eisen\n\nE1. Het systeem is gebruiksvriendelijk.\n", encoding="utf-8"
    )
    (broken / "deels" / "bijlage.docx").write_bytes(b"ook geen Word-bestand")
    (broken / "kapotte-config").mkdir()
    (broken / "kapotte-config" / "pve.md").write_text("# PvE\n\nE1. Het systeem is snel.\n", encoding="utf-8")
    (broken / "kapotte-config" / "eislint.yaml").write_text("onbekende_sleutel: 1\n", encoding="utf-8")
    extra = [
        {"id": "X-docx", "path": "bundels/kapot-docx", "buyer": "Gemeente Zeedorp", "date": "2023-05-01", "cpv": ""},
        {"id": "X-deels", "path": "bundels/deels", "buyer": "Gemeente Zeedorp", "date": "2023-05-01", "cpv": ""},
        {
            "id": "X-config",
            "path": "bundels/kapotte-config",
            "buyer": "Gemeente Veenoord",
            "date": "2024-01-01",
            "cpv": "",
        },
        {"id": "X-weg", "path": "bundels/bestaat-niet", "buyer": "Gemeente Veenoord", "date": "2024-01-01", "cpv": ""},
    ]
    (root / "good").mkdir()
    good = write_manifest(root / "good", [{**r, "path": "../" + r["path"]} for r in rows])
    everything = write_manifest(root, rows + extra, kind="jsonl")
    return {"root": root, "rows": rows, "extra": extra, "good": good, "all": everything}


def _bundle_path(corpus, bundle_id: str) -> Path:
    row = next(r for r in corpus["rows"] + corpus["extra"] if r["id"] == bundle_id)
    return corpus["root"] / row["path"]


def _serial_rows(bundle_id: str, path: Path) -> Counter:
    from eislint import lint_paths
    from eislint.yamlio import ConfigError

    try:
        report = lint_paths([str(path)])
    except ConfigError:
        return Counter()
    return Counter(
        (
            bundle_id,
            Path(f.path).relative_to(path).as_posix(),
            f.rule,
            f.severity.label,
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            f.match,
            f.message,
            f.section,
            f.requirement,
        )
        for f in report.findings
    )


@pytest.fixture(scope="module")
def serial(corpus):
    """The reference: each bundle through the engine's lint_paths, one after the other, here."""
    total = Counter()
    for row in corpus["rows"] + corpus["extra"]:
        total += _serial_rows(row["id"], corpus["root"] / row["path"])
    return total


def _as_rows(frame) -> Counter:
    frame = frame[list(COMPARED)].astype(object).where(frame[list(COMPARED)].notna(), None)
    return Counter(tuple(r) for r in frame.itertuples(index=False))


@pytest.fixture(scope="module")
def cli_run(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("results")
    code, stdout, stderr = _cli("corpus", str(corpus["all"]), "-o", str(out), "--workers", "2", "--batch-size", "5")
    return {"out": out, "code": code, "stdout": stdout, "stderr": stderr}


def test_cli_on_two_local_workers_finds_exactly_what_a_serial_run_finds(cli_run, serial):
    findings = pd.read_parquet(cli_run["out"] / "findings.parquet")
    assert len(findings) > 200  # the generated tenders are flawed on purpose
    assert _as_rows(findings) == serial
    bundles = pd.read_parquet(cli_run["out"] / "bundles.parquet")
    assert len(set(bundles["worker"].dropna())) == 2, "both worker processes did work"
    per_bundle = findings.groupby("bundle").size()
    assert (bundles.set_index("bundle")["findings"][per_bundle.index] == per_bundle).all()
    assert "2 workers" in cli_run["stdout"] and "bundel(s)" not in cli_run["stdout"]


def test_broken_bundles_are_recorded_and_the_others_complete(cli_run, corpus):
    bundles = pd.read_parquet(cli_run["out"] / "bundles.parquet").set_index("bundle")
    status = bundles["status"].to_dict()
    assert [status[r["id"]] for r in corpus["rows"]] == ["ok"] * GOOD
    assert status["X-deels"] == "deels" and "bijlage.docx" in bundles.loc["X-deels", "error"]
    assert bundles.loc["X-deels", "findings"] > 0
    for bundle in ("X-docx", "X-config", "X-weg"):
        assert status[bundle] == "fout", bundle
    assert "bestaat niet" in bundles.loc["X-weg", "error"]
    assert "onbekende_sleutel" in bundles.loc["X-config", "error"]
    assert bundles.loc["X-docx", "documents"] == 0
    # exit 2 (bad input), one Dutch line per failed bundle, no traceback
    assert cli_run["code"] == 2
    lines = cli_run["stderr"].strip().splitlines()
    assert sorted(re.findall(r"^eislint: fout: bundel (\S+):", cli_run["stderr"], re.M)) == [
        "X-config",
        "X-docx",
        "X-weg",
    ]
    assert len(lines) == 3 and "Traceback" not in cli_run["stderr"]
    # metadata of the manifest on every finding
    findings = pd.read_parquet(cli_run["out"] / "findings.parquet")
    first = findings[findings["bundle"] == "T001"].iloc[0]
    assert (first["buyer"], first["date"], first["year"], first["cpv"]) == (
        "Gemeente Veenoord",
        "2023-02-15",
        "2023",
        "80533000-9",
    )


def test_summaries_per_rule_category_and_buyer(cli_run):
    out = cli_run["out"]
    findings = pd.read_parquet(out / "findings.parquet")
    by_rule = pd.read_parquet(out / "summary_rule.parquet").set_index("rule")
    assert by_rule["findings"].to_dict() == findings.groupby("rule").size().to_dict()
    assert by_rule["bundles"].to_dict() == findings.groupby("rule")["bundle"].nunique().to_dict()
    assert (by_rule[["error", "warning", "info"]].sum(axis=1) == by_rule["findings"]).all()
    by_cat = pd.read_parquet(out / "summary_category.parquet").set_index("category")
    assert by_cat["findings"].to_dict() == findings.groupby("category").size().to_dict()
    by_buyer = pd.read_parquet(out / "summary_buyer.parquet").set_index("buyer")
    assert by_buyer["findings"].to_dict() == findings.groupby("buyer").size().to_dict()
    assert by_buyer.loc["Gemeente Veenoord", "failed"] == 2  # X-config and X-weg
    by_year = pd.read_parquet(out / "summary_year.parquet").set_index("year")
    assert by_year["findings"].to_dict() == findings.groupby("year").size().to_dict()
    assert (out / "summary_rule.csv").read_text(encoding="utf-8").startswith("rule,category,findings,bundles")


def test_report_is_one_self_contained_html_page(cli_run):
    code, stdout, stderr = _cli("corpus", "report", str(cli_run["out"]))
    assert code == 0, stderr
    page = (cli_run["out"] / "rapport.html").read_text(encoding="utf-8")
    total = len(pd.read_parquet(cli_run["out"] / "findings.parquet"))
    assert f'<td>meldingen</td><td class="n">{total}</td>' in page
    assert page.count("<svg") == 3  # per rule, per year, per buyer
    assert "Mislukte bundels (3)" in page and "X-weg" in page
    # nothing to fetch: every reference points inside the page
    assert not re.search(r"<(script|link|img|iframe)\b|@import|url\(\s*['\"]?(?!#)", page)
    assert all(ref.startswith(("#", "data:")) for ref in re.findall(r'(?:href|src)="([^"]*)"', page))


# ------------------------------------------------------------------ a shared cluster, resumed runs


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as local,
        Client(local) as client,
    ):
        yield local.scheduler_address, client


def _pipeline_ids():
    from eislint import nlp

    return {key: id(pipeline) for key, pipeline in nlp._CACHE.items()}


def test_interrupted_run_resumes_without_redoing_finished_bundles(cluster, corpus, serial, tmp_path):
    from eislint.corpus.run import run_corpus
    from eislint.corpus.store import Store

    address, client = cluster
    out = tmp_path / "results"
    seen = []

    def stop_after_seven(result, stats):
        seen.append(result["bundle"])
        if len(seen) == 7:
            raise KeyboardInterrupt  # as Ctrl-C in the client

    with pytest.raises(KeyboardInterrupt):
        run_corpus(corpus["good"], out, scheduler=address, batch_size=3, progress=stop_after_seven)
    done = Store(out).states()
    assert set(seen) <= set(done) and 7 <= len(done) < GOOD  # what was finished is committed, the rest not
    assert not (out / "findings.parquet").exists()  # no consolidated output from an unfinished run
    assert not list(out.rglob("*.tmp"))
    loaded = client.run(_pipeline_ids)

    code, stdout, stderr = _cli("corpus", str(corpus["good"]), "-o", str(out), "--scheduler", address)
    assert code == 0, stderr
    assert f"{GOOD - len(done)} gecontroleerd, {len(done)} overgeslagen" in stdout
    bundles = pd.read_parquet(out / "bundles.parquet").set_index("bundle")
    for bundle, state in done.items():  # linted once, in the first run, and not again
        assert (bundles.loc[bundle, "run"], bundles.loc[bundle, "linted_at"]) == (state["run"], state["linted_at"])
    assert bundles["run"].nunique() == 2
    findings = pd.read_parquet(out / "findings.parquet")
    assert _as_rows(findings) == Counter({k: v for k, v in serial.items() if not k[0].startswith("X-")})

    # a changed bundle is linted again, and only that one
    pve = next(_bundle_path(corpus, "T004").glob("pve.*"))
    pve.write_text(pve.read_text(encoding="utf-8") + "\nE9. Het systeem is zo snel mogelijk.\n", encoding="utf-8")
    code, stdout, stderr = _cli("corpus", str(corpus["good"]), "-o", str(out), "--scheduler", address)
    assert code == 0, stderr
    assert f"1 gecontroleerd, {GOOD - 1} overgeslagen" in stdout
    again = pd.read_parquet(out / "findings.parquet")
    changed = again[again["bundle"] == "T004"]
    assert len(changed) > len(findings[findings["bundle"] == "T004"])
    assert _as_rows(changed) == _serial_rows("T004", _bundle_path(corpus, "T004"))  # the new findings only
    assert _as_rows(again[again["bundle"] != "T004"]) == _as_rows(findings[findings["bundle"] != "T004"])

    # each worker loaded its pipeline once (the plugin, at registration) and kept it for every task
    assert client.run(_pipeline_ids) == loaded
    assert all(list(ids) == ["default"] for ids in loaded.values())


def test_a_failed_bundle_is_retried_when_asked_or_when_it_changed(cluster, corpus, tmp_path):
    from eislint.corpus.run import run_corpus

    address, _ = cluster
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        f'{{"id": "kapot", "path": "{_bundle_path(corpus, "X-docx")}"}}\n'
        f'{{"id": "weg", "path": "{tmp_path / "later"}"}}\n'
        f'{{"id": "ok", "path": "{_bundle_path(corpus, "T001")}"}}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    first = run_corpus(manifest, out, scheduler=address)
    assert (first.linted, first.skipped) == (3, 0)
    assert [b for b, _ in first.failed] == ["kapot", "weg"]
    assert first.failed[1][1] == f"{tmp_path / 'later'}: bestand of map bestaat niet"
    second = run_corpus(manifest, out, scheduler=address)  # unchanged: the broken file is not tried again
    assert (second.linted, second.skipped) == (1, 2)  # a missing bundle has nothing to compare: looked at again
    assert [b for b, _ in second.failed] == ["kapot", "weg"]
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "pve.md").write_text("# PvE\n\nE1. Het systeem is snel.\n", encoding="utf-8")
    third = run_corpus(manifest, out, scheduler=address, retry_failed=True)
    assert (third.linted, third.skipped) == (2, 1)
    assert [b for b, _ in third.failed] == ["kapot"]
    assert third.status == {"fout": 1, "ok": 1}
