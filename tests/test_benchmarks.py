"""The benchmark scripts still run (on small inputs): their figures are only as good as they are.

Timings are not asserted here (performance is measured in benchmarks/, not in tests).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

import carbonfoot as cf

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

import bench_calculate
import bench_park
import bench_resolve


def test_calculate_benchmark_rows_compute_and_match_the_baseline() -> None:
    rows = bench_calculate.activity_rows(2_000)
    table = cf.load_factors()
    lookup = bench_calculate.precompute(rows, table)
    ours = cf.calculate(rows, table).frame["CO2 [t]"].to_numpy()
    theirs = bench_calculate.hand_written(rows, lookup)["CO2 [t]"].to_numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-12)


def test_resolve_benchmark_rows_resolve_without_errors() -> None:
    rows = bench_resolve.activity_rows(2_000)
    table = cf.load_factors()
    for edition in ("2021", "2022"):
        table = table + cf.load_factors("cn-grid-electricity", edition=edition)
    assert (table.resolve(rows, errors="collect")["factor_error"] == "").all()


def test_park_benchmark_rows_are_a_valid_park() -> None:
    rows = bench_park.park_rows(enterprises=5, months=2, lines=10)
    assessment = cf.assess_zero_carbon_park(rows, region="CN-AH", year=2023)
    assert assessment.account.co2_t > 0
