"""cityhealth:zonaldensity — road-network, building or population density per zone.

Parameters (public API, never rename): ZONES (polygons), ZONE_ID, ZONE_NAME (fields; empty = the
feature id), MEASURE (0 road-network density km/km², 1 building coverage %, 2 floor-area ratio,
3 population density 人/km²), ROADS, BUILDINGS, POPULATION (the layer the measure needs), FILTER
(on that layer, e.g. ``DJ in (快速路, 主干路, 次干路, 支路)``), FLOORS_FIELD (default CS),
POPULATION_FIELD (default RKS), WITHIN (optional polygons, e.g. the urban area: only what lies
inside counts, numerator and area alike), WORK_CRS (optional), OUTPUT (the zones with zone_id,
zone_name, amount, amount_unit, area_km2, density, density_unit). Output CITY_DENSITY: all zones.
"""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.i18n import tr, tr_noop
from ...core.layer_data import LayerData
from ...qgis_bridge.layers import ReadCanceled
from ..base import CityHealthAlgorithm
from ..indicator_inputs import (
    LayerInputs,
    adhoc_indicator,
    fields_of,
    geometry_of,
    parameter_name,
    plain,
    role_parameter,
    run_adhoc,
)

ZONES_KEY = "admin_district"  # the zones play the district role inside the engine
WITHIN_KEY = "urban_area"
# (label, numerator role, numerator measure kind, amount unit, density unit)
MEASURES = (
    (tr_noop("Road-network density (km/km²)"), "roads", "length", "km", "km/km²"),
    (tr_noop("Building coverage (%)"), "buildings", "footprint", "m²", "%"),
    (tr_noop("Floor-area ratio"), "buildings", "floor_area", "m²", "比值"),
    (tr_noop("Population density (people/km²)"), "population", "sum", "人", "人/km²"),
)
OUTPUT_FIELDS = (("zone_id", QVariant.String), ("zone_name", QVariant.String), ("amount", QVariant.Double),
                 ("amount_unit", QVariant.String), ("area_km2", QVariant.Double), ("density", QVariant.Double),
                 ("density_unit", QVariant.String))


class ZonalDensityAlgorithm(CityHealthAlgorithm):
    NAME = "zonaldensity"
    GROUP_ID = "indicators"
    ZONES = "ZONES"
    ZONE_ID = "ZONE_ID"
    ZONE_NAME = "ZONE_NAME"
    MEASURE = "MEASURE"
    FILTER = "FILTER"
    FLOORS_FIELD = "FLOORS_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    WITHIN = "WITHIN"
    WORK_CRS = "WORK_CRS"
    OUTPUT = "OUTPUT"
    CITY_DENSITY = "CITY_DENSITY"

    def __init__(self):
        super().__init__()
        self._inputs = LayerInputs()

    def displayName(self):  # noqa: N802
        return tr("Density per zone")

    def group(self):
        return tr("Indicators")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Road-network density, building coverage, floor-area ratio or population density for each zone "
            "(districts, sub-districts, grid cells …). Lengths and areas are ellipsoidal (CGCS2000); a road or "
            "building crossing a zone boundary is split by its length or area share; a road lying on a boundary "
            "counts half on each side. With WITHIN (e.g. the urban area) only what lies inside it counts, in the "
            "numerator and in the zone area alike — zones = districts and WITHIN = urban area give the per-district "
            "values of the catalog's 城区道路网密度 (B-05). FILTER selects features of the measured layer."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.ZONES, tr("Zones"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_ID, tr("Zone id field (empty = feature id)"), parentLayerParameterName=self.ZONES,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_NAME, tr("Zone name field"), parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.MEASURE, tr("Measure"), options=[tr(m[0]) for m in MEASURES], defaultValue=0))
        for role_id in ("roads", "buildings", "population"):
            self.addParameter(role_parameter(role_id))
        self.addParameter(QgsProcessingParameterString(
            self.FILTER, tr("Filter on the measured layer (e.g. DJ in (主干路, 次干路))"), defaultValue="",
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.FLOORS_FIELD, tr("Floors field of the buildings"), defaultValue="CS", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.POPULATION_FIELD, tr("Residents field of the population layer"), defaultValue="RKS", optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.WITHIN, tr("Only inside (e.g. the urban area)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.WORK_CRS, tr("Working CRS (projected, in metres; empty = from the zones)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Density per zone"), QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.CITY_DENSITY, tr("Density over all zones")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inputs = LayerInputs()
        self._inputs.take(self, parameters, context, self.ZONES, ZONES_KEY, required=True)
        _label, role, *_rest = MEASURES[self.parameterAsEnum(parameters, self.MEASURE, context)]
        self._inputs.take(self, parameters, context, parameter_name(role), role, required=True)
        self._inputs.take(self, parameters, context, self.WITHIN, WITHIN_KEY)
        return True

    def _zones(self, data: LayerData, id_field: str, name_field: str) -> LayerData:
        frame = data.attributes
        if id_field and id_field not in frame:
            self.fail(tr("The zones have no field '{field}'.").format(field=id_field))
        codes = frame[id_field].astype(str).to_numpy(dtype=object) if id_field else data.fids.astype(str).astype(object)
        names = frame[name_field].fillna("").astype(str).to_numpy(dtype=object) if name_field and name_field in frame \
            else codes
        values, counts = np.unique(codes, return_counts=True)
        if (counts > 1).any():
            self.fail(tr("Zone ids must be unique; {field} repeats {ids}. Choose another id field or none.").format(
                field=id_field or "fid", ids=", ".join(map(str, values[counts > 1][:5]))))
        return LayerData(data.name, data.geometries, pd.DataFrame({"XZQDM": codes, "XZQMC": names}), data.fids,
                         data.crs, data.geometry_type, data.source, list(data.notes))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        inputs, self._inputs = self._inputs, LayerInputs()
        label, role, kind, amount_unit, density_unit = MEASURES[self.parameterAsEnum(parameters, self.MEASURE,
                                                                                     context)]
        work_crs = inputs.working_crs(self.parameterAsCrs(parameters, self.WORK_CRS, context))
        try:
            layers = inputs.read(inputs.keys(), work_crs, feedback, context)
        except ReadCanceled:
            return {}
        layers[ZONES_KEY] = self._zones(layers[ZONES_KEY], self.parameterAsString(parameters, self.ZONE_ID, context),
                                        self.parameterAsString(parameters, self.ZONE_NAME, context))
        within = WITHIN_KEY if WITHIN_KEY in layers else ZONES_KEY
        amount = {kind: role, "within": within}
        text = self.parameterAsString(parameters, self.FILTER, context).strip()
        if text:
            amount["filter"] = text
        if kind == "floor_area":
            amount["floors"] = self.parameterAsString(parameters, self.FLOORS_FIELD, context).strip() or "CS"
        if kind == "sum":
            amount["field"] = self.parameterAsString(parameters, self.POPULATION_FIELD, context).strip() or "RKS"
            amount["unit"] = "人"
        area = {"area": within, "dissolve": True}
        district = ("district",)
        indicators = [
            adhoc_indicator("amount", tr(label), "", amount_unit, "quantity", {"measure": amount}, district),
            adhoc_indicator("area", tr("Zone area"), "", "km²", "quantity", {"measure": area}, district),
            adhoc_indicator("density", tr(label), "", density_unit, "density",
                            {"numerator": amount, "denominator": area}, district),
        ]
        feedback.setProgressText(tr("Computing"))
        results, _engine = run_adhoc(indicators, layers, work_crs, feedback)
        if results is None:
            return {}
        dest_id = self._write(parameters, context, layers[ZONES_KEY], results, amount_unit, density_unit, work_crs)
        feedback.pushInfo(results[2].summary())
        return {self.OUTPUT: dest_id, self.CITY_DENSITY: plain(results[2].value)}

    def _write(self, parameters, context, zones: LayerData, results, amount_unit, density_unit, work_crs):
        fields = fields_of(OUTPUT_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon,
                                             work_crs)
        if sink is None:
            self.fail(tr("The zones cannot be written to the chosen output."))
        per_zone = [r.per_unit.set_index("unit_code")["value"] for r in results]
        codes = zones.attributes["XZQDM"].to_numpy(dtype=object)
        names = zones.attributes["XZQMC"].to_numpy(dtype=object)
        for geometry, code, name in zip(zones.geometries, codes, names):
            feature = QgsFeature(fields)
            shape = geometry_of(geometry)
            shape.convertToMultiType()
            feature.setGeometry(shape)
            amount, area, density = (series.get(code) for series in per_zone)
            feature.setAttributes([code, name, plain(amount), amount_unit, plain(area), plain(density), density_unit])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id
