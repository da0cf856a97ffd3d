"""Readers turn a file into a Document; a registry picks one by extension.

Readers never modify the input and never execute anything in it. Every failure becomes a
ReadError with one Dutch line; the caller adds the path and goes on with the other files.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path

from eislint.document import Document
from eislint.readers.errors import ReadError

Reader = Callable[[str, bytes], Document]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def _lazy(module: str, function: str) -> Reader:
    """A reader that imports its module (and its library: openpyxl, pypdf, ...) on first use,
    so checking a Markdown file never loads them."""

    def read(path: str, data: bytes) -> Document:
        return getattr(importlib.import_module(f"eislint.readers.{module}"), function)(path, data)

    return read


READERS: dict[str, Reader] = {
    ".md": _lazy("text", "read_markdown"),
    ".markdown": _lazy("text", "read_markdown"),
    ".txt": _lazy("text", "read_text"),
    ".text": _lazy("text", "read_text"),
    ".docx": _lazy("docx", "read_docx"),
    ".xlsx": _lazy("sheets", "read_xlsx"),
    ".xlsm": _lazy("sheets", "read_xlsx"),
    ".csv": _lazy("sheets", "read_csv"),
    ".ods": _lazy("odf", "read_ods"),
    ".odt": _lazy("odf", "read_odt"),
    ".pdf": _lazy("pdf", "read_pdf"),
}

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text"})


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def is_temporary(path: Path) -> bool:
    """Office lock and temporary files (~$x.docx, .~lock.x#) are never tender documents."""
    return path.name.startswith(("~$", ".~lock."))


def read_bytes(path: str, data: bytes, suffix: str | None = None) -> Document:
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
        raise ReadError("te groot om in het geheugen te lezen") from None
    except Exception as exc:  # noqa: BLE001 - one damaged file must not stop the others
        if os.environ.get("EISLINT_DEBUG"):
            raise
        # the library's English text helps nobody in a report; --debug shows it
        raise ReadError(f"onleesbaar of beschadigd bestand ({type(exc).__name__}; --debug toont details)") from None
    if not doc.text.strip():
        raise ReadError("leeg bestand")
    if not any(b.kind not in ("comment", "table_header") and not _sheet_title(b) for b in doc.blocks):
        raise ReadError("bevat geen tekst om te controleren")
    return doc


def _sheet_title(block) -> bool:
    # a sheet's name, not its content: a workbook of empty sheets is an empty document
    return block.kind == "heading" and "blad" in block.location and "rij" not in block.location


def read_path(path: Path, display: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    display = display or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(
                f"bestand is te groot ({size / 1_048_576:.1f} MB; grens {max_bytes / 1_048_576:.0f} MB,"
                " in te stellen met 'max-bestandsgrootte')"
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReadError("is een map, geen bestand") from None
    except FileNotFoundError:
        raise ReadError("bestand bestaat niet") from None
    except PermissionError:
        raise ReadError("geen leesrechten") from None
    except OSError as exc:
        raise ReadError(f"kan bestand niet lezen ({exc.strerror or exc})") from None
    return read_bytes(display, data, path.suffix)


__all__ = ["READERS", "TEXT_SUFFIXES", "ReadError", "read_bytes", "read_path", "supported", "is_temporary"]
