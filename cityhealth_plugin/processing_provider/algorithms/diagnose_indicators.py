"""cityhealth:diagnoseindicators — status, trend and tasks of the indicators of a year (诊断).

Parameters (public API, never rename): ASSESSMENT_DB (the GeoPackage with indicator_values of
every year, as written by computeindicators or ``assess``), YEAR, BASE_YEAR (default 2020),
TARGETS (optional table layer: code, base_year_value, target_2025, target_2035, lower, upper,
limit, limit_type, direction; Chinese headers accepted), TARGETS_FILE (optional CSV / xlsx of the
same columns; wins over TARGETS), CATALOG_OVERRIDES (a city catalog file), RULES (optional JSON
overriding the status thresholds), UNIT_CODE (optional district code; empty = the city),
CITY (name in the titles), OUTPUT (one row per indicator: values, target, trend, status,
reason), CONCLUSION_TABLE (optional 附件1 指标结论表 .xlsx), TASKS_TABLE (optional 整治任务清单 .xlsx).
Outputs MET, NEARLY_MET, WARNING, NOT_MET, NOT_ASSESSED (counts).
"""

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.assessment import diagnosis_inputs as D
from ...core.i18n import tr
from ...qgis_bridge.layers import ReadCanceled
from ..base import CityHealthAlgorithm
from ..indicator_inputs import LayerInputs, add_rows, default_year, fields_of, load_catalog_checked

TARGETS_KEY = "targets"
OUTPUT_FIELDS = (
    ("code", QVariant.String), ("level1", QVariant.String), ("level2", QVariant.String), ("name", QVariant.String),
    ("unit", QVariant.String), ("direction", QVariant.String), ("unit_code", QVariant.String),
    ("base_year", QVariant.Int), ("base_value", QVariant.Double), ("previous_value", QVariant.Double),
    ("current_year", QVariant.Int), ("current_value", QVariant.Double), ("target_year", QVariant.Int),
    ("target_value", QVariant.Double), ("lower", QVariant.Double), ("upper", QVariant.Double),
    ("limit_value", QVariant.Double), ("change", QVariant.Double), ("change_pct", QVariant.Double),
    ("trend", QVariant.String), ("trend_label", QVariant.String), ("evaluation", QVariant.String),
    ("lag_points", QVariant.Double), ("gap", QVariant.Double), ("status", QVariant.String),
    ("status_label", QVariant.String), ("reason", QVariant.String),
)
COLUMN_OF = {"name": "name_zh", "limit_value": "limit"}


class DiagnoseIndicatorsAlgorithm(CityHealthAlgorithm):
    NAME = "diagnoseindicators"
    GROUP_ID = "assessment"
    ASSESSMENT_DB = "ASSESSMENT_DB"
    YEAR = "YEAR"
    BASE_YEAR = "BASE_YEAR"
    TARGETS = "TARGETS"
    TARGETS_FILE = "TARGETS_FILE"
    CATALOG_OVERRIDES = "CATALOG_OVERRIDES"
    RULES = "RULES"
    UNIT_CODE = "UNIT_CODE"
    CITY = "CITY"
    OUTPUT = "OUTPUT"
    CONCLUSION_TABLE = "CONCLUSION_TABLE"
    TASKS_TABLE = "TASKS_TABLE"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("Diagnose indicators")

    def group(self):
        return tr("Assessment")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Diagnoses the indicators stored in the assessment database for a year: base-year, previous-year "
            "and current values, the target of the period (2025 until 2025, then 2035), the trend and whether it "
            "improves, progress against the time elapsed, and a status (met, nearly met, early warning, not met, "
            "not assessed) with the reason in words. Targets come from the catalog, the database's "
            "indicator_targets table, and the targets table or file given here (later ones win per indicator). "
            "Optionally writes 附件1 指标结论表 and the rectification task list (整治任务清单) as formatted Excel "
            "workbooks."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.ASSESSMENT_DB, tr("Assessment database"), fileFilter=tr("GeoPackage (*.gpkg)")))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Assessment year"), QgsProcessingParameterNumber.Integer, defaultValue=default_year(),
            minValue=1990, maxValue=2100))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASE_YEAR, tr("Base year"), QgsProcessingParameterNumber.Integer, defaultValue=2020,
            minValue=1990, maxValue=2100))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.TARGETS, tr("Targets table (code, target_2025, target_2035, lower, upper, limit, limit_type)"),
            [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.TARGETS_FILE, tr("Targets file (CSV or Excel)"), fileFilter=tr("Tables (*.csv *.xlsx)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.CATALOG_OVERRIDES, tr("City catalog file (overrides, CSV or JSON)"),
            fileFilter=tr("Catalog files (*.csv *.json)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.RULES, tr("Status rules (JSON)"), fileFilter=tr("JSON (*.json)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.UNIT_CODE, tr("District code (empty = the whole city)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CITY, tr("City name (for the titles)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Diagnosis"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CONCLUSION_TABLE, tr("Indicator conclusion table (附件1)"), tr("Excel (*.xlsx)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.TASKS_TABLE, tr("Rectification task list"), tr("Excel (*.xlsx)"), optional=True,
            createByDefault=False))
        for name, text in (("MET", tr("Indicators met")), ("NEARLY_MET", tr("Indicators nearly met")),
                           ("WARNING", tr("Indicators with an early warning")), ("NOT_MET", tr("Indicators not met")),
                           ("NOT_ASSESSED", tr("Indicators not assessed"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        self._inputs.take(self, parameters, context, self.TARGETS, TARGETS_KEY)
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        db_path = self.parameterAsFile(parameters, self.ASSESSMENT_DB, context)
        if not db_path or not Path(db_path).is_file():
            self.fail(tr("The assessment database {path} does not exist: compute the indicators first.").format(
                path=db_path))
        year = self.parameterAsInt(parameters, self.YEAR, context)
        base_year = self.parameterAsInt(parameters, self.BASE_YEAR, context)
        overrides = self.parameterAsFile(parameters, self.CATALOG_OVERRIDES, context)
        catalog = load_catalog_checked([overrides] if overrides else [])
        feedback.setProgressText(tr("Reading values and targets"))
        try:
            values = D.values_from_db(db_path)
            given = None
            if TARGETS_KEY in inputs:
                given = inputs.read([TARGETS_KEY], QgsCoordinateReferenceSystem(), feedback, context)[TARGETS_KEY] \
                    .attributes
            targets_file = self.parameterAsFile(parameters, self.TARGETS_FILE, context)
            if targets_file:
                file_targets = D.read_targets(targets_file)
                given = file_targets if given is None else D.combine_targets([given, file_targets])
            targets, notes = D.collect_targets(catalog, db_path, given)
        except ReadCanceled:
            return {}
        except (ValueError, KeyError, OSError) as error:
            self.fail(str(error))
        for note in notes:
            feedback.pushInfo(note)
        if values.empty:
            self.fail(tr("The assessment database {path} has no indicator values.").format(path=db_path))
        if year not in set(values["year"]):
            self.fail(tr("The assessment database has no values for {year} (it has {years}).").format(
                year=year, years=", ".join(str(y) for y in sorted(set(values["year"])))))
        rules = self.parameterAsFile(parameters, self.RULES, context) or None
        unit_code = self.parameterAsString(parameters, self.UNIT_CODE, context).strip() or None
        feedback.setProgress(30)
        feedback.setProgressText(tr("Diagnosing"))
        try:
            result = D.run_diagnosis(catalog, values, targets, year, base_year,
                                     forms=D.stored_forms(db_path, year), rules=rules, unit_code=unit_code)
        except ValueError as error:
            self.fail(str(error))
        for warning in result.warnings:
            feedback.pushWarning(warning)
        feedback.setProgress(70)
        outputs = self._write(parameters, context, result, year)
        counts = result.status_counts()
        feedback.pushInfo(tr("{n} indicators: {met} met, {nearly} nearly met, {warning} warning, {not_met} not met, "
                             "{not_assessed} not assessed.").format(
            n=len(result.table), met=counts["met"], nearly=counts["nearly_met"], warning=counts["warning"],
            not_met=counts["not_met"], not_assessed=counts["not_assessed"]))
        outputs.update({"MET": counts["met"], "NEARLY_MET": counts["nearly_met"], "WARNING": counts["warning"],
                        "NOT_MET": counts["not_met"], "NOT_ASSESSED": counts["not_assessed"]})
        return outputs

    def _write(self, parameters, context, result, year):
        from ...core.exports.conclusion_table import write_conclusion_table
        from ...core.exports.key_tasks_table import write_rectification_tasks

        fields = fields_of(OUTPUT_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            self.fail(tr("The diagnosis cannot be written to the chosen output."))
        table = result.table
        columns = [table[COLUMN_OF.get(name, name)] for name, _ in OUTPUT_FIELDS]
        rows = []
        for values in zip(*[column.tolist() for column in columns]):  # ~100 indicator rows
            rows.append([int(v) if kind == QVariant.Int and v == v and v is not None else v
                         for v, (_, kind) in zip(values, OUTPUT_FIELDS)])
        add_rows(sink, fields, rows)
        outputs = {self.OUTPUT: dest_id}
        city = self.parameterAsString(parameters, self.CITY, context).strip() or tr("(city name)")
        conclusion = self.parameterAsFileOutput(parameters, self.CONCLUSION_TABLE, context)
        tasks = self.parameterAsFileOutput(parameters, self.TASKS_TABLE, context)
        try:
            if conclusion:
                outputs[self.CONCLUSION_TABLE] = str(write_conclusion_table(conclusion, result, city=city, year=year))
            if tasks:
                outputs[self.TASKS_TABLE] = str(write_rectification_tasks(tasks, result, city=city, year=year))
        except OSError as error:
            self.fail(tr("The tables cannot be written: {error}").format(error=error))
        return outputs
