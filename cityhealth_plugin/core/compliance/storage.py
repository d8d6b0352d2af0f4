"""Compliance results as tables: the violation layer, the summary and the check log.

One shape for every consumer: the Processing algorithm ``cityhealth:checkcompliance`` writes
its OUTPUT / SUMMARY from these frames, the headless ``assess`` step and the Compliance panel
store them in the assessment GeoPackage, and the xlsx export reads them back.

Tables in the assessment database (all written with ``core.store.gpkg``):

``compliance_violations_<year>``
    the violating parts of that year (polygons, ``VIOLATION_FIELDS``), replaced by each run;
``compliance_summary``
    count and area per year, rule and district (``SUMMARY_FIELDS``; XZQDM ``*`` = all districts);
    a run replaces the rows of its year;
``compliance_checks``
    one row per year and check: status, message, count, area, missing roles, warnings.

Review marks (reviewed / note) live in ``compliance_reviews`` (see ``reviews.py``), keyed by
rule + patch id + year, so that they survive re-runs.
"""

import json
from pathlib import Path
from typing import Dict, Mapping, Optional

import numpy as np
import pandas as pd

from ..i18n import tr, tr_noop
from ..layer_data import LayerData
from ..store import gpkg
from .checks import CHECKS, ComplianceResult, combine

VIOLATIONS_PREFIX = "compliance_violations_"
SUMMARY_TABLE = "compliance_summary"
CHECKS_TABLE = "compliance_checks"
TOTAL_CODE = "*"
ALL_DISTRICTS = tr_noop("All districts")  # XZQMC of the total rows (zh_CN in i18n/parts/compliance_gui.tsv)
CUSTOM_SRS_ID = 990001

# (field, kind) of the violation layer: kind 'text' | 'int' | 'real'
VIOLATION_FIELDS = (
    ("rule", "text"), ("rule_name", "text"), ("check_id", "text"), ("patch_id", "text"), ("src_fid", "int"),
    ("DLBM", "text"), ("DLMC", "text"), ("CZCSXM", "text"), ("XZQDM", "text"), ("XZQMC", "text"),
    ("area_m2", "real"), ("area_hm2", "real"), ("part_m2", "real"), ("fraction", "real"), ("area_basis", "text"),
    ("base_DLBM", "text"), ("base_DLMC", "text"), ("YJJBNT_DLBM", "text"), ("year", "int"),
)
SUMMARY_FIELDS = (
    ("year", "int"), ("check_id", "text"), ("rule", "text"), ("rule_name", "text"), ("XZQDM", "text"),
    ("XZQMC", "text"), ("count", "int"), ("area_m2", "real"), ("area_hm2", "real"),
)
CHECK_FIELDS = (
    ("year", "int"), ("check_id", "text"), ("title", "text"), ("status", "text"), ("message", "text"),
    ("count", "int"), ("area_m2", "real"), ("area_hm2", "real"), ("missing_roles", "text"), ("warnings", "text"),
    ("elapsed_s", "real"),
)
RULE_ORDER = tuple(rule for spec in CHECKS for rule in spec.rules)


def violations_table_name(year: int) -> str:
    return f"{VIOLATIONS_PREFIX}{int(year)}"


def _typed(frame: pd.DataFrame, fields) -> pd.DataFrame:
    """``frame`` with exactly ``fields`` (missing text columns blank, numbers NaN), typed."""
    out = pd.DataFrame(index=frame.index)
    for name, kind in fields:
        column = frame[name] if name in frame.columns else None
        if kind == "text":
            if column is None:
                out[name] = ""
            else:
                text = column.astype(object).where(column.notna(), "").astype(str)
                out[name] = text.str.replace(r"^(-?\d+)\.0$", r"\1", regex=True).replace({"nan": "", "None": ""})
        elif kind == "int":
            out[name] = pd.to_numeric(column, errors="coerce").fillna(0).astype("int64") if column is not None else 0
        else:
            out[name] = pd.to_numeric(column, errors="coerce").astype(float) if column is not None else np.nan
    return out.reset_index(drop=True)


def violation_layer(results: Mapping[str, ComplianceResult], year: int) -> LayerData:
    """All violating parts of ``results`` as one layer with VIOLATION_FIELDS (rule order of CHECKS)."""
    combined, _ = combine(results)
    table = combined.attributes.rename(columns={"rule_id": "rule", "fid": "src_fid"}).copy()
    table["year"] = int(year)
    if "src_fid" not in table.columns:
        table["src_fid"] = np.asarray(combined.fids) if len(combined) else []
    typed = _typed(table, VIOLATION_FIELDS)
    rank = typed["rule"].map({rule: i for i, rule in enumerate(RULE_ORDER)}).fillna(len(RULE_ORDER)).to_numpy()
    order = np.lexsort((typed["patch_id"].to_numpy(dtype=str), typed["XZQDM"].to_numpy(dtype=str), rank)) \
        if len(typed) else np.arange(0)
    geometries = np.asarray(combined.geometries, dtype=object)[order] if len(combined) else np.empty(0, dtype=object)
    return LayerData("compliance_violations", geometries, typed.iloc[order].reset_index(drop=True),
                     np.arange(1, len(order) + 1), crs=combined.crs, geometry_type="polygon",
                     source="cityhealth:compliance")


def summary_frame(violations: pd.DataFrame, year: Optional[int] = None,
                  rules: Optional[Mapping[str, str]] = None) -> pd.DataFrame:
    """Count and area per rule and district, then one total row per rule (XZQDM ``*``).

    ``violations`` has the VIOLATION_FIELDS columns (``rule``, ``XZQDM``, ``area_m2`` …);
    ``rules`` (rule id -> check id) adds rows with zero counts for rules that found nothing.
    """
    columns = [name for name, _ in SUMMARY_FIELDS]
    if year is None and len(violations) and "year" in violations.columns:
        year = int(violations["year"].iloc[0])
    frame = violations.copy()
    for name in ("check_id", "rule", "rule_name", "XZQDM", "XZQMC"):
        if name not in frame.columns:
            frame[name] = ""
        frame[name] = frame[name].astype(object).where(frame[name].notna(), "").astype(str)
    frame["area_m2"] = pd.to_numeric(frame.get("area_m2", pd.Series(dtype=float)), errors="coerce").fillna(0.0)
    keys = ["check_id", "rule", "rule_name", "XZQDM", "XZQMC"]
    if len(frame):
        per = frame.groupby(keys, sort=False).agg(count=("area_m2", "size"), area_m2=("area_m2", "sum")).reset_index()
    else:
        per = pd.DataFrame(columns=keys + ["count", "area_m2"])
    total = per.groupby(["check_id", "rule", "rule_name"], sort=False).agg(
        count=("count", "sum"), area_m2=("area_m2", "sum")).reset_index() if len(per) else \
        pd.DataFrame(columns=["check_id", "rule", "rule_name", "count", "area_m2"])
    total["XZQDM"] = TOTAL_CODE
    total["XZQMC"] = tr(ALL_DISTRICTS)
    if rules:
        from .checks import rule_names

        names = rule_names()
        missing = [rule for rule in rules if rule not in set(total["rule"])]
        if missing:
            zero = pd.DataFrame({"check_id": [rules[r] for r in missing], "rule": missing,
                                 "rule_name": [names.get(r, r) for r in missing], "XZQDM": TOTAL_CODE,
                                 "XZQMC": tr(ALL_DISTRICTS), "count": 0, "area_m2": 0.0})
            total = pd.concat([total, zero], ignore_index=True) if len(total) else zero
    out = pd.concat([per, total], ignore_index=True) if len(per) else total.copy()
    out["year"] = int(year) if year is not None else 0
    out["count"] = pd.to_numeric(out["count"]).astype("int64")
    out["area_m2"] = pd.to_numeric(out["area_m2"]).astype(float)
    out["area_hm2"] = out["area_m2"] / 10000.0
    rank = out["rule"].map({rule: i for i, rule in enumerate(RULE_ORDER)}).fillna(len(RULE_ORDER))
    out = out.assign(_rank=rank, _total=(out["XZQDM"] == TOTAL_CODE).astype(int))
    out = out.sort_values(["_rank", "_total", "XZQDM"], kind="stable").drop(columns=["_rank", "_total"])
    return out.reset_index(drop=True)[columns]


def checks_frame(results: Mapping[str, ComplianceResult], year: int) -> pd.DataFrame:
    """One row per check: status, message, count, area, missing roles, warnings (JSON list)."""
    rows = []
    for check_id, result in results.items():
        rows.append({"year": int(year), "check_id": check_id, "title": result.title, "status": result.status,
                     "message": result.message, "count": result.count if result.ran else 0,
                     "area_m2": result.area_m2 if result.ran else 0.0,
                     "area_hm2": result.area_hm2 if result.ran else 0.0,
                     "missing_roles": ";".join(result.missing_roles),
                     "warnings": json.dumps(list(result.warnings), ensure_ascii=False),
                     "elapsed_s": float(result.elapsed_s)})
    return _typed(pd.DataFrame(rows), CHECK_FIELDS) if rows else pd.DataFrame(columns=[n for n, _ in CHECK_FIELDS])


def ran_rules(results: Mapping[str, ComplianceResult]) -> Dict[str, str]:
    """rule id -> check id of the checks that ran (for zero rows in the summary)."""
    by_id = {spec.id: spec for spec in CHECKS}
    return {rule: check_id for check_id, result in results.items() if result.ran and check_id in by_id
            for rule in by_id[check_id].rules}


# --------------------------------------------------------------------------------------
# the assessment database

def _tables(path) -> Dict[str, str]:
    if not Path(path).is_file():
        return {}
    return {row[0].lower(): row[0] for row in gpkg.list_layers(path)}


def _replace_year(path, table: str, frame: pd.DataFrame, year: int, tables: Dict[str, str]) -> None:
    old = gpkg.read_table(path, tables[table.lower()]) if table.lower() in tables else None
    if old is not None and len(old) and "year" in old.columns and all(c in old.columns for c in frame.columns):
        kept = old.loc[pd.to_numeric(old["year"], errors="coerce") != int(year), list(frame.columns)]
        frame = pd.concat([kept, frame], ignore_index=True) if len(kept) else frame
    gpkg.write_table(path, table, frame.reset_index(drop=True))


def write_compliance(path, results: Mapping[str, ComplianceResult], year: int) -> Dict[str, str]:
    """Write the violations, summary and check log of ``year`` into the GeoPackage ``path``.

    Returns {'violations': table, 'summary': table, 'checks': table}. Other years are kept.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    layer = violation_layer(results, year)
    layer.name = violations_table_name(year)
    custom_crs = bool(layer.crs) and not layer.crs.upper().startswith("EPSG:")
    if custom_crs:  # a CRS without an EPSG code (WKT): stored under a private srs id
        gpkg.write_layer(path, layer, srs_id=CUSTOM_SRS_ID, srs_wkt=layer.crs)
    else:
        gpkg.write_layer(path, layer)
    tables = _tables(path)
    _replace_year(path, SUMMARY_TABLE, summary_frame(layer.attributes, year, ran_rules(results)), year, tables)
    _replace_year(path, CHECKS_TABLE, checks_frame(results, year), year, tables)
    return {"violations": layer.name, "summary": SUMMARY_TABLE, "checks": CHECKS_TABLE}


def read_violations(path, year: int) -> Optional[LayerData]:
    """The stored violation layer of ``year`` (None when there is none)."""
    tables = _tables(path) if path else {}
    name = violations_table_name(year)
    if name.lower() not in tables:
        return None
    return gpkg.read_layer(path, tables[name.lower()])


def read_table_of_year(path, table: str, year: int) -> pd.DataFrame:
    """Rows of ``year`` of the summary or check table (empty when absent)."""
    tables = _tables(path) if path else {}
    if table.lower() not in tables:
        return pd.DataFrame()
    frame = gpkg.read_table(path, tables[table.lower()])
    if "year" in frame.columns:
        frame = frame[pd.to_numeric(frame["year"], errors="coerce") == int(year)]
    return frame.reset_index(drop=True)


def stored_years(path) -> list:
    """Years with a stored violation table, ascending."""
    years = []
    for lower in _tables(path) if path else {}:
        rest = lower[len(VIOLATIONS_PREFIX):] if lower.startswith(VIOLATIONS_PREFIX) else ""
        if rest.isdigit():
            years.append(int(rest))
    return sorted(years)
