"""Monte Carlo over a solved product system, reusing its one factorization.

Each uncertain input (`Input.amount_uncertainty`, `Input.factor_uncertainty`) is one
parameter: a multiplier on its stated value, sampled with a seeded ``numpy`` generator.

- Uncertain emissions only: the supply of the product does not change, so every iteration is
  a dot product with the fixed supply vector.
- Uncertain links between processes change the technosphere matrix ``A``. Each iteration's
  ``A_k s_k = f`` is solved by iterative refinement with the LU factors of the stated ``A``
  (``s ← s + LU⁻¹ (f − A_k s)``), for a block of iterations at once; an iteration that does
  not converge in `MAX_REFINEMENTS` steps is solved with its own factorization (counted in
  `MonteCarlo.refactorizations`).

Global sensitivity (`MonteCarlo.sensitivity`) regresses the result on the sampled parameters:
squared standardized regression coefficients (their share of the variance when the model is
near-linear, as the R² printed with them says) and Spearman rank correlations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from carbonfoot.errors import ValidationError
from carbonfoot.product.models import Distribution

if TYPE_CHECKING:  # pragma: no cover
    from carbonfoot.product.calc import SystemResult

__all__ = ["MAX_REFINEMENTS", "MonteCarlo", "monte_carlo", "sample"]

#: Refinement steps before an iteration gets its own factorization.
MAX_REFINEMENTS: Final = 50
#: Relative residual at which a refined solution is accepted.
TOLERANCE: Final = 1e-12
_BLOCK: Final = 256  # iterations solved together


def sample(
    distribution: Distribution, value: float, size: int, rng: np.random.Generator
) -> np.ndarray:
    """``size`` samples of the multiplier (sample / ``value``) of a stated value.

    Examples
    --------
    >>> import numpy as np
    >>> from carbonfoot.product.models import Distribution
    >>> between_1_and_3 = Distribution(kind="uniform", low=1.0, high=3.0)
    >>> m = sample(between_1_and_3, 2.0, 5, np.random.default_rng(0))
    >>> bool(((m >= 0.5) & (m <= 1.5)).all())
    True
    """
    d = distribution
    if d.kind == "lognormal" and d.gsd is not None:
        return np.exp(rng.normal(0.0, np.log(d.gsd), size))
    if d.kind == "normal" and d.sd is not None:
        return rng.normal(value, d.sd, size) / value
    if d.low is None or d.high is None:  # pragma: no cover - the model validator ensures it
        raise ValidationError(f"{d.kind} distribution without low and high")
    low, high = d.low, d.high
    if d.kind == "uniform":
        return rng.uniform(low, high, size) / value
    return rng.triangular(low, value, high, size) / value


@dataclass(frozen=True)
class MonteCarlo:
    """Samples of one product's footprint.

    Attributes
    ----------
    product, amount
        What was sampled: ``amount`` of ``product`` (in its own unit).
    samples
        kg CO2e of each iteration.
    deterministic
        kg CO2e with every value as stated.
    parameters
        One label per uncertain value: ``"<process>: <input> (amount|factor)"``.
    multipliers
        The sampled multipliers (iterations × parameters).
    refactorizations
        Iterations that needed their own factorization (refinement did not converge).
    """

    product: str
    amount: float
    metric: str
    samples: np.ndarray = field(repr=False)
    deterministic: float
    parameters: list[str] = field(repr=False)
    multipliers: np.ndarray = field(repr=False)
    refactorizations: int = 0

    @property
    def mean(self) -> float:
        """Mean [kg CO2e]."""
        return float(np.mean(self.samples))

    @property
    def median(self) -> float:
        """Median [kg CO2e]."""
        return float(np.median(self.samples))

    @property
    def std(self) -> float:
        """Standard deviation [kg CO2e]."""
        return float(np.std(self.samples, ddof=1)) if len(self.samples) > 1 else 0.0

    def percentile(self, q: float | list[float]) -> Any:
        """Percentile(s) ``q`` (0–100) [kg CO2e]."""
        return np.percentile(self.samples, q)

    def summary(self) -> pd.Series:
        """Mean, median, standard deviation and the 2.5/5/95/97.5 percentiles [kg CO2e]."""
        low, p5, p95, high = self.percentile([2.5, 5, 95, 97.5])
        return pd.Series(
            {
                "deterministic": self.deterministic,
                "mean": self.mean,
                "median": self.median,
                "std": self.std,
                "p2.5": low,
                "p5": p5,
                "p95": p95,
                "p97.5": high,
                "iterations": float(len(self.samples)),
            },
            name=f"{self.product} [kg CO2e ({self.metric})]",
        )

    def sensitivity(self) -> pd.DataFrame:
        """Which parameters drive the variance: SRC, SRC² share, Spearman rho.

        ``SRC²`` shares add to R² (shown in the frame's ``attrs["r2"]``); when R² is close to
        1 they are each parameter's share of the variance. Largest first.
        """
        x = self.multipliers
        y = self.samples
        if x.shape[1] == 0 or len(y) < x.shape[1] + 2 or float(np.std(y)) == 0.0:
            raise ValidationError(
                "sensitivity needs more iterations than uncertain parameters and a result "
                f"that varies ({len(y)} iterations, {x.shape[1]} parameters)"
            )
        xs = (x - x.mean(axis=0)) / np.where(x.std(axis=0) > 0, x.std(axis=0), 1.0)
        ys = (y - y.mean()) / y.std()
        src, *_ = np.linalg.lstsq(xs, ys, rcond=None)
        r2 = 1.0 - float(np.sum((ys - xs @ src) ** 2) / np.sum(ys**2))
        rank_y = _ranks(y)
        rho = np.array([np.corrcoef(_ranks(x[:, p]), rank_y)[0, 1] for p in range(x.shape[1])])
        frame = pd.DataFrame(
            {"SRC": src, "SRC²": src**2, "Spearman rho": rho}, index=pd.Index(self.parameters)
        )
        frame = frame.sort_values("SRC²", ascending=False)
        frame.attrs["r2"] = r2
        return frame


def _ranks(values: np.ndarray) -> np.ndarray:
    return np.asarray(pd.Series(values).rank().to_numpy(dtype=float))


def monte_carlo(
    result: SystemResult, product: str, amount: float = 1.0, iterations: int = 1000, seed: int = 0
) -> MonteCarlo:
    """Sample the footprint of ``amount`` of ``product`` ``iterations`` times (seeded).

    Raises
    ------
    ValidationError
        No input of the system has an uncertainty, or ``iterations`` < 1.
    """
    if iterations < 1:
        raise ValidationError(f"iterations must be at least 1, got {iterations}")
    a = result.assembly
    column = result._column(product)
    labels, keys, distributions = _parameters(result)
    if not labels:
        raise ValidationError(
            "no input of the system has amount_uncertainty or factor_uncertainty; nothing to sample"
        )
    rng = np.random.default_rng(seed)
    multipliers = np.column_stack(
        [sample(d, value, iterations, rng) for d, value in distributions]
    )  # iterations × parameters
    per_input = _per_input(keys, multipliers)  # (process, position) → multiplier column
    record_m = _columns_for(a.record_key, per_input, iterations)  # iterations × records
    entry_keys = a.entries[3]
    uncertain = [e for e, k in enumerate(entry_keys) if k is not None and k in per_input]
    demand = np.zeros(len(a.columns))
    demand[column] = amount
    weighted = a.record_kg * a.weights[a.record_flow]  # kg CO2e per run, per record
    if not uncertain:
        runs = np.asarray(result.lu.solve(demand))
        scores = (record_m * (weighted * runs[a.record_column])).sum(axis=1)
        refactorized = 0
    else:
        scores, refactorized = _with_links(
            result, demand, weighted, record_m, per_input, uncertain, iterations
        )
    deterministic = float(result.co2e(product, amount).magnitude)
    return MonteCarlo(
        product, amount, result.metric, scores, deterministic, labels, multipliers, refactorized
    )


def _parameters(
    result: SystemResult,
) -> tuple[list[str], list[tuple[str, int, str]], list[tuple[Distribution, float]]]:
    labels: list[str] = []
    keys: list[tuple[str, int, str]] = []
    distributions: list[tuple[Distribution, float]] = []
    for process in result.system.processes:
        for position, item in enumerate(process.inputs):
            for what, d, value in (
                ("amount", item.amount_uncertainty, item.amount),
                ("factor", item.factor_uncertainty, item.factor),
            ):
                if d is not None and value is not None:
                    labels.append(f"{process.name}: {item.label} ({what})")
                    keys.append((process.name, position, what))
                    distributions.append((d, float(value)))
    return labels, keys, distributions


def _per_input(
    keys: list[tuple[str, int, str]], multipliers: np.ndarray
) -> dict[tuple[str, int], np.ndarray]:
    """The multiplier of each uncertain input: its amount's × its factor's."""
    out: dict[tuple[str, int], np.ndarray] = {}
    for number, (process, position, _) in enumerate(keys):
        key = (process, position)
        out[key] = out[key] * multipliers[:, number] if key in out else multipliers[:, number]
    return out


def _columns_for(
    keys: list[tuple[str, int]], per_input: dict[tuple[str, int], np.ndarray], iterations: int
) -> np.ndarray:
    ones = np.ones(iterations)
    if not keys:
        return np.ones((iterations, 0))
    return np.column_stack([per_input.get(k, ones) for k in keys])


def _with_links(
    result: SystemResult,
    demand: np.ndarray,
    weighted: np.ndarray,
    record_m: np.ndarray,
    per_input: dict[tuple[str, int], np.ndarray],
    uncertain: list[int],
    iterations: int,
) -> tuple[np.ndarray, int]:
    """Scores when the technosphere itself is uncertain: block refinement on the LU of A."""
    from scipy.sparse import csc_matrix

    from carbonfoot.product.calc import factorize

    a = result.assembly
    rows, cols, values, entry_keys = a.entries
    matrix = a.technosphere
    entry_rows, entry_cols = rows[uncertain], cols[uncertain]
    entry_values = values[uncertain]
    entry_m = np.column_stack([per_input[entry_keys[e]] for e in uncertain])  # type: ignore[index]
    scores = np.empty(iterations)
    refactorized = 0
    for start in range(0, iterations, _BLOCK):
        stop = min(start + _BLOCK, iterations)
        change = entry_values * (entry_m[start:stop] - 1.0)  # block × entries
        solution = np.repeat(np.asarray(result.lu.solve(demand))[:, None], stop - start, axis=1)
        scale = float(np.abs(demand).max())
        for _ in range(MAX_REFINEMENTS):
            applied = matrix @ solution
            np.add.at(applied, entry_rows, (change * solution[entry_cols].T).T)
            residual = demand[:, None] - applied
            worst = np.abs(residual).max(axis=0)
            if (worst <= TOLERANCE * scale).all():
                break
            solution = solution + np.asarray(result.lu.solve(np.ascontiguousarray(residual)))
        else:
            worst = np.abs(residual).max(axis=0)
        for k in np.flatnonzero(worst > TOLERANCE * scale):
            own = matrix.tolil(copy=True)
            for e in range(len(uncertain)):
                own[entry_rows[e], entry_cols[e]] += change[k, e]
            try:
                solution[:, k] = factorize(csc_matrix(own)).solve(demand)
            except ValidationError:
                raise ValidationError(
                    f"Monte Carlo iteration {start + int(k)}: the sampled system is singular; "
                    "narrow the uncertainty of the links between processes"
                ) from None
            refactorized += 1
        runs = solution[a.record_column]  # records × block
        scores[start:stop] = (record_m[start:stop] * weighted * runs.T).sum(axis=1)
    return scores, refactorized
