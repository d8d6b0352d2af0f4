"""Targets (base-year value, 2025 / 2035 targets, status-rule thresholds) and key planning tasks
(规划实施重点任务). The frames use the column names the diagnosis and 附件2 export read
(core/assessment/diagnosis.py, core/exports/key_tasks_table.py)."""

from dataclasses import dataclass
from typing import Optional

import pandas as pd

from ..i18n import tr
from . import schema as S
from .base import RowChange, StoreError

TARGET_FIELDS = ("base_year", "base_year_value", "target_2025", "target_2035", "lower", "upper", "limit_value",
                 "limit_type", "direction", "basis", "note")
TASK_FIELDS = ("name", "type", "department", "planned_date", "status", "completion_rate", "problems", "next_steps")


@dataclass
class KeyTask:
    year: int
    task_id: str
    name: str = ""
    type: str = ""
    department: str = ""
    planned_date: str = ""
    status: str = ""
    completion_rate: Optional[float] = None  # 0–1
    problems: str = ""
    next_steps: str = ""
    version: int = 0


class TargetsMixin:
    def targets(self) -> pd.DataFrame:
        """code, base_year, base_year_value, target_2025, target_2035, lower, upper, limit,
        limit_type, direction, basis, note, version (diagnosis input)."""
        frame = self.read_table(S.TARGETS, order="code")
        frame = frame.rename(columns={"limit_value": "limit"})
        return frame.drop(columns=["fid"])

    def save_targets(self, frame: pd.DataFrame, by: Optional[str] = None) -> int:
        """Upsert targets from a table with ``code`` and any of the target columns (``limit`` or
        ``limit_value``); a ``version`` column is checked (0 = new)."""
        work = frame.rename(columns={"limit": "limit_value"})
        if "code" not in work.columns:
            raise StoreError(tr("The targets table has no 'code' column."))
        if "limit_type" in work.columns:
            bad = work["limit_type"].notna() & ~work["limit_type"].isin(["max", "min", ""])
            if bad.any():
                raise StoreError(tr("limit_type must be 'max' or 'min' (row of {code}).").format(
                    code=work.loc[bad, "code"].iloc[0]))
        columns = [c for c in TARGET_FIELDS if c in work.columns]
        changes = []
        for record in work.to_dict("records"):
            version = record.get("version")
            changes.append(RowChange({"code": record["code"]}, {c: record[c] for c in columns},
                                     None if version is None or pd.isna(version) else int(version)))
        with self._save("targets", by) as ctx:
            return self._apply(ctx, S.TARGETS, changes)

    # ------------------------------------------------------------ key tasks
    def key_tasks(self, year: int) -> pd.DataFrame:
        """task_id, name, type, department, planned_date, status, completion_rate, problems,
        next_steps, version — the 附件2 input."""
        frame = self.read_table(S.KEY_TASKS, "year = ?", [int(year)], order="task_id")
        return frame[["year", "task_id"] + list(TASK_FIELDS) + ["version"]].reset_index(drop=True)

    def save_key_task(self, task: KeyTask, by: Optional[str] = None) -> KeyTask:
        if not str(task.task_id).strip():
            raise StoreError(tr("A key task needs an identifier (task_id)."))
        if task.completion_rate is not None and not 0 <= float(task.completion_rate) <= 1:
            raise StoreError(tr("The completion rate of task {task} must be between 0 and 1 (got {value}).").format(
                task=task.task_id, value=task.completion_rate))
        change = RowChange({"year": int(task.year), "task_id": str(task.task_id)},
                           {f: getattr(task, f) for f in TASK_FIELDS}, int(task.version))
        with self._save("tasks", by, note=str(task.task_id)) as ctx:
            self._apply(ctx, S.KEY_TASKS, [change])
        row = self.read_table(S.KEY_TASKS, "year = ? AND task_id = ?", [int(task.year), str(task.task_id)]).iloc[0]
        return KeyTask(int(row["year"]), row["task_id"], **{f: (None if pd.isna(row[f]) else row[f]) if f ==
                       "completion_rate" else (row[f] or "") for f in TASK_FIELDS}, version=int(row["version"]))

    def delete_key_task(self, year: int, task_id: str, version: int, by: Optional[str] = None) -> None:
        with self._save("tasks", by, note=str(task_id)) as ctx:
            self._apply(ctx, S.KEY_TASKS, [RowChange({"year": int(year), "task_id": str(task_id)},
                                                     expected_version=int(version), delete=True)])
