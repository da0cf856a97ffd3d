"""Document roles in a bundle and requirements found in real documents (issue #12)."""

from __future__ import annotations

import json

import pytest

from eislint.readers import read_bytes
from eislint.segment import segment


def _doc(text: str, name: str = "stuk.md"):
    return segment(read_bytes(name, text.encode("utf-8")))


@pytest.mark.parametrize(
    "title, name, role",
    [
        ("# Service Level Agreement", "bijlage-3.md", "sla"),
        ("# Bijlage 4 SLA bij de overeenkomst", "b4.md", "sla"),
        ("# Dossier Afspraken en Procedures", "dap.md", "dap"),
        ("# Verwerkersovereenkomst (VNG-model)", "vwo.md", "verwerkersovereenkomst"),
        ("# Concept raamovereenkomst", "contract.md", "overeenkomst"),
        ("# Beschrijvend document Europese aanbesteding leerplatform", "bd.md", "leidraad"),
        ("# Aanbestedingsleidraad", "x.md", "leidraad"),
        ("# Programma van Eisen", "x.md", "pve"),
        ("# Hostingeisen", "x.md", "pve"),
        ("# Prijzenblad", "x.md", "prijzenblad"),
        ("# Uniform Europees Aanbestedingsdocument", "x.md", "formulier"),
        ("# Nota van inlichtingen 1", "x.md", "nota-van-inlichtingen"),
        ("# Inleiding", "bijlage-7-verwerkersovereenkomst.md", "verwerkersovereenkomst"),
        ("# Inleiding", "notities.md", "overig"),
    ],
)
def test_role_from_title_or_file_name(title, name, role):
    doc = _doc(f"{title}\n\nTekst van het document.\n", name)
    assert doc.role == role


def test_role_from_content_articles():
    text = "# Voorwaarden\n\n" + "".join(f"## Artikel {i} Onderwerp\n\nDe leverancier levert.\n\n" for i in range(1, 5))
    assert _doc(text, "x.md").role == "overeenkomst"


def test_gibit_is_a_model_text():
    doc = _doc("# GIBIT 2023 Gemeentelijke Inkoopvoorwaarden bij IT\n\n## Artikel 1\n\nTekst.\n", "gibit.md")
    assert doc.role == "overeenkomst" and doc.model_text


def test_a_requirement_sentence_is_no_title():
    doc = _doc("KO-2. De leverancier beschikt over een ISO 27001-certificaat of een ISAE 3402-verklaring.\n")
    assert doc.role != "formulier" and len(doc.requirements) == 1


def test_sla_goals_are_not_the_tenders_goals():
    doc = _doc(
        "# Service Level Agreement\n\n## Doelen van deze SLA\n\n"
        "Het doel van deze SLA is afspraken vast te leggen over de dienstverlening.\n",
        "sla.md",
    )
    assert "doelstelling" not in {s.kind for s in doc.sections}
    assert not any(r.kind == "doel" for r in doc.requirements)


def test_document_purpose_heading_is_not_a_goal_section():
    doc = _doc(
        "# Beschrijvend document\n\n## Doel van dit document\n\nDit document beschrijft de procedure.\n"
        "\n## Doelstelling\n\n- De doorlooptijd daalt naar 5 werkdagen.\n"
    )
    kinds = {s.title: s.kind for s in doc.sections}
    assert kinds["Doel van dit document"] == "overig" and kinds["Doelstelling"] == "doelstelling"


def test_sla_goal_sentences_get_no_smart_finding(lint):
    report = lint("# Service Level Agreement\n\n## Doelen\n\nDoel van deze SLA is de samenwerking te verbeteren.\n")
    assert not [f for f in report.findings if f.rule == "smart.doel-niet-smart"]


def test_obligations_in_a_pve_are_requirements_without_ids():
    doc = _doc(
        "# Hostingeisen\n\n## 1. Inleiding\n\nDe inschrijver dient alle eisen te beantwoorden.\n\n"
        "## 2. Hosting\n\nDe opdrachtnemer host de dienst in de EER.\n\n"
        "De back-up moet dagelijks worden gemaakt.\n\nDe gegevens worden versleuteld opgeslagen.\n\n"
        "Opdrachtnemer garandeert een beschikbaarheid van 99,5% per maand.\n\n"
        "## 3. Beveiliging\n\n- Toegang met tweefactorauthenticatie\n- Logging van alle beheerhandelingen\n"
    )
    texts = [doc.clean(r.start, r.end).strip() for r in doc.requirements]
    assert "De inschrijver dient alle eisen te beantwoorden." not in texts  # an instruction in the introduction
    assert "De gegevens worden versleuteld opgeslagen." in texts  # present tense states a requirement in a PvE
    assert len(texts) == 6, texts
    assert all(r.kind == "eis" for r in doc.requirements)


def test_sla_obligations_are_requirements_but_its_introduction_is_not():
    doc = _doc(
        "# Service Level Agreement\n\n## Inleiding\n\nDeze SLA moet samen met de overeenkomst worden gelezen.\n\n"
        "## Incidenten\n\nOpdrachtnemer lost een storing met prioriteit 1 binnen 4 uur op.\n\n"
        "De helpdesk is bereikbaar op werkdagen van 8.00 tot 17.00 uur.\n",
        "sla.md",
    )
    texts = [doc.clean(r.start, r.end).strip() for r in doc.requirements]
    assert texts == ["Opdrachtnemer lost een storing met prioriteit 1 binnen 4 uur op."]


@pytest.mark.parametrize("role_title", ["# Verwerkersovereenkomst", "# Prijzenblad", "# Inschrijfformulier"])
def test_forms_contracts_and_price_sheets_hold_no_requirements(role_title):
    doc = _doc(
        f"{role_title}\n\n## Eisen\n\nE1. De verwerker moet persoonsgegevens versleutelen.\n\n"
        "| Nr | Omschrijving | Prijs |\n|---|---|---|\n| 1 | Licentie per gebruiker | |\n"
    )
    assert doc.requirements == []


def test_lead_in_items_with_a_verb_are_the_requirements():
    doc = _doc(
        "# Programma van eisen\n\n## Eisen\n\nHet systeem moet het volgende kunnen:\n\n"
        "- een zaak doorzetten naar een collega\n- de werkvoorraad per team tonen\n"
        "  - de behandelaar kan filteren op zaaktype\n"
    )
    texts = [doc.clean(r.start, r.end).strip() for r in doc.requirements]
    assert texts == [
        "een zaak doorzetten naar een collega",
        "de werkvoorraad per team tonen",
        "de behandelaar kan filteren op zaaktype",
    ]
    assert doc.requirements[0].lead == "Het systeem moet het volgende kunnen:"


def test_lead_in_with_a_list_of_things_is_one_requirement():
    doc = _doc(
        "# Programma van eisen\n\n## Eisen\n\nOpdrachtnemer levert jaarlijks de volgende documenten:\n\n"
        "- het beveiligingsbeleid;\n- het verslag van de uitwijktest;\n  - met de herstelduur\n\n"
        "De oplossing logt alle wijzigingen.\n"
    )
    assert len(doc.requirements) == 2
    first = doc.requirements[0]
    assert doc.clean(first.start, first.end).split()[:3] == ["Opdrachtnemer", "levert", "jaarlijks"]
    assert "uitwijktest" in doc.clean(first.start, first.end)
    assert doc.requirement_at(doc.text.index("uitwijktest")) is first


def test_user_stories_and_moscow_priorities():
    doc = _doc(
        "# Requirements\n\n| ID | User story | MoSCoW |\n|---|---|---|\n"
        "| US1 | Als beheerder wil ik rollen toekennen, zodat medewerkers alleen hun eigen dossiers zien. | Must |\n"
        "| US2 | Als student wil ik mijn inschrijving wijzigen. | Could |\n"
        "| US3 | Als docent wil ik een pauze inplannen. | Won't |\n"
    )
    got = [(r.id, r.kind, r.priority) for r in doc.requirements]
    assert got == [("US1", "eis", "must"), ("US2", "wens", "could"), ("US3", "wens", "wont")]


def test_priority_marked_in_the_text_or_heading():
    doc = _doc(
        "# Requirements\n\n## Wensen\n\n### FN-7 Bulkregistratie (MoSCoW: Won't)\n\n"
        "- W1. Studenten kunnen in bulk worden ingeschreven.\n- W2. Een export naar CSV (Should).\n"
    )
    assert [r.priority for r in doc.requirements] == ["wont", "should"]


def test_json_shows_the_role(run_cli, tmp_path):
    (tmp_path / "sla.md").write_text(
        "# Service Level Agreement\n\n## Storingen\n\nOpdrachtnemer lost storingen op.\n", encoding="utf-8"
    )
    code, out, _ = run_cli("check", str(tmp_path / "sla.md"), "--format", "json", "--fail-on", "never")
    doc = json.loads(out)["documents"][0]
    assert (doc["role"], doc["role_source"], doc["model_text"]) == ("sla", "titel", False)


def test_rich_summary_lists_roles_per_document(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("# Service Level Agreement\n\nOpdrachtnemer lost storingen op.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Prijzenblad\n\nTarieven.\n", encoding="utf-8")
    code, out, _ = run_cli("check", str(tmp_path), "--fail-on", "never", "--format", "rich")
    assert "service level agreement" in out and "prijzenblad" in out


def test_model_text_is_not_read_sentence_by_sentence(lint):
    text = (
        "# GIBIT 2023 Gemeentelijke Inkoopvoorwaarden bij IT\n\n## Artikel 20 Intellectuele eigendom\n\n"
        "De intellectuele eigendomsrechten op de programmatuur gaan over op de opdrachtgever.\n\n"
        "## Artikel 21 Escrow\n\nOpdrachtnemer deponeert de broncode bij een escrow-agent.\n"
    )
    report = lint(text)
    assert not [f for f in report.findings if f.category == "gibit-saas"]
    own = lint(text.replace("GIBIT 2023 Gemeentelijke Inkoopvoorwaarden bij IT", "Concept overeenkomst"))
    assert [f for f in own.findings if f.category == "gibit-saas"]


def test_selection_demands_and_contract_clauses_are_requirements_of_their_own_kind():
    doc = _doc(
        "# Beschrijvend document\n\n## Geschiktheidseisen\n\n"
        "Inschrijver heeft in de afgelopen drie jaar twee vergelijkbare opdrachten uitgevoerd.\n\n"
        "De beoordeling gebeurt op basis van de referenties.\n"
    )
    assert [r.kind for r in doc.requirements] == ["selectie"]
    doc = _doc(
        "# Concept overeenkomst leerplatform\n\n## Artikel 3 Exit\n\n"
        "Opdrachtnemer levert bij het einde van de overeenkomst alle gegevens terug in een open formaat.\n",
        "c.md",
    )
    assert doc.role == "overeenkomst" and [r.kind for r in doc.requirements] == ["bepaling"]


def test_pdf_title_on_the_first_line_and_bullet_glyphs():
    from eislint.readers.pdf import _BULLET

    assert _BULLET.sub("• ", "\x7f Opdrachtnemer meldt een incident") == "• Opdrachtnemer meldt een incident"
    doc = _doc(
        "Bijlage C Eisen aan hosting en beveiliging - Omgevingsdienst\nversie 1.0, januari\n\n"
        "Opdrachtnemer host de dienst in de EER.\n",
        "bijlage-c.md",
    )
    assert doc.role == "pve"


def test_a_document_full_of_obligations_is_a_set_of_requirements():
    body = "".join(f"Opdrachtnemer levert onderdeel {i} binnen een week.\n\n" for i in range(6))
    doc = _doc(f"# Bijlage C\n\n## Hosting\n\n{body}", "bijlage-c.md")
    assert doc.role == "pve" and len(doc.requirements) == 6


def test_service_level_rows_are_requirements_in_an_sla():
    doc = _doc(
        "# Service Level Agreement\n\n## Doelstellingen\n\nDe afspraken moeten leiden tot tevreden gebruikers.\n\n"
        "## Servicenormen\n\n| Norm | Waarde |\n|---|---|\n| Beschikbaarheid | 99,5% per maand |\n"
        "| Oplostijd prioriteit 2 | in overleg |\n",
        "sla.md",
    )
    texts = [" ".join(doc.clean(r.start, r.end).replace("|", " ").split()) for r in doc.requirements]
    assert texts == ["Beschikbaarheid 99,5% per maand", "Oplostijd prioriteit 2 in overleg"]


def test_selection_demands_on_the_gegadigde():
    doc = _doc(
        "# Selectieleidraad\n\n## Geschiktheidseisen\n\n- De gegadigde heeft een jaaromzet van ten minste € 1.000.000.\n"
    )
    assert [r.kind for r in doc.requirements] == ["selectie"]


def test_sentences_about_the_requirements_are_no_requirements():
    doc = _doc(
        "# Programma van Eisen\n\n## Eisen\n\nDeze requirements beschrijven wat de oplossing moet ondersteunen.\n\n"
        "De oplossing moet rapportages naar CSV exporteren.\n"
    )
    texts = [doc.text[r.start : r.end] for r in doc.requirements]
    assert texts == ["De oplossing moet rapportages naar CSV exporteren."]


def test_the_buyers_additions_to_a_model_agreement_are_requirements():
    doc = _doc(
        "# Verwerkersovereenkomst\n\nDeze overeenkomst volgt het model van de VNG.\n\n## Artikel 1 Onderwerp\n\n"
        "Verwerker verwerkt persoonsgegevens in opdracht.\n\n## Artikel 15 Aanvullende afspraken\n\n"
        "Verwerker stelt jaarlijks een assurancerapport over de dienst beschikbaar.\n",
        name="verwerkersovereenkomst.md",
    )
    assert doc.role == "verwerkersovereenkomst"
    assert [(r.kind, doc.text[r.start : r.end]) for r in doc.requirements] == [
        ("bepaling", "Verwerker stelt jaarlijks een assurancerapport over de dienst beschikbaar.")
    ]


def test_how_to_write_the_answer_is_no_requirement():
    doc = _doc(
        "# Aanbestedingsleidraad\n\n## Geschiktheidseisen\n\n- De gegadigde heeft ten minste één vergelijkbare opdracht uitgevoerd.\n"
        "- De gegadigde beschrijft één referentieopdracht in maximaal twee pagina's A4.\n",
        name="leidraad.md",
    )
    assert [doc.text[r.start : r.end] for r in doc.requirements] == [
        "De gegadigde heeft ten minste één vergelijkbare opdracht uitgevoerd."
    ]
