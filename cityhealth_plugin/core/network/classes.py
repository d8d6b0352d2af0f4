"""Road classes: which roads walkers and drivers may use, and at what speed.

Rules are data, not code: ``RoadRules`` carries a class→walkable map, a class→drivable map and
a class→speed map. The shipped maps cover the CityHealth ``DJ`` classes (CJJ 37 / the project's
data model: 高速公路, 快速路, 主干路, 次干路, 支路, 街巷, 步行道), common Chinese variants and
OpenStreetMap ``fclass`` / ``highway`` values. A ``BX`` field (1 walkable / 0 not), when filled,
overrides the class map for walking; ``DX`` gives one-way direction and ``SD`` the speed for
driving; ``CC`` the level (0 ground, 1 bridge, -1 tunnel).
"""

from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional, Tuple

import numpy as np
import pandas as pd

from ..i18n import tr
from ..layer_data import LayerData

# Roads closed to pedestrians. Everything else with a known class is walkable.
NOT_WALKABLE = (
    "高速公路", "高速", "快速路", "城市快速路", "快速干道", "高架路", "匝道", "机场高速",
    "motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed", "raceway",
    "bus_guideway", "abandoned", "platform",
)
WALKABLE = (
    "主干路", "主干道", "次干路", "次干道", "支路", "街巷", "街坊路", "小区路", "步行道", "步行街",
    "人行道", "绿道", "国道", "省道", "县道", "乡道", "村道", "乡村道路", "其他道路",
    "primary", "primary_link", "secondary", "secondary_link", "tertiary", "tertiary_link",
    "unclassified", "residential", "living_street", "service", "road", "pedestrian", "footway",
    "path", "steps", "cycleway", "track", "track_grade1", "track_grade2", "track_grade3",
    "track_grade4", "track_grade5", "bridleway", "corridor", "crossing", "sidewalk",
)
# Roads closed to cars.
NOT_DRIVABLE = (
    "步行道", "步行街", "人行道", "绿道", "pedestrian", "footway", "path", "steps", "cycleway",
    "bridleway", "corridor", "crossing", "sidewalk", "construction", "proposed", "platform",
    "bus_guideway", "abandoned", "raceway",
)
# Default driving speeds, km/h (CJJ 37-2012 design-speed ranges, middle values; OSM usual values).
SPEED_KMH: Dict[str, float] = {
    "高速公路": 100, "高速": 100, "机场高速": 100, "快速路": 60, "城市快速路": 60, "快速干道": 60,
    "高架路": 60, "匝道": 40, "主干路": 50, "主干道": 50, "次干路": 40, "次干道": 40, "支路": 30,
    "街巷": 20, "街坊路": 20, "小区路": 15, "国道": 70, "省道": 60, "县道": 50, "乡道": 40, "村道": 30,
    "乡村道路": 30, "其他道路": 30,
    "motorway": 100, "motorway_link": 60, "trunk": 80, "trunk_link": 50, "primary": 60,
    "primary_link": 40, "secondary": 50, "secondary_link": 40, "tertiary": 40, "tertiary_link": 30,
    "unclassified": 30, "residential": 30, "living_street": 10, "service": 20, "road": 30,
    "track": 15, "track_grade1": 20, "track_grade2": 15, "track_grade3": 15, "track_grade4": 10,
    "track_grade5": 10,
}

WALK_SPEED_KMH = 4.0  # 15 min ≈ 1000 m (GB 50180-2018 life circles); used to turn minutes into metres

_TRUE_TEXT = {"1", "y", "yes", "true", "t", "是", "可", "可步行"}
_FALSE_TEXT = {"0", "n", "no", "false", "f", "否", "不可", "不可步行"}
_FORWARD_TEXT = {"1", "yes", "true", "f", "ft", "forward", "正向"}
_BACKWARD_TEXT = {"-1", "t", "tf", "reverse", "backward", "反向"}


def _default_walkable() -> Dict[str, bool]:
    table = {name: True for name in WALKABLE}
    table.update({name: False for name in NOT_WALKABLE})
    return table


def _default_drivable() -> Dict[str, bool]:
    table = {name: True for name in set(WALKABLE) | set(NOT_WALKABLE)}
    table.update({name: False for name in NOT_DRIVABLE})
    return table


@dataclass(frozen=True)
class RoadRules:
    """How road attributes turn into walkable / drivable edges with a direction and a speed.

    Class names are matched after stripping blanks and lower-casing. Unknown classes take
    ``unknown_walkable`` / ``unknown_drivable`` / ``unknown_speed_kmh`` and are counted in the
    graph notes. Field names are looked up with the roads role's aliases (DJ/FCLASS/HIGHWAY …).
    """

    walkable: Mapping[str, bool] = field(default_factory=_default_walkable)
    drivable: Mapping[str, bool] = field(default_factory=_default_drivable)
    speed_kmh: Mapping[str, float] = field(default_factory=lambda: dict(SPEED_KMH))
    unknown_walkable: bool = True
    unknown_drivable: bool = True
    unknown_speed_kmh: float = 30.0
    access_speed_kmh: float = WALK_SPEED_KMH  # drive mode: the straight access leg is walked
    class_fields: Tuple[str, ...] = ()  # extra names to try before the role's aliases
    use_walkable_field: bool = True
    use_oneway_field: bool = True
    use_speed_field: bool = True
    use_level_field: bool = True


def _role_field_names(standard: str) -> Tuple[str, ...]:
    from ..roles.registry import ROLES_BY_ID

    roads = ROLES_BY_ID.get("roads")
    for spec in (roads.required + roads.optional) if roads else ():
        if spec.standard == standard:
            return (spec.standard,) + tuple(spec.aliases)
    return (standard,)


def find_column(layer: LayerData, names) -> Optional[pd.Series]:
    """The first attribute column matching one of ``names`` (case-insensitive), or None."""
    for name in names:
        col = layer.column(name)
        if col is not None:
            return col
    return None


def _norm_text(series: pd.Series) -> pd.Series:
    return series.astype("string").str.strip().str.lower().fillna("")


def _lookup(keys: pd.Series, table: Mapping, unknown) -> Tuple[np.ndarray, np.ndarray]:
    norm = {str(k).strip().lower(): v for k, v in table.items()}
    mapped = keys.map(norm)
    known = mapped.notna().to_numpy()
    values = mapped.where(mapped.notna(), unknown).to_numpy()
    return values, known


def _flag(series: pd.Series) -> np.ndarray:
    """1.0 / 0.0 / NaN from numbers or yes/no text."""
    numeric = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
    text = _norm_text(series)
    numeric = np.where(text.isin(_TRUE_TEXT), 1.0, numeric)
    numeric = np.where(text.isin(_FALSE_TEXT), 0.0, numeric)
    return np.where(np.isnan(numeric), np.nan, (numeric != 0).astype(float))


def _oneway(series: pd.Series) -> np.ndarray:
    """+1 one-way along the digitised direction, -1 against it, 0 both ways."""
    text = _norm_text(series)
    numeric = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
    out = np.where(np.isnan(numeric), 0.0, np.sign(numeric))
    out = np.where(text.isin(_FORWARD_TEXT), 1.0, out)
    out = np.where(text.isin(_BACKWARD_TEXT), -1.0, out)
    return out.astype(np.int8)


def _level(series: pd.Series) -> np.ndarray:
    numeric = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
    flags = _flag(series)
    out = np.where(np.isnan(numeric), np.nan_to_num(flags, nan=0.0), numeric)
    return np.round(out).astype(np.int16)


def _speed(series: pd.Series) -> np.ndarray:
    numbers = series.astype("string").str.extract(r"([0-9]+(?:\.[0-9]+)?)", expand=False)
    return pd.to_numeric(numbers, errors="coerce").to_numpy(dtype=float)


@dataclass
class RoadAttributes:
    """Per feature of the roads layer: may it be used, its one-way flag, speed and level."""

    allowed: np.ndarray  # bool
    oneway: np.ndarray  # int8: 0 both, 1 forward, -1 backward
    speed_kmh: np.ndarray  # float (NaN in walk mode)
    level: np.ndarray  # int16
    notes: list


def road_attributes(roads: LayerData, mode: str, rules: RoadRules) -> RoadAttributes:
    """Read class, BX, DX, SD and CC (or their aliases) into arrays; explain what was assumed."""
    count = len(roads)
    notes = []
    cls_col = find_column(roads, tuple(rules.class_fields) + _role_field_names("DJ"))
    classes = _norm_text(cls_col) if cls_col is not None else pd.Series([""] * count, dtype="string")
    if cls_col is None:
        notes.append(tr("Roads layer '{layer}' has no road-class field (DJ): every road is used.").format(
            layer=roads.name))
    if mode == "walk":
        allowed, known = _lookup(classes, rules.walkable, rules.unknown_walkable)
        bx = find_column(roads, _role_field_names("BX")) if rules.use_walkable_field else None
        if bx is not None:
            flags = _flag(bx)
            allowed = np.where(np.isnan(flags), allowed, flags == 1.0)
            known = known | ~np.isnan(flags)
    else:
        allowed, known = _lookup(classes, rules.drivable, rules.unknown_drivable)
    _note_unknown(notes, roads, classes, known, cls_col is not None)
    oneway = np.zeros(count, dtype=np.int8)
    speed = np.full(count, np.nan)
    if mode == "drive":
        oneway, speed = _drive_fields(roads, rules, classes)
    level = np.zeros(count, dtype=np.int16)
    cc = find_column(roads, _role_field_names("CC")) if rules.use_level_field else None
    if cc is not None:
        level = _level(cc)
    return RoadAttributes(np.asarray(allowed, dtype=bool), oneway, speed, level, notes)


def _drive_fields(roads, rules, classes):
    oneway = np.zeros(len(roads), dtype=np.int8)
    dx = find_column(roads, _role_field_names("DX")) if rules.use_oneway_field else None
    if dx is not None:
        oneway = _oneway(dx)
    speed, _ = _lookup(classes, rules.speed_kmh, rules.unknown_speed_kmh)
    speed = speed.astype(float)
    sd = find_column(roads, _role_field_names("SD")) if rules.use_speed_field else None
    if sd is not None:
        given = _speed(sd)
        speed = np.where(np.isfinite(given) & (given > 0), given, speed)
    return oneway, speed


def _note_unknown(notes, roads, classes, known, has_class):
    if not has_class:
        return
    unknown = sorted(set(classes[~known & (classes != "")].tolist()))
    if unknown:
        shown = ", ".join(unknown[:8]) + (" …" if len(unknown) > 8 else "")
        notes.append(tr("Roads layer '{layer}': road classes not in the rules were treated with the "
                        "default ({count} classes: {names}).").format(
            layer=roads.name, count=len(unknown), names=shown))
