"""The statistics table (DEPT_STATS: code, year, unit_code, value[, unit, name_zh]) as indicator input.

A figure is looked up for the assessment year by code, else by its name or an alias
(``resources/catalog/statistics.csv``, or the indicator's own name); each row's unit is
converted into the expected one; ``unit_code`` 'city' gives the city value, XZQDM / JDDM rows
the per-unit values.
"""

from typing import Optional

import numpy as np
import pandas as pd

from ..i18n import tr
from .errors import MissingInput
from .units import UnitError, parse_unit
from .values import Quantity


def lookup(ctx, code: str, default_unit: Optional[str] = None) -> Quantity:
    """A department figure for ``ctx.year`` in base units: city row and per-unit rows."""
    frame = ctx.statistics
    definition = ctx.catalog.statistic(code) if ctx.catalog else None
    indicator = ctx.catalog.get(code) if ctx.catalog else None
    label = definition.name_zh if definition else indicator.name_zh if indicator else code
    if frame is None or frame.empty:
        raise MissingInput("statistic", code, ctx.statistics_error or tr(
            "Statistic {code} ({name}) for {year}: no statistics table (DEPT_STATS) in the assessment data.").format(
            code=code, name=label, year=ctx.year))
    rows = frame[frame["code"] == code]
    if rows.empty:
        names = {label} | set(definition.aliases if definition else ())
        found = frame["code"].isin(names)
        if "name_zh" in frame:
            found |= frame["name_zh"].isin(names)
        rows = frame[found]
        if not rows.empty:
            ctx.usage.choices.append(tr("statistic {code} found by name '{name}'").format(
                code=code, name=rows["name_zh"].iloc[0] if "name_zh" in rows else rows["code"].iloc[0]))
    if rows.empty:
        raise MissingInput("statistic", code, tr("Statistic {code} ({name}) is not in the statistics table.").format(
            code=code, name=label))
    this_year = rows[rows["year"] == ctx.year]
    if this_year.empty:
        years = sorted(set(int(y) for y in rows["year"].dropna()))
        raise MissingInput("statistic", code, tr("Statistic {code} ({name}) has no value for {year} "
                                                 "(years present: {years}).").format(
            code=code, name=label, year=ctx.year, years=", ".join(map(str, years)) or "-"))
    unit_text = default_unit or (definition.unit if definition else indicator.unit if indicator else "")
    factors = []
    for row_unit in this_year["unit"]:
        text = row_unit if isinstance(row_unit, str) and row_unit.strip() else unit_text
        try:
            parsed = parse_unit(text)
        except UnitError:
            ctx.warn(tr("Statistic {code}: unit '{unit}' not understood; taken as {default}.").format(
                code=code, unit=text, default=unit_text))
            parsed = parse_unit(unit_text)
        if unit_text and parse_unit(unit_text).dimension != parsed.dimension:
            raise UnitError(tr("Statistic {code} is given in '{unit}', which does not convert into '{expected}'.").format(
                code=code, unit=text, expected=unit_text))
        factors.append(parsed.factor)
    dims = parse_unit(unit_text).dimension
    values = pd.to_numeric(this_year["value"], errors="coerce").to_numpy(dtype=float) * np.array(factors)
    unit_codes = this_year["unit_code"].to_numpy(dtype=object)
    city = np.isin(unit_codes, ("city", "", "CITY", "全市"))
    result = Quantity(float("nan"), {}, dims)
    if city.any():
        result.total = float(values[city][0])
    for level in ctx.zones():
        series = pd.Series(values[~city], index=unit_codes[~city])
        series = series[series.index.isin(level.codes)]
        if len(series):
            result.levels[level.unit_type] = series.groupby(level=0).first().reindex(level.codes)
    if not city.any():
        districts = result.levels.get("district")
        extensive = dims and all(power > 0 for _, power in dims)
        if districts is not None and extensive and districts.notna().all():
            result.total = float(districts.sum())
            ctx.warn(tr("Statistic {code}: no city row; the city value is the sum of the districts.").format(code=code))
        else:
            raise MissingInput("statistic", code, tr("Statistic {code} ({name}) has no city-wide value for "
                                                     "{year}.").format(code=code, name=label, year=ctx.year))
    raw = this_year[city] if city.any() else this_year
    first_unit = raw["unit"].iloc[0] if isinstance(raw["unit"].iloc[0], str) and raw["unit"].iloc[0] else unit_text
    ctx.usage.statistics.append({"code": code, "name": label, "year": ctx.year,
                                  "unit_code": "city" if city.any() else "sum of districts",
                                  "value": float(pd.to_numeric(raw["value"], errors="coerce").iloc[0])
                                  if city.any() else None, "unit": first_unit,
                                  "rows": int(len(this_year))})
    return result


def normalise_statistics(frame: Optional[pd.DataFrame]) -> Optional[pd.DataFrame]:
    if frame is None:
        return None
    columns = {str(c).lower(): c for c in frame.columns}
    missing = [c for c in ("code", "year", "value") if c not in columns]
    if missing:
        raise ValueError(tr("The statistics table lacks column(s) {columns} (needs code, year, unit_code, value).").format(
            columns=", ".join(missing)))
    out = pd.DataFrame({
        "code": frame[columns["code"]].astype(str).str.strip(),
        "year": pd.to_numeric(frame[columns["year"]], errors="coerce"),
        "unit_code": (frame[columns["unit_code"]] if "unit_code" in columns else pd.Series("city", index=frame.index))
        .fillna("city").astype(str).str.strip(),
        "value": frame[columns["value"]],
        "unit": frame[columns["unit"]] if "unit" in columns else pd.Series(None, index=frame.index, dtype=object),
    })
    if "name_zh" in columns:
        out["name_zh"] = frame[columns["name_zh"]].astype(str).str.strip()
    out["unit_code"] = out["unit_code"].str.replace(r"\.0$", "", regex=True)
    return out
