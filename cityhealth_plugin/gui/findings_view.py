"""The findings table: a row click shows the offending features, an action button fixes them."""

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView

from .findings_model import ACTIONS, FindingsModel, action_text, action_tooltip


class FindingsView(QTableView):
    findingClicked = pyqtSignal(object)  # Finding
    actionRequested = pyqtSignal(object)  # Finding with an action
    currentFindingChanged = pyqtSignal(object)  # Finding, or None when nothing is selected

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthFindingsTable")
        self.findings_model = FindingsModel(self)
        self.setModel(self.findings_model)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        self.clicked.connect(self._on_clicked)
        self.findings_model.modelReset.connect(self._after_reset)
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._buttons = []

    def set_findings(self, findings) -> None:
        self.findings_model.set_findings(findings)

    def findings(self):
        return self.findings_model.findings()

    def action_button(self, row: int):
        index = self.findings_model.index(row, FindingsModel.ACTION_COLUMN)
        return self.indexWidget(index)

    def click_row(self, row: int) -> None:
        """Select ``row`` as a user click would (also used by tests)."""
        index = self.findings_model.index(row, 0)
        self.setCurrentIndex(index)
        self._on_clicked(index)

    def _on_clicked(self, index):
        if index.isValid():
            self.findingClicked.emit(self.findings_model.finding(index.row()))

    def _on_current_changed(self, current, _previous):
        valid = current.isValid() and current.row() < self.findings_model.rowCount()
        self.currentFindingChanged.emit(self.findings_model.finding(current.row()) if valid else None)

    def _after_reset(self):
        self._buttons = []
        for row, finding in enumerate(self.findings_model.findings()):
            if finding.action not in ACTIONS:
                continue
            button = QPushButton(action_text(finding.action))
            button.setToolTip(action_tooltip(finding.action))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, f=finding: self.actionRequested.emit(f))
            self.setIndexWidget(self.findings_model.index(row, FindingsModel.ACTION_COLUMN), button)
            self._buttons.append(button)
        self.resizeColumnsToContents()
        for column, limit in ((5, 320), (6, 280), (1, 160), (2, 160)):
            if self.columnWidth(column) > limit:
                self.setColumnWidth(column, limit)
