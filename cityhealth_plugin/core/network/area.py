"""Exact area-based coverage of residential land without dissolving a city-wide polygon.

The plane is cut into the faces of the road network (``shapely.node`` + ``polygonize``) and each
residential polygon into its pieces per face. A face whose boundary edges (and any edges inside
it) are all fully reached is covered exactly on its ring within ``half_width`` of the boundary —
``face − buffer(face, −half_width)`` — because any reached point outside the face is farther than
the boundary it must cross. That area is precomputed once. Per facility type only pieces near the
frontier of the service area need a GEOS union (of the reached pieces within ``half_width``);
pieces with nothing reached nearby are 0. The result equals ``area(residential ∩ service-area
polygon)`` up to the polygonal approximation of arcs.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.spatial import cKDTree

from .graph import RoadGraph
from .lines import cut_lines, grouped_union, polygonal, ragged_range, robust
from .service_area import HALF_WIDTH_M, QUAD_SEGS, ReachedEdges

NEAR_EPS = 1e-4  # metres: a noded piece's midpoint this close to an edge / face lies on it
# element-wise GEOS work on at least SPLIT_MIN rows runs in two halves on two threads (GEOS releases the GIL);
# every row is computed exactly as in one call, so results do not depend on the split
SPLIT_THREADS = int(os.environ.get("CITYHEALTH_COVERAGE_THREADS", "0")) or max(1, min(2, os.cpu_count() or 1))
SPLIT_MIN = 2000


def _halves(function, n: int, cut=None):
    """``function(lo, hi)`` over [0, n) in two halves on two threads (one call below ``SPLIT_MIN``),
    the results concatenated. ``cut``: where to split (default the middle)."""
    if SPLIT_THREADS <= 1 or n < SPLIT_MIN:
        return function(0, n)
    cut = n // 2 if cut is None else int(min(max(cut, 1), n - 1))
    with ThreadPoolExecutor(1) as pool:
        first = pool.submit(function, 0, cut)
        second = function(cut, n)
        first = first.result()
    if isinstance(first, tuple):
        return tuple(np.concatenate((a, b)) for a, b in zip(first, second))
    return np.concatenate((first, second))


def _split_robust(operation, a, b):
    """``robust(operation, a, b)`` element-wise, in two halves on two threads when large."""
    a = np.asarray(a, dtype=object)
    b = np.broadcast_to(np.asarray(b, dtype=object), a.shape)
    return _halves(lambda lo, hi: np.asarray(robust(operation, a[lo:hi], b[lo:hi]), dtype=object), len(a))


def split_query(tree, geoms, **kwargs):
    """``tree.query(geoms, **kwargs)`` as (input index, tree index), in two halves on two threads when
    large: each input's hits do not depend on the other inputs, so the pairs are the same, in the same order."""
    geoms = np.asarray(geoms, dtype=object)

    def part(lo, hi):
        left, right = tree.query(geoms[lo:hi], **kwargs)
        return left + lo, right

    return _halves(part, len(geoms))


def _split_buffer(geoms, distance, **kwargs):
    geoms = np.asarray(geoms, dtype=object)
    return _halves(lambda lo, hi: shapely.buffer(geoms[lo:hi], distance, **kwargs), len(geoms))


@dataclass
class AreaPartition:
    """Residential polygons cut by network faces, with what each piece needs to be fully covered."""

    half_width: float
    quad_segs: int
    residential_area: np.ndarray  # area of each residential polygon
    piece_geom: np.ndarray
    piece_owner: np.ndarray  # residential polygon of each piece
    piece_area: np.ndarray
    full_geom: np.ndarray  # covered part of the piece when all `cond` edges are fully reached
    full_area: np.ndarray
    cond: csr_matrix  # pieces x edges: edges that must be fully reached for full_geom to hold
    near: csr_matrix  # pieces x edges: edges within half_width of the piece
    clean: np.ndarray  # bool per piece: in a face with no edge inside (cond = the face's boundary edges)
    polygons: np.ndarray  # the residential polygons, made valid and polygonal
    edge_buffers: np.ndarray  # buffer of each whole edge (None until a facility type needs it)

    @property
    def n_residential(self) -> int:
        return len(self.residential_area)


def build_area_partition(graph: RoadGraph, polygons: np.ndarray, half_width: float = HALF_WIDTH_M,
                         quad_segs: int = QUAD_SEGS) -> AreaPartition:
    """Prepare residential ``polygons`` (metric CRS) for per-type covered-area sums."""
    polygons = valid_polygons(polygons)
    faces, face_edges, face_clean = network_faces(graph)
    piece, owner, face = _pieces(polygons, faces)
    n_edges = graph.n_edges
    near = _near_matrix(graph, piece, half_width)
    clean = (face >= 0) & (face_clean[np.maximum(face, 0)] if len(face_clean) else False)
    cond = _cond_matrix(near, face_edges, face, clean, n_edges)
    edge_buffers = np.full(n_edges, None, dtype=object)
    full_geom = _full_geometry(graph, piece, faces, face, clean, near, half_width, quad_segs, edge_buffers)
    return AreaPartition(half_width, quad_segs, shapely.area(polygons), piece, owner, shapely.area(piece),
                         full_geom, shapely.area(full_geom), cond, near, clean, polygons, edge_buffers)


def valid_polygons(polygons):
    polygons = shapely.force_2d(np.asarray(polygons, dtype=object))
    missing = shapely.is_missing(polygons)
    polygons = np.where(missing, shapely.Polygon(), polygons)
    polygons = np.where(np.isin(shapely.get_type_id(polygons), (3, 6, 7)), polygons, shapely.Polygon())
    bad = ~shapely.is_valid(polygons)
    if bad.any():
        polygons[bad] = shapely.make_valid(polygons[bad])
    return polygonal(polygons)


def network_faces(graph: RoadGraph):
    """Faces of the planar network (all levels), their edges (CSR faces x edges) and cleanliness.

    ``face_edges[f]``: graph edges with a noded piece on the face's boundary or inside it.
    A face is *clean* when no piece lies inside it (no dangles, bridges or cut edges across it).
    """
    noded = shapely.get_parts(shapely.node(shapely.multilinestrings(graph.edge_geom)))
    polygons, cuts, dangles, invalid = shapely.polygonize_full(noded)
    faces = shapely.get_parts(polygons)
    if len(faces) == 0:
        return faces, csr_matrix((0, graph.n_edges), dtype=np.int32), np.zeros(0, dtype=bool)
    mid = shapely.line_interpolate_point(noded, 0.5, normalized=True)
    p_e, edge = split_query(graph.edge_tree, mid, predicate="dwithin", distance=NEAR_EPS)
    tree = shapely.STRtree(faces)
    p_f, face = split_query(tree, mid, predicate="dwithin", distance=NEAR_EPS)
    # pieces on no face's ring (cut edges, dangles, broken rings) make the face they lie in unclean
    inner = shapely.get_parts(np.array([cuts, dangles, invalid], dtype=object))
    _, unclean = tree.query(shapely.line_interpolate_point(inner, 0.5, normalized=True), predicate="within")
    face_clean = np.ones(len(faces), dtype=bool)
    face_clean[unclean] = False
    piece_edges = csr_matrix((np.ones(len(p_e), dtype=np.int32), (p_e, edge)), shape=(len(noded), graph.n_edges))
    face_pieces = csr_matrix((np.ones(len(p_f), dtype=np.int32), (face, p_f)), shape=(len(faces), len(noded)))
    face_edges = (face_pieces @ piece_edges).tocsr()
    face_edges.data[:] = 1
    return faces, face_edges, face_clean


def _pieces(polygons, faces):
    """Residential polygons cut by faces, plus the parts outside every face (face id -1)."""
    r, f, inside = _overlaps(polygons, faces)
    area = shapely.area(inside)
    keep = area > 0
    r, f, inside, area = r[keep], f[keep], inside[keep], area[keep]
    rest = shapely.area(polygons) - np.bincount(r, area, minlength=len(polygons))
    outer = np.flatnonzero(rest > np.maximum(1e-9 * shapely.area(polygons), 1e-6))
    outside = polygons[outer]
    has_faces = np.isin(outer, r)
    if has_faces.any():
        sel = np.isin(r, outer)
        owners, covered = grouped_union(faces[f[sel]], r[sel])
        pos = np.searchsorted(owners, outer[has_faces])
        outside = outside.copy()
        outside[has_faces] = polygonal(robust(shapely.difference, polygons[outer[has_faces]], covered[pos]))
    ok = shapely.area(outside) > 0
    piece = np.concatenate((inside, outside[ok]))
    owner = np.concatenate((r, outer[ok])).astype(np.int64)
    face = np.concatenate((f, np.full(int(ok.sum()), -1))).astype(np.int64)
    return piece, owner, face


def _overlaps(polygons, faces):
    """(polygon, face, intersection) of every intersecting pair. A face inside a polygon (城区 tiles) or a
    polygon inside a face (most residential patches) is the intersection itself: no overlay for those."""
    if not len(faces):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.empty(0, dtype=object)
    tree = shapely.STRtree(faces)
    r, f = split_query(tree, polygons, predicate="intersects")
    key = r * len(faces) + f
    face_inside = np.isin(key, _pair_keys(tree, polygons, "contains_properly"))
    polygon_inside = ~face_inside & np.isin(key, _pair_keys(tree, polygons, "within"))
    inside = np.empty(len(r), dtype=object)
    inside[face_inside] = faces[f[face_inside]]
    inside[polygon_inside] = polygons[r[polygon_inside]]
    cut = ~(face_inside | polygon_inside)
    inside[cut] = polygonal(_split_robust(shapely.intersection, polygons[r[cut]], faces[f[cut]]))
    return r, f, inside


def _pair_keys(tree, polygons, predicate, chunk: int = 4096):
    """Keys (polygon * n_faces + face) of the pairs meeting ``predicate``. A shortcut only: a chunk where
    GEOS fails on a degenerate face gives none (those pairs are overlaid instead)."""
    n_faces = len(tree.geometries)
    keys = []
    for lo in range(0, len(polygons), chunk):
        try:
            p, f = tree.query(polygons[lo:lo + chunk], predicate=predicate)
        except shapely.errors.GEOSException:
            continue
        keys.append((p + lo) * n_faces + f)
    return np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)


def _near_matrix(graph, piece, half_width):
    p, e = split_query(graph.edge_tree, piece, predicate="dwithin", distance=half_width)
    return csr_matrix((np.ones(len(p), dtype=np.int32), (p, e)), shape=(len(piece), graph.n_edges))


def _cond_matrix(near, face_edges, face, clean, n_edges):
    """Clean-face pieces need their face's edges; other pieces every edge within half_width."""
    rows_face = face_edges[face[clean]].tocoo() if clean.any() else None
    rows_near = near[~clean].tocoo()
    clean_idx, other_idx = np.flatnonzero(clean), np.flatnonzero(~clean)
    row = [other_idx[rows_near.row]]
    col = [rows_near.col]
    if rows_face is not None:
        row.append(clean_idx[rows_face.row])
        col.append(rows_face.col)
    row, col = np.concatenate(row), np.concatenate(col)
    return csr_matrix((np.ones(len(row), dtype=np.int32), (row, col)), shape=(len(clean), n_edges))


def _full_geometry(graph, piece, faces, face, clean, near, half_width, quad_segs, edge_buffers):
    out = np.empty(len(piece), dtype=object)
    clean_idx = np.flatnonzero(clean)
    if len(clean_idx):
        used, where = np.unique(face[clean_idx], return_inverse=True)
        core = _split_buffer(faces[used], -half_width, quad_segs=quad_segs)
        out[clean_idx] = polygonal(_split_robust(shapely.difference, piece[clean_idx], core[where.ravel()]))
    other = np.flatnonzero(~clean)
    if len(other):
        coo = near[other].tocoo()
        edges, pair_edge = np.unique(coo.col, return_inverse=True)
        buffers = _split_buffer(graph.edge_geom[edges], half_width, quad_segs=quad_segs)
        edge_buffers[edges] = buffers
        rows, rest = remainder(piece[other], coo.row, buffers[pair_edge.ravel()])
        out[other] = np.full(len(other), shapely.Polygon(), dtype=object)
        out[other[rows]] = polygonal(robust(shapely.difference, piece[other[rows]], rest))
    return out


def remainder(geoms: np.ndarray, rows: np.ndarray, cutters: np.ndarray, order_key: np.ndarray = None):
    """``geoms[r]`` minus every ``cutters[k]`` with ``rows[k] == r``: (rows with cutters, remainders).

    One vectorised ``shapely.difference`` per round, round j taking each row's j-th cutter, so a
    row with k cutters costs k small overlays and no union; rows already empty drop out. Cutters
    sorted by ``order_key`` (descending) within a row remove the most first.
    """
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) == 0:
        return rows, np.empty(0, dtype=object)
    key = np.zeros(len(rows)) if order_key is None else -np.asarray(order_key, dtype=float)
    order = np.lexsort((key, rows))
    rows_sorted, cutters = rows[order], cutters[order]
    used, start, count = np.unique(rows_sorted, return_index=True, return_counts=True)
    work = np.cumsum(count)  # split the rows where half the cutters are used
    cut = int(np.searchsorted(work, work[-1] / 2.0)) + 1
    rest = _halves(lambda lo, hi: _remainder_rounds(geoms[used[lo:hi]].copy(), start[lo:hi], count[lo:hi], cutters),
                   len(used), cut)
    return used, rest


def _remainder_rounds(rest, start, count, cutters):
    alive = np.ones(len(rest), dtype=bool)
    for j in range(int(count.max()) if len(count) else 0):
        sel = np.flatnonzero(alive & (count > j))
        if len(sel) == 0:
            break
        rest[sel] = polygonal(robust(shapely.difference, rest[sel], cutters[start[sel] + j]))
        alive[sel] = ~shapely.is_empty(rest[sel])
    return rest


@dataclass
class CoveredPieces:
    """Covered area (and optionally geometry) of each partition piece for one facility type."""

    area: np.ndarray
    geometry: np.ndarray = None  # None unless asked for


def covered_pieces(partition: AreaPartition, graph: RoadGraph, reached: ReachedEdges,
                   geometry: bool = False) -> CoveredPieces:
    """Exact covered part of every residential piece given the reached edges of one type."""
    n = len(partition.piece_geom)
    not_full = (~reached.full).astype(np.int32)
    full = (partition.cond @ not_full) == 0
    any_near = (partition.near @ reached.any.astype(np.int32)) > 0
    partial = np.flatnonzero(~full & any_near & (partition.full_area > 0))
    area = np.where(full, partition.full_area, 0.0)
    geoms = None
    if geometry:
        geoms = np.full(n, shapely.Polygon(), dtype=object)
        geoms[full] = partition.full_geom[full]
    if len(partial):
        part_area, part_geom = _partial_cover(partition, graph, reached, partial, geometry)
        area[partial] = part_area
        if geometry:
            geoms[partial] = part_geom
    return CoveredPieces(area, geoms)


def _partial_cover(partition, graph, reached, partial, geometry):
    """Covered area (and geometry) of pieces near the frontier: piece minus reached buffers."""
    row, edge = _csr_pairs(partition.near, partial)
    keep = reached.any[edge]
    row, edge = row[keep], edge[keep]
    lo = np.searchsorted(reached.edge, edge, side="left")
    hi = np.searchsorted(reached.edge, edge, side="right")
    row, edge = np.repeat(row, hi - lo), np.repeat(edge, hi - lo)
    interval = ragged_range(lo, hi - lo)
    lines_needed, line_of = np.unique(interval, return_inverse=True)
    lines = _interval_lines(graph, reached, lines_needed)
    line_of = line_of.ravel()
    keep = _not_shadowed(partition, graph, reached, row, edge, lines[line_of])
    row, line_of = row[keep], line_of[keep]
    target = partition.full_geom  # the covered part can only lie where full coverage would reach
    gap = shapely.distance(lines[line_of], target[row])
    close = gap <= partition.half_width
    row, line_of, gap = row[close], line_of[close], gap[close]
    used, line_of = np.unique(line_of, return_inverse=True)
    buffers = _line_buffers(partition, graph, reached, lines_needed[used], lines[used])
    # nearest line first: its buffer removes the most, so fully covered pieces drop out early
    rows, rest = remainder(target, row, buffers[line_of.ravel()], -gap)
    area = np.zeros(len(partial))
    pos = np.searchsorted(partial, rows)
    area[pos] = partition.full_area[rows] - shapely.area(rest)
    covered = None
    if geometry:
        covered = np.full(len(partial), shapely.Polygon(), dtype=object)
        covered[pos] = robust(shapely.difference, target[rows], rest)
    return np.maximum(area, 0.0), covered


def _line_buffers(partition, graph, reached, which, lines):
    """Buffers of reached intervals ``which``; whole edges' buffers are kept on the partition, since
    every facility type and threshold reaches many of the same edges."""
    edge = reached.edge[which]
    whole = reached.full[edge]
    out = np.empty(len(which), dtype=object)
    cache = partition.edge_buffers
    todo = np.unique(edge[whole & (cache[edge] == None)])  # noqa: E711 - element-wise test
    if len(todo):
        cache[todo] = _split_buffer(graph.edge_geom[todo], partition.half_width, quad_segs=partition.quad_segs)
    out[whole] = cache[edge[whole]]
    part = ~whole
    out[part] = _split_buffer(lines[part], partition.half_width, quad_segs=partition.quad_segs)
    return out


def _csr_pairs(matrix, rows):
    counts = np.diff(matrix.indptr)[rows]
    return np.repeat(rows, counts), matrix.indices[ragged_range(matrix.indptr[rows], counts)].astype(np.int64)


def _not_shadowed(partition, graph, reached, row, edge, lines):
    """Drop reached pieces outside a clean face that its reached boundary hides.

    In a clean face F a point x covered from a piece outside F is covered through the boundary:
    the segment from x to that piece crosses the boundary at z with |x − z| ≤ half_width. If z
    is reached, x is covered by the boundary already; so an outside piece only matters within
    half_width of an *unreached* part of the boundary.
    """
    keep = np.ones(len(row), dtype=bool)
    n_edges = graph.n_edges
    cond = partition.cond.tocoo()
    cond_key = np.sort(cond.row.astype(np.int64) * n_edges + cond.col)
    key = row * n_edges + edge
    pos = np.minimum(np.searchsorted(cond_key, key), max(len(cond_key) - 1, 0))
    on_boundary = (cond_key[pos] == key) if len(cond_key) else np.zeros(len(key), dtype=bool)
    outside = np.flatnonzero(partition.clean[row] & ~on_boundary)
    if len(outside) == 0:
        return keep
    pieces = np.unique(row[outside])
    b_row, b_edge = _csr_pairs(partition.cond, pieces)
    g_edge, g_start, g_end = unreached_intervals(graph, reached, np.unique(b_edge))
    lo = np.searchsorted(g_edge, b_edge, side="left")
    hi = np.searchsorted(g_edge, b_edge, side="right")
    gap_row = np.repeat(b_row, hi - lo)
    gap = ragged_range(lo, hi - lo)
    if len(gap) == 0:
        keep[outside] = False
        return keep
    gap_lines = cut_lines(graph.edge_geom, g_edge[gap], g_start[gap], g_end[gap])
    order = np.argsort(gap_row, kind="stable")
    has_gap, index = np.unique(gap_row[order], return_inverse=True)
    hidden_lines = shapely.multilinestrings(gap_lines[order], indices=index.ravel())
    where = np.searchsorted(has_gap, row[outside])
    found = (where < len(has_gap)) & (has_gap[np.minimum(where, len(has_gap) - 1)] == row[outside])
    near_gap = np.zeros(len(outside), dtype=bool)
    near_gap[found] = shapely.dwithin(lines[outside[found]], hidden_lines[where[found]], partition.half_width)
    keep[outside] = near_gap
    return keep


def unreached_intervals(graph, reached, edges):
    """Gaps between reached intervals on the given (sorted, unique) edges: (edge, start, end)."""
    lo = np.searchsorted(reached.edge, edges, side="left")
    hi = np.searchsorted(reached.edge, edges, side="right")
    count = hi - lo
    idx = ragged_range(lo, count)
    owner = np.repeat(edges, count)
    # boundaries: 0, then (end_i, start_{i+1}) ..., then L
    starts = np.concatenate((np.zeros(len(edges)), reached.end[idx]))
    ends = np.concatenate((np.full(len(edges), np.nan), reached.start[idx]))
    which = np.concatenate((edges, owner))
    rank = np.concatenate((np.full(len(edges), -1), ragged_range(np.zeros(len(edges), dtype=np.int64), count)))
    order = np.lexsort((rank, which))
    which, starts = which[order], starts[order]
    # each gap starts at a boundary and ends at the next interval start (or the edge's length)
    ends_sorted = np.concatenate((ends[order][1:], [np.nan]))
    last = np.r_[which[1:] != which[:-1], True]
    ends_sorted = np.where(last, graph.edge_length[which], ends_sorted)
    gap = ends_sorted - starts > 1e-6
    return which[gap], starts[gap], ends_sorted[gap]


def _interval_lines(graph, reached, which):
    e = reached.edge[which]
    out = np.empty(len(which), dtype=object)
    whole = reached.full[e]
    out[whole] = graph.edge_geom[e[whole]]
    part = np.flatnonzero(~whole)
    out[part] = cut_lines(graph.edge_geom, e[part], reached.start[which[part]], reached.end[which[part]])
    return out


def per_owner(partition: AreaPartition, values: np.ndarray) -> np.ndarray:
    """Sum piece values per residential polygon."""
    return np.bincount(partition.piece_owner, values, minlength=partition.n_residential)


def uncovered_geometry(partition: AreaPartition, covered: CoveredPieces):
    """(residential index, uncovered geometry) for every residential polygon with an uncovered part."""
    rest = robust(shapely.difference, partition.piece_geom, covered.geometry)
    keep = shapely.area(rest) > 1e-6
    owners, geoms = grouped_union(rest[keep], partition.piece_owner[keep])
    return owners, geoms


@dataclass
class PolygonExtents:
    """Vertices of each polygon and the circle around its centroid that holds it (for the radius tests)."""

    coords: np.ndarray  # (m, 2) every vertex
    owner: np.ndarray  # polygon of each vertex
    centre: np.ndarray  # (n, 2) centroid (NaN for an empty polygon)
    size: np.ndarray  # farthest vertex from the centroid


def polygon_extents(polygons: np.ndarray) -> PolygonExtents:
    coords, owner = shapely.get_coordinates(polygons, return_index=True)
    centre = np.full((len(polygons), 2), np.nan)  # stays NaN for an empty polygon
    xy, row = shapely.get_coordinates(shapely.centroid(polygons), return_index=True)
    centre[row] = xy
    size = np.zeros(len(polygons))
    np.maximum.at(size, owner, np.hypot(*(coords - centre[owner]).T))
    return PolygonExtents(coords, owner, centre, size)


def buffer_covered_area(polygons: np.ndarray, centers: np.ndarray, radius: float, quad_segs: int = 32,
                        valid: bool = False, extents: PolygonExtents = None):
    """Area of each polygon within straight-line ``radius`` of any centre point (the buffer method).

    A polygon whose vertices all lie within ``radius`` of one centre is inside that circle (a
    disk is convex); one farther than ``radius`` + its own size from every centre is outside.
    Only the rest is cut by circle polygons (4 * ``quad_segs`` sides). ``valid``: the polygons
    are already valid and polygonal (skips the check); ``extents``: their ``polygon_extents``, when
    the same polygons are tested against several centre sets.
    """
    polygons = polygons if valid else valid_polygons(polygons)
    xy = point_coordinates(centers)
    if len(xy) and not np.isfinite(radius):
        return shapely.area(polygons)
    area = np.zeros(len(polygons))
    if len(xy) == 0 or len(polygons) == 0:
        return area
    extents = polygon_extents(polygons) if extents is None else extents
    tree = cKDTree(xy)
    whole, near = _circle_tests(tree, xy, extents, radius)
    area[whole] = shapely.area(polygons[whole])
    rest = np.flatnonzero(near & ~whole)
    if len(rest):
        # only the centres that can reach a remaining polygon get a disk
        hits = tree.query_ball_point(extents.centre[rest], radius + extents.size[rest])
        used = np.unique(np.concatenate([np.asarray(h, dtype=np.int64) for h in hits]))
        disks = shapely.buffer(shapely.points(xy[used]), radius, quad_segs=quad_segs)
        r, d = shapely.STRtree(disks).query(polygons[rest], predicate="intersects")
        rows, remains = remainder(polygons[rest], r, disks[d])
        area[rest[rows]] = shapely.area(polygons[rest[rows]]) - shapely.area(remains)
    return np.maximum(area, 0.0)


def point_coordinates(points: np.ndarray) -> np.ndarray:
    points = np.asarray(points, dtype=object)
    points = points[~(shapely.is_missing(points) | shapely.is_empty(points))]
    return shapely.get_coordinates(points)[:, :2] if len(points) else np.zeros((0, 2))


def _circle_tests(tree, xy, extents: PolygonExtents, radius):
    """(inside one circle, possibly touched by a circle) per polygon."""
    coords, owner, centre, size = extents.coords, extents.owner, extents.centre, extents.size
    n = len(centre)
    has = (np.bincount(owner, minlength=n) > 0) & np.isfinite(centre).all(axis=1)
    k = min(3, len(xy))
    dist, idx = tree.query(np.where(has[:, None], centre, 0.0), k=k)
    dist, idx = dist.reshape(n, k), idx.reshape(n, k)
    whole = np.zeros(n, dtype=bool)
    for j in range(k):
        far = np.zeros(n)
        np.maximum.at(far, owner, np.hypot(*(coords - xy[idx[owner, j]]).T))
        whole |= has & (far <= radius)
    near = has & (dist[:, 0] <= radius + size)
    return whole, near
