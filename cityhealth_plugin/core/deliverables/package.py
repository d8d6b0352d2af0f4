"""The package for a year (“1+1+6”): one folder with every deliverable of the annual health check.

``build_package(data, year, out, assessment_db=None, options=None) -> PackageResult`` writes::

    out/
      年度体检评估总报告_<year>.docx        the annual report (six aspect chapters, tables, maps)
      专项报告_<year>.docx                  the special report of the chosen topic
      附件1 指标结论表.xlsx
      附件2 规划实施重点任务完成清单.xlsx
      附件3 分析图集.pdf  (+ 附件3 分析图集/*.png)     when a map-set exporter (QGIS) is there
      附件4 社会满意度评价报告.docx          when questionnaires (or a survey result) exist
      附件5 体检评估基础数据库.gpkg
      附件6 基础数据库建设说明.docx  (+ .md, .xlsx)
      过程数据/                             the assessment run when it was made here
      manifest.json                         files, timings, what was skipped and why

Steps: the assessment (only when no ``assessment_db`` is given: ``run_assessment`` into
``out/过程数据``), the survey (when there are questionnaires), 附件5, the diagnosis (on 附件5, so
that 责任部门 comes from its forms), 附件1, 附件2, 附件3 (through the exporter), the reports, 附件6,
the manifest. A step that cannot be done is skipped with the reason in the manifest and the log;
only an unreadable data package or a failed assessment stop the package (``PackageError``).

Map set: core draws nothing. ``options.map_exporter`` (or the exporter registered with
``set_default_map_exporter``, which ``qgis_bridge.package_export`` does on import) receives a
``MapSetRequest`` and returns a ``MapSetOutcome``.
"""

import datetime as _dt
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Union

import pandas as pd

from ..i18n import tr
from ..store import gpkg
from .maps import MapSetExporter, MapSetOutcome, MapSetRequest, map_set_results

MANIFEST_NAME = "manifest.json"
WORK_FOLDER = "过程数据"
FILE_NAMES = {
    "annual_report": "年度体检评估总报告_{year}.docx",
    "special_report": "专项报告_{year}.docx",
    "annex1": "附件1 指标结论表.xlsx",
    "annex2": "附件2 规划实施重点任务完成清单.xlsx",
    "annex3": "附件3 分析图集.pdf",
    "annex3_png": "附件3 分析图集",
    "annex4": "附件4 社会满意度评价报告.docx",
    "annex5": "附件5 体检评估基础数据库.gpkg",
    "annex6": "附件6 基础数据库建设说明.docx",
    "annex6_md": "附件6 基础数据库建设说明.md",
    "annex6_xlsx": "附件6 基础数据库建设说明.xlsx",
}
ITEM_LABELS = {
    "assessment": "体检评估计算", "survey": "社会满意度调查", "annex5": "附件5 体检评估基础数据库", "diagnosis": "指标诊断",
    "annex1": "附件1 指标结论表", "annex2": "附件2 规划实施重点任务完成清单", "annex3": "附件3 分析图集",
    "annex4": "附件4 社会满意度评价报告", "annual_report": "年度体检评估总报告", "special_report": "专项报告",
    "annex6": "附件6 基础数据库建设说明",
}
DEMO_MARKER = "DEMO_TRUTH"
DEMO_CITY = "演示城市"
KEY_TASK_TABLES = ("KEY_TASKS", "ZDRW")
TARGET_TABLES = ("TARGETS", "GHMB", "indicator_targets")

_DEFAULT_EXPORTER: List[Optional[MapSetExporter]] = [None]


class PackageError(Exception):
    """The package cannot be made (the message says why and what to do)."""


class PackageCanceled(PackageError):
    """The user cancelled."""


def set_default_map_exporter(exporter: Optional[MapSetExporter]) -> None:
    """The map-set exporter used when ``PackageOptions.map_exporter`` is None (qgis_bridge registers one)."""
    _DEFAULT_EXPORTER[0] = exporter


def default_map_exporter() -> Optional[MapSetExporter]:
    return _DEFAULT_EXPORTER[0]


@dataclass
class PackageOptions:
    city: str = ""
    base_year: int = 2020
    topic: Optional[str] = None  # special-report topic id or Chinese name; None = the outline's default
    outline: Optional[Path] = None  # a city's report_outline.json
    catalog_overrides: Sequence[Path] = ()
    targets: Union[str, Path, pd.DataFrame, None] = None  # else the package's TARGETS table / the database
    rules: object = None  # status rule overrides (dict or JSON path)
    key_tasks: Union[str, Path, pd.DataFrame, None] = None  # 附件2 input; else the database / KEY_TASKS table
    map_set: bool = True
    map_exporter: Optional[MapSetExporter] = None
    maps: Optional[Sequence[str]] = None  # map-set entry ids; None = every map that can be drawn
    paper: str = "A3"
    png_dpi: int = 150
    atlas: bool = False
    survey: bool = True
    survey_analysis: object = None  # a SurveyAnalysis already computed (the assessment's survey step)
    organisation: str = ""
    available_fonts: Optional[Sequence[str]] = None
    log: Callable[[str], None] = print
    feedback: object = None  # duck-typed: setProgress(percent), isCanceled(), pushInfo(text)


@dataclass
class PackageResult:
    folder: Path
    files: Dict[str, Path] = field(default_factory=dict)
    skipped: List[Dict[str, str]] = field(default_factory=list)
    timings: Dict[str, float] = field(default_factory=dict)
    warnings: List[str] = field(default_factory=list)
    manifest: Optional[Path] = None
    map_set: Optional[MapSetOutcome] = None
    seconds: float = 0.0

    @property
    def failures(self) -> List[Dict[str, str]]:
        """Skipped items that failed with an error (not those skipped for want of data)."""
        return [item for item in self.skipped if item.get("failed")]


class _Run:
    """Bookkeeping of one build: steps, timings, skips, progress and cancel."""

    STEPS = ("assessment", "survey", "annex5", "diagnosis", "annex1", "annex2", "annex3", "annual_report",
             "special_report", "annex6")

    def __init__(self, out: Path, options: PackageOptions):
        self.out = out
        self.options = options
        self.result = PackageResult(out)
        self.done = 0

    def log(self, text: str) -> None:
        self.options.log(text)
        feedback = self.options.feedback
        if feedback is not None and hasattr(feedback, "pushInfo"):
            feedback.pushInfo(text)

    def check_cancel(self) -> None:
        feedback = self.options.feedback
        if feedback is not None and hasattr(feedback, "isCanceled") and feedback.isCanceled():
            raise PackageCanceled(tr("The package was cancelled."))

    def step(self, name: str):
        run = self

        class _Step:
            def __enter__(self_inner):
                run.check_cancel()
                self_inner.started = time.perf_counter()
                run.log(tr("Package: {item}").format(item=ITEM_LABELS.get(name, name)))
                return self_inner

            def __exit__(self_inner, kind, error, trace):
                run.result.timings[name] = round(time.perf_counter() - self_inner.started, 3)
                run.done += 1
                feedback = run.options.feedback
                if feedback is not None and hasattr(feedback, "setProgress"):
                    feedback.setProgress(100.0 * run.done / len(run.STEPS))
                if error is None or isinstance(error, (PackageError, KeyboardInterrupt)):
                    return False
                run.skip(name, tr("failed: {error}").format(error=error), failed=True)
                return True  # the package goes on without this item

        return _Step()

    def skip(self, item: str, reason: str, failed: bool = False) -> None:
        self.result.skipped.append({"item": item, "label": ITEM_LABELS.get(item, item), "reason": str(reason),
                                    "failed": bool(failed)})
        self.log(tr("  skipped {item}: {reason}").format(item=ITEM_LABELS.get(item, item), reason=reason))

    def add(self, key: str, path: Path) -> None:
        self.result.files[key] = Path(path)


# --------------------------------------------------------------------------------------
# helpers

def _tables(path) -> Dict[str, str]:
    try:
        return {row[0].lower(): row[0] for row in gpkg.list_layers(path)}
    except Exception:  # noqa: BLE001
        return {}


def is_demo_package(data) -> bool:
    return DEMO_MARKER.lower() in _tables(data)


def _read_first(path, names: Sequence[str]) -> Optional[pd.DataFrame]:
    tables = _tables(path)
    for name in names:
        if name.lower() in tables:
            return gpkg.read_table(path, tables[name.lower()])
    return None


def _file_name(key: str, year: int) -> str:
    return FILE_NAMES[key].format(year=int(year))


def _remove_previous(out: Path, year: int) -> None:
    """Delete the deliverables of an earlier run in ``out`` (only the package's own file names), so
    that the folder never mixes two runs."""
    for key in FILE_NAMES:
        path = out / _file_name(key, year)
        try:
            if path.is_dir() and key == "annex3_png":
                shutil.rmtree(path)
            elif path.is_file():
                path.unlink()
        except OSError as error:
            raise PackageError(tr("Cannot replace {path} (is it open in another program?): {error}").format(
                path=path, error=error)) from None
    manifest = out / MANIFEST_NAME
    if manifest.is_file():
        manifest.unlink()


def _plugin_version() -> str:
    try:
        from ..indicators.result import plugin_version

        return plugin_version()
    except Exception:  # noqa: BLE001
        return ""


def _key_tasks(options: PackageOptions, database: Path, data: Path, year: int) -> Optional[pd.DataFrame]:
    given = options.key_tasks
    if isinstance(given, pd.DataFrame):
        return given
    if given:
        path = Path(given)
        return pd.read_excel(path) if path.suffix.lower() in (".xlsx", ".xls") else pd.read_csv(path)
    stored = _read_first(database, ("key_tasks",))
    if stored is not None and len(stored) and "year" in stored.columns:
        stored = stored[pd.to_numeric(stored["year"], errors="coerce") == int(year)]
        if len(stored):
            return stored
    table = _read_first(data, KEY_TASK_TABLES)
    if table is not None and len(table):
        if "year" in table.columns:
            table = table[pd.to_numeric(table["year"], errors="coerce") == int(year)]
        return table if len(table) else None
    return None


def _blank_key_tasks(year: int) -> pd.DataFrame:
    from .wording import pending

    return pd.DataFrame({"name": [pending(f"{year}年规划实施重点任务名称")], "type": [""], "department": [""],
                         "planned_date": [""], "status": [""], "completion_rate": [None], "problems": [""],
                         "next_steps": [""]})


class NoQuestionnaires(str):
    """The reason the survey was not run: there are no questionnaires."""


def _run_survey(run: _Run, data: Path, year: int, assessment_db: Optional[Path], catalog):
    """(SurveyAnalysis, 附件4 path in the work folder) from the data package's questionnaires, or (None, reason)."""
    from ..assessment.pipeline import AssessmentRun
    from ..survey import pipeline_step as survey_step

    tables = _tables(data)
    if survey_step.find_questionnaires(data, year, tables) is None:
        return None, NoQuestionnaires(tr("no questionnaires (survey_{year}.xlsx / .csv next to the data package, or a SURVEY table)").format(
            year=year))
    work = run.out / WORK_FOLDER / "survey"
    survey_run = AssessmentRun(data=data, year=int(year), out=work, log=lambda text: run.log("  " + text))
    survey_run.catalog = catalog
    if "xzq" in tables:
        survey_run.layers["admin_district"] = gpkg.read_layer(data, tables["xzq"])
    if assessment_db is not None:
        survey_run.outputs["assessment_db"] = assessment_db
    if run.options.city:
        survey_run.extras["city"] = run.options.city
    work.mkdir(parents=True, exist_ok=True)
    survey_step.run_survey_step(survey_run)
    analysis = survey_run.extras.get("survey_analysis")
    if analysis is None:
        return None, "; ".join(survey_run.warnings) or tr("the survey analysis gave no result")
    report = survey_run.outputs.get("survey_report")
    return analysis, Path(report) if report else None


def _satisfaction_values(analysis, data: Path):
    """DistrictValues of the overall satisfaction by district (XZQDM from the district names)."""
    from ..mapset.values import DistrictValues
    from .context import unit_names

    try:
        from ..survey.report_docx import district_scores

        scores = district_scores(analysis)
    except Exception:  # noqa: BLE001
        return None
    districts, _ = unit_names(Path(data), None)
    by_name = {name: code for code, name in districts.items()}
    values = {by_name[str(n)]: float(s) for n, s in zip(scores["district"], scores["score"]) if str(n) in by_name}
    return DistrictValues("SAT", "居民总体满意度", "分", values, name_en="Overall satisfaction",
                          higher_is_better=True) if values else None


# --------------------------------------------------------------------------------------
# the build

def build_package(data, year: int, out, assessment_db=None, options: Optional[PackageOptions] = None) -> PackageResult:
    """Write the year's package into ``out`` (see the module docstring). Returns a PackageResult."""
    from ..assessment import diagnosis_inputs as D
    from ..catalog.loader import load_catalog
    from ..catalog.validate import CatalogError
    from ..exports.docx_writer import DocxUnavailable
    from .outline import OutlineError, load_outline

    options = options or PackageOptions()
    started = time.perf_counter()
    data = Path(data)
    year = int(year)
    out = Path(out)
    if not data.is_file():
        raise PackageError(tr("Data package not found: {path}. Choose the GeoPackage of the year's data.").format(path=data))
    if not _tables(data):
        raise PackageError(tr("{path} is not a readable GeoPackage data package.").format(path=data))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PackageError(tr("Cannot create the output folder {path}: {error}").format(path=out, error=error)) from None
    try:
        outline = load_outline(options.outline)
        topic = outline.topic(options.topic)
    except OutlineError as error:
        raise PackageError(str(error)) from None
    _remove_previous(out, year)
    run = _Run(out, options)
    demo = is_demo_package(data)
    city = options.city or (DEMO_CITY if demo else "")
    run.log(tr("CityHealth package {year}: {data} -> {out}").format(year=year, data=data, out=out))

    # assessment -------------------------------------------------------------------------
    with run.step("assessment"):
        if assessment_db is None:
            from ..assessment.pipeline import STEPS, run_assessment

            work = out / WORK_FOLDER
            steps = [s for s in STEPS if s.name != "package"]
            code = run_assessment(data, year, work, log=lambda text: run.log("  " + text), steps=steps,
                                  catalog_overrides=list(options.catalog_overrides))
            assessment_db = work / f"assessment_{year}.gpkg"
            if code == 2 or not assessment_db.is_file():
                raise PackageError(tr("The assessment of {data} failed (see the log above); no package was made.").format(
                    data=data.name))
        else:
            assessment_db = Path(assessment_db)
            if not assessment_db.is_file():
                raise PackageError(tr("Assessment database not found: {path}.").format(path=assessment_db))
    try:
        catalog = load_catalog(overrides=list(options.catalog_overrides))
    except CatalogError as error:
        raise PackageError(str(error)) from None

    # survey -----------------------------------------------------------------------------
    analysis, survey_report, survey_note = options.survey_analysis, None, ""
    with run.step("survey"):
        if analysis is None and options.survey:
            analysis, found = _run_survey(run, data, year, assessment_db, catalog)
            if analysis is None:
                run.skip("annex4", str(found))
                survey_note = (f"数据包旁没有{year}年问卷文件（survey_{year}.xlsx / .csv），数据包中也没有SURVEY表"
                               if isinstance(found, NoQuestionnaires) else f"满意度分析未得到结果：{found}")
            else:
                survey_report = found
        elif analysis is None:
            run.skip("annex4", tr("the survey was switched off"))
            survey_note = "本次未选择开展满意度分析"
    if analysis is not None:
        if survey_report is None:
            try:
                from ..survey.pipeline_step import write_survey_outputs

                written = write_survey_outputs(analysis, out / WORK_FOLDER / "survey", year, city=city)
                survey_report = written.get("report")
            except DocxUnavailable as error:
                run.skip("annex4", str(error))
        if survey_report is not None and Path(survey_report).is_file():
            target = out / _file_name("annex4", year)
            shutil.copyfile(survey_report, target)
            run.add("annex4", target)

    # 附件5 ------------------------------------------------------------------------------
    from .basic_database import build_basic_database, write_catalog_table, add_diagnosis_tables

    database = out / _file_name("annex5", year)
    built = None
    with run.step("annex5"):
        built = build_basic_database(database, data, assessment_db, year, catalog, survey_analysis=analysis,
                                     write_catalog=False)
        for name, reason in built.skipped_inputs:
            run.result.warnings.append(tr("Data package table {name} not copied into 附件5: {reason}.").format(
                name=name, reason=reason))
    if not database.is_file():
        raise PackageError(tr("附件5 could not be written; see the log."))
    run.add("annex5", database)

    # diagnosis --------------------------------------------------------------------------
    diagnosis, target_notes = None, []
    with run.step("diagnosis"):
        given = options.targets if options.targets is not None else _read_first(data, TARGET_TABLES)
        targets, target_notes = D.collect_targets(catalog, database, given, use_demo=demo)
        diagnosis = D.run_diagnosis(catalog, D.values_from_db(database), targets, year, options.base_year,
                                    forms=D.stored_forms(database, year), rules=options.rules)
        run.result.warnings.extend(diagnosis.warnings)
        add_diagnosis_tables(database, diagnosis, year)
    write_catalog_table(database, data, year)
    if diagnosis is None:
        raise PackageError(tr("The diagnosis failed; the reports need it. See the log."))

    # 附件1, 附件2 ------------------------------------------------------------------------
    from ..exports.conclusion_table import write_conclusion_table
    from ..exports.key_tasks_table import write_key_tasks_table

    with run.step("annex1"):
        run.add("annex1", write_conclusion_table(out / _file_name("annex1", year), diagnosis, city=city or "（城市名称）",
                                                 year=year))
    with run.step("annex2"):
        tasks = _key_tasks(options, database, data, year)
        if tasks is None:
            tasks = _blank_key_tasks(year)
            run.result.warnings.append(tr("No key tasks for {year} (database, KEY_TASKS table or file): 附件2 is a "
                                          "blank list to fill in.").format(year=year))
        run.add("annex2", write_key_tasks_table(out / _file_name("annex2", year), tasks, city=city or "（城市名称）",
                                                year=year))

    # 附件3 ------------------------------------------------------------------------------
    outcome, map_note, map_note_zh = None, "", ""
    with run.step("annex3"):
        exporter = options.map_exporter or default_map_exporter()
        if not options.map_set:
            map_note = tr("the map set was switched off")
            map_note_zh = "本次未选择生成分析图集"
        elif exporter is None:
            map_note = tr("QGIS is not available here, so the maps cannot be drawn; make the package in QGIS "
                          "(Deliverables dialog or cityhealth:exportpackage) or on a machine with QGIS")
            map_note_zh = "生成成果时没有QGIS，未绘制分析图集；请在QGIS中重新生成成果包"
        if map_note:
            run.skip("annex3", map_note)
        else:
            results, notes = map_set_results(database, year, catalog, data, outline.district_map_codes())
            run.result.warnings.extend(notes)
            if analysis is not None:
                satisfaction = _satisfaction_values(analysis, data)
                if satisfaction is not None:
                    results["satisfaction"] = satisfaction
            request = MapSetRequest(data=data, assessment_db=database, year=year, base_year=options.base_year,
                                    city=city, folder=out, pdf_name=_file_name("annex3", year),
                                    png_folder_name=_file_name("annex3_png", year), paper=options.paper,
                                    png_dpi=options.png_dpi, maps=options.maps,
                                    district_codes=outline.district_map_codes(), results=results,
                                    atlas=options.atlas, feedback=options.feedback)
            try:
                outcome = exporter(request)
            except PackageCanceled:
                raise
            except Exception as error:  # noqa: BLE001 - the package goes on without maps
                run.check_cancel()  # a cancelled map set ends the package
                map_note = str(error)
                map_note_zh = f"分析图集生成失败（{error}）"
                run.skip("annex3", map_note, failed=True)
                outcome = None
            if outcome is not None:
                run.result.map_set = outcome
                run.result.warnings.extend(outcome.warnings)
                if outcome.pdf is not None:
                    run.add("annex3", outcome.pdf)
                    run.add("annex3_png", out / _file_name("annex3_png", year))

    # reports ----------------------------------------------------------------------------
    from .annual_report import write_annual_report
    from .context import ReportData, SurveySummary
    from .special_report import write_special_report

    survey_summary = SurveySummary.from_analysis(analysis, survey_report) if analysis is not None else None
    report = ReportData.collect(database, year, options.base_year, city, catalog, diagnosis, data=data, maps=outcome,
                                map_note=map_note_zh, survey=survey_summary, survey_note=survey_note,
                                target_notes=target_notes)
    annex_files = {}
    for key, label in (("annex1", "附件1"), ("annex2", "附件2"), ("annex3", "附件3"), ("annex4", "附件4"),
                       ("annex5", "附件5"), ("annex6", "附件6")):
        if key in run.result.files or key == "annex6":
            annex_files[label] = _file_name(key, year)
    docx_missing = ""
    with run.step("annual_report"):
        try:
            run.add("annual_report", write_annual_report(
                report, outline, out / _file_name("annual_report", year), organisation=options.organisation,
                available_fonts=options.available_fonts, annex_files=annex_files))
        except DocxUnavailable as error:
            docx_missing = str(error)
            run.skip("annual_report", docx_missing)
    with run.step("special_report"):
        if docx_missing:
            run.skip("special_report", docx_missing)
        else:
            run.add("special_report", write_special_report(
                report, topic, out / _file_name("special_report", year), organisation=options.organisation,
                available_fonts=options.available_fonts))

    # 附件6 ------------------------------------------------------------------------------
    from .database_description import write_database_description

    with run.step("annex6"):
        written = write_database_description(database, out, year, city=city, data=data, catalog=catalog,
                                             docx=not docx_missing, available_fonts=options.available_fonts)
        if "docx" in written:
            run.add("annex6", written["docx"])
        else:
            run.skip("annex6", docx_missing + " " + tr("(the Markdown and xlsx versions were written)"))
        run.add("annex6_md", written["md"])
        run.add("annex6_xlsx", written["xlsx"])

    run.result.seconds = time.perf_counter() - started
    run.result.manifest = write_manifest(run, data, assessment_db, year, city, topic, diagnosis, built)
    run.log(tr("Package written to {folder} in {seconds:.1f} s ({files} files, {skipped} items skipped).").format(
        folder=out, seconds=run.result.seconds, files=len(run.result.files), skipped=len(run.result.skipped)))
    return run.result


def write_manifest(run: _Run, data: Path, assessment_db: Path, year: int, city: str, topic, diagnosis, built) -> Path:
    out = run.out
    files = []
    for key, path in run.result.files.items():
        path = Path(path)
        entry = {"key": key, "label": ITEM_LABELS.get(key, key), "path": _relative(path, out)}
        if path.is_file():
            entry["bytes"] = path.stat().st_size
        elif path.is_dir():
            entry["files"] = sorted(p.name for p in path.iterdir())
        if key in run.result.timings:
            entry["seconds"] = run.result.timings[key]
        files.append(entry)
    outcome = run.result.map_set
    counts = diagnosis.status_counts() if diagnosis is not None else {}
    manifest = {
        "format": "cityhealth-package", "version": 1,
        "city": city, "year": int(year), "base_year": int(run.options.base_year),
        "created_at": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "plugin_version": _plugin_version(),
        "data_package": str(data), "assessment_database": str(assessment_db),
        "special_topic": {"id": topic.id, "name": topic.zh},
        "files": files,
        "skipped": run.result.skipped,
        "warnings": list(dict.fromkeys(run.result.warnings)),
        "timings_s": run.result.timings,
        "total_s": round(run.result.seconds, 3),
        "diagnosis": {"indicators_with_values": int(len(diagnosis.table)) if diagnosis is not None else 0,
                      "indicators_with_current_value": int(pd.to_numeric(diagnosis.table["current_value"],
                                                                         errors="coerce").notna().sum())
                      if diagnosis is not None else 0,
                      "status_counts": counts,
                      "rectification_tasks": int(len(diagnosis.tasks)) if diagnosis is not None else 0},
        "basic_database": {"tables": len(built.tables) if built else 0,
                           "copied_inputs": list(built.copied_inputs) if built else [],
                           "inputs_not_copied": [{"table": n, "reason": r} for n, r in (built.skipped_inputs if built else [])]},
        "map_set": None if outcome is None else {
            "pages": outcome.page_count, "maps": [p.id for p in outcome.pages],
            "unavailable": [{"map": m, "reason": r} for m, r in outcome.unavailable],
            "seconds": round(outcome.seconds, 3)},
    }
    path = out / MANIFEST_NAME
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _relative(path: Path, base: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path(base).resolve()))
    except ValueError:
        return str(path)
