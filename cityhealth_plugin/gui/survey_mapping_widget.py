"""The Survey panel's mapping editor: which questionnaire column is which question / attribute.

One row per column of the questionnaire file: the column, what it is (a satisfaction dimension,
a respondent attribute, an open answer, or ignored), the question code, a reverse-coded flag
and a few sample values. ``set_columns`` fills it from a file and a ``SurveyMapping`` (suggested
or loaded); ``mapping()`` returns the edited mapping (answer labels, missing labels and category
aliases of the loaded mapping are kept). A summary line says what is mapped and what is wrong.
"""

from typing import Dict, List, Optional, Sequence

import pandas as pd
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import tr
from ..core.survey.mapping import (
    ATTRIBUTES,
    DIMENSIONS,
    QuestionSpec,
    SurveyMapping,
    attribute_labels,
    dimension_labels,
    question_code_and_text,
)

IGNORE = "ignore"
OPEN = "open"
COLUMN, ROLE, CODE, REVERSE, SAMPLE = range(5)


def role_choices() -> List[tuple]:
    """(role key, label): dimensions, attributes, open answer, ignore."""
    dims = dimension_labels()
    attrs = attribute_labels()
    choices = [(IGNORE, tr("Ignore"))]
    choices += [(f"dimension:{d}", tr("Question: {dimension}").format(dimension=dims[d])) for d in DIMENSIONS]
    choices += [(f"attribute:{a}", tr("Attribute: {attribute}").format(attribute=attrs[a])) for a in ATTRIBUTES]
    choices.append((OPEN, tr("Open answer")))
    return choices


def roles_of(mapping: SurveyMapping) -> Dict[str, tuple]:
    """column -> (role key, code, reverse)."""
    roles = {}
    for q in mapping.questions:
        roles[q.column] = (f"dimension:{q.dimension}", q.code, bool(q.reverse))
    for name, column in mapping.attributes.items():
        roles[column] = (f"attribute:{name}", "", False)
    for column in mapping.open_text:
        roles[column] = (OPEN, "", False)
    return roles


def sample_text(series: Optional[pd.Series], count: int = 3) -> str:
    if series is None:
        return ""
    values = []
    for value in series.dropna().astype(str):
        value = value.strip()
        if value and value not in values:
            values.append(value)
        if len(values) >= count:
            break
    return " | ".join(v if len(v) <= 24 else v[:23] + "…" for v in values)


class SurveyMappingWidget(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.base = SurveyMapping()
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("surveyMappingTable")
        self.table.setHorizontalHeaderLabels([tr("Column"), tr("Meaning"), tr("Code"), tr("Reverse"), tr("Sample values")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMN, QHeaderView.Interactive)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(CODE, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(REVERSE, QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(COLUMN, 220)
        self.table.setToolTip(tr("What each questionnaire column means. Reverse: 1 is the best answer (scored as 6 − answer)."))
        self.table.setMinimumHeight(150)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Coordinates"), self))
        self.coordinates = QComboBox(self)
        self.coordinates.setObjectName("surveyCoordinates")
        self.coordinates.addItem(tr("Longitude / latitude"), "lonlat")
        self.coordinates.addItem(tr("Projected (the district layer's CRS)"), "projected")
        row.addWidget(self.coordinates)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setObjectName("surveyMappingSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table.itemChanged.connect(self._item_changed)
        self.coordinates.currentIndexChanged.connect(lambda _i: self._emit())

    # filling -------------------------------------------------------------------------
    def set_columns(self, columns: Sequence[str], frame: Optional[pd.DataFrame], mapping: SurveyMapping) -> None:
        self._filling = True
        self.base = mapping
        roles = roles_of(mapping)
        choices = role_choices()
        self.table.setRowCount(0)
        self.table.setRowCount(len(columns))
        for i, column in enumerate(columns):
            role, code, reverse = roles.get(column, (IGNORE, "", False))
            item = QTableWidgetItem(str(column))
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            item.setToolTip(str(column))
            self.table.setItem(i, COLUMN, item)
            combo = QComboBox(self.table)
            for key, label in choices:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(role)))
            combo.currentIndexChanged.connect(lambda _index, r=i: self._role_changed(r))
            self.table.setCellWidget(i, ROLE, combo)
            code_item = QTableWidgetItem(code)
            self.table.setItem(i, CODE, code_item)
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            check.setCheckState(Qt.Checked if reverse else Qt.Unchecked)
            self.table.setItem(i, REVERSE, check)
            sample = QTableWidgetItem(sample_text(frame[column] if frame is not None and column in frame else None))
            sample.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            self.table.setItem(i, SAMPLE, sample)
            self._enable_question_cells(i, role.startswith("dimension:"))
        self.coordinates.setCurrentIndex(max(0, self.coordinates.findData(mapping.coordinates)))
        self._filling = False
        self._emit()

    def columns(self) -> List[str]:
        return [self.table.item(i, COLUMN).text() for i in range(self.table.rowCount())]

    def role_of(self, column: str) -> str:
        for i in range(self.table.rowCount()):
            if self.table.item(i, COLUMN).text() == column:
                return self.table.cellWidget(i, ROLE).currentData()
        return ""

    def set_role(self, column: str, role: str, code: str = "") -> None:
        """Set a column's meaning (for scripts and tests)."""
        for i in range(self.table.rowCount()):
            if self.table.item(i, COLUMN).text() == column:
                combo = self.table.cellWidget(i, ROLE)
                combo.setCurrentIndex(combo.findData(role))
                if code:
                    self.table.item(i, CODE).setText(code)
                return
        raise KeyError(column)

    # reading -------------------------------------------------------------------------
    def mapping(self) -> SurveyMapping:
        """The mapping as edited (codes filled in for new questions)."""
        questions, attributes, open_text, ignored = [], {}, [], []
        used_codes = set()
        pending = []
        for i in range(self.table.rowCount()):
            column = self.table.item(i, COLUMN).text()
            role = self.table.cellWidget(i, ROLE).currentData()
            code = self.table.item(i, CODE).text().strip()
            reverse = self.table.item(i, REVERSE).checkState() == Qt.Checked
            if role.startswith("dimension:"):
                number_code, text = question_code_and_text(column)
                code = code or number_code or ""
                spec = QuestionSpec(column, code, role.split(":", 1)[1], text, reverse)
                if code and code not in used_codes:
                    used_codes.add(code)
                else:
                    pending.append(spec)
                questions.append(spec)
            elif role.startswith("attribute:"):
                name = role.split(":", 1)[1]
                if name not in attributes:
                    attributes[name] = column
                else:
                    ignored.append(column)
            elif role == OPEN:
                open_text.append(column)
            else:
                ignored.append(column)
        counter = 1
        for spec in pending:  # a question without a code (or a repeated one) gets the next free Qn
            while f"Q{counter}" in used_codes:
                counter += 1
            spec.code = f"Q{counter}"
            used_codes.add(spec.code)
        base = self.base
        return SurveyMapping(questions=questions, attributes=attributes, open_text=open_text,
                             coordinates=self.coordinates.currentData() or "lonlat",
                             likert_labels=dict(base.likert_labels), missing_labels=list(base.missing_labels),
                             category_aliases={k: dict(v) for k, v in base.category_aliases.items()},
                             unassigned=[], ignored=ignored)

    def problems(self) -> List[tuple]:
        return self.mapping().check(self.columns())

    # internals -----------------------------------------------------------------------
    def _enable_question_cells(self, row: int, enabled: bool) -> None:
        for column in (CODE, REVERSE):
            item = self.table.item(row, column)
            if item is None:
                continue
            flags = item.flags()
            if enabled:
                flags |= Qt.ItemIsEnabled
            else:
                flags &= ~Qt.ItemIsEnabled
            item.setFlags(flags | (Qt.ItemIsEditable if column == CODE and enabled else Qt.NoItemFlags))

    def _role_changed(self, row: int) -> None:
        role = self.table.cellWidget(row, ROLE).currentData()
        self._enable_question_cells(row, role.startswith("dimension:"))
        self._emit()

    def _item_changed(self, _item) -> None:
        self._emit()

    def _emit(self) -> None:
        if self._filling:
            return
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        mapping = self.mapping()
        per_dimension = mapping.dimension_questions()
        labels = dimension_labels()
        counts = ", ".join(f"{labels[d]} {len(per_dimension.get(d, []))}" for d in DIMENSIONS)
        text = tr("{questions} questions ({counts}); {attributes} attributes; {open} open answers.").format(
            questions=len(mapping.questions), counts=counts, attributes=len(mapping.attributes),
            open=len(mapping.open_text))
        problems = mapping.check(self.columns())
        if problems:
            text += "\n" + "\n".join(("⚠ " if level == "warning" else "✖ ") + message for level, message in problems[:6])
        unassigned = [c for c in self.base.unassigned if self.role_of(c) == IGNORE]
        if unassigned:
            text += "\n" + tr("Questions without a dimension (choose one or leave ignored): {columns}").format(
                columns=", ".join(unassigned[:5]))
        self.summary.setText(text)
