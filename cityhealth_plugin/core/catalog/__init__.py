"""The indicator system as data: loading, validating, overriding per city/year (docs/catalog.md).

    from cityhealth_plugin.core.catalog import load_catalog, CatalogError
    catalog = load_catalog(overrides=["city.csv"])
"""

from .loader import DEFAULT_CATALOG, example_override, load_catalog  # noqa: F401
from .model import Catalog, Indicator, StatisticDef  # noqa: F401
from .validate import CatalogError, Problem  # noqa: F401
