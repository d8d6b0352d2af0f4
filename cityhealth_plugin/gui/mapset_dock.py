"""The Map set panel: the planning implementation analysis map set (附件3 规划实施分析图集).

Lists the maps of the catalogue with whether each can be drawn from the project (role
assignments saved by the Data panel, result layers tagged by the other panels with
``qgis_bridge.map_layers.tag_result_layer``) and, when not, why. Exports the chosen maps with
``cityhealth:exportmapset`` as a background task (progress, cancel); opens one map as a print
layout in the layout designer; saves the edited layout as the user's template of that map,
which later exports use.
"""

from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import QgsApplication, QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import tr
from ..core.mapset.catalog import Availability, CatalogueError, default_catalogue
from ..core.mapset.page import PNG_DPI, papers
from ..core.mapset.text import language
from ..qgis_bridge import project_state
from ..qgis_bridge.layouts import (
    MAP_ID_PROPERTY,
    MapSetError,
    MapSetOptions,
    availabilities,
    create_project_layout,
    save_user_template,
)
from ..qgis_bridge.map_layers import MapSetInputs, project_results
from . import messages
from .base_dock import CityHealthDock
from .job_panel import JobPanel, progress_row
from .settings import Settings, _Setting
from .tasks import run_algorithm

ALGORITHM_ID = "cityhealth:exportmapset"
RESULT_PARAMETERS = {"compliance_violations": "VIOLATIONS", "service_area": "SERVICE_AREAS",
                     "uncovered": "UNCOVERED", "life_circle": "LIFE_CIRCLE", "satisfaction": "SATISFACTION",
                     "indicator": "INDICATOR_VALUES"}
TEMPLATE_SUBFOLDER = "cityhealth_layouts"
ID_ROLE = Qt.UserRole
AVAILABLE_ROLE = Qt.UserRole + 1


class MapSetSettings(Settings):
    """The panel's own settings (same QgsSettings prefix as gui/settings.py)."""

    template_dir = _Setting("mapset/template_dir", "", str)
    city = _Setting("mapset/city", "", str)
    paper = _Setting("mapset/paper", "A3", str)
    png_dpi = _Setting("mapset/png_dpi", PNG_DPI, int)


def template_folder(project: Optional[QgsProject] = None) -> Path:
    """Where user templates are saved: the folder from the settings, else next to the saved
    project (``cityhealth_layouts``), else in the QGIS profile."""
    configured = MapSetSettings().template_dir
    if configured:
        return Path(configured)
    project = project or QgsProject.instance()
    if project.fileName():
        return Path(project.absolutePath()) / TEMPLATE_SUBFOLDER
    return Path(QgsApplication.qgisSettingsDirPath()) / "cityhealth" / "layouts"


def template_folders(project: Optional[QgsProject] = None) -> List[str]:
    """Folders searched for user templates, first hit wins."""
    project = project or QgsProject.instance()
    folders = [str(template_folder(project))]
    if project.fileName():
        folders.append(str(Path(project.absolutePath()) / TEMPLATE_SUBFOLDER))
    return list(dict.fromkeys(folders))


def project_inputs(project: Optional[QgsProject] = None, year: Optional[int] = None) -> MapSetInputs:
    """Role layers and result layers of the project, as map set inputs (main thread)."""
    project = project or QgsProject.instance()
    return MapSetInputs(roles=project_state.assigned_layers(project), results=project_results(project, year))


class MapSetDock(CityHealthDock):
    DOCK_ID = "CityHealthMapSetDock"
    ICON = "mapset.svg"

    @staticmethod
    def title() -> str:
        return tr("City health check: Map set")

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.availability: Dict[str, Availability] = {}
        self.last_result: Optional[dict] = None
        self.last_layout = None
        self._ticks: Dict[str, bool] = {}  # the user's ticks by map id (maps not in it are ticked)
        self._filling = False
        self._build()
        self.jobs = JobPanel(self.progress_row, self.progress_label, self.progress_bar, self.cancel_button,
                             (self.export_button, self.designer_button, self.template_button, self.refresh_button))
        self._connect()
        self.refresh()

    # -- widgets ------------------------------------------------------------------------
    def _build(self):
        content = QWidget(self)
        layout = QVBoxLayout(content)
        form = QFormLayout()
        settings = MapSetSettings()
        self.city_edit = QLineEdit(settings.city, content)
        self.city_edit.setObjectName("cityEdit")
        self.city_edit.setPlaceholderText(tr("e.g. 厦门市"))
        form.addRow(tr("City"), self.city_edit)
        years = QHBoxLayout()
        self.year_spin = QSpinBox(content)
        self.year_spin.setObjectName("yearSpin")
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(_default_year())
        self.base_year_spin = QSpinBox(content)
        self.base_year_spin.setObjectName("baseYearSpin")
        self.base_year_spin.setRange(1990, 2100)
        self.base_year_spin.setValue(2020)
        years.addWidget(self.year_spin)
        years.addWidget(QLabel(tr("base year"), content))
        years.addWidget(self.base_year_spin)
        form.addRow(tr("Year"), years)
        layout.addLayout(form)

        self.map_list = QTreeWidget(content)
        self.map_list.setObjectName("mapList")
        self.map_list.setColumnCount(2)
        self.map_list.setHeaderLabels([tr("Map"), tr("Status")])
        self.map_list.setRootIsDecorated(False)
        self.map_list.setWordWrap(True)
        self.map_list.header().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.map_list.header().setStretchLastSection(True)
        layout.addWidget(self.map_list, 1)
        row = QHBoxLayout()
        self.all_button = QPushButton(tr("Select all available"), content)
        self.none_button = QPushButton(tr("Select none"), content)
        self.refresh_button = QPushButton(tr("Refresh"), content)
        for button in (self.all_button, self.none_button, self.refresh_button):
            row.addWidget(button)
        layout.addLayout(row)

        options = QFormLayout()
        self.paper_combo = QComboBox(content)
        self.paper_combo.setObjectName("paperCombo")
        for paper in papers():
            self.paper_combo.addItem(tr("{paper} landscape").format(paper=paper), paper)
        index = self.paper_combo.findData(settings.paper)
        self.paper_combo.setCurrentIndex(max(index, 0))
        options.addRow(tr("Paper"), self.paper_combo)
        self.dpi_spin = QSpinBox(content)
        self.dpi_spin.setObjectName("dpiSpin")
        self.dpi_spin.setRange(50, 600)
        self.dpi_spin.setValue(settings.png_dpi or PNG_DPI)
        self.dpi_spin.setSuffix(" dpi")
        options.addRow(tr("PNG resolution"), self.dpi_spin)
        self.atlas_check = QCheckBox(tr("Add one page per district (atlas)"), content)
        self.cover_check = QCheckBox(tr("Cover and contents page"), content)
        self.cover_check.setChecked(True)
        options.addRow(self.atlas_check)
        options.addRow(self.cover_check)
        self.language_combo = QComboBox(content)
        self.language_combo.addItem(tr("Chinese"), "zh")
        self.language_combo.addItem(tr("English"), "en")
        self.language_combo.setCurrentIndex(0 if language(QgsApplication.locale()) == "zh" else 1)
        options.addRow(tr("Map language"), self.language_combo)
        self.folder_widget = QgsFileWidget(content)
        self.folder_widget.setObjectName("outputFolder")
        self.folder_widget.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder_widget.setFilePath(Settings().export_dir or "")
        options.addRow(tr("Output folder"), self.folder_widget)
        layout.addLayout(options)

        buttons = QHBoxLayout()
        self.export_button = QPushButton(tr("Export"), content)
        self.export_button.setObjectName("exportButton")
        self.designer_button = QPushButton(tr("Open in layout designer"), content)
        self.template_button = QPushButton(tr("Save template"), content)
        self.designer_button.setToolTip(tr("Create the selected map as a print layout of the project and open it "
                                           "in the layout designer to edit it."))
        self.template_button.setToolTip(tr("Save the edited layout of the selected map as your template: the map "
                                           "set uses it from now on."))
        for button in (self.export_button, self.designer_button, self.template_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.progress_row, self.progress_label, self.progress_bar, self.cancel_button = progress_row(content)
        layout.addWidget(self.progress_row)
        self.status_label = QLabel(content)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setOpenExternalLinks(False)
        self.status_label.linkActivated.connect(lambda link: QDesktopServices.openUrl(QUrl(link)))
        layout.addWidget(self.status_label)
        self.setWidget(content)

    def _connect(self):
        self.all_button.clicked.connect(lambda: self.select_all())
        self.none_button.clicked.connect(lambda: self.select_maps([]))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.map_list.itemChanged.connect(self._on_item_changed)
        self.export_button.clicked.connect(lambda: self.export())
        self.designer_button.clicked.connect(lambda: self.open_in_designer())
        self.template_button.clicked.connect(lambda: self.save_template())
        project = QgsProject.instance()
        for signal in (project.readProject, project.cleared, project.layersAdded, project.layersRemoved):
            self.signals.connect(signal, lambda *_args: self.refresh())
        self.visibilityChanged.connect(self._on_visibility)

    def shutdown(self):
        self.jobs.detach()
        try:
            self.visibilityChanged.disconnect(self._on_visibility)
        except TypeError:
            pass
        super().shutdown()

    def _on_visibility(self, visible):
        if visible:
            self.refresh()

    # -- the map list -------------------------------------------------------------------
    def lang(self) -> str:
        """Language of the printed maps (the panel's choice)."""
        return self.language_combo.currentData() or "zh"

    @staticmethod
    def ui_lang() -> str:
        """Language of the panel itself: map names and reasons in the list follow QGIS's language."""
        return language(QgsApplication.locale())

    def refresh(self) -> Dict[str, Availability]:
        """Recompute which maps can be drawn from the project. A map that can be drawn is ticked
        unless the user unticked it."""
        try:
            catalogue = default_catalogue()
            items = availabilities(catalogue, project_inputs(year=self.year_spin.value()).prepared(), self.ui_lang())
        except (CatalogueError, MapSetError, ValueError) as error:
            messages.report_exception(self.iface, error, tr("The map list could not be built"))
            return {}
        self.availability = {item.entry.id: item for item in items}
        current = self.map_list.currentItem()
        current_id = current.data(0, ID_ROLE) if current is not None else None
        self._filling = True
        self.map_list.clear()
        grey = QBrush(QColor("#808080"))
        for item in items:
            row = QTreeWidgetItem([item.entry.name(self.ui_lang()),
                                   tr("ready") if item.available else item.reason])
            row.setData(0, ID_ROLE, item.entry.id)
            row.setData(0, AVAILABLE_ROLE, item.available)
            row.setToolTip(0, item.entry.id)
            row.setToolTip(1, item.reason if not item.available else tr("All inputs are there."))
            if item.available:
                row.setFlags(row.flags() | Qt.ItemIsUserCheckable)
                state = self._ticks.get(item.entry.id, True)
                row.setCheckState(0, Qt.Checked if state else Qt.Unchecked)
            else:
                row.setFlags((row.flags() | Qt.ItemIsUserCheckable) & ~Qt.ItemIsEnabled)
                row.setCheckState(0, Qt.Unchecked)
                row.setForeground(0, grey)
                row.setForeground(1, grey)
            self.map_list.addTopLevelItem(row)
            if item.entry.id == current_id:
                self.map_list.setCurrentItem(row)
        self._filling = False
        available = sum(1 for item in items if item.available)
        self.export_button.setEnabled(available > 0 and not self.jobs.busy)
        if not self.jobs.busy:
            self.status_label.setText(tr("{available} of {total} maps can be drawn.").format(
                available=available, total=len(items)))
        return self.availability

    def _on_item_changed(self, row, column):
        if column == 0 and not self._filling and row.data(0, AVAILABLE_ROLE):
            self._ticks[row.data(0, ID_ROLE)] = row.checkState(0) == Qt.Checked

    def _rows(self):
        return [self.map_list.topLevelItem(i) for i in range(self.map_list.topLevelItemCount())]

    def checked_maps(self) -> List[str]:
        return [row.data(0, ID_ROLE) for row in self._rows()
                if row.data(0, AVAILABLE_ROLE) and row.checkState(0) == Qt.Checked]

    def select_maps(self, map_ids) -> None:
        wanted = set(map_ids)
        for row in self._rows():
            if row.data(0, AVAILABLE_ROLE):
                row.setCheckState(0, Qt.Checked if row.data(0, ID_ROLE) in wanted else Qt.Unchecked)

    def select_all(self) -> None:
        self.select_maps([map_id for map_id, item in self.availability.items() if item.available])

    def current_map(self) -> Optional[str]:
        row = self.map_list.currentItem()
        if row is not None:
            return row.data(0, ID_ROLE)
        checked = self.checked_maps()
        return checked[0] if checked else None

    def set_current_map(self, map_id: str) -> None:
        for row in self._rows():
            if row.data(0, ID_ROLE) == map_id:
                self.map_list.setCurrentItem(row)

    # -- options ------------------------------------------------------------------------
    def options(self, maps=None) -> MapSetOptions:
        return MapSetOptions(
            maps=maps, paper=self.paper_combo.currentData(), png_dpi=self.dpi_spin.value(),
            atlas=self.atlas_check.isChecked(), cover=self.cover_check.isChecked(),
            city=self.city_edit.text().strip(), year=self.year_spin.value(),
            base_year=self.base_year_spin.value(), lang=self.lang(),
            output_folder=self.folder_widget.filePath(), work_crs=project_state.read_work_crs(),
            template_dirs=template_folders())

    def _remember(self):
        settings = MapSetSettings()
        settings.city = self.city_edit.text().strip()
        settings.paper = self.paper_combo.currentData()
        settings.png_dpi = self.dpi_spin.value()
        if self.folder_widget.filePath():
            Settings().export_dir = self.folder_widget.filePath()

    def export_parameters(self, maps: List[str]) -> dict:
        """Parameters of cityhealth:exportmapset for the chosen maps and the project's layers."""
        from ..processing_provider.algorithms.export_map_set import INDICATOR_OPTION, map_options, parameter_name

        ids, _labels = map_options()
        indices = []
        for map_id in maps:
            key = INDICATOR_OPTION if map_id.startswith(INDICATOR_OPTION + "_") else map_id
            if key in ids and ids.index(key) not in indices:
                indices.append(ids.index(key))
        options = self.options(maps)
        parameters = {parameter_name(role_id): layer.id()
                      for role_id, layer in project_state.assigned_layers().items()}
        for result_id, layer in project_results(year=options.year).items():
            name = RESULT_PARAMETERS.get(result_id.split(":", 1)[0])
            if name and name not in parameters:
                parameters[name] = layer.id()
        parameters.update({
            "MAPS": indices, "PAPER": list(papers()).index(options.paper), "DPI": options.png_dpi,
            "ATLAS": options.atlas, "COVER": options.cover, "CITY_NAME": options.city, "YEAR": options.year,
            "BASE_YEAR": options.base_year, "LANGUAGE": 0 if options.lang == "zh" else 1,
            "WORK_CRS": options.work_crs, "OUTPUT_FOLDER": options.output_folder,
        })
        folders = [folder for folder in options.template_dirs if Path(folder).is_dir()]
        if folders:
            parameters["TEMPLATE_FOLDER"] = folders[0]
        return parameters

    # -- actions ------------------------------------------------------------------------
    def export(self):
        """Export the ticked maps in the background. Returns the job (None when nothing starts)."""
        if self.jobs.busy:
            messages.show_info(self.iface, tr("Wait for the running task to finish, or cancel it."))
            return None
        maps = self.checked_maps()
        if not maps:
            messages.show_warning(self.iface, tr("Tick at least one map that can be drawn."))
            return None
        if not self.folder_widget.filePath():
            messages.show_warning(self.iface, tr("Choose an output folder for the map set."))
            return None
        self._remember()
        try:
            job = run_algorithm(ALGORITHM_ID, self.export_parameters(maps), on_done=self._export_done,
                                description=tr("Exporting the map set"))
        except Exception as error:  # noqa: BLE001 (shown to the user, traceback to the log)
            messages.report_exception(self.iface, error, tr("The map set export could not start"))
            return None
        self.status_label.setText(tr("Exporting {count} maps…").format(count=len(maps)))
        return self.jobs.start(job, tr("Exporting the map set…"))

    def _export_done(self, job):
        self.jobs.finish()
        if not job.finished_ok or not (job.result or {}).get("PDF"):
            text = job.error_text()
            self.status_label.setText(text)
            if job.canceled:
                messages.show_info(self.iface, text)
            else:
                messages.show_error(self.iface, text, tr("Map set export failed"))
            return
        self.last_result = dict(job.result)
        pdf = self.last_result["PDF"]
        pages = int(self.last_result.get("PAGES") or 0)
        url = QUrl.fromLocalFile(pdf).toString()
        self.status_label.setText(tr("{pages} pages written: {link}").format(
            pages=pages, link='<a href="{}">{}</a>'.format(url, Path(pdf).name)))
        messages.show_success(self.iface, tr("Map set written to {path} ({pages} pages).").format(
            path=pdf, pages=pages))

    def open_in_designer(self, map_id: Optional[str] = None):
        """Create the map's print layout in the project and open it in the layout designer."""
        map_id = map_id or self.current_map()
        if not map_id:
            messages.show_warning(self.iface, tr("Select a map in the list first."))
            return None
        try:
            inputs = project_inputs(year=self.year_spin.value()).prepared()
            layout = create_project_layout(map_id, inputs, self.options([map_id]), QgsProject.instance(),
                                           atlas=self.atlas_check.isChecked())
        except (MapSetError, ValueError) as error:
            messages.show_warning(self.iface, str(error), tr("The layout could not be made"))
            return None
        except Exception as error:  # noqa: BLE001
            messages.report_exception(self.iface, error, tr("The layout could not be made"))
            return None
        self.last_layout = layout
        self.iface.openLayoutDesigner(layout)
        messages.show_info(self.iface, tr("Edit the layout, then press “Save template” to use it for this map."))
        return layout

    def _layout_for(self, map_id: Optional[str]):
        if self.last_layout is not None:
            try:
                if map_id is None or self.last_layout.customProperty(MAP_ID_PROPERTY, "") == map_id:
                    return self.last_layout
            except RuntimeError:
                self.last_layout = None  # deleted by the user
        for layout in QgsProject.instance().layoutManager().printLayouts():
            if layout.customProperty(MAP_ID_PROPERTY, "") == map_id:
                return layout
        return None

    def save_template(self, map_id: Optional[str] = None, folder: Optional[str] = None):
        """Save the map's edited layout as the user's template. Returns the path (None on failure)."""
        map_id = map_id or self.current_map()
        layout = self._layout_for(map_id)
        if layout is None:
            messages.show_warning(self.iface, tr("Open the map in the layout designer first, edit it, then save "
                                                 "it as the template."))
            return None
        target = Path(folder) if folder else template_folder()
        try:
            path = save_user_template(layout, target)
        except MapSetError as error:
            messages.show_error(self.iface, str(error), tr("The template could not be saved"))
            return None
        messages.show_success(self.iface, tr("Template saved to {path}; the map set uses it for this map.").format(
            path=path))
        self.status_label.setText(tr("Template saved: {path}").format(path=path))
        return path

    def cancel_job(self):
        self.jobs.cancel()

    @property
    def job(self):
        return self.jobs.job


def _default_year() -> int:
    import datetime

    return datetime.date.today().year


__all__ = ["MapSetDock", "template_folder", "template_folders", "project_inputs"]
