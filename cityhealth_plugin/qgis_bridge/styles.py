"""Role styles: ``resources/styles/<role_id>.qml`` applied to a layer, whatever its field names.

The .qml files are written against the standard field names (DLBM, XZQMC, DJ, GD ...).
A user's layer may call the field ``dlbm`` or ``地类编码``: ``apply_role_style`` finds the
actual name (exact, then case-insensitive, then the role's aliases through
``core.roles.recognition.field_mapping``) and rewires the renderer and the labels to it.
When the field a style classifies on is missing, the layer gets the style's plain symbol
and the function says so in its return value (never a silently empty map).

Label fonts: the styles name a CJK family; the first family installed on this machine from
``CJK_FONTS`` is used so that Chinese labels never render as boxes.
"""

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QFontDatabase

from ..core.i18n import tr
from ..core.roles.registry import role as get_role
from ..resources_paths import STYLES

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Noto Sans SC",
)
# Roles whose graduated classes depend on the data's range: classes recomputed on apply.
RECLASSIFY = {"population": 5}

_GEOMETRY_SUFFIX = {QgsWkbTypes.PointGeometry: "point", QgsWkbTypes.LineGeometry: "line",
                    QgsWkbTypes.PolygonGeometry: "polygon"}


@dataclass
class StyleResult:
    applied: bool
    path: str = ""
    fields: Dict[str, str] = field(default_factory=dict)  # standard name -> field used
    missing: List[str] = field(default_factory=list)  # standard names not found in the layer
    message: str = ""


def style_path(role_id: str, geometry_type=None):
    """The .qml for a role, preferring ``<role>_<geometry>.qml`` (e.g. population_point.qml)."""
    if geometry_type in _GEOMETRY_SUFFIX:
        specific = STYLES / f"{role_id}_{_GEOMETRY_SUFFIX[geometry_type]}.qml"
        if specific.exists():
            return specific
    general = STYLES / f"{role_id}.qml"
    return general if general.exists() else None


def cjk_font_family() -> Optional[str]:
    installed = set(QFontDatabase().families())
    return next((family for family in CJK_FONTS if family in installed), None)


def resolve_field(layer, role_id: str, standard: str) -> Optional[str]:
    """The layer's field for ``standard``: exact, case-insensitive, then the role's aliases."""
    names = layer.fields().names()
    if standard in names:
        return standard
    lowered = {name.lower(): name for name in names}
    if standard.lower() in lowered:
        return lowered[standard.lower()]
    from ..core.roles.recognition import field_mapping  # contract: {standard: actual or None}

    return field_mapping(get_role(role_id), names).get(standard)


_QUOTED = re.compile(r'"([^"]+)"')


def _rewire_expression(text: str, layer, role_id: str, result: StyleResult) -> Optional[str]:
    """Replace field references in ``text`` (a field name or an expression); None if a field is missing."""
    if not text:
        return text
    names = layer.fields().names()
    if not any(ch in text for ch in '"( '):
        wanted = [text]
    else:
        wanted = _QUOTED.findall(text)
    rewritten = text
    for standard in wanted:
        if standard in names:
            continue
        actual = resolve_field(layer, role_id, standard)
        if actual is None:
            if standard not in result.missing:
                result.missing.append(standard)
            return None
        result.fields[standard] = actual
        rewritten = actual if rewritten == standard else rewritten.replace(f'"{standard}"', f'"{actual}"')
    return rewritten


def _rewire_renderer(layer, role_id: str, result: StyleResult) -> None:
    renderer = layer.renderer()
    if isinstance(renderer, (QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer)):
        attribute = _rewire_expression(renderer.classAttribute(), layer, role_id, result)
        if attribute is None:
            symbol = renderer.sourceSymbol() or (renderer.symbols(QgsRenderContext()) or [None])[0]
            if symbol is not None:
                layer.setRenderer(QgsSingleSymbolRenderer(symbol.clone()))
            return
        renderer.setClassAttribute(attribute)
        classes = RECLASSIFY.get(role_id)
        if classes and isinstance(renderer, QgsGraduatedSymbolRenderer) and layer.featureCount() > 0:
            renderer.setClassificationMethod(_jenks())
            renderer.updateClasses(layer, classes)
    elif isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().descendants():
            expression = _rewire_expression(rule.filterExpression(), layer, role_id, result)
            if expression is None:
                rule.setActive(False)
            else:
                rule.setFilterExpression(expression)


def _jenks():
    from qgis.core import QgsClassificationJenks

    return QgsClassificationJenks()


def _rewire_labels(layer, role_id: str, result: StyleResult) -> None:
    labeling = layer.labeling()
    if not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return
    settings = labeling.settings()
    expression = _rewire_expression(settings.fieldName, layer, role_id, result)
    if expression is None:
        layer.setLabelsEnabled(False)
        return
    settings.fieldName = expression
    family = cjk_font_family()
    if family:
        text_format = settings.format()
        font = text_format.font()
        font.setFamily(family)
        text_format.setFont(font)
        settings.setFormat(text_format)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


def apply_role_style(layer, role_id: str) -> StyleResult:
    """Style ``layer`` as ``role_id``. The layer's data is never touched, only its renderer/labels."""
    path = style_path(role_id, layer.geometryType())
    if path is None:
        return StyleResult(False, message=tr("No style for role '{role}'.").format(role=role_id))
    message, ok = layer.loadNamedStyle(str(path))
    if not ok:
        return StyleResult(False, str(path), message=tr("The style {path} could not be loaded: {message}").format(
            path=path.name, message=message))
    result = StyleResult(True, str(path))
    _rewire_renderer(layer, role_id, result)
    _rewire_labels(layer, role_id, result)
    if result.missing:
        result.message = tr("Layer '{layer}' has no field {fields}: it is drawn with a plain symbol.").format(
            layer=layer.name(), fields=", ".join(result.missing))
    layer.triggerRepaint()
    return result
