"""Indicator results in the assessment database (GeoPackage).

Tables:

``indicator_values``
    code, year, unit_type ('city' | 'district' | 'subdistrict'), unit_code ('city' or the
    XZQDM / JDDM), value, unit, source_type ('spatial' | 'statistic' | 'survey' | 'web'),
    status, computed_at — one city row per indicator (value NULL unless status is 'ok') and
    one row per statistical unit.
``indicator_provenance``
    code, year, json — the result's provenance (inputs with feature counts and content
    hashes, parameters, formula, CRS, area method, warnings, plugin version).

Writing a year replaces that year's rows of the written codes and keeps everything else.
Both tables belong to the assessment database schema (store/schema.py, docs/assessment-database.md):
``write_results`` goes through ``SqliteStore.write_engine_results`` (rows get origin 'computed'
and a version; values a department reported for the same indicator are kept).
Result layers (e.g. red-line overlaps) can be written as feature tables ``result_<code>_<n>``.
"""

import re
from pathlib import Path
from typing import Iterable, List, Optional, Tuple

import numpy as np
import pandas as pd

from ..i18n import tr
from . import gpkg

VALUES_TABLE = "indicator_values"
PROVENANCE_TABLE = "indicator_provenance"
VALUE_COLUMNS = ("code", "year", "unit_type", "unit_code", "value", "unit", "source_type", "status", "computed_at")
PROVENANCE_COLUMNS = ("code", "year", "json")


def results_to_frames(results: Iterable, year: Optional[int] = None) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """(indicator_values rows, indicator_provenance rows) of a list of ``IndicatorResult``."""
    values: List[dict] = []
    provenance: List[dict] = []
    for result in results:
        result_year = int(year if year is not None else result.year)
        computed_at = result.provenance.computed_at if result.provenance else ""
        ok = result.status == "ok" and result.value is not None and np.isfinite(result.value)
        base = {"code": result.code, "year": result_year, "unit": result.unit, "source_type": result.source_type,
                "status": result.status, "computed_at": computed_at}
        values.append(dict(base, unit_type="city", unit_code="city", value=float(result.value) if ok else None))
        if result.status == "ok":
            for row in result.per_unit.itertuples(index=False):
                values.append(dict(base, unit_type=row.unit_type, unit_code=str(row.unit_code),
                                   value=float(row.value) if np.isfinite(row.value) else None))
        provenance.append({"code": result.code, "year": result_year, "json": result.provenance_json()})
    values_frame = pd.DataFrame(values, columns=list(VALUE_COLUMNS))
    values_frame["value"] = pd.to_numeric(values_frame["value"], errors="coerce")
    values_frame["year"] = values_frame["year"].astype("int64")
    return values_frame, pd.DataFrame(provenance, columns=list(PROVENANCE_COLUMNS))


def _existing(path: Path, table: str) -> Optional[pd.DataFrame]:
    if not Path(path).is_file():
        return None
    names = {row[0].lower() for row in gpkg.list_layers(path)}
    return gpkg.read_table(path, table) if table.lower() in names else None


def _merge(old: Optional[pd.DataFrame], new: pd.DataFrame, columns) -> pd.DataFrame:
    if old is None or old.empty:
        return new
    missing = [c for c in columns if c not in old.columns]
    if missing:
        raise ValueError(tr("Table in the assessment database lacks columns {columns}; it was not written by "
                            "this plugin version.").format(columns=", ".join(missing)))
    keys = set(zip(new["code"], new["year"].astype(int)))
    stale = np.array([(c, int(y)) in keys for c, y in zip(old["code"], old["year"])], dtype=bool)
    kept = old.loc[~stale, list(columns)]
    return pd.concat([kept, new], ignore_index=True) if len(kept) else new


def _layer_table_name(code: str, index: int) -> str:
    return "result_" + re.sub(r"[^0-9A-Za-z_]", "_", code) + f"_{index}"


def write_results(path, results: List, year: Optional[int] = None, layers: bool = True) -> List[str]:
    """Write results into the GeoPackage at ``path`` (created if needed); returns the tables written."""
    path = Path(path)
    values, provenance = results_to_frames(results, year)
    # the assessment database schema (store/schema.py): computed rows of these (code, year) are
    # replaced in one transaction, department figures and other years are kept
    from .sqlite_backend import SqliteStore

    with SqliteStore(path) as store:
        store.write_engine_results(values, provenance)
    written = [VALUES_TABLE, PROVENANCE_TABLE]
    if layers:
        for result in results:
            for index, layer in enumerate(result.layers.values(), start=1):
                if not len(layer):
                    continue
                name = _layer_table_name(result.code, index)
                renamed = type(layer)(name=name, geometries=layer.geometries, attributes=layer.attributes,
                                      fids=layer.fids, crs=layer.crs, geometry_type=layer.geometry_type)
                gpkg.write_layer(path, renamed)
                written.append(name)
    return written


def read_values(path, year: Optional[int] = None, code: Optional[str] = None) -> pd.DataFrame:
    """The indicator_values table (optionally one year / one code)."""
    frame = _existing(Path(path), VALUES_TABLE)
    if frame is None:
        return pd.DataFrame(columns=list(VALUE_COLUMNS))
    if year is not None:
        frame = frame[frame["year"] == int(year)]
    if code is not None:
        frame = frame[frame["code"] == code]
    return frame.reset_index(drop=True)


def read_provenance(path, code: str, year: int) -> Optional[str]:
    """The provenance JSON of one indicator and year, or None."""
    frame = _existing(Path(path), PROVENANCE_TABLE)
    if frame is None:
        return None
    rows = frame[(frame["code"] == code) & (frame["year"] == int(year))]
    return str(rows["json"].iloc[-1]) if len(rows) else None
