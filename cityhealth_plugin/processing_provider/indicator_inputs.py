"""What the indicator algorithms share: role-layer parameters, reading them in the task, the
working CRS, the catalog, the statistics table and which indicators can be computed.

Not an algorithm (tests/architecture checks one ``*Algorithm`` per file in algorithms/).
Thread rule (qgis_bridge.layers): layers are snapshotted in ``prepareAlgorithm`` (main thread)
and read in ``processAlgorithm``.
"""

from dataclasses import dataclass
from datetime import date
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)
from qgis.PyQt.QtCore import QVariant

from ..core import geodesy
from ..core.catalog import params as P
from ..core.catalog.loader import load_catalog
from ..core.catalog.model import Catalog, Indicator
from ..core.catalog.validate import CatalogError
from ..core.i18n import tr
from ..core.indicators.registry import get_method
from ..core.layer_data import LayerData
from ..core.roles.registry import ROLES, ROLES_BY_ID
from ..qgis_bridge.layers import LayerSnapshot, ReadCanceled, crs_id, read_layer, report_name, snapshot

GEOMETRY_TYPES = {
    "polygon": [QgsProcessing.TypeVectorPolygon],
    "line": [QgsProcessing.TypeVectorLine],
    "point": [QgsProcessing.TypeVectorPoint],
    "point_or_polygon": [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
}
UNIT_ROLES = ("admin_district", "admin_subdistrict")
CRS_ROLES = ("dltb", "admin_district", "urban_area")
CGCS2000 = "EPSG:4490"


def parameter_name(role_id: str) -> str:
    """The Processing parameter of a role (public API, as in validatedatapackage): the role id upper-cased."""
    return role_id.upper()


def default_year() -> int:
    return date.today().year - 1


def role_parameter(role_id: str, optional: bool = True, description: Optional[str] = None):
    role = ROLES_BY_ID[role_id]
    return QgsProcessingParameterVectorLayer(parameter_name(role_id), description or role.display_name(),
                                             GEOMETRY_TYPES[role.geometry], optional=optional)


def all_role_parameters() -> List[QgsProcessingParameterVectorLayer]:
    return [role_parameter(role.id) for role in ROLES]


def fields_of(spec: Sequence[Tuple[str, int]]) -> QgsFields:
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


def plain(value):
    """A value QGIS can store in an attribute (None for NaN / missing)."""
    if value is None:
        return None
    if isinstance(value, (np.floating, float)):
        return None if not np.isfinite(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def add_rows(sink, fields: QgsFields, rows: Iterable[Sequence]) -> int:
    """Add attribute rows (no geometry) to a feature sink; returns the number added."""
    count = 0
    for values in rows:
        feature = QgsFeature(fields)
        feature.setAttributes([plain(v) for v in values])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
        count += 1
    return count


# --------------------------------------------------------------------------------------
# input layers
# --------------------------------------------------------------------------------------

@dataclass
class LayerInput:
    key: str  # role id or another engine key ('clip', 'zones')
    snapshot: LayerSnapshot
    name: str
    crs: QgsCoordinateReferenceSystem
    centre_lonlat: Optional[Tuple[float, float]]


class LayerInputs:
    """Snapshots of an algorithm's input layers (main thread), read later in the task."""

    def __init__(self):
        self.items: Dict[str, LayerInput] = {}

    def __contains__(self, key: str) -> bool:
        return key in self.items

    def keys(self) -> List[str]:
        return list(self.items)

    def take(self, algorithm, parameters, context, parameter: str, key: str, required: bool = False) -> bool:
        """Snapshot the layer of ``parameter`` under ``key``; False when none was given."""
        layer = algorithm.parameterAsVectorLayer(parameters, parameter, context)
        if layer is None:
            if required:
                raise QgsProcessingException(tr("Parameter {name}: a layer is needed.").format(name=parameter))
            return False
        if not layer.isValid():
            raise QgsProcessingException(tr("The layer given for {name} cannot be read.").format(name=parameter))
        self.items[key] = LayerInput(key, snapshot(layer), report_name(layer), QgsCoordinateReferenceSystem(layer.crs()),
                                     _centre_lonlat(layer, context))
        return True

    def take_roles(self, algorithm, parameters, context, roles: Iterable[str]) -> None:
        for role_id in roles:
            self.take(algorithm, parameters, context, parameter_name(role_id), role_id)

    def working_crs(self, explicit: Optional[QgsCoordinateReferenceSystem] = None) -> QgsCoordinateReferenceSystem:
        """The projected metric CRS of the computation: ``explicit`` when valid, else the first
        Gauss-Krüger / UTM CRS among DLTB, districts, urban area (and the other inputs), else the
        3-degree CGCS2000 Gauss-Krüger zone of the data's centre."""
        if explicit is not None and explicit.isValid():
            if explicit.isGeographic():
                raise QgsProcessingException(tr(
                    "The working CRS must be a projected CRS in metres (e.g. EPSG:4548), not {crs}.").format(
                    crs=explicit.authid() or explicit.description()))
            return explicit
        order = [k for k in CRS_ROLES if k in self.items] + [k for k in self.items if k not in CRS_ROLES]
        for key in order:
            crs = self.items[key].crs
            if crs.isValid() and not crs.isGeographic() and crs.authid():
                try:
                    if geodesy.crs_info(crs.authid()).kind == "tm":
                        return crs
                except geodesy.GeodesyError:
                    continue
        for key in order:
            centre = self.items[key].centre_lonlat
            if centre is not None:
                return QgsCoordinateReferenceSystem(geodesy.zone_for_longitude(centre[0]))
        return QgsCoordinateReferenceSystem("EPSG:4548")

    def read(self, keys: Iterable[str], work_crs: QgsCoordinateReferenceSystem, feedback, context,
             steps: Optional[QgsProcessingMultiStepFeedback] = None, first_step: int = 0) -> Dict[str, LayerData]:
        """{key: LayerData} reprojected into ``work_crs``; raises ReadCanceled."""
        out = {}
        for index, key in enumerate(k for k in keys if k in self.items):
            item = self.items[key]
            if feedback.isCanceled():
                raise ReadCanceled(tr("Canceled."))
            target = steps or feedback
            if steps is not None:
                steps.setCurrentStep(first_step + index)
            target.setProgressText(tr("Reading '{layer}' ({role})").format(layer=item.name, role=key))
            data = read_layer(item.snapshot, target_crs=work_crs, feedback=target,
                              transform_context=context.transformContext())
            data.name = item.name
            for note in data.notes:
                feedback.pushInfo(note)
            out[key] = data
        return out


def _centre_lonlat(layer, context) -> Optional[Tuple[float, float]]:
    extent = layer.extent()
    crs = layer.crs()
    if extent.isEmpty() or not crs.isValid():
        return None
    try:
        transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(CGCS2000),
                                           context.transformContext() if context else QgsProject.instance().transformContext())
        centre = transform.transform(extent.center())
    except Exception:  # noqa: BLE001 - QgsCsException: no centre, the default CRS applies
        return None
    return centre.x(), centre.y()


def work_crs_text(crs: QgsCoordinateReferenceSystem) -> str:
    return crs_id(crs)


# --------------------------------------------------------------------------------------
# catalog, statistics
# --------------------------------------------------------------------------------------

def load_catalog_checked(overrides: Sequence[str] = ()) -> Catalog:
    """The catalog with the city's override files; a bad file stops the algorithm with every
    problem listed by file and line (no traceback)."""
    try:
        return load_catalog(overrides=[o for o in overrides if o])
    except CatalogError as error:
        raise QgsProcessingException(str(error)) from None


def read_statistics(data: Optional[LayerData]):
    """The statistics table (code, year, unit_code, value …) from a layer read by read_layer."""
    if data is None:
        return None
    frame = data.attributes.copy()
    lower = {str(c).lower(): c for c in frame.columns}
    missing = [c for c in ("code", "year", "value") if c not in lower]
    if missing:
        raise QgsProcessingException(tr(
            "The statistics table '{table}' lacks column(s) {columns}; it needs code, year, unit_code, value "
            "(like the DEPT_STATS table of the data package).").format(table=data.name, columns=", ".join(missing)))
    return frame


def statistic_names(frame) -> Set[str]:
    """Codes and names present in a statistics table (for 'computable' checks)."""
    if frame is None or not len(frame):
        return set()
    lower = {str(c).lower(): c for c in frame.columns}
    names = set(frame[lower["code"]].astype(str).str.strip())
    if "name_zh" in lower:
        names |= set(frame[lower["name_zh"]].astype(str).str.strip())
    return names


# --------------------------------------------------------------------------------------
# what can be computed with the given inputs
# --------------------------------------------------------------------------------------

class Availability:
    """Which roles are given and which statistics exist; answers 'can this indicator be computed?'.

    ``statistics`` None: no statistics table at all; a set: the codes / names in it. A ``first_of``
    measure is available when one alternative is.
    """

    def __init__(self, catalog: Catalog, roles: Iterable[str], statistics: Optional[Set[str]] = None):
        self.catalog = catalog
        self.roles = set(roles)
        self.statistics = statistics
        self._memo: Dict[str, List[str]] = {}

    def _statistic(self, code: str) -> bool:
        if self.statistics is None:
            return False
        if code in self.statistics:
            return True
        definition = self.catalog.statistic(code)
        names = {definition.name_zh, *definition.aliases} if definition else set()
        indicator = self.catalog.get(code)
        if indicator is not None:
            names.add(indicator.name_zh)
        return bool(names & self.statistics)

    def _measure(self, spec, seen) -> List[str]:
        """What a measure lacks ([] when available)."""
        kind = P.measure_kind(spec)
        if kind == "first_of":
            options = [self._measure(option, seen) for option in spec["first_of"]]
            return [] if any(not o for o in options) else options[0]
        if kind == "statistic":
            return [] if self._statistic(spec["statistic"]) else [f"statistic:{spec['statistic']}"]
        if kind == "indicator":
            return [] if not self.missing(spec["indicator"], seen) else [f"indicator:{spec['indicator']}"]
        missing = []
        role = (spec.get("layer") or "dltb") if kind == "landuse" else spec[kind]
        for needed in (role, spec.get("within")):
            if needed and needed not in self.roles:
                missing.append(f"role:{needed}")
        return missing

    def missing(self, code: str, seen: Optional[Set[str]] = None) -> List[str]:
        """What indicator ``code`` lacks: ['method:walk_coverage'], ['role:eco_redline'], ['statistic:GDP'] …"""
        if code in self._memo:
            return self._memo[code]
        seen = set(seen or ()) | {code}
        indicator = self.catalog.get(code)
        if indicator is None:
            return [f"indicator:{code}"]
        lacks = self._lacks(indicator, seen)
        self._memo[code] = list(dict.fromkeys(lacks))
        return self._memo[code]

    def _lacks(self, indicator: Indicator, seen) -> List[str]:
        if get_method(indicator.method) is None:
            return [f"method:{indicator.method}"]
        method, params = indicator.method, indicator.params or {}
        try:
            if method in P.EXPRESSION_METHODS:
                _, inputs = P.canonical(method, params)
                return [item for spec in inputs.values() for item in self._measure(spec, seen)]
            if method in P.COVERAGE_METHODS:
                p = P.coverage_params(method, params)
                lacks = [f"role:{r}" for r in (p.get("facilities") or []) if r not in self.roles]
                needed = (["dltb"] if p.get("source_group") else []) + ([p["within"]] if p.get("within") else [])
                if method == "walk_coverage" and p.get("distance", "network") == "network":
                    needed.append("roads")
                lacks += [f"role:{r}" for r in needed if r not in self.roles]
                return lacks + self._measure(p["base"], seen)
            if method in P.STATISTIC_METHODS:
                code = P.statistic_code(indicator.code, params)
                return [] if self._statistic(code) else [f"statistic:{code}"]
        except P.ParamError as error:
            return [f"error:{error}"]
        return [f"role:{r}" for r in indicator.roles if r not in self.roles]

    def computable(self, code: str) -> bool:
        return not self.missing(code)

    def needed_roles(self, codes: Iterable[str]) -> List[str]:
        """Roles read by ``codes`` (and the indicators they read), whose method is installed, plus the unit roles."""
        from ..core.indicators.engine import dependency_order

        roles: List[str] = []
        for code in dependency_order(self.catalog, list(codes)):
            indicator = self.catalog[code]
            if get_method(indicator.method) is not None:
                roles += list(indicator.roles)
        return list(dict.fromkeys(roles + list(UNIT_ROLES)))


def parse_codes(text: str, catalog: Catalog, availability: Availability) -> Tuple[List[str], List[str]]:
    """(codes to compute, unknown codes) from 'A-11, C-04 …'; empty text: every computable indicator."""
    wanted = [part.strip() for part in str(text or "").replace("，", ",").replace(";", ",").split(",") if part.strip()]
    if not wanted:
        return [c for c in catalog.codes() if availability.computable(c)], []
    known = [c for c in dict.fromkeys(wanted) if c in catalog]
    unknown = [c for c in dict.fromkeys(wanted) if c not in catalog]
    return known, unknown


# --------------------------------------------------------------------------------------
# the method-family algorithms: one-off indicators run through the same engine
# --------------------------------------------------------------------------------------

AREA_UNITS = ("m²", "hm²", "km²", "亩", "万亩")


def adhoc_indicator(code: str, name_zh: str, name_en: str, unit: str, method: str, params: Dict,
                    per_unit: Tuple[str, ...] = ("district", "subdistrict")) -> Indicator:
    """An indicator record built by an algorithm (not from the catalog)."""
    return Indicator(code=code, level1="", level2="", name_zh=name_zh, name_en=name_en, unit=unit,
                     direction="positive", method=method, params=params, per_unit=per_unit, source_type="spatial",
                     origin="cityhealth:" + code)


def run_adhoc(indicators: Sequence[Indicator], layers: Dict[str, LayerData], work_crs, feedback):
    """Compute one-off indicators; a result that is not 'ok' stops the algorithm with its message."""
    from ..core.indicators.context import EngineContext
    from ..core.indicators.engine import compute

    catalog = Catalog({i.code: i for i in indicators}, {})
    engine = EngineContext(layers, None, 0, catalog, working_crs=work_crs_text(work_crs))
    results = compute(catalog, layers, None, 0, [i.code for i in indicators], context=engine,
                      is_canceled=feedback.isCanceled)
    if feedback.isCanceled():
        return None, engine
    for result in results:
        if result.status != "ok":
            raise QgsProcessingException(tr("{name}: {message}").format(name=result.name, message=result.message))
        for warning in (result.provenance.warnings if result.provenance else []):
            feedback.pushWarning(warning)
    return results, engine


UNIT_FIELDS = (("unit_type", QVariant.String), ("unit_code", QVariant.String), ("unit_name", QVariant.String))


def unit_rows(result):
    """(unit_type, unit_code, unit_name, value): the city row, then the districts and sub-districts."""
    yield "city", "city", "", result.value
    for row in result.per_unit.itertuples(index=False):
        yield row.unit_type, str(row.unit_code), row.unit_name, row.value


def geometry_of(shape):
    """A QgsGeometry from a shapely geometry (via WKB)."""
    import shapely
    from qgis.core import QgsGeometry

    geometry = QgsGeometry()
    if shape is not None and not shape.is_empty:
        geometry.fromWkb(shapely.to_wkb(shape))
    return geometry
