"""The labelled development set (../shared/devset, real tender statements, expert labels) as a floor.

Precision and recall per category and overall may not drop below the committed figures
(tests/devset_floor.json), like the corpus floor. Skips when ../shared is absent. After an intended
improvement, refresh the floor with:
    python scripts/devset_report.py --json /tmp/d.json && python tests/test_devset.py /tmp/d.json
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset"
FLOOR = ROOT / "tests" / "devset_floor.json"


def _report_module():
    spec = importlib.util.spec_from_file_location("devset_report", ROOT / "scripts" / "devset_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (DEVSET / "items.yaml").is_file(), reason="../shared/devset is not here")
def test_devset_figures_do_not_drop():
    result = _report_module().score(DEVSET)
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    drops = []
    for level, expected in floor.items():
        got = result[level]
        for name, figures in [("micro", expected["micro"]), *expected["categories"].items()]:
            have = got["micro"] if name == "micro" else got["categories"].get(name, {})
            for metric in ("precision", "recall"):
                want, value = figures.get(metric), have.get(metric)
                if want is not None and (value is None or value + 1e-9 < want):
                    drops.append(f"{level} {name} {metric}: {value} < {want}")
    assert not drops, "\n".join(drops)


if __name__ == "__main__":  # refresh the floor from a devset_report JSON
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    floor = {
        level: {
            "micro": {m: d["micro"][m] for m in ("precision", "recall")},
            "categories": {c: {m: v[m] for m in ("precision", "recall")} for c, v in d["categories"].items()},
        }
        for level, d in data.items()
    }
    FLOOR.write_text(json.dumps(floor, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {FLOOR}")
