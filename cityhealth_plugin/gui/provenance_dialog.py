"""The provenance of one indicator result: inputs with feature counts and content hashes,
parameters, formula, CRS, area method, choices, warnings, time and plugin version.

``provenance_html`` builds the text (also used by tests); ``ProvenanceDialog`` shows it with a
Copy button.
"""

import json
from html import escape
from typing import Dict, Optional

from qgis.PyQt.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout

from ..core.i18n import tr
from ..core.roles.registry import ROLES_BY_ID
from .result_tables import format_value, status_text


def _rows(pairs) -> str:
    cells = "".join(f"<tr><th align='left' valign='top'>{escape(k)}</th><td>{v}</td></tr>" for k, v in pairs if v)
    return f"<table cellspacing='0' cellpadding='3'>{cells}</table>"


def _list(items) -> str:
    items = [escape(str(i)) for i in items if str(i).strip()]
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""


def _inputs_table(inputs) -> str:
    if not inputs:
        return ""
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in (
        tr("Role"), tr("Layer"), tr("Features"), tr("Content hash (SHA-1)"), tr("CRS")))
    body = []
    for item in inputs:
        role = item.get("role", "")
        label = ROLES_BY_ID[role].display_name() if role in ROLES_BY_ID else role
        body.append("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in (
            label, item.get("layer", ""), f"{int(item.get('features') or 0):,}", str(item.get("hash", ""))[:12],
            item.get("crs", ""))) + "</tr>")
    return f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{''.join(body)}</table>"


def _statistics_table(statistics) -> str:
    if not statistics:
        return ""
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in (tr("Statistic"), tr("Year"), tr("Value"), tr("Unit")))
    body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in (
        f"{s.get('code', '')} {s.get('name', '')}", s.get("year", ""),
        format_value(s.get("value")) if isinstance(s.get("value"), (int, float)) else s.get("unit_code", ""),
        s.get("unit", ""))) + "</tr>" for s in statistics)
    return f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


def provenance_html(provenance: Dict, name: str = "", value: Optional[float] = None) -> str:
    """The provenance record (as stored in the assessment database) as HTML."""
    p = provenance or {}
    code = p.get("code", "")
    status = p.get("status", "")
    value = p.get("value") if value is None else value
    shown = f"{format_value(value)} {escape(p.get('unit', ''))}" if status == "ok" and value is not None else ""
    parts = [f"<h3>{escape(code)} {escape(name)}</h3>", _rows([
        (tr("Value"), shown),
        (tr("Status"), escape(status_text(status))),
        (tr("Message"), escape(p.get("message", ""))),
        (tr("Missing"), escape("; ".join(p.get("missing") or []))),
        (tr("Method"), escape(p.get("method", ""))),
        (tr("Formula"), escape(p.get("formula", ""))),
        (tr("Working CRS"), escape(p.get("crs", ""))),
        (tr("Area method"), escape(p.get("area_method", ""))),
        (tr("Computed at (UTC)"), escape(p.get("computed_at", ""))),
        (tr("Seconds"), escape(str(p.get("seconds", "")))),
        (tr("Plugin version"), escape(p.get("plugin_version", ""))),
        (tr("Catalog record"), escape(p.get("catalog_origin", ""))),
    ])]
    for title, html in (
        (tr("Inputs"), _inputs_table(p.get("inputs"))),
        (tr("Statistics used"), _statistics_table(p.get("statistics"))),
        (tr("Parameters"), "<pre>" + escape(json.dumps(p.get("parameters") or {}, ensure_ascii=False, indent=1))
         + "</pre>" if p.get("parameters") else ""),
        (tr("Choices"), _list(p.get("choices") or [])),
        (tr("Warnings"), _list(p.get("warnings") or [])),
    ):
        if html:
            parts.append(f"<h4>{escape(title)}</h4>{html}")
    if not p:
        parts.append(escape(tr("No provenance is stored for this result.")))
    return "".join(parts)


class ProvenanceDialog(QDialog):
    def __init__(self, provenance: Dict, name: str = "", value: Optional[float] = None, parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthProvenanceDialog")
        self.setWindowTitle(tr("Provenance: {code} {name}").format(code=(provenance or {}).get("code", ""), name=name))
        self.provenance = provenance or {}
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(provenance_html(self.provenance, name, value))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        copy = QPushButton(tr("Copy as JSON"), self)
        buttons.addButton(copy, QDialogButtonBox.ActionRole)
        copy.clicked.connect(self.copy_json)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 620)

    def copy_json(self) -> str:
        text = json.dumps(self.provenance, ensure_ascii=False, indent=2)
        QApplication.clipboard().setText(text)
        return text
