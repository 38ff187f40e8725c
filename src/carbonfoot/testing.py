"""Helpers for testing code that uses carbonfoot (like `pint.testing`).

>>> import carbonfoot as cf
>>> from carbonfoot.testing import assert_quantity_close
>>> assert_quantity_close(cf.Q_(1000, "kg CO2"), cf.Q_(1, "t CO2"))
"""

from __future__ import annotations

import numpy as np

from carbonfoot.units import Q_, Quantity, format_unit

__all__ = ["assert_quantity_close"]


def assert_quantity_close(
    actual: Quantity | str,
    expected: Quantity | str,
    *,
    rtol: float = 1e-12,
    atol: float = 0.0,
) -> None:
    """Assert two quantities are equal within tolerances, after converting to ``expected``'s unit.

    Parameters
    ----------
    actual, expected
        Quantities (or strings such as ``"273 t CO2e (AR6GWP100)"``).
    rtol, atol
        Relative and absolute tolerance on magnitudes, as in `numpy.testing.assert_allclose`;
        ``atol`` is in ``expected``'s unit.

    Raises
    ------
    AssertionError
        The magnitudes differ beyond the tolerances.
    carbonfoot.DimensionalityError
        The units are incompatible (e.g. different gases, or CO2e of different metrics).
    """
    a = Q_(actual) if isinstance(actual, str) else actual
    e = Q_(expected) if isinstance(expected, str) else expected
    converted = a.to(e.units)
    np.testing.assert_allclose(
        np.asarray(converted.magnitude, dtype=float),
        np.asarray(e.magnitude, dtype=float),
        rtol=rtol,
        atol=atol,
        err_msg=f"quantities differ (unit: {format_unit(e._units)})",
    )
