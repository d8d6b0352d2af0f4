"""Statistical units (districts, sub-districts) and the vectorised assignment of features to them.

A feature fully inside a unit (``contains_properly`` with the prepared unit polygon, found
through an STRtree of the features) belongs to it with share 1. A feature crossing unit
boundaries is split by its intersected share: area for polygons, length for lines. Points
(and counted features, by their point on surface) go to the unit they fall in. No loop
over features in Python: one tree query per unit level plus one vectorised intersection of
the crossing features.
"""

from dataclasses import dataclass
from typing import Dict, Optional, Tuple

import numpy as np
import pandas as pd
import shapely
from shapely import STRtree

Pairs = Tuple[np.ndarray, np.ndarray, np.ndarray]  # (item index, zone index, share)


def measure(geoms: np.ndarray, kind: str) -> np.ndarray:
    """Planar size used for shares: area (polygons), length (lines), 1 (points)."""
    if kind == "polygon":
        return shapely.area(geoms)
    if kind == "line":
        return shapely.length(geoms)
    return np.ones(len(geoms))


def _empty_pairs() -> Pairs:
    return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0, dtype=float)


MAX_TILE_VERTICES = 64


def subdivide(polygons: np.ndarray, max_vertices: int = MAX_TILE_VERTICES) -> Tuple[np.ndarray, np.ndarray]:
    """Cut polygons into disjoint tiles of at most ``max_vertices`` vertices (like PostGIS ST_Subdivide).

    Returns (tiles, owner): ``owner[k]`` is the index of the polygon tile ``k`` came from.
    Overlays of small features with small tiles cost little, where one overlay with a whole
    district boundary of thousands of vertices costs much. Halves are cut level by level
    (vectorised over all polygons still too large), along the longer side of each bounding box.
    """
    polygons = np.asarray(polygons, dtype=object)
    present = np.flatnonzero(~shapely.is_missing(polygons) & ~shapely.is_empty(polygons))
    parts, inner = shapely.get_parts(polygons[present], return_index=True)
    owner = present[inner]
    keep = np.isin(shapely.get_type_id(parts), (3,))
    parts, owner = parts[keep], owner[keep]
    done_geoms, done_owner = [], []
    for _ in range(24):
        big = shapely.get_num_coordinates(parts) > max_vertices
        done_geoms.append(parts[~big])
        done_owner.append(owner[~big])
        if not big.any():
            break
        parts, owner = parts[big], owner[big]
        b = shapely.bounds(parts)
        wide = (b[:, 2] - b[:, 0]) >= (b[:, 3] - b[:, 1])
        mid_x, mid_y = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
        first = shapely.box(b[:, 0], b[:, 1], np.where(wide, mid_x, b[:, 2]), np.where(wide, b[:, 3], mid_y))
        second = shapely.box(np.where(wide, mid_x, b[:, 0]), np.where(wide, b[:, 1], mid_y), b[:, 2], b[:, 3])
        halves = np.concatenate([shapely.intersection(parts, first), shapely.intersection(parts, second)])
        halves_owner = np.concatenate([owner, owner])
        pieces, inner = shapely.get_parts(halves, return_index=True)
        keep = (shapely.get_type_id(pieces) == 3) & (shapely.area(pieces) > 0)
        parts, owner = pieces[keep], halves_owner[inner][keep]
    else:
        done_geoms.append(parts)
        done_owner.append(owner)
    return np.concatenate(done_geoms) if done_geoms else np.empty(0, dtype=object), \
        np.concatenate(done_owner).astype(np.int64) if done_owner else np.empty(0, dtype=np.int64)


def split_by_polygons(items: np.ndarray, kind: str, polygons: np.ndarray, tree: Optional[STRtree] = None,
                      sizes: Optional[np.ndarray] = None, want_geometry: bool = False, tiles=None):
    """Triples (item, polygon, share) of items overlapping ``polygons``.

    ``share`` is the item's planar share inside that polygon (area for polygons, length for
    lines). The polygons are first cut into small tiles (``subdivide``; pass ``tiles`` to
    reuse them). Items inside a tile (``contains_properly``, prepared tiles, one STRtree
    query) get share 1 without any overlay; only the others are intersected, with small
    tiles. An item may appear in several triples of the same polygon (one per tile): sums
    over triples are what count. With ``want_geometry`` also returns the piece geometries
    (the item itself where whole). Points: share 1 in the first polygon they intersect. Lines
    lying exactly on a boundary count half on each side (roads that form district boundaries).
    """
    items = np.asarray(items, dtype=object)
    polygons = np.asarray(polygons, dtype=object)
    if not len(items) or not len(polygons):
        pairs = _empty_pairs()
        return (*pairs, np.empty(0, dtype=object)) if want_geometry else pairs
    if kind == "line":
        # lines keep the original boundaries: a line lying exactly on a boundary counts half on each
        # side, which needs the exact boundary (tile cuts would perturb it at the cut vertices)
        tile_geoms, owner = subdivide(polygons, max_vertices=np.iinfo(np.int64).max)
    else:
        tile_geoms, owner = tiles if tiles is not None else subdivide(polygons)
    if not len(tile_geoms):
        pairs = _empty_pairs()
        return (*pairs, np.empty(0, dtype=object)) if want_geometry else pairs
    tree = tree if tree is not None else STRtree(items)
    shapely.prepare(tile_geoms)
    if kind == "point":
        tile_idx, item_idx = tree.query(tile_geoms, predicate="intersects")
        zone_idx = owner[tile_idx]
        order = np.lexsort((zone_idx, item_idx))
        item_idx, zone_idx = item_idx[order], zone_idx[order]
        first = np.ones(len(item_idx), dtype=bool)
        first[1:] = item_idx[1:] != item_idx[:-1]
        item_idx, zone_idx = item_idx[first], zone_idx[first]
        share = np.ones(len(item_idx))
        if want_geometry:
            return item_idx, zone_idx, share, items[item_idx]
        return item_idx, zone_idx, share
    in_tile, in_item = tree.query(tile_geoms, predicate="contains_properly")
    inside = np.zeros(len(items), dtype=bool)
    inside[in_item] = True
    rest = np.flatnonzero(~inside & ~shapely.is_empty(items))
    item_parts = [in_item]
    zone_parts = [owner[in_tile]]
    share_parts = [np.ones(len(in_item))]
    geom_parts = [items[in_item]] if want_geometry else []
    if len(rest):
        cut_tile, cut_local = STRtree(items[rest]).query(tile_geoms, predicate="intersects")
        cut_item = rest[cut_local]
        sizes = sizes if sizes is not None else measure(items, kind)
        cut = shapely.intersection(items[cut_item], tile_geoms[cut_tile])
        cut_size = measure(cut, kind)
        if kind == "line":
            on_edge = shapely.length(shapely.intersection(items[cut_item], shapely.boundary(tile_geoms)[cut_tile]))
            cut_size = cut_size - 0.5 * on_edge
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(sizes[cut_item] > 0, cut_size / sizes[cut_item], 0.0)
        item_parts.append(cut_item)
        zone_parts.append(owner[cut_tile])
        share_parts.append(share)
        if want_geometry:
            geom_parts.append(cut)
    item_idx = np.concatenate(item_parts)
    zone_idx = np.concatenate(zone_parts)
    share = np.minimum(np.concatenate(share_parts), 1.0)
    keep = share > 0
    if want_geometry:
        return item_idx[keep], zone_idx[keep], share[keep], np.concatenate(geom_parts)[keep]
    return item_idx[keep], zone_idx[keep], share[keep]


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """Only the polygonal part of overlay results (touching lines and points dropped)."""
    geoms = np.asarray(geoms, dtype=object)
    mixed = np.flatnonzero(shapely.get_type_id(geoms) == 7)
    if not len(mixed):
        return geoms
    geoms = geoms.copy()
    parts, owner = shapely.get_parts(geoms[mixed], return_index=True)
    keep = np.isin(shapely.get_type_id(parts), (3, 6))
    parts, inner = shapely.get_parts(parts[keep], return_index=True)  # multipolygons flattened
    owner = owner[keep][inner]
    out = np.array([shapely.from_wkt("MULTIPOLYGON EMPTY") for _ in range(len(mixed))], dtype=object)
    if len(parts):
        shapely.multipolygons(parts, indices=owner, out=out)
    geoms[mixed] = out
    return geoms


@dataclass
class ZoneLevel:
    """One level of statistical units: codes, names and polygons."""

    unit_type: str  # "district" or "subdistrict"
    codes: np.ndarray
    names: np.ndarray
    geometries: np.ndarray
    layer_name: str = ""

    def __len__(self) -> int:
        return len(self.codes)

    def series(self, values: np.ndarray) -> pd.Series:
        return pd.Series(np.asarray(values, dtype=float), index=pd.Index(self.codes, name="unit_code"))

    def name_of(self) -> Dict[str, str]:
        return dict(zip(self.codes.tolist(), self.names.tolist()))


class Zones:
    """The unit levels of an assessment (either may be missing)."""

    def __init__(self, levels: Dict[str, ZoneLevel]):
        self.levels = {k: v for k, v in levels.items() if v is not None and len(v)}

    def __iter__(self):
        return iter(self.levels.values())

    def names(self) -> Dict[Tuple[str, str], str]:
        found = {}
        for level in self:
            for code, name in level.name_of().items():
                found[(level.unit_type, code)] = name
        return found


def aggregate(level: ZoneLevel, item_weight: np.ndarray, pairs: Pairs) -> pd.Series:
    """Σ weight × share per unit (bincount), as a Series over all units of the level."""
    item_idx, zone_idx, share = pairs
    totals = np.bincount(zone_idx, weights=item_weight[item_idx] * share, minlength=len(level))
    return level.series(totals)
