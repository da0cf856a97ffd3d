"""The parse cache: a text parsed before in this process is not parsed again, and reusing a
parse changes no finding."""

from __future__ import annotations

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


def test_a_warm_cache_gives_the_findings_of_a_cold_one():
    from eislint import analysis
    from eislint.engine import RunOptions, lint_paths
    from eislint.formatters.json import as_dict

    corpora = ROOT / "corpora"
    bundle = str(corpora / "zaaksysteem-gemeente-veenoord")
    options = RunOptions(select=["ALL"])
    analysis._PARSED.clear()
    cold = as_dict(lint_paths([bundle], options))["findings"]  # parsed in the batches a single run makes
    # every text parsed again, in other batches (with the texts of another tender)
    analysis._PARSED.clear()
    lint_paths([str(corpora / "klantcontactsysteem-gemeente-lindehoven"), bundle], options)
    (cache,) = analysis._PARSED.values()
    cached = len(cache._docs)
    warm = as_dict(lint_paths([bundle], options))["findings"]
    assert cold and warm == cold
    assert cached > 20 and len(cache._docs) == cached  # nothing was parsed again
