"""Import time of carbonfoot against ``import pandas, pint; pint.UnitRegistry()``.

Target (DESIGN.md): ``import carbonfoot`` takes at most 1.5x the baseline. Each sample is a
fresh interpreter; the two commands alternate so that machine noise hits both alike. Prints
medians and the ratio from this one run. Not a timed test: record the figures in README.md.

Usage: ``python benchmarks/bench_import.py [runs]``
"""

from __future__ import annotations

import platform
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "baseline: import pandas, pint; pint.UnitRegistry()": (
        "import pandas, pint; pint.UnitRegistry()"
    ),
    "import carbonfoot": "import carbonfoot",
    "import carbonfoot; first to_co2e (loads GWP table)": (
        "import carbonfoot as cf; cf.to_co2e(cf.Q_(1, 't N2O'))"
    ),
}


def _time(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main(runs: int = 21) -> dict[str, float]:
    """Time each command ``runs`` times in fresh interpreters; return medians [s]."""
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for code in COMMANDS.values():  # warm the OS file cache once
        _time(code)
    for _ in range(runs):
        for name, code in COMMANDS.items():
            samples[name].append(_time(code))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"python {platform.python_version()} on {platform.machine()}, {runs} runs each")
    for name, value in medians.items():
        print(f"{value * 1000:8.1f} ms  {name}")
    names = list(COMMANDS)
    ratio = medians[names[1]] / medians[names[0]]
    print(f"ratio import carbonfoot / baseline: {ratio:.2f} (target <= 1.5)")
    return medians


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
