"""The Survey panel with pytest-qgis's iface: load a demo questionnaire file, the suggested mapping
in the table, demo population shares, districts and an assessment database, Run as a task, every
result tab filled, exports (xlsx, docx with the map), the district layer in the results group,
and the mapping / shares / options saved in the project."""

import json
from pathlib import Path

import docx
import pandas as pd
import pytest
from qgis.core import QgsGraduatedSymbolRenderer, QgsLayerTreeGroup, QgsProject, QgsVectorLayer

from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.core.survey.demo import demo_objective_indicators, generate_demo_survey, save_questionnaires
from cityhealth_plugin.qgis_bridge import project_state
from cityhealth_plugin.resources_paths import DATA

from .conftest import wait_for_job

YEAR = 2024


@pytest.fixture(scope="module")
def questionnaire(tmp_path_factory):
    folder = tmp_path_factory.mktemp("survey_gui")
    demo = generate_demo_survey(n=3400, seed=2024)
    return save_questionnaires(demo.frame, folder / "问卷_2024.csv", encoding="gbk")


@pytest.fixture
def assessment_db(tmp_path):
    wide = demo_objective_indicators()
    rows = [{"code": code, "year": YEAR, "unit_type": "district", "unit_code": district, "value": float(value),
             "unit": "", "source_type": "spatial", "status": "ok", "computed_at": ""}
            for district, row in wide.iterrows() for code, value in row.items()]
    path = tmp_path / "assessment.gpkg"
    gpkg.write_table(path, "indicator_values", pd.DataFrame(rows))
    return path


@pytest.fixture
def dock(qgis_iface, qgis_new_project, tmp_path):
    from cityhealth_plugin.gui.survey_dock import SurveyDock

    qgis_iface.messageBar().clear_messages()
    project_state.write_output_dir(str(tmp_path / "out"))
    widget = SurveyDock(qgis_iface, qgis_iface.mainWindow())
    yield widget
    if widget.job is not None:
        widget.cancel_job()
        wait_for_job(widget.job)
    widget.shutdown()
    widget.setParent(None)
    widget.deleteLater()


def results_group():
    root = QgsProject.instance().layerTreeRoot()
    return next((g for g in root.children() if isinstance(g, QgsLayerTreeGroup) and g.name() == "CityHealth results"), None)


def test_dock_is_registered_with_the_plugin():
    from cityhealth_plugin.gui.survey_dock import SurveyDock
    from cityhealth_plugin.plugin import dock_classes

    assert SurveyDock in dock_classes() and SurveyDock.DOCK_ID == "CityHealthSurveyDock"


def test_load_run_show_export(dock, questionnaire, assessment_db, tmp_path):
    assert dock.objectName() == "CityHealthSurveyDock" and dock.run_button.isEnabled()
    assert dock.run() is None  # nothing loaded yet: a message, no job
    wait_for_job(dock.load_file(str(questionnaire)))
    assert dock.frame is not None and len(dock.frame) == 3400
    assert "3400" in dock.file_info.text() and "GB18030" in dock.file_info.text()
    mapping = dock.mapping_widget.mapping()
    assert len(mapping.questions) == 24 and mapping.attributes["district"] == "所在区"
    assert dock.mapping_widget.table.rowCount() == len(dock.frame.columns)
    assert dock.mapping_widget.role_of("Q18 您对停车方便程度的满意度") == "dimension:travel"
    assert dock.mapping_widget.role_of("您认为所在社区最需要改善的问题") == "open"
    # the mapping is saved in the project as soon as it is known
    saved, ok = QgsProject.instance().readEntry("CityHealth", "survey/mapping", "")
    assert ok and len(json.loads(saved)["questions"]) == 24

    dock.margins_widget.set_demo()
    assert set(dock.margins_widget.margins()) == {"district", "age", "education", "occupation"}
    layer = QgsVectorLayer(str(DATA / "xiamen_districts.geojson"), "区界", "ogr")
    QgsProject.instance().addMapLayer(layer)
    dock.district_combo.setLayer(layer)
    assert dock.name_field_combo.currentField() == "name"
    dock.db_edit.setText(str(assessment_db))
    dock.year_spin.setValue(YEAR)

    job = dock.run()
    assert job is not None and dock.progress_row.isVisibleTo(dock) and not dock.run_button.isEnabled()
    wait_for_job(job, timeout_ms=120000)
    assert job.finished_ok, job.error_text()
    assert dock.run_button.isEnabled()
    analysis = dock.result.analysis
    assert analysis.screening.valid_count == 3150
    assert "3,150" in dock.verdict_label.text() and "✔" in dock.verdict_label.text()
    assert dock.screening_table.rowCount() > 5
    assert dock.balance_tests_table.rowCount() == 4 and dock.balance_table.rowCount() == 6 + 5 + 5 + 7
    assert "⚠" in dock.balance_label.text()
    assert dock.dimension_table.rowCount() == 7 and dock.district_table.rowCount() == 6
    assert dock.concerns_table.rowCount() > 6
    assert dock.gap_table.rowCount() == 36 and dock.gap_label.text().startswith(str(len(analysis.gap.mismatches())))
    overall = analysis.scores.overall["score"].iloc[0]
    assert f"{overall:.1f}" in dock.scores_label.text()

    # the district layer with scores, graduated, in the results group
    group = results_group()
    assert group is not None and dock.map_layer is not None
    assert dock.map_layer.id() in [child.layerId() for child in group.findLayers()]
    assert isinstance(dock.map_layer.renderer(), QgsGraduatedSymbolRenderer) and dock.map_layer.featureCount() == 6

    xlsx = dock.export_xlsx(str(tmp_path / "tables.xlsx"))
    assert xlsx.is_file() and "Satisfaction by dimension" in pd.ExcelFile(xlsx).sheet_names
    report_job = dock.export_report(str(tmp_path / "附件4.docx"))
    wait_for_job(report_job, timeout_ms=60000)
    assert report_job.finished_ok, report_job.error_text()
    document = docx.Document(str(tmp_path / "附件4.docx"))
    assert len(document.inline_shapes) == 1
    assert (tmp_path / "附件4_分区图.png").is_file()

    # options and shares are in the project too
    options = json.loads(QgsProject.instance().readEntry("CityHealth", "survey/options", "")[0])
    assert options["year"] == YEAR and options["district_layer"] == layer.id()
    margins = json.loads(QgsProject.instance().readEntry("CityHealth", "survey/margins", "")[0])
    assert margins["district"]["思明区"] == pytest.approx(0.2075, abs=1e-3)


def test_mapping_edits_and_cancel(dock, questionnaire, tmp_path):
    wait_for_job(dock.load_file(str(questionnaire)))
    dock.mapping_widget.set_role("Q1 您对城市治安状况的满意度", "ignore")
    dock.mapping_widget.set_role("问卷编号", "dimension:safety", "Q99")
    mapping = dock.mapping_widget.mapping()
    assert "Q1" not in mapping.question_codes() and "Q99" in mapping.question_codes()
    assert "respondent_id" not in mapping.attributes
    path = dock.save_mapping(str(tmp_path / "m.json"))
    dock.mapping_widget.set_role("问卷编号", "attribute:respondent_id")
    assert dock.load_mapping(str(path)).dimension_of()["Q99"] == "safety"
    assert dock.mapping_widget.role_of("问卷编号") == "dimension:safety"
    dock.suggest()
    assert dock.mapping_widget.role_of("问卷编号") == "attribute:respondent_id"
    # a run without shares is unweighted; cancel stops it without a result
    job = dock.run()
    dock.cancel_job()
    wait_for_job(job, timeout_ms=60000)
    assert not job.finished_ok and dock.result is None and dock.run_button.isEnabled()


def test_algorithm_runs_as_a_background_task(qgis_iface, qgis_new_project, cityhealth_algorithms, tmp_path):
    """The map is rendered and the report written inside the task's thread (as the Processing
    toolbox or a model runs it), not only through processing.run in the main thread."""
    from cityhealth_plugin.gui.tasks import run_algorithm

    small = generate_demo_survey(n=800, seed=3, n_incomplete=10, n_straight=10, n_fast=10, n_duplicate_id=5,
                                 n_duplicate_answers=5, n_outside=5)
    source = save_questionnaires(small.frame, tmp_path / "q.xlsx")
    layer = QgsVectorLayer(str(DATA / "xiamen_districts.geojson"), "区界", "ogr")
    QgsProject.instance().addMapLayer(layer)
    job = run_algorithm("cityhealth:analysesurvey", {
        "INPUT": str(source), "DEMO": True, "DISTRICTS": layer.id(), "YEAR": YEAR, "REQUIRED_VALID": 700,
        "OUTPUT_FOLDER": str(tmp_path / "out"), "OUTPUT": "TEMPORARY_OUTPUT"})
    wait_for_job(job, timeout_ms=120000)
    assert job.finished_ok, job.error_text()
    assert Path(job.result["MAP"]).stat().st_size > 20_000 and Path(job.result["REPORT"]).is_file()
    assert job.result["REQUIREMENT_MET"] is True
    scores = job.take_layer("OUTPUT")
    assert scores is not None and scores.featureCount() == 6


def test_mapping_and_shares_come_back_with_the_project(dock, questionnaire, tmp_path):
    wait_for_job(dock.load_file(str(questionnaire)))
    dock.mapping_widget.set_role("Q1 您对城市治安状况的满意度", "ignore")
    dock.margins_widget.set_margins({"district": {"思明区": 0.5, "湖里区": 0.5}})
    dock.required_spin.setValue(2500)
    project = QgsProject.instance()
    path = tmp_path / "survey.qgz"
    assert project.write(str(path))
    project.clear()
    assert dock.frame is None and dock.mapping_widget.table.rowCount() == 0
    assert project.read(str(path))
    assert dock.job is not None  # the questionnaire file is read again
    wait_for_job(dock.job)
    assert dock.mapping_widget.role_of("Q1 您对城市治安状况的满意度") == "ignore"
    assert dock.mapping_widget.role_of("Q2 您对消防与应急避难设施的满意度") == "dimension:safety"
    assert dock.margins_widget.margins() == {"district": {"思明区": 0.5, "湖里区": 0.5}}
    assert dock.required_spin.value() == 2500
