"""Readers for Markdown (.md) and plain text (.txt)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from eislint.document import REQUIREMENT_ID, Block, BlockKind, Document, Span
from eislint.dutch.vocabulary import MODALS, PASSIVE_AUXILIARIES, words_regex
from eislint.readers.errors import ReadError

# Windows-1252 leaves these five bytes undefined: a file holding them is not cp1252 text either.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Returns (text with LF line ends, encoding, notices). Raises ReadError for binary data or
    bytes that are no text in any of these encodings.
    """
    notices: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8-sig"
        text = _strict(data, "utf-8")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
        text = _strict(data, "utf-16")
    else:
        if b"\x00" in data:
            raise ReadError("binair bestand, geen tekst (bevat nul-bytes)")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if _CP1252_UNDEFINED.search(data):
                raise ReadError(
                    f"ongeldige tekencodering: geen UTF-8 (byte {exc.start + 1}) en geen Windows-1252"
                ) from None
            text, encoding = data.decode("cp1252"), "cp1252"
            notices.append("geen UTF-8; gelezen als Windows-1252")
    if text is None:
        raise ReadError(f"ongeldige tekencodering voor {encoding}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise ReadError("binair bestand, geen tekst (veel stuurtekens)")
    return text, encoding, notices


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


# ---------------------------------------------------------------- Markdown

_INLINE_MARKUP = re.compile(
    r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)|`|\\(?=[^\w\s])|<br\s*/?>"
)
_LINK = re.compile(r"!?\[(?=[^\]]*\]\()|\]\([^)]*\)")
_HEADING_MARK = re.compile(r"^ {0,3}(#{1,6})[ \t]+")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_LIST_MARK = re.compile(r"(\s*(?:>\s*)*)([-*+]|\d{1,9}[.)])([ \t]+|$)")
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)+")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def read_markdown(path: str, data: bytes) -> Document:
    from markdown_it import MarkdownIt

    text, encoding, notices = decode(data)
    layout = _MarkdownLayout(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    for tok in tokens:
        layout.token(tok)
    dropped = _uncovered_lines(tokens, text, layout.starts)
    if dropped:  # deeper than markdown-it's nesting limit: read those lines as plain paragraphs
        layout.plain_lines(dropped)
        first, last = dropped[0] + 1, dropped[-1] + 1
        where = f"regel {first}" if first == last else f"regels {first}-{last}"
        notices.append(f"{where}: Markdown dieper genest dan {_MAX_NESTING} niveaus; als gewone tekst gelezen")
    doc = Document(path=path, text=text, blocks=layout.blocks, format="markdown", encoding=encoding, notices=notices)
    doc.masked = layout.masked
    return doc


class _MarkdownLayout:
    """Blocks and masked markup from markdown-it's block tokens, with offsets into the source."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = _line_starts(text)
        self.masked: list[Span] = []
        self.blocks: list[Block] = []
        self.list_stack: list[tuple[str, int]] = []  # (marker, indent level)
        self.pending_item: tuple[str, int] | None = None
        self.in_header = False

    def line_start(self, i: int) -> int:
        return self.starts[i] if i < len(self.starts) else len(self.text)

    def line_end(self, i: int) -> int:  # offset of the newline ending line i (0-based)
        return self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)

    def mask_inline(self, start: int, end: int) -> None:
        text, masked = self.text, self.masked
        segment = text[start:end]
        for m in _INLINE_MARKUP.finditer(segment):
            masked.append(Span(start + m.start(), start + m.end()))
        for m in _LINK.finditer(segment):
            masked.append(Span(start + m.start(), start + m.end()))
        for m in _COMMENT.finditer(segment):
            masked.append(Span(start + m.start(), start + m.end()))
        # continuation lines of a quote or list: their prefix is markup, not text
        pos = start
        while True:
            nl = text.find("\n", pos, end)
            if nl < 0:
                break
            q = _QUOTE_PREFIX.match(text, nl + 1, end)
            if q and q.end() > nl + 1:
                masked.append(Span(nl + 1, q.end()))
            pos = nl + 1

    def token(self, tok) -> None:
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            self.list_stack.append((tok.markup, len(self.list_stack)))
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            self.list_stack.pop()
        elif tok.type == "list_item_open":
            self.pending_item = (tok.info + tok.markup if tok.info else tok.markup, len(self.list_stack) - 1)
        elif tok.type in ("thead_open", "thead_close"):
            self.in_header = tok.type == "thead_open"
        elif tok.map:
            handler = self._HANDLERS.get(tok.type)
            if handler is not None:
                handler(self, tok)

    def heading(self, tok) -> None:
        text = self.text
        first, last = tok.map
        s, e = self.line_start(first), self.line_end(first)
        line = text[s:e]
        m = _HEADING_MARK.match(line)
        if m:
            c_start = s + m.end()
            c_end = s + len(_HEADING_CLOSE.sub("", line).rstrip())
        else:  # setext heading: text on the first line, underline on the next
            c_start = s + len(line) - len(line.lstrip())
            c_end = s + len(line.rstrip())
        self.mask_inline(c_start, c_end)
        self.blocks.append(
            Block("heading", s, self.line_end(last - 1), Span(c_start, max(c_start, c_end)), level=int(tok.tag[1]))
        )

    def paragraph(self, tok) -> None:
        text = self.text
        first, last = tok.map
        s, e = self.line_start(first), self.line_end(last - 1)
        c_start = s
        kind: BlockKind = "paragraph"
        marker = ""
        indent = 0
        if self.pending_item is not None:
            m = _LIST_MARK.match(text, s, e)
            if m:
                c_start = m.end()
            kind, marker, indent = "list_item", self.pending_item[0], self.pending_item[1]
            self.pending_item = None
        q = _QUOTE_PREFIX.match(text, c_start, e)
        if q:
            c_start = q.end()
        while c_start < e and text[c_start] in " \t":
            c_start += 1
        c_end = e
        while c_end > c_start and text[c_end - 1] in " \t":
            c_end -= 1
        pieces = self._requirement_lines(first, last, c_start, c_end)
        for n, (a, b) in enumerate(zip(pieces, pieces[1:])):
            b = min(b - 1, c_end) if n < len(pieces) - 2 else c_end
            while a < b and text[a] in " \t>":
                a += 1
            while b > a and text[b - 1] in " \t\n":
                b -= 1
            self.mask_inline(a, b)
            block_start = s if n == 0 else self.line_start(text.count("\n", 0, a))
            self.blocks.append(
                Block(
                    kind if n == 0 else "paragraph",
                    block_start,
                    b,
                    Span(a, b),
                    marker=marker if n == 0 else "",
                    indent=indent,
                )
            )

    def _requirement_lines(self, first: int, last: int, c_start: int, c_end: int) -> list[int]:
        """Where the pieces of a paragraph start: "E1. ...\nE2. ..." is one paragraph to CommonMark
        but two requirements to a reader. Ends with c_end + 1."""
        text = self.text
        pieces = [c_start]
        for ln in range(first + 1, last):
            ls = self.line_start(ln)
            lead = ls + len(text[ls : self.line_end(ln)]) - len(text[ls : self.line_end(ln)].lstrip(" \t>"))
            if REQUIREMENT_ID.match(text, lead, self.line_end(ln)) and lead < c_end:
                pieces.append(ls)
        pieces.append(c_end + 1)
        return pieces

    def table_row(self, tok) -> None:
        row = tok.map[0]
        s, e = self.line_start(row), self.line_end(row)
        cells = _table_cells(self.text, s, e)
        for cell in cells:
            self.mask_inline(cell.start, cell.end)
        content = Span(cells[0].start, cells[-1].end) if cells else Span(s, e)
        kind: BlockKind = "table_header" if self.in_header else "table_row"
        self.blocks.append(Block(kind, s, e, content, cells=tuple(cells)))

    def html(self, tok) -> None:
        first, last = tok.map
        s, e = self.line_start(first), self.line_end(last - 1)
        self.masked.append(Span(s, e))
        if "<!--" in self.text[s:e]:
            self.blocks.append(Block("comment", s, e, Span(s, e)))

    def code(self, tok) -> None:
        first, last = tok.map
        self.masked.append(Span(self.line_start(first), self.line_end(last - 1)))

    def plain_lines(self, lines: list[int]) -> None:
        """Lines markdown-it gave no token (nested too deep): plain paragraphs, prefixes masked."""
        for ln in lines:
            s, e = self.line_start(ln), self.line_end(ln)
            prefix = _NESTING_PREFIX.match(self.text, s, e)
            c_start = prefix.end() if prefix else s
            c_end = s + len(self.text[s:e].rstrip())
            if c_start > s:
                self.masked.append(Span(s, c_start))
            self.mask_inline(c_start, c_end)
            self.blocks.append(Block("paragraph", s, c_end, Span(c_start, c_end)))
        self.blocks.sort(key=lambda b: b.start)

    _HANDLERS: dict[str, Callable[[_MarkdownLayout, Any], None]] = {
        "heading_open": heading,
        "paragraph_open": paragraph,
        "tr_open": table_row,
        "html_block": html,
        "fence": code,
        "code_block": code,
    }


_MAX_NESTING = 20  # markdown-it's limit in the commonmark preset; deeper blocks yield no tokens
_LEAF_TOKENS = {"paragraph_open", "heading_open", "table_open", "html_block", "fence", "code_block", "hr"}
_NESTING_PREFIX = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:")


def _uncovered_lines(tokens, text: str, starts: list[int]) -> list[int]:
    """0-based lines with text that no leaf block token covers: markdown-it drops what nests
    deeper than its limit, silently; eislint reads those lines itself."""
    covered = bytearray(len(starts))
    for tok in tokens:
        if tok.type in _LEAF_TOKENS and tok.map:
            for ln in range(tok.map[0], min(tok.map[1], len(starts))):
                covered[ln] = 1
    out = []
    for ln, start in enumerate(starts):
        if covered[ln]:
            continue
        end = starts[ln + 1] - 1 if ln + 1 < len(starts) else len(text)
        line = text[start:end]
        prefix = _NESTING_PREFIX.match(line)
        assert prefix is not None  # the pattern matches the empty string too
        if line[prefix.end() :].strip() and not _LINK_DEFINITION.match(line):
            out.append(ln)
    return out


def _table_cells(text: str, start: int, end: int) -> list[Span]:
    """Cell spans of one pipe-table row (escaped pipes and pipes in code stay inside a cell)."""
    bounds = []
    in_code = False
    for i in range(start, end):
        ch = text[i]
        if ch == "`":
            in_code = not in_code
        elif ch == "|" and not in_code and (i == start or text[i - 1] != "\\"):
            bounds.append(i)
    line = text[start:end]
    lead = start + len(line) - len(line.lstrip())
    if not bounds or bounds[0] != lead:
        bounds.insert(0, lead - 1)
    tail = start + len(line.rstrip())
    if bounds[-1] != tail - 1:
        bounds.append(tail)
    cells = []
    for a, b in zip(bounds, bounds[1:]):
        s, e = a + 1, b
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t":
            e -= 1
        cells.append(Span(s, e))
    return cells


# ---------------------------------------------------------------- plain text

_TXT_NUMBERED_HEADING = re.compile(r"^(?P<num>(?:\d{1,2}\.){1,3}\d{0,2}|\d{1,2})\.?\s+(?P<title>\S.{0,80})$")
_TXT_WORD_HEADING = re.compile(
    r"^(?P<word>hoofdstuk|bijlage|paragraaf|deel|artikel)\s+(?P<num>[0-9IVXivx]+[a-z]?(?:\.\d+)*)\b[.:]?\s*(?P<title>.{0,80})$",
    re.I,
)
_TXT_LIST = re.compile(r"^(\s*)([-*•–]|\(?[a-z0-9]{1,3}[.)]|[A-Z]{1,4}-?\d+(?:\.\d+)*[.:)]?)\s+")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_MODAL = re.compile(words_regex(MODALS + PASSIVE_AUXILIARIES), re.I)


def looks_like_heading(line: str) -> tuple[int, str] | None:
    """(level, title) if a plain-text line is a heading, else None."""
    stripped = line.strip()
    if not stripped or len(stripped) > 90:
        return None
    m = _TXT_WORD_HEADING.match(stripped)
    if m:
        return 1, stripped
    m = _TXT_NUMBERED_HEADING.match(stripped)
    if m:
        title = m.group("title")
        words = title.split()
        # a heading is short, has no final period and no modal verb; otherwise it is a list item
        if len(words) <= 10 and not title.rstrip().endswith((".", ";", ":", ",")) and not _MODAL.search(title):
            if title[0].isupper() or title[0].isdigit():
                return m.group("num").rstrip(".").count(".") + 1, stripped
        return None
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and len(stripped.split()) <= 8:
        return 1, stripped
    return None


def read_text(path: str, data: bytes) -> Document:
    text, encoding, notices = decode(data)
    blocks, masked = plain_blocks(text)
    doc = Document(path=path, text=text, blocks=blocks, format="text", encoding=encoding, notices=notices)
    doc.masked = masked
    return doc


def plain_blocks(text: str) -> tuple[list[Block], list[Span]]:
    """Blocks of plain text: blank lines end paragraphs; headings and list items by their look."""
    starts = _line_starts(text)
    lines = text.split("\n")
    blocks: list[Block] = []
    masked: list[Span] = []
    para: list[int] = []  # line indices of the open paragraph

    def close_para() -> None:
        if not para:
            return
        s = starts[para[0]]
        last = para[-1]
        e = starts[last] + len(lines[last])
        c = s + len(lines[para[0]]) - len(lines[para[0]].lstrip())
        m = _TXT_LIST.match(lines[para[0]])
        kind: BlockKind = "paragraph"
        marker, indent = "", 0
        if m and not REQUIREMENT_ID.match(lines[para[0]].lstrip()):  # an id is content, not a bullet
            kind, marker, indent = "list_item", m.group(2), len(m.group(1))
            c = s + m.end()
        ce = e
        while ce > c and text[ce - 1] in " \t":
            ce -= 1
        blocks.append(Block(kind, s, e, Span(c, ce), marker=marker, indent=indent))
        for ln in para[1:]:  # the indentation of continuation lines is layout, not text
            lead = len(lines[ln]) - len(lines[ln].lstrip())
            if lead:
                masked.append(Span(starts[ln], starts[ln] + lead))
        para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            close_para()
        elif stripped.startswith("<!--") and "eislint" in stripped:
            close_para()
            j = i
            while "-->" not in lines[j] and j + 1 < len(lines):
                j += 1
            s, e = starts[i], starts[j] + len(lines[j])
            blocks.append(Block("comment", s, e, Span(s, e)))
            masked.append(Span(s, e))
            i = j
        elif i + 1 < len(lines) and _UNDERLINE.match(lines[i + 1]) and len(stripped) <= 90 and not para:
            level = 1 if lines[i + 1].strip().startswith("=") else 2
            s = starts[i]
            c = s + len(line) - len(line.lstrip())
            blocks.append(
                Block("heading", s, starts[i + 1] + len(lines[i + 1]), Span(c, c + len(stripped)), level=level)
            )
            i += 1
        elif (heading := looks_like_heading(line)) is not None and not para:
            s = starts[i]
            c = s + len(line) - len(line.lstrip())
            blocks.append(Block("heading", s, s + len(line), Span(c, c + len(stripped)), level=heading[0]))
        elif _TXT_LIST.match(line) and para:
            close_para()
            para.append(i)
        else:
            para.append(i)
        i += 1
    close_para()
    return blocks, masked
