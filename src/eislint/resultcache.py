"""A cache of whole check results: a re-check of an unchanged tender runs no rule and loads no model.

Findings depend on the whole bundle (its context, the other documents, the sections), the
resolved configuration, the rules and eislint's code, so the unit cached is one config group of
`lint_paths` (the files one eislint.yaml governs, all bundles in it) and the key covers all of it:

- every input file's path, display name, bundle, the SHA-256 of its bytes and the rules in force
  for it (per-path ignores match where the file really is); text on stdin by its bytes and the
  name it stands for;
- the resolved configuration (eislint.yaml or [tool.eislint] with the command line's --select,
  --ignore, --nlp-model applied), including the folder per-path ignores are relative to;
- the rule files (the bundled rules or --rules-dir: every file's bytes);
- eislint's Python source, the contents of the pipeline's files, the Python version and every
  installed distribution's version.

What is stored is the report's part for the group (findings with every field, read errors,
notices, document summaries, the tender context, the ids of the rules that ran) as JSON, never
pickle: a cache shared between CI runs is data, not code. Entries live in eislint.cache's folder
(`results-v1/`) with its storage rules: atomic writes, a checksum, eviction by last use,
`--no-cache` and `eislint cache clear`. A damaged or unreadable entry is a miss, never an error.
Nothing is cached for a group with a file that cannot be hashed (unreadable, over the size limit)
or in --debug runs (they exist to see exceptions).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import zlib
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eislint import cache, locations
from eislint.context import Tender
from eislint.findings import Applicability, Edit, Finding, Fix, InputError, Severity
from eislint.tender_context import TenderContext

if TYPE_CHECKING:
    from eislint.config import Config
    from eislint.engine import DocumentSummary, Report, RunOptions
    from eislint.loader import Rule

_SUFFIX = ".json.z"
_LOCATIONS = {
    cls.__name__: cls
    for cls in (locations.Location, locations.Paragraph, locations.TableCell, locations.SheetCell, locations.PdfLine)
}


@dataclass(slots=True)
class Mark:
    """How far the report was filled before a group ran: what the group adds comes after."""

    findings: int
    errors: int
    documents: int
    notices: int

    @classmethod
    def of(cls, report: Report) -> Mark:
        return cls(
            len(report.findings),
            len(report.errors),
            len(report.documents),
            len(report.notices),
        )


# ---------------------------------------------------------------- the key


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """eislint's Python source and the shipped pipeline's files, once per process."""
    from eislint.nlp_model import PIPELINE_PATH

    here = Path(__file__).resolve().parent
    h = hashlib.sha256(sys.version.encode())
    for path in sorted(here.rglob("*.py")):
        h.update(str(path.relative_to(here)).encode() + b"\0" + path.read_bytes())
    if PIPELINE_PATH.is_dir():
        h.update(cache._files_hash(PIPELINE_PATH).encode())
    for name in _installed():
        h.update(name.encode() + b"\n")
    return h.hexdigest()


def _installed() -> list[str]:
    """Every installed distribution with its version, from the names of the metadata folders
    ('numpy-2.1.3.dist-info'): any library (spaCy, thinc, numpy, lxml, the readers' libraries)
    may shape a result; listing folders costs a millisecond, reading every distribution's
    metadata ninety."""
    names: set[str] = set()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as it:
                names.update(e.name for e in it if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return sorted(names)


@lru_cache(maxsize=4)
def _rules_hash(directory: str) -> str:
    root = Path(directory)
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _model_hash(name: str | None) -> str:
    """A pipeline named in the config: a folder by its files, a package by its version."""
    if not name:
        return ""
    path = Path(name)
    if path.is_dir():
        return cache._files_hash(path)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{name}={version(name)}"
    except PackageNotFoundError:
        return name


def group_key(
    group: list[tuple[Path | None, str, str]], config: Config, rules: list[Rule], options: RunOptions, stdin: Any
) -> str | None:
    """The key of one config group's result, or None when it cannot be cached."""
    from eislint.engine import Stdin
    from eislint.loader import rules_dir
    from eislint.readers import ReadError

    if options.debug:
        return None
    max_bytes = int(config.max_file_mb * 1024 * 1024)
    h = hashlib.sha256(cache.RESULTS_FORMAT.encode())
    h.update(_code_hash().encode())
    try:
        h.update(_rules_hash(str((options.rules_dir or rules_dir()).resolve())).encode())
    except OSError:
        return None
    h.update(json.dumps(asdict(config), sort_keys=True, default=str).encode())
    h.update(_model_hash(config.nlp_model).encode())
    h.update(options.stdin_name.encode() + b"\0")
    for path, display, bundle in group:
        h.update(f"{path}\0{display}\0{bundle}\0".encode())
        try:
            if path is None:
                data = stdin.read(max_bytes) if isinstance(stdin, Stdin) else (stdin or b"")
            else:
                data = _regular_file_bytes(path, max_bytes)
            # per-path ignores match where the file really is (the working folder, symlinks): the
            # rules in force for it, not only its name, belong in the key
            in_force = config.enabled_rules(rules, display if path is not None else options.stdin_name)
        except (OSError, RuntimeError, ReadError):  # the read stage says what is wrong; nothing to cache
            return None  # RuntimeError: a symlink loop, before Python 3.13
        if data is None:
            return None
        h.update(hashlib.sha256(data).digest())
        h.update(",".join(sorted(f"{r.id}:{r.level.name}" for r in in_force)).encode() + b"\0")
    return h.hexdigest()


def _regular_file_bytes(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of a regular file within the size limit; None for anything else (a device, a
    FIFO, a file over the limit), which the read stage refuses with its own message."""
    st = path.stat()  # before opening: opening a FIFO would wait for a writer
    if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
        return None
    with open(path, "rb") as stream:
        data = stream.read(max_bytes + 1)  # a file that grew since
    return data if len(data) <= max_bytes else None


def _path(key: str, root: Path | None) -> Path:
    return (root or cache.cache_dir()) / cache.RESULTS_FORMAT / key[:2] / (key[2:] + _SUFFIX)


# ---------------------------------------------------------------- store and load


def store(
    key: str,
    report: Report,
    mark: Mark,
    ran: list[str] | None,
    tenders: dict[str, Tender] | None = None,
    root: Path | None = None,
) -> None:
    """Keep what the group added to the report. Never fails a run: what cannot be stored is not.
    A result with an internal error is not kept: a later run (more memory, a fixed library) may do
    better."""
    if any(e.internal for e in report.errors[mark.errors :]):
        return
    data = {
        "findings": [_finding(f) for f in report.findings[mark.findings :]],
        "errors": [[e.path, e.message] for e in report.errors[mark.errors :]],
        "documents": [asdict(d) for d in report.documents[mark.documents :]],
        "notices": report.notices[mark.notices :],
        # the tenders this group inferred, in its order (the HTML report shows the first), also for a
        # bundle key an earlier group had ("" for loose files)
        "tenders": [[k, _tender(t)] for k, t in (tenders or {}).items()],
        "rules": ran,
    }
    # ASCII escapes: text from a PDF may hold a lone surrogate, which UTF-8 cannot encode
    payload = zlib.compress(json.dumps(data, separators=(",", ":")).encode("ascii"), 1)
    limit = cache.max_bytes()
    if len(payload) > limit // 4:  # one huge result must not evict the whole cache
        return
    if cache.write_entry(_path(key, root), payload):
        cache.evict(root or cache.cache_dir(), limit)


def load(key: str, report: Report, config: Config, rules: list[Rule], root: Path | None = None) -> bool:
    """Add a stored result to the report; False (and the report untouched) when there is none
    or it cannot be read back whole."""
    payload = cache.read_entry(_path(key, root))
    if payload is None:
        return False
    try:
        data = json.loads(zlib.decompress(payload))
        findings = [_finding_from(d) for d in data["findings"]]
        errors = [InputError(path, message) for path, message in data["errors"]]
        documents = [_document_from(d) for d in data["documents"]]
        tenders = {k: _tender_from(t) for k, t in data["tenders"]}
        ran = _rules_from(data["rules"], config, rules)
        notices = [str(n) for n in data["notices"]]
    except Exception:  # whatever a damaged or foreign entry raises, the group is checked again
        return False
    report.findings.extend(findings)
    report.errors.extend(errors)
    report.documents.extend(documents)
    report.notices.extend(notices)
    report.tenders.update(tenders)
    if ran is not None:
        report.rules = ran
    return True


def _rules_from(ids: list[str] | None, config: Config, rules: list[Rule]) -> list[Rule] | None:
    if ids is None:
        return None
    enabled = {r.id: r for r in config.enabled_rules(rules)}
    # a rule switched off for some paths only is not in enabled_rules(rules) without a path
    everything = {r.id: r for r in rules}
    return [enabled.get(i) or everything[i] for i in ids]


# ---------------------------------------------------------------- the JSON form


def _finding(f: Finding) -> dict[str, Any]:
    out = {fld.name: getattr(f, fld.name) for fld in fields(Finding)}
    out["severity"] = f.severity.name
    out["location"] = {"type": type(f.location).__name__, **asdict(f.location)}
    if f.fix is not None:
        out["fix"] = {
            "title": f.fix.title,
            "applicability": f.fix.applicability.value,
            "edits": [[e.start, e.end, e.replacement] for e in f.fix.edits],
        }
    return out


def _finding_from(d: dict[str, Any]) -> Finding:
    d = dict(d)
    d["severity"] = Severity[d["severity"]]
    loc = dict(d["location"])
    d["location"] = _LOCATIONS[loc.pop("type")](**loc)
    if d["fix"] is not None:
        fix = d["fix"]
        d["fix"] = Fix(fix["title"], tuple(Edit(*e) for e in fix["edits"]), Applicability(fix["applicability"]))
    return Finding(**d)


def _document_from(d: dict[str, Any]) -> DocumentSummary:
    from eislint.engine import DocumentSummary

    return DocumentSummary(**d)


def _tender(t: Tender) -> dict[str, Any]:
    return {"context": asdict(t.context), "source": t.source, "health_data": t.health_data}


def _tender_from(d: dict[str, Any]) -> Tender:
    return Tender(TenderContext(**d["context"]), dict(d["source"]), bool(d["health_data"]))
