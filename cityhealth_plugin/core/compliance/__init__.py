"""Bottom-line compliance checks (red line, basic farmland, development boundary, heritage line).

Public API (see docs/compliance.md)::

    from cityhealth_plugin.core.compliance import run_checks, ComplianceOptions
    results = run_checks({"dltb": dltb, "dltb_base": dltb_2020, "eco_redline": stbhhx,
                          "farmland_protection": yjjbnt, "urban_boundary": czkfbj,
                          "heritage_line": lswhbhx, "admin_district": xzq})
    results["redline_construction"].summary
"""

from .checks import (
    CHECKS,
    CHECKS_BY_ID,
    STATUS_INVALID,
    STATUS_MISSING,
    STATUS_OK,
    STATUS_VIOLATIONS,
    SUMMARY_COLUMNS,
    VIOLATION_COLUMNS,
    CheckSpec,
    ComplianceCanceled,
    ComplianceOptions,
    ComplianceResult,
    check_farmland_occupation,
    check_heritage_construction,
    check_new_construction,
    check_new_construction_outside_boundary,
    check_redline_construction,
    check_titles,
    combine,
    rule_names,
    run_check,
    run_checks,
    with_options,
)
from .overlay import Mask, Zones, clean_polygons, grouped_union, largest_overlap, subdivide

__all__ = [
    "CHECKS", "CHECKS_BY_ID", "STATUS_INVALID", "STATUS_MISSING", "STATUS_OK", "STATUS_VIOLATIONS",
    "SUMMARY_COLUMNS", "VIOLATION_COLUMNS", "CheckSpec", "ComplianceCanceled", "ComplianceOptions",
    "ComplianceResult", "check_farmland_occupation", "check_heritage_construction", "check_new_construction",
    "check_new_construction_outside_boundary", "check_redline_construction", "check_titles", "combine",
    "rule_names", "run_check", "run_checks", "with_options", "Mask", "clean_polygons", "grouped_union",
    "largest_overlap", "subdivide", "Zones",
]
