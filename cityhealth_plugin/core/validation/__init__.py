"""Validation of a data package: rules over LayerInfo / LayerData producing Findings.

Entry point: ``validate(package, work_crs)`` with ``package`` mapping role id ->
``ValidationInput`` (or a bare LayerData / LayerInfo). Rule ids: ``Rule``.
"""

from .engine import as_input, info_from_data, repair_geometries, sort_findings, validate, validate_role
from .findings import (
    ACTIONS,
    DEFAULT_WORK_CRS,
    ERROR,
    INFO,
    SEVERITIES,
    WARNING,
    Finding,
    Rule,
    ValidationInput,
    count_by_severity,
)

__all__ = [
    "ACTIONS", "DEFAULT_WORK_CRS", "ERROR", "INFO", "SEVERITIES", "WARNING", "Finding", "Rule",
    "ValidationInput", "as_input", "count_by_severity", "info_from_data", "repair_geometries",
    "sort_findings", "validate", "validate_role",
]
