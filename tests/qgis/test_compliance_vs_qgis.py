"""The compliance areas agree with QGIS's own overlay algorithms on generated data.

For each rule, QGIS computes the same figure with native Processing algorithms
(extractbyexpression, dissolve, intersection, difference) and the area of every output
part (QgsGeometry.area(), planar in the layers' metric CRS, which is what $area gives
without a project ellipsoid); the official area is TBDLMJ × part / patch, summed. The
CityHealth result must match per patch and in total. When the demo city generator exists,
the checks also reproduce its DEMO_TRUTH table.
"""

import importlib.util
from collections import defaultdict

import pytest
import shapely
from qgis.core import QgsDistanceArea, QgsExpression, QgsExpressionContext, QgsExpressionContextScope

from cityhealth_plugin.core.compliance import ComplianceOptions, rule_names, run_checks
from cityhealth_plugin.core.compliance.synthetic import synthetic_layers
from cityhealth_plugin.core.landuse.codes import LandUseGroups

FIELDS = {"BSM": "text", "DLBM": "text", "CZCSXM": "text", "TBDLMJ": "real"}


def to_qgis(make_layer, data, name, columns=("BSM", "DLBM", "CZCSXM", "TBDLMJ")):
    fields = [(c, FIELDS.get(c, "text")) for c in columns if c in data.attributes.columns] + [("A0", "real")]
    names = [f for f, _ in fields[:-1]]
    wkts = shapely.to_wkt(data.geometries, rounding_precision=-1)
    areas = shapely.area(data.geometries)
    columns_values = [data.attributes[n].tolist() for n in names]
    rows = [(wkt, [values[i] for values in columns_values] + [float(areas[i])]) for i, wkt in enumerate(wkts)]
    return make_layer("MultiPolygon", data.crs, fields, rows, name)


def run(algorithm, **params):
    import processing

    params.setdefault("OUTPUT", "TEMPORARY_OUTPUT")
    return processing.run(algorithm, params)["OUTPUT"]


def in_list(codes):
    return "\"DLBM\" IN ({})".format(", ".join(f"'{c}'" for c in codes))


def planar_area_expression(feature):
    """$area of a feature as QGIS evaluates it with no ellipsoid (planar)."""
    expression = QgsExpression("$area")
    distance = QgsDistanceArea()
    distance.setEllipsoid("NONE")
    expression.setGeomCalculator(distance)
    context = QgsExpressionContext()
    scope = QgsExpressionContextScope()
    scope.setFeature(feature)
    context.appendScope(scope)
    context.setFeature(feature)
    return expression.evaluate(context)


def official_by_patch(layer):
    """BSM -> Σ TBDLMJ × part area / patch area over the output parts."""
    out = defaultdict(float)
    for feature in layer.getFeatures():
        area = planar_area_expression(feature)
        out[feature["BSM"]] += feature["TBDLMJ"] * area / feature["A0"]
    return out


def ours_by_patch(result):
    table = result.violations.attributes
    return table.groupby("patch_id")["area_m2"].sum().to_dict()


def assert_same(ours, qgis, what):
    # both sides leave floating-point slivers (1e-9 m²) at shared edges: compare parts above 1e-6 m²
    qgis = {k: v for k, v in qgis.items() if v > 1e-6}
    ours = {k: v for k, v in ours.items() if v > 1e-6}
    diff = sorted(set(ours) ^ set(qgis))
    assert set(ours) == set(qgis), f"{what}: patches differ: {[(k, ours.get(k), qgis.get(k)) for k in diff[:10]]}"
    for key, value in qgis.items():
        assert ours[key] == pytest.approx(value, rel=1e-5, abs=1e-3), f"{what}: patch {key}"
    assert sum(ours.values()) == pytest.approx(sum(qgis.values()), rel=1e-7)


@pytest.fixture(scope="module")
def data():
    return synthetic_layers(patches=800, seed=11, vertices=16)


def test_all_rules_match_qgis_native_overlays(qgis_processing, memory_layer, data):
    groups = LandUseGroups.default()
    construction = in_list(groups["jianshe"].dlbm)
    cultivated = in_list(groups["gengdi"].dlbm)
    results = run_checks(data, ComplianceOptions(min_area_m2=0.0))
    assert all(r.ran and r.count > 0 for r in results.values()), {k: r.message for k, r in results.items()}

    dltb = to_qgis(memory_layer, data["dltb"], "DLTB")
    base = to_qgis(memory_layer, data["dltb_base"], "DLTB_2020")
    masks = {role: run("native:dissolve", INPUT=to_qgis(memory_layer, data[role], role, columns=()))
             for role in ("eco_redline", "farmland_protection", "urban_boundary", "heritage_line")}
    built = run("native:extractbyexpression", INPUT=dltb, EXPRESSION=construction)
    not_cultivated = run("native:extractbyexpression", INPUT=dltb, EXPRESSION=f"NOT ({cultivated})")
    base_built = run("native:dissolve", INPUT=run("native:extractbyexpression", INPUT=base, EXPRESSION=construction))

    redline = run("native:intersection", INPUT=built, OVERLAY=masks["eco_redline"], OVERLAY_FIELDS=["fid_none"])
    assert_same(ours_by_patch(results["redline_construction"]), official_by_patch(redline), "red line")

    farmland = run("native:intersection", INPUT=not_cultivated, OVERLAY=masks["farmland_protection"],
                   OVERLAY_FIELDS=["fid_none"])
    assert_same(ours_by_patch(results["farmland_occupation"]), official_by_patch(farmland), "farmland")

    heritage = run("native:intersection", INPUT=built, OVERLAY=masks["heritage_line"], OVERLAY_FIELDS=["fid_none"])
    assert_same(ours_by_patch(results["heritage_construction"]), official_by_patch(heritage), "heritage")

    new = run("native:difference", INPUT=built, OVERLAY=base_built)
    assert_same(ours_by_patch(results["new_construction"]), official_by_patch(new), "new construction")

    outside = run("native:difference", INPUT=new, OVERLAY=masks["urban_boundary"])
    assert_same(ours_by_patch(results["new_construction_outside_boundary"]), official_by_patch(outside),
                "new construction outside the boundary")


def test_result_layers_are_valid_in_qgis(qgis_processing, memory_layer, data):
    """The violation parts load into QGIS as valid polygons with their attributes."""
    results = run_checks(data, checks=["redline_construction"])
    violations = results["redline_construction"].violations
    layer = to_qgis(memory_layer, violations.__class__(
        "v", violations.geometries, violations.attributes.rename(columns={"patch_id": "BSM"}),
        violations.fids, crs=violations.crs), "violations")
    assert layer.featureCount() == len(violations) > 0
    areas = {}
    for feature in layer.getFeatures():
        assert feature.geometry().isGeosValid(), feature["BSM"]
        areas[feature["BSM"]] = feature.geometry().area()
    part = violations.attributes.set_index("patch_id")["part_m2"]
    assert all(areas[key] == pytest.approx(part[key], rel=1e-9) for key in areas)


# -------------------------------------------------------------------------------- demo city

DEMO_AVAILABLE = importlib.util.find_spec("cityhealth_plugin.core.demo.city") is not None
RULE_OF_PROBLEM = {
    "construction_in_eco_redline": "redline_construction",
    "yjjbnt_to_construction": "farmland_construction",
    "yjjbnt_to_noncultivated": "farmland_non_cultivated",
    "new_construction_outside_czkfbj": "new_construction_outside_boundary",
    "sprawl": "new_construction_outside_boundary",
}


@pytest.mark.skipif(not DEMO_AVAILABLE, reason="the demo city generator (core/demo/city.py) is not there yet")
def test_demo_city_truth(tmp_path):
    from cityhealth_plugin.core.demo.city import generate_demo_city
    from cityhealth_plugin.core.store import gpkg

    path = tmp_path / "demo.gpkg"
    generate_demo_city(scale="small", seed=2024, out=path)
    names = {"dltb": "DLTB", "dltb_base": "DLTB_2020", "farmland_protection": "YJJBNT", "eco_redline": "STBHHX",
             "urban_boundary": "CZKFBJ", "heritage_line": "LSWHBHX", "admin_district": "XZQ"}
    present = {row[0] for row in gpkg.list_layers(path)}
    layers = {role: gpkg.read_layer(path, name) for role, name in names.items() if name in present}
    # DEMO_TRUTH counts farmland designated as 耕地 that is no longer cultivated (not 可调整地类)
    results = run_checks(layers, ComplianceOptions(farmland_designated_cultivated_only=True))
    by_rule = {}
    for result in results.values():
        if result.ran:
            for row in result.by_rule.itertuples(index=False):
                by_rule[row.rule_id] = (row.count, row.area_m2)
    truth = gpkg.read_table(path, "DEMO_TRUTH")
    key = next(c for c in ("problem", "rule", "rule_id", "check") if c in truth.columns)
    known = set(rule_names())
    compared = 0
    for row in truth.to_dict("records"):
        rule = RULE_OF_PROBLEM.get(row[key], row[key])
        if rule not in known:
            continue
        count, area = by_rule.get(rule, (0, 0.0))
        if "count" in row:
            assert count == int(row["count"]), (rule, count, row)
        for column, scale in (("total_area_m2", 1.0), ("area_m2", 1.0), ("area_hm2", 1e4), ("area", 1.0)):
            if column in row and row[column] == row[column]:
                assert area == pytest.approx(float(row[column]) * scale, rel=1e-3), (rule, area, row)
                break
        compared += 1
    assert compared > 0, f"DEMO_TRUTH rows {list(truth[key])} name no compliance rule"
    # all new construction: the truth counts whole patches by a representative point; the
    # geometric check adds the new parts of patches whose boundaries changed
    growth = truth[truth[key].isin(["new_construction_outside_czkfbj", "urban_growth_inside_czkfbj"])]
    if len(growth) == 2 and "total_area_m2" in truth.columns:
        expected = float(growth["total_area_m2"].sum())
        assert expected * (1 - 1e-6) <= results["new_construction"].area_m2 <= expected * 1.05
