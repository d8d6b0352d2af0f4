"""Benchmark of the year's package (1+1+6): `python tools/bench_deliverables.py [small|city|xiamen] [folder]`.

Generates the demo city at ``scale`` in the output folder (default build/bench/package_<scale>;
reused when present) with demo
questionnaires next to it, runs the headless assessment, then ``build_package`` with the QGIS
map-set exporter (offscreen QgsApplication). Prints the time of the assessment, of each package
step and of the map set (pages, seconds per page) and the size of every file. Asserts nothing.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run(scale: str = "small", out: str = "") -> dict:
    from cityhealth_plugin.core.assessment.pipeline import run_assessment
    from cityhealth_plugin.core.deliverables import PackageOptions, build_package
    from cityhealth_plugin.core.demo.city import generate_demo_city
    from cityhealth_plugin.core.store.gpkg import read_table
    from cityhealth_plugin.core.survey.demo import generate_questionnaires, save_questionnaires

    folder = Path(out) if out else ROOT / "build" / "bench" / f"package_{scale}"
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / f"democity_{scale}.gpkg"
    if not data.exists():
        started = time.perf_counter()
        generate_demo_city(scale=scale, seed=2024, out=data)
        print(f"demo city {scale}: generated in {time.perf_counter() - started:.1f} s")
    survey = data.parent / "survey_2024.csv"
    save_questionnaires(generate_questionnaires(3400, 2024, districts=list(read_table(data, "XZQ")["XZQMC"])), survey)

    started = time.perf_counter()
    code = run_assessment(data, 2024, folder / "assessment", log=lambda text: None)
    assess_s = time.perf_counter() - started
    print(f"assessment: exit {code} in {assess_s:.1f} s")

    exporter = None
    try:
        from cityhealth_plugin.qgis_bridge.package_export import headless_exporter

        exporter, _ = headless_exporter()
    except ImportError as error:
        print(f"no QGIS ({error}): the map set is left out")
    started = time.perf_counter()
    result = build_package(data, 2024, folder / "package", assessment_db=folder / "assessment" / "assessment_2024.gpkg",
                           options=PackageOptions(map_exporter=exporter, log=lambda text: None))
    package_s = time.perf_counter() - started
    for step, seconds in result.timings.items():
        print(f"  {step:<16} {seconds:7.1f} s")
    if result.map_set is not None:
        pages = result.map_set.page_count
        print(f"  map set: {pages} pages in {result.map_set.seconds:.1f} s ({result.map_set.seconds / max(pages, 1):.2f} s/page)")
    for key, path in result.files.items():
        size = path.stat().st_size / 1e6 if path.is_file() else sum(p.stat().st_size for p in path.glob("*")) / 1e6
        print(f"  {key:<16} {size:8.1f} MB  {path.name}")
    print(f"package {scale}: {package_s:.1f} s ({len(result.files)} files, skipped: "
          f"{[s['item'] for s in result.skipped]})")
    return {"assessment_s": assess_s, "package_s": package_s, "timings": result.timings,
            "map_set_s": result.map_set.seconds if result.map_set else None}


if __name__ == "__main__":
    arguments = sys.argv[1:]
    run(arguments[0] if arguments else "small", arguments[1] if len(arguments) > 1 else "")
