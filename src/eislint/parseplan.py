"""Annotate on demand: which pipeline components run, and on which text blocks.

The enabled rules decide. A rule reads the parse in one of two ways:

- its own tokens (`Unit.tokens()`, `Analysis.parsed`): a `pattern` rule, a `lexicon` rule on
  lemmas, a rule that declares `requires:` lemma/pos/morph/dep/ents, a `python` rule whose module
  calls `.tokens(` or `.parsed(`. It reads the blocks of its scope: requirements for a
  requirement rule (or one with `when: requirements`), the sections its `when: sections` names,
  else every block;
- the demand analysis of a requirement (`Unit.demand()`, `in_demand`): `lexicon`/`regex` with
  `in_demand: true`, `metric` on `sentence_words`, a `python` rule whose module calls `.demand(`
  or `in_demand(`. The demand analysis reads POS, morphology and the dependency parse of the
  requirement's own text, so only blocks inside requirements.

Blocks no enabled rule is planned to read (background prose, tables outside requirements) are
not parsed up front; should a rule read one after all, it is parsed then (`Analysis`, lazily), so
the plan decides what is parsed in one batch, never what a rule sees.
components no enabled rule reads are disabled (`nlp.pipe(disable=...)`). The pipeline is loaded
at all only when a rule declares a parse annotation (`engine._pipeline`), as before: the plan
never adds a parse where there was none, so findings do not depend on it.
"""

from __future__ import annotations

import bisect
import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from eislint.document import Document
from eislint.sectionindex import SectionIndex

PARSE_ANNOTATIONS = frozenset({"lemma", "pos", "morph", "dep", "ents"})
# what the demand analysis (eislint.demand) reads: token.pos_, token.morph, token.dep_/head
DEMAND_READS = frozenset({"pos", "morph", "dep"})
# a python rule that reads tokens may read any attribute: it gets every one but the entities
TOKEN_READS = frozenset({"lemma", "pos", "morph", "dep"})

# pipeline component factories and the annotation each sets
_FACTORIES = {
    "lemma": {"lemmatizer", "trainable_lemmatizer", "edit_tree_lemmatizer"},
    "pos": {"tagger", "morphologizer"},
    "morph": {"morphologizer"},
    "dep": {"parser"},
    "ents": {"ner", "entity_ruler", "span_ruler"},
}
# shared embedding layers: needed as long as any trainable component runs
_EMBEDDINGS = {"tok2vec", "transformer"}


@dataclass(frozen=True, slots=True)
class ParsePlan:
    """What to parse: the annotations enabled rules read and where they read them."""

    annotations: frozenset[str] = frozenset()
    everywhere: bool = True
    requirements: bool = False
    section_kinds: frozenset[str] = frozenset()

    def wants(self, document: Document) -> Callable[[int, int], bool]:
        """Whether a block [start, end) of `document` is read by any rule (indexes built once per
        document: a test per block against every requirement was quadratic)."""
        if self.everywhere:
            return lambda start, end: True
        spans = _merged((r.start, r.end) for r in document.requirements) if self.requirements else []
        starts = [a for a, _ in spans]
        index = SectionIndex(document.sections) if self.section_kinds else None

        def wanted(start: int, end: int) -> bool:
            i = bisect.bisect_left(starts, end) - 1  # the last span starting before `end`
            if i >= 0 and spans[i][1] > start:
                return True
            if index is not None:
                section = index.at(start)
                return section is not None and section.kind in self.section_kinds
            return False

        return wanted

    def disabled(self, nlp: Any) -> list[str]:
        """The components of `nlp` that set nothing a rule reads (our sentence splitter stays)."""
        keep_factories = set().union(*(_FACTORIES.get(a, set()) for a in self.annotations))
        out, trainable = [], False
        for name in nlp.pipe_names:
            factory = nlp.get_pipe_meta(name).factory
            known = any(factory in f for f in _FACTORIES.values())
            if known and factory not in keep_factories:
                out.append(name)
            elif known and factory not in ("entity_ruler", "span_ruler"):
                trainable = True
        if not trainable:
            out += [n for n in nlp.pipe_names if nlp.get_pipe_meta(n).factory in _EMBEDDINGS]
        return out

    def key(self, nlp: Any) -> tuple[str, ...]:
        """What distinguishes a parse made with this plan (for caches): the disabled components."""
        return tuple(sorted(self.disabled(nlp)))


FULL = ParsePlan(annotations=PARSE_ANNOTATIONS)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping: any block overlapping one of `spans` overlaps one of these."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(s for s in spans if s[1] > s[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def plan(rules: Iterable[Any]) -> ParsePlan:
    """The plan for the rules that will run (eislint.loader.Rule)."""
    annotations: set[str] = set()
    everywhere = requirements = False
    kinds: set[str] = set()
    for rule in rules:
        tokens, demand = reads(rule)
        annotations |= rule.requires & PARSE_ANNOTATIONS
        if demand:
            annotations |= DEMAND_READS
            requirements = True
        if tokens:
            if rule.check == "python":
                annotations |= TOKEN_READS
            when = rule.when or {}
            if rule.scope == "requirement" or when.get("requirements"):
                requirements = True
            elif when.get("sections"):
                kinds |= set(when["sections"])
            elif rule.check != "python":
                everywhere = True
            # a python rule of a wider scope chooses in code which of its units it reads the parse
            # of (smart.doel-niet-smart: the goal sentences): those are parsed when it reads them
    return ParsePlan(frozenset(annotations), everywhere, requirements, frozenset(kinds))


def reads(rule: Any) -> tuple[bool, bool]:
    """(reads its own tokens, reads the demand analysis) for a rule."""
    options = rule.options or {}
    tokens = bool(rule.requires & PARSE_ANNOTATIONS) or rule.check == "pattern"
    demand = False
    if rule.check == "lexicon":
        tokens = tokens or options.get("attr") == "lemma"
        demand = bool(options.get("in_demand"))
    elif rule.check == "regex":
        demand = bool(options.get("in_demand"))
    elif rule.check == "metric":
        demand = options.get("measure") == "sentence_words"
    elif rule.check == "python":
        module_tokens, module_demand = _python_reads(rule.id)
        tokens, demand = tokens or module_tokens, module_demand
    return tokens, demand


_TOKENS = re.compile(r"\.tokens\(|\.parsed\(|\.doc\b")
_DEMAND = re.compile(r"\.demand\(|in_demand\(")


@cache
def _python_reads(rule_id: str) -> tuple[bool, bool]:
    """What a python rule's module reads, from its source (a rule that reads nothing of the
    parse needs no parse). Unknown source: everything, to be safe."""
    from eislint.rules import module_for

    found = module_for(rule_id)
    if found is None:
        return True, True
    try:
        source = inspect.getsource(found.module)
    except (OSError, TypeError):  # pragma: no cover (a module without source)
        return True, True
    return bool(_TOKENS.search(source)), bool(_DEMAND.search(source))
