"""What a corpus run checks: a list of bundles, each with an id, a path and metadata.

Two kinds of input:

- a folder of bundle folders: every subfolder is one bundle (id = its name), every document
  directly in the folder is a bundle of its own. A folder that holds documents itself and no
  tender subfolders is, as for `eislint check`, one tender: then it is one bundle.
- a manifest, CSV (comma, semicolon or tab) or JSONL: one bundle per row with a `path` column
  (relative to the manifest's folder), an optional `id`, and any other columns as metadata
  (buyer, date, CPV code, ...). Metadata values are kept as text.

Only the standard library is used here, so the manifest can be checked before Dask starts.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from eislint import readers
from eislint.api import FINDING_COLUMNS

PATH_COLUMNS = ("path", "pad")
ID_COLUMNS = ("id", "bundle", "bundel")
# Columns a result row already has: metadata with one of these names would be ambiguous.
RESERVED = frozenset(
    {
        "bundle",
        "bundle_path",
        "status",
        "error",
        "documents",
        "requirements",
        "findings",
        "content_hash",
        "ruleset",
        "seconds",
        "cpu_seconds",
        "linted_at",
        "worker",
        "run",
        "year",
        *FINDING_COLUMNS,
    }
)
MANIFEST_SUFFIXES = (".csv", ".jsonl", ".ndjson")


class ManifestError(ValueError):
    """Unusable corpus input: one Dutch line with the file (and line) and the problem."""


@dataclass(frozen=True, slots=True)
class BundleSpec:
    id: str
    path: str
    metadata: dict[str, str | None] = field(default_factory=dict)


def load(source: str | Path) -> list[BundleSpec]:
    """The bundles of a folder or a manifest, in input order; ManifestError when unusable."""
    source = Path(source)
    if source.is_dir():
        bundles = _from_folder(source)
    elif source.is_file():
        suffix = source.suffix.lower()
        if suffix == ".csv":
            bundles = _from_rows(source, _csv_rows(source))
        elif suffix in (".jsonl", ".ndjson"):
            bundles = _from_rows(source, _jsonl_rows(source))
        else:
            raise ManifestError(f"{source}: geen map en geen manifest (verwacht .csv of .jsonl)")
    else:
        raise ManifestError(f"{source}: bestand of map bestaat niet")
    if not bundles:
        raise ManifestError(f"{source}: geen bundels gevonden")
    return bundles


def metadata_columns(bundles: list[BundleSpec]) -> list[str]:
    """All metadata keys, in first-seen order."""
    return list(dict.fromkeys(k for b in bundles for k in b.metadata))


def _from_folder(folder: Path) -> list[BundleSpec]:
    folder = folder.resolve()  # workers elsewhere do not share the client's working directory
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    documents = [p for p in entries if p.is_file() and readers.supported(p) and not readers.is_temporary(p)]
    folders = [p for p in entries if p.is_dir()]
    if documents and not folders:  # one tender, as `eislint check` reads it
        return [BundleSpec(folder.name, str(folder))]
    return [BundleSpec(p.name, str(p)) for p in sorted([*folders, *documents])]


def _csv_rows(path: Path) -> list[tuple[int, dict[str, str | None]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: manifest niet leesbaar als UTF-8 ({exc.__class__.__name__})") from None
    header = text.split("\n", 1)[0]
    try:  # only the delimiter is guessed (Dutch Excel writes ';'); quoting is Excel's
        delimiter = csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if reader.fieldnames is None:
        raise ManifestError(f"{path}: manifest is leeg")
    rows = []
    for row in reader:
        if None in row:
            raise ManifestError(f"{path}:{reader.line_num}: meer velden dan kolommen in de kopregel")
        if not any((v or "").strip() for v in row.values()):
            continue
        rows.append(
            (reader.line_num, {k.strip(): (v.strip() or None) if v is not None else None for k, v in row.items()})
        )
    return rows


def _jsonl_rows(path: Path) -> list[tuple[int, dict[str, str | None]]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: manifest niet leesbaar als UTF-8 ({exc.__class__.__name__})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ManifestError(f"{path}:{number}: geen geldige JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise ManifestError(f"{path}:{number}: verwacht een JSON-object per regel")
        rows.append((number, {str(k).strip(): _text(v) for k, v in obj.items()}))
    return rows


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _from_rows(manifest: Path, rows: list[tuple[int, dict[str, str | None]]]) -> list[BundleSpec]:
    base = manifest.resolve().parent
    bundles: list[BundleSpec] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        path_key = next((k for k in PATH_COLUMNS if k in row), None)
        if path_key is None:
            raise ManifestError(f"{manifest}:{number}: kolom 'path' ontbreekt (het pad van de bundel)")
        raw = row[path_key]
        if not raw:
            raise ManifestError(f"{manifest}:{number}: leeg pad")
        id_key = next((k for k in ID_COLUMNS if k in row), None)
        bundle_id = (row[id_key] if id_key else None) or raw
        if bundle_id in seen:
            raise ManifestError(f"{manifest}:{number}: bundel '{bundle_id}' staat ook op regel {seen[bundle_id]}")
        seen[bundle_id] = number
        metadata = {k: v for k, v in row.items() if k not in (path_key, id_key)}
        for key in metadata:
            if not key:
                raise ManifestError(f"{manifest}:{number}: kolom zonder naam")
            if key in RESERVED:
                raise ManifestError(
                    f"{manifest}:{number}: kolomnaam '{key}' is gereserveerd voor de uitvoer; "
                    "geef de kolom een andere naam"
                )
        path = Path(raw)
        bundles.append(BundleSpec(bundle_id, str(path if path.is_absolute() else base / path), metadata))
    return bundles
