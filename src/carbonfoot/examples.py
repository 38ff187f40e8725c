"""Shipped example data, FICTIONAL, shared by the tests, the documentation and ``make demo``.

Nothing here describes a real site: names, amounts and shares are made up to look like the
industries of an Anhui industrial park, so that the library can be tried end to end.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from carbonfoot.park import GuidingData

__all__ = ["DemoPark", "load_demo_park"]

#: (industry, how many tenants, monthly MWh, monthly 10^4 Nm3 gas, monthly t diesel) — FICTIONAL
_INDUSTRIES: tuple[tuple[str, int, float, float, float], ...] = (
    ("printed circuit boards", 6, 4_200.0, 6.0, 1.5),
    ("auto parts", 6, 2_600.0, 3.0, 4.0),
    ("ceramic tiles", 4, 1_500.0, 40.0, 2.0),
    ("fine chemicals", 4, 3_000.0, 12.0, 1.0),
    ("textiles", 5, 1_200.0, 4.0, 0.8),
    ("food processing", 4, 800.0, 5.0, 1.2),
)


@dataclass(frozen=True)
class DemoPark:
    """The demo park: its activity rows, region, year and guiding-indicator data."""

    rows: pd.DataFrame
    region: str
    year: int
    guiding: GuidingData
    name: str = "FICTIONAL Demo Green Valley Park (示例绿谷园区，虚构)"


def load_demo_park(seed: int = 2023) -> DemoPark:
    """A FICTIONAL park in Anhui: 29 tenants and a park boiler house, monthly data for 2023.

    The boiler house burns coal and gas and sells steam to the tile and chemical tenants (internal
    transfers) and to a neighbouring town (an export); two tenants buy green power (绿电).

    Examples
    --------
    >>> import carbonfoot as cf
    >>> park = cf.examples.load_demo_park()
    >>> park.rows["entity"].nunique(), len(park.rows)
    (30, 1188)
    """
    rng = np.random.default_rng(seed)
    rows: list[dict[str, object]] = []
    tenants: list[tuple[str, str]] = []
    for industry, count, mwh, gas, diesel in _INDUSTRIES:
        for number in range(1, count + 1):
            name = f"{industry} {number} (fictional)"
            tenants.append((name, industry))
            size = rng.uniform(0.6, 1.6)
            for month in range(1, 13):
                season = 1 + 0.15 * np.cos((month - 1) / 12 * 2 * np.pi)
                base = {"entity": name, "period": f"2023-{month:02d}"}
                electricity = round(mwh * size * rng.uniform(0.9, 1.1), 1)
                natural_gas = round(gas * size * season * rng.uniform(0.9, 1.1), 2)
                oil = round(diesel * size * rng.uniform(0.8, 1.2), 2)
                for activity, unit, amount in (
                    ("electricity.grid", "MWh", electricity),
                    ("fuel.natural_gas", "10^4 Nm3", natural_gas),
                    ("fuel.diesel", "t", oil),
                ):
                    rows.append({**base, "activity": activity, "unit": unit, "amount": amount})
                if industry in ("ceramic tiles", "fine chemicals"):
                    rows.append({**base, "activity": "heat.purchased", "unit": "GJ",
                                 "supplier": "park boiler house (fictional)",
                                 "amount": round(6_000 * size * season, 0)})  # fmt: skip
    boiler = "park boiler house (fictional)"
    for month in range(1, 13):
        season = 1 + 0.3 * np.cos((month - 1) / 12 * 2 * np.pi)
        base = {"entity": boiler, "period": f"2023-{month:02d}"}
        rows.append({**base, "activity": "fuel.bituminous_coal", "unit": "t",
                     "amount": round(6_000 * season, 0)})  # fmt: skip
        rows.append({**base, "activity": "fuel.natural_gas", "unit": "10^4 Nm3",
                     "amount": round(60 * season, 1)})  # fmt: skip
        rows.append({**base, "activity": "electricity.grid", "unit": "MWh", "amount": 300.0})
        rows.append({**base, "activity": "heat.purchased", "unit": "GJ", "direction": "export",
                     "amount": round(8_000 * season, 0)})  # fmt: skip
    frame = pd.DataFrame(rows)
    green = frame["entity"].isin([tenants[0][0], tenants[6][0]]) & (
        frame["activity"] == "electricity.grid"
    )
    frame["instrument"] = pd.Series(np.where(green, "green_power", ""), dtype=object).replace(
        "", None
    )
    guiding = GuidingData(  # FICTIONAL
        clean_energy_tce=None,
        solid_waste_generated_t=52_000,
        solid_waste_utilised_t=41_300,
        waste_heat_available_gj=310_000,
        waste_heat_used_gj=121_000,
        water_reused_m3=2_100_000,
        water_withdrawn_m3=640_000,
        product_energy_grades={"ceramic tiles": 2, "PCB copper-clad laminate": 1, "float glass": 3},
    )
    return DemoPark(frame, "CN-AH", 2023, guiding)
