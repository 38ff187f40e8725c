"""carbonfoot.park: park CO2 with the boundary rule, and the zero-carbon park assessment."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import pydantic
import pytest

import carbonfoot as cf

# A FICTIONAL park in Anhui, 2023 (values of the bundled tables used below):
#   natural gas (GB/T 32150-2015): 389.31 GJ/10^4 Nm3 × 15.3 tC/TJ × 99 % × 44/12
#       = 21.621888 t CO2 per 10^4 Nm3; energy 389.31 GJ ÷ 29.3076 GJ/tce per 10^4 Nm3
#   diesel (GB/T 32150-2015): 42.652 GJ/t × 20.2 tC/TJ × 98 % × 44/12 = 3.0959104 t CO2/t;
#       energy 1.4571 kgce/kg (GB/T 2589-2020)
#   Anhui grid 2023 (MEE/NBS 公告2025年第47号): 0.6553 t CO2/MWh; electricity 0.1229 kgce/kWh
#   purchased heat (NDRC default): 0.11 t CO2/GJ; heat 0.03412 kgce/MJ (GB/T 2589-2020)
DIESEL_T = 42.652 * 0.0202 * 0.98 * 44 / 12
ROWS = [
    # A: boiler house, burns gas, sells 10,000 GJ of steam to B inside the park
    {"entity": "A", "activity": "fuel.natural_gas", "amount": 50, "unit": "10^4 Nm3"},
    # B: factory, grid electricity and A's steam
    {"entity": "B", "activity": "electricity.grid", "amount": 20_000, "unit": "MWh"},
    {"entity": "B", "activity": "heat.purchased", "amount": 10_000, "unit": "GJ", "supplier": "A"},
    # C: green power (绿电) and diesel forklifts
    {"entity": "C", "activity": "electricity.grid", "amount": 5_000, "unit": "MWh",
     "instrument": "green_power"},
    {"entity": "C", "activity": "fuel.diesel", "amount": 100, "unit": "t"},
]  # fmt: skip


def _park(rows: list[dict[str, object]], **options: object) -> cf.park.ParkAccount:
    return cf.account_park(
        pd.DataFrame(rows),
        region="CN-AH",
        year=2023,
        options=cf.ParkOptions(**options),  # type: ignore[arg-type]
    )


def test_small_park_by_hand() -> None:
    account = _park(ROWS)
    gas = 50 * 389.31 * 0.0153 * 0.99 * 44 / 12  # 1081.0944 t
    grid = 20_000 * 0.6553  # 13,106 t
    diesel = 100 * DIESEL_T  # 309.59104 t
    expected_co2 = gas + grid + 0.0 + diesel  # B's steam is A's gas: counted once
    assert account.co2_t == pytest.approx(expected_co2, rel=1e-9)
    energy = 50 * 389.31 / 29.3076 + 20_000e3 * 0.1229e-3 + 5_000e3 * 0.1229e-3 + 100e3 * 1.4571e-3
    assert account.energy_tce == pytest.approx(energy, rel=1e-9)  # 664.18 + 2458 + 614.5 + 145.71
    assert account.carbon_per_energy == pytest.approx(expected_co2 / energy, rel=1e-9)
    # enterprise inventories: B counts A's steam as its scope 2 (10,000 GJ × 0.11 = 1,100 t)
    assert account.enterprise_co2_t == pytest.approx(
        {"A": gas, "B": grid + 1_100, "C": diesel}, rel=1e-9
    )
    assert account.internal_transfers_co2_t == pytest.approx(1_100)
    # reconciliation: park = sum of enterprises − what tenants bought from each other
    reconciled = sum(account.enterprise_co2_t.values()) - account.internal_transfers_co2_t
    assert account.co2_t == pytest.approx(reconciled, rel=1e-12)


def test_moving_the_steam_buyer_out_of_the_park() -> None:
    inside = _park(ROWS)
    # B leaves the park: A's steam now crosses the boundary (an export), B's rows are gone
    export = {"entity": "A", "activity": "heat.purchased", "amount": 10_000, "unit": "GJ",
              "direction": "export"}  # fmt: skip
    outside_rows = [r for r in ROWS if r["entity"] != "B"] + [export]
    gas = 50 * 389.31 * 0.0153 * 0.99 * 44 / 12
    diesel = 100 * DIESEL_T
    # no heat comes into the park, so its net heat inflow is zero, not negative: the export
    # credits nothing and A's gas stays in the park total, under both outflow options
    for outflow in ("subtract", "ignore"):
        assert _park(outside_rows, outflow=outflow).co2_t == pytest.approx(gas + diesel, rel=1e-9)
    # so moving B out removes exactly B's grid electricity (its steam was never counted twice)
    assert inside.co2_t - _park(outside_rows).co2_t == pytest.approx(20_000 * 0.6553, rel=1e-9)
    # when heat also comes in (C buys 20,000 GJ from outside), the net inflow is 10,000 GJ
    imported = {"entity": "C", "activity": "heat.purchased", "amount": 20_000, "unit": "GJ"}
    both = _park([*outside_rows, imported])
    assert both.co2_t == pytest.approx(gas + diesel + (20_000 - 10_000) * 0.11, rel=1e-9)
    assert both.export_credit_co2_t == pytest.approx(10_000 * 0.11)
    energy = 50 * 389.31 / 29.3076 + 5_000e3 * 0.1229e-3 + 100e3 * 1.4571e-3
    assert both.energy_tce == pytest.approx(energy + 10_000e3 * 0.03412e-3, rel=1e-9)
    ignored = _park([*outside_rows, imported], outflow="ignore")
    assert ignored.co2_t == pytest.approx(gas + diesel + 20_000 * 0.11, rel=1e-9)


def test_exports_never_make_the_park_negative() -> None:
    rows = [
        {"entity": "P", "activity": "electricity.grid", "amount": 1_000, "unit": "MWh",
         "instrument": "green_power"},
        {"entity": "P", "activity": "electricity.grid", "amount": 900, "unit": "MWh",
         "direction": "export"},
    ]  # fmt: skip
    account = _park(rows)
    assert account.co2_t == 0.0  # green power in (0 t) minus at most 0 t
    assert account.energy_tce == pytest.approx((1_000 - 900) * 0.1229, rel=1e-9)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"year": 2022}, "not the year accounted"),
        ({"instrument": "ppa"}, "not one a park account prices"),
        ({"supplier": "C", "direction": "export"}, "both an internal transfer"),
        ({"supplier": "B"}, "its own supplier"),
        ({"entity": None}, "entity is missing"),
    ],
)
def test_park_rows_that_would_mislead_are_refused(change: dict[str, Any], message: str) -> None:
    rows = [dict(r) for r in ROWS]
    rows[1] = {**rows[1], **change}  # B's grid electricity
    with pytest.raises(cf.ValidationError, match=message):
        _park(rows)


def test_blank_year_and_region_cells_take_the_parks() -> None:
    rows = [dict(r) for r in ROWS]
    rows[1] = {**rows[1], "region": "", "year": None}
    assert _park(rows).co2_t == pytest.approx(_park(ROWS).co2_t, rel=1e-12)


def test_green_power_and_grid_factor_options() -> None:
    as_grid = _park(ROWS, green_power="grid")
    assert as_grid.co2_t - _park(ROWS).co2_t == pytest.approx(5_000 * 0.6553, rel=1e-9)
    # national fossil-power factor 2023 (MEE/NBS 公告2025年第47号): 0.8273 t CO2/MWh
    fossil = _park(ROWS, grid_factor="electricity.grid.fossil")
    assert fossil.co2_t - _park(ROWS).co2_t == pytest.approx(20_000 * (0.8273 - 0.6553), rel=1e-9)
    with pytest.raises(cf.ValidationError, match="grid_factor"):
        cf.ParkOptions(grid_factor="electricity.grid.green")


def test_assessment_bands_statuses_and_what_to_pass() -> None:
    small = cf.assess_zero_carbon_park(pd.DataFrame(ROWS), region="CN-AH", year=2023)
    assert small.frame["status"].iloc[0] == "no national threshold"  # 3,882 tce/yr < 200,000
    assert all(s.startswith("not assessable") for s in small.frame["status"].iloc[1:])
    # 100 × the same park: 388,239 tce/yr → band 200,000–1,000,000, threshold 0.2 t CO2/tce
    big_rows = [dict(r, amount=float(r["amount"]) * 100) for r in ROWS]  # type: ignore[arg-type]
    guiding = cf.GuidingData(
        clean_energy_tce=200_000,
        solid_waste_generated_t=1_000,
        solid_waste_utilised_t=850,
        water_reused_m3=70,
        water_withdrawn_m3=30,
        product_energy_grades={"tiles": 2, "glass": 3},
    )
    big = cf.assess_zero_carbon_park(
        pd.DataFrame(big_rows), region="CN-AH", year=2023, guiding=guiding
    )
    by_id: dict[Any, dict[Any, Any]] = big.frame.set_index("indicator_id").to_dict("index")
    account = big.account
    core = by_id["core_carbon_per_energy"]
    assert core["band"] == "core_carbon_per_energy_200k_1m"
    assert core["threshold"] == 0.2
    assert core["status"] == "fail"
    cut = account.co2_t - 0.2 * account.energy_tce
    assert f"cut {cut:,.1f} t CO2" in core["to_pass"]
    assert by_id["guiding_industrial_solid_waste_utilisation"]["value"] == pytest.approx(85.0)
    assert by_id["guiding_industrial_solid_waste_utilisation"]["status"] == "pass"
    assert by_id["guiding_industrial_water_reuse"]["value"] == pytest.approx(70.0)  # 70/(70+30)
    assert by_id["guiding_industrial_water_reuse"]["status"] == "fail"
    share = 100 * 200_000 / account.energy_tce
    assert by_id["guiding_clean_energy_share"]["value"] == pytest.approx(share)
    assert by_id["guiding_product_energy_quota"]["status"] == "fail"
    assert "glass" in by_id["guiding_product_energy_quota"]["to_pass"]
    waste_heat = by_id["guiding_waste_heat_cold_pressure_utilisation"]
    assert waste_heat["status"].startswith("not assessable: waste_heat_used_gj")
    assert math.isnan(waste_heat["value"])
    text = repr(big)
    assert "grid electricity priced with: electricity.grid" in text
    assert "当量值" in text
    assert "<table" in big._repr_html_()


def test_demo_park_is_deterministic_and_reconciles() -> None:
    park = cf.examples.load_demo_park()
    again = cf.examples.load_demo_park()
    pd.testing.assert_frame_equal(park.rows, again.rows)
    account = cf.account_park(park.rows, region=park.region, year=park.year)
    reconciled = (
        sum(account.enterprise_co2_t.values())
        - account.internal_transfers_co2_t
        - account.export_credit_co2_t
    )
    assert account.co2_t == pytest.approx(reconciled, rel=1e-12)
    assert 200_000 <= account.energy_tce < 1_000_000  # the demo sits in the 0.2 t/tce band
    assessment = cf.assess_zero_carbon_park(
        park.rows, region=park.region, year=park.year, guiding=park.guiding
    )
    assert assessment.frame["status"].iloc[0] in ("pass", "fail")
    assert (park.rows["entity"].str.contains("fictional")).all()


def test_guiding_data_is_validated_and_zero_denominators_are_not_assessable() -> None:
    for bad in (
        {"solid_waste_generated_t": -1.0},
        {"water_reused_m3": float("nan")},
        {"solid_waste_generated_t": 10.0, "solid_waste_utilised_t": 11.0},
        {"product_energy_grades": {"glass": "2"}},
        {"product_energy_grades": {"glass": 5}},
    ):
        with pytest.raises(cf.ValidationError, match="GuidingData"):
            cf.GuidingData(**bad)
    guiding = cf.GuidingData(
        solid_waste_generated_t=0.0,
        solid_waste_utilised_t=0.0,
        water_reused_m3=70.0,
        water_withdrawn_m3=30.0,
        clean_energy_tce=1e9,
    )
    frame = cf.assess_zero_carbon_park(
        pd.DataFrame(ROWS), region="CN-AH", year=2023, guiding=guiding
    ).frame.set_index("indicator_id")
    assert str(frame.loc["guiding_industrial_solid_waste_utilisation", "status"]).startswith(
        "not assessable"
    )
    assert str(frame.loc["guiding_clean_energy_share", "status"]).startswith("not assessable")
    # reuse 70 / (70 + 30) = 70 %; at a constant 100 m3 of use, 80 % needs 80 reused: 10 more
    assert str(frame.loc["guiding_industrial_water_reuse", "to_pass"]).startswith("10.0 m3")


# --- scenarios ------------------------------------------------------------------------------


def test_green_power_and_pv_scenarios_cut_exactly_the_grid_factor() -> None:
    before = _park(ROWS)
    after = cf.account_park(
        cf.park.add_green_power(pd.DataFrame(ROWS), "B", 4_000, "MWh"), region="CN-AH", year=2023
    )
    # 4,000 MWh of B's grid power become green: −4,000 × 0.6553 t; energy unchanged
    assert before.co2_t - after.co2_t == pytest.approx(4_000 * 0.6553, rel=1e-9)
    assert after.energy_tce == pytest.approx(before.energy_tce, rel=1e-12)
    pv = cf.park.add_pv(pd.DataFrame(ROWS), "B", "2 MW", 1_100)  # 2 MW × 1,100 h = 2,200 MWh
    with_pv = cf.account_park(pv, region="CN-AH", year=2023)
    assert before.co2_t - with_pv.co2_t == pytest.approx(2_200 * 0.6553, rel=1e-9)
    with pytest.raises(cf.ValidationError, match="at most that"):
        cf.park.add_green_power(pd.DataFrame(ROWS), "B", 30_000, "MWh")


def test_switching_a_boiler_keeps_the_useful_heat() -> None:
    rows = pd.DataFrame(
        [
            {"entity": "K", "activity": "fuel.bituminous_coal", "amount": 600, "unit": "t",
             "period": "2023-01"},
            {"entity": "K", "activity": "fuel.bituminous_coal", "amount": 400, "unit": "t",
             "period": "2023-02"},
        ]
    )  # fmt: skip
    # GB/T 32150-2015 NCV: bituminous coal 19.570 GJ/t, natural gas 389.31 GJ/10^4 Nm3
    heat = 1_000 * 19.570 * 0.80  # useful heat at 80 % boiler efficiency = 15,656 GJ
    gas = cf.park.switch_fuel(
        rows, "K", "fuel.bituminous_coal", "fuel.natural_gas",
        old_efficiency=0.80, new_efficiency=0.90, new_unit="10^4 Nm3",
    )  # fmt: skip
    assert gas["activity"].tolist() == ["fuel.natural_gas"] * 2
    assert gas["period"].tolist() == ["2023-01", "2023-02"]  # each month keeps its own amount
    assert gas["amount"].sum() == pytest.approx(heat / 0.90 / 389.31, rel=1e-12)
    assert gas["amount"].iloc[0] / gas["amount"].iloc[1] == pytest.approx(600 / 400)
    heat_pump = cf.park.switch_fuel(
        rows,
        "K",
        "fuel.bituminous_coal",
        "electricity.grid",
        old_efficiency=0.80,
        new_efficiency=3.0,
        new_unit="MWh",
    )  # fmt: skip  (COP 3: electricity = heat ÷ 3 = 5,218.67 GJ = 1,449.63 MWh)
    assert heat_pump["amount"].sum() == pytest.approx(heat / 3.0 / 3.6, rel=1e-12)


def test_compare_before_and_after() -> None:
    park = cf.examples.load_demo_park()
    before = cf.assess_zero_carbon_park(park.rows, region=park.region, year=park.year)
    plan = cf.park.add_pv(park.rows, "auto parts 2 (fictional)", "5 MW", 1_100)
    after = cf.assess_zero_carbon_park(plan, region=park.region, year=park.year)
    table = cf.park.compare(before, after)
    co2 = table.loc["park_co2"]
    assert co2["change"] == pytest.approx(after.account.co2_t - before.account.co2_t)
    assert co2["change"] < 0
    assert "status before" in table.columns
    assert "status after" in table.columns


# --- models and the Excel workbook ---------------------------------------------------------


def test_park_model_from_frame_matches_the_rows() -> None:
    park = cf.Park.from_frame(
        pd.DataFrame(ROWS), name="FICTIONAL test park", region="CN-AH", year=2023
    )
    assert [e.name for e in park.enterprises] == ["A", "B", "C"]
    assert park.assess().account.co2_t == pytest.approx(_park(ROWS).co2_t, rel=1e-12)
    assert cf.assess_zero_carbon_park(park).account.co2_t == pytest.approx(_park(ROWS).co2_t)
    b = park.enterprises[1]
    # B's own inventory: grid 20,000 MWh × 0.6553 + steam 10,000 GJ × 0.11 (its scope 2)
    assert b.inventory("CN-AH", 2023).total.magnitude == pytest.approx(13_106 + 1_100, rel=1e-9)
    with pytest.raises(pydantic.ValidationError, match="unique"):
        cf.Park(name="p", region="CN-AH", year=2023, enterprises=[park.enterprises[0]] * 2)
    with pytest.raises(cf.ValidationError, match="region= and year="):
        cf.assess_zero_carbon_park(pd.DataFrame(ROWS))


def _workbook(path: Path, activities: pd.DataFrame, guiding: dict[str, Any] | None = None) -> Path:
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame(
            {"field": ["name", "region", "year"], "value": ["FICTIONAL park", "CN-AH", 2023]}
        ).to_excel(writer, sheet_name="park", index=False)
        activities.to_excel(writer, sheet_name="activities", index=False)
        if guiding is not None:
            pd.DataFrame({"field": list(guiding), "value": list(guiding.values())}).to_excel(
                writer, sheet_name="guiding", index=False
            )
    return path


def test_park_from_an_excel_workbook(tmp_path: Path) -> None:
    guiding = {"solid_waste_generated_t": 100, "solid_waste_utilised_t": 85, "grade:tiles": 2}
    path = _workbook(tmp_path / "park.xlsx", pd.DataFrame(ROWS), guiding)
    park = cf.Park.from_excel(path)
    assert (park.name, park.region, park.year) == ("FICTIONAL park", "CN-AH", 2023)
    assert park.guiding.product_energy_grades == {"tiles": 2}
    assert park.assess().account.co2_t == pytest.approx(_park(ROWS).co2_t, rel=1e-12)


def test_excel_errors_name_sheet_row_and_column(tmp_path: Path) -> None:
    rows = pd.DataFrame(ROWS).astype({"amount": object})
    rows.loc[2, "amount"] = "lots"
    with pytest.raises(cf.DataError, match=r"sheet activities, row 4, column amount: 'lots'"):
        cf.Park.from_excel(_workbook(tmp_path / "bad.xlsx", rows))
    with pytest.raises(cf.DataError, match="unknown field 'clean_energy'"):
        cf.Park.from_excel(_workbook(tmp_path / "g.xlsx", pd.DataFrame(ROWS), {"clean_energy": 1}))


def test_onsite_renewable_generation_is_counted_once_and_carbon_free() -> None:
    # P generates 1,000 MWh of PV, uses 400 itself and sells 600 to B inside the park
    rows = [
        {"entity": "P", "activity": "electricity.onsite_renewable", "amount": 1_000, "unit": "MWh"},
        {"entity": "B", "activity": "electricity.onsite_renewable", "amount": 600, "unit": "MWh",
         "supplier": "P"},
        {"entity": "B", "activity": "electricity.grid", "amount": 2_000, "unit": "MWh"},
    ]  # fmt: skip
    account = _park(rows)
    assert account.co2_t == pytest.approx(2_000 * 0.6553, rel=1e-12)  # PV: 0 t, no combustion
    # energy: the 1,000 MWh generated (P's own 400 and B's 600) once, plus B's grid 2,000 MWh,
    # all at 0.1229 kgce/kWh (GB/T 2589-2020 当量值)
    assert account.energy_tce == pytest.approx((1_000 + 2_000) * 0.1229, rel=1e-12)
    assert account.enterprise_co2_t["B"] == pytest.approx(2_000 * 0.6553, rel=1e-12)


# --- regressions from the last review --------------------------------------------------------


def test_park_models_refuse_rows_without_entity() -> None:
    rows = pd.DataFrame([ROWS[1], {**ROWS[1], "entity": None}])
    with pytest.raises(cf.ValidationError, match="entity is missing"):
        cf.Park.from_frame(rows, name="p", region="CN-AH", year=2023)


def test_enterprise_inventory_leaves_out_exports_and_fills_blanks() -> None:
    a = cf.Enterprise(
        name="A",
        activities=pd.DataFrame(
            [
                {"activity": "fuel.natural_gas", "amount": 50, "unit": "10^4 Nm3"},
                {
                    "activity": "heat.purchased",
                    "amount": 10_000,
                    "unit": "GJ",
                    "direction": "export",
                },
                {"activity": "electricity.grid", "amount": 100, "unit": "MWh", "year": None},
            ]
        ),
    )
    # gas 50 × 21.621888 t; the export is not a purchase; grid 100 MWh × Anhui 2022 0.6782 t/MWh
    # (MEE/NBS 公告2024年第33号)
    total = a.inventory("CN-AH", 2022).total.magnitude
    assert total == pytest.approx(50 * 389.31 * 0.0153 * 0.99 * 44 / 12 + 100 * 0.6782, rel=1e-9)


def test_switch_fuel_uses_the_rows_own_ncv_and_drops_it_afterwards() -> None:
    rows = pd.DataFrame(
        [{"entity": "K", "activity": "fuel.diesel", "amount": 10, "unit": "t", "ncv": 40.0,
          "ncv_unit": "GJ / t"}]
    )  # fmt: skip
    lpg = cf.park.switch_fuel(
        rows, "K", "fuel.diesel", "fuel.lpg", old_efficiency=0.9, new_efficiency=0.9, new_unit="t"
    )
    # 10 t × 40 GJ/t = 400 GJ of diesel; LPG NCV (GB/T 32150-2015) 50.179 GJ/t → 7.9715 t
    assert lpg["amount"].iloc[0] == pytest.approx(400 / 50.179, rel=1e-12)
    assert lpg["ncv"].isna().all()
    with pytest.raises(cf.ValidationError, match="COP"):
        cf.park.switch_fuel(rows, "K", "fuel.diesel", "fuel.lpg", old_efficiency=0.9,
                            new_efficiency=1.5, new_unit="t")  # fmt: skip


def test_compare_keeps_the_core_indicator_on_one_row_across_bands() -> None:
    small = cf.assess_zero_carbon_park(pd.DataFrame(ROWS), region="CN-AH", year=2023)
    big_rows = [dict(r, amount=float(r["amount"]) * 100) for r in ROWS]  # type: ignore[arg-type]
    big = cf.assess_zero_carbon_park(pd.DataFrame(big_rows), region="CN-AH", year=2023)
    table = cf.park.compare(small, big)
    core = table.loc["core_carbon_per_energy"]
    assert core["change"] == pytest.approx(0.0, abs=1e-9)  # same intensity, different band
    assert (core["status before"], core["status after"]) == ("no national threshold", "fail")


def test_parks_with_process_rows_and_explicit_consumption_direction() -> None:
    rows = [*ROWS, {"entity": "C", "activity": "fugitive.direct", "amount": 2.5, "unit": "kg SF6"}]
    account = _park(rows)
    assert account.co2_t - _park(ROWS).co2_t == pytest.approx(0.0025 * 25_200, rel=1e-9)
    assert account.energy_tce == pytest.approx(_park(ROWS).energy_tce, rel=1e-12)
    explicit = [dict(r, direction="consumption") if r["entity"] == "B" else r for r in ROWS]
    assert len(cf.park.add_green_power(pd.DataFrame(explicit), "B", 100)) == len(ROWS) + 1


def test_process_emissions_given_as_co2e() -> None:
    rows = pd.DataFrame([{"activity": "process.direct", "amount": 5, "unit": "t CO2e (AR6GWP100)"}])
    assert cf.calculate(rows).total.magnitude == 5.0
    with pytest.raises(cf.ValidationError, match="mixture"):
        cf.calculate(
            pd.DataFrame([{"activity": "fugitive.direct", "amount": 1, "unit": "kg R-410A"}])
        )


def test_excel_park_sheet_problems(tmp_path: Path) -> None:
    def workbook(park_fields: list[tuple[str, object]]) -> Path:
        path = tmp_path / f"w{len(list(tmp_path.iterdir()))}.xlsx"
        with pd.ExcelWriter(path) as writer:
            pd.DataFrame(park_fields, columns=["field", "value"]).to_excel(
                writer, sheet_name="park", index=False
            )
            pd.DataFrame(ROWS).to_excel(writer, sheet_name="activities", index=False)
        return path

    good = [("name", "FICTIONAL park"), ("region", "CN-AH"), ("year", 2023)]
    with pytest.raises(cf.DataError, match="not a year"):
        cf.Park.from_excel(workbook([*good[:2], ("year", 2023.7)]))
    with pytest.raises(cf.DataError, match="no value for 'region'"):
        cf.Park.from_excel(workbook([good[0], ("region", None), good[2]]))
    with pytest.raises(cf.DataError, match="row 5: field 'year' given twice"):
        cf.Park.from_excel(workbook([*good, ("year", 2022)]))
    with pytest.raises(cf.DataError, match="year"):
        cf.Park.from_excel(workbook([*good[:2], ("year", 1800)]))
