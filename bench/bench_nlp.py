"""Benchmark of the shipped Dutch pipeline (not a test).

Measures, on one core: load time of the pipeline (fresh process), tokens/s of the full pipeline
with nlp.pipe over a generated tender-like Dutch text of ~50,000 words, and peak RSS.

    python bench/bench_nlp.py [--words 50000] [--eislint]

--eislint loads through eislint.nlp.load() (rule-based sentence splitter + entity ruler) instead of
spacy.load(PIPELINE_PATH).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("OMP_NUM_THREADS", "1")

SUBJECTS = ["De Opdrachtnemer", "De Inschrijver", "Het systeem", "De applicatie", "De leverancier", "De Opdrachtgever"]
VERBS = ["levert", "zorgt voor", "rapporteert over", "ondersteunt", "beheert", "documenteert"]
OBJECTS = ["een implementatieplan", "de beschikbaarheid van het portaal", "alle wijzigingen in de configuratie",
           "de verwerking van persoonsgegevens", "maandelijkse rapportages", "een overzicht van incidenten"]
TAILS = ["binnen 10 werkdagen na gunning", "conform ISO 27001", "m.b.t. de eisen in art. 2.76 lid 5",
         "voor max. € 250.000,- excl. btw", "met een beschikbaarheid van 99,9%", "uiterlijk op 1 januari 2027",
         "i.v.m. de planning in Q3 2026", "zoals beschreven in eis KO-3"]
PASSIVES = ["Storingen worden binnen vier uur opgelost.", "Facturen worden binnen 30 dagen betaald.",
            "Wijzigingen moeten vooraf schriftelijk worden gemeld."]


def tender_text(words: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    paras, n = [], 0
    while n < words:
        sents = []
        for _ in range(rnd.randint(3, 7)):
            s = rnd.choice(PASSIVES) if rnd.random() < 0.2 else \
                f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)} {rnd.choice(TAILS)}."
            sents.append(s)
            n += len(s.split())
        paras.append(f"E{len(paras) + 1}.{rnd.randint(1, 9)} " + " ".join(sents))
    return paras


def load_time(eislint: bool) -> float:
    code = ("import time, spacy, sys; sys.path.insert(0, %r);" % str(ROOT / "src")
            + ("from eislint import nlp as m; t=time.perf_counter(); m.load(None)" if eislint else
               "from eislint.nlp_model import PIPELINE_PATH; t=time.perf_counter(); spacy.load(PIPELINE_PATH)")
            + "; print(time.perf_counter()-t)")
    runs = sorted(float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(3))
    return runs[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--eislint", action="store_true")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    import spacy

    from eislint.nlp_model import PIPELINE_PATH

    lt = load_time(args.eislint)
    if args.eislint:
        from eislint import nlp as m
        nlp = m.load(None)
    else:
        nlp = spacy.load(PIPELINE_PATH)
    texts = tender_text(args.words)
    list(nlp.pipe(texts[:20]))  # warm-up
    best, tokens = 0.0, 0
    for _ in range(2):
        t = time.perf_counter()
        tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
        best = max(best, tokens / (time.perf_counter() - t))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = sum(p.stat().st_size for p in PIPELINE_PATH.rglob("*") if p.is_file()) / 1e6
    print(f"| pipeline | {'eislint.nlp.load()' if args.eislint else 'spacy.load(PIPELINE_PATH)'} |")
    print("| --- | --- |")
    print(f"| words / tokens | {sum(len(x.split()) for x in texts):,} / {tokens:,} |")
    print(f"| tokens/s (1 core, nlp.pipe, best of 2) | {best:,.0f} |")
    print(f"| load time (median of 3, fresh process) | {lt:.2f} s |")
    print(f"| peak RSS | {rss:,.0f} MB |")
    print(f"| size on disk | {size:.1f} MB |")


if __name__ == "__main__":
    main()
