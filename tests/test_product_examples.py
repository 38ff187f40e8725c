"""The two worked products of carbonfoot.examples, checked against hand calculations.

The process amounts are FICTIONAL (they are the examples' own data); every factor below is
cited to the published table it comes from, and the hand calculation uses only these numbers:

- grid electricity 2023, MEE/NBS 公告2025年第47号 附件: 表1 national 0.5306 kg CO2/kWh,
  表3 Anhui 0.6553 kg CO2/kWh;
- GB/T 32150-2015 附录A 表A.1: natural gas NCV 389.31 GJ/10^4 Nm3, 15.3 t C/TJ, oxidation
  99 %; bituminous coal NCV 19.570 GJ/t, 26.1 t C/TJ, oxidation 93 %; CO2 = NCV × carbon ×
  oxidation × 44/12;
- 2006 IPCC Guidelines Vol.3 Ch.4: Table 4.1 EAF 0.08 t CO2/t steel; Table 4.10 Prebake
  1.6 t CO2/t Al; Table 4.15 CWPB 0.4 kg CF4 and 0.04 kg C2F6 per t Al;
- AR6GWP100, IPCC AR6 WG1 Ch.7 Table 7.SM.7: CF4 7380, C2F6 12400.
"""

from __future__ import annotations

import contextlib
import io
import runpy
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

import carbonfoot as cf
from carbonfoot.product.models import ProductSystem
from carbonfoot.product.pact import check_pact

# --- cited factors, in kg per unit --------------------------------------------------------
GRID_CN = 0.5306  # kg CO2/kWh, MEE/NBS 2023 表1 (national)
GRID_AH = 0.6553  # kg CO2/kWh, MEE/NBS 2023 表3 (Anhui)
# GB/T 32150-2015 表A.1: 0.038931 GJ/Nm3 × 15.3 kg C/GJ × 0.99 × 44/12 = 2.16218881 kg CO2/Nm3
GAS = 389.31e-4 * 15.3 * 0.99 * 44 / 12
# GB/T 32150-2015 表A.1: 19.570 GJ/t × 26.1 kg C/GJ × 0.93 × 44/12 = 1741.74957 kg CO2/t
COAL = 19.570 * 26.1 * 0.93 * 44 / 12
# IPCC 2006 Tables 4.10 + 4.15, AR6GWP100: 1600 + 0.4 × 7380 + 0.04 × 12400 = 5048 kg CO2e/t Al
CWPB = 1600 + 0.4 * 7380 + 0.04 * 12400
EAF = 80.0  # kg CO2/t steel, IPCC 2006 Table 4.1

PROFILE = "6063 window profile"
FLANGE = "forged flange"
EXAMPLES = Path(__file__).parent.parent / "examples"
Loader = Callable[[], ProductSystem]


def test_cited_constants_are_the_bundled_ones() -> None:
    # the hand calculation's numbers are the ones the library reads (not typed twice wrongly)
    table = cf.load_factors()
    assert table.select("electricity.grid", "CN", 2023).value == GRID_CN
    assert table.select("electricity.grid", "CN-AH", 2023).value == GRID_AH
    rows = pd.DataFrame(
        {
            "activity": ["fuel.natural_gas", "fuel.bituminous_coal", "process.aluminium.cwpb"],
            "amount": [1.0, 1.0, 1.0],
            "unit": ["Nm3", "t", "t"],
        }
    )
    kg = cf.calculate(rows).frame["CO2e (AR6GWP100) [t]"].to_numpy() * 1000
    assert kg.tolist() == pytest.approx([GAS, COAL, CWPB], rel=1e-12)
    assert round(CWPB, 9) == 5048.0


def test_aluminium_profile_equals_the_hand_calculation() -> None:
    # per t of alumina: 0.36 t coal + 85 Nm3 gas + 280 kWh (national grid)
    alumina = 0.36 * COAL + 85 * GAS + 280 * GRID_CN  # = 959.38 kg CO2/t
    # per t of prebaked anode: 72 Nm3 gas + 110 kWh
    anode = 72 * GAS + 110 * GRID_CN  # = 214.04 kg CO2/t
    # per t of aluminium liquid: 1.92 t alumina + 0.42 t anode + 13,150 kWh AC + CWPB cells
    #   = 1842.02 + 89.90 + 6977.39 + 5048 = 13,957.31 kg CO2e/t
    liquid = (1.92 * alumina + 0.42 * anode + 13_150 * GRID_CN + CWPB) / 1000  # per kg
    casting = 0.04 * GAS + 0.09 * GRID_CN  # own energy per kg of billet
    extrusion = 0.06 * GAS + 0.30 * GRID_CN  # own energy per kg of profile
    # The loop, with extrusion's inputs allocated by mass (profile 1 kg, scrap 0.25 kg):
    #   billet b = 0.81 liquid + 0.20 s + casting
    #   extrusion total T = 1.25 b + extrusion; profile p = (1/1.25) T; scrap s = (0.25/1.25)
    #   T / 0.25 = p, so  p = b + 0.8 extrusion = 0.81 liquid + 0.2 p + casting + 0.8 extrusion
    #   ⇒ p = (0.81 liquid + casting + 0.8 extrusion) / 0.8
    #       = 1.0125 liquid + 1.25 casting + extrusion
    expected = 1.0125 * liquid + 1.25 * casting + extrusion  # = 14.588 kg CO2e per kg
    result = cf.examples.load_aluminium_profile().solve()
    assert result.co2e(PROFILE).magnitude == pytest.approx(expected, rel=1e-12)
    assert result.co2e(PROFILE).magnitude == pytest.approx(14.588, abs=5e-4)
    # the scrap carries the same burden per kg as the profile (mass allocation)
    assert result.co2e("extrusion scrap").magnitude == pytest.approx(expected, rel=1e-12)
    # PFCs: 1.0125 kg of aluminium liquid per kg of profile × 0.4 kg CF4/t, 0.04 kg C2F6/t
    gases = result.by_gas(PROFILE)
    assert gases["CF4"] == pytest.approx(1.0125 * 0.4e-3, rel=1e-12)
    assert gases["C2F6"] == pytest.approx(1.0125 * 0.04e-3, rel=1e-12)
    by_process = result.contributions(PROFILE, by="process").iloc[:, 0]
    assert by_process.sum() == pytest.approx(expected, rel=1e-12)
    # electrolysis: 1.0125 × (13,150 kWh × 0.5306 + 5048) / 1000, its own inputs only
    assert by_process["aluminium electrolysis"] == pytest.approx(
        1.0125 * (13_150 * GRID_CN + CWPB) / 1000, rel=1e-12
    )


def test_steel_flange_equals_the_hand_calculation() -> None:
    # per t of liquid steel (own inputs; purchased scrap 0: cut-off): 430 kWh (Anhui) +
    # 8 Nm3 gas + EAF process CO2 = 281.78 + 17.30 + 80 = 379.08 kg CO2e
    eaf = 430 * GRID_AH + 8 * GAS + EAF
    casting = 40 * GRID_AH + 5 * GAS  # per t of billet (1.025 t liquid steel)
    forging = 0.60 * GAS + 1.2 * GRID_AH  # per blank (16 kg billet)
    normalising = 0.20 * GAS + 0.5 * GRID_AH
    machining = 3.5 * GRID_AH
    # The loop, per kg: liquid L = eaf/1000 + 0.1 S; billet B = 1.025 L + casting/1000;
    # forging shares T = 16 B + forging by mass: blank 14.0 kg, scrap 1.64 kg, so
    # S = T / 15.64 and blank F = 14 S. Substituting: 15.64 S = 16.4 eaf/1000 + 1.64 S +
    # 16 casting/1000 + forging ⇒ S = (16.4 eaf/1000 + 16 casting/1000 + forging) / 14
    #   ⇒ F = 16.4 eaf/1000 + 16 casting/1000 + forging: the blank bears all 16.4 kg of
    #     liquid steel made per flange, and the returned scrap's burden cancels out
    blank = 16.4 * eaf / 1000 + 16 * casting / 1000 + forging
    expected = blank + normalising + machining  # = 11.947 kg CO2e per flange
    result = cf.examples.load_steel_flange().solve()
    assert result.co2e(FLANGE).magnitude == pytest.approx(expected, rel=1e-12)
    assert result.co2e(FLANGE).magnitude == pytest.approx(11.947, abs=5e-4)
    scrap = (16.4 * eaf / 1000 + 16 * casting / 1000 + forging) / 14
    assert result.co2e("forging scrap").magnitude == pytest.approx(scrap, rel=1e-12)
    runs = dict(zip(result.products, result.supply(FLANGE), strict=True))
    assert runs["liquid steel"] == pytest.approx(16.4e-3, rel=1e-12)  # t: 16 kg × 1.025
    # one run of the scrap column is the forging's 1.64 kg of scrap: all of it goes back to the
    # EAF, 100 kg/t × 16.4 kg of liquid steel = 1.64 kg
    assert runs["forging scrap"] == pytest.approx(1.0, rel=1e-12)
    by_process = result.contributions(FLANGE, by="process").iloc[:, 0]
    assert by_process["EAF steelmaking"] == pytest.approx(16.4 * eaf / 1000, rel=1e-12)
    assert by_process.sum() == pytest.approx(expected, rel=1e-12)
    assert set(g for g, kg in result.by_gas(FLANGE).items() if kg) == {"CO2"}


@pytest.mark.parametrize(
    ("load", "product"),
    [(cf.examples.load_aluminium_profile, PROFILE), (cf.examples.load_steel_flange, FLANGE)],
    ids=["aluminium", "steel"],
)
def test_every_background_factor_comes_from_a_cited_bundled_table(
    load: Loader, product: str
) -> None:
    system = load()
    activity_inputs = [i for p in system.processes for i in p.inputs if i.kind == "activity"]
    rows = pd.DataFrame(
        {
            "activity": [i.activity for i in activity_inputs],
            "amount": [i.amount for i in activity_inputs],
            "unit": [i.unit for i in activity_inputs],
            "region": [i.region for i in activity_inputs],
            "year": pd.array([i.year for i in activity_inputs], dtype="Int64"),
        }
    )
    editions = set(cf.calculate(rows).frame["factor_edition"].astype(str))
    assert editions <= {
        "cn-grid-electricity/2023",
        "cn-fuel-combustion/gbt32150-2015",
        "ipcc-2006-metal/2006",
    }
    own = [i for p in system.processes for i in p.inputs if i.kind in ("factor", "emission")]
    # the one own factor is the cut-off zero of purchased scrap (no FICTIONAL factor)
    assert [(i.label, i.factor) for i in own] == (
        [("purchased scrap", 0.0)] if product == FLANGE else []
    )
    assert "FICTIONAL" in str(load.__doc__)
    assert "Excluded" in str(load.__doc__)


@pytest.mark.parametrize(
    ("load", "product", "declared", "mass"),
    [
        (cf.examples.load_aluminium_profile, PROFILE, "kilogram", 1.0),
        (cf.examples.load_steel_flange, FLANGE, "piece", 12.0),
    ],
    ids=["aluminium", "steel"],
)
def test_uncertainty_and_pact_export_work(
    load: Loader, product: str, declared: str, mass: float
) -> None:
    result = load().solve()
    total = result.co2e(product).magnitude
    mc = result.monte_carlo(product, iterations=400, seed=3)
    low, high = mc.percentile([2.5, 97.5])
    assert low < total < high
    assert high / low < 1.2  # a few amounts are uncertain, the factors are not sampled
    again = result.monte_carlo(product, iterations=400, seed=3)
    assert again.median == mc.median  # seeded
    footprint = result.footprint(
        cf.Product(name=product, declared_unit=declared, product_mass_per_declared_unit=mass),
        product_ids=["urn:pact:example:test"],  # FICTIONAL identifiers and period
        company_name="Example (fictional)",
        company_ids=["urn:pact:example:company:test"],
        reference_period_start=datetime(2023, 1, 1, tzinfo=UTC),
        reference_period_end=datetime(2024, 1, 1, tzinfo=UTC),
        fossil_carbon_content=0.0,
    )
    assert footprint.fossil_ghg_emissions == pytest.approx(total, rel=1e-12)
    assert footprint.dqi is not None
    assert footprint.dqi.coverage_percent == pytest.approx(100.0)
    assert check_pact(footprint.to_pact("3.0")) == []


@pytest.mark.parametrize(
    ("script", "load", "product"),
    [
        ("aluminium_window_profile.py", cf.examples.load_aluminium_profile, PROFILE),
        ("steel_flange.py", cf.examples.load_steel_flange, FLANGE),
    ],
)
def test_example_scripts_print_the_footprint_and_a_valid_pact_document(
    script: str, load: Loader, product: str
) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(EXAMPLES / script), run_name="__main__")
    printed = out.getvalue()
    total = load().solve().co2e(product)
    assert f"{product}: {total:.3f} per" in printed  # computed, not typed in
    assert "problems: 0" in printed
    assert "FICTIONAL" in printed
    for process in load().processes:
        assert process.name in printed  # the contributions by process
