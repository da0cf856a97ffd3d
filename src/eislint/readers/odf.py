"""OpenDocument text (.odt) and spreadsheets (.ods), parsed from content.xml with defusedxml.

The XML is small and regular enough that odfpy would add a dependency without adding safety:
defusedxml refuses DTDs and entities outright. Locations: paragraph number and table/row/
column for text, sheet!cell for spreadsheets (as LibreOffice shows them).
"""

from __future__ import annotations

import zipfile
from dataclasses import replace
from typing import Any

from eislint.document import REQUIREMENT_ID, Document
from eislint.locations import Paragraph, SheetCell, TableCell
from eislint.readers.builder import DocumentBuilder, one_block
from eislint.readers.container import open_zip
from eislint.readers.errors import ReadError
from eislint.readers.numbering import format_number, to_int
from eislint.readers.sheets import SheetLayout

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


H, P, LIST, ITEM, HEADER_ITEM = (
    _q("text:h"),
    _q("text:p"),
    _q("text:list"),
    _q("text:list-item"),
    _q("text:list-header"),
)
SECTION, TABLE, ROW, CELL, COVERED = (
    _q("text:section"),
    _q("table:table"),
    _q("table:table-row"),
    _q("table:table-cell"),
    _q("table:covered-table-cell"),
)
ROW_GROUPS = {_q("table:table-header-rows"), _q("table:table-rows"), _q("table:table-row-group")}
SPACE, TAB, BREAK = _q("text:s"), _q("text:tab"), _q("text:line-break")
# Footnote bodies, deleted text kept for change tracking, annotations, index and TOC content
_SKIP = {
    _q("text:note"),
    _q("text:tracked-changes"),
    _q("office:annotation"),
    _q("text:table-of-content"),
    _q("text:alphabetical-index"),
    _q("text:bookmark-ref"),
}
MAX_REPEAT = 10_000


def _content(data: bytes, label: str, expected: str, mimetype: str) -> tuple[Any, Any]:
    """(content.xml, styles.xml or None) as element trees."""
    import defusedxml.ElementTree as ET
    from defusedxml import DefusedXmlException

    archive = open_zip(data, label, expected, "content.xml")
    try:
        declared = (
            archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in archive.namelist() else ""
        )
        if declared and declared != mimetype:
            raise ReadError(f"is een OpenDocument-bestand van een ander soort ({declared}), geen {label}")
        names = archive.namelist()
        if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
            raise ReadError(f"{label} is met een wachtwoord beveiligd; sla een onbeveiligde kopie op")
        styles = ET.fromstring(archive.read("styles.xml")) if "styles.xml" in names else None
        return ET.fromstring(archive.read("content.xml")), styles
    except ReadError:
        raise
    except DefusedXmlException:
        raise ReadError("content.xml bevat een DTD of XML-entiteiten; niet gelezen") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        raise ReadError(f"beschadigd {label} ({type(exc).__name__})") from None
    except Exception as exc:  # xml.etree.ElementTree.ParseError
        raise ReadError(f"beschadigd {label}: content.xml is geen geldige XML ({exc})") from None


def _text(element: Any, out: list[str]) -> None:
    if element.text:
        out.append(element.text)
    for child in element:
        tag = child.tag
        if tag == SPACE:
            out.append(" " * to_int(child.get(_q("text:c")), 1, 1, 100))
        elif tag == TAB:
            out.append(" ")
        elif tag == BREAK:
            out.append("\n")
        elif tag not in _SKIP:
            _text(child, out)
        if child.tail:
            out.append(child.tail)


def text_of(element: Any) -> str:
    out: list[str] = []
    _text(element, out)
    return "".join(out).strip()


# ---------------------------------------------------------------- .odt


class _ListStyles:
    """Numbered or bulleted, per list style and level (automatic and common styles)."""

    def __init__(self, *roots: Any) -> None:
        self.levels: dict[tuple[str, int], dict[str, str]] = {}
        styles = [style for root in roots if root is not None for style in root.iter(_q("text:list-style"))]
        for style in styles:
            name = style.get(_q("style:name"), "")
            for level in style:
                number = level.get(_q("text:level"))
                if number is None:
                    continue
                if level.tag == _q("text:list-level-style-number"):
                    self.levels[(name, to_int(number, 1, 1, 10))] = {
                        "fmt": level.get(_q("style:num-format"), "1") or "",
                        "prefix": level.get(_q("style:num-prefix"), ""),
                        "suffix": level.get(_q("style:num-suffix"), ""),
                        "display": level.get(_q("text:display-levels"), "1"),
                        "start": level.get(_q("text:start-value"), "1"),
                    }
                else:
                    self.levels[(name, to_int(number, 1, 1, 10))] = {"fmt": "bullet"}


class _TextReader:
    def __init__(self, root: Any, styles: Any = None) -> None:
        self.builder = DocumentBuilder()
        self.lists = _ListStyles(styles, root)  # automatic styles in content.xml win
        self.paragraph_no = 0
        self.table_no = 0
        self.counters: dict[str, list[int]] = {}
        self.list_keys: dict[str, str] = {}  # xml:id of a list -> its counter key
        self.last_key: dict[str, str] = {}  # list style -> counter key of the last list with it

    def block(self, element: Any, list_style: str = "", depth: int = 0, list_id: str = "") -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == H:
                self.paragraph_no += 1
                level = to_int(child.get(_q("text:outline-level")), 1, 1, 10)
                self.builder.add(
                    "heading", text_of(child), level=level, location=Paragraph(paragraaf=self.paragraph_no)
                )
            elif tag == P:
                self.paragraph_no += 1
                self.builder.add("paragraph", text_of(child), location=Paragraph(paragraaf=self.paragraph_no))
            elif tag == LIST:
                style = child.get(_q("text:style-name")) or list_style
                key = list_id
                if depth == 0:
                    # a list may continue the numbering of an earlier one (LibreOffice writes both forms)
                    earlier = self.list_keys.get(child.get(_q("text:continue-list")) or "")
                    if earlier is None and child.get(_q("text:continue-numbering")) == "true":
                        earlier = self.last_key.get(style)
                    key = earlier or f"lijst{len(self.counters) + 1}"
                    self.counters.setdefault(key, [])
                    self.last_key[style] = key
                    xml_id = child.get("{http://www.w3.org/XML/1998/namespace}id")
                    if xml_id:
                        self.list_keys[xml_id] = key
                self.list(child, style, depth + 1, key)
            elif tag == SECTION:
                self.block(child, list_style, depth, list_id)
            elif tag == TABLE:
                self.table_no += 1
                self.table(child, TableCell(tabel=self.table_no))

    def list(self, element: Any, style: str, depth: int, key: str) -> None:
        counters = self.counters.setdefault(key, [])
        for item in element:
            if item.tag not in (ITEM, HEADER_ITEM):
                continue
            level = self.lists.levels.get((style, depth), {"fmt": "bullet"})
            marker = "•"
            if level["fmt"] != "bullet" and item.tag == ITEM:
                del counters[depth:]
                while len(counters) < depth:
                    counters.append(
                        to_int(self.lists.levels.get((style, len(counters) + 1), {}).get("start"), 1, 0) - 1
                    )
                start = item.get(_q("text:start-value"))
                if start is not None:
                    counters[depth - 1] = to_int(start, 1) - 1
                counters[depth - 1] += 1
                shown = to_int(level.get("display"), 1, 1, 10)
                parts = [
                    format_number(n, self.lists.levels.get((style, i + 1), {}).get("fmt", "1") or "1")
                    for i, n in enumerate(counters)
                ][-shown:]
                marker = f"{level.get('prefix', '')}{'.'.join(parts)}{level.get('suffix', '')}" if level["fmt"] else ""
            for child in item:
                if child.tag in (P, H):
                    self.paragraph_no += 1
                    text = text_of(child)
                    location = Paragraph(paragraaf=self.paragraph_no)
                    if marker and marker != "•" and REQUIREMENT_ID.match(f"{marker} {text}"):
                        self.builder.add("paragraph", f"{marker} {text}", location=location)
                    else:
                        self.builder.add("list_item", text, marker=marker, indent=depth - 1, location=location)
                    marker = "•" if marker == "•" else ""  # later paragraphs of the item carry no number
                elif child.tag == LIST:
                    self.list(child, child.get(_q("text:style-name")) or style, depth + 1, key)
                else:
                    self.block([child], style, depth, key)

    def cell_text(self, cell: Any) -> str:
        lines: list[str] = []

        def walk(element: Any) -> None:
            for child in element:
                if child.tag in (P, H):
                    lines.append(text_of(child))
                elif child.tag not in _SKIP:  # footnotes and reviewer comments stay out
                    walk(child)

        walk(cell)
        return "\n".join(line for line in lines if line)

    def table(self, table: Any, location: TableCell) -> None:
        for r, (row, header) in enumerate(_rows(table), start=1):
            texts, columns = [], []
            column = 1
            for cell in row:
                if cell.tag not in (CELL, COVERED):
                    continue
                repeat = to_int(cell.get(_q("table:number-columns-repeated")), 1, 1, MAX_REPEAT)
                text = self.cell_text(cell) if cell.tag == CELL else ""  # a merged cell is read once
                for _ in range(repeat if text else 1):
                    texts.append(text)
                    columns.append(column)
                    column += 1
                if not text:
                    column += repeat - 1
            self.builder.add_row(
                texts,
                header=header or r == 1,
                columns=columns,
                keep_empty=[True] * len(texts),
                location=replace(location, rij=r),
            )


def _rows(table: Any):
    for child in table:
        if child.tag == ROW:
            yield child, False
        elif child.tag in ROW_GROUPS:
            header = child.tag == _q("table:table-header-rows")
            for row, _ in _rows(child):
                yield row, header


def read_odt(path: str, data: bytes) -> Document:
    root, styles = _content(data, "OpenDocument-tekst", ".odt", "application/vnd.oasis.opendocument.text")
    body = root.find(f"{_q('office:body')}/{_q('office:text')}")
    if body is None:
        raise ReadError("is geen OpenDocument-tekst (office:text ontbreekt)")
    reader = _TextReader(root, styles)
    reader.block(body)
    return reader.builder.build(path, "odt")


# ---------------------------------------------------------------- .ods


def read_ods(path: str, data: bytes) -> Document:
    root, _ = _content(data, "OpenDocument-rekenblad", ".ods", "application/vnd.oasis.opendocument.spreadsheet")
    body = root.find(f"{_q('office:body')}/{_q('office:spreadsheet')}")
    if body is None:
        raise ReadError("is geen OpenDocument-rekenblad (office:spreadsheet ontbreekt)")
    builder = DocumentBuilder()
    for table in body.iter(TABLE):
        name = table.get(_q("table:name"), "Blad")
        layout = SheetLayout(builder, name, SheetCell(blad=name))
        number = 0
        for row, _ in _rows(table):
            repeat = to_int(row.get(_q("table:number-rows-repeated")), 1, 1, 10_000_000)
            cells: list[tuple[int, str]] = []
            column = 0
            for cell in row:
                if cell.tag not in (CELL, COVERED):
                    continue
                span = to_int(cell.get(_q("table:number-columns-repeated")), 1, 1, 100_000)
                text = text_of_cell(cell) if cell.tag == CELL else ""
                if text:
                    for k in range(min(span, MAX_REPEAT)):
                        cells.append((column + k + 1, text))
                column += span
            if not cells:
                number += repeat  # LibreOffice stores the empty rest of a sheet as one repeated row
                continue
            # each copy of the row writes at least its cells' text: refuse now what cannot fit
            builder.refuse_beyond(min(repeat, MAX_REPEAT) * sum(len(one_block(text)) for _, text in cells))
            for _ in range(min(repeat, MAX_REPEAT)):
                number += 1
                layout.row(number, cells)
            number += max(repeat - MAX_REPEAT, 0)
    return builder.build(path, "ods")


def text_of_cell(cell: Any) -> str:
    lines = [text_of(p) for p in cell if p.tag in (P, H)]
    return "\n".join(line for line in lines if line)
