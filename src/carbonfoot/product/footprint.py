"""Product carbon footprints (ISO 14067 / GB/T 24067-2024) as exchanged in WBCSD PACT.

`ProductFootprint` holds one product's footprint per declared unit, with the metadata PACT
carries; `DataQuality` holds its PACT data-quality indicators. Both are frozen pydantic
models. `carbonfoot.product.pact` writes and reads them as PACT 2.3 and 3.0 documents.

Emissions and removals are in kg CO2e per declared unit, carbon contents in kg C per
declared unit. The declared unit is ``declared_unit_amount`` × ``declared_unit`` (PACT 3.0,
``declaredUnitOfMeasurement`` and ``declaredUnitAmount``): a footprint of a 12.5 liter
bottle of ethanol has ``declared_unit="liter"``, ``declared_unit_amount=12.5`` and its
emissions per bottle.

Signs follow PACT: emissions are zero or more, removals and uptake are zero or less.

Invalid values raise ``ValueError`` inside the validators; pydantic collects them into a
`pydantic.ValidationError`, which is also a ``ValueError`` and names each field. Readers of
PACT documents (`carbonfoot.product.pact.read_pact`) turn them into
`carbonfoot.errors.ValidationError` naming the JSON path.

Examples
--------
>>> from datetime import UTC, datetime
>>> from uuid import UUID
>>> from carbonfoot.product.footprint import ProductFootprint
>>> footprint = ProductFootprint(
...     id=UUID("00000000-0000-4000-8000-000000000001"),
...     product_name="Ceramic tile (fictional)",
...     product_ids=["urn:gtin:0000000000001"],
...     company_name="Example Ceramics Co. (fictional)",
...     company_ids=["urn:company:example:ceramics"],
...     created=datetime(2025, 3, 1, tzinfo=UTC),
...     declared_unit="square meter",
...     reference_period_start=datetime(2024, 1, 1, tzinfo=UTC),
...     reference_period_end=datetime(2025, 1, 1, tzinfo=UTC),
...     fossil_ghg_emissions=11.5,
...     fossil_carbon_content=0.0,
...     characterization_factors=["AR6"],
...     cross_sectoral_standards=["ISO14067"],
...     exempted_emissions_percent=0.5,
... )
>>> footprint.pcf_excluding_biogenic_uptake
11.5
"""

from __future__ import annotations

import html
import math
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, get_args
from uuid import UUID, uuid4

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

if TYPE_CHECKING:  # pragma: no cover
    from carbonfoot.product.pact import PactVersion

__all__ = [
    "DECLARED_UNITS",
    "REGIONS_OR_SUBREGIONS",
    "DataQuality",
    "ProductFootprint",
    "ProductOrSectorSpecificRule",
]

DeclaredUnit = Literal[
    "liter",
    "kilogram",
    "cubic meter",
    "kilowatt hour",
    "megajoule",
    "ton kilometer",
    "square meter",
    "piece",
    "hour",
    "megabit second",
]
#: The declared units of PACT 3.0 (``declaredUnitOfMeasurement``). PACT 2.3 knows the first
#: seven only.
DECLARED_UNITS: Final[tuple[str, ...]] = get_args(DeclaredUnit)

RegionOrSubregion = Literal[
    "Africa",
    "Americas",
    "Asia",
    "Europe",
    "Oceania",
    "Australia and New Zealand",
    "Central Asia",
    "Eastern Asia",
    "Eastern Europe",
    "Latin America and the Caribbean",
    "Melanesia",
    "Micronesia",
    "Northern Africa",
    "Northern America",
    "Northern Europe",
    "Polynesia",
    "South-eastern Asia",
    "Southern Asia",
    "Southern Europe",
    "Sub-Saharan Africa",
    "Western Asia",
    "Western Europe",
]
#: UN geographic regions and subregions allowed in ``geographyRegionOrSubregion``.
REGIONS_OR_SUBREGIONS: Final[tuple[str, ...]] = get_args(RegionOrSubregion)

_URN = re.compile(r"^urn:[a-z0-9][a-z0-9-]*:\S+$", re.IGNORECASE)
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_SUBDIVISION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_IPCC_REPORT = re.compile(r"^AR\d+$")
_STATED_TOTALS: Final = frozenset(
    {
        "pcfExcludingBiogenicUptake",
        "pcfIncludingBiogenicUptake",
        "pCfExcludingBiogenic",
        "pCfIncludingBiogenic",
    }
)


# --------------------------------------------------------------------------------------
# One check per rule, named as the rule (pydantic wraps the ValueError it raises)
# --------------------------------------------------------------------------------------


def _emission_is_not_negative(value: float) -> float:
    """An emission [kg CO2e per declared unit] is zero or more."""
    if value < 0:
        raise ValueError(
            f"an emission must be ≥ 0 kg CO2e per declared unit (removals and uptake are "
            f"separate, negative fields); got {value!r}"
        )
    return value


def _removal_is_not_positive(value: float) -> float:
    """A removal or uptake [kg CO2e per declared unit] is zero or less (PACT sign)."""
    if value > 0:
        raise ValueError(
            f"a removal or uptake must be ≤ 0 kg CO2e per declared unit (PACT gives removals "
            f"a negative sign); got {value!r}"
        )
    return value


def _carbon_content_is_not_negative(value: float) -> float:
    """A carbon content [kg C per declared unit] is zero or more."""
    if value < 0:
        raise ValueError(f"a carbon content must be ≥ 0 kg C per declared unit; got {value!r}")
    return value


def _mass_is_not_negative(value: float) -> float:
    """A mass [kg] is zero or more (PACT: 0 when mass is not relevant)."""
    if value < 0:
        raise ValueError(f"a mass must be ≥ 0 kg (0 when mass is not relevant); got {value!r}")
    return value


def _percent_is_between_0_and_100(value: float) -> float:
    """A percentage [%] is between 0 and 100."""
    if not 0 <= value <= 100:
        raise ValueError(f"a percentage must be between 0 and 100 %; got {value!r}")
    return value


def _urn_is_valid(value: str) -> str:
    """An identifier is a URN (RFC 8141): ``urn:<namespace>:<specific string>``."""
    if not _URN.match(value):
        raise ValueError(
            f"{value!r} is not a URN; write urn:<namespace>:<id>, e.g. 'urn:gtin:4712345060507'"
        )
    return value


def _ipcc_report_is_named(value: str) -> str:
    """A characterization-factor source is an IPCC assessment report ``AR<number>``."""
    if not _IPCC_REPORT.match(value):
        raise ValueError(f"{value!r} is not an IPCC assessment report; write e.g. 'AR6' or 'AR5'")
    return value


def _text_is_not_empty(value: str) -> str:
    """A name is not empty or blank."""
    if not value.strip():
        raise ValueError("must not be empty")
    return value


_Emission = Annotated[float, AfterValidator(_emission_is_not_negative)]
_Removal = Annotated[float, AfterValidator(_removal_is_not_positive)]
_CarbonContent = Annotated[float, AfterValidator(_carbon_content_is_not_negative)]
_Mass = Annotated[float, AfterValidator(_mass_is_not_negative)]
_Percent = Annotated[float, AfterValidator(_percent_is_between_0_and_100)]
_Urn = Annotated[str, AfterValidator(_urn_is_valid)]
_IpccReport = Annotated[str, AfterValidator(_ipcc_report_is_named)]
_Name = Annotated[str, AfterValidator(_text_is_not_empty)]

_CONFIG: Final = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


def _rating_between(value: float, worst: int, field: str) -> float:
    if not 1 <= value <= worst:
        raise ValueError(
            f"{field} must be between 1 (best) and {worst}; got {value!r}"
            + (" (PACT 3.0 rates 1 to 5; PACT 2.x rated 1 to 3)" if worst == 5 else "")
        )
    return value


class DataQuality(BaseModel):
    """PACT data-quality indicators (DQI) of a footprint.

    The three representativeness ratings (DQR) exist in PACT 2.x (scale 1 to 3) and in
    PACT 3.0 (scale 1 to 5); ``coverage_percent``, ``completeness_dqr`` and
    ``reliability_dqr`` exist in PACT 2.x only. PACT 2.3 requires all six; a footprint read
    from PACT 3.0 has the three ratings only. The reference material gives no conversion
    between the two rating scales: values are kept as stated.

    Attributes
    ----------
    technological_dqr, temporal_dqr, geographical_dqr
        Representativeness ratings. [-], 1 (best) to 5; PACT 2.3 allows 1 to 3.
    coverage_percent
        Share of the footprint covered by the assessment. [%], 0 to 100.
    completeness_dqr, reliability_dqr
        Completeness and reliability ratings (PACT 2.x). [-], 1 to 3.

    Examples
    --------
    >>> DataQuality(technological_dqr=1.6, temporal_dqr=2.6, geographical_dqr=1.8).temporal_dqr
    2.6
    """

    model_config = _CONFIG

    technological_dqr: float
    temporal_dqr: float
    geographical_dqr: float
    coverage_percent: _Percent | None = None
    completeness_dqr: float | None = None
    reliability_dqr: float | None = None

    @field_validator("technological_dqr", "temporal_dqr", "geographical_dqr")
    @classmethod
    def rating_is_between_1_and_5(cls, value: float, info: ValidationInfo) -> float:
        return _rating_between(value, 5, str(info.field_name))

    @field_validator("completeness_dqr", "reliability_dqr")
    @classmethod
    def rating_is_between_1_and_3(cls, value: float | None, info: ValidationInfo) -> float | None:
        return None if value is None else _rating_between(value, 3, str(info.field_name))


class ProductOrSectorSpecificRule(BaseModel):
    """Product- or sector-specific rules (PCR, PEFCR …) followed, and who publishes them.

    Attributes
    ----------
    operator
        ``"PEF"``, ``"EPD International"`` or ``"Other"``.
    rule_names
        Names of the rules applied (at least one).
    other_operator_name
        The operator's name; PACT says it must be given when ``operator`` is ``"Other"``
        (`carbonfoot.product.pact.check_pact` reports it; the model accepts it missing, as
        some published examples do).
    """

    model_config = _CONFIG

    operator: Literal["PEF", "EPD International", "Other"]
    rule_names: list[_Name] = Field(min_length=1)
    other_operator_name: _Name | None = None

    @field_validator("rule_names")
    @classmethod
    def rule_names_are_unique(cls, value: list[str]) -> list[str]:
        return _unique(value, "rule_names")


def _unique(values: list[Any], field: str) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        if value in seen:
            raise ValueError(f"{field} lists {value!r} twice; each value must appear once")
        seen.append(value)
    return values


def _now() -> datetime:
    return datetime.now(UTC)


class ProductFootprint(BaseModel):
    """The carbon footprint of one product per declared unit, with its PACT metadata.

    Emissions, removals and uptake are in kg CO2e per declared unit
    (``declared_unit_amount`` × ``declared_unit``); removals and uptake are ≤ 0.
    ``None`` means "not stated" (PACT: blank if unknown); ``0`` means "not applicable".

    Attributes
    ----------
    id
        Identifier of this footprint (UUID; a new random one by default).
    product_name
        The product's trade name (PACT ``productNameCompany``).
    product_description
        Free text about the product.
    product_ids
        Product identifiers as URNs (at least one).
    product_category_cpc
        UN CPC code (PACT 2.3 ``productCategoryCpc``; PACT 3.0 writes it as the
        classification ``urn:pact:productclassification:un-cpc:<code>``).
    product_classifications
        Other classifications as URNs (PACT ``productClassifications``).
    company_name, company_ids
        The data owner's name and URN identifiers (at least one).
    created
        When the footprint was created (time-zone aware; default now, UTC).
    version
        PACT 2.x version number of the footprint [-], ≥ 0; PACT 3.0 dropped it.
    status
        ``"Active"`` or ``"Deprecated"``.
    comment
        Information on the calculation (PACT ``comment``).
    preceding_pf_ids
        Identifiers of earlier versions of this footprint.
    validity_period_start, validity_period_end
        Optional validity period (time-zone aware).
    declared_unit, declared_unit_amount
        The declared unit: a PACT 3.0 unit name (`DECLARED_UNITS`) and how many of them
        [declared unit], > 0.
    product_mass_per_declared_unit
        Mass of the declared unit without packaging [kg], ≥ 0 (0 when mass is not relevant).
    reference_period_start, reference_period_end
        Period the data represent: start inclusive, end exclusive (time-zone aware).
    geography_country, geography_country_subdivision, geography_region_or_subregion
        At most one: ISO 3166-1 alpha-2 (``"CN"``), ISO 3166-2 (``"CN-AH"``) or a UN region
        or subregion (`REGIONS_OR_SUBREGIONS`). None of them means global.
    boundary_processes_description
        Processes in each life-cycle stage.
    fossil_ghg_emissions
        Fossil GHG emissions [kg CO2e per declared unit], ≥ 0.
    biogenic_non_co2_emissions
        Biogenic non-CO2 emissions (biogenic CH4) [kg CO2e per declared unit], ≥ 0.
    biogenic_co2_uptake
        Biogenic CO2 taken up in the product [kg CO2e per declared unit], ≤ 0.
    land_use_change_ghg_emissions
        Land-use change emissions [kg CO2e per declared unit], ≥ 0.
    land_management_biogenic_co2_emissions
        Biogenic CO2 emissions of land management [kg CO2e per declared unit], ≥ 0.
    land_management_biogenic_co2_removals
        Biogenic CO2 removals of land management [kg CO2e per declared unit], ≤ 0.
    technological_co2_removals
        Technological CO2 removals (DAC, BECCS) [kg CO2e per declared unit], ≤ 0.
    ccs_technological_co2_capture
        CO2 captured with CCS [kg CO2e per declared unit], ≤ 0. PACT 3.0 counts it in
        both footprint totals (``ccsTechnologicalCO2Capture``).
    aircraft_ghg_emissions
        Of which: emissions of air transport [kg CO2e per declared unit], ≥ 0.
    packaging_emissions_included
        Whether packaging is in the boundary.
    packaging_ghg_emissions
        Of which: packaging emissions [kg CO2e per declared unit], ≥ 0; must be ``None``
        when packaging is not included.
    fossil_carbon_content, biogenic_carbon_content
        Carbon in the product [kg C per declared unit], ≥ 0.
    characterization_factors
        IPCC reports whose GWPs were used, e.g. ``["AR6"]``.
    cross_sectoral_standards
        Standards followed, e.g. ``["ISO14067", "PACT-3.0"]``. PACT 3.0 lets later
        revisions add values, so any non-empty name is accepted here; writing PACT 2.3
        accepts its eight values only.
    product_or_sector_specific_rules
        PCRs and sector rules followed (may be empty).
    exempted_emissions_percent
        Share of emissions left out [%], 0 to 100. PACT 2.3 caps it at 5 % (the PACT
        Methodology's exemption rule); PACT 3.0 removed that cap.
    exempted_emissions_description, allocation_rules_description
        Rationale of the exemptions; allocation rules applied.
    primary_data_share
        Share of primary data in the footprint [%], 0 to 100.
    dqi
        Data-quality indicators (`DataQuality`).
    secondary_emission_factor_sources
        Secondary databases used, as ``(name, version)`` pairs.
    uncertainty_assessment_description
        Result of the uncertainty assessment (PACT 2.3 only).
    extensions
        PACT data model extensions, kept as given (JSON objects with ``specVersion``,
        ``dataSchema`` and ``data``).
    unmapped
        What a PACT document said that this model does not hold, keyed by JSON path in that
        document (values as written there); filled by `carbonfoot.product.pact.read_pact`,
        never written back. It also holds a stated total (``pcf.pcfExcludingBiogenicUptake``
        …) that the document's own components do not reproduce.

    Examples
    --------
    >>> from datetime import UTC, datetime
    >>> footprint = ProductFootprint(
    ...     product_name="Bio-based resin (fictional)",
    ...     product_ids=["urn:gtin:0000000000002"],
    ...     company_name="Example Resins (fictional)",
    ...     company_ids=["urn:company:example:resins"],
    ...     declared_unit="kilogram",
    ...     reference_period_start=datetime(2024, 1, 1, tzinfo=UTC),
    ...     reference_period_end=datetime(2025, 1, 1, tzinfo=UTC),
    ...     fossil_ghg_emissions=1.2,
    ...     biogenic_non_co2_emissions=0.05,
    ...     biogenic_co2_uptake=-1.5,
    ...     fossil_carbon_content=0.1,
    ...     biogenic_carbon_content=0.41,
    ...     characterization_factors=["AR6"],
    ...     cross_sectoral_standards=["ISO14067"],
    ...     exempted_emissions_percent=0.0,
    ... )
    >>> footprint.pcf_excluding_biogenic_uptake, footprint.pcf_including_biogenic_uptake
    (1.25, -0.25)
    """

    model_config = _CONFIG

    # identity
    id: UUID = Field(default_factory=uuid4)
    product_name: _Name
    product_description: str = ""
    product_ids: list[_Urn] = Field(min_length=1)
    product_category_cpc: _Name | None = None
    product_classifications: list[_Urn] = Field(default_factory=list)
    company_name: _Name
    company_ids: list[_Urn] = Field(min_length=1)
    created: AwareDatetime = Field(default_factory=_now)
    version: int = Field(default=1, ge=0)
    status: Literal["Active", "Deprecated"] = "Active"
    comment: str = ""
    preceding_pf_ids: list[UUID] = Field(default_factory=list)
    validity_period_start: AwareDatetime | None = None
    validity_period_end: AwareDatetime | None = None

    # declared unit, period, geography
    declared_unit: DeclaredUnit
    declared_unit_amount: float = Field(default=1.0, gt=0)
    product_mass_per_declared_unit: _Mass | None = None
    reference_period_start: AwareDatetime
    reference_period_end: AwareDatetime
    geography_country: str | None = None
    geography_country_subdivision: str | None = None
    geography_region_or_subregion: RegionOrSubregion | None = None
    boundary_processes_description: str = ""

    # emissions and removals [kg CO2e per declared unit]
    fossil_ghg_emissions: _Emission
    biogenic_non_co2_emissions: _Emission | None = 0.0
    biogenic_co2_uptake: _Removal | None = 0.0
    land_use_change_ghg_emissions: _Emission | None = None
    land_management_biogenic_co2_emissions: _Emission | None = None
    land_management_biogenic_co2_removals: _Removal | None = None
    technological_co2_removals: _Removal | None = None
    ccs_technological_co2_capture: _Removal | None = None
    aircraft_ghg_emissions: _Emission | None = None
    packaging_emissions_included: bool = False
    packaging_ghg_emissions: _Emission | None = None
    # carbon contents [kg C per declared unit]
    fossil_carbon_content: _CarbonContent
    biogenic_carbon_content: _CarbonContent | None = 0.0

    # method
    characterization_factors: list[_IpccReport] = Field(min_length=1)
    cross_sectoral_standards: list[_Name] = Field(min_length=1)
    product_or_sector_specific_rules: list[ProductOrSectorSpecificRule] = Field(
        default_factory=list
    )
    exempted_emissions_percent: _Percent
    exempted_emissions_description: str = ""
    allocation_rules_description: str = ""
    primary_data_share: _Percent | None = None
    dqi: DataQuality | None = None
    secondary_emission_factor_sources: list[tuple[_Name, _Name]] = Field(default_factory=list)
    uncertainty_assessment_description: str | None = None

    # exchange
    extensions: list[dict[str, Any]] = Field(default_factory=list)
    unmapped: dict[str, Any] = Field(default_factory=dict)

    @field_validator(
        "product_ids",
        "company_ids",
        "product_classifications",
        "preceding_pf_ids",
        "characterization_factors",
        "cross_sectoral_standards",
    )
    @classmethod
    def items_are_unique(cls, value: list[Any], info: ValidationInfo) -> list[Any]:
        return _unique(value, str(info.field_name))

    @field_validator("geography_country")
    @classmethod
    def country_is_iso_3166_1_alpha_2(cls, value: str | None) -> str | None:
        if value is not None and not _COUNTRY.match(value):
            raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 code such as 'CN' or 'DE'")
        return value

    @field_validator("geography_country_subdivision")
    @classmethod
    def subdivision_is_iso_3166_2(cls, value: str | None) -> str | None:
        if value is not None and not _SUBDIVISION.match(value):
            raise ValueError(f"{value!r} is not an ISO 3166-2 code such as 'CN-AH' or 'DE-BW'")
        return value

    @field_validator(
        "created",
        "validity_period_start",
        "validity_period_end",
        "reference_period_start",
        "reference_period_end",
    )
    @classmethod
    def utc_offset_is_whole_minutes(cls, value: datetime | None) -> datetime | None:
        offset = None if value is None else value.utcoffset()
        if offset is not None and offset % timedelta(minutes=1):
            raise ValueError(f"UTC offset {offset} has seconds; RFC 3339 offsets are hh:mm")
        return value

    @field_validator("extensions")
    @classmethod
    def extensions_are_pact_extensions(cls, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for number, extension in enumerate(value):
            missing = [k for k in ("specVersion", "dataSchema", "data") if k not in extension]
            if missing or not isinstance(extension.get("data"), dict):
                raise ValueError(
                    f"extension {number} must be a PACT data model extension with specVersion, "
                    f"dataSchema and data (an object); missing or wrong: {missing or ['data']}"
                )
        return value

    @model_validator(mode="after")
    def reference_period_starts_before_it_ends(self) -> ProductFootprint:
        if self.reference_period_start >= self.reference_period_end:
            raise ValueError(
                f"reference_period_start ({self.reference_period_start.isoformat()}) must be "
                f"before reference_period_end ({self.reference_period_end.isoformat()})"
            )
        return self

    @model_validator(mode="after")
    def validity_period_starts_before_it_ends(self) -> ProductFootprint:
        start, end = self.validity_period_start, self.validity_period_end
        if start is not None and end is not None and start >= end:
            raise ValueError(
                f"validity_period_start ({start.isoformat()}) must be before "
                f"validity_period_end ({end.isoformat()})"
            )
        return self

    @model_validator(mode="after")
    def at_most_one_geography(self) -> ProductFootprint:
        given = [
            name
            for name in (
                "geography_country",
                "geography_country_subdivision",
                "geography_region_or_subregion",
            )
            if getattr(self, name) is not None
        ]
        if len(given) > 1:
            raise ValueError(
                f"give at most one of geography_country, geography_country_subdivision and "
                f"geography_region_or_subregion (PACT); got {', '.join(given)}"
            )
        return self

    @model_validator(mode="after")
    def packaging_emissions_only_when_included(self) -> ProductFootprint:
        if not self.packaging_emissions_included and self.packaging_ghg_emissions is not None:
            raise ValueError(
                "packaging_ghg_emissions must be None when packaging_emissions_included is "
                "False (PACT: MUST be undefined); set packaging_emissions_included=True or drop "
                "the value"
            )
        return self

    @model_validator(mode="after")
    def cpc_is_not_repeated_in_classifications(self) -> ProductFootprint:
        if self.product_category_cpc is not None:
            urn = "urn:pact:productclassification:un-cpc:" + self.product_category_cpc
            if urn in self.product_classifications:
                raise ValueError(
                    f"product_classifications repeats {urn!r}, which product_category_cpc "
                    f"already gives; drop it from product_classifications"
                )
        return self

    # ---------------------------------------------------------------------------------
    # Totals (PACT 3.0 CarbonFootprint x-comment formulas)
    # ---------------------------------------------------------------------------------

    @property
    def pcf_excluding_biogenic_uptake(self) -> float:
        """Footprint excluding biogenic CO2 uptake [kg CO2e per declared unit].

        PACT 3.0 (``pcfExcludingBiogenicUptake``): fossil GHG emissions + land-use change
        emissions + land-management biogenic CO2 emissions + land-management biogenic CO2
        removals + technological CO2 removals + CCS technological CO2 capture + biogenic
        non-CO2 emissions. Components that are ``None`` (not stated) count as 0; aircraft and
        packaging emissions are parts of these ("of which"), not added.
        """
        parts = (
            self.fossil_ghg_emissions,
            self.land_use_change_ghg_emissions,
            self.land_management_biogenic_co2_emissions,
            self.land_management_biogenic_co2_removals,
            self.technological_co2_removals,
            self.ccs_technological_co2_capture,
            self.biogenic_non_co2_emissions,
        )
        return math.fsum(p for p in parts if p is not None)

    @property
    def pcf_including_biogenic_uptake(self) -> float:
        """Footprint including biogenic CO2 uptake [kg CO2e per declared unit].

        PACT 3.0 (``pcfIncludingBiogenicUptake``): `pcf_excluding_biogenic_uptake` +
        biogenic CO2 uptake (≤ 0).
        """
        uptake = self.biogenic_co2_uptake or 0.0
        return self.pcf_excluding_biogenic_uptake + uptake

    def to_pact(self, version: PactVersion = "3.0", *, carryover: bool = True) -> dict[str, Any]:
        """This footprint as a PACT document (see `carbonfoot.product.pact.to_pact`).

        Parameters
        ----------
        version
            ``"3.0"`` (default) or ``"2.3"``.
        carryover
            Write fields the target version cannot hold in a carbonfoot data model extension,
            so that a round trip through the other version is lossless.

        Returns
        -------
        dict
            The JSON-ready ``ProductFootprint`` document.
        """
        from carbonfoot.product.pact import to_pact

        return to_pact(self, version, carryover=carryover)

    # ---------------------------------------------------------------------------------
    # Display
    # ---------------------------------------------------------------------------------

    def _rows(self) -> list[tuple[str, str]]:
        unit = f"{_display(self.declared_unit_amount)} {self.declared_unit}"
        co2e = f"kg CO2e / {unit}"
        carbon = f"kg C / {unit}"

        def amount(value: float | None, per: str) -> str:
            return "未填报 not stated" if value is None else f"{_display(value)} {per}"

        geography = (
            self.geography_country_subdivision
            or self.geography_country
            or self.geography_region_or_subregion
            or "全球 global"
        )
        rows = [
            ("产品 Product", self.product_name),
            ("公司 Company", self.company_name),
            ("声明单位 Declared unit", unit),
            (
                "参考期 Reference period",
                f"{self.reference_period_start:%Y-%m-%d} – {self.reference_period_end:%Y-%m-%d}",
            ),
            ("地理范围 Geography", geography),
            (
                "不含生物源CO2吸收的碳足迹 PCF excluding biogenic uptake",
                amount(self.pcf_excluding_biogenic_uptake, co2e),
            ),
            (
                "含生物源CO2吸收的碳足迹 PCF including biogenic uptake",
                amount(self.pcf_including_biogenic_uptake, co2e),
            ),
            ("化石温室气体排放 Fossil GHG emissions", amount(self.fossil_ghg_emissions, co2e)),
            (
                "生物源非CO2排放 Biogenic non-CO2 emissions",
                amount(self.biogenic_non_co2_emissions, co2e),
            ),
            ("生物源CO2吸收 Biogenic CO2 uptake", amount(self.biogenic_co2_uptake, co2e)),
            (
                "土地利用变化排放 Land-use change emissions",
                amount(self.land_use_change_ghg_emissions, co2e),
            ),
            (
                "土地管理生物源CO2排放 Land-management biogenic CO2 emissions",
                amount(self.land_management_biogenic_co2_emissions, co2e),
            ),
            (
                "土地管理生物源CO2清除 Land-management biogenic CO2 removals",
                amount(self.land_management_biogenic_co2_removals, co2e),
            ),
            (
                "技术性CO2清除 Technological CO2 removals",
                amount(self.technological_co2_removals, co2e),
            ),
            (
                "CCS技术性CO2捕集 CCS technological CO2 capture",
                amount(self.ccs_technological_co2_capture, co2e),
            ),
            (
                "其中航空运输排放 Of which aircraft emissions",
                amount(self.aircraft_ghg_emissions, co2e),
            ),
            (
                "其中包装排放 Of which packaging emissions",
                amount(self.packaging_ghg_emissions, co2e)
                if self.packaging_emissions_included
                else "不在边界内 not included",
            ),
            ("化石碳含量 Fossil carbon content", amount(self.fossil_carbon_content, carbon)),
            ("生物碳含量 Biogenic carbon content", amount(self.biogenic_carbon_content, carbon)),
            ("特征化因子 Characterization factors", ", ".join(self.characterization_factors)),
            ("豁免排放 Exempted emissions", f"{_display(self.exempted_emissions_percent)} %"),
            ("初级数据占比 Primary data share", amount(self.primary_data_share, "%")),
        ]
        if self.dqi is not None:
            dqi = self.dqi
            ratings = (
                f"technological {_display(dqi.technological_dqr)}, "
                f"temporal {_display(dqi.temporal_dqr)}, "
                f"geographical {_display(dqi.geographical_dqr)}"
            )
            rows.append(("数据质量评级 Data quality ratings (DQR)", ratings))
        for key, value in self.unmapped.items():
            if key.rsplit(".", 1)[-1] in _STATED_TOTALS:
                rows.append(
                    (
                        "注意 Note",
                        f"the source document states {key} = {value} (per its own declared "
                        f"unit), which its components do not give; the totals above are "
                        f"computed from the components held here",
                    )
                )
        if self.unmapped:
            rows.append(
                (
                    "未映射字段 Unmapped source fields",
                    f"{len(self.unmapped)} (see .unmapped): " + ", ".join(self.unmapped),
                )
            )
        return rows

    def summary(self) -> str:
        """The main numbers, labelled in Chinese and English.

        Returns
        -------
        str
            One line per number, in kg CO2e (or kg C) per declared unit.

        Examples
        --------
        >>> import carbonfoot as cf
        >>> footprint = cf.examples.load_demo_footprint()  # 2 m² of tile
        >>> print(footprint.summary().splitlines()[7])
        化石温室气体排放 Fossil GHG emissions: 23 kg CO2e / 2 square meter
        """
        return "\n".join(f"{label}: {value}" for label, value in self._rows())

    def _repr_html_(self) -> str:
        cells = "".join(
            f"<tr><th style='text-align:left'>{html.escape(label)}</th>"
            f"<td style='text-align:left'>{html.escape(value)}</td></tr>"
            for label, value in self._rows()
        )
        return f"<table><caption>产品碳足迹 Product carbon footprint</caption>{cells}</table>"


def _display(value: float) -> str:
    """A number for people: six significant digits, no exponent."""
    number = Decimal(repr(value))
    if number == 0:
        return "0"
    rounded = number.quantize(Decimal(1).scaleb(number.adjusted() - 5))
    text = format(rounded, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
