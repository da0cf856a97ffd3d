"""Benchmark `eislint check` on a generated ~50,000-word tender.

Prints wall time, words per second and peak memory of a full check, next to the time the bare
spaCy Dutch tokenizer needs for the same text in the same process (the floor). Not a test.

    python bench/bench_check.py [--words 50000] [--nlp-model default|blank]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "Het LMS ondersteunt SCORM 1.2, SCORM 2004 en xAPI voor alle leermodules van de Gemeente.",
    "De Opdrachtnemer levert binnen 5 werkdagen na een melding een oplossing of een tijdelijke omweg.",
    "Een beheerder kan een leerpad toewijzen aan alle medewerkers van een afdeling.",
    "Het LMS moet gebruiksvriendelijk zijn en indien mogelijk koppelen met Microsoft Teams.",
    "De leverancier is gecertificeerd volgens ISO 27001 of een gelijkwaardige norm.",
    "Rapportages kunnen worden geëxporteerd naar o.a. Excel en PDF.",
    "Medewerkers ontvangen automatisch een herinnering twee weken voor de vervaldatum van een certificaat.",
    "De gegevens worden opgeslagen in de Europese Economische Ruimte (EER).",
]


def make_tender(words: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    out = ["# Programma van Eisen Leerplatform\n", "## 1. Aanleiding\n",
           "De gemeente zoekt een Learning Management System (LMS) voor 900 medewerkers.\n",
           "## 2. Doelstelling\n", "Binnen 12 maanden volgt 80% van de medewerkers een e-learning.\n"]
    count, section, n = 0, 3, 0
    while count < words:
        out.append(f"## {section}. Eisen deel {section}\n")
        for _ in range(40):
            n += 1
            text = " ".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(1, 3)))
            out.append(f"E{n}. {text}\n")
            count += len(text.split())
        section += 1
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--nlp-model", default=None)
    args = parser.parse_args()
    text = make_tender(args.words)
    words = len(text.split())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "groot.md"
        path.write_text(text, encoding="utf-8")

        import spacy

        tokenizer = spacy.blank("nl").tokenizer
        t0 = time.perf_counter()
        tokenizer(text)
        floor = time.perf_counter() - t0

        from eislint import nlp as nlp_module
        from eislint.engine import RunOptions, lint_paths

        t0 = time.perf_counter()
        nlp_module.load(args.nlp_model)
        load = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = lint_paths([str(path)], RunOptions(nlp_model=args.nlp_model))
        check = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        cmd = [sys.executable, "-m", "eislint", "check", str(path), "--format", "json", "--fail-on", "never"]
        if args.nlp_model:
            cmd += ["--nlp-model", args.nlp_model]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        cli = time.perf_counter() - t0

    print(f"text: {words:,} words, {len(report.findings):,} findings, "
          f"{sum(sum(d.requirements.values()) for d in report.documents):,} requirements")
    print(f"pipeline: {nlp_module.describe(args.nlp_model)}")
    print(f"{'measure':<42}{'seconds':>10}{'words/s':>12}")
    print(f"{'bare spaCy nl tokenizer (floor)':<42}{floor:>10.2f}{words / floor:>12,.0f}")
    print(f"{'eislint check, in process (model loaded)':<42}{check:>10.2f}{words / check:>12,.0f}")
    print(f"{'pipeline load':<42}{load:>10.2f}")
    print(f"{'eislint check, CLI end to end':<42}{cli:>10.2f}{words / cli:>12,.0f}")
    print(f"ratio check / floor: {check / floor:.1f}x; peak RSS (in process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
