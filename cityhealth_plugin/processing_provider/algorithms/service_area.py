"""cityhealth:servicearea — network service area of a set of facilities (walking or driving).

Parameters (public API, never rename): ROADS (centre lines), FACILITIES (points, or polygons reached
at their boundary), THRESHOLD, THRESHOLD_UNIT (0 metres, 1 minutes), MODE (0 walk, 1 drive),
WALK_SPEED (km/h), HALF_WIDTH (metres of land either side of a reached road), WORK_CRS (optional),
OUTPUT (the service-area polygon: THRESHOLD, COST_UNIT, MODE, HALF_W_M, N_FAC, AREA_M2), LINES (the
reached parts of the roads: EDGE, ROAD_FID, FROM_M, TO_M, LEN_M, FULL). Outputs AREA_M2, REACHED_KM.
The polygon is the union of the reached road pieces (partial edges cut exactly) buffered by the
half-width — never a convex or concave hull.
"""

import numpy as np
import shapely
from qgis.core import QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

from ...core.i18n import tr
from ...core.network import (NetworkError, attach_points, build_graph, facilities_from_layer, multi_source,
                             reached_edges, reached_lines, service_area_polygon)
from ...qgis_bridge.layers import ReadCanceled
from .. import coverage_common as C
from ..base import CityHealthAlgorithm
from ..indicator_inputs import LayerInputs

POLYGON_FIELDS = (("THRESHOLD", QVariant.Double), ("COST_UNIT", QVariant.String), ("MODE", QVariant.String),
                  ("HALF_W_M", QVariant.Double), ("N_FAC", QVariant.Int), ("AREA_M2", QVariant.Double))
LINE_FIELDS = (("EDGE", QVariant.LongLong), ("ROAD_FID", QVariant.LongLong), ("FROM_M", QVariant.Double),
               ("TO_M", QVariant.Double), ("LEN_M", QVariant.Double), ("FULL", QVariant.Int))


class ServiceAreaAlgorithm(CityHealthAlgorithm):
    NAME = "servicearea"
    GROUP_ID = C.GROUP_ID
    OUTPUT = "OUTPUT"
    LINES = "LINES"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("Service area along the road network")

    def group(self):
        return tr("Walk coverage")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "The area reached from a set of facilities within a walking distance or a driving time along the "
            "road network. Facilities are placed on their nearest road (the straight access leg counts in the "
            "distance); polygon facilities such as parks are reached anywhere on their boundary. Walking uses "
            "the walkable roads (road class DJ, field BX), driving the drivable ones at their speeds (SD or the "
            "class speed) and respects one-way streets (DX). Partly reached roads are cut exactly where the "
            "threshold ends. The polygon is the reached road pieces buffered by the half-width and merged; the "
            "reached road pieces are a second output. Minutes become metres at the walking speed when walking."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(C.roads_parameter())
        self.addParameter(C.facilities_parameter())
        for parameter in C.threshold_parameters(500.0):
            self.addParameter(parameter)
        self.addParameter(C.half_width_parameter())
        self.addParameter(C.crs_parameter())
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Service area"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.LINES, tr("Reached roads"),
                                                            QgsProcessing.TypeVectorLine, optional=True,
                                                            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("AREA_M2", tr("Service area (m²)")))
        self.addOutput(QgsProcessingOutputNumber("REACHED_KM", tr("Length of reached roads (km)")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        self._inputs.take(self, parameters, context, C.ROADS, "roads", required=True)
        self._inputs.take(self, parameters, context, C.FACILITIES, "facilities", required=True)
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        travel = C.Travel(self, parameters, context)
        cost = travel.cost()
        half_width = self.parameterAsDouble(parameters, C.HALF_WIDTH, context)
        try:
            layers, work_crs = C.read_inputs(inputs, ["roads", "facilities"], parameters, self, context, feedback)
        except ReadCanceled:
            return {}
        try:
            feedback.setProgressText(tr("Building the road network"))
            graph = build_graph(layers["roads"], travel.mode)
            for note in graph.notes:
                feedback.pushInfo(note)
            facilities = facilities_from_layer(layers["facilities"])
            if feedback.isCanceled():
                return {}
            feedback.setProgressText(tr("Shortest paths from {n} facilities").format(n=facilities.n_facilities))
            positions = attach_points(graph, facilities.points)
            reached = reached_edges(graph, multi_source(graph, positions, limit=cost))
            feedback.setProgress(60)
            feedback.setProgressText(tr("Service-area polygon"))
            polygon = service_area_polygon(graph, reached, half_width)
            lines = reached_lines(graph, reached)
        except NetworkError as error:
            raise C.network_error(error) from None
        area = float(shapely.area(polygon))
        sink, dest, fields = C.sink_or_fail(self, parameters, self.OUTPUT, context, POLYGON_FIELDS,
                                            QgsWkbTypes.MultiPolygon, work_crs)
        C.write_features(sink, fields, [polygon], [[cost, travel.cost_unit, travel.mode, half_width,
                                                    facilities.n_facilities, area]], multi=True)
        outputs = {self.OUTPUT: dest, "AREA_M2": area, "REACHED_KM": float(np.sum(shapely.length(lines))) / 1000.0}
        line_sink, line_dest, line_fields = C.sink_or_fail(self, parameters, self.LINES, context, LINE_FIELDS,
                                                           QgsWkbTypes.LineString, work_crs, optional=True)
        if line_sink is not None:
            road_fids = np.asarray(layers["roads"].fids)[graph.edge_feature[reached.edge]]
            rows = zip(reached.edge, road_fids, reached.start, reached.end, reached.end - reached.start,
                       reached.full[reached.edge].astype(int))
            C.write_features(line_sink, line_fields, lines, rows, feedback=feedback)
            outputs[self.LINES] = line_dest
        feedback.pushInfo(tr("{n} facilities, {reach}: service area {area:,.0f} m², {km:,.2f} km of roads reached "
                             "(half-width {width:g} m).").format(n=facilities.n_facilities, reach=travel.describe(cost),
                                                                 area=area, km=outputs["REACHED_KM"], width=half_width))
        return outputs
