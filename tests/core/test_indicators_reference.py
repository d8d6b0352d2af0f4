"""The vectorised engine against a plain, feature-by-feature shapely computation on generated data."""

import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core import geodesy
from cityhealth_plugin.core.catalog.loader import load_catalog
from cityhealth_plugin.core.indicators.engine import compute
from cityhealth_plugin.core.landuse.codes import LandUseGroups
from cityhealth_plugin.core.layer_data import LayerData

X0, Y0 = 585_000.0, 2_705_000.0  # 85 km east of the central meridian: scale factor matters
CODES = ["0101", "0301", "0701", "0702", "0601", "05H1", "1101", "0810"]


def layer(name, geoms, kind="polygon", **columns):
    geoms = np.asarray(geoms, dtype=object)
    frame = pd.DataFrame(columns) if columns else pd.DataFrame(index=range(len(geoms)))
    return LayerData(name, geoms, frame, np.arange(1, len(geoms) + 1), "EPSG:4548", kind)


@pytest.fixture(scope="module")
def city():
    rng = np.random.default_rng(7)
    side, cell = 30, 90.0
    gx, gy = np.meshgrid(np.arange(side + 1) * cell, np.arange(side + 1) * cell, indexing="ij")
    jitter = rng.uniform(-25, 25, size=(2,) + gx.shape)
    jitter[:, [0, -1], :] = 0
    jitter[:, :, [0, -1]] = 0
    gx, gy = gx + jitter[0] + X0, gy + jitter[1] + Y0
    patches = []
    for i in range(side):
        for j in range(side):
            patches.append(shapely.Polygon([(gx[i, j], gy[i, j]), (gx[i + 1, j], gy[i + 1, j]),
                                            (gx[i + 1, j + 1], gy[i + 1, j + 1]), (gx[i, j + 1], gy[i, j + 1])]))
    n = len(patches)
    codes = rng.choice(CODES, n)
    czcsxm = np.where(np.isin(codes, ["0701", "0702", "0601", "05H1", "0810"]), rng.choice(["201", "203"], n), "")
    tbmj = np.array([p.area for p in patches])
    tbdlmj = tbmj * rng.uniform(0.9, 1.0, n)
    extent = side * cell
    wave = np.linspace(Y0, Y0 + extent, 80)
    border = X0 + extent / 2 + 200 * np.sin((wave - Y0) / 300)
    west = shapely.Polygon(np.vstack([[(X0, Y0)], np.column_stack([border, wave]), [(X0, Y0 + extent)]]))
    east = shapely.Polygon(np.vstack([[(X0 + extent, Y0 + extent)], np.column_stack([border[::-1], wave[::-1]]),
                                      [(X0 + extent, Y0)]]))
    urban = shapely.Point(X0 + extent * 0.4, Y0 + extent * 0.5).buffer(extent * 0.35)
    redline = [shapely.Point(X0 + 600, Y0 + 700).buffer(400), shapely.box(X0 + 1500, Y0 + 200, X0 + 2300, Y0 + 900)]
    lines = [shapely.LineString([(X0, Y0 + t), (X0 + extent, Y0 + t + 300)]) for t in range(100, int(extent), 350)]
    return {
        "dltb": layer("DLTB", patches, DLBM=codes, CZCSXM=czcsxm, TBMJ=tbmj, TBDLMJ=tbdlmj),
        "admin_district": layer("XZQ", [west, east], XZQDM=["350203", "350205"], XZQMC=["西区", "东区"]),
        "urban_area": layer("CQFW", [urban], MC=["城区"]),
        "eco_redline": layer("STBHHX", redline, HXMC=["a", "b"]),
        "roads": layer("DL", lines, kind="line", DJ=["主干路"] * len(lines)),
    }


def reference_area(city, group_id, clip=None):
    """Feature by feature: TBDLMJ × planar share, per district by intersection."""
    group = LandUseGroups.default()[group_id]
    dltb = city["dltb"]
    mask = group.mask(dltb.attributes["DLBM"], dltb.attributes["CZCSXM"])
    clip_geom = shapely.union_all(city[clip].geometries) if clip else None
    districts = city["admin_district"].geometries
    total, per = 0.0, np.zeros(len(districts))
    for patch, value, inside in zip(dltb.geometries, dltb.attributes["TBDLMJ"], mask):
        if not inside:
            continue
        piece = patch.intersection(clip_geom) if clip else patch
        total += value * piece.area / patch.area
        for k, district in enumerate(districts):
            per[k] += value * piece.intersection(district).area / patch.area
    return total, per


@pytest.mark.parametrize("code, group, clip", [
    ("C-04", "chengxiang_jianshe", None), ("A-11", "gengdi", None), ("A-14", "chengxiang_jianshe", "eco_redline"),
])
def test_landuse_areas_match_the_plain_computation(city, code, group, clip):
    catalog = load_catalog()
    (result,) = compute(catalog, city, None, 2024, codes=[code])
    total, per = reference_area(city, group, clip)
    factor = {"km²": 1e6, "万亩": 1e4 * 10000 / 15}[result.unit]
    assert result.value * factor == pytest.approx(total, rel=1e-9)
    for k, district in enumerate(("350203", "350205")):
        assert result.unit_value("district", district) * factor == pytest.approx(per[k], rel=1e-9, abs=1e-6)
    assert per.sum() == pytest.approx(total, rel=1e-9)  # the districts cover the city: nothing lost at borders


def test_park_area_inside_the_urban_area_per_district(city):
    catalog = load_catalog()
    (result,) = compute(catalog, city, pd.DataFrame({"code": ["POP_CQ"], "year": [2024], "unit_code": ["city"],
                                                     "value": [1.0], "unit": ["万人"]}), 2024, codes=["F-21"])
    total, _ = reference_area(city, "gongyuan_lvdi", "urban_area")
    assert result.value == pytest.approx(total / 10000, rel=1e-9)


def test_road_length_inside_the_urban_area(city):
    catalog = load_catalog()
    (result,) = compute(catalog, city, None, 2024, codes=["B-05"])
    urban = city["urban_area"].geometries[0]
    pieces = np.array([line.intersection(urban) for line in city["roads"].geometries], dtype=object)
    length = geodesy.ellipsoidal_length(pieces, "EPSG:4548").sum()
    area = geodesy.ellipsoidal_area(np.array([urban]), "EPSG:4548")[0]
    assert result.value == pytest.approx((length / 1000) / (area / 1e6), rel=1e-6)
    west = city["admin_district"].geometries[0]
    west_length = geodesy.ellipsoidal_length(shapely.intersection(pieces, west), "EPSG:4548").sum()
    west_area = geodesy.ellipsoidal_area(np.array([urban.intersection(west)]), "EPSG:4548")[0]
    assert result.unit_value("district", "350203") == pytest.approx((west_length / 1000) / (west_area / 1e6), rel=1e-6)


def test_without_tbdlmj_the_ellipsoidal_area_is_used(city):
    catalog = load_catalog()
    attributes = city["dltb"].attributes.drop(columns=["TBDLMJ", "TBMJ"])
    plain = dict(city, dltb=LayerData("DLTB", city["dltb"].geometries, attributes, city["dltb"].fids, "EPSG:4548"))
    (result,) = compute(catalog, plain, None, 2024, codes=["C-04"])
    group = LandUseGroups.default()["chengxiang_jianshe"]
    mask = group.mask(attributes["DLBM"], attributes["CZCSXM"])
    expected = geodesy.ellipsoidal_area(city["dltb"].geometries[mask], "EPSG:4548").sum()
    planar = shapely.area(city["dltb"].geometries[mask]).sum()
    assert result.value * 1e6 == pytest.approx(expected, rel=1e-9)
    assert abs(planar - expected) / expected > 1e-4  # the convention makes a difference here
