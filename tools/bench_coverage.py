"""Benchmark of the walk-coverage indicators and algorithms on the demo city.

    python tools/bench_coverage.py [small|city|xiamen|all] [--gpkg FILE] [--no-processing]

``run(scale)`` generates the demo city of that scale (seed 2024, cached in /tmp) unless ``--gpkg`` names
one, reads its layers, and computes every ``walk_coverage`` indicator of the shipped catalog through the
engine's ``compute()`` — one context, so the road graphs, partitions and reaches are shared — printing
wall and CPU seconds per indicator, the total, the peak memory and the values. On ``small`` it also times
``processing.run`` of the six coverage algorithms (needs the QGIS Python bindings). Figures only —
nothing is asserted. ``CITYHEALTH_COVERAGE_THREADS=1`` runs the readings of an indicator one after another.
"""

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:  # `make bench` puts the assembled plugin (build/) first; run by hand, use the source tree
    import cityhealth_plugin  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))

SCALES = ("small", "city", "xiamen")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def demo_path(scale: str, given: str = None) -> Path:
    if given:
        return Path(given)
    path = Path("/tmp") / f"cityhealth_bench_coverage_{scale}.gpkg"
    if not path.exists():
        from cityhealth_plugin.core.demo.city import generate_demo_city

        started = time.perf_counter()
        generate_demo_city(scale=scale, seed=2024, out=path)
        print(f"[{scale}] demo city generated in {time.perf_counter() - started:.1f} s: {path}", flush=True)
    return path


def read_layers(path: Path):
    from cityhealth_plugin.core.roles.registry import ROLES
    from cityhealth_plugin.core.store import gpkg

    tables = {name.lower(): name for name, *_ in gpkg.list_layers(path)}
    return {role.id: gpkg.read_layer(path, tables[role.standard_name.lower()])
            for role in ROLES if role.standard_name.lower() in tables}


def engine(scale: str, path: Path) -> None:
    from cityhealth_plugin.core.catalog.loader import load_catalog
    from cityhealth_plugin.core.indicators.context import EngineContext
    from cityhealth_plugin.core.indicators.engine import compute
    from cityhealth_plugin.core.network import indicator_method

    started = time.perf_counter()
    layers = read_layers(path)
    roads = layers.get("roads")
    print(f"[{scale}] read {len(layers)} layers in {time.perf_counter() - started:.1f} s "
          f"(roads {len(roads) if roads is not None else 0:,}, DLTB {len(layers.get('dltb', [])):,}, "
          f"population {len(layers.get('population', [])):,}); threads {indicator_method.WORKERS}", flush=True)
    catalog = load_catalog()
    codes = [i.code for i in catalog.by_method("walk_coverage")]
    ctx = EngineContext(layers, None, 2024, catalog)
    marks = []

    def progress(done, total, code):
        marks.append((code, time.perf_counter(), time.process_time()))

    wall0, cpu0 = time.perf_counter(), time.process_time()
    results = compute(catalog, layers, None, 2024, codes, progress=progress, context=ctx)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    marks.append(("end", time.perf_counter(), time.process_time()))
    by_code = {r.code: r for r in results}
    print("  (the first indicator's time includes preparing the shared work of all of them: graphs, partitions, "
          "resident placements, reaches)")
    print(f"  {'code':<6}{'wall s':>8}{'cpu s':>8}  {'value':>8}  status  name")
    for (code, w, c), (_, w2, c2) in zip(marks[:-1], marks[1:]):
        r = by_code[code]
        value = f"{r.value:8.2f}" if r.status == "ok" else "       -"
        print(f"  {code:<6}{w2 - w:8.2f}{c2 - c:8.2f}  {value}  {r.status:<6}  {r.name}", flush=True)
    ok = sum(r.status == "ok" for r in results)
    print(f"  >>> {len(results)} coverage indicators ({ok} ok) through compute(): {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"peak RSS {peak_mb():,.0f} MB, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)


ALGORITHMS = (
    ("servicearea", lambda u: {"ROADS": u("DL"), "FACILITIES": u("SS_XX"), "THRESHOLD": 500, "OUTPUT": "memory:",
                               "LINES": "memory:"}),
    ("coveragerates", lambda u: {"ROADS": u("DL"), "FAC_PRIMARY_SCHOOL": u("SS_XX"), "FAC_ELDERLY": u("SS_YL"),
                                 "FAC_COMMUNITY_HEALTH": u("SS_SQWS"), "POPULATION": u("RK"), "RESIDENTIAL": u("DLTB"),
                                 "URBAN_AREA": u("CQFW"), "ADMIN_DISTRICT": u("XZQ"), "ADMIN_SUBDISTRICT": u("JD"),
                                 "OUTPUT": "memory:", "GAPS": "memory:"}),
    ("facilitycatchments", lambda u: {"ROADS": u("DL"), "FACILITIES": u("SS_XX"), "POPULATION": u("RK"),
                                      "THRESHOLD": 0, "OUTPUT": "memory:", "ALLOCATION": "memory:"}),
    ("lifecircle", lambda u: {"ROADS": u("DL"), "POPULATION": u("RK"), "FAC_COMMUNITY_HEALTH": u("SS_SQWS"),
                              "FAC_PRIMARY_SCHOOL": u("SS_XX"), "FAC_MIDDLE_SCHOOL": u("SS_ZX"),
                              "FAC_ELDERLY": u("SS_YL"), "FAC_CULTURE": u("SS_WH"), "FAC_SPORTS": u("SS_TY"),
                              "FAC_MARKET": u("SS_CSC"), "ADMIN_DISTRICT": u("XZQ"), "OUTPUT": "memory:",
                              "SUMMARY": "memory:"}),
    ("suggestsites", lambda u: {"ROADS": u("DL"), "FACILITIES": u("SS_XX"), "POPULATION": u("RK"), "THRESHOLD": 500,
                                "N_SITES": 10, "OUTPUT": "memory:", "TABLE": "memory:"}),
    ("networktopology", lambda u: {"ROADS": u("DL"), "POINTS": [u("SS_XX"), u("SS_YL")], "POPULATION": u("RK"),
                                   "EDGES": "memory:", "DANGLES": "memory:", "FAR_POINTS": "memory:",
                                   "SUMMARY": "memory:"}),
)


def processing_runs(scale: str, path: Path) -> None:
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from qgis.core import QgsApplication
    except ImportError as error:
        print(f"[{scale}] processing.run skipped: {error}")
        return
    app = QgsApplication.instance() or QgsApplication([], False)
    app.initQgis()
    for candidate in ("/usr/share/qgis/python/plugins", "/usr/lib/qgis/python/plugins"):
        if Path(candidate).is_dir() and candidate not in sys.path:
            sys.path.append(candidate)
    import processing
    from processing.core.Processing import Processing

    from cityhealth_plugin.processing_provider.provider import CityHealthProvider

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("cityhealth") is None:
        registry.addProvider(CityHealthProvider())
    from cityhealth_plugin.core.store import gpkg

    tables = {name.upper(): name for name, *_ in gpkg.list_layers(path)}

    def uri(table):
        return f"{path}|layername={tables[table]}"

    print(f"[{scale}] processing.run (reading the layers included):")
    for name, parameters in ALGORITHMS:
        wall0, cpu0 = time.perf_counter(), time.process_time()
        result = processing.run(f"cityhealth:{name}", parameters(uri))
        counts = ", ".join(f"{k} {v.featureCount():,}" for k, v in result.items() if hasattr(v, "featureCount"))
        print(f"  cityhealth:{name:<20}{time.perf_counter() - wall0:7.2f} s wall {time.process_time() - cpu0:7.2f} s "
              f"CPU  ({counts})", flush=True)


def run(scale: str = "small", gpkg_path: str = None, with_processing: bool = True) -> None:
    if scale not in SCALES:
        print(f"unknown scale {scale!r}; use one of {', '.join(SCALES)}")
        return
    path = demo_path(scale, gpkg_path)
    engine(scale, path)
    if with_processing and scale == "small":
        processing_runs(scale, path)


def main(argv) -> None:
    args = [a for a in argv if not a.startswith("--")]
    gpkg_path = argv[argv.index("--gpkg") + 1] if "--gpkg" in argv else None
    if gpkg_path in args:
        args.remove(gpkg_path)
    scale = args[0] if args else "small"
    for one in (SCALES if scale == "all" else (scale,)):
        run(one, gpkg_path, "--no-processing" not in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
