"""Score eislint on the labelled development set (../shared/devset), per category and per rule.

    python scripts/devset_report.py [--devset ../shared/devset] [--json out.json]

The documents are built exactly as ../shared/devset/score.py builds them (its own `build`), and
linted in process; a finding counts for an item when it lands on the item's line, once per
(item, category). Per rule: how often the rule's finding on an item agrees with an expert label of
its category. The dev-set text never leaves ../shared: only figures are printed.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "devset"
LEVELS = {"warnings and errors": {"error", "warning"}, "all severities": {"error", "warning", "info"}}


def _score_module(devset: Path):
    spec = importlib.util.spec_from_file_location("devset_score", devset / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def score(devset: Path = DEFAULT) -> dict:
    import yaml

    from eislint.engine import lint_paths

    module = _score_module(devset)
    items = yaml.safe_load((devset / "items.yaml").read_text(encoding="utf-8"))["items"]
    docs, where = module.build(items)
    cats = module.CATS
    gold = {it["id"]: set(it.get("gold") or []) & set(cats) for it in items}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for src, text in docs.items():
            path = Path(tmp) / src
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        report = lint_paths(paths)
        findings = [(Path(f.path).name, f.line, f.category, f.rule, f.severity.label) for f in report.findings]
    result: dict = {}
    for label, severities in LEVELS.items():
        predicted: dict[str, dict[str, str]] = collections.defaultdict(dict)
        per_rule: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        for name, line, category, rule, severity in findings:
            item = where.get((name, line))
            if item and severity in severities and category in cats:
                if category not in predicted[item]:
                    predicted[item][category] = rule
                    per_rule[rule]["tp" if category in gold[item] else "fp"] += 1
        counts = {c: collections.Counter() for c in cats}
        for item, labels in gold.items():
            for c in cats:
                hit = c in predicted.get(item, {})
                if hit and c in labels:
                    counts[c]["tp"] += 1
                elif hit:
                    counts[c]["fp"] += 1
                elif c in labels:
                    counts[c]["fn"] += 1
        total = sum(counts.values(), collections.Counter())
        result[label] = {
            "categories": {c: _prf(n) for c, n in counts.items() if sum(n.values())},
            "rules": {r: _prf(n) for r, n in sorted(per_rule.items())},
            "micro": _prf(total),
        }
    return result


def _prf(n: collections.Counter) -> dict:
    tp, fp, fn = n["tp"], n["fp"], n["fn"]
    return {"tp": tp, "fp": fp, "fn": fn,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None}


def _fmt(value) -> str:
    return "   -" if value is None else f"{value:.2f}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--devset", type=Path, default=DEFAULT)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if not (args.devset / "items.yaml").is_file():
        print(f"no development set at {args.devset}", file=sys.stderr)
        return 2
    result = score(args.devset)
    for label, data in result.items():
        print(f"\n{label}\n{'category':18} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>5} {'R':>5}")
        for c, n in data["categories"].items():
            print(f"{c:18} {n['tp']:4} {n['fp']:4} {n['fn']:4} {_fmt(n['precision']):>5} {_fmt(n['recall']):>5}")
        m = data["micro"]
        print(f"{'micro':18} {m['tp']:4} {m['fp']:4} {m['fn']:4} {_fmt(m['precision']):>5} {_fmt(m['recall']):>5}")
        print(f"\n{'rule':42} {'TP':>4} {'FP':>4} {'P':>5}")
        for r, n in data["rules"].items():
            print(f"{r:42} {n['tp']:4} {n['fp']:4} {_fmt(n['precision']):>5}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
