"""Walk-coverage engine: routable graph, multi-source shortest paths, service areas, coverage.

Pure core (numpy / scipy / shapely 2 / pandas), fed with ``LayerData`` in a metric CRS::

    from cityhealth_plugin.core.network import (build_graph, facilities_from_layer, demand_from_layer,
                                                Residential, assess_coverage)
    graph = build_graph(roads)                                # walking; metres
    fac = {"fac_primary_school": facilities_from_layer(schools)}
    demand = demand_from_layer(population, "RKS", zones={"district": district_labels})
    res = Residential(dltb_0701_in_urban_area, zones={"district": res_district_labels})
    result = assess_coverage(graph, fac, {"fac_primary_school": 500.0}, demand, res)
    result.table          # long table: type, basis (population/area), method (network/buffer), zone, rate
    result.comparison()   # network vs buffer rates and their gap
"""

from .area import AreaPartition, build_area_partition, buffer_covered_area
from .classes import RoadRules, WALK_SPEED_KMH
from .coverage import CoverageResult, TypeCoverage, assess_coverage, coverage_gap, method_label
from .demand import (Demand, Facilities, Residential, demand_from_layer, facilities_from_layer,
                     label_by_polygons, residential_from_layer)
from .errors import NetworkError
from .graph import DRIVE, WALK, RoadGraph, build_graph
from .outputs import (catchments, life_circle, life_circle_table, service_area, service_area_lines,
                      uncovered_residential)
from .paths import Reach, multi_source, point_costs
from .service_area import HALF_WIDTH_M, ReachedEdges, reached_edges, reached_lines, service_area_polygon
from .siting import SitingResult, suggest_sites, suggest_sites_for
from .snapping import EdgePositions, attach_points
from .thresholds import DEFAULT_THRESHOLDS, LIFE_CIRCLE_TYPES, Threshold, life_circle_metres, minutes_to_metres
from .topology import TopologyReport, topology_report

__all__ = [
    "AreaPartition", "build_area_partition", "buffer_covered_area", "RoadRules", "WALK_SPEED_KMH",
    "CoverageResult", "TypeCoverage", "assess_coverage", "coverage_gap", "method_label", "Demand",
    "Facilities", "Residential", "demand_from_layer", "facilities_from_layer", "residential_from_layer",
    "label_by_polygons", "suggest_sites_for",
    "NetworkError", "DRIVE", "WALK", "RoadGraph", "build_graph", "catchments", "life_circle",
    "life_circle_table", "service_area", "service_area_lines", "uncovered_residential", "Reach",
    "multi_source", "point_costs", "HALF_WIDTH_M", "ReachedEdges", "reached_edges", "reached_lines",
    "service_area_polygon", "SitingResult", "suggest_sites", "EdgePositions", "attach_points",
    "DEFAULT_THRESHOLDS", "LIFE_CIRCLE_TYPES", "Threshold", "life_circle_metres", "minutes_to_metres",
    "TopologyReport", "topology_report",
]
