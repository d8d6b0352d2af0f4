"""cityhealth:computeindicators — compute catalog indicators on the role layers.

Parameters (public API, never rename): one optional vector layer per role named after the role
id in upper case (DLTB, DLTB_BASE, ADMIN_DISTRICT, ECO_REDLINE …, as in validatedatapackage),
CODES (comma-separated indicator codes; empty = every computable one), YEAR, CATALOG_OVERRIDES
(a city catalog file), STATISTICS (a table code, year, unit_code, value such as DEPT_STATS),
WORK_CRS (optional; default the DLTB's Gauss-Krüger CRS), ASSESSMENT_DB (GeoPackage the results
are written to), OUTPUT (one row per indicator and unit: city, district, sub-district),
RESULT_LAYERS (optional GeoPackage with the result layers, e.g. red-line overlaps).
Outputs COMPUTED, MISSING, UNAVAILABLE, ERRORS (counts). The input layers are only read.
"""

import time
from collections import Counter

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.i18n import tr
from ...core.indicators.context import EngineContext
from ...core.indicators.engine import compute
from ...core.roles.registry import ROLES
from ...qgis_bridge.assessment_db import write_assessment
from ...qgis_bridge.layers import ReadCanceled
from ..base import CityHealthAlgorithm
from ..indicator_inputs import (
    Availability,
    LayerInputs,
    add_rows,
    all_role_parameters,
    default_year,
    fields_of,
    load_catalog_checked,
    parse_codes,
    read_statistics,
    statistic_names,
    work_crs_text,
)

STATISTICS_KEY = "statistics"
OUTPUT_FIELDS = (
    ("code", QVariant.String), ("name", QVariant.String), ("name_en", QVariant.String),
    ("level1", QVariant.String), ("level2", QVariant.String), ("unit_type", QVariant.String),
    ("unit_code", QVariant.String), ("unit_name", QVariant.String), ("value", QVariant.Double),
    ("unit", QVariant.String), ("status", QVariant.String), ("message", QVariant.String),
    ("missing", QVariant.String), ("target", QVariant.String), ("year", QVariant.Int),
    ("source_type", QVariant.String),
)


def output_fields():
    return fields_of(OUTPUT_FIELDS)


def output_rows(results, catalog, year):
    """One row per (indicator, unit): the city row first, then districts and sub-districts."""
    for result in results:
        indicator = catalog.get(result.code)
        level1 = indicator.level1 if indicator else ""
        level2 = indicator.level2 if indicator else ""
        target = indicator.target if indicator else ""
        value = result.value if result.status == "ok" else None
        base = [result.code, result.name, result.name_en, level1, level2]
        tail = [result.unit, result.status, result.message, ";".join(result.missing), target, int(year),
                result.source_type]
        yield base + ["city", "city", "", value] + tail
        if result.status == "ok":
            for unit in result.per_unit.itertuples(index=False):
                yield base + [unit.unit_type, str(unit.unit_code), unit.unit_name, unit.value] + tail


class ComputeIndicatorsAlgorithm(CityHealthAlgorithm):
    NAME = "computeindicators"
    GROUP_ID = "indicators"
    CODES = "CODES"
    YEAR = "YEAR"
    CATALOG_OVERRIDES = "CATALOG_OVERRIDES"
    STATISTICS = "STATISTICS"
    WORK_CRS = "WORK_CRS"
    ASSESSMENT_DB = "ASSESSMENT_DB"
    OUTPUT = "OUTPUT"
    RESULT_LAYERS = "RESULT_LAYERS"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("Compute indicators")

    def group(self):
        return tr("Indicators")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Computes the indicators of the TD/T 1063-2021 catalog (with the city's own catalog file, if given) "
            "from the layers given for each role and the statistics table. CODES lists indicator codes "
            "separated by commas (A-11, C-04 …); left empty, every indicator whose inputs are given is computed. "
            "The result table has one row per indicator and unit (city, each district, each sub-district) with "
            "the value, its unit and a status: ok, missing_input (the message names the missing layer or "
            "statistic), unavailable (the method is not installed) or error. Results, their provenance and "
            "result layers (e.g. the parts of construction land inside the ecological red line) are written to "
            "the assessment database. Areas follow the official conventions: TBDLMJ where present, else "
            "ellipsoidal areas on the CGCS2000 ellipsoid. The input layers are never changed."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        for parameter in all_role_parameters():
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterString(
            self.CODES, tr("Indicator codes (comma-separated; empty = all computable)"), defaultValue="",
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Assessment year"), QgsProcessingParameterNumber.Integer, defaultValue=default_year(),
            minValue=1990, maxValue=2100))
        self.addParameter(QgsProcessingParameterFile(
            self.CATALOG_OVERRIDES, tr("City catalog file (overrides, CSV or JSON)"),
            fileFilter=tr("Catalog files (*.csv *.json)"), optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.STATISTICS, tr("Statistics table (code, year, unit_code, value; e.g. DEPT_STATS)"),
            [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.WORK_CRS, tr("Working CRS (projected, in metres; empty = from the land-use layer)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.ASSESSMENT_DB, tr("Assessment database"), tr("GeoPackage (*.gpkg)"), optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Indicator values"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.RESULT_LAYERS, tr("Result layers"), tr("GeoPackage (*.gpkg)"), optional=True,
            createByDefault=False))
        for name, text in (("COMPUTED", tr("Indicators computed")), ("MISSING", tr("Indicators with missing inputs")),
                           ("UNAVAILABLE", tr("Indicators whose method is not installed")),
                           ("ERRORS", tr("Indicators that failed"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Main thread: snapshots of the given layers."""
        self._inputs = LayerInputs()
        self._inputs.take_roles(self, parameters, context, [role.id for role in ROLES])
        self._inputs.take(self, parameters, context, self.STATISTICS, STATISTICS_KEY)
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        started = time.perf_counter()
        inputs, self._inputs = self._inputs, LayerInputs()
        overrides = self.parameterAsFile(parameters, self.CATALOG_OVERRIDES, context)
        catalog = load_catalog_checked([overrides] if overrides else [])
        year = self.parameterAsInt(parameters, self.YEAR, context)
        work_crs = inputs.working_crs(self.parameterAsCrs(parameters, self.WORK_CRS, context))
        if not work_crs.authid():
            self.fail(tr("The working CRS needs an EPSG code (e.g. EPSG:4548)."))
        roles = [key for key in inputs.keys() if key != STATISTICS_KEY]

        steps = QgsProcessingMultiStepFeedback(len(inputs.keys()) + 2, feedback)
        try:
            statistics = None
            if STATISTICS_KEY in inputs:
                table = inputs.read([STATISTICS_KEY], QgsCoordinateReferenceSystem(), feedback, context, steps, 0)
                statistics = read_statistics(table[STATISTICS_KEY])
            availability = Availability(catalog, roles, statistic_names(statistics) if statistics is not None else None)
            codes, unknown = parse_codes(self.parameterAsString(parameters, self.CODES, context), catalog, availability)
            for code in unknown:
                feedback.reportError(tr("Indicator '{code}' is not in the catalog.").format(code=code))
            codes = codes + unknown  # they get an 'error' row each
            needed = [r for r in availability.needed_roles(c for c in codes if c in catalog) if r in roles]
            layers = inputs.read(needed, work_crs, feedback, context, steps, 1)
        except ReadCanceled:
            feedback.pushInfo(tr("Canceled: nothing was computed."))
            return {}
        if not codes:
            feedback.pushWarning(tr("No indicator can be computed with the given layers and statistics."))

        steps.setCurrentStep(len(inputs.keys()))
        steps.setProgressText(tr("Computing {n} indicators").format(n=len(codes)))

        def progress(done, total, code):
            steps.setProgress(100.0 * done / max(total, 1))
            steps.setProgressText(tr("Computing {code} ({done}/{total})").format(code=code, done=done + 1, total=total))

        engine = EngineContext(layers, statistics, year, catalog, working_crs=work_crs_text(work_crs))
        results = compute(catalog, layers, statistics, year, codes, progress=progress,
                          is_canceled=feedback.isCanceled, context=engine)
        if feedback.isCanceled():
            feedback.pushInfo(tr("Canceled after {n} indicators: nothing was written.").format(n=len(results)))
            return {}
        steps.setCurrentStep(len(inputs.keys()) + 1)
        steps.setProgressText(tr("Writing the results"))
        outputs = self._write(parameters, context, results, catalog, year, engine)
        self._report(feedback, results, time.perf_counter() - started)
        counts = Counter(r.status for r in results)
        outputs.update({"COMPUTED": counts.get("ok", 0), "MISSING": counts.get("missing_input", 0),
                        "UNAVAILABLE": counts.get("unavailable", 0), "ERRORS": counts.get("error", 0)})
        return outputs

    # ----------------------------------------------------------------------------- output
    def _write(self, parameters, context, results, catalog, year, engine):
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, output_fields(), QgsWkbTypes.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            self.fail(tr("The indicator table cannot be written to the chosen output."))
        fields = output_fields()
        rows = list(output_rows(results, catalog, year))
        add_rows(sink, fields, rows)
        outputs = {self.OUTPUT: dest_id}
        db_path = self.parameterAsFileOutput(parameters, self.ASSESSMENT_DB, context)
        layer_path = self.parameterAsFileOutput(parameters, self.RESULT_LAYERS, context)
        try:
            if db_path:
                write_assessment(db_path, results, year, engine.zones().names())
                outputs[self.ASSESSMENT_DB] = db_path
            if layer_path:
                write_assessment(layer_path, results, year, None, values=False)
                outputs[self.RESULT_LAYERS] = layer_path
        except (OSError, ValueError) as error:
            self.fail(tr("The results cannot be written to {path}: {error}").format(
                path=db_path or layer_path, error=error))
        return outputs

    def _report(self, feedback, results, seconds):
        counts = Counter(r.status for r in results)
        for result in results:
            if result.status == "ok":
                feedback.pushInfo(result.summary())
        needs = {}
        for result in results:
            for item in result.missing:
                needs.setdefault(item, []).append(result.code)
        for item, codes in sorted(needs.items(), key=lambda pair: -len(pair[1])):
            feedback.pushWarning(tr("Missing {item}: {codes}").format(item=item, codes=", ".join(codes)))
        for result in results:
            if result.status == "error":
                feedback.reportError(tr("{code}: {message}").format(code=result.code, message=result.message))
        feedback.pushInfo(tr("{ok} computed, {missing} missing inputs, {unavailable} unavailable, {error} errors "
                             "({seconds:.1f} s).").format(ok=counts.get("ok", 0), missing=counts.get("missing_input", 0),
                                                          unavailable=counts.get("unavailable", 0),
                                                          error=counts.get("error", 0), seconds=seconds))
