"""Coverage of residents and residential land by facility type — three ways, always labelled.

* ``network`` / ``population``: share of demand weight whose network cost (access legs included)
  to the nearest facility is within the type's threshold.
* ``network`` / ``area``: share of residential land inside the network service area (reached
  edges, partial edges included, buffered by ``half_width`` metres).
* ``buffer`` / ``population`` and ``buffer`` / ``area``: the straight-line circle of the same
  radius around each facility, for comparison; ``comparison()`` gives the buffer-vs-network gap.
Rows are grouped by zone level (``all`` plus every level the caller labels) in a long table.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Dict, Mapping, Optional

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from ..i18n import tr
from .area import AreaPartition, build_area_partition, buffer_covered_area, covered_pieces, per_owner
from .demand import Demand, Facilities, Residential
from .errors import NetworkError
from .graph import WALK, RoadGraph
from .paths import Reach, multi_source, point_costs
from .service_area import HALF_WIDTH_M, ReachedEdges, reached_edges
from .snapping import EdgePositions, attach_points, point_xy

ALL_LEVEL = "all"
TABLE_COLUMNS = ("facility_type", "basis", "method", "level", "zone", "covered", "total", "rate",
                 "threshold", "cost_unit")


@dataclass
class TypeCoverage:
    """Everything computed for one facility type."""

    name: str
    threshold: float
    facilities: Facilities
    positions: EdgePositions
    reach: Reach
    reached: ReachedEdges
    demand_cost: Optional[np.ndarray] = None  # inf beyond the threshold
    demand_facility: Optional[np.ndarray] = None  # facility index (owner), -1 when not covered
    demand_buffer: Optional[np.ndarray] = None  # bool: within the straight-line radius
    residential_network: Optional[np.ndarray] = None  # covered m² per residential polygon
    residential_buffer: Optional[np.ndarray] = None


@dataclass
class CoverageResult:
    graph: RoadGraph
    types: Dict[str, TypeCoverage]
    table: pd.DataFrame
    demand: Optional[Demand] = None
    demand_positions: Optional[EdgePositions] = None
    residential: Optional[Residential] = None
    partition: Optional[AreaPartition] = None
    settings: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def comparison(self) -> pd.DataFrame:
        """Network vs straight-line buffer rates side by side, gap = buffer − network (rate points)."""
        return coverage_gap(self.table)


def assess_coverage(graph: RoadGraph, facilities: Mapping[str, Facilities], thresholds: Mapping[str, float],
                    demand: Demand = None, residential: Residential = None, half_width: float = HALF_WIDTH_M,
                    buffer_radius: Mapping[str, float] = None, partition: AreaPartition = None,
                    progress: Callable[[float, str], bool] = None, workers: int = 2) -> CoverageResult:
    """Coverage of ``demand`` and/or ``residential`` land by each facility type.

    ``thresholds``: per type, in the graph's cost unit (metres walking, seconds driving).
    ``buffer_radius``: straight-line radius per type in metres (default: the threshold when
    walking; no buffer comparison when driving unless given). ``progress(fraction, message)``
    may return False to cancel. ``workers``: facility types computed in parallel threads (GEOS,
    numpy and scipy release the GIL); results do not depend on it.
    """
    _check_inputs(facilities, thresholds, demand, residential)
    notes, settings = list(graph.notes), _settings(graph, half_width)
    radius = _buffer_radius(graph, thresholds, buffer_radius)
    step = _progress(progress, len(facilities) + 1)
    step(tr("Attaching demand points to the network"))
    d_pos = attach_points(graph, demand.points) if demand is not None else None
    d_xy = point_xy(demand.points) if demand is not None else None
    if residential is not None and partition is None:
        partition = build_area_partition(graph, residential.polygons, half_width)
    zones = {"demand": _zones(demand, "points", tr("demand points")),
             "residential": _zones(residential, "polygons", tr("residential land"))}
    graph.matrix, graph.edge_tree  # build the shared caches before any thread reads them
    job = partial(_one_type, graph, d_pos=d_pos, d_xy=d_xy, partition=partition, residential=residential)
    types, rows = {}, []
    with ThreadPoolExecutor(max(1, int(workers))) as pool:
        futures = {name: pool.submit(job, name, fac, float(thresholds[name]), radius.get(name))
                   for name, fac in facilities.items()}
        try:
            for name, future in futures.items():
                step(tr("Coverage of {type}").format(type=name))
                cov, type_notes = future.result()
                types[name] = cov
                notes.extend(type_notes)
                rows.extend(_type_rows(graph, cov, demand, partition, radius.get(name), zones))
        except BaseException:
            for future in futures.values():
                future.cancel()
            raise
    table = pd.DataFrame(rows, columns=list(TABLE_COLUMNS)) if rows else pd.DataFrame(columns=list(TABLE_COLUMNS))
    if demand is not None:
        notes.extend(demand.notes)
    return CoverageResult(graph, types, table, demand, d_pos, residential, partition, settings, notes)


def _check_inputs(facilities, thresholds, demand, residential):
    missing = [name for name in facilities if name not in thresholds]
    if missing:
        raise NetworkError(tr("No threshold given for facility type(s): {names}.").format(names=", ".join(missing)))
    if demand is None and residential is None:
        raise NetworkError(tr("Coverage needs demand points (population) or residential land, or both."))


def _zones(items, attribute, what):
    """Zone labels of demand or residential items, checked and factorised once."""
    if items is None:
        return {}
    count = len(getattr(items, attribute))
    for level, labels in (items.zones or {}).items():
        if len(labels) != count:
            raise NetworkError(tr("Zone level '{level}' has {labels} labels for {count} {what}: give one "
                                  "label per item.").format(level=level, labels=len(labels), count=count, what=what))
    return prepare_zones(items.zones)


def _settings(graph, half_width):
    return {"mode": graph.mode, "cost_unit": graph.cost_unit, "half_width_m": half_width,
            "snap_tolerance_m": graph.tolerance, "access_leg": "straight line, counted in the cost",
            "roads": graph.source, "edges": graph.n_edges, "nodes": graph.n_nodes}


def _buffer_radius(graph, thresholds, buffer_radius):
    if buffer_radius is not None:
        return {k: float(v) for k, v in buffer_radius.items()}
    if graph.mode == WALK:
        return {k: float(v) for k, v in thresholds.items()}
    return {}


def _progress(progress, total):
    state = {"done": 0}

    def step(message):
        if progress is not None and progress(state["done"] / max(total, 1), message) is False:
            raise NetworkError(tr("Coverage computation cancelled."))
        state["done"] += 1

    return step


def _one_type(graph, name, fac, threshold, radius, d_pos=None, d_xy=None, partition=None, residential=None):
    notes = []
    positions = attach_points(graph, fac.points)
    if not positions.attached.any():
        notes.append(tr("Facility type '{type}' has no point that could be placed on the network: its "
                        "network coverage is 0.").format(type=name))
    elif not positions.attached.all():
        notes.append(tr("Facility type '{type}': {count} points without geometry were left out.").format(
            type=name, count=int((~positions.attached).sum())))
    reach = multi_source(graph, positions, limit=threshold)
    cov = TypeCoverage(name, threshold, fac, positions, reach, reached_edges(graph, reach))
    if d_pos is not None:
        cost, src = point_costs(graph, reach, d_pos)
        cov.demand_cost = cost
        cov.demand_facility = np.where(src >= 0, fac.owner[np.maximum(src, 0)], -1)
        if radius is not None:
            cov.demand_buffer = within_radius(d_xy, point_xy(fac.points), radius)
    if partition is not None:
        cov.residential_network = per_owner(partition, covered_pieces(partition, graph, cov.reached).area)
        if radius is not None:
            cov.residential_buffer = buffer_covered_area(partition.polygons, fac.points, radius, valid=True)
    return cov, notes


def within_radius(xy: np.ndarray, centers_xy: np.ndarray, radius: float) -> np.ndarray:
    """True where a point lies within straight-line ``radius`` of any centre (KD-tree)."""
    out = np.zeros(len(xy), dtype=bool)
    centers_xy = centers_xy[np.isfinite(centers_xy).all(axis=1)]
    ok = np.isfinite(xy).all(axis=1)
    if len(centers_xy) == 0 or not ok.any():
        return out
    dist, _ = cKDTree(centers_xy).query(xy[ok], distance_upper_bound=radius * (1 + 1e-12) + 1e-9)
    out[ok] = dist <= radius
    return out


def _type_rows(graph, cov, demand, partition, radius, zones):
    rows = []
    common = (cov.threshold, graph.cost_unit)
    if demand is not None:
        covered = np.isfinite(cov.demand_cost)
        rows += _zone_rows(cov.name, "population", "network", demand.weights * covered, demand.weights,
                           zones["demand"], common)
        if cov.demand_buffer is not None:
            rows += _zone_rows(cov.name, "population", "buffer", demand.weights * cov.demand_buffer,
                               demand.weights, zones["demand"], (radius, "m"))
    if partition is not None:
        total = partition.residential_area
        rows += _zone_rows(cov.name, "area", "network", cov.residential_network, total, zones["residential"],
                           common)
        if cov.residential_buffer is not None:
            rows += _zone_rows(cov.name, "area", "buffer", cov.residential_buffer, total, zones["residential"],
                               (radius, "m"))
    return rows


def _zone_rows(name, basis, method, covered, total, zones, threshold_unit):
    rows = []
    for level, zone, c, t in zone_sums(covered, total, zones):
        rate = c / t if t > 0 else np.nan
        rows.append((name, basis, method, level, zone, float(c), float(t), rate) + tuple(threshold_unit))
    return rows


def zone_sums(covered: np.ndarray, total: np.ndarray, zones):
    """(level, zone, covered sum, total sum) for level 'all' and every labelled level (sorted zones).

    ``zones``: {level: labels per item} or the output of ``prepare_zones`` (faster when reused).
    """
    out = [(ALL_LEVEL, ALL_LEVEL, float(np.sum(covered)), float(np.sum(total)))]
    covered = np.asarray(covered, dtype=float)
    total = np.asarray(total, dtype=float)
    for level, (codes, names) in prepare_zones(zones).items():
        ok = codes >= 0
        c = np.bincount(codes[ok], covered[ok], minlength=len(names))
        t = np.bincount(codes[ok], total[ok], minlength=len(names))
        out.extend((level, name, float(ci), float(ti)) for name, ci, ti in zip(names, c, t))
    return out


def prepare_zones(zones) -> Dict[str, tuple]:
    """{level: (integer code per item, -1 when unlabelled; sorted zone names)}."""
    prepared = {}
    for level, value in (zones or {}).items():
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], list):
            prepared[level] = value
            continue
        codes, names = pd.factorize(pd.Series(np.asarray(value, dtype=object)), sort=True)
        prepared[level] = (np.asarray(codes), list(names))
    return prepared


def coverage_gap(table: pd.DataFrame) -> pd.DataFrame:
    """One row per (type, basis, level, zone): network_rate, buffer_rate, gap = buffer − network."""
    keys = ["facility_type", "basis", "level", "zone"]
    wide = table.set_index(keys + ["method"])["rate"].unstack("method")
    wide = wide.rename(columns={"network": "network_rate", "buffer": "buffer_rate"}).reset_index()
    wide.columns.name = None
    if "buffer_rate" in wide and "network_rate" in wide:
        wide["gap"] = wide["buffer_rate"] - wide["network_rate"]
    return wide


def method_label(basis: str, method: str) -> str:
    """A user-facing description of a (basis, method) pair for tables and reports."""
    labels = {
        ("population", "network"): tr("Population within the threshold along the road network"),
        ("population", "buffer"): tr("Population within the straight-line radius"),
        ("area", "network"): tr("Residential land inside the network service area"),
        ("area", "buffer"): tr("Residential land inside the straight-line radius"),
    }
    return labels.get((basis, method), f"{basis}/{method}")
