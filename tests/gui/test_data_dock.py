"""The Data panel end to end: recognition, combos, project save/restore, the check as a task, fixes."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from qgis.core import Qgis, QgsCategorizedSymbolRenderer, QgsLayerTreeGroup, QgsProject, QgsVectorLayer, QgsWkbTypes

from cityhealth_plugin.core.roles.registry import ROLES, ROLES_BY_ID
from cityhealth_plugin.gui.role_status import RoleStatus
from cityhealth_plugin.qgis_bridge import project_state

from .conftest import BOWTIE, DLTB_FIELDS, dltb_rows, memory_layer, wait_for_job


def combo_layer_names(combo):
    return {combo.layer(i).name() for i in range(combo.count()) if combo.layer(i) is not None}


def test_dock_lists_every_role_grouped_with_empty_choice(data_dock):
    assert data_dock.objectName() == "CityHealthDataDock"
    assert set(data_dock.roles.role_ids()) == {r.id for r in ROLES}
    groups = [data_dock.roles.topLevelItem(i).text(0) for i in range(data_dock.roles.topLevelItemCount())]
    assert groups == ["Administrative units", "Land use", "Control lines", "Roads, buildings, population",
                      "Facilities and parks"]
    assert data_dock.roles.combo("dltb").allowEmptyLayer()
    assert data_dock.role_status("dltb") == RoleStatus.MISSING_MANDATORY
    assert data_dock.role_status("roads") == RoleStatus.MISSING_OPTIONAL


def test_recognition_assigns_the_demo_layers(data_dock, demo_layers):
    found = data_dock.recognise_roles()
    for role in ROLES:
        if role.standard_name in demo_layers:
            assert data_dock.roles.layer(role.id) is demo_layers[role.standard_name], role.id
    assert found["dltb"] is demo_layers["DLTB"]
    assert data_dock.role_status("dltb") == RoleStatus.OK
    assert data_dock.roles.combo("dltb").currentText() == "DLTB"
    # saved in the project as soon as assigned
    assert project_state.read_role_assignments()["roads"] == demo_layers["DL"].id()
    assert "roles assigned" in data_dock.ui.summaryLabel.text()


def test_combos_offer_only_layers_of_the_role_geometry(data_dock, demo_layers):
    roads = combo_layer_names(data_dock.roles.combo("roads"))
    assert roads == {"DL"}
    schools = combo_layer_names(data_dock.roles.combo("fac_primary_school"))
    assert "SS_XX" in schools and "DLTB" not in schools and "DL" not in schools
    population = combo_layer_names(data_dock.roles.combo("population"))
    assert {"RK", "SS_XX", "DLTB"} <= population and "DL" not in population


def test_assignment_survives_saving_and_reopening_the_project(data_dock, demo_layers, tmp_path):
    data_dock.recognise_roles()
    # the user picks the base-year patches as the current DLTB
    data_dock.roles.combo("dltb").setLayer(demo_layers["DLTB_2020"])
    assert project_state.read_role_assignments()["dltb"] == demo_layers["DLTB_2020"].id()
    project_file = tmp_path / "city.qgz"
    assert QgsProject.instance().write(str(project_file))

    QgsProject.instance().clear()
    assert data_dock.roles.layer("dltb") is None
    assert data_dock.roles.assignments() == {}

    assert QgsProject.instance().read(str(project_file))
    restored = data_dock.roles.layer("dltb")
    assert restored is not None and restored.name() == "DLTB_2020"
    assert data_dock.roles.layer("roads").name() == "DL"
    assert data_dock.roles.layer("admin_district").name() == "XZQ"
    assert not QgsProject.instance().isDirty()


def test_removing_a_layer_unassigns_its_role(data_dock, demo_layers):
    data_dock.recognise_roles()
    QgsProject.instance().removeMapLayer(demo_layers["DL"].id())
    assert data_dock.roles.layer("roads") is None
    assert "roads" not in project_state.read_role_assignments()


@pytest.fixture
def bad_dltb(data_dock, demo_layers):
    """DLTB replaced by a layer whose first patch is a self-intersecting bow-tie."""
    data_dock.recognise_roles()
    bad = memory_layer("DLTB_bad", "Polygon", DLTB_FIELDS, dltb_rows(geometry=lambda x, y: BOWTIE))
    QgsProject.instance().addMapLayer(bad)
    data_dock.roles.combo("dltb").setLayer(bad)
    return bad


def test_check_runs_as_a_task_and_lists_the_bad_layer(data_dock, bad_dltb):
    job = data_dock.run_check()
    assert job is not None and data_dock.ui.progressRow.isVisibleTo(data_dock)
    assert not data_dock.ui.checkButton.isEnabled()
    wait_for_job(job)
    assert job.finished_ok, job.error_text()
    assert data_dock.ui.checkButton.isEnabled()
    findings = data_dock.findings.findings()
    assert data_dock.findings.model().rowCount() == len(findings) > 0
    invalid = [f for f in findings if f.layer_id == bad_dltb.id() and f.action == "repair"]
    assert invalid, [(f.layer, f.rule, f.action) for f in findings]
    assert invalid[0].fids == (1,)  # memory layer ids start at 1
    assert data_dock.role_status("dltb") == RoleStatus.PROBLEMS
    assert data_dock.ui.exportButton.isEnabled()

    row = findings.index(invalid[0])
    assert data_dock.findings.action_button(row) is not None
    data_dock.findings.click_row(row)
    assert sorted(bad_dltb.selectedFeatureIds()) == [1]
    assert data_dock.ui.detailsLabel.isVisibleTo(data_dock)
    assert "How to fix" in data_dock.ui.detailsLabel.text()


def test_repair_writes_a_new_layer_and_reassigns_the_role(data_dock, bad_dltb, tmp_path):
    wait_for_job(data_dock.run_check())
    finding = next(f for f in data_dock.findings.findings() if f.layer_id == bad_dltb.id() and f.action == "repair")
    job = data_dock.apply_fix(finding)
    wait_for_job(job)
    assert job.finished_ok, job.error_text()
    repaired = data_dock.roles.layer("dltb")
    assert repaired is not bad_dltb and repaired.isValid()
    assert Path(repaired.source().split("|")[0]).parent == tmp_path / "fixed"
    assert repaired.featureCount() == bad_dltb.featureCount()
    assert all(f.geometry().isGeosValid() for f in repaired.getFeatures())
    # the source layer is untouched
    assert not next(bad_dltb.getFeatures()).geometry().isGeosValid()
    assert isinstance(repaired.renderer(), QgsCategorizedSymbolRenderer)


def test_reproject_writes_a_new_layer_in_the_working_crs(data_dock, demo_layers, tmp_path):
    data_dock.recognise_roles()
    geographic = memory_layer("XZQ_4490", "Polygon", [("XZQDM", "text"), ("XZQMC", "text")],
                              [("POLYGON((118 24.4,118.1 24.4,118.1 24.5,118 24.5,118 24.4))", ["350203", "思明区"])],
                              crs="EPSG:4490")
    QgsProject.instance().addMapLayer(geographic)
    data_dock.roles.combo("admin_district").setLayer(geographic)
    wait_for_job(data_dock.run_check())
    finding = next((f for f in data_dock.findings.findings()
                    if f.layer_id == geographic.id() and f.action == "reproject"), None)
    assert finding is not None, [(f.layer, f.rule, f.action) for f in data_dock.findings.findings()]
    job = data_dock.apply_fix(finding)
    wait_for_job(job)
    assert job.finished_ok, job.error_text()
    new_layer = data_dock.roles.layer("admin_district")
    assert new_layer.crs().authid() == "EPSG:4548"
    assert geographic.crs().authid() == "EPSG:4490"
    assert new_layer.extent().xMinimum() > 100000  # metres, not degrees


def test_findings_export_to_excel(data_dock, bad_dltb, tmp_path):
    wait_for_job(data_dock.run_check())
    written = data_dock.export_findings(str(tmp_path / "findings.xlsx"))
    sheet = load_workbook(written).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r and r[0] == "Severity"))
    assert len(rows) - header - 1 == len(data_dock.findings.findings())
    assert any(r[1] == "DLTB_bad" for r in rows[header + 1:])


def test_open_data_package_groups_styles_and_assigns(data_dock, demo_gpkg):
    layers = data_dock.open_package(str(demo_gpkg))
    assert len(layers) == 26
    root = QgsProject.instance().layerTreeRoot()
    group = root.children()[0]
    assert isinstance(group, QgsLayerTreeGroup) and group.name() == "CityHealth data"
    assert [g.name() for g in group.children()] == [
        "Facilities and parks", "Roads, buildings, population", "Administrative units", "Control lines", "Land use"]
    dltb = data_dock.roles.layer("dltb")
    assert dltb is not None and dltb.name() == "DLTB"
    assert isinstance(dltb.renderer(), QgsCategorizedSymbolRenderer)
    assert dltb.renderer().classAttribute() == "DLBM"
    assert data_dock.roles.layer("fac_hospital").name() == "SS_YY"
    base_node = root.findLayer(data_dock.roles.layer("dltb_base").id())
    assert not base_node.itemVisibilityChecked()  # would hide the current DLTB
    assert qgis_messages(data_dock, Qgis.Success)


def test_open_bad_package_gives_a_message_not_a_traceback(data_dock, tmp_path):
    assert data_dock.open_package(str(tmp_path / "missing.gpkg")) == []
    critical = qgis_messages(data_dock, Qgis.Critical)
    assert critical and "Traceback" not in critical[-1]


def test_exception_in_a_task_becomes_a_readable_message(data_dock):
    from cityhealth_plugin.gui import messages
    from cityhealth_plugin.gui.tasks import run_function

    def fails(task):
        raise ValueError("DLTB has no field DLBM")

    job = wait_for_job(run_function("failing job", fails,
                                    on_done=lambda j: messages.report_exception(data_dock.iface, j.error,
                                                                                "Job failed", j.trace)))
    assert job.finished_ok is False and isinstance(job.error, ValueError)
    critical = qgis_messages(data_dock, Qgis.Critical)
    assert "DLTB has no field DLBM" in critical[-1] and "Traceback" not in critical[-1]


def test_cancel_stops_the_job(data_dock):
    import threading

    from cityhealth_plugin.gui.tasks import run_function

    started = threading.Event()

    def slow(task):
        started.set()
        while not task.isCanceled():
            threading.Event().wait(0.01)
        return None

    job = run_function("slow job", slow)
    started.wait(10)
    job.cancel()
    wait_for_job(job)
    assert job.finished_ok is False and job.canceled


def qgis_messages(dock, level):
    return dock.iface.messageBar().get_messages(level)


def test_role_geometry_mismatch_shows_a_problem(data_dock, demo_layers):
    # a point layer offered for a point-or-polygon role is fine; a role's required field missing is not
    data_dock.roles.set_layer("population", demo_layers["SS_XX"])
    assert data_dock.role_status("population") == RoleStatus.PROBLEMS
    assert "RKS" in data_dock.roles._items["population"].toolTip(0)
    assert ROLES_BY_ID["population"].geometry == "point_or_polygon"
    assert demo_layers["SS_XX"].geometryType() == QgsWkbTypes.PointGeometry
    assert isinstance(demo_layers["SS_XX"], QgsVectorLayer)


def test_open_demo_city_generates_in_the_background_then_opens(data_dock, demo_gpkg, tmp_path, monkeypatch):
    """The generator (core.demo.city) runs as a task; the panel then opens what it wrote."""
    import shutil
    import sys
    import types

    calls = []

    def generate_demo_city(scale, seed, out, dirty=False):
        calls.append((scale, seed, str(out), dirty))
        shutil.copy(demo_gpkg, out)
        return {"DLTB": 4}

    fake = types.ModuleType("cityhealth_plugin.core.demo.city")
    fake.generate_demo_city = generate_demo_city
    monkeypatch.setitem(sys.modules, "cityhealth_plugin.core.demo.city", fake)
    folder = tmp_path / "demo"
    folder.mkdir()
    job = data_dock.open_demo_city(str(folder))
    assert job is not None and not data_dock.ui.openDemoButton.isEnabled()
    wait_for_job(job)
    assert job.finished_ok, job.error_text()
    assert calls == [("small", 2024, str(folder / "democity_small.gpkg"), False)]
    assert data_dock.roles.layer("dltb").name() == "DLTB"
    assert data_dock.ui.openDemoButton.isEnabled()
    # a second click opens the existing file without generating again
    assert data_dock.open_demo_city(str(folder)) is None and len(calls) == 1


def test_failing_demo_generator_gives_a_message(data_dock, tmp_path, monkeypatch):
    import sys
    import types

    fake = types.ModuleType("cityhealth_plugin.core.demo.city")

    def generate_demo_city(**_kwargs):
        raise OSError("disk full")

    fake.generate_demo_city = generate_demo_city
    monkeypatch.setitem(sys.modules, "cityhealth_plugin.core.demo.city", fake)
    wait_for_job(data_dock.open_demo_city(str(tmp_path)))
    critical = qgis_messages(data_dock, Qgis.Critical)
    assert critical and "disk full" in critical[-1] and "Traceback" not in critical[-1]


def test_open_package_dialog_returns_the_chosen_source(qgis_iface, demo_gpkg):
    from cityhealth_plugin.gui.open_package_dialog import OpenPackageDialog
    from cityhealth_plugin.gui.settings import Settings

    dialog = OpenPackageDialog()
    dialog.gpkg_radio.setChecked(True)
    dialog.gpkg_widget.setFilePath(str(demo_gpkg))
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.Accepted
    assert dialog.source() == str(demo_gpkg) and dialog.kind() == "gpkg"
    assert Settings().last_package_dir == str(demo_gpkg)
    empty = OpenPackageDialog()
    empty.folder_radio.setChecked(True)
    empty.folder_widget.setFilePath("")
    empty.buttons.accepted.emit()
    assert empty.result() != empty.Accepted and empty.error_label.text()


def test_assign_role_action_points_at_the_role(data_dock):
    from cityhealth_plugin.gui.findings_model import Finding

    data_dock.apply_fix(Finding("error", role="admin_district", action="assign_role"))
    assert data_dock.roles.currentItem() is data_dock.roles._items["admin_district"]
    data_dock.roles.combo("admin_district").hidePopup()


def test_set_encoding_action_changes_only_how_the_layer_is_read(data_dock, tmp_path, monkeypatch):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    from cityhealth_plugin.gui import finding_actions
    from cityhealth_plugin.gui.findings_model import Finding

    from .conftest import box

    memory = memory_layer("JD", "Polygon", [("JDDM", "text"), ("JDMC", "text")], [(box(0, 0), ["1", "鹭江街道"])])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    options.fileEncoding = "UTF-8"
    path = str(tmp_path / "JD.shp")
    assert QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, QgsCoordinateTransformContext(), options)[0] == 0
    (tmp_path / "JD.cpg").unlink()
    layer = QgsVectorLayer(path, "JD", "ogr")
    QgsProject.instance().addMapLayer(layer)
    before = (tmp_path / "JD.dbf").read_bytes()
    offered = []

    def get_item(parent, title, label, items, current, editable):
        offered.extend(items)
        return "GBK", True

    monkeypatch.setattr(finding_actions.QInputDialog, "getItem", staticmethod(get_item))
    data_dock.apply_fix(Finding("warning", layer="JD", layer_id=layer.id(), role="admin_subdistrict",
                                action="set_encoding"))
    assert "GBK" in offered and "UTF-8" in offered
    assert layer.dataProvider().encoding() == "GBK"
    assert (tmp_path / "JD.dbf").read_bytes() == before  # nothing written


def test_open_demo_city_with_the_real_generator(data_dock, tmp_path):
    job = data_dock.open_demo_city(str(tmp_path))
    wait_for_job(job, timeout_ms=180000)
    assert job.finished_ok, job.error_text()
    assert (tmp_path / "democity_small.gpkg").exists()
    for role in ROLES:
        if role.id != "planned_landuse":  # the demo city has no planned land use
            assert data_dock.roles.layer(role.id) is not None, role.id
    assert data_dock.roles.layer("dltb").name() == "DLTB"
    assert data_dock.role_status("dltb") == RoleStatus.OK
