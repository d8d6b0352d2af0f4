"""Building footprints (JZ) on the construction parcels of the current year."""

import numpy as np
import pandas as pd
import shapely

# DLBM -> (use, min floors, max floors, metres per floor)
_RULES = {
    "0701": ("住宅", 6, 32, 3.0), "0702": ("住宅", 2, 5, 3.0), "05H1": ("商业", 3, 30, 3.6),
    "08H1": ("办公", 4, 24, 3.6), "08H2": ("公共", 3, 8, 3.6), "08H2A": ("公共", 3, 12, 3.6),
    "0601": ("工业", 1, 5, 4.5), "0508": ("工业", 1, 3, 4.5), "0809": ("公共", 1, 3, 4.0), "09": ("公共", 1, 4, 3.5),
}


def build_buildings(corners: np.ndarray, dlbm: np.ndarray, czcsxm: np.ndarray, core: np.ndarray,
                    urban: np.ndarray, scale, rng: np.random.Generator):
    """Footprints inside parcel quads: a k×m grid of slabs / towers mapped bilinearly into the quad."""
    ok = ~np.isnan(corners).any(axis=(1, 2)) & np.isin(dlbm, list(_RULES))
    rows = np.flatnonzero(ok)
    quads = corners[rows]
    village = dlbm[rows] == "0702"
    k_max = np.where(village, scale.buildings_max + 1, scale.buildings_max)
    ku = 1 + (rng.random(len(rows)) * k_max).astype(np.int64)
    kv = 1 + (rng.random(len(rows)) * k_max).astype(np.int64)
    geoms, parcel, slot = [], [], []
    for a_max in np.unique(ku):
        for b_max in np.unique(kv):
            sel = np.flatnonzero((ku == a_max) & (kv == b_max))
            if not len(sel):
                continue
            q = quads[sel]
            for a in range(a_max):
                for b in range(b_max):
                    u0 = (a + 0.18) / a_max
                    u1 = (a + 0.82) / a_max
                    v0 = (b + 0.25) / b_max
                    v1 = (b + 0.70) / b_max
                    pts = [_bilinear(q, u, v) for u, v in ((u0, v0), (u1, v0), (u1, v1), (u0, v1))]
                    ring = np.stack(pts + [pts[0]], axis=1)
                    geoms.append(ring)
                    parcel.append(rows[sel])
                    slot.append(np.full(len(sel), a * 8 + b))
    if not geoms:
        return np.empty(0, dtype=object), pd.DataFrame({"CS": [], "GD": [], "YT": []}), np.empty(0, dtype=np.int64)
    ring = np.concatenate(geoms)
    parcel = np.concatenate(parcel)
    order = np.lexsort((np.concatenate(slot), parcel))
    ring, parcel = ring[order], parcel[order]

    codes = dlbm[parcel]
    n = len(parcel)
    use = np.empty(n, dtype=object)
    floors = np.zeros(n, dtype=np.int64)
    per_floor = np.zeros(n)
    draw = rng.random(n)
    for code, (yt, lo, hi, metres) in _RULES.items():
        sel = codes == code
        if not sel.any():
            continue
        use[sel] = yt
        per_floor[sel] = metres
        span = hi - lo
        intensity = np.clip(urban[parcel[sel]], 0, 1)
        floors[sel] = lo + np.round(span * draw[sel] ** (1.6 - intensity)).astype(np.int64)
    town = np.isin(czcsxm[parcel], ("202", "202A"))
    floors[town & (codes == "0701")] = np.minimum(floors[town & (codes == "0701")], 18)
    # office towers and super-tall buildings in the dense core
    in_core = core[parcel]
    office = in_core & (codes == "05H1") & (draw < 0.5)
    use[office] = "办公"
    tall = in_core & np.isin(codes, ("05H1", "0701")) & (rng.random(n) < 0.12)
    floors[tall] = 34 + (rng.random(tall.sum()) * 36).astype(np.int64)
    height = np.round(floors * per_floor * (0.95 + 0.1 * rng.random(n)), 1)
    # towers get compact footprints (~40 m), low buildings keep their slab
    centre = ring[:, :4].mean(axis=1, keepdims=True)
    size = np.linalg.norm(ring[:, 1] - ring[:, 0], axis=1)
    limit = np.where(floors >= 18, 42.0, np.where(codes == "0702", 16.0, 80.0))
    factor = np.minimum(1.0, limit / np.maximum(size, 1e-9))[:, None, None]
    ring = centre + (ring - centre) * factor
    geometry = shapely.polygons(ring)
    frame = pd.DataFrame({"CS": floors, "GD": height, "YT": use})
    return geometry, frame, parcel


def _bilinear(q, u, v):
    return (1 - u) * (1 - v) * q[:, 0] + u * (1 - v) * q[:, 1] + u * v * q[:, 2] + (1 - u) * v * q[:, 3]
