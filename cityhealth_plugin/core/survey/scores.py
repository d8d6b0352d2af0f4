"""Weighted satisfaction scores per question, per dimension and overall, with intervals.

Definitions (docs/survey.md):

* question: weighted mean of its 1–5 answers (missing answers left out);
* dimension: per respondent the mean of his/her answered questions of that dimension, then
  the weighted mean over respondents;
* overall: per respondent the mean of his/her dimension scores (equal dimension weights
  unless ``dimension_weights`` is given), then the weighted mean;
* score (0–100) = (mean − 1) / 4 × 100; % satisfied = weighted share of answers 4 or 5
  (for a dimension: per respondent the share of his/her answers that are 4–5).

Interval: weighted mean m = Σwx/Σw; element variance s² = Σw(x−m)²/Σw · n/(n−1);
SE = s / √n_eff with Kish's n_eff = (Σw)²/Σw²; m ± t(df = n_eff − 1) · SE. With equal weights
this is exactly the textbook t interval. ``bootstrap`` > 0 adds a percentile interval from
resampling respondents (fixed ``seed``; weights kept, not re-estimated).
"""

from dataclasses import dataclass
from typing import Dict, Mapping, Optional, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from ..i18n import tr
from .importer import SurveyData, SurveyError
from .mapping import DIMENSIONS, dimension_labels


def to_score_100(mean):
    """1–5 mean -> 0–100 score."""
    return (np.asarray(mean, dtype=float) - 1.0) / 4.0 * 100.0 if not np.isscalar(mean) else (float(mean) - 1.0) / 4.0 * 100.0


@dataclass
class MeanEstimate:
    mean: float
    se: float
    lower: float
    upper: float
    n: int
    effective_n: float
    df: float


def _critical(confidence: float, df, distribution: str):
    q = (1.0 + confidence) / 2.0
    if distribution == "normal":
        return stats.norm.ppf(q) * np.ones_like(np.asarray(df, dtype=float))
    if distribution != "t":
        raise SurveyError(tr("Unknown interval distribution '{name}'; use 't' or 'normal'.").format(name=distribution))
    df = np.asarray(df, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.where(df >= 1, stats.t.ppf(q, np.maximum(df, 1)), np.nan)


def _from_sums(sw, sw2, swx, swx2, count, confidence, distribution):
    """Vectorised weighted mean, SE and interval from the sums Σw, Σw², Σwx, Σwx², n."""
    sw = np.asarray(sw, dtype=float)
    count = np.asarray(count, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = swx / sw
        var_pop = np.maximum(swx2 / sw - mean * mean, 0.0)
        var = var_pop * count / (count - 1)
        n_eff = sw * sw / sw2
        se = np.sqrt(var / n_eff)
        df = n_eff - 1
        crit = _critical(confidence, df, distribution)
        lower, upper = mean - crit * se, mean + crit * se
    small = count < 2
    se = np.where(small, np.nan, se)
    lower = np.where(small, np.nan, lower)
    upper = np.where(small, np.nan, upper)
    return mean, se, lower, upper, n_eff, df


def weighted_mean_ci(values, weights=None, confidence: float = 0.95, distribution: str = "t") -> MeanEstimate:
    """Weighted mean with an interval based on Kish's effective sample size (NaN values left out)."""
    x = np.asarray(values, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    ok = np.isfinite(x) & np.isfinite(w)
    x, w = x[ok], w[ok]
    mean, se, lower, upper, n_eff, df = _from_sums(w.sum(), (w * w).sum(), (w * x).sum(), (w * x * x).sum(), len(x),
                                                  confidence, distribution)
    return MeanEstimate(float(mean), float(se), float(lower), float(upper), int(len(x)), float(n_eff), float(df))


def bootstrap_means(values: np.ndarray, weights: np.ndarray, n_boot: int = 1000, seed: int = 2024,
                    max_cells: int = 4_000_000) -> np.ndarray:
    """Bootstrap replicates (n_boot × items) of weighted column means of a respondents × items matrix.

    Respondents are resampled with replacement, so items answered by the same respondent stay
    together; NaN answers are left out of each replicate. Replicates are drawn in chunks of at
    most ``max_cells`` resampled indices to bound memory.
    """
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    weights = np.asarray(weights, dtype=float)
    n = len(values)
    if n == 0:
        return np.full((n_boot, values.shape[1]), np.nan)
    rng = np.random.default_rng(seed)
    present = np.isfinite(values)
    wx = np.where(present, values, 0.0) * weights[:, None]
    wp = present * weights[:, None]
    out = np.empty((n_boot, values.shape[1]))
    chunk = max(1, min(n_boot, max_cells // n))
    for start in range(0, n_boot, chunk):  # a few chunks, each fully vectorised
        b = min(chunk, n_boot - start)
        picks = rng.integers(0, n, size=(b, n)) + (np.arange(b) * n)[:, None]
        counts = np.bincount(picks.ravel(), minlength=b * n).reshape(b, n).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[start:start + b] = (counts @ wx) / (counts @ wp)
    return out


def bootstrap_ci(values, weights=None, n_boot: int = 1000, seed: int = 2024, confidence: float = 0.95):
    """Percentile bootstrap interval (lower, upper) of a weighted mean."""
    x = np.asarray(values, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    reps = bootstrap_means(x, w, n_boot, seed)[:, 0]
    alpha = (1.0 - confidence) / 2.0
    return float(np.nanquantile(reps, alpha)), float(np.nanquantile(reps, 1.0 - alpha))


# --- per-respondent values ------------------------------------------------------------------
def respondent_dimension_scores(data: SurveyData) -> pd.DataFrame:
    """Respondents × dimensions: mean of each respondent's answered questions (1–5, NaN if none).
    Dimensions without any mapped question are left out."""
    out = pd.DataFrame(index=data.index)
    for dim, codes in data.dimension_questions().items():
        if codes:
            out[dim] = data.answers[codes].mean(axis=1)
    return out


def _respondent_satisfied_share(data: SurveyData) -> pd.DataFrame:
    sat = (data.answers >= 4).astype(float).where(data.answers.notna())
    out = pd.DataFrame(index=data.index)
    for dim, codes in data.dimension_questions().items():
        if codes:
            out[dim] = sat[codes].mean(axis=1)
    return out


def _overall(frame: pd.DataFrame, dimension_weights: Optional[Mapping[str, float]]) -> pd.Series:
    dims = list(frame.columns)
    dw = np.array([float((dimension_weights or {}).get(d, 1.0)) for d in dims])
    values = frame.to_numpy(dtype=float)
    present = np.isfinite(values)
    with np.errstate(invalid="ignore", divide="ignore"):
        result = (np.where(present, values, 0.0) @ dw) / (present @ dw)
    return pd.Series(result, index=frame.index)


def respondent_overall_scores(data: SurveyData, dimension_weights: Optional[Mapping[str, float]] = None) -> pd.Series:
    """Per respondent: mean of his/her dimension scores (optionally weighted by dimension)."""
    return _overall(respondent_dimension_scores(data), dimension_weights)


# --- tables -------------------------------------------------------------------------------
SCORE_COLUMNS = ["item", "label", "dimension", "n", "effective_n", "mean", "se", "mean_lower", "mean_upper",
                 "score", "score_lower", "score_upper", "pct_satisfied", "pct_lower", "pct_upper"]


def _group_codes(groups: pd.Series, order: Optional[Sequence[str]]):
    """Codes and names of the groups: ``order`` first (those present), then the rest sorted."""
    present = pd.unique(groups.dropna())
    first = [g for g in (order or []) if g in set(present)]
    rest = sorted(g for g in present if g not in set(first))
    names = first + rest
    codes = pd.Categorical(groups, categories=names).codes.astype(np.int64)
    return codes, names


def _summarise(values: pd.DataFrame, satisfied: pd.DataFrame, weights: np.ndarray, groups: Optional[pd.Series],
               confidence: float, distribution: str, bootstrap: int, seed: int,
               order: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """One row per (group, item): sums by bincount over the stacked non-missing cells."""
    v = values.to_numpy(dtype=float)
    s = satisfied.to_numpy(dtype=float)
    n_rows, n_items = v.shape
    if groups is None:
        gcodes = np.zeros(n_rows, dtype=np.int64)
        gnames = [None]
    else:
        gcodes, gnames = _group_codes(groups, order)
        keep_rows = gcodes >= 0
        v, s, weights, gcodes = v[keep_rows], s[keep_rows], weights[keep_rows], gcodes[keep_rows]
        n_rows = len(v)
    n_groups = len(gnames)
    rows, cols = np.nonzero(np.isfinite(v))
    key = gcodes[rows] * n_items + cols
    w = weights[rows]
    x = v[rows, cols]
    sat = s[rows, cols]
    size = n_groups * n_items

    def total(values_):
        return np.bincount(key, weights=values_, minlength=size)

    sw, sw2, count = total(w), total(w * w), np.bincount(key, minlength=size)
    mean, se, lo, hi, n_eff, _ = _from_sums(sw, sw2, total(w * x), total(w * x * x), count, confidence, distribution)
    pmean, _, plo, phi, _, _ = _from_sums(sw, sw2, total(w * sat), total(w * sat * sat), count, confidence, distribution)
    table = pd.DataFrame({
        "group": np.repeat(np.array(gnames, dtype=object), n_items),
        "item": np.tile(np.array(values.columns, dtype=object), n_groups),
        "n": count.astype(int),
        "effective_n": n_eff,
        "mean": mean, "se": se, "mean_lower": lo, "mean_upper": hi,
        "score": to_score_100(mean), "score_lower": to_score_100(lo), "score_upper": to_score_100(hi),
        "pct_satisfied": pmean * 100.0, "pct_lower": plo * 100.0, "pct_upper": phi * 100.0,
    })
    if bootstrap and bootstrap > 0:
        alpha = (1.0 - confidence) / 2.0
        boot_lo = np.full(size, np.nan)
        boot_hi = np.full(size, np.nan)
        for g in range(n_groups):  # one matrix product per group, not per item
            members = gcodes == g
            reps = bootstrap_means(v[members], weights[members], bootstrap, seed + g)
            with np.errstate(all="ignore"):
                boot_lo[g * n_items:(g + 1) * n_items] = np.nanquantile(reps, alpha, axis=0)
                boot_hi[g * n_items:(g + 1) * n_items] = np.nanquantile(reps, 1.0 - alpha, axis=0)
        table["boot_score_lower"] = to_score_100(boot_lo)
        table["boot_score_upper"] = to_score_100(boot_hi)
    return table


def _weights_array(data: SurveyData, weights) -> np.ndarray:
    if weights is None:
        return np.ones(len(data))
    if hasattr(weights, "weights"):  # a WeightingResult
        weights = weights.weights
    if isinstance(weights, pd.Series):
        aligned = weights.reindex(data.index)
        if aligned.isna().any():
            raise SurveyError(tr("{count} respondents have no weight; compute the weights on the same valid questionnaires.").format(
                count=int(aligned.isna().sum())))
        return aligned.to_numpy(dtype=float)
    w = np.asarray(weights, dtype=float)
    if len(w) != len(data):
        raise SurveyError(tr("{weights} weights were given for {respondents} respondents.").format(weights=len(w), respondents=len(data)))
    return w


LEVELS = ("question", "dimension", "overall")


def _level_frames(data: SurveyData, level: str, dimension_weights=None):
    """Per-respondent values, satisfied shares, item labels and item dimensions of one level."""
    dim_labels = dimension_labels()
    if level == "question":
        values = data.answers
        satisfied = (data.answers >= 4).astype(float).where(data.answers.notna())
        texts = data.mapping.question_texts()
        dim_of = data.mapping.dimension_of()
        return values, satisfied, {c: texts.get(c, c) for c in values.columns}, {c: dim_of.get(c) for c in values.columns}
    if level == "dimension":
        values = respondent_dimension_scores(data)
        return values, _respondent_satisfied_share(data), {d: dim_labels[d] for d in values.columns}, {d: d for d in values.columns}
    if level == "overall":
        values = respondent_overall_scores(data, dimension_weights).to_frame("overall")
        satisfied = _overall(_respondent_satisfied_share(data), dimension_weights).to_frame("overall")
        return values, satisfied, {"overall": tr("Overall satisfaction")}, {"overall": None}
    raise SurveyError(tr("Unknown score level '{level}'; use question, dimension or overall.").format(level=level))


def _score_tables(data: SurveyData, weights, levels: Sequence[str], by: Optional[str], confidence: float, distribution: str,
                  bootstrap: int, seed: int, dimension_weights, order) -> Dict[str, pd.DataFrame]:
    """Tables of several levels from one pass: the columns of all levels are summarised (and
    bootstrapped, sharing the resamples) together, then split by level."""
    w = _weights_array(data, weights)
    frames = [_level_frames(data, level, dimension_weights) for level in levels]
    values = pd.concat([f[0] for f in frames], axis=1, keys=list(levels))
    satisfied = pd.concat([f[1] for f in frames], axis=1, keys=list(levels))
    flat = [f"{level}\x1f{item}" for level, item in values.columns]
    values.columns = flat
    satisfied.columns = flat
    groups = None
    if by is not None:
        groups = data.attribute(by)
        if groups is None:
            raise SurveyError(tr("Scores by '{attribute}' need a column mapped to that attribute.").format(attribute=by))
    table = _summarise(values, satisfied, w, groups, confidence, distribution, bootstrap, seed, order)
    split = table["item"].str.split("\x1f", n=1, expand=True)
    table["item"] = split[1]
    result = {}
    for level, (_, _, labels, dims) in zip(levels, frames):
        part = table[split[0].to_numpy() == level].copy()
        part.insert(2, "label", part["item"].map(labels))
        part.insert(3, "dimension", part["item"].map(dims))
        part = part.drop(columns="group") if by is None else part.rename(columns={"group": by})
        result[level] = part.reset_index(drop=True)
    return result


def score_table(data: SurveyData, weights=None, level: str = "dimension", by: Optional[str] = None,
                confidence: float = 0.95, distribution: str = "t", bootstrap: int = 0, seed: int = 2024,
                dimension_weights: Optional[Mapping[str, float]] = None, order: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """Scores at one level ("question", "dimension" or "overall"), city-wide or ``by`` an attribute.

    Columns: [group,] item, label, dimension, n, effective_n, mean, se, mean_lower, mean_upper,
    score, score_lower, score_upper (0–100), pct_satisfied, pct_lower, pct_upper (%),
    and boot_score_lower / boot_score_upper when ``bootstrap`` > 0. Groups come in ``order``
    (e.g. the population shares' order), any others after it, sorted.
    """
    return _score_tables(data, weights, (level,), by, confidence, distribution, bootstrap, seed, dimension_weights, order)[level]


@dataclass
class SurveyScores:
    """All score tables a report needs; ``by`` tables carry the attribute as first column."""

    questions: pd.DataFrame
    dimensions: pd.DataFrame
    overall: pd.DataFrame
    by: Dict[str, Dict[str, pd.DataFrame]]  # attribute -> level -> table
    weighting_method: str = "none"

    def district_matrix(self, column: str = "score", attribute: str = "district") -> pd.DataFrame:
        """District × dimension (plus 'overall') table of ``column`` (e.g. score or pct_satisfied)."""
        if attribute not in self.by:
            raise SurveyError(tr("Scores were not computed by '{attribute}'.").format(attribute=attribute))
        table = self.by[attribute]["dimension"]
        dims = table.pivot(index=attribute, columns="item", values=column)
        dims = dims.reindex(index=pd.unique(table[attribute]), columns=[d for d in DIMENSIONS if d in dims.columns])
        overall = self.by[attribute]["overall"].set_index(attribute)[column].rename("overall")
        return dims.join(overall)


def compute_scores(data: SurveyData, weights=None, by: Sequence[str] = ("district",), confidence: float = 0.95,
                   distribution: str = "t", bootstrap: int = 0, seed: int = 2024,
                   dimension_weights: Optional[Mapping[str, float]] = None,
                   orders: Optional[Mapping[str, Sequence[str]]] = None) -> SurveyScores:
    """Question, dimension and overall tables for the city and for each attribute in ``by``
    (groups in ``orders[attribute]`` order when given)."""
    if len(data) == 0:
        raise SurveyError(tr("There are no valid questionnaires to score."))
    method = getattr(weights, "method", "none" if weights is None else "weights")
    tables = _score_tables(data, weights, LEVELS, None, confidence, distribution, bootstrap, seed, dimension_weights, None)
    by_tables = {}
    for attribute in by:
        if data.attribute(attribute) is None:
            continue
        by_tables[attribute] = _score_tables(data, weights, LEVELS, attribute, confidence, distribution, bootstrap, seed,
                                             dimension_weights, (orders or {}).get(attribute))
    return SurveyScores(tables["question"], tables["dimension"], tables["overall"], by_tables, method)
