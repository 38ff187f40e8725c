"""carbonfoot.units: gases as dimensions, CO2e with its metric, Chinese energy units, errors."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap

import numpy as np
import pint
import pytest

import carbonfoot as cf
from carbonfoot.testing import assert_quantity_close
from carbonfoot.units import GASES, Q_

# --- the "Must show" values --------------------------------------------------------


@pytest.mark.parametrize(
    ("metric", "expected"),
    # IPCC AR6 WG1 Ch.7 Table 7.15 (N2O 273); AR5 WG1 Table 8.A.1 (265); AR4 WG1 Table 2.14 (298)
    [("AR6GWP100", 273.0), ("AR5GWP100", 265.0), ("AR4GWP100", 298.0)],
)
def test_one_tonne_n2o_in_co2e(metric: str, expected: float) -> None:
    result = cf.to_co2e(Q_(1, "t N2O"), metric=metric)
    assert str(result) == f"{expected} t CO2e ({metric})"
    assert result.m_as(f"t CO2e ({metric})") == expected


def _python(code: str, stdin: bytes = b"") -> str:
    """Run ``code`` in a fresh interpreter and return what it printed."""
    done = subprocess.run(
        [sys.executable, "-c", code], input=stdin, capture_output=True, check=True
    )
    return done.stdout.decode().strip()


def test_command_line_example_prints_273() -> None:
    code = "import carbonfoot as cf; print(cf.to_co2e(cf.Q_(1,'t N2O'), metric='AR6GWP100'))"
    assert _python(code) == "273.0 t CO2e (AR6GWP100)"


# --- gases are dimensions ------------------------------------------------------------------


def test_gases_do_not_convert_into_each_other() -> None:
    with pytest.raises(cf.DimensionalityError, match="different gases"):
        Q_(1, "t CH4").to("t CO2")
    with pytest.raises(cf.DimensionalityError, match="different gases"):
        Q_(1, "t CH4") + Q_(1, "t N2O")
    with pytest.raises(cf.DimensionalityError):
        Q_(1, "t CH4_fossil").to("t CH4")


@pytest.mark.parametrize("target", ["t CO2e", "t CO2e (AR6GWP100)", "t CO2e (AR4GWP100)"])
def test_gas_to_co2e_without_metric_raises(target: str) -> None:
    with pytest.raises(cf.MissingMetricError, match="needs a GWP metric"):
        Q_(1, "t CH4").to(target)


def test_carbon_to_co2_is_exactly_44_over_12() -> None:
    assert Q_(12, "t C").to("t CO2").magnitude == pytest.approx(44, rel=1e-15)
    assert Q_(44, "kg CO2").to("kg C").magnitude == pytest.approx(12, rel=1e-15)
    assert Q_(1, "t C").to("t CO2").magnitude == pytest.approx(44 / 12, rel=1e-15)


def test_c_means_carbon_and_kt_means_kilotonne() -> None:
    assert Q_(1, "t C").dimensionality == Q_(1, "t CO2").dimensionality
    assert Q_(1, "kt CO2").to("t CO2").magnitude == 1000


# --- CO2e remembers its metric -------------------------------------------------------------


def test_adding_different_metrics_raises() -> None:
    ar5 = cf.to_co2e(Q_(1, "t CH4"), metric="AR5GWP100")
    ar6 = cf.to_co2e(Q_(1, "t CH4"), metric="AR6GWP100")
    with pytest.raises(cf.MixedMetricError, match="AR5GWP100 vs AR6GWP100"):
        ar5 + ar6
    with pytest.raises(cf.MixedMetricError):
        ar6 - ar5
    with pytest.raises(cf.MixedMetricError):
        ar5.to("t CO2e (AR6GWP100)")
    with pytest.raises(cf.MixedMetricError):
        ar5 < ar6  # noqa: B015 - the comparison itself must raise


def test_same_metric_adds_freely() -> None:
    # AR6 GWP100 (Table 7.15): CH4 non-fossil 27.0, N2O 273 -> 2 t CH4_nonfossil + 1 t N2O
    total = cf.to_co2e(Q_(2, "t CH4_nonfossil")) + cf.to_co2e(Q_(1, "t N2O"))
    assert_quantity_close(total, "327 t CO2e (AR6GWP100)")  # 2 * 27.0 + 273 = 327


def test_bare_co2e_has_unknown_metric_and_can_be_declared() -> None:
    bare = Q_("12.5 t CO2e")
    assert cf.units.metric_of(bare) == "unknown"
    with pytest.raises(cf.MissingMetricError, match="no GWP metric"):
        bare + cf.to_co2e(Q_(1, "t CH4"))
    declared = cf.units.declare_metric(bare, "AR5GWP100")
    assert str(declared) == "12.5 t CO2e (AR5GWP100)"
    with pytest.raises(cf.UnitError):
        cf.units.declare_metric(declared, "AR6GWP100")


def test_to_co2e_keeps_the_rest_of_the_unit() -> None:
    per_kwh = cf.to_co2e(Q_(0.002, "g N2O / kWh"), metric="AR5GWP100")
    assert cf.units.format_unit(per_kwh._units) == "g CO2e (AR5GWP100) / kWh"
    assert per_kwh.magnitude == pytest.approx(0.002 * 265)  # AR5 N2O 265


def test_to_co2e_of_carbon_and_co2() -> None:
    assert_quantity_close(cf.to_co2e("12 t C", "AR4GWP100"), "44 t CO2e (AR4GWP100)")
    assert_quantity_close(cf.to_co2e("5 kg CO2", "AR6GWP20"), "5 kg CO2e (AR6GWP20)")


def test_to_co2e_of_co2e_same_metric_is_identity_other_metric_raises() -> None:
    q = cf.to_co2e(Q_(1, "t CH4"), "AR6GWP100")
    again = cf.to_co2e(q, "AR6GWP100")
    assert again == q
    again.ito("kg CO2e (AR6GWP100)")  # a new object: changing it leaves the caller's alone
    assert str(q) == "27.9 t CO2e (AR6GWP100)"
    with pytest.raises(cf.MixedMetricError):
        cf.to_co2e(q, "AR5GWP100")


def test_to_co2e_on_arrays() -> None:
    q = Q_(np.array([1.0, 2.0, -0.5]), "kg HFC-134a")
    result = cf.to_co2e(q, "AR6GWP20")
    # AR6 GWP20 of HFC-134a: 4140 (Table 7.SM.7); removals (negative) are allowed
    np.testing.assert_allclose(result.magnitude, [4140.0, 8280.0, -2070.0])


def test_fossil_and_nonfossil_methane_differ_in_ar6() -> None:
    # IPCC AR6 WG1 Ch.7 Table 7.15: CH4-fossil 29.8, CH4-non fossil 27.0
    assert cf.gwp("CH4_fossil", "AR6GWP100").value == 29.8
    assert cf.gwp("CH4_nonfossil", "AR6GWP100").value == 27.0
    with pytest.raises(cf.FactorNotFoundError, match="AR4GWP100"):
        cf.gwp("CH4_fossil", "AR4GWP100")


@pytest.mark.parametrize(
    ("bad", "error", "match"),
    [
        (lambda: cf.to_co2e(Q_(1, "t CH4"), metric="AR7GWP100"), cf.UnitError, "valid metrics"),
        (lambda: cf.to_co2e(Q_(float("nan"), "t CH4")), cf.ValidationError, "NaN"),
        (lambda: cf.to_co2e(Q_(np.array([1, np.inf]), "t CH4")), cf.ValidationError, r"\[1\]"),
        (lambda: cf.to_co2e(Q_(1, "t")), cf.DimensionalityError, "not an amount of one"),
        (lambda: cf.to_co2e(Q_(1, "t CH4 N2O")), cf.DimensionalityError, "one greenhouse"),
        (lambda: cf.to_co2e(Q_(1, "CNY / t CH4")), cf.UnitError, "exponent -1"),
        (lambda: cf.to_co2e(3.0), cf.UnitError, "must be a quantity"),  # type: ignore[arg-type]
        (lambda: cf.to_co2e(Q_(1, "t SF6"), "AR9"), cf.UnitError, "AR6GWP20"),
        (lambda: cf.units.from_co2e(Q_(1, "t CO2e"), "CH4"), cf.MissingMetricError, "metric"),
        (lambda: cf.gwp("R22"), cf.FactorNotFoundError, "Unknown gas"),
    ],
)
def test_bad_input_raises_carbonfoot_errors(bad: object, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        bad()  # type: ignore[operator]


def test_quantity_from_another_registry_is_refused() -> None:
    other = pint.UnitRegistry().Quantity(1, "kg")
    with pytest.raises(cf.UnitError, match="another pint registry"):
        cf.to_co2e(other)  # type: ignore[arg-type]


# --- units used in Chinese statistics and the standards -------------------------------------


@pytest.mark.parametrize(
    ("amount", "target", "expected"),
    [
        ("1 kgce", "MJ", 29.3076),  # GB/T 2589-2020: 1 kgce = 29 307.6 kJ
        ("1 tce", "GJ", 29.3076),
        ("1 toe", "GJ", 41.868),  # IEA: 1 toe = 10^7 kcal(IT) = 41.868 GJ
        ("1 Mtce", "tce", 1e6),
        ("1 MMBtu", "GJ", 1.055056),  # 10^6 Btu(IT); NIST SP 811 B.8: 1 Btu(IT) = 1.055 056 E+03 J
        ("1 tkm", "kg km", 1000),
        ("3 pkm", "passenger km", 3),
        ("2.5 10^4 kWh", "kWh", 25_000),
        ("2.5 万kWh", "MWh", 25),
        ("1 kt", "t", 1000),
        ("1 m3", "L", 1000),
    ],
)
def test_energy_and_amount_units(amount: str, target: str, expected: float) -> None:
    assert Q_(amount).to(target).magnitude == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "scale", "unit"),
    [
        ("10^4 Nm3", 1e4, "Nm3"),
        ("10^4 kWh", 1e4, "kWh"),
        ("10^4 t", 1e4, "t"),
        ("万t", 1e4, "t"),
        ("亿kWh", 1e8, "kWh"),
        ("t CO2 / 10^4 Nm3", 1e-4, "t CO2 / Nm3"),
        ("GJ/10^4Nm3", 1e-4, "GJ / Nm3"),
        ("kgce/万元", 1e-4, "kgce / CNY"),
        ("tCO2/MWh", 1, "t CO2 / MWh"),
        ("kgCO2e (AR6GWP100)/kWh", 1, "kg CO2e (AR6GWP100) / kWh"),
        ("kg CO2-eq", 1, "kg CO2e"),
        ("kg CO₂", 1, "kg CO2"),
        ("kg HFC-134a", 1, "kg HFC134a"),
        ("tC/TJ", 1, "t C / TJ"),
        ("kg CO2 / t km", 1, "kg CO2 / t / km"),
    ],
)
def test_parse_unit(text: str, scale: float, unit: str) -> None:
    got_scale, got_unit = cf.units.parse_unit(text)
    assert got_scale == pytest.approx(scale)
    assert str(got_unit) == unit


def test_whole_denominator_is_grouped() -> None:
    # 21.62 t CO2 per 10^4 Nm3 is 2.162e-3 t CO2 per Nm3, never 21.62e-4 * Nm3
    factor = Q_(21.62, "t CO2 / 10^4 Nm3")
    assert factor.dimensionality == Q_(1, "t CO2 / Nm3").dimensionality
    assert factor.to("kg CO2 / Nm3").magnitude == pytest.approx(2.162)


def test_units_with_a_number_parse_only_where_they_can() -> None:
    assert Q_(3, "10^4 Nm3").to("Nm3").magnitude == 30_000
    with pytest.raises(cf.UnitError, match="cannot carry a number"):
        Q_(1, "t").to("10^4 t")
    with pytest.raises(cf.UnitError, match="has a number in it"):
        cf.ureg.Unit("10^4 t")


def test_nm3_is_not_a_volume_of_unknown_conditions() -> None:
    with pytest.raises(cf.DimensionalityError, match="dimensions differ"):
        Q_(1, "m3").to("Nm3")


def test_unknown_unit_names_the_unit_and_valid_examples() -> None:
    with pytest.raises(cf.UndefinedUnitError, match="unobtainium") as info:
        Q_(1, "t unobtainium")
    assert "Valid examples" in str(info.value)
    with pytest.raises(cf.UnitError, match="Cannot read"):
        cf.ureg("1 t +")


def test_calorific_basis_is_never_guessed() -> None:
    assert cf.units.check_calorific_basis("net") == "net"
    assert cf.units.check_calorific_basis("gross") == "gross"
    for bad in (None, "", "NCV", "lower"):
        with pytest.raises(cf.ValidationError, match="never guesses"):
            cf.units.check_calorific_basis(bad, where="row 3, column calorific_basis")


# --- printing, pickling --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "273.0 t CO2e (AR6GWP100)",
        "0.5366 kg CO2 / kWh",
        "21.62 t CO2 / Nm3",
        "3 kg / m^3",
        "5 / s",
    ],
)
def test_str_reads_back(text: str) -> None:
    q = Q_(text)
    assert Q_(str(q)) == q


def test_format_spec_applies_to_magnitude() -> None:
    assert f"{Q_(1234.5678, 't CO2'):,.1f}" == "1,234.6 t CO2"
    assert repr(Q_(2, "kg N2O")) == "<Quantity(2, 'kg N2O')>"


def test_pickle_round_trip_in_a_fresh_process() -> None:
    q = cf.to_co2e(Q_(np.array([1.5, 2.5]), "t CH4 / MWh"), "AR5GWP100")
    payload = pickle.dumps(q)
    code = textwrap.dedent(
        """
        import pickle, sys
        q = pickle.loads(sys.stdin.buffer.read())
        import carbonfoot
        print(isinstance(q, carbonfoot.Quantity), q.magnitude.tolist(), q.units)
        """
    )
    out = _python(code, stdin=payload)
    # AR5 GWP100 of CH4 is 28: 28 * 1.5 = 42, 28 * 2.5 = 70
    assert out.strip() == "True [42.0, 70.0] t CO2e (AR5GWP100) / MWh"


def test_import_does_not_load_pandas_or_pydantic() -> None:
    code = "import sys, carbonfoot; print(sorted({'pandas', 'pydantic'} & set(sys.modules)))"
    out = _python(code)
    assert out.strip() == "[]"


def test_every_gas_has_english_and_chinese_names() -> None:
    for info in GASES.values():
        assert info.name_en
        assert any("\u4e00" <= ch <= "\u9fff" for ch in info.name_zh)


def test_gwp_table_is_read_once() -> None:
    assert cf.units._load_gwp_table() is cf.units._load_gwp_table()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("HFC-134a", "HFC134a"),
        ("CO₂", "CO2"),
        ("PFC-14", "CF4"),
        ("PFC-116", "C2F6"),
        ("N2O", "N2O"),
    ],
)
def test_gas_names_users_write(name: str, key: str) -> None:
    assert cf.units.canonical_gas(name) == key
    assert cf.gwp(name, "AR4GWP100").value == cf.gwp(key, "AR4GWP100").value


def test_pfc_aliases_parse_as_units() -> None:
    assert str(Q_(1, "kg PFC-14")) == "1 kg CF4"


# --- regressions from review: spellings that once gave a different, valid, quantity --------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3万t", "30000 t"),  # was read as 310^4 t
        ("1.5万kWh", "15000 kWh"),
        ("0.5万t", "5000 t"),
        ("2万t CO2e (AR6GWP100)", "20000 t CO2e (AR6GWP100)"),
        ("3万吨", "30000 t"),
        ("10⁴Nm3", "10000 Nm3"),
        ("1 万Nm³", "10000 Nm3"),
        ("2 Nm^3", "2 Nm3"),
        ("12.5tCO2e", "12.5 t CO2e"),
        ("5 10^4tCO2", "50000 t CO2"),
        ("7000 kcal", "1 kgce"),  # GB/T 2589: 1 kgce = 7000 kcal(IT) = 29 307.6 kJ
        ("300 gce", "0.3 kgce"),
        ("2 吨标准煤", "2 tce"),
        ("1 kg R-134a", "1 kg HFC134a"),
        ("1 kg CH4-fossil", "1 kg CH4_fossil"),
        ("1 kg CH4 non-fossil", "1 kg CH4_nonfossil"),
    ],
)
def test_spellings_read_as_meant(text: str, expected: str) -> None:
    assert_quantity_close(Q_(text), Q_(expected))


@pytest.mark.parametrize(
    ("unit", "per"),
    [
        ("kgCO2e/t·km", "kg CO2e / tkm"),
        ("kgCO2e/t⋅km", "kg CO2e / tkm"),
        ("kgCO2/t-km", "kg CO2 / tkm"),
        ("kg CO2 / t km", "kg CO2 / tkm"),
        ("kgCO2/kW·h", "kg CO2 / kWh"),
        ("tCO2/万吨标准煤", "t CO2 / (10^4 tce)"),
    ],
)
def test_products_after_a_slash_stay_in_the_denominator(unit: str, per: str) -> None:
    assert_quantity_close(Q_(1, unit), Q_(1, per))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1 ton", "ambiguous"),
        ("3 tons CO2", "ambiguous"),
        ("1 200 t", "two numbers in a row"),
        ("[1. 2. 3.] t", "arrays are not read from text"),
        ("", "empty"),
        ("1 kg HFC-134A", "Unknown unit"),
        ("1 kg R-410A", "is a mixture"),
    ],
)
def test_spellings_that_would_mislead_are_refused(text: str, message: str) -> None:
    with pytest.raises(cf.UnitError, match=message):
        Q_(text)


def test_scaled_unit_never_rescales_an_existing_quantity() -> None:
    with pytest.raises(cf.UnitError, match="cannot carry a number"):
        Q_(Q_(1, "t"), "万t")
    with pytest.raises(cf.UnitError, match="magnitude as a number"):
        Q_("3", "万t")


def test_array_quantity_text_does_not_read_back_silently() -> None:
    text = str(Q_(np.array([1.0, 2.0, 3.0]), "t"))
    with pytest.raises(cf.UnitError, match="arrays"):
        Q_(text)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Q_(1, "t CH4") + Q_(1, "kg"), "'1 kg' names no greenhouse gas"),
        (lambda: Q_(1, "kg").to("t CO2"), "names no greenhouse gas"),
        (lambda: Q_(1, "A s").to("C"), "not coulomb"),
    ],
)
def test_messages_state_the_real_cause(make: object, message: str) -> None:
    with pytest.raises(cf.DimensionalityError, match=message):
        make()  # type: ignore[operator]
