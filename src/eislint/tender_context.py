"""The tender context a config may state (`tender:`): value, size, business critical, personal
data, domain, procedure. A module of its own so that the check types, the loader and the config
can all name it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass

# field -> the YAML types it accepts
TENDER_FIELD_TYPES = {
    "contract_value": (int, float),
    "organisation_size": (int,),
    "business_critical": (bool,),
    "personal_data": (bool,),
    "domain": (str,),
    "procedure": (str,),
}
TENDER_FIELDS = tuple(TENDER_FIELD_TYPES)


@dataclass(slots=True)
class TenderContext:
    contract_value: float | None = None
    organisation_size: int | None = None
    business_critical: bool | None = None
    personal_data: bool | None = None
    domain: str | None = None
    procedure: str | None = None
