"""Synthetic inputs for the compliance checks (benchmarks and overlay cross-checks).

Not the demo city: a fast, seeded stand-in with the same roles and fields, whose patches are
an irregular coverage (Voronoi cells densified to ~``vertices`` vertices) so that every
overlay case appears: patches inside, across and outside each control line; a base year
whose patch boundaries differ from the current year; mask polygons large enough to be tiled.
"""

from typing import Dict

import numpy as np
import pandas as pd
import shapely

from ..layer_data import LayerData

CRS = "EPSG:4548"
ORIGIN = (500000.0, 2700000.0)

# (DLBM, DLMC, share) of the current-year patches
CLASSES = (
    ("0101", "水田", 0.18), ("0103", "旱地", 0.07), ("0201", "果园", 0.05), ("0301", "乔木林地", 0.20),
    ("0404", "其他草地", 0.03), ("0601", "工业用地", 0.08), ("0701", "城镇住宅用地", 0.14),
    ("0702", "农村宅基地", 0.06), ("08H1", "机关团体新闻出版用地", 0.03), ("1003", "公路用地", 0.04),
    ("1101", "河流水面", 0.04), ("1104", "坑塘水面", 0.04), ("05H1", "商业服务业设施用地", 0.04),
)
CONSTRUCTION = {"0601", "0701", "0702", "08H1", "1003", "05H1"}
CULTIVATED = {"0101", "0103"}


def _layer(name: str, geoms: np.ndarray, columns: dict) -> LayerData:
    frame = pd.DataFrame(columns, index=range(len(geoms)))
    return LayerData(name, geoms, frame, np.arange(1, len(geoms) + 1, dtype=np.int64), crs=CRS,
                     geometry_type="polygon", source="synthetic")


def _coverage(points: np.ndarray, extent, vertices: int) -> np.ndarray:
    """Voronoi cells of ``points`` clipped to ``extent``, in point order, densified."""
    frame = shapely.box(*extent)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points), extend_to=frame))
    # voronoi output order is not the input order: match each cell to its point
    pts = shapely.points(points)
    tree = shapely.STRtree(cells)
    ip, ic = tree.query(pts, predicate="intersects")
    first = np.unique(ip, return_index=True)[1]
    ordered = np.empty(len(points), dtype=object)
    ordered[ip[first]] = cells[ic[first]]
    clipped = shapely.intersection(ordered, frame)
    if vertices > 8:
        spacing = np.sqrt(shapely.area(clipped)) * 4.0 / vertices
        clipped = shapely.segmentize(clipped, np.maximum(spacing, 1.0))
    return clipped


def _blobs(rng, count: int, extent, radius: float, vertices: int = 400) -> np.ndarray:
    x = rng.uniform(extent[0] + radius, extent[2] - radius, count)
    y = rng.uniform(extent[1] + radius, extent[3] - radius, count)
    angles = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    wobble = 1.0 + 0.25 * np.sin(angles[None, :] * rng.integers(2, 6, count)[:, None]
                                 + rng.uniform(0, 6, count)[:, None])
    r = radius * rng.uniform(0.6, 1.0, count)[:, None] * wobble
    xs = x[:, None] + r * np.cos(angles)[None, :]
    ys = y[:, None] + r * np.sin(angles)[None, :]
    coords = np.stack([xs, ys], axis=-1)
    rings = shapely.linearrings(coords.reshape(-1, 2), indices=np.repeat(np.arange(count), vertices))
    return shapely.make_valid(shapely.polygons(rings))


def synthetic_layers(patches: int = 3000, seed: int = 2024, vertices: int = 24,
                     patch_size: float = 120.0, redrawn_base: bool = True) -> Dict[str, LayerData]:
    """Role id -> LayerData for a square city of about ``patches`` patches of ~``patch_size`` m.

    ``redrawn_base``: the base-year patches are a different tessellation (every boundary moved:
    the worst case for the new-construction overlay); False keeps the current geometries, as
    in 三调 annual-update data where only changed patches are redrawn.
    """
    rng = np.random.default_rng(seed)
    side = np.sqrt(patches) * patch_size
    extent = (ORIGIN[0], ORIGIN[1], ORIGIN[0] + side, ORIGIN[1] + side)
    points = np.column_stack([rng.uniform(extent[0], extent[2], patches), rng.uniform(extent[1], extent[3], patches)])
    current = _coverage(points, extent, vertices)
    codes = np.array([c[0] for c in CLASSES], dtype=object)
    names = dict((c[0], c[1]) for c in CLASSES)
    shares = np.array([c[2] for c in CLASSES])
    dlbm = codes[rng.choice(len(codes), size=patches, p=shares / shares.sum())]
    area = shapely.area(current)
    cultivated = np.isin(dlbm, list(CULTIVATED))
    kcmj = np.where(cultivated, np.round(area * 0.06, 2), 0.0)
    construction = np.isin(dlbm, list(CONSTRUCTION))
    czcsxm = np.where(construction, np.where(rng.random(patches) < 0.7, "201", "203"), "").astype(object)
    bsm = np.char.add("DLTB", np.arange(1, patches + 1).astype(str)).astype(object)
    dltb = _layer("DLTB", current, {
        "BSM": bsm, "DLBM": dlbm, "DLMC": pd.Series(dlbm).map(names).to_numpy(dtype=object), "CZCSXM": czcsxm,
        "TBMJ": np.round(area, 2), "KCMJ": kcmj, "TBDLMJ": np.round(area - kcmj, 2),
        "ZLDWDM": np.where(points[:, 0] < (extent[0] + extent[2]) / 2, "350203001001", "350206002001").astype(object),
    })

    # base year: jittered points -> different boundaries; class = current class at the point,
    # except that 12 % of construction was farmland or forest in 2020
    base_points = points + rng.normal(0, patch_size * 0.15, points.shape)
    base_points[:, 0] = np.clip(base_points[:, 0], extent[0] + 0.01, extent[2] - 0.01)
    base_points[:, 1] = np.clip(base_points[:, 1], extent[1] + 0.01, extent[3] - 0.01)
    if redrawn_base:
        base = _coverage(base_points, extent, vertices)
    else:
        base, base_points = current.copy(), shapely.get_coordinates(shapely.point_on_surface(current))
    tree = shapely.STRtree(current)
    ip, ic = tree.query(shapely.points(base_points), predicate="intersects")
    first = np.unique(ip, return_index=True)[1]
    base_dlbm = np.full(patches, "0301", dtype=object)
    base_dlbm[ip[first]] = dlbm[ic[first]]
    changed = np.isin(base_dlbm, list(CONSTRUCTION)) & (rng.random(patches) < 0.12)
    base_dlbm[changed] = np.where(rng.random(int(changed.sum())) < 0.7, "0101", "0301")
    base_area = shapely.area(base)
    base_construction = np.isin(base_dlbm, list(CONSTRUCTION))
    dltb_base = _layer("DLTB_2020", base, {
        "BSM": np.char.add("JQ", np.arange(1, patches + 1).astype(str)).astype(object), "DLBM": base_dlbm,
        "DLMC": pd.Series(base_dlbm).map(names).to_numpy(dtype=object),
        "CZCSXM": np.where(base_construction, "201", "").astype(object),
        "TBMJ": np.round(base_area, 2), "KCMJ": 0.0, "TBDLMJ": np.round(base_area, 2),
    })

    scale = side / 10.0
    redline = _blobs(rng, 6, extent, scale * 1.2)
    farmland = base[np.isin(base_dlbm, list(CULTIVATED)) & (rng.random(patches) < 0.8)]
    boundary = _blobs(rng, 3, extent, scale * 2.5, vertices=800)
    heritage = _blobs(rng, 4, extent, scale * 0.4, vertices=120)
    half = (extent[0] + extent[2]) / 2
    districts = np.array([shapely.box(extent[0], extent[1], half, extent[3]),
                          shapely.box(half, extent[1], extent[2], extent[3])], dtype=object)
    return {
        "dltb": dltb,
        "dltb_base": dltb_base,
        "eco_redline": _layer("STBHHX", redline, {"BSM": np.arange(len(redline)).astype(str), "HXMC": "红线"}),
        "farmland_protection": _layer("YJJBNT", farmland, {"BSM": np.arange(len(farmland)).astype(str)}),
        "urban_boundary": _layer("CZKFBJ", boundary, {"BSM": np.arange(len(boundary)).astype(str)}),
        "heritage_line": _layer("LSWHBHX", heritage, {"MC": "历史文化街区"}),
        "admin_district": _layer("XZQ", districts, {"XZQDM": ["350203", "350206"], "XZQMC": ["思明区", "湖里区"]}),
    }
