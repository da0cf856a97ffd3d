"""Time and peak memory of `eislint check` on the large hostile inputs of tests/test_hostile.py.

Each case runs in its own process (`/usr/bin/time`-style figures from resource.getrusage), so one
case's memory does not hide another's. Not a test: nothing is asserted; the figures go in
docs/ci.md when they change.

    python bench/bench_hostile.py                     # all cases
    python bench/bench_hostile.py files csv           # some cases
    python bench/bench_hostile.py --files 250,500,1000,5000
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("het systeem moet de gebruiker snel helpen bij het zoeken naar cursussen en de beheerder kan "
         "rapporten maken").split()


# The child reports its own peak memory, so every case gets its own figure.
_CHILD = """
import atexit, resource, sys
atexit.register(lambda: print(f"MAXRSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr))
sys.argv = ["eislint", *sys.argv[1:]]
from eislint.cli import main
main()
"""


def run(label: str, args: list[str], cwd: Path, stdin=None) -> None:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _CHILD, "check", *args, "--format", "concise", "--quiet"],
                            cwd=cwd, stdin=stdin, capture_output=True)
    elapsed = time.perf_counter() - start
    err = result.stderr.decode().splitlines()
    peak = next((int(line.split()[1]) for line in err if line.startswith("MAXRSS ")), 0)
    first_error = next((line for line in err if "fout" in line), "")
    print(f"{label:<42} {elapsed:7.1f} s  {peak / 1024:7.0f} MB  exit {result.returncode}"
          + (f"  {first_error[:100]}" if first_error else ""), flush=True)


def files(tmp: Path, counts: list[int]) -> None:
    for n in counts:
        folder = tmp / f"map{n}"
        folder.mkdir()
        for i in range(1, n + 1):
            (folder / f"deel{i}.md").write_text(f"# Deel {i}\n\n## Eisen\n\nE{i}. Het LMS is snel en "
                                                "gebruiksvriendelijk.\n", encoding="utf-8")
        run(f"{n} kleine bestanden in één map", [folder.name], tmp)


def csv(tmp: Path) -> None:
    rows = [";".join(f"K{i}" for i in range(10_000))] + [";".join("x" for _ in range(10_000)) for _ in range(9)]
    (tmp / "breed.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    run("CSV, 10.000 kolommen x 10 rijen (240 KB)", ["breed.csv"], tmp)


def xlsx(tmp: Path, cells: int) -> None:
    from openpyxl import Workbook

    rnd = random.Random(1)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PvE"
    sheet.append(["Nr", "Omschrijving"])
    for i in range(cells):
        sheet.append([f"E{i + 1}", (" ".join(rnd.choice(WORDS) for _ in range(6000)) + ".")[:32_767]])
    workbook.save(tmp / "groot.xlsx")
    run(f"xlsx, {cells} cellen van 32.767 tekens", ["groot.xlsx"], tmp)


def one_line(tmp: Path) -> None:
    (tmp / "regel.md").write_text("E1. " + "woord " * 8_000_000 + "\n", encoding="utf-8")
    run("Markdown, één regel van 48 MB", ["regel.md"], tmp)


def streams(tmp: Path) -> None:
    run("/dev/zero als pad", ["/dev/zero"], tmp)
    with open("/dev/zero", "rb") as zero:
        run("stdin uit /dev/zero (grens 50 MB)", ["-"], tmp, stdin=zero)


CASES = {"files": None, "csv": csv, "xlsx": None, "line": one_line, "streams": streams}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", nargs="*", default=list(CASES), choices=list(CASES))
    parser.add_argument("--files", default="250,500,1000,5000")
    parser.add_argument("--xlsx-cells", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for case in args.cases:
            if case == "files":
                files(tmp, [int(n) for n in args.files.split(",")])
            elif case == "xlsx":
                xlsx(tmp, args.xlsx_cells)
            else:
                CASES[case](tmp)


if __name__ == "__main__":
    main()
