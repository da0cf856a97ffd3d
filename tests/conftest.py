from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

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
