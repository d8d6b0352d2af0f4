"""Running every validation rule over a data package."""

from typing import Callable, List, Mapping, Optional, Sequence, Union

import numpy as np
import shapely

from ..landuse.codes import CodeTable
from ..layer_data import LayerData
from ..roles.recognition import LayerInfo
from ..roles.registry import ROLES, ROLES_BY_ID
from . import rules
from .findings import DEFAULT_WORK_CRS, SEVERITIES, Finding, ValidationInput

PackageItem = Union[ValidationInput, LayerData, LayerInfo, None]


def info_from_data(data: LayerData, layer_id: str = "") -> LayerInfo:
    """A LayerInfo describing a LayerData (for callers that only hold data, e.g. the headless runner)."""
    geographic = data.crs.upper() in rules.GEOGRAPHIC_AUTHIDS
    return LayerInfo(layer_id or data.name, data.name, data.geometry_type, [str(c) for c in data.attributes.columns],
                     len(data), data.crs, geographic, data.source)


def as_input(item: PackageItem) -> Optional[ValidationInput]:
    if item is None or isinstance(item, ValidationInput):
        return item
    if isinstance(item, LayerData):
        return ValidationInput(info_from_data(item), item)
    if isinstance(item, LayerInfo):
        return ValidationInput(item)
    raise TypeError(f"cannot validate a {type(item).__name__}")


def validate_role(role_id: str, item: ValidationInput, work_crs: str = DEFAULT_WORK_CRS, *,
                  codes: Optional[CodeTable] = None,
                  area_tolerance: float = rules.DEFAULT_AREA_TOLERANCE) -> List[Finding]:
    """The per-layer rules for the layer assigned to one role."""
    role = ROLES_BY_ID[role_id]
    codes = codes or CodeTable.default()
    found = rules.check_geometry_type(role, item)
    found += rules.check_empty_layer(role, item)
    found += rules.check_crs(role, item, work_crs)
    found += rules.check_geometries(role, item)
    found += rules.check_required_fields(role, item)
    found += rules.check_field_types(role, item, codes)
    if role_id in rules.DLTB_ROLES or (role_id == "farmland_protection" and item.data is not None):
        found += rules.check_landuse_codes(role, item, codes)
    if role_id in rules.DLTB_ROLES:
        found += rules.check_areas(role, item, area_tolerance)
    found += rules.check_encoding(role, item)
    found += rules.check_duplicate_ids(role, item)
    return found


def validate(package: Mapping[str, PackageItem], work_crs: str = DEFAULT_WORK_CRS, *,
             codes: Optional[CodeTable] = None,
             area_tolerance: float = rules.DEFAULT_AREA_TOLERANCE,
             unassigned: Sequence[LayerInfo] = (),
             progress: Optional[Callable[[int, int, str], None]] = None,
             is_canceled: Optional[Callable[[], bool]] = None) -> List[Finding]:
    """Every finding about a data package, errors first.

    ``package`` maps role id -> ValidationInput (or a bare LayerData / LayerInfo, or None
    for an unassigned role). ``work_crs`` is the working metric CRS (authority id) that
    data was read into. ``unassigned`` lists layers without a role (reported as info).
    ``progress(index, total, role_id)`` is called before each role; when
    ``is_canceled()`` turns true the findings so far are returned.
    """
    unknown = [rid for rid in package if rid not in ROLES_BY_ID]
    if unknown:
        raise KeyError(", ".join(unknown))
    inputs = {rid: as_input(item) for rid, item in package.items()}
    inputs = {rid: item for rid, item in inputs.items() if item is not None}
    codes = codes or CodeTable.default()
    found = rules.check_mandatory_roles(inputs)
    order = [role.id for role in ROLES if role.id in inputs]
    for index, role_id in enumerate(order):
        if is_canceled is not None and is_canceled():
            return sort_findings(found)
        if progress is not None:
            progress(index, len(order), role_id)
        found += validate_role(role_id, inputs[role_id], work_crs, codes=codes, area_tolerance=area_tolerance)
    found += rules.check_crs_mismatch(inputs, work_crs)
    found += rules.check_extents(inputs, work_crs)
    found += rules.check_unassigned_layers(unassigned)
    return sort_findings(found)


def sort_findings(found: List[Finding]) -> List[Finding]:
    rank = {severity: i for i, severity in enumerate(SEVERITIES)}
    role_rank = {role.id: i for i, role in enumerate(ROLES)}
    return sorted(found, key=lambda f: (rank[f.severity], role_rank.get(f.role, -1), f.layer, f.rule))


def repair_geometries(geometries: np.ndarray, geometry_type: str = "") -> np.ndarray:
    """Valid copies of the geometries (for the 'repair' action); valid ones are returned unchanged.

    With ``geometry_type`` 'polygon' / 'line' / 'point', parts of other dimensions that
    ``make_valid`` may produce (a collapsed sliver becoming a line) are dropped, so the
    result fits a layer of that type (multi-part where needed).
    """
    result = np.array(geometries, dtype=object, copy=True)
    present = ~(shapely.is_missing(result) | shapely.is_empty(result))
    bad = present.copy()
    bad[present] = ~shapely.is_valid(result[present])
    if not bad.any():
        return result
    fixed = shapely.make_valid(result[bad])
    dimension = {"point": 0, "line": 1, "polygon": 2}.get(geometry_type)
    if dimension is not None:
        parts, index = shapely.get_parts(fixed, return_index=True)
        keep = shapely.get_dimensions(parts) == dimension
        parts, index = parts[keep], index[keep]
        collect = {0: shapely.multipoints, 1: shapely.multilinestrings, 2: shapely.multipolygons}[dimension]
        regrouped = np.full(len(fixed), None, dtype=object)
        if len(parts):
            owners, dense = np.unique(index, return_inverse=True)
            regrouped[owners] = collect(parts, indices=dense)
        fixed = regrouped
    result[bad] = fixed
    return result
