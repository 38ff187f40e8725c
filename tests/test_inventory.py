"""carbonfoot.inventory: activity data → emissions, per row, with an audit trail."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

import carbonfoot as cf


def _rows(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def test_natural_gas_gbt32150() -> None:
    # GB/T 32150-2015 Annex A: 389.31 GJ/10^4 Nm3 × 15.3 tC/TJ × 99 % × 44/12 = 21.6219 t CO2
    result = cf.calculate(_rows({"activity": "fuel.natural_gas", "amount": 1, "unit": "10^4 Nm3"}))
    assert round(result.frame["CO2 [t]"].iloc[0], 2) == 21.62
    assert result.frame["method"].iloc[0].startswith("fuel combustion (GB/T 32150)")
    assert "gbt32150-2015-natural_gas-ncv" in result.frame["factor_id"].iloc[0]


def test_anhui_grid_electricity_location_based() -> None:
    # MEE/NBS 公告2025年第47号: Anhui 2023 0.6553 kgCO2/kWh; 1 MWh → 0.6553 t CO2
    rows = _rows({"activity": "electricity.grid", "amount": 1, "unit": "MWh", "region": "CN-AH",
                  "year": 2023})  # fmt: skip
    result = cf.calculate(rows)
    assert result.frame["CO2 [t]"].iloc[0] == pytest.approx(0.6553, rel=1e-12)
    assert str(result.total) == f"{result.frame['CO2 [t]'].iloc[0]} t CO2e (AR6GWP100)"
    assert result.frame["factor_id"].iloc[0] == "cn-grid-2023-CN-AH-avg"
    assert result.frame["scope"].iloc[0] == 2


GOOD = [
    {"activity": "fuel.natural_gas", "amount": 2.0, "unit": "10^4 Nm3"},
    {
        "activity": "electricity.grid",
        "amount": 500.0,
        "unit": "MWh",
        "region": "CN-AH",
        "year": 2023,
    },
]
BAD = [
    ({"activity": "fuel.unobtainium", "amount": 1.0, "unit": "t"}, "unknown activity"),
    ({"activity": "electricity.grid", "amount": 1.0, "unit": "t"}, "dimensions differ"),
    ({"activity": "fuel.diesel", "amount": -3.0, "unit": "t"}, "negative"),
    ({"activity": "fuel.diesel", "amount": float("nan"), "unit": "t"}, "NaN"),
    ({"activity": "fuel.diesel", "amount": 1.0, "unit": "L"}, "density"),
    ({"activity": "fuel.diesel", "amount": 1.0, "unit": "bogolitre"}, "Unknown unit"),
    ({"activity": "fuel.diesel", "amount": 1.0, "unit": "GJ"}, "calorific_basis"),
]


@pytest.mark.parametrize(("bad", "reason"), BAD, ids=[b[1] for b in BAD])
def test_bad_row_is_named_and_nothing_else_changes(bad: dict[str, Any], reason: str) -> None:
    clean = cf.calculate(pd.DataFrame(GOOD, index=["a", "b"]))
    mixed_input = pd.DataFrame([GOOD[0], bad, GOOD[1]], index=["a", "x", "b"])
    with pytest.raises(cf.ValidationError, match=rf"row 'x' .*{reason}"):
        cf.calculate(mixed_input)
    mixed = cf.calculate(mixed_input, errors="collect")
    bad_row = mixed.frame.loc["x"].to_dict()
    assert reason.lower() in str(bad_row["error"]).lower()
    assert np.isnan(float(bad_row["CO2e (AR6GWP100) [t]"]))
    columns = [*clean.gas_columns, clean.co2e_column, "factor_id", "method"]
    pd.testing.assert_frame_equal(
        mixed.frame.loc[["a", "b"], columns], clean.frame[columns], check_categorical=False
    )
    assert mixed.total == clean.total
    assert list(mixed.errors.index) == ["x"]


def test_missing_columns_and_options() -> None:
    with pytest.raises(cf.ValidationError, match="missing unit"):
        cf.calculate(pd.DataFrame({"activity": ["fuel.diesel"], "amount": [1]}))
    with pytest.raises(cf.UnitError, match="valid metrics"):
        cf.calculate(pd.DataFrame(GOOD), metric="AR9")
    with pytest.raises(cf.ValidationError, match="scope2_method"):
        cf.calculate(pd.DataFrame(GOOD), scope2_method="hybrid")  # type: ignore[arg-type]


def test_own_parameters_override_the_table() -> None:
    # own NCV 380 GJ/10^4 Nm3 with the standard's 15.3 tC/TJ and 99 %:
    # 380 × 0.0153 × 0.99 × 44/12 = 21.1051 t CO2 per 10^4 Nm3
    rows = _rows({"activity": "fuel.natural_gas", "amount": 1, "unit": "10^4 Nm3", "ncv": 380.0,
                  "ncv_unit": "GJ / 10^4 Nm3"})  # fmt: skip
    result = cf.calculate(rows)
    assert result.frame["CO2 [t]"].iloc[0] == pytest.approx(380 * 0.0153 * 0.99 * 44 / 12)
    assert "ncv" not in result.frame["factor_id"].iloc[0]


def test_own_factor_with_source() -> None:
    rows = _rows({"activity": "heat.purchased", "amount": 200, "unit": "GJ", "factor": 0.095,
                  "factor_unit": "t CO2 / GJ", "factor_source": "supplier letter"})  # fmt: skip
    result = cf.calculate(rows)
    assert result.frame["CO2 [t]"].iloc[0] == pytest.approx(200 * 0.095)
    assert result.frame["method"].iloc[0] == "own factor"


def test_energy_amounts_of_fuel_need_net_basis() -> None:
    # 5 GJ (net) of natural gas: 5 × 15.3 tC/TJ × 99 % × 44/12 = 0.277695 t CO2
    rows = _rows(
        {"activity": "fuel.natural_gas", "amount": 5, "unit": "GJ", "calorific_basis": "net"}
    )
    assert cf.calculate(rows).frame["CO2 [t]"].iloc[0] == pytest.approx(5 * 0.0153 * 0.99 * 44 / 12)
    gross = rows.assign(calorific_basis="gross")
    with pytest.raises(cf.ValidationError, match="never converts between gross and net"):
        cf.calculate(gross)


def test_ipcc_sector_adds_methane_and_nitrous_oxide() -> None:
    # IPCC 2006 Vol.2 Table 2.3 (manufacturing), natural gas: CH4 1 kg/TJ, N2O 0.1 kg/TJ;
    # energy from the GB/T 32150 NCV: 1 × 10^4 Nm3 × 389.31 GJ/10^4 Nm3 = 0.38931 TJ
    rows = _rows({"activity": "fuel.natural_gas", "amount": 1, "unit": "10^4 Nm3",
                  "sector": "manufacturing"})  # fmt: skip
    frame = cf.calculate(rows, metric="AR5GWP100").frame
    assert frame["CH4 [t]"].iloc[0] == pytest.approx(0.38931 * 1e-3)
    assert frame["N2O [t]"].iloc[0] == pytest.approx(0.38931 * 0.1e-3)
    # AR5 GWP100: CH4 28, N2O 265
    expected = frame["CO2 [t]"].iloc[0] + 28 * 0.38931e-3 + 265 * 0.038931e-3
    assert frame["CO2e (AR5GWP100) [t]"].iloc[0] == pytest.approx(expected)


def test_market_based_scope_2() -> None:
    anhui = {"activity": "electricity.grid", "unit": "MWh", "region": "CN-AH", "year": 2023}
    rows = _rows(
        {**anhui, "amount": 100},
        {**anhui, "amount": 40, "instrument": "green_certificate"},
        {**anhui, "amount": 10, "instrument": "supplier_specific", "factor": 0.3,
         "factor_unit": "t CO2 / MWh"},
    )  # fmt: skip
    market = cf.calculate(rows, scope2_method="market").frame["CO2 [t]"].to_numpy()
    # residual mix: national grid average excluding market-traded non-fossil power, 2023:
    # 0.6096 kgCO2/kWh (MEE/NBS 公告2025年第47号) → 100 MWh × 0.6096 = 60.96 t
    assert market == pytest.approx([60.96, 0.0, 3.0])
    location = cf.calculate(rows.drop(columns=["instrument", "factor", "factor_unit"]))
    assert location.frame["CO2 [t]"].to_numpy() == pytest.approx([65.53, 26.212, 6.553])


def test_location_based_ignores_instruments_and_says_so() -> None:
    # GHG Protocol Scope 2 Guidance: location-based uses the grid average whatever the contract
    anhui = {"activity": "electricity.grid", "unit": "MWh", "region": "CN-AH", "year": 2023}
    rows = _rows(
        {**anhui, "amount": 10, "instrument": "green_power"},
        {**anhui, "amount": 10, "instrument": "supplier_specific", "factor": 0.3,
         "factor_unit": "t CO2 / MWh", "factor_source": "letter"},
    )  # fmt: skip
    frame = cf.calculate(rows).frame
    assert frame["CO2 [t]"].to_numpy() == pytest.approx([6.553, 6.553])  # 10 MWh × 0.6553
    assert all("ignored" in method for method in frame["method"])
    assert frame["factor_source"].iloc[1] == "letter"


def test_instruments_only_on_grid_electricity_and_market_only_for_it() -> None:
    heat = _rows(
        {"activity": "heat.purchased", "amount": 1, "unit": "GJ", "instrument": "green_power"}
    )
    with pytest.raises(cf.ValidationError, match="grid electricity"):
        cf.calculate(heat, scope2_method="market")
    fossil = _rows(
        {"activity": "electricity.grid.fossil", "amount": 1, "unit": "MWh", "year": 2023}
    )
    # national fossil-power factor 2023 (MEE/NBS 公告2025年第47号): 0.8273 kgCO2/kWh
    market = cf.calculate(fossil, scope2_method="market")
    assert market.frame["CO2 [t]"].iloc[0] == pytest.approx(0.8273)


def test_gross_ncv_override_and_negative_factor_are_refused() -> None:
    gas = {"activity": "fuel.natural_gas", "amount": 1, "unit": "10^4 Nm3", "ncv": 380.0,
           "ncv_unit": "GJ / 10^4 Nm3", "calorific_basis": "gross"}  # fmt: skip
    with pytest.raises(cf.ValidationError, match="never converts between gross and net"):
        cf.calculate(_rows(gas))
    heat = {"activity": "heat.purchased", "amount": 1, "unit": "GJ", "factor": -0.1,
            "factor_unit": "t CO2 / GJ"}  # fmt: skip
    with pytest.raises(cf.ValidationError, match="factor is negative"):
        cf.calculate(_rows(heat))
    assert cf.calculate(_rows(heat), allow_negative=True).frame["CO2 [t]"].iloc[0] == -0.1


def test_metered_gas_volume_needs_normal_conditions() -> None:
    rows = _rows({"activity": "fuel.natural_gas", "amount": 100, "unit": "m3"})
    with pytest.raises(cf.ValidationError, match=r"temperature and\s+pressure"):
        cf.calculate(rows)


def test_results_combine_only_with_the_same_metric() -> None:
    a = cf.calculate(pd.DataFrame(GOOD))
    b = cf.calculate(pd.DataFrame(GOOD), metric="AR5GWP100")
    assert (a + a).total == a.total * 2
    with pytest.raises(cf.MixedMetricError):
        a + b


def test_by_and_activity_models() -> None:
    models = [cf.Activity(**row) for row in GOOD]
    result = cf.calculate(models)
    by_scope = result.by("scope")
    assert list(by_scope.index) == [1, 2]
    assert by_scope[result.co2e_column].sum() == pytest.approx(result.total.magnitude)
    with pytest.raises(cf.ValidationError, match="unknown: nope"):
        result.by("nope")


# --- regressions from the engine review: paths that once gave a silently wrong number -------

ANHUI = {
    "activity": "electricity.grid",
    "amount": 10,
    "unit": "MWh",
    "region": "CN-AH",
    "year": 2023,
}


@pytest.mark.parametrize(
    ("row", "method", "location_t", "market_t"),
    [
        # 10 MWh × 0.6553 t/MWh (Anhui 2023) = 6.553 t location-based, whatever the contract
        ({"instrument": "green_power"}, "location", 6.553, 0.0),
        ({"instrument": "supplier_specific", "factor": 0.3, "factor_unit": "t CO2 / MWh"},
         "location", 6.553, 3.0),
    ],
)  # fmt: skip
def test_instrument_rules_come_before_own_factors(
    row: dict[str, Any], method: str, location_t: float, market_t: float
) -> None:
    rows = _rows({**ANHUI, **row})
    assert cf.calculate(rows).frame["CO2 [t]"].iloc[0] == pytest.approx(location_t)
    market = cf.calculate(rows, scope2_method="market").frame["CO2 [t]"].iloc[0]
    assert market == pytest.approx(market_t)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"instrument": "green_power", "factor": 0.0, "factor_unit": "t CO2 / MWh"}, "cannot also"),
        ({"instrument": "bogus", "factor": 0.3, "factor_unit": "t CO2 / MWh"}, "unknown"),
        ({"factor": 0.0, "factor_unit": ""}, "factor needs factor_unit"),
        ({"ncv": 300.0, "ncv_unit": " "}, "ncv needs ncv_unit"),
    ],
)  # fmt: skip
def test_contradictory_or_incomplete_rows_are_errors(row: dict[str, Any], message: str) -> None:
    rows = _rows({**ANHUI, **row})
    with pytest.raises(cf.ValidationError, match=message):
        cf.calculate(rows, scope2_method="market")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"oxidation_rate": 98, "oxidation_rate_unit": "1"}, "more than 100 %"),
        ({"oxidation_rate": 150, "oxidation_rate_unit": "%"}, "more than 100 %"),
        ({"ncv": 0.0, "ncv_unit": "GJ / t"}, "ncv must be positive"),
        ({"carbon_content": -1.0, "carbon_content_unit": "t C / TJ"}, "must be positive"),
    ],
)
def test_override_values_are_range_checked(overrides: dict[str, Any], message: str) -> None:
    rows = _rows({"activity": "fuel.diesel", "amount": 1, "unit": "t", **overrides})
    with pytest.raises(cf.ValidationError, match=message):
        cf.calculate(rows)


def test_method_says_which_gases_a_sector_added() -> None:
    # IPCC 2006 has refinery gas CH4/N2O only for energy industries (Table 2.2)
    rows = _rows(
        {"activity": "fuel.refinery_gas", "amount": 1, "unit": "t", "sector": "manufacturing"}
    )
    frame = cf.calculate(rows).frame
    assert "no CH4/N2O factors for sector manufacturing" in frame["method"].iloc[0]
    assert "CH4 [t]" not in frame.columns


def test_scope_column_accepts_words_and_refuses_nonsense() -> None:
    rows = _rows(
        {**ANHUI, "scope": "Scope 3"}, {**ANHUI, "scope": "范围一"}, {**ANHUI, "scope": 2.0},
        {**ANHUI, "scope": None},
    )  # fmt: skip
    assert list(cf.calculate(rows).frame["scope"]) == [3, 1, 2, 2]
    with pytest.raises(cf.ValidationError, match="scope must be 1, 2 or 3"):
        cf.calculate(_rows({**ANHUI, "scope": 2.7}))


def test_output_keys_are_normalized_so_groups_do_not_split() -> None:
    rows = _rows({**ANHUI, "year": "2023"}, {**ANHUI, "year": 2023}, {**ANHUI, "region": ""})
    frame = cf.calculate(rows).frame
    assert list(frame["year"]) == [2023, 2023, 2023]
    assert list(frame["region"]) == ["CN-AH", "CN-AH", "CN"]
    assert len(cf.calculate(rows).by("year")) == 1


def test_gwp_problems_are_row_errors_in_collect_mode() -> None:
    # AR4 publishes no fossil-methane GWP: that row fails, the grid row still computes
    rows = _rows(
        ANHUI,
        {"activity": "heat.purchased", "amount": 1, "unit": "GJ", "factor": 0.01,
         "factor_unit": "t CH4-fossil / GJ", "factor_gas": "CH4-fossil"},
    )  # fmt: skip
    result = cf.calculate(rows, metric="AR4GWP100", errors="collect")
    assert "No AR4GWP100 value for CH4_fossil" in result.frame["error"].iloc[1]
    assert result.frame["CO2 [t]"].iloc[0] == pytest.approx(6.553)
    assert result.total.magnitude == pytest.approx(6.553)


def test_co2e_factors_count_under_their_own_metric_only() -> None:
    row = {"activity": "heat.purchased", "amount": 100, "unit": "GJ", "factor": 0.08,
           "factor_unit": "t CO2e (AR6GWP100) / GJ", "factor_source": "supplier EPD"}  # fmt: skip
    result = cf.calculate(_rows(row))
    assert result.frame["CO2e (AR6GWP100) reported [t]"].iloc[0] == pytest.approx(8.0)
    assert result.total.magnitude == pytest.approx(8.0)  # 100 GJ × 0.08 t CO2e/GJ
    with pytest.raises(cf.ValidationError, match="cannot be converted between metrics"):
        cf.calculate(_rows(row), metric="AR5GWP100")


def test_bundled_co2e_table_factors_work_too() -> None:
    table = cf.read_factors(
        pd.DataFrame([{"factor_id": "epd", "activity": "heat.purchased", "name_zh": "示例",
                       "name_en": "example (fictional)", "parameter": "emission_factor",
                       "gas": "CO2e", "gwp_metric": "AR6GWP100", "value": 0.09,
                       "unit": "t CO2e (AR6GWP100) / GJ", "region": "CN", "source_id": "s",
                       "source_locator": "p.1", "verification": "unverified: fictional"}])
    )  # fmt: skip
    result = cf.calculate(_rows({"activity": "heat.purchased", "amount": 10, "unit": "GJ"}), table)
    assert result.total.magnitude == pytest.approx(0.9)  # 10 GJ × 0.09


def test_ipcc_combustion_branch() -> None:
    # 2006 IPCC Vol.2 Table 1.2/1.4, gas/diesel oil: 43.0 TJ/Gg × 74,100 kg CO2/TJ = 3.1863 t/t
    rows = _rows(
        {"activity": "fuel.diesel", "amount": 1, "unit": "t", "dataset": "ipcc-2006-stationary"}
    )
    frame = cf.calculate(rows).frame
    assert frame["CO2 [t]"].iloc[0] == pytest.approx(43.0 * 74_100 / 1e6)
    assert frame["method"].iloc[0].startswith("fuel combustion (IPCC 2006)")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (pd.DataFrame({"activity": [["fuel.diesel"]], "amount": [1], "unit": ["t"]}), "not text"),
        (_rows({**ANHUI, "year": True}), "whole number"),
    ],
)
def test_odd_cells_are_carbonfoot_errors(rows: pd.DataFrame, message: str) -> None:
    with pytest.raises(cf.ValidationError, match=message):
        cf.calculate(rows)


def test_empty_input_gives_an_empty_result() -> None:
    result = cf.calculate([])
    assert len(result) == 0
    assert result.total.magnitude == 0


def test_process_and_fugitive_emissions_given_as_gas_masses() -> None:
    rows = _rows(
        {"activity": "fugitive.direct", "amount": 120, "unit": "kg HFC-134a"},
        {"activity": "process.direct", "amount": 35, "unit": "t C"},
        {"activity": "fugitive.direct", "amount": 2.5, "unit": "kg SF6"},
    )
    frame = cf.calculate(rows).frame
    # AR6 GWP100: HFC-134a 1530, SF6 25200; carbon → CO2 by 44/12
    expected = [0.120 * 1530, 35 * 44 / 12, 0.0025 * 25_200]
    assert frame["CO2e (AR6GWP100) [t]"].to_numpy() == pytest.approx(expected, rel=1e-12)
    assert list(frame["scope"]) == [1, 1, 1]
    with pytest.raises(cf.ValidationError, match="mass of one greenhouse gas"):
        cf.calculate(_rows({"activity": "process.direct", "amount": 1, "unit": "t"}))


def test_keys_that_share_a_plan_give_what_each_gives_alone() -> None:
    # keys whose units differ only in size (t, kg, 10^4 t ...) are planned once in the unit's
    # root form; each must still equal, to the bit, the same row calculated on its own
    rows = _rows(
        *({"activity": "fuel.diesel", "amount": 3.7, "unit": u} for u in ("t", "kg", "kt", "万t")),
        *(
            {"activity": "electricity.grid", "amount": 1, "unit": u, "region": "CN-AH",
             "year": 2023}
            for u in ("MWh", "kWh", "万kWh", "GJ")
        ),
        *(
            {"activity": "fuel.natural_gas", "amount": 2.5, "unit": u, "sector": "manufacturing"}
            for u in ("10^4 Nm3", "Nm3", "亿Nm3")
        ),
    )  # fmt: skip
    together = cf.calculate(rows).frame
    for position in range(len(rows)):
        alone = cf.calculate(rows.iloc[[position]]).frame
        for column in ("CO2 [t]", "CH4 [t]", "N2O [t]", "CO2e (AR6GWP100) [t]"):
            got = together[column].iloc[position]
            want = alone[column].iloc[0] if column in alone.columns else 0.0  # no such term
            assert got == want or (np.isnan(got) and np.isnan(want)), (position, column)
        for column in ("method", "factor_id", "fallback"):
            assert together[column].iloc[position] == alone[column].iloc[0]
    # 1 MWh and 1000 kWh of the Anhui 2023 grid: 0.6553 t exactly as printed
    assert together["CO2 [t]"].iloc[4] == 0.6553


def test_errors_name_the_unit_the_row_gave() -> None:
    # the shared plan is made in a root unit ('g m^2 / s^2' for energy); a key that fails is
    # planned again in its own unit so that the message names what the user wrote
    rows = _rows(
        {"activity": "fuel.diesel", "amount": 1, "unit": "万kWh"},
        {"activity": "fuel.diesel", "amount": 1, "unit": "万L"},
        {"activity": "electricity.grid", "amount": 1, "unit": "万t"},
    )
    errors = cf.calculate(rows, errors="collect").frame["error"].tolist()
    assert "万kWh" in errors[0]
    assert "calorific_basis" in errors[0]
    assert "万L" in errors[1]
    assert "density" in errors[1]
    assert "10000 t kg CO2 / kWh" in errors[2]
    assert "g m^2" not in " ".join(errors)


def test_nullable_year_columns_with_gaps() -> None:
    # a pandas Int64 year column with a gap: the gap takes the latest year (recorded), the
    # others their own; the result's year column keeps the gap
    rows = _rows(
        {"activity": "electricity.grid", "amount": 1, "unit": "MWh", "region": "CN-AH"},
        {"activity": "electricity.grid", "amount": 1, "unit": "MWh", "region": "CN-AH"},
    )
    rows["year"] = pd.array([2023, None], dtype="Int64")
    frame = cf.calculate(rows).frame
    assert frame["year"].isna().tolist() == [False, True]
    assert frame["year"].iloc[0] == 2023
    assert frame["CO2 [t]"].iloc[0] == 0.6553
    assert "latest" in frame["fallback"].iloc[1]


def test_reversed_and_strided_inputs_give_the_same_result() -> None:
    # a reversed view has a negative stride: its text is coded from a contiguous copy
    rows = _rows(
        *(
            {"activity": "electricity.grid", "amount": float(i), "unit": ("MWh", "kWh")[i % 2],
             "region": "CN-AH", "year": 2023}
            for i in range(1, 51)
        )
    )  # fmt: skip
    forward = cf.calculate(rows).frame
    backward = cf.calculate(rows.iloc[::-1]).frame
    assert backward["CO2 [t]"].tolist() == forward["CO2 [t]"].iloc[::-1].tolist()
    assert (
        cf.calculate(rows.iloc[::3]).frame["CO2 [t]"].tolist()
        == forward["CO2 [t]"].iloc[::3].tolist()
    )


def test_the_result_does_not_share_memory_with_the_input() -> None:
    rows = _rows(
        *({"activity": "electricity.grid", "amount": a, "unit": "MWh", "region": "CN-AH",
           "year": 2023} for a in (1.0, 2.0, 3.0))
    )  # fmt: skip
    result = cf.calculate(rows)
    rows.loc[0, "year"] = 1990
    rows.loc[0, "region"] = "CN-BJ"
    rows.loc[0, "amount"] = 99.0
    assert result.frame.loc[0, "year"] == 2023
    assert result.frame.loc[0, "region"] == "CN-AH"
    assert result.frame.loc[0, "amount"] == 1.0
    result.frame.loc[0, "amount"] = 5.0  # the result is the caller's to edit
    assert rows.loc[0, "amount"] == 99.0


def test_a_unit_error_comes_before_a_later_lookup_error() -> None:
    # the diesel row is in m3 but its own NCV is per kg (a density is missing), and its sector
    # is not one of the known ones: the unit problem is reported, as each term is checked in
    # the order the method builds it
    row = {"activity": "fuel.diesel", "amount": 1.0, "unit": "m3", "ncv": 43.0,
           "ncv_unit": "MJ / kg", "carbon_content": 0.0202, "carbon_content_unit": "t C / GJ",
           "oxidation_rate": 98.0, "oxidation_rate_unit": "%", "sector": "bogus"}  # fmt: skip
    error = cf.calculate(_rows(row), errors="collect").frame["error"].iloc[0]
    assert "density" in error


def test_odd_keys_do_not_crash_collect_mode() -> None:
    rows = _rows(
        {"activity": "fuel.unobtainium", "amount": 1.0, "unit": "t", "year": "abc"},
        {"activity": "fuel.diesel", "amount": 1.0, "unit": " "},
    )
    errors = cf.calculate(rows, errors="collect").frame["error"].tolist()
    assert "unknown activity" in errors[0]
    assert errors[1] == "unit is missing"


def test_override_multipliers_do_not_depend_on_other_rows() -> None:
    # the same row alone and after a row that uses only one of its overrides: bit-identical
    # (the overrides multiply in one fixed order; before, the order followed the keys', and
    # this row gave 8050.088199999998 alone but 8050.088199999999 after the other row)
    row = {"activity": "fuel.coke_oven_gas", "amount": 1.0, "unit": "万t", "ncv": 17.0,
           "ncv_unit": "GJ / t", "oxidation_rate": 95.1, "oxidation_rate_unit": "%"}  # fmt: skip
    other = {"activity": "fuel.natural_gas", "amount": 1.0, "unit": "万Nm3",
             "oxidation_rate": 98.0, "oxidation_rate_unit": "%"}  # fmt: skip
    alone = cf.calculate(_rows(row)).frame["CO2 [t]"].iloc[0]
    after = cf.calculate(_rows(other, row)).frame["CO2 [t]"].iloc[1]
    assert alone == after


def test_canonical_gas_keeps_its_specific_messages() -> None:
    with pytest.raises(cf.FactorNotFoundError, match="R-410A is a mixture"):
        cf.units.canonical_gas("R-410A")
