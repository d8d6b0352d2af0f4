"""Resident satisfaction survey (社会满意度调查): import, screening, balance, weighting, scores,
open-answer concerns and the subjective/objective comparison. Pure Python (pandas, numpy,
scipy, shapely); see docs/survey.md.

Typical use::

    from cityhealth_plugin.core.survey import (import_questionnaires, analyse_survey, SurveyOptions,
                                               ScreeningRules, report_tables)
    data = import_questionnaires("survey_2024.xlsx", mapping)       # mapping: SurveyMapping or None
    result = analyse_survey(data, SurveyOptions(margins=margins, rules=ScreeningRules(known_districts=names)),
                            districts=polygons, objective=indicator_table)
    tables = report_tables(result)
"""

from .analysis import SurveyAnalysis, SurveyOptions, analyse_survey
from .balance import BalanceReport, balance_table, check_balance, chi_square
from .concerns import ConcernResult, Topic, analyse_concerns, concern_topics, default_topics, frequent_ngrams
from .gap import GapResult, Relation, compare_subjective_objective, default_relations
from .importer import SurveyData, SurveyError, import_questionnaires, likert_scores, prepare_responses, read_table
from .mapping import DIMENSIONS, QuestionSpec, SurveyMapping, dimension_labels, suggest_mapping
from .report_tables import report_tables, write_report_xlsx
from .scores import SurveyScores, compute_scores, score_table, to_score_100, weighted_mean_ci
from .screening import DistrictPolygons, ScreeningResult, ScreeningRules, screen
from .weighting import WeightingResult, design_effect, kish_effective_n, post_stratify, rake

__all__ = [
    "SurveyAnalysis", "SurveyOptions", "analyse_survey",
    "BalanceReport", "balance_table", "check_balance", "chi_square",
    "ConcernResult", "Topic", "analyse_concerns", "concern_topics", "default_topics", "frequent_ngrams",
    "GapResult", "Relation", "compare_subjective_objective", "default_relations",
    "SurveyData", "SurveyError", "import_questionnaires", "likert_scores", "prepare_responses", "read_table",
    "DIMENSIONS", "QuestionSpec", "SurveyMapping", "dimension_labels", "suggest_mapping",
    "report_tables", "write_report_xlsx",
    "SurveyScores", "compute_scores", "score_table", "to_score_100", "weighted_mean_ci",
    "DistrictPolygons", "ScreeningResult", "ScreeningRules", "screen",
    "WeightingResult", "design_effect", "kish_effective_n", "post_stratify", "rake",
]
