"""Row-table machinery shared by `calculate`, `energy_consumption` and the park accounts.

Each of those codes a table of activity rows by distinct key, plans each key once (its unit
checks reduced to one number) and reports problems per row; the shared pieces live here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, TypeVar

import numpy as np
import pandas as pd
import pydantic

from carbonfoot._keys import Messages, as_year, factorize_keys
from carbonfoot.errors import (
    CarbonfootError,
    DataError,
    FactorNotFoundError,
    UnitError,
    ValidationError,
)
from carbonfoot.factors import activities
from carbonfoot.units import Q_, format_unit, parse_unit

__all__ = [
    "DEFAULT_REGION",
    "OVERRIDE_COLUMNS",
    "RowError",
    "as_frame",
    "density_hint",
    "is_energy",
    "key_problem",
    "plan_keys",
    "require_columns",
    "root_unit",
    "unit_coefficient",
]

#: A row's own values that replace the factor table's (each with its unit), and the factor's
#: gas and source.
OVERRIDE_COLUMNS: Final = (
    "ncv",
    "ncv_unit",
    "carbon_content",
    "carbon_content_unit",
    "oxidation_rate",
    "oxidation_rate_unit",
    "factor",
    "factor_unit",
    "factor_gas",
    "factor_source",
)

DEFAULT_REGION: Final = "CN"
"""Region used for rows that do not give one (recorded in the output's ``region`` column)."""

_ENERGY: Final = Q_(1, "J").dimensionality


class RowError(CarbonfootError):
    """Internal: the key cannot be computed; the message becomes each row's error."""


def unit_coefficient(units: Sequence[str], target: str, what: str) -> float:
    """Magnitude of the product of ``units`` in ``target``: one unit check for a whole key."""
    try:
        return _unit_product(tuple(units), target)
    except UnitError as exc:
        raise RowError(f"{what}: {exc}{density_hint(units)}") from None


@functools.lru_cache(maxsize=4096)
def _unit_product(units: tuple[str, ...], target: str) -> float:
    product = Q_(1.0, "")
    for unit in units:
        scale, parsed = parse_unit(unit)
        product = product * Q_(scale, parsed)
    return float(product.to(target).magnitude)


@functools.lru_cache(maxsize=4096)
def root_unit(unit: str) -> str | None:
    """The root-unit form of ``unit``: what it measures, whatever its size.

    ``"t"``, ``"kt"`` and ``"10^4 t"`` all give ``"g"``; ``"kg HFC-134a"`` gives
    ``"g HFC134a"``; energies give ``"g m^2 / s^2"``. Keys whose units share a root form can
    share a plan. None for units that are not plain multiples (``degC``), that do not parse, or
    whose root form does not parse back to itself.
    """
    try:
        _, parsed = parse_unit(unit)
        if Q_(0.0, parsed).to_root_units().magnitude != 0:
            return None
        root = Q_(1.0, parsed).to_root_units().units
        text = format_unit(str(root))
        back_scale, back = parse_unit(text)
    except UnitError:
        return None
    if back_scale != 1 or back != root or not text:
        return None
    return text


_MEASURES: Final = {
    Q_(1, "kg").dimensionality: "mass",
    Q_(1, "Nm3").dimensionality: "gas volume (Nm3)",
    Q_(1, "m3").dimensionality: "volume",
}


def _measure(unit: str, sign: int) -> str | None:
    """'mass', 'volume' or 'gas volume (Nm3)': what a unit measures (sign 1) or is per (-1)."""
    _, parsed = parse_unit(unit)
    for name, exponent in parsed._units.items():
        found = _MEASURES.get(Q_(1, name).dimensionality)
        if found and float(exponent) * sign > 0:  # type: ignore[arg-type]
            return found
    return None


def density_hint(units: Sequence[str]) -> str:
    """Explain a mass/volume mismatch between the amount and the factor's denominator."""
    try:
        given, wanted = _measure(units[0], 1), _measure(units[1], -1)
    except (UnitError, IndexError):
        return ""
    if {given, wanted} == {"volume", "gas volume (Nm3)"}:
        return (
            f" The amount is in {units[0]} but {units[1]} is per Nm3 (0 °C, 101.325 kPa): "
            "convert the metered volume to normal conditions with its temperature and "
            "pressure first; carbonfoot never assumes them."
        )
    if given and wanted and given != wanted:
        return (
            f" The amount is a {given} ({units[0]}) but {units[1]} is per {wanted}: convert "
            "the amount with a measured density first; carbonfoot never guesses one."
        )
    return ""


@functools.lru_cache(maxsize=1024)
def is_energy(unit: str) -> bool:
    _, parsed = parse_unit(unit)
    return Q_(1, parsed).dimensionality == _ENERGY


@functools.lru_cache(maxsize=1024, typed=True)  # typed: True is not the year 1
def _year(value: Any) -> int | str:
    """`as_year` of a key's year, or why it is not one (cached: keys repeat their years)."""
    try:
        return as_year(value)
    except ValidationError as exc:
        return str(exc)


def key_problem(key: dict[str, Any], known: Any) -> str:
    """Why a key cannot be computed before any factor is looked up ('' if it can).

    Normalizes the key in place: the year becomes an int, a missing region the default.
    """
    if key["activity"] is None:
        return "activity is missing"
    if key["activity"] not in known:
        return f"unknown activity {key['activity']!r} (see factors/activities.yaml)"
    if key["unit"] is None:
        return "unit is missing"
    if key["year"] is not None:
        year = _year(key["year"])
        if isinstance(year, str):
            return year
        key["year"] = year
    if key["region"] is None:
        key["region"] = DEFAULT_REGION
    return ""


def as_frame(rows_in: pd.DataFrame | Iterable[pydantic.BaseModel]) -> pd.DataFrame:
    """A DataFrame of activity rows from a DataFrame or a list of pydantic models."""
    if isinstance(rows_in, pd.DataFrame):
        return rows_in
    rows = list(rows_in)
    if not rows:
        return pd.DataFrame({"activity": [], "amount": [], "unit": []})
    if not all(isinstance(r, pydantic.BaseModel) for r in rows):
        raise ValidationError("activities must be a DataFrame or a list of cf.Activity models")
    return pd.DataFrame([r.model_dump() for r in rows])


Plan = TypeVar("Plan")


def plan_keys(
    frame: pd.DataFrame, key_sources: dict[str, str], plan: Callable[[dict[str, Any]], Plan]
) -> tuple[np.ndarray, list[dict[str, Any]], list[Plan | None], np.ndarray, Messages]:
    """Code the rows by distinct key and plan each key once; a key that cannot be planned gets
    its reason as an error code (the rows of that key will carry it).

    Returns the row codes, the keys, one plan (or None) per key, the error code per key, and
    the messages those codes refer to.
    """
    codes, keys = factorize_keys(frame, key_sources)
    messages = Messages()
    plans: list[Plan | None] = []
    key_error = np.zeros(len(keys), dtype=np.int64)
    known = activities()
    for number, key in enumerate(keys):
        problem = key_problem(key, known)
        made = None
        if not problem:
            try:
                made = plan(key)
            except (RowError, FactorNotFoundError, DataError, ValidationError, UnitError) as exc:
                problem = str(exc)
        plans.append(made)
        key_error[number] = messages.code(problem)
    return codes, keys, plans, key_error, messages


def require_columns(frame: pd.DataFrame, who: str) -> None:
    """Raise unless ``frame`` has the activity, amount and unit columns."""
    missing = [c for c in ("activity", "amount", "unit") if c not in frame.columns]
    if missing:
        raise ValidationError(
            f"{who} needs columns activity, amount and unit; missing {', '.join(missing)} "
            f"(given: {', '.join(map(str, frame.columns))})"
        )
