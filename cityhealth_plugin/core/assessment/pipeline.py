"""The headless yearly assessment: ``python -m cityhealth_plugin assess --data X.gpkg --year Y --out DIR``.

The run is a list of steps over one ``AssessmentRun`` state. Later features (coverage,
compliance, diagnosis, exports) add their steps with ``register_step`` instead of editing
this module::

    register_step(Step("diagnosis", run_diagnosis), after="compute_indicators")

A step reports problems through ``run.warn`` / ``run.fail``; a failing *fatal* step ends the
run with exit code 2. Bad data never produces a traceback: an indicator that cannot be
computed gets the status ``missing_input`` or ``error`` and is listed in the summary.

Exit codes: 0 = done; 1 = done, but some indicators ended in ``error``; 2 = could not run
(data package unreadable, no DLTB layer, bad catalog, output not writable).
"""

import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

import pandas as pd

from ..catalog.loader import load_catalog
from ..catalog.model import Catalog
from ..catalog.validate import CatalogError
from ..i18n import tr
from ..layer_data import LayerData
from ..roles.registry import ROLES

STATISTICS_TABLE = "DEPT_STATS"
# Department figures collected with the indicator forms (code, year, unit_code, value, unit, …);
# DEPT_STATS wins where both hold a figure for the same code, year and unit.
FORM_VALUES_TABLE = "FORM_VALUES"
STATISTICS_COLUMNS = ["code", "year", "unit_code", "value", "unit"]


class StepFailed(Exception):
    """Raised by a step (through ``run.fail``) when the run cannot go on."""


@dataclass
class AssessmentRun:
    data: Path
    year: int
    out: Path
    log: Callable[[str], None] = print
    catalog_overrides: Sequence[Path] = ()
    catalog: Optional[Catalog] = None
    layers: Dict[str, LayerData] = field(default_factory=dict)
    layer_names: Dict[str, str] = field(default_factory=dict)  # role -> table name
    statistics: Optional[pd.DataFrame] = None
    results: List = field(default_factory=list)
    outputs: Dict[str, Path] = field(default_factory=dict)
    warnings: List[str] = field(default_factory=list)
    timings: Dict[str, float] = field(default_factory=dict)
    extras: Dict[str, object] = field(default_factory=dict)  # for later steps
    exit_code: int = 0

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        self.log(tr("  warning: {message}").format(message=message))

    def fail(self, message: str) -> None:
        raise StepFailed(message)


@dataclass
class Step:
    name: str
    run: Callable[[AssessmentRun], None]
    fatal: bool = True


# ---------------------------------------------------------------- steps
def _read_statistics(run: "AssessmentRun", by_name) -> Optional[pd.DataFrame]:
    """DEPT_STATS plus the FORM_VALUES figures it lacks; None (with a warning) when neither exists."""
    from ..store import gpkg

    frames = []
    for table in (STATISTICS_TABLE, FORM_VALUES_TABLE):
        if table.lower() not in by_name:
            continue
        try:
            frame = gpkg.read_table(run.data, by_name[table.lower()][0])
        except Exception as error:  # noqa: BLE001 - an unreadable table must not end the run
            run.warn(tr("The statistics table {table} could not be read: {error}").format(table=table, error=error))
            continue
        keep = [c for c in frame.columns if c in STATISTICS_COLUMNS or c == "name_zh"]
        frames.append(frame[keep])
    if not frames:
        run.warn(tr("No statistics table {table} in the data package: statistical indicators are missing.").format(
            table=STATISTICS_TABLE))
        return None
    combined = pd.concat(frames, ignore_index=True)
    return combined.drop_duplicates(subset=["code", "year", "unit_code"], keep="first").reset_index(drop=True)


def load_catalog_step(run: AssessmentRun) -> None:
    try:
        run.catalog = load_catalog(overrides=list(run.catalog_overrides))
    except CatalogError as error:
        run.fail(str(error))
    run.log(tr("Catalog: {n} indicators.").format(n=len(run.catalog)))


def read_package_step(run: AssessmentRun) -> None:
    from ..store import gpkg

    if not run.data.is_file():
        run.fail(tr("Data package not found: {path}").format(path=run.data))
    try:
        tables = gpkg.list_layers(run.data)
    except Exception as error:  # noqa: BLE001 - sqlite3.DatabaseError for a file that is not a GeoPackage
        run.fail(tr("Cannot read the data package {path}: {error}").format(path=run.data, error=error))
    by_name = {name.lower(): (name, data_type, count) for name, data_type, _, _, count in tables}
    for role in ROLES:
        found = by_name.get(role.standard_name.lower())
        if found is None or found[1] != "features":
            continue
        try:
            run.layers[role.id] = gpkg.read_layer(run.data, found[0])
            run.layer_names[role.id] = found[0]
        except Exception as error:  # noqa: BLE001 - one unreadable layer must not end the run
            run.warn(tr("Layer {layer} could not be read ({error}); role {role} is treated as missing.").format(
                layer=found[0], error=error, role=role.id))
    run.statistics = _read_statistics(run, by_name)
    run.log(tr("Data package {path}: {n} role layers ({roles}).").format(
        path=run.data.name, n=len(run.layers),
        roles=", ".join(f"{run.layer_names[r]}={len(layer):,}" for r, layer in run.layers.items())))
    if "dltb" not in run.layers:
        run.fail(tr("The data package has no land-use survey layer (DLTB); it is needed for the assessment."))


def compute_indicators_step(run: AssessmentRun) -> None:
    from ..indicators.engine import compute

    started = time.perf_counter()
    last = [started]

    def progress(done, total, code):
        now = time.perf_counter()
        if now - last[0] > 5:
            run.log(tr("  … {done}/{total} ({code})").format(done=done, total=total, code=code))
            last[0] = now

    run.results = compute(run.catalog, run.layers, run.statistics, run.year, progress=progress)
    run.log(tr("Computed {n} indicators in {seconds:.1f} s.").format(
        n=len(run.results), seconds=time.perf_counter() - started))


def write_store_step(run: AssessmentRun) -> None:
    from ..store.results import write_results

    path = run.out / f"assessment_{run.year}.gpkg"
    write_results(path, run.results, run.year)
    run.outputs["assessment_db"] = path


def indicator_table(run: AssessmentRun) -> pd.DataFrame:
    """The readable table: one row per indicator, per-district values as columns."""
    rows = []
    district_columns: Dict[str, str] = {}
    for result in run.results:
        indicator = run.catalog.get(result.code)
        row = {
            tr("Code"): result.code,
            tr("Level 1"): indicator.level1 if indicator else "",
            tr("Level 2"): indicator.level2 if indicator else "",
            tr("Indicator"): result.name,
            tr("Value"): result.value if result.status == "ok" else None,
            tr("Unit"): result.unit,
            tr("Status"): result.status,
            tr("Source"): result.source_type,
            tr("Missing input / message"): "; ".join(result.missing) or result.message,
        }
        districts = result.per_unit[result.per_unit["unit_type"] == "district"] if len(result.per_unit) else []
        for unit in (districts.itertuples(index=False) if len(districts) else []):
            column = f"{unit.unit_name} ({unit.unit_code})" if unit.unit_name else str(unit.unit_code)
            district_columns[column] = unit.unit_code
            row[column] = unit.value
        rows.append(row)
    frame = pd.DataFrame(rows)
    ordered = [c for c in frame.columns if c not in district_columns] + sorted(
        district_columns, key=lambda c: district_columns[c])
    message = tr("Missing input / message")
    ordered.remove(message)
    return frame[ordered + [message]]


def write_xlsx_step(run: AssessmentRun) -> None:
    path = run.out / f"indicators_{run.year}.xlsx"
    table = indicator_table(run)
    sub_rows = []
    for result in run.results:
        if result.status == "ok" and len(result.per_unit):
            units = result.per_unit[result.per_unit["unit_type"] == "subdistrict"]
            for unit in units.itertuples(index=False):
                sub_rows.append({tr("Code"): result.code, tr("Indicator"): result.name, tr("Sub-district"): unit.unit_name,
                                 tr("Sub-district code"): unit.unit_code, tr("Value"): unit.value, tr("Unit"): result.unit})
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name=tr("Indicators"), index=False)
        if sub_rows:
            pd.DataFrame(sub_rows).to_excel(writer, sheet_name=tr("Sub-districts"), index=False)
        for sheet in writer.book.worksheets:
            sheet.freeze_panes = "B2"
            for column in sheet.columns:
                width = max(len(str(cell.value)) if cell.value is not None else 0 for cell in column[:200])
                sheet.column_dimensions[column[0].column_letter].width = min(max(10, width * 1.3), 60)
    run.outputs["indicator_table"] = path


def summary_step(run: AssessmentRun) -> None:
    counts = Counter(result.status for result in run.results)
    run.log(tr("Indicators: {ok} computed, {missing} missing inputs, {unavailable} unavailable, {error} errors.").format(
        ok=counts.get("ok", 0), missing=counts.get("missing_input", 0), unavailable=counts.get("unavailable", 0),
        error=counts.get("error", 0)))
    spatial_ok = [r for r in run.results if r.status == "ok" and r.source_type == "spatial"]
    for result in spatial_ok:
        run.log("  " + result.summary())
    needs: Dict[str, List[str]] = {}
    own_figures: List[str] = []
    for result in run.results:
        for item in result.missing:
            if item == f"statistic:{result.code}":
                own_figures.append(result.code)  # a department figure not yet in DEPT_STATS
            else:
                needs.setdefault(item, []).append(result.code)
    if own_figures:
        run.log(tr("Figures not in the statistics table {table} for {year} ({n}): {codes}").format(
            table=STATISTICS_TABLE, year=run.year, n=len(own_figures), codes=", ".join(own_figures)))
    if needs:
        run.log(tr("Missing inputs (input: indicators):"))
        for item, codes in sorted(needs.items(), key=lambda pair: -len(pair[1])):
            shown = ", ".join(codes[:12]) + (" …" if len(codes) > 12 else "")
            run.log(f"  {item}: {shown}")
    for result in run.results:
        if result.status == "error":
            run.log(tr("  error {code}: {message}").format(code=result.code, message=result.message))
    for name, path in run.outputs.items():
        run.log(tr("Wrote {path}").format(path=path))
    if counts.get("error"):
        run.exit_code = max(run.exit_code, 1)


STEPS: List[Step] = [
    Step("load_catalog", load_catalog_step),
    Step("read_package", read_package_step),
    Step("compute_indicators", compute_indicators_step),
    Step("write_store", write_store_step),
    Step("write_xlsx", write_xlsx_step),
    Step("summary", summary_step, fatal=False),
]


def register_step(step: Step, after: Optional[str] = None, before: Optional[str] = None) -> None:
    """Insert (or replace, by name) a step; default position: before the summary."""
    existing = [s.name for s in STEPS]
    if step.name in existing:
        if after is None and before is None:
            STEPS[existing.index(step.name)] = step
            return
        del STEPS[existing.index(step.name)]  # replaced and moved to the position asked for
        existing = [s.name for s in STEPS]
    if after is not None:
        STEPS.insert(existing.index(after) + 1, step)
    elif before is not None:
        STEPS.insert(existing.index(before), step)
    else:
        STEPS.insert(existing.index("summary"), step)


def run_assessment(data: Path, year: int, out: Path, log=print, steps: Optional[Sequence[Step]] = None,
                   catalog_overrides: Sequence[Path] = ()) -> int:
    """Run the assessment steps; returns the exit code (0 done, 1 done with errors, 2 could not run)."""
    run = AssessmentRun(Path(data), int(year), Path(out), log, tuple(Path(p) for p in catalog_overrides))
    try:
        run.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        log(tr("Error: cannot create the output folder {path}: {error}").format(path=out, error=error))
        return 2
    log(tr("CityHealth assessment {year}: {path}").format(year=run.year, path=run.data))
    for step in (steps if steps is not None else STEPS):
        started = time.perf_counter()
        try:
            step.run(run)
        except StepFailed as failure:
            log(tr("Error in step '{step}': {message}").format(step=step.name, message=failure))
            if step.fatal:
                return 2
            run.exit_code = max(run.exit_code, 1)
        except (OSError, ValueError, KeyError) as error:
            log(tr("Error in step '{step}': {message}").format(step=step.name, message=error))
            if step.fatal:
                return 2
            run.exit_code = max(run.exit_code, 1)
        except Exception as error:  # noqa: BLE001 - the user gets a message, never a traceback
            log(tr("Unexpected failure in step '{step}' ({kind}: {message}); please report it.").format(
                step=step.name, kind=type(error).__name__, message=error))
            if step.fatal:
                return 2
            run.exit_code = max(run.exit_code, 1)
        finally:
            run.timings[step.name] = time.perf_counter() - started
    return run.exit_code


# Steps added by later features register themselves when imported (earlier years, compliance, diagnosis).
import_module(__package__ + ".steps")
