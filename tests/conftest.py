from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

# The parse cache of `eislint check` (eislint.cache): never the user's own cache directory. Set at
# import, before any test, so subprocesses inherit it; one folder per test process.
os.environ["EISLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="eislint-test-cache-")
atexit.register(shutil.rmtree, os.environ["EISLINT_CACHE_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def lint_text(text: str, select: list[str] | None = None, suffix: str = ".md", config: Path | None = None):
    """Lint `text` as if it were a file with `suffix`; returns the Report."""
    from eislint.engine import RunOptions, lint_paths

    options = RunOptions(select=select, stdin_name=f"tekst{suffix}", config_path=config)
    return lint_paths(["-"], options, stdin=text.encode("utf-8"))


@pytest.fixture
def lint():
    return lint_text


@pytest.fixture
def run_cli(tmp_path):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from eislint.cli import main

    def run(*args: str, input: bytes | str | None = None, cwd: Path | None = None):
        runner = CliRunner()
        import os

        old = os.getcwd()
        os.chdir(cwd or tmp_path)
        try:
            result = runner.invoke(main, list(args), input=input, catch_exceptions=False)
        except SystemExit as exc:  # our group exits itself
            return exc.code, "", ""
        finally:
            os.chdir(old)
        return result.exit_code, result.stdout, result.stderr

    return run


def pytest_report_header(config):
    return f"eislint tests; shared data: {'present' if SHARED.is_dir() else 'absent'}; python {sys.version.split()[0]}"


# ---------------------------------------------------------------- corpora/ with every rule, once

# Test modules that read the same lint of corpora/ with every rule enabled: xdist keeps them on one
# worker, so `corpora_all` (session scope: once per worker) runs that lint once instead of twice.
SAME_WORKER = {
    "tests/test_ci_formats.py": "corpora-all",
    "tests/test_rule_validation.py": "corpora-all",
    "tests/test_corpora.py": "corpora-all",
}


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedScopes(LoadScopeScheduling):
        """--dist loadscope (a module's tests on one worker), with the modules of SAME_WORKER as one scope."""

        def _split_scope(self, nodeid: str) -> str:
            return SAME_WORKER.get(nodeid.split("::", 1)[0]) or super()._split_scope(nodeid)

    return SharedScopes(config, log)


@pytest.fixture(scope="session")
def corpora_all():
    """corpora/ with every rule enabled (paths relative to the repository root), and every message
    template the run filled with the placeholders it left without a value."""
    import eislint.stamp as stamp
    from eislint.engine import RunOptions, lint_paths
    from eislint.placeholders import fields

    templates: list[str | None] = []
    missing: set[tuple[str, str]] = set()
    real = stamp.render

    def render(template, values):
        templates.append(template)
        for name in fields(template or ""):
            if name not in values:
                missing.add((name, template))
        return real(template, values)

    old = os.getcwd()
    os.chdir(ROOT)
    stamp.render = render  # stamp.make_finding fills the templates; engine only re-exports render
    try:
        report = lint_paths(["corpora"], RunOptions(select=["ALL"]))
    finally:
        stamp.render = real
        os.chdir(old)
    return SimpleNamespace(report=report, templates=templates, missing=missing)
