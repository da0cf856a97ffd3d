"""The one spaCy pipeline per process.

Default: the Dutch pipeline shipped inside the package (eislint.nlp_model), else a blank
`nl` pipeline with the lookup lemmatizer from spacy-lookups-data. Nothing is downloaded.
`nlp.model` in config selects "blank", an installed package (nl_core_news_md) or a path.
spaCy is imported here and only here, lazily, so `eislint --help` and `eislint rules` stay fast.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eislint import sentences
from eislint.yamlio import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

ANNOTATIONS = ("lemma", "pos", "morph", "dep", "sents", "ents")

_CACHE: dict[str, Any] = {}


def _shipped_pipeline() -> Path | None:
    try:
        from eislint.nlp_model import PIPELINE_PATH
    except ImportError:
        return None
    return PIPELINE_PATH if (PIPELINE_PATH / "config.cfg").is_file() else None


def describe(model: str | None) -> str:
    """What `model` resolves to, for notices and `--version` (without loading spaCy)."""
    if model in (None, "", "default"):
        shipped = _shipped_pipeline()
        return f"nl_eislint ({shipped})" if shipped else "blank nl + lookup-lemmatizer"
    return model


def load(model: str | None = None) -> Language:
    """The pipeline for `model`, built once per process."""
    key = model or "default"
    if key not in _CACHE:
        _CACHE[key] = _build(model)
    return _CACHE[key]


def _build(model: str | None) -> Language:
    import spacy

    if model in (None, "", "default"):
        shipped = _shipped_pipeline()
        # The shipped tokenizer is the Dutch default (tests/test_nlp_model.py checks): building it
        # again from disk would add its 4,600 special cases a second time, half the load time.
        nlp = spacy.load(shipped, exclude=["tokenizer"]) if shipped else _blank()
    elif model == "blank":
        nlp = _blank()
    else:
        try:
            nlp = spacy.load(model)
        except OSError:
            raise ConfigError(
                "nlp.model", f"spaCy-pijplijn '{model}' is niet geïnstalleerd en geen map met een pijplijn"
            ) from None
    _customize(nlp)
    return nlp


def _blank() -> Language:
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # reads the lookup table from spacy-lookups-data, on disk
    return nlp


def _customize(nlp: Language) -> None:
    from spacy.language import Language

    try:
        from eislint import nlp_tender as tender_components
    except ImportError:
        tender_components = None  # type: ignore[assignment]
    if tender_components is not None:
        tender_components.customize_tokenizer(nlp)
    if not Language.has_factory("eislint_sentences"):
        Language.component("eislint_sentences", func=_set_sentences)
    if "eislint_sentences" not in nlp.pipe_names:
        nlp.add_pipe("eislint_sentences", first=True)
    if tender_components is not None:
        tender_components.add_entity_ruler(nlp)
    # The parser may not respect preset boundaries; a senter would fight ours.
    for name in ("senter",):
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)


# A sentence never ends on an article, preposition or conjunction, nor on a requirement id.
_NEVER_LAST = frozenset(
    "de het een deze die dit dat zijn haar hun onze ons van in op voor met door bij naar "
    "uit aan als en of maar om tot te over onder tussen".split()
)
_REQUIREMENT_ID = re.compile(r"(?:[A-Z]{1,4}-?\d+(?:\.\d+)*[a-z]?)")


def _set_sentences(doc):  # spaCy component: our rule-based boundaries before any parser
    # Our starts are set; where our splitter saw a period, colon or comma and chose not to split
    # (o.a., art. 2.76, E1.2, "als volgt:"), the next token is marked "no start" so a parser
    # cannot split there either. Elsewhere the parser decides: it finds the unpunctuated heading
    # in front of a sentence, which no punctuation rule can; but never before a lower-case word
    # or at white space. A line break after a line without final punctuation (a heading, a list
    # fragment) starts a sentence.
    starts = {0}
    for span in sentences.split(doc.text):
        first = doc.char_span(span.start, span.end, alignment_mode="expand")
        if first is not None and len(first):
            starts.add(first[0].i)
    previous = None
    for token in doc:
        if token.i in starts:
            token.is_sent_start = True
        elif (
            previous is not None
            and previous.is_space
            and "\n" in previous.text
            and token.text[:1].isupper()
            and previous.i > 0
            and not doc[previous.i - 1].text.endswith((",", ";", ":"))
        ):
            token.is_sent_start = True
        elif (
            token.is_space
            or token.text[:1].islower()
            or previous is not None
            and (
                (not previous.is_space and previous.text[-1:] in ".:,;")
                or previous.lower_ in _NEVER_LAST
                or _REQUIREMENT_ID.fullmatch(previous.text)
            )
        ):
            token.is_sent_start = False  # Dutch sentences do not start in lower case or with white space
        previous = token
    return doc


def pipeline_annotations(nlp: Language) -> set[str]:
    """Which annotations the loaded pipeline sets; rules that need others are skipped."""
    names = set(nlp.pipe_names)
    have = {"sents"}
    factories = {nlp.get_pipe_meta(n).factory for n in names}
    if factories & {"lemmatizer", "trainable_lemmatizer", "edit_tree_lemmatizer"}:
        have.add("lemma")
    if factories & {"tagger", "morphologizer"}:
        have.add("pos")
    if "morphologizer" in factories:
        have.add("morph")
    if "parser" in factories:
        have.add("dep")
    if factories & {"ner", "entity_ruler", "span_ruler"}:
        have.add("ents")
    return have


# The older public name (it shadows `from __future__ import annotations`, hence the new one).
annotations = pipeline_annotations  # type: ignore[assignment]
