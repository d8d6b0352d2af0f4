"""The year's deliverables (“1+1+6”): annual report, special report and the six annexes in one folder.

Public API::

    from cityhealth_plugin.core.deliverables import PackageOptions, build_package
    result = build_package("city.gpkg", 2024, "out/package_2024", assessment_db=None, options=PackageOptions(city="厦门市"))
    result.files, result.skipped, result.manifest

See docs/deliverables.md.
"""

from .package import (  # noqa: F401
    PackageCanceled, PackageError, PackageOptions, PackageResult, build_package, default_map_exporter,
    set_default_map_exporter,
)

__all__ = ["PackageCanceled", "PackageError", "PackageOptions", "PackageResult", "build_package",
           "default_map_exporter", "set_default_map_exporter"]
