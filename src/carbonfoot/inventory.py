"""The activity → emissions engine: unit-safe, vectorized, with an audit trail per row.

``cf.calculate(activities)`` turns a table of activity data (fuel burned, electricity bought,
heat bought ...) into per-gas masses and CO2e, one output row per input row, each with the
factors used, the fallback taken, the method and, when collected, the row's error.

How it stays fast: rows are grouped by their distinct key (activity, unit, region, year,
sector, dataset, instrument and which overrides they carry). For each key the method is chosen
and every unit conversion is reduced to one number, once; the rows are then plain numpy
arithmetic. No `Quantity` is built per row.

Methods, chosen by the factors available for the activity:

* **own factor** — the row gives ``factor`` and ``factor_unit`` (and ``factor_source``).
* **fuel combustion, GB/T 32150** — NCV × carbon content per unit heat × oxidation rate × 44/12
  (each from the row's overrides or the factor table).
* **fuel combustion, IPCC** — NCV × CO2 factor per unit of energy (100 % oxidation, IPCC 2006
  Vol.2 Table 1.4) when no carbon content/oxidation rate exists; plus CH4 and N2O per unit
  of energy when the row names its ``sector`` and the table has them.
* **direct** — amount × emission factor per unit of activity (grid electricity, purchased heat).
* **scope 2 market-based** — contractual instruments (绿证 green certificates, 绿电 green power,
  supplier-specific factors) and otherwise the residual mix (the national grid factor excluding
  market-traded non-fossil power).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, Literal, NamedTuple

import numpy as np
import pandas as pd
import pydantic

from carbonfoot._keys import Messages, blank_cells, per_row
from carbonfoot._rows import (
    DEFAULT_REGION,
    OVERRIDE_COLUMNS,
    RowError,
    as_frame,
    is_energy,
    plan_keys,
    require_columns,
    root_unit,
    unit_coefficient,
)
from carbonfoot.errors import (
    DataError,
    FactorNotFoundError,
    MixedMetricError,
    UnitError,
    ValidationError,
)
from carbonfoot.factors import Factor, FactorTable, activities, load_factors
from carbonfoot.units import (
    DEFAULT_METRIC,
    GASES,
    Q_,
    Quantity,
    canonical_gas,
    check_metric,
    dimensionless_value,
    gwp,
    metric_of,
    parse_unit,
)

__all__ = [
    "DEFAULT_REGION",
    "INSTRUMENTS",
    "Activity",
    "Emissions",
    "calculate",
]


#: Contractual instruments for market-based scope 2 (GHG Protocol Scope 2 Guidance).
INSTRUMENTS: Final[dict[str, str]] = {
    "green_certificate": "绿证 green electricity certificate",
    "green_power": "绿电 green power purchase (with certificates)",
    "supplier_specific": "supplier-specific emission factor",
}
_ZERO_EMISSION_INSTRUMENTS: Final = frozenset({"green_certificate", "green_power"})
_SCOPE_BY_KIND: Final[dict[str, int]] = {
    "fuel": 1,
    "direct_gas": 1,
    "process": 1,  # industrial process emissions per tonne of product (IPCC IPPU)
    "renewable_electricity": 1,
    "electricity": 2,
    "heat": 2,
}
_TAG_COLUMNS: Final = ("scope", "category", "stage", "entity", "period")
_CARRIED_COLUMNS: Final = ("sector", "calorific_basis", "instrument", *OVERRIDE_COLUMNS)
_OVERRIDES: Final[dict[str, str]] = {
    "ncv": "ncv_unit",
    "carbon_content": "carbon_content_unit",
    "oxidation_rate": "oxidation_rate_unit",
    "factor": "factor_unit",
}


class Activity(pydantic.BaseModel):
    """One line of activity data, for callers who prefer models to DataFrames.

    ``cf.calculate([Activity(...), ...])`` is the same as passing a DataFrame of these fields.
    """

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)

    activity: str
    amount: float
    unit: str
    region: str | None = None
    year: int | None = None
    sector: str | None = None
    dataset: str | None = None
    calorific_basis: Literal["net", "gross"] | None = None
    scope: int | None = None
    category: str | None = None
    stage: str | None = None
    entity: str | None = None
    period: str | None = None
    instrument: str | None = None
    ncv: float | None = None
    ncv_unit: str | None = None
    carbon_content: float | None = None
    carbon_content_unit: str | None = None
    oxidation_rate: float | None = None
    oxidation_rate_unit: str | None = None
    factor: float | None = None
    factor_unit: str | None = None
    factor_gas: str | None = None
    factor_source: str | None = None


# --------------------------------------------------------------------------------------
# Plans: what one distinct key of rows computes
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Term:
    """Mass of one gas [t] = amount × coefficient × (product of the row's override values).

    A term is planned without the amount's unit: its coefficient is the amount's unit times
    ``units`` expressed in ``target``, times ``values`` (factor values, in this order), worked
    out per key by `coefficient`. A term without a target is 0 t.
    """

    gas: str
    units: tuple[str, ...] = ()
    target: str = ""
    values: tuple[float, ...] = ()
    row_values: tuple[str, ...] = ()
    what: str = ""

    def coefficient(self, amount_unit: str) -> float:
        """The coefficient for amounts in ``amount_unit``; RowError if the units do not fit."""
        if not self.target:
            return 0.0
        value = unit_coefficient([amount_unit, *self.units], self.target, self.what)
        for factor_value in self.values:
            value = value * factor_value
        return value


class _Plan(NamedTuple):
    """How the rows of one key are computed; ``coefficients`` (one per term) once priced."""

    method: str
    terms: tuple[_Term, ...]
    factors: tuple[Factor, ...]
    coefficients: tuple[float, ...] = ()


def _tonnes_of(gas: str) -> str:
    return f"t {gas}"


_ENERGY: Final = Q_(1, "J").dimensionality


class _Lookup:
    """The factor table as one `calculate` run's plans see it (the table memoizes selections).

    Selections by a key's activity, region, year, sector and dataset; the gases an activity
    has factors for, once per activity; and the eager unit check of `made`.
    """

    def __init__(self, table: FactorTable) -> None:
        self.table = table
        self._gases: dict[tuple[str, str | None], list[str]] = {}
        #: While a key is planned in its own unit: price each term as it is made, so that a
        #: unit error comes before any later lookup's error (as when planning term by term).
        self.eager_unit: str | None = None

    def made(self, term: _Term) -> _Term:
        """Return ``term``, checked against the key's own unit while `eager_unit` is set."""
        if self.eager_unit is not None:
            term.coefficient(self.eager_unit)
        return term

    def select(
        self, key: dict[str, Any], gas: str | None = None, parameter: str = "emission_factor"
    ) -> Factor:
        return self.table.select(
            key["activity"],
            key["region"],
            key["year"],
            gas=gas,
            parameter=parameter,
            sector=key["sector"],
            dataset=key["dataset"],
        )

    def maybe(
        self, key: dict[str, Any], gas: str | None = None, parameter: str = "emission_factor"
    ) -> Factor | None:
        try:
            return self.select(key, gas, parameter)
        except FactorNotFoundError:
            return None

    def gases_with_factors(self, key: dict[str, Any]) -> list[str]:
        """The gases the table has emission factors for, for this key's activity (and dataset)."""
        memo_key = (key["activity"], key["dataset"])
        if memo_key not in self._gases:
            rows = self.table._index().get((key["activity"], "emission_factor"), [])
            self._gases[memo_key] = sorted(
                {r["gas"] for r in rows if r["gas"] and key["dataset"] in (None, r["dataset"])}
            )
        return self._gases[memo_key]


def _plan(table: _Lookup, key: dict[str, Any], scope2_method: str) -> _Plan:
    """Choose the method for one distinct key and reduce its unit conversions to numbers.

    Order: scope-2 instruments (they decide everything for their rows), then the row's own
    factor, then fuel combustion, then a direct factor.
    """
    activity = key["activity"]
    instrument = key["instrument"]
    if instrument is not None:
        if instrument not in INSTRUMENTS:
            raise RowError(f"unknown instrument {instrument!r}; valid: {', '.join(INSTRUMENTS)}")
        if activity != _MARKET_ACTIVITY:
            raise RowError(
                f"instrument {instrument!r} applies to purchased grid electricity "
                f"({_MARKET_ACTIVITY}) only, not to {activity}"
            )
        if scope2_method == "location":
            # location-based scope 2 counts the grid average whatever was contracted (GHG
            # Protocol Scope 2 Guidance); the instrument and any own factor are market-only
            plan = _direct_plan(table, dict(key, factor=None), activity)
            return _with_note(plan, f"location-based: {instrument} ignored")
        return _market_plan(table, key)
    if key["factor"]:
        return _own_factor_plan(key)
    if activity == _MARKET_ACTIVITY and scope2_method == "market":
        return _market_plan(table, key)
    kind = activities()[activity].kind if activity in activities() else ""
    if kind == "direct_gas":
        return _direct_gas_plan(key["unit"], activity)
    if kind == "renewable_electricity":
        return _Plan("on-site renewable electricity: 0 t CO2 (no combustion)", (_Term("CO2"),), ())
    if kind == "fuel":
        combustion = _combustion_plan(table, key)
        if combustion is not None:
            return combustion
    return _direct_plan(table, key, activity)


class _Planner:
    """Plans each key of a run, sharing the work between keys whose units differ only in size.

    A plan does not depend on the size of the amount's unit (t, kt, 10^4 t), only on what it
    measures, so it is made once per unit root form (`root_unit`) and then priced for each
    key's own unit: the coefficients come from that unit directly, exactly as if the key had
    been planned alone. A key whose shared plan fails is planned again in its own unit, so
    that the error names the unit the row gave.
    """

    def __init__(self, lookup: _Lookup, scope2_method: str) -> None:
        self.lookup = lookup
        self.scope2_method = scope2_method
        self._memo: dict[tuple[Any, ...], _Plan | None] = {}

    def plan(self, key: dict[str, Any]) -> _Plan:
        root = root_unit(key["unit"])
        shared = None
        if root is not None:
            values = list(key.values())
            values[list(key).index("unit")] = root
            memo_key = tuple(values)
            if memo_key not in self._memo:
                try:
                    self._memo[memo_key] = _plan(
                        self.lookup, dict(key, unit=root), self.scope2_method
                    )
                except (RowError, FactorNotFoundError, DataError, ValidationError, UnitError):
                    self._memo[memo_key] = None
            shared = self._memo[memo_key]
        if shared is None:  # planned in its own unit, so that its error names that unit
            self.lookup.eager_unit = key["unit"]
            try:
                shared = _plan(self.lookup, key, self.scope2_method)
            finally:
                self.lookup.eager_unit = None
        coefficients = tuple(term.coefficient(key["unit"]) for term in shared.terms)
        return _Plan(shared.method, shared.terms, shared.factors, coefficients)


_GAS_CANDIDATES: Final = ("CO2", *GASES)


def _direct_gas_plan(unit: str, activity: str) -> _Plan:
    """The amount is itself a mass of one greenhouse gas (process or fugitive emissions)."""
    try:
        _, parsed = parse_unit(unit)
    except UnitError as exc:
        raise RowError(f"{activity}: {exc}") from None
    metric = metric_of(Q_(1, parsed))
    if metric is not None and metric != "unknown":
        term = _Term(f"CO2e({metric})", (), f"t CO2e ({metric})", (), (), activity)
        term.coefficient(unit)  # the unit check, here, so that a bad unit is this key's error
        return _Plan(f"direct: amount is CO2e ({metric})", (term,), ())
    for gas in _GAS_CANDIDATES:
        term = _Term(gas, (), f"t {gas}", (), (), activity)
        try:
            term.coefficient(unit)
        except RowError:
            continue
        return _Plan(f"direct: amount is the mass of {gas}", (term,), ())
    raise RowError(
        f"{activity} takes the mass of one greenhouse gas as its unit, e.g. 't CO2', "
        f"'kg HFC-134a', 'kg SF6'; got {unit!r}"
    )


def _own_factor_plan(key: dict[str, Any]) -> _Plan:
    unit = key["factor"]  # the key holds the override's unit (its value multiplies per row)
    gas = _factor_gas(key["factor_gas"], unit)
    target = f"t {gas}" if not gas.startswith("CO2e") else f"t CO2e ({gas[5:-1]})"
    term = _Term(gas, (unit,), target, (), ("factor",), "own factor × amount")
    method = "own factor" + (" (supplier-specific)" if key["instrument"] else "")
    return _Plan(method, (term,), ())


def _factor_gas(given: str | None, unit: str) -> str:
    """The gas of an own factor: ``factor_gas`` (any spelling) or, for CO2e, from the unit.

    CO2e factors are returned as ``"CO2e(<metric>)"`` so that the metric travels with them.
    """
    if given is None or given.replace(" ", "").startswith("CO2e"):
        _, parsed = parse_unit(unit)
        metric = metric_of(Q_(1, parsed))
        if metric is None and given is None:
            return "CO2"
        if metric in (None, "unknown"):
            raise RowError(
                f"own factor in {unit!r} is CO2e without a stated GWP metric; write e.g. "
                "'t CO2e (AR6GWP100) / MWh'"
            )
        return f"CO2e({metric})"
    try:
        return canonical_gas(given)
    except FactorNotFoundError as exc:
        raise RowError(f"factor_gas: {exc}") from None


_MARKET_ACTIVITY: Final = "electricity.grid"


def _with_note(plan: _Plan, note: str) -> _Plan:
    return _Plan(f"{plan.method} ({note})", plan.terms, plan.factors)


def _direct_plan(table: _Lookup, key: dict[str, Any], activity: str) -> _Plan:
    gases = table.gases_with_factors(key)
    if not gases:
        raise RowError(
            f"no emission factor for activity {activity!r} in the factor table; known "
            "activities are in factors/activities.yaml, or give the row its own factor"
        )
    terms, used = [], []
    for gas in gases:
        factor = table.select(key, gas=gas)
        term_gas = _factor_gas(gas, factor.unit)  # CO2e factors carry their metric
        target = f"t CO2e ({term_gas[5:-1]})" if term_gas.startswith("CO2e(") else f"t {gas}"
        what = f"{activity} amount × {factor.factor_id}"
        terms.append(table.made(_Term(term_gas, (factor.unit,), target, (factor.value,), (), what)))
        used.append(factor)
    return _Plan("direct: amount × emission factor", tuple(terms), tuple(used))


def _market_plan(table: _Lookup, key: dict[str, Any]) -> _Plan:
    instrument = key["instrument"]
    if instrument in _ZERO_EMISSION_INSTRUMENTS:
        if key["factor"]:
            raise RowError(f"a {instrument} row counts 0 t CO2; it cannot also have its own factor")
        method = f"market-based: {INSTRUMENTS[instrument]} (0 t CO2)"
        return _Plan(method, (_Term("CO2"),), ())
    if instrument == "supplier_specific":
        if not key["factor"]:
            raise RowError(
                "instrument 'supplier_specific' needs the row's own factor and factor_unit"
            )
        return _own_factor_plan(key)
    residual = dict(key, activity="electricity.grid.excl_market_nonfossil")
    factor = table.select(residual, gas="CO2")
    return _Plan(
        "market-based: residual mix (grid average excluding market-traded non-fossil power)",
        (_Term("CO2", (factor.unit,), "t CO2", (factor.value,), (), "residual mix"),),
        (factor,),
    )


def _parameter(
    table: _Lookup, key: dict[str, Any], name: str
) -> tuple[float, str, Factor | None] | None:
    """(value, unit, factor) of a combustion parameter, or None if unavailable.

    A row override gives the unit; its value multiplies per row, so the value here is 1.
    """
    if key[name]:
        return 1.0, key[name], None
    factor = table.maybe(key, parameter=name)
    if factor is None:
        return None
    return factor.value, factor.unit, factor


def _combustion_plan(table: _Lookup, key: dict[str, Any]) -> _Plan | None:
    activity, amount_unit = key["activity"], key["unit"]
    energy_input = is_energy(amount_unit)
    if energy_input and key["calorific_basis"] != "net":
        got = " (got 'gross')" if key["calorific_basis"] == "gross" else ""
        raise RowError(
            f"the amount of {activity} is given as energy ({amount_unit}); state its "
            "calorific_basis. The combustion factors are on a net (NCV) basis, and carbonfoot "
            f"never converts between gross and net{got}"
        )
    if key["ncv"] and key["calorific_basis"] == "gross":
        raise RowError(
            "the row's ncv is a net calorific value by definition, but calorific_basis says "
            "'gross'; carbonfoot never converts between gross and net"
        )
    energy_units: tuple[str, ...] = ()  # after the amount's own unit
    energy_values: tuple[str, ...] = ()
    energy_value = 1.0
    factors: list[Factor] = []
    if not energy_input:
        ncv = _parameter(table, key, "ncv")
        if ncv is None:
            return None
        energy_value, ncv_unit, ncv_factor = ncv
        energy_units = (ncv_unit,)
        energy_values = ("ncv",) if key["ncv"] else ()
        if ncv_factor is not None:
            if ncv_factor.calorific_basis == "gross":
                raise RowError(f"{ncv_factor.factor_id} is a gross value; the method needs net")
            factors.append(ncv_factor)
    carbon = _parameter(table, key, "carbon_content")
    oxidation = _parameter(table, key, "oxidation_rate")
    terms: list[_Term] = []
    what = f"{activity}: amount × NCV"
    if carbon is not None and oxidation is not None:
        row_values = energy_values + tuple(
            n for n in ("carbon_content", "oxidation_rate") if key[n]
        )
        terms.append(
            table.made(
                _Term(
                    "CO2",
                    (*energy_units, carbon[1], oxidation[1]),
                    "t CO2",
                    (energy_value, carbon[0], oxidation[0]),
                    row_values,
                    f"{what} × carbon × oxidation",
                )
            )
        )
        factors += [p[2] for p in (carbon, oxidation) if p[2] is not None]
        method = "fuel combustion (GB/T 32150): amount × NCV × carbon content × oxidation × 44/12"
    else:
        co2 = table.maybe(key, gas="CO2")
        if co2 is None or not _per_energy(co2.unit):
            if key["carbon_content"] or key["oxidation_rate"]:
                raise RowError(f"{activity}: give both carbon_content and oxidation_rate")
            return None
        terms.append(
            table.made(
                _Term(
                    "CO2",
                    (*energy_units, co2.unit),
                    "t CO2",
                    (energy_value, co2.value),
                    energy_values,
                    f"{what} × {co2.factor_id}",
                )
            )
        )
        factors.append(co2)
        method = "fuel combustion (IPCC 2006): amount × NCV × CO2 factor per energy"
    if key["sector"] is not None:
        added = []
        for gas in ("CH4", "N2O"):
            other = table.maybe(key, gas=gas)
            if other is None or not _per_energy(other.unit):
                continue
            terms.append(
                table.made(
                    _Term(
                        gas,
                        (*energy_units, other.unit),
                        _tonnes_of(gas),
                        (energy_value, other.value),
                        energy_values,
                        f"{what} × {other.factor_id}",
                    )
                )
            )
            factors.append(other)
            added.append(gas)
        if added:
            method += f"; {', '.join(added)} per energy for sector {key['sector']}"
        else:
            method += f"; no CH4/N2O factors for sector {key['sector']} in the table"
    if energy_input:
        method += " (amount given as net energy)"
    return _Plan(method, tuple(terms), tuple(factors))


@functools.lru_cache(maxsize=1024)
def _per_energy(unit: str) -> bool:
    """Whether a factor's unit is per unit of energy (e.g. kg CO2 / TJ)."""
    _, parsed = parse_unit(unit)
    return any(
        float(exponent) < 0 and Q_(1, name).dimensionality == _ENERGY  # type: ignore[arg-type]
        for name, exponent in parsed._units.items()
    )


# --------------------------------------------------------------------------------------
# Input table
# --------------------------------------------------------------------------------------


#: The key of a plan: its name → the input column it comes from.
_KEY_SOURCES: Final[dict[str, str]] = {
    "activity": "activity",
    "unit": "unit",
    "region": "region",
    "year": "year",
    "sector": "sector",
    "dataset": "dataset",
    "instrument": "instrument",
    "calorific_basis": "calorific_basis",
    "factor_gas": "factor_gas",
    **_OVERRIDES,
}


# --------------------------------------------------------------------------------------
# The public function and result
# --------------------------------------------------------------------------------------


def calculate(
    activities_in: pd.DataFrame | Iterable[Activity],
    factors: FactorTable | None = None,
    metric: str = DEFAULT_METRIC,
    *,
    errors: Literal["raise", "collect"] = "raise",
    scope2_method: Literal["location", "market"] = "location",
    allow_negative: bool = False,
) -> Emissions:
    """Compute emissions for every row of a table of activity data.

    Parameters
    ----------
    activities_in
        A DataFrame (or a list of `Activity`) with columns ``activity`` (a key of
        ``factors/activities.yaml``), ``amount`` and ``unit``; optional ``region`` (default
        ``"CN"``), ``year``, ``sector``, ``dataset``, ``calorific_basis`` (for energy amounts of
        fuels), tags (``scope``, ``category``, ``stage``, ``entity``, ``period``), ``instrument``
        (market-based scope 2) and overrides (``ncv``/``ncv_unit``, ``carbon_content``/
        ``carbon_content_unit``, ``oxidation_rate``/``oxidation_rate_unit``, ``factor``/
        ``factor_unit``/``factor_gas``/``factor_source``).
    factors
        The factor table; default: every bundled dataset's default edition (`load_factors`).
    metric
        GWP metric for the CO2e column; default `DEFAULT_METRIC` (AR6GWP100).
    errors
        ``"raise"``: stop at the first bad row, naming its index and reason. ``"collect"``:
        bad rows get NaN emissions and their reason in ``error``; good rows are unaffected.
    scope2_method
        ``"location"`` (grid average factors) or ``"market"`` (instruments, else residual mix).
    allow_negative
        Accept negative amounts (corrections); by default they are errors.

    Returns
    -------
    Emissions
        One row per input row: gases [t], ``CO2e (<metric>) [t]``, method, factors, errors.

    Examples
    --------
    >>> import pandas as pd, carbonfoot as cf
    >>> rows = pd.DataFrame({"activity": ["electricity.grid"], "amount": [1.0], "unit": ["MWh"],
    ...                      "region": ["CN-AH"], "year": [2023]})
    >>> print(cf.calculate(rows).total)
    0.6553 t CO2e (AR6GWP100)
    """
    metric = check_metric(metric)
    if errors not in ("raise", "collect"):
        raise ValidationError(f"errors must be 'raise' or 'collect', got {errors!r}")
    if scope2_method not in ("location", "market"):
        raise ValidationError(
            f"scope2_method must be 'location' or 'market', got {scope2_method!r}"
        )
    frame = as_frame(activities_in)
    require_columns(frame, "calculate")
    table = factors if factors is not None else load_factors()
    lookup = _Lookup(table)
    known = activities()

    # --- one plan per distinct key ----------------------------------------------------
    codes, keys, plans, key_error, messages = plan_keys(
        frame, _KEY_SOURCES, _Planner(lookup, scope2_method).plan
    )
    weights: dict[str, float | str] = {}
    for made in plans:
        for term in made.terms if made else ():
            if term.gas not in weights:
                weights[term.gas] = _weight(term.gas, metric)

    # --- row checks (vectorized) ---------------------------------------------------------
    amount = pd.to_numeric(frame["amount"], errors="coerce").to_numpy(dtype=float, copy=True)
    row_error = np.zeros(len(frame), dtype=np.int64)
    unreadable = ~np.isfinite(amount)
    for position in np.flatnonzero(unreadable)[:1000]:  # name the value given, row by row
        given_amount = frame["amount"].iloc[position]
        row_error[position] = messages.code(
            f"amount {given_amount!r} is missing, NaN, infinite or not a number"
        )
    messages.flag(row_error, unreadable, "amount is missing, NaN, infinite or not a number")
    if not allow_negative:
        messages.flag(
            row_error, amount < 0, "amount is negative (allow_negative=True for corrections)"
        )
    row_values = _override_values(frame, row_error, messages, allow_negative)
    scope = _scopes(frame, keys, codes, known, row_error, messages)
    from_key = key_error[codes]
    row_error = np.where(row_error == 0, from_key, row_error)
    for number, plan in enumerate(plans):  # a gas without a GWP under this metric
        problems = (
            [weights[t.gas] for t in plan.terms if isinstance(weights[t.gas], str)] if plan else []
        )
        if problems:
            messages.flag(row_error, codes == number, str(problems[0]))
    bad = row_error != 0

    if errors == "raise" and bad.any():
        first = int(np.flatnonzero(bad)[0])
        more = int(bad.sum()) - 1
        tail = f" ({more} more bad rows; errors='collect' lists them all)" if more else ""
        raise ValidationError(
            f"row {frame.index[first]!r} ({frame['activity'].iloc[first]}, "
            f"{frame['amount'].iloc[first]} {frame['unit'].iloc[first]}): "
            f"{messages.texts[row_error[first]]}{tail}"
        )

    # --- the rows: plain numpy -----------------------------------------------------------
    gases = sorted({t.gas for p in plans if p for t in p.terms}, key=_gas_order)
    coefficient = {gas: np.zeros(len(keys)) for gas in gases}
    uses: dict[tuple[str, str], np.ndarray] = {}
    for number, plan in enumerate(plans):
        if plan is None:
            continue
        for term, term_coefficient in zip(plan.terms, plan.coefficients, strict=True):
            coefficient[term.gas][number] += term_coefficient
            for name in term.row_values:
                uses.setdefault((term.gas, name), np.zeros(len(keys), dtype=bool))[number] = True
    # one float block for all gases and CO2e: pandas keeps it as it is (no stacking copy)
    block = np.empty((len(gases) + 1, len(frame)))
    co2e = block[-1]
    co2e[:] = 0.0
    for number, gas in enumerate(gases):
        mass = block[number]
        np.take(coefficient[gas], codes, out=mass)
        mass *= amount
        for name in _OVERRIDES:  # a fixed order: the last bit never depends on other rows
            if (gas, name) in uses:
                mass *= np.where(uses[(gas, name)][codes], row_values[name], 1.0)
        weight = weights[gas]
        if isinstance(weight, float):
            co2e += mass * weight
        mass[bad] = np.nan
    co2e[bad] = np.nan

    # --- the result: three pieces joined side by side, none of them copied -----------------
    given: dict[str, Any] = {
        "activity": _text(frame["activity"]),
        "amount": amount,
        "unit": _text(frame["unit"]),
        "region": _regions(frame, keys, codes),
    }
    if "year" in frame.columns:
        given["year"] = _years(frame["year"], keys, codes)
    given["scope"] = scope
    for tag in _TAG_COLUMNS[1:]:
        if tag in frame.columns:
            given[tag] = _text(frame[tag])
    for given_column in _CARRIED_COLUMNS:  # the row's own inputs stay in its audit trail
        if given_column in frame.columns:
            given[given_column] = _text(frame[given_column])
    masses = pd.DataFrame(
        block.T,
        columns=[*map(_mass_column, gases), f"CO2e ({metric}) [t]"],
        index=frame.index,
        copy=False,
    )
    trail_by_plan: dict[str, Any] = {"method": [p.method if p else "" for p in plans]}
    trails: dict[int, tuple[str, str, str]] = {}  # keys planned together share their factors
    for p in plans:
        if p is not None and id(p.factors) not in trails:
            trails[id(p.factors)] = _trail(p)
    trail = [trails[id(p.factors)] if p else ("", "", "") for p in plans]
    for position, column in enumerate(("factor_id", "factor_edition", "fallback")):
        trail_by_plan[column] = [t[position] for t in trail]
    audit: dict[str, Any] = {
        column: per_row(per_plan, codes, bad) for column, per_plan in trail_by_plan.items()
    }
    audit["error"] = messages.categorical(row_error)
    pieces = [
        pd.DataFrame(given, index=frame.index, copy=False),
        masses,
        pd.DataFrame(audit, index=frame.index, copy=False),
    ]
    return Emissions(pd.concat(pieces, axis=1), metric)  # one shared index: nothing to align


def _text(column: pd.Series) -> Any:
    """A copy of an input column for the result (pandas text stays pandas text).

    A copy: the result must not change when the caller edits the input afterwards, nor make
    the caller's data read-only.
    """
    if isinstance(column.dtype, pd.StringDtype):
        return column.array.copy()
    return column.to_numpy(copy=True)


def _regions(frame: pd.DataFrame, keys: list[dict[str, Any]], codes: np.ndarray) -> Any:
    """The region of every row: as given, with blanks filled with the default region."""
    if "region" in frame.columns and all(k["region"] != DEFAULT_REGION for k in keys):
        return _text(frame["region"])  # nothing was filled in: the column as it is
    region = np.array([k["region"] for k in keys], dtype=object)[codes] if keys else []
    like = frame["activity"].dtype
    return pd.array(region, dtype=like) if isinstance(like, pd.StringDtype) else region


def _years(given: pd.Series, keys: list[dict[str, Any]], codes: np.ndarray) -> Any:
    """The data year of every row as nullable integers ("2023" and 2023.0 read as 2023)."""
    if isinstance(given.dtype, np.dtype) and given.dtype.kind in "iu":  # numpy ints: as they are
        values = given.to_numpy(dtype=np.int64, copy=True)
        return pd.arrays.IntegerArray(values, mask=np.zeros(len(values), dtype=bool))
    # a key whose year could not be read (or was never checked) has none
    years = np.array(
        [k["year"] if isinstance(k["year"], int) else -1 for k in keys], dtype=np.int64
    )
    year_codes = years[codes]
    return pd.arrays.IntegerArray(year_codes, mask=year_codes < 0)


def _trail(plan: _Plan | None) -> tuple[str, str, str]:
    """(factor ids, dataset/edition list, fallbacks) of a plan, each joined with '; '."""
    if plan is None:
        return "", "", ""
    ids = "; ".join(f.factor_id for f in plan.factors)
    editions = "; ".join(sorted({f"{f.dataset}/{f.edition}" for f in plan.factors}))
    fallbacks = "; ".join(sorted({f.fallback for f in plan.factors if f.fallback}))
    return ids, editions, fallbacks


def _gas_order(gas: str) -> tuple[int, str]:
    order = ["CO2", "CH4", "CH4_fossil", "CH4_nonfossil", "N2O"]
    return (order.index(gas), gas) if gas in order else (len(order), gas)


def _weight(gas: str, metric: str) -> float | str:
    """t CO2e per t of ``gas`` under ``metric``, or why there is none (a row error)."""
    if gas.startswith("CO2e("):
        factor_metric = gas[5:-1]
        if factor_metric == metric:
            return 1.0
        return (
            f"the factor is CO2e under {factor_metric} and this run uses {metric}; a CO2e "
            "figure cannot be converted between metrics (its gases are unknown)"
        )
    try:
        return gwp(gas, metric).value
    except FactorNotFoundError as exc:
        return str(exc)


def _mass_column(gas: str) -> str:
    """Output column of a gas: ``"CH4 [t]"``; CO2e factors: ``"CO2e (AR6GWP100) reported [t]"``."""
    if gas.startswith("CO2e("):
        return f"CO2e ({gas[5:-1]}) reported [t]"
    return f"{gas} [t]"


def _override_values(
    frame: pd.DataFrame, row_error: np.ndarray, messages: Messages, allow_negative: bool
) -> dict[str, np.ndarray]:
    """Per-row override values, checked: a number with a unit, positive, a rate ≤ 100 %."""
    values_by_name: dict[str, np.ndarray] = {}
    for value_column, unit_column in _OVERRIDES.items():
        if value_column not in frame.columns:
            continue
        values = pd.to_numeric(frame[value_column], errors="coerce").to_numpy(dtype=float)
        given = ~blank_cells(frame[value_column])
        has_unit = ~blank_cells(frame[unit_column]) if unit_column in frame else given & False
        messages.flag(row_error, given & ~np.isfinite(values), f"{value_column} is not a number")
        messages.flag(row_error, given & ~has_unit, f"{value_column} needs {unit_column}")
        messages.flag(row_error, ~given & has_unit, f"{unit_column} given without {value_column}")
        if value_column == "factor":
            if not allow_negative:
                messages.flag(row_error, given & (values < 0), "factor is negative")
        else:
            messages.flag(row_error, given & (values <= 0), f"{value_column} must be positive")
        if value_column == "oxidation_rate" and has_unit.any():
            units = frame[unit_column].where(has_unit, "").astype(str)
            share = values * units.map(dimensionless_value).to_numpy(dtype=float)
            messages.flag(
                row_error,
                given & has_unit & (share > 1),
                "oxidation_rate is more than 100 % (give e.g. 98 with oxidation_rate_unit '%')",
            )
        values_by_name[value_column] = values
    return values_by_name


_SCOPE_WORDS: Final[dict[str, int]] = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3}


def _scopes(
    frame: pd.DataFrame,
    keys: list[dict[str, Any]],
    codes: np.ndarray,
    known: Any,
    row_error: np.ndarray,
    messages: Messages,
) -> Any:
    """GHG Protocol scope per row: the row's own ``scope`` (1, 2, 3, "Scope 2", "范围二"),
    else by the activity's kind (fuel → 1; electricity, heat → 2)."""
    per_key = np.array(
        [
            _SCOPE_BY_KIND.get(known[k["activity"]].kind, -1) if k["activity"] in known else -1
            for k in keys
        ],
        dtype=np.int64,
    )
    scope = per_key[codes]
    if "scope" in frame.columns:
        given_codes, given_values = pd.factorize(frame["scope"], use_na_sentinel=True)
        parsed = np.array([_parse_scope(v) for v in given_values], dtype=np.int64)
        per_row = np.where(given_codes >= 0, parsed[given_codes] if len(parsed) else -1, -2)
        messages.flag(
            row_error, per_row == -1, "scope must be 1, 2 or 3 ('Scope 2' and '范围二' work too)"
        )
        scope = np.where(per_row > 0, per_row, scope)
    return pd.arrays.IntegerArray(scope, mask=scope < 0)


def _parse_scope(value: object) -> int:
    """1, 2 or 3 from 2, 2.0, '2', 'Scope 2', '范围二'; -1 if it is none of these."""
    if isinstance(value, bool):
        return -1
    if isinstance(value, int | float | np.integer | np.floating):
        return int(value) if float(value) in (1.0, 2.0, 3.0) else -1
    text = str(value).strip().lower().removeprefix("scope").removeprefix("范围").strip()
    return _SCOPE_WORDS.get(text, -1)


class Emissions:
    """The result of `calculate`: one row per input row, with its audit trail.

    Attributes
    ----------
    frame
        The rows (a copy is returned by `to_frame`): inputs, ``scope``, one ``<gas> [t]``
        column per gas, ``CO2e (<metric>) [t]``, ``method``, ``factor_id``, ``factor_edition``,
        ``fallback``, ``error``.
    metric
        The GWP metric of the CO2e column.
    """

    def __init__(self, frame: pd.DataFrame, metric: str) -> None:
        self.frame = frame
        self.metric = metric

    @property
    def co2e_column(self) -> str:
        """Name of the CO2e column, e.g. ``"CO2e (AR6GWP100) [t]"``."""
        return f"CO2e ({self.metric}) [t]"

    @property
    def gas_columns(self) -> list[str]:
        """The per-gas mass columns, e.g. ``["CO2 [t]", "CH4 [t]"]``."""
        return [c for c in self.frame.columns if c.endswith(" [t]") and not c.startswith("CO2e")]

    @property
    def total(self) -> Quantity:
        """Total CO2e of the rows without errors, in ``t CO2e (<metric>)``."""
        return Q_(
            float(np.nansum(self.frame[self.co2e_column].to_numpy())), f"t CO2e ({self.metric})"
        )

    @property
    def errors(self) -> pd.DataFrame:
        """The rows that could not be computed, with their reasons."""
        bad = self.frame["error"] != ""
        return self.frame.loc[bad, ["activity", "amount", "unit", "error"]]

    def by(self, *columns: str) -> pd.DataFrame:
        """Sum the gas and CO2e columns by one or more columns, e.g. ``by("scope")``."""
        unknown = [c for c in columns if c not in self.frame.columns]
        if unknown or not columns:
            raise ValidationError(
                f"by() needs columns of the result; unknown: {', '.join(unknown) or '(none)'}; "
                f"available: {', '.join(map(str, self.frame.columns))}"
            )
        values = [c for c in self.frame.columns if str(c).endswith(" [t]")]
        return self.frame.groupby(list(columns), observed=True, dropna=False)[values].sum(
            min_count=1
        )

    def to_frame(self) -> pd.DataFrame:
        """A copy of the rows."""
        return self.frame.copy()

    def __add__(self, other: Emissions) -> Emissions:
        if not isinstance(other, Emissions):
            return NotImplemented
        if other.metric != self.metric:
            raise MixedMetricError(
                f"Cannot combine results computed with {self.metric} and {other.metric}; "
                "recalculate one of them with the other's metric",
                self.metric,
                other.metric,
            )
        frame = pd.concat([self.frame, other.frame])
        for column in ("method", "factor_id", "factor_edition", "fallback", "error"):
            frame[column] = frame[column].astype(str).astype("category")
        return Emissions(frame, self.metric)

    def __len__(self) -> int:
        return len(self.frame)

    def __repr__(self) -> str:
        bad = int((self.frame["error"] != "").sum())
        return (
            f"<Emissions: {len(self)} rows, total {self.total:,.6g}"
            f"{f', {bad} rows with errors' if bad else ''}>"
        )
