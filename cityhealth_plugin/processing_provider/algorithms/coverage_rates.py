"""cityhealth:coveragerates — coverage of residents and residential land by facility type, three ways.

Parameters (public API, never rename): ROADS; one optional layer per facility role named after the
role id in upper case (FAC_COMMUNITY_HEALTH, FAC_PRIMARY_SCHOOL … PARK_SQUARE), and/or FACILITIES with
TYPE_FIELD (one layer, a type per feature); THRESHOLDS ('type=value; …' in THRESHOLD_UNIT, overriding
the defaults), DEFAULT_THRESHOLD (types without a default), THRESHOLD_UNIT (0 metres, 1 minutes), MODE
(0 walk, 1 drive), WALK_SPEED; POPULATION, POPULATION_FIELD; RESIDENTIAL (polygons) with
RESIDENTIAL_CODES (DLBM codes kept when the layer has DLBM; default 0701); URBAN_AREA,
ADMIN_DISTRICT, ADMIN_SUBDISTRICT, ZONES with ZONE_FIELD (zone levels of the table); WITHIN_URBAN
(count only residents and land inside the urban area); HALF_WIDTH; WORK_CRS; OUTPUT (table: one row per
type, basis population/area, method network/buffer, level and zone, with its label, rate and the
buffer-minus-network gap); GAPS (residential land outside each type's network service area).
"""

import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsCoordinateReferenceSystem,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.i18n import tr
from ...core.layer_data import LayerData
from ...core.landuse.codes import normalise_codes
from ...core.network import (NetworkError, Residential, assess_coverage, build_graph, demand_from_layer,
                             facilities_from_layer, method_label, uncovered_residential)
from ...core.network.indicator_method import type_label
from ...core.roles.registry import ROLES_BY_ID, facility_roles
from ...qgis_bridge.layers import ReadCanceled
from .. import coverage_common as C
from ..base import CityHealthAlgorithm
from ..indicator_inputs import LayerInputs, add_rows, fields_of, parameter_name

TABLE_FIELDS = (("facility_type", QVariant.String), ("type_label", QVariant.String), ("basis", QVariant.String),
                ("method", QVariant.String), ("label", QVariant.String), ("level", QVariant.String),
                ("zone", QVariant.String), ("zone_name", QVariant.String), ("covered", QVariant.Double),
                ("total", QVariant.Double), ("total_unit", QVariant.String), ("rate_pct", QVariant.Double),
                ("gap_pct", QVariant.Double), ("threshold", QVariant.Double), ("threshold_unit", QVariant.String))
GAP_FIELDS = (("facility_type", QVariant.String), ("type_label", QVariant.String), ("SRC_FID", QVariant.LongLong),
              ("UNCOV_M2", QVariant.Double))
ZONE_KEYS = ("urban_area", "admin_district", "admin_subdistrict")


class CoverageRatesAlgorithm(CityHealthAlgorithm):
    NAME = "coveragerates"
    GROUP_ID = C.GROUP_ID
    TYPE_FIELD = "TYPE_FIELD"
    THRESHOLDS = "THRESHOLDS"
    DEFAULT_THRESHOLD = "DEFAULT_THRESHOLD"
    RESIDENTIAL = "RESIDENTIAL"
    RESIDENTIAL_CODES = "RESIDENTIAL_CODES"
    ZONES = "ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    WITHIN_URBAN = "WITHIN_URBAN"
    OUTPUT = "OUTPUT"
    GAPS = "GAPS"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("Coverage rates by facility type")

    def group(self):
        return tr("Walk coverage")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Coverage of residents and of residential land by each facility type, computed three ways and always "
            "labelled: residents whose distance along the roads (access legs included) is within the type's "
            "threshold; residential land inside the network service area (reached roads buffered by the "
            "half-width); and, for comparison, both within a straight-line radius of the same length, with the "
            "gap between radius and network. Give facilities as one layer per role (defaults: GB 50180 life "
            "circles — 小学 500 m, 中学 1000 m, 养老 300 m …) or as one layer with a type field; THRESHOLDS "
            "overrides ('fac_primary_school=500; 社区医院=800'). Rows per city, urban area, district, "
            "sub-district and your own zones. The gap map holds the residential land outside each type's "
            "service area."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(C.roads_parameter())
        for role in facility_roles():
            self.addParameter(QgsProcessingParameterVectorLayer(
                parameter_name(role.id), role.display_name(),
                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(C.facilities_parameter(optional=True, description=tr("Facilities of several types (one layer)")))
        self.addParameter(QgsProcessingParameterField(self.TYPE_FIELD, tr("Facility type field"),
                                                      parentLayerParameterName=C.FACILITIES, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.THRESHOLDS, tr("Thresholds per type (type=value; …, in the threshold unit)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DEFAULT_THRESHOLD, tr("Threshold of types without a default"), QgsProcessingParameterNumber.Double,
            defaultValue=1000.0, minValue=0.0))
        for parameter in C.threshold_parameters(1000.0)[1:]:
            self.addParameter(parameter)
        for parameter in C.population_parameters(optional=True):
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.RESIDENTIAL, tr("Residential land (polygons, e.g. the DLTB)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.RESIDENTIAL_CODES, tr("Land-use codes of residential land (DLBM; empty = every polygon)"),
            defaultValue="0701", optional=True))
        for role_id in ZONE_KEYS:
            self.addParameter(QgsProcessingParameterVectorLayer(
                parameter_name(role_id), ROLES_BY_ID[role_id].display_name(), [QgsProcessing.TypeVectorPolygon],
                optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.ZONES, tr("Other zones (polygons)"),
                                                            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(self.ZONE_FIELD, tr("Zone code field"),
                                                      parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.WITHIN_URBAN, tr("Count only residents and land inside the urban area"), defaultValue=False))
        self.addParameter(C.half_width_parameter())
        self.addParameter(C.crs_parameter())
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Coverage rates"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(self.GAPS, tr("Residential land not covered"),
                                                            QgsProcessing.TypeVectorPolygon, optional=True,
                                                            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("TYPES", tr("Facility types assessed")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        self._inputs.take(self, parameters, context, C.ROADS, "roads", required=True)
        for role in facility_roles():
            self._inputs.take(self, parameters, context, parameter_name(role.id), role.id)
        self._inputs.take(self, parameters, context, C.FACILITIES, "facilities")
        self._inputs.take(self, parameters, context, C.POPULATION, "population")
        self._inputs.take(self, parameters, context, self.RESIDENTIAL, "residential")
        for role_id in ZONE_KEYS:
            self._inputs.take(self, parameters, context, parameter_name(role_id), role_id)
        self._inputs.take(self, parameters, context, self.ZONES, "zones")
        if not any(k.startswith(("fac_", "park_")) or k == "facilities" for k in self._inputs.keys()):
            self.fail(tr("Give at least one facility layer."))
        if "population" not in self._inputs and "residential" not in self._inputs:
            self.fail(tr("Give residents (POPULATION) or residential land (RESIDENTIAL), or both."))
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        travel = C.Travel(self, parameters, context)
        try:
            layers, work_crs = C.read_inputs(inputs, inputs.keys(), parameters, self, context, feedback)
        except ReadCanceled:
            return {}
        layers = {k: v for k, v in layers.items()}
        facilities, thresholds = self._facilities(parameters, context, layers, travel, feedback)
        within_urban = self.parameterAsBool(parameters, self.WITHIN_URBAN, context)
        if within_urban and "urban_area" not in layers:
            self.fail(tr("Counting inside the urban area needs the URBAN_AREA layer."))
        levels = C.zone_levels(layers, layers.get("zones"), self.parameterAsString(parameters, self.ZONE_FIELD,
                                                                                   context) or None)
        urban = shapely.union_all(layers["urban_area"].geometries) if within_urban else None
        demand = self._demand(parameters, context, layers, levels, urban)
        residential, res_fids = self._residential(parameters, context, layers, levels, urban)
        half_width = self.parameterAsDouble(parameters, C.HALF_WIDTH, context)
        try:
            feedback.setProgressText(tr("Building the road network"))
            graph = build_graph(layers["roads"], travel.mode)
            for note in graph.notes:
                feedback.pushInfo(note)
            radius = {name: travel.radius(value) for name, value in thresholds.items()
                      if travel.radius(value) is not None}
            result = assess_coverage(graph, facilities, thresholds, demand, residential, half_width,
                                     buffer_radius=radius, progress=C.progress_callback(feedback, 5, 75))
        except NetworkError as error:
            if feedback.isCanceled():
                return {}
            raise C.network_error(error) from None
        for note in result.notes:
            feedback.pushInfo(note)
        outputs = {self.OUTPUT: self._write_table(parameters, context, result, levels, travel),
                   "TYPES": len(facilities)}
        if residential is not None:
            gaps = self._write_gaps(parameters, context, result, res_fids, work_crs, feedback)
            if gaps is not None:
                outputs[self.GAPS] = gaps
        return outputs

    # ----------------------------------------------------------------------------------------- inputs
    def _facilities(self, parameters, context, layers, travel, feedback):
        given = C.parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
        default = self.parameterAsDouble(parameters, self.DEFAULT_THRESHOLD, context)
        facilities, thresholds = {}, {}

        def threshold(name):
            if name in given:
                return travel.cost(given[name])
            own = C.role_threshold(name, travel)
            return own if own is not None else travel.cost(default)

        for role in facility_roles():
            layer = layers.get(role.id)
            if layer is None:
                continue
            if not len(layer):
                feedback.pushWarning(tr("Layer '{layer}' is empty: type '{type}' is left out.").format(
                    layer=layer.name, type=role.id))
                continue
            facilities[role.id] = facilities_from_layer(layer, role.id)
            thresholds[role.id] = threshold(role.id)
        mixed = layers.get("facilities")
        if mixed is not None and len(mixed):
            field = self.parameterAsString(parameters, self.TYPE_FIELD, context)
            if field:
                column = mixed.column(field)
                if column is None:
                    self.fail(tr("Layer '{layer}' has no field '{field}'.").format(layer=mixed.name, field=field))
                kinds = column.fillna("").astype(str).str.strip().to_numpy(dtype=object)
            else:
                kinds = np.full(len(mixed), "facilities", dtype=object)
            for kind in sorted(set(kinds.tolist())):
                if not kind:
                    feedback.pushWarning(tr("{n} facilities without a type are left out.").format(
                        n=int((kinds == "").sum())))
                    continue
                keep = kinds == kind
                subset = LayerData(mixed.name, mixed.geometries[keep], mixed.attributes[keep].reset_index(drop=True),
                                   np.asarray(mixed.fids)[keep], crs=mixed.crs, geometry_type=mixed.geometry_type)
                facilities[kind] = facilities_from_layer(subset, kind)
                thresholds[kind] = threshold(kind)
        unknown = [name for name in given if name not in facilities]
        if unknown:
            feedback.pushWarning(tr("Thresholds for types not given: {types}.").format(types=", ".join(unknown)))
        if not facilities:
            self.fail(tr("The facility layers have no features."))
        for name, value in thresholds.items():
            feedback.pushInfo(tr("{type}: {reach}").format(type=type_label(name), reach=travel.describe(value)))
        return facilities, thresholds

    def _demand(self, parameters, context, layers, levels, urban):
        layer = layers.get("population")
        if layer is None:
            return None
        try:
            demand = demand_from_layer(layer, C.population_field(self, parameters, context))
        except NetworkError as error:
            raise C.network_error(error) from None
        if urban is not None:
            inside = shapely.intersects(demand.points, urban)
            demand.weights = np.where(inside, demand.weights, 0.0)
        demand.zones = C.label_items(demand.points, levels)
        return demand

    def _residential(self, parameters, context, layers, levels, urban):
        layer = layers.get("residential")
        if layer is None:
            return None, None
        keep = ~(shapely.is_missing(layer.geometries) | shapely.is_empty(layer.geometries))
        codes = [c.strip() for c in self.parameterAsString(parameters, self.RESIDENTIAL_CODES, context)
                 .replace("，", ",").replace(";", ",").split(",") if c.strip()]
        dlbm = layer.column("DLBM")
        if codes and dlbm is not None:
            keep &= np.isin(normalise_codes(dlbm), normalise_codes(np.array(codes, dtype=object)))
        geoms = layer.geometries[keep]
        fids = np.asarray(layer.fids)[keep]
        if urban is not None:
            geoms = shapely.intersection(geoms, urban)
            inside = shapely.area(geoms) > 0
            geoms, fids = geoms[inside], fids[inside]
        if not len(geoms):
            raise QgsProcessingException(tr("No residential polygon is left (codes {codes}).").format(
                codes=", ".join(codes) or "-"))
        return Residential(geoms, C.label_items(geoms, levels), fids), fids

    # ----------------------------------------------------------------------------------------- outputs
    def _write_table(self, parameters, context, result, levels, travel):
        fields = fields_of(TABLE_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry,
                                          QgsCoordinateReferenceSystem())
        if sink is None:
            self.fail(tr("The coverage table cannot be written to the chosen output."))
        table = result.table
        gap = result.comparison()
        gaps = {(r.facility_type, r.basis, r.level, r.zone): r.gap for r in gap.itertuples(index=False)
                if "gap" in gap.columns}
        rows = []
        for r in table.itertuples(index=False):
            level = "city" if r.level == "all" else r.level
            zone = "city" if r.zone == "all" else r.zone
            gap_value = gaps.get((r.facility_type, r.basis, r.level, r.zone)) if r.method == "network" else None
            unit = "m²" if r.basis == "area" else tr("residents")
            threshold = r.threshold if r.cost_unit != "s" else r.threshold / 60.0
            threshold_unit = {"m": "m", "s": "min"}.get(r.cost_unit, r.cost_unit)
            rows.append([r.facility_type, type_label(r.facility_type), r.basis, r.method,
                         method_label(r.basis, r.method), level, zone,
                         C.zone_name(levels, r.level, r.zone) if level != "city" else tr("whole area"),
                         r.covered, r.total, unit, r.rate * 100 if np.isfinite(r.rate) else None,
                         gap_value * 100 if gap_value is not None and np.isfinite(gap_value) else None,
                         threshold, threshold_unit])
        add_rows(sink, fields, rows)
        return dest

    def _write_gaps(self, parameters, context, result, fids, work_crs, feedback):
        sink, dest, fields = C.sink_or_fail(self, parameters, self.GAPS, context, GAP_FIELDS,
                                            QgsWkbTypes.MultiPolygon, work_crs, optional=True)
        if sink is None:
            return None
        for name in result.types:
            if feedback.isCanceled():
                break
            feedback.setProgressText(tr("Gap map of {type}").format(type=type_label(name)))
            frame = uncovered_residential(result, name)
            rows = ([name, type_label(name), fid, area] for fid, area in zip(frame["id"], frame["uncovered_m2"]))
            C.write_features(sink, fields, frame["geometry"].to_numpy(), rows, multi=True, feedback=feedback)
        return dest

