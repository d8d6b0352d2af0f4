"""The satisfaction survey as an assessment step, and what the Processing algorithm and the
Survey panel share: reading population shares, the objective side from the assessment database,
district names and polygons, and writing the outputs (xlsx tables, 附件4 report, district map,
the mapping used).

``run_survey_step(run)`` is registered with ``core.assessment.pipeline.register_step`` as the
optional, non-fatal step ``survey`` when this module is imported. It runs only when the data
package has questionnaires:

* a file ``<data package folder>/survey_<year>.xlsx`` (or ``.csv``; ``survey.xlsx`` / ``survey.csv``
  for any year), or
* a table ``SURVEY`` in the data package GeoPackage;

with, when present, ``survey_mapping_<year>.json`` / ``survey_mapping.json`` (else the mapping
is suggested from the headers and written out for the user to check), and the population
shares ``survey_margins_<year>.csv|xlsx`` / ``survey_margins.csv|xlsx`` or a table
``SURVEY_MARGINS`` (attribute, category, share); the demo city (a ``DEMO_TRUTH`` table) uses
the demo shares. Without shares the scores are unweighted, with a warning. Districts come from
the package's district layer (XZQ), objective values from the run's assessment database.
"""

from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ..i18n import tr
from .analysis import SurveyAnalysis, SurveyOptions, analyse_survey
from .gap import default_relations
from .importer import SurveyError, prepare_responses, read_table
from .mapping import SurveyMapping, normalise_category, suggest_mapping
from .report_tables import report_tables, write_report_xlsx
from .screening import DistrictPolygons, ScreeningRules
from .weighting import margins_from_table, margins_to_table

SURVEY_TABLE = "SURVEY"
MARGINS_TABLE = "SURVEY_MARGINS"
DEMO_MARKER = "DEMO_TRUTH"
NAME_FIELDS = ("XZQMC", "XZQHMC", "区划名称", "行政区名称", "区名", "NAME", "MC", "名称")
CODE_FIELDS = ("XZQDM", "XZQHDM", "区划代码", "行政区代码", "ADCODE", "CODE", "DM")
GEOGRAPHIC_CRS = "EPSG:4490"  # CGCS2000 longitude/latitude (what survey platforms record, to metres)


# --------------------------------------------------------------------------------------
# inputs
# --------------------------------------------------------------------------------------

def read_margins_file(path) -> Dict[str, Dict[str, float]]:
    """Population shares from a csv (UTF-8 or GBK) or xlsx with columns attribute, category, share
    (or 属性, 类别, 比例)."""
    table = read_table(path).frame
    return margins_from_table(table)


def write_margins_file(margins: Mapping[str, Mapping[str, float]], path) -> Path:
    """The shares as a UTF-8 (with BOM, so Excel shows the Chinese) csv."""
    path = Path(path)
    margins_to_table(margins).to_csv(path, index=False, encoding="utf-8-sig")
    return path


def usable_margins(margins: Optional[Mapping[str, Mapping[str, float]]], mapping: SurveyMapping,
                   warn: Callable[[str], None]) -> Optional[Dict[str, Dict[str, float]]]:
    """The shares of attributes the mapping has a column for (the others are dropped, with a note)."""
    if not margins:
        return None
    kept = {a: dict(s) for a, s in margins.items() if a in mapping.attributes}
    for attribute in margins:
        if attribute not in kept:
            warn(tr("Population shares for '{attribute}' are not used: no questionnaire column is mapped to it.").format(
                attribute=attribute))
    return kept or None


def _field(columns: Sequence[str], candidates: Sequence[str]) -> Optional[str]:
    lower = {str(c).lower(): c for c in columns}
    return next((lower[c.lower()] for c in candidates if c.lower() in lower), None)


def district_name_field(attributes: pd.DataFrame, answers: Optional[Sequence[str]] = None) -> Optional[str]:
    """The district-name column of a district layer: a standard name (XZQMC, NAME …), else the
    text column sharing most values with the questionnaires' district answers."""
    found = _field(list(attributes.columns), NAME_FIELDS)
    if found is not None:
        return found
    if answers is None:
        return None
    wanted = {normalise_category(a) for a in answers if normalise_category(a)}
    best, best_hits = None, 0
    for column in attributes.columns:
        if attributes[column].dtype != object:
            continue
        hits = len(wanted & {normalise_category(v) for v in attributes[column].dropna()})
        if hits > best_hits:
            best, best_hits = column, hits
    return best


def district_code_field(attributes: pd.DataFrame) -> Optional[str]:
    return _field(list(attributes.columns), CODE_FIELDS)


def district_polygons(names: Sequence, geometries: Sequence) -> DistrictPolygons:
    cleaned = [normalise_category(n) or "" for n in names]
    return DistrictPolygons(cleaned, list(geometries))


def objective_from_values(values: pd.DataFrame, code_to_name: Optional[Mapping[str, str]] = None) -> pd.DataFrame:
    """District × indicator table from indicator_values rows (core.store.results.read_values):
    the district rows with a value, unit codes (XZQDM) turned into names with ``code_to_name``."""
    if values is None or not len(values):
        return pd.DataFrame()
    rows = values[(values["unit_type"] == "district") & values["value"].notna()]
    if not len(rows):
        return pd.DataFrame()
    names = {normalise_category(k): v for k, v in (code_to_name or {}).items()}
    units = rows["unit_code"].map(lambda c: names.get(normalise_category(c), normalise_category(c)))
    wide = rows.assign(unit=units).pivot_table(index="unit", columns="code", values="value", aggfunc="last")
    wide.index.name = "district"
    wide.columns = [str(c) for c in wide.columns]
    return wide


def usable_objective(objective: Optional[pd.DataFrame], districts: Sequence[str],
                     relations=None, minimum: int = 3) -> Tuple[Optional[pd.DataFrame], str]:
    """(objective table or None, why not): the comparison needs at least ``minimum`` districts
    named like the survey's and at least one related indicator."""
    if objective is None or not len(objective):
        return None, tr("no district values of the objective indicators")
    codes = {r.indicator for r in (relations or default_relations())}
    if not codes & set(map(str, objective.columns)):
        return None, tr("none of the related indicators ({codes}) has district values").format(codes=", ".join(sorted(codes)))
    shared = {normalise_category(d) for d in districts} & {normalise_category(i) for i in objective.index}
    if len(shared) < minimum:
        return None, tr("only {count} districts have both survey answers and indicator values (at least {minimum} needed)").format(
            count=len(shared), minimum=minimum)
    return objective, ""


# --------------------------------------------------------------------------------------
# outputs
# --------------------------------------------------------------------------------------

def output_names(year: Optional[int]) -> Dict[str, str]:
    """File names of the outputs in the output folder."""
    suffix = f"_{int(year)}" if year else ""
    return {
        "xlsx": f"满意度分析表{suffix}.xlsx",
        "report": f"附件4 社会满意度评价报告{suffix}.docx",
        "map": f"满意度分区图{suffix}.png",
        "mapping": f"survey_mapping{suffix}.json",
        "districts": f"满意度分区得分{suffix}.csv",
    }


def write_survey_outputs(analysis: SurveyAnalysis, folder, year: Optional[int] = None, city: str = "",
                         map_image=None, report: bool = True, map_note: str = "",
                         available_fonts: Optional[Sequence[str]] = None) -> Dict[str, Path]:
    """xlsx tables, the 附件4 report (docx), the mapping used (json) and the district scores (csv)
    in ``folder``; returns {kind: path}. ``map_image`` goes into the report when given."""
    from .report_docx import district_scores, write_survey_report

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = output_names(year)
    written: Dict[str, Path] = {}
    written["xlsx"] = write_report_xlsx(report_tables(analysis), folder / names["xlsx"])
    mapping_path = folder / names["mapping"]
    mapping_path.write_text(analysis.data.mapping.to_json(), encoding="utf-8")
    written["mapping"] = mapping_path
    scores = district_scores(analysis)
    if len(scores):
        scores.to_csv(folder / names["districts"], index=False, encoding="utf-8-sig")
        written["districts"] = folder / names["districts"]
    if map_image is not None and Path(map_image).is_file():
        written["map"] = Path(map_image)
    if report:
        written["report"] = write_survey_report(analysis, folder / names["report"], city=city, year=year,
                                                map_image=map_image, map_note=map_note, available_fonts=available_fonts)
    return written


def summary_lines(analysis: SurveyAnalysis) -> List[str]:
    """A few lines for a log: valid count against the requirement, overall score."""
    s = analysis.screening
    overall = analysis.scores.overall.iloc[0]
    lines = [tr("Questionnaires: {total} received, {valid} valid (required {required}: {verdict}).").format(
        total=s.total, valid=s.valid_count, required=s.rules.required_valid,
        verdict=tr("met") if s.meets_requirement else tr("not met"))]
    lines.append(tr("Overall satisfaction {score:.1f} of 100 (95% interval {low:.1f}–{high:.1f}).").format(
        score=overall["score"], low=overall["score_lower"], high=overall["score_upper"]))
    return lines


# --------------------------------------------------------------------------------------
# the assessment step
# --------------------------------------------------------------------------------------

def _first_file(folder: Path, stems: Sequence[str], suffixes: Sequence[str]) -> Optional[Path]:
    for stem in stems:
        for suffix in suffixes:
            path = folder / f"{stem}{suffix}"
            if path.is_file():
                return path
    return None


def find_questionnaires(data: Path, year: int, tables: Optional[Mapping[str, str]] = None):
    """('file', path) or ('table', name) of the questionnaires of a data package, or None."""
    path = _first_file(Path(data).parent, (f"survey_{year}", "survey"), (".xlsx", ".csv"))
    if path is not None:
        return "file", path
    if tables and SURVEY_TABLE.lower() in tables:
        return "table", tables[SURVEY_TABLE.lower()]
    return None


def _package_tables(data: Path) -> Dict[str, str]:
    from ..store import gpkg

    try:
        return {row[0].lower(): row[0] for row in gpkg.list_layers(data)}
    except Exception:  # noqa: BLE001 - not a GeoPackage (a folder package): no tables
        return {}


def run_survey_step(run) -> None:
    """The ``survey`` step of the assessment (see the module docstring). Never fatal."""
    from ..store import gpkg
    from ..store.results import read_values
    from .demo import demo_population_margins
    from .report_docx import district_map_png, district_scores

    data_path = Path(run.data)
    tables = _package_tables(data_path)
    found = find_questionnaires(data_path, run.year, tables)
    if found is None:
        run.log(tr("No questionnaires (survey_{year}.xlsx / .csv next to the data package, or a SURVEY table): "
                   "the satisfaction survey is skipped.").format(year=run.year))
        return
    kind, source = found
    folder = data_path.parent
    mapping_file = _first_file(folder, (f"survey_mapping_{run.year}", "survey_mapping"), (".json",))
    mapping = SurveyMapping.from_json(mapping_file.read_text(encoding="utf-8")) if mapping_file else None
    try:
        if kind == "file":
            read = read_table(source)
            frame, source_name, encoding = read.frame, str(source), read.encoding
        else:
            frame, source_name, encoding = gpkg.read_table(data_path, source), f"{data_path.name}:{source}", ""
        notes = []
        if mapping is None:
            mapping = suggest_mapping(frame.columns)
            notes.append(tr("No survey mapping file: the columns were assigned from their headers; check {name}.").format(
                name=output_names(run.year)["mapping"]))
        else:
            mapping, changes = mapping.rebind(frame.columns)
            notes.extend(changes)
        data = prepare_responses(frame, mapping, source_name, encoding)
        for note in notes:
            run.warn(note)

        margins_file = _first_file(folder, (f"survey_margins_{run.year}", "survey_margins"), (".csv", ".xlsx"))
        if margins_file is not None:
            margins = read_margins_file(margins_file)
        elif MARGINS_TABLE.lower() in tables:
            margins = margins_from_table(gpkg.read_table(data_path, tables[MARGINS_TABLE.lower()]))
        elif DEMO_MARKER.lower() in tables:
            margins = demo_population_margins()
            run.log(tr("  demo data package: the demo population shares are used for weighting."))
        else:
            margins = None
            run.warn(tr("No population shares (survey_margins.csv or a SURVEY_MARGINS table): the survey is not weighted."))
        margins = usable_margins(margins, data.mapping, run.warn)
        demo_shares = margins_file is None and MARGINS_TABLE.lower() not in tables and DEMO_MARKER.lower() in tables

        districts, names, code_to_name = None, None, {}
        layer = run.layers.get("admin_district")
        if layer is not None and len(layer):
            answers = data.attribute("district")
            name_field = district_name_field(layer.attributes, answers.dropna().unique() if answers is not None else None)
            if name_field is not None:
                names = [normalise_category(n) for n in layer.attributes[name_field]]
                code_field = district_code_field(layer.attributes)
                if code_field is not None:
                    code_to_name = dict(zip(layer.attributes[code_field].map(normalise_category), names))
                geometries = layer.geometries
                if data.mapping.coordinates == "lonlat" and layer.crs:
                    from ..geodesy import transform_geometries

                    geometries = transform_geometries(np.asarray(geometries, dtype=object), layer.crs, GEOGRAPHIC_CRS)
                districts = district_polygons(names, geometries)
                if demo_shares and margins and "district" in margins:  # the demo city may have fewer districts
                    margins["district"] = {k: v for k, v in margins["district"].items() if k in set(names)} or margins["district"]

        objective = None
        db = run.outputs.get("assessment_db")
        if db is not None and Path(db).is_file():
            objective, why = usable_objective(objective_from_values(read_values(db, run.year), code_to_name),
                                              names or [])
            if objective is None:
                run.warn(tr("Satisfaction is not compared with the indicators: {reason}.").format(reason=why))
        if names is None and margins and "district" in margins:
            names = list(margins["district"])  # without a district layer: the districts of the shares
        options = SurveyOptions(margins=margins, weighting="raking" if margins else "none",
                                rules=ScreeningRules(known_districts=names))
        analysis = analyse_survey(data, options, districts, objective)
    except SurveyError as error:
        run.fail(str(error))
        return
    for warning in analysis.warnings[:20]:
        run.warn(warning)
    out = Path(run.out)
    map_path, map_note = None, ""
    if districts is not None:
        scores = district_scores(analysis)
        map_path = district_map_png(districts.names, districts.geometries, dict(zip(scores["district"], scores["score"])),
                                    out / output_names(run.year)["map"], title="各区居民总体满意度")
        if map_path is None:
            map_note = "未安装matplotlib"
    else:
        map_note = "数据包中没有区界图层"
    city = str(run.extras.get("city") or "")
    if not city and DEMO_MARKER.lower() in tables:
        city = "厦门市"
    from ..exports.docx_writer import DocxUnavailable

    try:
        written = write_survey_outputs(analysis, out, run.year, city=city, map_image=map_path, map_note=map_note)
    except DocxUnavailable as error:  # the tables are still useful without the Word report
        run.warn(str(error))
        written = write_survey_outputs(analysis, out, run.year, city=city, map_image=map_path, report=False)
    for key, path in written.items():
        run.outputs[f"survey_{key}"] = path
    for line in summary_lines(analysis):
        run.log("  " + line)
    run.extras["survey_analysis"] = analysis


def _register() -> None:
    try:
        from ..assessment.pipeline import Step, register_step
    except ImportError:  # pragma: no cover - the pipeline is part of the package
        return
    register_step(Step("survey", run_survey_step, fatal=False))


_register()
