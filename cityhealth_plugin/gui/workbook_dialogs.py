"""The import preview of a returned department workbook (Forms panel, Excel round trip).

The panel runs ``cityhealth:importdepartmentworkbook`` with DRY_RUN first and writes its
report (problems and changes) to a temporary workbook; ``read_report`` reads that back and
``ImportPreviewDialog`` lists the changes (indicator, field, old → new, cell) and the
validation problems (sheet!cell, rule, what to do). Apply is enabled only when the workbook has
no errors and changes something — a workbook is imported whole or not at all.
"""

from pathlib import Path
from typing import Optional, Tuple

import pandas as pd
from qgis.PyQt.QtCore import Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import tr, tr_noop

PROBLEM_COLUMNS = ["severity", "rule", "sheet", "cell", "code", "message"]
CHANGE_COLUMNS = ["sheet", "cell", "code", "name", "field", "old", "new"]
SEVERITY_COLORS = {"error": "#c0392b", "warning": "#b9770e", "info": "#555555"}


def read_report(path) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """(problems, changes) from the import report written by the algorithm (first sheet: the
    problems, second: the changes; headers are translated, so columns are taken by position).
    ``problems.severity`` is mapped back to error / warning / info."""
    sheets = pd.read_excel(path, sheet_name=None, dtype=object)
    frames = list(sheets.values())
    problems = _positional(frames[0] if frames else None, PROBLEM_COLUMNS)
    changes = _positional(frames[1] if len(frames) > 1 else None, CHANGE_COLUMNS)
    labels = {tr(label): key for key, label in (("error", tr_noop("error")), ("warning", tr_noop("warning")),
                                                ("info", tr_noop("info")))}
    problems["severity"] = problems["severity"].map(lambda s: labels.get(s, s))
    return problems, changes


def _positional(frame: Optional[pd.DataFrame], names) -> pd.DataFrame:
    if frame is None:
        return pd.DataFrame(columns=names)
    frame = frame.iloc[:, :len(names)].copy()
    frame.columns = names[:frame.shape[1]]
    for name in names:
        if name not in frame.columns:
            frame[name] = None
    return frame.astype(object).where(frame.notna(), None).reset_index(drop=True)


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return format(value, ".10g")
    return str(value)


class ImportPreviewDialog(QDialog):
    """What an import would change and what is wrong with the workbook; ``applyRequested`` when
    the user presses Apply (only possible without errors)."""

    applyRequested = pyqtSignal()

    def __init__(self, path, problems: pd.DataFrame, changes: pd.DataFrame, errors: int, warnings: int,
                 report_path=None, parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthImportPreviewDialog")
        self.path = Path(path)
        self.report_path = Path(report_path) if report_path else None
        self.problems, self.changes = problems, changes
        self.errors, self.warnings = int(errors), int(warnings)
        self.setWindowTitle(tr("Import preview: {name}").format(name=self.path.name))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        splitter = QSplitter(Qt.Vertical, self)
        changes_box = QWidget(splitter)
        changes_layout = QVBoxLayout(changes_box)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        self.changes_label = QLabel(changes_box)
        changes_layout.addWidget(self.changes_label)
        self.changes_table = self._table(changes_box, [tr("Indicator"), tr("Name"), tr("Field"), tr("Old value"),
                                                       tr("New value"), tr("Cell")])
        self.changes_table.setObjectName("CityHealthImportChanges")
        changes_layout.addWidget(self.changes_table)
        problems_box = QWidget(splitter)
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel(problems_box)
        problems_layout.addWidget(self.problems_label)
        self.problems_table = self._table(problems_box, [tr("Severity"), tr("Where"), tr("Indicator"), tr("Rule"),
                                                         tr("What to do")])
        self.problems_table.setObjectName("CityHealthImportProblems")
        problems_layout.addWidget(self.problems_table)
        splitter.addWidget(changes_box)
        splitter.addWidget(problems_box)
        layout.addWidget(splitter, 1)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = QPushButton(tr("Apply"), self)
        self.apply_button.setObjectName("CityHealthImportApply")
        self.report_button = QPushButton(tr("Open report"), self)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.report_button, QDialogButtonBox.ActionRole)
        self.buttons.addButton(QDialogButtonBox.Close)
        self.buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self._apply)
        self.report_button.clicked.connect(self.open_report)
        self.report_button.setEnabled(bool(self.report_path and self.report_path.is_file()))
        layout.addWidget(self.buttons)
        self._fill()

    @staticmethod
    def _table(parent, headers) -> QTableWidget:
        table = QTableWidget(0, len(headers), parent)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        for column in range(len(headers) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _fill(self):
        self.changes_table.setRowCount(len(self.changes))
        for r, row in enumerate(self.changes.to_dict("records")):
            for c, text in enumerate([_cell(row["code"]), _cell(row["name"]), _cell(row["field"]), _cell(row["old"]),
                                      _cell(row["new"]), _cell(row["cell"])]):
                self.changes_table.setItem(r, c, QTableWidgetItem(text))
        self.problems_table.setRowCount(len(self.problems))
        for r, row in enumerate(self.problems.to_dict("records")):
            where = f"{row['sheet']}!{row['cell']}" if row["cell"] else _cell(row["sheet"])
            severity = row["severity"] or ""
            label = {"error": tr("error"), "warning": tr("warning"), "info": tr("info")}.get(severity, severity)
            brush = QBrush(QColor(SEVERITY_COLORS.get(severity, "#000000")))
            for c, text in enumerate([label, where, _cell(row["code"]) if row["code"] else "", _cell(row["rule"]),
                                      _cell(row["message"])]):
                item = QTableWidgetItem(text)
                item.setForeground(brush)
                if c == 4:
                    item.setToolTip(text)
                self.problems_table.setItem(r, c, item)
        self.problems_table.resizeRowsToContents()
        self.changes_label.setText(tr("Changes ({n}): old → new per cell").format(n=len(self.changes)))
        self.problems_label.setText(tr("Problems ({errors} errors, {warnings} warnings)").format(
            errors=self.errors, warnings=self.warnings))
        self.summary_label.setText(tr(
            "{name}: {changes} changed cells, {errors} errors, {warnings} warnings. Nothing has been written yet."
        ).format(name=self.path.name, changes=len(self.changes), errors=self.errors, warnings=self.warnings))
        can_apply, reason = self.can_apply()
        self.apply_button.setEnabled(can_apply)
        self.apply_button.setToolTip(reason)
        self.set_status(reason, error=self.errors > 0)

    def can_apply(self) -> Tuple[bool, str]:
        if self.errors:
            return False, tr("Apply is disabled: the workbook has {n} errors. Correct them in the workbook (the cells "
                             "are listed above) and import it again; nothing is imported while any error "
                             "remains.").format(n=self.errors)
        if not len(self.changes):
            return False, tr("Nothing to import: no cell differs from the database.")
        return True, tr("Apply writes all {n} changes in one transaction.").format(n=len(self.changes))

    def set_status(self, text: str, error: bool = False):
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {SEVERITY_COLORS['error']};" if error else "")

    def set_busy(self, busy: bool):
        self.apply_button.setEnabled(not busy and self.can_apply()[0])
        if busy:
            self.set_status(tr("Importing…"))

    def _apply(self):
        if self.can_apply()[0]:
            self.applyRequested.emit()

    def open_report(self) -> bool:
        if self.report_path is None or not self.report_path.is_file():
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_path)))

    def change_rows(self):
        return [[self.changes_table.item(r, c).text() for c in range(self.changes_table.columnCount())]
                for r in range(self.changes_table.rowCount())]

    def problem_rows(self):
        return [[self.problems_table.item(r, c).text() for c in range(self.problems_table.columnCount())]
                for r in range(self.problems_table.rowCount())]
