"""required: a part or element that must be present in the document (or the bundle)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eislint.checks.base import CheckType, Context, Hit, Option, Unit, compile_regexes, per_bundle, regex_errors
from eislint.didyoumean import unknown
from eislint.document import SECTION_KINDS, Document, Section
from eislint.tender_context import TENDER_FIELDS
from eislint.tender_scope import LONE_ANNEX, is_lone_annex, is_whole_tender

# A document of the bundle is itself a part of the tender: an SLA or DAP is its quality assurance.
_ROLE_PARTS = {"sla": ("kwaliteit",), "dap": ("kwaliteit",), "overeenkomst": ("contract",), "prijzenblad": ("prijs",)}


class Required(CheckType):
    name = "required"
    options = {
        "sections": Option(list, default=[], doc="soorten onderdelen waarvan er minstens een aanwezig moet zijn"),
        "patterns": Option(list, default=[], doc="regexen waarvan er minstens een in de tekst moet voorkomen"),
        "only_if": Option(list, default=[], doc="regexen: de regel geldt alleen als een hiervan in de tekst staat"),
        "only_if_tender": Option(
            list, default=[], doc="tendercontextvelden die, als ze waar zijn, ook aan only_if voldoen"
        ),
        "min_requirements": Option(int, default=0, doc="geldt alleen voor documenten met minstens zoveel eisen"),
        "all_of": Option(
            list,
            default=[],
            doc="regexen die elk ergens in de bundel moeten voorkomen (mag in verschillende documenten)",
        ),
        "anchor": Option(
            str,
            default="document",
            choices=("document", "trigger"),
            doc="waar de melding staat: bij het begin van het document met de meeste eisen, of bij de eerste tekst die op only_if past",
        ),
        "whole_tender": Option(
            bool,
            default=False,
            doc="alleen voor een hele aanbesteding (een leidraad of documenten met de meeste onderdelen), niet voor een losse bijlage",
        ),
        "skip_lone_annex": Option(
            bool,
            default=False,
            doc="niet voor een bundel met alleen bijlagen (een 'Bijlage Programma van Eisen', SLA of prijzenblad apart gecontroleerd): of de aanbesteding dit onderdeel heeft, staat in de leidraad die er niet bij is",
        ),
        "only_if_part": Option(
            list,
            default=[],
            doc="soorten onderdelen: de regel geldt alleen als de bundel een hoofdstuk van zo'n soort heeft, of een hele aanbesteding is",
        ),
        "ignore_sentences": Option(
            list,
            default=[],
            doc="regexen: zinnen die niet meetellen als inhoud van een onderdeel uit 'sections' (een inleiding die alleen het document beschrijft)",
        ),
    }

    def validate(self, options: dict[str, Any]) -> list[tuple[Any, str]]:
        errors = (
            regex_errors("patterns", options.get("patterns"))
            + regex_errors("only_if", options.get("only_if"))
            + regex_errors("all_of", options.get("all_of"))
            + regex_errors("ignore_sentences", options.get("ignore_sentences"))
        )
        for key in ("sections", "only_if_part"):
            for kind in options.get(key) or []:
                if kind not in SECTION_KINDS:
                    errors.append((key, f"onbekende soort onderdeel '{kind}' (kies uit {', '.join(SECTION_KINDS)})"))
        if not options.get("sections") and not options.get("patterns") and not options.get("all_of"):
            errors.append(("sections", "geef 'sections', 'patterns' of 'all_of'"))
        if options.get("anchor") == "trigger" and not options.get("only_if"):
            errors.append(("anchor", "'anchor: trigger' vraagt om 'only_if'"))
        for i, field_name in enumerate(options.get("only_if_tender") or []):
            if field_name not in TENDER_FIELDS:
                where = ("only_if_tender", i)
                errors.append((where, unknown("tendercontextveld", field_name, TENDER_FIELDS, "only_if_tender")))
        return errors

    def prepare(self, options: dict[str, Any], ctx: Context) -> Any:
        return {
            **options,
            "patterns": compile_regexes(options["patterns"]),
            "only_if": compile_regexes(options["only_if"]),
            "all_of": compile_regexes(options["all_of"]),
            "ignore_sentences": compile_regexes(options["ignore_sentences"]),
        }

    def run(self, p: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        # A part may be in another file of the tender: judge the bundle, report once, on the
        # document that holds most requirements (the Programma van Eisen), or where the trigger is.
        doc = unit.document
        bundle = unit.bundle or [doc]
        # computed once per bundle: every document of the bundle runs this rule
        main = per_bundle(unit, "most-requirements", lambda: max(bundle, key=lambda d: len(d.requirements)))
        if not _in_scope(p, unit, doc, bundle, main):
            return
        if p["only_if_part"] and not _has_part(unit, bundle, p["only_if_part"]):
            return  # a PvE checked alone that refers to the award criteria in the leidraad
        texts = per_bundle(unit, "clean-texts", lambda: [d.clean(0, len(d.text)) for d in bundle])
        applies, trigger = _trigger(p, unit, bundle, texts)
        if not applies:
            return
        if p["anchor"] == "trigger" and trigger is not None:
            if trigger[0] is not doc:
                return
        elif doc is not main:
            return
        if _part_present(p, bundle, texts):
            return
        data = {"ontbreekt": ", ".join(p["sections"]) or "het element"}
        if p["anchor"] == "trigger" and trigger is not None:
            block = doc.block_at(trigger[1].start()) or doc.blocks[0]
            yield Hit(block.content.start, block.content.end, data=data)
            return
        anchor = next((b for b in doc.blocks if b.kind == "heading"), doc.blocks[0])
        yield Hit(anchor.content.start, anchor.content.end, data=data)


def _in_scope(p: Any, unit: Unit, doc: Document, bundle: list[Document], main: Document) -> bool:
    """Whether this document judges the bundle at all: the main document (unless the finding goes
    where its trigger is), enough requirements, and a whole tender where the rule asks for one."""
    if p["anchor"] != "trigger" and doc is not main:
        return False
    if sum(len(d.requirements) for d in bundle) < p["min_requirements"]:
        return False
    if p["skip_lone_annex"] and per_bundle(unit, LONE_ANNEX, lambda: is_lone_annex(bundle)):
        return False
    return not (p["whole_tender"] and not per_bundle(unit, "whole-tender", lambda: is_whole_tender(bundle)))


def _trigger(p: Any, unit: Unit, bundle: list[Document], texts: list[str]) -> tuple[bool, Any]:
    """Whether the element is expected (`only_if` matched somewhere, or the tender context says
    so), and the (document, match) that triggered it."""
    if not p["only_if"]:
        return True, None
    trigger = next(((d, m) for d, t in zip(bundle, texts) for r in p["only_if"] if (m := r.search(t))), None)
    context_says = unit.tender is not None and any(
        getattr(unit.tender.context, f, None) is True for f in p["only_if_tender"]
    )
    return trigger is not None or context_says, trigger


def _part_present(p: Any, bundle: list[Document], texts: list[str]) -> bool:
    """The element is there: a section of the kind (with content), a document whose role is that
    part, a pattern, or all of `all_of`."""
    present = {
        s.kind
        for d in bundle
        for s in d.sections
        if s.heading is not None and _has_content(d, s, p["ignore_sentences"], p["sections"])
    }
    present |= {part for d in bundle for part in _ROLE_PARTS.get(d.role, ())}
    if p["sections"] and present & set(p["sections"]):
        return True
    if p["patterns"] and any(r.search(t) for r in p["patterns"] for t in texts):
        return True
    return bool(p["all_of"] and all(any(r.search(t) for t in texts) for r in p["all_of"]))


def _has_part(unit: Unit, bundle: list[Document], kinds: list[str]) -> bool:
    """Whether the bundle has a chapter of one of `kinds`, or is a whole tender."""
    if any(s.kind in kinds and s.heading is not None for d in bundle for s in d.sections):
        return True
    return per_bundle(unit, "whole-tender", lambda: is_whole_tender(bundle))


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n")


def _has_content(doc: Document, section: Section, ignore: list[re.Pattern[str]], kinds: list[str]) -> bool:
    """A heading of a required kind counts when its part says something of its own: a sentence of
    four words or more that no `ignore` pattern matches (not only "Dit document beschrijft ...")."""
    if not ignore or section.kind not in kinds or section.heading is None:
        return True
    # one line per block (a wrapped PDF paragraph is one sentence), cells of a row as one line
    body = "\n".join(
        doc.clean(b.content.start, b.content.end).replace("|", " ")
        for b in doc.blocks
        if section.heading.end <= b.start < section.end and b.kind != "heading"
    )
    return any(len(s.split()) >= 4 and not any(r.search(s) for r in ignore) for s in _SENTENCE_END.split(body))
