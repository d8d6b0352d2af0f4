"""All expression methods (landuse_area, landuse_share, overlay_area, density, ratio, quantity,
per_capita, count, derived): evaluate the named measures, then the expression over them."""

import numpy as np
import pandas as pd
import shapely

from ...catalog import params as P
from ...i18n import tr
from ...layer_data import LayerData
from ..measures import evaluate
from ..registry import Measurement
from ..zones import polygonal


def compute_expression(indicator, ctx) -> Measurement:
    expression, inputs = P.canonical(indicator.method, indicator.params)
    tree = P.parse_expression(expression, list(inputs))
    values = {name: evaluate(ctx, spec) for name, spec in inputs.items()}
    quantity = P.evaluate_expression(tree, values)
    layers = {}
    params = indicator.params or {}
    if indicator.method == "overlay_area" and params.get("group") and params.get("clip"):
        layer = overlap_layer(ctx, params["layer"], params["group"], params["clip"],
                              f"{indicator.code} {indicator.name_zh}", params.get("area_field") or "TBDLMJ")
        if layer is not None:
            layers[layer.name] = layer
    return Measurement(quantity, layers)


def overlap_layer(ctx, layer_role: str, group_id: str, clip_role: str, name: str, area_field: str = "TBDLMJ"):
    """The pieces of the group's patches inside the clip polygons, as a result layer."""
    layer = ctx.layer(layer_role)
    mask = layer.cached(("group", group_id), lambda: None)
    if mask is None:
        return None
    pieces = ctx.pieces(layer_role, clip_role)
    keep = np.flatnonzero(mask[pieces.item] & (pieces.share > 0))
    items, geoms = merge_pieces(pieces.item[keep], polygonal(pieces.geoms[keep]))
    share = np.bincount(pieces.item[keep], weights=pieces.share[keep], minlength=len(layer))[items]
    area = ctx.official_area(layer_role, area_field)[items] * share
    data = layer.data
    attributes = pd.DataFrame({
        "SRC_FID": np.asarray(data.fids)[items] if data is not None else items,
        "DLBM": ctx.field(layer_role, "DLBM").to_numpy(dtype=object)[items],
        "SHARE": share,
        "AREA_M2": area,
    })
    czcsxm = ctx.field(layer_role, "CZCSXM")
    if czcsxm is not None:
        attributes.insert(2, "CZCSXM", czcsxm.to_numpy(dtype=object)[items])
    return LayerData(name=name, geometries=geoms, attributes=attributes, fids=np.arange(1, len(items) + 1),
                     crs=ctx.working_crs, geometry_type="polygon",
                     notes=[tr("Parts of land-use patches inside '{clip}'; AREA_M2 = patch area × SHARE.").format(
                         clip=clip_role)])



def merge_pieces(items: np.ndarray, geoms: np.ndarray):
    """One geometry per feature: pieces cut along tile edges are merged again (vectorised union
    over a padded (features × pieces) array)."""
    order = np.argsort(items, kind="stable")
    items, geoms = items[order], geoms[order]
    unique, start, counts = np.unique(items, return_index=True, return_counts=True)
    if not len(unique) or counts.max() == 1:
        return items, geoms
    grid = np.full((len(unique), counts.max()), None, dtype=object)
    rank = np.arange(len(items)) - np.repeat(start, counts)
    grid[np.repeat(np.arange(len(unique)), counts), rank] = geoms
    merged = geoms[start].copy()
    multi = counts > 1
    merged[multi] = shapely.union_all(grid[multi], axis=1)
    return unique, merged
