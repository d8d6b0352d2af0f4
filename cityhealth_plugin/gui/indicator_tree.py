"""The indicator tree of the Indicators panel: level 1 → level 2 → indicator, ticked to compute.

Built from the catalog. Names are Chinese when the UI is Chinese and English otherwise
(``language``); categories show through ``tr()`` of their English names, whose zh_CN
translation is the catalog's own Chinese wording. Each indicator row shows its code, unit,
method family and tier; an indicator whose inputs are not in the project is greyed, with what
is missing in its tooltip. Filters: text (code or name, either language), tier, computable only,
and an optional predicate over codes (``accept``; the Forms panel filters by department and
fill-in state with it). ``checkable=False`` builds the tree without check boxes (pick one
indicator, as in the Forms panel).
"""

from typing import Callable, Dict, Iterable, List, Optional, Sequence

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator

from ..core.catalog.model import TIERS, Catalog, Indicator
from ..core.i18n import tr, tr_noop

COL_NAME, COL_CODE, COL_UNIT, COL_METHOD, COL_TIER = range(5)
CODE_ROLE = Qt.UserRole + 1
UNKNOWN_TIER = "unknown"
GREY = QColor("#8a8a8a")

LEVEL1_EN = {
    "安全": tr_noop("Safety (安全)"), "创新": tr_noop("Innovation (创新)"), "协调": tr_noop("Coordination (协调)"),
    "绿色": tr_noop("Green (绿色)"), "开放": tr_noop("Openness (开放)"), "共享": tr_noop("Sharing (共享)"),
}
LEVEL2_EN = {
    "水安全": tr_noop("Water security"), "粮食安全": tr_noop("Food security"),
    "生态安全": tr_noop("Ecological security"), "文化安全": tr_noop("Cultural security"),
    "城市韧性": tr_noop("Urban resilience"), "规划管控": tr_noop("Planning control"),
    "发展模式": tr_noop("Development model"), "智慧城市": tr_noop("Smart city"),
    "投入产出": tr_noop("Input and output"), "集聚集约": tr_noop("Compact and intensive use"),
    "城乡融合": tr_noop("Urban-rural integration"), "地上地下统筹": tr_noop("Above- and below-ground coordination"),
    "生态保护": tr_noop("Ecological protection"), "绿色低碳生产": tr_noop("Green low-carbon production"),
    "绿色低碳生活": tr_noop("Green low-carbon living"), "对外交往": tr_noop("External exchange"),
    "网络联通": tr_noop("Network connectivity"), "对外贸易": tr_noop("Foreign trade"),
    "宜业": tr_noop("Good for working"), "宜居": tr_noop("Good for living"), "宜游": tr_noop("Good for visiting"),
    "宜乐": tr_noop("Good for leisure"),
}
TIER_EN = {"基本": tr_noop("Basic (基本)"), "国审必选": tr_noop("Required for national review (国审必选)"),
           "推荐": tr_noop("Recommended (推荐)"), "地方": tr_noop("Local (地方)")}
METHOD_EN = {
    "landuse_area": tr_noop("Land-use area"), "landuse_share": tr_noop("Land-use share"),
    "overlay_area": tr_noop("Overlay area"), "density": tr_noop("Density"), "ratio": tr_noop("Ratio"),
    "quantity": tr_noop("Quantity"), "per_capita": tr_noop("Per capita"), "count": tr_noop("Count"),
    "derived": tr_noop("Derived"), "radius_coverage": tr_noop("Radius coverage"),
    "walk_coverage": tr_noop("Walking coverage"), "statistic": tr_noop("Statistic"), "survey": tr_noop("Survey"),
    "bigdata": tr_noop("Big data"),
}


def level1_title(level1: str) -> str:
    return tr(LEVEL1_EN[level1]) if level1 in LEVEL1_EN else (level1 or tr("Other"))


def level2_title(level2: str) -> str:
    return tr(LEVEL2_EN[level2]) if level2 in LEVEL2_EN else (level2 or tr("Other"))


def tier_title(tier: str) -> str:
    return tr(TIER_EN[tier]) if tier in TIER_EN else tier


def method_title(method: str) -> str:
    return tr(METHOD_EN[method]) if method in METHOD_EN else method


def tier_choices():
    """(value, label) of the tier filter: every tier, each tier, unknown."""
    return [("", tr("All tiers"))] + [(t, tier_title(t)) for t in TIERS] + [(UNKNOWN_TIER, tr("Tier unknown"))]


def describe_missing(items: Sequence[str]) -> str:
    """'role:eco_redline' … as a sentence for a tooltip."""
    from ..core.roles.registry import ROLES_BY_ID

    parts = []
    for item in items:
        kind, _, ident = item.partition(":")
        if kind == "role":
            label = ROLES_BY_ID[ident].display_name() if ident in ROLES_BY_ID else ident
            parts.append(tr("layer: {role}").format(role=label))
        elif kind == "statistic":
            parts.append(tr("statistic: {code}").format(code=ident))
        elif kind == "method":
            parts.append(tr("method not installed: {method}").format(method=ident))
        else:
            parts.append(item)
    return "; ".join(parts)


class IndicatorTree(QTreeWidget):
    checkedChanged = pyqtSignal()
    currentCodeChanged = pyqtSignal(str)

    def __init__(self, parent=None, checkable: bool = True):
        super().__init__(parent)
        self.setObjectName("CityHealthIndicatorTree")
        self._checkable = checkable
        self.setColumnCount(5)
        self.setHeaderLabels([tr("Indicator"), tr("Code"), tr("Unit"), tr("Method"), tr("Tier")])
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.Stretch)
        for column in (COL_CODE, COL_UNIT, COL_METHOD, COL_TIER):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self._items: Dict[str, QTreeWidgetItem] = {}
        self._indicators: Dict[str, Indicator] = {}
        self._computable: Dict[str, bool] = {}
        self._updating = False
        self.itemChanged.connect(self._on_item_changed)
        self.currentItemChanged.connect(self._on_current_changed)

    # building ---------------------------------------------------------------------------
    def set_catalog(self, catalog: Catalog, language: str = "en") -> None:
        checked = set(self.checked_codes())
        self._updating = True
        try:
            self.clear()
            self._items, self._indicators = {}, {}
            groups: Dict[str, QTreeWidgetItem] = {}
            bold = QFont(self.font())
            bold.setBold(True)
            for indicator in catalog:
                top = groups.get(indicator.level1)
                if top is None:
                    top = self._group_item(self, level1_title(indicator.level1), bold, self._checkable)
                    groups[indicator.level1] = top
                key = indicator.level1 + "/" + indicator.level2
                middle = groups.get(key)
                if middle is None:
                    middle = self._group_item(top, level2_title(indicator.level2), None, self._checkable)
                    groups[key] = middle
                self._items[indicator.code] = self._indicator_item(middle, indicator, language, indicator.code in checked)
                self._indicators[indicator.code] = indicator
            self.expandToDepth(0)
        finally:
            self._updating = False

    @staticmethod
    def _group_item(parent, title: str, font: Optional[QFont] = None, checkable: bool = True) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [title])
        if checkable:
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsAutoTristate)
            item.setCheckState(COL_NAME, Qt.Unchecked)
        else:
            item.setFlags(Qt.ItemIsEnabled)
        item.setFirstColumnSpanned(True)
        if font is not None:
            item.setFont(COL_NAME, font)
        return item

    def _indicator_item(self, parent, indicator: Indicator, language: str, checked: bool) -> QTreeWidgetItem:
        tier = tier_title(indicator.tier) if indicator.tier else "—"
        item = QTreeWidgetItem(parent, [indicator.name(language), indicator.code, indicator.unit,
                                        method_title(indicator.method), tier])
        item.setData(COL_NAME, CODE_ROLE, indicator.code)
        if self._checkable:
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable)
            item.setCheckState(COL_NAME, Qt.Checked if checked else Qt.Unchecked)
        else:
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
        other = indicator.name("en" if language == "zh" else "zh")
        tooltip = [f"{indicator.code} {indicator.name(language)}", other]
        if indicator.formula_zh:
            tooltip.append(indicator.formula_zh)
        if not indicator.tier and indicator.tier_guess:
            tooltip.append(tr("Tier not confirmed (reference guess: {guess}).").format(guess=indicator.tier_guess))
        item.setToolTip(COL_NAME, "\n".join(t for t in tooltip if t))
        item.setToolTip(COL_TIER, tooltip[-1] if not indicator.tier and indicator.tier_guess else "")
        return item

    # computability ----------------------------------------------------------------------
    def set_missing(self, missing: Dict[str, List[str]], computable: Dict[str, bool]) -> None:
        """Grey the indicators that cannot be computed; tooltips say what is missing."""
        self._computable = dict(computable)
        self._updating = True
        try:
            for code, item in self._items.items():
                lacks = missing.get(code, [])
                brush = QBrush() if computable.get(code) else QBrush(GREY)
                for column in range(self.columnCount()):
                    item.setForeground(column, brush)
                base = item.toolTip(COL_NAME).split("\n" + tr("Missing:"), 1)[0]
                item.setToolTip(COL_NAME, base + ("\n" + tr("Missing:") + " " + describe_missing(lacks) if lacks else ""))
        finally:
            self._updating = False

    def computable_codes(self) -> List[str]:
        return [code for code in self._items if self._computable.get(code)]

    # checks -----------------------------------------------------------------------------
    def codes(self) -> List[str]:
        return list(self._items)

    def item(self, code: str) -> Optional[QTreeWidgetItem]:
        return self._items.get(code)

    def checked_codes(self) -> List[str]:
        return [code for code, item in self._items.items() if item.checkState(COL_NAME) == Qt.Checked]

    def set_checked(self, codes: Iterable[str], checked: bool = True, exclusive: bool = False) -> None:
        wanted = set(codes)
        self._updating = True
        try:
            for code, item in self._items.items():
                if code in wanted:
                    item.setCheckState(COL_NAME, Qt.Checked if checked else Qt.Unchecked)
                elif exclusive:
                    item.setCheckState(COL_NAME, Qt.Unchecked)
        finally:
            self._updating = False
        self.checkedChanged.emit()

    def check_computable(self) -> List[str]:
        codes = [code for code in self.computable_codes() if not self._items[code].isHidden()]
        self.set_checked(codes, exclusive=True)
        return codes

    def clear_checks(self) -> None:
        self.set_checked([], exclusive=True)

    def _on_item_changed(self, item, column):
        if not self._updating and column == COL_NAME:
            self.checkedChanged.emit()

    def _on_current_changed(self, current, _previous):
        code = current.data(COL_NAME, CODE_ROLE) if current is not None else None
        if code:
            self.currentCodeChanged.emit(code)

    # filters ----------------------------------------------------------------------------
    def apply_filter(self, text: str = "", tier: str = "", computable_only: bool = False,
                     accept: Optional[Callable[[str], bool]] = None) -> int:
        """Show the indicators that match (and that ``accept(code)`` accepts, when given);
        returns how many are shown."""
        needle = (text or "").strip().lower()
        shown = 0
        for code, item in self._items.items():
            indicator = self._indicators[code]
            match = not needle or any(needle in value.lower() for value in (
                indicator.code, indicator.name_zh, indicator.name_en, indicator.level2, item.text(COL_NAME)))
            if tier == UNKNOWN_TIER:
                match &= not indicator.tier
            elif tier:
                match &= indicator.tier == tier
            if computable_only:
                match &= bool(self._computable.get(code))
            if accept is not None and match:
                match = bool(accept(code))
            item.setHidden(not match)
            shown += int(match)
        iterator = QTreeWidgetItemIterator(self)
        groups = []
        while iterator.value():
            node = iterator.value()
            if node.childCount():
                groups.append(node)
            iterator += 1
        for node in reversed(groups):  # level 2 before level 1
            node.setHidden(all(node.child(i).isHidden() for i in range(node.childCount())))
        if needle or tier or computable_only or accept is not None:
            self.expandAll()
        return shown
