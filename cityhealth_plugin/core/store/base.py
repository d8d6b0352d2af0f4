"""The machinery shared by both backends: transactions, versioned rows, the audit log, conflicts.

Every save is one transaction (``_save``): a ``save_log`` row, the row changes and their audit
rows commit together or not at all. ``_apply`` writes ``RowChange``s to any versioned table:
it reads the current rows (locked: ``BEGIN IMMEDIATE`` in SQLite, ``FOR UPDATE`` in PostgreSQL),
compares the version each change expects with the stored one, refuses the whole save with a
``ConflictError`` when one is stale, and otherwise inserts / updates / deletes and logs every
changed field (old → new, JSON) in ``audit_log``.

Expected versions: ``None`` = unconditional (engine results, trusted bulk loads), ``0`` = the
row must not exist yet, ``n > 0`` = the row must still be at version ``n``.
"""

import contextlib
import getpass
import json
import math
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ..i18n import tr, tr_noop
from . import schema as S

TABLE_LABELS = {
    "indicator_forms": tr_noop("Indicator form"), "indicator_values": tr_noop("Indicator value"),
    "indicator_targets": tr_noop("Target"), "key_tasks": tr_noop("Key task"),
    "catalog_snapshot": tr_noop("Catalog row"), "indicator_provenance": tr_noop("Provenance"),
}


class StoreError(ValueError):
    """A problem with the assessment database, with a message for the user (a ValueError, so
    callers that report ValueErrors as messages — the headless run, Processing — show it)."""


class NothingToUndo(StoreError):
    pass


@dataclass
class Conflict:
    table: str
    key: Dict[str, object]
    changed_by: str
    changed_at: str
    reason: str  # 'changed' | 'exists' | 'deleted'

    def describe(self) -> str:
        what = tr(TABLE_LABELS.get(self.table, self.table))
        key = " ".join(str(v) for k, v in self.key.items() if k not in ("unit_type", "unit_code", "origin")
                       or v not in ("city", "reported"))
        who = self.changed_by or tr("someone else")
        when = self.changed_at or "?"
        if self.reason == "deleted":
            return tr("{what} {key} was deleted by {by} at {at}; reload and try again.").format(
                what=what, key=key, by=who, at=when)
        return tr("{what} {key} was changed by {by} at {at}; reload and try again.").format(
            what=what, key=key, by=who, at=when)


class ConflictError(StoreError):
    """A save named a stale row version: someone else saved in between. Nothing was written."""

    def __init__(self, conflicts: Sequence[Conflict]):
        self.conflicts = list(conflicts)
        text = self.conflicts[0].describe() if self.conflicts else tr("The data changed meanwhile; reload.")
        if len(self.conflicts) > 1:
            text += " " + tr("({n} rows in conflict.)").format(n=len(self.conflicts))
        super().__init__(text)


@dataclass
class RowChange:
    key: Dict[str, object]
    fields: Dict[str, object] = field(default_factory=dict)
    expected_version: Optional[int] = None
    delete: bool = False


@dataclass
class SaveContext:
    tx: object
    save_id: int
    at: str
    by: str
    progress: Optional[Callable[[int, int], None]] = None
    rows: int = 0
    touched: set = field(default_factory=set)


def py(value):
    """A value sqlite3 / psycopg2 can bind: numpy scalars to Python, NaN / NA to None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def clean(value, kind: str):
    value = py(value)
    if value is None:
        return None
    if kind == "text":
        text = str(value)
        return text if text.strip() != "" else None
    if kind == "int":
        return int(value)
    return float(value)


def to_json(value) -> Optional[str]:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def from_json(text):
    return None if text is None else json.loads(text)


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return str(a) == str(b)


_KEY_KINDS: Dict[str, Tuple[str, ...]] = {}


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class StoreBase:
    """Backend-neutral core. A backend implements ``_transaction``, ``t``, ``read_frame``,
    ``_create_schema``, ``close`` and ``_is_unique_violation``."""

    backend = ""
    lock_clause = ""  # ' FOR UPDATE' in PostgreSQL
    chunk_rows = 1000

    def __init__(self, user: Optional[str] = None):
        try:
            default_user = getpass.getuser()
        except Exception:  # noqa: BLE001 - no login name (service accounts)
            default_user = ""
        self.user = user or default_user
        self.clock: Callable[[], str] = utc_now
        # one connection per store object: a thread that shares the object waits for the other's
        # transaction (give each thread its own store for real parallelism)
        self._lock = threading.RLock()

    # ------------------------------------------------------------ backend interface
    def t(self, name: str) -> str:
        raise NotImplementedError

    def _transaction(self):
        raise NotImplementedError

    def read_frame(self, sql: str, params: Sequence = ()) -> pd.DataFrame:
        raise NotImplementedError

    def _is_unique_violation(self, error: BaseException) -> bool:
        return False

    def close(self) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------ reading
    def read_table(self, table: S.Table, where: str = "", params: Sequence = (), order: str = "") -> pd.DataFrame:
        columns = ", ".join(S.quote(c) for c in ("fid",) + table.column_names)
        sql = f"SELECT {columns} FROM {self.t(table.name)}"
        if where:
            sql += " WHERE " + where
        sql += " ORDER BY " + (order or "fid")
        frame = self.read_frame(sql, [py(p) for p in params])
        return _typed(frame, table)

    def meta(self, key: str, default: Optional[str] = None) -> Optional[str]:
        frame = self.read_frame(f"SELECT value FROM {self.t('store_meta')} WHERE key = ?", [key])
        return str(frame.iloc[0, 0]) if len(frame) and frame.iloc[0, 0] is not None else default

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction() as tx:
            self._set_meta(tx, key, value)

    def _set_meta(self, tx, key: str, value: str) -> None:
        tx.execute(f"DELETE FROM {self.t('store_meta')} WHERE key = ?", (key,))
        tx.execute(f"INSERT INTO {self.t('store_meta')} (key, value) VALUES (?, ?)", (key, value))

    # ------------------------------------------------------------ saves
    @contextlib.contextmanager
    def _save(self, kind: str, by: Optional[str] = None, note: Optional[str] = None, undoes: Optional[int] = None,
              progress: Optional[Callable[[int, int], None]] = None):
        by = by or self.user
        at = self.clock()
        try:
            with self._transaction() as tx:
                save_id = tx.insert_one(self.t("save_log"), ("saved_at", "saved_by", "kind", "note", "undoes"),
                                        (at, by, kind, note, undoes))
                ctx = SaveContext(tx, save_id, at, by, progress)
                yield ctx
                if "indicator_values" in ctx.touched:
                    self._refresh_statistics(tx)
                    ctx.touched.add("statistics_values")
                if ctx.rows:
                    tx.execute(f"UPDATE {self.t('save_log')} SET row_count = ? WHERE fid = ?", (ctx.rows, save_id))
                else:
                    tx.execute(f"DELETE FROM {self.t('save_log')} WHERE fid = ?", (save_id,))
                self._touch(tx, ctx)
        except ConflictError:
            raise
        except Exception as error:
            if self._is_unique_violation(error):
                raise ConflictError([Conflict("", {}, "", "", "exists")]) from None
            raise

    def _refresh_statistics(self, tx) -> None:
        """Rewrite ``statistics_values`` from the reported values (same transaction)."""
        table = self.t("statistics_values")
        tx.execute(f"DELETE FROM {table}")
        tx.execute(f"INSERT INTO {table} (code, year, unit_code, value, unit) SELECT code, year, unit_code, value, "
                   f"unit FROM {self.t('indicator_values')} WHERE origin = 'reported' AND value IS NOT NULL "
                   f"ORDER BY year, code, unit_type, unit_code")

    def _touch(self, tx, ctx: SaveContext) -> None:
        """Backend hook after a save's rows are written (GeoPackage: gpkg_contents.last_change)."""

    # ------------------------------------------------------------ versioned rows
    def _fetch_current(self, tx, table: S.Table, keys: List[Tuple]) -> Dict[Tuple, Dict]:
        """Current rows by key (locked for the transaction). Few keys: exactly those rows; many:
        the rows of their first two key columns' values (an index range), filtered here."""
        found: Dict[Tuple, Dict] = {}
        unique = list(dict.fromkeys(keys))
        if not unique:
            return found
        columns = ("fid",) + table.column_names
        select = f"SELECT {', '.join(S.quote(c) for c in columns)} FROM {self.t(table.name)} WHERE "
        wanted = set(unique)
        if len(unique) <= 40:
            one = "(" + " AND ".join(f"{S.quote(k)} = ?" for k in table.key) + ")"
            queries = [(select + " OR ".join([one] * len(unique)) + self.lock_clause,
                        [py(v) for key in unique for v in key])]
        else:
            lead = table.key[:2]
            firsts = sorted({key[0] for key in unique})
            seconds = sorted({key[1] for key in unique}) if len(lead) > 1 else []
            queries = []
            for start in range(0, len(firsts), 400):
                chunk = firsts[start:start + 400]
                where = f"{S.quote(lead[0])} IN ({', '.join('?' * len(chunk))})"
                params = list(chunk)
                if seconds:
                    where += f" AND {S.quote(lead[1])} IN ({', '.join('?' * len(seconds))})"
                    params += seconds
                queries.append((select + where + self.lock_clause, [py(v) for v in params]))
        for sql, params in queries:
            for row in tx.query(sql, params):
                record = dict(zip(columns, row))
                key = tuple(record[k] for k in table.key)
                if key in wanted:
                    found[key] = record
        return found

    def _key_tuple(self, table: S.Table, key: Dict) -> Tuple:
        kinds = _KEY_KINDS.get(table.name)
        if kinds is None:
            kinds = _KEY_KINDS[table.name] = tuple(table.column(k).kind for k in table.key)
        return tuple(clean(key[k], kind) for k, kind in zip(table.key, kinds))

    def _apply(self, ctx: SaveContext, table: S.Table, changes: Sequence[RowChange], audit_inserts: bool = True,
               audit: bool = True) -> int:
        """Write ``changes`` to ``table`` (see the module docstring). Returns the rows changed."""
        if not changes:
            return 0
        keys = [self._key_tuple(table, c.key) for c in changes]
        current = self._fetch_current(ctx.tx, table, keys)
        conflicts: List[Conflict] = []
        inserts: List[Tuple] = []
        updates: Dict[Tuple[str, ...], List[Tuple]] = {}
        deletes: List[Tuple] = []
        audit_rows: List[Tuple] = []
        audited = table.audited or table.fields
        kinds = {c.name: c.kind for c in table.columns}
        seen = set()
        for change, key in zip(changes, keys):
            if key in seen:
                raise StoreError(tr("The same row appears twice in one save: {key}.").format(key=key))
            seen.add(key)
            row = current.get(key)
            key_dict = dict(zip(table.key, key))
            expected = change.expected_version
            if expected is not None:
                if expected == 0 and row is not None:
                    conflicts.append(Conflict(table.name, key_dict, row.get("updated_by") or "",
                                              row.get("updated_at") or "", "exists"))
                    continue
                if expected > 0 and row is None:
                    by, at = self._deleted_by(ctx.tx, table, key_dict)
                    conflicts.append(Conflict(table.name, key_dict, by, at, "deleted"))
                    continue
                if expected > 0 and int(row["version"]) != int(expected):
                    conflicts.append(Conflict(table.name, key_dict, row.get("updated_by") or "",
                                              row.get("updated_at") or "", "changed"))
                    continue
            values = {name: clean(value, kinds[name]) for name, value in change.fields.items()}
            code, year = key_dict.get("code"), key_dict.get("year")
            row_key = to_json(key_dict)
            if change.delete:
                if row is None:
                    continue
                deletes.append((row["fid"],))
                for name in audited:
                    if row.get(name) is not None:
                        audit_rows.append((name, row[name], None, "delete", row_key, code, year))
                continue
            if row is None:
                record = dict(key_dict, **values, version=1, updated_at=ctx.at, updated_by=ctx.by)
                inserts.append(tuple(record.get(c) for c in table.column_names))
                if audit_inserts:
                    for name in audited:
                        if values.get(name) is not None:
                            audit_rows.append((name, None, values[name], "insert", row_key, code, year))
                continue
            changed = {name: value for name, value in values.items() if not same(row.get(name), value)}
            if not changed:
                continue
            names = tuple(sorted(changed))
            updates.setdefault(names, []).append(tuple(changed[n] for n in names) + (
                int(row["version"]) + 1, ctx.at, ctx.by, row["fid"]))
            for name in names:
                if name in audited:
                    audit_rows.append((name, row.get(name), changed[name], "update", row_key, code, year))
        if conflicts:
            raise ConflictError(conflicts)
        total = len(inserts) + sum(len(v) for v in updates.values()) + len(deletes)
        done = 0
        name = self.t(table.name)
        for start in range(0, len(deletes), self.chunk_rows):
            ctx.tx.executemany(f"DELETE FROM {name} WHERE fid = ?", deletes[start:start + self.chunk_rows])
            done += len(deletes[start:start + self.chunk_rows])
            self._progress(ctx, done, total)
        for names, rows in updates.items():
            typed = [(n, kinds[n]) for n in names + ("version", "updated_at", "updated_by")]
            for start in range(0, len(rows), self.chunk_rows):
                ctx.tx.update_rows(name, typed, rows[start:start + self.chunk_rows])
                done += len(rows[start:start + self.chunk_rows])
                self._progress(ctx, done, total)
        for start in range(0, len(inserts), self.chunk_rows):
            ctx.tx.insert_rows(name, table.column_names, inserts[start:start + self.chunk_rows])
            done += len(inserts[start:start + self.chunk_rows])
            self._progress(ctx, done, total)
        if audit and audit_rows:
            self._write_audit(ctx, table.name, audit_rows)
        ctx.rows += total
        if total:
            ctx.touched.add(table.name)
        return total

    def _progress(self, ctx: SaveContext, done: int, total: int) -> None:
        if ctx.progress is not None:
            ctx.progress(done, total)

    def _write_audit(self, ctx: SaveContext, table_name: str, rows: Iterable[Tuple]) -> None:
        columns = ("save_id", "changed_at", "changed_by", "table_name", "row_key", "code", "year", "field",
                   "old_value", "new_value", "action")
        records = [(ctx.save_id, ctx.at, ctx.by, table_name, row_key, code, py(year), name, to_json(py(old)),
                    to_json(py(new)), action) for name, old, new, action, row_key, code, year in rows]
        for start in range(0, len(records), self.chunk_rows * 5):
            ctx.tx.insert_rows(self.t("audit_log"), columns, records[start:start + self.chunk_rows * 5])
        ctx.touched.add("audit_log")

    def _deleted_by(self, tx, table: S.Table, key: Dict) -> Tuple[str, str]:
        rows = tx.query(f"SELECT changed_by, changed_at FROM {self.t('audit_log')} WHERE table_name = ? AND "
                        f"row_key = ? AND action = 'delete' ORDER BY fid DESC", (table.name, to_json(key)))
        return (rows[0][0] or "", rows[0][1] or "") if rows else ("", "")


def _typed(frame: pd.DataFrame, table: S.Table) -> pd.DataFrame:
    """Column dtypes from the schema (ints with NULLs as Int64, reals as float; text as read)."""
    for column in table.columns:
        if column.name not in frame.columns:
            continue
        series = frame[column.name]
        if column.kind == "real" and series.dtype != np.float64:
            frame[column.name] = pd.to_numeric(series, errors="coerce").astype(np.float64)
        elif column.kind == "int" and series.dtype.kind != "i":
            values = pd.to_numeric(series, errors="coerce")
            frame[column.name] = values.astype("int64") if values.notna().all() else values.astype("Int64")
    if "fid" in frame.columns and frame["fid"].dtype.kind != "i":
        frame["fid"] = pd.to_numeric(frame["fid"]).astype("int64")
    return frame
