"""Product systems as data: processes, their inputs and outputs, and the product declared.

A `ProductSystem` is a list of `Process` models. Each process makes one or more products
(`Output`) from inputs (`Input`): other processes' products (linked by name), background
activities with emission factors (own factors with their source, or activity keys of the
bundled factor tables), or greenhouse gases emitted directly. `Product` describes the product
whose footprint is declared: its declared unit, boundary and the metadata that PACT carries.

The arithmetic lives in `carbonfoot.product.calc`; these models validate input and call it.

Examples
--------
A two-level bill of materials (FICTIONAL numbers):

>>> import carbonfoot as cf
>>> system = cf.ProductSystem.from_bom(
...     "bracket", "piece",
...     {"steel sheet": (0.8, "kg"), "paint": (0.05, "kg")},
...     factors={"steel sheet": "2.0 kg CO2e (AR6GWP100) / kg | FICTIONAL",
...              "paint": "3.0 kg CO2e (AR6GWP100) / kg | FICTIONAL"},
... )
>>> print(system.solve().co2e("bracket"))
1.75 kg CO2e (AR6GWP100)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from carbonfoot.units import DEFAULT_METRIC

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from carbonfoot.factors import FactorTable
    from carbonfoot.product.calc import SystemResult
    from carbonfoot.product.footprint import ProductFootprint
    from carbonfoot.product.tables import Table

__all__ = [
    "ALLOCATION_METHODS",
    "CATEGORIES",
    "STAGES",
    "Distribution",
    "Input",
    "Output",
    "Process",
    "Product",
    "ProductSystem",
]

Stage = Literal["raw_material_acquisition", "production", "distribution", "use", "end_of_life"]

#: Life-cycle stages (ISO 14067 / GB/T 24067-2024 6.3.4), with Chinese and English names.
STAGES: Final[dict[str, tuple[str, str]]] = {
    "raw_material_acquisition": ("原材料获取", "raw material acquisition"),
    "production": ("生产", "production"),
    "distribution": ("分销", "distribution"),
    "use": ("使用", "use"),
    "end_of_life": ("生命末期", "end of life"),
}

Category = Literal[
    "fossil",
    "biogenic_non_co2",
    "biogenic_co2_uptake",
    "land_use_change",
    "land_management_biogenic_co2_emissions",
    "land_management_biogenic_co2_removals",
    "technological_co2_removals",
]

#: Emission categories kept apart as PACT reports them: (Chinese, English, PACT 3.0 field).
CATEGORIES: Final[dict[str, tuple[str, str, str]]] = {
    "fossil": ("化石温室气体排放", "fossil GHG emissions", "fossilGhgEmissions"),
    "biogenic_non_co2": (
        "生物源非二氧化碳排放",
        "biogenic non-CO2 emissions",
        "biogenicNonCO2Emissions",
    ),
    "biogenic_co2_uptake": ("生物源二氧化碳吸收", "biogenic CO2 uptake", "biogenicCO2Uptake"),
    "land_use_change": (
        "土地利用变化排放",
        "land-use change emissions",
        "landUseChangeGhgEmissions",
    ),
    "land_management_biogenic_co2_emissions": (
        "土地管理生物源二氧化碳排放",
        "land management biogenic CO2 emissions",
        "landManagementBiogenicCO2Emissions",
    ),
    "land_management_biogenic_co2_removals": (
        "土地管理生物源二氧化碳清除",
        "land management biogenic CO2 removals",
        "landManagementBiogenicCO2Removals",
    ),
    "technological_co2_removals": (
        "技术性二氧化碳清除",
        "technological CO2 removals",
        "technologicalCO2Removals",
    ),
}

#: Categories whose amounts are removals: the input's amount is negative (an uptake).
REMOVAL_CATEGORIES: Final = frozenset(
    {
        "biogenic_co2_uptake",
        "land_management_biogenic_co2_removals",
        "technological_co2_removals",
    }
)

Allocation = Literal["mass", "economic", "physical", "explicit", "substitution"]

#: Multi-output rules (ISO 14067 6.4.6; GB/T 24067-2024 6.4.6), Chinese and English names.
ALLOCATION_METHODS: Final[dict[str, tuple[str, str]]] = {
    "mass": ("按质量分配", "allocation by mass"),
    "economic": ("按经济价值分配", "allocation by economic value"),
    "physical": ("按物理属性分配", "allocation by a physical property"),
    "explicit": ("给定分配系数", "explicit allocation factors"),
    "substitution": ("替代法（系统扩展）", "substitution (system expansion)"),
}

_FROZEN = ConfigDict(frozen=True, extra="forbid")


def _not_blank(value: str | None) -> str | None:
    """An optional name: None, or text that is not only spaces."""
    if value is not None and not value.strip():
        raise ValueError("must not be blank; leave it out (None) instead")
    return value


class Distribution(BaseModel):
    """The uncertainty of one stated value (an input's amount or its factor).

    Parameters are in the unit of the value they describe; the stated value is the median
    (lognormal), the mean (normal) or the mode (triangular), and lies within [low, high].

    Attributes
    ----------
    kind
        ``"lognormal"`` (``gsd``: geometric standard deviation, > 1), ``"normal"`` (``sd``:
        standard deviation > 0; samples may be negative), ``"triangular"`` or ``"uniform"``
        (``low`` and ``high``).

    Examples
    --------
    >>> from carbonfoot.product.models import Distribution
    >>> Distribution(kind="lognormal", gsd=1.2).kind
    'lognormal'
    """

    model_config = _FROZEN

    kind: Literal["lognormal", "normal", "triangular", "uniform"]
    gsd: float | None = Field(default=None, gt=1)
    sd: float | None = Field(default=None, gt=0)
    low: float | None = Field(default=None, allow_inf_nan=False)
    high: float | None = Field(default=None, allow_inf_nan=False)

    @model_validator(mode="after")
    def parameters_of_the_kind(self) -> Distribution:
        needs = {
            "lognormal": ("gsd",),
            "normal": ("sd",),
            "triangular": ("low", "high"),
            "uniform": ("low", "high"),
        }[self.kind]
        missing = [n for n in needs if getattr(self, n) is None]
        extra = [
            n
            for n in ("gsd", "sd", "low", "high")
            if n not in needs and getattr(self, n) is not None
        ]
        if missing or extra:
            raise ValueError(
                f"a {self.kind} distribution takes {' and '.join(needs)}"
                + (f"; missing {', '.join(missing)}" if missing else "")
                + (f"; not {', '.join(extra)}" if extra else "")
            )
        if self.low is not None and self.high is not None and not self.low < self.high:
            raise ValueError(f"low ({self.low}) must be below high ({self.high})")
        return self

    def check(self, value: float, what: str) -> None:
        """Raise ValueError unless ``value`` can be the centre of this distribution."""
        if self.low is not None and self.high is not None and not self.low <= value <= self.high:
            raise ValueError(
                f"{what} {value} lies outside its distribution [{self.low}, {self.high}]"
            )
        if value == 0:
            raise ValueError(
                f"{what} is 0: samples are multiples of the stated value, so it must not be 0"
            )


class Input(BaseModel):
    """One input of a process, per the process's stated output amounts.

    Exactly one of these says what the input is:

    - ``product``: another process's product (linked by name), ``amount`` in a unit that
      converts to that product's unit;
    - ``factor`` + ``factor_unit`` + ``factor_source``: a background activity with its own
      emission factor, e.g. 2.1 ``"kg CO2e (AR6GWP100) / kg"`` or 0.58 ``"kg CO2 / kWh"``;
    - ``activity`` (+ ``region``, ``year``): a key of the bundled factor tables
      (``factors/activities.yaml``), e.g. ``"electricity.grid"``;
    - none of them, with ``unit`` a greenhouse-gas mass (``"kg CH4"``): a direct emission.

    Attributes
    ----------
    name
        A label for contributions and errors (default: what the input is).
    amount, unit
        How much per the process's outputs [unit]. Negative only for removals
        (``category`` ending in uptake/removals) or with ``credit=True``.
    category
        Which PACT part its emissions count in (`CATEGORIES`); default ``"fossil"``.
    primary
        Primary (measured at the site) or secondary data; rolls up to the primary-data share.
    dqr
        Data-quality ratings 1 (good) … 3 (fair) per PACT: technological, temporal,
        geographical, completeness, reliability.
    aircraft, packaging
        Flags for PACT's "of which" figures (aircraft transport, packaging).
    """

    model_config = _FROZEN

    name: str = ""
    amount: float
    unit: str
    product: str | None = None
    factor: float | None = None
    factor_unit: str | None = None
    factor_source: str | None = None
    activity: str | None = None
    region: str | None = None
    year: int | None = None
    category: Category = "fossil"
    primary: bool = False
    dqr: Mapping[str, float] | None = None
    credit: bool = False
    aircraft: bool = False
    packaging: bool = False
    amount_uncertainty: Distribution | None = None
    factor_uncertainty: Distribution | None = None

    @field_validator("amount")
    @classmethod
    def amount_is_a_number(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError(f"amount must be a finite number, got {value!r}")
        return value

    @field_validator("dqr")
    @classmethod
    def ratings_are_pact_dqrs(cls, value: Mapping[str, float] | None) -> Mapping[str, float] | None:
        if not value:  # no ratings: None, as {} means the same
            return None
        unknown = set(value) - set(DQR_ASPECTS)
        if unknown:
            raise ValueError(
                f"unknown data-quality aspects {sorted(unknown)}; valid: {', '.join(DQR_ASPECTS)}"
            )
        for aspect, rating in value.items():
            if not 1 <= rating <= 3:
                raise ValueError(
                    f"dqr {aspect} must be between 1 (good) and 3 (fair), got {rating}"
                )
        return dict(value)

    @field_validator("product", "activity", "region")
    @classmethod
    def not_blank(cls, value: str | None) -> str | None:
        return _not_blank(value)

    @model_validator(mode="after")
    def one_kind_and_a_source(self) -> Input:
        kinds = [k for k in ("product", "factor", "activity") if getattr(self, k) is not None]
        if len(kinds) > 1:
            raise ValueError(f"an input is one thing: give only one of {', '.join(kinds)}")
        if self.factor is not None:
            if not self.factor_unit:
                raise ValueError("factor needs factor_unit, e.g. 'kg CO2e (AR6GWP100) / kg'")
            if not (self.factor_source or "").strip():
                raise ValueError(
                    "factor needs factor_source: where the number was published (title, table, "
                    "page); label made-up numbers 'FICTIONAL'"
                )
            if not math.isfinite(self.factor):
                raise ValueError(f"factor must be a finite number, got {self.factor!r}")
        elif self.factor_unit is not None or self.factor_source is not None:
            raise ValueError("factor_unit and factor_source go with factor")
        if self.amount_uncertainty is not None:
            self.amount_uncertainty.check(self.amount, "amount")
        if self.factor_uncertainty is not None:
            if self.factor is None:
                raise ValueError("factor_uncertainty needs an own factor (factor=...)")
            self.factor_uncertainty.check(self.factor, "factor")
        removal = self.category in REMOVAL_CATEGORIES
        if self.amount < 0 and not (removal or self.credit):
            raise ValueError(
                f"amount {self.amount} is negative; only removals (category "
                f"{', '.join(sorted(REMOVAL_CATEGORIES))}) or credit=True inputs may be"
            )
        if removal and self.amount > 0 and self.product is None:
            raise ValueError(f"a {self.category} input is a removal: give it a negative amount")
        return self

    @property
    def kind(self) -> str:
        """``"product"``, ``"factor"``, ``"activity"`` or ``"emission"``."""
        for kind in ("product", "factor", "activity"):
            if getattr(self, kind) is not None:
                return kind
        return "emission"

    @property
    def label(self) -> str:
        """The name, or what the input is."""
        return self.name or self.product or self.activity or self.unit


#: PACT data-quality aspects, with Chinese and English names.
DQR_ASPECTS: Final[dict[str, tuple[str, str]]] = {
    "technological": ("技术代表性", "technological representativeness"),
    "temporal": ("时间代表性", "temporal representativeness"),
    "geographical": ("地理代表性", "geographical representativeness"),
    "completeness": ("完整性", "completeness"),
    "reliability": ("可靠性", "reliability"),
}


class Output(BaseModel):
    """A product a process makes, with what allocation may use.

    Attributes
    ----------
    product
        The product's name; inputs of other processes link to it.
    amount, unit
        How much the process makes [unit] (positive).
    mass
        Mass of that amount [kg] (for allocation by mass).
    value
        Economic value of that amount [any one currency] (for economic allocation).
    properties
        Other physical properties of that amount, e.g. ``{"energy": 12.0}`` [any unit, the
        same for all outputs of the process] (for allocation by a physical property).
    allocation_factor
        The share given to this output for ``allocation="explicit"``; the shares of a
        process sum to 1.
    substitutes
        For ``allocation="substitution"``: the product this co-product displaces (a product
        of the system); the process is credited with making that much less of it.
    """

    model_config = _FROZEN

    product: str
    amount: float = Field(gt=0, allow_inf_nan=False)
    unit: str
    mass: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    value: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    properties: Mapping[str, float] = Field(default_factory=dict)
    allocation_factor: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    substitutes: str | None = None

    @field_validator("properties")
    @classmethod
    def properties_are_amounts(cls, value: Mapping[str, float]) -> Mapping[str, float]:
        for name, amount in value.items():
            if not name.strip():
                raise ValueError("a property needs a name, e.g. 'energy'")
            if not (math.isfinite(amount) and amount >= 0):
                raise ValueError(f"property {name!r} must be a finite number >= 0, got {amount}")
        return dict(value)

    @field_validator("substitutes")
    @classmethod
    def substitutes_a_product(cls, value: str | None) -> str | None:
        return _not_blank(value)


class Process(BaseModel):
    """A unit process: outputs made from inputs, in one life-cycle stage.

    ``outputs[0]`` is the reference product. With several outputs, ``allocation`` says how
    the inputs are shared (`ALLOCATION_METHODS`); with ``"physical"``, ``allocation_property``
    names the key of ``Output.properties``.
    """

    model_config = _FROZEN

    name: str
    outputs: tuple[Output, ...] = Field(min_length=1)
    inputs: tuple[Input, ...] = ()
    stage: Stage = "production"
    allocation: Allocation | None = None
    allocation_property: str | None = None
    location: str | None = None

    @model_validator(mode="after")
    def allocation_is_stated_for_several_outputs(self) -> Process:
        names = [o.product for o in self.outputs]
        if len(set(names)) != len(names):
            raise ValueError(f"process {self.name!r} lists the output {names} more than once")
        if len(self.outputs) > 1 and self.allocation is None:
            raise ValueError(
                f"process {self.name!r} has {len(self.outputs)} outputs; choose an allocation: "
                f"{', '.join(ALLOCATION_METHODS)}"
            )
        if self.allocation == "physical" and not self.allocation_property:
            raise ValueError(
                f"process {self.name!r}: physical allocation needs allocation_property"
            )
        return self


class Product(BaseModel):
    """The product whose footprint is declared, and what a PACT document says about it.

    Attributes
    ----------
    name
        The product in the system (an ``Output.product``).
    declared_unit, declared_unit_amount
        PACT's declared unit (``"kilogram"``, ``"piece"``, ``"kilowatt hour"`` …) and its
        amount; the footprint is per this much product.
    boundary
        ``"cradle-to-gate"`` (default), ``"cradle-to-grave"`` or ``"gate-to-gate"``.
    """

    model_config = _FROZEN

    name: str
    declared_unit: str = "kilogram"
    declared_unit_amount: float = Field(default=1.0, gt=0)
    product_mass_per_declared_unit: float | None = Field(default=None, ge=0)
    boundary: Literal["cradle-to-gate", "cradle-to-grave", "gate-to-gate"] = "cradle-to-gate"
    metadata: Mapping[str, Any] = Field(default_factory=dict)


#: PACT declared units and the carbonfoot unit of one of them.
DECLARED_UNITS: Final[dict[str, str]] = {
    "liter": "L",
    "kilogram": "kg",
    "cubic meter": "m^3",
    "kilowatt hour": "kWh",
    "megajoule": "MJ",
    "ton kilometer": "t km",
    "square meter": "m^2",
    "piece": "piece",
    "hour": "hour",
    "megabit second": "Mbit s",
}


class ProductSystem(BaseModel):
    """Processes linked by their products: a bill of materials or a general network.

    Loops (a power plant using its own electricity, a recycling loop) are allowed; the
    system is solved as a sparse linear system (`carbonfoot.product.calc`).
    """

    model_config = _FROZEN

    processes: tuple[Process, ...] = Field(min_length=1)
    metric: str = DEFAULT_METRIC

    @model_validator(mode="after")
    def each_product_made_once(self) -> ProductSystem:
        names = Counter(p.name for p in self.processes)
        repeated = sorted(n for n, count in names.items() if count > 1)
        if repeated:
            raise ValueError(f"process names must be unique; repeated: {', '.join(repeated)}")
        makers: dict[str, str] = {}
        for process in self.processes:
            for output in process.outputs:
                if output.product in makers:
                    raise ValueError(
                        f"product {output.product!r} is made by both {makers[output.product]!r} "
                        f"and {process.name!r}; model a market process that takes both"
                    )
                makers[output.product] = process.name
        return self

    def solve(self, factors: FactorTable | None = None) -> SystemResult:
        """Footprints of every product of the system from one factorization.

        ``factors`` is the table for ``activity`` inputs (default: the bundled defaults).
        """
        from carbonfoot.product.calc import solve_system

        return solve_system(self, factors)

    def footprint(
        self, product: Product | str, factors: FactorTable | None = None, **metadata: Any
    ) -> ProductFootprint:
        """The PACT-ready footprint of one product (see `SystemResult.footprint`)."""
        return self.solve(factors).footprint(product, **metadata)

    @classmethod
    def from_tables(
        cls, outputs: Table, inputs: Table | None = None, *, metric: str | None = None
    ) -> ProductSystem:
        """A system from an outputs table and an inputs table: CSV file paths or DataFrames.

        One row per output (columns ``process, product, amount, unit`` and optional ones) and
        one row per input (``process, amount, unit`` and what the input is); see
        `carbonfoot.product.tables` for every column. Problems are `DataError` naming the
        table, row and column.

        Examples
        --------
        >>> import carbonfoot as cf
        >>> outputs, inputs = cf.examples.load_demo_product().to_tables()
        >>> system = cf.ProductSystem.from_tables(outputs, inputs)
        >>> [p.name for p in system.processes][:2]
        ['ingot supply', 'die casting']
        """
        from carbonfoot.product.tables import system_from_tables

        return system_from_tables(outputs, inputs, metric=metric)

    def to_tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The system as (outputs, inputs) DataFrames, the inverse of `from_tables`.

        Save them with ``frame.to_csv(path, index=False)`` to edit them in a spreadsheet.
        """
        from carbonfoot.product.tables import system_to_tables

        return system_to_tables(self)

    @classmethod
    def from_bom(
        cls,
        product: str,
        unit: str,
        parts: Mapping[str, tuple[float, str]],
        factors: Mapping[str, str],
        *,
        metric: str = DEFAULT_METRIC,
    ) -> ProductSystem:
        """A one-level bill of materials: one ``product`` made of ``parts``.

        ``parts`` maps a part to (amount, unit) per one ``unit`` of product; ``factors`` maps
        each part to ``"<value> <unit> | <source>"``, e.g. ``"2.0 kg CO2e (AR6GWP100) / kg |
        worldsteel 2023, table 3"``. Deeper trees: build `Process` models directly.
        """
        from carbonfoot.errors import ValidationError

        inputs = []
        for part, (amount, part_unit) in parts.items():
            if part not in factors:
                raise ValidationError(f"from_bom: no factor for part {part!r} in factors")
            text, _, source = factors[part].partition("|")
            value, _, factor_unit = text.strip().partition(" ")
            try:
                number = float(value)
            except ValueError:
                raise ValidationError(
                    f"from_bom: factor of {part!r} must read '<value> <unit> | <source>', e.g. "
                    f"'2.0 kg CO2e (AR6GWP100) / kg | worldsteel 2023, table 3'; got "
                    f"{factors[part]!r}"
                ) from None
            inputs.append(
                Input(
                    name=part,
                    amount=amount,
                    unit=part_unit,
                    factor=number,
                    factor_unit=factor_unit.strip(),
                    factor_source=source.strip(),
                )
            )
        process = Process(
            name=product,
            outputs=(Output(product=product, amount=1.0, unit=unit),),
            inputs=tuple(inputs),
        )
        return cls(processes=(process,), metric=metric)
