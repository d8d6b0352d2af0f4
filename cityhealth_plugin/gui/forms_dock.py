"""The Forms panel: fill in the indicator forms of a year in the assessment database.

Wiring only. The parts: the catalog tree (indicator_tree.IndicatorTree without check boxes,
filtered by department, fill-in state, kind and text), the generated form
(indicator_form.IndicatorForm), the audit trail and the cross-check table (audit_view), the
conflict and settings dialogs (form_dialogs), the workbook import preview (workbook_dialogs).

The store is the project's assessment GeoPackage (qgis_bridge.assessment_db, shared with the
Indicators panel) or a saved QGIS PostgreSQL connection chosen in the settings (kept in the
project: scope ``CityHealth``, keys ``forms/backend``, ``forms/pg_connection``,
``forms/pg_schema``). Opening a year runs ``store.ensure_year`` in a background task with its
own store; the department workbooks go through the Processing algorithms
cityhealth:exportdepartmentworkbooks / cityhealth:importdepartmentworkbook (import: a dry run
and a preview first, then the real import — whole or nothing). A single form save runs on the
main thread (milliseconds) through the panel's own store.

Unsaved edits are never lost: switching indicator or year, reloading, closing the panel,
closing the project and closing QGIS ask Save / Discard / Cancel; a save that meets someone
else's change shows both versions (form_dialogs.ConflictDialog) and keeps the user's text.
"""

import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from qgis.core import QgsProject
from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import QEvent, Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog.loader import load_catalog
from ..core.catalog.validate import CatalogError
from ..core.exports import workbook_layout as L
from ..core.i18n import tr, tr_noop
from ..core.store.base import ConflictError, NothingToUndo, StoreError
from ..core.store.database import DEFAULT_PG_SCHEMA, open_store
from ..processing_provider.indicator_inputs import default_year
from ..qgis_bridge import assessment_db, project_state
from . import messages
from .audit_view import AuditTable, CrossCheckDialog
from .base_dock import CityHealthDock
from .form_dialogs import ConflictDialog, DatabaseSettingsDialog, form_as_text, os_user
from .indicator_form import IndicatorForm, field_label, join_list, local_time
from .indicator_tree import COL_NAME, IndicatorTree
from .indicators_dock import ui_language
from .job_panel import JobPanel, progress_row
from .settings import Settings, _Setting
from .tasks import run_algorithm, run_function
from .workbook_dialogs import ImportPreviewDialog, read_report

EXPORT_ALGORITHM = "cityhealth:exportdepartmentworkbooks"
IMPORT_ALGORITHM = "cityhealth:importdepartmentworkbook"
BACKEND_KEY, CONNECTION_KEY, SCHEMA_KEY = "forms/backend", "forms/pg_connection", "forms/pg_schema"
COL_VALUE = 5
KIND_CHOICES = (("", tr_noop("All indicators")), ("reported", tr_noop("Statistics, surveys, big data")),
                ("spatial", tr_noop("Spatial (computed)")))
UNFILLED_BRUSH = QBrush(QColor("#b9770e"))
COMPUTED_BRUSH = QBrush(QColor("#7f8c8d"))
YEAR_DEBOUNCE_MS = 600


class FormsSettings(Settings):
    """The panel's own settings (same QgsSettings prefix as gui/settings.py)."""

    user_name = _Setting("forms/user_name", "", str)  # '' = the OS user
    tolerance_pct = _Setting("forms/tolerance_pct", 5.0, float)
    export_dir = _Setting("forms/export_dir", "", str)
    import_dir = _Setting("forms/import_dir", "", str)


def audit_user() -> str:
    """Who signs the saves: the name from the settings, else the OS user."""
    return (FormsSettings().user_name or "").strip() or os_user()


# --------------------------------------------------------------------------------------
# where the forms are
# --------------------------------------------------------------------------------------

@dataclass
class StoreTarget:
    kind: str  # 'gpkg' | 'postgres'
    path: str = ""
    connection: str = ""
    schema: str = DEFAULT_PG_SCHEMA
    dsn: str = ""

    def open(self, user: str):
        """A new store object (each thread opens its own)."""
        if self.kind == "postgres":
            return open_store(self.dsn, user=user or None, schema=self.schema)
        return open_store(self.path, user=user or None)

    def parameters(self) -> dict:
        """The database parameters of the workbook algorithms."""
        if self.kind == "postgres":
            return {"DATABASE_CONNECTION": self.connection, "DATABASE_SCHEMA": self.schema}
        return {"ASSESSMENT_DB": self.path}

    def label(self) -> str:
        if self.kind == "postgres":
            return tr("PostgreSQL connection “{name}”, schema {schema}").format(name=self.connection,
                                                                             schema=self.schema)
        return self.path

    def evidence_base(self) -> Optional[Path]:
        """Where relative evidence paths start: the GeoPackage's folder, else the project folder."""
        if self.kind == "gpkg" and self.path:
            return Path(self.path).parent
        home = QgsProject.instance().homePath()
        return Path(home) if home else None

    def latest_year(self) -> Optional[int]:
        """The latest year with forms (GeoPackage only, read-only and cheap; None when unknown)."""
        if self.kind != "gpkg" or not Path(self.path).is_file():
            return None
        try:
            with closing(sqlite3.connect(f"file:{Path(self.path).resolve()}?mode=ro", uri=True)) as con:
                row = con.execute("SELECT MAX(year) FROM indicator_forms").fetchone()
        except sqlite3.Error:
            return None
        return int(row[0]) if row and row[0] is not None else None


def read_backend(project=None):
    """(backend, connection, schema) saved in the project."""
    project = project or QgsProject.instance()
    backend, _ = project.readEntry(project_state.SCOPE, BACKEND_KEY, "gpkg")
    connection, _ = project.readEntry(project_state.SCOPE, CONNECTION_KEY, "")
    schema, _ = project.readEntry(project_state.SCOPE, SCHEMA_KEY, DEFAULT_PG_SCHEMA)
    return backend or "gpkg", connection or "", schema or DEFAULT_PG_SCHEMA


def write_backend(backend: str, connection: str = "", schema: str = DEFAULT_PG_SCHEMA, project=None) -> None:
    project = project or QgsProject.instance()
    if backend == "postgres":
        project.writeEntry(project_state.SCOPE, BACKEND_KEY, "postgres")
        project.writeEntry(project_state.SCOPE, CONNECTION_KEY, connection)
        project.writeEntry(project_state.SCOPE, SCHEMA_KEY, schema or DEFAULT_PG_SCHEMA)
    else:
        for key in (BACKEND_KEY, CONNECTION_KEY, SCHEMA_KEY):
            project.removeEntry(project_state.SCOPE, key)


def project_target(project=None) -> Optional[StoreTarget]:
    """The project's store: a PostgreSQL connection when chosen, else the assessment GeoPackage
    (None when there is none: an unsaved project without an output folder). ``StoreError`` when
    the saved PostgreSQL connection no longer exists in QGIS."""
    backend, connection, schema = read_backend(project)
    if backend == "postgres":
        from qgis.core import QgsProcessingException

        from ..processing_provider.algorithms.export_task_workbooks import postgres_dsn

        try:
            dsn = postgres_dsn(connection)
        except QgsProcessingException as error:
            raise StoreError(str(error)) from None
        return StoreTarget("postgres", connection=connection, schema=schema, dsn=dsn)
    path = assessment_db.assessment_db_path(project)
    return StoreTarget("gpkg", path=path) if path else None


# --------------------------------------------------------------------------------------
# the panel
# --------------------------------------------------------------------------------------

class FormsDock(CityHealthDock):
    DOCK_ID = "CityHealthFormsDock"

    @staticmethod
    def title() -> str:
        return tr("City health check: Forms")

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.language = ui_language()
        self.catalog = load_catalog()
        self.target: Optional[StoreTarget] = None
        self.store = None
        self.year: Optional[int] = None
        self.code: Optional[str] = None
        self.forms_frame = None
        self.unfilled = set()
        self.preview_dialog: Optional[ImportPreviewDialog] = None
        self.cross_dialog: Optional[CrossCheckDialog] = None
        self.conflict_dialog: Optional[ConflictDialog] = None
        self.last_conflict = ""
        self.last_export = None
        self._wanted_code: Optional[str] = None
        self._restore_pending = True
        self._detached = False  # the project changed while the form kept unsaved edits
        self._main_window = None
        self._year_timer = QTimer(self)
        self._year_timer.setSingleShot(True)
        self._year_timer.setInterval(YEAR_DEBOUNCE_MS)
        self._year_timer.timeout.connect(lambda: self.open_year(self.year_spin.value()))
        self._build()
        self.jobs = JobPanel(self.progress_row, self.progress_label, self.progress_bar, self.cancel_button,
                             (self.year_spin, self.workbook_button, self.cross_button, self.settings_button,
                              self.save_button, self.undo_button, self.revert_button))
        self._connect()
        self.tree.set_catalog(self.catalog, self.language)
        self._update_info()
        self._update_buttons()

    # building ---------------------------------------------------------------------------
    def _build(self):
        content = QWidget(self)
        content.setObjectName("CityHealthFormsContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Year"), content))
        self.year_spin = QSpinBox(content)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(default_year())
        self.year_spin.setKeyboardTracking(False)
        self.year_spin.setToolTip(tr("Assessment year: its forms are prepared when it is opened."))
        top.addWidget(self.year_spin)
        top.addStretch(1)
        self.workbook_button = QToolButton(content)
        self.workbook_button.setText(tr("Workbooks"))
        self.workbook_button.setToolTip(tr("Department fill-in workbooks (Excel round trip)"))
        self.workbook_button.setPopupMode(QToolButton.InstantPopup)
        self.workbook_button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        menu = QMenu(self.workbook_button)
        self.export_action = menu.addAction(tr("Export workbooks…"), lambda: self.export_workbooks())
        self.import_action = menu.addAction(tr("Import workbook…"), lambda: self.import_workbook())
        self.workbook_button.setMenu(menu)
        self.cross_button = QPushButton(tr("Cross-check…"), content)
        self.cross_button.setToolTip(tr("All indicators of the year whose department figure differs from the "
                                        "computed spatial value"))
        self.settings_button = QToolButton(content)
        self.settings_button.setText("…")
        self.settings_button.setToolTip(tr("Assessment database, your name, tolerance"))
        self.settings_button.setPopupMode(QToolButton.InstantPopup)
        options = QMenu(self.settings_button)
        options.addAction(tr("Database settings…"), lambda: self.open_settings())
        options.addAction(tr("Reload"), lambda: self.restore_from_project())
        self.settings_button.setMenu(options)
        top.addWidget(self.workbook_button)
        top.addWidget(self.cross_button)
        top.addWidget(self.settings_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.search = QgsFilterLineEdit(content)
        self.search.setPlaceholderText(tr("Search code or name"))
        self.kind_combo = QComboBox(content)
        for value, label in KIND_CHOICES:
            self.kind_combo.addItem(tr(label), value)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind_combo)
        layout.addLayout(filters)
        filters2 = QHBoxLayout()
        self.department_combo = QComboBox(content)
        self.department_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.department_combo.setMinimumContentsLength(12)
        self.department_combo.addItem(tr("All departments"), "")
        self.unfilled_check = QCheckBox(tr("Unfilled only"), content)
        self.unfilled_check.setToolTip(tr("Indicators the departments report that have no value for the year yet."))
        filters2.addWidget(self.department_combo, 1)
        filters2.addWidget(self.unfilled_check)
        layout.addLayout(filters2)

        self.tree = IndicatorTree(content, checkable=False)
        self.tree.setColumnCount(COL_VALUE + 1)
        self.tree.headerItem().setText(COL_VALUE, tr("Value"))
        self.tree.setColumnHidden(3, True)  # method
        self.tree.setColumnHidden(4, True)  # tier
        self.tree.header().setSectionResizeMode(COL_VALUE, QHeaderView.ResizeToContents)

        self.form_widget = IndicatorForm()
        scroll = QScrollArea(content)
        scroll.setObjectName("CityHealthFormScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(self.form_widget)
        self.audit_table = AuditTable(content)
        self.tabs = QTabWidget(content)
        self.tabs.addTab(scroll, tr("Form"))
        self.tabs.addTab(self.audit_table, tr("Audit trail"))

        self.splitter = QSplitter(Qt.Vertical, content)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([220, 600])
        layout.addWidget(self.splitter, 1)

        self.reason_label = QLabel(content)
        self.reason_label.setObjectName("CityHealthFormsReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.hide()
        layout.addWidget(self.reason_label)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("Save"), content)
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(tr("Revert"), content)
        self.revert_button.setToolTip(tr("Discard the unsaved edits"))
        self.undo_button = QPushButton(tr("Undo last save"), content)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        layout.addLayout(buttons)

        self.progress_row, self.progress_label, self.progress_bar, self.cancel_button = progress_row(content)
        layout.addWidget(self.progress_row)
        self.info_label = QLabel(content)
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("color: #666;")
        self.info_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.info_label)
        self.setWidget(content)

    def _connect(self):
        self.search.textChanged.connect(self.apply_filter)
        self.kind_combo.currentIndexChanged.connect(self.apply_filter)
        self.department_combo.currentIndexChanged.connect(self.apply_filter)
        self.unfilled_check.toggled.connect(self.apply_filter)
        self.tree.currentCodeChanged.connect(self._on_tree_code)
        self.year_spin.valueChanged.connect(lambda _value: self._year_timer.start())
        self.form_widget.changed.connect(self._update_buttons)
        self.form_widget.message.connect(lambda text: messages.show_warning(self.iface, text))
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button.clicked.connect(lambda: self.revert())
        self.undo_button.clicked.connect(lambda: self.undo_last_save())
        self.cross_button.clicked.connect(lambda: self.show_cross_check())
        self.visibilityChanged.connect(self._on_visibility)
        project = QgsProject.instance()
        self.signals.connect(project.readProject, self._on_project_read)
        self.signals.connect(project.cleared, self._on_project_cleared)
        main_window = self.iface.mainWindow() if self.iface is not None else None
        if main_window is not None:
            main_window.installEventFilter(self)
            self._main_window = main_window

    def shutdown(self):
        if self.form_widget.is_dirty():  # unload cannot ask: keep the text in the log at least
            messages.log(tr("The panel was closed with unsaved edits of {code} ({year}):\n{text}").format(
                code=self.code, year=self.year, text=form_as_text(self.form_widget.edited_form())))
        self._year_timer.stop()
        self.jobs.detach()
        if self._main_window is not None:
            self._main_window.removeEventFilter(self)
            self._main_window = None
        try:
            self.visibilityChanged.disconnect(self._on_visibility)
        except TypeError:
            pass
        for dialog in (self.preview_dialog, self.cross_dialog):
            if dialog is not None:
                dialog.close()
        self._close_store()
        super().shutdown()

    # unsaved edits ----------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.form_widget.is_dirty()

    def confirm_leave(self, reason: str) -> bool:
        """True when the form may be left: no edits, or saved, or discarded (the widget is then
        back at the stored form). False: the user cancelled, or the save failed."""
        if not self.form_widget.is_dirty():
            return True
        text = tr("The form of {code} ({year}) has unsaved edits.").format(code=self.code, year=self.year)
        answer = QMessageBox.question(self, tr("Unsaved edits"), f"{text} {reason}\n\n{tr('Save them?')}",
                                      QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        if answer == QMessageBox.Discard:
            self.form_widget.revert()
            self._update_buttons()
            return True
        return False

    def closeEvent(self, event):  # noqa: N802 (Qt API)
        if self.confirm_leave(tr("The panel is being closed.")):
            super().closeEvent(event)
        else:
            event.ignore()

    def eventFilter(self, watched, event):  # noqa: N802 (Qt API)
        if watched is self._main_window and event.type() == QEvent.Close and self.form_widget.is_dirty():
            if not self.confirm_leave(tr("QGIS is closing.")):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _on_project_cleared(self):
        if self.form_widget.is_dirty() and not self.confirm_leave(
                tr("The project was closed; the form stays open on its database until you save or discard it.")):
            self._detached = True
            self._update_info()
            return
        self._reset()
        self._restore_pending = True

    def _on_project_read(self, *_args):
        if self._detached or self.isVisible():
            self.restore_from_project()
        else:
            self._restore_pending = True

    def _on_visibility(self, visible):
        if visible and self._restore_pending and not self.jobs.busy:
            self.restore_from_project()

    # the store and the year -------------------------------------------------------------
    @property
    def user(self) -> str:
        return audit_user()

    def tolerance(self) -> float:
        """The cross-check tolerance as a fraction (setting in percent, default 5 %)."""
        return max(0.0, float(FormsSettings().tolerance_pct)) / 100.0

    def _close_store(self):
        if self.store is not None:
            self.store.close()
            self.store = None

    def _reset(self):
        self._close_store()
        self._detached = False
        self.year = None
        self.code = None
        self.forms_frame = None
        self.unfilled = set()
        self.form_widget.clear()
        self.audit_table.set_rows(None)
        self._fill_values()
        self._update_info()
        self._update_buttons()

    def _load_catalog(self):
        try:
            self.catalog = load_catalog(overrides=assessment_db.catalog_overrides())
        except CatalogError as error:
            messages.show_error(self.iface, str(error), tr("The city catalog file has problems"))
            self.catalog = load_catalog()
        self.tree.set_catalog(self.catalog, self.language)

    def restore_from_project(self):
        """Open the project's store and its latest year (asks first when the form has unsaved
        edits). Returns the year job, or None."""
        if not self.confirm_leave(tr("The panel switches to the project's assessment database.")):
            self._detached = True
            self._update_info()
            return None
        if self.jobs.busy:
            return None
        self._restore_pending = False
        self._reset()
        self._load_catalog()
        try:
            self.target = project_target()
        except StoreError as error:
            self.target = None
            messages.show_error(self.iface, str(error), tr("The assessment database cannot be opened"))
        self._update_info()
        if self.target is None:
            return None
        return self.open_year(self.target.latest_year() or self.year_spin.value(), ask=False)

    def open_year(self, year: int, ask: bool = True):
        """Prepare ``year`` (store.ensure_year, in the background) and show its forms. Returns the job."""
        year = int(year)
        if self.jobs.busy:
            return None
        if ask and year != self.year and not self.confirm_leave(tr("Another year is opened.")):
            self._set_year_spin(self.year)
            return None
        self._set_year_spin(year)
        if self.target is None:
            try:
                self.target = project_target()
            except StoreError as error:
                messages.show_error(self.iface, str(error), tr("The assessment database cannot be opened"))
                return None
        if self.target is None:
            messages.show_warning(self.iface, tr("There is no assessment database yet: save the project, or choose "
                                                 "one in the panel's settings (…)."))
            self._update_info()
            return None
        self._wanted_code = self.code or self._wanted_code
        self._close_store()
        self.form_widget.clear()
        self.code = None
        target, catalog, user = self.target, self.catalog, self.user

        def work(task):
            store = target.open(user)
            try:
                return store.ensure_year(catalog, year)
            finally:
                store.close()

        try:
            job = run_function(tr("Opening the forms of {year}").format(year=year), work,
                               on_done=lambda j: self._year_ready(j, year))
        except Exception as error:  # noqa: BLE001
            messages.report_exception(self.iface, error, tr("The forms could not be opened"))
            return None
        return self.jobs.start(job, tr("Preparing the forms of {year}…").format(year=year))

    def _set_year_spin(self, year: Optional[int]):
        if year is None:
            return
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(int(year))
        self.year_spin.blockSignals(False)

    def _year_ready(self, job, year: int):
        self.jobs.finish()
        self.year = None
        if not job.finished_ok:
            if job.canceled:
                messages.show_info(self.iface, job.error_text())
            else:
                messages.show_error(self.iface, job.error_text(), tr("The forms could not be opened"))
            self._update_buttons()
            return
        try:
            self.store = self.target.open(self.user)
        except StoreError as error:
            messages.show_error(self.iface, str(error), tr("The assessment database cannot be opened"))
            return
        self.year = int(year)
        self.refresh_lists()
        code = self._wanted_code if self._wanted_code in self.catalog else None
        if code is not None and self.tree.item(code).isHidden():
            code = None
        if code is None:
            code = next((c for c in self.tree.codes() if not self.tree.item(c).isHidden()), None)
        if code:
            self.select_code(code)
        self._update_info()

    def refresh_lists(self):
        """Re-read the year's forms: value column, unfilled set, departments, filters."""
        if self.store is None or self.year is None:
            return
        try:
            self.forms_frame = self.store.forms(self.year)
            self.unfilled = set(self.store.unfilled(self.year, catalog=self.catalog)["code"])
            departments = self.store.departments(self.year)
        except StoreError as error:
            messages.show_error(self.iface, str(error), tr("The assessment database cannot be read"))
            return
        current = self.department_combo.currentData() or ""
        self.department_combo.blockSignals(True)
        self.department_combo.clear()
        self.department_combo.addItem(tr("All departments"), "")
        for record in departments.to_dict("records"):
            name = record["department"]
            if not name:
                continue
            label = tr("{department} ({unfilled} of {n} unfilled)").format(
                department=name, unfilled=record["unfilled"], n=record["indicators"]) if record["unfilled"] else \
                tr("{department} ({n})").format(department=name, n=record["indicators"])
            self.department_combo.addItem(label, name)
        index = self.department_combo.findData(current)
        self.department_combo.setCurrentIndex(max(index, 0))
        self.department_combo.blockSignals(False)
        self._fill_values()
        self.apply_filter()

    def _fill_values(self):
        frame = self.forms_frame
        rows = {} if frame is None else {r["code"]: r for r in frame.to_dict("records")}
        for code in self.tree.codes():
            item = self.tree.item(code)
            record = rows.get(code)
            text, brush, tip = "", QBrush(), ""
            if record is not None:
                value, computed = record.get("value"), record.get("computed_value")
                if value is not None and value == value:
                    text = L.format_number(float(value))
                    tip = tr("Reported value")
                elif computed is not None and computed == computed:
                    text, brush, tip = L.format_number(float(computed)), COMPUTED_BRUSH, tr("Computed value")
                elif code in self.unfilled:
                    text, brush, tip = "—", UNFILLED_BRUSH, tr("No value yet")
            item.setText(COL_VALUE, text)
            item.setForeground(COL_VALUE, brush)
            item.setToolTip(COL_VALUE, tip)

    def department_of(self, code: str) -> str:
        frame = self.forms_frame
        if frame is None or not len(frame):
            return ""
        match = frame[frame["code"] == code]
        return str(match.iloc[0]["department"] or "") if len(match) else ""

    def apply_filter(self, *_args) -> int:
        department = self.department_combo.currentData() or ""
        kind = self.kind_combo.currentData() or ""
        unfilled_only = self.unfilled_check.isChecked()
        accept: Optional[Callable[[str], bool]] = None
        if department or kind or unfilled_only:
            frame = self.forms_frame
            departments = dict(zip(frame["code"], frame["department"])) if frame is not None else {}

            def accept(code):
                indicator = self.catalog.get(code)
                if department and departments.get(code) != department:
                    return False
                if kind == "spatial" and not (indicator is not None and indicator.is_spatial):
                    return False
                if kind == "reported" and (indicator is None or indicator.is_spatial):
                    return False
                return not unfilled_only or code in self.unfilled

        return self.tree.apply_filter(self.search.text(), "", False, accept)

    def visible_codes(self):
        return [code for code in self.tree.codes() if not self.tree.item(code).isHidden()]

    # one form ---------------------------------------------------------------------------
    def _on_tree_code(self, code: str):
        if code == self.code:
            return
        if not self.confirm_leave(tr("Another indicator is opened.")):
            self._reselect(self.code)
            return
        self.load_form(code)

    def _reselect(self, code: Optional[str]):
        self.tree.blockSignals(True)
        try:
            item = self.tree.item(code) if code else None
            if item is not None:
                self.tree.setCurrentItem(item)
            else:
                self.tree.setCurrentItem(None)
        finally:
            self.tree.blockSignals(False)

    def select_code(self, code: str) -> bool:
        """Show the form of ``code`` (clearing filters that hide it). Asks about unsaved edits."""
        item = self.tree.item(code)
        if item is None:
            return False
        if item.isHidden():
            for widget in (self.department_combo, self.kind_combo):
                widget.setCurrentIndex(0)
            self.unfilled_check.setChecked(False)
            self.search.clear()
        if self.tree.currentItem() is item:
            if self.code != code:
                self._on_tree_code(code)
        else:
            self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item, QAbstractItemView.PositionAtCenter)
        return self.code == code

    def load_form(self, code: str) -> bool:
        """Read the form of ``code`` from the store and show it (no question asked)."""
        if self.store is None or self.year is None:
            return False
        try:
            form = self.store.form(code, self.year, self.catalog)
            history = self.store.history(code)
            cross = self._cross_row(code)
        except StoreError as error:
            messages.show_error(self.iface, str(error), tr("The form cannot be read"))
            return False
        self.code = code
        self._wanted_code = code
        names = []
        if self.forms_frame is not None and len(self.forms_frame):
            names = sorted({d for d in self.forms_frame["department"].dropna() if d})
        self.form_widget.set_form(form, self.catalog.get(code), names, history, cross, self.tolerance(),
                                  self.target.evidence_base() if self.target else None, self.language)
        self._reselect(code)
        self.refresh_audit()
        self._update_buttons(check_undo=True)
        return True

    def _cross_row(self, code: str) -> Optional[dict]:
        frame = self.store.cross_check(self.year, self.tolerance(), catalog=self.catalog)
        match = frame[frame["code"] == code] if len(frame) else frame
        return match.iloc[0].to_dict() if len(match) else None

    def refresh_audit(self):
        if self.store is None or self.code is None:
            self.audit_table.set_rows(None)
            return
        try:
            self.audit_table.set_rows(self.store.audit(code=self.code, year=self.year), self.store.saves())
        except StoreError as error:
            messages.show_error(self.iface, str(error), tr("The audit trail cannot be read"))
        self.tabs.setTabText(1, tr("Audit trail ({n})").format(n=self.audit_table.rowCount()))

    def save(self) -> bool:
        """Save the form (one transaction). False when it is invalid, in conflict or refused."""
        if self.store is None or self.form_widget.loaded is None:
            return False
        ok, reason = self.form_widget.validation()
        if not ok:
            messages.show_warning(self.iface, reason, tr("The form was not saved"))
            return False
        if not self.form_widget.is_dirty():
            return True
        form = self.form_widget.edited_form()
        try:
            saved = self.store.save_form(form, by=self.user)
        except ConflictError as error:
            self._handle_conflict(error, form)
            return False
        except StoreError as error:
            messages.show_error(self.iface, str(error), tr("The form was not saved"))
            return False
        self.last_conflict = ""
        messages.show_success(self.iface, tr("Saved the form of {code} ({year}).").format(code=saved.code,
                                                                                         year=saved.year))
        self.refresh_lists()
        self.load_form(saved.code)
        if self._detached:
            self.restore_from_project()
        return True

    def _handle_conflict(self, error: ConflictError, mine):
        """Show both versions; the user's text stays in the form unless they choose otherwise."""
        self.last_conflict = str(error)
        edited = self.form_widget.edited_fields()
        messages.show_warning(self.iface, str(error), tr("The form was not saved"))
        self._set_reason(tr("Not saved: {message}").format(message=error), error=True)
        try:
            theirs = self.store.form(mine.code, mine.year, self.catalog)
        except StoreError:
            theirs = mine
        dialog = ConflictDialog(str(error), mine, theirs, edited, self)
        self.conflict_dialog = dialog
        result = dialog.exec_()
        if result == ConflictDialog.KEEP:
            if self.load_form(mine.code):
                self.form_widget.apply_fields(mine, edited)
                self._set_reason(tr("Reloaded the current version with your edits on top: review them and save "
                                    "again."))
        elif result == ConflictDialog.DISCARD:
            self.load_form(mine.code)
        self._update_buttons(check_undo=True)

    def revert(self):
        """Discard the unsaved edits (the stored form is shown again)."""
        if self.code is not None:
            self.load_form(self.code)

    def undo_last_save(self) -> bool:
        """Undo the last save of this indicator and year (asks first)."""
        if self.store is None or self.code is None:
            return False
        save_id = self.store.last_undoable_save(self.code, self.year)
        if save_id is None:
            messages.show_info(self.iface, tr("Nothing to undo for {code} ({year}).").format(code=self.code,
                                                                                           year=self.year))
            return False
        text = self._describe_save(save_id)
        if self.form_widget.is_dirty():
            text += "\n\n" + tr("Your unsaved edits are discarded.")
        answer = QMessageBox.question(self, tr("Undo last save"), text, QMessageBox.Yes | QMessageBox.No,
                                      QMessageBox.No)
        if answer != QMessageBox.Yes:
            return False
        try:
            self.store.undo_last_save(self.code, self.year, by=self.user)
        except (NothingToUndo, ConflictError, StoreError) as error:
            messages.show_error(self.iface, str(error), tr("The save was not undone"))
            return False
        messages.show_success(self.iface, tr("Undid save {n} of {code} ({year}).").format(
            n=save_id, code=self.code, year=self.year))
        code = self.code
        self.refresh_lists()
        self.load_form(code)
        return True

    def _describe_save(self, save_id: int) -> str:
        saves = self.store.saves()
        row = saves[saves["fid"] == save_id]
        fields = self.store.audit(code=self.code, year=self.year, save_id=save_id)
        names = join_list(dict.fromkeys(field_label(f) for f in fields["field"])) if len(fields) else ""
        if not len(row):
            return tr("Undo save {n}?").format(n=save_id)
        record = row.iloc[0]
        return tr("Undo the save by {by} at {at} ({fields}) of {code} ({year})? The fields get back the values "
                  "they had before it.").format(by=record["saved_by"] or "?", at=local_time(record["saved_at"]),
                                                fields=names, code=self.code, year=self.year)

    # buttons and labels -----------------------------------------------------------------
    def _set_reason(self, text: str, error: bool = False):
        self.reason_label.setText(text)
        self.reason_label.setStyleSheet("color: #c0392b;" if error else "color: #555;")
        self.reason_label.setVisible(bool(text))

    def _update_buttons(self, check_undo: bool = False):
        loaded = self.form_widget.loaded is not None and self.store is not None
        dirty = loaded and self.form_widget.is_dirty()
        ok, reason = self.form_widget.validation()
        busy = self.jobs.busy
        self.save_button.setEnabled(loaded and dirty and ok and not busy)
        self.revert_button.setEnabled(dirty and not busy)
        self.save_button.setToolTip(reason if loaded and not ok else tr("Save the form (one transaction)"))
        if loaded and not ok:
            self._set_reason(tr("Cannot save: {reason}").format(reason=reason), error=True)
        elif self.last_conflict and dirty:
            self._set_reason(tr("Not saved: {message}").format(message=self.last_conflict), error=True)
        elif dirty:
            self._set_reason(tr("Unsaved edits: {fields}.").format(fields=join_list(
                self._field_labels(self.form_widget.edited_fields()))))
        else:
            self._set_reason("")
        title = tr("Form") + (" *" if dirty else "")
        self.tabs.setTabText(0, title)
        if check_undo:
            save_id = self.store.last_undoable_save(self.code, self.year) if loaded and self.code else None
            self.undo_button.setProperty("save_id", save_id)
            self.undo_button.setToolTip(self._describe_save(save_id) if save_id else tr("Nothing to undo."))
        self.undo_button.setEnabled(loaded and not busy and self.undo_button.property("save_id") is not None)

    @staticmethod
    def _field_labels(names):
        return [field_label(n) for n in names]

    def _update_info(self):
        if self.target is None:
            where = tr("Assessment database: not set (save the project, or choose one with “…”).")
        else:
            where = tr("Assessment database: {where}").format(where=self.target.label())
        parts = [where, tr("Saved as: {user} · cross-check tolerance {tolerance} %").format(
            user=self.user, tolerance=f"{self.tolerance() * 100:g}")]
        if self._detached:
            parts.append(tr("The project was closed: this form still belongs to the previous project's database. "
                            "Save or revert it, then Reload."))
        self.info_label.setText("\n".join(parts))

    # settings ---------------------------------------------------------------------------
    def open_settings(self, values: Optional[dict] = None) -> bool:
        """The settings dialog (or ``values`` as it would return them). True when applied."""
        backend, connection, schema = read_backend()
        if values is None:
            dialog = DatabaseSettingsDialog(assessment_db.assessment_db_path(), backend, connection, schema,
                                            FormsSettings().user_name, FormsSettings().tolerance_pct, self)
            if not dialog.exec_():
                return False
            values = dialog.values()
        if values.get("backend") == "postgres" and not values.get("connection"):
            messages.show_warning(self.iface, tr("Choose a PostgreSQL connection (saved in QGIS)."))
            return False
        settings = FormsSettings()
        settings.user_name = values.get("user", "")
        settings.tolerance_pct = float(values.get("tolerance_pct", 5.0))
        path = values.get("gpkg_path", "")
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        if values.get("backend") != "postgres" and path and path != assessment_db.assessment_db_path():
            assessment_db.write_db_path(path)
        write_backend(values.get("backend", "gpkg"), values.get("connection", ""),
                      values.get("schema", DEFAULT_PG_SCHEMA))
        self.restore_from_project()
        return True

    # workbooks --------------------------------------------------------------------------
    def _ready_for_workbooks(self) -> bool:
        if self.jobs.busy:
            messages.show_info(self.iface, tr("Wait for the running task to finish, or cancel it."))
            return False
        if self.target is None or self.year is None:
            messages.show_warning(self.iface, tr("Open a year of the assessment database first."))
            return False
        return True

    def export_workbooks(self, folder: Optional[str] = None):
        """Write the task table and one workbook per department (a background task). Returns the job."""
        if not self._ready_for_workbooks():
            return None
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, tr("Folder for the department workbooks"),
                                                      FormsSettings().export_dir or "")
        if not folder:
            return None
        FormsSettings().export_dir = str(folder)
        if self.form_widget.is_dirty():
            messages.show_warning(self.iface, tr("The form of {code} has unsaved edits; they are not in the "
                                                 "workbooks.").format(code=self.code))
        parameters = dict(self.target.parameters(), YEAR=self.year, OUTPUT_FOLDER=str(folder), TASK_TABLE=True)
        try:
            job = run_algorithm(EXPORT_ALGORITHM, parameters, on_done=self._export_done)
        except Exception as error:  # noqa: BLE001
            messages.report_exception(self.iface, error, tr("The export could not start"))
            return None
        return self.jobs.start(job, tr("Exporting the department workbooks…"))

    def _export_done(self, job):
        self.jobs.finish()
        self._update_buttons()
        if not job.finished_ok:
            messages.show_error(self.iface, job.error_text(), tr("The workbooks were not written"))
            return
        self.last_export = job.result
        folder = job.result.get("OUTPUT_FOLDER", "")
        messages.show_success(self.iface, tr("Wrote {n} department workbooks and the task table to {folder}.").format(
            n=int(job.result.get("WORKBOOKS", 0)), folder=folder), tr("Workbooks exported"))
        self.open_path(folder)

    def open_path(self, path) -> bool:
        """Open a file or folder with the system's application (the file manager for a folder)."""
        return bool(path) and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def import_workbook(self, path: Optional[str] = None):
        """Check a returned workbook with a dry run of the import; the preview dialog follows. Returns the job."""
        if not self._ready_for_workbooks():
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Returned department workbook"),
                                                  FormsSettings().import_dir or FormsSettings().export_dir or "",
                                                  tr("Workbooks (*.xlsx *.csv)"))
        if not path:
            return None
        FormsSettings().import_dir = str(Path(path).parent)
        report = Path(tempfile.mkdtemp(prefix="cityhealth_import_")) / "import_report.xlsx"
        parameters = dict(self.target.parameters(), INPUT=str(path), YEAR=self.year, DRY_RUN=True,
                          REPORT=str(report), SUBMITTED_BY=self.user)
        try:
            job = run_algorithm(IMPORT_ALGORITHM, parameters, on_done=lambda j: self._preview_done(j, path, report),
                                description=tr("Checking {name}").format(name=Path(path).name))
        except Exception as error:  # noqa: BLE001
            messages.report_exception(self.iface, error, tr("The import could not start"))
            return None
        return self.jobs.start(job, tr("Checking the workbook…"))

    def _preview_done(self, job, path, report: Path):
        self.jobs.finish()
        self._update_buttons()
        if not job.finished_ok:
            messages.show_error(self.iface, job.error_text(), tr("The workbook could not be checked"))
            return None
        try:
            problems, changes = read_report(report)
        except Exception as error:  # noqa: BLE001 - a report we cannot read: say so, import nothing
            messages.report_exception(self.iface, error, tr("The import report cannot be read"))
            return None
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dialog = ImportPreviewDialog(path, problems, changes, int(job.result.get("ERRORS", 0)),
                                     int(job.result.get("WARNINGS", 0)), report, self)
        dialog.applyRequested.connect(lambda: self.apply_import(path))
        self.preview_dialog = dialog
        dialog.show()
        return dialog

    def apply_import(self, path):
        """Import the previewed workbook for real (a background task). Returns the job."""
        if not self._ready_for_workbooks():
            return None
        if not self.confirm_leave(tr("The import changes the forms; the form is reloaded afterwards.")):
            return None
        parameters = dict(self.target.parameters(), INPUT=str(path), YEAR=self.year, DRY_RUN=False,
                          SUBMITTED_BY=self.user)
        try:
            job = run_algorithm(IMPORT_ALGORITHM, parameters, on_done=self._import_done,
                                description=tr("Importing {name}").format(name=Path(path).name))
        except Exception as error:  # noqa: BLE001
            messages.report_exception(self.iface, error, tr("The import could not start"))
            return None
        if self.preview_dialog is not None:
            self.preview_dialog.set_busy(True)
        return self.jobs.start(job, tr("Importing the workbook…"))

    def _import_done(self, job):
        self.jobs.finish()
        dialog = self.preview_dialog
        if not job.finished_ok:
            text = job.error_text()
            messages.show_error(self.iface, text, tr("The workbook was not imported"))
            if dialog is not None:
                dialog.set_busy(False)
                dialog.set_status(text, error=True)
            self._update_buttons()
            return
        messages.show_success(self.iface, tr("Imported {n} changed cells; nothing else was changed.").format(
            n=int(job.result.get("CHANGES", 0))), tr("Workbook imported"))
        if dialog is not None:
            dialog.set_status(tr("Imported."))
            dialog.apply_button.setEnabled(False)
            dialog.accept()
        self.refresh_lists()
        if self.code is not None and not self.form_widget.is_dirty():
            self.load_form(self.code)
        else:
            self._update_buttons(check_undo=True)

    # cross-check ------------------------------------------------------------------------
    def show_cross_check(self) -> Optional[CrossCheckDialog]:
        if self.store is None or self.year is None:
            messages.show_warning(self.iface, tr("Open a year of the assessment database first."))
            return None
        try:
            frame = self.store.cross_check(self.year, self.tolerance(), catalog=self.catalog)
        except StoreError as error:
            messages.show_error(self.iface, str(error), tr("The cross-check cannot be read"))
            return None
        if self.cross_dialog is None:
            self.cross_dialog = CrossCheckDialog(self)
            self.cross_dialog.codeActivated.connect(self.select_code)
            self.cross_dialog.flagged_check.setChecked(True)
        names = {i.code: i.name(self.language) for i in self.catalog}
        self.cross_dialog.set_frame(frame, self.year, self.tolerance(), names)
        self.cross_dialog.show()
        self.cross_dialog.raise_()
        return self.cross_dialog

    # for tests and scripts --------------------------------------------------------------
    @property
    def job(self):
        return self.jobs.job

    def current_item_code(self) -> Optional[str]:
        item = self.tree.currentItem()
        return item.data(COL_NAME, Qt.UserRole + 1) if item is not None else None
