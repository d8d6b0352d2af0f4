"""三调 attributes of the patches: CZCSXM, areas (TBMJ, KCMJ, TBDLMJ), ZLDWDM and BSM."""

import numpy as np
import pandas as pd
import shapely

from ..landuse.codes import CodeTable, LandUseGroups
from . import zoning as Z

CULTIVATED = ("0101", "0102", "0103")


def construction_mask(dlbm: np.ndarray) -> np.ndarray:
    """建设用地 by the shared group definition (codes here are already clean strings)."""
    codes = np.array(LandUseGroups.default()["jianshe"].dlbm, dtype=object)
    return np.isin(np.asarray(dlbm, dtype=object), codes)


def settlement_codes(dlbm, zone, town, fringe) -> np.ndarray:
    """CZCSXM of patches: 201/202 in the city / towns, 203 in villages, A for independent industry,
    204 on mining land, 205 on special land outside settlements; blank on non-construction land and
    on regional infrastructure (公路, airport, port)."""
    dlbm = np.asarray(dlbm, dtype=object)
    out = np.full(len(dlbm), "", dtype=object)
    built = construction_mask(dlbm)
    city_zone = np.isin(zone, (Z.URBAN, Z.INDUSTRY, Z.PARK, Z.UNIV))
    base = np.where(town, "202", "201")
    rows = built & city_zone
    out[rows] = base[rows]
    industry_a = rows & (dlbm == "0601") & fringe
    out[industry_a] = np.where(town[industry_a], "202A", "201A")
    rows = built & (zone == Z.VILLAGE)
    out[rows] = np.where(dlbm[rows] == "0601", "203A", "203")
    out[built & (dlbm == "0602")] = "204"
    out[built & (dlbm == "09") & ~city_zone & (zone != Z.VILLAGE)] = "205"
    out[np.isin(dlbm, ("1003", "1007", "1008", "1001", "1002", "1009", "1109"))] = ""
    return out


def areas(geometry: np.ndarray, dlbm: np.ndarray, slope: np.ndarray):
    """TBMJ (planar m²), KCMJ (田坎 on cultivated land: 2-8 % rising with slope), TBDLMJ."""
    tbmj = np.round(shapely.area(geometry), 2)
    ratio = np.where(np.isin(dlbm, CULTIVATED), 0.02 + 0.06 * np.clip(slope, 0, 1), 0.0)
    kcmj = np.round(tbmj * ratio, 2)
    return tbmj, kcmj, np.round(tbmj - kcmj, 2)


def land_class_names(dlbm: np.ndarray) -> np.ndarray:
    names = CodeTable.default().names
    return np.array([names.get(code, "") for code in dlbm], dtype=object)


def assign_bsm(xzqdm_2020, key_2020, wkb_2020, dlbm_2020, xzqdm_2024, key_2024, wkb_2024, dlbm_2024):
    """BSM of both years: unchanged patches keep their base-year BSM, changed ones get new numbers."""
    base = pd.DataFrame({"x": xzqdm_2020, "key": key_2020, "row": np.arange(len(key_2020))})
    base = base.sort_values(["x", "key"], kind="stable")
    base["n"] = base.groupby("x").cumcount() + 1
    bsm_2020 = np.empty(len(key_2020), dtype=object)
    bsm_2020[base["row"].to_numpy()] = (base["x"] + base["n"].map("{:010d}".format)).to_numpy()
    last = base.groupby("x")["n"].max()

    lookup = pd.Series(np.arange(len(key_2020)), index=key_2020)
    match = lookup.reindex(key_2024).to_numpy()
    found = ~np.isnan(match)
    same = np.zeros(len(key_2024), dtype=bool)
    idx = match[found].astype(np.int64)
    same_rows = np.flatnonzero(found)
    same[same_rows] = (np.asarray(wkb_2024, dtype=object)[same_rows] == np.asarray(wkb_2020, dtype=object)[idx]) & \
        (np.asarray(dlbm_2024, dtype=object)[same_rows] == np.asarray(dlbm_2020, dtype=object)[idx])
    bsm_2024 = np.empty(len(key_2024), dtype=object)
    bsm_2024[same] = bsm_2020[match[same].astype(np.int64)]
    new = pd.DataFrame({"x": np.asarray(xzqdm_2024, dtype=object)[~same], "key": np.asarray(key_2024)[~same],
                        "row": np.flatnonzero(~same)}).sort_values(["x", "key"], kind="stable")
    new["n"] = new.groupby("x").cumcount() + 1 + new["x"].map(last).fillna(0).astype(np.int64)
    bsm_2024[new["row"].to_numpy()] = (new["x"] + new["n"].map("{:010d}".format)).to_numpy()
    return bsm_2020, bsm_2024, same
