"""Industrial parks: park CO2 with a boundary rule, and the zero-carbon park (零碳园区) assessment.

The indicator system is annex 3 of 发改环资〔2025〕910号 (thresholds in
``factors/cn-zero-carbon-park``). The accounting method (annex 4) was not available in full when
this was written (see ``factors/cn-zero-carbon-park/2025-910/accounting-method.md``): every choice
it may settle is a named option of `ParkOptions`, with a documented default, and the options are
printed with every assessment. Change them when the annex (or your auditor) says otherwise.

The boundary rule implemented here: the park's CO2 is that of the fuels burnt and the processes
run inside the park, plus the electricity and heat that cross the park boundary (purchases minus,
by default, exports). Energy that one tenant sells to another inside the park is counted once, at
the tenant that produced it: the buyer's row carries ``supplier`` (the producing entity) and is
left out of the park total, though it stays in the buyer's own (enterprise) inventory as scope 2.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
import pandas as pd
import pydantic

from carbonfoot._keys import as_year, blank, blank_cells
from carbonfoot._paths import factors_dir
from carbonfoot._rows import OVERRIDE_COLUMNS, unit_coefficient
from carbonfoot.energy import EnergyUse, energy_consumption
from carbonfoot.errors import DataError, UnitError, ValidationError
from carbonfoot.factors import FactorTable, activities, load_factors
from carbonfoot.inventory import Emissions, calculate

__all__ = [
    "Enterprise",
    "GuidingData",
    "Park",
    "ParkAccount",
    "ParkAssessment",
    "ParkOptions",
    "account_park",
    "add_green_power",
    "add_pv",
    "assess_zero_carbon_park",
    "compare",
    "switch_fuel",
]

_GRID_FACTORS: Final[dict[str, str]] = {
    "electricity.grid": "grid average of the park's region (MEE/NBS)",
    "electricity.grid.excl_market_nonfossil": (
        "national average excluding market-traded non-fossil power"
    ),
    "electricity.grid.fossil": "national fossil-power factor",
}


@dataclass(frozen=True)
class ParkOptions:
    """The accounting choices that annex 4 may settle; each is printed with every result.

    Attributes
    ----------
    grid_factor
        Activity whose factor prices grid electricity crossing the boundary:
        ``"electricity.grid"`` (default: the MEE/NBS average of the park's province, falling back
        along the region chain), ``"electricity.grid.excl_market_nonfossil"`` or
        ``"electricity.grid.fossil"`` (some implementers read annex 4 this way; unconfirmed).
    green_power
        ``"zero"`` (default): electricity rows with ``instrument`` ``green_power`` (绿电) or
        ``green_certificate`` (绿证) count 0 t CO2; ``"grid"``: they count like other grid power.
    outflow
        ``"subtract"`` (default): electricity and heat delivered out of the park (rows with
        ``direction="export"``) are subtracted from what came into the park of the same carrier,
        so the park counts its net inflow (调入 − 调出) and never less than zero of it, in CO2
        and in energy: an export never credits the fuel burnt inside the park;
        ``"ignore"``: exports are not subtracted.
    electricity_energy
        ``"calorific"`` (当量值, default) or ``"primary"`` (等价值, needs
        ``power_supply_coal_rate``) for electricity in comprehensive energy consumption.
    power_supply_coal_rate
        供电标准煤耗 for the primary convention, e.g. ``"300 gce/kWh"``.
    """

    grid_factor: str = "electricity.grid"
    green_power: Literal["zero", "grid"] = "zero"
    outflow: Literal["subtract", "ignore"] = "subtract"
    electricity_energy: Literal["calorific", "primary"] = "calorific"
    power_supply_coal_rate: str | None = None

    def __post_init__(self) -> None:
        if self.grid_factor not in _GRID_FACTORS:
            raise ValidationError(
                f"grid_factor {self.grid_factor!r} is not one of {', '.join(_GRID_FACTORS)}"
            )
        if self.green_power not in ("zero", "grid"):
            raise ValidationError(f"green_power must be 'zero' or 'grid', got {self.green_power!r}")
        if self.outflow not in ("subtract", "ignore"):
            raise ValidationError(f"outflow must be 'subtract' or 'ignore', got {self.outflow!r}")
        if self.electricity_energy not in ("calorific", "primary"):
            raise ValidationError(
                f"electricity_energy must be 'calorific' (当量值) or 'primary' (等价值), "
                f"got {self.electricity_energy!r}"
            )
        if (self.power_supply_coal_rate is not None) != (self.electricity_energy == "primary"):
            raise ValidationError(
                "power_supply_coal_rate goes with electricity_energy='primary' (等价值), and only "
                "with it"
            )

    def describe(self) -> list[str]:
        """One line per option, as printed in reports."""
        green = "0 t CO2" if self.green_power == "zero" else "grid factor"
        convention = (
            "当量值 (calorific)" if self.electricity_energy == "calorific" else "等价值 (primary)"
        )
        rate = f", {self.power_supply_coal_rate}" if self.power_supply_coal_rate else ""
        return [
            f"grid electricity priced with: {self.grid_factor} ({_GRID_FACTORS[self.grid_factor]})",
            f"green power and certificates: {green}",
            f"electricity and heat delivered out of the park: {self.outflow}",
            f"electricity in energy consumption: {convention}{rate}",
        ]


@dataclass(frozen=True)
class ParkAccount:
    """A park's CO2 and energy for one year, and the enterprise inventories behind them."""

    co2_t: float
    energy_tce: float
    enterprise_co2_t: dict[str, float]
    internal_transfers_co2_t: float
    exports_co2_t: float
    export_credit_co2_t: float
    grid_mwh: float
    grid_co2_t: float
    options: ParkOptions
    emissions: Emissions = field(repr=False)
    energy: EnergyUse = field(repr=False)

    @property
    def fallbacks(self) -> list[str]:
        """Every factor fallback taken (region chain, earlier year), for the report."""
        values = self.emissions.frame["fallback"].astype(str)
        return sorted({part for value in values if value for part in value.split("; ")})

    @property
    def carbon_per_energy(self) -> float:
        """单位能耗碳排放 [t CO2 / tce]."""
        return self.co2_t / self.energy_tce if self.energy_tce > 0 else math.nan


_PARK_COLUMNS: Final = ("entity", "activity", "amount", "unit")


def _first(mask: np.ndarray, frame: pd.DataFrame) -> object:
    return frame.index[int(np.flatnonzero(mask)[0])]


def _prepare(rows: pd.DataFrame, region: str, year: int) -> pd.DataFrame:
    """Check the park rows and mark internal transfers and exports; one calendar year, one park."""
    if not isinstance(rows, pd.DataFrame):
        raise ValidationError(f"park rows must be a DataFrame, got {type(rows).__name__}")
    missing = [c for c in _PARK_COLUMNS if c not in rows.columns]
    if missing:
        raise ValidationError(
            f"park activity rows need columns {', '.join(_PARK_COLUMNS)}; "
            f"missing {', '.join(missing)}"
        )
    frame = rows.copy()
    for column in ("region", "year", "supplier", "direction", "instrument"):
        if column not in frame.columns:
            frame[column] = None
    no_entity = blank_cells(frame["entity"])
    if no_entity.any():
        raise ValidationError(f"row {_first(no_entity, frame)!r}: entity is missing")
    # one park, one calendar year: blank cells take the park's region and year
    frame["region"] = frame["region"].astype(object).where(~blank_cells(frame["region"]), region)
    frame["year"] = frame["year"].astype(object).where(~blank_cells(frame["year"]), year)
    other_year = (pd.to_numeric(frame["year"], errors="coerce") != year).to_numpy()
    if other_year.any():
        given_year = frame["year"].to_numpy()[np.flatnonzero(other_year)[0]]
        raise ValidationError(
            f"row {_first(other_year, frame)!r}: year {given_year!r} is not the year accounted "
            f"({year}); a park account covers one calendar year"
        )
    direction = frame["direction"].where(~blank_cells(frame["direction"]), "consumption")
    bad = (~direction.isin(["consumption", "export"])).to_numpy()
    if bad.any():
        raise ValidationError(
            f"row {_first(bad, frame)!r}: direction must be 'consumption' or 'export'"
        )
    frame["direction"] = direction
    known = activities()
    kind_of = {a: known[a].kind for a in pd.unique(frame["activity"]) if a in known}
    kinds = frame["activity"].map(kind_of).fillna("").astype(object)
    energy_carrier = kinds.isin(["electricity", "heat", "renewable_electricity"]).to_numpy()
    internal = ~blank_cells(frame["supplier"])
    exported = (frame["direction"] == "export").to_numpy()
    checks = (
        (internal & ~energy_carrier, "only electricity and heat can come from another tenant"),
        (
            internal & ~frame["supplier"].isin(set(frame["entity"])).to_numpy(),
            "the supplier is not an entity of the park",
        ),
        (
            internal & (frame["supplier"] == frame["entity"]).to_numpy(),
            "an entity cannot be its own supplier",
        ),
        (internal & exported, "a row cannot be both an internal transfer (supplier) and an export"),
        (exported & ~energy_carrier, "only electricity and heat can be delivered out of the park"),
    )
    for mask, message in checks:
        if mask.any():
            raise ValidationError(f"row {_first(mask, frame)!r}: {message}")
    instrument = frame["instrument"]
    given = ~blank_cells(instrument)
    wrong = given & ~instrument.isin(["green_power", "green_certificate"]).to_numpy()
    if wrong.any():
        given_instrument = instrument.to_numpy()[np.flatnonzero(wrong)[0]]
        raise ValidationError(
            f"row {_first(wrong, frame)!r}: instrument {given_instrument!r} is not one a park "
            "account prices: green_power (绿电) or green_certificate (绿证)"
        )
    not_grid = given & (frame["activity"] != "electricity.grid").to_numpy()
    if not_grid.any():
        raise ValidationError(
            f"row {_first(not_grid, frame)!r}: green power and certificates apply to "
            "electricity.grid rows only"
        )
    frame["_internal"] = internal
    frame["_export"] = exported
    frame["_kind"] = kinds.to_numpy()
    return frame


def account_park(
    rows: pd.DataFrame,
    *,
    region: str,
    year: int,
    options: ParkOptions | None = None,
    factors: FactorTable | None = None,
) -> ParkAccount:
    """Account a park's CO2 (numerator) and comprehensive energy consumption (denominator).

    Parameters
    ----------
    rows
        Activity rows of every entity in the park for the year: ``entity``, ``activity``,
        ``amount``, ``unit``; optional ``supplier`` (the park entity that delivered this
        electricity or heat: an internal transfer), ``direction`` (``"export"`` for electricity
        or heat delivered out of the park), ``instrument`` (``green_power``, ``green_certificate``)
        and the columns `calculate` accepts (own factors for process emissions, ...).
    region, year
        The park's region code (e.g. ``"CN-AH"``) and the calendar year accounted.
    options
        `ParkOptions`; default ``ParkOptions()`` (printed with the result).
    factors
        Factor table; default: every bundled dataset's default edition, plus every edition of
        ``cn-grid-electricity`` (so earlier years have their own grid factors).

    Returns
    -------
    ParkAccount
        Park CO2 [t], energy [tce], each enterprise's own total (its inventory, in which internal
        purchases are scope 2), and the CO2 of internal transfers and exports.
    """
    options = options or ParkOptions()
    table = factors if factors is not None else _all_grid_editions()
    frame = _prepare(rows, region, year)
    internal = frame["_internal"].to_numpy()
    export = frame["_export"].to_numpy()
    priced = frame.drop(columns=["_internal", "_export", "_kind", "direction", "supplier"])
    grid = (priced["activity"] == "electricity.grid").to_numpy() & ~internal
    green = priced["instrument"].isin(["green_power", "green_certificate"]).to_numpy() & grid
    if options.grid_factor != "electricity.grid":
        priced.loc[grid, "activity"] = options.grid_factor
    if green.any() and options.green_power == "zero":
        # green power and certificates count 0 t CO2 (option green_power="zero"), recorded as
        # an own factor of 0 with its reason, so the audit trail says why
        for column, value in (
            ("factor", 0.0),
            ("factor_unit", "t CO2 / MWh"),
            ("factor_source", "green power / certificate: 0 t CO2 (ParkOptions.green_power)"),
        ):
            if column not in priced.columns:
                priced[column] = None
            priced[column] = priced[column].astype(object)
            priced.loc[green, column] = value
    priced["instrument"] = None  # instruments are settled above; the rest is location-based
    emissions = calculate(priced, table, errors="raise")
    co2 = emissions.frame[emissions.co2e_column].to_numpy(dtype=float)
    entity_codes, entities = pd.factorize(frame["entity"])
    totals = np.bincount(entity_codes[~export], weights=co2[~export], minlength=len(entities))
    enterprise = {str(name): float(total) for name, total in zip(entities, totals, strict=True)}
    exports_co2 = float(co2[export].sum())
    park_co2 = float(co2[~internal & ~export].sum())
    energy_use = energy_consumption(
        frame.drop(columns=["_internal", "_export", "_kind", "direction", "supplier"]),
        table,
        electricity=options.electricity_energy,
        power_supply_coal_rate=options.power_supply_coal_rate,
    )
    tce = energy_use.frame["energy [tce]"].to_numpy(dtype=float)
    park_tce = float(tce[~internal & ~export].sum())
    credit_co2 = credit_tce = 0.0
    if options.outflow == "subtract":
        # net inflow per carrier, never below zero: an export is credited at most with what came
        # in of the same carrier, so exports cannot make the park's CO2 or energy negative
        kind = frame["_kind"].to_numpy()
        for carrier in ("electricity", "heat"):
            came_in = ~internal & ~export & (kind == carrier)
            went_out = export & (kind == carrier)
            credit_co2 += min(float(co2[went_out].sum()), float(co2[came_in].sum()))
            credit_tce += min(float(tce[went_out].sum()), float(tce[came_in].sum()))
        park_co2 -= credit_co2
        park_tce -= credit_tce
    priced_grid = grid & ~green & ~export
    grid_mwh = float(
        (
            emissions.frame["amount"].to_numpy(dtype=float)[priced_grid]
            * _mwh_per_unit(frame, priced_grid)
        ).sum()
    )
    return ParkAccount(
        co2_t=park_co2,
        energy_tce=park_tce,
        enterprise_co2_t=enterprise,
        internal_transfers_co2_t=float(co2[internal].sum()),
        exports_co2_t=exports_co2,
        export_credit_co2_t=credit_co2,
        grid_mwh=grid_mwh,
        grid_co2_t=float(co2[priced_grid].sum()),
        options=options,
        emissions=emissions,
        energy=energy_use,
    )


def _mwh_per_unit(frame: pd.DataFrame, mask: np.ndarray) -> np.ndarray:
    """MWh per unit of each masked row's amount (electricity units only)."""
    units = frame["unit"].to_numpy()[mask]
    sizes = {unit: unit_coefficient([str(unit)], "MWh", f"unit {unit!r}") for unit in set(units)}
    return np.array([sizes[u] for u in units], dtype=float)


def _all_grid_editions() -> FactorTable:
    from carbonfoot.factors import datasets

    table = load_factors()
    for edition in datasets()["cn-grid-electricity"][1:]:
        table = table + load_factors("cn-grid-electricity", edition=edition)
    return table


# --------------------------------------------------------------------------------------
# Indicators
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GuidingData:
    """Data for the guiding indicators; a missing figure makes its indicator "not assessable".

    Attributes
    ----------
    clean_energy_tce
        Clean energy consumed in the park [tce] (what counts as clean is the park's declaration;
        carbonfoot does not decide whether natural gas counts).
    solid_waste_generated_t, solid_waste_utilised_t
        Industrial solid waste generated and comprehensively utilised [t].
    waste_heat_available_gj, waste_heat_used_gj
        Waste heat, cold and pressure available and used [GJ].
    water_reused_m3, water_withdrawn_m3
        Industrial water reused and freshly withdrawn [m3];
        reuse rate = reused / (reused + withdrawn).
    product_energy_grades
        Product → the energy-consumption quota grade (1, 2 or 3) its unit energy use meets.
    """

    clean_energy_tce: float | None = None
    solid_waste_generated_t: float | None = None
    solid_waste_utilised_t: float | None = None
    waste_heat_available_gj: float | None = None
    waste_heat_used_gj: float | None = None
    water_reused_m3: float | None = None
    water_withdrawn_m3: float | None = None
    product_energy_grades: dict[str, int] | None = None

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if name == "product_energy_grades" or value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValidationError(f"GuidingData.{name} must be a number, got {value!r}")
            if not math.isfinite(value) or value < 0:
                raise ValidationError(f"GuidingData.{name} must be finite and ≥ 0, got {value}")
        pairs = (
            ("solid_waste_utilised_t", "solid_waste_generated_t"),
            ("waste_heat_used_gj", "waste_heat_available_gj"),
        )
        for used, available in pairs:
            u, a = getattr(self, used), getattr(self, available)
            if u is not None and a is not None and u > a:
                raise ValidationError(f"GuidingData.{used} ({u}) exceeds {available} ({a})")
        for product, grade in (self.product_energy_grades or {}).items():
            if isinstance(grade, bool) or grade not in (1, 2, 3):
                raise ValidationError(
                    f"GuidingData.product_energy_grades[{product!r}] must be the quota grade "
                    f"1, 2 or 3, got {grade!r}"
                )


def _indicators() -> list[dict[str, str]]:
    path = factors_dir() / "cn-zero-carbon-park" / "2025-910" / "indicators.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc})") from None


@dataclass(frozen=True)
class ParkAssessment:
    """Result of `assess_zero_carbon_park`: one row per indicator, with the options used."""

    frame: pd.DataFrame
    account: ParkAccount
    year: int

    def _header(self) -> list[str]:
        fallbacks = self.account.fallbacks
        return [
            f"Zero-carbon park assessment (发改环资〔2025〕910号 annex 3), year {self.year}",
            f"park CO2 {self.account.co2_t:,.1f} t; comprehensive energy consumption "
            f"{self.account.energy_tce:,.1f} tce",
            *[f"option — {line}" for line in self.account.options.describe()],
            f"factor fallbacks — {'; '.join(fallbacks) if fallbacks else 'none'}",
            "size bands as reported by secondary sources (exact band edges unconfirmed)",
        ]

    def __repr__(self) -> str:
        columns = ["name_en", "value", "unit", "threshold", "status", "to_pass"]
        with pd.option_context("display.width", 200, "display.max_colwidth", 60):
            return "\n".join([*self._header(), self.frame[columns].to_string(index=False)])

    def _repr_html_(self) -> str:
        header = "".join(f"<p>{line}</p>" for line in self._header())
        return header + self.frame.to_html(index=False)


def _band(rows: list[dict[str, str]], energy_tce: float) -> dict[str, str] | None:
    for row in rows:
        low = float(row["band_min_tce"]) if row["band_min_tce"] else -math.inf
        high = float(row["band_max_tce"]) if row["band_max_tce"] else math.inf
        if low <= energy_tce < high:
            return row
    return None


def assess_zero_carbon_park(
    rows: pd.DataFrame | Park,
    *,
    region: str | None = None,
    year: int | None = None,
    guiding: GuidingData | None = None,
    options: ParkOptions | None = None,
    factors: FactorTable | None = None,
) -> ParkAssessment:
    """Assess a park against the national zero-carbon park indicators (annex 3).

    ``rows`` is a `Park` (which brings its region, year and guiding data) or the rows of
    `account_park` with ``region`` and ``year``; ``guiding`` is `GuidingData`. The core indicator
    单位能耗碳排放 is compared with the threshold of the park's size band (≤ 0.2 t CO2/tce from
    200,000 to 1,000,000 tce a year, ≤ 0.3 from 1,000,000; below 200,000 no national threshold
    applies). Guiding indicators without data are "not assessable", never a pass.

    Returns
    -------
    ParkAssessment
        ``frame`` with, per indicator: name (中文, English), value, unit, comparison, threshold,
        status (pass / fail / not assessable / no national threshold), margin and what it would
        take to pass.
    """
    if isinstance(rows, Park):
        if region is not None or year is not None:
            raise ValidationError("a Park brings its own region and year; do not pass them again")
        return assess_zero_carbon_park(
            rows.rows(), region=rows.region, year=rows.year,
            guiding=guiding or rows.guiding, options=options, factors=factors,
        )  # fmt: skip
    if region is None or year is None:
        raise ValidationError("assessing rows needs region= and year= (or pass a cf.Park)")
    account = account_park(rows, region=region, year=year, options=options, factors=factors)
    guiding = guiding or GuidingData()
    definitions = _indicators()
    core_rows = [r for r in definitions if r["kind"] == "core"]
    records: list[dict[str, Any]] = [_core(core_rows, account)]
    for row in definitions:
        if row["kind"] == "guiding":
            records.append(_guiding(row, guiding, account))
    frame = pd.DataFrame.from_records(records)
    return ParkAssessment(frame, account, year)


def _core(core_rows: list[dict[str, str]], account: ParkAccount) -> dict[str, Any]:
    value = account.carbon_per_energy
    band = _band(core_rows, account.energy_tce)
    record: dict[str, Any] = {
        "indicator_id": "core_carbon_per_energy",
        "kind": "core",
        "name_zh": "单位能耗碳排放",
        "name_en": "CO2 per unit of energy consumption",
        "value": value,
        "unit": "t CO2 / tce",
    }
    if band is None:
        return record | {
            "band": "below 200,000 tce",
            "comparison": "",
            "threshold": math.nan,
            "status": "no national threshold",
            "margin": math.nan,
            "to_pass": f"energy consumption {account.energy_tce:,.1f} tce/yr is below the "
            "smallest band (200,000 tce); annex 3 sets no national threshold for it",
            "source": "",
        }
    threshold = float(band["threshold"])
    allowed = threshold * account.energy_tce
    cut = account.co2_t - allowed
    passed = value <= threshold
    to_pass = ""
    if not passed:
        to_pass = f"cut {cut:,.1f} t CO2 (to {allowed:,.1f} t at this energy use)"
        if account.grid_mwh > 0:
            per_mwh = account.grid_co2_t / account.grid_mwh
            mwh = cut / per_mwh
            to_pass += (
                f"; e.g. {mwh:,.0f} MWh of grid power replaced by green power"
                if mwh <= account.grid_mwh
                else f"; green power alone cannot do it (grid power is {account.grid_mwh:,.0f} MWh)"
            )
    return record | {
        "band": band["indicator_id"],
        "comparison": "<=",
        "threshold": threshold,
        "status": "pass" if passed else "fail",
        "margin": threshold - value,
        "to_pass": to_pass,
        "source": f"{band['source_id']}, {band['source_locator']}",
    }


_MORE: Final[dict[str, str]] = {
    "solid_waste_utilised_t": "t more solid waste utilised",
    "waste_heat_used_gj": "GJ more waste heat/cold/pressure used",
    "water_reused_m3": "m3 of fresh water replaced by reused water",
}
_RATIOS: Final[dict[str, tuple[str, str, str]]] = {
    # indicator_id: (numerator field, denominator field, how the denominator is formed)
    "guiding_industrial_solid_waste_utilisation": (
        "solid_waste_utilised_t",
        "solid_waste_generated_t",
        "plain",
    ),
    "guiding_waste_heat_cold_pressure_utilisation": (
        "waste_heat_used_gj",
        "waste_heat_available_gj",
        "plain",
    ),
    "guiding_industrial_water_reuse": ("water_reused_m3", "water_withdrawn_m3", "reuse"),
}


def _guiding(row: dict[str, str], data: GuidingData, account: ParkAccount) -> dict[str, Any]:
    record: dict[str, Any] = {
        "indicator_id": row["indicator_id"],
        "kind": "guiding",
        "name_zh": row["name_zh"],
        "name_en": row["name_en"],
        "unit": row["unit"],
        "comparison": row["comparison"],
        "threshold": float(row["threshold"]) if row["threshold"] else math.nan,
        "source": f"{row['source_id']}, {row['source_locator']}",
    }
    indicator = row["indicator_id"]
    if indicator == "guiding_product_energy_quota":
        grades = data.product_energy_grades
        if not grades:
            return record | _not_assessable("product_energy_grades (quota grade per product)")
        worse = {p: g for p, g in grades.items() if g > 2}
        return record | {
            "value": max(grades.values()),
            "unit": "quota grade",
            "status": "fail" if worse else "pass",
            "margin": math.nan,
            "to_pass": f"bring to grade 2 or better: {', '.join(sorted(worse))}" if worse else "",
        }
    if indicator == "guiding_clean_energy_share":
        if data.clean_energy_tce is None:
            return record | _not_assessable("clean_energy_tce")
        numerator, denominator = data.clean_energy_tce, account.energy_tce
        if denominator <= 0 or numerator > denominator:
            return record | _not_assessable(
                f"a clean_energy_tce within the park's energy consumption ({denominator:,.1f} tce)"
            )
        share = 100 * numerator / denominator
        need = record["threshold"] / 100 * denominator - numerator
        what = f"switch {need:,.1f} tce more to clean energy"
    else:
        num_field, den_field, how = _RATIOS[indicator]
        numerator, denominator = getattr(data, num_field), getattr(data, den_field)
        missing = [n for n, v in ((num_field, numerator), (den_field, denominator)) if v is None]
        if missing:
            return record | _not_assessable(", ".join(missing))
        total = denominator + numerator if how == "reuse" else denominator
        if total <= 0:
            return record | _not_assessable(f"a {den_field} above zero")
        share = 100 * numerator / total
        target = record["threshold"] / 100
        # reuse replacing fresh water keeps total use constant: reused must reach target × total
        need = target * total - numerator
        what = f"{need:,.1f} {_MORE[num_field]}"
    passed = share >= record["threshold"]
    return record | {
        "value": share,
        "status": "pass" if passed else "fail",
        "margin": share - record["threshold"],
        "to_pass": "" if passed else what,
    }


def _not_assessable(missing: str) -> dict[str, Any]:
    return {
        "value": math.nan,
        "status": f"not assessable: {missing} missing",
        "margin": math.nan,
        "to_pass": f"provide {missing}",
    }


# --------------------------------------------------------------------------------------
# Scenarios: pure functions from rows to rows, and a before/after comparison
# --------------------------------------------------------------------------------------


def _grid_rows(rows: pd.DataFrame, entity: str) -> np.ndarray:
    """The entity's own grid electricity: no instrument, not from a tenant, not an export."""
    mask = (rows["entity"] == entity).to_numpy() & (
        rows["activity"] == "electricity.grid"
    ).to_numpy()
    for column in ("instrument", "supplier"):
        if column in rows.columns:
            mask = mask & blank_cells(rows[column])
    if "direction" in rows.columns:
        mask = mask & (
            blank_cells(rows["direction"]) | (rows["direction"] == "consumption").to_numpy()
        )
    return np.asarray(mask, dtype=bool)


def _cover_grid(
    rows: pd.DataFrame, entity: str, mwh: float, new_row: dict[str, object], what: str
) -> pd.DataFrame:
    """Scale an entity's own grid electricity down by ``mwh`` and add ``new_row`` for it."""
    from carbonfoot.units import Q_

    grid = _grid_rows(rows, entity)
    if not grid.any():
        raise ValidationError(f"{entity!r} has no grid-electricity rows to cover with {what}")
    sizes = np.array([Q_(1, str(u)).m_as("MWh") for u in rows.loc[grid, "unit"]])
    current = float((rows.loc[grid, "amount"].to_numpy(dtype=float) * sizes).sum())
    if not 0 < mwh <= current:
        raise ValidationError(
            f"{entity!r} buys {current:,.1f} MWh of grid electricity; {what} must be more than 0 "
            f"and at most that, got {mwh:,.1f} MWh"
        )
    out = rows.copy()
    for column in ("instrument", "scenario"):
        if column not in out.columns:
            out[column] = None
    out["amount"] = out["amount"].astype(float)
    out.loc[grid, "amount"] = out.loc[grid, "amount"] * (1 - mwh / current)
    added = {c: None for c in out.columns} | {"entity": entity, "amount": mwh, "unit": "MWh"}
    return pd.concat([out, pd.DataFrame([added | new_row])], ignore_index=True)


def add_green_power(
    rows: pd.DataFrame, entity: str, amount: float, unit: str = "MWh"
) -> pd.DataFrame:
    """Cover ``amount`` of an entity's grid electricity with green power (绿电).

    The entity's grid-electricity rows are scaled down in proportion and one ``green_power`` row
    of ``amount`` is added, so the electricity consumed (and the energy denominator) stays the
    same while its CO2 falls. Raises if the entity buys less grid electricity than ``amount``.
    """
    from carbonfoot.units import Q_

    mwh = float(Q_(amount, unit).m_as("MWh"))
    new_row: dict[str, object] = {
        "activity": "electricity.grid",
        "instrument": "green_power",
        "scenario": f"green power {amount:g} {unit}",
    }
    return _cover_grid(rows, entity, mwh, new_row, "green power")


def add_pv(rows: pd.DataFrame, entity: str, capacity: str, full_load_hours: float) -> pd.DataFrame:
    """Add on-site PV consumed by ``entity``: capacity × full-load hours of its grid electricity
    are generated in the park instead (``electricity.onsite_renewable``, 0 t CO2, still counted
    as electricity in energy consumption). The yield is yours to state: carbonfoot assumes none.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> park = cf.examples.load_demo_park()
    >>> after = cf.park.add_pv(park.rows, "auto parts 2 (fictional)", "2 MW", 1100)
    >>> round(float(after["amount"].iloc[-1]), 1)  # 2 MW × 1100 h
    2200.0
    """
    from carbonfoot.units import Q_

    if not full_load_hours > 0:
        raise ValidationError(f"full_load_hours must be positive, got {full_load_hours}")
    generated = float((Q_(capacity) * Q_(full_load_hours, "h")).m_as("MWh"))
    new_row: dict[str, object] = {
        "activity": "electricity.onsite_renewable",
        "scenario": f"on-site PV {capacity} × {full_load_hours:g} h",
    }
    return _cover_grid(rows, entity, generated, new_row, "on-site PV")


def switch_fuel(
    rows: pd.DataFrame,
    entity: str,
    old: str,
    new: str,
    *,
    old_efficiency: float,
    new_efficiency: float,
    new_unit: str,
    factors: FactorTable | None = None,
) -> pd.DataFrame:
    """Replace an entity's use of fuel ``old`` by ``new`` delivering the same useful heat.

    Useful heat = old amount × NCV(old) × old_efficiency; the new amount = useful heat ÷
    new_efficiency (÷ NCV(new) for a fuel, or directly in ``new_unit`` for electricity, where
    ``new_efficiency`` is a heat pump's coefficient of performance). Both efficiencies are
    arguments: carbonfoot assumes none. NCVs come from the factor table (net basis).
    """
    from carbonfoot.units import Q_, parse_unit

    table = factors if factors is not None else load_factors()
    kind_new = activities()[new].kind if new in activities() else ""
    top = math.inf if kind_new == "electricity" else 1.0  # only a heat pump's COP exceeds 1
    if not (0 < old_efficiency <= 1.0 and 0 < new_efficiency <= top):
        raise ValidationError(
            "old_efficiency must be in (0, 1]; new_efficiency in (0, 1] for a fuel, or a heat "
            f"pump's COP (> 0) for electricity; got {old_efficiency}, {new_efficiency}"
        )
    if kind_new not in ("fuel", "electricity"):
        raise ValidationError(f"switch_fuel switches to a fuel or to electricity, not {new}")
    mask = ((rows["entity"] == entity) & (rows["activity"] == old)).to_numpy()
    if not mask.any():
        raise ValidationError(f"{entity!r} has no {old} rows to switch")
    ncv_old = table.select(old, parameter="ncv").quantity
    scale, target = parse_unit(new_unit)
    kind = activities()[new].kind if new in activities() else ""
    # GJ of the new carrier per GJ of useful heat, then in the new unit
    if kind == "electricity":
        per_gj_heat = Q_(1 / new_efficiency, "GJ").m_as(target) / scale
    else:
        ncv_new = table.select(new, parameter="ncv").quantity
        per_gj_heat = float((Q_(1 / new_efficiency, "GJ") / ncv_new).m_as(target)) / scale
    out = rows.copy()
    if "scenario" not in out.columns:
        out["scenario"] = None
    out["amount"] = out["amount"].astype(float)
    out["unit"] = out["unit"].astype(object)
    label = f"{old} → {new} (efficiency {old_efficiency:g} → {new_efficiency:g})"
    # row by row, vectorized: each period keeps its own amount
    fuel_gj = np.empty(int(mask.sum()))
    for number, (_, row) in enumerate(out.loc[mask].iterrows()):  # scenario rows: a few dozen
        ncv = ncv_old
        if "ncv" in out.columns and not blank(row["ncv"]):
            ncv = Q_(float(row["ncv"]), str(row["ncv_unit"]))  # the row's own measured NCV
        try:
            fuel_gj[number] = float((Q_(float(row["amount"]), str(row["unit"])) * ncv).m_as("GJ"))
        except UnitError as exc:
            raise ValidationError(f"switch_fuel, row {row.name!r}: {exc}") from None
    out.loc[mask, "amount"] = fuel_gj * old_efficiency * per_gj_heat
    out.loc[mask, "activity"] = new
    out.loc[mask, "unit"] = new_unit
    out.loc[mask, "scenario"] = label
    for column in (*OVERRIDE_COLUMNS, "calorific_basis"):  # the old fuel's own values do not apply
        if column in out.columns:
            out[column] = out[column].astype(object)
            out.loc[mask, column] = None
    return out


def compare(before: ParkAssessment, after: ParkAssessment) -> pd.DataFrame:
    """Indicators before and after a scenario, side by side, with the change and both statuses."""
    left = before.frame.set_index("indicator_id")[["name_zh", "name_en", "value", "unit", "status"]]
    right = after.frame.set_index("indicator_id")[["value", "status"]]
    left = left.rename(columns={"value": "value before", "status": "status before"})
    right = right.rename(columns={"value": "value after", "status": "status after"})
    table = left.join(right, how="outer")
    table["change"] = table["value after"] - table["value before"]
    extra = pd.DataFrame(
        {
            "name_en": ["park CO2 [t]", "comprehensive energy consumption [tce]"],
            "value before": [before.account.co2_t, before.account.energy_tce],
            "value after": [after.account.co2_t, after.account.energy_tce],
        },
        index=["park_co2", "park_energy"],
    )
    extra["change"] = extra["value after"] - extra["value before"]
    return pd.concat([extra, table])


# --------------------------------------------------------------------------------------
# Models: an enterprise and a park, from Python, DataFrames or an Excel workbook
# --------------------------------------------------------------------------------------


class Enterprise(pydantic.BaseModel):
    """A park tenant (or the park's own infrastructure) and its activity rows for the year.

    ``activities`` has the columns `calculate` takes (``activity``, ``amount``, ``unit`` ...) and,
    for a park, ``supplier``, ``direction`` and ``instrument`` (see `account_park`).
    """

    model_config = pydantic.ConfigDict(arbitrary_types_allowed=True, frozen=True)

    name: str = pydantic.Field(min_length=1)
    industry: str | None = None
    activities: pd.DataFrame

    @pydantic.field_validator("activities")
    @classmethod
    def activities_have_amounts_and_units(cls, value: pd.DataFrame) -> pd.DataFrame:
        missing = [c for c in ("activity", "amount", "unit") if c not in value.columns]
        if missing:
            raise ValueError(
                f"activity rows need columns activity, amount, unit; missing {missing}"
            )
        return value

    def inventory(
        self,
        region: str,
        year: int,
        *,
        scope2_method: Literal["location", "market"] = "location",
        factors: FactorTable | None = None,
    ) -> Emissions:
        """The enterprise's own inventory (scope 1 and 2, GHG Protocol / GB/T 32150).

        Rows delivered out of the park (``direction="export"``) are not the enterprise's
        purchases and are left out; energy bought from another tenant (``supplier``) is priced
        with the default grid or heat factor, as scope 2. Blank ``region`` and ``year`` cells take
        the arguments.
        """
        rows = self.activities
        if "direction" in rows.columns:
            rows = rows.loc[(rows["direction"] != "export").to_numpy()]
        rows = rows.drop(columns=["supplier", "direction"], errors="ignore").copy()
        for column, value in (("region", region), ("year", year)):
            if column not in rows.columns:
                rows[column] = value
            rows[column] = rows[column].astype(object).where(~blank_cells(rows[column]), value)
        table = factors if factors is not None else _all_grid_editions()
        return calculate(rows, table, scope2_method=scope2_method)


class Park(pydantic.BaseModel):
    """A park for one calendar year: its entities, region and the guiding-indicator data."""

    model_config = pydantic.ConfigDict(arbitrary_types_allowed=True, frozen=True)

    name: str = pydantic.Field(min_length=1)
    region: str = pydantic.Field(min_length=2)
    year: int = pydantic.Field(ge=1900, le=2100)
    enterprises: list[Enterprise] = pydantic.Field(min_length=1)
    guiding: GuidingData = pydantic.Field(default_factory=GuidingData)

    @pydantic.field_validator("enterprises")
    @classmethod
    def entity_names_are_unique(cls, value: list[Enterprise]) -> list[Enterprise]:
        names = [e.name for e in value]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"enterprise names must be unique; repeated: {', '.join(repeated)}")
        return value

    def rows(self) -> pd.DataFrame:
        """All activity rows, with the ``entity`` column."""
        return pd.concat(
            [e.activities.assign(entity=e.name) for e in self.enterprises], ignore_index=True
        )

    def assess(
        self, options: ParkOptions | None = None, factors: FactorTable | None = None
    ) -> ParkAssessment:
        """`assess_zero_carbon_park` for this park."""
        return assess_zero_carbon_park(self, options=options, factors=factors)

    @classmethod
    def from_frame(
        cls,
        rows: pd.DataFrame,
        *,
        name: str,
        region: str,
        year: int,
        guiding: GuidingData | None = None,
    ) -> Park:
        """Build a park from one table of rows with an ``entity`` column."""
        if "entity" not in rows.columns:
            raise ValidationError("park rows need an entity column (the enterprise of each row)")
        no_entity = blank_cells(rows["entity"])
        if no_entity.any():
            raise ValidationError(f"row {_first(no_entity, rows)!r}: entity is missing")
        enterprises = [
            Enterprise(name=str(entity), activities=group.drop(columns=["entity"]))
            for entity, group in rows.groupby("entity", sort=False)
        ]
        return cls(
            name=name, region=region, year=year, enterprises=enterprises,
            guiding=guiding or GuidingData(),
        )  # fmt: skip

    @classmethod
    def from_excel(cls, path: str | Path) -> Park:
        """Read a park workbook: sheet ``park`` (field | value: name, region, year), sheet
        ``activities`` (entity, activity, amount, unit, and optional columns), and optionally
        sheet ``guiding`` (field | value, the fields of `GuidingData`; product grades as
        ``grade:<product>``).

        Errors name the sheet, the row (as numbered in the spreadsheet) and the column.
        """
        source = Path(path)
        try:
            sheets = pd.read_excel(source, sheet_name=None, dtype=object)
        except ImportError:
            raise DataError(
                f"{source}: reading Excel needs openpyxl (pip install openpyxl)"
            ) from None
        except (OSError, ValueError) as exc:
            raise DataError(f"{source}: cannot be read as Excel ({exc})") from None
        for sheet in ("park", "activities"):
            if sheet not in sheets:
                raise DataError(f"{source}: no sheet {sheet!r} (sheets: {', '.join(sheets)})")
        info = _key_values(sheets["park"], source, "park")
        for field_name in ("name", "region", "year"):
            if info.get(field_name) is None:
                raise DataError(f"{source}, sheet park: no value for {field_name!r}")
        activities_sheet = sheets["activities"].dropna(how="all")
        for column in ("entity", "activity", "amount", "unit"):
            if column not in activities_sheet.columns:
                raise DataError(f"{source}, sheet activities: no column {column!r}")
        amounts = pd.to_numeric(activities_sheet["amount"], errors="coerce")
        bad = amounts.isna().to_numpy()
        if bad.any():
            position = int(np.flatnonzero(bad)[0])
            raise DataError(
                f"{source}, sheet activities, row {activities_sheet.index[position] + 2}, column "
                f"amount: {activities_sheet['amount'].iloc[position]!r} is not a number"
            )
        activities_sheet = activities_sheet.assign(amount=amounts.astype(float))
        guiding = GuidingData()
        if "guiding" in sheets:
            guiding = _guiding_from(_key_values(sheets["guiding"], source, "guiding"), source)
        try:
            year = as_year(info["year"])
        except ValidationError:
            raise DataError(
                f"{source}, sheet park, field year: {info['year']!r} is not a year"
            ) from None
        try:
            return cls.from_frame(
                activities_sheet, name=str(info["name"]), region=str(info["region"]), year=year,
                guiding=guiding,
            )  # fmt: skip
        except (ValidationError, pydantic.ValidationError) as exc:
            raise DataError(f"{source}: {exc}") from None


def _key_values(sheet: pd.DataFrame, source: Path, name: str) -> dict[str, Any]:
    if list(sheet.columns[:2]) != ["field", "value"]:
        raise DataError(
            f"{source}, sheet {name}: the first two columns must be 'field' and 'value'"
        )
    found: dict[str, Any] = {}
    for number, (key, value) in enumerate(zip(sheet["field"], sheet["value"], strict=True), 2):
        if not isinstance(key, str) or not key.strip():
            continue
        if key.strip() in found:
            raise DataError(f"{source}, sheet {name}, row {number}: field {key!r} given twice")
        found[key.strip()] = None if blank(value) else value
    return found


def _guiding_from(values: dict[str, Any], source: Path) -> GuidingData:
    grades = {
        k.removeprefix("grade:").strip(): v
        for k, v in values.items()
        if k.startswith("grade:") and v is not None
    }
    numbers = {k: v for k, v in values.items() if not k.startswith("grade:")}
    known = set(GuidingData.__dataclass_fields__) - {"product_energy_grades"}
    unknown = sorted(set(numbers) - known)
    if unknown:
        raise DataError(
            f"{source}, sheet guiding: unknown field {unknown[0]!r}; valid: "
            f"{', '.join(sorted(known))}, grade:<product>"
        )
    try:
        given: dict[str, Any] = {k: float(v) for k, v in numbers.items() if not blank(v)}
        product_grades = {k: int(float(v)) for k, v in grades.items()} or None
        return GuidingData(**given, product_energy_grades=product_grades)
    except (TypeError, ValueError) as exc:
        raise DataError(f"{source}, sheet guiding: {exc}") from None
