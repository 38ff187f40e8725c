"""A 20,000-process product network: carbonfoot against bw2calc on the same network, one run.

The network is synthetic and seeded, with the shape of an ecoinvent-like database: a few hundred
**market** processes (one per 64 processes) that each draw a product from 2–12 producers and a
little transport from one of the ten busiest markets; every other process has about 10 inputs,
97 % of them drawn from markets chosen with Zipf-like popularity (a few hubs, electricity- or
transport-like, feed most processes), 3 % straight from other producers. Loops run through the
markets (a producer uses a market it supplies, directly or further up) and those links. Every
process makes 1 kg of its product; the inputs of a process add up to less than that (0.3–0.8 kg
for producers, 0.98 kg for markets), so the technosphere matrix is diagonally dominant by
columns. Producers emit kg CO2 and kg CH4; every link and emission has a lognormal uncertainty
(geometric standard deviations 1.05–1.5 on links, 1.05–2.0 on emissions).
All numbers are FICTIONAL.

From the same arrays the script builds (a) a carbonfoot ``ProductSystem`` of ``Process`` models
and (b) a bw2calc datapackage (bw_processing: technosphere with positive inputs flagged by
``flip``, biosphere, characterization with carbonfoot's CO2 and CH4 GWPs; stats_arrays
lognormal = 2 with ``loc = ln(amount)``, ``scale = ln(gsd)``), checks that both give the same
scores (1e-9 relative), then times, each the median of ``--repeats`` runs:

(i)   one solve: carbonfoot ``system.solve()`` from the models (all products), carbonfoot's
      ``factorize`` + ``solve_matrices`` on the assembled matrices, bw2calc
      ``LCA(demand, data_objs=[dp]).lci(); .lcia()`` for one product, and each library's solver
      alone on its own matrix;
(ii)  every product's footprint: carbonfoot's one solve; bw2calc's ``FastScoresOnlyMultiLCA``
      (adjoint direction, pypardiso only) and single-demand ``lci(demand=...)`` redos on one
      factorization, timed on a sample of products and extrapolated;
(iii) Monte Carlo: carbonfoot ``result.monte_carlo(product, iterations=...)`` against bw2calc
      ``LCA(..., use_distributions=True)`` iterated with ``next(lca)``.

bw2calc runs in fresh child processes of the same run, on the network rebuilt from the same
seed: with pypardiso when it is installed, and with pypardiso hidden (scipy's SuperLU); each
checks its scores against the footprints carbonfoot computed in the parent. bw2calc is not a
dependency of carbonfoot: ``make benchmark-product`` installs it in ``.venv-bench``. Not a timed
test: record the figures in README.md.

Usage: ``python benchmarks/bench_product.py [processes] [--carbonfoot-only] [--iterations N]
[--bw-iterations N] [--sample N] [--repeats N] [--seed N]``
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import scipy

from carbonfoot.product.calc import SystemResult, factorize, solve_matrices
from carbonfoot.product.models import Distribution, Input, Output, Process, ProductSystem
from carbonfoot.product.uncertainty import MonteCarlo
from carbonfoot.units import DEFAULT_METRIC, gwp

INSTALL: Final = (
    "make benchmark-product (or: python -m pip install bw2calc bw-processing pypardiso, "
    "in an environment of its own)"
)
#: bw2calc ids: product and activity i is TECH_ID + i; biosphere flows CO2 = 1, CH4 = 2
TECH_ID: Final = 1000
GASES: Final = ("CO2", "CH4")
LINK_GSD: Final = ((1.05, 0.2), (1.1, 0.3), (1.2, 0.25), (1.3, 0.15), (1.5, 0.1))
EMISSION_GSD: Final = ((1.05, 0.1), (1.1, 0.3), (1.2, 0.3), (1.5, 0.2), (2.0, 0.1))
HUBS: Final = 10  # the busiest markets, which also deliver transport to the other markets


# --------------------------------------------------------------------------------------
# The network, as arrays
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Network:
    """A seeded synthetic network: ``n`` processes, each making 1 kg of its own product.

    Processes ``0 … markets-1`` are markets. ``link_*`` are the inputs between processes
    (``link_row`` is used by ``link_col``, ``link_amount`` kg per kg), sorted by column;
    ``emission_*`` are direct emissions (``emission_gas`` indexes `GASES`).
    """

    n: int
    markets: int
    link_row: np.ndarray
    link_col: np.ndarray
    link_amount: np.ndarray
    link_gsd: np.ndarray
    emission_gas: np.ndarray
    emission_col: np.ndarray
    emission_kg: np.ndarray
    emission_gsd: np.ndarray

    @property
    def names(self) -> list[str]:
        """Process (= product) names: ``market 00012``, ``process 00345``."""
        return [
            f"market {i:05d}" if i < self.markets else f"process {i:05d}" for i in range(self.n)
        ]


def _gsds(rng: np.random.Generator, table: tuple[tuple[float, float], ...], size: int) -> Any:
    values = np.array([g for g, _ in table])
    return values[rng.choice(len(table), size=size, p=[p for _, p in table])]


def make_network(n: int = 20_000, seed: int = 0) -> Network:
    """Markets, producers and their links (module docstring); deterministic for a seed."""
    if n < 4 * HUBS:
        raise ValueError(f"the network needs at least {4 * HUBS} processes, got {n}")
    rng = np.random.default_rng(seed)
    markets = max(HUBS, n // 64)
    producers = np.arange(markets, n)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    amounts: list[np.ndarray] = []
    # markets: each producer supplies one market; a market draws from 2–12 of its suppliers
    supplies = rng.integers(0, markets, size=len(producers))
    order = np.argsort(supplies, kind="stable")
    starts = np.searchsorted(supplies[order], np.arange(markets + 1))
    for market in range(markets):
        pool = producers[order[starts[market] : starts[market + 1]]]
        if len(pool) < 2:
            pool = rng.choice(producers, size=2, replace=False)
        k = min(len(pool), int(rng.integers(2, 13)))
        suppliers = rng.choice(pool, size=k, replace=False)
        transport = (market + 1 + int(rng.integers(0, HUBS - 1))) % HUBS
        rows += [suppliers, np.array([transport])]
        cols += [np.full(k, market), np.array([market])]
        amounts += [rng.dirichlet(np.ones(k)) * 0.95, np.array([0.03])]
    # producers: ~10 inputs, 97 % from markets (Zipf popularity), the rest from producers
    count = rng.poisson(11.2, size=len(producers)).clip(2, 40)
    col = np.repeat(producers, count)
    from_market = rng.random(len(col)) < 0.97
    popularity = 1.0 / np.arange(1, markets + 1) ** 0.9
    row = np.where(
        from_market,
        rng.choice(markets, size=len(col), p=popularity / popularity.sum()),
        rng.integers(markets, n, size=len(col)),
    )
    keep = row != col
    rows.append(row[keep])
    cols.append(col[keep])
    amounts.append(rng.lognormal(0.0, 1.0, size=int(keep.sum())))
    link_row = np.concatenate(rows).astype(np.int64)
    link_col = np.concatenate(cols).astype(np.int64)
    link_amount = np.concatenate(amounts)
    # one entry per (product, process): duplicates drawn above are dropped
    key = link_col * n + link_row
    _, first = np.unique(key, return_index=True)
    first.sort()
    link_row, link_col, link_amount = link_row[first], link_col[first], link_amount[first]
    order = np.lexsort((link_row, link_col))
    link_row, link_col, link_amount = link_row[order], link_col[order], link_amount[order]
    # producers' inputs add up to 0.3–0.8 kg per kg (markets': 0.98)
    is_producer = link_col >= markets
    totals = np.bincount(link_col[is_producer], link_amount[is_producer], minlength=n)
    target = rng.uniform(0.3, 0.8, size=n)
    link_amount = np.where(
        is_producer,
        link_amount * target[link_col] / np.where(totals > 0, totals, 1.0)[link_col],
        link_amount,
    )
    emission_col = np.repeat(producers, 2)
    emission_gas = np.tile(np.arange(2), len(producers))
    emission_kg = np.where(
        emission_gas == 0,
        rng.lognormal(0.0, 1.0, size=len(emission_col)),
        rng.lognormal(np.log(0.005), 1.0, size=len(emission_col)),
    )
    return Network(
        n=n,
        markets=markets,
        link_row=link_row,
        link_col=link_col,
        link_amount=link_amount,
        link_gsd=_gsds(rng, LINK_GSD, len(link_row)),
        emission_gas=emission_gas,
        emission_col=emission_col,
        emission_kg=emission_kg,
        emission_gsd=_gsds(rng, EMISSION_GSD, len(emission_col)),
    )


def gas_weights(metric: str = DEFAULT_METRIC) -> np.ndarray:
    """kg CO2e per kg of each of `GASES` under ``metric`` (carbonfoot's bundled GWPs)."""
    return np.array([gwp(gas, metric).value for gas in GASES])


def describe(net: Network) -> str:
    """Counts that show the network's shape."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(net.link_row)), (net.link_row, net.link_col)), (net.n, net.n))
    _, labels = connected_components(graph, directed=True, connection="strong")
    loop = int(np.bincount(labels).max())
    uses = np.bincount(net.link_row, minlength=net.n)
    per_process = len(net.link_row) / net.n
    from_markets = float(np.mean(net.link_row < net.markets))
    return (
        f"{net.n:,} processes ({net.markets} markets), {len(net.link_row):,} links "
        f"({per_process:.1f} per process, {from_markets:.0%} from markets; the busiest market "
        f"feeds {int(uses.max()):,} processes), {len(net.emission_kg):,} emissions; the largest "
        f"loop (strongly connected) holds {loop:,} processes"
    )


# --------------------------------------------------------------------------------------
# carbonfoot
# --------------------------------------------------------------------------------------


def build_system(net: Network) -> ProductSystem:
    """The network as carbonfoot ``Process`` models (one ``Input`` per link and emission)."""
    names = net.names
    links = {g: Distribution(kind="lognormal", gsd=g) for g in np.unique(net.link_gsd).tolist()}
    emitted = {
        g: Distribution(kind="lognormal", gsd=g) for g in np.unique(net.emission_gsd).tolist()
    }
    link_start = np.searchsorted(net.link_col, np.arange(net.n + 1)).tolist()
    link_row, link_amount = net.link_row.tolist(), net.link_amount.tolist()
    link_gsd = net.link_gsd.tolist()
    emission_start = np.searchsorted(net.emission_col, np.arange(net.n + 1)).tolist()
    emission_gas, emission_kg = net.emission_gas.tolist(), net.emission_kg.tolist()
    emission_gsd = net.emission_gsd.tolist()
    processes = []
    for i, name in enumerate(names):
        inputs = [
            Input(
                product=names[link_row[k]],
                amount=link_amount[k],
                unit="kg",
                amount_uncertainty=links[link_gsd[k]],
            )
            for k in range(link_start[i], link_start[i + 1])
        ]
        inputs += [
            Input(
                name=GASES[emission_gas[k]],
                amount=emission_kg[k],
                unit=f"kg {GASES[emission_gas[k]]}",
                amount_uncertainty=emitted[emission_gsd[k]],
            )
            for k in range(emission_start[i], emission_start[i + 1])
        ]
        processes.append(
            Process(
                name=name,
                outputs=(Output(product=name, amount=1.0, unit="kg"),),
                inputs=tuple(inputs),
            )
        )
    return ProductSystem(processes=tuple(processes))


def timed(work: Callable[[], object], repeats: int) -> tuple[float, list[float]]:
    """Median and all wall times [s] of ``repeats`` runs of ``work``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def show(label: str, median: float, times: list[float]) -> None:
    spread = f" (min {min(times):.3f} / max {max(times):.3f}, {len(times)} runs)"
    print(f"{median:9.3f} s  {label}" + (spread if len(times) > 1 else ""))


@dataclass
class CarbonfootRun:
    """carbonfoot's side of the benchmark: results and wall times [s]."""

    system: ProductSystem
    result: SystemResult
    footprints: np.ndarray  # kg CO2e per kg of each product, in network order
    product: str
    mc: MonteCarlo
    times: dict[str, float] = field(default_factory=dict)


def run_carbonfoot(
    net: Network, *, repeats: int = 3, iterations: int = 1000, product: str | None = None
) -> CarbonfootRun:
    """Build the models, solve and sample them, timing each step (printed)."""
    start = time.perf_counter()
    system = build_system(net)
    t_build = time.perf_counter() - start
    print(f"{t_build:9.3f} s  carbonfoot: building {net.n:,} Process models (not in the solve)")
    start = time.perf_counter()
    result = system.solve()  # the first solve also fills carbonfoot's unit caches
    t_first = time.perf_counter() - start
    print(f"{t_first:9.3f} s  carbonfoot system.solve(), first call in the process")
    names = net.names
    if result.products != names:
        raise AssertionError("carbonfoot's columns are not in the network's order")
    footprints = np.asarray(result.assembly.weights @ result.intensities)
    t_solve, times = timed(system.solve, repeats)
    show(f"carbonfoot system.solve(): all {net.n:,} products, from the models", t_solve, times)
    a, b = result.assembly.technosphere, result.assembly.emissions
    t_matrices, times = timed(lambda: solve_matrices(a, b, factorize(a)), repeats)
    show("carbonfoot factorize + solve_matrices on the assembled A, B", t_matrices, times)
    t_factorize, times = timed(lambda: factorize(a), repeats)
    show("  of which factorize (SuperLU, hubs-last degree ordering)", t_factorize, times)
    lu = factorize(a)
    print(f"           LU factors: {lu.nonzeros:,} nonzeros (A: {a.nnz:,})")
    chosen = product if product is not None else names[net.markets]
    runs: list[MonteCarlo] = []
    t_mc, times = timed(
        lambda: runs.append(result.monte_carlo(chosen, iterations=iterations, seed=len(runs))),
        repeats,
    )
    mc = runs[-1]
    show(f"carbonfoot monte_carlo({chosen!r}, iterations={iterations})", t_mc, times)
    print(
        f"           {iterations / t_mc:,.1f} iterations/s; median {mc.median:.6g}, deterministic "
        f"{mc.deterministic:.6g} kg CO2e; {mc.refactorizations} refactorization(s)"
    )
    return CarbonfootRun(
        system,
        result,
        footprints,
        chosen,
        mc,
        {
            "build": t_build,
            "first": t_first,
            "solve": t_solve,
            "matrices": t_matrices,
            "factorize": t_factorize,
            "mc": t_mc,
            "mc_per_s": iterations / t_mc,
            "mc_median": mc.median,
        },
    )


# --------------------------------------------------------------------------------------
# bw2calc (imported only here: it is never a dependency of carbonfoot)
# --------------------------------------------------------------------------------------


def import_bw2calc() -> tuple[Any, Any]:
    """bw2calc and bw_processing, or SystemExit naming the install command."""
    try:
        bc = importlib.import_module("bw2calc")
        bwp = importlib.import_module("bw_processing")
    except ImportError as exc:
        raise SystemExit(
            f"bench_product.py compares against bw2calc, which is not installed ({exc}).\n"
            f"Install it in a separate environment: {INSTALL}\n"
            "or run only carbonfoot's side: python benchmarks/bench_product.py --carbonfoot-only"
        ) from None
    return bc, bwp


def build_datapackage(net: Network, bwp: Any, weights: np.ndarray) -> Any:
    """The same network as an in-memory bw_processing datapackage for bw2calc."""
    n = net.n
    diagonal = np.arange(n)
    rows = np.concatenate([diagonal, net.link_row]) + TECH_ID
    cols = np.concatenate([diagonal, net.link_col]) + TECH_ID
    indices = np.empty(len(rows), dtype=bwp.INDICES_DTYPE)
    indices["row"], indices["col"] = rows, cols
    data = np.concatenate([np.ones(n), net.link_amount])  # inputs positive, flipped
    flip = np.concatenate([np.zeros(n, dtype=bool), np.ones(len(net.link_row), dtype=bool)])
    uncertain = np.concatenate([np.zeros(n, dtype=bool), np.ones(len(net.link_row), dtype=bool)])
    gsd = np.concatenate([np.ones(n), net.link_gsd])
    dp = bwp.create_datapackage(name="carbonfoot-bench", sum_intra_duplicates=True, seed=0)
    dp.add_persistent_vector(
        matrix="technosphere_matrix",
        name="technosphere",
        indices_array=indices,
        data_array=data,
        flip_array=flip,
        distributions_array=_distributions(bwp, data, gsd, uncertain),
    )
    bio = np.empty(len(net.emission_kg), dtype=bwp.INDICES_DTYPE)
    bio["row"], bio["col"] = net.emission_gas + 1, net.emission_col + TECH_ID
    dp.add_persistent_vector(
        matrix="biosphere_matrix",
        name="biosphere",
        indices_array=bio,
        data_array=net.emission_kg,
        distributions_array=_distributions(
            bwp, net.emission_kg, net.emission_gsd, np.ones(len(bio), dtype=bool)
        ),
    )
    cf = np.empty(len(GASES), dtype=bwp.INDICES_DTYPE)
    cf["row"], cf["col"] = np.arange(len(GASES)) + 1, 0
    dp.add_persistent_vector(
        matrix="characterization_matrix",
        name="gwp100",
        indices_array=cf,
        data_array=np.asarray(weights, dtype=float),
        identifier=["GWP100"],
    )
    return dp


def _distributions(bwp: Any, data: np.ndarray, gsd: np.ndarray, uncertain: np.ndarray) -> Any:
    """stats_arrays parameters: lognormal (2) with loc = ln(amount), scale = ln(gsd); else 0."""
    params = np.zeros(len(data), dtype=bwp.UNCERTAINTY_DTYPE)
    params["uncertainty_type"] = np.where(uncertain, 2, 0)
    params["loc"] = np.where(uncertain, np.log(data), data)
    params["scale"] = np.where(uncertain, np.log(gsd), np.nan)
    params["shape"] = params["minimum"] = params["maximum"] = np.nan
    params["negative"] = False
    return params


def run_bw2calc(
    net: Network,
    *,
    check: Sequence[int],
    reference: np.ndarray,
    repeats: int,
    sample: int,
    iterations: int,
    product: int,
) -> dict[str, Any]:
    """bw2calc's side (with whatever solver its import found); checks scores, returns times."""
    bc, bwp = import_bw2calc()
    pardiso = bool(bc.PYPARDISO)
    solver = "pypardiso" if pardiso else "scipy SuperLU" + (" (UMFPACK)" if bc.UMFPACK else "")
    dp = build_datapackage(net, bwp, gas_weights())
    out: dict[str, Any] = {"solver": solver, "pardiso": pardiso}

    def one(index: int) -> Any:
        lca = bc.LCA({TECH_ID + index: 1.0}, data_objs=[dp])
        lca.lci()
        lca.lcia()
        return lca

    # agreement with carbonfoot, before any timing
    worst = 0.0
    for index in check:
        score = float(one(index).score)
        error = abs(score - reference[index]) / abs(reference[index])
        worst = max(worst, error)
        print(
            f"           {net.names[index]}: bw2calc {score:.12g}, carbonfoot "
            f"{reference[index]:.12g} kg CO2e (relative difference {error:.1e})"
        )
        assert error <= 1e-9, f"bw2calc and carbonfoot differ for {net.names[index]}"
    out["worst_check"] = worst
    demand_index = check[0]
    out["solve"], times = timed(lambda: one(demand_index), repeats)
    show(f"bw2calc [{solver}] LCA(...).lci(); .lcia(): one product", out["solve"], times)
    lca = one(demand_index)
    matrix = lca.technosphere_matrix
    demand = lca.demand_array
    if pardiso:
        pypardiso = importlib.import_module("pypardiso")

        def alone() -> object:
            solver = pypardiso.PyPardisoSolver()
            x = solver.solve(matrix, demand)  # analysis + factorization + solve
            solver.free_memory(everything=True)
            return x
    else:

        def alone() -> object:
            return bc.utils.lu_solver(matrix)(demand)

    out["alone"], times = timed(alone, repeats)
    label = f"bw2calc's solver alone on its matrix [{solver}]: factorize + one solve"
    show(label, out["alone"], times)

    # every product: single-demand redos on one factorization, extrapolated
    redo = bc.LCA({TECH_ID + demand_index: 1.0}, data_objs=[dp])
    redo.lci(factorize=True)
    redo.lcia()
    picks = np.random.default_rng(1).choice(net.n, size=min(sample, net.n), replace=False)

    def redos() -> None:
        for index in picks.tolist():
            redo.lci(demand={TECH_ID + index: 1.0})
            redo.lcia()

    redos()  # warm
    t_redos, times = timed(redos, repeats)
    out["per_redo"] = t_redos / len(picks)
    out["all_redo"] = out["solve"] + out["per_redo"] * net.n
    show(f"bw2calc lci(demand=...) + lcia() for {len(picks)} products", t_redos, times)
    print(
        f"{out['all_redo']:9.3f} s  bw2calc all {net.n:,} products by redos (one solve + "
        f"{net.n:,} × {out['per_redo'] * 1e3:.2f} ms), extrapolated"
    )
    if pardiso:
        demands = {str(i): {TECH_ID + i: 1.0} for i in range(net.n)}

        def fast() -> Any:
            multi = bc.FastScoresOnlyMultiLCA(
                demands=demands,
                method_config={"impact_categories": [("GWP100",)]},
                data_objs=[dp],
                direction="adjoint",
            )
            multi.calculate()
            return multi

        scores = fast().product_scores
        ids = np.asarray(scores.coords["products"].values, dtype=np.int64) - TECH_ID
        values = np.asarray(scores.values[0], dtype=float)
        error = float(np.max(np.abs(values - reference[ids]) / np.abs(reference[ids])))
        print(
            f"           FastScoresOnlyMultiLCA (adjoint): all {len(ids):,} product scores "
            f"agree with carbonfoot's to {error:.1e} relative"
        )
        assert error <= 1e-9, "bw2calc's adjoint product scores differ from carbonfoot's"
        out["all_fast"], times = timed(fast, repeats)
        label = f"bw2calc FastScoresOnlyMultiLCA adjoint: all {net.n:,} products"
        show(label, out["all_fast"], times)

    # Monte Carlo: every iteration resamples all three matrices and solves anew
    start = time.perf_counter()
    mc = bc.LCA({TECH_ID + product: 1.0}, data_objs=[dp], use_distributions=True, seed_override=0)
    mc.lci()
    mc.lcia()
    out["mc_setup"] = time.perf_counter() - start
    samples = [float(mc.score)]
    start = time.perf_counter()
    for _ in range(iterations):
        next(mc)
        samples.append(float(mc.score))
    out["mc"] = time.perf_counter() - start
    out["mc_per_s"] = iterations / out["mc"]
    out["mc_median"] = float(np.median(samples))
    print(
        f"{out['mc']:9.3f} s  bw2calc [{solver}] {iterations} × next(lca) (use_distributions="
        f"True): {out['mc_per_s']:.2f} iterations/s; first draw and setup "
        f"{out['mc_setup']:.3f} s; median of {len(samples)} draws {out['mc_median']:.6g} "
        "kg CO2e"
    )
    return out


def bw2calc_child(args: argparse.Namespace, solver: str, reference: np.ndarray) -> dict[str, Any]:
    """bw2calc's side in a fresh process: ``solver`` is "pypardiso" or "scipy" (pypardiso
    hidden). The child rebuilds the network from the seed and checks its scores against
    ``reference`` (carbonfoot's footprints, passed in a file)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "carbonfoot-footprints.npy")
        np.save(path, reference)
        command = [sys.executable, __file__, str(args.processes), "--seed", str(args.seed)]
        command += ["--repeats", str(args.repeats), "--sample", str(args.sample)]
        command += ["--bw-iterations", str(args.bw_iterations)]
        command += ["--child", solver, "--reference", path]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = done.stdout.splitlines()
    for line in lines:
        if not line.startswith("RESULT "):
            print(line)
    if done.returncode != 0 or not lines or not lines[-1].startswith("RESULT "):
        raise SystemExit(f"the bw2calc run [{solver}] failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1].removeprefix("RESULT "))
    return result


def child(args: argparse.Namespace) -> None:
    """A bw2calc run (`bw2calc_child`); prints ``RESULT <json>`` last."""
    if args.child == "scipy":
        sys.modules["pypardiso"] = None  # type: ignore[assignment]  # bw2calc falls back
    warnings.simplefilter("ignore")
    bc, _ = import_bw2calc()
    if bool(bc.PYPARDISO) != (args.child == "pypardiso"):
        raise SystemExit(f"bw2calc did not pick up the solver asked for ({args.child})")
    net = make_network(args.processes, args.seed)
    check = check_products(net)
    out = run_bw2calc(
        net,
        check=check,
        reference=np.load(args.reference),
        repeats=args.repeats,
        sample=args.sample,
        iterations=args.bw_iterations,
        product=check[0],
    )
    print("RESULT " + json.dumps(out))


# --------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")), cpu
            )
    except OSError:
        pass
    versions = f"python {platform.python_version()}, numpy {np.__version__}, scipy "
    versions += f"{scipy.__version__}, {os.cpu_count()} cores, {cpu}"
    try:
        bc = importlib.import_module("bw2calc")
        bwp = importlib.import_module("bw_processing")
        versions += f", bw2calc {bc.__version__}, bw_processing {bwp.__version__}, pypardiso "
        versions += "yes" if bc.PYPARDISO else "no"
    except ImportError:
        versions += ", bw2calc not installed"
    return versions


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else "")
    parser.add_argument("processes", nargs="?", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--iterations", type=int, default=1000, help="carbonfoot MC iterations")
    parser.add_argument("--bw-iterations", type=int, default=30, help="bw2calc MC iterations")
    parser.add_argument("--sample", type=int, default=50, help="bw2calc single-demand redos")
    parser.add_argument("--carbonfoot-only", action="store_true", help="no bw2calc needed")
    parser.add_argument("--child", choices=["pypardiso", "scipy"], help=argparse.SUPPRESS)
    parser.add_argument("--reference", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def check_products(net: Network) -> list[int]:
    """Products compared with bw2calc: the first producer, the busiest market, a few more."""
    picks = np.random.default_rng(2).choice(np.arange(net.markets, net.n), 3, replace=False)
    return [net.markets, 0, net.markets // 2, *picks.tolist()]


def main(argv: Sequence[str] | None = None) -> CarbonfootRun:
    """Run the benchmark (module docstring); returns carbonfoot's side."""
    args = parse(argv)
    if args.child is not None:
        child(args)
        raise SystemExit(0)
    if not args.carbonfoot_only:
        import_bw2calc()  # fail early, with the install command
    print(machine())
    net = make_network(args.processes, args.seed)
    print(describe(net))
    check = check_products(net)
    ours = run_carbonfoot(
        net, repeats=args.repeats, iterations=args.iterations, product=net.names[check[0]]
    )
    if args.carbonfoot_only:
        return ours
    runs: dict[str, dict[str, Any]] = {}
    solvers = ["pypardiso", "scipy"] if importlib.util.find_spec("pypardiso") else ["scipy"]
    for solver in solvers:
        print(f"bw2calc [{solver}], in a fresh process on the network rebuilt from the seed:")
        theirs = bw2calc_child(args, solver, ours.footprints)
        runs[theirs["solver"]] = theirs
    summary(net, ours, runs)
    return ours


def summary(net: Network, ours: CarbonfootRun, runs: dict[str, dict[str, Any]]) -> None:
    t = ours.times
    print(f"\nsummary, {net.n:,} processes (ratio = bw2calc / carbonfoot; > 1: carbonfoot faster)")
    for solver, r in runs.items():
        all_bw = r.get("all_fast", r["all_redo"])
        how = "FastScoresOnlyMultiLCA" if "all_fast" in r else "redos, extrapolated"
        print(
            f"  [{solver}] one solve {r['solve']:.3f} s vs carbonfoot {t['solve']:.3f} s from "
            f"models ({r['solve'] / t['solve']:.2f}×), {t['matrices']:.3f} s matrices only "
            f"({r['solve'] / t['matrices']:.2f}×); solver alone {r['alone']:.3f} s vs "
            f"{t['matrices']:.3f} s ({r['alone'] / t['matrices']:.2f}×)"
        )
        print(
            f"  [{solver}] all products {all_bw:.3f} s ({how}) vs {t['solve']:.3f} s "
            f"({all_bw / t['solve']:.2f}×); redos extrapolated {r['all_redo']:.1f} s "
            f"({r['all_redo'] / t['solve']:.0f}×)"
        )
        print(
            f"  [{solver}] Monte Carlo {r['mc_per_s']:.2f} vs {t['mc_per_s']:.1f} iterations/s "
            f"({t['mc_per_s'] / r['mc_per_s']:.1f}× as many for carbonfoot; target >= 5); "
            f"medians {t['mc_median']:.4g} (carbonfoot) and {r['mc_median']:.4g} (bw2calc) kg CO2e"
        )


if __name__ == "__main__":
    main()
