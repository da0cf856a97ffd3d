"""Dutch vocabulary shared by the segmenter, the demand analysis and the rules.

One place for the words every stage needs (modal verbs, conjunctions, number words), so the
lists cannot drift apart between modules.
"""

from __future__ import annotations

import re

# Obligation: the buyer demands something.
OBLIGATION_MODALS = ("moet", "moeten", "dient", "dienen", "zal", "zullen")
# Capability or permission: what the solution or a user can do.
CAPABILITY_MODALS = ("kan", "kunnen", "mag", "mogen")
MODALS = OBLIGATION_MODALS + CAPABILITY_MODALS

OBLIGATION_MODAL = re.compile(rf"\b(?:{'|'.join(OBLIGATION_MODALS)})\b", re.I)
ANY_MODAL = re.compile(rf"\b(?:{'|'.join(MODALS)}|wordt\s+verwacht|(?:is|zijn)\s+verplicht)\b", re.I)

# Conjunctions that open a subordinate clause: a modal after one of them belongs to that clause.
SUBORDINATORS = (
    "die", "dat", "welke", "wat", "waarmee", "waarin", "waarop", "waarvan", "waarvoor", "waardoor", "waarbij", "waaruit",
    "zodat", "zodra", "als", "indien", "wanneer", "mits", "tenzij", "om", "omdat", "doordat", "nadat", "voordat",
    "terwijl", "opdat", "teneinde", "hoe", "of", "waar",
)
SUBORDINATOR = re.compile(rf"\b(?:{'|'.join(SUBORDINATORS)})\b", re.I)

# A clause that gives the reason or the intended effect, not the demand itself.
PURPOSE = re.compile(r"(?:,\s*)?\b(?:zodat|opdat|teneinde|omdat|aangezien|doordat|want)\b", re.I)
# Nouns and adjectives after which "om ... te" states what is demanded, not why.
OM_IS_DEMAND = re.compile(
    r"\b(?:mogelijkheid|mogelijkheden|mogelijk|staat|functionaliteit|functie|functies|optie|opties|gelegenheid|ruimte"
    r"|nodig|bedoeld|verplicht|bereid|eenvoudig|makkelijk|gemakkelijk|instaat|toegestaan|geschikt|voorziening|faciliteit"
    r"|manier|wijze|tool|module|knop|interface|ingericht)\s*,?\s*$",
    re.I,
)

# Abbreviations every Dutch public-sector or ICT reader knows: never reported as undefined.
COMMON_ABBREVIATIONS = frozenset("""
    AA AAA AVG EU EER BTW ICT IT PDF CSV XML JSON HTML HTTP HTTPS URL API REST SOAP BIO BIO2 BIV NEN ISO IEC EN WCAG
    GIBIT ARBIT ARVODI ARIV BV NV KVK HR NL SSO SAML SCIM LTI SCORM XAPI OIDC ID KO PVE TENDERNED UEA ISAE SOC DPIA
    PIA FAQ NVI EMVI BPKV CEO CIO CISO FG AI AFAS SAP ADP AWS PHP SLA DAP DVO SUS MOSCOW CPV EUR Q1 Q2 Q3 Q4 BSN
    VNG ZGW VTH DSO GGD WMO WOZ BRP BAG BRK BRI TLS SSL VPN DNS LDAP AD MFA SMS PKI PKIOVERHEID
    NCSC CERT CSIRT CVSS SIEM SOC2 IAM RBAC OTAP DTAP SAAS PAAS IAAS CPU RAM GB MB TB KB USB OCR BI KPI RTO RPO
    ERP CRM DMS ZTC GEMMA NORA IBAN SEPA BNG CAO UWV DUO IND RDW CBS RVO NLDIGITAL PIANOO DIGID
    EHERKENNING EIDAS GDPR NIS2 WBNI CSV OPENAPI UTC ISDN IP IPV4 IPV6 WIFI PC QR RFC NIST OWASP CIS
    LMS LXP CMS UX UI POC MVP GPS PDF/A XLSX DOCX ODF HR-SYSTEEM SMTP IMAP SFTP FTP ZIP MDM BYOD CAO
""".split())

NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "twintig": 20,
    "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
    "honderd": 100, "duizend": 1000,
}


def parse_number(raw: str) -> float:
    """A Dutch number as written in tenders: '1.500.000', '99,5', '2,5', 'drie'."""
    text = raw.strip().lower()
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    text = text.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def format_number(value: float, decimals: int | None = None) -> str:
    """Dutch notation: thousands with a period, decimals with a comma (1.500.000; 4,2)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


_STATEMENT_MODAL = re.compile(
    r"\b(moet|moeten|dient|dienen|zal|zullen|wordt\s+verwacht|is\s+verplicht|beschikt\s+over|biedt|ondersteunt)\b",
    re.I,
)
# What makes a statement a requirement in a requirement-bearing part of a PvE, SLA or DAP: an
# obligation ("moet", "dient", "garandeert", "draagt zorg voor", "voldoet aan", "levert"), a
# capability of what is bought ("De oplossing biedt/kan/ondersteunt ...", "Het is mogelijk om"),
# or a user story ("Als beheerder wil ik ...").
_OBLIGATION_WORD = re.compile(
    r"\b(moet|moeten|dient|dienen|zal|zullen|wordt\s+verwacht|(?:is|zijn)\s+verplicht|beschikt|beschikken\s+over"
    r"|garandeert|garanderen|draagt|dragen|zorgt|zorgen|levert|leveren|voldoet|voldoen|verplicht\s+zich"
    r"|verplichten\s+zich|(?:is|zijn)\s+(?:het\s+)?mogelijk|(?:is|zijn)\s+in\s+staat)\b",
    re.I,
)
SUPPLIER_SUBJECT = re.compile(
    r"^\s*(?:(?:de|het)\s+)?(?:(?:aangeboden|te\s+leveren|nieuwe)\s+)?(?:oplossing|applicatie|systeem|tool|software|dienst(?:verlening)?"
    r"|leverancier|opdrachtnemer|inschrijver|gegadigde|aanbieder|dienstverlener|verwerker|platform|pakket|product|portaal"
    r"|omgeving|module|\w+systeem|\w+applicatie"
    r"|\w+oplossing|\w+platform|lms|saas-dienst)\b\s+(?!\w+\s*:|mag\b|mogen\b)\w+",
    re.I,
)
# A service level stated as a bound ("duurt ten hoogste acht uur", "binnen 4 uur", "minimaal 99,5%"):
# in an SLA or DAP that is a norm the supplier is held to, whatever the sentence's subject.
SERVICE_NORM = re.compile(
    rf"\b(?:ten\s+hoogste|ten\s+minste|maximaal|minimaal|uiterlijk|binnen|niet\s+meer\s+dan|niet\s+minder\s+dan)\s+"
    rf"(?:\d+(?:[.,]\d+)?|{'|'.join(NUMBER_WORDS)})\s*(?:%|procent|seconden?|minuten|minuut|uur|uren|werkdag(?:en)?"
    rf"|kalenderdag(?:en)?|dag(?:en)?|weken|week|maand(?:en)?|kwartaal|jaar)\b",
    re.I,
)
# The buyer's side as the subject: its own obligations are no requirement on the supplier.
BUYER_SUBJECT = re.compile(
    r"^\s*(?:(?:de|het)\s+)?(?:opdrachtgever|aanbestedende\s+dienst|gemeente|provincie|waterschap|omgevingsdienst"
    r"|veiligheidsregio|ministerie|organisatie|medewerkers|gebruikers)\b",
    re.I,
)
_USER_STORY = re.compile(r"^\s*als\s+[^,.]{2,80}?\s+wil\s+ik\b", re.I)


# The supplier as the subject after a fronted part: "Bij beëindiging werkt Opdrachtnemer mee",
# "Haalt Opdrachtnemer de norm niet, dan ...". The word before it is then the finite verb, not a
# preposition, article, conjunction or subordinator ("de servicedesk van Opdrachtnemer").
_SUPPLIER_NOUN = re.compile(r"\b(?P<before>\w+)\s+(?:de\s+)?(?:opdrachtnemer|leverancier|inschrijver|gegadigde|dienstverlener)\b(?=\s+\w)",
                            re.I)
_NOT_A_VERB = frozenset("""
    van aan door met voor bij op tot naar om in uit over onder tegen tussen zonder via per na binnen buiten namens
    de het een en of maar dan dat die dit deze als wanneer indien nadat voordat omdat zodat waarmee waarin waarbij
    waarvoor waardoor welke wie wat elke iedere alle geen zijn haar hun is zijn wordt worden
""".split())


def _supplier_inverted(text: str) -> bool:
    if BUYER_SUBJECT.match(text):
        return False  # "De gemeente stelt Opdrachtnemer in de gelegenheid": the supplier is the object
    head = re.split(r"[.;:]", text, maxsplit=1)[0]
    for m in _SUPPLIER_NOUN.finditer(head):
        before = m.group("before").lower()
        if before not in _NOT_A_VERB and not before.isdigit() and m.start() < 100:
            return True
    return False


def is_statement(text: str) -> bool:
    """An obligation, a capability of what is bought, a user story, or what the supplier does."""
    return bool(_STATEMENT_MODAL.search(text) or _OBLIGATION_WORD.search(text) or SUPPLIER_SUBJECT.match(text)
                or _USER_STORY.match(text) or _supplier_inverted(text))
