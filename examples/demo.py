"""carbonfoot demo: a fictional factory's year, from activity data to a cited inventory.

Run with ``make demo``. All activity data here are FICTIONAL (demo data, not a real site);
every factor and GWP comes from carbonfoot's cited tables (factors/), printed with its source.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import carbonfoot as cf

#: FICTIONAL non-CO2 emissions of the same site in 2024 (demo data), measured or estimated.
FICTIONAL_GASES: dict[str, str] = {
    "process venting CH4": "3.2 t CH4",
    "boiler N2O": "0.85 t N2O",
    "chiller leak HFC-134a": "120 kg HFC-134a",
    "switchgear leak SF6": "2.5 kg SF6",
}


def gas_table(metrics: tuple[str, ...] = cf.GWP_METRICS) -> pd.DataFrame:
    """CO2e [t] of each fictional source under each metric."""
    rows = {}
    for source, amount in FICTIONAL_GASES.items():
        q = cf.Q_(amount)
        rows[f"{source} ({q})"] = {
            m: cf.to_co2e(q, metric=m).m_as(f"t CO2e ({m})") for m in metrics
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.loc["total"] = table.sum()
    return table


DEMO_CSV = Path(__file__).parent / "data" / "demo_factory_2024.csv"


def inventory() -> cf.Emissions:
    """The fictional factory's 2024 energy use (examples/data) through cf.calculate."""
    return cf.calculate(pd.read_csv(DEMO_CSV, comment="#"))


def main() -> None:
    """Print the demo calculation."""
    print("carbonfoot demo — FICTIONAL ceramics factory in Anhui, 2024\n")
    result = inventory()
    columns = ["activity", "amount", "unit", "scope", "CO2 [t]", "factor_id", "fallback"]
    with pd.option_context("display.width", 160, "display.max_colwidth", 44):
        print("1. Energy use → CO2, each row with its factor and the fallback taken:")
        print(result.frame[columns].to_string(float_format="{:,.2f}".format, max_colwidth=40))
        print("\nBy scope (GHG Protocol; scope 2 location-based):")
        print(result.by("scope").to_string(float_format="{:,.2f}".format))
    print(f"\nEnergy-related total: {result.total:,.1f}\n")
    print("2. The site's other greenhouse gases (FICTIONAL) in CO2e under every GWP metric\n")
    table = gas_table()
    with pd.option_context(
        "display.float_format",
        "{:,.1f}".format,
        "display.width",
        160,
        "display.max_columns",
        10,
    ):
        print("CO2e [t] by GWP metric:")
        print(table)

    default = cf.DEFAULT_METRIC
    total = sum(
        (cf.to_co2e(cf.Q_(a), metric=default) for a in FICTIONAL_GASES.values()),
        start=cf.Q_(0, f"t CO2e ({default})"),
    )
    print(f"\nOther gases with the library default metric {default}: {total:,.1f}")
    print(f"Site total ({default}): {result.total + total:,.1f}")

    print("\nGWP values used (kg CO2e per kg of gas) and where they come from:")
    for gas in ("CH4", "N2O", "HFC134a", "SF6"):
        g = cf.gwp(gas, default)
        print(f"  {gas:8} {g.value:>8g}  {g.source_id}, {g.source_locator}")

    electricity = cf.Q_(3800, "MWh")
    print(
        f"\nElectricity {electricity} = {electricity.to('tce'):,.1f} "
        "(calorific equivalent 当量值; 1 kgce = 29.3076 MJ)"
    )

    try:
        cf.to_co2e(cf.Q_(1, "t CH4"), "AR5GWP100") + total
    except cf.MixedMetricError as err:
        print(f"\nMixing metrics is refused: {err}")

    park = cf.examples.load_demo_park()
    print(f"\n3. {park.name}: {park.rows['entity'].nunique()} entities, {park.year}\n")
    print(cf.assess_zero_carbon_park(park.rows, region=park.region, year=park.year,
                                     guiding=park.guiding))  # fmt: skip

    product = "bracket at customer"
    result = cf.examples.load_demo_product().solve()
    print(f"\n4. Product footprint of a FICTIONAL die-cast aluminium {product}: "
          f"{result.co2e(product):.4f} per piece")  # fmt: skip
    print(result.contributions(product, by="stage").to_string(float_format="{:,.4f}".format))
    print("(examples/product_footprint.py goes on to uncertainty and the PACT document)")

    factory = cf.examples.load_demo_factory()
    evaluation = cf.evaluate_green_factory(factory, "example-provincial-mock")
    print(f"\n5. Green factory self-evaluation (GB/T 36132-2025) of the {factory.name}, "
          f"{factory.year} data, on the EXAMPLE provincial scheme:")  # fmt: skip
    print(evaluation.groups.to_string(index=False, float_format="{:,.2f}".format))
    print(f"total {evaluation.total:.2f} of {evaluation.maximum:g}")
    print(evaluation.diagnoses[0])
    print("(examples/green_factory.py prints the whole report and the national example scheme)")


if __name__ == "__main__":
    main()
