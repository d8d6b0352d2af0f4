"""cityhealth:overlayarea — area of a land-use group inside a control line (e.g. 城乡建设用地 in 生态保护红线).

Parameters (public API, never rename): DLTB, CLIP (the control-line polygons), GROUP (land-use
group id, default chengxiang_jianshe), ADMIN_DISTRICT, ADMIN_SUBDISTRICT (optional), AREA_FIELD
(default TBDLMJ), AREA_UNIT (0 m², 1 hm², 2 km², 3 亩, 4 万亩), WORK_CRS (optional), OUTPUT (table
per unit: unit_type, unit_code, unit_name, area, unit), OVERLAP (the overlap polygons: SRC_FID,
DLBM, CZCSXM, SHARE, AREA_M2). Output AREA: the city value in AREA_UNIT.
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.i18n import tr
from ...core.landuse.codes import LandUseGroups
from ...qgis_bridge.layers import ReadCanceled
from ..base import CityHealthAlgorithm
from ..indicator_inputs import (
    AREA_UNITS,
    UNIT_FIELDS,
    UNIT_ROLES,
    LayerInputs,
    adhoc_indicator,
    add_rows,
    fields_of,
    geometry_of,
    parameter_name,
    plain,
    role_parameter,
    run_adhoc,
    unit_rows,
)

CLIP_KEY = "clip"
OUTPUT_FIELDS = UNIT_FIELDS + (("area", QVariant.Double), ("unit", QVariant.String))
OVERLAP_FIELDS = (("SRC_FID", QVariant.LongLong), ("DLBM", QVariant.String), ("CZCSXM", QVariant.String),
                  ("SHARE", QVariant.Double), ("AREA_M2", QVariant.Double))


class OverlayAreaAlgorithm(CityHealthAlgorithm):
    NAME = "overlayarea"
    GROUP_ID = "indicators"
    CLIP = "CLIP"
    GROUP_PARAM = "GROUP"
    AREA_FIELD = "AREA_FIELD"
    AREA_UNIT = "AREA_UNIT"
    WORK_CRS = "WORK_CRS"
    OUTPUT = "OUTPUT"
    OVERLAP = "OVERLAP"
    AREA = "AREA"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("Land-use area inside a control line")

    def group(self):
        return tr("Indicators")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Area of a land-use group of the 三调 patches (DLTB) inside control-line polygons — for example "
            "urban-rural construction land (chengxiang_jianshe) inside the ecological protection red line or the "
            "urban development boundary — for the city, each district and each sub-district. A patch partly "
            "inside counts TBDLMJ × the intersected share of its area; overlapping control polygons are merged "
            "first so that nothing counts twice. The overlap polygons are a second output, with the patch id, "
            "its codes, the share and the counted area (AREA_M2)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(role_parameter("dltb", optional=False))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.CLIP, tr("Control line (polygons, e.g. ecological protection red line)"),
            [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString(
            self.GROUP_PARAM, tr("Land-use group id"), defaultValue="chengxiang_jianshe"))
        for role_id in UNIT_ROLES:
            self.addParameter(role_parameter(role_id))
        self.addParameter(QgsProcessingParameterString(
            self.AREA_FIELD, tr("Area field (empty = ellipsoidal area)"), defaultValue="TBDLMJ", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_UNIT, tr("Area unit"), options=list(AREA_UNITS), defaultValue=2))
        self.addParameter(QgsProcessingParameterCrs(
            self.WORK_CRS, tr("Working CRS (projected, in metres; empty = from the land-use layer)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Areas per unit"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OVERLAP, tr("Overlap polygons"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.AREA, tr("Area inside the control line (city)")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        self._inputs.take(self, parameters, context, parameter_name("dltb"), "dltb", required=True)
        self._inputs.take(self, parameters, context, self.CLIP, CLIP_KEY, required=True)
        self._inputs.take_roles(self, parameters, context, UNIT_ROLES)
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        groups = LandUseGroups.default()
        gid = self.parameterAsString(parameters, self.GROUP_PARAM, context).strip()
        if gid not in groups:
            self.fail(tr("Unknown land-use group '{group}'; known: {known}.").format(
                group=gid, known=", ".join(groups.ids())))
        unit = AREA_UNITS[self.parameterAsEnum(parameters, self.AREA_UNIT, context)]
        area_field = self.parameterAsString(parameters, self.AREA_FIELD, context).strip()
        work_crs = inputs.working_crs(self.parameterAsCrs(parameters, self.WORK_CRS, context))
        try:
            layers = inputs.read(inputs.keys(), work_crs, feedback, context)
        except ReadCanceled:
            return {}
        params = {"layer": "dltb", "group": gid, "clip": CLIP_KEY}
        if area_field:
            params["area_field"] = area_field
        clip_name = inputs.items[CLIP_KEY].name
        indicator = adhoc_indicator("overlay", tr("{group} inside {clip}").format(group=groups[gid].zh, clip=clip_name),
                                    "", unit, "overlay_area", params)
        feedback.setProgressText(tr("Overlaying"))
        results, _engine = run_adhoc([indicator], layers, work_crs, feedback)
        if results is None:
            return {}
        result = results[0]
        fields = fields_of(OUTPUT_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            self.fail(tr("The table cannot be written to the chosen output."))
        add_rows(sink, fields, [[*row, unit] for row in unit_rows(result)])
        outputs = {self.OUTPUT: dest_id, self.AREA: plain(result.value)}
        overlap_id = self._write_overlap(parameters, context, result, work_crs)
        if overlap_id is not None:
            outputs[self.OVERLAP] = overlap_id
        feedback.pushInfo(result.summary())
        return outputs

    def _write_overlap(self, parameters, context, result, work_crs):
        fields = fields_of(OVERLAP_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OVERLAP, context, fields, QgsWkbTypes.MultiPolygon,
                                             work_crs)
        if sink is None:
            return None
        layer = next(iter(result.layers.values()), None)
        if layer is None:
            return dest_id
        frame = layer.attributes
        columns = [frame[name].to_numpy() if name in frame else [None] * len(frame) for name, _ in OVERLAP_FIELDS]
        for geometry, *values in zip(layer.geometries, *columns):
            feature = QgsFeature(fields)
            shape = geometry_of(geometry)
            shape.convertToMultiType()
            feature.setGeometry(shape)
            feature.setAttributes([plain(v) for v in values])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
