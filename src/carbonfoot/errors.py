"""Errors raised by carbonfoot.

Every error derives from `CarbonfootError` and also from the builtin
exception a Python user would expect (``ValueError``, ``KeyError``, ...), so
``except ValueError`` keeps working. Errors about units additionally derive
from the matching pint error, so code written against pint keeps working too.

Messages say *where* the problem is (quantity, file, row, column, field) and
*what would be valid*.
"""

from __future__ import annotations

from typing import Any

from pint.errors import DimensionalityError as _PintDimensionalityError
from pint.errors import UndefinedUnitError as _PintUndefinedUnitError

__all__ = [
    "CarbonfootError",
    "DataError",
    "DimensionalityError",
    "FactorNotFoundError",
    "MissingMetricError",
    "MixedMetricError",
    "UndefinedUnitError",
    "UnitError",
    "ValidationError",
]


class CarbonfootError(Exception):
    """Base class of every error raised by carbonfoot."""


class UnitError(CarbonfootError, ValueError):
    """A unit is unknown, malformed, or cannot be converted as asked."""


class UndefinedUnitError(UnitError, _PintUndefinedUnitError):
    """A unit string names a unit carbonfoot's registry does not know.

    Also a `pint.UndefinedUnitError` (an ``AttributeError``) and a ``ValueError``.
    """

    def __init__(self, message: str, unit_names: str = "") -> None:
        _PintUndefinedUnitError.__init__(self, unit_names or message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.unit_names))


class DimensionalityError(UnitError, _PintDimensionalityError):
    """Two quantities have incompatible dimensions (a conversion or a sum failed).

    Also a `pint.DimensionalityError` (a ``TypeError``) and a ``ValueError``.
    """

    def __init__(self, message: str, units1: Any = "", units2: Any = "") -> None:
        _PintDimensionalityError.__init__(self, units1, units2)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, str(self.units1), str(self.units2)))


class MissingMetricError(DimensionalityError):
    """A greenhouse gas was to become CO2e (or the reverse) without a GWP metric."""


class MixedMetricError(DimensionalityError):
    """CO2e amounts computed with different GWP metrics were combined."""


class ValidationError(CarbonfootError, ValueError):
    """A value is outside what is allowed (negative, NaN, infinite, wrong type...)."""


class DataError(CarbonfootError, ValueError):
    """A data file or data package is malformed; the message names file, row and column."""


class FactorNotFoundError(CarbonfootError, KeyError):
    """No emission factor or GWP value matches the request."""

    def __str__(self) -> str:
        # KeyError quotes its argument; a message reads better unquoted.
        return str(self.args[0]) if self.args else ""
