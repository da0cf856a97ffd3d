"""Reading and segmenting Markdown and plain text: encodings, locations, sections, requirements, sentences."""

from __future__ import annotations

import pytest

from eislint import sentences
from eislint.readers import ReadError, read_bytes
from eislint.segment import classify, segment


def _doc(text: str | bytes, suffix: str = ".md"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return segment(read_bytes(f"t{suffix}", data, suffix))


@pytest.mark.parametrize(
    "data",
    [
        b"## Eisen\n\nE1. Het LMS is snel.\n",
        b"\xef\xbb\xbf## Eisen\r\n\r\nE1. Het LMS is snel.\r\n",
        "## Eisen\n\nE1. Het LMS is snel.\n".encode("utf-16"),
    ],
)
def test_encodings_and_line_ends_keep_locations(data):
    doc = _doc(data)
    req = doc.requirements[0]
    assert doc.text[req.start : req.end] == "Het LMS is snel."
    assert doc.line_col(req.start) == (3, 5)


@pytest.mark.parametrize(
    "title, kind",
    [
        ("1. Aanleiding", "aanleiding"),
        ("Huidige situatie", "aanleiding"),
        ("2. Doelstellingen", "doelstelling"),
        ("3. Selectie- en geschiktheidseisen", "randvoorwaarden"),
        ("Selectie-eisen", "randvoorwaarden"),
        ("Kwalificatie-eisen", "randvoorwaarden"),
        ("4.1 Functionele eisen", "eisen"),
        ("Uitsluitingsgronden", "randvoorwaarden"),
        ("4. Programma van Eisen", "eisen"),
        ("4.2 Wensen", "wensen"),
        ("Eisen en wensen", "eisen"),
        ("5. Gunningscriteria", "gunning"),
        ("Beste prijs-kwaliteitverhouding", "gunning"),
        ("6. Kwaliteitsborging en SLA", "kwaliteit"),
        ("7. Implementatieplan", "implementatie"),
        ("Hoofdstuk 8 Concept-overeenkomst", "contract"),
        ("5.3 Subcriteria kwaliteit", "gunning"),
        ("Kwaliteitscriteria", "gunning"),
        ("Selectiecriteria", "randvoorwaarden"),
        ("Bijlage 2 Prijsblad", "prijs"),
        ("Begrippen", "overig"),
    ],
)
def test_section_classification(title, kind):
    assert classify(title) == kind


def test_plain_text_numbered_headings_and_ids():
    text = (
        "Hoofdstuk 1 Aanleiding\n\nDe gemeente zoekt een LMS.\n\n4. Programma van eisen\n\n"
        "4.1 Functionele eisen\n\nE1. Het LMS moet SCORM ondersteunen.\nKO-3. Het LMS draait in de EER.\n"
        "W-12. Het LMS heeft bij voorkeur een app.\n\nBijlage 2 Prijsblad\n\nPrijzen excl. btw.\n"
    )
    doc = _doc(text, ".txt")
    titles = [(s.title, s.kind, s.level) for s in doc.sections if s.heading]
    assert titles == [
        ("Hoofdstuk 1 Aanleiding", "aanleiding", 1),
        ("4. Programma van eisen", "eisen", 1),
        ("4.1 Functionele eisen", "eisen", 2),
        ("Bijlage 2 Prijsblad", "prijs", 1),
    ]
    assert [(r.id, r.kind) for r in doc.requirements] == [("E1", "eis"), ("KO-3", "knock-out"), ("W-12", "wens")]


def test_markdown_requirements_lists_tables_and_kinds():
    text = (
        "# PvE\n\n## Eisen\n\n1. Het LMS ondersteunt SCORM.\n2. Het LMS ondersteunt xAPI (knock-out).\n\n"
        "Eis 3.2: Het LMS dient LTI 1.3 te ondersteunen.\nR01 - Het LMS draait in de EER.\n\n"
        "| Nr | Type | Omschrijving | Weging |\n|---|---|---|---|\n| W-1 | Wens | Een app. | 5 |\n"
        "| E-9 | Must | Exporteren naar CSV. | |\n| TO-1 | Te ontwikkelen | AI-samenvattingen. | 10 |\n\n"
        "## Wensen\n\n- Ondertiteling bij video's.\n\n## Doelstelling\n\n- 80% volgt een e-learning.\n"
    )
    doc = _doc(text)
    got = [(r.id, r.kind, r.weight) for r in doc.requirements]
    assert got == [
        ("1", "eis", None),
        ("2", "knock-out", None),
        ("Eis 3.2", "eis", None),
        ("R01", "eis", None),
        ("W-1", "wens", "5"),
        ("E-9", "eis", None),
        ("TO-1", "te-ontwikkelen", "10"),
        (None, "wens", None),
        (None, "doel", None),
    ]
    table_req = doc.requirements[4]
    assert doc.text[table_req.start : table_req.end] == "Een app."


def test_markup_is_masked_but_offsets_stay():
    doc = _doc("## Eisen\n\nE1. Het **LMS** is [snel](https://x.nl).\n")
    req = doc.requirements[0]
    assert " ".join(doc.clean(req.start, req.end).split()) == "Het LMS is snel ."
    assert len(doc.clean(req.start, req.end)) == req.end - req.start


@pytest.mark.parametrize(
    "data, message", [(b"", "leeg"), (b"\x00\x01\x02abc", "binair"), (b"\x81\x8d\xff", "codering")]
)
def test_bad_bytes(data, message):
    with pytest.raises(ReadError, match=message):
        read_bytes("x.md", data, ".md")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "De gemeente wil o.a. een LMS. Dit staat in art. 2.76 lid 5. Zie blz. 4 voor meer.",
            ["De gemeente wil o.a. een LMS.", "Dit staat in art. 2.76 lid 5.", "Zie blz. 4 voor meer."],
        ),
        (
            "Het LMS ondersteunt bijv. SCORM, m.b.t. rapportage i.v.m. de AVG. Daarnaast c.q. verder xAPI.",
            ["Het LMS ondersteunt bijv. SCORM, m.b.t. rapportage i.v.m. de AVG.", "Daarnaast c.q. verder xAPI."],
        ),
        (
            "3. Het LMS moet SCORM ondersteunen. Het moet ook xAPI ondersteunen!",
            ["3. Het LMS moet SCORM ondersteunen.", "Het moet ook xAPI ondersteunen!"],
        ),
        (
            "E1. Het LMS, d.w.z. de leeromgeving, e.d. zijn beschikbaar. Nr. 4 volgt.",
            ["E1. Het LMS, d.w.z. de leeromgeving, e.d. zijn beschikbaar.", "Nr. 4 volgt."],
        ),
        ("Prijs € 250.000,- excl. BTW. Looptijd 3 jaar.", ["Prijs € 250.000,- excl. BTW.", "Looptijd 3 jaar."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert [text[s.start : s.end] for s in sentences.split(text)] == expected
