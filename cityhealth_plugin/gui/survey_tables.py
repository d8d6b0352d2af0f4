"""Read-only tables of the Survey panel: a DataFrame shown in a QTableWidget.

Numbers are right-aligned and formatted per column (``formats``: column -> format string);
rows can be coloured (e.g. warnings). Sorting stays off so that the report's order is kept.
"""

import math
import numbers
from typing import Mapping, Optional

import pandas as pd
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

WARNING_BRUSH = QBrush(QColor("#fde9d9"))
GOOD_BRUSH = QBrush(QColor("#e2efda"))


def column_format(values) -> Optional[str]:
    """A format with as many decimals as the column's floats need (at most 3): 69.8 and 70.0 both
    show one decimal, counts none."""
    decimals = 0
    for value in values:
        if isinstance(value, float) and math.isfinite(value) and not float(value).is_integer():
            text = f"{value:.3f}".rstrip("0")
            decimals = max(decimals, len(text.split(".")[1]) if "." in text else 0)
            if decimals >= 3:
                break
    has_float = any(isinstance(v, float) and math.isfinite(v) for v in values)
    return "{:,.%df}" % decimals if has_float else None


def cell_text(value, fmt: Optional[str] = None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if fmt and isinstance(value, numbers.Number) and not isinstance(value, bool):
        return fmt.format(value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def make_table(parent=None, object_name: str = "") -> QTableWidget:
    table = QTableWidget(parent)
    if object_name:
        table.setObjectName(object_name)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(22)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def show_frame(table: QTableWidget, frame: Optional[pd.DataFrame], formats: Optional[Mapping[str, str]] = None,
               row_brushes: Optional[Mapping[int, QBrush]] = None) -> None:
    """Fill ``table`` with ``frame`` (cleared when None or empty)."""
    table.clear()
    if frame is None or frame.empty:
        table.setRowCount(0)
        table.setColumnCount(0)
        return
    formats = dict(formats or {})
    columns = [str(c) for c in frame.columns]
    table.setColumnCount(len(columns))
    table.setRowCount(len(frame))
    table.setHorizontalHeaderLabels(columns)
    values = frame.to_numpy(dtype=object)
    for j, column in enumerate(columns):
        if column not in formats:
            fmt = column_format(list(values[:, j]))
            if fmt:
                formats[column] = fmt
    for i in range(len(frame)):  # a few hundred cells at most: the panel shows summaries
        brush = (row_brushes or {}).get(i)
        for j, column in enumerate(columns):
            value = values[i, j]
            item = QTableWidgetItem(cell_text(value, formats.get(column)))
            if isinstance(value, numbers.Number) and not isinstance(value, bool):
                item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
            if brush is not None:
                item.setBackground(brush)
            table.setItem(i, j, item)
    table.resizeColumnsToContents()
