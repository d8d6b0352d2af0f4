"""Pieces shared by the annual report and the special report: indicator tables, maps, pending notes.

All text is Chinese (see wording.py). Tables are built from the diagnosis rows of ``ReportData``
so that the report, 附件1 and the database say the same thing.
"""

import io
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import pandas as pd

from ..mapset.catalog import default_catalogue
from .context import ReportData
from .wording import (
    MISSING, STATUS_ZH, counts_sentence, is_number, join, num, pending, reason_zh, sentence, status_counts,
    status_zh, target_zh, trend_zh, with_unit,
)

MAP_WIDTH_CM = 13.5  # an A3 landscape page at this width: two maps with captions per A4 page
REPORT_IMAGE_PX = 1400  # map PNGs are scaled to this width for the Word files (≈ 230 dpi at 15.6 cm)
STATUS_FILLS = {"met": "E2EFDA", "nearly_met": "FFF2CC", "warning": "FCE4D6", "not_met": "F8CBAD"}
WEAK = ("not_met", "warning")
NO_DATA = "缺数据"
NO_DATA_FILL = "EDEDED"


# --------------------------------------------------------------------------------------
# indicators

def codes_with_rows(report: ReportData, codes: Sequence[str]) -> Tuple[List[str], List[str]]:
    """(codes with a diagnosis row and a current value, codes without a current value)."""
    with_value, without = [], []
    for code in codes:
        row = report.row(code)
        if row is not None and is_number(row.current_value):
            with_value.append(code)
        elif report.indicator(code) is not None:
            without.append(code)
    return with_value, without


def indicator_frame(report: ReportData, codes: Sequence[str]) -> Tuple[pd.DataFrame, Dict[int, str]]:
    """The indicator table of a chapter and the row highlights (status colours)."""
    rows, highlight = [], {}
    for code in codes:
        row = report.row(code)
        if row is None:
            indicator = report.indicator(code)
            if indicator is None:
                continue
            rows.append({"编号": code, "指标项": indicator.name_zh, "单位": indicator.unit,
                         f"{report.base_year}年": MISSING, f"{report.year}年": MISSING, "目标值": MISSING,
                         "变化趋势": MISSING, "评估结论": NO_DATA})
            highlight[len(rows) - 1] = NO_DATA_FILL
            continue
        unit = str(row.unit or "")
        has_value = is_number(row.current_value)
        rows.append({
            "编号": code, "指标项": row.name_zh, "单位": unit,
            f"{report.base_year}年": num(row.base_value),
            f"{report.year}年": num(row.current_value),
            "目标值": target_zh(row), "变化趋势": trend_zh(row).replace("（", "\n（") if has_value else MISSING,
            "评估结论": status_zh(row.status) if has_value else NO_DATA,
        })
        fill = STATUS_FILLS.get(str(row.status)) if has_value else NO_DATA_FILL
        if fill:
            highlight[len(rows) - 1] = fill
    return pd.DataFrame(rows), highlight


def add_indicator_table(w, report: ReportData, codes: Sequence[str], caption: str) -> bool:
    frame, highlight = indicator_frame(report, codes)
    if frame.empty:
        return False
    right = {c: "right" for c in frame.columns if c.endswith("年") or c == "目标值"}
    right.update({"评估结论": "center", "单位": "center", "变化趋势": "center"})
    fixed = [1.2, 0, 1.5, 1.5, 1.5, 2.2, 1.9, 1.7]
    fixed[1] = max(3.0, w.text_width_cm - sum(fixed))
    w.table(frame, caption=caption, align=right, highlight=highlight, widths_cm=fixed,
            note=f"注：评估结论依据目标值、合理区间或管控值判定；“{MISSING}”表示无数据或无可比目标；"
                 f"“{NO_DATA}”表示尚无{report.year}年数值。")
    return True


def department_of(report: ReportData, code: str) -> str:
    row = report.row(code)
    department = str(getattr(row, "department", "") or "") if row is not None else ""
    if not department:
        department = report.form_texts(code).get("department", "")
    return department or "责任部门"


def missing_values_note(report: ReportData, codes: Sequence[str]) -> str:
    """'（待补充：以下指标尚无2024年数值……：A-03 地下水水位（市水利局）、…）' or ''."""
    if not codes:
        return ""
    items = []
    for code in codes:
        indicator = report.indicator(code)
        name = indicator.name_zh if indicator is not None else code
        items.append(f"{code} {name}（{department_of(report, code)}）")
    return pending(f"以下{len(codes)}项指标尚无{report.year}年数值，请责任部门填报后更新本节：" + "、".join(items))


def assessment_summary(report: ReportData, codes: Sequence[str], label: str) -> str:
    """One paragraph: how many indicators, their statuses, the weak and the strong ones."""
    present, missing = codes_with_rows(report, codes)
    rows = [report.row(c) for c in present]
    counts = status_counts([r.status for r in rows])
    text = f"{label}共纳入评估指标{len(codes)}项，其中{len(present)}项有{report.year}年数值"
    if not present:
        return text + "。" + missing_values_note(report, missing)
    text += f"：{counts_sentence(counts)}。"
    weak = [r for r in rows if r.status in WEAK]
    weak.sort(key=lambda r: (0 if r.status == "not_met" else 1))
    if weak:
        text += "需重点关注的指标：" + "；".join(f"{r.name_zh}{status_zh(r.status)}，{reason_zh(r)}" for r in weak[:6])
        text += "。" if len(weak) <= 6 else f"；另有{len(weak) - 6}项预警或未达标指标。"
    good = [r for r in rows if r.status == "met"]
    if good:
        text += "达标指标包括" + join([r.name_zh for r in good[:6]]) + ("等" if len(good) > 6 else "") + "。"
    return text


def department_paragraphs(w, report: ReportData, codes: Sequence[str]) -> int:
    """The departments' 基本情况 / 取得成效 / 短板及成因 of the chapter's indicators; returns how many."""
    written = 0
    for code in codes:
        texts = report.form_texts(code)
        parts = []
        for key, label in (("situation", "基本情况"), ("achievements", "取得成效"), ("shortcomings", "短板及成因")):
            if texts.get(key):
                parts.append(f"{label}：{sentence(texts[key])}")
        if not parts:
            continue
        indicator = report.indicator(code)
        name = indicator.name_zh if indicator is not None else code
        department = texts.get("department") or department_of(report, code)
        w.paragraph(f"**{name}**（{department}）" + "".join(parts))
        written += 1
    return written


def measures_for(report: ReportData, code: str) -> str:
    text = report.form_texts(code).get("measures", "")
    if text:
        return sentence(text)
    indicator = report.indicator(code)
    name = indicator.name_zh if indicator is not None else code
    return pending(f"{department_of(report, code)}提出提升“{name}”的措施")


def weak_rows(report: ReportData, codes: Sequence[str]):
    rows = [report.row(c) for c in codes]
    rows = [r for r in rows if r is not None and r.status in WEAK]
    return sorted(rows, key=lambda r: (0 if r.status == "not_met" else 1, -(r.gap if is_number(r.gap) else 0)))


# --------------------------------------------------------------------------------------
# districts

def district_table(report: ReportData, codes: Sequence[str], max_codes: int = 6) -> Optional[pd.DataFrame]:
    """Districts × indicators (current year) for the codes that have district values."""
    columns = {}
    for code in codes:
        values = report.district_values(code)
        if values:
            indicator = report.indicator(code)
            unit = indicator.unit if indicator is not None else ""
            name = indicator.name_zh if indicator is not None else code
            columns[f"{name}（{unit}）" if unit else name] = values
        if len(columns) >= max_codes:
            break
    if not columns:
        return None
    codes_seen = sorted({c for values in columns.values() for c in values})
    order = [c for c in report.districts if c in codes_seen] + [c for c in codes_seen if c not in report.districts]
    frame = pd.DataFrame({"行政区": [report.districts.get(c, c) for c in order]})
    for title, values in columns.items():
        frame[title] = [num(values.get(c)) for c in order]
    return frame


def district_sentence(report: ReportData, code: str) -> str:
    values = report.district_values(code)
    indicator = report.indicator(code)
    if len(values) < 2 or indicator is None:
        return ""
    direction = indicator.direction
    if direction not in ("positive", "negative"):
        ordered = sorted(values.items(), key=lambda kv: kv[1], reverse=True)
        return (f"{indicator.name_zh}以{report.districts.get(ordered[0][0], ordered[0][0])}最高"
                f"（{with_unit(ordered[0][1], indicator.unit)}），{report.districts.get(ordered[-1][0], ordered[-1][0])}"
                f"最低（{with_unit(ordered[-1][1], indicator.unit)}）。")
    ordered = sorted(values.items(), key=lambda kv: kv[1], reverse=direction == "positive")
    best, worst = ordered[0], ordered[-1]
    return (f"分区看，{indicator.name_zh}以{report.districts.get(best[0], best[0])}最好"
            f"（{with_unit(best[1], indicator.unit)}），{report.districts.get(worst[0], worst[0])}最弱"
            f"（{with_unit(worst[1], indicator.unit)}），相差{num(abs(best[1] - worst[1]))}"
            f"{'个百分点' if indicator.unit == '%' else indicator.unit}。")


# --------------------------------------------------------------------------------------
# maps

_NAMES: Dict[str, str] = {}


def map_name(report: ReportData, map_id: str) -> str:
    """Chinese name of a map-set entry (from the map catalogue), also when the map was not drawn."""
    page = report.map_page(map_id)
    if page is not None and page.name:
        return page.name
    if not _NAMES:
        try:
            for entry in default_catalogue().static_entries():
                _NAMES[entry.id] = entry.name("zh")
        except Exception:  # noqa: BLE001 - the catalogue is shipped; a broken one only loses names
            pass
    if map_id in _NAMES:
        return _NAMES[map_id]
    if map_id.startswith("indicator_"):
        code = map_id[len("indicator_"):].replace("_", "-")
        indicator = report.indicator(code)
        return f"{indicator.name_zh if indicator is not None else code}分区图"
    return map_id


def report_image(path: Path, max_px: int = REPORT_IMAGE_PX):
    """The PNG scaled to ``max_px`` wide (bytes) when Pillow is there, else the path itself."""
    try:
        from PIL import Image
    except ImportError:
        return str(path)
    try:
        with Image.open(path) as image:
            if image.width <= max_px:
                return str(path)
            height = int(round(image.height * max_px / image.width))
            small = image.convert("RGB").resize((max_px, height), Image.LANCZOS)
            buffer = io.BytesIO()
            small.save(buffer, "PNG", optimize=True)
            return buffer.getvalue()
    except OSError:
        return str(path)


_REASON_PATTERNS = (
    (r"^Missing result: (.+?)\. Run (.+) first\.$", "缺少{0}，需先进行{1}"),
    (r"^Missing result: (.+?)\.$", "缺少{0}"),
    (r"^Missing layer: (.+?)\. Assign it in the Data panel\.$", "缺少图层：{0}"),
    (r"^Missing input: (.+?)\.$", "缺少输入：{0}"),
    (r"^Nothing to draw: the computed layer '(.+)' has no features\.$", "计算图层“{0}”为空，无可绘制内容"),
    (r"^The result layer '(.+)' has no features\.$", "结果图层“{0}”没有要素"),
    (r"^Layer '(.+)' \((.+)\) has no features\.$", "图层“{0}”（{1}）没有要素"),
)


def reason_zh_text(reason: str) -> str:
    """The map set's reason for a map left out, in Chinese where it came in English (headless runner)."""
    import re

    text = str(reason or "").strip()
    for pattern, template in _REASON_PATTERNS:
        match = re.match(pattern, text)
        if match:
            return template.format(*match.groups())
    return text


def add_maps(w, report: ReportData, map_ids: Iterable[str]) -> Tuple[int, List[str]]:
    """Insert the maps' PNGs (caption = map name); a pending note for each map that is not there.
    Returns (images inserted, names of the missing maps)."""
    inserted, missing = 0, []
    for map_id in map_ids:
        page = report.map_page(map_id)
        name = map_name(report, map_id)
        if page is not None and page.png is not None and Path(page.png).is_file():
            w.image(report_image(Path(page.png)), caption=name, width_cm=min(MAP_WIDTH_CM, w.text_width_cm))
            # the caption belongs to its picture above, not to the next one: two maps fit on a page
            w.document.paragraphs[-1].paragraph_format.keep_with_next = False
            inserted += 1
            continue
        reason = reason_zh_text(report.map_reason(map_id)) or "图集中没有该图"
        w.paragraph(pending(f"{name}：{reason.rstrip('。')}"), indent=False)
        missing.append(name)
    return inserted, missing


def status_legend_note() -> str:
    return "评估结论：" + "、".join(f"{v}" for k, v in STATUS_ZH.items()) + "（依据《国土空间规划城市体检评估规程》及本市目标值判定）。"
