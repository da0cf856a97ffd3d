"""Property-based tests: generated tender-like documents (Markdown headings, requirements, pipe
tables, suppression comments, random Unicode, CRLF, several encodings) through the whole engine.

- no exception, whatever the text;
- every finding's line and column lie inside the document;
- the JSON and SARIF reports are valid;
- `--fix --unsafe-fixes` is idempotent, changes nothing outside the fixed spans, and keeps the
  encoding (BOM included) and the line endings.

The default run is short (CI); EISLINT_HYPOTHESIS_EXAMPLES=2000 makes a long one.
"""

from __future__ import annotations

import io
import json
import os

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conftest import ROOT  # noqa: E402

EXAMPLES = int(os.environ.get("EISLINT_HYPOTHESIS_EXAMPLES", "25"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="EISLINT_HYPOTHESIS_SEED" not in os.environ,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)

TITLES = [
    "Aanleiding",
    "Doelstelling",
    "Programma van Eisen",
    "Eisen",
    "Wensen",
    "Gunning",
    "Kwaliteit",
    "Implementatie",
    "Contract",
    "Prijs",
    "Bijlage 2",
    "Exit",
]
PHRASES = [
    "Het LMS is gebruiksvriendelijk",
    "De leverancier ondersteunt indien mogelijk SAML 2.0",
    "Rapportages gaan naar Excel en/of PDF",
    "De leverancier is gecertificeerd volgens ISO 27001",
    "De leverancier levert een ISAE 3402 type II-verklaring",
    "Het LMS toont de de voortgang",
    "Het LMS werkt met Microsoft Teams",
    "Medewerkers  zien hun eigen overzicht",
    "Op de overeenkomst is GIBIT 2020 van toepassing",
    "De oplossing voldoet aan WCAG 2.0 AA",
    "De gegevens worden opgeslagen",
    "Het LMS moet snel zijn",
    "De opdrachtnemer levert de gegevens terug bij beëindiging",
    "Kwaliteit weegt 60%, prijs weegt 40%",
    "De looptijd is 2 jaar",
    "Het systeem reageert binnen 2 seconden",
    "dat dat klopt",
]
SUPPRESSIONS = [
    "<!-- eislint: negeer eisen.vage-term -- reden: gedefinieerd in bijlage 2 -->",
    "<!-- eislint: negeer eisen -->",
    "<!-- eislint: negeer-begin vaagheid -- reden: citaat -->",
    "<!-- eislint: negeer-einde -->",
    "<!-- eislint: onzin -->",
]
unicode_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
words = st.one_of(st.sampled_from(PHRASES), unicode_text)


@st.composite
def sentence(draw) -> str:
    text = " ".join(draw(st.lists(words, min_size=1, max_size=3)))
    return text + draw(st.sampled_from([".", "", ";", "!", " ."]))


@st.composite
def block(draw, n: int) -> str:
    kind = draw(st.sampled_from(["heading", "req", "req", "list", "table", "comment", "para", "quote", "raw"]))
    if kind == "heading":
        return "#" * draw(st.integers(1, 3)) + " " + draw(st.sampled_from(TITLES))
    if kind == "req":
        prefix = draw(st.sampled_from(["E", "W", "KO-", "Eis ", "R"]))
        return f"{prefix}{n}. {draw(sentence())}"
    if kind == "list":
        return "\n".join(f"- {draw(sentence())}" for _ in range(draw(st.integers(1, 3))))
    if kind == "table":
        rows = [
            f"| E{n}.{i} | {draw(sentence()).replace('|', '/')} | {draw(st.sampled_from(['Eis', 'Wens', 'M', '']))} |"
            for i in range(draw(st.integers(1, 3)))
        ]
        return "\n".join(["| Nr | Omschrijving | Soort |", "|---|---|---|", *rows])
    if kind == "comment":
        return draw(st.sampled_from(SUPPRESSIONS))
    if kind == "quote":
        return "> " + draw(sentence())
    if kind == "raw":
        return draw(unicode_text)
    return draw(sentence())


@st.composite
def document(draw) -> str:
    blocks = [draw(block(n)) for n in range(1, draw(st.integers(1, 8)) + 1)]
    joiner = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"]))
    return joiner.join(blocks) + draw(st.sampled_from(["\n", "", "\n\n"]))


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _check_locations(report, texts: dict[str, str]) -> None:
    for f in report.findings:
        lines = _lines(texts[f.path])
        assert 1 <= f.line <= len(lines), f
        assert 1 <= f.end_line <= len(lines) and (f.end_line, f.end_column) >= (f.line, f.column), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, f
        assert 0 <= f.start <= f.end <= len("\n".join(lines)), f


@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@SETTINGS
@given(text=document(), suffix=st.sampled_from([".md", ".txt"]))
def test_any_document_gives_valid_findings_and_reports(text, suffix, sarif_validator):
    from eislint.engine import RunOptions, lint_paths
    from eislint.formatters import FORMATTERS

    report = lint_paths(["-"], RunOptions(stdin_name=f"pve{suffix}"), stdin=text.encode("utf-8"))
    if report.errors:  # only 'empty' and 'no text' are allowed to refuse a generated text
        assert all(("leeg" in e.message or "geen tekst" in e.message) for e in report.errors), report.errors
        return
    _check_locations(report, {f"pve{suffix}": text})
    for name in ("json", "sarif", "concise", "gitlab", "junit", "github"):
        out = io.StringIO()
        FORMATTERS[name](report, out, False)
        if name in ("json", "sarif", "gitlab"):
            data = json.loads(out.getvalue())
            if name == "sarif":
                errors = list(sarif_validator.iter_errors(data))
                assert not errors, errors[0].message
        if name == "concise":
            assert len(out.getvalue().splitlines()) == len(report.findings) + 1


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]


@SETTINGS
@given(text=document(), encoding=st.sampled_from(ENCODINGS), crlf=st.booleans())
def test_fix_is_idempotent_local_and_keeps_encoding_and_line_ends(text, encoding, crlf, tmp_path_factory):
    from eislint import fixes
    from eislint.engine import RunOptions, lint_paths

    text = text.replace("\r", "")
    raw = text.replace("\n", "\r\n") if crlf else text
    try:
        data = raw.encode(encoding)
    except UnicodeEncodeError:
        hypothesis.assume(False)
    if encoding == "cp1252":  # a cp1252 file must not accidentally be valid UTF-8 for this test's expectations
        try:
            data.decode("utf-8")
            hypothesis.assume(not any(ord(c) > 127 for c in text))
        except UnicodeDecodeError:
            pass
    folder = tmp_path_factory.mktemp("fix")
    path = folder / "pve.md"
    path.write_bytes(data)
    options = RunOptions()

    def fix_once() -> fixes.FixResult:
        report = lint_paths([str(path)], options)
        result = fixes.plan(report, options, unsafe=True)
        fixes.write(result)
        return result

    first = fix_once()
    after = path.read_bytes()
    if not first.applied:
        assert after == data
        return
    # encoding and BOM kept, line ends kept
    bom = {"utf-8-sig": b"\xef\xbb\xbf", "utf-16": data[:2]}.get(encoding, b"")
    assert after.startswith(bom)
    codec = {"utf-8-sig": "utf-8", "utf-16": "utf-16"}.get(encoding, encoding)
    new_text = after.decode(codec).lstrip("\ufeff") if codec != "utf-16" else after.decode("utf-16")
    old_text = raw
    if crlf:
        assert "\n" not in new_text.replace("\r\n", "")
    else:
        assert "\r" not in new_text
    # nothing changed outside the fixed spans: the new text is the old one with exactly the applied
    # edits (as the fixer tidies them: a deletion between two spaces takes one along)
    old_lf, new_lf = old_text.replace("\r\n", "\n"), new_text.replace("\r\n", "\n")
    # round by round: a fix may uncover another ('B  B.' -> 'B B.' -> 'B.')
    expected = old_lf
    for done in first.files[0].rounds:
        edits = [fixes._tidy(expected, e) for f in done for e in f.fix.edits]
        expected = fixes._apply(expected, edits)[0]
    assert expected == new_lf
    # idempotent: a second run changes nothing that the first did not already settle
    second = fix_once()
    assert path.read_bytes() == after, (second.applied, after, path.read_bytes())
