"""Subjective against objective: where residents feel worse (or better) than the numbers say.

For each district and dimension the satisfaction score is set beside the related objective
indicators (a caller's table: district × indicator code → value). Both are standardised
across districts (z-scores, population standard deviation):

* satisfaction z  = z of the dimension's score across districts;
* objective z     = z of the mean of the related indicators' signed z-scores (sign = the
                    indicator's direction; the mean is standardised again so both sides
                    have the same spread);
* gap             = satisfaction z − objective z;
* verdict         = worse than the numbers when gap ≤ −threshold, better when gap ≥ threshold,
                    else consistent.

The relation dimension → indicator codes is configurable (``Relation``); the defaults use the
catalog codes of resources/reference/indicator_catalog.csv.
"""

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Union

import numpy as np
import pandas as pd

from ..i18n import tr
from .importer import SurveyError
from .mapping import DIMENSIONS, dimension_labels, normalise_category

VERDICTS = ("worse", "better", "consistent", "no_data")


def verdict_labels() -> Dict[str, str]:
    return {
        "worse": tr("Residents feel worse than the numbers say"),
        "better": tr("Residents feel better than the numbers say"),
        "consistent": tr("Consistent"),
        "no_data": tr("No objective data"),
    }


@dataclass(frozen=True)
class Relation:
    dimension: str  # one of DIMENSIONS
    indicator: str  # indicator code (catalog) or any column of the objective table
    direction: int = 1  # +1: a higher value is better; -1: lower is better


def default_relations() -> List[Relation]:
    """Dimension -> related indicators (catalog codes) with their direction."""
    return [
        Relation("safety", "A-18", 1),  # 人均应急避难场所面积
        Relation("safety", "A-19", 1),  # 消防救援5分钟可达覆盖率
        Relation("living", "F-06", 1),  # 15分钟社区生活圈覆盖率
        Relation("living", "F-10", 1),  # 社区卫生服务设施步行15分钟覆盖率
        Relation("natural", "F-21", 1),  # 人均公园绿地面积
        Relation("natural", "F-22", 1),  # 公园绿地、广场用地步行5分钟覆盖率
        Relation("cultural", "F-17", 1),  # 社区文化活动设施步行15分钟覆盖率
        Relation("travel", "B-05", 1),  # 城区道路网密度
        Relation("travel", "F-05", 1),  # 轨道交通站点800米半径服务覆盖率
        Relation("travel", "F-01", -1),  # 工作日平均通勤时间
        Relation("openness", "B-14", 1),  # 万人发明专利拥有量
    ]


def _direction(value) -> int:
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("positive", "+", "+1", "1", "正向"):
            return 1
        if low in ("negative", "-", "-1", "负向"):
            return -1
        raise SurveyError(tr("Indicator direction '{value}' is not positive or negative.").format(value=value))
    return 1 if float(value) >= 0 else -1


def relations_from_records(records: Sequence[dict]) -> List[Relation]:
    """[{'dimension': 'travel', 'indicator': 'B-05', 'direction': 'positive'}, …] -> relations."""
    return [Relation(str(r["dimension"]), str(r["indicator"]), _direction(r.get("direction", 1))) for r in records]


def zscores(values: pd.DataFrame) -> pd.DataFrame:
    """Column-wise (x − mean) / population SD; a constant column gives 0, missing stays NaN."""
    mean = values.mean(axis=0)
    sd = values.std(axis=0, ddof=0)
    z = (values - mean) / sd.where(sd > 0)
    constant = sd.index[(sd == 0) | sd.isna()]
    for col in constant:
        z[col] = np.where(values[col].notna(), 0.0, np.nan)
    return z


def objective_wide(objective: pd.DataFrame) -> pd.DataFrame:
    """District × indicator table from a wide table (index = district) or a long one
    (columns district, indicator|code, value)."""
    frame = objective
    lower = {str(c).lower(): c for c in frame.columns}
    if "value" in lower and "district" in lower and ("indicator" in lower or "code" in lower):
        code_col = lower.get("indicator", lower.get("code"))
        frame = frame.pivot_table(index=lower["district"], columns=code_col, values=lower["value"], aggfunc="first")
    frame = frame.apply(pd.to_numeric, errors="coerce")
    frame.index = [normalise_category(i) for i in frame.index]
    frame.columns = [str(c) for c in frame.columns]
    return frame


@dataclass
class GapResult:
    table: pd.DataFrame  # district, dimension, label, satisfaction, satisfaction_z, satisfaction_rank,
    #                      objective_z, objective_rank, indicators, gap, verdict_code, verdict
    detail: pd.DataFrame  # district, dimension, indicator, direction, value, z, signed_z
    notes: List[str] = field(default_factory=list)

    def mismatches(self) -> pd.DataFrame:
        return self.table[self.table["verdict_code"].isin(["worse", "better"])].reset_index(drop=True)


def compare_subjective_objective(satisfaction: Union[pd.DataFrame, "object"], objective: pd.DataFrame,
                                 relations: Optional[Sequence[Relation]] = None, threshold: float = 1.0,
                                 min_districts: int = 3) -> GapResult:
    """Mismatch table of satisfaction against objective indicators, per district and dimension.

    ``satisfaction``: district × dimension scores (0–100; e.g. ``SurveyScores.district_matrix()``)
    or a ``SurveyScores``. ``objective``: see ``objective_wide``.
    """
    if hasattr(satisfaction, "district_matrix"):
        satisfaction = satisfaction.district_matrix()
    sat = satisfaction.copy()
    sat.index = [normalise_category(i) for i in sat.index]
    dims = [d for d in DIMENSIONS if d in sat.columns]
    sat = sat[dims].apply(pd.to_numeric, errors="coerce")
    obj = objective_wide(objective)
    relations = list(relations) if relations is not None else default_relations()
    notes: List[str] = []
    for rel in relations:
        if rel.dimension not in DIMENSIONS:
            raise SurveyError(tr("Relation for unknown dimension '{dimension}'; use one of: {choices}.").format(
                dimension=rel.dimension, choices=", ".join(DIMENSIONS)))
    districts = [d for d in sat.index if d in set(obj.index)]
    missing = [d for d in sat.index if d not in set(obj.index)]
    if missing:
        notes.append(tr("No objective values for {districts}; they are left out of the comparison.").format(districts=", ".join(map(str, missing))))
    if len(districts) < min_districts:
        raise SurveyError(tr("The comparison needs at least {count} districts with both satisfaction scores and objective values; found {found}.").format(
            count=min_districts, found=len(districts)))
    sat = sat.loc[districts]
    obj = obj.reindex(districts)
    used = [r for r in relations if r.indicator in obj.columns]
    absent = sorted({r.indicator for r in relations if r.indicator not in obj.columns})
    if absent:
        notes.append(tr("Indicators not in the objective table (ignored): {codes}.").format(codes=", ".join(absent)))
    codes = sorted({r.indicator for r in used})
    z_ind = zscores(obj[codes]) if codes else pd.DataFrame(index=districts)
    constant = [c for c in codes if obj[c].nunique(dropna=True) <= 1]
    if constant:
        notes.append(tr("Indicators with the same value in every district carry no comparison: {codes}.").format(codes=", ".join(constant)))

    detail_rows = []
    composite = pd.DataFrame(index=districts, columns=dims, dtype=float)
    used_codes: Dict[str, List[str]] = {}
    for dim in dims:
        rels = [r for r in used if r.dimension == dim]
        used_codes[dim] = [r.indicator for r in rels]
        if not rels:
            continue
        signed = pd.concat([z_ind[r.indicator] * r.direction for r in rels], axis=1)
        composite[dim] = signed.mean(axis=1, skipna=True)
        for r in rels:
            detail_rows.append(pd.DataFrame({
                "district": districts, "dimension": dim, "indicator": r.indicator, "direction": r.direction,
                "value": obj[r.indicator].to_numpy(), "z": z_ind[r.indicator].to_numpy(),
                "signed_z": (z_ind[r.indicator] * r.direction).to_numpy(),
            }))
    sat_z = zscores(sat)
    obj_z = zscores(composite)
    labels = dimension_labels()
    vlabels = verdict_labels()
    long = pd.DataFrame({
        "district": np.repeat(np.array(districts, dtype=object), len(dims)),
        "dimension": np.tile(np.array(dims, dtype=object), len(districts)),
        "satisfaction": sat.to_numpy(dtype=float).ravel(),
        "satisfaction_z": sat_z.to_numpy(dtype=float).ravel(),
        "satisfaction_rank": sat.rank(ascending=False, method="min").to_numpy(dtype=float).ravel(),
        "objective_z": obj_z.to_numpy(dtype=float).ravel(),
        "objective_rank": composite.rank(ascending=False, method="min").to_numpy(dtype=float).ravel(),
    })
    long.insert(2, "label", long["dimension"].map(labels))
    long["indicators"] = long["dimension"].map(lambda d: ", ".join(used_codes.get(d, [])))
    long["gap"] = long["satisfaction_z"] - long["objective_z"]
    code = np.where(long["gap"].isna(), "no_data",
                    np.where(long["gap"] <= -threshold, "worse", np.where(long["gap"] >= threshold, "better", "consistent")))
    long["verdict_code"] = code
    long["verdict"] = long["verdict_code"].map(vlabels)
    no_obj = [d for d in dims if not used_codes.get(d)]
    if no_obj:
        notes.append(tr("No objective indicator is related to: {dimensions}.").format(dimensions=", ".join(labels[d] for d in no_obj)))
    detail = pd.concat(detail_rows, ignore_index=True) if detail_rows else pd.DataFrame(
        columns=["district", "dimension", "indicator", "direction", "value", "z", "signed_z"])
    return GapResult(long, detail, notes)
