"""The Survey panel (社会满意度调查): questionnaire file -> mapping -> population shares ->
screening options -> Run -> results -> xlsx tables, 附件4 report, district layer.

Wiring only: the analysis is ``core.survey.analyse_survey`` run as a background task
(gui/tasks.run_function: progress, cancel); the mapping editor is survey_mapping_widget, the
population shares editor survey_margins_widget, the result tables survey_tables; the report is
core.survey.report_docx with the district map rendered by qgis_bridge.district_map. The same
steps without the panel: the Processing algorithm ``cityhealth:analysesurvey``.

Saved in the project (scope ``CityHealth``): ``survey/file``, ``survey/mapping`` (the mapping
JSON), ``survey/margins`` (JSON), ``survey/options`` (JSON of the screening options, year,
city, district layer and name field, assessment database).
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

import pandas as pd
from qgis.core import QgsCoordinateReferenceSystem, QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import tr, tr_noop
from ..core.survey import SurveyError, SurveyMapping, SurveyOptions, analyse_survey, prepare_responses, read_table
from ..core.survey.mapping import normalise_category, suggest_mapping
from ..core.survey.pipeline_step import (
    GEOGRAPHIC_CRS,
    district_code_field,
    district_name_field,
    district_polygons,
    objective_from_values,
    output_names,
    read_margins_file,
    usable_margins,
    usable_objective,
    write_margins_file,
)
from ..core.survey.report_tables import report_tables, write_report_xlsx
from ..core.survey.screening import ScreeningRules
from ..processing_provider.indicator_inputs import default_year
from ..qgis_bridge import project_state
from . import messages
from .base_dock import CityHealthDock
from .job_panel import JobPanel, progress_row
from .survey_mapping_widget import SurveyMappingWidget
from .survey_margins_widget import MarginsError, SurveyMarginsWidget
from .survey_tables import GOOD_BRUSH, WARNING_BRUSH, make_table, show_frame
from .tasks import run_function

KEY = "survey"
RESULT_CODE = "survey"  # result_layers.CODE_KEY of the district layer
WEIGHTING = (("raking", tr_noop("Raking to the population shares")),
             ("post_stratification", tr_noop("Post-stratification by district")), ("none", tr_noop("No weighting")))
F1 = "{:.1f}"


class SurveyCanceled(Exception):
    pass


@dataclass
class DistrictShapes:
    names: List[str]
    geometries: object  # shapely array in the layer's CRS
    crs: str


@dataclass
class SurveyRun:
    analysis: object
    shapes: Optional[DistrictShapes]
    notes: List[str]


def _read_entry(name: str, default: str = "") -> str:
    value, ok = QgsProject.instance().readEntry(project_state.SCOPE, f"{KEY}/{name}", default)
    return value if ok and value is not None else default


def _write_entry(name: str, value: str) -> None:
    project = QgsProject.instance()
    current, ok = project.readEntry(project_state.SCOPE, f"{KEY}/{name}", "")
    if not ok or current != value:
        project.writeEntry(project_state.SCOPE, f"{KEY}/{name}", value)


class SurveyDock(CityHealthDock):
    DOCK_ID = "CityHealthSurveyDock"
    ICON = "cityhealth.svg"

    @staticmethod
    def title() -> str:
        return tr("City health check: Satisfaction survey")

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.frame: Optional[pd.DataFrame] = None
        self.source = ""
        self.encoding = ""
        self.result: Optional[SurveyRun] = None
        self.job = None
        self.map_layer = None
        self._restoring = False
        self._build()
        self._connect()
        self.restore_from_project()

    # building ---------------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)

        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(tr("Questionnaires"), content))
        self.path_edit = QLineEdit(content)
        self.path_edit.setObjectName("surveyFile")
        self.path_edit.setPlaceholderText(tr("xlsx or csv export of the survey platform"))
        file_row.addWidget(self.path_edit, 1)
        self.browse_button = QPushButton(tr("Browse…"), content)
        self.browse_button.setObjectName("surveyBrowse")
        file_row.addWidget(self.browse_button)
        layout.addLayout(file_row)
        self.file_info = QLabel(content)
        self.file_info.setObjectName("surveyFileInfo")
        self.file_info.setWordWrap(True)
        layout.addWidget(self.file_info)

        splitter = QSplitter(Qt.Vertical, content)
        self.setup_tabs = QTabWidget(splitter)
        self.setup_tabs.setObjectName("surveySetupTabs")
        self.setup_tabs.addTab(self._build_mapping_page(), tr("Mapping"))
        self.margins_widget = SurveyMarginsWidget(self.setup_tabs)
        self.setup_tabs.addTab(self.margins_widget, tr("Population shares"))
        self.setup_tabs.addTab(self._build_options_page(), tr("Options"))

        results = QWidget(splitter)
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        run_row = QHBoxLayout()
        self.status_label = QLabel(results)
        self.status_label.setObjectName("surveyStatus")
        self.status_label.setWordWrap(True)
        run_row.addWidget(self.status_label, 1)
        self.run_button = QPushButton(tr("Run analysis"), results)
        self.run_button.setObjectName("surveyRunButton")
        self.run_button.setToolTip(tr("Screen, weight and score the questionnaires in the background."))
        run_row.addWidget(self.run_button)
        results_layout.addLayout(run_row)

        self.progress_row, self.progress_label, self.progress_bar, self.cancel_button = progress_row(results)
        results_layout.addWidget(self.progress_row)

        self.result_tabs = QTabWidget(results)
        self.result_tabs.setObjectName("surveyResultTabs")
        self.result_tabs.addTab(self._build_screening_page(), tr("Screening"))
        self.result_tabs.addTab(self._build_balance_page(), tr("Balance"))
        self.result_tabs.addTab(self._build_scores_page(), tr("Scores"))
        self.concerns_table = make_table(self.result_tabs, "surveyConcernsTable")
        self.result_tabs.addTab(self.concerns_table, tr("Concerns"))
        self.gap_table = make_table(self.result_tabs, "surveyGapTable")
        self.result_tabs.addTab(self._page_with_label(self.gap_table, "gap_label"), tr("Subjective vs objective"))
        results_layout.addWidget(self.result_tabs, 1)

        export_row = QHBoxLayout()
        self.export_xlsx_button = QPushButton(tr("Export xlsx…"), results)
        self.export_xlsx_button.setObjectName("surveyExportXlsx")
        self.export_report_button = QPushButton(tr("Export report docx…"), results)
        self.export_report_button.setObjectName("surveyExportReport")
        self.export_report_button.setToolTip(tr("附件4 社会满意度评价报告 with tables and the district map (Word)."))
        self.layer_button = QPushButton(tr("Add district layer"), results)
        self.layer_button.setObjectName("surveyAddLayer")
        for button in (self.export_xlsx_button, self.export_report_button, self.layer_button):
            export_row.addWidget(button)
            button.setEnabled(False)
        export_row.addStretch(1)
        results_layout.addLayout(export_row)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        self.setWidget(content)
        self.jobs = JobPanel(self.progress_row, self.progress_label, self.progress_bar, self.cancel_button,
                             (self.run_button, self.browse_button, self.export_report_button))

    def _build_mapping_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 4, 2, 2)
        self.mapping_widget = SurveyMappingWidget(page)
        layout.addWidget(self.mapping_widget, 1)
        row = QHBoxLayout()
        self.suggest_button = QPushButton(tr("Suggest from headers"), page)
        self.load_mapping_button = QPushButton(tr("Load mapping…"), page)
        self.save_mapping_button = QPushButton(tr("Save mapping…"), page)
        for button in (self.suggest_button, self.load_mapping_button, self.save_mapping_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _build_options_page(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        page = QWidget(scroll)
        form = QFormLayout(page)
        self.year_spin = QSpinBox(page)
        self.year_spin.setObjectName("surveyYear")
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(default_year())
        form.addRow(tr("Year"), self.year_spin)
        self.city_edit = QLineEdit(page)
        self.city_edit.setPlaceholderText(tr("e.g. 厦门市 (report title)"))
        form.addRow(tr("City"), self.city_edit)
        self.required_spin = QSpinBox(page)
        self.required_spin.setObjectName("surveyRequired")
        self.required_spin.setRange(0, 10_000_000)
        self.required_spin.setValue(3000)
        form.addRow(tr("Valid questionnaires required"), self.required_spin)
        self.missing_spin = QDoubleSpinBox(page)
        self.missing_spin.setRange(0.0, 1.0)
        self.missing_spin.setSingleStep(0.05)
        self.missing_spin.setValue(0.2)
        form.addRow(tr("Largest share of unanswered questions"), self.missing_spin)
        self.straight_spin = QSpinBox(page)
        self.straight_spin.setRange(2, 200)
        self.straight_spin.setValue(10)
        form.addRow(tr("Same answer throughout: from this many answers"), self.straight_spin)
        self.seconds_spin = QDoubleSpinBox(page)
        self.seconds_spin.setRange(0.0, 3600.0)
        self.seconds_spin.setValue(60.0)
        self.seconds_spin.setSuffix(tr(" s"))
        form.addRow(tr("Shortest acceptable answer time"), self.seconds_spin)
        self.median_spin = QDoubleSpinBox(page)
        self.median_spin.setRange(0.0, 1.0)
        self.median_spin.setSingleStep(0.05)
        self.median_spin.setDecimals(2)
        self.median_spin.setValue(round(1 / 3, 2))
        form.addRow(tr("… or below this share of the median time"), self.median_spin)
        self.duplicate_ids = QCheckBox(tr("Reject duplicate respondent ids"), page)
        self.duplicate_ids.setChecked(True)
        self.duplicate_answers = QCheckBox(tr("Reject duplicate questionnaires"), page)
        self.duplicate_answers.setChecked(True)
        form.addRow(self.duplicate_ids)
        form.addRow(self.duplicate_answers)
        self.weighting_combo = QComboBox(page)
        self.weighting_combo.setObjectName("surveyWeighting")
        for key, label in WEIGHTING:
            self.weighting_combo.addItem(tr(label), key)
        form.addRow(tr("Weighting"), self.weighting_combo)
        self.district_combo = QgsMapLayerComboBox(page)
        self.district_combo.setObjectName("surveyDistrictLayer")
        self.district_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.district_combo.setAllowEmptyLayer(True)
        self.district_combo.setToolTip(tr("District polygons: the outside-the-city check, district names and the map."))
        form.addRow(tr("District layer"), self.district_combo)
        self.name_field_combo = QgsFieldComboBox(page)
        self.name_field_combo.setObjectName("surveyDistrictField")
        self.name_field_combo.setAllowEmptyFieldName(True)
        form.addRow(tr("District name field"), self.name_field_combo)
        db_row = QHBoxLayout()
        self.db_edit = QLineEdit(page)
        self.db_edit.setObjectName("surveyAssessmentDb")
        self.db_edit.setPlaceholderText(tr("assessment GeoPackage (objective indicators); optional"))
        self.db_button = QPushButton(tr("…"), page)
        db_row.addWidget(self.db_edit, 1)
        db_row.addWidget(self.db_button)
        form.addRow(tr("Assessment database"), db_row)
        self.add_layer_check = QCheckBox(tr("Add the district layer with scores to the map after a run"), page)
        self.add_layer_check.setChecked(True)
        form.addRow(self.add_layer_check)
        scroll.setWidget(page)
        return scroll

    def _page_with_label(self, table, attribute: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        label = QLabel(page)
        label.setWordWrap(True)
        setattr(self, attribute, label)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        return page

    def _build_screening_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        self.verdict_label = QLabel(page)
        self.verdict_label.setObjectName("surveyVerdict")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextFormat(Qt.RichText)
        layout.addWidget(self.verdict_label)
        self.screening_table = make_table(page, "surveyScreeningTable")
        layout.addWidget(self.screening_table, 1)
        return page

    def _build_balance_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        self.balance_label = QLabel(page)
        self.balance_label.setWordWrap(True)
        layout.addWidget(self.balance_label)
        self.balance_tests_table = make_table(page, "surveyBalanceTestsTable")
        self.balance_tests_table.setMaximumHeight(140)
        layout.addWidget(self.balance_tests_table)
        self.balance_table = make_table(page, "surveyBalanceTable")
        layout.addWidget(self.balance_table, 1)
        return page

    def _build_scores_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        self.scores_label = QLabel(page)
        self.scores_label.setWordWrap(True)
        layout.addWidget(self.scores_label)
        self.dimension_table = make_table(page, "surveyDimensionTable")
        layout.addWidget(self.dimension_table, 1)
        self.district_table = make_table(page, "surveyDistrictTable")
        layout.addWidget(self.district_table, 1)
        return page

    def _connect(self) -> None:
        self.browse_button.clicked.connect(self.browse)
        self.path_edit.editingFinished.connect(self._path_edited)
        self.suggest_button.clicked.connect(self.suggest)
        self.load_mapping_button.clicked.connect(lambda: self.load_mapping())
        self.save_mapping_button.clicked.connect(lambda: self.save_mapping())
        self.mapping_widget.changed.connect(self._mapping_changed)
        self.margins_widget.changed.connect(self._margins_changed)
        self.margins_widget.load_button.clicked.connect(lambda: self.load_margins())
        self.margins_widget.save_button.clicked.connect(lambda: self.save_margins())
        self.margins_widget.demo_button.clicked.connect(self.margins_widget.set_demo)
        self.district_combo.layerChanged.connect(self._district_layer_changed)
        self.db_button.clicked.connect(self._browse_db)
        self.run_button.clicked.connect(lambda: self.run())
        self.export_xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.export_report_button.clicked.connect(lambda: self.export_report())
        self.layer_button.clicked.connect(lambda: self.add_district_layer())
        for widget in (self.year_spin, self.required_spin, self.straight_spin):
            widget.valueChanged.connect(lambda _v: self._save_options())
        for widget in (self.missing_spin, self.seconds_spin, self.median_spin):
            widget.valueChanged.connect(lambda _v: self._save_options())
        for widget in (self.duplicate_ids, self.duplicate_answers, self.add_layer_check):
            widget.toggled.connect(lambda _v: self._save_options())
        self.weighting_combo.currentIndexChanged.connect(lambda _i: self._save_options())
        self.city_edit.editingFinished.connect(self._save_options)
        self.db_edit.editingFinished.connect(self._save_options)
        self.name_field_combo.fieldChanged.connect(lambda _f: self._save_options())
        project = QgsProject.instance()
        self.signals.connect(project.readProject, self._on_project_read)
        self.signals.connect(project.cleared, self._on_project_cleared)

    # file and mapping -------------------------------------------------------------------
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Questionnaire file"), self.path_edit.text(),
                                              tr("Questionnaires (*.xlsx *.csv *.txt)"))
        if path:
            self.load_file(path)

    def _path_edited(self) -> None:
        path = self.path_edit.text().strip()
        if path and path != self.source:
            self.load_file(path)

    def load_file(self, path: str):
        """Read the questionnaire file in the background; the mapping table is filled when done."""
        self.path_edit.setText(str(path))
        self.file_info.setText(tr("Reading {name} …").format(name=Path(path).name))

        def work(_task):
            return read_table(path)

        job = run_function(tr("Reading the questionnaires"), work, on_done=self._file_read)
        self.jobs.start(job, tr("Reading the questionnaires"))
        self.job = job
        return job

    def _file_read(self, job) -> None:
        self.jobs.finish()
        self.job = None
        if not job.finished_ok:
            self.frame = None
            self.file_info.setText("✖ " + job.error_text())
            messages.show_warning(self.iface, job.error_text(), tr("Satisfaction survey"))
            return
        read = job.result
        self.frame, self.source, self.encoding = read.frame, read.source, read.encoding
        _write_entry("file", self.source)
        saved = _read_entry("mapping")
        mapping = None
        notes = list(read.notes)
        if saved:
            try:
                mapping, changes = SurveyMapping.from_json(saved).rebind(self.frame.columns)
                notes.extend(changes)
            except (ValueError, KeyError):
                mapping = None
            if mapping is not None and not mapping.questions:
                mapping = None
        if mapping is None:
            mapping = suggest_mapping(self.frame.columns)
        self.mapping_widget.set_columns(list(self.frame.columns), self.frame, mapping)
        encoding = tr(", read as {encoding}").format(encoding=self.encoding) if self.encoding != "xlsx" else ""
        self.file_info.setText(tr("{rows} questionnaires, {columns} columns{encoding}.").format(
            rows=len(self.frame), columns=len(self.frame.columns), encoding=encoding))
        self._save_mapping_entry()

    def suggest(self) -> None:
        if self.frame is None:
            return
        self.mapping_widget.set_columns(list(self.frame.columns), self.frame, suggest_mapping(self.frame.columns))

    def load_mapping(self, path: Optional[str] = None) -> Optional[SurveyMapping]:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Load mapping"), "", tr("JSON (*.json)"))
            if not path:
                return None
        try:
            mapping = SurveyMapping.from_json(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError) as error:
            messages.show_warning(self.iface, tr("The mapping {path} cannot be read: {error}").format(path=path, error=error))
            return None
        if self.frame is not None:
            mapping, changes = mapping.rebind(self.frame.columns)
            for change in changes:
                messages.log(change)
            self.mapping_widget.set_columns(list(self.frame.columns), self.frame, mapping)
        _write_entry("mapping", mapping.to_json())
        return mapping

    def save_mapping(self, path: Optional[str] = None) -> Optional[Path]:
        if path is None:
            default = str(Path(self.source).with_name(output_names(self.year_spin.value())["mapping"])) if self.source else ""
            path, _ = QFileDialog.getSaveFileName(self, tr("Save mapping"), default, tr("JSON (*.json)"))
            if not path:
                return None
        path = Path(path)
        path.write_text(self.mapping_widget.mapping().to_json(), encoding="utf-8")
        messages.show_success(self.iface, tr("Mapping saved to {path}.").format(path=path))
        return path

    def _mapping_changed(self) -> None:
        if not self._restoring:
            self._save_mapping_entry()

    def _save_mapping_entry(self) -> None:
        if self.mapping_widget.table.rowCount():
            _write_entry("mapping", self.mapping_widget.mapping().to_json())

    # margins ----------------------------------------------------------------------------
    def load_margins(self, path: Optional[str] = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Population shares"), "", tr("Tables (*.csv *.xlsx)"))
            if not path:
                return False
        try:
            self.margins_widget.set_margins(read_margins_file(path))
        except (SurveyError, OSError, ValueError) as error:
            messages.show_warning(self.iface, str(error), tr("Population shares"))
            return False
        return True

    def save_margins(self, path: Optional[str] = None) -> Optional[Path]:
        try:
            margins = self.margins_widget.margins()
        except MarginsError as error:
            messages.show_warning(self.iface, str(error))
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Population shares"), "survey_margins.csv", tr("CSV (*.csv)"))
            if not path:
                return None
        return write_margins_file(margins, path)

    def _margins_changed(self) -> None:
        if self._restoring:
            return
        try:
            _write_entry("margins", json.dumps(self.margins_widget.margins(), ensure_ascii=False))
        except MarginsError:
            pass

    # options ----------------------------------------------------------------------------
    def _district_layer_changed(self, layer) -> None:
        self.name_field_combo.setLayer(layer)
        if layer is not None and not self._restoring:
            names = [f.name() for f in layer.fields()]
            guess = district_name_field(pd.DataFrame(columns=names))
            if guess:
                self.name_field_combo.setField(guess)
        self._save_options()

    def _browse_db(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Assessment database"), self.db_edit.text(), tr("GeoPackage (*.gpkg)"))
        if path:
            self.db_edit.setText(path)
            self._save_options()

    def options_dict(self) -> Dict[str, object]:
        layer = self.district_combo.currentLayer()
        return {
            "year": self.year_spin.value(), "city": self.city_edit.text().strip(),
            "required_valid": self.required_spin.value(), "max_missing_share": self.missing_spin.value(),
            "straightline_min_items": self.straight_spin.value(), "min_seconds": self.seconds_spin.value(),
            "median_ratio": self.median_spin.value(), "check_duplicate_ids": self.duplicate_ids.isChecked(),
            "check_duplicate_answers": self.duplicate_answers.isChecked(),
            "weighting": self.weighting_combo.currentData(), "district_layer": layer.id() if layer else "",
            "district_field": self.name_field_combo.currentField(), "assessment_db": self.db_edit.text().strip(),
            "add_layer": self.add_layer_check.isChecked(),
        }

    def _save_options(self) -> None:
        if not self._restoring:
            _write_entry("options", json.dumps(self.options_dict(), ensure_ascii=False))

    def _apply_options(self, options: Dict[str, object]) -> None:
        self.year_spin.setValue(int(options.get("year", self.year_spin.value())))
        self.city_edit.setText(str(options.get("city", "")))
        self.required_spin.setValue(int(options.get("required_valid", 3000)))
        self.missing_spin.setValue(float(options.get("max_missing_share", 0.2)))
        self.straight_spin.setValue(int(options.get("straightline_min_items", 10)))
        self.seconds_spin.setValue(float(options.get("min_seconds", 60.0)))
        self.median_spin.setValue(float(options.get("median_ratio", 0.33)))
        self.duplicate_ids.setChecked(bool(options.get("check_duplicate_ids", True)))
        self.duplicate_answers.setChecked(bool(options.get("check_duplicate_answers", True)))
        self.weighting_combo.setCurrentIndex(max(0, self.weighting_combo.findData(options.get("weighting", "raking"))))
        layer = QgsProject.instance().mapLayer(str(options.get("district_layer", "")))
        if layer is not None:
            self.district_combo.setLayer(layer)
            self.name_field_combo.setLayer(layer)
            self.name_field_combo.setField(str(options.get("district_field", "")))
        self.db_edit.setText(str(options.get("assessment_db", "")))
        self.add_layer_check.setChecked(bool(options.get("add_layer", True)))

    def rules(self) -> ScreeningRules:
        return ScreeningRules(
            max_missing_share=self.missing_spin.value(), straightline_min_items=self.straight_spin.value(),
            min_seconds=self.seconds_spin.value() or None, median_ratio=self.median_spin.value() or None,
            check_duplicate_ids=self.duplicate_ids.isChecked(), check_duplicate_answers=self.duplicate_answers.isChecked(),
            required_valid=self.required_spin.value())

    # project ----------------------------------------------------------------------------
    def restore_from_project(self) -> None:
        self._restoring = True
        try:
            options = _read_entry("options")
            if options:
                try:
                    self._apply_options(json.loads(options))
                except (ValueError, TypeError):
                    pass
            margins = _read_entry("margins")
            if margins:
                try:
                    self.margins_widget.set_margins(json.loads(margins))
                except (ValueError, TypeError, AttributeError):
                    pass
            if not self.db_edit.text():
                from ..qgis_bridge import assessment_db

                path = assessment_db.assessment_db_path()
                if path and Path(path).is_file():
                    self.db_edit.setText(path)
        finally:
            self._restoring = False
        path = _read_entry("file")
        if path and Path(path).is_file() and path != self.source:
            self.load_file(path)

    def _on_project_read(self, *_args) -> None:
        self.restore_from_project()

    def _on_project_cleared(self) -> None:
        self.frame = None
        self.source = ""
        self.result = None
        self.map_layer = None
        self.path_edit.clear()
        self.file_info.clear()
        self.mapping_widget.set_columns([], None, SurveyMapping())
        self._show_result(None)

    # running ----------------------------------------------------------------------------
    def run(self):
        """Start the analysis as a background task; returns the job (None when something is missing)."""
        if self.jobs.busy:
            return None
        if self.frame is None:
            messages.show_warning(self.iface, tr("Choose a questionnaire file first."), tr("Satisfaction survey"))
            return None
        mapping = self.mapping_widget.mapping()
        errors = [message for level, message in mapping.check(self.frame.columns) if level == "error"]
        if errors:
            self.setup_tabs.setCurrentIndex(0)
            messages.show_warning(self.iface, "\n".join(errors), tr("Mapping"))
            return None
        try:
            margins = self.margins_widget.margins()
        except MarginsError as error:
            self.setup_tabs.setCurrentIndex(1)
            messages.show_warning(self.iface, str(error), tr("Population shares"))
            return None
        weighting = self.weighting_combo.currentData()
        notes: List[str] = []
        margins = usable_margins(margins, mapping, notes.append)
        if weighting != "none" and not margins:
            notes.append(tr("No population shares were given: the survey is not weighted."))
            weighting = "none"
        layer = self.district_combo.currentLayer()
        snapshot = field = None
        if layer is not None:
            from ..qgis_bridge.layers import snapshot as take_snapshot

            snapshot = take_snapshot(layer)
            field = self.name_field_combo.currentField() or None
        frame, source, encoding = self.frame, self.source, self.encoding
        rules = self.rules()
        db_path = self.db_edit.text().strip()
        year = self.year_spin.value()

        def work(task):
            def progress(percent, message):
                if task.isCanceled():
                    raise SurveyCanceled()
                task.setProgress(10 + 0.9 * percent)

            data = prepare_responses(frame, mapping, source, encoding)
            districts = shapes = None
            names, code_to_name = None, {}
            if snapshot is not None:
                from ..qgis_bridge.layers import read_layer

                own = read_layer(snapshot, target_crs=snapshot.crs)
                answers = data.attribute("district")
                name_field = field or district_name_field(own.attributes, answers.dropna().unique() if answers is not None else None)
                if not name_field or name_field not in own.attributes.columns:
                    raise SurveyError(tr("The district layer '{layer}' has no field with district names; choose the "
                                         "district name field in Options.").format(layer=snapshot.name))
                names = [normalise_category(n) or "" for n in own.attributes[name_field]]
                code_field = district_code_field(own.attributes)
                if code_field:
                    code_to_name = dict(zip(own.attributes[code_field].map(normalise_category), names))
                geometries = own.geometries
                if mapping.coordinates == "lonlat":
                    geometries = read_layer(snapshot, target_crs=QgsCoordinateReferenceSystem(GEOGRAPHIC_CRS)).geometries
                districts = district_polygons(names, geometries)
                shapes = DistrictShapes(names, own.geometries, own.crs)
            task.setProgress(8)
            objective = None
            if db_path and Path(db_path).is_file():
                from ..core.store.results import read_values

                known = names or (list(data.attribute("district").dropna().unique()) if data.attribute("district") is not None else [])
                objective, why = usable_objective(objective_from_values(read_values(db_path, year), code_to_name), known)
                if objective is None:
                    notes.append(tr("Satisfaction is not compared with the indicators: {reason}.").format(reason=why))
            if names is None and margins and "district" in margins:
                names = list(margins["district"])  # without a district layer: the districts of the shares
            rules.known_districts = names
            options = SurveyOptions(rules=rules, margins=margins, weighting=weighting)
            analysis = analyse_survey(data, options, districts, objective, progress=progress)
            return SurveyRun(analysis, shapes, notes)

        job = run_function(tr("Analysing the satisfaction survey"), work, on_done=self._analysis_done)
        self.jobs.start(job, tr("Analysing the satisfaction survey"))
        self.job = job
        self.status_label.setText(tr("Running …"))
        return job

    def cancel_job(self) -> None:
        self.jobs.cancel()

    def _analysis_done(self, job) -> None:
        self.jobs.finish()
        self.job = None
        if not job.finished_ok:
            if job.canceled or isinstance(job.error, SurveyCanceled):
                self.status_label.setText(tr("Cancelled."))
                return
            text = job.error_text()
            self.status_label.setText("✖ " + text)
            if isinstance(job.error, SurveyError):
                messages.show_warning(self.iface, text, tr("Satisfaction survey"))
            else:
                messages.report_exception(self.iface, job.error or RuntimeError(text), tr("Satisfaction survey"), job.trace)
            return
        self.result = job.result
        self._show_result(self.result)
        for note in self.result.notes:
            messages.log(note)
        if self.add_layer_check.isChecked() and self.result.shapes is not None:
            self.add_district_layer()
        messages.show_success(self.iface, self.status_label.text(), tr("Satisfaction survey"))

    # results ----------------------------------------------------------------------------
    def _show_result(self, run: Optional[SurveyRun]) -> None:
        for button in (self.export_xlsx_button, self.export_report_button):
            button.setEnabled(run is not None)
        self.layer_button.setEnabled(run is not None and run.shapes is not None)
        tables_widgets = (self.screening_table, self.balance_table, self.balance_tests_table, self.dimension_table,
                          self.district_table, self.concerns_table, self.gap_table)
        if run is None:
            for table in tables_widgets:
                show_frame(table, None)
            for label in (self.verdict_label, self.balance_label, self.scores_label, self.gap_label):
                label.clear()
            self.status_label.clear()
            return
        analysis = run.analysis
        tables = report_tables(analysis)
        s = analysis.screening
        met = s.meets_requirement
        colour = "#1a7f37" if met else "#b42318"
        mark = "✔" if met else "✖"
        verdict = (tr("{valid} valid of {total} questionnaires: the required {required} are met.") if met else
                   tr("{valid} valid of {total} questionnaires: fewer than the required {required}.")).format(
            valid=f"{s.valid_count:,}", total=f"{s.total:,}", required=f"{s.rules.required_valid:,}")
        self.verdict_label.setText(f'<span style="color:{colour}; font-weight:bold; font-size:11pt">{mark} {verdict}</span>')
        show_frame(self.screening_table, tables["sample"].frame)
        if analysis.balance is not None:
            tests = tables["balance_tests"].frame
            brushes = {i: (GOOD_BRUSH if ok else WARNING_BRUSH) for i, ok in enumerate(analysis.balance.tests["balanced"])}
            show_frame(self.balance_tests_table, tests, row_brushes=brushes)
            show_frame(self.balance_table, tables["balance"].frame)
            warnings = analysis.balance.warnings
            self.balance_label.setText(("⚠ " + "\n⚠ ".join(warnings[:8]) + ("\n…" if len(warnings) > 8 else ""))
                                       if warnings else tr("The sample is balanced on every attribute."))
        else:
            show_frame(self.balance_table, None)
            show_frame(self.balance_tests_table, None)
            self.balance_label.setText(tr("No population shares: the balance was not checked."))
        overall = analysis.scores.overall.iloc[0]
        self.scores_label.setText(tr("Overall satisfaction {score:.1f} (95% interval {low:.1f}–{high:.1f}), {pct:.1f}% satisfied; weighting: {method}.").format(
            score=overall["score"], low=overall["score_lower"], high=overall["score_upper"], pct=overall["pct_satisfied"],
            method=tr(dict(WEIGHTING).get(analysis.weighting.method, analysis.weighting.method))))
        show_frame(self.dimension_table, self._dimension_frame(analysis))
        show_frame(self.district_table, tables["districts"].frame if "districts" in tables else None)
        show_frame(self.concerns_table, tables["concerns"].frame)
        if analysis.gap is not None:
            frame = tables["gap"].frame
            codes = analysis.gap.table["verdict_code"].to_numpy()
            brushes = {i: WARNING_BRUSH for i, code in enumerate(codes) if code in ("worse", "better")}
            show_frame(self.gap_table, frame, row_brushes=brushes)
            mismatches = analysis.gap.mismatches()
            self.gap_label.setText(tr("{count} district dimensions where feeling and indicators disagree (highlighted).").format(
                count=len(mismatches)))
        else:
            show_frame(self.gap_table, None)
            self.gap_label.setText(tr("No objective indicator values by district (assessment database): no comparison."))
        self.status_label.setText(tr("{valid} valid questionnaires; overall satisfaction {score:.1f}.").format(
            valid=f"{s.valid_count:,}", score=overall["score"]))

    @staticmethod
    def _dimension_frame(analysis) -> pd.DataFrame:
        """Dimension scores with the interval in one column (fits a dock)."""
        from ..core.survey.report_tables import dimension_score_table

        frame = dimension_score_table(analysis.scores, analysis.unweighted)
        return frame

    # exports ----------------------------------------------------------------------------
    def _default_path(self, kind: str) -> str:
        folder = project_state.read_output_dir() or (str(Path(self.source).parent) if self.source else "")
        name = output_names(self.year_spin.value())[kind]
        return str(Path(folder) / name) if folder else name

    def export_xlsx(self, path: Optional[str] = None) -> Optional[Path]:
        if self.result is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export satisfaction tables"), self._default_path("xlsx"),
                                                  tr("Excel (*.xlsx)"))
            if not path:
                return None
        try:
            written = write_report_xlsx(report_tables(self.result.analysis), path)
        except OSError as error:
            messages.report_exception(self.iface, error, tr("Export satisfaction tables"))
            return None
        messages.show_success(self.iface, tr("Satisfaction tables written to {path}.").format(path=written))
        return written

    def export_report(self, path: Optional[str] = None):
        """Render the district map (main thread), then write the docx in the background; returns the job."""
        if self.result is None or self.jobs.busy:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export satisfaction report"), self._default_path("report"),
                                                  tr("Word (*.docx)"))
            if not path:
                return None
        path = Path(path)
        run = self.result
        map_path, map_note = None, ""
        if run.shapes is not None:
            from ..core.survey.report_docx import district_scores
            from ..qgis_bridge.district_map import render_scores_map

            try:
                map_path = render_scores_map(run.shapes.names, run.shapes.geometries, run.shapes.crs,
                                             district_scores(run.analysis), path.with_name(path.stem + "_分区图.png"),
                                             title="各区居民总体满意度", legend_title="满意度得分")
            except (ValueError, OSError) as error:
                map_note = str(error)
        else:
            map_note = "未选择区界图层"
        city, year = self.city_edit.text().strip(), self.year_spin.value()

        def work(_task):
            from ..core.survey.report_docx import write_survey_report

            return write_survey_report(run.analysis, path, city=city, year=year, map_image=map_path, map_note=map_note)

        job = run_function(tr("Writing the satisfaction report"), work, on_done=self._report_done)
        self.jobs.start(job, tr("Writing the satisfaction report"))
        self.job = job
        return job

    def _report_done(self, job) -> None:
        self.jobs.finish()
        self.job = None
        if job.finished_ok:
            messages.show_success(self.iface, tr("Satisfaction report written to {path}.").format(path=job.result))
        elif not job.canceled:
            messages.show_warning(self.iface, job.error_text(), tr("Export satisfaction report"))

    def add_district_layer(self):
        """The districts with their scores in the "CityHealth results" group, graduated (replaces the previous one)."""
        if self.result is None or self.result.shapes is None:
            return None
        from ..core.survey.report_docx import district_scores
        from ..qgis_bridge.district_map import score_layer, style_graduated
        from .result_layers import CODE_KEY, remove_layers_of, results_group

        shapes = self.result.shapes
        layer = score_layer(shapes.names, shapes.geometries, shapes.crs, district_scores(self.result.analysis),
                            tr("Satisfaction by district {year}").format(year=self.year_spin.value()))
        style_graduated(layer, "score")
        project = QgsProject.instance()
        remove_layers_of(RESULT_CODE, project)
        layer.setCustomProperty(CODE_KEY, RESULT_CODE)
        project.addMapLayer(layer, False)
        results_group(project).insertLayer(0, layer)
        self.map_layer = layer
        return layer

    def shutdown(self):
        job = self.jobs.detach()
        if job is not None:
            self.job = None
        super().shutdown()
