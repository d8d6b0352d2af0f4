"""The ``dirty`` variant: deliberate data problems for validation tests, each counted in DEMO_TRUTH.

* invalid geometries in DLTB and YJJBNT: self-intersecting bow-ties and rings touching
  themselves at a vertex;
* invalid DLBM codes ('0199', '1234');
* a forbidden CZCSXM / DLBM combination (201A on 0701);
* duplicate BSM values;
* NULL TBDLMJ;
* an empty copy of the football-pitch layer (SS_ZQC_EMPTY).
"""

import numpy as np
import pandas as pd
import shapely

EMPTY_LAYER = "SS_ZQC_EMPTY"


def _bow_tie(geometry):
    """A self-intersecting version of a polygon: its first four shell vertices crossed."""
    c = shapely.get_coordinates(shapely.get_exterior_ring(shapely.get_parts(geometry)[0]))[:4]
    return shapely.Polygon([c[0], c[2], c[1], c[3], c[0]])


def _self_touch(geometry):
    """A shell passing twice through the centre of a polygon (ring self-intersection at a vertex)."""
    c = shapely.get_coordinates(shapely.get_exterior_ring(shapely.get_parts(geometry)[0]))[:4]
    m = c.mean(axis=0)
    return shapely.Polygon([c[0], c[1], m, c[2], c[3], m, c[0]])


def make_dirty(layers: dict, rng: np.random.Generator, protect: np.ndarray) -> pd.DataFrame:
    """Damage ``layers`` in place (DLTB, YJJBNT); ``protect`` marks DLTB rows to leave alone."""
    dltb = layers["DLTB"]
    attrs = dltb.attributes
    dlbm = attrs["DLBM"].to_numpy(dtype=object)
    free = ~protect
    quads = free & np.array([len(shapely.get_coordinates(g)) == 5 for g in dltb.geometries])
    urban_res = np.flatnonzero(free & (dlbm == "0701"))
    pool = np.flatnonzero(quads & (dlbm != "0701"))
    pick = rng.permutation(pool)
    bow, touch, bad_code, dup, null = pick[:3], pick[3:5], pick[5:8], pick[8:11], pick[11:15]
    combo = np.sort(rng.choice(urban_res, size=min(2, len(urban_res)), replace=False))

    geoms = dltb.geometries.copy()
    geoms[bow] = [_bow_tie(g) for g in geoms[bow]]
    geoms[touch] = [_self_touch(g) for g in geoms[touch]]
    dltb.geometries = geoms
    attrs.loc[bad_code, "DLBM"] = ["0199", "1234", "0199"][:len(bad_code)]
    attrs.loc[combo, "CZCSXM"] = "201A"
    donors = rng.choice(np.setdiff1d(np.arange(len(attrs)), dup), size=len(dup), replace=False)
    attrs.loc[dup, "BSM"] = attrs.loc[donors, "BSM"].to_numpy()
    attrs.loc[null, "TBDLMJ"] = np.nan

    yjjbnt = layers["YJJBNT"]
    y_rows = rng.permutation(len(yjjbnt))[:2]
    y_geoms = yjjbnt.geometries.copy()
    if len(y_rows):
        y_geoms[y_rows[:1]] = [_bow_tie(g) for g in y_geoms[y_rows[:1]]]
        y_geoms[y_rows[1:2]] = [_self_touch(g) for g in y_geoms[y_rows[1:2]]]
    yjjbnt.geometries = y_geoms

    tbmj = attrs["TBMJ"].to_numpy(dtype=float)
    rows = [
        ("dirty_invalid_geometry_dltb", np.concatenate([bow, touch])),
        ("dirty_invalid_dlbm", bad_code),
        ("dirty_bad_czcsxm_combination", combo),
        ("dirty_duplicate_bsm", dup),
        ("dirty_null_tbdlmj", null),
    ]
    frame = pd.DataFrame({"problem": [r[0] for r in rows], "count": [len(r[1]) for r in rows],
                          "total_area_m2": [float(np.round(tbmj[r[1]].sum(), 2)) for r in rows]})
    y_area = yjjbnt.attributes["TBMJ"].to_numpy(dtype=float)[y_rows] if len(y_rows) else np.zeros(0)
    extra = pd.DataFrame({"problem": ["dirty_invalid_geometry_yjjbnt", "dirty_empty_layer"],
                          "count": [len(y_rows), 1], "total_area_m2": [float(np.round(y_area.sum(), 2)), 0.0]})
    frame = pd.concat([frame, extra], ignore_index=True)
    frame["count"] = frame["count"].astype(np.int64)
    return frame
