"""Coverage shares: how much of a base (residential land, residents, an area) lies within reach
of facilities.

``radius_coverage`` uses straight-line radii (buffers); ``walk_coverage`` (network distances)
is registered by the network engine, which can reuse ``covered_share`` with its own
service-area polygons.
"""

from typing import Dict

import numpy as np
import pandas as pd
import shapely

from ...catalog import params as P
from ...i18n import tr
from ...layer_data import LayerData
from ..context import EngineContext
from ..measures import evaluate
from ..registry import Measurement
from ..values import Quantity


def _restrict(spec: Dict, key: str, ctx: EngineContext) -> Dict:
    """The same measure restricted to the polygons registered under ``key`` (and its own within)."""
    kind = P.measure_kind(spec)
    if kind == "first_of":
        return {"first_of": [_restrict(option, key, ctx) for option in spec["first_of"]]}
    if kind in ("statistic", "indicator"):
        raise P.ParamError(tr("A coverage base must be spatial (land use, area or a layer sum), not a {kind}.").format(
            kind=kind))
    own = spec.get("within")
    if own:
        combined = f"{key}&{own}"
        ctx.require(own)
        region = shapely.intersection(shapely.union_all(ctx.layer(key).geoms),
                                      shapely.union_all(ctx.layer(own + "|dissolved").geoms))
        ctx.add_virtual(combined, _parts(region))
        key = combined
    return dict(spec, within=key)


def _parts(geometry) -> np.ndarray:
    parts = shapely.get_parts(np.array([geometry], dtype=object))
    return parts[np.isin(shapely.get_type_id(parts), (3,))]


def covered_share(ctx: EngineContext, base: Dict, coverage: np.ndarray, key: str) -> Quantity:
    """Share (fraction) of ``base`` inside the ``coverage`` polygons (working CRS), city and per unit."""
    union = shapely.union_all(np.asarray(coverage, dtype=object))
    ctx.add_virtual(key, _parts(union), role="coverage")
    covered = evaluate(ctx, _restrict(base, key, ctx))
    total = evaluate(ctx, base)
    return covered / total


def facility_geometries(ctx: EngineContext, params: Dict) -> Dict[str, np.ndarray]:
    """Source geometries per facility type (roles, or a land-use group of the DLTB)."""
    sources = {}
    for role in params.get("facilities") or []:
        ctx.require(role)
        ctx.use_role(role)
        geoms = ctx.layer(role).geoms
        sources[role] = geoms[~shapely.is_empty(geoms)]
    group_id = params.get("source_group")
    if group_id:
        ctx.require("dltb")
        group = ctx.groups[group_id]
        mask = group.mask(ctx.field("dltb", "DLBM"), ctx.field("dltb", "CZCSXM") if group.czcsxm else None)
        if params.get("min_area_m2"):
            mask &= ctx.official_area("dltb", "TBDLMJ") >= float(params["min_area_m2"])
        sources[group_id] = ctx.layer("dltb").geoms[mask]
    return sources


def compute_radius_coverage(indicator, ctx: EngineContext) -> Measurement:
    params = P.coverage_params("radius_coverage", indicator.params)
    radius = float(params["radius_m"])
    sources = facility_geometries(ctx, params)
    reach = None
    for name, geoms in sources.items():
        if not len(geoms):
            raise P.ParamError(tr("Facility layer '{role}' has no features.").format(role=name))
        area = shapely.union_all(shapely.buffer(geoms, radius, quad_segs=16))
        if reach is None:
            reach = area
        elif params.get("require", "any") == "all":
            reach = shapely.intersection(reach, area)
        else:
            reach = shapely.union(reach, area)
    if params.get("within"):
        ctx.require(params["within"])
        reach = shapely.intersection(reach, shapely.union_all(ctx.layer(params["within"] + "|dissolved").geoms))
    ctx.usage.choices.append(tr("straight-line radius {radius:g} m around {sources}").format(
        radius=radius, sources=", ".join(sources)))
    share = covered_share(ctx, params["base"], np.array([reach], dtype=object), f"coverage|{indicator.code}")
    layer = LayerData(name=f"{indicator.code} {tr('coverage')}", geometries=_parts(reach),
                      attributes=pd.DataFrame({"RADIUS_M": np.full(len(_parts(reach)), radius)}),
                      fids=np.arange(1, len(_parts(reach)) + 1), crs=ctx.working_crs, geometry_type="polygon")
    return Measurement(share, {layer.name: layer})

