"""The Document model every reader produces and every later stage reads.

A Document is the extracted text of one file plus blocks with character offsets into
that text. Locations (line/column, and whatever a format adds such as a table cell or a
page) are derived from offsets, so rules never deal with source positions themselves.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from eislint.locations import Location, PdfLine

BlockKind = Literal["heading", "paragraph", "list_item", "table_row", "table_header", "comment"]

SECTION_KINDS = (
    "aanleiding",
    "doelstelling",
    "randvoorwaarden",
    "eisen",
    "wensen",
    "gunning",
    "kwaliteit",
    "implementatie",
    "contract",
    "prijs",
    "overig",
)

# selectie: a suitability demand on the bidder (geschiktheidseis); bepaling: an obligation of the
# supplier in a contract the buyer wrote (not a standard model text)
REQUIREMENT_KINDS = ("eis", "knock-out", "wens", "doel", "te-ontwikkelen", "selectie", "bepaling")

# "E1.", "Eis 3.2:", "W-12", "R01", "KO-3", "KO 3", "Wens 4)", "NFE-2.1", "[E1]"
REQUIREMENT_ID = re.compile(
    r"\[?(?P<id>(?:(?P<prefix>KO|K\.O\.|E|W|R|D|TO|FE|NFE|TE|REQ|EIS|WENS|DOEL|Eis|Wens|Doel|Knock-out|Knockout)"
    r"[-\s]?\d+(?:[.\-]\d+)*[a-z]?))\]?(?:[.):]|\s+[-–:])?\s+"
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Block:
    """A paragraph, heading, list item or table row of the source.

    `content` is the span of the block's own text without markup (the "- " of a list item,
    the "## " of a heading, the pipes of a table row); `cells` holds one span per table cell.
    `location` carries what the format adds (eislint.locations): `Paragraph(paragraaf=12)` for
    Word, `TableCell(tabel=2, rij=5)` for a Word table row, `SheetCell(blad="PvE", rij=14)` for a
    sheet row; a plain `Location()` for text formats. `cell_names` names each cell as the source
    does ("C14" in a sheet); `Document.place_at` adds the cell of an offset to its location.
    """

    kind: BlockKind
    start: int
    end: int
    content: Span
    level: int = 0
    cells: tuple[Span, ...] = ()
    location: Location = field(default_factory=Location)
    indent: int = 0
    marker: str = ""
    cell_names: tuple[str, ...] = ()
    cell_columns: tuple[int, ...] = ()  # 1-based source column of each cell (merged cells skip)


@dataclass(slots=True)
class Section:
    title: str
    kind: str
    level: int
    number: str
    start: int
    end: int
    heading: Block | None
    parent: Section | None = None

    @property
    def path(self) -> str:
        parts = []
        node: Section | None = self
        while node is not None:
            if node.heading is not None:
                parts.append(node.title)
            node = node.parent
        return " > ".join(reversed(parts))

    def kinds(self) -> set[str]:
        # An unclassified subsection already took its parent's kind in segment.
        return {self.kind}


@dataclass(slots=True)
class Requirement:
    id: str | None
    kind: str
    start: int
    end: int
    block: Block
    section: Section
    weight: str | None = None
    explanation: str | None = None
    # MoSCoW or the label of a kind column, normalised: must, should, could, wont (None: not given)
    priority: str | None = None
    lead: str | None = None  # the lead-in an item completes ("Het LMS biedt de volgende functies:")
    norm: bool = False  # the norm cells of a service-level row ('4 uur', '99,5%'): values, not prose


@dataclass(slots=True)
class Document:
    path: str
    text: str
    blocks: list[Block]
    format: str = "text"
    encoding: str = "utf-8"
    notices: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    # Spans that are not tender text (suppression comments, markup): masked before analysis.
    masked: list[Span] = field(default_factory=list)
    bundle: str = ""  # documents with the same bundle key form one tender
    role: str = "overig"  # eislint.roles.ROLES: what this document is in its bundle
    role_reason: str = ""
    model_text: bool = False  # a standard model (GIBIT, VNG model) declared applicable, not written by the buyer
    # (offset, page and line): from that offset on the source is at this PDF page and line
    anchors: list[tuple[int, PdfLine]] = field(default_factory=list)
    # structures derived from the whole document that rules share (built once, by name)
    derived: dict[str, Any] = field(default_factory=dict, repr=False)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _clean: str | None = field(default=None, repr=False)
    _block_starts: list[int] = field(default_factory=list, repr=False)
    _req_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        for i, ch in enumerate(self.text):
            if ch == "\n":
                starts.append(i + 1)
        self._line_starts = starts

    def clean(self, start: int, end: int) -> str:
        """The text of [start, end) as the analysis sees it: markup and line breaks as spaces.

        Same length as the source slice, so offsets stay valid.
        """
        if self._clean is None:
            chars = list(self.text)
            for span in self.masked:
                for i in range(span.start, min(span.end, len(chars))):
                    chars[i] = " "
            self._clean = "".join(chars).replace("\n", " ").replace("\t", " ")
        return self._clean[start:end]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end]

    def block_at(self, offset: int) -> Block | None:
        if len(self._block_starts) != len(self.blocks):
            self._block_starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None

    def section_at(self, offset: int) -> Section | None:
        best = None
        for section in self.sections:
            if section.start <= offset < section.end and (best is None or section.level >= best.level):
                best = section
        return best

    def place_at(self, offset: int) -> Location:
        """Where a user finds `offset` back in the source: block location, cell, page and line."""
        block = self.block_at(offset)
        place = block.location if block is not None else Location()
        if block is not None and block.cells:
            index = next((i for i, c in enumerate(block.cells) if c.start <= offset <= c.end), None)
            if index is not None:
                column = block.cell_columns[index] if index < len(block.cell_columns) else index + 1
                place = place.in_cell(column, block.cell_names[index] if index < len(block.cell_names) else None)
        if self.anchors:
            i = bisect.bisect_right([a for a, _ in self.anchors], offset) - 1
            if i >= 0:
                place = place.on_line(self.anchors[i][1])
        return place

    def location_at(self, offset: int) -> dict[str, Any]:
        """`place_at` as the JSON object reports show."""
        return self.place_at(offset).as_dict()

    def requirement_at(self, offset: int) -> Requirement | None:
        if len(self._req_starts) != len(self.requirements):
            self._req_starts = [r.block.start for r in self.requirements]
        i = bisect.bisect_right(self._req_starts, offset) - 1  # one requirement per block, in order
        if i >= 0 and offset < max(self.requirements[i].block.end, self.requirements[i].end):
            return self.requirements[i]
        return None
