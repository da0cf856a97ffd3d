"""lexicon: terms matched on lowercase text, exact text or lemma, with exceptions."""

from __future__ import annotations

import re
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


class Lexicon(CheckType):
    name = "lexicon"
    options = {
        "terms": Option(list, required=True, doc="termen: tekst of {term, suggestie, vervanging}"),
        "attr": Option(str, default="lower", choices=("lower", "text", "lemma"), doc="waarop vergeleken wordt"),
        "unless": Option(list, default=[], doc="regexen: geen melding als de zin (of eenheid) hierop past"),
        "unless_scope": Option(str, default="sentence", choices=("sentence", "unit", "paragraph")),
        "exceptions": Option(list, default=[], doc="regexen: geen melding als de treffer hierbinnen valt"),
        "first_only": Option(bool, default=False, doc="alleen de eerste treffer per eenheid"),
        "in_demand": Option(
            bool, default=False, doc="alleen in de eis zelf, niet in motivering, voorbeeld of toelichting"
        ),
        "toelichting": Option(str, default="", doc="standaardwaarde van {toelichting} in de melding"),
        "context": Option(
            list, default=[], doc="[{pattern, level, toelichting}]: andere ernst en uitleg als de zin op pattern past"
        ),
    }

    def annotations_for(self, options: dict[str, Any]) -> set[str]:
        return set(self.needs) | ({"lemma"} if options.get("attr") == "lemma" else set())

    def validate(self, options: dict[str, Any]) -> list[tuple[Any, str]]:
        errors = regex_errors("unless", options.get("unless")) + regex_errors("exceptions", options.get("exceptions"))
        for i, ctx in enumerate(options.get("context") or []):
            if not isinstance(ctx, dict) or set(ctx) - {"pattern", "level", "toelichting"} or "pattern" not in ctx:
                errors.append(("context", f"context {i + 1} is een mapping met pattern, level en toelichting"))
            elif ctx.get("level", "info") not in ("error", "warning", "info"):
                errors.append(("context", f"context {i + 1}: level is error, warning of info"))
            else:
                errors += regex_errors("context", [ctx["pattern"]])
        for i, term in enumerate(options.get("terms") or []):
            if isinstance(term, str):
                if not term.strip():
                    errors.append(("terms", f"term {i + 1} is leeg"))
            elif isinstance(term, dict):
                unknown = set(term) - {"term", "suggestie", "vervanging"}
                if "term" not in term or not isinstance(term["term"], str):
                    errors.append(("terms", f"term {i + 1} mist 'term'"))
                elif unknown:
                    errors.append(("terms", f"term {i + 1}: onbekende sleutel '{sorted(unknown)[0]}'"))
            else:
                errors.append(("terms", f"term {i + 1} moet tekst of een mapping zijn"))
        return errors

    def prepare(self, options: dict[str, Any], ctx: Context) -> Any:
        terms: dict[str, dict[str, Any]] = {}
        for term in options["terms"]:
            entry = {"term": term} if isinstance(term, str) else dict(term)
            key = entry["term"] if options["attr"] == "text" else entry["term"].lower()
            terms[key] = entry
        attr = options["attr"]
        regex = None
        lemma_index: dict[str, list[list[str]]] = {}
        if attr == "lemma":
            for key in terms:
                words = key.split()
                lemma_index.setdefault(words[0], []).append(words)
        else:
            alternation = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
            regex = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", 0 if attr == "text" else re.I)
        return {
            "terms": terms,
            "attr": attr,
            "regex": regex,
            "lemma_index": lemma_index,
            "unless": compile_regexes(options["unless"]),
            "unless_scope": options["unless_scope"],
            "exceptions": compile_regexes(options["exceptions"]),
            "first_only": options["first_only"],
            "in_demand": options["in_demand"],
            "toelichting": options["toelichting"],
            "context": [
                (compile_regexes([c["pattern"]])[0], c.get("level"), c.get("toelichting", ""))
                for c in options["context"]
            ],
        }

    def may_match(self, p: Any, text: str) -> bool:
        return p["regex"] is None or p["regex"].search(text) is not None

    def run(self, p: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        found = self._lemma_hits(p, unit) if p["attr"] == "lemma" else self._text_hits(p, unit)
        for start, end, key in found:
            if p["in_demand"] and not unit.in_demand(start, end):
                continue
            if inside_exception(unit, start, end, p["exceptions"]):
                continue
            if unless_blocks(unit, start, end, p["unless"], p["unless_scope"]):
                continue
            entry = p["terms"][key]
            data = {"term": entry["term"], "suggestie": entry.get("suggestie", ""), "toelichting": p["toelichting"]}
            level = None
            if p["context"]:
                sent = unit.sentence_at(start)
                sentence = unit.slice(max(sent.start, unit.start), min(sent.end, unit.end))
                for pattern, ctx_level, explanation in p["context"]:
                    if pattern.search(sentence):
                        level, data["toelichting"] = ctx_level, explanation or data["toelichting"]
                        break
            yield Hit(start, end, data=data, replacement=entry.get("vervanging"), level=level)
            if p["first_only"]:
                return

    @staticmethod
    def _text_hits(p: Any, unit: Unit) -> Iterator[tuple[int, int, str]]:
        for m in p["regex"].finditer(unit.text):
            key = re.sub(r"\s+", " ", m.group(0))
            key = key if p["attr"] == "text" else key.lower()
            yield unit.start + m.start(), unit.start + m.end(), key

    @staticmethod
    def _lemma_hits(p: Any, unit: Unit) -> Iterator[tuple[int, int, str]]:
        tokens = unit.tokens()
        lemmas = [(t.lemma_ or t.text).lower() for t in tokens]
        lowers = [t.lower_ for t in tokens]
        i = 0
        while i < len(tokens):
            matched = None
            for words in p["lemma_index"].get(lemmas[i], []) + p["lemma_index"].get(lowers[i], []):
                n = len(words)
                if all(
                    lemmas[i + k] == w or lowers[i + k] == w for k, w in enumerate(words) if i + k < len(tokens)
                ) and i + n <= len(tokens):
                    if matched is None or n > len(matched):
                        matched = words
            if matched:
                first, last = tokens[i], tokens[i + len(matched) - 1]
                start = unit.analysis.token_offset(first)
                end = unit.analysis.token_offset(last) + len(last)
                yield start, end, " ".join(matched)
                i += len(matched)
            else:
                i += 1
