"""Diagnosis: every status under every direction, trend, progress, peers, areas, tasks — known answers."""

import json

import numpy as np
import pandas as pd
import pytest

from cityhealth_plugin.core.assessment.diagnosis import TABLE_COLUMNS, diagnose, fmt, rectification_tasks
from cityhealth_plugin.core.assessment.status_rules import DEFAULT_RULES, load_rules, normalise_direction
from cityhealth_plugin.core.assessment.trend import evaluation, progress, trend

# code: (direction, base 2020, value 2023, value 2024, targets)
CASES = {
    "P-REACHED": ("positive", 40, 42, 43, dict(target_2025=42, target_2035=50)),
    "P-SCHEDULE": ("positive", 40, 47, 48.5, dict(target_2025=50)),  # 85 % done after 80 % of the time
    "P-GAP": ("positive", 40, 47, 47.6, dict(target_2025=50)),  # 4.8 % short
    "P-LAG-NEAR": ("positive", 10, 16, 16.5, dict(target_2025=20)),  # lag 15 points
    "P-LAG-WARN": ("positive", 10, 14, 15, dict(target_2025=20)),  # lag 30 points
    "P-LAG-FAIL": ("positive", 10, 11, 12, dict(target_2025=20)),  # lag 60 points
    "P-AWAY": ("positive", 10, 9.5, 9, dict(target_2025=20)),  # moved away
    "N-REACHED": ("negative", 10, 9.2, 8.9, dict(target_2025=9)),
    "N-LAG": ("negative", 10, 9.6, 9.5, dict(target_2025=9)),  # lag 30, 5.6 % short -> warning
    "I-IN": ("interval", 2.6, 2.1, 2.0, dict(lower=1.5, upper=2.2)),
    "I-NEAR": ("interval", 2.6, 2.4, 2.3, dict(lower=1.5, upper=2.2)),  # 4.5 % above
    "I-WARN": ("interval", 2.6, 2.5, 2.5, dict(lower=1.5, upper=2.2)),  # 13.6 % above
    "I-LOW": ("interval", 1.2, 1.3, 1.3, dict(lower=1.5, upper=2.2)),  # 13.3 % below
    "I-FAIL": ("interval", 2.6, 2.9, 3.0, dict(lower=1.5, upper=2.2)),
    "CMAX-OK": ("constraint", 80, 85, 90, dict(limit=100, limit_type="max")),
    "CMAX-NEAR": ("constraint", 80, 98, 99, dict(limit=100, limit_type="不超过")),
    "CMAX-BROKEN": ("constraint", 80, 99, 101, dict(limit=100)),  # default: must not exceed
    "CMIN-NEAR": ("constraint", 50, 49.5, 49.2, dict(limit=49, limit_type="min")),
    "CMIN-OK": ("constraint_min", 50, 55, 55, dict(limit=49)),
    "CMIN-BROKEN": ("约束", 50, 49, 48, dict(limit=49, limit_type="≥")),
    "NEUTRAL": ("neutral", 5, 6, 7, {}),
    "NO-TARGET": ("positive", 5, 6, 7, {}),
}
EXPECTED = {
    "P-REACHED": ("met", "reached"), "P-SCHEDULE": ("met", "on_schedule"), "P-GAP": ("nearly_met", "gap"),
    "P-LAG-NEAR": ("nearly_met", "lag"), "P-LAG-WARN": ("warning", "lag"), "P-LAG-FAIL": ("not_met", "lag"),
    "P-AWAY": ("not_met", "away"), "N-REACHED": ("met", "reached"), "N-LAG": ("warning", "lag"),
    "I-IN": ("met", "inside"), "I-NEAR": ("nearly_met", "outside"), "I-WARN": ("warning", "outside"),
    "I-LOW": ("warning", "outside"), "I-FAIL": ("not_met", "outside"),
    "CMAX-OK": ("met", "limit_ok"), "CMAX-NEAR": ("warning", "limit_near"), "CMAX-BROKEN": ("not_met", "limit_broken"),
    "CMIN-NEAR": ("warning", "limit_near"), "CMIN-OK": ("met", "limit_ok"), "CMIN-BROKEN": ("not_met", "limit_broken"),
    "NEUTRAL": ("not_assessed", "no_target"), "NO-TARGET": ("not_assessed", "no_target"),
}
AREAS = ("安全", "创新", "协调", "绿色", "开放", "共享")


def _inputs(cases=CASES):
    indicators, values, targets = [], [], []
    for i, (code, (direction, base, previous, current, target)) in enumerate(cases.items()):
        indicators.append(dict(code=code, level1=AREAS[i % 6], level2=f"L2-{i % 3}", name_zh=f"指标{code}", unit="%",
                               tier="基本", direction=direction, department=f"部门{i % 4}", data_source="统计年鉴"))
        values += [(code, 2020, "city", base), (code, 2023, "city", previous), (code, 2024, "city", current),
                   (code, 2024, "350203", current * 2)]
        targets.append(dict(code=code, **target))
    return (pd.DataFrame(indicators), pd.DataFrame(values, columns=["code", "year", "unit_code", "value"]),
            pd.DataFrame(targets))


def test_every_status_under_every_direction():
    indicators, values, targets = _inputs()
    result = diagnose(indicators, values, targets, current_year=2024, base_year=2020)
    table = result.table.set_index("code")
    assert list(result.table.columns[:len(TABLE_COLUMNS)]) == list(TABLE_COLUMNS)
    assert list(result.table["code"]) == list(CASES)  # catalog order
    got = {code: (table.loc[code, "status"], table.loc[code, "basis"]) for code in CASES}
    assert got == EXPECTED
    labels = dict(zip(table["status"], table["status_label"]))
    assert labels["met"] == "Met" and labels["warning"] == "Early warning"
    assert result.status_counts() == {"met": 6, "nearly_met": 3, "warning": 6, "not_met": 5, "not_assessed": 2}


def test_years_progress_and_change_numbers():
    indicators, values, targets = _inputs()
    table = diagnose(indicators, values, targets, current_year=2024).table.set_index("code")
    row = table.loc["P-LAG-WARN"]
    assert (row["base_value"], row["previous_value"], row["current_value"]) == (10, 14, 15)
    assert (row["previous_year"], row["target_year"], row["target_value"]) == (2023, 2025, 20)
    assert row["time_share"] == pytest.approx(0.8) and row["achieved_share"] == pytest.approx(0.5)
    assert row["lag_points"] == pytest.approx(30.0)
    assert row["change"] == pytest.approx(1.0) and row["change_pct"] == pytest.approx(100 / 14)
    assert row["change_since_base"] == pytest.approx(5.0) and row["change_since_base_pct"] == pytest.approx(50.0)
    assert row["gap"] == pytest.approx(0.25)
    assert (row["trend"], row["evaluation"]) == ("up", "improving")
    assert "30 points" in row["reason"] and "2025" in row["reason"]
    # the 2035 target applies after 2025
    assert table.loc["P-REACHED", "target_value"] == 42
    later = diagnose(indicators, values.assign(year=values["year"].replace({2024: 2026})), targets, current_year=2026,
                     previous_year=2023).table.set_index("code")
    assert later.loc["P-REACHED", "target_year"] == 2035 and later.loc["P-REACHED", "target_value"] == 50
    # 40 -> 43 toward 50 after 6 of 15 years: 30 % done against 40 % of the time -> lag 10 points
    assert later.loc["P-REACHED", "lag_points"] == pytest.approx(10.0)
    assert (later.loc["P-REACHED", "status"], later.loc["P-REACHED", "basis"]) == ("nearly_met", "lag")

def test_target_year_passed_uses_the_gap_rules():
    cases = {"X": ("positive", 80, 95, 97, dict(target_2025=100)), "Y": ("positive", 80, 90, 90, dict(target_2025=100)),
             "Z": ("positive", 80, 80, 80, dict(target_2025=100))}
    indicators, values, targets = _inputs(cases)
    values["year"] = values["year"].replace({2024: 2026})
    table = diagnose(indicators, values, targets, current_year=2026).table.set_index("code")
    assert bool(table.loc["X", "target_passed"]) and np.isnan(table.loc["X", "previous_value"])
    assert table.loc["X", "trend_from"] == "base"
    assert list(table["status"]) == ["nearly_met", "warning", "not_met"]
    assert list(table["basis"]) == ["gap", "gap", "gap"]


def test_without_a_base_value_only_the_gap_counts():
    indicators = pd.DataFrame([dict(code="A", level1="安全", name_zh="甲", unit="%", direction="positive")])
    values = pd.DataFrame([("A", 2024, "", 90.0)], columns=["code", "year", "unit_code", "value"])
    result = diagnose(indicators, values, pd.DataFrame([dict(code="A", target_2035=100)]), current_year=2024)
    row = result.table.iloc[0]
    assert np.isnan(row["base_value"]) and np.isnan(row["achieved_share"]) and np.isnan(row["lag_points"])
    assert (row["status"], row["basis"]) == ("warning", "gap")
    assert any("base year 2020" in w for w in result.warnings)
    # the base value can come from the targets table
    given = diagnose(indicators, values, pd.DataFrame([dict(code="A", target_2035=100, base_year_value=80)]),
                     current_year=2024).table.iloc[0]
    assert given["achieved_share"] == pytest.approx(0.5) and given["time_share"] == pytest.approx(4 / 15)
    assert given["status"] == "met" and given["basis"] == "on_schedule"


def test_rules_are_data_and_change_the_verdict(tmp_path):
    indicators, values, targets = _inputs()
    strict = {"directional": {"nearly_met_gap": 0.01, "warning_lag_points": 10}}
    table = diagnose(indicators, values, targets, current_year=2024, rules=strict).table.set_index("code")
    assert table.loc["P-GAP", "status"] == "nearly_met"  # lag 4 <= 10 still
    assert table.loc["P-LAG-NEAR", "status"] == "warning"  # lag 15 > 10
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"_comment": "city rules", "constraint": {"warning_margin": 0.0}}), encoding="utf-8")
    table = diagnose(indicators, values, targets, current_year=2024, rules=str(path)).table.set_index("code")
    assert table.loc["CMAX-NEAR", "status"] == "met"
    with pytest.raises(ValueError, match="Unknown status rule 'directional.nearly'"):
        load_rules({"directional": {"nearly": 1}})
    with pytest.raises(ValueError, match="must be a number"):
        load_rules({"directional": {"nearly_met_gap": "five"}})
    with pytest.raises(ValueError):
        load_rules({"directional": {"nearly_met_gap": 0.5, "warning_gap": 0.1}})
    assert load_rules() == DEFAULT_RULES and load_rules() is not DEFAULT_RULES


def test_trend_and_evaluation_primitives():
    assert list(trend([100, 100, 100, np.nan], [100.5, 102, 97, 1], 0.01)) == ["flat", "up", "down", "unknown"]
    direction = np.array(["positive", "negative", "interval", "interval", "constraint_max", "neutral"], dtype=object)
    ids = np.array(["up", "up", "down", "down", "down", "up"], dtype=object)
    earlier = np.array([1, 1, 3.0, 2.0, 5, 1])
    later = np.array([2, 2, 2.5, 1.0, 4, 2])
    lower = np.array([np.nan, np.nan, 1.5, 1.5, np.nan, np.nan])
    upper = np.array([np.nan, np.nan, 2.2, 2.2, np.nan, np.nan])
    assert list(evaluation(direction, ids, earlier, later, lower, upper)) == [
        "improving", "worsening", "improving", "worsening", "improving", "n/a"]
    time_share, achieved, lag = progress(np.array([10.0]), np.array([15.0]), np.array([20.0]), np.array([2020]),
                                         np.array([2024]), np.array([2035]))
    assert time_share[0] == pytest.approx(4 / 15) and achieved[0] == 0.5 and lag[0] == pytest.approx(400 / 15 - 50)
    assert list(normalise_direction(["正向", "逆向", "区间", "constraint", "constraint", "??", None],
                                    ["", "", "", "min", "", "", ""])) == [
        "positive", "negative", "interval", "constraint_min", "constraint_max", "neutral", "neutral"]
    assert fmt(1234.5) == "1,234.5" and fmt(float("nan")) == "—" and fmt(2.0) == "2"


def test_units_and_inputs():
    indicators, values, targets = _inputs()
    district = diagnose(indicators, values, targets, current_year=2024, unit_code="350203").table
    assert district["unit_code"].iloc[0] == "350203"
    assert district.set_index("code").loc["P-REACHED", "current_value"] == 86
    extra = pd.concat([values, pd.DataFrame([("ZZ", 2024, "city", 1.0)], columns=values.columns)])
    result = diagnose(indicators.iloc[:-1], extra, targets, current_year=2024)
    assert any("ZZ" in w for w in result.warnings) and "NO-TARGET" not in set(result.table["code"])
    with pytest.raises(ValueError, match="lacks column"):
        diagnose(indicators, values.drop(columns=["value"]))
    with pytest.raises(ValueError, match="No values for unit"):
        diagnose(indicators, values, unit_code="999999")


def test_peer_comparison():
    indicators, values, targets = _inputs({"UP": ("positive", 1, 2, 2.3, {}), "DOWN": ("negative", 9, 8, 7.5, {}),
                                          "RANGE": ("interval", 2.6, 2.4, 2.3, dict(lower=1.5, upper=2.2))})
    peers = pd.DataFrame([("UP", "厦门", 2.9), ("UP", "福州", 2.1), ("UP", "泉州", 1.8),
                          ("DOWN", "厦门", 7.0), ("DOWN", "福州", 8.0),
                          ("RANGE", "厦门", 2.0), ("RANGE", "福州", 2.5), ("RANGE", "泉州", 2.1)],
                         columns=["code", "city", "value"])
    result = diagnose(indicators, values, targets, current_year=2024, peers=peers)
    table = result.table.set_index("code")
    assert (table.loc["UP", "peer_count"], table.loc["UP", "peer_rank"]) == (4, 2)
    assert table.loc["UP", "peer_percentile"] == pytest.approx(200 / 3)
    assert table.loc["UP", "peer_median"] == pytest.approx(2.1) and table.loc["UP", "peer_position"] == "better"
    assert (table.loc["DOWN", "peer_rank"], table.loc["DOWN", "peer_position"]) == (2, "equal")
    # interval: 2.0 and 2.1 are inside (rank 1), 2.3 is 0.1 out (rank 3), 2.5 worst
    assert table.loc["RANGE", "peer_rank"] == 3 and table.loc["RANGE", "peer_position"] == "worse"
    assert set(result.peers.columns) >= {"code", "city", "value", "rank", "is_self"}


def test_strengths_weaknesses_and_tasks():
    indicators, values, targets = _inputs()
    result = diagnose(indicators, values, targets, current_year=2024)
    areas = result.areas.set_index("level1")
    assert list(areas.index) == list(AREAS)
    assert int(areas[["met", "nearly_met", "warning", "not_met", "not_assessed"]].to_numpy().sum()) == len(CASES)
    # 安全 holds cases 0, 6, 12, 18: P-REACHED met, P-AWAY not met, I-LOW warning, CMIN-OK met;
    # among the met, CMIN-OK is 12 % inside its limit, P-REACHED 2.4 % beyond its target
    anquan = areas.loc["安全"]
    assert (anquan["met"], anquan["warning"], anquan["not_met"]) == (2, 1, 1)
    assert anquan["best_code"] == "CMIN-OK" and anquan["worst_code"] == "P-AWAY"
    assert "binding limit" in anquan["best_reason"] and "Moved away" in anquan["worst_reason"]
    assert anquan["strengths"] == "指标CMIN-OK、指标P-REACHED" and anquan["weaknesses"] == "指标P-AWAY、指标I-LOW"
    assert anquan["summary"].startswith("安全: 2 of 4 indicators met")
    tasks = result.tasks
    assert len(tasks) == 11 and set(tasks["status"]) == {"warning", "not_met"}
    assert list(tasks["seq"]) == list(range(1, 12))
    assert tasks.iloc[0]["status"] == "not_met" and tasks.iloc[-1]["status"] == "warning"
    assert (tasks["deadline"] == "2025-12-31").all()
    first = tasks.iloc[0]
    assert first["department"] in first["measure"] and first["name_zh"] in first["problem"]
    assert first["priority"] == "High"
    only_failures = rectification_tasks(result.table, load_rules({"tasks": {"statuses": ["not_met"]}}), "2026-06-30")
    assert len(only_failures) == 5 and (only_failures["deadline"] == "2026-06-30").all()
