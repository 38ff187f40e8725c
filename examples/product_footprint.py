"""A product carbon footprint end to end, on carbonfoot's FICTIONAL demo bracket.

Solve the product system, see where the emissions come from, sample the uncertainty, and write
the PACT 3.0 document a customer's system reads. Every process and the factors marked FICTIONAL
are made up; grid electricity and natural gas use the bundled MEE/NBS 2023 and GB/T 32150 tables.
Run: ``.venv/bin/python examples/product_footprint.py``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import carbonfoot as cf

PRODUCT = "bracket at customer"


def main() -> None:
    """Print the footprint, its hotspots, its uncertainty and its PACT document."""
    result = cf.examples.load_demo_product().solve()
    print(f"{PRODUCT}: {result.co2e(PRODUCT):.4f} per piece (FICTIONAL demo product)")
    print(result.hotspots(PRODUCT, n=3).to_string(float_format="{:,.4f}".format))
    mc = result.monte_carlo(PRODUCT, iterations=1000, seed=1)
    low, high = mc.percentile([2.5, 97.5])
    print(f"Monte Carlo, 1,000 iterations: median {mc.median:.3f}, 95 % {low:.3f}–{high:.3f} kg")
    bracket = cf.Product(  # PACT declares cradle to gate: the packed bracket leaving the plant
        name="packed bracket",
        declared_unit="piece",
        product_mass_per_declared_unit=0.55,
        metadata={  # FICTIONAL identifiers
            "product_ids": ["urn:pact:example:bracket-a7"],
            "company_name": "Example Castings Co. (fictional)",
            "company_ids": ["urn:pact:example:company:castings"],
            "reference_period_start": datetime(2023, 1, 1, tzinfo=UTC),
            "reference_period_end": datetime(2024, 1, 1, tzinfo=UTC),
            "fossil_carbon_content": 0.0,
            "uncertainty_assessment_description": (
                f"Monte Carlo, 1,000 iterations, seed 1: 95 % interval {low:.3f}–{high:.3f} kg"
            ),
        },
    )
    footprint = result.footprint(bracket)
    document = footprint.to_pact("3.0")
    problems = cf.product.pact.check_pact(document)
    print(f"PACT 3.0 document: {len(json.dumps(document))} bytes, problems: {len(problems)}")
    print(json.dumps(document["pcf"], indent=1)[:600])


if __name__ == "__main__":
    main()
