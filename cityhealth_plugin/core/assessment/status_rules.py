"""Status rules of the diagnosis as data: thresholds in a dict (or a JSON file), defaults below.

Statuses, best first: ``met`` (达标), ``nearly_met`` (基本达标), ``warning`` (预警),
``not_met`` (未达标); ``not_assessed`` when there is no value or nothing to assess against.
How each direction is judged is documented in docs/diagnosis.md; this module holds the
thresholds, the labels and the vectorised classification.
"""

import copy
import json
from pathlib import Path
from typing import Dict, Mapping, Optional, Union

import numpy as np
import pandas as pd

from ..i18n import tr

STATUSES = ("met", "nearly_met", "warning", "not_met")
NOT_ASSESSED = "not_assessed"
STATUS_RANK = {"met": 3, "nearly_met": 2, "warning": 1, "not_met": 0, NOT_ASSESSED: -1}

DIRECTIONS = ("positive", "negative", "interval", "constraint_max", "constraint_min", "neutral")

DEFAULT_RULES: Dict = {
    "version": 1,
    # change between two years smaller than this is "flat": |Δ| <= max(relative × |earlier|, absolute)
    "trend": {"flat_relative": 0.01, "flat_absolute": 0.0},
    # assessment years up to this one are judged against target_2025 (when given), later ones against 2035
    "near_target_until": 2025,
    "directional": {
        # short of the target by at most this share of the target -> nearly met
        "nearly_met_gap": 0.05,
        # used when progress cannot be measured (no base value, or the target year has passed):
        # short by at most this share -> early warning, beyond -> not met
        "warning_gap": 0.15,
        # progress (share of the base->target distance covered) at least the share of time elapsed
        # (base year -> target year) minus this many points -> met ("on schedule")
        "on_schedule_lag_points": 0.0,
        # lagging time by up to this many points -> nearly met; more -> early warning
        "warning_lag_points": 20.0,
        # lagging by more than this, or having moved away from the target since the base year -> not met
        "not_met_lag_points": 50.0,
    },
    "interval": {
        # outside [lower, upper] by at most this share of the crossed bound -> nearly met / early warning
        "nearly_met_gap": 0.05,
        "warning_gap": 0.15,
    },
    "constraint": {
        # within this share of a binding limit (still on the right side) -> early warning
        "warning_margin": 0.02,
    },
    "tasks": {
        # statuses that produce a rectification task, and the default deadline (end of year + n)
        "statuses": ["not_met", "warning"],
        "deadline_years": 1,
    },
}

_DIRECTION_ALIASES = {
    "positive": ("positive", "+", "正向", "up", "higher", "higher_better", "1", "越大越好"),
    "negative": ("negative", "-", "逆向", "负向", "down", "lower", "lower_better", "-1", "越小越好"),
    "interval": ("interval", "区间", "range", "适度", "区间型"),
    "constraint_max": ("constraint_max", "max", "上限", "不超过", "≤", "<=", "约束上限"),
    "constraint_min": ("constraint_min", "min", "下限", "不低于", "≥", ">=", "约束下限"),
    "neutral": ("neutral", "none", "", "描述", "nan", "监测"),
}
_LOOKUP = {alias.lower(): key for key, aliases in _DIRECTION_ALIASES.items() for alias in aliases}
_CONSTRAINT = ("constraint", "约束", "约束性", "binding")


def status_labels() -> Dict[str, str]:
    return {
        "met": tr("Met"),
        "nearly_met": tr("Nearly met"),
        "warning": tr("Early warning"),
        "not_met": tr("Not met"),
        NOT_ASSESSED: tr("Not assessed"),
    }


def status_label(status: str) -> str:
    return status_labels().get(status, status)


def normalise_direction(direction, limit_type=None) -> np.ndarray:
    """Direction words (English ids, 正向/逆向/区间/约束 …) -> ids of DIRECTIONS.

    ``constraint`` needs ``limit_type`` ('max'/'≤'/'不超过' or 'min'/'≥'/'不低于'); without it a
    constraint is taken as "must not exceed". Unknown words become ``neutral``.
    """
    words = pd.Series(direction, dtype=object).where(pd.notna(pd.Series(direction, dtype=object)), "")
    words = words.astype(str).str.strip().str.lower()
    limits = pd.Series(limit_type if limit_type is not None else [""] * len(words), dtype=object, index=words.index)
    limits = limits.where(limits.notna(), "").astype(str).str.strip().str.lower()
    out = words.map(_LOOKUP)
    constraint = words.isin(_CONSTRAINT)
    limit_kind = limits.map(_LOOKUP)
    out[constraint] = np.where(limit_kind[constraint] == "constraint_min", "constraint_min", "constraint_max")
    return out.fillna("neutral").to_numpy(dtype=object)


def _merge(base: Dict, override: Mapping, path: str = "") -> Dict:
    out = copy.deepcopy(base)
    for key, value in override.items():
        where = f"{path}{key}"
        if key.startswith("_"):
            continue  # comments
        if key not in base:
            raise ValueError(tr("Unknown status rule '{key}'. Known: {known}.").format(
                key=where, known=", ".join(sorted(k for k in base))))
        if isinstance(base[key], dict):
            if not isinstance(value, Mapping):
                raise ValueError(tr("Status rule '{key}' must be a group of settings.").format(key=where))
            out[key] = _merge(base[key], value, where + ".")
        elif isinstance(base[key], list):
            out[key] = list(value)
        else:
            try:
                out[key] = type(base[key])(value)
            except (TypeError, ValueError):
                raise ValueError(tr("Status rule '{key}' must be a number, not '{value}'.").format(
                    key=where, value=value)) from None
    return out


def load_rules(source: Union[None, Mapping, str, Path] = None) -> Dict:
    """The rules: the defaults, overridden by a dict or a JSON file of the same shape."""
    if source is None:
        return copy.deepcopy(DEFAULT_RULES)
    if isinstance(source, (str, Path)):
        try:
            source = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise ValueError(tr("Cannot read the status rules file {path}: {error}").format(path=source, error=error)) from None
    rules = _merge(DEFAULT_RULES, source)
    d = rules["directional"]
    if not 0 <= d["nearly_met_gap"] <= d["warning_gap"]:
        raise ValueError(tr("Status rules: need 0 <= nearly_met_gap <= warning_gap."))
    if not d["on_schedule_lag_points"] <= d["warning_lag_points"] <= d["not_met_lag_points"]:
        raise ValueError(tr("Status rules: need on_schedule_lag_points <= warning_lag_points <= not_met_lag_points."))
    unknown = set(rules["tasks"]["statuses"]) - set(STATUSES)
    if unknown:
        raise ValueError(tr("Status rules: unknown task statuses {names}.").format(names=", ".join(sorted(unknown))))
    return rules


def classify(frame: pd.DataFrame, rules: Optional[Dict] = None) -> pd.DataFrame:
    """Status and its basis for each row, vectorised.

    ``frame`` columns: direction (normalised), current_value, target_value, lower, upper,
    limit, time_share, achieved_share, target_passed (bool). Returns a frame with ``status``,
    ``basis`` (reached / on_schedule / gap / lag / away / inside / outside / limit_ok /
    limit_near / limit_broken / no_value / no_target) and ``gap`` (share short of the
    target, range bound or limit; negative = beyond it on the good side).
    """
    rules = rules or DEFAULT_RULES
    n = len(frame)
    direction = frame["direction"].to_numpy(dtype=object)
    value = frame["current_value"].to_numpy(dtype=float)
    target = frame["target_value"].to_numpy(dtype=float)
    lower = frame["lower"].to_numpy(dtype=float)
    upper = frame["upper"].to_numpy(dtype=float)
    limit = frame["limit"].to_numpy(dtype=float)
    time_share = frame["time_share"].to_numpy(dtype=float)
    achieved = frame["achieved_share"].to_numpy(dtype=float)
    passed = frame["target_passed"].to_numpy(dtype=bool)
    status = np.full(n, NOT_ASSESSED, dtype=object)
    basis = np.full(n, "no_target", dtype=object)
    gap = np.full(n, np.nan)
    has_value = np.isfinite(value)

    def scale(reference):
        ref = np.abs(reference)
        return np.where(ref > 0, ref, 1.0)

    # positive / negative against a target
    d = rules["directional"]
    sign = np.where(direction == "positive", 1.0, np.where(direction == "negative", -1.0, np.nan))
    directional = np.isfinite(sign) & np.isfinite(target) & has_value
    with np.errstate(invalid="ignore"):
        # rounded so that thresholds hold exactly (0.8 − 0.6 is 0.2000000000000001 in binary)
        short = np.round(sign * (target - value) / scale(target), 9)
    lag = np.round((time_share - achieved) * 100.0, 6)
    progress_known = np.isfinite(lag) & ~passed
    reached = directional & (short <= 0)
    on_schedule = directional & ~reached & progress_known & (lag <= d["on_schedule_lag_points"])
    away = directional & ~reached & progress_known & (achieved < 0)
    near_gap = directional & ~reached & (short <= d["nearly_met_gap"])
    lag_nearly = directional & progress_known & (lag <= d["warning_lag_points"])
    lag_warning = directional & progress_known & (lag <= d["not_met_lag_points"])
    gap_warning = directional & ~progress_known & (short <= d["warning_gap"])
    choices = [
        (reached, "met", "reached"),
        (on_schedule, "met", "on_schedule"),
        (near_gap, "nearly_met", "gap"),
        (away, "not_met", "away"),
        (lag_nearly, "nearly_met", "lag"),
        (lag_warning, "warning", "lag"),
        (gap_warning, "warning", "gap"),
        (directional & progress_known, "not_met", "lag"),
        (directional, "not_met", "gap"),
    ]
    _apply(choices, status, basis)
    gap[directional] = short[directional]

    # interval [lower, upper]
    r = rules["interval"]
    interval = (direction == "interval") & has_value & (np.isfinite(lower) | np.isfinite(upper))
    with np.errstate(invalid="ignore"):
        below = np.where(np.isfinite(lower), (lower - value) / scale(lower), -np.inf)
        above = np.where(np.isfinite(upper), (value - upper) / scale(upper), -np.inf)
    outside = np.round(np.maximum(below, above), 9)
    _apply([
        (interval & (outside <= 0), "met", "inside"),
        (interval & (outside <= r["nearly_met_gap"]), "nearly_met", "outside"),
        (interval & (outside <= r["warning_gap"]), "warning", "outside"),
        (interval, "not_met", "outside"),
    ], status, basis)
    gap[interval] = outside[interval]

    # binding limits
    margin = rules["constraint"]["warning_margin"]
    bound = np.where(np.isfinite(limit), limit, target)
    cmax = (direction == "constraint_max") & has_value & np.isfinite(bound)
    cmin = (direction == "constraint_min") & has_value & np.isfinite(bound)
    with np.errstate(invalid="ignore"):
        over = np.where(cmax, (value - bound) / scale(bound), np.where(cmin, (bound - value) / scale(bound), np.nan))
    over = np.round(over, 9)
    constraint = cmax | cmin
    _apply([
        (constraint & (over > 0), "not_met", "limit_broken"),
        (constraint & (over > -margin), "warning", "limit_near"),
        (constraint, "met", "limit_ok"),
    ], status, basis)
    gap[constraint] = over[constraint]

    basis[~has_value] = "no_value"
    status[~has_value] = NOT_ASSESSED
    return pd.DataFrame({"status": status, "basis": basis, "gap": gap}, index=frame.index)


def _apply(choices, status: np.ndarray, basis: np.ndarray) -> None:
    """First matching choice wins, for rows not yet decided by this direction's block."""
    undecided = np.ones(len(status), dtype=bool)
    for condition, name, why in choices:
        hit = condition & undecided
        status[hit] = name
        basis[hit] = why
        undecided &= ~hit
