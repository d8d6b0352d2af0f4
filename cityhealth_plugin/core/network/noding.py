"""Make a line layer routable: split lines where they meet, then snap their ends into nodes.

* Crossings (two lines whose interiors cross or overlap) split both lines, but only when the
  two lines are on the same level (``CC``): a bridge is never split against the road below.
* T-junctions (a line end within ``tolerance`` of another same-level line's interior) split
  that other line there.
* Line ends within ``tolerance`` of each other become one node (KD-tree pairs + connected
  components, so clusters may chain). Ends on different levels at the same place join only
  where one level ends there with a single line (a ramp landing); a bridge split above a road
  that is also split at the same point stays unconnected.
"""

import numpy as np
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from .lines import cut_lines, endpoints, line_vertices


def split_lines(lines, levels, tolerance: float, crossings: bool = True):
    """Split lines at same-level crossings and T-junctions: (pieces, index of the source line)."""
    tree = shapely.STRtree(lines)
    which, where = [], []
    if crossings:
        line_idx, pos = crossing_positions(lines, levels)
        which.append(line_idx)
        where.append(pos)
    line_idx, pos = _junction_positions(lines, levels, tree, tolerance)
    which.append(line_idx)
    where.append(pos)
    return _cut_at(lines, np.concatenate(which), np.concatenate(where), tolerance)


def crossing_positions(lines, levels, eps: float = 1e-9):
    """Where same-level lines meet (crossing, touching or overlapping): (line index, distance along it).

    Works on segments: candidate pairs from an STRtree of segment bounding boxes, then exact
    vectorised segment intersection in numpy (local origin for precision). Both lines of a pair
    get a position; positions at a line's own ends are dropped later.
    """
    coords, owner, cum, _ = line_vertices(lines)
    seg = np.flatnonzero(owner[1:] == owner[:-1])
    if len(seg) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    origin = coords.min(axis=0)
    p, q = coords[seg] - origin, coords[seg + 1] - origin
    boxes = shapely.box(np.minimum(p[:, 0], q[:, 0]), np.minimum(p[:, 1], q[:, 1]),
                        np.maximum(p[:, 0], q[:, 0]), np.maximum(p[:, 1], q[:, 1]))
    a, b = shapely.STRtree(boxes).query(boxes)
    line_a, line_b = owner[seg[a]], owner[seg[b]]
    keep = (line_a < line_b) & (levels[line_a] == levels[line_b])
    a, b = a[keep], b[keep]
    ta, tb = _segment_hits(p[a], q[a], p[b], q[b], eps)
    length = cum[seg + 1] - cum[seg]
    pos_a = cum[seg[a]][:, None] + ta * length[a][:, None]
    pos_b = cum[seg[b]][:, None] + tb * length[b][:, None]
    hit = ~np.isnan(ta)
    la, lb = np.broadcast_to(owner[seg[a]][:, None], ta.shape), np.broadcast_to(owner[seg[b]][:, None], tb.shape)
    return np.concatenate((la[hit], lb[hit])), np.concatenate((pos_a[hit], pos_b[hit]))


def _segment_hits(p1, p2, q1, q2, eps):
    """Parameters (n, 2) on segment p and on segment q of up to two meeting points (NaN = none).

    Column 0 holds a single crossing / touching point; collinear overlaps give both overlap ends.
    """
    d1, d2, r = p2 - p1, q2 - q1, q1 - p1
    cross = d1[:, 0] * d2[:, 1] - d1[:, 1] * d2[:, 0]
    scale = np.maximum(np.hypot(*d1.T) * np.hypot(*d2.T), 1e-300)
    n = len(p1)
    ta = np.full((n, 2), np.nan)
    tb = np.full((n, 2), np.nan)
    proper = np.abs(cross) > eps * scale
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (r[:, 0] * d2[:, 1] - r[:, 1] * d2[:, 0]) / cross
        u = (r[:, 0] * d1[:, 1] - r[:, 1] * d1[:, 0]) / cross
    inside = proper & (t >= -eps) & (t <= 1 + eps) & (u >= -eps) & (u <= 1 + eps)
    ta[inside, 0] = np.clip(t[inside], 0, 1)
    tb[inside, 0] = np.clip(u[inside], 0, 1)
    _collinear_hits(p1, d1, q1, d2, r, ~proper, ta, tb, eps)
    return ta, tb


def _collinear_hits(p1, d1, q1, d2, r, parallel, ta, tb, eps):
    off_line = np.abs(r[:, 0] * d1[:, 1] - r[:, 1] * d1[:, 0]) > eps * np.maximum(np.hypot(*d1.T), 1e-300) * (
        np.hypot(*r.T) + np.hypot(*d1.T))
    idx = np.flatnonzero(parallel & ~off_line)
    if len(idx) == 0:
        return
    dd = np.einsum("ij,ij->i", d1[idx], d1[idx])
    ee = np.einsum("ij,ij->i", d2[idx], d2[idx])
    ok = (dd > 0) & (ee > 0)
    idx, dd, ee = idx[ok], dd[ok], ee[ok]
    s0 = np.einsum("ij,ij->i", q1[idx] - p1[idx], d1[idx]) / dd
    s1 = np.einsum("ij,ij->i", q1[idx] + d2[idx] - p1[idx], d1[idx]) / dd
    lo, hi = np.maximum(np.minimum(s0, s1), 0.0), np.minimum(np.maximum(s0, s1), 1.0)
    meet = lo <= hi + eps
    for col, t_on_p in ((0, lo), (1, hi)):
        pts = p1[idx] + t_on_p[:, None] * d1[idx]
        t_on_q = np.clip(np.einsum("ij,ij->i", pts - q1[idx], d2[idx]) / ee, 0, 1)
        ta[idx[meet], col] = np.clip(t_on_p[meet], 0, 1)
        tb[idx[meet], col] = t_on_q[meet]


def _junction_positions(lines, levels, tree, tolerance):
    start, end = endpoints(lines)
    xy = np.vstack((start, end))
    owner = np.tile(np.arange(len(lines)), 2)
    # candidates by box; an end at one of the other line's own ends is a node, not a T-junction (most pairs)
    e, t = tree.query(shapely.box(*(xy - tolerance).T, *(xy + tolerance).T))
    keep = (owner[e] != t) & (levels[owner[e]] == levels[t])
    e, t = e[keep], t[keep]
    at_end = (np.hypot(*(xy[e] - start[t]).T) <= tolerance) | (np.hypot(*(xy[e] - end[t]).T) <= tolerance)
    e, t = e[~at_end], t[~at_end]
    ends = shapely.points(xy[e])
    near = shapely.distance(ends, lines[t]) <= tolerance
    return t[near], shapely.line_locate_point(lines[t[near]], ends[near])


def _cut_at(lines, which, pos, tolerance):
    """Cut every line at its split positions: (pieces, source line index).

    Positions within ``tolerance`` of a line end or of the previous position are dropped;
    lines without a split position pass through unchanged.
    """
    length = shapely.length(lines)
    inside = (pos > tolerance) & (pos < length[which] - tolerance)
    which, pos = which[inside], pos[inside]
    untouched = np.ones(len(lines), dtype=bool)
    untouched[which] = False
    if len(which) == 0:
        return lines, np.arange(len(lines))
    split = np.flatnonzero(~untouched)
    which = np.concatenate((which, split, split))
    pos = np.concatenate((pos, np.zeros(len(split)), length[split]))
    order = np.lexsort((pos, which))
    which, pos = which[order], pos[order]
    piece = (which[1:] == which[:-1]) & (np.diff(pos) > tolerance)
    starts = np.flatnonzero(piece)
    src = which[starts]
    pieces = cut_lines(lines, src, pos[starts], pos[starts + 1])
    keep = np.flatnonzero(untouched)
    return np.concatenate((lines[keep], pieces)), np.concatenate((keep, src))


def snap_ends(lines, levels, tolerance: float):
    """Node ids of each line's start and end, and node coordinates (mean of the snapped ends)."""
    start, end = endpoints(lines)
    xy = np.vstack((start, end))
    level = np.tile(levels, 2)
    place = _clusters(xy, tolerance)
    node = _split_levels(place, level)
    count = int(node.max()) + 1 if len(node) else 0
    weight = np.bincount(node, minlength=count).astype(float)
    node_xy = np.column_stack((np.bincount(node, xy[:, 0], count), np.bincount(node, xy[:, 1], count)))
    node_xy /= weight[:, None]
    half = len(lines)
    return node[:half], node[half:], node_xy


def _clusters(xy, tolerance):
    if len(xy) == 0:
        return np.zeros(0, dtype=np.int64)
    pairs = cKDTree(xy).query_pairs(tolerance, output_type="ndarray")
    n = len(xy)
    graph = coo_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels.astype(np.int64)


def _split_levels(place, level):
    """Within a place, one node per level unless some level ends there with a single line."""
    key, key_inverse, key_count = np.unique(np.column_stack((place, level)), axis=0,
                                            return_inverse=True, return_counts=True)
    key_inverse = key_inverse.ravel()
    key_place = key[:, 0]
    levels_here = np.bincount(key_place)[key_place]
    lone_end = np.zeros(int(key_place.max()) + 1, dtype=bool)
    lone_end[key_place[key_count == 1]] = True
    join = (levels_here == 1) | lone_end[key_place]
    # joined places use the place id; split places get fresh ids after them
    ids = np.where(join, key_place, -1)
    fresh = np.flatnonzero(~join)
    ids[fresh] = key_place.max() + 1 + np.arange(len(fresh))
    _, compact = np.unique(ids, return_inverse=True)
    return compact.ravel()[key_inverse]
