"""Property tests: round trips, linearity and additivity of the unit system."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import carbonfoot as cf
from carbonfoot.units import GWP_METRICS, Q_

MASSES = ["g", "kg", "t", "kt", "Mt", "Gg"]
#: (gas, metric) pairs the bundled GWP table has a value for
GAS_METRICS = sorted(
    {(g.gas, g.metric) for g in cf.units.gwp_table()} | {("CO2", m) for m in GWP_METRICS}
)
ENERGY = ["J", "kJ", "MJ", "GJ", "TJ", "kWh", "MWh", "GWh", "kgce", "tce", "Mtce", "toe", "MMBtu"]
magnitudes = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@given(
    magnitude=magnitudes,
    mass=st.sampled_from(MASSES),
    gas_metric=st.sampled_from(GAS_METRICS),
)
def test_gas_to_co2e_to_gas_round_trip(
    magnitude: float, mass: str, gas_metric: tuple[str, str]
) -> None:
    gas, metric = gas_metric
    q = Q_(magnitude, f"{mass} {gas}")
    back = cf.from_co2e(cf.to_co2e(q, metric), gas)
    assert back.units == q.units
    assert back.magnitude == pytest.approx(magnitude, rel=1e-12, abs=1e-300)


@given(magnitude=magnitudes, source=st.sampled_from(ENERGY), target=st.sampled_from(ENERGY))
def test_energy_unit_round_trip(magnitude: float, source: str, target: str) -> None:
    q = Q_(magnitude, source)
    assert q.to(target).to(source).magnitude == pytest.approx(magnitude, rel=1e-12, abs=1e-300)


@given(
    a=magnitudes,
    k=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    gas_metric=st.sampled_from(GAS_METRICS),
)
def test_to_co2e_is_linear(a: float, k: float, gas_metric: tuple[str, str]) -> None:
    gas, metric = gas_metric
    q = Q_(a, f"t {gas}")
    assert cf.to_co2e(q * k, metric).magnitude == pytest.approx(
        k * cf.to_co2e(q, metric).magnitude, rel=1e-9, abs=1e-300
    )


@given(
    a=magnitudes,
    b=magnitudes,
    gas_metric=st.sampled_from(GAS_METRICS),
    mass_a=st.sampled_from(MASSES),
    mass_b=st.sampled_from(MASSES),
)
def test_to_co2e_is_additive_and_unit_invariant(
    a: float, b: float, gas_metric: tuple[str, str], mass_a: str, mass_b: str
) -> None:
    gas, metric = gas_metric
    qa, qb = Q_(a, f"{mass_a} {gas}"), Q_(b, f"{mass_b} {gas}")
    together = cf.to_co2e(qa + qb, metric).m_as(f"t CO2e ({metric})")
    apart = (cf.to_co2e(qa, metric) + cf.to_co2e(qb, metric)).m_as(f"t CO2e ({metric})")
    scale = max(abs(qa.m_as(f"t {gas}")), abs(qb.m_as(f"t {gas}")), 1e-300)
    assert together == pytest.approx(apart, rel=1e-9, abs=1e-9 * scale * 1e5)


@given(st.sampled_from(list(itertools.permutations(GWP_METRICS, 2))), magnitudes, magnitudes)
def test_different_metrics_never_add(pair: tuple[str, str], a: float, b: float) -> None:
    m1, m2 = pair
    with pytest.raises(cf.MixedMetricError):
        Q_(a, f"t CO2e ({m1})") + Q_(b, f"t CO2e ({m2})")


UNIT_NAMES = ["t", "kg", "kWh", "GJ", "tce", "Nm3", "km", "CO2", "CH4", "N2O", "CNY", "h", "m"]
UNIT_NAMES += [f"CO2e_{m}" for m in GWP_METRICS]


@given(
    st.dictionaries(
        st.sampled_from(UNIT_NAMES), st.sampled_from([-3, -2, -1, 1, 2, 3]), min_size=1, max_size=4
    )
)
def test_formatted_units_parse_back(powers: dict[str, int]) -> None:
    unit = cf.ureg.Unit(cf.ureg.UnitsContainer({cf.ureg.get_name(n): p for n, p in powers.items()}))
    assume(not unit.dimensionless)
    text = cf.units.format_unit(unit)
    scale, parsed = cf.units.parse_unit(text)
    assert scale == 1
    assert parsed == unit, text
