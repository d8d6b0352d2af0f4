"""The Survey panel's population shares editor (attribute, category, share).

The shares weight the sample to the population (raking) and are the reference of the balance
check. Load them from a csv / xlsx (attribute, category, share — or 属性, 类别, 比例), start
from the demo shares, edit cells, add or remove rows, save them as csv. Shares may be
fractions, percentages or counts (core.survey.weighting normalises them per attribute).
"""

from typing import Dict, Mapping, Optional

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import tr
from ..core.survey.mapping import ATTRIBUTES, attribute_labels


class MarginsError(ValueError):
    """A cell of the shares table is not usable (message names the row)."""


class SurveyMarginsWidget(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("surveyMarginsTable")
        self.table.setHorizontalHeaderLabels([tr("Attribute"), tr("Category"), tr("Share")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(tr("Attribute: {names}. Shares may be fractions, percentages or counts.").format(
            names=", ".join(a for a in ATTRIBUTES if a in ("district", "age", "education", "occupation", "years_resident"))))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.load_button = QPushButton(tr("Load…"), self)
        self.load_button.setObjectName("surveyMarginsLoad")
        self.load_button.setToolTip(tr("Read population shares from a csv or xlsx file (attribute, category, share)."))
        self.demo_button = QPushButton(tr("Demo shares"), self)
        self.demo_button.setObjectName("surveyMarginsDemo")
        self.demo_button.setToolTip(tr("Illustrative shares for Xiamen (not official statistics)."))
        self.save_button = QPushButton(tr("Save…"), self)
        self.add_button = QPushButton(tr("Add row"), self)
        self.remove_button = QPushButton(tr("Remove rows"), self)
        for button in (self.load_button, self.demo_button, self.save_button, self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(lambda _item: self._changed())
        self._update_summary()

    def set_margins(self, margins: Optional[Mapping[str, Mapping[str, float]]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for attribute, shares in (margins or {}).items():
            for category, share in shares.items():
                self._append(str(attribute), str(category), f"{float(share):.6g}")
        self.table.blockSignals(False)
        self._changed()

    def set_demo(self) -> None:
        from ..core.survey.demo import demo_population_margins

        self.set_margins(demo_population_margins())

    def add_row(self) -> None:
        self._append("", "", "")
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self._changed()

    def margins(self) -> Dict[str, Dict[str, float]]:
        """{attribute: {category: share}}; raises MarginsError for an unusable row."""
        result: Dict[str, Dict[str, float]] = {}
        for row in range(self.table.rowCount()):
            attribute, category, share = (self._text(row, c) for c in range(3))
            if not (attribute or category or share):
                continue
            if attribute not in ATTRIBUTES:
                raise MarginsError(tr("Population shares, row {row}: '{attribute}' is not an attribute; use one of: {choices}.").format(
                    row=row + 1, attribute=attribute, choices=", ".join(ATTRIBUTES)))
            if not category:
                raise MarginsError(tr("Population shares, row {row}: the category is empty.").format(row=row + 1))
            try:
                value = float(share.replace("%", "").replace(",", ""))
            except ValueError:
                raise MarginsError(tr("Population shares, row {row}: '{value}' is not a number.").format(
                    row=row + 1, value=share)) from None
            result.setdefault(attribute, {})[category] = value
        return result

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _append(self, attribute: str, category: str, share: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((attribute, category, share)):
            item = QTableWidgetItem(text)
            if column == 2:
                item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
            self.table.setItem(row, column, item)

    def _changed(self) -> None:
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        try:
            margins = self.margins()
        except MarginsError as error:
            self.summary.setText("✖ " + str(error))
            return
        if not margins:
            self.summary.setText(tr("No population shares: the sample balance is not checked and the scores are not weighted."))
            return
        labels = attribute_labels()
        parts = [tr("{attribute}: {count} categories").format(attribute=labels.get(a, a), count=len(s))
                 for a, s in margins.items()]
        self.summary.setText("; ".join(parts))
