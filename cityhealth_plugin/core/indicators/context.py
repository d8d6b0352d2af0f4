"""What the methods compute on: the prepared layers, units, statistics and their caches.

``EngineContext`` reads each role's ``LayerData`` once and caches, per layer, the planar
sizes, the ellipsoidal areas / lengths, the STRtree, the assignment to districts and
sub-districts and the clipped pieces per ``within`` role. All measures of one assessment
share these caches: after the first DLTB indicator, the next land-use area is one
``bincount``. It also records what each indicator used (roles, statistics, area method,
warnings) for its provenance.
"""

import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd
import shapely
from shapely import STRtree

from .. import geodesy
from ..catalog.model import Catalog
from ..i18n import tr
from ..landuse.codes import LandUseGroups, normalise_codes
from ..layer_data import LayerData
from ..roles.registry import ROLES_BY_ID
from .errors import MissingInput  # noqa: F401  (re-exported: methods import it from here)
from .statistics import normalise_statistics
from .values import Quantity
from .zones import ZoneLevel, Zones, measure, polygonal, split_by_polygons, subdivide

AREA_TBDLMJ = "TBDLMJ"
AREA_ELLIPSOIDAL = "ellipsoidal CGCS2000"


@dataclass
class PreparedLayer:
    key: str
    role: str
    data: Optional[LayerData]
    geoms: np.ndarray
    kind: str  # polygon | line | point
    attributes: pd.DataFrame
    notes: List[str] = field(default_factory=list)
    _cache: Dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.geoms)

    def cached(self, name, build):
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    @property
    def sizes(self) -> np.ndarray:
        return self.cached("sizes", lambda: measure(self.geoms, self.kind))

    @property
    def tree(self) -> STRtree:
        return self.cached("tree", lambda: STRtree(self.geoms))


@dataclass
class Pieces:
    """Parts of a layer's features inside a ``within`` role (or the whole features)."""

    item: np.ndarray
    share: np.ndarray  # planar share of the feature in this piece
    geoms: np.ndarray
    whole: np.ndarray  # bool: the piece is the whole feature


@dataclass
class Usage:
    roles: List[str] = field(default_factory=list)
    statistics: List[dict] = field(default_factory=list)
    area_methods: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    choices: List[str] = field(default_factory=list)


def content_hash(layer: LayerData) -> str:
    """sha1 over WKB and attributes: changes when any geometry or value changes."""
    digest = hashlib.sha1()
    geoms = np.asarray(layer.geometries, dtype=object)
    wkb = shapely.to_wkb(geoms)
    wkb[shapely.is_missing(geoms)] = b"\0"
    digest.update(b"".join(wkb.tolist()))
    if len(layer.attributes.columns):
        digest.update("|".join(map(str, layer.attributes.columns)).encode("utf-8"))
        digest.update(pd.util.hash_pandas_object(layer.attributes, index=False).to_numpy().tobytes())
    return digest.hexdigest()


class EngineContext:
    def __init__(self, layers: Dict[str, LayerData], statistics: Optional[pd.DataFrame] = None, year: int = 0,
                 catalog: Optional[Catalog] = None, groups: Optional[LandUseGroups] = None,
                 working_crs: Optional[str] = None):
        self.raw = {role: layer for role, layer in layers.items() if layer is not None}
        self.year = int(year or 0)
        self.catalog = catalog
        self.groups = groups or LandUseGroups.default()
        self.statistics_error = ""
        try:
            self.statistics = normalise_statistics(statistics)
        except ValueError as error:  # a broken statistics table must not stop the spatial indicators
            self.statistics, self.statistics_error = None, str(error)
        self.notes: List[str] = []
        self.working_crs = working_crs or self._choose_crs()
        self._layers: Dict[str, PreparedLayer] = {}
        self._hashes: Dict[str, str] = {}
        self._pieces: Dict[Tuple[str, Optional[str]], Pieces] = {}
        self._zone_pairs: Dict[Tuple, Tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._zones: Optional[Zones] = None
        self._tiles: Dict[str, Tuple[np.ndarray, np.ndarray]] = {}
        self.results: Dict[str, Quantity] = {}  # computed indicator values (base units), by code
        self.status: Dict[str, str] = {}
        self.usage = Usage()
        self.plan: List = []  # the indicators of the running compute(), in order: methods may prepare shared work
        self._closers: List[Callable[[], None]] = []

    def on_close(self, closer: Callable[[], None]) -> None:
        """Call ``closer`` when the running compute() ends (e.g. to stop background work)."""
        self._closers.append(closer)

    def close(self) -> None:
        closers, self._closers = self._closers, []
        for closer in closers:
            closer()

    # ------------------------------------------------------------ CRS
    def _choose_crs(self) -> str:
        for role in ("dltb", "admin_district", "urban_area"):
            layer = self.raw.get(role)
            if layer is None or not layer.crs:
                continue
            try:
                info = geodesy.crs_info(layer.crs)
            except geodesy.GeodesyError:
                continue
            if not info.is_geographic:
                return layer.crs
            bounds = shapely.total_bounds(layer.geometries)
            crs = geodesy.zone_for_longitude((bounds[0] + bounds[2]) / 2)
            self.notes.append(tr("Layers are in longitude/latitude; planar work in {crs} (CGCS2000 Gauss-Krüger).").format(
                crs=crs))
            return crs
        return "EPSG:4548"

    # ------------------------------------------------------------ usage / provenance
    def begin(self) -> Usage:
        self.usage = Usage()
        return self.usage

    def warn(self, message: str) -> None:
        if message not in self.usage.warnings:
            self.usage.warnings.append(message)

    @contextmanager
    def scratch_usage(self):
        """Note what a shared preparation uses in a usage of its own (yielded), not the current indicator's."""
        outer, self.usage = self.usage, Usage()
        try:
            yield self.usage
        finally:
            self.usage = outer

    def replay(self, usage: Usage) -> None:
        """Add to the current indicator what a shared (cached) preparation noted when it was built."""
        for role in usage.roles:
            self.use_role(role)
        for text in usage.area_methods:
            self.area_method(text)
        for message in usage.warnings:
            self.warn(message)
        self.usage.statistics.extend(s for s in usage.statistics if s not in self.usage.statistics)
        self.usage.choices.extend(c for c in usage.choices if c not in self.usage.choices)

    def use_role(self, role: str) -> None:
        base = role.split("|")[0]
        if base in self.raw and base not in self.usage.roles:
            self.usage.roles.append(base)
            for note in self.layer(role).notes:
                self.warn(note)

    def layer_hash(self, role: str) -> str:
        if role not in self._hashes:
            self._hashes[role] = content_hash(self.raw[role])
        return self._hashes[role]

    # ------------------------------------------------------------ layers
    def has(self, role: str) -> bool:
        return role in self.raw and len(self.raw[role]) > 0

    def require(self, role: str) -> None:
        if not self.has(role):
            label = ROLES_BY_ID[role].display_name() if role in ROLES_BY_ID else role
            raise MissingInput("role", role, tr("Layer role '{role}' ({label}) is not assigned or empty.").format(
                role=role, label=label))

    def layer(self, key: str) -> PreparedLayer:
        """The prepared layer of a role; keys 'role|dissolved' and 'role|points' are derived views."""
        if key in self._layers:
            return self._layers[key]
        role, _, view = key.partition("|")
        if view == "dissolved":
            base = self.layer(role)
            self._layers[key] = self._dissolved(base, key)
        elif view == "points":
            base = self.layer(role)
            points = base.geoms if base.kind == "point" else shapely.point_on_surface(base.geoms)
            self._layers[key] = PreparedLayer(key, role, base.data, points, "point", base.attributes, list(base.notes))
        elif view:
            raise KeyError(key)  # ad-hoc layers are registered with add_virtual
        else:
            self.require(role)
            self._layers[key] = self._prepare(role, self.raw[role])
        return self._layers[key]

    def has_layer(self, key: str) -> bool:
        """True when ``key`` is a prepared or registered layer (no error for absent roles)."""
        return key in self._layers

    def add_virtual(self, key: str, geoms: np.ndarray, kind: str = "polygon", role: str = "") -> PreparedLayer:
        """Register geometries (already in the working CRS) under ``key`` for measures and ``within``."""
        geoms = np.asarray(geoms, dtype=object)
        prepared = PreparedLayer(key, role or key, None, geoms, kind, pd.DataFrame(index=range(len(geoms))))
        self._layers[key] = prepared
        for cached in [k for k in self._pieces if key in k]:
            del self._pieces[cached]
        for cached in [k for k in self._zone_pairs if key in k]:
            del self._zone_pairs[cached]
        self._tiles.pop(key, None)
        return prepared

    def _prepare(self, role: str, data: LayerData) -> PreparedLayer:
        notes = []
        geoms = np.asarray(data.geometries, dtype=object)
        kind = data.geometry_type if data.geometry_type in ("polygon", "line", "point") else \
            ROLES_BY_ID[role].geometry if role in ROLES_BY_ID else "polygon"
        if kind == "point_or_polygon":
            kind = "polygon"
        if data.crs and not geodesy.same_crs(data.crs, self.working_crs):
            geoms = geodesy.transform_geometries(geoms, data.crs, self.working_crs)
            notes.append(tr("Layer '{layer}' reprojected from {source} to {target}.").format(
                layer=data.name, source=data.crs, target=self.working_crs))
        elif not data.crs:
            notes.append(tr("Layer '{layer}' has no CRS; assumed to be {crs}.").format(layer=data.name, crs=self.working_crs))
        missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
        if missing.any():
            geoms = geoms.copy()
            geoms[missing] = shapely.from_wkt("GEOMETRYCOLLECTION EMPTY")
            notes.append(tr("Layer '{layer}': {n} features without geometry are ignored.").format(
                layer=data.name, n=int(missing.sum())))
        if kind in ("polygon", "line"):
            invalid = np.flatnonzero(~shapely.is_valid(geoms) & ~missing)
            if len(invalid):
                geoms = geoms.copy()
                repaired = shapely.make_valid(geoms[invalid])
                if kind == "polygon":
                    repaired = polygonal(repaired)
                geoms[invalid] = repaired
                notes.append(tr("Layer '{layer}': {n} invalid geometries repaired (make_valid) for the computation; "
                                "the source layer is unchanged.").format(layer=data.name, n=len(invalid)))
        return PreparedLayer(role, role, data, geoms, kind, data.attributes, notes)

    def _dissolved(self, base: PreparedLayer, key: str) -> PreparedLayer:
        if base.kind != "polygon":
            return base
        union = shapely.union_all(base.geoms[~shapely.is_empty(base.geoms)], grid_size=None)
        parts = shapely.get_parts(union)
        parts = parts[np.isin(shapely.get_type_id(parts), (3,))]
        return PreparedLayer(key, base.role, None, parts, "polygon", pd.DataFrame(index=range(len(parts))),
                             list(base.notes))

    def field(self, role: str, standard: str) -> Optional[pd.Series]:
        """A role's attribute column by standard name or one of the registry's aliases."""
        layer = self.layer(role)
        data = layer.data
        if data is None:
            return None
        column = data.column(standard)
        if column is not None:
            return column
        spec = ROLES_BY_ID.get(role.split("|")[0])
        if spec:
            for f in spec.required + spec.optional:
                if f.standard.lower() == standard.lower():
                    for alias in f.aliases:
                        column = data.column(alias)
                        if column is not None:
                            return column
        return None

    def numeric_field(self, role: str, standard: str, what: str) -> np.ndarray:
        column = self.field(role, standard)
        if column is None:
            raise MissingInput("field", f"{role}.{standard}", tr(
                "Layer '{layer}' (role {role}) has no field {field} ({what}).").format(
                layer=self.raw[role].name, role=role, field=standard, what=what))
        values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
        bad = int(np.isnan(values).sum())
        if bad:
            self.warn(tr("{n} features of '{layer}' have no number in {field}; counted as 0.").format(
                n=bad, layer=self.raw[role].name, field=standard))
        return np.nan_to_num(values)

    # ------------------------------------------------------------ measures of features
    def ellipsoidal_area(self, key: str) -> np.ndarray:
        layer = self.layer(key)
        return layer.cached("ellipsoidal_area", lambda: geodesy.ellipsoidal_area(layer.geoms, self.working_crs))

    def ellipsoidal_length(self, key: str) -> np.ndarray:
        layer = self.layer(key)
        return layer.cached("ellipsoidal_length", lambda: geodesy.ellipsoidal_length(layer.geoms, self.working_crs))

    def official_area(self, key: str, area_field: Optional[str]) -> np.ndarray:
        """Feature areas (m²): ``area_field`` (e.g. TBDLMJ) where present, else ellipsoidal CGCS2000."""
        layer = self.layer(key)
        values, method, warning = layer.cached(("official_area", area_field), lambda: self._official(key, area_field))
        self.area_method(method)
        if warning:
            self.warn(warning)
        return values

    def _official(self, key: str, area_field: Optional[str]):
        layer = self.layer(key)
        role = layer.role
        if area_field and "|" not in key:
            column = self.field(role, area_field)
            if column is not None:
                values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
                gaps = np.isnan(values)
                if gaps.any():
                    values = np.where(gaps, self.ellipsoidal_area(key), values)
                    return values, tr("{field} ({n} features without it: ellipsoidal CGCS2000)").format(
                        field=area_field, n=int(gaps.sum())), ""
                return values, area_field, ""
            return self.ellipsoidal_area(key), AREA_ELLIPSOIDAL, tr(
                "Layer '{layer}' has no {field} field: areas are ellipsoidal CGCS2000.").format(
                layer=self.raw[role].name, field=area_field)
        return self.ellipsoidal_area(key), AREA_ELLIPSOIDAL, ""

    def area_method(self, text: str) -> None:
        if text not in self.usage.area_methods:
            self.usage.area_methods.append(text)

    # ------------------------------------------------------------ clipping and zones
    def pieces(self, key: str, within: Optional[str]) -> Pieces:
        cache_key = (key, within)
        if cache_key in self._pieces:
            return self._pieces[cache_key]
        layer = self.layer(key)
        n = len(layer)
        if within is None:
            result = Pieces(np.arange(n), np.ones(n), layer.geoms, np.ones(n, dtype=bool))
        else:
            clip_key = within if "|" in within else within + "|dissolved"
            clip = self.layer(clip_key)
            item, _, share, geoms = split_by_polygons(layer.geoms, layer.kind, clip.geoms, layer.tree, layer.sizes,
                                                      want_geometry=True, tiles=self.tiles(clip_key, clip.geoms))
            whole = share >= 1.0 - 1e-12
            if layer.kind != "point":
                # one feature may be cut by several parts: shares add up (capped at 1 per feature)
                total = np.bincount(item, weights=share, minlength=n)
                over = total > 1.0 + 1e-9
                if over.any():
                    share = share / np.maximum(total[item], 1.0)
            result = Pieces(item, share, geoms, whole)
        self._pieces[cache_key] = result
        return result

    def tiles(self, key: str, polygons: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """Small tiles of a polygon set (cached): cheap overlays with unit and clip boundaries."""
        if key not in self._tiles:
            self._tiles[key] = subdivide(polygons)
        return self._tiles[key]

    def zones(self) -> Zones:
        if self._zones is None:
            levels = {}
            for unit_type, role, code_field, name_field in (("district", "admin_district", "XZQDM", "XZQMC"),
                                                            ("subdistrict", "admin_subdistrict", "JDDM", "JDMC")):
                if not self.has(role):
                    continue
                layer = self.layer(role)
                codes = self.field(role, code_field)
                names = self.field(role, name_field)
                if codes is None:
                    self.notes.append(tr("Layer '{layer}' has no {field} field: no per-{unit} values.").format(
                        layer=self.raw[role].name, field=code_field, unit=unit_type))
                    continue
                codes = normalise_codes(codes)
                names = names.fillna("").astype(str).to_numpy(dtype=object) if names is not None else codes
                levels[unit_type] = ZoneLevel(unit_type, codes, names, layer.geoms, self.raw[role].name)
            self._zones = Zones(levels)
        return self._zones

    def level_tiles(self, level: ZoneLevel) -> Tuple[np.ndarray, np.ndarray]:
        return self.tiles("units|" + level.unit_type, level.geometries)

    def _item_zone_pairs(self, key: str, level: ZoneLevel):
        layer = self.layer(key)
        cache = ("items", key, level.unit_type)
        if cache not in self._zone_pairs:
            self._zone_pairs[cache] = split_by_polygons(layer.geoms, layer.kind, level.geometries, layer.tree,
                                                        layer.sizes, tiles=self.level_tiles(level))
        return self._zone_pairs[cache]

    def piece_zone_pairs(self, key: str, within: Optional[str], level: ZoneLevel):
        """(piece, unit, share) for the pieces of ``key`` inside ``within``."""
        cache = ("pieces", key, within, level.unit_type)
        if cache in self._zone_pairs:
            return self._zone_pairs[cache]
        layer = self.layer(key)
        pieces = self.pieces(key, within)
        item_pairs = self._item_zone_pairs(key, level)
        piece_of_item = np.full(len(layer), -1, dtype=np.int64)
        whole = np.flatnonzero(pieces.whole)
        piece_of_item[pieces.item[whole]] = whole
        mapped = piece_of_item[item_pairs[0]]
        keep = mapped >= 0
        p_idx, z_idx, z_share = [mapped[keep]], [item_pairs[1][keep]], [item_pairs[2][keep]]
        cut = np.flatnonzero(~pieces.whole)
        if len(cut):
            sub_item, sub_zone, sub_share = split_by_polygons(pieces.geoms[cut], layer.kind, level.geometries,
                                                              tiles=self.level_tiles(level))
            p_idx.append(cut[sub_item])
            z_idx.append(sub_zone)
            z_share.append(sub_share)
        result = (np.concatenate(p_idx), np.concatenate(z_idx), np.concatenate(z_share))
        self._zone_pairs[cache] = result
        return result

    def aggregate(self, key: str, within: Optional[str], weights: np.ndarray, levels=("district", "subdistrict"),
                  dims=(("m", 2),)) -> Quantity:
        """Σ feature weight × share inside ``within``: city total and per unit."""
        self.use_role(key)
        if within:
            self.use_role(within)
        pieces = self.pieces(key, within)
        value = weights[pieces.item] * pieces.share
        result = Quantity(float(value.sum()), {}, tuple(dims))
        for level in self.zones():
            if level.unit_type not in levels:
                continue
            p_idx, z_idx, z_share = self.piece_zone_pairs(key, within, level)
            totals = np.bincount(z_idx, weights=value[p_idx] * z_share, minlength=len(level))
            result.levels[level.unit_type] = level.series(totals)
        return result

    # ------------------------------------------------------------ statistics and indicators
    def statistic(self, code: str, default_unit: Optional[str] = None) -> Quantity:
        """A department figure for ``self.year`` in base units: city row and per-unit rows."""
        from .statistics import lookup

        return lookup(self, code, default_unit)

    def indicator_value(self, code: str) -> Quantity:
        if code not in self.results:
            status = self.status.get(code, "not computed")
            raise MissingInput("indicator", code, tr("Indicator {code} is needed but is {status}.").format(
                code=code, status=status))
        return self.results[code]
