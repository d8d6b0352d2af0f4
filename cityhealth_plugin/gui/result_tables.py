"""The two tables of the Indicators panel: results (one row per indicator) and per-unit values.

Rows come from the assessment database (``qgis_bridge.assessment_db.read_results``), so the
panel shows the same thing after a run and after reopening the project. A status other than
``ok`` shows its message (which role or statistic is missing) — never a value of 0. When the
catalog sets a target, the target and its status (met / nearly met / early warning / not met,
``core.assessment.status_rules``) are shown.
"""

import math
import re
from typing import Dict, List, Optional, Tuple

import pandas as pd
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..core.assessment.status_rules import classify, normalise_direction, status_label
from ..core.catalog.model import Catalog
from ..core.i18n import tr, tr_noop
from .base_dock import icon

STATUS_ICONS = {"ok": "status_ok.svg", "missing_input": "status_problem.svg", "unavailable": "status_optional.svg",
                "error": "status_missing.svg"}
STATUS_TEXT = {"ok": tr_noop("Computed"), "missing_input": tr_noop("Missing input"),
               "unavailable": tr_noop("Not available"), "error": tr_noop("Error")}
TARGET_COLOURS = {"met": "#2e7d32", "nearly_met": "#7a8a00", "warning": "#b35c00", "not_met": "#c62828"}
CODE_ROLE = Qt.UserRole + 1
_NUMBER = r"[-+]?\d+(?:\.\d+)?"


def status_text(status: str) -> str:
    return tr(STATUS_TEXT[status]) if status in STATUS_TEXT else status


def format_value(value: Optional[float]) -> str:
    """A value for a table cell: about four significant digits, thousands separated."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    size = abs(value)
    if size >= 1000 or (size >= 1 and float(value).is_integer()):
        return f"{value:,.0f}"
    if size >= 100:
        return f"{value:.1f}"
    if size >= 1 or size == 0:
        return f"{value:.2f}"
    return f"{value:.4g}"


def parse_target(text: str, direction: str) -> Optional[dict]:
    """The catalog's target text as the status rules' columns ('≥95', '≤5', '20~30', '180')."""
    text = (text or "").strip().replace("＞", ">").replace("＜", "<").replace("～", "~").replace("—", "~")
    if not text:
        return None
    match = re.fullmatch(rf"(≥|>=|≤|<=|>|<)?\s*({_NUMBER})\s*(?:[~\-至到]\s*({_NUMBER}))?\s*%?", text)
    if not match:
        return None
    sign, first, second = match.group(1), float(match.group(2)), match.group(3)
    row = {"direction": direction, "target_value": math.nan, "lower": math.nan, "upper": math.nan, "limit": math.nan}
    if second is not None:
        row.update(direction="interval", lower=first, upper=float(second))
    elif sign in ("≥", ">=", ">"):
        row.update(direction="constraint_min" if direction == "constraint" else "positive", target_value=first,
                   limit=first)
    elif sign in ("≤", "<=", "<"):
        row.update(direction="constraint_max" if direction == "constraint" else "negative", target_value=first,
                   limit=first)
    else:
        row.update(target_value=first)
    return row


def target_status(target: str, direction: str, value: Optional[float]) -> Tuple[str, str]:
    """(status id, label) of a value against the catalog target; ('', '') when there is no target."""
    row = parse_target(target, direction)
    if row is None:
        return "", ""
    if row["direction"] not in ("interval", "constraint_min", "constraint_max"):
        row["direction"] = normalise_direction([row["direction"]])[0]
    frame = pd.DataFrame([dict(row, current_value=math.nan if value is None else value, time_share=math.nan,
                               achieved_share=math.nan, target_passed=False)])
    status = classify(frame)["status"].iloc[0]
    return status, status_label(status)


def _item(text: str, tooltip: str = "", align=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
    if tooltip:
        item.setToolTip(tooltip)
    if align is not None:
        item.setTextAlignment(align)
    return item


class _Table(QTableWidget):
    def __init__(self, headers: List[str], parent=None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.horizontalHeader().setStretchLastSection(True)

    def column_texts(self, column: int) -> List[str]:
        return [self.item(row, column).text() if self.item(row, column) else "" for row in range(self.rowCount())]


class ResultTable(_Table):
    """One row per indicator result; double-click asks for the provenance."""

    COL_CODE, COL_NAME, COL_VALUE, COL_UNIT, COL_STATUS, COL_TARGET, COL_TARGET_STATUS, COL_MESSAGE = range(8)
    currentCodeChanged = pyqtSignal(str)
    codeActivated = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__([tr("Code"), tr("Indicator"), tr("Value"), tr("Unit"), tr("Status"), tr("Target"),
                          tr("Target status"), tr("Message")], parent)
        self.setObjectName("CityHealthResultTable")
        self._codes: List[str] = []
        self.itemSelectionChanged.connect(self._on_selection)
        self.cellDoubleClicked.connect(lambda row, _column: self.codeActivated.emit(self._codes[row]))

    def codes(self) -> List[str]:
        return list(self._codes)

    def set_results(self, results: Dict, catalog: Catalog, language: str) -> None:
        """``results``: {code: StoredResult}, shown in catalog order."""
        order = {code: index for index, code in enumerate(catalog.codes())}
        codes = sorted(results, key=lambda c: (order.get(c, len(order)), c))
        current = self.current_code()
        self.blockSignals(True)
        try:
            self.setRowCount(0)
            self.setRowCount(len(codes))
            for row, code in enumerate(codes):
                self._fill_row(row, results[code], catalog.get(code), language)
            self._codes = codes
        finally:
            self.blockSignals(False)
        with_target = any(catalog.get(code) is not None and catalog[code].target for code in codes)
        for column in (self.COL_TARGET, self.COL_TARGET_STATUS):
            self.setColumnHidden(column, not with_target)
        self.resizeColumnsToContents()
        for column, limit in ((self.COL_NAME, 240), (self.COL_MESSAGE, 420)):
            if self.columnWidth(column) > limit:
                self.setColumnWidth(column, limit)
        if current in codes:
            self.select_code(current)

    def _fill_row(self, row: int, result, indicator, language: str) -> None:
        name = indicator.name(language) if indicator is not None else result.code
        ok = result.status == "ok"
        value = result.value if ok else None
        message = result.message or "; ".join(result.missing)
        if ok and value is None:
            message = message or tr("The value is undefined (a denominator is 0 or an input is empty).")
        right = Qt.AlignRight | Qt.AlignVCenter
        self.setItem(row, self.COL_CODE, _item(result.code))
        self.setItem(row, self.COL_NAME, _item(name, name))
        self.setItem(row, self.COL_VALUE, _item(format_value(value), "" if value is None else repr(value), right))
        self.setItem(row, self.COL_UNIT, _item(result.unit))
        status = _item(status_text(result.status), message)
        if result.status in STATUS_ICONS:
            status.setIcon(icon(STATUS_ICONS[result.status]))
        self.setItem(row, self.COL_STATUS, status)
        target = indicator.target if indicator is not None else ""
        target_id, label = target_status(target, indicator.direction, value) if target and ok else ("", "")
        self.setItem(row, self.COL_TARGET, _item(target))
        verdict = _item(label)
        if target_id in TARGET_COLOURS:
            verdict.setForeground(QBrush(QColor(TARGET_COLOURS[target_id])))
        self.setItem(row, self.COL_TARGET_STATUS, verdict)
        self.setItem(row, self.COL_MESSAGE, _item(message, message))
        self.item(row, self.COL_CODE).setData(CODE_ROLE, result.code)

    def current_code(self) -> str:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return self._codes[rows[0].row()] if rows and rows[0].row() < len(self._codes) else ""

    def select_code(self, code: str, to_top: bool = False) -> bool:
        if code not in self._codes:
            return False
        row = self._codes.index(code)
        self.selectRow(row)
        self.scrollToItem(self.item(row, 0), self.PositionAtTop if to_top else self.EnsureVisible)
        return True

    def row_of(self, code: str) -> int:
        return self._codes.index(code) if code in self._codes else -1

    def _on_selection(self):
        code = self.current_code()
        if code:
            self.currentCodeChanged.emit(code)


class UnitTable(_Table):
    """The values of one indicator per district or per sub-district."""

    def __init__(self, parent=None):
        super().__init__([tr("Code"), tr("Name"), tr("Value"), tr("Unit")], parent)
        self.setObjectName("CityHealthUnitTable")

    def show_result(self, result, unit_type: str) -> None:
        self.setRowCount(0)
        if result is None or result.status != "ok":
            return
        units = result.per_unit[result.per_unit["unit_type"] == unit_type]
        self.setRowCount(len(units))
        right = Qt.AlignRight | Qt.AlignVCenter
        for row, unit in enumerate(units.itertuples(index=False)):
            value = None if pd.isna(unit.value) else float(unit.value)
            self.setItem(row, 0, _item(str(unit.unit_code)))
            self.setItem(row, 1, _item(str(unit.unit_name or "")))
            self.setItem(row, 2, _item(format_value(value), "" if value is None else repr(value), right))
            self.setItem(row, 3, _item(result.unit))
        self.resizeColumnsToContents()
