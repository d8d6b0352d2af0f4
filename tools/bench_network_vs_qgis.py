"""Side by side: the CityHealth network core vs QGIS ``native:serviceareafromlayer``.

Same input for both: the walkable, noded edges of a synthetic street grid (from
``bench_network``; sizes small / city / xiamen) or of the demo city (demo-small / demo-city, its primary
schools), and one facility type with points lying on the roads (no access leg, as QGIS has none), one
travel distance. QGIS runs one Dijkstra per start point and writes service-area
lines; the core runs one multi-source Dijkstra for the type and cuts the reached lines (partial
edges included). Printed: both times, the speed-up, and the total reached length of each (QGIS
lines mapped onto the edges and merged, so overlapping duplicate lines in QGIS's per-point output
do not count twice) as a check that they agree. Run with the project venv (QGIS bindings visible):
``QT_QPA_PLATFORM=offscreen .venv/bin/python tools/bench_network_vs_qgis.py small``. The core's time is
also given per type with the graph already built, which is how the indicators use it (one graph per
travel mode for every type and threshold; QGIS builds its graph again on every run). QGIS's own way to a
service-area *polygon* (lines + ``native:buffer`` dissolved) is timed too, except at the largest
size unless ``BENCH_QGIS_BUFFER=1`` (it takes minutes there).
"""

import os
import sys
import time
from pathlib import Path

import numpy as np
import shapely

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
try:  # `make bench` puts the assembled plugin (build/) first; run by hand, use the source tree
    import cityhealth_plugin  # noqa: F401
except ImportError:
    sys.path.insert(0, str(TOOLS.parent))

import bench_network  # noqa: E402
from cityhealth_plugin.core.layer_data import LayerData  # noqa: E402
from cityhealth_plugin.core.network import (attach_points, build_graph, multi_source, reached_edges,  # noqa: E402
                                            reached_lines, service_area_polygon)
from cityhealth_plugin.core.network.service_area import merge_intervals  # noqa: E402

SIZES = {"small": (52, 40), "city": (100, 80), "xiamen": (100, 430)}  # grid n, facilities (≈5k / 20k edges)
DEMO_SCALES = ("demo-small", "demo-city")  # the demo city's roads and primary schools
THRESHOLD = 500.0
_KEEP = []  # the QgsApplication must outlive the run


def start_qgis():
    if _KEEP:
        return _KEEP[0]
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from qgis.analysis import QgsNativeAlgorithms

    registry = QgsApplication.processingRegistry()
    if registry.providerById("native") is None:
        registry.addProvider(QgsNativeAlgorithms())
    _KEEP.append(app)
    return app


def memory_layer(kind, geoms):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(f"{kind}?crs=EPSG:4548", kind.lower(), "memory")
    features = []
    for wkb in shapely.to_wkb(geoms):
        feature = QgsFeature()
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def inputs(scale, seed=7):
    n, n_fac = SIZES[scale]
    rng = np.random.default_rng(seed)
    roads, _ = bench_network.synthetic_roads(n, rng)
    edges = build_graph(roads).edge_geom  # walkable, split at crossings: the same topology for both
    pick = rng.choice(len(edges), n_fac, replace=False)
    starts = shapely.line_interpolate_point(edges[pick], rng.uniform(0.1, 0.9, n_fac), normalized=True)
    return edges, starts


def demo_inputs(scale):
    """The demo city's walkable edges (noded by the core, so both get the same topology) and its
    primary schools placed on their nearest road (QGIS has no access leg)."""
    from bench_coverage import demo_path, read_layers

    layers = read_layers(demo_path(scale))
    graph = build_graph(layers["roads"])
    schools = layers["fac_primary_school"].geometries
    xy = attach_points(graph, schools).xy(graph)
    return graph.edge_geom, shapely.points(xy[np.isfinite(xy).all(axis=1)])


def edge_layer(edges):
    return LayerData("edges", edges, bench_network.pd.DataFrame({"DJ": ["支路"] * len(edges)}),
                     np.arange(len(edges)), crs="EPSG:4548", geometry_type="line")


def run_core(edges, starts):
    """(graph build s, graph + reach + lines s, all + polygon s, lines, polygon area). The indicators build
    the graph once for every type; the reach (Dijkstra + reached pieces) is what each type adds."""
    t0 = time.perf_counter()
    graph = build_graph(edge_layer(edges), split_crossings=False)
    graph.matrix, graph.edge_tree  # noqa: B018 - cached with the graph, as in the indicators
    t_graph = time.perf_counter() - t0
    reached = reached_edges(graph, multi_source(graph, attach_points(graph, starts), limit=THRESHOLD))
    lines = reached_lines(graph, reached)
    t_lines = time.perf_counter() - t0
    polygon = service_area_polygon(graph, reached)
    t_polygon = time.perf_counter() - t0
    return t_graph, t_lines, t_polygon, lines, polygon.area


def length_on_edges(graph, lines):
    """Length of the network covered by ``lines`` (each lying along one edge), overlaps counted once.

    Every line is matched to the edge under its midpoint and turned into an interval of that
    edge; intervals are merged per edge, so duplicates and sub-millimetre noise do not count twice.
    """
    lines = lines[shapely.length(lines) > 0]
    mid = shapely.line_interpolate_point(lines, 0.5, normalized=True)
    edge = attach_points(graph, mid).edge
    geom = graph.edge_geom[edge]
    a = shapely.line_locate_point(geom, shapely.get_point(lines, 0))
    b = shapely.line_locate_point(geom, shapely.get_point(lines, -1))
    merged = merge_intervals(graph, edge, np.minimum(a, b), np.maximum(a, b))
    return float((merged.end - merged.start).sum())


def run_qgis(edges, starts, with_buffer=True):
    import processing

    network, points = memory_layer("LineString", edges), memory_layer("Point", starts)
    t0 = time.perf_counter()
    result = processing.run("native:serviceareafromlayer", {
        "INPUT": network, "STRATEGY": 0, "DEFAULT_DIRECTION": 2, "TOLERANCE": 0.01,
        "START_POINTS": points, "TRAVEL_COST2": THRESHOLD, "INCLUDE_BOUNDS": False,
        "OUTPUT_LINES": "TEMPORARY_OUTPUT"})
    elapsed = time.perf_counter() - t0
    out = result["OUTPUT_LINES"]
    buffered, area = np.nan, np.nan
    if with_buffer:
        t1 = time.perf_counter()
        polygon = processing.run("native:buffer", {"INPUT": out, "DISTANCE": 50.0, "SEGMENTS": 8,
                                                   "DISSOLVE": True, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        buffered = time.perf_counter() - t1
        area = sum(f.geometry().area() for f in polygon.getFeatures())
    wkb = [bytes(f.geometry().asWkb()) for f in out.getFeatures()]
    lines = shapely.get_parts(shapely.from_wkb(wkb)) if wkb else np.empty(0, dtype=object)
    return elapsed, lines, out.featureCount(), buffered, area


def run(scale="small"):
    demo = scale.startswith("demo-")
    if scale not in SIZES and scale not in DEMO_SCALES:
        print(f"unknown scale {scale!r}; use one of {sorted(SIZES) + sorted(DEMO_SCALES)}")
        return
    start_qgis()
    edges, starts = demo_inputs(scale[len("demo-"):]) if demo else inputs(scale)
    print(f"[vs QGIS, {scale}] {len(edges):,} edges, {len(starts)} start points, {THRESHOLD:.0f} m walk")
    core_graph, core_lines, core_polygon, lines, core_area = run_core(edges, starts)
    # QGIS's buffer + dissolve of the lines takes minutes at the largest size: opt in there
    with_buffer = scale != "xiamen" or bool(os.environ.get("BENCH_QGIS_BUFFER"))
    qgis_time, qgis_lines, features, qgis_buffer, qgis_area = run_qgis(edges, starts, with_buffer)
    graph = build_graph(edge_layer(edges), split_crossings=False)
    ours, theirs = length_on_edges(graph, lines), length_on_edges(graph, qgis_lines)
    print(f"  QGIS native:serviceareafromlayer (lines)   {qgis_time:8.2f} s   ({features} features)")
    print(f"  CityHealth core (graph + Dijkstra + lines) {core_lines:8.2f} s   speed-up x{qgis_time / core_lines:.0f}")
    per_type = core_lines - core_graph
    print(f"  CityHealth per type, graph shared          {per_type:8.3f} s   speed-up x{qgis_time / per_type:.0f}   "
          f"(graph built once for all types: {core_graph:.2f} s)")
    if with_buffer:
        print(f"  QGIS lines + native:buffer 50 m dissolved  {qgis_time + qgis_buffer:8.2f} s   "
              f"area {qgis_area / 1e6:.3f} km²")
        print(f"  CityHealth core incl. service-area polygon {core_polygon:8.2f} s   area {core_area / 1e6:.3f} km²   "
              f"speed-up x{(qgis_time + qgis_buffer) / core_polygon:.1f}")
    else:
        print(f"  CityHealth core incl. service-area polygon {core_polygon:8.2f} s   area {core_area / 1e6:.3f} km²   "
              f"(QGIS buffer + dissolve skipped: BENCH_QGIS_BUFFER=1 runs it)")
    print(f"  reached network (intervals merged per edge): core {ours / 1000:.3f} km, QGIS {theirs / 1000:.3f} km "
          f"(difference {abs(ours - theirs):.1f} m, {abs(ours - theirs) / max(theirs, 1) * 100:.3f} %)")


if __name__ == "__main__":
    run(sys.argv[1] if len(sys.argv) > 1 else "small")
