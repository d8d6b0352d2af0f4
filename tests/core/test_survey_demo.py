"""The demo questionnaires: known faults all rejected, import from xlsx and GBK csv, the whole
analysis, and weighting moving the estimate to the known population truth."""

import numpy as np
import pandas as pd
import pytest

from cityhealth_plugin.core.survey import (
    ScreeningRules,
    SurveyOptions,
    analyse_survey,
    import_questionnaires,
    prepare_responses,
    report_tables,
    screen,
    suggest_mapping,
    write_report_xlsx,
)
from cityhealth_plugin.core.survey.demo import (
    BAD_KINDS,
    XIAMEN_DISTRICTS,
    demo_objective_indicators,
    demo_population_margins,
    generate_demo_survey,
    generate_questionnaires,
    save_questionnaires,
    xiamen_district_polygons,
)
from cityhealth_plugin.core.survey.importer import ENCODING_GB18030, ENCODING_XLSX

COUNTS = {"incomplete": 60, "straight_lining": 50, "too_fast": 70, "duplicate_id": 20, "duplicate_answers": 20, "outside_city": 30}


@pytest.fixture(scope="module")
def demo():
    return generate_demo_survey(n=3400, seed=2024)


@pytest.fixture(scope="module")
def polygons():
    return xiamen_district_polygons()


@pytest.fixture(scope="module")
def analysis(demo, polygons):
    data = prepare_responses(demo.frame, demo.mapping)
    options = SurveyOptions(margins=demo_population_margins(), rules=ScreeningRules(known_districts=XIAMEN_DISTRICTS))
    return analyse_survey(data, options, polygons, demo_objective_indicators())


def test_generator_shape_and_headers(demo):
    frame = demo.frame
    assert len(frame) == 3400
    assert list(frame.columns[:9]) == ["问卷编号", "所在区", "年龄段", "学历", "职业", "居住年限", "答题时长(秒)", "经度", "纬度"]
    assert frame.columns[9] == "Q1 您对城市治安状况的满意度" and len(demo.mapping.questions) == 24
    assert list(frame.columns[-2:]) == ["您认为所在社区最需要改善的问题", "您对城市建设的其他意见和建议"]
    assert {len(v) for v in demo.mapping.dimension_questions().values()} == {4}
    assert {k: len(v) for k, v in demo.bad_rows.items()} == COUNTS
    assert set(frame["Q1 您对城市治安状况的满意度"].dropna()) <= {"非常不满意", "不满意", "一般", "满意", "非常满意", "不清楚"}
    again = generate_questionnaires(n=3400, seed=2024)
    pd.testing.assert_frame_equal(again, frame)
    assert {k: len(v) for k, v in again.attrs["bad_rows"].items()} == COUNTS


def test_every_spoiled_row_and_only_those_are_rejected(demo, polygons):
    data = prepare_responses(demo.frame, suggest_mapping(demo.frame.columns))
    result = screen(data, ScreeningRules(known_districts=XIAMEN_DISTRICTS), polygons)
    rejected = set(np.flatnonzero(~result.valid.to_numpy()))
    assert rejected == set(demo.bad_positions)
    assert result.valid_count == 3400 - sum(COUNTS.values()) and result.meets_requirement
    for kind in BAD_KINDS:
        flags = result.flags.iloc[demo.bad_rows[kind]]
        assert flags[kind].all(), kind
        others = flags.drop(columns=[kind, "unknown_district"] if kind == "outside_city" else [kind])
        assert not others.to_numpy().any(), kind  # each fault is pure
    assert result.flags["unknown_district"].sum() == 10  # a third of the outsiders also name a non-Xiamen district


def test_import_demo_from_xlsx_and_gbk_csv(demo, tmp_path):
    small = demo.frame.iloc[:300]
    xlsx = save_questionnaires(small, tmp_path / "survey.xlsx")
    csv = save_questionnaires(small, tmp_path / "survey.csv", encoding="gbk")
    with pytest.raises(UnicodeDecodeError):
        csv.read_bytes().decode("utf-8")  # really GBK
    from_xlsx = import_questionnaires(xlsx, demo.mapping)
    from_csv = import_questionnaires(csv)  # mapping suggested from the headers
    assert from_xlsx.encoding == ENCODING_XLSX and from_csv.encoding == ENCODING_GB18030
    direct = prepare_responses(small, demo.mapping)
    for imported in (from_xlsx, from_csv):
        pd.testing.assert_frame_equal(imported.answers, direct.answers)
        pd.testing.assert_frame_equal(imported.attributes.drop(columns=["respondent_id"]), direct.attributes.drop(columns=["respondent_id"]),
                                      check_dtype=False)
        assert imported.open_text.iloc[:, 0].fillna("").tolist() == small.iloc[:, -2].fillna("").tolist()


def test_margins_are_shares():
    margins = demo_population_margins()
    assert set(margins) == {"district", "age", "education", "occupation"}
    for shares in margins.values():
        assert sum(shares.values()) == pytest.approx(1.0, abs=1e-5)
    assert list(margins["district"]) == list(XIAMEN_DISTRICTS)


def test_weighting_recovers_the_population_truth(analysis, demo):
    truth = demo.truth.loc["city"]
    weighted = analysis.scores.overall.iloc[0]
    raw = analysis.unweighted.overall.iloc[0]
    assert abs(weighted["score"] - truth["overall"]) < abs(raw["score"] - truth["overall"]) / 3
    assert weighted["score_lower"] < truth["overall"] < weighted["score_upper"]
    dims = analysis.scores.dimensions.set_index("item")
    for dim in dims.index:
        assert abs(dims.loc[dim, "score"] - truth[dim]) < 2.0, dim
    assert analysis.weighting.converged and analysis.weighting.effective_n < analysis.weighting.n
    # balance is flagged before weighting: the sample over-represents the young and the educated
    assert not analysis.balance.tests.set_index("attribute").loc["age", "balanced"]


def test_district_differences_and_concerns_come_through(analysis, demo):
    matrix = analysis.scores.district_matrix()
    assert matrix.index.tolist() == list(XIAMEN_DISTRICTS)
    truth = demo.truth.loc[list(XIAMEN_DISTRICTS)]
    for dim in ("living", "travel", "cultural"):
        corr = np.corrcoef(matrix[dim], truth[dim])[0, 1]
        assert corr > 0.9, dim
    top = analysis.concerns.topics_by_district[analysis.concerns.topics_by_district["rank"] == 1].set_index("district")["topic"]
    assert top.to_dict() == {"思明区": "parking", "海沧区": "public_transport", "湖里区": "noise", "集美区": "education",
                             "同安区": "public_transport", "翔安区": "health_care"}
    gap = analysis.gap.table.set_index(["district", "dimension"])
    assert gap.loc[("思明区", "travel"), "verdict_code"] == "worse"  # dense roads and metro, yet the worst-rated travel


def test_report_tables_and_xlsx(analysis, tmp_path):
    tables = report_tables(analysis)
    assert list(tables)[:3] == ["sample", "balance", "balance_tests"]
    sample = tables["sample"].frame.set_index("Item")["Count"]
    assert sample["Questionnaires received"] == 3400 and sample["Valid questionnaires"] == 3150
    path = write_report_xlsx(tables, tmp_path / "survey_report.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert len(sheets) == len(tables) and all(len(name) <= 31 for name in sheets)


def test_numeric_answer_format_gives_the_same_scores(demo):
    numeric = generate_demo_survey(n=3400, seed=2024, answer_format="number")
    a = prepare_responses(numeric.frame, numeric.mapping).answers
    b = prepare_responses(demo.frame, demo.mapping).answers
    pd.testing.assert_frame_equal(a, b)


def test_demo_survey_for_a_subset_of_districts():
    """The small demo city has three districts: the generator must draw only those."""
    from cityhealth_plugin.core.survey.demo import generate_demo_survey

    demo = generate_demo_survey(n=600, seed=7, districts=["思明区", "湖里区", "集美区"])
    named = set(demo.frame["所在区"].dropna())
    assert {"思明区", "湖里区", "集美区"} <= named
    assert not named & {"海沧区", "同安区", "翔安区"}
