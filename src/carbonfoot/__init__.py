"""carbonfoot: carbon-footprint accounting with unit-safe arithmetic and cited factors.

>>> import carbonfoot as cf
>>> print(cf.to_co2e(cf.Q_(1, "t N2O"), metric="AR6GWP100"))
273.0 t CO2e (AR6GWP100)

The public names are listed in ``__all__``; anything starting with ``_`` is private.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from carbonfoot import errors, testing, units
from carbonfoot.errors import (
    CarbonfootError,
    DataError,
    DimensionalityError,
    FactorNotFoundError,
    MissingMetricError,
    MixedMetricError,
    UndefinedUnitError,
    UnitError,
    ValidationError,
)
from carbonfoot.units import (
    DEFAULT_METRIC,
    GWP_METRICS,
    Q_,
    Quantity,
    Unit,
    UnitSpec,
    from_co2e,
    gwp,
    to_co2e,
    ureg,
)

if TYPE_CHECKING:  # pragma: no cover - the lazy names below, for type checkers
    from carbonfoot import energy, examples, factors, green, inventory, park, product
    from carbonfoot.energy import EnergyUse, energy_consumption
    from carbonfoot.factors import Factor, FactorTable, load_factors, read_factors
    from carbonfoot.green.evaluate import Factory, FactoryProduct, evaluate_green_factory
    from carbonfoot.green.quota import diagnose_energy
    from carbonfoot.inventory import Activity, Emissions, calculate
    from carbonfoot.park import (
        Enterprise,
        GuidingData,
        Park,
        ParkOptions,
        account_park,
        assess_zero_carbon_park,
    )
    from carbonfoot.product.footprint import ProductFootprint
    from carbonfoot.product.models import Input, Output, Process, Product, ProductSystem
    from carbonfoot.product.pact import read_pact

__version__ = "0.1.0"

# Names imported on first use, so that `import carbonfoot` does not load pandas or pydantic.
_LAZY: dict[str, tuple[str, str | None]] = {
    "factors": ("carbonfoot.factors", None),
    "Factor": ("carbonfoot.factors", "Factor"),
    "FactorTable": ("carbonfoot.factors", "FactorTable"),
    "load_factors": ("carbonfoot.factors", "load_factors"),
    "read_factors": ("carbonfoot.factors", "read_factors"),
    "inventory": ("carbonfoot.inventory", None),
    "Activity": ("carbonfoot.inventory", "Activity"),
    "Emissions": ("carbonfoot.inventory", "Emissions"),
    "calculate": ("carbonfoot.inventory", "calculate"),
    "energy": ("carbonfoot.energy", None),
    "EnergyUse": ("carbonfoot.energy", "EnergyUse"),
    "energy_consumption": ("carbonfoot.energy", "energy_consumption"),
    "park": ("carbonfoot.park", None),
    "examples": ("carbonfoot.examples", None),
    "GuidingData": ("carbonfoot.park", "GuidingData"),
    "ParkOptions": ("carbonfoot.park", "ParkOptions"),
    "Park": ("carbonfoot.park", "Park"),
    "Enterprise": ("carbonfoot.park", "Enterprise"),
    "account_park": ("carbonfoot.park", "account_park"),
    "assess_zero_carbon_park": ("carbonfoot.park", "assess_zero_carbon_park"),
    "product": ("carbonfoot.product", None),
    "Input": ("carbonfoot.product.models", "Input"),
    "Output": ("carbonfoot.product.models", "Output"),
    "Process": ("carbonfoot.product.models", "Process"),
    "Product": ("carbonfoot.product.models", "Product"),
    "ProductSystem": ("carbonfoot.product.models", "ProductSystem"),
    "ProductFootprint": ("carbonfoot.product.footprint", "ProductFootprint"),
    "read_pact": ("carbonfoot.product.pact", "read_pact"),
    "green": ("carbonfoot.green", None),
    "Factory": ("carbonfoot.green.evaluate", "Factory"),
    "FactoryProduct": ("carbonfoot.green.evaluate", "FactoryProduct"),
    "evaluate_green_factory": ("carbonfoot.green.evaluate", "evaluate_green_factory"),
    "diagnose_energy": ("carbonfoot.green.quota", "diagnose_energy"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'carbonfoot' has no attribute {name!r}")
    module_name, attribute = _LAZY[name]
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "DEFAULT_METRIC",
    "GWP_METRICS",
    "Q_",
    "Activity",
    "CarbonfootError",
    "DataError",
    "DimensionalityError",
    "Emissions",
    "EnergyUse",
    "Enterprise",
    "Factor",
    "FactorNotFoundError",
    "FactorTable",
    "Factory",
    "FactoryProduct",
    "GuidingData",
    "Input",
    "MissingMetricError",
    "MixedMetricError",
    "Output",
    "Park",
    "ParkOptions",
    "Process",
    "Product",
    "ProductFootprint",
    "ProductSystem",
    "Quantity",
    "UndefinedUnitError",
    "Unit",
    "UnitError",
    "UnitSpec",
    "ValidationError",
    "__version__",
    "account_park",
    "assess_zero_carbon_park",
    "calculate",
    "diagnose_energy",
    "energy",
    "energy_consumption",
    "errors",
    "evaluate_green_factory",
    "examples",
    "factors",
    "from_co2e",
    "green",
    "gwp",
    "inventory",
    "load_factors",
    "park",
    "product",
    "read_factors",
    "read_pact",
    "testing",
    "to_co2e",
    "units",
    "ureg",
]
