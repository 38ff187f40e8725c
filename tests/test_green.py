"""Green-factory evaluation (GB/T 36132-2025) and energy-quota diagnosis."""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Any

import numpy as np
import pydantic
import pytest

import carbonfoot as cf
from carbonfoot._paths import factors_dir
from carbonfoot.green import Factory, FactoryProduct, diagnose_energy, load_scheme, quota_grades
from carbonfoot.green import indicators as ind

HEADER = (
    "scheme,item_id,kind,group,name_zh,name_en,type,direction,points,leading,baseline,"
    "band_min_tce,band_max_tce,benchmark_rule,unit,measure,source_id,source_locator,"
    "verification,note"
)


def _scheme(tmp_path: Path, *rows: str, name: str = "hand") -> Path:
    path = tmp_path / "scheme.csv"
    lines = [HEADER, *(f"{name},{r},src,test,verified: test," for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# A hand example. Scores follow GB/T 36132-2025 5.2: full at or better than the leading value,
# zero at or worse than the baseline, linear between. Values are chosen so that every share
# is exact in binary floating point.
HAND = (
    "req_systems,requirement,requirements,管理体系,management systems,qualitative,,,,,,,,,",
    # reuse rate: leading 90 %, baseline 80 %, 8 points; value 1 350 000 / (1 350 000 + 150 000)
    # = 90 % (B.10) → at the leading value → 8
    "reuse,indicator,resources,重复利用率,water reuse,quantitative,higher,8,90,80,,,,%,"
    "water_reuse_rate",
    # renewable share: leading 10 %, baseline 2 %, 8 points; 3 900 / 65 000 = 6 % (B.5)
    # → (6 − 2) / (10 − 2) = 0.5 → 4
    "renewable,indicator,energy,可再生能源,renewables,quantitative,higher,8,10,2,,,,%,"
    "renewable_share",
    # CO2 per output value: lower is better, leading 12, baseline 20 t CO2/万元, 6 points;
    # 1 020 000 / 60 000 = 17 t CO2/万元 (B.4) → (20 − 17) / (20 − 12) = 0.375 → 2.25
    "carbon,indicator,energy,碳排放强度,carbon,quantitative,lower,6,12,20,,,,t CO2 / 万元,"
    "co2_per_value",
    # land output: 60 000 / 400 000 = 0.15 万元/m2 (B.25) = baseline 0.15 → 0 of 4
    "land,indicator,land,土地产出率,land,quantitative,higher,4,1.15,0.15,,,,万元 / m2,"
    "land_output_value",
    # eco-design answered "partial": half of 4 → 2
    "design,indicator,product,绿色设计,eco-design,qualitative,higher,4,,,,,,,answer",
    # solid waste utilisation: no data → not assessable, 6 points at stake
    "waste,indicator,resources,固废利用率,solid waste,quantitative,higher,6,100,80,,,,%,"
    "solid_waste_utilization",
)


def _hand_factory(**changes: object) -> Factory:
    values: dict[str, object] = {
        "name": "hand example",
        "year": 2024,
        "data": {
            "energy_tce": 65_000,
            "renewable_energy_tce": 3_900,
            "co2_t": 1_020_000,
            "output_value": 60_000,
            "water_withdrawal_m3": 150_000,
            "water_reused_m3": 1_350_000,
            "land_area_m2": 400_000,
        },
        "answers": {"design": "partial"},
        "requirements": {"req_systems": True},
    }
    values.update(changes)
    return Factory.model_validate(values)


def test_hand_example_scores_exactly(tmp_path: Path) -> None:
    result = cf.evaluate_green_factory(_hand_factory(), _scheme(tmp_path, *HAND))
    scores = dict(zip(result.frame["item_id"], result.frame["score"], strict=True))
    assert scores == {
        "reuse": 8.0,
        "renewable": 4.0,
        "carbon": 2.25,
        "land": 0.0,
        "design": 2.0,
        "waste": 0.0,
    }
    assert result.total == 8.0 + 4.0 + 2.25 + 0.0 + 2.0 + 0.0 == 16.25
    assert result.maximum == 8 + 8 + 6 + 4 + 4 + 6 == 36
    groups = result.groups.set_index("group")
    assert groups.loc["energy", "score"] == 6.25
    assert groups.loc["energy", "max"] == 14
    assert groups.loc["resources", "not_assessable"] == 6
    assert result.requirements_not_met == []
    assert result.requirements_not_stated == []
    gaps = dict(zip(result.frame["item_id"], result.frame["gap_to_leading"], strict=True))
    assert gaps["renewable"] == 4.0  # 10 − 6
    assert gaps["carbon"] == 5.0  # 17 − 12
    assert gaps["reuse"] == 0.0


@pytest.mark.parametrize(
    ("reused", "expected"),
    [
        # reuse rate = Vr / (V + Vr) with V = 150 000 m3; leading 90 %, baseline 80 %, 8 points
        (600_000, 0.0),  # 80 %: at the baseline → 0
        (1_350_000, 8.0),  # 90 %: at the leading value → full marks
        (850_000, 4.0),  # 85 %: halfway → half
        (200_000, 0.0),  # 57 %: below the baseline → 0, not negative
        (2_850_000, 8.0),  # 95 %: beyond the leading value → full, not more
    ],
)
def test_baseline_leading_and_halfway(tmp_path: Path, reused: float, expected: float) -> None:
    factory = _hand_factory(data={"water_withdrawal_m3": 150_000, "water_reused_m3": reused})
    result = cf.evaluate_green_factory(factory, _scheme(tmp_path, HAND[0], HAND[1]))
    assert result.total == expected


def test_lower_is_better_at_baseline_leading_and_halfway(tmp_path: Path) -> None:
    scheme = _scheme(tmp_path, HAND[3])  # carbon: leading 12, baseline 20 t CO2/万元, 6 points
    for co2, expected in ((1_200_000, 0.0), (720_000, 6.0), (960_000, 3.0), (1_500_000, 0.0)):
        # 20, 12, 16 and 25 t CO2 per 万元 of 60 000 万元
        data = {"co2_t": co2, "output_value": 60_000}
        assert cf.evaluate_green_factory(_hand_factory(data=data), scheme).total == expected


def test_missing_data_is_not_assessable_with_what_is_missing(tmp_path: Path) -> None:
    result = cf.evaluate_green_factory(_hand_factory(), _scheme(tmp_path, *HAND))
    row = result.frame.set_index("item_id").loc["waste"]
    assert row["status"] == (
        "not assessable: missing solid_waste_utilized_t (一般工业固体废物综合利用量, t), "
        "solid_waste_generated_t (一般工业固体废物产生量, t)"
    )
    assert row["max"] == 6
    assert row["score"] == 0
    assert list(result.not_assessable["item_id"]) == ["waste"]
    assert "not assessable" in result.report()
    # no answer to a qualitative item: not assessable, not 0 and not full
    silent = cf.evaluate_green_factory(_hand_factory(answers={}), _scheme(tmp_path, *HAND))
    design = silent.frame.set_index("item_id").loc["design"]
    assert design["status"].startswith("not assessable: no answer for 'design'")
    assert design["max"] == 4


def test_missing_benchmarks_are_named_and_can_be_given(tmp_path: Path) -> None:
    row = (
        "carbon,indicator,energy,碳排放强度,carbon,quantitative,lower,6,,,,,industry values,,"
        "co2_per_value"
    )
    scheme = _scheme(tmp_path, row)
    result = cf.evaluate_green_factory(_hand_factory(), scheme)
    status = result.frame["status"].iloc[0]
    assert status.startswith("not assessable: no leading/baseline value (industry values)")
    assert "benchmarks={'carbon': (leading, baseline)}" in status
    given = cf.evaluate_green_factory(_hand_factory(), scheme, benchmarks={"carbon": (12, 20)})
    assert given.total == 2.25  # as in the hand example
    with pytest.raises(cf.ValidationError, match="leading value 20 must be below the baseline 12"):
        cf.evaluate_green_factory(_hand_factory(), scheme, benchmarks={"carbon": (20, 12)})
    with pytest.raises(cf.ValidationError, match=r"no item 'carbn'.*did you mean 'carbon'"):
        cf.evaluate_green_factory(_hand_factory(), scheme, benchmarks={"carbn": (12, 20)})


def test_requirements_not_met_and_not_stated_are_listed(tmp_path: Path) -> None:
    scheme = _scheme(tmp_path, *HAND)
    failed = cf.evaluate_green_factory(_hand_factory(requirements={"req_systems": False}), scheme)
    assert failed.requirements_not_met == ["管理体系 (req_systems)"]
    assert "NOT met" in failed.report()
    unstated = cf.evaluate_green_factory(_hand_factory(requirements={}), scheme)
    assert unstated.requirements_not_stated == ["管理体系 (req_systems)"]


def test_partial_share_is_a_printed_default(tmp_path: Path) -> None:
    scheme = _scheme(tmp_path, HAND[5])  # eco-design, 4 points, answered "partial"
    assert cf.evaluate_green_factory(_hand_factory(), scheme).total == 2.0
    result = cf.evaluate_green_factory(_hand_factory(), scheme, partial_share=0.25)
    assert result.total == 1.0
    assert "'partial' scores 0.25 of its points" in result.report()


def test_bad_schemes_name_the_row(tmp_path: Path) -> None:
    wrong_way = "carbon,indicator,energy,x,carbon,quantitative,lower,6,20,12,,,,,co2_per_value"
    with pytest.raises(cf.DataError, match=r"row 2 \('carbon'\).*must be below the baseline"):
        load_scheme(_scheme(tmp_path, wrong_way))
    unknown = "carbon,indicator,energy,x,carbon,quantitative,lower,6,12,20,,,,,co2_per_euro"
    with pytest.raises(cf.DataError, match="measure 'co2_per_euro' is unknown"):
        load_scheme(_scheme(tmp_path, unknown))
    with pytest.raises(cf.DataError, match="Did you mean 'gbt36132-2025-c1'"):
        load_scheme("gbt36132-2025-c")
    with pytest.raises(cf.DataError, match="has no scheme 'other'"):
        load_scheme(f"{_scheme(tmp_path, *HAND)}#other")


def test_bundled_schemes_add_up_as_published() -> None:
    # GB/T 36132-2025 Table C.1: 30 + 30 + 16 + 16 + 8 = 100, three basic requirements (4.2)
    national = cf.evaluate_green_factory(cf.examples.load_demo_factory())
    assert national.groups.set_index("group")["max"].to_dict() == {
        "energy": 30.0, "resources": 30.0, "production": 16.0, "product": 16.0, "land": 8.0
    }  # fmt: skip
    assert national.maximum == 100
    # the provincial mock form: 34 + 22 + 22 + 14 + 8 = 100, plus a 2-point bonus
    mock = cf.evaluate_green_factory(cf.examples.load_demo_factory(), "example-provincial-mock")
    assert mock.groups.set_index("group")["max"].to_dict() == {
        "energy": 34.0, "resources": 22.0, "production": 22.0, "product": 14.0, "land": 8.0,
        "bonus": 2.0,
    }  # fmt: skip


def test_demo_factory_energy_intensity_against_the_clinker_quota() -> None:
    # clinker: 125 000 tce / 1 200 000 t = 104.1667 kgce/t (B.1); GB 16780-2021 表2 grades
    # 100 / 107 / 117 kgce/t → 2级; Table C.1 row 1 scores between 1级 (leading) and 2级
    # (baseline): 8 × (107 − 104.1667) / (107 − 100) = 3.2381
    result = cf.evaluate_green_factory(cf.examples.load_demo_factory())
    row = result.frame.set_index("item_id").loc["energy_intensity"]
    value = 125_000 * 1000 / 1_200_000
    assert row["value"] == pytest.approx(value, rel=1e-12)
    assert row["score"] == pytest.approx(8 * (107 - value) / (107 - 100), rel=1e-12)
    assert (row["leading"], row["baseline"]) == (100, 107)
    (diagnosis,) = result.diagnoses
    assert diagnosis.grade == 2
    # renewable share with the mock scheme's band for 130 000 tce (>= 10 000: leading 4.31 %)
    mock = cf.evaluate_green_factory(cf.examples.load_demo_factory(), "example-provincial-mock")
    renewable = mock.frame.set_index("item_id").loc["renewable_share"]
    assert renewable["leading"] == 4.31
    assert renewable["score"] == pytest.approx(8 * 3.0 / 4.31, rel=1e-12)  # 3 900/130 000 = 3 %


def test_report_html_and_frame_carry_both_languages() -> None:
    result = cf.evaluate_green_factory(cf.examples.load_demo_factory(), "example-provincial-mock")
    text = result.report()
    for words in (
        "能源低碳化",
        "low-carbon energy",
        "用地集约化",
        "intensive land use",
        "能效诊断",
    ):
        assert words in text
    assert "<table" in result._repr_html_()
    assert "能源低碳化" in result._repr_html_()
    assert {"name_zh", "name_en", "score", "max", "status"} <= set(result.frame.columns)
    assert str(result) == text


def test_quota_diagnosis_grades_and_gaps() -> None:
    # GB 16780-2021 表2 clinker: 1级 100, 2级 107, 3级 117 kgce/t
    quota = "gb16780-2021-clinker-energy"
    assert diagnose_energy(quota, 100).grade == 1  # at the grade's value: reached
    at_two = diagnose_energy(quota, 107)
    assert (at_two.grade, at_two.gap_to_grade_1, at_two.gap_to_grade_2) == (2, 7.0, 0.0)
    assert diagnose_energy(quota, 117).grade == 3
    worst = diagnose_energy(quota, 120)
    assert worst.grade is None
    assert not worst.meets(3)
    assert "does not meet the standard" in str(worst)
    # 0.11 tce/t = 110 kgce/t → 3级, 3 kgce/t above 2级
    converted = diagnose_energy(quota, cf.Q_(0.11, "tce / t"))
    assert converted.grade == 3
    assert converted.gap_to_grade_2 == pytest.approx(3.0, rel=1e-12)
    # negative quota values (converter steelmaking recovers energy): lower is still better
    assert diagnose_energy("gb21256-2025-converter", -29).grade == 2


def test_quota_errors_are_named() -> None:
    with pytest.raises(
        cf.DataError, match=r"unknown quota.*did you mean 'gb16780-2021-clinker-energy'"
    ):
        diagnose_energy("gb16780-2021-clinker-enrgy", 100)
    with pytest.raises(cf.UnitError, match=r"kgce / t.*does not convert"):
        diagnose_energy("gb16780-2021-clinker-energy", 100, "kg")
    with pytest.raises(cf.ValidationError, match="a quota grade is 1, 2 or 3"):
        diagnose_energy("gb16780-2021-clinker-energy", 100).meets(4)


def test_quota_table_rows_are_ordered_and_cited() -> None:
    grades = quota_grades()
    assert len(grades) >= 20
    assert grades["standard"].str[:8].nunique() >= 5
    for quota, row in grades.iterrows():
        present = [g for g in (row["grade_1"], row["grade_2"], row["grade_3"]) if not math.isnan(g)]
        assert present == sorted(present), f"{quota}: grades must not get stricter from 1 to 3"
        cf.Q_(1, row["unit"])  # parses
        assert row["source_locator"]
        assert row["verification"]


def test_indicator_formulas_by_hand() -> None:
    # B.1: 52 000 tce / 500 000 t = 0.104 tce/t = 104 kgce/t
    assert ind.energy_per_product(52_000, cf.Q_(500_000, "t")).to("kgce / t").magnitude == (
        pytest.approx(104.0, rel=1e-12)
    )
    # B.2 with the output value as a quantity in yuan: 52 000 tce / (2e9 元 = 200 000 万元)
    assert ind.energy_per_value(52_000, cf.Q_(2e9, "CNY")).magnitude == pytest.approx(0.26)
    # B.10: 1 350 000 / (150 000 + 1 350 000) = 90 %
    assert ind.water_reuse_rate(1_350_000, 150_000).magnitude == 90.0
    # B.11 with stock from earlier years: 27 000 / (25 000 + 5 000) = 90 %
    assert ind.solid_waste_utilization(27_000, 25_000, 5_000).magnitude == 90.0
    # B.26: (60 000 + 20 000 + 10 000) / 180 000 = 50 %; B.27: 162 000 / 180 000 = 0.9
    assert ind.building_coefficient(60_000, 20_000, 10_000, 180_000).magnitude == 50.0
    assert ind.plot_ratio(162_000, 180_000).magnitude == pytest.approx(0.9)


def test_indicator_input_errors() -> None:
    with pytest.raises(cf.ValidationError, match="output value must be > 0"):
        ind.energy_per_value(1, 0)
    with pytest.raises(cf.ValidationError, match="energy must be >= 0"):
        ind.energy_per_value(-1, 10)
    with pytest.raises(cf.UnitError, match=r"energy:.*does not convert to tce"):
        ind.energy_per_value(cf.Q_(5, "kg"), 10)
    with pytest.raises(cf.ValidationError, match="give the output as a quantity"):
        ind.energy_per_product(1, 5)  # type: ignore[arg-type]
    with pytest.raises(cf.ValidationError, match="V \\+ Vr = 0"):
        ind.water_reuse_rate(0, 0)


def test_factory_data_keys_are_checked() -> None:
    with pytest.raises(
        pydantic.ValidationError, match="data key 'energy' is unknown; did you mean"
    ):
        Factory(name="x", year=2024, data={"energy": 1.0})
    with pytest.raises(pydantic.ValidationError, match="must be finite and >= 0"):
        Factory(name="x", year=2024, data={"energy_tce": -5.0})
    with pytest.raises(pydantic.ValidationError, match="greater than 0"):
        FactoryProduct(name="p", output=0, unit="t", energy_tce=1)


def test_own_scheme_file_round_trip(tmp_path: Path) -> None:
    # a province writes its own scheme as CSV: the bundled file's columns work as a template
    bundled = factors_dir() / "green-factory" / "gbt36132-2025" / "indicators.csv"
    with bundled.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["scheme"] == "example-provincial-mock"]
    own = tmp_path / "anhui.csv"
    with own.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({**r, "scheme": "anhui-test"} for r in rows)
    mine = cf.evaluate_green_factory(cf.examples.load_demo_factory(), own)
    theirs = cf.evaluate_green_factory(cf.examples.load_demo_factory(), "example-provincial-mock")
    assert mine.total == theirs.total


def test_review_defects_get_carbonfoot_errors(tmp_path: Path) -> None:
    scheme = _scheme(tmp_path, *HAND)
    # malformed benchmark pairs: a carbonfoot error, not a bare TypeError/ValueError
    pairs: tuple[Any, ...] = (12, ("a", "b"), (1.0, math.nan), (1, 2, 3))
    for pair in pairs:
        with pytest.raises(cf.ValidationError, match=r"benchmarks\['carbon'\] must be"):
            cf.evaluate_green_factory(_hand_factory(), scheme, benchmarks={"carbon": pair})
    # a reversed pair is refused even when the item has no data to score
    with pytest.raises(cf.ValidationError, match=r"'waste'.*must be above the baseline"):
        cf.evaluate_green_factory(_hand_factory(), scheme, benchmarks={"waste": (80, 100)})
    # the same unbanded item twice in a scheme
    with pytest.raises(cf.DataError, match="item 'reuse' twice"):
        load_scheme(_scheme(tmp_path, HAND[1], HAND[1]))
    # scheme errors read without pydantic's prefixes
    wrong = "carbon,indicator,energy,x,carbon,quantitative,lower,6,20,12,,,,,co2_per_value"
    with pytest.raises(cf.DataError) as caught:
        load_scheme(_scheme(tmp_path, wrong))
    assert "Value error" not in str(caught.value)
    assert "row: " not in str(caught.value)
    # electricity per tonne is not comprehensive energy: no silent calorific conversion
    with pytest.raises(cf.UnitError, match="is electricity"):
        diagnose_energy("gb16780-2021-clinker-energy", 50, "kWh / t")


def test_a_scheme_of_requirements_only(tmp_path: Path) -> None:
    result = cf.evaluate_green_factory(_hand_factory(), _scheme(tmp_path, HAND[0]))
    assert result.total == 0
    assert result.maximum == 0
    assert result.frame.empty
    assert result.requirements_not_met == []


def test_plot_ratio_prints_without_a_unit() -> None:
    result = cf.evaluate_green_factory(cf.examples.load_demo_factory(), "example-provincial-mock")
    # 300 000 m2 floor area / 400 000 m2 land = 0.75 (B.27)
    line = next(ln for ln in result.report().splitlines() if "容积率" in ln)
    assert "value 0.75;" in line
    assert " 1;" not in line


def test_bands_must_agree_and_not_overlap(tmp_path: Path) -> None:
    band = (
        "ren,indicator,energy,可再生能源,renewables,quantitative,higher,{points},10,0,{low},"
        "{high},,%,renewable_share"
    )
    good = (band.format(points=8, low="", high=3000), band.format(points=8, low=3000, high=""))
    assert load_scheme(_scheme(tmp_path, *good)).maximum == 8
    cases = {
        "differ in points": (band.format(points=5, low="", high=3000), good[1]),
        "overlap at 3000": (band.format(points=8, low="", high=6000), good[1]),
        "empty band": (band.format(points=8, low=6000, high=3000),),
        "twice": (HAND[1], HAND[1]),
    }
    for message, rows in cases.items():
        with pytest.raises(cf.DataError, match=message):
            load_scheme(_scheme(tmp_path, *rows))


def test_bonus_items_live_in_the_bonus_group(tmp_path: Path) -> None:
    misplaced = "zc,bonus,energy,零碳工厂,zero-carbon,qualitative,higher,5,,,,,,,answer"
    with pytest.raises(cf.DataError, match=r"bonus items \(and only they\) are in group 'bonus'"):
        load_scheme(_scheme(tmp_path, misplaced))
    scored = "gd,indicator,bonus,绿色设计,eco-design,qualitative,higher,5,,,,,,,answer"
    with pytest.raises(cf.DataError, match="group 'bonus'"):
        load_scheme(_scheme(tmp_path, scored))


def test_every_scheme_row_cites_its_source(tmp_path: Path) -> None:
    path = tmp_path / "uncited.csv"
    path.write_text(HEADER + "\nhand," + HAND[1] + ",,,verified: x,\n", encoding="utf-8")
    with pytest.raises(cf.DataError, match="column source_id: empty"):
        load_scheme(path)


def test_products_without_a_quota_are_named_not_dropped_silently(tmp_path: Path) -> None:
    scheme = load_scheme("gbt36132-2025-c1")
    factory = _hand_factory(
        products=(
            # clinker at exactly 1级: 100 000 tce / 1 000 000 t = 100 kgce/t (GB 16780-2021 表2)
            FactoryProduct(
                name="clinker",
                output=1e6,
                unit="t",
                energy_tce=100_000,
                quota="gb16780-2021-clinker-energy",
            ),
            FactoryProduct(name="other", output=5e5, unit="t", energy_tce=900_000),
        )
    )
    result = cf.evaluate_green_factory(factory, scheme)
    row = result.frame.set_index("item_id").loc["energy_intensity"]
    assert row["score"] == 8.0
    assert "not scored, no quota: other (900000 tce)" in row["detail"]
    assert any("not on other" in n for n in result.notes)


def test_an_electricity_quota_does_not_grade_comprehensive_energy() -> None:
    product = FactoryProduct(name="clinker", output=1e6, unit="t", energy_tce=6000,
                             quota="gb16780-2021-clinker-electricity")  # fmt: skip
    factory = _hand_factory(products=(product,))
    with pytest.raises(cf.UnitError, match=r"product 'clinker'.*is electricity use"):
        cf.evaluate_green_factory(factory, "gbt36132-2025-c1")
    with pytest.raises(cf.UnitError, match="is electricity use"):
        diagnose_energy("gb16780-2021-clinker-electricity", cf.Q_(0.2, "GJ / t"))
    # kWh per tonne is what that quota wants: GB 16780-2021 表2, 1级 48, 2级 57, 3级 61 kWh/t
    assert diagnose_energy("gb16780-2021-clinker-electricity", 50, "kWh / t").grade == 2


def test_converter_steel_with_net_negative_energy() -> None:
    # GB 21256-2025 converter grades −30 / −28 / −12 kgce/t: −29 000 tce / 1 Mt = −29 kgce/t → 2级
    product = FactoryProduct(name="BOF steel", output=1e6, unit="t", energy_tce=-29_000,
                             quota="gb21256-2025-converter")  # fmt: skip
    result = cf.evaluate_green_factory(_hand_factory(products=(product,)), "gbt36132-2025-c1")
    assert result.diagnoses[0].grade == 2
    row = result.frame.set_index("item_id").loc["energy_intensity"]
    # Table C.1: leading 1级 (−30), baseline 2级 (−28): 8 × (−28 − (−29)) / (−28 − (−30)) = 4
    assert row["score"] == pytest.approx(4.0, rel=1e-12)


def test_benchmarks_for_a_qualitative_item_are_refused() -> None:
    with pytest.raises(cf.ValidationError, match="scored from the factory's answers"):
        cf.evaluate_green_factory(
            cf.examples.load_demo_factory(), benchmarks={"green_design": (1, 0)}
        )


def test_renewable_share_cannot_exceed_the_energy_used() -> None:
    with pytest.raises(cf.ValidationError, match="exceeds the comprehensive energy"):
        ind.renewable_share(60_000, 52_000)
    numpy_ints: tuple[Any, Any] = (np.int64(2_600), np.int64(52_000))  # work at run time
    assert ind.renewable_share(*numpy_ints).magnitude == 5.0


def test_html_shows_the_quota_diagnosis() -> None:
    result = cf.evaluate_green_factory(cf.examples.load_demo_factory())
    assert "2级 (grade 2)" in result._repr_html_()
