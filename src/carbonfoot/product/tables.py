"""Product systems as two tables: one row per output, one row per input.

Analysts keep processes in spreadsheets. `system_from_tables` reads two tables, CSV files or
pandas DataFrames, into a `ProductSystem`; `system_to_tables` writes a system back as the same
two tables, so a model can travel between a notebook, a spreadsheet and version control.
Both are also `ProductSystem.from_tables` and `ProductSystem.to_tables`.

**Outputs** (`OUTPUT_COLUMNS`): one row per product a process makes. Rows with the same
``process`` are the outputs of one process, the first of them its reference product; the
process-level columns (``stage``, ``allocation``, ``allocation_property``, ``location``) may
be given on any of its rows and must not disagree. Physical properties for allocation are
columns named ``property:<name>``, e.g. ``property:energy``.

**Inputs** (`INPUT_COLUMNS`): one row per input of a process, in order. What the input is
comes from ``product`` (another process's product), ``factor`` + ``factor_unit`` +
``factor_source`` (an own emission factor), ``activity`` (+ ``region``, ``year``; a bundled
factor key), or none of them for a direct emission (``unit`` a gas mass such as ``kg CH4``).

Blank cells (empty, NaN, or only spaces) are "not given" and take the model's default. Names
are kept as written: "mill" and "mill " are two processes. Every problem is reported as a
`DataError` naming the table (file), the row (in a file, the line it starts on), the process,
the column at fault and what would be valid; nothing is built until every row has been read.

Examples
--------
>>> import pandas as pd
>>> import carbonfoot as cf
>>> outputs = pd.DataFrame({"process": ["bracket"], "product": ["bracket"],
...                         "amount": [1.0], "unit": ["piece"]})
>>> inputs = pd.DataFrame({
...     "process": ["bracket", "bracket"], "name": ["steel sheet", "paint"],
...     "amount": [0.8, 0.05], "unit": ["kg", "kg"], "factor": [2.0, 3.0],
...     "factor_unit": ["kg CO2e (AR6GWP100) / kg"] * 2, "factor_source": ["FICTIONAL"] * 2})
>>> system = cf.ProductSystem.from_tables(outputs, inputs)
>>> print(system.solve().co2e("bracket"))
1.75 kg CO2e (AR6GWP100)
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd
import pydantic

from carbonfoot.errors import DataError
from carbonfoot.factors import _read_csv_records

if TYPE_CHECKING:  # pragma: no cover
    from carbonfoot.product.models import ProductSystem

__all__ = ["INPUT_COLUMNS", "OUTPUT_COLUMNS", "system_from_tables", "system_to_tables"]

#: A table: a pandas DataFrame or the path of a UTF-8 CSV file with a header row.
Table = pd.DataFrame | str | os.PathLike[str]

#: Columns of the outputs table, with what each holds (required: process, product, amount, unit).
OUTPUT_COLUMNS: Final[dict[str, str]] = {
    "process": "name of the process (rows with the same name are one process's outputs)",
    "product": "name of the product made; inputs of other processes link to it",
    "amount": "how much the process makes (> 0)",
    "unit": "unit of the amount, e.g. kg, piece, kWh",
    "stage": "life-cycle stage: raw_material_acquisition, production (default), distribution, "
    "use, end_of_life",
    "allocation": "with several outputs: mass, economic, physical, explicit or substitution",
    "allocation_property": "for physical allocation: the <name> of a property:<name> column, "
    "e.g. energy",
    "location": "where the process runs, e.g. CN-AH",
    "mass": "mass of the amount, kg (allocation by mass)",
    "value": "economic value of the amount, any one currency (economic allocation)",
    "allocation_factor": "share of this output (explicit allocation; a process's shares sum to 1)",
    "substitutes": "substitution: the product of the system this co-product displaces",
    "property:<name>": "a physical property of the amount (physical allocation)",
}

_DISTRIBUTION_PARTS: Final = ("distribution", "gsd", "sd", "low", "high")

#: Columns of the inputs table, with what each holds (required: process, amount, unit).
INPUT_COLUMNS: Final[dict[str, str]] = {
    "process": "name of the process that takes the input (a process of the outputs table)",
    "name": "a label for contributions and errors (default: what the input is)",
    "amount": "how much per the process's stated outputs",
    "unit": "unit of the amount; a gas mass (kg CH4) for a direct emission",
    "product": "another process's product (a link)",
    "factor": "own emission factor (with factor_unit and factor_source)",
    "factor_unit": "unit of the factor, e.g. kg CO2e (AR6GWP100) / kg",
    "factor_source": "where the factor was published (title, table, page); FICTIONAL if made up",
    "activity": "a key of the bundled factor tables, e.g. electricity.grid",
    "region": "region of the activity's factor, e.g. CN-AH",
    "year": "year of the activity's factor",
    "category": "PACT part: fossil (default), biogenic_non_co2, biogenic_co2_uptake, "
    "land_use_change, land_management_biogenic_co2_emissions, "
    "land_management_biogenic_co2_removals, technological_co2_removals",
    "primary": "primary (site-measured) data: true/false (default false)",
    "credit": "a credit, which may be negative: true/false (default false)",
    "aircraft": "aircraft transport, for PACT's 'of which': true/false",
    "packaging": "packaging, for PACT's 'of which': true/false",
    "dqr_technological": "data-quality rating 1 (good) to 3 (fair)",
    "dqr_temporal": "data-quality rating 1 to 3",
    "dqr_geographical": "data-quality rating 1 to 3",
    "dqr_completeness": "data-quality rating 1 to 3",
    "dqr_reliability": "data-quality rating 1 to 3",
    **{
        f"{what}_{part}": (
            f"uncertainty of the {what}: lognormal, normal, triangular or uniform"
            if part == "distribution"
            else f"parameter {part} of the {what}'s distribution"
        )
        for what in ("amount", "factor")
        for part in _DISTRIBUTION_PARTS
    },
}

_REQUIRED_OUTPUT: Final = ("process", "product", "amount", "unit")
_REQUIRED_INPUT: Final = ("process", "amount", "unit")
_PROCESS_FIELDS: Final = ("stage", "allocation", "allocation_property", "location")
_OUTPUT_NUMBERS: Final = ("amount", "mass", "value", "allocation_factor")
_INPUT_NUMBERS: Final = ("amount", "factor")
_INPUT_TEXTS: Final = (
    "name", "unit", "product", "factor_unit", "factor_source", "activity", "region", "category",
)  # fmt: skip
_FLAGS: Final = ("primary", "credit", "aircraft", "packaging")
#: Columns of the inputs table that are `Input` fields as they are.
_INPUT_FIELDS: Final = frozenset({*_INPUT_NUMBERS, *_INPUT_TEXTS, "year", *_FLAGS})
_DQR: Final = ("technological", "temporal", "geographical", "completeness", "reliability")
_TRUE: Final = frozenset({"true", "yes", "y", "1", "是"})
_FALSE: Final = frozenset({"false", "no", "n", "0", "否"})

#: A row as read: its line number in a file or its index label in a DataFrame, and its cells.
_Row = tuple[object, dict[str, Any]]


class _Table:
    """A table's rows, with the messages that name the table, row and column."""

    def __init__(
        self, table: Table, what: str, columns: Mapping[str, str], required: Sequence[str]
    ) -> None:
        self.what, self.columns, self.required = what, columns, required
        #: Distributions already built, by (kind, parameters): they are frozen, so rows share.
        self.distributions: dict[tuple[Any, ...], Any] = {}
        if isinstance(table, pd.DataFrame):
            self.where = f"{what} table"
            header = [str(c) for c in table.columns]
            self._check_header(header)
            self.label = "row index {!r}"
            cells = [table.iloc[:, k].tolist() for k in range(table.shape[1])]
            self.rows: list[_Row] = [  # the header check ensures some columns
                (label, dict(zip(header, values, strict=True)))
                for label, values in zip(table.index, zip(*cells, strict=True), strict=True)
            ]
        elif isinstance(table, str | os.PathLike):
            path = Path(table)
            self.where = str(path)
            self.label = "row {}"
            self.rows = _read_csv_records(path, self._check_header)
        else:
            raise DataError(
                f"{what} table: give a pandas DataFrame or the path of a CSV file, "
                f"not {type(table).__name__}"
            )

    def _check_header(self, header: Sequence[str]) -> None:
        columns = self.columns
        repeated = sorted({c for c in header if list(header).count(c) > 1})
        if repeated:
            raise DataError(f"{self.where}: column {repeated[0]!r} appears more than once")
        missing = [c for c in self.required if c not in header]
        if missing:
            raise DataError(
                f"{self.where}: the {self.what} table needs the column(s) {', '.join(missing)}; "
                f"it has {', '.join(header) or 'none'}"
            )
        for column in header:
            if column in columns or (columns is OUTPUT_COLUMNS and _property(column)):
                continue
            close = difflib.get_close_matches(column, list(columns), n=2, cutoff=0.6)
            hint = f"did you mean {' or '.join(map(repr, close))}? " if close else ""
            raise DataError(
                f"{self.where}: column {column!r} is not a column of the {self.what} table; "
                f"{hint}valid: {', '.join(columns)}"
            )

    def place(self, label: object) -> str:
        """How a row is named: "row 5" (the line in a file) or "row index 'a'" (a DataFrame)."""
        return self.label.format(label)

    def error(
        self, label: object, row: Mapping[str, Any], column: str | None, problem: str
    ) -> DataError:
        """A `DataError` naming this table, the row, its process and the column."""
        process = _text(row.get("process"))
        who = f" (process {process!r})" if process else ""
        col = f", column {column!r}" if column else ""
        return DataError(f"{self.where}, {self.place(label)}{who}{col}: {problem}")


def _property(column: str) -> str | None:
    """The property name of a ``property:<name>`` column."""
    head, colon, name = column.partition(":")
    return name.strip() or None if colon and head == "property" else None


def _blank(cell: Any) -> bool:
    """An empty cell: None, NaN, pandas NA, or text of only spaces."""
    if type(cell) is str:
        return not cell or cell.isspace()
    if cell is None or cell is pd.NA or cell is pd.NaT:
        return True
    return isinstance(cell, float) and math.isnan(cell)


def _name(cell: Any) -> str:
    """Text as written (names are not stripped: "mill" and "mill " are two names).

    Numbers in a text column (a DataFrame column of product codes) are written as integers
    when whole, so 7 and 7.0 are the same code.
    """
    if isinstance(cell, str):
        return cell
    if isinstance(cell, bool | np.bool_):
        raise ValueError(f"{cell!r} is not text")
    if isinstance(cell, int | np.integer):
        return str(int(cell))
    if isinstance(cell, float | np.floating):
        return str(int(cell)) if float(cell).is_integer() else repr(float(cell))
    return str(cell)


def _word(cell: Any) -> str:
    """A keyword (stage, allocation, category, distribution kind): stripped."""
    return _name(cell).strip()


def _text(cell: Any) -> str | None:
    return None if _blank(cell) else _name(cell)


def _shown(cell: Any) -> str:
    """A cell for a message: its repr, cut to 40 characters."""
    text = repr(cell)
    return text if len(text) <= 40 else f"{text[:37]}..."


def _number(cell: Any) -> float | None:
    """The number in a cell; ValueError with what is wrong."""
    if _blank(cell):
        return None
    if isinstance(cell, bool | np.bool_):
        raise ValueError(f"{_shown(cell)} is not a number")
    try:
        value = float(cell.strip()) if isinstance(cell, str) else float(cell)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{_shown(cell)} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{_shown(cell)} is not a finite number")
    if (
        value == 0
        and isinstance(cell, str)
        and any(c in "123456789" for c in cell.lower().partition("e")[0])
    ):
        raise ValueError(f"{_shown(cell)} is too small to be told from 0")  # fmt: skip
    return value


def _year(cell: Any) -> int | None:
    value = _number(cell)
    if value is None:
        return None
    if not value.is_integer() or not 1000 <= value <= 9999:
        raise ValueError(f"{cell!r} is not a year (a whole number such as 2023)")
    return int(value)


def _flag(cell: Any) -> bool | None:
    if _blank(cell):
        return None
    if isinstance(cell, bool | np.bool_):
        return bool(cell)
    text = str(cell).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if number in (0.0, 1.0):
        return number == 1.0
    raise ValueError(f"{cell!r} is not true or false (true/false, yes/no, 1/0, 是/否)")


def _read(
    table: _Table, place: object, row: Mapping[str, Any], column: str, read: Callable[[Any], Any]
) -> Any:
    try:
        return read(row.get(column))
    except ValueError as exc:
        raise table.error(place, row, column, str(exc)) from None


#: Columns named by the messages of the models' whole-model checks (which have no field).
_MESSAGE_COLUMNS: Final = (
    ("amount is 0", "amount"),
    ("factor is 0", "factor"),
    ("lies outside its distribution", None),  # "amount …" or "factor …": see below
    ("factor needs factor_unit", "factor_unit"),
    ("factor needs factor_source", "factor_source"),
    ("factor_unit and factor_source go with factor", "factor"),
    ("factor_distribution needs an own factor", "factor_distribution"),  # after the rename
    ("an input is one thing", "product"),
    ("is negative; only removals", "amount"),
    ("is a removal: give it a negative amount", "amount"),
    ("choose an allocation", "allocation"),
    ("physical allocation needs allocation_property", "allocation_property"),
)


def _pydantic_problem(
    exc: pydantic.ValidationError, columns: Mapping[str, str]
) -> tuple[str | None, str]:
    """(column, message) of the first error of a model built from one row."""
    first = exc.errors()[0]
    message = str(first["msg"]).removeprefix("Value error, ")
    message = message.replace("factor_uncertainty", "factor_distribution")
    loc = [str(part) for part in first["loc"]]
    if not loc:
        for text, column in _MESSAGE_COLUMNS:
            if text in message:
                if column is None:
                    column = f"{message.split(' ', 1)[0]}_distribution"
                return column, message
        return None, message
    column = columns.get(loc[0], loc[0])
    if loc[0] == "dqr":  # the message names the aspect: "dqr temporal must be ..."
        named = [a for a in _DQR if f"dqr {a} " in message]
        column = f"dqr_{named[0]}" if named else "dqr_*"
    if loc[0] == "properties":  # "property 'energy' must be ..."
        name = message.split("'")[1] if message.count("'") >= 2 else ""
        column = f"property:{name}"
    return column, message


# --------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------


def _distribution(
    table: _Table, place: object, row: Mapping[str, Any], cells: Mapping[str, Any], what: str
) -> Any:
    """The distribution of ``what`` ("amount" or "factor") from a row's read cells, or None."""
    from carbonfoot.product.models import Distribution

    kind = cells.get(f"{what}_distribution")
    given = {
        part: cells[f"{what}_{part}"]
        for part in _DISTRIBUTION_PARTS[1:]
        if f"{what}_{part}" in cells
    }
    if kind is None:
        if given:
            raise table.error(
                place,
                row,
                f"{what}_{next(iter(given))}",
                f"a parameter without {what}_distribution "
                "(lognormal, normal, triangular or uniform)",
            )
        return None
    key = (kind, *given.items())
    if key in table.distributions:
        return table.distributions[key]
    try:
        table.distributions[key] = distribution = Distribution(kind=kind, **given)
        return distribution
    except pydantic.ValidationError as exc:
        bad, message = _pydantic_problem(exc, {})
        name = f"{what}_{bad}" if bad in _DISTRIBUTION_PARTS else f"{what}_distribution"
        raise table.error(place, row, name, message) from None


#: How each column of the inputs table is read from a cell that is not blank.
_INPUT_READERS: Final[dict[str, Callable[[Any], Any]]] = {
    "process": _name,
    **dict.fromkeys(_INPUT_NUMBERS, _number),
    **dict.fromkeys(_INPUT_TEXTS, _name),
    "category": _word,
    "year": _year,
    **dict.fromkeys(_FLAGS, _flag),
    **{f"dqr_{aspect}": _number for aspect in _DQR},
    **{
        f"{what}_{part}": _word if part == "distribution" else _number
        for what in ("amount", "factor")
        for part in _DISTRIBUTION_PARTS
    },
}


def _input(table: _Table, place: object, row: Mapping[str, Any]) -> Any:
    from carbonfoot.product.models import Input

    cells: dict[str, Any] = {}
    for column, cell in row.items():
        if _blank(cell):
            continue
        try:
            cells[column] = _INPUT_READERS[column](cell)
        except ValueError as exc:
            raise table.error(place, row, column, str(exc)) from None
    if "amount" not in cells:
        raise table.error(place, row, "amount", "blank; give how much per the stated outputs")
    if "unit" not in cells:
        raise table.error(place, row, "unit", "blank; give the amount's unit, e.g. kg")
    fields = {k: v for k, v in cells.items() if k in _INPUT_FIELDS}
    dqr = {a: cells[f"dqr_{a}"] for a in _DQR if f"dqr_{a}" in cells}
    if dqr:
        fields["dqr"] = dqr
    for what in ("amount", "factor"):
        distribution = _distribution(table, place, row, cells, what)
        if distribution is not None:
            fields[f"{what}_uncertainty"] = distribution
    try:
        return Input(**fields)
    except pydantic.ValidationError as exc:
        bad, message = _pydantic_problem(
            exc,
            {
                "amount_uncertainty": "amount_distribution",
                "factor_uncertainty": "factor_distribution",
            },
        )
        raise table.error(place, row, bad, message) from None


def _output(table: _Table, place: object, row: Mapping[str, Any]) -> Any:
    from carbonfoot.product.models import Output

    fields: dict[str, Any] = {
        column: _read(table, place, row, column, _number) for column in _OUTPUT_NUMBERS
    }
    for column in ("product", "unit"):
        fields[column] = _read(table, place, row, column, _text)
        if fields[column] is None:
            raise table.error(place, row, column, f"blank; every output needs its {column}")
    if fields["amount"] is None:
        raise table.error(place, row, "amount", "blank; give how much the process makes")
    fields["substitutes"] = _read(table, place, row, "substitutes", _text)
    properties = {}
    for column in row:
        name = _property(column)
        if name is not None:
            value = _read(table, place, row, column, _number)
            if value is not None:
                properties[name] = value
    fields["properties"] = properties
    try:
        return Output(**fields)
    except pydantic.ValidationError as exc:
        bad, message = _pydantic_problem(exc, {})
        raise table.error(place, row, bad, message) from None


def system_from_tables(
    outputs: Table, inputs: Table | None = None, *, metric: str | None = None
) -> ProductSystem:
    """A `ProductSystem` from an outputs table and an inputs table (CSV paths or DataFrames).

    Columns: `OUTPUT_COLUMNS` and `INPUT_COLUMNS` (see the module's description). Processes
    come in the order of their first output row, inputs in row order. ``inputs`` may be left
    out when no process has inputs.

    ``metric`` is the GWP metric of the system; by default the one `system_to_tables` stored in
    the outputs DataFrame's ``attrs``, else the library's (``cf.DEFAULT_METRIC``). A CSV file
    does not carry it: pass ``metric=`` for a system in another metric.

    Raises `DataError` naming the table, row and column of the first problem: an unknown or
    missing column, a blank required cell, text where a number belongs, process-level columns
    that disagree between rows of one process or hold an unknown stage or allocation, an input
    of a process that makes nothing, a product made twice, a substitute or a physical property
    no output states, or whatever the `Process`, `Output` and `Input` models refuse (negative
    amounts, distributions that do not hold the stated value …). Inputs linked to a product no
    process makes, and allocation factors that do not add up to 1, are found by ``solve()``.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> system = cf.examples.load_demo_product()
    >>> outputs, inputs = system.to_tables()
    >>> cf.ProductSystem.from_tables(outputs, inputs) == system
    True
    """
    from carbonfoot.product.models import ProductSystem
    from carbonfoot.units import DEFAULT_METRIC

    out_table = _Table(outputs, "outputs", OUTPUT_COLUMNS, _REQUIRED_OUTPUT)
    groups: dict[str, list[_Row]] = {}
    makers: dict[str, tuple[str, object]] = {}
    for place, row in out_table.rows:
        process = _read(out_table, place, row, "process", _text)
        if process is None:
            raise out_table.error(place, row, "process", "blank; name the process")
        product = _read(out_table, place, row, "product", _text)
        if product is not None and product in makers:
            first_process, first_place = makers[product]
            raise out_table.error(
                place, row, "product",
                f"{product!r} is also made by process {first_process!r} "
                f"({out_table.place(first_place)}); each product is made by one process "
                "and once: model a market process that takes both",
            )  # fmt: skip
        if product is not None:
            makers[product] = (process, place)
        groups.setdefault(process, []).append((place, row))

    inputs_of: dict[str, list[Any]] = {name: [] for name in groups}
    source = "" if isinstance(outputs, pd.DataFrame) else f" ({out_table.where})"
    if inputs is not None:
        in_table = _Table(inputs, "inputs", INPUT_COLUMNS, _REQUIRED_INPUT)
        for place, row in in_table.rows:
            process = _read(in_table, place, row, "process", _text)
            if process is None:
                raise in_table.error(place, row, "process", "blank; name the process taking it")
            if process not in inputs_of:
                close = difflib.get_close_matches(process, list(inputs_of), n=2, cutoff=0.6)
                hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
                raise in_table.error(
                    place, row, "process",
                    f"no process {process!r} in the outputs table{source}{hint}",
                )  # fmt: skip
            inputs_of[process].append(_input(in_table, place, row))

    processes = [
        _process(out_table, name, rows, tuple(inputs_of[name]), makers)
        for name, rows in groups.items()
    ]
    if not processes:
        raise DataError(f"{out_table.where}: no rows; a product system needs a process")
    if metric is None:
        attrs = outputs.attrs if isinstance(outputs, pd.DataFrame) else {}
        metric = str(attrs.get("metric", DEFAULT_METRIC))
    return ProductSystem(processes=tuple(processes), metric=metric)


def _process_level(
    table: _Table, rows: list[_Row]
) -> tuple[dict[str, Any], dict[str, tuple[object, Mapping[str, Any]]]]:
    """The process-level columns of a process's rows, and the row that gave each."""
    from carbonfoot.product.models import ALLOCATION_METHODS, STAGES

    valid = {"stage": STAGES, "allocation": ALLOCATION_METHODS}
    level: dict[str, Any] = {}
    seen: dict[str, tuple[object, Mapping[str, Any]]] = {}
    for place, row in rows:
        for column in _PROCESS_FIELDS:
            value = _read(table, place, row, column, _text)
            if value is None:
                continue
            if column != "location":
                value = value.strip()
            if column == "allocation_property":
                value = value.removeprefix("property:").strip()
            if column in valid and value not in valid[column]:
                raise table.error(
                    place, row, column, f"{value!r} is not valid; valid: {', '.join(valid[column])}"
                )
            if column in level and level[column] != value:
                raise table.error(
                    place, row, column,
                    f"{value!r} disagrees with {level[column]!r} "
                    f"({table.place(seen[column][0])}) for the same process; give it once, "
                    "or the same on every row",
                )  # fmt: skip
            level[column], seen[column] = value, (place, row)
    return level, seen


def _process(
    table: _Table,
    name: str,
    rows: list[_Row],
    inputs: tuple[Any, ...],
    makers: Mapping[str, tuple[str, object]],
) -> Any:
    """One process from its output rows (checked where a row or column can be named)."""
    from carbonfoot.product.models import Process

    level, seen = _process_level(table, rows)
    outputs = tuple(_output(table, place, row) for place, row in rows)
    prop = level.get("allocation_property")
    if level.get("allocation") == "physical" and prop:
        for (place, row), output in zip(rows, outputs, strict=True):
            if prop not in output.properties:
                raise table.error(
                    place, row, f"property:{prop}",
                    f"blank; allocation by the physical property {prop!r} needs it for every "
                    "output of the process",
                )  # fmt: skip
    for (place, row), output in zip(rows, outputs, strict=True):
        if output.substitutes is not None and output.substitutes not in makers:
            close = difflib.get_close_matches(output.substitutes, list(makers), n=2, cutoff=0.6)
            hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
            raise table.error(
                place, row, "substitutes",
                f"no process makes {output.substitutes!r}; a co-product substitutes a product "
                f"of the system{hint}",
            )  # fmt: skip
    try:
        return Process(name=name, outputs=outputs, inputs=inputs, **level)
    except pydantic.ValidationError as exc:
        bad, message = _pydantic_problem(exc, {})
        where = "allocation" if bad == "allocation_property" else bad
        at: tuple[object, Mapping[str, Any]] = seen.get(where or "", rows[0])
        raise table.error(at[0], at[1], bad, message) from None


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------


def _frame(
    rows: list[dict[str, Any]], order: Sequence[str], required: Sequence[str]
) -> pd.DataFrame:
    """Rows as a DataFrame with the columns in ``order`` that any row fills."""
    used = [c for c in order if c in required or any(c in r for r in rows)]
    extra = sorted({c for r in rows for c in r} - set(order))
    frame = pd.DataFrame(rows, columns=[*used, *extra])
    for column in ("year",):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def system_to_tables(system: ProductSystem) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The outputs and inputs tables of ``system`` (the inverse of `system_from_tables`).

    Only columns that some row fills are written; defaults (stage ``production``, category
    ``fossil``) are left blank, and a flag column that some input sets is true or false on
    every row. The system's GWP metric is kept in ``outputs.attrs["metric"]`` (a CSV file
    does not keep it: pass ``metric=`` to `system_from_tables`). Save the tables with
    ``DataFrame.to_csv(path, index=False)``.

    Examples
    --------
    >>> import carbonfoot as cf
    >>> outputs, inputs = cf.examples.load_demo_product().to_tables()
    >>> list(outputs.columns)[:4], len(outputs), len(inputs)
    (['process', 'product', 'amount', 'unit'], 6, 12)
    """
    output_rows: list[dict[str, Any]] = []
    input_rows: list[dict[str, Any]] = []
    for process in system.processes:
        level = {
            "stage": None if process.stage == "production" else process.stage,
            "allocation": process.allocation,
            "allocation_property": process.allocation_property,
            "location": process.location,
        }
        for output in process.outputs:
            row: dict[str, Any] = {
                "process": process.name, "product": output.product,
                "amount": output.amount, "unit": output.unit,
            }  # fmt: skip
            row.update({k: v for k, v in level.items() if v is not None})
            for column in ("mass", "value", "allocation_factor", "substitutes"):
                if getattr(output, column) is not None:
                    row[column] = getattr(output, column)
            for name, value in output.properties.items():
                row[f"property:{name}"] = value
            output_rows.append(row)
        for item in process.inputs:
            cells: dict[str, Any] = {"process": process.name}
            if item.name:
                cells["name"] = item.name
            cells["amount"], cells["unit"] = item.amount, item.unit
            for column in ("product", "factor", "factor_unit", "factor_source", "activity",
                           "region", "year"):  # fmt: skip
                if getattr(item, column) is not None:
                    cells[column] = getattr(item, column)
            if item.category != "fossil":
                cells["category"] = item.category
            for column in _FLAGS:
                if getattr(item, column):
                    cells[column] = True
            for aspect, rating in (item.dqr or {}).items():
                cells[f"dqr_{aspect}"] = rating
            for what in ("amount", "factor"):
                distribution = getattr(item, f"{what}_uncertainty")
                if distribution is not None:
                    cells[f"{what}_distribution"] = distribution.kind
                    for part in _DISTRIBUTION_PARTS[1:]:
                        if getattr(distribution, part) is not None:
                            cells[f"{what}_{part}"] = getattr(distribution, part)
            input_rows.append(cells)
    outputs = _frame(output_rows, [c for c in OUTPUT_COLUMNS if ":" not in c], _REQUIRED_OUTPUT)
    inputs = _frame(input_rows, list(INPUT_COLUMNS), _REQUIRED_INPUT)
    for column in _FLAGS:
        if column in inputs:
            inputs[column] = inputs[column].fillna(False).astype(bool)
    outputs.attrs["metric"] = inputs.attrs["metric"] = system.metric
    return outputs, inputs
