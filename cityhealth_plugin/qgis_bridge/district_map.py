"""District choropleth for reports: a PNG of a value per district, rendered by QGIS.

Small on purpose (the map set builds full print layouts): a memory layer of the districts with
the values (``score_layer``), a graduated style with equal-interval classes from red (low) to
green (high) (``style_graduated``), labels "name / value" in a CJK font, rendered with
``QgsMapRendererCustomPainterJob`` onto a ``QImage``, with a title, a legend box and a north
arrow painted over it (``render_district_map``). The user's layer is never touched: the
geometries are copied into the memory layer.

Everything here works without a GUI (QImage, not QPixmap), in the main thread or in a task.
"""

from pathlib import Path
from typing import Dict, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsPalLayerSettings,
    QgsProject,
    QgsRendererRange,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt, QVariant
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen, QPolygonF

from ..core import geodesy
from ..core.i18n import tr
from ..core.survey.report_docx import RAMP, class_breaks
from .styles import cjk_font_family

# field name -> (QVariant type, source column of core.survey.report_docx.district_scores)
SCORE_FIELDS: Tuple[Tuple[str, int], ...] = (
    ("district", QVariant.String), ("n", QVariant.Int), ("score", QVariant.Double), ("score_low", QVariant.Double),
    ("score_up", QVariant.Double), ("pct_sat", QVariant.Double), ("rank", QVariant.Int),
    ("safety", QVariant.Double), ("living", QVariant.Double), ("natural", QVariant.Double),
    ("cultural", QVariant.Double), ("travel", QVariant.Double), ("openness", QVariant.Double),
)
COLUMN_OF = {"score_low": "score_lower", "score_up": "score_upper", "pct_sat": "pct_satisfied"}
OUTLINE = "#4d4d4d"
NO_DATA = "#d9d9d9"


def _plain(value, kind):
    if value is None:
        return None
    if isinstance(value, (float, np.floating)):
        if not np.isfinite(value):
            return None
        return int(round(float(value))) if kind == QVariant.Int else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def score_fields():
    from qgis.core import QgsFields

    fields = QgsFields()
    for name, kind in SCORE_FIELDS:
        fields.append(QgsField(name, kind))
    return fields


def score_features(names: Sequence[str], geometries: Sequence, scores: pd.DataFrame, fields=None):
    """QgsFeatures (district polygons + SCORE_FIELDS, label) from shapely geometries and a
    ``district_scores`` table; a district without answers gets empty values."""
    fields = fields or score_fields()
    table = scores.set_index(scores["district"].astype(str)) if len(scores) else pd.DataFrame()
    features = []
    wkb = shapely.to_wkb(np.asarray(list(geometries), dtype=object))
    for name, blob in zip(names, wkb):
        feature = QgsFeature(fields)
        if blob is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(blob)
            feature.setGeometry(geometry)
        row = table.loc[str(name)] if str(name) in table.index else None
        values = []
        for field_name, kind in SCORE_FIELDS:
            if field_name == "district":
                values.append(str(name))
            elif row is None:
                values.append(None)
            else:
                column = COLUMN_OF.get(field_name, field_name)
                values.append(_plain(row[column], kind) if column in row.index else None)
        feature.setAttributes(values)
        features.append(feature)
    return features


def score_layer(names: Sequence[str], geometries: Sequence, crs: str, scores: pd.DataFrame,
                name: str = "") -> QgsVectorLayer:
    """A memory polygon layer of the districts with their scores (fields ``SCORE_FIELDS``)."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}" if crs else "MultiPolygon", name or tr("Satisfaction by district"),
                           "memory")
    provider = layer.dataProvider()
    provider.addAttributes(list(score_fields()))
    layer.updateFields()
    features = score_features(names, geometries, scores, layer.fields())
    for feature in features:  # memory provider wants multi-part geometries in a MultiPolygon layer
        geometry = feature.geometry()
        if not geometry.isNull() and not geometry.isMultipart():
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


def style_graduated(layer: QgsVectorLayer, field: str = "score", classes: int = 5, ramp: Sequence[str] = RAMP,
                    label_field: Optional[str] = "district", font_family: Optional[str] = None,
                    label_size: float = 11.0, decimals: int = 1) -> Sequence[float]:
    """Equal-interval classes of ``field`` coloured low (red) to high (green), district labels with
    the value below the name in a CJK font. Returns the class bounds."""
    index = layer.fields().lookupField(field)
    values = [f[field] for f in layer.getFeatures()] if index >= 0 else []
    values = [float(v) for v in values if v is not None and not (isinstance(v, float) and np.isnan(v))]
    breaks = class_breaks(values, classes)
    ranges = []
    for k in range(len(breaks) - 1):
        symbol = QgsFillSymbol.createSimple({"color": ramp[min(k, len(ramp) - 1)], "outline_color": OUTLINE,
                                             "outline_width": "0.3", "outline_width_unit": "MM"})
        label = f"{breaks[k]:.{decimals}f} – {breaks[k + 1]:.{decimals}f}"
        ranges.append(QgsRendererRange(breaks[k], breaks[k + 1], symbol, label))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    renderer.setSourceSymbol(QgsFillSymbol.createSimple({"color": NO_DATA, "outline_color": OUTLINE}))
    layer.setRenderer(renderer)
    if label_field and layer.fields().lookupField(label_field) >= 0:
        settings = QgsPalLayerSettings()
        settings.fieldName = (f'"{label_field}" || \'\\n\' || format_number("{field}", {decimals})'
                              if index >= 0 else f'"{label_field}"')
        settings.isExpression = True
        settings.placement = QgsPalLayerSettings.OverPoint
        text = QgsTextFormat()
        family = font_family or cjk_font_family()
        font = QFont(family) if family else QFont()
        font.setBold(True)
        text.setFont(font)
        text.setSize(label_size)
        text.setSizeUnit(QgsUnitTypes.RenderPoints)
        text.setColor(QColor("#1a1a1a"))
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(0.8)
        buffer.setSizeUnit(QgsUnitTypes.RenderMillimeters)
        buffer.setColor(QColor(255, 255, 255, 220))
        text.setBuffer(buffer)
        settings.setFormat(text)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)
    layer.triggerRepaint()
    return breaks


def _map_crs(layer: QgsVectorLayer) -> QgsCoordinateReferenceSystem:
    """The layer's CRS when projected, else the CGCS2000 Gauss-Krüger zone of its centre (no
    squashed longitude/latitude maps)."""
    crs = layer.crs()
    if crs.isValid() and not crs.isGeographic():
        return crs
    centre = layer.extent().center()
    return QgsCoordinateReferenceSystem(geodesy.zone_for_longitude(centre.x()))


def render_district_map(layer: QgsVectorLayer, path: Union[str, Path], title: str = "", legend_title: str = "",
                        size: Tuple[int, int] = (1600, 1200), dpi: int = 200, field: str = "score",
                        background: str = "white", margin: float = 0.06, restyle: bool = True,
                        font_family: Optional[str] = None) -> Path:
    """Render ``layer`` (e.g. from ``score_layer``) to a PNG with title, legend and north arrow.

    ``restyle``: apply ``style_graduated`` first (keep False to render the layer's own style).
    Raises ``ValueError`` when the image cannot be written."""
    family = font_family or cjk_font_family()
    breaks = style_graduated(layer, field, font_family=family) if restyle else []
    width, height = size
    title_height = int(height * 0.09) if title else 0
    image = QImage(QSize(width, height), QImage.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(int(dpi / 0.0254))
    image.setDotsPerMeterY(int(dpi / 0.0254))
    image.fill(QColor(background))

    settings = QgsMapSettings()
    settings.setLayers([layer])
    destination = _map_crs(layer)
    settings.setDestinationCrs(destination)
    settings.setOutputSize(QSize(width, height - title_height))
    settings.setOutputDpi(dpi)
    settings.setBackgroundColor(QColor(background))
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    settings.setFlag(QgsMapSettings.DrawLabeling, True)
    settings.setFlag(QgsMapSettings.UseAdvancedEffects, True)
    extent = layer.extent()
    if layer.crs() != destination:
        transform = QgsCoordinateTransform(layer.crs(), destination, QgsProject.instance().transformContext())
        extent = transform.transformBoundingBox(extent)
    # room for the legend at the lower right: widen the extent to the right
    extent.scale(1.0 + 2 * margin)
    if breaks:
        extent.setXMaximum(extent.xMaximum() + extent.width() * 0.28)
    settings.setExtent(extent)

    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing, True)
    painter.setRenderHint(QPainter.TextAntialiasing, True)
    painter.translate(0, title_height)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.translate(0, -title_height)
    scale = dpi / 96.0
    if title:
        _draw_title(painter, title, family, QRectF(0, 0, width, title_height), scale)
    if breaks:
        _draw_legend(painter, breaks, legend_title or tr("Satisfaction score"), family, width, height, scale)
    _draw_north_arrow(painter, QPointF(width - 60 * scale, title_height + 30 * scale), scale)
    painter.end()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise ValueError(tr("The map image cannot be written to {path}.").format(path=path))
    return path


def _font(family: Optional[str], points: float, bold: bool = False) -> QFont:
    font = QFont(family) if family else QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _draw_title(painter: QPainter, title: str, family: Optional[str], rect: QRectF, scale: float) -> None:
    painter.setPen(QColor("#1a1a1a"))
    painter.setFont(_font(family, 16, True))
    painter.drawText(rect, Qt.AlignCenter, title)


def _draw_legend(painter: QPainter, breaks: Sequence[float], title: str, family: Optional[str], width: int,
                 height: int, scale: float) -> None:
    classes = len(breaks) - 1
    box_w, box_h, gap = 28 * scale, 18 * scale, 5 * scale
    pad = 10 * scale
    title_h = 24 * scale
    text_w = 120 * scale
    legend_w = pad * 2 + box_w + gap * 2 + text_w
    legend_h = pad * 2 + title_h + classes * (box_h + gap)
    x0 = width - legend_w - 24 * scale
    y0 = height - legend_h - 24 * scale
    painter.setPen(QPen(QColor("#808080"), 1 * scale))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRect(QRectF(x0, y0, legend_w, legend_h))
    painter.setPen(QColor("#1a1a1a"))
    painter.setFont(_font(family, 11, True))
    painter.drawText(QRectF(x0 + pad, y0 + pad, legend_w - 2 * pad, title_h), Qt.AlignLeft | Qt.AlignVCenter, title)
    painter.setFont(_font(family, 10))
    for k in range(classes):
        top = y0 + pad + title_h + k * (box_h + gap)
        index = classes - 1 - k  # highest class on top
        painter.setPen(QPen(QColor(OUTLINE), 1 * scale))
        painter.setBrush(QColor(RAMP[min(index, len(RAMP) - 1)]))
        painter.drawRect(QRectF(x0 + pad, top, box_w, box_h))
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(QRectF(x0 + pad + box_w + gap * 2, top - 2 * scale, text_w, box_h + 4 * scale),
                         Qt.AlignLeft | Qt.AlignVCenter, f"{breaks[index]:.1f} – {breaks[index + 1]:.1f}")


def _draw_north_arrow(painter: QPainter, tip: QPointF, scale: float) -> None:
    half, length = 9 * scale, 30 * scale
    left = QPolygonF([tip, QPointF(tip.x() - half, tip.y() + length), QPointF(tip.x(), tip.y() + length * 0.75)])
    right = QPolygonF([tip, QPointF(tip.x() + half, tip.y() + length), QPointF(tip.x(), tip.y() + length * 0.75)])
    painter.setPen(QPen(QColor("#1a1a1a"), 1 * scale))
    painter.setBrush(QColor("#1a1a1a"))
    painter.drawPolygon(left)
    painter.setBrush(QColor("white"))
    painter.drawPolygon(right)
    painter.setFont(_font(None, 11, True))
    painter.drawText(QRectF(tip.x() - 20 * scale, tip.y() + length, 40 * scale, 22 * scale), Qt.AlignCenter, "N")


def render_scores_map(names: Sequence[str], geometries: Sequence, crs: str, scores: pd.DataFrame,
                      path: Union[str, Path], title: str = "", legend_title: str = "", **options) -> Path:
    """``score_layer`` + ``render_district_map`` in one call (e.g. in a Processing algorithm)."""
    layer = score_layer(names, geometries, crs, scores)
    return render_district_map(layer, path, title=title, legend_title=legend_title, **options)


def values_map(names: Sequence[str], values: Mapping[str, float]) -> Dict[str, float]:
    """{name: value} restricted to ``names`` (helper for callers with a plain value table)."""
    return {str(n): float(values[str(n)]) for n in names if str(n) in values}
