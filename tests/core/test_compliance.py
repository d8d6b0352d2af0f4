"""Bottom-line compliance checks: hand-made squares with known answers."""

import numpy as np
import pandas as pd
import pytest
import shapely
from shapely import box

from cityhealth_plugin.core.compliance import (
    STATUS_INVALID, STATUS_MISSING, STATUS_OK, STATUS_VIOLATIONS, SUMMARY_COLUMNS, VIOLATION_COLUMNS,
    ComplianceCanceled, ComplianceOptions, Mask, Zones, check_farmland_occupation, check_heritage_construction,
    check_new_construction, check_new_construction_outside_boundary, check_redline_construction, combine,
    grouped_union, run_check, run_checks, subdivide,
)
from cityhealth_plugin.core.compliance.overlay import clean_polygons, polygonal
from cityhealth_plugin.core.compliance.synthetic import synthetic_layers
from cityhealth_plugin.core.landuse.codes import LandUseGroups
from cityhealth_plugin.core.layer_data import LayerData


def layer(name, geoms, crs="EPSG:4548", **columns):
    frame = pd.DataFrame(columns, index=range(len(geoms)))
    return LayerData(name, np.array(geoms, dtype=object), frame, np.arange(10, 10 + len(geoms)), crs=crs)


def dltb(geoms, dlbm, tbdlmj=None, bsm=None, **extra):
    n = len(geoms)
    columns = {"BSM": bsm or [f"P{i}" for i in range(n)], "DLBM": dlbm, "DLMC": [""] * n,
               "CZCSXM": ["201" if c.startswith(("05", "06", "07", "08")) else "" for c in dlbm]}
    if tbdlmj is not None:
        columns["TBDLMJ"] = tbdlmj
    columns.update(extra)
    return layer("DLTB", geoms, **columns)


XZQ = layer("XZQ", [box(-1000, -1000, 1000, 1000)], XZQDM=["350203"], XZQMC=["思明区"])


# ---------------------------------------------------------------------------------- rule 1

def test_construction_half_inside_red_line_counts_half_of_tbdlmj():
    patches = dltb([box(0, 0, 100, 100), box(0, 200, 100, 300), box(300, 0, 400, 100)],
                   ["0701", "0101", "0601"], tbdlmj=[1000.0, 10000.0, 8000.0])
    redline = layer("STBHHX", [box(50, -10, 200, 400)])
    result = check_redline_construction(patches, redline, XZQ)
    assert result.status == STATUS_VIOLATIONS
    table = result.violations.attributes
    assert list(table.columns[:len(VIOLATION_COLUMNS)]) == list(VIOLATION_COLUMNS)
    assert len(table) == 1  # the 0101 patch is not construction; the 0601 patch is outside
    row = table.iloc[0]
    assert row["patch_id"] == "P0" and row["fid"] == 10 and row["DLBM"] == "0701"
    assert row["DLMC"] == "城镇住宅用地"  # looked up when the field is blank
    assert row["area_m2"] == pytest.approx(500.0)
    assert row["part_m2"] == pytest.approx(5000.0)
    assert row["fraction"] == pytest.approx(0.5)
    assert row["area_basis"] == "TBDLMJ"
    assert (row["XZQDM"], row["XZQMC"]) == ("350203", "思明区")
    assert shapely.area(result.violations.geometries[0]) == pytest.approx(5000.0)
    assert shapely.equals(result.violations.geometries[0], box(50, 0, 100, 100))
    assert result.area_m2 == pytest.approx(500.0) and result.area_hm2 == pytest.approx(0.05)
    assert list(result.summary.columns) == list(SUMMARY_COLUMNS)
    total = result.summary[result.summary["XZQDM"] == "*"].iloc[0]
    assert total["count"] == 1 and total["area_hm2"] == pytest.approx(0.05)
    assert result.by_rule.iloc[0]["area_m2"] == pytest.approx(500.0)


def test_overlapping_red_line_polygons_are_not_counted_twice():
    patches = dltb([box(0, 0, 100, 100)], ["0601"], tbdlmj=[1000.0])
    redline = layer("STBHHX", [box(50, -10, 200, 200), box(60, -20, 300, 300), box(50, 0, 100, 100)])
    result = check_redline_construction(patches, redline)
    assert result.area_m2 == pytest.approx(500.0)
    assert result.count == 1


def test_without_tbdlmj_the_part_area_is_used_and_the_hook_is_called():
    x0, y0 = 500000.0, 2700000.0  # on the central meridian of EPSG:4548, scale 1
    patches = dltb([box(x0, y0, x0 + 100, y0 + 100)], ["0701"])
    redline = layer("STBHHX", [box(x0, y0, x0 + 40, y0 + 100)])
    official = check_redline_construction(patches, redline)
    assert official.violations.attributes.iloc[0]["area_basis"] == "ellipsoidal"
    assert official.violations.attributes.iloc[0]["area_m2"] == pytest.approx(4000.0, rel=1e-3)
    assert any("TBDLMJ" in w for w in official.warnings)
    patches.crs = redline.crs = ""  # unknown CRS: planar, with a note
    plain = check_redline_construction(patches, redline)
    assert plain.violations.attributes.iloc[0]["area_m2"] == pytest.approx(4000.0)
    assert plain.violations.attributes.iloc[0]["area_basis"] == "planar"
    assert any("Planar areas" in w for w in plain.warnings)
    calls = []

    def ellipsoidal(geoms):
        calls.append(len(geoms))
        return shapely.area(geoms) * 1.001

    hooked = check_redline_construction(patches, redline, options=ComplianceOptions(area_func=ellipsoidal))
    assert calls == [1]
    assert hooked.violations.attributes.iloc[0]["area_m2"] == pytest.approx(4004.0)
    assert hooked.violations.attributes.iloc[0]["area_basis"] == "ellipsoidal"


def test_large_red_line_is_tiled_and_areas_stay_exact():
    circle = shapely.Point(0, 0).buffer(500, quad_segs=512)  # 2049 vertices -> tiles
    pieces, source = subdivide(np.array([circle]), max_vertices=64)
    assert len(pieces) > 9 and set(source) == {0}
    assert shapely.area(pieces).sum() == pytest.approx(circle.area, rel=1e-9)
    assert shapely.area(shapely.union_all(pieces)) == pytest.approx(circle.area, rel=1e-9)
    grid = [box(x, y, x + 97, y + 97) for x in range(-600, 600, 97) for y in range(-600, 600, 97)]
    patches = dltb(grid, ["0701"] * len(grid), tbdlmj=[97.0 * 97.0] * len(grid))
    result = check_redline_construction(patches, layer("STBHHX", [circle]),
                                        options=ComplianceOptions(max_vertices=64, min_area_m2=0.0))
    assert result.parameters["mask_tiles"] > 9
    expected = shapely.area(shapely.intersection(np.array(grid), circle)).sum()
    assert result.area_m2 == pytest.approx(expected, rel=1e-9)
    # one row per patch even where a patch crosses tile seams
    assert result.violations.attributes["patch_id"].is_unique


def test_construction_group_is_configurable():
    patches = dltb([box(0, 0, 100, 100), box(100, 0, 200, 100)], ["1003", "0701"], tbdlmj=[100.0, 100.0],
                   CZCSXM=["", "201"])
    redline = layer("STBHHX", [box(0, 0, 200, 100)])
    default = check_redline_construction(patches, redline)
    assert sorted(default.violations.attributes["DLBM"]) == ["0701", "1003"]  # 'jianshe' includes roads
    urban = check_redline_construction(patches, redline, options=ComplianceOptions(construction_group="chengxiang_jianshe"))
    assert list(urban.violations.attributes["DLBM"]) == ["0701"]
    assert urban.parameters["construction_group"] == "chengxiang_jianshe"


# ---------------------------------------------------------------------------------- rule 2

def test_farmland_occupation_splits_construction_and_other_uses():
    patches = dltb([box(0, 0, 100, 100), box(100, 0, 200, 100), box(200, 0, 300, 100),
                    box(300, 0, 400, 100), box(0, 100, 100, 200)],
                   ["0101", "0201", "0601", "0103", "1104"], tbdlmj=[9000.0, 10000.0, 6000.0, 9500.0, 10000.0])
    farmland = layer("YJJBNT", [box(0, 0, 250, 100), box(250, 0, 400, 100)])
    result = check_farmland_occupation(patches, farmland, XZQ)
    table = result.violations.attributes.set_index("patch_id")
    assert sorted(table.index) == ["P1", "P2"]  # 耕地 0101/0103 are fine; P4 lies outside
    assert table.loc["P1", "rule_id"] == "farmland_non_cultivated"
    assert table.loc["P1", "area_m2"] == pytest.approx(10000.0)
    assert table.loc["P2", "rule_id"] == "farmland_construction"
    assert table.loc["P2", "area_m2"] == pytest.approx(6000.0)  # both farmland polygons: 50 % + 50 %
    assert table.loc["P2", "fraction"] == pytest.approx(1.0)
    by_rule = result.by_rule.set_index("rule_id")
    assert by_rule.loc["farmland_construction", "area_hm2"] == pytest.approx(0.6)
    assert by_rule.loc["farmland_non_cultivated", "count"] == 1
    assert "YJJBNT_DLBM" not in table.columns  # the farmland layer has no DLBM


def test_farmland_designated_as_orchard_can_be_left_out():
    patches = dltb([box(0, 0, 100, 100), box(100, 0, 200, 100)], ["0201", "0201"], tbdlmj=[10000.0, 10000.0])
    farmland = layer("YJJBNT", [box(0, 0, 100, 100), box(100, 0, 200, 100)], DLBM=["0101", "0201"])
    stock = check_farmland_occupation(patches, farmland,
                                      options=ComplianceOptions(farmland_designated_cultivated_only=False))
    table = stock.violations.attributes.set_index("patch_id")
    assert list(table["YJJBNT_DLBM"]) == ["0101", "0201"] and stock.area_m2 == pytest.approx(20000.0)
    changed = check_farmland_occupation(patches, farmland,
                                        options=ComplianceOptions(farmland_designated_cultivated_only=True))
    assert list(changed.violations.attributes["patch_id"]) == ["P0"]
    assert changed.parameters["farmland_designated_cultivated_only"] is True


# ---------------------------------------------------------------------------------- rules 3 and 5

def _years():
    base = dltb([box(0, 0, 100, 100), box(100, 0, 200, 100), box(200, 0, 300, 100)],
                ["0101", "0701", "0301"], tbdlmj=[9400.0, 10000.0, 10000.0])
    current = dltb([box(0, 0, 100, 100), box(100, 0, 200, 100), box(200, 0, 300, 100)],
                   ["0701", "0701", "0301"], tbdlmj=[10000.0, 10000.0, 10000.0])
    boundary = layer("CZKFBJ", [box(100, 0, 200, 100)])
    return base, current, boundary


def test_a_patch_turning_from_paddy_to_housing_outside_the_boundary():
    base, current, boundary = _years()
    new = check_new_construction(current, base, XZQ)
    table = new.violations.attributes
    assert list(table["patch_id"]) == ["P0"]  # P1 was already construction in the base year
    assert table.iloc[0]["area_m2"] == pytest.approx(10000.0)
    assert (table.iloc[0]["base_DLBM"], table.iloc[0]["base_DLMC"]) == ("0101", "水田")
    outside = check_new_construction_outside_boundary(current, base, boundary, XZQ)
    assert list(outside.violations.attributes["patch_id"]) == ["P0"]
    assert outside.area_m2 == pytest.approx(10000.0)
    # move the boundary over P0: nothing is outside any more
    inside = check_new_construction_outside_boundary(current, base, layer("CZKFBJ", [box(-5, -5, 150, 105)]), XZQ)
    assert inside.status == STATUS_OK and inside.count == 0 and inside.area_m2 == 0.0


def test_new_construction_is_geometric_not_patch_level():
    """A merged current patch that was 3/4 housing and 1/4 paddy: 1/4 of it is new.

    A patch-level comparison (the base class of the largest overlap) would call it
    unchanged and miss 5000 m²; comparing BSM would call all 20000 m² new.
    """
    base = dltb([box(0, 0, 150, 100), box(150, 0, 200, 100)], ["0701", "0101"], tbdlmj=[15000.0, 5000.0],
                bsm=["A", "B"])
    current = dltb([box(0, 0, 200, 100)], ["0701"], tbdlmj=[20000.0], bsm=["C"])
    result = check_new_construction(current, base)
    assert result.count == 1
    row = result.violations.attributes.iloc[0]
    assert row["area_m2"] == pytest.approx(5000.0) and row["fraction"] == pytest.approx(0.25)
    assert row["base_DLBM"] == "0101"
    assert shapely.equals(result.violations.geometries[0], box(150, 0, 200, 100))
    boundary = layer("CZKFBJ", [box(0, 0, 180, 100)])
    outside = check_new_construction_outside_boundary(current, base, boundary)
    assert outside.area_m2 == pytest.approx(2000.0)
    assert "_new_part" not in outside.violations.attributes.columns


def test_new_construction_by_base_class_splits_parts():
    """A new 0601 patch that was half paddy, a quarter forest and a quarter outside the base layer."""
    base = dltb([box(0, 0, 50, 100), box(50, 0, 75, 100), box(100, 0, 200, 100)], ["0101", "0301", "0701"],
                tbdlmj=[4700.0, 2500.0, 10000.0])
    current = dltb([box(0, 0, 100, 100)], ["0601"], tbdlmj=[8000.0])
    result = check_new_construction(current, base)
    assert result.area_m2 == pytest.approx(8000.0)
    assert result.violations.attributes.iloc[0]["base_DLBM"] == "0101"  # the largest part
    table = result.tables["by_base_class"].set_index("base_DLBM")
    assert table.loc["0101", "area_m2"] == pytest.approx(4000.0) and bool(table.loc["0101", "cultivated"])
    assert table.loc["0301", "area_m2"] == pytest.approx(2000.0) and not table.loc["0301", "cultivated"]
    assert table.loc["", "area_m2"] == pytest.approx(2000.0)  # not in the base-year layer
    assert table["area_m2"].sum() == pytest.approx(result.area_m2)
    assert any("outside the base-year" in w for w in result.warnings)
    boundary = layer("CZKFBJ", [box(0, 0, 50, 100)])
    outside = check_new_construction_outside_boundary(current, base, boundary)
    assert outside.area_m2 == pytest.approx(4000.0)
    shares = outside.tables["by_base_class"].set_index("base_DLBM")["area_m2"]
    assert shares.to_dict() == pytest.approx({"0301": 2000.0, "": 2000.0})  # the outside half, measured again


def test_base_year_gap_is_flagged():
    base = dltb([box(0, 0, 100, 100)], ["0101"], tbdlmj=[10000.0])
    current = dltb([box(0, 0, 100, 100), box(500, 500, 600, 600)], ["0701", "0701"], tbdlmj=[10000.0, 10000.0])
    result = check_new_construction(current, base)
    assert result.count == 2
    assert any("outside the base-year" in w for w in result.warnings)


# ---------------------------------------------------------------------------------- rule 4

def test_heritage_line_construction_and_new_only_option():
    base, current, _ = _years()
    heritage = layer("LSWHBHX", [box(50, 0, 150, 100)])
    stock = check_heritage_construction(current, heritage, XZQ)
    assert stock.area_m2 == pytest.approx(10000.0)  # 5000 of P0 and 5000 of P1
    assert sorted(stock.violations.attributes["patch_id"]) == ["P0", "P1"]
    new_only = ComplianceOptions(heritage_new_only=True)
    new = check_heritage_construction(current, heritage, XZQ, options=new_only, dltb_base=base)
    assert list(new.violations.attributes["patch_id"]) == ["P0"]
    assert new.area_m2 == pytest.approx(5000.0)
    missing = check_heritage_construction(current, heritage, options=new_only)
    assert missing.status == STATUS_MISSING and missing.missing_roles == ("dltb_base",)


# ---------------------------------------------------------------------------------- inputs

def test_missing_layer_is_a_result_naming_the_role():
    patches = dltb([box(0, 0, 1, 1)], ["0701"])
    result = check_heritage_construction(patches, None)
    assert result.status == STATUS_MISSING and not result.ran
    assert result.missing_roles == ("heritage_line",)
    assert "Historic and cultural protection line" in result.message
    assert len(result.violations) == 0 and result.summary.empty
    both = check_new_construction_outside_boundary(patches, None, None)
    assert both.missing_roles == ("dltb_base", "urban_boundary")


def test_invalid_inputs_give_clear_results():
    patches = dltb([box(0, 0, 100, 100)], ["0701"])
    other_crs = layer("STBHHX", [box(0, 0, 10, 10)], crs="EPSG:4549")
    result = check_redline_construction(patches, other_crs)
    assert result.status == STATUS_INVALID and "EPSG:4549" in result.message
    geographic = dltb([box(117, 24, 117.1, 24.1)], ["0701"])
    geographic.crs = "EPSG:4490"
    result = check_redline_construction(geographic, layer("STBHHX", [box(117, 24, 118, 25)], crs="EPSG:4490"))
    assert result.status == STATUS_INVALID and "projected" in result.message
    no_dlbm = layer("DLTB", [box(0, 0, 1, 1)], BSM=["x"])
    result = check_redline_construction(no_dlbm, layer("STBHHX", [box(0, 0, 1, 1)]))
    assert result.status == STATUS_INVALID and "DLBM" in result.message
    unknown = check_redline_construction(patches, layer("STBHHX", [box(0, 0, 1, 1)]),
                                         options=ComplianceOptions(construction_group="nope"))
    assert unknown.status == STATUS_INVALID


def test_field_aliases_and_numeric_codes():
    frame_layer = layer("地类图斑", [box(0, 0, 100, 100)], 标识码=[123.0], 地类编码=[601], 图斑地类面积=[800.0])
    result = check_redline_construction(frame_layer, layer("STBHHX", [box(0, 0, 50, 100)]))
    row = result.violations.attributes.iloc[0]
    assert row["patch_id"] == "123" and row["DLBM"] == "0601" and row["DLMC"] == "工业用地"
    assert any("leading zero" in w for w in result.warnings)
    assert row["area_m2"] == pytest.approx(400.0)


def test_invalid_geometry_is_repaired_in_memory_with_a_warning():
    bowtie = shapely.Polygon([(0, 0), (100, 100), (100, 0), (0, 100)])
    patches = dltb([bowtie, None], ["0701", "0701"], tbdlmj=[5000.0, 1.0])
    result = check_redline_construction(patches, layer("STBHHX", [box(0, 0, 100, 100)]))
    assert result.area_m2 == pytest.approx(5000.0)
    assert any("repaired" in w for w in result.warnings) and any("skipped" in w for w in result.warnings)
    assert not shapely.is_valid(patches.geometries[0])  # the input is untouched


def test_district_by_largest_overlap_and_zldwdm_fallback():
    districts = layer("XZQ", [box(0, 0, 30, 100), box(30, 0, 100, 100)], XZQDM=["350203", "350206"],
                      XZQMC=["思明区", "湖里区"])
    patches = dltb([box(0, 0, 100, 100)], ["0701"], tbdlmj=[10000.0], ZLDWDM=["350211001001"])
    redline = layer("STBHHX", [box(0, 0, 100, 100)])
    result = check_redline_construction(patches, redline, districts)
    assert result.violations.attributes.iloc[0]["XZQDM"] == "350206"
    fallback = check_redline_construction(patches, redline)
    assert fallback.violations.attributes.iloc[0]["XZQDM"] == "350211"
    assert any("ZLDWDM" in w for w in fallback.warnings)


def test_slivers_below_min_area_are_ignored_and_counted():
    patches = dltb([box(0, 0, 100, 100)], ["0701"], tbdlmj=[10000.0])
    redline = layer("STBHHX", [box(99.999, 0, 200, 100)])  # 0.1 m²
    result = check_redline_construction(patches, redline)
    assert result.status == STATUS_OK
    assert result.parameters["ignored_small_parts"] == 1
    assert result.parameters["ignored_small_area_m2"] == pytest.approx(0.1)
    kept = check_redline_construction(patches, redline, options=ComplianceOptions(min_area_m2=0.0))
    assert kept.area_m2 == pytest.approx(0.1)


def test_cancel_and_progress():
    class Feedback:
        def __init__(self, cancel):
            self.cancel, self.progress = cancel, []

        def isCanceled(self):  # noqa: N802
            return self.cancel

        def setProgress(self, value):  # noqa: N802
            self.progress.append(value)

    patches = dltb([box(0, 0, 100, 100)], ["0701"])
    redline = layer("STBHHX", [box(0, 0, 50, 100)])
    with pytest.raises(ComplianceCanceled):
        run_check("redline_construction", {"dltb": patches, "eco_redline": redline}, feedback=Feedback(True))
    feedback = Feedback(False)
    run_checks({"dltb": patches, "eco_redline": redline}, feedback=feedback)
    assert feedback.progress and max(feedback.progress) <= 100.0 and feedback.progress == sorted(feedback.progress)


# ---------------------------------------------------------------------------------- primitives

def test_overlay_primitives():
    pieces = np.array([box(0, 0, 1, 1), box(1, 0, 2, 1), box(5, 5, 6, 6)], dtype=object)
    union = grouped_union(pieces, np.array([0, 0, 2]), 3)
    assert shapely.area(union[0]) == pytest.approx(2.0) and union[1] is None
    assert shapely.get_type_id(union[0]) == 3  # merged into one polygon
    collection = shapely.GeometryCollection([box(0, 0, 1, 1), shapely.LineString([(0, 0), (5, 5)])])
    assert shapely.equals(polygonal(np.array([collection]))[0], shapely.MultiPolygon([box(0, 0, 1, 1)]))
    cleaned, repaired, dropped = clean_polygons([shapely.Point(0, 0), box(0, 0, 1, 1), None])
    assert (repaired, dropped) == (0, 2) and cleaned[0] is None
    mask = Mask([box(0, 0, 10, 10), box(5, 0, 15, 10)])
    clipped = mask.clip(np.array([box(-5, 0, 20, 10), box(100, 100, 101, 101)]))
    assert shapely.area(clipped[0]) == pytest.approx(150.0) and clipped[1] is None
    rest = mask.subtract(np.array([box(-5, 0, 20, 10), box(1, 1, 2, 2)]))
    assert shapely.area(rest[0]) == pytest.approx(100.0) and rest[1] is None
    zones = Zones([box(0, 0, 3, 10), box(3, 0, 10, 10)])
    assert list(zones.largest_overlap(np.array([box(0, 0, 10, 1), box(0, 0, 2, 2), box(50, 50, 51, 51)]))) == [1, 0, -1]


# ---------------------------------------------------------------------------------- whole run

def _reference_area(patches: LayerData, selected: np.ndarray, mask_geoms) -> float:
    """TBDLMJ × fraction against the dissolved mask, computed the slow, obvious way."""
    union = shapely.union_all(mask_geoms)
    geoms = patches.geometries[selected]
    part = shapely.area(shapely.intersection(geoms, union))
    part = np.where(part >= 1.0, part, 0.0)
    return float((patches.attributes["TBDLMJ"].to_numpy()[selected] * part / shapely.area(geoms)).sum())


def test_all_checks_on_synthetic_data_agree_with_a_dissolve_reference():
    layers = synthetic_layers(patches=1500, seed=7)
    results = run_checks(layers)
    assert all(r.ran for r in results.values()), {k: r.message for k, r in results.items()}
    groups = LandUseGroups.default()
    patches = layers["dltb"]
    construction = groups["jianshe"].mask(patches.attributes["DLBM"])
    cultivated = groups["gengdi"].mask(patches.attributes["DLBM"])
    expected = _reference_area(patches, construction, layers["eco_redline"].geometries)
    assert results["redline_construction"].area_m2 == pytest.approx(expected, rel=1e-6)
    expected = _reference_area(patches, ~cultivated, layers["farmland_protection"].geometries)
    assert results["farmland_occupation"].area_m2 == pytest.approx(expected, rel=1e-6)
    # new construction = current construction minus the base construction union
    base = layers["dltb_base"]
    base_union = shapely.union_all(base.geometries[groups["jianshe"].mask(base.attributes["DLBM"])])
    geoms = patches.geometries[construction]
    new_part = shapely.area(shapely.difference(geoms, base_union))
    new_part = np.where(new_part >= 1.0, new_part, 0.0)
    expected = float((patches.attributes["TBDLMJ"].to_numpy()[construction] * new_part / shapely.area(geoms)).sum())
    assert results["new_construction"].area_m2 == pytest.approx(expected, rel=1e-6)
    assert 0 < results["new_construction_outside_boundary"].area_m2 < results["new_construction"].area_m2
    for check in ("new_construction", "new_construction_outside_boundary"):
        breakdown = results[check].tables["by_base_class"]
        assert breakdown["area_m2"].sum() == pytest.approx(results[check].area_m2, rel=1e-9)
        assert set(breakdown["base_DLBM"]) <= {"0101", "0103", "0201", "0301", "0404", "1101", "1104", ""}
    for result in results.values():
        summary = result.summary
        per_district = summary[summary["XZQDM"] != "*"]["area_m2"].sum()
        assert per_district == pytest.approx(result.area_m2)
        assert set(summary.loc[summary["XZQDM"] != "*", "XZQDM"]) <= {"350203", "350206"}
    everything, stacked = combine(results)
    assert len(everything) == sum(r.count for r in results.values())
    assert stacked["area_m2"].sum() == pytest.approx(2 * sum(r.area_m2 for r in results.values()))
