"""Validation rules: each one on a crafted bad input with a known answer, and silent on good data."""

import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.roles.recognition import LayerInfo
from cityhealth_plugin.core.validation import (
    ERROR,
    INFO,
    WARNING,
    Finding,
    Rule,
    ValidationInput,
    count_by_severity,
    repair_geometries,
    validate,
)
from cityhealth_plugin.core.validation.encoding import garbled_mask, looks_garbled

WORK = "EPSG:4548"


def squares(n, x0=500000.0, y0=2700000.0, size=100.0):
    return np.array([shapely.box(x0 + i * size, y0, x0 + (i + 1) * size, y0 + size) for i in range(n)], dtype=object)


def data(name, columns, geoms=None, crs=WORK, geometry_type="polygon", fids=None):
    frame = pd.DataFrame(columns)
    n = len(frame)
    geoms = squares(n) if geoms is None else np.asarray(geoms, dtype=object)
    fids = np.arange(1, n + 1) if fids is None else np.asarray(fids)
    return LayerData(name, geoms, frame, fids, crs, geometry_type)


def item(layer_data, crs_authid=WORK, geographic=False, layer_id=None, **kwargs):
    info = LayerInfo(layer_id or layer_data.name, layer_data.name, layer_data.geometry_type,
                     [str(c) for c in layer_data.attributes.columns], len(layer_data), crs_authid, geographic)
    return ValidationInput(info, layer_data, **kwargs)


def dltb_columns(n=4, **override):
    columns = {
        "BSM": [f"{i:08d}" for i in range(n)],
        "DLBM": ["0101", "0301", "0701", "0601"][:n] + ["0101"] * max(0, n - 4),
        "DLMC": ["水田", "乔木林地", "城镇住宅用地", "工业用地"][:n] + ["水田"] * max(0, n - 4),
        "CZCSXM": [None, None, "201", "201A"][:n] + [None] * max(0, n - 4),
        "TBMJ": [10000.0] * n,
        "KCMJ": [500.0, 0.0, 0.0, 0.0][:n] + [0.0] * max(0, n - 4),
        "TBDLMJ": [9500.0, 10000.0, 10000.0, 10000.0][:n] + [10000.0] * max(0, n - 4),
        "ZLDWDM": ["350203001001"] * n,
    }
    columns.update(override)
    return columns


def district():
    geom = np.array([shapely.box(499000, 2699000, 520000, 2720000)], dtype=object)
    return data("XZQ", {"XZQDM": ["350203"], "XZQMC": ["思明区"]}, geom)


def good_package():
    return {"admin_district": item(district()), "dltb": item(data("DLTB", dltb_columns()))}


def by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


def only(findings, rule):
    hits = by_rule(findings, rule)
    assert len(hits) == 1, [(f.rule, f.message) for f in findings]
    return hits[0]


def test_good_package_has_no_findings():
    assert validate(good_package(), WORK) == []


def test_rule_ids_are_unique_and_stable():
    ids = Rule.ids()
    assert len(ids) == len(set(ids))
    assert "geometry.invalid" in ids and "code.dlbm_invalid" in ids and "id.duplicate" in ids


def test_mandatory_role_unassigned():
    package = good_package()
    del package["dltb"]
    finding = only(validate(package, WORK), Rule.ROLE_MISSING)
    assert finding.severity == ERROR and finding.role == "dltb" and finding.action == "assign_role"
    assert "DLTB" in finding.fix


def test_crs_missing_and_geographic():
    package = good_package()
    package["eco_redline"] = item(data("STBHHX", {"HXMC": ["a"]}), crs_authid="")
    package["urban_boundary"] = item(data("CZKFBJ", {"MJ": [1.0]}), crs_authid="EPSG:4490", geographic=True)
    findings = validate(package, WORK)
    missing = only(findings, Rule.CRS_MISSING)
    assert (missing.severity, missing.role, missing.layer) == (ERROR, "eco_redline", "STBHHX")
    geographic = only(findings, Rule.CRS_GEOGRAPHIC)
    assert geographic.role == "urban_boundary" and geographic.action == "reproject"
    assert "EPSG:4548" in geographic.fix
    assert by_rule(findings, Rule.CRS_MISMATCH) == []  # geographic layers are reported once, not twice


def test_crs_differs_between_layers():
    package = good_package()
    package["eco_redline"] = item(data("STBHHX", {"HXMC": ["a"]}), crs_authid="EPSG:32650")
    finding = only(validate(package, WORK), Rule.CRS_MISMATCH)
    assert finding.layer == "STBHHX" and "EPSG:32650" in finding.message and "EPSG:4548" in finding.message


def test_bow_tie_is_invalid_with_its_fid():
    geoms = squares(4)
    geoms[2] = shapely.from_wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(), geoms, fids=[11, 12, 13, 14]))
    finding = only(validate(package, WORK), Rule.GEOMETRY_INVALID)
    assert (finding.severity, finding.count, finding.fids, finding.action) == (ERROR, 1, [13], "repair")
    assert "Self-intersection" in finding.message
    repaired = repair_geometries(package["dltb"].data.geometries, "polygon")
    assert shapely.is_valid(repaired).all()
    assert repaired[2].geom_type == "MultiPolygon" and repaired[2].area == pytest.approx(50.0)
    assert repaired[0] is package["dltb"].data.geometries[0]


def test_empty_and_missing_geometries():
    geoms = squares(4)
    geoms[0] = None
    geoms[3] = shapely.from_wkt("POLYGON EMPTY")
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(), geoms))
    finding = only(validate(package, WORK), Rule.GEOMETRY_EMPTY)
    assert (finding.severity, finding.count, finding.fids) == (WARNING, 2, [1, 4])


def test_required_field_missing_names_the_aliases():
    columns = dltb_columns()
    del columns["TBDLMJ"]
    package = good_package()
    package["dltb"] = item(data("DLTB", columns))
    finding = only(validate(package, WORK), Rule.FIELD_MISSING)
    assert finding.severity == ERROR and "TBDLMJ" in finding.message and "图斑地类面积" in finding.message


def test_aliased_and_lower_case_fields_are_accepted():
    columns = {k.lower(): v for k, v in dltb_columns().items()}
    columns["地类编码"] = columns.pop("dlbm")
    package = good_package()
    package["dltb"] = item(data("dltb_xm", columns))
    assert validate(package, WORK) == []


def test_dlbm_codes_and_lost_leading_zero_in_text():
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(DLBM=["0199", "101", "0701", "0601"])))
    findings = validate(package, WORK)
    invalid = only(findings, Rule.DLBM_INVALID)
    assert (invalid.count, invalid.fids) == (1, [1]) and "'0199'" in invalid.message
    zero = only(findings, Rule.DLBM_LEADING_ZERO)
    assert (zero.count, zero.fids) == (1, [2]) and "0101" in zero.message


def test_numeric_dlbm_field_lost_leading_zeros():
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(DLBM=[101, 301, 701, 601])))
    findings = validate(package, WORK)
    zero = only(findings, Rule.DLBM_LEADING_ZERO)
    assert zero.severity == ERROR and zero.count == 4 and "number field" in zero.message
    assert by_rule(findings, Rule.DLBM_INVALID) == []


def test_czcsxm_invalid_and_bad_combination():
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(CZCSXM=[None, "X01", "201A", "201A"])))
    findings = validate(package, WORK)
    invalid = only(findings, Rule.CZCSXM_INVALID)
    assert (invalid.count, invalid.fids) == (1, [2])
    combo = only(findings, Rule.CZCSXM_COMBINATION)  # 201A on 0701; 201A on 0601 is right
    assert (combo.count, combo.fids) == (1, [3]) and "201A / 0701" in combo.message


def test_tbdlmj_mismatch_and_null():
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(TBDLMJ=[10000.0, 10000.0, None, 9999.99])))
    findings = validate(package, WORK)
    mismatch = only(findings, Rule.AREA_MISMATCH)
    assert mismatch.fids == [1]  # 10000 ≠ 10000 − 500; 9999.99 is within the tolerance
    null = only(findings, Rule.AREA_NULL)
    assert (null.count, null.fids) == (1, [3])


def test_text_in_a_numeric_area_field():
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(TBMJ=["10000", "10000", "一万", "10000"])))
    findings = validate(package, WORK)
    finding = only(findings, Rule.FIELD_NOT_NUMERIC)
    assert finding.severity == ERROR and finding.fids == [3] and "TBMJ" in finding.message


def test_numbers_stored_as_text_are_a_warning_only():
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(TBMJ=["10000"] * 4)))
    finding = only(validate(package, WORK), Rule.FIELD_NOT_NUMERIC)
    assert finding.severity == WARNING


def test_duplicate_identifiers():
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(BSM=["A", "B", "A", ""])))
    two = np.array([shapely.box(500000, 2700000, 501000, 2701000)] * 2, dtype=object)
    package["admin_district"] = item(data("XZQ", {"XZQDM": ["350203", 350203], "XZQMC": ["思明区", "思明区"]}, two))
    findings = by_rule(validate(package, WORK), Rule.ID_DUPLICATE)
    assert {(f.role, f.severity, f.count, tuple(f.fids)) for f in findings} == {
        ("dltb", WARNING, 2, (1, 3)), ("admin_district", ERROR, 2, (1, 2))}


def test_empty_layer():
    package = good_package()
    package["dltb"] = item(data("DLTB", {k: [] for k in dltb_columns()}, np.array([], dtype=object)))
    package["eco_redline"] = item(data("STBHHX", {"HXMC": []}, np.array([], dtype=object)))
    findings = by_rule(validate(package, WORK), Rule.LAYER_EMPTY)
    assert {(f.role, f.severity) for f in findings} == {("dltb", ERROR), ("eco_redline", WARNING)}


def test_far_away_extent_against_the_district():
    package = good_package()
    far = squares(2, x0=900000.0, y0=4000000.0)
    package["eco_redline"] = item(data("STBHHX", {"HXMC": ["a", "b"]}, far))
    finding = only(validate(package, WORK), Rule.EXTENT_NO_OVERLAP)
    assert finding.layer == "STBHHX" and "XZQ" in finding.message


def test_far_away_extent_without_district():
    package = {"dltb": item(data("DLTB", dltb_columns())),
               "eco_redline": item(data("STBHHX", {"HXMC": ["a"]}, squares(1, x0=500100.0))),
               "urban_boundary": item(data("CZKFBJ", {"MJ": [1.0]}, squares(1, x0=-5e6)))}
    finding = only(validate(package, WORK), Rule.EXTENT_NO_OVERLAP)
    assert finding.layer == "CZKFBJ"


def test_extent_is_not_compared_across_crs():
    package = good_package()
    package["eco_redline"] = item(data("STBHHX", {"HXMC": ["a"]}, squares(1, x0=118.0, y0=24.0, size=0.01),
                                       crs="EPSG:4490"), crs_authid="EPSG:4490", geographic=True)
    assert by_rule(validate(package, WORK), Rule.EXTENT_NO_OVERLAP) == []


def test_wrong_geometry_type_for_the_role():
    package = good_package()
    lines = np.array([shapely.LineString([(500000, 2700000), (500100, 2700100)])], dtype=object)
    package["eco_redline"] = item(data("STBHHX", {"HXMC": ["a"]}, lines, geometry_type="line"))
    assert only(validate(package, WORK), Rule.ROLE_GEOMETRY).severity == ERROR


def test_gbk_note_and_mojibake():
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns()), encoding_note="GBK")
    gbk = only(validate(package, WORK), Rule.ENCODING_GBK)
    assert gbk.severity == INFO and ".cpg" in gbk.fix and "GBK" in gbk.fix
    garbled = "水田".encode("gbk").decode("utf-8", errors="replace")  # what a GBK .dbf read as UTF-8 shows
    package["dltb"] = item(data("DLTB", dltb_columns(DLMC=[garbled, "乔木林地", "Ë®Ìï", "工业用地"])))
    finding = only(validate(package, WORK), Rule.ENCODING_MOJIBAKE)
    assert (finding.severity, finding.count, finding.fids, finding.action) == (ERROR, 2, [1, 3], "set_encoding")
    assert "DLMC" in finding.message


@pytest.mark.parametrize("text,expected", [
    ("水田", False), ("城镇住宅用地", False), ("思明区", False), ("Café", False), ("road 1", False),
    ("ˮ��", True), ("Ë®Ìï", True), ("姘寸敯", True), ("锟斤拷", True),
])
def test_looks_garbled(text, expected):
    assert looks_garbled(text) is expected


def test_genuine_chinese_names_are_not_garbled():
    from cityhealth_plugin.core.landuse.codes import CodeTable

    names = list(CodeTable.default().names.values()) + ["厦门市", "思明区", "湖里区", "集美区", "海沧区", "同安区",
                                                          "翔安区", "鼓浪屿街道", "永久基本农田", "生态保护红线"]
    assert not garbled_mask(names).any()


def test_findings_are_sorted_errors_first_and_counted():
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(DLBM=["0199", "0301", "0701", "0601"])), encoding_note="GBK")
    package["eco_redline"] = item(data("STBHHX", {"HXMC": []}, np.array([], dtype=object)))
    findings = validate(package, WORK)
    assert [f.severity for f in findings] == sorted((f.severity for f in findings),
                                                    key=[ERROR, WARNING, INFO].index)
    assert count_by_severity(findings) == {ERROR: 1, WARNING: 1, INFO: 1}


def test_bare_layerdata_and_layerinfo_are_accepted():
    findings = validate({"dltb": data("DLTB", dltb_columns(DLBM=["0199", "0301", "0701", "0601"])),
                         "admin_district": LayerInfo("x", "XZQ", "polygon", ["XZQDM"], 5, WORK)}, WORK)
    assert {f.rule for f in findings} == {Rule.DLBM_INVALID, Rule.FIELD_MISSING}


def test_progress_and_cancel():
    calls = []
    validate(good_package(), WORK, progress=lambda i, n, rid: calls.append((i, n, rid)))
    assert calls == [(0, 2, "admin_district"), (1, 2, "dltb")]
    package = good_package()
    package["dltb"] = item(data("DLTB", dltb_columns(DLBM=["0199", "0301", "0701", "0601"])))
    assert by_rule(validate(package, WORK, is_canceled=lambda: True), Rule.DLBM_INVALID) == []


def test_unknown_role_and_bad_finding_are_refused():
    with pytest.raises(KeyError):
        validate({"no_such_role": good_package()["dltb"]}, WORK)
    with pytest.raises(ValueError):
        Finding("fatal", "x", "dltb", Rule.DLBM_INVALID, "m")


def test_unassigned_layers_are_reported_as_info():
    stray = LayerInfo("s1", "temp_export", "polygon", ["ID"])
    finding = only(validate(good_package(), WORK, unassigned=[stray]), Rule.LAYER_UNASSIGNED)
    assert (finding.severity, finding.layer_id, finding.action) == (INFO, "s1", "assign_role")
