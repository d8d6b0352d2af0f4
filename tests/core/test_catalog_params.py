"""Units, filters, expressions and measure specifications of catalog parameters."""

import pytest

from cityhealth_plugin.core.catalog import params as P
from cityhealth_plugin.core.indicators.units import UnitError, conversion_factor, convert, parse_unit


def test_area_units():
    assert convert(1, "km²", "hm²") == pytest.approx(100)
    assert convert(1, "km²", "万亩") == pytest.approx(0.15)
    assert convert(1, "亩", "m²") == pytest.approx(10000 / 15)
    assert convert(1, "万亩", "hm²") == pytest.approx(666.6666667)
    assert convert(1, "万m²", "hm²") == pytest.approx(1)
    assert convert(3, "公顷", "m²") == pytest.approx(30000)


def test_compound_units():
    assert convert(1, "m/m²", "km/km²") == pytest.approx(1000)
    assert convert(2.5, "km/km²", "km/百km²") == pytest.approx(250)
    assert convert(1, "人/m²", "人/km²") == pytest.approx(1e6)
    assert convert(1, "m²/元", "m²/万元") == pytest.approx(1e4)
    assert convert(1, "元/m²", "亿元/km²") == pytest.approx(0.01)
    assert convert(0.5, "1", "%") == pytest.approx(50)
    assert convert(5, "‰", "%") == pytest.approx(0.5)
    assert convert(1, "个/人", "个/10万人") == pytest.approx(1e5)
    assert parse_unit("比值（农村=1）").dimension == ()


def test_incompatible_units_do_not_convert():
    with pytest.raises(UnitError, match="Cannot convert"):
        conversion_factor("km²", "km")
    with pytest.raises(UnitError):
        conversion_factor("处", "栋")  # counted things stay apart
    with pytest.raises(UnitError, match="Unknown unit"):
        parse_unit("furlong")
    with pytest.raises(UnitError):
        parse_unit("m/s/s")


def test_filters():
    (condition,) = P.parse_filter("GD >= 100")
    assert (condition.field, condition.op, condition.values) == ("GD", ">=", (100,))
    conditions = P.parse_filter("DJ in (快速路, '主干路') and BX = 1")
    assert conditions[0].values == ("快速路", "主干路") and conditions[1].op == "=="
    assert P.parse_filter("DJ not in (街巷)")[0].op == "not in"
    assert P.parse_filter("") == ()
    for bad in ("GD >>= 1", "DJ in 快速路", "= 5", "GD >= 1 2"):
        with pytest.raises(P.ParamError):
            P.parse_filter(bad)


def test_expressions_are_safe():
    tree = P.parse_expression("(a + b) / c * 100", ["a", "b", "c"])
    assert P.evaluate_expression(tree, {"a": 1, "b": 3, "c": 8}) == 50
    for bad in ("__import__('os')", "a ** 2", "a.b", "d / a", "'x' + a", "a if b else c"):
        with pytest.raises(P.ParamError):
            P.parse_expression(bad, ["a", "b", "c"])


def test_method_sugar_becomes_expressions():
    assert P.canonical("landuse_area", {"group": "gengdi", "within": "urban_area"}) == (
        "area", {"area": {"landuse": "gengdi", "within": "urban_area"}})
    expression, inputs = P.canonical("overlay_area", {"layer": "dltb", "group": "gengdi", "clip": "eco_redline"})
    assert inputs["area"] == {"landuse": "gengdi", "layer": "dltb", "within": "eco_redline"}
    _, inputs = P.canonical("overlay_area", {"layer": "eco_redline", "dissolve": True})
    assert inputs["area"] == {"area": "eco_redline", "dissolve": True}
    assert P.canonical("count", {"role": "buildings", "filter": "GD >= 100"})[1]["count"] == {
        "count": "buildings", "filter": "GD >= 100"}
    with pytest.raises(P.ParamError, match="Missing parameter"):
        P.canonical("per_capita", {"area": "gengdi"})
    with pytest.raises(P.ParamError, match="Unknown parameter"):
        P.canonical("landuse_area", {"group": "gengdi", "colour": "red"})


def test_measures():
    spec = {"first_of": [{"sum": "population", "field": "RKS", "within": "urban_area"}, {"statistic": "POP_CQ"}]}
    assert P.measure_roles(spec) == ["population", "urban_area"]
    assert P.measure_statistics(spec) == ["POP_CQ"]
    with pytest.raises(P.ParamError, match="exactly one"):
        P.measure_kind({"landuse": "gengdi", "area": "eco_redline"})
    with pytest.raises(P.ParamError, match="does not take"):
        P.measure_kind({"length": "roads", "floors": "CS"})


def test_coverage_parameters():
    params = {"facilities": ["fac_elderly"], "threshold_min": 5, "base": {"landuse": "chengxiang_juzhu"}}
    assert P.coverage_params("walk_coverage", params)["facilities"] == ["fac_elderly"]
    roles, _, _ = P.referenced("walk_coverage", params)
    assert roles == ["fac_elderly", "dltb", "roads"]
    with pytest.raises(P.ParamError, match="threshold"):
        P.coverage_params("walk_coverage", {"facilities": ["fac_elderly"], "base": {"landuse": "gengdi"}})
    with pytest.raises(P.ParamError, match="mode"):
        P.coverage_params("walk_coverage", dict(params, mode="fly"))
    with pytest.raises(P.ParamError, match="positive"):
        P.coverage_params("radius_coverage", {"facilities": ["fac_hospital"], "radius_m": -5, "base": {"landuse": "gengdi"}})
