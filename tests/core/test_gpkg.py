"""The pure-Python GeoPackage writer/reader: round trips and the file structure GDAL expects."""

import sqlite3
import struct

import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.store import gpkg


def _polygons():
    square = shapely.box(500000, 2700000, 500100, 2700100)
    holed = shapely.Polygon([(500200, 2700000), (500400, 2700000), (500400, 2700200), (500200, 2700200)],
                            [[(500250, 2700050), (500300, 2700050), (500300, 2700100), (500250, 2700100)]])
    multi = shapely.MultiPolygon([shapely.box(501000, 2701000, 501010, 2701010),
                                  shapely.box(501020, 2701000, 501030, 2701010)])
    return np.array([square, holed, multi, None], dtype=object)


def _attributes():
    return pd.DataFrame({
        "MC": ["鼓浪屿", "思明区中山路街道", None, "湖里 \"quoted\" ' name"],
        "CS": pd.array([3, 12, None, 40], dtype="Int64"),
        "N": np.array([1, 2, 3, 4], dtype=np.int64),
        "GD": [9.5, np.nan, 36.0, 120.25],
        "OK": [True, False, True, False],
    })


def test_polygon_round_trip_with_chinese_text_nulls_and_types(tmp_path):
    path = tmp_path / "a.gpkg"
    layer = LayerData("地块", _polygons(), _attributes(), np.arange(1, 5), crs="EPSG:4548")
    gpkg.write_layer(path, layer)
    back = gpkg.read_layer(path, "地块")
    assert back.crs == "EPSG:4548" and back.geometry_type == "polygon"
    assert list(back.fids) == [1, 2, 3, 4]
    assert back.geometries[3] is None
    for original, read in zip(_polygons()[:3], back.geometries[:3]):
        assert read.geom_type == "MultiPolygon"  # promoted to the layer type
        assert read.equals(original)
    attrs = back.attributes
    assert list(attrs.columns) == ["MC", "CS", "N", "GD", "OK"]
    assert attrs["MC"].tolist()[:2] == ["鼓浪屿", "思明区中山路街道"]
    assert attrs["MC"][2] is None and attrs["MC"][3] == "湖里 \"quoted\" ' name"
    assert attrs["CS"].isna().tolist() == [False, False, True, False]
    assert attrs["CS"].dropna().astype(int).tolist() == [3, 12, 40]
    assert attrs["N"].dtype == np.int64
    assert np.isnan(attrs["GD"][1]) and attrs["GD"][3] == 120.25
    assert attrs["OK"].tolist() == [True, False, True, False]
    assert gpkg.srs_of(path, "地块") == 4548
    assert gpkg.list_layers(path) == [("地块", "features", "MULTIPOLYGON", 4548, 4)]


def test_points_lines_and_attribute_table(tmp_path):
    path = tmp_path / "b.gpkg"
    points = shapely.points([[500000, 2700000], [500010.5, 2700020.25]])
    lines = np.array([shapely.LineString([(0, 0), (10, 0)]),
                      shapely.MultiLineString([[(0, 0), (0, 5)], [(1, 1), (2, 2)]])], dtype=object)
    gpkg.write_layer(path, LayerData("SS_YY", points, pd.DataFrame({"MC": ["厦门大学附属中山医院", "第一医院"]}),
                                     np.arange(2), geometry_type="point"), srs_id=4548)
    gpkg.write_layer(path, LayerData("DL", lines, pd.DataFrame({"DJ": ["主干路", "支路"], "DX": [0, -1]}),
                                     np.arange(2), geometry_type="line"), srs_id=4490)
    table = pd.DataFrame({"code": ["POP", "GDP"], "year": [2020, 2024], "value": [516.4, 8066.49],
                          "unit": ["万人", None]})
    gpkg.write_table(path, "DEPT_STATS", table)

    pts = gpkg.read_layer(path, "SS_YY")
    assert pts.geometry_type == "point" and shapely.equals(pts.geometries, points).all()
    assert pts.fids.tolist() == [1, 2]  # 0-based ids are renumbered from 1
    lns = gpkg.read_layer(path, "DL")
    assert lns.crs == "EPSG:4490" and lns.geometry_type == "line"
    assert all(g.geom_type == "MultiLineString" for g in lns.geometries)
    assert shapely.equals(lns.geometries, lines).all()
    assert lns.attributes["DX"].tolist() == [0, -1]
    back = gpkg.read_table(path, "DEPT_STATS")
    assert back["code"].tolist() == ["POP", "GDP"] and back["year"].tolist() == [2020, 2024]
    assert back["value"].tolist() == [516.4, 8066.49] and back["unit"][1] is None
    layers = {row[0]: row for row in gpkg.list_layers(path)}
    assert layers["SS_YY"] == ("SS_YY", "features", "POINT", 4548, 2)
    assert layers["DL"][2:] == ("MULTILINESTRING", 4490, 2)
    assert layers["DEPT_STATS"][1] == "attributes" and layers["DEPT_STATS"][4] == 2
    assert gpkg.read_layer(path, "DL", columns=["dj"]).attributes.columns.tolist() == ["DJ"]


def test_file_structure(tmp_path):
    path = tmp_path / "c.gpkg"
    layer = LayerData("XZQ", _polygons(), _attributes(), np.arange(1, 5), crs="EPSG:4548")
    gpkg.write_layer(path, layer)
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        assert con.execute("PRAGMA user_version").fetchone()[0] in (10200, 10300)
        srs = {row[0]: row for row in con.execute("SELECT srs_id, organization, definition FROM gpkg_spatial_ref_sys")}
        assert {-1, 0, 4326, 4548} <= set(srs)
        assert 'PARAMETER["central_meridian",117]' in srs[4548][2] and 'CGCS2000' in srs[4548][2]
        bounds = con.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name='XZQ'").fetchone()
        assert bounds == (500000.0, 2700000.0, 501030.0, 2701010.0)
        assert con.execute("SELECT extension_name FROM gpkg_extensions WHERE table_name='XZQ'").fetchone()[0] \
            == "gpkg_rtree_index"
        rtree = con.execute("SELECT id, minx, maxx, miny, maxy FROM rtree_XZQ_geom ORDER BY id").fetchall()
        assert [row[0] for row in rtree] == [1, 2, 3]  # the NULL geometry is not indexed
        assert rtree[0][1] <= 500000 and rtree[0][2] >= 500100
        triggers = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert {"rtree_XZQ_geom_insert", "rtree_XZQ_geom_update1", "rtree_XZQ_geom_delete"} <= triggers
        assert con.execute("SELECT rtreecheck('rtree_XZQ_geom')").fetchone()[0] == "ok"
        blob = con.execute("SELECT geom FROM XZQ WHERE fid = 1").fetchone()[0]
        assert blob[:2] == b"GP" and blob[2] == 0 and blob[3] == 0b11  # little endian, xy envelope
        assert struct.unpack("<i4d", blob[4:40]) == (4548, 500000.0, 500100.0, 2700000.0, 2700100.0)
        assert blob[40] == 1 and struct.unpack("<I", blob[41:45])[0] == 6  # ISO WKB MultiPolygon
    finally:
        con.close()


def test_triggers_keep_index_in_step_when_edited_through_this_module(tmp_path):
    path = tmp_path / "d.gpkg"
    gpkg.write_layer(path, LayerData("P", _polygons()[:2], _attributes()[:2], np.arange(1, 3), crs="EPSG:4548"))
    blobs, _ = gpkg.encode_geometries(np.array([shapely.MultiPolygon([shapely.box(0, 0, 5, 5)])]), 4548)
    con = gpkg._connect(path)
    try:
        con.execute("UPDATE P SET geom = ? WHERE fid = 1", (blobs[0],))
        con.execute("DELETE FROM P WHERE fid = 2")
        rows = con.execute("SELECT id, minx, maxx, miny, maxy FROM rtree_P_geom").fetchall()
    finally:
        con.close()
    assert rows == [(1, 0.0, 5.0, 0.0, 5.0)]


def test_overwrite_and_refusal(tmp_path):
    path = tmp_path / "e.gpkg"
    layer = LayerData("A", _polygons(), _attributes(), np.arange(1, 5), crs="EPSG:4548")
    gpkg.write_layer(path, layer)
    gpkg.write_layer(path, LayerData("A", _polygons()[:1], _attributes()[:1], np.arange(1, 2), crs="EPSG:4548"))
    assert gpkg.list_layers(path) == [("A", "features", "MULTIPOLYGON", 4548, 1)]
    with pytest.raises(ValueError):
        gpkg.write_layer(path, layer, overwrite=False)
    with pytest.raises(KeyError):
        gpkg.read_layer(path, "missing")
    with pytest.raises(ValueError):
        gpkg.write_layer(path, LayerData("B", _polygons(), _attributes(), np.arange(1, 5), crs="EPSG:32650"))


def test_empty_geometry_and_bulk_speed(tmp_path):
    import time

    path = tmp_path / "f.gpkg"
    rng = np.random.default_rng(0)
    n = 50_000
    x, y = rng.uniform(400000, 450000, n), rng.uniform(2700000, 2750000, n)
    geoms = shapely.box(x, y, x + 30, y + 20)
    geoms[5] = shapely.Polygon()
    df = pd.DataFrame({"BSM": [f"{i:010d}" for i in range(n)], "TBMJ": shapely.area(geoms)})
    started = time.perf_counter()
    gpkg.write_layer(path, LayerData("DLTB", geoms, df, np.arange(n), crs="EPSG:4548"))
    elapsed = time.perf_counter() - started
    back = gpkg.read_layer(path, "DLTB")
    assert len(back) == n and back.geometries[5].is_empty
    assert shapely.equals(back.geometries[:5], geoms[:5]).all()
    assert elapsed < 10  # generous; ~1 s expected


def test_bulk_loaded_rtree_is_valid_and_answers_queries(tmp_path):
    """Large layers get an STR-packed R-tree: SQLite's own checker accepts it, queries match brute force,
    and later inserts / deletes through the triggers keep working."""
    path = tmp_path / "g.gpkg"
    rng = np.random.default_rng(3)
    n = 20_000
    x, y = rng.uniform(500000, 520000, n), rng.uniform(2700000, 2720000, n)
    w = rng.uniform(1, 300, n)
    geoms = shapely.box(x, y, x + w, y + w / 2)
    gpkg.write_layer(path, LayerData("BIG", geoms, pd.DataFrame({"K": np.arange(n)}), np.arange(1, n + 1),
                                     crs="EPSG:4548"))
    con = gpkg._connect(path)
    try:
        assert con.execute("SELECT rtreecheck('rtree_BIG_geom')").fetchone()[0] == "ok"
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for q in ((505000, 2705000, 505800, 2706000), (500000, 2700000, 500200, 2700100), (519990, 2719990, 1e7, 1e8)):
            got = sorted(r[0] for r in con.execute(
                "SELECT id FROM rtree_BIG_geom WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?",
                (q[0], q[2], q[1], q[3])))
            want = (np.flatnonzero((x <= q[2]) & (x + w >= q[0]) & (y <= q[3]) & (y + w / 2 >= q[1])) + 1).tolist()
            assert got == want
        blobs, _ = gpkg.encode_geometries(np.array([shapely.MultiPolygon([shapely.box(0, 0, 1, 1)])]), 4548)
        con.execute("INSERT INTO BIG (geom, K) VALUES (?, -1)", (blobs[0],))
        con.execute("DELETE FROM BIG WHERE fid <= 5000")
        assert con.execute("SELECT COUNT(*) FROM rtree_BIG_geom").fetchone()[0] == n - 5000 + 1
        assert con.execute("SELECT rtreecheck('rtree_BIG_geom')").fetchone()[0] == "ok"
    finally:
        con.close()
