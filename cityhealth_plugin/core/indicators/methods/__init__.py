"""Built-in methods, registered on import (see ``..registry``)."""

from ...catalog.params import EXPRESSION_METHODS, STATISTIC_METHODS
from ..registry import register_method
from .coverage import compute_radius_coverage
from .expression import compute_expression
from .statistic import compute_statistic

for _name in EXPRESSION_METHODS:
    register_method(_name, compute_expression)
for _name in STATISTIC_METHODS:
    register_method(_name, compute_statistic)
register_method("radius_coverage", compute_radius_coverage)
