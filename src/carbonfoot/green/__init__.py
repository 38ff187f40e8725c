"""Green factories (GB/T 36132-2025) and energy-efficiency diagnosis against quota grades.

- `indicators`: the quantitative indicators of the standard's Appendix B as pure functions.
- `evaluate_green_factory`: score a `Factory` against a scheme (the standard's example table
  or a provincial one) into a `GreenFactoryEvaluation` with a bilingual report.
- `diagnose_energy` / `quota_grades`: where a product's unit energy use stands on the grades of
  China's mandatory energy-consumption quota standards.
"""

from carbonfoot.green import indicators
from carbonfoot.green.evaluate import (
    DATA_FIELDS,
    GROUPS,
    SCHEMES,
    Factory,
    FactoryProduct,
    GreenFactoryEvaluation,
    Scheme,
    evaluate_green_factory,
    load_scheme,
)
from carbonfoot.green.quota import QuotaDiagnosis, diagnose_energy, quota_grades

__all__ = [
    "DATA_FIELDS",
    "GROUPS",
    "SCHEMES",
    "Factory",
    "FactoryProduct",
    "GreenFactoryEvaluation",
    "QuotaDiagnosis",
    "Scheme",
    "diagnose_energy",
    "evaluate_green_factory",
    "indicators",
    "load_scheme",
    "quota_grades",
]
