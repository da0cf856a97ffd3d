"""Does `eislint check` grow linearly with the text? Whole processes, not a test.

Generates tenders of 5,000, 50,000 and 500,000 words from corpora/ (bench/tender_text.py: the
Dijkwater Programma van Eisen repeated and varied, no paragraph a verbatim repeat), runs
`eislint check` on each as a separate process and prints wall time, words per second, the time
per 1,000 words relative to the smallest text, and the peak memory (RSS) of the process.
With --bundle it also checks one folder of four such files against one file (linear: <= 4.4x).

    python bench/bench_scaling.py [--words 5000 50000 500000] [--repeat 3] [--bundle 50000]
                                  [--select contract] [--against /path/to/other/src] [-- extra check args]

--cache cold (default) empties the parse cache before every run, warm measures a second run of
the same text, off passes --no-cache; the cache lives in a temporary folder, never the user's.
--against runs a second source tree (PYTHONPATH) alternated with this one, e.g. an exported
older commit (`git archive HEAD~3 | tar -x -C /tmp/old`), so both are measured under the same
load. The machine's load average is printed: on a shared machine the figures are noisy, compare
medians of alternated runs only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tender_text import tender_text


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process."""
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a full pipe would block the child
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)  # this child only: its own peak memory
        wall = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err.read().decode(errors='replace')}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, nargs="+", default=[5_000, 50_000, 500_000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--bundle", type=int, default=0, help="words per file for the four-file bundle")
    parser.add_argument("--select", default=None)
    parser.add_argument("--against", default=None, help="another src/ tree to alternate with")
    parser.add_argument(
        "--cache",
        choices=("cold", "warm", "off"),
        default="cold",
        help="cold: an empty parse cache before each run; warm: after one untimed run; off: --no-cache",
    )
    parser.add_argument("extra", nargs="*", help="extra arguments for eislint check (after --)")
    args = parser.parse_args()
    trees = {"this": None}
    if args.against:
        trees["against"] = args.against
    base_cmd = [sys.executable, "-m", "eislint", "check", "--format", "json", "--fail-on", "never", *args.extra]
    if args.select:
        base_cmd += ["--select", args.select]
    if args.cache == "off":
        base_cmd.append("--no-cache")
    cache_root = Path(tempfile.mkdtemp(prefix="eislint-bench-cache-"))  # never the user's own cache

    def env_for(tree: str | None) -> dict[str, str]:
        env = dict(os.environ)
        if tree:
            env["PYTHONPATH"] = tree
        env["EISLINT_CACHE_DIR"] = str(cache_root / (tree or "this").strip("/").replace("/", "_"))
        return env

    def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
        if args.cache == "cold":
            shutil.rmtree(env["EISLINT_CACHE_DIR"], ignore_errors=True)
        elif args.cache == "warm":
            run(cmd, env)
        return run(cmd, env)

    print(
        f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; "
        f"extra args: {' '.join(args.extra + (['--select', args.select] if args.select else [])) or '-'}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        cases: list[tuple[str, int, list[str]]] = []
        for words in args.words:
            path = Path(tmp) / f"tender-{words}.md"
            text = tender_text(words)
            path.write_text(text, encoding="utf-8")
            cases.append((f"{words:,} words", len(text.split()), [str(path)]))
        if args.bundle:
            folder = Path(tmp) / "bundel"
            folder.mkdir()
            one = Path(tmp) / "een"
            one.mkdir()
            text = tender_text(args.bundle * 4)
            # four files of a quarter of one long text each: different text, the same kind
            paras = text.split("\n\n")
            step = len(paras) // 4
            for i in range(4):
                part = "\n\n".join(paras[i * step : (i + 1) * step if i < 3 else len(paras)])
                (folder / f"deel-{i + 1}.md").write_text(part, encoding="utf-8")
            (one / "deel-1.md").write_text((folder / "deel-1.md").read_text(encoding="utf-8"), encoding="utf-8")
            cases.append(("1 file of the bundle", len((one / "deel-1.md").read_text().split()), [str(one)]))
            cases.append(
                ("bundle of 4 files", sum(len(p.read_text().split()) for p in folder.iterdir()), [str(folder)])
            )
        results: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for _ in range(args.repeat):
            for label, _words, paths in cases:
                for name, tree in trees.items():  # alternated: the same load for both
                    results.setdefault((label, name), []).append(timed([*base_cmd, *paths], env_for(tree)))
    print(
        f"{'text':<24}{'tree':<9}{'words':>9}{'median s':>10}{'runs':>22}{'words/s':>10}{'s/1k words':>11}{'peak MB':>9}"
    )
    first: dict[str, float] = {}
    for label, words, _paths in cases:
        for name in trees:
            runs = results[(label, name)]
            wall = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            per_k = wall / words * 1000
            first.setdefault(name, per_k)
            shown = " ".join(f"{r[0]:.1f}" for r in runs)
            print(
                f"{label:<24}{name:<9}{words:>9,}{wall:>10.2f}{shown:>22}{words / wall:>10,.0f}{per_k:>11.3f}{peak:>9.0f}"
            )
    print(f"load average at end: {os.getloadavg()[0]:.2f}; parse cache: {args.cache}")
    shutil.rmtree(cache_root, ignore_errors=True)


if __name__ == "__main__":
    main()
