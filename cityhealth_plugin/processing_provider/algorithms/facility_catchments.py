"""cityhealth:facilitycatchments — residents served by each facility (nearest facility along the roads).

Parameters (public API, never rename): ROADS, FACILITIES, POPULATION, POPULATION_FIELD (empty = 1 per
feature), THRESHOLD (0 = no limit: every resident goes to the nearest facility), THRESHOLD_UNIT (0 metres,
1 minutes), MODE (0 walk, 1 drive), WALK_SPEED, WORK_CRS; OUTPUT (the facilities as points: SRC_FID, MC,
DEMAND_PTS, POP_SERVED, SHARE_PCT), ALLOCATION (optional: each resident feature as a point with FAC_FID,
COST and COST_UNIT; FAC_FID empty when no facility is within the threshold). Outputs SERVED, UNSERVED.
"""

import numpy as np
from qgis.core import QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

from ...core.i18n import tr
from ...core.network import NetworkError, assess_coverage, build_graph, catchments, demand_from_layer, facilities_from_layer
from ...qgis_bridge.layers import ReadCanceled
from .. import coverage_common as C
from ..base import CityHealthAlgorithm
from ..indicator_inputs import LayerInputs

FACILITY_FIELDS = (("SRC_FID", QVariant.LongLong), ("MC", QVariant.String), ("DEMAND_PTS", QVariant.Int),
                   ("POP_SERVED", QVariant.Double), ("SHARE_PCT", QVariant.Double))
ALLOCATION_FIELDS = (("SRC_FID", QVariant.LongLong), ("WEIGHT", QVariant.Double), ("FAC_FID", QVariant.LongLong),
                     ("COST", QVariant.Double), ("COST_UNIT", QVariant.String))
TYPE = "facilities"


class FacilityCatchmentsAlgorithm(CityHealthAlgorithm):
    NAME = "facilitycatchments"
    GROUP_ID = C.GROUP_ID
    OUTPUT = "OUTPUT"
    ALLOCATION = "ALLOCATION"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("Facility catchments (residents served)")

    def group(self):
        return tr("Walk coverage")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Allocates every resident (population point or grid cell) to the nearest facility along the road "
            "network and adds up the residents each facility serves — the catchment used to check school, "
            "clinic or market capacity. With a threshold only residents within it are allocated (the others are "
            "unserved); a threshold of 0 allocates everyone to the nearest facility. The result is the facility "
            "layer as points with the residents served and their share; optionally every resident feature with "
            "its facility and its distance (metres) or travel time (seconds)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(C.roads_parameter())
        self.addParameter(C.facilities_parameter())
        for parameter in C.population_parameters():
            self.addParameter(parameter)
        for parameter in C.threshold_parameters(0.0, zero_text=tr("Threshold (0 = no limit)")):
            self.addParameter(parameter)
        self.addParameter(C.crs_parameter())
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Facilities with residents served"),
                                                            QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(self.ALLOCATION, tr("Residents allocated"),
                                                            QgsProcessing.TypeVectorPoint, optional=True,
                                                            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("SERVED", tr("Residents served")))
        self.addOutput(QgsProcessingOutputNumber("UNSERVED", tr("Residents not served")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        for name, key in ((C.ROADS, "roads"), (C.FACILITIES, "facilities"), (C.POPULATION, "population")):
            self._inputs.take(self, parameters, context, name, key, required=True)
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        travel = C.Travel(self, parameters, context)
        cost = travel.cost(zero_is_unlimited=True)
        try:
            layers, work_crs = C.read_inputs(inputs, inputs.keys(), parameters, self, context, feedback)
        except ReadCanceled:
            return {}
        try:
            graph = build_graph(layers["roads"], travel.mode)
            for note in graph.notes:
                feedback.pushInfo(note)
            facilities = facilities_from_layer(layers["facilities"], TYPE)
            demand = demand_from_layer(layers["population"], C.population_field(self, parameters, context))
            result = assess_coverage(graph, {TYPE: facilities}, {TYPE: cost}, demand, buffer_radius={},
                                     progress=C.progress_callback(feedback, 5, 80))
            table = catchments(result, TYPE)
        except NetworkError as error:
            if feedback.isCanceled():
                return {}
            raise C.network_error(error) from None
        for note in result.notes:
            feedback.pushInfo(note)
        total = float(demand.weights.sum())
        served = float(table["population"].sum())
        sink, dest, fields = C.sink_or_fail(self, parameters, self.OUTPUT, context, FACILITY_FIELDS,
                                            QgsWkbTypes.Point, work_crs)
        points = C.point_of(layers["facilities"].geometries)
        share = table["population"].to_numpy() / total * 100 if total > 0 else np.full(len(table), np.nan)
        rows = zip(table["id"], table["label"], table["demand_points"], table["population"], share)
        C.write_features(sink, fields, points, rows)
        outputs = {self.OUTPUT: dest, "SERVED": served, "UNSERVED": total - served}
        alloc_sink, alloc_dest, alloc_fields = C.sink_or_fail(self, parameters, self.ALLOCATION, context,
                                                              ALLOCATION_FIELDS, QgsWkbTypes.Point, work_crs,
                                                              optional=True)
        if alloc_sink is not None:
            cov = result.types[TYPE]
            fac_fid = np.where(cov.demand_facility >= 0, facilities.ids[np.maximum(cov.demand_facility, 0)], -1)
            costs = np.where(np.isfinite(cov.demand_cost), cov.demand_cost, np.nan)
            rows = ([fid, w, f if f >= 0 else None, c, travel.cost_unit]
                    for fid, w, f, c in zip(demand.ids, demand.weights, fac_fid, costs))
            C.write_features(alloc_sink, alloc_fields, demand.points, rows, feedback=feedback)
            outputs[self.ALLOCATION] = alloc_dest
        feedback.pushInfo(tr("{served:,.0f} of {total:,.0f} residents served by {n} facilities ({reach}).").format(
            served=served, total=total, n=facilities.n_facilities, reach=travel.describe(cost)))
        return outputs
