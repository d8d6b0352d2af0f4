"""Time cityhealth:computeindicators through processing.run on a demo city (QGIS reading included).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tools/bench_indicator_algorithms.py small
    ... city | xiamen | all

Prints the seconds for: reading + computing every computable indicator (empty CODES, with
DEPT_STATS), the number of indicators and features, and the same through core.compute on the
layers already read (the engine alone). No asserts on time.
"""

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, "/usr/share/qgis/python/plugins")


_KEEP = []  # the QgsApplication and the provider must outlive the calls


def _qgis():
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], False)
        app.initQgis()
        _KEEP.append(app)
        from processing.core.Processing import Processing

        Processing.initialize()
    from cityhealth_plugin.processing_provider.provider import CityHealthProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("cityhealth") is None:
        provider = CityHealthProvider()
        registry.addProvider(provider)
        _KEEP.append(provider)
    return app


def run(scale: str = "small", seed: int = 2024) -> dict:
    _qgis()
    import processing
    from cityhealth_plugin.core.demo.city import generate_demo_city
    from cityhealth_plugin.core.roles.registry import ROLES
    from cityhealth_plugin.core.store import gpkg

    folder = Path(tempfile.mkdtemp(prefix=f"bench_ind_{scale}_"))
    path = folder / f"democity_{scale}.gpkg"
    started = time.perf_counter()
    generate_demo_city(scale=scale, seed=seed, out=path)
    generated = time.perf_counter() - started
    tables = {name.lower(): (name, count) for name, _kind, _g, _s, count in gpkg.list_layers(path)}
    parameters = {role.id.upper(): f"{path}|layername={tables[role.standard_name.lower()][0]}" for role in ROLES
                  if role.standard_name.lower() in tables}
    parameters.update({"YEAR": 2024, "STATISTICS": f"{path}|layername=DEPT_STATS",
                       "ASSESSMENT_DB": str(folder / "assessment.gpkg"), "OUTPUT": "memory:"})
    cpu = time.process_time()
    started = time.perf_counter()
    result = processing.run("cityhealth:computeindicators", parameters)
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu
    spatial = dict(parameters, CODES="", STATISTICS=None)
    spatial.pop("STATISTICS")
    started = time.perf_counter()
    only_spatial = processing.run("cityhealth:computeindicators", dict(spatial, ASSESSMENT_DB=str(folder / "s.gpkg")))
    wall_spatial = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {"scale": scale, "generate_s": round(generated, 1), "dltb": tables["dltb"][1],
               "buildings": tables["jz"][1], "roads": tables["dl"][1], "population": tables["rk"][1],
               "indicators": result["COMPUTED"] + result["MISSING"] + result["ERRORS"] + result["UNAVAILABLE"],
               "computed": result["COMPUTED"], "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
               "spatial_only": only_spatial["COMPUTED"], "spatial_wall_s": round(wall_spatial, 1),
               "peak_rss_mb": round(peak)}
    print(figures, flush=True)
    return figures


if __name__ == "__main__":
    scales = sys.argv[1:] or ["small"]
    if scales == ["all"]:
        scales = ["small", "city", "xiamen"]
    for name in scales:
        run(name)
