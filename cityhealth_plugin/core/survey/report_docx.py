"""附件4 社会满意度评价报告: the satisfaction survey report as a Word document.

``write_survey_report(analysis, path, city=…, year=…, map_image=…)`` turns a ``SurveyAnalysis``
into the report, chapter by chapter, with tables and the district map:

一、调查概况 (questionnaire, sample, valid count against the 3 000 required, screening)
二、样本结构与代表性 (sample against population shares, chi-square tests, weighting)
三、满意度总体评价 (overall and six dimensions with confidence intervals, questions)
四、分区评价 (district × dimension table, district intervals, the district map)
五、群体差异 (age, education, occupation)
六、居民关注的突出问题 (topics and frequent phrases of the open answers)
七、主观感受与客观指标对比 (the mismatch table against the assessment's indicators)
八、结论与建议 (generated from the numbers; marked for the user to edit)

The report is a Chinese deliverable: its text is written here in Chinese from the data,
whatever the UI language (labels of dimensions, attributes, reasons and topics are the
Chinese terms below, not the translated UI strings). Words that judge a number (较高, 偏低 …)
follow fixed bands (``level_words``) so that the text never contradicts the tables.

``district_map_png`` draws a plain choropleth with matplotlib when QGIS is not there (the
headless runner); the plugin renders the map with QGIS (qgis_bridge/district_map.py).
"""

import datetime as _dt
import re
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from ..exports.docx_writer import DocxStyle, DocxWriter, chinese_number
from .gap import default_relations
from .mapping import DIMENSIONS

DIMENSION_ZH = {"safety": "城市安全性", "living": "生活便利性", "natural": "自然环境宜人性",
                "cultural": "人文环境舒适性", "travel": "出行便捷性", "openness": "开放创新性"}
DIMENSION_SHORT = {"safety": "城市安全", "living": "生活便利", "natural": "自然环境", "cultural": "人文环境",
                   "travel": "出行便捷", "openness": "开放创新"}
ATTRIBUTE_ZH = {"district": "所在区", "community": "社区", "age": "年龄", "education": "学历", "occupation": "职业",
                "years_resident": "居住年限"}
REASON_ZH = {"incomplete": "未作答题目过多", "straight_lining": "所有题目答案相同", "too_fast": "答题时间过短",
             "duplicate_id": "问卷编号重复", "duplicate_answers": "与已有问卷重复", "outside_city": "定位不在市域范围内",
             "unknown_district": "所填区不属于本市", "missing_attribute": "加权所需信息缺失"}
VERDICT_ZH = {"worse": "主观感受低于客观水平", "better": "主观感受高于客观水平", "consistent": "基本一致",
              "no_data": "无客观数据"}
METHOD_ZH = {"raking": "按人口结构迭代比例加权（raking）", "post_stratification": "事后分层加权",
             "none": "未加权（等权）", "weights": "给定权重"}
TOPIC_ZH = {"traffic_congestion": "交通拥堵", "parking": "停车难", "public_transport": "公共交通",
            "noise": "噪音扰民", "housing_cost": "房价房租", "education": "教育资源", "health_care": "看病就医",
            "elderly_care": "养老服务", "parks_green": "公园绿地", "food_market": "菜市场与购物",
            "waste": "垃圾与环境卫生", "public_order": "治安安全", "jobs": "就业收入", "flooding": "内涝积水",
            "walking_cycling": "步行骑行环境", "culture_sport": "文体设施"}
INDICATOR_ZH = {"A-18": "人均应急避难场所面积", "A-19": "消防救援5分钟可达覆盖率", "F-06": "15分钟社区生活圈覆盖率",
                "F-10": "社区卫生服务设施步行15分钟覆盖率", "F-21": "人均公园绿地面积",
                "F-22": "公园绿地、广场用地步行5分钟覆盖率", "F-17": "社区文化活动设施步行15分钟覆盖率",
                "B-05": "城区道路网密度", "F-05": "轨道交通站点800米半径服务覆盖率", "F-01": "工作日平均通勤时间",
                "B-14": "万人发明专利拥有量"}
DIMENSION_ADVICE = {
    "safety": "完善消防救援和应急避难设施布局，补齐易涝点排水防涝短板，加强社区治安防控和交通安全管理",
    "living": "按15分钟社区生活圈标准补齐医疗、教育、养老和菜市场等基本公共服务设施，优先保障服务短缺片区",
    "natural": "加大公园绿地和口袋公园建设，推进噪音与大气污染综合治理，提升河流和近岸海域水环境质量",
    "cultural": "加强历史文化保护传承，增加社区文化、体育和休闲活动空间，营造邻里交往场所",
    "travel": "优化公交和轨道线网及换乘衔接，推进停车设施建设和共享利用，改善步行与骑行环境，缓解通勤拥堵",
    "openness": "优化营商环境，完善创新创业服务和人才住房保障，增强城市开放包容度",
}
TOPIC_ADVICE = {
    "traffic_congestion": "针对拥堵节点开展交通组织优化和微改造",
    "parking": "挖潜建设公共停车设施，推广错时共享停车",
    "public_transport": "加密公交班次、优化线路和接驳，提高轨道站点覆盖",
    "noise": "加强施工、交通和商业噪音管控",
    "housing_cost": "增加保障性租赁住房供给",
    "education": "加快中小学和幼儿园学位建设",
    "health_care": "完善社区卫生服务设施，方便就近就医",
    "elderly_care": "建设社区嵌入式养老服务设施，推进适老化改造",
    "parks_green": "见缝插绿，建设口袋公园和社区绿地",
    "food_market": "补充社区菜市场和便民商业网点",
    "waste": "提升垃圾分类收运和环境卫生管理水平",
    "public_order": "完善治安监控和社区安全防范",
    "jobs": "扩大就业岗位和职业技能培训",
    "flooding": "开展易涝点整治和排水管网改造",
    "walking_cycling": "连通人行道和自行车道，打造慢行网络",
    "culture_sport": "增加社区文体活动设施和全民健身场地",
}
MISSING = "—"


# --------------------------------------------------------------------------------------
# words from numbers
# --------------------------------------------------------------------------------------

def level_words(score: float) -> str:
    """The judgement of a 0–100 satisfaction score used throughout the text."""
    if not np.isfinite(score):
        return "无法评价"
    if score >= 80:
        return "较高"
    if score >= 70:
        return "良好"
    if score >= 60:
        return "中等"
    return "偏低"


def _f1(value) -> str:
    return MISSING if value is None or not np.isfinite(value) else f"{value:.1f}"


def _pct(value, digits: int = 1) -> str:
    return MISSING if value is None or not np.isfinite(value) else f"{100 * value:.{digits}f}%"


def _interval(lower, upper) -> str:
    return MISSING if not (np.isfinite(lower) and np.isfinite(upper)) else f"{lower:.1f}～{upper:.1f}"


def _join(items: Sequence[str]) -> str:
    items = [str(i) for i in items if str(i)]
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def _dim(code: str) -> str:
    return DIMENSION_ZH.get(code, "总体满意度" if code == "overall" else str(code))


def _topic(row) -> str:
    return TOPIC_ZH.get(row["topic"], str(row.get("label", row["topic"])))


def _indicator_names(codes: Sequence[str]) -> Dict[str, str]:
    names = dict(INDICATOR_ZH)
    unknown = [c for c in codes if c not in names]
    if unknown:
        try:
            from ..catalog.loader import load_catalog

            catalog = load_catalog()
            for code in unknown:
                indicator = catalog.get(code)
                if indicator is not None:
                    names[code] = indicator.name_zh
        except Exception:  # noqa: BLE001 - a name is only decoration: the code is shown instead
            pass
    return {c: names.get(c, c) for c in codes}


def short_question(text: str) -> str:
    """'您对城市治安状况的满意度' -> '城市治安状况' (the table says it is about satisfaction)."""
    short = re.sub(r"^(请问)?(您|你)对(于)?", "", str(text).strip())
    short = re.sub(r"(的)?(满意程度|满意度|是否满意|满意吗)[？?。]?$", "", short)
    return short or str(text)


def _overlap(a_low, a_high, b_low, b_high) -> bool:
    return not (a_low > b_high or b_low > a_high)


# --------------------------------------------------------------------------------------
# tables (Chinese headers)
# --------------------------------------------------------------------------------------

def questionnaire_table(analysis) -> pd.DataFrame:
    mapping = analysis.data.mapping
    rows = []
    for dim in DIMENSIONS:
        questions = [q for q in mapping.questions if q.dimension == dim]
        if questions:
            rows.append({"维度": DIMENSION_ZH[dim], "题目数": len(questions),
                         "题目": "；".join(f"{q.code} {short_question(q.text or q.column)}" for q in questions)})
    return pd.DataFrame(rows, columns=["维度", "题目数", "题目"])


def screening_rules_text(screening) -> Dict[str, str]:
    rules = screening.rules
    fast = screening.thresholds.get("too_fast_seconds")
    median = screening.thresholds.get("median_seconds")
    if fast is not None:
        parts = []
        if rules.min_seconds is not None:
            parts.append(f"{rules.min_seconds:.0f}秒")
        if rules.median_ratio is not None and median is not None:
            parts.append(f"中位时长{median:.0f}秒的{rules.median_ratio:.2g}倍")
        fast_text = f"答题时长少于{fast:.0f}秒" + (f"（取{'与'.join(parts)}中的较大者）" if len(parts) > 1 else "")
    else:
        fast_text = "答题时长过短（未提供答题时长，未检查）"
    return {
        "incomplete": f"未作答（含“不清楚”）题目超过{rules.max_missing_share:.0%}",
        "straight_lining": f"作答不少于{rules.straightline_min_items}题且答案全部相同",
        "too_fast": fast_text,
        "duplicate_id": "问卷编号与此前问卷相同",
        "duplicate_answers": "答案及受访者信息与此前问卷完全相同",
        "outside_city": "定位坐标不在本市各区范围内",
        "unknown_district": "所填区名不属于本市辖区",
        "missing_attribute": "加权所需的受访者信息（区、年龄、学历、职业）未填写",
    }


def screening_table(screening) -> pd.DataFrame:
    criteria = screening_rules_text(screening)
    counts = screening.counts.set_index("reason")
    rows = [{"筛查规则": REASON_ZH[r], "判定标准": criteria[r], "不符合问卷数": int(counts.loc[r, "rejected"]),
             "其中仅因此项": int(counts.loc[r, "only_reason"])} for r in counts.index]
    return pd.DataFrame(rows)


def sample_summary_rows(screening) -> List[Tuple[str, object]]:
    required = screening.rules.required_valid
    return [
        ("回收问卷（份）", f"{screening.total:,}"),
        ("剔除无效问卷（份）", f"{screening.rejected_count:,}"),
        ("有效问卷（份）", f"{screening.valid_count:,}"),
        ("有效率", _pct(screening.valid_count / screening.total if screening.total else np.nan)),
        ("要求有效问卷不少于（份）", f"{required:,}"),
        ("是否达到要求", "达到" if screening.meets_requirement else "未达到"),
    ]


def balance_attribute_table(balance, weighting, attribute: str) -> pd.DataFrame:
    table = balance.tables[attribute]
    weighted = None
    if weighting is not None and len(weighting.margins):
        weighted = weighting.margins.set_index(["attribute", "category"])["weighted_share"]
    frame = pd.DataFrame({
        "类别": table["category"].astype(str),
        "样本数": table["sample_count"].astype(int),
        "样本占比(%)": 100 * table["sample_share"],
        "人口占比(%)": 100 * table["population_share"],
        "偏差(百分点)": 100 * table["difference"],
    })
    if weighted is not None:
        keys = list(zip([attribute] * len(table), table["category"]))
        frame["加权后占比(%)"] = 100 * weighted.reindex(keys).to_numpy()
    return frame


def balance_tests_table(balance) -> pd.DataFrame:
    t = balance.tests
    return pd.DataFrame({
        "属性": t["attribute"].map(lambda a: ATTRIBUTE_ZH.get(a, a)),
        "样本量": t["n"].astype(int),
        "卡方值": t["chi2"],
        "自由度": t["dof"].astype(int),
        "p值": t["p_value"].map(lambda p: MISSING if not np.isfinite(p) else ("<0.001" if p < 0.001 else f"{p:.3f}")),
        "最大偏差(百分点)": 100 * t["max_abs_difference"],
        "结论": t["balanced"].map({True: "结构均衡", False: "存在偏差"}),
    })


def weighting_rows(weighting) -> List[Tuple[str, object]]:
    s = weighting.summary()
    return [
        ("加权方法", METHOD_ZH.get(weighting.method, weighting.method)),
        ("有效问卷（份）", f"{s['n']:,}"),
        ("有效样本量（Kish）", f"{s['effective_n']:.0f}"),
        ("加权设计效应", f"{s['design_effect']:.2f}"),
        ("权重范围（均值=1）", f"{s['min_weight']:.2f}～{s['max_weight']:.2f}"),
        ("迭代次数", s["iterations"]),
        ("是否收敛", "是" if s["converged"] else "否"),
    ]


def dimension_table(scores, unweighted=None) -> pd.DataFrame:
    table = pd.concat([scores.dimensions, scores.overall], ignore_index=True)
    frame = pd.DataFrame({
        "评价维度": table["item"].map(_dim),
        "满意度得分": table["score"],
        "95%置信区间": [_interval(lo, hi) for lo, hi in zip(table["score_lower"], table["score_upper"])],
        "满意率(%)": table["pct_satisfied"],
        "评价": table["score"].map(level_words),
    })
    if unweighted is not None:
        raw = pd.concat([unweighted.dimensions, unweighted.overall], ignore_index=True).set_index("item")["score"]
        frame.insert(4, "未加权得分", table["item"].map(raw).to_numpy())
    return frame


def question_table(scores) -> pd.DataFrame:
    q = scores.questions
    return pd.DataFrame({
        "题号": q["item"],
        "题目": q["label"].map(short_question),
        "维度": q["dimension"].map(_dim),
        "得分": q["score"],
        "满意率(%)": q["pct_satisfied"],
        "作答数": q["n"].astype(int),
    })


def group_table(scores, attribute: str) -> pd.DataFrame:
    """Groups × (questionnaires, overall with interval, six dimensions)."""
    tables = scores.by[attribute]
    overall = tables["overall"].set_index(attribute)
    matrix = scores.district_matrix("score", attribute)
    frame = pd.DataFrame({ATTRIBUTE_ZH.get(attribute, attribute): matrix.index.astype(str)})
    frame["问卷数"] = overall["n"].reindex(matrix.index).astype(int).to_numpy()
    frame["总体得分"] = matrix["overall"].to_numpy()
    frame["95%置信区间"] = [_interval(lo, hi) for lo, hi in zip(overall["score_lower"].reindex(matrix.index),
                                                               overall["score_upper"].reindex(matrix.index))]
    for dim in DIMENSIONS:
        if dim in matrix.columns:
            frame[DIMENSION_SHORT[dim]] = matrix[dim].to_numpy()
    return frame


def district_dimension_table(scores) -> pd.DataFrame:
    matrix = scores.district_matrix("score", "district")
    frame = pd.DataFrame({"区": matrix.index.astype(str)})
    for dim in DIMENSIONS:
        if dim in matrix.columns:
            frame[DIMENSION_ZH[dim]] = matrix[dim].to_numpy()
    frame["总体满意度"] = matrix["overall"].to_numpy()
    return frame


def district_scores(analysis) -> pd.DataFrame:
    """district, n, score, score_lower, score_upper, pct_satisfied, rank and the six dimension
    scores (0–100): the district layer's attributes and the map's values."""
    scores = analysis.scores
    if "district" not in scores.by:
        return pd.DataFrame(columns=["district", "n", "score", "score_lower", "score_upper", "pct_satisfied", "rank"])
    overall = scores.by["district"]["overall"]
    frame = pd.DataFrame({
        "district": overall["district"].astype(str).to_numpy(),
        "n": overall["n"].astype(int).to_numpy(),
        "score": overall["score"].to_numpy(),
        "score_lower": overall["score_lower"].to_numpy(),
        "score_upper": overall["score_upper"].to_numpy(),
        "pct_satisfied": overall["pct_satisfied"].to_numpy(),
    })
    frame["rank"] = frame["score"].rank(ascending=False, method="min").astype(int)
    matrix = scores.district_matrix("score", "district")
    for dim in DIMENSIONS:
        if dim in matrix.columns:
            frame[dim] = matrix[dim].reindex(frame["district"]).to_numpy()
    return frame


def concern_city_table(concerns, top: int = 10) -> pd.DataFrame:
    t = concerns.topics
    t = t[(t["rank"] <= top) & (t["mentions"] > 0)]
    return pd.DataFrame({
        "排名": t["rank"].astype(int),
        "问题类别": [_topic(r) for _, r in t.iterrows()],
        "提及人数": t["mentions"].astype(int),
        "占填写人数比例(%)": 100 * t["share"],
        "加权比例(%)": 100 * t["weighted_share"],
    })


def concern_district_table(concerns, top: int = 3) -> pd.DataFrame:
    t = concerns.topics_by_district
    if t is None or not len(t):
        return pd.DataFrame()
    rows = []
    for district, part in t.groupby("district", sort=False):
        part = part[(part["rank"] <= top) & (part["mentions"] > 0)].sort_values("rank")
        row = {"区": district, "填写人数": int(part["answered"].iloc[0]) if len(part) else 0}
        for k, (_, rec) in enumerate(part.iterrows(), start=1):
            row[f"第{chinese_number(k)}位"] = f"{_topic(rec)}（{100 * rec['share']:.0f}%）"
        rows.append(row)
    return pd.DataFrame(rows)


def phrase_table(concerns, top: int = 15) -> pd.DataFrame:
    t = concerns.ngrams
    t = t[t["rank"] <= top]
    return pd.DataFrame({"排名": t["rank"].astype(int), "高频词语": t["ngram"], "提及人数": t["count"].astype(int),
                         "占填写人数比例(%)": 100 * t["share"]})


def gap_tables(gap) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """(mismatches, objective values district × indicator)."""
    mism = gap.mismatches()
    names = _indicator_names(sorted(set(gap.detail["indicator"])) if len(gap.detail) else [])
    mismatch = pd.DataFrame({
        "区": mism["district"],
        "维度": mism["dimension"].map(_dim),
        "满意度得分": mism["satisfaction"],
        "满意度标准分": mism["satisfaction_z"],
        "客观指标标准分": mism["objective_z"],
        "差值": mism["gap"],
        "相关指标": mism["indicators"].map(lambda s: "、".join(c.strip() for c in str(s).split(",") if c.strip())),
        "判断": mism["verdict_code"].map(VERDICT_ZH),
    })
    values = pd.DataFrame()
    if len(gap.detail):
        detail = gap.detail.drop_duplicates(["district", "indicator"])
        wide = detail.pivot(index="indicator", columns="district", values="value")
        order = list(dict.fromkeys(gap.table["district"]))
        codes = list(dict.fromkeys(detail["indicator"]))
        wide = wide.reindex(index=codes, columns=[d for d in order if d in wide.columns])
        direction = detail.drop_duplicates("indicator").set_index("indicator")["direction"]
        dims = detail.drop_duplicates("indicator").set_index("indicator")["dimension"]
        values = pd.DataFrame({"指标": [f"{c} {names.get(c, c)}" for c in codes],
                               "维度": [_dim(dims[c]) for c in codes],
                               "方向": ["正向" if direction[c] > 0 else "逆向" for c in codes]})
        for district in wide.columns:
            values[str(district)] = wide[district].to_numpy()
    return mismatch, values


# --------------------------------------------------------------------------------------
# the fallback map (no QGIS)
# --------------------------------------------------------------------------------------

CJK_FONT_CANDIDATES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei", "PingFang SC",
                       "WenQuanYi Micro Hei", "Noto Sans SC", "Heiti SC")
RAMP = ("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641")  # low (red) … high (green)


def class_breaks(values: Sequence[float], classes: int = 5) -> List[float]:
    """Equal-interval class bounds over the finite values, rounded to one decimal (classes+1 bounds)."""
    v = np.asarray([x for x in values if x is not None and np.isfinite(x)], dtype=float)
    if not len(v):
        return []
    low, high = float(np.floor(v.min() * 10) / 10), float(np.ceil(v.max() * 10) / 10)
    if high <= low:
        high = low + 0.1
    return [round(low + (high - low) * k / classes, 1) for k in range(classes + 1)]


def class_colour(value: float, breaks: Sequence[float], ramp: Sequence[str] = RAMP) -> str:
    if not np.isfinite(value) or not breaks:
        return "#cccccc"
    k = int(np.searchsorted(breaks, value, side="right")) - 1
    return ramp[max(0, min(k, len(ramp) - 1, len(breaks) - 2))]


def district_map_png(names: Sequence[str], geometries: Sequence, values: Mapping[str, float], path: Union[str, Path],
                     title: str = "", legend_title: str = "满意度得分", dpi: int = 150) -> Optional[Path]:
    """A choropleth of ``values`` (district name -> score) with matplotlib (Agg, no window).

    Returns the path, or None when matplotlib is not installed. Labels use the first CJK font
    matplotlib knows (boxes otherwise; the QGIS renderer is the one the plugin uses)."""
    try:
        from matplotlib import font_manager
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.patches import Patch, PathPatch
        from matplotlib.path import Path as MplPath
    except ImportError:
        return None
    import shapely

    known = {f.name for f in font_manager.fontManager.ttflist}
    family = next((f for f in CJK_FONT_CANDIDATES if f in known), None)
    font = {"fontfamily": family} if family else {}
    breaks = class_breaks(list(values.values()))
    figure = Figure(figsize=(8, 6), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_axes([0.02, 0.02, 0.96, 0.9])
    axes.set_aspect("equal")
    axes.axis("off")
    for name, geom in zip(names, geometries):
        if geom is None or geom.is_empty:
            continue
        value = values.get(str(name), np.nan)
        for poly in shapely.get_parts(geom):
            if poly.geom_type != "Polygon":
                continue
            rings = [np.asarray(poly.exterior.coords)] + [np.asarray(r.coords) for r in poly.interiors]
            vertices = np.concatenate(rings)
            codes = np.concatenate([[MplPath.MOVETO] + [MplPath.LINETO] * (len(r) - 2) + [MplPath.CLOSEPOLY] for r in rings])
            axes.add_patch(PathPatch(MplPath(vertices, codes), facecolor=class_colour(value, breaks), edgecolor="#555555",
                                     linewidth=0.6))
        point = geom.representative_point()
        label = f"{name}\n{value:.1f}" if np.isfinite(value) else str(name)
        axes.annotate(label, (point.x, point.y), ha="center", va="center", fontsize=9, **font)
    axes.autoscale_view()
    x0, x1 = axes.get_xlim()
    y0, y1 = axes.get_ylim()
    if -180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90:  # longitude/latitude: shorten the degrees of longitude
        axes.set_aspect(1.0 / max(np.cos(np.radians((y0 + y1) / 2)), 0.1))
    if breaks:
        handles = [Patch(facecolor=RAMP[k], edgecolor="#555555", label=f"{breaks[k]:.1f}～{breaks[k + 1]:.1f}")
                   for k in range(len(breaks) - 1)]
        legend = axes.legend(handles=handles, title=legend_title, loc="lower right", fontsize=8,
                             prop={"family": family, "size": 8} if family else None)
        if family:
            legend.get_title().set_fontfamily(family)
    if title:
        figure.suptitle(title, fontsize=13, **({"fontfamily": family} if family else {}))
    path = Path(path)
    figure.savefig(str(path), dpi=dpi, facecolor="white")
    return path


# --------------------------------------------------------------------------------------
# conclusions
# --------------------------------------------------------------------------------------

def conclusions(analysis) -> Dict[str, List[str]]:
    """{'findings': [...], 'advice': [...], 'survey': [...]} — generated sentences for chapter 八."""
    scores = analysis.scores
    findings, advice, survey = [], [], []
    overall = scores.overall.iloc[0]
    dims = scores.dimensions.sort_values("score", ascending=False)
    findings.append(f"居民对城市的总体满意度得分为{overall['score']:.1f}分（满分100分），满意率为{overall['pct_satisfied']:.1f}%，"
                    f"总体满意度{level_words(overall['score'])}。")
    if len(dims) >= 2:
        best, worst = dims.iloc[0], dims.iloc[-1]
        findings.append(f"六个维度中，{_dim(best['item'])}得分最高（{best['score']:.1f}分），{_dim(worst['item'])}得分最低"
                        f"（{worst['score']:.1f}分），是居民感受最明显的短板。")
    if "district" in scores.by:
        ds = district_scores(analysis).sort_values("score", ascending=False)
        if len(ds) >= 2:
            top, bottom = ds.iloc[0], ds.iloc[-1]
            findings.append(f"分区看，{top['district']}总体满意度最高（{top['score']:.1f}分），{bottom['district']}最低"
                            f"（{bottom['score']:.1f}分），相差{top['score'] - bottom['score']:.1f}分。")
    concerns = analysis.concerns.topics
    top_topics = concerns[(concerns["rank"] <= 3) & (concerns["mentions"] > 0)]
    if len(top_topics):
        findings.append("居民反映最集中的问题是" + _join([f"{_topic(r)}（{100 * r['share']:.0f}%）" for _, r in top_topics.iterrows()]) + "。")
    gap = analysis.gap
    if gap is not None:
        worse = gap.table[gap.table["verdict_code"] == "worse"]
        if len(worse):
            findings.append("与客观指标相比，" + _join([f"{r['district']}的{_dim(r['dimension'])}" for _, r in worse.iterrows()])
                            + "居民感受明显低于客观指标水平，需关注设施服务质量和可达性等指标未反映的问题。")
    # advice: the two weakest dimensions, the top concerns
    for _, row in dims.tail(2).iloc[::-1].iterrows():
        advice.append(f"提升{_dim(row['item'])}：{DIMENSION_ADVICE.get(row['item'], '')}。")
    if "district" in scores.by:
        matrix = scores.district_matrix("score", "district")
        dim_cols = [d for d in DIMENSIONS if d in matrix.columns]
        weak = []
        for district, row in matrix[dim_cols].iterrows():
            worst_dim = row.idxmin()
            if np.isfinite(row[worst_dim]) and row[worst_dim] < 60:
                weak.append(f"{district}的{_dim(worst_dim)}（{row[worst_dim]:.1f}分）")
        if weak:
            advice.append("重点补齐分区短板：" + _join(weak) + "得分偏低，建议列入年度城市更新和设施补短板项目。")
    topic_advice = [TOPIC_ADVICE[r["topic"]] for _, r in top_topics.iterrows() if r["topic"] in TOPIC_ADVICE]
    if topic_advice:
        advice.append("回应居民关切：" + "；".join(topic_advice) + "。")
    if gap is not None and len(gap.table[gap.table["verdict_code"] == "worse"]):
        advice.append("对主观感受明显低于客观指标的区和维度开展专项调研，核查设施服务质量、开放时间和实际使用情况。")
    # the survey itself
    screening = analysis.screening
    if not screening.meets_requirement:
        survey.append(f"本次有效问卷{screening.valid_count:,}份，少于工作方案要求的{screening.rules.required_valid:,}份，"
                      "下一年度应扩大样本量。")
    if analysis.balance is not None:
        off = analysis.balance.tests[~analysis.balance.tests["balanced"]]
        if len(off):
            survey.append("样本在" + _join([ATTRIBUTE_ZH.get(a, a) for a in off["attribute"]]) + "结构上与常住人口存在偏差，"
                          "已通过加权校正；下一年度宜通过线下入户、社区点位等方式增加代表性不足群体的样本。")
    deff = analysis.weighting.design_effect if analysis.weighting.method != "none" else 1.0
    if np.isfinite(deff) and deff > 2:
        survey.append(f"加权设计效应为{deff:.1f}，有效样本量明显小于问卷数，样本结构越接近人口结构，结果越稳定。")
    if not survey:
        survey.append("本次调查样本量和样本结构满足要求，建议保持问卷题目和口径稳定，便于逐年比较。")
    return {"findings": findings, "advice": advice, "survey": survey}


# --------------------------------------------------------------------------------------
# the report
# --------------------------------------------------------------------------------------

CHAPTERS = ("一、调查概况", "二、样本结构与代表性", "三、满意度总体评价", "四、分区评价", "五、群体差异",
            "六、居民关注的突出问题", "七、主观感受与客观指标对比", "八、结论与建议")
F1 = "{:.1f}"
F2 = "{:.2f}"


def _one_decimal(frame: pd.DataFrame, skip: Sequence[str] = ()) -> Dict[str, str]:
    return {c: F1 for c in frame.columns if c not in skip and pd.api.types.is_float_dtype(frame[c])}


def write_survey_report(analysis, path: Union[str, Path], city: str = "", year: Optional[int] = None,
                        map_image: Union[str, Path, None] = None, organisation: str = "",
                        date: Optional[_dt.date] = None, style: Optional[DocxStyle] = None,
                        available_fonts: Optional[Sequence[str]] = None, map_note: str = "") -> Path:
    """Write 附件4 社会满意度评价报告 for ``analysis`` (a ``SurveyAnalysis``) to ``path`` (.docx).

    ``map_image``: a PNG of the district scores (qgis_bridge.district_map or ``district_map_png``);
    without one the district chapter says that no map was made (and ``map_note`` why).
    """
    city = city or "（城市名称）"
    year_text = f"{int(year)}年" if year else ""
    date = date or _dt.date.today()
    w = DocxWriter(style, available_fonts=available_fonts)
    w.title(f"{city}{year_text}城市体检社会满意度评价报告", subtitle="附件4",
            lines=[line for line in (organisation, f"{date.year}年{date.month}月") if line], cover=True)
    w.toc()
    _chapter_overview(w, analysis, city, year_text)
    _chapter_sample(w, analysis)
    _chapter_overall(w, analysis)
    _chapter_districts(w, analysis, map_image, map_note)
    _chapter_groups(w, analysis)
    _chapter_concerns(w, analysis)
    _chapter_gap(w, analysis)
    _chapter_conclusions(w, analysis)
    w.page_numbers("— {PAGE} —", first_page=False)
    return w.save(path)


def _chapter_overview(w: DocxWriter, a, city: str, year_text: str) -> None:
    s = a.screening
    mapping = a.data.mapping
    n_questions = len(mapping.questions)
    n_open = len(mapping.open_text)
    w.heading(CHAPTERS[0], 1)
    w.heading("（一）调查目的与问卷设计", 2)
    w.paragraph(f"为落实国土空间规划城市体检评估（TD/T 1063-2021）工作要求，{city}开展{year_text}城市体检社会满意度调查，"
                "从城市安全性、生活便利性、自然环境宜人性、人文环境舒适性、出行便捷性和开放创新性六个维度，"
                "了解居民对城市建设和治理的主观感受，并与城市体检客观指标相互印证。")
    w.paragraph(f"问卷共设满意度评价题{n_questions}道，采用五级量表（非常不满意=1，不满意=2，一般=3，满意=4，非常满意=5），"
                f"另设开放题{n_open}道，收集居民认为最需要改善的问题；同时记录受访者所在区、年龄、学历、职业等信息，"
                "用于检验样本代表性和分析群体差异。问卷结构见" + w.next_label() + "。")
    w.table(questionnaire_table(a), caption="问卷结构", align={"题目数": "center"},
            widths_cm=[3.2, 1.6, w.text_width_cm - 4.8])
    w.heading("（二）样本回收与有效性筛查", 2)
    rate = s.valid_count / s.total if s.total else np.nan
    verdict = (f"达到工作方案不少于{s.rules.required_valid:,}份有效问卷的要求" if s.meets_requirement
               else f"未达到工作方案不少于{s.rules.required_valid:,}份有效问卷的要求，差{s.rules.required_valid - s.valid_count:,}份")
    w.paragraph(f"本次调查共回收问卷**{s.total:,}份**，按作答完整性、作答质量、答题时长、重复提交和受访者位置等规则筛查，"
                f"剔除无效问卷{s.rejected_count:,}份，获得**有效问卷{s.valid_count:,}份**，有效率{_pct(rate)}，{verdict}。"
                "一份问卷可能同时不符合多项规则，各规则的剔除情况见" + w.next_label() + "。")
    w.key_value_table(sample_summary_rows(s), caption="问卷回收与有效样本", headers=("项目", "数量"))
    w.table(screening_table(s), caption="问卷筛查规则与结果", align={"不符合问卷数": "right", "其中仅因此项": "right"})
    source = Path(a.data.source).name if a.data.source else ""
    if source:
        encoding = f"，编码{a.data.encoding}" if a.data.encoding and a.data.encoding != "xlsx" else ""
        w.note(f"数据来源：问卷平台导出文件“{source}”{encoding}。")


def _chapter_sample(w: DocxWriter, a) -> None:
    w.heading(CHAPTERS[1], 1)
    balance = a.balance
    if balance is None:
        w.paragraph("未提供常住人口结构数据，未检验样本代表性，结果按等权计算。建议提供各区、年龄、学历、职业的常住人口构成，"
                    "以检验样本结构并加权校正。")
    else:
        tests = balance.tests
        off = tests[~tests["balanced"]]
        w.heading("（一）样本结构", 2)
        w.paragraph("将有效样本按" + _join([ATTRIBUTE_ZH.get(x, x) for x in tests["attribute"]]) +
                    "与常住人口结构比较，采用卡方拟合优度检验（显著性水平0.05），并以占比偏差超过5个百分点作为明显偏离的判断标准。")
        if len(off):
            details = []
            for attribute in off["attribute"]:
                table = balance.tables[attribute]
                table = table[table["population_share"].notna()]
                worst = table.loc[table["difference"].abs().idxmax()]
                direction = "偏多" if worst["difference"] > 0 else "偏少"
                details.append(f"{ATTRIBUTE_ZH.get(attribute, attribute)}中“{worst['category']}”{direction}"
                               f"（样本{_pct(worst['sample_share'])}，人口{_pct(worst['population_share'])}）")
            w.paragraph("检验表明，样本在" + _join([ATTRIBUTE_ZH.get(x, x) for x in off["attribute"]]) +
                        "结构上与常住人口存在显著差异，其中" + "；".join(details) + "。")
        else:
            w.paragraph("检验表明，样本在各项结构上与常住人口基本一致。")
        for attribute in balance.tables:
            frame = balance_attribute_table(balance, a.weighting, attribute)
            w.table(frame, caption=f"样本结构与人口结构比较（{ATTRIBUTE_ZH.get(attribute, attribute)}）",
                    formats=_one_decimal(frame))
        w.table(balance_tests_table(balance), caption="样本结构卡方检验",
                formats={"卡方值": F1, "最大偏差(百分点)": F1}, align={"结论": "center", "p值": "right"})
    w.heading("（二）样本加权", 2)
    weighting = a.weighting
    overall = a.scores.overall.iloc[0]
    raw = a.unweighted.overall.iloc[0]
    if weighting.method == "none":
        w.paragraph("本次分析未加权，各问卷权重相同。")
    else:
        s = weighting.summary()
        w.paragraph(f"为使结果代表全市常住人口，采用{METHOD_ZH.get(weighting.method, weighting.method)}，使加权后样本的"
                    + _join([ATTRIBUTE_ZH.get(x, x) for x in (a.options.margins or {})]) +
                    f"结构与常住人口一致。加权设计效应为{s['design_effect']:.2f}，有效样本量约{s['effective_n']:.0f}。"
                    f"加权后全市总体满意度得分由{raw['score']:.1f}分调整为{overall['score']:.1f}分。")
        w.key_value_table(weighting_rows(weighting), caption="样本加权情况", headers=("项目", "数值"))
        if not weighting.converged:
            w.note("注：加权迭代未完全收敛，部分人口结构未能精确校正，建议合并样本过少的类别。")


def _chapter_overall(w: DocxWriter, a) -> None:
    scores = a.scores
    overall = scores.overall.iloc[0]
    dims = scores.dimensions.sort_values("score", ascending=False)
    w.heading(CHAPTERS[2], 1)
    w.heading("（一）总体满意度与六个维度", 2)
    text = (f"全市居民总体满意度得分为**{overall['score']:.1f}分**（95%置信区间{_interval(overall['score_lower'], overall['score_upper'])}），"
            f"满意率{overall['pct_satisfied']:.1f}%，总体满意度{level_words(overall['score'])}。")
    if len(dims):
        text += ("分维度看，得分由高到低依次为" + _join([f"{_dim(r['item'])}（{r['score']:.1f}分）" for _, r in dims.iterrows()]) + "。")
    w.paragraph(text)
    if len(dims) >= 2:
        low = dims.iloc[-1]
        w.paragraph(f"{_dim(low['item'])}满意度{level_words(low['score'])}，满意率仅{low['pct_satisfied']:.1f}%，是当前居民感受最突出的短板。")
    frame = dimension_table(scores, a.unweighted)
    w.table(frame, caption="总体及分维度满意度", formats=_one_decimal(frame), align={"评价": "center", "95%置信区间": "center"},
            note="注：满意度得分=（平均分−1）÷4×100；满意率为回答“满意”“非常满意”的加权比例；置信区间按加权后的有效样本量计算。")
    w.heading("（二）各题满意度", 2)
    q = scores.questions.sort_values("score", ascending=False)
    if len(q) >= 6:
        w.paragraph("各题中，满意度最高的是" + _join([f"“{short_question(r['label'])}”（{r['score']:.1f}分）" for _, r in q.head(3).iterrows()]) +
                    "；最低的是" + _join([f"“{short_question(r['label'])}”（{r['score']:.1f}分）" for _, r in q.tail(3).iloc[::-1].iterrows()]) + "。")
    frame = question_table(scores)
    w.table(frame, caption="各题满意度", formats=_one_decimal(frame), align={"题号": "center", "维度": "center"})


def _chapter_districts(w: DocxWriter, a, map_image, map_note: str) -> None:
    w.heading(CHAPTERS[3], 1)
    scores = a.scores
    if "district" not in scores.by:
        w.paragraph("问卷未记录受访者所在区，无法分区评价。")
        return
    ds = district_scores(a).sort_values("score", ascending=False)
    matrix = scores.district_matrix("score", "district")
    dim_cols = [d for d in DIMENSIONS if d in matrix.columns]
    if len(ds) >= 2:
        top, bottom = ds.iloc[0], ds.iloc[-1]
        w.paragraph(f"各区总体满意度在{bottom['score']:.1f}分至{top['score']:.1f}分之间，{top['district']}最高，{bottom['district']}最低。"
                    + ("分区得分及置信区间见" + w.next_label() + "，分维度得分见" + f"表{w.table_count + 2}。"))
    lowest = {district: row.idxmin() for district, row in matrix[dim_cols].iterrows() if row.notna().any()}
    if lowest and len(set(lowest.values())) == 1 and len(lowest) > 1:
        dim = next(iter(lowest.values()))
        column = matrix[dim].dropna().sort_values()
        w.paragraph(f"各区得分最低的维度均为{_dim(dim)}，其中{column.index[0]}最低（{column.iloc[0]:.1f}分），"
                    f"{column.index[-1]}最高（{column.iloc[-1]:.1f}分）。")
    elif lowest:
        w.paragraph("各区得分最低的维度：" + "；".join(
            f"{district}为{_dim(dim)}（{matrix.loc[district, dim]:.1f}分）" for district, dim in lowest.items()) + "。")
    frame = pd.DataFrame({"区": ds["district"], "有效问卷": ds["n"], "总体得分": ds["score"],
                          "95%置信区间": [_interval(lo, hi) for lo, hi in zip(ds["score_lower"], ds["score_upper"])],
                          "满意率(%)": ds["pct_satisfied"], "排名": ds["rank"]})
    w.table(frame, caption="各区总体满意度", formats={"总体得分": F1, "满意率(%)": F1},
            align={"95%置信区间": "center", "排名": "center"})
    frame = district_dimension_table(scores)
    w.table(frame, caption="各区分维度满意度得分", formats=_one_decimal(frame))
    if map_image is not None and Path(map_image).is_file():
        w.image(str(map_image), caption="各区居民总体满意度", width_cm=min(15.0, w.text_width_cm))
    else:
        w.note("（未生成分区满意度图" + (f"：{map_note}" if map_note else "") + "。）")


def _chapter_groups(w: DocxWriter, a) -> None:
    w.heading(CHAPTERS[4], 1)
    scores = a.scores
    groups = [x for x in ("age", "education", "occupation") if x in scores.by]
    if not groups:
        w.paragraph("问卷未记录受访者年龄、学历或职业，无法分析群体差异。")
        return
    w.paragraph("按受访者年龄、学历和职业分组计算加权满意度，比较不同群体的感受差异；两组置信区间不重叠时，可认为差异明显。")
    for k, attribute in enumerate(groups, start=1):
        overall = scores.by[attribute]["overall"]
        overall = overall[overall["n"] > 0]
        name = ATTRIBUTE_ZH.get(attribute, attribute)
        w.heading(f"（{chinese_number(k)}）不同{name}群体", 2)
        if len(overall) >= 2:
            hi = overall.loc[overall["score"].idxmax()]
            lo = overall.loc[overall["score"].idxmin()]
            distinct = not _overlap(hi["score_lower"], hi["score_upper"], lo["score_lower"], lo["score_upper"])
            w.paragraph(f"{name}方面，“{hi[attribute]}”群体满意度最高（{hi['score']:.1f}分），“{lo[attribute]}”群体最低"
                        f"（{lo['score']:.1f}分），相差{hi['score'] - lo['score']:.1f}分，"
                        + ("差异明显。" if distinct else "置信区间重叠，差异不明显。"))
        frame = group_table(scores, attribute)
        w.table(frame, caption=f"不同{name}群体满意度", formats=_one_decimal(frame), align={"95%置信区间": "center"})


def _chapter_concerns(w: DocxWriter, a) -> None:
    w.heading(CHAPTERS[5], 1)
    c = a.concerns
    if c.answered == 0:
        w.paragraph("问卷未设开放题或无人填写，无法统计居民关注的问题。")
        return
    valid = len(a.valid)
    topics = c.topics[(c.topics["mentions"] > 0)]
    w.paragraph(f"有效问卷中，{c.answered:,}位受访者（{_pct(c.answered / valid if valid else np.nan)}）填写了开放题。"
                "按问题类别关键词归类统计（一位受访者对同一类问题只计一次），"
                + ("提及最多的依次为" + _join([f"{_topic(r)}（{100 * r['share']:.1f}%）" for _, r in topics.head(5).iterrows()]) + "。"
                   if len(topics) else "未识别出集中反映的问题。"))
    frame = concern_city_table(c)
    if len(frame):
        w.table(frame, caption="居民反映的主要问题（全市）", formats={"占填写人数比例(%)": F1, "加权比例(%)": F1},
                align={"排名": "center"})
    frame = concern_district_table(c)
    if len(frame):
        w.paragraph("各区居民关注的问题有所不同，各区提及最多的三类问题见" + w.next_label() + "。")
        w.table(frame, caption="各区居民反映最多的问题", align={"填写人数": "right"})
    frame = phrase_table(c)
    if len(frame):
        w.paragraph("开放题中出现最多的词语（按提及人数）见" + w.next_label() + "，可作为问题归类的补充。")
        w.table(frame, caption="开放题高频词语", formats={"占填写人数比例(%)": F1}, align={"排名": "center"})


def _chapter_gap(w: DocxWriter, a) -> None:
    w.heading(CHAPTERS[6], 1)
    gap = a.gap
    if gap is None:
        w.paragraph("未取得可用的各区客观指标数据（需要城市体检评估数据库中至少3个区的相关指标值，且区名或区划代码与问卷"
                    "所填区一致），本次未开展主观感受与客观指标的对比。计算各区指标后重新生成本报告即可补充本章。")
        return
    w.paragraph("将各区分维度满意度与相关客观指标对比：满意度和客观指标分别在各区之间标准化（标准分，均值0、标准差1），"
                "客观指标按其方向（越大越好或越小越好）取符号后平均；两者之差不小于1时判断为“主观感受高于客观水平”，"
                "不大于−1时判断为“主观感受低于客观水平”。")
    mismatch, values = gap_tables(gap)
    worse = mismatch[gap.mismatches()["verdict_code"].to_numpy() == "worse"]
    better = mismatch[gap.mismatches()["verdict_code"].to_numpy() == "better"]
    parts = []
    if len(worse):
        parts.append(_join([f"{r['区']}的{r['维度']}" for _, r in worse.iterrows()]) + "居民感受明显低于客观指标水平")
    if len(better):
        parts.append(_join([f"{r['区']}的{r['维度']}" for _, r in better.iterrows()]) + "居民感受高于客观指标水平")
    if parts:
        w.paragraph("对比发现，" + "；".join(parts) + "（" + w.next_label() + "）。感受低于指标的，"
                    "往往反映设施质量、服务水平或使用便利性等指标未能体现的问题，宜结合实地调研核实。")
        w.table(mismatch, caption="主观感受与客观指标不一致的区和维度",
                formats={"满意度得分": F1, "满意度标准分": F2, "客观指标标准分": F2, "差值": F2}, align={"判断": "center"})
    else:
        w.paragraph("各区居民感受与客观指标总体一致，未发现明显偏离。")
    if len(values):
        w.table(values, caption="对比所用客观指标（各区）", formats={c: "{:,.2f}" for c in values.columns[3:]},
                align={"维度": "center", "方向": "center"})
    relations = a.options.relations or default_relations()
    used = set(gap.detail["indicator"]) if len(gap.detail) else set()
    absent = sorted({r.indicator for r in relations} - used)
    notes = []
    if absent:
        names = _indicator_names(absent)
        notes.append("评估数据库中缺少以下相关指标的分区数值，未参与对比：" + "、".join(f"{c} {names[c]}" for c in absent))
    without = [d for d in DIMENSIONS if d in set(gap.table["dimension"]) and not (gap.table[gap.table["dimension"] == d]["indicators"] != "").any()]
    if without:
        notes.append("以下维度没有可对比的客观指标：" + "、".join(_dim(d) for d in without))
    if notes:
        w.note("注：" + "；".join(notes) + "。")


def _chapter_conclusions(w: DocxWriter, a) -> None:
    w.heading(CHAPTERS[7], 1)
    w.paragraph("（本章由系统根据调查数据自动生成，请结合本地实际修改完善。）", color="C00000")
    text = conclusions(a)
    w.heading("（一）主要结论", 2)
    for k, sentence in enumerate(text["findings"], start=1):
        w.paragraph(f"{k}. {sentence}")
    w.heading("（二）对策建议", 2)
    for k, sentence in enumerate(text["advice"], start=1):
        w.paragraph(f"{k}. {sentence}")
    w.heading("（三）调查工作改进", 2)
    for k, sentence in enumerate(text["survey"], start=1):
        w.paragraph(f"{k}. {sentence}")

