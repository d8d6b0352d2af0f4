"""The report outline (six aspects, special topics) and the Chinese wording of the deliverables."""

import json
from types import SimpleNamespace

import numpy as np
import pytest

from cityhealth_plugin.core.catalog.loader import load_catalog
from cityhealth_plugin.core.deliverables.outline import (
    OUTLINE_PATH, OutlineError, catalog_pairs, load_outline, map_entry_id, parse_outline, unknown_codes,
)
from cityhealth_plugin.core.deliverables.wording import num, pending, reason_zh, target_zh, trend_zh, with_unit

ASPECTS = ["战略定位", "底线管控", "规模结构", "空间布局", "支撑系统", "实施保障"]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_shipped_outline_has_the_six_aspects_in_order():
    outline = load_outline()
    assert [a.zh for a in outline.aspects] == ASPECTS
    assert outline.default_topic == "life_circle"
    assert outline.topic().zh == "社区生活圈专项评估"
    assert outline.topic("耕地保护专项评估").id == "farmland"


def test_every_catalog_indicator_goes_to_exactly_one_aspect(catalog):
    outline = load_outline()
    assigned = outline.assign(catalog_pairs(catalog))
    codes = [code for codes in assigned.values() for code in codes]
    assert sorted(codes) == sorted(catalog.codes())
    assert len(codes) == len(set(codes))
    assert all(assigned[a.id] for a in outline.aspects)  # no empty chapter
    assert unknown_codes(outline, catalog.codes()) == []


def test_explicit_codes_win_over_level2_and_the_rest_falls_back():
    data = json.loads(OUTLINE_PATH.read_text(encoding="utf-8"))
    outline = parse_outline(data)
    pairs = [("C-09", "集聚集约"), ("C-04", "集聚集约"), ("A-11", "粮食安全"), ("X-99", "城市特色")]
    assigned = outline.assign(pairs)
    assert "C-09" in assigned["bottom_line"]  # listed in 底线管控 although its level 2 is 规模结构's
    assert "C-04" in assigned["scale_structure"]
    assert "A-11" in assigned["bottom_line"]
    assert "X-99" in assigned[outline.fallback]  # a city's own indicator is never lost


def test_broken_outline_lists_every_problem():
    data = {"aspects": [{"id": "a", "zh": "甲", "compliance": ["no_such_check"], "codes": "A-01"},
                        {"id": "a", "zh": "乙"}], "fallback": "zzz", "topics": [{"zh": "无编号"}]}
    with pytest.raises(OutlineError) as error:
        parse_outline(data, "city.json")
    text = str(error.value)
    for part in ("no_such_check", "aspects[0].codes", "Duplicate aspect ids: a", "zzz", "topics[0]"):
        assert part in text


def test_outline_file_errors(tmp_path):
    with pytest.raises(OutlineError, match="not found"):
        load_outline(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(OutlineError, match="not valid JSON"):
        load_outline(broken)
    with pytest.raises(OutlineError, match="Unknown special topic"):
        load_outline().topic("nothing")


def test_map_references():
    assert map_entry_id("indicator:F-21") == "indicator_F_21"
    assert map_entry_id("coverage_fac_market") == "coverage_fac_market"
    assert "F-06" in load_outline().district_map_codes()


def row(**values):
    base = dict(unit="%", basis="", current_value=np.nan, target_value=np.nan, target_year=np.nan, base_value=np.nan,
                base_year=2020, current_year=2024, lower=np.nan, upper=np.nan, limit=np.nan, gap=np.nan,
                time_share=np.nan, achieved_share=np.nan, lag_points=np.nan, direction="positive", trend="unknown",
                evaluation="n/a")
    base.update(values)
    return SimpleNamespace(**base)


def test_numbers_and_units():
    assert num(1234.567) == "1,235"
    assert num(0.17536) == "0.18"
    assert num(22.30) == "22.3"
    assert num(float("nan")) == "—"
    assert with_unit(45.2, "%") == "45.2%"
    assert with_unit(3.96, "亿m³") == "3.96亿m³"
    assert with_unit(6.78, "km²") == "6.78 km²"
    assert pending("编制单位") == "（待补充：编制单位）"


def test_reasons_follow_the_diagnosis_numbers():
    assert reason_zh(row(basis="gap", current_value=17.25, target_value=30, target_year=2025, gap=0.425)) == \
        "现状值17.25%，距2025年目标值30%尚差42.5%"
    assert reason_zh(row(basis="limit_broken", current_value=0.18, limit=0.15, unit="km²")) == \
        "现状值0.18 km²，突破管控值0.15 km²"
    assert reason_zh(row(basis="inside", current_value=38.9, lower=25, upper=40)) == "现状值38.9%，处于合理区间25～40内"
    assert reason_zh(row(basis="lag", current_value=3.3, target_value=3.5, target_year=2025, achieved_share=0.5,
                         time_share=0.8, lag_points=30)) == \
        "完成进度50%，落后于时间进度80%约30个百分点（现状值3.3%，2025年目标值3.5%）"
    assert reason_zh(row(basis="no_value")) == "缺少2024年数值"


def test_target_and_trend_cells():
    assert target_zh(row(target_value=30, target_year=2025)) == "30（2025）"
    assert target_zh(row(lower=1.5, upper=2.2)) == "1.5～2.2"
    assert target_zh(row(limit=8, direction="constraint_min")) == "≥8"
    assert target_zh(row(limit=0.15, direction="constraint_max")) == "≤0.15"
    assert target_zh(row()) == "—"
    assert trend_zh(row(trend="down", evaluation="worsening")) == "下降（变差）"
    assert trend_zh(row(trend="flat", evaluation="stable")) == "基本持平"


def test_map_set_reasons_read_in_chinese():
    from cityhealth_plugin.core.deliverables.report_parts import reason_zh_text

    assert reason_zh_text("Missing result: 设施服务范围 (幼儿园). Run 设施服务覆盖分析 first.") == \
        "缺少设施服务范围 (幼儿园)，需先进行设施服务覆盖分析"
    assert reason_zh_text("Missing layer: 永久基本农田. Assign it in the Data panel.") == "缺少图层：永久基本农田"
    assert reason_zh_text("缺少结果：满意度") == "缺少结果：满意度"  # already Chinese (plugin in zh_CN)
