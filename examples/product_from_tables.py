"""A product system kept as two spreadsheets: one row per output, one row per input.

Reads the FICTIONAL demo bracket from ``examples/data/demo_product_outputs.csv`` and
``demo_product_inputs.csv`` (the same system as ``cf.examples.load_demo_product()``), solves
it, shows that writing the system back gives the same tables, and shows the error a mistyped
cell gets. Grid electricity and natural gas use the bundled MEE/NBS 2023 and GB/T 32150
tables; every factor marked FICTIONAL is made up.
Run: ``.venv/bin/python examples/product_from_tables.py``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import carbonfoot as cf

DATA = Path(__file__).parent / "data"
PRODUCT = "bracket at customer"


def main() -> None:
    """Read, solve, write back, and show a row-and-column error."""
    outputs, inputs = DATA / "demo_product_outputs.csv", DATA / "demo_product_inputs.csv"
    system = cf.ProductSystem.from_tables(outputs, inputs)
    print(f"read {len(system.processes)} processes from {outputs.name} and {inputs.name}")
    print(f"{PRODUCT}: {system.solve().co2e(PRODUCT):.4f} per piece (FICTIONAL demo product)")
    out_frame, in_frame = system.to_tables()
    same = out_frame.equals(pd.read_csv(outputs)) and in_frame.equals(
        pd.read_csv(inputs, dtype={"year": "Int64"})
    )
    print(f"written back, the tables are unchanged: {same}")
    broken = in_frame.astype({"amount": object})
    broken.loc[3, "amount"] = "650 kWh"  # a unit typed into the amount cell
    try:
        cf.ProductSystem.from_tables(out_frame, broken)
    except cf.errors.DataError as exc:
        print(f"a mistyped cell is refused: {exc}")


if __name__ == "__main__":
    main()
