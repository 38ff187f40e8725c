"""A worked product footprint: one forged steel flange (12 kg) made in Anhui via the EAF route.

The process data (EAF steelmaking from scrap, ladle refining and continuous casting, forging
with its scrap going back to the EAF, normalising and machining) are FICTIONAL; every
background factor comes from a bundled, cited table: MEE/NBS 2023 grid electricity (Anhui),
GB/T 32150-2015 natural gas and the 2006 IPCC Guidelines Vol.3 Ch.4 Table 4.1 for the EAF's
process CO2. Purchased scrap enters burden-free (recycled-content, cut-off approach). What is
left out for want of a cited factor is listed in ``cf.examples.load_steel_flange``'s
docstring. Run: ``.venv/bin/python examples/steel_flange.py``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from uuid import UUID

import carbonfoot as cf

PRODUCT = "forged flange"
EXCLUDED = (
    "Not quantified, for want of a bundled cited factor: scrap preparation (collection, "
    "shredding, transport); electrodes, lime, dolomite, ferroalloys, injection carbon, oxygen "
    "and refractories of the EAF; argon and casting powder; cutting fluid and tools; packaging "
    "and all transport. exemptedEmissionsPercent (0) does not include them: their share is "
    "unknown. FICTIONAL worked example of carbonfoot, not a complete PCF."
)


def main() -> None:
    """Print the footprint, its contributions by process and by gas, and its PACT document."""
    result = cf.examples.load_steel_flange().solve()
    total = result.co2e(PRODUCT)
    print(f"{PRODUCT}: {total:.3f} per piece (12 kg), cradle to gate (FICTIONAL process data)")
    print()
    print(result.contributions(PRODUCT, by="process").to_string(float_format="{:,.4f}".format))
    print()
    by_gas = result.contributions(PRODUCT, by="gas")
    emitted = by_gas[by_gas.iloc[:, 0] != 0]  # purchased scrap: a 0 kg CO2e (cut-off) input
    print(emitted.to_string(float_format="{:,.4f}".format))
    runs = dict(zip(result.products, result.supply(PRODUCT), strict=True))
    print(f"liquid steel per flange: {runs['liquid steel'] * 1000:.2f} kg (1 run = 1 t)")
    mc = result.monte_carlo(PRODUCT, iterations=1000, seed=1)
    low, high = mc.percentile([2.5, 97.5])
    print(f"Monte Carlo, 1,000 iterations: median {mc.median:.2f}, 95 % {low:.2f}–{high:.2f}")
    flange = cf.Product(
        name=PRODUCT,
        declared_unit="piece",
        product_mass_per_declared_unit=12.0,
        metadata={  # FICTIONAL identifiers
            "id": UUID("00000000-0000-4000-8000-00000000f1f1"),
            "created": datetime(2025, 3, 1, tzinfo=UTC),
            "product_ids": ["urn:pact:example:flange-dn150-pn16"],
            "company_name": "Example Forgings Co. (fictional)",
            "company_ids": ["urn:pact:example:company:forgings"],
            "reference_period_start": datetime(2023, 1, 1, tzinfo=UTC),
            "reference_period_end": datetime(2024, 1, 1, tzinfo=UTC),
            "geography_country_subdivision": "CN-AH",
            "fossil_carbon_content": 0.024,  # FICTIONAL: 0.2 % carbon in 12 kg of steel
            "exempted_emissions_description": EXCLUDED,
        },
    )
    document = result.footprint(flange).to_pact("3.0")
    problems = cf.product.pact.check_pact(document)
    print(f"PACT 3.0 document: {len(json.dumps(document))} bytes, problems: {len(problems)}")
    pcf = document["pcf"]
    for field in ("declaredUnitOfMeasurement", "pcfExcludingBiogenicUptake", "fossilGhgEmissions"):
        print(f"  {field}: {pcf[field]}")


if __name__ == "__main__":
    main()
