"""DEMO_TRUTH: the known answers, recomputed from the written layers by simple overlay rules.

Rules (representative point of each patch; control areas are unions of whole cells so the
rules are exact):

* construction_in_eco_redline — current construction patches inside STBHHX;
* yjjbnt_to_construction — YJJBNT patches (cultivated) whose current patch is construction;
* yjjbnt_to_noncultivated — YJJBNT patches (cultivated) whose current patch is neither
  cultivated nor construction;
* new_construction_outside_czkfbj — current construction patches outside CZKFBJ on land that
  was not construction in the base year (includes the two kinds above);
* urban_growth_inside_czkfbj — the same inside CZKFBJ.

``total_area_m2`` sums the current-year TBMJ of the patches counted.
"""

import numpy as np
import pandas as pd
import shapely

from .survey import CULTIVATED, construction_mask


def _inside(points, polygons) -> np.ndarray:
    """True where a point lies in any of the (few, large) polygons: prepared point-in-polygon tests."""
    xy = shapely.get_coordinates(points)
    out = np.zeros(len(xy), dtype=bool)
    for polygon in polygons:
        if polygon is None or polygon.is_empty:
            continue
        minx, miny, maxx, maxy = polygon.bounds
        near = np.flatnonzero((xy[:, 0] >= minx) & (xy[:, 0] <= maxx) & (xy[:, 1] >= miny) & (xy[:, 1] <= maxy)
                              & ~out)
        shapely.prepare(polygon)
        out[near[shapely.contains_xy(polygon, xy[near, 0], xy[near, 1])]] = True
    return out


def _lookup(points, polygons) -> np.ndarray:
    """Index of the polygon containing each point (-1 none)."""
    tree = shapely.STRtree(polygons)
    idx, poly = tree.query(points, predicate="intersects")
    out = np.full(len(points), -1, dtype=np.int64)
    out[idx[::-1]] = poly[::-1]
    return out


def truth_table(dltb, dltb_base, stbhhx, yjjbnt, czkfbj) -> pd.DataFrame:
    points = shapely.point_on_surface(dltb.geometries)
    dlbm = dltb.attributes["DLBM"].to_numpy(dtype=object)
    tbmj = dltb.attributes["TBMJ"].to_numpy(dtype=float)
    built = construction_mask(dlbm)
    base_idx = _lookup(points, dltb_base.geometries)
    base_built = np.zeros(len(points), dtype=bool)
    found = base_idx >= 0
    base_built[found] = construction_mask(dltb_base.attributes["DLBM"].to_numpy(dtype=object)[base_idx[found]])
    in_eco = _inside(points, stbhhx.geometries)
    in_czk = _inside(points, czkfbj.geometries)

    y_points = shapely.point_on_surface(yjjbnt.geometries)
    y_cult = np.isin(yjjbnt.attributes["DLBM"].to_numpy(dtype=object), CULTIVATED)
    now = _lookup(y_points, dltb.geometries)
    now_code = np.where(now >= 0, dlbm[np.maximum(now, 0)], "")
    to_built = y_cult & (now >= 0) & construction_mask(now_code)
    to_other = y_cult & (now >= 0) & ~construction_mask(now_code) & ~np.isin(now_code, CULTIVATED)

    rows = [
        ("construction_in_eco_redline", built & in_eco, tbmj),
        ("yjjbnt_to_construction", to_built, tbmj[np.maximum(now, 0)]),
        ("yjjbnt_to_noncultivated", to_other, tbmj[np.maximum(now, 0)]),
        ("new_construction_outside_czkfbj", built & ~in_czk & ~base_built, tbmj),
        ("urban_growth_inside_czkfbj", built & in_czk & ~base_built, tbmj),
    ]
    return pd.DataFrame({
        "problem": [r[0] for r in rows],
        "count": np.array([int(r[1].sum()) for r in rows], dtype=np.int64),
        "total_area_m2": [float(np.round(r[2][r[1]].sum(), 2)) for r in rows],
    })
