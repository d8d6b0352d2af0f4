"""The data check's findings: parsed from the validation algorithm's output and shown as a table.

One ``Finding`` per output feature of ``cityhealth:validatedatapackage`` (fields severity,
layer, layer_id, role, rule, count, fids, message, fix, action).
"""

from dataclasses import asdict, dataclass, field
from typing import List, Tuple

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..core.i18n import tr

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_ICONS = {"error": "/mIconCritical.svg", "warning": "/mIconWarning.svg", "info": "/mIconInfo.svg"}
ACTIONS = ("reproject", "repair", "assign_role", "set_encoding")


def severity_text(severity: str) -> str:
    return {"error": tr("Error"), "warning": tr("Warning")}.get(severity, tr("Info"))


def action_text(action: str) -> str:
    return {
        "reproject": tr("Reproject…"),
        "repair": tr("Repair geometries"),
        "assign_role": tr("Assign layer…"),
        "set_encoding": tr("Set encoding…"),
    }.get(action, "")


def action_tooltip(action: str) -> str:
    return {
        "reproject": tr("Write a reprojected copy of the layer (GeoPackage) and use it for this role. "
                        "The source layer is not changed."),
        "repair": tr("Write a copy with repaired geometries (GeoPackage) and use it for this role. "
                     "The source layer is not changed."),
        "assign_role": tr("Choose the layer for this role in the list above."),
        "set_encoding": tr("Read the layer's text with another character encoding (the file is not changed)."),
    }.get(action, "")


def column_headers():
    return (tr("Severity"), tr("Layer"), tr("Rule"), tr("Count"), tr("Action"), tr("Message"), tr("How to fix"))


def normalise_severity(value) -> str:
    text = str(value or "").strip().lower()
    if text in ("error", "critical", "fatal", "错误"):
        return "error"
    if text in ("warning", "warn", "警告"):
        return "warning"
    return "info"


def parse_fids(value) -> Tuple[int, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        parts = value
    else:
        parts = str(value).replace(";", ",").split(",")
    fids = []
    for part in parts:
        part = str(part).strip()
        if part.lstrip("-").isdigit():
            fids.append(int(part))
    return tuple(fids)


def _text(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return "" if text == "NULL" else text


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@dataclass
class Finding:
    severity: str
    layer: str = ""
    layer_id: str = ""
    role: str = ""
    rule: str = ""
    count: int = 0
    fids: Tuple[int, ...] = field(default_factory=tuple)
    message: str = ""
    fix: str = ""
    action: str = ""

    @classmethod
    def from_mapping(cls, values) -> "Finding":
        get = values.get if hasattr(values, "get") else (lambda key, default=None: values[key])
        return cls(
            severity=normalise_severity(get("severity", "")),
            layer=_text(get("layer", "")),
            layer_id=_text(get("layer_id", "")),
            role=_text(get("role", "")),
            rule=_text(get("rule", "")),
            count=_int(get("count", 0)),
            fids=parse_fids(get("fids", "")),
            message=_text(get("message", "")),
            fix=_text(get("fix", "")),
            action=_text(get("action", "")).strip().lower(),
        )

    def as_dict(self) -> dict:
        return asdict(self)


def findings_from_layer(layer) -> List[Finding]:
    """Read the validation output layer (no geometry) into findings, errors first."""
    names = layer.fields().names()
    findings = []
    for feature in layer.getFeatures():
        values = {name: feature[name] for name in names}
        findings.append(Finding.from_mapping(values))
    return sort_findings(findings)


def sort_findings(findings) -> List[Finding]:
    return sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), f.layer, f.rule))


class FindingsModel(QAbstractTableModel):
    # the action button comes before the long texts so that it is visible in a narrow panel
    COLUMNS = ("severity", "layer", "rule", "count", "action", "message", "fix")  # see column_headers()
    ACTION_COLUMN = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self._findings: List[Finding] = []
        self._icons = {}

    def set_findings(self, findings) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()

    def findings(self) -> List[Finding]:
        return list(self._findings)

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt API)
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return column_headers()[section]
        return None

    def _icon(self, severity):
        if severity not in self._icons:
            self._icons[severity] = QgsApplication.getThemeIcon(SEVERITY_ICONS.get(severity, "/mIconInfo.svg"))
        return self._icons[severity]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        finding = self._findings[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.DisplayRole:
            if key == "severity":
                return severity_text(finding.severity)
            if key == "action":
                return action_text(finding.action)
            return getattr(finding, key)
        if role == Qt.DecorationRole and key == "severity":
            return self._icon(finding.severity)
        if role == Qt.ToolTipRole:
            if key == "action" and finding.action in ACTIONS:
                return action_tooltip(finding.action)
            if key in ("message", "fix", "layer", "rule"):
                return getattr(finding, key) or None
            if key == "count" and finding.fids:
                return tr("Click the row to select and zoom to these features.")
        if role == Qt.TextAlignmentRole and key == "count":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
