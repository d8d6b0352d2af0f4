"""Multi-source shortest paths from points on edges: one Dijkstra per facility type.

Every source (a facility projected onto an edge) becomes a virtual node with two links: to
the edge's ``u`` (access leg + offset, if the edge may be travelled v→u) and to ``v`` (access
leg + length − offset, if u→v is open). One ``scipy.sparse.csgraph.dijkstra`` call with
``min_only=True`` and ``limit`` gives every node its cost from the nearest source and which
source that is. Costs run from the source to the node (for one-way streets: the direction a
fire engine drives).
"""

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from .graph import RoadGraph
from .lines import ragged_range
from .snapping import EdgePositions


def travel(distance, rate):
    """Cost of ``distance`` metres at ``rate`` cost/metre; zero distance is free even on a closed direction."""
    distance = np.asarray(distance, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.where(distance <= 0, 0.0, distance * rate)


@dataclass
class Reach:
    """Cost from the nearest source to every node (inf beyond ``limit``) and that source's index."""

    node_cost: np.ndarray
    node_source: np.ndarray  # index into the sources, -1 when not reached
    limit: float
    sources: EdgePositions
    source_cost: np.ndarray  # access cost of each source (inf when not attached)


def source_links(graph: RoadGraph, sources: EdgePositions):
    """(source index, node, cost) of the links from each attached source to its edge's ends."""
    idx = np.flatnonzero(sources.attached)
    e = sources.edge[idx]
    access = graph.access_cost(sources.access[idx])
    to_u = access + travel(sources.offset[idx], graph.rate_bwd[e])
    to_v = access + travel(graph.edge_length[e] - sources.offset[idx], graph.rate_fwd[e])
    src = np.concatenate((idx, idx))
    node = np.concatenate((graph.edge_u[e], graph.edge_v[e]))
    cost = np.concatenate((to_u, to_v))
    keep = np.isfinite(cost)
    return src[keep], node[keep], cost[keep]


def augmented_matrix(base: csr_matrix, n_virtual: int, virtual_row, node, cost) -> csr_matrix:
    """``base`` plus ``n_virtual`` extra rows (virtual nodes with outgoing links only)."""
    n = base.shape[0]
    order = np.lexsort((node, virtual_row))
    virtual_row, node, cost = virtual_row[order], node[order], cost[order]  # explicit zeros stay edges
    counts = np.bincount(virtual_row, minlength=n_virtual)
    indptr = np.concatenate((base.indptr, base.nnz + np.cumsum(counts)))
    data = np.concatenate((base.data, cost))
    indices = np.concatenate((base.indices, node)).astype(base.indices.dtype)
    size = n + n_virtual
    return csr_matrix((data, indices, indptr), shape=(size, size))


def multi_source(graph: RoadGraph, sources: EdgePositions, limit: float = np.inf) -> Reach:
    """Cost from the nearest source to every node, searching no farther than ``limit``."""
    n = graph.n_nodes
    access_cost = np.where(sources.attached, graph.access_cost(sources.access), np.inf)
    src, node, cost = source_links(graph, sources)
    if len(src) == 0:
        return Reach(np.full(n, np.inf), np.full(n, -1), limit, sources, access_cost)
    used, virtual_row = np.unique(src, return_inverse=True)
    matrix = augmented_matrix(graph.matrix, len(used), virtual_row.ravel(), node, cost)
    dist, _, origin = dijkstra(matrix, indices=n + np.arange(len(used)), min_only=True,
                               return_predecessors=True, limit=limit)
    node_cost = dist[:n]
    origin = origin[:n]
    reached = np.isfinite(node_cost) & (origin >= n)
    node_source = np.full(n, -1, dtype=np.int64)
    node_source[reached] = used[origin[reached] - n]
    node_cost = np.where(reached, node_cost, np.inf)
    return Reach(node_cost, node_source, limit, sources, access_cost)


def point_costs(graph: RoadGraph, reach: Reach, targets: EdgePositions):
    """Cost from the nearest source to each target point (its access leg included) and that source.

    Targets on the same edge as a source also get the direct path along the edge. Costs above
    the reach's ``limit`` are returned as inf (they may not be the shortest).
    """
    n = len(targets)
    cost = np.full(n, np.inf)
    source = np.full(n, -1, dtype=np.int64)
    ok = np.flatnonzero(targets.attached)
    e = targets.edge[ok]
    q = targets.offset[ok]
    via_u = reach.node_cost[graph.edge_u[e]] + travel(q, graph.rate_fwd[e])
    via_v = reach.node_cost[graph.edge_v[e]] + travel(graph.edge_length[e] - q, graph.rate_bwd[e])
    best = np.minimum(via_u, via_v)
    best_src = np.where(via_u <= via_v, reach.node_source[graph.edge_u[e]], reach.node_source[graph.edge_v[e]])
    direct, direct_src = same_edge_costs(graph, reach.sources, reach.source_cost, targets.subset(ok))
    better = direct < best
    best = np.where(better, direct, best)
    best_src = np.where(better, direct_src, best_src)
    best = best + graph.access_cost(targets.access[ok])
    within = best <= reach.limit
    cost[ok[within]] = best[within]
    source[ok[within]] = best_src[within]
    return cost, source


def same_edge_pairs(graph: RoadGraph, sources: EdgePositions, source_cost, targets: EdgePositions):
    """(target, source, cost) for every source on the same edge as a target, along that edge only."""
    empty = np.zeros(0, dtype=np.int64)
    s_idx = np.flatnonzero(sources.attached)
    if len(s_idx) == 0 or len(targets) == 0:
        return empty, empty, np.zeros(0)
    order = s_idx[np.argsort(sources.edge[s_idx], kind="stable")]
    s_edge = sources.edge[order]
    lo = np.searchsorted(s_edge, targets.edge, side="left")
    hi = np.searchsorted(s_edge, targets.edge, side="right")
    count = np.where(targets.edge >= 0, hi - lo, 0)
    t = np.repeat(np.arange(len(targets)), count)
    s = order[ragged_range(lo, count)]
    e = targets.edge[t]
    delta = targets.offset[t] - sources.offset[s]
    along = np.where(delta >= 0, travel(delta, graph.rate_fwd[e]), travel(-delta, graph.rate_bwd[e]))
    return t, s, source_cost[s] + along


def same_edge_costs(graph: RoadGraph, sources: EdgePositions, source_cost, targets: EdgePositions):
    """Cheapest direct path along a shared edge from a source to each target (inf if none)."""
    n = len(targets)
    best = np.full(n, np.inf)
    best_src = np.full(n, -1, dtype=np.int64)
    t, s, total = same_edge_pairs(graph, sources, source_cost, targets)
    if len(t) == 0:
        return best, best_src
    pick = np.lexsort((s, total, t))
    first = np.r_[True, t[pick][1:] != t[pick][:-1]]
    rows = pick[first]
    best[t[rows]] = total[rows]
    best_src[t[rows]] = s[rows]
    return best, best_src
