"""附件5 体检评估基础数据库 — one GeoPackage with everything the year's assessment used and produced.

``build_basic_database(path, data, assessment_db, year, catalog, ...)``:

1. starts from a copy of the assessment database (indicator values and provenance, department
   figures, forms, targets, key tasks, audit log, result layers of the indicators, the
   bottom-line violations and check log) — or from an empty assessment database;
2. prepares the year in the store (``AssessmentStore.ensure_year``: the catalog snapshot and one
   form per indicator, so that the 任务分解表 is in the database even where nobody filled it);
3. copies the data package's input layers and tables as used by the assessment, under their
   standard names (XZQ, DLTB, DLTB_2020, YJJBNT, … DEPT_STATS, FORM_VALUES, TARGETS);
4. adds the diagnosis of the year (``diagnosis_<year>``, ``rectification_tasks_<year>``) and
   the survey results when there are any (``survey_scores_<year>``, ``survey_districts_<year>``);
5. writes ``database_catalog``: one row per table with its category, source and how it was
   made, which 附件6 (the database description) reads back together with the actual tables.

Everything goes through ``core.store.gpkg`` and the store; the data package and the assessment
database are only read.
"""

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional, Tuple

import pandas as pd

from ..i18n import tr
from ..roles.registry import ROLES
from ..store import gpkg
from .names import INPUT_TABLE_ZH, STORE_TABLE_ZH, role_of_layer, role_zh
from .wording import reason_zh, status_zh

BASIC_DATABASE_NAME = "附件5 体检评估基础数据库.gpkg"
CATALOG_TABLE = "database_catalog"
SKIPPED_INPUTS = ("DEMO_TRUTH",)  # the demo's answer key: not an input of the assessment
CUSTOM_SRS_ID = 990002
DIAGNOSIS_COLUMNS = ("code", "level1", "level2", "name_zh", "unit", "direction", "department", "data_source",
                     "base_year", "base_value", "previous_year", "previous_value", "current_year", "current_value",
                     "target_year", "target_value", "lower", "upper", "limit", "trend", "evaluation", "gap",
                     "lag_points", "status", "basis")

CATEGORY_ZH = {"input": "输入数据", "computed": "计算结果", "form": "填报数据", "store": "体检评估数据库",
               "diagnosis": "诊断结果", "survey": "满意度调查", "meta": "数据库目录", "other": "其他"}


@dataclass
class BasicDatabase:
    path: Path
    tables: List[str] = field(default_factory=list)  # every table, in gpkg_contents order
    copied_inputs: List[str] = field(default_factory=list)
    skipped_inputs: List[Tuple[str, str]] = field(default_factory=list)  # (table, reason)
    catalog: pd.DataFrame = field(default_factory=pd.DataFrame)
    seconds: float = 0.0
    notes: List[str] = field(default_factory=list)


def _input_tables(data: Path) -> List[Tuple[str, str, int]]:
    """(name, data_type, count) of the data package tables the assessment reads."""
    standard = {role.standard_name.lower() for role in ROLES}
    known = {name.lower() for name in INPUT_TABLE_ZH}
    out = []
    for name, data_type, _geometry, _srs, count in gpkg.list_layers(data):
        lower = name.lower()
        if data_type == "features" and lower in standard:
            out.append((name, data_type, count))
        elif data_type == "attributes" and lower in known:
            out.append((name, data_type, count))
        else:
            out.append((name, "skip", count))
    return out


def copy_layer(source: Path, name: str, target: Path, new_name: Optional[str] = None) -> int:
    """Copy one table (features or attributes) with ``core.store.gpkg``; returns the rows written."""
    tables = {row[0].lower(): row for row in gpkg.list_layers(source)}
    row = tables[name.lower()]
    if row[1] == "features":
        layer = gpkg.read_layer(source, row[0])
        layer.name = new_name or row[0]
        if layer.crs and not layer.crs.upper().startswith("EPSG:"):
            gpkg.write_layer(target, layer, srs_id=CUSTOM_SRS_ID, srs_wkt=layer.crs)
        else:
            gpkg.write_layer(target, layer)
        return len(layer)
    frame = gpkg.read_table(source, row[0])
    gpkg.write_table(target, new_name or row[0], frame)
    return len(frame)


def diagnosis_frame(diagnosis) -> pd.DataFrame:
    table = diagnosis.table
    frame = pd.DataFrame({c: table[c] for c in DIAGNOSIS_COLUMNS if c in table.columns})
    frame = frame.rename(columns={"limit": "limit_value"})
    frame["status_label"] = [status_zh(s) for s in table["status"]]
    frame["reason"] = [reason_zh(r) for r in table.itertuples(index=False)]
    for column in ("target_year", "base_year", "previous_year", "current_year"):
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame.reset_index(drop=True)


def tasks_frame(diagnosis) -> pd.DataFrame:
    tasks = diagnosis.tasks.copy()
    tasks["status_label"] = [status_zh(s) for s in tasks["status"]]
    keep = [c for c in ("seq", "level1", "code", "name_zh", "status", "status_label", "priority", "department",
                        "deadline", "current_value", "target_value", "unit") if c in tasks.columns]
    return tasks[keep].reset_index(drop=True)


def survey_frames(analysis) -> Dict[str, pd.DataFrame]:
    frames: Dict[str, pd.DataFrame] = {}
    scores = analysis.scores
    dims = scores.dimensions.copy()
    overall = scores.overall.copy()
    keep = [c for c in ("item", "label", "n", "mean", "score", "score_lower", "score_upper", "pct_satisfied")
            if c in dims.columns]
    frames["scores"] = pd.concat([dims[keep], overall[[c for c in keep if c in overall.columns]]], ignore_index=True)
    try:
        from ..survey.report_docx import district_scores

        frames["districts"] = district_scores(analysis)
    except Exception:  # noqa: BLE001 - the district table is optional
        pass
    return {k: v.apply(lambda col: col.astype(str) if col.dtype == object else col) for k, v in frames.items()}


def classify(name: str, data_name: str, year: int, provenance_codes: Mapping[str, str]) -> Tuple[str, str, str]:
    """(category, source, method) of a table of the basic database by its name."""
    lower = name.lower()
    role = role_of_layer(name)
    if name.upper() in INPUT_TABLE_ZH and lower not in STORE_TABLE_ZH:
        label, what = INPUT_TABLE_ZH[name.upper()]
        return "input", f"数据包 {data_name}，表 {name}", f"{label}：{what}；原样复制"
    if role is not None:
        return "input", f"数据包 {data_name}，图层 {name}", f"{role_zh(role)}；按标准图层名原样复制（字段、要素编号、坐标系不变）"
    if lower.startswith("result_"):
        parts = name.split("_")
        code = "-".join(parts[1:-1]) if len(parts) >= 4 else name
        return "computed", f"指标{code}的计算结果图层", provenance_codes.get(code, f"指标引擎计算指标{code}时输出")
    if lower.startswith("compliance_violations_"):
        return "computed", "底线管控检查", "地类图斑与控制线叠加分析得到的问题图斑（core.compliance.run_checks）"
    if lower in ("compliance_summary", "compliance_checks", "compliance_reviews"):
        return "computed", "底线管控检查", STORE_TABLE_ZH[lower]
    if lower in ("indicator_forms", "key_tasks", "indicator_targets"):
        return "form", "部门填报 / 表单", STORE_TABLE_ZH[lower]
    if lower in STORE_TABLE_ZH:
        return "store", "体检评估数据库", STORE_TABLE_ZH[lower]
    if lower.startswith("diagnosis_"):
        return "diagnosis", "指标诊断", "对照基期年值、上年值和目标值判定变化趋势和评估结论（core.assessment.diagnosis）"
    if lower.startswith("rectification_tasks_"):
        return "diagnosis", "指标诊断", "预警和未达标指标形成的整治任务清单"
    if lower.startswith("survey_"):
        return "survey", "满意度调查分析", "问卷筛查、加权后计算的满意度得分（core.survey）"
    return "other", "体检评估数据库", "—"


def _provenance_methods(path: Path, year: int) -> Dict[str, str]:
    from .context import format_provenance, read_optional
    import json

    frame = read_optional(path, "indicator_provenance")
    out: Dict[str, str] = {}
    if frame is None or frame.empty:
        return out
    frame = frame[pd.to_numeric(frame["year"], errors="coerce") == int(year)]
    for code, text in zip(frame["code"], frame["json"]):
        try:
            out[str(code)] = format_provenance(json.loads(text) if text else {})
        except (TypeError, ValueError):
            continue
    return out


def add_diagnosis_tables(path, diagnosis, year: int) -> List[str]:
    """``diagnosis_<year>`` and ``rectification_tasks_<year>`` into the database; returns the table names."""
    names = [f"diagnosis_{int(year)}", f"rectification_tasks_{int(year)}"]
    gpkg.write_table(path, names[0], diagnosis_frame(diagnosis))
    gpkg.write_table(path, names[1], tasks_frame(diagnosis))
    return names


def write_catalog_table(path, data: Optional[Path], year: int) -> pd.DataFrame:
    """(Re)write ``database_catalog``: category, source and method of every table now in the database."""
    methods = _provenance_methods(path, year)
    data_name = Path(data).name if data else "—"
    rows = []
    for name, _kind, _geometry, _srs, _count in gpkg.list_layers(path):
        if name.lower() == CATALOG_TABLE:
            continue
        category, source, method = classify(name, data_name, year, methods)
        rows.append({"table_name": name, "category": category, "category_zh": CATEGORY_ZH[category],
                     "source": source, "method": method})
    rows.append({"table_name": CATALOG_TABLE, "category": "meta", "category_zh": CATEGORY_ZH["meta"],
                 "source": "CityHealth", "method": STORE_TABLE_ZH[CATALOG_TABLE]})
    frame = pd.DataFrame(rows)
    gpkg.write_table(path, CATALOG_TABLE, frame)
    return frame


def build_basic_database(path, data: Optional[Path], assessment_db: Optional[Path], year: int, catalog,
                         diagnosis=None, survey_analysis=None, user: str = "CityHealth",
                         progress: Optional[Callable[[str], None]] = None, write_catalog: bool = True) -> BasicDatabase:
    """Write 附件5 at ``path`` (replaced when it exists); see the module docstring. With
    ``write_catalog=False`` the caller adds more tables and calls ``write_catalog_table`` at the end."""
    from ..store.database import open_store

    started = time.perf_counter()
    path = Path(path)
    say = progress or (lambda message: None)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, Path(str(path) + "-journal"), Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        if stale.exists():
            stale.unlink()
    result = BasicDatabase(path)
    if assessment_db is not None and Path(assessment_db).is_file():
        shutil.copyfile(assessment_db, path)
        result.notes.append(tr("Started from a copy of the assessment database {name}.").format(
            name=Path(assessment_db).name))
    store = open_store(path, user=user)
    try:
        if catalog is not None:
            store.ensure_year(catalog, year, by=user)
    finally:
        store.close()
    existing = {row[0].lower() for row in gpkg.list_layers(path)}
    if data is not None and Path(data).is_file():
        say(tr("Copying the input layers of the data package"))
        for name, kind, _count in _input_tables(Path(data)):
            if kind == "skip":
                reason = tr("the demo's answer key, not an input") if name.upper() in SKIPPED_INPUTS else \
                    tr("not a standard layer or table of the assessment")
                result.skipped_inputs.append((name, reason))
                continue
            if name.lower() in existing:
                result.skipped_inputs.append((name, tr("a table of this name is already in the assessment database")))
                continue
            copy_layer(Path(data), name, path)
            result.copied_inputs.append(name)
    if diagnosis is not None:
        add_diagnosis_tables(path, diagnosis, year)
    if survey_analysis is not None:
        for key, frame in survey_frames(survey_analysis).items():
            gpkg.write_table(path, f"survey_{key}_{int(year)}", frame)
    if write_catalog:
        result.catalog = write_catalog_table(path, data, year)
    result.tables = [row[0] for row in gpkg.list_layers(path)]
    result.seconds = time.perf_counter() - started
    return result
