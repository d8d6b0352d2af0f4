"""Topology report: components ranked by length, dangles, points far from roads."""

import sys
from pathlib import Path

import numpy as np
import shapely

from cityhealth_plugin.core.network import build_graph, topology_report

sys.path.insert(0, str(Path(__file__).parent))
from test_network_paths import layer  # noqa: E402


def test_components_dangles_and_far_points():
    square = [[(0, 0), (100, 0)], [(100, 0), (100, 100)], [(100, 100), (0, 100)], [(0, 100), (0, 0)]]
    tail = [[(100, 100), (150, 150)]]
    island = [[(1000, 0), (1300, 0)]]
    g = build_graph(layer(square + tail + island))
    report = topology_report(g, {"schools": shapely.points([[50, -10], [600, 0], [1100, 250]])}, max_distance=200)
    assert report.n_components == 2
    assert report.components["length_m"].tolist()[0] > report.components["length_m"].tolist()[1]
    assert np.isclose(report.largest_length, 400 + 50 * np.sqrt(2))
    assert report.components["edges"].tolist() == [5, 1]
    dangles = {tuple(np.round(p.coords[0])) for p in report.dangle_points}
    assert dangles == {(150.0, 150.0), (1000.0, 0.0), (1300.0, 0.0)}
    far = report.far_points["schools"]
    assert far["index"].tolist() == [1, 2] and np.isclose(far["distance_m"].iloc[1], 250.0)
    assert set(report.edge_component[-1:]) | set(report.edge_component[:5]) == {0, 1}
