"""Cell-level land zones for the base year and the current year, and the control areas.

A zone says what a lattice cell is (urban block, industry, village, farmland, forest …); the
patches of a cell are made from its zone in ``landuse``. Control areas are sets of cells, so
that every patch is either wholly inside or wholly outside each of them:

* eco red line (STBHHX): high forest, mangroves and hill reservoirs, away from settlements;
* urban development boundary (CZKFBJ): the built city and towns plus growth room;
* protected farmland cells (YJJBNT): contiguous farmland outside both.

Urban growth between the two years happens only inside CZKFBJ.
"""

from dataclasses import dataclass

import numpy as np
import shapely

from . import places
from .lattice import Lattice, LandUnits
from .projection import lonlat_to_4548
from .terrain import SmoothNoise, Terrain

URBAN, INDUSTRY, VILLAGE, FARM, HILLMIX, FOREST, WATER, BAY, COAST, MANGROVE, PARK, UNIV, AIRPORT, PORT, \
    QUARRY, SPECIAL = range(1, 17)
ZONE_NAMES = {URBAN: "urban", INDUSTRY: "industry", VILLAGE: "village", FARM: "farm", HILLMIX: "hillmix",
              FOREST: "forest", WATER: "water", BAY: "bay", COAST: "coast", MANGROVE: "mangrove", PARK: "park",
              UNIV: "university", AIRPORT: "airport", PORT: "port", QUARRY: "quarry", SPECIAL: "special"}
STREET_ZONES = np.array([URBAN, INDUSTRY, VILLAGE, PARK, UNIV])  # blocks with streets on their edges
CITY_ZONES = np.array([URBAN, INDUSTRY, PARK, UNIV, AIRPORT, PORT])
BUILT_THRESHOLD, GROWTH_THRESHOLD, BOUNDARY_THRESHOLD = 0.52, 0.455, 0.43


@dataclass
class Zoning:
    zone2020: np.ndarray  # (n_cells,) zone code, 0 = no land
    zone2024: np.ndarray
    water_dlbm: np.ndarray  # (n_cells,) DLBM of water-body cells
    water_name: np.ndarray
    urban: np.ndarray  # settlement intensity per cell
    elevation: np.ndarray
    industry_fringe: np.ndarray  # industrial cells away from the core (独立工业)
    eco: np.ndarray  # bool per cell
    czkfbj: np.ndarray
    protected: np.ndarray
    core: np.ndarray  # dense urban core (lanes, high-rise)
    centroid: np.ndarray  # (n_cells, 2)


def _ellipse_hits(x, y, rows, radius_fields=(2, 3)):
    """Index of the first ellipse (lon, lat, rx km, ry km) containing each point, -1 if none."""
    hit = np.full(len(x), -1, dtype=np.int64)
    for k, row in enumerate(rows):
        cx, cy = lonlat_to_4548(row[0], row[1])
        rx = row[radius_fields[0]] * 1000.0
        ry = row[radius_fields[1]] * 1000.0 if len(radius_fields) > 1 else rx
        inside = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0
        hit = np.where((hit < 0) & inside, k, hit)
    return hit


def _drop_small_clusters(lattice: Lattice, mask: np.ndarray, min_cells: int) -> np.ndarray:
    """``mask`` without 4-connected clusters smaller than ``min_cells`` cells."""
    from scipy.ndimage import label

    grid = mask.reshape(lattice.nx, lattice.ny)
    labels, _ = label(grid)
    sizes = np.bincount(labels.ravel())
    small = sizes < min_cells
    small[0] = False
    return (grid & ~small[labels]).ravel()


def neighbours(lattice: Lattice) -> np.ndarray:
    """(n_cells, 4) 4-neighbour cell ids (-1 outside)."""
    i, j = lattice.cell_ij(np.arange(lattice.n_cells))
    ny, nx = lattice.ny, lattice.nx
    out = np.stack([np.where(j > 0, i * ny + j - 1, -1), np.where(i < nx - 1, (i + 1) * ny + j, -1),
                    np.where(j < ny - 1, i * ny + j + 1, -1), np.where(i > 0, (i - 1) * ny + j, -1)], axis=1)
    return out


def zone_cells(lattice: Lattice, units: LandUnits, terrain: Terrain, coast: np.ndarray,
               rng: np.random.Generator) -> Zoning:
    n = lattice.n_cells
    land = units.cell_district >= 0
    centroid = lattice.corners(np.arange(n)).mean(axis=1)
    x, y = centroid[:, 0], centroid[:, 1]
    urban = np.maximum(terrain.urban(x, y), terrain.town(x, y))
    elevation = terrain.elevation(x, y)
    coast_tree = shapely.STRtree(coast)
    _, coast_dist = coast_tree.query_nearest(shapely.points(centroid), return_distance=True, all_matches=False)
    coast_dist = np.asarray(coast_dist)
    s = lattice.spacing

    water = _ellipse_hits(x, y, [(w[2], w[3], w[4], w[5]) for w in places.WATER_BODIES])
    bx, by = lonlat_to_4548(np.array([p[0] for p in places.BAY]), np.array([p[1] for p in places.BAY]))
    bay = shapely.contains_xy(shapely.Polygon(np.column_stack([bx, by])), x, y)
    airport = _ellipse_hits(x, y, [places.AIRPORT]) >= 0
    port = _ellipse_hits(x, y, places.PORTS) >= 0
    univ = _ellipse_hits(x, y, [(u[1], u[2], u[3]) for u in places.UNIVERSITIES], radius_fields=(2,)) >= 0
    industry = _ellipse_hits(x, y, places.INDUSTRY) >= 0
    mangrove = _ellipse_hits(x, y, [(m[0], m[1], m[2]) for m in places.MANGROVES], radius_fields=(2,)) >= 0
    village_noise = SmoothNoise(rng, 1400.0)(x, y) + 0.35 * SmoothNoise(rng, 500.0)(x, y)
    park_draw = rng.random(n)
    special_draw = rng.random(n)

    zone = np.zeros(n, dtype=np.int64)
    built = (urban >= BUILT_THRESHOLD) & (elevation < 90)
    rules = [
        (water >= 0, WATER),
        (bay, BAY),
        (airport, AIRPORT),
        (port & (coast_dist < 2.5 * s), PORT),
        (univ & (urban > 0.3), UNIV),
        (built & industry & (urban < 0.95), INDUSTRY),
        (built, URBAN),
        ((coast_dist < 0.75 * s) & (elevation < 40) & mangrove, MANGROVE),
        ((coast_dist < 0.75 * s) & (elevation < 40), COAST),
        (elevation >= 140, FOREST),
        (elevation >= 70, HILLMIX),
        (village_noise > 0.85, VILLAGE),
    ]
    for mask, code in rules:
        zone = np.where((zone == 0) & mask, code, zone)
    zone[zone == 0] = FARM
    zone[~land] = 0
    zone[(zone == URBAN) & (park_draw < 0.07) & units.whole_cell] = PARK
    zone[np.isin(zone, (FOREST, HILLMIX)) & (special_draw < 0.004)] = SPECIAL
    for lon, lat in places.QUARRIES:
        qx, qy = lonlat_to_4548(lon, lat)
        candidates = np.flatnonzero(np.isin(zone, (FOREST, HILLMIX)))
        if len(candidates):
            zone[candidates[np.argmin(np.hypot(x[candidates] - qx, y[candidates] - qy))]] = QUARRY

    water_dlbm = np.full(n, "", dtype=object)
    water_name = np.full(n, "", dtype=object)
    hit = water >= 0
    water_dlbm[hit] = np.array([w[1] for w in places.WATER_BODIES], dtype=object)[water[hit]]
    water_name[hit] = np.array([w[0] for w in places.WATER_BODIES], dtype=object)[water[hit]]

    nb = neighbours(lattice)
    nb_zone = np.where(nb >= 0, zone[np.maximum(nb, 0)], 0)
    near_built = np.isin(nb_zone, np.concatenate([STREET_ZONES, [AIRPORT, PORT, QUARRY, SPECIAL]])).any(axis=1)
    reservoir = (zone == WATER) & (water_dlbm == "1103") & (elevation > 30)
    eco = ((zone == FOREST) & (elevation >= 160) & ~near_built) | (zone == MANGROVE) | reservoir

    czkfbj = land & ~eco & (
        np.isin(zone, CITY_ZONES) | ((urban >= BOUNDARY_THRESHOLD) & (elevation < 90)
                                     & ~np.isin(zone, (FOREST, BAY, MANGROVE, QUARRY, SPECIAL))))
    czkfbj |= land & ~eco & (zone == WATER) & (water_dlbm == "1102") & (urban > 0.3)
    czkfbj = _drop_small_clusters(lattice, czkfbj, 6)
    # no urban growth next to the red line: keep a one-cell margin
    nb_eco = np.where(nb >= 0, eco[np.maximum(nb, 0)], False).any(axis=1)
    growth = czkfbj & ~nb_eco & np.isin(zone, (FARM, HILLMIX, VILLAGE, COAST)) & (urban >= GROWTH_THRESHOLD) \
        & (elevation < 90) & units.whole_cell
    zone2024 = zone.copy()
    zone2024[growth] = np.where(industry[growth], INDUSTRY, URBAN)

    farm = (zone == FARM) & ~czkfbj & ~eco
    nb_farm = np.where(nb >= 0, farm[np.maximum(nb, 0)], False).sum(axis=1)
    protected = farm & (nb_farm >= 2) & (SmoothNoise(rng, 3000.0)(x, y) > -0.6)

    core = np.isin(zone, (URBAN,)) & (urban >= 0.85)
    fringe = (zone2024 == INDUSTRY) & (urban < 0.62)
    return Zoning(zone, zone2024, water_dlbm, water_name, urban, elevation, fringe, eco, czkfbj, protected, core,
                  centroid)
