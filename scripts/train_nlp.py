"""Train eislint's Dutch spaCy pipeline from UD Dutch, evaluate it, and package it into the source tree.

    python scripts/train_nlp.py [--ud-dir ../shared/ud-dutch] [--work-dir /tmp/eislint-train] [--max-steps 8000]

Data (CC BY-SA 4.0): UD_Dutch-Alpino and UD_Dutch-LassySmall (universaldependencies.org, release 2.16)
plus the recovered historical training data in <ud-dir>/experiment-splits (see its PROVENANCE.md).
experiment-splits/train.conllu trains, experiment-splits/dev.conllu selects the checkpoint, and the
untouched UD 2.16 test files give the final scores. The data never enters the repository.
Writes src/eislint/nlp_model/pipeline/ and src/eislint/nlp_model/scores.json.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "training" / "nlp.cfg"
TARGET = ROOT / "src" / "eislint" / "nlp_model"
# The shipped pipeline's meta: its licence and the attribution its training data requires.
MODEL_META = {
    "name": "eislint",
    "version": "0.2.0",
    "license": "CC BY-SA 4.0",
    "description": "Dutch pipeline for eislint, trained on UD Dutch Alpino and LassySmall and the Alpino Treebank (tier A)",
    "sources": [
        {"name": "UD Dutch Alpino", "author": "Zeman, Daniel; Žabokrtský, Zdeněk; Bouma, Gosse; van Noord, Gertjan",
         "license": "CC BY-SA 4.0"},
        {"name": "UD Dutch LassySmall", "author": "Bouma, Gosse; van Noord, Gertjan", "license": "CC BY-SA 4.0"},
        {"name": "Alpino Treebank (suites of UD Dutch Alpino's train set, converted to UD with alud 2.13.0)",
         "author": "van Noord, Gertjan; Bouma, Gosse; et al., University of Groningen",
         "license": "CC BY-SA 4.0 (as released in UD Dutch Alpino)"},
    ],
}
TEST_FILES = ("UD_Dutch-Alpino/nl_alpino-ud-test.conllu", "UD_Dutch-LassySmall/nl_lassysmall-ud-test.conllu")


def normalise_conllu(text: str) -> str:
    """The normalisation the training data already has: no compound underscores in lemmas, flat:name -> flat."""
    out = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) == 10:
                if cols[2] != "_":
                    cols[2] = cols[2].replace("_", "")
                cols[7] = "flat" if cols[7] == "flat:name" else cols[7]
                cols[8] = "_"  # enhanced dependencies are not trained
                line = "\t".join(cols)
        out.append(line)
    return "\n".join(out) + "\n"


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def convert(src: Path, dest_dir: Path, name: str) -> Path:
    tmp = dest_dir / f"{name}.conllu"
    tmp.write_text(normalise_conllu(src.read_text(encoding="utf-8")), encoding="utf-8")
    run([sys.executable, "-m", "spacy", "convert", str(tmp), str(dest_dir), "--converter", "conllu", "-n", "10",
         "--lang", "nl"])
    return dest_dir / f"{name}.spacy"


def evaluate(model: Path, data: Path, out: Path) -> dict:
    run([sys.executable, "-m", "spacy", "evaluate", str(model), str(data), "--output", str(out)])
    scores = json.loads(out.read_text(encoding="utf-8"))
    keys = {"pos_acc": "pos", "morph_acc": "morph", "lemma_acc": "lemma", "dep_uas": "uas", "dep_las": "las",
            "sents_f": "sents_f", "token_acc": "token_acc", "speed": "words_per_second"}
    return {v: round(scores[k], 4) for k, v in keys.items() if k in scores and scores[k] is not None}


def resume_config(config: Path, last: Path, dest: Path) -> Path:
    """A config whose components start from the last checkpoint (optimizer state starts afresh)."""
    if not last.exists():
        sys.exit(f"no checkpoint to resume from: {last}")
    from spacy.util import load_config

    cfg = load_config(config)
    for name in cfg["nlp"]["pipeline"]:
        if (last / name).exists():  # a component new in this config starts from its own initialisation
            cfg["components"][name] = {"source": str(last)}
    cfg["initialize"]["after_init"] = {"@callbacks": "eislint.restore_lemma_labels.v1"}
    cfg.to_disk(dest)
    return dest


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ud-dir", type=Path, default=ROOT.parent / "shared" / "ud-dutch")
    ap.add_argument("--work-dir", type=Path, default=Path("/tmp/eislint-train"))
    ap.add_argument("--max-steps", type=int, default=20000)
    ap.add_argument("--train", type=Path, default=None,
                    help="training conllu (default: <ud-dir>/experiment-splits/train-plus-alpino-tierA.conllu)")
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("--resume", action="store_true",
                    help="continue from <work-dir>/model/model-last (a stopped run keeps its checkpoint there)")
    ap.add_argument("--no-package", action="store_true", help="evaluate only; do not replace the shipped pipeline")
    ap.add_argument("--quick", action="store_true", help="a 200-step smoke run")
    ap.add_argument("--skip-train", action="store_true", help="evaluate and package an existing <work-dir>/model")
    args = ap.parse_args()
    work = args.work_dir
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    splits = args.ud_dir / "experiment-splits"
    train = convert(args.train or splits / "train-plus-alpino-tierA.conllu", corpus, "train")
    dev = convert(splits / "dev.conllu", corpus, "dev")
    tests = {}
    for rel in TEST_FILES:
        name = Path(rel).stem.replace("-ud-test", "")
        tests[name] = convert(args.ud_dir / rel, corpus, f"test_{name}")
    combined = corpus / "test_combined.conllu"
    combined.write_text("".join(normalise_conllu((args.ud_dir / rel).read_text(encoding="utf-8")) for rel in TEST_FILES),
                        encoding="utf-8")
    run([sys.executable, "-m", "spacy", "convert", str(combined), str(corpus), "--converter", "conllu", "-n", "10",
         "--lang", "nl"])
    steps = 200 if args.quick else args.max_steps
    output = work / "model"
    started = time.time()
    config = args.config
    if args.resume:
        config = resume_config(args.config, output / "model-last", work / "resume.cfg")
    if not args.skip_train:
        run([sys.executable, "-m", "spacy", "train", str(config), "--output", str(output), "--paths.train", str(train),
             "--paths.dev", str(dev), "--training.max_steps", str(steps),
             "--code", str(ROOT / "training" / "callbacks.py")])
    minutes = (time.time() - started) / 60
    best = output / "model-best"
    scores = {"test_combined": evaluate(best, corpus / "test_combined.spacy", work / "test_combined.json")}
    for name, path in tests.items():
        scores[f"test_{name}"] = evaluate(best, path, work / f"test_{name}.json")
    if not args.skip_train:
        scores["training_minutes"] = round(minutes, 1)
    scores["data"] = ("UD Dutch 2.16 test (Alpino + LassySmall); trained on "
                      f"{(args.train or splits / 'train-plus-alpino-tierA.conllu').name} (see PROVENANCE.md)")
    scores["config"] = args.config.name
    if args.no_package:
        (work / "scores.json").write_text(json.dumps(scores, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(json.dumps(scores, indent=2))
        return
    pipeline = TARGET / "pipeline"
    if pipeline.exists():
        shutil.rmtree(pipeline)
    import spacy

    nlp = spacy.load(best)
    nlp.meta.update(MODEL_META)
    # the shipped config names no local paths and needs no training callback to load or retrain
    nlp.config["paths"]["train"] = nlp.config["paths"]["dev"] = None
    nlp.config["initialize"]["after_init"] = None
    nlp.to_disk(pipeline)
    (TARGET / "scores.json").write_text(json.dumps(scores, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
