"""QGIS vector layers <-> the core's ``LayerInfo`` / ``LayerData``.

``read_layer`` reads a layer's features once: geometries as WKB bytes collected in a list
and decoded in one vectorised ``shapely.from_wkb`` call, attributes into a DataFrame
(NULL -> None / NaN, numbers as numbers), reprojected by the feature iterator when the
layer's CRS differs from the target CRS, curved geometries segmentised. It never writes
to the layer.

Thread safety: a QgsVectorLayer belongs to the main thread. Code that reads in a
background task (a Processing algorithm's ``processAlgorithm``) takes a ``snapshot``
of the layer in the main thread (``prepareAlgorithm``) and passes the snapshot to
``read_layer``, which accepts both.

``reproject_to_new_layer`` and ``repair_to_new_layer`` are the validation fix actions:
they write a NEW layer (memory or GeoPackage) and leave the source untouched.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Union

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from ..core.i18n import tr
from ..core.layer_data import LayerData
from ..core.roles.recognition import LayerInfo

ENCODING_NOTE = "cityhealth/encoding_note"  # custom property set by package.open_data_package
CHECK_EVERY = 2000  # features between cancel checks / progress updates

_INT_TYPES = {QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong}
_REAL_TYPES = {QVariant.Double}
_TEXT_TYPES = {QVariant.String, QVariant.Char}
_DATE_TYPES = {QVariant.Date, QVariant.DateTime, QVariant.Time}


class ReadCanceled(Exception):
    """Raised by ``read_layer`` when the feedback was canceled; nothing partial is returned."""


# --------------------------------------------------------------------------------------
# describing a layer
# --------------------------------------------------------------------------------------

def geometry_kind(wkb_type) -> str:
    """'point', 'line', 'polygon' or 'none' for a QgsWkbTypes.Type."""
    kind = QgsWkbTypes.geometryType(wkb_type)
    return {QgsWkbTypes.PointGeometry: "point", QgsWkbTypes.LineGeometry: "line",
            QgsWkbTypes.PolygonGeometry: "polygon"}.get(kind, "none")


def crs_id(crs: QgsCoordinateReferenceSystem) -> str:
    """The authority id (EPSG:4548), the WKT of a CRS without one, or '' when there is no CRS."""
    if crs is None or not crs.isValid():
        return ""
    return crs.authid() or crs.toWkt()


def field_kind(field) -> str:
    variant = field.type()
    if variant in _INT_TYPES:
        return "int"
    if variant in _REAL_TYPES:
        return "real"
    if variant in _TEXT_TYPES:
        return "text"
    if variant in _DATE_TYPES:
        return "date"
    return "other"


def field_kinds(layer) -> Dict[str, str]:
    """Actual field name -> 'int' | 'real' | 'text' | 'date' | 'other'."""
    return {field.name(): field_kind(field) for field in layer.fields()}


def layer_info(layer: QgsVectorLayer) -> LayerInfo:
    """The recognition / validation record of a layer (no features are read)."""
    crs = layer.crs()
    count = layer.featureCount()
    return LayerInfo(
        layer_id=layer.id(),
        name=layer.name(),
        geometry_type=geometry_kind(layer.wkbType()),
        field_names=[field.name() for field in layer.fields()],
        feature_count=int(count) if count is not None and count >= 0 else -1,
        crs_authid=crs_id(crs),
        crs_is_geographic=bool(crs.isValid() and crs.isGeographic()),
        source=layer.source(),
    )


def report_name(layer: QgsVectorLayer) -> str:
    """The name to show in reports: the layer name, except that a layer Processing named after its
    file ('package' for 'package.gpkg|layername=DLTB') is called by its table name ('DLTB')."""
    name = layer.name()
    source = layer.source()
    if "|layername=" in source:
        path, rest = source.split("|layername=", 1)
        table = rest.split("|", 1)[0]
        if table and name in ("", Path(path).stem, Path(path).name):
            return table
    return name


def encoding_note(layer: QgsVectorLayer) -> str:
    """The encoding a shapefile without .cpg was opened with (set by open_data_package), or ''."""
    value = layer.customProperty(ENCODING_NOTE, "")
    return str(value) if value else ""


def suggest_encoding(layer: QgsVectorLayer) -> str:
    """The text encoding a layer's source most likely uses: from the .dbf bytes of a shapefile
    ('GBK' or 'UTF-8'); 'GBK' when nothing can be told (Chinese data's usual legacy encoding)."""
    from .encoding import dbf_path, sniff_dbf

    path = layer.source().split("|", 1)[0]
    if path.lower().endswith(".shp"):
        dbf = dbf_path(path)
        if dbf is not None:
            verdict = sniff_dbf(dbf)
            if verdict in ("GBK", "UTF-8"):
                return verdict
    return "GBK"


def set_layer_encoding(layer: QgsVectorLayer, encoding: str) -> None:
    """The 'set_encoding' fix action: read the layer's text with ``encoding`` from now on.

    Only how QGIS decodes the text changes (as in Layer Properties > Source); the data is not
    written. The note makes validation remind the user to add a .cpg file.
    """
    layer.setProviderEncoding(encoding)
    layer.setCustomProperty(ENCODING_NOTE, encoding)


@dataclass
class LayerSnapshot:
    """A thread-safe handle on a layer's features, taken in the main thread."""

    source: QgsVectorLayerFeatureSource
    name: str
    layer_id: str
    fields: QgsFields
    crs: QgsCoordinateReferenceSystem
    wkb_type: int
    feature_count: int
    uri: str


def snapshot(layer: QgsVectorLayer) -> LayerSnapshot:
    """Take a snapshot of ``layer`` for reading in another thread (call in the main thread)."""
    return LayerSnapshot(QgsVectorLayerFeatureSource(layer), layer.name(), layer.id(), QgsFields(layer.fields()),
                         QgsCoordinateReferenceSystem(layer.crs()), layer.wkbType(), int(layer.featureCount()),
                         layer.source())


# --------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------

def _convert_column(values: list, kind: str) -> pd.Series:
    """A column of QVariant-bearing Python values as a clean pandas Series."""
    series = pd.Series(values, dtype="object")
    if len(series) == 0:
        return pd.Series([], dtype="float64" if kind in ("int", "real") else "object")
    is_null = series.map(type).eq(QVariant).to_numpy()  # QGIS NULL is an invalid QVariant
    if is_null.any():
        series[is_null] = None
    if kind == "real" or (kind == "int" and is_null.any()):
        return pd.to_numeric(series, errors="coerce").astype("float64")
    if kind == "int":
        return pd.to_numeric(series, errors="coerce")
    if kind == "date":
        def plain(value):
            if isinstance(value, QDateTime):
                return value.toPyDateTime()
            if isinstance(value, QDate):
                return value.toPyDate()
            if isinstance(value, QTime):
                return value.toPyTime()
            return value
        return series.map(plain)
    return series


def read_layer(layer: Union[QgsVectorLayer, LayerSnapshot],
               target_crs: Optional[QgsCoordinateReferenceSystem] = None,
               fields: Optional[List[str]] = None,
               feedback=None,
               request_filter_fids=None,
               transform_context: Optional[QgsCoordinateTransformContext] = None) -> LayerData:
    """Read a layer (or a ``snapshot``) into a ``LayerData``, reprojected into ``target_crs``.

    ``fields``: the actual field names to read (all when None); ``request_filter_fids``: only
    these feature ids. Raises ``ReadCanceled`` when ``feedback.isCanceled()`` turns true and
    ``ValueError`` for an unknown field name or a CRS that cannot be reprojected.
    """
    if isinstance(layer, LayerSnapshot):
        source, name, all_fields, crs = layer.source, layer.name, layer.fields, layer.crs
        wkb_type, total, uri = layer.wkb_type, layer.feature_count, layer.uri
    else:
        source, name, all_fields, crs = layer, layer.name(), layer.fields(), layer.crs()
        wkb_type, total, uri = layer.wkbType(), layer.featureCount(), layer.source()

    names = [f.name() for f in all_fields] if fields is None else list(fields)
    indices = []
    for field_name in names:
        index = all_fields.lookupField(field_name)
        if index < 0:
            raise ValueError(tr("Layer '{layer}' has no field '{field}'.").format(layer=name, field=field_name))
        indices.append(index)
    kinds = [field_kind(all_fields.at(i)) for i in indices]

    kind = geometry_kind(wkb_type)
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes(indices)
    if kind == "none":
        request.setFlags(QgsFeatureRequest.NoGeometry)
    if request_filter_fids is not None:
        request.setFilterFids([int(f) for f in request_filter_fids])
        total = len(request_filter_fids)

    notes = []
    out_crs = crs
    failed = []
    if target_crs is not None and target_crs.isValid() and kind != "none" and crs_id(target_crs) != crs_id(crs):
        if not crs.isValid():
            notes.append(tr("Layer '{layer}' has no CRS; it was read as it is, without reprojection into {crs}."
                            ).format(layer=name, crs=crs_id(target_crs)))
        else:
            context = transform_context or QgsProject.instance().transformContext()
            request.setDestinationCrs(target_crs, context)
            request.setTransformErrorCallback(lambda feature: failed.append(feature.id()))
            out_crs = target_crs
            notes.append(tr("Layer '{layer}' was reprojected from {source} to {target}.").format(
                layer=name, source=crs_id(crs) if crs.authid() else crs.description(), target=crs_id(target_crs)))

    curved_possible = QgsWkbTypes.isCurvedType(wkb_type) or QgsWkbTypes.flatType(wkb_type) in (
        QgsWkbTypes.Unknown, QgsWkbTypes.GeometryCollection)
    wkbs: list = []
    rows: list = []
    ids: list = []
    append_wkb, append_row, append_id = wkbs.append, rows.append, ids.append
    with_geometry = kind != "none"
    count = 0
    for feature in source.getFeatures(request):
        if with_geometry:
            geometry = feature.geometry()
            if geometry.isNull():
                append_wkb(None)
            else:
                if curved_possible and QgsWkbTypes.isCurvedType(geometry.wkbType()):
                    geometry.convertToStraightSegment()
                append_wkb(geometry.asWkb().data())
        append_row(feature.attributes())
        append_id(feature.id())
        count += 1
        if count % CHECK_EVERY == 0 and feedback is not None:
            if feedback.isCanceled():
                raise ReadCanceled(tr("Reading layer '{layer}' was canceled.").format(layer=name))
            if total and total > 0:
                feedback.setProgress(min(100.0, 100.0 * count / total))
    if feedback is not None and feedback.isCanceled():
        raise ReadCanceled(tr("Reading layer '{layer}' was canceled.").format(layer=name))

    if with_geometry:
        raw = np.array(wkbs, dtype=object)
        # Degenerate rings (fewer than 4 points) cannot be decoded by GEOS: they become missing
        # geometries, which validation reports with their ids, instead of failing the whole read.
        geometries = shapely.from_wkb(raw, on_invalid="ignore") if wkbs else np.array([], dtype=object)
        undecoded = int(np.count_nonzero(shapely.is_missing(geometries) & (raw != None)))  # noqa: E711
        if undecoded:
            notes.append(tr("{count} feature(s) of layer '{layer}' have malformed geometries (e.g. rings with fewer "
                            "than 4 points); they are treated as missing.").format(count=undecoded, layer=name))
        if len(geometries) and shapely.has_z(geometries).any():
            geometries = shapely.force_2d(geometries)
    else:
        geometries = np.full(len(ids), None, dtype=object)
    geometries = np.asarray(geometries, dtype=object)

    # The iterator returns every attribute slot, with only the requested ones filled: pick those.
    transposed = list(zip(*rows)) if rows else []
    columns = {field_name: (list(transposed[i]) if transposed else []) for field_name, i in zip(names, indices)}
    frame = pd.DataFrame({field_name: _convert_column(columns[field_name], field_kind_)
                          for field_name, field_kind_ in zip(names, kinds)}, index=pd.RangeIndex(len(ids)))
    if failed:
        notes.append(tr("{count} feature(s) of layer '{layer}' could not be reprojected and have no geometry."
                        ).format(count=len(failed), layer=name))
        lost = np.isin(np.asarray(ids, dtype="int64"), np.asarray(failed, dtype="int64"))
        geometries[lost] = None
    return LayerData(name=name, geometries=geometries, attributes=frame, fids=np.asarray(ids, dtype="int64"),
                     crs=crs_id(out_crs), geometry_type=kind, source=uri, notes=notes)


# --------------------------------------------------------------------------------------
# fix actions: write a NEW layer, never touch the source
# --------------------------------------------------------------------------------------

def _write_new_layer(layer: QgsVectorLayer, name: str, wkb_type, crs: QgsCoordinateReferenceSystem,
                     batches, output_path: Optional[str]) -> QgsVectorLayer:
    """A new layer with ``layer``'s fields holding the features of ``batches`` (lists of QgsFeature):
    a memory layer when there is no path, else a table ``name`` in the GeoPackage ``output_path``."""
    if not output_path:
        new = QgsVectorLayer("{}?crs={}".format(QgsWkbTypes.displayString(wkb_type), crs.authid()), name, "memory")
        if not crs.authid():
            new.setCrs(crs)
        new.dataProvider().addAttributes(layer.fields().toList())
        new.updateFields()
        for batch in batches:
            new.dataProvider().addFeatures(batch)
        new.updateExtents()
        return new
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.fileEncoding = "UTF-8"
    if Path(output_path).exists():
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(output_path, layer.fields(), wkb_type, crs,
                                        QgsProject.instance().transformContext(), options)
    try:
        if writer.hasError() != QgsVectorFileWriter.NoError:
            raise ValueError(tr("Cannot write '{path}': {error}").format(path=output_path,
                                                                         error=writer.errorMessage()))
        for batch in batches:
            if not writer.addFeatures(batch):
                raise ValueError(tr("Cannot write features to '{path}': {error}").format(
                    path=output_path, error=writer.errorMessage()))
    finally:
        del writer  # the only reference: closes the file
    new = QgsVectorLayer(f"{output_path}|layername={name}", name, "ogr")
    if not new.isValid():
        raise ValueError(tr("Cannot open the written layer '{path}'.").format(path=output_path))
    return new


def _batches(features, feedback=None, size: int = 5000, what: str = ""):
    batch = []
    for feature in features:
        batch.append(feature)
        if len(batch) >= size:
            yield batch
            batch = []
            if feedback is not None and feedback.isCanceled():
                raise ReadCanceled(tr("Writing layer '{layer}' was canceled.").format(layer=what))
    if batch:
        yield batch


def reproject_to_new_layer(layer: QgsVectorLayer, target_crs: QgsCoordinateReferenceSystem,
                           output_path: Optional[str] = None, name: Optional[str] = None,
                           feedback=None) -> QgsVectorLayer:
    """A reprojected copy of ``layer`` in ``target_crs`` (memory layer, or a table in ``output_path``)."""
    if not layer.crs().isValid():
        raise ValueError(tr("Layer '{layer}' has no CRS: set it first, then reproject.").format(layer=layer.name()))
    name = name or "{}_{}".format(layer.name(), (target_crs.authid() or "reprojected").replace(":", "_"))
    request = QgsFeatureRequest().setDestinationCrs(target_crs, QgsProject.instance().transformContext())
    features = (QgsFeature(feature) for feature in layer.getFeatures(request))
    return _write_new_layer(layer, name, layer.wkbType(), target_crs,
                            _batches(features, feedback, what=layer.name()), output_path)


def repair_to_new_layer(layer: QgsVectorLayer, output_path: Optional[str] = None, name: Optional[str] = None,
                        feedback=None) -> QgsVectorLayer:
    """A copy of ``layer`` whose invalid geometries are made valid (GEOS make_valid, multi-part output)."""
    from ..core.validation.engine import repair_geometries

    data = read_layer(layer, fields=[], feedback=feedback)
    fixed = repair_geometries(data.geometries, data.geometry_type)
    changed = np.flatnonzero(fixed != data.geometries)  # repair_geometries keeps valid ones as the same objects
    replacement = {int(data.fids[i]): fixed[i] for i in changed}
    name = name or "{}_repaired".format(layer.name())

    def features():
        for feature in layer.getFeatures():
            copy = QgsFeature(feature)
            if feature.id() in replacement:
                geom = replacement[feature.id()]
                if geom is None:
                    copy.clearGeometry()
                else:
                    qgs = QgsGeometry()
                    qgs.fromWkb(shapely.to_wkb(geom))
                    copy.setGeometry(qgs)
            geometry = copy.geometry()
            if not geometry.isNull():
                geometry.convertToMultiType()
                copy.setGeometry(geometry)
            yield copy

    return _write_new_layer(layer, name, QgsWkbTypes.multiType(layer.wkbType()), layer.crs(),
                            _batches(features(), feedback, what=layer.name()), output_path)
