"""cf.calculate on 1,000,000 rows against three other ways to do it, in one run.

Rows: 20 activities × 8 input units × 30 regions (4,800 distinct keys), random amounts
(seed 0). Compared, on the same rows and producing the same CO2 / CO2e numbers:

(a) a hand-written pandas merge-and-multiply with precomputed factors [t CO2 per input unit]
    and no unit checks, producing the same output columns (gas, CO2e, factor_id, method,
    fallback, error);
(b) pint-pandas, one pint-array per (activity, unit, region) group, multiplied by the factor
    quantity and converted to t CO2;
(c) a row-by-row pint loop, timed on a sample and extrapolated to all rows.

Not a timed test: record the figures in README.md. Usage: ``python benchmarks/bench_calculate.py``
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

import carbonfoot as cf

FUELS_BY_MASS = [
    "anthracite", "bituminous_coal", "lignite", "cleaned_coal", "coke", "crude_oil", "fuel_oil",
    "gasoline", "diesel", "kerosene", "lpg", "lng", "naphtha", "petroleum_coke", "coal_tar",
    "crude_benzene",
]  # fmt: skip
MASS_UNITS = ["t", "kg", "kt", "Mt", "g", "10^4 t", "万t", "Gg"]
GAS_UNITS = ["Nm3", "10^4 Nm3", "万Nm3", "kNm3", "MNm3", "亿Nm3", "1e3 Nm3", "10^8 Nm3"]
ENERGY_UNITS = ["kWh", "MWh", "GWh", "万kWh", "GJ", "MJ", "TJ", "亿kWh"]
ACTIVITIES: list[tuple[str, list[str]]] = (
    [(f"fuel.{fuel}", MASS_UNITS) for fuel in FUELS_BY_MASS]
    + [("fuel.natural_gas", GAS_UNITS), ("fuel.coke_oven_gas", GAS_UNITS)]
    + [("electricity.grid", ENERGY_UNITS), ("heat.purchased", ENERGY_UNITS)]
)


def activity_rows(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` rows over 20 activities × 8 units × 30 regions."""
    rng = np.random.default_rng(seed)
    regions = sorted(r for r in cf.factors.regions() if len(r) == 5 and r != "CN-XZ")[:30]
    keys = [(a, u, r) for a, units in ACTIVITIES for u in units for r in regions]
    pick = rng.integers(0, len(keys), n)
    columns = np.array(keys, dtype=object)[pick]
    return pd.DataFrame(
        {
            "activity": columns[:, 0],
            "amount": rng.random(n) * 100,
            "unit": columns[:, 1],
            "region": columns[:, 2],
            "year": np.full(n, 2023),
        }
    )


def hand_written(rows: pd.DataFrame, lookup: pd.DataFrame) -> pd.DataFrame:
    """(a): merge precomputed factors [t CO2 per input unit] and multiply; no unit checks."""
    merged = rows.merge(lookup, on=["activity", "unit", "region"], how="left", validate="m:1")
    out = rows[["activity", "amount", "unit", "region"]].copy()
    out["CO2 [t]"] = merged["t_co2_per_unit"].to_numpy() * rows["amount"].to_numpy()
    out["CO2e (AR6GWP100) [t]"] = out["CO2 [t]"]
    for column in ("method", "factor_id", "fallback", "error"):
        out[column] = merged[column].to_numpy()
    return out


def pint_pandas_groups(rows: pd.DataFrame, lookup: pd.DataFrame) -> np.ndarray:
    """(b): pint-pandas per (activity, unit, region) group."""
    import pint_pandas

    pint_pandas.PintType.ureg = cf.ureg
    factors = lookup.set_index(["activity", "unit", "region"])["factor"].to_dict()
    result = np.empty(len(rows))
    for group, index in rows.groupby(["activity", "unit", "region"]).indices.items():
        key: tuple[Any, ...] = tuple(group)  # type: ignore[arg-type]
        scale, unit = cf.units.parse_unit(str(key[1]))
        series = pd.Series(rows["amount"].to_numpy()[index] * scale, dtype=f"pint[{unit}]")
        result[index] = (series * factors[key]).pint.to("t CO2").pint.magnitude.to_numpy()
    return result


def pint_loop(rows: pd.DataFrame, lookup: pd.DataFrame) -> np.ndarray:
    """(c): one Quantity per row."""
    factors = lookup.set_index(["activity", "unit", "region"])["factor"].to_dict()
    return np.array(
        [
            (cf.Q_(amount, unit) * factors[(activity, unit, region)]).to("t CO2").magnitude
            for activity, amount, unit, region in rows[
                ["activity", "amount", "unit", "region"]
            ].itertuples(index=False)
        ]
    )


def precompute(rows: pd.DataFrame, table: cf.FactorTable) -> pd.DataFrame:
    """One row per key: t CO2 per input unit, the factor as a quantity, and the audit columns."""
    keys = rows[["activity", "unit", "region"]].drop_duplicates().reset_index(drop=True)
    probe = cf.calculate(keys.assign(amount=1.0, year=2023), table)
    keys["t_co2_per_unit"] = probe.frame["CO2 [t]"].to_numpy()
    keys["factor"] = [
        cf.Q_(v, "t CO2") / cf.Q_(1, u)
        for v, u in zip(keys["t_co2_per_unit"], keys["unit"], strict=True)
    ]
    for column in ("method", "factor_id", "fallback", "error"):
        keys[column] = probe.frame[column].astype(str).to_numpy()
    return keys


def timed(label: str, work: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{median:9.3f} s  {label} (median of {repeats})")
    return median


def main(n: int = 1_000_000) -> None:
    """Run all four on ``n`` rows and print the ratios."""
    table = cf.load_factors()
    rows = activity_rows(n)
    lookup = precompute(rows, table)
    print(f"python {platform.python_version()}, pandas {pd.__version__}, {platform.machine()}")
    print(f"{n:,} rows, {len(lookup)} distinct (activity, unit, region) keys")
    ours = cf.calculate(rows, table)
    reference = hand_written(rows, lookup)
    assert np.allclose(ours.frame["CO2 [t]"], reference["CO2 [t]"], rtol=1e-12), "results differ"
    # a fresh table per run: its selection memo starts empty, as in a new session
    t_ours = timed(
        "carbonfoot cf.calculate (unit-checked, full audit trail, fresh FactorTable)",
        lambda: cf.calculate(rows, cf.load_factors()),
        5,
    )
    t_warm = timed(
        "carbonfoot cf.calculate, same FactorTable again (selections memoized)",
        lambda: cf.calculate(rows, table),
        5,
    )
    t_hand = timed(
        "(a) hand-written pandas merge-and-multiply, no unit checks",
        lambda: hand_written(rows, lookup),
        5,
    )
    t_pp = timed("(b) pint-pandas per group", lambda: pint_pandas_groups(rows, lookup), 1)
    sample = rows.sample(20_000, random_state=0)
    t_loop = timed(
        "(c) row-by-row pint loop, 20,000-row sample", lambda: pint_loop(sample, lookup), 1
    )
    t_loop_all = t_loop * n / len(sample)
    print(f"{t_loop_all:9.1f} s  (c) extrapolated to {n:,} rows")
    print(
        f"ratios: carbonfoot / (a) = {t_ours / t_hand:.2f} (target <= 1.5; warm table "
        f"{t_warm / t_hand:.2f}); (b) / carbonfoot = {t_pp / t_ours:.1f} (target >= 20); "
        f"(c) / carbonfoot = {t_loop_all / t_ours:.0f}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
