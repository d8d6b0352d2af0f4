"""Exact network service areas: the reached parts of edges, partial edges included.

For an edge (u, v) of length L whose ends cost du and dv, the part reached from u is
[0, (T − du) / rate] and from v [L − (T − dv) / rate, L] (rate = cost per metre; 1 when
walking); a source lying on the edge reaches (T − access) / rate either way from its position.
Intervals are merged per edge; an edge is *full* when they cover [0, L]. The polygon is the
union of the reached pieces buffered by a walking half-width — never a convex or concave hull.
"""

from dataclasses import dataclass

import numpy as np
import shapely

from .graph import RoadGraph
from .lines import cut_lines, grouped_union
from .paths import Reach

HALF_WIDTH_M = 50.0  # default walking half-width of the service-area polygon (state it in results)
QUAD_SEGS = 8  # arcs as 32-gons: at most 0.2 m off a true circle of 50 m radius
EPS = 1e-6


@dataclass
class ReachedEdges:
    """Merged reached intervals (metres from each edge's u end) and per-edge flags."""

    edge: np.ndarray
    start: np.ndarray
    end: np.ndarray
    full: np.ndarray  # bool per graph edge: the whole edge is reached
    any: np.ndarray  # bool per graph edge: some part is reached

    def __len__(self) -> int:
        return len(self.edge)


def reached_edges(graph: RoadGraph, reach: Reach, limit: float = None) -> ReachedEdges:
    """The reached intervals of every edge within ``limit`` (default: the reach's limit)."""
    limit = reach.limit if limit is None else limit
    edge, start, end = _node_intervals(graph, reach.node_cost, limit)
    s_edge, s_start, s_end = _source_intervals(graph, reach, limit)
    edge = np.concatenate((edge, s_edge))
    start = np.concatenate((start, s_start))
    end = np.concatenate((end, s_end))
    keep = end - start > EPS
    return merge_intervals(graph, edge[keep], start[keep], end[keep])


def _node_intervals(graph, node_cost, limit):
    length = graph.edge_length
    with np.errstate(invalid="ignore"):
        from_u = (limit - node_cost[graph.edge_u]) / graph.rate_fwd
        from_v = (limit - node_cost[graph.edge_v]) / graph.rate_bwd
    ok_u = np.flatnonzero(np.nan_to_num(from_u, nan=-1.0) >= 0)
    ok_v = np.flatnonzero(np.nan_to_num(from_v, nan=-1.0) >= 0)
    edge = np.concatenate((ok_u, ok_v))
    start = np.concatenate((np.zeros(len(ok_u)), np.maximum(length[ok_v] - from_v[ok_v], 0.0)))
    end = np.concatenate((np.minimum(from_u[ok_u], length[ok_u]), length[ok_v]))
    return edge, start, end


def _source_intervals(graph, reach, limit):
    src = reach.sources
    idx = np.flatnonzero(src.attached & (reach.source_cost <= limit))
    e = src.edge[idx]
    budget = limit - reach.source_cost[idx]
    with np.errstate(invalid="ignore"):
        ahead = np.where(np.isfinite(graph.rate_fwd[e]), budget / graph.rate_fwd[e], 0.0)
        behind = np.where(np.isfinite(graph.rate_bwd[e]), budget / graph.rate_bwd[e], 0.0)
    start = np.maximum(src.offset[idx] - behind, 0.0)
    end = np.minimum(src.offset[idx] + ahead, graph.edge_length[e])
    return e, start, end


def merge_intervals(graph: RoadGraph, edge, start, end) -> ReachedEdges:
    """Union of intervals per edge, with full / any flags."""
    n_edges = graph.n_edges
    full = np.zeros(n_edges, dtype=bool)
    anything = np.zeros(n_edges, dtype=bool)
    if len(edge) == 0:
        empty = np.zeros(0)
        return ReachedEdges(np.zeros(0, dtype=np.int64), empty, empty, full, anything)
    order = np.lexsort((start, edge))
    edge, start, end = edge[order], start[order], end[order]
    span = float(graph.edge_length.max()) + 1.0
    running = np.maximum.accumulate(end + edge * span) - edge * span
    new = np.r_[True, (edge[1:] != edge[:-1]) | (start[1:] > running[:-1] + EPS)]
    first = np.flatnonzero(new)
    last = np.r_[first[1:], len(edge)] - 1
    m_edge, m_start, m_end = edge[first], start[first], running[last]
    anything[m_edge] = True
    whole = (m_start <= EPS) & (m_end >= graph.edge_length[m_edge] - EPS)
    full[m_edge[whole]] = True
    return ReachedEdges(m_edge, m_start, np.minimum(m_end, graph.edge_length[m_edge]), full, anything)


def reached_lines(graph: RoadGraph, reached: ReachedEdges) -> np.ndarray:
    """Geometry of every reached interval: whole edges as they are, partial ones cut out."""
    whole = reached.full[reached.edge]
    out = np.empty(len(reached), dtype=object)
    out[whole] = graph.edge_geom[reached.edge[whole]]
    part = ~whole
    out[part] = cut_lines(graph.edge_geom, reached.edge[part], reached.start[part], reached.end[part])
    return out


def service_area_polygon(graph: RoadGraph, reached: ReachedEdges, half_width: float = HALF_WIDTH_M,
                         quad_segs: int = QUAD_SEGS, tile: float = 1000.0):
    """Union of the reached lines buffered by ``half_width`` metres (one (Multi)Polygon).

    Buffers are unioned per ``tile`` (metres) first, then the tiles, which keeps each GEOS
    union small.
    """
    lines = reached_lines(graph, reached)
    if len(lines) == 0:
        return shapely.Polygon()
    buffers = shapely.buffer(lines, half_width, quad_segs=quad_segs)
    mid = shapely.get_coordinates(shapely.line_interpolate_point(lines, 0.5, normalized=True))
    cell = np.floor(mid / tile).astype(np.int64)
    key = (cell[:, 0] - cell[:, 0].min()) * (int(cell[:, 1].max() - cell[:, 1].min()) + 1) + cell[:, 1] - cell[:, 1].min()
    _, parts = grouped_union(buffers, key)
    return shapely.union_all(parts)
