"""Layer-role recognition: scores, the one-to-one assignment and field mapping (known answers)."""

import pytest

from cityhealth_plugin.core.roles.recognition import (
    LayerInfo,
    candidates,
    field_mapping,
    normalise_name,
    recognise,
    score,
)
from cityhealth_plugin.core.roles.registry import ROLES, role

DLTB_FIELDS = ["BSM", "DLBM", "DLMC", "CZCSXM", "TBMJ", "KCMJ", "TBDLMJ", "ZLDWDM"]


def info(layer_id, name, geometry="polygon", fields=(), count=10):
    return LayerInfo(layer_id, name, geometry, list(fields), count, "EPSG:4548", False, f"/data/{name}.shp")


def test_standard_names_are_recognised_as_their_roles():
    layers = [info(r.id, r.standard_name, "point" if r.geometry == "point_or_polygon" else r.geometry,
                   [f.standard for f in r.required + r.optional]) for r in ROLES]
    assert recognise(layers) == {r.id: r.id for r in ROLES}


@pytest.mark.parametrize("name,geometry,fields,expected", [
    ("永久基本农田保护图斑", "polygon", ["BSM", "DLBM", "TBMJ"], "farmland_protection"),
    ("YJJBNTBHTB", "polygon", ["BSM"], "farmland_protection"),
    ("stbhhx_2023", "polygon", ["HXMC"], "eco_redline"),
    ("dltb_2020", "polygon", DLTB_FIELDS, "dltb_base"),
    ("地类图斑_2020基期", "polygon", DLTB_FIELDS, "dltb_base"),
    ("城镇开发边界", "polygon", [], "urban_boundary"),
    ("roads_osm", "line", ["osm_id", "fclass", "name", "oneway", "maxspeed"], "roads"),
    ("xiaoxue", "point", ["name"], "fac_primary_school"),
    ("DLTB_2024", "polygon", DLTB_FIELDS, "dltb"),
    ("D:\\data\\xzq.shp", "polygon", ["XZQDM", "XZQMC"], "admin_district"),
])
def test_aliased_names_alone(name, geometry, fields, expected):
    assert recognise([info("x", name, geometry, fields)]) == {expected: "x"}


def test_a_renamed_package_as_a_whole():
    lower = [f.lower() for f in DLTB_FIELDS]
    layers = [info("farm", "永久基本农田保护图斑", fields=["BSM", "DLBM", "TBMJ", "TBDLMJ"]),
              info("eco", "stbhhx_2023", fields=["HXMC"]),
              info("base", "dltb_2020", fields=DLTB_FIELDS),
              info("cur", "dltb_2024", fields=lower),
              info("czk", "城镇开发边界"),
              info("road", "roads_osm", "line", ["osm_id", "fclass", "name"]),
              info("xx", "xiaoxue", "point", ["name"]),
              info("zx", "中学", "point", ["name"]),
              info("xzq", "行政区划", fields=["XZQDM", "XZQMC"]),
              info("jd", "街道", fields=["JDDM", "JDMC"]),
              info("junk", "temp_export", fields=["ID"])]
    assert recognise(layers) == {"farmland_protection": "farm", "eco_redline": "eco", "dltb_base": "base",
                                 "dltb": "cur", "urban_boundary": "czk", "roads": "road",
                                 "fac_primary_school": "xx", "fac_middle_school": "zx", "admin_district": "xzq",
                                 "admin_subdistrict": "jd"}


def test_dltb_current_and_base_are_told_apart_in_any_order():
    layers = [info("base", "DLTB_2020", fields=DLTB_FIELDS), info("cur", "DLTB", fields=DLTB_FIELDS),
              info("jq", "地类图斑_2020基期", fields=DLTB_FIELDS)]
    result = recognise(layers)
    assert result["dltb"] == "cur"
    assert result["dltb_base"] == "base"  # the standard name wins the tie-break over 地类图斑_2020基期
    assert list(result.values()).count("jq") == 0
    assert recognise(list(reversed(layers))) == result


def test_a_layer_gets_at_most_one_role():
    # 'cqfw' matches the urban-area role; it must not also become the buildings layer.
    layers = [info("a", "CQFW", fields=["MC"]), info("b", "建筑物", fields=["CS", "YT"])]
    result = recognise(layers)
    assert result == {"urban_area": "a", "buildings": "b"}
    assert len(set(result.values())) == len(result)


def test_wrong_geometry_scores_zero():
    assert score(role("roads"), info("r", "roads", "polygon", ["DJ"])) == 0
    assert score(role("fac_primary_school"), info("s", "小学", "polygon")) == 0
    assert score(role("population"), info("p", "人口", "point", ["RKS"])) > 0
    assert score(role("population"), info("p", "人口", "line", ["RKS"])) == 0
    assert score(role("dltb"), info("n", "DLTB", "none", DLTB_FIELDS)) == 0


def test_field_signature_recognises_an_unhelpful_name():
    # A layer called 'layer1' with 三调 fields is the current DLTB; without the fields it is nothing.
    assert recognise([info("x", "layer1", fields=[f.lower() for f in DLTB_FIELDS])]) == {"dltb": "x"}
    assert recognise([info("x", "layer1", fields=["ID", "NAME"])]) == {}
    assert score(role("admin_district"), info("x", "boundary", fields=["XZQDM"])) == 0  # half a signature


def test_exact_name_beats_pattern_and_fields_add_evidence():
    dltb = role("dltb")
    exact = score(dltb, info("a", "DLTB", fields=DLTB_FIELDS))
    pattern = score(dltb, info("b", "dltb_xm", fields=DLTB_FIELDS))
    bare = score(dltb, info("c", "DLTB"))
    assert exact > pattern > 0
    assert exact > bare > 0


def test_no_false_friends():
    assert recognise([info("t", "transport_hubs", "point")]) == {}  # 'sport' inside 'transport'
    assert recognise([info("t", "hiking_trail", "point")]) == {}  # 'rail' inside 'trail'
    assert "buildings" not in dict(candidates(info("c", "CQFW")))


def test_ties_are_broken_by_name_closeness():
    layers = [info("far", "dltb_xiamen_final_v2", fields=DLTB_FIELDS), info("near", "dltb_xm", fields=DLTB_FIELDS)]
    assert recognise(layers)["dltb"] == "near"


def test_field_mapping_case_insensitive_and_aliases():
    mapping = field_mapping(role("dltb"), ["bsm", "地类编码", "dlmc", "CZCSX", "tbmj", "kcmj", "图斑地类面积"])
    assert mapping == {"DLBM": "地类编码", "DLMC": "dlmc", "CZCSXM": "CZCSX", "TBMJ": "tbmj", "TBDLMJ": "图斑地类面积",
                       "BSM": "bsm", "KCMJ": "kcmj", "ZLDWDM": None}


def test_field_mapping_roads_from_osm():
    mapping = field_mapping(role("roads"), ["osm_id", "fclass", "name", "oneway", "maxspeed", "layer"])
    assert mapping["DJ"] == "fclass"
    assert mapping["MC"] == "name"
    assert mapping["DX"] == "oneway"
    assert mapping["SD"] == "maxspeed"
    assert mapping["BX"] is None


def test_field_mapping_uses_each_actual_field_once():
    # 'NAME' is an alias of both XZQMC (district name); XZQDM must not take it.
    mapping = field_mapping(role("admin_district"), ["code", "name"])
    assert mapping == {"XZQDM": "code", "XZQMC": "name"}
    assert field_mapping(role("admin_district"), ["NAME", "MC"]) == {"XZQDM": None, "XZQMC": "NAME"}


def test_normalise_name():
    assert normalise_name("/data/城市/DLTB.shp") == "dltb"
    assert normalise_name("/data/x.gpkg|layername=STBHHX") == "stbhhx"
    assert normalise_name("  XZQ ") == "xzq"
    assert normalise_name("democity — DLTB_2020") == "dltb_2020"


def test_empty_input():
    assert recognise([]) == {}
