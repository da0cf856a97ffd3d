"""The award scheme of a gunning section: its weight groups (criteria with percentages or
points, in tables, "label: weight" lines and lists), parsed once per unit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eislint.checks.base import Unit
from eislint.document import Block, Document
from eislint.dutch.numbers import kort_getal, parse_number

_NUMBER = r"(\d{1,3}(?:[.,]\d{1,2})?)"
_PERCENT = re.compile(_NUMBER + r"\s*(%|procent\b)", re.I)
_POINTS = re.compile(_NUMBER + r"\s*(punten|punt|pnt\.?)\b", re.I)
_WEIGHT_HEADER = re.compile(
    r"^(weging|wegingsfactor|gewicht|percentage|weegfactor|wegingspercentage|%|punten|max\.?\s*(?:aantal\s+)?punten"
    r"|maximaal\s+aantal\s+punten|maximum\s+score|(?:weging|gewicht)\s*(?:\(%\)|in\s*%|\(in\s*%\)))$",
    re.I,
)
_TOTAL = re.compile(r"^\s*(\*\*)?\s*(totaal|total|som)\b", re.I)
_WEIGHT_LINE = re.compile(
    r"([^:\d][^:]{1,80}):\s*(\d{1,3}(?:\.\d{3})+|\d{1,5}(?:,\d{1,2})?)\s*(%|procent\b|punten\b|punt\b)", re.I
)
# points run into the thousands ("maximaal 1000 punten", "1.000 punten")
_POINTS_TOTAL = r"(\d{1,3}(?:\.\d{3})+|\d{1,5})"
_MAX_POINTS = re.compile(
    r"(?:maximaal|totaal|in\s+totaal|maximum\s+van)\s+(?:te\s+behalen\s+)?" + _POINTS_TOTAL + r"\s*punten", re.I
)


@dataclass(slots=True)
class WeightGroup:
    items: list[tuple[str, float]] = field(default_factory=list)
    unit: str = "%"
    target: float = 100.0
    start: int = 0
    end: int = 0

    @property
    def total(self) -> float:
        return round(sum(v for _, v in self.items), 4)

    def describe(self) -> str:
        return " + ".join(kort_getal(v) for _, v in self.items)


@dataclass(frozen=True, slots=True)
class AwardScheme:
    """What a gunning section states about weighing (more parts follow as rules need them)."""

    weight_groups: list[WeightGroup]


def award_scheme(unit: Unit) -> AwardScheme:
    """The award scheme of the unit's text, built once per unit (Unit.shared)."""
    return unit.shared("award-scheme", lambda u: AwardScheme(award_weight_groups(u)))


def award_weight_groups(unit: Unit) -> list[WeightGroup]:
    """Weight groups written directly in this section: tables with a weight column, and lists.

    Only groups with at least two weights of one unit and a known target are returned; a
    group we cannot read with certainty is left alone (precision first).
    """
    doc = unit.document
    section = unit.section
    direct = [b for b in doc.blocks if unit.start <= b.start < unit.end and doc.section_at(b.start) is section]
    points_target = _points_target(unit.text)
    groups = [
        *_table_groups(doc, direct, points_target),
        *_line_groups(doc, direct, points_target),
        *_list_groups(doc, direct, points_target),
    ]
    return [g for g in (_top_level(g) for g in groups) if g is not None and _plausible(g, doc, unit)]


def _points_target(text: str) -> float:
    """The total of points the section states, -1 when it states none. The total, not a
    per-criterion maximum ("per subcriterium zijn maximaal 10 punten te behalen")."""
    max_points = next(
        (
            m
            for m in _MAX_POINTS.finditer(text)
            if not re.search(r"\bper\s+\w+", text[max(0, m.start() - 40) : m.start()], re.I)
        ),
        None,
    )
    return parse_number(max_points.group(1)) if max_points else -1


def _table_groups(doc: Document, direct: list[Block], points_target: float) -> list[WeightGroup]:
    """Tables whose header has a weight column: one group per table."""
    groups = []
    i = 0
    while i < len(direct):
        block = direct[i]
        if block.kind != "table_header":
            i += 1
            continue
        j = i + 1
        while j < len(direct) and direct[j].kind == "table_row":
            j += 1
        group = _table_group(doc, block, direct[i + 1 : j], points_target)
        if group is not None:
            groups.append(group)
        i = j
    return groups


def _table_group(doc: Document, header: Block, rows: list[Block], points_target: float) -> WeightGroup | None:
    col = next((k for k, c in enumerate(header.cells) if _WEIGHT_HEADER.match(doc.clean(c.start, c.end).strip())), None)
    if col is None or not rows:
        return None
    header_text = doc.clean(header.cells[col].start, header.cells[col].end).lower()
    group = WeightGroup(start=header.start, end=rows[-1].end)
    total_value = None
    is_points = "punt" in header_text or "score" in header_text
    for row in rows:
        if col >= len(row.cells):
            continue
        cell = doc.clean(row.cells[col].start, row.cells[col].end).strip()
        first = doc.clean(row.cells[0].start, row.cells[0].end)
        m = re.fullmatch(_NUMBER + r"\s*(%|punten)?", cell)
        if not m:
            continue
        if _TOTAL.match(first):
            total_value = parse_number(m.group(1))
            continue
        if m.group(2) == "%":
            is_points = False
        group.items.append((first.strip(), parse_number(m.group(1))))
    group.unit = "punten" if is_points else "%"
    if total_value is not None:
        group.target = total_value
    elif is_points:
        group.target = points_target
    factors = re.search(r"factor", header_text) and "%" not in doc.clean(header.start, rows[-1].end)
    if len(group.items) >= 2 and group.target > 0 and not factors:  # factors have no total
        return group
    return None


def _line_groups(doc: Document, direct: list[Block], points_target: float) -> list[WeightGroup]:
    """A paragraph of "label: weight" lines (plain text has no list markup)."""
    groups = []
    for block in direct:
        if block.kind != "paragraph":
            continue
        lines = [line.strip() for line in doc.text[block.content.start : block.content.end].split("\n") if line.strip()]
        found = [m for m in (_WEIGHT_LINE.fullmatch(line) for line in lines) if m is not None]
        if len(lines) < 2 or len(found) < len(lines):
            continue
        kinds = {"%" if m.group(3).startswith(("%", "procent")) else "punten" for m in found}
        if len(kinds) != 1:
            continue
        kind = kinds.pop()
        target = 100.0 if kind == "%" else points_target
        if target > 0:
            group = WeightGroup(unit=kind, target=target, start=block.content.start, end=block.content.end)
            group.items = [(m.group(1), parse_number(m.group(2))) for m in found]
            groups.append(group)
    return groups


# a weighted list item: (block, its text, "%" or "punten", the weight)
_Item = tuple[Block, str, str, float]


def _list_groups(doc: Document, direct: list[Block], points_target: float) -> list[WeightGroup]:
    """Lists: consecutive list items at one indent, each carrying exactly one weight. A list in
    which an item at that indent has no weight is incomplete (gunning.criteria-zonder-weging
    reports the item); its sum says nothing."""
    others = sum(
        parse_number(m.group(1))
        for b in direct
        if b.kind == "paragraph"
        for m in _PERCENT.finditer(doc.clean(b.content.start, b.content.end))
    )
    groups = []
    run: list[_Item] = []
    incomplete = False
    previous: Block | None = None
    for block in [*direct, None]:
        if block is not None and block.kind == "list_item":
            taken, makes_incomplete = _take_item(doc, block, run, previous)
            incomplete = incomplete or makes_incomplete
            if taken:
                previous = block
                continue
        group = None if incomplete else _run_group(run, others, points_target)
        if group is not None:
            groups.append(group)
        if block is None or block.kind != "list_item" or not run or block.indent <= run[0][0].indent:
            run = []
            incomplete = incomplete and block is not None and block.kind == "list_item"
        previous = block
    return groups


def _take_item(doc: Document, block: Block, run: list[_Item], previous: Block | None) -> tuple[bool, bool]:
    """Whether a list item is taken (into the run, or passed over as a sub-criterion of the
    run's last item), and whether it makes the run incomplete: an unweighted item just before
    the run or at the run's own level."""
    weighted = _weighted_item(doc, block)
    if weighted is not None and (not run or run[0][0].indent == block.indent):
        unweighted_before = (
            not run and previous is not None and previous.kind == "list_item" and previous.indent == block.indent
        )
        run.append(weighted)
        return True, unweighted_before
    if run and block.indent > run[0][0].indent:
        return True, False  # sub-criteria of the previous item belong to another level
    return False, bool(run and block.indent == run[0][0].indent)


def _weighted_item(doc: Document, block: Block) -> _Item | None:
    """A list item with exactly one weight, in percent or in points (not both)."""
    text = doc.clean(block.content.start, block.content.end)
    pct = _PERCENT.findall(text)
    pts = _POINTS.findall(text)
    if (len(pct) == 1) == (len(pts) == 1):
        return None
    return block, text, "%" if pct else "punten", parse_number((pct or pts)[0][0])


def _run_group(run: list[_Item], others: float, points_target: float) -> WeightGroup | None:
    if len(run) < 2 or len({r[2] for r in run}) != 1:
        return None
    kind = run[0][2]
    target = 100.0 if kind == "%" else points_target
    total = sum(r[3] for r in run)
    # "Kwaliteit: 40% + 30%" in the list and "Prijs weegt 30%" in a sentence: one whole
    if target <= 0 or (kind == "%" and abs(total + others - target) < 1e-6):
        return None
    group = WeightGroup(unit=kind, target=target, start=run[0][0].start, end=run[-1][0].end)
    group.items = [(r[1], r[3]) for r in run]
    return group


_SCALE_WORD = re.compile(
    r"^\W*(?:zeer\s+goed|uitstekend|ruim\s+voldoende|goed|voldoende|matig|onvoldoende|slecht|zeer\s+slecht)\b", re.I
)
_SUB_ITEM = re.compile(r"^\s*(?:[-–•*]|waarvan\b|sub-?criteri)", re.I)


def _top_level(group: WeightGroup) -> WeightGroup | None:
    """Criteria and their sub-criteria in one table or list ("| - Gebruikerstest | 30% |",
    "waarvan plan van aanpak: 35%"): only the top level is summed."""
    top = [(label, v) for label, v in group.items if not _SUB_ITEM.match(label)]
    if len(top) == len(group.items):
        return group
    if len(top) < 2:
        return None
    group.items = top
    return group


def _plausible(group: WeightGroup, doc: Document, unit: Unit) -> bool:
    """A group whose sum is worth reporting: not a scoring scale ('goed: 70%'), and not
    sub-weights that add up to their parent's weight stated elsewhere ('kwaliteit 60%')."""
    if any(_SCALE_WORD.match(label) for label, _ in group.items):
        return False
    if group.unit == "%":
        outside = unit.text[: max(group.start - unit.start, 0)] + " " + unit.text[max(group.end - unit.start, 0) :]
        stated = {parse_number(m.group(1)) for m in _PERCENT.finditer(outside)}
        if any(abs(group.total - v) < 1e-6 for v in stated):
            return False
    return True
