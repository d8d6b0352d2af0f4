"""Benchmark of the spatial indicator engine (everything except walk coverage).

    python tools/bench_indicators.py [small|city|xiamen] [--synthetic] [--gpkg PATH]

``run(scale)`` reads the demo city of that scale (``python -m cityhealth_plugin demo-data
--scale X --seed 2024 --out /tmp/<scale>.gpkg``, generated here when missing and the
generator exists), else a synthetic partition of comparable size, computes every spatial
indicator and prints per-method figures, total time and peak memory (ru_maxrss).
"""

import argparse
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cityhealth_plugin.core.layer_data import LayerData  # noqa: E402

SYNTHETIC_PARCELS = {"small": 20_000, "city": 100_000, "xiamen": 320_000}
X0, Y0 = 560_000.0, 2_700_000.0
CRS = "EPSG:4548"


def _layer(name, geoms, attributes, kind="polygon"):
    geoms = np.asarray(geoms, dtype=object)
    return LayerData(name, geoms, pd.DataFrame(attributes), np.arange(1, len(geoms) + 1), CRS, kind)


def synthetic_city(parcels: int, seed: int = 2024) -> dict:
    """A partition of ``parcels`` jittered quadrilaterals with the role layers the engine reads."""
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(parcels)))
    cell = 120.0
    extent = side * cell
    ii, jj = np.meshgrid(np.arange(side + 1), np.arange(side + 1), indexing="ij")
    jitter = rng.uniform(-0.3, 0.3, size=(2,) + ii.shape) * cell
    jitter[:, [0, -1], :] = 0
    jitter[:, :, [0, -1]] = 0
    gx = X0 + ii * cell + jitter[0]
    gy = Y0 + jj * cell + jitter[1]
    i, j = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    i, j = i.ravel()[:parcels], j.ravel()[:parcels]
    ring = np.stack([np.stack([gx[i, j], gy[i, j]], -1), np.stack([gx[i + 1, j], gy[i + 1, j]], -1),
                     np.stack([gx[i + 1, j + 1], gy[i + 1, j + 1]], -1), np.stack([gx[i, j + 1], gy[i, j + 1]], -1)], 1)
    patches = shapely.polygons(ring)
    centre = shapely.get_coordinates(shapely.centroid(patches))
    r = np.hypot(centre[:, 0] - (X0 + extent / 2), centre[:, 1] - (Y0 + extent / 2)) / (extent / 2)
    urban = r < 0.45
    codes = np.where(urban, rng.choice(["0701", "05H1", "0601", "0810", "1004", "08H2"], len(r), p=[.45, .15, .15, .08, .12, .05]),
                     rng.choice(["0101", "0102", "0301", "0404", "1101", "0702", "0601", "1003"], len(r),
                                p=[.25, .1, .3, .05, .05, .15, .05, .05]))
    construction = np.isin(codes, ["0701", "05H1", "0601", "0810", "1004", "08H2", "0702"])
    czcsxm = np.where(construction, np.where(urban, "201", "203"), "")
    tbmj = shapely.area(patches)
    kcmj = np.where(np.isin(codes, ["0101", "0102"]), tbmj * 0.05, 0.0)
    dltb = _layer("DLTB", patches, {"DLBM": codes, "CZCSXM": czcsxm, "TBMJ": tbmj, "KCMJ": kcmj, "TBDLMJ": tbmj - kcmj})

    def wavy_strips(count, prefix, names_prefix):
        xs = np.linspace(X0, X0 + extent, count + 1)
        polys = []
        for k in range(count):
            yy = np.linspace(Y0, Y0 + extent, 200)
            left = xs[k] + (0 * yy if k == 0 else 300 * np.sin(yy / 900.0 + k))
            right = xs[k + 1] + (0 * yy if k == count - 1 else 300 * np.sin(yy / 900.0 + k + 1))
            polys.append(shapely.Polygon(np.vstack([np.column_stack([left, yy]), np.column_stack([right[::-1], yy[::-1]])])))
        return polys

    districts = wavy_strips(6, "3502", "区")
    xzq = _layer("XZQ", districts, {"XZQDM": [f"35020{k}" for k in range(3, 9)], "XZQMC": [f"D{k}区" for k in range(6)]})
    jd_polys, jd_codes, jd_names, jd_parent = [], [], [], []
    for k, poly in enumerate(districts):
        minx, miny, maxx, maxy = poly.bounds
        for m in range(8):
            band = shapely.box(minx - 1000, miny + m * (maxy - miny) / 8, maxx + 1000, miny + (m + 1) * (maxy - miny) / 8)
            jd_polys.append(shapely.intersection(poly, band))
            jd_codes.append(f"35020{k + 3}{m:03d}")
            jd_names.append(f"D{k}街道{m}")
            jd_parent.append(f"35020{k + 3}")
    jd = _layer("JD", jd_polys, {"JDDM": jd_codes, "JDMC": jd_names, "XZQDM": jd_parent})
    cx, cy = X0 + extent / 2, Y0 + extent / 2
    cq = _layer("CQFW", [shapely.Point(cx, cy).buffer(extent * 0.42, quad_segs=64)], {"MC": ["城区"]})
    czkfbj = _layer("CZKFBJ", [shapely.Point(cx, cy).buffer(extent * 0.47, quad_segs=64)], {"MJ": [0.0]})
    red_centres = rng.uniform(0, extent, size=(60, 2)) + [X0, Y0]
    red = _layer("STBHHX", shapely.buffer(shapely.points(red_centres), rng.uniform(300, 1500, 60)), {"HXMC": ["红线"] * 60})
    farm = dltb.geometries[np.isin(codes, ["0101", "0102"])][::2]
    yjjbnt = _layer("YJJBNT", farm, {"DLBM": ["0101"] * len(farm)})
    heritage = _layer("LSWHBHX", shapely.buffer(shapely.points(rng.normal([cx, cy], 800, size=(12, 2))), 250),
                      {"MC": ["保护线"] * 12})
    lines = [shapely.LineString([(X0, Y0 + t), (X0 + extent, Y0 + t)]) for t in np.arange(0, extent, 400)]
    lines += [shapely.LineString([(X0 + t, Y0), (X0 + t, Y0 + extent)]) for t in np.arange(0, extent, 400)]
    roads_geoms = shapely.segmentize(np.array(lines, dtype=object), 400)
    parts = []
    for line in roads_geoms:
        coords = np.asarray(line.coords)
        parts.extend(shapely.linestrings(np.stack([coords[:-1], coords[1:]], 1)))
    dj = rng.choice(["高速公路", "快速路", "主干路", "次干路", "支路", "街巷"], len(parts))
    roads = _layer("DL", parts, {"DJ": dj, "BX": np.ones(len(parts), int)}, "line")
    urban_idx = np.flatnonzero(urban)
    bcent = shapely.get_coordinates(shapely.centroid(patches[urban_idx]))
    buildings = shapely.box(bcent[:, 0] - 15, bcent[:, 1] - 12, bcent[:, 0] + 15, bcent[:, 1] + 12)
    floors = rng.integers(1, 40, len(buildings))
    jz = _layer("JZ", buildings, {"CS": floors, "GD": floors * 3.1, "YT": ["住宅"] * len(buildings)})
    pc = 250.0
    n_pop = int(extent // pc)
    px, py = np.meshgrid(np.arange(n_pop) * pc + X0, np.arange(n_pop) * pc + Y0)
    cells = shapely.box(px.ravel(), py.ravel(), px.ravel() + pc, py.ravel() + pc)
    rk = _layer("RK", cells, {"RKS": rng.integers(0, 800, len(cells)).astype(float)})
    stations = _layer("SS_GDZD", shapely.points(rng.normal([cx, cy], extent * 0.15, size=(60, 2))), {"MC": ["站"] * 60}, "point")
    hospitals = _layer("SS_YY", shapely.points(rng.normal([cx, cy], extent * 0.2, size=(40, 2))), {"MC": ["医院"] * 40}, "point")
    shelters = _layer("SS_BNCS", shapely.points(rng.normal([cx, cy], extent * 0.2, size=(80, 2))),
                      {"MC": ["避难"] * 80, "MJ": rng.uniform(2000, 20000, 80)}, "point")
    layers = {"dltb": dltb, "admin_district": xzq, "admin_subdistrict": jd, "urban_area": cq, "urban_boundary": czkfbj,
              "eco_redline": red, "farmland_protection": yjjbnt, "heritage_line": heritage, "roads": roads,
              "buildings": jz, "population": rk, "fac_metro_station": stations, "fac_hospital": hospitals,
              "fac_shelter": shelters}
    statistics = pd.DataFrame({
        "code": ["C-01", "POP_URBAN", "POP_RURAL", "POP_CQ", "GDP", "INDUSTRY_VA"],
        "name_zh": ["常住人口数量", "城镇常住人口", "乡村常住人口", "城区常住人口", "地区生产总值", "工业增加值"],
        "year": [2024] * 6, "unit_code": ["city"] * 6, "value": [528.0, 470.0, 58.0, 400.0, 8066.0, 2500.0],
        "unit": ["万人", "万人", "万人", "万人", "亿元", "亿元"]})
    return {"layers": layers, "statistics": statistics}


def load_demo(path: Path) -> dict:
    from cityhealth_plugin.core.roles.registry import ROLES
    from cityhealth_plugin.core.store import gpkg

    tables = {name.lower(): name for name, kind, *_ in gpkg.list_layers(path)}
    layers = {role.id: gpkg.read_layer(path, tables[role.standard_name.lower()])
              for role in ROLES if role.standard_name.lower() in tables}
    stats = gpkg.read_table(path, tables["dept_stats"]) if "dept_stats" in tables else None
    return {"layers": layers, "statistics": stats}


def _demo_path(scale: str, gpkg_path=None):
    path = Path(gpkg_path) if gpkg_path else Path(f"/tmp/democity_{scale}.gpkg")
    if path.exists():
        return path
    if not (ROOT / "cityhealth_plugin" / "core" / "demo" / "city.py").exists():
        return None
    print(f"[bench] generating the {scale} demo city into {path} …")
    done = subprocess.run([sys.executable, "-m", "cityhealth_plugin", "demo-data", "--scale", scale, "--seed", "2024",
                           "--out", str(path)], cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return path if done.returncode == 0 and path.exists() else None


def run(scale: str = "small", synthetic: bool = False, gpkg_path=None, year: int = 2024, verbose: bool = True):
    """Compute every spatial indicator except walk coverage on one scale; print and return figures.

    Wall-clock and CPU seconds are both reported: on a shared machine the wall clock also
    counts time spent waiting for a core.
    """
    from cityhealth_plugin.core.catalog.loader import load_catalog
    from cityhealth_plugin.core.indicators.context import EngineContext
    from cityhealth_plugin.core.indicators.engine import compute_one, dependency_order

    started = time.perf_counter()
    path = None if synthetic else _demo_path(scale, gpkg_path)
    data = load_demo(path) if path else synthetic_city(SYNTHETIC_PARCELS[scale])
    source = str(path) if path else f"synthetic partition ({SYNTHETIC_PARCELS[scale]:,} parcels)"
    read_seconds = time.perf_counter() - started
    sizes = {role: len(layer) for role, layer in data["layers"].items()}
    catalog = load_catalog()
    codes = [i.code for i in catalog.spatial() if i.method != "walk_coverage"]
    t0, c0 = time.perf_counter(), time.process_time()
    ctx = EngineContext(data["layers"], data["statistics"], year, catalog)
    per_method = defaultdict(lambda: [0.0, 0.0])
    per_code = []
    for code in dependency_order(catalog, codes):
        t, c = time.perf_counter(), time.process_time()
        result = compute_one(catalog[code], ctx)
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        per_method[catalog[code].method][0] += wall
        per_method[catalog[code].method][1] += cpu
        per_code.append((code, catalog[code].method, wall, cpu, result.status, result.value, result.unit))
    total, total_cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ok = sum(1 for row in per_code if row[4] == "ok")
    print(f"[bench_indicators] scale={scale} source={source}")
    print("  layers: " + ", ".join(f"{k}={v:,}" for k, v in sizes.items()))
    print(f"  read {read_seconds:.1f} s; {ok}/{len(per_code)} spatial indicators computed in {total:.1f} s wall, "
          f"{total_cpu:.1f} s CPU; peak RSS {peak_mb:,.0f} MB")
    print(f"  {'method':<16} {'wall s':>7} {'cpu s':>7}")
    for method, (wall, cpu) in sorted(per_method.items(), key=lambda kv: -kv[1][1]):
        print(f"  {method:<16} {wall:7.2f} {cpu:7.2f}")
    if verbose:
        for code, method, wall, cpu, status, value, unit in per_code:
            shown = f"{value:,.4g} {unit}" if status == "ok" and value is not None else status
            print(f"    {code:<5} {method:<16} {wall:6.2f} {cpu:6.2f}  {shown}")
    return {"scale": scale, "source": source, "compute_s": total, "compute_cpu_s": total_cpu, "read_s": read_seconds,
            "peak_mb": peak_mb, "per_method": {k: tuple(v) for k, v in per_method.items()}, "sizes": sizes}


def scaling(synthetic: bool = False):
    """small -> city -> xiamen, each in a fresh process (peak memory per scale)."""
    rows = []
    for scale in ("small", "city", "xiamen"):
        args = [sys.executable, __file__, scale, "--quiet"] + (["--synthetic"] if synthetic else [])
        done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
        print(done.stdout.rstrip())
        rows.append(done.stdout)
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", nargs="?", default="small", choices=("small", "city", "xiamen", "all"))
    parser.add_argument("--synthetic", action="store_true", help="use a synthetic partition instead of the demo city")
    parser.add_argument("--gpkg", help="data package to read instead of /tmp/democity_<scale>.gpkg")
    parser.add_argument("--quiet", action="store_true", help="no per-indicator lines")
    args = parser.parse_args()
    if args.scale == "all":
        scaling(args.synthetic)
    else:
        run(args.scale, synthetic=args.synthetic, gpkg_path=args.gpkg, verbose=not args.quiet)
