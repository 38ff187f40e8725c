"""Assess a park of 500 enterprises × 12 months × 50 activity lines (300,000 rows) end to end.

Issue 5 target: under 2 s on the 2-core machine. Rows are random (seed 0) but realistic: grid
electricity, fuels, purchased heat (some of it from another tenant: internal transfers), green
power, and exports of heat. All activity data are FICTIONAL. Not a timed test: record the figures
in README.md. Usage: ``python benchmarks/bench_park.py``
"""

from __future__ import annotations

import platform
import statistics
import time

import numpy as np
import pandas as pd

import carbonfoot as cf

LINES = [
    ("electricity.grid", "MWh", 800.0),
    ("electricity.grid", "万kWh", 30.0),
    ("fuel.natural_gas", "10^4 Nm3", 5.0),
    ("fuel.diesel", "t", 3.0),
    ("fuel.bituminous_coal", "t", 200.0),
    ("fuel.coke", "t", 50.0),
    ("fuel.lpg", "t", 0.5),
    ("fuel.fuel_oil", "t", 2.0),
    ("heat.purchased", "GJ", 900.0),
    ("fuel.gasoline", "t", 0.8),
]


def park_rows(
    enterprises: int = 500, months: int = 12, lines: int = 50, seed: int = 0
) -> pd.DataFrame:
    """``enterprises × months × lines`` fictional rows."""
    rng = np.random.default_rng(seed)
    n = enterprises * months * lines
    entity = np.repeat([f"E{i:03d}" for i in range(enterprises)], months * lines)
    pick = rng.integers(0, len(LINES), n)
    activity = np.array([LINES[i][0] for i in pick], dtype=object)
    unit = np.array([LINES[i][1] for i in pick], dtype=object)
    amount = np.array([LINES[i][2] for i in pick]) * rng.uniform(0.5, 1.5, n)
    frame = pd.DataFrame({"entity": entity, "activity": activity, "amount": amount, "unit": unit})
    frame["period"] = np.tile(np.repeat(np.arange(1, months + 1), lines), enterprises)
    heat = (frame["activity"] == "heat.purchased").to_numpy()
    internal = heat & (rng.random(n) < 0.3) & (entity != "E000")  # E000 sells steam
    frame["supplier"] = pd.Series(np.where(internal, "E000", ""), dtype=object).replace("", None)
    grid = (frame["activity"] == "electricity.grid").to_numpy()
    green = grid & (rng.random(n) < 0.1)
    frame["instrument"] = pd.Series(np.where(green, "green_power", ""), dtype=object).replace(
        "", None
    )
    export = heat & ~internal & (rng.random(n) < 0.05)
    frame["direction"] = pd.Series(np.where(export, "export", ""), dtype=object).replace("", None)
    return frame


def main(repeats: int = 5) -> float:
    """Print and return the median seconds of `cf.assess_zero_carbon_park` on 300,000 rows."""
    rows = park_rows()
    guiding = cf.GuidingData(
        clean_energy_tce=1e5, solid_waste_generated_t=1e4, solid_waste_utilised_t=8e3
    )
    cf.assess_zero_carbon_park(rows.head(100), region="CN-AH", year=2023)  # warm caches
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = cf.assess_zero_carbon_park(rows, region="CN-AH", year=2023, guiding=guiding)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"python {platform.python_version()}, pandas {pd.__version__}, {platform.machine()}")
    print(f"{len(rows):,} rows, {rows['entity'].nunique()} enterprises")
    print(f"park CO2 {result.account.co2_t:,.0f} t; energy {result.account.energy_tce:,.0f} tce")
    print(
        f"assess_zero_carbon_park: median {median:.3f} s of {repeats} "
        f"(min {min(times):.3f}, max {max(times):.3f}); target < 2 s"
    )
    return median


if __name__ == "__main__":
    main()
