"""Layers the map set computes itself (``derived:<id>`` sources of the catalogue).

* ``construction_change`` — construction land (三调 group ``jianshe`` by default) that is new
  since the base year, and construction land of the base year that is no longer
  construction land; computed with the bottom-line check ``check_new_construction`` in both
  directions, so that the map and the compliance table agree to the square metre.
* ``road_density`` — per district: road length (km) inside the district / district area
  (km²), both on the CGCS2000 ellipsoid (planar when the CRS is not recognised).
* ``population_density`` — residents per km² of each population grid cell; for a point
  population layer, per district.

Inputs are ``LayerData`` in one metric CRS (as qgis_bridge.layers.read_layer returns them);
outputs are ``LayerData`` that the bridge turns into memory layers.
"""

from typing import Optional, Sequence

import numpy as np
import pandas as pd
import shapely

from ..compliance import ComplianceOptions, check_new_construction
from ..geodesy import GeodesyError, ellipsoidal_area, ellipsoidal_length
from ..i18n import tr
from ..layer_data import LayerData
from ..roles.recognition import field_mapping
from ..roles.registry import role as registry_role
from .values import DistrictValues, _code


class DerivedError(ValueError):
    """A derived layer cannot be computed from the given layers; the message says why."""


CHANGE_NEW = "new"
CHANGE_LOST = "lost"


def role_field(layer: LayerData, role_id: str, standard: str) -> Optional[str]:
    """The layer's column for a role's standard field (exact, case-insensitive, aliases)."""
    columns = list(layer.attributes.columns)
    if standard in columns:
        return standard
    return field_mapping(registry_role(role_id), columns).get(standard)


def _areas(geometries: np.ndarray, crs: str) -> np.ndarray:
    try:
        return ellipsoidal_area(geometries, crs)
    except GeodesyError:
        return shapely.area(geometries)


def _lengths(geometries: np.ndarray, crs: str) -> np.ndarray:
    try:
        return ellipsoidal_length(geometries, crs)
    except GeodesyError:
        return shapely.length(geometries)


def construction_change(current: LayerData, base: LayerData, group: str = "jianshe", min_area_m2: float = 1.0,
                        districts: Optional[LayerData] = None, feedback=None) -> LayerData:
    """Polygons of new (``change`` = 'new') and lost ('lost') construction land, base → current.

    Columns: ``change``, ``DLBM``, ``DLMC`` (current class), ``base_DLBM``, ``base_DLMC``,
    ``XZQDM``, ``area_m2``. Raises DerivedError when a layer cannot be used (the check's message).
    """
    options = ComplianceOptions(construction_group=group, min_area_m2=min_area_m2)
    new = check_new_construction(current, base, districts, options=options, feedback=feedback)
    if not new.ran:
        raise DerivedError(new.message)
    lost = check_new_construction(base, current, districts, options=options, feedback=feedback)
    if not lost.ran:
        raise DerivedError(lost.message)
    parts = []
    for change, result, swap in ((CHANGE_NEW, new, False), (CHANGE_LOST, lost, True)):
        table = result.violations.attributes
        count = len(table)

        def column(name, table=table, count=count):
            return table[name].to_numpy(dtype=object) if name in table else np.full(count, "", dtype=object)

        now_code, now_name = column("DLBM"), column("DLMC")
        then_code, then_name = column("base_DLBM"), column("base_DLMC")
        if swap:  # the 'lost' run had the base year as "current"
            now_code, then_code, now_name, then_name = then_code, now_code, then_name, now_name
        parts.append((result.violations.geometries, pd.DataFrame({
            "change": np.full(count, change, dtype=object), "DLBM": now_code, "DLMC": now_name,
            "base_DLBM": then_code, "base_DLMC": then_name, "XZQDM": column("XZQDM"),
            "area_m2": pd.to_numeric(table["part_m2"] if "part_m2" in table else pd.Series(np.zeros(count)),
                                     errors="coerce").to_numpy(dtype=float)})))
    geometries = np.concatenate([p[0] for p in parts]) if parts else np.array([], dtype=object)
    table = pd.concat([p[1] for p in parts], ignore_index=True)
    return LayerData("construction_change", np.asarray(geometries, dtype=object), table,
                     np.arange(len(table), dtype="int64"), crs=current.crs, geometry_type="polygon",
                     source="cityhealth:mapset", notes=list(new.warnings) + list(lost.warnings))


def _district_columns(districts: LayerData):
    code_col = role_field(districts, "admin_district", "XZQDM")
    name_col = role_field(districts, "admin_district", "XZQMC")
    if code_col is None:
        raise DerivedError(tr("The district layer '{layer}' has no district code field (XZQDM).").format(
            layer=districts.name))
    codes = np.array([_code(c) for c in districts.attributes[code_col]], dtype=object)
    names = (districts.attributes[name_col].fillna("").astype(str).to_numpy(dtype=object) if name_col
             else codes.copy())
    return codes, names


def _district_frame(districts: LayerData, values: np.ndarray, extra: dict) -> LayerData:
    codes, names = _district_columns(districts)
    frame = pd.DataFrame({"XZQDM": codes, "XZQMC": names, "value": values, **extra})
    return LayerData(districts.name, np.asarray(districts.geometries, dtype=object), frame,
                     np.asarray(districts.fids, dtype="int64"), crs=districts.crs, geometry_type="polygon",
                     source="cityhealth:mapset")


def road_density(roads: LayerData, districts: LayerData, exclude_classes: Sequence[str] = ()) -> LayerData:
    """Districts with ``length_km``, ``area_km2`` and ``density`` (= ``value``, km/km²).

    Roads whose class (DJ) is in ``exclude_classes`` (e.g. 步行道) are left out. A road
    crossing a district boundary counts in each district for the part inside it.
    """
    if roads.crs and districts.crs and roads.crs != districts.crs:
        raise DerivedError(tr("Roads ({roads}) and districts ({districts}) are in different CRSs.").format(
            roads=roads.crs, districts=districts.crs))
    lines = np.asarray(roads.geometries, dtype=object)
    keep = ~shapely.is_missing(lines) & ~shapely.is_empty(lines)
    class_col = role_field(roads, "roads", "DJ")
    if class_col is not None and len(exclude_classes):
        classes = roads.attributes[class_col].fillna("").astype(str).str.strip().to_numpy(dtype=object)
        keep &= ~np.isin(classes, np.array(list(exclude_classes), dtype=object))
    lines = lines[keep]
    polygons = shapely.make_valid(np.asarray(districts.geometries, dtype=object))
    n = len(polygons)
    length = np.zeros(n, dtype=float)
    if len(lines) and n:
        tree = shapely.STRtree(lines)
        district_index, line_index = tree.query(polygons, predicate="intersects")
        if len(district_index):
            pieces = shapely.intersection(lines[line_index], polygons[district_index])
            piece_length = _lengths(pieces, roads.crs or districts.crs)
            length = np.bincount(district_index, weights=piece_length, minlength=n)
    area = _areas(polygons, districts.crs)
    length_km = length / 1000.0
    area_km2 = area / 1e6
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(area_km2 > 0, length_km / area_km2, np.nan)
    return _district_frame(districts, density, {"density": density, "length_km": length_km, "area_km2": area_km2})


def population_density(population: LayerData, districts: Optional[LayerData] = None) -> LayerData:
    """Residents per km²: per grid cell for polygons, per district for points (needs ``districts``).

    Columns: ``RKS`` (residents), ``area_km2``, ``density``.
    """
    field = role_field(population, "population", "RKS")
    if field is None:
        raise DerivedError(tr("The population layer '{layer}' has no residents field (RKS).").format(
            layer=population.name))
    people = pd.to_numeric(population.attributes[field], errors="coerce").fillna(0.0).to_numpy(dtype=float)
    geometries = np.asarray(population.geometries, dtype=object)
    if population.geometry_type == "polygon":
        area_km2 = _areas(geometries, population.crs) / 1e6
        with np.errstate(divide="ignore", invalid="ignore"):
            density = np.where(area_km2 > 0, people / area_km2, np.nan)
        frame = pd.DataFrame({"RKS": people, "area_km2": area_km2, "density": density})
        valid = ~shapely.is_missing(geometries)
        return LayerData(population.name, geometries[valid], frame[valid].reset_index(drop=True),
                         np.asarray(population.fids, dtype="int64")[valid], crs=population.crs,
                         geometry_type="polygon", source="cityhealth:mapset")
    if districts is None:
        raise DerivedError(tr("The population layer '{layer}' is made of points: the density map needs the "
                              "district layer to count residents per district.").format(layer=population.name))
    polygons = shapely.make_valid(np.asarray(districts.geometries, dtype=object))
    tree = shapely.STRtree(polygons)
    point_index, district_index = tree.query(geometries, predicate="within")
    first = pd.Series(district_index).groupby(point_index).first()
    totals = np.bincount(first.to_numpy(), weights=people[first.index.to_numpy()], minlength=len(polygons))
    area_km2 = _areas(polygons, districts.crs) / 1e6
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(area_km2 > 0, totals / area_km2, np.nan)
    return _district_frame(districts, density, {"RKS": totals, "area_km2": area_km2, "density": density})


def district_values_layer(districts: LayerData, values: DistrictValues) -> LayerData:
    """The districts with ``value`` from ``values`` (NaN where a district has none)."""
    codes, _names = _district_columns(districts)
    numbers = np.array([values.value_of(code) for code in codes], dtype=float)
    return _district_frame(districts, numbers, {})
