"""District boundaries (real Xiamen outline), sub-district seeds and the sea-facing coast."""

import json
from dataclasses import dataclass
from typing import List

import numpy as np
import shapely
import shapely.ops

from ...resources_paths import DATA
from ..i18n import tr
from . import places
from .projection import GK_CM117, lonlat_to_4548, project_geometries

DISTRICTS_FILE = DATA / "xiamen_districts.geojson"


def _polygonal(geometry):
    """Only the polygon parts of a (possibly mixed) geometry, as a MultiPolygon."""
    parts = []
    for part in shapely.get_parts(geometry):
        for sub in shapely.get_parts(part):
            if sub.geom_type == "Polygon" and not sub.is_empty:
                parts.append(sub)
    return shapely.MultiPolygon(parts)


@dataclass
class Districts:
    codes: List[str]
    names: List[str]
    geometries: np.ndarray  # projected, valid, non-overlapping MultiPolygons
    city: object  # union of all six districts (projected)
    coast: np.ndarray  # sea-facing coastline segments (LineStrings)

    def select(self, codes) -> "Districts":
        keep = [i for i, code in enumerate(self.codes) if code in codes]
        return Districts([self.codes[i] for i in keep], [self.names[i] for i in keep],
                         self.geometries[keep], self.city, self.coast)

    @property
    def study_area(self):
        return shapely.union_all(self.geometries)


def load_districts() -> Districts:
    if not DISTRICTS_FILE.is_file():
        raise FileNotFoundError(tr("The demo district boundaries are missing: {path}. Reinstall the plugin.").format(path=DISTRICTS_FILE))
    data = json.loads(DISTRICTS_FILE.read_text(encoding="utf-8"))
    features = sorted(data["features"], key=lambda f: str(f["id"]))
    codes = [str(f["id"]) for f in features]
    names = [f["properties"]["name"] for f in features]
    raw = [shapely.geometry.shape(f["geometry"]) for f in features]
    cleaned, taken = [], None
    for geometry in raw:
        geometry = _polygonal(shapely.make_valid(geometry))
        if taken is not None:  # remove slivers shared with earlier districts: a partition
            geometry = _polygonal(shapely.difference(geometry, taken))
        taken = geometry if taken is None else shapely.union(taken, geometry)
        cleaned.append(geometry)
    projected = project_geometries(np.array(cleaned, dtype=object))
    projected = np.array([_polygonal(shapely.make_valid(g)) for g in projected], dtype=object)
    city = shapely.union_all(projected)
    return Districts(codes, names, projected, city, _sea_coast(city))


def _sea_coast(city) -> np.ndarray:
    """Boundary segments of the whole city that face the sea (land borders to the N and W excluded)."""
    boundary = shapely.boundary(city)
    coords = []
    for line in shapely.get_parts(boundary):
        pts = shapely.get_coordinates(line)
        coords.append(np.stack([pts[:-1], pts[1:]], axis=1))
    segments = np.concatenate(coords)
    mid = segments.mean(axis=1)
    lon, lat = GK_CM117.inverse(mid[:, 0], mid[:, 1])
    land_border = (lat > 24.68) | ((lon < 117.99) & (lat > 24.455))
    segments = segments[~land_border]
    return shapely.linestrings(segments)


@dataclass
class SubdistrictSeeds:
    codes: np.ndarray  # 9-digit JDDM
    names: np.ndarray
    kinds: np.ndarray  # 街道 / 镇
    district: np.ndarray  # index into Districts
    x: np.ndarray
    y: np.ndarray


def subdistrict_seeds(districts: Districts) -> SubdistrictSeeds:
    codes, names, kinds, owner, xs, ys = [], [], [], [], [], []
    for index, code in enumerate(districts.codes):
        _, items = places.SUBDISTRICTS[code]
        street_no, town_no = 0, 100
        for name, kind, lon, lat in items:
            if kind == "街道":
                street_no += 1
                number = street_no
            else:
                town_no += 1
                number = town_no
            x, y = lonlat_to_4548(lon, lat)
            point = shapely.Point(float(x), float(y))
            geometry = districts.geometries[index]
            if not geometry.contains(point):  # snap an approximate seed into its district
                point = shapely.Point(*_inside_near(geometry, point))
            codes.append(f"{code}{number:03d}")
            names.append(name)
            kinds.append(kind)
            owner.append(index)
            xs.append(point.x)
            ys.append(point.y)
    return SubdistrictSeeds(np.array(codes, dtype=object), np.array(names, dtype=object),
                            np.array(kinds, dtype=object), np.array(owner), np.array(xs), np.array(ys))


def _inside_near(geometry, point):
    """A point inside ``geometry`` close to ``point`` (the nearest boundary point nudged inwards)."""
    nearest = shapely.ops.nearest_points(geometry, point)[0]
    inner = shapely.buffer(geometry, -50.0)
    if not inner.is_empty:
        nearest = shapely.ops.nearest_points(inner, nearest)[0]
    return nearest.x, nearest.y
