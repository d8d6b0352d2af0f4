"""The data check's findings as an Excel workbook (one sheet, one row per finding).

Input rows are mappings with the keys of the validation output (severity, layer, role, rule,
count, fids, message, fix); the header row is translated, the values are written as found.
"""

from pathlib import Path
from typing import Iterable, Mapping

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..i18n import tr

COLUMNS = (("severity", 10), ("layer", 22), ("role", 20), ("rule", 22), ("count", 8), ("message", 60),
           ("fix", 50), ("fids", 30))  # key, column width


def headers():
    return (tr("Severity"), tr("Layer"), tr("Role"), tr("Rule"), tr("Count"), tr("Message"), tr("How to fix"),
            tr("Feature ids"))
SEVERITY_FILL = {"error": "F8D7DA", "warning": "FFF3CD", "info": "DDEBF7"}


def write_findings_xlsx(findings: Iterable[Mapping], path, title: str = "") -> Path:
    """Write ``findings`` to ``path`` (.xlsx). Returns the path written."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    book = Workbook()
    sheet = book.active
    sheet.title = tr("Data check")[:31]
    row = 1
    if title:
        sheet.cell(row=1, column=1, value=title).font = Font(bold=True, size=13)
        row = 3
    for col, ((_key, width), header) in enumerate(zip(COLUMNS, headers()), start=1):
        cell = sheet.cell(row=row, column=col, value=header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E7E6E6")
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    header_row = row
    for finding in findings:
        row += 1
        severity = str(finding.get("severity", "") or "").lower()
        for col, (key, _width) in enumerate(COLUMNS, start=1):
            value = finding.get(key, "")
            if key == "fids" and isinstance(value, (list, tuple)):
                value = ",".join(str(v) for v in value)
            cell = sheet.cell(row=row, column=col, value=value)
            cell.alignment = Alignment(wrap_text=key in ("message", "fix"), vertical="top")
        colour = SEVERITY_FILL.get(severity)
        if colour:
            sheet.cell(row=row, column=1).fill = PatternFill("solid", fgColor=colour)
    if row > header_row:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(COLUMNS))}{row}"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
