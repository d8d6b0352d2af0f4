"""A realistic demo questionnaire set for Xiamen, with known faults and a known truth.

``generate_demo_survey`` returns the questionnaire table (Chinese headers as a survey
platform exports them), the rows that were deliberately spoiled (by kind), the mapping that
fits the headers, and the population "truth" the answers were drawn from:

* answers come from a latent score = district level (per dimension) + question offset + age
  effect + education effect + respondent effect + noise, cut into 1–5;
* the sample over-represents young and highly educated respondents (who are more critical
  here), so unweighted scores are too low and weighting matters;
* occupation depends on age (students are young, retirees old) but has no own effect;
* the truth per district and dimension is the expected score under the population shares of
  ``demo_population_margins`` (age and education independent), computed exactly.

The population shares are plausible figures for illustration, not official statistics.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np
import pandas as pd
import shapely
from scipy import stats
from shapely.geometry import shape

from ...resources_paths import DATA
from .mapping import DIMENSIONS, QuestionSpec, SurveyMapping
from .screening import DistrictPolygons

XIAMEN_DISTRICTS = ("思明区", "海沧区", "湖里区", "集美区", "同安区", "翔安区")
AGE_BANDS = ("18-24岁", "25-34岁", "35-44岁", "45-59岁", "60岁及以上")
EDUCATION = ("初中及以下", "高中/中专", "大专", "本科", "研究生及以上")
OCCUPATIONS = ("企业职员", "公务员/事业单位", "个体/自由职业", "工人", "离退休", "学生", "其他")
YEARS = ("1年以下", "1-5年", "5-10年", "10年以上")
LABELS = ("非常不满意", "不满意", "一般", "满意", "非常满意")

# (dimension, question text, offset on the latent scale)
QUESTIONS = (
    ("safety", "城市治安状况", 0.15),
    ("safety", "消防与应急避难设施", -0.10),
    ("safety", "防洪排涝(雨后积水)情况", -0.25),
    ("safety", "交通安全状况", 0.0),
    ("living", "购物和菜市场便利程度", 0.15),
    ("living", "看病就医便利程度", -0.20),
    ("living", "中小学和幼儿园入学便利程度", -0.15),
    ("living", "社区养老服务", -0.05),
    ("natural", "公园绿地的数量和品质", 0.10),
    ("natural", "空气质量", 0.30),
    ("natural", "河流和海域水体环境", -0.05),
    ("natural", "噪音控制情况", -0.30),
    ("cultural", "历史文化保护和城市风貌", 0.20),
    ("cultural", "文化和体育设施", -0.05),
    ("cultural", "社区邻里关系与公共活动", 0.05),
    ("cultural", "休闲娱乐场所", -0.10),
    ("travel", "公共交通(公交地铁)出行便利程度", 0.10),
    ("travel", "停车方便程度", -0.45),
    ("travel", "步行和骑行环境", 0.05),
    ("travel", "上下班通勤时间", -0.15),
    ("openness", "就业和创业机会", -0.15),
    ("openness", "城市创新氛围", 0.05),
    ("openness", "城市开放包容程度", 0.25),
    ("openness", "营商环境", 0.0),
)
OPEN_QUESTIONS = ("您认为所在社区最需要改善的问题", "您对城市建设的其他意见和建议")
HEADER_ID, HEADER_DISTRICT, HEADER_AGE, HEADER_EDU = "问卷编号", "所在区", "年龄段", "学历"
HEADER_OCC, HEADER_YEARS, HEADER_TIME, HEADER_LON, HEADER_LAT = "职业", "居住年限", "答题时长(秒)", "经度", "纬度"

# Latent district levels per dimension (order of DIMENSIONS).
DISTRICT_LEVELS = {
    "思明区": (4.00, 4.10, 3.90, 4.20, 3.10, 3.95),
    "海沧区": (3.90, 3.45, 4.10, 3.60, 3.40, 3.70),
    "湖里区": (3.80, 3.90, 3.50, 3.80, 3.45, 4.00),
    "集美区": (3.90, 3.70, 4.00, 3.95, 3.60, 3.70),
    "同安区": (3.70, 3.40, 3.80, 3.50, 3.20, 3.40),
    "翔安区": (3.60, 3.15, 4.05, 3.40, 3.00, 3.50),
}
AGE_EFFECT = (-0.25, -0.20, -0.05, 0.10, 0.30)
EDU_EFFECT = (0.20, 0.10, 0.0, -0.15, -0.25)
SIGMA_RESPONDENT, SIGMA_NOISE = 0.45, 0.70
THRESHOLDS = (1.5, 2.5, 3.5, 4.5)

# Sample (who answers) versus population (who lives there).
SAMPLE_DISTRICT = (0.26, 0.10, 0.22, 0.20, 0.12, 0.10)
SAMPLE_AGE = (0.22, 0.36, 0.22, 0.13, 0.07)
SAMPLE_EDU = (0.10, 0.15, 0.20, 0.42, 0.13)
POP_DISTRICT_RESIDENTS = (1073315, 582519, 1036974, 1035791, 856120, 579887)  # 2020 census, rounded use
POP_AGE = (0.13, 0.27, 0.23, 0.24, 0.13)
POP_EDU = (0.51, 0.17, 0.13, 0.16, 0.03)
OCC_GIVEN_AGE = np.array([
    [0.30, 0.03, 0.07, 0.10, 0.00, 0.45, 0.05],
    [0.50, 0.10, 0.15, 0.17, 0.00, 0.03, 0.05],
    [0.45, 0.12, 0.20, 0.17, 0.00, 0.00, 0.06],
    [0.35, 0.10, 0.20, 0.20, 0.07, 0.00, 0.08],
    [0.03, 0.01, 0.05, 0.03, 0.83, 0.00, 0.05],
])
YEARS_SHARES = (0.10, 0.30, 0.25, 0.35)

# Open answers: phrases per topic and how often each district raises each topic.
PHRASES = {
    "traffic_congestion": ("早晚高峰道路拥堵严重", "上下班路上太堵了", "主干道经常堵车"),
    "parking": ("小区停车位太少，停车难", "停车难，乱停车现象多", "希望增加公共停车位"),
    "public_transport": ("公交班次太少，等车时间长", "希望地铁线路延伸过来", "公交换乘不方便"),
    "noise": ("夜间施工噪音扰民", "广场舞太吵", "马路噪音太大"),
    "housing_cost": ("房价太高，年轻人买不起", "房租上涨太快", "希望多建保障性住房"),
    "education": ("学位紧张，孩子入学难", "附近缺少好的学校", "幼儿园太少"),
    "health_care": ("看病不方便，医院太远", "社区卫生服务中心医生太少", "大医院挂号难"),
    "elderly_care": ("养老设施不足", "老人活动场所太少", "希望增加社区养老服务"),
    "parks_green": ("缺少公园和绿地", "希望多建口袋公园", "绿化有待加强"),
    "food_market": ("菜市场太远，买菜不方便", "缺少大型超市", "农贸市场环境差"),
    "waste": ("垃圾分类不到位，垃圾清运不及时", "路边垃圾桶有异味", "环境卫生脏乱"),
    "public_order": ("夜间治安需要加强", "电动车被偷，监控太少"),
    "jobs": ("就业机会少，工资不高", "希望有更多工作机会"),
    "flooding": ("下雨后路面积水严重", "台风天内涝"),
}
TOPIC_WEIGHTS = {
    "思明区": {"parking": 6, "traffic_congestion": 4, "housing_cost": 4, "noise": 2, "elderly_care": 2},
    "海沧区": {"public_transport": 6, "health_care": 4, "food_market": 2, "education": 2},
    "湖里区": {"noise": 6, "parking": 4, "traffic_congestion": 3, "housing_cost": 2},
    "集美区": {"education": 6, "traffic_congestion": 4, "public_transport": 2},
    "同安区": {"public_transport": 6, "jobs": 4, "health_care": 3, "flooding": 2, "waste": 2},
    "翔安区": {"health_care": 6, "food_market": 4, "education": 3, "public_transport": 3},
}
OUTSIDE_BOXES = ((118.55, 24.85, 118.70, 24.95), (117.60, 24.45, 117.75, 24.55), (118.30, 24.40, 118.45, 24.47))
OUTSIDE_NAMES = ("泉州市丰泽区", "漳州市龙海区", "外地")
BAD_KINDS = ("incomplete", "straight_lining", "too_fast", "duplicate_id", "duplicate_answers", "outside_city")


def question_headers() -> List[str]:
    return [f"Q{i} 您对{text}的满意度" for i, (_, text, _) in enumerate(QUESTIONS, start=1)]


def demo_mapping() -> SurveyMapping:
    """The mapping that fits the demo headers exactly."""
    questions = [QuestionSpec(h, f"Q{i}", dim, f"您对{text}的满意度")
                 for i, (h, (dim, text, _)) in enumerate(zip(question_headers(), QUESTIONS), start=1)]
    attributes = {"respondent_id": HEADER_ID, "district": HEADER_DISTRICT, "age": HEADER_AGE, "education": HEADER_EDU,
                  "occupation": HEADER_OCC, "years_resident": HEADER_YEARS, "duration": HEADER_TIME,
                  "x": HEADER_LON, "y": HEADER_LAT}
    return SurveyMapping(questions, attributes, list(OPEN_QUESTIONS), "lonlat")


def demo_population_margins() -> Dict[str, Dict[str, float]]:
    """Plausible population shares of Xiamen adults (illustrative, not official statistics)."""
    residents = np.array(POP_DISTRICT_RESIDENTS, dtype=float)
    occupation = np.asarray(POP_AGE) @ OCC_GIVEN_AGE
    return {
        "district": dict(zip(XIAMEN_DISTRICTS, (residents / residents.sum()).round(6))),
        "age": dict(zip(AGE_BANDS, POP_AGE)),
        "education": dict(zip(EDUCATION, POP_EDU)),
        "occupation": dict(zip(OCCUPATIONS, occupation.round(6))),
    }


def demo_objective_indicators() -> pd.DataFrame:
    """District × indicator code values for the subjective/objective comparison (illustrative)."""
    values = {
        #          A-18  A-19  F-06  F-10  F-21  F-22  F-17  B-05  F-05  F-01  B-14
        "思明区": (2.1, 92.0, 88.0, 90.0, 13.5, 86.0, 85.0, 9.8, 62.0, 33.0, 60.0),
        "海沧区": (3.0, 78.0, 70.0, 72.0, 16.0, 80.0, 60.0, 6.2, 18.0, 36.0, 45.0),
        "湖里区": (1.8, 90.0, 84.0, 86.0, 10.5, 78.0, 72.0, 8.9, 55.0, 34.0, 62.0),
        "集美区": (2.6, 82.0, 75.0, 78.0, 15.5, 82.0, 74.0, 7.0, 35.0, 37.0, 48.0),
        "同安区": (2.4, 70.0, 58.0, 60.0, 14.0, 70.0, 52.0, 5.1, 8.0, 39.0, 25.0),
        "翔安区": (2.8, 68.0, 55.0, 56.0, 15.0, 74.0, 50.0, 5.6, 30.0, 41.0, 30.0),
    }
    codes = ["A-18", "A-19", "F-06", "F-10", "F-21", "F-22", "F-17", "B-05", "F-05", "F-01", "B-14"]
    return pd.DataFrame.from_dict(values, orient="index", columns=codes)


def xiamen_district_polygons() -> DistrictPolygons:
    """The bundled Xiamen district outlines (lon/lat, simplified), repaired with make_valid."""
    data = json.loads((DATA / "xiamen_districts.geojson").read_text(encoding="utf-8"))
    names = [f["properties"]["name"] for f in data["features"]]
    return DistrictPolygons(names, [shape(f["geometry"]) for f in data["features"]])


def _expected_answer(mu):
    sigma = np.hypot(SIGMA_RESPONDENT, SIGMA_NOISE)
    mu = np.asarray(mu, dtype=float)
    return 1.0 + sum(stats.norm.cdf((mu - t) / sigma) for t in THRESHOLDS)


def demo_truth() -> pd.DataFrame:
    """Expected population score (0–100) per district (rows) and dimension, plus 'overall';
    the last row 'city' weights districts by population."""
    margins = demo_population_margins()
    offsets = np.array([q[2] for q in QUESTIONS])
    dims = np.array([q[0] for q in QUESTIONS])
    person = (np.asarray(AGE_EFFECT)[:, None] + np.asarray(EDU_EFFECT)[None, :]).ravel()
    person_w = (np.asarray(POP_AGE)[:, None] * np.asarray(POP_EDU)[None, :]).ravel()
    rows = {}
    for district, levels in DISTRICT_LEVELS.items():
        level = np.array([levels[DIMENSIONS.index(d)] for d in dims])
        mu = level[:, None] + offsets[:, None] + person[None, :]
        item_expect = _expected_answer(mu) @ person_w  # per question
        per_dim = {d: float(item_expect[dims == d].mean()) for d in DIMENSIONS}
        rows[district] = {d: (v - 1) / 4 * 100 for d, v in per_dim.items()}
    table = pd.DataFrame.from_dict(rows, orient="index")[list(DIMENSIONS)]
    table["overall"] = table[list(DIMENSIONS)].mean(axis=1)
    share = pd.Series(margins["district"])
    table.loc["city"] = (table.loc[list(XIAMEN_DISTRICTS)].mul(share, axis=0)).sum()
    return table


@dataclass
class DemoSurvey:
    frame: pd.DataFrame  # the questionnaire table, Chinese headers
    bad_rows: Dict[str, np.ndarray]  # kind -> positions (0-based rows of frame)
    mapping: SurveyMapping
    truth: pd.DataFrame  # demo_truth()
    notes: List[str] = field(default_factory=list)

    @property
    def bad_positions(self) -> np.ndarray:
        return np.unique(np.concatenate(list(self.bad_rows.values()))) if self.bad_rows else np.array([], dtype=int)


def _break_ties(matrix: np.ndarray) -> None:
    """In rows whose answered items are all equal, move the first answer one step (in place)."""
    with np.errstate(all="ignore"):
        flat = np.flatnonzero(np.nanmax(matrix, axis=1) == np.nanmin(matrix, axis=1))
    if len(flat):
        col = np.argmax(np.isfinite(matrix[flat]), axis=1)
        value = matrix[flat, col]
        matrix[flat, col] = np.where(value >= 3, value - 1, value + 1)


def _points_in(polygon, count, rng):
    minx, miny, maxx, maxy = polygon.bounds
    shapely.prepare(polygon)
    found_x, found_y, have = [], [], 0
    while have < count:
        x = rng.uniform(minx, maxx, 4 * (count - have) + 16).round(6)  # as written to the table
        y = rng.uniform(miny, maxy, len(x)).round(6)
        inside = shapely.contains_xy(polygon, x, y)
        found_x.append(x[inside])
        found_y.append(y[inside])
        have += int(inside.sum())
    return np.concatenate(found_x)[:count], np.concatenate(found_y)[:count]


def _sample_shares(districts) -> np.ndarray:
    """Sampling shares of the given districts: Xiamen's known ones, equal shares for others."""
    known = dict(zip(XIAMEN_DISTRICTS, SAMPLE_DISTRICT))
    shares = np.array([known.get(name, 1.0 / len(XIAMEN_DISTRICTS)) for name in districts], dtype=float)
    return shares / shares.sum()


def _draw_people(n, rng, districts):
    d = rng.choice(len(districts), size=n, p=_sample_shares(districts))
    a = rng.choice(len(AGE_BANDS), size=n, p=SAMPLE_AGE)
    e = rng.choice(len(EDUCATION), size=n, p=SAMPLE_EDU)
    cumulative = OCC_GIVEN_AGE.cumsum(axis=1)[a]
    o = (rng.random(n)[:, None] > cumulative).sum(axis=1).clip(0, len(OCCUPATIONS) - 1)
    y = rng.choice(len(YEARS), size=n, p=YEARS_SHARES)
    return d, a, e, o, y


def _draw_answers(d, a, e, rng, districts):
    levels = np.array([DISTRICT_LEVELS[name] for name in districts])  # district × dimension
    dim_idx = np.array([DIMENSIONS.index(q[0]) for q in QUESTIONS])
    offsets = np.array([q[2] for q in QUESTIONS])
    mu = levels[d][:, dim_idx] + offsets[None, :] + np.asarray(AGE_EFFECT)[a][:, None] + np.asarray(EDU_EFFECT)[e][:, None]
    latent = mu + rng.normal(0, SIGMA_RESPONDENT, (len(d), 1)) + rng.normal(0, SIGMA_NOISE, mu.shape)
    return 1 + (latent[:, :, None] > np.asarray(THRESHOLDS)[None, None, :]).sum(axis=2)


def _open_answers(d, rng, districts):
    topics = list(PHRASES)
    weights = np.array([[TOPIC_WEIGHTS.get(name, {}).get(t, 0.5) for t in topics] for name in districts])
    n = len(d)
    # two distinct topics per respondent by the Gumbel-top-k trick on log weights
    keys = np.log(weights[d]) + rng.gumbel(size=(n, len(topics)))
    order = np.argsort(-keys, axis=1)
    first, second = order[:, 0], order[:, 1]
    phrase_of = [np.array(PHRASES[t], dtype=object) for t in topics]

    def phrase(topic_idx):
        out = np.empty(n, dtype=object)
        pick = rng.random(n)
        for k, options in enumerate(phrase_of):
            rows = topic_idx == k
            out[rows] = options[(pick[rows] * len(options)).astype(int)]
        return out

    one, two = phrase(first), phrase(second)
    both = rng.random(n) < 0.4
    text1 = np.where(both, one + "；" + two, one).astype(object)
    text1 = np.where(rng.random(n) < 0.15, "", text1).astype(object)
    third = phrase(order[:, 2])
    text2 = np.where(rng.random(n) < 0.35, third, np.where(rng.random(n) < 0.5, "无", "")).astype(object)
    return text1, text2


def generate_demo_survey(n: int = 3400, seed: int = 2024, districts: Sequence[str] = XIAMEN_DISTRICTS,
                         n_incomplete: int = 60, n_straight: int = 50, n_fast: int = 70, n_duplicate_id: int = 20,
                         n_duplicate_answers: int = 20, n_outside: int = 30, answer_format: str = "label",
                         polygons: Optional[DistrictPolygons] = None) -> DemoSurvey:
    """Questionnaires with Chinese headers; ``n`` rows in all, the spoiled ones included.

    Every clean row passes the default ``ScreeningRules`` (answer time ≥ 200 s, at most two
    '不清楚', never the same answer throughout, unique id, location inside its district);
    each spoiled row has its fault (``bad_rows``), and duplicates come after their original.
    ``answer_format`` "label" writes 非常不满意…非常满意, "number" writes 1–5.
    """
    districts = list(districts)
    unknown = [d for d in districts if d not in DISTRICT_LEVELS]
    if unknown:
        raise ValueError(f"demo levels exist only for {', '.join(DISTRICT_LEVELS)}; not for {', '.join(unknown)}")
    rng = np.random.default_rng(seed)
    counts = {"incomplete": n_incomplete, "straight_lining": n_straight, "too_fast": n_fast,
              "duplicate_id": n_duplicate_id, "duplicate_answers": n_duplicate_answers, "outside_city": n_outside}
    n_bad = sum(counts.values())
    n_base = n - n_duplicate_id - n_duplicate_answers  # rows drawn as people; duplicates are copies
    if n_base <= n_bad:
        raise ValueError("n is too small for the requested faulty rows")
    polygons = polygons or xiamen_district_polygons()
    poly_of = dict(zip(polygons.names, polygons.geometries))

    d, a, e, o, y = _draw_people(n_base, rng, districts)
    answers = _draw_answers(d, a, e, rng, districts).astype(float)
    n_items = answers.shape[1]
    duration = np.maximum(np.exp(rng.normal(np.log(420), 0.35, n_base)), 200.0).round()
    lon = np.empty(n_base)
    lat = np.empty(n_base)
    for k, name in enumerate(districts):
        rows = np.flatnonzero(d == k)
        lon[rows], lat[rows] = _points_in(poly_of[name], len(rows), rng)
    district_names = np.array(districts, dtype=object)[d]

    # roles: which drawn rows get which fault (the rest are clean)
    roles = np.full(n_base, "clean", dtype=object)
    spoil = rng.permutation(n_base)
    start = 0
    for kind in ("incomplete", "straight_lining", "too_fast", "outside_city"):
        roles[spoil[start:start + counts[kind]]] = kind
        start += counts[kind]

    # at most two "no opinion" answers in a clean-looking row
    n_missing = rng.choice([0, 1, 2], size=n_base, p=[0.7, 0.2, 0.1])
    ranks = np.argsort(rng.random((n_base, n_items)), axis=1).argsort(axis=1)
    answers[ranks < n_missing[:, None]] = np.nan
    # nobody except the straight-liners answers the same throughout
    _break_ties(answers)

    rows = roles == "incomplete"
    share = rng.uniform(0.35, 0.7, rows.sum())
    ranks_bad = np.argsort(rng.random((rows.sum(), n_items)), axis=1).argsort(axis=1)
    block = answers[rows]
    block[ranks_bad < np.ceil(share * n_items)[:, None]] = np.nan
    _break_ties(block)  # keep the fault pure: not also a straight-liner
    answers[rows] = block
    rows = roles == "straight_lining"
    answers[rows] = rng.choice([1, 3, 4, 5], size=rows.sum(), p=[0.1, 0.3, 0.3, 0.3])[:, None]
    rows = roles == "too_fast"
    duration[rows] = rng.integers(15, 110, rows.sum())
    rows = np.flatnonzero(roles == "outside_city")
    box = rng.integers(0, len(OUTSIDE_BOXES), len(rows))
    for k, (x0, y0, x1, y1) in enumerate(OUTSIDE_BOXES):
        sel = rows[box == k]
        lon[sel], lat[sel] = rng.uniform(x0, x1, len(sel)), rng.uniform(y0, y1, len(sel))
    renamed = rows[: len(rows) // 3]
    district_names[renamed] = np.array(OUTSIDE_NAMES, dtype=object)[rng.integers(0, len(OUTSIDE_NAMES), len(renamed))]

    ids = np.array([f"XM{seed % 10000:04d}-{i:05d}" for i in range(1, n_base + 1)], dtype=object)
    text1, text2 = _open_answers(d, rng, districts)
    base = pd.DataFrame({
        HEADER_ID: ids, HEADER_DISTRICT: district_names,
        HEADER_AGE: np.array(AGE_BANDS, dtype=object)[a], HEADER_EDU: np.array(EDUCATION, dtype=object)[e],
        HEADER_OCC: np.array(OCCUPATIONS, dtype=object)[o], HEADER_YEARS: np.array(YEARS, dtype=object)[y],
        HEADER_TIME: duration.astype(int), HEADER_LON: lon.round(6), HEADER_LAT: lat.round(6),
    })
    headers = question_headers()
    for j, header in enumerate(headers):
        base[header] = answers[:, j]
    base[OPEN_QUESTIONS[0]] = text1
    base[OPEN_QUESTIONS[1]] = text2
    base["_role"] = roles

    # duplicates: copies of clean rows
    clean = np.flatnonzero(roles == "clean")
    originals = rng.choice(clean, size=n_duplicate_id + n_duplicate_answers, replace=False)
    same_id = base.iloc[originals[:n_duplicate_id]].copy()
    fresh = _draw_answers(d[originals[:n_duplicate_id]], a[originals[:n_duplicate_id]], e[originals[:n_duplicate_id]], rng, districts)
    fresh = fresh.astype(float)
    _break_ties(fresh)
    same_id[headers] = fresh
    same_id["_role"] = "duplicate_id"
    copies = base.iloc[originals[n_duplicate_id:]].copy()
    copies[HEADER_ID] = [f"XM{seed % 10000:04d}-{i:05d}" for i in range(n_base + 1, n_base + 1 + n_duplicate_answers)]
    copies[HEADER_TIME] = np.maximum(copies[HEADER_TIME].to_numpy() + rng.integers(-30, 30, n_duplicate_answers), 200)
    copies["_role"] = "duplicate_answers"
    base["_origin"] = np.arange(n_base)
    same_id["_origin"] = originals[:n_duplicate_id]
    copies["_origin"] = originals[n_duplicate_id:]

    frame = pd.concat([base, same_id, copies], ignore_index=True)
    frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
    # a copy must come after its original: swap the two rows where it does not
    is_dup = frame["_role"].isin(["duplicate_id", "duplicate_answers"]).to_numpy()
    origin = frame["_origin"].to_numpy()
    where = dict(zip(origin[~is_dup], np.flatnonzero(~is_dup)))
    order = np.arange(len(frame))
    for p in np.flatnonzero(is_dup):  # only the few duplicate rows
        q = where[origin[p]]
        if q > p:
            order[p], order[q] = order[q], order[p]
            where[origin[p]] = p
    frame = frame.iloc[order].reset_index(drop=True)

    if answer_format == "label":
        labels = np.array([None] + list(LABELS), dtype=object)
        for header in headers:
            values = frame[header].to_numpy()
            text = np.where(np.isfinite(values), labels[np.nan_to_num(values, nan=0).astype(int)], None).astype(object)
            # a no-opinion answer is written as 不清楚 (two in three) or left blank
            blank = ~np.isfinite(values)
            text[blank & (rng.random(len(values)) < 0.67)] = "不清楚"
            frame[header] = text
    elif answer_format == "number":
        for header in headers:
            frame[header] = frame[header].astype("Int64")
    else:
        raise ValueError("answer_format must be 'label' or 'number'")

    roles_final = frame["_role"].to_numpy()
    bad_rows = {kind: np.flatnonzero(roles_final == kind) for kind in BAD_KINDS}
    frame = frame.drop(columns=["_role", "_origin"])
    return DemoSurvey(frame, bad_rows, demo_mapping(), demo_truth())


def generate_questionnaires(n: int = 3400, seed: int = 2024, districts: Sequence[str] = XIAMEN_DISTRICTS, **options) -> pd.DataFrame:
    """The demo questionnaire table only (see ``generate_demo_survey``); the spoiled rows are in
    ``frame.attrs['bad_rows']``."""
    demo = generate_demo_survey(n, seed, districts, **options)
    demo.frame.attrs["bad_rows"] = {k: v.tolist() for k, v in demo.bad_rows.items()}
    return demo.frame


def save_questionnaires(frame: pd.DataFrame, path, encoding: str = "gbk") -> Path:
    """Write a questionnaire table as .xlsx or as .csv in ``encoding`` (gbk, utf-8, utf-8-sig)."""
    path = Path(path)
    clean = frame.copy()
    clean.attrs = {}
    if path.suffix.lower() == ".xlsx":
        clean.to_excel(path, index=False, engine="openpyxl")
    else:
        clean.to_csv(path, index=False, encoding=encoding)
    return path
