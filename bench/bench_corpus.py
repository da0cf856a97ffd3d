"""Benchmark `eislint corpus`: throughput on a LocalCluster of 1 and 2 worker processes.

Builds a corpus of bundles from the team's sample tenders in corpora/ (Markdown, text, Word and
Excel), each bundle a rotation of those documents with a line of its own so no two bundles are
identical, then runs, for each worker count, a fresh `run_corpus` into an empty results folder,
and once more into the same folder (a resume: everything is skipped). Prints startup time
(cluster, pipeline load per worker), lint time, bundles/s and words/s (also per worker), next to
a plain serial loop over `eislint.lint_paths` in this process. Not a test.

    python bench/bench_corpus.py [--bundles 48] [--workers 1,2] [--nlp-model default|blank]

Needs pip install -e '.[corpus]'. On a shared machine the load average printed first matters:
a busy core gives less to a worker.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(p for p in (ROOT / "corpora").rglob("*") if p.suffix in (".md", ".txt", ".docx", ".xlsx"))


def build(root: Path, count: int) -> tuple[Path, int]:
    """`count` bundle folders under root/bundels and a manifest; returns (manifest, words)."""
    from eislint import readers

    words_of = {p: len(readers.read_path(p, str(p)).text.split()) for p in SOURCES}
    text_sources = [p for p in SOURCES if p.suffix in (".md", ".txt")]
    office = [p for p in SOURCES if p.suffix in (".docx", ".xlsx")]
    lines, words = ["id;path;buyer;date"], 0
    for i in range(count):
        folder = root / "bundels" / f"b{i:04d}"
        folder.mkdir(parents=True)
        # two or three documents per bundle: text documents in rotation, every third bundle an office file
        picks = [text_sources[i % len(text_sources)], text_sources[(i * 3 + 1) % len(text_sources)]]
        if i % 3 == 0:
            picks.append(office[i % len(office)])
        for n, src in enumerate(dict.fromkeys(picks)):
            target = folder / f"{n}-{src.name}"
            if src.suffix in (".md", ".txt"):
                text = src.read_text(encoding="utf-8")
                target.write_text(f"Kenmerk aanbesteding {i}-{n}.\n\n{text}", encoding="utf-8")
                words += 3
            else:
                shutil.copyfile(src, target)
            words += words_of[src]
        lines.append(f"B{i:04d};bundels/b{i:04d};Organisatie {i % 7};{2021 + i % 4}-06-01")
    manifest = root / "manifest.csv"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest, words


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundles", type=int, default=48)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--nlp-model", default=None)
    args = parser.parse_args()

    import pandas as pd

    from eislint import lint_paths, nlp
    from eislint.corpus.manifest import load
    from eislint.corpus.run import run_corpus
    from eislint.engine import RunOptions

    options = RunOptions(nlp_model=args.nlp_model)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} (1 min)")
    with tempfile.TemporaryDirectory() as tmp:
        manifest, words = build(Path(tmp), args.bundles)
        specs = load(manifest)
        print(f"corpus: {len(specs)} bundles, {words:,} words; pipeline: {nlp.describe(args.nlp_model)}")
        rows = []

        nlp.load(args.nlp_model)
        t0, c0 = time.perf_counter(), time.process_time()
        findings = sum(len(lint_paths([s.path], options).findings) for s in specs)
        rows.append(("serial loop, no Dask (1 process)", 1, 0.0, time.perf_counter() - t0,
                     time.process_time() - c0, findings))

        for n in (int(w) for w in args.workers.split(",")):
            out = Path(tmp) / f"results-{n}"
            stats = run_corpus(manifest, out, options, workers=n)
            assert stats.linted == len(specs) and not stats.failed, stats.failed
            cpu = float(pd.read_parquet(out / "bundles.parquet")["cpu_seconds"].sum())
            rows.append((f"eislint corpus, LocalCluster {n} worker(s)", n, stats.startup, stats.seconds - stats.startup,
                         cpu, stats.summary["findings"]))
            again = run_corpus(manifest, out, options, workers=n)
            assert again.skipped == len(specs)
            rows.append((f"  resume, all skipped ({n} worker(s))", n, again.startup, again.seconds - again.startup,
                         None, again.summary["findings"]))

    print(f"{'run':<44}{'startup s':>10}{'lint s':>8}{'bundles/s':>10}{'words/s':>9}{'per worker':>11}"
          f"{'words/CPU-s':>12}{'findings':>9}")
    for name, n, startup, seconds, cpu, found in rows:
        rate = "" if cpu is None else f"{words / seconds:,.0f}"
        per = "" if cpu is None else f"{words / seconds / n:,.0f}"
        per_cpu = "" if cpu is None else f"{words / cpu:,.0f}"
        print(f"{name:<44}{startup:>10.1f}{seconds:>8.1f}{len(specs) / seconds:>10.1f}{rate:>9}{per:>11}{per_cpu:>12}"
              f"{found:>9}")
    print("words/CPU-s: words per second of CPU time spent linting (the serial loop: this process; a cluster: the "
          "sum over its bundles), what one worker does on a core of its own.")


if __name__ == "__main__":
    main()
