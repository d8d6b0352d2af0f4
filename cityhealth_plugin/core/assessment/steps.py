"""Assessment steps after the indicators: earlier years, bottom-line compliance, diagnosis.

Registered with ``pipeline.register_step`` (pipeline.py imports this module at its end), in
this order before the summary:

``earlier_years``
    Values of the years before the assessment year that the data package can give, written to
    the assessment database so that 附件1 has 基期年值 / 上年值: for the base year (2020) the
    indicators that measure the land-use survey — computed with the base-year patches
    (DLTB_2020) as the current DLTB, inside the plan's control lines, which do not change
    between survey years — and the department figures of DEPT_STATS; for the other earlier
    years in DEPT_STATS the department figures only. A value already stored for a year is
    never overwritten.
``compliance``
    The five bottom-line checks (core.compliance.run_checks) on the package's layers; the
    violations, summary and check log go into the assessment database
    (core.compliance.storage) and ``compliance_<year>.xlsx``.
``diagnosis``
    Status, trend and tasks of every indicator with values (core.assessment.diagnosis) against
    the targets (catalog, the database's indicator_targets, a TARGETS table in the data package,
    ``run.extras['targets']``; for the demo city, the demo targets): writes
    ``附件1 指标结论表_<year>.xlsx`` and ``整治任务清单_<year>.xlsx``.

None of them is fatal: a failure is reported and the run ends with exit code 1.
"""

import time
from pathlib import Path
from typing import Dict, List, Optional

import pandas as pd

from ..i18n import tr
from .pipeline import STATISTICS_TABLE, AssessmentRun, Step, register_step

BASE_YEAR = 2020
UNIT_ROLES = ("admin_district", "admin_subdistrict")
# Plan lines valid for the whole plan period (2020–2035): a base-year overlay of DLTB_2020 with
# them measures the base year (e.g. C-09 城乡建设用地 inside the 城镇开发边界).
PLAN_LINE_ROLES = ("eco_redline", "farmland_protection", "urban_boundary", "heritage_line")
COMPLIANCE_ROLES = ("dltb", "dltb_base", "eco_redline", "farmland_protection", "urban_boundary", "heritage_line",
                    "admin_district")
TARGET_TABLES = ("TARGETS", "GHMB", "indicator_targets")
DEMO_MARKER = "DEMO_TRUTH"


def base_year(run: AssessmentRun) -> int:
    return int(run.extras.get("base_year", BASE_YEAR))


def _db(run: AssessmentRun) -> Optional[Path]:
    path = run.outputs.get("assessment_db")
    return Path(path) if path else None


def _package_tables(run: AssessmentRun) -> Dict[str, str]:
    from ..store import gpkg

    try:
        return {row[0].lower(): row[0] for row in gpkg.list_layers(run.data)}
    except Exception:  # noqa: BLE001 - the package was read before; a failure here only hides extras
        return {}


# ---------------------------------------------------------------- earlier years
def base_year_codes(catalog) -> List[str]:
    """Spatial indicators computable from the base-year DLTB: they read DLTB (or only other indicators)
    and at most the plan's control lines."""
    allowed = {"dltb"} | set(PLAN_LINE_ROLES) | set(UNIT_ROLES)
    codes = []
    for indicator in catalog:
        if indicator.source_type != "spatial":
            continue
        roles = set(indicator.roles)
        if roles <= allowed and ("dltb" in roles or not roles):
            codes.append(indicator.code)
    return codes


def statistic_codes(catalog) -> List[str]:
    return [indicator.code for indicator in catalog if indicator.source_type == "statistic"]


def _statistic_years(run: AssessmentRun) -> List[int]:
    if run.statistics is None or "year" not in run.statistics.columns:
        return []
    years = pd.to_numeric(run.statistics["year"], errors="coerce").dropna().astype(int)
    return sorted(set(years))


def _stored_ok(path: Path, year: int) -> set:
    from ..store.results import read_values

    frame = read_values(path, year=year)
    if frame.empty:
        return set()
    city = frame[(frame["unit_type"] == "city") & frame["value"].notna()]
    return set(city["code"])


def earlier_year_layers(run: AssessmentRun, year: int) -> Dict[str, object]:
    """The layers to compute ``year`` with: units, and for the base year DLTB_2020 as ``dltb`` plus the plan lines."""
    layers = {role: run.layers[role] for role in UNIT_ROLES if role in run.layers}
    if year == base_year(run) and "dltb_base" in run.layers:
        layers["dltb"] = run.layers["dltb_base"]
        layers.update({role: run.layers[role] for role in PLAN_LINE_ROLES if role in run.layers})
    return layers


def earlier_years_step(run: AssessmentRun) -> None:
    from ..indicators.engine import compute
    from ..store.results import write_results

    path = _db(run)
    if path is None or run.catalog is None:
        run.warn(tr("Earlier years skipped: no assessment database was written."))
        return
    years = sorted({y for y in _statistic_years(run) if y < run.year} | ({base_year(run)} if base_year(run) < run.year
                                                                         else set()))
    statistics_codes = statistic_codes(run.catalog)
    done = []
    for year in years:
        layers = earlier_year_layers(run, year)
        codes = list(statistics_codes) if run.statistics is not None else []
        if "dltb" in layers:
            codes += base_year_codes(run.catalog)
        codes = [c for c in run.catalog.codes() if c in set(codes)]
        if not codes:
            continue
        started = time.perf_counter()
        results = compute(run.catalog, layers, run.statistics, year, codes)
        stored = _stored_ok(path, year) if path.is_file() else set()
        fresh = [r for r in results if r.status == "ok" and r.code not in stored]
        if fresh:
            write_results(path, fresh, year, layers=False)
        source = tr(" ({layer} as the land-use layer)").format(layer=run.layer_names.get("dltb_base", "DLTB_2020")) \
            if "dltb" in layers else ""
        done.append(tr("{year}: {n} indicators{source}").format(year=year, n=len(fresh), source=source))
        run.timings[f"earlier_years_{year}"] = time.perf_counter() - started
    if done:
        run.log(tr("Earlier years written to the assessment database: {years}.").format(years="; ".join(done)))
    else:
        run.log(tr("No earlier years in the data package (no base-year DLTB, no earlier {table} rows).").format(
            table=STATISTICS_TABLE))


# ---------------------------------------------------------------- compliance
def compliance_xlsx_name(year: int) -> str:
    return f"compliance_{int(year)}.xlsx"


def compliance_step(run: AssessmentRun) -> None:
    from ..compliance import ComplianceOptions, run_checks
    from ..compliance import storage
    from ..exports.compliance_xlsx import write_compliance_xlsx

    layers = {role: run.layers.get(role) for role in COMPLIANCE_ROLES}
    options = ComplianceOptions(base_year=base_year(run), current_year=run.year)
    started = time.perf_counter()
    results = run_checks(layers, options)
    run.extras["compliance"] = results
    for result in results.values():
        run.log(tr("  {title}: {message}").format(title=result.title, message=result.message))
    path = _db(run)
    if path is not None:
        storage.write_compliance(path, results, run.year)
    layer = storage.violation_layer(results, run.year)
    summary = storage.summary_frame(layer.attributes, run.year, storage.ran_rules(results))
    breakdown = {result.title: result.tables["by_base_class"] for result in results.values()
                 if result.ran and "by_base_class" in result.tables}
    xlsx = write_compliance_xlsx(run.out / compliance_xlsx_name(run.year), layer.attributes, summary,
                                 storage.checks_frame(results, run.year), breakdown,
                                 title=tr("Bottom-line compliance checks ({year})").format(year=run.year))
    run.outputs["compliance_xlsx"] = xlsx
    run.log(tr("Compliance: {n} violating parts in {seconds:.1f} s.").format(
        n=len(layer), seconds=time.perf_counter() - started))


# ---------------------------------------------------------------- diagnosis
def _package_targets(run: AssessmentRun) -> Optional[pd.DataFrame]:
    from ..store import gpkg

    tables = _package_tables(run)
    for name in TARGET_TABLES:
        if name.lower() in tables:
            return gpkg.read_table(run.data, tables[name.lower()])
    return None


def is_demo_package(run: AssessmentRun) -> bool:
    return DEMO_MARKER.lower() in _package_tables(run)


def city_name(run: AssessmentRun) -> str:
    if run.extras.get("city"):
        return str(run.extras["city"])
    if is_demo_package(run):
        return tr("Demo city")
    return tr("(city name)")


def diagnosis_step(run: AssessmentRun) -> None:
    from ..exports.conclusion_table import write_conclusion_table
    from ..exports.key_tasks_table import write_rectification_tasks
    from . import diagnosis_inputs as D

    path = _db(run)
    if path is None or not path.is_file() or run.catalog is None:
        run.warn(tr("Diagnosis skipped: no assessment database was written."))
        return
    given = run.extras.get("targets")
    if given is None:
        given = _package_targets(run)
    targets, notes = D.collect_targets(run.catalog, path, given, use_demo=is_demo_package(run))
    for note in notes:
        run.log("  " + note)
    values = D.values_from_db(path)
    forms = D.stored_forms(path, run.year)
    result = D.run_diagnosis(run.catalog, values, targets, run.year, base_year(run), forms=forms,
                             rules=run.extras.get("status_rules"))
    for warning in result.warnings:
        run.warn(warning)
    city = city_name(run)
    conclusion = write_conclusion_table(run.out / D.conclusion_file_name(run.year), result, city=city, year=run.year)
    tasks = write_rectification_tasks(run.out / D.tasks_file_name(run.year), result, city=city, year=run.year)
    run.outputs["conclusion_table"] = conclusion
    run.outputs["rectification_tasks"] = tasks
    run.extras["diagnosis"] = result
    counts = result.status_counts()
    run.log(tr("Diagnosis of {n} indicators: {met} met, {nearly} nearly met, {warning} warning, {not_met} not met, "
               "{not_assessed} not assessed; {tasks} rectification tasks.").format(
        n=len(result.table), met=counts["met"], nearly=counts["nearly_met"], warning=counts["warning"],
        not_met=counts["not_met"], not_assessed=counts["not_assessed"], tasks=len(result.tasks)))


register_step(Step("earlier_years", earlier_years_step, fatal=False))
register_step(Step("compliance", compliance_step, fatal=False))
register_step(Step("diagnosis", diagnosis_step, fatal=False))

# The survey step registers itself on import (it runs only when a questionnaire is found).
from ..survey import pipeline_step  # noqa: E402,F401
