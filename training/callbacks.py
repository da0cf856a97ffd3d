"""Training callbacks for scripts/train_nlp.py (loaded with `spacy train --code`)."""

from __future__ import annotations

import spacy


@spacy.registry.callbacks("eislint.restore_lemma_labels.v1")
def restore_lemma_labels():
    """spaCy 3.8's edit-tree lemmatizer does not rebuild its tree-to-label table when loaded
    from disk, so a resumed (sourced) lemmatizer trains every token towards label 0 and
    collapses. Rebuild the table before training continues."""

    def after_init(nlp):
        for name in nlp.component_names:
            pipe = nlp.get_pipe(name)
            if hasattr(pipe, "tree2label") and not pipe.tree2label:
                for label, tree in enumerate(pipe.cfg["labels"]):
                    pipe.tree2label[tree] = label
        return nlp

    return after_init
