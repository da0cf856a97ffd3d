"""`eislint eval`: findings against hand-made gold (<doc>.expected.yaml next to each document).

A gold entry names a rule (or only a category), a line and optionally the matched text. A
finding matches an entry with the same rule (or category), the same line and, when given, a
match that contains or is contained in the expected text (case-insensitive). Each side is
used at most once. Figures per rule and per category: precision, recall, F1.

A folder is one tender bundle, as for `eislint check`: its documents are linted together, so a
part may be in another file. A gold file says `bundle: false` when its folder holds versions of
a tender rather than one tender. `rules:` or `categories:` limit what is judged in a document
(gold made for some rules or categories only); `requirements:` is the number of requirements an
expert counted by hand, compared with what eislint found.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from eislint.engine import RunOptions, lint_paths
from eislint.findings import Finding
from eislint.yamlio import ConfigError, load_yaml


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


@dataclass(slots=True)
class Result:
    rules: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    categories: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    total: Counts = field(default_factory=Counts)
    documents: list[str] = field(default_factory=list)
    # (document, requirements counted by hand, requirements eislint found)
    requirement_counts: list[tuple[str, int, int]] = field(default_factory=list)
    false_positives: list[Finding] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "total": self.total.as_dict(),
            "categories": {k: v.as_dict() for k, v in sorted(self.categories.items())},
            "rules": {k: v.as_dict() for k, v in sorted(self.rules.items())},
            "false_positives": [
                {"path": f.path, "line": f.line, "rule": f.rule, "match": f.match} for f in self.false_positives
            ],
            "missed": self.missed,
            "requirement_counts": [{"path": p, "expected": e, "found": f} for p, e, f in self.requirement_counts],
            "errors": self.errors,
        }


def _matches(finding: Finding, gold: dict[str, Any]) -> bool:
    if "rule" in gold and gold["rule"] != finding.rule:
        return False
    if "rule" not in gold and gold.get("category") != finding.category:
        return False
    if int(gold["line"]) != finding.line:
        return False
    expected = str(gold.get("match") or "").lower().strip()
    if expected:
        got = " ".join(finding.match.lower().split())
        expected = " ".join(expected.split())
        return expected in got or got in expected
    return True


def evaluate_corpus(
    corpus: Path, nlp_model: str | None = None, rule_gold_only: bool = False, debug: bool = False
) -> Result:
    """`rule_gold_only`: leave out gold made per category by an independent adviser (`categories:`),
    to check the team's own rule definitions on the team's own gold."""
    from eislint.loader import CATEGORIES, all_rules

    categories = {r.id: r.category for r in all_rules()}
    result = Result()
    gold_files = sorted(corpus.rglob("*.expected.yaml"))
    if not gold_files:
        raise ConfigError(corpus, "geen *.expected.yaml gevonden")
    golds = [_load_gold(path, categories, CATEGORIES) for path in gold_files]
    if rule_gold_only:
        golds = [g for g in golds if g["categories"] is None]
    # one lint run per bundle (a folder), or per document where the gold says it is no bundle
    runs: dict[str, list[dict[str, Any]]] = {}
    for gold in golds:
        key = str(gold["target"].parent) if gold["bundle"] else str(gold["target"])
        runs.setdefault(key, []).append(gold)
    for key, members in runs.items():
        paths = [key] if members[0]["bundle"] else [str(members[0]["target"])]
        report = lint_paths(paths, RunOptions(nlp_model=nlp_model, debug=debug))
        result.errors += [str(e) for e in report.errors]
        # goals are no requirements a bidder answers; the hand count leaves them out too
        counted = {d.path: sum(n for k, n in d.requirements.items() if k != "doel") for d in report.documents}
        for gold in members:
            target = str(gold["target"])
            result.documents.append(target)
            if gold["requirements"] is not None:
                result.requirement_counts.append((target, gold["requirements"], counted.get(target, 0)))
            findings = [f for f in report.findings if f.path == target]
            _judge(result, gold, findings, categories)
    return result


def _load_gold(path: Path, rule_categories: dict[str, str], all_categories: tuple[str, ...]) -> dict[str, Any]:
    doc = load_yaml(path)
    if not isinstance(doc.data, dict) or "document" not in doc.data:
        raise doc.error("verwacht 'document' en 'findings'")
    expected = list(doc.data.get("findings") or [])
    # gold annotated for some rules or categories only: other findings are not judged there
    rules = doc.data.get("rules")
    if rules is not None and (not isinstance(rules, list) or any(r not in rule_categories for r in rules)):
        raise doc.error("'rules' is een lijst van bestaande regel-id's", "rules")
    cats = doc.data.get("categories")
    if cats is not None and (not isinstance(cats, list) or any(c not in all_categories for c in cats)):
        raise doc.error("'categories' is een lijst van bestaande categorieën", "categories")
    count = doc.data.get("requirements")
    if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 0):
        raise doc.error("'requirements' is een aantal (geheel getal)", "requirements")
    bundle = doc.data.get("bundle", True)
    if not isinstance(bundle, bool):
        raise doc.error("'bundle' is true of false", "bundle")
    _check_expected(doc, expected, rule_categories)
    return {
        "target": path.parent / doc.data["document"],
        "expected": expected,
        "rules": rules,
        "categories": cats,
        "requirements": count,
        "bundle": bundle,
    }


def _check_expected(doc: Any, expected: list, rule_categories: dict[str, str]) -> None:
    """Every expected finding names a line and a known rule or a category."""
    for i, entry in enumerate(expected):
        if not isinstance(entry, dict) or "line" not in entry or not ("rule" in entry or "category" in entry):
            raise doc.error(f"verwachting {i + 1} heeft 'line' en 'rule' of 'category' nodig", "findings", i)
        if "rule" in entry and entry["rule"] not in rule_categories:
            raise doc.error(f"onbekende regel '{entry['rule']}'", "findings", i)


def _judge(result: Result, gold: dict[str, Any], findings: list[Finding], categories: dict[str, str]) -> None:
    unmatched = list(gold["expected"])
    for finding in findings:
        if gold["rules"] is not None and finding.rule not in gold["rules"]:
            continue
        if gold["categories"] is not None and finding.category not in gold["categories"]:
            continue
        match = next((g for g in unmatched if _matches(finding, g)), None)
        if match is not None:
            unmatched.remove(match)
            _add(result, finding.rule, finding.category, "tp")
        elif _duplicate(finding, gold["expected"], unmatched):
            continue  # a second finding on a statement already found for this category
        else:
            _add(result, finding.rule, finding.category, "fp")
            result.false_positives.append(finding)
    for entry in unmatched:
        rule = entry.get("rule")
        category = categories.get(rule, entry.get("category", "?"))
        _add(result, rule, category, "fn")
        result.missed.append({"path": str(gold["target"]), **entry})


def _duplicate(finding: Finding, expected: list[dict[str, Any]], unmatched: list[dict[str, Any]]) -> bool:
    """Category gold is one entry per (statement, category): a further finding of that category on a
    statement that was already matched is neither a new hit nor a false alarm."""
    return any("rule" not in g and g not in unmatched and _matches(finding, g) for g in expected)


def _add(result: Result, rule: str | None, category: str, kind: str) -> None:
    for counts in ([result.rules[rule]] if rule else []) + [result.categories[category], result.total]:
        setattr(counts, kind, getattr(counts, kind) + 1)


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def render_table(result: Result, out: TextIO) -> None:
    def table(title: str, rows: dict[str, Counts]) -> None:
        width = max([len(title)] + [len(k) for k in rows]) + 2
        out.write(f"{title:<{width}} {'TP':>4} {'FP':>4} {'FN':>4}  {'prec':>5} {'rec':>5} {'F1':>5}\n")
        for name, c in sorted(rows.items()):
            out.write(
                f"{name:<{width}} {c.tp:>4} {c.fp:>4} {c.fn:>4}  {_fmt(c.precision):>5} {_fmt(c.recall):>5} {_fmt(c.f1):>5}\n"
            )
        out.write("\n")

    out.write(f"{len(result.documents)} documenten\n\n")
    table("regel", dict(result.rules))
    table("categorie", dict(result.categories))
    table("totaal", {"alle": result.total})
    if result.false_positives:
        out.write("Onterechte meldingen:\n")
        for f in result.false_positives:
            out.write(f"  {f.path}:{f.line}: {f.rule} '{f.match}'\n")
    if result.missed:
        out.write("Gemiste meldingen:\n")
        for m in result.missed:
            out.write(f"  {m['path']}:{m['line']}: {m.get('rule') or m.get('category')} '{m.get('match', '')}'\n")
    if result.requirement_counts:
        out.write("Eisen per document (met de hand geteld / gevonden):\n")
        for path, expected, found in result.requirement_counts:
            off = f"{(found - expected) / expected:+.0%}" if expected else ("0%" if not found else "+∞")
            out.write(f"  {path}: {expected} / {found} ({off})\n")
    for e in result.errors:
        out.write(f"fout: {e}\n")
