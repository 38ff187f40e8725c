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
import bench_product
import bench_product_tables
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


def test_product_benchmark_footprints_match_a_dense_solve_and_sample_sensibly() -> None:
    net = bench_product.make_network(300, seed=3)
    ours = bench_product.main(
        ["300", "--seed", "3", "--carbonfoot-only", "--repeats", "1", "--iterations", "20"]
    )
    # an independent dense solve of the same network: (I - T)ᵀ x = Bᵀ w
    technosphere = np.eye(net.n)
    np.add.at(technosphere, (net.link_row, net.link_col), -net.link_amount)
    emissions = np.zeros((2, net.n))
    np.add.at(emissions, (net.emission_gas, net.emission_col), net.emission_kg)
    weights = np.array([1.0, cf.units.gwp("CH4").value])
    dense = np.linalg.solve(technosphere.T, emissions.T @ weights)
    np.testing.assert_allclose(ours.footprints, dense, rtol=1e-9)
    assert net.link_row.size >= 5 * net.n  # ~10 inputs drawn; fewer distinct with 10 markets
    assert np.mean(net.link_row < net.markets) > 0.6
    samples = ours.mc.samples
    assert samples.shape == (20,)
    assert np.isfinite(samples).all()
    assert (samples > 0).all()
    assert abs(np.median(samples) / ours.mc.deterministic - 1) < 0.5


def test_product_tables_benchmark_reads_the_same_system_every_way() -> None:
    medians = bench_product_tables.main(["200"])  # exits if a way in gives another system
    assert set(medians) == {"models", "to_tables", "frames", "csv"}
