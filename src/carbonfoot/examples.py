"""Shipped example data, FICTIONAL, shared by the tests, the documentation and ``make demo``.

Nothing here describes a real site: names, amounts and shares are made up to look like the
industries of an Anhui industrial park, so that the library can be tried end to end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from carbonfoot.park import GuidingData

__all__ = ["DemoPark", "load_demo_footprint", "load_demo_park", "load_demo_product"]

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


def load_demo_product() -> Any:
    """A FICTIONAL product system: a die-cast aluminium bracket made in Anhui in 2023.

    Processes: ingot supply (an own factor, FICTIONAL), die casting (grid electricity and
    natural gas from the bundled MEE/NBS and GB/T 32150 tables; runners and chips go back to
    the foundry as scrap, credited by substitution), machining, packaging and road transport.
    Amounts carry FICTIONAL uncertainties and data-quality ratings, so every feature of
    `carbonfoot.product` can be tried on it. The declared product is ``"bracket at customer"``
    (1 piece).

    Examples
    --------
    >>> import carbonfoot as cf
    >>> system = cf.examples.load_demo_product()
    >>> [p.name for p in system.processes]
    ['ingot supply', 'die casting', 'machining', 'packaging', 'road transport']
    """
    from carbonfoot.product.models import Distribution, Input, Output, Process, ProductSystem

    fictional = "FICTIONAL value for the carbonfoot demo product; not a published factor"
    ar6 = "kg CO2e (AR6GWP100) / kg"
    anhui = {"region": "CN-AH", "year": 2023}
    good = {"technological": 1.5, "temporal": 1.0, "geographical": 1.0,
            "completeness": 1.5, "reliability": 1.0}  # fmt: skip
    fair = {"technological": 2.5, "temporal": 2.0, "geographical": 2.5,
            "completeness": 2.0, "reliability": 2.5}  # fmt: skip
    processes = (
        Process(
            name="ingot supply",
            stage="raw_material_acquisition",
            outputs=(Output(product="aluminium ingot", amount=1, unit="kg"),),
            inputs=(
                Input(name="primary ingot (background)", amount=0.7, unit="kg", factor=14.0,
                      factor_unit=ar6, factor_source=fictional, dqr=fair,
                      factor_uncertainty=Distribution(kind="lognormal", gsd=1.15)),
                Input(name="recycled ingot (background)", amount=0.3, unit="kg", factor=0.9,
                      factor_unit=ar6, factor_source=fictional, dqr=fair,
                      factor_uncertainty=Distribution(kind="lognormal", gsd=1.3)),
            ),
        ),
        Process(
            name="die casting",
            outputs=(
                Output(product="raw casting", amount=1000, unit="piece"),
                Output(product="foundry scrap", amount=60, unit="kg",
                       substitutes="aluminium ingot"),
            ),
            allocation="substitution",
            location="CN-AH",
            inputs=(
                Input(product="aluminium ingot", amount=510, unit="kg", primary=True, dqr=good,
                      amount_uncertainty=Distribution(kind="triangular", low=500, high=530)),
                Input(activity="electricity.grid", amount=650, unit="kWh", primary=True,
                      dqr=good, amount_uncertainty=Distribution(kind="normal", sd=40), **anhui),
                Input(activity="fuel.natural_gas", amount=95, unit="Nm3", primary=True,
                      dqr=good, amount_uncertainty=Distribution(kind="normal", sd=8), **anhui),
            ),
        ),
        Process(
            name="machining",
            outputs=(Output(product="bracket", amount=1, unit="piece"),),
            location="CN-AH",
            inputs=(
                Input(product="raw casting", amount=1, unit="piece", primary=True, dqr=good),
                Input(activity="electricity.grid", amount=0.35, unit="kWh", primary=True,
                      dqr=good, **anhui),
                Input(name="cutting fluid", amount=0.004, unit="kg", factor=1.8,
                      factor_unit=ar6, factor_source=fictional),
            ),
        ),
        Process(
            name="packaging",
            outputs=(Output(product="packed bracket", amount=1, unit="piece"),),
            inputs=(
                Input(product="bracket", amount=1, unit="piece", primary=True, dqr=good),
                Input(name="corrugated board", amount=0.05, unit="kg", factor=1.1,
                      factor_unit=ar6, factor_source=fictional, packaging=True, dqr=fair),
            ),
        ),
        Process(
            name="road transport",
            stage="distribution",
            outputs=(Output(product="bracket at customer", amount=1, unit="piece"),),
            inputs=(
                Input(product="packed bracket", amount=1, unit="piece", primary=True, dqr=good),
                Input(name="truck, 0.55 kg × 800 km", amount=0.44, unit="t km", factor=0.1,
                      factor_unit="kg CO2e (AR6GWP100) / (t km)", factor_source=fictional,
                      dqr=fair, amount_uncertainty=Distribution(kind="uniform", low=0.4,
                                                                high=0.5)),
            ),
        ),
    )  # fmt: skip
    return ProductSystem(processes=processes)


def load_demo_footprint() -> Any:
    """A FICTIONAL `ProductFootprint`: 2 m² of ceramic tile, 23 kg CO2e, with fixed id and dates.

    Used by the PACT examples of the documentation; every identifier and number is made up.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> footprint = cf.examples.load_demo_footprint()
    >>> footprint.declared_unit_amount, footprint.declared_unit, footprint.fossil_ghg_emissions
    (2.0, 'square meter', 23.0)
    """
    from datetime import UTC, datetime
    from uuid import UUID

    from carbonfoot.product.footprint import ProductFootprint

    return ProductFootprint(
        id=UUID("00000000-0000-4000-8000-000000000001"),
        product_name="Ceramic tile (fictional)",
        product_ids=["urn:gtin:0000000000001"],
        product_category_cpc="3732",
        company_name="Example Ceramics Co. (fictional)",
        company_ids=["urn:company:example:ceramics"],
        created=datetime(2025, 3, 1, tzinfo=UTC),
        declared_unit="square meter",
        declared_unit_amount=2.0,
        product_mass_per_declared_unit=40.0,
        reference_period_start=datetime(2024, 1, 1, tzinfo=UTC),
        reference_period_end=datetime(2025, 1, 1, tzinfo=UTC),
        fossil_ghg_emissions=23.0,
        fossil_carbon_content=0.0,
        characterization_factors=["AR6"],
        cross_sectoral_standards=["ISO14067"],
        exempted_emissions_percent=0.5,
        primary_data_share=40.0,
    )
