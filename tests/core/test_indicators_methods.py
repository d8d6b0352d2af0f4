"""Each method on hand-made layers with exactly known answers."""

import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core import geodesy
from cityhealth_plugin.core.catalog.loader import load_catalog
from cityhealth_plugin.core.indicators.context import EngineContext
from cityhealth_plugin.core.indicators.engine import compute, compute_one
from cityhealth_plugin.core.indicators.registry import Measurement, register_method, unregister_method
from cityhealth_plugin.core.indicators.result import plugin_version
from cityhealth_plugin.core.indicators.values import Quantity
from cityhealth_plugin.core.layer_data import LayerData

X, Y = 500_000.0, 2_700_000.0  # on the central meridian of EPSG:4548: scale factor 1


def layer(name, geoms, kind="polygon", crs="EPSG:4548", **columns):
    geoms = np.asarray(geoms, dtype=object)
    frame = pd.DataFrame(columns) if columns else pd.DataFrame(index=range(len(geoms)))
    return LayerData(name, geoms, frame, np.arange(1, len(geoms) + 1), crs, kind)


def box(x0, y0, x1, y1):
    return shapely.box(X + x0, Y + y0, X + x1, Y + y1)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def dltb(**over):
    """Two 100 m squares: 耕地 (TBDLMJ 9000, 田坎 1000) and 城镇住宅 (TBDLMJ 10000), then forest."""
    columns = dict(DLBM=["0101", "0701", "0301"], CZCSXM=["", "201", ""], TBMJ=[10000.0, 10000.0, 20000.0],
                   KCMJ=[1000.0, 0.0, 0.0], TBDLMJ=[9000.0, 10000.0, 20000.0])
    columns.update(over)
    return layer("DLTB", [box(0, 0, 100, 100), box(100, 0, 200, 100), box(0, 100, 200, 200)], **columns)


def districts():
    return layer("XZQ", [box(0, 0, 150, 200), box(150, 0, 300, 200)], XZQDM=["350203", "350205"],
                 XZQMC=["思明区", "海沧区"])


def run(catalog, code, layers, statistics=None, year=2024):
    (result,) = compute(catalog, layers, statistics, year, codes=[code])
    return result


def stats(rows):
    return pd.DataFrame(rows, columns=["code", "year", "unit_code", "value", "unit"])


# ------------------------------------------------------------------ land-use areas
def test_landuse_area_sums_tbdlmj_and_converts_units(catalog):
    result = run(catalog, "A-11", {"dltb": dltb()})
    assert result.status == "ok" and result.unit == "万亩"
    assert result.value == pytest.approx(9000 / (10000 / 15) / 10000)
    assert result.provenance.area_method == "TBDLMJ"
    assert result.provenance.inputs[0].features == 3


def test_patch_crossing_a_district_boundary_is_split_by_area(catalog):
    result = run(catalog, "C-04", {"dltb": dltb(), "admin_district": districts()})  # 0701 patch x 100..200
    assert result.value == pytest.approx(0.01)
    assert result.unit_value("district", "350203") == pytest.approx(0.005)
    assert result.unit_value("district", "350205") == pytest.approx(0.005)
    names = dict(zip(result.per_unit["unit_code"], result.per_unit["unit_name"]))
    assert names == {"350203": "思明区", "350205": "海沧区"}


def test_overlay_cutting_a_patch_in_half_gives_half_its_tbdlmj(catalog):
    redline = layer("STBHHX", [box(100, -50, 150, 150)], HXMC=["红线"])
    result = run(catalog, "A-14", {"dltb": dltb(TBDLMJ=[9000.0, 8000.0, 20000.0]), "eco_redline": redline})
    assert result.status == "ok"
    assert result.value == pytest.approx(4000 / 1e6)  # km²
    (overlap,) = result.layers.values()
    assert len(overlap) == 1 and overlap.attributes["AREA_M2"].iloc[0] == pytest.approx(4000)
    assert overlap.attributes["SHARE"].iloc[0] == pytest.approx(0.5)
    assert shapely.area(overlap.geometries[0]) == pytest.approx(5000)


def test_overlay_pieces_are_split_again_by_district(catalog):
    redline = layer("STBHHX", [box(120, 0, 200, 100)], HXMC=["红线"])  # 80 % of the 0701 patch, across x=150
    result = run(catalog, "A-14", {"dltb": dltb(), "eco_redline": redline, "admin_district": districts()})
    assert result.value == pytest.approx(8000 / 1e6)
    assert result.unit_value("district", "350203") == pytest.approx(3000 / 1e6)
    assert result.unit_value("district", "350205") == pytest.approx(5000 / 1e6)


def test_overlapping_clip_polygons_do_not_count_twice(catalog):
    redline = layer("STBHHX", [box(100, 0, 160, 100), box(140, 0, 200, 100)], HXMC=["a", "b"])
    result = run(catalog, "A-14", {"dltb": dltb(), "eco_redline": redline})
    assert result.value == pytest.approx(10000 / 1e6)


def test_control_layer_area_is_ellipsoidal_and_dissolved(catalog):
    redline = layer("STBHHX", [box(0, 0, 100, 100), box(50, 0, 150, 100)], HXMC=["a", "b"])
    result = run(catalog, "A-13", {"eco_redline": redline})
    assert result.value == pytest.approx(15000 / 1e6, rel=1e-6)
    assert "ellipsoidal" in result.provenance.area_method


def test_ellipsoidal_fallback_without_tbdlmj(catalog):
    far = layer("DLTB", [shapely.box(650_000, Y, 650_100, Y + 100)], DLBM=["0101"], CZCSXM=[""], TBMJ=[1.0])
    result = run(catalog, "A-11", {"dltb": far})
    expected = geodesy.ellipsoidal_area(far.geometries, "EPSG:4548")[0]
    assert expected < 9999.0  # 150 km from the central meridian: the planar area is too large
    assert result.value * 1e4 * 10000 / 15 == pytest.approx(expected, rel=1e-12)
    assert result.provenance.area_method == "ellipsoidal CGCS2000"
    assert any("no TBDLMJ" in w for w in result.provenance.warnings)


def test_missing_tbdlmj_values_fall_back_per_feature(catalog):
    result = run(catalog, "D-03", {"dltb": dltb(TBDLMJ=[9000.0, 10000.0, None])})
    assert result.value * 1e4 * 10000 / 15 == pytest.approx(20000, rel=1e-6)
    assert "1 features without it" in result.provenance.area_method


def test_land_shares(catalog):
    assert run(catalog, "B-08", {"dltb": dltb()}).value == pytest.approx(100)
    assert run(catalog, "D-01", {"dltb": dltb()}).value == pytest.approx(50)  # forest / Σ TBMJ
    assert run(catalog, "B-03", {"dltb": dltb()}).value == pytest.approx(0)


def test_share_with_empty_denominator_is_nan_not_zero(catalog):
    result = run(catalog, "B-08", {"dltb": dltb(DLBM=["0101", "0101", "0301"])})
    assert result.status == "ok" and np.isnan(result.value)
    assert any("undefined" in w for w in result.provenance.warnings)


# ------------------------------------------------------------------ densities, counts, per capita
def urban():
    return layer("CQFW", [box(0, 0, 1000, 1000)], MC=["城区"])


def test_road_density_counts_only_city_roads_inside_the_urban_area(catalog):
    roads = layer("DL", [shapely.LineString([(X - 500, Y + 500), (X + 500, Y + 500)]),
                         shapely.LineString([(X + 200, Y), (X + 200, Y + 1000)]),
                         shapely.LineString([(X + 300, Y), (X + 300, Y + 1000)])], kind="line",
                  DJ=["主干路", "支路", "步行道"])
    result = run(catalog, "B-05", {"roads": roads, "urban_area": urban()})
    assert result.value == pytest.approx(1.5 / 1.0, rel=1e-6)  # (0.5 + 1.0) km / 1 km²


def test_a_road_on_a_district_boundary_counts_half_in_each(catalog):
    roads = layer("DL", [shapely.LineString([(X + 150, Y + 10), (X + 150, Y + 190)]),
                         shapely.LineString([(X + 10, Y + 50), (X + 290, Y + 50)])], kind="line", DJ=["主干路", "支路"])
    area = layer("CQFW", [box(0, 0, 300, 200)], MC=["城区"])
    result = run(catalog, "B-05", {"roads": roads, "urban_area": area, "admin_district": districts()})
    assert result.value * 0.06 == pytest.approx((180 + 280) / 1000, rel=1e-6)  # km over 0.06 km²
    west, east = result.unit_value("district", "350203"), result.unit_value("district", "350205")
    assert west * 0.03 == pytest.approx((90 + 140) / 1000, rel=1e-6)  # half of the boundary road each
    assert east * 0.03 == pytest.approx((90 + 140) / 1000, rel=1e-6)


def test_buildings_count_density_and_floor_area(catalog):
    buildings = layer("JZ", [box(10, 10, 40, 40), box(100, 100, 120, 150), box(2000, 0, 2050, 50)],
                      CS=[30, 2, 40], GD=[100.0, 6.5, 130.0])
    layers = {"buildings": buildings, "urban_area": urban()}
    assert run(catalog, "A-22", layers).value == 1  # GD ≥ 100 inside 城区
    assert run(catalog, "C-05", layers).value == pytest.approx((900 + 1000) / 1e6 * 100, rel=1e-6)
    assert run(catalog, "C-10", layers).value == pytest.approx((900 * 30 + 1000 * 2) / 1e4, rel=1e-6)


def test_population_density_from_grid_or_statistic(catalog):
    grid = layer("RK", [box(0, 0, 500, 1000), box(500, 0, 1500, 1000)], RKS=[1000.0, 3000.0])
    result = run(catalog, "C-02", {"population": grid, "urban_area": urban()})
    assert result.value == pytest.approx(1000 + 1500, rel=1e-6)  # the 2nd cell is half inside
    fallback = run(catalog, "C-02", {"urban_area": urban()},
                   stats([("POP_CQ", 2024, "city", 0.5, "万人")]))
    assert fallback.value == pytest.approx(5000, rel=1e-6)
    assert any("POP_CQ" in c for c in fallback.provenance.choices)


def test_per_capita_with_statistics_per_district(catalog):
    table = stats([("POP_URBAN", 2024, "city", 0.01, "万人"), ("POP_URBAN", 2024, "350203", 40, "人"),
                   ("POP_URBAN", 2024, "350205", 60, "人"), ("POP_URBAN", 2023, "city", 99, "万人")])
    result = run(catalog, "C-11", {"dltb": dltb(), "admin_district": districts()}, table)
    assert result.value == pytest.approx(100)  # 10000 m² / 100 人
    assert result.unit_value("district", "350203") == pytest.approx(5000 / 40)
    assert result.unit_value("district", "350205") == pytest.approx(5000 / 60)
    assert result.provenance.statistics[0]["code"] == "POP_URBAN"


def test_shelter_area_per_capita(catalog):
    shelters = layer("SS_BNCS", [shapely.Point(X + 10, Y + 10), shapely.Point(X + 5000, Y)], kind="point",
                     MJ=[3000.0, 999.0])
    table = stats([("POP_CQ", 2024, "city", 0.1, "万人")])
    result = run(catalog, "A-18", {"fac_shelter": shelters, "urban_area": urban()}, table)
    assert result.value == pytest.approx(3.0)


def test_derived_indicator_combines_spatial_and_statistic(catalog):
    table = stats([("GDP", 2024, "city", 1.0, "亿元")])
    results = compute(catalog, {"dltb": dltb()}, table, 2024, codes=["D-07"])
    assert results[0].value == pytest.approx(10000 / 10000)  # 10000 m² / 1e4 万元
    assert results[0].provenance.statistics[0]["code"] == "GDP"


def test_statistic_found_by_name_and_converted(catalog):
    table = pd.DataFrame({"code": ["GDP_TOTAL"], "name_zh": ["地区生产总值"], "year": [2024], "unit_code": ["city"],
                          "value": [10000.0], "unit": ["万元"]})
    (result,) = compute(catalog, {"dltb": dltb()}, table, 2024, codes=["D-07"])
    assert result.value == pytest.approx(10000 / 10000)
    assert any("found by name" in c for c in result.provenance.choices)


def test_statistic_indicator(catalog):
    table = stats([("A-01", 2024, "city", 5000.0, "万m³"), ("A-01", 2024, "350203", 2000.0, "万m³")])
    result = run(catalog, "A-01", {"admin_district": districts()}, table)
    assert result.value == pytest.approx(0.5) and result.unit == "亿m³"
    assert result.unit_value("district", "350203") == pytest.approx(0.2)
    assert result.source_type == "statistic"


# ------------------------------------------------------------------ statuses
def test_missing_inputs_are_named_never_zero(catalog):
    result = run(catalog, "C-11", {"dltb": dltb()})
    assert result.status == "missing_input" and result.value is None
    assert result.missing == ["statistic:POP_URBAN"]
    result = run(catalog, "A-13", {"dltb": dltb()})
    assert result.missing == ["role:eco_redline"]
    no_floors = layer("JZ", [box(0, 0, 10, 10)], GD=[3.0])
    result = run(catalog, "C-10", {"buildings": no_floors, "urban_area": urban()})
    assert result.status == "missing_input" and result.missing == ["field:buildings.CS"]
    wrong_year = run(catalog, "A-01", {}, stats([("A-01", 2023, "city", 1.0, "亿m³")]))
    assert wrong_year.status == "missing_input" and "2023" in wrong_year.message


def _restore_walk_coverage():
    """Put the network engine's method back (other tests in the session use it)."""
    from cityhealth_plugin.core.network import indicator_method

    indicator_method.register()


def test_walk_coverage_is_unavailable_until_registered(catalog):
    layers = {"fac_community_health": layer("SS_SQWS", [shapely.Point(X, Y)], kind="point")}
    unregister_method("walk_coverage")
    try:
        assert run(catalog, "F-10", layers).status == "unavailable"
    finally:
        _restore_walk_coverage()

    def fake_walk_coverage(indicator, ctx):
        assert indicator.params["threshold_min"] == 15
        return Measurement(Quantity.scalar(0.8))

    register_method("walk_coverage", fake_walk_coverage)
    try:
        result = run(catalog, "F-10", layers)
        assert result.status == "ok" and result.value == pytest.approx(80)
    finally:
        _restore_walk_coverage()


def test_a_method_failure_is_an_error_status(catalog):
    def broken(indicator, ctx):
        raise RuntimeError("boom")

    register_method("walk_coverage", broken)
    try:
        result = run(catalog, "F-10", {})
        assert result.status == "error" and "boom" in result.message
    finally:
        _restore_walk_coverage()
    bad_unit = run(catalog, "A-01", {}, stats([("A-01", 2024, "city", 1.0, "km²")]))
    assert bad_unit.status == "error" and "km²" in bad_unit.message


# ------------------------------------------------------------------ coverage
def test_radius_coverage_share_of_residential_land(catalog):
    """The straight-line method, on an 800 m radius record (a city may configure F-05 this way)."""
    from dataclasses import replace

    from cityhealth_plugin.core.catalog.model import Catalog

    params = {"facilities": ["fac_metro_station"], "radius_m": 800, "within": "urban_area",
              "base": {"first_of": [{"sum": "population", "field": "RKS", "within": "urban_area"},
                                    {"landuse": "chengxiang_juzhu", "within": "urban_area"}]}}
    record = replace(catalog.get("F-05"), method="radius_coverage", params=params)
    radius_catalog = Catalog({"F-05": record}, catalog.statistics)
    residential = layer("DLTB", [box(0, 0, 1000, 1000)], DLBM=["0701"], CZCSXM=["201"], TBMJ=[1e6], TBDLMJ=[1e6])
    station = layer("SS_GDZD", [shapely.Point(X, Y)], kind="point")
    result = run(radius_catalog, "F-05", {"dltb": residential, "fac_metro_station": station, "urban_area": urban()})
    quarter_circle = shapely.area(shapely.buffer(shapely.Point(X, Y), 800, quad_segs=16)) / 4
    assert result.value == pytest.approx(quarter_circle / 1e6 * 100, rel=1e-9)
    assert "chengxiang_juzhu" in str(result.provenance.parameters)
    assert len(result.layers) == 1


# ------------------------------------------------------------------ provenance, CRS
def test_provenance_hash_changes_with_the_data(catalog):
    first = run(catalog, "A-11", {"dltb": dltb()})
    again = run(catalog, "A-11", {"dltb": dltb()})
    changed = run(catalog, "A-11", {"dltb": dltb(TBDLMJ=[9000.0, 10000.0, 20001.0])})
    assert first.provenance.inputs[0].hash == again.provenance.inputs[0].hash != changed.provenance.inputs[0].hash
    assert first.provenance.plugin_version == plugin_version() != "unknown"
    assert first.provenance.formula.startswith("行政区内")
    assert '"code": "A-11"' in first.provenance_json()


def test_layers_in_lonlat_are_reprojected(catalog):
    base = dltb()
    lonlat = layer("DLTB", geodesy.transform_geometries(base.geometries, "EPSG:4548", "EPSG:4490"),
                   crs="EPSG:4490", **base.attributes.to_dict("list"))
    redline = layer("STBHHX", [box(100, -50, 150, 150)], HXMC=["红线"])
    result = run(catalog, "A-14", {"dltb": lonlat, "eco_redline": redline})
    assert result.value == pytest.approx(5000 / 1e6, rel=1e-6)
    assert any("reprojected" in w for w in result.provenance.warnings)


def test_invalid_geometries_are_repaired_with_a_note(catalog):
    bowtie = shapely.Polygon([(X, Y), (X + 100, Y + 100), (X + 100, Y), (X, Y + 100)])
    bad = layer("DLTB", [bowtie], DLBM=["0701"], CZCSXM=["201"], TBMJ=[10000.0], TBDLMJ=[10000.0])
    redline = layer("STBHHX", [box(0, 0, 50, 100)], HXMC=["红线"])
    result = run(catalog, "A-14", {"dltb": bad, "eco_redline": redline})
    assert result.status == "ok" and result.value == pytest.approx(0.005)
    assert any("repaired" in w for w in result.provenance.warnings)


def test_context_caches_are_shared(catalog):
    ctx = EngineContext({"dltb": dltb(), "admin_district": districts()}, None, 2024, catalog)
    compute_one(catalog["C-03"], ctx)
    layer_cache = ctx.layer("dltb")._cache
    assert ("official_area", "TBDLMJ") in layer_cache
    pairs = dict(ctx._zone_pairs)
    compute_one(catalog["C-04"], ctx)
    assert all(ctx._zone_pairs[k] is v for k, v in pairs.items())
