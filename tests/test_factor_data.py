"""The bundled data packages in factors/: schema, sources and values hold together."""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

import carbonfoot as cf
from carbonfoot._paths import factors_dir

PACKAGES = sorted(factors_dir().glob("*/*/datapackage.yaml"))
NUMBER_TYPES = {"number": float, "integer": int}


def _load(package: Path) -> tuple[dict[str, Any], list[dict[str, str]], list[str]]:
    meta = yaml.safe_load(package.read_text(encoding="utf-8"))
    (resource,) = meta["resources"]
    with (package.parent / resource["path"]).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        header = list(reader.fieldnames or [])
    return meta, rows, header


def test_packages_found() -> None:
    names = {p.parent.parent.name for p in PACKAGES}
    assert {"gwp", "cn-grid-electricity"} <= names


def test_registry_defaults_exist() -> None:
    registry = yaml.safe_load((factors_dir() / "registry.yaml").read_text(encoding="utf-8"))
    for dataset, entry in registry["datasets"].items():
        assert (factors_dir() / dataset / str(entry["default"]) / "datapackage.yaml").is_file()


@pytest.mark.parametrize(
    "package", PACKAGES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}"
)
def test_schema_matches_csv_and_values_are_typed(package: Path) -> None:
    meta, rows, header = _load(package)
    assert meta["name"] == package.parent.parent.name
    assert str(meta["version"]) == package.parent.name
    fields = meta["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == header
    assert rows, "a data package without rows"
    for number, row in enumerate(rows, start=2):
        for field in fields:
            value = row[field["name"]]
            constraints = field.get("constraints", {})
            if constraints.get("required"):
                assert value != "", f"{package}: row {number}, column {field['name']} is empty"
            if value and field.get("type") in NUMBER_TYPES:
                parsed = NUMBER_TYPES[field["type"]](value)
                assert math.isfinite(parsed)
                if "minimum" in constraints:
                    assert parsed >= constraints["minimum"]
            if value and "enum" in constraints:
                assert value in constraints["enum"]


@pytest.mark.parametrize(
    "package", PACKAGES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}"
)
def test_every_row_cites_a_declared_source_and_a_locator(package: Path) -> None:
    meta, rows, _ = _load(package)
    sources = {s["id"]: s for s in meta["sources"]}
    for source in sources.values():
        for key in ("title", "publisher", "year"):
            assert source.get(key), f"{package}: source {source['id']} has no {key}"
    for number, row in enumerate(rows, start=2):
        assert row["source_id"] in sources, f"{package}: row {number} cites {row['source_id']!r}"
        assert row["source_locator"].strip(), f"{package}: row {number} has no locator"
        assert row["verification"].split(":")[0] in {
            "verified",
            "single-source",
            "unverified",
            "derived",
        }


@pytest.mark.parametrize(
    "package", PACKAGES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}"
)
def test_primary_keys_are_unique(package: Path) -> None:
    meta, rows, _ = _load(package)
    key = meta["resources"][0]["schema"]["primaryKey"]
    key = [key] if isinstance(key, str) else key
    seen = [tuple(row[k] for k in key) for row in rows]
    assert len(seen) == len(set(seen))


GRID = [p for p in PACKAGES if p.parent.parent.name == "cn-grid-electricity"]


@pytest.mark.parametrize("package", GRID, ids=lambda p: p.parent.name)
def test_grid_factor_units_parse_as_co2_per_energy(package: Path) -> None:
    _, rows, _ = _load(package)
    expected = cf.Q_(1, "kg CO2 / kWh").dimensionality
    for row in rows:
        assert row["gas"] == "CO2"
        assert cf.Q_(1, row["unit"]).dimensionality == expected


def _grid_value(edition: str, region: str, activity: str = "electricity.grid") -> float:
    _, rows, _ = _load(factors_dir() / "cn-grid-electricity" / edition / "datapackage.yaml")
    (value,) = [
        float(r["value"]) for r in rows if r["region"] == region and r["activity"] == activity
    ]
    return value


def test_grid_values_from_the_announcements() -> None:
    # MEE/NBS 公告2025年第47号 (2023 data), 表3 省级: 安徽 0.6553 kgCO2/kWh
    assert _grid_value("2023", "CN-AH") == 0.6553
    # MEE/NBS 公告2024年第33号 (2022 data), 全国电力平均二氧化碳排放因子 0.5366 kgCO2/kWh
    assert _grid_value("2022", "CN") == 0.5366
    # MEE/NBS 公告2024年第12号 (2021 data), national average 0.5568
    assert _grid_value("2021", "CN") == 0.5568


# IPCC values transcribed from the tables themselves (not from factors/), so the data file is
# checked against an independent copy of the cited table.
# AR4 WG1 Ch.2 Table 2.14; AR5 WG1 Ch.8 Table 8.A.1 (no climate-carbon feedback; fossil CH4 30);
# AR6 WG1 Ch.7 Table 7.15 (CH4 fossil/non-fossil, N2O) and Table 7.SM.7 (others).
IPCC: dict[str, dict[str, float]] = {
    "AR4GWP100": {"CH4": 25, "N2O": 298, "SF6": 22800, "NF3": 17200, "HFC23": 14800,
                  "HFC32": 675, "HFC125": 3500, "HFC134a": 1430, "HFC143a": 4470,
                  "CF4": 7390, "C2F6": 12200},
    "AR5GWP100": {"CH4": 28, "CH4_fossil": 30, "N2O": 265, "SF6": 23500, "NF3": 16100,
                  "HFC23": 12400, "HFC32": 677, "HFC125": 3170, "HFC134a": 1300,
                  "HFC143a": 4800, "CF4": 6630, "C2F6": 11100},
    "AR6GWP100": {"CH4": 27.9, "CH4_fossil": 29.8, "CH4_nonfossil": 27.0, "N2O": 273,
                  "SF6": 25200, "NF3": 17400, "HFC23": 14600, "HFC32": 771, "HFC125": 3740,
                  "HFC134a": 1530, "HFC143a": 5810, "CF4": 7380, "C2F6": 12400},
    "AR6GWP20": {"CH4": 81.2, "CH4_fossil": 82.5, "CH4_nonfossil": 79.7, "N2O": 273,
                 "SF6": 18300, "NF3": 13400, "HFC23": 12400, "HFC32": 2690, "HFC125": 6740,
                 "HFC134a": 4140, "HFC143a": 7840, "CF4": 5300, "C2F6": 8940},
}  # fmt: skip


@pytest.mark.parametrize("metric", list(IPCC))
def test_gwp_values_match_the_cited_ipcc_tables(metric: str) -> None:
    for gas, value in IPCC[metric].items():
        assert cf.gwp(gas, metric).value == value, (gas, metric)


def test_gwp_table_has_exactly_the_transcribed_rows() -> None:
    # AR4 publishes no fossil/non-fossil split; AR5's non-fossil 28 is the GHG Protocol's label
    # of the generic AR5 value (see factors/gwp/*/data.csv verification column).
    have = {(g.gas, g.metric) for g in cf.units.gwp_table()}
    expected = {(gas, m) for m, gases in IPCC.items() for gas in gases}
    assert have - expected == {("CH4_nonfossil", "AR5GWP100")}
    assert expected <= have


# --- loading through the public API (issue 3 "Must show") ----------------------------------


def _is_factor_table(package: Path) -> bool:
    """Factor tables are data.csv resources (the GWP table and indicator sets have their own)."""
    meta = yaml.safe_load(package.read_text(encoding="utf-8"))
    return package.parent.parent.name != "gwp" and meta["resources"][0]["path"] == "data.csv"


FACTOR_PACKAGES = [p for p in PACKAGES if _is_factor_table(p)]


@pytest.mark.parametrize(
    "package", FACTOR_PACKAGES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}"
)
def test_row_model_and_datapackage_schema_agree(package: Path) -> None:
    meta, _, _ = _load(package)
    fields = {f["name"]: f for f in meta["resources"][0]["schema"]["fields"]}
    model = cf.factors.FactorRow.model_fields
    assert list(fields) == list(model)
    for name, info in model.items():
        required = fields[name].get("constraints", {}).get("required", False)
        # a package may require more than the row model (e.g. gas in a CO2-only table), never less
        if info.is_required():
            assert required, f"{name} is required by FactorRow but optional in {package}"
    assert fields["value"]["type"] == "number"
    assert fields["year"]["type"] == "integer"
    parameter_enum = fields["parameter"].get("constraints", {}).get("enum")
    assert parameter_enum is not None
    assert set(parameter_enum) <= set(cf.factors.PARAMETERS)


@pytest.mark.parametrize(
    "package", FACTOR_PACKAGES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}"
)
def test_every_bundled_package_loads_and_uses_the_vocabulary(package: Path) -> None:
    table = cf.load_factors(package.parent.parent.name, edition=package.parent.name)
    frame = table.to_frame()
    assert len(frame) == len(_load(package)[1])
    assert set(frame["activity"]) <= set(cf.factors.activities())
    assert all(source.title for source in table.sources())


def test_anhui_2023_grid_factor() -> None:
    # MEE/NBS 公告2025年第47号, 2023 provincial factors: 安徽 0.6553 kgCO2/kWh
    factor = cf.load_factors("cn-grid-electricity", edition="2023").select(
        activity="electricity.grid", region="CN-AH", year=2023
    )
    assert (factor.value, factor.unit, factor.fallback) == (0.6553, "kg CO2 / kWh", "")
    assert factor.source is not None
    assert "2025" in factor.source.id


def test_national_2022_grid_factor() -> None:
    # MEE/NBS 公告2024年第33号: 2022 national average 0.5366 kgCO2/kWh
    factor = cf.load_factors("cn-grid-electricity", edition="2022").select(
        activity="electricity.grid", region="CN", year=2022
    )
    assert factor.value == 0.5366


def test_region_without_own_value_falls_back_and_says_so() -> None:
    # Tibet (CN-XZ) has no provincial factor in the announcements: its regional grid's is used
    table = cf.load_factors("cn-grid-electricity", edition="2023")
    factor = table.select(activity="electricity.grid", region="CN-XZ", year=2023)
    parent = cf.factors.region_chain("CN-XZ")[1]
    assert factor.region == parent
    assert factor.fallback == f"region CN-XZ → {parent}"


def test_natural_gas_co2_factor_reproduced_from_stored_parameters() -> None:
    # GB/T 32150-2015 Annex A: 389.31 GJ/10^4 Nm3 × 15.3 tC/TJ × 99 % × 44/12
    #   = 389.31 × 0.0153 × 0.99 × 3.6667 = 21.6219 t CO2 / 10^4 Nm3 (≈ 21.62)
    table = cf.load_factors("cn-fuel-combustion")
    ncv = table.select("fuel.natural_gas", parameter="ncv")
    carbon = table.select("fuel.natural_gas", parameter="carbon_content")
    oxidation = table.select("fuel.natural_gas", parameter="oxidation_rate")
    assert (ncv.value, carbon.value, oxidation.value) == (389.31, 15.3, 99.0)
    derived = (ncv.quantity * carbon.quantity * oxidation.quantity).to("t CO2 / Nm3") * 1e4
    assert round(derived.magnitude, 2) == 21.62
    stored = table.select("fuel.natural_gas", gas="CO2")
    assert stored.quantity.to("t CO2 / Nm3").magnitude * 1e4 == pytest.approx(
        derived.magnitude, abs=5e-5
    )


def test_every_derived_fuel_factor_matches_its_parameters() -> None:
    table = cf.load_factors("cn-fuel-combustion")
    fuels = sorted(set(table.to_frame()["activity"]))
    assert len(fuels) >= 20
    for fuel in fuels:
        product = (
            table.select(fuel, parameter="ncv").quantity
            * table.select(fuel, parameter="carbon_content").quantity
            * table.select(fuel, parameter="oxidation_rate").quantity
        )
        stored = table.select(fuel, gas="CO2").quantity
        # stored with 4 decimals: agree within half a unit of the last decimal
        per_unit = stored.units
        assert product.to(per_unit).magnitude == pytest.approx(stored.magnitude, abs=5e-5), fuel


def test_ipcc_sector_specific_factors_need_the_sector() -> None:
    # 2006 IPCC Vol.2 Ch.2: other bituminous coal CH4 1 kg/TJ (Table 2.2, energy industries),
    # 10 kg/TJ (Table 2.3, manufacturing)
    table = cf.load_factors("ipcc-2006-stationary")
    manufacturing = table.select(
        "fuel.bituminous_coal", "GLOBAL", gas="CH4", sector="manufacturing"
    )
    energy = table.select("fuel.bituminous_coal", "GLOBAL", gas="CH4", sector="energy_industries")
    assert (manufacturing.value, energy.value) == (10.0, 1.0)
    with pytest.raises(cf.DataError, match="Ambiguous"):
        table.select("fuel.bituminous_coal", "GLOBAL", gas="CH4")


def test_load_factors_errors_list_what_exists() -> None:
    with pytest.raises(cf.FactorNotFoundError, match=r"bundled: .*cn-grid-electricity"):
        cf.load_factors("no-such-dataset")
    with pytest.raises(cf.FactorNotFoundError, match="editions: 2023"):
        cf.load_factors("cn-grid-electricity", edition="1999")
