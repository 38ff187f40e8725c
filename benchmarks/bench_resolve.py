"""Resolve 1,000,000 activity rows against all bundled factors (issue 3 target: < 1 s).

The rows are drawn at random (fixed seed) from realistic keys: grid electricity in every
region code, for years 2019-2025 (so exact matches, earlier-year and region fallbacks all
occur), and fuels with their gas. Not a timed test: record the figures in README.md.

Usage: ``python benchmarks/bench_resolve.py [rows]``
"""

from __future__ import annotations

import platform
import statistics
import sys
import time

import numpy as np
import pandas as pd

import carbonfoot as cf


def activity_rows(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` random activity rows whose keys all exist in the bundled tables."""
    rng = np.random.default_rng(seed)
    regions = [code for code in cf.factors.regions() if code.startswith("CN")]
    keys = [("electricity.grid", region, "CO2") for region in regions]
    keys += [(f"fuel.{fuel}", "CN", "CO2") for fuel in ("natural_gas", "diesel", "anthracite")]
    pick = rng.integers(0, len(keys), n)
    frame = pd.DataFrame(
        {
            "activity": np.array([k[0] for k in keys], dtype=object)[pick],
            "region": np.array([k[1] for k in keys], dtype=object)[pick],
            "gas": np.array([k[2] for k in keys], dtype=object)[pick],
            "year": rng.integers(2021, 2026, n),
            "amount": rng.random(n) * 1000,
        }
    )
    fuel = frame["activity"].str.startswith("fuel.")
    frame["dataset"] = np.where(fuel, "cn-fuel-combustion", "cn-grid-electricity")
    return frame


def main(n: int = 1_000_000, repeats: int = 5) -> float:
    """Print and return the median seconds to resolve ``n`` rows."""
    # every bundled dataset's default edition, plus the earlier grid-factor data years
    table = cf.load_factors()
    for edition in ("2021", "2022"):
        table = table + cf.load_factors("cn-grid-electricity", edition=edition)
    frame = activity_rows(n)
    table.resolve(frame.head(1000))  # warm-up: builds the table's index once
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        out = table.resolve(frame)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    combos = len(frame[["activity", "region", "year", "gas"]].drop_duplicates())
    fallbacks = int((out["factor_fallback"] != "").sum())
    print(f"python {platform.python_version()}, pandas {pd.__version__}, {platform.machine()}")
    print(f"{len(table)} bundled factor rows; {n:,} activity rows; {combos} distinct keys")
    print(
        f"rows resolved with a fallback: {fallbacks:,}; errors: {(out['factor_error'] != '').sum()}"
    )
    print(
        f"resolve: median {median:.3f} s of {repeats} (min {min(times):.3f}, max {max(times):.3f})"
    )
    return median


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
