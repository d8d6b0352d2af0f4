"""Assessment database and workbook timings: ``python tools/bench_store.py [scale]`` (no asserts).

scale multiplies the bulk row counts (1 = 20 000 value rows). PostgreSQL figures need the test
server binaries (tests/pg_server.py); without them only the GeoPackage is measured.
"""

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _timed(label, function):
    started = time.perf_counter()
    result = function()
    print(f"  {label:<46} {time.perf_counter() - started:7.3f} s")
    return result


def _bench(store, folder: Path, rows: int) -> None:
    from cityhealth_plugin.core.catalog import load_catalog
    from cityhealth_plugin.core.demo.department_values import department_values
    from cityhealth_plugin.core.exports.department_workbook import write_department_workbooks
    from cityhealth_plugin.core.exports.task_table_xlsx import write_task_table
    from cityhealth_plugin.core.exports.workbook_import import apply_workbook, preview_workbook

    catalog = load_catalog()
    _timed("ensure_year (122 forms + snapshot)", lambda: store.ensure_year(catalog, 2024))
    values = department_values(catalog)
    _timed("import_statistics (2 years, 156 rows)", lambda: store.import_statistics(values[values["year"] < 2024]))
    form = store.form("A-01", 2024)
    form.value = 6.61

    def save_twenty():
        current = store.form("A-01", 2024)
        for k in range(20):
            current.value = 6.6 + k / 100
            current = store.save_form(current)

    _timed("20 × (save_form) sequential", save_twenty)
    _timed("undo_last_save", lambda: store.undo_last_save("A-01", 2024))
    frame = pd.DataFrame({"code": "X-01", "year": 2024, "unit_type": "subdistrict",
                          "unit_code": [f"{i:09d}" for i in range(rows)], "value": np.ones(rows), "unit": "个"})
    _timed(f"put_values insert {rows:,} rows (audited)", lambda: store.put_values(frame))
    _timed(f"put_values update {rows:,} rows (audited)", lambda: store.put_values(frame.assign(value=2.0)))
    engine = frame.assign(source_type="spatial", status="ok", computed_at="t", code="Y-01")
    _timed(f"write_engine_results {rows:,} rows", lambda: store.write_engine_results(engine))
    _timed("task table (122 rows)", lambda: write_task_table(folder / "task.xlsx", store, 2024))
    paths = _timed("21 department workbooks", lambda: write_department_workbooks(folder / "wb", store, 2024))
    water = next(p for p in paths if "水利局" in p.name)
    preview = _timed("preview one returned workbook", lambda: preview_workbook(store, water, 2024))
    _timed("apply it", lambda: apply_workbook(store, preview))


def run(scale: float = 1.0) -> None:
    from cityhealth_plugin.core.store.database import open_store

    rows = int(20_000 * scale)
    with tempfile.TemporaryDirectory() as folder:
        print("GeoPackage")
        store = open_store(Path(folder) / "bench.gpkg", user="bench")
        _bench(store, Path(folder), rows)
        store.close()
        sys.path.insert(0, str(ROOT / "tests"))
        try:
            import pg_server

            server = pg_server.start_postgis_server()
        except Exception as error:  # noqa: BLE001 - no server binaries here
            print(f"PostgreSQL skipped: {error}")
            return
        try:
            print("PostgreSQL")
            store = open_store(server.uri(), schema="bench", user="bench")
            _bench(store, Path(folder) / "pg", rows)
            store.close()
        finally:
            server.stop()


if __name__ == "__main__":
    run(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
