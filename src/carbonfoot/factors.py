"""Emission-factor tables: read, validate and select factors from data packages.

The bundled data packages live in ``factors/`` (see its README for the columns). Every
selection is deterministic and recorded: exact match first, then the region chain of
``factors/regions.yaml`` (province → regional grid → country → GLOBAL) and the latest year not
after the requested one. Every result carries its ``factor_id``, dataset, edition, source and
the fallback taken.

>>> import carbonfoot as cf
>>> f = cf.load_factors("cn-grid-electricity", edition="2023").select(
...     activity="electricity.grid", region="CN-AH", year=2023)
>>> print(f.value, f.unit, f.factor_id)
0.6553 kg CO2 / kWh cn-grid-2023-CN-AH-avg
"""

from __future__ import annotations

import csv
import difflib
import math
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal, get_args

import numpy as np
import pandas as pd
import pydantic
import yaml

from carbonfoot._keys import as_year, factorize_keys
from carbonfoot._paths import factors_dir
from carbonfoot.errors import DataError, FactorNotFoundError, UnitError, ValidationError
from carbonfoot.units import (
    GASES,
    GWP_METRICS,
    Q_,
    Quantity,
    dimensionless_value,
    metric_of,
    parse_unit,
)

__all__ = [
    "COLUMNS",
    "PARAMETERS",
    "SECTORS",
    "ActivityType",
    "Factor",
    "FactorRow",
    "FactorTable",
    "Region",
    "Source",
    "activities",
    "datasets",
    "load_factors",
    "read_factors",
    "region_chain",
    "regions",
]

#: Columns of a factor table, in order (see ``factors/README.md``).
COLUMNS: Final[tuple[str, ...]] = (
    "factor_id",
    "activity",
    "name_zh",
    "name_en",
    "parameter",
    "gas",
    "gwp_metric",
    "value",
    "unit",
    "region",
    "year",
    "sector",
    "calorific_basis",
    "source_id",
    "source_locator",
    "verification",
    "note",
)
OPTIONAL_COLUMNS: Final = frozenset(
    {"gas", "gwp_metric", "year", "sector", "calorific_basis", "note"}
)

Parameter = Literal[
    "emission_factor",
    "ncv",
    "gcv",
    "carbon_content",
    "oxidation_rate",
    "coal_equivalent_calorific",
    "coal_equivalent_primary",
]
#: What a row's value is.
PARAMETERS: Final[tuple[str, ...]] = get_args(Parameter)
Sector = Literal["energy_industries", "manufacturing", "commercial", "residential"]
#: IPCC source sectors a factor may be specific to (empty: any sector).
SECTORS: Final[tuple[str, ...]] = get_args(Sector)
_VERIFICATION_STATES: Final = ("verified", "single-source", "unverified", "derived")
_GAS_KEYS: Final = frozenset({"CO2", "CO2e", *GASES})

# --------------------------------------------------------------------------------------
# Vocabularies: activities and regions
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityType:
    """One key of the activity vocabulary (``factors/activities.yaml``)."""

    key: str
    name_zh: str
    name_en: str
    amount_unit: str
    kind: str


@dataclass(frozen=True)
class Region:
    """One region code of ``factors/regions.yaml`` and its parent in the fallback chain."""

    code: str
    name_zh: str
    name_en: str
    parent: str | None


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML ({exc})") from None


@cache
def activities() -> Mapping[str, ActivityType]:
    """Return the activity vocabulary: key → `ActivityType` (中文 and English names).

    Examples
    --------
    >>> import carbonfoot as cf
    >>> a = cf.factors.activities()["fuel.natural_gas"]
    >>> print(a.name_zh, "/", a.name_en, "/", a.amount_unit)
    天然气 / natural gas / 10^4 Nm3
    """
    found: dict[str, ActivityType] = {}
    paths = [
        factors_dir() / "activities.yaml",
        *sorted(factors_dir().glob("*/activities-extra.yaml")),
    ]
    for path in paths:
        if not path.is_file():
            continue
        for key, entry in (_read_yaml(path) or {}).get("activities", {}).items():
            try:
                found[key] = ActivityType(
                    key,
                    entry["name_zh"],
                    entry["name_en"],
                    str(entry["amount_unit"]),
                    entry.get("kind", ""),
                )
            except (KeyError, TypeError):
                raise DataError(
                    f"{path}: activity {key!r} needs name_zh, name_en, amount_unit"
                ) from None
    return MappingProxyType(found)


@cache
def regions() -> Mapping[str, Region]:
    """Return the region codes and their parents (``factors/regions.yaml``).

    Examples
    --------
    >>> import carbonfoot as cf
    >>> cf.factors.regions()["CN"].parent
    'GLOBAL'
    """
    path = factors_dir() / "regions.yaml"
    found: dict[str, Region] = {}
    for code, entry in (_read_yaml(path) or {}).get("regions", {}).items():
        found[code] = Region(code, entry["name_zh"], entry["name_en"], entry.get("parent"))
    for region in found.values():
        if region.parent is not None and region.parent not in found:
            raise DataError(f"{path}: region {region.code} has unknown parent {region.parent!r}")
    return MappingProxyType(found)


def region_chain(region: str) -> tuple[str, ...]:
    """Return the fallback chain of a region, most specific first.

    Raises
    ------
    ValidationError
        ``region`` is not a code of ``factors/regions.yaml`` (a typo must not fall back silently).

    Examples
    --------
    >>> import carbonfoot as cf
    >>> cf.factors.region_chain("CN")
    ('CN', 'GLOBAL')
    """
    known = regions()
    if region not in known:
        close = [c for c in known if c.upper().startswith(str(region).upper()[:4])][:8]
        hint = f"; close: {', '.join(close)}" if close else ""
        raise ValidationError(
            f"Unknown region {region!r}. Valid: GLOBAL, CN, ISO 3166-2 provinces such as CN-AH, "
            f"and the grid regions of factors/regions.yaml{hint}"
        )
    chain = [region]
    while (parent := known[chain[-1]].parent) is not None:
        chain.append(parent)
    return tuple(chain)


# --------------------------------------------------------------------------------------
# One row: the pydantic model (its fields are the datapackage schema; a test checks that)
# --------------------------------------------------------------------------------------


def _blank_to_none(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


class FactorRow(pydantic.BaseModel):
    """One row of a factor table. The field names are the CSV columns, in order."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    factor_id: str = pydantic.Field(min_length=1)
    activity: str = pydantic.Field(min_length=1)
    name_zh: str = pydantic.Field(min_length=1)
    name_en: str = pydantic.Field(min_length=1)
    parameter: Parameter
    gas: str | None = None
    gwp_metric: str | None = None
    value: float
    unit: str = pydantic.Field(min_length=1)
    region: str = pydantic.Field(min_length=1)
    year: int | None = None
    sector: Sector | None = None
    calorific_basis: Literal["net", "gross"] | None = None
    source_id: str = pydantic.Field(min_length=1)
    source_locator: str = pydantic.Field(min_length=1)
    verification: str = pydantic.Field(min_length=1)
    note: str | None = None

    @pydantic.field_validator(
        "gas", "gwp_metric", "year", "sector", "calorific_basis", "note", mode="before"
    )
    @classmethod
    def blank_means_not_given(cls, value: object) -> object:
        return _blank_to_none(value)

    @pydantic.field_validator("value")
    @classmethod
    def value_is_finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("must be a finite number")
        return value

    @pydantic.field_validator("gas")
    @classmethod
    def gas_is_known(cls, value: str | None) -> str | None:
        if value is not None and value not in _GAS_KEYS:
            raise ValueError(f"{value!r} is not one of CO2, CO2e, {', '.join(GASES)}")
        return value

    @pydantic.field_validator("verification")
    @classmethod
    def verification_states_how_checked(cls, value: str) -> str:
        state, _, how = value.partition(":")
        if state.strip() not in _VERIFICATION_STATES or not how.strip():
            raise ValueError(
                f"must be '<state>: <how it was checked>' with a state of "
                f"{', '.join(_VERIFICATION_STATES)}"
            )
        return value

    @pydantic.field_validator("year")
    @classmethod
    def year_is_plausible(cls, value: int | None) -> int | None:
        if value is not None and not 1900 <= value <= 2100:
            raise ValueError("must be a data year between 1900 and 2100")
        return value

    @pydantic.model_validator(mode="after")
    def parameters_are_positive(self) -> FactorRow:
        if self.parameter != "emission_factor" and self.value <= 0:
            raise ValueError(f"value: a {self.parameter} must be positive (got {self.value})")
        return self

    @pydantic.model_validator(mode="after")
    def heating_values_state_their_basis(self) -> FactorRow:
        if self.parameter in ("ncv", "gcv", "carbon_content") and self.calorific_basis is None:
            raise ValueError(
                f"calorific_basis: a {self.parameter} row must say 'net' or 'gross'; "
                "carbonfoot never guesses it"
            )
        if self.parameter == "ncv" and self.calorific_basis == "gross":
            raise ValueError("calorific_basis: an ncv row is net by definition (use gcv)")
        if self.parameter == "gcv" and self.calorific_basis == "net":
            raise ValueError("calorific_basis: a gcv row is gross by definition (use ncv)")
        return self

    @pydantic.model_validator(mode="after")
    def emission_factors_name_their_gas(self) -> FactorRow:
        if self.parameter == "emission_factor" and self.gas is None:
            raise ValueError("gas: an emission_factor row must name its gas")
        if self.parameter != "emission_factor" and self.gas is not None:
            raise ValueError(f"gas: a {self.parameter} row has no gas (got {self.gas})")
        return self

    @pydantic.model_validator(mode="after")
    def co2e_names_its_metric(self) -> FactorRow:
        if (self.gas == "CO2e") != (self.gwp_metric is not None):
            raise ValueError("gwp_metric: given exactly when gas is CO2e")
        if self.gwp_metric is not None and self.gwp_metric not in GWP_METRICS:
            raise ValueError(f"gwp_metric: {self.gwp_metric!r} is not one of {GWP_METRICS}")
        return self


# --------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A publication a factor comes from (an entry of ``sources`` in ``datapackage.yaml``)."""

    id: str
    title: str
    publisher: str = ""
    year: str = ""
    path: str = ""


@dataclass(frozen=True)
class Factor:
    """A selected factor with its provenance.

    Attributes
    ----------
    value, unit
        The number as published and its unit string (``unit`` may carry a number, e.g.
        ``t CO2 / 10^4 Nm3``; :attr:`quantity` applies it).
    factor_id, dataset, edition
        Which row of which data package.
    activity, region, year, gas, parameter, sector, calorific_basis
        What the row describes (``region``/``year`` are the row's, not the requested ones).
    source, source_locator, verification
        Where it was published and how it was checked.
    fallback
        ``""`` for an exact match, else what was relaxed, e.g.
        ``"region CN-XZ → CN-GRID-SOUTHWEST"``.
    """

    value: float
    unit: str
    factor_id: str
    dataset: str
    edition: str
    activity: str
    region: str
    year: int | None
    gas: str | None
    parameter: str
    sector: str | None
    calorific_basis: str | None
    source: Source | None
    source_locator: str
    verification: str
    fallback: str = ""
    name_zh: str = field(default="", compare=False)
    name_en: str = field(default="", compare=False)

    @property
    def quantity(self) -> Quantity:
        """The factor as a quantity in carbonfoot's registry."""
        return Q_(self.value, self.unit)

    def __str__(self) -> str:
        where = f"{self.dataset}/{self.edition}, {self.source.id if self.source else '?'}"
        text = f"{self.value} {self.unit} [{self.factor_id}; {where}, {self.source_locator}]"
        return f"{text} (fallback: {self.fallback})" if self.fallback else text


# --------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------


class FactorTable:
    """A validated, immutable table of factors from one or more data packages.

    Build it with :func:`load_factors` (bundled data) or :func:`read_factors` (your own), and
    combine tables with ``+``. :meth:`select` picks one factor; :meth:`resolve` picks factors
    for a whole table of activities at once.
    """

    def __init__(self, frame: pd.DataFrame, sources: Mapping[tuple[str, str, str], Source]) -> None:
        self._frame = frame
        self._sources = dict(sources)
        self._index_lock = threading.Lock()
        self._by_key: dict[tuple[str, str], list[dict[str, Any]]] | None = None
        self._memo: dict[tuple[Any, ...], Factor | Exception] = {}
        self._candidates: dict[tuple[Any, ...], dict[str, list[dict[str, Any]]]] = {}

    # --- basics -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._frame)

    def __repr__(self) -> str:
        editions = sorted(set(zip(self._frame["dataset"], self._frame["edition"], strict=True)))
        listed = ", ".join(f"{d}/{e}" for d, e in editions)
        return f"<FactorTable: {len(self)} rows from {listed or 'no data package'}>"

    def __add__(self, other: FactorTable) -> FactorTable:
        if not isinstance(other, FactorTable):
            return NotImplemented
        frame = pd.concat([self._frame, other._frame], ignore_index=True)
        duplicated = frame.duplicated(["dataset", "edition", "factor_id"])
        if duplicated.any():
            first = frame.loc[duplicated].iloc[0]
            raise DataError(
                f"both tables hold factor_id {first['factor_id']!r} of "
                f"{first['dataset']}/{first['edition']}; combine each data package once"
            )
        return FactorTable(frame, {**self._sources, **other._sources})

    @property
    def datasets(self) -> list[tuple[str, str]]:
        """The (dataset, edition) pairs in this table."""
        pairs = zip(self._frame["dataset"], self._frame["edition"], strict=True)
        return sorted(set(pairs))

    def to_frame(self) -> pd.DataFrame:
        """Return the rows as a new DataFrame (the table itself stays unchanged)."""
        return self._frame.copy()

    def sources(self) -> list[Source]:
        """Every source cited by this table."""
        return sorted(self._sources.values(), key=lambda s: s.id)

    # --- selection --------------------------------------------------------------------
    def _index(self) -> dict[tuple[str, str], list[dict[str, Any]]]:
        """Rows as plain records grouped by (activity, parameter), built once per table."""
        with self._index_lock:
            if self._by_key is None:
                grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
                for record in self._frame.to_dict("records"):
                    row = {str(k): v for k, v in record.items()}
                    row["gas"] = row["gas"] if isinstance(row["gas"], str) else ""
                    row["sector"] = row["sector"] if isinstance(row["sector"], str) else ""
                    row["year"] = None if pd.isna(row["year"]) else int(row["year"])
                    basis = row["calorific_basis"]
                    row["calorific_basis"] = basis if isinstance(basis, str) else None
                    grouped.setdefault((row["activity"], row["parameter"]), []).append(row)
                self._by_key = grouped
            return self._by_key

    def select(
        self,
        activity: str,
        region: str = "CN",
        year: int | None = None,
        *,
        gas: str | None = None,
        parameter: str = "emission_factor",
        sector: str | None = None,
        dataset: str | None = None,
        edition: str | None = None,
    ) -> Factor:
        """Select one factor, falling back along the region chain and to earlier years.

        Parameters
        ----------
        activity
            An activity key, e.g. ``"electricity.grid"`` (see ``factors/activities.yaml``).
        region
            A region code of ``factors/regions.yaml``; default ``"CN"``.
        year
            The data year wanted; the latest year not after it is taken. ``None``: the latest
            year available (recorded in :attr:`Factor.fallback`).
        gas
            ``"CO2"``, ``"CH4"``, ... Needed when the activity has factors for several gases.
        parameter
            ``"emission_factor"`` (default), ``"ncv"``, ``"carbon_content"``, ...
        sector
            For sector-specific factors (IPCC CH4/N2O): ``"manufacturing"``, ...
        dataset, edition
            Restrict to one dataset (e.g. ``"ipcc-2006-stationary"``) or edition.

        Raises
        ------
        FactorNotFoundError
            Nothing matches along the whole chain; the message lists what exists.
        DataError
            Two rows remain after all rules (ambiguous); the message names both.
        """
        try:
            return self._select(activity, region, year, gas, parameter, sector, dataset, edition)
        except _NotFound as exc:
            raise FactorNotFoundError(str(exc)) from None

    def _select(
        self,
        activity: str,
        region: str,
        year: int | None,
        gas: str | None,
        parameter: str,
        sector: str | None,
        dataset: str | None,
        edition: str | None = None,
    ) -> Factor:
        """Memoized selection: a table is immutable, so a key always gives the same answer."""
        key = (activity, region, year, gas, parameter, sector, dataset, edition)
        found = self._memo.get(key)
        if found is None:
            try:
                found = self._select_uncached(*key)
            except (_NotFound, DataError, ValidationError) as exc:
                found = exc
            self._memo[key] = found
        if isinstance(found, Exception):
            raise type(found)(*found.args)
        return found

    def _select_uncached(
        self,
        activity: str,
        region: str,
        year: int | None,
        gas: str | None,
        parameter: str,
        sector: str | None,
        dataset: str | None,
        edition: str | None,
    ) -> Factor:
        if parameter not in PARAMETERS:
            raise ValidationError(f"parameter {parameter!r} is not one of {', '.join(PARAMETERS)}")
        if sector is not None and sector not in SECTORS:
            raise ValidationError(f"sector {sector!r} is not one of {', '.join(SECTORS)}")
        if year is not None and (not isinstance(year, int | np.integer) or isinstance(year, bool)):
            raise ValidationError(f"year must be a whole number such as 2023, got {year!r}")
        chain = region_chain(region)
        rows = self._index().get((activity, parameter))
        if rows is None:
            have = sorted({a for a, p in self._index() if p == parameter})
            raise _NotFound(
                f"No {parameter} for activity {activity!r} in {self!r}. Activities with "
                f"{parameter}: {_shorten(have)}"
            )
        by_region = self._candidates_by_region(rows, gas, sector, dataset, edition)
        if not by_region:
            raise _NotFound(
                f"No {parameter} for {activity!r} with gas={gas!r}, sector={sector!r}, "
                f"dataset={dataset!r}, edition={edition!r} in {self!r}"
            )
        notes: list[str] = []
        for place in chain:
            at_place = by_region.get(place, [])
            gases = sorted({r["gas"] or "-" for r in at_place})
            if gas is None and len(gases) > 1:
                raise DataError(
                    f"Ambiguous: activity {activity!r} has {parameter} rows for gases "
                    f"{', '.join(gases)} in region {place}; pass gas= to choose one"
                )
            here, year_note = _pick_year(at_place, year)
            if not here:
                continue
            if place != region:
                notes.append(f"region {region} → {place}")
            if year_note:
                notes.append(year_note)
            if len(here) > 1:
                here = _prefer_specific_sector(here, sector)
            if len(here) > 1:
                listed = "; ".join(
                    f"{r['factor_id']} ({r['dataset']}/{r['edition']}, gas {r['gas'] or '-'}, "
                    f"sector {r['sector'] or 'any'})"
                    for r in here
                )
                raise DataError(
                    f"Ambiguous: {len(here)} factors match activity {activity!r}, region "
                    f"{place}, year {year}: {listed}. Narrow it with gas=, sector= or dataset=."
                )
            return self._factor(here[0], "; ".join(notes))
        rows = [r for at_place in by_region.values() for r in at_place]
        years = sorted({r["year"] for r in rows if r["year"] is not None})
        raise _NotFound(
            f"No {parameter} for {activity!r} in region chain {' → '.join(chain)}"
            f"{f' for year ≤ {year}' if year is not None else ''}. Available regions: "
            f"{_shorten(sorted({r['region'] for r in rows}))}; "
            f"years: {years or 'not year-specific'}"
        )

    def _candidates_by_region(
        self,
        rows: list[dict[str, Any]],
        gas: str | None,
        sector: str | None,
        dataset: str | None,
        edition: str | None,
    ) -> dict[str, list[dict[str, Any]]]:
        """The rows that match everything but region and year, by region (kept per filter:
        a run asks the same question for many regions)."""
        memo_key = (id(rows), gas, sector, dataset, edition)  # rows: one list of the index
        found = self._candidates.get(memo_key)
        if found is None:
            found = {}
            for r in rows:
                if (
                    (gas is None or r["gas"] == gas)
                    and (sector is None or r["sector"] in (sector, ""))
                    and (dataset is None or r["dataset"] == dataset)
                    and (edition is None or r["edition"] == edition)
                ):
                    found.setdefault(r["region"], []).append(r)
            self._candidates[memo_key] = found
        return found

    def _factor(self, row: dict[str, Any], fallback: str) -> Factor:
        return Factor(
            value=float(row["value"]),
            unit=str(row["unit"]),
            factor_id=str(row["factor_id"]),
            dataset=str(row["dataset"]),
            edition=str(row["edition"]),
            activity=str(row["activity"]),
            region=str(row["region"]),
            year=row["year"],
            gas=row["gas"] or None,
            parameter=str(row["parameter"]),
            sector=row["sector"] or None,
            calorific_basis=row["calorific_basis"],
            source=self._sources.get((row["dataset"], row["edition"], row["source_id"])),
            source_locator=str(row["source_locator"]),
            verification=str(row["verification"]),
            fallback=fallback,
            name_zh=str(row["name_zh"]),
            name_en=str(row["name_en"]),
        )

    def resolve(
        self,
        activities: pd.DataFrame,
        *,
        parameter: str = "emission_factor",
        errors: Literal["raise", "collect"] = "raise",
    ) -> pd.DataFrame:
        """Select a factor for every row of a table of activities, vectorized.

        Each distinct (activity, region, year, gas, sector, dataset) combination is selected
        once with :meth:`select`; the rows then take their combination's result.

        Parameters
        ----------
        activities
            A DataFrame with columns ``activity`` and ``region``, and optionally ``year``,
            ``gas``, ``sector`` and ``dataset``.
        parameter
            What to select (default ``"emission_factor"``).
        errors
            ``"raise"``: stop at the first row without a factor, naming it. ``"collect"``:
            leave ``factor_value`` NaN and explain in ``factor_error``.

        Returns
        -------
        pandas.DataFrame
            Same index as ``activities``; columns ``factor_value``, ``factor_unit``,
            ``factor_id``, ``factor_dataset``, ``factor_edition``, ``factor_region``,
            ``factor_year``, ``factor_fallback``, ``factor_error``.
        """
        if errors not in ("raise", "collect"):
            raise ValidationError(f"errors must be 'raise' or 'collect', got {errors!r}")
        missing = [c for c in ("activity", "region") if c not in activities.columns]
        if missing:
            raise ValidationError(
                f"resolve needs columns activity and region; missing {', '.join(missing)} "
                f"(columns given: {', '.join(map(str, activities.columns))})"
            )
        codes, keys = factorize_keys(activities, {c: c for c in _RESOLVE_KEYS})
        n = len(keys)
        values = np.full(n, np.nan)
        years = np.full(n, np.nan)
        text = {name: np.empty(n, dtype=object) for name in _TEXT_OUT}
        for i, args in enumerate(keys):
            try:
                if args["activity"] is None or args["region"] is None:
                    raise ValidationError("activity and region must not be empty")
                factor = self._select(
                    activity=args["activity"],
                    region=args["region"],
                    year=None if args["year"] is None else as_year(args["year"]),
                    gas=args["gas"],
                    parameter=parameter,
                    sector=args["sector"],
                    dataset=args["dataset"],
                    edition=args["edition"],
                )
            except (_NotFound, DataError, ValidationError) as exc:
                if errors == "raise":
                    first = activities.index[np.flatnonzero(codes == i)[0]]
                    kind = FactorNotFoundError if isinstance(exc, _NotFound) else type(exc)
                    raise kind(f"row {first!r}: {exc}") from None
                for name in _TEXT_OUT:
                    text[name][i] = ""
                text["factor_error"][i] = str(exc)
                continue
            values[i] = factor.value
            years[i] = np.nan if factor.year is None else factor.year
            for name, attribute in _TEXT_OUT.items():
                text[name][i] = getattr(factor, attribute) if attribute else ""
        out = {
            "factor_value": values[codes],
            **{name: _categorical(column, codes) for name, column in text.items()},
            "factor_year": pd.array(years[codes], dtype="Int64"),
        }
        order = ["factor_value", "factor_unit", "factor_id", "factor_dataset", "factor_edition"]
        order += ["factor_region", "factor_year", "factor_fallback", "factor_error"]
        return pd.DataFrame(out, index=activities.index)[order]


_RESOLVE_KEYS: Final = ("activity", "region", "year", "gas", "sector", "dataset", "edition")
_TEXT_OUT: Final[dict[str, str]] = {
    "factor_unit": "unit",
    "factor_id": "factor_id",
    "factor_dataset": "dataset",
    "factor_edition": "edition",
    "factor_region": "region",
    "factor_fallback": "fallback",
    "factor_error": "",
}


class _NotFound(Exception):
    """Internal: no factor (turned into FactorNotFoundError at the public boundary)."""


def _shorten(items: Sequence[str], most: int = 10) -> str:
    shown = ", ".join(items[:most])
    return shown if len(items) <= most else f"{shown}, … ({len(items)} in all)"


def _pick_year(rows: list[dict[str, Any]], year: int | None) -> tuple[list[dict[str, Any]], str]:
    """Keep the rows of the latest year not after ``year`` (year-less rows when none)."""
    dated = [r for r in rows if r["year"] is not None]
    undated = [r for r in rows if r["year"] is None]
    if year is None:
        if not dated:
            return undated, ""
        latest = max(r["year"] for r in dated)
        return [r for r in dated if r["year"] == latest], f"no year given → latest {latest}"
    usable = [r for r in dated if r["year"] <= year]
    if not usable:
        return undated, ""
    latest = max(r["year"] for r in usable)
    note = "" if latest == year else f"year {year} → {latest}"
    return [r for r in usable if r["year"] == latest], note


def _prefer_specific_sector(rows: list[dict[str, Any]], sector: str | None) -> list[dict[str, Any]]:
    if sector is None:
        return rows
    specific = [r for r in rows if r["sector"] == sector]
    return specific if specific else rows


def _categorical(per_combo: np.ndarray, codes: np.ndarray) -> pd.Categorical:
    """Expand one value per combination to a row-long categorical without a Python loop."""
    categories, combo_codes = np.unique(per_combo.astype(str), return_inverse=True)
    return pd.Categorical.from_codes(combo_codes[codes], categories=pd.Index(categories))


# --------------------------------------------------------------------------------------
# Reading and validating
# --------------------------------------------------------------------------------------


def _row_errors(rows: Iterable[tuple[object, dict[str, Any]]], where: str) -> pd.DataFrame:
    """Validate rows with :class:`FactorRow`; raise DataError naming file, row and column."""
    checked = []
    for label, row in rows:
        try:
            checked.append(FactorRow.model_validate(row).model_dump())
        except pydantic.ValidationError as exc:
            problem = exc.errors()[0]
            column = ".".join(str(p) for p in problem["loc"]) or "(row)"
            message = str(problem["msg"]).removeprefix("Value error, ")
            if column == "(row)" and ": " in message:
                column, message = message.split(": ", 1)
            valid = ""
            if column == "parameter":
                valid = f"; valid: {', '.join(PARAMETERS)}"
            elif column == "sector":
                valid = f"; valid: {', '.join(SECTORS)} or empty"
            raise DataError(
                f"{where}, row {label}, column {column}: {message} (got {row.get(column)!r}){valid}"
            ) from None
    return pd.DataFrame(checked, columns=list(COLUMNS))


def _check_table(
    frame: pd.DataFrame, where: str, row_label: Sequence[object], new_activities: bool = False
) -> None:
    """Rules over the whole table: unique ids, known activities/regions, units that fit."""
    duplicated = frame["factor_id"].duplicated(keep=False)
    if duplicated.any():
        labels = [row_label[i] for i in np.flatnonzero(duplicated.to_numpy())[:2]]
        raise DataError(
            f"{where}, rows {labels[0]} and {labels[1]}, column factor_id: "
            f"{frame['factor_id'][duplicated].iloc[0]!r} is not unique"
        )
    bad = ~frame["region"].isin(list(regions()))
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise DataError(
            f"{where}, row {row_label[i]}, column region: {frame['region'].iloc[i]!r} is "
            "not a region of factors/regions.yaml (GLOBAL, CN, CN-AH, CN-GRID-EAST, ...)"
        )
    unknown = ~frame["activity"].isin(list(activities()))
    if unknown.any() and not new_activities:
        i = int(np.flatnonzero(unknown.to_numpy())[0])
        name = str(frame["activity"].iloc[i])
        close = difflib.get_close_matches(name, list(activities()), n=3)
        hint = f"; did you mean {', '.join(close)}" if close else ""
        raise DataError(
            f"{where}, row {row_label[i]}, column activity: {name!r} is not in the activity "
            f"vocabulary (factors/activities.yaml){hint}. For an activity of your own, read the "
            "table with new_activities=True."
        )
    oxidation = frame["parameter"] == "oxidation_rate"
    for unit in frame.loc[oxidation, "unit"].unique():
        share = frame["value"] * _finite_or_zero(dimensionless_value(str(unit)))
        over = oxidation & (frame["unit"] == unit) & (share > 1)
        if over.any():
            i = int(np.flatnonzero(over.to_numpy())[0])
            raise DataError(
                f"{where}, row {row_label[i]}, column value: an oxidation rate of "
                f"{frame['value'].iloc[i]} {unit} is more than 100 %"
            )
    # units: checked once per distinct (unit, parameter, gas, metric)
    columns = ["unit", "parameter", "gas", "gwp_metric", "activity"]
    combos = frame[columns].fillna("").drop_duplicates()
    for combo in combos.to_dict("records"):
        try:
            _check_unit(*(str(combo[c]) for c in columns))
        except (UnitError, ValidationError) as exc:
            mask = (frame[columns].fillna("") == pd.Series(combo)).all(axis=1)
            i = int(np.flatnonzero(mask.to_numpy())[0])
            raise DataError(f"{where}, row {row_label[i]}, column unit: {exc}") from None


def _finite_or_zero(value: float) -> float:
    return value if math.isfinite(value) else 0.0


_ENERGY: Final = Q_(1, "J").dimensionality
_CARBON_PER_ENERGY: Final = Q_(1, "kg C / J").dimensionality
#: What an activity of each kind may be measured in (besides its own amount unit). A factor's
#: unit times one of them must give the gas (or energy). Activities outside the vocabulary may
#: be measured in any of these.
_AMOUNTS_BY_KIND: Final[dict[str, tuple[Quantity, ...]]] = {
    "fuel": tuple(Q_(1, u) for u in ("t", "Nm3", "m3", "GJ")),
    "electricity": (Q_(1, "GJ"),),
    "heat": tuple(Q_(1, u) for u in ("GJ", "t")),
    "working_medium": tuple(Q_(1, u) for u in ("m3", "t", "Nm3")),
    "process": (Q_(1, "t"),),  # tonnes of product (sinter, steel, aluminium ...)
}
_ANY_AMOUNT: Final = tuple(Q_(1, u) for u in ("t", "Nm3", "m3", "GJ", "tkm", "pkm"))
_ENERGY_PARAMETERS: Final = frozenset(
    {"ncv", "gcv", "coal_equivalent_calorific", "coal_equivalent_primary"}
)


def _check_unit(unit: str, parameter: str, gas: str, metric: str, activity: str) -> None:
    """The unit parses and fits the parameter, the gas and the activity's amount unit.

    An emission factor times the activity amount (or an energy amount, for factors per unit
    of energy) must give a mass of the gas; an NCV or standard-coal coefficient times the
    amount must give energy. Activities outside the vocabulary skip the amount check.
    """
    _, parsed = parse_unit(unit)
    q = Q_(1, parsed)
    known = activities().get(activity)
    if known is None:
        amounts: list[Quantity] = list(_ANY_AMOUNT)
    else:
        amounts = [*_AMOUNTS_BY_KIND.get(known.kind, ()), Q_(1, known.amount_unit)]
    if parameter == "emission_factor":
        gas_unit = f"CO2e ({metric})" if gas == "CO2e" else gas
        if gas == "CO2e" and metric_of(q) != metric:
            raise ValidationError(f"{unit!r} is not CO2e ({metric}) per activity amount")
        target = Q_(1, f"kg {gas_unit}").dimensionality
        gas_dims = {k for k in target if k != "[mass]"}
        if not gas_dims <= set(q.dimensionality):
            raise ValidationError(f"{unit!r} is not an amount of {gas} per activity amount")
        if amounts and not any((q * a).dimensionality == target for a in amounts):
            raise ValidationError(
                f"{unit!r} is not {gas} per amount of {activity} (mass, Nm3, m3, energy, tkm, "
                f"pkm or {known.amount_unit if known else ''})"
            )
    elif parameter in _ENERGY_PARAMETERS:
        if amounts and not any((q * a).dimensionality == _ENERGY for a in amounts):
            raise ValidationError(
                f"{unit!r} is not energy per amount of {activity} (e.g. GJ / t, GJ / 10^4 Nm3, "
                "kgce / kWh)"
            )
    elif parameter == "carbon_content" and q.dimensionality != _CARBON_PER_ENERGY:
        raise ValidationError(f"{unit!r} is not carbon per energy (e.g. t C / TJ)")
    elif parameter == "oxidation_rate" and not q.dimensionless:
        raise ValidationError(f"{unit!r} is not a fraction (e.g. %)")


def _frame_from_rows(
    records: list[tuple[object, dict[str, Any]]],
    where: str,
    dataset: str,
    edition: str,
    new_activities: bool = False,
) -> pd.DataFrame:
    frame = _row_errors(records, where)
    _check_table(frame, where, [label for label, _ in records], new_activities)
    frame["year"] = frame["year"].astype("Int64")
    frame.insert(0, "edition", edition)
    frame.insert(0, "dataset", dataset)
    return frame


def _read_csv_records(
    path: Path, check_header: Callable[[list[str]], None] | None = None
) -> list[tuple[object, dict[str, Any]]]:
    """The rows of a UTF-8 CSV file as (line number, cells by column), blank lines skipped.

    ``check_header`` gets the header (names stripped) before any row is read; by default it
    is the factor table's schema check. Errors are `DataError` naming the file and row.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = [name.strip() for name in next(reader, [])]
            if check_header is None:
                _check_header(header, str(path))
            else:
                check_header(header)
            records: list[tuple[object, dict[str, Any]]] = []
            while True:
                number = reader.line_num + 1  # the line the row starts on (cells may span lines)
                cells = next(reader, None)
                if cells is None:
                    break
                if not any(cell.strip() for cell in cells):
                    continue  # a blank line
                if len(cells) != len(header):
                    raise DataError(
                        f"{path}, row {number}: {len(cells)} values for {len(header)} columns "
                        "(a comma inside a value needs quotes)"
                    )
                records.append((number, dict(zip(header, cells, strict=True))))
            return records
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc})") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise DataError(f"{path}, row {reader.line_num}: not readable as CSV ({exc})") from None


def _check_header(header: Sequence[str], where: str) -> None:
    repeated = sorted({c for c in header if list(header).count(c) > 1})
    if repeated:
        raise DataError(f"{where}: column {repeated[0]!r} appears more than once in the header")
    missing = [c for c in COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
    extra = [c for c in header if c not in COLUMNS]
    if missing or extra:
        raise DataError(
            f"{where}: columns do not match the factor schema"
            f"{'; missing ' + ', '.join(missing) if missing else ''}"
            f"{'; unknown ' + ', '.join(extra) if extra else ''}. "
            f"Valid columns: {', '.join(COLUMNS)}"
        )


def _sources_of(
    meta: Mapping[str, Any], dataset: str, edition: str
) -> dict[tuple[str, str, str], Source]:
    found = {}
    for entry in meta.get("sources", []) or []:
        source = Source(
            id=str(entry["id"]),
            title=str(entry.get("title", "")).strip(),
            publisher=str(entry.get("publisher", "")),
            year=str(entry.get("year", "")),
            path=str(entry.get("path", "")),
        )
        found[(dataset, edition, source.id)] = source
    return found


def _read_package(
    folder: Path, dataset: str | None, edition: str | None, new_activities: bool = False
) -> FactorTable:
    """Read a data-package folder; names default to the package's ``name`` and ``version``."""
    meta_path = folder / "datapackage.yaml"
    meta = _read_yaml(meta_path)
    try:
        dataset = dataset or str(meta["name"])
        edition = edition or str(meta["version"])
        (resource,) = meta["resources"]
        data_path = folder / str(resource["path"])
    except (KeyError, TypeError, ValueError):
        raise DataError(
            f"{meta_path}: needs name, version and exactly one resource with a path"
        ) from None
    records = _read_csv_records(data_path)
    fields = [f.get("name") for f in resource.get("schema", {}).get("fields", [])]
    header = list(records[0][1]) if records else []
    if fields and header and fields != header:
        raise DataError(f"{data_path}: columns {header} differ from the schema fields {fields}")
    frame = _frame_from_rows(records, str(data_path), dataset, edition, new_activities)
    try:
        sources = _sources_of(meta, dataset, edition)
    except (KeyError, TypeError):
        raise DataError(f"{meta_path}: every source needs an id and a title") from None
    unresolved = sorted(set(frame["source_id"]) - {s for (_, _, s) in sources})
    if unresolved:
        raise DataError(f"{data_path}: source_id {unresolved[0]!r} is not listed in {meta_path}")
    return FactorTable(frame, sources)


@cache
def _load_package(folder: Path) -> FactorTable:
    """A bundled edition, read once per process (bundled files do not change)."""
    table = _read_package(folder, None, None)
    if table.datasets != [(folder.parent.name, folder.name)]:
        raise DataError(
            f"{folder / 'datapackage.yaml'}: name/version {table.datasets} do not match the "
            f"folder {folder.parent.name}/{folder.name}"
        )
    return table


@cache
def _registry() -> Mapping[str, str]:
    entries = (_read_yaml(factors_dir() / "registry.yaml") or {}).get("datasets", {})
    return {name: str(entry["default"]) for name, entry in entries.items()}


def datasets() -> dict[str, list[str]]:
    """Bundled factor datasets and their editions (the default edition first).

    Examples
    --------
    >>> import carbonfoot as cf
    >>> cf.factors.datasets()["cn-grid-electricity"]
    ['2023', '2021', '2022']
    """
    found: dict[str, list[str]] = {}
    for name, default in _registry().items():
        if name == "gwp":  # the GWP table has its own schema (carbonfoot.units)
            continue
        editions = sorted(p.name for p in (factors_dir() / name).iterdir() if p.is_dir())
        found[name] = [default] + [e for e in editions if e != default]
    return found


def load_factors(dataset: str | None = None, *, edition: str | None = None) -> FactorTable:
    """Load bundled emission factors.

    Parameters
    ----------
    dataset
        A dataset name (see :func:`datasets`); ``None``: every dataset's default edition.
    edition
        An edition of ``dataset``; ``None``: the default named in ``factors/registry.yaml``.

    Raises
    ------
    FactorNotFoundError
        Unknown dataset or edition; the message lists what exists.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> table = cf.load_factors("cn-grid-electricity", edition="2022")
    >>> table.select(activity="electricity.grid", region="CN", year=2022).value
    0.5366
    """
    known = datasets()
    if dataset is None:
        if edition is not None:
            raise ValidationError("edition= needs dataset=: editions belong to one dataset")
        tables = [
            _load_package(factors_dir() / name / editions[0]) for name, editions in known.items()
        ]
        total = tables[0]
        for table in tables[1:]:
            total = total + table
        return total
    if dataset not in known:
        raise FactorNotFoundError(f"Unknown dataset {dataset!r}; bundled: {', '.join(known)}")
    chosen = edition if edition is not None else known[dataset][0]
    if chosen not in known[dataset]:
        raise FactorNotFoundError(
            f"Dataset {dataset!r} has no edition {chosen!r}; editions: {', '.join(known[dataset])}"
        )
    return _load_package(factors_dir() / dataset / chosen)


def read_factors(
    source: str | Path | pd.DataFrame,
    *,
    dataset: str | None = None,
    edition: str | None = None,
    sheet: str | int = 0,
    new_activities: bool = False,
) -> FactorTable:
    """Read your own factor table in carbonfoot's schema (CSV, Excel, a folder, or a DataFrame).

    Parameters
    ----------
    source
        A ``.csv`` or ``.xlsx`` file, a data-package folder (with ``datapackage.yaml``), or a
        DataFrame with the columns of ``factors/README.md``.
    dataset, edition
        Names recorded with every factor selected from this table; default ``"user"`` (for a
        data-package folder: its ``name`` and ``version``).
    sheet
        The Excel sheet to read.
    new_activities
        Accept activity keys outside ``factors/activities.yaml`` (your own activities); by
        default an unknown key is an error, so that a typo cannot make a factor unreachable.

    Raises
    ------
    DataError
        A row or column is malformed; the message names file, row and column, and what would
        be valid. Nothing is returned half-read.
    """
    if isinstance(source, pd.DataFrame):
        _check_header([str(c) for c in source.columns], "DataFrame")
        dataset, edition = dataset or "user", edition or "user"
        records = [
            (label, {str(k): v for k, v in row.items()})
            for label, row in zip(source.index, source.to_dict("records"), strict=True)
        ]
        frame = _frame_from_rows(records, "DataFrame", dataset, edition, new_activities)
        return FactorTable(frame, {})
    path = Path(source)
    if path.is_dir():
        return _read_package(path, dataset, edition, new_activities)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        records = _read_csv_records(path)
    elif suffix in (".xlsx", ".xlsm"):
        records = _read_excel_records(path, sheet)
    else:
        raise DataError(f"{path}: read_factors reads .csv, .xlsx or a data-package folder")
    frame = _frame_from_rows(
        records, str(path), dataset or "user", edition or "user", new_activities
    )
    return FactorTable(frame, {})


def _read_excel_records(path: Path, sheet: str | int) -> list[tuple[object, dict[str, Any]]]:
    try:
        frame = pd.read_excel(path, sheet_name=sheet, dtype=object)
    except ImportError:
        raise DataError(f"{path}: reading Excel needs openpyxl (pip install openpyxl)") from None
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot be read as Excel ({exc})") from None
    _check_header([str(c) for c in frame.columns], str(path))
    # Excel row numbers: the header is row 1
    return [
        (i + 2, {str(k): v for k, v in row.items()})
        for i, row in enumerate(frame.to_dict("records"))
    ]
