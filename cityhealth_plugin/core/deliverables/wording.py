"""Chinese wording of the deliverables: numbers, statuses, trends, reasons, 待补充 notes.

The reports are Chinese documents whatever the UI language, so their words are written here in
Chinese (not through ``tr``). Every sentence that judges a number is built from the diagnosis
row, so the text never contradicts the tables. Missing data is said explicitly with
``pending(...)``: '（待补充：…）', which the user searches for and replaces.
"""

import math
from typing import Iterable, Mapping, Optional, Sequence

import numpy as np
import pandas as pd

MISSING = "—"
PENDING_MARK = "待补充"

STATUS_ZH = {"met": "达标", "nearly_met": "基本达标", "warning": "预警", "not_met": "未达标", "not_assessed": "未评价"}
STATUS_ORDER = ("met", "nearly_met", "warning", "not_met", "not_assessed")
TREND_ZH = {"up": "上升", "down": "下降", "flat": "基本持平", "unknown": "—"}
EVALUATION_ZH = {"improving": "向好", "worsening": "变差", "stable": "平稳"}
DIRECTION_ZH = {"positive": "正向", "negative": "逆向", "interval": "区间", "constraint": "约束", "neutral": "—",
                "constraint_max": "约束", "constraint_min": "约束"}
LEVEL1_ORDER = ("安全", "创新", "协调", "绿色", "开放", "共享")

CHECK_ZH = {
    "redline_construction": "生态保护红线内建设用地",
    "farmland_occupation": "永久基本农田非耕地利用",
    "new_construction_outside_boundary": "城镇开发边界外新增建设用地",
    "heritage_construction": "历史文化保护线内建设用地",
    "new_construction": "新增建设用地",
}
RULE_ZH = {
    "redline_construction": "生态保护红线内建设用地",
    "farmland_construction": "永久基本农田被建设占用",
    "farmland_non_cultivated": "永久基本农田用于非耕地",
    "new_construction_outside_boundary": "城镇开发边界外新增建设用地",
    "heritage_construction": "历史文化保护线内建设用地",
    "new_construction": "新增建设用地",
}
CHECK_STATUS_ZH = {"ok": "未发现问题", "violations": "发现问题图斑", "missing_input": "缺少数据，未检查",
                   "invalid_input": "数据有误，未检查"}


def pending(what: str) -> str:
    """'（待补充：what）' — the marker of everything the user must still write or supply."""
    return f"（{PENDING_MARK}：{what}）"


def is_number(value) -> bool:
    try:
        return value is not None and not pd.isna(value) and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def num(value, digits: int = 2) -> str:
    """A number for the text: thousands separators, at most ``digits`` decimals, no trailing zeros;
    large magnitudes keep fewer decimals."""
    if not is_number(value):
        return MISSING
    value = float(value)
    if abs(value) >= 1000:
        digits = 0
    elif abs(value) >= 100:
        digits = min(digits, 1)
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def with_unit(value, unit: str, digits: int = 2) -> str:
    text = num(value, digits)
    if text == MISSING:
        return text
    unit = str(unit or "")
    return text + unit if unit in ("%", "‰") else (f"{text}{unit}" if unit.startswith(("万", "亿")) else
                                                  f"{text} {unit}".rstrip())


def percent(share, digits: int = 1) -> str:
    return MISSING if not is_number(share) else f"{100 * float(share):.{digits}f}%"


def join(items: Iterable[str], last: str = "和") -> str:
    items = [str(i) for i in items if str(i)]
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + last + items[-1]


def status_zh(status) -> str:
    return STATUS_ZH.get(str(status), str(status or MISSING))


def trend_zh(row) -> str:
    """'上升（向好）', '基本持平', '—'."""
    trend = str(getattr(row, "trend", "") or "unknown")
    if trend == "unknown":
        return MISSING
    evaluation = EVALUATION_ZH.get(str(getattr(row, "evaluation", "")))
    words = TREND_ZH.get(trend, trend)
    return f"{words}（{evaluation}）" if evaluation and trend != "flat" else words


def target_zh(row) -> str:
    """The target cell: '30（2025年）', '1.5～2.2', '≤100', '≥49', '—'."""
    lower, upper, limit = getattr(row, "lower", None), getattr(row, "upper", None), getattr(row, "limit", None)
    if is_number(getattr(row, "target_value", None)):
        year = getattr(row, "target_year", None)
        suffix = f"（{int(year)}）" if is_number(year) else ""
        return num(row.target_value) + suffix
    if is_number(lower) and is_number(upper):
        return f"{num(lower)}～{num(upper)}"
    if is_number(limit):
        direction = str(getattr(row, "direction", ""))
        sign = "≥" if direction.endswith("min") or direction == "positive" else "≤"
        return sign + num(limit)
    if is_number(lower):
        return "≥" + num(lower)
    if is_number(upper):
        return "≤" + num(upper)
    return MISSING


def reason_zh(row) -> str:
    """Why the indicator has its status, in Chinese, from the diagnosis row (TABLE_COLUMNS)."""
    unit = str(getattr(row, "unit", "") or "")
    basis = str(getattr(row, "basis", "") or "")
    value = with_unit(getattr(row, "current_value", None), unit)
    target = with_unit(getattr(row, "target_value", None), unit)
    year = getattr(row, "target_year", None)
    year_text = f"{int(year)}年" if is_number(year) else ""
    if basis == "no_value":
        return f"缺少{int(row.current_year)}年数值"
    if basis == "no_target":
        return "尚无目标值、合理区间或管控值，暂不评价"
    if basis == "reached":
        return f"现状值{value}，已达到{year_text}目标值{target}"
    if basis == "on_schedule":
        return (f"现状值{value}，完成进度{percent(row.achieved_share, 0)}，不低于时间进度"
                f"{percent(row.time_share, 0)}，按期推进{year_text}目标{target}")
    if basis == "away":
        return (f"自{int(row.base_year)}年以来由{with_unit(row.base_value, unit)}变为{value}，"
                f"偏离{year_text}目标值{target}")
    if basis == "lag":
        return (f"完成进度{percent(row.achieved_share, 0)}，落后于时间进度{percent(row.time_share, 0)}约"
                f"{num(row.lag_points, 0)}个百分点（现状值{value}，{year_text}目标值{target}）")
    if basis == "gap":
        return f"现状值{value}，距{year_text}目标值{target}尚差{percent(row.gap, 1)}"
    if basis == "inside":
        return f"现状值{value}，处于合理区间{num(row.lower)}～{num(row.upper)}内"
    if basis == "outside":
        return f"现状值{value}，超出合理区间{num(row.lower)}～{num(row.upper)}约{percent(row.gap, 1)}"
    if basis == "limit_ok":
        return f"现状值{value}，满足管控值{with_unit(row.limit, unit)}要求"
    if basis == "limit_near":
        return f"现状值{value}，已接近管控值{with_unit(row.limit, unit)}"
    if basis == "limit_broken":
        return f"现状值{value}，突破管控值{with_unit(row.limit, unit)}"
    return f"现状值{value}"


def status_counts(statuses: Sequence[str]) -> Mapping[str, int]:
    series = pd.Series(list(statuses), dtype=object)
    return {s: int((series == s).sum()) for s in STATUS_ORDER}


def counts_sentence(counts: Mapping[str, int]) -> str:
    """'达标5项、基本达标2项、预警3项、未达标1项，另有4项暂无法评价'."""
    parts = [f"{STATUS_ZH[s]}{counts.get(s, 0)}项" for s in ("met", "nearly_met", "warning", "not_met")
             if counts.get(s, 0)]
    text = "、".join(parts) if parts else "暂无可评价指标"
    if counts.get("not_assessed", 0):
        text += f"，另有{counts['not_assessed']}项暂无法评价"
    return text


def year_span(base_year: int, year: int) -> str:
    return f"{int(base_year)}—{int(year)}年"


def share_text(part, whole, digits: int = 1) -> str:
    if not is_number(part) or not is_number(whole) or float(whole) == 0:
        return MISSING
    return percent(float(part) / float(whole), digits)


def clean_text(value) -> str:
    """A form text cell as a sentence ('' for blanks / NaN / 'None')."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = str(value).strip()
    return "" if text.lower() in ("nan", "none", "null") else text


def sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    return text if text.endswith(("。", "！", "？", "；", "）")) else text + "。"


def first_of(mapping: Mapping, keys: Sequence, default=None):
    for key in keys:
        if key in mapping and mapping[key] is not None:
            return mapping[key]
    return default


def district_extremes(values: Mapping[str, float], names: Mapping[str, str], higher_is_better: Optional[bool]):
    """(best name, best value, worst name, worst value) of district values ('' when fewer than two)."""
    finite = {k: float(v) for k, v in values.items() if is_number(v)}
    if len(finite) < 2 or higher_is_better is None:
        return None
    ordered = sorted(finite.items(), key=lambda kv: kv[1], reverse=bool(higher_is_better))
    best, worst = ordered[0], ordered[-1]
    return names.get(best[0], best[0]), best[1], names.get(worst[0], worst[0]), worst[1]
