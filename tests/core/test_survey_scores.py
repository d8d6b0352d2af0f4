"""Weighted means, intervals (Kish / t), bootstrap, and the score tables on hand-made data."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from cityhealth_plugin.core.survey.importer import SurveyError, prepare_responses
from cityhealth_plugin.core.survey.mapping import QuestionSpec, SurveyMapping
from cityhealth_plugin.core.survey.scores import (
    bootstrap_ci,
    compute_scores,
    respondent_dimension_scores,
    score_table,
    to_score_100,
    weighted_mean_ci,
)


def test_weighted_mean_and_interval_by_hand():
    x = [1, 2, 3, 4, 5]
    w = [1, 1, 1, 1, 4]
    est = weighted_mean_ci(x, w)
    # by hand: Σw = 8, Σwx = 30 -> mean 3.75; Σw(x-m)^2 = 17.5 -> /Σw = 2.1875, × n/(n-1) = 2.734375
    # Kish n_eff = 8^2 / 20 = 3.2; SE = sqrt(2.734375 / 3.2); df = 2.2
    se = math.sqrt(2.734375 / 3.2)
    t = stats.t.ppf(0.975, 2.2)
    assert est.mean == pytest.approx(3.75)
    assert est.effective_n == pytest.approx(3.2) and est.df == pytest.approx(2.2) and est.n == 5
    assert est.se == pytest.approx(se)
    assert (est.lower, est.upper) == (pytest.approx(3.75 - t * se), pytest.approx(3.75 + t * se))


def test_equal_weights_give_the_textbook_t_and_normal_intervals():
    x = np.array([3, 4, 4, 5, 2, 3, 4, 5, 1, 4], dtype=float)
    est = weighted_mean_ci(x, np.full(len(x), 2.5))  # any constant weight
    ref = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
    assert (est.lower, est.upper) == (pytest.approx(ref[0]), pytest.approx(ref[1]))
    normal = weighted_mean_ci(x, None, confidence=0.9, distribution="normal")
    ref = stats.norm.interval(0.9, loc=x.mean(), scale=stats.sem(x))
    assert (normal.lower, normal.upper) == (pytest.approx(ref[0]), pytest.approx(ref[1]))
    with_nan = weighted_mean_ci(np.append(x, np.nan), None)
    assert with_nan.n == 10 and with_nan.mean == pytest.approx(x.mean())


def test_bootstrap_is_reproducible_and_close_to_the_analytic_interval():
    rng = np.random.default_rng(1)
    x = rng.integers(1, 6, 400).astype(float)
    w = rng.uniform(0.5, 2.0, 400)
    first = bootstrap_ci(x, w, n_boot=2000, seed=11)
    assert first == bootstrap_ci(x, w, n_boot=2000, seed=11)
    analytic = weighted_mean_ci(x, w)
    assert first[0] == pytest.approx(analytic.lower, abs=0.03) and first[1] == pytest.approx(analytic.upper, abs=0.03)


def test_score_scale():
    assert to_score_100(1) == 0 and to_score_100(5) == 100 and to_score_100(3.5) == 62.5
    np.testing.assert_allclose(to_score_100(np.array([2.0, 4.0])), [25.0, 75.0])


def _data():
    # two safety questions, one travel question; three respondents in two districts
    frame = pd.DataFrame({
        "d": ["A", "A", "B"],
        "s1": [5, 4, 2], "s2": [3, None, 2], "t1": [4, 2, None],
    })
    mapping = SurveyMapping([QuestionSpec("s1", "S1", "safety"), QuestionSpec("s2", "S2", "safety"),
                             QuestionSpec("t1", "T1", "travel")], {"district": "d"})
    return prepare_responses(frame, mapping)


def test_dimension_and_overall_scores_by_hand():
    data = _data()
    per_respondent = respondent_dimension_scores(data)
    assert per_respondent["safety"].tolist() == [4.0, 4.0, 2.0]
    assert per_respondent["travel"].tolist()[:2] == [4.0, 2.0] and np.isnan(per_respondent["travel"].iloc[2])
    weights = pd.Series([1.0, 1.0, 2.0], index=data.index)
    dims = score_table(data, weights, "dimension").set_index("item")
    # safety: (4 + 4 + 2*2) / 4 = 3 -> 50; travel: (4 + 2) / 2 = 3 -> 50
    assert dims.loc["safety", "mean"] == pytest.approx(3.0) and dims.loc["safety", "score"] == pytest.approx(50.0)
    assert dims.loc["travel", "mean"] == pytest.approx(3.0) and dims.loc["travel", "n"] == 2
    # % satisfied: safety per respondent share of answers >= 4: [1/2, 1, 0] -> (0.5 + 1 + 0) / 4 = 37.5 %
    assert dims.loc["safety", "pct_satisfied"] == pytest.approx(37.5)
    overall = score_table(data, weights, "overall").iloc[0]
    # per respondent: mean of dimension means [4, 3, 2] -> (4 + 3 + 4) / 4 = 2.75
    assert overall["mean"] == pytest.approx(2.75) and overall["label"] == "Overall satisfaction"
    questions = score_table(data, weights, "question").set_index("item")
    assert questions.loc["S1", "mean"] == pytest.approx((5 + 4 + 4) / 4)
    assert questions.loc["S2", "n"] == 2 and questions.loc["S2", "pct_satisfied"] == pytest.approx(0.0)
    by = score_table(data, weights, "dimension", by="district").set_index(["district", "item"])
    assert by.loc[("A", "safety"), "mean"] == pytest.approx(4.0) and by.loc[("B", "safety"), "mean"] == pytest.approx(2.0)
    assert by.loc[("B", "safety"), "n"] == 1 and np.isnan(by.loc[("B", "safety"), "se"])  # one answer: no interval


def test_interval_in_table_matches_weighted_mean_ci():
    rng = np.random.default_rng(5)
    n = 300
    frame = pd.DataFrame({"d": rng.choice(["A", "B"], n), "q": rng.integers(1, 6, n)})
    data = prepare_responses(frame, SurveyMapping([QuestionSpec("q", "Q1", "living")], {"district": "d"}))
    w = pd.Series(rng.uniform(0.3, 3.0, n), index=data.index)
    row = score_table(data, w, "question").iloc[0]
    est = weighted_mean_ci(frame["q"], w)
    assert row["mean_lower"] == pytest.approx(est.lower) and row["mean_upper"] == pytest.approx(est.upper)
    assert row["score_lower"] == pytest.approx(to_score_100(est.lower))
    assert row["effective_n"] == pytest.approx(est.effective_n)
    boot = score_table(data, w, "question", bootstrap=500, seed=3).iloc[0]
    assert boot["boot_score_lower"] < row["score"] < boot["boot_score_upper"]


def test_scores_need_weights_for_every_respondent():
    data = _data()
    with pytest.raises(SurveyError, match="no weight"):
        score_table(data, pd.Series([1.0], index=[0]))
    with pytest.raises(SurveyError, match="Unknown score level"):
        score_table(data, None, "item")


def test_compute_scores_and_district_matrix_order():
    data = _data()
    scores = compute_scores(data, None, by=("district",), orders={"district": ["B", "A"]})
    matrix = scores.district_matrix()
    assert matrix.index.tolist() == ["B", "A"]
    assert list(matrix.columns) == ["safety", "travel", "overall"]
    assert matrix.loc["A", "safety"] == pytest.approx(75.0)
