"""CityHealth's state inside the QGIS project file (scope ``CityHealth``).

Keys: ``roles/<role_id>`` -> layer id of the layer assigned to the role, ``work_crs`` -> the
working metric CRS (authority id), ``output_dir`` -> folder for layers the plugin writes.
Saved with the project (.qgs/.qgz) and read back when the project is opened.
"""

from typing import Dict, Optional

from qgis.core import QgsProject

from ..core.roles.registry import ROLES_BY_ID

SCOPE = "CityHealth"
ROLES_KEY = "roles"
DEFAULT_WORK_CRS = "EPSG:4548"


def _project(project=None):
    return project if project is not None else QgsProject.instance()


def role_key(role_id: str) -> str:
    return f"{ROLES_KEY}/{role_id}"


def read_role_assignments(project=None) -> Dict[str, str]:
    """{role_id: layer_id} as saved; roles unknown to the registry are ignored."""
    project = _project(project)
    assignments = {}
    for role_id in project.entryList(SCOPE, ROLES_KEY):
        if role_id not in ROLES_BY_ID:
            continue
        layer_id, ok = project.readEntry(SCOPE, role_key(role_id), "")
        if ok and layer_id:
            assignments[role_id] = layer_id
    return assignments


def write_role_assignment(role_id: str, layer_id: Optional[str], project=None) -> bool:
    """Save one assignment (None or '' removes it). Returns True when the project changed."""
    project = _project(project)
    current, _ok = project.readEntry(SCOPE, role_key(role_id), "")
    if (current or "") == (layer_id or ""):
        return False
    if layer_id:
        project.writeEntry(SCOPE, role_key(role_id), layer_id)
    else:
        project.removeEntry(SCOPE, role_key(role_id))
    return True


def write_role_assignments(assignments: Dict[str, Optional[str]], project=None) -> None:
    """Replace every saved assignment with ``assignments``."""
    project = _project(project)
    for role_id in set(project.entryList(SCOPE, ROLES_KEY)) - set(assignments):
        project.removeEntry(SCOPE, role_key(role_id))
    for role_id, layer_id in assignments.items():
        write_role_assignment(role_id, layer_id, project)


def assigned_layers(project=None) -> Dict[str, object]:
    """{role_id: QgsMapLayer} for saved assignments whose layer is in the project."""
    project = _project(project)
    layers = {}
    for role_id, layer_id in read_role_assignments(project).items():
        layer = project.mapLayer(layer_id)
        if layer is not None:
            layers[role_id] = layer
    return layers


def read_work_crs(project=None) -> str:
    value, ok = _project(project).readEntry(SCOPE, "work_crs", DEFAULT_WORK_CRS)
    return value if ok and value else DEFAULT_WORK_CRS


def write_work_crs(authid: str, project=None) -> None:
    project = _project(project)
    current, ok = project.readEntry(SCOPE, "work_crs", "")
    if not ok or current != authid:
        project.writeEntry(SCOPE, "work_crs", authid)


def read_output_dir(project=None) -> str:
    value, ok = _project(project).readEntry(SCOPE, "output_dir", "")
    return value if ok else ""


def write_output_dir(path: str, project=None) -> None:
    _project(project).writeEntry(SCOPE, "output_dir", path)
