"""The parse cache: a text parsed before in this process is not parsed again, and reusing a
parse changes no finding."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT
from eislint.analysis import ParseCache


def test_cache_keeps_the_most_recent_texts_within_its_size():
    cache = ParseCache(max_chars=10)
    cache.put("aaaa", 1)
    cache.put("bbbb", 2)
    assert cache.get("aaaa") == 1  # now the most recent
    cache.put("cccc", 3)  # 12 characters: the least recent ('bbbb') goes
    assert cache.get("bbbb") is None and cache.get("aaaa") == 1 and cache.get("cccc") == 3
    cache.put("x" * 11, 4)  # larger than the whole cache: not kept
    assert cache.get("x" * 11) is None


def test_a_warm_cache_gives_the_findings_of_a_fresh_process():
    from eislint.engine import RunOptions, lint_paths
    from eislint.formatters.json import as_dict

    bundle = ROOT / "corpora" / "lms-gemeente-zeedorp"
    options = RunOptions(select=["ALL"])
    lint_paths([str(ROOT / "corpora")], options)  # every text of the corpus parsed, in other batches
    warm = as_dict(lint_paths([str(bundle)], options))["findings"]
    fresh = subprocess.run(
        [sys.executable, "-m", "eislint", "check", str(bundle), "--select", "ALL", "--format", "json"],
        capture_output=True,
        timeout=300,
    )
    assert fresh.returncode in (0, 1), fresh.stderr.decode()
    assert warm and warm == json.loads(fresh.stdout)["findings"]
