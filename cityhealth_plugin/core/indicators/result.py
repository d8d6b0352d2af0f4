"""``IndicatorResult``: one indicator's value with its per-unit values and provenance.

The same record feeds the Indicators panel, the conclusion table, the report text and the
data dictionary. ``status`` is one of

* ``ok`` – computed (``value`` may still be NaN when a denominator is 0; see warnings),
* ``missing_input`` – an input is absent; ``missing`` names each role / statistic / field,
* ``unavailable`` – the method is not installed (e.g. ``walk_coverage`` before the network
  engine registers it),
* ``error`` – the inputs are there but the computation failed; ``message`` says why.
"""

import configparser
import json
import math
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional

import pandas as pd

from ...resources_paths import PLUGIN_DIR
from ..layer_data import LayerData

STATUSES = ("ok", "missing_input", "unavailable", "error")
PER_UNIT_COLUMNS = ("unit_type", "unit_code", "unit_name", "value")


@lru_cache(maxsize=1)
def plugin_version() -> str:
    """Version from metadata.txt (the built plugin's copy, else the repository's)."""
    for path in (PLUGIN_DIR / "metadata.txt", PLUGIN_DIR.parent / "metadata.txt"):
        if path.is_file():
            parser = configparser.ConfigParser(interpolation=None)
            try:
                parser.read(path, encoding="utf-8")
                return parser.get("general", "version", fallback="unknown")
            except configparser.Error:
                continue
    return "unknown"


@dataclass
class InputLayer:
    role: str
    layer: str
    features: int
    hash: str
    crs: str
    source: str = ""


@dataclass
class Provenance:
    method: str
    parameters: Dict
    formula: str
    inputs: List[InputLayer] = field(default_factory=list)
    statistics: List[Dict] = field(default_factory=list)
    crs: str = ""
    area_method: str = ""
    choices: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    computed_at: str = ""
    seconds: float = 0.0
    plugin_version: str = field(default_factory=plugin_version)
    catalog_origin: str = ""

    def to_dict(self) -> Dict:
        return asdict(self)


def empty_per_unit() -> pd.DataFrame:
    return pd.DataFrame({"unit_type": pd.Series(dtype=object), "unit_code": pd.Series(dtype=object),
                         "unit_name": pd.Series(dtype=object), "value": pd.Series(dtype=float)})


@dataclass
class IndicatorResult:
    code: str
    name: str
    value: Optional[float]
    unit: str
    status: str
    year: int
    source_type: str
    per_unit: pd.DataFrame = field(default_factory=empty_per_unit)
    provenance: Optional[Provenance] = None
    message: str = ""
    missing: List[str] = field(default_factory=list)
    layers: Dict[str, LayerData] = field(default_factory=dict)
    name_en: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def unit_value(self, unit_type: str, unit_code: str) -> Optional[float]:
        rows = self.per_unit[(self.per_unit["unit_type"] == unit_type) & (self.per_unit["unit_code"] == unit_code)]
        return float(rows["value"].iloc[0]) if len(rows) else None

    def provenance_json(self) -> str:
        data = self.provenance.to_dict() if self.provenance else {}
        data.update({"code": self.code, "status": self.status, "message": self.message, "missing": self.missing,
                     "value": None if self.value is None or (isinstance(self.value, float) and math.isnan(self.value))
                     else self.value, "unit": self.unit})
        return json.dumps(data, ensure_ascii=False, default=str)

    def summary(self) -> str:
        if self.status == "ok":
            value = "NaN" if self.value is None or math.isnan(self.value) else f"{self.value:,.4g}"
            return f"{self.code} {self.name}: {value} {self.unit}"
        return f"{self.code} {self.name}: {self.status} ({self.message})"
