"""The role list of the Data panel: one row per role, grouped, each with a layer chooser.

Columns: status icon + role name, layer (QgsMapLayerComboBox filtered by the role's geometry,
with an empty "not assigned" entry), feature count, CRS. The widget knows nothing about the
project file: it emits ``assignmentChanged(role_id, layer_id)`` and the dock saves.
"""

from typing import Dict, Iterable, Optional

from qgis.core import QgsMapLayerProxyModel, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import QRect, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QFontMetrics
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import tr
from ..core.roles.registry import ROLES, ROLES_BY_ID
from .role_status import RoleStatus, evaluate, status_icon

GROUPS = ("admin", "landuse", "control", "infrastructure", "facility")  # registry group ids, in list order
LAYER_FILTERS = {
    "polygon": QgsMapLayerProxyModel.PolygonLayer,
    "line": QgsMapLayerProxyModel.LineLayer,
    "point": QgsMapLayerProxyModel.PointLayer,
    "point_or_polygon": QgsMapLayerProxyModel.PointLayer | QgsMapLayerProxyModel.PolygonLayer,
}
COL_ROLE, COL_LAYER, COL_COUNT, COL_CRS = range(4)
ROLE_ID = Qt.UserRole + 1
LAYER_COLUMN_WIDTH = 170
WARNING_COLOUR = QColor("#b35c00")


def group_title(group_id: str) -> str:
    from .layer_tree import subgroup_title

    return subgroup_title(group_id)


def role_tooltip(role) -> str:
    lines = [role.display_name(), tr("Standard layer name: {name}").format(name=role.standard_name)]
    if role.required:
        lines.append(tr("Required fields: {fields}").format(fields=", ".join(f.standard for f in role.required)))
    if role.optional:
        lines.append(tr("Optional fields: {fields}").format(fields=", ".join(f.standard for f in role.optional)))
    return "\n".join(lines)


class _WrappingDelegate(QStyledItemDelegate):
    """Row height that fits the role name wrapped to the width of its column (no "…" cut)."""

    def sizeHint(self, option, index):  # noqa: N802 (Qt API)
        hint = super().sizeHint(option, index)
        view = self.parent()
        if index.column() != COL_ROLE or not index.parent().isValid() or view is None:
            return hint
        text = index.data(Qt.DisplayRole) or ""
        icon = view.iconSize().width() if view.iconSize().isValid() else 16
        width = view.columnWidth(COL_ROLE) - view.indentation() * 2 - icon - 12
        if width <= 40:
            return hint
        box = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 1000), Qt.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), box.height() + 8))


class RoleTable(QTreeWidget):
    assignmentChanged = pyqtSignal(str, str)  # role id, layer id ('' when unassigned)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthRoleTable")
        self.setColumnCount(4)
        self.setHeaderLabels([tr("Role"), tr("Layer"), tr("Features"), tr("CRS")])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)  # long role names wrap onto a second line instead of being cut
        self.setTextElideMode(Qt.ElideRight)
        self.setItemDelegate(_WrappingDelegate(self))
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setAlternatingRowColors(False)
        self.setIndentation(12)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_ROLE, QHeaderView.Stretch)
        header.setSectionResizeMode(COL_LAYER, QHeaderView.Interactive)
        header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(COL_CRS, QHeaderView.ResizeToContents)
        header.sectionResized.connect(lambda *_args: self.doItemsLayout())
        self._items: Dict[str, QTreeWidgetItem] = {}
        self._combos: Dict[str, QgsMapLayerComboBox] = {}
        self._findings: Dict[str, list] = {}
        self._build()
        self.setColumnWidth(COL_LAYER, LAYER_COLUMN_WIDTH)

    # construction -----------------------------------------------------------------------
    def _build(self):
        bold = QFont()
        bold.setBold(True)
        for group_id in GROUPS:
            roles = [r for r in ROLES if r.group == group_id]
            if not roles:
                continue
            group = QTreeWidgetItem(self, [group_title(group_id)])
            group.setFont(COL_ROLE, bold)
            group.setFlags(Qt.ItemIsEnabled)
            group.setFirstColumnSpanned(True)
            for role in roles:
                self._add_role(group, role)
            group.setExpanded(True)

    def _add_role(self, group, role):
        item = QTreeWidgetItem(group, [role.display_name(), "", "", ""])
        item.setData(COL_ROLE, ROLE_ID, role.id)
        item.setToolTip(COL_ROLE, role_tooltip(role))
        item.setTextAlignment(COL_COUNT, Qt.AlignRight | Qt.AlignVCenter)
        combo = QgsMapLayerComboBox()
        combo.setObjectName(f"combo_{role.id}")
        combo.setFilters(LAYER_FILTERS[role.geometry])
        combo.setAllowEmptyLayer(True, tr("(not assigned)"))
        combo.setShowCrs(False)
        combo.setLayer(None)
        combo.setMinimumContentsLength(12)
        combo.layerChanged.connect(lambda layer, role_id=role.id: self._on_layer_changed(role_id, layer))
        self.setItemWidget(item, COL_LAYER, self._centred(combo))
        self._items[role.id] = item
        self._combos[role.id] = combo
        self._refresh(role.id)

    @staticmethod
    def _centred(widget):
        """The combo keeps its natural height, centred, when a wrapped role name makes the row taller."""
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget, 0, Qt.AlignVCenter)
        return holder

    # public API -------------------------------------------------------------------------
    def role_ids(self):
        return list(self._items)

    def combo(self, role_id: str) -> QgsMapLayerComboBox:
        return self._combos[role_id]

    def layer(self, role_id: str) -> Optional[QgsVectorLayer]:
        return self._combos[role_id].currentLayer()

    def assignments(self) -> Dict[str, str]:
        """{role_id: layer_id} for every assigned role."""
        return {rid: combo.currentLayer().id() for rid, combo in self._combos.items() if combo.currentLayer()}

    def set_layer(self, role_id: str, layer) -> None:
        self._combos[role_id].setLayer(layer)
        self._refresh(role_id)

    def clear_assignments(self) -> None:
        for role_id in self._combos:
            self.set_layer(role_id, None)

    def status(self, role_id: str) -> RoleStatus:
        return self._items[role_id].data(COL_ROLE, Qt.UserRole + 2)

    def set_findings(self, findings_by_role: Dict[str, Iterable[str]]) -> None:
        """Problems reported by the data check, per role; replaces the previous ones."""
        self._findings = {rid: list(msgs) for rid, msgs in findings_by_role.items()}
        self.refresh_all()

    def refresh_all(self) -> None:
        for role_id in self._items:
            self._refresh(role_id)

    def focus_role(self, role_id: str) -> None:
        item = self._items.get(role_id)
        if item is None:
            return
        self.scrollToItem(item, QAbstractItemView.PositionAtCenter)
        self.setCurrentItem(item)
        self._combos[role_id].setFocus()
        self._combos[role_id].showPopup()

    def summary(self):
        """(assigned, mandatory missing, with problems) counts."""
        statuses = [self.status(rid) for rid in self._items]
        return (
            sum(s in (RoleStatus.OK, RoleStatus.PROBLEMS) for s in statuses),
            sum(s == RoleStatus.MISSING_MANDATORY for s in statuses),
            sum(s == RoleStatus.PROBLEMS for s in statuses),
        )

    # internals --------------------------------------------------------------------------
    def _on_layer_changed(self, role_id, layer):
        self._findings.pop(role_id, None)  # findings were about the previous layer
        self._refresh(role_id)
        self.assignmentChanged.emit(role_id, layer.id() if layer is not None else "")

    def _refresh(self, role_id: str) -> None:
        role = ROLES_BY_ID[role_id]
        item = self._items[role_id]
        layer = self._combos[role_id].currentLayer()
        status, text = evaluate(role, layer, self._findings.get(role_id, ()))
        item.setIcon(COL_ROLE, status_icon(status))
        item.setData(COL_ROLE, Qt.UserRole + 2, status)
        item.setToolTip(COL_ROLE, f"{text}\n\n{role_tooltip(role)}")
        if layer is None:
            item.setText(COL_COUNT, "")
            item.setText(COL_CRS, "")
            item.setToolTip(COL_CRS, "")
            return
        count = layer.featureCount() if isinstance(layer, QgsVectorLayer) else -1
        item.setText(COL_COUNT, f"{count:,}" if count >= 0 else "?")
        crs = layer.crs()
        item.setText(COL_CRS, crs.authid() or tr("unknown"))
        if not crs.isValid() or crs.isGeographic():
            item.setForeground(COL_CRS, QBrush(WARNING_COLOUR))
            item.setToolTip(COL_CRS, tr("Geographic or unknown CRS: areas and distances need the working CRS."))
        else:
            item.setForeground(COL_CRS, QBrush())
            item.setToolTip(COL_CRS, crs.description())
