"""Reading a returned department workbook (xlsx) or a CSV export of its data sheet into a grid.

CSV: UTF-8 (with or without BOM) first, else GBK/GB18030 (what Excel writes for "CSV" on a
Chinese Windows); the encoding used is reported. Rows and columns keep their sheet positions so
problems can name Excel cells (A1 style).
"""

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from ..i18n import tr
from . import workbook_layout as L


class WorkbookError(ValueError):
    """The file cannot be read as a department workbook at all."""


@dataclass
class Grid:
    sheet: str
    cells: List[List[object]]  # row-major, row 1 = cells[0]
    kind: str  # 'xlsx' | 'csv'
    encoding: str = ""
    meta: Optional[Dict[str, object]] = None
    meta_rows: Dict[int, dict] = field(default_factory=dict)
    meta_cells: Dict[str, str] = field(default_factory=dict)  # key -> A1 cell in _meta

    def value(self, row: int, column: int):
        if row - 1 < len(self.cells) and column - 1 < len(self.cells[row - 1]):
            return self.cells[row - 1][column - 1]
        return None

    @property
    def n_rows(self) -> int:
        return len(self.cells)


def read_grid(path) -> Grid:
    path = Path(path)
    if not path.is_file():
        raise WorkbookError(tr("File not found: {path}.").format(path=path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise WorkbookError(tr("{name}: department workbooks are .xlsx files or CSV exports of their data sheet, not "
                           "'{suffix}'.").format(name=path.name, suffix=suffix))


def decode_csv(data: bytes) -> Tuple[str, str]:
    """(text, encoding): UTF-8 first, then GB18030 (a superset of GBK)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), ("utf-8" if encoding == "utf-8-sig" else "gbk")
        except UnicodeDecodeError:
            continue
    raise WorkbookError(tr("The CSV file is neither UTF-8 nor GBK text; save it from Excel as 'CSV UTF-8'."))


def _read_csv(path: Path) -> Grid:
    text, encoding = decode_csv(path.read_bytes())
    try:
        rows = [list(row) for row in csv.reader(io.StringIO(text))]
    except csv.Error as error:
        raise WorkbookError(tr("{name} is not a readable CSV file: {error}").format(name=path.name, error=error))
    return Grid(path.stem, rows, "csv", encoding)


def _read_xlsx(path: Path) -> Grid:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as error:  # noqa: BLE001 - zipfile / XML errors of a damaged file
        raise WorkbookError(tr("{name} cannot be opened as an Excel workbook ({error}).").format(
            name=path.name, error=error)) from None
    if L.DATA_SHEET not in wb.sheetnames:
        raise WorkbookError(tr("{name} has no sheet '{sheet}': use the workbook exported for your department.").format(
            name=path.name, sheet=L.DATA_SHEET))
    ws = wb[L.DATA_SHEET]
    cells = [list(row) for row in ws.iter_rows(values_only=True)]
    grid = Grid(L.DATA_SHEET, cells, "xlsx")
    if L.META_SHEET in wb.sheetnames:
        meta_ws = wb[L.META_SHEET]
        meta: Dict[str, object] = {}
        in_rows = False
        for index, (key, value) in enumerate(meta_ws.iter_rows(min_col=1, max_col=2, values_only=True), start=1):
            if key == "rows":
                in_rows = True
                continue
            if in_rows and key is not None:
                try:
                    record = json.loads(value)
                    grid.meta_rows[int(record["row"])] = record
                except (TypeError, ValueError, KeyError):
                    grid.meta_rows[-index] = {"broken": index}
            elif key is not None:
                meta[str(key)] = value
                grid.meta_cells[str(key)] = f"B{index}"
        grid.meta = meta
    return grid
