"""Land-use survey patches (DLTB) of one year, made per lattice cell and clipped to the land.

Every cell is cut into an inner quad and up to four side strips (road / river land along its
edges, with per-edge widths), and the inner quad into parcels by bilinear subdivision. These
pieces tile the cell exactly, so the patches of all cells tile the study area; cells on a
district border or the coast are clipped to their land units.

The random numbers of a cell are drawn once for both years, so a cell whose zone and edges
did not change yields the very same patches (geometry and codes) in both years.
"""

from dataclasses import dataclass

import numpy as np
import shapely

from . import network as N
from . import zoning as Z
from .lattice import Lattice, LandUnits

N_DRAWS = 16
STRIP_SLOTS = 4
MAX_SLOTS = 16

# zone -> (codes, probabilities) of the parcels of its inner quad
_MIX = {
    "core": ({"0701": .40, "05H1": .24, "08H1": .05, "08H2": .09, "0810": .06, "0810A": .03, "0809": .03,
              "1005": .02, "0508": .02, "1201": .02, "09": .01, "0601": .03}),
    Z.URBAN: {"0701": .50, "05H1": .12, "08H1": .03, "08H2": .08, "0810": .07, "0810A": .01, "0809": .03,
              "1005": .02, "0508": .04, "0601": .06, "1201": .04},
    Z.INDUSTRY: {"0601": .74, "0508": .10, "05H1": .05, "0809": .03, "0810": .04, "1201": .04},
    Z.VILLAGE: {"0702": .62, "0601": .08, "05H1": .05, "08H2": .03, "0101": .10, "0103": .07, "1104": .03,
                "0201": .02},
    Z.FARM: {"0101": .42, "0102": .10, "0103": .24, "0201": .08, "1104": .06, "1202": .03, "0404": .02,
             "0307": .03, "1107": .02},
    Z.HILLMIX: {"0301": .30, "0201": .18, "0202": .12, "0305": .14, "0307": .08, "0103": .10, "0404": .05,
                "1207": .03},
    Z.FOREST: {"0301": .66, "0305": .14, "0302": .10, "0307": .08, "0404": .02},
    Z.BAY: {"1105": .55, "1104A": .40, "1101": .05},
    Z.COAST: {"1105": .70, "1104A": .25, "0404": .05},
    Z.MANGROVE: {"0303": 1.0},
    Z.PARK: {"0810": .85, "0810A": .15},
    Z.UNIV: {"08H2A": 1.0},
    Z.AIRPORT: {"1007": 1.0},
    Z.PORT: {"1008": 1.0},
    Z.QUARRY: {"0602": 1.0},
    Z.SPECIAL: {"09": 1.0},
}
_SPLIT = {Z.URBAN: None, Z.INDUSTRY: (2, 1), Z.VILLAGE: (3, 2), Z.FARM: None, Z.HILLMIX: (2, 2), Z.FOREST: None,
          Z.WATER: (1, 1), Z.BAY: (2, 2), Z.COAST: (2, 1), Z.MANGROVE: (1, 1), Z.PARK: (1, 1), Z.UNIV: (2, 1),
          Z.AIRPORT: (1, 1), Z.PORT: (1, 1), Z.QUARRY: (1, 1), Z.SPECIAL: (1, 1)}


@dataclass
class Patches:
    """One year's patches before attributes: geometry, where they come from and their codes."""

    geometry: np.ndarray
    cell: np.ndarray
    unit: np.ndarray
    slot: np.ndarray  # 0-3 side strips, 4.. parcels
    part: np.ndarray  # part number when clipping split a patch
    dlbm: np.ndarray
    zone: np.ndarray
    corners: np.ndarray  # (n, 4, 2) quad corners before clipping (for buildings); NaN for strips

    @property
    def key(self) -> np.ndarray:
        return (self.cell * MAX_SLOTS + self.slot) * 64 + self.part


def _inset(v: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Inner quad of convex CCW quads ``v`` (n,4,2) with each edge moved inwards by ``d`` (n,4)."""
    t = np.roll(v, -1, axis=1) - v
    t /= np.linalg.norm(t, axis=2, keepdims=True)
    normal = np.stack([-t[..., 1], t[..., 0]], axis=2)
    c = (normal * v).sum(axis=2) + d
    n_prev, c_prev = np.roll(normal, 1, axis=1), np.roll(c, 1, axis=1)
    det = n_prev[..., 0] * normal[..., 1] - n_prev[..., 1] * normal[..., 0]
    x = (c_prev * normal[..., 1] - n_prev[..., 1] * c) / det
    y = (n_prev[..., 0] * c - c_prev * normal[..., 0]) / det
    return np.stack([x, y], axis=2)


def _bilinear(w: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Points of quads ``w`` (n,4,2) at parameters u (n,a), v (n,b): (n,a,b,2)."""
    u = u[:, :, None, None]
    v = v[:, None, :, None]
    w0, w1, w2, w3 = (w[:, k][:, None, None, :] for k in range(4))
    return (1 - u) * (1 - v) * w0 + u * (1 - v) * w1 + u * v * w2 + (1 - u) * v * w3


def _choose(mix: dict, draws: np.ndarray) -> np.ndarray:
    codes = np.array(list(mix), dtype=object)
    cum = np.cumsum(np.array(list(mix.values()), dtype=float))
    cum /= cum[-1]
    return codes[np.minimum(np.searchsorted(cum, draws, side="right"), len(codes) - 1)]


def _breaks(n: int, draws: np.ndarray) -> np.ndarray:
    """(len(draws), n+1) split parameters from 0 to 1 with jittered inner breaks."""
    base = np.linspace(0, 1, n + 1)[None, :].repeat(len(draws), axis=0)
    if n > 1:
        jitter = (draws[:, None] - 0.5) * 0.45 / n * np.sin(np.arange(1, n) * 2.3 + draws[:, None] * 7)[:, :]
        base[:, 1:-1] += jitter
    return base


def cell_strips(lattice: Lattice, cells: np.ndarray, zone: np.ndarray, net: N.EdgeNetwork, year: int):
    """(n,4) strip half-widths and (n,4) strip DLBM for the sides of ``cells``."""
    edges = lattice.cell_edges(cells)
    z = zone[cells][:, None].repeat(4, axis=1)
    width = np.zeros(edges.shape)
    code = np.full(edges.shape, "", dtype=object)
    wet = np.isin(z, (Z.WATER, Z.BAY, Z.MANGROVE, Z.COAST))
    river = net.river[edges]
    is_river = (river > 0) & ~wet
    width[is_river], code[is_river] = river[is_river], "1101"
    street = net.street[year][edges]
    street_zone = np.isin(z, Z.STREET_ZONES)
    is_street = (street > 0) & street_zone & ~is_river
    half = np.zeros(edges.shape)
    for cls, w in N.STREET_HALF_WIDTH.items():
        half[street == cls] = w
    half[z == Z.VILLAGE] = N.VILLAGE_HALF_WIDTH  # a village's lanes, whatever the neighbours became
    width[is_street], code[is_street] = half[is_street], "1004"
    rural = net.rural[edges]
    is_rural = (rural > 0) & ~street_zone & ~is_river & ~np.isin(z, (Z.WATER, Z.BAY, Z.MANGROVE))
    for cls, w in N.RURAL_HALF_WIDTH.items():
        rows = is_rural & (rural == cls)
        width[rows], code[rows] = w, ("1006" if cls == N.LOCAL else "1003")
    return width, code


def make_patches(lattice: Lattice, units: LandUnits, zoning, net: N.EdgeNetwork, draws: np.ndarray, year: int,
                 scale) -> Patches:
    zone = zoning.zone2020 if year == 2020 else zoning.zone2024
    cells = np.flatnonzero(units.cell_district >= 0)
    v = lattice.corners(cells)
    width, strip_code = cell_strips(lattice, cells, zone, net, year)
    w = _inset(v, width)

    geoms, owner, slots, codes, corner_list = [], [], [], [], []
    # side strips: consecutive sides with the same code form one patch (an L, U or ring shape)
    has = width > 0
    same_as_prev = has & np.roll(has, 1, axis=1) & (strip_code == np.roll(strip_code, 1, axis=1))
    ring = same_as_prev.all(axis=1)
    rows = np.flatnonzero(ring)
    if len(rows):
        shell = np.concatenate([v[rows], v[rows, :1]], axis=1)
        hole = np.concatenate([w[rows], w[rows, :1]], axis=1)[:, ::-1]
        geoms.append(shapely.polygons(shapely.linearrings(shell), holes=shapely.linearrings(hole)[:, None]))
        owner.append(cells[rows])
        slots.append(np.zeros(len(rows), dtype=np.int64))
        codes.append(strip_code[rows, 0])
        corner_list.append(np.full((len(rows), 4, 2), np.nan))
    start = has & ~same_as_prev & ~ring[:, None]
    run = np.zeros(has.shape, dtype=np.int64)  # length of the run starting at each side
    for k in range(4):
        length = np.zeros(len(cells), dtype=np.int64)
        alive = start[:, k].copy()
        for step in range(4):
            side = (k + step) % 4
            if step:
                alive &= same_as_prev[:, side]
            length += alive
        run[:, k] = length
    for k in range(4):
        for length in range(1, 5):
            rows = np.flatnonzero(start[:, k] & (run[:, k] == length))
            if not len(rows):
                continue
            outer = [v[rows, (k + t) % 4] for t in range(length + 1)]
            inner = [w[rows, (k + t) % 4] for t in range(length, -1, -1)]
            ring_xy = np.stack(outer + inner + [outer[0]], axis=1)
            geoms.append(shapely.polygons(ring_xy))
            owner.append(cells[rows])
            slots.append(np.full(len(rows), k))
            codes.append(strip_code[rows, k])
            corner_list.append(np.full((len(rows), 4, 2), np.nan))
    # parcels of the inner quads
    z = zone[cells]
    d = draws[cells]
    core = zoning.core[cells] | (zoning.urban[cells] >= 0.85) & (z == Z.URBAN)
    along_u = np.linalg.norm(w[:, 1] - w[:, 0], axis=1) >= np.linalg.norm(w[:, 3] - w[:, 0], axis=1)
    max_long = np.ones(len(cells), dtype=np.int64)
    max_short = np.ones(len(cells), dtype=np.int64)
    for code, split in _SPLIT.items():
        rows = z == code
        if split is None:
            split = {Z.URBAN: scale.urban_split, Z.FARM: scale.farm_split, Z.FOREST: scale.forest_split}[code]
        max_long[rows], max_short[rows] = split
    n_long = 1 + np.minimum((d[:, 0] * max_long).astype(np.int64), max_long - 1)
    n_short = 1 + np.minimum((d[:, 1] * max_short).astype(np.int64), max_short - 1)
    n_u = np.where(along_u, n_long, n_short)
    n_v = np.where(along_u, n_short, n_long)
    for nu in np.unique(n_u):
        for nv in np.unique(n_v):
            rows = np.flatnonzero((n_u == nu) & (n_v == nv))
            if not len(rows):
                continue
            pts = _bilinear(w[rows], _breaks(nu, d[rows, 2]), _breaks(nv, d[rows, 3]))
            for a in range(nu):
                for b in range(nv):
                    quad = np.stack([pts[:, a, b], pts[:, a + 1, b], pts[:, a + 1, b + 1], pts[:, a, b + 1]], axis=1)
                    slot = a * nv + b
                    geoms.append(shapely.polygons(np.concatenate([quad, quad[:, :1]], axis=1)))
                    owner.append(cells[rows])
                    slots.append(np.full(len(rows), STRIP_SLOTS + slot))
                    draw = d[rows, 4 + slot % (N_DRAWS - 4)]
                    codes.append(_parcel_codes(z[rows], core[rows], draw, zoning.water_dlbm[cells[rows]]))
                    corner_list.append(quad)
    geometry = np.concatenate(geoms)
    cell = np.concatenate(owner)
    slot = np.concatenate(slots)
    dlbm = np.concatenate(codes)
    corners = np.concatenate(corner_list)
    return _clip(geometry, cell, slot, dlbm, corners, zone, units)


def _parcel_codes(z: np.ndarray, core: np.ndarray, draw: np.ndarray, water_dlbm: np.ndarray) -> np.ndarray:
    out = np.full(len(z), "", dtype=object)
    for code, mix in _MIX.items():
        if code == "core":
            rows = core
        elif code == Z.URBAN:
            rows = (z == Z.URBAN) & ~core
        else:
            rows = z == code
        if rows.any():
            out[rows] = _choose(mix, draw[rows])
    water = z == Z.WATER
    out[water] = water_dlbm[water]
    return out


def _clip(geometry, cell, slot, dlbm, corners, zone, units: LandUnits) -> Patches:
    first_unit = np.searchsorted(units.cell, cell)
    whole = units.whole_cell[cell]
    unit = np.where(whole, first_unit, -1)
    keep_geom, keep_unit, keep_row = [geometry[whole]], [unit[whole]], [np.flatnonzero(whole)]
    part = [np.zeros(whole.sum(), dtype=np.int64)]
    rows = np.flatnonzero(~whole)
    if len(rows):
        counts = np.bincount(units.cell, minlength=len(units.whole_cell))[cell[rows]]
        pair_row = np.repeat(rows, counts)
        offset = np.arange(len(pair_row)) - np.repeat(np.cumsum(counts) - counts, counts)
        pair_unit = first_unit[pair_row] + offset
        clipped = shapely.intersection(geometry[pair_row], units.geometry[pair_unit])
        parts, index = shapely.get_parts(clipped, return_index=True)
        polygonal = (shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 0.5)
        parts, index = parts[polygonal], index[polygonal]
        # number the parts of each clipped patch so that keys stay unique
        src = pair_row[index]
        order = np.lexsort((np.arange(len(src)), src))
        number = np.empty(len(src), dtype=np.int64)
        starts = np.r_[0, np.flatnonzero(np.diff(src[order])) + 1]
        run = np.arange(len(src)) - np.repeat(starts, np.diff(np.r_[starts, len(src)]))
        number[order] = run
        keep_geom.append(parts)
        keep_unit.append(pair_unit[index])
        keep_row.append(src)
        part.append(number + 1)
    geometry = np.concatenate(keep_geom)
    unit = np.concatenate(keep_unit)
    src = np.concatenate(keep_row)
    part = np.concatenate(part)
    corners = corners[src].copy()
    corners[part > 0] = np.nan  # clipped parcels are no longer quads
    order = np.lexsort((part, slot[src], cell[src]))
    return Patches(geometry[order], cell[src][order], unit[order], slot[src][order], part[order], dlbm[src][order],
                   zone[cell[src]][order], corners[order])
