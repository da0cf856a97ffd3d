"""Readers turn a file into a Document; a registry picks one by extension.

Readers never modify the input and never execute anything in it. Every failure becomes a
ReadError with one Dutch line; the caller adds the path and goes on with the other files.
"""

from __future__ import annotations

import errno
import importlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from eislint.document import Document
from eislint.locations import SheetCell
from eislint.readers.errors import NoText, OutOfMemory, ReadError

Reader = Callable[[str, bytes], Document]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def _lazy(module: str, function: str) -> Reader:
    """A reader that imports its module (and its library: openpyxl, pypdf, ...) on first use,
    so checking a Markdown file never loads them."""

    def read(path: str, data: bytes) -> Document:
        return getattr(importlib.import_module(f"eislint.readers.{module}"), function)(path, data)

    return read


@dataclass(frozen=True, slots=True)
class Format:
    """What the stages after reading may know about an input format (`Document.format`), so a
    new format touches only readers/ and this table.

    `numbered_headings`: how a heading's number ("3.2") sets its level. "depth": the number's
    depth, where the format has no heading levels of its own (plain text, PDF); "under-sheet": a
    numbered group row nests under the sheet's title; "": the reader's level stands (Markdown,
    Word, OpenDocument text). `kind_from_name`: the file has no title row, so its name says what
    it holds ("eisen-en-wensen.csv"). `editable`: a text file findings point into directly, so
    safe fixes and `--changed-only` line matching work on it.
    """

    name: str
    suffixes: tuple[str, ...]
    reader: Reader
    numbered_headings: Literal["", "depth", "under-sheet"] = ""
    kind_from_name: bool = False
    editable: bool = False


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("markdown", (".md", ".markdown"), _lazy("text", "read_markdown"), editable=True),
        Format("text", (".txt", ".text"), _lazy("text", "read_text"), numbered_headings="depth", editable=True),
        Format("docx", (".docx",), _lazy("docx", "read_docx")),
        Format("xlsx", (".xlsx", ".xlsm"), _lazy("sheets", "read_xlsx"), numbered_headings="under-sheet"),
        Format("csv", (".csv",), _lazy("sheets", "read_csv"), numbered_headings="under-sheet", kind_from_name=True),
        Format("ods", (".ods",), _lazy("odf", "read_ods"), numbered_headings="under-sheet"),
        Format("odt", (".odt",), _lazy("odf", "read_odt")),
        Format("pdf", (".pdf",), _lazy("pdf", "read_pdf"), numbered_headings="depth"),
    )
}

READERS: dict[str, Reader] = {suffix: f.reader for f in FORMATS.values() for suffix in f.suffixes}

TEXT_SUFFIXES = frozenset(suffix for f in FORMATS.values() if f.editable for suffix in f.suffixes)


def format_of(doc: Document) -> Format:
    """The format table's entry for a document (a Document built in code counts as plain text)."""
    return FORMATS.get(doc.format, FORMATS["text"])


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def is_temporary(path: Path) -> bool:
    """Office lock and temporary files (~$x.docx, .~lock.x#) are never tender documents."""
    return path.name.startswith(("~$", ".~lock."))


def read_bytes(path: str, data: bytes, suffix: str | None = None, debug: bool = False) -> Document:
    """The Document in `data`; ReadError (one Dutch line) for anything wrong with it. With `debug`
    an unexpected exception inside a reader is raised as it is (`--debug` shows its traceback)."""
    suffix = (suffix if suffix is not None else Path(path).suffix).lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise ReadError(f"bestandstype '{suffix or '(geen)'}' wordt niet ondersteund")
    if not data.strip():
        raise ReadError("leeg bestand")
    try:
        doc = reader(path, data)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError("te diep geneste structuur; niet gelezen") from None
    except MemoryError:
        raise OutOfMemory("te groot om in het geheugen te lezen") from None
    except Exception as exc:
        if debug:
            raise
        # the library's English text helps nobody in a report; --debug shows it
        raise ReadError(f"onleesbaar of beschadigd bestand ({type(exc).__name__}; --debug toont details)") from None
    if not doc.text.strip() or not any(
        b.kind not in ("comment", "table_header") and not _sheet_title(b) for b in doc.blocks
    ):
        if _has_images(data):
            raise NoText("alleen afbeeldingen of tekeningen, geen tekst")
        raise ReadError("leeg bestand" if not doc.text.strip() else "bevat geen tekst om te controleren")
    return doc


_MEDIA = ("word/media/", "xl/media/", "xl/drawings/", "ppt/media/", "Pictures/")


def _has_images(data: bytes) -> bool:
    """An Office or OpenDocument file that holds pictures (a drawing, a scanned page)."""
    if not data.startswith(b"PK"):
        return False
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(name.startswith(_MEDIA) for name in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _sheet_title(block) -> bool:
    # a sheet's name, not its content: a workbook of empty sheets is an empty document
    loc = block.location
    return block.kind == "heading" and isinstance(loc, SheetCell) and loc.blad is not None and loc.rij is None


def read_path(
    path: Path, display: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, debug: bool = False
) -> Document:
    display = display or str(path)
    return read_bytes(display, read_limited(path, max_bytes), path.suffix, debug=debug)


FIFO_WAIT = 30.0  # seconds a FIFO may stay without data before it counts as abandoned


def _await_writer(fd: int) -> None:
    """Wait until a FIFO has data or its writer is gone; no writer within FIFO_WAIT: an error
    (a writer that is there, as with `<(command)`, may take its time after its first byte)."""
    import select

    if not hasattr(select, "poll"):
        return
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    if not poller.poll(int(FIFO_WAIT * 1000)):
        raise ReadError(f"named pipe (FIFO) zonder schrijver ({FIFO_WAIT:.0f} s gewacht); niet gelezen")
    os.set_blocking(fd, True)


def _too_big(size: str, max_bytes: int) -> ReadError:
    return ReadError(
        f"bestand is te groot ({size}; grens {max_bytes / 1_048_576:.0f} MB, in te stellen met 'max-bestandsgrootte')"
    )


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of `path`, never more than `max_bytes`: a device (/dev/zero) or a pipe has no
    size to check beforehand, and a FIFO without a writer must not block forever."""
    try:
        st = path.stat()
        _refuse_kind(st, max_bytes)
        fifo = stat.S_ISFIFO(st.st_mode)
        data = _read_at_most(path, fifo, max_bytes)
        if fifo and not data:
            raise ReadError("named pipe (FIFO) zonder gegevens; niet gelezen")
        return data
    except OSError as exc:
        raise _os_error(path, exc) from None


def _refuse_kind(st: os.stat_result, max_bytes: int) -> None:
    """A directory, device or socket is no file to read; a regular file over the limit is refused
    before a byte is read."""
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise ReadError("is een map, geen bestand")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise ReadError("is een apparaat, geen bestand; niet gelezen")
    if stat.S_ISSOCK(mode):
        raise ReadError("is een socket, geen bestand; niet gelezen")
    if stat.S_ISREG(mode) and st.st_size > max_bytes:
        raise _too_big(f"{st.st_size / 1_048_576:.1f} MB", max_bytes)


def _read_at_most(path: Path, fifo: bool, max_bytes: int) -> bytes:
    # a FIFO opened without O_NONBLOCK waits for a writer; with it, no writer means EOF
    flags = os.O_RDONLY | (getattr(os, "O_NONBLOCK", 0) if fifo else 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if fifo:
            _await_writer(fd)
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if total > max_bytes:
        raise _too_big(f"meer dan {max_bytes / 1_048_576:.0f} MB", max_bytes)
    return b"".join(chunks)


def _os_error(path: Path, exc: OSError) -> ReadError:
    """One Dutch line for what the operating system refused."""
    if isinstance(exc, IsADirectoryError):
        return ReadError("is een map, geen bestand")
    if isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            return ReadError("symbolische koppeling naar een bestand dat niet bestaat")
        return ReadError("bestand bestaat niet")
    if isinstance(exc, PermissionError):
        return ReadError("geen leesrechten")
    if exc.errno == errno.ELOOP:
        return ReadError("symbolische koppeling in een lus; niet gelezen")
    return ReadError(f"kan bestand niet lezen ({exc.strerror or exc})")


__all__ = [
    "FORMATS",
    "READERS",
    "Format",
    "format_of",
    "TEXT_SUFFIXES",
    "NoText",
    "ReadError",
    "read_bytes",
    "read_limited",
    "read_path",
    "supported",
    "is_temporary",
]
