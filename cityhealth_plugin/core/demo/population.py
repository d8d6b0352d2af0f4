"""Resident population grid (RK): square cells only where people live, totals per district."""

import numpy as np
import pandas as pd
import shapely

# residents per m² of land by class (scaled per district to the statistical total afterwards)
_DENSITY = {"0701": 1.0, "0702": 0.35, "05H1": 0.12, "08H2A": 0.25, "08H2": 0.05, "0601": 0.04, "08H1": 0.02}


def largest_remainder(values: np.ndarray, total: int) -> np.ndarray:
    """Integers proportional to ``values`` summing exactly to ``total``."""
    if values.sum() <= 0 or total <= 0:
        return np.zeros(len(values), dtype=np.int64)
    share = values / values.sum() * total
    out = np.floor(share).astype(np.int64)
    rest = total - out.sum()
    if rest > 0:
        order = np.argsort(-(share - out), kind="stable")
        out[order[:rest]] += 1
    return out


def build_population(patch_geometry, dlbm, patch_district, urban, district_totals, cell_size: float, bounds):
    """Grid cells over residential land; RKS sums exactly to each district's total.

    Each grid cell is sampled at 4 points; a point on a residential patch adds that patch's
    density. Only the cells inside each patch's bounding box are tested (no whole-grid query).
    """
    residential = np.flatnonzero(np.isin(dlbm, list(_DENSITY)))
    geoms = patch_geometry[residential]
    minx, miny, maxx, maxy = bounds
    x0 = np.floor(minx / cell_size) * cell_size
    y0 = np.floor(miny / cell_size) * cell_size
    ny = int(np.ceil((maxy - y0) / cell_size)) + 1
    box = shapely.bounds(geoms)
    i0 = np.floor((box[:, 0] - x0) / cell_size).astype(np.int64)
    i1 = np.floor((box[:, 2] - x0) / cell_size).astype(np.int64)
    j0 = np.floor((box[:, 1] - y0) / cell_size).astype(np.int64)
    j1 = np.floor((box[:, 3] - y0) / cell_size).astype(np.int64)
    nj = j1 - j0 + 1
    counts = (i1 - i0 + 1) * nj
    owner = np.repeat(np.arange(len(geoms)), counts)
    k = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    ii = i0[owner] + k // nj[owner]
    jj = j0[owner] + k % nj[owner]
    cell_id = ii * ny + jj
    patch = residential[owner]
    density = np.array([_DENSITY[c] for c in dlbm[residential]])[owner] * \
        (0.4 + 0.6 * np.clip(urban[patch], 0, 1.2))
    offsets = np.array([[-0.25, -0.25], [0.25, -0.25], [-0.25, 0.25], [0.25, 0.25]]) * cell_size
    weight = np.zeros(len(owner))
    for ox, oy in offsets:
        hit = shapely.contains_xy(geoms[owner], x0 + (ii + 0.5) * cell_size + ox, y0 + (jj + 0.5) * cell_size + oy)
        weight += np.where(hit, density, 0.0)
    used = weight > 0
    cells, inverse = np.unique(cell_id[used], return_inverse=True)
    cell_weight = np.bincount(inverse, weights=weight[used])
    # district of a cell: that of its heaviest patch
    order = np.lexsort((-weight[used], inverse))
    first = np.r_[0, np.flatnonzero(np.diff(inverse[order])) + 1]
    district = patch_district[patch[used][order][first]]
    rks = np.zeros(len(cells), dtype=np.int64)
    for d, total in district_totals.items():
        sel = district == d
        rks[sel] = largest_remainder(cell_weight[sel], int(round(total)))
    keep = rks > 0
    cells, rks, district = cells[keep], rks[keep], district[keep]
    cx = x0 + (cells // ny + 0.5) * cell_size
    cy = y0 + (cells % ny + 0.5) * cell_size
    half = cell_size / 2.0
    geometry = shapely.box(cx - half, cy - half, cx + half, cy + half)
    return geometry, pd.DataFrame({"RKS": rks.astype(float)}), district
