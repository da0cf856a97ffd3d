"""What runs on a Dask worker: the pipeline plugin and the per-bundle task.

The engine keeps one spaCy pipeline per process (eislint.nlp caches it); the plugin loads it
when a worker starts, so the first bundle does not pay for it and every later task reuses it.
A worker with several threads runs one bundle at a time (the lock): spaCy pipelines are not
meant to be shared between threads, and the work is CPU-bound, so more processes, not threads,
give more throughput (docs/corpus.md).

A task never raises for a bad bundle: every problem becomes a result with status 'fout' and the
error text, so one broken tender cannot stop a run.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import traceback
from datetime import UTC, datetime
from typing import Any

from distributed import WorkerPlugin

from eislint.corpus.fingerprint import content_hash, ruleset_key
from eislint.engine import RunOptions

OK, PARTIAL, FAILED, SKIPPED = "ok", "deels", "fout", "overgeslagen"
_LOCK = threading.Lock()
_MAX_ERROR = 2000


class PipelinePlugin(WorkerPlugin):
    """Load the NLP pipeline once per worker process, when the worker starts."""

    name = "eislint-pipeline"

    def __init__(self, nlp_model: str | None) -> None:
        self.nlp_model = nlp_model

    def setup(self, worker) -> None:
        from eislint import nlp
        from eislint.yamlio import ConfigError

        try:
            nlp.load(self.nlp_model)
        except ConfigError:
            pass  # worker_check() reports it to the driver; tasks report it per bundle


def worker_check(options: RunOptions) -> dict[str, str | None]:
    """Run on every worker before the first task: its rule-set key and a pipeline problem, if any."""
    from eislint import nlp
    from eislint.yamlio import ConfigError

    problem = None
    try:
        nlp.load(options.nlp_model)
    except ConfigError as exc:
        problem = str(exc)
    return {"ruleset": ruleset_key(options), "problem": problem}


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return get_worker().address
    except ValueError:  # not on a worker (a direct call)
        return f"{socket.gethostname()}:{os.getpid()}"


def empty_result(bundle_id: str, path: str, run_id: str, **fields: Any) -> dict[str, Any]:
    """The record of a bundle with nothing linted (yet): failed until the task says otherwise."""
    return {
        "bundle": bundle_id,
        "bundle_path": path,
        "status": FAILED,
        "error": None,
        "detail": None,
        "documents": 0,
        "requirements": 0,
        "findings": 0,
        "records": [],
        "content_hash": None,
        "ruleset": None,
        "seconds": 0.0,
        "cpu_seconds": 0.0,
        "linted_at": None,
        "worker": None,
        "run": run_id,
        **fields,
    }


def lint_bundle_task(
    bundle_id: str,
    path: str,
    options: RunOptions,
    previous: tuple[str, str, str] | None,
    retry_failed: bool,
    run_id: str,
) -> dict[str, Any]:
    """Lint one bundle unless `previous` (content hash, rule-set key, status) is still current."""
    from eislint import api
    from eislint.yamlio import ConfigError

    started = time.perf_counter(), time.process_time()
    result = empty_result(
        bundle_id, path, run_id, linted_at=datetime.now(UTC).isoformat(timespec="seconds"), worker=_worker_name()
    )
    try:
        result["ruleset"] = ruleset_key(options)
        result["content_hash"] = content_hash(path)
    except FileNotFoundError:
        result["error"] = f"{path}: bestand of map bestaat niet"
        return _done(result, started)
    except OSError as exc:
        result["error"] = f"{path}: niet leesbaar ({exc.strerror or exc.__class__.__name__})"
        return _done(result, started)
    if (
        previous is not None
        and previous[:2] == (result["content_hash"], result["ruleset"])
        and not (retry_failed and previous[2] == FAILED)
    ):
        result["status"] = SKIPPED
        return _done(result, started)
    try:
        with _LOCK:
            outcome = api.lint_bundle(path, options)
    except ConfigError as exc:
        result["error"] = str(exc)
        return _done(result, started)
    except Exception as exc:
        result["error"] = f"interne fout: {type(exc).__name__}: {exc}"
        result["detail"] = traceback.format_exc()
        return _done(result, started)
    report = outcome.report
    errors = outcome.errors
    result["documents"] = len(report.documents)
    result["requirements"] = sum(sum(d.requirements.values()) for d in report.documents)
    result["records"] = outcome.records()
    result["findings"] = len(result["records"])
    if report.documents:
        result["status"] = PARTIAL if errors else OK
        result["error"] = "; ".join(errors) or None
    else:
        result["error"] = "; ".join(errors) or f"{path}: geen documenten gevonden die eislint kan lezen"
    return _done(result, started)


def _done(result: dict[str, Any], started: tuple[float, float]) -> dict[str, Any]:
    if result["error"] and len(result["error"]) > _MAX_ERROR:
        result["error"] = result["error"][:_MAX_ERROR] + " ..."
    result["seconds"] = round(time.perf_counter() - started[0], 4)
    # CPU time of the worker process (one bundle at a time per process, see _LOCK): what a bundle
    # costs on a core of its own, whatever else the machine is doing
    result["cpu_seconds"] = round(time.process_time() - started[1], 4)
    return result
