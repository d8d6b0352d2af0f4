"""Subjective against objective: z-scores, directions, verdicts (translated)."""

import math

import numpy as np
import pandas as pd
import pytest

from cityhealth_plugin.core.i18n import reset_translator, set_translator
from cityhealth_plugin.core.survey.gap import Relation, compare_subjective_objective, relations_from_records, zscores
from cityhealth_plugin.core.survey.importer import SurveyError

DISTRICTS = ["甲区", "乙区", "丙区", "丁区"]
SAT = pd.DataFrame({"travel": [80.0, 70.0, 60.0, 50.0], "living": [60.0, 60.0, 70.0, 70.0]}, index=DISTRICTS)
Z = 15 / math.sqrt(125)  # z of 80 among 80, 70, 60, 50 (population SD sqrt(125))


def test_zscores_use_population_sd_and_handle_constants():
    z = zscores(pd.DataFrame({"a": [80.0, 70.0, 60.0, 50.0], "b": [1.0, 1.0, 1.0, np.nan]}))
    np.testing.assert_allclose(z["a"], [Z, Z / 3, -Z / 3, -Z])
    assert z["b"].tolist()[:3] == [0.0, 0.0, 0.0] and np.isnan(z["b"].iloc[3])


def test_verdicts_by_hand():
    objective = pd.DataFrame({"B-05": [5.0, 6.0, 7.0, 8.0], "F-06": [60.0, 60.0, 70.0, 70.0]}, index=DISTRICTS)
    relations = [Relation("travel", "B-05", 1), Relation("living", "F-06", 1)]
    result = compare_subjective_objective(SAT, objective, relations, threshold=1.0)
    travel = result.table[result.table["dimension"] == "travel"].set_index("district")
    np.testing.assert_allclose(travel["satisfaction_z"], [Z, Z / 3, -Z / 3, -Z])
    np.testing.assert_allclose(travel["objective_z"], [-Z, -Z / 3, Z / 3, Z])
    np.testing.assert_allclose(travel["gap"], [2 * Z, 2 * Z / 3, -2 * Z / 3, -2 * Z])
    assert travel["verdict_code"].tolist() == ["better", "consistent", "consistent", "worse"]
    assert travel.loc["甲区", "verdict"] == "Residents feel better than the numbers say"
    assert travel.loc["丁区", "verdict"] == "Residents feel worse than the numbers say"
    assert travel["satisfaction_rank"].tolist() == [1, 2, 3, 4] and travel["objective_rank"].tolist() == [4, 3, 2, 1]
    living = result.table[result.table["dimension"] == "living"]
    assert (living["verdict_code"] == "consistent").all() and np.allclose(living["gap"], 0)
    assert result.mismatches()["district"].tolist() == ["甲区", "丁区"]
    detail = result.detail[result.detail["indicator"] == "B-05"]
    assert detail["value"].tolist() == [5.0, 6.0, 7.0, 8.0]


def test_negative_direction_and_composites():
    commute = pd.DataFrame({"F-01": [30.0, 40.0, 50.0, 60.0], "B-05": [5.0, 6.0, 7.0, 8.0]}, index=DISTRICTS)
    lower_is_better = compare_subjective_objective(SAT[["travel"]], commute, [Relation("travel", "F-01", -1)])
    assert (lower_is_better.table["verdict_code"] == "consistent").all()
    np.testing.assert_allclose(lower_is_better.table["gap"], 0, atol=1e-12)
    # two indicators that cancel out: a constant composite carries no information (z = 0)
    both = compare_subjective_objective(SAT[["travel"]], commute, relations_from_records(
        [{"dimension": "travel", "indicator": "F-01", "direction": "negative"},
         {"dimension": "travel", "indicator": "B-05", "direction": "positive"}]))
    np.testing.assert_allclose(both.table["objective_z"], 0)
    np.testing.assert_allclose(both.table["gap"], both.table["satisfaction_z"])


def test_long_objective_table_missing_indicators_and_districts():
    long = pd.DataFrame({"district": DISTRICTS[:3] * 1, "indicator": ["B-05"] * 3, "value": [5, 6, 7]})
    result = compare_subjective_objective(SAT, long, [Relation("travel", "B-05"), Relation("travel", "F-05")])
    assert set(result.table["district"]) == set(DISTRICTS[:3])
    assert any("丁区" in n for n in result.notes) and any("F-05" in n for n in result.notes)
    living = result.table[result.table["dimension"] == "living"]
    assert (living["verdict_code"] == "no_data").all()
    with pytest.raises(SurveyError, match="at least 3 districts"):
        compare_subjective_objective(SAT, long.iloc[:2], [Relation("travel", "B-05")])
    with pytest.raises(SurveyError, match="unknown dimension"):
        compare_subjective_objective(SAT, long, [Relation("weather", "B-05")])


def test_verdicts_are_translated():
    set_translator(lambda text: {"Consistent": "主客观一致", "Ease of travel": "出行便捷性"}.get(text, text))
    try:
        objective = pd.DataFrame({"F-01": [30.0, 40.0, 50.0, 60.0]}, index=DISTRICTS)
        result = compare_subjective_objective(SAT[["travel"]], objective, [Relation("travel", "F-01", -1)])
        assert set(result.table["verdict"]) == {"主客观一致"} and set(result.table["label"]) == {"出行便捷性"}
    finally:
        reset_translator()
