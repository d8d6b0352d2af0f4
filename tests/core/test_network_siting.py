"""Siting: greedy maximal coverage with lazy evaluation, exact on hand-made cases."""

import sys
from pathlib import Path

import numpy as np
import pytest
import shapely

from cityhealth_plugin.core.network import (EdgePositions, attach_points, build_graph, multi_source,
                                            point_costs, suggest_sites)
from cityhealth_plugin.core.network.siting import _node_cover, greedy_max_cover

sys.path.insert(0, str(Path(__file__).parent))
from test_network_paths import grid_layer, layer  # noqa: E402


def straight_road():
    xs = np.arange(0, 3001, 250.0)
    return build_graph(layer([[(a, 0), (b, 0)] for a, b in zip(xs[:-1], xs[1:])]))


def clustered_demand(g):
    xy = np.r_[np.c_[np.full(10, 500.0), np.zeros(10)], np.c_[np.full(20, 2000.0), np.zeros(20)],
               np.c_[np.full(5, 2800.0), np.zeros(5)]]
    xy[:, 1] = 5.0
    return attach_points(g, shapely.points(xy)), np.ones(len(xy))


def test_user_candidates_greedy_order_and_gains():
    g = straight_road()
    demand, weights = clustered_demand(g)
    candidates = shapely.points([[1200, 30], [500, 20], [2000, 20], [2800, 20]])
    result = suggest_sites(g, demand, weights, np.zeros(len(weights), bool), threshold=200.0, n_sites=5,
                           candidates=candidates)
    assert result.table["candidate"].tolist() == [2, 1, 3]  # stops when nothing more to gain
    assert result.table["gain"].tolist() == [20.0, 10.0, 5.0]
    assert np.allclose(result.table["rate"], [20 / 35, 30 / 35, 1.0])
    assert result.points[0].equals(shapely.Point(2000, 20))


def test_target_rate_and_already_covered_demand():
    g = straight_road()
    demand, weights = clustered_demand(g)
    covered = np.zeros(len(weights), bool)
    covered[10:30] = True  # the 2000 cluster is already served
    result = suggest_sites(g, demand, weights, covered, 200.0, n_sites=5,
                           candidates=shapely.points([[500, 20], [2000, 20], [2800, 20]]), target_rate=0.8)
    assert np.isclose(result.rate_before, 20 / 35)
    assert result.table["candidate"].tolist() == [0]  # 30/35 >= 0.8: stop
    assert result.table["gain"].tolist() == [10.0]


def test_access_legs_count_for_candidates():
    g = straight_road()
    demand, weights = clustered_demand(g)
    far = shapely.points([[500, 199]])  # 199 m access + 5 m demand access > 200
    result = suggest_sites(g, demand, weights, np.zeros(len(weights), bool), 200.0, 1, candidates=far)
    assert len(result.table) == 0


def test_node_candidates_cover_the_clusters():
    g = straight_road()
    demand, weights = clustered_demand(g)
    result = suggest_sites(g, demand, weights, np.zeros(len(weights), bool), 200.0, n_sites=3, spacing=10.0)
    assert result.table["gain"].tolist() == [20.0, 10.0, 5.0]
    assert np.allclose(result.table["x"], [2000.0, 500.0, 2750.0])


def test_node_coverage_matrix_matches_single_source_searches():
    g = build_graph(grid_layer(n=8, seed=3))
    rng = np.random.default_rng(3)
    demand = attach_points(g, shapely.points(rng.uniform(0, 700, (200, 2))))
    nodes = np.arange(0, g.n_nodes, 3)
    cover = _node_cover(g, nodes, demand, 250.0).toarray().astype(bool)
    for row, node in enumerate(nodes):
        source = EdgePositions(np.array([-1]), np.zeros(1), np.zeros(1))
        # a source exactly at the node: any edge touching it, offset at that end
        e = int(np.flatnonzero((g.edge_u == node) | (g.edge_v == node))[0])
        source = EdgePositions(np.array([e]), np.array([0.0 if g.edge_u[e] == node else g.edge_length[e]]),
                               np.zeros(1))
        cost, _ = point_costs(g, multi_source(g, source, limit=250.0), demand)
        assert np.array_equal(cover[row], np.isfinite(cost)), row


def test_lazy_greedy_equals_plain_greedy():
    rng = np.random.default_rng(9)
    from scipy.sparse import csr_matrix

    dense = rng.random((60, 400)) < 0.04
    cover = csr_matrix(dense.astype(np.int8))
    weights = rng.integers(1, 10, 400).astype(float)
    picks = greedy_max_cover(cover, weights, 15, weights.sum(), 0.0)
    left = weights.copy()
    for cand, gain, _ in picks:
        gains = dense.astype(float) @ left
        assert gain == gains.max() and gains[cand] == gains.max()
        left[dense[cand]] = 0.0


def test_no_weight_is_an_error():
    g = straight_road()
    demand, _ = clustered_demand(g)
    with pytest.raises(Exception, match="positive weight"):
        suggest_sites(g, demand, np.zeros(35), np.zeros(35, bool), 200.0, 1)
