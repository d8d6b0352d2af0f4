"""Catalog snapshot per assessment year: the catalog rows used that year, kept with the values."""

import json
from typing import List, Optional

import pandas as pd

from ..catalog.model import Catalog, Indicator
from . import schema as S
from .base import RowChange

_FIELDS = ("level1", "level2", "name_zh", "name_en", "unit", "tier", "direction", "method", "params", "source_type",
           "scope", "per_unit", "formula_zh", "target", "target_year", "origin")


def indicator_row(indicator: Indicator) -> dict:
    return {
        "level1": indicator.level1, "level2": indicator.level2, "name_zh": indicator.name_zh,
        "name_en": indicator.name_en, "unit": indicator.unit, "tier": indicator.tier,
        "direction": indicator.direction, "method": indicator.method,
        "params": json.dumps(indicator.params, ensure_ascii=False, sort_keys=True),
        "source_type": indicator.source_type, "scope": indicator.scope, "per_unit": ";".join(indicator.per_unit),
        "formula_zh": indicator.formula_zh, "target": indicator.target, "target_year": indicator.target_year,
        "origin": indicator.origin,
    }


class CatalogSnapshotMixin:
    def snapshot_catalog(self, catalog: Catalog, year: int, by: Optional[str] = None) -> int:
        """Record the catalog rows used in ``year`` (changed rows are updated and audited; rows of
        indicators no longer in the catalog are removed). Returns the rows changed."""
        year = int(year)
        old = self.catalog_snapshot(year)
        gone = sorted(set(old["code"]) - set(catalog.codes())) if len(old) else []
        changes = [RowChange({"year": year, "code": i.code}, indicator_row(i)) for i in catalog]
        changes += [RowChange({"year": year, "code": code}, delete=True) for code in gone]
        with self._save("catalog", by, note=f"{year}") as ctx:
            return self._apply(ctx, S.CATALOG_SNAPSHOT, changes, audit_inserts=False)

    def catalog_snapshot(self, year: int) -> pd.DataFrame:
        return self.read_table(S.CATALOG_SNAPSHOT, "year = ?", [int(year)])

    def snapshot_years(self) -> List[int]:
        frame = self.read_frame(f"SELECT DISTINCT year FROM {self.t('catalog_snapshot')} ORDER BY year")
        return [int(y) for y in frame["year"]] if len(frame) else []

    def catalog_for_year(self, year: int, statistics=None) -> Optional[Catalog]:
        """The catalog as it was used in ``year`` (None without a snapshot)."""
        frame = self.catalog_snapshot(year)
        if not len(frame):
            return None
        indicators = {}
        for row in frame.itertuples(index=False):
            params = json.loads(row.params) if row.params else {}
            target_year = None if pd.isna(row.target_year) else int(row.target_year)
            indicators[row.code] = Indicator(
                code=row.code, level1=row.level1 or "", level2=row.level2 or "", name_zh=row.name_zh or "",
                name_en=row.name_en or "", unit=row.unit or "", direction=row.direction or "",
                method=row.method or "", params=params, tier=row.tier or "",
                per_unit=tuple(p for p in (row.per_unit or "").split(";") if p), scope=row.scope or "city",
                formula_zh=row.formula_zh or "", target=row.target or "", target_year=target_year,
                source_type=row.source_type or "statistic", origin=row.origin or "")
        if statistics is None:
            from ..catalog.loader import load_catalog

            statistics = load_catalog().statistics
        return Catalog(indicators, statistics, (f"{self.describe()}:catalog_snapshot:{int(year)}",))

    def _catalog(self, year: int, catalog: Optional[Catalog] = None) -> Catalog:
        if catalog is not None:
            return catalog
        found = self.catalog_for_year(year)
        if found is not None:
            return found
        from ..catalog.loader import load_catalog

        return load_catalog()
