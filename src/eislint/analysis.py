"""The annotate stage: one spaCy parse per text block, shared by every rule."""

from __future__ import annotations

import bisect
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eislint import sentences
from eislint.document import Document, Requirement, Span

if TYPE_CHECKING:
    from eislint.demand import DemandAnalysis


@dataclass(slots=True)
class ParseUnit:
    start: int
    end: int
    text: str
    doc: Any = None  # spacy.tokens.Doc
    sents: list[Span] = field(default_factory=list)
    lazy: bool = False  # not parsed up front (no rule was planned to read it): parsed when read


class Analysis:
    """Parses of one Document's text blocks, addressable by document offsets."""

    def __init__(self, document: Document, units: list[ParseUnit], lazy: Any = None) -> None:
        self.document = document
        self.units = units
        self._lazy = lazy  # (nlp, plan) to parse a unit read outside the plan, or None
        self._starts = [u.start for u in units]
        self._demands: dict[int, Any] = {}
        self._shared: dict[Any, Any] = {}

    def demand(self, requirement: Requirement) -> DemandAnalysis:
        """The requirement's demand analysis, built once and shared by every rule."""
        key = requirement.start
        if key not in self._demands:
            from eislint.demand import analyse

            self._demands[key] = analyse(self, requirement)
        return self._demands[key]

    def shared(self, key: Any, build: Callable[[], Any]) -> Any:
        """build() once per key for this document: the structures rules share (Unit.shared)."""
        if key not in self._shared:
            self._shared[key] = build()
        return self._shared[key]

    def _overlapping(self, start: int, end: int) -> Iterable[ParseUnit]:
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        while i < len(self.units) and self.units[i].start < end:
            if self.units[i].end > start:
                yield self.units[i]
            i += 1

    def _parse_lazily(self, unit: ParseUnit) -> ParseUnit:
        """A unit outside the parse plan that a rule reads the parse of after all: parsed now.
        (Its sentences need no parse: they come from our splitter.)"""
        if unit.lazy and self._lazy is not None:
            nlp, plan = self._lazy
            unit.doc = nlp(unit.text, disable=plan.disabled(nlp))  # its own Doc, never a shared one
            unit.doc.tensor = None
        unit.lazy = False
        return unit

    def tokens(self, start: int, end: int) -> list[Any]:
        out: list[Any] = []
        for unit in map(self._parse_lazily, self._overlapping(start, end)):
            if unit.doc is None:
                continue
            span = unit.doc.char_span(
                max(start - unit.start, 0), min(end, unit.end) - unit.start, alignment_mode="contract"
            )
            if span is not None:
                out.extend(span)
        return out

    def parsed(self, start: int, end: int) -> list[ParseUnit]:
        """The parsed blocks overlapping [start, end)."""
        return [u for u in map(self._parse_lazily, self._overlapping(start, end)) if u.doc is not None]

    def token_offset(self, token: Any) -> int:
        """Document offset of a token."""
        for unit in self.units:
            if unit.doc is token.doc:
                return unit.start + token.idx
        raise ValueError("token not from this analysis")  # pragma: no cover

    def sentences(self, start: int, end: int) -> list[Span]:
        out = []
        for unit in self._overlapping(start, end):
            for s in unit.sents:
                if s.end > start and s.start < end:
                    out.append(Span(max(s.start, start), min(s.end, end)))
        return out or [Span(start, end)]


def parse_units(document: Document) -> list[ParseUnit]:
    """The stretches of text that get parsed: block contents and table cells, never markup."""
    units = []
    for block in document.blocks:
        if block.kind in ("comment", "table_header", "heading"):
            continue
        spans = block.cells if block.kind == "table_row" else (block.content,)
        for span in spans:
            if span.end <= span.start:
                continue
            text = document.clean(span.start, span.end)
            if not text.strip():
                continue
            units.append(ParseUnit(span.start, span.end, text, sents=sentences.split(text, span.start)))
    return units


# The parser's working memory grows with the characters in a batch, not the number of texts:
# 64 spreadsheet cells of 32,767 characters took gigabytes. Batches are cut at this many characters.
MAX_BATCH_CHARS = 100_000


def _batches(units: list[ParseUnit], batch_size: int) -> Iterable[list[ParseUnit]]:
    batch: list[ParseUnit] = []
    size = 0
    for unit in units:
        if batch and (len(batch) >= batch_size or size + len(unit.text) > MAX_BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(unit)
        size += len(unit.text)
    if batch:
        yield batch


@dataclass(slots=True)
class ParseSettings:
    """How the annotate stage runs (eislint check's --no-cache, -j and progress bar)."""

    persistent: bool = False  # parses from and to the cache on disk (eislint.cache)
    jobs: int | None = 1  # processes for the parse; None: automatic (eislint.parallel)
    progress: Callable[[int, int], None] | None = None  # (characters parsed, characters to parse)


def analyse(
    documents: list[Document], nlp: Any, batch_size: int = 64, plan: Any = None, settings: ParseSettings | None = None
) -> list[Analysis]:
    """Parse the blocks of all documents in one nlp.pipe stream; a text this process parsed
    before with the same pipeline is taken from the cache.

    `plan` (eislint.parseplan.ParsePlan; default: everything) says which blocks the enabled rules
    read and which components they need: other blocks keep `doc=None`, other components are
    disabled for this run. `settings`: the cache on disk, processes, progress."""
    from eislint.parseplan import FULL

    plan = plan or FULL
    per_doc = [parse_units(d) for d in documents]
    if nlp is None:
        return [Analysis(d, units) for d, units in zip(documents, per_doc)]
    wanted = []
    for d, units in zip(documents, per_doc):
        wants = plan.wants(d)
        for u in units:
            if wants(u.start, u.end):
                wanted.append(u)
            else:
                u.lazy = True  # a rule that reads it after all (a python rule's own choice) parses it then
    if wanted:
        parse(wanted, nlp, plan, batch_size, settings or ParseSettings())
    return [Analysis(d, units, lazy=(nlp, plan)) for d, units in zip(documents, per_doc)]


def parse(units: list[ParseUnit], nlp: Any, plan: Any, batch_size: int, settings: ParseSettings) -> None:
    """Give each unit its spaCy Doc: from the cache of this process, else from the cache on disk
    (settings.persistent), else parsed (on settings.jobs processes)."""
    disabled = plan.disabled(nlp)
    variant = tuple(sorted(disabled))  # a parse without the parser is not one with it
    cache = _PARSED.setdefault(nlp, ParseCache())
    store = None
    if settings.persistent:
        from eislint.cache import ParseStore

        try:
            store = ParseStore(nlp, variant)
        except Exception:  # a pipeline we cannot identify is not cached
            store = None
    todo = []
    handed: set[int] = set()
    for unit in units:
        unit.doc = cache.get(unit.text, variant)
        if unit.doc is None and store is not None:
            unit.doc = store.get(unit.text)  # a new Doc per block
            if unit.doc is not None:
                cache.put(unit.text, unit.doc, variant)
                handed.add(id(unit.doc))
                continue
        if unit.doc is None:
            todo.append(unit)
        elif id(unit.doc) in handed:  # two identical blocks: each keeps its own Doc (offsets are per Doc)
            unit.doc = unit.doc.copy()
        else:
            handed.add(id(unit.doc))
    for unit, parsed in zip(todo, _parsed(todo, nlp, disabled, batch_size, settings)):
        parsed.tensor = None  # tok2vec output, used inside the pipeline only: 384 bytes a token
        unit.doc = parsed
        cache.put(unit.text, parsed, variant)
        if store is not None:
            store.put(unit.text, parsed)
    if store is not None:
        store.finish()


def _parsed(
    todo: list[ParseUnit], nlp: Any, disabled: list[str], batch_size: int, settings: ParseSettings
) -> Iterable[Any]:
    """The Docs of `todo`, in order: serial, or on more processes when that pays."""
    from eislint import parallel

    total = sum(len(u.text) for u in todo)
    done = 0

    def step(chars: int) -> None:
        nonlocal done
        done += chars
        if settings.progress is not None:
            settings.progress(done, total)

    count = parallel.workers(settings.jobs, total) if todo else 1
    if count > 1 and parallel.can_fork():
        yield from parallel.parse_parallel([u.text for u in todo], nlp, disabled, count, MAX_BATCH_CHARS, step)
        return
    for batch in _batches(todo, batch_size):
        yield from nlp.pipe((u.text for u in batch), batch_size=len(batch), disable=disabled)
        step(sum(len(u.text) for u in batch))


class ParseCache:
    """Parses by text, least recently used out first, at most `max_chars` characters of text.

    A process often parses the same text again: the re-check after --fix, the base revision of
    --changed-only and --bundle, the rewrites `eislint suggest` tries, a server checking one
    tender after another edit. The rules only read a parse, so sharing it is safe.
    """

    def __init__(self, max_chars: int = 1_000_000) -> None:
        self.max_chars = max_chars
        self._docs: OrderedDict[tuple[tuple[str, ...], str], Any] = OrderedDict()
        self._chars = 0

    def get(self, text: str, variant: tuple[str, ...] = ()) -> Any:
        key = (variant, text)
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
        return doc

    def put(self, text: str, doc: Any, variant: tuple[str, ...] = ()) -> None:
        key = (variant, text)
        if len(text) > self.max_chars or key in self._docs:
            return
        self._docs[key] = doc
        self._chars += len(text)
        while self._chars > self.max_chars:
            (_, old), _ = self._docs.popitem(last=False)
            self._chars -= len(old)


# one cache per loaded pipeline: another model parses differently
_PARSED: weakref.WeakKeyDictionary[Any, ParseCache] = weakref.WeakKeyDictionary()
