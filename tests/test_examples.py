"""Every script in examples/ runs, and prints what it promises."""

from __future__ import annotations

import contextlib
import io
import runpy
from pathlib import Path

import pytest

import carbonfoot as cf

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.py"))


def _run(path: Path) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(path), run_name="__main__")
    return out.getvalue()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(path: Path) -> None:
    assert _run(path).strip()


def test_demo_totals() -> None:
    out = _run(Path(__file__).parent.parent / "examples" / "demo.py")
    # Energy use of the fictional factory (examples/data/demo_factory_2024.csv):
    #   3800 MWh × 0.6553 t/MWh (Anhui 2023, MEE/NBS 公告2025年第47号)      = 2490.14
    # + 78 × 10^4 Nm3 natural gas × 21.621888 t/10^4 Nm3 (GB/T 32150)      = 1686.507
    # + 36 t diesel × 42.652 GJ/t × 20.2 tC/TJ × 98 % × 44/12 = 36 × 3.095910 = 111.4528
    # + 2.4 t LPG × 50.179 GJ/t × 17.2 tC/TJ × 98 % × 44/12 = 2.4 × 3.101330  = 7.4432
    # + 5200 GJ heat × 0.11 t/GJ (NDRC)                                       = 572.0
    #                                                                         = 4867.54
    assert "Energy-related total: 4,867.5 t CO2e (AR6GWP100)" in out
    # Other gases with AR6 GWP100 (IPCC AR6 WG1 Ch.7): 3.2 t CH4 × 27.9 + 0.85 t N2O × 273
    # + 0.120 t HFC-134a × 1530 + 0.0025 t SF6 × 25200 = 89.28 + 232.05 + 183.6 + 63.0 = 567.93
    assert "Other gases with the library default metric AR6GWP100: 567.9 t CO2e" in out
    assert "Site total (AR6GWP100): 5,435.5 t CO2e (AR6GWP100)" in out  # 4867.54 + 567.93
    assert "year 2024 → 2023" in out
    account = cf.account_park(
        cf.examples.load_demo_park().rows, region="CN-AH", year=2023
    )  # the demo prints the same numbers it computes here
    assert f"park CO2 {account.co2_t:,.1f} t" in out
    assert "option — grid electricity priced with: electricity.grid" in out
    assert "FICTIONAL" in out
    assert "Mixing metrics is refused" in out
    bracket = cf.examples.load_demo_product().solve().co2e("bracket at customer")
    assert f"bracket at customer: {bracket:.4f} per piece" in out  # computed, not typed in


def test_pydantic_example_rejects_what_it_should() -> None:
    out = _run(Path(__file__).parent.parent / "examples" / "quantities_in_models.py")
    assert "round trip equal: True" in out
    assert "rejected scope1: scope1: Cannot convert" in out
    assert "different GWP metrics" in out
    assert "rejected energy: energy: -3 GJ is negative" in out


def test_green_factory_example_prints_group_scores() -> None:
    examples = Path(__file__).parent.parent / "examples"
    factory = cf.examples.load_demo_factory()
    evaluation = cf.evaluate_green_factory(factory, "example-provincial-mock")
    for out in (_run(examples / "green_factory.py"), _run(examples / "demo.py")):
        for group in evaluation.groups.to_dict("records"):  # computed, not typed in
            assert str(group["name_zh"]) in out
            assert f"{group['score']:,.2f}" in out
        assert f"{evaluation.total:.2f} of 100" in out
        assert "2级 (grade 2)" in out  # the clinker's quota diagnosis


def test_product_from_tables_example_reads_writes_and_refuses() -> None:
    out = _run(Path(__file__).parent.parent / "examples" / "product_from_tables.py")
    bracket = cf.examples.load_demo_product().solve().co2e("bracket at customer")
    assert f"bracket at customer: {bracket:.4f} per piece" in out  # computed, not typed in
    assert "written back, the tables are unchanged: True" in out
    assert "row index 3 (process 'die casting'), column 'amount': '650 kWh' is not a number" in out
