"""Weights: post-stratification by hand, raking to a hand-solved fixed point, Kish, trimming."""

import math

import numpy as np
import pandas as pd
import pytest

from cityhealth_plugin.core.survey.importer import SurveyError
from cityhealth_plugin.core.survey.weighting import (
    design_effect,
    kish_effective_n,
    normalise_shares,
    post_stratify,
    rake,
)


def test_post_stratification_by_hand():
    # sample: 3 in A, 1 in B; population: half and half -> raw weights 0.5/0.75 and 0.5/0.25
    attrs = pd.DataFrame({"district": ["A", "A", "A", "B"]}, index=[10, 11, 12, 13])
    result = post_stratify(attrs, "district", {"A": 0.5, "B": 0.5})
    assert result.weights.index.tolist() == [10, 11, 12, 13]
    np.testing.assert_allclose(result.weights.to_numpy(), [2 / 3, 2 / 3, 2 / 3, 2.0], rtol=1e-12)  # mean already 1
    assert result.max_margin_error < 1e-12
    margins = result.margins.set_index("category")
    assert margins.loc["A", "sample_share"] == pytest.approx(0.75) and margins.loc["A", "weighted_share"] == pytest.approx(0.5)


def test_post_stratification_with_base_weights_and_counts():
    attrs = pd.DataFrame({"age": ["y", "y", "o"]})
    # population given as counts (60 000 young, 40 000 old) -> shares 0.6 / 0.4
    result = post_stratify(attrs, "age", {"y": 60000, "o": 40000}, base_weights=[1.0, 3.0, 1.0])
    # weighted sample share of y = 4/5 -> factor 0.6/0.8 = 0.75; o: 0.4/0.2 = 2 -> raw [0.75, 2.25, 2], mean 5/3
    np.testing.assert_allclose(result.weights.to_numpy(), np.array([0.75, 2.25, 2.0]) / (5 / 3), rtol=1e-12)
    assert any("counts" in note for note in result.notes)


def test_raking_reaches_the_hand_solved_fixed_point():
    # 2 x 2 sample: cells (r1,c1)=1, (r1,c2)=1, (r2,c1)=1, (r2,c2)=2 people; targets 1/2 on both margins.
    # Weights a_i * b_j; by symmetry a = b; rows equal => x^2 + xy = xy + 2y^2 => x = sqrt(2) y.
    # So cell weights are proportional to 2, sqrt 2, sqrt 2, 1 and 1, scaled to mean 1 over 5 people.
    attrs = pd.DataFrame({"r": ["1", "1", "2", "2", "2"], "c": ["1", "2", "1", "2", "2"]})
    result = rake(attrs, {"r": {"1": 0.5, "2": 0.5}, "c": {"1": 0.5, "2": 0.5}}, tol=1e-12)
    scale = 5 / (4 + 2 * math.sqrt(2))
    expected = np.array([2, math.sqrt(2), math.sqrt(2), 1, 1]) * scale
    np.testing.assert_allclose(result.weights.to_numpy(), expected, rtol=1e-9)
    assert result.converged and result.max_margin_error < 1e-12


def test_raking_reproduces_three_margins_within_1e6():
    rng = np.random.default_rng(7)
    n = 2000
    attrs = pd.DataFrame({
        "district": rng.choice(["d1", "d2", "d3", "d4"], n, p=[0.4, 0.3, 0.2, 0.1]),
        "age": rng.choice(["a1", "a2", "a3"], n, p=[0.5, 0.3, 0.2]),
        "education": rng.choice(["e1", "e2"], n, p=[0.3, 0.7]),
    })
    margins = {"district": {"d1": 0.25, "d2": 0.25, "d3": 0.25, "d4": 0.25},
               "age": {"a1": 0.2, "a2": 0.4, "a3": 0.4}, "education": {"e1": 0.6, "e2": 0.4}}
    result = rake(attrs, margins)
    assert result.converged
    w = result.weights
    assert w.mean() == pytest.approx(1.0)
    for attribute, shares in margins.items():
        achieved = w.groupby(attrs[attribute]).sum() / w.sum()
        for category, share in shares.items():
            assert abs(achieved[category] - share) < 1e-6
    assert (result.margins["difference"].abs() < 1e-6).all()
    assert result.effective_n == pytest.approx(kish_effective_n(w))
    assert result.design_effect > 1


def test_trimmed_raking_keeps_bounds_or_says_it_did_not_converge():
    rng = np.random.default_rng(3)
    attrs = pd.DataFrame({"g": rng.choice(["rare", "common"], 500, p=[0.05, 0.95])})
    loose = rake(attrs, {"g": {"rare": 0.2, "common": 0.8}}, trim=(0.2, 10.0))
    assert loose.converged
    tight = rake(attrs, {"g": {"rare": 0.2, "common": 0.8}}, trim=(0.5, 2.0), max_iter=50)
    w = tight.weights.to_numpy()
    assert not tight.converged and tight.max_margin_error > 0.01
    assert w.max() / w.mean() <= 2.0 + 1e-9
    assert any("did not converge" in note for note in tight.notes)


def test_kish_effective_n_and_design_effect():
    assert kish_effective_n([1, 1, 2, 2]) == pytest.approx(36 / 10)
    assert design_effect([1, 1, 2, 2]) == pytest.approx(4 / 3.6)
    assert kish_effective_n(np.ones(7)) == pytest.approx(7)
    assert design_effect(np.ones(7)) == pytest.approx(1)


def test_weighting_errors_are_readable():
    attrs = pd.DataFrame({"district": ["A", "C", None]})
    with pytest.raises(SurveyError, match="no 'District' answer"):
        rake(attrs, {"district": {"A": 0.5, "B": 0.5}})
    with pytest.raises(SurveyError, match=r"without a population share: C \(1\)"):
        rake(attrs.iloc[:2], {"district": {"A": 0.5, "B": 0.5}})
    with pytest.raises(SurveyError, match="no column is mapped"):
        rake(attrs, {"age": {"x": 1}})


def test_empty_population_category_is_spread_with_a_note():
    attrs = pd.DataFrame({"district": ["A", "A", "B"]})
    result = rake(attrs, {"district": {"A": 0.5, "B": 0.3, "C": 0.2}})
    assert result.converged
    np.testing.assert_allclose((result.weights.groupby(attrs["district"]).sum() / 3).to_numpy(), [0.625, 0.375])
    assert any("No respondent in C" in note for note in result.notes)


def test_share_normalisation():
    shares, notes = normalise_shares({"a": 30, "b": 70})
    assert shares == {"a": 0.3, "b": 0.7} and "counts" not in notes[0] and "percentages" in notes[0]
    shares, notes = normalise_shares({" a ": 0.5, "b": 0.5})
    assert shares == {"a": 0.5, "b": 0.5} and notes == []


def test_margins_table_round_trip_and_chinese_headers():
    from cityhealth_plugin.core.survey.weighting import margins_from_table, margins_to_table

    margins = {"district": {"A": 0.4, "B": 0.6}, "age": {"18-24岁": 0.3, "25岁以上": 0.7}}
    assert margins_from_table(margins_to_table(margins)) == margins
    chinese = pd.DataFrame({"属性": ["district", "district"], "类别": ["A", "B"], "比例": ["0.4", "0.6"]})
    assert margins_from_table(chinese) == {"district": {"A": 0.4, "B": 0.6}}
    with pytest.raises(SurveyError, match="Row 3"):
        margins_from_table(chinese.assign(比例=["0.4", "n/a"]))
