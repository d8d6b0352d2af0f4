"""The indicator engine against QGIS's own tools: QgsDistanceArea on the CGCS2000 ellipsoid and
Processing native:intersection / native:clip with expression-based measures."""

import numpy as np
import pandas as pd
import pytest
import shapely
from qgis.core import (QgsCoordinateReferenceSystem, QgsDistanceArea, QgsGeometry, QgsProject)

from cityhealth_plugin.core import geodesy
from cityhealth_plugin.core.catalog.loader import load_catalog
from cityhealth_plugin.core.indicators.engine import compute
from cityhealth_plugin.core.landuse.codes import LandUseGroups
from cityhealth_plugin.core.layer_data import LayerData

X0, Y0 = 590_000.0, 2_705_000.0
CRS = "EPSG:4548"


def distance_area(crs=CRS) -> QgsDistanceArea:
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem(crs), QgsProject.instance().transformContext())
    assert da.setEllipsoid("EPSG:1024")  # CGCS2000
    assert da.willUseEllipsoid()
    params = da.ellipsoidParameters() if hasattr(da, "ellipsoidParameters") else None
    if params is not None:
        assert params.semiMajor == pytest.approx(6378137.0)
    return da


def layer_data(name, geoms, kind="polygon", **columns):
    geoms = np.asarray(geoms, dtype=object)
    return LayerData(name, geoms, pd.DataFrame(columns), np.arange(1, len(geoms) + 1), CRS, kind)


def to_qgis(memory_layer, data: LayerData, geometry: str):
    fields = [(c, "real" if np.issubdtype(data.attributes[c].dtype, np.number) else "text") for c in data.attributes]
    rows = [(g.wkt, [v.item() if hasattr(v, "item") else v for v in values])
            for g, values in zip(data.geometries, data.attributes.itertuples(index=False))]
    return memory_layer(geometry, CRS, fields, rows, data.name)


@pytest.fixture(scope="module")
def city():
    rng = np.random.default_rng(11)
    side, cell = 16, 110.0
    gx, gy = np.meshgrid(np.arange(side + 1) * cell, np.arange(side + 1) * cell, indexing="ij")
    jitter = rng.uniform(-30, 30, size=(2,) + gx.shape)
    jitter[:, [0, -1], :] = 0
    jitter[:, :, [0, -1]] = 0
    gx, gy = gx + jitter[0] + X0, gy + jitter[1] + Y0
    patches = [shapely.Polygon([(gx[i, j], gy[i, j]), (gx[i + 1, j], gy[i + 1, j]), (gx[i + 1, j + 1], gy[i + 1, j + 1]),
                                (gx[i, j + 1], gy[i, j + 1])]) for i in range(side) for j in range(side)]
    n = len(patches)
    codes = rng.choice(["0101", "0301", "0701", "0601", "05H1"], n)
    czcsxm = np.where(np.isin(codes, ["0701", "0601", "05H1"]), "201", "")
    tbdlmj = np.array([p.area for p in patches]) * rng.uniform(0.9, 1.0, n)
    extent = side * cell
    west = shapely.Polygon([(X0, Y0), (X0 + 700, Y0), (X0 + 1000, Y0 + extent), (X0, Y0 + extent)])
    east = shapely.Polygon([(X0 + 700, Y0), (X0 + extent, Y0), (X0 + extent, Y0 + extent), (X0 + 1000, Y0 + extent)])
    redline = [shapely.Point(X0 + 500, Y0 + 600).buffer(350, quad_segs=8),
               shapely.box(X0 + 1100, Y0 + 300, X0 + 1600, Y0 + 1000)]
    urban = shapely.Point(X0 + 800, Y0 + 900).buffer(600, quad_segs=16)
    roads = [shapely.LineString([(X0, Y0 + t), (X0 + extent, Y0 + t + 250)]) for t in range(100, int(extent), 300)]
    return {
        "dltb": layer_data("DLTB", patches, DLBM=codes, CZCSXM=czcsxm, TBDLMJ=tbdlmj),
        "admin_district": layer_data("XZQ", [west, east], XZQDM=["350203", "350205"], XZQMC=["西区", "东区"]),
        "eco_redline": layer_data("STBHHX", redline, HXMC=["a", "b"]),
        "urban_area": layer_data("CQFW", [urban], MC=["城区"]),
        "roads": layer_data("DL", roads, kind="line", DJ=["主干路"] * len(roads)),
    }


def test_ellipsoidal_area_agrees_with_qgsdistancearea(qgis_app):
    da = distance_area()
    polygons = [shapely.box(500_000, 2_700_000, 500_100, 2_700_100),
                shapely.box(640_000, 2_600_000, 640_050, 2_600_080),
                shapely.Point(420_000, 2_750_000).buffer(5_000, quad_segs=32),
                shapely.box(560_000, 2_650_000, 590_000, 2_690_000)]
    ours = geodesy.ellipsoidal_area(np.array(polygons, dtype=object), CRS)
    for polygon, area in zip(polygons, ours):
        theirs = da.measureArea(QgsGeometry.fromWkt(polygon.wkt))
        assert abs(area - theirs) / theirs < 1e-3  # the bound
        assert abs(area - theirs) / theirs < 1e-5  # what we actually achieve
        assert abs(polygon.area - theirs) / theirs > 0 or polygon.centroid.x == 500_000


def test_lonlat_area_agrees_with_qgsdistancearea(qgis_app):
    da = distance_area("EPSG:4490")
    cell = shapely.box(118.0, 24.0, 118.01, 24.01)
    theirs = da.measureArea(QgsGeometry.fromWkt(cell.wkt))
    ours = geodesy.ellipsoidal_area(np.array([cell]), "EPSG:4490")[0]
    assert abs(ours - theirs) / theirs < 1e-5


def test_overlay_area_matches_native_intersection(qgis_processing, memory_layer, city):
    import processing

    dltb = to_qgis(memory_layer, city["dltb"], "Polygon")
    redline = to_qgis(memory_layer, city["eco_redline"], "Polygon")
    with_area = processing.run("native:fieldcalculator", {
        "INPUT": dltb, "FIELD_NAME": "PAREA", "FIELD_TYPE": 0, "FIELD_LENGTH": 20, "FIELD_PRECISION": 6,
        "FORMULA": "area($geometry)", "OUTPUT": "memory:"})["OUTPUT"]
    dissolved = processing.run("native:dissolve", {"INPUT": redline, "FIELD": [], "OUTPUT": "memory:"})["OUTPUT"]
    cut = processing.run("native:intersection", {"INPUT": with_area, "OVERLAY": dissolved, "INPUT_FIELDS": [],
                                                 "OVERLAY_FIELDS": [], "OUTPUT": "memory:"})["OUTPUT"]
    group = LandUseGroups.default()["chengxiang_jianshe"]
    expected = 0.0
    for feature in cut.getFeatures():
        if group.mask([feature["DLBM"]], [feature["CZCSXM"] or ""])[0]:
            expected += feature["TBDLMJ"] * feature.geometry().area() / feature["PAREA"]
    assert expected > 0
    (result,) = compute(load_catalog(), city, None, 2024, codes=["A-14"])
    assert result.value * 1e6 == pytest.approx(expected, rel=1e-9)


def test_per_district_areas_match_native_intersection(qgis_processing, memory_layer, city):
    import processing

    dltb = to_qgis(memory_layer, city["dltb"], "Polygon")
    districts = to_qgis(memory_layer, city["admin_district"], "Polygon")
    with_area = processing.run("native:fieldcalculator", {
        "INPUT": dltb, "FIELD_NAME": "PAREA", "FIELD_TYPE": 0, "FIELD_LENGTH": 20, "FIELD_PRECISION": 6,
        "FORMULA": "area($geometry)", "OUTPUT": "memory:"})["OUTPUT"]
    cut = processing.run("native:intersection", {"INPUT": with_area, "OVERLAY": districts, "INPUT_FIELDS": [],
                                                 "OVERLAY_FIELDS": ["XZQDM"], "OUTPUT": "memory:"})["OUTPUT"]
    expected = {"350203": 0.0, "350205": 0.0}
    for feature in cut.getFeatures():
        if feature["DLBM"] in ("0101",):
            expected[feature["XZQDM"]] += feature["TBDLMJ"] * feature.geometry().area() / feature["PAREA"]
    (result,) = compute(load_catalog(), city, None, 2024, codes=["A-11"])
    per_mu = 1e4 * 10000 / 15
    for code, value in expected.items():
        assert result.unit_value("district", code) * per_mu == pytest.approx(value, rel=1e-9)


def test_road_length_in_the_urban_area_matches_clip_and_ellipsoidal_length(qgis_processing, memory_layer, city):
    import processing

    roads = to_qgis(memory_layer, city["roads"], "LineString")
    urban = to_qgis(memory_layer, city["urban_area"], "Polygon")
    clipped = processing.run("native:clip", {"INPUT": roads, "OVERLAY": urban, "OUTPUT": "memory:"})["OUTPUT"]
    da = distance_area()
    length = sum(da.measureLength(f.geometry()) for f in clipped.getFeatures())
    area = sum(da.measureArea(f.geometry()) for f in urban.getFeatures())
    (result,) = compute(load_catalog(), city, None, 2024, codes=["B-05"])
    assert result.value == pytest.approx((length / 1000) / (area / 1e6), rel=1e-5)
