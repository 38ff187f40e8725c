"""carbonfoot.factors: reading, validation, deterministic selection with recorded fallback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import carbonfoot as cf
from carbonfoot.factors import COLUMNS, FactorRow


def _row(**overrides: Any) -> dict[str, Any]:
    """A valid user row (FICTIONAL values: these test the rules, not any published number)."""
    row: dict[str, Any] = {
        "factor_id": "demo-1",
        "activity": "electricity.grid",
        "name_zh": "示例电网因子",
        "name_en": "demo grid factor",
        "parameter": "emission_factor",
        "gas": "CO2",
        "gwp_metric": "",
        "value": 0.5,
        "unit": "kg CO2 / kWh",
        "region": "CN",
        "year": 2020,
        "sector": "",
        "calorific_basis": "",
        "source_id": "demo",
        "source_locator": "table 1",
        "verification": "unverified: fictional test row",
        "note": "",
    }
    row.update(overrides)
    return row


def _table(*rows: dict[str, Any]) -> cf.FactorTable:
    return cf.read_factors(pd.DataFrame(list(rows)), dataset="demo", edition="t1")


def test_model_fields_are_the_columns() -> None:
    assert tuple(FactorRow.model_fields) == COLUMNS


def test_year_fallback_takes_latest_not_after_and_says_so() -> None:
    table = _table(
        _row(factor_id="a", year=2019, value=0.6),
        _row(factor_id="b", year=2021, value=0.55),
        _row(factor_id="c", year=2023, value=0.5),
    )
    exact = table.select("electricity.grid", "CN", 2021)
    assert (exact.factor_id, exact.fallback) == ("b", "")
    earlier = table.select("electricity.grid", "CN", 2022)
    assert (earlier.factor_id, earlier.fallback) == ("b", "year 2022 → 2021")
    latest = table.select("electricity.grid", "CN")
    assert (latest.factor_id, latest.fallback) == ("c", "no year given → latest 2023")
    with pytest.raises(cf.FactorNotFoundError, match=r"years: \[2019, 2021, 2023\]"):
        table.select("electricity.grid", "CN", 2018)


def test_region_falls_back_to_global_and_says_so() -> None:
    table = _table(_row(region="GLOBAL", year=""))
    factor = table.select("electricity.grid", "CN", 2024)
    assert factor.region == "GLOBAL"
    assert factor.fallback == "region CN → GLOBAL"


def test_unknown_region_is_an_error_not_a_fallback() -> None:
    table = _table(_row())
    with pytest.raises(cf.ValidationError, match="Unknown region 'CN-Anhui'"):
        table.select("electricity.grid", "CN-Anhui", 2020)


def test_ambiguity_names_both_candidates() -> None:
    table = _table(_row(factor_id="x"), _row(factor_id="y", value=0.4))
    with pytest.raises(cf.DataError, match=r"Ambiguous: 2 factors .* x \(.*y \("):
        table.select("electricity.grid", "CN", 2020)


def test_several_gases_need_gas_even_when_years_or_sectors_differ() -> None:
    # a CO2 row for 2023 and a CH4 row for 2020: the year rule must not silently pick CO2
    table = _table(
        _row(factor_id="co2", year=2023),
        _row(factor_id="ch4", gas="CH4", unit="g CH4 / kWh", year=2020, sector="manufacturing"),
    )
    for kwargs in ({}, {"sector": "manufacturing"}):
        with pytest.raises(cf.DataError, match="gases CH4, CO2 in region CN; pass gas="):
            table.select("electricity.grid", "CN", 2023, **kwargs)
    assert table.select("electricity.grid", "CN", 2023, gas="CH4").factor_id == "ch4"


def test_edition_filter_and_strict_year() -> None:
    table = _table(_row(factor_id="a"))
    assert table.select("electricity.grid", "CN", 2020, edition="t1").factor_id == "a"
    with pytest.raises(cf.FactorNotFoundError, match="edition='t9'"):
        table.select("electricity.grid", "CN", 2020, edition="t9")
    for bad_year in (True, 2020.0, "2020"):
        with pytest.raises(cf.ValidationError, match="whole number"):
            table.select("electricity.grid", "CN", bad_year)  # type: ignore[arg-type]


def test_factor_carries_quantity_and_provenance() -> None:
    factor = _table(_row(unit="t CO2 / 10^4 kWh", value=5.0)).select("electricity.grid", "CN", 2020)
    assert factor.quantity.to("kg CO2 / kWh").magnitude == pytest.approx(0.5)  # 5 t / 10^4 kWh
    assert (factor.dataset, factor.edition, factor.source_locator) == ("demo", "t1", "table 1")
    assert "demo-1" in str(factor)


@pytest.mark.parametrize(
    ("overrides", "column", "message"),
    [
        ({"value": "abc"}, "value", "valid number"),
        ({"value": float("nan")}, "value", "finite"),
        ({"parameter": "factor"}, "parameter", "valid: emission_factor"),
        ({"gas": ""}, "gas", "must name its gas"),
        ({"gas": "R22"}, "gas", "not one of CO2"),
        ({"unit": "kg CO2 / bogokWh"}, "unit", "Unknown unit"),
        ({"unit": "kg CH4 / kWh"}, "unit", "not an amount of CO2"),
        ({"region": "Anhui"}, "region", "not a region"),
        ({"source_locator": ""}, "source_locator", "at least 1 character"),
        ({"verification": "looks fine"}, "verification", "must be .<state>: <how"),
        ({"verification": "verified:"}, "verification", "must be .<state>: <how"),
        ({"year": 20230}, "year", "between 1900 and 2100"),
        ({"parameter": "ncv", "gas": "", "unit": "GJ / MWh"}, "calorific_basis", "never guesses"),
        ({"activity": "electricty.grid"}, "activity", "did you mean electricity.grid"),
        ({"unit": "kg CO2 / t"}, "unit", "not CO2 per amount"),
        (
            {"parameter": "oxidation_rate", "gas": "", "unit": "%", "value": 150},
            "value",
            "more than 100",
        ),
        ({"gas": "CO2e", "unit": "kg CO2e / kWh"}, "gwp_metric", "exactly when gas is CO2e"),
        ({"sector": "mining"}, "sector", "valid: energy_industries"),
        ({"calorific_basis": "NCV"}, "calorific_basis", "'net' or 'gross'"),
    ],
)
def test_bad_rows_name_row_and_column(overrides: dict[str, Any], column: str, message: str) -> None:
    frame = pd.DataFrame([_row(factor_id="ok"), _row(factor_id="bad", **overrides)], index=[10, 11])
    with pytest.raises(cf.DataError, match=rf"DataFrame, row 11, column {column}: .*{message}"):
        cf.read_factors(frame)


def test_duplicate_factor_ids_are_refused() -> None:
    with pytest.raises(cf.DataError, match="rows 0 and 1, column factor_id"):
        cf.read_factors(pd.DataFrame([_row(), _row()]))


def test_csv_errors_name_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    pd.DataFrame([_row(factor_id="a"), _row(factor_id="b", unit="kg CO2 / bogokWh")]).to_csv(
        path, index=False
    )
    with pytest.raises(cf.DataError, match=rf"{path.name}, row 3, column unit"):
        cf.read_factors(path)


def test_csv_with_wrong_columns(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("factor_id,value\nx,1\n", encoding="utf-8")
    with pytest.raises(cf.DataError, match="missing activity, name_zh"):
        cf.read_factors(path)


def test_csv_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    pd.DataFrame([_row(factor_id="a", value=0.42)]).to_csv(path, index=False)
    factor = cf.read_factors(path, dataset="mine").select("electricity.grid", "CN", 2020)
    assert (factor.value, factor.dataset) == (0.42, "mine")


def test_resolve_matches_select_row_by_row() -> None:
    table = _table(
        _row(factor_id="a", year=2019, value=0.6),
        _row(factor_id="b", year=2021, value=0.55),
        _row(factor_id="g", region="GLOBAL", year="", value=0.45),
    )
    acts = pd.DataFrame(
        {"activity": ["electricity.grid"] * 4, "region": ["CN", "CN", "CN", "GLOBAL"]},
        index=["r1", "r2", "r3", "r4"],
    )
    acts["year"] = [2019, 2022, 2020, 2020]
    out = table.resolve(acts)
    assert list(out.index) == ["r1", "r2", "r3", "r4"]
    for position, row in enumerate(acts.to_dict("records")):
        factor = table.select(row["activity"], row["region"], int(row["year"]))
        got = out.iloc[position]
        assert got["factor_value"] == factor.value
        assert got["factor_id"] == factor.factor_id
        assert got["factor_fallback"] == factor.fallback


def test_resolve_collects_or_raises_naming_the_row() -> None:
    table = _table(_row(year=2021))
    acts = pd.DataFrame({"activity": ["electricity.grid", "fuel.coke"], "region": ["CN", "CN"]})
    collected = table.resolve(acts, errors="collect")
    values = collected["factor_value"].to_numpy()
    assert values[0] == 0.5
    assert np.isnan(values[1])
    assert "fuel.coke" in str(collected["factor_error"].iloc[1])
    with pytest.raises(cf.FactorNotFoundError, match="row 1: No emission_factor for activity"):
        table.resolve(acts)


def test_resolve_needs_activity_and_region() -> None:
    with pytest.raises(cf.ValidationError, match="missing region"):
        _table(_row()).resolve(pd.DataFrame({"activity": ["electricity.grid"]}))


def test_tables_combine_and_refuse_duplicates() -> None:
    a, b = _table(_row(factor_id="a")), _table(_row(factor_id="b", region="GLOBAL"))
    both = a + b
    assert len(both) == 2
    with pytest.raises(cf.DataError, match="both tables hold factor_id 'a'"):
        both + a


def test_to_frame_is_a_copy() -> None:
    table = _table(_row())
    frame = table.to_frame()
    frame.loc[0, "value"] = 99.0
    assert table.select("electricity.grid", "CN", 2020).value == 0.5


def _package(folder: Path, value: float, **meta: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame([_row(value=value)]).to_csv(folder / "data.csv", index=False)
    body = {"name": "mine", "version": "v1", "sources": [{"id": "demo", "title": "a letter"}],
            "resources": [{"name": "data", "path": "data.csv"}], **meta}  # fmt: skip
    import yaml

    (folder / "datapackage.yaml").write_text(yaml.safe_dump(body), encoding="utf-8")
    return folder


def test_user_package_folder_is_read_fresh_and_named_by_its_metadata(tmp_path: Path) -> None:
    folder = _package(tmp_path / "anywhere", 0.11)
    first = cf.read_factors(folder).select("electricity.grid", "CN", 2020)
    assert (first.value, first.dataset, first.edition) == (0.11, "mine", "v1")
    assert first.source is not None
    assert first.source.title == "a letter"
    _package(tmp_path / "anywhere", 0.22)
    again = cf.read_factors(folder, dataset="renamed").select("electricity.grid", "CN", 2020)
    assert (again.value, again.dataset) == (0.22, "renamed")


def test_malformed_package_metadata(tmp_path: Path) -> None:
    folder = _package(tmp_path / "p", 0.1, resources=[])
    with pytest.raises(cf.DataError, match="exactly one resource"):
        cf.read_factors(folder)


def test_csv_structure_errors(tmp_path: Path) -> None:
    header = ",".join(COLUMNS)
    good = ",".join(str(_row()[c]) for c in COLUMNS)
    path = tmp_path / "dup.csv"
    path.write_text(header + ",value\n" + good + ",99\n", encoding="utf-8")
    with pytest.raises(cf.DataError, match="'value' appears more than once"):
        cf.read_factors(path)
    path = tmp_path / "extra.csv"
    path.write_text(header + "\n" + good + ",surplus\n", encoding="utf-8")
    with pytest.raises(cf.DataError, match="row 2: 18 values for 17 columns"):
        cf.read_factors(path)


def test_unit_error_names_the_row_that_is_wrong(tmp_path: Path) -> None:
    rows = [_row(factor_id="ok"), _row(factor_id="bad", gas="CH4")]  # same unit, wrong gas
    with pytest.raises(cf.DataError, match=r"row 1, column unit: .*not an amount of CH4"):
        cf.read_factors(pd.DataFrame(rows))


def test_resolve_with_missing_values_in_string_columns() -> None:
    table = _table(_row())
    acts = pd.DataFrame({"activity": ["electricity.grid"] * 2, "region": ["CN", "CN"]})
    acts["gas"] = pd.array(["CO2", pd.NA], dtype="string")
    acts["year"] = [2020, 2020]
    out = table.resolve(acts, errors="collect")
    assert list(out["factor_id"]) == ["demo-1", "demo-1"]


def test_new_activities_when_asked() -> None:
    row = _row(activity="material.steel_coil", unit="t CO2 / t")
    with pytest.raises(cf.DataError, match="not in the activity vocabulary"):
        cf.read_factors(pd.DataFrame([row]))
    table = cf.read_factors(pd.DataFrame([row]), new_activities=True)
    assert table.select("material.steel_coil", "CN", 2020).value == 0.5


def test_vocabularies_are_read_only() -> None:
    with pytest.raises(TypeError):
        cf.factors.regions()["CN-AH"] = cf.factors.regions()["CN"]  # type: ignore[index]


def test_excel_round_trip_and_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "mine.xlsx"
    pd.DataFrame([_row(factor_id="a", value=0.42)]).to_excel(path, index=False)
    factor = cf.read_factors(path, dataset="xlsx").select("electricity.grid", "CN", 2020)
    assert (factor.value, factor.dataset) == (0.42, "xlsx")
    pd.DataFrame([_row(factor_id="a"), _row(factor_id="b", unit="kg CO2 / bogokWh")]).to_excel(
        path, index=False
    )
    with pytest.raises(cf.DataError, match=r"mine\.xlsx, row 3, column unit"):
        cf.read_factors(path)
