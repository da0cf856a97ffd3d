"""pattern: spaCy Matcher and DependencyMatcher patterns over the shared parse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eislint.checks.base import (
    CheckType,
    Context,
    Hit,
    Option,
    Unit,
    compile_regexes,
    inside_exception,
    regex_errors,
    unless_blocks,
)

# Token attributes in Matcher patterns and the annotation each needs.
_ATTR_NEEDS = {
    "LEMMA": "lemma",
    "POS": "pos",
    "TAG": "pos",
    "MORPH": "morph",
    "DEP": "dep",
    "ENT_TYPE": "ents",
    "IS_SENT_START": "sents",
}


class Pattern(CheckType):
    name = "pattern"
    options = {
        "patterns": Option(list, default=[], doc="spaCy Matcher-patronen (lijst van lijsten van token-dicts)"),
        "dependency_patterns": Option(list, default=[], doc="spaCy DependencyMatcher-patronen"),
        "unless": Option(list, default=[]),
        "exceptions": Option(list, default=[], doc="regexen: geen melding als de treffer hierbinnen valt"),
        "unless_scope": Option(str, default="sentence", choices=("sentence", "unit", "paragraph")),
        "report": Option(
            str,
            default="match",
            choices=("match", "sentence", "unit"),
            doc="wat gemarkeerd wordt: de treffer, de hele zin of de hele eenheid",
        ),
    }

    def validate(self, options: dict[str, Any]) -> list[tuple[Any, str]]:
        errors = regex_errors("unless", options.get("unless")) + regex_errors("exceptions", options.get("exceptions"))
        if not options.get("patterns") and not options.get("dependency_patterns"):
            errors.append(("patterns", "'patterns' of 'dependency_patterns' is verplicht"))
        for i, pat in enumerate(options.get("patterns") or []):
            if not isinstance(pat, list) or not all(isinstance(t, dict) for t in pat) or not pat:
                errors.append(("patterns", f"patroon {i + 1} moet een niet-lege lijst van token-dicts zijn"))
        for i, pat in enumerate(options.get("dependency_patterns") or []):
            if not isinstance(pat, list) or not all(isinstance(t, dict) and "RIGHT_ID" in t for t in pat):
                errors.append(("dependency_patterns", f"patroon {i + 1}: elke node heeft een RIGHT_ID nodig"))
        return errors

    def annotations_for(self, options: dict[str, Any]) -> set[str]:
        return set(self.needs) | self.annotations_needed(options)

    @staticmethod
    def annotations_needed(options: dict[str, Any]) -> set[str]:
        needed: set[str] = set()

        def walk(obj: Any) -> None:
            if isinstance(obj, dict):
                for key, value in obj.items():
                    if key in _ATTR_NEEDS:
                        needed.add(_ATTR_NEEDS[key])
                    walk(value)
            elif isinstance(obj, list):
                for item in obj:
                    walk(item)

        walk(options.get("patterns"))
        walk(options.get("dependency_patterns"))
        if options.get("dependency_patterns"):
            needed.add("dep")
        return needed

    def prepare(self, options: dict[str, Any], ctx: Context) -> Any:
        from spacy.matcher import DependencyMatcher, Matcher

        matcher = dep_matcher = None
        try:
            if options["patterns"]:
                matcher = Matcher(ctx.nlp.vocab, validate=True)
                matcher.add("p", options["patterns"])
            if options["dependency_patterns"]:
                dep_matcher = DependencyMatcher(ctx.nlp.vocab, validate=True)
                dep_matcher.add("d", options["dependency_patterns"])
        except (ValueError, KeyError, TypeError) as exc:
            lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
            raise ValueError("ongeldig spaCy-patroon: " + " ".join(lines[:3])) from None
        return {
            "matcher": matcher,
            "dep": dep_matcher,
            "unless": compile_regexes(options["unless"]),
            "exceptions": compile_regexes(options["exceptions"]),
            "unless_scope": options["unless_scope"],
            "report": options["report"],
        }

    def run(self, p: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        seen: set[tuple[int, int]] = set()
        for pu in unit.analysis.parsed(unit.start, unit.end):
            doc, base = pu.doc, pu.start
            spans = []
            if p["matcher"] is not None:
                spans += [(s, e) for _, s, e in p["matcher"](doc)]
            if p["dep"] is not None:
                for _, ids in p["dep"](doc):
                    spans.append((min(ids), max(ids) + 1))
            for s, e in sorted(spans, key=lambda se: (se[0], se[1] - se[0])):
                start, end = base + doc[s].idx, base + doc[e - 1].idx + len(doc[e - 1])
                if start < unit.start or end > unit.end:
                    continue
                if p["report"] == "sentence":
                    sent = unit.sentence_at(start)
                    start, end = sent.start, max(sent.end, end)
                elif p["report"] == "unit":
                    start, end = unit.start, unit.end
                if any(start < b and a < end for a, b in seen):
                    continue  # overlapping matches of one pattern: the shortest, first one is enough
                if unless_blocks(unit, start, end, p["unless"], p["unless_scope"]):
                    continue
                if p["exceptions"] and inside_exception(unit, start, end, p["exceptions"]):
                    continue
                seen.add((start, end))
                yield Hit(start, end)
