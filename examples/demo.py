"""carbonfoot demo: a fictional factory's greenhouse gases in CO2e under every GWP metric.

Run with ``make demo``. All activity data here are FICTIONAL (demo data, not a real site);
the GWP values come from carbonfoot's cited table (factors/gwp), printed with their sources.
"""

from __future__ import annotations

import pandas as pd

import carbonfoot as cf

#: FICTIONAL annual direct emissions of a factory in Anhui (demo data).
FICTIONAL_GASES: dict[str, str] = {
    "fuel combustion CO2": "18250 t CO2",
    "process venting CH4": "3.2 t CH4",
    "boiler N2O": "0.85 t N2O",
    "chiller leak HFC-134a": "120 kg HFC-134a",
    "switchgear leak SF6": "2.5 kg SF6",
}


def gas_table(metrics: tuple[str, ...] = cf.GWP_METRICS) -> pd.DataFrame:
    """CO2e [t] of each fictional source under each metric."""
    rows = {}
    for source, amount in FICTIONAL_GASES.items():
        q = cf.Q_(amount)
        rows[f"{source} ({q})"] = {
            m: cf.to_co2e(q, metric=m).m_as(f"t CO2e ({m})") for m in metrics
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.loc["total"] = table.sum()
    return table


def main() -> None:
    """Print the demo calculation."""
    print("carbonfoot demo — FICTIONAL factory, one year of direct emissions\n")
    table = gas_table()
    with pd.option_context(
        "display.float_format",
        "{:,.1f}".format,
        "display.width",
        160,
        "display.max_columns",
        10,
    ):
        print("CO2e [t] by GWP metric:")
        print(table)

    default = cf.DEFAULT_METRIC
    total = sum(
        (cf.to_co2e(cf.Q_(a), metric=default) for a in FICTIONAL_GASES.values()),
        start=cf.Q_(0, f"t CO2e ({default})"),
    )
    print(f"\nTotal with the library default metric {default}: {total:,.1f}")

    print("\nGWP values used (kg CO2e per kg of gas) and where they come from:")
    for gas in ("CH4", "N2O", "HFC134a", "SF6"):
        g = cf.gwp(gas, default)
        print(f"  {gas:8} {g.value:>8g}  {g.source_id}, {g.source_locator}")

    energy = cf.Q_(12_000, "tce")
    print(f"\nEnergy: {energy} = {energy.to('TJ'):,.1f} = {energy.to('GWh'):,.2f}")

    try:
        cf.to_co2e(cf.Q_(1, "t CH4"), "AR5GWP100") + total
    except cf.MixedMetricError as err:
        print(f"\nMixing metrics is refused: {err}")


if __name__ == "__main__":
    main()
