"""Every carbonfoot error is a CarbonfootError and the builtin (and pint) error users expect."""

from __future__ import annotations

import pickle

import pint
import pytest

import carbonfoot as cf
from carbonfoot import errors


@pytest.mark.parametrize(
    ("cls", "builtins"),
    [
        (errors.UnitError, (ValueError,)),
        (errors.UndefinedUnitError, (ValueError, AttributeError, pint.UndefinedUnitError)),
        (errors.DimensionalityError, (ValueError, TypeError, pint.DimensionalityError)),
        (errors.MissingMetricError, (ValueError, TypeError, pint.DimensionalityError)),
        (errors.MixedMetricError, (ValueError, TypeError, pint.DimensionalityError)),
        (errors.ValidationError, (ValueError,)),
        (errors.DataError, (ValueError,)),
        (errors.FactorNotFoundError, (KeyError,)),
    ],
)
def test_error_hierarchy(cls: type[Exception], builtins: tuple[type[Exception], ...]) -> None:
    assert issubclass(cls, errors.CarbonfootError)
    for base in builtins:
        assert issubclass(cls, base)


def test_every_error_class_is_exported() -> None:
    defined = {
        name
        for name, obj in vars(errors).items()
        if isinstance(obj, type) and issubclass(obj, errors.CarbonfootError)
    }
    assert defined == set(errors.__all__)


def test_pint_code_catching_pint_errors_still_catches_ours() -> None:
    with pytest.raises(pint.DimensionalityError):
        cf.Q_(1, "t CH4").to("t CO2")
    with pytest.raises(pint.UndefinedUnitError):
        cf.Q_(1, "t unobtainium")


def test_errors_pickle_with_their_message() -> None:
    with pytest.raises(cf.MissingMetricError) as info:
        cf.Q_(1, "t CH4").to("t CO2e (AR6GWP100)")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is cf.MissingMetricError
    assert str(again) == str(info.value)


def test_factor_not_found_message_is_not_quoted() -> None:
    assert str(errors.FactorNotFoundError("no such factor")) == "no such factor"
