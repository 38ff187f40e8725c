"""Comprehensive energy consumption (综合能源消费量 / 综合能耗) in tonnes of coal equivalent.

GB/T 2589-2020 converts every energy carrier to standard coal (1 kgce = 29 307.6 kJ). For
electricity there are two conventions, and the choice is an argument, printed in every result:

* ``"calorific"`` (当量值): the energy content of the electricity itself, with the standard's
  published coefficient (0.1229 kgce/kWh in the bundled ``cn-standard-coal`` table);
* ``"primary"`` (等价值): the primary energy used to generate it, which depends on the year's coal
  consumption rate of power supply (供电标准煤耗). carbonfoot ships no such rate: pass
  ``power_supply_coal_rate`` (e.g. ``"300 gce/kWh"``) from the statistics you report under.

Each row's coefficient comes, in this order, from the row's own ``coal_coefficient``; for
electricity, the convention above; a published GB/T 2589 coefficient for the activity; the
fuel's net calorific value in the factor table divided by 29.3076 MJ/kgce (GB/T 2589 converts by
the low heating value); or, for amounts already given as energy, the energy itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, Literal

import numpy as np
import pandas as pd

from carbonfoot._keys import blank_cells, per_row
from carbonfoot._rows import (
    RowError,
    as_frame,
    is_energy,
    plan_keys,
    require_columns,
    unit_coefficient,
)
from carbonfoot.errors import FactorNotFoundError, ValidationError
from carbonfoot.factors import Factor, FactorTable, activities, load_factors
from carbonfoot.inventory import Activity
from carbonfoot.units import Q_, Quantity, format_unit

__all__ = ["ELECTRICITY_CONVENTIONS", "EnergyUse", "energy_consumption"]

ElectricityConvention = Literal["calorific", "primary"]
#: The two conventions for electricity, with their Chinese names.
ELECTRICITY_CONVENTIONS: Final[dict[str, str]] = {
    "calorific": "当量值 (calorific equivalent)",
    "primary": "等价值 (primary-energy equivalent)",
}
_KEY_SOURCES: Final[dict[str, str]] = {
    "activity": "activity",
    "unit": "unit",
    "region": "region",
    "year": "year",
    "dataset": "dataset",
    "calorific_basis": "calorific_basis",
    "coal_coefficient": "coal_coefficient_unit",
    "ncv": "ncv_unit",
    "sector": "sector",
}


@dataclass(frozen=True)
class _EnergyPlan:
    method: str
    coefficient: float  # tce per amount unit (times the row's own value, if any)
    row_value: str | None
    factors: tuple[Factor, ...]


def _plan(
    table: FactorTable, key: dict[str, Any], convention: str, supply_rate: Quantity | None
) -> _EnergyPlan:
    activity, unit = key["activity"], key["unit"]
    kind = activities()[activity].kind
    if kind == "direct_gas":
        return _EnergyPlan("not energy (a mass of gas): 0 tce", 0.0, None, ())
    if kind == "process":  # the plant's fuel and electricity come in rows of their own
        return _EnergyPlan(
            "not energy (tonnes of product for process emissions): 0 tce", 0.0, None, ()
        )
    if key["coal_coefficient"]:
        coefficient = unit_coefficient([unit, key["coal_coefficient"]], "tce", "own coefficient")
        return _EnergyPlan("own coefficient", coefficient, "coal_coefficient", ())
    if key["ncv"]:
        coefficient = unit_coefficient([unit, key["ncv"]], "tce", "amount × own NCV")
        return _EnergyPlan("amount × own NCV ÷ 29.3076 MJ/kgce", coefficient, "ncv", ())
    if kind in ("electricity", "renewable_electricity"):
        if convention == "primary":
            if supply_rate is None:
                raise RowError(
                    "the primary-energy convention (等价值) for electricity needs "
                    "power_supply_coal_rate (供电标准煤耗, e.g. '300 gce/kWh'); carbonfoot "
                    "ships no such rate"
                )
            coefficient = unit_coefficient([unit, str(supply_rate.units)], "tce", "electricity")
            method = f"electricity 等价值: amount × {supply_rate} (power_supply_coal_rate)"
            return _EnergyPlan(method, coefficient * float(supply_rate.magnitude), None, ())
        key = dict(key, activity="electricity.grid")
    published = _published(table, key)
    if published is not None:
        coefficient = unit_coefficient([unit, published.unit], "tce", f"{activity} × coefficient")
        label = "当量值" if published.parameter == "coal_equivalent_calorific" else "等价值"
        method = f"GB/T 2589 coefficient ({label})"
        return _EnergyPlan(method, coefficient * published.value, None, (published,))
    if is_energy(unit):
        if kind == "fuel" and key["calorific_basis"] != "net":
            raise RowError(
                f"the amount of {activity} is given as energy ({unit}); state its "
                "calorific_basis ('net'): standard coal is defined on the net (low) heating "
                "value, and carbonfoot never converts gross to net"
            )
        return _EnergyPlan(
            "energy ÷ 29.3076 MJ/kgce", unit_coefficient([unit], "tce", unit), None, ()
        )
    try:
        ncv = table.select(
            activity,
            key["region"],
            key["year"],
            parameter="ncv",
            sector=key["sector"],
            dataset=key["dataset"],
        )
    except FactorNotFoundError:
        raise RowError(
            f"no GB/T 2589 coefficient and no net calorific value for {activity} in the "
            "factor table; give the row its own coal_coefficient or ncv"
        ) from None
    coefficient = unit_coefficient([unit, ncv.unit], "tce", f"{activity} × {ncv.factor_id}")
    return _EnergyPlan("amount × NCV ÷ 29.3076 MJ/kgce", coefficient * ncv.value, None, (ncv,))


def _published(table: FactorTable, key: dict[str, Any]) -> Factor | None:
    """The GB/T 2589 coefficient of the activity: 当量值, else 等价值 (working media)."""
    for parameter in ("coal_equivalent_calorific", "coal_equivalent_primary"):
        try:
            return table.select(key["activity"], key["region"], key["year"], parameter=parameter)
        except FactorNotFoundError:
            continue
    return None


def energy_consumption(
    activities_in: pd.DataFrame | Iterable[Activity],
    factors: FactorTable | None = None,
    *,
    electricity: ElectricityConvention = "calorific",
    power_supply_coal_rate: Quantity | str | None = None,
    errors: Literal["raise", "collect"] = "raise",
) -> EnergyUse:
    """Comprehensive energy consumption of a table of activity data, in tce (GB/T 2589-2020).

    Parameters
    ----------
    activities_in
        Rows with ``activity``, ``amount``, ``unit`` (as for `calculate`); optional ``region``,
        ``year``, ``dataset``, ``calorific_basis``, and the row's own ``coal_coefficient`` with
        ``coal_coefficient_unit`` (e.g. ``"kgce / kg"``) or ``ncv`` with ``ncv_unit``.
    factors
        Table with ``coal_equivalent_*`` and ``ncv`` rows; default: all bundled datasets.
    electricity
        ``"calorific"`` (当量值, default) or ``"primary"`` (等价值).
    power_supply_coal_rate
        Coal consumption rate of power supply (供电标准煤耗), required for ``"primary"``.
    errors
        ``"raise"`` or ``"collect"``, as for `calculate`.

    Returns
    -------
    EnergyUse
        One row per input row with ``energy [tce]``, method, factor ids and errors.

    Examples
    --------
    >>> import pandas as pd, carbonfoot as cf
    >>> rows = pd.DataFrame({"activity": ["electricity.grid", "fuel.natural_gas"],
    ...                      "amount": [1000.0, 1.0], "unit": ["MWh", "10^4 Nm3"]})
    >>> use = cf.energy_consumption(rows)
    >>> print(f"{use.total:.3f}")  # 1000 MWh × 0.1229 + 389.31 GJ ÷ 29.3076 GJ/tce
    136.184 tce
    """
    if electricity not in ELECTRICITY_CONVENTIONS:
        raise ValidationError(
            f"electricity must be one of {', '.join(ELECTRICITY_CONVENTIONS)}, got {electricity!r}"
        )
    if errors not in ("raise", "collect"):
        raise ValidationError(f"errors must be 'raise' or 'collect', got {errors!r}")
    supply_rate = None
    if power_supply_coal_rate is not None:
        supply_rate = (
            Q_(power_supply_coal_rate)
            if isinstance(power_supply_coal_rate, str)
            else power_supply_coal_rate
        )
        if (
            supply_rate.dimensionality != Q_(1, "gce/kWh").dimensionality
            or supply_rate.magnitude <= 0
        ):
            raise ValidationError(
                f"power_supply_coal_rate must be a positive coal amount per electricity, e.g. "
                f"'300 gce/kWh'; got {supply_rate}"
            )
    frame = as_frame(activities_in)
    require_columns(frame, "energy_consumption")
    table = factors if factors is not None else load_factors()
    codes, _, plans, key_error, messages = plan_keys(
        frame, _KEY_SOURCES, lambda key: _plan(table, key, electricity, supply_rate)
    )

    amount = pd.to_numeric(frame["amount"], errors="coerce").to_numpy(dtype=float)
    row_error = np.zeros(len(frame), dtype=np.int64)
    messages.flag(
        row_error, ~np.isfinite(amount), "amount is missing, NaN, infinite or not a number"
    )
    messages.flag(row_error, amount < 0, "amount is negative")
    own: dict[str, np.ndarray] = {}
    for value_column, unit_column in (
        ("coal_coefficient", "coal_coefficient_unit"),
        ("ncv", "ncv_unit"),
    ):
        if value_column in frame.columns:
            values = pd.to_numeric(frame[value_column], errors="coerce").to_numpy(dtype=float)
            given = ~blank_cells(frame[value_column])
            has_unit = ~blank_cells(frame[unit_column]) if unit_column in frame else given & False
            messages.flag(
                row_error, given & ~(values > 0), f"{value_column} must be a positive number"
            )
            messages.flag(row_error, given & ~has_unit, f"{value_column} needs {unit_column}")
            messages.flag(
                row_error, ~given & has_unit, f"{unit_column} given without {value_column}"
            )
            own[value_column] = values
    row_error = np.where(row_error == 0, key_error[codes], row_error)
    bad = row_error != 0
    if errors == "raise" and bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValidationError(
            f"row {frame.index[first]!r} ({frame['activity'].iloc[first]}, "
            f"{frame['amount'].iloc[first]} {frame['unit'].iloc[first]}): "
            f"{messages.texts[row_error[first]]}"
        )
    coefficient = np.array([p.coefficient if p else np.nan for p in plans])[codes]
    tce = amount * coefficient
    for name, values in own.items():
        uses = np.array([bool(p and p.row_value == name) for p in plans])[codes]
        tce = np.where(uses, tce * values, tce)
    tce[bad] = np.nan
    out = pd.DataFrame(
        {
            "activity": frame["activity"].to_numpy(),
            "amount": amount,
            "unit": frame["unit"].to_numpy(),
            "energy [tce]": tce,
            "method": per_row([p.method if p else "" for p in plans], codes, bad),
            "factor_id": per_row(
                ["; ".join(f.factor_id for f in p.factors) if p else "" for p in plans], codes, bad
            ),
            "error": messages.categorical(row_error),
        },
        index=frame.index,
    )
    for tag in ("entity", "period", "scope", "category"):
        if tag in frame.columns:
            out[tag] = frame[tag].to_numpy()
    return EnergyUse(out, electricity, supply_rate)


class EnergyUse:
    """Result of `energy_consumption`: rows in tce, the electricity convention, the total."""

    def __init__(self, frame: pd.DataFrame, electricity: str, supply_rate: Quantity | None) -> None:
        self.frame = frame
        self.electricity = electricity
        self.power_supply_coal_rate = supply_rate

    @property
    def total(self) -> Quantity:
        """Comprehensive energy consumption of the rows without errors [tce]."""
        return Q_(float(np.nansum(self.frame["energy [tce]"].to_numpy())), "tce")

    @property
    def convention(self) -> str:
        """The electricity convention as printed, e.g. ``当量值 (calorific equivalent)``."""
        text = ELECTRICITY_CONVENTIONS[self.electricity]
        rate = self.power_supply_coal_rate
        if rate is not None and self.electricity == "primary":
            text += f", {rate.magnitude:g} {format_unit(rate._units)}"
        return text

    @property
    def errors(self) -> pd.DataFrame:
        """Rows that could not be converted, with their reasons."""
        return self.frame.loc[self.frame["error"] != "", ["activity", "amount", "unit", "error"]]

    def by(self, *columns: str) -> pd.DataFrame:
        """Sum ``energy [tce]`` by columns of the result."""
        unknown = [c for c in columns if c not in self.frame.columns]
        if unknown or not columns:
            raise ValidationError(
                f"by() needs columns of the result; unknown: {unknown or '(none)'}"
            )
        return self.frame.groupby(list(columns), observed=True, dropna=False)[["energy [tce]"]].sum(
            min_count=1
        )

    def __repr__(self) -> str:
        bad = int((self.frame["error"] != "").sum())
        return (
            f"<EnergyUse: {len(self.frame)} rows, {self.total:,.6g}, electricity as "
            f"{self.convention}{f', {bad} rows with errors' if bad else ''}>"
        )
