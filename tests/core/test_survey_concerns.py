"""Open answers: topic dictionary counts per district and frequent character n-grams."""

import pandas as pd
import pytest

from cityhealth_plugin.core.survey.concerns import (
    Topic,
    concern_topics,
    frequent_ngrams,
    merge_overlapping,
    topic_hits,
    topics_from_json,
    topics_to_json,
)

TEXTS = pd.Series([
    "小区停车位太少，停车难",
    "停车难，早晚高峰堵车",
    "菜市场太远，买菜不方便",
    "无",
    "",
    "夜间施工噪音扰民，停车难",
    None,
])
GROUPS = pd.Series(["A", "A", "B", "B", "A", "B", "B"])


def test_topic_hits_and_counts_per_district():
    hits = topic_hits(TEXTS)
    assert hits["parking"].tolist() == [True, True, False, False, False, True, False]
    assert hits["traffic_congestion"].tolist() == [False, True, False, False, False, False, False]
    table = concern_topics(TEXTS, GROUPS).set_index(["group", "topic"])
    assert table.loc[("A", "parking"), "mentions"] == 2 and table.loc[("A", "parking"), "answered"] == 2
    assert table.loc[("B", "parking"), "mentions"] == 1 and table.loc[("B", "parking"), "answered"] == 2  # "无" is no answer
    assert table.loc[("B", "parking"), "share"] == pytest.approx(0.5)
    assert table.loc[("A", "parking"), "rank"] == 1
    city = concern_topics(TEXTS).set_index("topic")
    assert city.loc["parking", "mentions"] == 3 and city.loc["parking", "answered"] == 4


def test_custom_topics_and_json_round_trip():
    topics = [Topic("dogs", "Dogs", ("狗", "宠物")), Topic("lifts", "Lifts", ("电梯",))]
    assert topics_from_json(topics_to_json(topics)) == topics
    hits = topic_hits(pd.Series(["楼里没有电梯", "遛狗不拴绳", "宠物粪便"]), topics)
    assert hits.sum().to_dict() == {"dogs": 2, "lifts": 1}


def test_frequent_ngrams_counts_respondents_and_drops_covered_bigrams():
    table = frequent_ngrams(TEXTS, min_count=2, top=10)
    counts = dict(zip(table["ngram"], table["count"]))
    assert counts == {"停车难": 3}  # 停车 (3) is covered by 停车难 (3); 停车位 appears once
    by = frequent_ngrams(TEXTS, GROUPS, min_count=1, top=50)
    a = by[by["group"] == "A"].set_index("ngram")["count"]
    assert a["停车难"] == 2 and "停车位" in a.index
    # stop characters split words: nothing spans "的" or punctuation
    assert not any("，" in g or "的" in g for g in by["ngram"])


def test_merge_overlapping_chains():
    merged = merge_overlapping({"上下班": 5, "下班路": 5, "班路上": 5, "停车难": 7, "ab": 2, "bc": 2, "bd": 2})
    assert merged == {"上下班路上": 5, "停车难": 7, "ab": 2, "bc": 2, "bd": 2}  # ab->bc|bd is ambiguous: kept
