"""cityhealth:analysesurvey — the resident satisfaction survey (社会满意度调查) from a questionnaire
export to 附件4 社会满意度评价报告.

Parameters (public API, never rename): INPUT (questionnaire export, .xlsx or .csv in UTF-8 / GBK),
MAPPING (optional JSON mapping of columns to dimensions and attributes; suggested from the headers
when absent — the mapping used is always written to the output folder), MARGINS (optional csv /
xlsx of population shares: attribute, category, share), DEMO (use the demo population shares when
MARGINS is empty), WEIGHTING (0 raking, 1 post-stratification by district, 2 none), DISTRICTS
(optional district polygons: the outside-the-city check, district names, the map and OUTPUT),
DISTRICT_FIELD (optional; default XZQMC / NAME or the field matching the answers), ASSESSMENT_DB
(optional assessment GeoPackage: district values of the objective indicators for the comparison),
YEAR, CITY, REQUIRED_VALID (3000), MIN_SECONDS (60), MAX_MISSING_SHARE (0.2), OUTPUT_FOLDER
(xlsx tables, docx report, district map png, mapping json, district scores csv), OUTPUT (optional:
the district polygons with their scores). Outputs XLSX, REPORT, MAP, MAPPING_USED, TOTAL_COUNT,
VALID_COUNT, REQUIREMENT_MET, OVERALL_SCORE.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import List, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from ...core.i18n import tr, tr_noop
from ...core.exports.docx_writer import DocxUnavailable
from ...core.survey import SurveyError, SurveyMapping, SurveyOptions, analyse_survey, import_questionnaires
from ...core.survey.mapping import normalise_category
from ...core.survey.pipeline_step import (
    GEOGRAPHIC_CRS,
    district_code_field,
    district_name_field,
    district_polygons,
    objective_from_values,
    output_names,
    read_margins_file,
    summary_lines,
    usable_margins,
    usable_objective,
    write_survey_outputs,
)
from ...core.survey.report_docx import district_scores
from ...core.survey.screening import ScreeningRules
from ...qgis_bridge.layers import ReadCanceled, read_layer
from ..base import CityHealthAlgorithm
from ..indicator_inputs import LayerInputs, default_year

WEIGHTING_METHODS = ("raking", "post_stratification", "none")
WEIGHTING_LABELS = (tr_noop("Raking to the population shares"), tr_noop("Post-stratification by district"),
                    tr_noop("No weighting"))
DISTRICTS_KEY = "districts"


class SurveyCanceled(Exception):
    pass


@dataclass
class _DistrictShapes:
    names: List[str]
    geometries: Sequence  # shapely, in the district layer's own CRS
    crs: str


class AnalyseSurveyAlgorithm(CityHealthAlgorithm):
    NAME = "analysesurvey"
    GROUP_ID = "survey"
    DISPLAY = tr_noop("Analyse satisfaction survey")
    GROUP = tr_noop("Satisfaction survey")
    HELP = tr_noop(
        "Reads a questionnaire export (xlsx, or csv in UTF-8 or GBK), maps its columns to the six satisfaction "
        "dimensions and the respondent attributes (a saved mapping JSON, or one suggested from the headers), screens "
        "the questionnaires (incomplete, same answer throughout, too fast, duplicates, outside the city, unknown "
        "district), compares the sample with the population shares (chi-square), weights it (raking), computes the "
        "scores with confidence intervals city-wide, by district and by group, counts the concerns in the open "
        "answers and compares the district scores with the objective indicators of the assessment database. Writes "
        "the tables (xlsx), the 附件4 satisfaction report (docx) with a district map (png), the mapping used (json) "
        "and, optionally, the districts with their scores as a layer.")

    INPUT = "INPUT"
    MAPPING = "MAPPING"
    MARGINS = "MARGINS"
    DEMO = "DEMO"
    WEIGHTING = "WEIGHTING"
    DISTRICTS = "DISTRICTS"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    ASSESSMENT_DB = "ASSESSMENT_DB"
    YEAR = "YEAR"
    CITY = "CITY"
    REQUIRED_VALID = "REQUIRED_VALID"
    MIN_SECONDS = "MIN_SECONDS"
    MAX_MISSING_SHARE = "MAX_MISSING_SHARE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT = "OUTPUT"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Questionnaires (xlsx or csv)"), fileFilter=tr("Questionnaires (*.xlsx *.csv *.txt)")))
        self.addParameter(QgsProcessingParameterFile(
            self.MAPPING, tr("Column mapping (JSON; suggested from the headers when empty)"),
            fileFilter=tr("JSON (*.json)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.MARGINS, tr("Population shares (csv or xlsx: attribute, category, share)"),
            fileFilter=tr("Tables (*.csv *.xlsx)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DEMO, tr("Use the demo population shares (Xiamen, illustrative) when none are given"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(
            self.WEIGHTING, tr("Weighting"), options=[tr(label) for label in WEIGHTING_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.DISTRICTS, tr("Districts (区) for the location check and the map"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_FIELD, tr("District name field"), parentLayerParameterName=self.DISTRICTS,
            type=QgsProcessingParameterField.String, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.ASSESSMENT_DB, tr("Assessment database (objective indicators by district)"),
            fileFilter=tr("GeoPackage (*.gpkg)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Assessment year"), QgsProcessingParameterNumber.Integer, defaultValue=default_year(),
            minValue=1990, maxValue=2100))
        self.addParameter(QgsProcessingParameterString(
            self.CITY, tr("City name (for the report title)"), defaultValue="", optional=True))
        advanced = [
            QgsProcessingParameterNumber(self.REQUIRED_VALID, tr("Valid questionnaires required"),
                                         QgsProcessingParameterNumber.Integer, defaultValue=3000, minValue=0),
            QgsProcessingParameterNumber(self.MIN_SECONDS, tr("Shortest acceptable answer time (seconds)"),
                                         QgsProcessingParameterNumber.Double, defaultValue=60.0, minValue=0.0),
            QgsProcessingParameterNumber(self.MAX_MISSING_SHARE, tr("Largest share of unanswered questions"),
                                         QgsProcessingParameterNumber.Double, defaultValue=0.2, minValue=0.0,
                                         maxValue=1.0),
        ]
        self.add_advanced_parameters(advanced)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Districts with satisfaction scores"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=True))
        for name, text in (("XLSX", tr("Satisfaction tables (xlsx)")), ("REPORT", tr("Satisfaction report (docx)")),
                           ("MAP", tr("District map (png)")), ("MAPPING_USED", tr("Mapping used (json)"))):
            self.addOutput(QgsProcessingOutputFile(name, text))
        for name, text in (("TOTAL_COUNT", tr("Questionnaires received")), ("VALID_COUNT", tr("Valid questionnaires")),
                           ("OVERALL_SCORE", tr("Overall satisfaction score"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))
        self.addOutput(QgsProcessingOutputBoolean("REQUIREMENT_MET", tr("Valid questionnaires requirement met")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        self._inputs.take(self, parameters, context, self.DISTRICTS, DISTRICTS_KEY)
        return True

    # ------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        year = self.parameterAsInt(parameters, self.YEAR, context)
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.fail(tr("The output folder {path} cannot be created: {error}").format(path=folder, error=error))
        try:
            data = self._questionnaires(parameters, context, feedback)
            margins = self._margins(parameters, context, feedback, data.mapping)
            districts, names, code_to_name, layer_data = self._districts(inputs, parameters, context, feedback, data)
            objective = self._objective(parameters, context, feedback, year, code_to_name, names, data)
            method = WEIGHTING_METHODS[self.parameterAsEnum(parameters, self.WEIGHTING, context)]
            if method != "none" and not margins:
                feedback.pushWarning(tr("No population shares were given: the survey is not weighted."))
                method = "none"
            if names is None and margins and "district" in margins:
                names = list(margins["district"])  # without a district layer: the districts of the shares
            rules = ScreeningRules(
                known_districts=names,
                required_valid=self.parameterAsInt(parameters, self.REQUIRED_VALID, context),
                min_seconds=self.parameterAsDouble(parameters, self.MIN_SECONDS, context),
                max_missing_share=self.parameterAsDouble(parameters, self.MAX_MISSING_SHARE, context))
            options = SurveyOptions(rules=rules, margins=margins, weighting=method)

            def progress(percent, message):
                if feedback.isCanceled():
                    raise SurveyCanceled()
                feedback.setProgress(percent * 0.7)
                feedback.setProgressText(message)

            analysis = analyse_survey(data, options, districts, objective, progress=progress)
        except SurveyCanceled:
            return {}
        except ReadCanceled:
            return {}
        except SurveyError as error:
            self.fail(str(error))
        for warning in analysis.warnings:
            feedback.pushWarning(warning)

        outputs = {}
        map_path, map_note = None, ""
        scores = district_scores(analysis)
        if layer_data is not None and len(scores):
            feedback.setProgressText(tr("Drawing the district map"))
            from ...qgis_bridge.district_map import render_scores_map

            try:
                map_path = render_scores_map(layer_data.names, layer_data.geometries, layer_data.crs, scores,
                                             folder / output_names(year)["map"], title="各区居民总体满意度",
                                             legend_title="满意度得分")
            except ValueError as error:
                feedback.pushWarning(str(error))
                map_note = str(error)
        elif layer_data is None:
            map_note = "未提供区界图层"
        feedback.setProgress(80)
        feedback.setProgressText(tr("Writing the tables and the report"))
        city = self.parameterAsString(parameters, self.CITY, context).strip()
        try:
            written = write_survey_outputs(analysis, folder, year, city=city, map_image=map_path, map_note=map_note)
        except DocxUnavailable as error:
            feedback.pushWarning(str(error))
            written = write_survey_outputs(analysis, folder, year, city=city, map_image=map_path, report=False)
        except OSError as error:
            self.fail(tr("The survey outputs cannot be written to {path}: {error}").format(path=folder, error=error))
        for key, output in (("xlsx", "XLSX"), ("report", "REPORT"), ("map", "MAP"), ("mapping", "MAPPING_USED")):
            if key in written:
                outputs[output] = str(written[key])
        outputs[self.OUTPUT_FOLDER] = str(folder)
        if layer_data is not None:
            sink_id = self._write_sink(parameters, context, layer_data, scores)
            if sink_id:
                outputs[self.OUTPUT] = sink_id
        screening = analysis.screening
        outputs.update({"TOTAL_COUNT": screening.total, "VALID_COUNT": screening.valid_count,
                        "REQUIREMENT_MET": bool(screening.meets_requirement),
                        "OVERALL_SCORE": float(analysis.scores.overall["score"].iloc[0])})
        for line in summary_lines(analysis):
            feedback.pushInfo(line)
        feedback.setProgress(100)
        return outputs

    # ------------------------------------------------------------------------------------
    def _questionnaires(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path:
            self.fail(tr("Choose the questionnaire file (xlsx or csv)."))
        mapping = None
        mapping_path = self.parameterAsFile(parameters, self.MAPPING, context)
        if mapping_path:
            try:
                mapping = SurveyMapping.from_json(Path(mapping_path).read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                self.fail(tr("The mapping file {path} cannot be read: {error}").format(path=mapping_path, error=error))
        feedback.setProgressText(tr("Reading the questionnaires"))
        data = import_questionnaires(path, mapping)
        for note in data.notes:
            feedback.pushInfo(note)
        feedback.pushInfo(tr("{count} questionnaires read from {name}.").format(count=len(data), name=Path(path).name))
        return data

    def _margins(self, parameters, context, feedback, mapping):
        path = self.parameterAsFile(parameters, self.MARGINS, context)
        margins = None
        if path:
            margins = read_margins_file(path)
        elif self.parameterAsBoolean(parameters, self.DEMO, context):
            from ...core.survey.demo import demo_population_margins

            margins = demo_population_margins()
            feedback.pushInfo(tr("The demo population shares are used (illustrative figures, not statistics)."))
        return usable_margins(margins, mapping, feedback.pushWarning)

    def _districts(self, inputs, parameters, context, feedback, data):
        if DISTRICTS_KEY not in inputs:
            return None, None, {}, None
        item = inputs.items[DISTRICTS_KEY]
        feedback.setProgressText(tr("Reading the districts"))
        own = read_layer(item.snapshot, target_crs=item.crs, feedback=feedback,
                         transform_context=context.transformContext())
        answers = data.attribute("district")
        field = self.parameterAsString(parameters, self.DISTRICT_FIELD, context) or district_name_field(
            own.attributes, answers.dropna().unique() if answers is not None else None)
        if not field or field not in own.attributes.columns:
            self.fail(tr("The district layer '{layer}' has no field with district names; choose the district name "
                         "field.").format(layer=item.name))
        names = [normalise_category(n) or "" for n in own.attributes[field]]
        code_field = district_code_field(own.attributes)
        code_to_name = dict(zip(own.attributes[code_field].map(normalise_category), names)) if code_field else {}
        if data.mapping.coordinates == "lonlat":
            located = read_layer(item.snapshot, target_crs=QgsCoordinateReferenceSystem(GEOGRAPHIC_CRS),
                                 feedback=feedback, transform_context=context.transformContext())
            geometries = located.geometries
        else:
            geometries = own.geometries
        return district_polygons(names, geometries), names, code_to_name, _DistrictShapes(names, own.geometries, own.crs)

    def _objective(self, parameters, context, feedback, year, code_to_name, names, data):
        path = self.parameterAsFile(parameters, self.ASSESSMENT_DB, context)
        if not path:
            return None
        if not Path(path).is_file():
            self.fail(tr("The assessment database {path} does not exist.").format(path=path))
        from ...core.store.results import read_values

        try:
            values = read_values(path, year)
        except Exception as error:  # noqa: BLE001 - sqlite errors: not a GeoPackage
            self.fail(tr("The assessment database {path} cannot be read: {error}").format(path=path, error=error))
        districts = names
        if districts is None:
            answers = data.attribute("district")
            districts = list(answers.dropna().unique()) if answers is not None else []
        objective, why = usable_objective(objective_from_values(values, code_to_name), districts)
        if objective is None:
            feedback.pushWarning(tr("Satisfaction is not compared with the indicators: {reason}.").format(reason=why))
        return objective

    def _write_sink(self, parameters, context, layer_data, scores):
        from ...qgis_bridge.district_map import score_features, score_fields

        fields = score_fields()
        crs = QgsCoordinateReferenceSystem(layer_data.crs) if layer_data.crs else QgsCoordinateReferenceSystem()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, crs)
        if sink is None:
            return None
        for feature in score_features(layer_data.names, layer_data.geometries, scores, fields):
            geometry = feature.geometry()
            if not geometry.isNull() and not geometry.isMultipart():
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
