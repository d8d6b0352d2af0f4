"""cityhealth:networktopology — is the road layer fit for network analysis?

Parameters (public API, never rename): ROADS, MODE (0 walk, 1 drive), TOLERANCE (metres: line ends
closer than this are joined), MAX_DISTANCE (metres: points farther from every road are reported), POINTS
(optional layers of facilities, residents …), POPULATION (optional residents), WORK_CRS; EDGES (the routable
edges with COMPONENT, 0 = the largest, COMP_KM, LARGEST), DANGLES (dead ends), FAR_POINTS (LAYER, SRC_FID,
DIST_M), SUMMARY (item, value, note). Outputs N_COMPONENTS, N_DANGLES, LARGEST_SHARE (%), N_FAR.
"""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterMultipleLayers,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.i18n import tr
from ...core.network import NetworkError, build_graph, demand_from_layer, topology_report
from ...core.network.demand import representative_points
from ...qgis_bridge.layers import ReadCanceled, report_name, snapshot
from .. import coverage_common as C
from ..base import CityHealthAlgorithm
from ..indicator_inputs import LayerInput, LayerInputs, add_rows, fields_of

EDGE_FIELDS = (("EDGE", QVariant.LongLong), ("ROAD_FID", QVariant.LongLong), ("COMPONENT", QVariant.Int),
               ("COMP_KM", QVariant.Double), ("LARGEST", QVariant.Int), ("LEN_M", QVariant.Double))
DANGLE_FIELDS = (("NODE", QVariant.LongLong),)
FAR_FIELDS = (("LAYER", QVariant.String), ("SRC_FID", QVariant.LongLong), ("DIST_M", QVariant.Double))
SUMMARY_FIELDS = (("item", QVariant.String), ("value", QVariant.Double), ("note", QVariant.String))


class NetworkTopologyAlgorithm(CityHealthAlgorithm):
    NAME = "networktopology"
    GROUP_ID = C.GROUP_ID
    TOLERANCE = "TOLERANCE"
    MAX_DISTANCE = "MAX_DISTANCE"
    POINTS = "POINTS"
    EDGES = "EDGES"
    DANGLES = "DANGLES"
    FAR_POINTS = "FAR_POINTS"
    SUMMARY = "SUMMARY"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()
        self._point_keys = []

    def displayName(self):  # noqa: N802
        return tr("Road network topology check")

    def group(self):
        return tr("Walk coverage")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Checks whether a road layer can carry network analysis before coverage is computed: the roads are "
            "made routable as the coverage algorithms do (split at crossings on the same level, ends within the "
            "tolerance joined) and the result is reported — connected components ranked by road length (islands "
            "cut off from the main network make coverage look worse than it is), dead ends (dangles, often "
            "missing connections), and facilities or residents farther than the given distance from any usable "
            "road. Each finding is a layer to inspect on the map; the summary table lists the counts."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(C.roads_parameter())
        self.addParameter(QgsProcessingParameterEnum(C.MODE, tr("Travel mode"), options=[tr(m) for m in C.MODE_LABELS],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterDistance(self.TOLERANCE, tr("Snapping tolerance"), defaultValue=0.5,
                                                         parentParameterName=C.ROADS, minValue=0.0))
        self.addParameter(QgsProcessingParameterDistance(self.MAX_DISTANCE, tr("Report points farther from a road than"),
                                                         defaultValue=200.0, parentParameterName=C.ROADS,
                                                         minValue=0.0))
        self.addParameter(QgsProcessingParameterMultipleLayers(self.POINTS, tr("Facilities and other points to check"),
                                                               QgsProcessing.TypeVectorAnyGeometry, optional=True))
        self.addParameter(C.population_parameters(optional=True)[0])
        self.addParameter(C.crs_parameter())
        self.addParameter(QgsProcessingParameterFeatureSink(self.EDGES, tr("Routable edges by component"),
                                                            QgsProcessing.TypeVectorLine, optional=True,
                                                            createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.DANGLES, tr("Dead ends"), QgsProcessing.TypeVectorPoint,
                                                            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.FAR_POINTS, tr("Points far from the roads"),
                                                            QgsProcessing.TypeVectorPoint, optional=True,
                                                            createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.SUMMARY, tr("Topology summary"),
                                                            QgsProcessing.TypeVector))
        for name, text in (("N_COMPONENTS", tr("Connected components")), ("N_DANGLES", tr("Dead ends")),
                           ("LARGEST_SHARE", tr("Share of road length in the largest component (%)")),
                           ("N_FAR", tr("Points far from the roads"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        self._inputs.take(self, parameters, context, C.ROADS, "roads", required=True)
        self._inputs.take(self, parameters, context, C.POPULATION, "population")
        self._point_keys = []
        for index, layer in enumerate(self.parameterAsLayerList(parameters, self.POINTS, context)):
            if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
                self.fail(tr("Layer '{layer}' of POINTS is not a readable vector layer.").format(
                    layer=layer.name() if layer is not None else "?"))
            key = f"points{index}"
            self._inputs.items[key] = LayerInput(key, snapshot(layer), report_name(layer),
                                                 QgsCoordinateReferenceSystem(layer.crs()), None)
            self._point_keys.append(key)
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        mode = C.MODES[self.parameterAsEnum(parameters, C.MODE, context)]
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        try:
            layers, work_crs = C.read_inputs(inputs, inputs.keys(), parameters, self, context, feedback)
        except ReadCanceled:
            return {}
        points = {}
        for key in self._point_keys:
            layer = layers[key]
            points[layer.name or key] = (layer, representative_points(layer.geometries))
        if "population" in layers:
            layer = layers["population"]
            points[layer.name or tr("residents")] = (layer, demand_from_layer(layer, None).points)
        try:
            feedback.setProgressText(tr("Building the road network"))
            graph = build_graph(layers["roads"], mode, tolerance=tolerance)
            report = topology_report(graph, {name: pts for name, (_, pts) in points.items()}, max_distance)
        except NetworkError as error:
            raise C.network_error(error) from None
        except ValueError as error:
            raise QgsProcessingException(str(error)) from None
        for note in graph.notes:
            feedback.pushInfo(note)
        outputs = {"N_COMPONENTS": report.n_components, "N_DANGLES": int(len(report.dangles)),
                   "LARGEST_SHARE": report.largest_share * 100,
                   "N_FAR": int(sum(len(frame) for frame in report.far_points.values()))}
        self._write_edges(parameters, context, graph, report, layers["roads"], work_crs, outputs, feedback)
        sink, dest, fields = C.sink_or_fail(self, parameters, self.DANGLES, context, DANGLE_FIELDS, QgsWkbTypes.Point,
                                            work_crs, optional=True)
        if sink is not None:
            C.write_features(sink, fields, report.dangle_points, ([int(n)] for n in report.dangles))
            outputs[self.DANGLES] = dest
        sink, dest, fields = C.sink_or_fail(self, parameters, self.FAR_POINTS, context, FAR_FIELDS,
                                            QgsWkbTypes.Point, work_crs, optional=True)
        if sink is not None:
            for name, frame in report.far_points.items():
                layer, pts = points[name]
                index = frame["index"].to_numpy()
                rows = ([name, int(fid), d if np.isfinite(d) else None]
                        for fid, d in zip(np.asarray(layer.fids)[index], frame["distance_m"]))
                C.write_features(sink, fields, pts[index], rows)
            outputs[self.FAR_POINTS] = dest
        outputs[self.SUMMARY] = self._summary(parameters, context, graph, report, max_distance)
        feedback.pushInfo(tr("{components} components (largest: {share:.1f} % of the road length), {dangles} dead "
                             "ends, {far} points farther than {distance:g} m from a road.").format(
            components=report.n_components, share=report.largest_share * 100, dangles=len(report.dangles),
            far=outputs["N_FAR"], distance=max_distance))
        return outputs

    def _write_edges(self, parameters, context, graph, report, roads, work_crs, outputs, feedback):
        sink, dest, fields = C.sink_or_fail(self, parameters, self.EDGES, context, EDGE_FIELDS,
                                            QgsWkbTypes.LineString, work_crs, optional=True)
        if sink is None:
            return
        comp = report.edge_component
        comp_km = report.components.set_index("component")["length_m"].reindex(comp).to_numpy() / 1000.0
        road_fids = np.asarray(roads.fids)[graph.edge_feature]
        rows = zip(np.arange(graph.n_edges), road_fids, comp, comp_km, (comp == 0).astype(int), graph.edge_length)
        C.write_features(sink, fields, graph.edge_geom, rows, feedback=feedback)
        outputs[self.EDGES] = dest

    def _summary(self, parameters, context, graph, report, max_distance):
        fields = fields_of(SUMMARY_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.SUMMARY, context, fields, QgsWkbTypes.NoGeometry,
                                          QgsCoordinateReferenceSystem())
        if sink is None:
            self.fail(tr("The summary cannot be written to the chosen output."))
        rows = [
            ["edges", graph.n_edges, tr("routable edges after splitting at junctions")],
            ["nodes", graph.n_nodes, tr("junctions and ends")],
            ["length_km", float(graph.edge_length.sum()) / 1000.0, tr("usable road length")],
            ["components", report.n_components, tr("connected parts of the network")],
            ["largest_share_pct", report.largest_share * 100, tr("share of the length in the largest part")],
            ["dangles", len(report.dangles), tr("dead ends (nodes with one edge)")],
        ]
        for name, frame in report.far_points.items():
            rows.append([f"far:{name}", len(frame), tr("points of '{layer}' farther than {distance:g} m from a road")
                         .format(layer=name, distance=max_distance)])
        add_rows(sink, fields, rows)
        return dest
