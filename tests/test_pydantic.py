"""Quantities in pydantic models: strings in, strings out, validated."""

from __future__ import annotations

from typing import Annotated

import numpy as np
import pydantic
import pytest

import carbonfoot as cf
from carbonfoot.testing import assert_quantity_close


class Reported(pydantic.BaseModel):
    total: cf.Quantity
    scope1: Annotated[cf.Quantity, cf.UnitSpec("t CO2e (AR6GWP100)", nonnegative=True)]
    fuel: Annotated[cf.Quantity, cf.UnitSpec("GJ", nonnegative=True)] | None = None


def test_strings_in_and_out() -> None:
    model = Reported(total="12.5 t CO2e", scope1="3 t CO2e (AR6GWP100)", fuel="2 tce")
    assert isinstance(model.total, cf.Quantity)
    dumped = model.model_dump()
    assert dumped["total"] == "12.5 t CO2e"
    assert dumped["scope1"] == "3 t CO2e (AR6GWP100)"
    assert_quantity_close(dumped["fuel"], "58.6152 GJ")  # 2 tce * 29.3076 GJ/tce
    again = Reported.model_validate_json(model.model_dump_json())
    assert_quantity_close(again.fuel, model.fuel)  # type: ignore[arg-type]
    assert again.total == model.total


def test_quantity_objects_are_accepted_and_converted() -> None:
    model = Reported(total=cf.Q_(1, "kg"), scope1=cf.to_co2e(cf.Q_(1, "kg N2O")))
    assert str(model.scope1) == "0.273 t CO2e (AR6GWP100)"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("scope1", "-1 t CO2e (AR6GWP100)", "negative"),
        ("scope1", "nan t CO2e (AR6GWP100)", "NaN"),
        ("scope1", "1 t CO2e (AR5GWP100)", "different GWP metrics"),
        ("scope1", "1 t CH4", "needs a GWP metric"),
        ("scope1", "1 t CO2e", "no GWP metric stated"),
        ("scope1", "1 t unobtainium", "Unknown unit"),
        ("scope1", 12, "must be a quantity"),
        ("fuel", "1 t", "dimensions differ"),
    ],
)
def test_bad_values_name_the_field(field: str, value: object, message: str) -> None:
    data: dict[str, object] = {"total": "1 t", "scope1": "1 t CO2e (AR6GWP100)", field: value}
    with pytest.raises(pydantic.ValidationError, match=message) as info:
        Reported.model_validate(data)
    assert field in str(info.value)


def test_serialization_json_schema_is_a_string() -> None:
    schema = Reported.model_json_schema(mode="serialization")
    assert schema["properties"]["scope1"]["type"] == "string"
    assert Reported.model_json_schema()["properties"]["total"]["type"] == "string"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (cf.Q_(np.array([1.0, 2.0]), "t CO2e (AR6GWP100)"), "holds one number"),
        ("", "empty string"),
    ],
)
def test_fields_hold_one_nonempty_quantity(value: object, message: str) -> None:
    with pytest.raises(pydantic.ValidationError, match=message):
        Reported(total="1 t", scope1=value)
