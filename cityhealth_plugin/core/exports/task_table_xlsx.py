"""城市体检评估指标内容和任务分解表 (task decomposition table) as one workbook.

Columns as the work plan asks (厦府办〔2023〕4号 四(一)): 指标名称、指标内涵、数据来源、采集方式、
责任部门、任务分工、时间节点 — with 序号, categories, code and unit; rows grouped by level-1 and
level-2 category (merged cells). A second sheet 部门汇总 counts the indicators per department.
"""

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from ..i18n import tr
from ..store import schema as S
from .conclusion_table import CENTER, LEFT, merge_runs, style_table_sheet

LEVEL1_ORDER = ("安全", "创新", "协调", "绿色", "开放", "共享")
HEADERS = ("序号", "一级类别", "二级类别", "指标编号", "指标名称", "计量单位", "指标内涵", "数据来源", "采集方式",
           "责任部门", "任务分工", "时间节点")
WIDTHS = (6, 8, 12, 9, 26, 10, 44, 26, 11, 16, 36, 12)


def task_table_frame(store, year: int, catalog=None) -> pd.DataFrame:
    """The table's rows (Chinese headers), ordered by level-1 category and code."""
    year = int(year)
    catalog = store._catalog(year, catalog)
    forms = store.forms(year).set_index("code")
    if not len(forms):
        raise ValueError(tr("The assessment database has no forms for {year}: prepare the year first.").format(
            year=year))
    rows = []
    for indicator in catalog:
        form = forms.loc[indicator.code] if indicator.code in forms.index else None

        def get(name, default=""):
            if form is None:
                return default
            value = form.get(name)
            return default if value is None or (isinstance(value, float) and pd.isna(value)) else value

        rows.append({
            "一级类别": indicator.level1, "二级类别": indicator.level2, "指标编号": indicator.code,
            "指标名称": indicator.name_zh, "计量单位": indicator.unit,
            "指标内涵": get("connotation") or indicator.formula_zh, "数据来源": get("data_source"),
            "采集方式": S.COLLECTION_METHOD_ZH.get(get("collection_method"), get("collection_method")),
            "责任部门": get("department"), "任务分工": get("division"), "时间节点": get("deadline"),
        })
    frame = pd.DataFrame(rows)
    order = {name: k for k, name in enumerate(LEVEL1_ORDER)}
    frame["_l1"] = frame["一级类别"].map(order).fillna(len(order))
    frame = frame.sort_values(["_l1", "二级类别", "指标编号"], kind="stable").drop(columns="_l1").reset_index(drop=True)
    frame.insert(0, "序号", range(1, len(frame) + 1))
    return frame


def write_task_table(path, store, year: int, city: str = "", catalog=None) -> Path:
    """Write the 任务分解表 of ``year``; returns the path."""
    frame = task_table_frame(store, year, catalog)
    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    style_table_sheet(ws, f"{city}国土空间规划城市体检评估指标内容和任务分解表（{int(year)}年度）", HEADERS, WIDTHS,
                      len(frame))
    for r, record in enumerate(frame.itertuples(index=False), start=3):
        for c, value in enumerate(record, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.alignment = CENTER if c in (1, 2, 3, 4, 6, 9, 12) else LEFT
    merge_runs(ws, 2, list(frame["一级类别"]), 3)
    merge_runs(ws, 3, list(zip(frame["一级类别"], frame["二级类别"])), 3)
    summary = wb.create_sheet("部门汇总")
    counts = frame.groupby("责任部门", sort=True).agg(指标数=("指标编号", "size"),
                                                     指标编号=("指标编号", lambda s: "、".join(s))).reset_index()
    style_table_sheet(summary, f"{city}城市体检评估任务分工汇总（{int(year)}年度）", ("责任部门", "指标数", "指标编号"),
                      (20, 8, 80), len(counts))
    for r, record in enumerate(counts.itertuples(index=False), start=3):
        for c, value in enumerate(record, start=1):
            summary.cell(row=r, column=c, value=value).alignment = CENTER if c == 2 else LEFT
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
