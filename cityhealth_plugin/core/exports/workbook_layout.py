"""Layout of the department fill-in workbook, shared by the export and the import.

Sheets: 指标填报 (title row 1, headers row 2, one indicator per row from row 3), 填表说明, and a
very hidden ``_meta`` sheet (format, assessment year, department, column map, per-row export
record with the row versions, and a SHA-1 checksum over the key columns). Chinese headers and
instructions are data in the workbook.
"""

import hashlib
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from ..i18n import tr

FORMAT = "cityhealth.department_workbook"
FORMAT_VERSION = 1
DATA_SHEET = "指标填报"
HELP_SHEET = "填表说明"
META_SHEET = "_meta"
HEADER_ROW = 2
FIRST_ROW = 3

# field -> (header, width, locked)
KEY_COLUMNS = ("seq", "code", "name", "unit", "connotation")
HEADERS = {
    "seq": ("序号", 6, True), "code": ("指标编号", 10, True), "name": ("指标名称", 26, True),
    "unit": ("计量单位", 11, True), "connotation": ("指标内涵", 40, True),
    "source_type": ("数据来源类型", 12, False), "collection_method": ("采集方式", 12, False),
    "data_source": ("数据来源", 26, False), "situation": ("基本情况", 30, False),
    "achievements": ("取得成效", 30, False), "shortcomings": ("短板及成因", 30, False),
    "measures": ("下一步提升措施及建议", 30, False), "evidence": ("佐证材料（文件名，多个用;分隔）", 24, False),
    "submitted_by": ("填报人", 10, False), "note": ("备注", 16, False),
}
TRAILING = ("source_type", "collection_method", "data_source", "situation", "achievements", "shortcomings",
            "measures", "evidence", "submitted_by", "note")
EDITABLE = ("value",) + TRAILING
REFERENCE_HEADER = "{year}年值"
REFERENCE_BASE_HEADER = "{year}年值（基期）"
VALUE_HEADER = "{year}年数值（按计量单位填写）"
_REFERENCE_RE = re.compile(r"^(\d{4})年值(（基期）)?$")
_VALUE_RE = re.compile(r"^(\d{4})年数值")


def column_fields(reference_years: Sequence[int], base_year: int) -> List[Tuple[str, str]]:
    """(field, header) in sheet order; reference fields are 'ref:YYYY', the value 'value'."""
    out = [(f, HEADERS[f][0]) for f in KEY_COLUMNS]
    for year in reference_years:
        text = (REFERENCE_BASE_HEADER if int(year) == int(base_year) else REFERENCE_HEADER).format(year=year)
        out.append((f"ref:{year}", text))
    return out + [("value", None)] + [(f, HEADERS[f][0]) for f in TRAILING]


def field_of_header(text) -> Optional[str]:
    """The field a header cell names ('ref:2020', 'value:2024', 'code' …), None if unknown."""
    text = str(text or "").strip()
    for field, (header, _, _) in HEADERS.items():
        if text == header:
            return field
    match = _REFERENCE_RE.match(text)
    if match:
        return f"ref:{match.group(1)}"
    match = _VALUE_RE.match(text)
    if match:
        return f"value:{match.group(1)}"
    return None


def key_checksum(year: int, department: str, rows: Sequence[dict]) -> str:
    """SHA-1 over the year, department and each row's locked cells (code, name, unit,
    connotation and reference values, in row order)."""
    payload = [int(year), str(department)] + [
        [r["row"], r["code"], r["name"], r["unit"], r["connotation"], r.get("refs", {})] for r in rows]
    return hashlib.sha1(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- values and ranges
_NAME_SIGNED = ("增长率", "降低比例", "变化率", "增幅")
# indicator -> (min, max) where the sanity range by unit does not fit (shares that can exceed 100 %)
VALUE_RANGES = {"A-05": (0.0, 500.0), "B-04": (0.0, 500.0), "E-14": (0.0, 1000.0), "C-07": (-50.0, 50.0),
                "D-10": (-100.0, 100.0), "C-17": (0.5, 20.0), "F-25": (0.0, 366.0), "B-09": (0.0, 100.0)}
COUNT_UNITS = ("个", "处", "件", "栋", "所", "种", "次", "套", "座", "家", "条", "项", "户")


def value_range(code: str, unit: str, name: str = "") -> Tuple[float, float]:
    """The range a value must lie in: the indicator's own range, else a sanity range by unit
    (% and ‰ shares 0–100 / 0–1000, days ≤ 366, everything else ≥ 0; growth rates may be
    negative)."""
    if code in VALUE_RANGES:
        return VALUE_RANGES[code]
    signed = any(word in (name or "") for word in _NAME_SIGNED)
    unit = (unit or "").strip()
    if unit == "%":
        return (-100.0, 100.0) if signed else (0.0, 100.0)
    if unit == "‰":
        return (-1000.0, 1000.0) if signed else (0.0, 1000.0)
    if unit == "天":
        return (0.0, 366.0)
    return (-math.inf, math.inf) if signed else (0.0, math.inf)


_NUMBER = re.compile(r"^([-+]?(?:\d+(?:,\d{3})*|\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(.*)$")


@dataclass
class ParsedValue:
    value: Optional[float]
    suffix: str = ""  # unit text typed after the number
    error: str = ""  # 'text' when not a number


def parse_cell(raw) -> ParsedValue:
    """A value cell: a number, empty, or text (a number followed by a unit is split)."""
    if raw is None:
        return ParsedValue(None)
    if isinstance(raw, bool):
        return ParsedValue(None, error="text")
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and not math.isfinite(raw):
            return ParsedValue(None, error="text")
        return ParsedValue(float(raw))
    text = unicodedata.normalize("NFKC", str(raw)).strip().replace("，", ",")
    if text == "":
        return ParsedValue(None)
    match = _NUMBER.match(text)
    if not match or not re.search(r"\d", match.group(1)):
        return ParsedValue(None, error="text")
    try:
        number = float(match.group(1).replace(",", ""))
    except ValueError:
        return ParsedValue(None, error="text")
    return ParsedValue(number, suffix=match.group(2).strip())


def format_number(value) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return f"{value:,.6g}" if abs(value) < 1e15 else str(value)


def column_letter_map(fields: Sequence[str]) -> Dict[str, str]:
    from openpyxl.utils import get_column_letter

    return {field: get_column_letter(index) for index, field in enumerate(fields, start=1)}


def describe_field(field: str, year: Optional[int] = None) -> str:
    """The column's header as the workbook shows it (the value column: 'YYYY年数值')."""
    if field == "value":
        return f"{int(year)}年数值" if year else tr("value")
    if field.startswith("ref:"):
        return REFERENCE_HEADER.format(year=field[4:])
    return HEADERS.get(field, (field,))[0]
