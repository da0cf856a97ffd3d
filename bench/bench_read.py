"""Benchmark the office readers on generated files: a 200-page .docx and a 2,000-row .xlsx.

Prints file size, read time (median of --repeat runs, reading + segmenting, no analysis),
characters per second and peak memory, and for comparison the time of a full `eislint check`
of the same file, so it shows whether reading dominates the check. Not a test.

    python bench/bench_read.py [--pages 200] [--rows 2000] [--repeat 3] [--no-check]
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import SENTENCES  # noqa: E402

# About 500 words fill a Word page of running text.
PARAGRAPHS_PER_PAGE = 5


def make_docx(pages: int, seed: int = 3) -> bytes:
    import docx

    rnd = random.Random(seed)
    document = docx.Document()
    document.add_heading("Programma van Eisen Leerplatform", 0)
    n = 0
    for page in range(pages):
        if page % 10 == 0:
            document.add_heading(f"{page // 10 + 1}. Eisen deel {page // 10 + 1}", 1)
        for _ in range(PARAGRAPHS_PER_PAGE - 1):
            n += 1
            document.add_paragraph(f"E{n}. " + " ".join(rnd.choice(SENTENCES) for _ in range(7)))
        if page % 5 == 4:  # a small requirements table every five pages
            table = document.add_table(rows=1, cols=3)
            for cell, text in zip(table.rows[0].cells, ("Nr", "Omschrijving", "Toelichting")):
                cell.text = text
            for _ in range(6):
                n += 1
                cells = table.add_row().cells
                cells[0].text, cells[1].text, cells[2].text = f"E{n}", rnd.choice(SENTENCES), rnd.choice(SENTENCES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_xlsx(rows: int, seed: int = 5) -> bytes:
    from openpyxl import Workbook

    rnd = random.Random(seed)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PvE"
    sheet.append(["Nr", "Eis/Wens", "Omschrijving", "Toelichting", "Weging"])
    for i in range(1, rows + 1):
        if i % 100 == 1:
            sheet.append([f"Onderdeel {i // 100 + 1}"])
        sheet.append([f"E{i}", rnd.choice(["Eis", "Wens"]), rnd.choice(SENTENCES),
                      rnd.choice(SENTENCES) if i % 3 == 0 else None, rnd.choice([None, 5, 10])])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def time_read(path: Path, repeat: int) -> tuple[float, int, int]:
    from eislint.readers import read_path
    from eislint.segment import segment

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        doc = segment(read_path(path))
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(doc.text), len(doc.requirements)


def time_check(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "eislint", "check", str(path), "--format", "json", "-q"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-check", action="store_true", help="alleen lezen, geen volledige check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            f"{args.pages} pagina's .docx": (Path(tmp) / "pve.docx", make_docx(args.pages)),
            f"{args.rows} rijen .xlsx": (Path(tmp) / "pve.xlsx", make_xlsx(args.rows)),
        }
        print(f"{'bestand':<22} {'grootte':>9} {'lezen':>8} {'tekens/s':>11} {'eisen':>6} {'check':>8} {'lezen/check':>11}")
        for label, (path, data) in files.items():
            path.write_bytes(data)
            seconds, chars, reqs = time_read(path, args.repeat)
            check = None if args.no_check else time_check(path)
            share = f"{seconds / check:>10.0%}" if check else "-"
            print(f"{label:<22} {len(data) / 1024:>7.0f}KB {seconds:>7.2f}s {chars / seconds:>11,.0f} {reqs:>6}"
                  f" {(f'{check:.1f}s' if check else '-'):>8} {share:>11}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"piekgeheugen van het lezen (dit proces): {peak:.0f} MB")


if __name__ == "__main__":
    main()
