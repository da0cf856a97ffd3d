"""eislint side by side with proselint on the same ~50,000-word Dutch tender, in one run.

Whole processes, alternated (proselint, eislint cold, eislint warm, again), medians of --repeat
runs. proselint is an English prose linter: on Dutch text it mostly finds nothing, so it gives
the cost of a light rule-based linter over the same characters, a floor rather than a rival.
Install it with the `bench` extra (`pip install -e '.[bench]'`). Not a test.

    python bench/bench_proselint.py [--words 50000] [--repeat 3] [--jobs auto]

"cold" empties eislint's parse cache before the run; "warm" is a re-check of the unchanged text
(the usual CI case). The cache lives in a temporary folder, never the user's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scaling import run
from tender_text import tender_text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", default="auto")
    args = parser.parse_args()
    proselint = shutil.which("proselint") or str(Path(sys.executable).with_name("proselint"))
    if not Path(proselint).exists():
        raise SystemExit("proselint is not installed: pip install -e '.[bench]'")
    version = subprocess.run([proselint, "version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "aanbesteding.md"
        path.write_text(tender_text(args.words), encoding="utf-8")
        words = len(path.read_text(encoding="utf-8").split())
        cache = Path(tmp) / "cache"
        env = {**os.environ, "EISLINT_CACHE_DIR": str(cache)}
        eislint = [sys.executable, "-m", "eislint", "check", str(path), "--format", "json", "--fail-on", "never"]
        eislint += ["-j", args.jobs]
        cases = {
            "proselint check": [proselint, "check", str(path)],
            "eislint check, cold": eislint,
            "eislint check, warm": eislint,
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        peaks: dict[str, float] = {name: 0.0 for name in cases}
        print(f"{words:,} words; proselint {version}; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        for _ in range(args.repeat):
            for name, cmd in cases.items():
                if name.endswith("cold"):
                    shutil.rmtree(cache, ignore_errors=True)
                wall, peak = run(cmd, env)
                times[name].append(wall)
                peaks[name] = max(peaks[name], peak)
    base = statistics.median(times["proselint check"])
    print(f"{'':<22}{'median s':>10}{'runs':>22}{'x proselint':>13}{'peak MB':>9}")
    for name, runs in times.items():
        median = statistics.median(runs)
        shown = " ".join(f"{r:.1f}" for r in runs)
        print(f"{name:<22}{median:>10.2f}{shown:>22}{median / base:>13.1f}{peaks[name]:>9.0f}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
