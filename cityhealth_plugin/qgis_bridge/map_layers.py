"""The layers of one map of the map set: from role assignments and supplied results to styled
private layers.

Thread model. A ``QgsVectorLayer`` belongs to the thread that created it. The map set may be
rendered in a background task, so the inputs are described in the main thread by
``LayerHandle.from_layer`` (source, provider, CRS, encoding — and, for memory layers, a
feature-source snapshot) and opened again as *private* layers in the rendering thread by
``LayerHandle.open()``. The user's layers are never styled or changed: every map draws its
own copies, styled by the catalogue's recipe.

How another part of the health check hands its results to the map set (public API):

* programmatically: ``MapSetInputs(roles={role_id: layer}, results={result_id: value})``
  where a value is a ``QgsVectorLayer``, a ``core.layer_data.LayerData`` or, for district
  tables, a ``core.mapset.DistrictValues``. Result ids: ``compliance_violations``,
  ``service_area:<facility role>``, ``uncovered:<facility role>``, ``life_circle``,
  ``satisfaction``, ``indicator:<code>``. A layer given as ``service_area`` or ``uncovered``
  with a ``facility`` field is split per facility type; a table given as ``indicator`` with
  ``code`` / ``name`` / ``unit`` / ``XZQDM`` / ``value`` columns is split per indicator.
* in a project: ``tag_result_layer(layer, "compliance_violations")`` on a layer added to the
  project; ``project_results()`` finds tagged layers (the Map set panel uses it).
"""

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
    QgsVectorLayerSimpleLabeling,
    QgsVectorLayerUtils,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor, QFont

from ..core.i18n import tr
from ..core.layer_data import LayerData
from ..core.mapset.catalog import Catalogue, LayerSpec, pick
from ..core.mapset.text import class_breaks, class_labels
from ..core.mapset.values import DistrictValues, split_indicator_table
from ..core.roles.recognition import field_mapping
from ..core.roles.registry import ROLES_BY_ID
from .layers import geometry_kind
from .styles import apply_role_style, cjk_font_family

RESULT_PROPERTY = "cityhealth/result"  # custom property naming the result a project layer holds
COMPLIANCE_YEAR_PROPERTY = "cityhealth/compliance_year"  # set by the Compliance panel on its violation layers
VALUES_NAME_PROPERTY = "cityhealth/indicator_name"
VALUES_UNIT_PROPERTY = "cityhealth/indicator_unit"
SPLIT_FIELDS = {"service_area": "facility", "uncovered": "facility"}
NO_DATA_FILL = "#d9d9d9"
AUTO_PALETTE = ("#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf", "#999999")

Input = Union["LayerHandle", QgsVectorLayer, LayerData, DistrictValues]


# --------------------------------------------------------------------------------------
# handles: a layer described in the main thread, opened again in the rendering thread
# --------------------------------------------------------------------------------------

@dataclass
class LayerHandle:
    """How to open a private copy of a layer in any thread."""

    name: str
    source: str = ""
    provider: str = ""
    crs: Optional[QgsCoordinateReferenceSystem] = None
    geometry: str = "none"
    feature_count: int = -1
    field_names: Tuple[str, ...] = ()
    encoding: str = ""
    snapshot: Optional[QgsVectorLayerFeatureSource] = None  # memory (and other unreopenable) layers
    wkb_type: int = 0
    fields: object = None  # QgsFields
    data: Optional[LayerData] = None  # a core result: built into a memory layer
    filter_field: str = ""  # keep only features whose filter_field equals filter_value
    filter_value: str = ""
    layer_id: str = ""

    @classmethod
    def from_layer(cls, layer: QgsVectorLayer, filter_field: str = "", filter_value: str = "") -> "LayerHandle":
        """Describe ``layer`` (call in the layer's thread, normally the main thread)."""
        provider = layer.providerType()
        reopenable = provider not in ("memory", "virtual") and bool(layer.source()) and not filter_field
        count = layer.featureCount()
        return cls(
            name=layer.name(), source=layer.source(), provider=provider,
            crs=QgsCoordinateReferenceSystem(layer.crs()), geometry=geometry_kind(layer.wkbType()),
            feature_count=int(count) if count is not None else -1,
            field_names=tuple(layer.fields().names()),
            encoding=layer.dataProvider().encoding() if layer.dataProvider() is not None else "",
            snapshot=None if reopenable else QgsVectorLayerFeatureSource(layer),
            wkb_type=int(layer.wkbType()), fields=type(layer.fields())(layer.fields()),
            filter_field=filter_field, filter_value=filter_value, layer_id=layer.id())

    @classmethod
    def from_data(cls, data: LayerData, name: Optional[str] = None) -> "LayerHandle":
        return cls(name=name or data.name, crs=QgsCoordinateReferenceSystem(data.crs) if data.crs else None,
                   geometry=data.geometry_type, feature_count=len(data),
                   field_names=tuple(str(c) for c in data.attributes.columns), data=data)

    def open(self) -> QgsVectorLayer:
        """A private layer with the features of the described layer (in the calling thread)."""
        if self.data is not None:
            return memory_layer_from_data(self.data, self.name)
        if self.snapshot is None:
            layer = QgsVectorLayer(self.source, self.name, self.provider)
            if layer.isValid():
                if self.encoding and self.provider == "ogr":
                    layer.setProviderEncoding(self.encoding)
                if self.crs is not None and self.crs.isValid() and layer.crs() != self.crs:
                    layer.setCrs(self.crs)
                return layer
            raise ValueError(tr("The layer '{layer}' cannot be opened again from {source}.").format(
                layer=self.name, source=self.source))
        return self._materialise()

    def _materialise(self) -> QgsVectorLayer:
        geometry = QgsWkbTypes.displayString(self.wkb_type) if self.geometry != "none" else "None"
        layer = QgsVectorLayer(f"{geometry}?crs={self.crs.authid() if self.crs else ''}", self.name, "memory")
        if self.crs is not None and self.crs.isValid() and not self.crs.authid():
            layer.setCrs(self.crs)
        provider = layer.dataProvider()
        provider.addAttributes(self.fields.toList())
        layer.updateFields()
        request = QgsFeatureRequest()
        if self.filter_field:
            request.setFilterExpression('"{}" = \'{}\''.format(self.filter_field.replace('"', '""'),
                                                               str(self.filter_value).replace("'", "''")))
        batch: List[QgsFeature] = []
        for feature in self.snapshot.getFeatures(request):
            batch.append(QgsFeature(feature))
            if len(batch) >= 5000:
                provider.addFeatures(batch)
                batch = []
        if batch:
            provider.addFeatures(batch)
        layer.updateExtents()
        return layer


def _qvariant_type(series: pd.Series):
    if pd.api.types.is_bool_dtype(series):
        return QVariant.Int, "integer"
    if pd.api.types.is_integer_dtype(series):
        return QVariant.LongLong, "integer64"
    if pd.api.types.is_float_dtype(series):
        return QVariant.Double, "double"
    return QVariant.String, "string"


def memory_layer_from_data(data: LayerData, name: Optional[str] = None) -> QgsVectorLayer:
    """A memory layer holding a core ``LayerData`` (NaN → NULL)."""
    kind = {"point": "MultiPoint", "line": "MultiLineString", "polygon": "MultiPolygon"}.get(data.geometry_type,
                                                                                               "None")
    uri = kind + (f"?crs={data.crs}" if data.crs and data.crs.upper().startswith("EPSG:") else "")
    layer = QgsVectorLayer(uri, name or data.name, "memory")
    if data.crs and not data.crs.upper().startswith("EPSG:"):
        layer.setCrs(QgsCoordinateReferenceSystem.fromWkt(data.crs))
    provider = layer.dataProvider()
    frame = data.attributes
    columns = [str(c) for c in frame.columns]
    kinds = [_qvariant_type(frame[c]) for c in frame.columns]
    provider.addAttributes([QgsField(c, k[0], k[1]) for c, k in zip(columns, kinds)])
    layer.updateFields()
    geometries = np.asarray(data.geometries, dtype=object)
    if kind != "None" and len(geometries):
        present = ~shapely.is_missing(geometries)
        multi = geometries.copy()
        if present.any():
            single = present & np.isin(shapely.get_type_id(geometries), (0, 1, 3))
            if single.any():
                multi[single] = [shapely.multipoints([g]) if t == 0 else shapely.multilinestrings([g]) if t == 1
                                 else shapely.multipolygons([g])
                                 for g, t in zip(geometries[single], shapely.get_type_id(geometries[single]))]
        wkbs = shapely.to_wkb(multi)
    else:
        wkbs = [None] * len(frame)
    values = []
    for column, (variant, _name) in zip(frame.columns, kinds):
        series = frame[column]
        if variant == QVariant.Double:
            values.append([None if v is None or not np.isfinite(v) else float(v) for v in series.to_numpy(float)])
        elif variant in (QVariant.LongLong, QVariant.Int):
            values.append([int(v) for v in series.to_numpy()])
        else:
            values.append([None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
                           for v in series.to_numpy(dtype=object)])
    rows = list(zip(*values)) if values else [()] * len(frame)
    features = []
    fields = layer.fields()
    for wkb, row in zip(wkbs, rows):
        feature = QgsFeature(fields)
        if wkb is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            feature.setGeometry(geometry)
        feature.setAttributes(list(row))
        features.append(feature)
        if len(features) >= 5000:
            provider.addFeatures(features)
            features = []
    if features:
        provider.addFeatures(features)
    layer.updateExtents()
    return layer


# --------------------------------------------------------------------------------------
# inputs of a map set
# --------------------------------------------------------------------------------------

@dataclass
class MapSetInputs:
    """What the map set draws: role layers and supplied results (see the module docstring)."""

    roles: Dict[str, Input] = field(default_factory=dict)
    results: Dict[str, Input] = field(default_factory=dict)

    def prepared(self) -> "MapSetInputs":
        """A copy where every layer is a ``LayerHandle`` and split results are split (main thread)."""
        roles = {role_id: _handle(value) for role_id, value in self.roles.items() if value is not None}
        results: Dict[str, Input] = {}
        for result_id, value in self.results.items():
            if value is None:
                continue
            if isinstance(value, QgsVectorLayer) and result_id in SPLIT_FIELDS:
                results.update(_split_layer(value, result_id))
            elif isinstance(value, QgsVectorLayer) and (result_id in ("indicator", "satisfaction")
                                                        or result_id.startswith("indicator:")):
                results.update(_values_from_layer(value, result_id))
            elif isinstance(value, LayerData) and result_id in SPLIT_FIELDS:
                results.update(_split_data(value, result_id))
            elif isinstance(value, DistrictValues):
                key = result_id if result_id != "indicator" else f"indicator:{value.code}"
                results[key] = value
            elif isinstance(value, Mapping) and result_id == "indicator":
                for code, item in value.items():
                    results[f"indicator:{code}"] = item
            else:
                results[result_id] = _handle(value)
        return MapSetInputs(roles, results)

    def indicator_values(self) -> Dict[str, DistrictValues]:
        return {key.split(":", 1)[1]: value for key, value in self.results.items()
                if key.startswith("indicator:") and isinstance(value, DistrictValues)}


def _handle(value) -> Input:
    if isinstance(value, QgsVectorLayer):
        return LayerHandle.from_layer(value)
    if isinstance(value, LayerData):
        return LayerHandle.from_data(value)
    return value


def _split_layer(layer: QgsVectorLayer, result_id: str) -> Dict[str, LayerHandle]:
    split = SPLIT_FIELDS[result_id]
    names = {name.lower(): name for name in layer.fields().names()}
    if split not in names:
        return {result_id: LayerHandle.from_layer(layer)}
    actual = names[split]
    keys = sorted(str(v) for v in layer.uniqueValues(layer.fields().indexOf(actual)) if v not in (None, "")
                  and not (isinstance(v, QVariant) and v.isNull()))
    return {f"{result_id}:{key}": LayerHandle.from_layer(layer, actual, key) for key in keys}


def _split_data(data: LayerData, result_id: str) -> Dict[str, LayerHandle]:
    column = data.column(SPLIT_FIELDS[result_id])
    if column is None:
        return {result_id: LayerHandle.from_data(data)}
    out = {}
    for key in pd.unique(column.dropna().astype(str)):
        rows = np.flatnonzero(column.astype(str).to_numpy() == key)
        part = LayerData(f"{data.name} {key}", np.asarray(data.geometries, dtype=object)[rows],
                         data.attributes.iloc[rows].reset_index(drop=True), np.asarray(data.fids)[rows],
                         crs=data.crs, geometry_type=data.geometry_type, source=data.source)
        out[f"{result_id}:{key}"] = LayerHandle.from_data(part)
    return out


def _values_from_layer(layer: QgsVectorLayer, result_id: str) -> Dict[str, DistrictValues]:
    """District values from a table layer (XZQDM, value [, code, name, unit])."""
    names = layer.fields().names()
    rows = [[feature[name] for name in names] for feature in layer.getFeatures()]
    frame = pd.DataFrame(rows, columns=names)
    frame = frame.apply(lambda col: col.map(lambda v: None if isinstance(v, QVariant) and v.isNull() else v))
    name = str(layer.customProperty(VALUES_NAME_PROPERTY, "") or layer.name())
    unit = str(layer.customProperty(VALUES_UNIT_PROPERTY, "") or "")
    if result_id == "satisfaction" or (result_id.startswith("indicator:") and "code" not in
                                       {n.lower() for n in names}):
        code = result_id.split(":", 1)[1] if ":" in result_id else result_id
        return {result_id: DistrictValues.from_table(frame, code, name, unit)}
    split = split_indicator_table(frame)
    for values in split.values():
        values.unit = values.unit or unit
    return {f"indicator:{code}": values for code, values in split.items()}


def tag_result_layer(layer: QgsVectorLayer, result_id: str, name: str = "", unit: str = "") -> None:
    """Mark a project layer as a map set input (e.g. 'compliance_violations', 'life_circle',
    'service_area' with a facility field, 'indicator' tables); ``name``/``unit`` for value tables."""
    layer.setCustomProperty(RESULT_PROPERTY, result_id)
    if name:
        layer.setCustomProperty(VALUES_NAME_PROPERTY, name)
    if unit:
        layer.setCustomProperty(VALUES_UNIT_PROPERTY, unit)


def project_results(project: Optional[QgsProject] = None, year: Optional[int] = None) -> Dict[str, QgsVectorLayer]:
    """{result id: layer} of the project's layers tagged with ``tag_result_layer``, plus the
    Compliance panel's violation layer (``cityhealth/compliance_year``: ``year``'s, else the latest)."""
    project = project or QgsProject.instance()
    found = {}
    violations = []
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer):
            continue
        result_id = layer.customProperty(RESULT_PROPERTY, "")
        if result_id:
            found[str(result_id)] = layer
        compliance_year = layer.customProperty(COMPLIANCE_YEAR_PROPERTY, None)
        if compliance_year is not None:
            try:
                violations.append((int(compliance_year), layer))
            except (TypeError, ValueError):
                continue
    if violations and "compliance_violations" not in found:
        same = [layer for value, layer in violations if year is not None and value == int(year)]
        found["compliance_violations"] = same[0] if same else max(violations, key=lambda item: item[0])[1]
    return found


# --------------------------------------------------------------------------------------
# what is present, what is unusable
# --------------------------------------------------------------------------------------

_GEOMETRY_OK = {"polygon": {"polygon"}, "line": {"line"}, "point": {"point"},
                "point_or_polygon": {"point", "polygon"}}


def _role_fields(role_id: str, names: Sequence[str]) -> Dict[str, Optional[str]]:
    return field_mapping(ROLES_BY_ID[role_id], list(names))


def present_sources(catalogue: Catalogue, inputs: MapSetInputs) -> Tuple[set, Dict[str, str]]:
    """(sources present, {source: why it cannot be used}) for ``Catalogue.availability``."""
    present = set()
    problems: Dict[str, str] = {}
    for role_id, handle in inputs.roles.items():
        source = f"role:{role_id}"
        present.add(source)
        role = ROLES_BY_ID.get(role_id)
        if not isinstance(handle, LayerHandle) or role is None:
            continue
        if handle.feature_count == 0:
            problems[source] = tr("Layer '{layer}' ({role}) has no features.").format(
                layer=handle.name, role=role.display_name())
        elif handle.geometry not in _GEOMETRY_OK.get(role.geometry, {handle.geometry}):
            problems[source] = tr("Layer '{layer}' is not a {geometry} layer as {role} needs.").format(
                layer=handle.name, geometry=role.geometry, role=role.display_name())
        else:
            mapping = _role_fields(role_id, handle.field_names)
            missing = [spec.standard for spec in role.required if mapping.get(spec.standard) is None]
            if missing:
                problems[source] = tr("Layer '{layer}' has no field {fields} ({role}).").format(
                    layer=handle.name, fields=", ".join(missing), role=role.display_name())
    for result_id, value in inputs.results.items():
        source = f"result:{result_id}"
        present.add(source)
        spec = catalogue.results.get(result_id.split(":", 1)[0], {})
        if isinstance(value, DistrictValues):
            problem = value.problems()
            if problem:
                problems[source] = problem
            continue
        if not isinstance(value, LayerHandle):
            continue
        if value.feature_count == 0:
            problems[source] = tr("The result layer '{layer}' has no features.").format(layer=value.name)
            continue
        wanted = spec.get("geometry")
        if wanted and value.geometry not in _GEOMETRY_OK.get(wanted, {wanted}):
            problems[source] = tr("The result layer '{layer}' must be a {geometry} layer.").format(
                layer=value.name, geometry=wanted)
            continue
        lowered = {name.lower() for name in value.field_names}
        missing = [name.replace("|", " / ") for name in spec.get("fields", ())
                   if not any(alternative.lower() in lowered for alternative in name.split("|"))]
        if missing:
            problems[source] = tr("The result layer '{layer}' has no field {fields}.").format(
                layer=value.name, fields=", ".join(missing))
    # derived layers with their own conditions
    population = inputs.roles.get("population")
    if isinstance(population, LayerHandle) and population.geometry == "point" and "admin_district" not in inputs.roles:
        problems["derived:population_density"] = tr(
            "The population layer is made of points: the density map also needs the district layer.")
    return present, problems


# --------------------------------------------------------------------------------------
# styling a private layer by a catalogue recipe
# --------------------------------------------------------------------------------------

def _colour(value: str, opacity: float = 1.0) -> QColor:
    colour = QColor(value)
    if opacity < 1.0:
        colour.setAlphaF(colour.alphaF() * opacity)
    return colour


def _rgba(colour: QColor) -> str:
    return "{},{},{},{}".format(colour.red(), colour.green(), colour.blue(), colour.alpha())


def _fill_symbol(fill: str, outline: str = "none", width: float = 0.1, opacity: float = 1.0, dash: bool = False):
    props = {"color": _rgba(_colour(fill, opacity)) if fill and fill != "none" else "0,0,0,0",
             "style": "solid" if fill and fill != "none" else "no",
             "outline_color": _rgba(_colour(outline)) if outline and outline != "none" else "0,0,0,0",
             "outline_width": str(width), "outline_width_unit": "MM",
             "outline_style": ("dash" if dash else "solid") if outline and outline != "none" else "no",
             "joinstyle": "round"}
    return QgsFillSymbol.createSimple(props)


def symbol_for(geometry: str, fill: str, outline: str = "none", width: float = 0.1, opacity: float = 1.0,
               size: float = 1.6, dash: bool = False) -> QgsSymbol:
    if geometry == "point":
        return QgsMarkerSymbol.createSimple({
            "name": "circle", "color": _rgba(_colour(fill, opacity)), "size": str(size), "size_unit": "MM",
            "outline_color": _rgba(_colour(outline)) if outline and outline != "none" else "255,255,255,255",
            "outline_width": "0.2"})
    if geometry == "line":
        return QgsLineSymbol.createSimple({"line_color": _rgba(_colour(fill, opacity)), "line_width": str(width),
                                           "line_style": "dash" if dash else "solid", "capstyle": "round"})
    return _fill_symbol(fill, outline, width, opacity, dash)


def _fade_renderer(layer: QgsVectorLayer, opacity: float) -> None:
    """Multiply every symbol's opacity (vector PDF keeps symbol alpha; layer opacity may rasterise)."""
    renderer = layer.renderer()
    if renderer is None or opacity >= 1.0:
        return
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            symbol = category.symbol().clone()
            symbol.setOpacity(symbol.opacity() * opacity)
            renderer.updateCategorySymbol(index, symbol)
    elif isinstance(renderer, QgsGraduatedSymbolRenderer):
        for index, item in enumerate(renderer.ranges()):
            symbol = item.symbol().clone()
            symbol.setOpacity(symbol.opacity() * opacity)
            renderer.updateRangeSymbol(index, symbol)
    elif isinstance(renderer, QgsSingleSymbolRenderer):
        symbol = renderer.symbol().clone()
        symbol.setOpacity(symbol.opacity() * opacity)
        renderer.setSymbol(symbol)
    elif isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().descendants():
            if rule.symbol() is not None:
                rule.symbol().setOpacity(rule.symbol().opacity() * opacity)
    else:
        layer.setOpacity(opacity)


def prune_categories(layer: QgsVectorLayer) -> int:
    """Drop the categories of a categorized renderer that no feature has (the legend then lists
    only what the map shows). Returns how many were dropped; 0 for other renderers."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return 0
    index = layer.fields().lookupField(renderer.classAttribute())
    if index < 0:
        return 0  # an expression: keep every class
    present = {str(v) for v in layer.uniqueValues(index) if v is not None and not (isinstance(v, QVariant)
                                                                                    and v.isNull())}
    explicit = set()
    for category in renderer.categories():
        value = category.value()
        for item in (value if isinstance(value, (list, tuple)) else [value]):
            if item not in (None, ""):
                explicit.add(str(item))
    others_present = bool(present - explicit)  # values only the catch-all class ('' value) draws
    dropped = 0
    for position in reversed(range(len(renderer.categories()))):
        value = renderer.categories()[position].value()
        if isinstance(value, (list, tuple)):
            keep = any(str(v) in present for v in value)
        elif value in (None, ""):
            keep = others_present
        else:
            keep = str(value) in present
        if not keep:
            renderer.deleteCategory(position)
            dropped += 1
    return dropped


def _actual_field(layer: QgsVectorLayer, role_id: Optional[str], name: str) -> Optional[str]:
    """The layer's field for ``name`` (alternatives separated by |): exact, case-insensitive, role aliases."""
    if name and "|" in name:
        for alternative in name.split("|"):
            found = _actual_field(layer, role_id, alternative)
            if found:
                return found
        return None
    names = layer.fields().names()
    if name in names:
        return name
    lowered = {n.lower(): n for n in names}
    if name.lower() in lowered:
        return lowered[name.lower()]
    if role_id and role_id in ROLES_BY_ID:
        return field_mapping(ROLES_BY_ID[role_id], names).get(name)
    return None


def _values(layer: QgsVectorLayer, expression: str) -> np.ndarray:
    values, ok = QgsVectorLayerUtils.getValues(layer, expression)
    if not ok:
        return np.array([], dtype=float)
    out = []
    for value in values:
        if value is None or (isinstance(value, QVariant) and value.isNull()):
            out.append(np.nan)
            continue
        try:
            out.append(float(value))
        except (TypeError, ValueError):
            out.append(np.nan)
    return np.asarray(out, dtype=float)


@dataclass
class StyleOutcome:
    """What styling a layer did (for the legend and the notes)."""

    has_no_data: bool = False
    classes: int = 0
    warnings: List[str] = field(default_factory=list)


def label_settings(expression: str, size_pt: float, is_expression: bool = True, colour: str = "#202020",
                   placement=None) -> QgsPalLayerSettings:
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = is_expression
    text_format = QgsTextFormat()
    font = QFont(cjk_font_family() or "Sans Serif")
    font.setBold(True)
    text_format.setFont(font)
    text_format.setSize(size_pt)
    text_format.setSizeUnit(QgsUnitTypes.RenderPoints)
    text_format.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setSizeUnit(QgsUnitTypes.RenderMillimeters)
    buffer.setColor(QColor(255, 255, 255, 230))
    text_format.setBuffer(buffer)
    settings.setFormat(text_format)
    settings.placement = placement if placement is not None else QgsPalLayerSettings.OverPoint
    settings.centroidInside = True
    settings.multilineAlign = QgsPalLayerSettings.MultiCenter
    settings.priority = 10
    return settings


def style_layer(layer: QgsVectorLayer, spec: LayerSpec, lang: str, label_pt: float = 9.0,
                no_data_label: str = "", higher_is_better: Optional[bool] = None) -> StyleOutcome:
    """Style a private layer by the catalogue recipe ``spec``. Never used on the user's layers.

    ``no_data_label``: legend text of features without a value (graduated maps);
    ``higher_is_better``: False picks the recipe's ``ramp_lower_is_better`` colours.
    """
    outcome = StyleOutcome()
    geometry = geometry_kind(layer.wkbType())
    opacity = float(spec.option("opacity", 1.0))
    style = spec.style
    if style == "role":
        result = apply_role_style(layer, spec.role_id)
        if result.message and not result.applied:
            outcome.warnings.append(result.message)
        if spec.legend:
            prune_categories(layer)
        _fade_renderer(layer, opacity)
        if spec.option("labels") is False:
            layer.setLabelsEnabled(False)
        elif layer.labelsEnabled() and layer.labeling() is not None:
            resize_labels(layer, label_pt)
        return outcome
    layer.setLabelsEnabled(False)
    if style in ("fill", "outline"):
        fill = spec.option("fill", "none") if style == "fill" else "none"
        layer.setRenderer(QgsSingleSymbolRenderer(symbol_for(
            geometry, fill, spec.option("outline", "none"), float(spec.option("outline_width", 0.2)), opacity,
            dash=bool(spec.option("dash", False)))))
    elif style == "line":
        layer.setRenderer(QgsSingleSymbolRenderer(symbol_for(
            "line", spec.option("color"), width=float(spec.option("width", 0.2)), opacity=opacity,
            dash=bool(spec.option("dash", False)))))
    elif style == "marker":
        layer.setRenderer(QgsSingleSymbolRenderer(symbol_for(
            "point" if geometry == "point" else geometry, spec.option("color"), spec.option("outline", "#ffffff"),
            opacity=opacity, size=float(spec.option("size", 1.6)))))
    elif style == "categorized":
        _categorized(layer, spec, lang, geometry, opacity, outcome)
    elif style == "graduated":
        _graduated(layer, spec, lang, geometry, opacity, outcome, no_data_label, higher_is_better)
    if spec.option("labels") == "name_value":
        decimals = spec.option("decimals")
        value_field = spec.option("field", "value")
        number = ('format_number("{f}", {d})'.format(f=value_field, d=int(decimals)) if decimals is not None
                  else 'CASE WHEN abs("{f}") >= 100 THEN format_number("{f}", 0) WHEN abs("{f}") >= 1 THEN '
                       'format_number("{f}", 2) ELSE format_number("{f}", 3) END'.format(f=value_field))
        name_field = _actual_field(layer, "admin_district", "XZQMC") or "XZQMC"
        expression = "\"{n}\" || '\\n' || coalesce({num}, '{none}')".format(
            n=name_field, num=number, none="–")
        layer.setLabeling(QgsVectorLayerSimpleLabeling(label_settings(expression, label_pt)))
        layer.setLabelsEnabled(True)
    return outcome


def resize_labels(layer: QgsVectorLayer, label_pt: float) -> None:
    labeling = layer.labeling()
    if not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return
    settings = labeling.settings()
    text_format = settings.format()
    text_format.setSize(label_pt)
    text_format.setSizeUnit(QgsUnitTypes.RenderPoints)
    settings.setFormat(text_format)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


def _categorized(layer, spec: LayerSpec, lang: str, geometry: str, opacity: float, outcome: StyleOutcome) -> None:
    field_name = _actual_field(layer, spec.role_id, spec.option("field"))
    if field_name is None:
        outcome.warnings.append(tr("Layer '{layer}' has no field {field}: it is drawn with one symbol.").format(
            layer=layer.name(), field=spec.option("field")))
        layer.setRenderer(QgsSingleSymbolRenderer(symbol_for(geometry, AUTO_PALETTE[0], opacity=opacity)))
        return
    index = layer.fields().indexOf(field_name)
    present = {str(v) for v in layer.uniqueValues(index)
               if v is not None and not (isinstance(v, QVariant) and v.isNull())}
    label_field = spec.option("label_field")
    data_labels: Dict[str, str] = {}
    if label_field and _actual_field(layer, None, label_field):
        actual_label = _actual_field(layer, None, label_field)
        for feature in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
                                         .setSubsetOfAttributes([field_name, actual_label], layer.fields())):
            data_labels.setdefault(str(feature[field_name]), str(feature[actual_label]))
    categories = []
    known = set()
    for item in spec.option("classes", []):
        value = str(item["value"])
        known.add(value)
        if value not in present:
            continue  # the legend lists only what the map shows
        symbol = symbol_for(geometry, item.get("fill", AUTO_PALETTE[0]), item.get("outline", "none"),
                            float(item.get("outline_width", spec.option("outline_width", 0.1))), opacity)
        categories.append(QgsRendererCategory(value, symbol, pick(item, lang)))
    extra = sorted(present - known)
    for number, value in enumerate(extra):
        symbol = symbol_for(geometry, AUTO_PALETTE[number % len(AUTO_PALETTE)], "#404040", 0.1, opacity)
        categories.append(QgsRendererCategory(value, symbol, data_labels.get(value, value)))
    outcome.classes = len(categories)
    layer.setRenderer(QgsCategorizedSymbolRenderer(field_name, categories))


RAMP_START = 0.18  # the lightest class starts here on the ramp: a near-white class would look blank


def _ramp(colours: Sequence[str], count: int) -> List[QColor]:
    """``count`` colours spread over a list of colour stops (from RAMP_START to the end when the
    first stop is pale, so that no class looks like an empty map)."""
    stops = [QColor(c) for c in colours]
    if count <= 1:
        return [stops[-1]]
    start = RAMP_START if stops[0].lightness() > 225 else 0.0
    out = []
    for i in range(count):
        position = (start + (1.0 - start) * i / (count - 1)) * (len(stops) - 1)
        low = int(np.floor(position))
        high = min(low + 1, len(stops) - 1)
        t = position - low
        a, b = stops[low], stops[high]
        out.append(QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                          round(a.blue() + (b.blue() - a.blue()) * t)))
    return out


def _graduated(layer, spec: LayerSpec, lang: str, geometry: str, opacity: float, outcome: StyleOutcome,
               no_data_label: str = "", higher_is_better: Optional[bool] = None) -> None:
    expression = spec.option("expression")
    if not expression:
        field_name = _actual_field(layer, spec.role_id, spec.option("field")) or spec.option("field")
        expression = '"{}"'.format(field_name)
    outline = spec.option("outline", "#ffffff" if geometry == "polygon" else "none")
    width = float(spec.option("outline_width", 0.1))
    values = _values(layer, expression)
    finite = values[np.isfinite(values)]
    outcome.has_no_data = bool(len(values) and len(finite) < len(values))
    ranges = []
    explicit = spec.option("ranges")
    if explicit:
        for item in explicit:
            lower, upper = float(item["lower"]), float(item["upper"])
            if not len(finite) or not ((finite >= lower) & (finite <= upper)).any():
                continue  # legend shows only classes with data
            symbol = symbol_for(geometry, item["fill"], outline, width, opacity)
            ranges.append(QgsRendererRange(lower, upper, symbol, pick(item, lang)))
    else:
        breaks = class_breaks(finite, int(spec.option("classes", 5)), spec.option("method", "nice_quantile"))
        labels = class_labels(breaks, spec.option("decimals"))
        ramp_key = "ramp"
        if higher_is_better is False and spec.option("ramp_lower_is_better"):
            ramp_key = "ramp_lower_is_better"
        colours = _ramp(spec.option(ramp_key) or ["#fee5d9", "#a50f15"], max(len(breaks) - 1, 1))
        for (lower, upper), label, colour in zip(zip(breaks[:-1], breaks[1:]), labels, colours):
            symbol = symbol_for(geometry, colour.name(), outline, width, opacity)
            ranges.append(QgsRendererRange(lower, upper, symbol, label))
    outcome.classes = len(ranges)
    if not outcome.has_no_data:
        renderer = QgsGraduatedSymbolRenderer(expression, ranges)
        layer.setRenderer(renderer)
        return
    # districts without a value must not look like a class: a rule-based renderer with a 'no data' rule
    root = QgsRuleBasedRenderer.Rule(None)
    for index, item in enumerate(ranges):
        lower_op = ">=" if index == 0 else ">"
        rule = QgsRuleBasedRenderer.Rule(item.symbol().clone(), 0, 0, "({e}) {op} {lo} AND ({e}) <= {hi}".format(
            e=expression, op=lower_op, lo=repr(float(item.lowerValue())), hi=repr(float(item.upperValue()))),
            item.label())
        root.appendChild(rule)
    none_symbol = symbol_for(geometry, NO_DATA_FILL, outline, width, opacity)
    no_data = QgsRuleBasedRenderer.Rule(none_symbol, 0, 0, "ELSE", no_data_label or "–")
    no_data.setIsElse(True)
    root.appendChild(no_data)
    layer.setRenderer(QgsRuleBasedRenderer(root))

