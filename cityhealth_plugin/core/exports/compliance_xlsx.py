"""Compliance results as an Excel workbook (openpyxl): summary, violation list, check log.

Sheets: 汇总 (count and area per rule and district, a total row per rule), 违规图斑 (one row per
violating part with the review mark and note), 检查情况 (status and message of each check) and,
for the new-construction checks, 新增建设用地来源 (area by base-year class). Headers are
translated; values are written as found (areas in m² and hm² with two decimals).
"""

from pathlib import Path
from typing import Mapping, Optional

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..i18n import tr

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
AREA_FORMAT = "#,##0.00"


def summary_columns():
    return (("rule_name", tr("Rule"), 44), ("XZQMC", tr("District"), 16), ("XZQDM", tr("District code"), 12),
            ("count", tr("Violating parts"), 12), ("area_m2", tr("Area (m²)"), 16), ("area_hm2", tr("Area (hm²)"), 14))


def violation_columns():
    return (("rule_name", tr("Rule"), 40), ("XZQMC", tr("District"), 12), ("XZQDM", tr("District code"), 11),
            ("patch_id", tr("Patch id (BSM)"), 20), ("DLBM", tr("Land class code"), 10),
            ("DLMC", tr("Land class name"), 16), ("area_m2", tr("Area (m²)"), 14), ("area_hm2", tr("Area (hm²)"), 12),
            ("area_basis", tr("Area basis"), 12), ("base_DLBM", tr("Base-year class code"), 12),
            ("base_DLMC", tr("Base-year class name"), 16), ("reviewed", tr("Reviewed"), 10), ("note", tr("Note"), 36),
            ("reviewer", tr("Reviewer"), 12), ("reviewed_at", tr("Reviewed at"), 20))


def check_columns():
    return (("title", tr("Check"), 48), ("status", tr("Status"), 14), ("count", tr("Violating parts"), 12),
            ("area_hm2", tr("Area (hm²)"), 12), ("message", tr("Message"), 60), ("warnings", tr("Warnings"), 60))


def base_class_columns():
    return (("check", tr("Check"), 40), ("base_DLBM", tr("Base-year class code"), 12),
            ("base_DLMC", tr("Base-year class name"), 18), ("cultivated", tr("Cultivated land"), 10),
            ("parts", tr("Parts"), 8), ("area_m2", tr("Area (m²)"), 14), ("area_hm2", tr("Area (hm²)"), 12))


def status_labels():
    return {"ok": tr("No violations"), "violations": tr("Violations found"), "missing_input": tr("Missing input"),
            "invalid_input": tr("Invalid input")}


def _plain(value):
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return "✓" if value else ""
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if np.isfinite(value) else None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _sheet(book: Workbook, title: str, frame: pd.DataFrame, columns, heading: str = "", total_column: str = "",
           first: bool = False):
    sheet = book.active if first else book.create_sheet()
    sheet.title = title[:31]
    row = 1
    if heading:
        sheet.cell(row=1, column=1, value=heading).font = Font(bold=True, size=13)
        row = 3
    header_row = row
    for col, (_key, header, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=row, column=col, value=header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(col)].width = width
    records = frame.to_dict("records") if len(frame) else []
    for record in records:
        row += 1
        total = bool(total_column) and str(record.get(total_column, "")) == "*"
        for col, (key, _header, _width) in enumerate(columns, start=1):
            cell = sheet.cell(row=row, column=col, value=_plain(record.get(key)))
            cell.border = BORDER
            if key.startswith("area"):
                cell.number_format = AREA_FORMAT
            cell.alignment = Alignment(vertical="top", wrap_text=key in ("message", "warnings", "note", "rule_name"))
            if total:
                cell.fill = TOTAL_FILL
                cell.font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    if row > header_row:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{row}"
    return sheet


def write_compliance_xlsx(path, violations: pd.DataFrame, summary: pd.DataFrame,
                          checks: Optional[pd.DataFrame] = None,
                          by_base_class: Optional[Mapping[str, pd.DataFrame]] = None, title: str = "") -> Path:
    """Write the workbook to ``path`` (.xlsx added when missing); returns the path.

    ``violations`` and ``summary`` have the columns of core.compliance.storage (VIOLATION_FIELDS,
    SUMMARY_FIELDS; ``reviewed`` / ``note`` … from reviews.apply_reviews when present);
    ``checks`` is storage.checks_frame; ``by_base_class`` {check title: ComplianceResult.tables
    ["by_base_class"]}.
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    book = Workbook()
    summary_rows = summary.copy()
    if "XZQDM" in summary_rows.columns:
        summary_rows["XZQMC"] = np.where(summary_rows["XZQDM"].astype(str) == "*", tr("All districts"),
                                         summary_rows["XZQMC"].astype(object))
    _sheet(book, tr("Summary"), summary_rows, summary_columns(), heading=title, total_column="XZQDM", first=True)
    _sheet(book, tr("Violations"), violations, violation_columns())
    if checks is not None and len(checks):
        rows = checks.copy()
        labels = status_labels()
        rows["status"] = rows["status"].map(lambda s: labels.get(s, s))
        if "warnings" in rows.columns:
            rows["warnings"] = rows["warnings"].map(_warning_text)
        _sheet(book, tr("Checks"), rows, check_columns())
    frames = [table.assign(check=name) for name, table in (by_base_class or {}).items() if table is not None and len(table)]
    if frames:
        _sheet(book, tr("New construction by base class"), pd.concat(frames, ignore_index=True),
               base_class_columns())
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _warning_text(value) -> str:
    import json

    if not value:
        return ""
    try:
        items = json.loads(value) if isinstance(value, str) else list(value)
    except ValueError:
        return str(value)
    return "\n".join(str(item) for item in items)
