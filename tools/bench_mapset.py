"""Benchmark of the planning implementation analysis map set (`make bench`, BENCH_ONLY=mapset).

Generates the demo city at ``scale`` (reused from build/bench when present), computes the
results other steps would hand over (compliance violations; 500 m buffers around primary
schools standing in for network service areas; a life-circle table on the population cells;
one indicator by district), then exports every map that can be drawn: A3, cover, PNG at
150 dpi, vector PDF. Prints the time of each phase and of each page (building + PNG, PDF
rendering) and the file sizes. Asserts nothing.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_APP = None


def _qgis():
    global _APP
    from qgis.core import QgsApplication

    if QgsApplication.instance() is None and _APP is None:
        _APP = QgsApplication([], False)
        _APP.initQgis()


def run(scale: str = "small", atlas: bool = False, out: str = "", city_path: str = "") -> dict:
    _qgis()
    import numpy as np
    import pandas as pd
    import shapely
    from qgis.core import QgsVectorLayer

    from cityhealth_plugin.core.compliance import combine, run_checks
    from cityhealth_plugin.core.demo.city import generate_demo_city
    from cityhealth_plugin.core.layer_data import LayerData
    from cityhealth_plugin.core.mapset import DistrictValues
    from cityhealth_plugin.core.roles.registry import ROLES
    from cityhealth_plugin.core.store import gpkg
    from cityhealth_plugin.qgis_bridge.layouts import MapSetOptions, export_map_set
    from cityhealth_plugin.qgis_bridge.map_layers import MapSetInputs

    folder = Path(out) if out else ROOT / "build" / "bench" / f"mapset_{scale}"
    folder.mkdir(parents=True, exist_ok=True)
    city = Path(city_path) if city_path else ROOT / "build" / "bench" / f"democity_{scale}.gpkg"
    started = time.perf_counter()
    if not city.exists():
        generate_demo_city(scale=scale, seed=2024, out=city)
        print(f"demo city {scale}: generated in {time.perf_counter() - started:.1f} s")
    names = {row[0]: row[4] for row in gpkg.list_layers(city)}
    print(f"demo city {scale}: {names.get('DLTB', 0):,d} DLTB patches, {names.get('DL', 0):,d} road lines, "
          f"{names.get('RK', 0):,d} population cells, {names.get('XZQ', 0)} districts")

    started = time.perf_counter()
    data = {n: gpkg.read_layer(city, n) for n in ("DLTB", "DLTB_2020", "STBHHX", "YJJBNT", "CZKFBJ", "LSWHBHX",
                                                  "XZQ", "SS_XX", "RK")}
    violations, _summary = combine(run_checks({
        "dltb": data["DLTB"], "dltb_base": data["DLTB_2020"], "eco_redline": data["STBHHX"],
        "farmland_protection": data["YJJBNT"], "urban_boundary": data["CZKFBJ"], "heritage_line": data["LSWHBHX"],
        "admin_district": data["XZQ"]}))
    service = LayerData("service areas", np.array([shapely.union_all(shapely.buffer(data["SS_XX"].geometries, 500))],
                                                  dtype=object),
                        pd.DataFrame({"facility": ["fac_primary_school"]}), np.array([0]), crs="EPSG:4548")
    cells = data["RK"]
    life = LayerData("life circle", shapely.centroid(cells.geometries),
                     pd.DataFrame({"within": np.arange(len(cells)) % 9, "required": 8}), cells.fids,
                     crs="EPSG:4548", geometry_type="point")
    codes = data["XZQ"].attributes["XZQDM"].astype(str)
    park = DistrictValues("A-01", "人均公园绿地面积", "m²/人", {c: 8.0 + i for i, c in enumerate(codes)})
    print(f"results (compliance {len(violations):,d} parts, service areas, life circle, one indicator): "
          f"{time.perf_counter() - started:.1f} s")

    roles = {}
    for role in ROLES:
        if role.standard_name in names:
            roles[role.id] = QgsVectorLayer(f"{city}|layername={role.standard_name}", role.standard_name, "ogr")
    inputs = MapSetInputs(roles, {"compliance_violations": violations, "service_area": service,
                                  "life_circle": life, "indicator:A-01": park}).prepared()
    options = MapSetOptions(paper="A3", png_dpi=150, atlas=atlas, city="厦门市", year=2024, lang="zh",
                            output_folder=str(folder))
    started = time.perf_counter()
    result = export_map_set(inputs, options)
    total = time.perf_counter() - started
    for name, build, pdf in result.page_times:
        print(f"  {name:<44} build+PNG {build:6.2f} s   PDF {pdf:6.2f} s")
    pdf_mb = Path(result.pdf).stat().st_size / 1e6
    png_mb = sum(Path(p).stat().st_size for p in result.pngs) / 1e6
    print(f"map set {scale}: {len(result.maps)} maps, {result.pages} pages in {total:.1f} s "
          f"({total / max(result.pages, 1):.2f} s/page); PDF {pdf_mb:.1f} MB, {len(result.pngs)} PNGs {png_mb:.1f} MB")
    print(f"left out: {len(result.unavailable)} maps (no input), e.g. {result.unavailable[:1]}")
    return {"seconds": total, "pages": result.pages, "pdf": result.pdf, "pdf_mb": pdf_mb}


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    run(arguments[0] if arguments else "small", atlas="--atlas" in sys.argv,
        out=arguments[1] if len(arguments) > 1 else "", city_path=arguments[2] if len(arguments) > 2 else "")
