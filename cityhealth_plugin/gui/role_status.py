"""The state of one role in the Data panel: assigned and fine, assigned with problems, missing.

Problems come from two places: quick checks made here on the assigned layer (geometry type,
required fields via the role's aliases) and the findings of the last data check.
"""

from enum import Enum
from typing import Iterable, List, Tuple

from qgis.core import QgsWkbTypes

from ..core.i18n import tr
from .base_dock import icon


class RoleStatus(Enum):
    OK = "ok"
    PROBLEMS = "problems"
    MISSING_MANDATORY = "missing_mandatory"
    MISSING_OPTIONAL = "missing_optional"


STATUS_ICONS = {
    RoleStatus.OK: "status_ok.svg",
    RoleStatus.PROBLEMS: "status_problem.svg",
    RoleStatus.MISSING_MANDATORY: "status_missing.svg",
    RoleStatus.MISSING_OPTIONAL: "status_optional.svg",
}

GEOMETRY_FILTER = {  # role geometry -> accepted QgsWkbTypes geometry types
    "polygon": (QgsWkbTypes.PolygonGeometry,),
    "line": (QgsWkbTypes.LineGeometry,),
    "point": (QgsWkbTypes.PointGeometry,),
    "point_or_polygon": (QgsWkbTypes.PointGeometry, QgsWkbTypes.PolygonGeometry),
}


def status_icon(status: RoleStatus):
    return icon(STATUS_ICONS[status])


def missing_required_fields(role, layer) -> List[str]:
    """Standard names of required fields the layer lacks (aliases and letter case accepted)."""
    if not role.required:
        return []
    names = layer.fields().names()
    lowered = {name.lower() for name in names}
    if all(spec.standard.lower() in lowered for spec in role.required):
        return []
    from ..core.roles.recognition import field_mapping

    mapping = field_mapping(role, names)
    return [spec.standard for spec in role.required if not mapping.get(spec.standard)]


def quick_problems(role, layer) -> List[str]:
    """Problems visible without reading features: wrong geometry type, missing required fields."""
    problems = []
    accepted = GEOMETRY_FILTER.get(role.geometry, ())
    if accepted and layer.geometryType() not in accepted:
        problems.append(tr("Layer '{layer}' has the wrong geometry type for this role.").format(layer=layer.name()))
    missing = missing_required_fields(role, layer)
    if missing:
        problems.append(tr("Required fields missing: {fields}.").format(fields=", ".join(missing)))
    return problems


def evaluate(role, layer, findings: Iterable[str] = ()) -> Tuple[RoleStatus, str]:
    """(status, tooltip text) for ``role`` with ``layer`` (None when unassigned)."""
    if layer is None:
        if role.mandatory:
            return RoleStatus.MISSING_MANDATORY, tr("Mandatory: the health check cannot start without this layer.")
        return RoleStatus.MISSING_OPTIONAL, tr("Optional: indicators that need this layer will be skipped.")
    problems = quick_problems(role, layer) + list(findings)
    if problems:
        return RoleStatus.PROBLEMS, "\n".join(dict.fromkeys(problems))
    return RoleStatus.OK, tr("Assigned: {layer}").format(layer=layer.name())
