"""Benchmark: read_layer and the validation rules on a synthetic DLTB of N polygons.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tools/bench_validation.py 300000

Writes the synthetic layer (jittered octagons, 三调 codes, a sprinkling of bad codes, bow-ties,
duplicate BSM and null TBDLMJ) once into a temporary GeoPackage with OGR, then times opening,
reading (as is, and reprojected), and ``validate``. Prints figures; asserts nothing about time.
"""

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely

SCALES = {"small": 30_000, "medium": 100_000, "large": 300_000}


def synthetic_dltb(n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n)))
    index = np.arange(n)
    x0 = 500_000 + (index % side) * 50.0
    y0 = 2_700_000 + (index // side) * 50.0
    angles = np.linspace(0, 2 * np.pi, 9)[:-1]
    radius = 20 + rng.random((n, 8)) * 4
    coords = np.stack([x0[:, None] + 25 + radius * np.cos(angles), y0[:, None] + 25 + radius * np.sin(angles)], -1)
    coords = np.concatenate([coords, coords[:, :1]], axis=1)
    bad = rng.choice(n, size=max(1, n // 1000), replace=False)  # 0.1 % bow-ties
    coords[bad, 2], coords[bad, 3] = coords[bad, 3].copy(), coords[bad, 2].copy()
    polygons = shapely.polygons(coords)
    codes = np.array(["0101", "0102", "0301", "0701", "0601", "1003", "1101", "0702", "0199", "101"])
    weights = np.array([20, 10, 20, 20, 10, 8, 8, 3.9, 0.05, 0.05])
    dlbm = codes[rng.choice(len(codes), size=n, p=weights / weights.sum())]
    czcsxm = np.where(np.isin(dlbm, ["0701", "0601", "0702"]), "201", None).astype(object)
    czcsxm[rng.choice(n, size=max(1, n // 2000), replace=False)] = "201A"
    tbmj = np.round(shapely.area(polygons), 2)
    kcmj = np.where(np.isin(dlbm, ["0101", "0102"]), np.round(tbmj * 0.05, 2), 0.0)
    tbdlmj = tbmj - kcmj
    tbdlmj[rng.choice(n, size=max(1, n // 5000), replace=False)] = np.nan
    bsm = np.array([f"{i:012d}" for i in range(n)], dtype=object)
    bsm[1::10000] = bsm[0]
    return polygons, {"BSM": bsm, "DLBM": dlbm, "DLMC": np.full(n, "水田", dtype=object), "CZCSXM": czcsxm,
                      "TBMJ": tbmj, "KCMJ": kcmj, "TBDLMJ": tbdlmj, "ZLDWDM": np.full(n, "350203001001", dtype=object)}


def write_gpkg(path: Path, polygons, columns):
    from osgeo import ogr, osr

    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4548)
    layer = source.CreateLayer("DLTB", srs, ogr.wkbPolygon)
    kinds = {"TBMJ": ogr.OFTReal, "KCMJ": ogr.OFTReal, "TBDLMJ": ogr.OFTReal}
    for name in columns:
        layer.CreateField(ogr.FieldDefn(name, kinds.get(name, ogr.OFTString)))
    definition = layer.GetLayerDefn()
    wkbs = shapely.to_wkb(polygons)
    names = list(columns)
    layer.StartTransaction()
    for i in range(len(polygons)):
        feature = ogr.Feature(definition)
        for j, name in enumerate(names):
            value = columns[name][i]
            if value is not None and not (isinstance(value, float) and np.isnan(value)):
                feature.SetField(j, float(value) if name in kinds else str(value))
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkbs[i]))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    source = None


def run(scale="large"):
    n = SCALES.get(scale) or int(scale)
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem

    app = QgsApplication([], False)
    app.initQgis()
    from cityhealth_plugin.core.validation import ValidationInput, count_by_severity, validate
    from cityhealth_plugin.qgis_bridge.layers import field_kinds, layer_info, read_layer
    from cityhealth_plugin.qgis_bridge.package import open_data_package

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.gpkg"
        t = time.perf_counter()
        polygons, columns = synthetic_dltb(n)
        write_gpkg(path, polygons, columns)
        print(f"[bench] wrote {n} polygons in {time.perf_counter() - t:.1f} s (not part of the figures)")

        t = time.perf_counter()
        layer = open_data_package(str(path))[0]
        info = layer_info(layer)
        print(f"[bench] open_data_package + layer_info: {time.perf_counter() - t:.2f} s")

        t = time.perf_counter()
        data = read_layer(layer, QgsCoordinateReferenceSystem("EPSG:4548"))
        read_same = time.perf_counter() - t
        print(f"[bench] read_layer, {len(data)} polygons, same CRS: {read_same:.2f} s")

        t = time.perf_counter()
        projected = read_layer(layer, QgsCoordinateReferenceSystem("EPSG:4490"))
        print(f"[bench] read_layer reprojected to EPSG:4490: {time.perf_counter() - t:.2f} s ({len(projected)})")
        del projected

        t = time.perf_counter()
        findings = validate({"dltb": ValidationInput(info, data, field_kinds=field_kinds(layer))}, "EPSG:4548")
        print(f"[bench] validate (all rules): {time.perf_counter() - t:.2f} s; {count_by_severity(findings)}")
        for finding in findings:
            print(f"[bench]   {finding.severity:7s} {finding.rule:30s} {finding.count}")
    app.exitQgis()


if __name__ == "__main__":
    run(sys.argv[1] if len(sys.argv) > 1 else "large")
