"""Put opened data into the project tidily: group "CityHealth data", one sub-group per role group.

Sub-groups top to bottom: facilities, roads/buildings/population, administrative units,
control lines, land use (so points and lines draw over polygons and the control lines over
land use). Each recognised layer gets its role style; layers that would hide others
(base-year DLTB, population grid, planned land use) start unchecked.
"""

from typing import Dict, Iterable, List

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer

from ..core.i18n import tr
from ..core.roles.registry import ROLES_BY_ID
from ..qgis_bridge.styles import apply_role_style
from .messages import log

GROUP_KEY = "cityhealth/group"
DATA_GROUP = "data"
SUBGROUP_ORDER = ("facility", "infrastructure", "admin", "control", "landuse", "other")


def subgroup_title(key: str) -> str:
    titles = {
        "facility": tr("Facilities and parks"),
        "infrastructure": tr("Roads, buildings, population"),
        "admin": tr("Administrative units"),
        "control": tr("Control lines"),
        "landuse": tr("Land use"),
    }
    return titles.get(key, tr("Other layers"))

START_HIDDEN = {"dltb_base", "population", "planned_landuse"}


def _find_group(parent: QgsLayerTreeGroup, key: str):
    for child in parent.children():
        if isinstance(child, QgsLayerTreeGroup) and child.customProperty(GROUP_KEY) == key:
            return child
    return None


def data_group(project=None) -> QgsLayerTreeGroup:
    """The "CityHealth data" group at the top of the layer tree (created when missing)."""
    root = (project or QgsProject.instance()).layerTreeRoot()
    group = _find_group(root, DATA_GROUP)
    if group is None:
        group = root.insertGroup(0, tr("CityHealth data"))
        group.setCustomProperty(GROUP_KEY, DATA_GROUP)
    return group


def sub_group(parent: QgsLayerTreeGroup, key: str) -> QgsLayerTreeGroup:
    group = _find_group(parent, key)
    if group is not None:
        return group
    rank = SUBGROUP_ORDER.index(key)
    position = 0
    for child in parent.children():
        child_key = child.customProperty(GROUP_KEY) if isinstance(child, QgsLayerTreeGroup) else None
        if child_key in SUBGROUP_ORDER and SUBGROUP_ORDER.index(child_key) < rank:
            position += 1
    group = parent.insertGroup(position, subgroup_title(key))
    group.setCustomProperty(GROUP_KEY, key)
    return group


def recognise_layers(layers: Iterable) -> Dict[str, QgsVectorLayer]:
    """{role_id: layer} from ``core.roles.recognition.recognise`` over the given vector layers."""
    from ..core.roles.recognition import recognise
    from ..qgis_bridge.layers import layer_info

    vector_layers = [layer for layer in layers if isinstance(layer, QgsVectorLayer) and layer.isValid()]
    by_id = {layer.id(): layer for layer in vector_layers}
    found = recognise([layer_info(layer) for layer in vector_layers])
    return {role_id: by_id[layer_id] for role_id, layer_id in found.items() if layer_id in by_id}


def add_layers(layers: List[QgsVectorLayer], roles: Dict[str, QgsVectorLayer], project=None) -> List[str]:
    """Add ``layers`` to the project under the data group, styled by role. Returns style notes."""
    project = project or QgsProject.instance()
    role_of = {layer.id(): role_id for role_id, layer in roles.items()}
    group = data_group(project)
    notes = []
    for layer in layers:
        role_id = role_of.get(layer.id())
        key = ROLES_BY_ID[role_id].group if role_id else "other"
        target = sub_group(group, key if key in SUBGROUP_ORDER else "other")
        project.addMapLayer(layer, False)
        node = target.addLayer(layer)
        if role_id is None:
            continue
        result = apply_role_style(layer, role_id)
        if result.message:
            notes.append(result.message)
            log(result.message)
        if role_id in START_HIDDEN and node is not None:
            node.setItemVisibilityChecked(False)
    return notes


def place_next_to(new_layer, source_layer, project=None) -> None:
    """Add ``new_layer`` just above ``source_layer`` in the tree and hide the source (not delete)."""
    project = project or QgsProject.instance()
    project.addMapLayer(new_layer, False)
    root = project.layerTreeRoot()
    source_node = root.findLayer(source_layer.id()) if source_layer is not None else None
    if source_node is None:
        data_group(project).insertLayer(0, new_layer)
        return
    parent = source_node.parent()
    parent.insertLayer(parent.children().index(source_node), new_layer)
    source_node.setItemVisibilityChecked(False)
