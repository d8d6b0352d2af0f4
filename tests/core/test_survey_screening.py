"""Screening rules on a hand-made table: every rule, several reasons per row, exact flags."""

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from cityhealth_plugin.core.survey.importer import SurveyError, prepare_responses
from cityhealth_plugin.core.survey.mapping import DIMENSIONS, QuestionSpec, SurveyMapping
from cityhealth_plugin.core.survey.screening import REASONS, DistrictPolygons, ScreeningRules, screen

N_ITEMS = 10
GOOD = [4, 5, 3, 4, 4, 2, 5, 4, 3, 4]
OTHER = [3, 3, 4, 2, 5, 4, 4, 3, 5, 4]
NA = None


def _row(rid, answers, district="甲区", age="25-34岁", seconds=300, x=5.0, y=5.0):
    return dict(id=rid, district=district, age=age, seconds=seconds, x=x, y=y, **{f"Q{i + 1}": v for i, v in enumerate(answers)})


ROWS = [
    _row("A1", GOOD),                                            # 0 valid
    _row("A2", GOOD[:7] + [NA, NA, NA]),                         # 1 30 % missing -> incomplete
    _row("A3", GOOD[:8] + [NA, NA]),                             # 2 exactly 20 % missing -> valid (rule is "more than")
    _row("A4", [4] * 10),                                        # 3 straight-lining
    _row("A5", [3] * 5 + [NA] * 5),                              # 4 incomplete and straight-lining (5 equal answers)
    _row("A6", OTHER, seconds=50),                               # 5 below 60 s -> too fast
    _row("A7", OTHER, seconds=90, age="35-44岁"),                # 6 below median/3 = 100 s -> too fast
    _row("A1", OTHER, age="45-59岁"),                            # 7 same id as row 0 -> duplicate id
    _row("A9", GOOD),                                            # 8 same answers and attributes as row 0 -> duplicate answers
    _row("A10", OTHER, x=25.0, y=5.0, age="18-24岁"),            # 9 outside both polygons
    _row("A11", OTHER, district="外地", x=15.0, age="60岁及以上"),  # 10 district not known
    _row("A12", OTHER, x=None, y=None, district="乙区"),         # 11 no location: not checked
    _row("A13", OTHER, age=None, district="乙区", x=12.0),       # 12 age blank but required
    _row("A14", OTHER, district="乙区", x=15.0, y=2.0, age="45-59岁"),  # 13 valid (answers like row 11, other age)
]
EXPECTED = {
    1: {"incomplete"}, 3: {"straight_lining"}, 4: {"incomplete", "straight_lining"}, 5: {"too_fast"}, 6: {"too_fast"},
    7: {"duplicate_id"}, 8: {"duplicate_answers"}, 9: {"outside_city"}, 10: {"unknown_district"}, 12: {"missing_attribute"},
}


def _data(rows=ROWS):
    frame = pd.DataFrame(rows)
    questions = [QuestionSpec(f"Q{i + 1}", f"Q{i + 1}", DIMENSIONS[i % 6]) for i in range(N_ITEMS)]
    mapping = SurveyMapping(questions, {"respondent_id": "id", "district": "district", "age": "age", "duration": "seconds",
                                        "x": "x", "y": "y"}, coordinates="projected")
    return prepare_responses(frame, mapping)


POLYGONS = DistrictPolygons(["甲区", "乙区"], [box(0, 0, 10, 10), box(10, 0, 20, 10)])
RULES = ScreeningRules(max_missing_share=0.2, straightline_min_items=5, min_seconds=60, median_ratio=1 / 3,
                       known_districts=["甲区", "乙区"], require_attributes=("age",), required_valid=3)


def test_each_rule_flags_exactly_the_expected_rows():
    result = screen(_data(), RULES, POLYGONS)
    got = {i: set(np.array(REASONS)[row]) for i, row in enumerate(result.flags.to_numpy()) if row.any()}
    assert got == EXPECTED
    assert result.thresholds == {"median_seconds": 300.0, "too_fast_seconds": 100.0}
    assert result.valid.tolist() == [i not in EXPECTED for i in range(len(ROWS))]
    assert result.valid_count == 4 and result.rejected_count == 10 and result.meets_requirement
    assert result.reasons.iloc[4] == "incomplete;straight_lining"
    assert result.reasons.iloc[0] == ""
    counts = result.counts.set_index("reason")
    assert counts.loc["incomplete", "rejected"] == 2 and counts.loc["incomplete", "only_reason"] == 1
    assert counts.loc["straight_lining", "rejected"] == 2
    assert result.located_district.tolist()[9] is None and result.located_district.iloc[13] == "乙区"
    assert any("no location" in m for m in result.messages)


def test_rejected_table_names_rows_ids_and_reasons():
    data = _data()
    table = screen(data, RULES, POLYGONS).rejected_table(data)
    assert table["row"].tolist() == [i + 2 for i in sorted(EXPECTED)]
    first = table.iloc[2]
    assert first["respondent_id"] == "A5" and first["reason_text"] == "Too many questions unanswered; Same answer to every question"


def test_rules_can_be_switched_off_and_requirement_reported():
    rules = ScreeningRules(max_missing_share=1.0, straightline_min_items=99, min_seconds=None, median_ratio=None,
                           check_duplicate_ids=False, check_duplicate_answers=False, required_valid=3000)
    result = screen(_data(), rules)
    assert result.valid.all()
    assert not result.meets_requirement
    assert any("at least 3000" in m for m in result.messages)


def test_border_point_is_inside_and_invalid_polygons_are_repaired():
    bowtie = DistrictPolygons(["甲区"], [__import__("shapely").Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])])
    located = bowtie.locate(np.array([9.0, 5.0, 1.0, np.nan]), np.array([5.0, 5.0, 5.0, 1.0]))
    assert located.tolist() == ["甲区", "甲区", "甲区", None]
    assert POLYGONS.locate(np.array([10.0]), np.array([5.0])).tolist() == ["甲区"]  # shared border: first polygon


def test_required_attribute_without_column_is_an_error():
    with pytest.raises(SurveyError, match="'education'"):
        screen(_data(), ScreeningRules(require_attributes=("education",)))


def test_districts_from_a_layer():
    from cityhealth_plugin.core.layer_data import LayerData
    from cityhealth_plugin.core.survey.screening import districts_from_layer

    layer = LayerData("XZQ", np.array([box(0, 0, 10, 10), box(10, 0, 20, 10)], dtype=object),
                      pd.DataFrame({"XZQMC": ["甲区", "乙区"]}), np.array([1, 2]))
    polygons = districts_from_layer(layer, "xzqmc")
    assert polygons.locate(np.array([15.0]), np.array([5.0])).tolist() == ["乙区"]
    with pytest.raises(SurveyError, match="no field 'NAME'"):
        districts_from_layer(layer, "NAME")
