"""Change, trend and progress of indicator values, vectorised over all indicators.

* trend: ``up`` / ``down`` / ``flat`` (|Δ| within the tolerance) / ``unknown`` (a value missing);
* evaluation given the direction: ``improving`` / ``worsening`` / ``stable`` / ``n/a``
  (for an interval, moving towards the range is improving; for a binding maximum, falling
  is improving; for a binding minimum, rising);
* progress toward a target: the share of time elapsed between the base year and the target
  year against the share of the base -> target distance achieved.
"""

from typing import Dict, Tuple

import numpy as np

from ..i18n import tr


def trend_labels() -> Dict[str, str]:
    return {"up": tr("Rising"), "down": tr("Falling"), "flat": tr("Flat"), "unknown": tr("No comparison")}


def evaluation_labels() -> Dict[str, str]:
    return {"improving": tr("Improving"), "worsening": tr("Worsening"), "stable": tr("Stable"), "n/a": ""}


def trend(earlier: np.ndarray, later: np.ndarray, flat_relative: float = 0.01, flat_absolute: float = 0.0) -> np.ndarray:
    earlier = np.asarray(earlier, dtype=float)
    later = np.asarray(later, dtype=float)
    delta = later - earlier
    tolerance = np.maximum(np.abs(earlier) * flat_relative, flat_absolute)
    out = np.full(len(delta), "unknown", dtype=object)
    known = np.isfinite(delta)
    with np.errstate(invalid="ignore"):
        out[known & (delta > tolerance)] = "up"
        out[known & (delta < -tolerance)] = "down"
        out[known & (np.abs(delta) <= tolerance)] = "flat"
    return out


def _distance_outside(value: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    below = np.where(np.isfinite(lower), lower - value, -np.inf)
    above = np.where(np.isfinite(upper), value - upper, -np.inf)
    return np.maximum(np.maximum(below, above), 0.0)


def evaluation(direction: np.ndarray, trend_ids: np.ndarray, earlier: np.ndarray, later: np.ndarray,
               lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """improving / worsening / stable / n/a for each row."""
    direction = np.asarray(direction, dtype=object)
    trend_ids = np.asarray(trend_ids, dtype=object)
    out = np.full(len(direction), "n/a", dtype=object)
    up, down, flat = trend_ids == "up", trend_ids == "down", trend_ids == "flat"
    good_up = np.isin(direction, ("positive", "constraint_min"))
    good_down = np.isin(direction, ("negative", "constraint_max"))
    out[(good_up & up) | (good_down & down)] = "improving"
    out[(good_up & down) | (good_down & up)] = "worsening"
    out[(good_up | good_down) & flat] = "stable"
    interval = direction == "interval"
    if interval.any():
        with np.errstate(invalid="ignore"):
            before = _distance_outside(np.asarray(earlier, dtype=float), lower, upper)
            after = _distance_outside(np.asarray(later, dtype=float), lower, upper)
        known = interval & ~(trend_ids == "unknown")
        out[known & (after < before)] = "improving"
        out[known & (after > before)] = "worsening"
        out[known & (after == before)] = "stable"
    return out


def progress(base_value: np.ndarray, current_value: np.ndarray, target_value: np.ndarray,
             base_year: np.ndarray, current_year: np.ndarray, target_year: np.ndarray) -> Tuple[np.ndarray, ...]:
    """(time_share, achieved_share, lag_points): NaN where not computable.

    time_share = (current year − base year) / (target year − base year), clipped to [0, 1];
    achieved_share = (current − base) / (target − base) (negative = moved away; > 1 = beyond);
    lag_points = (time_share − achieved_share) × 100.
    """
    base_value = np.asarray(base_value, dtype=float)
    current_value = np.asarray(current_value, dtype=float)
    target_value = np.asarray(target_value, dtype=float)
    span = np.asarray(target_year, dtype=float) - np.asarray(base_year, dtype=float)
    elapsed = np.asarray(current_year, dtype=float) - np.asarray(base_year, dtype=float)
    distance = target_value - base_value
    with np.errstate(divide="ignore", invalid="ignore"):
        time_share = np.where(span > 0, np.clip(elapsed / span, 0.0, 1.0), np.nan)
        achieved = np.where(np.abs(distance) > 0, (current_value - base_value) / distance, np.nan)
    lag = (time_share - achieved) * 100.0
    return time_share, achieved, lag
