"""Evaluating measure specifications (see ``catalog.params``) into ``Quantity`` values.

Conventions (ARCHITECTURE.md "Official conventions"):
* land areas are ``TBDLMJ`` where the DLTB has it, else ellipsoidal CGCS2000 areas;
* a feature partly inside a ``within`` polygon (or a unit) counts by its planar share:
  TBDLMJ × (intersection planar area / patch planar area);
* lengths and footprints are ellipsoidal; counts and point sums go by location.
"""

from typing import Optional

import numpy as np
import pandas as pd

from ..catalog import params as P
from ..i18n import tr
from ..landuse.codes import normalise_codes
from .context import AREA_ELLIPSOIDAL, EngineContext, MissingInput
from .units import parse_unit
from .values import Quantity

AREA = (("m", 2),)
LENGTH = (("m", 1),)


def apply_filter(ctx: EngineContext, role: str, text: Optional[str]) -> Optional[np.ndarray]:
    """Boolean mask of the features matching a catalog filter (None = no filter)."""
    conditions = P.parse_filter(text)
    if not conditions:
        return None
    layer = ctx.layer(role)
    mask = np.ones(len(layer), dtype=bool)
    for condition in conditions:
        column = ctx.field(role, condition.field)
        if column is None:
            raise MissingInput("field", f"{role}.{condition.field}", tr(
                "Layer '{layer}' (role {role}) has no field {field}, which the filter '{filter}' needs.").format(
                layer=ctx.raw[role].name, role=role, field=condition.field, filter=text))
        numeric = all(isinstance(v, (int, float)) for v in condition.values)
        if numeric and condition.op not in ("in", "not in"):
            values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
            target = float(condition.values[0])
            with np.errstate(invalid="ignore"):
                test = {"==": values == target, "!=": values != target, ">=": values >= target,
                        "<=": values <= target, ">": values > target, "<": values < target}[condition.op]
            unknown = int(np.isnan(values).sum())
            if unknown:
                ctx.warn(tr("{n} features of '{layer}' have no number in {field}; they do not match '{filter}'.").format(
                    n=unknown, layer=ctx.raw[role].name, field=condition.field, filter=condition.describe()))
            mask &= np.nan_to_num(test, nan=False).astype(bool)
        else:
            text_values = column.where(column.notna(), "").astype(str).str.strip().to_numpy(dtype=object)
            wanted = np.array([str(v) for v in condition.values], dtype=object)
            if numeric:  # numbers stored as text: compare normalised codes
                text_values = normalise_codes(text_values)
                wanted = normalise_codes(wanted)
            if condition.op in ("==", "in"):
                mask &= np.isin(text_values, wanted)
            elif condition.op in ("!=", "not in"):
                mask &= ~np.isin(text_values, wanted)
            else:
                raise P.ParamError(tr("Filter '{filter}': '{op}' needs a number.").format(
                    filter=condition.describe(), op=condition.op))
    return mask


def _group_mask(ctx: EngineContext, role: str, group) -> np.ndarray:
    """Group membership of every patch, evaluated once per distinct (DLBM, CZCSXM) pair."""
    layer = ctx.layer(role)

    def factorised():
        dlbm = ctx.field(role, "DLBM")
        czcsxm = ctx.field(role, "CZCSXM")
        pairs = pd.DataFrame({"d": dlbm.to_numpy(dtype=object),
                              "c": czcsxm.to_numpy(dtype=object) if czcsxm is not None else ""})
        pairs = pairs.astype(str)
        codes, uniques = pd.factorize(pairs["d"] + "\x1f" + pairs["c"])
        split = uniques.str.split("\x1f", n=1)
        return codes, np.array([p[0] for p in split], dtype=object), np.array([p[1] for p in split], dtype=object), \
            czcsxm is not None

    codes, dlbm_u, cz_u, has_cz = layer.cached("landuse_codes", factorised)
    cz_u = np.where(pd.Series(cz_u).isin(["None", "nan", "<NA>"]), "", cz_u)
    unique_mask = group.mask(dlbm_u, cz_u if has_cz else None)
    return unique_mask[codes]


def landuse_mask(ctx: EngineContext, role: str, group_id: str, count: int):
    """(membership of every patch of ``role`` in land-use group ``group_id`` ('*' = all), its
    description for provenance). A missing DLBM / CZCSXM field is a MissingInput naming the layer."""
    if group_id == "*":
        return np.ones(count, dtype=bool), tr("all DLTB patches")
    group = ctx.groups[group_id]
    if ctx.field(role, "DLBM") is None:
        raise MissingInput("field", f"{role}.DLBM", tr("Layer '{layer}' has no DLBM (地类编码) field.").format(
            layer=ctx.raw[role].name))
    if group.czcsxm is not None and ctx.field(role, "CZCSXM") is None:
        raise MissingInput("field", f"{role}.CZCSXM", tr(
            "Land-use group '{group}' needs the CZCSXM (城镇村属性码) field of '{layer}'.").format(
            group=group.zh, layer=ctx.raw[role].name))
    mask = ctx.layer(role).cached(("group", group_id), lambda: _group_mask(ctx, role, group))
    return mask, group.describe()


def _landuse(ctx: EngineContext, spec) -> Quantity:
    layer_role = spec.get("layer") or "dltb"
    ctx.require(layer_role)
    group_id = spec["landuse"]
    area = ctx.official_area(layer_role, spec.get("area_field", "TBDLMJ"))
    mask, described = landuse_mask(ctx, layer_role, group_id, len(area))
    ctx.usage.choices.append(described)
    filtered = apply_filter(ctx, layer_role, spec.get("filter"))
    if filtered is not None:
        mask = mask & filtered
    return ctx.aggregate(layer_role, spec.get("within"), np.where(mask, area, 0.0), dims=AREA)


def _area(ctx: EngineContext, spec) -> Quantity:
    role = spec["area"]
    ctx.require(role)
    key = role + "|dissolved" if spec.get("dissolve") else role
    if spec.get("dissolve") and spec.get("area_field"):
        raise P.ParamError(tr("'dissolve' and 'area_field' exclude each other (merged polygons have no field value)."))
    if spec.get("dissolve"):
        ctx.usage.choices.append(tr("overlapping polygons of '{layer}' merged before measuring").format(
            layer=ctx.raw[role].name))
    weights = ctx.official_area(key, spec.get("area_field"))
    mask = apply_filter(ctx, role, spec.get("filter")) if not spec.get("dissolve") else None
    if mask is not None:
        weights = np.where(mask, weights, 0.0)
    return ctx.aggregate(key, spec.get("within"), weights, dims=AREA)


def _length(ctx: EngineContext, spec) -> Quantity:
    role = spec["length"]
    ctx.require(role)
    weights = ctx.ellipsoidal_length(role)
    mask = apply_filter(ctx, role, spec.get("filter"))
    if mask is not None:
        weights = np.where(mask, weights, 0.0)
    ctx.usage.choices.append(tr("lengths on the CGCS2000 ellipsoid"))
    return ctx.aggregate(role, spec.get("within"), weights, dims=LENGTH)


def _footprint(ctx: EngineContext, spec, floors: bool = False) -> Quantity:
    role = spec["floor_area" if floors else "footprint"]
    ctx.require(role)
    ctx.area_method(AREA_ELLIPSOIDAL)
    weights = ctx.ellipsoidal_area(role).copy()
    if floors:
        field = spec.get("floors") or "CS"
        storeys = ctx.numeric_field(role, field, tr("number of floors"))
        weights = weights * storeys
        ctx.usage.choices.append(tr("floor area = footprint × {field}").format(field=field))
    mask = apply_filter(ctx, role, spec.get("filter"))
    if mask is not None:
        weights = np.where(mask, weights, 0.0)
    return ctx.aggregate(role, spec.get("within"), weights, dims=AREA)


def _sum(ctx: EngineContext, spec) -> Quantity:
    role = spec["sum"]
    ctx.require(role)
    field = spec.get("field")
    if not field:
        raise P.ParamError(tr("Measure 'sum' needs 'field'."))
    unit = parse_unit(spec.get("unit") or ("人" if role == "population" else "1"))
    weights = ctx.numeric_field(role, field, tr("values to add up")) * unit.factor
    mask = apply_filter(ctx, role, spec.get("filter"))
    if mask is not None:
        weights = np.where(mask, weights, 0.0)
    layer = ctx.layer(role)
    if layer.kind == "polygon":
        ctx.usage.choices.append(tr("{field} of '{layer}' split by area share").format(field=field, layer=ctx.raw[role].name))
    return ctx.aggregate(role, spec.get("within"), weights, dims=unit.dimension)


def _count(ctx: EngineContext, spec) -> Quantity:
    role = spec["count"]
    ctx.require(role)
    unit = parse_unit(spec.get("unit") or "个")
    key = role + "|points"
    layer = ctx.layer(key)
    weights = np.ones(len(layer))
    mask = apply_filter(ctx, role, spec.get("filter"))
    if mask is not None:
        weights = np.where(mask, weights, 0.0)
    ctx.usage.choices.append(tr("features located by their point on surface"))
    return ctx.aggregate(key, spec.get("within"), weights, dims=unit.dimension)


def _statistic(ctx: EngineContext, spec) -> Quantity:
    return ctx.statistic(spec["statistic"], spec.get("unit"))


def _indicator(ctx: EngineContext, spec) -> Quantity:
    return ctx.indicator_value(spec["indicator"])


def _first_of(ctx: EngineContext, spec) -> Quantity:
    missing = []
    for option in spec["first_of"]:
        try:
            value = evaluate(ctx, option)
        except MissingInput as error:
            missing.extend(error.items)
            continue
        if missing:
            ctx.usage.choices.append(tr("used {used} (not available: {missing})").format(
                used=describe_measure(option), missing=", ".join(ident for _, ident in missing)))
        return value
    error = MissingInput(missing[0][0], missing[0][1], tr("None of the alternatives is available: {items}.").format(
        items=", ".join(f"{kind} {ident}" for kind, ident in missing)))
    error.items = missing
    raise error


_KINDS = {"landuse": _landuse, "area": _area, "length": _length, "footprint": _footprint,
          "floor_area": lambda ctx, spec: _footprint(ctx, spec, floors=True), "sum": _sum, "count": _count,
          "statistic": _statistic, "indicator": _indicator, "first_of": _first_of}


def evaluate(ctx: EngineContext, spec) -> Quantity:
    """The value of one measure (base units, city total and per unit)."""
    return _KINDS[P.measure_kind(spec)](ctx, spec)


def describe_measure(spec) -> str:
    kind = P.measure_kind(spec)
    if kind == "first_of":
        return " | ".join(describe_measure(option) for option in spec["first_of"])
    text = f"{kind}({spec[kind]})"
    extras = [f"{k}={v}" for k, v in spec.items() if k != kind]
    return text + (" [" + ", ".join(extras) + "]" if extras else "")
