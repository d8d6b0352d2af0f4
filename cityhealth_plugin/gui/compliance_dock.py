"""The Compliance panel (底线管控): run the bottom-line checks, read the violations, mark them reviewed.

Wiring only. The checks run as ``cityhealth:checkcompliance`` in a background task (gui/tasks)
on the layers assigned to the roles in the Data panel (qgis_bridge.project_state); the results
go into the project's assessment database (qgis_bridge.assessment_db) and are read back from
it: the summary per rule and district (violations_model.SummaryTree), the violation list
(violations_model.ViolationsModel + ViolationsFilter) and the layer in the "CityHealth results"
group (compliance_map). Review marks (reviewed + note) are saved in the database at once
(core.compliance.reviews) and matched by rule + patch id + year, so they survive re-runs and
reopening the project. The chosen checks, options and year are saved in the project.
"""

from pathlib import Path
from typing import Dict, List, Optional

import pandas as pd
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessing, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.compliance import CHECKS, reviews, storage
from ..core.i18n import tr
from ..core.roles.registry import ROLES_BY_ID
from ..processing_provider.indicator_inputs import default_year
from ..qgis_bridge import assessment_db, project_state
from . import compliance_map, messages
from .base_dock import CityHealthDock
from .job_panel import JobPanel, progress_row
from .settings import Settings
from .tasks import run_algorithm
from .violations_model import SummaryTree, ViolationsFilter, ViolationsModel, rule_icon, short_name

ALGORITHM_ID = "cityhealth:checkcompliance"
KEY = "compliance"  # project entries: compliance/year, compliance/checks, compliance/<option>
OPTIONS = ("farmland_cultivated_only", "heritage_new_only")
STATUS_COLOURS = {"ok": "#1a7f37", "violations": "#b42318", "missing_input": "#8a6d00", "invalid_input": "#8a6d00"}


def _read(name: str, default: str = "") -> str:
    value, ok = QgsProject.instance().readEntry(project_state.SCOPE, f"{KEY}/{name}", default)
    return value if ok and value is not None else default


def _write(name: str, value: str) -> None:
    project = QgsProject.instance()
    current, ok = project.readEntry(project_state.SCOPE, f"{KEY}/{name}", "")
    if not ok or current != value:
        project.writeEntry(project_state.SCOPE, f"{KEY}/{name}", value)


def check_parameters(assignments: Dict[str, str], checks: List[str], year: int, db_path: str, work_crs: str,
                     farmland_cultivated_only: bool = True, heritage_new_only: bool = False) -> dict:
    """Parameters of cityhealth:checkcompliance from {role_id: layer_id} (public parameter names)."""
    ids = [spec.id for spec in CHECKS]
    parameters = {role.upper(): layer_id for role, layer_id in assignments.items()
                  if layer_id and any(role in spec.required + spec.optional for spec in CHECKS)}
    parameters.update({
        "CHECKS": [ids.index(c) for c in checks if c in ids], "YEAR": int(year), "BASE_YEAR": 2020,
        "FARMLAND_CULTIVATED_ONLY": bool(farmland_cultivated_only), "HERITAGE_NEW_ONLY": bool(heritage_new_only),
        "WORK_CRS": QgsCoordinateReferenceSystem(work_crs), "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        "SUMMARY": QgsProcessing.TEMPORARY_OUTPUT, "ASSESSMENT_DB": db_path,
    })
    return parameters


class ComplianceDock(CityHealthDock):
    DOCK_ID = "CityHealthComplianceDock"
    ICON = "cityhealth.svg"

    @staticmethod
    def title() -> str:
        return tr("City health check: Compliance")

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self._restoring = False
        self.year_shown: Optional[int] = None
        self.db_shown = ""
        self.map_layer = None
        self.checks_table = pd.DataFrame()
        self.summary = pd.DataFrame()
        self._build()
        self._connect()
        self.restore_from_project()

    # building ---------------------------------------------------------------------------
    def _build(self):
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)

        self.checks_tree = QTreeWidget(content)
        self.checks_tree.setObjectName("complianceChecks")
        self.checks_tree.setHeaderLabels([tr("Check"), tr("Result")])
        self.checks_tree.setRootIsDecorated(False)
        self.checks_tree.setUniformRowHeights(True)
        self.checks_tree.setWordWrap(False)
        for spec in CHECKS:
            item = QTreeWidgetItem(self.checks_tree, [spec.title(), ""])
            item.setData(0, Qt.UserRole, spec.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(0, Qt.Checked)
            needs = [ROLES_BY_ID[r].display_name() for r in spec.required if r in ROLES_BY_ID]
            item.setToolTip(0, tr("Needs: {roles}").format(roles="; ".join(needs)))
        self.checks_tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.checks_tree.header().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.checks_tree.header().setStretchLastSection(False)
        rows = self.checks_tree.sizeHintForRow(0) if self.checks_tree.topLevelItemCount() else 20
        self.checks_tree.setFixedHeight(rows * (len(CHECKS) + 1) + 12)
        layout.addWidget(self.checks_tree)

        self.farmland_option = QCheckBox(tr("Farmland designated as cultivated only"), content)
        self.farmland_option.setToolTip(tr("Count only permanent basic farmland designated as 耕地; farmland designated "
                                           "as orchard, forest or pond (可调整地类) is not a violation."))
        self.heritage_option = QCheckBox(tr("Heritage line: new construction only"), content)
        self.heritage_option.setToolTip(tr("Inside the historic and cultural protection line, report only construction "
                                           "land that is new since the base year."))
        options = QHBoxLayout()
        options.addWidget(self.farmland_option)
        options.addWidget(self.heritage_option)
        options.addStretch(1)
        layout.addLayout(options)

        actions = QHBoxLayout()
        actions.addWidget(QLabel(tr("Year"), content))
        self.year_spin = QSpinBox(content)
        self.year_spin.setObjectName("complianceYear")
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(default_year())
        self.year_spin.setToolTip(tr("Assessment year: the year of the current land-use survey (DLTB)"))
        actions.addWidget(self.year_spin)
        actions.addStretch(1)
        self.run_button = QPushButton(tr("Run checks"), content)
        self.run_button.setObjectName("complianceRunButton")
        self.run_button.setToolTip(tr("Run the chosen checks on the layers assigned in the Data panel."))
        actions.addWidget(self.run_button)
        layout.addLayout(actions)

        self.progress_row, self.progress_label, self.progress_bar, self.cancel_button = progress_row(content)
        layout.addWidget(self.progress_row)

        self.status_label = QLabel(content)
        self.status_label.setObjectName("complianceStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.tabs = QTabWidget(content)
        self.summary_tree = SummaryTree(self.tabs)
        self.tabs.addTab(self._build_list(), tr("Violations"))
        self.tabs.addTab(self.summary_tree, tr("Summary"))
        layout.addWidget(self.tabs, 1)
        self.setWidget(content)
        self.jobs = JobPanel(self.progress_row, self.progress_label, self.progress_bar, self.cancel_button,
                             (self.run_button,))

    def _build_list(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        filters = QHBoxLayout()
        self.unreviewed_only = QCheckBox(tr("Unreviewed only"), page)
        self.rule_filter = QComboBox(page)
        self.rule_filter.setObjectName("complianceRuleFilter")
        self.district_filter = QComboBox(page)
        self.district_filter.setObjectName("complianceDistrictFilter")
        filters.addWidget(self.unreviewed_only)
        filters.addWidget(self.rule_filter, 2)
        filters.addWidget(self.district_filter, 1)
        layout.addLayout(filters)

        self.model = ViolationsModel(page)
        self.proxy = ViolationsFilter(page)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(page)
        self.table.setObjectName("CityHealthViolationsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        self.proxy.sort(-1)  # the order of the checks until the user sorts a column
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        editor = QHBoxLayout()
        self.reviewed_box = QCheckBox(tr("Reviewed"), page)
        self.reviewed_box.setObjectName("complianceReviewed")
        self.note_edit = QLineEdit(page)
        self.note_edit.setObjectName("complianceNote")
        self.note_edit.setPlaceholderText(tr("Note on the selected violation (e.g. approved temporary use)"))
        self.save_review_button = QPushButton(tr("Save"), page)
        self.save_review_button.setToolTip(tr("Save the review mark and note in the assessment database."))
        editor.addWidget(self.reviewed_box)
        editor.addWidget(self.note_edit, 1)
        editor.addWidget(self.save_review_button)
        layout.addLayout(editor)

        bottom = QHBoxLayout()
        self.count_label = QLabel(page)
        self.export_button = QPushButton(tr("Export list…"), page)
        self.export_button.setToolTip(tr("Save the violations shown (with their review marks) as an Excel workbook."))
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        self._set_editor_enabled(False)
        return page

    def _connect(self):
        self.run_button.clicked.connect(lambda: self.run_checks())
        self.export_button.clicked.connect(lambda: self.export_list())
        self.save_review_button.clicked.connect(lambda: self.save_current_review())
        self.note_edit.returnPressed.connect(lambda: self.save_current_review())
        self.reviewed_box.clicked.connect(lambda checked: self.save_current_review())
        self.unreviewed_only.toggled.connect(lambda _on: self._apply_filters())
        self.rule_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.district_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.clicked.connect(self._on_clicked)
        self.model.reviewEdited.connect(self._on_review_edited)
        self.year_spin.valueChanged.connect(self._on_year_changed)
        self.checks_tree.itemChanged.connect(lambda *_a: self._save_choices())
        self.farmland_option.toggled.connect(lambda _on: self._save_choices())
        self.heritage_option.toggled.connect(lambda _on: self._save_choices())
        project = QgsProject.instance()
        self.signals.connect(project.readProject, self._on_project_read)
        self.signals.connect(project.cleared, self._on_project_cleared)
        self.signals.connect(project.layersWillBeRemoved, self._on_layers_removed)

    def shutdown(self):
        self.jobs.detach()
        super().shutdown()

    # choices and project state ----------------------------------------------------------
    def chosen_checks(self) -> List[str]:
        out = []
        for i in range(self.checks_tree.topLevelItemCount()):
            item = self.checks_tree.topLevelItem(i)
            if item.checkState(0) == Qt.Checked:
                out.append(item.data(0, Qt.UserRole))
        return out

    def set_checks(self, checks) -> None:
        wanted = set(checks)
        for i in range(self.checks_tree.topLevelItemCount()):
            item = self.checks_tree.topLevelItem(i)
            item.setCheckState(0, Qt.Checked if item.data(0, Qt.UserRole) in wanted else Qt.Unchecked)

    def db_path(self) -> str:
        return assessment_db.assessment_db_path()

    def year(self) -> int:
        return self.year_spin.value()

    def _save_choices(self):
        if self._restoring:
            return
        _write("checks", ",".join(self.chosen_checks()))
        _write("farmland_cultivated_only", "1" if self.farmland_option.isChecked() else "0")
        _write("heritage_new_only", "1" if self.heritage_option.isChecked() else "0")

    def _initial_year(self) -> int:
        saved = _read("year")
        if saved.isdigit():
            return int(saved)
        stored = storage.stored_years(self.db_path()) if self._db_exists() else []
        if stored:
            return stored[-1]
        years = assessment_db.years_in(self.db_path()) if self._db_exists() else []
        return years[-1] if years else default_year()

    def _db_exists(self) -> bool:
        path = self.db_path()
        return bool(path) and Path(path).is_file()

    def restore_from_project(self):
        """The project's choices, and the stored results of its year (list, summary, layer)."""
        self._restoring = True
        try:
            saved = _read("checks")
            self.set_checks(saved.split(",") if saved else [spec.id for spec in CHECKS])
            self.farmland_option.setChecked(_read("farmland_cultivated_only") != "0")
            self.heritage_option.setChecked(_read("heritage_new_only") == "1")
            self.year_spin.blockSignals(True)
            self.year_spin.setValue(self._initial_year())
            self.year_spin.blockSignals(False)
        finally:
            self._restoring = False
        self.load_results()

    def _on_project_read(self, *_args):
        self.restore_from_project()

    def _on_project_cleared(self):
        self.jobs.cancel()
        self.map_layer = None
        self._clear_results(tr("Run the checks to list the violations here."))

    def _on_layers_removed(self, layer_ids):
        if self.map_layer is not None:
            try:
                if self.map_layer.id() in layer_ids:
                    self.map_layer = None
            except RuntimeError:  # the C++ layer is already gone
                self.map_layer = None

    def _on_year_changed(self, year):
        if not self._restoring:
            _write("year", str(year))
            self.load_results()

    # running ----------------------------------------------------------------------------
    def run_checks(self):
        """Run the chosen checks as a background task. Returns the job (None when it cannot start)."""
        if self.jobs.busy:
            messages.show_info(self.iface, tr("Wait for the running task to finish, or cancel it."))
            return None
        checks = self.chosen_checks()
        if not checks:
            messages.show_warning(self.iface, tr("Choose at least one check."))
            return None
        assignments = project_state.read_role_assignments()
        if not assignments.get("dltb"):
            messages.show_warning(self.iface, tr("Assign the land-use survey layer (DLTB) in the Data panel first."))
            return None
        db = self.db_path() or self._ask_db()
        if not db:
            return None
        if not assessment_db.saved_db_path():
            # keep the database when an unsaved project is saved (the default path follows the project name)
            assessment_db.write_db_path(db)
        year = self.year()
        _write("year", str(year))
        parameters = check_parameters(assignments, checks, year, db, project_state.read_work_crs(),
                                      self.farmland_option.isChecked(), self.heritage_option.isChecked())
        try:
            job = run_algorithm(ALGORITHM_ID, parameters, on_done=lambda j: self._run_done(j, db, year),
                                description=tr("CityHealth compliance checks"))
        except Exception as error:  # noqa: BLE001 - the algorithm is missing or the parameters are refused
            messages.report_exception(self.iface, error, tr("The compliance checks could not start"))
            return None
        self.status_label.setText(tr("Checking…"))
        return self.jobs.start(job, tr("Checking compliance…"))

    def _ask_db(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, tr("Assessment database"), "", tr("GeoPackage (*.gpkg)"),
                                              options=QFileDialog.DontConfirmOverwrite)
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        if path:
            assessment_db.write_db_path(path)
        return path or ""

    def _run_done(self, job, db, year):
        self.jobs.finish()
        if not job.finished_ok:
            if job.canceled:
                self.status_label.setText(tr("The checks were cancelled."))
                messages.show_info(self.iface, job.error_text())
            else:
                self.status_label.setText(tr("The checks failed: {message}").format(message=job.error_text()))
                messages.show_error(self.iface, job.error_text(), tr("Compliance checks failed"))
            return
        self.last_job_log = job.feedback.textLog()
        if self.year() != year:
            self.year_spin.blockSignals(True)
            self.year_spin.setValue(year)
            self.year_spin.blockSignals(False)
        self.load_results(db, year, add_layer=True)
        result = job.result or {}
        messages.show_success(self.iface, tr("{n} violating parts, {area} hm² ({checks} checks).").format(
            n=int(result.get("VIOLATIONS", len(self.model.frame()))), area=f"{float(result.get('AREA_HM2', 0.0)):,.2f}",
            checks=int(result.get("CHECKS_RUN", 0))))

    def cancel_job(self):
        self.jobs.cancel()

    @property
    def job(self):
        return self.jobs.job

    # results ----------------------------------------------------------------------------
    def _clear_results(self, text: str):
        self.model.set_rows(pd.DataFrame())
        self.summary_tree.set_summary(pd.DataFrame())
        self.summary = pd.DataFrame()
        self.checks_table = pd.DataFrame()
        self.year_shown = None
        for i in range(self.checks_tree.topLevelItemCount()):
            self.checks_tree.topLevelItem(i).setText(1, "")
        self._fill_filters()
        self.status_label.setText(text)
        self.count_label.setText("")
        self.export_button.setEnabled(False)
        self._set_editor_enabled(False)

    def load_results(self, db: Optional[str] = None, year: Optional[int] = None, add_layer: bool = False) -> bool:
        """Show the stored results of ``year`` (default: the panel's); False when there are none."""
        db = db or self.db_path()
        year = int(year if year is not None else self.year())
        try:
            violations = storage.read_violations(db, year) if db and Path(db).is_file() else None
        except Exception as error:  # noqa: BLE001 - an unreadable database: say so, keep the panel usable
            messages.report_exception(self.iface, error, tr("The compliance results cannot be read"))
            violations = None
        if violations is None:
            self._clear_results(tr("Run the checks to list the violations here."))
            return False
        frame = violations.attributes.copy()
        frame.insert(0, "fid", violations.fids)
        marks = reviews.load_reviews(db, year)
        frame = reviews.apply_reviews(frame, marks, year)
        self.model.set_rows(frame)
        self.checks_table = storage.read_table_of_year(db, storage.CHECKS_TABLE, year)
        summary = storage.read_table_of_year(db, storage.SUMMARY_TABLE, year)
        self.summary = summary if len(summary) else storage.summary_frame(violations.attributes, year)
        self.summary_tree.set_summary(self.summary)
        self.year_shown, self.db_shown = year, db
        self._show_check_results()
        self._fill_filters()
        self._apply_filters()
        self._resize_columns()
        if add_layer:
            self.map_layer = compliance_map.show_layer(db, year)
        else:
            self.map_layer = compliance_map.violation_layer(year)
        self.export_button.setEnabled(True)
        return True

    def _show_check_results(self):
        by_check = {row["check_id"]: row for row in self.checks_table.to_dict("records")} \
            if len(self.checks_table) else {}
        parts, area = len(self.model.frame()), float(pd.to_numeric(self.model.frame()["area_hm2"]).sum()) \
            if len(self.model.frame()) else 0.0
        for i in range(self.checks_tree.topLevelItemCount()):
            item = self.checks_tree.topLevelItem(i)
            row = by_check.get(item.data(0, Qt.UserRole))
            if row is None:
                item.setText(1, "")
                item.setToolTip(1, "")
                continue
            if row["status"] in ("ok", "violations"):
                text = tr("{n} parts, {area} hm²").format(n=int(row["count"]), area=f"{float(row['area_hm2']):,.2f}")
            elif row["status"] == "missing_input":
                text = tr("missing input")
            else:
                text = tr("not run")
            item.setText(1, text)
            item.setToolTip(1, str(row["message"]))
            informative = item.data(0, Qt.UserRole) == "new_construction"  # all growth: a figure, not a breach
            item.setForeground(1, self.palette().text() if informative else _brush(row["status"]))
        not_run = [row for row in by_check.values() if row["status"] not in ("ok", "violations")]
        text = tr("{year}: {n} violating parts, {area} hm².").format(year=self.year_shown, n=parts,
                                                                     area=f"{area:,.2f}")
        if not_run:
            text += " " + " ".join(str(row["message"]) for row in not_run)
        self.status_label.setText(text)

    def _fill_filters(self):
        frame = self.model.frame()
        for combo, first, pairs in (
                (self.rule_filter, tr("All rules"),
                 list(dict.fromkeys(zip(frame["rule"], frame["rule_name"]))) if len(frame) else []),
                (self.district_filter, tr("All districts"),
                 sorted(dict.fromkeys(zip(frame["XZQDM"].astype(str), frame["XZQMC"].astype(str))))
                 if len(frame) else [])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for key, name in pairs:
                if combo is self.rule_filter:
                    combo.addItem(rule_icon(key), short_name(key, name), key)
                    combo.setItemData(combo.count() - 1, name, Qt.ToolTipRole)
                else:
                    combo.addItem(name or key or tr("(no district)"), key)
            index = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _apply_filters(self):
        self.proxy.set_filters(self.unreviewed_only.isChecked(), self.rule_filter.currentData() or "",
                               self.district_filter.currentData() or "")
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        reviewed = int(self.model.frame()["reviewed"].astype(bool).sum()) if total else 0
        self.count_label.setText(tr("{shown} of {total} shown, {reviewed} reviewed.").format(
            shown=shown, total=total, reviewed=reviewed))

    def _resize_columns(self):
        self.table.resizeColumnsToContents()
        for column, limit in ((ViolationsModel.RULE, 170), (ViolationsModel.LAND, 125), (ViolationsModel.NOTE, 240)):
            if self.table.columnWidth(column) > limit:
                self.table.setColumnWidth(column, limit)

    # the list ---------------------------------------------------------------------------
    def source_row(self, proxy_row: int) -> int:
        return self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()

    def proxy_row(self, source_row: int) -> int:
        return self.proxy.mapFromSource(self.model.index(source_row, 0)).row()

    def select_row(self, proxy_row: int) -> bool:
        """Select a row of the list as a click would: zoom to the part and flash it."""
        index = self.proxy.index(proxy_row, 0)
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        return self.show_violation(self.source_row(proxy_row))

    def _on_clicked(self, index):
        if index.isValid() and index.column() != ViolationsModel.REVIEWED:
            self.show_violation(self.proxy.mapToSource(index).row())

    def _on_current_changed(self, current, _previous):
        if not current.isValid():
            self._set_editor_enabled(False)
            return
        record = self.model.row(self.proxy.mapToSource(current).row())
        self._set_editor_enabled(True)
        self.reviewed_box.setChecked(bool(record["reviewed"]))
        self.note_edit.setText(str(record["note"] or ""))

    def _set_editor_enabled(self, enabled: bool):
        for widget in (self.reviewed_box, self.note_edit, self.save_review_button):
            widget.setEnabled(enabled)
        if not enabled:
            self.reviewed_box.setChecked(False)
            self.note_edit.clear()

    def _layer(self):
        layer = self.map_layer
        try:
            if layer is not None and layer.isValid():
                return layer
        except RuntimeError:
            pass
        self.map_layer = compliance_map.violation_layer(self.year_shown) if self.year_shown else None
        return self.map_layer

    def show_violation(self, source_row: int) -> bool:
        layer = self._layer()
        if layer is None or source_row < 0:
            return False
        fid = int(self.model.row(source_row)["fid"])
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        return compliance_map.show_violation(canvas, layer, fid)

    # reviews ----------------------------------------------------------------------------
    def current_source_row(self) -> int:
        index = self.table.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else -1

    def save_current_review(self) -> bool:
        row = self.current_source_row()
        if row < 0:
            return False
        return self.save_review(row, self.reviewed_box.isChecked(), self.note_edit.text())

    def _on_review_edited(self, row, reviewed, note):
        self.save_review(row, reviewed, note)

    def save_review(self, source_row: int, reviewed: bool, note: str) -> bool:
        """Save one violation's mark in the assessment database (one transaction); True when saved."""
        record = self.model.row(source_row)
        year = int(self.year_shown if self.year_shown is not None else self.year())
        review = reviews.Review(str(record["rule"]), str(record["patch_id"]), year, bool(reviewed), (note or "").strip())
        try:
            reviews.save_reviews(self.db_shown or self.db_path(), [review])
        except Exception as error:  # noqa: BLE001 - the database is read-only or not a GeoPackage
            messages.report_exception(self.iface, error, tr("The review could not be saved"))
            return False
        saved = reviews.load_reviews(self.db_shown or self.db_path(), year).get(review.key, review)
        self.model.set_review(source_row, saved.reviewed, saved.note, saved.reviewer, saved.reviewed_at)
        if self.current_source_row() == source_row:
            self.reviewed_box.setChecked(saved.reviewed)
            if self.note_edit.text() != saved.note:
                self.note_edit.setText(saved.note)
        self._apply_filters()
        return True

    # export -----------------------------------------------------------------------------
    def visible_rows(self) -> pd.DataFrame:
        rows = [self.source_row(r) for r in range(self.proxy.rowCount())]
        return self.model.frame().iloc[rows].reset_index(drop=True) if rows else self.model.frame().iloc[0:0]

    def export_list(self, path: Optional[str] = None) -> Optional[str]:
        """Save the rows shown (and the summary, check log) as .xlsx; the path written, or None."""
        from ..core.exports.compliance_xlsx import write_compliance_xlsx

        if self.year_shown is None:
            return None
        settings = Settings()
        if path is None:
            start = str(Path(settings.export_dir or Path.home()) / f"compliance_{self.year_shown}.xlsx")
            path, _filter = QFileDialog.getSaveFileName(self, tr("Export violations"), start, tr("Excel (*.xlsx)"))
            if not path:
                return None
        try:
            written = write_compliance_xlsx(path, self.visible_rows(), self.summary, self.checks_table,
                                            title=tr("Bottom-line compliance checks ({year})").format(
                                                year=self.year_shown))
        except Exception as error:  # noqa: BLE001
            messages.report_exception(self.iface, error, tr("The violations could not be exported"))
            return None
        settings.export_dir = str(Path(written).parent)
        messages.show_success(self.iface, tr("Violations written to {path}.").format(path=written))
        return str(written)


def _brush(status: str):
    from qgis.PyQt.QtGui import QBrush, QColor

    return QBrush(QColor(STATUS_COLOURS.get(status, "#000000")))
