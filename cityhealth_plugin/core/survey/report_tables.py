"""Display tables of the satisfaction report (附件4 社会满意度评价报告), headers translated.

Each function takes result objects and returns a DataFrame ready to show or write: shares
as percentages, scores rounded to one decimal, labels in the UI language. ``report_tables``
collects them in report order; ``write_report_xlsx`` writes one sheet per table.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional

import numpy as np
import pandas as pd

from ..i18n import tr
from .balance import BalanceReport
from .concerns import ConcernResult
from .gap import GapResult
from .mapping import attribute_labels, dimension_labels
from .scores import SurveyScores
from .screening import REASONS, ScreeningResult, reason_labels
from .weighting import WeightingResult


@dataclass
class ReportTable:
    title: str
    frame: pd.DataFrame


def _method_label(method: str) -> str:
    return {"raking": tr("Raking to population margins"), "post_stratification": tr("Post-stratification"),
            "none": tr("No weighting (equal weights)"), "weights": tr("Given weights")}.get(method, method)


def sample_summary_table(screening: ScreeningResult) -> pd.DataFrame:
    """Questionnaires received, rejected by reason, valid, against the requirement."""
    labels = reason_labels()
    counts = screening.counts.set_index("reason")["rejected"]
    rows = [(tr("Questionnaires received"), screening.total)]
    rows += [(tr("Rejected: {reason}").format(reason=labels[r]), int(counts[r])) for r in REASONS if counts[r] > 0]
    rows += [
        (tr("Rejected in all (a questionnaire can fail several rules)"), screening.rejected_count),
        (tr("Valid questionnaires"), screening.valid_count),
        (tr("Valid questionnaires required"), screening.rules.required_valid),
        (tr("Requirement met"), tr("yes") if screening.meets_requirement else tr("no")),
    ]
    return pd.DataFrame(rows, columns=[tr("Item"), tr("Count")])


def weighting_table(weighting: WeightingResult) -> pd.DataFrame:
    s = weighting.summary()
    rows = [
        (tr("Weighting method"), _method_label(weighting.method)),
        (tr("Valid questionnaires"), s["n"]),
        (tr("Effective sample size (Kish)"), round(s["effective_n"], 1)),
        (tr("Design effect of weighting"), round(s["design_effect"], 3)),
        (tr("Smallest weight"), round(s["min_weight"], 3)),
        (tr("Largest weight"), round(s["max_weight"], 3)),
        (tr("Iterations"), s["iterations"]),
        (tr("Converged"), tr("yes") if s["converged"] else tr("no")),
        (tr("Largest margin difference (percentage points)"), round(100 * s["max_margin_error"], 4)),
    ]
    return pd.DataFrame(rows, columns=[tr("Item"), tr("Value")])


def balance_table_display(balance: BalanceReport, weighting: Optional[WeightingResult] = None) -> pd.DataFrame:
    """Every attribute's categories: sample and population shares, difference, ratio (and weighted share)."""
    labels = attribute_labels()
    frames = []
    weighted = None
    if weighting is not None and len(weighting.margins):
        weighted = weighting.margins.set_index(["attribute", "category"])["weighted_share"]
    for attribute, table in balance.tables.items():
        frame = pd.DataFrame({
            tr("Attribute"): labels.get(attribute, attribute),
            tr("Category"): table["category"],
            tr("Questionnaires"): table["sample_count"],
            tr("Sample share (%)"): (100 * table["sample_share"]).round(1),
            tr("Population share (%)"): (100 * table["population_share"]).round(1),
            tr("Difference (percentage points)"): (100 * table["difference"]).round(1),
            tr("Sample / population"): table["ratio"].round(2),
        })
        if weighted is not None:
            keys = list(zip([attribute] * len(table), table["category"]))
            frame[tr("Weighted share (%)")] = (100 * weighted.reindex(keys).to_numpy()).round(1)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def balance_tests_display(balance: BalanceReport) -> pd.DataFrame:
    t = balance.tests
    return pd.DataFrame({
        tr("Attribute"): t["label"],
        tr("Questionnaires"): t["n"],
        tr("Chi-square"): t["chi2"].round(2),
        tr("Degrees of freedom"): t["dof"],
        tr("p-value"): t["p_value"].map(lambda p: f"{p:.3g}" if np.isfinite(p) else ""),
        tr("Largest difference (percentage points)"): (100 * t["max_abs_difference"]).round(1),
        tr("Balanced"): t["balanced"].map({True: tr("yes"), False: tr("no")}),
    })


def dimension_score_table(scores: SurveyScores, unweighted: Optional[SurveyScores] = None) -> pd.DataFrame:
    """City-wide score per dimension and overall, with interval and % satisfied."""
    table = pd.concat([scores.dimensions, scores.overall], ignore_index=True)
    frame = pd.DataFrame({
        tr("Dimension"): table["label"],
        tr("Score (0–100)"): table["score"].round(1),
        tr("Lower bound"): table["score_lower"].round(1),
        tr("Upper bound"): table["score_upper"].round(1),
        tr("Satisfied (%)"): table["pct_satisfied"].round(1),
        tr("Answers"): table["n"],
    })
    if "boot_score_lower" in table:
        frame[tr("Bootstrap lower bound")] = table["boot_score_lower"].round(1)
        frame[tr("Bootstrap upper bound")] = table["boot_score_upper"].round(1)
    if unweighted is not None:
        raw = pd.concat([unweighted.dimensions, unweighted.overall], ignore_index=True).set_index("item")["score"]
        frame[tr("Unweighted score")] = table["item"].map(raw).round(1).to_numpy()
    return frame


def district_score_table(scores: SurveyScores, column: str = "score", attribute: str = "district") -> pd.DataFrame:
    """Groups (districts) × dimensions, plus overall; ``column`` 'score' or 'pct_satisfied'."""
    matrix = scores.district_matrix(column, attribute).round(1)
    labels = dimension_labels()
    matrix.columns = [labels.get(c, tr("Overall satisfaction") if c == "overall" else c) for c in matrix.columns]
    matrix.index.name = attribute_labels().get(attribute, attribute)
    return matrix.reset_index()


def question_score_table(scores: SurveyScores) -> pd.DataFrame:
    q = scores.questions
    labels = dimension_labels()
    return pd.DataFrame({
        tr("Code"): q["item"],
        tr("Question"): q["label"],
        tr("Dimension"): q["dimension"].map(labels),
        tr("Answers"): q["n"],
        tr("Mean (1–5)"): q["mean"].round(2),
        tr("Score (0–100)"): q["score"].round(1),
        tr("Lower bound"): q["score_lower"].round(1),
        tr("Upper bound"): q["score_upper"].round(1),
        tr("Satisfied (%)"): q["pct_satisfied"].round(1),
    })


def concern_table(concerns: ConcernResult, top: int = 5, attribute: str = "district") -> pd.DataFrame:
    """The ``top`` topics city-wide and per district."""
    city = concerns.topics[concerns.topics["rank"] <= top].assign(**{attribute: tr("Whole city")})
    parts = [city]
    if len(concerns.topics_by_district):
        parts.append(concerns.topics_by_district[concerns.topics_by_district["rank"] <= top])
    table = pd.concat(parts, ignore_index=True)
    table = table[table["mentions"] > 0]
    return pd.DataFrame({
        attribute_labels().get(attribute, attribute): table[attribute],
        tr("Rank"): table["rank"],
        tr("Concern"): table["label"],
        tr("Respondents mentioning it"): table["mentions"],
        tr("Share of open answers (%)"): (100 * table["share"]).round(1),
    })


def phrase_table(concerns: ConcernResult, top: int = 10) -> pd.DataFrame:
    table = concerns.ngrams[concerns.ngrams["rank"] <= top]
    return pd.DataFrame({
        tr("Rank"): table["rank"],
        tr("Phrase"): table["ngram"],
        tr("Respondents using it"): table["count"],
        tr("Share of open answers (%)"): (100 * table["share"]).round(1),
    })


def gap_table(gap: GapResult, only_mismatches: bool = False) -> pd.DataFrame:
    table = gap.mismatches() if only_mismatches else gap.table
    return pd.DataFrame({
        tr("District"): table["district"],
        tr("Dimension"): table["label"],
        tr("Satisfaction score"): table["satisfaction"].round(1),
        tr("Satisfaction z"): table["satisfaction_z"].round(2),
        tr("Objective z"): table["objective_z"].round(2),
        tr("Gap"): table["gap"].round(2),
        tr("Indicators"): table["indicators"],
        tr("Verdict"): table["verdict"],
    })


def report_tables(analysis, top_concerns: int = 5) -> Dict[str, ReportTable]:
    """Every table of the satisfaction report, keyed by a stable id, in report order."""
    tables = {
        "sample": ReportTable(tr("Questionnaires and screening"), sample_summary_table(analysis.screening)),
    }
    if analysis.balance is not None:
        tables["balance"] = ReportTable(tr("Sample balance"), balance_table_display(analysis.balance, analysis.weighting))
        tables["balance_tests"] = ReportTable(tr("Balance tests"), balance_tests_display(analysis.balance))
    tables["weighting"] = ReportTable(tr("Weighting"), weighting_table(analysis.weighting))
    tables["dimensions"] = ReportTable(tr("Satisfaction by dimension"), dimension_score_table(analysis.scores, analysis.unweighted))
    if "district" in analysis.scores.by:
        tables["districts"] = ReportTable(tr("Satisfaction by district"), district_score_table(analysis.scores))
        tables["districts_pct"] = ReportTable(tr("Share satisfied by district"), district_score_table(analysis.scores, "pct_satisfied"))
    for attribute in ("age", "education", "occupation"):
        if attribute in analysis.scores.by:
            title = tr("Satisfaction by {attribute}").format(attribute=attribute_labels()[attribute])
            tables[f"by_{attribute}"] = ReportTable(title, district_score_table(analysis.scores, "score", attribute))
    tables["questions"] = ReportTable(tr("Satisfaction by question"), question_score_table(analysis.scores))
    tables["concerns"] = ReportTable(tr("Main concerns in open answers"), concern_table(analysis.concerns, top_concerns))
    tables["phrases"] = ReportTable(tr("Frequent phrases in open answers"), phrase_table(analysis.concerns))
    if analysis.gap is not None:
        tables["gap"] = ReportTable(tr("Satisfaction against objective indicators"), gap_table(analysis.gap))
    return tables


def _sheet_name(title: str, used: set) -> str:
    name = re.sub(r"[\[\]\*\?/\\:]", " ", title)[:31].strip() or "Sheet"
    base, k = name, 2
    while name in used:
        suffix = f" ({k})"
        name = base[: 31 - len(suffix)] + suffix
        k += 1
    used.add(name)
    return name


def write_report_xlsx(tables: Dict[str, ReportTable], path) -> Path:
    """One sheet per table (sheet name = translated title, shortened to Excel's 31 characters)."""
    path = Path(path)
    used: set = set()
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for table in tables.values():
            table.frame.to_excel(writer, sheet_name=_sheet_name(table.title, used), index=False)
    return path
