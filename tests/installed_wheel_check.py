"""Run by ``make wheel-check`` with the built wheel installed in a clean virtual environment.

It must import carbonfoot from site-packages (not the source tree) and read the bundled factors.
Not a pytest module: pytest only imports it (for doctests), so the work is under ``__main__``.
"""

from __future__ import annotations


def main() -> None:
    """Check the installed wheel; exit non-zero on failure."""
    import carbonfoot as cf
    from carbonfoot._paths import factors_dir

    location = factors_dir()
    if "site-packages" not in str(location):
        raise SystemExit(f"factors read from {location}, not from the installed wheel")
    n2o = cf.to_co2e(cf.Q_(1, "t N2O"), metric="AR6GWP100")
    if str(n2o) != "273.0 t CO2e (AR6GWP100)":
        raise SystemExit(f"unexpected result {n2o}")
    anhui = cf.load_factors("cn-grid-electricity", edition="2023").select(
        activity="electricity.grid", region="CN-AH", year=2023
    )
    if anhui.value != 0.6553:
        raise SystemExit(f"unexpected Anhui 2023 grid factor {anhui}")
    every = cf.load_factors()
    packages = sorted(p.parent.relative_to(location) for p in location.glob("*/*/datapackage.yaml"))
    if len(packages) < 2 or not (location.parent / "py.typed").is_file():
        raise SystemExit(f"wheel is missing data or py.typed: {packages}")
    # the product solver needs scipy, a runtime dependency: solve the FICTIONAL demo product
    bracket = cf.examples.load_demo_product().solve().co2e("bracket at customer")
    if not 5.0 < bracket.magnitude < 6.0:
        raise SystemExit(f"unexpected demo product footprint {bracket}")
    # the product system as two tables and back (carbonfoot.product.tables)
    demo = cf.examples.load_demo_product()
    if cf.ProductSystem.from_tables(*demo.to_tables()) != demo:
        raise SystemExit("the demo product did not survive to_tables / from_tables")
    # the green-factory schemes and quota grades are bundled data too
    evaluation = cf.evaluate_green_factory(
        cf.examples.load_demo_factory(), "example-provincial-mock"
    )
    if not 0 < evaluation.total < evaluation.maximum or evaluation.diagnoses[0].grade != 2:
        raise SystemExit(f"unexpected demo factory evaluation {evaluation.total}")
    print(f"installed wheel OK: carbonfoot {cf.__version__} from {location.parent}")
    print(f"bundled data packages: {', '.join(map(str, packages))}; {len(every)} factor rows")


if __name__ == "__main__":
    main()
