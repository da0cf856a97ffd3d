"""required: a part or element that must be present in the document (or the bundle)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eislint.checks.base import CheckType, Context, Hit, Option, Unit, compile_regexes, per_bundle, regex_errors
from eislint.document import SECTION_KINDS


class Required(CheckType):
    name = "required"
    options = {
        "sections": Option(list, default=[], doc="soorten onderdelen waarvan er minstens een aanwezig moet zijn"),
        "patterns": Option(list, default=[], doc="regexen waarvan er minstens een in de tekst moet voorkomen"),
        "only_if": Option(list, default=[], doc="regexen: de regel geldt alleen als een hiervan in de tekst staat"),
        "only_if_tender": Option(list, default=[], doc="tendercontextvelden die, als ze waar zijn, ook aan only_if voldoen"),
        "min_requirements": Option(int, default=0, doc="geldt alleen voor documenten met minstens zoveel eisen"),
    }

    def validate(self, options: dict[str, Any]) -> list[tuple[str, str]]:
        errors = regex_errors("patterns", options.get("patterns")) + regex_errors("only_if", options.get("only_if"))
        for kind in options.get("sections") or []:
            if kind not in SECTION_KINDS:
                errors.append(("sections", f"onbekende soort onderdeel '{kind}' (kies uit {', '.join(SECTION_KINDS)})"))
        if not options.get("sections") and not options.get("patterns"):
            errors.append(("sections", "geef 'sections' of 'patterns'"))
        return errors

    def prepare(self, options: dict[str, Any], ctx: Context) -> Any:
        return {**options, "patterns": compile_regexes(options["patterns"]), "only_if": compile_regexes(options["only_if"])}

    def run(self, p: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        # A part may be in another file of the tender: judge the bundle, report once, on the
        # document that holds most requirements (the Programma van Eisen).
        doc = unit.document
        bundle = unit.bundle or [doc]
        if doc is not per_bundle(unit, "most-requirements", lambda: max(bundle, key=lambda d: len(d.requirements))):
            return
        if sum(len(d.requirements) for d in bundle) < p["min_requirements"]:
            return
        texts = [d.clean(0, len(d.text)) for d in bundle]
        context_says = unit.tender is not None and any(getattr(unit.tender.context, f, None) is True
                                                        for f in p["only_if_tender"])
        if p["only_if"] and not context_says and not any(r.search(t) for r in p["only_if"] for t in texts):
            return
        present = {s.kind for d in bundle for s in d.sections if s.heading is not None}
        if p["sections"] and present & set(p["sections"]):
            return
        if p["patterns"] and any(r.search(t) for r in p["patterns"] for t in texts):
            return
        anchor = next((b for b in doc.blocks if b.kind == "heading"), doc.blocks[0])
        yield Hit(anchor.content.start, anchor.content.end,
                  data={"ontbreekt": ", ".join(p["sections"]) or "het element"})
