"""What the walk-coverage algorithms share: parameters, thresholds, zone labels and feature writers.

Not an algorithm (tests/architecture checks one ``*Algorithm`` per file in algorithms/). Layers are
snapshotted in ``prepareAlgorithm`` (main thread) and read in ``processAlgorithm``
(``indicator_inputs.LayerInputs``). Parameter names are a public API: never rename them.
"""

from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
)

from ..core.i18n import tr, tr_noop
from ..core.layer_data import LayerData
from ..core.network import NetworkError, WALK, DRIVE, label_by_polygons
from ..core.network.classes import WALK_SPEED_KMH, find_column
from ..core.network.thresholds import DEFAULT_THRESHOLDS
from ..core.roles.registry import ROLES_BY_ID
from .indicator_inputs import LayerInputs, fields_of, geometry_of, plain

GROUP_ID = "coverage"
GROUP = tr_noop("Walk coverage")
MODES = (WALK, DRIVE)
MODE_LABELS = (tr_noop("Walking (metres along walkable roads)"), tr_noop("Driving (minutes on road speeds, one-way streets)"))
UNITS = ("m", "min")
UNIT_LABELS = (tr_noop("metres"), tr_noop("minutes"))
DEFAULT_HALF_WIDTH = 100.0  # as the walk_coverage indicators (core/network/indicator_method.py)
INFINITE = float("inf")

ROADS = "ROADS"
FACILITIES = "FACILITIES"
POPULATION = "POPULATION"
POPULATION_FIELD = "POPULATION_FIELD"
THRESHOLD = "THRESHOLD"
THRESHOLD_UNIT = "THRESHOLD_UNIT"
MODE = "MODE"
WALK_SPEED = "WALK_SPEED"
HALF_WIDTH = "HALF_WIDTH"
WORK_CRS = "WORK_CRS"


# ---------------------------------------------------------------------------------------------- parameters
def roads_parameter():
    return QgsProcessingParameterVectorLayer(ROADS, tr("Roads (centre lines)"), [QgsProcessing.TypeVectorLine])


def facilities_parameter(name: str = FACILITIES, optional: bool = False, description: Optional[str] = None):
    return QgsProcessingParameterVectorLayer(
        name, description or tr("Facilities (points, or polygons reached at their boundary)"),
        [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon], optional=optional)


def population_parameters(optional: bool = False, field_default: str = "RKS"):
    return [
        QgsProcessingParameterVectorLayer(POPULATION, tr("Residents (population points or grid cells)"),
                                          [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
                                          optional=optional),
        QgsProcessingParameterField(POPULATION_FIELD, tr("Population field (empty = 1 per feature)"),
                                    defaultValue=field_default, parentLayerParameterName=POPULATION,
                                    type=QgsProcessingParameterField.Numeric, optional=True),
    ]


def threshold_parameters(default: float = 500.0, mode: bool = True, zero_text: Optional[str] = None):
    description = tr("Threshold") if zero_text is None else zero_text
    params = [
        QgsProcessingParameterNumber(THRESHOLD, description, QgsProcessingParameterNumber.Double,
                                     defaultValue=default, minValue=0.0),
        QgsProcessingParameterEnum(THRESHOLD_UNIT, tr("Threshold unit"), options=[tr(u) for u in UNIT_LABELS],
                                   defaultValue=0),
    ]
    if mode:
        params.append(QgsProcessingParameterEnum(MODE, tr("Travel mode"), options=[tr(m) for m in MODE_LABELS],
                                                 defaultValue=0))
    params.append(QgsProcessingParameterNumber(
        WALK_SPEED, tr("Walking speed (km/h; minutes → metres, and the access leg when driving)"),
        QgsProcessingParameterNumber.Double, defaultValue=WALK_SPEED_KMH, minValue=0.5, maxValue=20.0))
    return params


def half_width_parameter():
    return QgsProcessingParameterNumber(
        HALF_WIDTH, tr("Half-width of the service area (metres either side of a reached road)"),
        QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_HALF_WIDTH, minValue=0.1, maxValue=1000.0)


def crs_parameter():
    return QgsProcessingParameterCrs(WORK_CRS, tr("Working CRS (projected, in metres; empty = from the roads)"),
                                     optional=True)


# ---------------------------------------------------------------------------------------------- values
class Travel:
    """Mode, speed and the threshold of an algorithm run, in the graph's cost unit."""

    def __init__(self, algorithm, parameters, context, with_mode: bool = True):
        self.mode = MODES[algorithm.parameterAsEnum(parameters, MODE, context)] if with_mode else WALK
        self.unit = UNITS[algorithm.parameterAsEnum(parameters, THRESHOLD_UNIT, context)]
        self.speed = algorithm.parameterAsDouble(parameters, WALK_SPEED, context) or WALK_SPEED_KMH
        self.value = algorithm.parameterAsDouble(parameters, THRESHOLD, context)

    def cost(self, value: Optional[float] = None, unit: Optional[str] = None, zero_is_unlimited: bool = False) -> float:
        """Threshold in the graph's cost unit: metres walking, seconds driving."""
        value = self.value if value is None else value
        unit = unit or self.unit
        if value <= 0:
            if zero_is_unlimited:
                return INFINITE
            raise QgsProcessingException(tr("The threshold must be positive."))
        if self.mode == WALK:
            return value if unit == "m" else value * self.speed * 1000.0 / 60.0
        if unit == "m":
            raise QgsProcessingException(tr("A driving threshold is a travel time: choose minutes as the unit."))
        return value * 60.0

    def radius(self, cost: float) -> Optional[float]:
        """Straight-line radius of the buffer comparison (walking only: the same metres)."""
        return cost if self.mode == WALK and np.isfinite(cost) else None

    @property
    def cost_unit(self) -> str:
        return "m" if self.mode == WALK else "s"

    def describe(self, cost: float) -> str:
        if not np.isfinite(cost):
            return tr("no limit")
        if self.mode == WALK:
            return tr("{metres:g} m walk").format(metres=cost)
        return tr("{minutes:g}-minute drive").format(minutes=cost / 60.0)


def role_threshold(role_id: str, travel: Travel) -> Optional[float]:
    """The shipped default of a facility role in the run's mode (GB 50180 / TD/T 1063), or None."""
    default = DEFAULT_THRESHOLDS.get(role_id)
    if default is None or default.mode != travel.mode:
        return None
    return float(default.value)


def parse_thresholds(text: str) -> Dict[str, float]:
    """'fac_primary_school=500; 社区医院=1000' -> {name: value}."""
    out = {}
    for part in str(text or "").replace("；", ";").replace(",", ";").replace("，", ";").split(";"):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        try:
            if not sep:
                raise ValueError
            out[name.strip()] = float(value)
        except ValueError:
            raise QgsProcessingException(tr("Threshold '{part}' is not 'type=number'.").format(part=part.strip())) \
                from None
    return out


def population_field(algorithm, parameters, context) -> Optional[str]:
    text = algorithm.parameterAsString(parameters, POPULATION_FIELD, context)
    return text.strip() or None


def network_error(error: Exception) -> QgsProcessingException:
    """A core NetworkError (or ValueError) as the message the user sees."""
    return QgsProcessingException(str(error))


# ---------------------------------------------------------------------------------------------- zones
ZONE_ROLES = (("urban_area", "urban_area", None, None), ("district", "admin_district", "XZQDM", "XZQMC"),
              ("subdistrict", "admin_subdistrict", "JDDM", "JDMC"))


def _role_column(layer: LayerData, role_id: str, standard: str):
    spec = ROLES_BY_ID[role_id]
    names = (standard,)
    for f in spec.required + spec.optional:
        if f.standard == standard:
            names = (f.standard,) + tuple(f.aliases)
    return find_column(layer, names)


def zone_levels(layers: Dict[str, LayerData], zones: Optional[LayerData] = None,
                zone_field: Optional[str] = None) -> Dict[str, Tuple[np.ndarray, np.ndarray, Dict[str, str]]]:
    """{level: (polygons, codes, {code: name})} of the zone layers given (城区, districts, sub-districts, own zones)."""
    out = {}
    for level, role_id, code_field, name_field in ZONE_ROLES:
        layer = layers.get(role_id)
        if layer is None or not len(layer):
            continue
        if code_field is None:
            codes = np.full(len(layer), tr("urban area"), dtype=object)
            names = {tr("urban area"): tr("urban area")}
        else:
            column = _role_column(layer, role_id, code_field)
            if column is None:
                raise QgsProcessingException(tr("Layer '{layer}' has no {field} field (zone codes).").format(
                    layer=layer.name, field=code_field))
            codes = column.astype(str).to_numpy(dtype=object)
            name_column = _role_column(layer, role_id, name_field)
            labels = name_column.astype(str).to_numpy(dtype=object) if name_column is not None else codes
            names = dict(zip(codes.tolist(), labels.tolist()))
        out[level] = (np.asarray(layer.geometries, dtype=object), codes, names)
    if zones is not None and len(zones):
        column = zones.column(zone_field) if zone_field else None
        codes = (column.astype(str).to_numpy(dtype=object) if column is not None
                 else np.asarray(zones.fids).astype(str).astype(object))
        out["zone"] = (np.asarray(zones.geometries, dtype=object), codes, {c: c for c in codes.tolist()})
    return out


def label_items(geoms: np.ndarray, levels) -> Dict[str, np.ndarray]:
    """Zone code per item and level (None outside), by each item's representative point."""
    return {level: label_by_polygons(geoms, polygons, codes) for level, (polygons, codes, _) in levels.items()}


def zone_name(levels, level: str, zone) -> str:
    if level == "all":
        return tr("whole area")
    names = levels.get(level, (None, None, {}))[2]
    return str(names.get(zone, zone))


# ---------------------------------------------------------------------------------------------- writing
def write_features(sink, fields, geometries: Sequence, rows: Iterable[Sequence], multi: bool = False,
                   feedback=None) -> int:
    """Features from shapely geometries (None / empty: no geometry) and attribute rows."""
    count = 0
    for geometry, values in zip(geometries, rows):
        feature = QgsFeature(fields)
        shape = geometry_of(geometry) if geometry is not None else None
        if shape is not None and not shape.isNull():
            if multi:
                shape.convertToMultiType()
            feature.setGeometry(shape)
        feature.setAttributes([plain(v) for v in values])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
        count += 1
        if feedback is not None and count % 5000 == 0 and feedback.isCanceled():
            break
    return count


def sink_or_fail(algorithm, parameters, name, context, spec, wkb_type, crs, optional: bool = False):
    fields = fields_of(spec)
    sink, dest_id = algorithm.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    if sink is None and not optional:
        raise QgsProcessingException(tr("The output {name} cannot be written.").format(name=name))
    return sink, dest_id, fields


def point_of(geometries: np.ndarray) -> np.ndarray:
    """Points as they are; other geometries by a point on their surface (for point outputs)."""
    geometries = np.asarray(geometries, dtype=object)
    out = geometries.copy()
    ok = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    other = ok & (shapely.get_type_id(np.where(ok, geometries, shapely.Point())) != 0)
    if other.any():
        out[other] = shapely.point_on_surface(geometries[other])
    return out


def read_inputs(inputs: LayerInputs, keys: List[str], parameters, algorithm, context, feedback):
    """(layers, working CRS) — the CRS from WORK_CRS, else the roads' projected CRS."""
    work_crs = inputs.working_crs(algorithm.parameterAsCrs(parameters, WORK_CRS, context))
    return inputs.read(keys, work_crs, feedback, context), work_crs


def progress_callback(feedback, start: float = 0.0, span: float = 100.0):
    """A core progress(fraction, message) callback that also answers 'cancel?'."""
    def progress(fraction, message=""):
        feedback.setProgress(start + span * float(fraction))
        if message:
            feedback.setProgressText(message)
        return not feedback.isCanceled()
    return progress


__all__ = ["GROUP_ID", "GROUP", "Travel", "NetworkError", "role_threshold", "parse_thresholds", "zone_levels",
           "label_items", "zone_name", "write_features", "sink_or_fail", "point_of", "read_inputs",
           "progress_callback", "network_error"]
