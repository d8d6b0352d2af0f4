"""Coverage rates three ways with exact hand-made answers; catchments; life circles; inputs."""

import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.network import (Demand, Facilities, NetworkError, Residential, assess_coverage,
                                            build_graph, catchments, demand_from_layer,
                                            facilities_from_layer, life_circle, life_circle_table,
                                            method_label, minutes_to_metres, life_circle_metres,
                                            uncovered_residential, service_area)


def road(coords=((0, 0), (1000, 0)), **fields):
    attrs = pd.DataFrame(fields) if fields else pd.DataFrame({"DJ": ["支路"]})
    return build_graph(LayerData("DL", np.array([shapely.LineString(coords)], dtype=object), attrs,
                                 np.arange(1), crs="EPSG:4548", geometry_type="line"),
                       mode="drive" if "SD" in fields else "walk")


def points(xy):
    return shapely.points(np.asarray(xy, dtype=float))


def facility(name, xy):
    return Facilities(name, points(xy), np.arange(len(xy)), np.arange(10, 10 + len(xy)),
                      np.array([f"{name}-{i}" for i in range(len(xy))], dtype=object))


def line_demand(y=100.0):
    xs = np.arange(0, 1001, 50.0)
    zones = {"district": np.where(xs < 500, "A", "B").astype(object)}
    return Demand(points(np.c_[xs, np.full(len(xs), y)]), np.ones(len(xs)), zones), xs


def rate(table, basis, method, level="all", zone="all", name="school"):
    row = table[(table.basis == basis) & (table.method == method) & (table.level == level) &
                (table.zone == zone) & (table.facility_type == name)]
    assert len(row) == 1
    return row.iloc[0]


def test_population_network_vs_buffer_exact():
    g = road()
    demand, xs = line_demand()
    result = assess_coverage(g, {"school": facility("school", [[100, 0]])}, {"school": 300.0}, demand)
    cost = result.types["school"].demand_cost
    expected = np.where(np.abs(xs - 100) + 100 <= 300, np.abs(xs - 100) + 100, np.inf)
    assert np.array_equal(cost, expected)
    net = rate(result.table, "population", "network")
    buf = rate(result.table, "population", "buffer")
    assert (net.covered, net.total) == (7.0, 21.0)  # x = 0 … 300
    assert (buf.covered, buf.total) == (8.0, 21.0)  # straight line also reaches x = 350
    assert rate(result.table, "population", "network", "district", "A").covered == 7.0
    assert rate(result.table, "population", "network", "district", "B").covered == 0.0
    gap = result.comparison()
    row = gap[(gap.basis == "population") & (gap.level == "all")].iloc[0]
    assert np.isclose(row.gap, 1 / 21) and np.isclose(row.network_rate, 7 / 21)


def test_area_network_vs_buffer_exact():
    g = road()
    square = shapely.box(200, 60, 300, 160)
    res = Residential(np.array([square, shapely.box(600, 300, 700, 400)], dtype=object),
                      {"district": np.array(["A", "B"], dtype=object)})
    result = assess_coverage(g, {"school": facility("school", [[100, 0]])}, {"school": 300.0},
                             residential=res, half_width=100.0)
    net = rate(result.table, "area", "network")
    assert np.isclose(net.covered, 100 * 40) and np.isclose(net.total, 20000)
    a = rate(result.table, "area", "buffer", "district", "A")
    assert np.isclose(a.covered, 10000) and a.rate == 1.0  # the square lies inside the 300 m circle
    assert rate(result.table, "area", "buffer", "district", "B").covered == 0.0
    polygon = service_area(result, "school")
    assert np.isclose(shapely.intersection(square, polygon).area, 4000, rtol=1e-6)
    gaps = uncovered_residential(result, "school")
    assert np.allclose(sorted(gaps.uncovered_m2), [6000, 10000])


def test_rates_are_labelled_and_unlabelled_zones_left_out():
    g = road()
    demand, _ = line_demand()
    demand.zones["subdistrict"] = np.array([None] * 10 + ["S1"] * 11, dtype=object)
    result = assess_coverage(g, {"school": facility("school", [[100, 0]])}, {"school": 300.0}, demand)
    table = result.table
    assert set(table.columns) >= {"facility_type", "basis", "method", "level", "zone", "rate", "threshold"}
    assert set(table.level) == {"all", "district", "subdistrict"}
    assert rate(table, "population", "network", "subdistrict", "S1").total == 11.0
    assert "network" in method_label("population", "network")
    assert result.settings["half_width_m"] == 50.0


def test_empty_zone_rate_is_nan_not_zero():
    g = road()
    demand = Demand(points([[0, 10]]), np.array([0.0]), {})
    result = assess_coverage(g, {"school": facility("school", [[100, 0]])}, {"school": 300.0}, demand)
    assert np.isnan(rate(result.table, "population", "network").rate)


def test_catchments_allocate_to_the_nearest_facility():
    g = road()
    demand, xs = line_demand(y=0.0)
    demand.weights[:] = np.arange(len(xs))
    result = assess_coverage(g, {"school": facility("school", [[100, 0], [900, 0]])}, {"school": 300.0}, demand)
    table = catchments(result, "school")
    near_first = (np.abs(xs - 100) <= 300)
    near_second = (np.abs(xs - 900) <= 300)
    assert table.population.tolist() == [float(np.arange(len(xs))[near_first].sum()),
                                         float(np.arange(len(xs))[near_second].sum())]
    assert table.id.tolist() == [10, 11] and table.label.tolist() == ["school-0", "school-1"]


def test_life_circle_mask_and_missing_names():
    g = road()
    demand = Demand(points([[50, 0], [500, 0], [950, 0]]), np.array([1.0, 2.0, 3.0]),
                    {"district": np.array(["A", "A", "B"], dtype=object)})
    fac = {"clinic": facility("clinic", [[0, 0]]), "school": facility("school", [[1000, 0]]),
           "market": facility("market", [[500, 0]])}
    result = assess_coverage(g, fac, {"clinic": 600.0, "school": 600.0, "market": 500.0}, demand)
    frame = life_circle(result, ["clinic", "school", "market"])
    assert frame["within"].tolist() == [2, 3, 2]
    assert frame["mask"].tolist() == [0b101, 0b111, 0b110]
    assert frame["missing"].tolist() == ["school", "", "clinic"]
    assert frame["complete"].tolist() == [False, True, False]
    table = life_circle_table(result, ["clinic", "school", "market"])
    assert table.set_index(["level", "zone"]).loc[("all", "all"), "rate"] == 2.0 / 6.0


def test_drive_mode_thresholds_in_seconds_and_no_buffer_by_default():
    g = road(SD=[36], DJ=["支路"], DX=[1])  # 10 m/s, one-way from x=0 towards x=1000
    demand = Demand(points([[300, 0], [50, 0]]), np.ones(2), {})
    result = assess_coverage(g, {"fire": facility("fire", [[100, 0]])}, {"fire": 30.0}, demand)
    assert result.types["fire"].demand_cost[0] == 20.0
    assert np.isinf(result.types["fire"].demand_cost[1])  # behind the station on a one-way street
    assert set(result.table.method) == {"network"} and result.settings["cost_unit"] == "s"


def test_input_errors_are_clear():
    g = road()
    demand, _ = line_demand()
    with pytest.raises(NetworkError, match="No threshold"):
        assess_coverage(g, {"school": facility("school", [[0, 0]])}, {}, demand)
    with pytest.raises(NetworkError, match="demand points .population. or residential"):
        assess_coverage(g, {"school": facility("school", [[0, 0]])}, {"school": 1.0})
    demand.zones["bad"] = np.array(["x"])
    with pytest.raises(NetworkError, match="Zone level 'bad'"):
        assess_coverage(g, {"school": facility("school", [[0, 0]])}, {"school": 1.0}, demand)


def test_demand_from_polygon_cells_and_weights():
    u_shape = shapely.Polygon([(0, 0), (30, 0), (30, 30), (20, 30), (20, 10), (10, 10), (10, 30), (0, 30)])
    cells = np.array([shapely.box(0, 0, 10, 10), u_shape, None], dtype=object)
    layer = LayerData("RK", cells, pd.DataFrame({"RKS": [5, None, 7]}), np.array([1, 2, 3]), crs="EPSG:4548")
    demand = demand_from_layer(layer, "RKS")
    assert demand.points[0].equals(shapely.Point(5, 5))
    assert u_shape.contains(demand.points[1])
    assert demand.weights.tolist() == [5.0, 0.0, 7.0]
    assert any("no valid 'RKS'" in note for note in demand.notes)
    with pytest.raises(NetworkError, match="no population field 'POP'"):
        demand_from_layer(layer, "POP")


def test_polygon_facilities_become_boundary_points_of_one_facility():
    park = shapely.box(0, 0, 100, 50)
    layer = LayerData("GYGC", np.array([shapely.Point(500, 500), park], dtype=object),
                      pd.DataFrame({"MC": ["a", "b"]}), np.array([7, 8]), crs="EPSG:4548")
    fac = facilities_from_layer(layer, spacing=50.0)
    assert fac.n_facilities == 2 and fac.ids.tolist() == [7, 8]
    assert (fac.owner == 1).sum() == 6 and (fac.owner == 0).sum() == 1
    assert np.allclose(shapely.distance(fac.points[fac.owner == 1], park.exterior), 0)


def test_threshold_helpers():
    assert minutes_to_metres(15) == 1000.0
    assert life_circle_metres(10) == 500.0
    with pytest.raises(NetworkError):
        life_circle_metres(7)


def test_parallel_workers_give_identical_results():
    g = road(((0, 0), (500, 0), (1000, 0)))
    demand, _ = line_demand()
    res = Residential(np.array([shapely.box(200, 60, 300, 160)], dtype=object), {})
    fac = {"a": facility("a", [[100, 0]]), "b": facility("b", [[800, 0]]), "c": facility("c", [[450, 30]])}
    thresholds = {"a": 300.0, "b": 500.0, "c": 200.0}
    one = assess_coverage(g, fac, thresholds, demand, res, workers=1)
    two = assess_coverage(g, fac, thresholds, demand, res, workers=2)
    pd.testing.assert_frame_equal(one.table, two.table)
    assert list(one.types) == ["a", "b", "c"]


def test_zone_labels_from_polygons_and_siting_for_a_type():
    from cityhealth_plugin.core.network import label_by_polygons, suggest_sites_for

    zones = np.array([shapely.box(0, -50, 500, 200), shapely.box(500, -50, 1000, 200)], dtype=object)
    demand, xs = line_demand()
    labels = label_by_polygons(demand.points, zones, ["west", "east"])
    assert labels.tolist() == ["west"] * 11 + ["east"] * 10  # x = 500 lies on both: first polygon wins
    assert label_by_polygons(points([[5000, 0]]), zones, ["west", "east"]).tolist() == [None]
    result = assess_coverage(road(), {"school": facility("school", [[100, 0]])}, {"school": 300.0}, demand)
    sites = suggest_sites_for(result, "school", 2, candidates=points([[700, 0], [900, 0]]))
    assert sites.table["candidate"].tolist() == [0, 1]
    assert np.isclose(sites.rate_before, 7 / 21)
