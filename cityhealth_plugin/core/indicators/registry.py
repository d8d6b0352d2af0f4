"""The method registry: the engine dispatches each catalog record to ``METHODS[record.method]``.

A method is ``function(indicator, ctx) -> Measurement``: it reads its parameters from
``indicator.params``, its inputs through the ``EngineContext`` (which records them for
provenance and raises ``MissingInput`` for an absent role or statistic) and returns a
``Quantity`` in base units (m, m², 人, 元 …; a share as a fraction). The engine converts it
into the indicator's unit. Another module adds a method with::

    from cityhealth_plugin.core.indicators.registry import register_method, Measurement
    register_method("walk_coverage", compute_walk_coverage)

Modules listed in ``PLUGIN_MODULES`` are imported (when present) before each computation, so
that ``core/network/indicator_method.py`` can register ``walk_coverage`` on import.
"""

import importlib
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

from ..catalog.methods import METHOD_SPECS, MethodSpec, register_method_spec
from ..layer_data import LayerData
from .values import Quantity

PLUGIN_MODULES = ("cityhealth_plugin.core.network.indicator_method",)


@dataclass
class Measurement:
    quantity: Quantity
    layers: Dict[str, LayerData] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)


MethodFunction = Callable[..., Measurement]
METHODS: Dict[str, MethodFunction] = {}
_plugins_loaded = False


def register_method(name: str, function: MethodFunction, spec: Optional[MethodSpec] = None) -> None:
    """Register (or replace) the computation of a method. ``spec`` declares a new method name
    for catalogs; known names (e.g. walk_coverage) already have one."""
    if spec is not None:
        register_method_spec(spec)
    elif name not in METHOD_SPECS:
        register_method_spec(MethodSpec(name, "spatial", name))
    METHODS[name] = function


def unregister_method(name: str) -> None:
    METHODS.pop(name, None)


LOAD_ERRORS: Dict[str, str] = {}


def load_plugins() -> Dict[str, str]:
    """Import the optional method modules; returns {module: error} for those that failed to load
    (a module that simply does not exist yet is not an error)."""
    global _plugins_loaded
    if not _plugins_loaded:
        from . import methods  # noqa: F401  (registers the built-in methods)
        for module in PLUGIN_MODULES:
            try:
                importlib.import_module(module)
            except ModuleNotFoundError as error:
                if error.name != module and not module.startswith(str(error.name) + "."):
                    LOAD_ERRORS[module] = f"{type(error).__name__}: {error}"
            except Exception as error:  # a broken plug-in must not stop the other indicators
                LOAD_ERRORS[module] = f"{type(error).__name__}: {error}"
        _plugins_loaded = True
    return dict(LOAD_ERRORS)


def get_method(name: str) -> Optional[MethodFunction]:
    load_plugins()
    return METHODS.get(name)
