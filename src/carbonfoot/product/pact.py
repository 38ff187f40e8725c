"""WBCSD PACT exchange of product footprints: write, read and check PACT 2.3 and 3.0.

`to_pact` writes a `ProductFootprint` as a PACT ``ProductFootprint`` JSON object (a dict),
`read_pact` reads one from a file or a parsed dict (an API response ``{"data": [...]}`` gives a
list), `parse_pact` from JSON text, and `check_pact` lists what is wrong with a document as
`PactProblem` records. The reference is the PACT Technical Specification as published:
OpenAPI schemas 2.3.3 (``v2/openapi.yaml``) and 3.0.3 (``v3/openapi.yaml``).

Numbers
-------
PACT 3.0 writes every decimal as a string; PACT 2.3 writes emissions as decimal strings and
percentages and ratings as JSON numbers. carbonfoot writes a float ``x`` as the shortest
decimal that reads back as ``x`` (``repr``), without exponent: ``0.1`` is ``"0.1"``,
``1e-7`` is ``"0.0000001"``. The two totals are the exact decimal sums of the written
components, so a written document always adds up.

The declared unit: PACT 2.x → 3.0 rescales values (ADR-0036)
------------------------------------------------------------
In PACT 2.x values are per one ``declaredUnit`` (``pCfExcludingBiogenic``: "calculated per
declared unit"; ``productMassPerDeclaredUnit``: "if the declared unit is ``piece``, the mass of
one piece"), and ``unitaryProductAmount`` is how many declared units the product contains.
In PACT 3.0 the declared unit is ``declaredUnitAmount`` × ``declaredUnitOfMeasurement``, and
emissions, carbon contents and ``productMassPerDeclaredUnit`` are per that whole amount
(``declaredUnitOfMeasurement``: "a PCF for a 12.5 liter bottle of Ethanol states 2 kg of CO2e
… per 12.5 liter"). So, with ``a`` = ``unitaryProductAmount`` = ``declaredUnitAmount``:

- reading 2.x: every kg CO2e, kg C and kg value is multiplied by ``a`` (exact decimal
  product, then the nearest float);
- writing 2.3: every such value is divided by ``a``. When ``a`` is 1 the value is written
  exactly; otherwise the quotient is rounded to 15 significant digits (a float quotient has no
  exact short decimal; 15 digits is the most that reads back to the same text).

Percentages and data-quality ratings are not rescaled. The reference material does not
contain ADR-0036 itself: this rule follows from the two schemas' field descriptions.

Mapping
-------
``model field``: PACT 3.0 | PACT 2.3 ("÷ a": rescaled as above; "carryover": see below).

- ``id``, ``created``, ``status``, ``company_name``, ``company_ids``, ``product_ids``,
  ``product_description``, ``preceding_pf_ids``, ``validity_period_start`` / ``_end``:
  the same field in both (``companyName``, ``precedingPfIds``, ``validityPeriodStart`` …).
- ``product_name``: ``productNameCompany`` | ``productNameCompany``.
- ``product_category_cpc``: the first ``productClassifications`` entry
  ``urn:pact:productclassification:un-cpc:<code>`` | ``productCategoryCpc`` (required).
- ``product_classifications``: the other ``productClassifications`` | ``productClassifications``.
- ``comment``: ``comment`` (written when not empty) | ``comment`` (required).
- ``version``: carryover (when not 1) | ``version``.
- ``declared_unit``: ``declaredUnitOfMeasurement`` (10 units) | ``declaredUnit`` (7 units).
- ``declared_unit_amount``: ``declaredUnitAmount`` | ``unitaryProductAmount``.
- ``product_mass_per_declared_unit``: ``productMassPerDeclaredUnit`` | the same ÷ a.
- ``reference_period_start`` / ``_end``, ``geography_country``,
  ``geography_country_subdivision``, ``geography_region_or_subregion``,
  ``boundary_processes_description``: the same field in both (``referencePeriodStart``,
  ``geographyCountry`` …; the description is required in 2.3).
- totals: ``pcfExcludingBiogenicUptake`` / ``pcfIncludingBiogenicUptake`` |
  ``pCfExcludingBiogenic`` / ``pCfIncludingBiogenic`` ÷ a; computed, never read.
- ``fossil_ghg_emissions``: ``fossilGhgEmissions`` | ``fossilGhgEmissions`` ÷ a.
- ``land_use_change_ghg_emissions``: ``landUseChangeGhgEmissions`` | ``dLucGhgEmissions`` ÷ a
  (3.0: "Replaces dLucGhgEmissions").
- ``biogenic_co2_uptake``: ``biogenicCO2Uptake`` | ``biogenicCarbonWithdrawal`` ÷ a
  (3.0: "Replaces biogenicCarbonWithdrawal").
- ``biogenic_non_co2_emissions``, ``land_management_biogenic_co2_emissions``,
  ``land_management_biogenic_co2_removals``, ``technological_co2_removals``,
  ``ccs_technological_co2_capture``: ``biogenicNonCO2Emissions``,
  ``landManagementBiogenicCO2Emissions``, ``landManagementBiogenicCO2Removals``,
  ``technologicalCO2Removals``, ``ccsTechnologicalCO2Capture`` | carryover ÷ a.
- ``aircraft_ghg_emissions``, ``packaging_emissions_included``, ``packaging_ghg_emissions``,
  ``fossil_carbon_content``, ``biogenic_carbon_content``: the same field in both (÷ a in 2.3;
  ``biogenicCarbonContent`` is required in 2.3).
- ``characterization_factors``: ``ipccCharacterizationFactors`` |
  ``ipccCharacterizationFactorsSources``, and ``characterizationFactors`` = the earliest
  report used, which must be AR5 or AR6.
- ``cross_sectoral_standards``: ``crossSectoralStandards`` | ``crossSectoralStandards`` (eight
  values), and ``crossSectoralStandardsUsed`` derived: GHGP-Product, ISO14067, ISO14040-44 →
  "GHG Protocol Product standard", "ISO Standard 14067", "ISO Standard 14044". Reading a 2.x
  document without ``crossSectoralStandards`` maps ``crossSectoralStandardsUsed`` back.
- ``product_or_sector_specific_rules``, ``secondary_emission_factor_sources``,
  ``allocation_rules_description``, ``exempted_emissions_description``: the same field in
  both (left out when empty; the exemption description is required in 2.3).
- ``exempted_emissions_percent``, ``primary_data_share``: decimal strings | JSON numbers.
- ``dqi``: ``technologicalDQR``, ``temporalDQR``, ``geographicalDQR`` (strings, 1 to 5), the
  rest carryover | all six as numbers (ratings 1 to 3).
- ``uncertainty_assessment_description``: carryover | ``uncertaintyAssessmentDescription``.
- ``extensions``: ``extensions`` | ``extensions`` (kept as given).

Lost or defaulted:

- Not in the model, so read into ``ProductFootprint.unmapped`` (keyed by JSON path, value as
  written) and not written back. 3.0: ``recycledCarbonContent``, ``landCarbonLeakage``,
  ``landManagementFossilGhgEmissions``, ``landAreaOccupation``,
  ``packagingBiogenicCarbonContent``, ``outboundLogisticsGhgEmissions``,
  ``ccsTechnologicalCO2CaptureIncluded``, ``technologicalCO2CaptureOrigin``, ``ccu*``,
  ``verification``. 2.3: ``updated``, ``statusComment``, ``landManagementGhgEmissions``,
  ``otherBiogenicGhgEmissions``, ``iLucGhgEmissions`` (their meaning differs from any 3.0
  field, so they are not renamed), ``biogenicAccountingMethodology``, ``assurance``. Any
  unknown key, at any level carbonfoot maps, goes there too.
- A stated total that the document's own components do not reproduce (within the tolerance of
  `check_pact`) is kept in ``unmapped`` under its path; the model's totals are always computed
  from its components.
- A 2.3 ``characterizationFactors`` or ``crossSectoralStandardsUsed`` that differs from what
  carbonfoot derives is kept in ``unmapped``.
- Reading 2.3 leaves the 3.0-only emissions ``None`` (not stated) unless a carryover extension
  gives them; reading 3.0 leaves ``version`` 1 and the 2.x-only DQI fields ``None`` unless a
  carryover extension gives them. Reading 3.0 without ``comment``, ``boundaryProcessesDescription``
  or the descriptions gives ``""``.
- Writing 2.3 fails (`carbonfoot.errors.ValidationError`) when 2.3 cannot say it: a declared
  unit 2.3 lacks (piece, hour, megabit second), no ``product_category_cpc``, no
  ``biogenic_carbon_content``, a standard outside the 2.3 list or none that maps to
  ``crossSectoralStandardsUsed``, no AR5/AR6 as the earliest report, ratings above 3, an
  incomplete 2.x DQI, more than 5 % exempted, a negative total. Writing 3.0 fails without
  ``product_mass_per_declared_unit``. No value is invented.

The carryover extension
-----------------------
Fields the target version cannot hold travel in a PACT data model extension with
``dataSchema`` ``"urn:carbonfoot:pact-carryover:1.0.0"`` (`CARRYOVER_SCHEMA`), whose ``data``
uses PACT names (3.0 documents: ``version``, ``uncertaintyAssessmentDescription``, ``dqi`` with
``coveragePercent``, ``completenessDQR``, ``reliabilityDQR``; 2.3 documents: the 3.0-only
emissions as decimal strings per 2.3 declared unit). `read_pact` applies it, so a 2.3 document
written by carbonfoot goes 2.3 → 3.0 → 2.3 unchanged. Pass ``carryover=False`` to leave it out
(then these fields are lost). The extension's ``dataSchema`` is a URN, not the URL of a
published schema that the PACT extension guidance asks for.

Checks
------
`check_pact` checks what the official schemas say (required fields per version, types,
enumerations, ranges), with the decimal patterns anchored: the 3.0.3 ``NegativeOrZeroDecimal``
pattern ``^(-\\d+(\\.\\d+)?)|0+(\\.0+)?$`` is unanchored at its second branch and accepts
``"10"`` and ``"abc10"``; carbonfoot does not. It adds the rules the schemas state in words:
the 3.0 totals equal their components (see `check_pact` for the tolerance), packaging emissions
absent when not included, reference and validity periods in order, at most one geography,
a named operator for "Other" rules, 2.x data-quality reporting by reference period, the 2.x
5 % exemption cap. The 2.x schema states no formula for its totals, so 2.x totals are not
checked.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Context, Decimal
from pathlib import Path
from typing import Any, Final, Literal, cast
from uuid import UUID

import pydantic

from carbonfoot.errors import DataError, ValidationError
from carbonfoot.product.footprint import DECLARED_UNITS, REGIONS_OR_SUBREGIONS, ProductFootprint

__all__ = [
    "CARRYOVER_SCHEMA",
    "SPEC_VERSIONS",
    "PactProblem",
    "PactVersion",
    "check_pact",
    "parse_pact",
    "read_pact",
    "to_pact",
]

PactVersion = Literal["2.3", "3.0"]

#: The ``specVersion`` carbonfoot writes: the releases whose schemas it is tested against.
SPEC_VERSIONS: Final[dict[str, str]] = {"2.3": "2.3.3", "3.0": "3.0.3"}

#: ``dataSchema`` of the extension that carries fields the target version cannot hold.
CARRYOVER_SCHEMA: Final = "urn:carbonfoot:pact-carryover:1.0.0"

_CPC_URN: Final = "urn:pact:productclassification:un-cpc:"
_EXACT: Final = Context(prec=1000)  # wide enough for exact sums and products of doubles
_2025: Final = datetime.fromisoformat("2025-01-01T00:00:00+00:00")


@dataclass(frozen=True)
class PactProblem:
    """One thing wrong with a PACT document.

    Attributes
    ----------
    path
        JSON path of the value, e.g. ``"pcf.pcfExcludingBiogenicUptake"`` or
        ``"productIds[0]"`` (``"data[2]."`` in front for an API response).
    rule
        The rule broken, in snake_case, e.g. ``"value_not_positive"``.
    message
        What is wrong and what would be valid.
    """

    path: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message} [{self.rule}]"


# --------------------------------------------------------------------------------------
# Decimal text
# --------------------------------------------------------------------------------------


def _plain(number: Decimal) -> str:
    """Canonical decimal text: no exponent, no trailing zeros, ``"0"`` for zero."""
    if number == 0:
        return "0"
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _decimal_text(value: float) -> str:
    return _plain(Decimal(repr(float(value))))


def _per_unit_text(value: float, amount: float) -> str:
    """A value per 3.0 declared unit written per 2.3 declared unit (÷ amount)."""
    if amount == 1:
        return _decimal_text(value)
    quotient = _EXACT.divide(Decimal(repr(float(value))), Decimal(repr(float(amount))))
    if quotient == 0:
        return "0"
    rounded = Context(prec=15).plus(quotient)
    return _plain(rounded)


def _sum_text(texts: list[str]) -> str:
    total = Decimal(0)
    for text in texts:
        total = _EXACT.add(total, Decimal(text))
    return _plain(total)


# The official 3.0.3 patterns, anchored (``fullmatch``): Decimal, PositiveOrZeroDecimal,
# NegativeOrZeroDecimal, PositiveNonZeroDecimal.
_DECIMAL = re.compile(r"[+-]?\d+(\.\d+)?")
_NON_NEGATIVE = re.compile(r"\+?\d+(\.\d+)?")
_NON_POSITIVE = re.compile(r"(-\d+(\.\d+)?)|(0+(\.0+)?)")
_POSITIVE = re.compile(r"(\+?(\d*[1-9]\d*)(\.\d+)?)|(0+\.\d*[1-9]\d*)")


def _adds_up(stated: str, parts: list[str]) -> tuple[bool, Decimal]:
    """Whether a stated total equals the exact sum of its parts, within the tolerance.

    Tolerance: half a unit in the last decimal place the total is stated with (a total may
    be rounded to fewer decimals than its parts), plus 1e-6 of the larger magnitude (totals
    computed in binary floating point and printed with 15-17 digits).
    """
    total = Decimal(stated)
    computed = Decimal(0)
    for part in parts:
        computed = _EXACT.add(computed, Decimal(part))
    exponent = total.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    tolerance = Decimal(5).scaleb(-places - 1) + Decimal("1e-6") * max(abs(total), abs(computed))
    return abs(_EXACT.subtract(total, computed)) <= tolerance, computed


# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------

_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


def _date_time_text(value: datetime) -> str:
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _parse_date_time(text: str) -> datetime | None:
    if not _DATE_TIME.fullmatch(text):
        return None
    try:
        return datetime.fromisoformat(text.upper() if text[-1] in "zZ" else text)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------

_STANDARDS_USED: Final[dict[str, str]] = {
    "GHGP-Product": "GHG Protocol Product standard",
    "ISO14067": "ISO Standard 14067",
    "ISO14040-44": "ISO Standard 14044",
}
_STANDARDS_FROM_USED: Final[dict[str, str]] = {v: k for k, v in _STANDARDS_USED.items()}


def _standards_used(standards: list[str]) -> list[str]:
    return [_STANDARDS_USED[s] for s in standards if s in _STANDARDS_USED]


def _earliest_ar5_or_ar6(reports: list[str]) -> str | None:
    """PACT 2.3 ``characterizationFactors``: the earliest report used, if AR5 or AR6."""
    numbers = sorted(int(r[2:]) for r in reports if re.fullmatch(r"AR\d+", r))
    if numbers and numbers[0] in (5, 6):
        return f"AR{numbers[0]}"
    return None


def _version(version: str) -> PactVersion:
    if version in ("3.0", "2.3"):
        return cast(PactVersion, version)
    raise ValidationError(f"PACT version {version!r} is not supported; valid: '3.0', '2.3'")


def _common_head(fp: ProductFootprint, version: PactVersion) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": str(fp.id), "specVersion": SPEC_VERSIONS[version]}
    if version == "2.3":
        doc["version"] = fp.version
    if fp.preceding_pf_ids:
        doc["precedingPfIds"] = [str(i) for i in fp.preceding_pf_ids]
    doc["created"] = _date_time_text(fp.created)
    doc["status"] = fp.status
    if fp.validity_period_start is not None:
        doc["validityPeriodStart"] = _date_time_text(fp.validity_period_start)
    if fp.validity_period_end is not None:
        doc["validityPeriodEnd"] = _date_time_text(fp.validity_period_end)
    doc["companyName"] = fp.company_name
    doc["companyIds"] = list(fp.company_ids)
    doc["productDescription"] = fp.product_description
    doc["productIds"] = list(fp.product_ids)
    return doc


def _scope(fp: ProductFootprint, pcf: dict[str, Any]) -> None:
    pcf["referencePeriodStart"] = _date_time_text(fp.reference_period_start)
    pcf["referencePeriodEnd"] = _date_time_text(fp.reference_period_end)
    for name, key in (
        ("geography_region_or_subregion", "geographyRegionOrSubregion"),
        ("geography_country", "geographyCountry"),
        ("geography_country_subdivision", "geographyCountrySubdivision"),
    ):
        if getattr(fp, name) is not None:
            pcf[key] = getattr(fp, name)


def _rules(fp: ProductFootprint) -> list[dict[str, Any]]:
    rules = []
    for rule in fp.product_or_sector_specific_rules:
        item: dict[str, Any] = {"operator": rule.operator, "ruleNames": list(rule.rule_names)}
        if rule.other_operator_name is not None:
            item["otherOperatorName"] = rule.other_operator_name
        rules.append(item)
    return rules


def _sources(fp: ProductFootprint) -> list[dict[str, str]]:
    return [{"name": n, "version": v} for n, v in fp.secondary_emission_factor_sources]


def _carryover(data: dict[str, Any]) -> dict[str, Any]:
    return {"specVersion": "2.0.0", "dataSchema": CARRYOVER_SCHEMA, "data": data}


# The components of the two totals (PACT 3.0 CarbonFootprint x-comment), in 3.0 names.
_EXCLUDING: Final = (
    ("fossil_ghg_emissions", "fossilGhgEmissions"),
    ("land_use_change_ghg_emissions", "landUseChangeGhgEmissions"),
    ("land_management_biogenic_co2_emissions", "landManagementBiogenicCO2Emissions"),
    ("land_management_biogenic_co2_removals", "landManagementBiogenicCO2Removals"),
    ("technological_co2_removals", "technologicalCO2Removals"),
    ("ccs_technological_co2_capture", "ccsTechnologicalCO2Capture"),
    ("biogenic_non_co2_emissions", "biogenicNonCO2Emissions"),
)
_V3_ONLY_EMISSIONS: Final = _EXCLUDING[2:]  # carried in 2.3 by the carryover extension


def _to_v3(fp: ProductFootprint, carryover: bool) -> dict[str, Any]:
    doc = _common_head(fp, "3.0")
    classifications = list(fp.product_classifications)
    if fp.product_category_cpc is not None:
        classifications.insert(0, _CPC_URN + fp.product_category_cpc)
    if classifications:
        doc["productClassifications"] = classifications
    doc["productNameCompany"] = fp.product_name
    if fp.comment:
        doc["comment"] = fp.comment

    pcf: dict[str, Any] = {
        "declaredUnitOfMeasurement": fp.declared_unit,
        "declaredUnitAmount": _decimal_text(fp.declared_unit_amount),
    }
    if fp.product_mass_per_declared_unit is not None:
        pcf["productMassPerDeclaredUnit"] = _decimal_text(fp.product_mass_per_declared_unit)
    _scope(fp, pcf)
    if fp.boundary_processes_description:
        pcf["boundaryProcessesDescription"] = fp.boundary_processes_description
    parts = {
        key: _decimal_text(getattr(fp, name))
        for name, key in _EXCLUDING
        if getattr(fp, name) is not None
    }
    uptake = None if fp.biogenic_co2_uptake is None else _decimal_text(fp.biogenic_co2_uptake)
    pcf["pcfExcludingBiogenicUptake"] = _sum_text(list(parts.values()))
    pcf["pcfIncludingBiogenicUptake"] = _sum_text([*parts.values(), *([uptake] if uptake else [])])
    pcf["fossilCarbonContent"] = _decimal_text(fp.fossil_carbon_content)
    if fp.biogenic_carbon_content is not None:
        pcf["biogenicCarbonContent"] = _decimal_text(fp.biogenic_carbon_content)
    pcf["fossilGhgEmissions"] = parts["fossilGhgEmissions"]
    for key in ("landUseChangeGhgEmissions", "landManagementBiogenicCO2Emissions"):
        if key in parts:
            pcf[key] = parts[key]
    if "landManagementBiogenicCO2Removals" in parts:
        pcf["landManagementBiogenicCO2Removals"] = parts["landManagementBiogenicCO2Removals"]
    if uptake is not None:
        pcf["biogenicCO2Uptake"] = uptake
    if "biogenicNonCO2Emissions" in parts:
        pcf["biogenicNonCO2Emissions"] = parts["biogenicNonCO2Emissions"]
    if fp.aircraft_ghg_emissions is not None:
        pcf["aircraftGhgEmissions"] = _decimal_text(fp.aircraft_ghg_emissions)
    pcf["packagingEmissionsIncluded"] = fp.packaging_emissions_included
    if fp.packaging_ghg_emissions is not None:
        pcf["packagingGhgEmissions"] = _decimal_text(fp.packaging_ghg_emissions)
    for key in ("ccsTechnologicalCO2Capture", "technologicalCO2Removals"):
        if key in parts:
            pcf[key] = parts[key]
    pcf["ipccCharacterizationFactors"] = list(fp.characterization_factors)
    pcf["crossSectoralStandards"] = list(fp.cross_sectoral_standards)
    if fp.product_or_sector_specific_rules:
        pcf["productOrSectorSpecificRules"] = _rules(fp)
    pcf["exemptedEmissionsPercent"] = _decimal_text(fp.exempted_emissions_percent)
    if fp.exempted_emissions_description:
        pcf["exemptedEmissionsDescription"] = fp.exempted_emissions_description
    if fp.allocation_rules_description:
        pcf["allocationRulesDescription"] = fp.allocation_rules_description
    if fp.secondary_emission_factor_sources:
        pcf["secondaryEmissionFactorSources"] = _sources(fp)
    if fp.primary_data_share is not None:
        pcf["primaryDataShare"] = _decimal_text(fp.primary_data_share)
    data: dict[str, Any] = {}
    if fp.dqi is not None:
        pcf["dqi"] = {
            "technologicalDQR": _decimal_text(fp.dqi.technological_dqr),
            "geographicalDQR": _decimal_text(fp.dqi.geographical_dqr),
            "temporalDQR": _decimal_text(fp.dqi.temporal_dqr),
        }
        extra = {
            key: value
            for key, value in (
                ("coveragePercent", fp.dqi.coverage_percent),
                ("completenessDQR", fp.dqi.completeness_dqr),
                ("reliabilityDQR", fp.dqi.reliability_dqr),
            )
            if value is not None
        }
        if extra:
            data["dqi"] = extra
    doc["pcf"] = pcf

    if fp.version != 1:
        data["version"] = fp.version
    if fp.uncertainty_assessment_description is not None:
        data["uncertaintyAssessmentDescription"] = fp.uncertainty_assessment_description
    extensions = [dict(e) for e in fp.extensions]
    if carryover and data:
        extensions.append(_carryover(data))
    if extensions:
        doc["extensions"] = extensions
    return doc


def _to_v2(fp: ProductFootprint, carryover: bool) -> dict[str, Any]:
    amount = fp.declared_unit_amount

    def per_unit(value: float) -> str:
        return _per_unit_text(value, amount)

    doc = _common_head(fp, "2.3")
    if fp.product_classifications:
        doc["productClassifications"] = list(fp.product_classifications)
    if fp.product_category_cpc is not None:
        doc["productCategoryCpc"] = fp.product_category_cpc
    doc["productNameCompany"] = fp.product_name
    doc["comment"] = fp.comment

    parts = {
        key: per_unit(getattr(fp, name))
        for name, key in _EXCLUDING
        if getattr(fp, name) is not None
    }
    uptake = None if fp.biogenic_co2_uptake is None else per_unit(fp.biogenic_co2_uptake)
    pcf: dict[str, Any] = {
        "declaredUnit": fp.declared_unit,
        "unitaryProductAmount": _decimal_text(amount),
    }
    if fp.product_mass_per_declared_unit is not None:
        pcf["productMassPerDeclaredUnit"] = per_unit(fp.product_mass_per_declared_unit)
    pcf["pCfExcludingBiogenic"] = _sum_text(list(parts.values()))
    pcf["pCfIncludingBiogenic"] = _sum_text([*parts.values(), *([uptake] if uptake else [])])
    pcf["fossilGhgEmissions"] = parts["fossilGhgEmissions"]
    pcf["fossilCarbonContent"] = per_unit(fp.fossil_carbon_content)
    if fp.biogenic_carbon_content is not None:
        pcf["biogenicCarbonContent"] = per_unit(fp.biogenic_carbon_content)
    if "landUseChangeGhgEmissions" in parts:
        pcf["dLucGhgEmissions"] = parts["landUseChangeGhgEmissions"]
    if uptake is not None:
        pcf["biogenicCarbonWithdrawal"] = uptake
    if fp.aircraft_ghg_emissions is not None:
        pcf["aircraftGhgEmissions"] = per_unit(fp.aircraft_ghg_emissions)
    pcf["packagingEmissionsIncluded"] = fp.packaging_emissions_included
    if fp.packaging_ghg_emissions is not None:
        pcf["packagingGhgEmissions"] = per_unit(fp.packaging_ghg_emissions)
    earliest = _earliest_ar5_or_ar6(fp.characterization_factors)
    if earliest is not None:
        pcf["characterizationFactors"] = earliest
    pcf["ipccCharacterizationFactorsSources"] = list(fp.characterization_factors)
    used = _standards_used(fp.cross_sectoral_standards)
    if used:
        pcf["crossSectoralStandardsUsed"] = used
    pcf["crossSectoralStandards"] = list(fp.cross_sectoral_standards)
    if fp.product_or_sector_specific_rules:
        pcf["productOrSectorSpecificRules"] = _rules(fp)
    pcf["boundaryProcessesDescription"] = fp.boundary_processes_description
    _scope(fp, pcf)
    if fp.secondary_emission_factor_sources:
        pcf["secondaryEmissionFactorSources"] = _sources(fp)
    pcf["exemptedEmissionsPercent"] = fp.exempted_emissions_percent
    pcf["exemptedEmissionsDescription"] = fp.exempted_emissions_description
    if fp.allocation_rules_description:
        pcf["allocationRulesDescription"] = fp.allocation_rules_description
    if fp.uncertainty_assessment_description is not None:
        pcf["uncertaintyAssessmentDescription"] = fp.uncertainty_assessment_description
    if fp.primary_data_share is not None:
        pcf["primaryDataShare"] = fp.primary_data_share
    if fp.dqi is not None:
        dqi = fp.dqi
        pcf["dqi"] = {
            key: value
            for key, value in (
                ("coveragePercent", dqi.coverage_percent),
                ("technologicalDQR", dqi.technological_dqr),
                ("temporalDQR", dqi.temporal_dqr),
                ("geographicalDQR", dqi.geographical_dqr),
                ("completenessDQR", dqi.completeness_dqr),
                ("reliabilityDQR", dqi.reliability_dqr),
            )
            if value is not None
        }
    doc["pcf"] = pcf
    data = {key: parts[key] for _, key in _V3_ONLY_EMISSIONS if key in parts}
    extensions = [dict(e) for e in fp.extensions]
    if carryover and data:
        extensions.append(_carryover(data))
    if extensions:
        doc["extensions"] = extensions
    return doc


# Which model field a document path comes from, for export errors.
_HINTS: Final[dict[str, str]] = {
    "productCategoryCpc": "product_category_cpc (PACT 2.3 requires a UN CPC code)",
    "pcf.productMassPerDeclaredUnit": (
        "product_mass_per_declared_unit (PACT 3.0 requires it; 0 when mass is not relevant)"
    ),
    "pcf.biogenicCarbonContent": "biogenic_carbon_content (PACT 2.3 requires it)",
    "pcf.declaredUnit": "declared_unit (PACT 2.3 has no 'piece', 'hour' or 'megabit second')",
    "pcf.characterizationFactors": (
        "characterization_factors (PACT 2.3 needs AR5 or AR6 as the earliest report used)"
    ),
    "pcf.crossSectoralStandardsUsed": (
        "cross_sectoral_standards (PACT 2.3 needs one of GHGP-Product, ISO14067, ISO14040-44)"
    ),
    "pcf.crossSectoralStandards": "cross_sectoral_standards",
    "pcf.exemptedEmissionsPercent": "exempted_emissions_percent",
    "pcf.pCfExcludingBiogenic": "the footprint's components (PACT 2.3 cannot state a net removal)",
    "pcf.dqi": "dqi (PACT 2.3 needs all six indicators, ratings 1 to 3)",
    "pcf.primaryDataShare": "primary_data_share",
    "pcf.productOrSectorSpecificRules": "product_or_sector_specific_rules",
    "validityPeriodStart": "validity_period_start",
    "validityPeriodEnd": "validity_period_end",
}


def _hint(path: str) -> str:
    for prefix, hint in _HINTS.items():
        if path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "["):
            return f" (set by {hint})"
    return ""


def to_pact(
    footprint: ProductFootprint, version: PactVersion = "3.0", *, carryover: bool = True
) -> dict[str, Any]:
    """Write a footprint as a PACT ``ProductFootprint`` JSON object.

    Parameters
    ----------
    footprint
        The footprint.
    version
        ``"3.0"`` (PACT 3.0.3; default) or ``"2.3"`` (PACT 2.3.3). For 2.3 the values are
        rescaled to one declared unit (÷ ``declared_unit_amount``; see the module notes).
    carryover
        Also write the fields the version cannot hold in the carbonfoot carryover extension
        (`CARRYOVER_SCHEMA`), so that `read_pact` restores them.

    Returns
    -------
    dict
        The document, ready for `json.dumps`. It passes `check_pact` for ``version``.

    Raises
    ------
    carbonfoot.errors.ValidationError
        If the version cannot say what the footprint says (listed in the module notes); the
        message names each PACT field and the model field it comes from.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> footprint = cf.examples.load_demo_footprint()  # 2 m² of tile, 23 kg CO2e
    >>> to_pact(footprint)["pcf"]["pcfExcludingBiogenicUptake"]
    '23'
    >>> to_pact(footprint, "2.3")["pcf"]["pCfExcludingBiogenic"]  # per 1 square meter
    '11.5'
    """
    target = _version(version)
    document = _to_v3(footprint, carryover) if target == "3.0" else _to_v2(footprint, carryover)
    problems = check_pact(document, target)
    if problems:
        lines = "\n".join(f"  - {p.path}: {p.message}{_hint(p.path)}" for p in problems)
        raise ValidationError(
            f"this footprint cannot be written as PACT {target} "
            f"({len(problems)} problem{'s' if len(problems) > 1 else ''}):\n{lines}"
        )
    return document


# --------------------------------------------------------------------------------------
# Checking
# --------------------------------------------------------------------------------------

_Add = Callable[[str, str, str], None]
_Kind = Callable[[Any, str, _Add], bool]


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _string(value: Any, path: str, add: _Add) -> bool:
    if not isinstance(value, str):
        add(path, "json_type", f"{_show(value)} must be a string")
        return False
    return True


def _non_empty(value: Any, path: str, add: _Add) -> bool:
    if not _string(value, path, add):
        return False
    if not value:
        add(path, "not_empty", "must not be an empty string")
        return False
    return True


def _boolean(value: Any, path: str, add: _Add) -> bool:
    if not isinstance(value, bool):
        add(path, "json_type", f"{_show(value)} must be true or false")
        return False
    return True


def _uuid(value: Any, path: str, add: _Add) -> bool:
    if not _string(value, path, add):
        return False
    try:
        UUID(value)
    except ValueError:
        add(path, "uuid_format", f"{_show(value)} is not a UUID such as {_show(str(UUID(int=1)))}")
        return False
    return True


def _date_time(value: Any, path: str, add: _Add) -> bool:
    if not _string(value, path, add):
        return False
    if _parse_date_time(value) is None:
        add(
            path,
            "date_time_format",
            f"{_show(value)} is not an RFC 3339 date-time with offset, "
            f"e.g. '2024-01-01T00:00:00Z' or '2024-01-01T08:00:00+08:00'",
        )
        return False
    return True


def _spec_version(value: Any, path: str, add: _Add) -> bool:
    if not _string(value, path, add):
        return False
    if not re.fullmatch(r"\d+\.\d+\.\d+(-\d{8})?", value):
        add(path, "spec_version_format", f"{_show(value)} is not major.minor.patch, e.g. '3.0.3'")
        return False
    return True


def _urn(value: Any, path: str, add: _Add) -> bool:
    if not _string(value, path, add):
        return False
    if not re.match(r"urn:", value, re.IGNORECASE):
        add(path, "urn_format", f"{_show(value)} is not a URN; write urn:<namespace>:<id>")
        return False
    return True


def _one_of(*allowed: str) -> _Kind:
    def check(value: Any, path: str, add: _Add) -> bool:
        if value not in allowed:
            add(
                path,
                "allowed_value",
                f"{_show(value)} is not allowed; valid: {', '.join(repr(a) for a in allowed)}",
            )
            return False
        return True

    return check


def _pattern(pattern: str, rule: str, example: str) -> _Kind:
    compiled = re.compile(pattern)

    def check(value: Any, path: str, add: _Add) -> bool:
        if not _string(value, path, add):
            return False
        if not compiled.fullmatch(value):
            add(path, rule, f"{_show(value)} is not valid; write e.g. {example!r}")
            return False
        return True

    return check


def _array(item: _Kind, *, min_items: int = 1, unique: bool = True) -> _Kind:
    def check(value: Any, path: str, add: _Add) -> bool:
        if not isinstance(value, list):
            add(path, "json_type", f"{_show(value)} must be an array")
            return False
        ok = True
        if len(value) < min_items:
            add(path, "not_empty", "must list at least one item (leave the field out if none)")
            ok = False
        if unique:
            texts = [json.dumps(v, sort_keys=True) for v in value]
            for number, text in enumerate(texts):
                if text in texts[:number]:
                    add(f"{path}[{number}]", "unique_items", f"{text} is listed twice")
                    ok = False
        for number, element in enumerate(value):
            ok = item(element, f"{path}[{number}]", add) and ok
        return ok

    return check


def _decimal(sign: Literal["any", ">0", ">=0", "<=0"], label: str) -> _Kind:
    """A decimal string, with the official pattern anchored and the sign checked by value."""

    def check(value: Any, path: str, add: _Add) -> bool:
        if not isinstance(value, str):
            add(path, "json_type", f'{_show(value)} must be a decimal string such as "1.5"')
            return False
        if not _DECIMAL.fullmatch(value):
            add(
                path,
                "decimal_format",
                f"{_show(value)} is not a decimal string; write digits with an optional sign "
                f'and decimal point, no exponent, e.g. "0.25" ({label})',
            )
            return False
        if sign == ">=0" and not _NON_NEGATIVE.fullmatch(value):
            add(
                path,
                "value_not_negative",
                f"{_show(value)} must be ≥ 0, written without a minus sign ({label}), "
                f'e.g. "0.25" or "0"',
            )
            return False
        if sign == "<=0" and not _NON_POSITIVE.fullmatch(value):
            add(
                path,
                "value_not_positive",
                f'{_show(value)} must be ≤ 0 ({label}), e.g. "-1.61" or "0"',
            )
            return False
        if sign == ">0" and not _POSITIVE.fullmatch(value):
            add(path, "value_positive", f'{_show(value)} must be > 0 ({label}), e.g. "1"')
            return False
        return True

    return check


def _number(low: float, high: float, rule: str, label: str) -> _Kind:
    def check(value: Any, path: str, add: _Add) -> bool:
        if not _is_number(value) or not math.isfinite(value):
            add(path, "json_type", f"{_show(value)} must be a JSON number ({label})")
            return False
        if not low <= value <= high:
            add(path, rule, f"{_show(value)} must be between {low:g} and {high:g} ({label})")
            return False
        return True

    return check


def _decimal_between(low: int, high: int, rule: str, label: str) -> _Kind:
    plain = _decimal("any", label)

    def check(value: Any, path: str, add: _Add) -> bool:
        if not plain(value, path, add):
            return False
        if not low <= Decimal(value) <= high:
            add(path, rule, f"{_show(value)} must be between {low} and {high} ({label})")
            return False
        return True

    return check


def _integer(value: Any, path: str, add: _Add) -> bool:
    if not isinstance(value, int) or isinstance(value, bool):
        add(path, "json_type", f"{_show(value)} must be a whole number")
        return False
    if value < 0:
        add(path, "value_not_negative", f"{value} must be ≥ 0")
        return False
    return True


def _object(
    fields: Mapping[str, _Kind], required: tuple[str, ...] = ()
) -> Callable[[Any, str, _Add], bool]:
    def check(value: Any, path: str, add: _Add) -> bool:
        if not isinstance(value, dict):
            add(path, "json_type", f"{_show(value)} must be an object")
            return False
        ok = True
        for key in required:
            if key not in value:
                add(_join(path, key), "required_field_present", "required field is missing")
                ok = False
        for key, kind in fields.items():
            if key in value:
                ok = kind(value[key], _join(path, key), add) and ok
        return ok

    return check


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_EMISSION = _decimal(">=0", "kg CO2e per declared unit, PositiveOrZeroDecimal")
_REMOVAL = _decimal("<=0", "kg CO2e per declared unit, NegativeOrZeroDecimal")
_CARBON = _decimal(">=0", "kg C per declared unit, PositiveOrZeroDecimal")
_TOTAL = _decimal("any", "kg CO2e per declared unit, Decimal")
_COUNTRY = _pattern(r"[A-Z]{2}", "country_code_format", "CN")
_SUBDIVISION = _pattern(r"[A-Z]{2}-[A-Z0-9]{1,3}", "subdivision_code_format", "CN-AH")
_REGION = _one_of(*REGIONS_OR_SUBREGIONS)
_AR_LIST = _array(_pattern(r"AR\d+", "characterization_factor_format", "AR6"))
_TEXT: _Kind = _string
_RULE = _object(
    {
        "operator": _one_of("PEF", "EPD International", "Other"),
        "ruleNames": _array(_non_empty),
        "otherOperatorName": _non_empty,
    },
    ("operator", "ruleNames"),
)
_SOURCE = _object({"name": _non_empty, "version": _non_empty}, ("name", "version"))


def _extension_data(value: Any, path: str, add: _Add) -> bool:
    if not isinstance(value, dict):
        add(path, "json_type", f"{_show(value)} must be an object")
        return False
    return True


_EXTENSION_WITH_DATA = _object(
    {"specVersion": _string, "dataSchema": _string, "documentation": _string,
     "data": _extension_data},
    ("specVersion", "dataSchema", "data"),
)  # fmt: skip

_TOP_COMMON: Final[dict[str, _Kind]] = {
    "id": _uuid,
    "specVersion": _spec_version,
    "precedingPfIds": _array(_uuid),
    "created": _date_time,
    "status": _one_of("Active", "Deprecated"),
    "validityPeriodStart": _date_time,
    "validityPeriodEnd": _date_time,
    "companyName": _non_empty,
    "companyIds": _array(_urn),
    "productDescription": _TEXT,
    "productIds": _array(_urn),
    "productClassifications": _array(_urn),
    "productNameCompany": _non_empty,
    "comment": _TEXT,
    "extensions": _array(_EXTENSION_WITH_DATA, unique=False),
}

_TOP: Final[dict[str, dict[str, _Kind]]] = {
    "3.0": dict(_TOP_COMMON),
    "2.3": {
        **_TOP_COMMON,
        "version": _integer,
        "updated": _date_time,
        "statusComment": _TEXT,
        "productCategoryCpc": _non_empty,
    },
}
_TOP_REQUIRED: Final[dict[str, tuple[str, ...]]] = {
    "3.0": (
        "id", "specVersion", "created", "status", "companyName", "companyIds",
        "productDescription", "productIds", "productNameCompany", "pcf",
    ),
    "2.3": (
        "id", "specVersion", "version", "created", "status", "comment", "companyName",
        "companyIds", "productDescription", "productIds", "productCategoryCpc",
        "productNameCompany", "pcf",
    ),
}  # fmt: skip

_SCOPE: Final[dict[str, _Kind]] = {
    "referencePeriodStart": _date_time,
    "referencePeriodEnd": _date_time,
    "geographyRegionOrSubregion": _REGION,
    "geographyCountry": _COUNTRY,
    "geographyCountrySubdivision": _SUBDIVISION,
    "boundaryProcessesDescription": _TEXT,
    "productOrSectorSpecificRules": _array(_RULE),
    "exemptedEmissionsDescription": _TEXT,
    "allocationRulesDescription": _TEXT,
    "secondaryEmissionFactorSources": _array(_SOURCE, unique=False),
    "packagingEmissionsIncluded": _boolean,
    "aircraftGhgEmissions": _EMISSION,
    "packagingGhgEmissions": _EMISSION,
    "fossilGhgEmissions": _EMISSION,
    "fossilCarbonContent": _CARBON,
    "biogenicCarbonContent": _CARBON,
    "productMassPerDeclaredUnit": _decimal(">=0", "kg, Decimal; 0 when mass is not relevant"),
}

_DQR_3 = _decimal_between(1, 5, "dqr_in_range", "data quality rating, 1 to 5")
_DQR_2 = _number(1, 3, "dqr_in_range", "data quality rating, 1 to 3")
_PCF: Final[dict[str, dict[str, _Kind]]] = {
    "3.0": {
        **_SCOPE,
        "declaredUnitOfMeasurement": _one_of(*DECLARED_UNITS),
        "declaredUnitAmount": _decimal(">0", "declared unit, PositiveNonZeroDecimal"),
        "pcfExcludingBiogenicUptake": _TOTAL,
        "pcfIncludingBiogenicUptake": _TOTAL,
        "recycledCarbonContent": _CARBON,
        "landUseChangeGhgEmissions": _EMISSION,
        "landCarbonLeakage": _EMISSION,
        "landManagementFossilGhgEmissions": _EMISSION,
        "landManagementBiogenicCO2Emissions": _EMISSION,
        "landManagementBiogenicCO2Removals": _REMOVAL,
        "biogenicCO2Uptake": _REMOVAL,
        "biogenicNonCO2Emissions": _EMISSION,
        "landAreaOccupation": _decimal(">=0", "(m2/year) per declared unit"),
        "packagingBiogenicCarbonContent": _CARBON,
        "outboundLogisticsGhgEmissions": _EMISSION,
        "ccsTechnologicalCO2CaptureIncluded": _boolean,
        "ccsTechnologicalCO2Capture": _REMOVAL,
        "technologicalCO2CaptureOrigin": _TEXT,
        "technologicalCO2Removals": _REMOVAL,
        "ccuCarbonContent": _CARBON,
        "ccuCalculationApproach": _one_of("Cut-off", "Credit"),
        "ccuCreditCertification": _TEXT,
        "ipccCharacterizationFactors": _AR_LIST,
        "crossSectoralStandards": _array(_non_empty),
        "exemptedEmissionsPercent": _decimal_between(
            0, 100, "exempted_emissions_percent_in_range", "%"
        ),
        "primaryDataShare": _decimal_between(0, 100, "primary_data_share_in_range", "%"),
        "dqi": _object(
            {"technologicalDQR": _DQR_3, "geographicalDQR": _DQR_3, "temporalDQR": _DQR_3},
            ("technologicalDQR", "geographicalDQR", "temporalDQR"),
        ),
        "verification": _object(
            {
                "coverage": _one_of("PCF calculation model", "PCF program", "product level"),
                "providerName": _TEXT,
                "completedAt": _date_time,
                "standardName": _TEXT,
                "comments": _TEXT,
            }
        ),
    },
    "2.3": {
        **_SCOPE,
        "declaredUnit": _one_of(*DECLARED_UNITS[:7]),
        "unitaryProductAmount": _decimal(">0", "declared units, > 0"),
        "pCfExcludingBiogenic": _decimal(">=0", "kg CO2e per declared unit, ≥ 0"),
        "pCfIncludingBiogenic": _TOTAL,
        "dLucGhgEmissions": _EMISSION,
        "landManagementGhgEmissions": _EMISSION,
        "otherBiogenicGhgEmissions": _EMISSION,
        "iLucGhgEmissions": _EMISSION,
        "biogenicCarbonWithdrawal": _REMOVAL,
        "characterizationFactors": _one_of("AR6", "AR5"),
        "ipccCharacterizationFactorsSources": _AR_LIST,
        "crossSectoralStandardsUsed": _array(
            _one_of(*_STANDARDS_FROM_USED)
        ),
        "crossSectoralStandards": _array(
            _one_of(
                "ISO14067", "ISO14083", "ISO14040-44", "GHGP-Product", "PEF",
                "PACT-1.0", "PACT-2.0", "PACT-3.0",
            )
        ),
        "biogenicAccountingMethodology": _one_of("PEF", "ISO", "GHGP", "Quantis"),
        "exemptedEmissionsPercent": _number(
            0, 100, "exempted_emissions_percent_in_range", "%"
        ),
        "uncertaintyAssessmentDescription": _TEXT,
        "primaryDataShare": _number(0, 100, "primary_data_share_in_range", "%"),
        "dqi": _object(
            {
                "coveragePercent": _number(0, 100, "coverage_percent_in_range", "%"),
                "technologicalDQR": _DQR_2,
                "temporalDQR": _DQR_2,
                "geographicalDQR": _DQR_2,
                "completenessDQR": _DQR_2,
                "reliabilityDQR": _DQR_2,
            },
            (
                "coveragePercent", "technologicalDQR", "temporalDQR", "geographicalDQR",
                "completenessDQR", "reliabilityDQR",
            ),
        ),
        "assurance": _object(
            {
                "assurance": _boolean,
                "coverage": _one_of(
                    "corporate level", "product line", "PCF system", "product level"
                ),
                "level": _one_of("limited", "reasonable"),
                "boundary": _one_of("Gate-to-Gate", "Cradle-to-Gate"),
                "providerName": _TEXT,
                "completedAt": _date_time,
                "standardName": _TEXT,
                "comments": _TEXT,
            },
            ("assurance", "providerName"),
        ),
    },
}  # fmt: skip
_PCF_REQUIRED: Final[dict[str, tuple[str, ...]]] = {
    "3.0": (
        "declaredUnitOfMeasurement", "declaredUnitAmount", "productMassPerDeclaredUnit",
        "referencePeriodStart", "referencePeriodEnd", "pcfExcludingBiogenicUptake",
        "pcfIncludingBiogenicUptake", "fossilGhgEmissions", "fossilCarbonContent",
        "ipccCharacterizationFactors", "crossSectoralStandards", "exemptedEmissionsPercent",
    ),
    "2.3": (
        "declaredUnit", "unitaryProductAmount", "referencePeriodStart", "referencePeriodEnd",
        "pCfExcludingBiogenic", "fossilGhgEmissions", "fossilCarbonContent",
        "biogenicCarbonContent", "characterizationFactors", "ipccCharacterizationFactorsSources",
        "crossSectoralStandardsUsed", "boundaryProcessesDescription", "exemptedEmissionsPercent",
        "exemptedEmissionsDescription", "packagingEmissionsIncluded",
    ),
}  # fmt: skip

#: Rules `read_pact` reports in ``unmapped`` or lets pass instead of refusing the document:
#: they do not stop carbonfoot from holding what the document says.
_TOLERATED_ON_READ: Final = frozenset(
    {
        "pcf_excluding_biogenic_uptake_adds_up",
        "pcf_including_biogenic_uptake_adds_up",
        "other_operator_named",
        "exempted_emissions_percent_at_most_5",
        "primary_data_share_or_dqi_reported",
        "validity_period_after_reference_period",
        "validity_period_at_most_3_years",
        "ccs_values_absent_when_not_included",
    }
)


def _family(document: Mapping[str, Any]) -> PactVersion | None:
    spec = document.get("specVersion")
    if isinstance(spec, str):
        major = spec.split(".", 1)[0]
        if major == "2":
            return "2.3"
        if major == "3":
            return "3.0"
    return None


def _guess(document: Mapping[str, Any]) -> PactVersion:
    pcf = document.get("pcf")
    if isinstance(pcf, dict) and ("declaredUnit" in pcf or "pCfExcludingBiogenic" in pcf):
        return "2.3"
    return "3.0"


def _times(text: str, amount: Decimal) -> Decimal:
    return _EXACT.multiply(Decimal(text), amount)


def _check_one(document: Any, version: PactVersion | None, prefix: str) -> list[PactProblem]:
    problems: list[PactProblem] = []

    def add(path: str, rule: str, message: str) -> None:
        problems.append(PactProblem(prefix + path, rule, message))

    if not isinstance(document, dict):
        add("", "json_type", f"a PACT ProductFootprint is a JSON object, got {_show(document)}")
        return problems
    family = _family(document)
    if version is None:
        if family is None:
            version = _guess(document)
            add(
                "specVersion",
                "spec_version_known",
                f"{_show(document.get('specVersion'))} does not name PACT 2.x or 3.x; "
                f"checked as PACT {version}",
            )
        else:
            version = family
    elif family is not None and family != version:
        add(
            "specVersion",
            "spec_version_matches",
            f"{_show(document['specVersion'])} is not a PACT {version} version "
            f"(write {SPEC_VERSIONS[version]!r})",
        )
    _object(_TOP[version], _TOP_REQUIRED[version])(document, "", add)
    pcf = document.get("pcf")
    if "pcf" in document:
        _object(_PCF[version], _PCF_REQUIRED[version])(pcf, "pcf", add)
    if isinstance(pcf, dict):  # the rules look only at the values that are valid
        invalid = {p.path.removeprefix(prefix) for p in problems}
        _check_rules(document, pcf, version, add, invalid)
    return problems


def _check_rules(
    document: Mapping[str, Any],
    pcf: Mapping[str, Any],
    version: PactVersion,
    add: _Add,
    invalid: set[str],
) -> None:
    if pcf.get("packagingEmissionsIncluded") is False and "packagingGhgEmissions" in pcf:
        add(
            "pcf.packagingGhgEmissions",
            "packaging_emissions_absent_when_not_included",
            "must be left out when packagingEmissionsIncluded is false",
        )
    if version == "3.0" and pcf.get("ccsTechnologicalCO2CaptureIncluded") is False:
        for key in ("ccsTechnologicalCO2Capture", "technologicalCO2Removals"):
            if key in pcf:
                add(
                    f"pcf.{key}",
                    "ccs_values_absent_when_not_included",
                    "must be left out when ccsTechnologicalCO2CaptureIncluded is false",
                )
    start, end = (
        _parse_date_time(v) if isinstance(v, str) else None
        for v in (pcf.get("referencePeriodStart"), pcf.get("referencePeriodEnd"))
    )
    if start is not None and end is not None and start >= end:
        add(
            "pcf.referencePeriodEnd",
            "reference_period_start_before_end",
            f"{_show(pcf['referencePeriodEnd'])} must be after referencePeriodStart "
            f"{_show(pcf['referencePeriodStart'])} (the end is exclusive)",
        )
    valid_from, valid_to = (
        _parse_date_time(v) if isinstance(v, str) else None
        for v in (document.get("validityPeriodStart"), document.get("validityPeriodEnd"))
    )
    if valid_from is not None and valid_to is not None and valid_from >= valid_to:
        add(
            "validityPeriodEnd",
            "validity_period_start_before_end",
            f"{_show(document['validityPeriodEnd'])} must be after validityPeriodStart",
        )
    if version == "2.3" and end is not None:
        if valid_from is not None and valid_from < end:
            add(
                "validityPeriodStart",
                "validity_period_after_reference_period",
                "PACT 2.x: must not be before referencePeriodEnd",
            )
        if valid_to is not None and valid_to > _plus_years(end, 3):
            add(
                "validityPeriodEnd",
                "validity_period_at_most_3_years",
                "PACT 2.x: must be at most 3 years after referencePeriodEnd",
            )
    geographies = [
        k
        for k in ("geographyRegionOrSubregion", "geographyCountry", "geographyCountrySubdivision")
        if k in pcf
    ]
    if len(geographies) > 1:
        add(
            "pcf." + geographies[1],
            "geography_at_most_one",
            f"give at most one of {', '.join(geographies)} (PACT oneOf)",
        )
    rules = pcf.get("productOrSectorSpecificRules")
    for number, rule in enumerate(rules if isinstance(rules, list) else []):
        if (
            isinstance(rule, dict)
            and rule.get("operator") == "Other"
            and "otherOperatorName" not in rule
        ):
            add(
                f"pcf.productOrSectorSpecificRules[{number}].otherOperatorName",
                "other_operator_named",
                "must name the operator when operator is 'Other'",
            )
    if version == "3.0":
        _check_sums(pcf, add, invalid)
    else:
        exempted = pcf.get("exemptedEmissionsPercent")
        if isinstance(exempted, int | float) and not isinstance(exempted, bool) and exempted > 5:
            add(
                "pcf.exemptedEmissionsPercent",
                "exempted_emissions_percent_at_most_5",
                f"{exempted} %: PACT 2.x allows at most 5 % of emissions to be exempted "
                f"(the upper boundary removed in 3.0)",
            )
        if end is not None:
            _check_v2_quality_reported(pcf, start, end, add)


def _plus_years(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, month=3, day=1)


def _check_v2_quality_reported(
    pcf: Mapping[str, Any], start: datetime | None, end: datetime, add: _Add
) -> None:
    has_share, has_dqi = "primaryDataShare" in pcf, "dqi" in pcf
    if end > _2025:
        for key, present in (("primaryDataShare", has_share), ("dqi", has_dqi)):
            if not present:
                add(
                    f"pcf.{key}",
                    "primary_data_share_or_dqi_reported",
                    "PACT 2.x: must be given when the reference period includes 2025 or later",
                )
    elif not (has_share or has_dqi):
        add(
            "pcf.primaryDataShare",
            "primary_data_share_or_dqi_reported",
            "PACT 2.x: give primaryDataShare or dqi (or both)",
        )


def _check_sums(pcf: Mapping[str, Any], add: _Add, invalid: set[str]) -> None:
    """The two totals against their components; skipped when a value is already reported."""
    parts = [key for _, key in _EXCLUDING if key in pcf]
    uptake = ["biogenicCO2Uptake"] if "biogenicCO2Uptake" in pcf else []
    for key, rule, components, formula in (
        (
            "pcfExcludingBiogenicUptake",
            "pcf_excluding_biogenic_uptake_adds_up",
            parts,
            "fossilGhgEmissions + landUseChangeGhgEmissions + landManagementBiogenicCO2Emissions"
            " + landManagementBiogenicCO2Removals + technologicalCO2Removals"
            " + ccsTechnologicalCO2Capture + biogenicNonCO2Emissions",
        ),
        (
            "pcfIncludingBiogenicUptake",
            "pcf_including_biogenic_uptake_adds_up",
            parts + uptake,
            "the same + biogenicCO2Uptake",
        ),
    ):
        if key not in pcf or any(f"pcf.{k}" in invalid for k in [key, *components]):
            continue
        stated = pcf[key]
        ok, computed = _adds_up(stated, [pcf[k] for k in components])
        if not ok:
            add(
                f"pcf.{key}",
                rule,
                f"states {stated} but its components add up to {_plain(computed)} "
                f"({formula}; absent components count as 0)",
            )


def check_pact(document: Mapping[str, Any], version: str | None = None) -> list[PactProblem]:
    """What is wrong with a PACT document, beyond and including its official schema.

    Parameters
    ----------
    document
        A parsed PACT ``ProductFootprint`` (a dict), or an API response ``{"data": ...}``
        holding one or a list of them (paths then start with ``data`` / ``data[i]``).
    version
        ``"3.0"`` or ``"2.3"``; by default the major version of ``specVersion`` (2.x is
        checked as 2.3, 3.x as 3.0).

    Returns
    -------
    list of PactProblem
        Empty when the document is valid.

    Notes
    -----
    Checked: required fields per version; JSON types; enumerations; UUIDs, URNs, RFC 3339
    date-times with offset; decimal strings against the official patterns *anchored*, with
    the sign of each field (3.0.3's unanchored ``NegativeOrZeroDecimal`` accepts ``"10"``);
    ranges of percentages and ratings (2.x: 1 to 3, 3.0: 1 to 5); packaging emissions left out
    when not included; reference period start before end; validity period in order; at most
    one geography; an operator name for "Other" rules. PACT 3.0: both totals equal their
    components (x-comment of ``pcfExcludingBiogenicUptake`` and ``pcfIncludingBiogenicUptake``;
    absent components count as 0). PACT 2.x: at most 5 % exempted; ``primaryDataShare`` and
    ``dqi`` by reference period; validity period after the reference period, at most 3 years.

    The totals are compared in exact decimal arithmetic with a tolerance of half a unit in the
    last decimal place of the stated total (a total may be rounded to fewer places than its
    components) plus 1e-6 of the larger magnitude (totals computed in binary floating point).

    Examples
    --------
    >>> document = {"specVersion": "3.0.3", "pcf": {"biogenicCO2Uptake": "abc10"}}
    >>> [p.rule for p in check_pact(document) if p.path == "pcf.biogenicCO2Uptake"]
    ['decimal_format']
    """
    if version is not None:
        version = _version(version)
    if isinstance(document, Mapping) and "data" in document and "pcf" not in document:
        data = document["data"]
        if isinstance(data, list):
            problems = []
            for number, item in enumerate(data):
                problems += _check_one(item, version, f"data[{number}].")
            return problems
        return _check_one(data, version, "data.")
    return _check_one(dict(document) if isinstance(document, Mapping) else document, version, "")


# --------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------

# Keys carbonfoot maps (everything else is kept in ``unmapped``).
_MAPPED_TOP: Final[dict[str, frozenset[str]]] = {
    "3.0": frozenset(_TOP["3.0"]) | {"pcf"},
    "2.3": frozenset(_TOP["2.3"]) - {"updated", "statusComment"} | {"pcf"},
}
_MAPPED_PCF: Final[dict[str, frozenset[str]]] = {
    "3.0": frozenset(
        {
            "declaredUnitOfMeasurement", "declaredUnitAmount", "productMassPerDeclaredUnit",
            "referencePeriodStart", "referencePeriodEnd", "geographyRegionOrSubregion",
            "geographyCountry", "geographyCountrySubdivision", "boundaryProcessesDescription",
            "pcfExcludingBiogenicUptake", "pcfIncludingBiogenicUptake", "fossilCarbonContent",
            "biogenicCarbonContent", "fossilGhgEmissions", "landUseChangeGhgEmissions",
            "landManagementBiogenicCO2Emissions", "landManagementBiogenicCO2Removals",
            "biogenicCO2Uptake", "biogenicNonCO2Emissions", "aircraftGhgEmissions",
            "packagingEmissionsIncluded", "packagingGhgEmissions", "ccsTechnologicalCO2Capture",
            "technologicalCO2Removals", "ipccCharacterizationFactors", "crossSectoralStandards",
            "productOrSectorSpecificRules", "exemptedEmissionsPercent",
            "exemptedEmissionsDescription", "allocationRulesDescription",
            "secondaryEmissionFactorSources", "primaryDataShare", "dqi",
        }
    ),
    "2.3": frozenset(
        {
            "declaredUnit", "unitaryProductAmount", "productMassPerDeclaredUnit",
            "pCfExcludingBiogenic", "pCfIncludingBiogenic", "fossilGhgEmissions",
            "fossilCarbonContent", "biogenicCarbonContent", "dLucGhgEmissions",
            "biogenicCarbonWithdrawal", "aircraftGhgEmissions", "packagingEmissionsIncluded",
            "packagingGhgEmissions", "characterizationFactors",
            "ipccCharacterizationFactorsSources", "crossSectoralStandardsUsed",
            "crossSectoralStandards", "productOrSectorSpecificRules",
            "boundaryProcessesDescription", "referencePeriodStart", "referencePeriodEnd",
            "geographyRegionOrSubregion", "geographyCountry", "geographyCountrySubdivision",
            "secondaryEmissionFactorSources", "exemptedEmissionsPercent",
            "exemptedEmissionsDescription", "allocationRulesDescription",
            "uncertaintyAssessmentDescription", "primaryDataShare", "dqi",
        }
    ),
}  # fmt: skip
_MAPPED_DQI: Final[dict[str, frozenset[str]]] = {
    "3.0": frozenset({"technologicalDQR", "geographicalDQR", "temporalDQR"}),
    "2.3": frozenset(
        {
            "coveragePercent", "technologicalDQR", "temporalDQR", "geographicalDQR",
            "completenessDQR", "reliabilityDQR",
        }
    ),
}  # fmt: skip
_CARRYOVER_KEYS: Final[dict[str, frozenset[str]]] = {
    "3.0": frozenset({"version", "uncertaintyAssessmentDescription", "dqi"}),
    "2.3": frozenset(key for _, key in _V3_ONLY_EMISSIONS),
}

# Model field → document path, to name the JSON path in errors from the model.
_PATHS: Final[dict[str, dict[str, str]]] = {
    "3.0": {
        "id": "id", "product_name": "productNameCompany", "product_ids": "productIds",
        "product_category_cpc": "productClassifications",
        "product_classifications": "productClassifications", "company_name": "companyName",
        "company_ids": "companyIds", "created": "created", "version": "extensions",
        "preceding_pf_ids": "precedingPfIds", "declared_unit": "pcf.declaredUnitOfMeasurement",
        "declared_unit_amount": "pcf.declaredUnitAmount",
        "cross_sectoral_standards": "pcf.crossSectoralStandards",
        "characterization_factors": "pcf.ipccCharacterizationFactors",
        "dqi": "pcf.dqi", "extensions": "extensions",
    },
    "2.3": {
        "id": "id", "product_name": "productNameCompany", "product_ids": "productIds",
        "product_category_cpc": "productCategoryCpc",
        "product_classifications": "productClassifications", "company_name": "companyName",
        "company_ids": "companyIds", "created": "created", "version": "version",
        "preceding_pf_ids": "precedingPfIds", "declared_unit": "pcf.declaredUnit",
        "declared_unit_amount": "pcf.unitaryProductAmount",
        "cross_sectoral_standards": "pcf.crossSectoralStandards",
        "characterization_factors": "pcf.ipccCharacterizationFactorsSources",
        "dqi": "pcf.dqi", "extensions": "extensions",
        "land_use_change_ghg_emissions": "pcf.dLucGhgEmissions",
        "biogenic_co2_uptake": "pcf.biogenicCarbonWithdrawal",
    },
}  # fmt: skip


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def _path_of(field: str, version: PactVersion) -> str:
    if field in _PATHS[version]:
        return _PATHS[version][field]
    if field in ("reference_period_start", "reference_period_end"):
        return "pcf." + _camel(field)
    if field in ("validity_period_start", "validity_period_end", "status", "comment"):
        return _camel(field)
    key = {name: key for name, key in _EXCLUDING}.get(field)
    return "pcf." + (key or _camel(field))


@dataclass
class _Source:
    """A document being read: its version, where it is, and what was not mapped."""

    document: dict[str, Any]
    version: PactVersion
    where: str
    unmapped: dict[str, Any]
    carried: dict[str, str]  # carryover key -> its JSON path


def _unmapped_keys(source: _Source) -> None:
    doc, version = source.document, source.version
    for key, value in doc.items():
        if key not in _MAPPED_TOP[version]:
            source.unmapped[key] = value
    pcf = doc["pcf"]
    for key, value in pcf.items():
        if key not in _MAPPED_PCF[version]:
            source.unmapped[f"pcf.{key}"] = value
    dqi = pcf.get("dqi")
    if isinstance(dqi, dict):
        for key, value in dqi.items():
            if key not in _MAPPED_DQI[version]:
                source.unmapped[f"pcf.dqi.{key}"] = value
    for name, known in (
        ("productOrSectorSpecificRules", {"operator", "ruleNames", "otherOperatorName"}),
        ("secondaryEmissionFactorSources", {"name", "version"}),
    ):
        for number, item in enumerate(pcf.get(name, [])):
            for key, value in item.items():
                if key not in known:
                    source.unmapped[f"pcf.{name}[{number}].{key}"] = value


def _carryover_data(source: _Source) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The carryover extension's data (by key), and the other extensions."""
    data: dict[str, Any] = {}
    kept: list[dict[str, Any]] = []
    for number, extension in enumerate(source.document.get("extensions", [])):
        if extension.get("dataSchema") != CARRYOVER_SCHEMA:
            kept.append(extension)
            continue
        for key, value in extension["data"].items():
            if key in _CARRYOVER_KEYS[source.version] and key not in data:
                data[key] = value
                source.carried[key] = f"extensions[{number}].data.{key}"
            else:
                source.unmapped[f"extensions[{number}].data.{key}"] = value
    return data, kept


def _rules_from(pcf: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "operator": rule["operator"],
            "rule_names": rule["ruleNames"],
            "other_operator_name": rule.get("otherOperatorName"),
        }
        for rule in pcf.get("productOrSectorSpecificRules", [])
    ]


def _scope_from(pcf: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "reference_period_start": _parse_date_time(pcf["referencePeriodStart"]),
        "reference_period_end": _parse_date_time(pcf["referencePeriodEnd"]),
        "geography_country": pcf.get("geographyCountry"),
        "geography_country_subdivision": pcf.get("geographyCountrySubdivision"),
        "geography_region_or_subregion": pcf.get("geographyRegionOrSubregion"),
        "boundary_processes_description": pcf.get("boundaryProcessesDescription", ""),
        "packaging_emissions_included": pcf.get("packagingEmissionsIncluded", False),
        "product_or_sector_specific_rules": _rules_from(pcf),
        "exempted_emissions_description": pcf.get("exemptedEmissionsDescription", ""),
        "allocation_rules_description": pcf.get("allocationRulesDescription", ""),
        "secondary_emission_factor_sources": [
            (s["name"], s["version"]) for s in pcf.get("secondaryEmissionFactorSources", [])
        ],
    }


def _head_from(doc: Mapping[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": UUID(doc["id"]),
        "created": _parse_date_time(doc["created"]),
        "status": doc["status"],
        "company_name": doc["companyName"],
        "company_ids": doc["companyIds"],
        "product_description": doc["productDescription"],
        "product_ids": doc["productIds"],
        "product_name": doc["productNameCompany"],
        "comment": doc.get("comment", ""),
        "preceding_pf_ids": [UUID(i) for i in doc.get("precedingPfIds", [])],
    }
    for key, name in (
        ("validityPeriodStart", "validity_period_start"),
        ("validityPeriodEnd", "validity_period_end"),
    ):
        if key in doc:
            fields[name] = _parse_date_time(doc[key])
    return fields


def _stated_total(source: _Source, key: str, parts: list[str], prefix: str = "pcf.") -> None:
    stated = source.document["pcf"].get(key)
    if isinstance(stated, str) and not _adds_up(stated, parts)[0]:
        source.unmapped[prefix + key] = stated


def _fields_v3(source: _Source) -> dict[str, Any]:
    doc = source.document
    pcf = doc["pcf"]
    data, extensions = _carryover_data(source)
    fields = _head_from(doc)
    classifications = list(doc.get("productClassifications", []))
    for urn in classifications:
        if urn.startswith(_CPC_URN) and len(urn) > len(_CPC_URN):
            fields["product_category_cpc"] = urn[len(_CPC_URN) :]
            classifications.remove(urn)
            break
    fields["product_classifications"] = classifications
    fields["extensions"] = extensions
    if "version" in data:
        fields["version"] = data["version"]
    fields.update(_scope_from(pcf))

    def number(key: str) -> float | None:
        return float(pcf[key]) if key in pcf else None

    fields["declared_unit"] = pcf["declaredUnitOfMeasurement"]
    fields["declared_unit_amount"] = number("declaredUnitAmount")
    fields["product_mass_per_declared_unit"] = number("productMassPerDeclaredUnit")
    for name, key in _EXCLUDING:
        fields[name] = number(key)
    fields["biogenic_co2_uptake"] = number("biogenicCO2Uptake")
    fields["aircraft_ghg_emissions"] = number("aircraftGhgEmissions")
    fields["packaging_ghg_emissions"] = number("packagingGhgEmissions")
    fields["fossil_carbon_content"] = number("fossilCarbonContent")
    fields["biogenic_carbon_content"] = number("biogenicCarbonContent")
    fields["characterization_factors"] = pcf["ipccCharacterizationFactors"]
    fields["cross_sectoral_standards"] = pcf["crossSectoralStandards"]
    fields["exempted_emissions_percent"] = number("exemptedEmissionsPercent")
    fields["primary_data_share"] = number("primaryDataShare")
    fields["uncertainty_assessment_description"] = data.get("uncertaintyAssessmentDescription")
    if "dqi" in pcf:
        extra = data.get("dqi", {})
        fields["dqi"] = {
            "technological_dqr": float(pcf["dqi"]["technologicalDQR"]),
            "temporal_dqr": float(pcf["dqi"]["temporalDQR"]),
            "geographical_dqr": float(pcf["dqi"]["geographicalDQR"]),
            "coverage_percent": extra.get("coveragePercent"),
            "completeness_dqr": extra.get("completenessDQR"),
            "reliability_dqr": extra.get("reliabilityDQR"),
        }
    elif "dqi" in data:
        source.unmapped[source.carried["dqi"]] = data["dqi"]
    parts = [pcf[key] for _, key in _EXCLUDING if key in pcf]
    uptake = [pcf["biogenicCO2Uptake"]] if "biogenicCO2Uptake" in pcf else []
    _stated_total(source, "pcfExcludingBiogenicUptake", parts)
    _stated_total(source, "pcfIncludingBiogenicUptake", parts + uptake)
    return fields


def _fields_v2(source: _Source) -> dict[str, Any]:
    doc = source.document
    pcf = doc["pcf"]
    data, extensions = _carryover_data(source)
    amount = Decimal(pcf["unitaryProductAmount"])
    fields = _head_from(doc)
    fields["version"] = doc["version"]
    fields["product_category_cpc"] = doc["productCategoryCpc"]
    fields["product_classifications"] = doc.get("productClassifications", [])
    fields["extensions"] = extensions
    fields.update(_scope_from(pcf))

    def scaled(text: str | None) -> float | None:
        return None if text is None else float(_times(text, amount))

    fields["declared_unit"] = pcf["declaredUnit"]
    fields["declared_unit_amount"] = float(amount)
    fields["product_mass_per_declared_unit"] = scaled(pcf.get("productMassPerDeclaredUnit"))
    fields["fossil_ghg_emissions"] = scaled(pcf["fossilGhgEmissions"])
    fields["land_use_change_ghg_emissions"] = scaled(pcf.get("dLucGhgEmissions"))
    fields["biogenic_co2_uptake"] = scaled(pcf.get("biogenicCarbonWithdrawal"))
    for name, key in _V3_ONLY_EMISSIONS:
        value = data.get(key)
        if value is not None and not (isinstance(value, str) and _DECIMAL.fullmatch(value)):
            raise ValidationError(
                f"{source.where}{source.carried[key]}: {_show(value)} is not a decimal string "
                f'(carbonfoot carryover extension), e.g. "0.25"'
            )
        fields[name] = scaled(value)
    fields["aircraft_ghg_emissions"] = scaled(pcf.get("aircraftGhgEmissions"))
    fields["packaging_ghg_emissions"] = scaled(pcf.get("packagingGhgEmissions"))
    fields["fossil_carbon_content"] = scaled(pcf["fossilCarbonContent"])
    fields["biogenic_carbon_content"] = scaled(pcf["biogenicCarbonContent"])

    reports = pcf["ipccCharacterizationFactorsSources"]
    fields["characterization_factors"] = reports
    if pcf["characterizationFactors"] != _earliest_ar5_or_ar6(reports):
        source.unmapped["pcf.characterizationFactors"] = pcf["characterizationFactors"]
    used = pcf["crossSectoralStandardsUsed"]
    standards = pcf.get("crossSectoralStandards") or [_STANDARDS_FROM_USED[u] for u in used]
    fields["cross_sectoral_standards"] = standards
    if _standards_used(standards) != used:
        source.unmapped["pcf.crossSectoralStandardsUsed"] = used

    fields["exempted_emissions_percent"] = pcf["exemptedEmissionsPercent"]
    fields["primary_data_share"] = pcf.get("primaryDataShare")
    fields["uncertainty_assessment_description"] = pcf.get("uncertaintyAssessmentDescription")
    if "dqi" in pcf:
        dqi = pcf["dqi"]
        fields["dqi"] = {
            "coverage_percent": dqi["coveragePercent"],
            "technological_dqr": dqi["technologicalDQR"],
            "temporal_dqr": dqi["temporalDQR"],
            "geographical_dqr": dqi["geographicalDQR"],
            "completeness_dqr": dqi["completenessDQR"],
            "reliability_dqr": dqi["reliabilityDQR"],
        }
    parts = [pcf["fossilGhgEmissions"]]
    parts += [pcf["dLucGhgEmissions"]] if "dLucGhgEmissions" in pcf else []
    parts += [data[key] for _, key in _V3_ONLY_EMISSIONS if data.get(key) is not None]
    uptake = [pcf["biogenicCarbonWithdrawal"]] if "biogenicCarbonWithdrawal" in pcf else []
    _stated_total(source, "pCfExcludingBiogenic", parts)
    _stated_total(source, "pCfIncludingBiogenic", parts + uptake)
    return fields


def _problem_lines(problems: list[PactProblem]) -> str:
    shown = problems[:20]
    more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
    return "\n".join(f"  - {p.path}: {p.message} [{p.rule}]" for p in shown) + more


def _footprint(document: Any, where: str, prefix: str) -> ProductFootprint:
    if not isinstance(document, dict):
        raise ValidationError(
            f"{where}{prefix or 'the document'}: a PACT ProductFootprint is a JSON object, "
            f"got {_show(document)}"
        )
    version = _family(document)
    if version is None:
        raise ValidationError(
            f"{where}{prefix}specVersion: {_show(document.get('specVersion'))} does not name a "
            f"PACT version carbonfoot reads; valid: a 2.x version such as '2.3.3' or a 3.x "
            f"version such as '3.0.3'"
        )
    problems = [
        p for p in _check_one(document, version, prefix) if p.rule not in _TOLERATED_ON_READ
    ]
    if problems:
        raise ValidationError(
            f"{where}not a valid PACT {version} ProductFootprint "
            f"({len(problems)} problem{'s' if len(problems) > 1 else ''}):\n"
            + _problem_lines(problems)
        )
    source = _Source(document, version, where + prefix, {}, {})
    _unmapped_keys(source)
    fields = _fields_v3(source) if version == "3.0" else _fields_v2(source)
    fields["unmapped"] = source.unmapped
    try:
        return ProductFootprint(**fields)
    except pydantic.ValidationError as exc:
        lines = []
        for error in exc.errors():
            loc = [str(part) for part in error["loc"]]
            path = prefix + (_path_of(loc[0], version) if loc else "")
            message = str(error["msg"]).removeprefix("Value error, ")
            field = ".".join(loc) or "-"
            lines.append(f"  - {path or 'document'}: {message} (carbonfoot field {field})")
        raise ValidationError(
            f"{where}PACT {version} ProductFootprint cannot be read:\n" + "\n".join(lines)
        ) from None


def _from_document(document: Any, where: str) -> ProductFootprint | list[ProductFootprint]:
    if isinstance(document, Mapping) and "data" in document and "pcf" not in document:
        data = document["data"]
        if isinstance(data, list):
            return [_footprint(item, where, f"data[{n}].") for n, item in enumerate(data)]
        return _footprint(data, where, "data.")
    return _footprint(dict(document) if isinstance(document, Mapping) else document, where, "")


def _loads(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"{where}not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}; "
            f"a PACT document is a JSON object"
        ) from None


def read_pact(
    source: str | os.PathLike[str] | Mapping[str, Any],
) -> ProductFootprint | list[ProductFootprint]:
    """Read a PACT 2.x or 3.x footprint from a JSON file or a parsed document.

    Parameters
    ----------
    source
        Path of a JSON file, or the parsed document (a dict). A single ``ProductFootprint``
        gives one `ProductFootprint`; an API response ``{"data": [...]}`` gives a list, and
        ``{"data": {...}}`` (GetFootprint) gives one. For JSON text use `parse_pact`.

    Returns
    -------
    ProductFootprint or list of ProductFootprint
        PACT 2.x values are rescaled to the 3.0 declared unit (× ``unitaryProductAmount``).
        What the model does not hold is in ``.unmapped``, keyed by JSON path.

    Raises
    ------
    carbonfoot.errors.ValidationError
        If the document is not valid PACT: the message lists each JSON path, what is wrong and
        what would be valid (`check_pact` problems, except the totals' sums and the other
        rules listed in the module notes, which are kept in ``.unmapped`` or let pass).
    carbonfoot.errors.DataError
        If the file cannot be read.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> footprint = cf.examples.load_demo_footprint()  # 2 m² of tile, 23 kg CO2e
    >>> read_pact(to_pact(footprint, "2.3")) == footprint
    True
    """
    if isinstance(source, Mapping):
        return _from_document(source, "")
    if isinstance(source, str) and source.lstrip().startswith(("{", "[")):
        raise ValidationError(
            "read_pact takes a path or a parsed dict; this looks like JSON text: "
            "use parse_pact(text)"
        )
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc})") from None
    return _from_document(_loads(text, f"{path}: "), f"{path}: ")


def parse_pact(text: str) -> ProductFootprint | list[ProductFootprint]:
    """Read a PACT footprint from JSON text (see `read_pact`).

    Parameters
    ----------
    text
        The JSON of a ``ProductFootprint`` or of an API response ``{"data": ...}``.

    Returns
    -------
    ProductFootprint or list of ProductFootprint

    Raises
    ------
    carbonfoot.errors.ValidationError
        If the text is not JSON, or not valid PACT.

    Examples
    --------
    >>> parse_pact('{"specVersion": "3.0.3"')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carbonfoot.errors.ValidationError: not valid JSON: Expecting ',' delimiter at line 1, ...
    """
    return _from_document(_loads(text, ""), "")
