"""Sample balance: deviation tables and chi-square against scipy on known tables."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from cityhealth_plugin.core.survey.balance import balance_table, check_balance, chi_square
from cityhealth_plugin.core.survey.importer import prepare_responses
from cityhealth_plugin.core.survey.mapping import QuestionSpec, SurveyMapping


def test_chi_square_matches_scipy_and_a_hand_value():
    observed = [30, 50, 20]
    shares = [0.25, 0.5, 0.25]
    got = chi_square(observed, shares)
    ref = stats.chisquare(observed, f_exp=[25, 50, 25])
    assert got.statistic == pytest.approx(ref.statistic) and got.p_value == pytest.approx(ref.pvalue)
    # by hand: (30-25)^2/25 + 0 + (20-25)^2/25 = 2
    assert got.statistic == pytest.approx(2.0) and got.dof == 2 and got.n == 100
    assert got.p_value == pytest.approx(np.exp(-1.0))  # chi2 with 2 dof: p = exp(-x/2)


def test_balance_table_values():
    values = pd.Series(["a"] * 6 + ["b"] * 3 + ["x"])
    table = balance_table(values, {"a": 0.5, "b": 0.5}).set_index("category")
    assert table.loc["a", "sample_count"] == 6 and table.loc["a", "sample_share"] == pytest.approx(0.6)
    assert table.loc["a", "difference"] == pytest.approx(0.1) and table.loc["a", "ratio"] == pytest.approx(1.2)
    assert table.loc["b", "ratio"] == pytest.approx(0.6)
    assert np.isnan(table.loc["x", "population_share"]) and table.loc["x", "deviates"]
    weighted = balance_table(values, {"a": 0.5, "b": 0.5}, weights=pd.Series([0.5] * 6 + [1.0] * 3 + [1.0]))
    assert weighted.set_index("category").loc["a", "sample_share"] == pytest.approx(3 / 7)


def _data(districts):
    frame = pd.DataFrame({"d": districts, "q": [3] * len(districts)})
    return prepare_responses(frame, SurveyMapping([QuestionSpec("q", "Q1", "safety")], {"district": "d"}))


def test_check_balance_warns_on_skewed_sample_only():
    balanced = check_balance(_data(["A"] * 50 + ["B"] * 50), {"district": {"A": 0.5, "B": 0.5}})
    assert balanced.tests["balanced"].tolist() == [True] and balanced.warnings == []
    skewed = check_balance(_data(["A"] * 70 + ["B"] * 30), {"district": {"A": 0.5, "B": 0.5}})
    test = skewed.tests.iloc[0]
    assert test["chi2"] == pytest.approx(16.0) and test["p_value"] == pytest.approx(stats.chi2.sf(16, 1))
    assert not test["balanced"] and test["max_abs_difference"] == pytest.approx(0.2)
    assert any("chi-square 16.0" in w for w in skewed.warnings)
    assert any("'A' is over-represented: 70.0% of the sample, 50.0% of the population" in w for w in skewed.warnings)
    # a small deviation above the threshold warns even when the test is not significant
    mild = check_balance(_data(["A"] * 6 + ["B"] * 4), {"district": {"A": 0.5, "B": 0.5}}, max_difference=0.05)
    assert mild.tests["p_value"].iloc[0] > 0.05 and not mild.tests["balanced"].iloc[0]
