"""Scale presets of the demo city."""

from dataclasses import dataclass
from typing import Tuple

from ..i18n import tr

ALL_DISTRICTS = ("350203", "350205", "350206", "350211", "350212", "350213")


@dataclass(frozen=True)
class ScaleSpec:
    name: str
    districts: Tuple[str, ...]
    cell: float  # lattice spacing (m): urban block size
    urban_split: Tuple[int, int]  # max parcels across / along an urban block
    farm_split: Tuple[int, int]
    pop_cell: float  # population grid cell size (m)
    buildings_max: int  # max buildings along a parcel axis
    lane_share: float  # share of dense-core blocks with 街巷 lanes
    problems: Tuple[int, int, int, int]  # eco red line, YJJBNT->construction, YJJBNT->other, outside CZKFBJ
    facility_factor: float = 1.0  # facilities per resident relative to the standard provision
    lane_share_urban: float = 0.0  # share of other urban blocks with lanes
    forest_split: Tuple[int, int] = (1, 1)


SCALES = {
    "small": ScaleSpec("small", ("350203", "350206", "350211"), 300.0, (2, 2), (3, 2), 100.0, 2, 0.25,
                       (3, 3, 4, 5)),
    "city": ScaleSpec("city", ALL_DISTRICTS, 290.0, (2, 2), (3, 2), 100.0, 2, 0.25, (8, 6, 8, 12)),
    "xiamen": ScaleSpec("xiamen", ALL_DISTRICTS, 125.0, (3, 2), (4, 2), 45.0, 3, 0.9, (25, 20, 25, 40), 1.4, 0.5, (2, 2)),
}


def scale_spec(scale: str) -> ScaleSpec:
    try:
        return SCALES[scale]
    except KeyError:
        raise ValueError(tr("Unknown demo scale '{scale}' (use small, city or xiamen).").format(scale=scale)) from None
