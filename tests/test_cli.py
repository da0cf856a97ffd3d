"""The command line as users meet it: commands, formats, exit codes, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

FLAWED = "# PvE\n\n## Eisen\n\nE1. Het LMS is gebruiksvriendelijk.\n\nE2. Het LMS is gebaseerd op Microsoft Teams.\n"
CLEAN = "# PvE\n\n## Eisen\n\nE1. Een medewerker vindt een cursus binnen 30 seconden.\n"


def _run_subprocess(*args: str, cwd=None, input: bytes | None = None):
    """End to end: `python -m eislint` in its own process (entry point, real streams, exit code)."""
    return subprocess.run(
        [sys.executable, "-m", "eislint", *args], capture_output=True, cwd=cwd, input=input, timeout=300
    )


def _run(*args: str, cwd=None, input: bytes | None = None):
    """The CLI in this process (click.testing.CliRunner): the same command, without starting
    Python and loading spaCy again for every call. Returns what subprocess.run would."""
    import os

    from click.testing import CliRunner

    from eislint.cli import main

    old = os.getcwd()
    os.chdir(cwd or old)
    try:
        result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout_bytes, result.stderr_bytes)


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["rules"], ["explain", "eisen.vage-term"]])
def test_fast_commands_do_not_import_spacy(args):
    code = (
        "import sys\nfrom eislint.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\nassert 'thinc' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()


def test_version():
    result = _run_subprocess("--version")
    assert result.returncode == 0 and result.stdout.decode().startswith("eislint ")


def test_check_concise_and_exit_1_on_error(tmp_path):
    doc = tmp_path / "pve.md"
    doc.write_text(FLAWED, encoding="utf-8")
    result = _run_subprocess("check", str(doc), "--format", "concise", cwd=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 1
    assert f"{doc}:5:16: waarschuwing eisen.vage-term" in out
    assert f"{doc}:7:29: fout eisen.merk-zonder-gelijkwaardig" in out


def test_check_clean_exit_0(tmp_path):
    doc = tmp_path / "pve.md"
    doc.write_text(CLEAN, encoding="utf-8")
    result = _run("check", str(doc), cwd=tmp_path)
    assert result.returncode == 0, result.stdout.decode()


def test_fail_on_warning_and_never(tmp_path):
    doc = tmp_path / "pve.md"
    doc.write_text("## Eisen\n\nE1. Het LMS is snel.\n", encoding="utf-8")
    assert _run("check", str(doc), cwd=tmp_path).returncode == 0  # only a warning
    assert _run("check", str(doc), "--fail-on", "warning", cwd=tmp_path).returncode == 1
    doc.write_text(FLAWED, encoding="utf-8")
    assert _run("check", str(doc), "--fail-on", "never", cwd=tmp_path).returncode == 0


def test_json_schema_fields(tmp_path):
    doc = tmp_path / "pve.md"
    doc.write_text(FLAWED, encoding="utf-8")
    data = json.loads(_run("check", str(doc), "--format", "json", cwd=tmp_path).stdout)
    assert data["schema"] == "eislint/1"
    finding = next(f for f in data["findings"] if f["rule"] == "eisen.vage-term")
    for key in (
        "rule",
        "category",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "match",
        "section",
        "requirement",
        "citation",
        "suggestion",
        "fix",
        "location",
    ):
        assert key in finding
    assert finding["requirement"] == "E1" and finding["section"] == "PvE > Eisen"
    assert finding["match"] == "gebruiksvriendelijk" and finding["suggestion"]
    assert data["documents"][0]["requirements"] == {"eis": 2}
    assert data["summary"]["by_category"]["vaagheid"] == 1


def test_rich_report_is_readable_without_color(tmp_path):
    doc = tmp_path / "pve.md"
    doc.write_text(FLAWED, encoding="utf-8")
    out = _run("check", str(doc), "--format", "rich", "--no-color", cwd=tmp_path).stdout.decode()
    assert "§ PvE > Eisen" in out and "gebruiksvriendelijk" in out and "→" in out
    assert "2 eisen gevonden" in out and "Gereedheid per onderdeel" in out and "Eerst oplossen" in out


def test_select_ignore_by_id_pack_category(tmp_path):
    doc = tmp_path / "pve.md"
    doc.write_text(FLAWED, encoding="utf-8")

    def rules(*extra):
        data = json.loads(_run("check", str(doc), "--format", "json", *extra, cwd=tmp_path).stdout)
        return {f["rule"] for f in data["findings"]}

    assert rules("--select", "eisen.vage-term") == {"eisen.vage-term"}
    assert rules("--select", "gelijkwaardigheid") == {"eisen.merk-zonder-gelijkwaardig"}
    assert "eisen.vage-term" not in rules("--ignore", "vaagheid")
    assert rules("--select", "eisen.vage-term", "--extend-select", "eisen.merk-zonder-gelijkwaardig") == {
        "eisen.vage-term",
        "eisen.merk-zonder-gelijkwaardig",
    }


def test_unknown_selector_is_usage_error(tmp_path):
    doc = tmp_path / "pve.md"
    doc.write_text(CLEAN, encoding="utf-8")
    result = _run("check", str(doc), "--select", "eisen.bestaat-niet", cwd=tmp_path)
    assert result.returncode == 2 and b"bestaat-niet" in result.stderr and b"Traceback" not in result.stderr


def test_statistics(tmp_path):
    doc = tmp_path / "pve.md"
    doc.write_text(FLAWED, encoding="utf-8")
    out = _run("check", str(doc), "--statistics", cwd=tmp_path).stdout.decode()
    assert "eisen.vage-term" in out and "1" in out


def test_stdin(tmp_path):
    result = _run("check", "-", "--format", "concise", cwd=tmp_path, input=FLAWED.encode())
    assert result.returncode == 1 and b"-:5:16: waarschuwing eisen.vage-term" in result.stdout


def test_directory_recursive_and_unsupported_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "pve.md").write_text(FLAWED, encoding="utf-8")
    (tmp_path / "b.txt").write_text("4. Eisen\n\nE1. Het LMS is snel.\n", encoding="utf-8")
    (tmp_path / "plaatje.png").write_bytes(b"\x89PNG")
    (tmp_path / "~$concept.md").write_text("x", encoding="utf-8")
    result = _run("check", str(tmp_path), "--format", "json", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert {d["path"].rsplit("/", 1)[-1] for d in data["documents"]} == {"pve.md", "b.txt"}
    err = result.stderr.decode()
    assert "plaatje.png" in err and "~$concept.md" in err


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("leeg.md", b"", "leeg bestand"),
        ("spaties.md", b"  \n\n ", "leeg bestand"),
        ("binair.md", bytes(range(256)) * 4, "binair bestand"),
        ("kapot.md", b"E1. Het LMS \x81\x8d is snel.\n", "ongeldige tekencodering"),
    ],
)
def test_bad_input_one_line_exit_2_and_others_still_checked(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "goed.md"
    good.write_text(FLAWED, encoding="utf-8")
    result = _run("check", str(bad), str(good), "--format", "concise", cwd=tmp_path)
    err = result.stderr.decode().strip().splitlines()
    assert result.returncode == 2
    assert [line for line in err if str(bad) in line] == [
        f"eislint: fout: {bad}: {message}" + line.split(message, 1)[1] for line in err if str(bad) in line
    ]
    assert any(message in line for line in err), err
    assert "Traceback" not in result.stderr.decode()
    assert "eisen.vage-term" in result.stdout.decode()  # the good file was still checked


def test_windows_1252_is_read_with_a_notice(tmp_path):
    doc = tmp_path / "oud.txt"
    doc.write_bytes("4. Eisen\r\n\r\nE1. Het LMS is intuïtief.\r\n".encode("cp1252"))
    result = _run("check", str(doc), "--format", "concise", cwd=tmp_path)
    assert b"eisen.vage-term" in result.stdout and "intuïtief".encode() in result.stdout
    assert b"Windows-1252" in result.stderr
    assert f"{doc}:3:16:".encode() in result.stdout


def test_missing_file_exit_2(tmp_path):
    result = _run("check", str(tmp_path / "nergens.md"), cwd=tmp_path)
    assert result.returncode == 2 and b"bestaat niet" in result.stderr


def test_invalid_config_names_file_line_and_key(tmp_path):
    (tmp_path / "eislint.yaml").write_text("select: [eisen]\nfial-on: warning\n", encoding="utf-8")
    doc = tmp_path / "pve.md"
    doc.write_text(CLEAN, encoding="utf-8")
    result = _run("check", str(doc), cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "eislint.yaml:2: onbekende sleutel 'fial-on'" in err and "Traceback" not in err


def test_invalid_rule_file_names_file_and_line(tmp_path):
    pack = tmp_path / "regels" / "eigen"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: eigen\nbeschrijving: test\n", encoding="utf-8")
    (pack / "kapot.yaml").write_text(
        "id: eigen.kapot\ncheck: regex\ncategory: vaagheid\nlevel: warning\nscope: requirement\n"
        "message: x\npatterns: ['(']\ndocs: {wat: a, waarom: b, fout: c, goed: d, bron: e}\n",
        encoding="utf-8",
    )
    doc = tmp_path / "pve.md"
    doc.write_text(CLEAN, encoding="utf-8")
    result = _run("check", str(doc), "--rules-dir", str(tmp_path / "regels"), cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2 and "kapot.yaml:7: ongeldige reguliere expressie" in err and "Traceback" not in err


def test_debug_shows_traceback(tmp_path):
    (tmp_path / "eislint.yaml").write_text("onzin: 1\n", encoding="utf-8")
    doc = tmp_path / "pve.md"
    doc.write_text(CLEAN, encoding="utf-8")
    result = _run_subprocess("check", str(doc), "--debug", cwd=tmp_path)
    assert result.returncode != 0 and b"Traceback" in result.stderr


def test_rules_filters(run_cli):
    code, out, _ = run_cli("rules", "--category", "gelijkwaardigheid", "--format", "json")
    assert code == 0
    assert {r["category"] for r in json.loads(out)} == {"gelijkwaardigheid"}


def test_explain(run_cli):
    code, out, _ = run_cli("explain", "eisen.vage-term")
    assert code == 0 and "Waarom" in out and "Bron" in out and "gebruiksvriendelijk" in out
    code, _, err = run_cli("explain", "vage-term")
    assert code == 2 and "eisen.vage-term" in err


def test_init_writes_a_valid_config(run_cli, tmp_path):
    code, _, _ = run_cli("init")
    assert code == 0 and (tmp_path / "eislint.yaml").is_file()
    code, _, err = run_cli("init")
    assert code == 2 and "bestaat al" in err
    doc = tmp_path / "pve.md"
    doc.write_text(CLEAN, encoding="utf-8")
    result = _run("check", str(doc), "--format", "concise", cwd=tmp_path)
    # the starter config is valid, and its example tender values are comments: they never override
    # what the documents say (a tender of EUR 360,000 judged against a EUR 150,000 example)
    assert result.returncode in (0, 1) and b"eislint: fout" not in result.stderr
    from eislint.config import load_config
    from eislint.loader import all_rules

    tender = load_config(tmp_path / "eislint.yaml", all_rules()).tender
    assert (tender.contract_value, tender.business_critical, tender.personal_data, tender.domain) == (None,) * 4
    assert "#  contract_value: 150000" in (tmp_path / "eislint.yaml").read_text(encoding="utf-8")


def test_bundled_sample_from_readme():
    sample = ROOT / "corpora" / "lms-gemeente-zeedorp" / "concept-pve.md"
    result = _run("check", str(sample), "--format", "concise", cwd=ROOT)
    assert result.returncode == 1 and b"eisen.vage-term" in result.stdout


def test_stdin_filename_finds_the_config_of_that_file(tmp_path, run_cli):
    """The config is looked up from --stdin-filename, as for the file it stands for (editors and
    pre-commit pipe a buffer in with its name)."""
    (tmp_path / "deel").mkdir()
    (tmp_path / "deel" / "eislint.yaml").write_text("ignore: [eisen.vage-term]\n", encoding="utf-8")
    text = "# PvE\n\n## Eisen\n\nE1. Het LMS is gebruiksvriendelijk.\n"
    code, out, _ = run_cli(
        "check", "-", "--stdin-filename", "deel/pve.md", "--select", "eisen", "--format", "concise", input=text
    )
    assert "eisen.vage-term" not in out and code == 0
    code, out, _ = run_cli(
        "check", "-", "--stdin-filename", "pve.md", "--select", "eisen", "--format", "concise", input=text
    )
    assert "eisen.vage-term" in out


def test_no_color_is_honoured_on_a_terminal(tmp_path):
    """NO_COLOR (no-color.org) turns colours off even when stdout is a terminal."""
    import os
    import pty
    import subprocess
    import sys

    (tmp_path / "pve.md").write_text("# PvE\n\n## Eisen\n\nE1. Het LMS is gebruiksvriendelijk.\n", encoding="utf-8")

    def on_terminal(env: dict) -> bytes:
        leader, follower = pty.openpty()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "eislint", "check", "pve.md", "--select", "eisen.vage-term"],
                cwd=tmp_path,
                stdout=follower,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "TERM": "xterm-256color", **env},
            )
            os.close(follower)
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            proc.wait(timeout=120)
            return b"".join(chunks)
        finally:
            os.close(leader)

    env = {k: "" for k in ("NO_COLOR", "FORCE_COLOR")}
    coloured = on_terminal({**env, "NO_COLOR": ""})
    plain = on_terminal({**env, "NO_COLOR": "1"})
    assert b"gebruiksvriendelijk" in coloured and b"gebruiksvriendelijk" in plain
    assert b"\x1b[" in coloured
    assert b"\x1b[" not in plain
