"""carbonfoot.product.footprint and carbonfoot.product.pact: the model and PACT 2.3 / 3.0.

Official material: WBCSD PACT Technical Specification, OpenAPI 2.3.3 (``v2/openapi.yaml``,
example ``v2/get-footprint-response.json``) and 3.0.3 (``v3/openapi.yaml``, examples
``v3/example-1.json`` … ``example-4.json``), read from ``shared/reference/pact`` beside the
repository (see ``tests/_pact_schema.py``). The footprints built here are fictional.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import pydantic
import pytest
from _pact_schema import reference_file, reference_json, schema_errors
from hypothesis import given
from hypothesis import strategies as st

from carbonfoot.errors import DataError, ValidationError
from carbonfoot.product.footprint import DECLARED_UNITS, DataQuality, ProductFootprint
from carbonfoot.product.pact import (
    CARRYOVER_SCHEMA,
    PactProblem,
    check_pact,
    parse_pact,
    read_pact,
    to_pact,
)

CHINA = timezone(timedelta(hours=8))


def _fields(**changes: Any) -> dict[str, Any]:
    """Every field of a FICTIONAL bio-based film footprint, with changes."""
    fields: dict[str, Any] = {
        "id": UUID("3f0c1d2e-4b5a-4c6d-8e7f-0123456789ab"),
        "product_name": "Bio-PE film (fictional)",
        "product_description": "FICTIONAL film for tests",
        "product_ids": ["urn:gtin:0000000000017"],
        "product_category_cpc": "36410",
        "product_classifications": ["urn:pact:productclassification:cas:9002-88-4"],
        "company_name": "Example Films (fictional)",
        "company_ids": ["urn:company:example:films"],
        "created": datetime(2025, 3, 1, 8, 30, tzinfo=CHINA),
        "version": 3,
        "comment": "fictional",
        "preceding_pf_ids": [UUID(int=5)],
        "validity_period_start": datetime(2025, 1, 1, tzinfo=UTC),
        "validity_period_end": datetime(2027, 1, 1, tzinfo=UTC),
        "declared_unit": "kilogram",
        "declared_unit_amount": 12.5,
        "product_mass_per_declared_unit": 12.5,
        "reference_period_start": datetime(2024, 1, 1, tzinfo=UTC),
        "reference_period_end": datetime(2025, 1, 1, tzinfo=UTC),
        "geography_country_subdivision": "CN-AH",
        "boundary_processes_description": "cradle to gate",
        "fossil_ghg_emissions": 10.1,
        "biogenic_non_co2_emissions": 0.2,
        "biogenic_co2_uptake": -25.3,
        "land_use_change_ghg_emissions": 0.7,
        "land_management_biogenic_co2_emissions": 0.1,
        "land_management_biogenic_co2_removals": -0.05,
        "technological_co2_removals": -0.3,
        "ccs_technological_co2_capture": -0.4,
        "aircraft_ghg_emissions": 0.01,
        "packaging_emissions_included": True,
        "packaging_ghg_emissions": 0.9,
        "fossil_carbon_content": 0.5,
        "biogenic_carbon_content": 6.9,
        "characterization_factors": ["AR6", "AR5"],
        "cross_sectoral_standards": ["ISO14067", "GHGP-Product", "PACT-3.0"],
        "product_or_sector_specific_rules": [
            {
                "operator": "Other",
                "rule_names": ["TfS PCF Guideline v3"],
                "other_operator_name": "TfS",
            }
        ],
        "exempted_emissions_percent": 1.5,
        "exempted_emissions_description": "minor inputs",
        "allocation_rules_description": "mass allocation",
        "primary_data_share": 35.5,
        "dqi": DataQuality(
            coverage_percent=80,
            technological_dqr=1.5,
            temporal_dqr=2,
            geographical_dqr=2.5,
            completeness_dqr=1.2,
            reliability_dqr=1.9,
        ),
        "secondary_emission_factor_sources": [("ecoinvent", "3.10")],
        "uncertainty_assessment_description": "±10 % (fictional)",
    }
    fields.update(changes)
    return fields


def _footprint(**changes: Any) -> ProductFootprint:
    return ProductFootprint(**_fields(**changes))


def _minimal(**changes: Any) -> ProductFootprint:
    fields: dict[str, Any] = {
        "product_name": "Tile (fictional)",
        "product_ids": ["urn:gtin:0000000000001"],
        "company_name": "Example Ceramics (fictional)",
        "company_ids": ["urn:company:example:ceramics"],
        "declared_unit": "square meter",
        "reference_period_start": datetime(2024, 1, 1, tzinfo=UTC),
        "reference_period_end": datetime(2025, 1, 1, tzinfo=UTC),
        "fossil_ghg_emissions": 11.5,
        "fossil_carbon_content": 0.0,
        "characterization_factors": ["AR6"],
        "cross_sectoral_standards": ["ISO14067"],
        "exempted_emissions_percent": 0.0,
    }
    fields.update(changes)
    return ProductFootprint(**fields)


def _single(read: ProductFootprint | list[ProductFootprint]) -> ProductFootprint:
    assert isinstance(read, ProductFootprint)
    return read


# --------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------


def test_totals_follow_the_pact_3_formulas() -> None:
    footprint = _footprint()
    # 10.1 + 0.7 + 0.1 - 0.05 - 0.3 - 0.4 + 0.2 (v3 openapi.yaml, CarbonFootprint x-comment)
    assert footprint.pcf_excluding_biogenic_uptake == pytest.approx(10.35, abs=1e-12)
    assert footprint.pcf_including_biogenic_uptake == pytest.approx(10.35 - 25.3, abs=1e-12)


def test_totals_count_unstated_components_as_zero_and_leave_out_of_which_values() -> None:
    footprint = _minimal(
        biogenic_non_co2_emissions=None,
        biogenic_co2_uptake=None,
        aircraft_ghg_emissions=3.0,
        packaging_emissions_included=True,
        packaging_ghg_emissions=2.0,
    )
    assert footprint.pcf_excluding_biogenic_uptake == 11.5
    assert footprint.pcf_including_biogenic_uptake == 11.5


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"fossil_ghg_emissions": -1.0}, "fossil_ghg_emissions", "≥ 0 kg CO2e"),
        ({"biogenic_co2_uptake": 1.5}, "biogenic_co2_uptake", "≤ 0 kg CO2e"),
        ({"technological_co2_removals": 0.1}, "technological_co2_removals", "≤ 0"),
        ({"fossil_carbon_content": -0.1}, "fossil_carbon_content", "≥ 0 kg C"),
        ({"product_mass_per_declared_unit": -2.0}, "product_mass_per_declared_unit", "≥ 0 kg"),
        ({"declared_unit_amount": 0.0}, "declared_unit_amount", "greater than 0"),
        ({"exempted_emissions_percent": 101.0}, "exempted_emissions_percent", "0 and 100"),
        ({"primary_data_share": -1.0}, "primary_data_share", "0 and 100"),
        ({"fossil_ghg_emissions": float("nan")}, "fossil_ghg_emissions", "finite"),
        ({"declared_unit": "ton"}, "declared_unit", "'kilogram'"),
        ({"geography_country": "cn"}, "geography_country", "ISO 3166-1"),
        ({"geography_country_subdivision": "CN_AH"}, "geography_country_subdivision", "3166-2"),
        ({"product_ids": ["GTIN 123"]}, "product_ids", "not a URN"),
        ({"product_ids": []}, "product_ids", "at least 1"),
        ({"company_ids": ["urn:a:b", "urn:a:b"]}, "company_ids", "twice"),
        ({"characterization_factors": ["GWP100"]}, "characterization_factors", "'AR6'"),
        ({"created": datetime(2025, 1, 1)}, "created", "timezone"),
        ({"product_name": "  "}, "product_name", "must not be empty"),
        ({"colour": "green"}, "colour", "Extra inputs"),
    ],
)
def test_model_refuses_invalid_values_naming_the_field(
    changes: dict[str, Any], field: str, says: str
) -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        _footprint(**changes)
    assert isinstance(caught.value, ValueError)  # pydantic wraps the validators' ValueError
    assert field in str(caught.value)
    assert says in str(caught.value)


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        (
            {"packaging_emissions_included": False, "packaging_ghg_emissions": 0.3},
            "packaging_ghg_emissions must be None",
        ),
        (
            {"reference_period_end": datetime(2023, 1, 1, tzinfo=UTC)},
            "reference_period_start (2024-01-01T00:00:00+00:00) must be before",
        ),
        (
            {"validity_period_end": datetime(2024, 1, 1, tzinfo=UTC)},
            "validity_period_start (2025-01-01T00:00:00+00:00) must be before",
        ),
        ({"geography_country": "CN"}, "at most one of geography_country"),
        (
            {"product_classifications": ["urn:pact:productclassification:un-cpc:36410"]},
            "product_category_cpc already gives",
        ),
        (
            {"created": datetime(2025, 1, 1, tzinfo=timezone(timedelta(seconds=30)))},
            "RFC 3339 offsets are hh:mm",
        ),
        ({"extensions": [{"specVersion": "2.0.0"}]}, "data model extension"),
    ],
)
def test_model_cross_field_rules(changes: dict[str, Any], says: str) -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        _footprint(**changes)
    assert says in str(caught.value)


@pytest.mark.parametrize(
    ("dqi", "says"),
    [
        ({"technological_dqr": 5.5, "temporal_dqr": 1, "geographical_dqr": 1}, "1 (best) and 5"),
        ({"technological_dqr": 0.5, "temporal_dqr": 1, "geographical_dqr": 1}, "1 (best) and 5"),
        (
            {
                "technological_dqr": 1,
                "temporal_dqr": 1,
                "geographical_dqr": 1,
                "reliability_dqr": 4,
            },
            "reliability_dqr must be between 1 (best) and 3",
        ),
        (
            {
                "technological_dqr": 1,
                "temporal_dqr": 1,
                "geographical_dqr": 1,
                "coverage_percent": 120,
            },
            "between 0 and 100",
        ),
    ],
)
def test_data_quality_ranges(dqi: dict[str, float], says: str) -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        DataQuality(**dqi)
    assert says in str(caught.value)


def test_model_is_frozen() -> None:
    footprint = _minimal()
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        footprint.fossil_ghg_emissions = 1.0


def test_summary_labels_the_main_numbers_in_chinese_and_english() -> None:
    summary = _footprint().summary()
    assert "化石温室气体排放 Fossil GHG emissions: 10.1 kg CO2e / 12.5 kilogram" in summary
    assert "不含生物源CO2吸收的碳足迹 PCF excluding biogenic uptake: 10.35 kg CO2e" in summary
    assert "含生物源CO2吸收的碳足迹 PCF including biogenic uptake: -14.95 kg CO2e" in summary
    assert "生物源CO2吸收 Biogenic CO2 uptake: -25.3 kg CO2e" in summary
    assert "地理范围 Geography: CN-AH" in summary
    unstated = _minimal(land_use_change_ghg_emissions=None).summary()
    assert "土地利用变化排放 Land-use change emissions: 未填报 not stated" in unstated
    assert "全球 global" in unstated


def test_repr_html_is_an_escaped_table() -> None:
    page = _footprint(product_name="Film <A&B> (fictional)")._repr_html_()
    assert page.startswith("<table>")
    assert "Film &lt;A&amp;B&gt; (fictional)" in page
    assert "<A&B>" not in page
    assert "Fossil GHG emissions" in page


def test_method_to_pact_delegates_to_the_module_function() -> None:
    footprint = _footprint()
    assert footprint.to_pact() == to_pact(footprint, "3.0")
    assert footprint.to_pact("2.3") == to_pact(footprint, "2.3")


# --------------------------------------------------------------------------------------
# Writing: official schemas and check_pact
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["3.0", "2.3"])
def test_exported_documents_validate_against_the_official_schema_and_pass_checks(
    version: str,
) -> None:
    for footprint in (_footprint(), _minimal(product_category_cpc="3732", primary_data_share=50.0,
                                             product_mass_per_declared_unit=20.0)):  # fmt: skip
        document = to_pact(footprint, version)  # type: ignore[arg-type]
        assert schema_errors(document, version) == []
        assert check_pact(document, version) == []
        assert check_pact(document) == []  # the version read from specVersion
        assert json.loads(json.dumps(document)) == document  # plain JSON


def test_v3_document_holds_the_values_as_canonical_decimal_strings() -> None:
    pcf = to_pact(_footprint())["pcf"]
    assert pcf["declaredUnitOfMeasurement"] == "kilogram"
    assert pcf["declaredUnitAmount"] == "12.5"
    assert pcf["fossilGhgEmissions"] == "10.1"
    assert pcf["pcfExcludingBiogenicUptake"] == "10.35"  # exact decimal sum, no float noise
    assert pcf["pcfIncludingBiogenicUptake"] == "-14.95"
    assert pcf["biogenicCO2Uptake"] == "-25.3"
    assert pcf["ccsTechnologicalCO2Capture"] == "-0.4"
    assert pcf["dqi"] == {"technologicalDQR": "1.5", "geographicalDQR": "2.5", "temporalDQR": "2"}


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.1, "0.1"),
        (0.1 + 0.2, "0.30000000000000004"),  # every digit of the float, nothing invented
        (1e-7, "0.0000001"),
        (1e20, "100000000000000000000"),
        (123.0, "123"),
        (2.5e-3, "0.0025"),
    ],
)
def test_decimals_are_exact_and_have_no_exponent(value: float, text: str) -> None:
    assert (
        to_pact(_minimal(fossil_ghg_emissions=value, product_mass_per_declared_unit=1.0))["pcf"][
            "fossilGhgEmissions"
        ]
        == text
    )


def test_negative_zero_is_written_as_zero() -> None:
    document = to_pact(_minimal(biogenic_co2_uptake=-0.0, product_mass_per_declared_unit=1.0))
    assert document["pcf"]["biogenicCO2Uptake"] == "0"
    assert check_pact(document) == []


def test_v3_classifications_carry_the_cpc_code_first() -> None:
    document = to_pact(_footprint())
    assert document["productClassifications"] == [
        "urn:pact:productclassification:un-cpc:36410",
        "urn:pact:productclassification:cas:9002-88-4",
    ]
    back = _single(read_pact(document))
    assert back.product_category_cpc == "36410"
    assert back.product_classifications == ["urn:pact:productclassification:cas:9002-88-4"]


def test_v23_document_names_and_derived_fields() -> None:
    document = to_pact(_footprint(), "2.3")
    pcf = document["pcf"]
    assert document["specVersion"] == "2.3.3"
    assert document["version"] == 3
    assert document["productCategoryCpc"] == "36410"
    assert pcf["declaredUnit"] == "kilogram"
    assert pcf["unitaryProductAmount"] == "12.5"
    assert pcf["characterizationFactors"] == "AR5"  # the earliest report used
    assert pcf["ipccCharacterizationFactorsSources"] == ["AR6", "AR5"]
    assert pcf["crossSectoralStandardsUsed"] == [
        "ISO Standard 14067",
        "GHG Protocol Product standard",
    ]
    assert pcf["exemptedEmissionsPercent"] == 1.5  # a JSON number in 2.x
    assert pcf["dqi"]["reliabilityDQR"] == 1.9


# --------------------------------------------------------------------------------------
# ADR-0036: 2.x values are per one declared unit, 3.0 values per declaredUnitAmount of them
# --------------------------------------------------------------------------------------


def test_writing_v23_divides_by_the_declared_unit_amount() -> None:
    pcf = to_pact(_footprint(), "2.3")["pcf"]
    # 3.0 / model: per 12.5 kg; 2.3: per 1 kg
    assert pcf["fossilGhgEmissions"] == "0.808"  # 10.1 / 12.5
    assert pcf["biogenicCarbonWithdrawal"] == "-2.024"  # -25.3 / 12.5
    assert pcf["productMassPerDeclaredUnit"] == "1"  # 12.5 kg / 12.5
    assert pcf["biogenicCarbonContent"] == "0.552"  # 6.9 / 12.5
    assert pcf["pCfExcludingBiogenic"] == "0.828"  # 10.35 / 12.5
    assert pcf["exemptedEmissionsPercent"] == 1.5  # percentages are not rescaled
    assert pcf["dqi"]["technologicalDQR"] == 1.5


def test_writing_v23_rounds_a_recurring_quotient_to_15_significant_digits() -> None:
    footprint = _minimal(
        declared_unit_amount=3.0, product_category_cpc="3732", primary_data_share=50.0
    )
    pcf = to_pact(footprint, "2.3")["pcf"]
    assert pcf["fossilGhgEmissions"] == "3.83333333333333"  # 11.5 / 3
    assert len(pcf["fossilGhgEmissions"].replace(".", "")) == 15


def test_reading_v23_multiplies_by_the_unitary_product_amount() -> None:
    document = to_pact(_minimal(product_category_cpc="3732", primary_data_share=50.0), "2.3")
    document["pcf"].update(
        unitaryProductAmount="12",
        pCfExcludingBiogenic="0.5",
        pCfIncludingBiogenic="0.5",
        fossilGhgEmissions="0.5",
        fossilCarbonContent="0.01",
        productMassPerDeclaredUnit="0.789",
    )
    footprint = _single(read_pact(document))
    assert footprint.declared_unit_amount == 12.0
    assert footprint.fossil_ghg_emissions == 6.0
    assert footprint.fossil_carbon_content == 0.12
    assert footprint.product_mass_per_declared_unit == pytest.approx(9.468, abs=0)
    assert footprint.unmapped == {}
    v3 = to_pact(footprint)["pcf"]
    assert (v3["fossilGhgEmissions"], v3["declaredUnitAmount"]) == ("6", "12")
    assert v3["productMassPerDeclaredUnit"] == "9.468"


# --------------------------------------------------------------------------------------
# Round trips
# --------------------------------------------------------------------------------------


def test_v3_round_trip_gives_the_same_footprint() -> None:
    footprint = _footprint()
    assert read_pact(to_pact(footprint)) == footprint


def test_v23_to_v3_to_v23_round_trip_is_lossless() -> None:
    document = to_pact(_footprint(declared_unit_amount=3.0), "2.3")
    via_v3 = to_pact(_single(read_pact(document)), "3.0")
    assert to_pact(_single(read_pact(via_v3)), "2.3") == document
    extension = via_v3["extensions"][-1]
    assert extension["dataSchema"] == CARRYOVER_SCHEMA
    assert extension["data"]["version"] == 3  # 3.0 dropped version; carried over
    assert extension["data"]["dqi"] == {
        "coveragePercent": 80.0,
        "completenessDQR": 1.2,
        "reliabilityDQR": 1.9,
    }


def test_without_carryover_the_fields_a_version_lacks_are_lost() -> None:
    footprint = _footprint()
    document = to_pact(footprint, carryover=False)
    assert "extensions" not in document
    back = _single(read_pact(document))
    assert back.version == 1
    assert back.uncertainty_assessment_description is None
    assert back.dqi is not None
    assert back.dqi.coverage_percent is None
    v23 = to_pact(footprint, "2.3", carryover=False)
    assert "extensions" not in v23
    back23 = _single(read_pact(v23))
    assert back23.biogenic_non_co2_emissions is None
    # the total still counts them; the document keeps it as stated
    assert back23.unmapped["pcf.pCfExcludingBiogenic"] == "0.828"


_URNS = st.lists(
    st.from_regex(r"urn:[a-z]{2,6}:[A-Za-z0-9.-]{1,12}", fullmatch=True),
    min_size=1,
    max_size=3,
    unique=True,
)
_TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
_NAME = _TEXT.filter(lambda t: bool(t.strip()))
_AMOUNT = st.floats(min_value=0, max_value=1e6, allow_subnormal=False) | st.sampled_from(
    [0.0, 0.1, 1e-9, 123456.789]
)
_ZONES = st.sampled_from([UTC, CHINA, timezone(timedelta(hours=-5, minutes=-30))])


@st.composite
def footprints(draw: st.DrawFn, for_v23: bool) -> ProductFootprint:
    """Random valid footprints; ``for_v23``: only what PACT 2.3 can say."""

    def maybe(strategy: st.SearchStrategy[Any]) -> Any:
        return draw(st.none() | strategy)

    removals = {
        name: maybe(_AMOUNT.map(lambda x: -x))
        for name in (
            "land_management_biogenic_co2_removals",
            "technological_co2_removals",
            "ccs_technological_co2_capture",
        )
    }
    # keep the total ≥ 0, which PACT 2.3 requires of pCfExcludingBiogenic
    removed = sum(-v for v in removals.values() if v is not None)
    fossil = draw(_AMOUNT) + 1.01 * removed if for_v23 else draw(_AMOUNT)
    start = draw(st.datetimes(datetime(2000, 1, 1), datetime(2030, 1, 1), timezones=_ZONES))
    end = start + draw(st.timedeltas(timedelta(seconds=1), timedelta(days=3000)))
    packaging = draw(st.booleans())
    geography = draw(
        st.sampled_from(
            [
                {},
                {"geography_country": "CN"},
                {"geography_country_subdivision": "CN-AH"},
                {"geography_region_or_subregion": "Eastern Asia"},
            ]
        )
    )
    worst = 3 if for_v23 else 5
    rating = st.floats(min_value=1, max_value=worst)
    full_dqi = for_v23 or draw(st.booleans())
    dqi = DataQuality(
        technological_dqr=draw(rating),
        temporal_dqr=draw(rating),
        geographical_dqr=draw(rating),
        coverage_percent=draw(st.floats(0, 100)) if full_dqi else None,
        completeness_dqr=draw(st.floats(1, 3)) if full_dqi else None,
        reliability_dqr=draw(st.floats(1, 3)) if full_dqi else None,
    )
    units = DECLARED_UNITS[:7] if for_v23 else DECLARED_UNITS
    standards = ["ISO14067", "ISO14083", "ISO14040-44", "GHGP-Product", "PEF", "PACT-3.0"]
    chosen = draw(st.lists(st.sampled_from(standards), min_size=1, max_size=3, unique=True))
    if for_v23 and not {"ISO14067", "ISO14040-44", "GHGP-Product"} & set(chosen):
        chosen.append("GHGP-Product")
    reports = [["AR6"], ["AR5"], ["AR5", "AR6"], ["AR6", "AR7"]]
    if not for_v23:
        reports += [["AR4"], ["AR7"]]
    return ProductFootprint(
        id=draw(st.uuids()),
        product_name=draw(_NAME),
        product_description=draw(_TEXT),
        product_ids=draw(_URNS),
        product_category_cpc=draw(st.from_regex(r"[0-9]{2,5}", fullmatch=True))
        if for_v23
        else maybe(st.from_regex(r"[0-9]{2,5}", fullmatch=True)),
        company_name=draw(_NAME),
        company_ids=draw(_URNS),
        created=draw(st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1), timezones=_ZONES)),
        version=draw(st.integers(0, 2**31 - 1)),
        status=draw(st.sampled_from(["Active", "Deprecated"])),
        comment=draw(_TEXT),
        declared_unit=draw(st.sampled_from(units)),
        declared_unit_amount=draw(
            st.sampled_from([1.0, 12.5, 3.0, 0.7]) | st.floats(min_value=1e-3, max_value=1e4)
        ),
        product_mass_per_declared_unit=draw(_AMOUNT),
        reference_period_start=start,
        reference_period_end=end,
        **geography,
        boundary_processes_description=draw(_TEXT),
        fossil_ghg_emissions=fossil,
        biogenic_non_co2_emissions=maybe(_AMOUNT),
        biogenic_co2_uptake=maybe(_AMOUNT.map(lambda x: -x)),
        land_use_change_ghg_emissions=maybe(_AMOUNT),
        land_management_biogenic_co2_emissions=maybe(_AMOUNT),
        **removals,
        aircraft_ghg_emissions=maybe(_AMOUNT),
        packaging_emissions_included=packaging,
        packaging_ghg_emissions=maybe(_AMOUNT) if packaging else None,
        fossil_carbon_content=draw(_AMOUNT),
        biogenic_carbon_content=draw(_AMOUNT) if for_v23 else maybe(_AMOUNT),
        characterization_factors=draw(st.sampled_from(reports)),
        cross_sectoral_standards=chosen,
        exempted_emissions_percent=draw(st.floats(0, 5 if for_v23 else 100)),
        exempted_emissions_description=draw(_TEXT),
        allocation_rules_description=draw(_TEXT),
        primary_data_share=draw(st.floats(0, 100)),
        dqi=dqi,
        secondary_emission_factor_sources=draw(st.lists(st.tuples(_NAME, _NAME), max_size=2)),
        uncertainty_assessment_description=maybe(_TEXT),
    )


@given(footprints(for_v23=True))
def test_property_v23_to_v3_to_v23_is_lossless(footprint: ProductFootprint) -> None:
    document = to_pact(footprint, "2.3")
    via_v3 = to_pact(_single(parse_pact(json.dumps(document))), "3.0")
    again = to_pact(_single(parse_pact(json.dumps(via_v3))), "2.3")
    assert again == document


@given(footprints(for_v23=False))
def test_property_model_to_v3_to_model_is_exact(footprint: ProductFootprint) -> None:
    document = to_pact(footprint)
    assert _single(parse_pact(json.dumps(document))) == footprint


@given(footprints(for_v23=True))
def test_property_exports_pass_the_official_schemas_and_the_checks(
    footprint: ProductFootprint,
) -> None:
    for version in ("3.0", "2.3"):
        document = to_pact(footprint, version)
        assert schema_errors(document, version) == []
        assert check_pact(document) == []


@given(footprints(for_v23=True))
def test_property_v23_totals_are_the_rescaled_model_totals(footprint: ProductFootprint) -> None:
    pcf = to_pact(footprint, "2.3")["pcf"]
    amount = footprint.declared_unit_amount
    expected = footprint.pcf_excluding_biogenic_uptake / amount
    assert float(pcf["pCfExcludingBiogenic"]) == pytest.approx(expected, rel=1e-9, abs=1e-9)


# --------------------------------------------------------------------------------------
# Writing what a version cannot say
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "version", "says"),
    [
        ({"declared_unit": "piece"}, "2.3", 'pcf.declaredUnit: "piece" is not allowed'),
        ({"product_category_cpc": None}, "2.3", "productCategoryCpc: required field is missing"),
        ({"biogenic_carbon_content": None}, "2.3", "set by biogenic_carbon_content"),
        ({"characterization_factors": ["AR4", "AR6"]}, "2.3", "AR5 or AR6 as the earliest"),
        ({"cross_sectoral_standards": ["PEF"]}, "2.3", "pcf.crossSectoralStandardsUsed"),
        ({"cross_sectoral_standards": ["ISO14067", "PAS2050"]}, "2.3", '"PAS2050" is not allowed'),
        ({"exempted_emissions_percent": 7.0}, "2.3", "at most 5 %"),
        (
            {"dqi": DataQuality(technological_dqr=4, temporal_dqr=1, geographical_dqr=1)},
            "2.3",
            "pcf.dqi.technologicalDQR: 4.0 must be between 1 and 3",
        ),
        (
            {"dqi": DataQuality(technological_dqr=2, temporal_dqr=1, geographical_dqr=1)},
            "2.3",
            "pcf.dqi.coveragePercent: required field is missing",
        ),
        (
            {"technological_co2_removals": -50.0},
            "2.3",
            # (10.1 + 0.7 + 0.1 - 0.05 - 50 - 0.4 + 0.2) / 12.5
            'pcf.pCfExcludingBiogenic: "-3.148" must be ≥ 0',
        ),
        ({"product_mass_per_declared_unit": None}, "3.0", "PACT 3.0 requires it"),
        (
            {"product_or_sector_specific_rules": [{"operator": "Other", "rule_names": ["X"]}]},
            "3.0",
            "must name the operator",
        ),
        (
            {"primary_data_share": None, "dqi": None},
            "2.3",
            "give primaryDataShare or dqi",
        ),
    ],
)
def test_writing_refuses_what_the_version_cannot_say(
    changes: dict[str, Any], version: str, says: str
) -> None:
    footprint = _footprint(**changes)
    with pytest.raises(ValidationError, match=f"cannot be written as PACT {version}") as caught:
        to_pact(footprint, version)  # type: ignore[arg-type]
    assert says in str(caught.value)


def test_the_same_footprint_may_be_valid_in_3_0_only() -> None:
    footprint = _footprint(exempted_emissions_percent=7.0, declared_unit="piece")
    assert check_pact(to_pact(footprint)) == []  # 3.0 removed the 5 % cap and knows "piece"


def test_unknown_version_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"valid: '3\.0', '2\.3'"):
        to_pact(_footprint(), "2.0")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"valid: '3\.0', '2\.3'"):
        check_pact({}, "1.0")


# --------------------------------------------------------------------------------------
# check_pact
# --------------------------------------------------------------------------------------


def _v3() -> dict[str, Any]:
    return to_pact(_footprint())


def _rules(problems: list[PactProblem]) -> set[tuple[str, str]]:
    return {(p.path, p.rule) for p in problems}


@pytest.mark.parametrize(
    ("key", "value", "rule"),
    [
        ("biogenicCO2Uptake", "10", "value_not_positive"),
        ("biogenicCO2Uptake", "abc10", "decimal_format"),
        ("landManagementBiogenicCO2Removals", "+0", "value_not_positive"),
        ("fossilGhgEmissions", "-1", "value_not_negative"),
        ("fossilGhgEmissions", "1e3", "decimal_format"),
        ("fossilGhgEmissions", 1.5, "json_type"),
        ("declaredUnitAmount", "0", "value_positive"),
        ("declaredUnitAmount", "0.000", "value_positive"),
    ],
)
def test_decimal_patterns_are_anchored_and_signs_checked(key: str, value: Any, rule: str) -> None:
    document = _v3()
    document["pcf"][key] = value
    assert (f"pcf.{key}", rule) in _rules(check_pact(document))


@pytest.mark.parametrize("value", ["10", "abc10"])
def test_the_official_3_0_3_pattern_accepts_what_check_pact_refuses(value: str) -> None:
    # The defect the reference README names: NegativeOrZeroDecimal is unanchored.
    document = _v3()
    document["pcf"]["biogenicCO2Uptake"] = value
    assert schema_errors(document, "3.0") == []
    assert check_pact(document) != []


def test_sums_are_checked_with_the_stated_precision() -> None:
    document = _v3()
    pcf = document["pcf"]
    for key in list(pcf):
        if key.startswith(("land", "technological", "ccs", "biogenicNon")):
            del pcf[key]
    pcf.update(fossilGhgEmissions="0.354", biogenicNonCO2Emissions="0.002", biogenicCO2Uptake="0")
    pcf["pcfIncludingBiogenicUptake"] = "0.356"
    pcf["pcfExcludingBiogenicUptake"] = "0.36"  # 0.356 stated to two decimals: fine
    assert check_pact(document) == []
    pcf["pcfExcludingBiogenicUptake"] = "0.35"  # 0.006 away: more than half of 0.01
    assert _rules(check_pact(document)) == {
        ("pcf.pcfExcludingBiogenicUptake", "pcf_excluding_biogenic_uptake_adds_up")
    }
    pcf.update(fossilGhgEmissions="0.1", biogenicNonCO2Emissions="0.2")
    pcf["pcfExcludingBiogenicUptake"] = "0.30000000000000004"  # a float sum printed
    pcf["pcfIncludingBiogenicUptake"] = "0.3"
    assert check_pact(document) == []


@pytest.mark.parametrize(
    ("change", "path", "rule"),
    [
        (
            lambda d: d["pcf"].update(packagingEmissionsIncluded=False),
            "pcf.packagingGhgEmissions",
            "packaging_emissions_absent_when_not_included",
        ),
        (
            lambda d: d["pcf"].update(referencePeriodEnd="2023-06-01T00:00:00Z"),
            "pcf.referencePeriodEnd",
            "reference_period_start_before_end",
        ),
        (
            lambda d: d["pcf"].update(geographyCountry="CN"),
            "pcf.geographyCountrySubdivision",
            "geography_at_most_one",
        ),
        (
            lambda d: d["pcf"].update(exemptedEmissionsPercent="100.5"),
            "pcf.exemptedEmissionsPercent",
            "exempted_emissions_percent_in_range",
        ),
        (
            lambda d: d["pcf"]["dqi"].update(temporalDQR="5.5"),
            "pcf.dqi.temporalDQR",
            "dqr_in_range",
        ),
        (lambda d: d["pcf"].pop("productMassPerDeclaredUnit"),
         "pcf.productMassPerDeclaredUnit", "required_field_present"),
        (lambda d: d.pop("productIds"), "productIds", "required_field_present"),
        (lambda d: d.update(created="2025-03-01 08:30"), "created", "date_time_format"),
        (lambda d: d.update(created="2025-03-01T08:30:00"), "created", "date_time_format"),
        (lambda d: d.update(id="not-a-uuid"), "id", "uuid_format"),
        (lambda d: d.update(companyIds=["company-1"]), "companyIds[0]", "urn_format"),
        (lambda d: d.update(productIds=["urn:a:1", "urn:a:1"]), "productIds[1]", "unique_items"),
        (lambda d: d["pcf"].update(declaredUnitOfMeasurement="ton"),
         "pcf.declaredUnitOfMeasurement", "allowed_value"),
        (lambda d: d["pcf"].update(ipccCharacterizationFactors=["GWP100"]),
         "pcf.ipccCharacterizationFactors[0]", "characterization_factor_format"),
        (lambda d: d.update(validityPeriodEnd="2024-01-01T00:00:00Z"),
         "validityPeriodEnd", "validity_period_start_before_end"),
        (lambda d: d["pcf"]["productOrSectorSpecificRules"][0].pop("otherOperatorName"),
         "pcf.productOrSectorSpecificRules[0].otherOperatorName", "other_operator_named"),
    ],
)  # fmt: skip
def test_v3_rules(change: Any, path: str, rule: str) -> None:
    document = _v3()
    change(document)
    assert (path, rule) in _rules(check_pact(document))


def _v23() -> dict[str, Any]:
    return to_pact(_footprint(), "2.3")


@pytest.mark.parametrize(
    ("change", "path", "rule"),
    [
        (lambda d: d.pop("productCategoryCpc"), "productCategoryCpc", "required_field_present"),
        (lambda d: d.pop("version"), "version", "required_field_present"),
        (lambda d: d.pop("comment"), "comment", "required_field_present"),
        (lambda d: d["pcf"].pop("crossSectoralStandardsUsed"),
         "pcf.crossSectoralStandardsUsed", "required_field_present"),
        (lambda d: d["pcf"]["dqi"].pop("reliabilityDQR"),
         "pcf.dqi.reliabilityDQR", "required_field_present"),
        (lambda d: d["pcf"]["dqi"].update(temporalDQR=3.5), "pcf.dqi.temporalDQR", "dqr_in_range"),
        (lambda d: d["pcf"]["dqi"].update(temporalDQR="2"), "pcf.dqi.temporalDQR", "json_type"),
        (lambda d: d["pcf"].update(exemptedEmissionsPercent=6.0),
         "pcf.exemptedEmissionsPercent", "exempted_emissions_percent_at_most_5"),
        (lambda d: d["pcf"].update(exemptedEmissionsPercent=True),
         "pcf.exemptedEmissionsPercent", "json_type"),
        (lambda d: d["pcf"].update(declaredUnit="piece"), "pcf.declaredUnit", "allowed_value"),
        (lambda d: d["pcf"].update(biogenicCarbonWithdrawal="1.5"),
         "pcf.biogenicCarbonWithdrawal", "value_not_positive"),
        (lambda d: d["pcf"].update(pCfExcludingBiogenic="-0.5"),
         "pcf.pCfExcludingBiogenic", "value_not_negative"),
        (lambda d: d.update(validityPeriodStart="2024-06-01T00:00:00Z"),
         "validityPeriodStart", "validity_period_after_reference_period"),
        (lambda d: d.update(validityPeriodEnd="2028-01-02T00:00:00Z"),
         "validityPeriodEnd", "validity_period_at_most_3_years"),
        (lambda d: d["pcf"].update(referencePeriodEnd="2025-06-01T00:00:00Z", dqi=None)
         or d["pcf"].pop("dqi"), "pcf.dqi", "primary_data_share_or_dqi_reported"),
    ],
)  # fmt: skip
def test_v23_rules(change: Any, path: str, rule: str) -> None:
    document = _v23()
    change(document)
    assert (path, rule) in _rules(check_pact(document))


def test_v3_documents_get_no_v2_only_rules() -> None:
    document = _v3()
    del document["pcf"]["primaryDataShare"], document["pcf"]["dqi"]
    document["pcf"]["exemptedEmissionsPercent"] = "30"
    document["validityPeriodEnd"] = "2040-01-01T00:00:00Z"
    assert check_pact(document) == []


def test_an_invalid_component_skips_only_the_sums_it_enters() -> None:
    document = _v3()
    document["pcf"]["biogenicCO2Uptake"] = "10"  # enters only the including total
    document["pcf"]["pcfExcludingBiogenicUptake"] = "99"
    document["pcf"]["pcfIncludingBiogenicUptake"] = "99"
    assert _rules(check_pact(document)) == {
        ("pcf.biogenicCO2Uptake", "value_not_positive"),
        ("pcf.pcfExcludingBiogenicUptake", "pcf_excluding_biogenic_uptake_adds_up"),
    }


def test_v23_totals_have_no_sum_rule() -> None:
    # The 2.x schema states no formula for pCfExcludingBiogenic; nothing to check.
    document = _v23()
    document["pcf"]["pCfExcludingBiogenic"] = "99"
    assert check_pact(document) == []


def test_version_given_must_match_spec_version() -> None:
    problems = check_pact(_v3(), "2.3")
    assert ("specVersion", "spec_version_matches") in _rules(problems)
    assert ("productCategoryCpc", "required_field_present") in _rules(problems)


def test_unknown_spec_version_is_reported_and_checked_by_shape() -> None:
    document = _v3()
    document["specVersion"] = "9.1.0"
    assert _rules(check_pact(document)) == {("specVersion", "spec_version_known")}


def test_api_responses_are_checked_item_by_item() -> None:
    good, bad = _v3(), _v3()
    bad["pcf"]["fossilGhgEmissions"] = "-1"
    problems = check_pact({"data": [good, bad]})
    assert _rules(problems) == {("data[1].pcf.fossilGhgEmissions", "value_not_negative")}
    assert str(problems[0]).startswith('data[1].pcf.fossilGhgEmissions: "-1" must be ≥ 0')
    assert check_pact({"data": "x"})[0].rule == "json_type"


# --------------------------------------------------------------------------------------
# The official examples
# --------------------------------------------------------------------------------------

# Components in each v3 example, by the x-comment formula (absent components count as 0):
# 1: 0.35 + 0 + 0.004 + 0 + 0.002 = 0.356, stated 0.384; with uptake -1.61: -1.254, stated -1.23
# 2: 4.78 + 0 + 0 + 0.024 = 4.804, stated 5.14; with uptake -19.36: -14.556, stated -14.22
# 3: 77 + 0 + 0 + 0 + 0 = 77, stated 77.0; with uptake 0: 77, stated 77.0
# 4: 0.17 + 0.2 + 0 + 0 + 0.001 = 0.371, stated 0.42; with uptake -0.37: 0.001, stated 0.05
EXAMPLE_SUMS = {
    1: {"pcfExcludingBiogenicUptake": ("0.384", "0.356"),
        "pcfIncludingBiogenicUptake": ("-1.23", "-1.254")},
    2: {"pcfExcludingBiogenicUptake": ("5.14", "4.804"),
        "pcfIncludingBiogenicUptake": ("-14.22", "-14.556")},
    3: {},
    4: {"pcfExcludingBiogenicUptake": ("0.42", "0.371"),
        "pcfIncludingBiogenicUptake": ("0.05", "0.001")},
}  # fmt: skip


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_official_v3_examples_validate_against_the_official_schema(number: int) -> None:
    assert schema_errors(reference_json(f"v3/example-{number}.json"), "3.0") == []


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_official_v3_examples_sum_problems(number: int) -> None:
    document = reference_json(f"v3/example-{number}.json")
    sums = {
        p.path.removeprefix("pcf."): p.message
        for p in check_pact(document)
        if p.rule.endswith("_adds_up")
    }
    assert set(sums) == set(EXAMPLE_SUMS[number])
    for key, (stated, computed) in EXAMPLE_SUMS[number].items():
        assert f"states {stated} but its components add up to {computed} " in sums[key]


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_official_v3_examples_read_and_keep_what_is_not_mapped(number: int) -> None:
    footprint = _single(read_pact(reference_file(f"v3/example-{number}.json")))
    document = reference_json(f"v3/example-{number}.json")
    assert str(footprint.id) == document["id"]
    assert footprint.fossil_ghg_emissions == float(document["pcf"]["fossilGhgEmissions"])
    assert footprint.unmapped["pcf.landAreaOccupation"] == document["pcf"]["landAreaOccupation"]
    for key, (stated, computed) in EXAMPLE_SUMS[number].items():
        assert footprint.unmapped[f"pcf.{key}"] == stated
        model_total = (
            footprint.pcf_excluding_biogenic_uptake
            if key == "pcfExcludingBiogenicUptake"
            else footprint.pcf_including_biogenic_uptake
        )
        assert model_total == pytest.approx(float(computed), abs=1e-12)
    assert ("pcf.pcfExcludingBiogenicUptake" in footprint.unmapped) == (number != 3)


def test_official_v3_example_details() -> None:
    first = _single(read_pact(reference_file("v3/example-1.json")))
    assert first.geography_country_subdivision == "US-TX"
    assert first.product_category_cpc is None
    assert first.product_classifications == ["urn:pact:productclassification:cas:1456"]
    assert first.unmapped["pcf.otherOperatorName"] == "TfS"  # misplaced in the example
    assert first.dqi == DataQuality(technological_dqr=1.5, geographical_dqr=3.2, temporal_dqr=2.4)
    assert "注意 Note: the source document states pcf.pcfExcludingBiogenicUptake = 0.384" in (
        first.summary()
    )
    second = _single(read_pact(reference_file("v3/example-2.json")))
    assert second.product_category_cpc == "1234"
    assert second.declared_unit_amount == 12.0
    assert second.land_management_biogenic_co2_emissions is None  # "is unknown": left out
    third = _single(read_pact(reference_file("v3/example-3.json")))
    assert third.unmapped["pcf.verification"]["providerName"] == "Auditor X"
    assert third.unmapped["pcf.outboundLogisticsGhgEmissions"] == "4"
    assert check_pact(to_pact(third)) == []


def test_official_v2_example_reads() -> None:
    response = reference_json("v2/get-footprint-response.json")
    assert schema_errors(response["data"], "2.3") == []
    assert check_pact(response) == []
    footprint = _single(read_pact(reference_file("v2/get-footprint-response.json")))
    assert footprint.product_name == "Green Ethanol"
    assert footprint.product_category_cpc == "6398"
    assert (footprint.declared_unit, footprint.declared_unit_amount) == ("liter", 1.0)
    assert footprint.fossil_ghg_emissions == 1.5
    assert footprint.land_use_change_ghg_emissions == 0.8  # dLucGhgEmissions
    assert footprint.biogenic_co2_uptake == -1.5  # biogenicCarbonWithdrawal
    assert footprint.biogenic_non_co2_emissions is None  # 2.x has no such field
    assert footprint.cross_sectoral_standards == ["GHGP-Product", "ISO14067"]
    assert footprint.dqi is not None
    assert footprint.dqi.coverage_percent == 78
    assert footprint.extensions[0]["data"]["shipmentId"] == "S1234567890"
    assert footprint.unmapped == {
        "pcf.landManagementGhgEmissions": "0.6",
        "pcf.otherBiogenicGhgEmissions": "0.4",
        "pcf.iLucGhgEmissions": "0",
        "pcf.biogenicAccountingMethodology": "GHGP",
        "pcf.assurance": {"assurance": False, "providerName": ""},
        "pcf.pCfExcludingBiogenic": "1.63",
        "pcf.pCfIncludingBiogenic": "1.85",
    }
    rewritten = to_pact(footprint, "2.3")
    assert schema_errors(rewritten, "2.3") == []
    assert (
        rewritten["pcf"]["crossSectoralStandardsUsed"]
        == response["data"]["pcf"]["crossSectoralStandardsUsed"]
    )
    with pytest.raises(ValidationError, match=r"pcf\.productMassPerDeclaredUnit"):
        to_pact(footprint, "3.0")  # 2.x did not state the mass; carbonfoot does not invent it


def test_a_reference_file_that_is_missing_fails_clearly() -> None:
    with pytest.raises(pytest.fail.Exception, match=r"PACT reference file .* is missing"):
        reference_file("v9/nothing.json")


# --------------------------------------------------------------------------------------
# Reading bad input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda d: d["pcf"].pop("fossilGhgEmissions"),
         "pcf.fossilGhgEmissions: required field is missing"),
        (lambda d: d["pcf"].update(biogenicCO2Uptake="10"),
         'pcf.biogenicCO2Uptake: "10" must be ≤ 0'),
        (lambda d: d["pcf"].update(fossilGhgEmissions="1,5"),
         'pcf.fossilGhgEmissions: "1,5" is not a decimal string'),
        (lambda d: d["pcf"].update(declaredUnitOfMeasurement="ton"),
         "pcf.declaredUnitOfMeasurement: \"ton\" is not allowed; valid: 'liter', 'kilogram'"),
        (lambda d: d.update(specVersion="4.0.0"), "specVersion: \"4.0.0\" does not name"),
        (lambda d: d.update(productIds=["urn:x"]),
         "productIds: 'urn:x' is not a URN"),
        (lambda d: d["extensions"][-1]["data"].update(version=-2), "extensions:"),
    ],
)  # fmt: skip
def test_read_pact_refuses_invalid_documents_naming_the_path(change: Any, says: str) -> None:
    document = _v3()
    change(document)
    with pytest.raises(ValidationError) as caught:
        read_pact(document)
    assert says in str(caught.value)


def test_read_pact_refuses_bad_carryover_values() -> None:
    document = _v23()
    document["extensions"][-1]["data"]["technologicalCO2Removals"] = "-1e2"
    with pytest.raises(ValidationError, match=r"extensions\[0\]\.data\.technologicalCO2Removals"):
        read_pact(document)


def test_read_pact_reads_files_and_responses(tmp_path: Path) -> None:
    one, two = _v3(), to_pact(_minimal(product_mass_per_declared_unit=1.0))
    path = tmp_path / "footprints.json"
    path.write_text(json.dumps({"data": [one, two]}), encoding="utf-8")
    read = read_pact(path)
    assert isinstance(read, list)
    assert [f.product_name for f in read] == ["Bio-PE film (fictional)", "Tile (fictional)"]
    assert read_pact(str(path)) == read
    assert parse_pact(path.read_text(encoding="utf-8")) == read
    bad = copy.deepcopy(two)
    bad["pcf"]["fossilGhgEmissions"] = "-3"
    with pytest.raises(ValidationError, match=r"data\[1\]\.pcf\.fossilGhgEmissions"):
        read_pact({"data": [one, bad]})


def test_read_pact_on_invalid_json_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "specVersion": "3.0.3",\n  "id": \n}', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"broken\.json: not valid JSON: .* line 4, column 1"):
        read_pact(path)
    with pytest.raises(ValidationError, match="not valid JSON"):
        parse_pact("{")
    with pytest.raises(ValidationError, match=r"use parse_pact\(text\)"):
        read_pact('{"specVersion": "3.0.3"}')
    with pytest.raises(DataError, match="cannot be read"):
        read_pact(tmp_path / "missing.json")
    with pytest.raises(ValidationError, match="a PACT ProductFootprint is a JSON object"):
        parse_pact("[1, 2]")


def test_read_pact_keeps_unknown_keys_and_mismatched_derived_values() -> None:
    document = _v23()
    document["pcf"]["characterizationFactors"] = "AR6"  # the earliest used is AR5
    document["pcf"]["somethingNew"] = {"a": 1}
    document["pcf"]["dqi"]["extra"] = 2
    document["statusComment"] = "first version"
    footprint = _single(read_pact(document))
    assert footprint.unmapped == {
        "statusComment": "first version",
        "pcf.characterizationFactors": "AR6",
        "pcf.somethingNew": {"a": 1},
        "pcf.dqi.extra": 2,
    }
    assert to_pact(footprint, "2.3")["pcf"]["characterizationFactors"] == "AR5"


def test_read_pact_defaults_what_a_v3_document_leaves_out() -> None:
    document = _v3()
    for key in ("comment", "extensions"):
        document.pop(key)
    for key in ("boundaryProcessesDescription", "biogenicCO2Uptake", "biogenicCarbonContent"):
        document["pcf"].pop(key)
    document["pcf"]["pcfIncludingBiogenicUptake"] = document["pcf"]["pcfExcludingBiogenicUptake"]
    footprint = _single(read_pact(document))
    assert footprint.comment == ""
    assert footprint.boundary_processes_description == ""
    assert footprint.biogenic_co2_uptake is None  # blank means unknown, not 0
    assert footprint.biogenic_carbon_content is None
    assert footprint.version == 1
    assert footprint.unmapped == {}


def test_stated_totals_within_tolerance_are_not_kept() -> None:
    document = _v3()
    stated = Decimal(document["pcf"]["pcfExcludingBiogenicUptake"])
    document["pcf"]["pcfExcludingBiogenicUptake"] = str(stated + Decimal("1e-9"))
    assert _single(read_pact(document)).unmapped == {}
