"""Vectorised line and polygon helpers (shapely 2 + numpy), free of graph knowledge.

``cut_lines`` is a vectorised ``shapely.ops.substring``: it cuts any number of pieces out of
any lines in one pass over the coordinate arrays, with no Python loop per piece.
"""

import numpy as np
import shapely

LINESTRING, LINEARRING = 1, 2


def ragged_range(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(s, s + c)`` for every (s, c) pair, vectorised."""
    counts = np.asarray(counts, dtype=np.int64)
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(counts)
    base = np.repeat(np.asarray(starts, dtype=np.int64) - (ends - counts), counts)
    return base + np.arange(total, dtype=np.int64)


def explode_lines(geoms: np.ndarray):
    """Single 2-D LineStrings of positive length, with the index of the geometry each came from."""
    geoms = shapely.force_2d(np.asarray(geoms, dtype=object))
    parts, owner = shapely.get_parts(geoms, return_index=True)
    kind = shapely.get_type_id(parts)
    rings = kind == LINEARRING
    if rings.any():
        coords, idx = shapely.get_coordinates(parts[rings], return_index=True)
        parts = parts.copy()
        parts[rings] = shapely.linestrings(coords, indices=idx)
        kind = shapely.get_type_id(parts)
    keep = (kind == LINESTRING) & ~shapely.is_empty(parts)
    keep &= shapely.length(parts) > 0
    return parts[keep], owner[keep]


def line_vertices(lines: np.ndarray):
    """Coordinates, owning line, per-line cumulative distance and first-vertex index per line."""
    coords, owner = shapely.get_coordinates(lines, return_index=True)
    step = np.hypot(np.diff(coords[:, 0]), np.diff(coords[:, 1]))
    step[owner[1:] != owner[:-1]] = 0.0
    cum = np.concatenate(([0.0], np.cumsum(step)))
    first = np.searchsorted(owner, np.arange(len(lines)))
    cum -= cum[first][owner]
    return coords, owner, cum, first


def cut_lines(lines: np.ndarray, which: np.ndarray, start: np.ndarray, end: np.ndarray, eps: float = 1e-7):
    """Pieces ``lines[which[k]]`` between distances ``start[k]`` and ``end[k]`` (metres from the start).

    Distances are clipped to the line; a piece with start == end is a two-point zero-length line.
    """
    which = np.asarray(which, dtype=np.int64)
    if len(which) == 0:
        return np.empty(0, dtype=object)
    uniq, inv = np.unique(which, return_inverse=True)
    coords, owner, cum, first = line_vertices(lines[uniq])
    last = np.r_[first[1:], len(coords)] - 1
    total = cum[last]
    span = float(total.max()) + 1.0
    key = cum + owner * span
    s = np.clip(np.asarray(start, dtype=float), 0.0, total[inv])
    e = np.clip(np.asarray(end, dtype=float), s, total[inv])
    base = inv * span
    start_pt = _interpolate(coords, cum, key, first[inv], last[inv], base + s, s)
    end_pt = _interpolate(coords, cum, key, first[inv], last[inv], base + e, e)
    lo = np.searchsorted(key, base + s + eps, side="right")
    hi = np.searchsorted(key, base + e - eps, side="left")
    inner = np.maximum(hi - lo, 0)
    counts = inner + 2
    offsets = np.cumsum(counts) - counts
    out = np.empty((int(counts.sum()), 2))
    out[offsets] = start_pt
    out[offsets + counts - 1] = end_pt
    inner_pos = ragged_range(offsets + 1, inner)
    out[inner_pos] = coords[ragged_range(lo, inner)]
    return shapely.linestrings(out, indices=np.repeat(np.arange(len(which)), counts))


def _interpolate(coords, cum, key, first, last, target_key, target):
    seg = np.searchsorted(key, target_key, side="right") - 1
    seg = np.clip(seg, first, np.maximum(last - 1, first))
    length = cum[seg + 1] - cum[seg]
    frac = np.where(length > 0, (target - cum[seg]) / np.where(length > 0, length, 1.0), 0.0)
    frac = np.clip(frac, 0.0, 1.0)[:, None]
    return coords[seg] + frac * (coords[seg + 1] - coords[seg])


def set_endpoints(lines: np.ndarray, start_xy: np.ndarray, end_xy: np.ndarray) -> np.ndarray:
    """The lines with their first and last vertex moved to the given points."""
    coords, owner, _, first = line_vertices(lines)
    last = np.r_[first[1:], len(coords)] - 1
    coords[first] = start_xy
    coords[last] = end_xy
    return shapely.linestrings(coords, indices=owner)


def endpoints(lines: np.ndarray):
    """(start_xy, end_xy) arrays of shape (n, 2)."""
    start = shapely.get_coordinates(shapely.get_point(lines, 0))
    end = shapely.get_coordinates(shapely.get_point(lines, -1))
    return start, end


def grouped_union(geoms: np.ndarray, groups: np.ndarray):
    """Union of the geometries of each group: (group ids sorted, one geometry per group).

    Groups are padded into a 2-D array and reduced with ``shapely.union_all(axis=1)``, one GEOS
    unary union per group without a Python loop; groups are bucketed by size so a few large
    groups do not inflate the padding.
    """
    groups = np.asarray(groups)
    if len(groups) == 0:
        return groups[:0], np.empty(0, dtype=object)
    order = np.argsort(groups, kind="stable")
    sorted_groups = groups[order]
    uniq, start, count = np.unique(sorted_groups, return_index=True, return_counts=True)
    result = np.empty(len(uniq), dtype=object)
    single = count == 1
    result[single] = geoms[order[start[single]]]
    bucket = np.ceil(np.log2(np.maximum(count, 2))).astype(int)
    for size_class in np.unique(bucket[~single]):
        rows = np.flatnonzero((bucket == size_class) & ~single)
        width = int(count[rows].max())
        grid = np.full((len(rows), width), None, dtype=object)
        row_of = np.repeat(np.arange(len(rows)), count[rows])
        col_of = ragged_range(np.zeros(len(rows), dtype=np.int64), count[rows])
        grid[row_of, col_of] = geoms[order[ragged_range(start[rows], count[rows])]]
        result[rows] = _union_rows(grid)
    return uniq, result


def _union_rows(grid):
    try:
        return shapely.union_all(grid, axis=1)
    except shapely.errors.GEOSException:
        out = np.empty(len(grid), dtype=object)
        for i, row in enumerate(grid):
            try:
                out[i] = shapely.union_all(row)
            except shapely.errors.GEOSException:
                out[i] = shapely.union_all(shapely.make_valid(row), grid_size=1e-3)
        return out


def robust(operation, a, b, chunk: int = 512, grid_size: float = 1e-3):
    """``operation(a, b)`` (a shapely set operation, vectorised) that survives GEOS topology errors.

    On a ``GEOSException`` the batch is retried in chunks, and failing elements one by one with
    snap-rounding to ``grid_size`` metres (1 mm by default): a rare fallback, never a silent drop.
    """
    try:
        return operation(a, b)
    except shapely.errors.GEOSException:
        pass
    a = np.asarray(a, dtype=object)
    b = np.broadcast_to(np.asarray(b, dtype=object), a.shape)
    out = np.empty(len(a), dtype=object)
    for lo in range(0, len(a), chunk):
        part = slice(lo, lo + chunk)
        try:
            out[part] = operation(a[part], b[part])
        except shapely.errors.GEOSException:
            out[part] = [_one_robust(operation, x, y, grid_size) for x, y in zip(a[part], b[part])]
    return out


def _one_robust(operation, x, y, grid_size):
    try:
        return operation(x, y)
    except shapely.errors.GEOSException:
        return operation(shapely.make_valid(x), shapely.make_valid(y), grid_size=grid_size)


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """The polygonal part of each geometry (overlay results may mix in lines and points)."""
    geoms = np.asarray(geoms, dtype=object)
    mixed = np.flatnonzero(shapely.get_type_id(geoms) == 7)  # GeometryCollection
    if len(mixed) == 0:
        return geoms
    parts, owner = shapely.get_parts(geoms[mixed], return_index=True)
    keep = np.isin(shapely.get_type_id(parts), (3, 6))
    polys, sub = shapely.get_parts(parts[keep], return_index=True)
    owner = owner[keep][sub]
    out = geoms.copy()
    out[mixed] = shapely.Polygon()
    if len(polys):
        present, index = np.unique(owner, return_inverse=True)
        out[mixed[present]] = shapely.multipolygons(polys, indices=index.ravel())
    return out
