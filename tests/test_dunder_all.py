"""The public API is what ``__all__`` lists, and every listed name resolves."""

from __future__ import annotations

import importlib

import pytest

import carbonfoot

PUBLIC_MODULES = [
    "carbonfoot",
    "carbonfoot.errors",
    "carbonfoot.units",
    "carbonfoot.testing",
    "carbonfoot.factors",
    "carbonfoot.inventory",
    "carbonfoot.energy",
    "carbonfoot.park",
    "carbonfoot.examples",
]


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_every_name_in_all_resolves(module_name: str) -> None:
    module = importlib.import_module(module_name)
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert missing == []


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_all_has_no_duplicates_and_no_private_names(module_name: str) -> None:
    names = importlib.import_module(module_name).__all__
    assert len(names) == len(set(names))
    assert [n for n in names if n.startswith("_") and n != "__version__"] == []


def test_design_entry_points_are_exported() -> None:
    # DESIGN.md "Public API entry points" that exist after the foundation issue.
    for name in ["ureg", "Q_", "to_co2e"]:
        assert name in carbonfoot.__all__


def test_registry_is_the_one_registry() -> None:
    assert carbonfoot.Q_ is carbonfoot.ureg.Quantity
    assert carbonfoot.units.ureg is carbonfoot.ureg
