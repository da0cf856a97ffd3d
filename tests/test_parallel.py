"""-j/--jobs: the parse on more processes gives the findings, in the order, of a serial run; the
automatic choice stays serial on one CPU or a short text; the progress bar only on a terminal."""

from __future__ import annotations

import io

from conftest import ROOT
from eislint import parallel


def _findings(jobs):
    from eislint import analysis
    from eislint.engine import RunOptions, lint_paths
    from eislint.formatters.json import as_dict

    analysis._PARSED.clear()  # parse again, not from this process's cache
    bundle = str(ROOT / "corpora" / "lms-waterschap-lingemond")
    return as_dict(lint_paths([bundle], RunOptions(select=["ALL"], jobs=jobs)))["findings"]


def test_parallel_parse_gives_the_serial_findings_in_order():
    serial = _findings(1)
    assert serial and _findings(2) == serial


def test_automatic_jobs_only_when_it_pays(monkeypatch):
    monkeypatch.setattr(parallel, "available_cpus", lambda: 1)
    assert parallel.workers(None, 10_000_000) == 1  # one CPU
    monkeypatch.setattr(parallel, "available_cpus", lambda: 8)
    monkeypatch.setattr(parallel, "_load", lambda: 0)
    assert parallel.workers(None, 1_000) == 1  # a short text
    assert parallel.workers(None, 10_000_000) == parallel.MAX_WORKERS
    monkeypatch.setattr(parallel, "_load", lambda: 7)
    assert parallel.workers(None, 10_000_000) == 1  # the other CPUs are busy
    assert parallel.workers(3, 10) == 3  # asked for


def test_chunks_keep_the_order_and_every_text():
    texts = [f"tekst {i} " * (i % 7 + 1) for i in range(50)]
    chunks = parallel._chunks(texts, 4)
    assert [t for c in chunks for t in c] == texts and 3 <= len(chunks) <= 5


def test_jobs_must_be_a_number_or_auto(run_cli, tmp_path):
    (tmp_path / "pve.md").write_text("E1. Het systeem moet snel zijn.\n", encoding="utf-8")
    code, _, err = run_cli("check", "pve.md", "-j", "0")
    assert code == 2 and "-j/--jobs" in err
    code, _, _ = run_cli("check", "pve.md", "-j", "auto", "--fail-on", "never")
    assert code == 0


def test_progress_bar_never_off_a_terminal_and_not_before_its_delay():
    from eislint.checkrun import CheckOptions, _progress
    from eislint.progress import ProgressBar

    assert _progress(CheckOptions(paths=("x",))) is None  # pytest's stderr is no terminal
    stream = io.StringIO()
    bar = ProgressBar(stream, delay=60)
    bar(10, 100)
    bar.close()
    assert stream.getvalue() == ""
    shown = ProgressBar(stream, delay=0)
    shown(10, 100)
    shown(100, 100)
    shown.close()


def test_no_more_processes_than_chunks_and_workers_end_with_their_parent(monkeypatch):
    """'-j 16' on a short text starts no idle processes; every worker is set to end with the main
    process (a CI step's timeout kills only that one)."""
    import spacy

    started = {}

    class Pool(parallel.ProcessPoolExecutor):
        def __init__(self, count, **kwargs):
            started.update(count=count, initializer=kwargs.get("initializer"))
            super().__init__(count, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Pool)
    docs = list(parallel.parse_parallel(["Een korte tekst."], spacy.blank("nl"), [], 16, 10_000))
    assert [d.text for d in docs] == ["Een korte tekst."]
    assert started["count"] == 1 and started["initializer"] is parallel._die_with_parent
