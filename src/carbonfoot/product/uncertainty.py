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

__all__ = ["BLOCK", "KEPT_PARAMETERS", "MAX_REFINEMENTS", "MonteCarlo", "monte_carlo", "sample"]

#: Refinement steps before an iteration gets its own factorization.
MAX_REFINEMENTS: Final = 50
#: Relative residual at which a refined solution is accepted.
TOLERANCE: Final = 1e-12


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
        The sampled multipliers (iterations × parameters); empty (iterations × 0) when there
        are more than `KEPT_PARAMETERS` parameters.
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
        if x.shape[1] == 0 and self.parameters:
            raise ValidationError(
                f"this run sampled {len(self.parameters):,} uncertain values; the multipliers are "
                f"kept (and sensitivity computed) for up to {KEPT_PARAMETERS:,}"
            )
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

    Iterations are drawn and solved in blocks of `BLOCK`, so memory stays bounded however
    many inputs are uncertain; the same seed and iterations give the same samples.

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
    sampler = _Sampler(distributions)
    inputs = _Inputs(keys, a.record_key, a.entries[3])
    demand = np.zeros(len(a.columns))
    demand[column] = amount
    weighted = a.record_kg * a.weights[a.record_flow]  # kg CO2e per run, per record
    links = _Links(result, inputs) if len(inputs.entries) else None
    runs = result.lu.solve(demand)
    rng = np.random.default_rng(seed)
    keep = len(labels) <= KEPT_PARAMETERS
    kept: list[np.ndarray] = []
    scores = np.empty(iterations)
    refactorized = 0
    for start in range(0, iterations, BLOCK):
        size = min(BLOCK, iterations - start)
        # always a whole block from the generator: sample k does not depend on the run's length
        multipliers = sampler.draw(rng, BLOCK)[:size]  # block × parameters
        if keep:
            kept.append(multipliers)
        per_input = inputs.multipliers(multipliers)  # block × uncertain inputs
        record_change = per_input[:, inputs.record_input] - 1.0  # block × uncertain records
        if links is None:
            base = float(weighted @ runs[a.record_column])
            uncertain = weighted[inputs.records] * runs[a.record_column[inputs.records]]
            scores[start : start + size] = base + record_change @ uncertain
            continue
        solution, refactorized_here = links.solve(demand, runs, per_input, start)
        refactorized += refactorized_here
        base = (weighted @ solution[a.record_column]).astype(float)  # block
        uncertain = weighted[inputs.records][:, None] * solution[a.record_column[inputs.records]]
        scores[start : start + size] = base + np.einsum("br,rb->b", record_change, uncertain)
    deterministic = float(result.co2e(product, amount).magnitude)
    multipliers_all = np.vstack(kept) if keep else np.empty((iterations, 0))
    return MonteCarlo(
        product,
        amount,
        result.metric,
        scores,
        deterministic,
        labels,
        multipliers_all,
        refactorized,
    )


#: Iterations drawn and solved together.
BLOCK: Final = 64
#: Iterations refined together (working arrays of products × CHUNK stay in cache).
CHUNK: Final = 16
#: Above this many uncertain values, the sampled multipliers are not kept (no `sensitivity`).
KEPT_PARAMETERS: Final = 2000


class _Sampler:
    """Draws the multipliers of every parameter at once, one kind of distribution at a time."""

    def __init__(self, distributions: list[tuple[Distribution, float]]) -> None:
        self.count = len(distributions)
        self.kinds: dict[str, tuple[np.ndarray, dict[str, np.ndarray]]] = {}
        for kind in ("lognormal", "normal", "triangular", "uniform"):
            index = [i for i, (d, _) in enumerate(distributions) if d.kind == kind]
            if not index:
                continue
            picked = [distributions[i] for i in index]
            fields = {
                "value": np.array([v for _, v in picked]),
                "gsd": np.array([d.gsd or 1.0 for d, _ in picked]),
                "sd": np.array([d.sd or 0.0 for d, _ in picked]),
                "low": np.array([d.low if d.low is not None else 0.0 for d, _ in picked]),
                "high": np.array([d.high if d.high is not None else 0.0 for d, _ in picked]),
            }
            self.kinds[kind] = (np.array(index, dtype=np.int64), fields)

    def draw(self, rng: np.random.Generator, size: int) -> np.ndarray:
        if len(self.kinds) == 1:  # one kind for every parameter: no scatter needed
            ((kind, (_, fields)),) = self.kinds.items()
            return self._draw(kind, fields, rng, (size, self.count))
        out = np.empty((size, self.count))
        for kind, (index, fields) in self.kinds.items():
            out[:, index] = self._draw(kind, fields, rng, (size, len(index)))
        return out

    @staticmethod
    def _draw(
        kind: str, f: dict[str, np.ndarray], rng: np.random.Generator, shape: tuple[int, int]
    ) -> np.ndarray:
        if kind == "lognormal":  # the draws of rng.normal(0, σ), without its broadcasting
            z = rng.standard_normal(shape)
            z *= np.log(f["gsd"])
            return np.exp(z, out=z)
        if kind == "normal":
            return np.asarray(rng.normal(f["value"], f["sd"], shape) / f["value"])
        if kind == "uniform":
            return np.asarray(rng.uniform(f["low"], f["high"], shape) / f["value"])
        return np.asarray(rng.triangular(f["low"], f["value"], f["high"], shape) / f["value"])


class _Inputs:
    """Which records (emissions) and entries (links) each uncertain input scales."""

    def __init__(
        self,
        keys: list[tuple[str, int, str]],
        record_keys: list[tuple[str, int]],
        entry_keys: list[tuple[str, int] | None],
    ) -> None:
        number: dict[tuple[str, int], int] = {}
        for process, position, _ in keys:
            number.setdefault((process, position), len(number))
        self.amount = np.full(len(number), -1, dtype=np.int64)
        self.factor = np.full(len(number), -1, dtype=np.int64)
        for p, (process, position, what) in enumerate(keys):
            target = self.amount if what == "amount" else self.factor
            target[number[(process, position)]] = p
        records = [(r, number[k]) for r, k in enumerate(record_keys) if k in number]
        self.records = np.array([r for r, _ in records], dtype=np.int64)
        self.record_input = np.array([i for _, i in records], dtype=np.int64)
        entries = [
            (e, number[k]) for e, k in enumerate(entry_keys) if k is not None and k in number
        ]
        self.entries = np.array([e for e, _ in entries], dtype=np.int64)
        self.entry_input = np.array([i for _, i in entries], dtype=np.int64)
        self._with_amount = np.flatnonzero(self.amount >= 0)
        self._with_factor = np.flatnonzero(self.factor >= 0)
        # parameter p is input p's amount, for every input: the multipliers are the parameters
        self._same = not len(self._with_factor) and np.array_equal(
            self.amount, np.arange(len(number))
        )

    def multipliers(self, parameters: np.ndarray) -> np.ndarray:
        """Each uncertain input's multiplier (its amount's × its factor's): block × inputs."""
        if self._same:
            return parameters
        out = np.ones((parameters.shape[0], len(self.amount)))
        out[:, self._with_amount] = parameters[:, self.amount[self._with_amount]]
        out[:, self._with_factor] *= parameters[:, self.factor[self._with_factor]]
        return out


class _Links:
    """Uncertain links: block iterative refinement on the factors of the stated matrix.

    The sampled matrix of an iteration is ``A_k = C + L_k``: the certain entries ``C`` (outputs
    and links without uncertainty) plus the uncertain links ``L_k``, each its stated value
    times the iteration's multiplier. ``L_k`` shares one sparsity pattern (rows sorted, kept
    in `link_matrix`); only its values change from one iteration to the next.
    """

    def __init__(self, result: SystemResult, inputs: _Inputs) -> None:
        from scipy.sparse import coo_matrix, csr_matrix

        a = result.assembly
        rows, cols, values, _ = a.entries
        n = len(a.columns)
        self.result = result
        self.rows = rows[inputs.entries]
        self.cols = cols[inputs.entries]
        self.values = values[inputs.entries]
        certain = np.ones(len(values), dtype=bool)
        certain[inputs.entries] = False
        self.certain = coo_matrix(
            (values[certain], (rows[certain], cols[certain])), shape=(n, n)
        ).tocsr()
        # the uncertain links in row order (repeated (row, column) pairs kept: they add up)
        self.order = np.lexsort((self.cols, self.rows))
        self.sorted_input = inputs.entry_input[self.order]
        self.sorted_values = self.values[self.order]
        indptr = np.searchsorted(self.rows[self.order], np.arange(n + 1))
        self.link_matrix = csr_matrix(
            (self.sorted_values.copy(), self.cols[self.order], indptr), shape=(n, n)
        )

    def solve(
        self, demand: np.ndarray, runs: np.ndarray, per_input: np.ndarray, start: int
    ) -> tuple[np.ndarray, int]:
        """Supplies (products × block) of the sampled systems, and how many needed own factors.

        Each iteration is refined until its own residual is small enough and then left alone,
        so its result does not depend on the others in the block; `CHUNK` iterations at a
        time keep the working arrays small.
        """
        size = per_input.shape[0]
        solution = np.empty((len(runs), size))
        limit = TOLERANCE * float(np.abs(demand).max())
        stuck: list[int] = []
        for first in range(0, size, CHUNK):
            last = min(first + CHUNK, size)
            # one row of sampled link values per iteration, in the link matrix's order
            sampled = np.ascontiguousarray(  # rows contiguous: each becomes matrix values
                self.sorted_values * per_input[first:last, self.sorted_input]
            )
            part, left = self._refine(demand, runs, sampled, limit)
            for k in left:
                part[:, k] = self._own(demand, sampled[k], start + first + int(k))
            solution[:, first:last] = part
            stuck += left.tolist()
        return solution, len(stuck)

    def _refine(
        self, demand: np.ndarray, runs: np.ndarray, sampled: np.ndarray, limit: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """Refined supplies of some iterations, and which did not converge.

        An iteration whose residual is small enough gets no more corrections, so what it
        converged to does not depend on the others.
        """
        count = sampled.shape[0]
        solution = np.repeat(runs[:, None], count, axis=1)
        going = np.ones(count, dtype=bool)
        links = self.link_matrix
        with np.errstate(over="ignore", invalid="ignore"):  # diverging iterations: solved apart
            for _ in range(MAX_REFINEMENTS + 1):
                active = np.flatnonzero(going)
                x = solution[:, active]
                applied = self.certain @ x
                for j, k in enumerate(active.tolist()):
                    links.data = sampled[k]
                    applied[:, j] += links @ x[:, j]
                residual = demand[:, None] - applied
                converged = np.abs(residual).max(axis=0) <= limit  # NaN (diverged): not
                going[active[converged]] = False
                if not going.any():
                    break
                keep = ~converged
                solution[:, active[keep]] = x[:, keep] + self.result.lu.solve(residual[:, keep])
        return solution, np.flatnonzero(going)

    def _own(self, demand: np.ndarray, sampled: np.ndarray, iteration: int) -> np.ndarray:
        """One sampled system solved with its own factorization (``sampled`` in row order)."""
        from scipy.sparse import coo_matrix

        from carbonfoot.product.calc import factorize

        n = self.certain.shape[0]
        order = self.order
        links = coo_matrix((sampled, (self.rows[order], self.cols[order])), shape=(n, n))
        try:
            return factorize((self.certain + links).tocsc()).solve(demand)
        except ValidationError:
            raise ValidationError(
                f"Monte Carlo iteration {iteration}: the sampled system is singular; "
                "narrow the uncertainty of the links between processes"
            ) from None


def _parameters(
    result: SystemResult,
) -> tuple[list[str], list[tuple[str, int, str]], list[tuple[Distribution, float]]]:
    labels: list[str] = []
    keys: list[tuple[str, int, str]] = []
    distributions: list[tuple[Distribution, float]] = []
    repeated = result._repeated_labels  # labels as `SystemResult._input_label` writes them
    for process in result.system.processes:
        name = process.name
        counts = repeated[name]
        for position, item in enumerate(process.inputs):
            if item.amount_uncertainty is None and item.factor_uncertainty is None:
                continue
            label = item.label
            if counts.get(label, 0) > 1:
                label = f"{label} (input {position + 1})"
            for what, d, value in (
                ("amount", item.amount_uncertainty, item.amount),
                ("factor", item.factor_uncertainty, item.factor),
            ):
                if d is not None and value is not None:
                    labels.append(f"{name}: {label} ({what})")
                    keys.append((name, position, what))
                    distributions.append((d, float(value)))
    return labels, keys, distributions
