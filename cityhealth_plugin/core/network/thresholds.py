"""Default travel thresholds per facility role (shipped defaults; the indicator catalog overrides).

Walking life circles of GB 50180-2018 (居住区规划设计标准): 5 min ≈ 300 m, 10 min ≈ 500 m,
15 min ≈ 800–1000 m (1000 m here). The minutes per role follow the TD/T 1063-2021 indicator
names (e.g. 社区小学步行10分钟覆盖率); 幼儿园 follows the 5-minute life circle of GB 50180.
Buffer-style indicators (轨道站点800米, 医院2公里) keep their radius as a network threshold too.
消防救援5分钟可达覆盖率 is a *driving* threshold in seconds.
"""

from dataclasses import dataclass
from typing import Dict, Optional

from ..i18n import tr
from .classes import WALK_SPEED_KMH
from .errors import NetworkError

LIFE_CIRCLE_METRES: Dict[int, float] = {5: 300.0, 10: 500.0, 15: 1000.0}


@dataclass(frozen=True)
class Threshold:
    value: float  # metres when walking, seconds when driving
    mode: str = "walk"
    minutes: Optional[int] = None  # life-circle minutes the value stands for, if any
    basis: str = "GB 50180-2018"


DEFAULT_THRESHOLDS: Dict[str, Threshold] = {
    "fac_community_health": Threshold(1000.0, minutes=15, basis="TD/T 1063-2021; GB 50180-2018"),
    "fac_primary_school": Threshold(500.0, minutes=10, basis="TD/T 1063-2021; GB 50180-2018"),
    "fac_middle_school": Threshold(1000.0, minutes=15, basis="TD/T 1063-2021; GB 50180-2018"),
    "fac_kindergarten": Threshold(300.0, minutes=5, basis="GB 50180-2018"),
    "fac_elderly": Threshold(300.0, minutes=5, basis="TD/T 1063-2021; GB 50180-2018"),
    "fac_culture": Threshold(1000.0, minutes=15, basis="TD/T 1063-2021; GB 50180-2018"),
    "fac_sports": Threshold(1000.0, minutes=15, basis="TD/T 1063-2021; GB 50180-2018"),
    "fac_football": Threshold(1000.0, minutes=15, basis="TD/T 1063-2021"),
    "fac_market": Threshold(500.0, minutes=10, basis="TD/T 1063-2021; GB 50180-2018"),
    "park_square": Threshold(300.0, minutes=5, basis="TD/T 1063-2021"),
    "fac_metro_station": Threshold(800.0, basis="TD/T 1063-2021 (800 m radius)"),
    "fac_hospital": Threshold(2000.0, basis="TD/T 1063-2021 (2 km radius)"),
    "fac_fire_station": Threshold(300.0, mode="drive", minutes=5, basis="TD/T 1063-2021 (5 min by fire engine)"),
}

# The facility types a complete 15-minute community life circle needs (TD/T 1063 F-06).
LIFE_CIRCLE_TYPES = ("fac_community_health", "fac_primary_school", "fac_middle_school", "fac_elderly",
                     "fac_culture", "fac_sports", "fac_market")


def minutes_to_metres(minutes: float, speed_kmh: float = WALK_SPEED_KMH) -> float:
    """Walking distance covered in ``minutes`` at ``speed_kmh``."""
    return float(minutes) * speed_kmh * 1000.0 / 60.0


def life_circle_metres(minutes: int) -> float:
    """GB 50180 distance of a 5/10/15-minute life circle."""
    try:
        return LIFE_CIRCLE_METRES[int(minutes)]
    except KeyError:
        raise NetworkError(tr("There is no {minutes}-minute life circle in GB 50180: use 5, 10 or 15, "
                              "or give the distance in metres.").format(minutes=minutes)) from None


def default_threshold(role_id: str) -> Threshold:
    try:
        return DEFAULT_THRESHOLDS[role_id]
    except KeyError:
        raise NetworkError(tr("No default threshold for facility type '{type}': give one in metres.").format(
            type=role_id)) from None
