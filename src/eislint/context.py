"""The tender context proportionality rules weigh demands against.

From `tender:` in eislint.yaml first; where a field is not given, from what the documents of
the bundle themselves say ("niet bedrijfskritisch", "persoonsgegevens", a Learning Management
System); otherwise unknown. Rules say in their message which source they used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from eislint.document import Document
from eislint.tender_context import TenderContext

_NOT_CRITICAL = re.compile(r"\b(niet|geen)\s+(?:\w+\s+){0,2}bedrijfskritisch|\bniet[-\s]bedrijfskritisch", re.I)
_CRITICAL = re.compile(r"\bbedrijfskritisch|\bvitaal\s+(systeem|proces)|\bkritieke?\s+(dienst|applicatie)", re.I)
_PERSONAL = re.compile(
    r"\bpersoonsgegevens|\b(medewerker|cliënt|client|zorg|inwoner|burger|leerling|personeels)gegevens|\bBSN\b"
    r"|burgerservicenummer|\bAVG\b|\bverwerkersovereenkomst",
    re.I,
)
_LMS = re.compile(
    r"\b(LMS|LXP|learning\s+management|leer(management)?systeem|leeromgeving|leerplatform|e-learning)", re.I
)
# Health data: the care sector, its professionals and clients. Wider than the tender context's
# test (plurals, compounds such as jeugdzorg and zorgverleners, cliënten), without the verb idiom
# "zorg dragen voor" and without nazorg (after-sales support).
_HEALTH = re.compile(
    r"\b(?:zorg(?:gegevens|informatie|dossiers?|verleners?|instellingen?|aanbieders?|professionals?|organisaties?|sector|domein|medewerkers?|taken|vragers?)?"
    r"|(?:jeugd|thuis|ouderen|gehandicapten|gezondheids|wijk|ggz|ggz-|langdurige\s+|ziekenhuis|huisartsen|eerstelijns|tweedelijns|ouderen-|jeugd-|mantel)zorg\w*"
    r"|cliënt\w*|clienten|cliëntgegevens|patiënt\w*|patient(?:en|gegevens|dossiers?)|medisch\w*|gezondheids\w*|Wmo|Jeugdwet|GGD|GGZ"
    r"|ziekenhui\w*|huisarts\w*|verpleeg\w*|wijkverpleging|Wlz|Zvw)\b",
    re.I,
)
_CARE_IDIOM = re.compile(
    r"\b(?:draagt|dragen|draag|droeg|droegen|gedragen)\s+(?:\w+\s+){0,3}?zorg\b|\bzorg\s+(?:te\s+)?dragen\b|\bmet\s+(?:de\s+)?(?:nodige\s+|grote\s+)?zorg\b",
    re.I,
)


_VALUE = re.compile(
    r"(?:geraamde|geschatte|totale)\s+(?:opdracht)?waarde[^.€]{0,60}€\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?", re.I
)


@dataclass(slots=True)
class Tender:
    context: TenderContext
    source: dict[str, str] = field(default_factory=dict)  # field -> "configuratie" | "document"
    health_data: bool = False

    def explain(self, name: str, yes: str, no: str) -> str:
        """A clause for messages: what we assumed about `name` and why."""
        value = getattr(self.context, name)
        if value is None:
            return f"(niet bekend of {yes}; stel tender.{name} in eislint.yaml in)"
        where = "volgens eislint.yaml" if self.source.get(name) == "configuratie" else "volgens het document"
        return f"({where}: {yes if value else no})"


def infer(bundle: list[Document], configured: TenderContext) -> Tender:
    ctx = TenderContext(**{f.name: getattr(configured, f.name) for f in fields(TenderContext)})
    source = {f.name: "configuratie" for f in fields(TenderContext) if getattr(configured, f.name) is not None}
    text = "\n".join(d.clean(0, len(d.text)) for d in bundle)
    if ctx.business_critical is None:
        if _NOT_CRITICAL.search(text):
            ctx.business_critical, source["business_critical"] = False, "document"
        elif _CRITICAL.search(text):
            ctx.business_critical, source["business_critical"] = True, "document"
    if ctx.personal_data is None and _PERSONAL.search(text):
        ctx.personal_data, source["personal_data"] = True, "document"
    if ctx.domain is None and len(_LMS.findall(text)) >= 2:
        ctx.domain, source["domain"] = "lms", "document"
    if ctx.contract_value is None:
        m = _VALUE.search(text)
        if m:
            ctx.contract_value, source["contract_value"] = float(m.group(1).replace(".", "")), "document"
    return Tender(ctx, source, health_data=has_health_data(text))


def has_health_data(text: str) -> bool:
    return bool(_HEALTH.search(_CARE_IDIOM.sub(" ", text)))
