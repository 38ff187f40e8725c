"""Quantities in pydantic models: a supplier's reported footprint, validated and round-tripped.

All values are FICTIONAL demo data.
"""

from __future__ import annotations

from typing import Annotated

import pydantic

import carbonfoot as cf


class SupplierReport(pydantic.BaseModel):
    """A supplier's annual report (fictional). Quantities arrive as strings."""

    supplier: str
    #: must be CO2e under AR6 GWP100 and not negative
    scope1: Annotated[cf.Quantity, cf.UnitSpec("t CO2e (AR6GWP100)", nonnegative=True)]
    #: any energy unit is accepted and stored in GJ
    energy: Annotated[cf.Quantity, cf.UnitSpec("GJ", nonnegative=True)]


def main() -> None:
    """Validate a good report and a bad one; print both outcomes."""
    good = SupplierReport(supplier="FICTIONAL Hefei Castings", scope1="1520 t CO2e (AR6GWP100)",
                          energy="850 tce")  # fmt: skip
    print(good.model_dump_json())
    again = SupplierReport.model_validate_json(good.model_dump_json())
    print("round trip equal:", again == good)

    try:
        SupplierReport(supplier="FICTIONAL Wuhu Plastics", scope1="1200 t CO2e (AR5GWP100)",
                       energy="-3 GJ")  # fmt: skip
    except pydantic.ValidationError as err:
        for problem in err.errors():
            print(f"rejected {problem['loc'][0]}: {problem['msg']}")


if __name__ == "__main__":
    main()
