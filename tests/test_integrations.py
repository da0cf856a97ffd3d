"""Repository integration: pre-commit hook manifest, the GitHub Action, --changed-only."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

FLAWED_LINE = "E{n}. Het LMS is gebruiksvriendelijk.\n"


# ---------------------------------------------------------------- pre-commit


def test_pre_commit_manifest_is_valid():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))  # pre-commit's own validation
    hook = next(h for h in hooks if h["id"] == "eislint")
    assert hook["entry"] == "eislint check --bundle" and hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("pve.md", "a/b.txt", "x.docx", "x.xlsx", "x.pdf", "x.odt", "x.csv", "x.ods"):
        assert files.search(name), name
    for name in ("x.py", "x.yaml", "x.json"):
        assert not files.search(name), name


def test_pre_commit_entry_runs_on_matching_files(tmp_path):
    """What pre-commit runs: the entry plus the staged files that match `files`.

    (A real `pre-commit try-repo` builds a virtualenv and pip-installs eislint with spaCy; that
    takes about a minute with a warm pip cache, so it runs only with EISLINT_SLOW_TESTS=1.)"""
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    (tmp_path / "pve.md").write_text("# PvE\n\n## Eisen\n\n" + FLAWED_LINE.format(n=1), encoding="utf-8")
    (tmp_path / "script.py").write_text("print(1)\n", encoding="utf-8")
    files = [p.name for p in sorted(tmp_path.iterdir()) if re.search(hook["files"], p.name)]
    assert files == ["pve.md"]
    entry = hook["entry"].split()
    assert entry[0] == "eislint"
    cmd = [sys.executable, "-m", "eislint", *entry[1:], "--select", "eisen.vage-term", "--fail-on", "warning", *files]
    result = subprocess.run(cmd, cwd=tmp_path, capture_output=True, timeout=300)
    assert result.returncode == 1 and b"pve.md:5:16: waarschuwing eisen.vage-term" in result.stdout


@pytest.mark.skipif(not os.environ.get("EISLINT_SLOW_TESTS"), reason="slow: set EISLINT_SLOW_TESTS=1")
def test_pre_commit_try_repo(tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    repo = tmp_path / "eislint"
    files = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "snapshot")
    work = tmp_path / "tender"
    work.mkdir()
    (work / "pve.md").write_text(
        "# PvE\n\n## Eisen\n\nE1. Het LMS is gebaseerd op Microsoft Teams.\n", encoding="utf-8"
    )
    _git(work, "init", "-q")
    _git(work, "add", "pve.md")
    result = subprocess.run(
        [pre_commit, "try-repo", str(repo), "eislint", "--files", "pve.md"], cwd=work, capture_output=True, timeout=900
    )
    out = result.stdout.decode()
    assert result.returncode == 1 and "eisen.merk-zonder-gelijkwaardig" in out, out


# ---------------------------------------------------------------- GitHub Action


def _action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_yml_structure():
    action = _action()
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert {"paths", "fail-on", "config", "category", "upload-sarif", "python-version"} <= set(inputs)
    assert inputs["upload-sarif"]["default"] == "false"  # private repositories have no code scanning
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", text))
    assert used <= set(inputs), f"undefined inputs: {used - set(inputs)}"
    steps = action["runs"]["steps"]
    ids = {s["id"] for s in steps if "id" in s}
    for ref in re.findall(r"steps\.([A-Za-z0-9_-]+)\.(?:outputs|outcome)", text):
        assert ref in ids
    for step in steps:
        if "uses" in step:  # pinned by full commit SHA, the release in a comment
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
        else:
            assert step.get("shell") == "bash"
            assert "${{" not in step["run"], "expressions go through env, never into the script"
            assert "GITHUB_ENV" not in step["run"] and "GITHUB_PATH" not in step["run"]  # the job stays as it was
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["update-environment"] is False
    caches = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert len(caches) == 2  # pip's downloads; eislint's results and parses (EISLINT_CACHE_DIR)
    check_cache = caches[1]["with"]["path"]
    for step in ("sarif", "eislint (annotaties)"):
        env = next(s for s in steps if s.get("id", s["name"]) == step)["env"]
        assert env["EISLINT_CACHE_DIR"] == check_cache
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["continue-on-error"] is True and "head.repo.full_name == github.repository" in upload["if"]
    assert upload["with"]["category"] == "${{ steps.sarif.outputs.category }}"
    install = next(s for s in steps if s.get("id") == "install")
    assert "-m venv" in install["run"] and "GITHUB_ACTION_PATH" in install["run"]
    for line in re.findall(r"uses: (\S+)", text):
        assert re.search(re.escape(line) + r"\s+# v\d+\.\d+\.\d+", text), line


def _outputs(path: Path) -> dict[str, str]:
    """A GITHUB_OUTPUT file: name=value lines and name<<DELIMITER blocks."""
    out, lines = {}, path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        if "<<" in lines[i] and "=" not in lines[i].split("<<")[0]:
            name, delimiter = lines[i].split("<<", 1)
            end = lines.index(delimiter, i + 1)
            out[name] = "\n".join(lines[i + 1 : end])
            i = end + 1
        else:
            name, _, value = lines[i].partition("=")
            out[name] = value
            i += 1
    return out


def test_action_steps_run_with_paths_with_spaces(tmp_path):
    """The run scripts of action.yml, executed as a runner would (bash, env, GITHUB_OUTPUT), on
    two paths of which one has spaces in its name."""
    steps = {s.get("id") or s["name"]: s for s in _action()["runs"]["steps"]}
    work = tmp_path / "werk"
    (work / "mijn aanbesteding").mkdir(parents=True)
    (work / "mijn aanbesteding" / "pve.md").write_text("# PvE\n\n## Eisen\n\nE1. Het LMS is snel.\n", encoding="utf-8")
    (work / "los stuk.md").write_text("# PvE\n\n## Eisen\n\nE1. Het LMS is gebruiksvriendelijk.\n", encoding="utf-8")
    wrapper = tmp_path / "eislint"
    wrapper.write_text(f'#!/bin/sh\nexec {sys.executable} -m eislint "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    runner_temp = tmp_path / "runner temp"
    runner_temp.mkdir()
    output = tmp_path / "output"
    base = {
        **os.environ,
        "RUNNER_TEMP": str(runner_temp),
        "GITHUB_JOB": "tender",
        "GITHUB_OUTPUT": str(output),
        "EISLINT": str(wrapper),
        "EISLINT_CONFIG": "",
    }

    def run(step: str, env: dict) -> subprocess.CompletedProcess:
        output.write_text("", encoding="utf-8")
        return subprocess.run(
            ["bash", "-c", steps[step]["run"]], cwd=work, env={**base, **env}, capture_output=True, timeout=300
        )

    result = run("sarif", {"EISLINT_PATHS": "mijn aanbesteding\n  los stuk.md  \n\n", "EISLINT_CATEGORY": ""})
    assert result.returncode == 0, result.stderr
    out = _outputs(output)
    sarif = json.loads(Path(out["sarif-file"]).read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert {"mijn%20aanbesteding/pve.md", "los%20stuk.md"} <= uris
    assert out["paths"].splitlines() == ["mijn aanbesteding", "los stuk.md"]
    assert re.fullmatch(r"eislint/tender/[0-9a-f]{8}", out["category"])
    other = run("sarif", {"EISLINT_PATHS": "los stuk.md", "EISLINT_CATEGORY": ""})
    assert other.returncode == 0 and _outputs(output)["category"] != out["category"]  # two uses do not collide
    run("sarif", {"EISLINT_PATHS": "los stuk.md", "EISLINT_CATEGORY": "mijn-categorie"})
    assert _outputs(output)["category"] == "mijn-categorie"

    annotations = subprocess.run(
        ["bash", "-c", steps["eislint (annotaties)"]["run"]],
        cwd=work,
        capture_output=True,
        env={**base, "EISLINT_PATH_LIST": out["paths"], "EISLINT_FAIL_ON": "warning"},
        timeout=300,
    )
    text = annotations.stdout.decode()
    assert annotations.returncode == 1, annotations.stderr
    assert "::warning file=mijn aanbesteding/pve.md,line=5" in text and "::warning file=los stuk.md,line=5" in text


def test_docs_name_no_tags_or_packages_that_do_not_exist():
    """The docs pointed at a tag v0.1.0 and 'pip install eislint', neither of which exists."""
    tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True).stdout.decode().split()
    for name in ("README.md", "docs/ci.md", ".pre-commit-hooks.yaml", "action.yml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        for tag in re.findall(r"(?:rev: |eislint@)(v\d+(?:\.\d+)*)\b", text):  # eislint's own tags
            assert tag in tags, (name, tag)
        assert not re.search(r"pip install eislint\b", text), name
        for ref in re.findall(r"uses: ([\w.-]+/[\w./-]+)@(\S+)", text):
            if not ref[0].startswith("actions/checkout") and "<" not in ref[1]:
                assert re.fullmatch(r"[0-9a-f]{40}", ref[1]), (name, ref)


# ---------------------------------------------------------------- --changed-only


def _git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, check=True).stdout.decode()


@pytest.fixture
def repo(tmp_path) -> Path:
    head = "# PvE\n\n## Eisen\n\n"
    (tmp_path / "a.md").write_text(head + FLAWED_LINE.format(n=1), encoding="utf-8")
    (tmp_path / "b.md").write_text(head + FLAWED_LINE.format(n=1), encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "eerste versie")
    return tmp_path


def test_changed_only_files_and_lines(repo, run_cli):
    head = "# PvE\n\n## Eisen\n\n"
    (repo / "a.md").write_text(head + FLAWED_LINE.format(n=1) + "\n" + FLAWED_LINE.format(n=2), encoding="utf-8")
    (repo / "c.md").write_text(head + FLAWED_LINE.format(n=1), encoding="utf-8")  # untracked
    code, out, _ = run_cli(
        "check", ".", "--changed-only", "HEAD", "--select", "eisen.vage-term", "--format", "concise", cwd=repo
    )
    lines = [line for line in out.splitlines() if "eisen.vage-term" in line]
    assert sorted(line.split(":")[0] + ":" + line.split(":")[1] for line in lines) == ["a.md:7", "c.md:5"], out
    # without --changed-only all four are reported
    code, out, _ = run_cli("check", ".", "--select", "eisen.vage-term", "--format", "concise", cwd=repo)
    assert sum("eisen.vage-term" in line for line in out.splitlines()) == 4


def test_changed_only_errors(tmp_path, repo, run_cli):
    code, _, err = run_cli("check", "a.md", "--changed-only", "geen-tak", cwd=repo)
    assert code == 2 and "onbekende git-revisie 'geen-tak'" in err and err.count("\n") == 1
    outside = tmp_path.parent / (tmp_path.name + "-buiten")
    outside.mkdir()
    (outside / "a.md").write_text("E1. Het LMS is snel.\n", encoding="utf-8")
    if subprocess.run(["git", "rev-parse"], cwd=outside, capture_output=True).returncode == 0:
        pytest.skip("the temporary directory lies inside a git repository")
    code, _, err = run_cli("check", "a.md", "--changed-only", "HEAD", cwd=outside)
    assert code == 2 and "is geen git-repository" in err and err.count("\n") == 1


# ---------------------------------------------------------------- the whole bundle

PVE = (
    "# PvE\n\n## Eisen\n\nE1. Het LMS ondersteunt SCORM 1.2.\n\nE2. Het LMS ondersteunt xAPI.\n\n"
    "E3. Het LMS ondersteunt LTI 1.3.\n"
)
CONTRACT = (
    "# Overeenkomst\n\n## Exit\n\nBij beëindiging levert de Opdrachtnemer alle gegevens terug in een open formaat.\n"
)
NO_EXIT = "# Overeenkomst\n\n## Slot\n\nDeze overeenkomst eindigt na vier jaar.\n"
RULES = ("--select", "volledigheid.exit-ontbreekt,eisen.vage-term", "--format", "concise")


@pytest.fixture
def tender_repo(tmp_path) -> Path:
    (tmp_path / "aanbesteding").mkdir()
    (tmp_path / "aanbesteding" / "pve.md").write_text(PVE, encoding="utf-8")
    (tmp_path / "aanbesteding" / "contract.md").write_text(CONTRACT, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Aanbestedingen\n\nHier staan de stukken.\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "eerste versie")
    return tmp_path


def _rules_in(out: str) -> list[str]:
    found = (re.match(r"^(.+?):\d+:\d+: (?:warning|waarschuwing) (\S+) ", line) for line in out.splitlines())
    return sorted(f"{m.group(1)} {m.group(2)}" for m in found if m)


def test_changed_only_reports_a_document_level_finding_the_change_caused(tender_repo, run_cli):
    """Deleting the exit clause from the contract makes 'exit ontbreekt' appear on the PvE, a file
    that did not change: it was dropped."""
    (tender_repo / "aanbesteding" / "contract.md").write_text(NO_EXIT, encoding="utf-8")
    code, out, err = run_cli("check", "aanbesteding", "--changed-only", "HEAD", *RULES, cwd=tender_repo)
    assert _rules_in(out) == ["aanbesteding/pve.md volledigheid.exit-ontbreekt"], (out, err)
    # what was there before the change is not reported as caused by it
    (tender_repo / "aanbesteding" / "contract.md").write_text(CONTRACT + "\nExtra zin.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "aanbesteding", "--changed-only", "HEAD", *RULES, cwd=tender_repo)
    assert _rules_in(out) == []


def test_changed_only_judges_a_named_file_with_its_bundle(tender_repo, run_cli):
    (tender_repo / "aanbesteding" / "pve.md").write_text(PVE + "\nE4. Het LMS is snel.\n", encoding="utf-8")
    code, out, err = run_cli("check", "aanbesteding/pve.md", "--changed-only", "HEAD", *RULES, cwd=tender_repo)
    assert _rules_in(out) == ["aanbesteding/pve.md eisen.vage-term"], (out, err)  # no false 'exit ontbreekt'


def test_pre_commit_hook_judges_the_bundle_of_the_staged_files(tender_repo):
    """pre-commit passes only the staged files: a tender split over files got false 'part
    missing' findings, and what a change caused in another file went unseen."""
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    entry = hook["entry"].split()

    def hook_run(*files: str) -> str:
        cmd = [sys.executable, "-m", "eislint", *entry[1:], *RULES, *files]
        result = subprocess.run(cmd, cwd=tender_repo, capture_output=True, timeout=300)
        assert b"Traceback" not in result.stderr
        return result.stdout.decode()

    (tender_repo / "aanbesteding" / "pve.md").write_text(PVE + "\nE4. Het LMS is snel.\n", encoding="utf-8")
    assert _rules_in(hook_run("aanbesteding/pve.md")) == ["aanbesteding/pve.md eisen.vage-term"]
    _git(tender_repo, "commit", "-qam", "E4")
    (tender_repo / "aanbesteding" / "contract.md").write_text(NO_EXIT, encoding="utf-8")
    assert _rules_in(hook_run("aanbesteding/contract.md")) == ["aanbesteding/pve.md volledigheid.exit-ontbreekt"]


def test_bundle_outside_git_reports_the_named_files(tmp_path, run_cli):
    (tmp_path / "pve.md").write_text(PVE + "\nE4. Het LMS is snel.\n", encoding="utf-8")
    (tmp_path / "contract.md").write_text(CONTRACT, encoding="utf-8")
    if subprocess.run(["git", "rev-parse"], cwd=tmp_path, capture_output=True).returncode == 0:
        pytest.skip("the temporary directory lies inside a git repository")
    code, out, err = run_cli("check", "--bundle", "pve.md", *RULES)
    assert _rules_in(out) == ["pve.md eisen.vage-term"]
    assert "geen git-repository" in err


def test_bundle_root_follows_the_folders_of_a_tender(tmp_path):
    from eislint.gitchanges import bundle_root, expand_to_bundles

    for rel in ("README.md", "aanbesteding/pve.md", "aanbesteding/bijlagen/prijzen.md", "losse/map/x.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# x\n", encoding="utf-8")
    top = tmp_path
    assert bundle_root(tmp_path / "aanbesteding/bijlagen/prijzen.md", top) == (tmp_path / "aanbesteding").resolve()
    assert bundle_root(tmp_path / "aanbesteding/pve.md", top) == (tmp_path / "aanbesteding").resolve()
    assert bundle_root(tmp_path / "losse/map/x.md", top) == (tmp_path / "losse/map").resolve()
    assert bundle_root(tmp_path / "README.md", top) == tmp_path.resolve()
    paths, named = expand_to_bundles(
        [str(tmp_path / "aanbesteding/pve.md"), str(tmp_path / "aanbesteding/bijlagen/prijzen.md")], top
    )
    assert len(paths) == 1 and len(named) == 2


def test_bundle_with_a_named_folder_reports_all_of_it(tender_repo, run_cli):
    (tender_repo / "aanbesteding" / "pve.md").write_text(PVE + "\nE4. Het LMS is snel.\n", encoding="utf-8")
    _git(tender_repo, "commit", "-qam", "E4")
    code, out, _ = run_cli("check", "--bundle", "aanbesteding", *RULES, cwd=tender_repo)
    assert _rules_in(out) == ["aanbesteding/pve.md eisen.vage-term"]
