"""A worked product footprint: 1 kg of extruded 6063 aluminium window profile made in China.

The process data (alumina refining, anode production, CWPB electrolysis, billet casting and
extrusion with its scrap going back to casting) are FICTIONAL; every background factor comes
from a bundled, cited table: MEE/NBS 2023 grid electricity (national average), GB/T 32150-2015
fuels and the 2006 IPCC Guidelines Vol.3 Ch.4 Tables 4.10 and 4.15 for the cells' anode CO2
and PFCs. What is left out for want of a cited factor is listed in
``cf.examples.load_aluminium_profile``'s docstring. Run:
``.venv/bin/python examples/aluminium_window_profile.py``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from uuid import UUID

import carbonfoot as cf

PRODUCT = "6063 window profile"
EXCLUDED = (
    "Not quantified, for want of a bundled cited factor: bauxite, caustic soda, lime and "
    "flocculants; petroleum coke and pitch of the anodes; aluminium fluoride and cryolite; "
    "alloying additions, fluxes, grain refiner and argon; dies, packaging and all transport. "
    "exemptedEmissionsPercent (0) does not include them: their share is unknown. FICTIONAL "
    "worked example of carbonfoot, not a complete PCF."
)


def main() -> None:
    """Print the footprint, its contributions by process and by gas, and its PACT document."""
    result = cf.examples.load_aluminium_profile().solve()
    total = result.co2e(PRODUCT)
    print(f"{PRODUCT}: {total:.3f} per kg, cradle to gate (FICTIONAL process data)")
    print()
    print(result.contributions(PRODUCT, by="process").to_string(float_format="{:,.4f}".format))
    print()
    print(result.contributions(PRODUCT, by="gas").to_string(float_format="{:,.4f}".format))
    print("kg of each gas:", {gas: f"{kg:.3g}" for gas, kg in result.by_gas(PRODUCT).items()})
    mc = result.monte_carlo(PRODUCT, iterations=1000, seed=1)
    low, high = mc.percentile([2.5, 97.5])
    print(f"Monte Carlo, 1,000 iterations: median {mc.median:.2f}, 95 % {low:.2f}–{high:.2f}")
    profile = cf.Product(
        name=PRODUCT,
        declared_unit="kilogram",
        product_mass_per_declared_unit=1.0,
        metadata={  # FICTIONAL identifiers
            "id": UUID("00000000-0000-4000-8000-00000000a1a1"),
            "created": datetime(2025, 3, 1, tzinfo=UTC),
            "product_ids": ["urn:pact:example:profile-6063-window"],
            "company_name": "Example Extrusions Co. (fictional)",
            "company_ids": ["urn:pact:example:company:extrusions"],
            "reference_period_start": datetime(2023, 1, 1, tzinfo=UTC),
            "reference_period_end": datetime(2024, 1, 1, tzinfo=UTC),
            "geography_country": "CN",
            "fossil_carbon_content": 0.0,
            "exempted_emissions_description": EXCLUDED,
        },
    )
    document = result.footprint(profile).to_pact("3.0")
    problems = cf.product.pact.check_pact(document)
    print(f"PACT 3.0 document: {len(json.dumps(document))} bytes, problems: {len(problems)}")
    pcf = document["pcf"]
    for field in ("declaredUnitOfMeasurement", "pcfExcludingBiogenicUptake", "fossilGhgEmissions"):
        print(f"  {field}: {pcf[field]}")


if __name__ == "__main__":
    main()
