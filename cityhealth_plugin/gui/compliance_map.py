"""The violation layer on the map: in the "CityHealth results" group, styled by rule, one per year.

The layer is the table ``compliance_violations_<year>`` of the assessment database (written by
cityhealth:checkcompliance). Showing a year's layer again replaces the previous one (custom
property ``cityhealth/compliance_year``), so runs never pile up; the project keeps it, so a
reopened project still shows it. ``show_violation`` selects one part, zooms to it and flashes it.
"""

from typing import Optional

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from ..core.compliance import rule_names
from ..core.compliance.storage import violations_table_name
from ..core.i18n import tr
from ..resources_paths import STYLES
from .result_layers import results_group

YEAR_KEY = "cityhealth/compliance_year"
STYLE = STYLES / "compliance_violations.qml"
MIN_SCALE = 4000  # zooming to a small part keeps its neighbours in view
MARGIN = 0.6  # extra extent around the part, as a share of its size


def layer_title(year: int) -> str:
    return tr("Compliance violations {year}").format(year=year)


def violation_layers(year: Optional[int] = None, project=None):
    project = project or QgsProject.instance()
    return [layer for layer in project.mapLayers().values()
            if layer.customProperty(YEAR_KEY) is not None
            and (year is None or str(layer.customProperty(YEAR_KEY)) == str(year))]


def violation_layer(year: int, project=None) -> Optional[QgsVectorLayer]:
    layers = violation_layers(year, project)
    return layers[0] if layers else None


def apply_style(layer: QgsVectorLayer) -> bool:
    """The compliance style with the rule names of the UI language as legend labels."""
    _message, ok = layer.loadNamedStyle(str(STYLE))
    renderer = layer.renderer()
    if ok and isinstance(renderer, QgsCategorizedSymbolRenderer):
        names = rule_names()
        for index, category in enumerate(renderer.categories()):
            if category.value() in names:
                renderer.updateCategoryLabel(index, names[category.value()])
    layer.triggerRepaint()
    return bool(ok)


def show_layer(db_path: str, year: int, project=None) -> Optional[QgsVectorLayer]:
    """Replace the year's violation layer in the project by the table of ``db_path``; None if unreadable."""
    project = project or QgsProject.instance()
    old = violation_layers(year, project)
    visible = True
    if old:
        node = project.layerTreeRoot().findLayer(old[0].id())
        visible = node.itemVisibilityChecked() if node is not None else True
        project.removeMapLayers([layer.id() for layer in old])
    layer = QgsVectorLayer(f"{db_path}|layername={violations_table_name(year)}", layer_title(year), "ogr")
    if not layer.isValid():
        return None
    layer.setCustomProperty(YEAR_KEY, int(year))
    apply_style(layer)
    project.addMapLayer(layer, False)
    node = results_group(project).insertLayer(0, layer)
    if node is not None:
        node.setItemVisibilityChecked(visible)
    return layer


def show_violation(canvas, layer: QgsVectorLayer, fid: int, flash: bool = True) -> bool:
    """Select feature ``fid`` of ``layer``, zoom the canvas to it and flash it. False when not found."""
    feature = next(layer.getFeatures(QgsFeatureRequest(int(fid))), None)
    if feature is None or not feature.hasGeometry():
        return False
    layer.selectByIds([int(fid)])
    if canvas is None:
        return True
    geometry = feature.geometry()
    box = canvas.mapSettings().layerExtentToOutputExtent(layer, geometry.boundingBox())
    grow = max(box.width(), box.height()) * MARGIN
    canvas.setExtent(QgsRectangle(box.xMinimum() - grow, box.yMinimum() - grow, box.xMaximum() + grow,
                                  box.yMaximum() + grow))
    if 0 < canvas.scale() < MIN_SCALE:
        canvas.zoomScale(MIN_SCALE)
    canvas.refresh()
    if flash:
        canvas.flashGeometries([geometry], layer.crs())
    return True
