"""Survey weights: post-stratification and raking (iterative proportional fitting).

Weights are returned with mean 1 (they sum to the number of respondents), so a weighted
count reads like a number of questionnaires. Population shares are given per attribute as
``{category: share}``; counts (e.g. census residents) are accepted and turned into shares.

Kish's approximation sums up what weighting costs in precision:
effective n = (Σw)² / Σw², design effect = n / effective n = 1 + CV²(w).
"""

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Tuple

import numpy as np
import pandas as pd

from ..i18n import tr
from .importer import SurveyData, SurveyError
from .mapping import attribute_labels, normalise_categories, normalise_category


def _label(attribute: str) -> str:
    return attribute_labels().get(attribute, attribute)


def kish_effective_n(weights) -> float:
    """(Σw)² / Σw² over the finite weights."""
    w = np.asarray(weights, dtype=float)
    w = w[np.isfinite(w)]
    total = w.sum()
    squares = (w * w).sum()
    return float(total * total / squares) if squares > 0 else 0.0


def design_effect(weights) -> float:
    """Kish's design effect due to unequal weights: n / effective n."""
    w = np.asarray(weights, dtype=float)
    w = w[np.isfinite(w)]
    n_eff = kish_effective_n(w)
    return float(len(w) / n_eff) if n_eff > 0 else float("nan")


def normalise_shares(shares: Mapping, attribute: str = "") -> Tuple[Dict[str, float], List[str]]:
    """Category keys cleaned like the data, values scaled to sum 1; notes on what was done."""
    notes = []
    cleaned: Dict[str, float] = {}
    for key, value in shares.items():
        name = normalise_category(key)
        value = float(value)
        if name is None:
            continue
        if not np.isfinite(value) or value < 0:
            raise SurveyError(tr("Population share of '{category}' ({attribute}) is {value}; give a number of zero or more.").format(
                category=key, attribute=_label(attribute), value=value))
        cleaned[name] = cleaned.get(name, 0.0) + value
    total = sum(cleaned.values())
    if total <= 0:
        raise SurveyError(tr("The population shares of '{attribute}' add up to zero.").format(attribute=_label(attribute)))
    if abs(total - 1.0) > 1e-4:
        if abs(total - 100.0) < 1e-3:
            notes.append(tr("Population shares of '{attribute}' are percentages; divided by 100.").format(attribute=_label(attribute)))
        elif abs(total - 1.0) > 0.02:
            notes.append(tr("Population shares of '{attribute}' add up to {total:g}; they are taken as counts and scaled to shares.").format(
                attribute=_label(attribute), total=total))
        else:
            notes.append(tr("Population shares of '{attribute}' add up to {total:.4f}; scaled to 1.").format(attribute=_label(attribute), total=total))
    return {k: v / total for k, v in cleaned.items()}, notes


@dataclass
class WeightingResult:
    weights: pd.Series  # mean 1, index = respondents
    method: str  # "none", "post_stratification", "raking"
    converged: bool
    iterations: int
    max_margin_error: float  # largest |weighted share - population share| at the end
    margins: pd.DataFrame  # attribute, category, population_share, sample_share, weighted_share, difference
    trimmed: int = 0  # weights that hit a trimming bound in the last iteration
    notes: List[str] = field(default_factory=list)

    @property
    def n(self) -> int:
        return int(self.weights.notna().sum())

    @property
    def effective_n(self) -> float:
        return kish_effective_n(self.weights)

    @property
    def design_effect(self) -> float:
        return design_effect(self.weights)

    def summary(self) -> Dict[str, float]:
        w = self.weights.to_numpy(dtype=float)
        return {
            "n": self.n,
            "effective_n": self.effective_n,
            "design_effect": self.design_effect,
            "min_weight": float(np.nanmin(w)) if len(w) else float("nan"),
            "max_weight": float(np.nanmax(w)) if len(w) else float("nan"),
            "iterations": self.iterations,
            "converged": self.converged,
            "max_margin_error": self.max_margin_error,
        }


def _attribute_frame(data) -> pd.DataFrame:
    return data.attributes if isinstance(data, SurveyData) else pd.DataFrame(data)


def _codes(values: pd.Series, categories: List[str], attribute: str) -> np.ndarray:
    cleaned = normalise_categories(values)
    blank = cleaned.isna()
    if blank.any():
        raise SurveyError(tr("{count} respondents have no '{attribute}' answer and cannot be weighted on it. "
                             "Screen with this attribute required, or fill the blanks.").format(count=int(blank.sum()), attribute=_label(attribute)))
    codes = pd.Categorical(cleaned, categories=categories).codes
    unknown = codes < 0
    if unknown.any():
        found = cleaned[unknown].value_counts()
        listed = ", ".join(f"{k} ({v})" for k, v in found.head(8).items())
        raise SurveyError(tr("'{attribute}' values without a population share: {values}. Add them to the population shares "
                             "or recode them with the mapping's category aliases.").format(attribute=_label(attribute), values=listed))
    return codes.astype(np.int64)


def _margins_table(frame_codes, targets, weights, base):
    rows = []
    for attribute, (codes, cats, target) in frame_codes.items():
        k = len(cats)
        sample = np.bincount(codes, weights=base, minlength=k) / base.sum()
        weighted = np.bincount(codes, weights=weights, minlength=k) / weights.sum()
        for j, cat in enumerate(cats):
            rows.append((attribute, cat, target[j], sample[j], weighted[j], weighted[j] - target[j]))
    return pd.DataFrame(rows, columns=["attribute", "category", "population_share", "sample_share", "weighted_share", "difference"])


def _prepare(attributes: pd.DataFrame, margins: Mapping[str, Mapping], notes: List[str]):
    prepared = {}
    for attribute, shares in margins.items():
        if attribute not in attributes.columns:
            raise SurveyError(tr("Population shares are given for '{attribute}', but no column is mapped to it.").format(attribute=_label(attribute)))
        target, share_notes = normalise_shares(shares, attribute)
        notes.extend(share_notes)
        cats = list(target)
        codes = _codes(attributes[attribute], cats, attribute)
        present = np.bincount(codes, minlength=len(cats)) > 0
        if not present.all():
            empty = [c for c, p in zip(cats, present) if not p]
            notes.append(tr("No respondent in {categories} of '{attribute}': their population share is spread over the other categories.").format(
                categories=", ".join(empty), attribute=_label(attribute)))
            kept = {c: target[c] for c, p in zip(cats, present) if p}
            total = sum(kept.values())
            target = {c: v / total for c, v in kept.items()}
            cats = list(target)
            codes = _codes(attributes[attribute], cats, attribute)
        prepared[attribute] = (codes, cats, np.array([target[c] for c in cats]))
    return prepared


def _base(attributes: pd.DataFrame, base_weights) -> np.ndarray:
    if base_weights is None:
        return np.ones(len(attributes))
    base = np.asarray(pd.Series(base_weights).reindex(attributes.index) if isinstance(base_weights, pd.Series) else base_weights, dtype=float)
    if len(base) != len(attributes) or not np.all(np.isfinite(base)) or np.any(base <= 0):
        raise SurveyError(tr("Base weights must be positive numbers, one per respondent."))
    return base


def _trim(w: np.ndarray, low: float, high: float, rounds: int = 100):
    """Clip weights to low..high × their mean; the mean moves with clipping, so repeat until stable."""
    original = w
    for _ in range(rounds):
        mean = w.mean()
        clipped = np.clip(w, low * mean, high * mean)
        if np.allclose(clipped, w, rtol=1e-13, atol=0):
            break
        w = clipped
    return w, int(np.count_nonzero(~np.isclose(w, original, rtol=1e-12, atol=0)))


def rake(data, margins: Mapping[str, Mapping], base_weights=None, tol: float = 1e-10, max_iter: int = 200,
         trim: Optional[Tuple[float, float]] = None) -> WeightingResult:
    """Raking (iterative proportional fitting) to population shares of several attributes.

    ``data``: a SurveyData or a DataFrame of attributes. ``margins``: {attribute: {category:
    share}}. Each iteration scales the weights to every margin in turn; it stops when the
    largest |weighted share − population share| is below ``tol``. ``trim=(low, high)`` keeps
    every weight within low×mean … high×mean in each iteration (trimmed raking); if bounds
    and margins cannot both hold, the result says ``converged=False`` and how far off it is.
    """
    attributes = _attribute_frame(data)
    notes: List[str] = []
    if not margins:
        raise SurveyError(tr("Raking needs population shares for at least one attribute."))
    if len(attributes) == 0:
        raise SurveyError(tr("There are no valid questionnaires to weight."))
    prepared = _prepare(attributes, margins, notes)
    base = _base(attributes, base_weights)
    w = base / base.mean()
    if trim is not None:
        low, high = float(trim[0]), float(trim[1])
        if not (0 <= low <= 1 <= high):
            raise SurveyError(tr("Trimming bounds must satisfy 0 ≤ lower ≤ 1 ≤ upper (multiples of the mean weight)."))
    converged, error, iterations, trimmed = False, float("inf"), 0, 0
    for iterations in range(1, max_iter + 1):
        for codes, cats, target in prepared.values():
            totals = np.bincount(codes, weights=w, minlength=len(cats))
            factor = target * w.sum() / totals
            w = w * factor[codes]
        if trim is not None:
            w, trimmed = _trim(w, low, high)
        error = max(
            float(np.abs(np.bincount(codes, weights=w, minlength=len(cats)) / w.sum() - target).max())
            for codes, cats, target in prepared.values()
        )
        if error < tol:
            converged = True
            break
    w = w / w.mean()
    if not converged:
        notes.append(tr("Raking did not converge in {iterations} iterations: the largest margin is {error:.2%} off. "
                        "Merge sparse categories, loosen the trimming bounds or allow more iterations.").format(
            iterations=iterations, error=error))
    weights = pd.Series(w, index=attributes.index, name="weight")
    table = _margins_table(prepared, margins, w, base)
    return WeightingResult(weights, "raking", converged, iterations, error, table, trimmed, notes)


def post_stratify(data, attribute: str, population_shares: Mapping, base_weights=None) -> WeightingResult:
    """Post-stratification on one attribute: w = base × population share / weighted sample share.

    For cells crossing attributes (e.g. district × age) put the combined category in one
    column first and give the joint population shares.
    """
    attributes = _attribute_frame(data)
    if len(attributes) == 0:
        raise SurveyError(tr("There are no valid questionnaires to weight."))
    notes: List[str] = []
    prepared = _prepare(attributes, {attribute: population_shares}, notes)
    codes, cats, target = prepared[attribute]
    base = _base(attributes, base_weights)
    sample_share = np.bincount(codes, weights=base, minlength=len(cats)) / base.sum()
    w = base * (target / sample_share)[codes]
    w = w / w.mean()
    weights = pd.Series(w, index=attributes.index, name="weight")
    error = float(np.abs(np.bincount(codes, weights=w, minlength=len(cats)) / w.sum() - target).max())
    table = _margins_table(prepared, None, w, base)
    return WeightingResult(weights, "post_stratification", True, 1, error, table, 0, notes)


def no_weights(data) -> WeightingResult:
    """Equal weights (for comparison with the weighted results)."""
    attributes = _attribute_frame(data)
    weights = pd.Series(1.0, index=attributes.index, name="weight")
    empty = pd.DataFrame(columns=["attribute", "category", "population_share", "sample_share", "weighted_share", "difference"])
    return WeightingResult(weights, "none", True, 0, 0.0, empty)


MARGIN_COLUMNS = {"attribute": ("attribute", "属性"), "category": ("category", "类别"), "share": ("share", "比例", "占比", "人口", "population")}


def margins_from_table(table: pd.DataFrame) -> Dict[str, Dict[str, float]]:
    """Population shares from a long table (attribute, category, share — or 属性, 类别, 比例),
    e.g. read from an xlsx sheet the user keeps with the census figures."""
    lower = {str(c).strip().lower(): c for c in table.columns}
    found = {}
    for key, names in MARGIN_COLUMNS.items():
        column = next((lower[n] for n in names if n in lower), None)
        if column is None:
            raise SurveyError(tr("The population table needs the columns attribute, category and share (属性, 类别, 比例); '{missing}' is missing.").format(missing=key))
        found[key] = column
    shares = pd.to_numeric(table[found["share"]], errors="coerce")
    bad = table.index[shares.isna()]
    if len(bad):
        raise SurveyError(tr("Row {row} of the population table has no numeric share.").format(row=int(bad[0]) + 2))
    margins: Dict[str, Dict[str, float]] = {}
    for attribute, category, share in zip(table[found["attribute"]], table[found["category"]], shares):
        margins.setdefault(str(attribute).strip(), {})[normalise_category(category)] = float(share)
    return margins


def margins_to_table(margins: Mapping[str, Mapping[str, float]]) -> pd.DataFrame:
    """The long form of population shares (attribute, category, share), for saving next to the survey."""
    rows = [(a, c, float(s)) for a, shares in margins.items() for c, s in shares.items()]
    return pd.DataFrame(rows, columns=["attribute", "category", "share"])
