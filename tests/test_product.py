"""carbonfoot.product: process networks, allocation, contributions, errors.

Every number here is FICTIONAL unless a source is cited beside it.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carbonfoot as cf
from carbonfoot.product.models import Input, Output, Process, ProductSystem

F = "FICTIONAL factor for a test"


def _factor(name: str, amount: float, unit: str, value: float, factor_unit: str) -> Input:
    return Input(
        name=name, amount=amount, unit=unit, factor=value, factor_unit=factor_unit, factor_source=F
    )


def _make(name: str, product: str, unit: str, *inputs: Input, amount: float = 1.0) -> Process:
    return Process(
        name=name, outputs=(Output(product=product, amount=amount, unit=unit),), inputs=inputs
    )


def test_bom_tree_gives_the_hand_computed_sum_exactly() -> None:
    # pack = 4 cells + 0.5 kg housing; cell = 0.25 kg cathode + 2 kWh (own factor);
    # all numbers are binary fractions, so the float arithmetic is exact:
    # cell: 0.25 × 16 + 2 × 0.5 = 5 kg CO2e; housing: 0.5 kg × 8 = 4; pack: 4 × 5 + 4 = 24
    ar6 = "kg CO2e (AR6GWP100) / kg"
    system = ProductSystem(
        processes=(
            _make(
                "pack assembly",
                "pack",
                "piece",
                Input(product="cell", amount=4, unit="piece"),
                _factor("housing", 0.5, "kg", 8.0, ar6),
            ),
            _make(
                "cell making",
                "cell",
                "piece",
                _factor("cathode", 250, "g", 16.0, ar6),
                _factor("electricity", 2, "kWh", 0.5, "kg CO2e (AR6GWP100) / kWh"),
            ),
        )
    )
    result = system.solve()
    assert result.co2e("pack").magnitude == 24.0
    assert result.co2e("cell").magnitude == 5.0
    assert result.co2e("pack", 3).magnitude == 72.0
    parts = result.contributions("pack", by="input")
    assert parts.iloc[:, 0].sum() == 24.0
    assert parts.loc["cell making: cathode"].iloc[0] == 16.0  # 4 cells × 0.25 kg × 16


def _random_system(seed: int, n: int) -> tuple[ProductSystem, np.ndarray, np.ndarray]:
    """A random network with loops, solvable (column sums of uses < output), and its matrices."""
    rng = np.random.default_rng(seed)
    a = np.eye(n) * rng.uniform(1, 3, n)
    b = np.zeros((2, n))
    processes = []
    for j in range(n):
        inputs = []
        for i in rng.choice(n, size=min(n, 3), replace=False):
            share = rng.uniform(0, 0.3) * a[int(i), int(i)]
            if i == j:
                continue
            a[int(i), j] -= share
            inputs.append(Input(product=f"p{i}", amount=share, unit="kg"))
        b[0, j] = rng.uniform(0, 5)
        b[1, j] = rng.uniform(0, 0.01)
        inputs.append(_factor("co2", 1.0, "kg", b[0, j], "kg CO2 / kg"))
        inputs.append(Input(name="ch4", amount=b[1, j], unit="kg CH4"))
        processes.append(_make(f"m{j}", f"p{j}", "kg", *inputs, amount=float(a[j, j])))
    return ProductSystem(processes=tuple(processes)), a, b


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 25))
def test_random_networks_equal_an_independent_dense_solve(seed: int, n: int) -> None:
    system, a, b = _random_system(seed, n)
    result = system.solve()
    dense = b @ np.linalg.inv(a)  # kg CO2 and kg CH4 per kg of each product
    gwp_ch4 = cf.gwp("CH4", "AR6GWP100").value
    order = [result.products.index(f"p{j}") for j in range(n)]
    got = np.array([result.co2e(f"p{j}").magnitude for j in range(n)])
    want = dense[0] + gwp_ch4 * dense[1]
    np.testing.assert_allclose(got, want, rtol=1e-9)
    by_gas = np.array(
        [[result.by_gas(f"p{j}").get(g, 0.0) for j in range(n)] for g in ("CO2", "CH4")]
    )
    np.testing.assert_allclose(by_gas, dense, rtol=1e-9, atol=1e-15)
    assert sorted(order) == list(range(n))


def test_a_power_plant_using_its_own_electricity() -> None:
    # makes 100 kWh, uses 10 of them; burns fuel emitting 45 kg CO2 per run:
    # net 90 kWh per run → 0.5 kg CO2 per kWh
    plant = _make(
        "plant",
        "power",
        "kWh",
        Input(product="power", amount=10, unit="kWh"),
        Input(name="stack", amount=45, unit="kg CO2"),
        amount=100,
    )
    result = ProductSystem(processes=(plant,)).solve()
    assert result.co2e("power").magnitude == pytest.approx(0.5, rel=1e-12)


def test_recycling_loop() -> None:
    # metal: 1 kg from 0.8 kg primary (10 kg CO2e/kg) + 0.2 kg scrap; scrap: 0.25 kg metal
    # recovered per kg of scrap... x = 8 + 0.2 y; y = 1 + 0.25 x ⇒ x = 8.2 / 0.95
    ar6 = "kg CO2e (AR6GWP100) / kg"
    system = ProductSystem(
        processes=(
            _make(
                "smelter",
                "metal",
                "kg",
                _factor("primary", 0.8, "kg", 10.0, ar6),
                Input(product="scrap", amount=0.2, unit="kg"),
            ),
            _make(
                "sorting",
                "scrap",
                "kg",
                Input(product="metal", amount=0.25, unit="kg"),
                _factor("sorting energy", 1.0, "kg", 1.0, ar6),
            ),
        )
    )
    result = system.solve()
    assert result.co2e("metal").magnitude == pytest.approx(8.2 / 0.95, rel=1e-12)


def _refinery(allocation: str, **extra: object) -> Process:
    petrol = {"mass": 60, "value": 90, "properties": {"MJ": 2700}, "allocation_factor": 0.7}
    bitumen = {"mass": 40, "value": 10, "properties": {"MJ": 1600}, "allocation_factor": 0.3}
    outputs = (
        Output(product="petrol", amount=60, unit="kg", **petrol),
        Output(product="bitumen", amount=40, unit="kg", substitutes="asphalt", **bitumen),
    )
    return Process(
        name="refinery",
        outputs=outputs,
        inputs=(Input(name="flare", amount=100, unit="kg CO2"),),
        allocation=allocation,
        **extra,
    )


@pytest.mark.parametrize(
    ("allocation", "extra", "petrol_share"),
    [
        ("mass", {}, 0.6),
        ("economic", {}, 0.9),
        ("physical", {"allocation_property": "MJ"}, 2700 / 4300),
        ("explicit", {}, 0.7),
    ],
)
def test_allocation_shares_conserve_the_process_emissions(
    allocation: str, extra: dict[str, object], petrol_share: float
) -> None:
    result = ProductSystem(processes=(_refinery(allocation, **extra),)).solve()
    petrol = result.co2e("petrol", 60).magnitude
    bitumen = result.co2e("bitumen", 40).magnitude
    assert petrol == pytest.approx(100 * petrol_share, rel=1e-12)
    assert petrol + bitumen == pytest.approx(100.0, rel=1e-12)  # nothing lost or made up
    assert allocation in result.allocation["refinery"] or "factors" in result.allocation["refinery"]


def test_substitution_credits_the_displaced_product() -> None:
    # 40 kg bitumen displaces 40 kg asphalt (2 kg CO2e/kg): petrol carries 100 − 80 = 20
    asphalt = _make(
        "asphalt plant",
        "asphalt",
        "kg",
        _factor("asphalt", 1, "kg", 2.0, "kg CO2e (AR6GWP100) / kg"),
    )
    result = ProductSystem(processes=(_refinery("substitution"), asphalt)).solve()
    assert result.co2e("petrol", 60).magnitude == pytest.approx(20.0, rel=1e-12)
    assert "bitumen → asphalt" in result.allocation["refinery"]
    assert "bitumen" not in result.products


def test_explicit_factors_must_sum_to_one() -> None:
    bad = _refinery("explicit").model_copy(
        update={
            "outputs": (
                Output(product="petrol", amount=60, unit="kg", allocation_factor=0.7),
                Output(product="bitumen", amount=40, unit="kg", allocation_factor=0.2),
            )
        }
    )
    with pytest.raises(
        cf.ValidationError, match=r"process 'refinery': allocation factors sum to 0\.9"
    ):
        ProductSystem(processes=(bad,)).solve()


def test_unlinked_inputs_are_named_with_suggestions() -> None:
    system = ProductSystem(
        processes=(
            _make("assembly", "pack", "piece", Input(product="cel", amount=4, unit="piece")),
            _make("cell making", "cell", "piece", Input(name="x", amount=1, unit="kg CO2")),
        )
    )
    with pytest.raises(
        cf.ValidationError, match=r"process 'assembly', input 'cel'.*did you mean 'cell'"
    ):
        system.solve()


@pytest.mark.parametrize(
    ("processes", "named"),
    [
        (
            (_make("glutton", "x", "kg", Input(product="x", amount=1.0, unit="kg")),),
            "'glutton → x'",
        ),
        (
            (
                _make("a", "x", "kg", Input(product="y", amount=2, unit="kg")),
                _make("b", "y", "kg", Input(product="x", amount=0.5, unit="kg")),
            ),
            "the loop of",
        ),
    ],
    ids=["eats its own output", "loop"],
)
def test_singular_systems_name_their_processes(processes: tuple[Process, ...], named: str) -> None:
    with pytest.raises(cf.ValidationError, match=f"singular.*{named}"):
        ProductSystem(processes=processes).solve()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Input(name="x", amount=-1, unit="kg CO2"), "negative"),
        (
            lambda: Input(name="x", amount=1, unit="kg", factor=2.0, factor_unit="kg CO2 / kg"),
            "factor_source",
        ),
        (
            lambda: Input(name="x", amount=1, unit="kg CO2", category="biogenic_co2_uptake"),
            "removal",
        ),
        (lambda: Input(amount=1, unit="kg", product="a", activity="fuel.diesel"), "only one"),
        (
            lambda: Process(
                name="p",
                outputs=(
                    Output(product="a", amount=1, unit="kg"),
                    Output(product="b", amount=1, unit="kg"),
                ),
            ),
            "choose an allocation",
        ),
        (lambda: Input(name="x", amount=1, unit="kg CO2", dqr={"temporal": 4}), "between 1"),
    ],
    ids=[
        "negative amount",
        "uncited factor",
        "uptake sign",
        "two kinds",
        "no allocation",
        "dqr range",
    ],
)
def test_bad_models_are_refused_with_the_field_named(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]


def test_bad_units_name_the_process_and_input() -> None:
    system = ProductSystem(
        processes=(
            _make("assembly", "pack", "piece", Input(product="cell", amount=4, unit="kg")),
            _make("cell making", "cell", "piece", Input(name="x", amount=1, unit="kg CO2")),
        )
    )
    with pytest.raises(
        cf.ValidationError,
        match=r"process 'assembly', input 'cell'.*'kg' does not convert to 'piece'",
    ):
        system.solve()
    not_a_gas = _make("p", "a", "kg", _factor("steel", 1, "kg", 2.0, "kg / kg"))
    with pytest.raises(
        cf.ValidationError, match=r"input 'steel'.*not a mass of one greenhouse gas"
    ):
        ProductSystem(processes=(not_a_gas,)).solve()


def test_activities_use_the_bundled_factor_tables() -> None:
    # MEE/NBS 公告2025年第47号 表3: Anhui 2023 grid 0.6553 kg CO2/kWh; 100 kWh → 65.53 kg CO2
    process = _make(
        "machining",
        "part",
        "piece",
        Input(activity="electricity.grid", amount=100, unit="kWh", region="CN-AH", year=2023),
    )
    result = ProductSystem(processes=(process,)).solve()
    assert result.co2e("part").magnitude == pytest.approx(65.53, rel=1e-12)
    bad = _make("m", "part", "piece", Input(activity="electricity.grid", amount=1, unit="kg"))
    with pytest.raises(cf.ValidationError, match=r"process 'm', input 'electricity.grid'"):
        ProductSystem(processes=(bad,)).solve()


def test_categories_stages_and_the_supply_tree() -> None:
    wood = _make(
        "forestry",
        "wood",
        "kg",
        Input(name="uptake", amount=-1.6, unit="kg CO2", category="biogenic_co2_uptake"),
        Input(name="saw", amount=0.1, unit="kg CO2"),
    ).model_copy(update={"stage": "raw_material_acquisition"})
    chair = _make(
        "workshop",
        "chair",
        "piece",
        Input(product="wood", amount=5, unit="kg"),
        Input(name="glue", amount=0.5, unit="kg CO2"),
    )
    result = ProductSystem(processes=(wood, chair)).solve()
    categories = result.by_category("chair")
    assert categories["biogenic_co2_uptake"] == pytest.approx(-8.0)
    assert categories["fossil"] == pytest.approx(1.0)
    stages = result.contributions("chair", by="stage").iloc[:, 0].to_dict()
    assert stages == pytest.approx({"raw material acquisition": -7.5, "production": 0.5})
    tree = result.tree("chair", depth=1)
    assert tree["product"].tolist() == ["chair", "wood"]
    assert tree["amount"].tolist() == [1.0, 5.0]
    assert tree.iloc[0, 4] == pytest.approx(-7.0)  # total CO2e of the chair, all upstream


def test_cut_off_by_mass_reports_the_excluded_share_exactly() -> None:
    # 1000 kg steel (2 kg CO2e/kg), 5 kg paint (0.5 % of the mass, 10 kg CO2e/kg) and
    # 2 kg glue (0.2 %, 50 kg CO2e/kg): a 1 % mass cut-off leaves out paint and glue
    # (0.7 % ≤ 5 %), which carry (50 + 100) / (2000 + 50 + 100) = 6.976… % of the CO2e
    ar6 = "kg CO2e (AR6GWP100) / kg"
    frame = _make(
        "welding",
        "frame",
        "piece",
        _factor("steel", 1000, "kg", 2.0, ar6),
        _factor("paint", 5, "kg", 10.0, ar6),
        _factor("glue", 2, "kg", 50.0, ar6),
    )
    result = ProductSystem(processes=(frame,)).solve()
    rule = result.cut_off("frame", "mass", threshold=0.01, limit=0.05)
    assert sorted(rule.excluded["input"]) == ["glue", "paint"]
    assert rule.full == pytest.approx(2150.0, rel=1e-12)
    assert rule.cut == pytest.approx(2000.0, rel=1e-12)
    assert rule.excluded_share == pytest.approx(100 * 150 / 2150, rel=1e-12)
    # by emission share the glue (4.65 %) is no longer small: only paint (2.3 %) goes
    by_emission = result.cut_off("frame", "emission", threshold=0.03, limit=0.05)
    assert by_emission.excluded["input"].tolist() == ["paint"]
    with pytest.raises(cf.ValidationError, match="criterion"):
        result.cut_off("frame", "volume")


def test_activity_inputs_with_co2e_factors_count() -> None:
    # a user table whose grid factor is CO2e (AR6GWP100): 100 kWh × v kg CO2e/kWh
    frame = cf.load_factors().to_frame()
    row = frame[frame.activity == "electricity.grid"].iloc[[0]].copy()
    row["gas"] = "CO2e"
    row["gwp_metric"] = "AR6GWP100"
    row["unit"] = row["unit"].astype(str).str.replace("CO2", "CO2e (AR6GWP100)", regex=False)
    table = cf.read_factors(row.drop(columns=["dataset", "edition"], errors="ignore"))
    use = Input(amount=100, unit="kWh", activity="electricity.grid", region=str(row.region.iloc[0]),
                year=int(row.year.iloc[0]))  # fmt: skip
    result = ProductSystem(processes=(_make("p", "x", "kg", use),)).solve(table)
    want = (
        100
        * float(row.value.iloc[0])
        * cf.Q_(1, str(row.unit.iloc[0])).m_as("kg CO2e (AR6GWP100) / kWh")
    )
    assert result.co2e("x").magnitude == pytest.approx(want, rel=1e-12)
    assert want > 0


def test_unnamed_inputs_stay_apart_in_contributions() -> None:
    ar6 = "kg CO2e (AR6GWP100) / kg"
    inputs = [
        Input(amount=1, unit="kg", factor=f, factor_unit=ar6, factor_source=F)
        for f in (2, 5, 0.001)
    ]
    result = ProductSystem(processes=(_make("a", "x", "kg", *inputs),)).solve()
    parts = result.contributions("x", by="input").iloc[:, 0].to_dict()
    assert parts == pytest.approx({"a: kg (input 2)": 5.0, "a: kg (input 1)": 2.0,
                                   "a: kg (input 3)": 0.001})  # fmt: skip


def _chp() -> ProductSystem:
    # 1 MJ heat + 5 kWh power (displacing grid power at 1 kg/kWh), 1 kg CO2 per run
    chp = Process(
        name="chp",
        outputs=(
            Output(product="heat", amount=1, unit="MJ"),
            Output(product="power", amount=5, unit="kWh", substitutes="grid"),
        ),
        inputs=(Input(name="stack", amount=1, unit="kg CO2"),),
        allocation="substitution",
    )
    grid = _make("grid", "grid", "kWh", Input(name="plant", amount=1, unit="kg CO2"))
    return ProductSystem(processes=(chp, grid))


def test_tree_shows_credits_and_negative_net_emissions_are_refused_for_pact() -> None:
    result = _chp().solve()
    assert result.co2e("heat").magnitude == pytest.approx(1 - 5)
    tree = result.tree("heat", depth=1)
    assert tree["product"].tolist() == ["heat", "grid"]
    assert tree["amount"].tolist() == [1.0, -5.0]  # 5 kWh of grid power not made
    total, direct = tree.columns[4], tree.columns[5]
    assert tree[total].iloc[0] == pytest.approx(tree[direct].iloc[0] + tree[total].iloc[1])
    with pytest.raises(cf.ValidationError, match=r"net fossil emissions are negative.*chp"):
        result.footprint(cf.Product(name="heat", declared_unit="megajoule"))


def test_mass_cut_off_only_looks_at_the_product_supply_chain() -> None:
    ar6 = "kg CO2e (AR6GWP100) / kg"
    x = _make(
        "x maker",
        "x",
        "kg",
        _factor("big", 1000, "kg", 1.0, ar6),
        _factor("small", 5, "kg", 1.0, ar6),
    )
    z = _make(
        "z maker",
        "z",
        "kg",
        _factor("tiny", 0.001, "kg", 1.0, ar6),
        _factor("lot", 10, "kg", 1.0, ar6),
    )
    rule = ProductSystem(processes=(x, z)).solve().cut_off("x", "mass")
    assert rule.excluded["process"].tolist() == ["x maker"]
    assert rule.excluded["input"].tolist() == ["small"]


def test_pact_needs_gwp100() -> None:
    methane = _make("p", "x", "kg", Input(name="e", amount=1, unit="kg CH4"))
    system = ProductSystem(processes=(methane,), metric="AR6GWP20")
    with pytest.raises(cf.ValidationError, match="GWP100"):
        system.solve().footprint("x")


def _grid_technosphere(side: int) -> np.ndarray:
    """A side × side grid of processes, each using 0.2 of each neighbour's product: every
    product has the same number of entries, so the hubs-last ordering is no help."""
    n = side * side
    a = np.eye(n)
    for i in range(side):
        for j in range(side):
            for di, dj in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                if 0 <= i + di < side and 0 <= j + dj < side:
                    a[(i + di) * side + j + dj, i * side + j] = -0.2
    return a


@pytest.mark.parametrize("side", [3, 30])
def test_factorize_solves_both_ways_with_either_ordering(side: int) -> None:
    from scipy.sparse import csc_matrix
    from scipy.sparse.linalg import splu

    from carbonfoot.product.calc import FILL_LIMIT, degree_order, factorize

    a = _grid_technosphere(side)
    matrix = csc_matrix(a)
    lu = factorize(matrix)
    rhs = np.random.default_rng(side).random((side * side, 3))
    np.testing.assert_allclose(lu.solve(rhs), np.linalg.solve(a, rhs), rtol=1e-12)
    np.testing.assert_allclose(lu.solve_transposed(rhs), np.linalg.solve(a.T, rhs), rtol=1e-12)
    order = degree_order(matrix)
    hubs_last = splu(matrix[order][:, order].tocsc(), permc_spec="NATURAL")
    filled = hubs_last.L.nnz + hubs_last.U.nnz
    # the 30 × 30 grid fills badly in that order: COLAMD is tried as well and fills less
    assert (filled > FILL_LIMIT * matrix.nnz) == (side == 30)
    assert lu.nonzeros < filled if side == 30 else lu.nonzeros == filled


def test_hubs_are_ordered_last() -> None:
    # product 0 is used by every other process: a market hub
    from scipy.sparse import csc_matrix

    from carbonfoot.product.calc import degree_order

    a = np.eye(5)
    a[0, 1:] = -0.1
    assert degree_order(csc_matrix(a)).tolist()[-1] == 0
