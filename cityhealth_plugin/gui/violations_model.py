"""The violation list of the Compliance panel: a table model, its filter and the summary tree.

``ViolationsModel`` holds one row per violating part (the columns of
core.compliance.storage.VIOLATION_FIELDS plus ``fid`` — the feature id in the violation layer —
and the review columns of core.compliance.reviews.apply_reviews). The "Reviewed" column is a
check box and the "Note" column is editable; an edit emits ``reviewEdited(row, reviewed, note)``
and the panel saves it. ``ViolationsFilter`` shows unreviewed rows only, one rule, one district.
"""

from typing import Optional

import numpy as np
import pandas as pd
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QIcon, QPixmap
from qgis.PyQt.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from ..core.i18n import tr, tr_noop

SORT_ROLE = Qt.UserRole + 1
RULE_COLOURS = {  # the outline colours of resources/styles/compliance_violations.qml
    "redline_construction": "#d7191c", "farmland_construction": "#c51b8a", "farmland_non_cultivated": "#e66e00",
    "new_construction_outside_boundary": "#2166ac", "heritage_construction": "#8c510a", "new_construction": "#282828",
}
SHORT_NAMES = {  # the list's narrow Rule column (the full name is in the tooltip)
    "redline_construction": tr_noop("Red line: construction"),
    "farmland_construction": tr_noop("Farmland: construction"),
    "farmland_non_cultivated": tr_noop("Farmland: not cultivated"),
    "new_construction_outside_boundary": tr_noop("Outside boundary: new construction"),
    "heritage_construction": tr_noop("Heritage line: construction"),
    "new_construction": tr_noop("New construction"),
}
_ICONS = {}
ROW_COLUMNS = ("fid", "rule", "rule_name", "check_id", "patch_id", "DLBM", "DLMC", "XZQDM", "XZQMC", "area_m2",
               "area_hm2", "area_basis", "base_DLBM", "base_DLMC", "year", "reviewed", "note", "reviewer",
               "reviewed_at")


def headers():
    return [tr("Rule"), tr("District"), tr("Land class"), tr("Area (hm²)"), tr("Reviewed"), tr("Note")]


def short_name(rule: str, full: str = "") -> str:
    return tr(SHORT_NAMES[rule]) if rule in SHORT_NAMES else (full or rule)


def rule_icon(rule: str) -> QIcon:
    """A small swatch in the rule's map colour."""
    if rule not in _ICONS:
        pixmap = QPixmap(12, 12)
        pixmap.fill(QColor(RULE_COLOURS.get(rule, "#808080")))
        _ICONS[rule] = QIcon(pixmap)
    return _ICONS[rule]


def number(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}" if value is not None and np.isfinite(value) else ""


class ViolationsModel(QAbstractTableModel):
    RULE, DISTRICT, LAND, AREA, REVIEWED, NOTE = range(6)
    reviewEdited = pyqtSignal(int, bool, str)  # source row, reviewed, note

    def __init__(self, parent=None):
        super().__init__(parent)
        self._frame = pd.DataFrame(columns=list(ROW_COLUMNS))

    # data ------------------------------------------------------------------------------
    def set_rows(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        frame = frame.reset_index(drop=True).copy()
        for column in ROW_COLUMNS:
            if column not in frame.columns:
                frame[column] = False if column == "reviewed" else ""
        self._frame = frame
        self.endResetModel()

    def frame(self) -> pd.DataFrame:
        return self._frame.copy()

    def row(self, row: int) -> dict:
        return self._frame.iloc[row].to_dict()

    def find(self, rule: str, patch_id: str) -> int:
        """Source row of a violation (-1 when not listed)."""
        hits = np.flatnonzero((self._frame["rule"].astype(str) == str(rule)).to_numpy()
                              & (self._frame["patch_id"].astype(str) == str(patch_id)).to_numpy())
        return int(hits[0]) if len(hits) else -1

    def set_review(self, row: int, reviewed: bool, note: str, reviewer: str = "", reviewed_at: str = "") -> None:
        """Show a saved review (no signal)."""
        for column, value in (("reviewed", bool(reviewed)), ("note", note or ""), ("reviewer", reviewer or ""),
                              ("reviewed_at", reviewed_at or "")):
            self._frame.at[row, column] = value
        self.dataChanged.emit(self.index(row, self.REVIEWED), self.index(row, self.NOTE))

    # Qt model --------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(headers())

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal:
            return None
        if role == Qt.DisplayRole:
            return "✓" if section == self.REVIEWED else headers()[section]  # a narrow column: the tooltip names it
        if role == Qt.ToolTipRole:
            return headers()[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() == self.REVIEWED:
            flags |= Qt.ItemIsUserCheckable
        elif index.column() == self.NOTE:
            flags |= Qt.ItemIsEditable
        return flags

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        record = self._frame.iloc[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            if column == self.RULE:
                return short_name(record["rule"], record["rule_name"])
            if column == self.DISTRICT:
                return record["XZQMC"] or record["XZQDM"]
            if column == self.LAND:
                return f"{record['DLBM']} {record['DLMC']}".strip()
            if column == self.AREA:
                return number(float(record["area_hm2"]))
            if column == self.NOTE:
                return record["note"]
        if role == Qt.EditRole and column == self.NOTE:
            return record["note"]
        if role == Qt.CheckStateRole and column == self.REVIEWED:
            return Qt.Checked if bool(record["reviewed"]) else Qt.Unchecked
        if role == SORT_ROLE:
            if column == self.AREA:
                return float(record["area_hm2"])
            if column == self.REVIEWED:
                return int(bool(record["reviewed"]))
            return self.data(index, Qt.DisplayRole) or ""
        if role == Qt.TextAlignmentRole and column == self.AREA:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.DecorationRole and column == self.RULE:
            return rule_icon(record["rule"])
        if role == Qt.ToolTipRole:
            return self._tooltip(record)
        return None

    def _tooltip(self, record) -> str:
        lines = [str(record["rule_name"]),
                 tr("Patch {patch} · {code} {name}").format(patch=record["patch_id"], code=record["DLBM"],
                                                           name=record["DLMC"]),
                 tr("{district} ({code})").format(district=record["XZQMC"], code=record["XZQDM"]),
                 tr("{area} m² ({basis})").format(area=number(float(record["area_m2"])), basis=record["area_basis"])]
        if record.get("base_DLBM"):
            lines.append(tr("Base year: {code} {name}").format(code=record["base_DLBM"], name=record["base_DLMC"]))
        if record.get("note"):
            lines.append(tr("Note: {note}").format(note=record["note"]))
        if record.get("reviewer"):
            lines.append(tr("Reviewed by {who} at {when}").format(who=record["reviewer"], when=record["reviewed_at"]))
        return "\n".join(lines)

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if not index.isValid():
            return False
        row = index.row()
        if index.column() == self.REVIEWED and role == Qt.CheckStateRole:
            reviewed = value in (Qt.Checked, 2, True)
            self._frame.at[row, "reviewed"] = reviewed
        elif index.column() == self.NOTE and role == Qt.EditRole:
            self._frame.at[row, "note"] = str(value or "").strip()
        else:
            return False
        self.dataChanged.emit(self.index(row, self.REVIEWED), self.index(row, self.NOTE))
        self.reviewEdited.emit(row, bool(self._frame.at[row, "reviewed"]), str(self._frame.at[row, "note"] or ""))
        return True


class ViolationsFilter(QSortFilterProxyModel):
    """Unreviewed only, one rule ('' = all), one district code ('' = all)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.unreviewed_only = False
        self.rule = ""
        self.district = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, unreviewed_only: Optional[bool] = None, rule: Optional[str] = None,
                    district: Optional[str] = None) -> None:
        if unreviewed_only is not None:
            self.unreviewed_only = bool(unreviewed_only)
        if rule is not None:
            self.rule = rule
        if district is not None:
            self.district = district
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent):  # noqa: N802
        model = self.sourceModel()
        record = model._frame.iloc[source_row]
        if self.unreviewed_only and bool(record["reviewed"]):
            return False
        if self.rule and record["rule"] != self.rule:
            return False
        if self.district and str(record["XZQDM"]) != self.district:
            return False
        return True


class SummaryTree(QTreeWidget):
    """Count and area per rule (top level) and district (children)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthComplianceSummary")
        self.setColumnCount(3)
        self.setHeaderLabels([tr("Rule / district"), tr("Parts"), tr("Area (hm²)")])
        self.setRootIsDecorated(True)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)

    def set_summary(self, summary: pd.DataFrame) -> None:
        """``summary`` has SUMMARY_FIELDS (total rows: XZQDM '*')."""
        self.clear()
        if summary is None or summary.empty:
            return
        totals = summary[summary["XZQDM"].astype(str) == "*"]
        parts = summary[summary["XZQDM"].astype(str) != "*"]
        for record in totals.to_dict("records"):
            top = QTreeWidgetItem(self, [str(record["rule_name"]), f"{int(record['count']):,d}",
                                         number(float(record["area_hm2"]))])
            top.setData(0, Qt.UserRole, record["rule"])
            top.setIcon(0, rule_icon(record["rule"]))
            top.setToolTip(0, str(record["rule_name"]))
            for column in (1, 2):
                top.setTextAlignment(column, int(Qt.AlignRight | Qt.AlignVCenter))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for child in parts[parts["rule"] == record["rule"]].to_dict("records"):
                name = child["XZQMC"] or child["XZQDM"] or tr("(no district)")
                item = QTreeWidgetItem(top, [str(name), f"{int(child['count']):,d}", number(float(child["area_hm2"]))])
                item.setData(0, Qt.UserRole, child["XZQDM"])
                for column in (1, 2):
                    item.setTextAlignment(column, int(Qt.AlignRight | Qt.AlignVCenter))
        self.expandAll()

    def rows(self):
        """[(rule or district text, count, area text)] in display order (for tests)."""
        out = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            out.append((top.text(0), top.text(1), top.text(2)))
            for j in range(top.childCount()):
                child = top.child(j)
                out.append(("  " + child.text(0), child.text(1), child.text(2)))
        return out
