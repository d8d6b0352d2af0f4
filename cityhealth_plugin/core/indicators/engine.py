"""The indicator engine: compute catalog indicators on a set of role layers.

    results = compute(catalog, layers, statistics, year)

``layers`` maps role ids (``core.roles.registry``) to ``LayerData``; ``statistics`` is the
statistics table (code, year, unit_code, value[, unit, name_zh]). Each indicator is
dispatched to its registered method; indicators that read other indicators (``derived``)
come after them. Nothing raises for bad data: every indicator gets a result with a status.
"""

import time
import traceback
from datetime import datetime, timezone
from typing import Callable, Dict, Iterable, List, Optional

import numpy as np
import pandas as pd

from ..catalog import params as P
from ..catalog.model import Catalog, Indicator
from ..geodesy import GeodesyError
from ..i18n import tr
from ..landuse.codes import LandUseGroups
from ..layer_data import LayerData
from .context import EngineContext, MissingInput
from .registry import LOAD_ERRORS, get_method
from .result import IndicatorResult, InputLayer, Provenance, empty_per_unit
from .units import UnitError


def dependency_order(catalog: Catalog, codes: Iterable[str]) -> List[str]:
    """``codes`` plus the indicators they read, each after its inputs."""
    order: List[str] = []
    seen = set()

    def visit(code: str) -> None:
        if code in seen or code not in catalog:
            return
        seen.add(code)
        indicator = catalog[code]
        try:
            needs = P.referenced(indicator.method, indicator.params, code)[2]
        except P.ParamError:
            needs = []
        for child in needs:
            visit(child)
        order.append(code)

    for code in codes:
        visit(code)
    return order


def _per_unit(indicator: Indicator, levels: Dict[str, pd.Series], names) -> pd.DataFrame:
    frames = []
    for unit_type in indicator.per_unit:
        series = levels.get(unit_type)
        if series is None:
            continue
        series = series[np.isfinite(series.to_numpy(dtype=float))]
        if series.empty:
            continue
        codes = series.index.astype(str)
        frames.append(pd.DataFrame({"unit_type": unit_type, "unit_code": codes,
                                    "unit_name": [names.get((unit_type, c), "") for c in codes],
                                    "value": series.to_numpy(dtype=float)}))
    return pd.concat(frames, ignore_index=True) if frames else empty_per_unit()


def compute_one(indicator: Indicator, ctx: EngineContext) -> IndicatorResult:
    """One indicator (its inputs among other indicators must already be in ``ctx.results``)."""
    started = time.perf_counter()
    usage = ctx.begin()
    provenance = Provenance(method=indicator.method, parameters=dict(indicator.params or {}),
                            formula=indicator.formula_zh, crs=ctx.working_crs, catalog_origin=indicator.origin)
    result = IndicatorResult(code=indicator.code, name=indicator.name_zh, name_en=indicator.name_en, value=None,
                             unit=indicator.unit, status="error", year=ctx.year, source_type=indicator.source_type,
                             provenance=provenance)
    function = get_method(indicator.method)
    if function is None:
        result.status = "unavailable"
        result.message = tr("Method '{method}' is not installed in this version.").format(method=indicator.method)
        if LOAD_ERRORS:
            result.message += " " + "; ".join(f"{k}: {v}" for k, v in LOAD_ERRORS.items())
    else:
        try:
            measurement = function(indicator, ctx)
            converted = measurement.quantity.in_unit(indicator.unit)
            result.value = converted.total
            result.per_unit = _per_unit(indicator, converted.levels, ctx.zones().names())
            result.layers = dict(measurement.layers)
            result.status = "ok"
            ctx.results[indicator.code] = measurement.quantity
            usage.choices.extend(measurement.notes)
            if not np.isfinite(result.value):
                ctx.warn(tr("The value is undefined (a denominator is 0 or an input is empty)."))
        except MissingInput as missing:
            result.status = "missing_input"
            result.missing = [f"{kind}:{ident}" for kind, ident in missing.items]
            result.message = missing.message
        except (P.ParamError, UnitError, GeodesyError, ValueError, KeyError) as error:
            result.status = "error"
            result.message = str(error).strip("'\"")
        except Exception as error:  # noqa: BLE001 - a failing indicator must not stop the others
            result.status = "error"
            result.message = tr("Unexpected failure ({kind}: {error}); please report it with the provenance.").format(
                kind=type(error).__name__, error=error)
            usage.warnings.append(traceback.format_exc(limit=4))
    ctx.status[indicator.code] = result.status
    provenance.inputs = [InputLayer(role, ctx.raw[role].name, len(ctx.raw[role]), ctx.layer_hash(role),
                                    ctx.raw[role].crs, ctx.raw[role].source) for role in usage.roles]
    provenance.statistics = list(usage.statistics)
    provenance.area_method = "; ".join(usage.area_methods)
    provenance.choices = list(dict.fromkeys(usage.choices))
    provenance.warnings = list(usage.warnings) + [n for n in ctx.notes if n not in usage.warnings]
    provenance.computed_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    provenance.seconds = round(time.perf_counter() - started, 4)
    return result


def compute(catalog: Catalog, layers: Dict[str, LayerData], statistics: Optional[pd.DataFrame] = None,
            year: int = 0, codes: Optional[Iterable[str]] = None, *, groups: Optional[LandUseGroups] = None,
            progress: Optional[Callable[[int, int, str], None]] = None,
            is_canceled: Optional[Callable[[], bool]] = None,
            context: Optional[EngineContext] = None) -> List[IndicatorResult]:
    """Compute the indicators ``codes`` (default: the whole catalog) in catalog order.

    ``progress(done, total, code)`` is called before each indicator; when ``is_canceled()``
    turns true the remaining indicators are skipped. Indicators that others read are
    computed first even when not requested (they are not returned then).
    """
    wanted = list(codes) if codes is not None else catalog.codes()
    unknown = [c for c in wanted if c not in catalog]
    ctx = context or EngineContext(layers, statistics, year, catalog, groups)
    order = dependency_order(catalog, wanted)
    results: Dict[str, IndicatorResult] = {}
    ctx.plan = [catalog[code] for code in order]
    try:
        for done, code in enumerate(order):
            if is_canceled and is_canceled():
                break
            if progress:
                progress(done, len(order), code)
            results[code] = compute_one(catalog[code], ctx)
    finally:
        ctx.plan = []
        ctx.close()
    out = [results[c] for c in wanted if c in results]
    for code in unknown:
        out.append(IndicatorResult(code=code, name=code, value=None, unit="", status="error", year=ctx.year,
                                   source_type="", message=tr("Indicator '{code}' is not in the catalog.").format(
                                       code=code)))
    return out


def results_frame(results: List[IndicatorResult]) -> pd.DataFrame:
    """One row per result (code, name, value, unit, status, message, missing)."""
    return pd.DataFrame([{"code": r.code, "name": r.name, "value": r.value, "unit": r.unit, "status": r.status,
                          "message": r.message, "missing": ";".join(r.missing), "source_type": r.source_type}
                         for r in results])
