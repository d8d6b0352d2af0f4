"""Survey mapping: suggestion from headers, JSON round trip, rebinding next year's file."""

import json

import pytest

from cityhealth_plugin.core.survey.demo import demo_mapping, question_headers
from cityhealth_plugin.core.survey.mapping import (
    QuestionSpec,
    SurveyMapping,
    question_code_and_text,
    suggest_mapping,
)


def test_suggest_mapping_recovers_the_demo_mapping():
    expected = demo_mapping()
    columns = ["问卷编号", "所在区", "年龄段", "学历", "职业", "居住年限", "答题时长(秒)", "经度", "纬度"] + question_headers() + [
        "您认为所在社区最需要改善的问题", "您对城市建设的其他意见和建议"]
    got = suggest_mapping(columns)
    assert [(q.column, q.code, q.dimension) for q in got.questions] == [(q.column, q.code, q.dimension) for q in expected.questions]
    assert got.attributes == expected.attributes
    assert got.open_text == expected.open_text
    assert got.coordinates == "lonlat"
    assert got.unassigned == [] and got.ignored == []


def test_suggest_mapping_on_numbered_platform_headers_and_english():
    columns = ["序号", "1、您所在的区", "2、您的年龄", "3、您的文化程度", "4、您的职业", "5、您在本市居住的时间",
               "6、您对社区周边菜市场的满意度", "7、您对公交地铁出行的满意度", "8、您对城市总体的满意度",
               "9、您对社区治安的满意度", "10、您对改善城市有何建议", "所用时间"]
    m = suggest_mapping(columns)
    assert m.attributes == {"respondent_id": "序号", "district": "1、您所在的区", "age": "2、您的年龄", "education": "3、您的文化程度",
                            "occupation": "4、您的职业", "years_resident": "5、您在本市居住的时间", "duration": "所用时间"}
    assert [(q.code, q.dimension) for q in m.questions] == [("Q6", "living"), ("Q7", "travel"), ("Q9", "safety")]
    assert m.unassigned == ["8、您对城市总体的满意度"]  # no dimension keyword: the user decides
    assert m.open_text == ["10、您对改善城市有何建议"]

    english = suggest_mapping(["ID", "District", "Age", "Education", "Occupation", "Longitude", "Latitude",
                               "Satisfaction with bus and metro services", "Satisfaction with the business environment",
                               "Satisfaction with parks", "Other comments"])
    assert [(q.code, q.dimension) for q in english.questions] == [("Q1", "travel"), ("Q2", "openness"), ("Q3", "natural")]
    assert english.attributes["x"] == "Longitude" and english.attributes["y"] == "Latitude"
    assert english.open_text == ["Other comments"]


def test_question_code_and_text():
    assert question_code_and_text("Q3 您对空气质量的满意度") == ("Q3", "您对空气质量的满意度")
    assert question_code_and_text("12、您对公园的满意度") == ("Q12", "您对公园的满意度")
    assert question_code_and_text("第5题 您对停车的满意度") == ("Q5", "您对停车的满意度")
    assert question_code_and_text("您对停车的满意度") == (None, "您对停车的满意度")


def test_mapping_json_round_trip():
    m = demo_mapping()
    m.likert_labels = {"还可以": 3}
    m.missing_labels = ["没用过"]
    m.category_aliases = {"district": {"思明": "思明区"}}
    m.questions[2].reverse = True
    text = m.to_json()
    data = json.loads(text)
    assert data["format"] == "cityhealth-survey-mapping" and data["version"] == 1
    assert "思明区" in text  # ensure_ascii=False: readable Chinese
    back = SurveyMapping.from_json(text)
    assert back == m
    assert back.questions[2].reverse is True


def test_mapping_from_bad_json_is_a_readable_error():
    with pytest.raises(ValueError, match="not valid JSON"):
        SurveyMapping.from_json("{not json")
    with pytest.raises(ValueError, match="not a CityHealth survey mapping"):
        SurveyMapping.from_json('{"format": "something-else"}')


def test_rebind_follows_renumbered_headers():
    m = demo_mapping()
    renamed = {q.column: f"{i + 3}、{q.text}" for i, q in enumerate(m.questions)}
    columns = [renamed.get(c, c) for c in m.used_columns()]
    new, changes = m.rebind(columns)
    assert new.validate(columns) == []
    assert [q.column for q in new.questions] == [renamed[q.column] for q in m.questions]
    assert [q.code for q in new.questions] == [q.code for q in m.questions]  # codes (and so results) stay comparable
    assert len(changes) == len(m.questions)


def test_validate_reports_missing_columns_and_bad_entries():
    m = SurveyMapping([QuestionSpec("A", "Q1", "safety"), QuestionSpec("B", "Q1", "weather")], {"x": "lon", "colour": "c"})
    problems = m.validate(["A"])
    text = "\n".join(problems)
    assert "Question code 'Q1' is used for more than one column" in text
    assert "unknown dimension 'weather'" in text
    assert "Unknown respondent attribute 'colour'" in text
    assert "Map both the x" in text
    assert "the file has no such column" in text and "'B'" in text
    levels = {level for level, _ in m.check(["A"])}
    assert levels == {"error", "warning"}  # empty dimensions only warn
