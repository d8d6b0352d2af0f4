"""附件3 in the package: what the map set is asked to draw and what it gives back.

Core cannot draw (no QGIS here). ``build_package`` describes the map set it wants in a
``MapSetRequest`` and hands it to a *map-set exporter*, a callable that returns a
``MapSetOutcome``; the QGIS one is ``qgis_bridge.package_export.export_package_map_set``. Without
an exporter (no QGIS) the package is made without 附件3 and the manifest says why.

``map_set_results(...)`` turns what the assessment database holds into the map set's result
inputs (pure shapely / pandas), so the plugin, the Processing algorithm and the headless runner
draw the same maps:

* ``compliance_violations`` — the stored violation layer of the year, without the rule
  ``new_construction`` (all new construction land, which the construction-change map shows);
* ``service_area:<facility role>`` — the roads a walk (or drive) coverage indicator reached
  (its ``result_<code>_<n>`` line layer), buffered by the half-width the coverage counts
  (100 m) and unioned; ``uncovered:<facility role>`` — its gap layer (residential land not fully
  covered), minus the service area, so that only the uncovered land is red;
* ``life_circle`` — the population cells of the 15-minute life circle (F-06) with ``within``
  (facility types reached) and ``required``: cells of the gap layer with their N_WITHIN, the other
  populated cells in the urban area with every type;
* ``indicator:<code>`` — district values of the year for the indicators the outline draws by district;
* ``satisfaction`` — district satisfaction scores when the survey ran.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
import shapely

from ..layer_data import LayerData
from ..mapset.values import DistrictValues
from ..roles.registry import ROLES_BY_ID
from ..store import gpkg

SERVICE_HALF_WIDTH_M = 100.0  # land within this distance of a reached road counts as covered (network coverage)
UNION_TILE_M = 1000.0
LIFE_CIRCLE_CODE = "F-06"


@dataclass
class MapPage:
    id: str  # map-set entry id ('landuse_status', 'coverage_fac_primary_school', 'indicator_F_21')
    name: str  # Chinese map name
    png: Optional[Path] = None


@dataclass
class MapSetRequest:
    data: Path
    assessment_db: Optional[Path]
    year: int
    base_year: int
    city: str
    folder: Path  # where the PDF goes; PNGs into folder / png_folder_name
    pdf_name: str
    png_folder_name: str = "附件3 分析图集"
    paper: str = "A3"
    png_dpi: int = 150
    lang: str = "zh"
    maps: Optional[Sequence[str]] = None  # entry ids; None = every map that can be drawn
    district_codes: Sequence[str] = ()
    results: Dict[str, object] = field(default_factory=dict)  # map_set_results(...) (+ satisfaction)
    atlas: bool = False
    feedback: object = None  # duck-typed: setProgress, isCanceled, pushInfo


@dataclass
class MapSetOutcome:
    pdf: Optional[Path]
    pages: List[MapPage]
    unavailable: List[Tuple[str, str]] = field(default_factory=list)  # (map id or name, reason)
    page_count: int = 0
    seconds: float = 0.0
    warnings: List[str] = field(default_factory=list)
    page_times: List[Tuple[str, float, float]] = field(default_factory=list)

    def page(self, map_id: str) -> Optional[MapPage]:
        return next((p for p in self.pages if p.id == map_id), None)

    def reason(self, map_id: str) -> str:
        return next((why for mid, why in self.unavailable if mid == map_id), "")


MapSetExporter = Callable[[MapSetRequest], MapSetOutcome]


# --------------------------------------------------------------------------------------
# results from the assessment database

def _tables(path) -> Dict[str, str]:
    try:
        return {row[0].lower(): row[0] for row in gpkg.list_layers(path)}
    except Exception:  # noqa: BLE001 - unreadable database: nothing to draw from it
        return {}


def result_tables(tables: Mapping[str, str], code: str) -> List[str]:
    prefix = "result_" + code.replace("-", "_").lower() + "_"
    return [name for lower, name in sorted(tables.items()) if lower.startswith(prefix)]


def road_buffers(lines: np.ndarray, half_width: float = SERVICE_HALF_WIDTH_M) -> np.ndarray:
    """Each reached road piece buffered by ``half_width`` (the land the coverage counts as covered)."""
    lines = np.asarray(lines, dtype=object)
    lines = lines[~shapely.is_missing(lines) & ~shapely.is_empty(lines)]
    return shapely.buffer(lines, half_width, quad_segs=2)


def service_polygon(buffers: np.ndarray) -> Tuple[object, np.ndarray]:
    """(union of the road buffers, the per-tile unions it was made of); (None, []) when empty.

    The buffers are unioned per 1 km tile first (by centroid), then the tiles: each GEOS union
    stays small. The tile unions overlap a little at tile edges; together they are the polygon."""
    from ..network.lines import grouped_union

    if len(buffers) == 0:
        return None, np.empty(0, dtype=object)
    mid = shapely.get_coordinates(shapely.centroid(buffers))
    cell = np.floor(mid / UNION_TILE_M).astype(np.int64)
    span = int(cell[:, 1].max() - cell[:, 1].min()) + 1
    key = (cell[:, 0] - cell[:, 0].min()) * span + (cell[:, 1] - cell[:, 1].min())
    _, parts = grouped_union(buffers, key)
    return shapely.union_all(parts), parts


def uncovered_parts(gap: LayerData, parts: np.ndarray) -> np.ndarray:
    """The parts of the gap layer's residential polygons outside the service area: polygons with no
    coverage (COV_PCT 0) whole, partly covered ones minus the tile unions of the service area that
    touch them (what UNCOV_M2 measures). Vectorised: one ``difference`` call per overlap rank."""
    geometries = np.asarray(gap.geometries, dtype=object).copy()
    share = gap.column("COV_PCT")
    partly = np.asarray(pd.to_numeric(share, errors="coerce").fillna(0) > 0) if share is not None else \
        np.ones(len(geometries), dtype=bool)
    rows = np.flatnonzero(partly)
    if not len(rows) or not len(parts):
        return geometries
    broken = rows[~shapely.is_valid(geometries[rows])]
    if len(broken):
        geometries[broken] = shapely.make_valid(geometries[broken])
    near, part = shapely.STRtree(parts).query(geometries[rows], predicate="intersects")
    order = np.lexsort((part, near))
    near, part = near[order], part[order]
    rank = np.arange(len(near)) - np.searchsorted(near, near)
    for k in range(int(rank.max()) + 1 if len(rank) else 0):
        chosen = rank == k
        index = rows[near[chosen]]
        try:
            geometries[index] = shapely.difference(geometries[index], parts[part[chosen]])
        except shapely.errors.GEOSException:  # robustness: snap to 1 cm, else keep what there is
            try:
                geometries[index] = shapely.difference(geometries[index], parts[part[chosen]], grid_size=0.01)
            except shapely.errors.GEOSException:
                pass
    return geometries


def _coverage_indicators(catalog) -> List[Tuple[str, str, str]]:
    """(code, facility role, mode) of coverage indicators with one facility type, walking first."""
    found = []
    for indicator in catalog:
        if getattr(indicator, "method", "") != "walk_coverage":
            continue
        facilities = list((indicator.params or {}).get("facilities") or [])
        if len(facilities) == 1 and facilities[0] in ROLES_BY_ID:
            found.append((indicator.code, facilities[0], str((indicator.params or {}).get("mode", "walk"))))
    return sorted(found, key=lambda item: item[2] != "walk")


def coverage_results(path, catalog, tables: Optional[Mapping[str, str]] = None) -> Dict[str, LayerData]:
    """service_area:<role> and uncovered:<role> layers from the coverage indicators' result layers."""
    tables = tables if tables is not None else _tables(path)
    out: Dict[str, LayerData] = {}
    for code, role, _mode in _coverage_indicators(catalog):
        if f"service_area:{role}" in out:
            continue
        names = result_tables(tables, code)
        lines = gap = None
        for name in names:
            layer = gpkg.read_layer(path, name)
            if layer.geometry_type == "line" and lines is None:
                lines = layer
            elif layer.geometry_type == "polygon" and layer.column("UNCOV_M2") is not None and gap is None:
                gap = layer
        if lines is None or not len(lines):
            continue
        polygon, parts = service_polygon(road_buffers(lines.geometries))
        if polygon is None or polygon.is_empty:
            continue
        out[f"service_area:{role}"] = LayerData(
            f"{code} service area", np.array([polygon], dtype=object),
            pd.DataFrame({"facility": [role], "code": [code]}), np.array([1]), crs=lines.crs,
            geometry_type="polygon")
        if gap is not None and len(gap):
            geometries = uncovered_parts(gap, parts)
            keep = ~shapely.is_empty(geometries) & (shapely.area(geometries) > 1.0)
            out[f"uncovered:{role}"] = LayerData(
                f"{code} uncovered", geometries[keep], gap.attributes.loc[keep].reset_index(drop=True),
                np.asarray(gap.fids)[keep], crs=gap.crs, geometry_type="polygon")
    return out


def life_circle_result(path, catalog, data: Optional[Path] = None, tables: Optional[Mapping[str, str]] = None,
                       code: str = LIFE_CIRCLE_CODE) -> Optional[LayerData]:
    """The life-circle cells with ``within`` / ``required`` (see the module docstring), or None."""
    tables = tables if tables is not None else _tables(path)
    indicator = catalog.get(code) if catalog is not None else None
    if indicator is None:
        return None
    required = len((indicator.params or {}).get("facilities") or [])
    gap = None
    for name in result_tables(tables, code):
        layer = gpkg.read_layer(path, name)
        if layer.geometry_type in ("polygon", "point") and layer.column("N_WITHIN") is not None:
            gap = layer
            break
    if gap is None or not required:
        return None
    within = pd.to_numeric(gap.column("N_WITHIN"), errors="coerce").fillna(0).astype(int).to_numpy()
    geometries = [np.asarray(gap.geometries, dtype=object)]
    values = [within]
    src = pd.to_numeric(gap.column("SRC_FID"), errors="coerce") if gap.column("SRC_FID") is not None else None
    served = _served_cells(data, src, gap.geometry_type) if data is not None and src is not None else None
    if served is not None and len(served):
        geometries.append(served)
        values.append(np.full(len(served), required, dtype=int))
    geoms = np.concatenate(geometries)
    within_all = np.concatenate(values)
    attributes = pd.DataFrame({"within": within_all, "required": np.full(len(geoms), required, dtype=int)})
    return LayerData("life circle", geoms, attributes, np.arange(1, len(geoms) + 1), crs=gap.crs,
                     geometry_type=gap.geometry_type)


def _served_cells(data: Path, gap_fids: pd.Series, kind: str) -> Optional[np.ndarray]:
    """Populated cells of the data package inside the urban area that are not in the gap layer."""
    tables = _tables(data)
    population = ROLES_BY_ID["population"].standard_name.lower()
    urban = ROLES_BY_ID["urban_area"].standard_name.lower()
    if population not in tables:
        return None
    cells = gpkg.read_layer(data, tables[population])
    if cells.geometry_type != kind:
        return None
    keep = ~np.isin(np.asarray(cells.fids), gap_fids.dropna().astype(np.int64).to_numpy())
    people = cells.column("RKS")
    if people is not None:
        keep &= np.asarray(pd.to_numeric(people, errors="coerce").fillna(0) > 0)
    geoms = np.asarray(cells.geometries, dtype=object)
    if urban in tables:
        area = shapely.union_all(gpkg.read_layer(data, tables[urban]).geometries)
        shapely.prepare(area)
        inside = np.zeros(len(geoms), dtype=bool)
        candidates = np.flatnonzero(keep)
        inside[candidates] = shapely.contains_xy(area, *shapely.get_coordinates(
            shapely.point_on_surface(geoms[candidates])).T)
        keep &= inside
    return geoms[keep]


def district_values(path, year: int, codes: Sequence[str], catalog) -> Dict[str, DistrictValues]:
    """indicator:<code> district tables of ``year`` for ``codes`` that have district values."""
    from ..store.results import read_values

    if path is None or not Path(path).is_file() or not codes:
        return {}
    rows = read_values(path, year=year)
    if rows.empty:
        return {}
    out: Dict[str, DistrictValues] = {}
    for code in codes:
        picked = rows[(rows["code"] == code) & (rows["unit_type"] == "district")]
        if picked.empty or not pd.to_numeric(picked["value"], errors="coerce").notna().any():
            continue
        indicator = catalog.get(code) if catalog is not None else None
        name = indicator.name_zh if indicator is not None else code
        values = DistrictValues.from_store_rows(picked, code, name,
                                                name_en=getattr(indicator, "name_en", "") if indicator else "")
        direction = getattr(indicator, "direction", "") if indicator is not None else ""
        values.higher_is_better = True if direction == "positive" else False if direction == "negative" else None
        out[f"indicator:{code}"] = values
    return out


def map_set_results(assessment_db: Optional[Path], year: int, catalog, data: Optional[Path] = None,
                    district_codes: Sequence[str] = ()) -> Tuple[Dict[str, object], List[str]]:
    """(results for MapSetInputs, notes) from the assessment database of the year."""
    from ..compliance.storage import read_violations

    notes: List[str] = []
    if assessment_db is None or not Path(assessment_db).is_file():
        return {}, notes
    tables = _tables(assessment_db)
    results: Dict[str, object] = {}
    violations = read_violations(assessment_db, year)
    if violations is not None:
        rule = violations.column("rule")
        if rule is not None:  # all new construction land is drawn on its own map (construction_change)
            keep = np.asarray(rule.astype(str) != "new_construction")
            violations = LayerData(violations.name, np.asarray(violations.geometries, dtype=object)[keep],
                                   violations.attributes.loc[keep].reset_index(drop=True),
                                   np.asarray(violations.fids)[keep], crs=violations.crs,
                                   geometry_type=violations.geometry_type)
        results["compliance_violations"] = violations
    if catalog is not None:
        results.update(coverage_results(assessment_db, catalog, tables))
        life = life_circle_result(assessment_db, catalog, data, tables)
        if life is not None:
            results["life_circle"] = life
    results.update(district_values(assessment_db, year, district_codes, catalog))
    return results, notes
