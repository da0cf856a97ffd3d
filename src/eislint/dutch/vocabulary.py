"""Dutch words every stage needs: modal verbs, conjunctions, number words, abbreviations.

One place for them, so the lists cannot drift apart between the readers, the segmenter, the
demand analysis and the rules. Build a regex from these tuples (`words_regex`) rather than
writing the words out again.
"""

from __future__ import annotations

import re

# Obligation: the buyer demands something.
OBLIGATION_MODALS = ("moet", "moeten", "dient", "dienen", "zal", "zullen")
# Capability or permission: what the solution or a user can do.
CAPABILITY_MODALS = ("kan", "kunnen", "mag", "mogen")
MODALS = OBLIGATION_MODALS + CAPABILITY_MODALS
# The passive auxiliary: "wordt geleverd" states a demand as much as "moet leveren".
PASSIVE_AUXILIARIES = ("wordt", "worden")
# Each modal's singular and plural, by the singular: how a style is named ("moet" or "dient").
MODAL_FORMS = {
    "moet": ("moet", "moeten"),
    "dient": ("dient", "dienen"),
    "zal": ("zal", "zullen"),
    "kan": ("kan", "kunnen"),
    "mag": ("mag", "mogen"),
}


def words_regex(words: tuple[str, ...] | list[str], group: bool = True) -> str:
    """`\\b(w1|w2|...)\\b`: whole words, as one (capturing) group."""
    inner = "|".join(words)
    return rf"\b({inner})\b" if group else rf"\b(?:{inner})\b"


# Month names, for dates ('1 januari 2027') in the readers' entities, the rules and the report.
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTH = words_regex(MONTHS, group=False)

OBLIGATION_MODAL = re.compile(rf"\b(?:{'|'.join(OBLIGATION_MODALS)})\b", re.I)
ANY_MODAL = re.compile(rf"\b(?:{'|'.join(MODALS)}|wordt\s+verwacht|(?:is|zijn)\s+verplicht)\b", re.I)

# Conjunctions that open a subordinate clause: a modal after one of them belongs to that clause.
SUBORDINATORS = (
    "die",
    "dat",
    "welke",
    "wat",
    "waarmee",
    "waarin",
    "waarop",
    "waarvan",
    "waarvoor",
    "waardoor",
    "waarbij",
    "waaruit",
    "zodat",
    "zodra",
    "als",
    "indien",
    "wanneer",
    "mits",
    "tenzij",
    "om",
    "omdat",
    "doordat",
    "nadat",
    "voordat",
    "terwijl",
    "opdat",
    "teneinde",
    "hoe",
    "of",
    "waar",
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
COMMON_ABBREVIATIONS = frozenset(
    """
    AA AAA AVG EU EER BTW ICT IT PDF CSV XML JSON HTML HTTP HTTPS URL API REST SOAP BIO BIO2 BIV NEN ISO IEC EN WCAG
    GIBIT ARBIT ARVODI ARIV BV NV KVK HR NL SSO SAML SCIM LTI SCORM XAPI OIDC ID KO PVE TENDERNED UEA ISAE SOC DPIA
    PIA FAQ NVI EMVI BPKV CEO CIO CISO FG AI AFAS SAP ADP AWS PHP SLA DAP DVO SUS MOSCOW CPV EUR Q1 Q2 Q3 Q4 BSN
    VNG ZGW VTH DSO GGD WMO WOZ BRP BAG BRK BRI TLS SSL VPN DNS LDAP AD MFA SMS PKI PKIOVERHEID
    NCSC CERT CSIRT CVSS SIEM SOC2 IAM RBAC OTAP DTAP SAAS PAAS IAAS CPU RAM GB MB TB KB USB OCR BI KPI RTO RPO
    ERP CRM DMS ZTC GEMMA NORA IBAN SEPA BNG CAO UWV DUO IND RDW CBS RVO NLDIGITAL PIANOO DIGID
    EHERKENNING EIDAS GDPR NIS2 WBNI CSV OPENAPI UTC ISDN IP IPV4 IPV6 WIFI PC QR RFC NIST OWASP CIS
    LMS LXP CMS UX UI POC MVP GPS PDF/A XLSX DOCX ODF HR-SYSTEEM SMTP IMAP SFTP FTP ZIP MDM BYOD CAO
""".split()
)

NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
    "honderd": 100,
    "duizend": 1000,
}

# The number words as a regex alternative, longest first.
NUMBER_WORD_PATTERN = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
