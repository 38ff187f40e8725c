"""Read the 20,000-process benchmark network from tables: `ProductSystem.from_tables`.

The network of ``bench_product.py`` (20,000 processes, 238,134 inputs, every input with a
lognormal uncertainty) is written with ``system.to_tables()`` and read back from the two
DataFrames and from the two CSV files, against building the same `Process` models directly in
Python. Not a timed test: record the figures in README.md.
Usage: ``python benchmarks/bench_product_tables.py [processes]``
"""

from __future__ import annotations

import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import bench_product
import pandas as pd

import carbonfoot as cf


def timed(work: Callable[[], object], repeats: int) -> tuple[float, list[float], object]:
    """Median and all wall times [s] of ``repeats`` runs of ``work``, and its last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, result


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Time each way in; check every way gives the same system. Returns the medians [s]."""
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 20_000
    repeats = 3
    net = bench_product.make_network(n)
    print(f"python {platform.python_version()}, pandas {pd.__version__}, {n:,} processes")
    medians: dict[str, float] = {}
    built, times, system = timed(lambda: bench_product.build_system(net), repeats)
    medians["models"] = built
    assert isinstance(system, cf.ProductSystem)
    outputs, inputs = system.to_tables()
    print(f"{len(outputs):,} output rows, {len(inputs):,} input rows")
    medians["to_tables"], times2, _ = timed(system.to_tables, repeats)
    medians["frames"], times3, from_frames = timed(
        lambda: cf.ProductSystem.from_tables(outputs, inputs), repeats
    )
    with tempfile.TemporaryDirectory() as folder:
        out_csv, in_csv = Path(folder) / "outputs.csv", Path(folder) / "inputs.csv"
        outputs.to_csv(out_csv, index=False)
        inputs.to_csv(in_csv, index=False)
        medians["csv"], times4, from_csv = timed(
            lambda: cf.ProductSystem.from_tables(out_csv, in_csv), repeats
        )
    if from_frames != system or from_csv != system:
        raise SystemExit("a way in gave another system than the models")
    for label, key, spread in (
        ("building the Process models in Python", "models", times),
        ("system.to_tables()", "to_tables", times2),
        ("ProductSystem.from_tables(DataFrames)", "frames", times3),
        ("ProductSystem.from_tables(CSV files)", "csv", times4),
    ):
        print(f"{medians[key]:8.3f} s  {label} (min {min(spread):.3f} / max {max(spread):.3f})")
    print(f"from DataFrames / models: {medians['frames'] / medians['models']:.2f}")
    return medians


if __name__ == "__main__":
    main()
