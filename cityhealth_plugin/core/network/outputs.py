"""Map and table outputs of a coverage run: service areas, gap map, catchments, life circles."""

from typing import Sequence

import numpy as np
import pandas as pd
import shapely

from ..i18n import tr
from .area import covered_pieces, uncovered_geometry
from .coverage import ALL_LEVEL, CoverageResult, zone_sums
from .errors import NetworkError
from .service_area import reached_lines, service_area_polygon


def _type(result: CoverageResult, name: str):
    try:
        return result.types[name]
    except KeyError:
        raise NetworkError(tr("Facility type '{type}' was not part of this coverage run.").format(type=name)) from None


def service_area(result: CoverageResult, name: str, half_width: float = None):
    """Exact service-area polygon of one type: reached edges (partial ones cut) buffered and unioned."""
    cov = _type(result, name)
    width = result.settings["half_width_m"] if half_width is None else half_width
    return service_area_polygon(result.graph, cov.reached, width)


def service_area_lines(result: CoverageResult, name: str) -> np.ndarray:
    """The reached parts of the network (LineStrings) of one type."""
    return reached_lines(result.graph, _type(result, name).reached)


def uncovered_residential(result: CoverageResult, name: str) -> pd.DataFrame:
    """Gap map: residential land outside the network service area, per residential polygon.

    Columns: ``residential`` (index into the residential input), ``id`` (its feature id),
    ``uncovered_m2``, ``geometry``.
    """
    if result.partition is None:
        raise NetworkError(tr("The gap map needs residential land in the coverage run."))
    covered = covered_pieces(result.partition, result.graph, _type(result, name).reached, geometry=True)
    owners, geoms = uncovered_geometry(result.partition, covered)
    ids = result.residential.ids
    return pd.DataFrame({"residential": owners, "id": ids[owners] if ids is not None else owners,
                         "uncovered_m2": shapely.area(geoms), "geometry": geoms})


def catchments(result: CoverageResult, name: str) -> pd.DataFrame:
    """Demand allocated to its nearest facility by network cost (within the threshold).

    One row per facility: ``facility`` index, ``id``, ``label``, ``demand_points``, ``population``.
    """
    cov = _type(result, name)
    if cov.demand_facility is None:
        raise NetworkError(tr("Catchments need demand points (population) in the coverage run."))
    fac = cov.facilities
    served = cov.demand_facility >= 0
    owner = cov.demand_facility[served]
    count = np.bincount(owner, minlength=fac.n_facilities)
    people = np.bincount(owner, result.demand.weights[served], minlength=fac.n_facilities)
    labels = fac.labels if fac.labels is not None else np.full(fac.n_facilities, "", dtype=object)
    return pd.DataFrame({"facility": np.arange(fac.n_facilities), "id": fac.ids, "label": labels,
                         "demand_points": count, "population": people})


def life_circle(result: CoverageResult, required: Sequence[str]) -> pd.DataFrame:
    """Per demand point: how many of the ``required`` types are within their thresholds, which are missing.

    ``mask`` has bit i set when ``required[i]`` is reached; ``missing`` lists the missing types.
    """
    if result.demand is None:
        raise NetworkError(tr("The life-circle check needs demand points (population) in the coverage run."))
    required = list(required)
    if len(required) > 62:
        raise NetworkError(tr("At most 62 facility types can be checked together."))
    n = len(result.demand.weights)
    mask = np.zeros(n, dtype=np.int64)
    for bit, name in enumerate(required):
        mask |= np.isfinite(_type(result, name).demand_cost).astype(np.int64) << bit
    full = (1 << len(required)) - 1
    missing = missing_names(mask, required)
    within = _popcount(mask)
    return pd.DataFrame({"within": within, "required": len(required), "complete": mask == full,
                         "mask": mask, "missing": missing})


def missing_names(mask: np.ndarray, names: Sequence[str], sep: str = ", ") -> np.ndarray:
    """The names whose bit is NOT set, joined — computed once per distinct mask."""
    uniq, inverse = np.unique(mask, return_inverse=True)
    text = np.array([sep.join(n for i, n in enumerate(names) if not (int(m) >> i) & 1) for m in uniq], dtype=object)
    return text[inverse.ravel()]


def _popcount(mask):
    count = np.zeros(len(mask), dtype=np.int64)
    value = mask.copy()
    while value.any():
        count += value & 1
        value >>= 1
    return count


def life_circle_table(result: CoverageResult, required: Sequence[str]) -> pd.DataFrame:
    """Share of demand weight with every required type within its threshold, per zone."""
    frame = life_circle(result, required)
    weights = result.demand.weights
    rows = [(level, zone, c, t, c / t if t > 0 else np.nan)
            for level, zone, c, t in zone_sums(weights * frame["complete"].to_numpy(), weights, result.demand.zones)]
    return pd.DataFrame(rows, columns=["level", "zone", "covered", "total", "rate"])


__all__ = ["service_area", "service_area_lines", "uncovered_residential", "catchments", "life_circle",
           "life_circle_table", "missing_names", "ALL_LEVEL"]
