"""Which lattice edges are streets, rural roads or rivers (per year), and how wide they are.

Streets run on every edge of a built block; their class follows the lattice line index
(arterials every ~1.1 km, collectors every ~550 m). Rural trunk and county roads join the
town centres along least-cost lattice paths (a minimum spanning tree plus a few loops), and
village roads join every village to the nearest road. Rivers follow their named courses.
"""

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra, minimum_spanning_tree
from scipy.spatial import cKDTree

from . import places
from . import zoning as Z
from .lattice import Lattice
from .projection import lonlat_to_4548

HIGHWAY, EXPRESS, ARTERIAL, COLLECTOR, LOCAL, LANE, PATH = range(1, 8)
DJ_NAMES = {HIGHWAY: "高速公路", EXPRESS: "快速路", ARTERIAL: "主干路", COLLECTOR: "次干路", LOCAL: "支路",
            LANE: "街巷", PATH: "步行道"}
SPEED = {HIGHWAY: 100.0, EXPRESS: 80.0, ARTERIAL: 60.0, COLLECTOR: 40.0, LOCAL: 30.0, LANE: 15.0, PATH: 5.0}
STREET_HALF_WIDTH = {ARTERIAL: 18.0, COLLECTOR: 12.0, LOCAL: 7.0}
VILLAGE_HALF_WIDTH = 4.0
RURAL_HALF_WIDTH = {ARTERIAL: 9.0, COLLECTOR: 5.5, LOCAL: 2.5}  # 1003, 1003, 1006


@dataclass
class EdgeNetwork:
    street: dict  # year -> (n_edges,) street class (0 none)
    village_street: dict  # year -> (n_edges,) True where only villages border the street
    rural: np.ndarray  # (n_edges,) rural road class (0 none), both years
    river: np.ndarray  # (n_edges,) river half width (0 none)
    river_name: np.ndarray
    edge_cells: np.ndarray  # (n_edges, 2)


def _street_classes(lattice: Lattice, zone: np.ndarray, edge_cells: np.ndarray, river: np.ndarray):
    side_zone = np.where(edge_cells >= 0, zone[np.maximum(edge_cells, 0)], 0)
    street_side = np.isin(side_zone, Z.STREET_ZONES)
    is_street = street_side.any(axis=1) & (river == 0)
    village_only = is_street & ~(street_side & (side_zone != Z.VILLAGE)).any(axis=1)
    orient, line, _ = lattice.edge_line(np.arange(lattice.n_edges))
    s = lattice.spacing
    every_a = max(2, int(round(1100.0 / s)))
    every_c = max(1, int(round(550.0 / s)))
    cls = np.where(line % every_a == 0, ARTERIAL, np.where(line % every_c == 0, COLLECTOR, LOCAL))
    cls = np.where(village_only, LOCAL, cls)
    return np.where(is_street, cls, 0), village_only


def _edge_ids(lattice: Lattice, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    ny = lattice.ny
    ia, ja, ib, jb = a // (ny + 1), a % (ny + 1), b // (ny + 1), b % (ny + 1)
    vertical = ia == ib
    return np.where(vertical, lattice.n_h + ia * ny + np.minimum(ja, jb), np.minimum(ia, ib) * (ny + 1) + ja)


def _cost_graph(lattice: Lattice, zoning, edge_cells: np.ndarray, rng: np.random.Generator):
    zone = zoning.zone2020
    cost_by_zone = np.full(20, np.inf)
    for code in Z.STREET_ZONES:
        cost_by_zone[code] = 1.0
    cost_by_zone[[Z.FARM, Z.COAST, Z.QUARRY, Z.SPECIAL, Z.AIRPORT, Z.PORT]] = [1.5, 3.0, 3.0, 4.0, 6.0, 4.0]
    cost_by_zone[[Z.HILLMIX, Z.FOREST]] = [2.6, 5.0]
    side = np.where(edge_cells >= 0, zone[np.maximum(edge_cells, 0)], 0)
    side_cost = cost_by_zone[side]
    eco = np.where(edge_cells >= 0, zoning.eco[np.maximum(edge_cells, 0)], True)
    cost = side_cost.mean(axis=1)
    cost[eco.any(axis=1) | np.isinf(side_cost).any(axis=1)] = np.inf
    nodes = lattice.edge_nodes(np.arange(lattice.n_edges))
    xy = lattice.node_xy(nodes)
    length = np.hypot(*(xy[:, 1] - xy[:, 0]).T)
    weight = length * cost * (1.0 + 0.25 * rng.random(len(cost)))
    ok = np.isfinite(weight)
    n_nodes = (lattice.nx + 1) * (lattice.ny + 1)
    graph = csr_matrix((np.concatenate([weight[ok], weight[ok]]),
                        (np.concatenate([nodes[ok, 0], nodes[ok, 1]]), np.concatenate([nodes[ok, 1], nodes[ok, 0]]))),
                       shape=(n_nodes, n_nodes))
    return graph, ok


def _trace(lattice: Lattice, predecessors: np.ndarray, targets: np.ndarray, mark: np.ndarray, value: int):
    """Walk predecessor links from all targets at once, marking the edges passed (keeping higher classes)."""
    current = targets[predecessors[targets] >= 0]
    for _ in range(lattice.nx * lattice.ny):
        if not len(current):
            break
        previous = predecessors[current]
        edges = _edge_ids(lattice, current, previous)
        mark[edges] = np.where(mark[edges] == 0, value, np.minimum(mark[edges], value))
        current = previous[predecessors[previous] >= 0]
        current = np.unique(current)


def _rural_roads(lattice: Lattice, zoning, edge_cells: np.ndarray, street2020: np.ndarray,
                 rng: np.random.Generator) -> np.ndarray:
    graph, passable = _cost_graph(lattice, zoning, edge_cells, rng)
    rural = np.zeros(lattice.n_edges, dtype=np.int64)
    nodes = lattice.edge_nodes(np.arange(lattice.n_edges))
    street_nodes = np.unique(nodes[(street2020 > 0) & passable].ravel())
    if len(street_nodes) == 0:
        return rural
    street_xy = lattice.node_xy(street_nodes)
    centres = np.array([(c[0], c[1]) for c in places.URBAN_CENTRES + places.TOWN_CENTRES])
    cx, cy = lonlat_to_4548(centres[:, 0], centres[:, 1])
    tree = cKDTree(street_xy)
    dist, idx = tree.query(np.column_stack([cx, cy]))
    near = dist < 3 * lattice.spacing
    sources = np.unique(street_nodes[idx[near]])
    if len(sources) >= 2:
        pts = lattice.node_xy(sources)
        d = np.hypot(pts[:, None, 0] - pts[None, :, 0], pts[:, None, 1] - pts[None, :, 1])
        mst = minimum_spanning_tree(csr_matrix(np.triu(d))).tocoo()
        pairs = [(int(a), int(b), ARTERIAL) for a, b in zip(mst.row, mst.col)]
        order = np.argsort(d, axis=1)
        for a in range(len(sources)):  # a few loops: each centre also to its second-nearest
            if len(sources) > 2:
                b = int(order[a, 2])
                pairs.append((min(a, b), max(a, b), COLLECTOR))
        dist_all, pred_all = dijkstra(graph, indices=sources, return_predecessors=True)
        for a, b, cls in sorted(set(pairs)):
            if np.isfinite(dist_all[a, sources[b]]):
                _trace(lattice, pred_all[a], np.array([sources[b]]), rural, cls)
    # village roads: every village cell's corner to the nearest road
    road_nodes = np.unique(np.concatenate([street_nodes, nodes[rural > 0].ravel()]))
    _, pred, _ = dijkstra(graph, indices=road_nodes, min_only=True, return_predecessors=True)
    village_cells = np.flatnonzero(zoning.zone2020 == Z.VILLAGE)
    targets = np.unique(lattice.corner_nodes(village_cells)[:, 0])
    _trace(lattice, pred, targets, rural, LOCAL)
    return rural


def _rivers(lattice: Lattice, zoning, edge_cells: np.ndarray):
    river = np.zeros(lattice.n_edges)
    names = np.full(lattice.n_edges, "", dtype=object)
    flat = lattice.nodes.reshape(-1, 2)
    tree = cKDTree(flat)
    ny = lattice.ny
    land_side = np.where(edge_cells >= 0, zoning.zone2020[np.maximum(edge_cells, 0)] > 0, False).all(axis=1)
    for name, course in places.RIVERS:
        lon, lat = np.array(course).T
        x, y = lonlat_to_4548(lon, lat)
        steps = []
        for k in range(len(x) - 1):
            n = max(2, int(np.hypot(x[k + 1] - x[k], y[k + 1] - y[k]) / (lattice.spacing / 4)))
            t = np.linspace(0, 1, n, endpoint=False)
            steps.append(np.column_stack([x[k] + t * (x[k + 1] - x[k]), y[k] + t * (y[k + 1] - y[k])]))
        pts = np.concatenate(steps)
        _, node = tree.query(pts)
        node = node[np.concatenate([[True], np.diff(node) != 0])]
        path = [int(node[0])]
        for target in node[1:]:
            i0, j0 = divmod(path[-1], ny + 1)
            i1, j1 = divmod(int(target), ny + 1)
            while (i0, j0) != (i1, j1):  # staircase towards the target
                if abs(i1 - i0) >= abs(j1 - j0):
                    i0 += 1 if i1 > i0 else -1
                else:
                    j0 += 1 if j1 > j0 else -1
                path.append(i0 * (ny + 1) + j0)
        path = np.array(path)
        edges = _edge_ids(lattice, path[:-1], path[1:])
        width = np.linspace(10.0, 28.0, len(edges))
        ok = land_side[edges]
        river[edges[ok]] = np.maximum(river[edges[ok]], width[ok])
        names[edges[ok]] = name
    return river, names


def build_network(lattice: Lattice, zoning, rng: np.random.Generator) -> EdgeNetwork:
    edge_cells = lattice.edge_cells()
    river, river_name = _rivers(lattice, zoning, edge_cells)
    street, village = {}, {}
    for year, zone in ((2020, zoning.zone2020), (2024, zoning.zone2024)):
        street[year], village[year] = _street_classes(lattice, zone, edge_cells, river)
    rural = _rural_roads(lattice, zoning, edge_cells, street[2020], rng)
    rural[river > 0] = 0
    # rural roads inside built areas are streets already: keep the higher of both classes
    for year in (2020, 2024):
        both = (street[year] > 0) & (rural > 0)
        street[year][both] = np.minimum(street[year][both], rural[both])
    return EdgeNetwork(street, village, rural, river, river_name, edge_cells)
