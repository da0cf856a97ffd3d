"""Word (.docx): paragraphs and tables in reading order, headings, numbering, tracked changes.

python-docx opens the package (its XML parser does not resolve entities); the text is taken
from the XML directly because python-docx leaves out text in tracked insertions, fields and
hyperlinks in some versions, and knows nothing of automatic numbering. Locations follow
python-docx's own view of the file (`document.paragraphs`, `document.tables`), so `annotate`
can find each paragraph and cell back.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from typing import Any

from eislint.document import REQUIREMENT_ID, Document
from eislint.locations import Location, Paragraph, TableCell
from eislint.readers.builder import DocumentBuilder
from eislint.readers.container import open_zip
from eislint.readers.errors import ReadError
from eislint.readers.numbering import format_number, to_int
from eislint.readers.text import looks_like_heading
from eislint.segment import column_roles

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
P, TBL, TR, TC, SDT, SDT_CONTENT = (W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
T, TAB, BR, CR, NBH = (W + t for t in ("t", "tab", "br", "cr", "noBreakHyphen"))
INS, RUN, DELETED, CUSTOM_XML = W + "ins", W + "r", (W + "del", W + "moveFrom"), W + "customXml"
# Run and paragraph properties, field codes, and the Fallback branch of AlternateContent (a text
# box is stored twice: once per branch). Deleted and moved-away text is handled in _text.
_SKIP = {
    W + "pPr",
    W + "rPr",
    W + "instrText",
    MC_FALLBACK,
    W + "footnoteReference",
    W + "endnoteReference",
    W + "commentReference",
}
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*([1-9])$", re.I)
_TOC_STYLE = re.compile(r"^(?:toc|inhopg|inhoudsopgave)", re.I)


def read_docx(path: str, data: bytes) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    open_zip(data, "Word-document", ".docx", "word/document.xml")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError) as exc:
        raise ReadError(f"beschadigd Word-document ({type(exc).__name__})") from None
    except Exception as exc:  # lxml.etree.XMLSyntaxError and zip errors from deep inside the package
        raise ReadError(f"beschadigd Word-document ({type(exc).__name__})") from None
    reader = _WordReader(document)
    reader.read()
    notices = []
    if reader.tracked:
        notices.append("bevat bijgehouden wijzigingen; gelezen als de tekst na aanvaarden van alle wijzigingen")
    return reader.builder.build(path, "docx", notices)


class _Styles:
    def __init__(self, document: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default: str | None = None
        try:
            root = document.styles.element
        except (AttributeError, KeyError, NotImplementedError):
            return
        for style in root.findall(W + "style"):
            sid = style.get(W + "styleId")
            if sid is None:
                continue
            self.by_id[sid] = style
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
                self.default = sid

    def chain(self, sid: str | None):
        seen = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            style = self.by_id[sid]
            yield style
            based = style.find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None

    def name(self, sid: str | None) -> str:
        style = self.by_id.get(sid or "")
        node = style.find(W + "name") if style is not None else None
        return (node.get(W + "val") if node is not None else sid) or ""

    def find(self, sid: str | None, *tags: str):
        """The first element at `tags` (a path below the style) along the basedOn chain."""
        for style in self.chain(sid):
            node = style
            for tag in tags:
                node = node.find(W + tag) if node is not None else None
            if node is not None:
                return node
        return None


class _Numbering:
    """Word's automatic numbering, counted the way Word counts it (per abstract list)."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, dict[str, Any]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.override_levels: dict[str, dict[int, dict[str, Any]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (AttributeError, KeyError, NotImplementedError):
            return
        for abstract in root.findall(W + "abstractNum"):
            self.levels[abstract.get(W + "abstractNumId")] = {
                to_int(lvl.get(W + "ilvl"), 0, 0, 8): _level(lvl) for lvl in abstract.findall(W + "lvl")
            }
        for num in root.findall(W + "num"):
            overrides = {}
            for override in num.findall(W + "lvlOverride"):
                start = _val(override, "startOverride")
                ilvl = to_int(override.get(W + "ilvl"), 0, 0, 8)
                if start is not None:
                    overrides[ilvl] = to_int(start, 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:  # this list redefines a level ("W%1." instead of "E%1.")
                    self.override_levels.setdefault(num.get(W + "numId"), {})[ilvl] = _level(lvl)
            self.nums[num.get(W + "numId")] = (_val(num, "abstractNumId") or "", overrides)

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        abstract = self.nums.get(num_id, ("", {}))[0]
        for ilvl, level in self.levels.get(abstract, {}).items():
            if style_id and level["style"] == style_id:
                return ilvl
        return 0

    def next(self, num_id: str, ilvl: int) -> tuple[str, bool]:
        """(the number as Word shows it, whether it is a bullet)."""
        if num_id not in self.nums:
            return "", False
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if num_id in self.override_levels:
            levels = {**levels, **self.override_levels[num_id]}
            abstract = f"{abstract}/{num_id}"  # a redefined list counts on its own
        if ilvl not in levels:
            return "", False
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
                for deeper in [k for k in counters if k > lvl]:
                    del counters[deeper]
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level["start"] - 1) + 1
        # a deeper level restarts when a level above its lvlRestart is used (default: any above it;
        # lvlRestart 0: never, "E1, E2" numbered on through the chapters)
        for deeper in [k for k in counters if k > ilvl and ilvl < levels.get(k, {}).get("restart", k)]:
            del counters[deeper]
        if level["fmt"] == "bullet":
            return "•", True
        if level["fmt"] == "none":
            return "", False

        def value(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lvl = levels.get(k, {"start": 1, "fmt": "decimal"})
            count = counters.get(k, lvl["start"])
            fmt = "decimal" if level["legal"] else lvl["fmt"]
            return format_number(count, fmt)

        return re.sub(r"%([1-9])", value, level["text"]).strip(), False


def _eislint_comments(document: Any) -> dict[str, str]:
    """Word comments (opmerkingen) that are eislint suppressions, by comment id."""
    out: dict[Any, Any] = {}
    try:
        comments = list(document.comments)
    except (AttributeError, KeyError, NotImplementedError, ValueError):
        return out
    for comment in comments:
        text = " ".join(p.text for p in comment.paragraphs).strip()
        if re.match(r"(<!--\s*)?eislint\s*:", text, re.I):
            out[str(comment.comment_id)] = text
    return out


def _level(lvl: Any) -> dict[str, Any]:
    return {
        "start": to_int(_val(lvl, "start"), 1),
        "fmt": _val(lvl, "numFmt") or "decimal",
        "text": _val(lvl, "lvlText") or "",
        "style": _val(lvl, "pStyle"),
        "legal": lvl.find(W + "isLgl") is not None,
        # restarts when a level above this index is used; by default any level above it
        "restart": to_int(_val(lvl, "lvlRestart"), to_int(lvl.get(W + "ilvl"), 0, 0, 8), 0, 9),
    }


def _val(node: Any, tag: str) -> str | None:
    child = node.find(W + tag)
    return child.get(W + "val") if child is not None else None


def _text(element: Any, out: list[str], state: dict[str, bool]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in DELETED:
            state["tracked"] = True
            continue
        if tag == T:
            out.append(child.text or "")
        elif tag == TAB:
            out.append(" ")
        elif tag == BR:
            out.append(" " if child.get(W + "type") == "page" else "\n")
        elif tag == CR:
            out.append("\n")
        elif tag == NBH:
            out.append("-")
        elif tag == RUN and _hidden(child):
            continue  # hidden text is not part of the tender a reader sees
        elif tag == P:  # a paragraph in a text box
            _text(child, out, state)
            out.append("\n")
        else:
            if tag in (INS, W + "moveTo"):
                state["tracked"] = True
            _text(child, out, state)


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val") not in ("0", "false", "off")


def _direct(element: Any, tag: str):
    """Children with `tag`, also those wrapped in a content control or custom XML element."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _direct(content, tag)
        elif child.tag == CUSTOM_XML:
            yield from _direct(child, tag)


class _WordReader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.styles = _Styles(document)
        self.numbering = _Numbering(document)
        self.builder = DocumentBuilder()
        self.tracked = False
        self.suppressions = _eislint_comments(document)

    def read(self) -> None:
        body = self.document.element.body
        paragraph_no = table_no = 0
        for child in body:
            if child.tag == P:
                paragraph_no += 1
                self.paragraph(child, Paragraph(paragraaf=paragraph_no))
            elif child.tag == TBL:
                table_no += 1
                self.table(child, TableCell(tabel=table_no))
            elif child.tag == SDT:
                self.content_control(child)

    def content_control(self, sdt: Any) -> None:
        gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
        if gallery is not None and "content" in (gallery.get(W + "val") or "").lower():
            return  # a table of contents repeats the headings
        content = sdt.find(SDT_CONTENT)
        for child in content if content is not None else ():
            # paragraphs and tables of a content control are not counted: no number to show
            if child.tag == P:
                self.paragraph(child, Location())
            elif child.tag == TBL:
                self.table(child, TableCell())

    def _properties(self, p: Any) -> tuple[str | None, Any]:
        ppr = p.find(W + "pPr")
        style = ppr.find(W + "pStyle") if ppr is not None else None
        return (style.get(W + "val") if style is not None else self.styles.default), ppr

    def _number(self, style_id: str | None, ppr: Any) -> tuple[str, bool]:
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        from_style = False
        if numpr is None:
            numpr = self.styles.find(style_id, "pPr", "numPr")
            from_style = numpr is not None
        if numpr is None:
            return "", False
        num_id = _val(numpr, "numId")
        if num_id is None and not from_style:  # only the level here; the list comes from the style
            style_numpr = self.styles.find(style_id, "pPr", "numPr")
            num_id = _val(style_numpr, "numId") if style_numpr is not None else None
        if not num_id or num_id == "0":
            return "", False
        ilvl_text = _val(numpr, "ilvl")
        if ilvl_text is not None:
            ilvl = to_int(ilvl_text, 0, 0, 8)
        else:
            ilvl = self.numbering.level_for_style(num_id, style_id) if from_style else 0
        return self.numbering.next(num_id, ilvl)

    def _heading_level(self, style_id: str | None, ppr: Any) -> int:
        m = _HEADING_STYLE.match(self.styles.name(style_id)) or _HEADING_STYLE.match(style_id or "")
        if m:
            return int(m.group(1))
        outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        if outline is None:
            outline = self.styles.find(style_id, "pPr", "outlineLvl")
        if outline is not None:
            level = to_int(outline.get(W + "val"), 9, 0, 9)
            if level < 9:
                return level + 1
        return 0

    def _bold(self, p: Any, style_id: str | None) -> bool:
        style_bold = self.styles.find(style_id, "rPr", "b")
        default = style_bold is not None and style_bold.get(W + "val") not in ("0", "false")
        seen = False
        for run in p.iter(W + "r"):
            if not "".join(t.text or "" for t in run.iter(T)).strip():
                continue
            seen = True
            b = run.find(f"{W}rPr/{W}b")
            bold = default if b is None else b.get(W + "val") not in ("0", "false")
            if not bold:
                return False
        return seen

    def paragraph_text(self, p: Any) -> str:
        out: list[str] = []
        state = {"tracked": False}
        _text(p, out, state)
        self.tracked = self.tracked or state["tracked"]
        return "".join(out).strip()

    def paragraph(self, p: Any, location: Location) -> None:
        for start in p.iter(W + "commentRangeStart"):
            comment = self.suppressions.get(start.get(W + "id", ""))
            if comment:
                self.builder.add_comment(comment, location)
        style_id, ppr = self._properties(p)
        if _TOC_STYLE.match(self.styles.name(style_id)) or _TOC_STYLE.match(style_id or ""):
            return
        text = self.paragraph_text(p)
        if not text and _mark_deleted(ppr):
            self.tracked = True
            return  # a deleted paragraph: gone after accepting, and it no longer takes a number
        number, bullet = self._number(style_id, ppr)
        if text:
            self._add_paragraph(p, style_id, ppr, text, number, bullet, location)

    def _add_paragraph(
        self, p: Any, style_id: str | None, ppr: Any, text: str, number: str, bullet: bool, location: Location
    ) -> None:
        """A paragraph with text: a heading (by style, or by number and bold look), a requirement
        Word numbered ("E1."), a list item or plain prose."""
        level = self._heading_level(style_id, ppr)
        add = self.builder.add
        if level:
            add("heading", f"{number} {text}" if number and not bullet else text, level=level, location=location)
            return
        if not bullet:
            numbered = f"{number} {text}" if number else text
            heading = looks_like_heading(numbered) if "\n" not in text else None
            if heading and (number or re.match(r"\d", text)) and self._bold(p, style_id):
                add("heading", numbered, level=heading[0], location=location)
                return
        if number and not bullet and REQUIREMENT_ID.match(f"{number} {text}"):
            add("paragraph", f"{number} {text}", location=location)  # "E1." numbered by Word is the id
        elif number:
            ilvl = ppr.find(f"{W}numPr/{W}ilvl") if ppr is not None else None
            indent = to_int(ilvl.get(W + "val"), 0, 0, 8) if ilvl is not None else 0
            add("list_item", text, marker=number, indent=indent, location=location)
        else:
            add("paragraph", text, location=location)

    def _row(self, tr: Any) -> tuple[dict[int, str], bool]:
        """The cells of a table row by grid column, and whether Word marks it as a header row."""
        trpr = tr.find(W + "trPr")
        column = 1 + to_int(_val(trpr, "gridBefore"), 0, 0, 63) if trpr is not None else 1
        cells: dict[int, str] = {}
        for tc in _direct(tr, TC):
            tcpr = tc.find(W + "tcPr")
            span = to_int(_val(tcpr, "gridSpan"), 1, 1, 63) if tcpr is not None else 1
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            continued = vmerge is not None and vmerge.get(W + "val") in (None, "continue")
            cells[column] = "" if continued else self.cell_text(tc)  # a merged cell is read once
            column += span
        mark = trpr.find(W + "tblHeader") if trpr is not None else None
        return cells, mark is not None and mark.get(W + "val") not in ("0", "false", "off")

    def cell_text(self, tc: Any) -> str:
        lines = []
        for child in tc:
            if child.tag == P:
                style_id, ppr = self._properties(child)
                text = self.paragraph_text(child)
                if not text and _mark_deleted(ppr):
                    continue
                number, _ = self._number(style_id, ppr)
                if text:
                    lines.append(f"{number} {text}" if number else text)
            elif child.tag == TBL:
                for tr in _direct(child, TR):
                    row = [self.cell_text(c) for c in _direct(tr, TC)]
                    lines.append(" | ".join(c for c in row if c))
            elif child.tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    lines.append(self.cell_text(content))
        return "\n".join(line for line in lines if line)

    def table(self, tbl: Any, location: TableCell) -> None:
        rows = [self._row(tr) for tr in _direct(tbl, TR)]
        if not rows:
            return
        # Cells are placed by grid column (gridBefore, gridSpan), so a column of the header and the
        # cells below it share an index, which is how segment finds the text column.
        width = max((max(cells) for cells, _ in rows if cells), default=0)
        header = _header_row(rows)
        for r, (cells, marked) in enumerate(rows, start=1):
            texts = [cells.get(c, "") for c in range(1, width + 1)]
            self.builder.add_row(
                texts,
                header=len(rows) > 1 and (r - 1 == header or marked),
                columns=list(range(1, width + 1)),
                keep_empty=[True] * width,
                location=replace(location, rij=r),
            )


def _header_row(rows: list[tuple[dict[int, str], bool]]) -> int:
    """The row that names the columns: one Word marks as a header row, else the first of the
    first three that column_roles reads (a title row above the column names is common)."""
    marked = next((i for i, (_, mark) in enumerate(rows) if mark), None)
    if marked is not None:
        return marked
    return next(
        (i for i, (cells, _) in enumerate(rows[:3]) if len(column_roles([t for t in cells.values() if t]) or {}) >= 2),
        0,
    )


def _mark_deleted(ppr: Any) -> bool:
    return ppr is not None and ppr.find(f"{W}rPr/{W}del") is not None
