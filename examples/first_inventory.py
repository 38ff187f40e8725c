"""Your first inventory: a fictional factory's 2024 energy use turned into emissions by scope.

All activity data are FICTIONAL demo data (``examples/data/demo_factory_2024.csv``: a small
ceramics factory in Anhui, not a real site). The emission factors come from carbonfoot's bundled
tables; the script prints which one each row used. It is the script version of the tutorial
``docs/tutorials/first-inventory.md`` and runs from any directory.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import carbonfoot as cf

#: FICTIONAL activity data, located next to this script so that it runs from any directory.
DATA = Path(__file__).resolve().parent / "data" / "demo_factory_2024.csv"


def inventory(path: Path = DATA) -> cf.Emissions:
    """Emissions of the activity rows in ``path``, IPCC CH4/N2O included (sector manufacturing)."""
    rows = pd.read_csv(path, comment="#")
    rows["sector"] = "manufacturing"
    return cf.calculate(rows)


def main() -> None:
    """Print the fictional factory's inventory by scope, its total and the factors used."""
    result = inventory()
    print("FICTIONAL ceramics factory in Anhui, 2024 (demo data, not a real site)\n")
    with pd.option_context("display.float_format", "{:,.3f}".format, "display.width", 120):
        print("Emissions by scope [t]:")
        print(result.by("scope"))
    print(f"\nTotal: {result.total:,.1f}")

    print("\nFactors used, with the fallbacks taken in selecting them:")
    for _, row in result.frame.iterrows():
        print(f"  {row['activity']} ({row['fallback'] or 'exact match'})")
        for factor_id in str(row["factor_id"]).split(";"):
            print(f"      {factor_id}")


if __name__ == "__main__":
    main()
