"""A tender bundle of real file types, checked in one command: Word leidraad, Excel PvE, a Word
table variant of the PvE, an Excel price sheet and a PDF contract, all generated here."""

from __future__ import annotations

import json

import pytest
from support.files import docx_bytes, make_pdf, xlsx_bytes

pytest.importorskip("docx")
pytest.importorskip("openpyxl")


def _leidraad(d):
    d.add_heading("Leidraad aanbesteding leerplatform", 0)
    d.add_heading("1 Aanleiding", 1)
    d.add_paragraph(
        "De gemeente heeft 900 medewerkers en gebruikt nu een verouderd leerplatform. In de gewenste"
        " situatie vinden alle medewerkers hun leeraanbod op één plek."
    )
    d.add_heading("2 Doelstelling", 1)
    d.add_paragraph("Binnen 12 maanden na livegang heeft 90% van de medewerkers de e-learning Privacy afgerond.")
    d.add_heading("3 Geschiktheidseisen", 1)
    d.add_paragraph("De inschrijver is gecertificeerd volgens ISO 9001.")
    d.add_heading("4 Gunning", 1)
    d.add_paragraph(
        "De opdracht wordt gegund op basis van de beste prijs-kwaliteitverhouding volgens de gewogen"
        " factorenmethode. Kwaliteit weegt 70% en prijs 30%."
    )
    d.add_heading("5 Kwaliteitsborging", 1)
    d.add_paragraph("De opdrachtnemer rapporteert elk kwartaal over de afgesproken servicenormen.")
    d.add_heading("6 Implementatie", 1)
    d.add_paragraph("De inschrijver beschrijft een implementatieplan met fasering en training.")


def _pve_table(d):
    d.add_heading("Programma van Eisen (tabel)", 1)
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ("Nr", "Eis/Wens", "Omschrijving"),
            ("E20", "Eis", "Het leerplatform is gebruiksvriendelijk."),
            ("W20", "Wens", "Het leerplatform biedt een app."),
        ]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def _bundle(tmp_path):
    folder = tmp_path / "aanbesteding"
    folder.mkdir()
    (folder / "leidraad.docx").write_bytes(docx_bytes(_leidraad))
    (folder / "pve-tabel.docx").write_bytes(docx_bytes(_pve_table))
    (folder / "pve.xlsx").write_bytes(
        xlsx_bytes(
            {
                "PvE": [
                    ["Nr", "Eis/Wens", "Omschrijving", "Toelichting"],
                    ["E1", "Eis", "Het leerplatform ondersteunt SCORM 1.2 en xAPI.", None],
                    ["E2", "Eis", "Het leerplatform is snel.", "zie bijlage"],
                    ["E3", "Eis", "Het leerplatform is gebaseerd op Microsoft Teams.", None],
                ]
            }
        )
    )
    (folder / "prijsblad.xlsx").write_bytes(
        xlsx_bytes(
            {
                "Prijsblad": [
                    ["Onderdeel", "Prijs"],
                    ["Licentie per gebruiker per jaar (licentiemodel)", None],
                    ["Implementatie", None],
                ]
            }
        )
    )
    (folder / "contract.pdf").write_bytes(
        make_pdf(
            [
                [
                    "Concept-overeenkomst",
                    "1 Looptijd",
                    "De overeenkomst heeft een looptijd van drie jaar met twee optionele verlengingen van elk een jaar.",
                    "2 Exit",
                    "Bij het einde van de overeenkomst levert de opdrachtnemer alle gegevens terug in een open formaat.",
                    "3 Beschikbaarheid",
                    "De dienst is 99,9% van de tijd beschikbaar.",
                ]
            ]
        )
    )
    return folder


def test_bundle_checked_in_one_command_with_locations(tmp_path, run_cli):
    _bundle(tmp_path)
    code, out, err = run_cli("check", "aanbesteding", "--format", "json")
    assert code == 1, err
    report = json.loads(out)
    where = {(f["path"].split("/")[-1], f["rule"]): f["where"] for f in report["findings"]}
    assert where[("pve.xlsx", "eisen.vage-term")] == "PvE!C3"
    assert where[("pve.xlsx", "eisen.merk-zonder-gelijkwaardig")] == "PvE!C4"
    assert where[("pve-tabel.docx", "eisen.vage-term")] == "tabel 1, rij 2, kolom 3"
    assert where[("leidraad.docx", "selectie.certificaat-zonder-gelijkwaardig")] == "paragraaf 7"
    assert where[("contract.pdf", "beveiliging.sla-niet-kritisch")] == "pagina 1, regel 7"
    assert {d["path"].split("/")[-1] for d in report["documents"]} == {
        "leidraad.docx",
        "pve-tabel.docx",
        "pve.xlsx",
        "prijsblad.xlsx",
        "contract.pdf",
    }


def test_bundle_rules_see_every_file(tmp_path, run_cli):
    """Parts in other files of the folder count: the PvE sheet with only the leidraad misses them,
    the whole bundle does not; the sheet alone is an annex, not judged for the tender's parts."""
    folder = _bundle(tmp_path)
    parts = [
        "volledigheid.gunning-ontbreekt",
        "volledigheid.prijsblad-ontbreekt",
        "volledigheid.looptijd-ontbreekt",
        "volledigheid.exit-ontbreekt",
        "volledigheid.doelstelling-ontbreekt",
    ]
    select = ("--select", ",".join(parts), "--format", "json")
    _, partial, _ = run_cli("check", str(folder / "pve.xlsx"), str(folder / "leidraad.docx"), *select)
    # the price sheet and the contract (exit, term) are in files not passed; gunning and goals in the leidraad
    fired = {f["rule"] for f in json.loads(partial)["findings"]}
    assert {"volledigheid.prijsblad-ontbreekt", "volledigheid.exit-ontbreekt"} <= fired
    assert "volledigheid.gunning-ontbreekt" not in fired
    code, together, _ = run_cli("check", "aanbesteding", *select)
    assert json.loads(together)["findings"] == [] and code == 0
    _, alone, err = run_cli("check", str(folder / "pve.xlsx"), *select)
    assert json.loads(alone)["findings"] == [] and "een losse bijlage" in err


def test_locations_in_every_output_format(tmp_path, run_cli):
    _bundle(tmp_path)
    _, sarif, _ = run_cli("check", "aanbesteding", "--select", "eisen.vage-term", "--format", "sarif")
    names = [
        loc["logicalLocations"][0]["name"]
        for r in json.loads(sarif)["runs"][0]["results"]
        for loc in r["locations"]
        if loc.get("logicalLocations")
    ]
    assert any(n.endswith("PvE!C3") for n in names) and any(n.endswith("tabel 1, rij 2, kolom 3") for n in names)
    for fmt in ("github", "concise", "gitlab", "junit", "rich"):
        _, out, _ = run_cli("check", "aanbesteding", "--select", "eisen.vage-term", "--format", fmt)
        assert "PvE!C3" in out, fmt


def test_a_folder_of_tender_folders_is_one_bundle_per_tender(tmp_path, run_cli):
    """'aanbestedingen/' with a folder per tender: each folder is judged on its own, while a tender
    folder with its own subfolder (bijlagen/) stays one tender."""
    root = tmp_path / "aanbestedingen"
    complete = root / "leerplatform"
    complete.mkdir(parents=True)
    (complete / "leidraad.docx").write_bytes(docx_bytes(_leidraad))
    (complete / "bijlagen").mkdir()
    (complete / "bijlagen" / "pve.xlsx").write_bytes(
        xlsx_bytes({"PvE": [["Nr", "Omschrijving"], ["E1", "Het leerplatform is snel."]]})
    )
    lonely = root / "zaaksysteem"
    lonely.mkdir()
    (lonely / "pve.md").write_text(
        "## Eisen\n\nE1. Het zaaksysteem ondersteunt StUF.\n\nE2. Het zaaksysteem logt."
        "\n\nE3. Het zaaksysteem exporteert.\n",
        encoding="utf-8",
    )
    code, out, _ = run_cli("check", "aanbestedingen", "--select", "volledigheid.gunning-ontbreekt", "--format", "json")
    fired = {f["path"].replace("\\\\", "/").split("aanbestedingen/")[-1] for f in json.loads(out)["findings"]}
    assert fired == {"zaaksysteem/pve.md"}  # the leerplatform's gunning is in its leidraad
