"""The Indicators panel end to end on the small demo city: tree, filters, Compute as a task, result and
per-unit tables, provenance, result layers, persistence in the assessment database."""

from pathlib import Path

import pytest
from qgis.core import Qgis, QgsLayerTreeGroup, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from cityhealth_plugin.core.roles.registry import ROLES
from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.qgis_bridge import assessment_db, project_state

from .conftest import wait_for_job

YEAR = 2024
CODES = ["A-11", "A-14", "C-04"]


@pytest.fixture(scope="session")
def demo_city_gpkg(qgis_app, tmp_path_factory):
    from cityhealth_plugin.core.demo.city import generate_demo_city

    path = tmp_path_factory.mktemp("indicators_demo") / "democity_small.gpkg"
    generate_demo_city(scale="small", seed=2024, out=path)
    return path


@pytest.fixture
def demo_project(qgis_new_project, demo_city_gpkg, tmp_path):
    """The demo layers in the project, assigned to their roles; output folder in tmp."""
    tables = {name.lower(): name for name, *_ in gpkg.list_layers(demo_city_gpkg)}
    layers = {}
    for role in ROLES:
        table = tables.get(role.standard_name.lower())
        if table is None:
            continue
        layer = QgsVectorLayer(f"{demo_city_gpkg}|layername={table}", table, "ogr")
        assert layer.isValid(), table
        layers[role.id] = layer
    QgsProject.instance().addMapLayers(list(layers.values()))
    project_state.write_role_assignments({role_id: layer.id() for role_id, layer in layers.items()})
    project_state.write_output_dir(str(tmp_path / "out"))
    return layers


@pytest.fixture
def dock(qgis_iface, demo_project, cityhealth_algorithms):
    from cityhealth_plugin.gui.indicators_dock import IndicatorsDock

    qgis_iface.messageBar().clear_messages()
    widget = IndicatorsDock(qgis_iface, qgis_iface.mainWindow())
    widget.year_spin.setValue(YEAR)
    yield widget
    if widget.job is not None:
        widget.cancel_job()
        wait_for_job(widget.job)
    widget.shutdown()
    widget.setParent(None)
    widget.deleteLater()


def results_group():
    root = QgsProject.instance().layerTreeRoot()
    return next((g for g in root.children() if isinstance(g, QgsLayerTreeGroup) and g.name() == "CityHealth results"),
                None)


def compute(dock, codes):
    dock.tree.set_checked(codes, exclusive=True)
    job = dock.compute()
    assert job is not None
    assert dock.progress_row.isVisibleTo(dock) and not dock.compute_button.isEnabled()
    wait_for_job(job, timeout_ms=120000)
    assert job.finished_ok, job.error_text()
    assert dock.compute_button.isEnabled()
    return job


def test_tree_is_built_from_the_catalog(dock):
    assert dock.objectName() == "CityHealthIndicatorsDock"
    tree = dock.tree
    assert len(tree.codes()) == len(dock.catalog) == 122
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == [
        "Safety (安全)", "Innovation (创新)", "Coordination (协调)", "Green (绿色)", "Openness (开放)", "Sharing (共享)"]
    safety = tree.topLevelItem(0)
    assert safety.child(0).text(0) == "Water security"
    item = tree.item("A-11")
    assert (item.text(0), item.text(1), item.text(2), item.text(3)) == (
        "Cultivated land retained", "A-11", "万亩", "Land-use area")


def test_filters_search_tier_and_computable(dock):
    tree = dock.tree
    dock.search.setText("耕地")
    visible = [code for code in tree.codes() if not tree.item(code).isHidden()]
    assert "A-11" in visible and "C-04" not in visible
    dock.search.setText("")
    dock.tier_combo.setCurrentIndex(dock.tier_combo.findData("基本"))
    assert all(tree.item(code).isHidden() for code in tree.codes())  # no tier is confirmed in the shipped catalog
    dock.tier_combo.setCurrentIndex(dock.tier_combo.findData("unknown"))
    assert not any(tree.item(code).isHidden() for code in tree.codes())
    dock.tier_combo.setCurrentIndex(0)
    dock.computable_check.setChecked(True)
    visible = {code for code in tree.codes() if not tree.item(code).isHidden()}
    assert {"A-11", "A-14", "C-04", "B-05", "F-11"} <= visible
    assert {"A-19", "F-10"} <= visible  # walk_coverage (network engine) is installed
    assert "C-01" not in visible  # statistic, not spatial
    checked = tree.check_computable()
    assert set(checked) == visible and set(tree.checked_codes()) == visible


def test_computable_follows_the_role_assignments(dock, demo_project):
    assert "A-13" in dock.tree.computable_codes()
    project_state.write_role_assignment("eco_redline", None)
    dock.refresh_availability()
    assert "A-13" not in dock.tree.computable_codes()
    assert "Ecological protection red line" in dock.tree.item("A-13").toolTip(0)


def test_compute_fills_the_tables_and_the_database(dock, tmp_path):
    job = compute(dock, CODES)
    assert job.result["COMPUTED"] == 3
    table = dock.result_table
    assert table.codes() == CODES
    assert table.column_texts(table.COL_STATUS) == ["Computed"] * 3
    assert all(text for text in table.column_texts(table.COL_VALUE))
    assert table.column_texts(table.COL_UNIT) == ["万亩", "km²", "km²"]
    db = Path(dock.db_path())
    assert db == tmp_path / "out" / "cityhealth_assessment.gpkg" and db.is_file()
    assert assessment_db.saved_db_path() == str(db)  # the database stays with the project

    table.select_code("C-04")
    assert dock.unit_table.rowCount() == 3
    assert set(dock.unit_table.column_texts(1)) == {"思明区", "湖里区", "集美区"}
    dock.subdistrict_radio.setChecked(True)
    assert dock.unit_table.rowCount() == 21
    total = sum(float(t.replace(",", "")) for t in dock.unit_table.column_texts(2))
    city = dock.results["C-04"].value
    assert total == pytest.approx(city, rel=0.01)


def test_provenance_dialog_and_result_layers(dock):
    compute(dock, CODES)
    dialog = dock.show_provenance("A-14", show=False)
    text = dialog.browser.toPlainText()
    for expected in ("A-14", "Inputs", "STBHHX", "DLTB", "TBDLMJ", "Working CRS", "EPSG:4548", "Plugin version",
                     "overlay_area", "Computed at"):
        assert expected in text, expected
    hashes = [item["hash"] for item in dock.results["A-14"].provenance["inputs"]]
    assert all(h[:12] in text for h in hashes)
    assert '"code": "A-14"' in dialog.copy_json()
    dialog.close()

    row = dock.result_table.row_of("A-14")
    dock.result_table.cellDoubleClicked.emit(row, 0)  # what a double-click does
    assert dock.dialogs and dock.dialogs[-1].isVisible()
    group = results_group()
    assert group is not None
    layers = [node.layer() for node in group.findLayers()]
    assert len(layers) == 1 and layers[0].featureCount() > 0 and layers[0].name().startswith("A-14")
    dock.open_result("A-14")  # again: replaced, not piled up
    assert len(results_group().findLayers()) == 1
    # recomputing keeps one layer per result, re-read from the rewritten table
    compute(dock, ["A-14"])
    layers = [node.layer() for node in results_group().findLayers()]
    assert len(layers) == 1 and layers[0].isValid() and layers[0].featureCount() > 0


def test_missing_input_shows_its_message_not_zero(dock):
    project_state.write_role_assignment("eco_redline", None)
    compute(dock, ["A-13", "A-11"])
    table = dock.result_table
    row = table.row_of("A-13")
    assert table.item(row, table.COL_STATUS).text() == "Missing input"
    assert table.item(row, table.COL_VALUE).text() == ""
    assert "eco_redline" in table.item(row, table.COL_MESSAGE).text()
    table.select_code("A-13")
    assert dock.unit_table.rowCount() == 0 and "no values" in dock.units_label.text()


def test_results_come_back_when_the_project_is_reopened(dock, tmp_path):
    compute(dock, CODES)
    values = {code: dock.results[code].value for code in CODES}
    project_file = tmp_path / "city.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    assert dock.result_table.rowCount() == 0
    assert QgsProject.instance().read(str(project_file))
    assert dock.result_table.codes() == CODES
    assert {code: dock.results[code].value for code in CODES} == values
    assert dock.year_spin.value() == YEAR


def test_cancel_stops_the_task(dock):
    dock.tree.set_checked(dock.tree.computable_codes(), exclusive=True)
    job = dock.compute()
    dock.cancel_job()
    wait_for_job(job, timeout_ms=120000)
    assert not job.finished_ok and job.canceled
    assert dock.compute_button.isEnabled()


def test_nothing_ticked_is_a_message(dock, qgis_iface):
    dock.tree.clear_checks()
    assert dock.compute() is None
    assert dock.job is None


def test_dock_is_registered_in_the_plugin():
    from cityhealth_plugin.gui.indicators_dock import IndicatorsDock
    from cityhealth_plugin.plugin import dock_classes

    assert IndicatorsDock in dock_classes()
    assert IndicatorsDock.DOCK_ID == "CityHealthIndicatorsDock"


def test_chinese_names_when_the_ui_is_chinese(dock, monkeypatch):
    dock.language = "zh"
    dock.tree.set_catalog(dock.catalog, "zh")
    assert dock.tree.item("A-11").text(0) == "耕地保有量"
    assert Qt.Checked not in [dock.tree.item(c).checkState(0) for c in dock.tree.codes()]


def test_targets_from_the_city_catalog_are_judged(dock, tmp_path):
    city = tmp_path / "city_targets.csv"
    city.write_text("code,target,target_year\nA-11,≥5,2035\nC-04,≤150,2035\nA-14,0,2035\n", encoding="utf-8")
    dock.set_catalog_overrides([str(city)])
    assert assessment_db.catalog_overrides() == [str(city)]
    compute(dock, CODES)
    table = dock.result_table
    assert not table.isColumnHidden(table.COL_TARGET)
    status = dict(zip(table.codes(), table.column_texts(table.COL_TARGET_STATUS)))
    assert status["A-11"] == "Met"  # 6.78 万亩 ≥ 5
    assert status["C-04"] == "Not met"  # 208 km² is 39 % above 150


def test_bad_city_catalog_is_reported_and_the_shipped_one_used(dock, tmp_path, qgis_iface):
    bad = tmp_path / "bad.csv"
    bad.write_text("code,tier\nA-11,sometimes\n", encoding="utf-8")
    dock.set_catalog_overrides([str(bad)])
    assert len(dock.catalog) == 122
    texts = [str(m) for m in qgis_iface.messageBar().get_messages(Qgis.Critical)]
    assert any("bad.csv:2" in t and "sometimes" in t for t in texts), texts


def test_target_parsing():
    from cityhealth_plugin.gui.result_tables import parse_target, target_status

    assert parse_target("20~30", "interval")["lower"] == 20 and parse_target("20~30", "interval")["upper"] == 30
    assert parse_target("≤5", "constraint")["direction"] == "constraint_max"
    assert parse_target("", "positive") is None and parse_target("见备注", "positive") is None
    assert target_status("≥95", "positive", 96.0)[0] == "met"
    assert target_status("≥95", "positive", 50.0)[0] == "not_met"
    assert target_status("≤5", "constraint", 7.0)[0] == "not_met"
    assert target_status("20~30", "interval", 25.0)[0] == "met"
    assert target_status("180", "positive", None)[0] == "not_assessed"


def test_value_format():
    from cityhealth_plugin.gui.result_tables import format_value

    assert [format_value(v) for v in (None, float("nan"), 302.0, 6.777, 0.17536, 103.42, 15080.4, 0.0)] == [
        "", "", "302", "6.78", "0.1754", "103.4", "15,080", "0.00"]
