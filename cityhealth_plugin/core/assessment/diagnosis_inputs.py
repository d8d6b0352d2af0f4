"""What the diagnosis reads, gathered from the catalog, the assessment database and target files.

Shared by the headless ``assess`` step (``steps.diagnosis_step``) and the Processing algorithm
``cityhealth:diagnoseindicators`` so that both give the same 附件1 and task list:

* ``indicator_table(catalog, forms)`` — the metadata columns ``diagnose`` needs (责任部门 and
  数据来源 from the year's indicator forms when the database has them);
* ``values_from_db(path)`` — every year's stored values (``core.store.results.read_values``);
* targets, later sources winning per indicator and column: the catalog's ``target`` /
  ``target_year`` cells, the database's ``indicator_targets`` table, then a table or file the
  user gives (``read_targets``: CSV / xlsx, English or Chinese headers);
* ``DEMO_TARGETS``: the demo city's targets (resources/catalog/examples/xiamen_targets_demo.csv),
  made-up numbers for the demo only.
"""

import re
from pathlib import Path
from typing import Iterable, List, Optional, Tuple, Union

import numpy as np
import pandas as pd

from ..catalog.loader import EXAMPLES
from ..i18n import tr
from ..roles.registry import ROLES_BY_ID

DEMO_TARGETS = EXAMPLES / "xiamen_targets_demo.csv"
TARGET_COLUMNS = ("code", "base_year_value", "target_2025", "target_2035", "lower", "upper", "limit", "limit_type",
                  "direction")
_TARGET_ALIASES = {
    "code": ("code", "指标编号", "编号", "indicator_code"),
    "base_year_value": ("base_year_value", "基期年值", "基期值"),
    "target_2025": ("target_2025", "2025年目标值", "2025目标", "近期目标"),
    "target_2035": ("target_2035", "2035年目标值", "2035目标", "远期目标"),
    "lower": ("lower", "下限"),
    "upper": ("upper", "上限"),
    "limit": ("limit", "limit_value", "约束值", "管控值"),
    "limit_type": ("limit_type", "约束类型"),
    "direction": ("direction", "指标属性", "方向"),
}
NUMBER = r"[-+]?\d+(?:\.\d+)?"


# --------------------------------------------------------------------------------------
# indicators

def data_source_text(indicator) -> str:
    """数据来源 of an indicator from its catalog record (the layers or the department figures)."""
    if indicator.source_type == "spatial":
        layers = [ROLES_BY_ID[r].standard_name for r in indicator.roles if r in ROLES_BY_ID]
        if layers:
            return tr("Spatial computation ({layers})").format(layers="、".join(dict.fromkeys(layers)))
        return tr("Spatial computation")
    if indicator.source_type == "survey":
        return tr("Sample survey")
    if indicator.source_type == "web":
        return tr("Web / big data")
    return tr("Department statistics")


def indicator_table(catalog, forms: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """code, level1, level2, name_zh, unit, tier, direction, department, data_source (catalog order)."""
    rows = [{"code": i.code, "level1": i.level1, "level2": i.level2, "name_zh": i.name_zh, "unit": i.unit,
             "tier": i.tier or i.tier_guess.rstrip("?"), "direction": i.direction, "department": "",
             "data_source": data_source_text(i)} for i in catalog]
    table = pd.DataFrame(rows, columns=["code", "level1", "level2", "name_zh", "unit", "tier", "direction",
                                        "department", "data_source"])
    if forms is not None and len(forms) and "code" in forms.columns:
        by_code = forms.drop_duplicates("code", keep="last").set_index("code")
        for column in ("department", "data_source"):
            if column in by_code.columns:
                given = table["code"].map(by_code[column]).astype(object)
                given = given.where(given.notna() & (given.astype(str).str.strip() != ""), None)
                table[column] = given.fillna(table[column])
    return table


# --------------------------------------------------------------------------------------
# values

def values_from_db(path) -> pd.DataFrame:
    """code, year, unit_code, value of every stored year (rows without a value dropped)."""
    from ..store.results import read_values

    frame = read_values(path)
    if frame.empty:
        return pd.DataFrame(columns=["code", "year", "unit_code", "value"])
    frame = frame[pd.to_numeric(frame["value"], errors="coerce").notna()]
    if "status" in frame.columns:
        frame = frame[frame["status"].isin(["ok", "confirmed", "submitted", "draft"]) | frame["status"].isna()]
    if "origin" in frame.columns:
        # a department figure overrides the computed value of the same key
        frame = frame.assign(_rank=(frame["origin"] == "reported").astype(int)).sort_values("_rank", kind="stable")
    frame = frame.drop_duplicates(["code", "year", "unit_code"], keep="last")
    return frame[["code", "year", "unit_code", "value"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------
# targets

def _pick(frame: pd.DataFrame, aliases) -> Optional[pd.Series]:
    lower = {str(c).strip().lower(): c for c in frame.columns}
    for alias in aliases:
        if alias.lower() in lower:
            return frame[lower[alias.lower()]]
    return None


def normalise_targets(frame: Optional[pd.DataFrame]) -> pd.DataFrame:
    """A targets table with TARGET_COLUMNS (English or Chinese headers accepted)."""
    if frame is None or len(frame) == 0:
        return pd.DataFrame(columns=list(TARGET_COLUMNS))
    out = pd.DataFrame(index=frame.index)
    for column, aliases in _TARGET_ALIASES.items():
        series = _pick(frame, aliases)
        if column in ("code", "limit_type", "direction"):
            if series is None:
                out[column] = ""
            else:
                text = series.astype(object).where(series.notna(), "").astype(str).str.strip()
                out[column] = text.replace({"nan": "", "None": "", "NULL": ""})
        else:
            out[column] = pd.to_numeric(series, errors="coerce") if series is not None else np.nan
    if (out["code"] == "").all():
        raise ValueError(tr("The targets table has no 'code' column (indicator code such as A-11)."))
    return out[out["code"] != ""].reset_index(drop=True)[list(TARGET_COLUMNS)]


def read_targets(source: Union[str, Path, pd.DataFrame, None]) -> pd.DataFrame:
    """Targets from a DataFrame, a CSV (``#`` comment lines, UTF-8 or GBK) or an xlsx file."""
    if source is None:
        return normalise_targets(None)
    if isinstance(source, pd.DataFrame):
        return normalise_targets(source)
    path = Path(source)
    if not path.is_file():
        raise ValueError(tr("Targets file not found: {path}").format(path=path))
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        frame = pd.read_excel(path)
    else:
        frame = None
        for encoding in ("utf-8-sig", "gbk"):
            try:
                frame = pd.read_csv(path, comment="#", dtype=str, encoding=encoding, skip_blank_lines=True)
                break
            except UnicodeDecodeError:
                continue
        if frame is None:
            raise ValueError(tr("Targets file {path} is neither UTF-8 nor GBK text.").format(path=path))
    return normalise_targets(frame)


def catalog_targets(catalog) -> pd.DataFrame:
    """Targets written in the catalog's ``target`` / ``target_year`` cells (a city override file).

    '≤215' / '不超过215' -> limit (max), '≥49' -> limit (min), '1.5-2.2' -> range, a number -> the
    target of ``target_year`` (2025, else 2035).
    """
    rows = []
    for indicator in catalog:
        text = str(indicator.target or "").strip()
        if not text:
            continue
        row = {"code": indicator.code}
        plain = text.replace(",", "")
        numbers = re.findall(NUMBER, plain)
        interval = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[-–—~～至]\s*(\d+(?:\.\d+)?)\s*\S*", plain)
        if re.match(r"^(≤|<=|不超过|不高于)", text) and numbers:
            row.update(limit=float(numbers[0]), limit_type="max", direction="constraint")
        elif re.match(r"^(≥|>=|不低于|不少于)", text) and numbers:
            row.update(limit=float(numbers[0]), limit_type="min", direction="constraint")
        elif interval:
            row.update(lower=float(interval.group(1)), upper=float(interval.group(2)))
        elif numbers:
            year = indicator.target_year or 2025
            row["target_2035" if int(year) > 2025 else "target_2025"] = float(numbers[0])
        else:
            continue
        rows.append(row)
    return normalise_targets(pd.DataFrame(rows)) if rows else normalise_targets(None)


def stored_targets(path) -> pd.DataFrame:
    """The assessment database's ``indicator_targets`` table (empty when absent)."""
    table = _db_table(path, "indicator_targets")
    return normalise_targets(table) if table is not None else normalise_targets(None)


def stored_forms(path, year: int) -> Optional[pd.DataFrame]:
    """The year's ``indicator_forms`` rows (department, data_source …) or None."""
    table = _db_table(path, "indicator_forms")
    if table is None or "year" not in table.columns:
        return None
    return table[pd.to_numeric(table["year"], errors="coerce") == int(year)]


def _db_table(path, name: str) -> Optional[pd.DataFrame]:
    from ..store import gpkg

    if not path or not Path(path).is_file():
        return None
    try:
        names = {row[0].lower(): row[0] for row in gpkg.list_layers(path)}
        return gpkg.read_table(path, names[name.lower()]) if name.lower() in names else None
    except (ValueError, KeyError, OSError):
        return None


def combine_targets(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Later frames win per indicator and column (a blank cell keeps the earlier value)."""
    merged: Optional[pd.DataFrame] = None
    for frame in frames:
        frame = normalise_targets(frame)
        if frame.empty:
            continue
        frame = frame.drop_duplicates("code", keep="last").set_index("code")
        if merged is None:
            merged = frame
            continue
        newer = frame.copy()
        for column in ("limit_type", "direction"):  # a blank text cell keeps the earlier value
            newer[column] = newer[column].astype(object).where(newer[column].astype(str) != "", None)
        merged = newer.combine_first(merged)
    if merged is None:
        return normalise_targets(None)
    out = merged.reset_index()
    for column in ("limit_type", "direction"):
        out[column] = out[column].fillna("").astype(str)
    return out[list(TARGET_COLUMNS)]


def collect_targets(catalog, db_path=None, given: Union[str, Path, pd.DataFrame, None] = None,
                    use_demo: bool = False) -> Tuple[pd.DataFrame, List[str]]:
    """(targets, notes): catalog < database < ``given``; the demo targets when asked and nothing else.

    ``notes`` says where the targets came from (for the log and the algorithm's feedback).
    """
    notes: List[str] = []
    frames = []
    from_catalog = catalog_targets(catalog)
    if len(from_catalog):
        frames.append(from_catalog)
        notes.append(tr("{n} targets from the catalog.").format(n=len(from_catalog)))
    from_db = stored_targets(db_path) if db_path else normalise_targets(None)
    if len(from_db):
        frames.append(from_db)
        notes.append(tr("{n} targets from the assessment database.").format(n=len(from_db)))
    if given is not None:
        from_given = read_targets(given)
        frames.append(from_given)
        notes.append(tr("{n} targets from the targets table given.").format(n=len(from_given)))
    if not frames and use_demo and DEMO_TARGETS.is_file():
        frames.append(read_targets(DEMO_TARGETS))
        notes.append(tr("Demo targets ({path}): made-up numbers for the demo city, not official targets.").format(
            path=DEMO_TARGETS.name))
    if not frames:
        notes.append(tr("No targets: indicators are judged only where a range or limit is known; give a targets "
                        "table (code, target_2025, target_2035, lower, upper, limit, limit_type)."))
    return combine_targets(frames), notes


def run_diagnosis(catalog, values: pd.DataFrame, targets: Optional[pd.DataFrame], year: int, base_year: int = 2020,
                  forms: Optional[pd.DataFrame] = None, rules=None, unit_code: Optional[str] = None):
    """``diagnose`` over the catalog's indicators that have values (a Diagnosis)."""
    from .diagnosis import diagnose

    return diagnose(indicator_table(catalog, forms), values, targets, current_year=int(year),
                    base_year=int(base_year), rules=rules, unit_code=unit_code)


def conclusion_file_name(year: int) -> str:
    return f"附件1 指标结论表_{int(year)}.xlsx"


def tasks_file_name(year: int) -> str:
    return f"整治任务清单_{int(year)}.xlsx"
