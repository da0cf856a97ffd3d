"""The hostile-input battery: every input that once crashed, hung, ate memory or failed
silently. Each gets one clear Dutch line naming the file (exit 2 for a broken file), the other
files are still checked, and there is no traceback. Inputs are generated here; everything runs in
seconds. Time and memory at scale are measured in bench/bench_hostile.py, never asserted here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT

GOOD = "# PvE\n\n## Eisen\n\nE1. Het LMS is gebruiksvriendelijk.\n"
SELECT = ("--select", "eisen.vage-term", "--format", "concise")


@pytest.fixture
def tender(tmp_path) -> Path:
    (tmp_path / "goed.md").write_text(GOOD, encoding="utf-8")
    return tmp_path


def _one_line_about(err: str, name: str, *words: str) -> str:
    mine = [line for line in err.splitlines() if name in line]
    assert len(mine) == 1, err
    assert mine[0].startswith(("eislint: fout: ", "eislint: let op: ")), mine[0]
    for word in words:
        assert word in mine[0], mine[0]
    assert "Traceback" not in err
    return mine[0]


def _good_checked(out: str) -> None:
    assert re.search(r"goed\.md:5:16: (warning|waarschuwing) eisen\.vage-term", out), out


# ---------------------------------------------------------------- sizes and streams


def test_paragraph_longer_than_the_parser_accepts(tender, run_cli):
    """spaCy refuses texts over nlp.max_length (E088); that once aborted the whole run with an
    English error naming no file. (Only a rule that reads the parse runs the parser.)"""
    (tender / "lang.md").write_text("# PvE\n\n## Eisen\n\nE1. " + "woord " * 170_000 + "\n", encoding="utf-8")
    code, out, err = run_cli(
        "check", "lang.md", "goed.md", "--select", "eisen.vage-term,eisen.samengesteld", "--format", "concise"
    )
    assert code == 2
    _good_checked(out)
    _one_line_about(err, "lang.md", "fout", "regel 5", "1.020.003 tekens", "1.000.000")


def test_device_named_as_a_path(tender, run_cli):
    code, out, err = run_cli("check", "/dev/zero", "goed.md", *SELECT)
    assert code == 2
    _good_checked(out)
    _one_line_about(err, "/dev/zero", "apparaat")


def test_stdin_is_read_up_to_the_size_limit(tender):
    """A never-ending stdin (a pipe from /dev/zero) is cut off at max-bestandsgrootte."""
    (tender / "eislint.yaml").write_text("max-bestandsgrootte: 1\n", encoding="utf-8")
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "eislint", "check", "-", "goed.md", *SELECT],
            stdin=zero,
            cwd=tender,
            capture_output=True,
            timeout=300,
        )
    err = result.stderr.decode()
    assert result.returncode == 2
    _good_checked(result.stdout.decode())
    _one_line_about(err, "-:", "te groot", "1 MB")


def test_fifo_without_writer_named_on_the_command_line(tender, run_cli, monkeypatch):
    from eislint import readers

    monkeypatch.setattr(readers, "FIFO_WAIT", 0.3)
    os.mkfifo(tender / "pijp.md")
    code, out, err = run_cli("check", "pijp.md", "goed.md", *SELECT)
    assert code == 2
    _good_checked(out)
    _one_line_about(err, "pijp.md", "named pipe", "schrijver")


def test_fifo_with_a_writer_is_read(tender, run_cli):
    """As with `eislint check <(command)`: the writer may start a little later."""
    os.mkfifo(tender / "pijp.md")

    def write():
        time.sleep(0.3)
        (tender / "pijp.md").write_text(GOOD, encoding="utf-8")

    writer = threading.Thread(target=write)
    writer.start()
    code, out, err = run_cli("check", "pijp.md", *SELECT)
    writer.join()
    assert code == 0 and re.search(r"pijp\.md:5:16: \w+ eisen\.vage-term", out), err


def test_fifo_inside_a_folder_is_skipped(tender, run_cli):
    os.mkfifo(tender / "pijp.md")
    code, out, err = run_cli("check", ".", *SELECT)
    assert code == 0
    _good_checked(out)


def test_output_into_a_missing_folder_fails_before_the_run(tender, run_cli, monkeypatch):
    import eislint.engine

    def never(*args, **kwargs):
        raise AssertionError("the run started")

    monkeypatch.setattr(eislint.engine, "lint_paths", never)
    code, out, err = run_cli("check", "goed.md", "--format", "sarif", "-o", "rapport/eislint.sarif")
    assert code == 2
    _one_line_about(err, "rapport/eislint.sarif", "map 'rapport' bestaat niet")
    code, _, err = run_cli("baseline", "goed.md", "-o", "weg/baseline.json")
    assert code == 2 and "map 'weg' bestaat niet" in err
    code, _, err = run_cli("check", "goed.md", "-o", ".")
    assert code == 2 and "is een map" in err


# ---------------------------------------------------------------- links and permissions


def test_symlink_loop_in_a_folder_and_on_the_command_line(tender, run_cli):
    (tender / "a.md").symlink_to(tender / "b.md")
    (tender / "b.md").symlink_to(tender / "a.md")
    (tender / "weg.md").symlink_to(tender / "bestaat-niet.md")
    code, out, err = run_cli("check", ".", *SELECT)
    assert code == 0
    _good_checked(out)
    _one_line_about(err, "a.md", "let op", "lus", "overgeslagen")
    _one_line_about(err, "weg.md", "let op", "niet bestaat")
    code, out, err = run_cli("check", "a.md", "goed.md", *SELECT)
    assert code == 2
    _good_checked(out)
    _one_line_about(err, "a.md", "fout", "lus")


def test_unreadable_file_named_on_the_command_line(tender, run_cli, monkeypatch):
    """Click refused it with its English 'is not readable' and checked nothing. As root every file
    is readable: then what an unprivileged user meets (os.access and open failing) is simulated."""
    secret = tender / "geheim.md"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    if os.geteuid() == 0:
        real_access, real_open = os.access, os.open

        def access(path, mode, *args, **kwargs):
            return False if Path(path).resolve() == secret.resolve() else real_access(path, mode, *args, **kwargs)

        def open_(path, flags, *args, **kwargs):
            if Path(path).resolve() == secret.resolve():
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "access", access)
        monkeypatch.setattr(os, "open", open_)
    code, out, err = run_cli("check", "geheim.md", "goed.md", *SELECT)
    assert code == 2
    _good_checked(out)
    _one_line_about(err, "geheim.md", "fout", "geen leesrechten")


# ---------------------------------------------------------------- configuration and baseline


def _alias_bomb() -> str:
    text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    previous = "a"
    for name in "bcdefghi":
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (_alias_bomb(), ("eislint.yaml:1", "billion laughs")),
        ("rules: " + "[" * 5000 + "]" * 5000 + "\n", ("eislint.yaml", "te diep genest")),
        ("x:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 200)), ("eislint.yaml", "te diep genest")),
        ("ignore: [eisen.vage-trem]\n", ("eislint.yaml:1", "Bedoelt u 'eisen.vage-term'?")),
        (
            "format: xml\n",
            (
                "eislint.yaml:1",
                "uitvoerformaat 'xml'",
                "kies",
            ),
        ),
        ("fail-on: warnings\n", ("eislint.yaml:1", "Bedoelt u 'warning'?")),
        ("tender:\n  bedrijfskritisch: true\n", ("eislint.yaml:2", "onbekende sleutel 'bedrijfskritisch'")),
        ("slect: [eisen]\n", ("eislint.yaml:1", "Bedoelt u 'select'?")),
        ("rules:\n  eisen.lange-eis: {maks: 40}\n", ("eislint.yaml:2", "onbekende optie 'maks'", "Bedoelt u 'max'?")),
        ("per-path-ignores:\n  12: [eisen]\n", ("eislint.yaml:2", "patroon '12'")),
    ],
)
def test_bad_eislint_yaml(tender, run_cli, content, words):
    (tender / "eislint.yaml").write_text(content, encoding="utf-8")
    code, out, err = run_cli("check", "goed.md", *SELECT)
    assert code == 2 and out == ""
    line = _one_line_about(err, "eislint.yaml", *[w for w in words if w != "kies"])
    if "kies" in words:
        assert "sarif" in line


def test_invalid_pyproject_with_tool_eislint_is_an_error(tender, run_cli):
    """It was silently ignored: the defaults applied and the exit code was 1, not 2."""
    (tender / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.eislint]\nignore = [eisen.vage-term]\n', encoding="utf-8"
    )
    code, out, err = run_cli("check", "goed.md", *SELECT)
    assert code == 2 and out == ""
    _one_line_about(err, "pyproject.toml:5", "ongeldige TOML (regel 5")


def test_invalid_pyproject_without_tool_eislint_is_not_ours(tender, run_cli):
    (tender / "pyproject.toml").write_text('[project\nname = "x"\n', encoding="utf-8")
    code, out, _ = run_cli("check", "goed.md", *SELECT)
    assert code == 0
    _good_checked(out)


def test_pyproject_errors_name_the_line(tender, run_cli):
    (tender / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.eislint]\nfail-on = "error"\n\n[tool.eislint.rules]\n'
        '"eisen.lange-eis" = { level = "fout" }\n',
        encoding="utf-8",
    )
    code, _, err = run_cli("check", "goed.md", *SELECT)
    assert code == 2
    _one_line_about(err, "pyproject.toml:8", "'fout'", "[tool.eislint]")


def test_deep_baseline_json(tender, run_cli):
    (tender / "baseline.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, out, err = run_cli("check", "goed.md", "--baseline", "baseline.json", *SELECT)
    assert code == 2
    _one_line_about(err, "baseline.json", "te diep genest")
    (tender / "baseline.json").write_text(
        '{"schema": "eislint-baseline/1", "findings": [' + "1" * 5000 + "]}", encoding="utf-8"
    )
    code, out, err = run_cli("check", "goed.md", "--baseline", "baseline.json", *SELECT)
    assert code == 2
    _one_line_about(err, "baseline.json", "geen geldig baselinebestand")


# ---------------------------------------------------------------- content


def test_markdown_nested_deeper_than_the_parser_goes(tender, run_cli):
    """markdown-it drops blocks nested deeper than 20 levels without a word."""
    (tender / "diep.md").write_text(
        "# PvE\n\n## Eisen\n\n"
        + "> " * 10_000
        + "E1. Het LMS is snel.\n\n"
        + "".join("  " * i + "- punt\n" for i in range(40))
        + "  " * 40
        + "- E2. Het LMS is gebruiksvriendelijk.\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("check", "diep.md", *SELECT)
    assert code == 0
    assert "'snel'" in out and "'gebruiksvriendelijk'" in out
    _one_line_about(err, "diep.md", "let op", "dieper genest", "gewone tekst")


def test_csv_cell_over_the_csv_field_limit(tender, run_cli):
    (tender / "pve.csv").write_text("Nr;Omschrijving\nE1;" + "woord " * 30_000 + "\n", encoding="utf-8")
    code, out, err = run_cli("check", "pve.csv", "goed.md", *SELECT)
    assert code == 2
    _good_checked(out)
    _one_line_about(err, "pve.csv", "fout", "cel", "tekens")


def test_control_characters_in_a_file_name(tender, run_cli):
    (tender / "map\nmet regeleinde").mkdir()
    (tender / "map\nmet regeleinde" / "pve.md").write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli("check", ".", *SELECT)
    assert code == 0
    lines = out.splitlines()
    assert re.search(r"map\\nmet regeleinde/pve\.md:5:16: \w+ eisen\.vage-term", out), out
    assert len(lines) == 3  # two findings, one summary


def test_empty_folder_says_so(tmp_path, run_cli):
    (tmp_path / "leeg").mkdir()
    code, out, err = run_cli("check", "leeg", *SELECT)
    assert code == 0
    assert "geen documenten gevonden" in err


# ---------------------------------------------------------------- command line


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("chek", "goed.md"), ("onbekende opdracht 'chek'", "Bedoelt u een van: 'cache', 'check'?")),
        (("check", "goed.md", "--formaat", "json"), ("onbekende optie '--formaat'", "Bedoelt u '--format'?")),
        (("check", "goed.md", "--format", "xml"), ("ongeldige waarde voor '--format'", "'xml'", "sarif")),
        (("check", "goed.md", "--fail-on", "ernstig"), ("ongeldige waarde voor '--fail-on'",)),
        (("check", "goed.md", "--select", "eisen.vage-trem"), ("Bedoelt u 'eisen.vage-term'?",)),
        (("check", "goed.md", "--config", "."), ("'--config'", "is een map")),
        (("check", "goed.md", "--config", "weg.yaml"), ("weg.yaml",)),
        (("check", "goed.md", "--rules-dir", "goed.md"), ("'--rules-dir'", "is een bestand")),
        (("annotate",), ("ontbrekend argument 'BESTAND'",)),
        (("explain", "eisen.vage-trem"), ("onbekende regel 'eisen.vage-trem'", "Bedoelt u 'eisen.vage-term'?")),
    ],
)
def test_cli_values_one_dutch_line(tender, run_cli, args, words):
    code, out, err = run_cli(*args)
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("eislint: fout: "), err
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]
    for english in ("Error", "Usage", "Invalid value", "No such", "does not exist", "is a directory"):
        assert english not in err


# ---------------------------------------------------------------- scale (counted, never timed)


def test_work_per_document_does_not_grow_with_the_bundle(tmp_path, monkeypatch):
    """5,000 small files in one folder took over 120 s (250/500/1,000: 3.9/6.9/25.9 s): rules that
    judge the whole tender ran for every document and each scanned every document. Counted here
    (text reads and documents compared), for 15 and 30 documents: twice the documents must be
    about twice the work, not four times. bench/bench_hostile.py measures the time."""
    from eislint.checks import required
    from eislint.document import Document
    from eislint.engine import RunOptions, lint_paths

    work = {"clean": 0, "compared": 0}
    real_clean = Document.clean

    def clean(self, start, end):
        work["clean"] += 1
        return real_clean(self, start, end)

    def counting_max(items, *args, **kwargs):
        items = list(items)
        work["compared"] += len(items)
        return max(items, *args, **kwargs)

    monkeypatch.setattr(Document, "clean", clean)
    monkeypatch.setattr(required, "max", counting_max, raising=False)

    def run(n: int) -> dict[str, int]:
        folder = tmp_path / f"map{n}"
        folder.mkdir()
        for i in range(1, n + 1):
            (folder / f"deel{i}.md").write_text(f"# Deel {i}\n\n## Eisen\n\nE{i}. Het LMS is snel.\n", encoding="utf-8")
        work.update(clean=0, compared=0)
        report = lint_paths([str(folder)], RunOptions(nlp_model="blank"))
        assert len(report.documents) == n
        return dict(work)

    small, large = run(15), run(30)
    for key in work:
        assert large[key] <= 2.4 * max(small[key], 1), (key, small, large)


def test_too_many_cells_to_parse(tmp_path, run_cli, monkeypatch):
    """A CSV of 10,000 columns (200 KB) peaked at 1.2 GB: every cell becomes a spaCy Doc."""
    from eislint import engine

    monkeypatch.setattr(engine, "MAX_PARSE_UNITS", 50)
    (tmp_path / "goed.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "breed.csv").write_text(
        "Nr;Omschrijving;"
        + ";".join(f"K{i}" for i in range(60))
        + "\n"
        + "E1;Het LMS is snel;"
        + ";".join("ja" for _ in range(60))
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(
        "check", "breed.csv", "goed.md", "--select", "eisen.vage-term,eisen.samengesteld", "--format", "concise"
    )
    assert code == 2
    _good_checked(out)
    _one_line_about(err, "breed.csv", "62 alinea's en cellen", "meer dan 50")


def test_parse_batches_are_cut_by_characters(monkeypatch):
    """64 cells of 32,767 characters in one nlp.pipe batch took gigabytes (an .xlsx of 300 such
    cells peaked at 2.1 GB): batches are cut at MAX_BATCH_CHARS."""
    from eislint import analysis

    units = [analysis.ParseUnit(0, n, "x" * n) for n in (30_000, 40_000, 40_000, 10, 10, 90_000, 5)]
    sizes = [[len(u.text) for u in batch] for batch in analysis._batches(units, batch_size=64)]
    assert sizes == [[30_000, 40_000], [40_000, 10, 10], [90_000, 5]]
    assert all(len(b) <= 2 for b in analysis._batches([analysis.ParseUnit(0, 1, "x")] * 5, batch_size=2))


def test_no_rewrite_of_a_giant_sentence_per_finding(lint):
    """An .xlsx of 300 cells of 32,767 characters reached 4 GB in the rule stage: every finding
    kept its own rewritten copy of the whole cell. A sentence longer than MAX_REWRITE_CHARS gets
    no rewrite; a normal one still does."""
    from eislint import engine

    long = "E1. Het LMS ondersteunt indien mogelijk SAML 2.0 " + "en nog een woord " * 300 + ".\n"
    short = "E2. Het LMS ondersteunt indien mogelijk SAML 2.0.\n"
    report = lint("# PvE\n\n## Eisen\n\n" + long + "\n" + short, select=["eisen.ontsnappingsclausule"])
    by_line = {f.line: f for f in report.findings}
    assert len(long) > engine.MAX_REWRITE_CHARS
    assert by_line[5].rewrite is None
    assert by_line[7].rewrite == "Het LMS ondersteunt SAML 2.0."


def _pdf_mapping_a_glyph_to_a_surrogate(path: Path, text: str) -> None:
    """A one-page PDF whose font's ToUnicode map gives the glyph 'Q' the lone surrogate U+D800."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def "
        b"/CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <51> <D800> "
        b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))


@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
def test_a_pdf_font_mapping_a_glyph_to_a_lone_surrogate(tender, run_cli, cache):
    """pypdf passes a surrogate from a ToUnicode map on; spaCy (and UTF-8) refused it and the whole
    run stopped with an internal error. It is read as U+FFFD and the requirement is checked."""
    _pdf_mapping_a_glyph_to_a_surrogate(tender / "eis.pdf", "De leverancier moet zo snel mogelijk Q reageren.")
    code, out, err = run_cli("check", "eis.pdf", "goed.md", "--format", "concise", *([] if cache else ["--no-cache"]))
    assert "interne fout" not in err and "Traceback" not in err
    assert code == 0 and "eis.pdf:1:21: waarschuwing eisen.ontsnappingsclausule" in out, out
    _good_checked(out)


@pytest.mark.parametrize("stage", ["annotate", "check"])
def test_an_internal_error_on_one_document_costs_only_that_document(tender, run_cli, monkeypatch, stage):
    """Whatever a document's content sets off inside the analysis or a rule: one line naming the
    file, exit 2, and the other files still get their report (with --debug: the traceback)."""
    from eislint import analysis, engine

    (tender / "vreemd.md").write_text(GOOD.replace("gebruiksvriendelijk", "snel"), encoding="utf-8")

    def trips_on_vreemd(real):
        def wrapped(*args, **kwargs):
            docs = args[0] if stage == "annotate" else [args[0]]
            if any(d.path.endswith("vreemd.md") for d in docs):
                raise ValueError("onverwacht\nop twee regels")
            return real(*args, **kwargs)

        return wrapped

    if stage == "annotate":
        monkeypatch.setattr(engine, "analyse", trips_on_vreemd(analysis.analyse))
    else:
        monkeypatch.setattr(engine, "check_document", trips_on_vreemd(engine.check_document))
    monkeypatch.setenv("EISLINT_CACHE_DIR", str(tender / "cache"))
    for _ in range(2):  # the second run checks again: an internal error is never kept in the cache
        code, out, err = run_cli("check", "vreemd.md", "goed.md", *SELECT)
        assert code == 2
        _good_checked(out)
        line = _one_line_about(err, "vreemd.md", "fout", "interne fout", "ValueError: onverwacht", "--debug")
        assert "twee regels" not in line
    assert not list((tender / "cache" / "results-v1").rglob("*.json.z"))
    with pytest.raises(ValueError):
        run_cli("check", "vreemd.md", "goed.md", *SELECT, "--no-cache", "--debug")


def test_a_document_whose_analysis_fails_stays_in_its_bundle(tmp_path, monkeypatch):
    """The other documents of the bundle are judged as before: a PvE that could not be analysed
    still holds the exit arrangement, so no 'exit ontbreekt' appears on the SLA."""
    from eislint import analysis, engine
    from eislint.engine import RunOptions, lint_paths

    bundle = tmp_path / "aanbesteding"
    shutil.copytree(ROOT / "corpora" / "ehrm-gemeente-wolderveen", bundle)
    before = lint_paths([str(bundle)], RunOptions())
    real = analysis.analyse

    def fails_with_the_pve(documents, *args, **kwargs):
        if len(documents) == 1 and "programma-van-eisen" in documents[0].path:
            raise ValueError("kapot")
        if len(documents) > 1:
            raise ValueError("de stroom van alle documenten")
        return real(documents, *args, **kwargs)

    monkeypatch.setattr(engine, "analyse", fails_with_the_pve)
    after = lint_paths([str(bundle)], RunOptions())
    (error,) = after.errors
    assert "programma-van-eisen" in error.path and error.internal
    others = [f for f in before.findings if "programma-van-eisen" not in f.path]
    assert others and after.findings == others
