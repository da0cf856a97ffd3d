"""The results folder of a corpus run: what is done, written so an interruption loses nothing.

    results/
      parts/<batch>.findings.parquet   findings of the bundles of one batch (if any)
      parts/<batch>.bundles.parquet    one row per bundle of the batch: status, error, hashes;
                                       written last, so its presence commits the batch
      findings.parquet                 consolidated: one row per finding, with bundle id and metadata
      bundles.parquet                  consolidated: one row per bundle of the input
      summary_rule.*, summary_category.*, summary_buyer.*, summary_year.*   (Parquet and CSV)
      run.json                         what the last complete run was (source, version, counts)

Every file is written to a hidden temporary name in the same folder and renamed into place
(os.replace is atomic on POSIX), so a reader never sees half a file. Batch names sort by time, so
for each bundle the latest committed batch holds its current state. A findings part whose bundles
part was never written (the run stopped between the two renames) is an orphan and is removed.
The consolidated files are rebuilt from the parts at the end of every complete run, with the
metadata of the current input; they describe the last complete run.

Only the client (the driver) writes here; the workers return their results to it, so a cluster
needs a shared file system for the bundles but not for the results.
"""

from __future__ import annotations

import json
import os
import re
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from eislint.api import FINDING_COLUMNS
from eislint.corpus.manifest import BundleSpec, metadata_columns

_ARROW = {str: pa.string(), int: pa.int64(), float: pa.float64()}
FINDINGS_SCHEMA = pa.schema([("bundle", pa.string()), *((n, _ARROW[t]) for n, t in FINDING_COLUMNS.items())])
BUNDLE_COLUMNS: dict[str, type] = {
    "bundle": str,
    "bundle_path": str,
    "status": str,
    "error": str,
    "detail": str,
    "documents": int,
    "requirements": int,
    "findings": int,
    "content_hash": str,
    "ruleset": str,
    "seconds": float,
    "cpu_seconds": float,
    "linted_at": str,
    "worker": str,
    "run": str,
}
BUNDLES_SCHEMA = pa.schema([(n, _ARROW[t]) for n, t in BUNDLE_COLUMNS.items()])

# Metadata columns the summaries and the report understand, under the names manifests use.
BUYER_COLUMNS = ("buyer", "koper", "aanbestedende_dienst", "aanbestedende dienst", "opdrachtgever", "organisatie")
DATE_COLUMNS = ("date", "datum", "publicatiedatum", "publication_date", "published")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
SUMMARIES = ("summary_rule", "summary_category", "summary_buyer", "summary_year")
NOT_DONE = "niet gedaan"


def atomic_write(path: Path, write) -> None:
    """Write through `write(tmp)` to a hidden temporary file next to `path`, then rename it."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _write_parquet(path: Path, table: pa.Table) -> None:
    atomic_write(path, lambda tmp: pq.write_table(table, tmp))


def find_column(columns: Iterable[str], candidates: tuple[str, ...]) -> str | None:
    lowered = {c.lower(): c for c in columns}
    return next((lowered[c] for c in candidates if c in lowered), None)


def year_of(value: str | None) -> str | None:
    match = _YEAR.search(value or "")
    return match.group(1) if match else None


class Store:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.parts = self.root / "parts"

    # ------------------------------------------------------------ state

    def prepare(self) -> None:
        """Create the folder; remove temporary files and orphans an interrupted run left behind."""
        self.parts.mkdir(parents=True, exist_ok=True)
        for folder in (self.root, self.parts):
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink()
        committed = set(self.batches())
        for part in self.parts.glob("*.findings.parquet"):
            if part.name.removesuffix(".findings.parquet") not in committed:
                part.unlink()

    def batches(self) -> list[str]:
        return sorted(p.name.removesuffix(".bundles.parquet") for p in self.parts.glob("*.bundles.parquet"))

    def states(self) -> dict[str, dict[str, Any]]:
        """Per bundle id, its latest committed row (with the batch it came from)."""
        latest: dict[str, dict[str, Any]] = {}
        for batch in self.batches():
            for row in pq.read_table(self.parts / f"{batch}.bundles.parquet").to_pylist():
                row["batch"] = batch
                latest[row["bundle"]] = row
        return latest

    def write_batch(self, results: list[dict[str, Any]]) -> str:
        """Commit the results of some bundles: findings first, then the bundles part."""
        batch = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
        rows = [{"bundle": r["bundle"], **rec} for r in results for rec in r["records"]]
        if rows:
            _write_parquet(self.parts / f"{batch}.findings.parquet", pa.Table.from_pylist(rows, schema=FINDINGS_SCHEMA))
        bundles = [{k: r.get(k) for k in BUNDLE_COLUMNS} for r in results]
        _write_parquet(self.parts / f"{batch}.bundles.parquet", pa.Table.from_pylist(bundles, schema=BUNDLES_SCHEMA))
        return batch

    # ------------------------------------------------------------ consolidation

    def consolidate(self, specs: list[BundleSpec], run_info: dict[str, Any]) -> dict[str, Any]:
        """Rebuild findings.parquet, bundles.parquet, the summaries and run.json for `specs`."""
        states = self.states()
        meta = metadata_columns(specs)
        date_col = find_column(meta, DATE_COLUMNS)
        by_id = {s.id: s for s in specs}

        bundle_rows = []
        for spec in specs:
            state = states.get(spec.id)
            row = {k: (state or {}).get(k) for k in BUNDLE_COLUMNS}
            row.update(bundle=spec.id, bundle_path=spec.path)
            if state is None:
                row["status"] = NOT_DONE
            row.update({k: spec.metadata.get(k) for k in meta})
            if date_col:
                row["year"] = year_of(spec.metadata.get(date_col))
            bundle_rows.append(row)
        extra = [*meta, *(["year"] if date_col else [])]
        schema = pa.schema([*BUNDLES_SCHEMA, *((c, pa.string()) for c in extra)])
        _write_parquet(self.root / "bundles.parquet", pa.Table.from_pylist(bundle_rows, schema=schema))

        wanted: dict[str, set[str]] = {}
        for bundle_id, state in states.items():
            if bundle_id in by_id:
                wanted.setdefault(state["batch"], set()).add(bundle_id)
        f_schema = pa.schema(
            [
                ("bundle", pa.string()),
                ("bundle_path", pa.string()),
                *((c, pa.string()) for c in extra),
                *FINDINGS_SCHEMA.remove(0),
            ]
        )

        def write_findings(tmp: Path) -> None:
            with pq.ParquetWriter(tmp, f_schema) as writer:
                for batch in sorted(wanted):
                    part = self.parts / f"{batch}.findings.parquet"
                    if not part.exists():
                        continue
                    table = pq.read_table(part, schema=FINDINGS_SCHEMA)
                    keep = pc.is_in(table["bundle"], value_set=pa.array(sorted(wanted[batch]), pa.string()))
                    table = table.filter(keep)
                    if not table.num_rows:
                        continue
                    ids = table["bundle"].to_pylist()
                    columns: dict[str, list[Any]] = {"bundle_path": [by_id[i].path for i in ids]}
                    for col in meta:
                        columns[col] = [by_id[i].metadata.get(col) for i in ids]
                    if date_col:
                        columns["year"] = [year_of(by_id[i].metadata.get(date_col)) for i in ids]
                    arrays = [
                        table[name] if name in FINDINGS_SCHEMA.names else pa.array(columns[name], pa.string())
                        for name in f_schema.names
                    ]
                    writer.write_table(pa.Table.from_arrays(arrays, schema=f_schema))

        atomic_write(self.root / "findings.parquet", write_findings)
        summary = self._summaries(meta, date_col)
        counts: dict[Any, int] = {}
        for row in bundle_rows:
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        info = {
            **run_info,
            "bundles": len(specs),
            "status": counts,
            "findings": summary["findings"],
            "metadata": meta,
            "buyer_column": find_column(meta, BUYER_COLUMNS),
            "date_column": date_col,
        }
        atomic_write(
            self.root / "run.json",
            lambda tmp: tmp.write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"),
        )
        return info

    def _summaries(self, meta: list[str], date_col: str | None) -> dict[str, Any]:
        import pandas as pd

        findings = pd.read_parquet(self.root / "findings.parquet", columns=["bundle", "rule", "category", "severity"])
        bundles = pd.read_parquet(self.root / "bundles.parquet")
        checked = int(bundles["status"].isin(["ok", "deels"]).sum())

        def share(n: pd.Series) -> pd.Series:
            return (n / checked).round(4) if checked else n * 0.0

        by_rule = findings.groupby(["rule", "category"], as_index=False).agg(
            findings=("bundle", "size"), bundles=("bundle", "nunique")
        )
        severities = (
            pd.crosstab(findings["rule"], findings["severity"])
            .reindex(columns=["error", "warning", "info"], fill_value=0)
            .reset_index()
        )
        by_rule = by_rule.merge(severities, on="rule", how="left")
        by_rule["share_bundles"] = share(by_rule["bundles"])
        tables = {
            "summary_rule": by_rule.sort_values(["findings", "rule"], ascending=[False, True]),
        }
        by_cat = findings.groupby("category", as_index=False).agg(
            findings=("bundle", "size"), bundles=("bundle", "nunique")
        )
        by_cat["share_bundles"] = share(by_cat["bundles"])
        tables["summary_category"] = by_cat.sort_values(["findings", "category"], ascending=[False, True])

        def per(column: str, name: str) -> pd.DataFrame:
            frame = bundles.assign(_key=bundles[column].fillna("(onbekend)"), _failed=bundles["status"] == "fout")
            out = frame.groupby("_key", as_index=False).agg(
                bundles=("bundle", "size"), failed=("_failed", "sum"), findings=("findings", "sum")
            )
            out["findings_per_bundle"] = (out["findings"] / (out["bundles"] - out["failed"]).clip(lower=1)).round(2)
            return out.rename(columns={"_key": name})

        buyer_col = find_column(meta, BUYER_COLUMNS)
        if buyer_col:
            tables["summary_buyer"] = per(buyer_col, "buyer").sort_values(
                ["findings", "buyer"], ascending=[False, True]
            )
        if date_col:
            tables["summary_year"] = per("year", "year").sort_values("year")
        for name in SUMMARIES:
            for suffix in (".parquet", ".csv"):
                stale = self.root / f"{name}{suffix}"
                if name not in tables and stale.exists():
                    stale.unlink()
        for name, table in tables.items():
            table = table.reset_index(drop=True)
            atomic_write(self.root / f"{name}.parquet", lambda tmp, t=table: t.to_parquet(tmp, index=False))
            atomic_write(self.root / f"{name}.csv", lambda tmp, t=table: t.to_csv(tmp, index=False))
        return {"findings": int(len(findings))}
