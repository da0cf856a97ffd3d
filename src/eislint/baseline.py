"""Baselines: accept the findings a tender already has, report only new ones.

A baseline entry is keyed by rule + path + fingerprint, never by line number: the fingerprint
hashes the rule, the normalised matched text and the requirement id, so inserting lines above a
finding does not change it, and changing the flagged words does. Entries are counted: two
identical findings in a file against one in the baseline leave one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eislint.findings import Finding

SCHEMA = "eislint-baseline/1"


class BaselineError(ValueError):
    """A baseline file that cannot be read; one Dutch line."""


def normalise(text: str) -> str:
    """Matched text as compared: whitespace collapsed, lower case, outer punctuation stripped."""
    return re.sub(r"\s+", " ", text).strip().strip(".,;:").strip().lower()


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def fingerprint(finding: Finding) -> str:
    """Stable across line shifts: rule, normalised match and requirement id."""
    return _hash(finding.rule, normalise(finding.match), finding.requirement or "")


def context_hash(finding: Finding) -> str:
    return _hash(normalise(finding.context))


def report_path(path: str) -> str:
    """The path as stored: relative to the current directory where possible, with '/'."""
    if path == "-" or not path:
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path))
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    if rel.startswith(".."):
        rel = os.path.abspath(path)
    return Path(rel).as_posix()


def occurrence_fingerprints(findings: Iterable[Finding]) -> list[str]:
    """A fingerprint per finding that is unique within a run: identical findings in one file get
    ':2', ':3' in order of appearance (for SARIF partialFingerprints and GitLab)."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for f in findings:
        key = (report_path(f.path), fingerprint(f))
        seen[key] += 1
        n = seen[key]
        out.append(f"{key[1]}:{n}" if n > 1 else key[1])
    return out


def entry(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "path": report_path(finding.path),
        "match": normalise(finding.match),
        "requirement": finding.requirement,
        "fingerprint": fingerprint(finding),
        "context_hash": context_hash(finding),
    }


def build(findings: Iterable[Finding]) -> dict[str, Any]:
    from eislint import __version__

    entries = sorted((entry(f) for f in findings), key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    return {"schema": SCHEMA, "version": __version__, "findings": entries}


def write(findings: Iterable[Finding], path: Path) -> int:
    data = build(findings)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(data["findings"])


def load(path: Path) -> Counter[tuple[str, str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baselinebestand bestaat niet") from None
    except IsADirectoryError:
        raise BaselineError(f"{path}: is een map, geen baselinebestand") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{path}: geen geldig baselinebestand (ongeldige JSON, regel {exc.lineno}, kolom {exc.colno})"
        ) from None
    except RecursionError:
        raise BaselineError(f"{path}: te diep genest; geen eislint-baseline") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: geen geldige UTF-8") from None
    except ValueError:  # e.g. an integer of more than 4,300 digits
        raise BaselineError(f"{path}: geen geldig baselinebestand") from None
    except OSError as exc:
        raise BaselineError(f"{path}: kan baselinebestand niet lezen ({exc.strerror or exc})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: geen eislint-baseline (verwacht schema '{SCHEMA}')")
    counts: Counter[tuple[str, str, str]] = Counter()
    for item in data["findings"]:
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("rule", "path", "fingerprint")):
            raise BaselineError(f"{path}: ongeldige regel in 'findings': {item!r}")
        counts[(item["rule"], item["path"], item["fingerprint"])] += 1
    return counts


def filter_new(findings: list[Finding], baseline: Counter[tuple[str, str, str]]) -> tuple[list[Finding], int]:
    """The findings not covered by the baseline, and how many were covered."""
    remaining = Counter(baseline)
    kept: list[Finding] = []
    covered = 0
    for f in findings:
        key = (f.rule, report_path(f.path), fingerprint(f))
        if remaining[key] > 0:
            remaining[key] -= 1
            covered += 1
        else:
            kept.append(f)
    return kept, covered
