"""The walk-coverage Processing algorithms through processing.run: a hand-made network with exact answers
and the small demo city against the core (on the same LayerData, read by qgis_bridge)."""

import math

import pytest
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException, QgsVectorLayer

from cityhealth_plugin.core.network import (assess_coverage, attach_points, build_graph, demand_from_layer,
                                            facilities_from_layer, life_circle_table, multi_source, reached_edges,
                                            service_area_polygon, topology_report)
from cityhealth_plugin.core.network import indicator_method
from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.qgis_bridge.layers import read_layer

X, Y = 500_000.0, 2_700_000.0
CRS = "EPSG:4548"


def run(algorithm, parameters):
    import processing

    return processing.run(f"cityhealth:{algorithm}", parameters)


@pytest.fixture(scope="module")
def demo_city(tmp_path_factory):
    from cityhealth_plugin.core.demo.city import generate_demo_city

    path = tmp_path_factory.mktemp("coverage_algorithms") / "democity_small.gpkg"
    generate_demo_city(scale="small", seed=2024, out=path)
    return path


@pytest.fixture(scope="module")
def uri(demo_city):
    tables = {name.upper(): name for name, *_ in gpkg.list_layers(demo_city)}
    return lambda table: f"{demo_city}|layername={tables[table]}"


@pytest.fixture(scope="module")
def data(qgis_app, uri):
    """LayerData of the demo layers, read as the algorithms read them."""
    def read(table):
        return read_layer(QgsVectorLayer(uri(table), table, "ogr"), target_crs=QgsCoordinateReferenceSystem(CRS))
    return read


def features(layer):
    return list(layer.getFeatures())


# -------------------------------------------------------------------------------------------- exact answers
def test_service_area_of_a_hand_made_road_is_exact(qgis_app, cityhealth_provider, memory_layer):
    """A 1 km road, a facility 30 m off it at x = 100: a 400 m walk reaches x = 0 … 470 (access leg 30 m);
    the polygon is that segment buffered by 50 m: 470 × 100 m plus a circle drawn as a 32-gon."""
    roads = memory_layer("LineString", CRS, [("DJ", "text")],
                         [(f"LINESTRING({X} {Y}, {X + 1000} {Y})", ["支路"])], "roads")
    school = memory_layer("Point", CRS, [("MC", "text")], [(f"POINT({X + 100} {Y + 30})", ["小学"])], "school")
    result = run("servicearea", {"ROADS": roads, "FACILITIES": school, "THRESHOLD": 400, "HALF_WIDTH": 50,
                                 "OUTPUT": "memory:", "LINES": "memory:"})
    polygon_area = 470 * 100 + 0.5 * 32 * 50 ** 2 * math.sin(2 * math.pi / 32)
    assert result["REACHED_KM"] == pytest.approx(0.470, abs=1e-9)
    assert result["AREA_M2"] == pytest.approx(polygon_area, rel=1e-9)
    polygons = features(result["OUTPUT"])
    assert len(polygons) == 1 and polygons[0].geometry().area() == pytest.approx(polygon_area, rel=1e-9)
    assert polygons[0]["N_FAC"] == 1 and polygons[0]["COST_UNIT"] == "m" and polygons[0]["HALF_W_M"] == 50
    lines = features(result["LINES"])
    assert [(f["FROM_M"], f["TO_M"], f["FULL"]) for f in lines] == [(0.0, pytest.approx(470.0), 0)]
    minutes = run("servicearea", {"ROADS": roads, "FACILITIES": school, "THRESHOLD": 6, "THRESHOLD_UNIT": 1,
                                  "WALK_SPEED": 4.0, "OUTPUT": "memory:", "LINES": "memory:"})
    assert minutes["REACHED_KM"] == pytest.approx((400 - 30 + 100) / 1000)  # 6 min × 4 km/h = 400 m


def test_driving_service_area_follows_speeds_and_one_way_streets(qgis_app, cityhealth_provider, memory_layer):
    """36 km/h = 10 m/s: one minute from a station at the junction reaches 600 m along the two-way road and
    nothing against the one-way street."""
    roads = memory_layer("LineString", CRS, [("DJ", "text"), ("SD", "real"), ("DX", "int")],
                         [(f"LINESTRING({X} {Y}, {X + 1000} {Y})", ["支路", 36.0, 0]),
                          (f"LINESTRING({X} {Y + 1000}, {X} {Y})", ["支路", 36.0, 1])], "roads")
    station = memory_layer("Point", CRS, [("MC", "text")], [(f"POINT({X} {Y})", ["消防站"])], "station")
    result = run("servicearea", {"ROADS": roads, "FACILITIES": station, "THRESHOLD": 1, "THRESHOLD_UNIT": 1,
                                 "MODE": 1, "OUTPUT": "memory:", "LINES": "memory:"})
    assert result["REACHED_KM"] == pytest.approx(0.6, abs=1e-9)
    with pytest.raises(QgsProcessingException, match="travel time"):
        run("servicearea", {"ROADS": roads, "FACILITIES": station, "THRESHOLD": 500, "THRESHOLD_UNIT": 0,
                            "MODE": 1, "OUTPUT": "memory:"})


# -------------------------------------------------------------------------------------------- demo city
def test_service_area_equals_the_core(cityhealth_provider, uri, data):
    result = run("servicearea", {"ROADS": uri("DL"), "FACILITIES": uri("SS_XX"), "THRESHOLD": 500,
                                 "OUTPUT": "memory:", "LINES": "memory:"})
    graph = build_graph(data("DL"))
    fac = facilities_from_layer(data("SS_XX"))
    reached = reached_edges(graph, multi_source(graph, attach_points(graph, fac.points), limit=500.0))
    polygon = service_area_polygon(graph, reached, 100.0)
    assert result["AREA_M2"] == pytest.approx(shapely.area(polygon), rel=1e-9)
    assert features(result["OUTPUT"])[0].geometry().area() == pytest.approx(shapely.area(polygon), rel=1e-6)
    assert result["LINES"].featureCount() == len(reached)
    assert result["OUTPUT"].fields().names() == ["THRESHOLD", "COST_UNIT", "MODE", "HALF_W_M", "N_FAC", "AREA_M2"]


def test_coverage_rates_three_ways_per_zone(cityhealth_provider, uri, data):
    result = run("coveragerates", {
        "ROADS": uri("DL"), "FAC_PRIMARY_SCHOOL": uri("SS_XX"), "FAC_ELDERLY": uri("SS_YL"), "POPULATION": uri("RK"),
        "RESIDENTIAL": uri("DLTB"), "URBAN_AREA": uri("CQFW"), "ADMIN_DISTRICT": uri("XZQ"),
        "ADMIN_SUBDISTRICT": uri("JD"), "OUTPUT": "memory:", "GAPS": "memory:"})
    rows = [f.attributes() for f in features(result["OUTPUT"])]
    names = result["OUTPUT"].fields().names()
    table = {(r[names.index("facility_type")], r[names.index("basis")], r[names.index("method")],
              r[names.index("level")], r[names.index("zone")]): dict(zip(names, r)) for r in rows}
    types = {k[0] for k in table}
    assert types == {"fac_primary_school", "fac_elderly"} and result["TYPES"] == 2
    levels = {k[3] for k in table}
    assert levels == {"city", "urban_area", "district", "subdistrict"}
    for basis in ("population", "area"):
        for method in ("network", "buffer"):
            row = table[("fac_primary_school", basis, method, "city", "city")]
            assert row["label"] and 0 < row["rate_pct"] < 100 and row["threshold"] == 500
    net = table[("fac_primary_school", "area", "network", "city", "city")]
    buf = table[("fac_primary_school", "area", "buffer", "city", "city")]
    assert net["gap_pct"] == pytest.approx(buf["rate_pct"] - net["rate_pct"])
    assert table[("fac_elderly", "population", "network", "city", "city")]["threshold"] == 300  # GB 50180 default
    assert table[("fac_primary_school", "population", "network", "district", "350203")]["zone_name"] == "思明区"
    # the same computation directly in the core
    dltb = data("DLTB")
    homes = dltb.attributes["DLBM"].astype(str).to_numpy() == "0701"
    from cityhealth_plugin.core.network import Residential
    direct = assess_coverage(build_graph(data("DL")), {"s": facilities_from_layer(data("SS_XX"))}, {"s": 500.0},
                             demand_from_layer(data("RK"), "RKS"), Residential(dltb.geometries[homes]),
                             half_width=100.0)
    t = direct.table[direct.table.level == "all"].set_index(["basis", "method"])["rate"]
    assert table[("fac_primary_school", "population", "network", "city", "city")]["rate_pct"] == \
        pytest.approx(t[("population", "network")] * 100, rel=1e-9)
    assert net["rate_pct"] == pytest.approx(t[("area", "network")] * 100, rel=1e-9)
    gaps = features(result["GAPS"])
    assert len(gaps) > 100 and {f["facility_type"] for f in gaps} == {"fac_primary_school", "fac_elderly"}
    uncovered = sum(f["UNCOV_M2"] for f in gaps if f["facility_type"] == "fac_primary_school")
    assert uncovered == pytest.approx(net["total"] - net["covered"], rel=1e-6)


def test_coverage_rates_with_a_type_field(cityhealth_provider, memory_layer):
    roads = memory_layer("LineString", CRS, [("DJ", "text")], [(f"LINESTRING({X} {Y}, {X + 1000} {Y})", ["支路"])])
    mixed = memory_layer("Point", CRS, [("LX", "text")], [(f"POINT({X} {Y})", ["诊所"]),
                                                           (f"POINT({X + 1000} {Y})", ["药店"])])
    people = memory_layer("Point", CRS, [("RKS", "real")], [(f"POINT({X + x} {Y + 10})", [10.0]) for x in
                                                             (100, 300, 700, 950)])
    result = run("coveragerates", {"ROADS": roads, "FACILITIES": mixed, "TYPE_FIELD": "LX",
                                   "THRESHOLDS": "诊所=320; 药店=100", "POPULATION": people, "OUTPUT": "memory:"})
    rows = {(f["facility_type"], f["method"]): f for f in features(result["OUTPUT"]) if f["level"] == "city"}
    assert rows[("诊所", "network")]["rate_pct"] == pytest.approx(50.0)  # 110 and 310 m away
    assert rows[("药店", "network")]["rate_pct"] == pytest.approx(25.0)  # 60 m away; 310 m too far


def test_facility_catchments_allocate_every_resident(cityhealth_provider, uri, data):
    result = run("facilitycatchments", {"ROADS": uri("DL"), "FACILITIES": uri("SS_XX"), "POPULATION": uri("RK"),
                                        "THRESHOLD": 0, "OUTPUT": "memory:", "ALLOCATION": "memory:"})
    schools = features(result["OUTPUT"])
    assert len(schools) == data("SS_XX").attributes.shape[0]
    total = float(data("RK").attributes["RKS"].sum())
    assert sum(f["POP_SERVED"] for f in schools) + result["UNSERVED"] == pytest.approx(total)
    assert sum(f["SHARE_PCT"] for f in schools) == pytest.approx(result["SERVED"] / total * 100)
    assert result["ALLOCATION"].featureCount() == data("RK").attributes.shape[0]
    limited = run("facilitycatchments", {"ROADS": uri("DL"), "FACILITIES": uri("SS_XX"), "POPULATION": uri("RK"),
                                         "THRESHOLD": 500, "OUTPUT": "memory:"})
    assert limited["SERVED"] < result["SERVED"]
    direct = assess_coverage(build_graph(data("DL")), {"s": facilities_from_layer(data("SS_XX"))}, {"s": 500.0},
                             demand_from_layer(data("RK"), "RKS"), buffer_radius={})
    assert limited["SERVED"] == pytest.approx(direct.table.query("level == 'all'")["covered"].iloc[0])


def test_life_circle_per_resident_and_summary(cityhealth_provider, uri, data):
    result = run("lifecircle", {"ROADS": uri("DL"), "POPULATION": uri("RK"), "FAC_COMMUNITY_HEALTH": uri("SS_SQWS"),
                                "FAC_PRIMARY_SCHOOL": uri("SS_XX"), "FAC_MARKET": uri("SS_CSC"),
                                "ADMIN_DISTRICT": uri("XZQ"), "OUTPUT": "memory:", "SUMMARY": "memory:"})
    cells = features(result["OUTPUT"])
    assert len(cells) == data("RK").attributes.shape[0]
    assert {f["N_REQUIRED"] for f in cells} == {3}
    incomplete = [f for f in cells if not f["COMPLETE"]]
    assert incomplete and all(f["MISSING"] and f["N_WITHIN"] < 3 for f in incomplete)
    types = ["fac_community_health", "fac_primary_school", "fac_market"]
    layers = {"fac_community_health": "SS_SQWS", "fac_primary_school": "SS_XX", "fac_market": "SS_CSC"}
    direct = assess_coverage(build_graph(data("DL")), {t: facilities_from_layer(data(layers[t]), t) for t in types},
                             {t: 1000.0 for t in types}, demand_from_layer(data("RK"), "RKS"), buffer_radius={})
    expected = life_circle_table(direct, types).query("level == 'all'")["rate"].iloc[0] * 100
    assert result["RATE"] == pytest.approx(expected, rel=1e-9)
    summary = features(result["SUMMARY"])
    items = {f["item"] for f in summary}
    assert items == {"complete"} | set(types)
    assert {f["level"] for f in summary} == {"city", "district"}


def test_suggested_sites_raise_coverage_step_by_step(cityhealth_provider, uri):
    result = run("suggestsites", {"ROADS": uri("DL"), "FACILITIES": uri("SS_XX"), "POPULATION": uri("RK"),
                                  "THRESHOLD": 500, "N_SITES": 5, "OUTPUT": "memory:", "TABLE": "memory:"})
    sites = features(result["OUTPUT"])
    assert len(sites) == 5 == result["SITES"]
    gains = [f["GAIN"] for f in sites]
    assert gains == sorted(gains, reverse=True) and gains[0] > 0
    assert result["RATE_AFTER"] > result["RATE_BEFORE"]
    assert sites[-1]["RATE_PCT"] == pytest.approx(result["RATE_AFTER"])
    steps = features(result["TABLE"])
    assert [f["step"] for f in steps] == [0, 1, 2, 3, 4, 5]
    assert steps[0]["rate_pct"] == pytest.approx(result["RATE_BEFORE"])


def test_suggested_sites_from_candidates(cityhealth_provider, memory_layer):
    roads = memory_layer("LineString", CRS, [("DJ", "text")], [(f"LINESTRING({X} {Y}, {X + 3000} {Y})", ["支路"])])
    people = memory_layer("Point", CRS, [("RKS", "real")],
                          [(f"POINT({X + 100} {Y})", [5.0]), (f"POINT({X + 2000} {Y})", [50.0]),
                           (f"POINT({X + 2200} {Y})", [20.0])])
    candidates = memory_layer("Point", CRS, [("ID", "int")],
                              [(f"POINT({X + 150} {Y})", [1]), (f"POINT({X + 2100} {Y})", [2])])
    result = run("suggestsites", {"ROADS": roads, "POPULATION": people, "CANDIDATES": candidates, "THRESHOLD": 300,
                                  "N_SITES": 2, "OUTPUT": "memory:", "TABLE": "memory:"})
    sites = features(result["OUTPUT"])
    assert [(f["CAND_FID"], f["GAIN"]) for f in sites] == [(2, 70.0), (1, 5.0)]
    assert result["RATE_BEFORE"] == 0 and result["RATE_AFTER"] == pytest.approx(100.0)


def test_network_topology_reports_components_dangles_and_far_points(cityhealth_provider, uri, data):
    result = run("networktopology", {"ROADS": uri("DL"), "POINTS": [uri("SS_XX")], "POPULATION": uri("RK"),
                                     "MAX_DISTANCE": 200, "EDGES": "memory:", "DANGLES": "memory:",
                                     "FAR_POINTS": "memory:", "SUMMARY": "memory:"})
    graph = build_graph(data("DL"))
    report = topology_report(graph, {"schools": facilities_from_layer(data("SS_XX")).points}, 200.0)
    assert result["N_COMPONENTS"] == report.n_components > 1
    assert result["N_DANGLES"] == len(report.dangles) == result["DANGLES"].featureCount()
    assert result["LARGEST_SHARE"] == pytest.approx(report.largest_share * 100)
    assert result["EDGES"].featureCount() == graph.n_edges
    largest = sum(f["LEN_M"] for f in features(result["EDGES"]) if f["LARGEST"])
    assert largest == pytest.approx(report.largest_length)
    far = features(result["FAR_POINTS"])
    assert len(far) == result["N_FAR"] and all(f["DIST_M"] > 200 for f in far)
    summary = {f["item"]: f["value"] for f in features(result["SUMMARY"])}
    assert summary["components"] == report.n_components and summary["edges"] == graph.n_edges


def test_coverage_indicators_flow_through_computeindicators(cityhealth_provider, uri, demo_city):
    indicator_method.register()
    parameters = {role.upper(): uri(table) for role, table in (
        ("roads", "DL"), ("fac_primary_school", "SS_XX"), ("dltb", "DLTB"), ("urban_area", "CQFW"),
        ("population", "RK"), ("admin_district", "XZQ"), ("admin_subdistrict", "JD"))}
    result = run("computeindicators", dict(parameters, CODES="F-13", YEAR=2024, OUTPUT="memory:",
                                           ASSESSMENT_DB="TEMPORARY_OUTPUT"))
    rows = features(result["OUTPUT"])
    city = [f for f in rows if f["unit_type"] == "city"][0]
    assert city["status"] == "ok" and 0 < city["value"] < 100
    assert len([f for f in rows if f["unit_type"] == "district"]) == 3
