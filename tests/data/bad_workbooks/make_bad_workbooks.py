"""Deliberately bad department workbooks, one per validation rule, made from a good exported one.

tests/core/test_workbooks_import.py imports ``TAMPERS`` and builds each bad workbook in a temporary
folder from a freshly exported good workbook (so nothing binary is committed). Run this file to
write them here for a look in Excel:

    python tests/data/bad_workbooks/make_bad_workbooks.py GOOD.xlsx [OUT_DIR]

Each tamper edits with openpyxl what a user could edit (or break) and returns the field and row
it touched, from which the test derives the cell the problem must name.
"""

import csv
import sys
from pathlib import Path

from openpyxl import load_workbook

DATA_SHEET = "指标填报"
META_SHEET = "_meta"
HEADER_ROW = 2
FIRST_ROW = 3


def header_column(ws, startswith: str) -> int:
    for cell in ws[HEADER_ROW]:
        if str(cell.value or "").startswith(startswith):
            return cell.column
    raise KeyError(startswith)


def _cell(ws, header: str, row: int):
    return ws.cell(row=row, column=header_column(ws, header))


def wrong_unit_column(ws, wb):
    _cell(ws, "计量单位", FIRST_ROW).value = "万m³"  # A-01 亿m³ -> 万m³
    return "计量单位", FIRST_ROW


def wrong_unit_in_value(ws, wb):
    _cell(ws, "2024年数值", FIRST_ROW).value = "66100万m³"  # A-01 is in 亿m³
    return "2024年数值", FIRST_ROW


def text_in_number(ws, wb):
    _cell(ws, "2024年数值", FIRST_ROW + 1).value = "约120"
    return "2024年数值", FIRST_ROW + 1


def out_of_range(ws, wb):
    _cell(ws, "2024年数值", FIRST_ROW + 2).value = 130  # A-04, a share in %
    return "2024年数值", FIRST_ROW + 2


def unknown_code(ws, wb):
    _cell(ws, "指标编号", FIRST_ROW + 3).value = "A-99"
    return "指标编号", FIRST_ROW + 3


def other_departments_code(ws, wb):
    _cell(ws, "指标编号", FIRST_ROW + 3).value = "F-07"  # 卫健委's indicator in the 水利局 workbook
    return "指标编号", FIRST_ROW + 3


def duplicate_row(ws, wb):
    _cell(ws, "指标编号", FIRST_ROW + 1).value = ws.cell(row=FIRST_ROW, column=header_column(ws, "指标编号")).value
    return "指标编号", FIRST_ROW + 1


def locked_name_edited(ws, wb):
    _cell(ws, "指标名称", FIRST_ROW + 2).value = "水质达标率（改）"
    return "指标名称", FIRST_ROW + 2


def locked_reference_edited(ws, wb):
    _cell(ws, "2020年值", FIRST_ROW).value = 99.0
    return "2020年值", FIRST_ROW


def row_added(ws, wb):
    last = ws.max_row + 1
    _cell(ws, "指标编号", last).value = "A-09"
    _cell(ws, "2024年数值", last).value = 31.0
    return "指标编号", last


def wrong_year_in_metadata(ws, wb):
    meta = wb[META_SHEET]
    for row in meta.iter_rows(min_col=1, max_col=2):
        if row[0].value == "year":
            row[1].value = 2023
            return "_meta:year", row[1].row
    raise KeyError("year")


def metadata_checksum_broken(ws, wb):
    meta = wb[META_SHEET]
    for row in meta.iter_rows(min_col=1, max_col=2):
        if row[0].value == "checksum":
            row[1].value = "0" * 40
            return "_meta:checksum", row[1].row
    raise KeyError("checksum")


def bad_choice(ws, wb):
    _cell(ws, "数据来源类型", FIRST_ROW).value = "随便填"
    return "数据来源类型", FIRST_ROW


def header_renamed(ws, wb):
    _cell(ws, "2024年数值", HEADER_ROW).value = "数值"
    return "header", HEADER_ROW


# name -> (tamper, rule the import must report)
TAMPERS = {
    "wrong_unit_column": (wrong_unit_column, "wrong_unit"),
    "wrong_unit_in_value": (wrong_unit_in_value, "wrong_unit"),
    "text_in_number": (text_in_number, "text_in_number"),
    "out_of_range": (out_of_range, "out_of_range"),
    "unknown_code": (unknown_code, "unknown_code"),
    "other_departments_code": (other_departments_code, "unknown_code"),
    "duplicate_row": (duplicate_row, "duplicate_row"),
    "locked_name_edited": (locked_name_edited, "locked_edited"),
    "locked_reference_edited": (locked_reference_edited, "locked_edited"),
    "row_added": (row_added, "locked_edited"),
    "wrong_year_in_metadata": (wrong_year_in_metadata, "wrong_year"),
    "metadata_checksum_broken": (metadata_checksum_broken, "metadata"),
    "bad_choice": (bad_choice, "bad_choice"),
    "header_renamed": (header_renamed, "header"),
}


def make(good: Path, name: str, out: Path):
    """Write the tampered copy; returns (path, rule, header or meta key touched, row)."""
    tamper, rule = TAMPERS[name]
    wb = load_workbook(good)
    what, row = tamper(wb[DATA_SHEET], wb)
    wb.save(out)
    return out, rule, what, row


def sheet_as_csv(workbook: Path, out: Path, encoding: str) -> Path:
    """The data sheet as Excel's 'Save as CSV' writes it (all rows, values only)."""
    wb = load_workbook(workbook, data_only=True)
    # like Excel's "CSV" on a Chinese Windows: characters GBK lacks (³ in 亿m³) become "?"
    with open(out, "w", encoding=encoding, errors="replace", newline="") as handle:
        writer = csv.writer(handle)
        for row in wb[DATA_SHEET].iter_rows(values_only=True):
            writer.writerow(["" if v is None else v for v in row])
    return out


if __name__ == "__main__":
    good = Path(sys.argv[1])
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent
    for key in TAMPERS:
        print(make(good, key, folder / f"{key}.xlsx")[0])
    print(sheet_as_csv(good, folder / "gbk.csv", "gbk"))
