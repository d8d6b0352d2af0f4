"""附件1 指标结论表: the indicator conclusion table as a formatted xlsx (openpyxl).

Layout of the official form: a title row (××市国土空间规划城市体检评估指标结论表（YYYY年）),
one header row, one row per indicator, level-1 and level-2 category cells merged over their
runs, number formats by unit, thin borders, wrapped text, frozen header, A3 landscape print
set-up fitted to the page width with the header row repeated on every page.

The sheet helpers (:func:`style_table_sheet`) are shared with the key-task tables.
"""

from pathlib import Path
from typing import List, Optional, Sequence, Union

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n import tr

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
TITLE_FONT = Font(name="宋体", size=16, bold=True)
HEADER_FONT = Font(name="宋体", size=11, bold=True)
BODY_FONT = Font(name="宋体", size=10)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center", wrap_text=True)
STATUS_FILLS = {
    "met": PatternFill("solid", fgColor="E2EFDA"),
    "nearly_met": PatternFill("solid", fgColor="FFF2CC"),
    "warning": PatternFill("solid", fgColor="FCE4D6"),
    "not_met": PatternFill("solid", fgColor="F8CBAD"),
}

INTEGER_UNITS = {"个", "处", "件", "栋", "所", "种", "次", "套", "天", "座", "家", "条", "人", "张", "辆", "项", "户"}
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"
PERCENT_NUMBER_FORMAT = "0.00"
PERCENT_FRACTION_FORMAT = "0.00%"

CONCLUSION_KEYS = ("seq", "level1", "level2", "name", "unit", "tier", "base_value", "previous_value",
                   "current_value", "target", "trend", "conclusion", "data_source", "department")
CONCLUSION_WIDTHS = (6, 9, 13, 30, 10, 10, 12, 12, 12, 14, 13, 11, 22, 16)


def conclusion_headers() -> List[str]:
    return [tr("No."), tr("Level-1 category"), tr("Level-2 category"), tr("Indicator item"), tr("Unit"),
            tr("Indicator type"), tr("Base-year value"), tr("Previous-year value"), tr("Current-year value"),
            tr("Target value"), tr("Trend"), tr("Assessment conclusion"), tr("Data source"),
            tr("Responsible department")]


def number_format(unit: str, percent_as_fraction: bool = False) -> str:
    """Excel number format for a unit: counts as integers, % with 2 decimals, else 2 decimals.

    Percent values are stored as percentages (35.2 for 35.2 %) unless ``percent_as_fraction``
    (0.352), in which case Excel's % format is used.
    """
    unit = (unit or "").strip()
    if unit in INTEGER_UNITS:
        return INTEGER_FORMAT
    if unit in ("%", "％"):
        return PERCENT_FRACTION_FORMAT if percent_as_fraction else PERCENT_NUMBER_FORMAT
    return DECIMAL_FORMAT


def _number(value) -> Optional[float]:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if np.isfinite(value) else None


def _target_text(row) -> Union[float, str, None]:
    direction = row.get("direction", "")
    if direction == "interval":
        lower, upper = _number(row.get("lower")), _number(row.get("upper"))
        if lower is not None and upper is not None:
            return f"{_short(lower)}–{_short(upper)}"
        if lower is not None:
            return f"≥{_short(lower)}"
        if upper is not None:
            return f"≤{_short(upper)}"
        return None
    if direction in ("constraint_max", "constraint_min"):
        limit = _number(row.get("limit"))
        if limit is None:
            return None
        return ("≤" if direction == "constraint_max" else "≥") + _short(limit)
    return _number(row.get("target_value"))


def _short(value: float) -> str:
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".")


def conclusion_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The 14 columns of 附件1 from a Diagnosis.table (plus ``status``/``reason`` for styling).

    Rows are grouped so that each level-1 area (in 安全/创新/协调/绿色/开放/共享 order) and each
    level-2 category within it form one run, keeping the catalog order inside a run.
    """
    from ..assessment.diagnosis import LEVEL1_ORDER

    work = table.reset_index(drop=True).copy()
    level1_rank = {name: i for i, name in enumerate(LEVEL1_ORDER)}
    first_seen = {name: i for i, name in enumerate(dict.fromkeys(work["level1"]))}
    work["_l1"] = work["level1"].map(lambda v: level1_rank.get(v, len(LEVEL1_ORDER) + first_seen[v]))
    work["_l2"] = work.groupby("level1")["level2"].transform(lambda s: s.map({v: i for i, v in enumerate(dict.fromkeys(s))}))
    work["_pos"] = np.arange(len(work))
    work = work.sort_values(["_l1", "_l2", "_pos"], kind="stable").reset_index(drop=True)
    trends = []
    for trend_label, evaluation_label in zip(work.get("trend_label", ""), work.get("evaluation_label", "")):
        if trend_label and evaluation_label:
            trends.append(tr("{trend} ({evaluation})").format(trend=trend_label, evaluation=evaluation_label))
        else:
            trends.append(trend_label or "")
    out = pd.DataFrame({
        "seq": np.arange(1, len(work) + 1),
        "level1": work["level1"], "level2": work["level2"], "name": work["name_zh"], "unit": work["unit"],
        "tier": work["tier"], "base_value": work["base_value"], "previous_value": work["previous_value"],
        "current_value": work["current_value"],
        "target": [_target_text(row) for row in work.to_dict("records")],
        "trend": trends, "conclusion": work["status_label"],
        "data_source": work.get("data_source", ""), "department": work.get("department", ""),
        "status": work["status"], "reason": work.get("reason", ""),
    })
    return out


def style_table_sheet(ws: Worksheet, title: str, headers: Sequence[str], widths: Sequence[float], n_rows: int,
                      header_row: int = 2) -> None:
    """Title row, header row, borders, fonts, widths, frozen header, A3 landscape print set-up."""
    n_cols = len(headers)
    last = get_column_letter(n_cols)
    ws.cell(row=1, column=1, value=title)
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font = TITLE_FONT
    ws["A1"].alignment = CENTER
    ws.row_dimensions[1].height = 36
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=header_row, column=col, value=text)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = CENTER
        cell.border = BORDER
    ws.row_dimensions[header_row].height = 32
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=header_row + 1, max_row=header_row + n_rows, max_col=n_cols):
        for cell in row:
            cell.border = BORDER
            cell.font = BODY_FONT
            if cell.alignment is None or not cell.alignment.wrap_text:
                cell.alignment = LEFT
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "&P / &N"
    ws.print_area = f"A1:{last}{header_row + max(n_rows, 0)}"


def merge_runs(ws: Worksheet, column: int, keys: Sequence, first_row: int) -> List[str]:
    """Merge vertically the cells of ``column`` over runs of equal ``keys``; returns the ranges."""
    keys = list(keys)
    ranges = []
    start = 0
    for i in range(1, len(keys) + 1):  # loop over ~100 table rows (not features)
        if i == len(keys) or keys[i] != keys[start]:
            if i - start > 1:
                letter = get_column_letter(column)
                ref = f"{letter}{first_row + start}:{letter}{first_row + i - 1}"
                ws.merge_cells(ref)
                ranges.append(ref)
            start = i
    return ranges


def write_conclusion_table(path, table: pd.DataFrame, *, city: str, year: int, percent_as_fraction: bool = False,
                           sheet_title: Optional[str] = None) -> Path:
    """Write 附件1 to ``path`` (xlsx) from a Diagnosis.table (or a Diagnosis); returns the path.

    ``city`` is the full name (厦门市); ``year`` the assessment year of the title.
    """
    if hasattr(table, "table"):
        table = table.table
    rows = conclusion_rows(table)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title or tr("Indicator conclusions")[:31]
    title = tr("{city} territorial spatial planning city health check indicator conclusion table ({year})").format(
        city=city, year=year)
    headers = conclusion_headers()
    first = 3
    for offset, record in enumerate(rows.to_dict("records")):
        r = first + offset
        fmt = number_format(record["unit"], percent_as_fraction)
        for col, key in enumerate(CONCLUSION_KEYS, start=1):
            value = record[key]
            if key in ("base_value", "previous_value", "current_value"):
                value = _number(value)
            elif key == "target" and not isinstance(value, str):
                value = _number(value)
            elif isinstance(value, float) and not np.isfinite(value):
                value = None
            cell = ws.cell(row=r, column=col, value=value)
            if key in ("base_value", "previous_value", "current_value", "target"):
                cell.number_format = fmt
                cell.alignment = RIGHT if not isinstance(value, str) else CENTER
            elif key in ("seq", "level1", "level2", "unit", "tier", "trend", "conclusion"):
                cell.alignment = CENTER
            else:
                cell.alignment = LEFT
        conclusion = ws.cell(row=r, column=CONCLUSION_KEYS.index("conclusion") + 1)
        fill = STATUS_FILLS.get(record["status"])
        if fill is not None:
            conclusion.fill = fill
        if record.get("reason"):
            conclusion.comment = Comment(str(record["reason"]), "CityHealth")
    style_table_sheet(ws, title, headers, CONCLUSION_WIDTHS, len(rows))
    merge_runs(ws, 2, list(rows["level1"]), first)
    merge_runs(ws, 3, list(zip(rows["level1"], rows["level2"])), first)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def conclusion_table_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The 14 columns with their (translated) headers, for previews in the panel or a CSV."""
    rows = conclusion_rows(table)
    out = rows[list(CONCLUSION_KEYS)].copy()
    out.columns = conclusion_headers()
    return out
