"""Read-only tables of the Forms panel: the audit trail of one indicator and the year's cross-check.

``AuditTable`` shows ``store.audit(code, year)`` newest first: when (local time), who, what
kind of save (form, workbook import, undo …), field, old → new. ``CrossCheckDialog`` lists
``store.cross_check(year, tolerance)`` — every indicator with both a computed spatial value and
a department figure, the flagged ones first (or only); double-clicking a row opens that
indicator's form.
"""

import json
import math
from typing import Optional

import pandas as pd
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.exports import workbook_layout as L
from ..core.i18n import tr, tr_noop
from ..core.store import schema as S
from .indicator_form import field_label, local_time

SAVE_KINDS = {
    "form": tr_noop("Form saved"), "workbook": tr_noop("Workbook import"), "values": tr_noop("Values import"),
    "results": tr_noop("Computed"), "catalog": tr_noop("Catalog"), "undo": tr_noop("Undo"),
    "targets": tr_noop("Targets"), "tasks": tr_noop("Key tasks"),
}
VALUE_FIELDS = {"status": tr_noop("Value status"), "note": tr_noop("Note"), "source_type": tr_noop("Data source type")}
CHOICE_LABELS = {"source_type": S.SOURCE_TYPE_LABELS, "collection_method": S.COLLECTION_METHOD_LABELS,
                 "status": S.FORM_STATUS_LABELS}
AUDITED_TABLES = ("indicator_forms", "indicator_values")  # what a form shows (not catalog rows, provenance)
FLAG_BRUSH = QBrush(QColor("#c0392b"))
MAX_CELL = 80


def _display(text, field: str = "") -> str:
    """An audit cell (JSON text) for display: evidence lists as file names, choices by their
    label, None as '—'."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return "—"
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        value = text
    if isinstance(value, str) and value.startswith("[{"):
        try:
            value = [item.get("path", "") for item in json.loads(value)]
        except ValueError:
            pass
    if isinstance(value, list):
        return "; ".join(str(v.get("path", v) if isinstance(v, dict) else v) for v in value) or "—"
    if value is None or value == "":
        return "—"
    if isinstance(value, float):
        return L.format_number(value)
    labels = CHOICE_LABELS.get(field, {})
    return tr(labels[value]) if isinstance(value, str) and value in labels else str(value)


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    shown = text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"
    item = QTableWidgetItem(shown)
    if tooltip or shown != text:
        item.setToolTip(tooltip or text)
    return item


class AuditTable(QTableWidget):
    """The audit trail of one indicator and year (newest first)."""

    COLUMNS = (tr_noop("When"), tr_noop("Who"), tr_noop("Action"), tr_noop("Field"), tr_noop("Old"), tr_noop("New"))

    def __init__(self, parent=None):
        super().__init__(0, len(self.COLUMNS), parent)
        self.setObjectName("CityHealthAuditTable")
        self.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.Stretch)
        header.setSectionResizeMode(5, QHeaderView.Stretch)
        rows = self.fontMetrics().height() + 6
        self.verticalHeader().setDefaultSectionSize(rows)
        self.verticalHeader().setMinimumSectionSize(rows)

    def set_rows(self, audit: Optional[pd.DataFrame], saves: Optional[pd.DataFrame] = None) -> None:
        """``audit``: store.audit(code, year); ``saves``: store.saves() (for the kind of each save)."""
        self.setRowCount(0)
        if audit is None or not len(audit):
            return
        kinds = {}
        if saves is not None and len(saves):
            kinds = dict(zip(saves["fid"].astype(int), saves["kind"]))
        rows = audit[audit["table_name"].isin(AUDITED_TABLES)].sort_values(["save_id", "fid"],
                                                                           ascending=[False, True])
        self.setRowCount(len(rows))
        for r, record in enumerate(rows.to_dict("records")):
            kind = kinds.get(int(record["save_id"]), "")
            action = tr(SAVE_KINDS[kind]) if kind in SAVE_KINDS else kind
            if record.get("action") == "insert":
                action = tr("{action} (new)").format(action=action)
            elif record.get("action") == "delete":
                action = tr("{action} (removed)").format(action=action)
            field = record["field"]
            if record["table_name"] == "indicator_values" and field in VALUE_FIELDS:
                label = tr(VALUE_FIELDS[field])
            else:
                label = field_label(field)
            old, new = _display(record.get("old_value"), field), _display(record.get("new_value"), field)
            cells = [_item(local_time(record.get("changed_at") or ""), record.get("changed_at") or ""),
                     _item(record.get("changed_by") or ""), _item(action, tr("Save {n}").format(n=record["save_id"])),
                     _item(label), _item(old), _item(new)]
            for c, item in enumerate(cells):
                self.setItem(r, c, item)

    def row_texts(self, row: int):
        return [self.item(row, c).text() if self.item(row, c) else "" for c in range(self.columnCount())]


class CrossCheckDialog(QDialog):
    """The year's cross-check: computed spatial value vs the department's figure per indicator."""

    codeActivated = pyqtSignal(str)
    COLUMNS = (tr_noop("Code"), tr_noop("Indicator"), tr_noop("Computed (spatial)"), tr_noop("Department figure"),
               tr_noop("Unit"), tr_noop("Difference %"), tr_noop("Flag"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthCrossCheckDialog")
        self.setWindowTitle(tr("Cross-check of spatial values and department figures"))
        self.resize(940, 440)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        row = QHBoxLayout()
        self.flagged_check = QCheckBox(tr("Flagged only"), self)
        row.addWidget(self.flagged_check)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("CityHealthCrossCheckTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in range(len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.frame = pd.DataFrame()
        self.year = None
        self.tolerance = 0.05
        self.flagged_check.toggled.connect(lambda _checked: self._fill())
        self.table.cellDoubleClicked.connect(self._activated)

    def set_frame(self, frame: pd.DataFrame, year: int, tolerance: float, names: Optional[dict] = None) -> None:
        """``frame``: store.cross_check(year, tolerance); ``names``: code → indicator name shown."""
        self.frame = frame.copy() if frame is not None else pd.DataFrame()
        if names and len(self.frame):
            self.frame["name"] = self.frame["code"].map(names).fillna(self.frame.get("name_zh", ""))
        elif len(self.frame):
            self.frame["name"] = self.frame["name_zh"]
        self.year, self.tolerance = int(year), float(tolerance)
        flagged = int(self.frame["flag"].sum()) if len(self.frame) else 0
        self.summary_label.setText(tr(
            "{year}: {n} indicators have both a computed spatial value and a department figure; {flagged} differ "
            "by more than {tolerance} %. Double-click a row to open its form.").format(
                year=year, n=len(self.frame), flagged=flagged, tolerance=f"{self.tolerance * 100:g}"))
        self._fill()

    def _fill(self):
        frame = self.frame
        if len(frame) and self.flagged_check.isChecked():
            frame = frame[frame["flag"]]
        if len(frame):
            frame = frame.assign(_order=~frame["flag"].astype(bool)).sort_values(["_order", "code"])
        self.table.setRowCount(len(frame))
        for r, record in enumerate(frame.to_dict("records")):
            pct = record["difference_pct"]
            pct_text = "∞" if math.isinf(pct) else f"{pct:+.1f}"
            cells = [record["code"], record.get("name") or "", L.format_number(record["spatial_value"]),
                     L.format_number(record["department_value"]), record.get("unit") or "", pct_text,
                     tr("exceeds tolerance") if record["flag"] else tr("ok")]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                if c in (2, 3, 5):
                    item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
                if record["flag"]:
                    item.setForeground(FLAG_BRUSH)
                self.table.setItem(r, c, item)

    def codes(self):
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def flagged_codes(self):
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())
                if self.table.item(r, 6).text() == tr("exceeds tolerance")]

    def _activated(self, row, _column):
        item = self.table.item(row, 0)
        if item is not None:
            self.codeActivated.emit(item.text())
