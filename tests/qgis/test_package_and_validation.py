"""Opening data packages, reading layers into LayerData, and cityhealth:validatedatapackage."""

import math
import os

import numpy as np
import pytest
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeedback,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from cityhealth_plugin.core.roles.recognition import recognise
from cityhealth_plugin.core.roles.registry import ROLES
from cityhealth_plugin.core.validation import ValidationInput, validate
from cityhealth_plugin.qgis_bridge.layers import (
    ENCODING_NOTE,
    ReadCanceled,
    layer_info,
    read_layer,
    repair_to_new_layer,
    reproject_to_new_layer,
    set_layer_encoding,
    snapshot,
    suggest_encoding,
)
from cityhealth_plugin.qgis_bridge.package import DataPackageError, open_data_package, postgres_uri

DLTB_FIELDS = [("BSM", "text"), ("DLBM", "text"), ("DLMC", "text"), ("CZCSXM", "text"), ("TBMJ", "real"),
               ("KCMJ", "real"), ("TBDLMJ", "real"), ("ZLDWDM", "text")]


@pytest.fixture
def make_layer(memory_layer):
    return memory_layer


BOW_TIE = "POLYGON ((500000 2700000, 500100 2700100, 500100 2700000, 500000 2700100, 500000 2700000))"


def box(x, y, size=100.0):
    return f"POLYGON (({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"


def dltb_rows():
    return [
        (box(500000, 2700000), ["1", "0101", "水田", None, 10000.0, 500.0, 9500.0, "350203001001"]),
        (box(500100, 2700000), ["2", "0199", "错误", None, 10000.0, 0.0, 10000.0, "350203001001"]),
        (box(500200, 2700000), ["3", "101", "水田", None, 10000.0, 0.0, 10000.0, "350203001001"]),
        (box(500300, 2700000), ["4", "0701", "城镇住宅用地", "201A", 10000.0, 0.0, 10000.0, "350203001001"]),
        (BOW_TIE, ["4", "0601", "工业用地", "201A", 10000.0, 0.0, 10000.0, "350203001001"]),
    ]


def district_layer(make_layer):
    return make_layer("Polygon", "EPSG:4548", [("XZQDM", "text"), ("XZQMC", "text")],
                      [(box(499000, 2699000, 5000), ["350203", "思明区"])], "XZQ")


def write_gpkg(path, layers, table=None):
    """Write memory layers (and an optional attribute-only layer) into one GeoPackage."""
    for index, layer in enumerate(list(layers) + ([table] if table is not None else [])):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer.name()
        if index:
            options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(),
                                                          options)
        assert error[0] == QgsVectorFileWriter.NoError, error


def write_shapefile(path, values, encoding, keep_cpg=True, epsg=4548):
    """A polygon shapefile with one text field DLMC, written by OGR in ``encoding``."""
    from osgeo import gdal, ogr, osr

    # QgsVectorFileWriter sets SHAPE_ENCODING='' process-wide, which stops OGR from recoding on write.
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    driver = ogr.GetDriverByName("ESRI Shapefile")
    source = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = source.CreateLayer(path.stem, srs, ogr.wkbPolygon, options=[f"ENCODING={encoding}"])
    layer.CreateField(ogr.FieldDefn("DLMC", ogr.OFTString))
    for index, value in enumerate(values):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("DLMC", value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(box(500000 + 100 * index, 2700000)))
        layer.CreateFeature(feature)
    source = None
    gdal.SetConfigOption("SHAPE_ENCODING", previous)
    if not keep_cpg:
        os.remove(path.with_suffix(".cpg"))


# --------------------------------------------------------------------------------------
# layer_info / read_layer
# --------------------------------------------------------------------------------------

def test_layer_info(qgis_app, make_layer):
    layer = make_layer("Polygon", "EPSG:4490", DLTB_FIELDS, dltb_rows(), "地类图斑")
    info = layer_info(layer)
    assert (info.name, info.geometry_type, info.feature_count, info.crs_authid, info.crs_is_geographic) == (
        "地类图斑", "polygon", 5, "EPSG:4490", True)
    assert info.field_names == [name for name, _ in DLTB_FIELDS] and info.layer_id == layer.id()
    no_crs = layer_info(make_layer("Point", "", [("MC", "text")], [], "xiaoxue"))
    assert (no_crs.crs_authid, no_crs.geometry_type, no_crs.feature_count) == ("", "point", 0)


def test_read_layer_values_nulls_and_fids(qgis_app, make_layer):
    layer = make_layer("Polygon", "EPSG:4548", DLTB_FIELDS + [("CS", "int")],
                       [(wkt, values + [n]) for (wkt, values), n in zip(dltb_rows(), [1, None, 3, 4, 5])], "DLTB")
    data = read_layer(layer)
    assert len(data) == 5 and data.crs == "EPSG:4548" and data.geometry_type == "polygon" and data.notes == []
    assert data.fids.tolist() == [f.id() for f in layer.getFeatures()]
    assert data.attributes["DLBM"].tolist() == ["0101", "0199", "101", "0701", "0601"]
    assert data.attributes["CZCSXM"].tolist()[:2] == [None, None]
    assert data.attributes["TBDLMJ"].dtype == np.float64
    assert np.isnan(data.attributes["CS"].iloc[1]) and data.attributes["CS"].iloc[2] == 3
    assert data.geometries[0].equals(shapely.from_wkt(box(500000, 2700000)))
    assert not shapely.is_valid(data.geometries[4])  # read as it is, not silently repaired


def test_read_layer_subset_filter_and_snapshot(qgis_app, make_layer):
    layer = make_layer("Polygon", "EPSG:4548", DLTB_FIELDS, dltb_rows(), "DLTB")
    fids = [f.id() for f in layer.getFeatures()]
    data = read_layer(snapshot(layer), fields=["TBMJ", "DLBM"], request_filter_fids=fids[1:3])
    assert list(data.attributes.columns) == ["TBMJ", "DLBM"]
    assert dict(zip(data.fids.tolist(), data.attributes["DLBM"])) == {fids[1]: "0199", fids[2]: "101"}
    with pytest.raises(ValueError, match="NOPE"):
        read_layer(layer, fields=["NOPE"])


def test_read_layer_reprojects_geographic_into_the_work_crs(qgis_app, make_layer):
    # 117°E is the central meridian of EPSG:4548 (false easting 500 000 m, no zone prefix).
    layer = make_layer("Point", "EPSG:4490", [("MC", "text")], [("POINT (117 24)", ["a"])], "xiaoxue")
    data = read_layer(layer, QgsCoordinateReferenceSystem("EPSG:4548"))
    assert data.crs == "EPSG:4548"
    assert data.geometries[0].x == pytest.approx(500000.0, abs=1e-3)
    assert data.geometries[0].y == pytest.approx(2655000, abs=2000)
    assert any("EPSG:4490" in note and "EPSG:4548" in note for note in data.notes)
    assert layer.crs().authid() == "EPSG:4490"  # the layer itself is untouched


def test_read_layer_segmentises_curves_and_drops_z(qgis_app, make_layer):
    layer = make_layer("CurvePolygonZ", "EPSG:4548", [("MC", "text")],
                       [("CurvePolygonZ (CircularStringZ (0 0 5, 1 1 5, 2 0 5, 1 -1 5, 0 0 5))", ["c"])], "GYGC")
    data = read_layer(layer)
    assert data.geometries[0].geom_type == "Polygon" and not data.geometries[0].has_z
    assert data.geometries[0].area == pytest.approx(math.pi, rel=1e-3)


def test_read_layer_survives_malformed_geometries(qgis_app, make_layer):
    layer = make_layer("Polygon", "EPSG:4548", [("MC", "text")],
                       [("POLYGON ((0 0, 1 1))", ["two points"]), (box(0, 0), ["fine"])], "CQFW")
    data = read_layer(layer)
    assert data.geometries[0] is None and data.geometries[1].area == pytest.approx(10000)
    assert len(data.notes) == 1 and "malformed" in data.notes[0]


def test_read_layer_honours_cancel(qgis_app, make_layer):
    layer = make_layer("Point", "EPSG:4548", [("MC", "text")],
                       [(f"POINT ({i} 0)", [str(i)]) for i in range(5000)], "pts")
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(ReadCanceled):
        read_layer(layer, feedback=feedback)


def test_fix_actions_write_new_layers(qgis_app, tmp_path, make_layer):
    layer = make_layer("Polygon", "EPSG:4490", DLTB_FIELDS, [(box(118, 24, 0.001), dltb_rows()[0][1])], "stbhhx")
    metric = reproject_to_new_layer(layer, QgsCoordinateReferenceSystem("EPSG:4548"))
    assert metric.crs().authid() == "EPSG:4548" and metric.featureCount() == 1
    assert next(metric.getFeatures()).geometry().area() == pytest.approx(101.7 * 110.9, rel=0.05)
    assert layer.crs().authid() == "EPSG:4490" and next(layer.getFeatures()).geometry().area() < 1e-5
    bad = make_layer("Polygon", "EPSG:4548", DLTB_FIELDS, dltb_rows(), "DLTB")
    repaired = repair_to_new_layer(bad, str(tmp_path / "repaired.gpkg"))
    assert repaired.isValid() and repaired.featureCount() == 5
    assert all(f.geometry().isGeosValid() for f in repaired.getFeatures())
    assert [f["BSM"] for f in repaired.getFeatures()] == ["1", "2", "3", "4", "4"]
    assert sum(not f.geometry().isGeosValid() for f in bad.getFeatures()) == 1  # source unchanged


# --------------------------------------------------------------------------------------
# open_data_package
# --------------------------------------------------------------------------------------

def test_open_geopackage(qgis_app, tmp_path, make_layer):
    path = tmp_path / "package.gpkg"
    table = make_layer("None", "", [("problem", "text")], [(None, ["x"])], "NOTES")
    write_gpkg(path, [make_layer("Polygon", "EPSG:4548", DLTB_FIELDS, dltb_rows(), "DLTB"), district_layer(make_layer)], table)
    layers = open_data_package(str(path))
    assert sorted(layer.name() for layer in layers) == ["DLTB", "XZQ"]  # the attribute table is left out
    assert all(layer.isValid() and layer.providerType() == "ogr" for layer in layers)
    assert not any(QgsProject.instance().mapLayer(layer.id()) for layer in layers)  # not added to a project
    assert recognise([layer_info(layer) for layer in layers]) == {
        "admin_district": next(l.id() for l in layers if l.name() == "XZQ"),
        "dltb": next(l.id() for l in layers if l.name() == "DLTB")}


def test_open_folder_of_shapefiles_with_gbk(qgis_app, tmp_path):
    (tmp_path / "sub").mkdir()
    write_shapefile(tmp_path / "dltb_2020.shp", ["水田", "城镇住宅用地"], "GBK", keep_cpg=False)
    write_shapefile(tmp_path / "sub" / "永久基本农田保护图斑.shp", ["水浇地"], "UTF-8", keep_cpg=True)
    write_shapefile(tmp_path / "sub" / "stbhhx_ascii.shp", ["redline"], "UTF-8", keep_cpg=False)
    (tmp_path / "readme.txt").write_text("not a layer")
    layers = {layer.name(): layer for layer in open_data_package(str(tmp_path))}
    assert sorted(layers) == ["dltb_2020", "stbhhx_ascii", "永久基本农田保护图斑"]
    gbk = layers["dltb_2020"]
    assert [f["DLMC"] for f in gbk.getFeatures()] == ["水田", "城镇住宅用地"]
    assert gbk.customProperty(ENCODING_NOTE) == "GBK" and gbk.dataProvider().encoding() == "GBK"
    assert [f["DLMC"] for f in layers["永久基本农田保护图斑"].getFeatures()] == ["水浇地"]
    assert not layers["永久基本农田保护图斑"].customProperty(ENCODING_NOTE)
    assert not layers["stbhhx_ascii"].customProperty(ENCODING_NOTE)
    result = recognise([layer_info(layer) for layer in layers.values()])
    assert result["dltb_base"] == gbk.id() and result["farmland_protection"] == layers["永久基本农田保护图斑"].id()


def test_gbk_shapefile_unfixed_reads_as_mojibake(qgis_app, tmp_path):
    """The problem open_data_package solves: QGIS alone garbles a GBK .dbf without .cpg."""
    from cityhealth_plugin.core.validation.encoding import looks_garbled

    write_shapefile(tmp_path / "dltb.shp", ["水田"], "GBK", keep_cpg=False)
    raw = QgsVectorLayer(str(tmp_path / "dltb.shp"), "dltb", "ogr")
    value = next(raw.getFeatures())["DLMC"]
    assert value != "水田" and looks_garbled(value)
    findings = validate({"dltb": ValidationInput(layer_info(raw), read_layer(raw))}, "EPSG:4548")
    garbled = [f for f in findings if f.rule == "encoding.mojibake"]
    assert len(garbled) == 1 and garbled[0].action == "set_encoding" and garbled[0].count == 1
    # The fix action: the suggested encoding makes the text right, the file is not written.
    before = (tmp_path / "dltb.dbf").read_bytes()
    set_layer_encoding(raw, suggest_encoding(raw))
    assert next(raw.getFeatures())["DLMC"] == "水田" and raw.customProperty(ENCODING_NOTE) == "GBK"
    assert (tmp_path / "dltb.dbf").read_bytes() == before


def test_open_data_package_errors(qgis_app, tmp_path):
    with pytest.raises(DataPackageError, match="does not exist"):
        open_data_package(str(tmp_path / "missing.gpkg"))
    with pytest.raises(DataPackageError, match="no .shp"):
        open_data_package(str(tmp_path))
    with pytest.raises(DataPackageError, match="neither"):
        open_data_package("no such saved connection")


def test_postgres_sources(qgis_app):
    uri = postgres_uri("postgres://planner:s%40cret@db.example.org:6543/city?sslmode=require&schema=sandiao")
    assert (uri.host(), uri.port(), uri.database(), uri.username(), uri.password(), uri.schema()) == (
        "db.example.org", "6543", "city", "planner", "s@cret", "sandiao")
    assert postgres_uri("PG:dbname='city' host=localhost port=5432").database() == "city"
    assert postgres_uri("/tmp/x.gpkg") is None
    # A saved connection to a server that is not there: a clear error, never a traceback.
    from qgis.core import QgsProviderRegistry

    from qgis.core import QgsSettings

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    settings = QgsSettings()
    key = "PostgreSQL/connections/cityhealth-test-unreachable/"
    for name, value in (("host", "127.0.0.1"), ("port", "1"), ("database", "nodb"), ("service", "")):
        settings.setValue(key + name, value)
    assert "cityhealth-test-unreachable" in metadata.connections(False)
    try:
        with pytest.raises(DataPackageError, match="nodb|cityhealth-test-unreachable"):
            open_data_package("cityhealth-test-unreachable")
        with pytest.raises(DataPackageError, match="database") as error:
            open_data_package("postgresql://u:secret@127.0.0.1:1/nodb?connect_timeout=2")
        assert "secret" not in str(error.value)
    finally:
        settings.remove("PostgreSQL/connections/cityhealth-test-unreachable")


# --------------------------------------------------------------------------------------
# cityhealth:validatedatapackage
# --------------------------------------------------------------------------------------

def test_algorithm_parameters_are_generated_from_the_registry(cityhealth_provider):
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById("cityhealth:validatedatapackage")
    assert algorithm is not None and algorithm.groupId() == "data"
    names = {p.name() for p in algorithm.parameterDefinitions()}
    assert {r.id.upper() for r in ROLES} | {"WORK_CRS", "OUTPUT"} == names
    assert {"ADMIN_DISTRICT", "DLTB", "DLTB_BASE", "ECO_REDLINE", "FAC_PRIMARY_SCHOOL"} <= names
    assert algorithm.parameterDefinition("WORK_CRS").defaultValue() == "EPSG:4548"
    assert {o.name() for o in algorithm.outputDefinitions()} == {"OUTPUT", "ERRORS", "WARNINGS"}


def test_algorithm_reports_crafted_problems(cityhealth_provider, tmp_path, make_layer):
    import processing

    dltb = make_layer("Polygon", "EPSG:4548", DLTB_FIELDS, dltb_rows(), "DLTB")
    geographic = make_layer("Polygon", "EPSG:4490", [("HXMC", "text")], [(box(117.001, 24.41, 0.005), ["红线"])],
                            "stbhhx_2023")
    no_crs = make_layer("Polygon", "", [("MJ", "real")], [(box(500000, 2700000), [1.0])], "czkfbj")
    empty = make_layer("Polygon", "EPSG:4548", [("MC", "text")], [], "lswhbhx")
    far = make_layer("Point", "EPSG:4548", [("MC", "text")], [("POINT (900000 4000000)", ["远处小学"])], "xiaoxue")
    write_shapefile(tmp_path / "dltb_2020.shp", ["水田"], "GBK", keep_cpg=False)
    base = open_data_package(str(tmp_path / "dltb_2020.shp"))[0]
    before = [f.geometry().asWkt() for f in dltb.getFeatures()]

    result = processing.run("cityhealth:validatedatapackage", {
        "ADMIN_DISTRICT": district_layer(make_layer), "DLTB": dltb, "DLTB_BASE": base, "ECO_REDLINE": geographic,
        "URBAN_BOUNDARY": no_crs, "HERITAGE_LINE": empty, "FAC_PRIMARY_SCHOOL": far,
        "WORK_CRS": "EPSG:4548", "OUTPUT": "memory:"}, feedback=QgsProcessingFeedback())
    report = result["OUTPUT"]
    if isinstance(report, str):
        report = QgsProject.instance().mapLayer(report) or QgsVectorLayer(report)
    rows = [f.attributes() for f in report.getFeatures()]
    names = [f.name() for f in report.fields()]
    assert names == ["severity", "layer", "layer_id", "role", "rule", "count", "fids", "message", "fix", "action"]
    found = {(r[names.index("role")], r[names.index("rule")]): dict(zip(names, r)) for r in rows}
    fids = [f.id() for f in dltb.getFeatures()]

    assert found[("dltb", "geometry.invalid")]["fids"] == str(fids[4])
    assert found[("dltb", "geometry.invalid")]["action"] == "repair"
    assert found[("dltb", "code.dlbm_invalid")]["fids"] == str(fids[1])
    assert found[("dltb", "field.dlbm_leading_zero")]["fids"] == str(fids[2])
    assert found[("dltb", "code.czcsxm_dlbm_combination")]["fids"] == str(fids[3])
    assert found[("dltb", "id.duplicate")]["fids"] == f"{fids[3]},{fids[4]}"
    assert found[("dltb", "id.duplicate")]["layer_id"] == dltb.id()
    assert found[("eco_redline", "crs.geographic")]["action"] == "reproject"
    assert found[("urban_boundary", "crs.missing")]["severity"] == "error"
    assert found[("heritage_line", "layer.empty")]["severity"] == "warning"
    assert ("fac_primary_school", "extent.no_overlap") in found
    assert ("eco_redline", "extent.no_overlap") not in found  # reprojected, it lies inside the district
    assert found[("dltb_base", "encoding.gbk_without_cpg")]["severity"] == "info"
    assert ("dltb_base", "encoding.mojibake") not in found
    assert result["ERRORS"] == sum(r[0] == "error" for r in rows) >= 5
    assert result["WARNINGS"] == sum(r[0] == "warning" for r in rows)
    assert [f.geometry().asWkt() for f in dltb.getFeatures()] == before  # inputs are never modified


def test_algorithm_reports_missing_mandatory_roles(cityhealth_provider):
    import processing

    result = processing.run("cityhealth:validatedatapackage", {"OUTPUT": "memory:"})
    report = result["OUTPUT"]
    if isinstance(report, str):
        report = QgsProject.instance().mapLayer(report) or QgsVectorLayer(report)
    rules = sorted((f["role"], f["rule"]) for f in report.getFeatures())
    assert rules == [("admin_district", "role.mandatory_missing"), ("dltb", "role.mandatory_missing")]
    assert result["ERRORS"] == 2


def test_algorithm_refuses_a_geographic_work_crs(cityhealth_provider):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException):
        processing.run("cityhealth:validatedatapackage", {"WORK_CRS": "EPSG:4490", "OUTPUT": "memory:"})
