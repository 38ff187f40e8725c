"""carbonfoot: carbon-footprint accounting with unit-safe arithmetic and cited factors.

>>> import carbonfoot as cf
>>> print(cf.to_co2e(cf.Q_(1, "t N2O"), metric="AR6GWP100"))
273.0 t CO2e (AR6GWP100)

The public names are listed in ``__all__``; anything starting with ``_`` is private.
"""

from __future__ import annotations

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

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_METRIC",
    "GWP_METRICS",
    "Q_",
    "CarbonfootError",
    "DataError",
    "DimensionalityError",
    "FactorNotFoundError",
    "MissingMetricError",
    "MixedMetricError",
    "Quantity",
    "UndefinedUnitError",
    "Unit",
    "UnitError",
    "UnitSpec",
    "ValidationError",
    "__version__",
    "errors",
    "from_co2e",
    "gwp",
    "testing",
    "to_co2e",
    "units",
    "ureg",
]
