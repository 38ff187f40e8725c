"""Energy-consumption quota grades (能耗限额 1级/2级/3级) and a product's diagnosis against them.

The grades are ``factors/cn-energy-quota``: unit-product limits of China's mandatory national
standards (GB 16780, GB 21346, GB 21256, GB 21340, GB 21257), one row per indicator and product
case. Lower is better: a value reaches a grade when it is at or below the grade's value; 3级 is the
limit every plant must meet. The values hold at each standard's base conditions; the standards'
corrections (raw materials, altitude, capacity, …) are listed in ``conditions`` and not applied.
"""

from __future__ import annotations

import csv
import difflib
import functools
import math
from dataclasses import dataclass
from typing import Final

import pandas as pd

from carbonfoot._paths import factors_dir
from carbonfoot.errors import DataError, UnitError, ValidationError
from carbonfoot.units import Q_, Quantity

__all__ = ["EDITION", "QuotaDiagnosis", "diagnose_energy", "quota_grades"]

#: The edition of ``factors/cn-energy-quota`` read.
EDITION: Final = "2026-11-27"


@functools.cache
def _rows() -> tuple[dict[str, str], ...]:
    path = factors_dir() / "cn-energy-quota" / EDITION / "grades.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return tuple(csv.DictReader(fh))
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc})") from None


def quota_grades() -> pd.DataFrame:
    """The bundled quota grades, one row per indicator and product case (a copy).

    Indexed by ``quota_id``, with the columns ``grade_1``, ``grade_2``, ``grade_3``, ``unit``,
    ``conditions``, ``standard``, ``source_locator`` and ``verification``.

    Examples
    --------
    >>> from carbonfoot.green import quota_grades
    >>> grades = quota_grades()
    >>> clinker = grades.loc["gb16780-2021-clinker-energy"]
    >>> [float(clinker[g]) for g in ("grade_1", "grade_2", "grade_3")], clinker["unit"]
    ([100.0, 107.0, 117.0], 'kgce / t')
    """
    frame = pd.DataFrame(list(_rows())).set_index("quota_id")
    for column in ("grade_1", "grade_2", "grade_3"):
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="raise")
    return frame


def _row(quota: str) -> dict[str, str]:
    for row in _rows():
        if row["quota_id"] == quota:
            return row
    known = [r["quota_id"] for r in _rows()]
    close = difflib.get_close_matches(quota, known, n=3, cutoff=0.4)
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    raise DataError(
        f"unknown quota {quota!r}{hint} See carbonfoot.green.quota_grades() for the "
        f"{len(known)} bundled ones"
    )


def _grade(text: str) -> float | None:
    return float(text) if text != "" else None


@dataclass(frozen=True)
class QuotaDiagnosis:
    """Where one product's unit energy use stands on its quota standard's grades.

    Attributes
    ----------
    quota
        The ``quota_id`` of ``factors/cn-energy-quota``.
    value, unit
        The product's value, in the standard's unit.
    grades
        The values of 1级, 2级 and 3级 (None where the standard sets none).
    grade
        The best grade reached (1, 2 or 3), or None: worse than 3级, the limit.
    gap_to_grade_1, gap_to_grade_2
        How much the value must fall to reach that grade (0 when reached; None without a value).
    """

    quota: str
    product_zh: str
    product_en: str
    indicator_zh: str
    indicator_en: str
    value: float
    unit: str
    grades: tuple[float | None, float | None, float | None]
    grade: int | None
    gap_to_grade_1: float | None
    gap_to_grade_2: float | None
    standard: str
    locator: str
    conditions: str
    verification: str

    def meets(self, grade: int) -> bool:
        """True when the value reaches ``grade`` (1, 2 or 3) or better."""
        if grade not in (1, 2, 3):
            raise ValidationError(f"a quota grade is 1, 2 or 3, got {grade!r}")
        return self.grade is not None and self.grade <= grade

    def __str__(self) -> str:
        g1, g2, g3 = (f"{g:g}" if g is not None else "—" for g in self.grades)
        if self.grade is None:
            where = "worse than 3级, the limit (未达到限定值): does not meet the standard"
        else:
            where = f"{self.grade}级 (grade {self.grade})"
        lines = [
            f"{self.product_zh} {self.indicator_zh} ({self.product_en}, {self.indicator_en})",
            f"  value {self.value:g} {self.unit}: {where}",
            f"  grades 1级 {g1} / 2级 {g2} / 3级 {g3} {self.unit} — {self.standard}, "
            f"{self.locator}",
        ]
        for number, gap in ((1, self.gap_to_grade_1), (2, self.gap_to_grade_2)):
            if gap is None:
                lines.append(f"  to {number}级: the standard sets no {number}级 for this case")
            elif gap == 0:
                lines.append(f"  {number}级 reached")
            else:
                lines.append(
                    f"  to reach {number}级: cut {gap:g} {self.unit} "
                    f"({gap / abs(self.value):.1%} of the value)"
                    if self.value
                    else f"  to reach {number}级: cut {gap:g} {self.unit}"
                )
        lines.append(f"  base conditions: {self.conditions or 'none stated'}; {self.verification}")
        return "\n".join(lines)


def diagnose_energy(quota: str, value: float | Quantity, unit: str | None = None) -> QuotaDiagnosis:
    """Place a product's unit energy use on its quota grades and say how far it is from 1级 and 2级.

    Parameters
    ----------
    quota
        A ``quota_id`` (`quota_grades` lists them), e.g. ``"gb16780-2021-clinker-energy"``.
    value
        The product's unit energy use: a quantity, or a number in ``unit`` (default: the
        standard's own unit).
    unit
        The unit of a plain number.

    Raises
    ------
    DataError
        Unknown quota (close names suggested).
    UnitError
        The value does not convert to the standard's unit.

    Examples
    --------
    >>> from carbonfoot.green import diagnose_energy
    >>> d = diagnose_energy("gb16780-2021-clinker-energy", 104, "kgce / t")
    >>> d.grade, d.gap_to_grade_1, d.gap_to_grade_2
    (2, 4.0, 0.0)
    """
    row = _row(quota)
    target = row["unit"]
    if isinstance(value, Quantity):
        if unit is not None:
            raise ValidationError("give either a quantity or a number with its unit, not both")
        given = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        given = Q_(float(value), unit or target)
    else:
        raise ValidationError(f"the value must be a number or a quantity, got {value!r}")
    electricity = any("watt_hour" in n for n, _ in given.unit_items())
    quota_electricity = any("watt_hour" in n for n, _ in Q_(1, target).unit_items())
    if electricity and not quota_electricity:
        raise UnitError(
            f"quota {quota!r} is comprehensive energy in {target}; {given:~} is electricity. "
            "Convert electricity with the coefficient the standard prescribes (GB/T 2589: "
            "0.1229 kgce/kWh 当量值) and add the other energies first"
        )
    if quota_electricity and not electricity:
        raise UnitError(
            f"quota {quota!r} is electricity use in {target}; {given:~} is not given as "
            "electricity (kWh): comprehensive energy is not graded against an electricity quota"
        )
    try:
        number = float(given.to(target).magnitude)
    except (UnitError, ValueError) as exc:
        raise UnitError(
            f"quota {quota!r} is in {target}; {given:~} does not convert to it ({exc})"
        ) from None
    if not math.isfinite(number):
        raise ValidationError(f"the value must be finite, got {number!r}")
    grades = (_grade(row["grade_1"]), _grade(row["grade_2"]), _grade(row["grade_3"]))
    reached = [n for n, g in zip((1, 2, 3), grades, strict=True) if g is not None and number <= g]
    return QuotaDiagnosis(
        quota=quota,
        product_zh=row["product_zh"],
        product_en=row["product_en"],
        indicator_zh=row["indicator_zh"],
        indicator_en=row["indicator_en"],
        value=number,
        unit=target,
        grades=grades,
        grade=min(reached) if reached else None,
        gap_to_grade_1=None if grades[0] is None else max(number - grades[0], 0.0),
        gap_to_grade_2=None if grades[1] is None else max(number - grades[1], 0.0),
        standard=row["standard"],
        locator=row["source_locator"],
        conditions=row["conditions"],
        verification=row["verification"].split(";")[0],
    )
