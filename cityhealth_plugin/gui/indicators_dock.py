"""The Indicators panel: pick indicators from the catalog tree, compute them, read the results.

Wiring only. The parts: the catalog tree with its filters (indicator_tree.IndicatorTree), the
result and per-unit tables (result_tables), the provenance dialog (provenance_dialog), result
layers in the layer tree (result_layers), the background run of cityhealth:computeindicators
(indicator_runner), the progress row (job_panel.JobPanel). Results are read back from the
project's assessment database (qgis_bridge.assessment_db), so reopening a project shows the
last results.
"""

from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import QgsProject, QgsSettings
from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import QLocale, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog.loader import load_catalog
from ..core.catalog.validate import CatalogError
from ..core.i18n import tr
from ..processing_provider.indicator_inputs import Availability, default_year, statistic_names
from ..qgis_bridge import assessment_db, project_state
from . import indicator_runner, messages
from .base_dock import CityHealthDock
from .indicator_tree import IndicatorTree, tier_choices
from .job_panel import JobPanel, progress_row
from .provenance_dialog import ProvenanceDialog
from .result_layers import layers_of, remove_layers_of, show_result_layers
from .result_tables import ResultTable, UnitTable


def ui_language() -> str:
    """'zh' when QGIS shows Chinese, else 'en' (same rule as the plugin's translator)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str) or QLocale().name()
    else:
        locale = QLocale().name()
    return "zh" if locale.lower().startswith("zh") else "en"


class IndicatorsDock(CityHealthDock):
    DOCK_ID = "CityHealthIndicatorsDock"

    @staticmethod
    def title() -> str:
        return tr("City health check: Indicators")

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.language = ui_language()
        self.catalog = load_catalog()
        self.results: Dict = {}
        self.statistics = ""
        self.dialogs: List[ProvenanceDialog] = []
        self._hidden_layers: List[str] = []
        self._computing: List[str] = []
        self._statistics_key = None
        self._statistics_names = None
        self._year_auto = True  # until the user picks a year, follow the data (latest results / statistics)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self.refresh_availability)
        self._build()
        self._connect()
        self.restore_from_project()

    # building ---------------------------------------------------------------------------
    def _build(self):
        content = QWidget(self)
        content.setObjectName("CityHealthIndicatorsContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        filters = QHBoxLayout()
        self.search = QgsFilterLineEdit(content)
        self.search.setPlaceholderText(tr("Search code or name"))
        self.tier_combo = QComboBox(content)
        for value, label in tier_choices():
            self.tier_combo.addItem(label, value)
        self.computable_check = QCheckBox(tr("Computable only"), content)
        self.computable_check.setToolTip(tr("Spatial indicators whose layers are assigned in the Data panel."))
        filters.addWidget(self.search, 1)
        filters.addWidget(self.tier_combo)
        filters.addWidget(self.computable_check)
        layout.addLayout(filters)

        self.tree = IndicatorTree(content)
        actions = QHBoxLayout()
        self.all_button = QPushButton(tr("All computable"), content)
        self.clear_button = QPushButton(tr("Clear"), content)
        self.year_spin = QSpinBox(content)
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(default_year())
        self.year_spin.setToolTip(tr("Assessment year"))
        self.compute_button = QPushButton(tr("Compute"), content)
        self.compute_button.setDefault(True)
        self.options_button = QToolButton(content)
        self.options_button.setText("…")
        self.options_button.setToolTip(tr("Assessment database and city catalog"))
        self.options_button.setPopupMode(QToolButton.InstantPopup)
        self.options_button.setMenu(self._options_menu())
        actions.addWidget(self.all_button)
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        actions.addWidget(QLabel(tr("Year"), content))
        actions.addWidget(self.year_spin)
        actions.addWidget(self.compute_button)
        actions.addWidget(self.options_button)

        self.progress_row, self.progress_label, self.progress_bar, self.cancel_button = progress_row(content)

        results = QWidget(content)
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        self.results_label = QLabel(results)
        self.results_label.setWordWrap(True)
        self.result_table = ResultTable(results)
        units_row = QHBoxLayout()
        self.units_label = QLabel(results)
        self.district_radio = QRadioButton(tr("Districts"), results)
        self.subdistrict_radio = QRadioButton(tr("Sub-districts"), results)
        self.district_radio.setChecked(True)
        self.unit_buttons = QButtonGroup(results)
        self.unit_buttons.addButton(self.district_radio)
        self.unit_buttons.addButton(self.subdistrict_radio)
        units_row.addWidget(self.units_label, 1)
        units_row.addWidget(self.district_radio)
        units_row.addWidget(self.subdistrict_radio)
        self.unit_table = UnitTable(results)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.result_table, 3)
        results_layout.addLayout(units_row)
        results_layout.addWidget(self.unit_table, 2)

        self.splitter = QSplitter(Qt.Vertical, content)
        tree_box = QWidget(self.splitter)
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addWidget(self.tree)
        tree_layout.addLayout(actions)
        tree_layout.addWidget(self.progress_row)
        self.splitter.addWidget(tree_box)
        self.splitter.addWidget(results)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 480])
        layout.addWidget(self.splitter, 1)
        self.info_label = QLabel(content)
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.info_label)
        self.setWidget(content)
        self.jobs = JobPanel(self.progress_row, self.progress_label, self.progress_bar, self.cancel_button,
                             (self.compute_button, self.all_button, self.clear_button))

    def _options_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(tr("Choose the assessment database…"), lambda: self.choose_db())
        menu.addAction(tr("Use the default assessment database"), lambda: self.set_db_path(None))
        menu.addSeparator()
        menu.addAction(tr("City catalog file…"), lambda: self.choose_catalog())
        menu.addAction(tr("Use the shipped catalog only"), lambda: self.set_catalog_overrides([]))
        menu.addSeparator()
        menu.addAction(tr("Reload results"), lambda: self.reload_results())
        return menu

    def _connect(self):
        self.search.textChanged.connect(self.apply_filter)
        self.tier_combo.currentIndexChanged.connect(self.apply_filter)
        self.computable_check.toggled.connect(self.apply_filter)
        self.all_button.clicked.connect(lambda: self.tree.check_computable())
        self.clear_button.clicked.connect(lambda: self.tree.clear_checks())
        self.compute_button.clicked.connect(lambda: self.compute())
        self.year_spin.valueChanged.connect(self._on_year_changed)
        self.tree.currentCodeChanged.connect(self._on_tree_code)
        self.result_table.currentCodeChanged.connect(self._show_units)
        self.result_table.codeActivated.connect(self.open_result)
        self.unit_buttons.buttonToggled.connect(lambda *_args: self._show_units(self.result_table.current_code()))
        project = QgsProject.instance()
        self.signals.connect(project.readProject, self._on_project_read)
        self.signals.connect(project.cleared, self._on_project_cleared)
        self.signals.connect(project.layersAdded, self._schedule_refresh)
        self.signals.connect(project.layersRemoved, self._schedule_refresh)
        self.signals.connect(project.dirtySet, self._schedule_refresh)

    def shutdown(self):
        self.jobs.detach()
        self._refresh_timer.stop()
        for dialog in self.dialogs:
            dialog.close()
        self.dialogs = []
        super().shutdown()

    # project state ----------------------------------------------------------------------
    def restore_from_project(self):
        """Catalog (with the project's city file), availability, the last results."""
        self._load_catalog()
        self._year_auto = True
        self.refresh_availability()
        self._set_year(self._initial_year())
        self.reload_results()

    def _set_year(self, year: int) -> None:
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(int(year))
        self.year_spin.blockSignals(False)

    def _on_year_changed(self, _value):
        self._year_auto = False
        self.reload_results()

    def _load_catalog(self):
        overrides = assessment_db.catalog_overrides()
        try:
            self.catalog = load_catalog(overrides=overrides)
        except CatalogError as error:
            messages.show_error(self.iface, str(error), tr("The city catalog file has problems"))
            self.catalog = load_catalog()
        self.tree.set_catalog(self.catalog, self.language)

    def _initial_year(self) -> int:
        stored = assessment_db.years_in(self.db_path())
        if stored:
            return stored[-1]
        table = assessment_db.read_statistics_table(assessment_db.statistics_source())
        years = [y for y in assessment_db.statistics_years(table) if y <= default_year()]
        return years[-1] if years else default_year()

    def _on_project_read(self, *_args):
        self.restore_from_project()

    def _on_project_cleared(self):
        self.jobs.cancel()
        self.results = {}
        self.result_table.set_results({}, self.catalog, self.language)
        self.unit_table.show_result(None, "district")
        self.refresh_availability()

    def _schedule_refresh(self, *_args):
        self._refresh_timer.start()

    def db_path(self) -> str:
        return assessment_db.assessment_db_path()

    def set_db_path(self, path: Optional[str]):
        assessment_db.write_db_path(path)
        self.refresh_availability()
        self.reload_results()

    def choose_db(self, path: Optional[str] = None) -> str:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Assessment database"), self.db_path() or "",
                                                  tr("GeoPackage (*.gpkg)"),
                                                  options=QFileDialog.DontConfirmOverwrite)
        if path:
            if not path.lower().endswith(".gpkg"):
                path += ".gpkg"
            self.set_db_path(path)
        return path or ""

    def choose_catalog(self, path: Optional[str] = None):
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("City catalog file"), "", tr("Catalog files (*.csv *.json)"))
        if path:
            self.set_catalog_overrides([path])

    def set_catalog_overrides(self, paths):
        assessment_db.write_catalog_overrides(paths)
        self._load_catalog()
        self.refresh_availability()
        self.reload_results()

    # availability and filters -----------------------------------------------------------
    def refresh_availability(self):
        """Which indicators the project's assigned layers (and statistics) allow."""
        roles = list(project_state.assigned_layers().keys())
        previous = self.statistics
        self.statistics = assessment_db.statistics_source(db_path=self.db_path())
        if self.statistics != previous and self._year_auto and not self.results:
            self._set_year(self._initial_year())  # data just opened: the year of its statistics
        availability = Availability(self.catalog, roles, self._statistic_names())
        missing = {code: availability.missing(code) for code in self.catalog.codes()}
        computable = {i.code: i.is_spatial and not missing[i.code] for i in self.catalog}
        self.tree.set_missing(missing, computable)
        self.apply_filter()
        self._update_info()

    def _statistic_names(self):
        """Codes and names in the statistics table (None without one), re-read when the file changes."""
        if not self.statistics:
            return None
        path = self.statistics.split("|", 1)[0]
        key = (self.statistics, Path(path).stat().st_mtime if Path(path).is_file() else None)
        if key != self._statistics_key:
            table = assessment_db.read_statistics_table(self.statistics)
            self._statistics_names = statistic_names(table) if table is not None else None
            self._statistics_key = key
        return self._statistics_names

    def apply_filter(self, *_args):
        self.tree.apply_filter(self.search.text(), self.tier_combo.currentData() or "",
                               self.computable_check.isChecked())

    def _update_info(self):
        db = self.db_path()
        parts = [tr("Assessment database: {path}").format(path=db) if db else
                 tr("Assessment database: not set (save the project or choose one with “…”).")]
        if self.statistics:
            parts.append(tr("Statistics: {source}").format(source=self._short(self.statistics)))
        else:
            parts.append(tr("Statistics: none found (a DEPT_STATS table in the data package)."))
        self.info_label.setText("\n".join(parts))

    @staticmethod
    def _short(source: str) -> str:
        path, _, table = source.partition("|layername=")
        return f"{Path(path).name} › {table}" if table else source

    # compute ----------------------------------------------------------------------------
    def compute(self, codes: Optional[List[str]] = None):
        """Compute the ticked indicators (or ``codes``) as a background task. Returns the job."""
        if self.jobs.busy:
            messages.show_info(self.iface, tr("Wait for the running task to finish, or cancel it."))
            return None
        codes = list(codes) if codes is not None else self.tree.checked_codes()
        if not codes:
            messages.show_warning(self.iface, tr("Tick at least one indicator to compute."))
            return None
        db = self.db_path() or self.choose_db()
        if not db:
            messages.show_warning(self.iface, tr("Choose where the assessment database is written first."))
            return None
        if not assessment_db.saved_db_path():
            assessment_db.write_db_path(db)  # results stay with the project even when it is saved elsewhere later
        self._hidden_layers = [code for code in codes if layers_of(code)]
        for code in self._hidden_layers:  # the task rewrites their tables
            remove_layers_of(code)
        try:
            job = indicator_runner.start_compute(codes, self.year_spin.value(), db, self.statistics,
                                                 on_done=self._compute_done)
        except Exception as error:  # noqa: BLE001
            messages.report_exception(self.iface, error, tr("The computation could not start"))
            return None
        self.results_label.setText(tr("Computing {n} indicators…").format(n=len(codes)))
        self._computing = codes
        return self.jobs.start(job, tr("Computing indicators…"))

    def _compute_done(self, job):
        self.jobs.finish()
        self.reload_results()
        for code in self._hidden_layers:
            self.add_result_layers(code)
        self._hidden_layers = []
        if not job.finished_ok:
            if job.canceled:
                messages.show_info(self.iface, job.error_text())
            else:
                messages.show_error(self.iface, job.error_text(), tr("Indicator computation failed"))
            return
        messages.show_success(self.iface, indicator_runner.summary(job), tr("Indicator computation finished"))
        computed = [code for code in self._computing if code in self.results]
        if computed:
            self.result_table.select_code(computed[0])

    def cancel_job(self):
        self.jobs.cancel()

    @property
    def job(self):
        return self.jobs.job

    # results ----------------------------------------------------------------------------
    def reload_results(self, year: Optional[int] = None):
        """Show the results of ``year`` (default: the year box) stored in the assessment database."""
        year = int(year if year is not None else self.year_spin.value())
        db = self.db_path()
        try:
            self.results = assessment_db.read_results(db, year) if db else {}
        except Exception as error:  # noqa: BLE001 - a damaged database must not break the panel
            messages.report_exception(self.iface, error, tr("The assessment database cannot be read"))
            self.results = {}
        self.result_table.set_results(self.results, self.catalog, self.language)
        if self.results:
            self.results_label.setText(tr("{n} results for {year} (double-click a row for its provenance and "
                                          "layers).").format(n=len(self.results), year=year))
        else:
            self.results_label.setText(tr("No results for {year} yet: tick indicators and press Compute.").format(
                year=year))
        self._show_units(self.result_table.current_code())
        self._update_info()

    def _on_tree_code(self, code: str):
        if code in self.results:
            self.result_table.select_code(code)

    def unit_type(self) -> str:
        return "subdistrict" if self.subdistrict_radio.isChecked() else "district"

    def _show_units(self, code: str):
        result = self.results.get(code)
        self.unit_table.show_result(result, self.unit_type())
        indicator = self.catalog.get(code) if code else None
        if result is None:
            self.units_label.setText(tr("Select a result to see its values per unit."))
        elif result.status != "ok":
            self.units_label.setText(tr("{code}: no values ({message})").format(
                code=code, message=result.message or "; ".join(result.missing)))
        else:
            name = indicator.name(self.language) if indicator else code
            self.units_label.setText(tr("{code} {name} per unit").format(code=code, name=name))

    def open_result(self, code: str):
        """Double-click: the provenance dialog and the result layers on the map."""
        dialog = self.show_provenance(code)
        self.add_result_layers(code)
        return dialog

    def show_provenance(self, code: str, show: bool = True) -> Optional[ProvenanceDialog]:
        result = self.results.get(code)
        if result is None:
            return None
        indicator = self.catalog.get(code)
        name = indicator.name(self.language) if indicator else code
        dialog = ProvenanceDialog(result.provenance, name, result.value, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_args, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        self.dialogs.append(dialog)
        if show:
            dialog.show()
        return dialog

    def add_result_layers(self, code: str):
        """Show the result layers of ``code`` in the group "CityHealth results" (replacing earlier ones)."""
        result = self.results.get(code)
        if result is None or not result.layer_tables:
            return []
        indicator = self.catalog.get(code)
        title = f"{code} {indicator.name(self.language) if indicator else ''}".strip()
        return show_result_layers(self.db_path(), code, title, result.layer_tables)
