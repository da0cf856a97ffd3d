"""The driver of a corpus run: one code path for a LocalCluster and for an existing Dask cluster.

    bundles = manifest.load(source)
    with connect(scheduler, workers) as client:     # LocalCluster, or Client("tcp://host:8786")
        register the pipeline plugin; check that every worker has the same rule set
        submit one task per bundle, at most `window` in flight (as_completed)
        collect results; commit them to the store per batch
    consolidate: findings.parquet, bundles.parquet, summaries

Dask does the scheduling, retries of lost workers and load balancing; the driver only keeps
a bounded number of tasks in flight, so that a manifest of 100,000 bundles does not become
100,000 futures and results in the client's memory at once.
"""

from __future__ import annotations

import itertools
import logging
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from eislint.corpus import manifest, require_extra
from eislint.engine import RunOptions

WORKER_MEMORY = 1.5 * 2**30  # a spaCy pipeline plus a large tender, per worker process


class CorpusError(RuntimeError):
    """A run that cannot start (scheduler unreachable, workers that differ): one Dutch line."""


@dataclass(slots=True)
class RunStats:
    bundles: int = 0
    linted: int = 0  # bundles linted in this run (whatever their outcome)
    skipped: int = 0  # bundles whose stored result was still current
    status: Counter = field(default_factory=Counter)  # outcome of the bundles linted now
    findings: int = 0  # findings of the bundles linted now
    seconds: float = 0.0  # wall time of the whole run
    startup: float = 0.0  # of which: cluster start, pipelines loaded, workers checked
    workers: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # every failed bundle of the input
    summary: dict[str, Any] = field(default_factory=dict)  # run.json


def local_workers() -> int:
    """Worker processes for a LocalCluster: one per usable core, as memory allows."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    try:
        import psutil  # a dependency of distributed

        by_memory = int(psutil.virtual_memory().total // WORKER_MEMORY)
    except ImportError:
        by_memory = cores
    return max(1, min(cores, by_memory))


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A dask.distributed Client: on `scheduler` if given, else on a LocalCluster of processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise CorpusError(f"geen verbinding met de Dask-scheduler {scheduler} ({exc})") from None
        try:
            yield client
        finally:
            client.close()
        return
    # Closing a LocalCluster can log "CommClosedError: Stream is closed" from a worker that went
    # first; the run is over by then, so the shutdown is silenced (and the levels restored after).
    loggers = [logging.getLogger(name) for name in ("distributed", "tornado", "asyncio")]
    levels = [logger.level for logger in loggers]
    try:
        # One thread per process: linting is CPU-bound Python, threads would only share the GIL.
        with (
            LocalCluster(
                n_workers=workers or local_workers(),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            try:
                yield client
            finally:
                for logger in loggers:
                    logger.setLevel(logging.CRITICAL)
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _task_failure(spec: manifest.BundleSpec, exc: BaseException, run_id: str) -> dict[str, Any]:
    """A result for a task that Dask itself could not finish (a worker died, ...)."""
    from distributed import KilledWorker

    if isinstance(exc, KilledWorker):
        error = "de worker stopte telkens tijdens deze bundel (te weinig geheugen?)"
    else:
        error = f"Dask-fout: {type(exc).__name__}: {exc}"
    from eislint.corpus.task import empty_result

    return empty_result(spec.id, spec.path, run_id, error=error)


def _absolute(options: RunOptions) -> RunOptions:
    """Paths in the options as workers elsewhere can find them (not relative to our directory)."""
    return replace(
        options,
        config_path=options.config_path.resolve() if options.config_path else None,
        rules_dir=options.rules_dir.resolve() if options.rules_dir else None,
    )


def validate(options: RunOptions) -> None:
    """Stop before any cluster starts on what would fail every bundle: the rules folder, the
    --config file, unknown --select/--ignore selectors (ConfigError, one Dutch line)."""
    from eislint.config import known_selectors, load_config
    from eislint.loader import all_rules
    from eislint.yamlio import ConfigError

    rules = all_rules(options.rules_dir)
    if options.config_path is not None:
        load_config(options.config_path, rules)
    known = known_selectors(rules)
    for selector in [*(options.select or []), *options.extend_select, *options.ignore]:
        if selector not in known and selector.upper() != "ALL":
            raise ConfigError("--select/--ignore", f"onbekende regel, pakket of categorie '{selector}'")


def run_corpus(
    source: str | Path,
    output: str | Path,
    options: RunOptions | None = None,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    batch_size: int = 100,
    flush_seconds: float = 60.0,
    retry_failed: bool = False,
    progress: Callable[[dict[str, Any], RunStats], None] | None = None,
) -> RunStats:
    """Lint every bundle of `source` into `output` (see store.py for the layout).

    Resumable: a bundle whose content hash and rule-set key match its stored result is not
    linted again (a failed one only with `retry_failed`). Results are committed every
    `batch_size` bundles or `flush_seconds`, and on an interruption (KeyboardInterrupt, or an
    exception from `progress`) what was finished is committed before the exception goes on.
    """
    options = _absolute(options or RunOptions())
    specs = manifest.load(source)
    validate(options)
    require_extra("dask", "distributed", "pyarrow", "pandas")

    from eislint.corpus.fingerprint import ruleset_key
    from eislint.corpus.store import Store
    from eislint.corpus.task import FAILED, PipelinePlugin

    store = Store(output)
    store.prepare()
    states = store.states()
    run_id = uuid.uuid4().hex[:12]
    stats = RunStats(bundles=len(specs))
    started = time.perf_counter()
    local_key = ruleset_key(options)
    with connect(scheduler, workers) as client:
        client.register_plugin(PipelinePlugin(options.nlp_model), name=PipelinePlugin.name)
        _check_workers(client, options, local_key, stats)
        stats.startup = time.perf_counter() - started
        tasks = _Tasks(client, iter(specs), states, options, retry_failed, run_id)
        _collect(tasks, store, stats, batch_size, flush_seconds, progress)
    stats.seconds = time.perf_counter() - started
    import eislint

    stats.summary = store.consolidate(
        specs,
        {
            "source": str(source),
            "eislint": eislint.__version__,
            "ruleset": local_key,
            "run": run_id,
            "scheduler": scheduler or "LocalCluster",
            "workers": stats.workers,
            "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "this_run": {
                "linted": stats.linted,
                "skipped": stats.skipped,
                "seconds": round(stats.seconds, 2),
                "startup_seconds": round(stats.startup, 2),
            },
        },
    )
    final = store.states()
    stats.failed = [
        (s.id, final[s.id]["error"] or "") for s in specs if s.id in final and final[s.id]["status"] == FAILED
    ]
    return stats


def _check_workers(client, options: RunOptions, local_key: str, stats: RunStats) -> None:
    """Every worker loads the pipeline and has the same eislint, rules and pipeline as this machine."""
    from eislint.corpus.task import worker_check
    from eislint.yamlio import ConfigError

    checks = client.run(worker_check, options)
    stats.workers = len(checks)
    for address, check in sorted(checks.items()):
        if check["problem"]:
            raise ConfigError("nlp.model", f"worker {address}: {check['problem']}")
    differ = sorted(a for a, c in checks.items() if c["ruleset"] != local_key)
    if differ:
        raise CorpusError(
            f"worker(s) {', '.join(differ)} hebben een andere eislint-versie, andere regels of een "
            "andere taalpijplijn dan deze machine; installeer op alle machines hetzelfde"
        )


class _Tasks:
    """Bundles submitted a window at a time (twice the threads, at least four), so a large
    manifest never floods the scheduler; `owner` maps a future back to its bundle."""

    def __init__(self, client, queue, states: dict, options: RunOptions, retry_failed: bool, run_id: str) -> None:
        from distributed import as_completed

        self.client = client
        self.queue = queue
        self.states = states
        self.options = options
        self.retry_failed = retry_failed
        self.run_id = run_id
        self.owner: dict[str, manifest.BundleSpec] = {}
        self.numbers = itertools.count()
        self.pending = as_completed(loop=client.loop)
        threads = sum(client.nthreads().values()) or 1
        for _ in range(max(4, 2 * threads)):
            self.submit_next()

    def submit_next(self) -> None:
        from eislint.corpus.task import lint_bundle_task

        spec = next(self.queue, None)
        if spec is None:
            return
        state = self.states.get(spec.id)
        previous = (state["content_hash"], state["ruleset"], state["status"]) if state else None
        future = self.client.submit(
            lint_bundle_task,
            spec.id,
            spec.path,
            self.options,
            previous,
            self.retry_failed,
            self.run_id,
            key=f"eislint-bundle-{self.run_id}-{next(self.numbers)}",
            pure=False,
        )
        self.owner[future.key] = spec
        self.pending.add(future)


def _collect(
    tasks: _Tasks,
    store,
    stats: RunStats,
    batch_size: int,
    flush_seconds: float,
    progress: Callable[[dict[str, Any], RunStats], None] | None,
) -> None:
    """Take results as they finish, submit the next bundle for each, and commit them in batches;
    on an interruption what is finished is committed and the rest cancelled."""
    from eislint.corpus.task import SKIPPED

    buffer: list[dict[str, Any]] = []
    last_flush = time.monotonic()
    try:
        for future in tasks.pending:
            spec = tasks.owner.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:
                result = _task_failure(spec, exc, tasks.run_id)
            future.release()
            tasks.submit_next()
            if result["status"] == SKIPPED:
                stats.skipped += 1
            else:
                stats.linted += 1
                stats.status[result["status"]] += 1
                stats.findings += result["findings"]
                buffer.append(result)
            if len(buffer) >= batch_size or (buffer and time.monotonic() - last_flush >= flush_seconds):
                store.write_batch(buffer)
                buffer, last_flush = [], time.monotonic()
            if progress is not None:
                progress(result, stats)
    finally:
        if buffer:  # keep what is finished, also when interrupted
            store.write_batch(buffer)
        unfinished = list(tasks.pending.futures)
        tasks.pending.clear()
        if unfinished:  # interrupted: nothing of these is kept, a next run does them
            tasks.client.cancel(unfinished)
