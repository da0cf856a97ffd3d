"""JUnit XML: a testsuite per file, a testcase per enabled rule; a rule with findings in that
file fails and lists them. Unreadable files become a testsuite with an error."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from eislint.baseline import report_path
from eislint.dutch.output import aantal
from eislint.engine import Report
from eislint.formatters.lines import one_line, where_suffix


def _enabled(report: Report, path: str) -> list[str]:
    rules = report.rules
    if report.config is not None:
        try:
            rules = report.config.enabled_rules(list(report.rules), path)
        except Exception:
            rules = report.rules
    return sorted(r.id for r in rules)


def as_element(report: Report) -> ET.Element:
    root = ET.Element("testsuites", name="eislint")
    by_path = {p: list(fs) for p, fs in groupby(sorted(report.findings, key=lambda f: f.path), key=lambda f: f.path)}
    total_tests = total_failures = total_errors = 0
    for doc in report.documents:
        findings = by_path.get(doc.path, [])
        rule_ids = _enabled(report, doc.path)
        rule_ids += sorted({f.rule for f in findings} - set(rule_ids))
        name = report_path(doc.path)
        suite = ET.SubElement(root, "testsuite", name=name)
        failures = 0
        for rule_id in rule_ids:
            case = ET.SubElement(suite, "testcase", classname=name, name=rule_id)
            hits = [f for f in findings if f.rule == rule_id]
            if hits:
                failures += 1
                worst = max(f.severity for f in hits)
                lines = [
                    f"{name}:{f.line}:{f.column}: {f.severity.dutch} {one_line(f.message)}"
                    + where_suffix(f)
                    + (f"\n  suggestie: {f.suggestion}" if f.suggestion else "")
                    for f in hits
                ]
                fail = ET.SubElement(
                    case,
                    "failure",
                    type=worst.label,
                    message=f"{aantal(len(hits), 'melding')} van {rule_id}: {one_line(hits[0].message)}",
                )
                fail.text = "\n".join(lines)
        suite.set("tests", str(len(rule_ids)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += len(rule_ids)
        total_failures += failures
    for error in report.errors:
        name = report_path(error.path)
        suite = ET.SubElement(root, "testsuite", name=name, tests="1", failures="0", errors="1", skipped="0")
        case = ET.SubElement(suite, "testcase", classname=name, name="lezen")
        ET.SubElement(case, "error", type="ReadError", message=error.message).text = str(error)
        total_tests += 1
        total_errors += 1
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    return root


def render(report: Report, out: TextIO, color: bool) -> None:
    root = as_element(report)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
