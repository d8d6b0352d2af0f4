"""The whole satisfaction-survey analysis in one call (for the Survey panel, the Processing
algorithm and the 附件4 report): screen -> balance -> weight -> score -> concerns -> gap."""

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import pandas as pd

from ..i18n import tr
from .balance import BalanceReport, check_balance
from .concerns import ConcernResult, Topic, analyse_concerns
from .gap import GapResult, Relation, compare_subjective_objective
from .importer import SurveyData, SurveyError
from .mapping import normalise_category
from .scores import SurveyScores, compute_scores
from .screening import DistrictPolygons, ScreeningResult, ScreeningRules, screen
from .weighting import WeightingResult, no_weights, post_stratify, rake

WEIGHTING_METHODS = ("raking", "post_stratification", "none")


@dataclass
class SurveyOptions:
    rules: ScreeningRules = field(default_factory=ScreeningRules)
    margins: Optional[Dict[str, Dict[str, float]]] = None  # attribute -> {category: population share}
    weighting: str = "raking"  # one of WEIGHTING_METHODS
    post_stratify_on: str = "district"
    rake_tol: float = 1e-10
    rake_max_iter: int = 200
    trim: Optional[Tuple[float, float]] = None  # (lower, upper) × mean weight
    confidence: float = 0.95
    bootstrap: int = 0  # replicates for a bootstrap interval (0: none)
    seed: int = 2024
    by: Sequence[str] = ("district", "age", "education", "occupation")
    balance_alpha: float = 0.05
    balance_max_difference: float = 0.05
    topics: Optional[Sequence[Topic]] = None
    relations: Optional[Sequence[Relation]] = None
    gap_threshold: float = 1.0


@dataclass
class SurveyAnalysis:
    data: SurveyData  # every questionnaire
    valid: SurveyData  # those that passed screening
    screening: ScreeningResult
    balance: Optional[BalanceReport]
    weighting: WeightingResult
    scores: SurveyScores
    unweighted: SurveyScores  # the same tables with equal weights, for comparison
    concerns: ConcernResult
    gap: Optional[GapResult]
    options: SurveyOptions
    warnings: List[str] = field(default_factory=list)


def analyse_survey(data: SurveyData, options: Optional[SurveyOptions] = None, districts: Optional[DistrictPolygons] = None,
                   objective: Optional[pd.DataFrame] = None,
                   progress: Optional[Callable[[float, str], None]] = None) -> SurveyAnalysis:
    """Run every step; ``progress(percent, message)`` is called between steps."""
    options = options or SurveyOptions()
    report = progress or (lambda percent, message: None)
    if options.weighting not in WEIGHTING_METHODS:
        raise SurveyError(tr("Unknown weighting method '{method}'; use raking, post_stratification or none.").format(method=options.weighting))
    margins = options.margins or {}
    if options.weighting != "none" and not margins:
        raise SurveyError(tr("Weighting needs population shares; give them or choose no weighting."))
    rules = options.rules
    needed = list(margins) if options.weighting == "raking" else [options.post_stratify_on] if options.weighting == "post_stratification" else []
    if needed:
        rules = ScreeningRules(**{**rules.__dict__, "require_attributes": tuple(dict.fromkeys(list(rules.require_attributes) + needed))})
    warnings = list(data.notes)

    report(5, tr("Screening questionnaires"))
    screening = screen(data, rules, districts)
    warnings.extend(screening.messages)
    valid = data.subset(screening.valid)
    if len(valid) == 0:
        raise SurveyError(tr("No questionnaire passed screening; check the screening rules and the mapping."))

    report(20, tr("Checking sample balance"))
    balance = check_balance(valid, margins, None, options.balance_alpha, options.balance_max_difference) if margins else None
    if balance is not None:
        warnings.extend(balance.warnings)

    report(35, tr("Weighting"))
    if options.weighting == "raking":
        weighting = rake(valid, margins, tol=options.rake_tol, max_iter=options.rake_max_iter, trim=options.trim)
    elif options.weighting == "post_stratification":
        if options.post_stratify_on not in margins:
            raise SurveyError(tr("Post-stratification on '{attribute}' needs its population shares.").format(attribute=options.post_stratify_on))
        weighting = post_stratify(valid, options.post_stratify_on, margins[options.post_stratify_on])
    else:
        weighting = no_weights(valid)
    warnings.extend(weighting.notes)

    report(50, tr("Computing satisfaction scores"))
    orders = {attribute: [normalise_category(c) for c in shares] for attribute, shares in margins.items()}
    if "district" not in orders and rules.known_districts:
        orders["district"] = [normalise_category(c) for c in rules.known_districts]
    common = dict(confidence=options.confidence, bootstrap=options.bootstrap, seed=options.seed, orders=orders)
    scores = compute_scores(valid, weighting, by=options.by, **common)
    unweighted = compute_scores(valid, None, by=options.by[:1], confidence=options.confidence, orders=orders)

    report(75, tr("Counting concerns in open answers"))
    concerns = analyse_concerns(valid, options.topics, weighting, order=orders.get("district"))
    warnings.extend(concerns.notes)

    gap = None
    if objective is not None and "district" in scores.by:
        report(90, tr("Comparing satisfaction with objective indicators"))
        gap = compare_subjective_objective(scores.district_matrix(), objective, options.relations, options.gap_threshold)
        warnings.extend(gap.notes)
    report(100, tr("Survey analysis finished"))
    return SurveyAnalysis(data, valid, screening, balance, weighting, scores, unweighted, concerns, gap, options, warnings)
