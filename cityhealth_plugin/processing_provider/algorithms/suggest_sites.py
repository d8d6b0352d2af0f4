"""cityhealth:suggestsites — where to add facilities: greedy maximal coverage of the residents still uncovered.

Parameters (public API, never rename): ROADS, FACILITIES (existing facilities, optional: none = every
resident is uncovered), POPULATION, POPULATION_FIELD (empty = 1 per feature), THRESHOLD, THRESHOLD_UNIT
(0 metres, 1 minutes), MODE (0 walk, 1 drive), WALK_SPEED, N_SITES, CANDIDATES (optional points; none =
network junctions thinned to one per SPACING metres), SPACING (0 = threshold / 5 walking, 100 m
driving), TARGET_RATE (% of residents; 0 = none: stop once reached), WORK_CRS; OUTPUT (the proposed sites:
STEP, GAIN, COVERED, RATE_PCT, CAND_FID, NODE), TABLE (step 0 = today, then one row per site). Outputs
RATE_BEFORE, RATE_AFTER (%), SITES.
"""

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.i18n import tr
from ...core.network import (NetworkError, attach_points, build_graph, demand_from_layer, facilities_from_layer,
                             multi_source, point_costs, suggest_sites)
from ...qgis_bridge.layers import ReadCanceled
from .. import coverage_common as C
from ..base import CityHealthAlgorithm
from ..indicator_inputs import LayerInputs, add_rows, fields_of

SITE_FIELDS = (("STEP", QVariant.Int), ("GAIN", QVariant.Double), ("COVERED", QVariant.Double),
               ("RATE_PCT", QVariant.Double), ("CAND_FID", QVariant.LongLong), ("NODE", QVariant.LongLong))
TABLE_FIELDS = (("step", QVariant.Int), ("gain", QVariant.Double), ("covered", QVariant.Double),
                ("total", QVariant.Double), ("rate_pct", QVariant.Double), ("x", QVariant.Double),
                ("y", QVariant.Double))


class SuggestSitesAlgorithm(CityHealthAlgorithm):
    NAME = "suggestsites"
    GROUP_ID = C.GROUP_ID
    N_SITES = "N_SITES"
    CANDIDATES = "CANDIDATES"
    SPACING = "SPACING"
    TARGET_RATE = "TARGET_RATE"
    OUTPUT = "OUTPUT"
    TABLE = "TABLE"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("Suggest new facility sites")

    def group(self):
        return tr("Walk coverage")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Proposes sites for new facilities, one at a time, each covering the most residents that no existing "
            "facility reaches within the threshold along the roads (greedy maximal coverage). Candidates are "
            "the road junctions (one per grid cell of the spacing) or your own candidate points (vacant plots, "
            "planned sites). The result lists the sites in order of choice with the residents each adds and the "
            "coverage rate after it; step 0 of the table is today's rate. It stops after N sites or when the "
            "target rate is reached."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(C.roads_parameter())
        self.addParameter(C.facilities_parameter(optional=True, description=tr("Existing facilities")))
        for parameter in C.population_parameters():
            self.addParameter(parameter)
        for parameter in C.threshold_parameters(500.0):
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterNumber(self.N_SITES, tr("Number of sites"),
                                                       QgsProcessingParameterNumber.Integer, defaultValue=5,
                                                       minValue=1, maxValue=1000))
        self.addParameter(QgsProcessingParameterVectorLayer(self.CANDIDATES, tr("Candidate sites (points)"),
                                                            [QgsProcessing.TypeVectorPoint,
                                                             QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SPACING, tr("Junction spacing in metres (0 = automatic)"), QgsProcessingParameterNumber.Double,
            defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_RATE, tr("Stop at this coverage rate (%; 0 = no target)"), QgsProcessingParameterNumber.Double,
            defaultValue=0.0, minValue=0.0, maxValue=100.0))
        self.addParameter(C.crs_parameter())
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Proposed sites"),
                                                            QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(self.TABLE, tr("Coverage gain per step"),
                                                            QgsProcessing.TypeVector, optional=True,
                                                            createByDefault=True))
        for name, text in (("RATE_BEFORE", tr("Coverage before (%)")), ("RATE_AFTER", tr("Coverage after (%)")),
                           ("SITES", tr("Sites proposed"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        self._inputs.take(self, parameters, context, C.ROADS, "roads", required=True)
        self._inputs.take(self, parameters, context, C.POPULATION, "population", required=True)
        self._inputs.take(self, parameters, context, C.FACILITIES, "facilities")
        self._inputs.take(self, parameters, context, self.CANDIDATES, "candidates")
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        travel = C.Travel(self, parameters, context)
        cost = travel.cost()
        n_sites = self.parameterAsInt(parameters, self.N_SITES, context)
        spacing = self.parameterAsDouble(parameters, self.SPACING, context) or None
        target = self.parameterAsDouble(parameters, self.TARGET_RATE, context)
        try:
            layers, work_crs = C.read_inputs(inputs, inputs.keys(), parameters, self, context, feedback)
        except ReadCanceled:
            return {}
        try:
            feedback.setProgressText(tr("Building the road network"))
            graph = build_graph(layers["roads"], travel.mode)
            for note in graph.notes:
                feedback.pushInfo(note)
            demand = demand_from_layer(layers["population"], C.population_field(self, parameters, context))
            positions = attach_points(graph, demand.points)
            covered = np.zeros(len(demand.weights), dtype=bool)
            if "facilities" in layers and len(layers["facilities"]):
                facilities = facilities_from_layer(layers["facilities"])
                reach = multi_source(graph, attach_points(graph, facilities.points), limit=cost)
                covered = np.isfinite(point_costs(graph, reach, positions)[0])
            if feedback.isCanceled():
                return {}
            feedback.setProgress(30)
            feedback.setProgressText(tr("Choosing {n} sites").format(n=n_sites))
            candidates = None
            candidate_fids = None
            if "candidates" in layers:
                keep = ~shapely.is_missing(layers["candidates"].geometries)
                candidates = C.point_of(layers["candidates"].geometries[keep])
                candidate_fids = np.asarray(layers["candidates"].fids)[keep]
            result = suggest_sites(graph, positions, demand.weights, covered, cost, n_sites, candidates,
                                   target / 100.0 if target > 0 else None, spacing)
        except NetworkError as error:
            raise C.network_error(error) from None
        table = result.table
        total = float(demand.weights.sum())
        sink, dest, fields = C.sink_or_fail(self, parameters, self.OUTPUT, context, SITE_FIELDS, QgsWkbTypes.Point,
                                            work_crs)
        cand = table["candidate"].to_numpy()
        cand_fid = candidate_fids[cand] if candidate_fids is not None and len(cand) else np.full(len(cand), -1)
        rows = ([s, g, c, r * 100, f if f >= 0 else None, n if n >= 0 else None]
                for s, g, c, r, f, n in zip(table["step"], table["gain"], table["covered"], table["rate"], cand_fid,
                                            table["node"]))
        C.write_features(sink, fields, result.points, rows)
        before = result.rate_before * 100
        after = float(table["rate"].iloc[-1]) * 100 if len(table) else before
        outputs = {self.OUTPUT: dest, "RATE_BEFORE": before, "RATE_AFTER": after, "SITES": int(len(table))}
        fields_t = fields_of(TABLE_FIELDS)
        table_sink, table_dest = self.parameterAsSink(parameters, self.TABLE, context, fields_t,
                                                      QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem())
        if table_sink is not None:
            done = result.rate_before * total
            steps = [[0, 0.0, done, total, before, None, None]]
            steps += [[int(s), g, c, total, r * 100, x, y] for s, g, c, r, x, y in
                      zip(table["step"], table["gain"], table["covered"], table["rate"], table["x"], table["y"])]
            add_rows(table_sink, fields_t, steps)
            outputs[self.TABLE] = table_dest
        feedback.pushInfo(tr("{n} sites from {candidates:,} candidates: coverage {before:.1f} % → {after:.1f} % "
                             "({reach}).").format(n=len(table), candidates=result.candidates, before=before,
                                                   after=after, reach=travel.describe(cost)))
        return outputs
