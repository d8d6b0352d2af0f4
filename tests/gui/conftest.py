"""Fixtures for the GUI tests: a small city shaped like the demo city, the Data dock, task waiting.

The layers carry the demo city's standard names and fields (docs/data-model.md) in EPSG:4548,
written to a GeoPackage so that saving and reopening a project restores real layers.
"""

import shutil
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QEventLoop, QTimer, QVariant

X0, Y0 = 610000.0, 2705000.0  # metres in EPSG:4548 (around Xiamen)
_TYPES = {"text": QVariant.String, "int": QVariant.Int, "real": QVariant.Double}


def box(x, y, w=1000.0, h=1000.0):
    x, y = X0 + x, Y0 + y
    return f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"


def point(x, y):
    return f"POINT({X0 + x} {Y0 + y})"


def line(*xy):
    return "LINESTRING(" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in xy) + ")"


BOWTIE = f"POLYGON(({X0} {Y0},{X0 + 500} {Y0 + 500},{X0 + 500} {Y0},{X0} {Y0 + 500},{X0} {Y0}))"

DLTB_FIELDS = [("BSM", "text"), ("DLBM", "text"), ("DLMC", "text"), ("CZCSXM", "text"), ("TBMJ", "real"),
               ("KCMJ", "real"), ("TBDLMJ", "real"), ("ZLDWDM", "text")]


def dltb_rows(geometry=box):
    return [
        (geometry(0, 0), ["1", "0101", "水田", "", 1e6, 5e4, 9.5e5, "350203001001"]),
        (box(1000, 0), ["2", "0701", "城镇住宅用地", "201", 1e6, 0, 1e6, "350203001002"]),
        (box(0, 1000), ["3", "0301", "乔木林地", "", 1e6, 0, 1e6, "350203002001"]),
        (box(1000, 1000), ["4", "1101", "河流水面", "", 1e6, 0, 1e6, "350203002002"]),
    ]


FACILITIES = ("SS_SQWS", "SS_YY", "SS_YEY", "SS_XX", "SS_ZX", "SS_YL", "SS_WH", "SS_TY", "SS_ZQC", "SS_CSC",
              "SS_XFZ", "SS_GDZD", "SS_BNCS")


def demo_city_spec():
    """[(name, geometry, fields, rows)] like the demo city's GeoPackage, small."""
    spec = [
        ("XZQ", "Polygon", [("XZQDM", "text"), ("XZQMC", "text")],
         [(box(0, 0, 2000, 1000), ["350203", "思明区"]), (box(0, 1000, 2000, 1000), ["350206", "湖里区"])]),
        ("JD", "Polygon", [("JDDM", "text"), ("JDMC", "text"), ("XZQDM", "text")],
         [(box(0, 0, 1000, 1000), ["350203001", "鹭江街道", "350203"]),
          (box(1000, 0, 1000, 1000), ["350203002", "中华街道", "350203"]),
          (box(0, 1000, 2000, 1000), ["350206001", "湖里街道", "350206"])]),
        ("CQFW", "Polygon", [("MC", "text")], [(box(0, 0, 2000, 1500), ["城区"])]),
        ("DLTB", "Polygon", DLTB_FIELDS, dltb_rows()),
        ("DLTB_2020", "Polygon", DLTB_FIELDS, dltb_rows()),
        ("YJJBNT", "Polygon", [("BSM", "text"), ("DLBM", "text"), ("TBMJ", "real")],
         [(box(0, 0, 800, 800), ["1", "0101", 6.4e5])]),
        ("STBHHX", "Polygon", [("BSM", "text"), ("HXMC", "text"), ("MJ", "real")],
         [(box(0, 1200, 800, 700), ["1", "林地红线", 5.6e5])]),
        ("CZKFBJ", "Polygon", [("BSM", "text"), ("MJ", "real")], [(box(900, 0, 1100, 1100), ["1", 1.21e6])]),
        ("LSWHBHX", "Polygon", [("BSM", "text"), ("MC", "text")], [(box(1200, 200, 300, 300), ["1", "鼓浪屿"])]),
        ("DL", "LineString", [("MC", "text"), ("DJ", "text"), ("BX", "int"), ("DX", "int"), ("SD", "real"),
                              ("CC", "int")],
         [(line((0, 500), (2000, 500)), ["厦禾路", "主干路", 1, 0, 50.0, 0]),
          (line((1000, 0), (1000, 2000)), ["湖滨路", "次干路", 1, 0, 40.0, 0])]),
        ("JZ", "Polygon", [("CS", "int"), ("GD", "real"), ("YT", "text")],
         [(box(1100, 100, 50, 50), [6, 18.0, "住宅"]), (box(1300, 300, 40, 40), [30, 99.0, "办公"])]),
        ("RK", "Polygon", [("RKS", "real")],
         [(box(0, 0, 500, 500), [1200.0]), (box(500, 0, 500, 500), [300.0])]),
        ("GYGC", "Polygon", [("MC", "text"), ("LX", "text")], [(box(1500, 1500, 200, 200), ["中山公园", "公园"])]),
    ]
    for index, name in enumerate(FACILITIES):
        spec.append((name, "Point", [("MC", "text"), ("MJ", "real")],
                     [(point(100 + 120 * index, 300), [f"{name}-1", 1000.0])]))
    return spec


def memory_layer(name, geometry, fields, rows, crs="EPSG:4548"):
    layer = QgsVectorLayer(f"{geometry}?crs={crs}", name, "memory")
    assert layer.isValid()
    layer.dataProvider().addAttributes([QgsField(field_name, _TYPES[kind]) for field_name, kind in fields])
    layer.updateFields()
    features = []
    for wkt, values in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(values))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    layer.updateExtents()
    return layer


def write_gpkg(path: Path, layers) -> Path:
    """Write memory layers into one GeoPackage (one table per layer)."""
    for index, layer in enumerate(layers):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer.name()
        options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteFile if index == 0
                                        else QgsVectorFileWriter.CreateOrOverwriteLayer)
        error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
        assert error[0] == QgsVectorFileWriter.NoError, error
    return path


@pytest.fixture(scope="session")
def demo_gpkg_template(qgis_app, tmp_path_factory):
    layers = [memory_layer(name, geometry, fields, rows) for name, geometry, fields, rows in demo_city_spec()]
    return write_gpkg(tmp_path_factory.mktemp("demo") / "democity_test.gpkg", layers)


@pytest.fixture
def demo_gpkg(demo_gpkg_template, tmp_path):
    """A fresh copy of the small demo city GeoPackage for each test."""
    return Path(shutil.copy(demo_gpkg_template, tmp_path / demo_gpkg_template.name))


@pytest.fixture
def demo_layers(qgis_new_project, demo_gpkg):
    """The small demo city opened from its GeoPackage and added to the (new) project: {name: layer}."""
    layers = {}
    for name, *_rest in demo_city_spec():
        layer = QgsVectorLayer(f"{demo_gpkg}|layername={name}", name, "ogr")
        assert layer.isValid(), name
        layers[name] = layer
    QgsProject.instance().addMapLayers(list(layers.values()))
    return layers


@pytest.fixture(scope="session")
def cityhealth_algorithms(qgis_processing):
    """The plugin's Processing provider, registered as QGIS's plugin loader would."""
    from cityhealth_plugin.processing_provider.provider import CityHealthProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("cityhealth")
    if existing is not None:
        yield existing
        return
    provider = CityHealthProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture
def data_dock(qgis_iface, qgis_new_project, cityhealth_algorithms, tmp_path):
    from cityhealth_plugin.gui.data_dock import DataDock
    from cityhealth_plugin.qgis_bridge import project_state

    qgis_iface.messageBar().clear_messages()
    dock = DataDock(qgis_iface, qgis_iface.mainWindow())
    project_state.write_output_dir(str(tmp_path / "fixed"))
    yield dock
    dock.shutdown()
    dock.setParent(None)
    dock.deleteLater()


def wait_for_job(job, timeout_ms=60000):
    """Run the event loop until ``job`` emits ``done`` (the task manager runs it in a thread).

    Python's cyclic garbage collector is paused meanwhile: collecting the QGIS objects that earlier
    tests dropped, on the main thread while a worker thread reads layers, has crashed the test
    process (seen once in a full run, not reproducible alone)."""
    import gc

    if job.finished_ok is None:
        loop = QEventLoop()
        job.done.connect(lambda *_args: loop.quit())
        QTimer.singleShot(timeout_ms, loop.quit)
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            loop.exec_()
        finally:
            if was_enabled:
                gc.enable()
    assert job.finished_ok is not None, f"{job.description} did not finish within {timeout_ms} ms"
    return job
