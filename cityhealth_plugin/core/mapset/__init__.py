"""The planning implementation analysis map set (附件3 规划实施分析图集), pure part.

Public API (see docs/mapset.md)::

    from cityhealth_plugin.core.mapset import default_catalogue, DistrictValues
    catalogue = default_catalogue()                      # resources/mapset/maps.json, validated
    entries = catalogue.entries(indicators={"A-01": {"zh": "…", "en": "…", "unit": "…"}})
    catalogue.availability(entry, present={"role:dltb", "result:life_circle"}).reason
    page_geometry("A3").map                              # where the map frame sits (mm)
    map_title(catalogue, entry, "zh", city="厦门市", year=2024)
    construction_change(dltb, dltb_2020) / road_density(roads, districts) / population_density(rk)
"""

from .catalog import (
    CATALOGUE_FILE,
    Availability,
    Catalogue,
    CatalogueError,
    LayerSpec,
    MapEntry,
    default_catalogue,
    facility_names,
    load_catalogue,
    pick,
    validate_catalogue,
)
from .derived import (
    CHANGE_LOST,
    CHANGE_NEW,
    DerivedError,
    construction_change,
    district_values_layer,
    population_density,
    road_density,
)
from .page import (
    DEFAULT_PAPER,
    PDF_DPI,
    PNG_DPI,
    PageGeometry,
    Rect,
    nice_scale,
    page_geometry,
    papers,
    template_name,
    user_template_name,
)
from .text import (
    CrsParts,
    TocRow,
    class_breaks,
    class_labels,
    crs_note,
    crs_parts,
    date_text,
    format_number,
    language,
    map_title,
    notes_text,
    toc_lines,
)
from .values import DistrictValues, split_indicator_table, values_by_code

__all__ = [
    "CATALOGUE_FILE", "Availability", "Catalogue", "CatalogueError", "LayerSpec", "MapEntry", "default_catalogue",
    "facility_names", "load_catalogue", "pick", "validate_catalogue", "CHANGE_LOST", "CHANGE_NEW", "DerivedError",
    "construction_change", "district_values_layer", "population_density", "road_density", "DEFAULT_PAPER",
    "PDF_DPI", "PNG_DPI", "PageGeometry", "Rect", "nice_scale", "page_geometry", "papers", "template_name",
    "user_template_name", "CrsParts", "TocRow", "class_breaks", "class_labels", "crs_note", "crs_parts",
    "date_text", "format_number", "language", "map_title", "notes_text", "toc_lines", "DistrictValues",
    "split_indicator_table", "values_by_code",
]
