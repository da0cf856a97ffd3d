"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers).

Messages are Dutch; `language` is left out on purpose: the official schema's pattern for it,
'^(?i)...', is no valid Python (or ECMAScript) regular expression, so validators choke on it.
Columns count Unicode code points (`columnKind: unicodeCodePoints`); paths are relative to the
current directory where possible. `partialFingerprints["eislint/v1"]` hashes rule, normalised
matched text and requirement id, so results survive lines inserted above them.
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from eislint import __version__
from eislint.baseline import occurrence_fingerprints, report_path
from eislint.engine import Report
from eislint.findings import Finding, Severity
from eislint.formatters.lines import where_suffix

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def uri(path: str) -> str:
    return quote(report_path(path) or "-", safe="/:")


def _rule(rule) -> dict:
    docs = rule.docs
    first = docs["wat"].split(". ")[0].rstrip(".") + "."
    help_text = f"{docs['wat']}\n\nWaarom: {docs['waarom']}\n\nFout: {docs['fout']}\nGoed: {docs['goed']}\n\nBron: {rule.citation}"
    help_md = (
        f"{docs['wat']}\n\n**Waarom:** {docs['waarom']}\n\n**Fout:** {docs['fout']}  \n**Goed:** {docs['goed']}"
        f"\n\n**Bron:** {rule.citation}"
    )
    return {
        "id": rule.id,
        "name": rule.id.split(".", 1)[1],
        "shortDescription": {"text": first},
        "fullDescription": {"text": docs["wat"]},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[rule.level]},
        "properties": {"category": rule.category, "pack": rule.pack, "tags": _tags(rule)},
    }


def _tags(rule) -> list[str]:
    # SARIF requires unique tags; in most packs the pack is named after its category
    return list(dict.fromkeys((rule.category, rule.pack)))


def _result(f: Finding, index: int | None, fp: str) -> dict:
    # in a Word/Excel/PDF file the line of the extracted text means nothing to a reader
    text = f.message + where_suffix(f)
    if f.suggestion:
        text += f" Suggestie: {f.suggestion}"
    region: dict[str, Any] = {
        "startLine": max(f.line, 1),
        "startColumn": max(f.column, 1),
        "endLine": max(f.end_line, f.line, 1),
        "endColumn": max(f.end_column, 1),
    }
    if region["endLine"] == region["startLine"] and region["endColumn"] < region["startColumn"]:
        region["endColumn"] = region["startColumn"]
    if f.match:
        region["snippet"] = {"text": f.match}
    location: dict = {"physicalLocation": {"artifactLocation": {"uri": uri(f.path)}, "region": region}}
    if f.where or f.section or f.requirement:
        name = " > ".join(x for x in (f.section, f.requirement, f.where) if x)
        location["logicalLocations"] = [{"name": name, "kind": "element"}]
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {"eislint/v1": fp},
        "properties": {"category": f.category, "confidence": f.confidence},
    }
    if index is not None:
        result["ruleIndex"] = index
    props = result["properties"]
    for key in ("requirement", "section", "citation", "where"):
        value = getattr(f, key)
        if value:
            props[key] = value
    if location := f.location.as_dict():
        props["location"] = location
    return result


def as_dict(report: Report) -> dict:
    rules = list(report.rules)
    ids = {r.id for r in rules}
    index = {r.id: i for i, r in enumerate(rules)}
    descriptors = [_rule(r) for r in rules]
    for f in report.findings:  # a finding of a rule the report does not list (should not happen)
        if f.rule not in ids:
            ids.add(f.rule)
            index[f.rule] = len(descriptors)
            descriptors.append({"id": f.rule, "defaultConfiguration": {"level": LEVELS[f.severity]}})
    fps = occurrence_fingerprints(report.findings)
    results = [_result(f, index.get(f.rule), fp) for f, fp in zip(report.findings, fps)]
    notifications = [
        {
            "level": "error",
            "message": {"text": str(e)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(e.path)}}}],
        }
        for e in report.errors
    ]
    notifications += [{"level": "note", "message": {"text": n}} for n in dict.fromkeys(report.notices)]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "eislint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://example.invalid/eislint/docs",
                        "rules": descriptors,
                    }
                },
                "invocations": [
                    {"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(report: Report, out: TextIO, color: bool) -> None:
    json.dump(as_dict(report), out, ensure_ascii=False, indent=2)
    out.write("\n")
