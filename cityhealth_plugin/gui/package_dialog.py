"""The Deliverables dialog: the year's “1+1+6” package with one button.

It gathers the choices and runs ``cityhealth:exportpackage`` as a background task (progress,
Cancel); when it is done it lists what was written and what was left out (and why), and opens the
folder on request. Opened from the plugin menu (plugin.py).
"""

import datetime as _dt
import json
from pathlib import Path

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ..core.deliverables.outline import OutlineError, load_outline
from ..core.i18n import tr
from .settings import Settings
from .tasks import run_algorithm

ALGORITHM_ID = "cityhealth:exportpackage"


class PackageDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthPackageDialog")
        self.setWindowTitle(tr("Deliverables of the year"))
        self.setMinimumWidth(600)
        self.job = None
        self.folder = ""
        settings = Settings()
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Writes the annual report, the special report and the six annexes (1+1+6) into one folder. "
                          "Without an assessment database the assessment is run first. The reports are drafts: "
                          "search them for 待补充 to find what is still to be written."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.data_widget = QgsFileWidget()
        self.data_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.data_widget.setStorageMode(QgsFileWidget.GetFile)
        if settings.last_package_dir.lower().endswith(".gpkg"):
            self.data_widget.setFilePath(settings.last_package_dir)
        form.addRow(tr("Data package"), self.data_widget)
        self.database_widget = QgsFileWidget()
        self.database_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.database_widget.setStorageMode(QgsFileWidget.GetFile)
        form.addRow(tr("Assessment database (optional)"), self.database_widget)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(_dt.date.today().year - 1)
        form.addRow(tr("Assessment year"), self.year_spin)
        self.city_edit = QLineEdit()
        self.city_edit.setPlaceholderText(tr("e.g. 厦门市"))
        form.addRow(tr("City name"), self.city_edit)
        self.topic_combo = QComboBox()
        try:
            outline = load_outline()
            topics = sorted(outline.topics, key=lambda t: t.id != outline.default_topic)
        except OutlineError:
            topics = []
        for topic in topics:
            self.topic_combo.addItem(topic.zh, topic.id)
        form.addRow(tr("Special report topic"), self.topic_combo)
        self.map_check = QCheckBox(tr("Draw the map set (附件3)"))
        self.map_check.setChecked(True)
        self.survey_check = QCheckBox(tr("Analyse questionnaires found next to the data package (附件4)"))
        self.survey_check.setChecked(True)
        form.addRow("", self.map_check)
        form.addRow("", self.survey_check)
        self.folder_widget = QgsFileWidget()
        self.folder_widget.setStorageMode(QgsFileWidget.GetDirectory)
        if settings.export_dir:
            self.folder_widget.setFilePath(settings.export_dir)
        form.addRow(tr("Output folder"), self.folder_widget)
        layout.addLayout(form)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        self.details.hide()
        layout.addWidget(self.details)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.run_button = QPushButton(tr("Make the package"))
        self.run_button.setObjectName("CityHealthPackageRun")
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.open_button = QPushButton(tr("Open folder"))
        self.open_button.setEnabled(False)
        for button in (self.run_button, self.cancel_button, self.open_button):
            self.buttons.addButton(button, QDialogButtonBox.ActionRole)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_folder)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ running
    def parameters(self) -> dict:
        return {
            "DATA_PACKAGE": self.data_widget.filePath().strip(),
            "ASSESSMENT_DB": self.database_widget.filePath().strip(),
            "YEAR": self.year_spin.value(),
            "CITY_NAME": self.city_edit.text().strip(),
            "SPECIAL_TOPIC": max(self.topic_combo.currentIndex(), 0),
            "MAP_SET": self.map_check.isChecked(),
            "SURVEY": self.survey_check.isChecked(),
            "OUTPUT_FOLDER": self.folder_widget.filePath().strip(),
        }

    def problem(self) -> str:
        parameters = self.parameters()
        if not parameters["DATA_PACKAGE"] or not Path(parameters["DATA_PACKAGE"]).is_file():
            return tr("Choose the data package (a GeoPackage file).")
        if parameters["ASSESSMENT_DB"] and not Path(parameters["ASSESSMENT_DB"]).is_file():
            return tr("The assessment database {path} does not exist; leave it empty to run the assessment.").format(
                path=parameters["ASSESSMENT_DB"])
        if not parameters["OUTPUT_FOLDER"]:
            return tr("Choose an output folder.")
        return ""

    def start(self):
        problem = self.problem()
        if problem:
            self.set_status(problem, error=True)
            return
        parameters = self.parameters()
        Settings().export_dir = parameters["OUTPUT_FOLDER"]
        self.folder = parameters["OUTPUT_FOLDER"]
        self.details.hide()
        self.progress.setValue(0)
        self.set_status(tr("Making the package … (the map set takes a while)"))
        self.set_busy(True)
        self.job = run_algorithm(ALGORITHM_ID, parameters, on_done=self.finished, on_progress=self.on_progress,
                                 description=tr("CityHealth deliverables"))

    def on_progress(self, value):
        self.progress.setValue(int(value))

    def cancel(self):
        if self.job is not None:
            self.job.cancel()
            self.set_status(tr("Cancelling …"))

    def finished(self, job):
        self.set_busy(False)
        self.job = None
        if not job.finished_ok:
            self.set_status(job.error_text(), error=True)
            return
        result = job.result or {}
        self.folder = result.get("OUTPUT_FOLDER") or self.folder
        self.progress.setValue(100)
        skipped = [line for line in str(result.get("SKIPPED") or "").splitlines() if line.strip()]
        self.set_status(tr("Package written to {folder}: {files} files, {skipped} items left out.").format(
            folder=self.folder, files=int(result.get("FILES") or 0), skipped=len(skipped)))
        lines = self.file_lines(result.get("MANIFEST"))
        if skipped:
            lines += ["", tr("Left out:")] + skipped
        self.details.setPlainText("\n".join(lines))
        self.details.show()
        self.open_button.setEnabled(bool(self.folder))

    @staticmethod
    def file_lines(manifest) -> list:
        try:
            data = json.loads(Path(manifest).read_text(encoding="utf-8"))
        except (OSError, TypeError, ValueError):
            return []
        return [entry.get("path", "") for entry in data.get("files", [])]

    def open_folder(self):
        if self.folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder))

    # ------------------------------------------------------------------ state
    def set_status(self, text: str, error: bool = False):
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020" if error else "")

    def set_busy(self, busy: bool):
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        for widget in (self.data_widget, self.database_widget, self.year_spin, self.city_edit, self.topic_combo,
                       self.map_check, self.survey_check, self.folder_widget):
            widget.setEnabled(not busy)

    def reject(self):
        if self.job is not None:
            self.job.cancel()
        super().reject()
