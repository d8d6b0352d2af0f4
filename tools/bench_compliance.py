"""Benchmark of the five bottom-line compliance checks and the diagnosis (`make bench`).

Synthetic patches (Voronoi coverage, ~29 vertices each, base year with different patch
boundaries — a worst case for the new-construction overlay, where real 三调 update data
keeps unchanged patches identical). Prints figures, asserts nothing.
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PATCHES = {"small": 20_000, "city": 100_000, "xiamen": 300_000}


def run(scale: str = "small") -> None:
    patches = PATCHES.get(scale, 20_000)
    for redrawn in (False, True):
        _checks(patches, redrawn)
    _diagnosis()


def _checks(patches: int, redrawn: bool) -> None:
    import shapely

    from cityhealth_plugin.core.compliance import run_checks
    from cityhealth_plugin.core.compliance.synthetic import synthetic_layers

    started = time.perf_counter()
    layers = synthetic_layers(patches=patches, seed=2024, redrawn_base=redrawn)
    print("base year:", "every boundary redrawn (worst case)" if redrawn else "same geometry, classes changed (三调 update)")
    vertices = float(shapely.get_num_coordinates(layers["dltb"].geometries).mean())
    print(f"synthetic layers: {patches:,d} patches (~{vertices:.0f} vertices), "
          f"{len(layers['farmland_protection']):,d} farmland polygons, {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    results = run_checks(layers)
    total = time.perf_counter() - started
    for check_id, result in results.items():
        print(f"  {check_id:<36} {result.status:<11} {result.count:>8,d} parts {result.area_hm2:>11,.2f} hm²"
              f" {result.elapsed_s:>7.2f} s")
    print(f"all five checks: {total:.1f} s ({patches / total:,.0f} patches/s)")


def _diagnosis() -> None:
    import numpy as np
    import pandas as pd

    from cityhealth_plugin.core.assessment.diagnosis import diagnose

    rng = np.random.default_rng(1)
    n = 120
    indicators = pd.DataFrame({"code": [f"I{i:03d}" for i in range(n)],
                               "level1": np.array(["安全", "创新", "协调", "绿色", "开放", "共享"])[np.arange(n) % 6],
                               "level2": "x", "name_zh": [f"指标{i}" for i in range(n)], "unit": "%",
                               "direction": np.array(["positive", "negative", "interval"])[np.arange(n) % 3],
                               "department": "部门"})
    years = [2020, 2021, 2022, 2023, 2024]
    values = pd.DataFrame([(c, y, "city", float(rng.uniform(10, 20))) for c in indicators["code"] for y in years],
                          columns=["code", "year", "unit_code", "value"])
    targets = pd.DataFrame({"code": indicators["code"], "target_2025": rng.uniform(10, 20, n),
                            "target_2035": rng.uniform(10, 20, n), "lower": 12.0, "upper": 18.0})
    started = time.perf_counter()
    result = diagnose(indicators, values, targets, current_year=2024)
    print(f"diagnosis of {n} indicators: {time.perf_counter() - started:.3f} s, {result.status_counts()}")


if __name__ == "__main__":
    run(sys.argv[1] if len(sys.argv) > 1 else "small")
