"""Parsing on more than one CPU (`eislint check -j N`), only when it pays.

The parse is most of a cold run, and its blocks are independent: the blocks still to parse are
cut into chunks of about equal size, worker processes parse them with the pipeline the main
process already loaded (forked, so no worker loads the model again) and send each Doc back as
bytes; the main process reads them in the original order. Doc.to_bytes keeps every annotation
the rules read, so the findings and their order are those of a serial run. Rules run in the main
process (after the speed work they are a small part of a run).

Automatic (-j auto, the default of `eislint check`): one process unless at least two CPUs of this
process are idle (CPUs minus the load average) and there are `PARALLEL_MIN_CHARS` characters to
parse; starting workers and moving
the Docs back cost more than they save on a smaller text (docs/snelheid.md has the figures). The
library's default is serial (`RunOptions.jobs = 1`). Where processes cannot be forked, the parse is
serial.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

# about 15,000 words of requirement text; two processes paid at 170,000 (docs/speed.md)
PARALLEL_MIN_CHARS = 100_000
MAX_WORKERS = 4
_CHUNKS_PER_WORKER = 4  # smaller chunks: the workers finish together and the progress moves

_NLP: Any = None
_DISABLED: list[str] = []


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover (not on Linux)
        return os.cpu_count() or 1


def workers(jobs: int | None, chars: int) -> int:
    """How many processes parse `chars` characters: `jobs` when given (>= 1), else automatic."""
    if jobs is not None and jobs >= 1:
        return jobs
    idle = available_cpus() - _load()
    if idle < 2 or chars < PARALLEL_MIN_CHARS:
        return 1
    return min(idle, MAX_WORKERS)


def _load() -> int:
    """CPUs busy with other work (the 1-minute load average): on a machine that is already busy,
    more processes only wait for each other (measured: docs/speed.md)."""
    try:
        return round(os.getloadavg()[0])
    except (AttributeError, OSError):  # pragma: no cover
        return 0


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _chunks(texts: list[str], count: int) -> list[list[str]]:
    total = sum(len(t) for t in texts) or 1
    size = total / count
    chunks: list[list[str]] = [[]]
    filled = 0
    for text in texts:
        if chunks[-1] and filled >= size * len(chunks):
            chunks.append([])
        chunks[-1].append(text)
        filled += len(text)
    return chunks


def _die_with_parent() -> None:
    """A worker ends when the main process does (SIGTERM from a CI step's timeout kills only the
    main process; without this the workers would stay, blocked on a pipe nobody reads)."""
    try:
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover (not on Linux)
        pass


def _parse_chunk(texts: list[str], max_batch_chars: int) -> list[bytes]:
    out = []
    batch: list[str] = []
    size = 0
    for text in [*texts, None]:
        if batch and (text is None or size + len(text) > max_batch_chars or len(batch) >= 64):
            for doc in _NLP.pipe(batch, batch_size=len(batch), disable=_DISABLED):
                doc.tensor = None
                out.append(doc.to_bytes(exclude=["tensor", "user_data"]))
            batch, size = [], 0
        if text is not None:
            batch.append(text)
            size += len(text)
    return out


def parse_parallel(
    texts: list[str],
    nlp: Any,
    disabled: list[str],
    count: int,
    max_batch_chars: int,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Any]:
    """The Docs of `texts`, in order, parsed by `count` forked processes."""
    from spacy.tokens import Doc

    global _NLP, _DISABLED
    _NLP, _DISABLED = nlp, list(disabled)
    chunks = _chunks(texts, count * _CHUNKS_PER_WORKER)
    count = max(1, min(count, len(chunks)))  # a small text: no idle processes
    try:
        with ProcessPoolExecutor(
            count, mp_context=multiprocessing.get_context("fork"), initializer=_die_with_parent
        ) as pool:
            results = pool.map(_parse_chunk, chunks, [max_batch_chars] * len(chunks))
            for chunk, parsed in zip(chunks, results):
                for data in parsed:
                    yield Doc(nlp.vocab).from_bytes(data)
                if progress is not None:
                    progress(sum(len(t) for t in chunk))
    finally:
        _NLP, _DISABLED = None, []
