"""Deliberate planning problems in the current-year DLTB, with their ground truth.

All problems are attribute changes of patches whose geometry did not change since the base
year, chosen where the rule applies exactly (the control areas are unions of whole cells):

* construction_in_eco_redline: forest patches inside STBHHX now construction;
* yjjbnt_to_construction: permanent-basic-farmland patches now construction;
* yjjbnt_to_noncultivated: permanent-basic-farmland patches now orchard, forest, pond …;
* new construction outside CZKFBJ elsewhere (villages spreading into farmland).

``DEMO_TRUTH`` rows are recomputed from the final layers by the same rules the tests use.
"""

import numpy as np

from . import zoning as Z

FOREST_CODES = ("0301", "0302", "0305", "0307")
CULTIVATED = ("0101", "0102", "0103")
NATURAL = ("0101", "0102", "0103", "0201", "0202", "0301", "0302", "0305", "0307", "0404", "1202")

ECO_CHANGE = (("0602", "204"), ("0702", "203"), ("05H1", "203"), ("09", "205"))
TO_CONSTRUCTION = (("0601", "203A"), ("0702", "203"), ("05H1", "203"))
TO_OTHER = (("0201", ""), ("0301", ""), ("1104A", ""), ("1202", ""))
SPRAWL = (("0702", "203"), ("0601", "203A"), ("05H1", "203"))


def _pick(rng, candidates: np.ndarray, count: int) -> np.ndarray:
    if not len(candidates) or count <= 0:
        return np.empty(0, dtype=np.int64)
    return np.sort(rng.choice(candidates, size=min(count, len(candidates)), replace=False))


def _apply(rows, table, dlbm, czcsxm):
    for k, row in enumerate(rows):
        dlbm[row], czcsxm[row] = table[k % len(table)]


def apply_problems(rng, counts, cell24, slot24, dlbm24, czcsxm24, match24, zoning, yjjbnt_rows_2020):
    """Change ``dlbm24`` / ``czcsxm24`` in place; returns {problem: rows of the 2024 patches}."""
    unchanged = match24 >= 0
    parcel = slot24 >= 4
    n_eco, n_to_built, n_to_other, n_sprawl = counts
    eco = _pick(rng, np.flatnonzero(unchanged & parcel & zoning.eco[cell24] & np.isin(dlbm24, FOREST_CODES)), n_eco)
    _apply(eco, ECO_CHANGE, dlbm24, czcsxm24)

    inverse = np.full(int(match24.max()) + 2 if len(match24) else 1, -1, dtype=np.int64)
    inverse[match24[unchanged]] = np.flatnonzero(unchanged)
    rows = inverse[np.minimum(yjjbnt_rows_2020, len(inverse) - 1)]
    rows = rows[(rows >= 0) & np.isin(dlbm24[np.maximum(rows, 0)], CULTIVATED)]
    to_built = _pick(rng, rows, n_to_built)
    _apply(to_built, TO_CONSTRUCTION, dlbm24, czcsxm24)
    to_other = _pick(rng, np.setdiff1d(rows, to_built), n_to_other)
    _apply(to_other, TO_OTHER, dlbm24, czcsxm24)

    cell_ok = ~zoning.czkfbj[cell24] & ~zoning.eco[cell24] & ~zoning.protected[cell24]
    zone_ok = np.isin(zoning.zone2024[cell24], (Z.FARM, Z.HILLMIX, Z.FOREST))
    sprawl = _pick(rng, np.flatnonzero(unchanged & parcel & cell_ok & zone_ok & np.isin(dlbm24, NATURAL)), n_sprawl)
    _apply(sprawl, SPRAWL, dlbm24, czcsxm24)

    # urban renewal inside the development boundary: idle land built up, old industry turned commercial
    inside = unchanged & parcel & zoning.czkfbj[cell24]
    idle = _pick(rng, np.flatnonzero(inside & (dlbm24 == "1201")), max(1, int(0.3 * np.sum(inside & (dlbm24 == "1201")))))
    for k, row in enumerate(idle):
        dlbm24[row] = ("0701", "05H1")[k % 2]
    return {"construction_in_eco_redline": eco, "yjjbnt_to_construction": to_built,
            "yjjbnt_to_noncultivated": to_other, "sprawl": sprawl}
