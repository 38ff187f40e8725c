"""Property tests of calculate(): linearity, unit invariance, additivity, order, metrics."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import carbonfoot as cf

TABLE = cf.load_factors()
#: (activity, [equivalent units with their size in the first unit], extra columns)
CASES: list[tuple[str, list[tuple[str, float]], dict[str, object]]] = [
    ("fuel.natural_gas", [("10^4 Nm3", 1.0), ("Nm3", 1e-4), ("万Nm3", 1.0)], {}),
    ("fuel.diesel", [("t", 1.0), ("kg", 1e-3), ("kt", 1e3)], {}),
    ("electricity.grid", [("MWh", 1.0), ("kWh", 1e-3), ("GJ", 1 / 3.6)],
     {"region": "CN-AH", "year": 2023}),
    ("heat.purchased", [("GJ", 1.0), ("MJ", 1e-3), ("kWh", 3.6e-3)], {}),
    ("fuel.bituminous_coal", [("t", 1.0), ("kg", 1e-3)], {"sector": "manufacturing"}),
]  # fmt: skip
amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)


def _frame(case: int, values: list[float], unit_choice: int = 0) -> pd.DataFrame:
    activity, units, extra = CASES[case]
    unit = units[unit_choice % len(units)][0]
    return pd.DataFrame(
        [{"activity": activity, "amount": v, "unit": unit, **extra} for v in values]
    )


def _co2e(frame: pd.DataFrame, metric: str = "AR6GWP100") -> np.ndarray:
    return cf.calculate(frame, TABLE, metric).frame[f"CO2e ({metric}) [t]"].to_numpy()


@given(st.integers(0, len(CASES) - 1), st.lists(amounts, min_size=1, max_size=5), st.floats(0, 1e6))
def test_linearity(case: int, values: list[float], k: float) -> None:
    base = _co2e(_frame(case, values))
    scaled = _co2e(_frame(case, [k * v for v in values]))
    np.testing.assert_allclose(scaled, k * base, rtol=1e-12, atol=1e-300)


@given(st.integers(0, len(CASES) - 1), amounts, st.integers(0, 2))
def test_unit_invariance(case: int, value: float, unit_choice: int) -> None:
    _, units, _ = CASES[case]
    _, size = units[unit_choice % len(units)]
    in_first_unit = _co2e(_frame(case, [value]))[0]
    in_other_unit = _co2e(_frame(case, [value / size], unit_choice))[0]
    assert in_other_unit == pytest.approx(in_first_unit, rel=1e-9, abs=1e-300)


@given(st.integers(0, len(CASES) - 1), amounts, st.floats(0, 1))
def test_splitting_a_row_never_changes_the_total(case: int, value: float, share: float) -> None:
    whole = cf.calculate(_frame(case, [value]), TABLE).total.magnitude
    split = cf.calculate(_frame(case, [value * share, value * (1 - share)]), TABLE).total.magnitude
    assert split == pytest.approx(whole, rel=1e-9, abs=1e-9)


@given(
    st.permutations(list(range(len(CASES)))),
    st.lists(amounts, min_size=len(CASES), max_size=len(CASES)),
)
def test_order_independence(order: list[int], values: list[float]) -> None:
    rows = pd.concat([_frame(i, [values[i]]) for i in range(len(CASES))], ignore_index=True)
    shuffled = rows.iloc[order]
    a = cf.calculate(rows, TABLE).frame
    b = cf.calculate(shuffled, TABLE).frame.loc[a.index]
    pd.testing.assert_frame_equal(a, b, check_categorical=False)


@given(st.integers(0, len(CASES) - 1), amounts, st.sampled_from(cf.GWP_METRICS))
def test_co2e_matches_to_co2e_of_each_gas(case: int, value: float, metric: str) -> None:
    result = cf.calculate(_frame(case, [value]), TABLE, metric)
    expected = cf.Q_(0.0, f"t CO2e ({metric})")
    for column in result.gas_columns:
        gas = column.removesuffix(" [t]")
        expected = expected + cf.to_co2e(cf.Q_(result.frame[column].iloc[0], f"t {gas}"), metric)
    assert result.total.magnitude == pytest.approx(expected.magnitude, rel=1e-12, abs=1e-300)
