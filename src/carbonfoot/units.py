"""The one unit registry of carbonfoot: greenhouse gases as dimensions, CO2e with its metric.

Everything in carbonfoot (and, we recommend, everything in your code that talks to
carbonfoot) uses `ureg` and `Q_` from this module. Quantities from another pint
registry do not mix with these.

Rules the registry enforces
---------------------------
* Each greenhouse gas is its own dimension: ``Q_(1, "t CH4").to("t CO2")`` fails.
  Carbon and CO2 share a dimension and convert by the exact ratio 44/12.
* A gas becomes CO2e only through `to_co2e` with a named GWP metric
  (``AR4GWP100``, ``AR5GWP100``, ``AR6GWP100``, ``AR6GWP20``), whose values come from the
  cited table ``factors/gwp``.
* CO2e remembers its metric: the unit of an AR6 GWP100 amount is ``CO2e (AR6GWP100)``;
  adding it to an AR5 amount raises `carbonfoot.errors.MixedMetricError`.
  ``CO2e`` alone is an amount whose metric is not known; it adds to neither.
* No global state changes a result: the metric is an argument, never an active context.

Unit strings accept what Chinese statistics and the standards write: ``tce``, ``kgce``
(29.3076 MJ), ``toe`` (41.868 GJ), ``Nm3``, ``10^4 Nm3`` / ``万Nm3``, ``10^4 kWh``,
``kgce/万元``, ``MMBtu``, ``tkm``, ``pkm``, ``tCO2`` (compact), ``HFC-134a``,
``CO2-eq`` and ``CO₂``.
"""

from __future__ import annotations

import csv
import functools
import math
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import numpy as np
import pint
from pint.errors import DefinitionSyntaxError as _PintDefinitionSyntaxError
from pint.errors import DimensionalityError as _PintDimensionalityError
from pint.errors import UndefinedUnitError as _PintUndefinedUnitError
from pint.util import UnitsContainer

from carbonfoot._paths import factors_dir
from carbonfoot.errors import (
    DataError,
    DimensionalityError,
    FactorNotFoundError,
    MissingMetricError,
    MixedMetricError,
    UndefinedUnitError,
    UnitError,
    ValidationError,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = [
    "DEFAULT_METRIC",
    "GASES",
    "GWP",
    "GWP_METRICS",
    "Q_",
    "CalorificBasis",
    "Gas",
    "Metric",
    "Quantity",
    "Unit",
    "UnitRegistry",
    "UnitSpec",
    "canonical_gas",
    "check_calorific_basis",
    "check_metric",
    "declare_metric",
    "dimensionless_value",
    "format_unit",
    "from_co2e",
    "gwp",
    "gwp_table",
    "metric_of",
    "parse_unit",
    "to_co2e",
    "ureg",
]

Metric: TypeAlias = Literal["AR4GWP100", "AR5GWP100", "AR6GWP100", "AR6GWP20"]
"""A GWP metric: IPCC assessment report and time horizon."""

GWP_METRICS: Final[tuple[Metric, ...]] = ("AR4GWP100", "AR5GWP100", "AR6GWP100", "AR6GWP20")
"""The GWP metrics carbonfoot knows, oldest first."""

DEFAULT_METRIC: Final[Metric] = "AR6GWP100"
"""The metric used when none is given: IPCC AR6 100-year GWP, the latest assessment. The PACT
Technical Specification (3.0, ``ipccCharacterizationFactors``) asks for the latest available
IPCC characterization factors, i.e. AR6."""

CalorificBasis: TypeAlias = Literal["net", "gross"]
"""Net (lower, NCV, 低位发热量) or gross (higher, GCV, 高位发热量) calorific value basis."""

Gas: TypeAlias = str
"""A gas key of `GASES` (or ``"CO2"``)."""


@dataclass(frozen=True)
class _GasInfo:
    dimension: str
    name_en: str
    name_zh: str


#: Greenhouse gases other than CO2, each its own pint dimension. Keys are the unit names.
GASES: Final[Mapping[str, _GasInfo]] = {
    "CH4": _GasInfo("methane", "methane (fossil/non-fossil not stated)", "甲烷"),
    "CH4_fossil": _GasInfo("methane_fossil", "fossil methane", "化石源甲烷"),
    "CH4_nonfossil": _GasInfo("methane_nonfossil", "non-fossil (biogenic) methane", "非化石源甲烷"),
    "N2O": _GasInfo("nitrous_oxide", "nitrous oxide", "氧化亚氮"),
    "SF6": _GasInfo("sulfur_hexafluoride", "sulphur hexafluoride", "六氟化硫"),
    "NF3": _GasInfo("nitrogen_trifluoride", "nitrogen trifluoride", "三氟化氮"),
    "HFC23": _GasInfo("hfc23", "HFC-23 (trifluoromethane)", "HFC-23（三氟甲烷）"),
    "HFC32": _GasInfo("hfc32", "HFC-32 (difluoromethane)", "HFC-32（二氟甲烷）"),
    "HFC125": _GasInfo("hfc125", "HFC-125 (pentafluoroethane)", "HFC-125（五氟乙烷）"),
    "HFC134a": _GasInfo("hfc134a", "HFC-134a (1,1,1,2-tetrafluoroethane)", "HFC-134a（四氟乙烷）"),
    "HFC143a": _GasInfo("hfc143a", "HFC-143a (1,1,1-trifluoroethane)", "HFC-143a（三氟乙烷）"),
    "CF4": _GasInfo("cf4", "PFC-14 (tetrafluoromethane)", "PFC-14（四氟化碳）"),
    "C2F6": _GasInfo("c2f6", "PFC-116 (hexafluoroethane)", "PFC-116（六氟乙烷）"),
}

#: Other names of gases that unit strings and gas arguments accept.
_GAS_ALIASES: Final[Mapping[str, str]] = {
    "PFC14": "CF4",
    "PFC116": "C2F6",
}

_CO2E_UNIT: Final = "CO2e"
_CO2E_METRIC_UNIT: Final[dict[str, str]] = {m: f"CO2e_{m}" for m in GWP_METRICS}
_METRIC_OF_UNIT: Final[dict[str, str]] = {u: m for m, u in _CO2E_METRIC_UNIT.items()}

# --------------------------------------------------------------------------------------
# Unit definitions (pint syntax). Sources for the conventions:
#   kgce: GB/T 2589-2020 (千克标准煤), 1 kgce = 29 307.6 kJ (7 000 kcal(IT));
#   toe: IEA/OECD convention 1 toe = 10^7 kcal (IT) = 41.868 GJ (pint's definition);
#   Nm3: gas volume at 0 °C and 101.325 kPa; kept as its own dimension so that m3 of gas
#   at unknown conditions never converts to it silently.
# --------------------------------------------------------------------------------------
_DEFINITIONS: Final[tuple[str, ...]] = (
    # carbon and CO2: one dimension, exact 44/12
    "carbon = [carbon] = C",
    "CO2 = 12 / 44 * carbon",
    *(
        f"{name} = [{info.dimension}]"
        + "".join(f" = _ = {a}" for a, n in _GAS_ALIASES.items() if n == name)
        for name, info in GASES.items()
    ),
    "CO2e = [co2e_metric_unknown]",
    *(f"{unit} = [co2e_{metric}]" for metric, unit in _CO2E_METRIC_UNIT.items()),
    # energy
    "gram_coal_equivalent = 29.3076 * kilojoule = gce",
    "kilogram_coal_equivalent = 29.3076 * megajoule = kgce",
    "tonne_coal_equivalent = 1000 * kilogram_coal_equivalent = tce",
    "million_btu = 1e6 * british_thermal_unit = MMBtu",
    # amounts
    "kilotonne = 1000 * metric_ton = kt",
    "normal_cubic_meter = [normal_volume] = Nm3",
    "cubic_meter = meter ** 3 = m3",
    "square_meter = meter ** 2 = m2",
    "tonne_kilometer = metric_ton * kilometer = tkm",
    "piece = [piece] = pcs = item",  # a counted product (PACT declared unit "piece")
    # 重量箱: the flat-glass weight box of the energy quota GB 21340 (10 m2 of 2 mm glass); a
    # dimension of its own, so that it never converts to a mass by accident
    "weight_box = [glass_weight_box]",
    "passenger = [passenger]",
    "passenger_kilometer = passenger * kilometer = pkm",
    "yuan = [currency_CNY] = CNY = 元",
    "wan_yuan = 10000 * yuan",  # 万元, the unit of output value in Chinese statistics
)

#: Units that deliberately replace a pint default: "C" is carbon here, not coulomb;
#: "kt" is a kilotonne, not a knot.
_REDEFINED: Final = frozenset({"carbon = [carbon] = C", "kilotonne = 1000 * metric_ton = kt"})

# --------------------------------------------------------------------------------------
# String preprocessing (must be idempotent: pint may apply it twice to one string)
# --------------------------------------------------------------------------------------
_SUBSCRIPTS: Final = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_RE_HALOCARBON: Final = re.compile(r"(?<![\w])(HFC|PFC|HCFC|CFC)-(\d+[a-z]*)(?![\w])")
_RE_CO2EQ: Final = re.compile(r"CO2(?:-?eq|-e)(?![\w])")
_RE_CO2E_METRIC: Final = re.compile(r"CO2e\s*\(\s*(AR[456]GWP(?:100|20))\s*\)")
_RE_CHINESE_MULTIPLIER: Final = re.compile(r"(万|亿)\s*(?=[^\W\d_])")
_RE_SUPERSCRIPT: Final = re.compile(r"[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SUPERSCRIPT_DIGITS: Final = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
_RE_NM3: Final = re.compile(r"(?<![\w])Nm\s*(?:\^|\*\*)\s*3(?![\w])")
_RE_CALORIE: Final = re.compile(r"(?<![\w])(k?)cal(?![\w])")
_RE_METHANE_ORIGIN: Final = re.compile(r"CH4[-_ ]?(non-?fossil|fossil)(?![\w])")
_RE_REFRIGERANT: Final = re.compile(r"(?<![\w])R-?(\d{2,3}[A-Za-z]?)(?![\w])")
_REFRIGERANT_GASES: Final = frozenset({"134a", "32", "125", "143a", "23"})


def _refrigerant(match: re.Match[str]) -> str:
    number = match.group(1)
    if number not in _REFRIGERANT_GASES:
        raise UnitError(
            f"Unknown gas: refrigerant {match.group(0)!r} is not in carbonfoot's GWP table, which "
            "has R-23, R-32, R-125, R-134a and R-143a. A blend such as R-410A is a mixture: give "
            "the amounts of its component gases, e.g. 'kg HFC-32' and 'kg HFC-125'."
        )
    return f"HFC{number}"


_RE_PRODUCT_SIGN: Final = re.compile(r"\s*[·⋅]\s*|(?<=[A-Za-z])-(?=[A-Za-z])")
_RE_AMBIGUOUS_TON: Final = re.compile(r"(?<![\w])tons?(?![\w])")
_RE_TWO_NUMBERS: Final = re.compile(
    r"(?<![\w.^])\d+(?:\.\d+)?\s+(?!10\s*(?:\^|\*\*))\d+(?:\.\d+)?(?![\w.]*\s*(?:\^|\*\*))"
)
#: Chinese unit words users write, longest first; replaced by unit symbols.
_CHINESE_UNITS: Final[tuple[tuple[str, str], ...]] = (
    ("吨标准煤", "tce"),
    ("千克标准煤", "kgce"),
    ("标准立方米", "Nm3"),
    ("立方米", "m3"),
    ("千瓦时", "kWh"),
    ("吉焦", "GJ"),
    ("兆焦", "MJ"),
    ("公斤", "kg"),
    ("千克", "kg"),
    ("吨", "t"),
)
_GAS_ALTERNATION: Final = "|".join(
    sorted([*GASES, "CO2e", "CO2", "C"], key=len, reverse=True),
)
_RE_COMPACT_MASS_GAS: Final = re.compile(
    rf"(?<![\w])(g|kg|t|kt|Mt|Gt|Mg|Gg|Tg)(?=(?:{_GAS_ALTERNATION})(?![a-z0-9]))"
)

# "10^4Nm3": a number glued to a unit name becomes "10^4 Nm3" (not inside names like "CH4").
_RE_GLUED_NUMBER: Final = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?=[A-Za-z元])(?![eE][-+]?\d)"
)
# "kg CO2 / t km" and "kgce/万元" mean one denominator; pint would read "(kg CO2 / t) km".
_RE_DENOMINATOR: Final = re.compile(r"/\s*([^/*()\s][^/*()]*?\s[^/*()]*?)(?=\s*(?:[/*)]|$))")


def _group_denominator(match: re.Match[str]) -> str:
    return f"/ ({match.group(1).strip()})"


def _refuse_ambiguous(text: str) -> None:
    """Raise for spellings that pint would read as a different, valid, quantity."""
    if _RE_AMBIGUOUS_TON.search(text):
        raise UnitError(
            f"{text!r}: 'ton' is ambiguous (pint reads it as the US short ton, 907.18 kg). "
            "Write 't' or 'tonne' for the metric tonne, or 'short_ton' / 'long_ton'."
        )
    if match := _RE_TWO_NUMBERS.search(text):
        raise UnitError(
            f"{text!r}: two numbers in a row ({match.group(0)!r}) would be multiplied. "
            "Write thousands without separators (1200, not '1 200')."
        )


def _preprocess(text: str) -> str:
    """Rewrite the spellings users write into names the registry parses."""
    text = text.translate(_SUBSCRIPTS)
    text = _RE_SUPERSCRIPT.sub(lambda m: "^" + m.group(0).translate(_SUPERSCRIPT_DIGITS), text)
    for word, symbol in _CHINESE_UNITS:
        text = text.replace(word, f" {symbol} ")
    text = _RE_CHINESE_MULTIPLIER.sub(lambda m: " 10^4 " if m.group(1) == "万" else " 10^8 ", text)
    text = _RE_HALOCARBON.sub(r"\1\2", text)
    text = _RE_REFRIGERANT.sub(_refrigerant, text)
    text = _RE_METHANE_ORIGIN.sub(lambda m: "CH4_" + m.group(1).replace("-", ""), text)
    text = _RE_CO2EQ.sub("CO2e", text)
    text = _RE_CO2E_METRIC.sub(r"CO2e_\1", text)
    text = _RE_NM3.sub("Nm3", text)
    text = _RE_CALORIE.sub(r"\1cal_it", text)
    text = _RE_GLUED_NUMBER.sub(r"\1 ", text)
    text = _RE_COMPACT_MASS_GAS.sub(r"\1 ", text)
    text = _RE_PRODUCT_SIGN.sub(" ", text)
    text = " ".join(text.split())
    _refuse_ambiguous(text)
    return _RE_DENOMINATOR.sub(_group_denominator, text)


# --------------------------------------------------------------------------------------
# Formatting: "t CO2e (AR6GWP100) / kWh", parseable back by the registry
# --------------------------------------------------------------------------------------


def _symbol(registry: UnitRegistry, name: str) -> str:
    if name in _METRIC_OF_UNIT:
        return f"CO2e ({_METRIC_OF_UNIT[name]})"
    return str(registry.get_symbol(name))


def _power(symbol: str, exponent: float) -> str:
    exponent = abs(exponent)
    if exponent == 1:
        return symbol
    text = f"{exponent:g}"
    return f"{symbol}^{text}" if "." not in text else f"{symbol}^({text})"


def format_unit(units: Unit | UnitsContainer | str) -> str:
    """Write a unit the carbonfoot way: symbols, spaces for products, ``/`` for quotients.

    The result is parseable by `ureg` again.

    Parameters
    ----------
    units
        A unit, a pint ``UnitsContainer``, or a unit string.

    Returns
    -------
    str
        For example ``"t CO2e (AR6GWP100) / MWh"``; ``""`` when dimensionless.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> cf.units.format_unit("kg CO2/kWh")
    'kg CO2 / kWh'
    >>> cf.units.format_unit("tCO2e (AR5GWP100)")
    't CO2e (AR5GWP100)'
    """
    if isinstance(units, str):
        container = ureg.parse_units_as_container(units)
    elif isinstance(units, UnitsContainer):
        container = units
    else:
        container = units._units
    items = [(n, float(e)) for n, e in container.items()]  # type: ignore[arg-type]
    numerator = [_power(_symbol(ureg, n), e) for n, e in items if e > 0]
    denominator = [_power(_symbol(ureg, n), e) for n, e in items if e < 0]
    if not numerator and not denominator:
        return ""
    text = " ".join(numerator) if numerator else "1"
    for part in denominator:
        text += f" / {part}"
    return text


# --------------------------------------------------------------------------------------
# Error translation: pint's messages become carbonfoot's, with what would be valid
# --------------------------------------------------------------------------------------
_GAS_DIMENSIONS: Final = frozenset(
    {"[carbon]"} | {f"[{info.dimension}]" for info in GASES.values()}
)
_CO2E_DIMENSIONS: Final[dict[str, str]] = {f"[co2e_{m}]": m for m in GWP_METRICS} | {
    "[co2e_metric_unknown]": "unknown"
}


def _dims(obj: Any) -> set[str]:
    try:
        return {str(k) for k in getattr(obj, "dimensionality", {})}
    except Exception:  # pragma: no cover - defensive
        return set()


def _describe(obj: Any) -> str:
    if isinstance(obj, pint.Quantity):
        magnitude = obj.magnitude
        if isinstance(magnitude, float | int | np.floating | np.integer):
            return f"'{f'{float(magnitude):.6g} {format_unit(obj._units)}'.strip()}'"
        return f"'{obj}'"
    if isinstance(obj, (pint.Unit, UnitsContainer)):
        return f"'{format_unit(obj if isinstance(obj, UnitsContainer) else obj._units)}'"
    return repr(obj)


def _dimensionality_error(a: Any, b: Any, action: str) -> DimensionalityError:
    """Build the carbonfoot error for an incompatible pair, explaining gases and metrics."""
    da, db = _dims(a), _dims(b)
    ca = {_CO2E_DIMENSIONS[d] for d in da if d in _CO2E_DIMENSIONS}
    cb = {_CO2E_DIMENSIONS[d] for d in db if d in _CO2E_DIMENSIONS}
    head = f"Cannot {action} {_describe(a)} and {_describe(b)}"
    metrics = ", ".join(GWP_METRICS)
    if ca and cb and ca != cb:
        if "unknown" in ca | cb:
            return MissingMetricError(
                f"{head}: one is CO2e with no GWP metric stated. State it with "
                f"cf.units.declare_metric(quantity, metric) (one of {metrics}) or write "
                "the unit as 't CO2e (AR6GWP100)'.",
                a,
                b,
            )
        return MixedMetricError(
            f"{head}: CO2e amounts computed with different GWP metrics "
            f"({' vs '.join(sorted(ca | cb))}) do not add up. Recompute both from the gas "
            "amounts with one metric: cf.to_co2e(gas_amount, metric=...).",
            a,
            b,
        )
    gases = (da | db) & _GAS_DIMENSIONS
    if (ca or cb) and gases:
        return MissingMetricError(
            f"{head}: turning a greenhouse gas into CO2e needs a GWP metric. Use "
            f"cf.to_co2e(quantity, metric=...) with one of {metrics}.",
            a,
            b,
        )
    ga, gb = da & _GAS_DIMENSIONS, db & _GAS_DIMENSIONS
    if ga and gb and ga != gb:
        return DimensionalityError(
            f"{head}: they are amounts of different gases. Each greenhouse gas is its own "
            "dimension; compare gases as CO2e with cf.to_co2e(quantity, metric=...).",
            a,
            b,
        )
    if ga != gb:
        plain = _describe(b if ga else a)
        carbon = " ('C' is carbon in carbonfoot, not coulomb)" if "[carbon]" in ga | gb else ""
        return DimensionalityError(
            f"{head}: {plain} names no greenhouse gas{carbon}. Write the gas in the unit, "
            "e.g. 't CO2', 'kg CH4'.",
            a,
            b,
        )
    dim_a = getattr(a, "dimensionality", "")
    dim_b = getattr(b, "dimensionality", "")
    return DimensionalityError(
        f"{head}: their dimensions differ ({dim_a} vs {dim_b}).",
        a,
        b,
    )


def _wrap_dimensionality(action: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(method: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(self: Quantity, other: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, other, *args, **kwargs)
            except DimensionalityError:
                raise
            except _PintDimensionalityError:
                target = other
                if isinstance(other, str):
                    target = ureg.Unit(other)
                raise _dimensionality_error(self, target, action) from None

        wrapper.__name__ = method.__name__
        wrapper.__doc__ = method.__doc__
        return wrapper

    return decorate


# --------------------------------------------------------------------------------------
# Quantity, Unit, registry
# --------------------------------------------------------------------------------------


def _unpickle_quantity(magnitude: Any, units: dict[str, float]) -> Quantity:
    return Q_(magnitude, ureg.UnitsContainer(units))


def _unpickle_unit(units: dict[str, float]) -> Unit:
    return ureg.Unit(ureg.UnitsContainer(units))


class Quantity(pint.UnitRegistry.Quantity[Any]):
    """A pint quantity of carbonfoot's registry.

    It behaves as a `pint.Quantity`, plus: it prints units as carbonfoot writes them
    (``273.0 t CO2e (AR6GWP100)``); incompatible conversions and sums raise carbonfoot errors
    that say what would be valid; a unit string with a number in it (``"10^4 Nm3"``) scales
    the magnitude; and it pickles by value, so a fresh process can load it.
    """

    def __new__(cls, value: Any, units: Any = None) -> Quantity:
        if isinstance(value, str) and not value.strip():
            raise UnitError("Cannot read '' as a quantity: it is empty; write e.g. '1 t CH4'")
        if isinstance(units, str):
            if isinstance(value, str):
                raise UnitError(
                    f"Q_({value!r}, {units!r}): give the magnitude as a number, or the whole "
                    f"quantity as one string, e.g. Q_('{value} {units}')"
                )
            scale, unit = parse_unit(units)
            if scale != 1 and isinstance(value, pint.Quantity):
                raise UnitError(
                    f"Cannot express {value} in {units!r}: a target unit cannot carry a number "
                    f"({scale:g}). Convert to '{unit}' instead."
                )
            if scale != 1:
                value = np.asarray(value) if isinstance(value, list | tuple) else value
                value = value * scale
            units = unit._units
        try:
            return super().__new__(cls, value, units)  # type: ignore[return-value]
        except (_PintUndefinedUnitError, _PintDefinitionSyntaxError) as exc:
            raise _undefined(str(value), exc) from None

    def __reduce__(self) -> tuple[Any, ...]:
        return (_unpickle_quantity, (self._magnitude, dict(self._units)))

    def __str__(self) -> str:
        units = format_unit(self._units)
        if units.startswith("1 / "):  # "5 / s", not "5 1 / s"
            return f"{self._magnitude} {units[2:]}"
        return f"{self._magnitude} {units}" if units else f"{self._magnitude}"

    def __repr__(self) -> str:
        return f"<Quantity({self._magnitude}, '{format_unit(self._units)}')>"

    def __format__(self, spec: str) -> str:
        if spec == "":
            return str(self)
        if spec.endswith(("~", "P", "D", "C", "H", "L")) or "~" in spec:
            return str(super().__format__(spec))
        units = format_unit(self._units)
        return f"{format(self._magnitude, spec)} {units}".rstrip()

    @_wrap_dimensionality("convert between")
    def to(self, other: Any = None, *contexts: Any, **ctx_kwargs: Any) -> Quantity:
        """Return this quantity in other units (see `pint.Quantity.to`)."""
        return super().to(_unit_target(other), *contexts, **ctx_kwargs)

    @_wrap_dimensionality("convert between")
    def ito(self, other: Any = None, *contexts: Any, **ctx_kwargs: Any) -> None:
        """Convert this quantity in place (see `pint.Quantity.ito`)."""
        super().ito(_unit_target(other), *contexts, **ctx_kwargs)

    @_wrap_dimensionality("convert between")
    def m_as(self, units: Any) -> Any:
        """Return the magnitude in the given units (see `pint.Quantity.m_as`)."""
        return super().m_as(_unit_target(units))

    @_wrap_dimensionality("add or subtract")
    def _add_sub(self, other: Any, op: Any) -> Any:
        return super()._add_sub(other, op)

    @_wrap_dimensionality("add or subtract")
    def _iadd_sub(self, other: Any, op: Any) -> Any:
        return super()._iadd_sub(other, op)

    @_wrap_dimensionality("compare")
    def compare(self, other: Any, op: Any) -> Any:
        return super().compare(other, op)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """Let pydantic models take quantities as strings or Quantity and dump them as strings."""
        return UnitSpec().__get_pydantic_core_schema__(source, handler)


class Unit(pint.UnitRegistry.Unit):
    """A pint unit of carbonfoot's registry, printed the carbonfoot way."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_unpickle_unit, (dict(self._units),))

    def __str__(self) -> str:
        # While the registry loads its definitions, pint compares str(unit) with unit names.
        if not _READY:
            return str(super().__str__())
        return format_unit(self._units)

    def __repr__(self) -> str:
        return f"<Unit('{self}')>"

    def __format__(self, spec: str) -> str:
        return str(self) if spec == "" else str(super().__format__(spec))


def _unit_target(other: Any) -> Any:
    """Refuse a conversion target with a number in it, with a message that says why."""
    if isinstance(other, str):
        scale, unit = parse_unit(other)
        if scale != 1:
            raise UnitError(
                f"Cannot convert to {other!r}: a conversion target cannot carry a number "
                f"({scale:g}). Convert to '{unit}' and divide the magnitude by {scale:g}."
            )
        return unit
    return other


def _undefined(text: str, exc: Exception) -> UndefinedUnitError:
    names = getattr(exc, "unit_names", "")
    shown = ", ".join(names) if isinstance(names, tuple) else str(names or exc)
    return UndefinedUnitError(
        f"Unknown unit in {text!r}: {shown}. Valid examples: 't', 'kg CO2 / kWh', "
        "'t CH4', 'GJ', 'tce', 'Nm3', '10^4 kWh', 't CO2e (AR6GWP100)'. Gases: CO2, C, "
        f"{', '.join(GASES)}; write halocarbons without the hyphen or with it (HFC-134a).",
        shown,
    )


class UnitRegistry(pint.UnitRegistry):  # type: ignore[type-arg]
    """pint's registry with carbonfoot's units, preprocessing and error messages.

    Do not build your own: use `carbonfoot.ureg`. Quantities of two registries do not mix.
    """

    Quantity: TypeAlias = Quantity
    Unit: TypeAlias = Unit

    def __init__(self) -> None:
        super().__init__(
            on_redefinition="raise",
            preprocessors=[_preprocess],
            autoconvert_offset_to_baseunit=True,
        )

    def _after_init(self) -> None:
        # pint loads its default definitions here, after __init__; ours go on top of them.
        super()._after_init()
        for definition in _DEFINITIONS:
            if definition in _REDEFINED:
                self._on_redefinition = "ignore"
                try:
                    self.define(definition)
                finally:
                    self._on_redefinition = "raise"
            else:
                self.define(definition)

    def parse_units_as_container(
        self, input_string: str, as_delta: bool | None = None, case_sensitive: bool | None = None
    ) -> UnitsContainer:
        try:
            return super().parse_units_as_container(input_string, as_delta, case_sensitive)
        except (_PintUndefinedUnitError, _PintDefinitionSyntaxError, SyntaxError) as exc:
            raise _undefined(input_string, exc) from None
        except UnitError:
            raise
        except Exception as exc:  # pint's parser raises assorted builtins on bad input
            if "scaling factor" in str(exc):
                raise UnitError(
                    f"{input_string!r} has a number in it; a unit cannot carry one. Give it "
                    f"to cf.Q_(value, {input_string!r}), which scales the magnitude, or to "
                    "cf.units.parse_unit(), which returns (scale, unit)."
                ) from None
            raise UnitError(
                f"Cannot read the unit {input_string!r} ({exc}). Write products with spaces "
                "and quotients with '/', e.g. 'kg CO2e / t km'."
            ) from None

    def parse_expression(
        self, input_string: str, case_sensitive: bool | None = None, **values: Any
    ) -> Quantity:
        if not isinstance(input_string, str) or not input_string.strip():
            raise UnitError(f"Cannot read {input_string!r} as a quantity: it is empty")
        if input_string.lstrip().startswith("["):
            raise UnitError(
                f"Cannot read {input_string[:40]!r}...: arrays are not read from text. Build "
                "them with cf.Q_(numpy_array, unit)."
            )
        try:
            return super().parse_expression(input_string, case_sensitive, **values)  # type: ignore[return-value]
        except (_PintUndefinedUnitError, _PintDefinitionSyntaxError) as exc:
            raise _undefined(input_string, exc) from None
        except (pint.errors.PintError, UnitError):
            raise
        except Exception as exc:  # pint's parser raises assorted builtins on bad input
            raise UnitError(
                f"Cannot read {input_string!r} as a quantity ({exc}). Write a number then a "
                "unit, e.g. '12.5 t CO2e (AR6GWP100)' or '3.2 10^4 Nm3'."
            ) from None

    __call__ = parse_expression


_READY = False
ureg: Final[UnitRegistry] = UnitRegistry()
"""carbonfoot's unit registry, the only one the library uses."""

_READY = True
Q_: Final = ureg.Quantity
"""Build a quantity: ``Q_(1.5, "t CH4")`` or ``Q_("1.5 t CH4")``."""


def parse_unit(text: str) -> tuple[float, Unit]:
    """Read a unit string that may carry a number, e.g. ``"t CO2 / 10^4 Nm3"``.

    Parameters
    ----------
    text
        A unit expression. Numbers are allowed (``10^4``, ``1e4``, ``万``).

    Returns
    -------
    tuple[float, Unit]
        The number and the unit: ``"t CO2 / 10^4 Nm3"`` gives ``(1e-4, t CO2 / Nm3)``.

    Raises
    ------
    UndefinedUnitError
        A name in ``text`` is not a known unit.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> cf.units.parse_unit("t CO2 / 10^4 Nm3")
    (0.0001, <Unit('t CO2 / Nm3')>)
    >>> cf.units.parse_unit("kgce/万元")
    (0.0001, <Unit('kgce / CNY')>)
    """
    if not isinstance(text, str):
        raise UnitError(f"A unit must be given as a string, got {type(text).__name__} {text!r}")
    return _parse_unit(text)


@functools.lru_cache(maxsize=4096)
def _parse_unit(text: str) -> tuple[float, Unit]:
    """`parse_unit` for a string, memoized: units are immutable and parsing is slow."""
    stripped = text.strip()
    if not stripped:
        return 1.0, ureg.Unit("")
    try:
        return 1.0, ureg.Unit(ureg.parse_units_as_container(stripped))
    except UndefinedUnitError:
        raise
    except UnitError:
        pass
    parsed = ureg.parse_expression(stripped)
    if not isinstance(parsed, pint.Quantity):  # pragma: no cover - parse_expression wraps
        raise UnitError(f"{text!r} is a number, not a unit")
    magnitude = float(parsed.magnitude)
    if not math.isfinite(magnitude) or magnitude <= 0:
        raise UnitError(f"{text!r}: the number in a unit must be positive and finite")
    return magnitude, ureg.Unit(parsed._units)


# --------------------------------------------------------------------------------------
# GWP metrics and CO2e
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GWP:
    """One global warming potential with its source.

    Attributes
    ----------
    gas
        Gas key, e.g. ``"N2O"``.
    metric
        GWP metric, e.g. ``"AR6GWP100"``.
    value
        kg CO2e per kg of gas. [-]
    source_id, source_locator, verification
        Where the value was published (see ``factors/gwp/*/datapackage.yaml``) and how it
        was checked.
    """

    gas: str
    metric: str
    value: float
    source_id: str
    source_locator: str
    verification: str


_GWP_LOCK = threading.Lock()
_GWP_CACHE: dict[str, dict[tuple[str, str], GWP]] = {}


def _gwp_edition() -> str:
    import yaml  # local: only needed the first time a GWP is looked up

    path = factors_dir() / "registry.yaml"
    with path.open(encoding="utf-8") as fh:
        registry = yaml.safe_load(fh)
    try:
        return str(registry["datasets"]["gwp"]["default"])
    except (KeyError, TypeError):
        raise DataError(f"{path}: missing datasets.gwp.default (the GWP table edition)") from None


def _load_gwp_table() -> dict[tuple[str, str], GWP]:
    """Read ``factors/gwp/<edition>/data.csv`` once; validate every row."""
    with _GWP_LOCK:
        if "table" in _GWP_CACHE:
            return _GWP_CACHE["table"]
        path = factors_dir() / "gwp" / _gwp_edition() / "data.csv"
        table: dict[tuple[str, str], GWP] = {}
        with path.open(encoding="utf-8", newline="") as fh:
            for row_number, row in enumerate(csv.DictReader(fh), start=2):
                where = f"{path}, row {row_number}"
                gas, metric = row.get("gas", ""), row.get("metric", "")
                if gas not in GASES:
                    raise DataError(f"{where}, column gas: {gas!r} is not one of {list(GASES)}")
                if metric not in GWP_METRICS:
                    raise DataError(f"{where}, column metric: {metric!r} not in {GWP_METRICS}")
                try:
                    value = float(row["value"])
                except (KeyError, TypeError, ValueError):
                    raise DataError(
                        f"{where}, column value: {row.get('value')!r} is not a number"
                    ) from None
                if not math.isfinite(value) or value <= 0:
                    raise DataError(f"{where}, column value: {value} must be positive and finite")
                if (gas, metric) in table:
                    raise DataError(f"{where}: duplicate row for gas {gas}, metric {metric}")
                table[(gas, metric)] = GWP(
                    gas,
                    metric,
                    value,
                    row.get("source_id") or "",
                    row.get("source_locator") or "",
                    row.get("verification") or "",
                )
        _GWP_CACHE["table"] = table
        return table


def gwp_table() -> list[GWP]:
    """Return every bundled GWP value with its source, sorted by metric then gas.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> [g.value for g in cf.units.gwp_table() if g.gas == "N2O"]
    [298.0, 265.0, 273.0, 273.0]
    """
    order: dict[str, int] = {m: i for i, m in enumerate(GWP_METRICS)}
    gases = list(GASES)
    return sorted(_load_gwp_table().values(), key=lambda g: (order[g.metric], gases.index(g.gas)))


def canonical_gas(gas: str) -> str:
    """Return the carbonfoot key of a gas name: ``"HFC-134a"`` gives ``"HFC134a"``.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> cf.units.canonical_gas("PFC-14")
    'CF4'

    Raises
    ------
    FactorNotFoundError
        ``gas`` is not a greenhouse gas carbonfoot knows; the message lists those it knows.
    """
    known, problem = _canonical_gas(str(gas))
    if known is None:
        raise FactorNotFoundError(
            problem or f"Unknown gas {gas!r}; known gases: CO2, {', '.join(GASES)}"
        )
    return known


@functools.lru_cache(maxsize=4096)
def _canonical_gas(gas: str) -> tuple[str | None, str]:
    """`canonical_gas` without raising: (key, '') or (None, why); cached, as plans call it
    once per key."""
    try:
        text = _preprocess(gas).strip()
    except UnitError as exc:
        return None, str(exc)
    text = _GAS_ALIASES.get(text, text)
    return (text, "") if text in GASES or text == "CO2" else (None, "")


def check_metric(metric: object) -> Metric:
    """Return ``metric`` if it is a known GWP metric, else raise `UnitError`."""
    if metric not in GWP_METRICS:
        raise UnitError(f"Unknown GWP metric {metric!r}; valid metrics: {', '.join(GWP_METRICS)}")
    return metric


def gwp(gas: str, metric: str = DEFAULT_METRIC) -> GWP:
    """Look up the GWP of ``gas`` under ``metric`` in the bundled, cited table.

    Parameters
    ----------
    gas
        A key of `GASES` (``"CH4"``, ``"N2O"``, ``"HFC134a"`` ...) or ``"CO2"`` (always 1).
    metric
        One of `GWP_METRICS`; default `DEFAULT_METRIC`.

    Raises
    ------
    FactorNotFoundError
        The table has no value for this gas and metric (for example AR4 gives no separate
        fossil methane value, so ``gwp("CH4_fossil", "AR4GWP100")`` raises).

    Examples
    --------
    >>> import carbonfoot as cf
    >>> cf.units.gwp("CH4_fossil", "AR6GWP100").value
    29.8
    """
    check_metric(metric)
    gas = canonical_gas(gas)
    if gas == "CO2":
        return GWP("CO2", metric, 1.0, "definition", "GWP of CO2 is 1 by definition", "n/a")
    entry = _load_gwp_table().get((gas, metric))
    if entry is None:
        have = [m for (g, m) in _load_gwp_table() if g == gas]
        raise FactorNotFoundError(
            f"No {metric} value for {gas} in the bundled GWP table (it has {gas} for "
            f"{', '.join(have) or 'no metric'}). The IPCC report behind {metric} does not "
            f"publish one we could cite; use 'CH4' or another metric."
        )
    return entry


def _as_quantity(value: object, name: str) -> Quantity:
    if isinstance(value, Quantity):
        return value
    if isinstance(value, str) and not value.strip():
        raise UnitError(f"{name} is an empty string; give a quantity such as '1 t CH4'")
    if isinstance(value, str):
        return ureg.parse_expression(value)
    if isinstance(value, pint.Quantity):
        raise UnitError(
            f"{name} comes from another pint registry; rebuild it with cf.Q_(magnitude, "
            f"'{value.units:~}') so it uses carbonfoot's units"
        )
    raise UnitError(
        f"{name} must be a quantity such as cf.Q_(1, 't CH4') or '1 t CH4', got "
        f"{type(value).__name__} {value!r}"
    )


def _check_finite(q: Quantity, name: str) -> None:
    mag = np.asarray(q.magnitude, dtype=float)
    bad = ~np.isfinite(mag)
    if bad.any():
        where = "" if mag.ndim == 0 else f" at positions {np.flatnonzero(bad)[:10].tolist()}"
        raise ValidationError(f"{name} has a NaN or infinite magnitude{where}: {q}")


def _gas_of(q: Quantity) -> tuple[str, str]:
    """Return (gas key, unit name in q) of the one greenhouse gas in ``q``'s numerator."""
    found: list[tuple[str, str]] = []
    for name, exponent in q._units.items():
        dims = {str(k): v for k, v in ureg.get_dimensionality(name).items()}
        gas_dims = [d for d in dims if d in _GAS_DIMENSIONS]
        if not gas_dims:
            continue
        if exponent != 1:
            raise UnitError(
                f"{q}: the gas unit {name} has exponent {exponent}; to_co2e needs exactly one "
                "gas in the numerator (e.g. 't CH4' or 'kg N2O / kWh')"
            )
        if gas_dims == ["[carbon]"]:
            found.append(("CO2", name))
        else:
            found.extend((g, name) for g, i in GASES.items() if f"[{i.dimension}]" in gas_dims)
    if len(found) != 1:
        raise DimensionalityError(
            f"{q} is not an amount of one greenhouse gas; to_co2e takes e.g. 't CH4', "
            f"'kg N2O / kWh' or 't CO2'. Gases: CO2, C, {', '.join(GASES)}",
            q,
            "",
        )
    return found[0]


def _swap(units: UnitsContainer, old: str, new: str) -> UnitsContainer:
    """Return ``units`` with the unit ``old`` (exponent 1) replaced by ``new``."""
    mapping = {name: exponent for name, exponent in units.items() if name != old}
    mapping[new] = 1
    return ureg.UnitsContainer(mapping)


def metric_of(quantity: Quantity | Unit) -> str | None:
    """Return the GWP metric of a CO2e quantity or unit, ``"unknown"`` for bare ``CO2e``,
    or ``None`` when it is not CO2e.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> cf.units.metric_of(cf.Q_(1, "t CO2e (AR5GWP100)"))
    'AR5GWP100'
    """
    found = {_CO2E_DIMENSIONS[d] for d in _dims(quantity) if d in _CO2E_DIMENSIONS}
    if len(found) > 1:
        raise MixedMetricError(f"{_describe(quantity)} mixes CO2e of several metrics", quantity, "")
    return found.pop() if found else None


def to_co2e(quantity: Quantity | str, metric: str = DEFAULT_METRIC) -> Quantity:
    """Convert an amount of a greenhouse gas to CO2e with a named GWP metric.

    The gas unit is replaced by ``CO2e (<metric>)``, so ``kg N2O / kWh`` becomes
    ``kg CO2e (AR6GWP100) / kWh``. Magnitudes may be numbers or numpy arrays.

    Parameters
    ----------
    quantity
        Amount of one gas, e.g. ``cf.Q_(1, "t N2O")`` or ``"1 t N2O"``. Negative
        amounts (removals) are allowed; NaN and infinity are not.
    metric
        One of `GWP_METRICS`; default `DEFAULT_METRIC` (``AR6GWP100``).

    Returns
    -------
    Quantity
        The CO2e amount, whose unit names the metric.

    Raises
    ------
    UnitError
        Unknown metric, or ``quantity`` is not an amount of one gas.
    MixedMetricError
        ``quantity`` is already CO2e under another metric.
    FactorNotFoundError
        The GWP table has no value for that gas and metric.
    ValidationError
        A magnitude is NaN or infinite.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> print(cf.to_co2e(cf.Q_(1, "t N2O"), metric="AR6GWP100"))
    273.0 t CO2e (AR6GWP100)
    >>> print(cf.to_co2e(cf.Q_(1, "t N2O"), metric="AR5GWP100"))
    265.0 t CO2e (AR5GWP100)
    >>> print(cf.to_co2e("12 t C", metric="AR4GWP100"))
    44.0 t CO2e (AR4GWP100)
    """
    metric = check_metric(metric)
    q = _as_quantity(quantity, "quantity")
    _check_finite(q, "quantity")
    have = metric_of(q)
    if have == metric:
        return Q_(q.magnitude, q._units)  # a new object: the caller's quantity stays untouched
    if have is not None:
        raise _dimensionality_error(q, Q_(1, _CO2E_METRIC_UNIT[metric]), "convert between")
    gas, unit_name = _gas_of(q)
    if gas == "CO2":
        q = q.to(_swap(q._units, unit_name, "CO2"))
        unit_name = "CO2"
    factor = gwp(gas, metric).value
    units = _swap(q._units, unit_name, _CO2E_METRIC_UNIT[metric])
    return Q_(q.magnitude * factor, units)


def from_co2e(quantity: Quantity | str, gas: str) -> Quantity:
    """Convert a CO2e amount back to an amount of ``gas``, with the metric its unit names.

    The inverse of `to_co2e`: ``from_co2e(to_co2e(q, m), gas)`` gives ``q`` back.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> print(cf.units.from_co2e(cf.Q_(273, "t CO2e (AR6GWP100)"), "N2O"))
    1.0 t N2O
    """
    q = _as_quantity(quantity, "quantity")
    _check_finite(q, "quantity")
    metric = metric_of(q)
    if metric is None or metric == "unknown":
        raise MissingMetricError(
            f"{q} is not CO2e with a stated GWP metric; from_co2e needs e.g. 't CO2e (AR6GWP100)'",
            q,
            "",
        )
    (unit_name,) = [n for n in q._units if n in _METRIC_OF_UNIT]
    if q._units[unit_name] != 1:
        raise UnitError(f"{q}: CO2e must appear once in the numerator")
    gas = canonical_gas(gas)
    factor = gwp(gas, metric).value
    return Q_(q.magnitude / factor, _swap(q._units, unit_name, gas))


def declare_metric(quantity: Quantity | str, metric: str) -> Quantity:
    """State the GWP metric of an amount given as bare ``CO2e`` (metric unknown).

    Use it when a supplier or a report gives ``t CO2e`` and says which metric it used.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> print(cf.units.declare_metric("12.5 t CO2e", "AR5GWP100"))
    12.5 t CO2e (AR5GWP100)
    """
    metric = check_metric(metric)
    q = _as_quantity(quantity, "quantity")
    if metric_of(q) != "unknown" or q._units.get(_CO2E_UNIT) != 1:
        raise UnitError(f"declare_metric takes an amount in bare CO2e (metric unknown), got {q}")
    return Q_(q.magnitude, _swap(q._units, _CO2E_UNIT, _CO2E_METRIC_UNIT[metric]))


@functools.lru_cache(maxsize=256)
def dimensionless_value(unit: str) -> float:
    """The size of a dimensionless unit as a plain number; NaN if the unit has a dimension.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> cf.units.dimensionless_value("%"), cf.units.dimensionless_value("permille")
    (0.01, 0.001)
    """
    try:
        scale, parsed = parse_unit(unit)
        return float(Q_(scale, parsed).m_as(""))
    except UnitError:
        return math.nan


def check_calorific_basis(basis: object, where: str = "calorific_basis") -> CalorificBasis:
    """Return ``basis`` if it is ``"net"`` or ``"gross"``; never guess a missing one.

    carbonfoot does not convert between net and gross calorific values: the ratio depends on
    the fuel's hydrogen and moisture content. A heating value, an energy amount derived from
    it and an emission factor per unit of energy must state their basis.

    Raises
    ------
    ValidationError
        ``basis`` is missing or not ``"net"``/``"gross"``; the message names ``where``.
    """
    if basis not in ("net", "gross"):
        raise ValidationError(
            f"{where}: calorific basis {basis!r} is not 'net' (NCV, 低位发热量) or 'gross' "
            "(GCV, 高位发热量); carbonfoot never guesses it"
        )
    return basis


# --------------------------------------------------------------------------------------
# pydantic support
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitSpec:
    """Constraint for a pydantic field holding a quantity.

    Use it in ``Annotated[cf.Quantity, UnitSpec("t CO2e (AR6GWP100)", nonnegative=True)]``.
    The field accepts a `Quantity`, or a string such as ``"12.5 t CO2e (AR6GWP100)"``;
    it is converted to ``unit`` (when given) and dumped as a string that reads back.

    Parameters
    ----------
    unit
        The unit the value must be convertible to, and is converted to. ``None``: any unit.
    nonnegative
        Reject negative magnitudes (NaN and infinity are always rejected).
    """

    unit: str | None = None
    nonnegative: bool = False

    def validate(self, value: object, field: str = "value") -> Quantity:
        """Check ``value`` against this spec and return it as a `Quantity`."""
        q = _as_quantity(value, field)
        if np.ndim(q.magnitude) != 0:
            shape = np.shape(q.magnitude)
            raise ValidationError(f"{field} holds one number, got an array of shape {shape}")
        _check_finite(q, field)
        if self.unit is not None:
            try:
                q = q.to(self.unit)
            except DimensionalityError as exc:
                raise type(exc)(f"{field}: {exc}", exc.units1, exc.units2) from None
        if self.nonnegative and q.magnitude < 0:
            raise ValidationError(f"{field}: {q} is negative; it must be zero or more")
        return q

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import PydanticCustomError, core_schema

        def check(value: object, info: core_schema.ValidationInfo) -> Quantity:
            try:
                return self.validate(value, info.field_name or "value")
            except (UnitError, ValidationError) as exc:
                raise PydanticCustomError(
                    "carbonfoot_quantity", "{reason}", {"reason": str(exc)}
                ) from None

        return core_schema.with_info_plain_validator_function(
            check,
            serialization=core_schema.plain_serializer_function_ser_schema(
                str, when_used="always", return_schema=core_schema.str_schema()
            ),
            json_schema_input_schema=core_schema.str_schema(),
        )
