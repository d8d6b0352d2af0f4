"""The walk_coverage indicator method: every coverage indicator of the catalog through compute() on the
small demo city, against direct core.network calls; a hand-made city with an exact answer; caching."""

import json

import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core.catalog.loader import load_catalog
from cityhealth_plugin.core.catalog.model import Catalog
from cityhealth_plugin.core.indicators.context import EngineContext
from cityhealth_plugin.core.indicators.engine import compute
from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.network import (Demand, Residential, assess_coverage, build_graph, facilities_from_layer,
                                            life_circle)
from cityhealth_plugin.core.network import indicator_method as M
from cityhealth_plugin.core.network.demand import representative_points
from cityhealth_plugin.core.roles.registry import ROLES
from cityhealth_plugin.core.store import gpkg

CODES = ["A-19", "C-14", "F-05", "F-06", "F-10", "F-11", "F-13", "F-14", "F-15", "F-17", "F-18", "F-22", "F-24",
         "F-26", "F-27"]
X, Y = 500_000.0, 2_700_000.0


@pytest.fixture(autouse=True)
def registered():
    """Another test may have unregistered the method (the engine imports this module only once)."""
    M.register()
    yield


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from cityhealth_plugin.core.demo.city import generate_demo_city

    path = tmp_path_factory.mktemp("coverage_demo") / "democity_small.gpkg"
    generate_demo_city(scale="small", seed=2024, out=path)
    tables = {name.lower(): name for name, *_ in gpkg.list_layers(path)}
    layers = {role.id: gpkg.read_layer(path, tables[role.standard_name.lower()])
              for role in ROLES if role.standard_name.lower() in tables}
    return layers


@pytest.fixture(scope="module")
def computed(demo):
    M.register()
    catalog = load_catalog()
    ctx = EngineContext(demo, None, 2024, catalog)
    calls = {"graph": [], "partition": 0}
    build_graph, build_partition = M.build_graph, M.build_area_partition

    def counting_graph(roads, mode="walk", rules=None, **kw):
        calls["graph"].append(mode)
        return build_graph(roads, mode, rules, **kw)

    def counting_partition(*args, **kw):
        calls["partition"] += 1
        return build_partition(*args, **kw)

    M.build_graph, M.build_area_partition = counting_graph, counting_partition
    try:
        results = {r.code: r for r in compute(catalog, demo, None, 2024, CODES, context=ctx)}
    finally:
        M.build_graph, M.build_area_partition = build_graph, build_partition
    return results, ctx, calls


def test_catalog_names_every_coverage_indicator():
    catalog = load_catalog()
    assert sorted(i.code for i in catalog.by_method("walk_coverage")) == sorted(CODES)
    assert catalog["F-05"].params["distance"] == "straight" and catalog["F-05"].params["threshold_m"] == 800
    assert catalog["F-11"].params["distance"] == "straight" and catalog["F-11"].params["threshold_m"] == 2000
    assert catalog["A-19"].params["mode"] == catalog["C-14"].params["mode"] == "drive"
    assert catalog["F-06"].params["require"] == "all" and len(catalog["F-06"].params["facilities"]) == 7
    assert catalog["F-24"].params["source_group"] == "senlin" and "facilities" not in catalog["F-24"].params
    assert catalog["F-22"].params["min_area_m2"] == 400
    for code, metres in (("F-10", 1000), ("F-13", 500), ("F-14", 1000), ("F-15", 300), ("F-18", 500)):
        assert catalog[code].params["threshold_m"] == metres
        assert catalog[code].params["base"]["first_of"][0] == {"landuse": "chengzhen_zhuzhai", "within": "urban_area"}
        assert "population" in catalog[code].roles and "roads" in catalog[code].roles


def test_every_coverage_indicator_is_ok_with_units_and_layers(computed):
    results, _, _ = computed
    assert {code: r.status for code, r in results.items()} == {code: "ok" for code in CODES}, \
        {c: r.message for c, r in results.items() if r.status != "ok"}
    for code, result in results.items():
        assert 0 < result.value < 100, code
        districts = result.per_unit[result.per_unit.unit_type == "district"]
        subdistricts = result.per_unit[result.per_unit.unit_type == "subdistrict"]
        assert len(districts) == 3 and len(subdistricts) >= 10, code
        assert districts["value"].between(0, 100).all()
        names = list(result.layers)
        assert any(result.layers[n].geometry_type == "none" for n in names), code  # the readings table
        assert any(result.layers[n].geometry_type in ("polygon", "point") for n in names), code  # the gap map
    names = list(results["F-13"].layers)
    assert names == ["Primary school 10-minute walk service area (roads reached)",
                     "Primary school: residential land not covered", "Primary school: coverage readings"]


def test_all_coverage_indicators_share_one_graph_per_mode_and_one_partition_per_base(computed):
    _, ctx, calls = computed
    assert sorted(calls["graph"]) == ["drive", "walk"]
    # walk: 城镇住宅用地 in 城区; drive: 城区 (A-19) and village construction land (C-14); each partition may be
    # built in spatial chunks (one per worker thread)
    memo = M._memo(ctx)
    clips = [key for key in memo.data if key[0] == "clips"]
    assert len(clips) == 3
    assert calls["partition"] == sum(len(memo.data[key]) for key in clips) <= 3 * M.WORKERS
    reaches = [key for key in memo.data if key[0] == "reach"]
    # 2 driving + F-05, F-06 (7 types at 1000 m, shared by F-10/14/17/26), F-11, F-13, F-15, F-18, F-22, F-24, F-27
    assert len(reaches) == 17


def _direct_area(demo, role, metres, ctx):
    """Area-basis rate by a direct assess_coverage call on 0701 ∩ 城区 cut by the sub-districts."""
    dltb, urban, jd = demo["dltb"], demo["urban_area"], demo["admin_subdistrict"]
    home = dltb.attributes["DLBM"].astype(str).to_numpy() == "0701"
    patches, tbdlmj = dltb.geometries[home], dltb.attributes["TBDLMJ"].to_numpy(dtype=float)[home]
    inside = shapely.intersection(patches, shapely.union_all(urban.geometries))
    keep = shapely.area(inside) > 0
    graph = build_graph(demo["roads"])
    residential = Residential(inside[keep])
    fac = {role: facilities_from_layer(demo[role], role)}
    result = assess_coverage(graph, fac, {role: metres}, residential=residential, half_width=M.HALF_WIDTH["walk"])
    covered = result.types[role].residential_network / shapely.area(inside[keep])
    weight = tbdlmj[keep] * shapely.area(inside[keep]) / shapely.area(patches[keep])
    return float((weight * covered).sum() / weight.sum()), result


def test_area_value_equals_a_direct_assess_coverage_call(demo, computed):
    results, ctx, _ = computed
    for code, role, metres in (("F-13", "fac_primary_school", 500.0), ("F-15", "fac_elderly", 300.0)):
        expected, _ = _direct_area(demo, role, metres, ctx)
        assert results[code].value == pytest.approx(expected * 100, rel=1e-7), code


def _atoms(demo, layer, values):
    """Population cells ∩ 城区, cut by the sub-districts (one piece per cell and sub-district)."""
    urban = shapely.union_all(demo["urban_area"].geometries)
    jd = demo["admin_subdistrict"]
    cells = shapely.intersection(layer.geometries, urban)
    share = shapely.area(cells) / shapely.area(layer.geometries)
    tree = shapely.STRtree(jd.geometries)
    c, z = tree.query(cells, predicate="intersects")
    pieces = shapely.intersection(cells[c], jd.geometries[z])
    area = shapely.area(pieces)
    ok = area > 0
    c, z, pieces = c[ok], z[ok], pieces[ok]
    weights = values[c] * share[c] * shapely.area(pieces) / shapely.area(cells[c])
    return pieces, weights, jd.attributes["JDDM"].astype(str).to_numpy()[z]


def test_population_reading_equals_a_direct_call(demo, computed):
    results, _, _ = computed
    pieces, weights, jd = _atoms(demo, demo["population"], demo["population"].attributes["RKS"].to_numpy(float))
    graph = build_graph(demo["roads"])
    demand = Demand(representative_points(pieces), weights, {"subdistrict": jd})
    fac = {"x": facilities_from_layer(demo["fac_primary_school"], "x")}
    direct = assess_coverage(graph, fac, {"x": 500.0}, demand)
    table = direct.table
    row = table[(table.basis == "population") & (table.method == "network") & (table.level == "all")].iloc[0]
    readings = results["F-13"].layers["Primary school: coverage readings"].attributes
    mine = readings[(readings.basis == "population") & (readings.method == "network") & (readings.level == "city")]
    assert mine["rate_pct"].iloc[0] == pytest.approx(row.rate * 100, abs=0.05)
    assert mine["total"].iloc[0] == pytest.approx(weights.sum(), rel=1e-9)
    per_jd = table[(table.basis == "population") & (table.method == "network") & (table.level == "subdistrict")]
    mine_jd = readings[(readings.basis == "population") & (readings.method == "network")
                       & (readings.level == "subdistrict")].set_index("unit_code")["rate_pct"]
    for zone, rate in zip(per_jd.zone, per_jd.rate):
        assert mine_jd[zone] == pytest.approx(rate * 100, abs=0.5)


def test_three_readings_and_the_gap_are_labelled(computed):
    results, _, _ = computed
    result = results["F-13"]
    readings = result.layers["Primary school: coverage readings"].attributes
    city = readings[readings.level == "city"].set_index(["basis", "method"])["rate_pct"]
    assert set(city.index) == {(b, m) for b in ("area", "population") for m in ("network", "buffer", "gap")}
    assert city[("area", "network")] == pytest.approx(result.value)
    assert city[("area", "gap")] == pytest.approx(city[("area", "buffer")] - city[("area", "network")])
    assert city[("area", "buffer")] > city[("area", "network")]  # a radius overstates what roads reach
    assert readings.loc[readings.headline == 1, "method"].unique().tolist() == ["network"]
    choices = " | ".join(result.provenance.choices)
    for text in ("Value — area basis, along the road network", "Other reading — population basis, along the road",
                 "Other reading — area basis, straight-line radius", "percentage points more than the network",
                 "threshold: 10-minute walk (500 m as given)"):
        assert text in choices, text
    district = readings[(readings.level == "district") & (readings.basis == "area") & (readings.method == "network")]
    per_unit = result.per_unit[result.per_unit.unit_type == "district"].set_index("unit_code")["value"]
    assert np.allclose(district.set_index("unit_code")["rate_pct"].loc[per_unit.index], per_unit)
    assert {i.role for i in result.provenance.inputs} >= {"roads", "fac_primary_school", "dltb", "urban_area",
                                                          "population"}


def test_radius_indicators_keep_the_radius_as_value_and_report_the_network(computed):
    results, _, _ = computed
    f05 = results["F-05"]
    readings = next(l for l in f05.layers.values() if l.geometry_type == "none").attributes
    city = readings[readings.level == "city"].set_index(["basis", "method"])
    assert city.loc[("population", "buffer"), "headline"] == 1
    assert city.loc[("population", "buffer"), "rate_pct"] == pytest.approx(f05.value)
    assert city.loc[("population", "network"), "rate_pct"] < f05.value
    assert "Rail transit station 800 m walk service area (roads reached)" in f05.layers


def test_life_circle_is_the_share_of_residents_with_every_type(demo, computed):
    results, _, _ = computed
    f06 = results["F-06"]
    pieces, weights, jd = _atoms(demo, demo["population"], demo["population"].attributes["RKS"].to_numpy(float))
    types = load_catalog()["F-06"].params["facilities"]
    graph = build_graph(demo["roads"])
    demand = Demand(representative_points(pieces), weights, {})
    direct = assess_coverage(graph, {t: facilities_from_layer(demo[t], t) for t in types},
                             {t: 1000.0 for t in types}, demand, buffer_radius={})
    complete = life_circle(direct, types)["complete"].to_numpy()
    assert f06.value == pytest.approx((weights * complete).sum() / weights.sum() * 100, abs=0.05)
    gap = next(l for name, l in f06.layers.items() if "without every service" in name)
    assert {"MISSING", "N_WITHIN", "RESIDENTS"} <= set(gap.attributes.columns)
    assert gap.attributes["N_WITHIN"].max() < 7
    # the area reading of the life circle: land reached by every type <= land reached by any single one
    readings = next(l for l in f06.layers.values() if l.geometry_type == "none").attributes
    area_all = readings[(readings.level == "city") & (readings.basis == "area") & (readings.method == "network")]
    assert 0 < area_all["rate_pct"].iloc[0] <= results["F-10"].value


def test_forest_parks_and_driving(computed):
    results, _, _ = computed
    assert any("森林" in c for c in results["F-24"].provenance.choices)
    assert any("smaller than 400 m²" in c for c in results["F-22"].provenance.choices)
    assert any("5-minute drive" in c for c in results["A-19"].provenance.choices)
    assert any("driving" in c for c in results["C-14"].provenance.choices)


def test_threshold_rules():
    assert M.resolve_reach({"threshold_min": 10}).cost == 500.0
    assert M.resolve_reach({"threshold_min": 15}).cost == 1000.0
    assert M.resolve_reach({"threshold_min": 5, "speed_kmh": 4.8}).cost == pytest.approx(400.0)
    assert M.resolve_reach({"threshold_min": 7}).cost == pytest.approx(7 * 4000 / 60)
    assert M.resolve_reach({"threshold_m": 800, "threshold_min": 10}).cost == 800.0
    drive = M.resolve_reach({"threshold_min": 5, "mode": "drive"})
    assert (drive.cost, drive.cost_unit, drive.radius_m) == (300.0, "s", None)
    from cityhealth_plugin.core.catalog.params import ParamError
    with pytest.raises(ParamError):
        M.resolve_reach({"threshold_m": 500, "mode": "drive"})


# --------------------------------------------------------------------------------------------- hand-made
def _layer(name, geoms, kind, **columns):
    n = len(geoms)
    return LayerData(name, np.array(geoms, dtype=object), pd.DataFrame(columns or {"ID": range(n)}),
                     np.arange(1, n + 1), crs="EPSG:4548", geometry_type=kind)


def test_hand_made_city_has_the_exact_answer():
    """One road along y = 0 (1 km), an elderly-care station at x = 100 (on the road), 300 m walk, land
    within 100 m of a reached road: home A [200, 300] × [60, 160] is covered for y ≤ 100 (40 %), home B at
    x 800–900 is beyond reach. Straight line: A lies inside the 300 m circle, B outside."""
    box = shapely.box
    roads = _layer("DL", [shapely.LineString([(X, Y), (X + 1000, Y)])], "line", DJ=["支路"])
    station = _layer("SS_YL", [shapely.Point(X + 100, Y)], "point")
    homes = _layer("DLTB", [box(X + 200, Y + 60, X + 300, Y + 160), box(X + 800, Y + 60, X + 900, Y + 160)],
                   "polygon", DLBM=["0701", "0701"], CZCSXM=["201", "201"], TBMJ=[1e4, 1e4], TBDLMJ=[1e4, 1e4])
    urban = _layer("CQFW", [box(X - 500, Y - 500, X + 1500, Y + 500)], "polygon")
    districts = _layer("XZQ", [box(X - 500, Y - 500, X + 500, Y + 500), box(X + 500, Y - 500, X + 1500, Y + 500)],
                       "polygon", XZQDM=["350201", "350202"], XZQMC=["甲区", "乙区"])
    layers = {"roads": roads, "fac_elderly": station, "dltb": homes, "urban_area": urban, "admin_district": districts}
    catalog = load_catalog()
    result = compute(Catalog({"F-15": catalog["F-15"]}, catalog.statistics), layers, None, 2024, ["F-15"])[0]
    assert result.status == "ok", result.message
    assert result.value == pytest.approx(20.0, rel=1e-9)  # 4000 of 20000 m²
    assert result.unit_value("district", "350201") == pytest.approx(40.0, rel=1e-9)
    assert result.unit_value("district", "350202") == pytest.approx(0.0, abs=1e-12)
    readings = result.layers["Elderly care: coverage readings"].attributes
    city = readings[readings.level == "city"].set_index(["basis", "method"])["rate_pct"]
    assert city[("area", "buffer")] == pytest.approx(50.0, rel=1e-9)
    assert city[("area", "gap")] == pytest.approx(30.0, rel=1e-9)
    gap = result.layers["Elderly care: residential land not covered"].attributes
    assert sorted(gap["UNCOV_M2"].round(6)) == [6000.0, 10000.0]
    assert sorted(gap["COV_PCT"].round(6)) == [0.0, 40.0]
    assert any("population reading not computed" in c for c in result.provenance.choices)
    lines = result.layers["Elderly care 5-minute walk service area (roads reached)"]
    assert shapely.length(lines.geometries).sum() == pytest.approx(400.0)  # x from 0 to 400


def test_missing_roads_is_a_missing_input_but_radius_indicators_work_without(demo):
    layers = {k: v for k, v in demo.items() if k != "roads"}
    results = {r.code: r for r in compute(load_catalog(), layers, None, 2024, ["F-13", "F-05"])}
    assert results["F-13"].status == "missing_input" and "role:roads" in results["F-13"].missing
    assert results["F-05"].status == "ok"
    assert any("No roads layer" in w for w in results["F-05"].provenance.warnings)


def test_provenance_is_json(computed):
    results, _, _ = computed
    data = json.loads(results["F-06"].provenance_json())
    assert data["method"] == "walk_coverage" and data["status"] == "ok"


def _provenance_summary(result):
    p = result.provenance
    return (sorted(i.role for i in p.inputs), p.area_method, sorted(p.warnings), sorted(p.choices))


@pytest.mark.parametrize("code", ["A-19", "F-05", "F-06", "F-24"])
def test_an_indicator_alone_equals_the_same_indicator_in_the_prepared_batch(demo, computed, monkeypatch, code):
    """The batch prepares shared work ahead on background threads (bases, graphs, partitions, reaches);
    values and provenance (roles, area method, warnings, choices) must not depend on it."""
    monkeypatch.setattr(M, "WORKERS", 2)
    results, _, _ = computed
    catalog = load_catalog()
    alone = compute(catalog, demo, None, 2024, [code])[0]
    batch = results[code]
    assert alone.value == pytest.approx(batch.value, rel=1e-12, abs=1e-12)
    pd.testing.assert_frame_equal(alone.per_unit.reset_index(drop=True), batch.per_unit.reset_index(drop=True))
    assert _provenance_summary(alone) == _provenance_summary(batch)
    assert batch.provenance.area_method  # noted when the base was built, replayed for every indicator using it


def test_the_batch_preparation_runs_once_and_stops_with_the_compute(demo, monkeypatch):
    monkeypatch.setattr(M, "WORKERS", 2)
    catalog = load_catalog()
    ctx = EngineContext(demo, None, 2024, catalog)
    prefetches = []
    prefetch = M._prefetch

    def counting(ctx_, memo):
        prefetches.append(memo.prefetched)
        return prefetch(ctx_, memo)

    monkeypatch.setattr(M, "_prefetch", counting)
    results = compute(catalog, demo, None, 2024, ["F-10", "F-13", "F-14"], context=ctx)
    assert [r.status for r in results] == ["ok"] * 3
    assert prefetches == [False, True, True]  # prepared at the first coverage indicator only
    assert ctx.plan == [] and ctx._closers == []  # the background pool was shut down with the compute
    memo = M._memo(ctx)
    assert {key[0] for key in memo.data} >= {"graph", "clips", "demand", "reach"}
    assert not memo.prefetched  # re-armed: a later compute() on the same context prepares its own plan


def test_partition_chunks_do_not_change_the_values(demo, monkeypatch):
    catalog = load_catalog()
    values = []
    for chunk_min in (10**12, 0):  # one chunk; one per worker thread whatever the size
        monkeypatch.setattr(M, "CHUNK_MIN", chunk_min)
        monkeypatch.setattr(M, "WORKERS", 2)
        results = compute(catalog, demo, None, 2024, ["A-19", "F-13"])
        values.append([(r.value, r.per_unit["value"].to_numpy()) for r in results])
    for (one, one_units), (many, many_units) in zip(*values):
        assert many == pytest.approx(one, rel=1e-9)
        np.testing.assert_allclose(many_units, one_units, rtol=1e-9)


@pytest.mark.parametrize("mode", ["walk", "drive"])
def test_graphs_from_roads_noded_once_for_both_modes_give_the_same_costs(demo, mode):
    from cityhealth_plugin.core.network import attach_points, multi_source
    from cityhealth_plugin.core.network.paths import point_costs

    roads = demo["roads"]
    own = build_graph(roads, mode)
    shared = build_graph(roads, mode, noded=M._node_every_mode(roads))
    assert shared.n_edges >= own.n_edges  # the other mode's roads may add nodes, never remove a road
    assert shared.edge_length.sum() == pytest.approx(own.edge_length.sum(), rel=1e-9)
    people = representative_points(demo["population"].geometries)[::7]
    sources = demo["fac_primary_school"].geometries
    limit = 1500.0 if mode == "walk" else 600.0
    costs = []
    for graph in (own, shared):
        reach = multi_source(graph, attach_points(graph, sources), limit=limit)
        costs.append(point_costs(graph, reach, attach_points(graph, people))[0])
    assert np.isfinite(costs[0]).sum() > len(people) // 4
    np.testing.assert_allclose(costs[1], costs[0], rtol=1e-9, atol=1e-6)


def test_nested_sub_districts_give_the_district_without_a_second_cut(demo, monkeypatch):
    """The demo's sub-districts nest in its districts: atoms take their district from their sub-district
    (only atoms outside every sub-district are cut by the districts) — the same values as cutting twice."""
    catalog = load_catalog()
    ctx = EngineContext(demo, None, 2024, catalog)
    levels = {level.unit_type: level for level in ctx.zones()}
    parent = M._parent_units(ctx, levels)
    assert parent is not None and len(parent) == len(levels["subdistrict"])
    codes = ["C-14", "F-13", "F-10"]
    nested = compute(catalog, demo, None, 2024, codes)
    monkeypatch.setattr(M, "_parent_units", lambda ctx, levels: None)
    twice = compute(catalog, demo, None, 2024, codes)
    for a, b in zip(nested, twice):
        assert a.value == pytest.approx(b.value, rel=1e-9), a.code
        merged = a.per_unit.merge(b.per_unit, on=["unit_type", "unit_code"])
        assert len(merged) == len(a.per_unit) == len(b.per_unit)
        np.testing.assert_allclose(merged["value_x"], merged["value_y"], rtol=1e-9, atol=1e-9)


def test_sub_districts_crossing_a_district_boundary_are_cut_by_both_levels():
    box = shapely.box
    districts = _layer("XZQ", [box(X, Y, X + 1000, Y + 1000), box(X + 1000, Y, X + 2000, Y + 1000)], "polygon",
                       XZQDM=["350201", "350202"], XZQMC=["甲区", "乙区"])
    subdistricts = _layer("JD", [box(X, Y, X + 1500, Y + 1000), box(X + 1500, Y, X + 2000, Y + 1000)], "polygon",
                          JDDM=["350201001", "350202001"], JDMC=["一街道", "二街道"])
    ctx = EngineContext({"admin_district": districts, "admin_subdistrict": subdistricts}, None, 2024, load_catalog())
    levels = {level.unit_type: level for level in ctx.zones()}
    assert M._parent_units(ctx, levels) is None
    atoms, zones = M._split_by_units(ctx, np.array([box(X + 900, Y, X + 1100, Y + 100)], dtype=object), "polygon")
    assert sorted(zip(zones["subdistrict"], zones["district"])) == [(0, 0), (0, 1)]
    assert np.allclose(sorted(shapely.area(atoms.geoms)), [10000.0, 10000.0])
