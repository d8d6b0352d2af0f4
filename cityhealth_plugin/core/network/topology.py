"""Topology report of a road graph: connected components, dangles, points far from any road."""

from dataclasses import dataclass, field
from typing import Dict, Mapping

import numpy as np
import pandas as pd
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .graph import RoadGraph
from .snapping import nearest_edges


@dataclass
class TopologyReport:
    components: pd.DataFrame  # component, edges, nodes, length_m, share — largest first
    edge_component: np.ndarray  # component of each edge (0 = largest by length)
    dangles: np.ndarray  # node ids of degree 1
    dangle_points: np.ndarray  # shapely Points
    far_points: Dict[str, pd.DataFrame] = field(default_factory=dict)  # name -> index, distance_m

    @property
    def n_components(self) -> int:
        return len(self.components)

    @property
    def largest_length(self) -> float:
        return float(self.components["length_m"].iloc[0]) if len(self.components) else 0.0

    @property
    def largest_share(self) -> float:
        return float(self.components["share"].iloc[0]) if len(self.components) else 0.0


def topology_report(graph: RoadGraph, points: Mapping[str, np.ndarray] = None,
                    max_distance: float = 200.0) -> TopologyReport:
    """Components (weakly connected, ranked by road length), dangles and far points.

    ``points``: named point arrays (facilities, residents); those farther than ``max_distance``
    metres from every road of the graph are listed with their distance.
    """
    components, edge_component = _components(graph)
    dangles = np.flatnonzero(node_degree(graph) == 1)
    far = {name: far_from_roads(graph, pts, max_distance) for name, pts in (points or {}).items()}
    return TopologyReport(components, edge_component, dangles, shapely.points(graph.node_xy[dangles]), far)


def node_degree(graph: RoadGraph) -> np.ndarray:
    """Number of edge ends at each node (a loop counts twice)."""
    return np.bincount(np.concatenate((graph.edge_u, graph.edge_v)), minlength=graph.n_nodes)


def _components(graph):
    n = graph.n_nodes
    adj = coo_matrix((np.ones(graph.n_edges, dtype=np.int8), (graph.edge_u, graph.edge_v)), shape=(n, n))
    count, label = connected_components(adj, directed=False)
    comp = label[graph.edge_u]
    length = np.bincount(comp, graph.edge_length, minlength=count)
    edges = np.bincount(comp, minlength=count)
    nodes = np.bincount(label, minlength=count)
    rank = np.lexsort((np.arange(count), -length))
    renumber = np.empty(count, dtype=np.int64)
    renumber[rank] = np.arange(count)
    total = length.sum()
    table = pd.DataFrame({"component": np.arange(count), "edges": edges[rank], "nodes": nodes[rank],
                          "length_m": length[rank], "share": length[rank] / total if total > 0 else np.nan})
    table = table[table["edges"] > 0].reset_index(drop=True)
    return table, renumber[comp]


def far_from_roads(graph: RoadGraph, points: np.ndarray, max_distance: float) -> pd.DataFrame:
    """Points farther than ``max_distance`` from every edge: index and distance (inf when empty)."""
    points = np.asarray(points, dtype=object)
    dist = np.full(len(points), np.inf)
    ok = np.flatnonzero(~(shapely.is_missing(points) | shapely.is_empty(points)))
    if len(ok) and graph.n_edges:
        rows, _, d = nearest_edges(graph, points[ok], first_radius=min(50.0, max_distance))
        dist[ok[rows]] = d
    far = np.flatnonzero(dist > max_distance)
    return pd.DataFrame({"index": far, "distance_m": dist[far]})
