"""What validation reports: ``Finding`` records, the stable rule ids and the input record.

Rule ids are a public API (the report table, the Processing output, tests, the docs):
never rename one; add new ids instead.
"""

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from ..layer_data import LayerData
from ..roles.recognition import LayerInfo

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)

# Fix actions the Data panel offers (a button next to the finding).
ACTION_NONE = ""
ACTION_REPROJECT = "reproject"  # write a reprojected copy into the working CRS (new layer)
ACTION_REPAIR = "repair"  # write a repaired copy (new layer)
ACTION_ASSIGN_ROLE = "assign_role"  # pick a layer for the role
ACTION_SET_ENCODING = "set_encoding"  # set the layer's data source encoding
ACTIONS = (ACTION_NONE, ACTION_REPROJECT, ACTION_REPAIR, ACTION_ASSIGN_ROLE, ACTION_SET_ENCODING)

DEFAULT_WORK_CRS = "EPSG:4548"


class Rule:
    """Stable rule ids."""

    ROLE_MISSING = "role.mandatory_missing"
    ROLE_GEOMETRY = "role.geometry_type"
    LAYER_UNASSIGNED = "role.layer_unassigned"
    LAYER_EMPTY = "layer.empty"
    CRS_MISSING = "crs.missing"
    CRS_GEOGRAPHIC = "crs.geographic"
    CRS_MISMATCH = "crs.mismatch"
    GEOMETRY_INVALID = "geometry.invalid"
    GEOMETRY_EMPTY = "geometry.empty"
    FIELD_MISSING = "field.missing"
    FIELD_NOT_NUMERIC = "field.not_numeric"
    FIELD_CODE_NUMERIC = "field.code_numeric"
    DLBM_LEADING_ZERO = "field.dlbm_leading_zero"
    DLBM_INVALID = "code.dlbm_invalid"
    CZCSXM_INVALID = "code.czcsxm_invalid"
    CZCSXM_COMBINATION = "code.czcsxm_dlbm_combination"
    AREA_MISMATCH = "area.tbdlmj_mismatch"
    AREA_NULL = "area.tbdlmj_null"
    ENCODING_GBK = "encoding.gbk_without_cpg"
    ENCODING_MOJIBAKE = "encoding.mojibake"
    EXTENT_NO_OVERLAP = "extent.no_overlap"
    ID_DUPLICATE = "id.duplicate"

    @classmethod
    def ids(cls) -> Tuple[str, ...]:
        return tuple(value for key, value in vars(cls).items() if key.isupper())


@dataclass
class Finding:
    """One problem (or note) about one layer / role, with what to do about it.

    ``fids`` are source feature ids (select / zoom in QGIS); ``count`` can exceed
    ``len(fids)`` only when a rule is about values rather than features.
    """

    severity: str  # 'error' | 'warning' | 'info'
    layer: str  # layer name ('' for package-level findings)
    role: str  # role id ('' when the layer has none)
    rule: str  # stable id, see Rule
    message: str  # translated
    count: int = 0
    fids: List[int] = field(default_factory=list)
    fix: str = ""  # translated how-to-fix text
    action: str = ACTION_NONE
    layer_id: str = ""

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}")


@dataclass
class ValidationInput:
    """Everything validation knows about the layer assigned to one role.

    ``info`` describes the source layer as it is (its own CRS, its field names).
    ``data`` holds the features as read for the health check (normally reprojected into
    the working CRS); rules that look at geometries or values need it and are skipped
    without it. ``mapping`` is standard field -> actual field (``field_mapping`` when
    None). ``extent`` (xmin, ymin, xmax, ymax) is in the working CRS; when None it is
    taken from ``data`` if that is in the working CRS. ``encoding_note`` names the
    encoding a shapefile without .cpg was opened with (e.g. 'GBK'). ``field_kinds`` gives
    the declared type of each actual field ('text', 'int', 'real', 'date', 'other');
    without it the kinds are inferred from ``data``.
    """

    info: LayerInfo
    data: Optional[LayerData] = None
    mapping: Optional[Dict[str, Optional[str]]] = None
    extent: Optional[Tuple[float, float, float, float]] = None
    encoding_note: str = ""
    field_kinds: Dict[str, str] = field(default_factory=dict)


def count_by_severity(findings: List[Finding]) -> Dict[str, int]:
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        counts[finding.severity] += 1
    return counts
