"""The commented starter config that `eislint init` writes."""

STARTER_CONFIG = """\
# eislint.yaml: instellingen voor eislint in deze map en alle mappen eronder.
# Het dichtstbijzijnde eislint.yaml (of [tool.eislint] in pyproject.toml) vanaf het
# gecontroleerde bestand geldt. Onbekende sleutels zijn een fout.

# Overerven van een gedeelde basis (pad ten opzichte van dit bestand):
# extends: ../eislint-basis.yaml

# Welke regels: regel-id (eisen.vage-term), pakket (eisen) of categorie (vaagheid).
# select: [ALL]
# extend-select: []
ignore: []

# Vanaf welke ernst de exitcode 1 is: error, warning, info of never.
fail-on: error

# Instellingen per regel: aan/uit, ernst en opties.
rules:
  eisen.lange-eis:
    max: 40            # maximaal aantal woorden per eis
  # eisen.afkorting-onbekend: uit

# Regels uitzetten voor bepaalde bestanden (glob ten opzichte van dit bestand):
per-path-ignores:
  # "bijlagen/*.md": [leesbaarheid]

# Taalpijplijn: default (meegeleverd), blank, een geïnstalleerde spaCy-pijplijn of een pad.
nlp:
  model: default

# De aanbesteding zelf: proportionaliteitsregels wegen eisen hiertegen af. Wat u hier niet invult,
# leidt eislint af uit de documenten ('niet bedrijfskritisch', 'persoonsgegevens', de geraamde
# waarde) en de melding zegt welke bron is gebruikt. Een waarde hier gaat vóór wat de documenten
# zeggen: vul alleen in wat klopt. De regels hieronder zijn voorbeelden; haal het #-teken weg.
tender: {}
#  contract_value: 150000     # geraamde waarde in euro excl. btw, inclusief opties
#  organisation_size: 900     # medewerkers van de opdrachtgever
#  business_critical: false   # is de dienst bedrijfskritisch?
#  personal_data: true        # worden persoonsgegevens verwerkt?
#  domain: lms                # lms, zaaksysteem, ... (vrije tekst)
#  procedure: europees-openbaar
"""
