"""carbonfoot.product.uncertainty: seeded Monte Carlo that reuses the factorization.

All numbers are FICTIONAL.
"""

from __future__ import annotations

import numpy as np
import pytest

import carbonfoot as cf
from carbonfoot.product.models import Distribution, Input, Output, Process, ProductSystem

F = "FICTIONAL factor for a test"
AR6 = "kg CO2e (AR6GWP100) / kg"


def _make(name: str, product: str, *inputs: Input) -> Process:
    return Process(
        name=name, outputs=(Output(product=product, amount=1.0, unit="kg"),), inputs=inputs
    )


def _loop(
    scrap: float = 0.2,
    scrap_range: tuple[float, float] = (0.1, 0.3),
    metal: float = 0.25,
    metal_range: tuple[float, float] | None = None,
) -> ProductSystem:
    """metal ⇄ scrap with uncertain links, an uncertain amount and an uncertain factor."""
    metal_uncertainty = (
        Distribution(kind="normal", sd=0.02)
        if metal_range is None
        else Distribution(kind="uniform", low=metal_range[0], high=metal_range[1])
    )
    return ProductSystem(
        processes=(
            _make(
                "smelter",
                "metal",
                Input(
                    name="primary", amount=0.8, unit="kg", factor=10.0, factor_unit=AR6,
                    factor_source=F,
                    amount_uncertainty=Distribution(kind="lognormal", gsd=1.1),
                    factor_uncertainty=Distribution(kind="triangular", low=8, high=13),
                ),
                Input(
                    product="scrap", amount=scrap, unit="kg",
                    amount_uncertainty=Distribution(
                        kind="uniform", low=scrap_range[0], high=scrap_range[1]
                    ),
                ),
            ),
            _make(
                "sorting",
                "scrap",
                Input(
                    product="metal", amount=metal, unit="kg",
                    amount_uncertainty=metal_uncertainty,
                ),
                Input(name="energy", amount=1.0, unit="kg CO2"),
            ),
        )
    )  # fmt: skip


def _dense(multipliers: np.ndarray, scrap_link: float = 0.2, metal_link: float = 0.25) -> float:
    """The same iteration by an independent dense solve (parameters in system order)."""
    primary, factor, scrap, metal = multipliers
    a = np.array([[1.0, -metal_link * metal], [-scrap_link * scrap, 1.0]])
    emissions = np.array([0.8 * primary * 10.0 * factor, 1.0])  # kg CO2e per run
    return float(emissions @ np.linalg.solve(a, np.array([1.0, 0.0])))


def test_every_iteration_equals_a_dense_solve_of_its_sampled_system() -> None:
    mc = _loop().solve().monte_carlo("metal", iterations=600, seed=3)
    assert mc.parameters == [
        "smelter: primary (amount)",
        "smelter: primary (factor)",
        "smelter: scrap (amount)",
        "sorting: metal (amount)",
    ]
    want = np.array([_dense(m) for m in mc.multipliers])
    np.testing.assert_allclose(mc.samples, want, rtol=1e-9)
    assert mc.deterministic == pytest.approx(8.2 / 0.95, rel=1e-12)  # 8 + 0.2 (1 + 0.25 x) = x


def test_iterations_that_do_not_converge_get_their_own_factorization() -> None:
    # stated links 0.9 and 0.9 (a nearly singular loop), sampled down to 0.1: far from the
    # stated matrix, so refinement on its LU factors diverges for some iterations; those are
    # solved with their own factorization, exactly
    system = _loop(scrap=0.9, scrap_range=(0.1, 0.95), metal=0.9, metal_range=(0.1, 0.95))
    mc = system.solve().monte_carlo("metal", iterations=300, seed=1)
    assert 0 < mc.refactorizations < 300
    want = np.array([_dense(m, 0.9, 0.9) for m in mc.multipliers])
    np.testing.assert_allclose(mc.samples, want, rtol=1e-9)


def test_seeded_and_reproducible() -> None:
    result = _loop().solve()
    a = result.monte_carlo("metal", iterations=50, seed=7).samples
    b = result.monte_carlo("metal", iterations=50, seed=7).samples
    c = result.monte_carlo("metal", iterations=50, seed=8).samples
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_lognormal_emissions_have_the_lognormal_mean() -> None:
    # one input, lognormal with gsd 1.5 around 2 kg CO2: mean 2·exp(ln(1.5)²/2) = 2.17...;
    # with 40,000 iterations the sample mean is within 4 standard errors of it
    system = ProductSystem(
        processes=(
            _make(
                "p",
                "x",
                Input(name="e", amount=2.0, unit="kg CO2",
                      amount_uncertainty=Distribution(kind="lognormal", gsd=1.5)),
            ),
        )
    )  # fmt: skip
    mc = system.solve().monte_carlo("x", iterations=40_000, seed=0)
    sigma = np.log(1.5)
    mean = 2.0 * np.exp(sigma**2 / 2)
    sd = mean * np.sqrt(np.exp(sigma**2) - 1)
    assert abs(mc.mean - mean) < 4 * sd / np.sqrt(40_000)
    assert mc.median == pytest.approx(2.0, rel=0.01)
    summary = mc.summary()
    assert summary["p2.5"] < summary["median"] < summary["p97.5"]


def test_sensitivity_finds_the_input_that_drives_the_variance() -> None:
    # a sum of three uncertain emissions: linear in the multipliers, so R² is 1 and the SRC²
    # are the variance shares: sd 3, 1 and 0.1 kg → 9 : 1 : 0.01 of the variance
    inputs = [
        Input(
            name=n,
            amount=10.0,
            unit="kg CO2",
            amount_uncertainty=Distribution(kind="normal", sd=sd),
        )
        for n, sd in (("big", 3.0), ("small", 1.0), ("tiny", 0.1))
    ]
    mc = (
        ProductSystem(processes=(_make("p", "x", *inputs),))
        .solve()
        .monte_carlo("x", iterations=5000)
    )
    frame = mc.sensitivity()
    assert list(frame.index) == ["p: big (amount)", "p: small (amount)", "p: tiny (amount)"]
    assert frame.attrs["r2"] == pytest.approx(1.0, abs=1e-9)
    assert frame["SRC²"].iloc[0] == pytest.approx(9 / 10.01, abs=0.02)


def test_nothing_to_sample_and_bad_arguments() -> None:
    plain = ProductSystem(processes=(_make("p", "x", Input(name="e", amount=1, unit="kg CO2")),))
    with pytest.raises(cf.ValidationError, match="nothing to sample"):
        plain.solve().monte_carlo("x")
    with pytest.raises(cf.ValidationError, match="at least 1"):
        _loop().solve().monte_carlo("metal", iterations=0)
    with pytest.raises(ValueError, match="outside its distribution"):
        Input(
            name="e",
            amount=5,
            unit="kg CO2",
            amount_uncertainty=Distribution(kind="uniform", low=1, high=2),
        )
    with pytest.raises(ValueError, match="takes gsd"):
        Distribution(kind="lognormal", sd=1.0)


def test_a_sample_does_not_depend_on_the_run_length() -> None:
    result = _loop().solve()
    long = result.monte_carlo("metal", iterations=130, seed=4).samples
    short = result.monte_carlo("metal", iterations=100, seed=4).samples
    np.testing.assert_allclose(long[:100], short, rtol=1e-10)  # same draws; solves to 1e-12


def test_diverging_refinement_is_solved_exactly_not_returned_as_nan() -> None:
    # a loop at 0.999 both ways with very wide link uncertainty: refinement on the stated
    # factors overflows for some iterations; they must be solved with their own factors
    system = ProductSystem(
        processes=(
            _make("a", "x", Input(product="y", amount=0.999, unit="kg",
                                  amount_uncertainty=Distribution(kind="lognormal", gsd=30)),
                  Input(name="e", amount=1.0, unit="kg CO2")),
            _make("b", "y", Input(product="x", amount=0.999, unit="kg"),
                  Input(name="e", amount=1.0, unit="kg CO2")),
        )
    )  # fmt: skip
    mc = system.solve().monte_carlo("x", iterations=256, seed=1)  # det = 1 − 0.998 m ≠ 0
    assert mc.refactorizations > 0
    assert np.isfinite(mc.samples).all()
    for m, got in zip(mc.multipliers[:40], mc.samples[:40], strict=True):
        a = np.array([[1.0, -0.999], [-0.999 * m[0], 1.0]])
        want = float(np.array([1.0, 1.0]) @ np.linalg.solve(a, np.array([1.0, 0.0])))
        assert got == pytest.approx(want, rel=1e-9)
