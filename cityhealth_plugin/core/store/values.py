"""Indicator values: engine results (origin 'computed') and department figures (origin 'reported').

Both live in ``indicator_values`` keyed by (code, year, unit_type, unit_code, origin), so a
spatial indicator can have its computed value and a department's figure side by side (the
cross-check), and writing engine results never touches what a department reported.
"""

from typing import Callable, Iterable, Optional, Sequence

import numpy as np
import pandas as pd

from ..i18n import tr
from . import schema as S
from .base import RowChange, StoreError, py, to_json

RESULT_COLUMNS = ("code", "year", "unit_type", "unit_code", "value", "unit", "source_type", "status", "computed_at")


class ValuesMixin:
    # ------------------------------------------------------------ writing
    def write_engine_results(self, values: pd.DataFrame, provenance: Optional[pd.DataFrame] = None,
                             by: Optional[str] = None) -> int:
        """Replace the computed rows of the (code, year) pairs in ``values`` (columns of
        ``store.results.VALUE_COLUMNS``) and their provenance, in one transaction. Reported rows
        are kept. One audit row per pair records the city value old → new."""
        missing = [c for c in RESULT_COLUMNS if c not in values.columns]
        if missing:
            raise StoreError(tr("Result rows lack the columns {columns}.").format(columns=", ".join(missing)))
        frame = values.copy()
        frame["year"] = frame["year"].astype("int64")
        frame["unit_code"] = frame["unit_code"].astype(str)
        pairs = list(dict.fromkeys(zip(frame["code"].astype(str), frame["year"].astype(int))))
        if not pairs:
            return 0
        with self._save("results", by, note=f"{len(pairs)}") as ctx:
            tx, table = ctx.tx, self.t("indicator_values")
            old_versions = {}
            old_city = {}
            for chunk in _chunks(pairs, 400):
                where = "(code, year) IN (VALUES " + ", ".join(["(?, ?)"] * len(chunk)) + ")"
                params = [v for pair in chunk for v in pair]
                for code, year, unit_type, unit_code, version, value in tx.query(
                        f"SELECT code, year, unit_type, unit_code, version, value FROM {table} "
                        f"WHERE origin = 'computed' AND {where}{self.lock_clause}", params):
                    old_versions[(code, int(year), unit_type, unit_code)] = int(version)
                    if unit_type == "city":
                        old_city[(code, int(year))] = value
                tx.execute(f"DELETE FROM {table} WHERE origin = 'computed' AND {where}", params)
            keys = list(zip(frame["code"], frame["year"].astype(int), frame["unit_type"], frame["unit_code"]))
            versions = [old_versions.get(k, 0) + 1 for k in keys]
            columns = S.VALUES.column_names
            data = {
                "code": frame["code"], "year": frame["year"], "unit_type": frame["unit_type"],
                "unit_code": frame["unit_code"], "origin": "computed", "value": frame["value"], "unit": frame["unit"],
                "source_type": frame["source_type"], "status": frame["status"], "computed_at": frame["computed_at"],
                "computed_by": ctx.by, "note": None, "version": versions, "updated_at": ctx.at, "updated_by": ctx.by,
            }
            rows = _records(pd.DataFrame(data, columns=list(columns)))
            for start in range(0, len(rows), self.chunk_rows):
                tx.insert_rows(table, columns, rows[start:start + self.chunk_rows])
                self._progress(ctx, min(start + self.chunk_rows, len(rows)), len(rows))
            if provenance is not None and len(provenance):
                self._write_provenance(ctx, provenance)
            city = frame[frame["unit_type"] == "city"]
            audit = [("value", old_city.get((c, int(y))), py(v), "results", to_json({"code": c, "year": int(y),
                      "unit_type": "city", "unit_code": "city", "origin": "computed"}), c, int(y))
                     for c, y, v in zip(city["code"], city["year"], city["value"])]
            self._write_audit(ctx, "indicator_values", audit)
            ctx.rows += len(rows)
            ctx.touched.update({"indicator_values", "indicator_provenance"})
            return len(rows)

    def _write_provenance(self, ctx, provenance: pd.DataFrame) -> None:
        table = self.t("indicator_provenance")
        pairs = list(dict.fromkeys(zip(provenance["code"].astype(str), provenance["year"].astype(int))))
        old = {}
        for chunk in _chunks(pairs, 400):
            where = "(code, year) IN (VALUES " + ", ".join(["(?, ?)"] * len(chunk)) + ")"
            params = [v for pair in chunk for v in pair]
            for code, year, version in ctx.tx.query(f"SELECT code, year, version FROM {table} WHERE {where}", params):
                old[(code, int(year))] = int(version)
            ctx.tx.execute(f"DELETE FROM {table} WHERE {where}", params)
        last = provenance.drop_duplicates(["code", "year"], keep="last")
        rows = [(c, int(y), j, old.get((c, int(y)), 0) + 1, ctx.at, ctx.by)
                for c, y, j in zip(last["code"], last["year"], last["json"])]
        ctx.tx.insert_rows(table, S.PROVENANCE.column_names, rows)

    def put_values(self, frame: pd.DataFrame, origin: str = "reported", by: Optional[str] = None,
                   kind: str = "values", note: Optional[str] = None,
                   progress: Optional[Callable[[int, int], None]] = None) -> int:
        """Upsert value rows (columns code, year, value; optional unit_type, unit_code, unit,
        source_type, status, note, version = the version read, checked). One transaction;
        ``progress(done, total)`` is called inside it after every chunk. Returns rows changed."""
        if origin not in S.ORIGINS:
            raise StoreError(tr("Unknown origin '{origin}' (computed or reported).").format(origin=origin))
        changes = self._value_changes(frame, origin)
        with self._save(kind, by, note=note, progress=progress) as ctx:
            return self._apply(ctx, S.VALUES, changes)

    def _value_changes(self, frame: pd.DataFrame, origin: str, at: Optional[str] = None,
                       by: Optional[str] = None) -> list:
        work = frame.copy()
        for column, default in (("unit_type", "city"), ("unit_code", "city")):
            if column not in work.columns:
                work[column] = default
        fields = [c for c in ("value", "unit", "source_type", "status", "note", "computed_at", "computed_by")
                  if c in work.columns]
        stamp = at or self.clock()
        changes = []
        versions = work["version"] if "version" in work.columns else [None] * len(work)
        for record, version in zip(work[["code", "year", "unit_type", "unit_code"] + fields].to_dict("records"),
                                   versions):
            key = {"code": record["code"], "year": int(record["year"]), "unit_type": record["unit_type"],
                   "unit_code": str(record["unit_code"]), "origin": origin}
            values = {f: record[f] for f in fields}
            values.setdefault("computed_at", stamp)
            values.setdefault("computed_by", by or self.user)
            changes.append(RowChange(key, values, None if version is None or pd.isna(version) else int(version)))
        return changes

    def import_statistics(self, statistics: pd.DataFrame, by: Optional[str] = None, source_type: str = "statistic",
                          status: str = "submitted") -> int:
        """Department figures from a DEPT_STATS-like table (code, year, unit_code, value[, unit])
        as reported values (city rows: unit_code 'city'; other codes are districts)."""
        frame = statistics.copy()
        frame["unit_code"] = frame["unit_code"].astype(str)
        frame["unit_type"] = np.where(frame["unit_code"] == "city", "city",
                                      np.where(frame["unit_code"].str.len() > 6, "subdistrict", "district"))
        frame["source_type"] = frame["source_type"] if "source_type" in frame.columns else source_type
        frame["status"] = status
        columns = [c for c in ("code", "year", "unit_type", "unit_code", "value", "unit", "source_type", "status")
                   if c in frame.columns]
        return self.put_values(frame[columns], "reported", by, kind="values", note="statistics")

    # ------------------------------------------------------------ reading
    def values(self, year: Optional[int] = None, code: Optional[str] = None, origin: Optional[str] = None,
               unit_type: Optional[str] = None, codes: Optional[Iterable[str]] = None) -> pd.DataFrame:
        where, params = [], []
        for column, value in (("year", year), ("code", code), ("origin", origin), ("unit_type", unit_type)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(int(value) if column == "year" else value)
        frame = self.read_table(S.VALUES, " AND ".join(where), params, order="year, code, origin, unit_type, unit_code")
        if codes is not None:
            frame = frame[frame["code"].isin(list(codes))].reset_index(drop=True)
        return frame

    def history(self, code: str, unit_type: str = "city", unit_code: str = "city") -> pd.DataFrame:
        """Every year's values of one indicator (both origins), oldest first."""
        frame = self.read_table(S.VALUES, "code = ? AND unit_type = ? AND unit_code = ?", [code, unit_type, unit_code],
                                order="year, origin")
        return frame[["year", "origin", "value", "unit", "source_type", "status", "computed_at", "computed_by",
                      "version"]].reset_index(drop=True)

    def best_values(self, years: Optional[Sequence[int]] = None, codes: Optional[Iterable[str]] = None,
                    unit_type: str = "city", catalog=None) -> pd.DataFrame:
        """One value per (code, year, unit): for spatial indicators the computed value (status ok),
        else the reported one; for the others the reported value, else the computed one.
        Columns code, year, unit_type, unit_code, value, unit, source_type, origin."""
        frame = self.values(unit_type=unit_type, codes=codes)
        if years is not None:
            frame = frame[frame["year"].isin([int(y) for y in years])]
        usable = frame["value"].notna() & ((frame["origin"] == "reported") | (frame["status"] == "ok"))
        frame = frame[usable].copy()
        spatial = set()
        if catalog is not None:
            spatial = {i.code for i in catalog if i.is_spatial}
        spatial |= set(frame.loc[(frame["origin"] == "computed") & (frame["source_type"] == "spatial"), "code"])
        prefer_computed = frame["code"].isin(spatial)
        frame["_rank"] = np.where(prefer_computed == (frame["origin"] == "computed"), 0, 1)
        frame = frame.sort_values(["code", "year", "unit_code", "_rank"]).drop_duplicates(
            ["code", "year", "unit_type", "unit_code"])
        return frame[["code", "year", "unit_type", "unit_code", "value", "unit", "source_type", "origin"]].reset_index(
            drop=True)

    def statistics_frame(self, year: Optional[int] = None) -> pd.DataFrame:
        """Reported figures in the DEPT_STATS shape (code, year, unit_code, value, unit) for the engine."""
        frame = self.values(year=year, origin="reported")
        frame = frame[frame["value"].notna()]
        return frame[["code", "year", "unit_code", "value", "unit"]].reset_index(drop=True)

    def unfilled(self, year: int, department: Optional[str] = None, reported_only: bool = False,
                 catalog=None) -> pd.DataFrame:
        """Non-spatial indicators of ``year`` without a city value (reported, or computed ok unless
        ``reported_only``): code, name_zh, unit, source_type, department, deadline."""
        year = int(year)
        catalog = self._catalog(year, catalog)
        wanted = pd.DataFrame([(i.code, i.name_zh, i.unit, i.source_type) for i in catalog if not i.is_spatial],
                              columns=["code", "name_zh", "unit", "source_type"])
        values = self.values(year=year, unit_type="city")
        has = values["value"].notna() & ((values["origin"] == "reported") |
                                         ((values["status"] == "ok") & (not reported_only)))
        filled = set(values.loc[has, "code"])
        forms = self.read_table(S.FORMS, "year = ?", [year])[["code", "department", "deadline"]]
        out = wanted[~wanted["code"].isin(filled)].merge(forms, on="code", how="left")
        if department is not None:
            out = out[out["department"] == department]
        return out.reset_index(drop=True)


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _records(frame: pd.DataFrame) -> list:
    out = frame.astype(object).where(frame.notna(), None)
    return [tuple(py(v) for v in row) for row in out.itertuples(index=False, name=None)]
