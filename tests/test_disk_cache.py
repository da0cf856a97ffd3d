"""The parse cache on disk (eislint.cache): a warm run gives the findings of a cold one, a
damaged entry is parsed again, --no-cache reads and writes nothing, and tests never touch the
user's own cache directory (conftest sets EISLINT_CACHE_DIR). The whole results of a check are
cached too (tests/test_result_cache.py); tests of the parses remove those, or an unchanged
re-check would read no parse at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from eislint import cache

BUNDLE = ROOT / "corpora" / "zaaksysteem-gemeente-veenoord"


def _check(tmp_cache: Path, *args: str) -> subprocess.CompletedProcess:
    shutil.rmtree(tmp_cache / cache.RESULTS_FORMAT, ignore_errors=True)
    env = {**os.environ, "EISLINT_CACHE_DIR": str(tmp_cache)}
    return subprocess.run(
        [sys.executable, "-m", "eislint", "check", *args, "--format", "json", "--fail-on", "never"],
        capture_output=True,
        env=env,
        timeout=300,
    )


def _entries(root: Path) -> list[Path]:
    return sorted((root / cache.FORMAT).glob("*/*" + ".doc"))


def test_tests_never_use_the_home_cache():
    assert os.environ["EISLINT_CACHE_DIR"]
    assert cache.cache_dir() == Path(os.environ["EISLINT_CACHE_DIR"])


def test_a_warm_run_gives_the_findings_of_a_cold_run_and_a_damaged_entry_is_parsed_again(tmp_path):
    store = tmp_path / "cache"
    cold = _check(store, str(BUNDLE))
    assert cold.returncode == 0, cold.stderr.decode()
    entries = _entries(store)
    assert len(entries) > 10
    warm = _check(store, str(BUNDLE))
    assert warm.stdout == cold.stdout
    # damage entries three ways: garbage, a flipped byte (checksum), an empty file
    entries[0].write_bytes(b"not a parse")
    data = bytearray(entries[1].read_bytes())
    data[-1] ^= 0xFF
    entries[1].write_bytes(bytes(data))
    entries[2].write_bytes(b"")
    damaged = _check(store, str(BUNDLE))
    assert damaged.returncode == 0 and damaged.stdout == cold.stdout
    assert entries[0].read_bytes().startswith(cache.MAGIC)  # written again


def test_no_cache_reads_and_writes_nothing(tmp_path):
    store = tmp_path / "cache"
    result = _check(store, str(BUNDLE), "--no-cache")
    assert result.returncode == 0
    assert _entries(store) == [] and not (store / cache.RESULTS_FORMAT).exists()


def test_cache_toon_and_clear(run_cli, tmp_path, monkeypatch):
    store = tmp_path / "cache"
    monkeypatch.setenv("EISLINT_CACHE_DIR", str(store))
    assert _check(store, str(BUNDLE)).returncode == 0  # a process of its own: nothing parsed before
    count = len(_entries(store))
    assert count > 0
    code, out, _ = run_cli("cache", "toon")
    assert code == 0 and str(store) in out and f"{count} taalanalyses en 1 opgeslagen uitkomst," in out
    code, out, _ = run_cli("cache", "clear")
    assert code == 0 and f"{count} taalanalyses en 1 opgeslagen uitkomst verwijderd" in out
    assert _entries(store) == [] and not list((store / cache.RESULTS_FORMAT).rglob("*.z"))


def test_the_cache_stays_within_its_size(tmp_path):
    root = tmp_path / "c"
    folder = root / cache.FORMAT / "ab"
    folder.mkdir(parents=True)
    for i in range(10):
        path = folder / f"{i:02d}.doc"
        path.write_bytes(b"x" * 1000)
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    removed = cache.evict(root, limit=5000)
    left = sorted(p.name for p in folder.iterdir())
    assert removed == 6 and left == ["06.doc", "07.doc", "08.doc", "09.doc"]  # the oldest went, down to 80%
    assert cache.evict(root, limit=5000) == 0


@pytest.mark.parametrize("garbage", [b"", b"EISLINT1", b"EISLINT1" + b"\0" * 16 + b"zzz"])
def test_a_corrupt_entry_is_a_miss_not_an_error(tmp_path, garbage):
    from eislint import nlp

    store = cache.ParseStore(nlp.load(None), (), root=tmp_path)
    text = "Het systeem moet snel zijn."
    store.put(text, nlp.load(None)(text))
    assert store.get(text) is not None and store.get(text).text == text
    path = store._path(text)
    path.write_bytes(garbage)
    assert store.get(text) is None


def test_identical_blocks_keep_their_own_parse_in_a_warm_run(tmp_path):
    doc = tmp_path / "pve.md"
    doc.write_text(
        "# Programma van Eisen\n\n## Eisen\n\nE1. Het systeem moet gebruiksvriendelijk zijn en/of snel.\n\n"
        "E2. Het systeem moet gebruiksvriendelijk zijn en/of snel.\n",
        encoding="utf-8",
    )
    store = tmp_path / "cache"
    cold = _check(store, str(doc))
    warm = _check(store, str(doc))
    assert cold.stdout.count(b'"rule"') >= 4  # each requirement has its own findings
    assert warm.stdout == cold.stdout
