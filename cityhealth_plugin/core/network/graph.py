"""A routable graph from any line layer: ``build_graph(roads) -> RoadGraph``.

Edges keep their geometry (oriented from node ``u`` to node ``v``), length in metres and a cost
in each direction: metres for walking, seconds for driving; ``inf`` where the direction is
closed (one-way streets when driving). ``matrix`` is the scipy CSR matrix of the cheapest edge
between each ordered node pair, ready for ``scipy.sparse.csgraph``.
"""

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import shapely
from scipy.sparse import csr_matrix

from ..i18n import tr
from ..layer_data import LayerData
from .classes import RoadRules, road_attributes
from .errors import NetworkError
from .lines import explode_lines, set_endpoints
from .noding import snap_ends, split_lines

WALK, DRIVE = "walk", "drive"
GEOGRAPHIC = ("EPSG:4326", "EPSG:4490", "EPSG:4214", "EPSG:4610", "EPSG:4555", "EPSG:4759")


@dataclass
class RoadGraph:
    mode: str
    node_xy: np.ndarray  # (n, 2) float
    edge_u: np.ndarray  # int64
    edge_v: np.ndarray
    edge_geom: np.ndarray  # shapely LineStrings from u to v
    edge_length: np.ndarray  # metres
    edge_cost_fwd: np.ndarray  # u -> v cost (m or s); inf when closed
    edge_cost_bwd: np.ndarray  # v -> u
    edge_level: np.ndarray  # int16 (CC)
    edge_feature: np.ndarray  # row of the roads layer each edge came from
    tolerance: float
    access_speed_kmh: float
    crs: str = ""
    source: str = ""
    notes: list = field(default_factory=list)

    @property
    def n_nodes(self) -> int:
        return len(self.node_xy)

    @property
    def n_edges(self) -> int:
        return len(self.edge_u)

    @property
    def cost_unit(self) -> str:
        return "m" if self.mode == WALK else "s"

    @cached_property
    def matrix(self) -> csr_matrix:
        return directed_matrix(self.edge_u, self.edge_v, self.edge_cost_fwd, self.edge_cost_bwd, self.n_nodes)

    @cached_property
    def edge_tree(self) -> shapely.STRtree:
        return shapely.STRtree(self.edge_geom)

    @cached_property
    def rate_fwd(self) -> np.ndarray:
        """Cost per metre along u -> v (inf when closed)."""
        return self.edge_cost_fwd / self.edge_length

    @cached_property
    def rate_bwd(self) -> np.ndarray:
        return self.edge_cost_bwd / self.edge_length

    def reversed(self) -> "RoadGraph":
        """The same network with every direction reversed (for searches towards a set of points)."""
        return RoadGraph(self.mode, self.node_xy, self.edge_u, self.edge_v, self.edge_geom, self.edge_length,
                         self.edge_cost_bwd, self.edge_cost_fwd, self.edge_level, self.edge_feature,
                         self.tolerance, self.access_speed_kmh, self.crs, self.source, list(self.notes))

    def access_cost(self, metres: np.ndarray) -> np.ndarray:
        """Cost of the straight access leg: metres when walking, seconds at walking speed when driving."""
        metres = np.asarray(metres, dtype=float)
        return metres if self.mode == WALK else metres / (self.access_speed_kmh / 3.6)


def directed_matrix(u, v, cost_fwd, cost_bwd, n_nodes: int) -> csr_matrix:
    """CSR matrix with the cheapest finite cost per ordered pair; self-loops dropped."""
    rows = np.concatenate((u, v))
    cols = np.concatenate((v, u))
    cost = np.concatenate((cost_fwd, cost_bwd))
    keep = np.isfinite(cost) & (rows != cols)
    rows, cols, cost = rows[keep], cols[keep], cost[keep]
    order = np.lexsort((cost, cols, rows))
    rows, cols, cost = rows[order], cols[order], cost[order]
    first = np.r_[True, (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])]
    return sorted_csr(rows[first], cols[first], cost[first], n_nodes, n_nodes)


def sorted_csr(rows, cols, data, n_rows, n_cols) -> csr_matrix:
    """CSR from entries sorted by row, built directly so that explicit zero costs stay edges."""
    indptr = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=n_rows))))
    return csr_matrix((np.asarray(data, dtype=float), np.asarray(cols, dtype=np.int32), indptr),
                      shape=(n_rows, n_cols))


def check_metric_crs(layer: LayerData) -> None:
    crs = (layer.crs or "").strip()
    geographic = crs.upper() in GEOGRAPHIC or (crs.upper().startswith(("GEOGCS", "GEOGCRS"))
                                               and "PROJCS" not in crs.upper() and "PROJCRS" not in crs.upper())
    if geographic:
        raise NetworkError(tr(
            "Layer '{layer}' is in a geographic CRS ({crs}); network distances need metres. "
            "Reproject it to a projected CRS such as CGCS2000 / 3-degree Gauss-Kruger (e.g. EPSG:4548)."
        ).format(layer=layer.name, crs=crs))


@dataclass
class NodedRoads:
    """Road lines split at same-level crossings and T-junctions and snapped into nodes — done once for
    every travel mode: a mode's graph keeps the pieces of its own roads. Where another mode's road meets
    one (a footpath on a street) the street just has an extra node there, which changes no distance."""

    rows: np.ndarray  # the road rows noded (sorted)
    feature: np.ndarray  # road row of each piece
    u: np.ndarray
    v: np.ndarray
    node_xy: np.ndarray
    geom: np.ndarray  # pieces, their ends moved onto their nodes
    tolerance: float
    split_crossings: bool


def node_roads(roads: LayerData, rows: np.ndarray, levels: np.ndarray, tolerance: float = 0.5,
               split_crossings: bool = True) -> NodedRoads:
    """Split and snap the road ``rows`` (``levels``: CC of every road row)."""
    rows = np.unique(np.asarray(rows, dtype=np.int64))
    parts, owner = explode_lines(roads.geometries[rows])
    feature = rows[owner]
    if len(parts) == 0:
        none = np.zeros(0, dtype=np.int64)
        return NodedRoads(rows, none, none, none, np.zeros((0, 2)), parts, tolerance, split_crossings)
    parts, src = split_lines(parts, levels[feature], tolerance, crossings=split_crossings)
    feature = feature[src]
    u, v, node_xy = snap_ends(parts, levels[feature], tolerance)
    geom = set_endpoints(parts, node_xy[u], node_xy[v])
    return NodedRoads(rows, feature, u, v, node_xy, geom, tolerance, split_crossings)


def build_graph(roads: LayerData, mode: str = WALK, rules: RoadRules = None, tolerance: float = 0.5,
                split_crossings: bool = True, noded: NodedRoads = None) -> RoadGraph:
    """Routable graph of the roads usable in ``mode`` ('walk' or 'drive').

    ``tolerance`` (metres): line ends closer than this become one node, and a line end this
    close to another line's interior splits it (T-junction). ``split_crossings``: split lines
    where they cross on the same level (CC); set it False when the data is already split at
    every junction and crossings without a junction are over/underpasses. ``noded``: the roads
    already split and snapped for several modes (``node_roads``); used when it holds every road of
    this mode with the same tolerance and crossing rule.
    """
    if mode not in (WALK, DRIVE):
        raise NetworkError(tr("Unknown travel mode '{mode}': use 'walk' or 'drive'.").format(mode=mode))
    rules = rules or RoadRules()
    check_metric_crs(roads)
    attrs = road_attributes(roads, mode, rules)
    rows = np.flatnonzero(attrs.allowed)
    usable = noded is not None and noded.tolerance == tolerance and noded.split_crossings == split_crossings \
        and bool(np.isin(rows, noded.rows).all())
    if not usable:
        noded = node_roads(roads, rows, attrs.level, tolerance, split_crossings)
    own = attrs.allowed[noded.feature]
    if not own.any():
        if len(explode_lines(roads.geometries)[0]) == 0:
            raise NetworkError(tr("Roads layer '{layer}' has no line geometry: choose the road centre-line "
                                  "layer.").format(layer=roads.name))
        raise NetworkError(tr("Roads layer '{layer}' has no line usable for {mode}: check the road "
                              "classes (DJ) and the walkable field (BX).").format(
            layer=roads.name, mode=tr("walking") if mode == WALK else tr("driving")))
    u, v, geom, feature = noded.u[own], noded.v[own], noded.geom[own], noded.feature[own]
    length = shapely.length(geom)
    keep = (length > 0) & ((u != v) | (length > 2 * tolerance))
    u, v, geom, length, feature = u[keep], v[keep], geom[keep], length[keep], feature[keep]
    u, v, node_xy = _compact_nodes(u, v, noded.node_xy)
    cost_fwd, cost_bwd = _costs(mode, length, attrs.oneway[feature], attrs.speed_kmh[feature])
    graph = RoadGraph(mode, node_xy, u, v, geom, length, cost_fwd, cost_bwd, attrs.level[feature].copy(),
                      feature, tolerance, rules.access_speed_kmh, roads.crs, roads.name, list(attrs.notes))
    return graph


def _compact_nodes(u, v, node_xy):
    used, inverse = np.unique(np.concatenate((u, v)), return_inverse=True)
    half = len(u)
    return inverse[:half].astype(np.int64), inverse[half:].astype(np.int64), node_xy[used]


def _costs(mode, length, oneway, speed_kmh):
    if mode == WALK:
        return length.copy(), length.copy()
    seconds = length / (speed_kmh / 3.6)
    fwd = np.where(oneway >= 0, seconds, np.inf)
    bwd = np.where(oneway <= 0, seconds, np.inf)
    return fwd, bwd
