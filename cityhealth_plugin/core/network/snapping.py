"""Attach points (facilities, residents, candidates) to the nearest position ON an edge.

Each point is projected onto its nearest edge (``STRtree.query_nearest`` + ``line_locate_point``,
vectorised). The straight access leg point → projected position counts in every distance; the
position splits the edge into two partial lengths, ``offset`` from ``u`` and ``length - offset``
from ``v``.
"""

from dataclasses import dataclass

import numpy as np
import shapely

from .graph import RoadGraph


@dataclass
class EdgePositions:
    """Where points sit on the graph. ``edge`` is -1 for points that could not be attached."""

    edge: np.ndarray  # int64
    offset: np.ndarray  # metres from the edge's u end
    access: np.ndarray  # straight access leg, metres (inf when not attached)

    def __len__(self) -> int:
        return len(self.edge)

    @property
    def attached(self) -> np.ndarray:
        return self.edge >= 0

    def subset(self, index) -> "EdgePositions":
        return EdgePositions(self.edge[index], self.offset[index], self.access[index])

    def xy(self, graph: RoadGraph) -> np.ndarray:
        """Projected positions (n, 2); NaN for points not attached."""
        out = np.full((len(self), 2), np.nan)
        ok = self.attached
        out[ok] = shapely.get_coordinates(shapely.line_interpolate_point(graph.edge_geom[self.edge[ok]],
                                                                          self.offset[ok]))
        return out


def attach_points(graph: RoadGraph, points: np.ndarray, max_distance: float = None) -> EdgePositions:
    """Project every point onto its nearest edge (optionally only within ``max_distance`` metres).

    Empty or missing points, and points farther than ``max_distance``, get ``edge = -1``.
    """
    points = np.asarray(points, dtype=object)
    n = len(points)
    edge = np.full(n, -1, dtype=np.int64)
    offset = np.zeros(n)
    access = np.full(n, np.inf)
    valid = np.flatnonzero(~(shapely.is_missing(points) | shapely.is_empty(points)))
    if len(valid) == 0 or graph.n_edges == 0:
        return EdgePositions(edge, offset, access)
    rows, t, dist = nearest_edges(graph, points[valid], max_distance)
    rows = valid[rows]
    edge[rows] = t
    access[rows] = dist
    offset[rows] = shapely.line_locate_point(graph.edge_geom[t], points[rows])
    return EdgePositions(edge, np.clip(offset, 0.0, np.where(edge >= 0, graph.edge_length[edge], 0.0)), access)


def nearest_edges(graph: RoadGraph, points: np.ndarray, max_distance: float = None, first_radius: float = 30.0):
    """(point index, nearest edge, distance); ties go to the lowest edge index.

    A ``dwithin`` query with exact distances settles most points (cheaper than a nearest-neighbour
    search per point); the rest fall back to ``STRtree.query_nearest``.
    """
    radius = first_radius if max_distance is None else min(first_radius, max_distance)
    q, t = graph.edge_tree.query(points, predicate="dwithin", distance=radius)
    d = shapely.distance(points[q], graph.edge_geom[t])
    first = _first_per_group(q, d, t)
    found = np.zeros(len(points), dtype=bool)
    found[q[first]] = True
    rows, edges, dist = [q[first]], [t[first]], [d[first]]
    rest = np.flatnonzero(~found)
    if len(rest) and (max_distance is None or max_distance > radius):
        (rq, rt), rd = graph.edge_tree.query_nearest(points[rest], max_distance=max_distance,
                                                     return_distance=True, all_matches=True)
        pick = _first_per_group(rq, rd, rt)
        rows.append(rest[rq[pick]])
        edges.append(rt[pick])
        dist.append(rd[pick])
    return np.concatenate(rows), np.concatenate(edges).astype(np.int64), np.concatenate(dist)


def _first_per_group(group, distance, edge):
    """Index of the smallest (distance, edge) within each group."""
    if len(group) == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((edge, distance, group))
    return order[np.r_[True, group[order][1:] != group[order][:-1]]]


def point_xy(points: np.ndarray) -> np.ndarray:
    """Coordinates (n, 2) of point geometries; NaN for empty ones."""
    points = np.asarray(points, dtype=object)
    out = np.full((len(points), 2), np.nan)
    ok = ~(shapely.is_missing(points) | shapely.is_empty(points))
    out[ok] = shapely.get_coordinates(points[ok])[:, :2]
    return out
