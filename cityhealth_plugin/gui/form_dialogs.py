"""Dialogs of the Forms panel: a save conflict, and where the assessment database is.

``ConflictDialog``: someone saved the form after it was opened (``ConflictError``). It shows
the message and, side by side, the user's unsaved version and the database's current one for
every field that differs, so nothing typed is lost: copy the user's version to the clipboard,
reload keeping the user's edits on top of the new version, reload discarding them, or cancel
(the edits stay in the form).

``DatabaseSettingsDialog``: the project's assessment GeoPackage (the default, shared with the
Indicators panel) or a saved QGIS PostgreSQL connection with a schema; the user name written to
the audit log; the cross-check tolerance.
"""

import getpass
from typing import List, Sequence

from qgis.gui import QgsFileWidget, QgsProviderConnectionComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.i18n import tr
from ..core.store.database import DEFAULT_PG_SCHEMA
from ..core.store.forms import Form
from .indicator_form import EDITABLE, field_label, format_value


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (service accounts)
        return ""


def _field_text(form: Form, name: str) -> str:
    value = getattr(form, name)
    if name == "value":
        return format_value(value)
    if name == "evidence":
        return "; ".join(e.path for e in value)
    return str(value or "")


def form_as_text(form: Form, fields: Sequence[str] = EDITABLE) -> str:
    """The fields of a form as plain text (for the clipboard)."""
    lines = [f"{form.code} {form.year}"]
    for name in fields:
        text = _field_text(form, name)
        if text:
            lines.append(f"{field_label(name)}: {text}")
    return "\n".join(lines)


class ConflictDialog(QDialog):
    KEEP, DISCARD = 1, 2  # exec_() results besides Rejected (0: cancel, keep everything as it is)

    def __init__(self, message: str, mine: Form, theirs: Form, edited: Sequence[str], parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthConflictDialog")
        self.setWindowTitle(tr("The form was changed meanwhile"))
        self.resize(760, 440)
        self.mine, self.theirs, self.edited = mine, theirs, list(edited)
        layout = QVBoxLayout(self)
        self.message_label = QLabel(message, self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.message_label)
        layout.addWidget(QLabel(tr("Nothing was saved. Your version and the database's current version, where they "
                                   "differ (* = fields you edited):"), self))
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("CityHealthConflictTable")
        self.table.setHorizontalHeaderLabels([tr("Field"), tr("Your version (not saved)"), tr("Database now")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        layout.addWidget(self.table, 1)
        self._fill()
        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(tr("Copy my version"), self)
        self.keep_button = QPushButton(tr("Reload, keep my edits"), self)
        self.keep_button.setToolTip(tr("Load the database's current version and put your edited fields back on top; "
                                       "review them and save again."))
        self.discard_button = QPushButton(tr("Reload, discard my edits"), self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        self.buttons.addButton(self.keep_button, QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.discard_button, QDialogButtonBox.DestructiveRole)
        self.buttons.addButton(QDialogButtonBox.Cancel)
        self.copy_button.clicked.connect(self.copy_mine)
        self.keep_button.clicked.connect(lambda: self.done(self.KEEP))
        self.discard_button.clicked.connect(lambda: self.done(self.DISCARD))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def differing(self) -> List[str]:
        return [n for n in EDITABLE if _field_text(self.mine, n) != _field_text(self.theirs, n)]

    def _fill(self):
        names = self.differing()
        self.table.setRowCount(len(names))
        for r, name in enumerate(names):
            label = field_label(name) + (" *" if name in self.edited else "")
            for c, text in enumerate([label, _field_text(self.mine, name), _field_text(self.theirs, name)]):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def copy_mine(self) -> str:
        text = form_as_text(self.mine)
        QApplication.clipboard().setText(text)
        return text


class DatabaseSettingsDialog(QDialog):
    """Where the forms are stored and who signs the audit log."""

    def __init__(self, gpkg_path: str, backend: str, connection: str, schema: str, user: str, tolerance_pct: float,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthFormsSettingsDialog")
        self.setWindowTitle(tr("Assessment database settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.gpkg_radio = QRadioButton(tr("The project's assessment GeoPackage"), self)
        self.pg_radio = QRadioButton(tr("A PostgreSQL connection (shared server)"), self)
        group = QButtonGroup(self)
        group.addButton(self.gpkg_radio)
        group.addButton(self.pg_radio)
        self.file_widget = QgsFileWidget(self)
        self.file_widget.setStorageMode(QgsFileWidget.SaveFile)
        self.file_widget.setConfirmOverwrite(False)
        self.file_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.file_widget.setFilePath(gpkg_path or "")
        self.connection_combo = QgsProviderConnectionComboBox("postgres", self)
        self.connection_combo.setAllowEmptyConnection(True)
        if connection:
            self.connection_combo.setConnection(connection)
        self.schema_edit = QLineEdit(schema or DEFAULT_PG_SCHEMA, self)
        self.user_edit = QLineEdit(user, self)
        self.user_edit.setPlaceholderText(os_user())
        self.tolerance_spin = QDoubleSpinBox(self)
        self.tolerance_spin.setRange(0.0, 100.0)
        self.tolerance_spin.setDecimals(1)
        self.tolerance_spin.setSuffix(" %")
        self.tolerance_spin.setValue(float(tolerance_pct))
        form.addRow(self.gpkg_radio)
        form.addRow(tr("GeoPackage"), self.file_widget)
        form.addRow(self.pg_radio)
        form.addRow(tr("Connection"), self.connection_combo)
        form.addRow(tr("Schema"), self.schema_edit)
        form.addRow(tr("Your name (audit log)"), self.user_edit)
        form.addRow(tr("Cross-check tolerance"), self.tolerance_spin)
        layout.addLayout(form)
        hint = QLabel(tr("PostgreSQL connections are the ones saved in QGIS (Data Source Manager › PostgreSQL). "
                         "The GeoPackage is shared with the Indicators panel; by default it lies next to the "
                         "project file."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.pg_radio if backend == "postgres" else self.gpkg_radio).setChecked(True)
        self.gpkg_radio.toggled.connect(self._enable)
        self._enable()

    def _enable(self, *_args):
        pg = self.pg_radio.isChecked()
        self.file_widget.setEnabled(not pg)
        self.connection_combo.setEnabled(pg)
        self.schema_edit.setEnabled(pg)

    def values(self) -> dict:
        return {
            "backend": "postgres" if self.pg_radio.isChecked() else "gpkg",
            "gpkg_path": self.file_widget.filePath().strip(),
            "connection": self.connection_combo.currentConnection() or "",
            "schema": self.schema_edit.text().strip() or DEFAULT_PG_SCHEMA,
            "user": self.user_edit.text().strip(),
            "tolerance_pct": self.tolerance_spin.value(),
        }
