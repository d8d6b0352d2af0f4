"""Vectorised polygon overlay primitives for the bottom-line checks.

Everything works on numpy arrays of shapely 2 geometries: an STRtree finds candidate pairs
(``predicate='intersects'``), ``shapely.intersection`` / ``shapely.difference`` run on the
candidate-pair arrays in C, and per-feature results are reassembled with numpy grouping.
There is no Python loop over features; the only Python loops run over a handful of distinct
group sizes (see :func:`grouped_union`).

A *mask* (red line, basic farmland, development boundary …) is cleaned (invalid polygons
repaired, non-polygonal parts dropped) and large polygons are cut into grid tiles so that
each intersection touches at most ``max_vertices`` vertices of the mask (the same idea as
PostGIS ``ST_Subdivide``). Tiles of one polygon are disjoint and overlaps between mask
polygons are resolved by a union per input feature, so areas are never counted twice.
"""

from typing import Callable, Tuple

import numpy as np
import pandas as pd
import shapely

POLYGON = 3
MULTIPOLYGON = 6

AreaFunc = Callable[[np.ndarray], np.ndarray]


def as_geometry_array(geoms) -> np.ndarray:
    """A 1-d object array of shapely geometries (None kept)."""
    array = np.asarray(geoms, dtype=object)
    if array.ndim != 1:
        array = array.reshape(-1)
    return array


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """The polygonal part of each geometry (Polygon/MultiPolygon); None where there is none.

    Intersections of polygons that only touch return lines or points, and make_valid may
    return collections: those parts have no area and are dropped here.
    """
    geoms = as_geometry_array(geoms)
    out = geoms.copy()
    types = shapely.get_type_id(geoms)
    mixed = np.flatnonzero((types != POLYGON) & (types != MULTIPOLYGON) & (types >= 0))
    empty = shapely.is_empty(geoms)
    out[empty] = None
    if len(mixed):
        parts, index = shapely.get_parts(geoms[mixed], return_index=True)
        # collections may nest one level (GeometryCollection of MultiPolygon)
        for _ in range(3):
            nested = shapely.get_type_id(parts) >= 4
            if not nested.any():
                break
            sub, sub_index = shapely.get_parts(parts[nested], return_index=True)
            parts = np.concatenate([parts[~nested], sub])
            index = np.concatenate([index[~nested], index[nested][sub_index]])
        keep = (shapely.get_type_id(parts) == POLYGON) & ~shapely.is_empty(parts)
        rebuilt = np.empty(len(mixed), dtype=object)
        if keep.any():
            order = np.argsort(index[keep], kind="stable")
            shapely.multipolygons(parts[keep][order], indices=index[keep][order], out=rebuilt)
        out[mixed] = rebuilt
    return out


def clean_polygons(geoms) -> Tuple[np.ndarray, int, int]:
    """(geometries, repaired count, dropped count): invalid polygons repaired with make_valid,
    null/empty/non-polygonal geometries set to None."""
    geoms = as_geometry_array(geoms)
    present = ~shapely.is_missing(geoms)
    invalid = present & ~shapely.is_valid(geoms)
    out = geoms.copy()
    if invalid.any():
        out[invalid] = shapely.make_valid(geoms[invalid])
    out = polygonal(out)
    dropped = int((present & shapely.is_missing(out)).sum() + (~present).sum())
    return out, int(invalid.sum()), dropped


def subdivide(geoms: np.ndarray, max_vertices: int = 256) -> Tuple[np.ndarray, np.ndarray]:
    """Cut polygons with more than ``max_vertices`` vertices into disjoint grid tiles.

    Returns (pieces, source index). Small polygons pass through unchanged. The grid for a
    polygon has about ``vertices / max_vertices`` cells over its bounding box; one level of
    cutting is enough to bound the cost of the later pair intersections.
    """
    geoms = as_geometry_array(geoms)
    index = np.arange(len(geoms))
    present = ~shapely.is_missing(geoms)
    geoms, index = geoms[present], index[present]
    counts = shapely.get_num_coordinates(geoms)
    big = counts > max_vertices
    if not big.any():
        return geoms, index
    big_geoms = geoms[big]
    big_index = index[big]
    cells_per_side = np.ceil(np.sqrt(counts[big] / float(max_vertices))).astype(int) + 1
    bounds = shapely.bounds(big_geoms)
    # one row per (polygon, cell): build all cell boxes at once
    n_cells = cells_per_side ** 2
    owner = np.repeat(np.arange(len(big_geoms)), n_cells)
    local = _ranges(n_cells)
    side = cells_per_side[owner]
    col, row = local % side, local // side
    width = (bounds[owner, 2] - bounds[owner, 0]) / side
    height = (bounds[owner, 3] - bounds[owner, 1]) / side
    x0 = bounds[owner, 0] + col * width
    y0 = bounds[owner, 1] + row * height
    # the outer cells reach past the bounding box so that no boundary vertex is lost
    pad_w = np.where(width > 0, width, 1.0)
    pad_h = np.where(height > 0, height, 1.0)
    x0 = np.where(col == 0, x0 - pad_w, x0)
    y0 = np.where(row == 0, y0 - pad_h, y0)
    x1 = np.where(col == side - 1, bounds[owner, 2] + pad_w, bounds[owner, 0] + (col + 1) * width)
    y1 = np.where(row == side - 1, bounds[owner, 3] + pad_h, bounds[owner, 1] + (row + 1) * height)
    cells = shapely.box(x0, y0, x1, y1)
    shapely.prepare(big_geoms)
    hit = shapely.intersects(big_geoms[owner], cells)
    inside = np.zeros(len(cells), dtype=bool)
    inside[hit] = shapely.contains_properly(big_geoms[owner[hit]], cells[hit])
    tiles = np.empty(len(cells), dtype=object)
    tiles[inside] = cells[inside]
    cut = hit & ~inside
    tiles[cut] = shapely.intersection(big_geoms[owner[cut]], cells[cut])
    tiles = polygonal(tiles)
    keep = hit & ~shapely.is_missing(tiles)
    pieces = np.concatenate([geoms[~big], tiles[keep]])
    source = np.concatenate([index[~big], big_index[owner[keep]]])
    return pieces, source


def _ranges(lengths: np.ndarray) -> np.ndarray:
    """concatenate(arange(n) for n in lengths), vectorised."""
    total = int(lengths.sum())
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.arange(total) - starts


def covers_pairs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``shapely.covers(a, b)`` element-wise, with cheap exits: pairs whose bounding boxes do
    not nest are False; identical geometries (unchanged 三调 patches) are True without the
    full relate test, which is slow exactly when boundaries coincide."""
    out = np.zeros(len(a), dtype=bool)
    if not len(a):
        return out
    ba, bb = shapely.bounds(a), shapely.bounds(b)
    nested = (ba[:, 0] <= bb[:, 0]) & (ba[:, 1] <= bb[:, 1]) & (ba[:, 2] >= bb[:, 2]) & (ba[:, 3] >= bb[:, 3])
    idx = np.flatnonzero(nested)
    if len(idx):
        same = shapely.equals_exact(a[idx], b[idx], tolerance=0.0)
        out[idx[same]] = True
        rest = idx[~same]
        if len(rest):
            out[rest] = shapely.covers(a[rest], b[rest])
    return out


SHRINK = 0.001  # metres: pairs that only touch (shared edges, 1e-9 m² noise) are told apart by this


def interior_pairs(tiles: np.ndarray, geoms: np.ndarray, ia: np.ndarray, it: np.ndarray) -> np.ndarray:
    """For candidate pairs, True where ``geoms[ia]`` overlaps ``tiles[it]`` by more than a touch.

    Each geometry involved is shrunk once by SHRINK (1 mm) and tested with the prepared tile;
    neighbours in a coverage share edges, and intersecting them would cost a full overlay to
    return a line or a floating-point sliver. Overlaps thinner than 2 mm are ignored.
    """
    if not len(ia):
        return np.zeros(0, dtype=bool)
    involved = np.unique(ia)
    shrunk = np.empty(len(geoms), dtype=object)
    shrunk[involved] = shapely.buffer(geoms[involved], -SHRINK, quad_segs=1, join_style="mitre")
    return shapely.intersects(tiles[it], shrunk[ia])


def grouped_union(pieces: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Union of ``pieces`` per group id (0..n_groups-1); None for groups without pieces.

    Groups with one piece take it as is; larger groups are padded into a 2-d array per
    distinct size and reduced with ``shapely.union_all(axis=1)`` (the loop runs over the
    distinct group sizes, not over features).
    """
    out = np.empty(n_groups, dtype=object)
    if len(pieces) == 0:
        return out
    order = np.argsort(groups, kind="stable")
    pieces, groups = pieces[order], groups[order]
    uniq, start, counts = np.unique(groups, return_index=True, return_counts=True)
    single = counts == 1
    out[uniq[single]] = pieces[start[single]]
    for size in np.unique(counts[~single]):
        sel = counts == size
        rows = start[sel][:, None] + np.arange(size)[None, :]
        out[uniq[sel]] = shapely.union_all(pieces[rows], axis=1)
    return polygonal(out)


class Mask:
    """A polygon layer prepared for repeated clipping: cleaned, tiled, indexed."""

    def __init__(self, geoms, max_vertices: int = 256):
        cleaned, self.repaired, self.dropped = clean_polygons(geoms)
        self.tiles, self.source = subdivide(cleaned, max_vertices)
        shapely.prepare(self.tiles)
        self.tree = shapely.STRtree(self.tiles)

    def __len__(self) -> int:
        return len(self.tiles)

    def pairs(self, geoms: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """(input index, tile index) of every intersecting pair."""
        if len(self.tiles) == 0 or len(geoms) == 0:
            return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.intp)
        ia, it = self.tree.query(geoms, predicate="intersects")
        return ia, it

    def clip(self, geoms) -> np.ndarray:
        """Each geometry's part inside the mask (None where it has none)."""
        geoms = as_geometry_array(geoms)
        ia, it = self.pairs(geoms)
        out = np.empty(len(geoms), dtype=object)
        if len(ia) == 0:
            return out
        covered = covers_pairs(self.tiles[it], geoms[ia])
        pieces = np.empty(len(ia), dtype=object)
        pieces[covered] = geoms[ia[covered]]
        cut = np.flatnonzero(~covered)
        cut = cut[interior_pairs(self.tiles, geoms, ia[cut], it[cut])]
        pieces[cut] = shapely.intersection(geoms[ia[cut]], self.tiles[it[cut]])
        pieces = polygonal(pieces)
        keep = ~shapely.is_missing(pieces)
        return grouped_union(pieces[keep], ia[keep], len(geoms))

    def subtract(self, geoms) -> np.ndarray:
        """Each geometry minus the mask (None where nothing remains)."""
        geoms = as_geometry_array(geoms)
        out = geoms.copy()
        ia, it = self.pairs(geoms)
        if len(ia) == 0:
            return polygonal(out)
        covered = covers_pairs(self.tiles[it], geoms[ia])
        gone = np.unique(ia[covered])
        keep = ~np.isin(ia, gone)
        ia, it = ia[keep], it[keep]
        out[gone] = None
        overlapping = interior_pairs(self.tiles, geoms, ia, it)
        ia, it = ia[overlapping], it[overlapping]
        if len(ia):
            cutter = grouped_union(self.tiles[it], ia, len(geoms))
            touched = np.unique(ia)
            out[touched] = shapely.difference(geoms[touched], cutter[touched])
        return polygonal(out)


class Zones:
    """Polygons (districts, base-year patches) prepared for "which zone overlaps most" queries.

    Large zones are tiled like a Mask; overlap areas are summed per source zone.
    """

    def __init__(self, geoms, max_vertices: int = 256):
        geoms = as_geometry_array(geoms)
        self.count = len(geoms)
        self.tiles, self.source = subdivide(geoms, max_vertices)
        shapely.prepare(self.tiles)
        self.tree = shapely.STRtree(self.tiles)

    def overlaps(self, geoms, exact: bool = False) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(geometry index, zone index, overlap area) for every pair that overlaps.

        A geometry inside one tile overlaps that zone with its whole area; mere touches are
        dropped (:func:`interior_pairs`). With ``exact=False`` a geometry left with a single
        candidate zone is also given its whole area (enough to pick the largest overlap);
        ``exact=True`` measures those intersections too.
        """
        geoms = as_geometry_array(geoms)
        empty = (np.empty(0, dtype=np.intp), np.empty(0, dtype=np.intp), np.empty(0))
        if len(geoms) == 0 or len(self.tiles) == 0:
            return empty
        ia, it = self.tree.query(geoms, predicate="intersects")
        if len(ia) == 0:
            return empty
        iz = self.source[it]
        g_parts, z_parts, a_parts = [], [], []

        def whole(g, z):
            g_parts.append(g)
            z_parts.append(z)
            a_parts.append(shapely.area(geoms[g]))

        if not exact:
            key = np.unique(np.column_stack([ia, iz]), axis=0)
            alone = np.bincount(key[:, 0], minlength=len(geoms))[ia] == 1
            first = alone & np.r_[True, ia[1:] != ia[:-1]] if len(ia) else alone
            whole(ia[first], iz[first])
            ia, it, iz = ia[~alone], it[~alone], iz[~alone]
        covered = covers_pairs(self.tiles[it], geoms[ia])
        done = np.unique(ia[covered])
        first_cover = np.flatnonzero(covered)
        first_cover = first_cover[np.unique(ia[first_cover], return_index=True)[1]]
        whole(ia[first_cover], iz[first_cover])
        rest = ~np.isin(ia, done)
        ia, it, iz = ia[rest], it[rest], iz[rest]
        overlapping = interior_pairs(self.tiles, geoms, ia, it)
        ia, it, iz = ia[overlapping], it[overlapping], iz[overlapping]
        if not exact and len(ia):
            key = np.unique(np.column_stack([ia, iz]), axis=0)
            alone = np.bincount(key[:, 0], minlength=len(geoms))[ia] == 1
            order = np.flatnonzero(alone)
            order = order[np.unique(ia[order], return_index=True)[1]]
            whole(ia[order], iz[order])
            ia, it, iz = ia[~alone], it[~alone], iz[~alone]
        if len(ia):
            g_parts.append(ia)
            z_parts.append(iz)
            a_parts.append(shapely.area(shapely.intersection(geoms[ia], self.tiles[it])))
        g = np.concatenate(g_parts) if g_parts else empty[0]
        z = np.concatenate(z_parts) if z_parts else empty[1]
        a = np.concatenate(a_parts) if a_parts else empty[2]
        # tiles of one zone: sum per (geometry, zone)
        frame = pd.DataFrame({"g": g, "z": z, "a": a}).groupby(["g", "z"], sort=True)["a"].sum().reset_index()
        frame = frame[frame["a"] > 0]
        return frame["g"].to_numpy(dtype=np.intp), frame["z"].to_numpy(dtype=np.intp), frame["a"].to_numpy(dtype=float)

    def largest_overlap(self, geoms) -> np.ndarray:
        """For each geometry, the index of the zone it overlaps most (-1 where none)."""
        geoms = as_geometry_array(geoms)
        result = np.full(len(geoms), -1, dtype=np.intp)
        g, z, a = self.overlaps(geoms)
        if len(g):
            order = np.lexsort((-a, g))
            g, z = g[order], z[order]
            first = np.r_[True, g[1:] != g[:-1]]
            result[g[first]] = z[first]
        return result


def largest_overlap(geoms, zones, max_vertices: int = 256) -> np.ndarray:
    """For each geometry, the index of the zone in ``zones`` it overlaps most (-1 where none)."""
    return Zones(zones, max_vertices).largest_overlap(geoms)
