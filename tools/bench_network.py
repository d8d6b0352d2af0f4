"""Benchmark of the walk-coverage engine (core/network) on a synthetic city-like network.

``run(scale)`` builds a perturbed street grid with diagonals, long polylines that need splitting,
elevated expressways (CC=1, not walkable) and one-way streets, plus facilities of 12 types,
weighted demand points and residential blocks with district / sub-district labels; then times
every step of a full coverage run (population- and area-based, network and buffer) and the
outputs. Scales: small (~10k segments), city (~40k), xiamen (~110k segments, 5k+ facilities,
150k demand points). When the demo generator and GeoPackage reader exist, ``run("xiamen")`` also
measures the demo city. Figures only — nothing is asserted.
"""

import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
try:  # `make bench` puts the assembled plugin (build/) first; run by hand, use the source tree
    import cityhealth_plugin  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))

from cityhealth_plugin.core.layer_data import LayerData  # noqa: E402
from cityhealth_plugin.core.network import (DEFAULT_THRESHOLDS, Demand, Facilities, LIFE_CIRCLE_TYPES,  # noqa: E402
                                            Residential, assess_coverage, build_area_partition, build_graph,
                                            catchments, life_circle, service_area, suggest_sites,
                                            topology_report, uncovered_residential)

SCALES = {  # grid size n (n x n nodes, 100 m apart), demand points, facilities per type
    "small": (72, 15_000, 40),
    "city": (145, 60_000, 160),
    "xiamen": (225, 150_000, 430),
}
WALK_TYPES = [k for k, t in DEFAULT_THRESHOLDS.items() if t.mode == "walk"]  # 12 types
CRS = "EPSG:4548"
ORIGIN = np.array([500_000.0, 2_700_000.0])  # Gauss-Kruger-like coordinates (Xiamen, CM 117E)


def grid_nodes(n, rng, spacing=100.0):
    xs, ys = np.meshgrid(np.arange(n) * spacing, np.arange(n) * spacing)
    return np.c_[xs.ravel(), ys.ravel()] + rng.normal(0, 9, (n * n, 2)) + ORIGIN


def street_lines(n, xy, rng):
    """Grid streets as polylines of 1-4 blocks (so crossings need splitting), with a bend each."""
    idx = np.arange(n * n).reshape(n, n)
    lines, classes = [], []
    for along_rows in (True, False):
        grid = idx if along_rows else idx.T
        for r in range(n):
            row = grid[r]
            cuts = np.r_[0, np.cumsum(rng.integers(1, 5, n))]
            cuts = cuts[cuts < n - 1].tolist() + [n - 1]
            cls = "主干路" if r % 10 == 0 else "次干路" if r % 5 == 0 else "支路" if r % 2 else "街巷"
            for a, b in zip(cuts[:-1], cuts[1:]):
                pts = xy[row[a:b + 1]]
                mids = (pts[:-1] + pts[1:]) / 2 + rng.normal(0, 3, (len(pts) - 1, 2))
                coords = np.empty((2 * len(pts) - 1, 2))
                coords[0::2], coords[1::2] = pts, mids
                lines.append(shapely.LineString(coords))
                classes.append(cls)
    return lines, classes


def diagonal_lines(n, xy, rng):
    idx = np.arange(n * n).reshape(n, n)
    cells = np.flatnonzero(rng.random((n - 1) * (n - 1)) < 0.15)
    i, j = np.divmod(cells, n - 1)
    a, b = idx[i, j], idx[i + 1, j + 1]
    return list(shapely.linestrings(np.stack([xy[a], xy[b]], axis=1))), ["步行道"] * len(cells)


def expressways(n):
    size = (n - 1) * 100.0
    coords = [[(0.1 * size, -50), (0.9 * size, size + 50)], [(-50, 0.35 * size), (size + 50, 0.55 * size)]]
    return [shapely.LineString(np.array(c) + ORIGIN) for c in coords], ["快速路", "快速路"]


def synthetic_roads(n, rng):
    xy = grid_nodes(n, rng)
    streets, s_cls = street_lines(n, xy, rng)
    diags, d_cls = diagonal_lines(n, xy, rng)
    fast, f_cls = expressways(n)
    geoms = np.array(streets + diags + fast, dtype=object)
    attrs = pd.DataFrame({"MC": "", "DJ": s_cls + d_cls + f_cls})
    attrs["BX"] = np.where(attrs["DJ"] == "快速路", 0, 1)
    attrs["DX"] = np.where(rng.random(len(attrs)) < 0.05, 1, 0)
    attrs["SD"] = np.nan
    attrs["CC"] = np.where(attrs["DJ"] == "快速路", 1, 0)
    return LayerData("DL", geoms, attrs, np.arange(len(geoms)), crs=CRS, geometry_type="line"), xy


def zone_labels(xy, n):
    size = (n - 1) * 100.0
    rel = (xy - ORIGIN) / size
    district = np.clip((rel[:, 0] * 6).astype(int), 0, 5)
    sub = district * 10 + np.clip((rel[:, 1] * 6).astype(int), 0, 5)
    return {"district": np.array([f"D{d}" for d in district], dtype=object),
            "subdistrict": np.array([f"S{s:02d}" for s in sub], dtype=object)}


def synthetic_inputs(scale, seed=2024):
    n, n_demand, per_type = SCALES[scale]
    rng = np.random.default_rng(seed)
    roads, xy = synthetic_roads(n, rng)
    size = (n - 1) * 100.0
    facilities = {}
    for name in WALK_TYPES:
        pts = shapely.points(rng.uniform(0, size, (per_type, 2)) + ORIGIN)
        facilities[name] = Facilities(name, pts, np.arange(per_type), np.arange(per_type))
    d_xy = rng.uniform(0, size, (n_demand, 2)) + ORIGIN
    demand = Demand(shapely.points(d_xy), rng.lognormal(3, 1, n_demand), zone_labels(d_xy, n), np.arange(n_demand))
    residential = residential_blocks(n, xy, rng)
    return roads, facilities, demand, residential


def residential_blocks(n, xy, rng, share=0.35, inset=12.0):
    idx = np.arange(n * n).reshape(n, n)
    cells = np.flatnonzero(rng.random((n - 1) * (n - 1)) < share)
    i, j = np.divmod(cells, n - 1)
    corners = np.stack([xy[idx[i, j]], xy[idx[i, j + 1]], xy[idx[i + 1, j + 1]], xy[idx[i + 1, j]]], axis=1)
    centre = corners.mean(axis=1, keepdims=True)
    direction = centre - corners
    corners = corners + direction / np.linalg.norm(direction, axis=2, keepdims=True) * inset * np.sqrt(2)
    polygons = shapely.polygons(corners)
    return Residential(polygons, zone_labels(centre[:, 0, :], n), np.arange(len(polygons)))


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class Clock:
    """Wall time per step, with the process CPU time (all threads) beside it: on a shared machine
    the wall time grows with other load, the CPU time does not."""

    def __init__(self):
        self.start = self.last = time.perf_counter()
        self.cpu = time.process_time()

    def lap(self, label, extra=""):
        now, cpu = time.perf_counter(), time.process_time()
        print(f"  {label:<42} {now - self.last:6.2f} s wall {cpu - self.cpu:6.2f} s cpu  "
              f"(peak RSS {peak_mb():5.0f} MB) {extra}", flush=True)
        self.last, self.cpu = now, cpu

    def total(self):
        return time.perf_counter() - self.start


def run(scale="xiamen"):
    if scale not in SCALES:
        print(f"unknown scale {scale!r}; use one of {sorted(SCALES)}")
        return
    clock = Clock()
    roads, facilities, demand, residential = synthetic_inputs(scale)
    clock.lap("generate synthetic city", f"{len(roads):,} road features")
    measure(roads, facilities, demand, residential, clock, f"synthetic {scale}")
    if scale == "xiamen":
        run_demo(scale)


def run_gpkg(path):
    """Measure an existing demo GeoPackage: ``python tools/bench_network.py --gpkg FILE``."""
    run_demo("file", Path(path))


def measure(roads, facilities, demand, residential, clock, title):
    print(f"[{title}] {sum(f.points.shape[0] for f in facilities.values()):,} facilities of "
          f"{len(facilities)} types, {len(demand.points):,} demand points, "
          f"{len(residential.polygons):,} residential polygons", flush=True)
    clock.lap("(inputs ready)")
    t0, c0 = time.perf_counter(), time.process_time()
    graph = build_graph(roads)
    clock.lap("build graph (split, snap, CSR)", f"{graph.n_edges:,} edges, {graph.n_nodes:,} nodes")
    partition = build_area_partition(graph, residential.polygons)
    clock.lap("area partition (faces, rings, pieces)", f"{len(partition.piece_geom):,} pieces")
    thresholds = {k: DEFAULT_THRESHOLDS[k].value if k in DEFAULT_THRESHOLDS else 500.0 for k in facilities}
    result = assess_coverage(graph, facilities, thresholds, demand, residential, partition=partition)
    clock.lap("coverage: all types, 4 methods, zones", f"{len(result.table):,} table rows")
    core, cpu = time.perf_counter() - t0, time.process_time() - c0
    load = os.getloadavg()[0]
    print(f"  >>> all coverage indicators (graph + partition + coverage): {core:.1f} s wall, {cpu:.1f} s cpu, "
          f"peak RSS {peak_mb():.0f} MB, load average {load:.1f} on {os.cpu_count()} cores", flush=True)
    show_rates(result)
    outputs(result, graph, demand, clock)


def show_rates(result):
    table = result.table[result.table["level"] == "all"]
    wide = table.pivot_table(index="facility_type", columns=["basis", "method"], values="rate")
    print((wide * 100).round(1).to_string())


def outputs(result, graph, demand, clock):
    name = "fac_primary_school" if "fac_primary_school" in result.types else next(iter(result.types))
    polygon = service_area(result, name)
    clock.lap(f"service-area polygon ({name})", f"{shapely.get_num_coordinates(polygon):,} vertices")
    gaps = uncovered_residential(result, name)
    clock.lap(f"gap map ({name})", f"{len(gaps):,} polygons")
    catchments(result, name)
    clock.lap(f"catchments ({name})")
    required = [t for t in LIFE_CIRCLE_TYPES if t in result.types]
    frame = life_circle(result, required)
    clock.lap("15-minute life circle per demand point", f"{frame['complete'].mean() * 100:.1f}% complete")
    cov = result.types[name]
    sites = suggest_sites(graph, result.demand_positions, demand.weights, np.isfinite(cov.demand_cost),
                          cov.threshold, n_sites=20)
    clock.lap(f"siting: 20 sites ({name})", f"{sites.candidates:,} candidates, "
              f"rate {sites.rate_before * 100:.1f}% -> {sites.table['rate'].iloc[-1] * 100:.1f}%")
    report = topology_report(graph, {"demand": demand.points})
    clock.lap("topology report", f"{report.n_components} components, {len(report.dangles):,} dangles")


def run_demo(scale, path=None):
    """The same measure on the demo city GeoPackage (generated unless ``path`` is given)."""
    try:
        from cityhealth_plugin.core.store.gpkg import list_layers, read_layer
        from cityhealth_plugin.core.demo.city import generate_demo_city
    except ImportError as error:
        print(f"[demo {scale}] skipped: {error}")
        return
    clock = Clock()
    if path is None:
        path = Path("/tmp") / f"cityhealth_bench_network_{scale}.gpkg"
        if not path.exists():
            generate_demo_city(scale=scale, seed=2024, out=path, dirty=False)
            clock.lap(f"generate demo city ({scale})")
    roads, facilities, demand, residential = demo_inputs(path, list_layers, read_layer)
    clock.lap("read demo layers", f"{len(roads):,} road features")
    measure(roads, facilities, demand, residential, clock, f"demo {scale}: {path.name}")


def demo_inputs(path, list_layers, read_layer):
    from cityhealth_plugin.core.network import demand_from_layer, facilities_from_layer, residential_from_layer
    from cityhealth_plugin.core.roles.registry import ROLES

    names = {row[0].upper(): row[0] for row in list_layers(path)}
    roads = read_layer(path, names["DL"])
    facilities = {}
    for role in ROLES:
        if role.group == "facility" and role.standard_name.upper() in names and role.id in DEFAULT_THRESHOLDS \
                and DEFAULT_THRESHOLDS[role.id].mode == "walk":
            layer = read_layer(path, names[role.standard_name.upper()])
            if len(layer):
                facilities[role.id] = facilities_from_layer(layer, role.id)
    districts = read_layer(path, names["JD"]) if "JD" in names else None
    population = read_layer(path, names["RK"])
    demand = demand_from_layer(population, "RKS")
    demand.zones = polygon_zones(demand.points, districts)
    dltb = read_layer(path, names["DLTB"])
    homes = dltb.attributes["DLBM"].astype(str).str.startswith("0701").to_numpy()
    residential = residential_from_layer(type(dltb)("DLTB_0701", dltb.geometries[homes], dltb.attributes[homes],
                                                    dltb.fids[homes], crs=dltb.crs))
    code = dltb.attributes.loc[homes, "ZLDWDM"].astype(str)
    residential.zones = {"district": code.str[:6].to_numpy(dtype=object),
                         "subdistrict": code.str[:9].to_numpy(dtype=object)}
    return roads, facilities, demand, residential


def polygon_zones(points, jd):
    """District (6-digit) and sub-district (9-digit) codes of the JD polygon holding each point."""
    if jd is None:
        return {}
    p, z = shapely.STRtree(jd.geometries).query(points, predicate="within")
    codes = np.full(len(points), None, dtype=object)
    codes[p] = jd.attributes["JDDM"].astype(str).to_numpy()[z]
    district = np.array([c[:6] if c else None for c in codes], dtype=object)
    return {"district": district, "subdistrict": codes}


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--gpkg":
        run_gpkg(sys.argv[2])
    else:
        run(sys.argv[1] if len(sys.argv) > 1 else "small")
