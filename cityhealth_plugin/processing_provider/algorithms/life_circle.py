"""cityhealth:lifecircle — per resident feature: how many required service types are within reach.

Parameters (public API, never rename): ROADS, POPULATION, POPULATION_FIELD (empty = 1 per feature), one
optional layer per facility role named after the role id in upper case (FAC_COMMUNITY_HEALTH,
FAC_PRIMARY_SCHOOL, FAC_MIDDLE_SCHOOL, FAC_ELDERLY, FAC_CULTURE, FAC_SPORTS, FAC_MARKET … PARK_SQUARE:
every layer given is a required type), THRESHOLD (default 1000 m = 15 minutes), THRESHOLD_UNIT
(0 metres, 1 minutes), PER_TYPE (each type at its own GB 50180 distance instead), WALK_SPEED,
ADMIN_DISTRICT, ADMIN_SUBDISTRICT, URBAN_AREA (summary levels), WORK_CRS; OUTPUT (the resident
features with WEIGHT, N_WITHIN, N_REQUIRED, COMPLETE, MISSING), SUMMARY (table per level and zone:
share of residents with every type, and per type). Output RATE (% complete, whole area).
"""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.i18n import tr
from ...core.network import (NetworkError, assess_coverage, build_graph, demand_from_layer, facilities_from_layer,
                             life_circle)
from ...core.network.coverage import zone_sums
from ...core.network.indicator_method import type_label
from ...core.roles.registry import ROLES_BY_ID, facility_roles
from ...qgis_bridge.layers import ReadCanceled
from .. import coverage_common as C
from ..base import CityHealthAlgorithm
from ..indicator_inputs import LayerInputs, add_rows, fields_of, parameter_name

OUTPUT_FIELDS = (("SRC_FID", QVariant.LongLong), ("WEIGHT", QVariant.Double), ("N_WITHIN", QVariant.Int),
                 ("N_REQUIRED", QVariant.Int), ("COMPLETE", QVariant.Int), ("MISSING", QVariant.String))
SUMMARY_FIELDS = (("item", QVariant.String), ("item_label", QVariant.String), ("level", QVariant.String),
                  ("zone", QVariant.String), ("zone_name", QVariant.String), ("covered", QVariant.Double),
                  ("total", QVariant.Double), ("rate_pct", QVariant.Double), ("threshold", QVariant.Double),
                  ("threshold_unit", QVariant.String))
ZONE_KEYS = ("urban_area", "admin_district", "admin_subdistrict")
COMPLETE = "complete"


class LifeCircleAlgorithm(CityHealthAlgorithm):
    NAME = "lifecircle"
    GROUP_ID = C.GROUP_ID
    PER_TYPE = "PER_TYPE"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("15-minute life circle completeness")

    def group(self):
        return tr("Walk coverage")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "For every resident feature (population point or grid cell): how many of the required service types "
            "are within walking reach along the roads, whether all are (the 15-minute community life circle is "
            "complete) and which are missing. Every facility layer given is a required type. One threshold for "
            "all (default 1000 m, the 15-minute circle of GB 50180), or each type at its own life-circle distance "
            "(小学 500 m, 养老 300 m …). The summary gives the share of residents with a complete life circle, "
            "and each type's own coverage, for the whole area, the urban area, districts and sub-districts."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(C.roads_parameter())
        for parameter in C.population_parameters():
            self.addParameter(parameter)
        for role in facility_roles():
            self.addParameter(QgsProcessingParameterVectorLayer(
                parameter_name(role.id), role.display_name(),
                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon], optional=True))
        for parameter in C.threshold_parameters(1000.0, mode=False):
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterBoolean(
            self.PER_TYPE, tr("Each type at its own life-circle distance (GB 50180)"), defaultValue=False))
        for role_id in ZONE_KEYS:
            self.addParameter(QgsProcessingParameterVectorLayer(
                parameter_name(role_id), ROLES_BY_ID[role_id].display_name(), [QgsProcessing.TypeVectorPolygon],
                optional=True))
        self.addParameter(C.crs_parameter())
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Life circle per resident feature"),
                                                            QgsProcessing.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSink(self.SUMMARY, tr("Life-circle summary"),
                                                            QgsProcessing.TypeVector, optional=True,
                                                            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("RATE", tr("Residents with a complete life circle (%)")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        self._inputs.take(self, parameters, context, C.ROADS, "roads", required=True)
        self._inputs.take(self, parameters, context, C.POPULATION, "population", required=True)
        for role in facility_roles():
            self._inputs.take(self, parameters, context, parameter_name(role.id), role.id)
        for role_id in ZONE_KEYS:
            self._inputs.take(self, parameters, context, parameter_name(role_id), role_id)
        if not any(role.id in self._inputs for role in facility_roles()):
            self.fail(tr("Give at least one facility layer (each one is a required type)."))
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        travel = C.Travel(self, parameters, context, with_mode=False)
        cost = travel.cost()
        per_type = self.parameterAsBool(parameters, self.PER_TYPE, context)
        try:
            layers, work_crs = C.read_inputs(inputs, inputs.keys(), parameters, self, context, feedback)
        except ReadCanceled:
            return {}
        required = [role.id for role in facility_roles() if role.id in layers and len(layers[role.id])]
        if not required:
            self.fail(tr("The facility layers have no features."))
        thresholds = {name: (C.role_threshold(name, travel) or cost) if per_type else cost for name in required}
        levels = C.zone_levels(layers)
        try:
            graph = build_graph(layers["roads"])
            for note in graph.notes:
                feedback.pushInfo(note)
            facilities = {name: facilities_from_layer(layers[name], name) for name in required}
            demand = demand_from_layer(layers["population"], C.population_field(self, parameters, context))
            demand.zones = C.label_items(demand.points, levels)
            result = assess_coverage(graph, facilities, thresholds, demand, buffer_radius={},
                                     progress=C.progress_callback(feedback, 5, 80))
            frame = life_circle(result, required)
        except NetworkError as error:
            if feedback.isCanceled():
                return {}
            raise C.network_error(error) from None
        for note in result.notes:
            feedback.pushInfo(note)
        labels = [type_label(name) for name in required]
        missing = [", ".join(labels[i] for i in range(len(required)) if not (int(m) >> i) & 1)
                   for m in frame["mask"]]
        population = layers["population"]
        polygons = population.geometry_type == "polygon"
        sink, dest, fields = C.sink_or_fail(self, parameters, self.OUTPUT, context, OUTPUT_FIELDS,
                                            QgsWkbTypes.MultiPolygon if polygons else QgsWkbTypes.Point, work_crs)
        rows = zip(population.fids, demand.weights, frame["within"], frame["required"],
                   frame["complete"].astype(int), missing)
        C.write_features(sink, fields, population.geometries, rows, multi=polygons, feedback=feedback)
        weights = demand.weights
        total = float(weights.sum())
        rate = float((weights * frame["complete"].to_numpy()).sum()) / total * 100 if total > 0 else float("nan")
        outputs = {self.OUTPUT: dest, "RATE": rate}
        summary = self._summary(parameters, context, result, frame, required, thresholds, levels, travel)
        if summary is not None:
            outputs[self.SUMMARY] = summary
        feedback.pushInfo(tr("{rate:.1f} % of residents have every one of {n} types within reach.").format(
            rate=rate, n=len(required)))
        return outputs

    def _summary(self, parameters, context, result, frame, required, thresholds, levels, travel):
        fields = fields_of(SUMMARY_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.SUMMARY, context, fields, QgsWkbTypes.NoGeometry,
                                          QgsCoordinateReferenceSystem())
        if sink is None:
            return None
        weights = result.demand.weights
        items = [(COMPLETE, tr("complete life circle"), frame["complete"].to_numpy(), None)]
        items += [(name, type_label(name), np.isfinite(result.types[name].demand_cost), thresholds[name])
                  for name in required]
        rows = []
        for item, label, flags, threshold in items:
            for level, zone, covered, total in zone_sums(weights * flags, weights, result.demand.zones):
                name = tr("whole area") if level == "all" else C.zone_name(levels, level, zone)
                rows.append([item, label, "city" if level == "all" else level, "city" if zone == "all" else zone,
                             name, covered, total, covered / total * 100 if total > 0 else None,
                             threshold, "m" if threshold is not None else ""])
        add_rows(sink, fields, rows)
        return dest
