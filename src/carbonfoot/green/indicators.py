"""Green-factory indicators of GB/T 36132-2025 Appendix B, as pure functions.

Each function is one formula of the standard's normative Appendix B
(绿色工厂主要定量指标的计算方法), returns a `Quantity` in the unit the standard uses, and
accepts plain numbers in the units its docstring names or quantities in any convertible unit.
Clause numbers are those of the standard; from B.24 on the equation numbers run one ahead of
the clause numbers (B.24 has two equations), so both are cited.

Not implemented, because GB/T 36132-2025 no longer has them and no formula could be cited:
废水处理回用率 (wastewater reuse, a 2018-edition indicator) and 建筑密度 (replaced by 建筑系数,
`building_coefficient`). 单位用地面积税收 is not in the standard either; `land_tax_per_area`
follows the form of B.25 for provincial schemes (亩均税收) that use it.
"""

from __future__ import annotations

import math
import numbers
from typing import Final

from carbonfoot.errors import UnitError, ValidationError
from carbonfoot.units import Q_, Quantity

__all__ = [
    "building_coefficient",
    "co2_per_product",
    "co2_per_value",
    "energy_per_product",
    "energy_per_value",
    "land_output_value",
    "land_tax_per_area",
    "plot_ratio",
    "renewable_share",
    "solid_waste_utilization",
    "water_per_product",
    "water_per_value",
    "water_reuse_rate",
]

#: Output value (产值) and tax are in 万元 (10^4 yuan) throughout the standard.
WAN_YUAN: Final = "wan_yuan"


def _amount(
    value: float | Quantity,
    unit: str,
    what: str,
    *,
    positive: bool = False,
    signed: bool = False,
) -> float:
    """``value`` in ``unit`` as a float; a carbonfoot error names ``what`` when it cannot be."""
    if isinstance(value, Quantity):
        try:
            number = float(value.to(unit).magnitude)
        except (UnitError, ValueError) as exc:
            raise UnitError(f"{what}: {value:~} does not convert to {unit} ({exc})") from None
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
    else:
        raise ValidationError(f"{what} must be a number (in {unit}) or a quantity, got {value!r}")
    if not math.isfinite(number):
        raise ValidationError(f"{what} must be finite, got {number!r} {unit}")
    if (not signed and number < 0) or (positive and number <= 0):
        need = "> 0" if positive else ">= 0"
        raise ValidationError(f"{what} must be {need}, got {number!r} {unit}")
    return number


def _per_product(numerator: float, output: Quantity, unit: str, what: str) -> Quantity:
    if not isinstance(output, Quantity):
        raise ValidationError(
            f"{what}: give the output as a quantity with its product unit, e.g. "
            f"cf.Q_(120000, 't'), got {output!r}"
        )
    size = float(output.magnitude)
    if not math.isfinite(size) or size <= 0:
        raise ValidationError(f"{what}: the output must be finite and > 0, got {output:~}")
    ratio: Quantity = Q_(numerator, unit) / output
    return ratio


def _ratio(
    part: float | Quantity, unit: str, what: str, whole: float | Quantity, per: str, of: str
) -> Quantity:
    """``part`` [unit] per ``whole`` [per], in ``unit / per``; the whole is checked first."""
    whole_amount = _amount(whole, per, of, positive=True)
    return Q_(_amount(part, unit, what) / whole_amount, f"{unit} / {per}")


def energy_per_product(energy: float | Quantity, output: Quantity) -> Quantity:
    """单位产品综合能耗 energy per unit product, ``Eui = Ei / Qi`` (B.1, tce/产品单位).

    ``energy`` is the comprehensive energy consumption of the product (tce, excluding energy used
    as feedstock, per GB/T 2589; negative where the process recovers more energy than it uses,
    as converter steelmaking does); ``output`` the qualified output with its unit.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> from carbonfoot.green.indicators import energy_per_product
    >>> print(energy_per_product(52_000, cf.Q_(500_000, "t")).to("kgce / t"))
    104.0 kgce / t
    """
    energy_tce = _amount(energy, "tce", "energy", signed=True)
    return _per_product(energy_tce, output, "tce", "energy_per_product")


def energy_per_value(energy: float | Quantity, output_value: float | Quantity) -> Quantity:
    """单位产值综合能耗 comprehensive energy per output value, ``Egi = Ei / Gi`` (B.2, tce/万元).

    Examples
    --------
    >>> from carbonfoot.green.indicators import energy_per_value
    >>> print(energy_per_value(52_000, 200_000))
    0.26 tce / wan_yuan
    """
    return _ratio(energy, "tce", "energy", output_value, WAN_YUAN, "output value")


def co2_per_product(co2: float | Quantity, output: Quantity) -> Quantity:
    """单位产品二氧化碳排放量 CO2 per unit product, ``Cui = Ci / Qi`` (B.3, tCO2/产品单位).

    ``co2`` is accounted per GB/T 32150 / GB/T 32151, in principle on the energy boundary.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> from carbonfoot.green.indicators import co2_per_product
    >>> print(co2_per_product(400_000, cf.Q_(500_000, "t")).to("kg CO2 / t"))
    800.0 kg CO2 / t

    (With the output in tonnes, ``t CO2 / t`` cancels to a bare ``CO2``; convert as above.)
    """
    return _per_product(_amount(co2, "t CO2", "CO2"), output, "t CO2", "co2_per_product")


def co2_per_value(co2: float | Quantity, output_value: float | Quantity) -> Quantity:
    """单位产值二氧化碳排放量 CO2 per output value, ``Cgi = Ci / Gi`` (B.4, tCO2/万元).

    Examples
    --------
    >>> from carbonfoot.green.indicators import co2_per_value
    >>> print(co2_per_value(400_000, 200_000))
    2.0 t CO2 / wan_yuan
    """
    return _ratio(co2, "t CO2", "CO2", output_value, WAN_YUAN, "output value")


def renewable_share(renewable: float | Quantity, energy: float | Quantity) -> Quantity:
    """可再生能源利用率 renewable energy share, ``Rre = Ere / E × 100 %`` (B.5, %).

    ``renewable``: renewable energy used (self-generated and self-used, bought in market trades or
    over a dedicated line with settlement proof, or covered by green certificates, each counted
    once); ``energy``: comprehensive energy of the main, auxiliary and ancillary systems (both tce).

    Examples
    --------
    >>> from carbonfoot.green.indicators import renewable_share
    >>> print(renewable_share(2_600, 52_000))
    5.0 %
    """
    total = _amount(energy, "tce", "comprehensive energy", positive=True)
    part = _amount(renewable, "tce", "renewable energy")
    if part > total:
        raise ValidationError(
            f"renewable energy {part:g} tce exceeds the comprehensive energy {total:g} tce (B.5)"
        )
    return Q_(part / total * 100.0, "percent")


def water_per_product(withdrawal: float | Quantity, output: Quantity) -> Quantity:
    """单位产品取水量 water withdrawal per unit product, ``Vui = Vi / Qi`` (B.8, m³/产品单位).

    Examples
    --------
    >>> import carbonfoot as cf
    >>> from carbonfoot.green.indicators import water_per_product
    >>> print(water_per_product(150_000, cf.Q_(500_000, "t")))
    0.3 m3 / t
    """
    return _per_product(_amount(withdrawal, "m3", "water withdrawal"), output, "m3", "water")


def water_per_value(withdrawal: float | Quantity, output_value: float | Quantity) -> Quantity:
    """单位产值取水量 water withdrawal per output value, ``Vgi = Vi / Gi`` (B.9, m³/万元).

    Examples
    --------
    >>> from carbonfoot.green.indicators import water_per_value
    >>> print(water_per_value(150_000, 200_000))
    0.75 m3 / wan_yuan
    """
    return _ratio(withdrawal, "m3", "water withdrawal", output_value, WAN_YUAN, "output value")


def water_reuse_rate(reused: float | Quantity, withdrawal: float | Quantity) -> Quantity:
    """工业用水重复利用率 industrial water reuse rate, ``Rw = Vr / (V + Vr) × 100 %`` (B.10, %).

    ``reused``: water reused (Vr); ``withdrawal``: fresh water withdrawn (V), both m³.

    Examples
    --------
    >>> from carbonfoot.green.indicators import water_reuse_rate
    >>> print(water_reuse_rate(1_350_000, 150_000))
    90.0 %
    """
    vr = _amount(reused, "m3", "reused water")
    total = _amount(withdrawal, "m3", "water withdrawal") + vr
    if total == 0:
        raise ValidationError("water_reuse_rate: no water withdrawn or reused (V + Vr = 0)")
    return Q_(vr / total * 100.0, "percent")


def solid_waste_utilization(
    utilized: float | Quantity, generated: float | Quantity, stock_utilized: float | Quantity = 0.0
) -> Quantity:
    """一般工业固体废物综合利用率, ``Kr = Zr / (Z + Zw) × 100 %`` (B.11, %).

    ``utilized`` (Zr, excluding waste bought in), ``generated`` (Z) and ``stock_utilized`` (Zw,
    earlier years' stock utilised this year), all t.

    Examples
    --------
    >>> from carbonfoot.green.indicators import solid_waste_utilization
    >>> print(solid_waste_utilization(27_000, 30_000))
    90.0 %
    """
    zr = _amount(utilized, "t", "solid waste utilised")
    total = _amount(generated, "t", "solid waste generated") + _amount(
        stock_utilized, "t", "solid waste from stock utilised"
    )
    if total == 0:
        raise ValidationError("solid_waste_utilization: no solid waste generated (Z + Zw = 0)")
    return Q_(zr / total * 100.0, "percent")


def land_output_value(output_value: float | Quantity, land_area: float | Quantity) -> Quantity:
    """单位用地面积产值 output value per m² of land, ``g = G / A用地`` (B.25, 式B.26, 万元/m²).

    ``land_area``: the factory's land by title certificate and boundary (m²).

    Examples
    --------
    >>> from carbonfoot.green.indicators import land_output_value
    >>> print(round(land_output_value(200_000, 180_000), 4))
    1.1111 wan_yuan / m2
    """
    return _ratio(output_value, WAN_YUAN, "output value", land_area, "m2", "land area")


def land_tax_per_area(tax: float | Quantity, land_area: float | Quantity) -> Quantity:
    """单位用地面积税收 tax per m² of land (万元/m²), for provincial 亩均 schemes.

    Not an indicator of GB/T 36132-2025; computed in the form of B.25.

    Examples
    --------
    >>> from carbonfoot.green.indicators import land_tax_per_area
    >>> print(land_tax_per_area(9_000, 180_000))
    0.05 wan_yuan / m2
    """
    return _ratio(tax, WAN_YUAN, "tax", land_area, "m2", "land area")


def building_coefficient(
    buildings: float | Quantity,
    structures: float | Quantity,
    yards: float | Quantity,
    land_area: float | Quantity,
) -> Quantity:
    """建筑系数, ``r = (a建筑物 + a构筑物 + a堆场) / A用地 × 100 %`` (B.26, 式B.27, %).

    Footprints of buildings, structures and open storage yards, and the land area, all m².

    Examples
    --------
    >>> from carbonfoot.green.indicators import building_coefficient
    >>> print(building_coefficient(60_000, 20_000, 10_000, 180_000))
    50.0 %
    """
    area = _amount(land_area, "m2", "land area", positive=True)
    covered = (
        _amount(buildings, "m2", "building footprint")
        + _amount(structures, "m2", "structure footprint")
        + _amount(yards, "m2", "storage yard area")
    )
    return Q_(covered / area * 100.0, "percent")


def plot_ratio(floor_area: float | Quantity, land_area: float | Quantity) -> Quantity:
    """容积率 plot ratio, ``R = A总建筑面积 / A用地`` (B.27, 式B.28, dimensionless).

    ``floor_area``: total floor area, with storeys higher than 8 m counted twice (as B.27 says);
    ``land_area``: m².

    Examples
    --------
    >>> from carbonfoot.green.indicators import plot_ratio
    >>> print(plot_ratio(162_000, 180_000))
    0.9
    """
    area = _amount(land_area, "m2", "land area", positive=True)
    return Q_(_amount(floor_area, "m2", "floor area") / area, "")
