"""Shipped example data, FICTIONAL, shared by the tests, the documentation and ``make demo``.

Nothing here describes a real site: names, amounts and shares are made up to look like the
industries of an Anhui industrial park, so that the library can be tried end to end. The two
worked products (`load_aluminium_profile`, `load_steel_flange`) pair FICTIONAL process data
with background factors from the bundled, cited tables only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from carbonfoot.park import GuidingData

__all__ = [
    "DemoPark",
    "load_aluminium_profile",
    "load_demo_factory",
    "load_demo_footprint",
    "load_demo_park",
    "load_demo_product",
    "load_steel_flange",
]

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


def load_aluminium_profile() -> Any:
    """1 kg of extruded 6063 aluminium window profile made in China, cradle to gate.

    A worked example with **FICTIONAL foreground data** (every amount per process is made up
    to be realistic) and **cited background factors only** (every factor comes from a bundled
    data package). Processes, all priced with the national grid average:

    1. ``alumina refining`` (氧化铝精炼，拜耳法 Bayer): bituminous coal for steam, natural gas
       for the calciner and grid electricity per t of alumina;
    2. ``anode production`` (预焙阳极生产): natural gas of the baking furnace and electricity
       per t of prebaked anode;
    3. ``aluminium electrolysis`` (电解铝，中间下料预焙槽 CWPB): 1.92 t alumina, 0.42 t anode
       (net consumption) and 13,150 kWh AC per t of aluminium liquid, plus the cells' process
       emissions (``process.aluminium.cwpb``: anode CO2 and the PFCs CF4 and C2F6);
    4. ``billet casting`` (熔铸 6063 铝棒): aluminium liquid, returned extrusion scrap, natural
       gas and electricity per kg of billet;
    5. ``extrusion`` (挤压): 1.25 kg billet per kg of profile, natural gas for billet heating
       and ageing, electricity. Its 0.25 kg of in-house scrap goes back to casting: a closed
       loop, with the extrusion's inputs shared between profile and scrap by mass, so the
       scrap carries its metal's burden back to casting and, solved, the profile bears the
       whole loop (1.25 × 0.81 = 1.0125 kg of aluminium liquid per kg of profile).

    Background factors (bundled, cited):

    - ``electricity.grid``, CN, 2023: ``cn-grid-electricity/2023``, MEE/NBS 公告2025年第47号
      附件 表1, 0.5306 kg CO2/kWh (the national average: the FICTIONAL plants' provinces are not
      modelled; a smelter on captive coal power or on Yunnan hydropower would differ a lot);
    - ``fuel.natural_gas``, ``fuel.bituminous_coal``: ``cn-fuel-combustion/gbt32150-2015``,
      GB/T 32150-2015 附录A 表A.1 (NCV × carbon content × oxidation rate × 44/12);
    - ``process.aluminium.cwpb``: ``ipcc-2006-metal/2006``, 2006 IPCC Guidelines Vol.3 Ch.4
      Table 4.10 (Prebake 1.6 t CO2/t Al) and Table 4.15 (CWPB 0.4 kg CF4, 0.04 kg C2F6);
    - GWPs: ``gwp`` AR6GWP100, IPCC AR6 WG1 Ch.7 Table 7.SM.7 (CF4 7380, C2F6 12400).

    Excluded, for want of a bundled cited factor (their emissions are NOT in the result and
    not estimated): bauxite mining and transport, caustic soda, lime and flocculants of the
    refinery; calcined petroleum coke and coal-tar pitch of the anodes (their carbon's CO2 on
    consumption is in Table 4.10); aluminium fluoride and cryolite; the alloying additions
    (Mg, Si, about 1 % of the mass), fluxes, grain refiner and argon of the casthouse; the
    extrusion dies, packaging and every transport. The footprint is therefore a lower bound
    of a complete cradle-to-gate footprint.

    Plausibility of the FICTIONAL energy use, not a source of any number here: the refinery's
    comprehensive energy is (0.36 t × 19.570 GJ/t + 85 Nm3 × 0.038931 GJ/Nm3) ÷ 29.3076 MJ/kgce
    + 280 kWh × 0.1229 kgce/kWh = 353.3 + 34.4 ≈ 388 kgce/t, near the GB 21346-2022 表2 Bayer
    comprehensive-energy grade 2 of 390 kgce/t; 13,150 kWh/t of aluminium liquid lies between
    the GB 21346-2022 表1 grades of 12,950 / 13,000 (1级/2级) and 13,350 kWh/t (3级). Both
    quota values are single-source transcriptions, used as a plausibility check only.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> system = cf.examples.load_aluminium_profile()
    >>> [p.name for p in system.processes]  # doctest: +NORMALIZE_WHITESPACE
    ['alumina refining', 'anode production', 'aluminium electrolysis', 'billet casting',
     'extrusion']
    >>> print(f"{system.solve().co2e('6063 window profile'):.2f}")
    14.59 kg CO2e (AR6GWP100)
    """
    from carbonfoot.product.models import Distribution, Input, Output, Process, ProductSystem

    china = {"region": "CN", "year": 2023}  # MEE/NBS 2023 national grid factor
    supplier = {"technological": 2.0, "temporal": 1.5, "geographical": 2.0,
                "completeness": 2.5, "reliability": 2.0}  # fmt: skip
    site = {"technological": 1.5, "temporal": 1.0, "geographical": 1.5,
            "completeness": 2.0, "reliability": 1.5}  # fmt: skip
    processes = (
        Process(  # FICTIONAL amounts per t of alumina (Bayer process)
            name="alumina refining",
            stage="raw_material_acquisition",
            outputs=(Output(product="alumina", amount=1, unit="t"),),
            inputs=(
                Input(name="coal for steam", activity="fuel.bituminous_coal", amount=0.36,
                      unit="t", dqr=supplier,
                      amount_uncertainty=Distribution(kind="lognormal", gsd=1.1)),
                Input(name="natural gas for the calciner", activity="fuel.natural_gas",
                      amount=85, unit="Nm3", dqr=supplier),
                Input(name="grid electricity", activity="electricity.grid", amount=280,
                      unit="kWh", dqr=supplier, **china),
            ),
        ),
        Process(  # FICTIONAL amounts per t of baked prebake anode
            name="anode production",
            stage="raw_material_acquisition",
            outputs=(Output(product="prebaked anode", amount=1, unit="t"),),
            inputs=(
                Input(name="natural gas for baking", activity="fuel.natural_gas", amount=72,
                      unit="Nm3", dqr=supplier),
                Input(name="grid electricity", activity="electricity.grid", amount=110,
                      unit="kWh", dqr=supplier, **china),
            ),
        ),
        Process(  # FICTIONAL amounts per t of aluminium liquid, CWPB cells
            name="aluminium electrolysis",
            stage="raw_material_acquisition",
            outputs=(Output(product="aluminium liquid", amount=1, unit="t"),),
            inputs=(
                Input(product="alumina", amount=1.92, unit="t", dqr=supplier),
                Input(product="prebaked anode", amount=0.42, unit="t", dqr=supplier),
                Input(name="grid electricity (AC)", activity="electricity.grid",
                      amount=13_150, unit="kWh", dqr=supplier,
                      amount_uncertainty=Distribution(kind="normal", sd=150), **china),
                Input(name="cell process emissions (CWPB)",
                      activity="process.aluminium.cwpb", amount=1, unit="t", dqr=supplier),
            ),
        ),
        Process(  # FICTIONAL amounts per kg of 6063 billet
            name="billet casting",
            outputs=(Output(product="6063 billet", amount=1, unit="kg"),),
            inputs=(
                Input(product="aluminium liquid", amount=0.81, unit="kg", primary=True,
                      dqr=site),
                Input(product="extrusion scrap", amount=0.20, unit="kg", primary=True,
                      dqr=site),
                Input(name="natural gas (melting, homogenising)", activity="fuel.natural_gas",
                      amount=0.04, unit="Nm3", primary=True, dqr=site,
                      amount_uncertainty=Distribution(kind="normal", sd=0.004)),
                Input(name="grid electricity", activity="electricity.grid", amount=0.09,
                      unit="kWh", primary=True, dqr=site, **china),
            ),
        ),
        Process(  # FICTIONAL amounts per kg of mill-finish profile
            name="extrusion",
            outputs=(
                Output(product="6063 window profile", amount=1, unit="kg", mass=1.0),
                Output(product="extrusion scrap", amount=0.25, unit="kg", mass=0.25),
            ),
            allocation="mass",
            inputs=(
                Input(product="6063 billet", amount=1.25, unit="kg", primary=True, dqr=site,
                      amount_uncertainty=Distribution(kind="triangular", low=1.22, high=1.30)),
                Input(name="natural gas (billet heating, ageing)", activity="fuel.natural_gas",
                      amount=0.06, unit="Nm3", primary=True, dqr=site),
                Input(name="grid electricity", activity="electricity.grid", amount=0.30,
                      unit="kWh", primary=True, dqr=site,
                      amount_uncertainty=Distribution(kind="triangular", low=0.26, high=0.36),
                      **china),
            ),
        ),
    )  # fmt: skip
    return ProductSystem(processes=processes)


def load_steel_flange() -> Any:
    """One forged steel flange (12 kg) made in Anhui from EAF steel, cradle to gate.

    A worked example with **FICTIONAL foreground data** (every amount per process is made up
    to be realistic) and **cited background factors only**. Processes:

    1. ``EAF steelmaking`` (电弧炉炼钢): 1,000 kg of purchased scrap and 100 kg of returned
       forging scrap, 430 kWh, 8 Nm3 natural gas and the furnace's process CO2
       (``process.iron_steel.eaf``: electrodes and charge carbon) per t of liquid steel;
    2. ``ladle refining and casting`` (精炼与连铸): 1.025 t liquid steel, electricity and
       natural gas per t of billet (crop ends and scale are lost, not credited);
    3. ``forging`` (锻造): 16 kg billet, natural gas for heating, electricity per blank. It
       makes a 14.0 kg blank and 1.64 kg of flash and slug (forging scrap, 0.36 kg of scale
       is lost), which go back to the EAF: a closed loop, with the inputs shared between blank
       and scrap by mass, so the scrap carries its burden back to the EAF;
    4. ``heat treatment`` (正火 normalising): natural gas and electricity per blank;
    5. ``machining`` (机加工): electricity per flange; the 2.0 kg of chips leave the system
       without burden or credit (cut-off).

    Scrap: purchased scrap enters burden-free, by the recycled-content (cut-off) approach
    (the burden of the product it came from stays with that product); it is an input with a
    factor of 0 so that its mass shows. The preparation of scrap (collection, shredding,
    transport) belongs to this system under that approach but is excluded: no bundled factor.

    Background factors (bundled, cited):

    - ``electricity.grid``, CN-AH, 2023: ``cn-grid-electricity/2023``, MEE/NBS 公告2025年第47号
      附件 表3, Anhui 0.6553 kg CO2/kWh (all five processes are in the FICTIONAL Anhui plants);
    - ``fuel.natural_gas``: ``cn-fuel-combustion/gbt32150-2015``, GB/T 32150-2015 附录A 表A.1;
    - ``process.iron_steel.eaf``: ``ipcc-2006-metal/2006``, 2006 IPCC Guidelines Vol.3 Ch.4
      Table 4.1, 0.08 t CO2 per t of steel (process CO2 only; the electricity is its own input).

    Excluded, for want of a bundled cited factor (not estimated): scrap preparation; graphite
    electrodes, lime and dolomite, ferroalloys, injection carbon, oxygen (air separation) and
    refractories of the EAF; argon and casting powder; cutting fluid and tools; packaging and
    every transport. The footprint is therefore a lower bound of a complete one.

    Plausibility of the FICTIONAL EAF energy, not a source of any number here: 430 kWh ×
    0.1229 kgce/kWh + 8 Nm3 × 0.038931 GJ/Nm3 ÷ 29.3076 MJ/kgce = 52.8 + 10.6 ≈ 63 kgce/t,
    under the 72 kgce/t grade 3 of GB 21256-2025 表5 (furnaces of 70 t and more; a
    single-source transcription whose electricity convention was not confirmed).

    Examples
    --------
    >>> import carbonfoot as cf
    >>> system = cf.examples.load_steel_flange()
    >>> [p.name for p in system.processes]  # doctest: +NORMALIZE_WHITESPACE
    ['EAF steelmaking', 'ladle refining and casting', 'forging', 'heat treatment',
     'machining']
    >>> print(f"{system.solve().co2e('forged flange'):.2f}")
    11.95 kg CO2e (AR6GWP100)
    """
    from carbonfoot.product.models import Distribution, Input, Output, Process, ProductSystem

    anhui = {"region": "CN-AH", "year": 2023}  # MEE/NBS 2023 provincial grid factor
    mill = {"technological": 2.0, "temporal": 1.5, "geographical": 1.0,
            "completeness": 2.0, "reliability": 2.0}  # fmt: skip
    site = {"technological": 1.0, "temporal": 1.0, "geographical": 1.0,
            "completeness": 1.5, "reliability": 1.5}  # fmt: skip
    cut_off = (
        "recycled-content (cut-off) approach: purchased scrap enters burden-free; its "
        "preparation is excluded (no bundled factor)"
    )
    processes = (
        Process(  # FICTIONAL amounts per t of liquid steel, all-scrap EAF
            name="EAF steelmaking",
            stage="raw_material_acquisition",
            location="CN-AH",
            outputs=(Output(product="liquid steel", amount=1, unit="t"),),
            inputs=(
                Input(name="purchased scrap", amount=1000, unit="kg", factor=0.0,
                      factor_unit="kg CO2e (AR6GWP100) / kg", factor_source=cut_off),
                Input(product="forging scrap", amount=100, unit="kg", dqr=mill),
                Input(name="grid electricity", activity="electricity.grid", amount=430,
                      unit="kWh", dqr=mill,
                      amount_uncertainty=Distribution(kind="normal", sd=20), **anhui),
                Input(name="natural gas (burners, ladle preheating)",
                      activity="fuel.natural_gas", amount=8, unit="Nm3", dqr=mill,
                      amount_uncertainty=Distribution(kind="lognormal", gsd=1.2)),
                Input(name="furnace process CO2", activity="process.iron_steel.eaf",
                      amount=1, unit="t", dqr=mill),
            ),
        ),
        Process(  # FICTIONAL amounts per t of billet
            name="ladle refining and casting",
            stage="raw_material_acquisition",
            location="CN-AH",
            outputs=(Output(product="steel billet", amount=1, unit="t"),),
            inputs=(
                Input(product="liquid steel", amount=1.025, unit="t", dqr=mill),
                Input(name="grid electricity", activity="electricity.grid", amount=40,
                      unit="kWh", dqr=mill, **anhui),
                Input(name="natural gas (tundish, ladle)", activity="fuel.natural_gas",
                      amount=5, unit="Nm3", dqr=mill),
            ),
        ),
        Process(  # FICTIONAL amounts per forged blank
            name="forging",
            location="CN-AH",
            outputs=(
                Output(product="forged blank", amount=1, unit="piece", mass=14.0),
                Output(product="forging scrap", amount=1.64, unit="kg", mass=1.64),
            ),
            allocation="mass",
            inputs=(
                Input(product="steel billet", amount=16.0, unit="kg", primary=True, dqr=site),
                Input(name="natural gas (heating furnace)", activity="fuel.natural_gas",
                      amount=0.60, unit="Nm3", primary=True, dqr=site,
                      amount_uncertainty=Distribution(kind="normal", sd=0.05)),
                Input(name="grid electricity", activity="electricity.grid", amount=1.2,
                      unit="kWh", primary=True, dqr=site, **anhui),
            ),
        ),
        Process(  # FICTIONAL amounts per normalised blank
            name="heat treatment",
            location="CN-AH",
            outputs=(Output(product="normalised blank", amount=1, unit="piece"),),
            inputs=(
                Input(product="forged blank", amount=1, unit="piece", primary=True, dqr=site),
                Input(name="natural gas", activity="fuel.natural_gas", amount=0.20,
                      unit="Nm3", primary=True, dqr=site),
                Input(name="grid electricity", activity="electricity.grid", amount=0.5,
                      unit="kWh", primary=True, dqr=site, **anhui),
            ),
        ),
        Process(  # FICTIONAL amounts per finished flange (12.0 kg; 2.0 kg of chips)
            name="machining",
            location="CN-AH",
            outputs=(Output(product="forged flange", amount=1, unit="piece"),),
            inputs=(
                Input(product="normalised blank", amount=1, unit="piece", primary=True,
                      dqr=site),
                Input(name="grid electricity", activity="electricity.grid", amount=3.5,
                      unit="kWh", primary=True, dqr=site,
                      amount_uncertainty=Distribution(kind="triangular", low=3.0, high=4.2),
                      **anhui),
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


def load_demo_factory() -> Any:
    """A FICTIONAL cement plant in Anhui with its 2024 data, for the green-factory evaluation.

    One clinker line of 1.2 Mt a year (104.17 kgce/t: between 1级 and 2级 of GB 16780-2021),
    grid and some green power, water and waste figures of a dry-process plant, land use, and the
    answers and basic requirements a self-assessment states. The energy-saving product share is
    left out on purpose, so that the evaluation shows an item that is not assessable.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> factory = cf.examples.load_demo_factory()
    >>> factory.name, factory.year, factory.products[0].quota
    ('FICTIONAL Wanjiang Cement Co. (示例皖江水泥，虚构)', 2024, 'gb16780-2021-clinker-energy')
    """
    from carbonfoot.green.evaluate import Factory, FactoryProduct

    return Factory(
        name="FICTIONAL Wanjiang Cement Co. (示例皖江水泥，虚构)",
        year=2024,
        region="CN-AH",
        industry="cement",
        products=(
            FactoryProduct(
                name="clinker 熟料",
                output=1_200_000,
                unit="t",
                energy_tce=125_000,
                quota="gb16780-2021-clinker-energy",
            ),
        ),
        data={  # FICTIONAL figures for 2024
            "energy_tce": 130_000,
            "renewable_energy_tce": 3_900,
            "co2_t": 1_020_000,
            "output_value": 60_000,
            "water_withdrawal_m3": 180_000,
            "water_reused_m3": 1_620_000,
            "solid_waste_generated_t": 12_000,
            "solid_waste_utilized_t": 11_400,
            "land_area_m2": 400_000,
            "building_area_m2": 90_000,
            "structure_area_m2": 70_000,
            "yard_area_m2": 40_000,
            "floor_area_m2": 300_000,
            "platform_functions": 7,
            "advanced_equipment": 4,
            "retrofit_projects": 4,
            "retrofit_investment_share": 0.55,
            "wastewater_margin": 60,
            "waste_gas_margin": 83,
            "footprint_share": 100,
        },
        answers={
            "advanced_process": "yes",
            "green_design": "partial",
            "carbon_footprint": "yes",
            "material_saving": "yes",
            "recycled_materials": "partial",
            "bonus_zero_carbon": "no",
        },
        requirements={"req_compliance": True, "req_management": True, "req_systems": True},
    )
