"""No global state: metrics chosen in parallel threads never change each other's results."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import carbonfoot as cf
from carbonfoot import units

# IPCC GWP of CH4 per metric (AR4 Table 2.14: 25; AR5 Table 8.A.1: 28;
# AR6 Table 7.15 / 7.SM.7: GWP100 27.9, GWP20 81.2)
EXPECTED_CH4 = {"AR4GWP100": 25.0, "AR5GWP100": 28.0, "AR6GWP100": 27.9, "AR6GWP20": 81.2}


def _work(seed: int) -> list[tuple[str, float, str]]:
    rng = random.Random(seed)
    out = []
    for _ in range(300):
        metric = rng.choice(list(EXPECTED_CH4))
        q = cf.to_co2e(cf.Q_(2.0, "t CH4"), metric=metric)
        out.append((metric, q.magnitude, cf.units.metric_of(q) or ""))
    return out


def test_metric_choice_is_per_call_across_threads() -> None:
    units._GWP_CACHE.clear()  # the first, concurrent, lookups also load the table
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = [r for chunk in pool.map(_work, range(16)) for r in chunk]
    assert len(results) == 16 * 300
    for metric, magnitude, label in results:
        assert label == metric
        assert magnitude == 2.0 * EXPECTED_CH4[metric]
