"""carbonfoot._keys: coding rows by distinct key, as pandas would, only faster."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from carbonfoot._keys import factorize, factorize_keys


def _same_as_pandas(column: pd.Series | np.ndarray, na_sentinel: bool) -> None:
    codes, distinct = factorize(column, na_sentinel=na_sentinel)
    want_codes, want_distinct = pd.factorize(column, use_na_sentinel=na_sentinel)
    np.testing.assert_array_equal(codes, want_codes)
    assert len(distinct) == len(want_distinct)
    for got, want in zip(list(distinct), list(want_distinct), strict=True):
        assert got is want or got == want or (pd.isna(got) and pd.isna(want))


# Equal strings that are different objects (built at run time), blanks of three kinds,
# numbers mixed with text, and a strided (non-contiguous) view.
_SPLIT = "".join(["electricity", ".grid"])
COLUMNS = {
    "repeated objects": np.array(["fuel.diesel", "electricity.grid"] * 50, dtype=object),
    "equal strings, other objects": np.array(
        ["electricity.grid", _SPLIT, "".join(["electricity.", "grid"])] * 3, dtype=object
    ),
    "blanks": np.array(["t", None, float("nan"), pd.NA, "t", None], dtype=object),
    "numbers and text": np.array([2023, "2023", 2023.0, 2022, "x"], dtype=object),
    "strided": np.array([["a", "b"], ["c", "d"], ["a", "b"]], dtype=object)[:, 1],
    "empty": np.array([], dtype=object),
}


@pytest.mark.parametrize("name", COLUMNS)
@pytest.mark.parametrize("na_sentinel", [True, False])
@pytest.mark.parametrize("as_series", [True, False])
@pytest.mark.parametrize("repeat", [1, 20], ids=["short", "repeated (reference path)"])
def test_factorize_matches_pandas(
    name: str, na_sentinel: bool, as_series: bool, repeat: int
) -> None:
    column = np.tile(COLUMNS[name], repeat)
    _same_as_pandas(pd.Series(column) if as_series else column, na_sentinel)


def test_factorize_refuses_unhashable_cells_like_pandas() -> None:
    shared = [1, 2]
    for one_list in (False, True):  # many list objects, or one repeated
        column = np.empty(40, dtype=object)
        for i in range(40):
            column[i] = (shared if one_list else [1, 2]) if i % 2 else "t"
        with pytest.raises(TypeError):
            pd.factorize(column)
        with pytest.raises(TypeError):
            factorize(column, na_sentinel=False)


@pytest.mark.parametrize(
    "series",
    [
        pd.Series(["kWh", "MWh", None, "kWh"], dtype="str"),
        pd.Series(["kWh", "MWh", None, "kWh"], dtype="category"),
        pd.Series([2023, 2022, 2023]),
        pd.Series([1.5, float("nan"), 1.5]),
    ],
    ids=["str dtype", "categorical", "int", "float"],
)
def test_factorize_other_dtypes_match_pandas(series: pd.Series) -> None:
    for na_sentinel in (True, False):
        _same_as_pandas(series, na_sentinel)


texts = st.sampled_from(["t", "kt", "万t", "MWh", "", " ", "fuel.diesel"])
cells = st.one_of(texts, st.none(), st.just(float("nan")), st.integers(2020, 2023))


@given(st.lists(cells, max_size=12), st.integers(1, 20), st.booleans())
def test_factorize_matches_pandas_on_any_mix(
    values: list[object], repeat: int, na_sentinel: bool
) -> None:
    # copies of the strings as new objects too, so equal values come in different objects;
    # repeated, so that the reference path (few distinct objects) is taken as well
    column = np.array(
        [v if not isinstance(v, str) or i % 2 else "".join(list(v)) for i, v in enumerate(values)],
        dtype=object,
    )
    _same_as_pandas(np.tile(column, repeat), na_sentinel)


def test_factorize_keys_codes_each_distinct_combination_once() -> None:
    frame = pd.DataFrame(
        {"activity": ["a", "b", "a", "a"], "unit": ["t", "t", "t", None], "year": [1, 1, 1, 1]}
    )
    codes, keys = factorize_keys(frame, {"activity": "activity", "unit": "unit", "region": "x"})
    assert len(keys) == 3
    assert codes[0] == codes[2]
    assert len({codes[0], codes[1], codes[3]}) == 3
    assert [keys[c] for c in codes] == [
        {"activity": "a", "unit": "t", "region": None},
        {"activity": "b", "unit": "t", "region": None},
        {"activity": "a", "unit": "t", "region": None},
        {"activity": "a", "unit": None, "region": None},
    ]


@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", None]), st.sampled_from(["t", "kg", ""])),
        max_size=40,
    )
)
def test_factorize_keys_agrees_with_groupby(pairs: list[tuple[str | None, str]]) -> None:
    # rows with equal keys (blanks all count as one blank) share a code; others do not
    frame = pd.DataFrame(pairs, columns=["activity", "unit"], dtype=object)
    codes, keys = factorize_keys(frame, {"activity": "activity", "unit": "unit"})
    assert len(codes) == len(frame)
    as_keys = [(a, u or None) for a, u in pairs]
    for i in range(len(pairs)):
        for j in range(len(pairs)):
            assert (codes[i] == codes[j]) == (as_keys[i] == as_keys[j])
    assert sorted(map(str, {tuple(k.values()) for k in keys})) == sorted(map(str, set(as_keys)))
