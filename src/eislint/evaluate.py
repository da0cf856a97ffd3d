"""`eislint eval`: findings against hand-made gold (<doc>.expected.yaml next to each document).

A gold entry names a rule (or only a category), a line and optionally the matched text. A
finding matches an entry with the same rule (or category), the same line and, when given, a
match that contains or is contained in the expected text (case-insensitive). Each side is
used at most once. Figures per rule and per category: precision, recall, F1.
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
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": _round(self.precision),
                "recall": _round(self.recall), "f1": _round(self.f1)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


@dataclass(slots=True)
class Result:
    rules: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    categories: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    total: Counts = field(default_factory=Counts)
    documents: list[str] = field(default_factory=list)
    false_positives: list[Finding] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "total": self.total.as_dict(),
            "categories": {k: v.as_dict() for k, v in sorted(self.categories.items())},
            "rules": {k: v.as_dict() for k, v in sorted(self.rules.items())},
            "false_positives": [{"path": f.path, "line": f.line, "rule": f.rule, "match": f.match}
                                for f in self.false_positives],
            "missed": self.missed,
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


def evaluate_corpus(corpus: Path, nlp_model: str | None = None) -> Result:
    from eislint.loader import all_rules

    categories = {r.id: r.category for r in all_rules()}
    result = Result()
    gold_files = sorted(corpus.rglob("*.expected.yaml"))
    for gold_path in gold_files:
        doc = load_yaml(gold_path)
        if not isinstance(doc.data, dict) or "document" not in doc.data:
            raise doc.error("verwacht 'document' en 'findings'")
        target = gold_path.parent / doc.data["document"]
        expected = list(doc.data.get("findings") or [])
        # gold annotated for some rules only: findings of other rules are not judged there
        scope = doc.data.get("rules")
        if scope is not None and (not isinstance(scope, list) or any(r not in categories for r in scope)):
            raise doc.error("'rules' is een lijst van bestaande regel-id's", "rules")
        for i, entry in enumerate(expected):
            if not isinstance(entry, dict) or "line" not in entry or not ("rule" in entry or "category" in entry):
                raise doc.error(f"verwachting {i + 1} heeft 'line' en 'rule' of 'category' nodig", "findings", i)
            if "rule" in entry and entry["rule"] not in categories:
                raise doc.error(f"onbekende regel '{entry['rule']}'", "findings", i)
        report = lint_paths([str(target)], RunOptions(nlp_model=nlp_model))
        result.documents.append(str(target))
        result.errors += [str(e) for e in report.errors]
        unmatched = list(expected)
        for finding in report.findings:
            if scope is not None and finding.rule not in scope:
                continue
            gold = next((g for g in unmatched if _matches(finding, g)), None)
            if gold is not None:
                unmatched.remove(gold)
                _add(result, finding.rule, finding.category, "tp")
            else:
                _add(result, finding.rule, finding.category, "fp")
                result.false_positives.append(finding)
        for gold in unmatched:
            rule = gold.get("rule")
            category = categories.get(rule, gold.get("category", "?"))
            _add(result, rule, category, "fn")
            result.missed.append({"path": str(target), **gold})
    if not gold_files:
        raise ConfigError(corpus, "geen *.expected.yaml gevonden")
    return result


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
            out.write(f"{name:<{width}} {c.tp:>4} {c.fp:>4} {c.fn:>4}  {_fmt(c.precision):>5} {_fmt(c.recall):>5} {_fmt(c.f1):>5}\n")
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
    for e in result.errors:
        out.write(f"fout: {e}\n")
