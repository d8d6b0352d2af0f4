"""Inputs of a coverage run, built from ``LayerData``: facilities, demand points, residential land.

* Facilities: points as they are; polygon facilities (parks, forests) as points along their
  boundary every ``spacing`` metres, each remembering its polygon (``owner``), so that "nearest
  facility" and catchments refer to the polygon.
* Demand: resident points, or polygon cells turned into one point each (centroid, or a point on
  the surface where the centroid falls outside), weighted by a population field.
* Residential land: polygons (e.g. DLTB 0701 inside 城区, clipped by the caller).
Zone labels (city, 城区, district, sub-district …) are arrays aligned with the items.
"""

from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional

import numpy as np
import pandas as pd
import shapely

from ..i18n import tr
from ..layer_data import LayerData
from .errors import NetworkError
from .graph import check_metric_crs

POINT, POLYGON_TYPES = 0, (3, 6)


@dataclass
class Facilities:
    """Points of one facility type; several points may belong to one facility (``owner``)."""

    name: str
    points: np.ndarray  # shapely Points
    owner: np.ndarray  # facility index of each point (0..n_facilities-1)
    ids: np.ndarray  # source feature id of each facility
    labels: Optional[np.ndarray] = None  # facility names (MC) when known

    @property
    def n_facilities(self) -> int:
        return len(self.ids)


@dataclass
class Demand:
    """Demand points with weights (population) and zone labels per level."""

    points: np.ndarray
    weights: np.ndarray
    zones: Dict[str, np.ndarray] = field(default_factory=dict)
    ids: Optional[np.ndarray] = None
    notes: list = field(default_factory=list)


@dataclass
class Residential:
    """Residential land polygons with zone labels per level."""

    polygons: np.ndarray
    zones: Dict[str, np.ndarray] = field(default_factory=dict)
    ids: Optional[np.ndarray] = None


def facilities_from_layer(layer: LayerData, name: str = None, spacing: float = 50.0) -> Facilities:
    """Facility points of a layer; polygons (and lines) become points every ``spacing`` metres
    along their boundary, all owned by their feature."""
    check_metric_crs(layer)
    geoms = shapely.force_2d(np.asarray(layer.geometries, dtype=object))
    geoms = np.where(shapely.is_missing(geoms), shapely.Point(), geoms)
    kind = shapely.get_type_id(geoms)
    pointlike = np.isin(kind, (0, 4)) | shapely.is_empty(geoms)
    points, owner = shapely.get_parts(np.where(pointlike, geoms, shapely.MultiPoint()), return_index=True)
    if (~pointlike).any():
        b_pts, b_owner = outline_points(geoms[~pointlike], spacing)
        points = np.concatenate((points, b_pts))
        owner = np.concatenate((owner, np.flatnonzero(~pointlike)[b_owner]))
    label_col = layer.column("MC")
    labels = None if label_col is None else label_col.astype("string").fillna("").to_numpy()
    return Facilities(name or layer.name, points, owner.astype(np.int64), np.asarray(layer.fids), labels)


def outline_points(geoms: np.ndarray, spacing: float):
    """Points every ``spacing`` metres along polygon boundaries or lines (at least one per part)."""
    outline = np.where(np.isin(shapely.get_type_id(geoms), POLYGON_TYPES), shapely.boundary(geoms), geoms)
    parts, owner = shapely.get_parts(outline, return_index=True)
    length = shapely.length(parts)
    count = np.maximum(np.ceil(length / spacing).astype(np.int64), 1)
    part_of = np.repeat(np.arange(len(parts)), count)
    start = np.cumsum(count) - count
    k = np.arange(int(count.sum())) - np.repeat(start, count)
    distance = k * (length[part_of] / count[part_of])
    return shapely.line_interpolate_point(parts[part_of], distance), owner[part_of]


def demand_from_layer(layer: LayerData, weight_field: Optional[str] = "RKS",
                      zones: Mapping[str, np.ndarray] = None) -> Demand:
    """Demand points (polygon cells → one point each) weighted by ``weight_field`` (None: weight 1)."""
    check_metric_crs(layer)
    geoms = shapely.force_2d(np.asarray(layer.geometries, dtype=object))
    notes = []
    weights = _weights(layer, weight_field, notes)
    points = representative_points(geoms)
    empty = shapely.is_empty(points)
    if empty.any():
        notes.append(tr("{count} features of layer '{layer}' have no geometry and count as not covered.").format(
            count=int(empty.sum()), layer=layer.name))
    return Demand(points, weights, dict(zones or {}), np.asarray(layer.fids), notes)


def representative_points(geoms: np.ndarray) -> np.ndarray:
    """Points as they are; for other geometries the centroid, or a point on the surface when outside."""
    geoms = np.asarray(geoms, dtype=object)
    missing = shapely.is_missing(geoms)
    geoms = np.where(missing, shapely.Point(), geoms)
    out = shapely.centroid(geoms)
    polygonal = np.isin(shapely.get_type_id(geoms), POLYGON_TYPES) & ~shapely.is_empty(geoms)
    inside = np.zeros(len(geoms), dtype=bool)
    xy = np.full((len(geoms), 2), np.nan)  # NaN (not inside) for an empty centroid, keeping rows aligned
    found, row = shapely.get_coordinates(out, return_index=True)
    xy[row] = found
    inside[polygonal] = shapely.contains_xy(geoms[polygonal], xy[polygonal, 0], xy[polygonal, 1])
    outside = polygonal & ~inside
    if outside.any():
        out[outside] = shapely.point_on_surface(geoms[outside])
    return out


def _weights(layer, weight_field, notes):
    if weight_field is None:
        return np.ones(len(layer))
    col = layer.column(weight_field)
    if col is None:
        raise NetworkError(tr("Layer '{layer}' has no population field '{field}': choose the field that "
                              "holds residents per feature.").format(layer=layer.name, field=weight_field))
    values = pd.to_numeric(col, errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(values) | (values < 0)
    if bad.any():
        shown = ", ".join(str(f) for f in np.asarray(layer.fids)[bad][:5])
        notes.append(tr("Layer '{layer}': {count} features have no valid '{field}' value and count as 0 "
                        "residents (feature ids {ids}).").format(
            layer=layer.name, count=int(bad.sum()), field=weight_field, ids=shown))
        values = np.where(bad, 0.0, values)
    return values


def residential_from_layer(layer: LayerData, zones: Mapping[str, np.ndarray] = None) -> Residential:
    check_metric_crs(layer)
    return Residential(np.asarray(layer.geometries, dtype=object), dict(zones or {}), np.asarray(layer.fids))


def label_by_polygons(geoms: np.ndarray, zone_polygons: np.ndarray, zone_labels) -> np.ndarray:
    """The label of the zone polygon holding each geometry's representative point (None outside).

    For zone levels such as 城区 (one polygon, one label), districts or sub-districts. Where zone
    polygons overlap, the first one in input order wins.
    """
    points = representative_points(np.asarray(geoms, dtype=object))
    zone_polygons = np.asarray(zone_polygons, dtype=object)
    labels = np.asarray(zone_labels, dtype=object)
    out = np.full(len(points), None, dtype=object)
    if len(zone_polygons) == 0 or len(points) == 0:
        return out
    p, z = shapely.STRtree(zone_polygons).query(points, predicate="intersects")
    order = np.lexsort((z, p))
    first = order[np.r_[True, p[order][1:] != p[order][:-1]]] if len(p) else order
    out[p[first]] = labels[z[first]]
    return out
