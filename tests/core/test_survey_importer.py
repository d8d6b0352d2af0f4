"""Questionnaire import: encodings, Likert labels, answer times, mapping errors."""

import numpy as np
import pandas as pd
import pytest

from cityhealth_plugin.core.survey.importer import (
    ENCODING_GB18030,
    ENCODING_UTF8,
    ENCODING_UTF8_BOM,
    ENCODING_XLSX,
    SurveyError,
    import_questionnaires,
    likert_scores,
    prepare_responses,
    read_table,
)
from cityhealth_plugin.core.survey.mapping import QuestionSpec, SurveyMapping

FRAME = pd.DataFrame({
    "编号": ["a1", "a2", "a3"],
    "所在区": ["思明区", " 湖里区", "思明"],
    "Q1 您对治安的满意度": ["非常满意", "不清楚", "一般"],
    "Q2 您对公交的满意度": ["1", "5分", ""],
    "答题时长": ["325秒", "5分20秒", "00:04:10"],
    "意见": ["停车难", "", "噪音太大"],
})


def _mapping():
    return SurveyMapping(
        [QuestionSpec("Q1 您对治安的满意度", "Q1", "safety"), QuestionSpec("Q2 您对公交的满意度", "Q2", "travel")],
        {"respondent_id": "编号", "district": "所在区", "duration": "答题时长"}, ["意见"],
        category_aliases={"district": {"思明": "思明区"}},
    )


@pytest.mark.parametrize("encoding, expected", [("gbk", ENCODING_GB18030), ("utf-8", ENCODING_UTF8), ("utf-8-sig", ENCODING_UTF8_BOM)])
def test_csv_encodings_round_trip(tmp_path, encoding, expected):
    path = tmp_path / f"survey_{encoding}.csv"
    FRAME.to_csv(path, index=False, encoding=encoding)
    read = read_table(path)
    assert read.encoding == expected
    assert list(read.frame.columns) == list(FRAME.columns)
    assert read.frame["所在区"].tolist() == ["思明区", " 湖里区", "思明"]
    assert expected in read.notes[0]
    data = import_questionnaires(path, _mapping())
    assert data.encoding == expected
    assert data.answers["Q1"].tolist()[0] == 5.0 and np.isnan(data.answers["Q1"].iloc[1])
    assert data.attributes["district"].tolist() == ["思明区", "湖里区", "思明区"]  # stripped, alias applied


def test_xlsx_round_trip(tmp_path):
    path = tmp_path / "survey.xlsx"
    FRAME.to_excel(path, index=False)
    data = import_questionnaires(path, _mapping())
    assert data.encoding == ENCODING_XLSX
    assert data.answers.to_numpy().tolist()[0] == [5.0, 1.0]
    assert data.attributes["duration"].tolist() == [325.0, 320.0, 250.0]
    assert data.open_text["意见"].tolist()[0] == "停车难"
    assert data.row_numbers.tolist() == [2, 3, 4]


def test_likert_labels_numbers_and_no_opinion():
    block = pd.DataFrame({
        "a": ["非常不满意", "不满意", "一般", "满意", "非常满意", "不清楚", "不适用", None],
        "b": [1, 2.0, "3", "4.0", "5分", "A.非常满意", "非常满意(5分)", " 满 意 "],
        "c": ["6", "很好", 0, "", "Very satisfied", "dissatisfied", "说不清", 3],
    })
    scores, unrecognised = likert_scores(block)
    assert scores["a"].tolist()[:5] == [1, 2, 3, 4, 5] and scores["a"].iloc[5:].isna().all()
    assert scores["b"].tolist() == [1, 2, 3, 4, 5, 5, 5, 4]
    assert np.isnan(scores["c"].iloc[:4]).all() and scores["c"].tolist()[4:6] == [5, 2] and np.isnan(scores["c"].iloc[6])
    assert scores["c"].iloc[7] == 3
    assert sorted(unrecognised["value"]) == ["0", "6", "很好"]
    assert set(unrecognised["first_row"]) == {2, 3, 4}


def test_unrecognised_answers_become_missing_with_a_note():
    frame = FRAME.copy()
    frame.loc[1, "Q2 您对公交的满意度"] = "还凑合"
    data = prepare_responses(frame, _mapping())
    assert np.isnan(data.answers["Q2"].iloc[1])
    assert any("还凑合" in note and "row 3" in note for note in data.notes)
    mapping = _mapping()
    mapping.likert_labels = {"还凑合": 3}
    assert prepare_responses(frame, mapping).answers["Q2"].iloc[1] == 3.0


def test_reverse_coded_question():
    mapping = _mapping()
    mapping.questions[1].reverse = True
    data = prepare_responses(FRAME, mapping)
    assert data.answers["Q2"].tolist()[:2] == [5.0, 1.0]


def test_missing_column_is_a_clear_error():
    frame = FRAME.drop(columns=["答题时长"])
    with pytest.raises(SurveyError, match="the file has no such column"):
        prepare_responses(frame, _mapping())


def test_unknown_file_types(tmp_path):
    with pytest.raises(SurveyError, match="does not exist"):
        read_table(tmp_path / "nothing.csv")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SurveyError, match="save it as .xlsx"):
        read_table(old)
