"""Result layers of indicators (red-line overlaps, coverage areas) in the layer tree.

They live in the assessment database (``result_<code>_<n>``) and are shown in the group
"CityHealth results" at the top of the layer tree. Showing an indicator's layers again
replaces the previous ones of that indicator (custom property ``cityhealth/result_code``), so
results never pile up.
"""

from typing import List

from qgis.core import QgsFillSymbol, QgsLayerTreeGroup, QgsProject, QgsSingleSymbolRenderer, QgsVectorLayer

from ..core.i18n import tr
from .layer_tree import GROUP_KEY

RESULTS_GROUP = "results"
CODE_KEY = "cityhealth/result_code"
OVERLAP_STYLE = {"color": "230,57,70,110", "outline_color": "160,20,30,255", "outline_width": "0.4"}
COVERAGE_STYLE = {"color": "46,158,79,70", "outline_color": "30,110,55,255", "outline_width": "0.3"}


def find_results_group(project=None):
    root = (project or QgsProject.instance()).layerTreeRoot()
    for child in root.children():
        if isinstance(child, QgsLayerTreeGroup) and child.customProperty(GROUP_KEY) == RESULTS_GROUP:
            return child
    return None


def results_group(project=None) -> QgsLayerTreeGroup:
    """The "CityHealth results" group at the top of the layer tree (created when missing)."""
    root = (project or QgsProject.instance()).layerTreeRoot()
    group = find_results_group(project)
    if group is None:
        group = root.insertGroup(0, tr("CityHealth results"))
        group.setCustomProperty(GROUP_KEY, RESULTS_GROUP)
    return group


def layers_of(code: str, project=None) -> List[QgsVectorLayer]:
    project = project or QgsProject.instance()
    return [layer for layer in project.mapLayers().values() if layer.customProperty(CODE_KEY) == code]


def remove_layers_of(code: str, project=None) -> int:
    project = project or QgsProject.instance()
    layers = layers_of(code, project)
    if layers:
        project.removeMapLayers([layer.id() for layer in layers])
    return len(layers)


def style_result_layer(layer: QgsVectorLayer) -> None:
    """Overlaps: translucent red with a dark-red outline; coverage areas: translucent green."""
    coverage = layer.fields().lookupField("RADIUS_M") >= 0 or "coverage" in layer.name().lower()
    symbol = QgsFillSymbol.createSimple(COVERAGE_STYLE if coverage else OVERLAP_STYLE)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def show_result_layers(db_path: str, code: str, title: str, tables: List[str], project=None) -> List[QgsVectorLayer]:
    """Replace the layers shown for ``code`` by the tables of the database; returns the new layers."""
    project = project or QgsProject.instance()
    remove_layers_of(code, project)
    group = results_group(project)
    added = []
    for index, table in enumerate(tables, start=1):
        name = title if len(tables) == 1 else f"{title} ({index})"
        layer = QgsVectorLayer(f"{db_path}|layername={table}", name, "ogr")
        if not layer.isValid():
            continue
        layer.setCustomProperty(CODE_KEY, code)
        style_result_layer(layer)
        project.addMapLayer(layer, False)
        group.insertLayer(0, layer)
        added.append(layer)
    return added
