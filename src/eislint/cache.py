"""A persistent cache of parses: a re-check of an unchanged tender parses nothing again.

One file per text block, named by a hash of the block's text and of what the parse depends on:
the pipeline (its config, its version, the contents of a pipeline's files on disk), the components that ran
(the parse plan disables what no enabled rule reads), spaCy's version, eislint's version and the
source of eislint's own tokenizer and sentence code. The rule set is not in the key: rules only
read a parse, and which components they need is (the disabled components). Whole results of a
check (findings, notices, summaries) are cached per bundle next to the parses by
eislint.resultcache, with the same storage rules.

- where: `$EISLINT_CACHE_DIR`, else the user's cache directory (platformdirs: ~/.cache/eislint on
  Linux), in a subfolder per cache format;
- safe under concurrent runs: an entry is written to a temporary file in the same folder and
  moved into place with os.replace (atomic), so a reader sees a whole entry or none;
- never trusted blindly: an entry carries a checksum of its content; an entry that cannot be read,
  fails the checksum or does not deserialise is ignored (and parsed again), never a crash;
- bounded: after a run that wrote entries, the oldest (by last use) go until the cache is under
  `$EISLINT_CACHE_MAX_MB` (default 256 MB);
- each block gets its own Doc (deserialised per block; identical blocks never share one).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import weakref
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMAT = "parses-v1"
RESULTS_FORMAT = "results-v1"  # eislint.resultcache
FORMATS = (FORMAT, RESULTS_FORMAT)
MAGIC = b"EISLINT1"
DEFAULT_MAX_MB = 256
_SUFFIX = ".doc"


def cache_dir() -> Path:
    """The cache folder: $EISLINT_CACHE_DIR or the user's cache directory."""
    configured = os.environ.get("EISLINT_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("eislint", appauthor=False))


def max_bytes() -> int:
    try:
        mb = float(os.environ.get("EISLINT_CACHE_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(max(mb, 0) * 1024 * 1024)


@dataclass(slots=True)
class Stats:
    entries: int  # parses
    size: int  # bytes, parses and results
    path: Path
    results: int = 0  # whole check results (eislint.resultcache)


def _source_hash() -> str:
    """eislint's own code that shapes a parse (tokenizer exceptions, sentence boundaries)."""
    from eislint import __version__

    h = hashlib.sha256(__version__.encode())
    here = Path(__file__).resolve().parent
    for name in ("nlp.py", "nlp_tender.py", "sentences.py"):
        try:
            h.update((here / name).read_bytes())
        except OSError:  # pragma: no cover
            h.update(name.encode())
    return h.hexdigest()


@lru_cache(maxsize=8)
def _files_hash(folder: Path) -> str:
    """A pipeline on disk by its files' names and contents (once per process; 12 ms for the shipped
    9.4 MB). Not by modification times: pip writes an installed package's files with the time of
    installation, so a fresh CI environment would never find the cache of the previous run."""
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(folder)).encode() + b"\0")
            with open(path, "rb") as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    h.update(chunk)
            h.update(b"\0")
    return h.hexdigest()


# by the pipeline object itself, not its id(): a freed pipeline's id can be reused by another
_PIPELINE_KEYS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def pipeline_key(nlp: Any) -> str:
    """What identifies the parses of a loaded pipeline (computed once per pipeline)."""
    if nlp not in _PIPELINE_KEYS:
        import spacy

        h = hashlib.sha256()
        h.update(spacy.__version__.encode())
        h.update(_source_hash().encode())
        h.update(nlp.config.to_str().encode())
        meta = nlp.meta
        h.update(f"{meta.get('lang')}\0{meta.get('name')}\0{meta.get('version')}".encode())
        path = getattr(nlp, "_path", None)
        if path is not None and Path(path).is_dir():
            h.update(_files_hash(Path(path)).encode())
        h.update(" ".join(nlp.pipe_names).encode())
        _PIPELINE_KEYS[nlp] = h.hexdigest()
    return _PIPELINE_KEYS[nlp]


class ParseStore:
    """The parses of one pipeline and one set of disabled components, on disk."""

    def __init__(self, nlp: Any, disabled: tuple[str, ...], root: Path | None = None) -> None:
        self.nlp = nlp
        self.root = (root or cache_dir()) / FORMAT
        self._prefix = hashlib.sha256(f"{pipeline_key(nlp)}\0{','.join(disabled)}".encode()).digest()
        self.written = 0
        self.hits = 0

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(self._prefix + text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.root / digest[:2] / (digest[2:] + _SUFFIX)

    def get(self, text: str) -> Any:
        """A new Doc for `text` from the cache, or None (missing, unreadable or corrupt)."""
        payload = read_entry(self._path(text))
        doc = None if payload is None else self._decode(payload, text)
        if doc is not None:
            self.hits += 1
        return doc

    def _decode(self, payload: bytes, text: str) -> Any:
        try:
            from spacy.tokens import Doc

            doc = Doc(self.nlp.vocab).from_bytes(zlib.decompress(payload))
        except Exception:  # whatever a damaged entry raises, it is parsed again
            return None
        return doc if doc.text == text else None

    def put(self, text: str, doc: Any) -> None:
        """Store the parse of `text` (atomically; a failure to write is not an error)."""
        if write_entry(self._path(text), zlib.compress(doc.to_bytes(exclude=["tensor", "user_data"]), 1)):
            self.written += 1

    def finish(self) -> None:
        """After a run: keep the cache within its size."""
        if self.written:
            evict(self.root.parent, max_bytes())


def read_entry(path: Path) -> bytes | None:
    """The payload of an entry, or None when it is missing, unreadable or fails its checksum.
    Reading marks it used: eviction takes the least recently used first."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) < len(MAGIC) + 16 or not data.startswith(MAGIC):
        return None
    checksum, payload = data[len(MAGIC) : len(MAGIC) + 16], data[len(MAGIC) + 16 :]
    if hashlib.blake2b(payload, digest_size=16).digest() != checksum:
        return None
    try:
        os.utime(path)
    except OSError:
        pass
    return payload


def write_entry(path: Path, payload: bytes) -> bool:
    """Store `payload` with its checksum, atomically; False when the disk refuses (read-only,
    full): a run goes on without the cache."""
    data = MAGIC + hashlib.blake2b(payload, digest_size=16).digest() + payload
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
            os.replace(tmp, path)
        except BaseException:
            _unlink(Path(tmp))
            raise
    except OSError:
        return False
    return True


def _entries(root: Path, formats: tuple[str, ...] = FORMATS) -> list[tuple[float, int, Path]]:
    out = []
    for folder in (f for name in formats for f in root.glob(f"{name}/*")):
        try:
            with os.scandir(folder) as it:
                for entry in it:
                    try:
                        st = entry.stat()
                    except OSError:
                        continue
                    out.append((st.st_mtime, st.st_size, Path(entry.path)))
        except (NotADirectoryError, FileNotFoundError):
            continue
    return out


def evict(root: Path, limit: int) -> int:
    """Remove the least recently used entries until the cache holds at most 80% of `limit`
    (so not every run evicts); the number removed."""
    entries = _entries(root)
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return 0
    removed = 0
    for _, size, path in sorted(entries):
        if total <= limit * 0.8:
            break
        if _unlink(path):
            removed += 1
        total -= size
    return removed


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:  # another run removed it first
        return False


def info(root: Path | None = None) -> Stats:
    root = root or cache_dir()
    parses, results = _entries(root, (FORMAT,)), _entries(root, (RESULTS_FORMAT,))
    size = sum(size for _, size, _ in parses + results)
    return Stats(len(parses), size, root, results=len(results))


def clear(root: Path | None = None) -> int:
    """Remove every entry; the number removed (the folder itself stays)."""
    root = root or cache_dir()
    removed = 0
    for _, _, path in _entries(root):
        removed += _unlink(path)
    for folder in (f for name in FORMATS for f in root.glob(f"{name}/*")):
        try:
            folder.rmdir()
        except OSError:
            pass
    return removed
