"""One fill-in workbook per responsible department (部门填报表), from the assessment database.

Only the department's indicators (its non-spatial ones, plus the spatial ones it reports for the
cross-check). The data sheet is protected: code, name, unit, connotation and previous years'
values (reference columns) are locked, the value and text columns unlocked; drop-downs for the
data source type and collection method, a decimal validation per row with the unit and range in
its input message; a 填表说明 sheet; a very hidden ``_meta`` sheet with the year, department,
column map, per-row export record (versions, exported values) and a checksum of the key columns.
"""

import json
import re
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from ..i18n import tr
from ..store import schema as S
from ..store.forms import evidence_from_json
from . import workbook_layout as L
from .conclusion_table import BORDER, style_table_sheet

LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)


def reference_years(store, year: int, base_year: int = S.BASE_YEAR, count: int = 2) -> List[int]:
    """The base year and up to ``count`` latest earlier years that have values."""
    frame = store.read_frame(f"SELECT DISTINCT year FROM {store.t('indicator_values')} WHERE year < ?", [int(year)])
    earlier = sorted({int(y) for y in frame["year"]} - {int(base_year)}) if len(frame) else []
    years = ([int(base_year)] if int(base_year) < int(year) else []) + earlier[-count:]
    return years


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", str(text)).strip("_") or "department"


def workbook_name(year: int, department: str) -> str:
    return f"{int(year)}年度城市体检评估指标填报表_{_safe_name(department)}.xlsx"


def _clean(value):
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    return value


def workbook_data(store, year: int, refs: Sequence[int]) -> pd.DataFrame:
    """Every form of ``year`` with its reference values ('ref:YYYY') and the reported note."""
    rows = store.forms(year)
    if not len(rows):
        return rows
    best = store.best_values(years=list(refs)) if refs else pd.DataFrame(columns=["code", "year", "value"])
    for ref in refs:
        rows[f"ref:{ref}"] = rows["code"].map(best[best["year"] == int(ref)].set_index("code")["value"])
    reported = store.values(year=year, origin="reported", unit_type="city").set_index("code")
    rows["note"] = rows["code"].map(reported["note"]) if len(reported) else None
    return rows


def department_rows(store, year: int, department: str, refs: Sequence[int],
                    data: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """The department's rows (see AssessmentStore.department_indicators) with reference values."""
    data = workbook_data(store, year, refs) if data is None else data
    if not len(data):
        return data
    cross = set(store.cross_check_codes())
    keep = (data["department"] == department) & ((data["source_type"] != "spatial") | data["code"].isin(cross))
    return data[keep].reset_index(drop=True)


def write_department_workbook(path, store, year: int, department: str, city: str = "",
                              password: Optional[str] = None, refs: Optional[Sequence[int]] = None,
                              data: Optional[pd.DataFrame] = None) -> Path:
    """Write the fill-in workbook of ``department`` for ``year``; returns the path."""
    year = int(year)
    refs = list(refs) if refs is not None else reference_years(store, year)
    rows = department_rows(store, year, department, refs, data)
    if not len(rows):
        raise ValueError(tr("Department '{department}' has no indicators to fill in for {year}.").format(
            department=department, year=year))
    fields = L.column_fields(refs, S.BASE_YEAR)
    field_names = [f for f, _ in fields]
    headers = [h if f != "value" else L.VALUE_HEADER.format(year=year) for f, h in fields]
    letters = L.column_letter_map(field_names)
    wb = Workbook()
    ws = wb.active
    ws.title = L.DATA_SHEET
    widths = [L.HEADERS[f][1] if f in L.HEADERS else 13 for f in field_names]
    title = f"{city}{year}年度国土空间规划城市体检评估指标填报表（{department}）"
    style_table_sheet(ws, title, headers, widths, len(rows), header_row=L.HEADER_ROW)
    ws.freeze_panes = ws.cell(row=L.FIRST_ROW, column=4)
    meta_rows = []
    for offset, record in enumerate(rows.to_dict("records")):
        r = L.FIRST_ROW + offset
        evidence = ";".join(e.path for e in evidence_from_json(_clean(record.get("evidence"))))
        source = _clean(record.get("reported_source")) or (record.get("source_type") if record.get("source_type")
                                                            not in (None, "spatial") else "statistic")
        values = {
            "seq": offset + 1, "code": record["code"], "name": _clean(record.get("name_zh")) or "",
            "unit": _clean(record.get("unit")) or "", "connotation": _clean(record.get("connotation")) or "",
            "value": _clean(record.get("value")),
            "source_type": S.SOURCE_TYPE_ZH.get(source, ""),
            "collection_method": S.COLLECTION_METHOD_ZH.get(_clean(record.get("collection_method")) or "", ""),
            "data_source": _clean(record.get("data_source")), "situation": _clean(record.get("situation")),
            "achievements": _clean(record.get("achievements")), "shortcomings": _clean(record.get("shortcomings")),
            "measures": _clean(record.get("measures")), "evidence": evidence or None,
            "submitted_by": _clean(record.get("submitted_by")), "note": _clean(record.get("note")),
        }
        for ref in refs:
            value = _clean(record.get(f"ref:{ref}"))
            values[f"ref:{ref}"] = None if value is None else float(value)
        for column, field in enumerate(field_names, start=1):
            cell = ws.cell(row=r, column=column, value=values.get(field))
            locked = field in L.KEY_COLUMNS or field.startswith("ref:")
            cell.protection = Protection(locked=locked)
            cell.fill = LOCKED_FILL if locked else INPUT_FILL
            cell.border = BORDER
            if field in ("connotation", "situation", "achievements", "shortcomings", "measures", "data_source"):
                cell.alignment = WRAP
        meta_rows.append({
            "row": r, "code": values["code"], "name": values["name"], "unit": values["unit"],
            "connotation": values["connotation"],
            "refs": {str(ref): values[f"ref:{ref}"] for ref in refs},
            "form_version": int(record.get("version") or 0), "value_version": int(record.get("value_version") or 0),
            "exported": {f: values.get(f) for f in L.EDITABLE},
        })
    _validations(ws, rows, letters, len(rows))
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    if password:
        ws.protection.password = password
    _help_sheet(wb, city, year, department, rows)
    _meta_sheet(wb, year, department, city, refs, letters, meta_rows, store)
    wb.security = WorkbookProtection(lockStructure=True)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _validations(ws, rows: pd.DataFrame, letters: Dict[str, str], n: int) -> None:
    first, last = L.FIRST_ROW, L.FIRST_ROW + n - 1
    source = DataValidation(type="list", formula1='"' + ",".join(S.SOURCE_TYPE_ZH.values()) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="数据来源类型", error="请从下拉列表中选择。")
    source.add(f"{letters['source_type']}{first}:{letters['source_type']}{last}")
    method = DataValidation(type="list", formula1='"' + ",".join(S.COLLECTION_METHOD_ZH.values()) + '"',
                            allow_blank=True, showErrorMessage=True, errorTitle="采集方式", error="请从下拉列表中选择。")
    method.add(f"{letters['collection_method']}{first}:{letters['collection_method']}{last}")
    ws.add_data_validation(source)
    ws.add_data_validation(method)
    groups: Dict[tuple, List[int]] = {}
    for offset, record in enumerate(rows.to_dict("records")):
        unit = _clean(record.get("unit")) or ""
        low, high = L.value_range(record["code"], unit, _clean(record.get("name_zh")) or "")
        groups.setdefault((unit, low, high), []).append(first + offset)
    column = letters["value"]
    for (unit, low, high), row_numbers in groups.items():
        if high == float("inf") and low == float("-inf"):
            dv = DataValidation(type="decimal", operator="between", formula1="-1E+300", formula2="1E+300")
            span = "任意数值"
        elif high == float("inf"):
            dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1=f"{low:g}")
            span = f"不小于 {low:g}"
        else:
            dv = DataValidation(type="decimal", operator="between", formula1=f"{low:g}", formula2=f"{high:g}")
            span = f"{low:g} 至 {high:g}"
        dv.allow_blank = True
        dv.showErrorMessage = True
        dv.showInputMessage = True
        dv.errorTitle = "数值有误"
        dv.error = f"请填写以“{unit}”为单位的数值（{span}），不要带单位或文字。"[:255]
        dv.promptTitle = f"单位：{unit}"[:32]
        dv.prompt = f"请按“{unit}”填写数值，合理范围：{span}。"[:255]
        for r in row_numbers:
            dv.add(f"{column}{r}")
        ws.add_data_validation(dv)


HELP_LINES = (
    "一、本表为{city}{year}年度国土空间规划城市体检评估指标填报表，填报部门：{department}，共 {n} 项指标。",
    "二、灰色列（序号、指标编号、指标名称、计量单位、指标内涵及往年数值）为锁定列，请勿修改；黄色列为填报列。",
    "三、“{year}年数值”请按“计量单位”列的单位填写纯数字，不带单位或文字；百分比填写百分数（如 85.5 表示 85.5%）。"
    "单元格的输入提示给出单位和合理范围。",
    "四、“数据来源类型”“采集方式”请从下拉列表中选择；“数据来源”填写统计年鉴、公报、部门台账等具体来源。",
    "五、基本情况、取得成效、短板及成因、下一步提升措施及建议请分条简要填写。",
    "六、佐证材料填写随表报送的文件名，多个文件用分号分隔。",
    "七、数据截止时点为{year}年12月31日，请于{deadline}前报送市资源规划局。",
    "八、请勿增删行、列或工作表，勿修改隐藏的元数据；指标有调整的请与市资源规划局联系。",
    "九、如以CSV格式报送，请在Excel中将“指标填报”工作表另存为“CSV UTF-8”；GBK编码的CSV也可接收。",
)


def _help_sheet(wb, city: str, year: int, department: str, rows: pd.DataFrame) -> None:
    ws = wb.create_sheet(L.HELP_SHEET)
    deadlines = sorted({str(d) for d in rows.get("deadline", pd.Series(dtype=object)).dropna() if str(d)})
    deadline = deadlines[0] if deadlines else f"{year + 1}年5月31日"
    ws["A1"] = "填表说明"
    ws["A1"].font = Font(name="宋体", size=14, bold=True)
    for index, line in enumerate(HELP_LINES, start=3):
        cell = ws.cell(row=index, column=1, value=line.format(city=city, year=year, department=department,
                                                              n=len(rows), deadline=deadline))
        cell.alignment = WRAP
        cell.font = Font(name="宋体", size=11)
        ws.row_dimensions[index].height = 36
    ws.column_dimensions["A"].width = 110
    ws.protection.sheet = True


def _meta_sheet(wb, year, department, city, refs, letters, meta_rows, store) -> None:
    ws = wb.create_sheet(L.META_SHEET)
    items = [
        ("format", L.FORMAT), ("format_version", L.FORMAT_VERSION), ("year", int(year)), ("department", department),
        ("city", city), ("base_year", S.BASE_YEAR), ("exported_at", store.clock()), ("exported_by", store.user),
        ("database", store.describe()), ("data_sheet", L.DATA_SHEET), ("header_row", L.HEADER_ROW),
        ("first_row", L.FIRST_ROW), ("columns", json.dumps(letters, ensure_ascii=False)),
        ("reference_years", json.dumps([int(r) for r in refs])), ("row_count", len(meta_rows)),
        ("checksum", L.key_checksum(year, department, meta_rows)),
    ]
    for index, (key, value) in enumerate(items, start=1):
        ws.cell(row=index, column=1, value=key)
        ws.cell(row=index, column=2, value=value)
    start = len(items) + 2
    ws.cell(row=start, column=1, value="rows")
    for offset, record in enumerate(meta_rows, start=1):
        ws.cell(row=start + offset, column=1, value=record["row"])
        ws.cell(row=start + offset, column=2, value=json.dumps(record, ensure_ascii=False, default=float))
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def write_department_workbooks(folder, store, year: int, departments: Optional[Sequence[str]] = None,
                               city: str = "", password: Optional[str] = None, progress=None) -> List[Path]:
    """One workbook per department (all departments with indicators to fill, or ``departments``)."""
    year = int(year)
    forms = store.forms(year)
    if not len(forms):
        raise ValueError(tr("The assessment database has no forms for {year}: prepare the year first.").format(
            year=year))
    known = [d for d in sorted(forms["department"].dropna().unique()) if d]
    wanted = list(departments) if departments else known
    unknown = [d for d in wanted if d not in known]
    if unknown:
        raise ValueError(tr("Unknown department(s): {names}. Known: {known}.").format(
            names=", ".join(unknown), known=", ".join(known)))
    refs = reference_years(store, year)
    data = workbook_data(store, year, refs)
    written = []
    for index, department in enumerate(wanted):
        if not len(department_rows(store, year, department, refs, data)):
            continue
        written.append(write_department_workbook(Path(folder) / workbook_name(year, department), store, year,
                                                 department, city, password, refs, data))
        if progress is not None:
            progress(index + 1, len(wanted), department)
    return written
