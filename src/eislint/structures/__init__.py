"""Parsed structures that rules share, built once per unit and cached on it (like spaCy's
extension attributes on a Doc): a rule asks for the structure instead of parsing the text again.

- the demand analysis of a requirement: `Unit.demand()` (eislint.demand, cached per requirement
  by Analysis.demand);
- the award scheme of a section: `award.award_scheme(unit)` (weight groups by table, lines and lists);
- the contract terms of a unit: `contract.contract_terms(unit)` (initial term, extension options).

`Unit.shared(name, build)` is the cache: `build(unit)` runs once per unit span and name for
the whole run of a document, whichever rule asks first. What is judged once per tender rather
than per unit goes through `checks.base.per_bundle`.
"""
