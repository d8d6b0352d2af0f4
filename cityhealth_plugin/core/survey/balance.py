"""Sample balance: is the valid sample spread like the population?

The work plan asks that respondents' 空间分布、年龄结构、学历水平及职业领域 be balanced. For
each attribute with population shares, ``balance_table`` sets sample shares beside them
(difference = sample − population, ratio = sample / population) and ``chi_square`` runs a
goodness-of-fit test (scipy.stats.chisquare, expected counts = n × population share).
"""

from dataclasses import dataclass, field
from typing import Dict, List, Mapping

import numpy as np
import pandas as pd
from scipy import stats

from ..i18n import tr
from .importer import SurveyData, SurveyError
from .mapping import attribute_labels, normalise_categories
from .weighting import normalise_shares

BALANCE_ATTRIBUTES = ("district", "age", "education", "occupation")


def balance_table(values: pd.Series, population_shares: Mapping, weights=None, max_difference: float = 0.05,
                  attribute: str = "") -> pd.DataFrame:
    """category, sample_count, sample_share, population_share, difference, ratio, deviates.

    Sample categories without a population share are listed with a blank population share;
    population categories nobody answered are listed with a zero count. ``weights`` gives a
    weighted sample share (to show what weighting achieved).
    """
    shares, _ = normalise_shares(population_shares, attribute)
    cleaned = normalise_categories(values).dropna()
    if weights is None:
        w = pd.Series(1.0, index=cleaned.index)
    else:
        w = pd.Series(weights).reindex(cleaned.index).astype(float)
    counts = cleaned.value_counts()
    weighted = w.groupby(cleaned).sum()
    categories = list(shares) + [c for c in counts.index if c not in shares]
    table = pd.DataFrame({"category": categories})
    table["sample_count"] = counts.reindex(categories).fillna(0).astype(int).to_numpy()
    total = float(weighted.sum())
    table["sample_share"] = (weighted.reindex(categories).fillna(0.0) / total).to_numpy() if total > 0 else np.nan
    table["population_share"] = [shares.get(c, np.nan) for c in categories]
    table["difference"] = table["sample_share"] - table["population_share"]
    with np.errstate(divide="ignore", invalid="ignore"):
        table["ratio"] = table["sample_share"] / table["population_share"]
    table["deviates"] = (table["difference"].abs() > max_difference) | table["population_share"].isna()
    return table


@dataclass
class ChiSquare:
    statistic: float
    p_value: float
    dof: int
    n: int


def chi_square(sample_counts, population_shares) -> ChiSquare:
    """Goodness of fit of observed counts to n × population shares (same order)."""
    observed = np.asarray(sample_counts, dtype=float)
    shares = np.asarray(population_shares, dtype=float)
    shares = shares / shares.sum()
    n = observed.sum()
    expected = n * shares
    result = stats.chisquare(observed, f_exp=expected)
    return ChiSquare(float(result.statistic), float(result.pvalue), len(observed) - 1, int(n))


@dataclass
class BalanceReport:
    tables: Dict[str, pd.DataFrame]  # attribute -> balance_table
    tests: pd.DataFrame  # attribute, label, n, chi2, dof, p_value, max_abs_difference, balanced
    warnings: List[str] = field(default_factory=list)


def check_balance(data: SurveyData, margins: Mapping[str, Mapping], weights=None, alpha: float = 0.05,
                  max_difference: float = 0.05) -> BalanceReport:
    """Balance of the (valid) sample on every attribute with population shares.

    Warns when the chi-square p-value is below ``alpha`` or a category's share differs from
    the population by more than ``max_difference`` (0.05 = 5 percentage points). The test uses
    unweighted counts: it judges the sample, not the weighted estimate.
    """
    labels = attribute_labels()
    tables, rows, warnings = {}, [], []
    for attribute, shares in margins.items():
        column = data.attribute(attribute)
        if column is None:
            raise SurveyError(tr("Population shares are given for '{attribute}', but no column is mapped to it.").format(
                attribute=labels.get(attribute, attribute)))
        table = balance_table(column, shares, weights, max_difference, attribute)
        tables[attribute] = table
        label = labels.get(attribute, attribute)
        known = table[table["population_share"].notna()]
        unknown = table[table["population_share"].isna() & (table["sample_count"] > 0)]
        if len(unknown):
            warnings.append(tr("{attribute}: answers without a population share: {values}.").format(
                attribute=label, values=", ".join(unknown["category"].astype(str))))
        impossible = known[(known["population_share"] <= 0) & (known["sample_count"] > 0)]
        if len(known) >= 2 and len(impossible) == 0 and known["sample_count"].sum() > 0:
            test = chi_square(known["sample_count"], known["population_share"])
        else:
            test = ChiSquare(float("nan"), float("nan"), max(len(known) - 1, 0), int(known["sample_count"].sum()))
        max_diff = float(known["difference"].abs().max()) if len(known) else float("nan")
        balanced = bool(not (test.p_value < alpha) and not (max_diff > max_difference) and len(unknown) == 0)
        rows.append((attribute, label, test.n, test.statistic, test.dof, test.p_value, max_diff, balanced))
        if test.p_value < alpha:
            warnings.append(tr("{attribute}: the sample differs from the population (chi-square {chi2:.1f}, p = {p:.3g}).").format(
                attribute=label, chi2=test.statistic, p=test.p_value))
        for rec in known[known["difference"].abs() > max_difference].itertuples():
            direction = tr("over-represented") if rec.difference > 0 else tr("under-represented")
            warnings.append(tr("{attribute} '{category}' is {direction}: {sample:.1%} of the sample, {population:.1%} of the population.").format(
                attribute=label, category=rec.category, direction=direction, sample=rec.sample_share, population=rec.population_share))
    tests = pd.DataFrame(rows, columns=["attribute", "label", "n", "chi2", "dof", "p_value", "max_abs_difference", "balanced"])
    return BalanceReport(tables, tests, warnings)
