"""Road centrelines (DL): a connected hierarchical network, split at junctions.

Streets and rural roads are lattice edges (their end nodes are shared exactly); 街巷 lanes in
the dense core and 步行道 paths in parks run from the midpoints of a block's edges to its
centre, and the streets they join are split at those midpoints. Expressways are free
polylines joined to the streets only at interchanges; between interchanges they cross other
roads without a junction and carry CC=1 (elevated). Bridges and the tunnel join the island
to the mainland, and any other piece of network is linked to the main one.
"""

import numpy as np
import pandas as pd
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from . import names as NM
from . import network as N
from . import places
from . import zoning as Z
from .projection import lonlat_to_4548


def _lines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return shapely.linestrings(np.stack([a, b], axis=1))


def build_roads(lattice, units, zoning, net: N.EdgeNetwork, study_area, draws, scale, rng):
    """DL geometries (LineStrings) and their attributes MC, DJ, BX, DX, SD, CC."""
    zone = zoning.zone2024
    edges = np.flatnonzero((net.street[2024] > 0) | (net.rural > 0))
    cls = np.where(net.street[2024][edges] > 0, net.street[2024][edges], net.rural[edges])
    is_rural = net.street[2024][edges] == 0
    nodes = lattice.edge_nodes(edges)
    a, b = lattice.node_xy(nodes[:, 0]), lattice.node_xy(nodes[:, 1])
    mid = (a + b) / 2.0

    # blocks with lanes (dense core) or paths (parks): split their edges at the midpoints
    lane_share = np.where(zoning.core, scale.lane_share, scale.lane_share_urban)
    lane_cell = (zone == Z.URBAN) & (draws[:, 14] < lane_share) & units.whole_cell
    path_cell = (zone == Z.PARK) & units.whole_cell
    cross_cells = np.flatnonzero(lane_cell | path_cell)
    cell_edges = lattice.cell_edges(cross_cells)
    split_edge = np.zeros(lattice.n_edges, dtype=bool)
    split_edge[cell_edges.ravel()] = True
    pos = np.full(lattice.n_edges, -1, dtype=np.int64)
    pos[edges] = np.arange(len(edges))
    split = split_edge[edges]

    seg_a = [a[~split], a[split], mid[split]]
    seg_b = [b[~split], mid[split], b[split]]
    seg_cls = [cls[~split], cls[split], cls[split]]
    seg_edge = [edges[~split], edges[split], edges[split]]
    seg_rural = [is_rural[~split], is_rural[split], is_rural[split]]
    # lane / path spokes: edge midpoints (only where the edge is a road) to the block centre
    centre = lattice.corners(cross_cells).mean(axis=1)
    for k in range(4):
        e = cell_edges[:, k]
        ok = pos[e] >= 0
        seg_a.append(mid[pos[e[ok]]])
        seg_b.append(centre[ok])
        seg_cls.append(np.where(path_cell[cross_cells[ok]], N.PATH, N.LANE))
        seg_edge.append(np.full(ok.sum(), -1))
        seg_rural.append(np.zeros(ok.sum(), dtype=bool))
    pa, pb = np.concatenate(seg_a), np.concatenate(seg_b)
    seg_cls, seg_edge, seg_rural = np.concatenate(seg_cls), np.concatenate(seg_edge), np.concatenate(seg_rural)
    geometry = _lines(pa, pb)

    # clip to the land (only segments near the coast or the study-area border)
    shapely.prepare(study_area)
    inside = shapely.covers(study_area, geometry)
    rows = np.flatnonzero(~inside)
    clipped = shapely.intersection(geometry[rows], study_area)
    parts, index = shapely.get_parts(clipped, return_index=True)
    lines = (shapely.get_type_id(parts) == 1) & (shapely.length(parts) > 1.0)
    parts, index = parts[lines], rows[index[lines]]
    keep = np.flatnonzero(inside)
    geometry = np.concatenate([geometry[keep], parts])
    src = np.concatenate([keep, index])
    seg_cls, seg_edge, seg_rural = seg_cls[src], seg_edge[src], seg_rural[src]
    cc = np.zeros(len(geometry), dtype=np.int64)
    mc = _lattice_names(lattice, seg_edge, seg_cls, seg_rural, geometry, rng)

    extra_geom, extra_cls, extra_cc, extra_mc = _expressways(geometry, study_area)
    extra = _crossings(geometry, study_area)
    geometry = np.concatenate([geometry, extra_geom, extra[0]])
    seg_cls = np.concatenate([seg_cls, extra_cls, extra[1]])
    cc = np.concatenate([cc, extra_cc, extra[2]])
    mc = np.concatenate([mc, extra_mc, extra[3]])
    links = _link_components(geometry, study_area)
    geometry = np.concatenate([geometry, links[0]])
    seg_cls = np.concatenate([seg_cls, links[1]])
    cc = np.concatenate([cc, links[2]])
    mc = np.concatenate([mc, links[3]])

    dx = np.zeros(len(geometry), dtype=np.int64)
    one_way = ((seg_cls == N.LANE) & (rng.random(len(geometry)) < 0.35)) | \
        ((seg_cls == N.LOCAL) & (rng.random(len(geometry)) < 0.06))
    dx[one_way] = np.where(rng.random(one_way.sum()) < 0.5, 1, -1)
    frame = pd.DataFrame({
        "MC": mc,
        "DJ": np.array([N.DJ_NAMES[c] for c in seg_cls], dtype=object),
        "BX": np.where(np.isin(seg_cls, (N.HIGHWAY, N.EXPRESS)), 0, 1).astype(np.int64),
        "DX": dx,
        "SD": np.array([N.SPEED[c] for c in seg_cls], dtype=float),
        "CC": cc,
    })
    return geometry, frame


def _lattice_names(lattice, seg_edge, seg_cls, seg_rural, geometry, rng):
    names = NM.road_names(0, rng, suffixes=("路",))
    big = NM.road_names(0, rng, suffixes=("大道",))
    lanes = NM.road_names(0, rng, suffixes=("巷", "里"))
    orient, line, along = lattice.edge_line(np.maximum(seg_edge, 0))
    # a road keeps its name for ~3 km along its lattice line
    stretch = (along * lattice.spacing // 3000).astype(np.int64)
    key = (orient * 100003 + line * 101 + stretch) % len(names)
    out = names[key].copy()
    arterial = seg_cls == N.ARTERIAL
    out[arterial] = big[key[arterial] % len(big)]
    rural = seg_rural & (seg_cls <= N.COLLECTOR)
    out[rural & (seg_cls == N.ARTERIAL)] = np.array(
        [f"省道{200 + k % 90}线" for k in key[rural & (seg_cls == N.ARTERIAL)]], dtype=object)
    out[rural & (seg_cls == N.COLLECTOR)] = np.array(
        [f"县道X{100 + k % 400:03d}" for k in key[rural & (seg_cls == N.COLLECTOR)]], dtype=object)
    village = seg_rural & (seg_cls == N.LOCAL)
    out[village] = np.array([f"{NM.COMMUNITY_STEMS[k % len(NM.COMMUNITY_STEMS)]}村道" for k in key[village]],
                            dtype=object)
    spokes = seg_edge < 0
    point = shapely.get_coordinates(shapely.get_point(geometry[spokes], 1))
    cell_key = (np.floor(point[:, 0] / 97.0) * 7 + np.floor(point[:, 1] / 89.0)).astype(np.int64)
    out[spokes & (seg_cls == N.LANE)] = lanes[np.abs(cell_key[seg_cls[spokes] == N.LANE]) % len(lanes)]
    out[spokes & (seg_cls == N.PATH)] = "公园步道"
    return out


def _project_path(points):
    lon, lat = np.array(points).T
    x, y = lonlat_to_4548(lon, lat)
    return np.column_stack([x, y])


def _road_nodes(geometry):
    coords = shapely.get_coordinates(shapely.get_point(geometry, [[0], [-1]]).ravel())
    return np.unique(coords, axis=0)


def _expressways(street_geometry, study_area):
    nodes = _road_nodes(street_geometry)
    tree = cKDTree(nodes)
    street_tree = shapely.STRtree(street_geometry)
    geoms, cls, cc, names = [], [], [], []
    for name, dj, path in places.EXPRESSWAYS:
        pts = _project_path(path)
        # interchanges: the waypoints, moved onto the nearest street node inside the study area
        dist, idx = tree.query(pts)
        ok = dist < 3000.0
        if ok.sum() < 2:
            continue
        for p, q in zip(np.flatnonzero(ok)[:-1], np.flatnonzero(ok)[1:]):
            start, end = nodes[idx[p]], nodes[idx[q]]
            if idx[p] == idx[q]:
                continue
            # a gentle curve between interchanges (not a junction anywhere else)
            t = np.linspace(0, 1, 9)[:, None]
            normal = np.array([-(end - start)[1], (end - start)[0]]) * 0.04
            curve = start + t * (end - start) + np.sin(np.pi * t) * normal
            curve[0], curve[-1] = start, end
            line = shapely.LineString(curve)
            if not study_area.buffer(200.0).contains(line):
                continue
            crossing = street_tree.query(line, predicate="crosses")
            geoms.append(line)
            cls.append(N.HIGHWAY if dj == "高速公路" else N.EXPRESS)
            cc.append(1 if len(crossing) or not study_area.contains(line) else 0)
            names.append(name)
    return (np.array(geoms, dtype=object), np.array(cls, dtype=np.int64), np.array(cc, dtype=np.int64),
            np.array(names, dtype=object))


def _crossings(street_geometry, study_area):
    nodes = _road_nodes(street_geometry)
    tree = cKDTree(nodes)
    geoms, cls, cc, names = [], [], [], []
    for name, dj, level, lon1, lat1, lon2, lat2 in places.CROSSINGS:
        ends = _project_path([(lon1, lat1), (lon2, lat2)])
        if not all(study_area.buffer(300.0).contains(shapely.Point(*p)) for p in ends):
            continue
        dist, idx = tree.query(ends)
        if (dist > 1500.0).any() or idx[0] == idx[1]:
            continue
        geoms.append(shapely.LineString([nodes[idx[0]], nodes[idx[1]]]))
        cls.append(N.EXPRESS if dj == "快速路" else N.ARTERIAL)
        cc.append(level)
        names.append(name)
    return (np.array(geoms, dtype=object), np.array(cls, dtype=np.int64), np.array(cc, dtype=np.int64),
            np.array(names, dtype=object))


def components(geometry: np.ndarray):
    """Connected components of a line network joined at shared end points: (labels, node coords)."""
    ends = shapely.get_coordinates(shapely.get_point(geometry, [[0], [-1]]).T.ravel()).reshape(2, -1, 2)
    coords = np.concatenate([ends[0], ends[1]])
    uniq, inverse = np.unique(coords, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    n = len(geometry)
    graph = coo_matrix((np.ones(n), (inverse[:n], inverse[n:])), shape=(len(uniq), len(uniq)))
    count, labels = connected_components(graph, directed=False)
    return labels[inverse[:n]], uniq, labels


def _link_components(geometry, study_area, max_gap=3000.0):
    """Join every other piece of network to the main one by its shortest link (a bridge over water)."""
    geoms, cls, cc, names = [], [], [], []
    gulangyu = shapely.Point(*_project_path([places.HERITAGE[0][1:3]])[0]).buffer(1200.0)
    for _ in range(2):
        current = np.concatenate([geometry, np.array(geoms, dtype=object)])
        seg_label, node_xy, node_label = components(current)
        lengths = np.bincount(seg_label, weights=shapely.length(current))
        main = int(np.argmax(lengths))
        main_xy = node_xy[node_label == main]
        main_tree = cKDTree(main_xy)
        for comp in np.argsort(-lengths, kind="stable"):
            if comp == main or lengths[comp] <= 0:
                continue
            comp_xy = node_xy[node_label == comp]
            if gulangyu.contains(shapely.Point(*comp_xy[0])):
                continue  # 鼓浪屿: car-free island reached by ferry
            dist, idx = main_tree.query(comp_xy)
            k = int(np.argmin(dist))
            if dist[k] > max_gap or dist[k] == 0:
                continue
            line = shapely.LineString([comp_xy[k], main_xy[idx[k]]])
            on_land = study_area.contains(line)
            geoms.append(line)
            cls.append(N.LOCAL if on_land else N.COLLECTOR)
            cc.append(0 if on_land else 1)
            names.append("联络道" if on_land else "跨海联络桥")
    return (np.array(geoms, dtype=object), np.array(cls, dtype=np.int64), np.array(cc, dtype=np.int64),
            np.array(names, dtype=object))
