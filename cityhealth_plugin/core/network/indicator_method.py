"""The ``walk_coverage`` indicator method: catalog records computed by the network engine.

The engine (``core.indicators.engine``) imports this module before computing, which registers
``walk_coverage``. A record's parameters (``core.catalog.params.coverage_params``):

* ``facilities`` — facility roles; ``source_group`` — a DLTB land-use group whose patches are the
  destinations (森林 = ``senlin``); ``min_area_m2`` — smallest polygon that counts (parks, forests);
  ``require`` — ``any`` (nearest of any listed type) or ``all`` (every type within reach: the
  life-circle completeness of 15分钟社区生活圈覆盖率);
* ``threshold_m`` (metres) or ``threshold_min`` (minutes): walking minutes become metres with
  ``speed_kmh`` when given, else the GB 50180-2018 life circles (5 → 300 m, 10 → 500 m,
  15 → 1000 m), else 4 km/h; driving minutes become seconds on the road speeds (``speed_kmh``:
  one speed for every drivable road instead);
* ``mode`` — ``walk`` / ``drive``; ``distance`` — ``network`` (headline along the roads) or
  ``straight`` (headline = straight-line radius, the network reading reported beside it);
* ``base`` — what is covered: a land-use measure (area basis, e.g. 城镇住宅用地 0701 inside 城区),
  a polygon role's area (城区) or a population sum (population basis); ``first_of`` takes the
  first available; ``within`` — the scope (城区) of the other basis' reading.

Land within ``HALF_WIDTH`` (100 m) of a road piece reached within the threshold counts as covered;
residents count when their distance along the roads, access legs included, is within it.
Every indicator reports its headline value (the catalog's basis and distance) and, in its
provenance and a readings table, the other readings: area / population basis, network / straight
line, and the straight-line-minus-network gap — per city, district and sub-district. Result layers:
the reached roads (service area), the base land (or residents) not covered, the readings table.

All coverage indicators of one ``compute()`` share one road graph per travel mode, one area
partition and one set of demand positions per base, and one reach per facility type and
threshold (cached on the engine context).
"""

import json
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import numpy as np
import pandas as pd
import shapely

from ..catalog import params as P
from ..i18n import tr, tr_noop
from ..indicators.context import EngineContext, MissingInput
from ..indicators.measures import apply_filter, landuse_mask
from ..indicators.registry import Measurement, register_method
from ..indicators.values import Quantity
from ..indicators.zones import split_by_polygons, subdivide
from ..layer_data import LayerData
from ..roles.registry import ROLES_BY_ID
from .area import (build_area_partition, buffer_covered_area, covered_pieces, polygon_extents,
                   valid_polygons)
from .classes import WALK_SPEED_KMH, RoadRules, road_attributes
from .coverage import within_radius
from .demand import Facilities, facilities_from_layer, representative_points
from .errors import NetworkError
from .graph import DRIVE, WALK, RoadGraph, build_graph, node_roads
from .lines import grouped_union, polygonal, robust
from .outputs import missing_names
from .paths import multi_source, point_costs
from .service_area import ReachedEdges, reached_edges, reached_lines
from .snapping import attach_points, point_xy
from .thresholds import LIFE_CIRCLE_METRES

METHOD = "walk_coverage"
HALF_WIDTH = {WALK: 100.0, DRIVE: 100.0}  # metres of land either side of a reached road (ArcGIS trim default)
TILE_VERTICES = 256  # atoms with more vertices are tiled for the area partition
CHUNK_MIN = 5000  # road edges near a base from which its partition is built in chunks on the worker threads
FACILITY_SPACING_M = 50.0  # polygon destinations (parks, forests): a point every 50 m of boundary
CACHE_ATTRIBUTE = "_network_coverage_cache"
# threads for the independent readings of an indicator and the chunks of a partition (GEOS releases the GIL)
WORKERS = int(os.environ.get("CITYHEALTH_COVERAGE_THREADS", "0")) or max(1, min(2, os.cpu_count() or 1))
AREA, POPULATION = "area", "population"
NETWORK, BUFFER, GAP = "network", "buffer", "gap"
POPULATION_BASE = {"sum": "population", "field": "RKS"}
RESIDENTIAL_GROUP = "chengzhen_zhuzhai"  # 城镇住宅用地 (DLTB 0701): the area basis' default

# Short names of the destination types (tables, layer names); zh_CN in i18n/parts/coverage.tsv.
TYPE_LABELS = {
    "fac_community_health": tr_noop("Community health service"),
    "fac_hospital": tr_noop("Hospital"),
    "fac_kindergarten": tr_noop("Kindergarten"),
    "fac_primary_school": tr_noop("Primary school"),
    "fac_middle_school": tr_noop("Middle school"),
    "fac_elderly": tr_noop("Elderly care"),
    "fac_culture": tr_noop("Cultural facility"),
    "fac_sports": tr_noop("Sports facility"),
    "fac_football": tr_noop("Football pitch"),
    "fac_market": tr_noop("Market / fresh-food supermarket"),
    "fac_fire_station": tr_noop("Fire station"),
    "fac_metro_station": tr_noop("Rail transit station"),
    "fac_shelter": tr_noop("Emergency shelter"),
    "park_square": tr_noop("Park / square"),
    "senlin": tr_noop("Forest"),
}
BASE_LABELS = {
    "chengzhen_zhuzhai": tr_noop("residential land"),
    "chengxiang_juzhu": tr_noop("residential land"),
    "cunzhuang_jianshe": tr_noop("village construction land"),
    "urban_area": tr_noop("urban area"),
    "population": tr_noop("residents"),
}
BASIS_LABELS = {AREA: tr_noop("area"), POPULATION: tr_noop("population")}
METHOD_LABELS = {NETWORK: tr_noop("along the road network"), BUFFER: tr_noop("straight-line radius"),
                 GAP: tr_noop("gap (straight line − network)")}


def type_label(key: str) -> str:
    """The translated short name of a facility role or destination group (the key itself if unknown)."""
    if key in TYPE_LABELS:
        return tr(TYPE_LABELS[key])
    return " / ".join(tr(TYPE_LABELS[k]) if k in TYPE_LABELS else k for k in key.split("+"))


# ----------------------------------------------------------------------------------------------
# thresholds
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reach:
    """What 'within reach' means for one record."""

    mode: str
    cost: float  # graph cost unit: metres walking, seconds driving
    radius_m: Optional[float]  # straight-line radius of the buffer reading (None: no buffer reading)
    minutes: Optional[float]
    speed_kmh: Optional[float]  # drive: one speed for every road (None: road speeds)
    straight: bool  # headline is the straight-line radius
    basis: str  # how the metres were found (text)

    @property
    def cost_unit(self) -> str:
        return "m" if self.mode == WALK else "s"

    def text(self) -> str:
        """'10-minute walk', '800 m walk', '5-minute drive', '800 m radius' (translated)."""
        if self.straight:
            return tr("{metres:g} m radius").format(metres=self.radius_m)
        if self.mode == DRIVE:
            return tr("{minutes:g}-minute drive").format(minutes=self.minutes)
        if self.minutes:
            return tr("{minutes:g}-minute walk").format(minutes=self.minutes)
        return tr("{metres:g} m walk").format(metres=self.cost)


def resolve_reach(params: Dict) -> Reach:
    """The threshold of a record: metres (walk) or seconds (drive) plus the radius of the buffer reading."""
    mode = params.get("mode") or WALK
    metres = _number(params.get("threshold_m"))
    minutes = _number(params.get("threshold_min"))
    speed = _number(params.get("speed_kmh"))
    straight = (params.get("distance") or "network") == "straight"
    if mode == DRIVE:
        if minutes is None:
            raise P.ParamError(tr("A driving threshold is a travel time: give threshold_min."))
        return Reach(DRIVE, minutes * 60.0, metres, minutes, speed, straight,
                     tr("{minutes:g} min by car on the road speeds").format(minutes=minutes) if speed is None else
                     tr("{minutes:g} min by car at {speed:g} km/h").format(minutes=minutes, speed=speed))
    if metres is not None:
        basis = tr("{metres:g} m as given").format(metres=metres)
    elif speed is not None:
        metres = minutes * speed * 1000.0 / 60.0
        basis = tr("{minutes:g} min × {speed:g} km/h").format(minutes=minutes, speed=speed)
    elif minutes in LIFE_CIRCLE_METRES:
        metres = LIFE_CIRCLE_METRES[int(minutes)]
        basis = tr("{minutes:g}-minute life circle of GB 50180-2018 = {metres:g} m").format(minutes=minutes, metres=metres)
    else:
        metres = minutes * WALK_SPEED_KMH * 1000.0 / 60.0
        basis = tr("{minutes:g} min × {speed:g} km/h").format(minutes=minutes, speed=WALK_SPEED_KMH)
    return Reach(WALK, float(metres), float(metres), minutes, None, straight, basis)


def _number(value) -> Optional[float]:
    if value in (None, ""):
        return None
    return float(value)


# ----------------------------------------------------------------------------------------------
# the base: what is covered, cut into atoms that each lie in one district and one sub-district
# ----------------------------------------------------------------------------------------------

@dataclass
class Base:
    key: str
    basis: str  # area | population
    kind: str  # polygon | point (geometry of the atoms)
    geoms: np.ndarray  # atoms, working CRS
    weights: np.ndarray  # m² (official area share) or residents
    source: np.ndarray  # row of the source layer each atom came from
    source_role: str
    zones: Dict[str, np.ndarray]  # level -> zone index per atom (-1 outside every unit)
    label: str  # translated: 'residential land', 'residents' …
    description: str
    spec: Dict
    points: Optional[np.ndarray] = None  # demand points (population basis)
    planar: Optional[np.ndarray] = None  # planar area of each atom (area basis)

    def __len__(self) -> int:
        return len(self.weights)


def _base(ctx: EngineContext, spec: Dict, memo) -> Base:
    """The atoms of a base measure (``first_of``: of its first available option), cached by the option
    used, so that the same land or residents are prepared once whichever record names them."""
    if P.measure_kind(spec) == "first_of":
        missing = []
        for option in spec["first_of"]:
            try:
                base = _base(ctx, option, memo)
            except MissingInput as error:
                missing.extend(error.items)
                continue
            if missing:
                ctx.usage.choices.append(tr("base: first available alternative used (not available: {missing})").format(
                    missing=", ".join(ident for _, ident in missing)))
            return base
        error = MissingInput(missing[0][0], missing[0][1], tr("None of the alternatives is available: {items}.").format(
            items=", ".join(f"{k} {i}" for k, i in missing)))
        error.items = missing
        raise error
    key = "base|" + json.dumps(spec, sort_keys=True, ensure_ascii=False)
    base = _recorded(ctx, memo, key, lambda: _build_base(ctx, spec, key))
    ctx.use_role(base.source_role.split("|")[0])
    if base.spec.get("within"):
        ctx.use_role(base.spec["within"])
    return base


def _build_base(ctx: EngineContext, spec: Dict, key: str) -> Base:
    kind = P.measure_kind(spec)
    within = spec.get("within")
    if kind == "landuse":
        role = spec.get("layer") or "dltb"
        ctx.require(role)
        group_id = spec["landuse"]
        weights = ctx.official_area(role, spec.get("area_field", "TBDLMJ"))
        mask, what = landuse_mask(ctx, role, group_id, len(weights))
        if group_id == "*":
            label = tr("land")
        else:
            label = tr(BASE_LABELS[group_id]) if group_id in BASE_LABELS else ctx.groups[group_id].zh
        basis, source_role = AREA, role
    elif kind == "area":
        role = spec["area"]
        ctx.require(role)
        source_role = role + "|dissolved" if spec.get("dissolve") else role
        weights = ctx.official_area(source_role, spec.get("area_field"))
        mask = np.ones(len(weights), dtype=bool)
        label = tr(BASE_LABELS[role]) if role in BASE_LABELS else ROLES_BY_ID[role].display_name()
        what = tr("area of '{layer}'").format(layer=ctx.raw[role].name)
        basis = AREA
    elif kind == "sum":
        role = spec["sum"]
        ctx.require(role)
        field_name = spec.get("field") or "RKS"
        weights = ctx.numeric_field(role, field_name, tr("residents"))
        mask = np.ones(len(weights), dtype=bool)
        label = tr(BASE_LABELS["population"]) if role == "population" else ROLES_BY_ID[role].display_name()
        what = tr("{field} of '{layer}'").format(field=field_name, layer=ctx.raw[role].name)
        basis, source_role = POPULATION, role
    else:
        raise P.ParamError(tr("A coverage base must be land use, a polygon layer's area or a population sum, "
                              "not '{kind}'.").format(kind=kind))
    filtered = apply_filter(ctx, role, spec.get("filter")) if kind != "area" or not spec.get("dissolve") else None
    if filtered is not None:
        mask = mask & filtered
    if within:
        ctx.require(within)
        what += " " + tr("inside '{layer}'").format(layer=ctx.raw[within].name)
    layer = ctx.layer(source_role)
    pieces = ctx.pieces(source_role, within)
    keep = mask[pieces.item] & (weights[pieces.item] > 0)
    items, geoms, shares = pieces.item[keep], pieces.geoms[keep], pieces.share[keep]
    geom_kind = "point" if layer.kind == "point" else "polygon"
    if geom_kind == "polygon":
        items, geoms, shares = _merge_pieces(items, geoms, shares)
    piece_weights = weights[items] * shares
    atoms, zones = _split_by_units(ctx, geoms, geom_kind)
    base = Base(key, basis, geom_kind, atoms.geoms, piece_weights[atoms.item] * atoms.share, items[atoms.item],
                source_role, zones, label, what, dict(spec))
    if geom_kind == "polygon":
        base.planar = shapely.area(base.geoms)
    if basis == POPULATION:
        base.points = representative_points(base.geoms) if geom_kind == "polygon" else base.geoms
    return base


def _merge_pieces(items: np.ndarray, geoms: np.ndarray, shares: np.ndarray):
    """One piece per feature: the context cuts features crossing its clip tiles into several."""
    order = np.argsort(items, kind="stable")
    items, geoms, shares = items[order], geoms[order], shares[order]
    many = np.r_[items[1:] == items[:-1], False] | np.r_[False, items[1:] == items[:-1]]
    if not many.any():
        return items, geoms, shares
    keys, merged = grouped_union(geoms[many], items[many])
    total = np.bincount(np.searchsorted(keys, items[many]), shares[many], minlength=len(keys))
    return (np.concatenate((items[~many], keys)), np.concatenate((geoms[~many], polygonal(merged))),
            np.concatenate((shares[~many], np.minimum(total, 1.0))))


@dataclass
class Atoms:
    item: np.ndarray  # input row of each atom
    share: np.ndarray  # planar share of the input in the atom
    geoms: np.ndarray


def _split_by_units(ctx: EngineContext, geoms: np.ndarray, kind: str) -> Tuple[Atoms, Dict[str, np.ndarray]]:
    """Cut polygons at sub-district and district boundaries so that every atom lies in one unit of
    each level (points are only labelled). Returns the atoms and their zone index per level."""
    atoms = Atoms(np.arange(len(geoms)), np.ones(len(geoms)), np.asarray(geoms, dtype=object))
    zones: Dict[str, np.ndarray] = {}
    levels = {level.unit_type: level for level in ctx.zones()}
    for unit_type in ("subdistrict", "district"):
        level = levels.get(unit_type)
        if level is None:
            continue
        tiles = ctx.level_tiles(level)
        parent = _parent_units(ctx, levels) if unit_type == "district" and "subdistrict" in zones else None
        if kind != "point" and parent is not None:  # sub-districts nest: their district is the atom's
            atoms, zones = _district_from_parent(atoms, zones, parent, level, tiles)
            continue
        if kind == "point":
            item, zone, _ = split_by_polygons(atoms.geoms, "point", level.geometries, tiles=tiles)
            label = np.full(len(atoms.geoms), -1, dtype=np.int64)
            label[item] = zone
            zones[unit_type] = label
            continue
        sub, label = _split_polygons(atoms.geoms, level.geometries, tiles)
        zones = {k: v[sub.item] for k, v in zones.items()}
        zones[unit_type] = label
        atoms = Atoms(atoms.item[sub.item], atoms.share[sub.item] * sub.share, sub.geoms)
    return atoms, zones


NEST_TOLERANCE = 1e-9  # share of a sub-district's area that may lie outside its district


def _parent_units(ctx: EngineContext, levels) -> Optional[np.ndarray]:
    """The district of each sub-district when every sub-district lies inside one district, else None."""
    def build():
        sub, district = levels["subdistrict"].geometries, levels["district"].geometries
        item, zone, share = split_by_polygons(sub, "polygon", district, tiles=ctx.level_tiles(levels["district"]))
        shares = np.bincount(item * len(district) + zone, share, minlength=len(sub) * len(district))
        shares = shares.reshape(len(sub), len(district))
        nested = len(sub) and (shares.max(axis=1) >= 1.0 - NEST_TOLERANCE).all()
        return (shares.argmax(axis=1),) if nested else (None,)

    return _memo(ctx).get(("parent_units",), build)[0]


def _district_from_parent(atoms: Atoms, zones: Dict[str, np.ndarray], parent: np.ndarray, level, tiles):
    """District labels of atoms already cut by nested sub-districts; only atoms outside every sub-district
    are cut by the districts."""
    sub = zones["subdistrict"]
    inside = sub >= 0
    district = np.where(inside, parent[np.maximum(sub, 0)], -1)
    outside = np.flatnonzero(~inside)
    if not len(outside):
        return atoms, {**zones, "district": district}
    cut, label = _split_polygons(atoms.geoms[outside], level.geometries, tiles)
    keep = np.flatnonzero(inside)
    merged = Atoms(np.concatenate((atoms.item[keep], atoms.item[outside[cut.item]])),
                   np.concatenate((atoms.share[keep], atoms.share[outside[cut.item]] * cut.share)),
                   np.concatenate((atoms.geoms[keep], cut.geoms)))
    zones = {k: np.concatenate((v[keep], v[outside[cut.item]])) for k, v in zones.items()}
    zones["district"] = np.concatenate((district[keep], label))
    return merged, zones


def _split_polygons(geoms: np.ndarray, units: np.ndarray, tiles) -> Tuple[Atoms, np.ndarray]:
    n = len(geoms)
    item, zone, share, pieces = split_by_polygons(geoms, "polygon", units, want_geometry=True, tiles=tiles)
    total = np.bincount(item, share, minlength=n)
    zmin = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    zmax = np.full(n, -1, dtype=np.int64)
    np.minimum.at(zmin, item, zone)
    np.maximum.at(zmax, item, zone)
    single = (zmax >= 0) & (zmin == zmax) & (total >= 1.0 - 1e-7)
    outside = zmax < 0
    cut = ~single & ~outside
    whole = np.flatnonzero(single | outside)
    parts = [Atoms(whole, np.ones(len(whole)), geoms[whole])]
    labels = [np.where(outside[whole], -1, zmax[whole])]
    sel = cut[item]
    if sel.any():  # one atom per (feature, unit): the tile pieces of a unit merged back
        pair = item[sel] * (len(units) + 1) + zone[sel]
        keys, merged = grouped_union(pieces[sel], pair)
        pair_share = np.bincount(np.searchsorted(keys, pair), share[sel], minlength=len(keys))
        parts.append(Atoms(keys // (len(units) + 1), np.minimum(pair_share, 1.0), polygonal(merged)))
        labels.append(keys % (len(units) + 1))
    partly = cut & (total < 1.0 - 1e-7)
    if partly.any():  # the part of a cut polygon outside every unit
        sel = partly[item]
        owners, inside = grouped_union(pieces[sel], item[sel])
        rest = polygonal(robust(shapely.difference, geoms[owners], inside))
        size = shapely.area(geoms[owners])
        rest_share = np.where(size > 0, shapely.area(rest) / np.where(size > 0, size, 1.0), 0.0)
        ok = rest_share > 1e-7
        parts.append(Atoms(owners[ok], rest_share[ok], rest[ok]))
        labels.append(np.full(int(ok.sum()), -1, dtype=np.int64))
    return Atoms(np.concatenate([p.item for p in parts]), np.concatenate([p.share for p in parts]),
                 np.concatenate([p.geoms for p in parts])), np.concatenate(labels).astype(np.int64)


# ----------------------------------------------------------------------------------------------
# shared work of one compute() call (cached on the context, safe for the worker threads)
# ----------------------------------------------------------------------------------------------

class Memo:
    """Results shared by the coverage indicators of one engine context; each key is built once,
    also when two worker threads ask for it at the same time."""

    def __init__(self):
        self.data: Dict = {}
        self._locks: Dict = {}
        self._guard = threading.Lock()
        self.prefetched = False

    def get(self, key, build):
        with self._guard:
            if key in self.data:
                return self.data[key]
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self.data:
                self.data[key] = build()
        return self.data[key]

    def put(self, key, value) -> None:
        with self._guard:
            self.data.setdefault(key, value)

    def __contains__(self, key) -> bool:
        return key in self.data


def _memo(ctx: EngineContext) -> Memo:
    memo = getattr(ctx, CACHE_ATTRIBUTE, None)
    if memo is None:
        memo = Memo()
        setattr(ctx, CACHE_ATTRIBUTE, memo)
    return memo


def _recorded(ctx: EngineContext, memo: Memo, key, build):
    """``memo.get`` for a build that reads the context (main thread only): what it notes (roles, area
    methods, warnings) is kept with the result and replayed into every indicator that uses it."""
    def run():
        with ctx.scratch_usage() as usage:
            return build(), usage

    value, usage = memo.get(key, run)
    ctx.replay(usage)
    return value


def working_layer(ctx: EngineContext, role: str) -> LayerData:
    """A role's layer as ``LayerData`` in the working CRS (reprojected / repaired by the context)."""
    prepared = ctx.layer(role)
    raw = ctx.raw[role.split("|")[0]]
    fids = np.asarray(raw.fids) if prepared.data is not None else np.arange(len(prepared.geoms))
    return LayerData(raw.name, prepared.geoms, prepared.attributes, fids, crs=ctx.working_crs,
                     geometry_type=prepared.kind, source=raw.source)


def _road_rules(reach: Reach) -> RoadRules:
    if reach.mode == DRIVE and reach.speed_kmh:
        return RoadRules(speed_kmh={}, unknown_speed_kmh=reach.speed_kmh, use_speed_field=False)
    return RoadRules()


@dataclass
class Destinations:
    key: str  # role id, group id, or 'a+b' for several roles taken together
    facilities: Facilities
    features: int
    notes: List[str] = field(default_factory=list)
    region: str = ""  # set when the points were limited to those that can reach the base

    @property
    def ident(self) -> str:
        return self.key + self.region


def _destinations(ctx: EngineContext, params: Dict, memo: Memo) -> List[Destinations]:
    """One entry per destination type (``require: all``) or one merged entry (``any``)."""
    found = []
    min_area = _number(params.get("min_area_m2"))
    for role in params.get("facilities") or []:
        ctx.require(role)
        ctx.use_role(role)
        found.append(_recorded(ctx, memo, ("destinations", role, min_area),
                               lambda role=role: _role_destinations(ctx, role, min_area)))
    group_id = params.get("source_group")
    if group_id:
        ctx.require("dltb")
        ctx.use_role("dltb")
        found.append(_recorded(ctx, memo, ("destinations", "group", group_id, min_area),
                               lambda: _group_destinations(ctx, group_id, min_area)))
    if (params.get("require") or "any") == "all" or len(found) <= 1:
        return found
    return [_merge(found)]


def _role_destinations(ctx, role, min_area) -> Destinations:
    layer = working_layer(ctx, role)
    notes = []
    keep = ~(shapely.is_missing(layer.geometries) | shapely.is_empty(layer.geometries))
    if min_area and layer.geometry_type == "polygon":
        big = ctx.ellipsoidal_area(role) >= min_area
        notes.append(tr("'{layer}': {n} polygons smaller than {area:g} m² do not count.").format(
            layer=layer.name, n=int((keep & ~big).sum()), area=min_area))
        keep &= big
    subset = _subset(layer, keep)
    return Destinations(role, facilities_from_layer(subset, role, FACILITY_SPACING_M), len(subset), notes)


def _group_destinations(ctx, group_id, min_area) -> Destinations:
    group = ctx.groups[group_id]
    dlbm = ctx.field("dltb", "DLBM")
    if dlbm is None:
        raise MissingInput("field", "dltb.DLBM", tr("Layer '{layer}' has no DLBM (地类编码) field.").format(
            layer=ctx.raw["dltb"].name))
    mask = group.mask(dlbm, ctx.field("dltb", "CZCSXM") if group.czcsxm else None)
    notes = [tr("destinations: DLTB patches of {group}").format(group=group.describe())]
    if min_area:
        mask &= ctx.official_area("dltb", "TBDLMJ") >= min_area
        notes.append(tr("patches of at least {area:g} m²").format(area=min_area))
    layer = _subset(working_layer(ctx, "dltb"), mask)
    return Destinations(group_id, facilities_from_layer(layer, group_id, FACILITY_SPACING_M), len(layer), notes)


def _subset(layer: LayerData, keep: np.ndarray) -> LayerData:
    return LayerData(layer.name, layer.geometries[keep], layer.attributes[keep].reset_index(drop=True),
                     np.asarray(layer.fids)[keep], crs=layer.crs, geometry_type=layer.geometry_type,
                     source=layer.source)


def _merge(items: List[Destinations]) -> Destinations:
    offsets = np.cumsum([0] + [d.facilities.n_facilities for d in items[:-1]])
    fac = Facilities("+".join(d.key for d in items),
                     np.concatenate([d.facilities.points for d in items]),
                     np.concatenate([d.facilities.owner + o for d, o in zip(items, offsets)]),
                     np.concatenate([d.facilities.ids for d in items]), None)
    return Destinations(fac.name, fac, sum(d.features for d in items), [n for d in items for n in d.notes])


def _reach_bound(reach: Reach, graph: Optional[RoadGraph]) -> float:
    """Metres beyond which a destination point cannot cover anything (network cost ≥ straight distance)."""
    bound = reach.radius_m or 0.0
    if graph is not None:
        if graph.mode == WALK:
            bound = max(bound, reach.cost)
        else:
            with np.errstate(divide="ignore", invalid="ignore"):
                speed = graph.edge_length / np.minimum(graph.edge_cost_fwd, graph.edge_cost_bwd)
            speed = speed[np.isfinite(speed)]
            bound = max(bound, reach.cost * (float(speed.max()) if len(speed) else 0.0))
        bound += HALF_WIDTH[graph.mode]
    return bound + 1.0


def _prune(dest: Destinations, bases: List[Base], bound: float, memo: Memo) -> Destinations:
    """Only the destination points within ``bound`` metres of the bases' atoms (a grid test, conservative):
    the others can reach none of them. Saves work for large destination sets (forest boundaries)."""
    region = "@" + "|".join(sorted(b.key for b in bases)) + f"|{bound:.0f}"

    def build():
        fac = dest.facilities
        if len(fac.points) < 2000:
            return Destinations(dest.key, fac, dest.features, dest.notes, region)
        keep = _near_boxes(point_xy(fac.points), np.concatenate([shapely.bounds(b.geoms) for b in bases]), bound)
        used = np.unique(fac.owner[keep])
        remap = np.full(fac.n_facilities, -1, dtype=np.int64)
        remap[used] = np.arange(len(used))
        labels = fac.labels[used] if fac.labels is not None else None
        subset = Facilities(fac.name, fac.points[keep], remap[fac.owner[keep]], np.asarray(fac.ids)[used], labels)
        return Destinations(dest.key, subset, dest.features, dest.notes, region)

    return memo.get(("pruned", dest.ident, region), build)


def _near_boxes(xy: np.ndarray, boxes: np.ndarray, bound: float) -> np.ndarray:
    """True for points that may lie within ``bound`` of one of the boxes (grid cells of size ``bound``)."""
    boxes = boxes[np.isfinite(boxes).all(axis=1)]
    ok = np.isfinite(xy).all(axis=1)
    out = np.zeros(len(xy), dtype=bool)
    if not len(boxes) or not ok.any():
        return out
    cell = max(bound, 1.0)
    origin = boxes[:, :2].min(axis=0) - 2 * cell
    lo = np.floor((boxes[:, :2] - origin) / cell).astype(np.int64) - 1
    hi = np.floor((boxes[:, 2:] - origin) / cell).astype(np.int64) + 1
    width = int(hi[:, 0].max()) + 3
    nx, ny = hi[:, 0] - lo[:, 0] + 1, hi[:, 1] - lo[:, 1] + 1
    count = nx * ny
    owner = np.repeat(np.arange(len(boxes)), count)
    k = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    cx = lo[owner, 0] + k % nx[owner]
    cy = lo[owner, 1] + k // nx[owner]
    marked = np.unique(cy * width + cx)
    pc = np.floor((xy[ok] - origin) / cell).astype(np.int64)
    inside = (pc[:, 0] >= 0) & (pc[:, 0] < width) & (pc[:, 1] >= 0)
    keys = pc[:, 1] * width + pc[:, 0]
    out[np.flatnonzero(ok)] = inside & np.isin(keys, marked)
    return out


@dataclass
class TypeReach:
    positions: object
    reach: object
    reached: object


def _type_reach(graph: RoadGraph, dest: Destinations, cost: float, memo: Memo) -> TypeReach:
    def build():
        positions = attach_points(graph, dest.facilities.points)
        reach = multi_source(graph, positions, limit=cost)
        return TypeReach(positions, reach, reached_edges(graph, reach))

    return memo.get(("reach", id(graph), dest.ident, cost), build)


# ----------------------------------------------------------------------------------------------
# readings
# ----------------------------------------------------------------------------------------------

@dataclass
class Reading:
    basis: str
    method: str  # network | buffer
    base: Base
    covered: np.ndarray  # covered weight per atom
    headline: bool = False
    radius_m: Optional[float] = None
    per_type: Optional[List[np.ndarray]] = None  # population basis: bool per atom and destination type

    def sums(self) -> List[Tuple[str, str, float, float]]:
        """(level, zone index as text or 'city', covered, total)."""
        rows = [("city", "city", float(self.covered.sum()), float(self.base.weights.sum()))]
        for level, labels in self.base.zones.items():
            ok = labels >= 0
            n = int(labels.max()) + 1 if ok.any() else 0
            covered = np.bincount(labels[ok], self.covered[ok], minlength=n)
            total = np.bincount(labels[ok], self.base.weights[ok], minlength=n)
            rows.extend((level, str(i), float(c), float(t)) for i, (c, t) in enumerate(zip(covered, total)) if t > 0)
        return rows

    @property
    def rate(self) -> float:
        total = float(self.base.weights.sum())
        return float(self.covered.sum()) / total if total > 0 else float("nan")


@dataclass
class Clip:
    """One spatial chunk of a base: the edges within the half-width of its polygons, as a graph of their
    own, and the area partition of the polygons on it. Exact: an edge farther than the half-width covers
    none of them. Large atoms (城区) are cut into tiles; ``owner`` is the base atom of each polygon."""

    graph: Optional[RoadGraph]
    edges: np.ndarray  # ids in the full graph
    partition: object
    owner: np.ndarray
    n_atoms: int

    def per_atom(self, values_per_polygon: np.ndarray) -> np.ndarray:
        return np.bincount(self.owner, values_per_polygon, minlength=self.n_atoms)

    def reached(self, reached: ReachedEdges) -> ReachedEdges:
        pos = np.full(len(reached.full), -1, dtype=np.int64)
        pos[self.edges] = np.arange(len(self.edges))
        keep = pos[reached.edge] >= 0
        return ReachedEdges(pos[reached.edge[keep]], reached.start[keep], reached.end[keep],
                            reached.full[self.edges], reached.any[self.edges])


def _clips(graph: RoadGraph, base: Base, memo: Memo) -> List[Clip]:
    """The base's area partition in spatial chunks, built on the worker threads."""
    def build():
        polygons, owner = subdivide(base.geoms, TILE_VERTICES)  # also one polygon per part
        work = _partition_work(graph, polygons)
        groups = _spatial_groups(polygons, work, WORKERS if work.sum() >= CHUNK_MIN else 1)
        with _executor() as pool:
            jobs = [pool.submit(_clip_chunk, graph, polygons[g], owner[g], len(base)) for g in groups]
            return [job.result() for job in jobs]

    return memo.get(("clips", id(graph), base.key), build)


def _clip_chunk(graph: RoadGraph, polygons: np.ndarray, owner: np.ndarray, n_atoms: int) -> Clip:
    width = HALF_WIDTH[graph.mode]
    # edges whose box comes within the half-width of a polygon's box: a superset of those that can cover it
    # (extra edges only add faces; the partition stays exact) and far cheaper than exact distances
    _, edges = graph.edge_tree.query(_grown_boxes(polygons, width + 1.0))
    edges = np.unique(edges)
    if not len(edges):
        return Clip(None, edges, None, owner, n_atoms)
    sub = RoadGraph(graph.mode, graph.node_xy, graph.edge_u[edges], graph.edge_v[edges], graph.edge_geom[edges],
                    graph.edge_length[edges], graph.edge_cost_fwd[edges], graph.edge_cost_bwd[edges],
                    graph.edge_level[edges], graph.edge_feature[edges], graph.tolerance, graph.access_speed_kmh,
                    graph.crs, graph.source)
    return Clip(sub, edges, build_area_partition(sub, polygons, width), owner, n_atoms)


def _partition_work(graph: RoadGraph, polygons: np.ndarray) -> np.ndarray:
    """Work of each polygon in a partition: the road edges around it (faces, pieces and overlays scale
    with them — a few large 城区 tiles weigh as much as thousands of residential patches)."""
    which, _ = graph.edge_tree.query(_grown_boxes(polygons, HALF_WIDTH[graph.mode]))
    return np.bincount(which, minlength=len(polygons)) + 1.0


def _grown_boxes(polygons: np.ndarray, margin: float) -> np.ndarray:
    lo_x, lo_y, hi_x, hi_y = shapely.bounds(polygons).T
    return shapely.box(lo_x - margin, lo_y - margin, hi_x + margin, hi_y + margin)


def _spatial_groups(polygons: np.ndarray, work: np.ndarray, count: int) -> List[np.ndarray]:
    """``count`` groups of polygons, west to east, with about equal ``work``."""
    if count <= 1 or len(polygons) < 2:
        return [np.arange(len(polygons))]
    x = shapely.bounds(polygons)[:, 0]
    order = np.argsort(x, kind="stable")
    cumulative = np.cumsum(work[order])
    cut = np.searchsorted(cumulative, cumulative[-1] * np.arange(1, count) / count)
    return [group for group in np.split(order, cut) if len(group)]


def _covered_pieces(graph: RoadGraph, base: Base, dest: Destinations, cost: float, memo: Memo, geometry=False):
    """Per chunk: (covered planar area per piece, pieces fully covered, covered geometry or None)."""
    clips = _clips(graph, base, memo)

    def one(index):
        clip = clips[index]
        key = ("covered", id(graph), base.key, dest.ident, cost, index)
        if clip.graph is None:
            return np.zeros(0), np.zeros(0, dtype=bool), None
        if key in memo and not geometry:
            return memo.data[key] + (None,)
        reached = clip.reached(_type_reach(graph, dest, cost, memo).reached)
        area, full, covered_geometry = covered_with_full(clip.partition, clip.graph, reached, geometry)
        memo.put(key, (area, full))
        return area, full, covered_geometry

    if len(clips) < 2:
        return [one(index) for index in range(len(clips))]
    _type_reach(graph, dest, cost, memo)  # once, before the chunks ask for it
    with _executor() as pool:  # the chunks are independent: one per worker thread
        jobs = [pool.submit(one, index) for index in range(len(clips))]
        return [job.result() for job in jobs]


def covered_with_full(partition, graph: RoadGraph, reached: ReachedEdges, geometry: bool = False):
    """``area.covered_pieces`` plus which pieces are fully covered: (covered area, fully covered, geometry or None)."""
    covered = covered_pieces(partition, graph, reached, geometry=geometry)
    full = (partition.cond @ (~reached.full).astype(np.int32)) == 0
    return covered.area, full, covered.geometry


def _network_area(graph, base: Base, dests: List[Destinations], cost: float, memo: Memo) -> np.ndarray:
    clips = _clips(graph, base, memo)
    per_type = [_covered_pieces(graph, base, d, cost, memo, geometry=len(dests) > 1) for d in dests]
    covered_planar = np.zeros(len(base))
    for index, clip in enumerate(clips):
        if clip.graph is None:
            continue
        partition = clip.partition
        if len(dests) == 1:
            area = per_type[0][index][0]
        else:  # every type: intersect the covered parts piece by piece
            area = _all_covered_area(partition, [covered[index] for covered in per_type])
        covered_planar += clip.per_atom(np.bincount(partition.piece_owner, area, minlength=partition.n_residential))
    return base.weights * _fraction(covered_planar, base.planar)


def _all_covered_area(partition, covered) -> np.ndarray:
    """Area of each piece covered by every type (exact intersection of the covered parts)."""
    n = len(partition.piece_geom)
    full_all = np.logical_and.reduce([full for _, full, _ in covered])
    area = np.where(full_all, partition.full_area, 0.0)
    todo = ~full_all & np.logical_and.reduce([a > 0 for a, _, _ in covered])
    acc = np.full(n, None, dtype=object)
    for _, full, geometry in covered:
        take = todo & ~full  # a fully covered piece's part is full_geom, the superset of any partial part
        first = take & (acc == None)  # noqa: E711 - element-wise test on an object array
        acc[first] = geometry[first]
        more = take & ~first
        if more.any():
            acc[more] = polygonal(robust(shapely.intersection, acc[more], geometry[more]))
    done = todo & (acc != None)  # noqa: E711
    area[done] = shapely.area(acc[done])
    return area


def _fraction(covered, total):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, np.clip(covered / np.where(total > 0, total, 1.0), 0.0, 1.0), 0.0)


def _network_population(graph, base: Base, dests: List[Destinations], cost: float, memo: Memo):
    positions = _demand(graph, base, memo)
    flags = []
    for dest in dests:
        def build(dest=dest):
            item = _type_reach(graph, dest, cost, memo)
            return np.isfinite(point_costs(graph, item.reach, positions)[0])
        flags.append(memo.get(("flags", id(graph), base.key, dest.ident, cost), build))
    complete = np.logical_and.reduce(flags) if flags else np.zeros(len(base), dtype=bool)
    return base.weights * complete, flags


def _demand(graph: RoadGraph, base: Base, memo: Memo):
    return memo.get(("demand", id(graph), base.key), lambda: attach_points(graph, base.points))


def _buffer_area(base: Base, dest: Destinations, radius: float, memo: Memo) -> np.ndarray:
    def build():
        polygons, extents = memo.get(("valid", base.key), lambda: _with_extents(valid_polygons(base.geoms)))
        area = buffer_covered_area(polygons, dest.facilities.points, radius, valid=True, extents=extents)
        return base.weights * _fraction(area, base.planar)

    return memo.get(("buffer_area", base.key, dest.ident, radius), build)


def _with_extents(polygons):
    return polygons, polygon_extents(polygons)


def _buffer_population(base: Base, dests: List[Destinations], radius: float, memo: Memo):
    xy = point_xy(base.points)
    flags = [memo.get(("buffer_flags", base.key, d.ident, radius),
                      lambda d=d: within_radius(xy, point_xy(d.facilities.points), radius)) for d in dests]
    complete = np.logical_and.reduce(flags) if flags else np.zeros(len(base), dtype=bool)
    return base.weights * complete, flags


# ----------------------------------------------------------------------------------------------
# the method
# ----------------------------------------------------------------------------------------------

class _Inline:
    """An executor that runs each job at once in the calling thread (WORKERS = 1, profiling)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def submit(self, function, *args):
        future = Future()
        try:
            future.set_result(function(*args))
        except BaseException as error:  # noqa: BLE001 - handed to the caller through result()
            future.set_exception(error)
        return future


def _ready(graph: RoadGraph) -> RoadGraph:
    """Build the graph's shared caches before worker threads read them."""
    graph.matrix, graph.edge_tree  # noqa: B018 - cached properties
    return graph


def _executor():
    return ThreadPoolExecutor(WORKERS) if WORKERS > 1 else _Inline()


def compute_walk_coverage(indicator, ctx: EngineContext) -> Measurement:
    params = P.coverage_params(METHOD, indicator.params)
    memo = _memo(ctx)
    reach = resolve_reach(params)
    require_all = (params.get("require") or "any") == "all"
    if not reach.straight:
        ctx.require("roads")
    _prefetch(ctx, memo)
    with _executor() as pool:
        request = _graph_request(ctx, reach, memo)
        graph_job = pool.submit(memo.get, *request) if request else None
        base = _base(ctx, params["base"], memo)
        other = _other_base(ctx, params, base, memo)
        dests = _destinations(ctx, params, memo)
        graph = graph_job.result() if graph_job is not None else None
        if graph is None:
            ctx.warn(tr("No roads layer: the network reading is not computed, only the straight-line radius."))
        else:
            for note in graph.notes:
                ctx.warn(note)
        bases = [b for b in (base, other) if b is not None]
        bound = _reach_bound(reach, graph)
        dests = [_prune(d, bases, bound, memo) for d in dests]
        for dest in dests:
            for note in dest.notes:
                ctx.usage.choices.append(note)
            if dest.facilities.n_facilities == 0:
                ctx.warn(tr("No destination of type '{type}' can reach the base: its coverage is 0.").format(
                    type=type_label(dest.key)))
        jobs = [job for b in bases for job in _reading_jobs(ctx, b, dests, reach, graph, require_all, memo)]
        service_job = _service_area_job(ctx, reach, dests, graph, require_all, memo)
        futures = [pool.submit(job) for job in jobs + ([service_job] if service_job else [])]
        readings = [future.result() for future in futures[:len(jobs)]]
        service_area = futures[-1].result() if service_job else None
    headline_method = BUFFER if reach.straight else NETWORK
    headline = next((r for r in readings if r.base is base and r.method == headline_method), None)
    if headline is None:
        raise P.ParamError(tr("The headline reading ({basis} basis, {method}) cannot be computed with these "
                              "parameters.").format(basis=tr(BASIS_LABELS[base.basis]),
                                                    method=tr(METHOD_LABELS[headline_method])))
    headline.headline = True
    quantity = _quantity(headline, ctx)
    _describe(ctx, indicator, reach, base, dests, readings, graph, require_all)
    layers = _layers(ctx, indicator, reach, dests, readings, headline, require_all, service_area)
    return Measurement(quantity, layers)


def _graph_request(ctx: EngineContext, reach: Reach, memo: Memo):
    """(memo key, build) of the road graph for ``reach`` (main thread: reads the roads layer), or None.
    The roads are split and snapped once for both travel modes."""
    if not ctx.has("roads"):
        return None
    ctx.use_role("roads")
    roads = working_layer(ctx, "roads")
    rules = _road_rules(reach)

    def build():
        noded = memo.get(("noded",), lambda: _node_every_mode(roads))
        return _ready(build_graph(roads, reach.mode, rules, noded=noded))

    return ("graph", reach.mode, reach.speed_kmh), build


def _node_every_mode(roads: LayerData):
    walk, drive = (road_attributes(roads, mode, RoadRules()) for mode in (WALK, DRIVE))
    return node_roads(roads, np.flatnonzero(walk.allowed | drive.allowed), walk.level)


def _prefetch(ctx: EngineContext, memo: Memo) -> None:
    """At the first coverage indicator of a compute(): prepare the shared work of all planned ones.

    The context-reading part (roads, bases, destinations) runs here, in the calling thread, under a
    scratch usage (each indicator replays its own notes); the GEOS-heavy rest — road graphs, area
    partitions, demand positions, reaches — is queued on background threads: graphs first, then each
    base's partition as soon as the base exists (headline bases before the others), then the reaches.
    Whatever an indicator asks for first is built by whoever gets there first (``Memo``), so nothing is
    built twice and nothing waits on a queue. Failures are left to the indicator itself to report.
    Queued work is dropped when the compute() ends (e.g. cancelled); the next compute() prepares again.
    """
    planned = [i for i in ctx.plan if i.method == METHOD]
    if memo.prefetched or len(planned) < 2 or WORKERS < 2:
        return
    memo.prefetched = True
    pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="cityhealth-coverage")

    def close():
        pool.shutdown(wait=False, cancel_futures=True)
        memo.prefetched = False

    ctx.on_close(close)
    with ctx.scratch_usage():
        setups = [setup for setup in (_quietly(lambda i=i: _setup_request(ctx, i, memo)) for i in planned) if setup]
        for _, _, request in setups:
            if request is not None:
                pool.submit(memo.get, *request)

        def prepared(request, build):
            base = _quietly(build)
            if request is not None and base is not None:
                pool.submit(_prepare_base, memo, request, base)
            return base

        headline = [prepared(request, lambda p=params: _base(ctx, p["base"], memo)) for params, _, request in setups]
        others = [prepared(request, lambda p=params, b=base: _other_base(ctx, p, b, memo)) if base is not None
                  else None for (params, _, request), base in zip(setups, headline)]
        for (params, reach, request), base, other in zip(setups, headline, others):
            dests = _quietly(lambda p=params: _destinations(ctx, p, memo))
            if request is not None and base is not None and dests is not None:
                bases = [b for b in (base, other) if b is not None]
                pool.submit(_prepare_reaches, memo, request, reach, bases, dests)


def _setup_request(ctx: EngineContext, indicator, memo: Memo):
    """(parameters, reach, graph request or None) of a planned coverage indicator."""
    params = P.coverage_params(METHOD, indicator.params)
    reach = resolve_reach(params)
    return params, reach, _graph_request(ctx, reach, memo)


def _quietly(build):
    """``build()``, or None when it fails: the indicator reports its own errors when it is computed."""
    try:
        return build()
    except Exception:  # noqa: BLE001 - see above
        return None


def _prepare_reaches(memo: Memo, request, reach: Reach, bases: List[Base], dests: List[Destinations]) -> None:
    """Background: the pruned destinations of one indicator and their reaches (cached in ``memo``)."""
    graph = memo.get(*request)
    bound = _reach_bound(reach, graph)
    for dest in dests:
        _type_reach(graph, _prune(dest, bases, bound, memo), reach.cost, memo)


def _prepare_base(memo: Memo, request, base: Base) -> None:
    """Background: a base's area partition or demand positions on the graph (cached in ``memo``)."""
    graph = memo.get(*request)
    if base.basis == AREA:
        _clips(graph, base, memo)
    else:
        _demand(graph, base, memo)


def _other_base(ctx, params, base: Base, memo) -> Optional[Base]:
    """The base of the other basis (population for an area headline and vice versa), when available."""
    spec = params["base"]
    options = spec["first_of"] if P.measure_kind(spec) == "first_of" else [spec]
    within = next((o.get("within") for o in options if o.get("within")), None) or params.get("within")
    wanted = POPULATION if base.basis == AREA else AREA
    candidates = [o for o in options if (P.measure_kind(o) == "sum") == (wanted == POPULATION)
                  and P.measure_kind(o) in ("sum", "landuse", "area")]
    if not candidates:
        default = dict(POPULATION_BASE) if wanted == POPULATION else {"landuse": RESIDENTIAL_GROUP}
        if within:
            default["within"] = within
        candidates = [default]
    for option in candidates:
        try:
            return _base(ctx, option, memo)
        except MissingInput as missing:
            ctx.usage.choices.append(tr("{basis} reading not computed: {message}").format(
                basis=tr(BASIS_LABELS[wanted]), message=missing.message))
    return None


def _reading_jobs(ctx, base: Base, dests, reach: Reach, graph, require_all: bool, memo):
    """Functions computing the readings of one base (run in worker threads; no context access)."""
    jobs = []
    if graph is not None:
        if base.basis == AREA:
            jobs.append(lambda: Reading(AREA, NETWORK, base, _network_area(graph, base, dests, reach.cost, memo)))
        else:
            def population():
                covered, flags = _network_population(graph, base, dests, reach.cost, memo)
                return Reading(POPULATION, NETWORK, base, covered, per_type=flags)
            jobs.append(population)
    radius = reach.radius_m
    if radius is not None:
        if base.basis == POPULATION:
            def buffer_population():
                covered, flags = _buffer_population(base, dests, radius, memo)
                return Reading(POPULATION, BUFFER, base, covered, radius_m=radius, per_type=flags)
            jobs.append(buffer_population)
        elif not require_all:
            jobs.append(lambda: Reading(AREA, BUFFER, base, _buffer_area(base, dests[0], radius, memo),
                                        radius_m=radius))
        else:
            ctx.usage.choices.append(tr("The straight-line reading of land covered by every type at once is not "
                                        "computed (population basis only)."))
    return jobs


def _quantity(reading: Reading, ctx: EngineContext) -> Quantity:
    levels = {}
    names = {level.unit_type: level for level in ctx.zones()}
    for unit_type, labels in reading.base.zones.items():
        level = names[unit_type]
        ok = labels >= 0
        covered = np.bincount(labels[ok], reading.covered[ok], minlength=len(level))
        total = np.bincount(labels[ok], reading.base.weights[ok], minlength=len(level))
        with np.errstate(divide="ignore", invalid="ignore"):
            levels[unit_type] = level.series(np.where(total > 0, covered / np.where(total > 0, total, 1.0), np.nan))
    return Quantity(reading.rate, levels, ())


def reading_label(basis: str, method: str) -> str:
    return tr("{basis} basis, {method}").format(basis=tr(BASIS_LABELS[basis]), method=tr(METHOD_LABELS[method]))


def _total_text(base: Base, value: float) -> str:
    if base.basis == AREA:
        return tr("{value:,.2f} hm²").format(value=value / 1e4)
    return tr("{value:,.0f} residents").format(value=value)


def _describe(ctx, indicator, reach: Reach, base: Base, dests, readings: List[Reading], graph, require_all):
    choices = ctx.usage.choices
    types = ", ".join(f"{type_label(d.key)} ({d.features})" for d in dests)
    choices.append(tr("destinations: {types}; {rule}").format(
        types=types, rule=tr("every type within reach") if require_all else tr("nearest destination of any type")))
    choices.append(tr("threshold: {reach} ({basis})").format(reach=reach.text(), basis=reach.basis))
    if graph is not None:
        choices.append(tr("network: {edges:,} edges of '{roads}' ({mode}); land within {width:g} m of a reached road "
                          "counts as covered; the straight access leg to the nearest road is part of the distance").format(
            edges=graph.n_edges, roads=graph.source, mode=tr("walking") if graph.mode == WALK else tr("driving"),
            width=HALF_WIDTH[graph.mode]))
    choices.append(tr("base: {base}").format(base=base.description))
    for reading in sorted(readings, key=lambda r: not r.headline):
        text = tr("Value — {label}: {rate:.2f} % ({covered} of {total})") if reading.headline else \
            tr("Other reading — {label}: {rate:.2f} % ({covered} of {total})")
        choices.append(text.format(label=reading_label(reading.basis, reading.method), rate=reading.rate * 100,
                                   covered=_total_text(reading.base, reading.covered.sum()),
                                   total=_total_text(reading.base, reading.base.weights.sum())))
    for basis in (AREA, POPULATION):
        net = next((r for r in readings if r.basis == basis and r.method == NETWORK), None)
        buf = next((r for r in readings if r.basis == basis and r.method == BUFFER), None)
        if net is not None and buf is not None:
            choices.append(tr("{basis} basis: straight-line radius {radius:g} m gives {gap:+.2f} percentage points "
                              "more than the network").format(basis=tr(BASIS_LABELS[basis]), radius=buf.radius_m,
                                                              gap=(buf.rate - net.rate) * 100))


# ----------------------------------------------------------------------------------------------
# result layers
# ----------------------------------------------------------------------------------------------

def _subject(dests, require_all: bool, reach: Reach) -> str:
    if require_all:
        return tr("{reach} life circle").format(reach=reach.text())
    return type_label(dests[0].key) if dests else ""


def _service_area_job(ctx, reach: Reach, dests, graph, require_all, memo):
    """A function building the reached-roads layer of a single-type indicator (run in a worker thread
    beside the readings), or None."""
    if graph is None or require_all or not dests:
        return None
    name = tr("{type} {reach} service area (roads reached)").format(
        type=_subject(dests, require_all, reach), reach=(reach if not reach.straight else _network_twin(reach)).text())
    crs = ctx.working_crs
    return lambda: _reached_layer(name, graph, _type_reach(graph, dests[0], reach.cost, memo).reached, reach, crs)


def _layers(ctx, indicator, reach: Reach, dests, readings, headline: Reading, require_all, service_area):
    layers: Dict[str, LayerData] = {}
    subject = _subject(dests, require_all, reach)
    if service_area is not None:
        layers[service_area.name] = service_area
    gap = _gap_layer(ctx, headline, subject, require_all, [d.key for d in dests])
    if gap is not None:
        layers[gap.name] = gap
    table = _readings_table(ctx, indicator, readings, subject)
    layers[table.name] = table
    return layers


REACHED_CELL_M = 1000.0  # the reached road pieces are packed per square kilometre (few, light features)


def _reached_layer(name: str, graph: RoadGraph, reached: ReachedEdges, reach: Reach, crs: str) -> LayerData:
    """The reached road pieces as multi-lines, one feature per 1 km grid cell (by the centre of each
    piece's bounding box)."""
    lines = reached_lines(graph, reached)
    length = reached.end - reached.start
    if len(lines):
        box = shapely.bounds(lines)
        cell = np.floor((box[:, :2] + box[:, 2:]) / (2.0 * REACHED_CELL_M)).astype(np.int64)
        cell -= cell.min(axis=0)
        _, group = np.unique(cell[:, 0] * (int(cell[:, 1].max()) + 1) + cell[:, 1], return_inverse=True)
        group = group.ravel()
        order = np.argsort(group, kind="stable")
        geoms = shapely.multilinestrings(lines[order], indices=group[order])
    else:
        group, geoms = np.zeros(0, dtype=np.int64), np.empty(0, dtype=object)
    count = np.bincount(group, minlength=len(geoms))
    attrs = pd.DataFrame({"LEN_M": np.bincount(group, length, minlength=len(geoms)), "PIECES": count,
                          "THRESHOLD": np.full(len(geoms), reach.cost), "UNIT": reach.cost_unit})
    return LayerData(name, np.asarray(geoms, dtype=object), attrs, np.arange(1, len(geoms) + 1), crs=crs,
                     geometry_type="line")


def _network_twin(reach: Reach) -> Reach:
    return Reach(reach.mode, reach.cost, reach.radius_m, reach.minutes, reach.speed_kmh, False, reach.basis)


def _gap_layer(ctx, reading: Reading, subject: str, require_all: bool, dest_keys) -> Optional[LayerData]:
    base = reading.base
    share = _fraction(reading.covered, base.weights)
    gap = np.flatnonzero((share < 1.0 - 1e-9) & (base.weights > 0))
    if require_all and base.basis == POPULATION:
        name = tr("{subject}: {base} without every service").format(subject=subject, base=base.label)
    else:
        name = tr("{type}: {base} not covered").format(type=subject, base=base.label)
    source = ctx.raw[base.source_role.split("|")[0]]
    src_fid = np.asarray(source.fids)[base.source[gap]] if "|" not in base.source_role else base.source[gap]
    attrs = {"SRC_FID": src_fid}
    if base.basis == AREA:
        attrs["AREA_M2"] = base.weights[gap]
        attrs["COV_PCT"] = share[gap] * 100
        attrs["UNCOV_M2"] = base.weights[gap] - reading.covered[gap]
    else:
        attrs["RESIDENTS"] = base.weights[gap]
        attrs["UNCOVERED"] = base.weights[gap] - reading.covered[gap]
        if require_all and reading.per_type:
            mask = np.zeros(len(gap), dtype=np.int64)
            for bit, flags in enumerate(reading.per_type):
                mask |= flags[gap].astype(np.int64) << bit
            attrs["N_WITHIN"] = np.array([bin(int(m)).count("1") for m in mask], dtype=np.int64)
            attrs["MISSING"] = missing_names(mask, [type_label(d) for d in dest_keys])
    levels = {level.unit_type: level for level in ctx.zones()}
    for unit_type, column in (("district", "XZQDM"), ("subdistrict", "JDDM")):
        if unit_type in base.zones:
            labels = base.zones[unit_type][gap]
            codes = levels[unit_type].codes
            attrs[column] = np.where(labels >= 0, codes[np.maximum(labels, 0)] if len(codes) else "", "")
    kind = "point" if base.kind == "point" else "polygon"
    return LayerData(name, base.geoms[gap], pd.DataFrame(attrs), np.arange(1, len(gap) + 1), crs=ctx.working_crs,
                     geometry_type=kind)


READING_COLUMNS = ("code", "subject", "basis", "method", "label", "headline", "level", "unit_code", "unit_name",
                   "covered", "total", "total_unit", "rate_pct", "threshold", "threshold_unit")


def _readings_table(ctx, indicator, readings: List[Reading], subject: str) -> LayerData:
    names = {}
    for level in ctx.zones():
        names[level.unit_type] = (level.codes, level.names)
    rows = []
    by_key = {}
    for reading in readings:
        threshold = reading.radius_m if reading.method == BUFFER else None
        for level, zone, covered, total in reading.sums():
            code, name = _zone_text(level, zone, names)
            rate = covered / total * 100 if total > 0 else np.nan
            by_key[(reading.basis, reading.method, level, code)] = rate
            rows.append((indicator.code, subject, reading.basis, reading.method,
                         reading_label(reading.basis, reading.method), int(reading.headline), level, code, name,
                         covered, total, "m²" if reading.basis == AREA else "人", rate, threshold,
                         "m" if threshold is not None else ""))
    for (basis, method, level, code), rate in list(by_key.items()):
        if method != NETWORK or (basis, BUFFER, level, code) not in by_key:
            continue
        name = next(r[8] for r in rows if r[2] == basis and r[6] == level and r[7] == code)
        rows.append((indicator.code, subject, basis, GAP, reading_label(basis, GAP), 0, level, code, name, np.nan,
                     np.nan, "", by_key[(basis, BUFFER, level, code)] - rate, np.nan, ""))
    frame = pd.DataFrame(rows, columns=list(READING_COLUMNS))
    title = tr("{subject}: coverage readings").format(subject=subject)
    return LayerData(title, np.full(len(frame), None, dtype=object), frame, np.arange(1, len(frame) + 1),
                     crs="", geometry_type="none")


def _zone_text(level: str, zone: str, names) -> Tuple[str, str]:
    if level == "city":
        return "city", tr("whole city")
    codes, labels = names[level]
    index = int(zone)
    return str(codes[index]), str(labels[index])


# ----------------------------------------------------------------------------------------------

def register() -> None:
    """(Re-)register the method; the engine imports this module, which calls it once."""
    register_method(METHOD, compute_walk_coverage)


register()


__all__ = ["compute_walk_coverage", "register", "resolve_reach", "type_label", "TYPE_LABELS", "HALF_WIDTH",
           "working_layer", "Reach", "NetworkError"]
