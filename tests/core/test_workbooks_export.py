"""任务分解表 and department fill-in workbooks: content, protection, validation, metadata."""

import json

import pytest
from openpyxl import load_workbook

from cityhealth_plugin.core.catalog import load_catalog
from cityhealth_plugin.core.demo.department_values import department_values
from cityhealth_plugin.core.exports import workbook_layout as L
from cityhealth_plugin.core.exports.department_workbook import (
    reference_years,
    workbook_name,
    write_department_workbook,
    write_department_workbooks,
)
from cityhealth_plugin.core.exports.task_table_xlsx import HEADERS, write_task_table
from cityhealth_plugin.core.store.sqlite_backend import SqliteStore

YEAR = 2024
WATER = ["A-01", "A-02", "A-04", "A-05", "A-08", "A-26", "C-16"]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture
def store(tmp_path, catalog):
    store = SqliteStore(tmp_path / "assessment.gpkg", user="市资源规划局")
    store.ensure_year(catalog, YEAR)
    values = department_values(catalog)
    store.import_statistics(values[values["year"] < YEAR])
    yield store
    store.close()


def test_task_table(store, tmp_path):
    path = write_task_table(tmp_path / "task.xlsx", store, YEAR, city="厦门市")
    wb = load_workbook(path)
    ws = wb["任务分解表"]
    assert ws["A1"].value == "厦门市国土空间规划城市体检评估指标内容和任务分解表（2024年度）"
    assert tuple(c.value for c in ws[2]) == HEADERS
    rows = {r[3]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    assert len(rows) == 122
    a01 = dict(zip(HEADERS, rows["A-01"]))
    assert a01["指标名称"] == "用水总量" and a01["责任部门"] == "市水利局" and a01["采集方式"] == "部门填报"
    assert a01["时间节点"] == "2025-05-31" and a01["指标内涵"].startswith("行政区全年")
    assert "水利局统计数据" in a01["数据来源"] and "负责数据采集" in a01["任务分工"]
    assert dict(zip(HEADERS, rows["A-11"]))["采集方式"] == "空间计算"
    assert any(str(r).startswith("B3:B") for r in ws.merged_cells.ranges)  # 一级类别 merged
    summary = {r[0]: r[1] for r in wb["部门汇总"].iter_rows(min_row=3, values_only=True)}
    assert sum(summary.values()) == 122 and summary["市水利局"] == 7


def test_department_workbook_layout(store, tmp_path):
    assert reference_years(store, YEAR) == [2020, 2023]
    path = write_department_workbook(tmp_path / workbook_name(YEAR, "市水利局"), store, YEAR, "市水利局", "厦门市")
    assert path.name == "2024年度城市体检评估指标填报表_市水利局.xlsx"
    wb = load_workbook(path)
    assert wb.sheetnames == [L.DATA_SHEET, L.HELP_SHEET, L.META_SHEET]
    assert wb.security.lockStructure
    ws = wb[L.DATA_SHEET]
    headers = [c.value for c in ws[2]]
    assert headers[:8] == ["序号", "指标编号", "指标名称", "计量单位", "指标内涵", "2020年值（基期）", "2023年值",
                           "2024年数值（按计量单位填写）"]
    assert headers[8:] == [L.HEADERS[f][0] for f in L.TRAILING]
    assert [ws.cell(r, 2).value for r in range(3, 3 + len(WATER))] == WATER
    assert ws.cell(3 + len(WATER), 2).value is None  # only the department's indicators
    assert ws["F3"].value == 6.32 and ws["G3"].value == 6.55 and ws["D3"].value == "亿m³"
    assert ws["I3"].value == "部门统计" and ws["J3"].value == "部门填报"
    assert ws.protection.sheet
    for cell in ("A3", "B3", "C3", "D3", "E3", "F3", "G3"):
        assert ws[cell].protection.locked, cell
    for cell in ("H3", "I3", "J3", "K3", "L3", "M3", "N3", "O3", "P3", "Q3", "R3"):
        assert not ws[cell].protection.locked, cell
    validations = ws.data_validations.dataValidation
    lists = [v for v in validations if v.type == "list"]
    assert {str(v.sqref) for v in lists} == {"I3:I9", "J3:J9"}
    assert any("部门统计" in v.formula1 for v in lists) and any("空间计算" in v.formula1 for v in lists)
    decimals = {str(v.sqref): v for v in validations if v.type == "decimal"}
    share = next(v for ref, v in decimals.items() if "H5" in ref.split())  # A-04, %
    assert (share.formula1, share.formula2) == ("0", "100") and "%" in share.prompt and share.showErrorMessage
    volume = next(v for ref, v in decimals.items() if "H3" in ref.split())  # A-01, 亿m³
    assert volume.operator == "greaterThanOrEqual" and "亿m³" in volume.promptTitle
    help_text = "\n".join(str(c.value) for c in wb[L.HELP_SHEET]["A"] if c.value)
    assert "填表说明" in help_text and "市水利局" in help_text and "共 7 项指标" in help_text and "2025-05-31" in help_text
    meta_ws = wb[L.META_SHEET]
    assert meta_ws.sheet_state == "veryHidden"
    meta = {r[0]: r[1] for r in meta_ws.iter_rows(values_only=True) if r[0] and r[0] != "rows"
            and not isinstance(r[0], int)}
    assert meta["format"] == L.FORMAT and meta["year"] == YEAR and meta["department"] == "市水利局"
    assert json.loads(meta["columns"])["value"] == "H" and json.loads(meta["reference_years"]) == [2020, 2023]
    rows = [json.loads(r[1]) for r in meta_ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [r["code"] for r in rows] == WATER and rows[0]["form_version"] == 1
    assert L.key_checksum(YEAR, "市水利局", rows) == meta["checksum"]


def test_spatial_cross_check_rows_and_all_departments(store, tmp_path):
    paths = write_department_workbooks(tmp_path / "out", store, YEAR, city="厦门市", password="secret")
    assert len(paths) == 21  # 23 departments; 市体育局 and 市消防救援支队 only have spatial indicators
    assert not any("体育局" in p.name for p in paths)
    lead = load_workbook(next(p for p in paths if "资源规划局" in p.name))[L.DATA_SHEET]
    codes = {lead.cell(r, 2).value for r in range(3, lead.max_row + 1)}
    assert {"A-11", "C-03", "A-10", "B-01"} <= codes and "A-14" not in codes  # spatial only
    assert lead.protection.password  # hashed
    two = write_department_workbooks(tmp_path / "two", store, YEAR, departments=["市水利局", "市统计局"])
    assert len(two) == 2
    with pytest.raises(ValueError, match="Unknown department"):
        write_department_workbooks(tmp_path / "x", store, YEAR, departments=["市不存在局"])
    with pytest.raises(ValueError, match="prepare the year"):
        write_department_workbooks(tmp_path / "y", store, 2030)
