"""附件2 规划实施重点任务完成清单 and the rectification task list (整治任务清单) as xlsx.

Both use the sheet style of the conclusion table (title row, header fill, borders, frozen
header, A3 landscape fitted to width, repeated header row).

Key-task input: a DataFrame with English keys (name, type, department, planned_date, status,
completion_rate, problems, next_steps) or the official Chinese headers (任务名称, 任务类型,
责任部门, 计划完成时间, 完成情况, 完成率, 存在问题, 下一步措施). ``completion_rate`` is a fraction
0–1; a column whose values exceed 1 is read as percentages (85 = 85 %).
"""

from pathlib import Path
from typing import List, Tuple

import numpy as np
import pandas as pd
from openpyxl import Workbook

from ..i18n import tr
from .conclusion_table import CENTER, LEFT, RIGHT, STATUS_FILLS, style_table_sheet

KEY_TASK_KEYS = ("seq", "name", "type", "department", "planned_date", "status", "completion_rate", "problems",
                 "next_steps")
KEY_TASK_WIDTHS = (6, 34, 12, 16, 14, 28, 10, 30, 30)
_KEY_TASK_ALIASES = {
    "name": ("name", "task", "任务名称", "任务"),
    "type": ("type", "task_type", "任务类型"),
    "department": ("department", "责任部门", "dept"),
    "planned_date": ("planned_date", "deadline", "计划完成时间", "完成时限"),
    "status": ("status", "progress", "完成情况"),
    "completion_rate": ("completion_rate", "rate", "完成率"),
    "problems": ("problems", "issues", "存在问题"),
    "next_steps": ("next_steps", "measures", "下一步措施"),
}

TASK_KEYS = ("seq", "level1", "name_zh", "status_label", "priority", "problem", "department", "measure", "deadline")
TASK_WIDTHS = (6, 9, 24, 11, 8, 50, 16, 40, 12)


def key_task_headers() -> List[str]:
    return [tr("No."), tr("Task name"), tr("Task type"), tr("Responsible department"), tr("Planned completion"),
            tr("Completion status"), tr("Completion rate"), tr("Existing problems"), tr("Next steps")]


def task_headers() -> List[str]:
    return [tr("No."), tr("Level-1 category"), tr("Indicator item"), tr("Assessment conclusion"), tr("Priority"),
            tr("Problem description"), tr("Responsible department"), tr("Rectification measures"), tr("Deadline")]


def _column(frame: pd.DataFrame, aliases) -> pd.Series:
    lower = {str(c).strip().lower(): c for c in frame.columns}
    for alias in aliases:
        if alias.lower() in lower:
            return frame[lower[alias.lower()]]
    return pd.Series([None] * len(frame), index=frame.index, dtype=object)


def key_task_rows(tasks: pd.DataFrame) -> Tuple[pd.DataFrame, List[str]]:
    """The nine columns of 附件2 from a user table, and notes about how it was read."""
    notes = []
    out = pd.DataFrame({key: _column(tasks, aliases) for key, aliases in _KEY_TASK_ALIASES.items()})
    if out["name"].isna().all():
        raise ValueError(tr("The key-task table has no task name column (name / 任务名称)."))
    rate = out["completion_rate"].astype(object).astype(str).str.strip().str.rstrip("%").str.rstrip("％")
    had_percent_sign = out["completion_rate"].astype(str).str.contains("[%％]", regex=True)
    rate = pd.to_numeric(rate.where(~rate.isin(("", "None", "nan")), None), errors="coerce")
    if had_percent_sign.any() or (rate > 1).any():
        rate = rate / 100.0
        notes.append(tr("Completion rates were read as percentages (85 = 85 %)."))
    out["completion_rate"] = rate
    out.insert(0, "seq", np.arange(1, len(out) + 1))
    for key in ("name", "type", "department", "planned_date", "status", "problems", "next_steps"):
        out[key] = out[key].astype(object).where(out[key].notna(), "")
    return out.reset_index(drop=True), notes


def write_key_tasks_table(path, tasks: pd.DataFrame, *, city: str, year: int) -> Path:
    """Write 附件2 规划实施重点任务完成清单 to ``path``; returns the path."""
    rows, _ = key_task_rows(tasks)
    wb = Workbook()
    ws = wb.active
    ws.title = tr("Key tasks")[:31]
    title = tr("{city} key tasks of planning implementation: completion list ({year})").format(city=city, year=year)
    first = 3
    for offset, record in enumerate(rows.to_dict("records")):
        for col, key in enumerate(KEY_TASK_KEYS, start=1):
            value = record[key]
            if key == "completion_rate":
                value = float(value) if value is not None and np.isfinite(value) else None
            cell = ws.cell(row=first + offset, column=col, value=value)
            if key == "completion_rate":
                cell.number_format = "0%"
                cell.alignment = RIGHT
            elif key in ("seq", "type", "planned_date"):
                cell.alignment = CENTER
            else:
                cell.alignment = LEFT
    style_table_sheet(ws, title, key_task_headers(), KEY_TASK_WIDTHS, len(rows))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_rectification_tasks(path, tasks: pd.DataFrame, *, city: str, year: int) -> Path:
    """Write the rectification task list (Diagnosis.tasks) to ``path``; returns the path."""
    if hasattr(tasks, "tasks"):
        tasks = tasks.tasks
    wb = Workbook()
    ws = wb.active
    ws.title = tr("Rectification tasks")[:31]
    title = tr("{city} city health check rectification task list ({year})").format(city=city, year=year)
    first = 3
    for offset, record in enumerate(tasks.to_dict("records")):
        for col, key in enumerate(TASK_KEYS, start=1):
            cell = ws.cell(row=first + offset, column=col, value=record.get(key, ""))
            cell.alignment = CENTER if key in ("seq", "level1", "status_label", "priority", "deadline") else LEFT
        fill = STATUS_FILLS.get(record.get("status"))
        if fill is not None:
            ws.cell(row=first + offset, column=TASK_KEYS.index("status_label") + 1).fill = fill
    style_table_sheet(ws, title, task_headers(), TASK_WIDTHS, len(tasks))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
