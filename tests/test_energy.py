"""carbonfoot.energy: comprehensive energy consumption in tce (GB/T 2589-2020)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import carbonfoot as cf


def _tce(*rows: dict[str, Any], **options: Any) -> list[float]:
    result = cf.energy_consumption(pd.DataFrame(list(rows)), **options)
    return [float(v) for v in result.frame["energy [tce]"]]


def test_published_coefficients_are_used_as_printed() -> None:
    # GB/T 2589-2020 Annex A: electricity 0.1229 kgce/kWh (当量值), diesel 1.4571 kgce/kg,
    # raw coal 0.7143 kgce/kg, heat 0.03412 kgce/MJ
    got = _tce(
        {"activity": "electricity.grid", "amount": 1000, "unit": "MWh"},  # 10^6 kWh × 0.1229
        {"activity": "fuel.diesel", "amount": 10, "unit": "t"},  # 10^4 kg × 1.4571
        {"activity": "fuel.raw_coal", "amount": 100, "unit": "t"},  # 10^5 kg × 0.7143
        {"activity": "heat.purchased", "amount": 500, "unit": "GJ"},  # 5 × 10^5 MJ × 0.03412
    )
    assert got == pytest.approx([122.9, 14.571, 71.43, 17.06], rel=1e-12)


def test_fuels_without_a_coefficient_use_their_net_calorific_value() -> None:
    # GB/T 32150-2015: natural gas 389.31 GJ/10^4 Nm3; 389.31 GJ ÷ 29.3076 GJ/tce = 13.28358 tce
    (got,) = _tce({"activity": "fuel.natural_gas", "amount": 1, "unit": "10^4 Nm3"})
    assert got == pytest.approx(389.31 / 29.3076, rel=1e-12)


def test_primary_convention_needs_the_power_supply_rate() -> None:
    row = {"activity": "electricity.grid", "amount": 1000, "unit": "MWh"}
    with pytest.raises(cf.ValidationError, match="power_supply_coal_rate"):
        _tce(row, electricity="primary")
    # 10^6 kWh × 300 gce/kWh = 3 × 10^8 gce = 300 tce
    assert _tce(row, electricity="primary", power_supply_coal_rate="300 gce/kWh") == [
        pytest.approx(300.0)
    ]
    result = cf.energy_consumption(
        pd.DataFrame([row]), electricity="primary", power_supply_coal_rate="300 gce/kWh"
    )
    assert "等价值" in repr(result)
    assert "300 gce / kWh" in result.convention


def test_energy_amounts_of_fuel_need_the_net_basis() -> None:
    row = {"activity": "fuel.natural_gas", "amount": 29.3076, "unit": "GJ"}
    with pytest.raises(cf.ValidationError, match="calorific_basis"):
        _tce(row)
    assert _tce({**row, "calorific_basis": "net"}) == [pytest.approx(1.0)]  # 29.3076 GJ = 1 tce


def test_own_coefficient_and_own_ncv() -> None:
    got = _tce(
        {"activity": "fuel.raw_coal", "amount": 100, "unit": "t", "coal_coefficient": 0.6,
         "coal_coefficient_unit": "kgce / kg"},  # 10^5 kg × 0.6 = 60 tce
        {"activity": "fuel.natural_gas", "amount": 1, "unit": "10^4 Nm3", "ncv": 35.0,
         "ncv_unit": "MJ / Nm3"},  # 10^4 Nm3 × 35 MJ = 350 GJ ÷ 29.3076 = 11.94230
    )  # fmt: skip
    assert got == pytest.approx([60.0, 350 / 29.3076], rel=1e-12)


def test_bad_rows_are_named_and_collected() -> None:
    rows = pd.DataFrame(
        [
            {"activity": "electricity.grid", "amount": 1000, "unit": "MWh"},
            {"activity": "fuel.natural_gas", "amount": 1, "unit": "t"},
            {"activity": "fuel.coke", "amount": -1, "unit": "t"},
        ],
        index=["ok", "mass", "neg"],
    )
    with pytest.raises(cf.ValidationError, match="row 'mass'"):
        cf.energy_consumption(rows)
    collected = cf.energy_consumption(rows, errors="collect")
    assert collected.total.magnitude == pytest.approx(122.9)
    assert list(collected.errors.index) == ["mass", "neg"]


def test_the_two_conventions_differ_only_in_electricity() -> None:
    rows = pd.DataFrame(
        [
            {"activity": "electricity.grid", "amount": 200, "unit": "MWh"},
            {"activity": "fuel.diesel", "amount": 3, "unit": "t"},
        ]
    )
    calorific = cf.energy_consumption(rows).frame["energy [tce]"]
    primary = cf.energy_consumption(
        rows, electricity="primary", power_supply_coal_rate="0.3 kgce/kWh"
    ).frame["energy [tce]"]
    assert primary.iloc[1] == calorific.iloc[1]
    assert primary.iloc[0] / calorific.iloc[0] == pytest.approx(0.3 / 0.1229)


def test_unit_without_value_is_an_error_not_a_lost_row() -> None:
    rows = pd.DataFrame(
        [{"activity": "fuel.diesel", "amount": 1, "unit": "t", "ncv": None, "ncv_unit": "GJ / t"}]
    )
    with pytest.raises(cf.ValidationError, match="ncv_unit given without ncv"):
        cf.energy_consumption(rows)
