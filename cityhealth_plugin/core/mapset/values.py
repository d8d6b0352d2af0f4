"""Values per district for a choropleth: an indicator, the satisfaction score, any table.

``DistrictValues`` is what another part of the health check hands to the map set for a
district map: the district code (XZQDM) → value, the indicator's name and unit. It is built
from an ``IndicatorResult`` (its ``per_unit`` rows of unit type ``district``), from the rows
of the assessment database (``core/store/results.read_values``) or from any table.
"""

import math
from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional

import numpy as np
import pandas as pd

from ..i18n import tr


def _code(value) -> str:
    """District codes as text without a trailing '.0' (350203.0 → '350203')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value).strip()
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text


@dataclass
class DistrictValues:
    """One value per district. ``values``: {XZQDM: value}; NaN / missing districts show 'no data'."""

    code: str
    name: str
    unit: str = ""
    values: Dict[str, float] = field(default_factory=dict)
    name_en: str = ""
    higher_is_better: Optional[bool] = None  # picks the colour ramp; None = neutral (the catalogue's)
    source: str = ""  # printed in the data source note

    def names(self) -> Dict[str, str]:
        return {"zh": self.name, "en": self.name_en or self.name, "unit": self.unit}

    def value_of(self, district_code) -> float:
        value = self.values.get(_code(district_code))
        return float(value) if value is not None else float("nan")

    def finite_count(self) -> int:
        return int(sum(1 for v in self.values.values() if v is not None and np.isfinite(v)))

    def problems(self) -> Optional[str]:
        """A sentence when the table cannot make a map (no finite value), else None."""
        if self.finite_count() == 0:
            return tr("The district values of '{name}' contain no number.").format(name=self.name or self.code)
        return None

    # -- constructors ---------------------------------------------------------------------
    @classmethod
    def from_table(cls, table: pd.DataFrame, code: str, name: str, unit: str = "", code_field: str = "XZQDM",
                   value_field: str = "value", **extra) -> "DistrictValues":
        """From a table with one row per district (columns ``code_field`` and ``value_field``)."""
        columns = {str(c).lower(): c for c in table.columns}
        code_column = columns.get(code_field.lower())
        value_column = columns.get(value_field.lower())
        if code_column is None or value_column is None:
            missing = [f for f, c in ((code_field, code_column), (value_field, value_column)) if c is None]
            raise ValueError(tr("The district value table '{name}' has no column {fields}.").format(
                name=name or code, fields=", ".join(missing)))
        numbers = pd.to_numeric(table[value_column], errors="coerce")
        values = {_code(c): float(v) for c, v in zip(table[code_column], numbers) if _code(c)}
        return cls(code=str(code), name=name, unit=unit, values=values, **extra)

    @classmethod
    def from_indicator_result(cls, result, unit_type: str = "district") -> "DistrictValues":
        """From a ``core.indicators.result.IndicatorResult`` (its per-unit rows of ``unit_type``)."""
        rows = result.per_unit[result.per_unit["unit_type"] == unit_type] if len(result.per_unit) else result.per_unit
        values = {_code(c): (float(v) if v is not None else float("nan"))
                  for c, v in zip(rows.get("unit_code", []), rows.get("value", []))}
        return cls(code=str(result.code), name=result.name, unit=result.unit or "", values=values,
                   name_en=getattr(result, "name_en", "") or "")

    @classmethod
    def from_store_rows(cls, rows: pd.DataFrame, code: str, name: str, name_en: str = "") -> "DistrictValues":
        """From ``core.store.results.read_values(path, year, code)`` rows (district rows are used)."""
        picked = rows[(rows["code"].astype(str) == str(code)) & (rows["unit_type"] == "district")]
        unit = str(picked["unit"].iloc[0]) if len(picked) and "unit" in picked else ""
        return cls.from_table(picked.rename(columns={"unit_code": "XZQDM"}), code, name, unit, name_en=name_en)


def split_indicator_table(table: pd.DataFrame, code_field: str = "XZQDM", value_field: str = "value") -> Dict[str, DistrictValues]:
    """A long table with columns code / name / unit / XZQDM / value → {indicator code: DistrictValues}.

    A table without a ``code`` column is one indicator called by its ``name`` (or 'value').
    """
    columns = {str(c).lower(): c for c in table.columns}
    code_col, name_col, unit_col = columns.get("code"), columns.get("name"), columns.get("unit")
    name_en_col = columns.get("name_en")
    if code_col is None:
        name = str(table[name_col].iloc[0]) if name_col is not None and len(table) else value_field
        unit = str(table[unit_col].iloc[0]) if unit_col is not None and len(table) else ""
        return {name: DistrictValues.from_table(table, name, name, unit, code_field, value_field)}
    out: Dict[str, DistrictValues] = {}
    for code, group in table.groupby(code_col, sort=False):
        first = group.iloc[0]
        name = str(first[name_col]) if name_col is not None and pd.notna(first[name_col]) else str(code)
        unit = str(first[unit_col]) if unit_col is not None and pd.notna(first[unit_col]) else ""
        name_en = str(first[name_en_col]) if name_en_col is not None and pd.notna(first[name_en_col]) else ""
        out[str(code)] = DistrictValues.from_table(group, str(code), name, unit, code_field, value_field,
                                                   name_en=name_en)
    return out


def values_by_code(values: Mapping[str, DistrictValues]) -> Dict[str, Dict[str, str]]:
    """{code: {zh, en, unit}} — what ``Catalogue.entries(indicators=…)`` takes."""
    return {code: item.names() for code, item in values.items()}
