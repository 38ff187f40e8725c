"""The ipcc-2006-metal package: process emissions of iron, steel and primary aluminium.

Source of every expected factor: 2006 IPCC Guidelines, Vol.3 (IPPU), Ch.4 Metal Industry,
Tier 1 defaults — Table 4.1 (CO2, iron and steel, p.4.25), Table 4.2 (CH4, p.4.26), Table 4.10
(anode/paste CO2, p.4.47) and Table 4.15 (PFCs by cell technology, p.4.54), as transcribed by
OpenAMEE/datasets (ironandsteel/generic, aluminium/defaults, aluminium/pfc/defaults); the IPCC
PDF itself was not opened (see factors/ipcc-2006-metal/2006/datapackage.yaml).
GWPs: IPCC AR6 WG1 Ch.7 Table 7.15 (CH4) and Table 7.SM.7 (CF4 7380, C2F6 12400), AR6GWP100.
"""

from __future__ import annotations

import pandas as pd
import pytest

import carbonfoot as cf

METAL = cf.load_factors("ipcc-2006-metal")

# An independent copy of the cited tables (OpenAMEE/datasets, converted to per tonne of
# product), not read from factors/: checks data.csv against it. (activity, gas) → (value, unit)
EXPECTED: dict[tuple[str, str], tuple[float, str]] = {
    ("process.iron_steel.sinter", "CO2"): (0.20, "t CO2 / t"),  # Table 4.1
    ("process.iron_steel.sinter", "CH4"): (0.07, "kg CH4 / t"),  # Table 4.2
    ("process.iron_steel.pellet", "CO2"): (0.03, "t CO2 / t"),
    ("process.iron_steel.coke_oven", "CO2"): (0.56, "t CO2 / t"),
    ("process.iron_steel.coke_oven", "CH4"): (0.1, "g CH4 / t"),  # Table 4.2, in grams
    ("process.iron_steel.pig_iron", "CO2"): (1.35, "t CO2 / t"),
    ("process.iron_steel.dri", "CO2"): (0.70, "t CO2 / t"),
    ("process.iron_steel.bof", "CO2"): (1.46, "t CO2 / t"),
    ("process.iron_steel.eaf", "CO2"): (0.08, "t CO2 / t"),
    ("process.iron_steel.open_hearth", "CO2"): (1.72, "t CO2 / t"),
    ("process.iron_steel.average", "CO2"): (1.06, "t CO2 / t"),
    # Table 4.10: Prebake 1.6 (CWPB, SWPB), Søderberg 1.7 (VSS, HSS); Table 4.15: CF4, C2F6
    ("process.aluminium.cwpb", "CO2"): (1.6, "t CO2 / t"),
    ("process.aluminium.cwpb", "CF4"): (0.4, "kg CF4 / t"),
    ("process.aluminium.cwpb", "C2F6"): (0.04, "kg C2F6 / t"),
    ("process.aluminium.swpb", "CO2"): (1.6, "t CO2 / t"),
    ("process.aluminium.swpb", "CF4"): (1.6, "kg CF4 / t"),
    ("process.aluminium.swpb", "C2F6"): (0.4, "kg C2F6 / t"),
    ("process.aluminium.vss", "CO2"): (1.7, "t CO2 / t"),
    ("process.aluminium.vss", "CF4"): (0.8, "kg CF4 / t"),
    ("process.aluminium.vss", "C2F6"): (0.04, "kg C2F6 / t"),
    ("process.aluminium.hss", "CO2"): (1.7, "t CO2 / t"),
    ("process.aluminium.hss", "CF4"): (0.4, "kg CF4 / t"),
    ("process.aluminium.hss", "C2F6"): (0.03, "kg C2F6 / t"),
}  # fmt: skip


def _rows(*rows: tuple[str, float, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["activity", "amount", "unit"])


def test_package_has_exactly_the_transcribed_rows() -> None:
    frame = METAL.to_frame()
    stored = {
        (a, g): (float(v), u)
        for a, g, v, u in zip(
            frame["activity"], frame["gas"], frame["value"], frame["unit"], strict=True
        )
    }
    assert stored == EXPECTED
    assert len(frame) == len(EXPECTED)  # no (activity, gas) twice
    assert set(frame["region"]) == {"GLOBAL"}
    assert all("IPCC PDF not opened" in v for v in frame["verification"])
    # the Table 4.10/4.15 page numbers come from one transcription only, and the rows say so
    aluminium = frame[frame["activity"].str.startswith("process.aluminium.")]
    assert all("page single-source" in v for v in aluminium["verification"])


def test_process_activities_are_scope_1_and_tonnes_of_product() -> None:
    known = cf.factors.activities()
    activities = sorted({activity for activity, _ in EXPECTED})
    for activity in activities:
        assert (known[activity].kind, known[activity].amount_unit) == ("process", "t")
    result = cf.calculate(_rows(*((a, 1.0, "t") for a in activities)))
    assert result.frame["scope"].tolist() == [1] * len(activities)
    assert set(result.frame["factor_edition"].astype(str)) == {"ipcc-2006-metal/2006"}


def test_one_tonne_of_eaf_steel() -> None:
    # IPCC 2006 Vol.3 Table 4.1: EAF 0.08 t CO2 per t of steel (process CO2 only; the
    # furnace's electricity is a row of its own)
    result = cf.calculate(_rows(("process.iron_steel.eaf", 1.0, "t")))
    row = result.frame.iloc[0]
    assert row["CO2 [t]"] == pytest.approx(0.08, rel=1e-12)
    assert row["CO2e (AR6GWP100) [t]"] == pytest.approx(0.08, rel=1e-12)
    assert row["scope"] == 1
    assert row["factor_id"] == "ipcc2006-iron_steel-eaf-co2"
    assert row["fallback"] == "region CN → GLOBAL"  # IPCC defaults are global


def test_one_tonne_of_cwpb_aluminium() -> None:
    # Table 4.10 Prebake 1.6 t CO2/t Al; Table 4.15 CWPB 0.4 kg CF4 and 0.04 kg C2F6 per t Al.
    # AR6GWP100 (AR6 WG1 Ch.7 Table 7.SM.7): CF4 7380, C2F6 12400.
    #   1600 kg CO2 + 0.4 kg × 7380 + 0.04 kg × 12400 = 1600 + 2952 + 496 = 5048 kg CO2e
    result = cf.calculate(_rows(("process.aluminium.cwpb", 1.0, "t")))
    row = result.frame.iloc[0]
    assert row["CO2 [t]"] == pytest.approx(1.6, rel=1e-12)
    assert row["CF4 [t]"] == pytest.approx(0.4e-3, rel=1e-12)
    assert row["C2F6 [t]"] == pytest.approx(0.04e-3, rel=1e-12)
    assert result.total.to("kg CO2e (AR6GWP100)").magnitude == pytest.approx(5048.0, rel=1e-12)
    # the same 1 t given as 1000 kg of aluminium
    in_kg = cf.calculate(_rows(("process.aluminium.cwpb", 1000.0, "kg")))
    assert in_kg.total.magnitude == pytest.approx(5.048, rel=1e-12)


def test_soderberg_cells_carry_the_paste_factor() -> None:
    # Table 4.10 Søderberg 1.7 t CO2/t Al; Table 4.15 HSS 0.4 kg CF4, 0.03 kg C2F6 per t Al
    #   2 t × (1700 + 0.4 × 7380 + 0.03 × 12400) = 2 × (1700 + 2952 + 372) = 10048 kg CO2e
    result = cf.calculate(_rows(("process.aluminium.hss", 2.0, "t")))
    assert result.total.to("kg CO2e (AR6GWP100)").magnitude == pytest.approx(10048.0, rel=1e-12)


def test_coke_oven_methane_is_in_grams() -> None:
    # Table 4.2: 0.1 g CH4 per t of coke; Table 4.1: 0.56 t CO2 per t of coke
    #   1000 t coke → 0.1 kg CH4 = 1e-4 t; CO2e = 560 + 1e-4 × 27.9 (AR6 CH4, Table 7.15)
    result = cf.calculate(_rows(("process.iron_steel.coke_oven", 1000.0, "t")))
    row = result.frame.iloc[0]
    assert row["CH4 [t]"] == pytest.approx(1e-4, rel=1e-12)
    assert result.total.magnitude == pytest.approx(560 + 1e-4 * 27.9, rel=1e-12)


def test_global_average_is_the_weighted_route_mix() -> None:
    # Table 4.1 global average 1.06 = 65 % BOF + 30 % EAF + 5 % OHF, rounded:
    #   0.65 × 1.46 + 0.30 × 0.08 + 0.05 × 1.72 = 0.949 + 0.024 + 0.086 = 1.059
    value = {a: METAL.select(a, gas="CO2").value for a, g in EXPECTED if g == "CO2"}
    mix = (
        0.65 * value["process.iron_steel.bof"]
        + 0.30 * value["process.iron_steel.eaf"]
        + 0.05 * value["process.iron_steel.open_hearth"]
    )
    assert round(mix, 2) == value["process.iron_steel.average"]


def test_amount_in_kwh_is_an_error_naming_the_row() -> None:
    rows = _rows(("process.iron_steel.eaf", 1.0, "t"), ("process.aluminium.cwpb", 13150, "kWh"))
    rows.index = pd.Index(["eaf", "smelter"])
    with pytest.raises(cf.ValidationError, match=r"row 'smelter' \(process.aluminium.cwpb"):
        cf.calculate(rows)
    collected = cf.calculate(rows, errors="collect")
    assert collected.errors.index.tolist() == ["smelter"]
    assert "Cannot convert" in str(collected.errors.loc["smelter", "error"])
    assert collected.total.magnitude == pytest.approx(0.08, rel=1e-12)  # the good row only


def test_process_rows_are_not_energy_use() -> None:
    # the product tonnes are not energy: comprehensive energy comes from the fuel and
    # electricity rows of the same plant (GB/T 2589-2020)
    energy = cf.energy_consumption(_rows(("process.iron_steel.eaf", 5.0, "t")))
    assert energy.frame["energy [tce]"].iloc[0] == 0.0
    assert "not energy" in energy.frame["method"].iloc[0]


def test_bundled_default_tables_include_the_metal_package() -> None:
    assert cf.factors.datasets()["ipcc-2006-metal"] == ["2006"]
    factor = cf.load_factors().select("process.aluminium.cwpb", "CN", gas="CF4")
    assert (factor.dataset, factor.value, factor.unit) == ("ipcc-2006-metal", 0.4, "kg CF4 / t")
    assert factor.source is not None
    assert "Volume 3" in factor.source.title
    assert "Table 4.15" in factor.source_locator
