"""Service areas: partial edges exact, polygons from reached edges, exact area sums."""

import sys
from pathlib import Path

import numpy as np
import pytest
import shapely

from cityhealth_plugin.core.network import (attach_points, build_area_partition, build_graph,
                                            buffer_covered_area, multi_source, reached_edges,
                                            reached_lines, service_area_polygon)
from cityhealth_plugin.core.network.area import covered_pieces, per_owner, uncovered_geometry
from cityhealth_plugin.core.network.snapping import EdgePositions

sys.path.insert(0, str(Path(__file__).parent))
from test_network_paths import grid_layer, layer, reference_costs  # noqa: E402


def three_edges():
    return build_graph(layer([[(0, 0), (100, 0)], [(100, 0), (200, 0)], [(200, 0), (300, 0)]]))


def test_partial_edges_on_a_three_edge_line():
    g = three_edges()
    reach = multi_source(g, attach_points(g, shapely.points([[150, 10]])), limit=120.0)
    reached = reached_edges(g, reach)
    lines = reached_lines(g, reached)
    merged = shapely.line_merge(shapely.union_all(lines))
    assert np.isclose(merged.length, 220.0)
    assert np.allclose(sorted(merged.bounds), sorted((40.0, 0.0, 260.0, 0.0)))
    assert reached.full.sum() == 1 and reached.any.sum() == 3


def test_facility_budget_inside_its_own_edge_only():
    g = three_edges()
    reach = multi_source(g, attach_points(g, shapely.points([[150, 30]])), limit=50.0)
    assert np.isinf(reach.node_cost).all()  # both ends at 80 m
    lines = reached_lines(g, reached_edges(g, reach))
    assert len(lines) == 1 and np.allclose(lines[0].bounds, (130.0, 0.0, 170.0, 0.0))


def test_partial_from_both_ends_without_meeting():
    # square loop, source at one corner: the opposite edges are reached from both ends
    g = build_graph(layer([[(0, 0), (100, 0)], [(100, 0), (100, 100)], [(100, 100), (0, 100)], [(0, 100), (0, 0)]]))
    reach = multi_source(g, attach_points(g, shapely.points([[0, 0]])), limit=150.0)
    reached = reached_edges(g, reach)
    assert np.isclose(shapely.length(reached_lines(g, reached)).sum(), 300.0)
    assert reached.full.sum() == 2


def test_one_way_partial_edge_when_driving():
    g = build_graph(layer([[(0, 0), (360, 0)]], DJ=["支路"], SD=[36], DX=[-1]), mode="drive")
    reach = multi_source(g, attach_points(g, shapely.points([[180, 0]])), limit=10.0)  # 100 m in 10 s
    lines = reached_lines(g, reached_edges(g, reach))
    assert len(lines) == 1 and np.allclose(lines[0].bounds, (80.0, 0.0, 180.0, 0.0))


def test_polygon_is_the_buffered_reached_lines():
    g = three_edges()
    reach = multi_source(g, attach_points(g, shapely.points([[150, 10]])), limit=120.0)
    polygon = service_area_polygon(g, reached_edges(g, reach), half_width=50.0)
    exact = 220 * 100 + np.pi * 50 ** 2
    assert abs(polygon.area - exact) / exact < 2e-3
    assert polygon.is_valid and polygon.geom_type == "Polygon"


@pytest.mark.parametrize("seed,mode", [(11, "walk"), (12, "drive")])
def test_reached_length_matches_sampled_networkx_reference(seed, mode):
    g = build_graph(grid_layer(n=7, seed=seed, drive=mode == "drive"), mode=mode)
    rng = np.random.default_rng(seed)
    sources = attach_points(g, shapely.points(rng.uniform(0, 600, (3, 2))))
    limit = 250.0 if mode == "walk" else 60.0
    reached = reached_edges(g, multi_source(g, sources, limit=limit))
    step = 0.5
    counts = np.maximum(np.floor(g.edge_length / step).astype(int), 1)
    edge = np.repeat(np.arange(g.n_edges), counts)
    offset = (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts) + 0.5) * step
    samples = EdgePositions(edge, np.minimum(offset, g.edge_length[edge]), np.zeros(len(edge)))
    _, cost = reference_costs(g, sources, samples)
    sampled = np.bincount(edge, (cost <= limit) * step, minlength=g.n_edges)
    mine = np.bincount(reached.edge, reached.end - reached.start, minlength=g.n_edges)
    assert np.abs(sampled - mine).max() <= 2 * step + 1e-9
    assert mine.sum() > 0.2 * g.edge_length.sum()


def scene(seed=21, count=250):
    """A generated grid with a dangle, a bridge and residential polygons of every kind."""
    base = grid_layer(n=12, seed=seed)
    extra = [shapely.LineString([(510, 520), (540, 560)]), shapely.LineString([(250, -60), (262, 1200)])]
    geoms = np.concatenate((base.geometries, np.array(extra, dtype=object)))
    attrs = base.attributes.copy()
    attrs["CC"] = 0
    attrs.loc[len(attrs)] = ["支路", 0]
    attrs.loc[len(attrs)] = ["主干路", 1]
    roads = type(base)("DL", geoms, attrs.reset_index(drop=True), np.arange(len(geoms)), crs="EPSG:4548",
                       geometry_type="line")
    g = build_graph(roads)
    rng = np.random.default_rng(seed)
    corner = rng.uniform(-150, 1150, (count, 2))
    size = rng.uniform(10, 260, (count, 2))
    polygons = shapely.box(corner[:, 0], corner[:, 1], corner[:, 0] + size[:, 0], corner[:, 1] + size[:, 1])
    polygons[:10] = shapely.buffer(shapely.points(corner[:10]), 60.0)  # round ones crossing roads
    return g, np.asarray(polygons, dtype=object), rng


@pytest.mark.parametrize("limit", [150.0, 400.0, 5000.0])
def test_area_partition_equals_direct_intersection(limit):
    g, polygons, rng = scene()
    reach = multi_source(g, attach_points(g, shapely.points(rng.uniform(0, 1100, (4, 2)))), limit=limit)
    reached = reached_edges(g, reach)
    partition = build_area_partition(g, polygons, half_width=40.0)
    fast = per_owner(partition, covered_pieces(partition, g, reached).area)
    polygon = service_area_polygon(g, reached, half_width=40.0)
    direct = shapely.area(shapely.intersection(polygons, polygon))
    assert np.allclose(fast, direct, rtol=1e-6, atol=0.5)
    assert np.allclose(partition.residential_area, shapely.area(polygons))


def test_gap_map_is_the_complement_of_the_covered_part():
    g, polygons, rng = scene(seed=22)
    reach = multi_source(g, attach_points(g, shapely.points(rng.uniform(0, 1100, (3, 2)))), limit=300.0)
    reached = reached_edges(g, reach)
    partition = build_area_partition(g, polygons, half_width=50.0)
    covered = covered_pieces(partition, g, reached, geometry=True)
    owners, gaps = uncovered_geometry(partition, covered)
    uncovered = np.zeros(len(polygons))
    uncovered[owners] = shapely.area(gaps)
    assert np.allclose(per_owner(partition, covered.area) + uncovered, shapely.area(polygons), atol=1e-3)
    polygon = service_area_polygon(g, reached, half_width=50.0)
    assert shapely.area(shapely.intersection(gaps, polygon)).max() < 0.5


def test_straight_line_buffer_area():
    squares = np.array([shapely.box(-10, -10, 10, 10), shapely.box(90, -10, 110, 10), shapely.box(500, 0, 510, 10)])
    area = buffer_covered_area(squares, shapely.points([[0, 0], [100, 0]]), radius=100.0)
    assert np.isclose(area[0], 400.0)
    assert np.isclose(area[1], 400.0)  # inside the circle around (100, 0)
    assert area[2] == 0.0
    cut = buffer_covered_area(np.array([shapely.box(80, -10, 120, 10)]), shapely.points([[0, 0]]), radius=100.0)
    assert 0 < cut[0] < 800 and np.isclose(cut[0], shapely.intersection(
        shapely.box(80, -10, 120, 10), shapely.Point(0, 0).buffer(100, quad_segs=32)).area)


def test_straight_line_buffer_area_keeps_rows_with_empty_or_missing_polygons():
    polygons = np.array([shapely.box(-10, -10, 10, 10), shapely.Polygon(), None, shapely.box(80, -10, 120, 10)],
                        dtype=object)
    area = buffer_covered_area(polygons, shapely.points([[0, 0], [5000, 0]]), radius=100.0)
    expected = shapely.intersection(shapely.box(80, -10, 120, 10), shapely.Point(0, 0).buffer(100, quad_segs=32)).area
    assert np.allclose(area, [400.0, 0.0, 0.0, expected])


def test_interval_merge_and_gaps():
    from cityhealth_plugin.core.network.area import unreached_intervals
    from cityhealth_plugin.core.network.service_area import merge_intervals

    g = build_graph(layer([[(0, 0), (50, 0)], [(0, 10), (50, 10)], [(0, 20), (50, 20)]]))
    merged = merge_intervals(g, np.array([0, 0, 0, 2]), np.array([30.0, 10.0, 15.0, 0.0]),
                             np.array([40.0, 20.0, 18.0, 50.0]))
    assert merged.edge.tolist() == [0, 0, 2]
    assert merged.start.tolist() == [10.0, 30.0, 0.0] and merged.end.tolist() == [20.0, 40.0, 50.0]
    assert merged.full.tolist() == [False, False, True] and merged.any.tolist() == [True, False, True]
    edge, start, end = unreached_intervals(g, merged, np.array([0, 1, 2]))
    assert edge.tolist() == [0, 0, 0, 1]
    assert start.tolist() == [0.0, 20.0, 40.0, 0.0] and end.tolist() == [10.0, 30.0, 50.0, 50.0]


@pytest.mark.parametrize("seed", [31, 32, 33])
def test_area_partition_on_irregular_networks(seed):
    """Random crossing polylines (split into many small faces, dangles, loops) and odd polygons."""
    rng = np.random.default_rng(seed)
    coords = np.cumsum(rng.normal(0, 60, (70, 6, 2)), axis=1) + rng.uniform(0, 900, (70, 1, 2))
    g = build_graph(layer(list(coords)))
    centre = rng.uniform(0, 900, (120, 2))
    polygons = shapely.buffer(shapely.points(centre), rng.uniform(10, 120, 120), quad_segs=3)
    polygons = shapely.intersection(polygons, shapely.box(*(centre.T - 60), *(centre.T + 90)))
    reach = multi_source(g, attach_points(g, shapely.points(rng.uniform(0, 900, (5, 2)))), limit=220.0)
    reached = reached_edges(g, reach)
    partition = build_area_partition(g, np.asarray(polygons, dtype=object), half_width=35.0)
    fast = per_owner(partition, covered_pieces(partition, g, reached).area)
    direct = shapely.area(shapely.intersection(polygons, service_area_polygon(g, reached, half_width=35.0)))
    assert np.allclose(fast, direct, rtol=1e-6, atol=0.5)
    assert partition.clean.any() and (~partition.clean).any()
