"""The methods a catalog record may name, with the kind of source each one stands for.

The catalog only needs to know a method's *name*, its source type and how to check its
parameters; the computation is registered separately in ``core.indicators.registry``
(``register_method``), so that the network engine can plug in ``walk_coverage`` later while
catalogs naming it already validate.
"""

from dataclasses import dataclass
from typing import Callable, Dict, Optional

from ..i18n import tr
from . import params as P


@dataclass(frozen=True)
class MethodSpec:
    name: str
    source_type: str  # spatial | statistic | survey | web
    description: str  # English, shown through tr()
    check: Optional[Callable[[dict], None]] = None  # raises ParamError


def _expression(name):
    return lambda params: P.canonical(name, params)


def _coverage(name):
    return lambda params: P.coverage_params(name, params)


def _statistic(params):
    P._only(params or {}, ("statistic",))


METHOD_SPECS: Dict[str, MethodSpec] = {}


def register_method_spec(spec: MethodSpec) -> None:
    """Declare a method name (and its parameter check) so catalogs may use it."""
    METHOD_SPECS[spec.name] = spec


for _spec in (
    MethodSpec("landuse_area", "spatial", "Area of DLTB patches in a land-use group", _expression("landuse_area")),
    MethodSpec("landuse_share", "spatial", "Area share of one land-use group in another", _expression("landuse_share")),
    MethodSpec("overlay_area", "spatial", "Area of a control layer, or of a land-use group inside it",
               _expression("overlay_area")),
    MethodSpec("density", "spatial", "A spatial quantity per unit area", _expression("density")),
    MethodSpec("ratio", "spatial", "One measure divided by another", _expression("ratio")),
    MethodSpec("quantity", "spatial", "One spatial quantity (e.g. total floor area)", _expression("quantity")),
    MethodSpec("per_capita", "spatial", "An area per resident", _expression("per_capita")),
    MethodSpec("count", "spatial", "Number of features matching a filter", _expression("count")),
    MethodSpec("derived", "spatial", "An expression over spatial measures, statistics and other indicators",
               _expression("derived")),
    MethodSpec("radius_coverage", "spatial", "Share of a base covered by straight-line radii around facilities",
               _coverage("radius_coverage")),
    MethodSpec("walk_coverage", "spatial", "Share of a base within a walking / driving threshold of facilities "
               "(network engine)", _coverage("walk_coverage")),
    MethodSpec("statistic", "statistic", "Department-reported figure", _statistic),
    MethodSpec("survey", "survey", "Survey or monitoring figure", _statistic),
    MethodSpec("bigdata", "web", "Big-data / web figure (mobile signalling, POI)", _statistic),
):
    register_method_spec(_spec)


def method_spec(name: str) -> MethodSpec:
    try:
        return METHOD_SPECS[name]
    except KeyError:
        raise KeyError(tr("Unknown method '{method}' (known: {known}).").format(
            method=name, known=", ".join(sorted(METHOD_SPECS)))) from None
