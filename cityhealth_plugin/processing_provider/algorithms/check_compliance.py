"""cityhealth:checkcompliance — the bottom-line (底线管控) checks on the 三调 land-use patches.

Parameters (public API, never rename): one optional vector layer per role the checks read,
named after the role id in upper case (DLTB, DLTB_BASE, FARMLAND_PROTECTION, ECO_REDLINE,
URBAN_BOUNDARY, HERITAGE_LINE, ADMIN_DISTRICT, as in validatedatapackage); CHECKS (enum,
several: 0 construction in the ecological red line, 1 permanent basic farmland not cultivated,
2 new construction outside the urban development boundary, 3 construction in the historic and
cultural protection line, 4 all new construction; empty = all five); YEAR, BASE_YEAR;
FARMLAND_CULTIVATED_ONLY, HERITAGE_NEW_ONLY, MIN_AREA (m²), CONSTRUCTION_GROUP (land-use group
id, default jianshe); WORK_CRS (optional; default the DLTB's Gauss-Krüger CRS); OUTPUT (the
violating parts: polygons with VIOLATION_FIELDS of core.compliance.storage), SUMMARY (count
and area per rule and district, XZQDM '*' = all districts), ASSESSMENT_DB (optional GeoPackage:
the violations, summary and check log of YEAR are stored there), XLSX (optional workbook).
Outputs VIOLATIONS, AREA_HM2, CHECKS_RUN, CHECKS_NOT_RUN. The input layers are only read.
"""

import time

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.compliance import CHECKS, ComplianceCanceled, ComplianceOptions, run_checks
from ...core.compliance import storage
from ...core.i18n import tr
from ...core.landuse.codes import LandUseGroups
from ...qgis_bridge.layers import ReadCanceled
from ..base import CityHealthAlgorithm
from ..indicator_inputs import LayerInputs, add_rows, default_year, fields_of, plain, role_parameter

CHECK_IDS = tuple(spec.id for spec in CHECKS)
ROLES = ("dltb", "dltb_base", "farmland_protection", "eco_redline", "urban_boundary", "heritage_line",
         "admin_district")
_KINDS = {"text": QVariant.String, "int": QVariant.LongLong, "real": QVariant.Double}


def violation_fields():
    return fields_of([(name, _KINDS[kind]) for name, kind in storage.VIOLATION_FIELDS])


def summary_fields():
    return fields_of([(name, _KINDS[kind]) for name, kind in storage.SUMMARY_FIELDS])


def check_options():
    """The CHECKS enum's labels, in CHECK_IDS order."""
    return [spec.title() for spec in CHECKS]


class CheckComplianceAlgorithm(CityHealthAlgorithm):
    NAME = "checkcompliance"
    GROUP_ID = "compliance"
    CHECKS_PARAM = "CHECKS"
    YEAR = "YEAR"
    BASE_YEAR = "BASE_YEAR"
    FARMLAND_CULTIVATED_ONLY = "FARMLAND_CULTIVATED_ONLY"
    HERITAGE_NEW_ONLY = "HERITAGE_NEW_ONLY"
    MIN_AREA = "MIN_AREA"
    CONSTRUCTION_GROUP = "CONSTRUCTION_GROUP"
    WORK_CRS = "WORK_CRS"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    ASSESSMENT_DB = "ASSESSMENT_DB"
    XLSX = "XLSX"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("Check bottom-line compliance")

    def group(self):
        return tr("Compliance")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Checks the current land-use survey patches (DLTB) against the bottom lines of the territorial "
            "spatial plan: construction land inside the ecological protection red line; permanent basic farmland "
            "occupied by construction or used as other non-cultivated land; new construction land since the base "
            "year outside the urban development boundary; construction land inside the historic and cultural "
            "protection line; all new construction land since the base year. Each violating part of a patch is "
            "one polygon with its rule, patch id (BSM), land class, district and official area: TBDLMJ × the "
            "share of the patch, else the ellipsoidal area on the CGCS2000 ellipsoid (area_basis says which). "
            "The summary gives the count and area per rule and district. A check whose layers are not given is "
            "skipped with a message naming the missing layer. 'Farmland designated as cultivated only' counts only "
            "permanent basic farmland polygons designated as 耕地 (可调整地类 excluded). The input layers are never "
            "changed."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        for role_id in ROLES:
            self.addParameter(role_parameter(role_id))
        self.addParameter(QgsProcessingParameterEnum(
            self.CHECKS_PARAM, tr("Checks (empty = all)"), options=check_options(), allowMultiple=True,
            defaultValue=list(range(len(CHECK_IDS))), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Assessment year"), QgsProcessingParameterNumber.Integer, defaultValue=default_year(),
            minValue=1990, maxValue=2100))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASE_YEAR, tr("Base year"), QgsProcessingParameterNumber.Integer, defaultValue=2020,
            minValue=1990, maxValue=2100))
        advanced = [
            QgsProcessingParameterBoolean(self.FARMLAND_CULTIVATED_ONLY,
                                          tr("Farmland designated as cultivated only (可调整地类 excluded)"),
                                          defaultValue=True),
            QgsProcessingParameterBoolean(self.HERITAGE_NEW_ONLY,
                                          tr("Historic and cultural protection line: only new construction"),
                                          defaultValue=False),
            QgsProcessingParameterNumber(self.MIN_AREA, tr("Ignore parts smaller than (m²)"),
                                         QgsProcessingParameterNumber.Double, defaultValue=1.0, minValue=0.0),
            QgsProcessingParameterString(self.CONSTRUCTION_GROUP, tr("Construction land group id"),
                                         defaultValue="jianshe"),
            QgsProcessingParameterCrs(self.WORK_CRS,
                                      tr("Working CRS (projected, in metres; empty = from the land-use layer)"),
                                      optional=True),
        ]
        self.add_advanced_parameters(advanced)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Violations"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SUMMARY, tr("Compliance summary"), QgsProcessing.TypeVector, optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.ASSESSMENT_DB, tr("Assessment database"), tr("GeoPackage (*.gpkg)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.XLSX, tr("Compliance workbook"), tr("Excel (*.xlsx)"), optional=True, createByDefault=False))
        for name, text in (("VIOLATIONS", tr("Violating parts")), ("AREA_HM2", tr("Violating area (hm²)")),
                           ("CHECKS_RUN", tr("Checks run")), ("CHECKS_NOT_RUN", tr("Checks not run"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Main thread: snapshots of the given layers."""
        self._inputs = LayerInputs()
        self._inputs.take_roles(self, parameters, context, ROLES)
        return True

    def _checks(self, parameters, context):
        chosen = self.parameterAsEnums(parameters, self.CHECKS_PARAM, context)
        indices = sorted(set(int(i) for i in chosen)) if chosen else list(range(len(CHECK_IDS)))
        return [CHECK_IDS[i] for i in indices if 0 <= i < len(CHECK_IDS)]

    def _options(self, parameters, context) -> ComplianceOptions:
        group = self.parameterAsString(parameters, self.CONSTRUCTION_GROUP, context).strip() or "jianshe"
        groups = LandUseGroups.default()
        if group not in groups:
            self.fail(tr("Unknown land-use group '{group}'; known: {known}.").format(
                group=group, known=", ".join(groups.ids())))
        return ComplianceOptions(
            construction_group=group,
            min_area_m2=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            heritage_new_only=self.parameterAsBool(parameters, self.HERITAGE_NEW_ONLY, context),
            farmland_designated_cultivated_only=self.parameterAsBool(parameters, self.FARMLAND_CULTIVATED_ONLY, context),
            base_year=self.parameterAsInt(parameters, self.BASE_YEAR, context),
            current_year=self.parameterAsInt(parameters, self.YEAR, context))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        started = time.perf_counter()
        inputs, self._inputs = self._inputs, LayerInputs()
        checks = self._checks(parameters, context)
        options = self._options(parameters, context)
        year = options.current_year
        work_crs = inputs.working_crs(self.parameterAsCrs(parameters, self.WORK_CRS, context))
        if not work_crs.authid():
            self.fail(tr("The working CRS needs an EPSG code (e.g. EPSG:4548)."))
        wanted = {role for spec in CHECKS if spec.id in checks for role in spec.required + spec.optional}
        keys = [key for key in inputs.keys() if key in wanted]
        steps = QgsProcessingMultiStepFeedback(len(keys) + 2, feedback)
        try:
            layers = inputs.read(keys, work_crs, feedback, context, steps, 0)
        except ReadCanceled:
            feedback.pushInfo(tr("Canceled: nothing was checked."))
            return {}
        steps.setCurrentStep(len(keys))
        steps.setProgressText(tr("Checking {n} rules").format(n=len(checks)))
        try:
            results = run_checks({role: layers.get(role) for role in ROLES}, options, checks=checks, feedback=steps)
        except ComplianceCanceled:
            feedback.pushInfo(tr("Canceled: nothing was written."))
            return {}
        ran = [r for r in results.values() if r.ran]
        self._report(feedback, results)
        if not ran:
            self.fail(tr("No check could run: {messages}").format(
                messages=" ".join(r.message for r in results.values())))
        steps.setCurrentStep(len(keys) + 1)
        steps.setProgressText(tr("Writing the violations"))
        layer = storage.violation_layer(results, year)
        summary = storage.summary_frame(layer.attributes, year, storage.ran_rules(results))
        outputs = {self.OUTPUT: self._write_violations(parameters, context, layer, work_crs, steps)}
        if feedback.isCanceled():
            return {}
        sink, summary_id = self.parameterAsSink(parameters, self.SUMMARY, context, summary_fields(),
                                                QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is not None:
            add_rows(sink, summary_fields(), summary[[n for n, _ in storage.SUMMARY_FIELDS]].itertuples(index=False))
            outputs[self.SUMMARY] = summary_id
        outputs.update(self._write_files(parameters, context, results, layer, summary, year))
        total = float(layer.attributes["area_m2"].sum()) / 10000.0 if len(layer) else 0.0
        outputs.update({"VIOLATIONS": len(layer), "AREA_HM2": total, "CHECKS_RUN": len(ran),
                        "CHECKS_NOT_RUN": len(results) - len(ran)})
        feedback.pushInfo(tr("{n} violating parts, {area:.2f} hm², from {checks} checks ({seconds:.1f} s).").format(
            n=len(layer), area=total, checks=len(ran), seconds=time.perf_counter() - started))
        return outputs

    @staticmethod
    def _report(feedback, results):
        for result in results.values():
            if result.ran:
                feedback.pushInfo(tr("{title}: {message}").format(title=result.title, message=result.message))
                for warning in result.warnings:
                    feedback.pushWarning(warning)
            else:
                feedback.pushWarning(tr("{title}: {message}").format(title=result.title, message=result.message))

    def _write_violations(self, parameters, context, layer, work_crs, feedback):
        fields = violation_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon,
                                             work_crs)
        if sink is None:
            self.fail(tr("The violations cannot be written to the chosen output."))
        names = [name for name, _ in storage.VIOLATION_FIELDS]
        columns = [layer.attributes[name].to_numpy(dtype=object) for name in names]
        wkbs = shapely.to_wkb(np.asarray(layer.geometries, dtype=object)) if len(layer) else []
        total = max(len(layer), 1)
        for index, wkb in enumerate(wkbs):  # the sink API takes features one by one
            if index % 2000 == 0:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * index / total)
            feature = QgsFeature(fields)
            geometry = QgsGeometry()
            if wkb is not None:
                geometry.fromWkb(wkb)
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([plain(column[index]) for column in columns])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id

    def _write_files(self, parameters, context, results, layer, summary, year):
        outputs = {}
        db_path = self.parameterAsFileOutput(parameters, self.ASSESSMENT_DB, context)
        xlsx_path = self.parameterAsFileOutput(parameters, self.XLSX, context)
        try:
            if db_path:
                storage.write_compliance(db_path, results, year)
                outputs[self.ASSESSMENT_DB] = db_path
            if xlsx_path:
                from ...core.exports.compliance_xlsx import write_compliance_xlsx

                breakdown = {r.title: r.tables["by_base_class"] for r in results.values()
                             if r.ran and "by_base_class" in r.tables}
                written = write_compliance_xlsx(xlsx_path, layer.attributes, summary,
                                                storage.checks_frame(results, year), breakdown,
                                                title=tr("Bottom-line compliance checks ({year})").format(year=year))
                outputs[self.XLSX] = str(written)
        except (OSError, ValueError) as error:
            self.fail(tr("The compliance results cannot be written to {path}: {error}").format(
                path=db_path or xlsx_path, error=error))
        return outputs
