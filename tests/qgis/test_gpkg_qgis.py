"""QGIS and GDAL open the GeoPackages written by core.store.gpkg."""

import numpy as np
import pandas as pd
import shapely

from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.store import gpkg


def _write(path):
    polygons = np.array([shapely.box(500000, 2700000, 500100, 2700100),
                         shapely.MultiPolygon([shapely.box(501000, 2701000, 501010, 2701010),
                                               shapely.box(501020, 2701000, 501030, 2701010)])], dtype=object)
    gpkg.write_layer(path, LayerData("DLTB", polygons,
                                     pd.DataFrame({"DLMC": ["城镇住宅用地", "水田"], "TBMJ": [10000.0, 200.0],
                                                   "CS": pd.array([5, None], dtype="Int64")}),
                                     np.arange(1, 3), crs="EPSG:4548"))
    lines = np.array([shapely.LineString([(500000, 2700000), (500500, 2700000)])], dtype=object)
    gpkg.write_layer(path, LayerData("DL", lines, pd.DataFrame({"MC": ["湖滨南路"]}), np.arange(1, 2),
                                     crs="EPSG:4548", geometry_type="line"))
    points = shapely.points([[500050, 2700050]])
    gpkg.write_layer(path, LayerData("SS_YY", points, pd.DataFrame({"MC": ["厦门市第一医院"]}), np.arange(1, 2),
                                     crs="EPSG:4548", geometry_type="point"))
    gpkg.write_table(path, "DEMO_TRUTH", pd.DataFrame({"problem": ["a"], "count": [1]}))
    return polygons


def test_qgis_opens_layers(qgis_app, tmp_path):
    from qgis.core import QgsGeometry, QgsVectorLayer, QgsWkbTypes

    path = tmp_path / "q.gpkg"
    polygons = _write(path)
    layer = QgsVectorLayer(f"{path}|layername=DLTB", "dltb", "ogr")
    assert layer.isValid()
    assert layer.featureCount() == 2
    assert layer.crs().authid() == "EPSG:4548"
    assert layer.wkbType() == QgsWkbTypes.MultiPolygon
    features = sorted(layer.getFeatures(), key=lambda f: f.id())
    assert [f["DLMC"] for f in features] == ["城镇住宅用地", "水田"]
    for feature, original in zip(features, polygons):
        assert feature.geometry().equals(QgsGeometry.fromWkt(original.wkt)) or \
            shapely.from_wkt(feature.geometry().asWkt()).equals(original)
    assert features[1]["CS"] is None or str(features[1]["CS"]) == "NULL"
    lines = QgsVectorLayer(f"{path}|layername=DL", "dl", "ogr")
    assert lines.isValid() and lines.geometryType() == QgsWkbTypes.LineGeometry
    assert next(lines.getFeatures())["MC"] == "湖滨南路"
    points = QgsVectorLayer(f"{path}|layername=SS_YY", "yy", "ogr")
    assert points.isValid() and points.wkbType() == QgsWkbTypes.Point
    table = QgsVectorLayer(f"{path}|layername=DEMO_TRUTH", "t", "ogr")
    assert table.isValid() and table.featureCount() == 1 and not table.isSpatial()


def test_qgis_edit_updates_spatial_index(qgis_app, tmp_path):
    """Edits made in QGIS run the rtree triggers (GDAL supplies ST_* functions)."""
    import sqlite3

    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    path = tmp_path / "edit.gpkg"
    _write(path)
    layer = QgsVectorLayer(f"{path}|layername=DLTB", "dltb", "ogr")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("MULTIPOLYGON(((600000 2800000, 600010 2800000, 600010 2800010, 600000 2800000)))"))
    feature["DLMC"] = "旱地"
    assert layer.dataProvider().addFeatures([feature])[0]
    del layer
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT COUNT(*) FROM rtree_DLTB_geom").fetchone()[0] == 3
        assert con.execute("SELECT COUNT(*) FROM rtree_DLTB_geom WHERE minx >= 599999").fetchone()[0] == 1
    finally:
        con.close()


def test_ogr_reports_spatial_index(tmp_path):
    from osgeo import ogr

    path = tmp_path / "o.gpkg"
    _write(path)
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName("DLTB")
    assert layer.TestCapability("FastSpatialFilter")
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4548"
    layer.SetSpatialFilterRect(500990, 2700990, 501040, 2701020)
    assert layer.GetFeatureCount() == 1
    assert ds.GetLayerByName("DEMO_TRUTH").GetGeomType() == ogr.wkbNone


def test_qgis_edits_a_bulk_loaded_index(qgis_app, tmp_path):
    import sqlite3

    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    path = tmp_path / "big.gpkg"
    rng = np.random.default_rng(5)
    n = 3000
    x, y = rng.uniform(500000, 510000, n), rng.uniform(2700000, 2710000, n)
    geoms = shapely.box(x, y, x + 40, y + 30)
    gpkg.write_layer(path, LayerData("BIG", geoms, pd.DataFrame({"MC": ["地块"] * n}), np.arange(1, n + 1),
                                     crs="EPSG:4548"))
    layer = QgsVectorLayer(f"{path}|layername=BIG", "big", "ogr")
    assert layer.isValid() and layer.featureCount() == n
    rect = QgsRectangle(503000, 2703000, 504000, 2704000)
    found = sorted(f.id() for f in layer.getFeatures(rect))
    want = (np.flatnonzero((x <= 504000) & (x + 40 >= 503000) & (y <= 2704000) & (y + 30 >= 2703000)) + 1).tolist()
    assert found == want
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("MULTIPOLYGON(((520000 2720000, 520010 2720000, 520010 2720010, 520000 2720000)))"))
    assert layer.dataProvider().addFeatures([feature])[0]
    assert layer.dataProvider().deleteFeatures(list(range(1, 1001)))
    del layer
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT COUNT(*) FROM rtree_BIG_geom").fetchone()[0] == n - 1000 + 1
        assert con.execute("SELECT rtreecheck('rtree_BIG_geom')").fetchone()[0] == "ok"
    finally:
        con.close()


def test_every_demo_layer_loads_in_qgis(qgis_app, tmp_path):
    """The small demo city: every table of the GeoPackage opens in QGIS with its CRS and counts."""
    from qgis.core import QgsVectorLayer

    from cityhealth_plugin.core.demo.city import generate_demo_city

    path = tmp_path / "demo.gpkg"
    summary = generate_demo_city("small", 2024, path)
    for name, count in summary.items():
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        assert layer.isValid(), name
        assert layer.featureCount() == count, name
        if layer.isSpatial():
            assert layer.crs().authid() == "EPSG:4548", name
    dltb = QgsVectorLayer(f"{path}|layername=DLTB", "dltb", "ogr")
    feature = next(dltb.getFeatures())
    assert feature["DLMC"] and len(feature["ZLDWDM"]) == 12
    names = [f["JDMC"] for f in QgsVectorLayer(f"{path}|layername=JD", "jd", "ogr").getFeatures()]
    assert "鼓浪屿街道" in names
