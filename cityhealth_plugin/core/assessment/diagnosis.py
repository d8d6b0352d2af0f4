"""Diagnosis of indicator values: years, targets, trend, progress, status, peers, strengths.

Plain inputs, so that this module does not depend on the catalog code:

* ``indicators``: one row per indicator — code, level1, level2, name_zh, unit, tier,
  direction, department (责任部门; optional), data_source (数据来源; optional);
* ``values``: code, year, unit_code, value (city-wide rows have unit_code ``city``, blank or 全市);
* ``targets`` (optional): code, base_year_value, target_2025, target_2035, lower, upper,
  limit, limit_type (``max``/``min``), direction (overrides the indicator's);
* ``peers`` (optional): code, city, value[, year] of peer cities.

:func:`diagnose` returns a :class:`Diagnosis` whose ``table`` feeds the conclusion table
(附件1), the report text and the panel; ``areas`` holds strengths and weaknesses per level-1
area (安全/创新/协调/绿色/开放/共享) and ``tasks`` the rectification task list (整治任务清单).
Rules and their defaults: :mod:`.status_rules`, docs/diagnosis.md.
"""

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Union

import numpy as np
import pandas as pd

from ..i18n import tr
from .status_rules import NOT_ASSESSED, STATUS_RANK, STATUSES, classify, load_rules, normalise_direction, status_labels
from .trend import evaluation, evaluation_labels, progress, trend, trend_labels

LEVEL1_ORDER = ("安全", "创新", "协调", "绿色", "开放", "共享")
CITY_UNITS = ("city", "", "CITY", "全市", "nan", "None")

_INDICATOR_ALIASES = {
    "code": ("code", "指标编号", "编号", "indicator_code"),
    "level1": ("level1", "一级类别", "一级"),
    "level2": ("level2", "二级类别", "二级"),
    "name_zh": ("name_zh", "指标项", "指标名称", "name"),
    "unit": ("unit", "单位"),
    "tier": ("tier", "指标类型", "指标层级"),
    "direction": ("direction", "指标属性", "方向"),
    "department": ("department", "responsible_department", "责任部门", "dept"),
    "data_source": ("data_source", "数据来源"),
}
_TARGET_COLUMNS = ("base_year_value", "target_2025", "target_2035", "lower", "upper", "limit")

TABLE_COLUMNS = (
    "code", "level1", "level2", "name_zh", "unit", "tier", "direction", "department", "data_source", "unit_code",
    "base_year", "base_value", "previous_year", "previous_value", "current_year", "current_value",
    "target_year", "target_value", "lower", "upper", "limit", "target_passed",
    "change", "change_pct", "change_since_base", "change_since_base_pct",
    "trend", "trend_from", "trend_label", "evaluation", "evaluation_label",
    "time_share", "achieved_share", "lag_points", "gap", "status", "status_label", "basis", "reason",
)


@dataclass
class Diagnosis:
    table: pd.DataFrame  # TABLE_COLUMNS (+ peer_* when peers were given), catalog order
    areas: pd.DataFrame  # strengths and weaknesses per level-1 area
    tasks: pd.DataFrame  # rectification tasks (整治任务清单)
    peers: Optional[pd.DataFrame] = None  # long form: code, city, value, rank, is_self
    rules: Dict = field(default_factory=dict)
    parameters: Dict = field(default_factory=dict)
    warnings: List[str] = field(default_factory=list)

    def status_counts(self) -> Dict[str, int]:
        counts = self.table["status"].value_counts()
        return {status: int(counts.get(status, 0)) for status in STATUSES + (NOT_ASSESSED,)}


# ---------------------------------------------------------------------------------------
# input preparation

def _pick(frame: pd.DataFrame, aliases) -> Optional[pd.Series]:
    lower = {str(c).strip().lower(): c for c in frame.columns}
    for alias in aliases:
        if alias.lower() in lower:
            return frame[lower[alias.lower()]]
    return None


def _text(series: Optional[pd.Series], n: int, index) -> pd.Series:
    if series is None:
        return pd.Series([""] * n, index=index, dtype=object)
    text = series.astype(object).where(series.notna(), "").astype(str).str.strip()
    return text.str.replace(r"^(-?\d+)\.0$", r"\1", regex=True)


def prepare_indicators(indicators: pd.DataFrame) -> pd.DataFrame:
    """Indicator metadata with standard column names, indexed by code (file order kept)."""
    if indicators is None or len(indicators) == 0:
        raise ValueError(tr("The indicator table is empty."))
    out = pd.DataFrame(index=indicators.index)
    for name, aliases in _INDICATOR_ALIASES.items():
        out[name] = _text(_pick(indicators, aliases), len(indicators), indicators.index)
    if (out["code"] == "").all():
        raise ValueError(tr("The indicator table has no 'code' column."))
    out = out[out["code"] != ""].drop_duplicates("code", keep="last")
    return out.set_index("code", drop=False)


def prepare_values(values: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in ("code", "year", "value") if _pick(values, (c,)) is None]
    if missing:
        raise ValueError(tr("The values table lacks column(s) {columns} (needs code, year, unit_code, value).").format(
            columns=", ".join(missing)))
    out = pd.DataFrame({
        "code": _text(_pick(values, ("code",)), len(values), values.index),
        "year": pd.to_numeric(_pick(values, ("year",)), errors="coerce"),
        "unit_code": _text(_pick(values, ("unit_code",)), len(values), values.index),
        "value": pd.to_numeric(_pick(values, ("value",)), errors="coerce"),
    })
    out = out[out["year"].notna() & (out["code"] != "")]
    out["year"] = out["year"].astype(int)
    out.loc[out["unit_code"].isin(CITY_UNITS), "unit_code"] = "city"
    return out


def prepare_targets(targets: Optional[pd.DataFrame], codes) -> pd.DataFrame:
    out = pd.DataFrame(index=pd.Index(list(codes), name="code"))
    for column in _TARGET_COLUMNS:
        out[column] = np.nan
    out["limit_type"] = ""
    out["direction_override"] = ""
    if targets is None or len(targets) == 0:
        return out
    code = _text(_pick(targets, ("code",)), len(targets), targets.index)
    frame = pd.DataFrame({"code": code})
    for column in _TARGET_COLUMNS:
        series = _pick(targets, (column,))
        frame[column] = pd.to_numeric(series, errors="coerce") if series is not None else np.nan
    frame["limit_type"] = _text(_pick(targets, ("limit_type",)), len(targets), targets.index)
    frame["direction_override"] = _text(_pick(targets, ("direction",)), len(targets), targets.index)
    frame = frame[frame["code"] != ""].drop_duplicates("code", keep="last").set_index("code")
    out.update(frame[frame.index.isin(out.index)])
    return out


def _select_unit(values: pd.DataFrame, unit_code: Optional[str], warnings: list) -> pd.DataFrame:
    if unit_code is not None:
        chosen = values[values["unit_code"] == str(unit_code)]
        if chosen.empty:
            raise ValueError(tr("No values for unit '{unit}'.").format(unit=unit_code))
        return chosen
    city = values[values["unit_code"] == "city"]
    if not city.empty:
        return city
    units = values["unit_code"].unique()
    if len(units) == 1:
        warnings.append(tr("No city-wide values: the diagnosis uses unit '{unit}'.").format(unit=units[0]))
        return values
    raise ValueError(tr("The values have no city-wide rows (unit_code 'city'); choose one of {units}.").format(
        units=", ".join(sorted(map(str, units))[:10])))


# ---------------------------------------------------------------------------------------
# the diagnosis

def diagnose(indicators: pd.DataFrame, values: pd.DataFrame, targets: Optional[pd.DataFrame] = None, *,
             current_year: Optional[int] = None, base_year: int = 2020, previous_year: Optional[int] = None,
             rules: Union[None, Mapping, str] = None, peers: Optional[pd.DataFrame] = None,
             unit_code: Optional[str] = None, deadline: Optional[str] = None) -> Diagnosis:
    """Diagnose every indicator that has values.

    ``current_year`` defaults to the latest year in ``values``; ``previous_year`` to
    current_year − 1 (the trend falls back to base year -> current year where that value is
    missing; ``trend_from`` says which); the base year's value comes from ``values`` unless
    ``targets.base_year_value`` gives it. ``rules``: None (defaults), a dict
    or a JSON path overriding DEFAULT_RULES. ``deadline``: the task list's deadline text
    (default: 31 December of current_year + rules.tasks.deadline_years).
    """
    rules = load_rules(rules)
    warnings: List[str] = []
    meta = prepare_indicators(indicators)
    vals = _select_unit(prepare_values(values), unit_code, warnings)
    unknown = sorted(set(vals["code"]) - set(meta.index))
    if unknown:
        warnings.append(tr("Values for {n} codes not in the indicator table were ignored: {codes}.").format(
            n=len(unknown), codes=", ".join(unknown[:10])))
    vals = vals[vals["code"].isin(meta.index)]
    if vals.empty:
        raise ValueError(tr("No values for any indicator of the indicator table."))
    if current_year is None:
        current_year = int(vals["year"].max())
    pivot = vals.pivot_table(index="code", columns="year", values="value", aggfunc="last")
    codes = [code for code in meta.index if code in pivot.index]
    without = [code for code in meta.index if code not in pivot.index]
    pivot = pivot.reindex(codes)
    meta = meta.loc[codes]
    tgt = prepare_targets(targets, codes)
    n = len(codes)

    current = pivot[current_year].to_numpy(dtype=float) if current_year in pivot.columns else np.full(n, np.nan)
    base = pivot[base_year].to_numpy(dtype=float) if base_year in pivot.columns else np.full(n, np.nan)
    given_base = tgt["base_year_value"].to_numpy(dtype=float)
    base = np.where(np.isfinite(given_base), given_base, base)
    prev_value, prev_year = _previous(pivot, current_year, previous_year)

    direction = normalise_direction(np.where(tgt["direction_override"].to_numpy(dtype=object) != "",
                                             tgt["direction_override"].to_numpy(dtype=object),
                                             meta["direction"].to_numpy(dtype=object)),
                                    tgt["limit_type"].to_numpy(dtype=object))
    t25 = tgt["target_2025"].to_numpy(dtype=float)
    t35 = tgt["target_2035"].to_numpy(dtype=float)
    near = current_year <= rules["near_target_until"]
    use25 = np.isfinite(t25) & (near | ~np.isfinite(t35))
    target_value = np.where(use25, t25, t35)
    target_year = np.where(use25, 2025.0, np.where(np.isfinite(t35), 2035.0, np.nan))
    target_passed = np.isfinite(target_year) & (current_year >= target_year)
    time_share, achieved, lag = progress(base, current, target_value, np.full(n, base_year), np.full(n, current_year),
                                         target_year)
    lower = tgt["lower"].to_numpy(dtype=float)
    upper = tgt["upper"].to_numpy(dtype=float)
    limit = tgt["limit"].to_numpy(dtype=float)

    # trend over the last year; where the previous year is missing, since the base year
    earlier = np.where(np.isfinite(prev_value), prev_value, base)
    trend_from = np.where(np.isfinite(prev_value), "previous", np.where(np.isfinite(base), "base", ""))
    trend_ids = trend(earlier, current, rules["trend"]["flat_relative"], rules["trend"]["flat_absolute"])
    evaluation_ids = evaluation(direction, trend_ids, earlier, current, lower, upper)
    frame = pd.DataFrame({
        "direction": direction, "current_value": current, "target_value": target_value, "lower": lower,
        "upper": upper, "limit": limit, "time_share": time_share, "achieved_share": achieved,
        "target_passed": target_passed,
    })
    verdict = classify(frame, rules)

    with np.errstate(divide="ignore", invalid="ignore"):
        change = current - prev_value
        change_pct = np.where(np.abs(prev_value) > 0, change / np.abs(prev_value) * 100.0, np.nan)
        since = current - base
        since_pct = np.where(np.abs(base) > 0, since / np.abs(base) * 100.0, np.nan)
    table = pd.DataFrame({
        "code": codes,
        "level1": meta["level1"].to_numpy(), "level2": meta["level2"].to_numpy(),
        "name_zh": meta["name_zh"].to_numpy(), "unit": meta["unit"].to_numpy(), "tier": meta["tier"].to_numpy(),
        "direction": direction, "department": meta["department"].to_numpy(),
        "data_source": meta["data_source"].to_numpy(),
        "unit_code": unit_code if unit_code is not None else "city",
        "base_year": base_year, "base_value": base, "previous_year": prev_year, "previous_value": prev_value,
        "current_year": current_year, "current_value": current,
        "target_year": target_year, "target_value": target_value, "lower": lower, "upper": upper,
        "limit": np.where(np.isin(direction, ("constraint_max", "constraint_min")) & ~np.isfinite(limit),
                          target_value, limit),
        "target_passed": target_passed,
        "change": change, "change_pct": change_pct, "change_since_base": since, "change_since_base_pct": since_pct,
        "trend": trend_ids, "trend_from": trend_from, "trend_label": pd.Series(trend_ids).map(trend_labels()).to_numpy(),
        "evaluation": evaluation_ids, "evaluation_label": pd.Series(evaluation_ids).map(evaluation_labels()).to_numpy(),
        "time_share": time_share, "achieved_share": achieved, "lag_points": lag,
        "gap": verdict["gap"].to_numpy(), "status": verdict["status"].to_numpy(),
        "status_label": verdict["status"].map(status_labels()).to_numpy(), "basis": verdict["basis"].to_numpy(),
    })
    table["reason"] = [_reason(row) for row in table.itertuples(index=False)]  # ~100 rows of text, not features

    if not np.isfinite(base).any():
        warnings.append(tr("No values for the base year {year}: progress toward the targets cannot be measured.")
                        .format(year=base_year))
    if without:
        warnings.append(tr("{n} indicators have no values and are not diagnosed: {codes}.").format(
            n=len(without), codes=", ".join(without[:10])))
    no_current = int((~np.isfinite(current)).sum())
    if no_current:
        warnings.append(tr("{n} indicators have no value for {year}.").format(n=no_current, year=current_year))

    peer_long = None
    if peers is not None and len(peers):
        table, peer_long = compare_peers(table, peers, current_year)
    areas = strengths_weaknesses(table)
    tasks = rectification_tasks(table, rules, deadline)
    parameters = {"base_year": base_year, "current_year": current_year,
                  "previous_year": current_year - 1 if previous_year is None else previous_year,
                  "unit_code": unit_code or "city", "indicators": len(codes), "not_diagnosed": without}
    return Diagnosis(table[list(TABLE_COLUMNS) + [c for c in table.columns if c.startswith("peer_")]],
                     areas, tasks, peer_long, rules, parameters, warnings)


def _previous(pivot: pd.DataFrame, current_year: int, previous_year: Optional[int]):
    """Values of the previous year (default current_year − 1; 上年值 is that year, not an older one)."""
    n = len(pivot)
    year = current_year - 1 if previous_year is None else int(previous_year)
    if year in pivot.columns:
        values = pivot[year].to_numpy(dtype=float)
        return values, np.where(np.isfinite(values), float(year), np.nan)
    return np.full(n, np.nan), np.full(n, np.nan)


def fmt(value: float, digits: int = 2) -> str:
    """A number for text: thousands separators, at most ``digits`` decimals, no trailing zeros."""
    if value is None or not np.isfinite(value):
        return "—"
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _reason(row) -> str:
    unit = row.unit
    year = "" if not np.isfinite(row.target_year) else int(row.target_year)
    basis = row.basis
    if basis == "no_value":
        return tr("No value for {year}.").format(year=row.current_year)
    if basis == "no_target":
        return tr("No target, range or limit to assess against.")
    if basis == "reached":
        return tr("Reached the {year} target: {value} against {target} {unit}.").format(
            year=year, value=fmt(row.current_value), target=fmt(row.target_value), unit=unit)
    if basis == "on_schedule":
        return tr("On schedule: {achieved}% of the way to the {year} target after {elapsed}% of the time.").format(
            achieved=fmt(row.achieved_share * 100, 0), year=year, elapsed=fmt(row.time_share * 100, 0))
    if basis == "away":
        return tr("Moved away from the {year} target since {base_year}: {base} to {value} {unit} (target {target}).").format(
            year=year, base_year=row.base_year, base=fmt(row.base_value), value=fmt(row.current_value), unit=unit,
            target=fmt(row.target_value))
    if basis == "lag":
        return tr("Progress {achieved}% lags the time elapsed ({elapsed}%) by {lag} points; "
                  "{value} against the {year} target {target} {unit}.").format(
            achieved=fmt(row.achieved_share * 100, 0), elapsed=fmt(row.time_share * 100, 0), lag=fmt(row.lag_points, 0),
            value=fmt(row.current_value), year=year, target=fmt(row.target_value), unit=unit)
    if basis == "gap":
        return tr("{gap}% short of the {year} target: {value} against {target} {unit}.").format(
            gap=fmt(row.gap * 100, 1), year=year, value=fmt(row.current_value), target=fmt(row.target_value), unit=unit)
    if basis == "inside":
        return tr("{value} {unit} is within the range {lower} to {upper}.").format(
            value=fmt(row.current_value), unit=unit, lower=fmt(row.lower), upper=fmt(row.upper))
    if basis == "outside":
        return tr("{value} {unit} is outside the range {lower} to {upper} by {gap}%.").format(
            value=fmt(row.current_value), unit=unit, lower=fmt(row.lower), upper=fmt(row.upper), gap=fmt(row.gap * 100, 1))
    if basis == "limit_ok":
        return tr("Within the binding limit: {value} against {limit} {unit}.").format(
            value=fmt(row.current_value), limit=fmt(row.limit), unit=unit)
    if basis == "limit_near":
        return tr("Close to the binding limit: {value} against {limit} {unit}.").format(
            value=fmt(row.current_value), limit=fmt(row.limit), unit=unit)
    if basis == "limit_broken":
        return tr("Breaks the binding limit: {value} against {limit} {unit}.").format(
            value=fmt(row.current_value), limit=fmt(row.limit), unit=unit)
    return ""


# ---------------------------------------------------------------------------------------
# peers

def _badness(direction: np.ndarray, value: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """A number that is smaller for better values (NaN where the direction gives no order)."""
    out = np.full(len(value), np.nan)
    up = np.isin(direction, ("positive", "constraint_min"))
    down = np.isin(direction, ("negative", "constraint_max"))
    out[up] = -value[up]
    out[down] = value[down]
    interval = direction == "interval"
    if interval.any():
        below = np.where(np.isfinite(lower), lower - value, -np.inf)
        above = np.where(np.isfinite(upper), value - upper, -np.inf)
        distance = np.maximum(np.maximum(below, above), 0.0)
        out[interval] = np.where(np.isfinite(lower) | np.isfinite(upper), distance, np.nan)[interval]
    return out


def compare_peers(table: pd.DataFrame, peers: pd.DataFrame, current_year: int):
    """Rank the city among peer cities per indicator (1 = best).

    Adds peer_count (cities compared, this one included), peer_rank, peer_percentile (share of
    peers this city does at least as well as, 0-100), peer_median (of the peers) and
    peer_position (better / worse / equal than the median).
    """
    frame = pd.DataFrame({
        "code": _text(_pick(peers, ("code",)), len(peers), peers.index),
        "city": _text(_pick(peers, ("city", "城市")), len(peers), peers.index),
        "value": pd.to_numeric(_pick(peers, ("value", "值")), errors="coerce"),
    })
    year = _pick(peers, ("year",))
    if year is not None:
        frame = frame[pd.to_numeric(year, errors="coerce").to_numpy() == current_year]
    frame = frame[frame["value"].notna() & frame["code"].isin(table["code"])]
    own = table[["code", "current_value"]].rename(columns={"current_value": "value"}).assign(city="*", is_self=True)
    own = own[own["value"].notna()]
    long = pd.concat([frame.assign(is_self=False), own], ignore_index=True)
    info = table.set_index("code")[["direction", "lower", "upper"]]
    long = long.join(info, on="code")
    long["badness"] = _badness(long["direction"].to_numpy(dtype=object), long["value"].to_numpy(dtype=float),
                               long["lower"].to_numpy(dtype=float), long["upper"].to_numpy(dtype=float))
    long["rank"] = long.groupby("code")["badness"].rank(method="min")
    counts = long[long["badness"].notna()].groupby("code").size()
    mine = long[long["is_self"]].set_index("code")
    others = long[~long["is_self"]]
    median = others.groupby("code")["value"].median()
    median_bad = others.groupby("code")["badness"].median()
    out = table.copy()
    has_peers = out["code"].isin(others.loc[others["badness"].notna(), "code"])
    out["peer_count"] = np.where(has_peers, out["code"].map(counts).fillna(0), 0).astype(int)
    out["peer_rank"] = out["code"].map(mine["rank"]).where(has_peers)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["peer_percentile"] = np.where(out["peer_count"] > 1,
                                          (out["peer_count"] - out["peer_rank"]) / (out["peer_count"] - 1) * 100.0,
                                          np.nan)
    out["peer_median"] = out["code"].map(median)
    own_bad = out["code"].map(mine["badness"])
    med_bad = out["code"].map(median_bad)
    position = np.where(own_bad < med_bad, "better", np.where(own_bad > med_bad, "worse", "equal"))
    position = np.where(own_bad.notna() & med_bad.notna(), position, "")
    out["peer_position"] = position
    labels = {"better": tr("Better than the peer median"), "worse": tr("Worse than the peer median"),
              "equal": tr("Equal to the peer median"), "": ""}
    out["peer_position_label"] = pd.Series(position).map(labels).to_numpy()
    long = long.drop(columns=["lower", "upper"]).sort_values(["code", "rank"], kind="stable").reset_index(drop=True)
    return out, long


# ---------------------------------------------------------------------------------------
# strengths and weaknesses, tasks

def _score(table: pd.DataFrame) -> np.ndarray:
    """Higher is better: the status rank first, then how far beyond / short of the target."""
    rank = table["status"].map(STATUS_RANK).to_numpy(dtype=float)
    gap = table["gap"].to_numpy(dtype=float)
    lag = table["lag_points"].to_numpy(dtype=float)
    tie = np.where(np.isfinite(gap), -np.clip(gap, -10, 10), 0.0) - np.where(np.isfinite(lag), np.clip(lag, -100, 100) / 1000, 0)
    return rank * 100.0 + tie


def strengths_weaknesses(table: pd.DataFrame) -> pd.DataFrame:
    """Per level-1 area: counts by status, strengths, weaknesses, the best and worst indicator with reasons."""
    work = table.assign(_score=_score(table))
    order = list(LEVEL1_ORDER) + sorted(set(work["level1"]) - set(LEVEL1_ORDER))
    rows = []
    for area in order:  # six areas
        part = work[work["level1"] == area]
        if part.empty:
            continue
        assessed = part[part["status"] != NOT_ASSESSED].sort_values("_score", ascending=False, kind="stable")
        counts = part["status"].value_counts()
        row = {"level1": area, "indicators": len(part)}
        for status in STATUSES + (NOT_ASSESSED,):
            row[status] = int(counts.get(status, 0))
        good = assessed[assessed["status"].isin(("met",))]
        weak = assessed[assessed["status"].isin(("warning", "not_met"))]
        row["strengths"] = "、".join(good["name_zh"])
        row["weaknesses"] = "、".join(weak.sort_values("_score", kind="stable")["name_zh"])
        if len(assessed):
            best, worst = assessed.iloc[0], assessed.iloc[-1]
            row.update(best_code=best["code"], best_name=best["name_zh"], best_status=best["status_label"],
                       best_reason=best["reason"], worst_code=worst["code"], worst_name=worst["name_zh"],
                       worst_status=worst["status_label"], worst_reason=worst["reason"])
        else:
            row.update(best_code="", best_name="", best_status="", best_reason="", worst_code="", worst_name="",
                       worst_status="", worst_reason="")
        row["summary"] = tr("{area}: {met} of {n} indicators met, {nearly} nearly met, {weak} need attention.").format(
            area=area, met=row["met"], n=len(part), nearly=row["nearly_met"], weak=len(weak))
        rows.append(row)
    return pd.DataFrame(rows)


TASK_COLUMNS = ("seq", "level1", "code", "name_zh", "status", "status_label", "priority", "problem", "department",
                "measure", "deadline", "current_value", "target_value", "unit")


def rectification_tasks(table: pd.DataFrame, rules: Optional[Dict] = None, deadline: Optional[str] = None) -> pd.DataFrame:
    """The rectification task list (整治任务清单): one row per weak indicator, worst first.

    ``problem`` is generated from the numbers; ``measure`` is placeholder text for the user
    to replace; ``deadline`` defaults to 31 December of the current year + tasks.deadline_years.
    """
    rules = rules or load_rules()
    weak = table[table["status"].isin(rules["tasks"]["statuses"])].copy()
    weak["_score"] = _score(weak)
    weak = weak.sort_values(["_score"], kind="stable")
    if deadline is None and len(table):
        year = int(table["current_year"].iloc[0]) + int(rules["tasks"]["deadline_years"])
        deadline = f"{year}-12-31"
    priority = {"not_met": tr("High"), "warning": tr("Medium"), "nearly_met": tr("Low"), "met": tr("Low")}
    problems = [
        tr("{name} was {value} {unit} in {year} ({status}): {reason}").format(
            name=row.name_zh, value=fmt(row.current_value), unit=row.unit, year=row.current_year,
            status=row.status_label, reason=row.reason)
        for row in weak.itertuples(index=False)
    ]
    measures = [
        tr("[To be completed by {department}: measures to improve {name}]").format(
            department=row.department or tr("the responsible department"), name=row.name_zh)
        for row in weak.itertuples(index=False)
    ]
    out = pd.DataFrame({
        "seq": np.arange(1, len(weak) + 1),
        "level1": weak["level1"].to_numpy(), "code": weak["code"].to_numpy(), "name_zh": weak["name_zh"].to_numpy(),
        "status": weak["status"].to_numpy(), "status_label": weak["status_label"].to_numpy(),
        "priority": weak["status"].map(priority).to_numpy(), "problem": problems,
        "department": weak["department"].to_numpy(), "measure": measures, "deadline": deadline or "",
        "current_value": weak["current_value"].to_numpy(), "target_value": weak["target_value"].to_numpy(),
        "unit": weak["unit"].to_numpy(),
    })
    return out[list(TASK_COLUMNS)]
