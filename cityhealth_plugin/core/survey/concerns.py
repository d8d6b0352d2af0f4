"""What residents complain about: topics and frequent phrases in open answers.

No NLP library: a configurable topic dictionary (topic -> keywords, matched as substrings)
and frequent character bigrams / trigrams after stop characters and stop words are turned
into breaks. Counts are per respondent (a respondent who writes 停车 twice counts once), so
"share" reads as "share of respondents who wrote an answer".
"""

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ..i18n import tr
from .importer import SurveyData


@dataclass
class Topic:
    id: str
    label: str  # shown as is; the default topics' labels are translated
    keywords: Tuple[str, ...]


def default_topics() -> List[Topic]:
    """The standard topic dictionary (labels in the UI language)."""
    return [
        Topic("traffic_congestion", tr("Traffic congestion"), ("拥堵", "堵车", "塞车", "交通堵", "太堵", "很堵", "堵得")),
        Topic("parking", tr("Parking shortage"), ("停车", "车位")),
        Topic("public_transport", tr("Public transport"), ("公交", "地铁", "轨道", "brt", "班次", "换乘", "线路")),
        Topic("noise", tr("Noise"), ("噪音", "噪声", "吵", "扰民")),
        Topic("housing_cost", tr("Housing prices and rents"), ("房价", "房租", "租金", "买不起", "租房", "住房")),
        Topic("education", tr("Schools and education"), ("教育", "学校", "学位", "入学", "幼儿园", "上学", "托育")),
        Topic("health_care", tr("Medical care"), ("医疗", "医院", "看病", "就医", "卫生院", "诊所", "挂号")),
        Topic("elderly_care", tr("Care for the elderly"), ("养老", "老年", "老人", "适老")),
        Topic("parks_green", tr("Parks and green space"), ("绿地", "公园", "绿化", "休闲空间")),
        Topic("food_market", tr("Food markets and shops"), ("菜市场", "农贸", "买菜", "超市", "菜场")),
        Topic("waste", tr("Waste and sanitation"), ("垃圾", "卫生差", "脏乱", "环境卫生", "异味", "臭")),
        Topic("public_order", tr("Public order and safety"), ("治安", "偷盗", "盗窃", "小偷", "安全隐患", "监控")),
        Topic("jobs", tr("Jobs and income"), ("就业", "工作机会", "找工作", "收入", "工资")),
        Topic("flooding", tr("Flooding after rain"), ("内涝", "积水", "淹水")),
        Topic("walking_cycling", tr("Walking and cycling"), ("人行道", "步行", "非机动车", "自行车道", "慢行")),
        Topic("culture_sport", tr("Culture and sports facilities"), ("文化", "体育", "健身", "活动中心", "图书馆")),
    ]


def topics_to_json(topics: Sequence[Topic]) -> str:
    return json.dumps([{"id": t.id, "label": t.label, "keywords": list(t.keywords)} for t in topics], ensure_ascii=False, indent=2)


def topics_from_json(text: str) -> List[Topic]:
    return [Topic(str(t["id"]), str(t.get("label", t["id"])), tuple(str(k) for k in t["keywords"])) for t in json.loads(text)]


# Characters and words that carry no topic; they become breaks before n-grams are counted.
STOP_CHARACTERS = "的了和与及或是在有也都很太还就要会对说个吧啊呢吗呀哦嘛着过得地把被让给比更最些这那其之以于为而且并等我你他她它们啦哈"
STOP_WORDS: Tuple[str, ...] = (
    "希望", "建议", "问题", "需要", "改善", "改进", "加强", "提高", "提升", "增加", "解决", "完善", "优化", "比较", "非常",
    "觉得", "感觉", "目前", "现在", "没有", "可以", "应该", "能够", "一些", "一下", "社区", "小区", "周边", "附近",
    "政府", "相关", "部门", "城市", "厦门", "居民", "市民", "方面", "情况", "进一步", "不够", "不足", "严重", "缺少", "缺乏", "无",
)
EMPTY_ANSWERS = {"", "无", "没有", "暂无", "没", "无意见", "没有意见", "无建议", "没有建议", "不知道", "都挺好", "挺好", "很好", "-", "/", "nan", "none"}


def _clean(texts: pd.Series) -> pd.Series:
    folded = texts.fillna("").astype(str).str.normalize("NFKC").str.strip().str.lower()
    return folded.where(~folded.isin(EMPTY_ANSWERS), "")


def combine_open_text(data: SurveyData, columns: Optional[Sequence[str]] = None) -> pd.Series:
    """All open answers of a respondent joined with a break ('|')."""
    if data.open_text.shape[1] == 0:
        return pd.Series("", index=data.index, dtype=object)
    frame = data.open_text[list(columns)] if columns else data.open_text
    cleaned = frame.apply(_clean)
    return cleaned.agg("|".join, axis=1)


def topic_hits(texts: pd.Series, topics: Optional[Sequence[Topic]] = None) -> pd.DataFrame:
    """Respondents × topics: True where the answer mentions one of the topic's keywords."""
    topics = list(topics) if topics is not None else default_topics()
    cleaned = _clean(texts)
    hits = {}
    for topic in topics:
        words = [re.escape(unicodedata.normalize("NFKC", k).lower()) for k in topic.keywords if k]
        hits[topic.id] = cleaned.str.contains("|".join(words), regex=True) if words else False
    return pd.DataFrame(hits, index=texts.index)


def _group_codes(index, groups, order=None):
    if groups is None:
        return np.zeros(len(index), dtype=np.int64), [None]
    values = pd.Series(groups).reindex(index)
    present = set(values.dropna())
    first = [g for g in (order or []) if g in present]
    names = first + sorted(present - set(first))
    return pd.Categorical(values, categories=names).codes.astype(np.int64), names


def concern_topics(texts: pd.Series, groups: Optional[pd.Series] = None, topics: Optional[Sequence[Topic]] = None,
                   weights=None, order: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """group, topic, label, mentions, answered, share (of respondents who answered), weighted_share, rank."""
    topics = list(topics) if topics is not None else default_topics()
    hits = topic_hits(texts, topics)
    answered = _clean(texts).str.replace("|", "", regex=False) != ""
    codes, names = _group_codes(texts.index, groups, order)
    ok = codes >= 0
    w = np.ones(len(texts)) if weights is None else pd.Series(weights).reindex(texts.index).fillna(0).to_numpy(dtype=float)
    n_groups, n_topics = len(names), len(topics)
    h = hits.to_numpy(dtype=float)[ok]
    a = answered.to_numpy(dtype=float)[ok]
    c, wk = codes[ok], w[ok]
    mentions = np.zeros((n_groups, n_topics))
    wmentions = np.zeros((n_groups, n_topics))
    np.add.at(mentions, c, h)
    np.add.at(wmentions, c, h * wk[:, None])
    n_answered = np.bincount(c, weights=a, minlength=n_groups)
    w_answered = np.bincount(c, weights=a * wk, minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        table = pd.DataFrame({
            "group": np.repeat(np.array(names, dtype=object), n_topics),
            "topic": np.tile([t.id for t in topics], n_groups),
            "label": np.tile([t.label for t in topics], n_groups),
            "mentions": mentions.ravel().astype(int),
            "answered": np.repeat(n_answered.astype(int), n_topics),
            "share": (mentions / n_answered[:, None]).ravel(),
            "weighted_share": (wmentions / w_answered[:, None]).ravel(),
        })
    table["_g"] = np.repeat(np.arange(n_groups), n_topics)
    table = table.sort_values(["_g", "mentions", "topic"], ascending=[True, False, True], kind="stable").drop(columns="_g")
    table["rank"] = table.groupby("group", dropna=False, sort=False).cumcount() + 1
    if groups is None:
        table = table.drop(columns="group")
    return table.reset_index(drop=True)


def _segments(text: str, stop_chars: str, stop_words: Sequence[str]) -> List[str]:
    for word in sorted(stop_words, key=len, reverse=True):
        text = text.replace(word, "|")
    pattern = "[^\u4e00-\u9fff]+" if not stop_chars else "[^\u4e00-\u9fff]+|[" + re.escape(stop_chars) + "]"
    return [s for s in re.split(pattern, text) if s]


def _ngrams_of(text: str, sizes, stop_chars, stop_words) -> set:
    found = set()
    for seg in _segments(text, stop_chars, stop_words):
        for n in sizes:
            found.update(seg[i:i + n] for i in range(len(seg) - n + 1))
    return found


def merge_overlapping(counts: Dict[str, int]) -> Dict[str, int]:
    """Join same-size, same-count n-grams that overlap by all but one character, when the chain
    is unambiguous (one successor, one predecessor); other n-grams are returned unchanged."""
    result: Dict[str, int] = {}
    groups: Dict[Tuple[int, int], List[str]] = {}
    for gram, count in counts.items():
        groups.setdefault((len(gram), count), []).append(gram)
    for (_, count), grams in groups.items():
        by_prefix: Dict[str, List[str]] = {}
        by_suffix: Dict[str, List[str]] = {}
        for g in grams:
            by_prefix.setdefault(g[:-1], []).append(g)
            by_suffix.setdefault(g[1:], []).append(g)
        nxt = {g: by_prefix[g[1:]][0] for g in grams if len(by_prefix.get(g[1:], [])) == 1 and by_prefix[g[1:]][0] != g}
        prv = {g: by_suffix[g[:-1]][0] for g in grams if len(by_suffix.get(g[:-1], [])) == 1 and by_suffix[g[:-1]][0] != g}
        link = {g: h for g, h in nxt.items() if prv.get(h) == g}  # unambiguous both ways
        linked_to = set(link.values())
        done = set()
        for g in sorted(grams):
            if g in done or g in linked_to:
                continue
            phrase, current = g, g
            done.add(g)
            while current in link and link[current] not in done:
                current = link[current]
                done.add(current)
                phrase += current[-1]
            result[phrase] = max(result.get(phrase, 0), count)
        for g in grams:  # cycles (哈哈哈) have no start: keep them as they are
            if g not in done:
                result[g] = max(result.get(g, 0), count)
    return result


def frequent_ngrams(texts: pd.Series, groups: Optional[pd.Series] = None, sizes: Sequence[int] = (2, 3), top: int = 20,
                    min_count: int = 3, stop_chars: str = STOP_CHARACTERS, stop_words: Sequence[str] = STOP_WORDS,
                    drop_covered: bool = True, merge_chains: bool = True, order: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """group, ngram, size, count (respondents using it), share, rank — the ``top`` per group.

    Only Chinese characters are used; stop characters and stop words split the text. With
    ``drop_covered`` a bigram counted exactly as often as a trigram containing it is dropped
    (it is part of the longer phrase, e.g. 停车 inside 停车难). With ``merge_chains`` n-grams of
    one size and the same count that overlap in a simple chain (上下班, 下班路, 班路上) are
    joined into the phrase they come from (上下班路上).
    """
    cleaned = _clean(texts)
    codes, names = _group_codes(texts.index, groups, order)
    rows = []
    grams_per_row = [_ngrams_of(t, sizes, stop_chars, stop_words) if t else set() for t in cleaned.to_numpy()]
    answered = (cleaned.str.replace("|", "", regex=False) != "").to_numpy()
    for g, name in enumerate(names):
        members = np.flatnonzero(codes == g)
        counter = Counter()
        for i in members:
            counter.update(grams_per_row[i])
        n_answered = int(answered[members].sum())
        kept = {gram: count for gram, count in counter.items() if count >= min_count}
        if drop_covered:
            covered = set()
            for gram, count in kept.items():
                for n in sizes:
                    if n < len(gram):
                        covered.update(sub for sub in (gram[i:i + n] for i in range(len(gram) - n + 1)) if kept.get(sub) == count)
            kept = {gram: count for gram, count in kept.items() if gram not in covered}
        if merge_chains:
            kept = merge_overlapping(kept)
        best = sorted(kept.items(), key=lambda item: (-item[1], item[0]))[:top]
        for rank, (gram, count) in enumerate(best, start=1):
            rows.append((name, gram, len(gram), count, count / n_answered if n_answered else np.nan, rank))
    table = pd.DataFrame(rows, columns=["group", "ngram", "size", "count", "share", "rank"])
    if groups is None:
        table = table.drop(columns="group")
    return table


@dataclass
class ConcernResult:
    topics: pd.DataFrame  # city-wide concern_topics
    topics_by_district: pd.DataFrame
    ngrams: pd.DataFrame
    ngrams_by_district: pd.DataFrame
    answered: int
    notes: List[str] = field(default_factory=list)


def analyse_concerns(data: SurveyData, topics: Optional[Sequence[Topic]] = None, weights=None, by: str = "district",
                     top: int = 20, min_count: int = 3, order: Optional[Sequence[str]] = None) -> ConcernResult:
    """Topics and frequent phrases of all open answers, city-wide and per district."""
    texts = combine_open_text(data)
    notes = []
    if data.open_text.shape[1] == 0:
        notes.append(tr("No open-answer column is mapped; concerns cannot be counted."))
    w = getattr(weights, "weights", weights)
    groups = data.attribute(by)
    answered = int((texts.str.replace("|", "", regex=False) != "").sum())
    return ConcernResult(
        concern_topics(texts, None, topics, w),
        concern_topics(texts, groups, topics, w, order).rename(columns={"group": by}) if groups is not None else pd.DataFrame(),
        frequent_ngrams(texts, None, top=top, min_count=min_count),
        frequent_ngrams(texts, groups, top=top, min_count=min_count, order=order).rename(columns={"group": by})
        if groups is not None else pd.DataFrame(),
        answered,
        notes,
    )
