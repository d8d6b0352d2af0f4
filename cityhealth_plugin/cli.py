"""Headless runner: ``python -m cityhealth_plugin COMMAND ...``.

Each command is a small function over core (no QGIS needed), so the same work runs on a
server, in CI and in ``make demo``.
"""

import argparse
import sys
import time
from pathlib import Path

from .core.i18n import tr


def _demo_data(args) -> int:
    from .core.demo.city import generate_demo_city

    started = time.perf_counter()
    summary = generate_demo_city(scale=args.scale, seed=args.seed, out=Path(args.out), dirty=args.dirty)
    elapsed = time.perf_counter() - started
    size_mb = Path(args.out).stat().st_size / 1e6
    for layer, count in summary.items():
        print(f"  {layer:<12} {count:>9,d}")
    print(tr("Demo city written to {path} in {seconds:.1f} s ({size:.1f} MB).").format(
        path=args.out, seconds=elapsed, size=size_mb))
    return 0


def _assess(args) -> int:
    from .core.assessment.pipeline import run_assessment

    _use_deliverable_language(args.lang)
    return run_assessment(data=Path(args.data), year=args.year, out=Path(args.out), log=print,
                          catalog_overrides=[Path(p) for p in args.catalog])


def _use_deliverable_language(lang: str) -> None:
    """Write the tables and reports in ``lang`` (the deliverables are Chinese by default).

    The translations are Qt's (.qm): they need QGIS's Qt bindings and a running application."""
    if not lang:
        return
    try:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from .qgis_bridge.package_export import ensure_application, install_translation

        ensure_application()
        if not install_translation(lang):
            print(tr("No compiled translation for {lang}: tables are written in English.").format(lang=lang))
    except ImportError as error:
        print(tr("QGIS cannot be imported ({error}): tables are written in English.").format(error=error))


def _package(args) -> int:
    from .core.deliverables import PackageError, PackageOptions, build_package

    exporter = None
    if not args.no_maps:
        try:  # the map set (附件3) needs QGIS; without it the package is made without maps
            import os

            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from .qgis_bridge.package_export import headless_exporter

            exporter, _ = headless_exporter()
        except ImportError as error:
            print(tr("QGIS cannot be imported ({error}): the map set (附件3) is left out.").format(error=error))
    _use_deliverable_language(args.lang)
    options = PackageOptions(city=args.city or "", topic=args.topic or None, map_set=not args.no_maps,
                             map_exporter=exporter, catalog_overrides=[Path(p) for p in args.catalog], log=print)
    try:
        result = build_package(Path(args.data), args.year, Path(args.out),
                               assessment_db=Path(args.assessment_db) if args.assessment_db else None, options=options)
    except PackageError as error:
        print(tr("Error: {message}").format(message=error), file=sys.stderr)
        return 2
    return 1 if result.failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m cityhealth_plugin", description=tr("CityHealth headless runner"))
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo-data", help=tr("Generate the synthetic demo city as a GeoPackage"))
    demo.add_argument("--scale", choices=("small", "city", "xiamen"), default="small")
    demo.add_argument("--seed", type=int, default=2024)
    demo.add_argument("--out", required=True, help=tr("Output GeoPackage"))
    demo.add_argument("--dirty", action="store_true", help=tr("Add invalid geometries and other data problems"))
    demo.set_defaults(handler=_demo_data)

    assess = commands.add_parser("assess", help=tr("Run the yearly assessment on a data package"))
    assess.add_argument("--data", required=True, help=tr("Data package (GeoPackage)"))
    assess.add_argument("--year", type=int, required=True)
    assess.add_argument("--out", required=True, help=tr("Output folder"))
    assess.add_argument("--lang", default="zh_CN", help=tr("Language of the tables (default zh_CN; '' for English)"))
    assess.add_argument("--catalog", action="append", default=[],
                        help=tr("City catalog file that adds or overrides indicators (repeatable)"))
    assess.set_defaults(handler=_assess)

    package = commands.add_parser("package", help=tr("Write the year's deliverables (1+1+6) into one folder"))
    package.add_argument("--data", required=True, help=tr("Data package (GeoPackage)"))
    package.add_argument("--year", type=int, required=True)
    package.add_argument("--out", required=True, help=tr("Output folder of the package"))
    package.add_argument("--assessment-db", default="",
                         help=tr("Assessment database of the year (default: run the assessment first)"))
    package.add_argument("--city", default="", help=tr("City name in the titles"))
    package.add_argument("--topic", default="", help=tr("Special-report topic id (default: life_circle)"))
    package.add_argument("--no-maps", action="store_true", help=tr("Leave out the map set (附件3)"))
    package.add_argument("--lang", default="zh_CN",
                         help=tr("Language of the tables and messages when QGIS is there (default zh_CN; empty: English)"))
    package.add_argument("--catalog", action="append", default=[],
                         help=tr("City catalog file that adds or overrides indicators (repeatable)"))
    package.set_defaults(handler=_package)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (OSError, ValueError) as error:
        print(tr("Error: {message}").format(message=error), file=sys.stderr)
        return 2
    finally:
        _restore_language()


def _restore_language() -> None:
    """Leave the UI language as it was before a command switched it for the deliverables."""
    if "cityhealth_plugin.qgis_bridge.package_export" in sys.modules or __package__ + ".qgis_bridge.package_export" in sys.modules:
        from .qgis_bridge.package_export import remove_translations

        remove_translations()
