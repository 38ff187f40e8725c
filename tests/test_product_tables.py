"""Product systems from and to tables (carbonfoot.product.tables)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carbonfoot as cf
from carbonfoot.errors import DataError
from carbonfoot.product.models import Distribution, Input, Output, Process, ProductSystem

DATA = Path(__file__).parent.parent / "examples" / "data"
AR6 = "kg CO2e (AR6GWP100) / kg"


def _outputs(**extra: list[Any]) -> pd.DataFrame:
    columns: dict[str, list[Any]] = {
        "process": ["cutting", "painting"],
        "product": ["blank", "bracket"],
        "amount": [1.0, 1.0],
        "unit": ["kg", "piece"],
    }
    columns.update(extra)
    return pd.DataFrame(columns)


def _inputs(**extra: list[Any]) -> pd.DataFrame:
    columns: dict[str, list[Any]] = {
        "process": ["cutting", "painting", "painting"],
        "name": ["steel coil", "", "paint"],
        "amount": [1.05, 0.8, 0.05],
        "unit": ["kg", "kg", "kg"],
        "product": [None, "blank", None],
        "factor": [2.0, None, 3.0],
        "factor_unit": [AR6, None, AR6],
        "factor_source": ["FICTIONAL", None, "FICTIONAL"],
    }
    columns.update(extra)
    return pd.DataFrame(columns)


def test_tables_give_the_hand_computed_footprint() -> None:
    system = cf.ProductSystem.from_tables(_outputs(), _inputs())
    # 0.8 kg blank × (1.05 kg coil × 2.0 kg CO2e/kg) + 0.05 kg paint × 3.0 kg CO2e/kg
    # = 0.8 × 2.1 + 0.15 = 1.68 + 0.15 = 1.83 kg CO2e (FICTIONAL factors)
    assert system.solve().co2e("bracket").magnitude == pytest.approx(1.83, rel=1e-12)
    assert [p.name for p in system.processes] == ["cutting", "painting"]
    assert system.processes[1].inputs[0].product == "blank"


def test_the_demo_product_goes_to_tables_and_back(tmp_path: Path) -> None:
    system = cf.examples.load_demo_product()
    outputs, inputs = system.to_tables()
    assert cf.ProductSystem.from_tables(outputs, inputs) == system
    outputs.to_csv(tmp_path / "outputs.csv", index=False)
    inputs.to_csv(tmp_path / "inputs.csv", index=False)
    again = cf.ProductSystem.from_tables(tmp_path / "outputs.csv", str(tmp_path / "inputs.csv"))
    assert again == system
    product = "bracket at customer"
    assert again.solve().co2e(product) == system.solve().co2e(product)


def test_the_example_csv_files_are_the_demo_product() -> None:
    system = cf.ProductSystem.from_tables(
        DATA / "demo_product_outputs.csv", DATA / "demo_product_inputs.csv"
    )
    assert system == cf.examples.load_demo_product()


_NAMES = st.text("abcdefgh ", min_size=1, max_size=6).map(str.strip).filter(bool)
_AMOUNTS = st.floats(0.001, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def _systems(draw: st.DrawFn) -> ProductSystem:
    n = draw(st.integers(1, 6))
    processes = []
    for i in range(n):
        inputs = []
        for j in range(draw(st.integers(0, 4))):
            kind = draw(st.sampled_from(["product", "factor", "activity", "emission"]))
            amount = draw(_AMOUNTS)
            extra: dict[str, Any] = {
                "name": draw(
                    st.sampled_from(["", f"in {j}", '逗号, 和 "引号"', " padded ", "NA", "1e3"])
                ),
                "primary": draw(st.booleans()),
                "packaging": draw(st.booleans()),
                "aircraft": draw(st.booleans()),
            }
            if draw(st.booleans()):
                extra["dqr"] = {
                    a: draw(st.sampled_from([1.0, 1.5, 2.0, 3.0]))
                    for a in draw(st.sets(st.sampled_from(["temporal", "reliability"]), min_size=1))
                }
            if draw(st.booleans()):
                extra["amount_uncertainty"] = draw(
                    st.sampled_from(
                        [
                            Distribution(kind="lognormal", gsd=1.2),
                            Distribution(kind="normal", sd=amount / 10),
                            Distribution(kind="uniform", low=amount / 2, high=amount * 2),
                        ]
                    )
                )
            if kind == "product":
                inputs.append(
                    Input(
                        amount=amount, unit="kg", product=f"p{draw(st.integers(0, n - 1))}", **extra
                    )
                )
            elif kind == "factor":
                factor = draw(_AMOUNTS)
                inputs.append(
                    Input(
                        amount=amount,
                        unit="kg",
                        factor=factor,
                        factor_unit=AR6,
                        factor_source="FICTIONAL, table 1",
                        **extra,
                        factor_uncertainty=Distribution(
                            kind="triangular", low=factor / 2, high=factor * 3
                        ),
                    )
                )
            elif kind == "activity":
                inputs.append(
                    Input(
                        amount=amount,
                        unit="kWh",
                        activity="electricity.grid",
                        region="CN-AH",
                        year=2023,
                        **extra,
                    )
                )
            else:
                inputs.append(
                    Input(
                        amount=amount,
                        unit="kg CH4",
                        category=draw(st.sampled_from(["fossil", "biogenic_non_co2"])),
                        **extra,
                    )
                )
        outputs = [
            Output(
                product=f"p{i}",
                amount=draw(_AMOUNTS),
                unit="kg",
                mass=draw(st.none() | _AMOUNTS),
                properties={"energy": 2.5},
            )
        ]
        allocation = None
        if draw(st.booleans()):
            share = draw(st.sampled_from([0.25, 0.5, 0.75]))
            outputs = [o.model_copy(update={"allocation_factor": share}) for o in outputs]
            outputs.append(
                Output(
                    product=f"co{i}",
                    amount=1.0,
                    unit="kg",
                    allocation_factor=1 - share,
                    value=3.0,
                    properties={"energy": 0.5},
                )
            )
            allocation = "explicit"
        processes.append(
            Process(
                name=f"process {i}",
                outputs=tuple(outputs),
                inputs=tuple(inputs),
                stage=draw(st.sampled_from(["production", "use", "end_of_life"])),
                allocation=allocation,
                location=draw(st.sampled_from([None, "CN-AH"])),
            )
        )
    metric = draw(st.sampled_from(["AR6GWP100", "AR5GWP100"]))
    return ProductSystem(processes=tuple(processes), metric=metric)


@settings(max_examples=60, deadline=None)
@given(_systems())
def test_any_system_round_trips_through_frames_and_csv(system: ProductSystem) -> None:
    outputs, inputs = system.to_tables()
    assert cf.ProductSystem.from_tables(outputs, inputs) == system
    import io

    out_csv, in_csv = io.StringIO(), io.StringIO()
    outputs.to_csv(out_csv, index=False)
    inputs.to_csv(in_csv, index=False)
    # Read back as text, every cell a string, as a file would give it.
    frames = [
        pd.read_csv(io.StringIO(t.getvalue()), dtype=str, keep_default_na=False)
        for t in (out_csv, in_csv)
    ]
    # a CSV file does not keep the metric: it is passed again
    assert cf.ProductSystem.from_tables(*frames, metric=system.metric) == system


def _message(outputs: Any, inputs: Any = None) -> str:
    with pytest.raises(DataError) as caught:
        cf.ProductSystem.from_tables(outputs, inputs)
    return str(caught.value)


@pytest.mark.parametrize(
    ("outputs", "inputs", "expected"),
    [
        (_outputs(quantity=[1, 2]), None, "column 'quantity' is not a column of the outputs"),
        (
            _outputs(),
            _inputs(amout=[1, 2, 3]),
            "column 'amout' is not a column of the inputs table; did you mean 'amount'",
        ),
        (_outputs().drop(columns="unit"), None, "needs the column(s) unit"),
        (
            _outputs(amount=[1.0, None]),
            None,
            "row index 1 (process 'painting'), column 'amount': blank",
        ),
        (_outputs(amount=["1", "two"]), None, "column 'amount': 'two' is not a number"),
        (
            _outputs(amount=[1.0, -1.0]),
            None,
            "row index 1 (process 'painting'), column 'amount': Input should be greater than 0",
        ),
        (
            _outputs(process=["cutting", "cutting"], stage=["use", "production"]),
            None,
            "row index 1 (process 'cutting'), column 'stage': 'production' disagrees with 'use' "
            "(row index 0)",
        ),
        (_outputs(process=["cutting", "cutting"]), None, "has 2 outputs; choose an allocation"),
        (
            _outputs(product=["blank", "blank"]),
            None,
            "column 'product': 'blank' is also made by process 'cutting' (row index 0)",
        ),
        (
            _outputs(stage=["production", "assembly"]),
            None,
            "column 'stage': 'assembly' is not valid; valid: raw_material_acquisition",
        ),
        (
            _outputs(),
            _inputs(process=["cutting", "painting", "paintng"]),
            "no process 'paintng' in the outputs table; did you mean 'painting'?",
        ),
        (
            _outputs(),
            _inputs(amount=[1.0, -0.8, 0.05]),
            "row index 1 (process 'painting'), column 'amount': amount -0.8 is negative",
        ),
        (
            _outputs(),
            _inputs(primary=["yes", "maybe", "no"]),
            "column 'primary': 'maybe' is not true or false",
        ),
        (
            _outputs(),
            _inputs(year=[2023.5, None, None]),
            "column 'year': 2023.5 is not a year",
        ),
        (
            _outputs(),
            _inputs(dqr_temporal=[1, 5, 2]),
            "column 'dqr_temporal': dqr temporal must be between 1 (good) and 3 (fair), got 5.0",
        ),
        (
            _outputs(),
            _inputs(amount_gsd=[1.2, None, None]),
            "column 'amount_gsd': a parameter without amount_distribution",
        ),
        (
            _outputs(),
            _inputs(amount_distribution=["lognormal", None, None], amount_gsd=[0.9, None, None]),
            "column 'amount_gsd': Input should be greater than 1",
        ),
        (
            _outputs(),
            _inputs(amount_distribution=["lognormal", None, None]),
            "column 'amount_distribution': a lognormal distribution takes gsd; missing gsd",
        ),
        (
            _outputs(),
            _inputs(factor_source=["", None, "FICTIONAL"]),
            "row index 0 (process 'cutting'), column 'factor_source': factor needs factor_source",
        ),
        (
            _outputs(),
            _inputs(category=["fossil", "fosil", "fossil"]),
            "column 'category': Input should be",
        ),
        (_outputs().iloc[:0], None, "no rows"),
        ([1, 2], None, "give a pandas DataFrame or the path of a CSV file, not list"),
    ],
)
def test_bad_tables_name_the_row_and_column(outputs: Any, inputs: Any, expected: str) -> None:
    assert expected in _message(outputs, inputs)


def test_csv_problems_name_the_file_and_its_row(tmp_path: Path) -> None:
    outputs = tmp_path / "outputs.csv"
    _outputs().to_csv(outputs, index=False)
    inputs = tmp_path / "inputs.csv"
    inputs.write_text(
        "process,amount,unit,product\ncutting,1,kg,\n\npainting,0.8,kg,blank\npainting,x,kg,\n",
        encoding="utf-8",
    )
    # Line 5 of the file: the header is line 1, the blank line 3 is skipped but counted.
    assert (
        f"{inputs}, row 5 (process 'painting'), column 'amount': 'x' is not a number"
        in _message(outputs, inputs)
    )
    inputs.write_text("process,amount,unit\npaintng,1,kg\n", encoding="utf-8")
    assert f"no process 'paintng' in the outputs table ({outputs})" in _message(outputs, inputs)
    inputs.write_text("process,amount,unit\ncutting,1,kg,extra\n", encoding="utf-8")
    assert "row 2: 4 values for 3 columns" in _message(outputs, inputs)
    inputs.write_bytes("process,amount,unit\n切割,1,kg\n".encode("gbk"))
    assert "not UTF-8 text" in _message(outputs, inputs)
    assert "cannot be read" in _message(tmp_path / "missing.csv")


def test_process_level_columns_may_be_given_once() -> None:
    outputs = _outputs(
        process=["refinery", "refinery"],
        product=["petrol", "diesel"],
        allocation=["physical", None],
        allocation_property=[None, "energy"],
        **{"property:energy": [44.0, 43.0]},
    )
    (process,) = cf.ProductSystem.from_tables(outputs).processes
    assert process.allocation == "physical"
    assert process.allocation_property == "energy"
    assert [o.properties["energy"] for o in process.outputs] == [44.0, 43.0]
    assert _outputs(**{"property:": [1, 2]}).pipe(_message).startswith("outputs table: column")


# Regressions from the review of the first version (scratch review_tables.md, D1-D13).


def test_the_metric_travels_with_the_frames() -> None:
    ch4 = Input(amount=1.0, unit="kg CH4")
    process = Process(
        name="p", outputs=(Output(product="x", amount=1.0, unit="kg"),), inputs=(ch4,)
    )
    system = ProductSystem(processes=(process,), metric="AR5GWP100")
    again = cf.ProductSystem.from_tables(*system.to_tables())
    assert again == system
    # 1 kg CH4 × 28 (AR5 GWP100, IPCC AR5 WG1 Table 8.7) = 28 kg CO2e
    assert again.solve().co2e("x").magnitude == pytest.approx(28.0, rel=1e-12)


def test_names_are_kept_as_written() -> None:
    outputs = _outputs(process=["mill", "mill "], product=["a", "b"])
    system = cf.ProductSystem.from_tables(outputs)
    assert [p.name for p in system.processes] == ["mill", "mill "]
    codes = _outputs(product=[7, 8])  # a product code as a number …
    inputs = pd.DataFrame({"process": ["painting", "painting"], "amount": [1.0, 2.0],
                           "unit": ["kg", "kg CO2"], "product": [7.0, None]})  # fmt: skip
    linked = cf.ProductSystem.from_tables(codes, inputs)  # … and as a float with a blank
    assert linked.processes[1].inputs[0].product == "7"
    assert linked.solve().co2e("8").magnitude == pytest.approx(2.0, rel=1e-12)
    assert "column 'name': True is not text" in _message(_outputs(), _inputs(name=[True] * 3))


def test_csv_rows_are_the_lines_they_start_on(tmp_path: Path) -> None:
    outputs = tmp_path / "outputs.csv"
    outputs.write_text(
        'process,product,amount,unit\n"multi\nline\nname",x,1,kg\nq,y,zz,kg\n', encoding="utf-8"
    )
    assert f"{outputs}, row 5 (process 'q'), column 'amount': 'zz'" in _message(outputs)
    outputs.write_text("process,product,amount,unit\n" + "p,x,1," + "k" * 200_000 + "\n")
    assert "row 2: not readable as CSV" in _message(outputs)


@pytest.mark.parametrize(
    ("outputs", "inputs", "expected"),
    [
        (
            _outputs(process=["c", "c", "c"], product=["a", "b", "a"], amount=[1, 1, 1],
                     unit=["kg"] * 3, allocation=["mass", None, None]),
            None,
            "row index 2 (process 'c'), column 'product': 'a' is also made by process 'c' "
            "(row index 0)",
        ),
        (
            _outputs(process=["c", "c"], stage=[None, "usage"]),
            None,
            "row index 1 (process 'c'), column 'stage': 'usage' is not valid",
        ),
        (
            _outputs(process=["c", "c"], allocation=[None, "physical"]),
            None,
            "row index 1 (process 'c'), column 'allocation_property': process 'c': physical "
            "allocation needs allocation_property",
        ),
        (
            _outputs(process=["c", "c"], allocation=["physical", None],
                     allocation_property=["energy", None], **{"property:energy": [1.0, None]}),
            None,
            "row index 1 (process 'c'), column 'property:energy': blank; allocation by the "
            "physical property 'energy' needs it",
        ),
        (
            _outputs(process=["c", "c"], allocation=["physical", None],
                     allocation_property=["energy", None], **{"property:energy": [-1.0, 3.0]}),
            None,
            "row index 0 (process 'c'), column 'property:energy': property 'energy' must be a "
            "finite number >= 0, got -1.0",
        ),
        (
            _outputs(process=["c", "c"], allocation=["substitution", None],
                     substitutes=[None, "blnk"]),
            None,
            "row index 1 (process 'c'), column 'substitutes': no process makes 'blnk'",
        ),
        (
            _outputs(),
            _inputs(amount_distribution=[None, None, "uniform"], amount_low=[None, None, 2.0],
                    amount_high=[None, None, 3.0]),
            "row index 2 (process 'painting'), column 'amount_distribution': amount 0.05 lies "
            "outside its distribution [2.0, 3.0]",
        ),
        (
            _outputs(),
            _inputs(factor=[2.0, None, None], factor_unit=[AR6, None, AR6]),
            "row index 2 (process 'painting'), column 'factor': factor_unit and factor_source "
            "go with factor",
        ),
        (
            _outputs(),
            _inputs(factor_distribution=[None, "lognormal", None], factor_gsd=[None, 1.2, None]),
            "row index 1 (process 'painting'), column 'factor_distribution': "
            "factor_distribution needs an own factor",
        ),
        (_outputs(amount=[10**400, 1]), None, "column 'amount': 1000"),
        (_outputs(), _inputs(year=["1e20", None, None]), "column 'year': '1e20' is not a year"),
        (_outputs(), _inputs(amount=["1e-400", 1, 1]), "'1e-400' is too small to be told from 0"),
    ],
)  # fmt: skip
def test_problems_are_named_where_they_are(outputs: Any, inputs: Any, expected: str) -> None:
    assert expected in _message(outputs, inputs)


def test_readers_accept_what_spreadsheets_write() -> None:
    inputs = _inputs(primary=["1.0", "0.0", None], dqr_temporal=[1, None, 2])
    system = cf.ProductSystem.from_tables(_outputs(), inputs)
    assert [i.primary for p in system.processes for i in p.inputs] == [True, False, False]
    physical = _outputs(process=["c", "c"], allocation=["physical", None],
                        allocation_property=["property:energy", None],
                        **{"property:energy": [1.0, 3.0]})  # fmt: skip
    (process,) = cf.ProductSystem.from_tables(physical).processes
    assert process.allocation_property == "energy"


def test_models_refuse_what_tables_cannot_carry() -> None:
    with pytest.raises(ValueError, match="finite"):
        Output(product="x", amount=math.inf, unit="kg")
    with pytest.raises(ValueError, match="must not be blank"):
        Input(amount=1.0, unit="kWh", activity="")
    assert Input(amount=1.0, unit="kg CH4", dqr={}).dqr is None
