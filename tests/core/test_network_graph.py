"""Routable graph: road rules, noding (crossings, T-junctions, levels), snapping, costs."""

import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.network import NetworkError, RoadRules, build_graph
from cityhealth_plugin.core.network.classes import road_attributes


def roads(lines, crs="EPSG:4548", **fields):
    geoms = np.array([shapely.LineString(c) if not isinstance(c, shapely.Geometry) else c for c in lines],
                     dtype=object)
    attrs = pd.DataFrame(fields) if fields else pd.DataFrame({"DJ": ["支路"] * len(geoms)})
    return LayerData("DL", geoms, attrs, np.arange(100, 100 + len(geoms)), crs=crs, geometry_type="line")


def edge_set(graph):
    """Edges as sorted pairs of rounded node coordinates."""
    out = set()
    for u, v in zip(graph.edge_u, graph.edge_v):
        a, b = tuple(np.round(graph.node_xy[u], 3)), tuple(np.round(graph.node_xy[v], 3))
        out.add(tuple(sorted((a, b))))
    return out


def test_walkable_classes_chinese_and_osm_and_bx_override():
    layer = roads([[(0, 0), (1, 0)]] * 8,
                  DJ=["高速公路", "快速路", "主干路", "步行道", "motorway", "trunk", "footway", "residential"],
                  BX=[None, 1, 0, None, None, None, None, None])
    walk = road_attributes(layer, "walk", RoadRules())
    assert walk.allowed.tolist() == [False, True, False, True, False, False, True, True]
    drive = road_attributes(layer, "drive", RoadRules())
    assert drive.allowed.tolist() == [True, True, True, False, True, True, False, True]


def test_unknown_class_uses_default_and_is_noted():
    layer = roads([[(0, 0), (1, 0)]], DJ=["神秘路"])
    attrs = road_attributes(layer, "walk", RoadRules())
    assert attrs.allowed.tolist() == [True]
    assert any("神秘路" in note for note in attrs.notes)


def test_drive_speed_from_field_else_class_and_oneway_values():
    layer = roads([[(0, 0), (1, 0)]] * 5, DJ=["主干路", "支路", "primary", "次干路", "支路"],
                  SD=[60, None, "50 km/h", 0, None], DX=[0, 1, "-1", "F", "T"])
    attrs = road_attributes(layer, "drive", RoadRules())
    assert attrs.speed_kmh.tolist() == [60, 30, 50, 40, 30]
    assert attrs.oneway.tolist() == [0, 1, -1, 1, -1]


def test_osm_field_aliases_fclass_and_oneway():
    layer = roads([[(0, 0), (1, 0)]] * 2)
    layer.attributes = pd.DataFrame({"fclass": ["motorway", "footway"], "oneway": ["F", "B"]})
    assert road_attributes(layer, "walk", RoadRules()).allowed.tolist() == [False, True]
    assert road_attributes(layer, "drive", RoadRules()).oneway.tolist() == [1, 0]


def test_crossing_lines_on_same_level_are_split():
    g = build_graph(roads([[(0, 0), (100, 0)], [(50, -50), (50, 50)]]))
    assert g.n_nodes == 5 and g.n_edges == 4
    assert np.isclose(g.edge_length.sum(), 200.0)


def test_bridge_over_road_is_not_split_or_connected():
    layer = roads([[(0, 0), (100, 0)], [(50, -50), (50, 50)]], DJ=["支路", "主干路"], CC=[0, 1])
    g = build_graph(layer)
    assert g.n_nodes == 4 and g.n_edges == 2
    assert sorted(g.edge_level.tolist()) == [0, 1]


def test_bridge_split_above_a_split_road_stays_unconnected_but_ramp_landing_joins():
    # road and bridge both split at the crossing point (50, 0): two ends per level -> no junction
    layer = roads([[(0, 0), (50, 0)], [(50, 0), (100, 0)], [(50, -50), (50, 0)], [(50, 0), (50, 50)]],
                  DJ=["支路"] * 4, CC=[0, 0, 1, 1])
    g = build_graph(layer)
    assert g.n_nodes == 6
    # a ramp (level 1) that ends on the road: a single level-1 end -> joined
    ramp = roads([[(0, 0), (50, 0)], [(50, 0), (100, 0)], [(50, 0), (50, 50)]], DJ=["支路"] * 3, CC=[0, 0, 1])
    assert build_graph(ramp).n_nodes == 4


def test_t_junction_within_tolerance_splits_the_through_road():
    g = build_graph(roads([[(0, 0), (100, 0)], [(40, 0.3), (40, 60)]]), tolerance=0.5)
    assert g.n_nodes == 4 and g.n_edges == 3
    junction = np.flatnonzero(np.bincount(np.r_[g.edge_u, g.edge_v]) == 3)
    assert len(junction) == 1 and np.allclose(g.node_xy[junction[0]], (40, 0.1), atol=1e-9)  # mean of three ends
    assert sorted(np.round(g.edge_length).tolist()) == [40, 60, 60]


def test_ends_within_tolerance_snap_to_one_node_and_geometry_follows():
    g = build_graph(roads([[(0, 0), (100, 0)], [(100.4, 0.2), (200, 0)]]), tolerance=0.5)
    assert g.n_nodes == 3
    start = shapely.get_coordinates(shapely.get_point(g.edge_geom, 0))
    assert np.allclose(start, g.node_xy[g.edge_u])
    far = build_graph(roads([[(0, 0), (100, 0)], [(101, 0), (200, 0)]]), tolerance=0.5)
    assert far.n_nodes == 4


def test_split_crossings_off_keeps_crossing_lines_whole():
    g = build_graph(roads([[(0, 0), (100, 0)], [(50, -50), (50, 50)]]), split_crossings=False)
    assert g.n_edges == 2 and g.n_nodes == 4


def test_interior_shared_vertex_osm_style_is_split():
    g = build_graph(roads([[(0, 0), (50, 0), (100, 0)], [(50, -50), (50, 0), (50, 50)]]))
    assert g.n_edges == 4


def test_multilinestring_parts_become_edges_with_their_feature():
    layer = roads([shapely.MultiLineString([[(0, 0), (10, 0)], [(10, 0), (20, 0)]]), [(20, 0), (30, 0)]])
    g = build_graph(layer)
    assert g.n_edges == 3
    assert sorted(g.edge_feature.tolist()) == [0, 0, 1]


def test_drive_costs_and_one_way_directions():
    layer = roads([[(0, 0), (360, 0)], [(360, 0), (720, 0)]], DJ=["支路", "支路"], SD=[36, 36], DX=[1, -1])
    g = build_graph(layer, mode="drive")
    order = np.argsort(g.node_xy[g.edge_u][:, 0] + g.node_xy[g.edge_v][:, 0])
    fwd, bwd = g.edge_cost_fwd[order], g.edge_cost_bwd[order]
    assert fwd[0] == 36.0 and np.isinf(bwd[0])  # 360 m at 10 m/s, along the digitised direction only
    assert np.isinf(fwd[1]) and bwd[1] == 36.0


def test_not_walkable_roads_are_left_out_when_walking():
    layer = roads([[(0, 0), (100, 0)], [(100, 0), (200, 0)]], DJ=["高速公路", "支路"])
    assert build_graph(layer).n_edges == 1
    assert build_graph(layer, mode="drive").n_edges == 2


def test_csr_matrix_keeps_cheapest_parallel_edge():
    layer = roads([[(0, 0), (100, 0)], [(0, 0), (50, 40), (100, 0)]])
    g = build_graph(layer)
    assert g.n_edges == 2 and g.matrix.nnz == 2
    assert np.isclose(g.matrix[g.edge_u[0], g.edge_v[0]], 100.0)


def test_geographic_crs_is_refused_with_a_clear_message():
    with pytest.raises(NetworkError, match="geographic CRS"):
        build_graph(roads([[(118.0, 24.4), (118.1, 24.5)]], crs="EPSG:4490"))


def test_no_usable_road_is_a_clear_error():
    with pytest.raises(NetworkError, match="no line usable"):
        build_graph(roads([[(0, 0), (1, 0)]], DJ=["高速公路"]))


def test_segment_crossings_match_shapely_intersections():
    from cityhealth_plugin.core.network.noding import crossing_positions

    rng = np.random.default_rng(4)
    coords = np.cumsum(rng.normal(0, 40, (40, 5, 2)), axis=1) + rng.uniform(0, 300, (40, 1, 2))
    lines = shapely.linestrings(coords)
    levels = np.zeros(len(lines), dtype=int)
    which, pos = crossing_positions(lines, levels)
    mine = {(int(w), round(float(p), 6)) for w, p in zip(which, pos)}
    expected = set()
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            meet = lines[i].intersection(lines[j])
            for pt in shapely.get_parts(meet):
                if pt.geom_type != "Point":
                    continue
                expected.add((i, round(lines[i].project(pt), 6)))
                expected.add((j, round(lines[j].project(pt), 6)))
    assert len(expected) > 20
    assert mine == expected


def test_collinear_overlap_is_split_at_both_ends():
    g = build_graph(roads([[(0, 0), (100, 0)], [(50, 0), (150, 0)]]))
    assert sorted(np.round(g.edge_length).tolist()) == [50, 50, 50, 50]
    assert g.n_nodes == 4  # 0, 50, 100, 150


def test_polygon_layer_as_roads_is_a_clear_error():
    layer = roads([[(0, 0), (1, 0)]])
    layer.geometries = np.array([shapely.box(0, 0, 1, 1)], dtype=object)
    with pytest.raises(NetworkError, match="no line geometry"):
        build_graph(layer)
