"""Multi-source cross-check (多源数据相互校核): computed spatial value vs the department's figure.

Where an indicator has both a computed value (origin 'computed', status ok — e.g. 耕地保有量
A-11 or 建设用地总面积 C-03 from the land-use survey) and a reported department value for the
same year and unit, the relative difference (department − spatial) / |spatial| beyond the
tolerance (default 5 %) is flagged.
"""

from typing import Optional

import numpy as np
import pandas as pd

DEFAULT_TOLERANCE = 0.05
COLUMNS = ["code", "name_zh", "year", "unit_type", "unit_code", "unit", "spatial_value", "department_value",
           "difference", "difference_pct", "flag"]


def cross_check(values: pd.DataFrame, tolerance: float = DEFAULT_TOLERANCE, catalog=None,
                unit_type: Optional[str] = "city") -> pd.DataFrame:
    """One row per (code, year, unit) with both a computed and a reported value.

    ``values``: indicator_values rows (code, year, unit_type, unit_code, origin, value, status).
    ``difference_pct`` is in percent; ``flag`` is True beyond ``tolerance`` (a fraction, 0.05 =
    5 %) — also when the spatial value is 0 and the department's is not."""
    if tolerance < 0:
        raise ValueError("tolerance must not be negative")
    frame = values if "unit" in values.columns else values.assign(unit="")
    if unit_type is not None:
        frame = frame[frame["unit_type"] == unit_type]
    keys = ["code", "year", "unit_type", "unit_code"]
    computed = frame[(frame["origin"] == "computed") & (frame["status"] == "ok") & frame["value"].notna()]
    reported = frame[(frame["origin"] == "reported") & frame["value"].notna()]
    both = computed[keys + ["value", "unit"]].rename(columns={"value": "spatial_value"}).merge(
        reported[keys + ["value"]].rename(columns={"value": "department_value"}), on=keys, how="inner")
    spatial = both["spatial_value"].to_numpy(dtype=float)
    department = both["department_value"].to_numpy(dtype=float)
    difference = department - spatial
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(spatial != 0, difference / np.abs(spatial) * 100.0,
                       np.where(difference == 0, 0.0, np.inf))
    both["difference"] = difference
    both["difference_pct"] = pct
    both["flag"] = np.abs(pct) > tolerance * 100.0 + 1e-9
    names = {i.code: i.name_zh for i in catalog} if catalog is not None else {}
    both["name_zh"] = both["code"].map(names).fillna("")
    return both[COLUMNS].sort_values(["year", "code", "unit_code"]).reset_index(drop=True)
