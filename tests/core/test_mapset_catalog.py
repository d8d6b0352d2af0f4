"""The map set's pure part: catalogue, availability, sheet geometry, texts, classes, derived layers."""

import copy
import datetime
import json

import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.mapset import (
    CATALOGUE_FILE,
    DistrictValues,
    TocRow,
    class_breaks,
    class_labels,
    construction_change,
    crs_note,
    crs_parts,
    default_catalogue,
    district_values_layer,
    load_catalogue,
    map_title,
    nice_scale,
    notes_text,
    page_geometry,
    population_density,
    road_density,
    split_indicator_table,
    toc_lines,
    validate_catalogue,
)
from cityhealth_plugin.core.mapset.catalog import CatalogueError
from cityhealth_plugin.core.mapset.page import MAP_ITEMS, scalebar_segment_km, template_name, user_template_name
from cityhealth_plugin.core.mapset.text import format_limit, unavailable_summary
from cityhealth_plugin.core.roles.registry import facility_roles

X0, Y0 = 600000.0, 2710000.0
CRS = "EPSG:4548"


def raw():
    return json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- catalogue

def test_shipped_catalogue_is_valid_and_expands_templates():
    catalogue = load_catalogue()
    entries = catalogue.entries({"A-01": {"zh": "人均公园绿地面积", "en": "Park area per capita", "unit": "m²/人"}})
    ids = [entry.id for entry in entries]
    assert len(ids) == len(set(ids))
    assert ids[:5] == ["landuse_status", "control_lines", "construction_change", "population_density", "road_density"]
    coverage = [e for e in entries if e.spec_id == "coverage"]
    assert len(coverage) == len(facility_roles())
    school = next(e for e in coverage if e.key == "fac_primary_school")
    assert school.name("zh") == "小学服务覆盖图"
    assert school.name("en") == "Primary schools: service coverage"
    assert school.required_sources() == ("result:service_area:fac_primary_school",)
    assert "role:fac_primary_school" in school.optional_sources()
    indicator = next(e for e in entries if e.spec_id == "indicator")
    assert indicator.id == "indicator_A_01"
    assert indicator.name("zh") == "人均公园绿地面积分区图"
    assert indicator.layers[0].title("zh") == "人均公园绿地面积（m²/人）"
    # the district boundary overlay is on every map, and not labelled on district choropleths
    for entry in entries:
        assert entry.layers[-1].source == "role:admin_district" and entry.layers[-1].optional
    landuse = next(e for e in entries if e.id == "landuse_status")
    assert landuse.layers[-1].option("labels") is None and landuse.atlas
    road = next(e for e in entries if e.id == "road_density")
    assert road.layers[-1].option("labels") is False and not road.atlas
    assert "indicator" not in [e.spec_id for e in catalogue.static_entries()]


def test_roles_used_cover_maps_and_derived_inputs():
    used = default_catalogue().roles_used()
    for role_id in ("admin_district", "dltb", "dltb_base", "farmland_protection", "eco_redline", "urban_boundary",
                    "heritage_line", "roads", "population", "fac_primary_school", "park_square"):
        assert role_id in used
    assert "buildings" not in used


def test_availability_names_the_missing_role_or_result():
    catalogue = default_catalogue()
    entries = {e.id: e for e in catalogue.static_entries()}
    ok = catalogue.availability(entries["landuse_status"], {"role:dltb"})
    assert ok.available and ok.reason == ""
    change = catalogue.availability(entries["construction_change"], {"role:dltb"})
    assert not change.available and change.missing == ("role:dltb_base",)
    assert "base year 2020" in change.reason and "Data panel" in change.reason
    lines = catalogue.availability(entries["control_lines"], {"role:dltb", "role:eco_redline"})
    assert set(lines.missing) == {"role:farmland_protection", "role:urban_boundary"}
    compliance = catalogue.availability(entries["compliance"], {"role:dltb"}, lang="zh")
    assert compliance.missing == ("result:compliance_violations",)
    assert "底线管控检查" in compliance.reason
    school = catalogue.availability(entries["coverage_fac_primary_school"], {"result:service_area:fac_hospital"},
                                    lang="en")
    assert "Primary schools" in school.reason and "facility coverage analysis" in school.reason
    problem = catalogue.availability(entries["landuse_status"], {"role:dltb"},
                                     {"role:dltb": "Layer 'DLTB' has no features."})
    assert not problem.available and problem.reason == "Layer 'DLTB' has no features."


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["maps"][0]["layers"][0].update(source="role:nonsense"), "unknown role 'nonsense'"),
    (lambda d: d["maps"][0]["layers"][0].update(style="heatmap"), "style 'heatmap'"),
    (lambda d: d["maps"][1].update(id="landuse_status"), "used twice"),
    (lambda d: d["maps"][2]["layers"][1].pop("classes"), "list of 'classes'"),
    (lambda d: d["maps"][1]["layers"][1].update(fill="yellow"), "colour like #1f78b4"),
    (lambda d: d["maps"][0]["layers"][0].update(source="result:service_area"), "per facility"),
    (lambda d: d["maps"][0]["layers"][0].update(source="role:{key}"), "each"),
    (lambda d: d["maps"][0].pop("en"), "English (en)"),
    (lambda d: d["texts"].pop("crs_gk"), "texts.crs_gk"),
    (lambda d: d["maps"][3]["layers"][0].update(classes=12), "from 2 to 9"),
    (lambda d: d["derived"]["road_density"].update(inputs=["derived:x"]), "role:<known role id>"),
])
def test_validation_catches_broken_catalogues(change, expected, tmp_path):
    data = raw()
    assert validate_catalogue(data) == []
    broken = copy.deepcopy(data)
    change(broken)
    problems = validate_catalogue(broken)
    assert any(expected in p for p in problems), problems
    path = tmp_path / "maps.json"
    path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueError):
        load_catalogue(path)


# ---------------------------------------------------------------- sheet

@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_page_items_fit_the_sheet_without_overlapping(paper):
    geometry = page_geometry(paper)
    rects = geometry.map_page_rects()
    assert set(rects) == set(MAP_ITEMS)
    from cityhealth_plugin.core.mapset import Rect

    page = Rect(0, 0, geometry.width, geometry.height)
    for name, rect in rects.items():
        assert page.contains(rect), name
        if name != "page_number":
            assert geometry.neatline.contains(rect), name
    assert not geometry.map.overlaps(geometry.panel)
    assert geometry.title.bottom <= geometry.map.y and geometry.title.bottom <= geometry.panel.y
    panel_items = ["north_arrow", "legend", "scalebar", "notes"]
    for name in panel_items:
        assert geometry.panel.contains(rects[name]), name
    for upper, lower in zip(panel_items[:-1], panel_items[1:]):
        assert rects[upper].bottom <= rects[lower].y, (upper, lower)
    for name, rect in geometry.cover_rects().items():
        assert geometry.neatline.contains(rect), name
    assert template_name(paper) == f"mapset_{paper.lower()}_landscape.qpt"
    assert user_template_name("road_density", paper) == f"road_density_{paper.lower()}.qpt"


def test_a4_is_a3_scaled_by_the_paper_ratio():
    a3, a4 = page_geometry("A3"), page_geometry("A4")
    factor = 297.0 / 420.0
    assert a4.map.w == pytest.approx(a3.map.w * factor, abs=0.01)
    assert a4.legend.y == pytest.approx(a3.legend.y * factor, abs=0.01)
    assert a4.fonts.title < a3.fonts.title
    with pytest.raises(ValueError):
        page_geometry("A0")


@pytest.mark.parametrize("raw_scale, nice", [(143210, 150000), (152600, 200000), (99999, 100000), (1000, 1000),
                                             (118000, 120000), (812345, 1000000), (4.2, 5)])
def test_nice_scale(raw_scale, nice):
    assert nice_scale(raw_scale) == nice


@pytest.mark.parametrize("scale, target, km", [(150000, 70.4, 2.5), (150000, 49.6, 1.0), (60000, 49.6, 0.5),
                                               (200000, 70.4, 2.5), (1000, 70, 0.01)])
def test_scalebar_segments_are_round_and_fit(scale, target, km):
    assert scalebar_segment_km(scale, target) == km
    assert 4 * km * 1e6 / scale <= target + 1e-6


# ---------------------------------------------------------------- texts

def test_titles_in_both_languages():
    catalogue = default_catalogue()
    entries = {e.id: e for e in catalogue.static_entries()}
    assert map_title(catalogue, entries["landuse_status"], "zh", "厦门市", 2024) == "厦门市国土空间开发保护现状图（2024年）"
    assert map_title(catalogue, entries["construction_change"], "zh", "厦门市", 2024, 2020) == \
        "厦门市建设用地变化图（2020—2024年）"
    assert map_title(catalogue, entries["landuse_status"], "en", "Xiamen", 2024) == \
        "Current territorial space development and protection — Xiamen (2024)"
    assert map_title(catalogue, entries["landuse_status"], "zh", "", 2024) == "国土空间开发保护现状图（2024年）"
    assert map_title(catalogue, entries["road_density"], "zh", "厦门市", 2024, district="思明区") == \
        "厦门市思明区道路网密度分区图（2024年）"


@pytest.mark.parametrize("authid, description, proj, geographic, zh, en", [
    ("EPSG:4548", "CGCS2000 / 3-degree Gauss-Kruger CM 117E",
     "+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs", False,
     "CGCS2000 / 3度带高斯-克吕格投影 中央经线117°E",
     "CGCS2000 / 3-degree Gauss-Krüger projection, central meridian 117°E"),
    ("EPSG:4527", "CGCS2000 / 3-degree Gauss-Kruger zone 39",
     "+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs", False,
     "CGCS2000 / 3度带高斯-克吕格投影 中央经线117°E", None),
    ("EPSG:4499", "CGCS2000 / Gauss-Kruger zone 21",
     "+proj=tmerc +lat_0=0 +lon_0=123 +k=1 +x_0=21500000 +y_0=0 +ellps=GRS80 +units=m +no_defs", False,
     "CGCS2000 / 6度带高斯-克吕格投影 中央经线123°E", None),
    ("EPSG:4490", "China Geodetic Coordinate System 2000", "+proj=longlat +ellps=GRS80 +no_defs", True,
     "CGCS2000 地理坐标系", "CGCS2000 geographic coordinates"),
    ("EPSG:32650", "WGS 84 / UTM zone 50N", "+proj=utm +zone=50 +datum=WGS84 +units=m +no_defs", False,
     "WGS 84 / 横轴墨卡托投影 中央经线117°E", None),
])
def test_crs_note_is_built_from_the_crs(authid, description, proj, geographic, zh, en):
    catalogue = default_catalogue()
    parts = crs_parts(authid, description, proj, geographic)
    assert crs_note(catalogue, parts, "zh") == zh
    if en:
        assert crs_note(catalogue, parts, "en") == en


def test_notes_and_contents():
    catalogue = default_catalogue()
    text = notes_text(catalogue, "zh", "CGCS2000", ["三调", "三调", "XZQ"], datetime.date(2024, 6, 3), 150000)
    assert text.split("\n") == ["坐标系：CGCS2000", "比例尺：1:150 000", "数据来源：三调、XZQ", "制图日期：2024年6月"]
    english = notes_text(catalogue, "en", "CGCS2000", [], datetime.date(2024, 6, 3))
    assert english.split("\n") == ["Coordinate system: CGCS2000", "Map date: June 2024"]
    lines = toc_lines(catalogue, [TocRow(1, "国土空间开发保护现状图", 2, 2), TocRow(2, "三条控制线图", 3, 6, 3)], "zh")
    assert lines[0] == "1．国土空间开发保护现状图\t第 2 页"
    assert lines[1] == "2．三条控制线图（含分区图 3 幅）\t第 3–6 页"


def test_unavailable_facility_maps_are_summarised_in_one_line():
    catalogue = default_catalogue()
    items = [catalogue.availability(e, {"role:dltb"}, lang="zh") for e in catalogue.static_entries()]
    summary = unavailable_summary(catalogue, items, "zh")
    coverage = [(name, reason) for name, reason in summary if "服务覆盖图" in name]
    assert len(coverage) == 1
    name, reason = coverage[0]
    assert name.startswith("社区卫生服务设施、医院、幼儿园等14类") and "设施服务范围" in reason
    assert ("三条控制线图" in dict(summary)) and "国土空间开发保护现状图" not in dict(summary)


# ---------------------------------------------------------------- classes

def test_class_breaks_are_readable_and_cover_the_data():
    values = [100.03, 5000, 20000, 60819.4, 1, 2, 3, np.nan]
    breaks = class_breaks(values, 5)
    assert breaks[0] <= 1 and breaks[-1] >= 60819.4
    assert breaks == sorted(set(breaks))
    assert class_labels(breaks) == ["1–2.2", "2.2–42", "42–3,000", "3,000–17,000", "17,000–61,000"]
    three = class_breaks([2.667, 5.57, 6.529], 5)
    assert len(three) == 4  # three districts never make five classes
    assert class_breaks([], 5) == [] and class_breaks([7, 7], 5) == [7.0, 7.0]
    equal = class_breaks([0, 10], 2, "equal")
    assert equal == [0.0, 5.0, 10.0]
    assert class_labels([100, 2300, 61000], 0) == ["100–2,300", "2,300–61,000"]
    assert format_limit(0.01234) == "0.012" and format_limit(0) == "0" and format_limit(1234.5) == "1,234"


# ---------------------------------------------------------------- derived layers

def square(x, y, size=1000.0):
    return shapely.box(X0 + x, Y0 + y, X0 + x + size, Y0 + y + size)


def dltb(rows):
    geoms = np.array([g for g, *_ in rows], dtype=object)
    frame = pd.DataFrame({"DLBM": [r[1] for r in rows], "DLMC": [r[2] for r in rows],
                          "CZCSXM": [r[3] for r in rows], "TBDLMJ": [g.area for g, *_ in rows],
                          "BSM": [str(i) for i in range(len(rows))]})
    return LayerData("DLTB", geoms, frame, np.arange(len(rows)), crs=CRS)


def districts():
    geoms = np.array([square(0, 0, 2000), square(2000, 0, 2000)], dtype=object)
    return LayerData("XZQ", geoms, pd.DataFrame({"XZQDM": ["350203", "350206"], "XZQMC": ["思明区", "湖里区"]}),
                     np.arange(2), crs=CRS)


def test_construction_change_new_and_lost_with_known_areas():
    base = dltb([(square(0, 0), "0101", "水田", ""), (square(1000, 0), "0701", "城镇住宅用地", "201"),
                 (square(0, 1000), "0301", "乔木林地", "")])
    current = dltb([(square(0, 0), "0701", "城镇住宅用地", "201"), (square(1000, 0), "0101", "水田", ""),
                    (square(0, 1000), "0301", "乔木林地", "")])
    change = construction_change(current, base, districts=districts())
    table = change.attributes
    assert sorted(table["change"]) == ["lost", "new"]
    new = table[table["change"] == "new"].iloc[0]
    lost = table[table["change"] == "lost"].iloc[0]
    assert (new["DLBM"], new["base_DLBM"]) == ("0701", "0101")
    assert (lost["DLBM"], lost["base_DLBM"]) == ("0101", "0701")
    areas = shapely.area(change.geometries)
    assert areas == pytest.approx([1e6, 1e6], rel=1e-9)
    unchanged = construction_change(base, base)
    assert len(unchanged) == 0


def test_road_density_per_district_known_answer():
    roads = LayerData("DL", np.array([shapely.LineString([(X0 + 500, Y0 + 100), (X0 + 500, Y0 + 1900)]),
                                      shapely.LineString([(X0 + 1000, Y0 + 1000), (X0 + 3000, Y0 + 1000)]),
                                      shapely.LineString([(X0 + 2500, Y0 + 0), (X0 + 2500, Y0 + 2000)])],
                                     dtype=object),
                      pd.DataFrame({"DJ": ["主干路", "支路", "步行道"]}), np.arange(3), crs=CRS,
                      geometry_type="line")
    result = road_density(roads, districts(), exclude_classes=["步行道"])
    table = result.attributes.set_index("XZQDM")
    # 思明区: 1.8 km + 1.0 km in 4 km²; 湖里区: 1.0 km (the footpath is left out) in 4 km²
    assert table.loc["350203", "length_km"] == pytest.approx(2.8, rel=2e-3)
    assert table.loc["350206", "length_km"] == pytest.approx(1.0, rel=2e-3)
    assert table.loc["350203", "area_km2"] == pytest.approx(4.0, rel=2e-3)
    assert table.loc["350203", "density"] == pytest.approx(0.7, rel=3e-3)
    assert table.loc["350206", "value"] == pytest.approx(0.25, rel=3e-3)


def test_population_density_cells_and_points():
    cells = LayerData("RK", np.array([square(0, 0, 100), square(100, 0, 100)], dtype=object),
                      pd.DataFrame({"RKS": [100.0, 250.0]}), np.arange(2), crs=CRS)
    grid = population_density(cells)
    assert grid.attributes["density"].to_numpy() == pytest.approx([10000, 25000], rel=2e-3)
    points = LayerData("RK", np.array([shapely.Point(X0 + 10, Y0 + 10), shapely.Point(X0 + 2500, Y0 + 10)],
                                      dtype=object), pd.DataFrame({"POP": [400.0, 800.0]}), np.arange(2), crs=CRS,
                       geometry_type="point")
    per_district = population_density(points, districts())
    assert per_district.attributes["density"].to_numpy() == pytest.approx([100, 200], rel=2e-3)
    from cityhealth_plugin.core.mapset import DerivedError

    with pytest.raises(DerivedError):
        population_density(points)


def test_district_values_from_tables_and_results():
    table = pd.DataFrame({"code": ["A1", "A1", "B2"], "name": ["绿地", "绿地", "密度"], "unit": ["%", "%", "km"],
                          "XZQDM": [350203, 350206, "350203"], "value": [1.5, None, 3]})
    split = split_indicator_table(table)
    assert set(split) == {"A1", "B2"}
    assert split["A1"].value_of("350203") == 1.5 and np.isnan(split["A1"].value_of("350206"))
    assert split["A1"].unit == "%" and split["B2"].name == "密度"
    layer = district_values_layer(districts(), split["A1"])
    assert list(layer.attributes["XZQMC"]) == ["思明区", "湖里区"]
    assert layer.attributes["value"].iloc[0] == 1.5 and np.isnan(layer.attributes["value"].iloc[1])
    empty = DistrictValues("X", "x", values={"350203": float("nan")})
    assert empty.problems() is not None

    class Result:
        code, name, unit, name_en = "C-3", "道路网密度", "km/km²", "Road density"
        per_unit = pd.DataFrame({"unit_type": ["district", "subdistrict"], "unit_code": ["350203", "350203001"],
                                 "unit_name": ["思明区", "鹭江街道"], "value": [5.5, 9.0]})

    values = DistrictValues.from_indicator_result(Result())
    assert values.values == {"350203": 5.5} and values.names()["en"] == "Road density"
    with pytest.raises(ValueError):
        DistrictValues.from_table(pd.DataFrame({"code": [1]}), "x", "x")
