"""Time cityhealth:checkcompliance through processing.run on the demo city (all five checks).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tools/bench_compliance_processing.py [small|city|xiamen]

Prints the wall time of generating the demo city (cached in /tmp), of processing.run (reading the
GeoPackage layers through QGIS, the checks, writing the memory outputs) and, separately, of the
core checks on the same layers, with the number of violating parts.
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LAYERS = {"DLTB": "DLTB", "DLTB_BASE": "DLTB_2020", "FARMLAND_PROTECTION": "YJJBNT", "ECO_REDLINE": "STBHHX",
          "URBAN_BOUNDARY": "CZKFBJ", "HERITAGE_LINE": "LSWHBHX", "ADMIN_DISTRICT": "XZQ"}


def run(scale: str = "small"):
    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    from cityhealth_plugin.core.compliance import ComplianceOptions, run_checks
    from cityhealth_plugin.core.demo.city import generate_demo_city
    from cityhealth_plugin.core.store import gpkg
    from cityhealth_plugin.processing_provider.provider import CityHealthProvider

    Processing.initialize()
    provider = CityHealthProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    path = Path(tempfile.gettempdir()) / f"cityhealth_bench_democity_{scale}.gpkg"
    if not path.exists():
        started = time.perf_counter()
        generate_demo_city(scale=scale, seed=2024, out=path)
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s")
    patches = [row[4] for row in gpkg.list_layers(path) if row[0] == "DLTB"][0]
    layers = {name: QgsVectorLayer(f"{path}|layername={table}", table, "ogr") for name, table in LAYERS.items()}
    parameters = dict(layers, YEAR=2024, FARMLAND_CULTIVATED_ONLY=True, OUTPUT="TEMPORARY_OUTPUT",
                      SUMMARY="TEMPORARY_OUTPUT")
    times = []
    for _ in range(2):
        started = time.perf_counter()
        result = processing.run("cityhealth:checkcompliance", parameters)
        times.append(time.perf_counter() - started)
    print(f"{scale}: {patches:,d} DLTB patches, {result['VIOLATIONS']:,d} violating parts, "
          f"{result['AREA_HM2']:,.1f} hm²")
    print(f"  processing.run cityhealth:checkcompliance: {min(times):.2f} s (runs: "
          + ", ".join(f"{t:.2f}" for t in times) + ")")
    roles = {"dltb": "DLTB", "dltb_base": "DLTB_2020", "farmland_protection": "YJJBNT", "eco_redline": "STBHHX",
             "urban_boundary": "CZKFBJ", "heritage_line": "LSWHBHX", "admin_district": "XZQ"}
    data = {role: gpkg.read_layer(path, table) for role, table in roles.items()}
    started = time.perf_counter()
    results = run_checks(data, ComplianceOptions(farmland_designated_cultivated_only=True))
    print(f"  core run_checks on the same layers: {time.perf_counter() - started:.2f} s "
          f"({sum(r.count for r in results.values()):,d} parts)")
    app.exitQgis()


if __name__ == "__main__":
    run(sys.argv[1] if len(sys.argv) > 1 else "small")
