"""The warped lattice the demo city is built on.

A regular grid of ``cell``-metre quads, warped by a smooth displacement field and jittered,
covers the study area. Lattice edges are street centrelines (in built areas) and the quads
are blocks / fields; since every quad shares its corner nodes exactly with its neighbours,
anything decomposed per quad tiles the plane, and streets meet at exactly shared nodes.

Cells that cross a district border or the coast are cut into *units* (cell ∩ district);
every patch later made from such a cell is clipped to its units.
"""

from dataclasses import dataclass

import numpy as np
import shapely

from .terrain import SmoothNoise


@dataclass
class Lattice:
    spacing: float
    nx: int
    ny: int
    nodes: np.ndarray  # (nx+1, ny+1, 2)

    # ------------------------------------------------------------------ indexing
    @property
    def n_cells(self) -> int:
        return self.nx * self.ny

    @property
    def n_h(self) -> int:
        return self.nx * (self.ny + 1)

    @property
    def n_edges(self) -> int:
        return self.n_h + (self.nx + 1) * self.ny

    def cell_ij(self, cells):
        cells = np.asarray(cells)
        return cells // self.ny, cells % self.ny

    def node_id(self, i, j):
        return np.asarray(i) * (self.ny + 1) + np.asarray(j)

    def node_xy(self, node_ids):
        flat = self.nodes.reshape(-1, 2)
        return flat[np.asarray(node_ids)]

    def corners(self, cells) -> np.ndarray:
        """(n, 4, 2) corner coordinates, counter-clockwise from the lower-left node."""
        i, j = self.cell_ij(cells)
        n = self.nodes
        return np.stack([n[i, j], n[i + 1, j], n[i + 1, j + 1], n[i, j + 1]], axis=1)

    def corner_nodes(self, cells) -> np.ndarray:
        i, j = self.cell_ij(cells)
        return np.stack([self.node_id(i, j), self.node_id(i + 1, j), self.node_id(i + 1, j + 1),
                         self.node_id(i, j + 1)], axis=1)

    def cell_edges(self, cells) -> np.ndarray:
        """(n, 4) edge ids in counter-clockwise order: bottom, right, top, left."""
        i, j = self.cell_ij(cells)
        ny, nh = self.ny, self.n_h
        return np.stack([i * (ny + 1) + j, nh + (i + 1) * ny + j, i * (ny + 1) + j + 1, nh + i * ny + j], axis=1)

    def edge_nodes(self, edges) -> np.ndarray:
        """(n, 2) node ids of edges (H: west->east, V: south->north)."""
        edges = np.asarray(edges)
        ny, nh = self.ny, self.n_h
        horizontal = edges < nh
        a = np.empty(len(edges), dtype=np.int64)
        b = np.empty(len(edges), dtype=np.int64)
        hi, hj = edges[horizontal] // (ny + 1), edges[horizontal] % (ny + 1)
        a[horizontal], b[horizontal] = self.node_id(hi, hj), self.node_id(hi + 1, hj)
        v = edges[~horizontal] - nh
        vi, vj = v // ny, v % ny
        a[~horizontal], b[~horizontal] = self.node_id(vi, vj), self.node_id(vi, vj + 1)
        return np.stack([a, b], axis=1)

    def edge_cells(self) -> np.ndarray:
        """(n_edges, 2) the cells on both sides of every edge (-1 outside the lattice)."""
        ny, nx, nh = self.ny, self.nx, self.n_h
        out = np.full((self.n_edges, 2), -1, dtype=np.int64)
        i, j = np.meshgrid(np.arange(nx), np.arange(ny + 1), indexing="ij")
        i, j = i.ravel(), j.ravel()
        ids = i * (ny + 1) + j
        out[ids, 0] = np.where(j < ny, i * ny + np.minimum(j, ny - 1), -1)
        out[ids, 1] = np.where(j > 0, i * ny + np.maximum(j - 1, 0), -1)
        i, j = np.meshgrid(np.arange(nx + 1), np.arange(ny), indexing="ij")
        i, j = i.ravel(), j.ravel()
        ids = nh + i * ny + j
        out[ids, 0] = np.where(i < nx, np.minimum(i, nx - 1) * ny + j, -1)
        out[ids, 1] = np.where(i > 0, np.maximum(i - 1, 0) * ny + j, -1)
        return out

    def edge_line(self, edges):
        """(orientation 0=H/1=V, line index, position along the line) of edges."""
        edges = np.asarray(edges)
        ny, nh = self.ny, self.n_h
        horizontal = edges < nh
        line = np.where(horizontal, edges % (ny + 1), (edges - nh) // ny)
        along = np.where(horizontal, edges // (ny + 1), (edges - nh) % ny)
        return (~horizontal).astype(np.int64), line, along

    def cell_polygons(self, cells) -> np.ndarray:
        corners = self.corners(cells)
        ring = np.concatenate([corners, corners[:, :1]], axis=1)
        return shapely.polygons(ring)


def build_lattice(bounds, spacing: float, rng: np.random.Generator) -> Lattice:
    minx, miny, maxx, maxy = bounds
    minx, miny = minx - spacing, miny - spacing
    nx = int(np.ceil((maxx - minx) / spacing)) + 1
    ny = int(np.ceil((maxy - miny) / spacing)) + 1
    gx, gy = np.meshgrid(minx + spacing * np.arange(nx + 1), miny + spacing * np.arange(ny + 1), indexing="ij")
    warp_x, warp_y = SmoothNoise(rng, 6000.0), SmoothNoise(rng, 6000.0)
    amplitude = min(160.0, 0.6 * spacing)
    jitter = rng.uniform(-0.1, 0.1, size=(nx + 1, ny + 1, 2)) * spacing
    nodes = np.stack([gx + amplitude * warp_x(gx, gy), gy + amplitude * warp_y(gx, gy)], axis=-1) + jitter
    return Lattice(spacing, nx, ny, nodes)


@dataclass
class LandUnits:
    """Land pieces of lattice cells: whole cells inside one district, or cell ∩ district."""

    cell: np.ndarray  # cell id of each unit
    district: np.ndarray  # district index
    geometry: np.ndarray  # None for a whole cell, else the clipped polygon
    area: np.ndarray
    point: np.ndarray  # (n, 2) a point inside the unit
    whole_cell: np.ndarray  # (n_cells,) True where the cell is one whole unit
    cell_district: np.ndarray  # (n_cells,) district of the largest unit, -1 = no land


def land_units(lattice: Lattice, districts: np.ndarray, min_area: float = 1.0) -> LandUnits:
    cells = np.arange(lattice.n_cells)
    polygons = lattice.cell_polygons(cells)
    shapely.prepare(districts)
    tree = shapely.STRtree(districts)
    cell_idx, dist_idx = tree.query(polygons)  # by bounding box; the prepared districts test below
    touching = shapely.intersects(districts[dist_idx], polygons[cell_idx])
    cell_idx, dist_idx = cell_idx[touching], dist_idx[touching]
    inside = shapely.contains_properly(districts[dist_idx], polygons[cell_idx])
    whole = np.zeros(lattice.n_cells, dtype=bool)
    whole[cell_idx[inside]] = True
    boundary = ~whole[cell_idx]
    b_cell, b_dist = cell_idx[boundary], dist_idx[boundary]
    pieces = shapely.intersection(polygons[b_cell], districts[b_dist])
    pieces = _polygonal_array(pieces)
    area = shapely.area(pieces)
    keep = area > min_area
    b_cell, b_dist, pieces, area = b_cell[keep], b_dist[keep], pieces[keep], area[keep]

    w_cell = cell_idx[inside]
    w_dist = dist_idx[inside]
    unit_cell = np.concatenate([w_cell, b_cell])
    unit_dist = np.concatenate([w_dist, b_dist])
    geometry = np.concatenate([np.full(len(w_cell), None, dtype=object), pieces])
    unit_area = np.concatenate([shapely.area(polygons[w_cell]), area])
    points = np.empty((len(unit_cell), 2))
    corners = lattice.corners(w_cell)
    points[:len(w_cell)] = corners.mean(axis=1)
    points[len(w_cell):] = shapely.get_coordinates(shapely.point_on_surface(pieces))
    order = np.lexsort((unit_dist, unit_cell))
    unit_cell, unit_dist, geometry, unit_area, points = (unit_cell[order], unit_dist[order], geometry[order],
                                                         unit_area[order], points[order])
    cell_district = np.full(lattice.n_cells, -1, dtype=np.int64)
    by_area = np.argsort(unit_area, kind="stable")
    cell_district[unit_cell[by_area]] = unit_dist[by_area]  # the largest unit wins
    return LandUnits(unit_cell, unit_dist, geometry, unit_area, points, whole, cell_district)


def _polygonal_array(geometries: np.ndarray) -> np.ndarray:
    """Polygon parts of each geometry (dropping lines and points from intersections)."""
    out = np.array(geometries, dtype=object)
    types = shapely.get_type_id(out)
    mixed = np.flatnonzero(types == 7)
    for k in mixed:  # geometry collections are rare (touching boundaries)
        parts = [p for p in shapely.get_parts(out[k]) if p.geom_type in ("Polygon", "MultiPolygon")]
        polys = [q for p in parts for q in shapely.get_parts(p)]
        out[k] = shapely.MultiPolygon(polys) if polys else shapely.Polygon()
    other = np.flatnonzero(~np.isin(types, (3, 6, 7)))
    out[other] = shapely.Polygon()
    return out
