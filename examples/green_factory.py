"""A green-factory self-evaluation (GB/T 36132-2025) of carbonfoot's FICTIONAL demo cement plant.

Score the plant on the EXAMPLE provincial scheme (benchmark numbers included) and on the
standard's own example table (Table C.1, whose benchmarks are industry values you must give),
and place its clinker on the energy-quota grades of GB 16780-2021. Every figure of the plant and
the industry benchmarks below are FICTIONAL. Run: ``.venv/bin/python examples/green_factory.py``.
"""

from __future__ import annotations

import carbonfoot as cf


def main() -> None:
    """Print the provincial-example report, the national-example scores and the diagnosis."""
    factory = cf.examples.load_demo_factory()
    provincial = cf.evaluate_green_factory(factory, "example-provincial-mock")
    print(provincial.report())

    # Table C.1 states most benchmarks as "industry advanced / industry average": without them
    # the items are not assessable. FICTIONAL industry values for a cement plant:
    industry = {
        "carbon_intensity": (12.0, 20.0),  # t CO2 / 万元 (leading, baseline)
        "renewable_share": (10.0, 2.0),  # %
        "water_intensity": (2.0, 4.0),  # m3 / 万元
        "water_reuse_rate": (95.0, 85.0),  # %
        "solid_waste_utilization": (100.0, 90.0),  # %
        "retrofit_investment_share": (1.0, 0.3),  # %
        "land_output_value": (0.3, 0.1),  # 万元 / m2
    }
    national = cf.evaluate_green_factory(factory, "gbt36132-2025-c1", benchmarks=industry)
    print(f"\nGB/T 36132-2025 Table C.1 example scheme, with FICTIONAL industry benchmarks: "
          f"{national.total:.2f} of {national.maximum:g}")  # fmt: skip
    print(national.groups.to_string(index=False, float_format="{:,.2f}".format))
    print("still not assessable:")
    print(national.not_assessable.to_string(index=False))

    clinker = cf.diagnose_energy("gb16780-2021-clinker-energy", cf.Q_(0.1042, "tce / t"))
    print(f"\n{clinker}")


if __name__ == "__main__":
    main()
