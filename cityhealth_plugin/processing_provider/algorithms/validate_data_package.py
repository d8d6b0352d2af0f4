"""cityhealth:validatedatapackage — check the layers of a health check before computing.

Parameters (public API, never rename): one optional vector layer per role, named after the
role id in upper case (ADMIN_DISTRICT, DLTB, DLTB_BASE, ECO_REDLINE, FAC_PRIMARY_SCHOOL …,
generated from the role registry), WORK_CRS, OUTPUT (a table of findings); outputs ERRORS
and WARNINGS. The input layers are only read.
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.i18n import tr
from ...core.roles.recognition import field_mapping
from ...core.roles.registry import ROLES, role as registry_role
from ...core.validation import DEFAULT_WORK_CRS, ERROR, INFO, WARNING, ValidationInput, validate
from ...qgis_bridge.layers import (
    ReadCanceled,
    encoding_note,
    field_kinds,
    layer_info,
    read_layer,
    report_name,
    snapshot,
)
from ..base import CityHealthAlgorithm

MAX_FIDS = 5000
_TYPES = {
    "polygon": [QgsProcessing.TypeVectorPolygon],
    "line": [QgsProcessing.TypeVectorLine],
    "point": [QgsProcessing.TypeVectorPoint],
    "point_or_polygon": [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
}
REPORT_FIELDS = (
    ("severity", QVariant.String), ("layer", QVariant.String), ("layer_id", QVariant.String),
    ("role", QVariant.String), ("rule", QVariant.String), ("count", QVariant.Int), ("fids", QVariant.String),
    ("message", QVariant.String), ("fix", QVariant.String), ("action", QVariant.String),
)


def parameter_name(role_id: str) -> str:
    """The Processing parameter of a role (public API): the role id in upper case."""
    return role_id.upper()


def report_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in REPORT_FIELDS:
        fields.append(QgsField(name, kind))
    return fields


class ValidateDataPackageAlgorithm(CityHealthAlgorithm):
    NAME = "validatedatapackage"
    DISPLAY = "Validate data package"
    GROUP_ID = "data"
    GROUP = "Data package"
    HELP = ""  # see shortHelpString
    WORK_CRS = "WORK_CRS"
    OUTPUT = "OUTPUT"
    ERRORS = "ERRORS"
    WARNINGS = "WARNINGS"

    def __init__(self):
        super().__init__()
        self._inputs = {}

    # Literal tr() calls so that tools/i18n.py extracts these strings (same text as the attributes).
    def displayName(self):  # noqa: N802
        return tr("Validate data package")

    def group(self):
        return tr("Data package")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Checks the layers of a city health check before any indicator is computed: mandatory roles, "
            "coordinate reference systems, invalid and empty geometries, required fields and their types, "
            "三调 land-use codes (DLBM, CZCSXM and their combinations), TBDLMJ = TBMJ − KCMJ, text encoding, "
            "empty layers, extents that do not overlap, and duplicate identifiers. Give one layer per role; "
            "every role is optional except those the health check needs. The result is a table of findings "
            "with severity, rule, the affected feature ids and how to fix each problem. The input layers are "
            "never changed."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        for role in ROLES:
            self.addParameter(QgsProcessingParameterVectorLayer(
                parameter_name(role.id), role.display_name(), _TYPES[role.geometry], optional=True))
        # Optional so that scripts and qgis_process may leave it out (QGIS 3.22 does not apply the
        # default of a missing mandatory CRS parameter); the default applies then.
        self.addParameter(QgsProcessingParameterCrs(
            self.WORK_CRS, tr("Working CRS (projected, in metres)"), defaultValue=DEFAULT_WORK_CRS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Validation report"), QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(self.ERRORS, tr("Number of errors")))
        self.addOutput(QgsProcessingOutputNumber(self.WARNINGS, tr("Number of warnings")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Main thread: take thread-safe snapshots of the input layers."""
        self._inputs = {}
        work_crs = self._work_crs(parameters, context)
        if not work_crs.isValid() or work_crs.isGeographic():
            self.fail(tr("The working CRS must be a projected CRS in metres (e.g. EPSG:4548), not {crs}.").format(
                crs=work_crs.authid() or tr("an invalid CRS")))
        for role in ROLES:
            layer = self.parameterAsVectorLayer(parameters, parameter_name(role.id), context)
            if layer is None:
                continue
            if not layer.isValid():
                self.fail(tr("The layer given for '{role}' cannot be read.").format(role=role.display_name()))
            info = layer_info(layer)
            info.name = report_name(layer)
            self._inputs[role.id] = (info, snapshot(layer), encoding_note(layer), field_kinds(layer))
        return True

    def _work_crs(self, parameters, context):
        crs = self.parameterAsCrs(parameters, self.WORK_CRS, context)
        return crs if crs.isValid() else QgsCoordinateReferenceSystem(DEFAULT_WORK_CRS)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        work_crs = self._work_crs(parameters, context)
        steps = QgsProcessingMultiStepFeedback(len(self._inputs) + 1, feedback)
        package = {}
        for step, (role_id, (info, snap, note, kinds)) in enumerate(self._inputs.items()):
            if feedback.isCanceled():
                return {}
            steps.setCurrentStep(step)
            steps.setProgressText(tr("Reading '{layer}' ({role})").format(layer=info.name, role=role_id))
            try:
                data = read_layer(snap, target_crs=work_crs, feedback=steps, transform_context=context.transformContext())
            except ReadCanceled:
                return {}
            for note_text in data.notes:
                feedback.pushInfo(note_text)
            mapping = field_mapping(registry_role(role_id), list(data.attributes.columns))
            package[role_id] = ValidationInput(info=info, data=data, mapping=mapping, encoding_note=note,
                                               field_kinds=kinds)
        steps.setCurrentStep(len(self._inputs))
        steps.setProgressText(tr("Checking the layers"))
        findings = validate(package, work_crs.authid() or work_crs.toWkt(),
                            progress=lambda i, n, rid: steps.setProgress(100.0 * i / max(n, 1)),
                            is_canceled=feedback.isCanceled)
        if feedback.isCanceled():
            return {}

        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, report_fields(),
                                             QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            self.fail(tr("The validation report cannot be written to the chosen output."))
        fields = report_fields()
        for finding in findings:
            feature = QgsFeature(fields)
            feature.setAttributes([
                finding.severity, finding.layer, finding.layer_id, finding.role, finding.rule, int(finding.count),
                ",".join(str(fid) for fid in finding.fids[:MAX_FIDS]), finding.message, finding.fix, finding.action,
            ])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
            line = "[{}] {}".format(finding.severity, finding.message)
            if finding.severity == INFO:
                feedback.pushInfo(line)
            else:
                feedback.pushWarning(line)
        errors = sum(1 for f in findings if f.severity == ERROR)
        warnings = sum(1 for f in findings if f.severity == WARNING)
        feedback.pushInfo(tr("{errors} error(s), {warnings} warning(s).").format(errors=errors, warnings=warnings))
        self._inputs = {}
        return {self.OUTPUT: dest_id, self.ERRORS: errors, self.WARNINGS: warnings}

