"""Where to add facilities: greedy maximal coverage of the population still uncovered.

Candidates are network nodes (thinned to one per grid cell) that can reach some uncovered
demand within the threshold, or a user candidate layer projected onto the network. A bounded
Dijkstra from each candidate (in batches) gives a sparse candidate × demand coverage matrix;
the greedy picks, step by step, the candidate that covers the most still-uncovered weight, with
lazy re-evaluation (CELF): a candidate's gain can only shrink, so a stale heap entry is only
recomputed when it reaches the top.
"""

import heapq
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from ..i18n import tr
from .errors import NetworkError
from .graph import RoadGraph
from .lines import ragged_range
from .paths import augmented_matrix, multi_source, same_edge_pairs, source_links, travel
from .snapping import EdgePositions, attach_points

BATCH_ELEMENTS = 10_000_000  # dense Dijkstra output per batch (80 MB of float64)


@dataclass
class SitingResult:
    table: pd.DataFrame  # one row per proposed site, in order of choice
    points: np.ndarray  # shapely Points of the proposed sites
    candidates: int  # how many candidates were evaluated
    rate_before: float


def suggest_sites(graph: RoadGraph, demand: EdgePositions, weights: np.ndarray, covered: np.ndarray,
                  threshold: float, n_sites: int, candidates: np.ndarray = None, target_rate: float = None,
                  spacing: float = None, max_candidates: int = 3000) -> SitingResult:
    """Propose up to ``n_sites`` new sites covering the most uncovered demand weight.

    ``covered``: demand already within the threshold of an existing facility. ``candidates``:
    user points (None: network nodes, one per ``spacing`` grid cell, default threshold/5 in
    metres when walking, 100 m when driving). Stops early at ``target_rate`` (share of all weight).
    """
    weights = np.asarray(weights, dtype=float)
    todo = np.flatnonzero(~np.asarray(covered, dtype=bool) & demand.attached & (weights > 0))
    total = float(weights.sum())
    done = float(weights[np.asarray(covered, dtype=bool)].sum())
    if total <= 0:
        raise NetworkError(tr("Siting needs demand with a positive weight (population)."))
    if candidates is None:
        pos, nodes = None, _node_candidates(graph, demand.subset(todo), threshold, spacing, max_candidates)
        cover = _node_cover(graph, nodes, demand.subset(todo), threshold)
        xy = graph.node_xy[nodes]
    else:
        pos = attach_points(graph, np.asarray(candidates, dtype=object))
        nodes = None
        cover = _point_cover(graph, pos, demand.subset(todo), threshold)
        xy = np.column_stack((shapely.get_x(candidates), shapely.get_y(candidates)))
    picks = greedy_max_cover(cover, weights[todo], n_sites, total, done, target_rate)
    return _result(picks, nodes, xy, total, done, cover.shape[0])


def suggest_sites_for(result, name: str, n_sites: int, candidates: np.ndarray = None,
                      target_rate: float = None, **options) -> SitingResult:
    """``suggest_sites`` for one facility type of a coverage run (its demand, costs and threshold)."""
    cov = result.types.get(name)
    if cov is None or cov.demand_cost is None:
        raise NetworkError(tr("Siting for '{type}' needs a coverage run of that type with demand points "
                              "(population).").format(type=name))
    return suggest_sites(result.graph, result.demand_positions, result.demand.weights,
                         np.isfinite(cov.demand_cost), cov.threshold, n_sites, candidates, target_rate, **options)


def _node_candidates(graph, todo: EdgePositions, threshold, spacing, max_candidates):
    """Nodes that reach some uncovered demand within the threshold, thinned by a grid."""
    reach = multi_source(graph.reversed(), todo, limit=threshold)
    nodes = np.flatnonzero(np.isfinite(reach.node_cost))
    if len(nodes) == 0:
        return nodes
    cell = spacing or (threshold / 5.0 if graph.mode == "walk" else 100.0)
    while True:
        picked = _one_per_cell(graph.node_xy[nodes], cell)
        if len(picked) <= max_candidates:
            return nodes[picked]
        cell *= 1.5


def _one_per_cell(xy, cell):
    ij = np.floor(xy / cell).astype(np.int64)
    centre = (ij + 0.5) * cell
    off = np.hypot(*(xy - centre).T)
    order = np.lexsort((off, ij[:, 1], ij[:, 0]))
    first = np.r_[True, (np.diff(ij[order], axis=0) != 0).any(axis=1)]
    return np.sort(order[first])


def _demand_links(graph, todo: EdgePositions):
    """CSR over nodes: for each node, (demand, cost node→demand incl. its access leg)."""
    e = todo.edge
    access = graph.access_cost(todo.access)
    via_u = access + travel(todo.offset, graph.rate_fwd[e])
    via_v = access + travel(graph.edge_length[e] - todo.offset, graph.rate_bwd[e])
    node = np.concatenate((graph.edge_u[e], graph.edge_v[e]))
    dem = np.tile(np.arange(len(todo)), 2)
    add = np.concatenate((via_u, via_v))
    ok = np.isfinite(add)
    node, dem, add = node[ok], dem[ok], add[ok]
    order = np.argsort(node, kind="stable")
    indptr = np.concatenate(([0], np.cumsum(np.bincount(node, minlength=graph.n_nodes))))
    return indptr, dem[order], add[order]


def _cover_from_rows(dist, rows_offset, links, threshold):
    """(candidate, demand) pairs within threshold from a dense batch of node costs."""
    indptr, dem, add = links
    r, node = np.nonzero(np.isfinite(dist))
    base = dist[r, node]
    count = indptr[node + 1] - indptr[node]
    pick = ragged_range(indptr[node], count)
    cand = np.repeat(r, count) + rows_offset
    cost = np.repeat(base, count) + add[pick]
    ok = cost <= threshold
    return cand[ok], dem[pick][ok]


def _batches(count, n_cols):
    size = max(1, BATCH_ELEMENTS // max(n_cols, 1))
    for start in range(0, count, size):
        yield start, min(count, start + size)


def _node_cover(graph, nodes, todo, threshold):
    links = _demand_links(graph, todo)
    cand, dem = [], []
    for lo, hi in _batches(len(nodes), graph.n_nodes):
        dist = dijkstra(graph.matrix, indices=nodes[lo:hi], limit=threshold)
        c, d = _cover_from_rows(np.atleast_2d(dist), lo, links, threshold)
        cand.append(c)
        dem.append(d)
    return _cover_matrix(cand, dem, len(nodes), len(todo))


def _point_cover(graph, pos: EdgePositions, todo, threshold):
    n = graph.n_nodes
    src, node, cost = source_links(graph, pos)
    used, row = np.unique(src, return_inverse=True)
    matrix = augmented_matrix(graph.matrix, len(used), row.ravel(), node, cost)
    links = _demand_links(graph, todo)
    cand, dem = [], []
    for lo, hi in _batches(len(used), n + len(used)):
        dist = dijkstra(matrix, indices=n + np.arange(lo, hi), limit=threshold)[:, :n]
        c, d = _cover_from_rows(np.atleast_2d(dist), lo, links, threshold)
        cand.append(used[c])
        dem.append(d)
    c, d = _same_edge_pairs(graph, pos, todo, threshold)
    cand.append(c)
    dem.append(d)
    return _cover_matrix(cand, dem, len(pos), len(todo))


def _same_edge_pairs(graph, pos, todo, threshold):
    """Candidate-demand pairs on one edge, reached directly along it."""
    access = np.where(pos.attached, graph.access_cost(pos.access), np.inf)
    dem, cand, cost = same_edge_pairs(graph, pos, access, todo)
    ok = cost + graph.access_cost(todo.access[dem]) <= threshold
    return cand[ok], dem[ok]


def _cover_matrix(cand, dem, n_cand, n_dem):
    cand = np.concatenate(cand) if cand else np.zeros(0, dtype=np.int64)
    dem = np.concatenate(dem) if dem else np.zeros(0, dtype=np.int64)
    matrix = csr_matrix((np.ones(len(cand), dtype=np.int8), (cand, dem)), shape=(n_cand, n_dem))
    matrix.data[:] = 1
    return matrix


def greedy_max_cover(cover: csr_matrix, weights: np.ndarray, n_sites: int, total: float, done: float,
                     target_rate: float = None):
    """Lazy greedy maximal coverage: list of (candidate, gain) in order of choice."""
    left = weights.astype(float).copy()
    heap = [(-g, c) for c, g in enumerate(cover @ left) if g > 0]
    heapq.heapify(heap)
    picks = []
    while heap and len(picks) < n_sites:
        if target_rate is not None and done / total >= target_rate:
            break
        neg, c = heapq.heappop(heap)
        row = cover.indices[cover.indptr[c]:cover.indptr[c + 1]]
        gain = float(left[row].sum())
        if heap and gain < -heap[0][0] - 1e-9:
            if gain > 0:
                heapq.heappush(heap, (-gain, c))
            continue
        if gain <= 0:
            break
        left[row] = 0.0
        done += gain
        picks.append((c, gain, done))
    return picks


def _result(picks, nodes, xy, total, done_before, n_candidates):
    cand = np.array([p[0] for p in picks], dtype=np.int64)
    table = pd.DataFrame({
        "step": np.arange(1, len(picks) + 1),
        "candidate": cand,
        "node": nodes[cand] if nodes is not None else np.full(len(cand), -1),
        "x": xy[cand, 0] if len(cand) else np.zeros(0),
        "y": xy[cand, 1] if len(cand) else np.zeros(0),
        "gain": [p[1] for p in picks],
        "covered": [p[2] for p in picks],
        "rate": [p[2] / total for p in picks],
    })
    return SitingResult(table, shapely.points(table[["x", "y"]].to_numpy()) if len(cand) else np.empty(0, dtype=object),
                        n_candidates, done_before / total)
