"""The Forms panel on a temporary assessment GeoPackage: pick, fill, save, range check, unsaved-edit
questions, conflicts, undo, audit trail, filters, the Excel round trip and the cross-check table."""

import pandas as pd
import pytest
from openpyxl import load_workbook
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QApplication, QMessageBox

from cityhealth_plugin.core.catalog import load_catalog
from cityhealth_plugin.core.demo.department_values import department_values
from cityhealth_plugin.core.store.database import open_store
from cityhealth_plugin.qgis_bridge import assessment_db

from .conftest import wait_for_job

YEAR = 2024
FILLED_2024 = ["A-04", "A-08", "E-13"]  # already reported for 2024 in the fixture


@pytest.fixture
def assessment_gpkg(tmp_path):
    """ensure_year with the shipped catalog; the demo department values of 2020 and 2023, three of
    2024; C-03 computed (100 km²) with a department figure 7 % above it."""
    path = tmp_path / "assessment.gpkg"
    catalog = load_catalog()
    store = open_store(path, user="市资源规划局")
    store.ensure_year(catalog, YEAR)
    values = department_values(catalog)
    store.import_statistics(values[values["year"] < YEAR])
    store.import_statistics(values[(values["year"] == YEAR) & values["code"].isin(FILLED_2024)])
    store.write_engine_results(pd.DataFrame([{
        "code": "C-03", "year": YEAR, "unit_type": "city", "unit_code": "city", "value": 100.0, "unit": "km²",
        "source_type": "spatial", "status": "ok", "computed_at": "2025-01-01T00:00:00Z"}]))
    store.put_values(pd.DataFrame([{"code": "C-03", "year": YEAR, "value": 107.0, "unit": "km²",
                                    "source_type": "statistic", "status": "submitted"}]), by="市资源规划局")
    store.close()
    return path


class Answers:
    """QMessageBox.question patched: answers in order, questions recorded; an unexpected question fails."""

    def __init__(self):
        self.queue, self.asked = [], []

    def __call__(self, _parent, title, text, *_args, **_kwargs):
        self.asked.append(f"{title}: {text}")
        assert self.queue, f"unexpected question: {title}: {text}"
        return self.queue.pop(0)


@pytest.fixture
def answers(monkeypatch):
    box = Answers()
    monkeypatch.setattr(QMessageBox, "question", box)
    return box


@pytest.fixture
def dock(qgis_iface, qgis_new_project, cityhealth_algorithms, assessment_gpkg, answers, monkeypatch):
    from cityhealth_plugin.gui.forms_dock import FormsDock, FormsSettings

    FormsSettings().reset()
    FormsSettings().user_name = "市水利局 张三"
    qgis_iface.messageBar().clear_messages()
    assessment_db.write_db_path(str(assessment_gpkg))
    widget = FormsDock(qgis_iface, qgis_iface.mainWindow())
    opened = []
    monkeypatch.setattr(widget, "open_path", lambda path: opened.append(path) or True)
    widget.opened = opened
    job = widget.restore_from_project()
    assert job is not None
    wait_for_job(job)
    assert job.finished_ok, job.error_text()
    assert widget.year == YEAR and widget.store is not None
    yield widget
    if widget.job is not None:
        wait_for_job(widget.job)
    widget.form_widget.revert()
    widget.shutdown()
    widget.setParent(None)
    widget.deleteLater()
    FormsSettings().reset()


def stored(path, code, year=YEAR):
    store = open_store(path)
    try:
        return store.form(code, year)
    finally:
        store.close()


def fill(dock, value="6.61", achievements="用水总量控制在年度指标以内", shortcomings="本地水资源禀赋不足"):
    form = dock.form_widget
    form.value_edit.setText(value)
    form.achievements_edit.setPlainText(achievements)
    form.shortcomings_edit.setPlainText(shortcomings)


def test_registered_and_built_from_the_catalog(dock):
    from cityhealth_plugin.gui.forms_dock import FormsDock
    from cityhealth_plugin.plugin import dock_classes

    assert FormsDock in dock_classes() and dock.objectName() == "CityHealthFormsDock"
    assert len(dock.tree.codes()) == 122
    assert dock.tree.item("A-01").checkState(0) == 0 and not dock.tree.checked_codes()  # no check boxes
    assert dock.code is not None and dock.form_widget.loaded is not None
    departments = [dock.department_combo.itemData(i) for i in range(dock.department_combo.count())]
    assert "市水利局" in departments and "市统计局" in departments


def test_pick_fill_and_save(dock, assessment_gpkg, tmp_path):
    assert dock.select_code("A-01")
    form = dock.form_widget
    assert form.unit_label.text() == "亿m³" and "0" in form.range_label.text()
    assert form.connotation_view.isReadOnly() and form.connotation_view.toPlainText()
    assert form.department_combo.currentText() == "市水利局"
    history = [[form.history_table.item(r, c).text() for c in range(5)] for r in range(form.history_table.rowCount())]
    assert [row[0] for row in history] == ["2023", "2020"] and history[0][1].startswith("6.55")
    evidence = tmp_path / "水资源公报2024.pdf"
    evidence.write_bytes(b"%PDF-1.4 test")
    fill(dock)
    form.measures_edit.setPlainText("推进再生水利用")
    form.deadline_edit.setDate(form.deadline_edit.date().addDays(-30))
    assert form.add_evidence([str(evidence)])
    assert dock.is_dirty() and dock.save_button.isEnabled() and dock.tabs.tabText(0).endswith("*")
    assert dock.save()
    saved = stored(assessment_gpkg, "A-01")
    assert saved.value == 6.61 and saved.achievements == "用水总量控制在年度指标以内"
    assert saved.shortcomings == "本地水资源禀赋不足" and saved.measures == "推进再生水利用"
    assert saved.updated_by == "市水利局 张三" and saved.version == 2
    assert [e.path for e in saved.evidence] == ["水资源公报2024.pdf"] and len(saved.evidence[0].sha1) == 40
    assert saved.deadline < "2025-05-31"
    assert not dock.is_dirty() and not dock.save_button.isEnabled()
    assert dock.tree.item("A-01").text(5) == "6.61"


def test_out_of_range_value_disables_save(dock):
    dock.select_code("A-04")  # a share in %: 0–100
    form = dock.form_widget
    form.value_edit.setText("120")
    assert not dock.save_button.isEnabled()
    assert "outside the plausible range 0–100" in dock.reason_label.text()
    assert "#ffd9d9" in form.value_edit.styleSheet()
    assert not dock.save()
    form.value_edit.setText("约98")
    assert not dock.save_button.isEnabled() and "not a number" in dock.reason_label.text()
    form.value_edit.setText("98.5 km²")
    assert not dock.save_button.isEnabled() and "Enter only the number" in dock.reason_label.text()
    form.value_edit.setText("98.5 %")
    assert dock.save_button.isEnabled() and form.value_edit.styleSheet() == ""
    form.value_edit.setText("98.5")
    assert dock.save_button.isEnabled()


def test_switching_with_unsaved_edits_asks(dock, answers, assessment_gpkg):
    dock.select_code("A-01")
    fill(dock, achievements="第一版")
    answers.queue.append(QMessageBox.Cancel)
    dock.tree.setCurrentItem(dock.tree.item("A-02"))
    assert len(answers.asked) == 1 and "unsaved edits" in answers.asked[0]
    assert dock.code == "A-01" and dock.current_item_code() == "A-01"
    assert dock.form_widget.achievements_edit.toPlainText() == "第一版" and dock.is_dirty()

    answers.queue.append(QMessageBox.Discard)
    dock.tree.setCurrentItem(dock.tree.item("A-02"))
    assert dock.code == "A-02" and not dock.is_dirty()
    assert stored(assessment_gpkg, "A-01").achievements == ""

    fill(dock, value="123.5", achievements="第二版")
    answers.queue.append(QMessageBox.Save)
    dock.tree.setCurrentItem(dock.tree.item("A-01"))
    assert dock.code == "A-01" and len(answers.asked) == 3
    saved = stored(assessment_gpkg, "A-02")
    assert saved.value == 123.5 and saved.achievements == "第二版"


def test_changing_year_with_unsaved_edits_asks(dock, answers):
    dock.select_code("A-01")
    fill(dock, achievements="未保存")
    answers.queue.append(QMessageBox.Cancel)
    assert dock.open_year(2023) is None
    assert dock.year == YEAR and dock.year_spin.value() == YEAR
    assert dock.form_widget.achievements_edit.toPlainText() == "未保存"


def test_closing_the_dock_or_the_project_asks(dock, answers, assessment_gpkg):
    dock.show()
    dock.select_code("A-01")
    fill(dock, achievements="关闭前")
    answers.queue.append(QMessageBox.Cancel)
    assert not dock.close()
    assert not dock.isHidden() and dock.form_widget.achievements_edit.toPlainText() == "关闭前"
    answers.queue.append(QMessageBox.Save)
    assert dock.close()
    assert stored(assessment_gpkg, "A-01").achievements == "关闭前"

    fill(dock, achievements="项目关闭前")
    answers.queue.append(QMessageBox.Save)
    QgsProject.instance().clear()
    assert len(answers.asked) == 3 and "project was closed" in answers.asked[-1]
    assert stored(assessment_gpkg, "A-01").achievements == "项目关闭前"
    assert dock.store is None and dock.form_widget.loaded is None  # reset after the project closed


def test_project_cleared_cancel_keeps_the_form(dock, answers, assessment_gpkg):
    dock.select_code("A-01")
    fill(dock, achievements="留在面板")
    answers.queue.append(QMessageBox.Cancel)
    QgsProject.instance().clear()
    assert dock.store is not None and dock.form_widget.achievements_edit.toPlainText() == "留在面板"
    assert "previous project" in dock.info_label.text()
    assert dock.save()  # still saves into the database it came from
    assert stored(assessment_gpkg, "A-01").achievements == "留在面板"


def test_qgis_closing_asks(dock, answers, qgis_iface):
    from qgis.PyQt.QtGui import QCloseEvent

    dock.select_code("A-01")
    fill(dock, achievements="QGIS 关闭前")
    answers.queue.append(QMessageBox.Cancel)
    event = QCloseEvent()
    assert dock.eventFilter(qgis_iface.mainWindow(), event) is True and not event.isAccepted()
    assert dock.is_dirty()


def test_conflict_keeps_the_users_text(dock, assessment_gpkg, monkeypatch):
    from cityhealth_plugin.gui.form_dialogs import ConflictDialog

    dock.select_code("A-01")
    fill(dock, value="6.61", achievements="", shortcomings="我的短板分析")
    other = open_store(assessment_gpkg, user="alice")
    theirs = other.form("A-01", YEAR)
    theirs.achievements = "别人先保存的成效"
    other.save_form(theirs)
    other.close()

    seen = []
    monkeypatch.setattr(ConflictDialog, "exec_", lambda self: seen.append(self) or 0)  # Cancel
    assert not dock.save()
    assert "changed by alice" in dock.last_conflict and "changed by alice" in dock.reason_label.text()
    dialog = seen[0]
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["Shortcomings and causes (短板及成因) *"] == ("我的短板分析", "")
    assert rows["Achievements (取得成效)"] == ("", "别人先保存的成效")
    assert rows["Value *"] == ("6.61", "")
    assert "我的短板分析" in dialog.copy_mine() and "我的短板分析" in QApplication.clipboard().text()
    assert dock.form_widget.shortcomings_edit.toPlainText() == "我的短板分析" and dock.is_dirty()
    assert stored(assessment_gpkg, "A-01").shortcomings == ""  # nothing written

    monkeypatch.setattr(ConflictDialog, "exec_", lambda self: ConflictDialog.KEEP)
    assert not dock.save()  # still stale: the dialog again, now reload keeping the edits
    form = dock.form_widget
    assert form.shortcomings_edit.toPlainText() == "我的短板分析"
    assert form.achievements_edit.toPlainText() == "别人先保存的成效"  # theirs, where I had not edited
    assert set(form.edited_fields()) == {"value", "shortcomings"}
    assert dock.save()
    saved = stored(assessment_gpkg, "A-01")
    assert (saved.value, saved.shortcomings, saved.achievements) == (6.61, "我的短板分析", "别人先保存的成效")


def test_undo_last_save_and_audit_trail(dock, answers, assessment_gpkg):
    dock.select_code("A-02")
    dock.form_widget.value_edit.setText("120")
    assert dock.save()
    dock.form_widget.value_edit.setText("125.5")
    dock.form_widget.measures_edit.setPlainText("节水改造")
    assert dock.save() and stored(assessment_gpkg, "A-02").value == 125.5

    audit = [dock.audit_table.row_texts(r) for r in range(dock.audit_table.rowCount())]
    assert ["市水利局 张三", "Form saved", "Value", "120", "125.5"] == audit[0][1:] or \
        any(row[1:] == ["市水利局 张三", "Form saved", "Value", "120", "125.5"] for row in audit)
    assert any(row[3] == "Measures and suggestions (提升措施及建议)" and row[5] == "节水改造" for row in audit)
    assert dock.tabs.tabText(1).startswith("Audit trail (")
    assert dock.undo_button.isEnabled()

    answers.queue.append(QMessageBox.Yes)
    assert dock.undo_last_save()
    assert "市水利局 张三" in answers.asked[-1]
    assert stored(assessment_gpkg, "A-02").value == 120 and dock.form_widget.value_edit.text() == "120"
    assert dock.form_widget.measures_edit.toPlainText() == ""
    audit = [dock.audit_table.row_texts(r) for r in range(dock.audit_table.rowCount())]
    assert audit[0][2] == "Undo" and any(row[3] == "Value" and row[4:] == ["125.5", "120"] for row in audit)


def test_filters_unfilled_department_kind(dock):
    visible = set(dock.visible_codes())
    assert {"A-01", "A-04", "C-03"} <= visible
    dock.unfilled_check.setChecked(True)
    visible = set(dock.visible_codes())
    assert "A-01" in visible and not visible & set(FILLED_2024)
    assert "C-03" not in visible and "A-11" not in visible  # spatial: never 'unfilled'
    dock.select_code("A-01")
    fill(dock)
    assert dock.save()
    assert "A-01" not in dock.visible_codes()
    dock.unfilled_check.setChecked(False)
    dock.department_combo.setCurrentIndex(dock.department_combo.findData("市水利局"))
    assert set(dock.visible_codes()) == {"A-01", "A-02", "A-04", "A-05", "A-08", "A-26", "C-16"}
    dock.department_combo.setCurrentIndex(0)
    dock.kind_combo.setCurrentIndex(dock.kind_combo.findData("spatial"))
    assert "C-03" in dock.visible_codes() and "A-01" not in dock.visible_codes()
    dock.kind_combo.setCurrentIndex(0)
    dock.search.setText("用水")
    assert set(dock.visible_codes()) >= {"A-01", "A-02"} and "C-03" not in dock.visible_codes()


def test_computed_value_and_cross_check_flag(dock):
    dock.select_code("C-03")
    form = dock.form_widget
    assert form.cross_check_flagged() and "+7.0 %" in form.cross_label.text()
    assert "Computed from spatial data: 100 km²" in form.cross_label.text()
    form.value_edit.setText("103")
    assert not form.cross_check_flagged() and "+3.0 %" in form.cross_label.text()
    form.revert()
    dialog = dock.show_cross_check()
    assert dialog.codes() == ["C-03"] and dialog.flagged_codes() == ["C-03"]
    dock.select_code("A-01")
    dialog._activated(0, 0)
    assert dock.code == "C-03"
    dialog.close()


def test_workbook_export_import_preview_and_apply(dock, assessment_gpkg, tmp_path):
    out = tmp_path / "workbooks"
    job = dock.export_workbooks(str(out))
    wait_for_job(job, 120000)
    assert job.finished_ok, job.error_text()
    files = sorted(p.name for p in out.glob("*.xlsx"))
    assert len(files) == 22 and any("市水利局" in name for name in files) and any("任务分解表" in n for n in files)
    assert dock.opened == [str(out)]

    workbook = next(out.glob("*市水利局.xlsx"))
    book = load_workbook(workbook)
    sheet = book["指标填报"]
    columns = {str(c.value).split("（")[0]: c.column for c in sheet[2]}
    assert sheet.cell(3, columns["指标编号"]).value == "A-01"
    sheet.cell(3, columns["2024年数值"]).value = 6.61
    sheet.cell(3, columns["取得成效"]).value = "用水总量控制在年度指标以内"
    filled = tmp_path / "filled.xlsx"
    book.save(filled)

    job = dock.import_workbook(str(filled))
    wait_for_job(job, 120000)
    assert job.finished_ok, job.error_text()
    dialog = dock.preview_dialog
    assert dialog is not None and dialog.isVisible()
    changes = dialog.change_rows()
    assert ["A-01", "用水总量"] == changes[0][:2] and len(changes) == 2
    assert any(row[3] == "—" and row[4] == "6.61" for row in changes)
    assert dialog.apply_button.isEnabled() and stored(assessment_gpkg, "A-01").value is None  # dry run

    dialog.apply_button.click()
    job = dock.job
    assert job is not None
    wait_for_job(job, 120000)
    assert job.finished_ok, job.error_text()
    saved = stored(assessment_gpkg, "A-01")
    assert saved.value == 6.61 and saved.achievements == "用水总量控制在年度指标以内"
    assert saved.submitted_by == "市水利局 张三"
    assert "A-01" not in dock.unfilled


def test_a_bad_workbook_shows_the_cell_and_cannot_be_applied(dock, assessment_gpkg, tmp_path):
    out = tmp_path / "workbooks"
    wait_for_job(dock.export_workbooks(str(out)), 120000)
    workbook = next(out.glob("*市水利局.xlsx"))
    book = load_workbook(workbook)
    sheet = book["指标填报"]
    columns = {str(c.value).split("（")[0]: c.column for c in sheet[2]}
    sheet.cell(3, columns["2024年数值"]).value = "约6.6"
    sheet.cell(4, columns["2024年数值"]).value = 123.5
    bad = tmp_path / "bad.xlsx"
    book.save(bad)

    job = dock.import_workbook(str(bad))
    wait_for_job(job, 120000)
    assert job.finished_ok, job.error_text()
    dialog = dock.preview_dialog
    problems = dialog.problem_rows()
    assert problems and problems[0][0] == "error" and problems[0][1] == "指标填报!H3" and problems[0][2] == "A-01"
    assert "约6.6" in problems[0][4]
    assert not dialog.apply_button.isEnabled() and "1 errors" in dialog.status_label.text()
    dialog.apply_button.click()  # disabled: nothing happens
    assert dock.job is None and stored(assessment_gpkg, "A-02").value is None
    dialog.close()


def test_postgresql_connection_from_the_settings(dock, postgis_server, answers):
    """The settings choose a saved QGIS PostgreSQL connection: the year is prepared on the server in a
    task, a form save lands there (with the audit user), the GeoPackage is left alone."""
    import uuid

    from qgis.core import QgsProviderRegistry

    schema = "forms_" + uuid.uuid4().hex[:8]
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name = "CityHealth 表单测试"
    metadata.saveConnection(metadata.createConnection(postgis_server.uri(), {"saveUsername": True, "savePassword": True}),
                            name)
    try:
        assert dock.open_settings({"backend": "postgres", "connection": name, "schema": schema,
                                   "user": "市统计局 李四", "tolerance_pct": 5.0})
        job = wait_for_job(dock.job, 120000)
        assert job.finished_ok, (job.error_text(), job.trace)
        assert dock.store is not None and dock.store.backend != "sqlite"
        assert name in dock.info_label.text() and "市统计局 李四" in dock.info_label.text()
        assert dock.select_code("C-01")
        dock.form_widget.value_edit.setText("532.7")
        dock.form_widget.achievements_edit.setPlainText("常住人口稳步增长")
        assert dock.save()
        rows = postgis_server.execute(
            f'SELECT value, updated_by FROM "{schema}".indicator_values WHERE code = %s AND origin = %s',
            ["C-01", "reported"])
        assert rows == [(532.7, "市统计局 李四")]
        assert dock.audit_table.rowCount() >= 2
    finally:
        dock._reset()
        metadata.deleteConnection(name)
