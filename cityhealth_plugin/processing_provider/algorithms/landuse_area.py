"""cityhealth:landusearea — area of land-use groups (耕地, 林地, 城乡建设用地 …) per district and sub-district.

Parameters (public API, never rename): DLTB (land-use patches), ADMIN_DISTRICT, ADMIN_SUBDISTRICT
(optional unit layers), GROUPS (comma-separated group ids; empty = every group), AREA_FIELD
(default TBDLMJ; empty = ellipsoidal areas), AREA_UNIT (0 m², 1 hm², 2 km², 3 亩, 4 万亩),
WORK_CRS (optional), OUTPUT (table: group, group_name, unit_type, unit_code, unit_name, area, unit).
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
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
    parameter_name,
    role_parameter,
    run_adhoc,
    unit_rows,
)

OUTPUT_FIELDS = (("group", QVariant.String), ("group_name", QVariant.String)) + UNIT_FIELDS + (
    ("area", QVariant.Double), ("unit", QVariant.String))


def split_ids(text: str):
    return [part.strip() for part in str(text or "").replace("，", ",").split(",") if part.strip()]


class LandUseAreaAlgorithm(CityHealthAlgorithm):
    NAME = "landusearea"
    GROUP_ID = "indicators"
    GROUPS = "GROUPS"
    AREA_FIELD = "AREA_FIELD"
    AREA_UNIT = "AREA_UNIT"
    WORK_CRS = "WORK_CRS"
    OUTPUT = "OUTPUT"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("Land-use area by group")

    def group(self):
        return tr("Indicators")

    def shortHelpString(self):  # noqa: N802
        groups = LandUseGroups.default()
        listed = ", ".join(f"{gid} ({groups[gid].zh})" for gid in groups.ids())
        return tr(
            "Area of land-use groups of the 三调 patches (DLTB) for the whole city, each district and each "
            "sub-district, as a table. Areas are TBDLMJ (图斑地类面积) where present, else ellipsoidal areas on "
            "the CGCS2000 ellipsoid; a patch crossing a unit boundary is split by its area share. GROUPS lists "
            "group ids separated by commas; empty = every group. Groups: {groups}").format(groups=listed)

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(role_parameter("dltb", optional=False))
        for role_id in UNIT_ROLES:
            self.addParameter(role_parameter(role_id))
        self.addParameter(QgsProcessingParameterString(
            self.GROUPS, tr("Land-use groups (ids, comma-separated; empty = all)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.AREA_FIELD, tr("Area field (empty = ellipsoidal area)"), defaultValue="TBDLMJ", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_UNIT, tr("Area unit"), options=list(AREA_UNITS), defaultValue=2))
        self.addParameter(QgsProcessingParameterCrs(
            self.WORK_CRS, tr("Working CRS (projected, in metres; empty = from the land-use layer)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Land-use areas"), QgsProcessing.TypeVector))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        self._inputs.take(self, parameters, context, parameter_name("dltb"), "dltb", required=True)
        self._inputs.take_roles(self, parameters, context, UNIT_ROLES)
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        groups = LandUseGroups.default()
        wanted = split_ids(self.parameterAsString(parameters, self.GROUPS, context)) or list(groups.ids())
        unknown = [gid for gid in wanted if gid not in groups]
        if unknown:
            self.fail(tr("Unknown land-use group(s) {groups}; known: {known}.").format(
                groups=", ".join(unknown), known=", ".join(groups.ids())))
        unit = AREA_UNITS[self.parameterAsEnum(parameters, self.AREA_UNIT, context)]
        area_field = self.parameterAsString(parameters, self.AREA_FIELD, context).strip()
        work_crs = inputs.working_crs(self.parameterAsCrs(parameters, self.WORK_CRS, context))
        try:
            layers = inputs.read(inputs.keys(), work_crs, feedback, context)
        except ReadCanceled:
            return {}
        indicators = []
        for gid in wanted:
            params = {"group": gid}
            if area_field:
                params["area_field"] = area_field
            indicators.append(adhoc_indicator(gid, groups[gid].zh, groups[gid].en, unit, "landuse_area", params))
        feedback.setProgressText(tr("Computing the areas"))
        results, _engine = run_adhoc(indicators, layers, work_crs, feedback)
        if results is None:
            return {}
        fields = fields_of(OUTPUT_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            self.fail(tr("The table cannot be written to the chosen output."))
        rows = [[result.code, result.name, *row, unit] for result in results for row in unit_rows(result)]
        add_rows(sink, fields, rows)
        for result in results:
            feedback.pushInfo(result.summary())
        return {self.OUTPUT: dest_id}
