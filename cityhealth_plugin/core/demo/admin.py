"""Sub-districts (街道/镇) and villages/communities (村/社区) assigned to land units."""

from dataclasses import dataclass

import numpy as np

from .boundaries import SubdistrictSeeds
from .lattice import LandUnits
from .terrain import SmoothNoise


def assign_subdistricts(units: LandUnits, seeds: SubdistrictSeeds, rng: np.random.Generator) -> np.ndarray:
    """JD index of every unit: nearest seed of its own district, with a wiggle so borders look drawn."""
    wiggle = SmoothNoise(rng, 2500.0)
    out = np.full(len(units.cell), -1, dtype=np.int64)
    px, py = units.point[:, 0], units.point[:, 1]
    bias = 450.0 * wiggle(px, py)
    for district in np.unique(units.district):
        rows = np.flatnonzero(units.district == district)
        mine = np.flatnonzero(seeds.district == district)
        dist = np.hypot(px[rows, None] - seeds.x[mine], py[rows, None] - seeds.y[mine])
        dist += bias[rows, None] * np.linspace(-1, 1, len(mine))[None, :]
        out[rows] = mine[np.argmin(dist, axis=1)]
    return out


@dataclass
class Communities:
    unit_code: np.ndarray  # 3-digit code of each unit's village/community
    unit_index: np.ndarray  # index into names / codes below
    codes: np.ndarray  # 12-digit ZLDWDM of each community
    names: np.ndarray
    village: np.ndarray  # True for 村, False for 社区
    jd: np.ndarray
    x: np.ndarray
    y: np.ndarray


def assign_communities(units: LandUnits, unit_jd: np.ndarray, jd_codes: np.ndarray, built_unit: np.ndarray,
                       rng: np.random.Generator, names_fn) -> Communities:
    """Villages / communities: nearest of a few seeds per JD (one per ~1.2 km² of town, ~3 km² of country)."""
    codes, names, village, jds, xs, ys = [], [], [], [], [], []
    unit_index = np.full(len(units.cell), -1, dtype=np.int64)
    unit_code = np.empty(len(units.cell), dtype=object)
    for jd in np.unique(unit_jd):
        rows = np.flatnonzero(unit_jd == jd)
        area = units.area[rows]
        built_area = area[built_unit[rows]].sum()
        rural_area = area.sum() - built_area
        n_urban = int(max(1 if built_area > 0 else 0, round(built_area / 1.2e6)))
        n_rural = int(max(1 if rural_area > 1.5e6 or n_urban == 0 else 0, round(rural_area / 3.0e6)))
        chosen = []
        for want, pool in ((n_urban, rows[built_unit[rows]]), (n_rural, rows[~built_unit[rows]])):
            if want and len(pool):
                chosen.append(rng.choice(pool, size=min(want, len(pool)), replace=False))
            else:
                chosen.append(np.empty(0, dtype=np.int64))
        seeds = np.concatenate(chosen)
        is_village = np.concatenate([np.zeros(len(chosen[0]), bool), np.ones(len(chosen[1]), bool)])
        sx, sy = units.point[seeds, 0], units.point[seeds, 1]
        dist = np.hypot(units.point[rows, 0, None] - sx, units.point[rows, 1, None] - sy)
        nearest = np.argmin(dist, axis=1)
        street_no, village_no = 0, 199
        local_codes = []
        for v in is_village:
            if v:
                village_no += 1
                local_codes.append(f"{village_no:03d}")
            else:
                street_no += 1
                local_codes.append(f"{street_no:03d}")
        base = len(codes)
        unit_index[rows] = base + nearest
        unit_code[rows] = np.array(local_codes, dtype=object)[nearest]
        codes.extend(f"{jd_codes[jd]}{c}" for c in local_codes)
        village.extend(is_village.tolist())
        jds.extend([jd] * len(seeds))
        xs.extend(sx.tolist())
        ys.extend(sy.tolist())
    village = np.array(village, dtype=bool)
    names = names_fn(len(codes), rng, village)
    return Communities(unit_code, unit_index, np.array(codes, dtype=object), names, village,
                       np.array(jds), np.array(xs), np.array(ys))
