"""The Compliance panel end to end on the small demo city: run as a task, list, zoom, review, re-run, reopen."""

import pytest
from openpyxl import load_workbook
from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize, Qt

from cityhealth_plugin.core.compliance import reviews, storage
from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.gui import compliance_map
from cityhealth_plugin.gui.result_layers import find_results_group
from cityhealth_plugin.gui.violations_model import ViolationsModel
from cityhealth_plugin.qgis_bridge import assessment_db, project_state

from .conftest import wait_for_job

ROLE_TABLES = {"dltb": "DLTB", "dltb_base": "DLTB_2020", "farmland_protection": "YJJBNT", "eco_redline": "STBHHX",
               "urban_boundary": "CZKFBJ", "heritage_line": "LSWHBHX", "admin_district": "XZQ"}


@pytest.fixture(scope="session")
def demo_city(tmp_path_factory):
    from cityhealth_plugin.core.demo.city import generate_demo_city

    path = tmp_path_factory.mktemp("compliance_gui") / "democity_small.gpkg"
    generate_demo_city(scale="small", seed=2024, out=path)
    return path


@pytest.fixture
def city_project(qgis_new_project, demo_city, tmp_path):
    """The demo city's layers in a new project, roles assigned, output folder set."""
    project = QgsProject.instance()
    layers = {}
    for role, table in ROLE_TABLES.items():
        layer = QgsVectorLayer(f"{demo_city}|layername={table}", table, "ogr")
        assert layer.isValid(), table
        layers[role] = layer
    project.addMapLayers(list(layers.values()))
    project_state.write_role_assignments({role: layer.id() for role, layer in layers.items()})
    project_state.write_output_dir(str(tmp_path))
    return layers


@pytest.fixture
def dock(qgis_iface, city_project, cityhealth_algorithms):
    from cityhealth_plugin.gui.compliance_dock import ComplianceDock

    canvas = qgis_iface.mapCanvas()
    canvas.resize(QSize(800, 600))
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4548"))
    canvas.setExtent(city_project["dltb"].extent())
    qgis_iface.messageBar().clear_messages()
    widget = ComplianceDock(qgis_iface, qgis_iface.mainWindow())
    widget.year_spin.setValue(2024)
    widget.farmland_option.setChecked(True)
    yield widget
    widget.shutdown()
    widget.setParent(None)
    widget.deleteLater()


def run_and_wait(dock):
    job = dock.run_checks()
    assert job is not None
    assert dock.progress_row.isVisibleTo(dock) and not dock.run_button.isEnabled()
    wait_for_job(job, 120000)
    assert job.finished_ok, job.error_text()
    assert dock.run_button.isEnabled() and not dock.progress_row.isVisibleTo(dock)
    return job


def row_of(dock, rule, patch_id):
    source = dock.model.find(rule, patch_id)
    return source, dock.proxy_row(source)


def test_run_lists_summarises_and_maps_the_violations(dock, demo_city):
    assert dock.objectName() == "CityHealthComplianceDock"
    job = run_and_wait(dock)
    db = assessment_db.assessment_db_path()
    stored = storage.read_violations(db, 2024)
    assert dock.model.rowCount() == len(stored) == int(job.result["VIOLATIONS"]) > 0
    # the demo city's known problems (DEMO_TRUTH) are in the list
    frame = dock.model.frame()
    truth = gpkg.read_table(demo_city, "DEMO_TRUTH").set_index("problem")
    assert (frame["rule"] == "redline_construction").sum() == truth.loc["construction_in_eco_redline", "count"]
    assert (frame["rule"] == "farmland_construction").sum() == truth.loc["yjjbnt_to_construction", "count"]
    # summary: one top-level row per rule with its count; children per district
    summary = dock.summary_tree
    assert summary.topLevelItemCount() == frame["rule"].nunique()
    top = {summary.topLevelItem(i).data(0, Qt.UserRole): summary.topLevelItem(i) for i in range(summary.topLevelItemCount())}
    assert top["redline_construction"].text(1) == str((frame["rule"] == "redline_construction").sum())
    assert top["new_construction"].childCount() == frame.loc[frame["rule"] == "new_construction", "XZQDM"].nunique()
    # check results next to the check names
    results = {dock.checks_tree.topLevelItem(i).data(0, Qt.UserRole): dock.checks_tree.topLevelItem(i).text(1)
               for i in range(dock.checks_tree.topLevelItemCount())}
    assert results["redline_construction"].startswith("3 ")
    # the layer: in the results group, styled by rule
    layer = compliance_map.violation_layer(2024)
    assert layer is not None and layer.featureCount() == len(stored)
    assert find_results_group().findLayer(layer.id()) is not None
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer) and layer.renderer().classAttribute() == "rule"
    labels = {c.value(): c.label() for c in layer.renderer().categories()}
    assert labels["redline_construction"] == "Construction land inside the ecological protection red line"
    # list columns: rule, district, class, area hm², reviewed, note
    index = dock.proxy.index(0, ViolationsModel.AREA)
    assert float(index.data().replace(",", "")) > 0


def test_selecting_a_row_selects_zooms_and_flashes(dock, qgis_iface):
    run_and_wait(dock)
    dock.rule_filter.setCurrentIndex(dock.rule_filter.findData("redline_construction"))
    assert dock.proxy.rowCount() == 3
    layer = compliance_map.violation_layer(2024)
    canvas = qgis_iface.mapCanvas()
    canvas.setExtent(QgsRectangle(0, 0, 10, 10))  # far away
    assert dock.select_row(1)
    record = dock.model.row(dock.source_row(1))
    assert layer.selectedFeatureIds() == [int(record["fid"])]
    feature = layer.getFeature(int(record["fid"]))
    assert feature["patch_id"] == record["patch_id"] and feature["rule"] == "redline_construction"
    box = canvas.mapSettings().layerExtentToOutputExtent(layer, feature.geometry().boundingBox())
    assert canvas.extent().contains(box)
    assert dock.reviewed_box.isEnabled() and dock.note_edit.isEnabled()


def test_reviews_are_saved_and_survive_a_rerun_and_reopening(dock, tmp_path):
    run_and_wait(dock)
    db = assessment_db.assessment_db_path()
    frame = dock.model.frame()
    first = frame[frame["rule"] == "redline_construction"].iloc[0]
    second = frame[frame["rule"] == "new_construction"].iloc[0]
    # 1. the editor under the list: tick + note, Save
    _source, proxy_row = row_of(dock, first["rule"], first["patch_id"])
    dock.select_row(proxy_row)
    dock.reviewed_box.setChecked(True)
    dock.note_edit.setText("临时用地，已批复")
    dock.save_review_button.click()
    # 2. the check box and note cells of the table
    _source, proxy_row = row_of(dock, second["rule"], second["patch_id"])
    assert dock.proxy.setData(dock.proxy.index(proxy_row, ViolationsModel.REVIEWED), Qt.Checked, Qt.CheckStateRole)
    assert dock.proxy.setData(dock.proxy.index(proxy_row, ViolationsModel.NOTE), "已拆除", Qt.EditRole)
    marks = reviews.load_reviews(db, 2024)
    assert marks[(first["rule"], first["patch_id"], 2024)].note == "临时用地，已批复"
    assert marks[(second["rule"], second["patch_id"], 2024)].reviewed
    assert marks[(second["rule"], second["patch_id"], 2024)].note == "已拆除"
    total = dock.model.rowCount()
    dock.unreviewed_only.setChecked(True)
    assert dock.proxy.rowCount() == total - 2
    dock.unreviewed_only.setChecked(False)

    # re-run: new table, new layer (the old one replaced), marks found again by rule + patch id
    old_layer = compliance_map.violation_layer(2024)
    old_id = old_layer.id()
    run_and_wait(dock)
    assert QgsProject.instance().mapLayer(old_id) is None
    assert len(compliance_map.violation_layers(2024)) == 1
    source, proxy_row = row_of(dock, first["rule"], first["patch_id"])
    again = dock.model.row(source)
    assert again["reviewed"] and again["note"] == "临时用地，已批复"
    assert dock.proxy.index(proxy_row, ViolationsModel.REVIEWED).data(Qt.CheckStateRole) == Qt.Checked
    assert dock.proxy.index(proxy_row, ViolationsModel.NOTE).data() == "临时用地，已批复"

    # export the list shown
    dock.rule_filter.setCurrentIndex(dock.rule_filter.findData("redline_construction"))
    written = dock.export_list(str(tmp_path / "violations.xlsx"))
    rows = list(load_workbook(written)["Violations"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 3 and "临时用地，已批复" in [r[12] for r in rows]

    # save the project, close it, reopen: the list, the note and the layer come back
    project_file = tmp_path / "city.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    assert dock.model.rowCount() == 0
    assert QgsProject.instance().read(str(project_file))
    assert dock.year() == 2024 and dock.farmland_option.isChecked()
    assert dock.model.rowCount() == total
    source, _row = row_of(dock, first["rule"], first["patch_id"])
    assert dock.model.row(source)["note"] == "临时用地，已批复"
    layer = compliance_map.violation_layer(2024)
    assert layer is not None and layer.isValid() and layer.featureCount() == total
    assert dock.select_row(0)


def test_nothing_to_run_is_explained(dock, qgis_iface):
    dock.set_checks([])
    assert dock.run_checks() is None
    project_state.write_role_assignments({})
    dock.set_checks(["redline_construction"])
    assert dock.run_checks() is None
    texts = " ".join(qgis_iface.messageBar().get_messages(Qgis.Warning))
    assert "Choose at least one check" in texts and "DLTB" in texts


def test_cancel_leaves_the_previous_results(dock):
    run_and_wait(dock)
    rows = dock.model.rowCount()
    job = dock.run_checks()
    dock.cancel_job()
    wait_for_job(job, 120000)
    assert not job.finished_ok and job.canceled
    assert dock.run_button.isEnabled()
    assert "cancelled" in dock.status_label.text()
    assert dock.model.rowCount() == rows  # the stored results of the last run stay listed
