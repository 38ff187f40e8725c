"""Every script in examples/ runs, and prints what it promises."""

from __future__ import annotations

import contextlib
import io
import runpy
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.py"))


def _run(path: Path) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(path), run_name="__main__")
    return out.getvalue()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(path: Path) -> None:
    assert _run(path).strip()


def test_demo_total_under_the_default_metric() -> None:
    out = _run(Path(__file__).parent.parent / "examples" / "demo.py")
    # Fictional inventory in examples/demo.py with AR6 GWP100 (IPCC AR6 WG1 Ch.7):
    # 18250 t CO2 + 3.2 t CH4 * 27.9 + 0.85 t N2O * 273 + 0.120 t HFC-134a * 1530
    # + 0.0025 t SF6 * 25200 = 18250 + 89.28 + 232.05 + 183.6 + 63.0 = 18817.93
    assert "Total with the library default metric AR6GWP100: 18,817.9 t CO2e (AR6GWP100)" in out
    assert "FICTIONAL" in out
    assert "Mixing metrics is refused" in out


def test_pydantic_example_rejects_what_it_should() -> None:
    out = _run(Path(__file__).parent.parent / "examples" / "quantities_in_models.py")
    assert "round trip equal: True" in out
    assert "rejected scope1: scope1: Cannot convert" in out
    assert "different GWP metrics" in out
    assert "rejected energy: energy: -3 GJ is negative" in out
