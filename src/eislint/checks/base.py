"""What every check type shares: the unit it reads, the hit it yields, option schemas."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eislint.document import Document, Requirement, Section, Span
from eislint.tender_context import TenderContext

if TYPE_CHECKING:
    from eislint.analysis import Analysis


@dataclass(slots=True)
class Unit:
    """One piece of text a rule looks at: a requirement, sentence, paragraph, section or document.

    `text` is the analysis text of [start, end): same length as the source, markup blanked.
    """

    scope: str
    document: Document
    start: int
    end: int
    text: str
    analysis: Analysis
    section: Section | None = None
    requirement: Requirement | None = None
    bundle: list[Document] = field(default_factory=list)  # the tender this document belongs to
    tender: Any = None  # eislint.context.Tender: configured or inferred context of the bundle

    def tokens(self):
        """spaCy tokens inside this unit (from the one shared parse), in order."""
        return self.analysis.tokens(self.start, self.end)

    def sentences(self) -> list[Span]:
        return self.analysis.sentences(self.start, self.end)

    def demand(self):
        """The shared demand analysis of this unit's requirement (None outside requirements)."""
        return self.analysis.demand(self.requirement) if self.requirement is not None else None

    def in_demand(self, start: int, end: int) -> bool:
        """False when [start, end) is motivation, an example or an explanation of a requirement."""
        demand = self.demand()
        return demand is None or demand.in_demand(start, end)

    def shared(self, name: str, build: Callable[[Unit], Any]) -> Any:
        """A structure parsed from this unit, built once (by whichever rule asks first) and shared
        by every rule that reads the same unit (eislint.structures)."""
        # a structure may depend on the unit's section or requirement, not only its span: the
        # root section and a first section can cover the same text
        key = (name, self.scope, self.start, self.end, id(self.section), id(self.requirement))
        return self.analysis.shared(key, lambda: build(self))

    def sentence_at(self, offset: int) -> Span:
        for span in self.sentences():
            if span.start <= offset < span.end:
                return span
        return Span(self.start, self.end)

    def slice(self, start: int, end: int) -> str:
        return self.text[start - self.start : end - self.start]


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    data: dict[str, Any] = field(default_factory=dict)
    replacement: str | None = None  # what the match should become, for the suggestion/fix
    level: str | None = None  # a check may lower or raise the rule's level for this hit


@dataclass(slots=True)
class Context:
    nlp: Any
    tender: TenderContext
    annotations: set[str]


class Option:
    """One check-type option: its type, whether required, its default."""

    def __init__(
        self,
        kind: type | tuple[type, ...],
        required: bool = False,
        default: Any = None,
        choices: tuple[str, ...] | None = None,
        doc: str = "",
        internal: bool = False,
    ) -> None:
        self.kind = kind
        self.internal = internal  # set by eislint itself, never by a rule file or a config
        self.required = required
        self.default = default
        self.choices = choices
        self.doc = doc

    def validate(self, name: str, value: Any) -> str | None:
        kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
        if bool in kinds or not isinstance(value, bool):
            if isinstance(value, kinds):
                if self.choices and value not in self.choices:
                    return f"'{name}' moet een van {', '.join(self.choices)} zijn, niet '{value}'"
                return None
        names = "/".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)
        return f"'{name}' moet {names} zijn"


_TYPE_NAMES = {
    str: "tekst",
    int: "een geheel getal",
    float: "een getal",
    list: "een lijst",
    dict: "een mapping",
    bool: "true/false",
}


class CheckType:
    """A check type: options schema plus `prepare` (once per rule) and `run` (per unit)."""

    name: str = ""
    options: dict[str, Option] = {}
    # Annotations every rule of this type needs, whatever the rule file says.
    needs: frozenset[str] = frozenset()
    # The packs whose rules may use this type (None: every pack).
    packs: tuple[str, ...] | None = None

    def public_options(self) -> dict[str, Option]:
        """The options a rule file or a config may set."""
        return {k: o for k, o in self.options.items() if not o.internal}

    def validate(self, options: dict[str, Any]) -> list[tuple[Any, str]]:
        """Errors as (option, message); check-specific semantics beyond the schema. The option
        may be a key path (('only_if_tender', 2)) so the error names the line of the item."""
        return []

    def bind(self, options: dict[str, Any], rule_id: str) -> dict[str, Any]:
        """The options with what the rule's id adds (a python rule: its module)."""
        return options

    def annotations_for(self, options: dict[str, Any]) -> set[str]:
        """The annotations a rule of this type with these options needs."""
        return set(self.needs)

    def prepare(self, options: dict[str, Any], ctx: Context) -> Any:
        return options

    def may_match(self, prepared: Any, text: str) -> bool:
        """Cheap test on a whole document's text: False means the rule cannot fire there."""
        return True

    def run(self, prepared: Any, unit: Unit, ctx: Context) -> Iterator[Hit]:
        raise NotImplementedError


class Bundle(list):
    """The documents of one tender, with a memo for what rules judge once per tender."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.memo: dict[Any, Any] = {}


def per_bundle(unit: Unit, key: Any, compute):
    """compute() once per tender bundle: a rule that judges the whole bundle runs for each of its
    documents, which made a folder of n documents cost n² (5,000 files: minutes)."""
    memo = getattr(unit.bundle, "memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def compile_regexes(patterns: list[str], ignorecase: bool = True) -> list[re.Pattern[str]]:
    flags = re.I if ignorecase else 0
    return [re.compile(p, flags) for p in patterns]


def regex_errors(name: str, patterns: Any) -> list[tuple[Any, str]]:
    errors = []
    for p in patterns or []:
        if not isinstance(p, str):
            errors.append((name, f"'{name}' bevat iets anders dan tekst: {p!r}"))
            continue
        try:
            re.compile(p)
        except re.error as exc:
            errors.append((name, f"ongeldige reguliere expressie {p!r}: {exc}"))
    return errors


def unless_blocks(unit: Unit, start: int, end: int, unless: list[re.Pattern[str]], scope: str) -> bool:
    """True when an `unless` pattern matches the hit's sentence, the whole unit (with the
    explanation column of its requirement), or the paragraph the hit stands in (a reason often
    follows in the next sentence: 'In dat geval motiveert ...')."""
    if not unless:
        return False
    block = unit.document.block_at(start) if scope == "paragraph" else None
    if block is not None:
        text = unit.document.clean(block.content.start, block.content.end)
    elif scope in ("unit", "paragraph"):
        text = unit.text
        if unit.requirement is not None and unit.requirement.explanation:
            text += "\n" + unit.requirement.explanation  # the row's Toelichting may give the reason
    else:
        sent = unit.sentence_at(start)
        text = unit.slice(max(sent.start, unit.start), min(max(sent.end, end), unit.end))
    return any(p.search(text) for p in unless)


def inside_exception(unit: Unit, start: int, end: int, exceptions: list[re.Pattern[str]]) -> bool:
    """True when the hit lies inside a match of an exception pattern (e.g. 'zo snel mogelijk' for 'snel')."""
    for pattern in exceptions:
        for m in pattern.finditer(unit.text):
            a, b = unit.start + m.start(), unit.start + m.end()
            if a <= start and end <= b:
                return True
    return False
