"""附件1 指标结论表 and 附件2 重点任务完成清单: written with openpyxl, read back and checked."""

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from cityhealth_plugin.core.assessment.diagnosis import diagnose
from cityhealth_plugin.core.exports.conclusion_table import (
    CONCLUSION_WIDTHS, conclusion_rows, conclusion_table_frame, number_format, write_conclusion_table,
)
from cityhealth_plugin.core.exports.key_tasks_table import key_task_rows, write_key_tasks_table, write_rectification_tasks
from cityhealth_plugin.core.i18n import reset_translator, set_translator

TSV = Path(__file__).resolve().parents[2] / "i18n" / "parts" / "compliance.tsv"

INDICATORS = pd.DataFrame([
    # deliberately out of order: the table groups level-1 areas in the official order
    dict(code="B-01", level1="创新", level2="创新投入", name_zh="研究与试验发展经费投入强度", unit="%", tier="基本",
         direction="positive", department="市科技局", data_source="统计公报"),
    dict(code="A-01", level1="安全", level2="水安全", name_zh="用水总量", unit="亿m³", tier="基本",
         direction="negative", department="市水利局", data_source="水资源公报"),
    dict(code="A-05", level1="安全", level2="粮食安全", name_zh="耕地保有量", unit="万亩", tier="基本",
         direction="constraint", department="市自然资源局", data_source="国土变更调查"),
    dict(code="A-02", level1="安全", level2="水安全", name_zh="城市水库数量", unit="个", tier="推荐",
         direction="positive", department="市水利局", data_source="水利普查"),
    dict(code="C-01", level1="协调", level2="城乡融合", name_zh="城乡居民人均可支配收入比", unit="比值", tier="推荐",
         direction="interval", department="市统计局", data_source="统计年鉴"),
])
VALUES = pd.DataFrame([
    ("B-01", 2020, 2.0), ("B-01", 2023, 2.2), ("B-01", 2024, 2.3),
    ("A-01", 2020, 10.0), ("A-01", 2023, 9.6), ("A-01", 2024, 9.5),
    ("A-05", 2020, 50.0), ("A-05", 2023, 49.5), ("A-05", 2024, 49.2),
    ("A-02", 2020, 12.0), ("A-02", 2023, 13.0), ("A-02", 2024, 15.0),
    ("C-01", 2020, 2.6), ("C-01", 2023, 2.2), ("C-01", 2024, 2.1),
], columns=["code", "year", "value"]).assign(unit_code="city")
TARGETS = pd.DataFrame([
    dict(code="B-01", target_2025=2.5, target_2035=3.0), dict(code="A-01", target_2025=9.0),
    dict(code="A-05", limit=49.0, limit_type="min"), dict(code="A-02", target_2025=14),
    dict(code="C-01", lower=1.5, upper=2.2),
])


@pytest.fixture
def diagnosis():
    return diagnose(INDICATORS, VALUES, TARGETS, current_year=2024)


@pytest.fixture
def chinese():
    pairs = {}
    for line in TSV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            source, target = line.split("\t")
            pairs[source.replace("\\n", "\n")] = target.replace("\\n", "\n")
    set_translator(lambda text: pairs.get(text, text))
    yield pairs
    reset_translator()


def test_rows_are_grouped_in_official_order(diagnosis):
    rows = conclusion_rows(diagnosis.table)
    assert list(rows["level1"]) == ["安全", "安全", "安全", "创新", "协调"]
    assert list(rows["level2"]) == ["水安全", "水安全", "粮食安全", "创新投入", "城乡融合"]
    assert list(rows["name"][:2]) == ["用水总量", "城市水库数量"]  # catalog order inside a run
    assert list(rows["target"]) == [9.0, 14.0, "≥49", 2.5, "1.5–2.2"]
    assert list(conclusion_table_frame(diagnosis.table).columns)[:3] == ["No.", "Level-1 category", "Level-2 category"]


def test_conclusion_table_reads_back(tmp_path, diagnosis, chinese):
    diagnosis = diagnose(INDICATORS, VALUES, TARGETS, current_year=2024)  # labels in Chinese
    path = write_conclusion_table(tmp_path / "out" / "附件1.xlsx", diagnosis, city="厦门市", year=2024)
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "厦门市国土空间规划城市体检评估指标结论表（2024年）"
    headers = [c.value for c in ws[2]]
    assert headers == ["序号", "一级类别", "二级类别", "指标项", "单位", "指标类型", "基期年值", "上年值", "现状年值",
                       "目标值", "变化趋势", "评估结论", "数据来源", "责任部门"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert merged == {"A1:N1", "B3:B5", "C3:C4"}
    assert ws.max_row == 7
    # values
    assert [ws.cell(row=r, column=1).value for r in range(3, 8)] == [1, 2, 3, 4, 5]
    assert ws["D3"].value == "用水总量" and ws["B3"].value == "安全" and ws["B6"].value == "创新"
    assert (ws["G3"].value, ws["H3"].value, ws["I3"].value, ws["J3"].value) == (10, 9.6, 9.5, 9)
    assert ws["J5"].value == "≥49" and ws["J7"].value == "1.5–2.2"
    assert ws["K3"].value == "下降（向好）" and ws["K5"].value == "持平（稳定）"
    assert [ws.cell(row=r, column=12).value for r in range(3, 8)] == ["预警", "达标", "预警", "基本达标", "达标"]
    assert ws["M3"].value == "水资源公报" and ws["N3"].value == "市水利局"
    assert ws["L3"].comment is not None and "落后于时间进度" in ws["L3"].comment.text
    # number formats by unit: 亿m³ 2 decimals, 个 integer, % 2 decimals (values are percentages)
    assert ws["I3"].number_format == "#,##0.00" and ws["I4"].number_format == "#,##0"
    assert ws["I6"].number_format == "0.00"
    # style
    assert ws["A1"].font.bold and ws["A1"].alignment.horizontal == "center"
    assert ws["A2"].fill.fgColor.rgb.endswith("D9E1F2") and ws["A2"].font.bold
    assert ws["D3"].border.left.style == "thin" and ws["N7"].border.bottom.style == "thin"
    assert ws["D3"].alignment.wrap_text and ws["A2"].alignment.wrap_text
    assert ws["L4"].fill.fgColor.rgb.endswith("E2EFDA")  # 达标 green
    assert ws.freeze_panes == "A3"
    assert ws.column_dimensions["D"].width == CONCLUSION_WIDTHS[3]
    # print set-up: A3 landscape, fit to one page wide, header row on every page
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A3) == 8
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$2:$2"


def test_number_formats():
    assert number_format("个") == "#,##0" and number_format("处") == "#,##0"
    assert number_format("%") == "0.00" and number_format("%", percent_as_fraction=True) == "0.00%"
    assert number_format("m²/人") == "#,##0.00" and number_format("个/万人") == "#,##0.00" and number_format("") == "#,##0.00"


def test_key_tasks_table_reads_back(tmp_path, chinese):
    tasks = pd.DataFrame({
        "任务名称": ["完成城市更新单元规划编制", "建成区公园绿地提升"],
        "任务类型": ["规划编制", "项目建设"],
        "责任部门": ["市自然资源局", "市园林局"],
        "计划完成时间": ["2024-12", "2025-06"],
        "完成情况": ["已完成", "推进中"],
        "完成率": [100, 65],
        "存在问题": ["", "用地征收滞后"],
        "下一步措施": ["", "加快征收"],
    })
    rows, notes = key_task_rows(tasks)
    assert list(rows["completion_rate"]) == [1.0, 0.65] and notes
    path = write_key_tasks_table(tmp_path / "附件2.xlsx", tasks, city="厦门市", year=2024)
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "厦门市规划实施重点任务完成清单（2024年）"
    assert [c.value for c in ws[2]] == ["序号", "任务名称", "任务类型", "责任部门", "计划完成时间", "完成情况", "完成率",
                                       "存在问题", "下一步措施"]
    assert [c.value for c in ws[4]][:7] == [2, "建成区公园绿地提升", "项目建设", "市园林局", "2025-06", "推进中", 0.65]
    assert ws["G3"].number_format == "0%"
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:I1"}
    assert int(ws.page_setup.paperSize) == 8 and ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$2:$2"
    english = pd.DataFrame({"name": ["x"], "completion_rate": [0.4]})
    rows, notes = key_task_rows(english)
    assert rows["completion_rate"].iloc[0] == 0.4 and not notes
    with pytest.raises(ValueError, match="任务名称"):
        key_task_rows(pd.DataFrame({"foo": [1]}))


def test_rectification_task_list_reads_back(tmp_path, chinese):
    diagnosis = diagnose(INDICATORS, VALUES, TARGETS, current_year=2024)
    path = write_rectification_tasks(tmp_path / "tasks.xlsx", diagnosis, city="厦门市", year=2024)
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "厦门市城市体检整治任务清单（2024年）"
    assert [c.value for c in ws[2]] == ["序号", "一级类别", "指标项", "评估结论", "优先级", "问题描述", "责任部门",
                                       "整治措施", "完成时限"]
    assert ws.max_row == 2 + len(diagnosis.tasks) == 4
    assert {ws.cell(row=r, column=4).value for r in range(3, 5)} == {"预警"}
    assert ws["H3"].value.startswith("【由") and ws["I3"].value == "2025-12-31"
