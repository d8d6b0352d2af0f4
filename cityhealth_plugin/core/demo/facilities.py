"""Public service facilities (SS_*), metro stations and parks / squares (GYGC).

Facilities sit on suitable parcels of the current year, drawn with probability proportional
to the residents around them times a smooth "service quality" field, so that some areas are
well served and others are not (later coverage and siting analysis has something to find).
"""

import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from . import names as NM
from . import places
from .projection import lonlat_to_4548
from .terrain import SmoothNoise

# layer -> (residents per facility, parcel DLBM it sits on)
_PER_CAPITA = {
    "SS_YY": (90000, ("08H2",)), "SS_YEY": (7000, ("0701", "08H2")), "SS_XX": (14000, ("08H2", "0701")),
    "SS_ZX": (30000, ("08H2",)), "SS_CSC": (8000, ("05H1", "0701")), "SS_ZQC": (45000, ("08H2", "0810")),
    "SS_TY": (15000, ("0810", "08H2", "05H1")), "SS_WH": (14000, ("08H2", "05H1", "0701")),
    "SS_YL": (12000, ("0701", "08H2")),
}


def _sample(rng, weight: np.ndarray, count: int) -> np.ndarray:
    weight = np.clip(weight, 0, None)
    if count <= 0 or weight.sum() <= 0:
        return np.empty(0, dtype=np.int64)
    count = min(count, int((weight > 0).sum()))
    return np.sort(rng.choice(len(weight), size=count, replace=False, p=weight / weight.sum()))


def _unique(names):
    seen, out = {}, []
    for name in names:
        n = seen.get(name, 0)
        seen[name] = n + 1
        out.append(name if n == 0 else f"{name}（{NM.chinese_number(n + 1)}）" if n < 30 else f"{name}{n + 1}")
    return np.array(out, dtype=object)


def build_facilities(ctx, rng: np.random.Generator):
    """{layer: (points, DataFrame(MC, MJ))} for the 13 facility layers, and the GYGC polygons."""
    geom, dlbm, area = ctx.patch_geometry, ctx.dlbm, ctx.tbmj
    point = shapely.point_on_surface(geom)
    xy = shapely.get_coordinates(point)
    quality = SmoothNoise(rng, 5000.0)(xy[:, 0], xy[:, 1])
    served = 1.0 / (1.0 + np.exp(-2.2 * (quality + 0.25)))  # 0 (underserved) … 1
    pop = ctx.parcel_population
    factor = ctx.scale.facility_factor
    out = {}
    jd_name, district_name, community = ctx.parcel_jd_name, ctx.parcel_district_name, ctx.parcel_community
    for layer, (per, codes) in _PER_CAPITA.items():
        candidates = np.isin(dlbm, codes)
        weight = np.where(candidates, (pop + 50.0) * served, 0.0)
        count = int(round(ctx.total_population / per * factor))
        rows = _sample(rng, weight, count)
        out[layer] = (point[rows], _names(layer, rows, jd_name, district_name, community, rng), area[rows])
    # one community health centre per sub-district plus stations in part of the communities
    centres = []
    for jd in np.unique(ctx.parcel_jd[ctx.parcel_jd >= 0]):
        rows = np.flatnonzero((ctx.parcel_jd == jd) & np.isin(dlbm, ("08H2", "0701", "05H1")))
        if len(rows) and ctx.jd_population.get(jd, 0) > 3000:
            centres.append(rows[np.argmax(pop[rows] * served[rows] + 1e-6 * np.arange(len(rows)))])
    centres = np.array(centres, dtype=np.int64)
    station_weight = np.where(np.isin(dlbm, ("0701", "05H1")), (pop + 50.0) * served ** 2, 0.0)
    stations = _sample(rng, station_weight, int(round(ctx.total_population / 25000 * factor)))
    stations = np.setdiff1d(stations, centres)
    names = [f"{district_name[r]}{jd_name[r]}社区卫生服务中心" for r in centres] + \
        [f"{community[r]}社区卫生服务站" for r in stations]
    rows = np.concatenate([centres, stations])
    out["SS_SQWS"] = (point[rows], _unique(names), area[rows])
    # fire stations: one per ~6 km² of built land, spread out
    built = np.isin(dlbm, ("0701", "05H1", "0601", "08H1", "08H2", "0508"))
    count = max(1, int(round(area[built].sum() / 6.5e6)))
    rows = _spread(rng, np.flatnonzero(built & np.isin(dlbm, ("08H1", "0809", "05H1"))), xy, count)
    out["SS_XFZ"] = (point[rows], _unique([f"{district_name[r]}{jd_name[r][:-2]}消防救援站" for r in rows]), area[rows])
    # shelters: parks, squares and schools; effective area ~55 % of the site
    shelter = np.flatnonzero(np.isin(dlbm, ("0810", "0810A", "08H2", "08H2A")) & (area > 8000))
    rows = _sample(rng, np.where(np.isin(np.arange(len(dlbm)), shelter), served + 0.1, 0.0),
                   int(round(ctx.total_population / 18000 * factor)))
    mj = np.round(area[rows] * (0.45 + 0.2 * rng.random(len(rows))), 1)
    out["SS_BNCS"] = (point[rows], _unique([f"{jd_name[r]}{'公园' if dlbm[r].startswith('0810') else '学校'}应急避难场所"
                                             for r in rows]), mj)
    out["SS_GDZD"] = _metro(ctx)
    order = ("SS_SQWS", "SS_YY", "SS_YEY", "SS_XX", "SS_ZX", "SS_YL", "SS_WH", "SS_TY", "SS_ZQC", "SS_CSC",
             "SS_XFZ", "SS_GDZD", "SS_BNCS")
    layers = {}
    for layer in order:
        pts, mc, mj = out[layer]
        layers[layer] = (np.asarray(pts, dtype=object),
                         pd.DataFrame({"MC": np.asarray(mc, dtype=object), "MJ": np.asarray(mj, dtype=float)}))
    return layers


def _spread(rng, candidates, xy, count):
    """``count`` candidates far apart (farthest-point sampling from a random start)."""
    if not len(candidates):
        return np.empty(0, dtype=np.int64)
    chosen = [candidates[rng.integers(len(candidates))]]
    dist = np.hypot(*(xy[candidates] - xy[chosen[0]]).T)
    for _ in range(min(count, len(candidates)) - 1):
        k = int(np.argmax(dist))
        chosen.append(candidates[k])
        dist = np.minimum(dist, np.hypot(*(xy[candidates] - xy[candidates[k]]).T))
    return np.sort(np.array(chosen))


def _names(layer, rows, jd_name, district_name, community, rng):
    stems = NM.SCHOOL_STEMS
    out = []
    for k, r in enumerate(rows):
        c, j, d = community[r], jd_name[r], district_name[r]
        short_j = j[:-2] if j.endswith("街道") else j[:-1]
        stem = stems[(k * 7 + r) % len(stems)]
        if layer == "SS_YY":
            pool = (f"厦门市第{NM.chinese_number(k % 9 + 1)}医院", f"{d}人民医院", f"{d}中医院", f"{d}妇幼保健院",
                    f"厦门大学附属{short_j}医院", f"{short_j}中西医结合医院")
            out.append(pool[k % len(pool)])
        elif layer == "SS_YEY":
            out.append(f"厦门市{c[:-2] if c.endswith('社区') else c[:-1]}幼儿园")
        elif layer == "SS_XX":
            out.append(f"厦门市{short_j}{stem}小学" if k % 3 else f"{d}{c[:2]}小学")
        elif layer == "SS_ZX":
            out.append(f"厦门市第{NM.chinese_number(k % 30 + 1)}中学" if k % 2 else f"{d}{short_j}中学")
        elif layer == "SS_CSC":
            out.append(f"{c[:-2] if c.endswith('社区') else c[:-1]}{'农贸市场' if k % 3 else '生鲜超市'}")
        elif layer == "SS_ZQC":
            out.append(f"{short_j}{stem}社会足球场")
        elif layer == "SS_TY":
            out.append(f"{c}全民健身中心" if k % 4 else f"{d}体育中心")
        elif layer == "SS_WH":
            out.append(f"{c}文化活动中心" if k % 5 else f"{d}文化馆")
        elif layer == "SS_YL":
            out.append(f"{c}居家养老服务站" if k % 4 else f"{short_j}养老院")
        else:
            out.append(f"{c}{layer}")
    return _unique(out)


def _metro(ctx):
    """Stations every ~1.1 km along the lines, on the nearest street node; named after that street."""
    nodes, node_names = ctx.road_nodes, ctx.road_node_names
    tree = cKDTree(nodes)
    pts, names, taken = [], [], set()
    for line, path in places.METRO_LINES:
        lon, lat = np.array(path).T
        x, y = lonlat_to_4548(lon, lat)
        curve = shapely.LineString(np.column_stack([x, y]))
        n = max(2, int(curve.length / 1100.0) + 1)
        for d in np.linspace(0, curve.length, n):
            p = curve.interpolate(d)
            if not ctx.study_area.contains(p):
                continue
            dist, k = tree.query([p.x, p.y])
            if dist > 600 or int(k) in taken:
                continue
            taken.add(int(k))
            pts.append(shapely.Point(nodes[k]))
            names.append(f"{node_names[k]}站" if node_names[k] else f"{line}站")
    return np.array(pts, dtype=object), _unique(names), np.full(len(pts), 3000.0)


def parks_and_squares(dlbm, area, jd_name, road_name):
    """GYGC: the 0810 / 0810A patches, named (large ones after real parks)."""
    rows = np.flatnonzero(np.isin(dlbm, ("0810", "0810A")))
    kind = np.where(dlbm[rows] == "0810A", "广场", "公园")
    order = np.argsort(-area[rows], kind="stable")
    names = np.empty(len(rows), dtype=object)
    big = list(places.NAMED_PARKS)
    for rank, k in enumerate(order):
        r = rows[k]
        if rank < len(big) and kind[k] == "公园" and area[r] > 40000:
            names[k] = big[rank]
        elif kind[k] == "广场":
            names[k] = f"{road_name[r]}广场" if road_name[r] else f"{jd_name[r]}市民广场"
        else:
            names[k] = f"{road_name[r]}社区公园" if rank % 3 else f"{jd_name[r]}口袋公园"
    return rows, pd.DataFrame({"MC": _unique(names), "LX": kind.astype(object)})
