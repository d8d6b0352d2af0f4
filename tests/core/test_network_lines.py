"""Vectorised line helpers against shapely's own per-geometry functions."""

import numpy as np
import pytest
import shapely
from shapely.ops import substring

from cityhealth_plugin.core.network.lines import cut_lines, explode_lines, grouped_union, ragged_range


def random_lines(rng, count):
    coords = np.cumsum(rng.normal(0, 30, (count, 6, 2)), axis=1) + rng.uniform(0, 1000, (count, 1, 2))
    return shapely.linestrings(coords)


def test_ragged_range():
    assert ragged_range(np.array([5, 0, 10]), np.array([2, 0, 3])).tolist() == [5, 6, 10, 11, 12]
    assert ragged_range(np.array([1]), np.array([0])).tolist() == []


def test_cut_lines_matches_shapely_substring():
    rng = np.random.default_rng(7)
    lines = random_lines(rng, 60)
    which = rng.integers(0, 60, 400)
    length = shapely.length(lines)[which]
    a, b = rng.uniform(0, 1, (2, 400)) * length
    start, end = np.minimum(a, b), np.maximum(a, b)
    start[:20] = 0.0  # whole prefixes
    end[20:40] = length[20:40]  # whole suffixes
    pieces = cut_lines(lines, which, start, end)
    expected = np.array([substring(lines[w], s, e) for w, s, e in zip(which, start, end)], dtype=object)
    assert np.allclose(shapely.length(pieces), end - start, atol=1e-6)
    assert np.all(shapely.hausdorff_distance(pieces, expected) < 1e-6)


def test_cut_lines_whole_line_keeps_every_vertex():
    line = shapely.LineString([(0, 0), (10, 0), (10, 10), (0, 10)])
    piece = cut_lines(np.array([line]), [0], [0.0], [30.0])[0]
    assert shapely.equals_exact(piece, line, 1e-9)


def test_explode_lines_drops_empty_and_zero_length_and_keeps_owner():
    geoms = np.array([
        shapely.MultiLineString([[(0, 0), (1, 0)], [(2, 0), (3, 0)]]),
        shapely.LineString(),
        shapely.LineString([(5, 5), (5, 5)]),
        shapely.LineString([(0, 0, 3), (0, 4, 3)]),
    ], dtype=object)
    parts, owner = explode_lines(geoms)
    assert owner.tolist() == [0, 0, 3]
    assert not shapely.has_z(parts).any()


def test_grouped_union_equals_union_per_group():
    rng = np.random.default_rng(3)
    disks = shapely.buffer(shapely.points(rng.uniform(0, 100, (300, 2))), rng.uniform(1, 10, 300))
    groups = rng.integers(0, 40, 300)
    groups[:50] = 99  # one large group next to small ones
    ids, merged = grouped_union(disks, groups)
    assert ids.tolist() == sorted(set(groups.tolist()))
    for gid, geom in zip(ids, merged):
        expected = shapely.union_all(disks[groups == gid])
        assert abs(geom.area - expected.area) < 1e-6 * expected.area


@pytest.mark.parametrize("count", [0, 1])
def test_cut_and_union_accept_tiny_inputs(count):
    lines = random_lines(np.random.default_rng(1), max(count, 1))
    assert len(cut_lines(lines, np.arange(count), np.zeros(count), np.ones(count))) == count
    ids, merged = grouped_union(shapely.buffer(shapely.points(np.zeros((count, 2))), 1.0), np.zeros(count, int))
    assert len(ids) == len(merged) == count
