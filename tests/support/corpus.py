"""Generate a corpus of small Dutch tender bundles for the `eislint corpus` tests and benchmark.

The texts are invented, in the style of corpora/leerplatform-waterschap-hunzedal: each bundle
is a short Programma van Eisen (and sometimes a leidraad beside it) with requirements drawn by a
seeded generator from a pool of good and flawed ones, so bundles differ in their findings.
Deterministic: the same seed gives the same files.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

BUYERS = ["Gemeente Zeedorp", "Gemeente Veenoord", "Waterschap Hunzedal", "Provincie Lindeland", "Gemeente Oosterzand"]
PRODUCTS = [
    ("leerplatform", "80533000-9"),
    ("zaaksysteem", "48000000-8"),
    ("klantcontactsysteem", "72000000-5"),
    ("raadsinformatiesysteem", "48000000-8"),
]
REQUIREMENTS = [
    "Het {p} is gebruiksvriendelijk en snel.",
    "Het {p} ondersteunt indien mogelijk SAML 2.0 en/of OIDC.",
    "Het {p} werkt samen met Microsoft Teams.",
    "Een beheerder kan een rapport exporteren naar o.a. Excel en PDF.",
    "De Opdrachtnemer slaat alle gegevens op binnen de EER.",
    "Medewerkers ontvangen 14 dagen voor het verlopen van een certificaat een herinnering per e-mail.",
    "De Opdrachtnemer levert bij beëindiging alle gegevens terug als CSV-bestand, volgens het exitplan.",
    "Het {p} is 99,9% van de tijd beschikbaar.",
    "De Inschrijver is gecertificeerd volgens ISO 27001.",
    "Gebruikers kunnen door op de knop Opslaan te klikken hun voortgang bewaren.",
    "Het {p} voldoet aan WCAG 2.1 niveau AA.",
    "Een leidinggevende ziet per medewerker welke verplichte onderdelen binnen 30 dagen verlopen.",
]


def tender_text(rnd: random.Random, buyer: str, product: str, staff: int) -> str:
    reqs = rnd.sample(REQUIREMENTS, rnd.randint(4, 7))
    lines = [
        f"# Programma van Eisen {product} {buyer}",
        "",
        "## Aanleiding",
        "",
        f"{buyer} (ongeveer {staff} medewerkers) zoekt een {product}. Het {product} is niet bedrijfskritisch.",
        "",
        "## Doelstelling",
        "",
        rnd.choice(
            [
                f"Binnen {rnd.randint(6, 18)} maanden na de start werkt {rnd.choice([80, 90, 95])}% van de "
                f"medewerkers met het {product}.",
                f"Het {product} moet de dienstverlening verbeteren.",
            ]
        ),
        "",
        "## Eisen",
        "",
    ]
    for n, req in enumerate(reqs, start=1):
        lines += [f"E{n}. {req.format(p=product)}", ""]
    lines += [
        "## Gunning",
        "",
        "De opdracht wordt gegund op basis van de beste prijs-kwaliteitverhouding.",
        "",
        f"Prijs weegt {rnd.choice([30, 40])}% en kwaliteit weegt {rnd.choice([60, 70, 50])}%.",
        "",
        "## Overeenkomst",
        "",
        f"De overeenkomst heeft een looptijd van {rnd.choice([1, 2, 4])} jaar.",
        "",
    ]
    return "\n".join(lines)


def make_bundles(root: Path, count: int, seed: int = 18) -> list[dict[str, str]]:
    """`count` bundle folders under root/bundels; returns one manifest row per bundle."""
    rnd = random.Random(seed)
    rows = []
    for i in range(count):
        buyer = BUYERS[i % len(BUYERS)]
        product, cpv = PRODUCTS[(i // len(BUYERS)) % len(PRODUCTS)]
        folder = root / "bundels" / f"tender-{i:03d}"
        folder.mkdir(parents=True)
        suffix = ".txt" if i % 4 == 3 else ".md"
        (folder / f"pve{suffix}").write_text(tender_text(rnd, buyer, product, rnd.randint(150, 4000)), encoding="utf-8")
        if i % 3 == 0:
            (folder / "leidraad.md").write_text(
                f"# Leidraad {product}\n\n## Selectie\n\nDe Inschrijver levert {rnd.randint(2, 5)} referenties van "
                f"vergelijkbare opdrachten uit de afgelopen {rnd.choice([3, 5])} jaar.\n",
                encoding="utf-8",
            )
        rows.append(
            {
                "id": f"T{i:03d}",
                "path": f"bundels/tender-{i:03d}",
                "buyer": buyer,
                "date": f"{2022 + i % 3}-{1 + i % 12:02d}-15",
                "cpv": cpv,
            }
        )
    return rows


def write_manifest(root: Path, rows: list[dict[str, str]], kind: str = "csv") -> Path:
    if kind == "jsonl":
        path = root / "manifest.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        return path
    path = root / "manifest.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    return path
