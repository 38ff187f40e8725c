"""Green-factory evaluation on GB/T 36132-2025: schemes, factory data, scores and the report.

A scheme (``factors/green-factory`` or your own CSV) lists the basic requirements (4.2, gates
that are not scored) and the indicators of the five groups with their points, leading value
(引领值) and baseline (基准值). An indicator scores full marks at or better than its leading
value, zero at or worse than its baseline and, between them, linearly (5.2 recommends linear
interpolation or the range method; carbonfoot interpolates linearly). The result is the sum of
the group scores (6.1); the standard sets no pass mark (6.2).
"""

from __future__ import annotations

import csv
import difflib
import html
import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

import pandas as pd
import pydantic

from carbonfoot._paths import factors_dir
from carbonfoot.errors import DataError, UnitError, ValidationError
from carbonfoot.green import indicators as ind
from carbonfoot.green.quota import QuotaDiagnosis, diagnose_energy
from carbonfoot.units import Q_, Quantity

__all__ = [
    "DATA_FIELDS",
    "GROUPS",
    "PARTIAL_SHARE",
    "SCHEMES",
    "Factory",
    "FactoryProduct",
    "GreenFactoryEvaluation",
    "Scheme",
    "evaluate_green_factory",
    "load_scheme",
]

#: First-level groups of GB/T 36132-2025 (4.1, 4.3), and the extra ones of a scheme.
GROUPS: Final[dict[str, tuple[str, str]]] = {
    "energy": ("能源低碳化", "low-carbon energy"),
    "resources": ("资源高效化", "efficient resource use"),
    "production": ("生产洁净化", "clean production"),
    "product": ("产品绿色化", "green products"),
    "land": ("用地集约化", "intensive land use"),
    "bonus": ("附加项", "bonus items"),
}
#: Bundled schemes: the standard's example table and a provincial example.
SCHEMES: Final[dict[str, str]] = {
    "gbt36132-2025-c1": "GB/T 36132-2025 Appendix C Table C.1 (the standard's example weights)",
    "example-provincial-mock": (
        "EXAMPLE provincial scoring form (public mock transcription, not an official form)"
    ),
}
#: Share of the points a qualitative item answered "partial" scores (a carbonfoot default).
PARTIAL_SHARE: Final = 0.5
_ANSWERS: Final = ("yes", "partial", "no")

#: The factory data the indicators are computed from: key → (中文, English, unit).
DATA_FIELDS: Final[dict[str, tuple[str, str, str]]] = {
    "energy_tce": ("综合能源消费量", "comprehensive energy consumption", "tce"),
    "renewable_energy_tce": ("可再生能源利用量", "renewable energy used", "tce"),
    "co2_t": ("二氧化碳排放量", "CO2 emissions", "t CO2"),
    "output_value": ("工业总产值", "output value", "万元"),
    "water_withdrawal_m3": ("取水量", "water withdrawal", "m3"),
    "water_reused_m3": ("重复利用水量", "water reused", "m3"),
    "solid_waste_generated_t": ("一般工业固体废物产生量", "solid waste generated", "t"),
    "solid_waste_utilized_t": ("一般工业固体废物综合利用量", "solid waste utilised", "t"),
    "solid_waste_stock_utilized_t": (
        "综合利用往年贮存量",
        "earlier years' stock utilised",
        "t",
    ),
    "land_area_m2": ("用地面积", "land area", "m2"),
    "building_area_m2": ("建筑物占地面积", "building footprint", "m2"),
    "structure_area_m2": ("构筑物占地面积", "structure footprint", "m2"),
    "yard_area_m2": ("露天堆场占地面积", "open storage yard area", "m2"),
    "floor_area_m2": (
        "总建筑面积（层高超过8 m的计两倍）",
        "floor area (storeys > 8 m twice)",
        "m2",
    ),
    "material_intensity": ("主要原材料消耗强度", "main raw material intensity", "as the scheme"),
    "pollutant_intensity": ("主要污染物排放强度", "main pollutant intensity", "as the scheme"),
    "platform_functions": ("能碳管理平台功能数", "platform functions in place", "count"),
    "advanced_equipment": ("目录内先进工艺设备数", "advanced equipment items", "count"),
    "retrofit_projects": ("年均绿色低碳改造项目数", "retrofit projects per year", "count"),
    "retrofit_investment_share": ("改造投资额占比", "retrofit investment share", "%"),
    "wastewater_margin": ("废水污染物优于许可限值比例", "wastewater margin", "%"),
    "waste_gas_margin": ("废气污染物优于许可限值比例", "waste gas margin", "%"),
    "footprint_share": ("开展碳足迹核算产品类别占比", "products with a footprint", "%"),
    "energy_saving_products": ("节能产品占比", "energy-saving products", "%"),
}

_Measure = tuple[tuple[str, ...], Callable[[Mapping[str, float]], Quantity | float]]


def _direct(key: str) -> _Measure:
    return (key,), lambda d: d[key]


def _formula(indicator: Callable[..., Quantity], *keys: str) -> _Measure:
    """An indicator computed from the data ``keys``, passed in that order."""
    return keys, lambda d: indicator(*(d[k] for k in keys))


#: How each scheme ``measure`` is found from the factory data: (data needed, formula).
MEASURES: Final[dict[str, _Measure]] = {
    "energy_per_value": _formula(ind.energy_per_value, "energy_tce", "output_value"),
    "co2_per_value": _formula(ind.co2_per_value, "co2_t", "output_value"),
    "renewable_share": _formula(ind.renewable_share, "renewable_energy_tce", "energy_tce"),
    "water_per_value": _formula(ind.water_per_value, "water_withdrawal_m3", "output_value"),
    "water_reuse_rate": _formula(ind.water_reuse_rate, "water_reused_m3", "water_withdrawal_m3"),
    "solid_waste_utilization": (  # the stock utilized (Zw, B.11) is optional: not a needed key
        ("solid_waste_utilized_t", "solid_waste_generated_t"),
        lambda d: ind.solid_waste_utilization(
            d["solid_waste_utilized_t"],
            d["solid_waste_generated_t"],
            d.get("solid_waste_stock_utilized_t", 0.0),
        ),
    ),
    "land_output_value": _formula(ind.land_output_value, "output_value", "land_area_m2"),
    "building_coefficient": _formula(
        ind.building_coefficient,
        "building_area_m2",
        "structure_area_m2",
        "yard_area_m2",
        "land_area_m2",
    ),
    "plot_ratio": _formula(ind.plot_ratio, "floor_area_m2", "land_area_m2"),
    **{
        key: _direct(key)
        for key in (
            "material_intensity",
            "pollutant_intensity",
            "platform_functions",
            "advanced_equipment",
            "retrofit_projects",
            "retrofit_investment_share",
            "wastewater_margin",
            "waste_gas_margin",
            "footprint_share",
            "energy_saving_products",
        )
    },
}
_SPECIAL_MEASURES: Final = frozenset({"energy_intensity", "answer"})


# --------------------------------------------------------------------------------------
# Schemes
# --------------------------------------------------------------------------------------


class SchemeItem(pydantic.BaseModel):
    """One row of a scheme: a basic requirement, a scored indicator or a bonus item."""

    model_config = pydantic.ConfigDict(frozen=True)

    item_id: str
    kind: Literal["requirement", "indicator", "bonus"]
    group: str
    name_zh: str
    name_en: str
    type: Literal["quantitative", "qualitative"]
    direction: Literal["higher", "lower"] | None = None
    points: float | None = None
    leading: float | None = None
    baseline: float | None = None
    band_min_tce: float | None = None
    band_max_tce: float | None = None
    benchmark_rule: str = ""
    unit: str = ""
    measure: str = ""
    source: str = ""
    note: str = ""

    @pydantic.model_validator(mode="after")
    def _consistent(self) -> SchemeItem:
        if self.kind == "requirement":
            return self
        if self.group not in GROUPS:
            raise ValueError(f"group {self.group!r} is not one of {', '.join(GROUPS)}")
        if (self.kind == "bonus") != (self.group == "bonus"):
            raise ValueError("bonus items (and only they) are in group 'bonus'")
        if self.points is None or not self.points >= 0:
            raise ValueError("a scored item needs points >= 0")
        if self.direction is None:
            raise ValueError("a scored item needs a direction: higher or lower")
        if self.measure not in MEASURES and self.measure not in _SPECIAL_MEASURES:
            valid = ", ".join([*MEASURES, *sorted(_SPECIAL_MEASURES)])
            raise ValueError(f"measure {self.measure!r} is unknown; valid: {valid}")
        if (self.type == "qualitative") != (self.measure == "answer"):
            raise ValueError("qualitative items (and only they) have measure 'answer'")
        _check_benchmarks(self.leading, self.baseline, self.direction)
        return self


def _check_benchmarks(leading: float | None, baseline: float | None, direction: str) -> None:
    if leading is None or baseline is None:
        return
    better = leading > baseline if direction == "higher" else leading < baseline
    if not better:
        word = "above" if direction == "higher" else "below"
        raise ValueError(
            f"the leading value {leading:g} must be {word} the baseline {baseline:g} for a "
            f"{direction}-is-better indicator"
        )


@dataclass(frozen=True)
class Scheme:
    """A scoring scheme: its name, what it is, and its items in order."""

    name: str
    description: str
    items: tuple[SchemeItem, ...]

    @property
    def maximum(self) -> float:
        """Points of the scored indicators (bonus items not counted)."""
        return math.fsum(i.points or 0.0 for i in self._scored() if i.kind == "indicator")

    def _scored(self) -> list[SchemeItem]:
        """Scored items, banded items once."""
        seen: set[str] = set()
        out = []
        for item in self.items:
            if item.kind != "requirement" and item.item_id not in seen:
                seen.add(item.item_id)
                out.append(item)
        return out


def _number(text: str, where: str) -> float | None:
    if text is None or str(text).strip() == "":
        return None
    try:
        value = float(text)
    except ValueError:
        raise DataError(f"{where}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise DataError(f"{where}: {text!r} is not a finite number")
    return value


_NUMBER_COLUMNS: Final = ("points", "leading", "baseline", "band_min_tce", "band_max_tce")


_SHARED_BY_BANDS: Final = ("kind", "group", "type", "direction", "points", "measure", "unit")


def _check_items(items: list[SchemeItem], where: str) -> None:
    """One row per item, except banded indicators: same item in every band, bands disjoint."""
    by_id: dict[str, list[SchemeItem]] = {}
    for item in items:
        by_id.setdefault(item.item_id, []).append(item)
    for item_id, rows in by_id.items():
        banded = [r.band_min_tce is not None or r.band_max_tce is not None for r in rows]
        if len(rows) > 1 and not (all(banded) and rows[0].kind == "indicator"):
            raise DataError(
                f"{where} has item {item_id!r} twice; only banded indicators "
                "(band_min_tce / band_max_tce on every row) may repeat"
            )
        for column in _SHARED_BY_BANDS:
            values = {getattr(r, column) for r in rows}
            if len(values) > 1:
                raise DataError(
                    f"{where}: the bands of item {item_id!r} differ in {column} "
                    f"({', '.join(sorted(map(str, values)))}); only the benchmarks may differ"
                )
        spans = sorted(
            (
                r.band_min_tce if r.band_min_tce is not None else -math.inf,
                r.band_max_tce if r.band_max_tce is not None else math.inf,
            )
            for r in rows
        )
        for low, high in spans:
            if not low < high:
                raise DataError(f"{where}: item {item_id!r} has an empty band [{low:g}, {high:g})")
        for (_, high), (low, _) in itertools.pairwise(spans):
            if low < high:
                raise DataError(f"{where}: the bands of item {item_id!r} overlap at {low:g} tce")


def _scheme_from_rows(name: str, rows: list[dict[str, str]], where: str) -> Scheme:
    items = []
    for number, row in enumerate(rows, start=2):
        place = f"{where}, row {number} ({row.get('item_id', '?')!r})"
        try:
            values: dict[str, Any] = {
                k: v for k, v in row.items() if k in SchemeItem.model_fields and k is not None
            }
            for column in _NUMBER_COLUMNS:
                values[column] = _number(row.get(column, ""), f"{place}, column {column}")
            values["direction"] = row.get("direction") or None
            for column in ("source_id", "source_locator"):
                if not (row.get(column) or "").strip():
                    raise DataError(f"{place}, column {column}: empty; every row cites its source")
            values["source"] = f"{row.get('source_id', '')}: {row.get('source_locator', '')}"
            items.append(SchemeItem(**values))
        except pydantic.ValidationError as exc:
            problems = "; ".join(
                (f"column {'.'.join(map(str, e['loc']))}: " if e["loc"] else "")
                + str(e["msg"]).removeprefix("Value error, ")
                for e in exc.errors()
            )
            raise DataError(f"{place}: {problems}") from None
    if not items:
        raise DataError(f"{where}: scheme {name!r} has no rows")
    _check_items(items, f"{where}: scheme {name!r}")
    return Scheme(name, SCHEMES.get(name, f"scheme {name!r} from {where}"), tuple(items))


def load_scheme(scheme: str | Path = "gbt36132-2025-c1") -> Scheme:
    """A bundled scheme by name (`SCHEMES`), or your own from a CSV file with the same columns.

    A CSV may hold several schemes (column ``scheme``); then its path must be followed by
    ``#name``, e.g. ``"my-schemes.csv#anhui-2026"``.

    Examples
    --------
    >>> from carbonfoot.green import load_scheme
    >>> scheme = load_scheme("gbt36132-2025-c1")
    >>> scheme.maximum, len([i for i in scheme.items if i.kind == "requirement"])
    (100.0, 3)
    """
    bundled = factors_dir() / "green-factory" / "gbt36132-2025" / "indicators.csv"
    if isinstance(scheme, str) and scheme in SCHEMES:
        path, name = bundled, scheme
    else:
        text = str(scheme)
        file, _, name = text.partition("#")
        path = Path(file)
        if path.suffix.lower() != ".csv":
            close = difflib.get_close_matches(text, list(SCHEMES), n=2, cutoff=0.5)
            hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
            raise DataError(
                f"scheme {text!r} is neither a bundled scheme ({', '.join(SCHEMES)}) nor a "
                f".csv file.{hint}"
            )
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc})") from None
    names = sorted({r.get("scheme", "") for r in rows})
    if not name:
        if len(names) != 1:
            raise DataError(f"{path} holds schemes {names}; name one as '{path}#<scheme>'")
        name = names[0]
    picked = [r for r in rows if r.get("scheme", "") == name]
    if not picked:
        raise DataError(f"{path} has no scheme {name!r}; it has {names}")
    return _scheme_from_rows(name, picked, str(path))


# --------------------------------------------------------------------------------------
# Factory data
# --------------------------------------------------------------------------------------


class FactoryProduct(pydantic.BaseModel):
    """A product of the factory, for the energy-intensity indicator against its quota."""

    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")

    name: str
    output: float = pydantic.Field(gt=0, allow_inf_nan=False)
    unit: str = pydantic.Field(description="Unit of the output, e.g. 't'.")
    energy_tce: float = pydantic.Field(
        allow_inf_nan=False,
        description="Comprehensive energy of the product, tce; negative where the process "
        "recovers more than it uses (converter steelmaking, GB 21256).",
    )
    quota: str | None = pydantic.Field(
        default=None, description="quota_id of factors/cn-energy-quota (quota_grades())."
    )

    def unit_energy(self) -> Any:
        """单位产品综合能耗, tce per unit of output (B.1)."""
        try:
            output = Q_(self.output, self.unit)
        except UnitError as exc:
            raise ValidationError(f"product {self.name!r}: unit {self.unit!r}: {exc}") from None
        return ind.energy_per_product(self.energy_tce, output)


class Factory(pydantic.BaseModel):
    """A factory's data for one year: what the indicators are computed from.

    ``data`` uses the keys of `DATA_FIELDS` in their units; ``answers`` are "yes", "partial" or
    "no" per qualitative item id; ``requirements`` say which basic requirements (item ids of the
    scheme) are met.
    """

    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")

    name: str
    year: int
    region: str | None = None
    industry: str | None = None
    data: dict[str, float] = pydantic.Field(default_factory=dict)
    products: tuple[FactoryProduct, ...] = ()
    answers: dict[str, Literal["yes", "partial", "no"]] = pydantic.Field(default_factory=dict)
    requirements: dict[str, bool] = pydantic.Field(default_factory=dict)

    @pydantic.field_validator("data")
    @classmethod
    def _known_fields(cls, data: dict[str, float]) -> dict[str, float]:
        for key, value in data.items():
            if key not in DATA_FIELDS:
                close = difflib.get_close_matches(key, list(DATA_FIELDS), n=3)
                hint = f"did you mean {', '.join(map(repr, close))}? " if close else ""
                raise ValueError(
                    f"data key {key!r} is unknown; {hint}valid: {', '.join(DATA_FIELDS)}"
                )
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"data[{key!r}] must be finite and >= 0, got {value!r}")
        return data


# --------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------


def _linear(value: float, leading: float, baseline: float, direction: str) -> float:
    """Share of the points (0…1): 1 at or better than leading, 0 at or worse than baseline."""
    if direction == "higher":
        share = (value - baseline) / (leading - baseline)
    else:
        share = (baseline - value) / (baseline - leading)
    return min(max(share, 0.0), 1.0)


def _gap(value: float, leading: float, direction: str) -> float:
    return max(leading - value, 0.0) if direction == "higher" else max(value - leading, 0.0)


def _missing(keys: tuple[str, ...], data: Mapping[str, float]) -> list[str]:
    return [f"{k} ({DATA_FIELDS[k][0]}, {DATA_FIELDS[k][2]})" for k in keys if k not in data]


@dataclass(frozen=True)
class GreenFactoryEvaluation:
    """Result of `evaluate_green_factory`.

    ``frame`` has one row per scored item (value, score, maximum, gap to the leading value,
    status); ``groups`` the group totals. ``total`` sums the indicator scores (6.1) and
    ``bonus`` the bonus items; items that are not assessable score nothing and say why.
    """

    factory: Factory
    scheme: Scheme
    frame: pd.DataFrame
    groups: pd.DataFrame
    total: float
    maximum: float
    bonus: float
    requirements_not_met: list[str]
    requirements_not_stated: list[str]
    diagnoses: list[QuotaDiagnosis]
    notes: list[str] = field(default_factory=list)

    @property
    def not_assessable(self) -> pd.DataFrame:
        """Items that could not be scored, with what is missing and the points at stake."""
        mask = self.frame["status"].str.startswith("not assessable")
        return self.frame.loc[mask, ["item_id", "name_en", "max", "status"]]

    def _header(self) -> list[str]:
        f = self.factory
        lines = [
            f"绿色工厂评价 Green factory evaluation (GB/T 36132-2025): {f.name}, {f.year} data",
            f"scheme: {self.scheme.name} — {self.scheme.description}",
            f"total 总分 {self.total:.2f} of {self.maximum:g}"
            + (f" (+ bonus 附加分 {self.bonus:.2f})" if self.bonus else "")
            + "; GB/T 36132-2025 sets no pass mark (6.2)",
        ]
        if self.requirements_not_met:
            lines.append(
                "basic requirements NOT met 基本要求未满足: " + "; ".join(self.requirements_not_met)
            )
        if self.requirements_not_stated:
            lines.append(
                "basic requirements not stated 未说明: " + "; ".join(self.requirements_not_stated)
            )
        if not self.requirements_not_met and not self.requirements_not_stated:
            lines.append("basic requirements 基本要求: all met")
        return lines

    def report(self) -> str:
        """A printable report with Chinese and English names."""
        lines = self._header()
        lines.append("")
        rows: list[dict[Any, Any]] = self.frame.to_dict("records")
        for g in self.groups.to_dict("records"):
            extra = (
                f"  (not assessable: {g['not_assessable']:g} points)" if g["not_assessable"] else ""
            )
            lines.append(f"{g['name_zh']} {g['name_en']}: {g['score']:.2f} / {g['max']:g}{extra}")
            for r in (r for r in rows if r["group"] == g["group"]):
                line = f"  - {r['name_zh']} ({r['name_en']}): {r['score']:.2f}/{r['max']:g}"
                if not math.isnan(r["value"]):
                    unit = "" if r["unit"] == "1" else r["unit"]
                    line += f"  value {r['value']:.4g} {unit}".rstrip()
                if not math.isnan(r["gap_to_leading"]) and r["gap_to_leading"]:
                    line += f"; gap to leading {r['gap_to_leading']:.4g}"
                if r["status"] != "scored":
                    line += f"  [{r['status']}]"
                lines.append(line)
        if self.diagnoses:
            lines.append("")
            lines.append("能效诊断 energy-quota diagnosis:")
            lines.extend(str(d) for d in self.diagnoses)
        if self.notes:
            lines.append("")
            lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.report()

    def _repr_html_(self) -> str:
        header = "".join(f"<p>{html.escape(line)}</p>" for line in self._header())
        columns = ["group", "name_zh", "name_en", "value", "unit", "leading", "baseline",
                   "score", "max", "gap_to_leading", "status"]  # fmt: skip
        return (
            header
            + self.groups.to_html(index=False)
            + self.frame[columns].to_html(index=False, na_rep="")
            + "".join(f"<pre>{html.escape(str(d))}</pre>" for d in self.diagnoses)
            + "".join(f"<p>note: {html.escape(n)}</p>" for n in self.notes)
        )


_GROUP_COLUMNS: Final = ("group", "name_zh", "name_en", "score", "max", "not_assessable")
_COLUMNS: Final = (
    "group", "group_zh", "item_id", "kind", "name_zh", "name_en", "value", "unit", "leading",
    "baseline", "score", "max", "gap_to_leading", "status", "detail",
)  # fmt: skip


def _band(items: list[SchemeItem], data: Mapping[str, float]) -> SchemeItem | str:
    if len(items) == 1 and items[0].band_min_tce is None and items[0].band_max_tce is None:
        return items[0]
    energy = data.get("energy_tce")
    if energy is None:
        return "energy_tce (综合能源消费量, tce) to choose the scheme's size band"
    for item in items:
        low = item.band_min_tce if item.band_min_tce is not None else -math.inf
        high = item.band_max_tce if item.band_max_tce is not None else math.inf
        if low <= energy < high:
            return item
    return f"a band for {energy:g} tce (the scheme's bands do not cover it)"


def _diagnose(product: FactoryProduct) -> QuotaDiagnosis:
    """The product's quota diagnosis; a failure names the product."""
    try:
        return diagnose_energy(str(product.quota), product.unit_energy())
    except (UnitError, DataError) as exc:
        raise type(exc)(f"product {product.name!r}: {exc}") from None


def _pair(item_id: str, pair: object) -> tuple[float, float]:
    """A (leading, baseline) pair of finite numbers, or a carbonfoot error naming the item."""
    message = (
        f"benchmarks[{item_id!r}] must be (leading, baseline), two finite numbers, got {pair!r}"
    )
    if not isinstance(pair, (tuple, list)) or len(pair) != 2:
        raise ValidationError(message)
    try:
        leading, baseline = float(pair[0]), float(pair[1])
    except (TypeError, ValueError):
        raise ValidationError(message) from None
    if not (math.isfinite(leading) and math.isfinite(baseline)):
        raise ValidationError(message)
    return leading, baseline


def evaluate_green_factory(
    factory: Factory,
    scheme: str | Path | Scheme = "gbt36132-2025-c1",
    *,
    benchmarks: Mapping[str, tuple[float, float]] | None = None,
    partial_share: float = PARTIAL_SHARE,
) -> GreenFactoryEvaluation:
    """Score a factory against a green-factory scheme (GB/T 36132-2025).

    Parameters
    ----------
    factory
        The factory's data (`Factory`).
    scheme
        A bundled scheme name (`SCHEMES`), a CSV path, or a `Scheme`.
    benchmarks
        ``item_id → (leading, baseline)``: the industry's values where the scheme has none (the
        standard's Table C.1 states most of them in words), or to replace the scheme's.
        ``energy_intensity`` is scored per product against its quota (leading 1级, baseline
        2级) when the factory's products name a quota; benchmarks given for it score the
        energy per output value (B.2, tce/万元) instead.
    partial_share
        Share of the points for a qualitative item answered "partial" (default 0.5).

    Returns
    -------
    GreenFactoryEvaluation
        Per-item value, score, maximum and gap to the leading value; group totals; total score;
        basic requirements not met; the energy-quota diagnosis of each product with a quota.
        An item without the data it needs is "not assessable: <what is missing>" with the
        points it could have scored; it is never scored 0 or full silently.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> factory = cf.examples.load_demo_factory()
    >>> result = cf.evaluate_green_factory(factory, "example-provincial-mock")
    >>> round(result.total, 2), result.maximum
    (49.94, 100.0)
    """
    plan = scheme if isinstance(scheme, Scheme) else load_scheme(scheme)
    if not 0.0 <= partial_share <= 1.0:
        raise ValidationError(f"partial_share must be between 0 and 1, got {partial_share!r}")
    given = dict(benchmarks or {})
    known = {i.item_id for i in plan.items if i.kind != "requirement"}
    directions = {i.item_id: str(i.direction) for i in plan.items if i.kind != "requirement"}
    qualitative = {i.item_id for i in plan.items if i.measure == "answer"}
    for item_id, pair in given.items():
        if item_id not in known:
            close = difflib.get_close_matches(item_id, sorted(known), n=3)
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            raise ValidationError(f"benchmarks: scheme {plan.name!r} has no item {item_id!r}{hint}")
        if item_id in qualitative:
            raise ValidationError(
                f"benchmarks[{item_id!r}]: a qualitative item is scored from the factory's "
                "answers (yes / partial / no), not from benchmark values"
            )
        given[item_id] = _pair(item_id, pair)
        try:
            _check_benchmarks(*given[item_id], directions[item_id])
        except ValueError as exc:
            raise ValidationError(f"item {item_id!r}: {exc}") from None
    data = factory.data
    diagnoses = [_diagnose(p) for p in factory.products if p.quota is not None]
    records: list[dict[str, Any]] = []
    by_id: dict[str, list[SchemeItem]] = {}
    for item in plan.items:
        if item.kind != "requirement":
            by_id.setdefault(item.item_id, []).append(item)
    for item_id, items in by_id.items():
        chosen = _band(items, data)
        first = items[0]
        record: dict[str, Any] = {
            "group": first.group,
            "group_zh": GROUPS[first.group][0],
            "item_id": item_id,
            "kind": first.kind,
            "name_zh": first.name_zh,
            "name_en": first.name_en,
            "value": math.nan,
            "unit": first.unit,
            "leading": math.nan,
            "baseline": math.nan,
            "score": 0.0,
            "max": float(first.points or 0.0),
            "gap_to_leading": math.nan,
            "status": "scored",
            "detail": "",
        }
        if isinstance(chosen, str):
            record["status"] = f"not assessable: missing {chosen}"
        else:
            _score(record, chosen, factory, diagnoses, given.get(item_id), partial_share)
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(_COLUMNS))
    scored = frame[frame["kind"] == "indicator"]
    groups = []
    for key, (zh, en) in GROUPS.items():
        part = frame[frame["group"] == key]
        if part.empty:
            continue
        lost = part["status"].str.startswith("not assessable")
        groups.append({
            "group": key, "name_zh": zh, "name_en": en,
            "score": math.fsum(part["score"]), "max": math.fsum(part["max"]),
            "not_assessable": math.fsum(part.loc[lost, "max"]),
        })  # fmt: skip
    requirements = [i for i in plan.items if i.kind == "requirement"]
    not_met = [f"{i.name_zh} ({i.item_id})" for i in requirements
               if factory.requirements.get(i.item_id) is False]  # fmt: skip
    not_stated = [f"{i.name_zh} ({i.item_id})" for i in requirements
                  if i.item_id not in factory.requirements]  # fmt: skip
    unused = sorted(set(factory.requirements) - {i.item_id for i in requirements}) + sorted(
        set(factory.answers) - {i for i, its in by_id.items() if its[0].measure == "answer"}
    )
    notes = [
        "scores interpolate linearly between baseline (0) and leading value (full) (5.2)",
        f"a qualitative item answered 'partial' scores {partial_share:g} of its points",
    ]
    if unused:
        notes.append(f"not items of scheme {plan.name!r}, not used: {', '.join(unused)}")
    if (
        "solid_waste_utilization" in set(frame["item_id"])
        and "solid_waste_stock_utilized_t" not in data
    ):
        notes.append("solid waste: no stock from earlier years utilised (Zw = 0) assumed (B.11)")
    quota_products = [p for p in factory.products if p.quota is not None]
    if "energy_intensity" in by_id and quota_products and "energy_intensity" not in given:
        if len(quota_products) > 1:
            notes.append("energy intensity: products weighted by their energy use (tce)")
        unquoted = [p.name for p in factory.products if p.quota is None]
        if unquoted:
            notes.append(
                f"energy intensity: scored on the products with a quota only; not on "
                f"{', '.join(unquoted)}"
            )
    return GreenFactoryEvaluation(
        factory=factory,
        scheme=plan,
        frame=frame,
        groups=pd.DataFrame(groups, columns=list(_GROUP_COLUMNS)),
        total=math.fsum(scored["score"]),
        maximum=plan.maximum,
        bonus=math.fsum(frame.loc[frame["kind"] == "bonus", "score"]),
        requirements_not_met=not_met,
        requirements_not_stated=not_stated,
        diagnoses=diagnoses,
        notes=notes,
    )


#: Scheme units that are labels, not units: the value is taken as it is.
_LABEL_UNITS: Final = frozenset({"", "as given", "as the scheme", "count"})


def _in_unit(value: Quantity | float, unit: str, item_id: str) -> float:
    """A measure's value in the scheme item's unit (万元 = wan_yuan, % = percent)."""
    if not isinstance(value, Quantity):
        return float(value)
    if unit in _LABEL_UNITS:
        return float(value.magnitude)
    target = "" if unit == "1" else unit.replace("万元", "wan_yuan").replace("%", "percent")
    try:
        return float(value.to(target).magnitude)
    except (UnitError, ValueError) as exc:
        raise DataError(
            f"scheme item {item_id!r}: its unit {unit!r} does not fit the value {value:~} ({exc})"
        ) from None


def _score(
    record: dict[str, Any],
    item: SchemeItem,
    factory: Factory,
    diagnoses: list[QuotaDiagnosis],
    given: tuple[float, float] | None,
    partial_share: float,
) -> None:
    """Fill ``record`` (value, benchmarks, score, gap, status) for one scored item."""
    points = float(item.points or 0.0)
    direction = str(item.direction)
    if item.measure == "answer":
        answer = factory.answers.get(item.item_id)
        if answer is None:
            record["status"] = (
                f"not assessable: no answer for {item.item_id!r} (yes / partial / no)"
            )
            return
        record["detail"] = answer
        record["score"] = points * {"yes": 1.0, "partial": partial_share, "no": 0.0}[answer]
        return
    if item.measure == "energy_intensity":
        quota_products = [p for p in factory.products if p.quota is not None]
        if quota_products and given is None:
            others = [p for p in factory.products if p.quota is None]
            _score_quota(record, points, quota_products, diagnoses, others)
            return
        measure = "energy_per_value"
    else:
        measure = item.measure
    needs, formula = MEASURES[measure]
    missing = _missing(needs, factory.data)
    if missing:
        record["status"] = f"not assessable: missing {', '.join(missing)}"
        return
    try:
        value = _in_unit(formula(factory.data), item.unit, item.item_id)
    except ValidationError as exc:
        record["status"] = f"not assessable: {exc}"
        return
    record["value"] = value
    leading, baseline = given if given is not None else (item.leading, item.baseline)
    if leading is None or baseline is None:
        rule = item.benchmark_rule or "the scheme gives none"
        record["status"] = (
            f"not assessable: no leading/baseline value ({rule}); pass "
            f"benchmarks={{{item.item_id!r}: (leading, baseline)}}"
        )
        return
    try:
        _check_benchmarks(float(leading), float(baseline), direction)
    except ValueError as exc:
        raise ValidationError(f"item {item.item_id!r}: {exc}") from None
    record["leading"], record["baseline"] = float(leading), float(baseline)
    record["score"] = points * _linear(value, float(leading), float(baseline), direction)
    record["gap_to_leading"] = _gap(value, float(leading), direction)


def _score_quota(
    record: dict[str, Any],
    points: float,
    products: list[FactoryProduct],
    diagnoses: list[QuotaDiagnosis],
    others: list[FactoryProduct],
) -> None:
    """Energy intensity against the quota grades: leading 1级, baseline 2级 (Table C.1 row 1).

    Several products are weighted by their energy use (its size, for net-negative ones);
    products without a quota are not scored and are named in the detail (and the notes).
    """
    weights, shares, details = [], [], []
    for product, diagnosis in zip(products, diagnoses, strict=True):
        g1, g2, _ = diagnosis.grades
        if g1 is None or g2 is None or g1 == g2:
            record["status"] = (
                f"not assessable: quota {diagnosis.quota!r} has no distinct 1级 and 2级 to score "
                "between; pass benchmarks={'energy_intensity': (leading, baseline)}"
            )
            return
        shares.append(_linear(diagnosis.value, g1, g2, "lower"))
        weights.append(abs(product.energy_tce))
        grade = f"{diagnosis.grade}级" if diagnosis.grade else "worse than 3级"
        details.append(f"{product.name}: {diagnosis.value:.4g} {diagnosis.unit} ({grade})")
    total = math.fsum(weights)
    share = (
        math.fsum(w * s for w, s in zip(weights, shares, strict=True)) / total
        if total > 0
        else math.fsum(shares) / len(shares)
    )
    record["score"] = points * share
    if others:
        details.append(
            "not scored, no quota: " + ", ".join(f"{p.name} ({p.energy_tce:g} tce)" for p in others)
        )
    record["detail"] = "; ".join(details)
    record["unit"] = ""
    if len(products) == 1:
        d = diagnoses[0]
        record["value"], record["unit"] = d.value, d.unit
        record["leading"], record["baseline"] = d.grades[0], d.grades[1]
        record["gap_to_leading"] = d.gap_to_grade_1
