"""Shortest paths from points on edges: exact hand-made answers and a networkx reference."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.network import attach_points, build_graph, multi_source, point_costs


def layer(lines, **fields):
    geoms = np.array([shapely.LineString(c) for c in lines], dtype=object)
    attrs = pd.DataFrame(fields) if fields else pd.DataFrame({"DJ": ["支路"] * len(geoms)})
    return LayerData("DL", geoms, attrs, np.arange(len(geoms)), crs="EPSG:4548", geometry_type="line")


def grid_layer(n=12, spacing=100.0, jitter=8.0, seed=0, drive=False):
    rng = np.random.default_rng(seed)
    xs, ys = np.meshgrid(np.arange(n) * spacing, np.arange(n) * spacing)
    xy = np.c_[xs.ravel(), ys.ravel()] + rng.normal(0, jitter, (n * n, 2))
    idx = np.arange(n * n).reshape(n, n)
    a = np.r_[idx[:, :-1].ravel(), idx[:-1, :].ravel(), idx[:-1, :-1].ravel()[::3]]
    b = np.r_[idx[:, 1:].ravel(), idx[1:, :].ravel(), idx[1:, 1:].ravel()[::3]]
    mid = (xy[a] + xy[b]) / 2 + rng.normal(0, 5, (len(a), 2))  # one bend per segment
    lines = np.stack([xy[a], mid, xy[b]], axis=1)
    fields = {"DJ": rng.choice(["支路", "次干路", "主干路"], len(a))}
    if drive:
        fields["DX"] = rng.choice([0, 0, 0, 1, -1], len(a))
        fields["SD"] = rng.choice([20, 30, 50], len(a))
    return layer(lines, **fields)


def reference_costs(graph, sources, targets):
    """Plain Dijkstra (networkx) with sources and targets inserted as nodes splitting their edges."""
    G = nx.DiGraph()
    cuts = {}
    for kind, pos in (("s", sources), ("t", targets)):
        for i in np.flatnonzero(pos.attached):
            cuts.setdefault(int(pos.edge[i]), []).append((float(pos.offset[i]), (kind, int(i))))
    for e in range(graph.n_edges):
        length = graph.edge_length[e]
        stops = [(0.0, int(graph.edge_u[e]))] + sorted(cuts.get(e, []), key=lambda c: c[0]) + [
            (length, int(graph.edge_v[e]))]
        chain = [(off, node if isinstance(node, int) else ("p",) + node) for off, node in stops]
        for (o1, n1), (o2, n2) in zip(chain[:-1], chain[1:]):
            d = o2 - o1
            for frm, to, rate in ((n1, n2, graph.rate_fwd[e]), (n2, n1, graph.rate_bwd[e])):
                if np.isfinite(rate) or d == 0:  # a point at an edge end is that node
                    w = d * rate if d > 0 else 0.0
                    if not G.has_edge(frm, to) or G[frm][to]["weight"] > w:
                        G.add_edge(frm, to, weight=w)
    for i in np.flatnonzero(sources.attached):
        G.add_edge("S", ("p", "s", int(i)), weight=float(graph.access_cost(sources.access[i])))
    for i in np.flatnonzero(targets.attached):
        G.add_edge(("p", "t", int(i)), ("t", int(i)), weight=float(graph.access_cost(targets.access[i])))
    dist = nx.single_source_dijkstra_path_length(G, "S") if "S" in G else {}
    node_cost = np.array([dist.get(i, np.inf) for i in range(graph.n_nodes)])
    target_cost = np.array([dist.get(("t", i), np.inf) for i in range(len(targets))])
    return node_cost, target_cost


def test_three_edge_line_facility_mid_edge_exact():
    g = build_graph(layer([[(0, 0), (100, 0)], [(100, 0), (200, 0)], [(200, 0), (300, 0)]]))
    fac = attach_points(g, shapely.points([[150, 10]]))  # mid-edge, 10 m access leg
    assert fac.access[0] == 10.0 and np.isclose(fac.offset[0], 50.0)
    reach = multi_source(g, fac, limit=120.0)
    costs = dict(zip(map(tuple, g.node_xy.round(6)), reach.node_cost))
    assert costs[(100.0, 0.0)] == 60.0 and costs[(200.0, 0.0)] == 60.0
    assert np.isinf(costs[(0.0, 0.0)]) and np.isinf(costs[(300.0, 0.0)])
    demand = attach_points(g, shapely.points([[160, -5], [30, 0], [250, 3], [19, 0], [175, 0]]))
    cost, src = point_costs(g, reach, demand)
    # same edge 10 + 10 + 5; 60 + 70; 60 + 50 + 3; 60 + 81 > 120; same edge 10 + 25
    assert cost[0] == 25.0 and cost[2] == 113.0 and cost[4] == 35.0
    assert np.isinf(cost[1]) and np.isinf(cost[3])
    assert src.tolist() == [0, -1, 0, -1, 0]


def test_grid_distances_are_manhattan():
    lines = [[(x, y), (x + 100, y)] for x in range(0, 400, 100) for y in range(0, 500, 100)]
    lines += [[(x, y), (x, y + 100)] for x in range(0, 500, 100) for y in range(0, 400, 100)]
    g = build_graph(layer(lines))
    reach = multi_source(g, attach_points(g, shapely.points([[0, 0]])))
    expected = g.node_xy.sum(axis=1)
    assert np.allclose(reach.node_cost, expected)


def test_nearest_facility_index_per_node():
    g = build_graph(layer([[(0, 0), (1000, 0)], [(1000, 0), (2000, 0)]]))
    fac = attach_points(g, shapely.points([[100, 0], [1900, 0]]))
    reach = multi_source(g, fac)
    xy = g.node_xy[:, 0]
    assert reach.node_source[xy == 0][0] == 0 and reach.node_source[xy == 2000][0] == 1
    assert reach.node_cost[xy == 1000][0] == 900.0


def test_one_way_streets_when_driving():
    # 0 -> 360 one-way forward, 360 -> 0 impossible; the way back is a 720 m detour
    lines = [[(0, 0), (360, 0)], [(360, 0), (360, 180), (0, 180), (0, 0)]]
    g = build_graph(layer(lines, DJ=["支路", "支路"], SD=[36, 36], DX=[1, 0]), mode="drive")
    at_start = attach_points(g, shapely.points([[0, 0]]))
    at_end = attach_points(g, shapely.points([[360, 0]]))
    end_node = int(np.flatnonzero(g.node_xy[:, 0] == 360)[0])
    start_node = int(np.flatnonzero(g.node_xy[:, 0] == 0)[0])
    assert multi_source(g, at_start).node_cost[end_node] == 36.0
    assert multi_source(g, at_end).node_cost[start_node] == 72.0


def test_bridge_over_road_gives_no_shortcut():
    lines = [[(0, 0), (200, 0)], [(100, -100), (100, 100)], [(0, 0), (0, 300), (100, 300), (100, 100)]]
    g = build_graph(layer(lines, DJ=["支路"] * 3, CC=[0, 1, 1]))
    reach = multi_source(g, attach_points(g, shapely.points([[100, -100]])))
    target = attach_points(g, shapely.points([[100, 0]]))  # on the road under the bridge
    cost, _ = point_costs(g, reach, target)
    # nearest edge to (100, 0) is the ground road or the bridge (both 0 m); via the road only through
    # the loop: 200 (bridge) + 200 + 100 + 300 (loop) + 100 (road) = 900; on the bridge: 100
    assert cost[0] in (100.0, 900.0)
    road = attach_points(g, shapely.points([[150, -0.001]]))
    road_cost, _ = point_costs(g, reach, road)
    assert np.isclose(road_cost[0], 200 + 200 + 100 + 300 + 150 + 0.001)


@pytest.mark.parametrize("seed,mode", [(1, "walk"), (2, "walk"), (3, "drive"), (4, "drive")])
def test_matches_networkx_reference_on_generated_networks(seed, mode):
    g = build_graph(grid_layer(n=10, seed=seed, drive=mode == "drive"), mode=mode)
    rng = np.random.default_rng(seed)
    sources = attach_points(g, shapely.points(rng.uniform(-50, 950, (6, 2))))
    targets = attach_points(g, shapely.points(rng.uniform(-50, 950, (300, 2))))
    # a few targets exactly on a source's edge, to exercise the same-edge path
    on_edge = attach_points(g, shapely.line_interpolate_point(g.edge_geom[sources.edge], rng.uniform(0, 1, 6),
                                                               normalized=True))
    targets = type(targets)(np.r_[targets.edge, on_edge.edge], np.r_[targets.offset, on_edge.offset],
                            np.r_[targets.access, on_edge.access])
    ref_nodes, ref_targets = reference_costs(g, sources, targets)
    reach = multi_source(g, sources)
    assert np.allclose(reach.node_cost, ref_nodes, rtol=1e-9, atol=1e-6)
    cost, _ = point_costs(g, reach, targets)
    assert np.allclose(cost, ref_targets, rtol=1e-9, atol=1e-6)
    limit = np.quantile(ref_targets[np.isfinite(ref_targets)], 0.4)
    limited, _ = point_costs(g, multi_source(g, sources, limit=limit), targets)
    assert np.array_equal(np.isfinite(limited), ref_targets <= limit)
    assert np.allclose(limited[np.isfinite(limited)], ref_targets[ref_targets <= limit])


def test_results_are_stable_between_runs():
    runs = []
    for _ in range(2):
        g = build_graph(grid_layer(n=8, seed=5))
        pos = attach_points(g, shapely.points(np.random.default_rng(5).uniform(0, 700, (5, 2))))
        reach = multi_source(g, pos, limit=400)
        runs.append((g.node_xy, g.edge_u, reach.node_cost, reach.node_source))
    for a, b in zip(*runs):
        assert np.array_equal(a, b)


def test_unattached_points_and_no_sources():
    g = build_graph(layer([[(0, 0), (100, 0)]]))
    pos = attach_points(g, np.array([shapely.Point(), None, shapely.Point(5, 500)], dtype=object),
                        max_distance=100)
    assert pos.edge.tolist() == [-1, -1, -1]
    reach = multi_source(g, pos, limit=100)
    assert np.isinf(reach.node_cost).all()
    assert np.isinf(point_costs(g, reach, attach_points(g, shapely.points([[50, 0]])))[0]).all()
