"""Indicator computation: methods configured by catalog records (see docs/indicators.md).

Public API (imported lazily so that ``core.catalog`` can use ``units`` without a cycle)::

    compute(catalog, layers, statistics=None, year=0, codes=None, ...) -> [IndicatorResult]
    register_method(name, function)        # plug in a method (e.g. walk_coverage)
    IndicatorResult, Provenance, Measurement, EngineContext, MissingInput, Quantity
"""

_EXPORTS = {
    "compute": ".engine", "compute_one": ".engine", "results_frame": ".engine",
    "register_method": ".registry", "Measurement": ".registry",
    "IndicatorResult": ".result", "Provenance": ".result",
    "EngineContext": ".context", "MissingInput": ".errors", "Quantity": ".values",
}


def __getattr__(name):
    if name in _EXPORTS:
        import importlib

        module = importlib.import_module(_EXPORTS[name], __name__)
        return getattr(module, name)
    raise AttributeError(name)
