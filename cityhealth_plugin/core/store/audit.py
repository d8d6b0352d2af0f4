"""The audit log (who, when, table, key, field, old → new) and undo of an indicator's last save.

Undo restores, for one indicator and year, the fields its latest not-yet-undone save changed
(form and reported value; a workbook import counts per indicator). It is itself a save (kind
'undo', ``undoes`` = the save id), audited like any other, so a second undo goes one save
further back. When a field no longer holds what that save wrote (someone saved since), the
undo is refused with ``ConflictError``.
"""

from typing import Optional

import pandas as pd

from ..i18n import tr
from . import schema as S
from .base import ConflictError, Conflict, NothingToUndo, RowChange, from_json, same

UNDOABLE_TABLES = ("indicator_forms", "indicator_values")
UNDOABLE_KINDS = ("form", "workbook", "values")


class AuditMixin:
    def audit(self, code: Optional[str] = None, year: Optional[int] = None, table: Optional[str] = None,
              save_id: Optional[int] = None) -> pd.DataFrame:
        """Audit rows, newest last: save_id, changed_at, changed_by, table_name, row_key, code,
        year, field, old_value, new_value (JSON text), action."""
        where, params = [], []
        for column, value in (("code", code), ("year", year), ("table_name", table), ("save_id", save_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        return self.read_table(S.AUDIT, " AND ".join(where), params)

    def saves(self) -> pd.DataFrame:
        """The save log: fid (save id), saved_at, saved_by, kind, note, undoes, row_count."""
        return self.read_table(S.SAVES)

    def last_undoable_save(self, code: str, year: int) -> Optional[int]:
        tables = ", ".join(f"'{t}'" for t in UNDOABLE_TABLES)
        kinds = ", ".join(f"'{k}'" for k in UNDOABLE_KINDS)
        audit, saves = self.t("audit_log"), self.t("save_log")
        frame = self.read_frame(
            f"SELECT MAX(a.save_id) AS save_id FROM {audit} a JOIN {saves} s ON s.fid = a.save_id "
            f"WHERE a.code = ? AND a.year = ? AND a.table_name IN ({tables}) AND s.kind IN ({kinds}) "
            f"AND NOT EXISTS (SELECT 1 FROM {saves} u JOIN {audit} b ON b.save_id = u.fid "
            f"WHERE u.undoes = a.save_id AND b.code = a.code AND b.year = a.year)", [code, int(year)])
        value = frame.iloc[0, 0] if len(frame) else None
        return None if value is None or pd.isna(value) else int(value)

    def undo_last_save(self, code: str, year: int, by: Optional[str] = None) -> dict:
        """Restore what the last save of indicator ``code`` in ``year`` replaced. Returns
        {'save_id': undone save, 'fields': fields restored}; ``NothingToUndo`` when there is none."""
        save_id = self.last_undoable_save(code, year)
        if save_id is None:
            raise NothingToUndo(tr("Nothing to undo for {code} ({year}).").format(code=code, year=year))
        rows = self.audit(code=code, year=int(year), save_id=save_id)
        rows = rows[rows["table_name"].isin(UNDOABLE_TABLES)]
        with self._save("undo", by, note=f"{code} {year}", undoes=save_id) as ctx:
            restored = 0
            for (table_name, row_key), group in rows.groupby(["table_name", "row_key"], sort=False):
                table = S.TABLES[table_name]
                key = from_json(row_key)
                current = self._fetch_current(ctx.tx, table, [self._key_tuple(table, key)])
                row = next(iter(current.values()), None)
                actions = set(group["action"])
                if "insert" in actions:
                    if row is None or any(not same(row.get(f), from_json(n)) for f, n in
                                          zip(group["field"], group["new_value"])):
                        raise ConflictError([_conflict(table_name, key, row)])
                    self._apply(ctx, table, [RowChange(key, expected_version=int(row["version"]), delete=True)])
                elif "delete" in actions:
                    if row is not None:
                        raise ConflictError([_conflict(table_name, key, row)])
                    fields = {f: from_json(o) for f, o in zip(group["field"], group["old_value"])}
                    self._apply(ctx, table, [RowChange(key, fields, 0)])
                else:
                    if row is None:
                        raise ConflictError([Conflict(table_name, key, "", "", "deleted")])
                    fields = {}
                    for field, old, new in zip(group["field"], group["old_value"], group["new_value"]):
                        if not same(row.get(field), from_json(new)):
                            raise ConflictError([_conflict(table_name, key, row)])
                        fields[field] = from_json(old)
                    self._apply(ctx, table, [RowChange(key, fields, int(row["version"]))])
                restored += len(group)
        return {"save_id": save_id, "fields": restored}


def _conflict(table_name, key, row) -> Conflict:
    if row is None:
        return Conflict(table_name, key, "", "", "deleted")
    return Conflict(table_name, key, row.get("updated_by") or "", row.get("updated_at") or "", "changed")
